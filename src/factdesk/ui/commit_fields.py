"""Editor fields that save themselves: they say when a person has finished a change.

There is no Save button, so a field commits when the person pauses typing, or leaves the
field. Each commit becomes one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

PAUSE_MS = 900  # long enough not to save half a word, short enough that nothing waits unsaved


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that emits `committed` after a pause in typing or on focus out."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.committed)
        self.textChanged.connect(self._on_changed)
        self._loading = False

    def load(self, text: str) -> None:
        """Show a stored value without it counting as an edit."""
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._timer.stop()

    def flush(self) -> None:
        """Commit now if an edit is waiting for its pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()

    def _on_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
