"""`factdesk export`: the four formats, the filters, the signature, and one-line refusals."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest

from factdesk.cli import parser as cli_parser
from factdesk.cli.main import main
from factdesk.factsheet import export as factsheet_export

SRC = Path(__file__).parents[2] / "src"


@pytest.fixture
def deskfile(tmp_path: Path, articles: list[Path], capsys: pytest.CaptureFixture[str]) -> Path:
    """A desk made through the command line: two articles and five claims, four with a
    verdict (1 verified, 2 false, 3 misleading, 4 unverifiable), one unchecked (5)."""
    path = tmp_path / "cli.factdesk"
    for args in (
        ["import", *map(str, articles)],
        ["claim", "add", "1", "--quote", "2.5 per cent of GDP", "--text", "Defence at 2.5%",
         "--speaker", "Keir Starmer", "--date", "2025-02-17", "--status", "verified",
         "--note", "Matches the plan"],
        ["claim", "add", "2", "--quote", "Mark Rutte will attend", "--text", "Rutte attends",
         "--status", "false", "--note", "=cmd|' /C calc'!A0"],
        ["claim", "add", "1", "--quote", "We cannot allow any divisions", "--text",
         "No divisions", "--speaker", "Keir Starmer", "--status", "misleading"],
        ["claim", "add", "2", "--quote", "Starmer to visit Washington", "--text",
         "Visit next week", "--status", "unverifiable"],
        ["claim", "add", "1", "--quote", "Paris summit", "--text", "Summit in Paris"],
    ):  # fmt: skip
        assert main(["--desk", str(path), *args]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], deskfile: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--desk", str(deskfile), "export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_of_the_verdicts_by_default(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.csv"
    code, out, err = run(capsys, deskfile, "csv", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"wrote {target}: 4 claims\n"
    rows = _csv(target)
    assert [r["claim"] for r in rows] == [
        "Defence at 2.5%",
        "Rutte attends",
        "No divisions",
        "Visit next week",
    ]
    assert rows[1]["note"] == "'=cmd|' /C calc'!A0"


def test_filters_by_status_document_and_speaker(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.csv"
    cases = [
        (["--status", "false", "--status", "unchecked"], ["Rutte attends", "Summit in Paris"]),
        (["--doc", "2"], ["Rutte attends", "Visit next week"]),
        (["--speaker", "keir starmer"], ["Defence at 2.5%", "No divisions"]),
        (["--doc", "1", "--status", "verified"], ["Defence at 2.5%"]),
    ]
    for filters, expected in cases:
        code, _, err = run(capsys, deskfile, "csv", "-o", str(target), *filters)
        assert code == 0, err
        assert [r["claim"] for r in _csv(target)] == expected, filters


def test_csv_options(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.csv"
    code, _, err = run(capsys, deskfile, "csv", "-o", str(target), "--bom", "--per-highlight")
    assert code == 0, err
    assert target.read_bytes().startswith(b"\xef\xbb\xbfclaim_id,claim,")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = rows[0]
    assert (first["claim_id"], first["document_id"], first["quotation"]) == (
        "1",
        "1",
        "2.5 per cent of GDP",
    )


def test_markdown_and_title(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.md"
    code, _, err = run(capsys, deskfile, "md", "-o", str(target), "--title", "Summit *checks*")
    assert (code, err) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Summit \\*checks\\*\n\nDesk: cli · Generated ")
    assert "committed to spending **2.5 per cent of GDP** on defence." in text
    assert "Summit in Paris" not in text


def test_json_signature_from_the_environment(capsys, deskfile, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FACTDESK_ORGANISATION", "The Example Desk")
    monkeypatch.setenv("FACTDESK_SITE_URL", "https://factcheck.example.org/summit")
    target = tmp_path / "sheet.json"
    code, _, err = run(capsys, deskfile, "json", "-o", str(target))
    assert (code, err) == (0, "")
    reviews = json.loads(target.read_text(encoding="utf-8"))["@graph"]
    assert len(reviews) == 4
    assert reviews[0]["author"]["name"] == "The Example Desk"
    assert reviews[0]["url"] == "https://factcheck.example.org/summit#claim-1"
    assert reviews[0]["reviewRating"]["alternateName"] == "True"


def test_json_leaves_out_claims_without_a_verdict_and_says_so(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.json"
    code, out, err = run(
        capsys, deskfile, "json", "-o", str(target), "--status", "unchecked", "--status", "false"
    )
    assert code == 0
    assert out == f"wrote {target}: 1 claim\n"
    assert err == "factdesk: 1 claim without a verdict left out (a ClaimReview needs one)\n"


def test_pdf(capsys, deskfile, tmp_path, qapp: Any) -> None:
    target = tmp_path / "sheet.pdf"
    code, out, err = run(capsys, deskfile, "pdf", "-o", str(target), "--page-size", "letter")
    assert (code, err) == (0, "")
    assert out == f"wrote {target}: 4 claims, 1 page\n"
    reader = pypdf.PdfReader(target)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Defence at 2.5%" in text and "Summit in Paris" not in text
    assert "page 1 of 1" in text
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_an_empty_sheet_is_written_with_a_warning(capsys, deskfile, tmp_path) -> None:
    target = tmp_path / "sheet.csv"
    code, out, err = run(capsys, deskfile, "csv", "-o", str(target), "--speaker", "Nobody")
    assert code == 0
    assert out == f"wrote {target}: 0 claims\n"
    assert err == "factdesk: no claims match; the fact sheet is empty\n"
    assert target.read_text(encoding="utf-8").startswith("id,claim,")


@pytest.mark.parametrize(
    "args",
    [
        ["csv"],  # no -o
        ["docx", "-o", "x.docx"],
        ["csv", "-o", "x.csv", "--status", "done"],
        ["csv", "-o", "x.csv", "--page-size", "a4"],
        ["pdf", "-o", "x.pdf", "--page-size", "a5"],
        ["pdf", "-o", "x.pdf", "--bom"],
        ["md", "-o", "x.md", "--per-highlight"],
        ["csv", "-o", "x.csv", "--doc", "one"],
        ["csv", "-o", "x.csv", "--title", " "],
        ["csv", "-o", ""],
    ],
)
def test_usage_errors_exit_2(capsys, deskfile, args) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--desk", str(deskfile), "export", *args])
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_refusals_are_one_line_and_write_nothing(capsys, deskfile, tmp_path, monkeypatch) -> None:
    (tmp_path / "afile").write_text("x")
    cases = [
        (["csv", "-o", str(tmp_path / "missing" / "s.csv")], "the folder does not exist"),
        (["csv", "-o", str(tmp_path / "afile" / "s.csv")], "the folder does not exist"),
        (["csv", "-o", str(tmp_path)], "it is a folder"),
        (["csv", "-o", str(deskfile)], "it is the desk file itself"),
        (["csv", "-o", str(tmp_path / "s.csv"), "--doc", "9"], "the desk has no document 9"),
    ]
    before = sorted(tmp_path.iterdir())
    desk_bytes = deskfile.read_bytes()
    for args, reason in cases:
        code, out, err = run(capsys, deskfile, *args)
        assert (code, out) == (1, ""), args
        assert err.startswith("factdesk: ") and err.count("\n") == 1, err
        assert reason in err, (reason, err)
    monkeypatch.setenv("FACTDESK_SITE_URL", "javascript:alert(1)")
    code, _, err = run(capsys, deskfile, "csv", "-o", str(tmp_path / "s.csv"))
    assert code == 1 and "FACTDESK_SITE_URL is not an http(s) address" in err
    assert sorted(tmp_path.iterdir()) == before
    assert deskfile.read_bytes() == desk_bytes


def test_export_never_creates_a_desk(capsys, tmp_path) -> None:
    missing = tmp_path / "typo" / "desk.factdesk"
    code, out, err = run(capsys, missing, "csv", "-o", str(tmp_path / "s.csv"))
    assert (code, out) == (1, "")
    assert "no such desk" in err
    assert not (tmp_path / "typo").exists() and not (tmp_path / "s.csv").exists()


def test_the_parser_offers_what_the_exporter_writes() -> None:
    assert cli_parser.EXPORT_FORMATS == factsheet_export.FORMATS
    assert cli_parser.PAGE_SIZES == factsheet_export.PAGE_SIZES


def _process(deskfile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    code = (
        "import sys\nfrom factdesk.cli.main import main\n"
        f"sys.exit(main(['--desk', {str(deskfile)!r}, 'export', *{list(args)!r}]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**env, "PYTHONPATH": str(SRC)},
    )


def test_pdf_in_a_fresh_process_with_no_screen(deskfile: Path, tmp_path: Path) -> None:
    """The command line makes its own offscreen QGuiApplication: no display, no variable."""
    target = tmp_path / "sheet.pdf"
    result = _process(deskfile, "pdf", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Defence at 2.5%" in " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())


def test_csv_json_and_markdown_need_no_qt(deskfile: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "for m in ('PySide6', 'qasync', 'shiboken6'): sys.modules[m] = None\n"
        "from factdesk.cli.main import main\n"
        f"for fmt in ('csv', 'json', 'md'):\n"
        f"    out = {str(tmp_path)!r} + '/s.' + fmt\n"
        f"    assert main(['--desk', {str(deskfile)!r}, 'export', fmt, '-o', out]) == 0\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr
    for fmt in ("csv", "json", "md"):
        assert (tmp_path / f"s.{fmt}").stat().st_size > 0


def test_status_takes_several_values_after_one_flag_or_repeated(tmp_path) -> None:
    from factdesk.cli.parser import build_parser

    parser = build_parser()
    out = str(tmp_path / "x.csv")
    one = parser.parse_args(["export", "csv", "-o", out, "--status", "verified", "false"])
    repeated = parser.parse_args(
        ["export", "csv", "-o", out, "--status", "verified", "--status", "false"]
    )
    assert one.status == repeated.status == ["verified", "false"]
    assert parser.parse_args(["claims", "--status", "misleading"]).status == ["misleading"]
