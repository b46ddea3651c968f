"""Importing articles into a desk: read each file, skip duplicates, store in batches.

Each batch is one transaction holding whole documents (text + noise ranges), so a crash or a
kill leaves every document wholly present or absent; re-running the import completes the desk
because content already stored is recognised by its sha256 and skipped. Storing uses the
desk's plain sqlite3 connection (factdesk.db.store): `factdesk import` never waits for
SQLAlchemy to load.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from factdesk.core.errors import KnownError, SourceError
from factdesk.core.records import (
    Changes,
    DocumentInfo,
    Duplicate,
    ImportReport,
    Outcome,
    Rejected,
    SourceDocument,
)
from factdesk.core.text import text_sha256
from factdesk.db import store
from factdesk.db.connection import transaction
from factdesk.sources import document_from_text, read_source

log = logging.getLogger(__name__)

BATCH_SIZE = 100


@dataclass
class _Tally:
    imported: list[DocumentInfo] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def import_files(
    conn: sqlite3.Connection,
    paths: Iterable[str | os.PathLike[str]],
    *,
    now: str,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    paths = [os.fspath(p) for p in paths]
    tally = _Tally()
    pending: list[SourceDocument] = []
    was_cancelled = False
    for done, path in enumerate(paths, start=1):
        if cancelled is not None and cancelled():
            was_cancelled = True
            break
        source = _read(path, tally)
        if source is not None:
            pending.append(source)
        if len(pending) >= batch_size:
            _store(conn, pending, now, tally)
            pending = []
        if progress is not None:
            progress(done, len(paths), path)
    _store(conn, pending, now, tally)
    docs = frozenset(d.id for d in tally.imported)
    return ImportReport(
        imported=tuple(tally.imported),
        duplicates=tuple(tally.duplicates),
        rejected=tuple(tally.rejected),
        cancelled=was_cancelled,
        changes=Changes(documents=docs),
    )


def import_text(
    conn: sqlite3.Connection, text: str, *, title: str | None, now: str
) -> Outcome[DocumentInfo]:
    """Store pasted text as one document; refuse it if the desk already holds the same text."""
    source = document_from_text(text, title=title)
    tally = _Tally()
    _store(conn, [source], now, tally)
    if tally.duplicates:
        dup = tally.duplicates[0]
        raise KnownError(
            f"the pasted text is already on the desk as document {dup.existing_id} "
            f"(“{dup.existing_title}”)"
        )
    info = tally.imported[0]
    return Outcome(info, Changes(documents=frozenset({info.id})))


def _read(path: str, tally: _Tally) -> SourceDocument | None:
    try:
        return read_source(path)
    except SourceError as exc:
        tally.rejected.append(Rejected(exc.path, exc.reason))
    except Exception:  # a bug in an importer must not cost the user the other files
        log.exception("importer failed on %s", path)
        tally.rejected.append(
            Rejected(path, "could not be read because of a bug in factdesk (see the log)")
        )
    return None


def _store(
    conn: sqlite3.Connection, sources: Sequence[SourceDocument], now: str, tally: _Tally
) -> None:
    if not sources:
        return
    digests = [text_sha256(s.text) for s in sources]
    with transaction(conn, write=True):
        known = store.known_digests(conn, digests)
        fresh: list[SourceDocument] = []
        fresh_digests: list[str] = []
        first_in_batch: dict[str, int] = {}
        later_in_batch: list[tuple[SourceDocument, int]] = []
        for source, digest in zip(sources, digests, strict=True):
            if digest in known:
                doc_id, title = known[digest]
                tally.duplicates.append(Duplicate(source.path, doc_id, title))
            elif digest in first_in_batch:
                later_in_batch.append((source, first_in_batch[digest]))
            else:
                first_in_batch[digest] = len(fresh)
                fresh.append(source)
                fresh_digests.append(digest)
        stored = store.insert_documents(conn, fresh, fresh_digests, imported_at=now)
    tally.imported.extend(stored)
    for source, index in later_in_batch:
        tally.duplicates.append(Duplicate(source.path, stored[index].id, stored[index].title))
