"""Quotation spans in every style, with the apostrophe that is also a closing mark."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.suggest.quotes import find_nested, find_quotes, paragraphs


def inside(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_every_quotation_mark_style() -> None:
    text = (
        "She said: “We will win.” He said: ‘It’s over.’ "
        "They said: \"Fine.\" I said: 'No way.' « Non » dit-il. „Ja“ sagte er."
    )
    assert inside(text) == ["We will win.", "It’s over.", "Fine.", "No way.", "Non", "Ja"]


def test_apostrophes_inside_a_single_quoted_quotation_do_not_close_it() -> None:
    text = "He told us: ‘I’m not saying it’s going to be easy, there’s a lot to do.’ He left."
    assert inside(text) == ["I’m not saying it’s going to be easy, there’s a lot to do."]


def test_a_plural_possessive_closes_only_when_nothing_better_follows() -> None:
    text = "She said: ‘The leaders’ summit will decide, not us.’ It ended."
    assert inside(text) == ["The leaders’ summit will decide, not us."]
    assert inside("Critics called it ‘the workers’ choice’ and left.") == ["the workers’ choice"]


def test_an_elided_year_is_not_an_opening_mark() -> None:
    assert inside("Back in the ‘90s he said ‘never again’ to it.") == ["never again"]


def test_a_nested_quotation_stays_inside_the_outer_one() -> None:
    text = "She said: “My father told me ‘never give up’ and I never have.” That was all."
    assert inside(text) == ["My father told me ‘never give up’ and I never have."]


def test_a_multi_paragraph_quotation_is_one_span_per_paragraph_linked_to_the_first() -> None:
    text = (
        "Sir Keir said: ‘This is a once-in-a-generation moment.\n\n"
        "‘It’s clear Europe must take on a greater role.\n\n"
        "‘We cannot allow any divisions.’\n\n"
        "Then he flew home."
    )
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "This is a once-in-a-generation moment.",
        "It’s clear Europe must take on a greater role.",
        "We cannot allow any divisions.",
    ]
    assert [q.closed for q in quotes] == [False, False, True]
    assert [q.continues for q in quotes] == [None, 0, 0]


def test_a_closed_quotation_is_not_continued_by_the_next_paragraph() -> None:
    text = "He said: “Done.”\n\n“Another,” she said."
    assert [q.continues for q in find_quotes(text)] == [None, None]


def test_paragraphs_are_blank_line_separated_or_one_per_line() -> None:
    assert [(p.start, p.end) for p in paragraphs("a b\nc\n\n  d e  \n")] == [(0, 5), (9, 12)]
    assert [(p.start, p.end) for p in paragraphs("one\ntwo\n three")] == [(0, 3), (4, 7), (9, 14)]


@given(st.text(alphabet="ab ‘’“”\"'.,\n", max_size=80))
def test_spans_are_inside_the_text_ordered_and_never_overlap(text: str) -> None:
    last_end = 0
    for quote in find_quotes(text):
        assert 0 <= quote.mark_start < quote.start <= quote.end <= quote.mark_end <= len(text)
        assert quote.mark_start >= last_end
        last_end = quote.mark_end


@given(st.text(alphabet="aB Mr.Sir ‘’“”\"',:\nsaid he she told 12%£", max_size=160))
def test_suggest_never_fails_and_quotes_the_text_it_points_at(text: str) -> None:
    from factdesk.core.suggest import suggest

    for suggestion in suggest(text):
        assert 0 <= suggestion.start <= suggestion.end <= len(text)
        assert suggestion.text == text[suggestion.start : suggestion.end]
        assert 0.0 <= suggestion.score <= 1.0


def test_a_block_with_long_lines_is_one_paragraph_per_line() -> None:
    long_line = "The ferry company said the timetable would change in spring. " * 3
    text = f"Headline\n\n{long_line}\n“It is the right call,” she said.\nCaption"
    assert len(paragraphs(text)) == 4
    wrapped = "A short wrapped line\nthat goes on here\n\nNext paragraph"
    assert len(paragraphs(wrapped)) == 2


def test_a_quote_nested_in_the_same_curly_family_keeps_the_outer_quote_whole() -> None:
    text = "‘They told us early on, ‘It’s all settled,’ and we trusted them,’ Mr Hale said."
    [outer] = find_quotes(text)
    assert text[outer.start : outer.end] == (
        "They told us early on, ‘It’s all settled,’ and we trusted them,"
    )
    assert [text[q.start : q.end] for q in find_nested(text, outer)] == ["It’s all settled,"]


def test_a_quote_nested_in_the_same_straight_family() -> None:
    text = "'People call it a 'tidy-up', but it's a cut,' the mayor said."
    [outer] = find_quotes(text)
    assert text[outer.start : outer.end] == "People call it a 'tidy-up', but it's a cut,"
    assert [text[q.start : q.end] for q in find_nested(text, outer)] == ["tidy-up"]


def test_two_single_quoted_words_stay_two_quotations() -> None:
    assert inside("Voters said ‘yes’ and then ‘no’ in a week.") == ["yes", "no"]
