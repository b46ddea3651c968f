"""Run the benchmark suite: `scripts/bench [--quick] [--only NAME ...] [--out FILE]`.

Measures every budget of DESIGN §5 on generated corpora, prints a table and writes JSON
(benchmarks/results/latest.json unless --out says otherwise; with --only,
benchmarks/results/only-NAME.json, so a partial run never replaces the full one). Figures with
a floor or a bare baseline are ratios measured in the same run. --quick uses small corpora to
check the suite itself runs; its figures are not the budgets'. --only runs the named steps
(and builds only the desks they need).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks import (
    bench_export,
    bench_import,
    bench_open,
    bench_search,
    bench_stall,
    bench_startup,
)
from benchmarks.build import claims_desk, import_desk
from benchmarks.corpus import write_corpus
from benchmarks.harness import ROOT, Result, print_table, write_json

STEPS = ("import", "search", "claims", "export", "open", "start-up", "stall")
RESULTS = ROOT / "benchmarks" / "results"


def main() -> None:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small corpora, to try the suite")
    parser.add_argument("--out", type=Path, help="the JSON file to write")
    parser.add_argument("--keep", type=Path, help="build the corpora in this folder and keep them")
    parser.add_argument(
        "--only",
        choices=STEPS,
        action="append",
        metavar="NAME",
        help=f"run only this step (repeat for several): {', '.join(STEPS)}",
    )
    args = parser.parse_args()
    only = frozenset(args.only or STEPS)
    if args.out is None:
        args.out = RESULTS / (
            "latest.json" if args.only is None else f"only-{'-'.join(args.only)}.json"
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = _suite(args.keep, quick=args.quick, only=only)
    else:
        with tempfile.TemporaryDirectory(prefix="factdesk-bench-") as folder:
            results = _suite(Path(folder), quick=args.quick, only=only)
    print()
    print_table(results)
    write_json(results, args.out, quick=args.quick)
    print(f"\nwrote {args.out} ({time.perf_counter() - started:.0f} s)")


def _suite(work: Path, *, quick: bool, only: frozenset[str]) -> list[Result]:
    results: list[Result] = []

    def step(name: str, found: list[Result]) -> None:
        print(
            f"{name}: " + "; ".join(f"{r.name} = {r.value:,.2f} {r.unit}" for r in found),
            flush=True,
        )
        results.extend(found)

    big_n = 1000 if quick else 10_000
    if "import" in only:
        found, big_desk = bench_import.run(work, quick=quick)
        step("import", found)
    elif only & {"search", "start-up"}:
        big_desk = _big_desk(work, big_n)
    claims_n = 5_000 if quick else 50_000
    if "search" in only:
        step("search", bench_search.search(big_desk, big_n))
    if only & {"claims", "export"}:
        many = claims_desk(work, claims_n)
    if "claims" in only:
        step("claims table", bench_search.claims_filter(many, claims_n))
    if "export" in only:
        pdf_n = 500
        few = claims_desk(work, pdf_n, documents=50)
        step("export", bench_export.run(work, few, many, small_n=pdf_n, large_n=claims_n))
    if "open" in only:
        step("open", bench_open.run())
    if "start-up" in only:
        small = work / "five.factdesk"
        if not small.exists():
            import_desk(small, write_corpus(work / "five", 5, seed=4, words=1200))
        step("start-up", bench_startup.run(work, small, big_desk, big_n, quick=quick))
    if "stall" in only:
        step("stall", bench_stall.run(work, quick=quick))
    return results


def _big_desk(work: Path, count: int) -> Path:
    """The large desk the import step would have built (kept from an earlier --keep run)."""
    desk = work / f"desk-{count}.factdesk"
    if not desk.exists():
        import_desk(desk, write_corpus(work / f"articles-{count}", count, seed=2, words=1200))
    return desk


if __name__ == "__main__":
    main()
