"""Checks made before an importer reads a file: it exists, is a regular file, and is not huge."""

from __future__ import annotations

import errno
import os
import stat
import time
from typing import BinaryIO

from factdesk.core.errors import SourceError

MIB = 1024 * 1024
# A long article is well under 1 MB; 64 MB leaves room for PDFs with images while keeping a
# runaway file (a video renamed .txt, a log) from filling memory.
MAX_FILE_BYTES = 64 * MIB
# A long article reads in well under a second, a 300-page report in a few. A file that keeps an
# importer busy this long is damaged or built to hang it, and the desk must not wait forever.
# Read when each file's Deadline starts, so tests can lower it.
MAX_READ_SECONDS = 30.0


def megabytes(size: int) -> str:
    """A size for a message: "200.0 MB" (binary megabytes, like the limits are stated)."""
    return f"{size / MIB:.1f} MB"


def stat_source(path: str) -> os.stat_result:
    """Stat `path` and refuse anything that is not an existing regular file."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise SourceError(path, "no such file") from None
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({_os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; only plain files are articles.
        raise SourceError(path, "is not a regular file")
    return info


class Deadline:
    """One file's time limit; an importer calls check() between units of work (pages, chunks).

    Python cannot stop a parser from outside, so the limit is only as fine as those calls: each
    importer makes them often enough that no unit runs long on a file under the size limit.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.seconds = MAX_READ_SECONDS
        self._end = time.monotonic() + self.seconds

    def check(self) -> None:
        """Raise SourceError if the time is up (and again on every later call)."""
        if time.monotonic() > self._end:
            raise SourceError(
                self.path, f"took longer than {self.seconds:g} s to read; it may be damaged"
            )


def check_size(path: str, size: int) -> None:
    """Refuse an empty file or one over the import limit, from its size alone."""
    if size == 0:
        raise SourceError(path, "has no text to import")
    if size > MAX_FILE_BYTES:
        raise SourceError(path, _too_big(size))


def read_bytes(path: str) -> bytes:
    """Read the whole file, never more than the limit even if it grew since it was stat'ed."""
    try:
        with open(path, "rb") as handle:
            data = _read_up_to_limit(handle)
    except (FileNotFoundError, NotADirectoryError):
        raise SourceError(path, "no such file") from None
    except IsADirectoryError:
        raise SourceError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({_os_reason(exc)})") from None
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(path, _too_big(len(data)) + " (it grew while being read)")
    check_size(path, len(data))
    return data


def _read_up_to_limit(handle: BinaryIO) -> bytes:
    """The file's bytes, at most MAX_FILE_BYTES + 1 of them.

    The read is sized by the file, not the limit: `read(limit + 1)` allocates the whole limit
    up front for every file, however small.
    """
    expected = os.fstat(handle.fileno()).st_size
    data = handle.read(min(expected, MAX_FILE_BYTES) + 1)
    if len(data) > expected:  # it grew since: read on, still only to just past the limit
        data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    return data


def _too_big(size: int) -> str:
    return f"is {megabytes(size)}, over the {MAX_FILE_BYTES // MIB} MB import limit"


def _os_reason(exc: OSError) -> str:
    """The operating system's reason in words: "permission denied", "input/output error"."""
    if exc.errno == errno.EACCES or isinstance(exc, PermissionError):
        return "permission denied"
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]
