"""Open a desk file safely: create it, upgrade it after a backup, or refuse it untouched.

Every check that can refuse a file runs on a read-only connection first, so a file that is not
a desk, is damaged, or comes from a newer factdesk is never written to (not even a -wal file).
All of it is plain sqlite3: SQLAlchemy and Alembic load only for an upgrade (or an engine).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factdesk.core.errors import DamagedDeskError, DeskError, NewerDeskError
from factdesk.db.connection import connect, transaction

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"

# Every revision this factdesk knows, oldest first. tests/db/test_migrations.py checks that
# this matches the Alembic scripts, so adding a revision without listing it fails the tests.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]


def open_desk(path: Path, *, create: bool = True) -> Engine:
    """Return an engine on the desk at `path`, creating or upgrading it as needed."""
    from factdesk.db.engine import make_engine  # noqa: PLC0415  (SQLAlchemy: ~0.5 s to load)

    path = Path(path)
    prepare_desk(path, create=create)
    return make_engine(path)


def prepare_desk(path: Path, *, create: bool = True) -> None:
    """Make sure `path` holds a desk at the newest schema: create it, or upgrade it after a
    backup; refuse (DeskError) a file that is not a desk or is damaged or newer, untouched."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise DeskError(f"{path}: no such desk")
        _create(path)
    revision = read_revision(path)
    if revision != HEAD:
        _upgrade(path, revision)


def _upgrade(path: Path, revision: str) -> None:
    from sqlalchemy.exc import DBAPIError  # noqa: PLC0415  (an upgrade loads SQLAlchemy anyway)

    backup_path = backup_before_upgrade(path, revision)
    try:
        migrate_to(path, "head")
    except (DBAPIError, sqlite3.Error) as exc:
        raise DeskError(
            f"{path}: the upgrade from schema {revision} failed ({_one_line(exc)}); "
            f"the desk as it was is saved in {backup_path.name}"
        ) from exc


def read_revision(path: Path) -> str:
    """The schema revision of the desk at `path`, after checking it is a desk we can open."""
    if path.is_dir():
        raise DeskError(f"{path}: is a folder, not a desk file")
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DeskError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not magic.strip(b"\x00"):
        # empty, or zeros where the header was: what a power cut or a failed sync leaves
        raise DamagedDeskError(path, "the file is empty" if not magic else "its header is blank")
    if magic != SQLITE_MAGIC:
        raise DeskError(f"{path}: is not a factdesk desk (it is not an SQLite database)")
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DeskError(f"{path}: cannot be opened ({exc})") from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables or "document" not in tables:
            raise DeskError(f"{path}: is an SQLite database but not a factdesk desk")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DamagedDeskError(path, str(exc)) from exc
    finally:
        conn.close()
    if row is None:
        raise DamagedDeskError(path, "it records no schema version")
    revision = str(row[0])
    if revision not in REVISIONS:
        raise NewerDeskError(
            f"{path}: was made by a newer version of factdesk (schema {revision}); "
            "update factdesk to open it"
        )
    return revision


def _read_only_uri(path: Path) -> str:
    """A URI that reads `path` without writing anything beside it.

    Even a read-only connection to a WAL-mode file creates -wal and -shm files; `immutable=1`
    does not. It would ignore a WAL file's contents, so it is used only when there is none
    (a -wal file means the desk is open elsewhere, or was not closed, and its files exist).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    return uri if wal.exists() else uri + "&immutable=1"


def backup_before_upgrade(path: Path, revision: str) -> Path:
    """Copy the desk beside itself, consistently even mid-WAL, before its schema changes."""
    # microseconds and the pid keep two processes upgrading at once from sharing a name
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ") + f"-{os.getpid()}"
    target = path.with_name(f"{path.stem}.schema-{revision}.{stamp}.bak{path.suffix}")
    copy_desk(path, target)
    return target


def copy_desk(source: Path, target: Path, *, name_in_errors: Path | None = None) -> None:
    """Copy a desk with SQLite's online backup API (safe while another process writes).

    `name_in_errors` is what a refusal calls the target (not a hidden temporary name)."""
    partial = target.with_name(f"{target.name}.{os.urandom(4).hex()}.partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # The copy inherits WAL mode; as a rollback-journal file it is one self-contained
            # file that read-only checks can open without leaving -wal/-shm files beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        where = name_in_errors or target
        raise DeskError(f"{source}: could not be copied to {where} ({exc})") from exc
    finally:
        src.close()
    partial.replace(target)


def _create(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeskError(f"{path}: cannot create the desk's folder ({exc.strerror})") from exc
    # Build under a name of our own so a crash never leaves a half-made desk under the real
    # name, then publish it with link(), which refuses to overwrite: when several processes
    # create the same desk at once, one wins and the others open the winner's desk.
    partial = path.with_name(f"{path.name}.creating-{os.getpid()}-{os.urandom(4).hex()}")
    try:
        _build(partial)
        with contextlib.suppress(FileExistsError):  # another process won: use its desk
            os.link(partial, path)
    except (sqlite3.Error, OSError) as exc:
        raise DeskError(f"{path}: cannot create the desk ({_one_line(exc)})") from exc
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def _build(path: Path) -> None:
    """A new desk at the newest schema: from its SQL when that is current, else by Alembic."""
    from factdesk.db import schema  # noqa: PLC0415  (only to make a desk)

    if schema.REVISION != HEAD:
        migrate_to(path, "head")
        return
    with contextlib.closing(connect(path)) as conn, transaction(conn, write=True):
        schema.create_schema(conn)


def _one_line(exc: BaseException) -> str:
    """SQLAlchemy's messages span lines ([SQL: …], a help link); the driver's reason is enough."""
    reason = getattr(exc, "orig", None) or getattr(exc, "strerror", None) or exc
    return " ".join(str(reason).split())


def migrate_to(path: Path, target: str) -> None:
    """Run Alembic up to `target` on the file at `path` (imported lazily: it is slow to load)."""
    from alembic import command  # noqa: PLC0415
    from alembic.config import Config  # noqa: PLC0415

    from factdesk.db.engine import make_engine  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", "factdesk.db:migrations")
    engine = make_engine(path)
    try:
        # Batch migrations rebuild tables; foreign keys must be off while they do (notes §5).
        # The pragma is a no-op inside a transaction, so it goes to the raw connection first.
        # BEGIN IMMEDIATE: a second process upgrading the same desk waits for the first, then
        # finds it already at head, instead of failing with "database is locked".
        with engine.connect() as plain:
            plain.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            conn = plain.execution_options(factdesk_write=True)
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
    finally:
        engine.dispose()
