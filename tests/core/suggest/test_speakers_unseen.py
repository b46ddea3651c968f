"""Speakers the article makes clear without attributing the quotation where it stands.

Each case is one general cause of a missed speaker on unseen text: an interviewee reported
in the paragraph before, a source named by "according to", a description in apposition, a
role phrase that describes rather than introduces, a place taken for a person, a role word
inside a compound title, and an organisation named after a saint.
"""

from __future__ import annotations

from factdesk.core.suggest import QUOTE, suggest


def speakers(text: str) -> dict[str, str | None]:
    """Each full quotation's first words and its speaker."""
    return {
        " ".join(s.text.split()[:3]): s.speaker
        for s in suggest(text)
        if s.kind == QUOTE and s.score >= 0.5
    }


def test_a_quote_paragraph_after_reported_speech_is_the_reported_speakers() -> None:
    text = (
        "Ferry captain Iain Muir has sailed the route for 20 years.\n\n"
        "Muir, 58, whose father ran the same boat, said the new vessel was years late.\n\n"
        "“We were promised a ship in 2019. We are still waiting for it.”\n"
    )
    assert speakers(text)["We were promised"] == "Iain Muir"


def test_a_quote_after_reported_speech_of_an_organisation() -> None:
    text = (
        "The Harbour Board said the delay was outside its control.\n\n"
        "“Every part of the hull has been inspected twice.”\n"
    )
    assert speakers(text)["Every part of"] == "Harbour Board"


def test_according_to_after_a_quotation_names_its_source() -> None:
    text = (
        "Economist Nadia Brel has followed the market for years.\n\n"
        "The price cut was “a sign of real pressure”, according to Brel. “Margins are thin now.”\n"
    )
    assert speakers(text)["Margins are thin"] == "Nadia Brel"


def test_a_description_after_a_name_and_age_is_the_same_person() -> None:
    text = (
        "Thandi Mokoena, 34, a hairdresser, said the outages had cost her clients.\n\n"
        "“I cannot dry anybody’s hair without power,” she said.\n"
    )
    assert speakers(text)["I cannot dry"] == "Thandi Mokoena"


def test_what_someone_works_as_is_no_new_person() -> None:
    text = (
        "Sipho Dube, 47, a welder, has been out of work since March. His sister, Lindiwe, has "
        "taken extra shifts as a cleaner to cover the rent.\n\n"
        "“I just want to know when the lights will stay on,” he said.\n"
    )
    assert speakers(text)["I just want"] == "Sipho Dube"


def test_one_of_several_is_not_the_one_named_before() -> None:
    text = (
        "Aisha Begum, a regular customer, said prices had fallen.\n\n"
        "One customer, a retired nurse who asked not to be named, said he was not convinced. "
        "“It will not last,” he said.\n"
    )
    assert speakers(text)["It will not"] == "one customer"


def test_a_role_before_a_place_does_not_make_the_place_a_person() -> None:
    text = (
        "Fares fell at the station in Tolworth Broadway on Monday.\n\n"
        "A taxi driver waiting outside Tolworth Broadway station said trade had halved. "
        "“Nobody takes a taxi now,” he said.\n"
    )
    assert speakers(text)["Nobody takes a"] == "a taxi driver"


def test_a_river_is_not_a_person() -> None:
    text = (
        "The spill reached the River Tamsley on Friday.\n\n"
        "One resident, who has walked by the Tamsley for 30 years, said numbers "
        "had halved. “I saw four curlews all spring,” he said.\n"
    )
    assert speakers(text)["I saw four"] == "one resident"


def test_a_role_word_of_a_compound_title_means_its_holder() -> None:
    text = (
        "Detective Sergeant Ruth Kemp said officers were searching the area.\n\n"
        "A 40-year-old man was arrested on Monday.\n\n"
        "“We still need anyone with footage to come forward,” the detective added.\n"
    )
    assert speakers(text)["We still need"] == "Ruth Kemp"


def test_a_school_named_after_a_saint_keeps_the_saint() -> None:
    text = (
        "Parents at St Bride’s Primary School have signed a petition.\n\n"
        "In a statement, the school said: “We will review the arrangements for next year.”\n"
    )
    assert speakers(text)["We will review"] == "St Bride’s Primary School"
