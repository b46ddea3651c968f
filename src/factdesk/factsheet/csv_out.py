"""Fact sheets as CSV (RFC 4180, UTF-8): one row per claim, or one per highlight."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from factdesk.factsheet.model import (
    ClaimBlock,
    Evidence,
    FactSheet,
    SourceRef,
    long_date,
)

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
_RISKY = frozenset(_FORMULA_START)  # a first character that may make a cell a formula


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
    return render_claims_csv(sheet.claims, per_highlight=per_highlight)


def render_claims_csv(claims: Iterable[ClaimBlock], *, per_highlight: bool = False) -> str:
    """render_csv() of a sheet holding `claims` (a CSV has nothing else of the sheet's). The
    quotations need no context: a CSV never shows it."""
    if per_highlight:
        rows = [_line(HIGHLIGHT_COLUMNS), *map(_line, _highlight_rows(claims))]
        return "\r\n".join(rows) + "\r\n"  # RFC 4180: CRLF after every row
    claims = list(claims)
    return render_claim_rows_csv(
        claims,
        {c.id: [(q.quote, q.source.doc_id, q.found) for q in c.quotations] for c in claims},
        {c.id: c.evidence for c in claims if c.evidence},
        {q.source.doc_id: q.source for c in claims for q in c.quotations},
    )


def render_claim_rows_csv(
    claims: Iterable[Sequence[Any]],
    quotations: Mapping[int, Sequence[Sequence[Any]]],
    evidence: Mapping[int, Sequence[Evidence]],
    sources: Mapping[int, SourceRef],
) -> str:
    """The sheet with a row per claim, from plain rows: each claim's first seven items are
    (id, text, speaker, date, status, note, updated_at), as a ClaimBlock's are; each of its
    quotations, in `quotations` by claim id, starts (quote, document id, found); `sources`
    holds the documents they quote. The desk's CSV export hands its rows over as they come
    from SQLite (Desk.export_csv): a record per claim and per highlight cost a sixth of it."""
    return "".join(claim_rows_csv_chunks(claims, quotations, evidence, sources))


def claim_rows_csv_chunks(
    claims: Iterable[Sequence[Any]],
    quotations: Mapping[int, Sequence[Sequence[Any]]],
    evidence: Mapping[int, Sequence[Evidence]],
    sources: Mapping[int, SourceRef],
    *,
    rows_per_chunk: int = 2_000,
) -> Iterator[str]:
    """render_claim_rows_csv() in pieces of whole rows, to be written as they come."""
    yield _line(CLAIM_COLUMNS) + "\r\n"  # RFC 4180: CRLF after every row
    lines = _claim_lines(claims, quotations, evidence, sources)
    while chunk := list(islice(lines, rows_per_chunk)):
        yield "\r\n".join(chunk) + "\r\n"


def _line(cells: Iterable[str]) -> str:
    """One row as the csv module writes it (QUOTE_MINIMAL, CRLF rows). Twice as fast as
    csv.writer, which looks every character of every cell up in the line terminator;
    tests/factsheet/test_csv_rows.py holds it to csv.writer's output. (The one row csv.writer
    writes differently, a single empty cell, never occurs: every row has ten cells or more.)"""
    return ",".join(map(_cell, cells))


def _cell(cell: str) -> str:
    """A cell holding a quote mark, a comma or a line break is quoted, its quote marks doubled."""
    if '"' in cell or "," in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _claim_lines(
    claims: Iterable[Sequence[Any]],
    quotations: Mapping[int, Sequence[Sequence[Any]]],
    evidence: Mapping[int, Sequence[Evidence]],
    sources: Mapping[int, SourceRef],
) -> Iterator[str]:
    """The rows of the sheet with a row per claim, as _line() would write them.

    Written for speed (50,000 claims in a 1 s budget): each article's source cell is made
    once; quotation lines start with “ and source lines with [doc, so neither needs
    neutralising; most cells start with a letter, which needs no call to neutralise(); the id
    is digits and the status a word the schema allows, neither ever quoted."""
    source_cells: dict[int, str] = {}

    def source_line(doc: int) -> str:
        return _source_line(sources.get(doc) or SourceRef(doc, f"Document {doc}"))

    def source_cell(doc: int) -> str:
        line = source_cells[doc] = _cell(source_line(doc))
        return line

    none: Sequence[Sequence[Any]] = ()
    for c in claims:
        claim_id, text, speaker, note = c[0], c[1], c[2] or "", c[5]
        quoted = quotations.get(claim_id, none)
        if len(quoted) == 1:  # most claims: no lists to make and join
            q = quoted[0]
            doc = q[1]
            quotes = _cell(_quote_line(q[0], doc, q[2]))
            cited = source_cells.get(doc) or source_cell(doc)
        else:
            docs = dict.fromkeys(q[1] for q in quoted)
            quotes = _cell("\n".join([_quote_line(q[0], q[1], q[2]) for q in quoted]))
            cited = _cell("\n".join([source_line(doc) for doc in docs]))
        if text[:1] in _RISKY or text[:1].isspace():
            text = neutralise(text)
        if speaker[:1] in _RISKY or speaker[:1].isspace():
            speaker = neutralise(speaker)
        if note[:1] in _RISKY or note[:1].isspace():
            note = neutralise(note)
        items = evidence.get(claim_id)
        notes = _cell(neutralise(_evidence_lines(items))) if items else ""
        yield (
            f"{claim_id},{_cell(text)},{_cell(speaker)},{_cell(c[3] or '')},{c[4]},"
            f"{_cell(note)},{quotes},{cited},{notes},{_cell(c[6])}"
        )


def _highlight_rows(claims: Iterable[ClaimBlock]) -> Iterator[list[str]]:
    for c in claims:
        head = [str(c.id), neutralise(c.text), neutralise(c.speaker or ""), c.date or "", c.status]
        tail = [neutralise(_evidence(c)), c.updated_at]
        if not c.quotations:  # a claim whose highlights were all removed still gets its row
            yield [*head, neutralise(c.note), "", "", "", "", "", "", "", "", *tail]
        for q in c.quotations:
            s = q.source
            yield [
                *head,
                neutralise(c.note),
                neutralise(q.quote),
                str(s.doc_id),
                neutralise(s.title),
                neutralise(s.outlet or ""),
                s.published or "",
                neutralise(s.url or ""),
                str(q.start),
                str(q.end),
                *tail,
            ]


def _quote_line(quote: str, doc: int, found: bool) -> str:
    gone = "" if found else " (no longer found in the article)"
    return f"“{one_line_stripped(quote)}” [doc {doc}]{gone}"


def one_line_stripped(text: str) -> str:
    """`" ".join(text.split())`: runs of whitespace as one space, none at the ends. Every
    whitespace character but the space is unprintable, so a printable text with no double
    space only needs its ends stripped (splitting 50,000 quotes into words took longer)."""
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return " ".join(text.split())


def _source_line(s: SourceRef) -> str:
    detail = ", ".join(x for x in (s.outlet, long_date(s.published), s.url) if x)
    return f"[doc {s.doc_id}] {s.title}" + (f" ({detail})" if detail else "")


def _evidence(c: ClaimBlock) -> str:
    return _evidence_lines(c.evidence)


def _evidence_lines(evidence: Iterable[Evidence]) -> str:
    return "\n".join(f"{e.source} — {e.note}" if e.note else e.source for e in evidence)
