"""Selectors and quote finding: offsets are code points, quotes are exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.anchors import CONTEXT, find_quote, locate_quote, make_selector, match_key
from factdesk.core.errors import AmbiguousQuoteError, InvalidInputError, QuoteNotFoundError

# Text with characters outside the BMP (UTF-16 surrogate pairs in Qt), combining marks,
# no-break spaces and curly quotes: the cases where offset arithmetic goes wrong.
texts = st.lists(
    st.sampled_from([*"ab c\n’“”\u00a0é", "😀", "🇫🇷", "e\u0301", "𝔘"]), min_size=1, max_size=60
).map("".join)


@given(texts, st.data())
def test_selector_holds_exact_quote_and_context(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    if not text[start:end].strip():
        with pytest.raises(InvalidInputError):
            make_selector(text, start, end)
        return
    sel = make_selector(text, start, end)
    assert sel.quote == text[start:end]
    assert sel.prefix == text[max(0, start - CONTEXT) : start]
    assert sel.suffix == text[end : end + CONTEXT]
    assert text[sel.start - len(sel.prefix) : sel.end + len(sel.suffix)] == (
        sel.prefix + sel.quote + sel.suffix
    )


@given(texts, st.data())
def test_find_quote_finds_every_exact_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if quote != quote.strip() or not quote.strip():
        return  # find_quote trims what a person typed around the quote
    spans = find_quote(text, quote)
    assert (start, end) in spans
    assert all(match_key(text[s:e]) == match_key(quote) for s, e in spans)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 2), (0, 99)])
def test_span_outside_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(InvalidInputError, match="not inside the document"):
        make_selector("short text", start, end)


def test_typed_quote_matches_curly_quotes_and_no_break_spaces() -> None:
    text = "He said: ‘It’s a once-in-a-generation\u00a0moment.’ Then he left."
    spans = find_quote(text, "It's a once-in-a-generation moment.")
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == "It’s a once-in-a-generation\u00a0moment."


def test_typed_quote_matches_across_a_line_break() -> None:
    text = "the threat we face\nfrom Russia"
    assert find_quote(text, "we face from Russia") == [(11, 30)]


def test_offsets_count_code_points_after_emoji() -> None:
    text = "🇫🇷😀 Paris summit"
    start, end = locate_quote(text, "Paris")
    assert (start, end) == (4, 9)  # 3 code points of emoji + space; Qt would count 7 units


def test_absent_and_repeated_quotes_are_clear_errors() -> None:
    text = "a bridge, a bridge"
    with pytest.raises(QuoteNotFoundError, match="does not occur"):
        locate_quote(text, "a tunnel")
    with pytest.raises(AmbiguousQuoteError, match=r"2 times .* 0:8, 10:18.*--span") as err:
        locate_quote(text, "a bridge")
    assert err.value.spans == [(0, 8), (10, 18)]


def test_straight_typed_quote_matching_curly_and_straight_copies_is_ambiguous() -> None:
    text = '“we will spend — 2.5%” he said.\nLater: "we will spend - 2.5%" he said.'
    with pytest.raises(AmbiguousQuoteError, match="2 times"):
        locate_quote(text, '"we will spend - 2.5%"')


def test_empty_quote_and_unusual_spaces() -> None:
    with pytest.raises(InvalidInputError, match="the quote is empty"):
        locate_quote("some text", "   ")
    text = "a\u2003once\u3000in a generation moment"
    assert locate_quote(text, "a once in a generation") == (0, 22)
