"""The command-line contract of DESIGN §4: commands, JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.cli.main import main

DOC_KEYS = {"id", "title", "source", "words", "sha256"}
CLAIM_KEYS = {"id", "text", "speaker", "date", "status", "note", "spans"}
SPAN_KEYS = {"doc", "start", "end", "quote"}


@pytest.fixture
def deskfile(tmp_path: Path) -> Path:
    return tmp_path / "cli.factdesk"


def run(capsys: pytest.CaptureFixture[str], deskfile: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--desk", str(deskfile), *args])
    out, err = capsys.readouterr()
    return code, out, err


def factdesk(deskfile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as a script would run it."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    return subprocess.run(
        [sys.executable, "-m", "factdesk", "--desk", str(deskfile), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_import_prints_one_json_object_per_document(capsys, deskfile, articles) -> None:
    code, out, err = run(capsys, deskfile, "import", *map(str, articles), "--json")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [set(d) for d in docs] == [DOC_KEYS, DOC_KEYS]
    assert docs[0]["source"] == str(articles[0])
    assert len(docs[0]["sha256"]) == 64

    code, out, err = run(capsys, deskfile, "import", *map(str, articles))
    assert (code, out) == (0, "")
    assert err.count("skipped") == 2
    assert "already document 1" in err

    code, out, _ = run(capsys, deskfile, "docs", "--json")
    assert [d["id"] for d in json.loads(out)] == [1, 2]


def test_rejected_files_exit_1_with_one_line_each(capsys, deskfile, articles, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(capsys, deskfile, "import", str(bad), str(articles[0]), "nope.md")
    assert code == 1
    assert out.startswith("imported 1\t")
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"rejected {bad}: ")
    assert lines[1].startswith("rejected nope.md: ")


def test_claim_add_finds_the_quote_and_returns_its_exact_span(capsys, deskfile, articles) -> None:
    run(capsys, deskfile, "import", *map(str, articles))
    code, out, err = run(
        capsys,
        deskfile,
        "claim",
        "add",
        "1",
        "--quote",
        "2.5 per cent of GDP",
        "--speaker",
        "Keir Starmer",
        "--date",
        "2025-02-17",
        "--json",
    )
    assert code == 0, err
    claim = json.loads(out)
    assert set(claim) == CLAIM_KEYS
    (span,) = claim["spans"]
    assert set(span) == SPAN_KEYS
    text = articles[0].read_text(encoding="utf-8")
    assert text[span["start"] : span["end"]] == span["quote"] == "2.5 per cent of GDP"
    assert (claim["speaker"], claim["date"], claim["status"]) == (
        "Keir Starmer",
        "2025-02-17",
        "unchecked",
    )

    code, out, _ = run(capsys, deskfile, "show", "1")
    assert out == text


def test_repeated_quote_lists_offsets_and_asks_for_span(capsys, deskfile, articles) -> None:
    run(capsys, deskfile, "import", str(articles[0]))
    code, out, err = run(capsys, deskfile, "claim", "add", "1", "--quote", "national security")
    assert code == 1
    assert out == ""
    assert "occurs 2 times" in err
    assert "--span" in err
    assert len(err.strip().splitlines()) == 1
    offsets = err.split("(at ")[1].split(")")[0].split(", ")
    start, end = map(int, offsets[1].split(":"))
    code, out, err = run(
        capsys, deskfile, "claim", "add", "1", "--span", f"{start}:{end}", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["spans"][0]["start"] == start


def test_claim_set_link_and_filters(capsys, deskfile, articles) -> None:
    run(capsys, deskfile, "import", *map(str, articles))
    run(capsys, deskfile, "claim", "add", "2", "--quote", "once in a generation moment")
    code, _, err = run(
        capsys,
        deskfile,
        "claim",
        "set",
        "1",
        "--status",
        "verified",
        "--note",
        "Said at the Paris summit",
        "--speaker",
        "Keir Starmer",
    )
    assert code == 0, err
    code, _, err = run(capsys, deskfile, "claim", "link", "1", "1", "--span", "61:105")
    assert code == 0, err
    code, out, _ = run(capsys, deskfile, "claims", "--status", "verified", "--json")
    (claim,) = json.loads(out)
    assert claim["note"] == "Said at the Paris summit"
    assert sorted(s["doc"] for s in claim["spans"]) == [1, 2]
    for status, expected in (("unchecked", []), ("false", [])):
        assert json.loads(run(capsys, deskfile, "claims", "--status", status, "--json")[1]) == (
            expected
        )
    assert len(json.loads(run(capsys, deskfile, "claims", "--doc", "1", "--json")[1])) == 1
    assert (
        len(json.loads(run(capsys, deskfile, "claims", "--speaker", "keir starmer", "--json")[1]))
        == 1
    )
    code, out, _ = run(capsys, deskfile, "claim", "history", "1", "--json")
    assert [h["field"] for h in json.loads(out)][-4:] == ["speaker", "status", "note", "highlight"]


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "add", "1"],  # neither --quote nor --span
        ["claim", "add", "1", "--quote", "a", "--span", "1:2"],
        ["claim", "add", "x", "--quote", "a"],
        ["claim", "add", "1", "--span", "5:2"],
        ["claim", "add", "1", "--span", "abc"],
        ["claim", "add", "1", "--quote", "a", "--date", "17/02/2025"],
        ["claim", "add", "1", "--quote", "a", "--status", "done"],
        ["claims", "--status", "nonsense"],
        ["frobnicate"],
        ["show", "99999999999999999999"],  # beyond SQLite's INTEGER
        ["claim", "add", "1", "--span", "٣:٥"],  # Arabic-Indic digits are not offsets
        ["--desk", "", "docs"],
    ],
)
def test_usage_errors_exit_2(capsys, deskfile, args) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args if args[0] == "--desk" else ["--desk", str(deskfile), *args])
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_refusals_exit_1_with_one_line(capsys, deskfile, articles) -> None:
    run(capsys, deskfile, "import", str(articles[0]))
    for args in (
        ["show", "9"],
        ["claim", "set", "7", "--status", "false"],
        ["claim", "add", "1", "--quote", "never said"],
        ["claim", "add", "1", "--span", "0:999999"],
    ):
        code, out, err = run(capsys, deskfile, *args)
        assert (code, out) == (1, ""), args
        assert err.startswith("factdesk: ") and err.count("\n") == 1, err


def test_a_second_process_sees_the_claim_and_bad_input_has_no_traceback(
    deskfile: Path, articles: list[Path], tmp_path: Path
) -> None:
    first = factdesk(deskfile, "import", *map(str, articles))
    assert first.returncode == 0, first.stderr
    added = factdesk(deskfile, "claim", "add", "1", "--quote", "2.5 per cent of GDP", "--json")
    assert added.returncode == 0, added.stderr
    listed = factdesk(deskfile, "claims", "--json")
    assert json.loads(listed.stdout) == [json.loads(added.stdout)]

    not_a_desk = tmp_path / "notes.txt"
    not_a_desk.write_text("hello")
    for result in (
        factdesk(not_a_desk, "docs"),
        factdesk(deskfile, "import", str(tmp_path)),
        factdesk(deskfile, "claim", "add", "1", "--quote", "nowhere"),
    ):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert "not a factdesk desk" in factdesk(not_a_desk, "docs").stderr
    assert not_a_desk.read_text() == "hello"


def test_reading_commands_never_create_a_desk(capsys, tmp_path) -> None:
    missing = tmp_path / "typo" / "desk.factdesk"
    for args in (["docs"], ["claims"], ["show", "1"]):
        code, out, err = run(capsys, missing, *args)
        assert (code, out) == (1, "")
        assert "no such desk" in err
    assert not (tmp_path / "typo").exists()
