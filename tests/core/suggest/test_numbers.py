"""Checkable figures, with the clause that carries them; ages, times and labels are not."""

from __future__ import annotations

from factdesk.core.suggest import NUMBER, suggest


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
