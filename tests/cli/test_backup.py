"""`factdesk backup`, rolling backups taken by commands, and what a damaged desk tells you."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import factdesk, run
from tests.desk_damage import wreck

from factdesk.db.backups import list_backups


@pytest.fixture
def story(tmp_path: Path, articles: list[Path], capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "story.factdesk"
    code, _, err = run(capsys, path, "import", *map(str, articles))
    assert code == 0, err
    return path


def test_backup_takes_a_checked_copy_and_lists_it(capsys, story) -> None:
    code, out, err = run(capsys, story, "backup")
    assert code == 0, err
    assert out.startswith(f"wrote {story}.backups/story.") and out.rstrip().endswith(
        ".manual.factdesk: 2 documents, 0 claims"
    )
    code, out, _ = run(capsys, story, "backup", "--list", "--json")
    listed = json.loads(out)
    newest = listed[0]
    assert (newest["kind"], newest["documents"], newest["claims"]) == ("manual", 2, 0)
    assert set(listed[0]) == {"path", "taken_at", "kind", "size", "documents", "claims"}


def test_commands_take_rolling_backups_as_the_environment_says(
    capsys, story, monkeypatch, articles
) -> None:
    monkeypatch.setenv("FACTDESK_BACKUP_MINUTES", "0")
    monkeypatch.setenv("FACTDESK_BACKUP_KEEP", "2")
    for n in range(3):
        assert run(capsys, story, "claim", "add", "2", "--quote", "Mark Rutte")[0] == 0, n
    autos = [b for b in list_backups(story) if b.kind == "auto"]
    assert len(autos) == 2  # one per command that found the desk changed, the oldest dropped

    monkeypatch.setenv("FACTDESK_BACKUP_KEEP", "several")
    code, _, err = run(capsys, story, "docs")
    assert code == 1
    assert (
        err
        == "factdesk: FACTDESK_BACKUP_KEEP='several': expected a whole number from 0 to 1000000\n"
    )


def test_a_damaged_desk_names_its_latest_good_backup_and_restore_brings_it_back(
    story, capsys
) -> None:
    assert run(capsys, story, "backup")[0] == 0
    wreck(story)

    broken = factdesk(story, "docs")  # a real process: one line, no traceback
    assert broken.returncode == 1
    assert broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    assert broken.stderr.startswith(f"factdesk: {story}: is damaged and cannot be read")
    assert f"its latest good backup is {story}.backups/story." in broken.stderr
    assert "manual: 2 documents, 0 claims): restore it with `factdesk backup --restore latest`" in (
        broken.stderr
    )

    restored = factdesk(story, "backup", "--restore", "latest")
    assert restored.returncode == 0, restored.stderr
    lines = restored.stdout.splitlines()
    assert lines[0].startswith(f"restored {story} from {story}.backups/story.")
    assert lines[1].startswith(f"the damaged desk is kept in {story.parent}/story.damaged-")
    listed = factdesk(story, "docs", "--json")
    assert len(json.loads(listed.stdout)) == 2


def test_restore_from_a_file_that_is_not_a_desk_is_one_clear_line(story, tmp_path) -> None:
    junk = tmp_path / "junk.factdesk"
    junk.write_text("hello")
    result = factdesk(story, "backup", "--restore", str(junk))
    assert result.returncode == 1
    assert result.stderr == (
        f"factdesk: {junk}: is not a factdesk desk (it is not an SQLite database)\n"
    )


def test_backup_of_a_missing_desk_is_refused(capsys, tmp_path) -> None:
    missing = tmp_path / "nowhere.factdesk"
    code, _, err = run(capsys, missing, "backup")
    assert code == 1
    assert err == f"factdesk: {missing}: no such desk\n"
    assert not missing.exists()
