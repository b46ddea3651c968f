"""Content coming in: an HTML page is read, never run or fetched from; a Word file's XML may
declare no DTD or entity; names taken from documents never become file paths."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl
from security_helpers import OUTLET, TRAVERSAL_TITLE, Hostile, Listener

from factdesk.factsheet.gather import ExportRequest, export_from_desk
from factdesk.sources import SourceError, read_source
from factdesk.ui.drops import local_paths

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# What the hostile page holds only inside elements that are never article text.
NEVER_TEXT = (
    "SCRIPT-RAN",
    "NOSCRIPT-TEXT",
    "IFRAME-TEXT",
    "OBJECT-TEXT",
    "SVG-TEXT",
    "ALT-TEXT",
    "import.css",
    "bg.png",
    "Ignored title",
)


def test_html_import_fetches_nothing_and_keeps_only_text(
    hostile: Hostile, desk: Any, listener: Listener
) -> None:
    """<img>, <link>, <script src>, <iframe>, <object>, <video>, CSS url() and a meta refresh
    all point at the listener: the import makes no connection and keeps none of their content."""
    page = desk.document(hostile.page_doc)
    assert listener.connections == []
    for hidden in NEVER_TEXT:
        assert hidden not in page.text
    # markup the article shows as text (escaped in its HTML) is kept as text, decoded once
    assert page.info.title == hostile.title
    assert hostile.remote_img in page.text
    assert "Entities decode once: &lt;b&gt; stays as typed, and so does AT&T." in page.text
    assert page.info.outlet == OUTLET  # metadata is text too; every output escapes it
    assert page.info.url is None  # <link rel=canonical href="javascript:..."> is not a URL


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "  JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "//evil.example/protocol-relative",
        "/relative/path",
    ],
)
def test_only_absolute_http_addresses_are_kept_as_a_page_url(tmp_path: Path, address: str) -> None:
    """The article's URL is linked from fact sheets, so it must be a web address or nothing."""
    for markup in (
        f'<link rel="canonical" href="{address}">',
        f'<meta property="og:url" content="{address}">',
    ):
        page = tmp_path / "page.html"
        page.write_text(f"<html><head>{markup}</head><body><p>Text.</p></body></html>")
        assert read_source(page).url is None


def _docx(path: Path, document_xml: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document_xml)
    return path


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document SYSTEM "{base}/external.dtd">',
        '<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "{base}/param.dtd"> %remote;]>',
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{base}/xxe.txt">]>',
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["external-dtd", "parameter-entity", "external-entity", "local-file-entity"],
)
def test_word_xml_with_a_dtd_is_refused_without_fetching(
    tmp_path: Path, listener: Listener, doctype: str
) -> None:
    """expat never loads external entities by itself; the reader also stops at the DOCTYPE, so
    neither an entity expansion (billion laughs) nor an external reference (XXE) is read."""
    body = (
        f'<?xml version="1.0"?>{doctype.format(base=listener.base)}'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Text &xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).replace("&xxe;", "&xxe;" if "xxe" in doctype else "")
    path = _docx(tmp_path / "entities.docx", body)
    with pytest.raises(SourceError) as refused:
        read_source(path)
    assert refused.value.reason == "is not a valid Word document (it declares XML entities)"
    assert listener.connections == []


def test_document_titles_never_become_file_paths(
    hostile: Hostile, desk: Any, tmp_path: Path
) -> None:
    """An export writes its target and a temporary file beside it, named from the target only:
    a title such as "../../outside/evil:CON|name" names no file anywhere. (Neither the window
    nor the command line suggests a file name: the person chooses every target.)"""
    assert desk.document(hostile.traversal_doc).info.title == TRAVERSAL_TITLE
    desk.link(hostile.claim, hostile.traversal_doc, quote="A short article")
    out = tmp_path / "out"
    out.mkdir()
    before = set(tmp_path.rglob("*"))
    targets = {out / f"sheet.{fmt}" for fmt in ("pdf", "csv", "json", "md")}
    for target in targets:
        request = ExportRequest(
            fmt=target.suffix[1:], target=target, statuses=("false",), title=TRAVERSAL_TITLE
        )
        assert export_from_desk(desk, request).path == target
    assert set(tmp_path.rglob("*")) - before == targets
    assert not (tmp_path.parent / "outside").exists()


def test_a_dropped_web_address_is_ignored_not_fetched(listener: Listener) -> None:
    """Dragging a link from a browser onto the window imports nothing and fetches nothing."""
    mime = QMimeData()
    mime.setUrls([QUrl(f"{listener.base}/article.html"), QUrl("https://example.org/a.html")])
    assert local_paths(mime) == []
    assert listener.connections == []
