"""Hypothesis strategies that damage real-shaped files the ways real files get damaged.

Three layers, combined at random: byte-level mutations any fuzzer makes (overwrite, insert,
delete, duplicate, cut, splice with another seed, flip bits, format keywords); structure-aware
ones for Word files (change one XML part, then zip it up again; or lie in a zip header); and
text-level ones for HTML and the Word XML parts (drop or repeat tags, unbalanced quotes, a huge
attribute, deep nesting, constructs left open, odd entities and charsets).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from fuzz_seeds import seeds, zip_bytes
from hypothesis import strategies as st

Draw = st.DrawFn
ByteOp = Callable[[Draw, bytes, str], bytes]
TextOp = Callable[[Draw, str], str]

# Bytes each format's parser looks for; inserting them reaches code random bytes never do.
_TEXT_TOKENS = (
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00", b"\x1a", b"\x0c",
    b"\r", b"\r\n", b"\xe2\x80\xa8", b"\xc2\xa0", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xc0\xaf", b"\x81", b"\x8d", b"---\n", b"...\n", b"title: ", b"# ", b"*", b"_", b"`", b"~~",
    b"[", b"](", b"![", b"(Image: Getty)", b"(\n", b"Getty Images)", b"Read more at ",
)  # fmt: skip
_HTML_TOKENS = (
    b"<", b">", b"</", b"<!--", b"-->", b"<!", b"<?", b"<![CDATA[", b"]]>", b"&", b"&#", b"&#x",
    b"<p>", b"</p>", b"<article>", b"</article>", b"<main>", b"<h1>", b"<br>", b"<pre>",
    b"<script>", b"</script>", b"<style>", b"<title>", b"<textarea>", b"<plaintext>", b"<svg>",
    b'<meta charset="utf-7">', b'<meta charset="utf-16">', b"\x00", b'"', b"'", b"=",
)  # fmt: skip
_ZIP_TOKENS = (
    b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07", b"PK\x07\x08",
    b"\xff\xff\xff\xff", b"\xff\xff", b"\x00\x00\x00\x00", b"word/document.xml",
    b"docProps/core.xml", b"<!DOCTYPE", b"<!ENTITY",
)  # fmt: skip
_PDF_TOKENS = (
    b"obj", b"endobj", b"stream\n", b"\nendstream", b"xref\n", b"trailer", b"startxref\n",
    b"%%EOF", b"<<", b">>", b"[", b"]", b"(", b")", b"\\", b"<FEFF", b"/Type /Pages",
    b"/Kids [4 0 R 4 0 R]", b"/Count 999999999", b"/Length 99999999", b"/Length -1",
    b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Filter [/ASCIIHexDecode /RunLengthDecode]",
    b"/Encrypt 1 0 R", b"/Parent 2 0 R", b"/Parent 4 0 R", b"1 0 R", b"0 0 R", b"99999 0 R",
    b"/Root 2 0 R", b"/Prev 0", b"/XRefStm 9", b"/Type /ObjStm /N 5 /First 3", b"1e308",
    b"/Contents [5 0 R 5 0 R]", b"/Resources << /XObject << /X1 4 0 R >> >>", b"/X1 Do",
    b"/Subtype /Form", b"/ToUnicode 3 0 R", b"beginbfchar <00> <D800> endbfchar",
    b"/Differences [0 /a 300 /b]", b"BT", b"ET", b"q", b"Q", b"Tj", b"TJ", b"T*",
    b"/F1 12 Tf", b"/F9 -0 Tf", b"1e999 0 0 1e999 0 0 cm", b"[(a) -99999999 (b)] TJ",
    b"(x) '", b"1 2 (x) \"", b"<FEFF00410042> Tj", b"<D800DC00> Tj", b"BI /W 1 /H 1 ID \x00 EI",
)  # fmt: skip
TOKENS: dict[str, tuple[bytes, ...]] = {
    "txt": _TEXT_TOKENS,
    "md": _TEXT_TOKENS,
    "html": _HTML_TOKENS,
    "docx": _ZIP_TOKENS + _HTML_TOKENS,
    "pdf": _PDF_TOKENS,
}
# Numbers that break arithmetic: zero, signs, the edges of 16, 32 and 64 bits, huge ones.
_NUMBERS = (
    b"0", b"-0", b"1", b"-1", b"2", b"255", b"65535", b"65536", b"2147483647", b"2147483648",
    b"-2147483649", b"4294967296", b"9223372036854775808", b"1" * 40, b"1.5", b"-.5", b"1e400",
)  # fmt: skip
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")
_PDF_NAME = re.compile(rb"/[A-Za-z][A-Za-z0-9]*")


def position(draw: Draw, data: bytes | str) -> int:
    """An index into `data`, ends included."""
    return draw(st.integers(0, len(data)))


def _patch(draw: Draw, importer: str) -> bytes:
    return draw(
        st.one_of(
            st.binary(min_size=1, max_size=24),
            st.sampled_from(TOKENS[importer]),
            st.sampled_from(_NUMBERS),
        )
    )


# -- byte-level mutations ---------------------------------------------------------------------


def overwrite(draw: Draw, data: bytes, importer: str) -> bytes:
    at, patch = position(draw, data), _patch(draw, importer)
    return data[:at] + patch + data[at + len(patch) :]


def insert(draw: Draw, data: bytes, importer: str) -> bytes:
    at = position(draw, data)
    return data[:at] + _patch(draw, importer) + data[at:]


def delete_range(draw: Draw, data: bytes, importer: str) -> bytes:
    at = position(draw, data)
    return data[:at] + data[at + draw(st.integers(1, 2048)) :]


def duplicate_range(draw: Draw, data: bytes, importer: str) -> bytes:
    """Copy a stretch (a paragraph, an object, a tag) somewhere else, once or many times."""
    start = position(draw, data)
    piece = data[start : start + draw(st.integers(1, 512))]
    at = position(draw, data)
    return data[:at] + piece * draw(st.integers(1, 200)) + data[at:]


def repeat_token(draw: Draw, data: bytes, importer: str) -> bytes:
    """One keyword many times over: what makes a parser slow if anything does."""
    at = position(draw, data)
    token = draw(st.sampled_from(TOKENS[importer]))
    return data[:at] + token * draw(st.integers(2, 20_000)) + data[at:]


def cut(draw: Draw, data: bytes, importer: str) -> bytes:
    return data[: position(draw, data)]


def splice(draw: Draw, data: bytes, importer: str) -> bytes:
    """The start of this file and the end of another: a mixed-up save or a bad copy."""
    donor = draw(st.sampled_from(_all_seeds()))
    return data[: position(draw, data)] + donor[position(draw, donor) :]


def flip_bits(draw: Draw, data: bytes, importer: str) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        out[draw(st.integers(0, len(out) - 1))] ^= 1 << draw(st.integers(0, 7))
    return bytes(out)


def replace_number(draw: Draw, data: bytes, importer: str) -> bytes:
    """Swap one number for an extreme one: lengths, offsets, counts, object numbers."""
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return data
    match = draw(st.sampled_from(numbers))
    return data[: match.start()] + draw(st.sampled_from(_NUMBERS)) + data[match.end() :]


def replace_pdf_name(draw: Draw, data: bytes, importer: str) -> bytes:
    """Swap one /Name for another the file uses: /Pages for /Page, /Font for /Contents."""
    names = list(_PDF_NAME.finditer(data))
    if not names:
        return data
    match = draw(st.sampled_from(names))
    other = draw(st.sampled_from(names)).group()
    return data[: match.start()] + other + data[match.end() :]


def nest(draw: Draw, data: bytes, importer: str) -> bytes:
    """Deeply nested arrays or dictionaries: recursion in a recursive-descent parser."""
    at = position(draw, data)
    opener = draw(st.sampled_from([b"[", b"<<", b"<< /A ", b"[[", b"("]))
    return data[:at] + opener * draw(st.integers(100, 5000)) + data[at:]


BYTE_OPS: tuple[ByteOp, ...] = (
    overwrite, insert, delete_range, duplicate_range, repeat_token, cut, splice, flip_bits,
    replace_number,
)  # fmt: skip
PDF_OPS: tuple[ByteOp, ...] = (replace_number, replace_pdf_name, nest)


# -- text-level mutations, for HTML and XML -----------------------------------------------------

_TAG = re.compile(r"<[^<>]*>")
_CHARSET_VALUE = re.compile(r"""(charset=["']?|encoding=["'])([^"'\s>]*)""", re.IGNORECASE)
_LD_JSON = re.compile(r"(<script type=\"application/ld\+json\">)(.*?)(</script>)", re.DOTALL)
_CHARSETS = (
    "utf-7", "utf-16", "utf-32", "utf-8", "shift_jis", "koi8-r", "iso-2022-jp", "hz", "big5",
    "cp1252", "latin1", "ascii", "mac_roman", "x-user-defined", "bogus", "", "rot13", "base64",
    "zlib", "idna", "punycode", "undefined", "unicode_escape", "utf_8_sig", "cp65001", "UTF-7",
)  # fmt: skip
_OPENERS = (
    "<!--", "<![CDATA[", "<!", "</", "<?", "<", "<a ", "<p class='x", '<img src="', "<script>",
    "<style>", "<title>", "<textarea>", "<plaintext>", "<svg>", "<math>", "<!DOCTYPE x [",
    "]]>", "-->", "<w:t>", "</w:p>", "<w:p>",
)  # fmt: skip
_ENTITIES = (
    "&#99999999999;", "&#xD800;", "&#0;", "&#x0;", "&amp", "&#", "&#x;", "&lt", "&nbsp", "&;",
    "&&&&&&&&&&", "&#1114112;", "&#x110000;", "&bogus;", "&lol;", "&#128512;",
)  # fmt: skip
_NESTING = ("<div>", "<span>", "<b><i>", "<p>", "<article>", "<li>", "<w:p>", "<w:r>", "<table>")
_JSON = (
    "[" * 5000,
    '{"@graph": ' * 300,
    "1" * 5000,
    '{"publisher": [], "datePublished": 2025}',
    '{"publisher": {"name": 5}, "datePublished": ["2025-01-01"]}',
    '{"@type": "NewsArticle", "publisher": {"name": "\\ud800 News"}}',
    '{"publisher": "\\udfff", "datePublished": "\\ud800-01-01"}',
    '{"datePublished": "99999-99-99", "publisher": {"name": "\\u0000"}}',
    '[NaN, Infinity, -Infinity, {"@graph": [[[{"publisher": "Deep"}]]]}]',
    "{not json",
)


def drop_tag(draw: Draw, text: str) -> str:
    tags = list(_TAG.finditer(text))
    if not tags:
        return text
    tag = draw(st.sampled_from(tags))
    return text[: tag.start()] + text[tag.end() :]


def duplicate_tag(draw: Draw, text: str) -> str:
    tags = list(_TAG.finditer(text))
    if not tags:
        return text
    tag = draw(st.sampled_from(tags)).group()
    at = position(draw, text)
    return text[:at] + tag * draw(st.integers(1, 50)) + text[at:]


def unbalance_quote(draw: Draw, text: str) -> str:
    """A quote inside a tag that is never closed: the attribute swallows what follows."""
    tags = list(_TAG.finditer(text))
    if not tags:
        return text
    tag = draw(st.sampled_from(tags))
    at = draw(st.integers(tag.start() + 1, max(tag.start() + 1, tag.end() - 1)))
    return text[:at] + draw(st.sampled_from(['"', "'", '="', "='"])) + text[at:]


def huge_attribute(draw: Draw, text: str) -> str:
    tags = [tag for tag in _TAG.finditer(text) if not tag.group().startswith(("</", "<!", "<?"))]
    if not tags:
        return text
    at = draw(st.sampled_from(tags)).end() - 1
    value = draw(st.sampled_from(["x", "&amp;", "'", " ", "<"])) * draw(st.integers(1, 200_000))
    return text[:at] + f' data-x="{value}"' + text[at:]


def deep_nesting(draw: Draw, text: str) -> str:
    at = position(draw, text)
    opener = draw(st.sampled_from(_NESTING))
    count = draw(st.integers(10, 5000))
    closer = (
        "".join(f"</{tag[1:]}" for tag in reversed(opener.split("><")))
        if draw(st.booleans())
        else ""
    )
    return text[:at] + opener * count + "text" + closer * draw(st.integers(0, count)) + text[at:]


def leave_open(draw: Draw, text: str) -> str:
    """A comment, tag, declaration or script that is never closed, once or many times."""
    at = position(draw, text)
    opener = draw(st.sampled_from(_OPENERS))
    return text[:at] + opener * draw(st.sampled_from([1, 1, 2, 100, 5000])) + text[at:]


def odd_entity(draw: Draw, text: str) -> str:
    at = position(draw, text)
    return text[:at] + draw(st.sampled_from(_ENTITIES)) + text[at:]


def change_charset(draw: Draw, text: str) -> str:
    """Declare another character set (or a Python codec that is not one) than the bytes use."""
    label = draw(st.sampled_from(_CHARSETS))
    declared = list(_CHARSET_VALUE.finditer(text))
    if declared and draw(st.booleans()):
        match = draw(st.sampled_from(declared))
        return text[: match.start(2)] + label + text[match.end(2) :]
    return f'<meta charset="{label}">' + text


def break_json_ld(draw: Draw, text: str) -> str:
    """Replace the JSON-LD with broken, deep or oddly typed JSON (lone surrogates included)."""
    junk = draw(st.sampled_from(_JSON))
    if _LD_JSON.search(text) is None:
        return f'<script type="application/ld+json">{junk}</script>' + text
    return _LD_JSON.sub(lambda match: match.group(1) + junk + match.group(3), text, count=1)


TEXT_OPS: tuple[TextOp, ...] = (
    drop_tag, duplicate_tag, unbalance_quote, huge_attribute, deep_nesting, leave_open,
    odd_entity, change_charset, break_json_ld,
)  # fmt: skip


def _text_mutated(draw: Draw, data: bytes) -> bytes:
    """Decode (as the seeds are written), apply text-level mutations, encode in some charset."""
    text = data.decode("utf-8", "surrogateescape")
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.sampled_from(TEXT_OPS))(draw, text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "utf-16", "utf-8-sig"]))
    return text.encode(encoding, "surrogateescape" if encoding == "utf-8" else "replace")


# -- Word files: change the parts, not just the bytes -----------------------------------------

_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _rezip(draw: Draw, members: list[tuple[str, bytes]]) -> bytes:
    """Write the parts again, with a compression method (Word uses only the first two)."""
    return zip_bytes(members, compression=draw(st.sampled_from(_METHODS)))


def mutate_parts(draw: Draw, data: bytes, importer: str) -> bytes:
    """Unzip, damage one XML part (as text or bytes) or the part list, and zip it up again."""
    members = list(_members(data).items())
    choice = draw(st.sampled_from(["text", "bytes", "drop", "rename", "duplicate", "add"]))
    index = draw(st.integers(0, len(members) - 1))
    name, part = members[index]
    if choice == "text":
        members[index] = (name, _text_mutated(draw, part))
    elif choice == "bytes":
        members[index] = (name, draw(st.sampled_from(BYTE_OPS))(draw, part, importer))
    elif choice == "drop":
        del members[index]
    elif choice == "rename":
        members[index] = (
            draw(st.sampled_from(["word/document.xml", "docProps/core.xml", "x"])),
            part,
        )
    elif choice == "duplicate":
        members.insert(draw(st.integers(0, len(members))), (name, part))
    else:
        members.append((draw(st.sampled_from(["word/document.xml", "docProps/core.xml"])), part))
    return _rezip(draw, members)


# Header fields by signature: (offset from the signature, width in bytes).
_ZIP_FIELDS: dict[bytes, tuple[tuple[int, int], ...]] = {
    b"PK\x03\x04": ((6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)),
    b"PK\x01\x02": ((8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (32, 2), (42, 4)),
    b"PK\x05\x06": ((8, 2), (10, 2), (12, 4), (16, 4), (20, 2)),
}


def lie_in_header(draw: Draw, data: bytes, importer: str) -> bytes:
    """Set one field of a zip header (a size, an offset, the method, a count) to an odd value."""
    spots = [
        (match.start(), field)
        for signature, fields in _ZIP_FIELDS.items()
        for match in re.finditer(re.escape(signature), data)
        for field in fields
    ]
    if not spots:
        return data
    start, (offset, width) = draw(st.sampled_from(spots))
    top = (1 << (8 * width)) - 1
    value = draw(
        st.one_of(
            st.sampled_from([0, 1, 2, 8, 12, 14, top, top - 1, top >> 1]), st.integers(0, top)
        )
    )
    at = start + offset
    return data[:at] + value.to_bytes(width, "little") + data[at + width :]


ZIP_OPS: tuple[ByteOp, ...] = (mutate_parts, mutate_parts, lie_in_header)


# -- putting it together ----------------------------------------------------------------------


def _all_seeds() -> list[bytes]:
    return [seed for group in seeds().values() for seed in group]


@st.composite
def mutant(draw: Draw, importer: str) -> bytes:
    """A seed of that importer's format, damaged by up to four mutations of its kinds."""
    data = draw(st.sampled_from(seeds()[importer]))
    if importer == "docx" and draw(st.booleans()):
        data = draw(st.sampled_from(ZIP_OPS))(draw, data, importer)
    elif importer == "html" and draw(st.booleans()):
        data = _text_mutated(draw, data)
    ops = BYTE_OPS + PDF_OPS if importer == "pdf" else BYTE_OPS
    for _ in range(draw(st.integers(0 if importer in {"docx", "html"} else 1, 3))):
        data = draw(st.sampled_from(ops))(draw, data, importer)
    return data


MAGICS = (
    b"",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"<html>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xd0\xcf\x11\xe0",
)


@st.composite
def random_bytes(draw: Draw) -> bytes:
    """Bytes with no structure at all, sometimes behind a format's magic number."""
    return draw(st.sampled_from(MAGICS)) + draw(st.binary(max_size=4096))
