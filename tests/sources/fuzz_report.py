"""Figures from the fuzz and limit tests, printed by conftest.py at the end of a test run.

Hypothesis does not report how many examples it ran, and a long run is only worth its time if
it is known to have run thousands; so each case is recorded here, and the summary gives per
importer the cases, documents read, files refused and the slowest case. The memory tests add
what they measured (see `note`), so docs/fuzzing.md can quote a run's output.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ImporterCount:
    """What one importer did with the fuzz cases given to it."""

    cases: int = 0
    documents: int = 0
    refused: int = 0
    slowest: float = 0.0
    seconds: float = 0.0
    rss_rise: int = 0  # the most one case raised the process's peak resident size, in bytes


COUNTS: dict[str, ImporterCount] = {}
NOTES: list[str] = []


def record(importer: str, *, refused: bool, seconds: float, rss_rise: int) -> None:
    """Count one case: read or refused, how long read_source took, how far it raised peak RSS."""
    count = COUNTS.setdefault(importer, ImporterCount())
    count.cases += 1
    count.refused += refused
    count.documents += not refused
    count.slowest = max(count.slowest, seconds)
    count.seconds += seconds
    count.rss_rise = max(count.rss_rise, rss_rise)


def note(line: str) -> None:
    """Keep a measured figure ("peak memory refusing …") for the end-of-run summary."""
    NOTES.append(line)


def summary() -> list[str]:
    """One line per importer and a total (if any fuzz case ran), then the notes."""
    if not COUNTS:
        return list(NOTES)
    lines = [
        f"{name:5} {c.cases:6,} cases: {c.documents:6,} read, {c.refused:6,} refused; "
        f"{c.seconds:5.1f} s in all, slowest {c.slowest:.3f} s; "
        f"raised peak RSS {c.rss_rise / 2**20:.1f} MB at most"
        for name, c in sorted(COUNTS.items())
    ]
    total = sum(c.cases for c in COUNTS.values())
    slowest = max(c.slowest for c in COUNTS.values())
    lines.append(f"total {total:6,} cases, the slowest {slowest:.3f} s")
    return lines + NOTES
