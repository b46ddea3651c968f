"""The claims table with its scope (this document / all) and status and speaker filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.statuses import LABELS, STATUSES
from factdesk.ui import speaker_filter
from factdesk.ui.models.claim_table import (
    COL_DATE,
    COL_SPEAKER,
    COL_STATUS,
    COL_TEXT,
    ID_ROLE,
    ClaimFilterModel,
    ClaimTableModel,
)
from factdesk.ui.status_delegate import StatusChipDelegate

if TYPE_CHECKING:
    from factdesk.core.records import ClaimInfo

TEXT_PAUSE_MS = 150


class ClaimsPanel(QWidget):
    claimSelected = Signal(object)  # claim id or None
    scopeChanged = Signal(bool)  # True: all documents

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimTableModel()
        self.proxy = ClaimFilterModel()
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filters)
        layout.addWidget(self.table)

    # --- public --------------------------------------------------------------------------

    def all_documents(self) -> bool:
        return self.scope.currentIndex() == 1

    def set_claims(self, claims: Sequence[ClaimInfo]) -> None:
        """Replace the rows, keeping the selected claim selected (without re-announcing it)."""
        current = self.current_id()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_claims(claims)
            self._update_speakers()
            kept = current is not None and self.select(current, emit=False)
        finally:
            selection.blockSignals(False)
        if current is not None and not kept:
            self.claimSelected.emit(None)

    def upsert(self, claim: ClaimInfo) -> None:
        self.model.upsert(claim)
        self._update_speakers()

    def remove(self, claim_ids: Sequence[int]) -> None:
        self.model.remove(claim_ids)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, claim_id: int, *, emit: bool = True) -> bool:
        row = self.model.row_of(claim_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        if not index.isValid():  # hidden by a filter: show everything so it can be selected
            self.show_all_statuses()
            self.speaker.setCurrentIndex(0)
            self.text_filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        selection = self.table.selectionModel()
        if emit and self.current_id() == claim_id:
            self.claimSelected.emit(claim_id)  # already current: show it again all the same
            return True
        selection.blockSignals(not emit)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.scrollTo(index)
        return True

    def show_all_statuses(self) -> None:
        for action in self._status_actions.values():
            action.setChecked(True)
        self._apply_statuses()

    # --- building ------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.scope = QComboBox()
        self.scope.addItems(["This document", "All documents"])
        self.scope.setToolTip("Show the claims of the open document, or of the whole desk")
        self.scope.currentIndexChanged.connect(lambda i: self.scopeChanged.emit(i == 1))

        self.status_button = QToolButton(text="Statuses")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.status_button)
        self._status_actions: dict[str, QAction] = {}
        for status in STATUSES:
            action = menu.addAction(LABELS[status])
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._apply_statuses)
            self._status_actions[status] = action
        menu.addSeparator()
        menu.addAction("Show all", self.show_all_statuses)
        self.status_button.setMenu(menu)

        self.speaker = QComboBox()
        self.speaker.addItem(speaker_filter.ALL_SPEAKERS)
        self.speaker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.speaker.currentIndexChanged.connect(self._apply_speaker)

        self.text_filter = QLineEdit(placeholderText="Filter claims")
        self.text_filter.setClearButtonEnabled(True)
        # filter once typing pauses: on a desk of 50,000 claims each pass takes a moment
        self._text_pause = QTimer(self, singleShot=True, interval=TEXT_PAUSE_MS)
        self._text_pause.timeout.connect(lambda: self.proxy.set_text(self.text_filter.text()))
        self.text_filter.textChanged.connect(self._text_pause.start)

        self._filters = QHBoxLayout()
        self._filters.addWidget(self.scope)
        self._filters.addWidget(self.status_button)
        self._filters.addWidget(self.speaker)
        self._filters.addWidget(self.text_filter, 1)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusChipDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(COL_SPEAKER, 120)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.proxy.rowsRemoved.connect(self._after_rows_removed)

    # --- filters -------------------------------------------------------------------------

    def _apply_statuses(self) -> None:
        chosen = [s for s, a in self._status_actions.items() if a.isChecked()]
        self.proxy.set_statuses(chosen)
        shown = len(chosen)
        self.status_button.setText(
            "All statuses" if shown == len(STATUSES) else f"{shown} statuses"
        )

    def _apply_speaker(self) -> None:
        self.proxy.set_speaker(speaker_filter.chosen(self.speaker) or "")

    def _update_speakers(self) -> None:
        speaker_filter.refill(self.speaker, (c.speaker for c in self.model.claims()))
        self._apply_speaker()

    def _on_current(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        self.claimSelected.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _after_rows_removed(self) -> None:
        if not self.table.currentIndex().isValid():
            self.claimSelected.emit(None)
