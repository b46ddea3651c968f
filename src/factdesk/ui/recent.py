"""The desks opened lately, most recent first, remembered in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "desks/recent"
LIMIT = 8


def desks(settings: QSettings) -> list[Path]:
    """Recent desks that still exist."""
    value = settings.value(KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in items if p and Path(p).is_file()]


def last(settings: QSettings) -> Path | None:
    found = desks(settings)
    return found[0] if found else None


def remember(settings: QSettings, path: Path) -> None:
    path = path.resolve()
    items = [str(path), *(str(p) for p in desks(settings) if p.resolve() != path)]
    settings.setValue(KEY, items[:LIMIT])
