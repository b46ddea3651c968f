"""Several processes opening one desk at once: creating it, or upgrading an older one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from factdesk.db.deskfile import HEAD, read_revision

SRC = Path(__file__).parents[2] / "src"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "desks"


def _start(desk: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "factdesk", "--desk", str(desk), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )


def _finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    return [(p.wait(timeout=120), p.communicate()[1]) for p in procs]


def test_processes_creating_one_new_desk_at_once_all_succeed(tmp_path: Path) -> None:
    files = []
    for i in range(6):
        article = tmp_path / f"a{i}.txt"
        article.write_text(f"Article {i}\nThe minister said ‘{i}’.\n")
        files.append(article)
    desk = tmp_path / "new.factdesk"
    results = _finish([_start(desk, "import", str(f)) for f in files])
    assert results == [(0, "")] * 6
    listed = subprocess.run(
        [sys.executable, "-m", "factdesk", "--desk", str(desk), "docs", "--json"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)}, check=True,
    )  # fmt: skip
    assert len(json.loads(listed.stdout)) == 6
    # no half-made desk left behind (the rolling backups have their own folder)
    left = sorted(p.name for p in tmp_path.glob("new.factdesk*") if p.is_file())
    assert left in (["new.factdesk"], ["new.factdesk", "new.factdesk-shm", "new.factdesk-wal"])
    assert not list(tmp_path.rglob("*.partial"))


def test_processes_upgrading_one_older_desk_at_once_all_succeed(tmp_path: Path) -> None:
    desk = tmp_path / "old.factdesk"
    shutil.copy(FIXTURES / "schema-0002.factdesk", desk)
    results = _finish([_start(desk, "claims", "--json") for _ in range(6)])
    assert [code for code, _ in results] == [0] * 6, results
    assert read_revision(desk) == HEAD
    for backup in tmp_path.glob("old.schema-0002.*.bak.factdesk"):
        assert read_revision(backup) == "0002"
    assert not list(tmp_path.glob("*.partial"))
