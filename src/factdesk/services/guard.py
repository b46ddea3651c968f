"""Turn the database's environmental failures into one clear sentence about the desk.

A locked, full, read-only or damaged desk is not a bug: the person at the desk can act on it.
Everything else (a constraint we did not expect, a programming error) stays a bug.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from factdesk.core.errors import DamagedDeskError, DeskError

_DAMAGED = ("database disk image is malformed", "file is not a database")
_ENVIRONMENT = (
    ("database or disk is full", "cannot be written: the disk is full"),
    ("disk i/o error", "cannot be read or written (disk I/O error)"),
    ("readonly database", "is read-only; check the file's permissions"),
    ("database is locked", "is busy in another program; try again in a moment"),
    ("unable to open database file", "cannot be opened (check the folder and its permissions)"),
)


def explain(path: Path, exc: BaseException) -> DeskError | None:
    """A DeskError describing `exc` if it is environmental, else None."""
    message = str(getattr(exc, "orig", exc)).lower()
    if any(needle in message for needle in _DAMAGED):
        return DamagedDeskError(path, message)
    for needle, reason in _ENVIRONMENT:
        if needle in message:
            return DeskError(f"{path}: {reason}")
    return None


@contextmanager
def desk_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        known = explain(path, exc)
        if known is None:
            raise
        raise known from exc
