"""`factdesk suggest`, `matches` and the speaker commands: JSON keys, effects, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main

ARTICLE = """\
Transport Secretary Daniel Okoro visited the quay on Monday.

“The money is there for 18 bridges,” Mr Okoro said. “The question is whether the
contractors are.”

The works will cost £41m, about 2.5 per cent of the budget.
"""
REPORT = "“The money is there for 18 bridges,” the minister told the Echo on Tuesday.\n"


def run(capsys: pytest.CaptureFixture[str], desk: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--desk", str(desk), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.factdesk"
    files = []
    for name, text in (("a.txt", ARTICLE), ("b.txt", REPORT)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    assert run(capsys, path, "import", *map(str, files))[0] == 0
    return path


def test_suggest_json_keys_and_speakers(capsys, desk) -> None:
    code, out, err = run(capsys, desk, "suggest", "1", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert {"kind", "start", "end", "text", "speaker", "score"} <= set(found[0])
    quotes = [s for s in found if s["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == ["Daniel Okoro", "Daniel Okoro"]
    assert quotes[1]["text"] == "The question is whether the\ncontractors are."
    figures = {s["figure"] for s in found if s["kind"] == "number"}
    assert {"18 bridges", "£41m", "about 2.5 per cent of the budget"} <= figures
    text = (desk.parent / "a.txt").read_text(encoding="utf-8")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in found)


def test_suggest_accept_makes_claims_and_learns_the_alias(capsys, desk) -> None:
    code, out, _ = run(capsys, desk, "suggest", "1", "--accept")
    assert code == 0
    assert out.count("Daniel Okoro") == 2
    assert "now known as “Mr Okoro” too" in out
    _, out, _ = run(capsys, desk, "claims", "--json")
    assert [c["speaker"] for c in json.loads(out)] == ["Daniel Okoro", "Daniel Okoro"]
    _, out, _ = run(capsys, desk, "speakers", "--json")
    assert json.loads(out) == [{"id": 1, "name": "Daniel Okoro", "aliases": ["Mr Okoro"]}]


def test_matches_json_and_link(capsys, desk) -> None:
    run(capsys, desk, "claim", "add", "1", "--quote", "The money is there for 18 bridges")
    code, out, err = run(capsys, desk, "matches", "1", "--json")
    assert code == 0, err
    (match,) = json.loads(out)
    assert set(match) == {"doc", "start", "end", "text", "score", "diff"}
    assert match["doc"] == 2
    assert match["text"] == "The money is there for 18 bridges"
    assert match["diff"] == [
        {"op": "equal", "claim": "The money is there for 18 bridges",
         "report": "The money is there for 18 bridges"}
    ]  # fmt: skip
    assert run(capsys, desk, "matches", "1", "--link")[0] == 0
    _, out, _ = run(capsys, desk, "claims", "--json")
    assert [s["doc"] for s in json.loads(out)[0]["spans"]] == [1, 2]


def test_speaker_commands_refuse_in_one_line(capsys, desk) -> None:
    run(capsys, desk, "claim", "add", "1", "--quote", "18 bridges", "--speaker", "D. Okoro")
    run(capsys, desk, "claim", "add", "2", "--quote", "on Tuesday", "--speaker", "Daniel Okoro")
    assert run(capsys, desk, "speaker", "alias", "Daniel Okoro", "the Transport Secretary")[0] == 0
    code, _, err = run(capsys, desk, "speaker", "alias", "D. Okoro", "the Transport Secretary")
    assert code == 1
    assert err.count("\n") == 1
    assert "already names a speaker" in err
    code, out, err = run(capsys, desk, "speaker", "merge", "D. Okoro", "Daniel Okoro")
    assert code == 0, err
    _, out, _ = run(capsys, desk, "claims", "--json")
    assert {c["speaker"] for c in json.loads(out)} == {"Daniel Okoro"}
    code, _, err = run(capsys, desk, "speaker", "unalias", "nobody at all")
    assert code == 1
    assert "is not an alias" in err
