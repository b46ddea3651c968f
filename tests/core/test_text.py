"""Normalisation keeps the text exactly, but for the BOM and newlines."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.core.text import first_line, normalise_text, text_sha256, word_count


def test_bom_and_newlines_are_normalised_and_nothing_else() -> None:
    raw = "\ufeffTitle\r\nLine ‘two’\u00a0😀\rthree\n"
    assert normalise_text(raw) == "Title\nLine ‘two’\u00a0😀\nthree\n"


@given(st.text())
def test_normalising_is_idempotent_and_leaves_no_carriage_return(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once or once.startswith("\ufeff")
    assert "\r" not in once


def test_sha256_identifies_the_text() -> None:
    assert text_sha256("a") == text_sha256("a") != text_sha256("b")
    assert len(text_sha256("a")) == 64


def test_word_count_keeps_hyphenated_and_apostrophe_words_whole() -> None:
    assert word_count("A once-in-a-generation moment, it’s clear.") == 5


def test_first_line_skips_blanks_and_shortens_long_lines() -> None:
    assert first_line("\n\n  Headline here  \nbody") == "Headline here"
    long = "word " * 100
    assert first_line(long, limit=20).endswith("…")
    assert len(first_line(long, limit=20)) <= 21


_AWKWARD = [
    *"ab1_ é'’‘-–—.,!?;:()\"“”«»\u00a0\t\n£$%*/\\|&@#+=~^`…",
    "it’s",
    "once-in-a-generation",
    "rock'n'roll",
    "--",
    "'tis",
    "snake_case",
    "٣",
    "²",
    "Ⅻ",
    "😀",
]


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=120),
        st.lists(st.sampled_from(_AWKWARD), max_size=40).map("".join),
    )
)
def test_word_count_is_the_number_of_editors_words(text: str) -> None:
    """The counting takes shortcuts for speed; the count is the regex's over the whole text."""
    assert word_count(text) == len(re.findall(r"\w+(?:[’'\-]\w+)*", text))
