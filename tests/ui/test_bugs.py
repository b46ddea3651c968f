"""A bug inside the window: the log file gets the traceback, the person one sentence, and the
window keeps working. Help ▸ Open log folder opens where the log is."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from window_helpers import import_one

from factdesk.core.errors import DeskError
from factdesk.core.logs import log, setup_logging
from factdesk.ui import tasks
from factdesk.ui.bugs import BugReporter
from factdesk.ui.main_window import MainWindow


@pytest.fixture
def reporter(window: MainWindow, tmp_path: Path, qloop: Any) -> Any:
    log_path = setup_logging(tmp_path / "logs")
    installed = BugReporter(window.report_bug, log_path)
    installed.install(qloop)
    yield installed
    installed.uninstall()
    qloop.set_exception_handler(None)
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


async def _broken_work() -> None:
    await asyncio.sleep(0)
    raise RuntimeError("the model lost its row")


@pytest.mark.qt_no_exception_capture
def test_a_failing_task_is_logged_with_its_traceback_and_shown_in_one_sentence(
    window: MainWindow, reporter: BugReporter, qtbot: Any, tmp_path: Path
) -> None:
    tasks.start(_broken_work())
    qtbot.waitUntil(lambda: reporter.reported == 1, timeout=3000)
    box = _wait_box(window, qtbot)
    sentence = box.text()
    assert sentence.startswith(
        "Something went wrong inside factdesk (RuntimeError: the model lost its row). "
        "factdesk is still running. The details are in "
    )
    assert "\n" not in sentence and "Traceback" not in sentence
    logged = (tmp_path / "logs" / "factdesk.log").read_text()
    assert "Traceback (most recent call last)" in logged
    assert "in _broken_work" in logged and "RuntimeError: the model lost its row" in logged

    # a second bug updates the one box rather than piling up boxes
    tasks.start(_broken_work())
    qtbot.waitUntil(lambda: reporter.reported == 2, timeout=3000)
    assert len([b for b in window.findChildren(QMessageBox, "bugBox") if b.isVisible()]) == 1

    # and the window still works
    import_one(window, qtbot, tmp_path)


@pytest.mark.qt_no_exception_capture
def test_a_failing_thread_is_logged_too(
    window: MainWindow, reporter: BugReporter, qtbot: Any, tmp_path: Path
) -> None:
    def work() -> None:
        raise ValueError("worker fell over")

    thread = threading.Thread(target=work, name="exporter")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.reported == 1, timeout=3000)
    box = _wait_box(window, qtbot)
    assert "(ValueError: worker fell over)" in box.text()
    logged = (tmp_path / "logs" / "factdesk.log").read_text()
    assert "bug in thread exporter" in logged and "ValueError: worker fell over" in logged


def _wait_box(window: MainWindow, qtbot: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "bugBox") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "bugBox")
    assert box.isVisible()
    return box


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_open_log_folder_opens_the_log_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "where-logs-go"
    monkeypatch.setenv("FACTDESK_LOG_DIR", str(folder))
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # Qt's own hook for openUrl
    try:
        window.actions_.log_folder.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(folder)]
    assert folder.is_dir()


async def _refused_work() -> None:
    await asyncio.sleep(0)
    raise DeskError("/x/story.factdesk: is busy in another program; try again in a moment")


@pytest.mark.qt_no_exception_capture
def test_a_refusal_nobody_caught_is_said_plainly_not_as_a_bug(
    window: MainWindow, reporter: BugReporter, qtbot: Any, tmp_path: Path
) -> None:
    tasks.start(_refused_work())
    qtbot.waitUntil(lambda: reporter.reported == 1, timeout=3000)
    box = _wait_box(window, qtbot)
    assert box.text() == "/x/story.factdesk: is busy in another program; try again in a moment"
