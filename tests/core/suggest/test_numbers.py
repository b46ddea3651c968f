"""Checkable figures, with the clause that carries them; ages, times and labels are not."""

from __future__ import annotations

from factdesk.core.suggest import NUMBER, suggest
from factdesk.core.suggest.numbers import find_figures


def figures(text: str) -> list[str]:
    return [s.figure for s in suggest(text) if s.kind == NUMBER]


def test_percentages_money_counts_and_dates_as_written() -> None:
    text = (
        "Defence spending will rise to 2.5 per cent of GDP by 2027. The budget is £2.26billion "
        "and $500bn more is pledged. Leaders from 18 countries met on Monday 17 February. "
        "Imports face 25 per cent tariffs, and 1.3m people are affected. "
        "Prices have risen three times since March 2024, up 4.99% a year."
    )
    found = figures(text)
    for want in ("2.5 per cent of GDP", "£2.26billion", "$500bn", "18 countries",
                 "Monday 17 February", "25 per cent tariffs", "1.3m people", "three times",
                 "March 2024", "4.99%", "2027"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def test_the_suggestion_is_the_clause_that_carries_the_figure() -> None:
    text = "The council said on Tuesday that the repairs would cost £41m. Work starts soon."
    [suggestion] = [s for s in suggest(text) if s.kind == NUMBER]
    assert suggestion.text == "The council said on Tuesday that the repairs would cost £41m."
    assert text[suggestion.start : suggestion.end] == suggestion.text
    assert suggestion.figure == "£41m"


def test_labels_and_list_numbers_are_not_figures_ages_and_times_score_low() -> None:
    text = "1. Route 7 and No 10, see Table 3.\nMr Smith, 54, spoke at 7.30am to 200 people."
    found = {s.figure: s.score for s in suggest(text) if s.kind == NUMBER}
    assert set(found) == {"54", "7.30am", "200 people"}
    assert found["54"] < 0.5
    assert found["7.30am"] < 0.5
    assert found["200 people"] >= 0.5


def test_fractions_halves_and_ratios_with_their_qualifier() -> None:
    text = (
        "Half were sent home. The queue took half an hour, and more than a fifth gave up. "
        "Half the pupils passed; half of them had tutors. About nine in ten of them agreed."
    )
    found = figures(text)
    for want in ("Half", "half an hour", "more than a fifth", "Half the pupils",
                 "half of them", "nine in ten of them"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def test_measures_with_compact_units_and_money_of_something() -> None:
    text = (
        "Readings fell from 8.2mmol/L to 6.9mmol/L. A pie holds 2.4g of salt against a 6g limit. "
        "The fund has £12.5bn of assets and a pulse of 120 beats per minute was noted."
    )
    found = figures(text)
    for want in ("8.2mmol/L", "6.9mmol/L", "2.4g of salt", "6g", "£12.5bn of assets",
                 "120 beats per minute"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def test_bare_number_words_durations_and_groups() -> None:
    text = (
        "She was jailed for six years and two months. A team of five won; eight of whom were "
        "new. He lost by one second and stayed in bed for a week. The rent was a pound a year "
        "for people aged 70 and over, in the summer of 2031, over three years."
    )
    found = figures(text)
    for want in ("six years and two months", "five", "eight of whom", "one second", "a week",
                 "a pound a year", "70 and over", "the summer of 2031", "three years"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def test_a_number_word_inside_a_name_is_not_a_figure() -> None:
    assert figures("The club, fourth in Division Two, lost.") == []


def test_pence_rates_doubling_and_durations_with_an_article() -> None:
    text = (
        "The offer of 410p a share values the group at £2bn, up from 392p. Fuel rose 2p a "
        "litre and earnings were $1.12 a share. Costs roughly doubled, then more than double "
        "again. About half of staff agreed. Meetings run once a fortnight and last almost an "
        "hour; the vote is in a fortnight. Polls show zero per cent support. It fell to "
        "about -150C just after almost 11pm, or half past midnight. The mum-of-two said "
        "two out of three would vote. Work starts in spring 2027. “We said no twice,” he said."
    )
    found = figures(text)
    for want in ("410p a share", "392p", "2p a litre", "$1.12 a share", "more than double",
                 "About half", "almost an hour", "a fortnight",
                 "zero per cent", "-150C", "almost 11pm", "half past midnight", "mum-of-two",
                 "two out of three", "spring 2027", "twice"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def figure_spans(text: str) -> list[str]:
    return [text[f.figure_start : f.figure_end] for f in find_figures(text)]


def test_figures_in_other_notations() -> None:
    text = (
        "The minister said R3,8bn was set aside. Members lost well over R40m, one owner "
        "R12\u00a0000 in a month; a generator costs R1\u00a0800 a day. Under Stage 4, suburbs "
        "are without power for two and a half hours at a time. Work will take at least "
        "another 14 months. Surveyors walked 1,450 one-kilometre squares and numbers have "
        "more than doubled. Clients were in their 80s and he bought a 42ft motor cruiser. "
        "The gap opens in fiscal 2027 after a 2.1% increase. There is one bus an hour and "
        "the last is at half six; the fund needs north of £400,000. Voss, the world No 12, "
        "lost 6-4, 3-6, 7-6 (7-4) an hour before dusk and has won 11 of her last 12 "
        "matches against top-15 players, and expects at least a point more."
    )
    found = figure_spans(text)
    for want in ("R3,8bn", "well over R40m", "R12\u00a0000", "R1\u00a0800 a day", "Stage 4",
                 "two and a half hours", "at least another 14 months",
                 "1,450 one-kilometre squares", "more than doubled", "80s",
                 "42ft motor cruiser", "fiscal 2027", "2.1% increase", "one bus an hour",
                 "half six", "north of £400,000", "world No 12", "6-4, 3-6, 7-6 (7-4)",
                 "an hour", "11 of her last 12 matches", "top-15",
                 "at least a point"):  # fmt: skip
        assert any(want in figure for figure in found), (want, found)


def test_labels_stay_labels() -> None:
    assert figure_spans("He walked past No 10 to Platform 9 and Route 7.") == []
