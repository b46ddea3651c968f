"""Where factdesk keeps its files on each platform (no Qt: the CLI needs this too)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "factdesk"
DESK_SUFFIX = ".factdesk"


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP


def default_desk_path() -> Path:
    """The desk used when none is named: $FACTDESK_DESK, else one in the user's data folder."""
    named = os.environ.get("FACTDESK_DESK")
    if named:
        return Path(named).expanduser()
    return user_data_dir() / f"desk{DESK_SUFFIX}"


def user_log_dir() -> Path:
    """Where factdesk writes its log: $FACTDESK_LOG_DIR, else the platform's place for logs."""
    named = os.environ.get("FACTDESK_LOG_DIR")
    if named:
        return Path(named).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / APP / "log"
