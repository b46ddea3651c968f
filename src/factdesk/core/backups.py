"""What a rolling backup is and how often one is taken: plain data, shared by every front end."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from factdesk.core.errors import InvalidInputError
from factdesk.core.text import count_of

# Kinds of backup, in the file name. Only "auto" backups roll over; the others are kept until
# the person deletes them, because somebody asked for them (or a restore was about to happen).
AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
KINDS = (AUTO, MANUAL, BEFORE_RESTORE)

DEFAULT_INTERVAL = timedelta(hours=1)
DEFAULT_KEEP = 10
INTERVAL_ENV = "FACTDESK_BACKUP_MINUTES"
KEEP_ENV = "FACTDESK_BACKUP_KEEP"


@dataclass(frozen=True)
class BackupPolicy:
    """Take a backup when a desk is opened, at most one per `interval`; keep the last `keep`.

    keep == 0 turns rolling backups off; interval == 0 takes one on every open (if the desk
    changed since the newest backup)."""

    interval: timedelta = DEFAULT_INTERVAL
    keep: int = DEFAULT_KEEP

    @property
    def enabled(self) -> bool:
        return self.keep > 0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BackupPolicy:
        """The policy set by FACTDESK_BACKUP_MINUTES and FACTDESK_BACKUP_KEEP (else defaults)."""
        env = os.environ if env is None else env
        minutes = _whole_number(env, INTERVAL_ENV, int(DEFAULT_INTERVAL.total_seconds() // 60))
        keep = _whole_number(env, KEEP_ENV, DEFAULT_KEEP)
        return cls(interval=timedelta(minutes=minutes), keep=keep)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a desk."""

    path: Path
    taken_at: datetime  # UTC
    kind: str
    size: int


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, to help choose one."""

    info: BackupInfo
    documents: int | None  # None: the file cannot be read back
    claims: int | None

    @property
    def readable(self) -> bool:
        return self.documents is not None

    @property
    def contents(self) -> str:
        """ "6 documents, 1 claim", or that it cannot be read back."""
        if self.documents is None or self.claims is None:
            return "cannot be read back"
        return f"{count_of(self.documents, 'document')}, {count_of(self.claims, 'claim')}"


@dataclass(frozen=True)
class Restored:
    """What a restore did: the desk now holds `source`; the desk as it was is kept in `kept`."""

    desk: Path
    source: BackupSummary
    kept: Path | None
    was_damaged: bool


def _whole_number(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    number = whole_number(raw)
    if number is None:
        raise InvalidInputError(f"{name}={raw!r}: expected a whole number from 0 to {MAX_SETTING}")
    return number


MAX_SETTING = 10**6


def whole_number(raw: str) -> int | None:
    """ASCII digits up to MAX_SETTING ("²", "٣" and 10**20 are not settings), else None."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_SETTING:
        return None
    return int(raw)
