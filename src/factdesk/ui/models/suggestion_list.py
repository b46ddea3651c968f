"""Suggested claims of one document as a table: kind, speaker, score, the words or the figure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from factdesk.core.suggest import FULL_QUOTE_SCORE, QUOTE
from factdesk.core.text import shorten
from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:
    from factdesk.core.suggest import Suggestion

COL_KIND, COL_SPEAKER, COL_SCORE, COL_TEXT = range(4)
HEADERS = ("Kind", "Speaker", "Score", "Suggestion")
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, int, int]  # kind, start, end: what the desk dismisses a suggestion by

_CELL_CHARACTERS = 160  # the view elides; the tooltip has the whole text
_TIP_CHARACTERS = 600
_CONTINUES = "↳ "


def key_of(suggestion: Suggestion) -> Key:
    return (suggestion.kind, suggestion.start, suggestion.end)


def is_fragment(suggestion: Suggestion) -> bool:
    """A scare quote or a fragment (“bridge”): rarely a claim, so listed only on request."""
    return suggestion.kind == QUOTE and suggestion.score < FULL_QUOTE_SCORE


def is_listed(suggestion: Suggestion, *, fragments: bool, speaker: str | None) -> bool:
    """Whether the list (and the article) shows `suggestion` under these filters."""
    if is_fragment(suggestion) and not fragments:
        return False
    return speaker is None or suggestion.speaker == speaker


class SuggestionListModel(RecordsTableModel):
    """Holds the suggestions in text order (the order the article reads them)."""

    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[Key, int] = {}

    def set_suggestions(self, found: Iterable[Suggestion]) -> None:
        self.beginResetModel()
        self._items = sorted(found, key=lambda s: (s.start, s.end, s.kind))
        self._reindex()
        self.endResetModel()

    def remove(self, key: Key) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self._reindex()
        self.endRemoveRows()

    def suggestion_at(self, row: int) -> Suggestion:
        return self._items[row]

    def row_of(self, key: Key) -> int | None:
        return self._rows.get(key)

    def suggestions(self) -> list[Suggestion]:
        return list(self._items)

    def _reindex(self) -> None:
        self._rows = {key_of(s): row for row, s in enumerate(self._items)}

    # --- Qt overrides --------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record, getter = self._record(index), _ROLES.get(role)
        return None if record is None or getter is None else getter(record, index.column())


def _display(s: Suggestion, col: int) -> str | None:
    if col == COL_KIND:
        if s.kind != QUOTE:
            return "Figure"
        return "Fragment" if is_fragment(s) else "Quote"
    if col == COL_SPEAKER:
        return s.speaker or ("—" if s.kind == QUOTE else "")
    if col == COL_SCORE:
        return f"{round(s.score * 100)}%"
    if col == COL_TEXT:
        return cell_text(s)
    return None


def cell_text(s: Suggestion) -> str:
    """One line: a quotation in quotes (↳ when it carries on from the paragraph before), or
    the figure first and then its clause."""
    words = shorten(s.text, _CELL_CHARACTERS)
    if s.kind != QUOTE:
        return f"{s.figure} — {words}" if s.figure else words
    return f"{_CONTINUES if s.continues is not None else ''}“{words}”"


def describe(s: Suggestion) -> str:
    """Who said it and how sure the suggestion is, in words."""
    if s.kind != QUOTE:
        what = f"Figure {s.figure}" if s.figure else "Figure"
        return f"{what} · {round(s.score * 100)}%"
    kind = "Scare quote or fragment" if is_fragment(s) else "Quotation"
    if s.continues is not None:
        kind += " (continued)"
    who = s.speaker or "no speaker found"
    if s.said_as and s.speaker and s.said_as.casefold() != s.speaker.casefold():
        who += f" (as “{s.said_as}”)"
    return f"{kind} · {who} · {round(s.score * 100)}%"


def _tooltip(s: Suggestion) -> str:
    return plain_tip(f"{describe(s)}\n\n{shorten(s.text, _TIP_CHARACTERS)}")


def _font(s: Suggestion, _col: int) -> QFont | None:
    if not is_fragment(s):
        return None
    font = QFont()
    font.setItalic(True)
    return font


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES: dict[int, Callable[[Suggestion, int], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    Qt.ItemDataRole.ToolTipRole: lambda s, _col: _tooltip(s),
    Qt.ItemDataRole.FontRole: _font,
    Qt.ItemDataRole.TextAlignmentRole: lambda _s, col: _RIGHT if col == COL_SCORE else None,
    SUGGESTION_ROLE: lambda s, _col: s,
}


class SuggestionFilterModel(QSortFilterProxyModel):
    """Hides scare quotes and fragments unless asked, and keeps one speaker when chosen."""

    def __init__(self) -> None:
        super().__init__()
        self._fragments = False
        self._speaker: str | None = None

    def set_fragments(self, shown: bool) -> None:
        if shown != self._fragments:
            self.beginFilterChange()
            self._fragments = shown
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_speaker(self, speaker: str | None) -> None:
        if speaker != self._speaker:
            self.beginFilterChange()
            self._speaker = speaker
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def speaker(self) -> str | None:
        return self._speaker

    def shown(self) -> list[Suggestion]:
        """The rows listed, in order."""
        return [self.index(row, 0).data(SUGGESTION_ROLE) for row in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if source_parent.isValid() or not isinstance(model, SuggestionListModel):
            return False
        found = model.suggestion_at(source_row)
        return is_listed(found, fragments=self._fragments, speaker=self._speaker)


def listed(
    found: Sequence[Suggestion], *, fragments: bool, speaker: str | None
) -> list[Suggestion]:
    return [s for s in found if is_listed(s, fragments=fragments, speaker=speaker)]
