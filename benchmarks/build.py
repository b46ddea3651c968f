"""Desks the benchmarks share, built once per run: many documents, or many claims."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.harness import PYTHON, wall


def import_desk(desk: Path, files: list[Path]) -> float:
    """Import `files` through the real command; the seconds it took (process start to exit)."""
    return wall([PYTHON, "-m", "factdesk", "--desk", str(desk), "import", *map(str, files)])


def claims_desk(work: Path, claims: int, *, documents: int = 200) -> Path:
    """A desk with `claims` claims, each quoted once, spread over `documents` articles.

    The articles go through the real importer; the claims are bulk-inserted with SQL shaped
    like the schema (the Desk API would take minutes for 50,000, and is not what is measured
    here). The FTS triggers index them as any insert would."""
    desk = work / f"claims-{claims}.factdesk"
    if desk.exists():
        return desk
    files = write_corpus(work / f"claims-articles-{documents}", documents, seed=21, words=600)
    import_desk(desk, files)
    conn = sqlite3.connect(desk)
    try:
        docs = conn.execute("SELECT id, text FROM document ORDER BY id").fetchall()
        statuses = ["unchecked", "in_progress", "verified", "false", "misleading", "unverifiable"]
        stamp = "2026-11-23T09:00:00Z"
        with conn:
            conn.executemany(
                "INSERT INTO speaker (name) VALUES (?)",
                [(f"Speaker {n}",) for n in range(40)],
            )
            conn.executemany(
                "INSERT INTO claim (text, speaker_id, said_on, status, note, created_at,"
                " updated_at, version) VALUES (?, ?, '2025-02-17', ?, ?, ?, ?, 1)",
                [
                    (
                        f"Claim {n}: {docs[n % len(docs)][1][40:140]}",
                        1 + n % 40,
                        statuses[n % 6],
                        f"note {n}",
                        stamp,
                        stamp,
                    )
                    for n in range(claims)
                ],
            )
            rows = []
            for n in range(claims):
                doc_id, text = docs[n % len(docs)]
                start = (n * 37) % max(1, len(text) - 80)
                end = start + 60
                before, after = text[max(0, start - 32) : start], text[end : end + 32]
                rows.append((n + 1, doc_id, start, end, text[start:end], before, after, stamp))
            conn.executemany(
                'INSERT INTO highlight (claim_id, document_id, start, "end", quote, prefix,'
                " suffix, anchor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?)",
                rows,
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return desk
