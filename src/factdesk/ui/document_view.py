"""The read-only reading pane: one document with its claims highlighted by status, and its
suggested claims (when shown) dotted underneath."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip, QWidget

from factdesk.ui.colours import noise_colour
from factdesk.ui.doc_positions import DocumentPositions, qt_safe_text
from factdesk.ui.highlight_index import HighlightIndex, ViewHighlight, tooltip_text
from factdesk.ui.highlight_painter import HighlightPainter, PlacedSegment, place_segments
from factdesk.ui.suggestion_painter import (
    Key,
    PlacedMark,
    SuggestionIndex,
    SuggestionMark,
    SuggestionPainter,
    place_marks,
)
from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:
    from factdesk.core.noise import NoiseRange

__all__ = ["DocumentView", "SuggestionMark", "ViewHighlight"]

# Serif faces made for long reading on screen, best first; the first one installed wins, else
# the application font. Only installed names are ever asked for: Qt warns (and spends ~100 ms
# on alias lookup) for a missing family, and Qt warnings fail our tests.
_READING_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Literata",
    "Noto Serif",
    "Charter",
    "Georgia",
    "DejaVu Serif",
)
_READING_POINT_SIZE = 11.5
_COLUMN_CHARACTERS = 75


@cache
def _reading_family() -> str | None:
    installed = set(QFontDatabase.families())
    return next((family for family in _READING_FAMILIES if family in installed), None)


def reading_font() -> QFont:
    """The document font: a screen serif around 11.5 pt."""
    font = QFont(QApplication.font())
    family = _reading_family()
    if family is not None:
        font.setFamily(family)
    font.setPointSizeF(_READING_POINT_SIZE)
    return font


class DocumentView(QPlainTextEdit):
    """Shows one document read-only; claims' quotes are painted per visible block.

    Highlights are not ExtraSelections (2,000 of them cost ~200 ms to build, stack-check §2):
    they are bucketed per block in plain Python and painted in paintEvent for the visible
    blocks only. Offsets in the API are code points; Qt's UTF-16 positions stay inside.
    """

    claimClicked = Signal(int)  # claim id of the innermost highlight clicked (not dragged)
    suggestionClicked = Signal(object)  # key of the suggestion clicked, outside any highlight

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc_id: int | None = None
        self._positions = DocumentPositions("")
        self._index = HighlightIndex(self._positions, ())
        self._noise: tuple[NoiseRange, ...] = ()
        self._current_claim: int | None = None
        self._press_pos: QPoint | None = None
        self._painter = HighlightPainter(self.palette())
        self._suggestions = SuggestionIndex(self._positions, ())
        self._current_suggestion: Key | None = None
        self._suggestion_painter = SuggestionPainter(self.palette())
        self._set_up_reading()

    def _set_up_reading(self) -> None:
        self.setReadOnly(True)
        # keyboard selection too: quoting a passage with Shift+arrows is part of the job
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # a long URL must wrap rather than push the column sideways
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFont(reading_font())
        # the side margins around the centred column are the page too, not window chrome
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._update_margins()

    # --- the API the main window uses -----------------------------------------------------

    def show_document(
        self,
        doc_id: int,
        text: str,
        noise: Sequence[NoiseRange],
        highlights: Sequence[ViewHighlight],
    ) -> None:
        self._doc_id = doc_id
        self._positions = DocumentPositions(text)
        self.setPlainText(qt_safe_text(text))
        self._noise = tuple(noise)
        self._apply_noise()
        self._index = HighlightIndex(self._positions, highlights)
        self._suggestions = SuggestionIndex(self._positions, ())
        self._current_suggestion = None
        self.viewport().update()

    def clear_document(self) -> None:
        self.show_document(0, "", (), ())
        self._doc_id = None

    def document_id(self) -> int | None:
        return self._doc_id

    def text(self) -> str:
        return self._positions.text

    def set_highlights(self, highlights: Sequence[ViewHighlight]) -> None:
        """Replace the highlight set; the text and its layout stay as they are."""
        self._index = HighlightIndex(self._positions, highlights)
        self.viewport().update()

    def set_current_claim(self, claim_id: int | None) -> None:
        self._current_claim = claim_id
        self.viewport().update()

    def set_suggestions(self, marks: Sequence[SuggestionMark], current: Key | None = None) -> None:
        """Show these suggestions (none hides them), `current` the most prominent."""
        self._suggestions = SuggestionIndex(self._positions, marks)
        self._current_suggestion = current
        self.viewport().update()

    def suggestion_marks(self) -> tuple[SuggestionMark, ...]:
        return self._suggestions.marks

    def current_suggestion(self) -> Key | None:
        return self._current_suggestion

    def suggestions_at(self, offset: int) -> list[SuggestionMark]:
        return self._suggestions.marks_at(offset)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._to_offset(cursor.selectionStart()), self._to_offset(cursor.selectionEnd())

    def reveal_span(self, start: int, end: int, *, select: bool = True) -> None:
        """Scroll so the span's start is centred; with `select`, select exactly the span."""
        length = len(self._positions.text)
        start, end = sorted((max(0, min(start, length)), max(0, min(end, length))))
        first = self._to_position(start)
        if select:
            cursor = QTextCursor(self.document())
            cursor.setPosition(first)
            cursor.setPosition(self._to_position(end), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        self._centre_on(first)

    def show_span(self, start: int, end: int) -> None:
        """Select exactly the span; scroll (centring its start) only if it is not in sight:
        stepping through nearby spans must not make the page jump."""
        length = len(self._positions.text)
        start, end = sorted((max(0, min(start, length)), max(0, min(end, length))))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to_position(end))
        last = self.cursorRect(cursor)
        cursor.setPosition(self._to_position(start))
        first = self.cursorRect(cursor)
        area = self.viewport().rect()
        # a span taller than the page is in sight when it starts in the page's upper third
        in_sight = area.contains(first) and (
            area.contains(last) or first.top() < area.height() // 3
        )
        if not in_sight:
            self.reveal_span(start, end)
            return
        # the cursor at the start (anchored at the end): setting it scrolls to the cursor
        cursor.setPosition(self._to_position(end))
        cursor.setPosition(self._to_position(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def highlights_at(self, offset: int) -> list[ViewHighlight]:
        """The highlights covering code-point `offset`, innermost (shortest) first."""
        return self._index.highlights_at(offset)

    def first_visible_offset(self) -> int:
        """Code-point offset of the first character shown at the top (where finding starts)."""
        return self._to_offset(self.cursorForPosition(QPoint(0, 0)).position())

    # --- positions --------------------------------------------------------------------------

    def _to_offset(self, position: int) -> int:
        """Code-point offset of Qt document position `position`."""
        block = self.document().findBlock(position)
        return self._positions.to_offset(block.blockNumber(), position - block.position())

    def _to_position(self, offset: int) -> int:
        """Qt document position of code-point `offset`."""
        line, unit = self._positions.to_unit(offset)
        return self.document().findBlockByNumber(line).position() + unit

    def _offset_at(self, point: QPoint) -> int | None:
        """Code-point offset of the character under viewport `point`, None off the text."""
        block, top_left = self._block_at(point.y())
        if block is None:
            return None
        layout = block.layout()
        local = QPointF(point) - top_left - layout.position()
        line = _line_at(layout, local.y())
        if line is None or not line.x() <= local.x() < line.x() + line.naturalTextWidth():
            return None
        unit = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
        return self._positions.to_offset(block.blockNumber(), unit)

    def _block_at(self, y: int) -> tuple[QTextBlock | None, QPointF]:
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > y:
                break
            if block.isVisible() and y < geometry.bottom():
                return block, geometry.topLeft()
            block = block.next()
        return None, QPointF()

    def _centre_on(self, position: int) -> None:
        """Scroll so the visual line holding `position` sits mid-viewport (or as near as the
        ends of the document allow). The scroll bar counts visual lines in QPlainTextEdit."""
        block = self.document().findBlock(position)
        self.blockBoundingRect(block)  # lays the block out if it was not yet
        line = block.layout().lineForTextPosition(position - block.position())
        room = (self.viewport().height() - line.height()) / 2
        top, top_line = block, line.lineNumber()
        while room > 0:
            if top_line == 0:
                previous = top.previous()
                if not previous.isValid():
                    break
                self.blockBoundingRect(previous)
                top, top_line = previous, previous.layout().lineCount()
                continue
            top_line -= 1
            room -= top.layout().lineAt(top_line).height()
        self.verticalScrollBar().setValue(top.firstLineNumber() + top_line)

    # --- noise ------------------------------------------------------------------------------

    def _apply_noise(self) -> None:
        """Dim noise with per-block layout formats, as QSyntaxHighlighter does: the document
        itself (and so its text and positions) stays untouched."""
        dimmed = QTextCharFormat()
        dimmed.setForeground(noise_colour(self.palette()))
        per_line: dict[int, list[QTextLayout.FormatRange]] = {}
        positions = self._positions
        for noise in self._noise:
            if not 0 <= noise.start < noise.end <= len(positions.text):
                continue
            for line in range(positions.line_of(noise.start), positions.line_of(noise.end) + 1):
                begin = positions.unit_in_line(line, noise.start - positions.line_start(line))
                end = positions.unit_in_line(line, noise.end - positions.line_start(line))
                if end > begin:
                    per_line.setdefault(line, []).append(_format_range(begin, end, dimmed))
        document = self.document()
        for line, ranges in per_line.items():
            block = document.findBlockByNumber(line)
            block.layout().setFormats(ranges)
            document.markContentsDirty(block.position(), block.length())

    # --- Qt overrides -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        placed, dotted = self._visible_marks(event.rect())
        if placed:
            painter = QPainter(self.viewport())
            self._painter.paint_fills(painter, placed)
            painter.end()
        super().paintEvent(event)  # the text, the selection and the cursor, over the fills
        if placed or dotted:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._painter.paint_marks(painter, placed, self._current_claim)
            self._suggestion_painter.paint(painter, dotted, self._current_suggestion)
            painter.end()

    def _visible_marks(self, rect: QRect) -> tuple[list[PlacedSegment], list[PlacedMark]]:
        """The highlights and suggestions of the blocks inside `rect`, placed in pixels."""
        placed: list[PlacedSegment] = []
        dotted: list[PlacedMark] = []
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > rect.bottom():
                break
            number = block.blockNumber()
            segments = self._index.segments_in_block(number)
            suggested = self._suggestions.in_block(number)
            if (segments or suggested) and block.isVisible() and geometry.bottom() >= rect.top():
                placed.extend(place_segments(block.layout(), geometry.topLeft(), segments))
                dotted.extend(place_marks(block.layout(), geometry.topLeft(), suggested))
            block = block.next()
        return placed, dotted

    def event(self, event: QEvent) -> bool:
        # QAbstractScrollArea drops wheel events outside its viewport, which here means over
        # the page margins beside the centred column; they should scroll the text too.
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            self.wheelEvent(event)
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self._offset_at(event.pos())
            text = self._tooltip_at(offset) if offset is not None else ""
            if text:
                # claim texts and speakers: Qt would render one that looks like HTML
                QToolTip.showText(event.globalPos(), plain_tip(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, offset: int) -> str:
        """The claims' quotes under the pointer, else the suggestion there (if shown)."""
        text = tooltip_text(self.highlights_at(offset))
        if not text:
            text = "\n\n".join(m.tooltip for m in self.suggestions_at(offset) if m.tooltip)
        return text

    def mousePressEvent(self, event: QMouseEvent) -> None:
        is_left = event.button() == Qt.MouseButton.LeftButton
        self._press_pos = event.position().toPoint() if is_left else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_pos = self._press_pos, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        moved = (point - pressed).manhattanLength() >= QApplication.startDragDistance()
        if moved or self.textCursor().hasSelection():
            return  # a drag selects text; only a plain click opens the claim
        offset = self._offset_at(point)
        hits = self.highlights_at(offset) if offset is not None else []
        if hits:
            self.claimClicked.emit(hits[0].claim_id)
            return
        suggested = self.suggestions_at(offset) if offset is not None else []
        if suggested:
            self.suggestionClicked.emit(suggested[0].key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._painter.set_palette(self.palette())
            self._suggestion_painter.set_palette(self.palette())
            self._apply_noise()
            self.viewport().update()
        elif event.type() == QEvent.Type.FontChange:
            self._update_margins()

    def _update_margins(self) -> None:
        """Centre a column of about 75 characters; narrower windows use their full width."""
        margins = self.viewportMargins()
        available = self.viewport().width() + margins.left() + margins.right()
        column = (
            self.fontMetrics().averageCharWidth() * _COLUMN_CHARACTERS
            + 2 * self.document().documentMargin()
        )
        side = max(0, int(available - column) // 2)
        if (margins.left(), margins.right()) != (side, side):
            self.setViewportMargins(side, 0, side, 0)


def _line_at(layout: QTextLayout, y: float) -> QTextLine | None:
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= y < line.y() + line.height():
            return line
    return None


def _format_range(start: int, end: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start = start
    format_range.length = end - start
    format_range.format = char_format
    return format_range
