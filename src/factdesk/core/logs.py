"""The log file: bugs with their tracebacks go here, while the person sees one clear sentence.

A rotating file (1 MB, five old ones kept) in the user's log folder, so a report can attach
it and it never grows without bound. Setting it up never stops factdesk: a folder that cannot
be written means no log file, not a failed start.
"""

from __future__ import annotations

import logging
import logging.handlers
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
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):  # can it be written? (not: a folder, root's)
            pass
        handler = _QuietHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError as exc:
        print(f"factdesk: no log file ({path.parent}: {exc.strerror})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return path


class _QuietHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (a full disk, a rollover refused) must not print
    tracebacks over the one sentence the person sees: the record is dropped."""

    def handleError(self, record: logging.LogRecord) -> None:
        del record


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
