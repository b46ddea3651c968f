"""Other reports of one claim's statement (corroboration): each document's best variant."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:  # rapidfuzz loads with the matcher, on the desk's worker
    from factdesk.core.corroborate import Match

Index = QModelIndex | QPersistentModelIndex
TitleOf = Callable[[int], str]
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the Match
DOC_ROLE = Qt.ItemDataRole.UserRole + 2  # its document's id


def score_label(match: Match) -> str:
    """ "97% alike", or "same words" when only quote marks, case or hyphens differ."""
    if match.identical:
        return "same words"
    return f"{min(99, math.floor(match.score * 100))}% alike"  # never "100%" with a difference


class VariantListModel(QAbstractListModel):
    """Best first, as the matcher ranked them; a variant whose document the claim now quotes
    is removed (`drop_documents`) without waiting for the next search."""

    def __init__(self, title_of: TitleOf, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matches: list[Match] = []
        self._title_of = title_of

    def set_matches(self, matches: Sequence[Match]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def match_at(self, row: int) -> Match:
        return self._matches[row]

    def drop_documents(self, docs: Collection[int]) -> None:
        """Remove the variants in `docs` (the claim is quoted there now)."""
        for row in reversed(range(len(self._matches))):
            if self._matches[row].doc in docs:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._matches[row]
                self.endRemoveRows()

    def titles_changed(self) -> None:
        if self._matches:
            self.dataChanged.emit(self.index(0), self.index(len(self._matches) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._title_of(match.doc)} · {score_label(match)}"
        getter = _ROLES.get(role)
        return None if getter is None else getter(match)


_ROLES: dict[int, Callable[[Match], Any]] = {
    Qt.ItemDataRole.ToolTipRole: lambda m: plain_tip(
        f"{m.text}\n(document {m.doc}, {m.start}–{m.end})"
    ),
    MATCH_ROLE: lambda m: m,
    DOC_ROLE: lambda m: m.doc,
}
