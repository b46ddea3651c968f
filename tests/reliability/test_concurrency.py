"""Several processes writing one desk at once: nobody meets "database is locked", nothing is
lost, and every write lands whole (busy timeout, BEGIN IMMEDIATE, one short transaction per
action)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.corpus import write_corpus

from factdesk.services import Desk

SRC = Path(__file__).parents[2] / "src"
WRITER = Path(__file__).with_name("writer.py")
ENV = {**os.environ, "PYTHONPATH": str(SRC), "FACTDESK_BACKUP_KEEP": "0"}


def _seeded_desk(tmp_path: Path) -> Path:
    path = tmp_path / "shared.factdesk"
    with Desk.open(path, editor="setup") as desk:
        desk.import_files(write_corpus(tmp_path / "seed", 1, seed=3))
    return path


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def test_two_writers_and_an_importer_at_once_lose_nothing(tmp_path: Path) -> None:
    desk_path = _seeded_desk(tmp_path)
    per_writer = 150
    articles = write_corpus(tmp_path / "incoming", 400, seed=5)
    writers = {name: _spawn(str(WRITER), str(desk_path), name, str(per_writer)) for name in "ab"}
    importer = _spawn("-m", "factdesk", "--desk", str(desk_path), "import", *map(str, articles))

    results = {name: proc.communicate(timeout=300) for name, proc in writers.items()}
    _, import_err = importer.communicate(timeout=300)
    for name, (_out, err) in results.items():
        assert writers[name].returncode == 0, err
        assert "locked" not in err
    assert importer.returncode == 0, import_err

    made = {name: json.loads(out) for name, (out, _) in results.items()}
    with Desk.open(desk_path, create=False) as desk:
        claims = {c.id: c for c in desk.claims()}
        assert len(desk.documents()) == 1 + len(articles)
        assert len(claims) == 2 * per_writer
        for name, ids in made.items():
            assert len(ids) == per_writer
            for n, claim_id in enumerate(ids):
                claim = claims[claim_id]
                assert (claim.text, claim.status, claim.note) == (
                    f"{name} claim {n}",
                    "in_progress",
                    f"{name} note {n}",
                )
                assert [e.source for e in claim.evidence] == [f"https://example.org/{name}/{n}"]
                assert claim.version == 3  # made, changed, given evidence: no write was lost
        sample = made["a"][7]
        assert {(h.field, h.new) for h in desk.history(sample)} >= {
            ("status", "in_progress"),
            ("note", "a note 7"),
        }
    writes = 2 * per_writer * 3 + len(articles)
    print(f"\n{writes} writes from 3 processes at once, none lost")


def _cli(desk: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "factdesk", "--desk", str(desk), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "locked" not in done.stderr and "busy" not in done.stderr
    return done.stdout


def _command_loop(desk: Path, name: str, rounds: int, offset: int) -> list[int]:
    """What a script does: `claim add … --json`, then `claim set ID …`, over and over."""
    made = []
    for n in range(rounds):
        start = offset + 10 * n
        out = _cli(desk, "claim", "add", "1", "--span", f"{start}:{start + 20}", "--text",
                   f"{name}{n}", "--json")  # fmt: skip
        claim_id = json.loads(out)["id"]
        _cli(desk, "claim", "set", str(claim_id), "--status", "verified", "--note", "done")
        made.append(claim_id)
    return made


def test_two_command_line_loops_at_once(tmp_path: Path) -> None:
    desk_path = _seeded_desk(tmp_path)
    rounds = 5
    with ThreadPoolExecutor(max_workers=2) as pool:  # each thread drives its own processes
        loops = [pool.submit(_command_loop, desk_path, name, rounds, offset)
                 for name, offset in (("x", 0), ("y", 300))]  # fmt: skip
        made = [loop.result(timeout=300) for loop in loops]
    with Desk.open(desk_path, create=False) as desk:
        claims = desk.claims()
    assert sorted(c.id for c in claims) == sorted(made[0] + made[1])
    assert sorted(c.text for c in claims) == sorted(f"{n}{i}" for n in "xy" for i in range(rounds))
    assert {(c.status, c.note) for c in claims} == {("verified", "done")}
