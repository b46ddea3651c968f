"""Fact sheets: 500 claims to PDF and 50,000 claims to CSV, as the command runs them."""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness import PYTHON, Result, median, wall

ALL = ["unchecked", "in_progress", "verified", "false", "misleading", "unverifiable"]


def _export(desk: Path, fmt: str, out: Path) -> float:
    return wall([PYTHON, "-m", "factdesk", "--desk", str(desk), "export", fmt, "-o", str(out),
                 "--status", *ALL])  # fmt: skip


def run(work: Path, small: Path, large: Path, *, small_n: int, large_n: int) -> list[Result]:
    pdf = median([_export(small, "pdf", work / f"sheet{i}.pdf") for i in range(3)])
    csv = median([_export(large, "csv", work / f"sheet{i}.csv") for i in range(3)])
    return [
        Result(
            f"export {small_n:,} claims to PDF",
            pdf,
            "s",
            "≤ 3 s",
            pdf <= 3,
            "process start to exit",
        ),
        Result(
            f"export {large_n:,} claims to CSV",
            csv,
            "s",
            "≤ 1 s",
            csv <= 1,
            "process start to exit",
        ),
    ]
