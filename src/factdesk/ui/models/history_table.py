"""A claim's history — what changed, when, by whom — as a table, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from factdesk.core.records import HistoryEntry
from factdesk.core.statuses import LABELS
from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

COL_WHEN, COL_WHO, COL_CHANGE = range(3)
HEADERS = ("When", "Who", "Change")

Index = QModelIndex | QPersistentModelIndex


def describe(entry: HistoryEntry) -> str:
    """One line for a history row: "status: Unchecked → Verified"."""
    old, new = entry.old, entry.new
    if entry.field == "status":
        old = LABELS.get(old or "", old)
        new = LABELS.get(new or "", new)
    if old is None and new is not None:
        return f"{entry.field}: set to “{new}”" if entry.field != "highlight" else f"linked {new}"
    if new is None and old is not None:
        return (
            f"{entry.field}: removed “{old}”" if entry.field != "highlight" else f"unlinked {old}"
        )
    return f"{entry.field}: “{old}” → “{new}”"


class HistoryTableModel(RecordsTableModel):
    HEADERS = HEADERS

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._items = sorted(entries, key=lambda e: (e.at, e.id), reverse=True)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._record(index)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _cell(entry, index.column())
            return None if text is None else plain_tip(text)  # old and new values: any text
        return None


def _cell(entry: HistoryEntry, col: int) -> str | None:
    if col == COL_WHEN:
        return entry.at.replace("T", " ").removesuffix("Z")
    if col == COL_WHO:
        return entry.editor
    if col == COL_CHANGE:
        return describe(entry)
    return None
