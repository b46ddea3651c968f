"""Restore a desk from a backup, keeping the desk as it was, without losing anyone's work.

1. The backup is copied to a prepared file first: upgraded to the newest schema, set to the
   desk's page size, its id counters raised to the desk's (so ids are never reused and an
   open window's undo cannot delete a newer claim that got an old id), its restore count
   raised (so open windows know to drop their undo history), and checked.
2. A readable desk is overwritten in place through SQLite's backup API, which other programs
   with the desk open see as one commit. The desk as it was is copied aside *inside* that
   write transaction (at its first step), so nothing committed in between is lost; a desk
   kept busy by another program past the busy timeout is refused, not waited on forever.
3. A damaged desk is first copied aside byte for byte (with its WAL), then overwritten in
   place the same way; only if SQLite cannot write into it at all is the file replaced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from factdesk.core.backups import BEFORE_RESTORE, BackupInfo, Restored
from factdesk.core.errors import DamagedDeskError, DeskError, NewerDeskError
from factdesk.db.backups import backup_folder, quick_check, summarise, take_backup
from factdesk.db.connection import BUSY_TIMEOUT_MS
from factdesk.db.deskfile import HEAD, copy_desk, migrate_to, read_revision

# One page per step: the first step takes the desk's write lock, and the desk as it was is
# copied aside right then. With more pages per step a small backup could be copied in and
# committed in that first step, before the desk as it was had been kept.
_STEP_PAGES = 1
WAIT_SECONDS = BUSY_TIMEOUT_MS / 1000  # how long a restore waits for a busy desk
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def restore(desk: Path, source: BackupInfo, *, now: datetime | None = None) -> Restored:
    """Make the desk hold the backup's contents; the desk as it was is kept."""
    now = now or datetime.now(UTC)
    desk = desk.resolve()  # a symlinked desk is restored where it really lives
    summary = summarise(source)
    problem = quick_check(source.path)
    if problem is not None:
        raise DamagedDeskError(source.path, problem)
    if source.path.resolve() == desk:
        raise DeskError(f"{source.path}: is the desk itself, not a backup of it")
    prepared = _prepare(source.path, desk)
    try:
        if not desk.exists():
            _move_stray_journal(desk, now)
            prepared.replace(desk)
            return Restored(desk, summary, None, was_damaged=False)
        if not _is_damaged(desk):
            kept = _overwrite_keeping(prepared, desk, now)
            return Restored(desk, summary, kept, was_damaged=False)
        kept = _copy_aside(desk, now)
        try:
            _overwrite(prepared, desk)
        except (sqlite3.DatabaseError, DeskError):
            _move_stray_journal(desk, now)
            prepared.replace(desk)
        return Restored(desk, summary, kept, was_damaged=True)
    finally:
        with contextlib.suppress(OSError):
            prepared.unlink()


def _prepare(source: Path, desk: Path) -> Path:
    folder = backup_folder(desk)
    folder.mkdir(exist_ok=True)
    prepared = folder / f".restore-{os.urandom(4).hex()}.partial"
    copy_desk(source, prepared, name_in_errors=folder)
    try:
        if read_revision(prepared) != HEAD:
            migrate_to(prepared, "head")
        counters, generation, page_size = _desk_state(desk)
        conn = sqlite3.connect(prepared, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # the upgrade left it in WAL mode
            if page_size and conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
                conn.execute(f"PRAGMA page_size={int(page_size)}")
                conn.execute("VACUUM")  # the backup API cannot change a WAL desk's page size
            with conn:
                conn.execute("BEGIN")
                for name, seq in counters.items():
                    conn.execute(
                        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, name)
                    )
                    if conn.execute("SELECT changes()").fetchone()[0] == 0:
                        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                                     (name, seq))  # fmt: skip
            conn.execute(f"PRAGMA user_version={int(generation) + 1}")
        finally:
            conn.close()
    except BaseException:
        with contextlib.suppress(OSError):
            prepared.unlink()
        raise
    problem = quick_check(prepared)
    if problem is not None:
        prepared.unlink()
        raise DamagedDeskError(source, problem)
    return prepared


def _desk_state(desk: Path) -> tuple[dict[str, int], int, int | None]:
    """The desk's id counters, restore count and page size, as far as they can be read."""
    if not desk.exists():
        return {}, 0, None
    try:
        conn = sqlite3.connect(f"{desk.as_uri()}?mode=ro", uri=True)
        try:
            counters = {
                str(n): int(s) for n, s in conn.execute("SELECT name, seq FROM sqlite_sequence")
            }
            generation = int(conn.execute("PRAGMA user_version").fetchone()[0])
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}, 0, None
    return counters, generation, page_size


def _is_damaged(desk: Path) -> bool:
    try:
        read_revision(desk)
    except NewerDeskError:
        raise
    except DeskError:
        return True
    return quick_check(desk) is not None


def _overwrite_keeping(prepared: Path, desk: Path, now: datetime) -> Path:
    """Copy `prepared` into the live desk; at the first step, holding the write lock, keep
    the desk as it is then. Returns the kept backup's path."""
    kept: list[Path] = []
    _overwrite(
        prepared,
        desk,
        first_step=lambda: kept.append(take_backup(desk, BEFORE_RESTORE, now=now).path),
    )
    return kept[0]


def _overwrite(prepared: Path, desk: Path, *, first_step=None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_SECONDS
    started = False

    def progress(status: int, _remaining: int, _total: int) -> None:
        nonlocal started
        if status in _BUSY:
            if time.monotonic() > deadline:
                raise DeskError(f"{desk}: is busy in another program; try again in a moment")
            return
        if not started:
            started = True
            if first_step is not None:
                if status == sqlite3.SQLITE_DONE:  # cannot happen with one page per step
                    raise DeskError(f"{desk}: the backup is too small to be a desk")
                first_step()

    src = sqlite3.connect(f"{prepared.as_uri()}?mode=ro", uri=True)
    try:
        # no busy handler: a busy step returns at once, and `progress` decides how long to wait
        dst = sqlite3.connect(desk, timeout=0)
        try:
            src.backup(dst, pages=_STEP_PAGES, progress=progress, sleep=0.05)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    except sqlite3.DatabaseError:
        raise
    except sqlite3.Error as exc:
        raise DeskError(f"{desk}: could not be restored ({exc})") from exc
    finally:
        src.close()


def _copy_aside(desk: Path, now: datetime) -> Path:
    """The damaged desk byte for byte, with its WAL, beside it; the original stays in place
    (programs that still have it open keep writing to the file everyone sees)."""
    aside = desk.with_name(f"{desk.stem}.damaged-{now.strftime('%Y%m%dT%H%M%SZ')}{desk.suffix}")
    try:
        shutil.copyfile(desk, aside)
        wal = desk.with_name(desk.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    except OSError as exc:
        raise DeskError(f"{desk}: cannot be copied aside ({exc.strerror})") from exc
    return aside


def _move_stray_journal(desk: Path, now: datetime) -> None:
    """A -wal or -shm with no desk (a restore killed half-way) would be replayed into the
    restored desk: move them aside first."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for extra in ("-wal", "-shm"):
        stray = desk.with_name(desk.name + extra)
        if stray.exists():
            stray.replace(desk.with_name(f"{desk.stem}.stray-{stamp}{desk.suffix}{extra}"))
