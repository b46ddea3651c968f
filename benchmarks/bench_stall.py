"""Responsiveness: the longest event-loop stall while the window imports 1,000 files,
measured by a timer that asks to run every 5 ms."""

from __future__ import annotations

import asyncio
import itertools
import time
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.harness import Result

TICK_MS = 5


def run(work: Path, *, quick: bool) -> list[Result]:
    import qasync
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from factdesk.ui.garbage import GuiThreadCollector
    from factdesk.ui.main_window import MainWindow

    count = 200 if quick else 1000
    files = write_corpus(work / f"stall-articles-{count}", count, seed=9, words=1200)
    app = QApplication.instance() or QApplication([])
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ticks: list[float] = []

    async def measure() -> float:
        settings = QSettings(str(work / "stall.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.show()
        await window.open_desk(work / "stall.factdesk")
        timer = QTimer(interval=TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        start = time.perf_counter()
        await window.desk_view.import_paths(files)
        took = time.perf_counter() - start
        timer.stop()
        await window.close_desk()
        window.close()
        return took

    try:
        with loop:
            took = loop.run_until_complete(measure())
    finally:
        collector.stop()
        asyncio.set_event_loop(None)
    gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(ticks))
    worst = gaps[-1] - TICK_MS if gaps else float("inf")
    return [
        Result(
            f"longest event-loop stall, window importing {count:,} files",
            worst,
            "ms",
            "≤ 50 ms",
            worst <= 50,
            f"{len(ticks)} ticks in {took:.1f} s; "
            f"99th percentile gap {gaps[int(len(gaps) * 0.99)]:.0f} ms",
        )
    ]
