"""The window's own quick successive edits do not conflict; someone else's still do."""

from factdesk.ui.versions import VersionTracker


def test_edits_queued_from_one_form_expect_the_versions_their_predecessors_make() -> None:
    tracker = VersionTracker()
    assert tracker.submit(1, 3).expected == 3  # text saved: 3 -> 4 (still running)
    assert tracker.submit(1, 3).expected == 4  # the date, typed on the same form showing 3
    assert tracker.submit(1, 4).expected == 5  # the form refreshed to 4 meanwhile
    assert tracker.submit(1, 6).expected == 6  # the form shows what our writes made


def test_versions_outside_our_chain_are_left_alone() -> None:
    tracker = VersionTracker()
    tracker.submit(1, 3)
    assert tracker.submit(1, 2).expected == 2  # older than anything we wrote: a real conflict
    assert tracker.submit(1, 9).expected == 9  # refreshed after someone else wrote
    assert tracker.submit(2, 3).expected == 3  # another claim
    tracker.forget(1)
    assert tracker.submit(1, 3).expected == 3


def test_a_refused_edit_breaks_the_rest_of_its_chain() -> None:
    tracker = VersionTracker()
    first, second = tracker.submit(1, 3), tracker.submit(1, 3)
    assert second.broken is first.broken
    first.broken.set()  # the worker refused the first: someone else wrote version 4
    assert second.broken.is_set()  # so the second (expecting 4) must not write
    fresh = tracker.submit(1, 5)  # the form, refreshed, starts a new chain
    assert fresh.expected == 5 and not fresh.broken.is_set()
