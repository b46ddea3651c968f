"""What the application object gives the desktop: its icon, its id, and desks the system opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from window_helpers import EMOJI_ARTICLE, write

from factdesk.services import Desk
from factdesk.ui.app import DESKTOP_ID, FileOpenFilter, app_icon, make_application
from factdesk.ui.main_window import MainWindow


def test_the_application_has_factdesks_icon_and_desktop_id(qapp: QApplication) -> None:
    app = make_application()
    assert app.desktopFileName() == DESKTOP_ID == "org.factdesk.FactDesk"
    # the SVG shipped in the package renders: a broken or missing file gives a null pixmap
    image = app_icon().pixmap(QSize(64, 64)).toImage()
    assert not image.isNull()
    assert image.width() == 64
    centre = image.pixelColor(32, 32)
    corner = image.pixelColor(0, 0)
    assert centre.alpha() == 255  # the page
    assert corner.alpha() == 0  # outside the rounded square
    assert not app.windowIcon().isNull()


def test_a_desk_the_system_opens_by_event_opens_in_the_window(
    window: MainWindow, qtbot: Any, tmp_path: Path, qapp: QApplication
) -> None:
    """macOS hands a double-clicked desk over as QFileOpenEvent; the window opens it."""
    other = tmp_path / "other story.factdesk"
    with Desk.open(other, create=True, editor="cli") as desk:
        desk.import_files([write(tmp_path, "a.txt", EMOJI_ARTICLE)])
    qapp.installEventFilter(FileOpenFilter(window))
    QApplication.sendEvent(qapp, QFileOpenEvent(str(other)))
    qtbot.waitUntil(
        lambda: window.client is not None and window.client.path == other, timeout=10000
    )
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    assert window.windowTitle().startswith("other story")


def test_a_missing_desk_from_the_system_is_refused_not_created(
    window: MainWindow, qtbot: Any, tmp_path: Path, qapp: QApplication
) -> None:
    before = window.client.path if window.client else None
    ghost = tmp_path / "gone.factdesk"
    qapp.installEventFilter(FileOpenFilter(window))
    QApplication.sendEvent(qapp, QFileOpenEvent(str(ghost)))
    qtbot.waitUntil(lambda: "no such desk" in window.statusBar().currentMessage(), timeout=10000)
    assert not ghost.exists()
    assert window.client is not None and window.client.path == before
