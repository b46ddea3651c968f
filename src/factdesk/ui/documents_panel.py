"""The left pane: the desk's documents with a filter box; selecting one opens it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.ui.models.document_list import (
    COL_CLAIMS,
    COL_DATE,
    COL_OUTLET,
    COL_TITLE,
    ID_ROLE,
    DocumentFilterModel,
    DocumentListModel,
)

if TYPE_CHECKING:
    from factdesk.core.records import DocumentInfo


class DocumentsPanel(QWidget):
    documentSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel()
        self.proxy = DocumentFilterModel()
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter documents")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_OUTLET, COL_DATE, COL_CLAIMS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def set_documents(self, docs: Sequence[DocumentInfo]) -> None:
        current = self.current_id()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # a reset is not the person choosing another document
        try:
            self.model.set_documents(docs)
        finally:
            selection.blockSignals(False)
        # plain-text imports have no outlet or date: give the title their room
        self.table.setColumnHidden(COL_OUTLET, not any(d.outlet for d in docs))
        self.table.setColumnHidden(COL_DATE, not any(d.published for d in docs))
        if current is not None:
            self.select(current, emit=False)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, doc_id: int, *, emit: bool = True) -> None:
        row = self.model.row_of(doc_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE))
        if not index.isValid():  # filtered out: clear the filter so the document can show
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE))
        self.table.blockSignals(not emit)
        self.table.selectionModel().blockSignals(not emit)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.table.scrollTo(index)

    def titles(self) -> dict[int, str]:
        return {d.id: d.title for d in self.model.documents()}

    def _on_current(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self.documentSelected.emit(current.data(ID_ROLE))
