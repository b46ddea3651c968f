"""The documents of a desk as a table: title, outlet, published date, number of claims."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:
    from factdesk.core.records import DocumentInfo

COL_TITLE, COL_OUTLET, COL_DATE, COL_CLAIMS = range(4)
HEADERS = ("Title", "Outlet", "Date", "Claims")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(RecordsTableModel):
    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, int] = {}

    def set_documents(self, docs: Sequence[DocumentInfo]) -> None:
        """Replace the rows; rows whose document is unchanged keep their identity in views."""
        if [d.id for d in docs] == [d.id for d in self._items]:
            self._items = list(docs)
            if docs:
                self.dataChanged.emit(self.index(0, 0), self.index(len(docs) - 1, COL_CLAIMS))
            return
        self.beginResetModel()
        self._items = list(docs)
        self._rows = {d.id: row for row, d in enumerate(self._items)}
        self.endResetModel()

    def document_at(self, row: int) -> DocumentInfo:
        return self._items[row]

    def row_of(self, doc_id: int) -> int | None:
        return self._rows.get(doc_id)

    def documents(self) -> list[DocumentInfo]:
        return list(self._items)

    # --- Qt overrides --------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record, getter = self._record(index), _ROLES.get(role)
        return None if record is None or getter is None else getter(record, index.column())


def _display(doc: DocumentInfo, col: int) -> str | None:
    if col == COL_TITLE:
        return doc.title
    if col == COL_OUTLET:
        return doc.outlet or ""
    if col == COL_DATE:
        return doc.published or ""
    if col == COL_CLAIMS:
        return str(doc.claims) if doc.claims else ""
    return None


def _sort_key(doc: DocumentInfo, col: int) -> Any:
    if col == COL_CLAIMS:
        return doc.claims
    if col == COL_DATE:
        return doc.published or ""
    value = _display(doc, col) or ""
    return value.casefold()


def _tooltip(doc: DocumentInfo) -> str:
    lines = [doc.title, doc.source, f"{doc.words:,} words · imported {doc.imported_at[:10]}"]
    if doc.url:
        lines.insert(2, doc.url)
    return plain_tip("\n".join(lines))


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES: dict[int, Callable[[DocumentInfo, int], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    SORT_ROLE: _sort_key,
    ID_ROLE: lambda d, _col: d.id,
    Qt.ItemDataRole.ToolTipRole: lambda d, _col: _tooltip(d),
    Qt.ItemDataRole.TextAlignmentRole: lambda _d, col: _RIGHT if col == COL_CLAIMS else None,
}


class DocumentFilterModel(QSortFilterProxyModel):
    """Sorts by the raw values and filters on title and outlet as the user types."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
