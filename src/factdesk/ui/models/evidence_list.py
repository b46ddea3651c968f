"""The evidence of one claim (a URL or citation, with a note) as a list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from factdesk.core.records import EvidenceInfo
from factdesk.ui.tooltips import plain_tip

Index = QModelIndex | QPersistentModelIndex


class EvidenceListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[EvidenceInfo] = []

    def set_items(self, items: Sequence[EvidenceInfo]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> EvidenceInfo:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.source} — {item.note}" if item.note else item.source
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(item.source)
        return None
