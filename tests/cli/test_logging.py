"""A bug in a command: one sentence on stderr naming the log, the traceback in the log file."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

from factdesk.core import logs
from factdesk.services import Desk


def test_a_bug_is_one_sentence_and_its_traceback_goes_to_the_log(
    capsys, tmp_path: Path, articles, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "logs"
    monkeypatch.setenv("FACTDESK_LOG_DIR", str(folder))
    desk = tmp_path / "story.factdesk"
    assert run(capsys, desk, "import", *map(str, articles))[0] == 0

    def broken(self: Desk) -> None:  # fault injection: the command's one service call fails
        raise KeyError("title")

    monkeypatch.setattr(Desk, "documents", broken)
    code, out, err = run(capsys, desk, "docs")
    assert code == 1 and out == ""
    assert err == (
        "factdesk: Something went wrong inside factdesk (KeyError: 'title'). "
        f"The details are in {folder / 'factdesk.log'}.\n"
    )
    logged = (folder / "factdesk.log").read_text()
    assert "bug in `docs`" in logged
    assert "Traceback (most recent call last)" in logged and "in broken" in logged


def test_the_log_rotates_instead_of_growing(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path)
    assert path is not None
    try:
        line = "x" * 1000
        for _ in range(logs.MAX_BYTES // 1000 * (logs.KEEP + 2)):
            logs.log.warning(line)
        files = sorted(p.name for p in tmp_path.iterdir())
        assert files == ["factdesk.log"] + [f"factdesk.log.{n}" for n in range(1, logs.KEEP + 1)]
        assert all(p.stat().st_size <= logs.MAX_BYTES + 2000 for p in tmp_path.iterdir())
    finally:
        for handler in list(logs.log.handlers):
            logs.log.removeHandler(handler)
            handler.close()


def test_an_unwritable_log_folder_does_not_stop_factdesk(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    assert logs.setup_logging(blocker / "logs") is None
    assert "factdesk: no log file" in capsys.readouterr().err


def test_a_log_folder_removed_after_set_up_drops_records_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = logs.setup_logging(folder)
    assert path is not None
    try:
        path.unlink()
        folder.rmdir()  # removed by hand, or a cleaner, while factdesk runs
        logs.log.warning("nobody can write this down")  # must not raise into the caller
        assert not folder.exists()
    finally:
        for handler in list(logs.log.handlers):
            logs.log.removeHandler(handler)
            handler.close()
