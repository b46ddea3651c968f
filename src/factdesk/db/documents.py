"""Repository functions for documents and their noise ranges.

Bulk inserts go through SQLAlchemy Core: ORM `add_all` is ~30x slower here (stack-check §5).
Imports are stored with plain sqlite3 (factdesk.db.store), without waiting for SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import delete, func, insert, select
from sqlmodel import Session

from factdesk.core.errors import InvalidInputError, NotFoundError
from factdesk.core.noise import NoiseRange as NoiseSpan
from factdesk.core.records import DocumentInfo, DocumentText
from factdesk.core.text import text_sha256
from factdesk.db.models import Document, Highlight, NoiseRange

_INFO_COLUMNS = (
    Document.id,
    Document.title,
    Document.source,
    Document.url,
    Document.outlet,
    Document.published,
    Document.imported_at,
    Document.format,
    Document.words,
    Document.sha256,
)


def find_by_sha256(*, session: Session, digests: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Map each digest already on the desk to (document id, title)."""
    digests = list(digests)
    found: dict[str, tuple[int, str]] = {}
    for i in range(0, len(digests), 500):  # stay under SQLite's bound-parameter limit
        chunk = digests[i : i + 500]
        rows = session.execute(
            select(Document.sha256, Document.id, Document.title).where(
                Document.sha256.in_(chunk)  # type: ignore[attr-defined]
            )
        )
        found.update({sha: (doc_id, title) for sha, doc_id, title in rows})
    return found


def list_documents(
    *, session: Session, doc_ids: Collection[int] | None = None
) -> list[DocumentInfo]:
    """All documents (or those in `doc_ids`), newest import last, with the number of claims
    quoted in each."""
    claims = (
        select(func.count(func.distinct(Highlight.claim_id)))
        .where(Highlight.document_id == Document.id)
        .scalar_subquery()
    )
    query = select(*_INFO_COLUMNS, claims.label("claims")).order_by(Document.id)
    if doc_ids is None:
        return [DocumentInfo(**row._asdict()) for row in session.execute(query)]
    found: list[DocumentInfo] = []
    for chunk in _chunks(list(doc_ids)):
        rows = session.execute(query.where(Document.id.in_(chunk)))  # type: ignore[union-attr]
        found.extend(DocumentInfo(**row._asdict()) for row in rows)
    return sorted(found, key=lambda info: info.id)


def get_document(*, session: Session, doc_id: int) -> DocumentText:
    return get_documents(session=session, doc_ids=[doc_id])[0]


def get_text(*, session: Session, doc_id: int) -> str:
    text = session.execute(select(Document.text).where(Document.id == doc_id)).scalar()
    if text is None:
        raise NotFoundError(f"the desk has no document {doc_id} (see `factdesk docs`)")
    return text


def get_documents(*, session: Session, doc_ids: Sequence[int]) -> list[DocumentText]:
    """Documents with their text and noise, in the order of `doc_ids`."""
    found: dict[int, DocumentText] = {}
    for chunk in _chunks(doc_ids):
        noise = _noise_by_document(session, chunk)
        rows = session.execute(
            select(*_INFO_COLUMNS, Document.text).where(Document.id.in_(chunk))  # type: ignore[union-attr]
        )
        for row in rows:
            values = row._asdict()
            text = values.pop("text")
            found[row.id] = DocumentText(DocumentInfo(**values), text, noise.get(row.id, ()))
    for doc_id in doc_ids:
        if doc_id not in found:
            raise NotFoundError(f"the desk has no document {doc_id} (see `factdesk docs`)")
    return [found[doc_id] for doc_id in doc_ids]


def _noise_by_document(
    session: Session, doc_ids: Sequence[int]
) -> dict[int, tuple[NoiseSpan, ...]]:
    noise: dict[int, list[NoiseSpan]] = {}
    rows = session.execute(
        select(NoiseRange.document_id, NoiseRange.start, NoiseRange.end, NoiseRange.kind)
        .where(NoiseRange.document_id.in_(doc_ids))  # type: ignore[attr-defined]
        .order_by(NoiseRange.document_id, NoiseRange.start)
    )
    for doc_id, start, end, kind in rows:
        noise.setdefault(doc_id, []).append(NoiseSpan(start, end, kind))
    return {doc_id: tuple(spans) for doc_id, spans in noise.items()}


def highlighted(*, session: Session, doc_ids: Sequence[int]) -> set[int]:
    """Those of `doc_ids` in which some claim is highlighted."""
    found: set[int] = set()
    for chunk in _chunks(doc_ids):
        found.update(
            session.execute(
                select(Highlight.document_id).where(Highlight.document_id.in_(chunk)).distinct()  # type: ignore[attr-defined]
            ).scalars()
        )
    return found


def delete_documents(*, session: Session, doc_ids: Sequence[int]) -> None:
    """Delete documents and their noise ranges (the FTS index follows by trigger)."""
    for chunk in _chunks(doc_ids):
        session.execute(delete(NoiseRange).where(NoiseRange.document_id.in_(chunk)))  # type: ignore[attr-defined]
        session.execute(delete(Document).where(Document.id.in_(chunk)))  # type: ignore[union-attr]


def restore_documents(*, session: Session, docs: Sequence[DocumentText]) -> None:
    """Insert documents exactly as they were (same ids and digests), with their noise ranges.

    Refuses (InvalidInputError, nothing stored) a document whose id or text is on the desk.
    """
    _check_restorable(session, docs)
    rows = [
        {
            "id": d.info.id,
            "title": d.info.title,
            "source": d.info.source,
            "url": d.info.url,
            "outlet": d.info.outlet,
            "published": d.info.published,
            "imported_at": d.info.imported_at,
            "format": d.info.format,
            "text": d.text,
            "sha256": d.info.sha256,
            "words": d.info.words,
        }
        for d in docs
    ]
    if rows:
        session.execute(insert(Document), rows)
    noise_rows = [
        {"document_id": d.info.id, "start": n.start, "end": n.end, "kind": n.kind}
        for d in docs
        for n in d.noise
    ]
    if noise_rows:
        session.execute(insert(NoiseRange), noise_rows)


def _check_restorable(session: Session, docs: Sequence[DocumentText]) -> None:
    ids = [d.info.id for d in docs]
    digests = [d.info.sha256 for d in docs]
    if len(set(ids)) < len(ids) or len(set(digests)) < len(digests):
        raise InvalidInputError("the documents to restore repeat an id or a text")
    for doc in docs:
        if text_sha256(doc.text) != doc.info.sha256:
            # the digest identifies duplicates on import: a wrong one would let copies in
            raise InvalidInputError(
                f"document {doc.info.id} (“{doc.info.title}”) does not match its sha256"
            )
    taken = {info.id: info.title for info in list_documents(session=session, doc_ids=ids)}
    known = find_by_sha256(session=session, digests=digests)
    for doc in docs:
        if doc.info.id in taken:
            raise InvalidInputError(
                f"document {doc.info.id} (“{taken[doc.info.id]}”) is already on the desk; "
                f"“{doc.info.title}” cannot be restored under that id"
            )
        if doc.info.sha256 in known:
            other_id, other_title = known[doc.info.sha256]
            raise InvalidInputError(
                f"the text of document {doc.info.id} (“{doc.info.title}”) is already on the "
                f"desk as document {other_id} (“{other_title}”)"
            )


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    """Slices small enough to stay under SQLite's bound-parameter limit."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]
