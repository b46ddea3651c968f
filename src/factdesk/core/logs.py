"""The log file: bugs with their tracebacks go here, while the person sees one clear sentence.

A rotating file (1 MB, five old ones kept) in the user's log folder, so a report can attach
it and it never grows without bound. Setting it up never stops factdesk: a folder that cannot
be written means no log file, not a failed start. The rotating handler is made at the first
record: most commands log nothing, and logging.handlers (with socket, pickle and queue) takes
a tenth of a short command's time to import.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from factdesk.core.paths import user_log_dir

LOG_NAME = "factdesk.log"
MAX_BYTES = 1024 * 1024
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"

log = logging.getLogger("factdesk")


def log_file() -> Path:
    return user_log_dir() / LOG_NAME


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send factdesk's log records (INFO and up) to the rotating file; its path, or None."""
    path = (folder or user_log_dir()) / LOG_NAME
    for handler in log.handlers:
        if isinstance(handler, _LogFile):
            if handler.path == path.resolve():
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):  # can it be written? (not: a folder, root's)
            pass
    except OSError as exc:
        print(f"factdesk: no log file ({path.parent}: {exc.strerror})", file=sys.stderr)
        return None
    handler = _LogFile(path.resolve())
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return path


class _LogFile(logging.Handler):
    """The rotating log file at `path`, whose handler is made when the first record comes."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            try:
                self._file = _rotating_file(self.path)
            except OSError:  # the folder went since setup: the record is dropped, as below
                return
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _rotating_file(path: Path) -> logging.Handler:
    import logging.handlers  # noqa: PLC0415  (see the module's docstring)

    class QuietRotatingFile(logging.handlers.RotatingFileHandler):
        """A log that cannot be written (a full disk, a rollover refused) must not print
        tracebacks over the one sentence the person sees: the record is dropped."""

        def handleError(self, record: logging.LogRecord) -> None:
            del record

    return QuietRotatingFile(
        path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
    )


def record_bug(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    where: str = "",
) -> str:
    """Log a bug with its traceback and return the one sentence to show for it."""
    place = f" in {where}" if where else ""
    log.error("bug%s", place, exc_info=(exc_type, exc, tb))
    return bug_sentence(exc)


def bug_sentence(exc: BaseException) -> str:
    """'Something went wrong inside factdesk (ValueError: bad thing).' — one line."""
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    detail = " ".join(detail.split())
    if len(detail) > 160:
        detail = detail[:159] + "…"
    return f"Something went wrong inside factdesk ({detail})."
