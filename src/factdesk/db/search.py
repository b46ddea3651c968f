"""Full-text search over documents and claims through the FTS5 index."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlmodel import Session

from factdesk.core.records import SearchHit

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_query: str) -> str | None:
    """Turn what a person types into a safe FTS5 query: every word must occur, the last one as
    a prefix (search-as-you-type). FTS5 syntax characters in the input are never interpreted."""
    words = _TOKEN.findall(user_query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(*, session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Documents, then claims, matching `query`, best first, with a highlighted snippet."""
    match = fts_query(query)
    if match is None:
        return []
    docs = session.execute(
        text(
            "SELECT d.id, d.title, snippet(document_fts, 1, '[', ']', '…', 12) "
            "FROM document_fts JOIN document d ON d.id = document_fts.rowid "
            "WHERE document_fts MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": match, "n": limit},
    )
    claims = session.execute(
        text(
            "SELECT c.id, c.text, snippet(claim_fts, -1, '[', ']', '…', 12) "
            "FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid "
            "WHERE claim_fts MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": match, "n": limit},
    )
    return [SearchHit("document", i, t, s) for i, t, s in docs] + [
        SearchHit("claim", i, t, s) for i, t, s in claims
    ]
