"""Start-up against a bare QMainWindow started the same way in the same run, and the memory
of the window with the large desk open."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from benchmarks.harness import PYTHON, Result, median, run_env

BARE = Path(__file__).with_name("bare_window.py")


def _launch(args: list[str], home: Path) -> dict[str, list[float]]:
    """Start a process; the times (since the start) and figures of the lines it reports."""
    env = run_env(FACTDESK_REPORT_READY="1", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{args[1]}: exit {done.returncode}: {done.stderr[-400:]}")
    seen = {}
    for line in done.stdout.splitlines():
        word, stamp, *rest = line.split()
        seen[word] = [float(stamp) - started, *map(float, rest)]
    return seen


def run(work: Path, small_desk: Path, big_desk: Path, big_n: int, *, quick: bool) -> list[Result]:
    rounds = 3 if quick else 7
    bare, shown, loaded = [], [], []
    for attempt in range(rounds):  # interleaved, so drift on a noisy machine hits both alike
        bare.append(_launch([PYTHON, str(BARE)], work / "home")["shown"][0])
        seen = _launch([PYTHON, "-m", "factdesk", "gui", str(small_desk)], work / f"home{attempt}")
        shown.append(seen["shown"][0])
        loaded.append(seen["loaded"][0])
    ratio = median(shown) / median(bare)
    big = _launch([PYTHON, "-m", "factdesk", "gui", str(big_desk)], work / "home-big")
    rss_mb = big["loaded"][1] / 1024
    where = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    return [
        Result(
            "start-up: window shown and idle, factdesk / bare QMainWindow",
            ratio,
            "×",
            "≤ 1.3×",
            ratio <= 1.3,
            f"{median(shown) * 1000:.0f} ms vs {median(bare) * 1000:.0f} ms, median of {rounds}, "
            f"{where}",
        ),
        Result("start-up: desk contents on screen", median(loaded) * 1000, "ms"),
        Result(
            f"memory: window with a {big_n:,}-document desk open",
            rss_mb,
            "MB",
            "≤ 250 MB",
            rss_mb <= 250,
            f"resident, once its contents are shown (took {big['loaded'][0]:.1f} s)",
        ),
    ]
