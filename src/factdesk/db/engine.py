"""The SQLAlchemy engine for a desk file: WAL, foreign keys, a busy timeout, explicit BEGINs.

pysqlite opens transactions lazily on the first write, so a read-then-write transaction can
meet SQLITE_BUSY without the busy handler ever helping (a deadlock SQLite resolves by failing).
We take control of BEGIN ourselves (SQLAlchemy's documented pysqlite recipe) and start write
transactions with BEGIN IMMEDIATE, so a writer waits for the lock up front, within the timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from factdesk.db.connection import raw_connect, set_pragmas


def make_engine(path: Path) -> Engine:
    # The connection is made by sqlite3 from the path itself: in a "sqlite:///" URL a "?" or
    # "%" in a folder or file name would be read as URL syntax and open another file.
    def connect() -> sqlite3.Connection:
        return raw_connect(path)

    # "sqlite://" alone means an in-memory database to SQLAlchemy, which would pick a pool of
    # one connection per thread; a file wants the ordinary pool.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, below
        set_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        options = conn.get_execution_options()  # type: ignore[attr-defined]
        conn.exec_driver_sql(  # type: ignore[attr-defined]
            "BEGIN IMMEDIATE" if options.get("factdesk_write") else "BEGIN"
        )

    return engine


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A short read transaction; objects stay usable after it ends."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One user action = one write transaction, committed on exit, rolled back on error."""
    bound = engine.execution_options(factdesk_write=True)
    with Session(bound, expire_on_commit=False) as session, session.begin():
        yield session
