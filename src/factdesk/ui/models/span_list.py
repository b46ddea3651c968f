"""Where one claim is quoted: each highlight with its document's title and the quote."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from factdesk.core.records import Span
from factdesk.core.statuses import ANCHOR_OK
from factdesk.core.text import shorten
from factdesk.ui.tooltips import plain_tip

Index = QModelIndex | QPersistentModelIndex
TitleOf = Callable[[int], str]


class SpanListModel(QAbstractListModel):
    def __init__(self, title_of: TitleOf) -> None:
        super().__init__()
        self._spans: list[Span] = []
        self._title_of = title_of

    def set_spans(self, spans: Sequence[Span]) -> None:
        self.beginResetModel()
        self._spans = sorted(spans, key=lambda s: (s.doc, s.start))
        self.endResetModel()

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            quote = shorten(span.quote, 90)
            state = "" if span.anchor == ANCHOR_OK else f" [{span.anchor}]"
            return f"{self._title_of(span.doc)}: “{quote}”{state}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{span.quote}\n(document {span.doc}, {span.start}–{span.end})")
        return None
