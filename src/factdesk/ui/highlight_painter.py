"""Paint highlight fills, status underlines and the current claim's outline for visible blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen, QTextLayout

from factdesk.core.statuses import STATUSES, UNCHECKED
from factdesk.ui.colours import StatusColours, is_dark, status_colours
from factdesk.ui.highlight_index import Segment

# Nested highlights shrink by this much per level at top and bottom, so the outer one shows as
# a band around the inner one even when both have the same status colour.
_NEST_INSET = 2.0
_MAX_NEST = 3
_UNDERLINE_WIDTH = 2.0
_OUTLINE_WIDTH = 2.0


@dataclass(frozen=True, slots=True)
class PlacedSegment:
    """A segment with its rectangles in viewport pixels, one per visual line it covers."""

    segment: Segment
    rects: tuple[QRectF, ...]


def place_segments(
    layout: QTextLayout, origin: QPointF, segments: Sequence[Segment]
) -> list[PlacedSegment]:
    """Rectangles for `segments` of one laid-out block whose top-left is at `origin`."""
    placed = []
    for segment in segments:
        inset = min(segment.depth, _MAX_NEST) * _NEST_INSET
        rects = span_rects(layout, origin, segment.start, segment.end, inset=inset)
        if rects:
            placed.append(PlacedSegment(segment, rects))
    return placed


def span_rects(
    layout: QTextLayout, origin: QPointF, start: int, end: int, *, inset: float = 0.0
) -> tuple[QRectF, ...]:
    """Viewport rectangles of UTF-16 units [start, end) of one laid-out block whose top-left
    is at `origin`: one per visual line they cover, shrunk by `inset` at top and bottom."""
    origin = origin + layout.position()
    rects = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        line_start = line.textStart()
        first = max(start, line_start)
        last = min(end, line_start + line.textLength())
        if first >= last:
            continue
        # cursorToX answers (x, position); x is already relative to the layout
        left, right = sorted((line.cursorToX(first)[0], line.cursorToX(last)[0]))
        top = origin.y() + line.y() + inset
        rects.append(QRectF(origin.x() + left, top, right - left, line.height() - 2 * inset))
    return tuple(rects)


class HighlightPainter:
    """Draws placed segments in the status colours of the current palette."""

    def __init__(self, palette: QPalette) -> None:
        self._colours: dict[str, StatusColours] = {}
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        self._colours = {status: status_colours(status, dark=dark) for status in STATUSES}

    def colours(self, status: str) -> StatusColours:
        return self._colours.get(status, self._colours[UNCHECKED])

    def paint_fills(self, painter: QPainter, placed: Sequence[PlacedSegment]) -> None:
        """Fills go under the text: call before the text is drawn, outer segments first."""
        for item in placed:
            fill = self.colours(item.segment.highlight.status).fill
            for rect in item.rects:
                painter.fillRect(rect, fill)

    def paint_marks(
        self, painter: QPainter, placed: Sequence[PlacedSegment], current_claim: int | None
    ) -> None:
        """Underlines and the current claim's outline go over the text and the selection."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in placed:
            highlight = item.segment.highlight
            colour = self.colours(highlight.status).underline
            painter.setPen(QPen(colour, _UNDERLINE_WIDTH))
            for rect in item.rects:
                y = rect.bottom() - _UNDERLINE_WIDTH / 2
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            if current_claim is not None and highlight.claim_id == current_claim:
                painter.setPen(QPen(colour, _OUTLINE_WIDTH))
                half = _OUTLINE_WIDTH / 2
                for rect in item.rects:
                    painter.drawRect(rect.adjusted(half, half, -half, -half))
