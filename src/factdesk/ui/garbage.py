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

INTERVAL_MS = 1000


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
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
