"""Find in the shown document: incremental, ignoring case and curly quotes, wrapping around."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from factdesk.core.statuses import FALSE
from factdesk.ui.colours import is_dark, status_colours
from factdesk.ui.document_view import DocumentView

# Typing ' or " finds ‘ ’ “ ” too: articles use curly quotes, keyboards type straight ones.
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
    }
)
_NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3)


def fold_for_search(text: str) -> str:
    """`text` with quotes straightened and lower-cased, keeping its length so that offsets
    found in the folded text are offsets in the original."""
    text = text.translate(_QUOTES)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few letters lower-case to two characters ("İ"): leave those as they are
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def find_all(folded_text: str, query: str) -> list[int]:
    """Start offsets of the non-overlapping matches of `query` in an already folded text."""
    needle = fold_for_search(query)
    starts: list[int] = []
    if not needle:
        return starts
    at = folded_text.find(needle)
    while at != -1:
        starts.append(at)
        at = folded_text.find(needle, at + len(needle))
    return starts


class FindBar(QWidget):
    """A one-line find bar for a DocumentView; hidden until open_bar()."""

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._folded_source: str | None = None  # the view text `_folded` was made from
        self._folded = ""
        self._matches: list[int] = []
        self._current = -1
        self._origin = 0  # matches are taken from here on when the query changes
        self.field = QLineEdit(self)
        self.count_label = QLabel(self)
        self._build()
        self.hide()

    def _build(self) -> None:
        self.field.setPlaceholderText("Find in document")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        style = self.style()
        buttons = (
            (QStyle.StandardPixmap.SP_ArrowUp, "Previous match (Shift+Enter)", self.find_previous),
            (QStyle.StandardPixmap.SP_ArrowDown, "Next match (Enter)", self.find_next),
            (QStyle.StandardPixmap.SP_TitleBarCloseButton, "Close (Esc)", self.close_bar),
        )
        for icon, tip, slot in buttons:
            button = QToolButton(self)
            button.setIcon(style.standardIcon(icon))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)

    # --- actions ------------------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected, finding from the reader's place."""
        span = self._view.selected_span()
        self._origin = span[0] if span else self._view.first_visible_offset()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._current = -1
            self._search()

    def search(self, query: str) -> None:
        """Find `query` as if typed (the search panel hands its query on this way)."""
        if query == self.field.text():
            self._current = -1
            self._search()
        else:
            self.field.setText(query)  # textChanged runs the search

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def match_count(self) -> int:
        return len(self._matches)

    # --- searching ----------------------------------------------------------------------------

    def _search(self) -> None:
        """Find every match of the field's text; keep the current one if it still matches."""
        text = self._view.text()
        if text is not self._folded_source:
            self._folded_source, self._folded = text, fold_for_search(text)
        if self._current >= 0:
            self._origin = self._matches[self._current]
        self._matches = find_all(self._folded, self.field.text())
        following = (i for i, start in enumerate(self._matches) if start >= self._origin)
        self._current = next(following, 0) if self._matches else -1
        self._show_current()

    def _step(self, direction: int) -> None:
        if self._view.text() is not self._folded_source:
            self._current = -1
            self._search()  # the view shows another document now
        if self._matches:
            self._current = (self._current + direction) % len(self._matches)
            self._show_current()

    def _show_current(self) -> None:
        query_length = len(self.field.text())
        if self._current >= 0:
            start = self._matches[self._current]
            self._view.reveal_span(start, start + query_length)
            self.count_label.setText(f"{self._current + 1} of {len(self._matches)}")
        else:
            self.count_label.setText("No matches" if query_length else "")
        self._mark_field(no_match=query_length > 0 and not self._matches)

    def _mark_field(self, *, no_match: bool) -> None:
        """Tint the field with the "false" fill while nothing matches."""
        if no_match:
            palette = QPalette(self.palette())
            fill = status_colours(FALSE, dark=is_dark(palette)).fill
            palette.setColor(QPalette.ColorRole.Base, fill)
            self.field.setPalette(palette)
        else:
            self.field.setPalette(QPalette())  # back to the inherited palette
        self.field.setProperty("noMatch", no_match)

    # --- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.field or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key not in (*_NEXT_KEYS, Qt.Key.Key_Escape):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # these keys belong to the bar, not to window shortcuts
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()
        return True
