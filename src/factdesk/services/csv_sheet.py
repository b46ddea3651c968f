"""The CSV fact sheet of a desk, from its rows as plain sqlite3 reads them (Desk.export_csv).

`factdesk export csv` of 50,000 claims has a budget of one second from process start (DESIGN
§5). The sheet with a row per claim is rendered straight from the rows and written in chunks
as it is made; the sheet with a row per highlight goes through the fact sheet's records.
tests/services/test_csv_export.py holds both to the bytes factsheet.gather writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factdesk.db.sheet import SheetRows
from factdesk.factsheet import csv_out
from factdesk.factsheet.model import ClaimBlock, Evidence, Quotation, SourceRef
from factdesk.factsheet.write import write_chunks, write_text


def write(rows: SheetRows, target: Path, *, bom: bool, per_highlight: bool) -> None:
    """Write the sheet of `rows` to `target`, atomically."""
    if per_highlight:
        write_text(
            target, csv_out.render_claims_csv(_claim_blocks(rows), per_highlight=True), bom=bom
        )
        return
    chunks = csv_out.claim_rows_csv_chunks(
        rows.claims, rows.spans, _evidence_by_claim(rows.evidence), _sources(rows)
    )
    write_chunks(target, chunks, bom=bom)


def _claim_blocks(rows: SheetRows) -> tuple[ClaimBlock, ...]:
    """The sheet's claims from the desk's rows, as factsheet.model.build_factsheet makes them
    from records (but for the quotations' context, which a CSV never shows)."""
    sources = _sources(rows)

    def quotation(span: tuple[Any, ...]) -> Quotation:
        quote, doc, found, start, end, _id, _claim = span
        source = sources.get(doc) or SourceRef(doc, f"Document {doc}")
        return Quotation(quote, source, start, end, bool(found))

    evidence = _evidence_by_claim(rows.evidence)
    quotations = {claim_id: tuple(map(quotation, spans)) for claim_id, spans in rows.spans.items()}
    none = ()
    return tuple(
        [
            ClaimBlock(
                claim_id, text, speaker, date, status, note, updated_at,
                quotations.get(claim_id, none), tuple(evidence.get(claim_id, none)),
            )
            for claim_id, text, speaker, date, status, note, updated_at in rows.claims
        ]
    )  # fmt: skip


def _sources(rows: SheetRows) -> dict[int, SourceRef]:
    """The documents the sheet's highlights quote, as the fact sheet names them."""
    return {doc: SourceRef(doc, *info) for doc, info in rows.documents.items()}


def _evidence_by_claim(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[Evidence]]:
    evidence: dict[int, list[Evidence]] = {}
    for claim_id, source, note in rows:
        evidence.setdefault(claim_id, []).append(Evidence(source, note))
    return evidence
