"""Desk.export_csv reads the desk with plain sqlite3 straight into the sheet's rows: its file
must be byte for byte the one the general exporter (factsheet.gather) writes from the desk's
records, for every option, on a desk full of awkward content."""

from __future__ import annotations

import dataclasses
import itertools
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factdesk.core.errors import NotFoundError
from factdesk.core.statuses import STATUSES, VERDICTS
from factdesk.factsheet.gather import ExportRequest, export_from_desk
from factdesk.factsheet.write import ExportError
from factdesk.services import ClaimUpdate, Desk

PAGE = """<html><head><title>x</title>
<meta property="og:site_name" content="The “Daily”, Example">
<meta property="article:published_time" content="2025-02-17T09:00:00Z">
<link rel="canonical" href="https://example.org/news/a,b?q=&quot;1&quot;">
</head><body><article><h1>Summit: “pace”, 'scale' &amp; Ünïcödé — “quotes”</h1>
<p>Sir Keir said the alliance, "for now", would hold. Mr Macron agreed, he said.</p>
<p>=SUM(A1:A9) was printed in the briefing notes, with +44 20 7946 0000.</p>
<p>Ministers met  twice\u00a0on Monday;\nthe talks go on.</p>
</article></body></html>
"""
ARTICLE = """Leaders, “allies” and the "ceasefire" question
Sir Keir Starmer said: ‘This is a once-in-a-generation moment.’
@handle wrote that -2% was the figure, a "formula" =1+1.
Zelensky 🇺🇦 said the plan, again, was "not enough".
A double  spaced\tquote, with\u00a0a no-break space.
"""
PASTED = '\t=HYPERLINK("http://x")\n  -leading spaces then a formula\nPlain line, with a comma.'


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """Built once: the tests only read it."""
    tmp_path = tmp_path_factory.mktemp("awkward")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    desk = Desk.open(tmp_path / "awkward.factdesk", editor="tester")
    report = desk.import_files([folder / "page.html", folder / "article.txt"])
    assert [d.id for d in report.imported] == [1, 2]
    assert report.imported[0].outlet and report.imported[0].url and report.imported[0].published
    pasted = desk.import_text(PASTED, title="Pasted, “as is”").value.id
    text1, text2 = desk.document(1).text, desk.document(2).text

    def span(doc_text: str, words: str) -> tuple[int, int]:
        start = doc_text.index(words)
        return start, start + len(words)

    formula = desk.add_claim(
        1, span=span(text1, "=SUM(A1:A9)"), speaker="Keir Starmer", status="verified",
        note="line one\nline two, \"quoted\"", date="2025-02-17",
    ).value  # fmt: skip
    desk.add_alias("Keir Starmer", "Sir Keir")
    desk.add_evidence(formula.id, "https://example.org/a,b", "a note, with “quotes”")
    desk.add_evidence(formula.id, "=cmd|' /C calc'!A0")
    desk.link(formula.id, 2, span=span(text2, "once-in-a-generation"))
    desk.link(formula.id, 1, span=span(text1, "Ministers met twice\u00a0on Monday; the"))
    desk.link(formula.id, 2, span=span(text2, "double  spaced\tquote, with\u00a0a"))
    start, end = span(text2, "@handle wrote")
    second = desk.add_claim(2, span=(start, end + 5), text="+44 is a number", status="false")
    desk.link(second.value.id, 2, span=(start, end))  # the same start: the shorter comes first
    desk.add_claim(
        2, span=span(text2, "not enough"), text=" =1+1 hides behind a space",
        speaker="Volodymyr Zelensky", status="misleading", note="@note",
    )  # fmt: skip
    desk.add_claim(pasted, span=(0, 5), text="-tab then formula", status="unverifiable")
    desk.add_claim(1, span=span(text1, "alliance"), text="No status yet")
    gone = desk.add_claim(
        2, span=span(text2, "Zelensky"), text="Its highlight is gone", status="in_progress"
    ).value
    desk.unlink(gone.spans[0].id)
    orphan = desk.add_claim(1, span=span(text1, "agreed"), text="Orphaned", status="verified")
    highlight = desk.unlink(orphan.value.spans[0].id).value
    desk.restore_highlight(dataclasses.replace(highlight, anchor="orphan"))
    desk.update_claim(orphan.value.id, ClaimUpdate(speaker="Emmanuel Macron"))
    yield desk
    desk.close()


def _both(desk: Desk, tmp_path: Path, **options: Any) -> tuple[bytes, bytes]:
    fast, general = tmp_path / "fast.csv", tmp_path / "general.csv"
    statuses = options.pop("statuses", VERDICTS)
    count = desk.export_csv(fast, statuses=statuses, **options)
    written = export_from_desk(
        desk, ExportRequest(fmt="csv", target=general, statuses=statuses, **options)
    )
    assert count == written.claims
    return fast.read_bytes(), general.read_bytes()


FILTERS: list[dict[str, Any]] = [
    {},
    {"statuses": STATUSES},
    {"statuses": ("verified",)},
    {"statuses": ("unchecked", "in_progress")},
    {"statuses": STATUSES, "doc_id": 1},
    {"statuses": STATUSES, "doc_id": 2},
    {"statuses": VERDICTS, "doc_id": 3},
    {"statuses": STATUSES, "speaker": "Keir Starmer"},
    {"statuses": STATUSES, "speaker": " sir  KEIR "},
    {"statuses": STATUSES, "speaker": "Nobody"},
    {"statuses": ("false",), "speaker": "Sir Keir"},
]


@pytest.mark.parametrize(
    ("filters", "bom", "per_highlight"),
    list(itertools.product(FILTERS, [False, True], [False, True])),
)
def test_the_file_is_the_general_exporters_byte_for_byte(
    awkward: Desk, tmp_path: Path, filters: dict[str, Any], bom: bool, per_highlight: bool
) -> None:
    fast, general = _both(awkward, tmp_path, bom=bom, per_highlight=per_highlight, **filters)
    assert fast == general


def test_the_awkward_desk_is_awkward(awkward: Desk, tmp_path: Path) -> None:
    fast, _ = _both(awkward, tmp_path, statuses=STATUSES, per_highlight=True)
    text = fast.decode("utf-8")
    for needle in ("'=SUM(A1:A9)", '""quoted""', "\r\n", "Ünïcödé", "'@note", "'+44", "'\t="):
        assert needle in text
    assert (
        "(no longer found in the article)"
        in _both(awkward, tmp_path, statuses=STATUSES)[0].decode()
    )


def test_an_unknown_document_is_refused_as_the_general_exporter_refuses_it(
    awkward: Desk, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError) as fast:
        awkward.export_csv(tmp_path / "x.csv", statuses=VERDICTS, doc_id=99)
    with pytest.raises(NotFoundError) as general:
        export_from_desk(awkward, ExportRequest(fmt="csv", target=tmp_path / "y.csv", doc_id=99))
    assert str(fast.value) == str(general.value)
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob(".*.part"))


def test_a_target_that_cannot_be_written_is_refused_before_any_work(
    awkward: Desk, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        awkward.export_csv(tmp_path, statuses=VERDICTS)
    with pytest.raises(ExportError, match="the desk file itself"):
        awkward.export_csv(awkward.path, statuses=VERDICTS)
    with pytest.raises(ExportError, match="the folder does not exist"):
        awkward.export_csv(tmp_path / "missing" / "x.csv", statuses=VERDICTS)


def test_a_claims_spans_come_in_document_and_offset_order(awkward: Desk) -> None:
    for claim in awkward.claims(statuses=STATUSES):
        keys = [(s.doc, s.start, s.end, s.id) for s in claim.spans]
        assert keys == sorted(keys)
    (second,) = awkward.claims(statuses=("false",))
    assert [s.end - s.start for s in second.spans] == [13, 18]  # same start: shorter first
    assert second.spans[0].id > second.spans[1].id  # although it was linked second


# Characters that make CSV cells and quotation lines awkward: formula starts, every kind of
# whitespace (Python's strip() and split() take all of them), quote marks, commas.
_AWKWARD = [
    *'=+-@"\',;“”‘’ \t\r\n\x0b\x0c\x1c\x85\xa0\u1680\u2003\u2028\u2029\u3000é🇺🇦',
    "  ", "word", "Ab", "1", "\x00", "\u200b", "\xad",
]  # fmt: skip


def _awkward_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_AWKWARD) for _ in range(size))


@pytest.fixture(scope="module")
def random_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """Hundreds of claims whose every text field is made of awkward characters, written
    straight into the desk's tables (as an older factdesk or another tool might have left
    them: no stripping, leading whitespace before formulas, orphans, no highlights)."""
    tmp_path = tmp_path_factory.mktemp("random")
    desk = Desk.open(tmp_path / "random.factdesk", editor="tester")
    rng = random.Random(20261123)
    for n in range(3):
        desk.import_text(f"Document {n} " + _awkward_text(rng, 400), title=_awkward_text(rng, 9))
    conn = sqlite3.connect(desk.path)
    with conn:
        conn.execute(
            "UPDATE document SET outlet = ?, published = '2025-02-17', url = ? WHERE id = 2",
            (_awkward_text(rng, 6), "https://example.org/a," + _awkward_text(rng, 3)),
        )
        for n in range(12):
            conn.execute("INSERT INTO speaker (name) VALUES (?)", (f"{n}{_awkward_text(rng, 6)}",))
        for claim in range(1, 401):
            conn.execute(
                "INSERT INTO claim (text, speaker_id, said_on, status, note, created_at,"
                " updated_at, version) VALUES (?, ?, ?, ?, ?, 'x', ?, 1)",
                (
                    _awkward_text(rng, rng.randint(0, 12)),
                    rng.choice([None, *range(1, 13)]),
                    rng.choice([None, "2025-02-17"]),
                    rng.choice(STATUSES),
                    _awkward_text(rng, rng.randint(0, 8)),
                    f"2026-11-23T10:{claim % 60:02}:00Z",
                ),
            )
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
                start = rng.randrange(0, 390)
                conn.execute(
                    'INSERT OR IGNORE INTO highlight (claim_id, document_id, start, "end", quote,'
                    " prefix, suffix, anchor, created_at) VALUES (?, ?, ?, ?, ?, '', '', ?, 'x')",
                    (
                        claim, rng.randint(1, 3), start, start + rng.randint(1, 9),
                        _awkward_text(rng, rng.randint(1, 9)),
                        rng.choice(["ok", "fuzzy", "orphan"]),
                    ),
                )  # fmt: skip
            if rng.random() < 0.1:
                conn.execute(
                    "INSERT INTO evidence (claim_id, source, note, created_at)"
                    " VALUES (?, ?, ?, 'x')",
                    (claim, _awkward_text(rng, 5), rng.choice(["", _awkward_text(rng, 4)])),
                )
    conn.close()
    yield desk
    desk.close()


@pytest.mark.parametrize("filters", FILTERS[:4])
def test_random_desks_give_the_general_exporters_bytes(
    random_desk: Desk, tmp_path: Path, filters: dict[str, Any]
) -> None:
    fast, general = _both(random_desk, tmp_path, **filters)
    assert fast == general
    assert fast.count(b"\r\n") > 30  # the sheet is not empty
