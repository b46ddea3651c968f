"""Notice when anyone writes to a desk: SQLite's data_version on one long-lived connection.

`PRAGMA data_version` changes when another connection commits to the file, and only then; it
is per connection, so the watcher keeps its own, read-only, for the life of the open desk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class DataVersion:
    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )

    def read(self) -> int:
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def restores(self) -> int:
        """How many times the desk was restored from a backup (db.restore raises it)."""
        row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def close(self) -> None:
        self._conn.close()
