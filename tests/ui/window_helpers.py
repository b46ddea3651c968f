"""Gestures the window tests share: drop files, import an article, make a claim, wait for undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from factdesk.ui.main_window import MainWindow

EMOJI_ARTICLE = (
    "Summit notes 🇫🇷 and 🎉 first\n"
    "The minister said: “We will spend 2.5 per cent of GDP on defence by 2027.”\n"
    "Opposition leaders called the figure “a fantasy” on Monday 😀.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def import_one(window: MainWindow, qtbot: Any, tmp_path: Path, text: str = EMOJI_ARTICLE) -> int:
    drop(window, [write(tmp_path, "article.txt", text)])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.view.document_id() is not None, timeout=5000)
    return window.documents.model.document_at(0).id


def wait_undo(window: MainWindow, qtbot: Any, text: str) -> None:
    """Wait until the edit is recorded on the undo stack (it is on disk a moment earlier)."""
    qtbot.waitUntil(lambda: window.undo_group.undoText().startswith(text), timeout=5000)


def make_claim(window: MainWindow, qtbot: Any, words: str) -> int:
    """Select `words` in the open document and press Ctrl+Enter; return the new claim's id."""
    text = window.view.text()
    start = text.index(words)
    window.view.reveal_span(start, start + len(words))
    known = {window.claims.model.claim_at(r).id for r in range(window.claims.model.rowCount())}
    window.activateWindow()
    window.view.setFocus()
    window.actions_.new_claim.trigger()
    qtbot.waitUntil(lambda: window.claims.current_id() not in (known | {None}), timeout=5000)
    claim_id = window.claims.current_id()
    qtbot.waitUntil(
        lambda: window.editor.claim() is not None and window.editor.claim().id == claim_id,
        timeout=5000,
    )
    return claim_id
