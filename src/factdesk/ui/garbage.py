"""Collect cyclic garbage on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate. When that is the desk
worker and the garbage holds Qt objects made on the GUI thread, Qt destroys them from the wrong
thread and the process crashes (seen here: a segfault in "Garbage-collecting" on the worker,
mid-query). Anki hit the same with PyQt and does what we do: switch off automatic collection
and collect from a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that a young generation stays small: with automatic collection off, a second
# of importing piles up enough new objects for one collection of them to stall the window for
# 60-70 ms; every 100 ms each pass takes a few.
INTERVAL_MS = 100
# A full collection walks every object the process holds (~100 ms once SQLAlchemy and a big
# desk are loaded): CPython itself runs one only after ten of the middle generation *and* when
# the long-lived objects have grown by a quarter; this waits for ten times its count instead.
FULL_COLLECTION_FACTOR = 10


class GuiThreadCollector(QObject):
    """While alive, cyclic garbage is collected from the GUI thread's event loop only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[2] > thresholds[2] * FULL_COLLECTION_FACTOR:
            gc.collect(2)
        elif counts[1] > thresholds[1]:
            gc.collect(1)
        elif counts[0] > thresholds[0]:
            gc.collect(0)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
