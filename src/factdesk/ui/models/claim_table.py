"""The claims as a table: status chip, claim, speaker, date; filtered by status and speaker."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from factdesk.core.records import ClaimInfo
from factdesk.core.statuses import LABELS, STATUSES
from factdesk.core.text import count_of
from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

COL_STATUS, COL_TEXT, COL_SPEAKER, COL_DATE = range(4)
HEADERS = ("Status", "Claim", "Speaker", "Date")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class ClaimTableModel(RecordsTableModel):
    """Holds detached ClaimInfo records; changed claims are replaced row by row."""

    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, int] = {}

    def set_claims(self, claims: Sequence[ClaimInfo]) -> None:
        self.beginResetModel()
        self._items = list(claims)
        self._reindex()
        self.endResetModel()

    def upsert(self, claim: ClaimInfo) -> None:
        """Show `claim`'s current values: replace its row, or append it."""
        row = self._rows.get(claim.id)
        if row is not None:
            self._items[row] = claim
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        end = len(self._items)
        self.beginInsertRows(QModelIndex(), end, end)
        self._items.append(claim)
        self._rows[claim.id] = end
        self.endInsertRows()

    def remove(self, claim_ids: Iterable[int]) -> None:
        for claim_id in claim_ids:
            row = self._rows.get(claim_id)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self._reindex()
            self.endRemoveRows()

    def claim_at(self, row: int) -> ClaimInfo:
        return self._items[row]

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    def claim(self, claim_id: int) -> ClaimInfo | None:
        row = self._rows.get(claim_id)
        return None if row is None else self._items[row]

    def claims(self) -> list[ClaimInfo]:
        return list(self._items)

    def _reindex(self) -> None:
        self._rows = {c.id: row for row, c in enumerate(self._items)}

    # --- Qt overrides --------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record, getter = self._record(index), _ROLES.get(role)
        return None if record is None or getter is None else getter(record, index.column())


def _display(claim: ClaimInfo, col: int) -> str | None:
    if col == COL_STATUS:
        return LABELS.get(claim.status, claim.status)
    if col == COL_TEXT:
        return claim.text
    if col == COL_SPEAKER:
        return claim.speaker or ""
    if col == COL_DATE:
        return claim.date or ""
    return None


def _sort_key(claim: ClaimInfo, col: int) -> Any:
    if col == COL_STATUS:
        return STATUSES.index(claim.status) if claim.status in STATUSES else len(STATUSES)
    if col == COL_DATE:
        return claim.date or ""
    return (_display(claim, col) or "").casefold()


def _tooltip(claim: ClaimInfo) -> str:
    who = f"\n— {claim.speaker}" if claim.speaker else ""
    quotes = len(claim.spans)
    where = f"\nQuoted at {count_of(quotes, 'place')}"
    return plain_tip(f"{claim.text}{who}{where}")


_ROLES: dict[int, Callable[[ClaimInfo, int], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    SORT_ROLE: _sort_key,
    ID_ROLE: lambda c, _col: c.id,
    STATUS_ROLE: lambda c, _col: c.status,
    Qt.ItemDataRole.ToolTipRole: lambda c, _col: _tooltip(c),
}


class ClaimFilterModel(QSortFilterProxyModel):
    """Shows the claims whose status is among the chosen ones and whose speaker matches."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._statuses: frozenset[str] = frozenset(STATUSES)
        self._speaker = ""

    def set_statuses(self, statuses: Collection[str]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_speaker(self, speaker: str) -> None:
        """Keep claims by `speaker` ("" shows everyone)."""
        self.beginFilterChange()
        self._speaker = speaker.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, COL_SPEAKER, source_parent)
        if model.data(index, STATUS_ROLE) not in self._statuses:
            return False
        if self._speaker and (model.data(index) or "").casefold() != self._speaker:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
