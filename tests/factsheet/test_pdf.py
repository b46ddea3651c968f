"""PDF fact sheets read back with pypdf: text, embedded fonts, footers, links, page breaks."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
from factsheet_helpers import (
    FALSE_TEXT,
    GENERATED,
    IN_PROGRESS_TEXT,
    MISLEADING_TEXT,
    UNCHECKED_TEXT,
    UNVERIFIABLE_TEXT,
    VERIFIED_TEXT,
    flat,
    sheet_of,
)

from factdesk.factsheet import pdf
from factdesk.factsheet.export import write_sheet
from factdesk.factsheet.html import Part, render_parts
from factdesk.factsheet.model import ClaimBlock, Evidence, FactSheet, Quotation, SourceRef


@pytest.fixture(autouse=True)
def _gui(qapp: Any) -> None:
    """pytest-qt's QApplication first: a QGuiApplication made here would serve later widget
    tests in this process, and widgets need a QApplication."""


def _pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in pypdf.PdfReader(path).pages]


def _sheet(count: int, *, note_words: int = 12) -> FactSheet:
    """Claims of varied length, each ending in a marker: a block's last words."""
    source = SourceRef(1, "The Article", "The Outlet", "2025-02-17", "https://example.org/a")
    blocks = []
    for n in range(1, count + 1):
        quotes = tuple(
            Quotation(f"quoted words {n}.{k}", source, 0, 1, raw_before="before the quote ")
            for k in range(1 + n % 4)
        )
        note = " ".join(["checked"] * (note_words * (1 + n % 5))) + f" END{n}"
        evidence = (Evidence("https://example.org/e"),)
        text = f"Claim text number {n}"
        blocks.append(
            ClaimBlock(n, text, "A Speaker", "2025-02-17", "false", note, "t", quotes, evidence)
        )
    return FactSheet("Long", "desk", "Jo", None, None, GENERATED, tuple(blocks))


def test_every_exported_claim_and_none_left_out(filled: Any, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    written = write_sheet(sheet_of(filled), "pdf", target)
    text = " ".join(_pages(target))
    for claim in (VERIFIED_TEXT, FALSE_TEXT, MISLEADING_TEXT, UNVERIFIABLE_TEXT):
        assert claim in text
    for left_out in (UNCHECKED_TEXT, IN_PROGRESS_TEXT):
        assert left_out not in text
    assert "committed to spending 2.5 per cent of GDP on defence." in text
    assert "Matches the Treasury's published plan. See the spending review." in text
    assert "<script>alert('x')</script>" in text  # markup from the article shows as text
    assert written.pages == len(pypdf.PdfReader(target).pages)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["sheet.pdf"]


def test_fonts_are_embedded(filled: Any, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    write_sheet(sheet_of(filled), "pdf", target)
    fonts = {}
    for page in pypdf.PdfReader(target).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    assert any("DejaVuSans" in name for name in fonts)
    assert any("Bold" in name for name in fonts)
    for name, descriptor in fonts.items():
        assert "/FontFile2" in descriptor, name


def test_footer_numbers_every_page(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    pages = pdf.render_pdf(render_parts(_sheet(10)), target, footer="desk · Long")
    texts = _pages(target)
    assert pages == len(texts) > 2
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {pages}" in text
        assert "desk · Long" in text


def test_a_claim_that_fits_on_a_page_is_never_split(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    sheet = _sheet(24)
    pdf.render_pdf(render_parts(sheet), target)
    texts = _pages(target)
    for claim in sheet.claims:
        starts = [i for i, t in enumerate(texts) if f"Claim text number {claim.id} " in t + " "]
        ends = [i for i, t in enumerate(texts) if f"END{claim.id} " in t + " "]
        assert len(starts) == 1 and starts == ends, (claim.id, starts, ends)


def test_a_claim_longer_than_a_page_flows_on_between_its_items(tmp_path: Path) -> None:
    sheet = _sheet(3)
    source = sheet.claims[0].quotations[0].source
    many = tuple(Quotation(f"quotation {k} " + "word " * 40, source, 0, 1) for k in range(60))
    long = sheet.claims[1]._replace(quotations=many)
    sheet = replace(sheet, claims=(sheet.claims[0], long, sheet.claims[2]))
    target = tmp_path / "long.pdf"
    pages = pdf.render_pdf(render_parts(sheet), target)
    texts = _pages(target)
    assert pages >= 3
    assert "Claim text number 2" in texts[1]  # a long claim starts a page
    assert "Claim 2, continued" in texts[2]  # …and says so on the pages it flows onto
    assert "END2" in texts[-1] and "Claim text number 3" in texts[-1]  # the next follows on
    for k in range(60):  # every quotation once: none lost or doubled at a page break
        assert sum(t.count(f"quotation {k} word") for t in texts) == 1


def test_an_item_longer_than_a_page_is_broken_between_lines(tmp_path: Path) -> None:
    sheet = _sheet(3)
    long = sheet.claims[1]._replace(note=" ".join(f"w{i}" for i in range(2500)) + " END2")
    sheet = replace(sheet, claims=(sheet.claims[0], long, sheet.claims[2]))
    target = tmp_path / "long.pdf"
    pages = pdf.render_pdf(render_parts(sheet), target)
    texts = _pages(target)
    assert pages >= 4
    # pypdf sometimes splits a word at a line end ("w\n841"): compare without whitespace
    joined = "".join("".join(texts).split())
    assert all(re.search(rf"w{i}(?!\d)", joined) for i in range(2500))
    ends = next(i for i, t in enumerate(texts) if "END2" in t)
    assert "END2 EVIDENCE https://example.org/e" in texts[ends]  # the claim's next item follows
    assert "Claim text number 3" in " ".join(texts[ends:])


@pytest.mark.parametrize(("size", "box"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_sizes(filled: Any, tmp_path: Path, size: str, box: tuple[int, int]) -> None:
    target = tmp_path / f"{size}.pdf"
    write_sheet(sheet_of(filled), "pdf", target, page_size=size)
    page = pypdf.PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_web_links_are_clickable_and_nothing_else_is(filled: Any, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    write_sheet(sheet_of(filled), "pdf", target)
    uris = []
    for page in pypdf.PdfReader(target).pages:
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A")
            if action is not None:
                uris.append(str(action.get_object()["/URI"]))
    assert set(uris) == {"https://www.gov.uk/defence-spending?year=2025&x=%3Cb%3E"}


def test_progress_is_reported_page_by_page(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    pages = pdf.render_pdf(render_parts(_sheet(12)), tmp_path / "p.pdf", progress=_append(seen))
    assert seen == [(n, pages) for n in range(1, pages + 1)]


def _append(seen: list[tuple[int, int]]) -> Any:
    return lambda done, total: seen.append((done, total))


def test_a_high_resolution_device_gets_the_same_pages(tmp_path: Path) -> None:
    """The print preview paints on a printer at its own resolution: the layout is scaled."""
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    parts = render_parts(_sheet(10))
    pdf.render_pdf(parts, tmp_path / "96.pdf")
    writer = QPdfWriter(str(tmp_path / "1200.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            pdf.MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    pdf.paint_pages(parts, writer)
    del writer  # closes the file
    assert _pages(tmp_path / "1200.pdf") == _pages(tmp_path / "96.pdf")


def test_a_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "_family", None)
    monkeypatch.setattr(pdf, "FONT_FILES", ("NoSuchFont.ttf",))
    with pytest.raises(pdf.FontError, match=r"NoSuchFont\.ttf is missing"):
        pdf.render_pdf([Part("<p>x</p>")], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_failed_render_leaves_no_file(
    filled: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> int:
        raise pdf.FontError("the fact sheet font could not be loaded")

    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"previous sheet")
    monkeypatch.setattr(pdf, "paint_pages", broken)
    with pytest.raises(pdf.FontError):
        write_sheet(sheet_of(filled), "pdf", target)
    assert target.read_bytes() == b"previous sheet"
    assert [p.name for p in tmp_path.iterdir() if "sheet" in p.name] == ["sheet.pdf"]
