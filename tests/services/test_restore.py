"""Restoring a desk while other programs use it: nothing committed is lost, ids are never
reused, a busy desk is refused in time, and programs holding the desk keep working."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.desk_damage import wreck

from factdesk.core.errors import DeskError
from factdesk.db import restore as restore_module
from factdesk.services import Desk, backups

SRC = Path(__file__).parents[2] / "src"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "desks"
WRITER = """
import sys
from factdesk.services import Desk
with Desk.open(sys.argv[1], editor="writer") as desk:
    for n in range(100000):
        desk.import_text(f"Note {n}\\nWritten while a restore runs: item {n}.")
        print(n, flush=True)
"""


def _desk(tmp_path: Path, articles: list[Path]) -> Path:
    path = tmp_path / "story.factdesk"
    with Desk.open(path, editor="tester") as desk:
        desk.import_files(articles)
    return path


def _titles(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM document")}
    finally:
        conn.close()


def test_nothing_committed_during_a_restore_is_lost(tmp_path, articles) -> None:
    path = _desk(tmp_path, articles)
    older = backups.backup_now(path)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert writer.stdout is not None
        for _ in range(40):  # let it get going
            writer.stdout.readline()
        restored = backups.restore(path, older.info.path)
        for _ in range(40):  # and go on writing after the restore
            writer.stdout.readline()
    finally:
        writer.kill()
        out, _ = writer.communicate()
    committed = {f"Note {n}" for n in range(80 + len(out.split()))}
    assert restored.kept is not None
    kept, now = _titles(restored.kept), _titles(path)
    # every note that was committed is either in the desk as it was or in the desk now
    lost = {title for title in committed if title not in kept | now}
    assert not lost, f"{len(lost)} committed notes lost, e.g. {sorted(lost)[:3]}"
    assert "Note 0" in kept and "Note 0" not in now  # the restore did take the desk back


def test_ids_are_never_reused_after_a_restore(tmp_path, articles) -> None:
    path = _desk(tmp_path, articles)
    empty = backups.backup_now(path)  # no claims yet
    with Desk.open(path) as desk:
        made = [desk.add_claim(1, quote="Paris summit").value.id for _ in range(1)]
        made.append(desk.add_claim(2, quote="Mark Rutte").value.id)
        restores = desk.restores()
    backups.restore(path, empty.info.path)
    with Desk.open(path) as desk:
        assert desk.claims() == []
        newer = desk.add_claim(2, quote="Washington").value.id
        assert newer > max(made)  # an old undo step for claim 1 or 2 cannot touch it
        assert desk.restores() == restores + 1  # windows holding undo steps drop them


def test_a_restore_refuses_a_desk_kept_busy_instead_of_waiting_forever(
    tmp_path, articles, monkeypatch
) -> None:
    path = _desk(tmp_path, articles)
    older = backups.backup_now(path)
    monkeypatch.setattr(restore_module, "WAIT_SECONDS", 1.0)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
        started = time.monotonic()
        with pytest.raises(DeskError, match="is busy in another program; try again"):
            backups.restore(path, older.info.path)
        assert time.monotonic() - started < 10
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(_titles(path)) == 2


def test_an_older_schema_backup_is_upgraded_before_it_goes_in(tmp_path, articles) -> None:
    path = _desk(tmp_path, articles)
    old = tmp_path / "old.factdesk"
    shutil.copy(FIXTURES / "schema-0001.factdesk", old)
    with Desk.open(path) as holder:  # a window with the desk open all along
        backups.restore(path, old)
        hits = holder.search("generation")  # the full-text index (0002) is there
        assert {h.title for h in hits if h.kind == "document"} == {"Keir Starmer at the summit"}
        (claim,) = holder.claims()
        assert claim.speaker == "Keir Starmer"
    assert not list(tmp_path.glob("*.bak.factdesk"))  # no upgrade left for the next open


def test_a_damaged_desk_is_restored_in_place_so_programs_holding_it_stay_on_it(
    tmp_path, articles
) -> None:
    path = _desk(tmp_path, articles)
    good = backups.backup_now(path)
    inode = path.stat().st_ino
    data = wreck(path, every=3)
    restored = backups.restore(path, good.info.path)
    assert restored.was_damaged and restored.kept is not None
    assert restored.kept.read_bytes()[:4096] == bytes(data[:4096])  # the damaged file, kept
    assert path.stat().st_ino == inode  # the same file: nobody is left writing to a side file
    assert len(_titles(path)) == 2


def test_a_stray_wal_without_its_desk_is_not_replayed_into_the_restore(tmp_path, articles) -> None:
    path = _desk(tmp_path, articles)
    good = backups.backup_now(path)
    stray = path.with_name(path.name + "-wal")
    path.unlink()
    stray.write_bytes(b"left by a restore killed half-way" * 100)
    backups.restore(path, good.info.path)
    assert len(_titles(path)) == 2
    assert list(tmp_path.glob("story.stray-*.factdesk-wal"))


def test_backing_up_what_is_not_a_desk_is_refused_without_a_backup_folder(tmp_path) -> None:
    folder = tmp_path / "folder.factdesk"
    folder.mkdir()
    with pytest.raises(DeskError, match="is a folder"):
        backups.backup_now(folder)
    notes = tmp_path / "notes.txt"
    notes.write_text("notes")
    with pytest.raises(DeskError, match="not an SQLite database"):
        backups.backup_now(notes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.factdesk", "notes.txt"]


def test_a_backup_opened_to_look_into_it_is_left_as_it_is(tmp_path, articles) -> None:
    path = _desk(tmp_path, articles)
    made = backups.backup_now(path).info.path
    before = made.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(SRC), "FACTDESK_BACKUP_MINUTES": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "factdesk", "--desk", str(made), "docs", "--json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert len(json.loads(done.stdout)) == 2
    assert not list(made.parent.glob("*.backups"))  # no backups of backups
    del before  # (opening it switches it to WAL mode, which is harmless to its contents)
