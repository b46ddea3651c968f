"""Full-text search over the large desk, and filtering the claims table over 50,000 claims."""

from __future__ import annotations

import random
import time
from pathlib import Path

from benchmarks.corpus import WORDS
from benchmarks.harness import Result, median, seconds


def search(desk_path: Path, documents: int) -> list[Result]:
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
        )
    ]


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
