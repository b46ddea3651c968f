"""Word documents: paragraphs and tables in order, the core title, and hostile archives refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx  # python-docx, only to write real fixtures
import pytest
from refusal import refusal_reason

from factdesk.sources import docx as docx_reader
from factdesk.sources import read_source

MIB = 1024 * 1024
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _write_word_doc(path: Path, *, title: str | None) -> None:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.add_paragraph("Starmer to meet Trump")
    document.add_paragraph("Sir Keir said:\t‘We will play our part.’\u00a0")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Year"
    table.cell(0, 1).text = "Spending"
    table.cell(1, 0).text = "2025"
    table.cell(1, 1).text = "2.5% of GDP"
    paragraph = document.add_paragraph()
    paragraph.add_run("Line one").add_break()
    paragraph.add_run("line two 🇺🇦")
    document.add_paragraph("(")
    document.add_paragraph("Getty Images)")
    document.save(str(path))


def _write_zip(path: Path, members: dict[str, bytes | str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _document_xml(body: str) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def test_real_word_document(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    _write_word_doc(path, title="Paris summit briefing")
    doc = read_source(path)
    assert doc.text == (
        "Starmer to meet Trump\n"
        "Sir Keir said:\t‘We will play our part.’\u00a0\n"
        "Year\nSpending\n2025\n2.5% of GDP\n"
        "Line one\nline two 🇺🇦\n"
        "(\nGetty Images)"
    )
    assert (doc.title, doc.format) == ("Paris summit briefing", "docx")
    assert [doc.text[n.start : n.end] for n in doc.noise] == ["(", "Getty Images)"]


def test_title_falls_back_to_first_line(tmp_path: Path) -> None:
    path = tmp_path / "untitled.docx"
    _write_word_doc(path, title=None)
    assert read_source(path).title == "Starmer to meet Trump"


def test_fallback_content_and_deleted_text_are_not_read_twice(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (
        f'<w:p xmlns:mc="{mc}"><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice>"
        "<mc:Fallback><w:t>box again</w:t></mc:Fallback></mc:AlternateContent>"
        "<w:r><w:noBreakHyphen/><w:t>end</w:t></w:r></w:p>"
    )
    path = tmp_path / "edits.docx"
    _write_zip(
        path, {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": _document_xml(body)}
    )
    assert read_source(path).text == "Kept box-end"


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(bytes(range(256)) * 8)
    assert refusal_reason(path) == "is not a valid Word document (it is not a zip archive)"


def test_old_doc_or_password_protected_file(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert refusal_reason(path) == (
        "is not a valid Word document (it is password-protected or an old .doc file)"
    )


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    _write_zip(path, {"[Content_Types].xml": CONTENT_TYPES, "word/other.xml": "<x/>"})
    assert refusal_reason(path) == "is not a valid Word document (it has no word/document.xml)"


def test_truncated_zip(tmp_path: Path) -> None:
    whole = tmp_path / "whole.docx"
    _write_word_doc(whole, title="T")
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole.read_bytes()[:3000])
    assert refusal_reason(path).startswith("is not a valid Word document (")


def test_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    _write_zip(path, {"word/document.xml": "<w:document><w:body><w:p>"})
    assert refusal_reason(path).startswith("is not a valid Word document (word/document.xml: ")


@pytest.mark.parametrize("encoding", ["utf-7", "shift_jis", "x-no-such-encoding"])
def test_xml_declaring_an_encoding_expat_cannot_read(tmp_path: Path, encoding: str) -> None:
    # Found by fuzzing: pyexpat raised ValueError or LookupError, not SourceError.
    body = _document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>")
    path = tmp_path / "odd.docx"
    _write_zip(path, {"word/document.xml": body.replace('"1.0"', f'"1.0" encoding="{encoding}"')})
    assert refusal_reason(path) == (
        "is not a valid Word document (word/document.xml: its character encoding is not supported)"
    )


def test_entity_declaration_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    path = tmp_path / "laughs.docx"
    _write_zip(path, {"word/document.xml": laughs})
    assert refusal_reason(path) == "is not a valid Word document (it declares XML entities)"


def test_entity_declaration_in_core_properties_is_refused(tmp_path: Path) -> None:
    core = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    body = _document_xml("<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
    path = tmp_path / "core.docx"
    _write_zip(path, {"word/document.xml": body, "docProps/core.xml": core})
    assert refusal_reason(path) == "is not a valid Word document (it declares XML entities)"


def test_zip_bomb_by_total_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", _document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>"))
        with archive.open("word/media/zeros.bin", "w") as member:
            chunk = bytes(MIB)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 2 * MIB
    assert (
        refusal_reason(path)
        == "looks like a zip bomb: it would unpack to 300.0 MB, over the 256 MB limit"
    )


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_word_does_not_use_is_refused_unread(tmp_path: Path, method: int) -> None:
    # Found by fuzzing: a damaged LZMA part raised LZMAError, not SourceError. And zipfile
    # inflates bzip2 and LZMA parts without a size bound, so one lying about its size could fill
    # memory (tests/sources/test_limits.py). Word only stores or deflates.
    path = tmp_path / "odd.docx"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("word/document.xml", _document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>"))
    assert refusal_reason(path) == (
        "is not a valid Word document (word/document.xml uses a compression Word does not use)"
    )


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_part_of_several_megabytes_is_read_whole(tmp_path: Path, method: int) -> None:
    # Parts are inflated and parsed a megabyte at a time; nothing may be lost at the seams.
    lines = [f"Paragraph {n} said ‘{n * 7919}’." for n in range(30_000)]
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    path = tmp_path / "long.docx"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("word/document.xml", _document_xml(body))
    assert read_source(path).text == "\n".join(lines)


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", _document_xml("<w:p/>") + " " * (2 * MIB))
    message = refusal_reason(path)
    assert message.startswith("looks like a zip bomb: word/document.xml is compressed ")
    assert message.endswith(" to 1")


def test_document_part_over_its_own_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.docx"
    paragraphs = "".join(f"<w:p><w:r><w:t>Paragraph {n}</w:t></w:r></w:p>" for n in range(100))
    _write_zip(path, {"word/document.xml": _document_xml(paragraphs)})
    assert refusal_reason(path).startswith(
        "looks like a zip bomb: word/document.xml would unpack to "
    )


def test_password_protected_member(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    _write_zip(path, {"word/document.xml": _document_xml("<w:p/>")})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in the local header and the central directory entry.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    assert refusal_reason(path) == "is not a valid Word document (it is password-protected)"


def test_only_empty_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    _write_zip(
        path, {"word/document.xml": _document_xml("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")}
    )
    assert refusal_reason(path) == "has no text to import"
