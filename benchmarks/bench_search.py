"""Full-text search over the large desk, and filtering the claims table over 50,000 claims."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from benchmarks.corpus import WORDS
from benchmarks.harness import Result, median, seconds

BROAD = WORDS[0]  # the story's main word: in nearly every article of the corpus


def search(desk_path: Path, documents: int) -> list[Result]:
    """The median of a mix of queries (the budget), and one broad query on its own: a word in
    most of the desk makes FTS5 rank every article it is in."""
    from factdesk.services import Desk

    rng = random.Random(5)
    queries = [rng.choice(WORDS) for _ in range(20)]
    queries += [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(20)]
    queries += ['"security talks"', "defen*", "ceasefire NOT troops"]
    with Desk.open(desk_path, create=False) as desk:
        desk.search("warm up")
        times = []
        for query in queries:
            start = time.perf_counter()
            desk.search(query)
            times.append((time.perf_counter() - start) * 1000)
        broad = []
        for _ in range(9):
            start = time.perf_counter()
            desk.search(BROAD)
            broad.append((time.perf_counter() - start) * 1000)
    times.sort()
    med = median(times)
    return [
        Result(
            f"search {documents:,} documents (median)",
            med,
            "ms",
            "≤ 30 ms",
            med <= 30,
            f"{len(queries)} queries; p90 {times[int(len(times) * 0.9)]:.1f} ms, "
            f"max {times[-1]:.1f} ms",
        ),
        Result(
            f"search {documents:,} documents: one broad word",
            median(broad),
            "ms",
            detail=f"“{BROAD}”, in {_matches(desk_path, BROAD):,} of the documents; median of 9",
        ),
    ]


def _matches(desk_path: Path, word: str) -> int:
    conn = sqlite3.connect(f"{desk_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT count(*) FROM document_fts WHERE document_fts MATCH ?", (f'"{word}"',)
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def claims_filter(desk_path: Path, claims: int) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from factdesk.services import Desk
    from factdesk.ui.claims_panel import ClaimsPanel

    app = QApplication.instance() or QApplication([])
    with Desk.open(desk_path, create=False) as desk:
        read = seconds(desk.claims)
        rows = desk.claims()
    panel = ClaimsPanel()
    panel.resize(600, 500)
    panel.show()
    load = seconds(lambda: (panel.set_claims(rows), app.processEvents()))
    typed = []
    for text in ("c", "cl", "claim 4", "claim 49", "security", ""):
        # what one pause in typing costs (the panel filters 150 ms after the last keystroke)
        typed.append(seconds(lambda t=text: (panel.proxy.set_text(t), app.processEvents())))
    status = seconds(
        lambda: (panel._status_actions["verified"].setChecked(False), app.processEvents())
    )
    panel.close()
    worst = max(typed) * 1000
    return [
        Result(f"claims table: read {claims:,} claims", read * 1000, "ms"),
        Result(f"claims table: show {claims:,} claims", load * 1000, "ms"),
        Result(
            f"claims table: filter {claims:,} claims by text (worst keystroke)",
            worst,
            "ms",
            detail=f"median {median(typed) * 1000:.0f} ms; status filter {status * 1000:.0f} ms",
        ),
    ]
