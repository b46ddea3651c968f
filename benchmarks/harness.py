"""What every benchmark shares: a Result row, timing helpers, the table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Result:
    """One measured figure, with its budget and whether it was met (None: no budget)."""

    name: str
    value: float
    unit: str
    budget: str = ""
    ok: bool | None = None
    detail: str = ""


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def run_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: this checkout's source, no backups or logs of ours."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FACTDESK_BACKUP_KEEP": "0"}
    env.update(extra)
    return env


def wall(args: list[str], **env: str) -> float:
    """Seconds from starting a process to its exit (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=run_env(**env), check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])}…: exit {done.returncode}: {done.stderr[-500:]}")
    return elapsed


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "cpu": _cpu_name(),
        "cores": str(os.cpu_count()),
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def print_table(results: list[Result]) -> None:
    rows = [("benchmark", "value", "budget", "met", "detail")]
    for r in results:
        met = "" if r.ok is None else ("yes" if r.ok else "NO")
        rows.append((r.name, f"{r.value:,.2f} {r.unit}", r.budget, met, r.detail))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


def write_json(results: list[Result], path: Path, *, quick: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "quick": quick,
        "results": [asdict(r) for r in results],
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
