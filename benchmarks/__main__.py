"""Run the benchmark suite: `scripts/bench [--quick] [--out FILE]`.

Measures every budget of DESIGN §5 on generated corpora, prints a table and writes JSON
(benchmarks/results/latest.json unless --out says otherwise). Figures with a floor or a bare
baseline are ratios measured in the same run. --quick uses small corpora to check the suite
itself runs; its figures are not the budgets'.
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small corpora, to try the suite")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json")
    parser.add_argument("--keep", type=Path, help="build the corpora in this folder and keep them")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = _suite(args.keep, quick=args.quick)
    else:
        with tempfile.TemporaryDirectory(prefix="factdesk-bench-") as folder:
            results = _suite(Path(folder), quick=args.quick)
    print()
    print_table(results)
    write_json(results, args.out, quick=args.quick)
    print(f"\nwrote {args.out} ({time.perf_counter() - started:.0f} s)")


def _suite(work: Path, *, quick: bool) -> list[Result]:
    results: list[Result] = []

    def step(name: str, found: list[Result]) -> None:
        print(
            f"{name}: " + "; ".join(f"{r.name} = {r.value:,.2f} {r.unit}" for r in found),
            flush=True,
        )
        results.extend(found)

    found, big_desk = bench_import.run(work, quick=quick)
    step("import", found)
    big_n = 1000 if quick else 10_000
    step("search", bench_search.search(big_desk, big_n))
    claims_n = 5_000 if quick else 50_000
    many = claims_desk(work, claims_n)
    step("claims table", bench_search.claims_filter(many, claims_n))
    pdf_n = 500
    few = claims_desk(work, pdf_n, documents=50)
    step("export", bench_export.run(work, few, many, small_n=pdf_n, large_n=claims_n))
    step("open", bench_open.run())
    small = work / "five.factdesk"
    import_desk(small, write_corpus(work / "five", 5, seed=4, words=1200))
    step("start-up", bench_startup.run(work, small, big_desk, big_n, quick=quick))
    step("stall", bench_stall.run(work, quick=quick))
    return results


if __name__ == "__main__":
    main()
