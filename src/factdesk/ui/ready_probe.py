"""For the benchmark suite: say when the window is shown and idle, and when its desk is on
screen, then quit. On only with FACTDESK_REPORT_READY=1; costs nothing otherwise.

Lines on stdout: "shown <unix time>" at the first idle turn of the event loop after show(),
then "loaded <unix time> <resident KB>" once the desk's contents are shown.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

ENV = "FACTDESK_REPORT_READY"


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


def report_shown() -> None:
    QTimer.singleShot(0, lambda: _say(f"shown {time.time():.6f}"))


def report_loaded_and_quit(window: QMainWindow) -> None:
    def done() -> None:
        _say(f"loaded {time.time():.6f} {resident_kb()}")
        window.close()

    QTimer.singleShot(0, done)


def resident_kb() -> int:
    """Resident memory now (Linux), else the peak so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _say(line: str) -> None:
    print(line, flush=True)
