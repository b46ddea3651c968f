"""Where a claim is quoted (its highlights), where else it is reported (corroboration), and
what supports its verdict (its evidence)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.records import ClaimInfo
from factdesk.ui.corroboration_view import CorroborationView, Find
from factdesk.ui.models.evidence_list import EvidenceListModel
from factdesk.ui.models.span_list import SpanListModel


class ClaimSources(QWidget):
    spanActivated = Signal(object)  # Span: show it in its document
    highlightRemoved = Signal(object)  # Span
    evidenceAdded = Signal(int, str, str)  # claim id, URL or citation, note
    evidenceRemoved = Signal(object)  # EvidenceInfo
    variantLinked = Signal(int, object)  # claim id, Match: quote that report as a highlight
    variantActivated = Signal(object)  # Match: show it in its document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimInfo | None = None
        self._titles: dict[int, str] = {}
        self.spans = SpanListModel(lambda doc: self._titles.get(doc, f"Document {doc}"))
        self.evidence = EvidenceListModel()
        self._build()

    def set_titles(self, titles: dict[int, str]) -> None:
        """Document titles, to name where each quote is."""
        self._titles = dict(titles)
        self.corroboration.set_titles(self._titles)
        if self._claim is not None:
            self.spans.set_spans(self._claim.spans)

    def set_finder(self, find: Find | None) -> None:
        """How to find the claim's other reports (on the desk's worker)."""
        self.corroboration.set_finder(find)

    def show_claim(self, claim: ClaimInfo | None) -> None:
        self._claim = claim
        self.corroboration.show_claim(claim)
        self.spans.set_spans(claim.spans if claim else ())
        self.evidence.set_items(claim.evidence if claim else ())
        self._update_buttons()

    def _build(self) -> None:
        self.corroboration = CorroborationView()
        self.corroboration.linkRequested.connect(self._link_variant)
        self.corroboration.variantActivated.connect(self.variantActivated)

        self.span_list = _list_view(self.spans)
        self.span_list.activated.connect(self._activate_span)
        self.remove_span = QPushButton("Remove highlight")
        self.remove_span.setToolTip("Unlink the selected quote from this claim (the claim stays)")
        self.remove_span.clicked.connect(self._remove_span)

        self.evidence_list = _list_view(self.evidence)
        self.remove_evidence = QPushButton("Remove")
        self.remove_evidence.clicked.connect(self._remove_evidence)
        self.source = QLineEdit(placeholderText="URL or citation")
        self.source_note = QLineEdit(placeholderText="What it shows (optional)")
        self.add_evidence = QPushButton("Add evidence")
        self.add_evidence.clicked.connect(self._add_evidence)
        self.source.returnPressed.connect(self._add_evidence)
        self.source_note.returnPressed.connect(self._add_evidence)
        self.source.textChanged.connect(self._update_buttons)
        for view in (self.span_list, self.evidence_list):
            view.selectionModel().selectionChanged.connect(self._update_buttons)

        span_row = QHBoxLayout()
        span_row.addStretch()
        span_row.addWidget(self.remove_span)
        entry = QHBoxLayout()
        entry.addWidget(self.source, 3)
        entry.addWidget(self.source_note, 2)
        entry.addWidget(self.add_evidence)
        entry.addWidget(self.remove_evidence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.corroboration)
        self.corroboration.expandedChanged.connect(
            lambda expanded: layout.setStretchFactor(self.corroboration, 2 if expanded else 0)
        )
        layout.addWidget(QLabel("Quoted in (double-click to show):"))
        layout.addWidget(self.span_list, 1)
        layout.addLayout(span_row)
        layout.addWidget(QLabel("Evidence:"))
        layout.addWidget(self.evidence_list, 1)
        layout.addLayout(entry)

    def _selected_row(self, view: QListView) -> int | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        self.remove_span.setEnabled(self._selected_row(self.span_list) is not None)
        self.remove_evidence.setEnabled(self._selected_row(self.evidence_list) is not None)
        self.add_evidence.setEnabled(self._claim is not None and bool(self.source.text().strip()))

    def _link_variant(self, match: object) -> None:
        if self._claim is not None:
            self.variantLinked.emit(self._claim.id, match)

    def _activate_span(self, index: QModelIndex) -> None:
        self.spanActivated.emit(self.spans.span_at(index.row()))

    def _remove_span(self) -> None:
        row = self._selected_row(self.span_list)
        if row is not None:
            self.highlightRemoved.emit(self.spans.span_at(row))

    def _remove_evidence(self) -> None:
        row = self._selected_row(self.evidence_list)
        if row is not None:
            self.evidenceRemoved.emit(self.evidence.item_at(row))

    def _add_evidence(self) -> None:
        source = self.source.text().strip()
        if self._claim is None or not source:
            return
        self.evidenceAdded.emit(self._claim.id, source, self.source_note.text().strip())
        self.source.clear()
        self.source_note.clear()


def _list_view(model: SpanListModel | EvidenceListModel) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    return view
