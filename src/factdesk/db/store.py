"""Store imported documents with plain sqlite3, one batch per transaction.

`factdesk import` of 1,000 articles has a budget of three times a bare sqlite3 script that does
nothing but read, hash and insert them (DESIGN §5); loading SQLAlchemy alone would spend most
of it. The caller holds the transaction (factdesk.db.connection), so a batch is stored whole or
not at all. The FTS index follows by trigger, as for any insert.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from factdesk.core.records import DocumentInfo, SourceDocument

_CHUNK = 500  # bound parameters per query, well under SQLite's limit

_INSERT_DOCUMENTS = (
    "INSERT INTO document (title, source, url, outlet, published, imported_at, format, text,"
    " sha256, words) VALUES"
)
_COLUMNS = 10
_INSERT_NOISE = 'INSERT INTO noise_range (document_id, start, "end", kind) VALUES'


def known_digests(conn: sqlite3.Connection, digests: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Map each digest already on the desk to (document id, title)."""
    digests = list(digests)
    found: dict[str, tuple[int, str]] = {}
    for i in range(0, len(digests), _CHUNK):
        chunk = digests[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT sha256, id, title FROM document WHERE sha256 IN ({marks})", chunk
        )
        found.update({sha: (doc_id, title) for sha, doc_id, title in rows})
    return found


def insert_documents(
    conn: sqlite3.Connection,
    sources: Sequence[SourceDocument],
    digests: Sequence[str],
    words: Sequence[int],
    *,
    imported_at: str,
) -> list[DocumentInfo]:
    """Insert documents (with each text's sha256 in `digests`, all different, and its
    count_words() in `words`) and their noise ranges.

    Each kind of row goes in as one multi-row INSERT, not one statement each: SQLite gives every
    statement that writes to the FTS index a savepoint, and FTS5 (3.40) writes its pending
    terms out as a new segment at each one, so a statement per document made indexing twice
    as slow as indexing the batch at once. The ids come back as one row, not as RETURNING rows:
    the import stores a batch on a thread while it reads the next (services.importing), and
    sqlite3 gives up the GIL at every step, so each row stepped for costs a wait for the GIL."""
    rows = [
        (src.title, src.path, src.url, src.outlet, src.published, imported_at, src.format,
         src.text, digest, count)
        for src, digest, count in zip(sources, digests, words, strict=True)
    ]  # fmt: skip
    _insert_rows(conn, _INSERT_DOCUMENTS, _COLUMNS, rows)
    ids = _ids_of(conn, digests)
    _insert_rows(
        conn,
        _INSERT_NOISE,
        4,
        [(ids[digest], n.start, n.end, n.kind)
         for src, digest in zip(sources, digests, strict=True) for n in src.noise],
    )  # fmt: skip
    return [
        DocumentInfo(
            id=ids[digest],
            title=title,
            source=source,
            url=url,
            outlet=outlet,
            published=published,
            imported_at=imported_at,
            format=fmt,
            words=words,
            sha256=digest,
        )
        for title, source, url, outlet, published, _at, fmt, _text, digest, words in rows
    ]


def _insert_rows(
    conn: sqlite3.Connection, insert: str, columns: int, rows: Sequence[Sequence[object]]
) -> None:
    """`insert` ("INSERT INTO t (columns) VALUES") for all `rows`, in as few statements as
    SQLite's limit on bound parameters allows."""
    per_statement = max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // columns)
    row_marks = "(" + ", ".join("?" * columns) + ")"
    for i in range(0, len(rows), per_statement):
        chunk = rows[i : i + per_statement]
        conn.execute(
            f"{insert} {', '.join([row_marks] * len(chunk))}",
            [value for row in chunk for value in row],
        )


def _ids_of(conn: sqlite3.Connection, digests: Sequence[str]) -> dict[str, int]:
    """The id of the document with each digest, read as one row per _CHUNK digests."""
    ids: dict[str, int] = {}
    for i in range(0, len(digests), _CHUNK):
        chunk = digests[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        (pairs,) = conn.execute(
            f"SELECT group_concat(sha256 || ':' || id, ',') FROM document"
            f" WHERE sha256 IN ({marks})",
            chunk,
        ).fetchone()
        for pair in (pairs or "").split(","):
            digest, _, doc_id = pair.partition(":")
            ids[digest] = int(doc_id)
    return ids
