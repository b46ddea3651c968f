"""Bytes to text: BOMs, declared charsets, UTF-8, Windows-1252, and binary refused."""

from __future__ import annotations

import codecs

import pytest

from factdesk.core.errors import SourceError
from factdesk.sources.decode import decode_bytes, sniff_charset

CURLY = "The PM said “£2.5bn” wasn’t enough – ‘not yet’."


def test_utf8_is_read_as_utf8() -> None:
    assert decode_bytes(CURLY.encode("utf-8"), "a.txt") == CURLY


def test_cp1252_with_pound_and_curly_quotes() -> None:
    data = CURLY.encode("cp1252")
    assert b"\x93" in data and b"\xa3" in data  # really cp1252, not UTF-8
    assert decode_bytes(data, "a.txt") == CURLY


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_mark_wins_and_is_dropped(bom: bytes, codec: str) -> None:
    text = "Zelensky 🇺🇦 said\u00a0“no”.\r\n"
    assert decode_bytes(bom + text.encode(codec), "a.txt") == text


def test_bom_beats_a_declared_charset() -> None:
    data = codecs.BOM_UTF8 + "<meta charset='windows-1252'>’".encode()
    assert decode_bytes(data, "a.html", declared="windows-1252").endswith("’")


def test_declared_charset_beats_utf8_guess() -> None:
    data = "café".encode()
    # A page that says it is Windows-1252 is read as such, even if it would pass as UTF-8.
    assert decode_bytes(data, "a.html", declared="windows-1252") == "cafÃ©"


def test_latin1_label_is_read_as_windows_1252() -> None:
    data = "“quoted”".encode("cp1252")
    assert decode_bytes(data, "a.html", declared="iso-8859-1") == "“quoted”"


@pytest.mark.parametrize("label", ["x-no-such-charset", "utf-16", "base64", "unicode_escape"])
def test_unusable_declared_charset_is_ignored(label: str) -> None:
    assert decode_bytes("naïve \\n".encode(), "a.html", declared=label) == "naïve \\n"


def test_declared_utf7_is_ignored() -> None:
    # UTF-7 decodes "+2AA-" to a lone surrogate, which the desk could not store; browsers do not
    # honour the label either. The bytes are read as UTF-8 instead.
    data = b'<meta charset="utf-7"><p>Hello +2AA- world</p>'
    assert decode_bytes(data, "a.html", declared="utf-7") == data.decode()


def test_declared_charset_that_does_not_fit_falls_back() -> None:
    assert decode_bytes("Kyiv’s".encode(), "a.html", declared="ascii") == "Kyiv’s"


def test_undefined_cp1252_byte_is_refused() -> None:
    with pytest.raises(SourceError, match=r"^a\.txt: cannot be decoded as UTF-8 or Windows-1252$"):
        decode_bytes(b"Price: \x81 100", "a.txt")


def test_broken_utf16_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + b"\x00\xd8"  # a lone high surrogate
    with pytest.raises(SourceError, match="cannot be decoded as UTF-16"):
        decode_bytes(data, "a.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"text with a \x00 in it",
        bytes(range(1, 32)) * 4,
        b"\x1b[31m\x01\x02\x03\x04\x05\x06\x07\x08",
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(SourceError, match=r"^b\.txt: looks like a binary file, not text$"):
        decode_bytes(data, "b.txt")


def test_a_stray_control_character_is_still_text() -> None:
    text = "Page one\x0cPage two\x1a and a long enough line of ordinary text around them."
    assert decode_bytes(text.encode(), "a.txt") == text


def test_emoji_and_no_break_spaces_kept_exactly() -> None:
    text = "Flags 🇬🇧🇺🇦, a\u00a0no-break space, a\u202fnarrow one, and 👍🏽."
    assert decode_bytes(text.encode(), "a.txt") == text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<META CHARSET=ISO-8859-1>", "iso-8859-1"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis"),
        (b'<?xml version="1.0" encoding="UTF-8"?><html>', "utf-8"),
        (b"<html><head><title>No charset</title>", None),
    ],
)
def test_sniff_charset(head: bytes, expected: str | None) -> None:
    assert sniff_charset(head) == expected


def test_sniff_only_looks_at_the_start() -> None:
    assert sniff_charset(b" " * 5000 + b'<meta charset="windows-1252">') is None
