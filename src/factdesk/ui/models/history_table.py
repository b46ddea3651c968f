"""A claim's history — what changed, when, by whom — as a table, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factdesk.core.records import HistoryEntry
from factdesk.core.statuses import LABELS

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


class HistoryTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.at, e.id), reverse=True)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, col = self._entries[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_WHEN:
                return entry.at.replace("T", " ").removesuffix("Z")
            if col == COL_WHO:
                return entry.editor
            if col == COL_CHANGE:
                return describe(entry)
        return None
