"""Plain text, Markdown and pasted text: kept exactly (newlines normalised), titled from the top."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from factdesk.sources import (
    SUPPORTED_SUFFIXES,
    SourceDocument,
    SourceError,
    document_from_text,
    read_source,
)

ARTICLE = (
    "Starmer warns Trump over Ukraine\n"
    "Sir Keir said: ‘This is a once-in-a-generation moment.’\u00a0\n"
    "The PM said it would cost £2.5bn 😬 a year.\n"
    "(\n"
    "(Image: Anadolu))\n"
    "Read more at Example.co.uk"
)


def test_utf8_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    doc = read_source(path)
    assert isinstance(doc, SourceDocument)
    assert doc.text == ARTICLE
    assert doc.format == "txt"
    assert doc.title == "Starmer warns Trump over Ukraine"
    assert doc.path == str(path)
    assert (doc.outlet, doc.published, doc.url) == (None, None, None)


def test_noise_is_marked_on_import(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_source(path)
    assert [(n.kind, doc.text[n.start : n.end]) for n in doc.noise] == [
        ("credit", "("),
        ("credit", "(Image: Anadolu))"),
        ("footer", "Read more at Example.co.uk"),
    ]


def test_utf8_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8") + b"\r\n")
    doc = read_source(path)
    assert doc.text == ARTICLE + "\n"
    assert not doc.text.startswith("\ufeff")


def test_old_mac_carriage_returns_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Line one\rLine two\r")
    assert read_source(path).text == "Line one\nLine two\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))  # Python writes a BOM for "utf-16"
    assert read_source(path).text == ARTICLE


def test_cp1252_text_with_pound_and_curly_quotes(tmp_path: Path) -> None:
    text = "Defence spending “must rise” to £2.5bn, the PM’s aide said."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_source(path).text == text


def test_emoji_and_no_break_spaces_survive(tmp_path: Path) -> None:
    text = "\u00a0Leading no-break space,\u00a0\u00a0two inside, 🇺🇦 flag, trailing\u00a0"
    path = tmp_path / "spaces.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    assert doc.text == text
    assert doc.title == "Leading no-break space,\u00a0\u00a0two inside, 🇺🇦 flag, trailing"


def test_leading_blank_lines_are_kept_and_skipped_for_the_title(tmp_path: Path) -> None:
    path = tmp_path / "blank.text"
    path.write_text("\n\n   \nHeadline\nBody.", encoding="utf-8")
    doc = read_source(path)
    assert doc.text == "\n\n   \nHeadline\nBody."
    assert (doc.title, doc.format) == ("Headline", "txt")


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "SHOUT.TXT"
    path.write_text("Hello", encoding="utf-8")
    assert read_source(path).format == "txt"
    assert ".txt" in SUPPORTED_SUFFIXES and ".pdf" in SUPPORTED_SUFFIXES


def test_markdown_keeps_markup_in_text_but_not_in_title(tmp_path: Path) -> None:
    text = "\n# **Starmer** to meet _Trump_ in [Washington](https://example.com) #\n\nBody text.\n"
    path = tmp_path / "note.md"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    assert doc.text == text
    assert (doc.title, doc.format) == ("Starmer to meet Trump in Washington", "md")


def test_markdown_title_from_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "post.markdown"
    path.write_text('---\ntitle: "Paris summit"\ndate: 2025-02-17\n---\n# Other\n', "utf-8")
    assert read_source(path).title == "Paris summit"


def test_long_front_matter_title_is_cut_like_any_title(tmp_path: Path) -> None:
    # Found by fuzzing: a declared title skipped the 200-character cut every other title gets.
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: " + "(Image: Getty)" * 20 + "\n---\nBody\n", "utf-8")
    title = read_source(path).title
    assert len(title) <= 201 and title.endswith("…")


def test_markdown_keeps_snake_case_and_hashtags(tmp_path: Path) -> None:
    path = tmp_path / "tags.md"
    path.write_text("#ukraine and defence_budget_2025\n", encoding="utf-8")
    assert read_source(path).title == "#ukraine and defence_budget_2025"


def test_long_first_line_title_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    title = read_source(path).title
    assert len(title) <= 201 and title.endswith("…")


def test_pasted_text() -> None:
    doc = document_from_text("\ufeffHeadline\r\nBody with 😀\r\n(\r\nGetty Images)")
    assert doc.text == "Headline\nBody with 😀\n(\nGetty Images)"
    assert (doc.title, doc.format, doc.path) == ("Headline", "paste", "(pasted text)")
    assert [n.kind for n in doc.noise] == ["credit", "credit"]


def test_pasted_text_with_title() -> None:
    doc = document_from_text("Body", title="  My title \n", path="clipboard")
    assert (doc.title, doc.path) == ("My title", "clipboard")


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t", "\u00a0\u3000"])
def test_pasted_blank_text_is_refused(text: str) -> None:
    with pytest.raises(SourceError) as caught:
        document_from_text(text)
    assert str(caught.value) == "(pasted text): has no text to import"
