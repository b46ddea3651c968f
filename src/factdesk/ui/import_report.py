"""After an import: which files did not come in and why, in a table the user can copy."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.records import Duplicate, ImportReport
from factdesk.core.text import count_of
from factdesk.ui.tooltips import plain_tip

COL_FILE = 0
COL_FOLDER = 1
COL_REASON = 2
_HEADERS = {COL_FILE: "File", COL_FOLDER: "Folder", COL_REASON: "Reason"}
_MAX_PATH_COLUMN = 200  # file and folder give way to the reason, which says what to do

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index Qt passes for "no parent"; never mutated


@dataclass(frozen=True, slots=True)
class _Row:
    path: str
    reason: str


def needs_report(report: ImportReport) -> bool:
    """True when the user should see the report: something was left out or the import stopped."""
    return bool(report.rejected or report.duplicates or report.cancelled)


def duplicate_reason(duplicate: Duplicate) -> str:
    return f"already on the desk as document {duplicate.existing_id} (“{duplicate.existing_title}”)"


def summary_sentence(report: ImportReport) -> str:
    """'Imported 3 documents. 1 file was already on the desk. 2 files could not be imported:'"""
    sentences = ["Import cancelled."] if report.cancelled else []
    imported = len(report.imported)
    if imported:
        sentences.append(f"Imported {count_of(imported, 'document')}.")
    else:
        sentences.append("No documents were imported.")
    if report.duplicates:
        verb = "was" if len(report.duplicates) == 1 else "were"
        sentences.append(f"{count_of(len(report.duplicates), 'file')} {verb} already on the desk.")
    if report.rejected:
        sentences.append(f"{count_of(len(report.rejected), 'file')} could not be imported.")
    if report.rejected or report.duplicates:
        sentences[-1] = sentences[-1][:-1] + ":"  # the table below lists them
    return " ".join(sentences)


class RejectedFilesModel(QAbstractTableModel):
    """One row per file left out of an import: rejected ones first, then duplicates."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = [_Row(r.path, r.reason) for r in report.rejected] + [
            _Row(d.path, duplicate_reason(d)) for d in report.duplicates
        ]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(row.reason if index.column() == COL_REASON else row.path)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS.get(section)
        return None

    def line(self, row: int) -> str:
        """'path: reason', as the command line prints it."""
        return f"{self._rows[row].path}: {self._rows[row].reason}"


def _cell(row: _Row, column: int) -> str | None:
    if column == COL_FILE:
        return os.path.basename(row.path) or row.path
    if column == COL_FOLDER:
        return os.path.dirname(row.path)
    if column == COL_REASON:
        return row.reason
    return None


class ImportReportDialog(QDialog):
    """The summary sentence and the table of files left out; shown by the caller with open()."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.model = RejectedFilesModel(report, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self.summary_label = QLabel(summary_sentence(report))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table_view = self._make_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton("Copy list")
        self.copy_button.setToolTip("Copy each file and its reason, one per line")
        self.copy_button.clicked.connect(self.copy_list)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        has_rows = self.model.rowCount() > 0
        if not has_rows:  # only cancelled: the sentence says it all
            self.table_view.hide()
            self.copy_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table_view, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)  # the summary wraps; a dialog sized to its hint is a sliver
        if has_rows:
            self.resize(760, 400)

    def _make_table(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self._proxy)
        header = view.horizontalHeader()
        # No sort column until the user picks one: the rows keep the order files were read in.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # paths differ at both ends
        # Reasons wrap rather than elide: they are the sentence the user needs to read.
        view.setWordWrap(True)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # one-line rows keep their air
        rows.hide()
        for column in (COL_FILE, COL_FOLDER):
            view.resizeColumnToContents(column)
            view.setColumnWidth(column, min(view.columnWidth(column), _MAX_PATH_COLUMN))
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        return view

    def copy_list(self) -> None:
        """Put 'path: reason' lines on the clipboard, in the order the table shows them."""
        proxy = self._proxy
        rows = (proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount()))
        QGuiApplication.clipboard().setText("\n".join(self.model.line(r) for r in rows))
