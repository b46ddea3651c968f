"""Rolling backups: taken on open at most once per interval, checked, pruned, and restorable —
including over a desk so damaged it no longer opens."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.desk_damage import wreck

from factdesk.core.backups import AUTO, BEFORE_RESTORE, MANUAL, BackupPolicy
from factdesk.core.errors import DamagedDeskError, DeskError, InvalidInputError, NewerDeskError
from factdesk.db import backups as store
from factdesk.services import Desk, backups

EVERY_OPEN = BackupPolicy(interval=timedelta(0), keep=3)


def _desk_with(tmp_path: Path, articles: list[Path], name: str = "story.factdesk") -> Path:
    path = tmp_path / name
    with Desk.open(path, editor="tester") as desk:
        desk.import_files(articles)
        desk.add_claim(1, quote="2.5 per cent of GDP", speaker="Keir Starmer")
    return path


def _titles(path: Path) -> list[str]:
    with Desk.open(path, create=False) as desk:
        return [d.title for d in desk.documents()]


def test_a_new_desk_takes_no_backup_and_reopening_takes_a_checked_one(tmp_path, articles) -> None:
    path = tmp_path / "story.factdesk"
    with Desk.open(path, backups=EVERY_OPEN) as desk:
        assert desk.last_backup is None
        desk.import_files(articles)
    with Desk.open(path, backups=EVERY_OPEN) as desk:
        made = desk.last_backup
    assert made is not None and made.kind == AUTO
    assert made.path.parent == tmp_path / "story.factdesk.backups"
    # one self-contained file that SQLite reads back without fault, holding the documents
    listed = sorted(p.name for p in made.path.parent.iterdir() if not p.name.startswith("."))
    assert listed == [made.path.name]
    assert store.quick_check(made.path) is None
    assert store.summarise(made).documents == 2


def test_at_most_one_rolling_backup_per_interval(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    hourly = BackupPolicy(interval=timedelta(hours=1), keep=5)
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert store.maybe_take_backup(path, hourly, now=start) is not None
    _touch(path)
    assert store.maybe_take_backup(path, hourly, now=start + timedelta(minutes=59)) is None
    later = store.maybe_take_backup(path, hourly, now=start + timedelta(minutes=61))
    assert later is not None
    assert [b.taken_at for b in store.list_backups(path)] == [later.taken_at, start]


def test_an_unchanged_desk_is_not_backed_up_again(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    _age(path, hours=1)  # last edited an hour ago
    assert store.maybe_take_backup(path, EVERY_OPEN) is not None
    assert store.maybe_take_backup(path, EVERY_OPEN) is None  # nothing changed since
    with Desk.open(path) as desk:
        desk.add_claim(2, quote="Mark Rutte")
    assert store.maybe_take_backup(path, EVERY_OPEN) is not None


def test_an_edit_in_the_same_second_as_the_backup_is_not_mistaken_for_no_change(
    tmp_path, articles
) -> None:
    """On a file system with one-second (or FAT's two-second) times, an edit just after a
    backup can leave the desk's time equal to the one recorded on the backup."""
    path = _desk_with(tmp_path, articles)
    made = store.maybe_take_backup(path, EVERY_OPEN)
    assert made is not None
    recorded = made.path.stat().st_mtime_ns
    with Desk.open(path) as desk:
        desk.add_claim(2, quote="Mark Rutte")
    os.utime(path, ns=(recorded, recorded))  # what a coarse clock shows for the edit
    assert store.maybe_take_backup(path, EVERY_OPEN) is not None


def test_a_backup_stamped_in_the_future_does_not_stop_backups(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    ahead = datetime.now(UTC) + timedelta(days=40)  # a machine whose clock ran ahead
    store.take_backup(path, AUTO, now=ahead)
    hourly = BackupPolicy(interval=timedelta(hours=1), keep=5)
    assert store.maybe_take_backup(path, hourly) is not None


def test_processes_opening_one_desk_together_take_one_backup(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    _age(path, hours=1)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
           "FACTDESK_BACKUP_MINUTES": "0"}  # fmt: skip
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "factdesk", "--desk", str(path), "docs"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(6)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    # the desk did not change, so one copy of it is enough, however many opened it
    assert [b.kind for b in store.list_backups(path)] == [AUTO]


def _age(path: Path, *, hours: int) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_only_the_last_n_rolling_backups_are_kept_and_manual_ones_stay(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    manual = backups.backup_now(path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for hour in range(6):
        _touch(path)
        store.maybe_take_backup(path, EVERY_OPEN, now=start + timedelta(hours=hour))
    kept = store.list_backups(path)
    autos = [b for b in kept if b.kind == AUTO]
    assert [b.taken_at.hour for b in autos] == [5, 4, 3]
    assert manual.info.path in [b.path for b in kept if b.kind == MANUAL]


def test_backups_can_be_turned_off(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    with Desk.open(path, backups=BackupPolicy(keep=0)) as desk:
        assert desk.last_backup is None
    assert not store.backup_folder(path).exists()


def test_a_backup_holds_only_committed_work_while_another_connection_writes(
    tmp_path, articles
) -> None:
    path = _desk_with(tmp_path, articles)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE document SET title = 'half-done edit'")
        made = backups.backup_now(path)  # the online backup neither waits nor sees it
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert made.documents == 2
    assert "half-done edit" not in _titles(made.info.path)


def test_the_policy_comes_from_the_environment() -> None:
    policy = BackupPolicy.from_env({"FACTDESK_BACKUP_MINUTES": "15", "FACTDESK_BACKUP_KEEP": "4"})
    assert policy == BackupPolicy(interval=timedelta(minutes=15), keep=4)
    assert BackupPolicy.from_env({}) == BackupPolicy()
    with pytest.raises(InvalidInputError, match="FACTDESK_BACKUP_KEEP='many'"):
        BackupPolicy.from_env({"FACTDESK_BACKUP_KEEP": "many"})


def test_a_desk_whose_backup_folder_cannot_be_made_still_opens(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    store.backup_folder(path).write_text("in the way")  # a file where the folder should be
    with Desk.open(path, backups=EVERY_OPEN) as desk:
        assert desk.backup_problem and "cannot make the backup folder" in desk.backup_problem
        assert len(desk.documents()) == 2


def test_a_damaged_desk_is_caught_by_its_backup_check_and_restored(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    good = backups.backup_now(path)
    wreck(path)

    with pytest.raises(DamagedDeskError, match="is damaged"):
        Desk.open(path, backups=EVERY_OPEN)
    offered = backups.latest_good(path)
    assert offered is not None and offered.info.path == good.info.path  # the failed one is gone

    restored = backups.restore(path, "latest")
    assert restored.was_damaged
    assert restored.kept is not None and restored.kept.name.startswith("story.damaged-")
    assert restored.kept.exists()  # the damaged file is kept, not deleted
    assert _titles(path) == [
        "Prime Minister pledges support for Ukraine at Paris summit",
        "Starmer to visit Washington next week",
    ]
    with Desk.open(path) as desk:
        assert [c.speaker for c in desk.claims()] == ["Keir Starmer"]


def test_restoring_a_healthy_desk_keeps_it_and_an_open_desk_sees_the_backup(
    tmp_path, articles
) -> None:
    path = _desk_with(tmp_path, articles[:1])
    first = backups.backup_now(path)
    with Desk.open(path) as open_desk:
        open_desk.import_files(articles[1:])
        version = open_desk.data_version()
        restored = backups.restore(path, first.info.path)
        # the open desk (a window, say) sees the restore as an outside commit
        assert open_desk.data_version() != version
        assert len(open_desk.documents()) == 1
    assert not restored.was_damaged
    before = store.backup_info(restored.kept)
    assert before.kind == BEFORE_RESTORE
    assert store.summarise(before).documents == 2  # the desk as it was, one restore away


def test_restore_refuses_what_is_not_a_usable_backup(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    text = tmp_path / "notes.txt"
    text.write_text("not a desk")
    with pytest.raises(DeskError, match="not an SQLite database"):
        backups.restore(path, text)
    with pytest.raises(DeskError, match="no such backup"):
        backups.restore(path, tmp_path / "missing.factdesk")
    with pytest.raises(DeskError, match="is the desk itself"):
        backups.restore(path, path)
    newer = backups.backup_now(path).info.path
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(NewerDeskError):
        backups.restore(path, newer)
    assert len(_titles(path)) == 2  # untouched by every refusal


def test_restore_latest_without_a_good_backup_says_so(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    with pytest.raises(DeskError, match="has no backup that can be read back"):
        backups.restore(path, "latest")


def test_listing_marks_unreadable_backups(tmp_path, articles) -> None:
    path = _desk_with(tmp_path, articles)
    backups.backup_now(path)
    broken = backups.backup_now(path).info.path
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    listed = backups.list_backups(path)
    assert [s.readable for s in listed] == [False, True]


def _touch(path: Path) -> None:
    """Mark the desk as changed (as any commit would) without the test waiting a second."""
    path.touch()
