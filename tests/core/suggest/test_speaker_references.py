"""Speakers an article makes clear away from the quotation, or only by a reference back: an
interviewee reported in the paragraph before, a source named by "according to", an epithet
or an apposition ("the 47-year-old", "Name, 19, a student,"), a role phrase that describes
rather than introduces, a role with an owner ("a spokesman for Calder & Finch"), a place or
a month taken for a person or an organisation, a role word inside a compound title, a byline
desk, a given name alone, initials and "the league" for an organisation named in full."""

from __future__ import annotations

from factdesk.core.suggest import QUOTE, suggest


def speakers(text: str, *, min_score: float = 0.0) -> dict[str, str | None]:
    """Each quotation's first three words and its speaker (full quotations only with
    min_score=0.5)."""
    return {
        " ".join(s.text.split()[:3]): s.speaker
        for s in suggest(text)
        if s.kind == QUOTE and s.score >= min_score
    }


def test_a_quote_paragraph_after_reported_speech_is_the_reported_speakers() -> None:
    text = (
        "Ferry captain Iain Muir has sailed the route for 20 years.\n\n"
        "Muir, 58, whose father ran the same boat, said the new vessel was years late.\n\n"
        "“We were promised a ship in 2019. We are still waiting for it.”\n"
    )
    assert speakers(text, min_score=0.5)["We were promised"] == "Iain Muir"


def test_a_quote_after_reported_speech_of_an_organisation() -> None:
    text = (
        "The Harbour Board said the delay was outside its control.\n\n"
        "“Every part of the hull has been inspected twice.”\n"
    )
    assert speakers(text, min_score=0.5)["Every part of"] == "Harbour Board"


def test_according_to_after_a_quotation_names_its_source() -> None:
    text = (
        "Economist Nadia Brel has followed the market for years.\n\n"
        "The price cut was “a sign of real pressure”, according to Brel. “Margins are thin now.”\n"
    )
    assert speakers(text, min_score=0.5)["Margins are thin"] == "Nadia Brel"


def test_a_description_after_a_name_and_age_is_the_same_person() -> None:
    text = (
        "Thandi Mokoena, 34, a hairdresser, said the outages had cost her clients.\n\n"
        "“I cannot dry anybody’s hair without power,” she said.\n"
    )
    assert speakers(text, min_score=0.5)["I cannot dry"] == "Thandi Mokoena"


def test_what_someone_works_as_is_no_new_person() -> None:
    text = (
        "Sipho Dube, 47, a welder, has been out of work since March. His sister, Lindiwe, has "
        "taken extra shifts as a cleaner to cover the rent.\n\n"
        "“I just want to know when the lights will stay on,” he said.\n"
    )
    assert speakers(text, min_score=0.5)["I just want"] == "Sipho Dube"


def test_one_of_several_is_not_the_one_named_before() -> None:
    text = (
        "Aisha Begum, a regular customer, said prices had fallen.\n\n"
        "One customer, a retired nurse who asked not to be named, said he was not convinced. "
        "“It will not last,” he said.\n"
    )
    assert speakers(text, min_score=0.5)["It will not"] == "one customer"


def test_a_role_before_a_place_does_not_make_the_place_a_person() -> None:
    text = (
        "Fares fell at the station in Tolworth Broadway on Monday.\n\n"
        "A taxi driver waiting outside Tolworth Broadway station said trade had halved. "
        "“Nobody takes a taxi now,” he said.\n"
    )
    assert speakers(text, min_score=0.5)["Nobody takes a"] == "a taxi driver"


def test_a_river_is_not_a_person() -> None:
    text = (
        "The spill reached the River Tamsley on Friday.\n\n"
        "One resident, who has walked by the Tamsley for 30 years, said numbers "
        "had halved. “I saw four curlews all spring,” he said.\n"
    )
    assert speakers(text, min_score=0.5)["I saw four"] == "one resident"


def test_a_role_word_of_a_compound_title_means_its_holder() -> None:
    text = (
        "Detective Sergeant Ruth Kemp said officers were searching the area.\n\n"
        "A 40-year-old man was arrested on Monday.\n\n"
        "“We still need anyone with footage to come forward,” the detective added.\n"
    )
    assert speakers(text, min_score=0.5)["We still need"] == "Ruth Kemp"


def test_a_school_named_after_a_saint_keeps_the_saint() -> None:
    text = (
        "Parents at St Bride’s Primary School have signed a petition.\n\n"
        "In a statement, the school said: “We will review the arrangements for next year.”\n"
    )
    assert speakers(text, min_score=0.5)["We will review"] == "St Bride’s Primary School"


def test_an_epithet_with_where_they_live_is_the_person_just_named() -> None:
    text = (
        "When the council closed Maria Lindqvist’s allotment in May, it promised her another.\n\n"
        "A year later, the 62-year-old from Brookfield is still waiting for a plot.\n\n"
        "‘I have written to them nine times about it,’ she said.\n"
    )
    assert speakers(text)["I have written"] == "Maria Lindqvist"


def test_a_month_before_the_airline_is_no_organisation() -> None:
    text = (
        "Skyline Air cancelled hundreds of flights in June, and in July, the airline said it "
        "would pay.\n\nIn a statement, the airline said: ‘We are sorry for the delay to "
        "refunds this summer.’\n"
    )
    assert speakers(text)["We are sorry"] == "Skyline Air"


def test_an_indefinite_role_with_an_owner_is_not_a_named_holder() -> None:
    text = (
        "Shadow housing spokesman Owen Tait called the plan a gimmick.\n\n"
        "A spokesman for the developer said: “We are confident the homes will be built on "
        "time.”\n"
    )
    assert speakers(text)["We are confident"] == "a spokesman for the developer"


def test_a_company_with_an_ampersand_in_a_role_phrase() -> None:
    text = (
        "Owner Marsh & Penrose Brewery has put the inn up for sale. Its chairman, Alan "
        "Penrose, did not comment.\n\nA spokeswoman for Marsh & Penrose said: ‘This was "
        "a very hard decision for the whole company.’\n"
    )
    assert speakers(text)["This was a"] == "a spokeswoman for Marsh & Penrose"


def test_a_named_persons_spokesman_after_the_verb() -> None:
    text = (
        "Senator Ruth Abbott opposed the bill.\n\n"
        "“Every one of our members will vote against it,” said Abbott’s spokesman, Carl Voss.\n"
    )
    assert speakers(text)["Every one of"] == "Carl Voss"


def test_a_place_before_said_is_not_a_person() -> None:
    text = (
        "Grace Mensah, who teaches at a school in nearby Holt Green, said she still used "
        "Mrs Dunn's method.\n\n"
        "“When I told her I had qualified, she sent me a card that just said: ‘About "
        "time too, my dear.’ I kept it,” Ms Mensah said.\n"
    )
    found = speakers(text)
    assert "Holt Green" not in found.values()
    assert found["About time too,"] == "Mrs Dunn"


def test_an_apposition_with_now_is_the_person_named() -> None:
    text = (
        "Dr Samuel Osei, now a consultant surgeon, was in her class in 1981.\n\n"
        "“She kept me behind one day and gave me a copy of a novel and said, ‘Read it all "
        "and tell me what you think.’ Nobody had asked me that,” Dr Osei said.\n"
    )
    assert speakers(text)["Read it all"] != "a novel and"


def test_tell_and_ask_in_the_present_attribute_a_quote_inside_a_quote() -> None:
    text = (
        "Tom Reilly lost his job at the pit in 1985.\n\n"
        "“My grandfather used to tell me, ‘Get out of this village while you can,’ and "
        "I did,” Mr Reilly said.\n"
    )
    assert (speakers(text)["Get out of"] or "").casefold() == "my grandfather"


def test_a_statement_from_someone_is_theirs() -> None:
    text = (
        "A statement from another victim, a retired nurse, said: “I saved for 40 years "
        "and it has all gone now.”\n"
    )
    assert speakers(text)["I saved for"] == "another victim"


def test_a_byline_desk_is_not_part_of_the_name() -> None:
    text = (
        "Helen Marsh Health editor\n\n"
        "Waiting lists have grown again.\n\n"
        "A Department of Health spokesperson said: “Patients are only removed after "
        "repeated attempts to contact them.”\n"
    )
    assert speakers(text)["Patients are only"] == "a Department of Health spokesperson"


def test_a_given_name_alone_after_gave_his_name_as() -> None:
    text = (
        "One commuter, who gave his name only as Ravi, said the station was too far away.\n\n"
        "“The train is very good, but how do I reach the station?” said Ravi.\n"
    )
    assert speakers(text)["The train is"] == "Ravi"


def test_initials_and_the_league_name_an_organisation_named_in_full() -> None:
    text = (
        "The Coastal Metro Rail Corporation opened the line on Saturday. The National Hockey "
        "Federation approved the move.\n\n"
        "In a press release, the CMRC said buses would follow.\n\n"
        "“We ask passengers to be patient while the work is completed,” the release said.\n\n"
        "“The transfer has been reviewed and approved under our rules,” the league said.\n"
    )
    found = speakers(text)
    assert found["We ask passengers"] == "Coastal Metro Rail Corporation"
    assert found["The transfer has"] == "National Hockey Federation"
