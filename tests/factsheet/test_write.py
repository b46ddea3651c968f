"""Atomic output: the target is the old file or the whole new one, and no temporary remains."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from factdesk.factsheet.write import ExportError, atomic_path, write_chunks, write_text


class RenderFailed(Exception):
    pass


def test_success_replaces_the_target_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    target.write_text("old")
    write_text(target, "new ’ text\r\n", bom=True)
    assert target.read_bytes() == "\ufeffnew ’ text\r\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv"]


def test_a_failing_render_leaves_no_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    with pytest.raises(RenderFailed), atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp.exists()  # reserved beside the target
        temp.write_bytes(b"%PDF-1.4 half a docu")
        raise RenderFailed
    assert list(tmp_path.iterdir()) == []


def test_a_failing_render_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"the old sheet")
    with pytest.raises(RenderFailed), atomic_path(target) as temp:
        temp.write_bytes(b"half")
        raise RenderFailed
    assert target.read_bytes() == b"the old sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_the_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "a.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing/sheet.csv", "the folder does not exist"),
        ("afile/sheet.csv", "the folder does not exist"),
        ("folder", "it is a folder"),
    ],
)
def test_bad_targets_are_refused_with_the_reason(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "afile").write_text("x")
    (tmp_path / "folder").mkdir()
    with pytest.raises(ExportError) as error:
        write_text(tmp_path / name, "x")
    assert str(error.value) == f"cannot write {tmp_path / name}: {reason}"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_text(folder / "sheet.csv", "x")
    finally:
        folder.chmod(0o755)


def test_an_os_error_while_writing_names_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    target = tmp_path / "sheet.csv"
    with pytest.raises(ExportError, match=r"sheet\.csv: the disk is full"):
        write_text(target, "x")
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_a_killed_export_are_swept_young_ones_kept(tmp_path) -> None:
    import os
    import time

    from factdesk.factsheet.write import sweep_stale, write_text

    target = tmp_path / "sheet.csv"
    old = tmp_path / ".sheet.csv.deadbeef.part"
    young = tmp_path / ".sheet.csv.cafef00d.part"
    other = tmp_path / ".other.csv.deadbeef.part"
    for path in (old, young, other):
        path.write_text("half")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    assert sweep_stale(target) == [old]
    write_text(target, "a,b\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.csv.deadbeef.part",
        ".sheet.csv.cafef00d.part",
        "sheet.csv",
    ]


def test_chunks_are_the_text_they_join_and_fail_as_a_whole(tmp_path: Path) -> None:
    chunks = ["id,claim\r\n", "1,“quoted”, ’tis\r\n", "", "2,\u2028 line\r\n"]
    for bom in (False, True):
        joined, written = tmp_path / "joined.csv", tmp_path / "chunks.csv"
        write_text(joined, "".join(chunks), bom=bom)
        write_chunks(written, iter(chunks), bom=bom)
        assert written.read_bytes() == joined.read_bytes()

    def failing() -> Iterator[str]:  # the sheet fails after two chunks were written
        yield from chunks[:2]
        raise RenderFailed

    with pytest.raises(RenderFailed):
        write_chunks(written, failing())
    assert written.read_bytes() == joined.read_bytes()  # the previous sheet, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chunks.csv", "joined.csv"]
