"""Opening desk files: create, reopen, and refuse anything else without touching it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factdesk.core.errors import DamagedDeskError, DeskError, NewerDeskError
from factdesk.db.deskfile import HEAD, open_desk, read_revision


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _refused_untouched(path: Path, match: str, error: type[Exception] = DeskError) -> None:
    before = _snapshot(path.parent)
    with pytest.raises(error, match=match) as err:
        open_desk(path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)
    assert _snapshot(path.parent) == before  # not a byte changed, no -wal/-shm left behind


def test_new_desk_is_created_at_the_newest_schema_with_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.factdesk"
    engine = open_desk(path)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        engine.dispose()
    assert read_revision(path) == HEAD
    assert not (tmp_path / "sub" / "new.factdesk.creating").exists()


def test_reopening_a_desk_keeps_it_at_head(tmp_path: Path) -> None:
    path = tmp_path / "d.factdesk"
    open_desk(path).dispose()
    open_desk(path).dispose()
    assert read_revision(path) == HEAD
    assert not list(tmp_path.glob("*.bak*"))  # no upgrade, so no backup


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.factdesk"
    path.write_text("these are my notes, not a desk\n")
    _refused_untouched(path, "not a factdesk desk")


def test_an_empty_or_zeroed_desk_is_refused_untouched_as_damaged(tmp_path: Path) -> None:
    # a power cut or a failed sync leaves these: a backup is the way out, so say "damaged"
    empty = tmp_path / "empty.factdesk"
    empty.write_bytes(b"")
    _refused_untouched(
        empty, r"is damaged and cannot be read \(the file is empty\)", DamagedDeskError
    )
    zeroed = tmp_path / "zeroed.factdesk"
    zeroed.write_bytes(b"\x00" * 8192)
    _refused_untouched(zeroed, "its header is blank", DamagedDeskError)


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.factdesk"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    _refused_untouched(path, "SQLite database but not a factdesk desk")


def test_a_damaged_desk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.factdesk"
    open_desk(path).dispose()
    with sqlite3.connect(path) as conn:  # fold the WAL back so the file holds everything
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for extra in tmp_path.glob("damaged.factdesk-*"):
        extra.unlink()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    _refused_untouched(path, "damaged")


def test_a_desk_from_a_newer_factdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.factdesk"
    open_desk(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _refused_untouched(path, "newer version of factdesk", NewerDeskError)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.factdesk"
    folder.mkdir()
    with pytest.raises(DeskError, match="is a folder"):
        open_desk(folder)


def test_missing_desk_is_an_error_when_creation_is_not_wanted(tmp_path: Path) -> None:
    with pytest.raises(DeskError, match="no such desk"):
        open_desk(tmp_path / "nope.factdesk", create=False)
