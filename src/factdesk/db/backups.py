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
import uuid
from datetime import UTC, datetime
from pathlib import Path

from factdesk.core.backups import (
    AUTO,
    BEFORE_RESTORE,
    KINDS,
    BackupInfo,
    BackupPolicy,
    BackupSummary,
    Restored,
)
from factdesk.core.errors import DamagedDeskError, DeskError
from factdesk.core.paths import DESK_SUFFIX
from factdesk.db.deskfile import copy_desk, read_revision
from factdesk.db.engine import BUSY_TIMEOUT_MS

_STAMP = "%Y%m%dT%H%M%S.%fZ"
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
    partial = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        copy_desk(desk, partial)
        problem = quick_check(partial)
        if problem is not None:
            raise DamagedDeskError(desk, problem)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(target, now, kind, target.stat().st_size)


def maybe_take_backup(
    desk: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> BackupInfo | None:
    """Take a rolling backup if the policy wants one now, and drop the oldest beyond `keep`.

    None when backups are off, the newest rolling one is younger than the interval, or the desk
    has not changed since the newest backup of any kind (identical copies would push older,
    different ones out)."""
    if not policy.enabled:
        return None
    now = now or datetime.now(UTC)
    existing = list_backups(desk)
    autos = [b for b in existing if b.kind == AUTO]
    if autos and now - autos[0].taken_at < policy.interval:
        return None
    if existing and _changed_at(desk) <= existing[0].taken_at.timestamp():
        return None
    made = take_backup(desk, AUTO, now=now)
    prune(desk, policy.keep)
    return made


def prune(desk: Path, keep: int) -> list[Path]:
    """Delete rolling backups beyond the newest `keep`; manual ones are never pruned."""
    autos = [b for b in list_backups(desk) if b.kind == AUTO]
    dropped = [b.path for b in autos[keep:]]
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped


def quick_check(path: Path) -> str | None:
    """None if SQLite reads the file back without fault, else its first complaint."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


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


def restore(desk: Path, source: BackupInfo, *, now: datetime | None = None) -> Restored:
    """Make the desk hold the backup's contents, keeping the desk as it was.

    A readable desk is first backed up ("before-restore"), then overwritten in place through
    the backup API, so other programs with the desk open see the change like any commit. A
    damaged desk is moved aside (with its -wal and -shm) and the backup copied in its place."""
    now = now or datetime.now(UTC)
    summary = summarise(source)
    problem = quick_check(source.path)
    if problem is not None:
        raise DamagedDeskError(source.path, problem)
    if source.path.resolve() == desk.resolve():
        raise DeskError(f"{source.path}: is the desk itself, not a backup of it")
    if not desk.exists():
        copy_desk(source.path, desk)
        return Restored(desk, summary, None, was_damaged=False)
    try:
        read_revision(desk)
        kept: Path = take_backup(desk, BEFORE_RESTORE, now=now).path
    except DamagedDeskError:
        kept = _move_aside(desk, now)
        copy_desk(source.path, desk)
        return Restored(desk, summary, kept, was_damaged=True)
    _copy_into(source.path, desk)
    return Restored(desk, summary, kept, was_damaged=False)


def _changed_at(desk: Path) -> float:
    """When the desk's data last changed on disk (its WAL holds the newest commits).

    An empty WAL holds no commits: a read-only connection (the backup's own) creates one."""
    times = [desk.stat().st_mtime]
    with contextlib.suppress(FileNotFoundError):
        wal = desk.with_name(desk.name + "-wal").stat()
        if wal.st_size:
            times.append(wal.st_mtime)
    return max(times)


def _copy_into(source: Path, desk: Path) -> None:
    """Overwrite a live desk with `source` in one step that other connections see as a commit."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(desk, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dst.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise DeskError(f"{desk}: could not be restored from {source} ({exc})") from exc
    finally:
        src.close()


def _move_aside(desk: Path, now: datetime) -> Path:
    aside = desk.with_name(f"{desk.stem}.damaged-{now.strftime('%Y%m%dT%H%M%SZ')}{desk.suffix}")
    try:
        desk.replace(aside)
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                desk.with_name(desk.name + extra).replace(aside.with_name(aside.name + extra))
    except OSError as exc:
        raise DeskError(f"{desk}: cannot be moved aside ({exc.strerror})") from exc
    return aside
