"""Repository functions for claims, their highlights (spans) and their evidence."""

from __future__ import annotations

from collections.abc import Collection
from operator import attrgetter
from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session

from factdesk.core.anchors import Selector
from factdesk.core.errors import ConflictError, InvalidInputError, NotFoundError
from factdesk.core.records import ClaimInfo, EvidenceInfo, Span
from factdesk.core.statuses import ANCHOR_OK
from factdesk.db.models import Claim, Evidence, Highlight, Speaker
from factdesk.db.speakers import speaker_ids_named


def insert_claim(
    *,
    session: Session,
    text: str,
    speaker_id: int | None,
    said_on: str | None,
    status: str,
    note: str,
    now: str,
) -> int:
    return session.execute(
        insert(Claim)
        .values(
            text=text,
            speaker_id=speaker_id,
            said_on=said_on,
            status=status,
            note=note,
            created_at=now,
            updated_at=now,
            version=1,
        )
        .returning(Claim.id)
    ).scalar_one()


def restore_claim(*, session: Session, info: ClaimInfo, speaker_id: int | None) -> None:
    """Insert a deleted claim's row again under its old id, its timestamps and version intact.

    The version comes back as it was so that an edit read before the deletion (holding that
    version) still applies to the restored claim, exactly as it would have before.
    """
    session.execute(
        insert(Claim).values(
            id=info.id,
            text=info.text,
            speaker_id=speaker_id,
            said_on=info.date,
            status=info.status,
            note=info.note,
            created_at=info.created_at,
            updated_at=info.updated_at,
            version=info.version,
        )
    )


def require_free_ids(
    *,
    session: Session,
    claim_ids: Collection[int] = (),
    highlight_ids: Collection[int] = (),
    evidence_ids: Collection[int] = (),
) -> None:
    """Raise InvalidInputError if any id is in use: a restore never replaces another row."""
    checks = (
        ("claim", Claim.id, claim_ids),
        ("highlight", Highlight.id, highlight_ids),
        ("evidence item", Evidence.id, evidence_ids),
    )
    for what, column, ids in checks:
        if not ids:
            continue
        taken = session.execute(
            select(column).where(column.in_(list(ids))).order_by(column)  # type: ignore[union-attr]
        ).scalar()
        if taken is not None:
            raise InvalidInputError(
                f"{what} {taken} is already on the desk; it cannot be restored under that id"
            )


def require_claim(*, session: Session, claim_id: int) -> None:
    """Raise NotFoundError unless the desk holds claim `claim_id`."""
    if session.execute(select(Claim.id).where(Claim.id == claim_id)).first() is None:
        raise NotFoundError(f"the desk has no claim {claim_id} (see `factdesk claims`)")


def update_claim(
    *, session: Session, claim_id: int, values: dict[str, Any], expected_version: int, now: str
) -> int:
    """Apply `values` if the claim is still at `expected_version`; returns the new version."""
    result = session.execute(
        update(Claim)
        .where(Claim.id == claim_id, Claim.version == expected_version)
        .values(**values, updated_at=now, version=Claim.version + 1)
        .returning(Claim.version)
    ).scalar()
    if result is None:
        current = session.execute(select(Claim.version).where(Claim.id == claim_id)).scalar()
        if current is None:
            raise NotFoundError(f"the desk has no claim {claim_id} (it may have been deleted)")
        raise ConflictError(
            f"claim {claim_id} was changed elsewhere (now version {current}, "
            f"you edited version {expected_version}); reload it and apply your change again",
            claim_id,
            current,
        )
    return result


def delete_claim(*, session: Session, claim_id: int) -> None:
    if session.execute(delete(Claim).where(Claim.id == claim_id)).rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"the desk has no claim {claim_id}")


def touch_claim(*, session: Session, claim_id: int, now: str) -> None:
    """Bump the version and timestamp of a claim whose spans or evidence changed."""
    session.execute(
        update(Claim).where(Claim.id == claim_id).values(updated_at=now, version=Claim.version + 1)
    )


def insert_highlight(
    *,
    session: Session,
    claim_id: int,
    doc_id: int,
    selector: Selector,
    now: str,
    highlight_id: int | None = None,
    anchor: str = ANCHOR_OK,
) -> int:
    """Store a highlight; `highlight_id` is given only to restore one under its old id."""
    values: dict[str, Any] = {
        "claim_id": claim_id,
        "document_id": doc_id,
        "start": selector.start,
        "end": selector.end,
        "quote": selector.quote,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "anchor": anchor,
        "created_at": now,
    }
    if highlight_id is not None:
        values["id"] = highlight_id
    try:
        with session.begin_nested():
            return session.execute(
                insert(Highlight).values(**values).returning(Highlight.id)
            ).scalar_one()
    except IntegrityError as exc:
        raise InvalidInputError(
            f"claim {claim_id} is already linked to {selector.start}:{selector.end} "
            f"of document {doc_id}"
        ) from exc


def get_highlight(*, session: Session, highlight_id: int) -> Span:
    row = session.execute(
        select(Highlight).where(Highlight.id == highlight_id)
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"the desk has no highlight {highlight_id}")
    return _span(row)


def delete_highlight(*, session: Session, highlight_id: int) -> None:
    session.execute(delete(Highlight).where(Highlight.id == highlight_id))


def insert_evidence(
    *,
    session: Session,
    claim_id: int,
    source: str,
    note: str,
    now: str,
    evidence_id: int | None = None,
) -> int:
    """Store an evidence item; `evidence_id` is given only to restore one under its old id."""
    values: dict[str, Any] = {
        "claim_id": claim_id,
        "source": source,
        "note": note,
        "created_at": now,
    }
    if evidence_id is not None:
        values["id"] = evidence_id
    return session.execute(insert(Evidence).values(**values).returning(Evidence.id)).scalar_one()


def get_evidence(*, session: Session, evidence_id: int) -> EvidenceInfo:
    row = session.execute(select(Evidence).where(Evidence.id == evidence_id)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"the desk has no evidence item {evidence_id}")
    return EvidenceInfo(id=row.id or 0, claim_id=row.claim_id, source=row.source, note=row.note)


def delete_evidence(*, session: Session, evidence_id: int) -> None:
    session.execute(delete(Evidence).where(Evidence.id == evidence_id))


def list_claims(
    *,
    session: Session,
    statuses: Collection[str] = (),
    doc_id: int | None = None,
    speaker: str | None = None,
    claim_ids: Collection[int] | None = None,
) -> list[ClaimInfo]:
    """Claims matching every filter given, oldest first, with their spans and evidence.

    Plain column reads, three queries whatever the count: building ORM objects for 50,000
    claims and their highlights took seconds (the identity map, instrumentation), and the
    claims table and CSV export read them all."""
    wanted = _claim_filters(statuses, doc_id, speaker, claim_ids)
    rows = session.execute(
        select(*_CLAIM_COLUMNS, Speaker.name)
        .outerjoin(Speaker, Claim.speaker_id == Speaker.id)
        .where(*wanted)
        .order_by(Claim.id)
    ).all()
    spans = _spans_by_claim(session, wanted)
    evidence = _evidence_by_claim(session, wanted)
    return [
        ClaimInfo(
            id=cid,
            text=text,
            speaker=speaker_name,
            speaker_id=speaker_id,
            date=said_on,
            status=status,
            note=note,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            spans=tuple(spans.get(cid, ())),
            evidence=tuple(evidence.get(cid, ())),
        )
        for cid, text, speaker_id, said_on, status, note, created_at, updated_at, version,
        speaker_name in rows
    ]  # fmt: skip


_CLAIM_COLUMNS = (
    Claim.id,
    Claim.text,
    Claim.speaker_id,
    Claim.said_on,
    Claim.status,
    Claim.note,
    Claim.created_at,
    Claim.updated_at,
    Claim.version,
)


def _claim_filters(
    statuses: Collection[str],
    doc_id: int | None,
    speaker: str | None,
    claim_ids: Collection[int] | None,
) -> list[Any]:
    """WHERE clauses on Claim (usable in the span and evidence queries too)."""
    wanted: list[Any] = []
    if statuses:
        wanted.append(Claim.status.in_(list(statuses)))  # type: ignore[attr-defined]
    if doc_id is not None:
        quoted = aliased(Highlight)
        wanted.append(exists().where(quoted.claim_id == Claim.id, quoted.document_id == doc_id))
    if speaker is not None:
        wanted.append(Claim.speaker_id.in_(speaker_ids_named(speaker)))  # type: ignore[union-attr]
    if claim_ids is not None:
        wanted.append(Claim.id.in_(list(claim_ids)))  # type: ignore[union-attr]
    return wanted


def get_claim(*, session: Session, claim_id: int) -> ClaimInfo:
    found = list_claims(session=session, claim_ids=[claim_id])
    if not found:
        raise NotFoundError(f"the desk has no claim {claim_id} (see `factdesk claims`)")
    return found[0]


_SPAN_COLUMNS = (
    Highlight.id,
    Highlight.claim_id,
    Highlight.document_id,
    Highlight.start,
    Highlight.end,
    Highlight.quote,
    Highlight.prefix,
    Highlight.suffix,
    Highlight.anchor,
)


def _spans_by_claim(session: Session, wanted: list[Any]) -> dict[int, list[Span]]:
    query = select(*_SPAN_COLUMNS).join(Claim, Highlight.claim_id == Claim.id).where(*wanted)
    out: dict[int, list[Span]] = {}
    # Each claim's spans in document and offset order, ties broken by end and id (as
    # factdesk.db.sheet orders them). Sorted here, claim by claim: most claims have one span,
    # and reading the whole table in index order cost a lookup per row.
    for row in session.execute(query):
        out.setdefault(row[1], []).append(Span(*row))
    for spans in out.values():
        if len(spans) > 1:
            spans.sort(key=_SPAN_ORDER)
    return out


_SPAN_ORDER = attrgetter("doc", "start", "end", "id")


def _evidence_by_claim(session: Session, wanted: list[Any]) -> dict[int, list[EvidenceInfo]]:
    query = (
        select(Evidence.id, Evidence.claim_id, Evidence.source, Evidence.note)
        .join(Claim, Evidence.claim_id == Claim.id)
        .where(*wanted)
        .order_by(Evidence.id)
    )
    out: dict[int, list[EvidenceInfo]] = {}
    for eid, claim_id, source, note in session.execute(query):
        out.setdefault(claim_id, []).append(
            EvidenceInfo(id=eid, claim_id=claim_id, source=source, note=note)
        )
    return out


def _span(h: Highlight) -> Span:
    return Span(
        id=h.id or 0,
        claim_id=h.claim_id,
        doc=h.document_id,
        start=h.start,
        end=h.end,
        quote=h.quote,
        prefix=h.prefix,
        suffix=h.suffix,
        anchor=h.anchor,
    )
