"""The claims as a table: status chip, claim, speaker, date; filtered by status and speaker."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from factdesk.core.statuses import LABELS, STATUSES
from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:
    from factdesk.core.records import ClaimInfo

COL_STATUS, COL_TEXT, COL_SPEAKER, COL_DATE = range(4)
HEADERS = ("Status", "Claim", "Speaker", "Date")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class ClaimTableModel(RecordsTableModel):
    """Holds detached ClaimInfo records, sorted here rather than in the proxy.

    A desk can hold 50,000 claims. Sorting in a QSortFilterProxyModel asks `data()` for a
    sort key some 800,000 times, each a call from C++ into Python (13 s for 50,000 claims);
    sorting the Python list with precomputed keys takes milliseconds. Likewise each row keeps
    a folded copy of its text for the filter. An edited claim stays where it is (a row that
    jumps away under the keyboard is worse than one out of order); a new one is placed in
    order. Changed claims are replaced row by row.
    """

    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, int] = {}
        self._folded: list[str] = []
        self._sort_column = COL_STATUS
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_claims(self, claims: Sequence[ClaimInfo]) -> None:
        self.beginResetModel()
        self._items = self._sorted(claims)
        self._folded = [_folded(c) for c in self._items]
        self._reindex()
        self.endResetModel()

    def upsert(self, claim: ClaimInfo) -> None:
        """Show `claim`'s current values: replace its row, or insert it in order."""
        row = self._rows.get(claim.id)
        if row is not None:
            self._items[row] = claim
            self._folded[row] = _folded(claim)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        keys = [self._key(c) for c in self._items]
        key = self._key(claim)
        if self._sort_order == Qt.SortOrder.AscendingOrder:
            at = bisect.bisect_right(keys, key)
        else:  # keys run high to low: find the first smaller one
            at = next((i for i, k in enumerate(keys) if k < key), len(keys))
        self.beginInsertRows(QModelIndex(), at, at)
        self._items.insert(at, claim)
        self._folded.insert(at, _folded(claim))
        self._reindex()
        self.endInsertRows()

    def remove(self, claim_ids: Iterable[int]) -> None:
        for claim_id in claim_ids:
            row = self._rows.get(claim_id)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            del self._folded[row]
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

    def accepts(self, row: int, statuses: frozenset[str], speaker: str, needle: str) -> bool:
        """Whether the claim at `row` passes the filters (speaker and needle casefolded)."""
        claim = self._items[row]
        if claim.status not in statuses:
            return False
        if speaker and (claim.speaker or "").casefold() != speaker:
            return False
        return not needle or needle in self._folded[row]

    def _reindex(self) -> None:
        self._rows = {c.id: row for row, c in enumerate(self._items)}

    def _key(self, claim: ClaimInfo) -> Any:
        return (_sort_key(claim, self._sort_column), claim.id)

    def _sorted(self, claims: Iterable[ClaimInfo]) -> list[ClaimInfo]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(claims, key=self._key, reverse=descending)

    # --- Qt overrides --------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record, getter = self._record(index), _ROLES.get(role)
        return None if record is None or getter is None else getter(record, index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = [c.id for c in self._items]
        self._items = self._sorted(self._items)
        self._folded = [_folded(c) for c in self._items]
        self._reindex()
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved,
            [self.index(self._rows[before[i.row()]], i.column()) for i in moved],
        )
        self.layoutChanged.emit()


def _folded(claim: ClaimInfo) -> str:
    """What the text filter searches: every column as shown, casefolded."""
    label = LABELS.get(claim.status, claim.status)
    return f"{label}\n{claim.text}\n{claim.speaker or ''}\n{claim.date or ''}".casefold()


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
    from factdesk.core.text import count_of  # noqa: PLC0415  (hashlib: not in the first frame)

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
    """Shows the claims whose status is among the chosen ones, whose speaker matches, and
    whose text holds the filter words. Sorting is the source model's own (see there)."""

    def __init__(self) -> None:
        super().__init__()
        self._statuses: frozenset[str] = frozenset(STATUSES)
        self._speaker = ""
        self._needle = ""

    def set_statuses(self, statuses: Collection[str]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_speaker(self, speaker: str) -> None:
        """Keep claims by `speaker` ("" shows everyone)."""
        self.beginFilterChange()
        self._speaker = speaker.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Keep claims whose shown text holds `text`, ignoring case ("" shows all)."""
        self.beginFilterChange()
        self._needle = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimTableModel) or source_parent.isValid():
            return False
        return model.accepts(source_row, self._statuses, self._speaker, self._needle)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ClaimTableModel):
            model.sort(column, order)
