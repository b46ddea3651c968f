"""Start the desk window: show it first, then open the desk on the worker thread.

The window appears before SQLAlchemy and the services are imported (they load on the worker
while the event loop runs), which keeps start-up close to a bare Qt window.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from factdesk.core.logs import setup_logging
from factdesk.core.paths import default_desk_path
from factdesk.ui import ready_probe, recent, tasks
from factdesk.ui.bugs import BugReporter
from factdesk.ui.colours import dark_palette, is_dark
from factdesk.ui.garbage import GuiThreadCollector
from factdesk.ui.main_window import MainWindow

APP_ID = "factdesk"


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName("factdesk")
    app.setDesktopFileName("org.factdesk.FactDesk")
    _apply_colour_scheme(app)
    return app


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
