"""The fact sheet every exporter renders: claims with quotes in context, sources and counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from factdesk.core.records import ClaimInfo, DocumentInfo, DocumentText, Span
from factdesk.core.statuses import ANCHOR_ORPHAN, LABELS, STATUSES

CONTEXT = 80  # characters of the article shown on each side of a quotation
_SPACE = re.compile(r"\s+")
_LAST_SPACE = re.compile(r"\s\S*\Z")
# A mark beside each verdict word, so badges differ in shape as well as colour and wording.
BADGE_SYMBOLS = {
    "unchecked": "○",
    "in_progress": "◐",
    "verified": "✓",
    "false": "✗",
    "misleading": "!",
    "unverifiable": "?",
}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# The per-claim records are NamedTuples: as immutable as frozen dataclasses, and three times
# quicker to make (50,000 claims to CSV has a 1 s budget; frozen dataclasses took 0.4 s).


class SourceRef(NamedTuple):
    """The article a quotation comes from, as the desk knows it."""

    doc_id: int
    title: str
    outlet: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None  # as the page declared it; check with web_url() before linking


class Quotation(NamedTuple):
    """A highlight with its article. The context is trimmed only when read: a CSV of
    50,000 claims never shows it and should not pay for it."""

    quote: str  # exactly as highlighted
    source: SourceRef
    start: int
    end: int
    found: bool = True  # False: the highlight is orphaned, its words are gone from the text
    raw_before: str = ""  # up to CONTEXT characters of the article before the quote
    raw_after: str = ""
    cut_before: bool = False  # the article goes on beyond raw_before
    cut_after: bool = False

    @property
    def before(self) -> str:
        """Context ending at the quote, on one line, starting with "…" where it was cut."""
        return _trim_before(self.raw_before, cut=self.cut_before)

    @property
    def after(self) -> str:
        """Context after the quote, on one line, ending with "…" where it was cut."""
        return _trim_after(self.raw_after, cut=self.cut_after)


class Evidence(NamedTuple):
    source: str  # a URL or a citation
    note: str = ""


class ClaimBlock(NamedTuple):
    id: int
    text: str
    speaker: str | None
    date: str | None  # ISO date the claim was made
    status: str
    note: str
    updated_at: str
    quotations: tuple[Quotation, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def label(self) -> str:
        return LABELS.get(self.status, self.status)

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        """Each quoted article once, in the order first quoted."""
        return tuple({q.source.doc_id: q.source for q in self.quotations}.values())


@dataclass(frozen=True, slots=True)
class FactSheet:
    title: str
    desk_name: str
    editor: str
    organisation: str | None
    url: str | None  # where the sheet is published (ClaimReview url), if configured
    generated_at: datetime
    claims: tuple[ClaimBlock, ...]

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        """(status, number of claims) for each status present, in workflow order."""
        found = Counter(c.status for c in self.claims)
        order = [s for s in STATUSES if s in found] + sorted(set(found) - set(STATUSES))
        return tuple((s, found[s]) for s in order)


def build_factsheet(
    claims: Iterable[ClaimInfo],
    documents: Mapping[int, DocumentText | DocumentInfo],
    *,
    title: str,
    editor: str,
    generated_at: datetime,
    desk_name: str = "",
    organisation: str | None = None,
    url: str | None = None,
) -> FactSheet:
    """A fact sheet from desk records. Pass DocumentText where the quotations need context;
    with only a DocumentInfo the 32 characters stored beside each highlight are used."""
    sources = {doc_id: _source(doc_id, doc) for doc_id, doc in documents.items()}
    texts = {d: doc.text for d, doc in documents.items() if isinstance(doc, DocumentText)}
    blocks = tuple(
        [
            ClaimBlock(
                c.id,
                c.text,
                c.speaker,
                c.date,
                c.status,
                c.note,
                c.updated_at,
                tuple([_quotation(span, sources, texts) for span in c.spans]),
                tuple([Evidence(e.source, e.note) for e in c.evidence]),
            )
            for c in claims
        ]
    )
    return FactSheet(
        title=title,
        desk_name=desk_name,
        editor=editor,
        organisation=organisation or None,
        url=url or None,
        generated_at=generated_at,
        claims=blocks,
    )


def _source(doc_id: int, doc: DocumentText | DocumentInfo) -> SourceRef:
    info = doc.info if isinstance(doc, DocumentText) else doc
    return SourceRef(doc_id, info.title, info.outlet, info.published, info.url)


def _quotation(span: Span, sources: Mapping[int, SourceRef], texts: Mapping[int, str]) -> Quotation:
    """The quotation with its context: up to CONTEXT characters each side, within its own
    paragraph (scraped articles often lack a full stop before a caption or the next para)."""
    source = sources.get(span.doc) or SourceRef(span.doc, f"Document {span.doc}")
    text = texts.get(span.doc)
    found = span.anchor != ANCHOR_ORPHAN
    if text is not None and found and 0 <= span.start <= span.end <= len(text):
        opens = text.rfind("\n", 0, span.start) + 1
        closes = text.find("\n", span.end)
        closes = len(text) if closes < 0 else closes
        low, high = max(opens, span.start - CONTEXT), min(closes, span.end + CONTEXT)
        before, after = text[low : span.start], text[span.end : high]
        cut_before, cut_after = low > opens, high < closes
    else:  # the 32 characters stored beside the highlight
        before, after = span.prefix.rpartition("\n")[2], span.suffix.partition("\n")[0]
        cut_before, cut_after = "\n" not in span.prefix, "\n" not in span.suffix
    return Quotation(
        span.quote, source, span.start, span.end, found, before, after, cut_before, cut_after
    )


def _trim_before(text: str, *, cut: bool) -> str:
    # without the partial word where it was cut
    if cut and (space := _SPACE.search(text)):
        text = text[space.end() :]
    flat = one_line(text).lstrip()
    return f"…{flat}" if cut and flat.strip() else flat


def _trim_after(text: str, *, cut: bool) -> str:
    if cut and (space := _LAST_SPACE.search(text)):
        text = text[: space.start()]
    flat = one_line(text).rstrip()
    return f"{flat}…" if cut and flat.strip() else flat


def one_line(text: str) -> str:
    """Runs of whitespace (newlines, tabs) as single spaces: quotes may span paragraphs."""
    return _SPACE.sub(" ", text)


def web_url(value: str | None) -> str | None:
    """The value if it is an absolute http(s) URL (the only kind a fact sheet links to)."""
    if not value:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _SPACE.search(value):
        return value
    return None


def long_date(iso: str | None) -> str:
    """ "2025-02-17" as "17 February 2025" (locale-free); anything else as given."""
    if not iso:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match or not 1 <= int(match[2]) <= 12:
        return iso
    return f"{int(match[3])} {_MONTHS[int(match[2]) - 1]} {match[1]}"


def generated_label(moment: datetime) -> str:
    """The masthead's date and time, with the zone so a reader elsewhere is not misled."""
    zone = moment.strftime("%Z") or moment.strftime("%z")
    return f"{long_date(moment.date().isoformat())}, {moment:%H:%M} {zone}".rstrip()
