"""Backups for the front ends: take one now, list them, find the latest good one, restore.

These work on the desk file without opening it as a Desk, because a damaged desk (the reason
to restore) cannot be opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from factdesk.core.backups import MANUAL, BackupSummary, Restored
from factdesk.core.errors import DeskError
from factdesk.db import backups as store
from factdesk.db.deskfile import read_revision
from factdesk.db.restore import restore as restore_desk
from factdesk.services.guard import desk_errors

LATEST = "latest"


def backup_now(desk: str | os.PathLike[str]) -> BackupSummary:
    """A checked backup of the desk, taken now, kept until deleted by hand."""
    path = _existing(desk)
    read_revision(path)  # a folder, a text file or a newer desk is refused, not copied
    with desk_errors(path):
        return store.summarise(store.take_backup(path, MANUAL))


def list_backups(desk: str | os.PathLike[str]) -> list[BackupSummary]:
    """Every backup of the desk, newest first; unreadable ones have no counts."""
    summaries = []
    for info in store.list_backups(Path(desk).expanduser()):
        try:
            summaries.append(store.summarise(info))
        except DeskError:
            summaries.append(BackupSummary(info, None, None))
    return summaries


def latest_good(desk: str | os.PathLike[str]) -> BackupSummary | None:
    return store.latest_good(Path(desk).expanduser())


def restore(desk: str | os.PathLike[str], backup: str | os.PathLike[str]) -> Restored:
    """Restore the desk from `backup`: a path, or "latest" for the newest good backup."""
    path = Path(desk).expanduser()
    if os.fspath(backup) == LATEST:
        good = store.latest_good(path)
        if good is None:
            raise DeskError(f"{path}: has no backup that can be read back")
        source = good.info
    else:
        source = store.backup_info(Path(backup).expanduser())
    with desk_errors(path):
        return restore_desk(path, source)


def _existing(desk: str | os.PathLike[str]) -> Path:
    path = Path(desk).expanduser()
    if not path.exists():
        raise DeskError(f"{path}: no such desk")
    return path
