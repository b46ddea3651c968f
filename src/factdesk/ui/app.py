"""Start the desk window: show it first, then everything else on the event loop's first turn.

Only what the first frame needs is imported before show(): the window with its menus and
panels. The asyncio machinery (qasync), the bug reporter and its log file load on the first
turn of the event loop after the window is shown and idle; SQLAlchemy and the services load
on the desk's worker thread after that. Start-up stays close to a bare Qt window (DESIGN §5).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from factdesk.core.paths import default_desk_path
from factdesk.ui import ready_probe, recent
from factdesk.ui.colours import dark_palette, is_dark
from factdesk.ui.garbage import GuiThreadCollector
from factdesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from factdesk.ui.bugs import BugReporter

APP_ID = "factdesk"
# the reverse-DNS id of the desktop entry, AppStream metainfo and icon (packaging/linux/)
DESKTOP_ID = "org.factdesk.FactDesk"


class Application(QApplication):
    """The application object, which hands a QFileOpenEvent to its `file_opener`.

    The system sends that event to the application object itself, so it is caught here
    rather than by an event filter installed on the application: such a filter is called, in
    Python, for every event of every widget (~50 ms of calls while the window is built and
    shown)."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.file_opener: FileOpenFilter | None = None

    def event(self, event: QEvent) -> bool:
        opener = self.file_opener
        if opener is not None and opener.eventFilter(self, event):
            return True
        return super().event(event)


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = Application(sys.argv[:1])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName("factdesk")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    _apply_colour_scheme(app)
    return app


def app_icon() -> QIcon:
    """The installed theme's icon when there is one (packaging/linux/install.sh puts it
    there), else the SVG shipped inside the package (a file beside the modules, also in the
    bundle; importlib.resources would cost the first frame ~8 ms of imports)."""
    shipped = Path(__file__).resolve().parent.parent / "resources" / "icons" / "factdesk.svg"
    return QIcon.fromTheme(DESKTOP_ID, QIcon(str(shipped)))


class FileOpenFilter(QObject):
    """Open a desk the system hands over as an event: macOS sends a double-clicked
    `.factdesk` file (or one dropped on the Dock icon) as a QFileOpenEvent, not in argv."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._held: list[Path] | None = None  # None: each desk opens at once

    def hold(self) -> None:
        """Keep the desks handed over until `release()`: at start-up one can come before the
        event loop runs coroutines."""
        self._held = []

    def release(self) -> list[Path]:
        """The desks handed over while held; from now on each opens at once."""
        held, self._held = self._held or [], None
        return held

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                if self._held is not None:
                    self._held.append(Path(path))
                else:
                    from factdesk.ui import tasks  # noqa: PLC0415  (asyncio: after the first frame)

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
    opener = FileOpenFilter(window)
    opener.hold()
    if isinstance(app, Application):
        app.file_opener = opener
    else:  # an application made elsewhere (embedding): the filter sees its every event
        app.installEventFilter(opener)
    window.show()
    probe = ready_probe.wanted()
    if probe:
        ready_probe.report_shown()
    target = path or recent.last(settings) or default_desk_path()
    rest = _RestOfStartUp(window, opener, target, probe=probe)
    QTimer.singleShot(0, rest.begin)  # after the probe's report: the window is shown and idle
    app.exec()  # returns when the last window closes (Ctrl+Q)
    if isinstance(app, Application):
        app.file_opener = None  # it goes with the window
    else:
        app.removeEventFilter(opener)
    rest.end()
    collector.stop()
    return 0


class _RestOfStartUp:
    """What the window needs after its first frame: the bug reporter and its log file, the
    asyncio loop (qasync, on the Qt event loop that is already running), then the desk."""

    def __init__(self, window: MainWindow, opener: FileOpenFilter, target: Path, *, probe: bool):
        self.window = window
        self.opener = opener
        self.target = target
        self.probe = probe
        self.reporter: BugReporter | None = None
        self.loop: Any = None  # qasync.QEventLoop

    def begin(self) -> None:
        # every import here waits until the first frame is on screen and idle
        from factdesk.core.logs import setup_logging  # noqa: PLC0415
        from factdesk.ui.bugs import BugReporter  # noqa: PLC0415

        self.reporter = BugReporter(self.window.report_bug, setup_logging())
        self.reporter.install()  # before anything else can fail

        import asyncio  # noqa: PLC0415

        import qasync  # noqa: PLC0415

        from factdesk.ui import tasks  # noqa: PLC0415

        app = QApplication.instance()
        self.loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(self.loop)
        self.loop.set_exception_handler(self.reporter.loop_exception)
        tasks.start(self._open(self.opener.release()))

    async def _open(self, handed_over: list[Path]) -> None:
        await self.window.open_desk(self.target)
        for path in handed_over:  # desks the system handed over before the loop ran
            await self.window.open_desk(path, create=False)
        if self.probe:
            ready_probe.report_loaded_and_quit(self.window)

    def end(self) -> None:
        """After the Qt event loop has returned: close the asyncio loop, restore the hooks."""
        if self.loop is not None:
            import asyncio  # noqa: PLC0415

            self.loop.stop()  # marks it stopped; the Qt loop it ran on has already returned
            asyncio._set_running_loop(None)  # set by the already-running loop (asyncio's API)
            self.loop.close()
            asyncio.set_event_loop(None)
        if self.reporter is not None:
            self.reporter.uninstall()
