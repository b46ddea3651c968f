"""Every item model passes pytest-qt's model tester, and shows what the records hold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factdesk.core.records import ClaimInfo, DocumentInfo, EvidenceInfo, HistoryEntry, Span
from factdesk.core.statuses import STATUSES
from factdesk.ui.models.claim_table import (
    COL_SPEAKER,
    COL_STATUS,
    COL_TEXT,
    ID_ROLE,
    STATUS_ROLE,
    ClaimFilterModel,
    ClaimTableModel,
)
from factdesk.ui.models.document_list import (
    COL_CLAIMS,
    COL_DATE,
    DocumentFilterModel,
    DocumentListModel,
)
from factdesk.ui.models.evidence_list import EvidenceListModel
from factdesk.ui.models.history_table import HistoryTableModel, describe
from factdesk.ui.models.span_list import SpanListModel


def doc(
    doc_id: int, title: str, outlet: str | None, published: str | None, claims: int
) -> DocumentInfo:
    return DocumentInfo(
        doc_id,
        title,
        f"/tmp/{doc_id}.txt",
        None,
        outlet,
        published,
        "2026-11-23T10:00:00Z",
        "txt",
        100,
        f"{doc_id:064x}",
        claims,
    )


def claim(claim_id: int, text: str, status: str, speaker: str | None = None) -> ClaimInfo:
    span = Span(claim_id * 10, claim_id, 1, 0, 5, "quote", "", "", "ok")
    return ClaimInfo(
        claim_id, text, speaker, None, "2025-02-16", status, "", "t", "t", 1, (span,), ()
    )


def test_document_list_model(qtmodeltester) -> None:
    model = DocumentListModel()
    model.set_documents(
        [doc(1, "Paris summit", "BBC", "2025-02-16", 2), doc(2, "Washington", None, None, 0)]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Paris summit"
    assert model.index(1, COL_CLAIMS).data() == ""
    proxy = DocumentFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.setFilterFixedString("bbc")
    assert proxy.rowCount() == 1
    proxy.setFilterFixedString("")
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Paris summit"


def test_claim_table_model_upsert_remove_and_filters(qtmodeltester) -> None:
    model = ClaimTableModel()
    model.set_claims(
        [claim(1, "GDP 2.5%", "verified", "Keir Starmer"), claim(2, "Bridge", "false")]
    )
    qtmodeltester.check(model)
    model.upsert(claim(1, "GDP 2.5 per cent", "misleading", "Keir Starmer"))
    assert model.index(0, COL_TEXT).data() == "GDP 2.5 per cent"
    assert model.index(0, COL_STATUS).data(STATUS_ROLE) == "misleading"
    assert model.row_of(1) == 0  # an edited claim keeps its row
    model.upsert(claim(3, "Tariffs", "unchecked", "Mark Rutte"))  # a new one comes in order
    assert model.rowCount() == 3
    model.remove([2])
    assert [model.claim_at(r).id for r in range(model.rowCount())] == [3, 1]
    assert model.row_of(3) == 0

    proxy = ClaimFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_statuses(["misleading"])
    assert proxy.rowCount() == 1
    proxy.set_statuses(["misleading", "unchecked"])
    proxy.set_speaker("mark rutte")
    assert [proxy.index(r, COL_SPEAKER).data() for r in range(proxy.rowCount())] == ["Mark Rutte"]
    proxy.set_speaker("")
    proxy.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)  # workflow order, not alphabetical
    assert [proxy.index(r, COL_STATUS).data(STATUS_ROLE) for r in range(2)] == [
        "unchecked",
        "misleading",
    ]
    proxy.sort(COL_TEXT, Qt.SortOrder.DescendingOrder)  # done by the source model
    assert [model.claim_at(r).text for r in range(2)] == ["Tariffs", "GDP 2.5 per cent"]
    proxy.set_text("per CENT")  # any column, any case
    assert [proxy.index(r, COL_TEXT).data() for r in range(proxy.rowCount())] == [
        "GDP 2.5 per cent"
    ]
    proxy.set_text("misleading")  # the status as shown is searched too
    assert proxy.rowCount() == 1
    proxy.set_text("")
    assert proxy.rowCount() == 2
    qtmodeltester.check(proxy)


def test_sorting_keeps_the_selection_on_its_claim(qtbot) -> None:
    from factdesk.ui.claims_panel import ClaimsPanel

    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.set_claims([claim(n, f"claim {n:02d}", STATUSES[n % 6]) for n in range(1, 30)])
    assert panel.select(17, emit=False)
    panel.table.sortByColumn(COL_TEXT, Qt.SortOrder.DescendingOrder)
    assert panel.current_id() == 17
    assert panel.model.claim_at(0).text == "claim 29"
    selected = panel.table.selectionModel().selectedRows()
    assert [i.data(ID_ROLE) for i in selected] == [17]


def test_small_models(qtmodeltester) -> None:
    evidence = EvidenceListModel()
    evidence.set_items([EvidenceInfo(1, 1, "https://ons.gov.uk/x", "table 4")])
    qtmodeltester.check(evidence)
    assert evidence.index(0, 0).data() == "https://ons.gov.uk/x — table 4"

    spans = SpanListModel(lambda d: {1: "Paris summit"}.get(d, "?"))
    spans.set_spans([Span(7, 1, 1, 10, 20, "a  once-in-a\ngeneration", "", "", "fuzzy")])
    qtmodeltester.check(spans)
    assert spans.index(0, 0).data() == "Paris summit: “a once-in-a generation” [fuzzy]"

    history = HistoryTableModel()
    entries = [
        HistoryEntry(1, 1, "status", None, "unchecked", "ana", "2026-11-23T10:00:00Z"),
        HistoryEntry(2, 1, "status", "unchecked", "verified", "ben", "2026-11-23T11:00:00Z"),
    ]
    history.set_entries(entries)
    qtmodeltester.check(history)
    assert history.index(0, 2).data() == "status: “Unchecked” → “Verified”"  # newest first
    assert history.index(0, 1).data() == "ben"
    assert describe(HistoryEntry(3, 1, "highlight", "document 1 0:5", None, "a", "t")) == (
        "unlinked document 1 0:5"
    )
