"""Plain, detached, read-only records the services hand to the front ends (no session, no Qt).

No session, no lazy loading: a widget or the CLI can keep these as long as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from factdesk.core.noise import NoiseRange

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One article read from a file by an importer (factdesk.sources).

    `text` is normalised (factdesk.core.text.normalise_text) and otherwise exactly the article;
    `noise` marks credit lines, footers and repeated captions inside it (never removed).
    """

    path: str
    format: str  # "txt" | "md" | "html" | "docx" | "pdf" | "paste"
    title: str
    text: str
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None  # canonical URL declared by the page itself (never fetched)
    noise: tuple[NoiseRange, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    title: str
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    imported_at: str
    format: str
    words: int
    sha256: str
    claims: int = 0

    def as_json(self) -> dict[str, Any]:
        """The stable keys of the command-line contract (DESIGN §4)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "words": self.words,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class DocumentText:
    info: DocumentInfo
    text: str
    noise: tuple[NoiseRange, ...]


@dataclass(frozen=True, slots=True)
class Span:
    """One highlight: where a claim is quoted in a document."""

    id: int
    claim_id: int
    doc: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    anchor: str

    def as_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    id: int
    claim_id: int
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    id: int
    text: str
    speaker: str | None
    speaker_id: int | None
    date: str | None
    status: str
    note: str
    created_at: str
    updated_at: str
    version: int
    spans: tuple[Span, ...] = ()
    evidence: tuple[EvidenceInfo, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The stable keys of the command-line contract (DESIGN §4)."""
        return {
            "id": self.id,
            "text": self.text,
            "speaker": self.speaker,
            "date": self.date,
            "status": self.status,
            "note": self.note,
            "spans": [s.as_json() for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    claim_id: int
    field: str
    old: str | None
    new: str | None
    editor: str
    at: str


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "document" | "claim"
    id: int
    title: str
    snippet: str


@dataclass(frozen=True, slots=True)
class Changes:
    """The ids an action added, changed or removed, so each view refreshes only those."""

    documents: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    speakers: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.documents or self.claims or self.speakers)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a mutating service call returns: its result and what it changed."""

    value: T
    changes: Changes


@dataclass(frozen=True, slots=True)
class Rejected:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    path: str
    existing_id: int
    existing_title: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: tuple[DocumentInfo, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)
