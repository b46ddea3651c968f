"""Repository functions for documents and their noise ranges.

Bulk inserts go through SQLAlchemy Core: ORM `add_all` is ~30x slower here (stack-check §5).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, insert, select
from sqlmodel import Session

from factdesk.core.errors import NotFoundError
from factdesk.core.noise import NoiseRange as NoiseSpan
from factdesk.core.records import DocumentInfo, DocumentText, SourceDocument
from factdesk.core.text import word_count
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


def insert_documents(
    *,
    session: Session,
    sources: Sequence[SourceDocument],
    digests: Sequence[str],
    imported_at: str,
) -> list[DocumentInfo]:
    """Insert documents (with each text's sha256 in `digests`) and their noise ranges."""
    if not sources:
        return []
    rows = [
        {
            "title": src.title,
            "source": src.path,
            "url": src.url,
            "outlet": src.outlet,
            "published": src.published,
            "imported_at": imported_at,
            "format": src.format,
            "text": src.text,
            "sha256": digest,
            "words": word_count(src.text),
        }
        for src, digest in zip(sources, digests, strict=True)
    ]
    result = session.execute(
        insert(Document).returning(Document.id, Document.sha256, sort_by_parameter_order=True),
        rows,
    )
    ids = [row.id for row in result]
    noise_rows = [
        {"document_id": doc_id, "start": n.start, "end": n.end, "kind": n.kind}
        for doc_id, src in zip(ids, sources, strict=True)
        for n in src.noise
    ]
    if noise_rows:
        session.execute(insert(NoiseRange), noise_rows)
    return [
        DocumentInfo(id=doc_id, **{k: v for k, v in row.items() if k != "text"})
        for doc_id, row in zip(ids, rows, strict=True)
    ]


def list_documents(*, session: Session) -> list[DocumentInfo]:
    """All documents, newest import last, with the number of claims quoted in each."""
    claims = (
        select(func.count(func.distinct(Highlight.claim_id)))
        .where(Highlight.document_id == Document.id)
        .scalar_subquery()
    )
    rows = session.execute(select(*_INFO_COLUMNS, claims.label("claims")).order_by(Document.id))
    return [DocumentInfo(**row._asdict()) for row in rows]


def get_document(*, session: Session, doc_id: int) -> DocumentText:
    row = session.execute(
        select(*_INFO_COLUMNS, Document.text).where(Document.id == doc_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"the desk has no document {doc_id} (see `factdesk docs`)")
    values = row._asdict()
    text = values.pop("text")
    noise = session.execute(
        select(NoiseRange.start, NoiseRange.end, NoiseRange.kind)
        .where(NoiseRange.document_id == doc_id)
        .order_by(NoiseRange.start)
    )
    return DocumentText(
        info=DocumentInfo(**values),
        text=text,
        noise=tuple(NoiseSpan(*n) for n in noise),
    )


def get_text(*, session: Session, doc_id: int) -> str:
    text = session.execute(select(Document.text).where(Document.id == doc_id)).scalar()
    if text is None:
        raise NotFoundError(f"the desk has no document {doc_id} (see `factdesk docs`)")
    return text
