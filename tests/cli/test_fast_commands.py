"""`factdesk import` and `factdesk export csv` run without SQLAlchemy (their budgets are
measured from process start) and still refuse what every command refuses: a damaged desk, a
desk from a newer factdesk (untouched), and they upgrade an older one after a backup."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.desk_damage import wreck

from factdesk.cli.main import main
from factdesk.core.statuses import STATUSES
from factdesk.db.deskfile import HEAD, read_revision
from factdesk.factsheet.gather import ExportRequest, export_from_desk
from factdesk.services import Desk

FIXTURES = Path(__file__).parents[1] / "fixtures" / "desks"
SRC = Path(__file__).parents[2] / "src"
# runs the command in a fresh interpreter and says which heavy packages it loaded
PROBE = """
import sys
from factdesk.cli.main import main
code = main(sys.argv[1:])
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "alembic"})
print("LOADED", ",".join(heavy) or "-", code, file=sys.stderr)
"""


def _probe(*args: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC), "FACTDESK_BACKUP_KEEP": "0"},
        check=False,
    )
    loaded = [line for line in done.stderr.splitlines() if line.startswith("LOADED")]
    assert loaded, done.stderr
    return done.returncode, loaded[-1].split()[1], done.stderr


def test_import_and_csv_export_never_load_sqlalchemy(tmp_path: Path, articles: list[Path]) -> None:
    desk = tmp_path / "new.factdesk"
    code, loaded, err = _probe("--desk", str(desk), "import", *map(str, articles))
    assert (code, loaded) == (0, "-"), err
    with Desk.open(desk) as opened:  # a claim to export (through the services, as usual)
        opened.add_claim(1, quote="2.5 per cent of GDP", status="verified")
    out = tmp_path / "sheet.csv"
    code, loaded, err = _probe("--desk", str(desk), "export", "csv", "-o", str(out))
    assert (code, loaded) == (0, "-"), err
    assert "2.5 per cent of GDP" in out.read_text(encoding="utf-8")


def test_the_command_writes_what_the_general_exporter_writes(
    tmp_path: Path, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "desk.factdesk"
    with Desk.open(path) as desk:
        desk.import_files(articles)
        first = desk.add_claim(1, quote="2.5 per cent of GDP", speaker="Keir Starmer").value
        desk.add_claim(2, quote="Mark Rutte will attend", status="false", note='=1+1, "no"')
        desk.link(first.id, 2, quote="once in a generation moment")
        expected = tmp_path / "expected.csv"
        export_from_desk(
            desk, ExportRequest(fmt="csv", target=expected, statuses=STATUSES, bom=True)
        )
    out = tmp_path / "out.csv"
    args = ["--desk", str(path), "export", "csv", "-o", str(out), "--status", *STATUSES, "--bom"]
    assert main(args) == 0
    assert capsys.readouterr().out == f"wrote {out}: 2 claims\n"
    assert out.read_bytes() == expected.read_bytes()


@pytest.mark.parametrize("backups", ["10", "0"])  # found by the backup's check, or the read
def test_a_damaged_desk_is_refused(
    tmp_path: Path,
    articles: list[Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    backups: str,
) -> None:
    monkeypatch.setenv("FACTDESK_BACKUP_KEEP", backups)
    path = tmp_path / "desk.factdesk"
    with Desk.open(path) as desk:
        desk.import_files(articles)
        for n in range(60):  # enough pages to damage below the schema
            desk.import_text(f"Note {n}\n" + "Filler text for a bigger desk. " * 40)
    wreck(path)
    out = tmp_path / "sheet.csv"
    assert main(["--desk", str(path), "export", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factdesk: ") and "damaged" in err and err.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob(".sheet.csv.*"))


def test_a_newer_desk_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.factdesk"
    shutil.copy(FIXTURES / f"schema-{HEAD}.factdesk", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for args in (["export", "csv", "-o", str(tmp_path / "x.csv")], ["import", __file__]):
        assert main(["--desk", str(path), *args]) == 1
        err = capsys.readouterr().err
        assert "newer version of factdesk" in err and err.count("\n") == 1
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_an_older_desk_is_upgraded_after_a_backup_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.factdesk"
    shutil.copy(FIXTURES / "schema-0001.factdesk", path)
    out = tmp_path / "sheet.csv"
    assert main(["--desk", str(path), "export", "csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out}: 1 claim\n"
    assert read_revision(path) == HEAD
    (backup,) = tmp_path.glob("old.schema-0001.*.bak.factdesk")
    assert read_revision(backup) == "0001"
    assert "Keir Starmer" in out.read_text(encoding="utf-8")
