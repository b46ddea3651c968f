"""Qt fixtures: one qasync loop per test, living inside pytest-qt's own event processing.

The recipe and its traps are in stack-check §4: never `loop.stop()` (it quits the
QApplication and breaks every later `waitSignal`), and always close the loop (else its executor
threads abort the process with exit 134 after the tests pass).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True, scope="session")
def gui_thread_gc() -> Iterator[None]:
    """As in the app (factdesk.ui.garbage): no cycle collection on the desk worker thread,
    where it would destroy Qt objects from the wrong thread and crash the process."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    while any(not t.done() for t in tasks):
        qapp.processEvents()
    # Free this test's widgets now, on this thread and while the loop exists: a widget left in
    # a reference cycle would otherwise fire its timers into the next test's loop.
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    qapp.aboutToQuit.disconnect(loop._after_run_forever)
    loop._QEventLoop__is_running = False  # private; qasync 0.28 has no public way
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(qloop: qasync.QEventLoop, qtbot: Any) -> Callable[..., Any]:
    """Run a coroutine on the test's loop while Qt processes events; return its result."""

    def _run(coro: Coroutine[Any, Any, Any], timeout: float = 10.0) -> Any:
        task = qloop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return _run


@pytest.fixture
def window(tmp_path: Path, qtbot: Any, run: Callable[..., Any]) -> Iterator[Any]:
    """The desk window on a new desk file, shown offscreen."""
    from factdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert run(win.open_desk(tmp_path / "desk.factdesk"))
    yield win
    win.close()


@pytest.fixture
def other(window: Any) -> Iterator[Any]:
    """The same desk, opened the way the command line opens it."""
    assert window.client is not None
    from factdesk.services import Desk

    with Desk.open(window.client.path, editor="cli") as desk:
        yield desk
