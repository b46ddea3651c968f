"""PDFs: the text layer page by page, the /Title, and damaged, locked or scanned files refused."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pypdf
import pytest
from pdf_maker import make_pdf
from refusal import refusal_reason

from factdesk.sources import read_source
from factdesk.sources.pdf import clean_page

PAGES = [
    ["Starmer warns Trump over Ukraine", "Sir Keir said: “We will play our part (fully).”"],
    ["Defence spending will rise to 2.5% of GDP, costing £6bn.", "(", "Getty Images)"],
]


def _write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _encrypted(user_password: str, owner_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pages_in_order_with_blank_line_between(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, make_pdf(PAGES)))
    assert doc.text == (
        "Starmer warns Trump over Ukraine\n"
        "Sir Keir said: “We will play our part (fully).”\n\n"
        "Defence spending will rise to 2.5% of GDP, costing £6bn.\n(\nGetty Images)"
    )
    assert (doc.title, doc.format) == ("Starmer warns Trump over Ukraine", "pdf")
    assert [n.kind for n in doc.noise] == ["credit", "credit"]


def test_title_from_document_info(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, make_pdf(PAGES, title="Briefing: Paris summit")))
    assert doc.title == "Briefing: Paris summit"


def test_blank_title_in_document_info_is_ignored(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, make_pdf(PAGES, title="   ")))
    assert doc.title == "Starmer warns Trump over Ukraine"


def test_empty_pages_are_skipped(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, make_pdf([["One"], [], ["Two"]])))
    assert doc.text == "One\n\nTwo"


def test_no_text_layer(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([[], []]))
    assert refusal_reason(path) == "has no text layer (a scanned PDF?)"


def test_encrypted_with_a_password(tmp_path: Path) -> None:
    path = _write(tmp_path, _encrypted("secret", "owner"))
    assert refusal_reason(path) == "is encrypted (it needs a password to open)"


def test_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, _encrypted("", "owner")))
    assert doc.text.startswith("Starmer warns Trump over Ukraine\n")


@pytest.mark.parametrize("cut", [20, 200, 400])
def test_truncated(tmp_path: Path, cut: int) -> None:
    path = _write(tmp_path, make_pdf(PAGES)[:cut])
    assert refusal_reason(path).startswith("is not a readable PDF (")


def test_garbage(tmp_path: Path) -> None:
    path = _write(tmp_path, b"%PDF-1.4\n" + bytes(range(256)) * 4)
    reason = refusal_reason(path)
    assert reason.startswith("is not a readable PDF (") and reason.endswith(")")
    assert len(reason) < 120


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = _write(tmp_path, b"Just some text, saved with the wrong suffix.\n")
    assert refusal_reason(path).startswith("is not a readable PDF (")


def test_pypdf_warnings_go_to_our_logger_at_debug_level(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = make_pdf(PAGES).replace(b"startxref\n", b"startxref\n1")  # a wrong xref pointer
    with caplog.at_level(logging.DEBUG, logger="factdesk.sources.pdf"):
        read_source(_write(tmp_path, data))
    ours = [r for r in caplog.records if r.name == "factdesk.sources.pdf"]
    assert ours and all(r.levelno == logging.DEBUG for r in ours)
    assert any("startxref" in r.getMessage() for r in ours)
    # pytest hooks its own handlers onto non-propagating loggers, so check the switch itself.
    assert logging.getLogger("pypdf").propagate is False


def test_pypdf_warnings_are_not_even_built_unless_debugging(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Found by fuzzing: a damaged PDF gave 55,000 warnings, and building them took 3.4 s of a
    # 5 s read, outside any deadline check.
    caplog.set_level(logging.INFO, logger="factdesk.sources.pdf")
    data = make_pdf(PAGES).replace(b"startxref\n", b"startxref\n1")
    read_source(_write(tmp_path, data))
    assert not logging.getLogger("pypdf").isEnabledFor(logging.WARNING)
    assert not [r for r in caplog.records if r.name == "factdesk.sources.pdf"]


def test_clean_page_squeezes_tabs_and_trailing_spaces() -> None:
    raw = "Sir\tKeir \t said:  \u00a0‘yes’ \t\r\nnext line   \n\n\x00end\ud800"
    assert clean_page(raw) == "Sir Keir said: \u00a0‘yes’\nnext line\n\nend\ufffd"
