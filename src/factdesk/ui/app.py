"""Start the desk window: show it first, then open the desk on the worker thread.

The window appears before SQLAlchemy and the services are imported (they load on the worker
while the event loop runs), which keeps start-up close to a bare Qt window.
"""

from __future__ import annotations

import asyncio
import os
import sys
from importlib.resources import files
from pathlib import Path

import qasync
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from factdesk.core.logs import setup_logging
from factdesk.core.paths import default_desk_path
from factdesk.ui import ready_probe, recent, tasks
from factdesk.ui.bugs import BugReporter
from factdesk.ui.colours import dark_palette, is_dark
from factdesk.ui.garbage import GuiThreadCollector
from factdesk.ui.main_window import MainWindow

APP_ID = "factdesk"
# the reverse-DNS id of the desktop entry, AppStream metainfo and icon (packaging/linux/)
DESKTOP_ID = "org.factdesk.FactDesk"


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName("factdesk")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    _apply_colour_scheme(app)
    return app


def app_icon() -> QIcon:
    """The installed theme's icon when there is one (packaging/linux/install.sh puts it
    there), else the SVG shipped inside the package."""
    shipped = files("factdesk") / "resources" / "icons" / "factdesk.svg"
    return QIcon.fromTheme(DESKTOP_ID, QIcon(str(shipped)))


class FileOpenFilter(QObject):
    """Open a desk the system hands over as an event: macOS sends a double-clicked
    `.factdesk` file (or one dropped on the Dock icon) as a QFileOpenEvent, not in argv."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                tasks.start(self._window.open_desk(Path(path), create=False))
                return True
        return super().eventFilter(watched, event)


def _apply_colour_scheme(app: QApplication) -> None:
    """Follow the system's light or dark scheme; FACTDESK_COLOR_SCHEME=light|dark overrides it
    (desktops without a portal report no preference)."""
    wanted = os.environ.get("FACTDESK_COLOR_SCHEME", "").strip().lower()
    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    if wanted not in schemes:
        return
    app.styleHints().setColorScheme(schemes[wanted])
    if (wanted == "dark") != is_dark(app.palette()):  # no platform theme honoured the request
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if wanted == "dark" else app.style().standardPalette())


def run_window(path: Path | None) -> int:
    """Run the window on `path`, or on the last desk used, or on the default desk."""
    app = make_application()
    collector = GuiThreadCollector(app)
    settings = QSettings()
    window = MainWindow(settings)
    app.installEventFilter(FileOpenFilter(window))
    window.show()
    probe = ready_probe.wanted()
    if probe:
        ready_probe.report_shown()
    target = path or recent.last(settings) or default_desk_path()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    reporter = BugReporter(window.report_bug, setup_logging())
    reporter.install(loop)
    with loop:
        loop.call_soon(lambda: tasks.start(_open(window, target, probe)))
        loop.run_forever()  # returns when the last window closes (Ctrl+Q)
    reporter.uninstall()
    collector.stop()
    return 0


async def _open(window: MainWindow, target: Path, probe: bool) -> None:
    await window.open_desk(target)
    if probe:
        ready_probe.report_loaded_and_quit(window)
