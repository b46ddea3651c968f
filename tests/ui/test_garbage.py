"""Cycle collection happens on the GUI thread only while the window runs."""

import gc

from factdesk.ui.garbage import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_switches_automatic_gc_off_and_collects_on_its_timer(qtbot) -> None:
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        for _ in range(gc.get_threshold()[0] + 10):
            Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.check()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.stop()
