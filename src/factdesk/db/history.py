"""The append-only history of every claim: what changed, when, by whom."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlmodel import Session

from factdesk.core.records import HistoryEntry
from factdesk.db.models import History


def append(
    *,
    session: Session,
    claim_id: int,
    editor: str,
    at: str,
    changes: list[tuple[str, object, object]],
) -> None:
    """Record each (field, old, new) change; values are stored as text, None as NULL."""
    if not changes:
        return
    session.execute(
        insert(History),
        [
            {
                "claim_id": claim_id,
                "field": name,
                "old": None if old is None else str(old),
                "new": None if new is None else str(new),
                "editor": editor,
                "at": at,
            }
            for name, old, new in changes
        ],
    )


def for_claim(*, session: Session, claim_id: int) -> list[HistoryEntry]:
    rows = session.execute(
        select(History).where(History.claim_id == claim_id).order_by(History.id)
    ).scalars()
    return [
        HistoryEntry(
            id=h.id or 0,
            claim_id=h.claim_id,
            field=h.field,
            old=h.old,
            new=h.new,
            editor=h.editor,
            at=h.at,
        )
        for h in rows
    ]
