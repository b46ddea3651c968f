"""The import floor: the least any importer must do, as a separate process like the CLI.

Read each file, hash it, decode it, and store it with sqlite3 executemany into a table and an
FTS5 index, in one transaction. `python floor_import.py DB FILE...`
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys


def main(db: str, paths: list[str]) -> None:
    rows = []
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        rows.append((path, data.decode("utf-8"), hashlib.sha256(data).hexdigest()))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, path TEXT, text TEXT, sha TEXT UNIQUE)")
    conn.execute("CREATE VIRTUAL TABLE doc_fts USING fts5(text, content='doc', content_rowid='id')")
    with conn:
        conn.executemany("INSERT INTO doc (path, text, sha) VALUES (?, ?, ?)", rows)
        conn.execute("INSERT INTO doc_fts (rowid, text) SELECT id, text FROM doc")
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
