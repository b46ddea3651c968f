"""Plain sqlite3 connections to a desk: the pragmas every connection gets, and short transactions.

The SQLAlchemy engine (factdesk.db.engine) gives its connections the same pragmas. Work that has
a budget measured from process start (`factdesk import`, `factdesk export csv`) uses these
directly, because importing SQLAlchemy alone takes longer than the rest of that work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000


def set_pragmas(dbapi_conn: sqlite3.Connection) -> None:
    """The pragmas every connection to a desk gets."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # NORMAL is durable to application crashes in WAL mode; only a power cut can lose the last
    # commit, never corrupt the file.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def raw_connect(path: Path) -> sqlite3.Connection:
    """A connection made from the path itself (a "?" or "%" in it is never URL syntax)."""
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the desk's pragmas, in autocommit mode: transactions are explicit."""
    conn = raw_connect(path)
    try:
        conn.isolation_level = None
        set_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, *, write: bool) -> Iterator[sqlite3.Connection]:
    """One transaction: committed on exit, rolled back on any error.

    A write starts with BEGIN IMMEDIATE, so it waits for another writer up front (within the
    busy timeout) instead of failing half-way with "database is locked"."""
    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # the first error is the one worth reporting
                conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
