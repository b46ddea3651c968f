"""CSV fact sheets read back with the csv module: columns, rows, multi-line cells, injection."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from factsheet_helpers import FALSE_TEXT, MISLEADING_TEXT, VERIFIED_TEXT, sheet_of

from factdesk.factsheet.csv_out import CLAIM_COLUMNS, HIGHLIGHT_COLUMNS, neutralise, render_csv
from factdesk.factsheet.export import write_sheet
from factdesk.services import ClaimUpdate


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_claim_with_every_column(filled: Any) -> None:
    text = render_csv(sheet_of(filled, texts=False))
    assert text.startswith(",".join(CLAIM_COLUMNS) + "\r\n")
    rows = _rows(text)
    assert [r["claim"] for r in rows][:3] == [VERIFIED_TEXT, FALSE_TEXT, MISLEADING_TEXT]
    first = rows[0]
    assert (first["id"], first["speaker"], first["date"], first["status"]) == (
        "1",
        "Keir Starmer",
        "2025-02-17",
        "verified",
    )
    # multi-line cells survive the round trip: a note's line break, one evidence item per line
    assert first["note"] == "Matches the Treasury's published plan.\nSee the spending review."
    assert first["evidence"].splitlines() == [
        "https://www.gov.uk/defence-spending?year=2025&x=<b> — Plan",
        "Hansard, 17 February 2025, col. 42",
        "javascript:alert(1) — not a link",
    ]
    assert first["quotations"] == "“2.5 per cent of GDP” [doc 1]"
    assert first["sources"] == "[doc 1] Prime Minister pledges support for Ukraine at Paris summit"
    assert first["updated"].endswith("Z")


def test_one_row_per_highlight(filled: Any) -> None:
    rows = _rows(render_csv(sheet_of(filled, statuses=()), per_highlight=True))
    assert list(rows[0]) == list(HIGHLIGHT_COLUMNS)
    moment = [r for r in rows if r["status"] == "in_progress"]
    assert sorted(r["document_id"] for r in moment) == ["1", "2"]
    assert len(rows) == 7  # six claims, one of them quoted twice
    council = next(r for r in rows if r["claim"] == MISLEADING_TEXT)
    text = filled.document(int(council["document_id"])).text
    assert text[int(council["start"]) : int(council["end"])] == council["quotation"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(start: str) -> None:
    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise(f"a{start}1") == f"a{start}1"


def test_formulas_from_the_desk_arrive_as_text(filled: Any) -> None:
    filled.add_evidence(2, "-2+3", "")
    filled.update_claim(1, ClaimUpdate(text="+44 20 7946 0000 is the number", speaker="@handle"))
    rows = _rows(render_csv(sheet_of(filled)))
    assert rows[0]["claim"] == "'+44 20 7946 0000 is the number"
    assert rows[0]["speaker"] == "'@handle"
    assert rows[1]["note"] == "'=1+1 he did not"
    assert rows[1]["evidence"] == "'-2+3"
    assert rows[2]["evidence"] == "'@SUM(A1)"
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_file_is_utf8_with_an_optional_bom(filled: Any, tmp_path: Any) -> None:
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    write_sheet(sheet_of(filled, texts=False), "csv", plain)
    write_sheet(sheet_of(filled, texts=False), "csv", excel, bom=True)
    assert plain.read_bytes().startswith(b"id,claim,")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfid,claim,")
    with excel.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 4
    assert "— Plan" in plain.read_text(encoding="utf-8")  # UTF-8, not a legacy code page


def test_an_empty_sheet_is_just_the_header(filled: Any) -> None:
    text = render_csv(sheet_of(filled, speaker="Nobody"))
    assert text == ",".join(CLAIM_COLUMNS) + "\r\n"


def test_a_claim_quoted_in_two_articles_names_both(filled: Any) -> None:
    (row,) = _rows(render_csv(sheet_of(filled, statuses=["in_progress"], texts=False)))
    quotes, sources = row["quotations"].splitlines(), row["sources"].splitlines()
    assert len(quotes) == len(sources) == 2
    assert "“once in a generation moment” [doc 2]" in quotes
    cited = [line.rsplit("[doc ", 1)[1].rstrip("]") for line in quotes]
    assert [line.split("]")[0].removeprefix("[doc ") for line in sources] == cited
