"""Rolling backups of a desk, made with SQLite's online backup API, and restoring one.

Backups live in a folder beside the desk (`story.factdesk.backups/`), one file per backup named
by its UTC time and kind, so they travel with the desk and need no index. Every backup is
checked (`PRAGMA quick_check`) before it is published under its final name: a backup that
cannot be read back is worse than none, and a failing check is how a damaged desk is noticed
early, while older good backups still exist.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from factdesk.core.backups import AUTO, KINDS, BackupInfo, BackupPolicy, BackupSummary
from factdesk.core.errors import DamagedDeskError, DeskError
from factdesk.core.paths import DESK_SUFFIX
from factdesk.db.deskfile import copy_desk, read_revision

_STAMP = "%Y%m%dT%H%M%S.%fZ"
CLOCK_SLACK = timedelta(minutes=5)
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}\.\d{6}Z)\.(?P<kind>"
    + "|".join(KINDS)
    + r")"
    + re.escape(DESK_SUFFIX)
    + "$"
)


def backup_folder(desk: Path) -> Path:
    return desk.with_name(desk.name + ".backups")


def list_backups(desk: Path) -> list[BackupInfo]:
    """The desk's backups, newest first (files that are not backups are ignored)."""
    folder = backup_folder(desk)
    found: list[BackupInfo] = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            match = _NAME.match(entry.name)
            if match is None or not entry.is_file():
                continue
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(BackupInfo(Path(entry.path), taken, match["kind"], entry.stat().st_size))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def take_backup(desk: Path, kind: str, *, now: datetime | None = None) -> BackupInfo:
    """Copy the desk into its backup folder, check the copy, and publish it."""
    now = now or datetime.now(UTC)
    folder = backup_folder(desk)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise DeskError(f"{folder}: cannot make the backup folder ({exc.strerror})") from exc
    target = folder / f"{desk.stem}.{now.strftime(_STAMP)}.{kind}{DESK_SUFFIX}"
    partial = folder / f".{target.name}.{os.urandom(4).hex()}.partial"
    try:
        stamp = _change_stamp(desk)  # before copying: a change made meanwhile counts as new
        copy_desk(desk, partial, name_in_errors=folder)
        problem = quick_check(partial)
        if problem is not None:
            raise DamagedDeskError(desk, problem)
        os.utime(partial, ns=(stamp, stamp))  # the backup's time says which desk it copied
        partial.replace(target)
    except OSError as exc:
        raise DeskError(f"{folder}: the backup could not be written ({exc.strerror})") from exc
    finally:
        _remove_quietly(partial)
    return BackupInfo(target, now, kind, target.stat().st_size)


def maybe_take_backup(
    desk: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> BackupInfo | None:
    """Take a rolling backup if the policy wants one now, and drop the oldest beyond `keep`.

    None when backups are off, the newest rolling one is younger than the interval, the desk
    has not changed since the newest backup of any kind (identical copies would push older,
    different ones out), or another process is taking one right now. Deciding and taking
    happen under a lock on the folder, so processes opening a desk together take one backup,
    not one each."""
    if not policy.enabled:
        return None
    now = now or datetime.now(UTC)
    if not _worth_a_look(desk, policy, now):
        return None
    with _folder_lock(backup_folder(desk)) as locked:
        if not locked or not _worth_a_look(desk, policy, now):
            return None
        made = take_backup(desk, AUTO, now=now)
        prune(desk, policy.keep)
        return made


def _worth_a_look(desk: Path, policy: BackupPolicy, now: datetime) -> bool:
    # a backup stamped in the future (a clock that ran ahead) must not stop all backups
    existing = [b for b in list_backups(desk) if b.taken_at <= now + CLOCK_SLACK]
    autos = [b for b in existing if b.kind == AUTO]
    if autos and now - autos[0].taken_at < policy.interval:
        return False
    if not existing:
        return True
    # Unchanged means: the desk's file times are those recorded on the newest backup, and
    # were well before it was taken. File times can be coarse (a second; two on FAT), so an
    # edit in the same second as the backup would look unchanged: a desk changed close to its
    # backup's time always gets another one. A duplicate backup is cheap, a missed one is not.
    newest = existing[0]
    try:
        recorded = newest.path.stat().st_mtime_ns
    except OSError:
        return True
    settled = recorded < (newest.taken_at.timestamp() - 2) * 1e9
    return not (settled and _change_stamp(desk) == recorded)


def prune(desk: Path, keep: int) -> list[Path]:
    """Delete rolling backups beyond the newest `keep`; manual ones are never pruned."""
    autos = [b for b in list_backups(desk) if b.kind == AUTO]
    dropped = [b.path for b in autos[keep:]]
    for path in dropped:
        _remove_quietly(path)
    _sweep_partials(backup_folder(desk))
    return dropped


def _remove_quietly(path: Path) -> None:
    """Remove a file we made; one that cannot be removed (read-only disk) is left, not a bug."""
    for name in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            name.unlink()


def _sweep_partials(folder: Path, *, older_than: float = 3600) -> None:
    """Remove the half-made copies a killed backup left (old ones only: a young one may be
    another process's backup in progress)."""
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and ".partial" in entry.name:
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """An advisory lock on the backup folder, released even on kill -9; yields False at once
    if another process holds it (or the folder cannot be made)."""
    try:
        folder.mkdir(exist_ok=True)
        handle = open(folder / ".lock", "a+b")  # noqa: SIM115  (closed below)
    except OSError:
        yield True  # no folder: take_backup will say why
        return
    try:
        locked = _try_lock(handle)
        yield locked
    finally:
        handle.close()  # closing releases the lock


def _try_lock(handle: BinaryIO) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def quick_check(path: Path) -> str | None:
    """None if SQLite reads the file back without fault, else its first complaint."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return " ".join(str(exc).split())
    return None if rows == ["ok"] else " ".join("; ".join(rows[:3]).split())


def summarise(info: BackupInfo) -> BackupSummary:
    """How many documents and claims a backup holds (it must be a desk we can open)."""
    read_revision(info.path)
    try:
        conn = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            documents = conn.execute("SELECT count(*) FROM document").fetchone()[0]
            claims = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDeskError(info.path, str(exc)) from exc
    return BackupSummary(info, int(documents), int(claims))


def latest_good(desk: Path) -> BackupSummary | None:
    """The newest backup that opens and passes SQLite's check, if any."""
    for info in list_backups(desk):
        try:
            summary = summarise(info)
        except DeskError:
            continue
        if quick_check(info.path) is None:
            return summary
    return None


def backup_info(path: Path) -> BackupInfo:
    """A BackupInfo for any file (a backup chosen by path, perhaps from elsewhere)."""
    if not path.is_file():
        raise DeskError(f"{path}: no such backup")
    match = _NAME.match(path.name)
    if match is not None:
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        kind = match["kind"]
    else:
        taken = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        kind = "copy"
    return BackupInfo(path, taken, kind, path.stat().st_size)


def _change_stamp(desk: Path) -> int:
    """When the desk's data last changed on disk, in ns (its WAL holds the newest commits).

    An empty WAL holds no commits: a read-only connection (the backup's own) creates one."""
    times = [desk.stat().st_mtime_ns]
    with contextlib.suppress(FileNotFoundError):
        wal = desk.with_name(desk.name + "-wal").stat()
        if wal.st_size:
            times.append(wal.st_mtime_ns)
    return max(times)
