"""Fact sheets as CSV (RFC 4180, UTF-8): one row per claim, or one per highlight."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from factdesk.factsheet.model import ClaimBlock, FactSheet, Quotation, SourceRef, long_date

CLAIM_COLUMNS = (
    "id",
    "claim",
    "speaker",
    "date",
    "status",
    "note",
    "quotations",
    "sources",
    "evidence",
    "updated",
)
HIGHLIGHT_COLUMNS = (
    "claim_id",
    "claim",
    "speaker",
    "date",
    "status",
    "note",
    "quotation",
    "document_id",
    "document",
    "outlet",
    "published",
    "url",
    "start",
    "end",
    "evidence",
    "updated",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP):
# a quote character in front makes it text and shows what the article said.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """The cell as text a spreadsheet shows and never runs. Leading whitespace does not save a
    formula: LibreOffice's "trim spaces" import option (and some sheets) strip it first."""
    if value.startswith(_FORMULA_START) or (
        value[:1].isspace() and value.lstrip().startswith(_FORMULA_START)
    ):
        return f"'{value}"
    return value


def render_csv(sheet: FactSheet, *, per_highlight: bool = False) -> str:
    """The whole file as text, rows ending CRLF; multi-valued cells hold one item per line.
    A quotation names its article as [doc N], as the sources column does (and `factdesk show`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, quotes doubled
    if per_highlight:
        writer.writerow(HIGHLIGHT_COLUMNS)
        writer.writerows(_highlight_rows(sheet))
    else:
        writer.writerow(CLAIM_COLUMNS)
        writer.writerows(_claim_rows(sheet))
    return out.getvalue()


def _claim_rows(sheet: FactSheet) -> Iterator[list[str | int]]:
    # Written for speed (50,000 claims in a 1 s budget, with the csv module's own share of
    # about half of it): each article's source line is made once, and quotation lines start
    # with “ and source lines with [doc, so neither needs neutralising.
    source_lines: dict[SourceRef, str] = {}
    for c in sheet.claims:
        quotes: list[str] = []
        sources: dict[int, str] = {}
        for q in c.quotations:
            s = q.source
            quotes.append(_quote_line(q))
            if s.doc_id not in sources:
                line = source_lines.get(s)
                if line is None:
                    line = source_lines[s] = _source_line(s)
                sources[s.doc_id] = line
        yield [
            c.id,
            neutralise(c.text),
            neutralise(c.speaker or ""),
            c.date or "",
            c.status,
            neutralise(c.note),
            "\n".join(quotes),
            "\n".join(sources.values()),
            neutralise(_evidence(c)) if c.evidence else "",
            c.updated_at,
        ]


def _highlight_rows(sheet: FactSheet) -> Iterator[list[str | int]]:
    for c in sheet.claims:
        head = [c.id, neutralise(c.text), neutralise(c.speaker or ""), c.date or "", c.status]
        tail = [neutralise(_evidence(c)), c.updated_at]
        if not c.quotations:  # a claim whose highlights were all removed still gets its row
            yield [*head, neutralise(c.note), "", "", "", "", "", "", "", "", *tail]
        for q in c.quotations:
            s = q.source
            yield [
                *head,
                neutralise(c.note),
                neutralise(q.quote),
                s.doc_id,
                neutralise(s.title),
                neutralise(s.outlet or ""),
                s.published or "",
                neutralise(s.url or ""),
                q.start,
                q.end,
                *tail,
            ]


def _quote_line(q: Quotation) -> str:
    gone = " (no longer found in the article)" if not q.found else ""
    return f"“{' '.join(q.quote.split())}” [doc {q.source.doc_id}]{gone}"


def _source_line(s: SourceRef) -> str:
    detail = ", ".join(x for x in (s.outlet, long_date(s.published), s.url) if x)
    return f"[doc {s.doc_id}] {s.title}" + (f" ({detail})" if detail else "")


def _evidence(c: ClaimBlock) -> str:
    return "\n".join(f"{e.source} — {e.note}" if e.note else e.source for e in c.evidence)
