"""The same statement in other articles: tolerant of spelling, strict about the statement."""

from __future__ import annotations

from factdesk.core.corroborate import Candidate, diff_line, find_matches, word_diff
from factdesk.core.noise import NoiseRange

CLAIM = "It's clear Europe must take on a greater role in Nato as we work with the United States"


def test_quote_style_hyphens_capitals_punctuation_and_a_typo_still_match() -> None:
    reports = [
        Candidate(
            2,
            "He said: “It’s clear Europe must take on a greater role in NATO, as we "
            "work with the United Sates.” Then he left.",
        ),
        Candidate(
            3,
            "‘it's CLEAR europe must take on a greater-role in nato as we work with the "
            "united states’ — the PM",
        ),
    ]
    found = {m.doc: m for m in find_matches(CLAIM, reports)}
    assert set(found) == {2, 3}
    assert found[2].text == (
        "It’s clear Europe must take on a greater role in NATO, as we work with the United Sates"
    )
    assert reports[0].text[found[2].start : found[2].end] == found[2].text
    assert diff_line(found[2].diff).endswith("the United [-States-] {+Sates+}")
    assert found[3].identical
    assert found[3].score > found[2].score >= 0.85


def test_one_shared_phrase_inside_a_different_statement_is_not_a_match() -> None:
    other = Candidate(
        4,
        "Analysts doubt Europe must take on a greater role before the election, and say the "
        "alliance is fine as it is.",
    )
    assert find_matches(CLAIM, [other]) == []


def test_a_report_inside_noise_does_not_count() -> None:
    text = "Caption: " + CLAIM.replace("It's", "It’s")
    noise = (NoiseRange(0, len(text), "repeat"),)
    assert find_matches(CLAIM, [Candidate(5, text, noise)]) == []


def test_the_best_report_comes_first_and_short_phrases_are_not_statements() -> None:
    reports = [
        Candidate(6, "Europe must take on a greater role in Nato as we work with the US, he said."),
        Candidate(
            7,
            "It is clear Europe must take on a greater role in Nato as we work with the "
            "United States.",
        ),
    ]
    assert [m.doc for m in find_matches(CLAIM, reports)] == [7, 6]
    assert find_matches("greater role", reports) == []


def test_the_word_diff_shows_each_sides_spelling() -> None:
    parts = word_diff("a once-in-a-generation moment", "a once in a generation Moment, truly")
    assert [(p.op, p.claim, p.report) for p in parts] == [
        ("equal", "a once in a generation moment", "a once in a generation Moment"),
        ("insert", "", "truly"),
    ]


def test_a_report_with_a_typo_ends_where_the_statement_ends() -> None:
    claim = (
        "It's clear Europe must take on a greater role as we work with the United States to "
        "secure Ukraine's future"
    )
    report = Candidate(
        8,
        "Officials said: ‘It’s clear Europe must take on a greater role as we work with the "
        "United Sates to secure Ukraine’s future and face down the threat we face from Russia.’",
    )
    (match,) = find_matches(claim, [report])
    assert match.text.endswith("secure Ukraine’s future")
    assert match.text.startswith("It’s clear")
