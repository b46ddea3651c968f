"""Paint suggested claims in the article: a dotted underline in a neutral colour, never a fill.

A claim's highlight is a status-coloured fill with a solid underline; a suggestion is only a
possibility, so it gets a row of grey dots under its words and no fill (the text stays exactly
as legible as unmarked text). The selected suggestion's dots are darker and larger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextLayout

from factdesk.ui.doc_positions import DocumentPositions
from factdesk.ui.highlight_painter import span_rects

Key = tuple[str, int, int]  # kind, start, end

_DOT = 1.8  # pen width: the dots' diameter, in pixels
_CURRENT_DOT = 2.8
_GAP = 2.2  # the space between two dots, in pen widths
_TEXT_SHARE = 0.6  # the dots' colour: this much of the text colour, the rest the page's


@dataclass(frozen=True, slots=True)
class SuggestionMark:
    """A suggestion as the document view shows it."""

    key: Key
    start: int  # code-point offsets into the document text, start < end
    end: int
    tooltip: str  # plain text shown on hover


@dataclass(frozen=True, slots=True)
class PlacedMark:
    mark: SuggestionMark
    rects: tuple[QRectF, ...]


class SuggestionIndex:
    """Marks grouped by the blocks (paragraphs) they touch, for painting and hit tests."""

    def __init__(self, positions: DocumentPositions, marks: Sequence[SuggestionMark]) -> None:
        self._positions = positions
        self._blocks: dict[int, list[tuple[SuggestionMark, int, int]]] = {}
        length = len(positions.text)
        self.marks = tuple(m for m in marks if 0 <= m.start < m.end <= length)
        for mark in self.marks:
            for line, start, end in positions.span_units(mark.start, mark.end):
                self._blocks.setdefault(line, []).append((mark, start, end))

    def in_block(self, block: int) -> list[tuple[SuggestionMark, int, int]]:
        return self._blocks.get(block, [])

    def marks_at(self, offset: int) -> list[SuggestionMark]:
        """The marks containing code-point `offset`, shortest first."""
        if not 0 <= offset < len(self._positions.text):
            return []
        line = self._positions.line_of(offset)
        found = [m for m, _s, _e in self._blocks.get(line, []) if m.start <= offset < m.end]
        return sorted(found, key=lambda m: (m.end - m.start, m.start))


def place_marks(
    layout: QTextLayout, origin: QPointF, items: Sequence[tuple[SuggestionMark, int, int]]
) -> list[PlacedMark]:
    placed = []
    for mark, start, end in items:
        rects = span_rects(layout, origin, start, end)
        if rects:
            placed.append(PlacedMark(mark, rects))
    return placed


def dot_colour(palette: QPalette) -> QColor:
    """A grey between the text and the page: no status uses it, and it reads on both schemes."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    share = _TEXT_SHARE
    return QColor(
        round(text.red() * share + base.red() * (1 - share)),
        round(text.green() * share + base.green() * (1 - share)),
        round(text.blue() * share + base.blue() * (1 - share)),
    )


class SuggestionPainter:
    def __init__(self, palette: QPalette) -> None:
        self._dots = QColor()
        self._current = QColor()
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._dots = dot_colour(palette)
        self._current = palette.color(QPalette.ColorRole.Text)

    def paint(self, painter: QPainter, placed: Sequence[PlacedMark], current: Key | None) -> None:
        """Over the text and the selection: the dots must show on a selected suggestion."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        plain = _dotted(self._dots, _DOT)
        chosen = _dotted(self._current, _CURRENT_DOT)
        for item in placed:
            is_current = item.mark.key == current
            pen, width = (chosen, _CURRENT_DOT) if is_current else (plain, _DOT)
            painter.setPen(pen)
            for rect in item.rects:
                y = rect.bottom() - width / 2
                painter.drawLine(QPointF(rect.left() + width / 2, y), QPointF(rect.right(), y))


def _dotted(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    # a zero-length dash with round caps is a round dot; the gap counts from cap to cap
    pen.setDashPattern([0.01, _GAP])
    return pen
