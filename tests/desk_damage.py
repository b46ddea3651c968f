"""Damage a desk file the way a failing disk or a half-copied file does (shared by the backup
and restore tests of every layer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PAGE = 4096


def wreck(path: Path, *, every: int = 2) -> bytes:
    """Fold the WAL into the file, then overwrite every `every`-th page past the schema page
    with junk, in place (the same file, as a disk fails). Returns the damaged bytes."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    assert pages > 6, "the desk is too small to damage below its schema page"
    for page in range(every, pages, every):
        data[page * PAGE : (page + 1) * PAGE] = b"\x37" * PAGE
    with path.open("r+b") as handle:
        handle.write(bytes(data))
    return bytes(data)
