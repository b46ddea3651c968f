"""Import: 1,000 articles through the CLI against the floor script, and how time grows."""

from __future__ import annotations

from pathlib import Path

from benchmarks.build import import_desk
from benchmarks.corpus import write_corpus
from benchmarks.harness import PYTHON, Result, median, wall

FLOOR = Path(__file__).with_name("floor_import.py")


def run(work: Path, *, quick: bool) -> tuple[list[Result], Path]:
    """The results, and the large desk the import built (search and memory use it)."""
    count = 200 if quick else 1000
    files = write_corpus(work / f"articles-{count}", count, seed=1, words=1200)
    floors, ours = [], []
    for attempt in range(1 if quick else 3):
        floors.append(
            wall([PYTHON, str(FLOOR), str(work / f"floor-{attempt}.db"), *map(str, files)])
        )
        ours.append(import_desk(work / f"import-{attempt}.factdesk", files))
    floor, took = median(floors), median(ours)
    rate = count / took
    results = [
        Result(
            f"import {count:,} articles: factdesk / floor",
            took / floor,
            "×",
            "≤ 3×",
            took / floor <= 3,
            f"{took:.2f} s vs floor {floor:.2f} s (median of {len(ours)}, process start to exit)",
        ),
        Result(f"import {count:,} articles: rate", rate, "docs/s", "≥ 300/s", rate >= 300),
    ]
    big_count = 1000 if quick else 10_000
    big_files = write_corpus(work / f"articles-{big_count}", big_count, seed=2, words=1200)
    big_desk = work / f"desk-{big_count}.factdesk"
    big = import_desk(big_desk, big_files)
    growth = (big / big_count) / (took / count)
    results.append(
        Result(
            f"import {big_count:,} articles",
            big,
            "s",
            detail=f"{big_count / big:.0f} docs/s; time per document ×{growth:.2f} vs {count:,}",
        )
    )
    return results, big_desk
