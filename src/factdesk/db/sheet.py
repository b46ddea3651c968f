"""What a CSV fact sheet needs from the desk, read with plain sqlite3 as plain tuples.

`factdesk export csv` of 50,000 claims has a budget of one second from process start (DESIGN
§5); loading SQLAlchemy alone takes most of it, and a record object per claim and per
highlight most of the rest. The selection and order are those of factdesk.db.claims.list_claims
and the desk's document list (tests/services/test_csv_export.py compares the sheets).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from operator import itemgetter
from typing import Any, NamedTuple

from factdesk.core.errors import NotFoundError
from factdesk.core.statuses import ANCHOR_ORPHAN, STATUSES

_SPAN_ORDER = itemgetter(1, 3, 4, 5)  # document, start, end, id


class SheetRows(NamedTuple):
    # (id, text, speaker name or None, said_on, status, note, updated_at), oldest claim first
    claims: list[tuple[Any, ...]]
    # claim id -> [(quote, document id, found, start, end, id, claim id)], each claim's in
    # document and offset order (then end, then id), as list_claims gives them; `found` is
    # false (0) for a highlight whose words are gone from the article (an orphan)
    spans: dict[int, list[tuple[Any, ...]]]
    # (claim id, source, note), in the order they were added
    evidence: list[tuple[Any, ...]]
    # document id -> (title, outlet, published, url), for the documents the spans quote
    documents: dict[int, tuple[Any, ...]]


def read_sheet_rows(
    conn: sqlite3.Connection,
    *,
    statuses: Collection[str] = (),
    doc_id: int | None = None,
    speaker: str | None = None,
) -> SheetRows:
    """The claims matching every filter given (as Desk.claims) with their highlights, evidence
    and quoted documents. Call it inside one read transaction, for one consistent picture."""
    if doc_id is not None and _missing(conn, doc_id):
        raise NotFoundError(f"the desk has no document {doc_id} (see `factdesk docs`)")
    where, params = _filters(statuses, doc_id, speaker)
    claims = conn.execute(
        "SELECT c.id, c.text, s.name, c.said_on, c.status, c.note, c.updated_at FROM claim c"
        f" LEFT JOIN speaker s ON s.id = c.speaker_id{where} ORDER BY c.id",
        params,
    ).fetchall()
    # with no filter, every highlight and evidence item belongs to a listed claim
    join = f" JOIN claim c ON c.id = {{}}.claim_id{where}" if where else ""
    # Read in table order and sorted per claim: most claims have one highlight, and the
    # index order of the whole table cost a lookup per row (half the time of the read).
    spans: dict[int, list[tuple[Any, ...]]] = {}
    for span in conn.execute(
        f"SELECT h.quote, h.document_id, h.anchor <> '{ANCHOR_ORPHAN}', h.start, h.\"end\","
        " h.id, h.claim_id FROM highlight h" + join.format("h"),
        params,
    ):
        spans.setdefault(span[6], []).append(span)
    for group in spans.values():
        if len(group) > 1:
            group.sort(key=_SPAN_ORDER)
    evidence = conn.execute(
        "SELECT e.claim_id, e.source, e.note FROM evidence e" + join.format("e") + " ORDER BY e.id",
        params,
    ).fetchall()
    quoted = {span[1] for group in spans.values() for span in group}
    documents = {
        row[0]: row[1:]
        for row in conn.execute("SELECT id, title, outlet, published, url FROM document")
        if row[0] in quoted
    }
    return SheetRows(claims, spans, evidence, documents)


def _missing(conn: sqlite3.Connection, doc_id: int) -> bool:
    return conn.execute("SELECT 1 FROM document WHERE id = ?", (doc_id,)).fetchone() is None


def _filters(
    statuses: Collection[str], doc_id: int | None, speaker: str | None
) -> tuple[str, list[Any]]:
    """A WHERE clause on `claim c` (as factdesk.db.claims filters) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    # every status there is (the schema allows no other) is no filter: a scan in id order
    if statuses and not set(statuses) >= set(STATUSES):
        clauses.append(f"c.status IN ({', '.join('?' * len(statuses))})")
        params.extend(statuses)
    if doc_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM highlight q WHERE q.claim_id = c.id AND q.document_id = ?)"
        )
        params.append(doc_id)
    if speaker is not None:
        # the speaker called `speaker` or known by it as an alias (both NOCASE columns)
        name = " ".join(speaker.split())
        clauses.append(
            "c.speaker_id IN (SELECT id FROM speaker WHERE name = ?"
            " UNION SELECT speaker_id FROM speaker_alias WHERE alias = ?)"
        )
        params.extend((name, name))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
