"""Repository functions for dismissed claim suggestions."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlmodel import Session

from factdesk.db.models import SuggestionDismissal


def dismiss(
    *, session: Session, doc_id: int, kind: str, start: int, end: int, editor: str, now: str
) -> bool:
    """Record the dismissal; False when it was already dismissed."""
    result = session.execute(
        insert(SuggestionDismissal)
        .values(document_id=doc_id, kind=kind, start=start, end=end, editor=editor, at=now)
        .on_conflict_do_nothing(index_elements=["document_id", "kind", "start", "end"])
    )
    return bool(result.rowcount)


def undismiss(*, session: Session, doc_id: int, kind: str, start: int, end: int) -> bool:
    result = session.execute(
        delete(SuggestionDismissal).where(
            SuggestionDismissal.document_id == doc_id,
            SuggestionDismissal.kind == kind,
            SuggestionDismissal.start == start,
            SuggestionDismissal.end == end,
        )
    )
    return bool(result.rowcount)


def dismissed(*, session: Session, doc_id: int) -> frozenset[tuple[str, int, int]]:
    rows = session.execute(
        select(SuggestionDismissal.kind, SuggestionDismissal.start, SuggestionDismissal.end).where(
            SuggestionDismissal.document_id == doc_id
        )
    )
    return frozenset((kind, start, end) for kind, start, end in rows)
