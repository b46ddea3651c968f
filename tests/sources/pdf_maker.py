"""Write small, valid PDFs by hand (Helvetica text, correct xref offsets) for the importer tests."""

from __future__ import annotations

import zlib

_LEADING = 16


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with ( ) \\ escaped."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte > 126 or byte < 32:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def _content(lines: list[str]) -> bytes:
    """A content stream showing `lines` top to bottom, one text line each."""
    ops = [b"BT", b"/F1 12 Tf", b"%d TL" % _LEADING, b"72 720 Td"]
    for index, line in enumerate(lines):
        if index:
            ops.append(b"T*")
        ops.append(_pdf_string(line) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) if lines else b""


def make_pdf(pages: list[list[str]], *, title: str | None = None, compress: bool = False) -> bytes:
    """A PDF with one page per item of `pages` (each a list of text lines); /Title if given.

    `compress` stores the page contents FlateDecode-compressed, as most real PDFs do.
    """
    page_count = len(pages)
    first_page = 4  # 1 catalog, 2 page tree, 3 font, then (page, contents) pairs
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(page_count))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % page_count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        contents = first_page + 2 * index + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % contents
        )
        objects.append(_stream(_content(lines), compress=compress))
    info = None
    if title is not None:
        objects.append(b"<< /Title " + _pdf_string(title) + b" /Producer (pdf_maker) >>")
        info = len(objects)
    return _assemble(objects, info)


def _stream(data: bytes, *, compress: bool) -> bytes:
    """A stream object's body: its dictionary, then the (possibly compressed) bytes."""
    if compress:
        data = zlib.compress(data)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble(objects: list[bytes], info: int | None) -> bytes:
    """Header, numbered objects, a cross-reference table with true byte offsets, trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
