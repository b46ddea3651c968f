"""When factdesk itself fails: log the traceback, tell the person in one sentence, keep running.

Installed by the application for Python's and threads' exception hooks and for the asyncio
loop (qasync's slots already hand their failures to sys.excepthook). A failure is a bug in
factdesk, never the person's fault, so the sentence says so and where the details are.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from factdesk.core.errors import KnownError
from factdesk.core.logs import log, record_bug

Show = Callable[[str], None]


class BugReporter(QObject):
    """Logs each bug with its traceback and shows one sentence through `show`.

    A bug can happen on any thread; the sentence travels by a queued signal, so `show` always
    runs on the GUI thread (widgets touched from another thread would be a second bug)."""

    sentence = Signal(str)

    def __init__(self, show: Show, log_path: Path | None) -> None:
        super().__init__()
        self.sentence.connect(show, Qt.ConnectionType.QueuedConnection)
        self.log_path = log_path
        self.reported = 0
        self._previous: dict[str, Any] = {}

    def install(self, loop: Any | None = None) -> None:
        self._previous = {"sys": sys.excepthook, "threading": threading.excepthook}
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception)

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook = self._previous["sys"]
            threading.excepthook = self._previous["threading"]
            self._previous = {}

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous.get("sys", sys.__excepthook__)(exc_type, exc, tb)
            return
        if isinstance(exc, KnownError):  # a refusal some view forgot to catch: say it plainly
            log.warning("uncaught refusal: %s", exc, exc_info=(exc_type, exc, tb))
            self.reported += 1
            self.sentence.emit(str(exc))
            return
        self._report(record_bug(exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        where = f"thread {args.thread.name}" if args.thread is not None else "a thread"
        self._report(record_bug(args.exc_type, args.exc_value, args.exc_traceback, where=where))

    def loop_exception(self, loop: Any, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self._report(record_bug(type(exc), exc, exc.__traceback__, where="the event loop"))
        else:
            log.error("event loop: %s", context.get("message", context))

    def _report(self, sentence: str) -> None:
        self.reported += 1
        where = f" The details are in {self.log_path}." if self.log_path else ""
        self.sentence.emit(f"{sentence} factdesk is still running.{where}")
