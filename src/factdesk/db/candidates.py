"""Documents that may report a statement: a full-text query on its distinctive words.

Used by corroboration (factdesk.services.corroboration): the index narrows 10,000 documents
to the few dozen worth aligning word by word. The query is an OR of the statement's longer
words, so a typo or a changed word in a report ("United Sates", "would" for "will") still
leaves it among the candidates; bm25 puts those sharing the most, and the rarest, first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from sqlalchemy import text
from sqlmodel import Session

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# words too common in news to narrow anything
_COMMON = frozenset(
    """
    the and for that with this from have has had was were are will would could should their
    there they them then than what when where which while who whom said says told also into
    over about after before been being more most some such only other very just like make
    made does done our your his her its not but can may might must shall
    """.split()  # noqa: SIM905 (a block of words reads better than a list of strings)
)
MAX_WORDS = 16


def distinctive_words(statement: str) -> list[str]:
    """The statement's words worth searching for, longest first (at most MAX_WORDS)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(statement.casefold()):
        if len(word) >= 3 and word not in _COMMON:
            seen.setdefault(word, None)
    return sorted(seen, key=len, reverse=True)[:MAX_WORDS]


def documents_sharing(
    *, session: Session, words: Sequence[str], exclude: Collection[int] = (), limit: int = 40
) -> list[int]:
    """Ids of the documents sharing the most of `words` (bm25), without those in `exclude`."""
    if not words:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    rows = session.execute(
        text(
            "SELECT rowid FROM document_fts WHERE document_fts MATCH :q "
            "ORDER BY bm25(document_fts) LIMIT :n"
        ),
        {"q": match, "n": limit + len(exclude)},
    )
    skip = set(exclude)
    return [row[0] for row in rows if row[0] not in skip][:limit]
