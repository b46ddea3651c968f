"""Repository functions for speakers and their aliases ("Sir Keir" → Keir Starmer)."""

from __future__ import annotations

from sqlalchemy import Select, delete, func, insert, select, update
from sqlmodel import Session

from factdesk.core.errors import InvalidInputError
from factdesk.core.records import SpeakerInfo
from factdesk.db.models import Claim, Speaker, SpeakerAlias


def find_speaker(*, session: Session, name: str) -> int | None:
    """The id of the speaker called `name` or known by it as an alias (case-insensitive)."""
    return session.execute(speaker_ids_named(name).limit(1)).scalar()


def name_of(*, session: Session, speaker_id: int | None) -> str | None:
    """The stored name of a speaker (what history records, whatever alias was typed)."""
    if speaker_id is None:
        return None
    return session.execute(select(Speaker.name).where(Speaker.id == speaker_id)).scalar()


def resolve_speaker(*, session: Session, name: str) -> tuple[int, bool]:
    """The speaker for `name`, created if new: returns (id, created)."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("a speaker's name cannot be empty")
    found = find_speaker(session=session, name=name)
    if found is not None:
        return found, False
    new_id = session.execute(insert(Speaker).values(name=name).returning(Speaker.id)).scalar_one()
    return new_id, True


def add_alias(*, session: Session, speaker_id: int, alias: str) -> bool:
    """Record `alias` for the speaker; False when it already names someone."""
    alias = " ".join(alias.split())
    if not alias:
        raise InvalidInputError("an alias cannot be empty")
    if find_speaker(session=session, name=alias) is not None:
        return False
    session.execute(insert(SpeakerAlias).values(speaker_id=speaker_id, alias=alias))
    return True


def list_speakers(*, session: Session) -> list[SpeakerInfo]:
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias).order_by(SpeakerAlias.alias)
    ):
        aliases.setdefault(speaker_id, []).append(alias)
    rows = session.execute(select(Speaker.id, Speaker.name).order_by(Speaker.name))
    return [SpeakerInfo(id=i, name=n, aliases=tuple(aliases.get(i, ()))) for i, n in rows]


def claim_counts(*, session: Session) -> dict[int, int]:
    """How many claims each speaker with any has, by speaker id."""
    rows = session.execute(
        select(Claim.speaker_id, func.count())
        .where(Claim.speaker_id.is_not(None))
        .group_by(Claim.speaker_id)
    )
    return {speaker_id: count for speaker_id, count in rows}


def speaker_ids_named(name: str) -> Select[tuple[int]]:
    """A subquery of the speaker ids called `name` or known by it as an alias."""
    name = " ".join(name.split())
    return (
        select(Speaker.id)
        .where(Speaker.name == name)
        .union(select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias == name))
    )  # type: ignore[return-value]


def remove_alias(*, session: Session, alias: str) -> int:
    """Forget `alias`; returns the speaker it named."""
    alias = " ".join(alias.split())
    row = session.execute(
        select(SpeakerAlias.id, SpeakerAlias.speaker_id).where(SpeakerAlias.alias == alias)
    ).first()
    if row is None:
        raise InvalidInputError(f"“{alias}” is not an alias of any speaker")
    session.execute(delete(SpeakerAlias).where(SpeakerAlias.id == row.id))
    return row.speaker_id


def merge_speakers(*, session: Session, source_id: int, target_id: int) -> list[int]:
    """`source` is the same person as `target`: its claims, aliases and name go to `target`
    (its name becomes an alias) and it is deleted. Returns the ids of the claims moved."""
    if source_id == target_id:
        raise InvalidInputError("a speaker cannot be merged into itself")
    source_name = name_of(session=session, speaker_id=source_id)
    moved = list(session.execute(select(Claim.id).where(Claim.speaker_id == source_id)).scalars())
    session.execute(update(Claim).where(Claim.speaker_id == source_id).values(speaker_id=target_id))
    session.execute(
        update(SpeakerAlias)
        .where(SpeakerAlias.speaker_id == source_id)
        .values(speaker_id=target_id)
    )
    session.execute(delete(Speaker).where(Speaker.id == source_id))
    if (
        source_name
        and source_name.casefold()
        != (name_of(session=session, speaker_id=target_id) or "").casefold()
    ):
        session.execute(insert(SpeakerAlias).values(speaker_id=target_id, alias=source_name))
    return moved
