"""The desk's tables (sqlmodel). The schema is changed only through Alembic revisions.

Offsets are code points into `Document.text` (DESIGN §3). Timestamps are ISO-8601 UTC strings
("2026-11-23T10:15:00Z") and dates are ISO strings ("2026-11-23"), so the file reads the same
from any SQLite client.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from factdesk.core.statuses import ANCHOR_STATES, STATUSES


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Document(SQLModel, table=True):
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: int | None = Field(default=None, primary_key=True)
    title: str
    source: str  # the path it was imported from, or "(pasted text)"
    url: str | None = None  # canonical URL declared by the page, never fetched
    outlet: str | None = None
    published: str | None = None
    imported_at: str
    format: str
    text: str
    sha256: str = Field(sa_column_kwargs={"unique": True}, max_length=64)
    words: int = 0


class NoiseRange(SQLModel, table=True):
    __tablename__ = "noise_range"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="noise_span"),
        CheckConstraint(_in("kind", ("credit", "footer", "repeat")), name="noise_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    start: int
    end: int
    kind: str


class Speaker(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # "Keir Starmer" and "keir starmer" are one person
    name: str = Field(sa_column=Column(String(collation="NOCASE"), unique=True, nullable=False))


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    alias: str = Field(sa_column=Column(String(collation="NOCASE"), unique=True, nullable=False))


class Claim(SQLModel, table=True):
    # AUTOINCREMENT: a deleted claim's id is never reused, so its History stays its own
    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="claim_status"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    text: str
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    said_on: str | None = None
    status: str = Field(default="unchecked", index=True)
    note: str = ""
    created_at: str
    updated_at: str
    version: int = 1


class Highlight(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="highlight_span"),
        CheckConstraint(_in("anchor", ANCHOR_STATES), name="highlight_anchor"),
        UniqueConstraint("claim_id", "document_id", "start", "end", name="highlight_once"),
        Index("ix_highlight_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    document_id: int = Field(
        sa_column=Column(Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False)
    )
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    anchor: str = "ok"
    created_at: str


class Evidence(SQLModel, table=True):
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    source: str  # a URL or a citation
    note: str = ""
    created_at: str


class History(SQLModel, table=True):
    """Append-only. No foreign key: the record of a claim outlives the claim."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(index=True)
    field: str
    old: str | None = None
    new: str | None = None
    editor: str
    at: str


class SuggestionDismissal(SQLModel, table=True):
    """A claim suggestion the editor dismissed: that span is not offered again."""

    __tablename__ = "suggestion_dismissal"
    __table_args__ = (
        UniqueConstraint("document_id", "kind", "start", "end", name="dismissal_once"),
        CheckConstraint("kind IN ('quote', 'number')", name="dismissal_kind"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str
    start: int
    end: int
    editor: str
    at: str
