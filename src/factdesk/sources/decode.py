"""Turn a file's bytes into text: byte-order mark, declared charset, UTF-8, then Windows-1252."""

from __future__ import annotations

import codecs
import re

from factdesk.core.errors import SourceError

# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Browsers read ISO-8859-1 as Windows-1252 (WHATWG Encoding), and so do we: pages that say
# ISO-8859-1 are full of cp1252 curly quotes. ("ascii" stays strict: a page declaring it that
# has any byte over 127 is wrong about itself, and the UTF-8 / cp1252 guesses take over.)
_CP1252_LABELS = frozenset({"cp1252", "iso8859-1"})
# A page cannot usefully declare these: a UTF-16 page is found by its BOM, and the rest are
# Python transforms, not character sets. Browsers refuse UTF-7 too (it is not in WHATWG
# Encoding), and it decodes "+2AA-" to a lone surrogate, which no database or file can store.
_IGNORED_CODECS = frozenset(
    {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "idna", "punycode",
     "raw-unicode-escape", "unicode-escape", "undefined", "utf-7"}
)  # fmt: skip
_SNIFF_BYTES = 4096
_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})""",
    re.IGNORECASE,
)
# The control characters binary data is full of: C0 but tab, newlines, vertical tab and form
# feed (U+0000-U+0008, U+000E-U+001F), DEL, and C1 (U+0080-U+009F). They are counted in UTF-8,
# twice as fast as a regex: C0 and DEL are single bytes that no other character's encoding
# contains; C1 are \xc2 followed by \x80-\x9f, and \xc2 only ever starts a character.
_NOT_C0 = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or b == 0x7F))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# Real text has a stray control character or two (a form feed, a Ctrl-Z); binary data has many.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_SAMPLE = 65536
_BINARY = "looks like a binary file, not text"


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> str:
    """Decode a text file; `declared` is a charset the file states about itself (HTML meta).

    The result has no BOM but is otherwise the decoded text; callers normalise newlines.
    """
    text = _decode_marked(data, path)
    if text is None:
        if b"\x00" in data:
            raise SourceError(path, _BINARY)
        text = _decode_declared(data, declared) if declared else None
    if text is None:
        text = _strict(data, "utf-8")
    if text is None:
        text = _strict(data, "cp1252")
    if text is None:
        raise SourceError(path, "cannot be decoded as UTF-8 or Windows-1252")
    if _looks_binary(text):
        raise SourceError(path, _BINARY)
    return text


def _decode_marked(data: bytes, path: str) -> str | None:
    """Decode by the byte-order mark, which wins over everything; None if there is none."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise SourceError(path, f"cannot be decoded as {name} (it starts with its mark)")
            return text
    return None


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML/XML file declares in its first few KB (`<meta charset>` etc.)."""
    match = _CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    return label.strip().lower()


def _decode_declared(data: bytes, label: str) -> str | None:
    """Decode with a declared charset; None when the label is unknown or the bytes disagree."""
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec in _IGNORED_CODECS:
        return None
    if codec in _CP1252_LABELS:
        # cp1252 leaves five bytes undefined; real ISO-8859-1 maps them to C1 controls.
        return _strict(data, "cp1252") or _strict(data, "latin-1")
    return _strict(data, codec)


def _strict(data: bytes, codec: str) -> str | None:
    """`data` decoded strictly, or None if it is not valid in that codec."""
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    """True when NULs or many control characters show the "text" is really binary data."""
    sample = text[:_CONTROL_SAMPLE]
    if "\x00" in sample:
        return True
    controls = _count_controls(sample)
    return controls > 0 and controls > _MAX_CONTROL_SHARE * len(sample)


def _count_controls(text: str) -> int:
    """How many of the control characters above `text` holds."""
    data = text.encode("utf-8", "surrogatepass")
    count = len(data.translate(None, _NOT_C0))
    if b"\xc2" in data:
        count += len(_C1_UTF8.findall(data))
    return count
