"""Content going out: every fact sheet format, written from a hostile desk and read back the
way its reader would (pypdf, a CommonMark renderer, the csv module, json and an HTML parser)."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from security_helpers import (
    BAD_EVIDENCE,
    BREAKOUT,
    BREAKOUT_TEXT,
    CITATION,
    DOI,
    OUTLET,
    SAFE_LINK,
    SPEAKER,
    Hostile,
    Listener,
    read_document,
    write_png,
)

from factdesk.core.errors import KnownError
from factdesk.core.statuses import STATUSES
from factdesk.factsheet import pdf
from factdesk.factsheet.csv_out import render_csv
from factdesk.factsheet.gather import ExportRequest, sheet_from_desk, signature_from_env
from factdesk.factsheet.html import STYLESHEET, render_html, render_parts
from factdesk.factsheet.jsonld import render_jsonld
from factdesk.factsheet.markdown import render_markdown
from factdesk.factsheet.model import FactSheet

WEB = ("http://", "https://")
FORMULA = ("=", "+", "-", "@")


def _sheet(desk: Any, fmt: str, *, title: str = "Council checks") -> FactSheet:
    """Every claim of the desk, gathered as the window and the command line gather them."""
    request = ExportRequest(fmt=fmt, target=Path(f"unused.{fmt}"), statuses=STATUSES, title=title)
    return sheet_from_desk(desk, request)


def flat(text: str) -> str:
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Without any whitespace: Qt breaks a long path anywhere, and pypdf reads the break."""
    return "".join(text.split())


class _Tags(HTMLParser):
    """Start tags with their attributes, and the text between them (entities decoded)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


# -- PDF (and the HTML behind it, which the print preview paints too) ----------------------


class _RecordingDocument(QTextDocument):
    """A QTextDocument that notes each resource Qt asks it for (images, style sheets)."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> Any:
        self.requested.append(name.toString())
        return super().loadResource(kind, name)


def _requests(markup: str) -> list[str]:
    """Lay out and paint `markup` as pdf.py does; return the resources Qt asked for."""
    doc = _RecordingDocument()
    doc.setDefaultStyleSheet(STYLESHEET)
    doc.setHtml(markup)
    doc.setTextWidth(600)
    image = QImage(600, 200, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    return doc.requested


def test_the_resource_probe_sees_an_image_load(tmp_path: Path) -> None:
    """The probe works: markup with an image makes Qt ask for the file (so the next test's
    empty list means no request, not a blind probe)."""
    probe = write_png(tmp_path / "probe.png").as_uri()
    assert _requests(f'<p>Budget <img src="{probe}"></p>') == [probe]


def test_pdf_parts_ask_qt_for_no_resource_and_link_only_the_web(
    hostile: Hostile, desk: Any
) -> None:
    family = pdf.font_family()
    for part in render_parts(_sheet(desk, "pdf")):
        for markup in filter(None, (part.html, *part.pieces, part.continued)):
            assert _requests(markup) == []
            shown = read_document(pdf._document(markup, family, 600))  # pdf.py's own layout
            assert shown.images == 0
            assert all(link.startswith(WEB) for link in shown.links), shown.links


def test_pdf_shows_markup_as_text_and_fetches_nothing(
    hostile: Hostile, desk: Any, tmp_path: Path, listener: Listener
) -> None:
    from factdesk.factsheet.export import write_sheet

    target = tmp_path / "sheet.pdf"
    write_sheet(_sheet(desk, "pdf"), "pdf", target)
    reader = pypdf.PdfReader(target)
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    for literal in (hostile.title, hostile.file_img, hostile.remote_img, OUTLET, SPEAKER, BREAKOUT):
        assert squeezed(literal) in text
    uris = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or ()
        if "/A" in annotation.get_object()
    ]
    # http(s) evidence is a link (percent-encoded); scripts, files and data are text only
    assert sorted(uris) == sorted(
        [hostile.evidence_page, "https://example.org/report?a=1&b=%3Cx%3E"]
    )
    for source in BAD_EVIDENCE:
        assert squeezed(source) in text
    assert listener.connections == []


def test_html_escapes_every_field_and_links_only_the_web(hostile: Hostile, desk: Any) -> None:
    markup = render_html(_sheet(desk, "pdf"))
    parsed = _Tags(markup)
    for tag, attrs in parsed.tags:
        assert tag not in {"img", "script", "iframe", "object", "link", "style", "base"} or (
            tag == "style" and not attrs
        )
        assert "src" not in attrs and not any(name.startswith("on") for name in attrs)
        assert "url(" not in attrs.get("style", "")
        if tag == "a" and "href" in attrs:
            assert attrs["href"].startswith(WEB), attrs["href"]
    text = "".join(parsed.text)
    for literal in (hostile.title, hostile.file_img, hostile.remote_img, OUTLET, SPEAKER, BREAKOUT):
        assert literal in text
    assert "&lt;img src=" in markup and "<img" not in markup


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_renders_as_the_literal_text(hostile: Hostile, desk: Any) -> None:
    """Rendered by a CommonMark renderer (with GFM tables and strikethrough), the sheet has
    only the structure the exporter wrote, and every field reads exactly as typed."""
    markdown_it = pytest.importorskip("markdown_it")
    sheet = _sheet(desk, "md", title="Checks for #1 ##")
    source = render_markdown(sheet)
    renderer = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parsed = _Tags(renderer.render(source))
    tags = [tag for tag, _ in parsed.tags]
    assert set(tags) <= {"h1", "h2", "p", "strong", "em", "blockquote", "hr", "ul", "li", "a"}
    assert tags.count("h1") == 1 and tags.count("h2") == len(sheet.claims)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(href.startswith(WEB) for href in hrefs)
    text = flat("".join(parsed.text))
    for literal in (
        "Checks for #1 ##",  # a heading's trailing "#" run is text, not its closing sequence
        f"{BREAKOUT} We are number one ##",
        hostile.title,
        hostile.claim_text,
        hostile.note,  # two images, "# not a heading", a table row and a formula
        OUTLET,
        SPEAKER,
        *(source.strip() for source in BAD_EVIDENCE),
    ):
        assert flat(literal) in text, literal


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("per_highlight", [False, True], ids=["per-claim", "per-highlight"])
def test_csv_cells_round_trip_and_none_starts_a_formula(
    hostile: Hostile, desk: Any, per_highlight: bool
) -> None:
    rows = list(
        csv.DictReader(io.StringIO(render_csv(_sheet(desk, "csv"), per_highlight=per_highlight)))
    )
    for row in rows:
        for column, cell in row.items():
            # after any leading whitespace (an import that trims spaces would remove it)
            assert not cell.lstrip().startswith(FORMULA), (column, cell)
            assert not cell.startswith(("\t", "\r")), (column, cell)
    by_id = {row["claim_id" if per_highlight else "id"]: row for row in rows}
    claim, breakout, formula = (
        by_id[str(n)] for n in (hostile.claim, hostile.breakout, hostile.formula)
    )
    # quotes, commas, line breaks and markup come back exactly; formulas with one "'" in front
    assert claim["speaker"] == SPEAKER
    assert claim["note"] == hostile.note
    assert (breakout["speaker"], breakout["note"]) == (
        "'=cmd|' /C calc'!A0",
        "'@SUM(1+1)*cmd|' /C calc'!A0",
    )
    assert (formula["claim"], formula["speaker"]) == (
        "'-2+3 is in the minutes",
        "'+44 20 7946 0000",
    )
    assert formula["note"] == "'=tab first"
    if per_highlight:
        assert formula["quotation"] == "'  =2+3 was pasted"  # whitespace does not hide it
    else:
        assert formula["quotations"] == "“=2+3 was pasted” [doc 2]"


# -- JSON-LD ---------------------------------------------------------------------------------


def test_json_ld_cannot_end_the_script_element_it_is_published_in(
    hostile: Hostile, desk: Any
) -> None:
    text = render_jsonld(_sheet(desk, "json"))
    assert not {"<", ">", "&"} & set(text)  # as \u003c, \u003e, \u0026 inside the strings
    reviews = {r["claimReviewed"]: r for r in json.loads(text)["@graph"]}
    assert BREAKOUT_TEXT in reviews and hostile.claim_text in reviews  # unchanged once parsed
    page = _Tags(f'<script type="application/ld+json">{text}</script><p>after</p>')
    assert [tag for tag, _ in page.tags] == ["script", "p"]
    assert json.loads(page.text[0]) == json.loads(text)


def test_json_ld_cites_and_links_only_web_addresses_and_words(
    hostile: Hostile, desk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviews = json.loads(render_jsonld(_sheet(desk, "json")))["@graph"]
    review = next(r for r in reviews if r["claimReviewed"] == hostile.claim_text)
    # javascript:, vbscript:, data: and file: evidence is not published; DOIs and words are
    assert review["citation"] == [
        SAFE_LINK,
        hostile.evidence_page,
        CITATION,
        DOI,
        hostile.pasted_evidence,  # text, escaped like every string in the file
    ]
    for appearance in (a for r in reviews for a in r["itemReviewed"].get("appearance", ())):
        assert appearance.get("url") is None or appearance["url"].startswith(WEB)
    for site in ("javascript:alert(1)", "file:///srv/www/sheet.html", "data:text/html,x"):
        monkeypatch.setenv("FACTDESK_SITE_URL", site)
        with pytest.raises(KnownError, match="not an http"):
            signature_from_env()
