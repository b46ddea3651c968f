"""The window's own quick successive edits do not conflict; someone else's still do."""

from factdesk.ui.versions import VersionTracker


def test_own_successive_edits_use_the_latest_version() -> None:
    tracker = VersionTracker()
    assert tracker.expected(1, 3) == 3
    tracker.wrote(1, 3, 4)  # text saved: 3 -> 4
    assert tracker.expected(1, 3) == 4  # the status edit was made on the form showing 3
    tracker.wrote(1, 4, 5)
    assert tracker.expected(1, 3) == 5
    assert tracker.expected(1, 5) == 5


def test_versions_outside_our_chain_are_left_alone() -> None:
    tracker = VersionTracker()
    tracker.wrote(1, 3, 4)
    assert tracker.expected(1, 2) == 2  # older than anything we wrote: a real conflict
    assert tracker.expected(1, 7) == 7  # refreshed after someone else wrote
    assert tracker.expected(2, 3) == 3  # another claim
    tracker.forget(1)
    assert tracker.expected(1, 3) == 3
