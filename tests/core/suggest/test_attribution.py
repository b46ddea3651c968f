"""Who said it: names, short forms, roles, pronouns and the desk's own aliases."""

from __future__ import annotations

from factdesk.core.suggest import QUOTE, KnownSpeaker, suggest

ARTICLE = """\
Council leader Mara Ellison faces a hard winter as the harbour bridge stays shut.

Transport Secretary Daniel Okoro visited the quay on Monday. Ms Ellison said: ‘This is the
biggest single investment in the harbour for a generation.

‘It’s clear the city must take on a greater role in how its bridges are kept.

‘We cannot allow any more delays to distract from the work.’

However, Mr Okoro acknowledged that Ms Ellison does not have an ‘easy’ job. He told Radio
Kelbridge: ‘There is definitely a view in Whitehall that the city waited too long.’

“The money is there,” she said. “The question is whether the contractors are.”

A spokesman for the harbour board said: “We will reopen the walkway by March.”

The minister later added that the repairs were ‘on track’.
"""


def quotes(
    text: str, speakers: tuple[KnownSpeaker, ...] = ()
) -> dict[str, tuple[str | None, float]]:
    return {
        s.text: (s.speaker, s.score) for s in suggest(text, speakers=speakers) if s.kind == QUOTE
    }


def test_a_multi_paragraph_quote_keeps_its_speaker_in_every_paragraph() -> None:
    found = quotes(ARTICLE)
    for opening in ("This is the", "It’s clear the city", "We cannot allow"):
        [(speaker, score)] = [v for k, v in found.items() if k.startswith(opening)]
        assert speaker == "Mara Ellison"
        assert score >= 0.5


def test_he_is_the_subject_of_the_sentence_before_not_the_last_man_named() -> None:
    found = quotes(ARTICLE)
    assert found["There is definitely a view in Whitehall that the city waited too long."][0] == (
        "Daniel Okoro"
    )


def test_she_said_between_two_parts_of_a_quote_attributes_both() -> None:
    found = quotes(ARTICLE)
    assert found["The money is there,"][0] == "Mara Ellison"
    assert found["The question is whether the contractors are."][0] == "Mara Ellison"


def test_a_speaker_named_only_by_role_is_given_as_written() -> None:
    found = quotes(ARTICLE)
    assert found["We will reopen the walkway by March."][0] == "a spokesman for the harbour board"


def test_scare_quotes_score_low_and_get_no_speaker_unless_stated() -> None:
    found = quotes(ARTICLE)
    assert found["easy"] == (None, found["easy"][1])
    assert found["easy"][1] < 0.5
    assert found["on track"][1] < 0.5


def test_the_desks_aliases_name_the_speaker() -> None:
    text = "Sir Keir said: ‘This is a once-in-a-generation moment for our national security.’"
    assert (
        quotes(text)["This is a once-in-a-generation moment for our national security."][0]
        == "Sir Keir"
    )
    known = (KnownSpeaker("Keir Starmer", ("Sir Keir", "the Prime Minister")),)
    found = quotes(
        text + "\n\nThe Prime Minister added: ‘We will not be divided by anyone.’", known
    )
    assert found["This is a once-in-a-generation moment for our national security."][0] == (
        "Keir Starmer"
    )
    assert found["We will not be divided by anyone."][0] == "Keir Starmer"


def test_a_short_form_resolves_to_the_full_name_given_earlier() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky met Donald Trump in Paris.\n\n"
        "‘Ukraine will never accept deals made behind our backs,’ Mr Zelensky said.\n\n"
        "‘We will see what happens with all of this,’ said Mr Trump."
    )
    found = quotes(text)
    assert (
        found["Ukraine will never accept deals made behind our backs,"][0] == "Volodymyr Zelensky"
    )
    assert found["We will see what happens with all of this,"][0] == "Donald Trump"


def test_she_skips_men_and_people_named_inside_quotations() -> None:
    text = (
        "Health minister Priya Nair met the surgeon Tom Blake.\n\n"
        "“Tom Blake told me the waiting lists would fall by June,” she said."
    )
    assert (
        quotes(text)["Tom Blake told me the waiting lists would fall by June,"][0] == "Priya Nair"
    )


def speaker_of(text: str, opening: str) -> str | None:
    [speaker] = [v[0] for k, v in quotes(text).items() if k.startswith(opening)]
    return speaker


def test_a_pronoun_after_a_name_tells_its_gender_and_he_skips_a_woman_of_unknown_gender() -> None:
    text = (
        "Dr Ngozi Balogun said the trial had worked and that she was pleased.\n"
        "Co-author Professor Idris Kant said the effect was largest in older people.\n"
        "“The drop was bigger than we expected,” he said."
    )
    assert speaker_of(text, "The drop was") == "Idris Kant"
    text = (
        "Councillor Sam Ferris said he would table a motion. Sasha Doyle, who had her baby at "
        "the unit, started a petition.\n“It is a long way to go in labour,” she said."
    )
    assert speaker_of(text, "It is a long way") == "Sasha Doyle"


def test_a_known_gender_beats_an_unknown_one_in_the_same_sentence() -> None:
    text = "Ari Vale met Mr Orme at the depot.\n“We shook hands on it,” he said."
    assert speaker_of(text, "We shook hands") == "Mr Orme"


def test_an_organisation_speaks_by_its_name_its_short_form_and_its_statement() -> None:
    text = (
        "Larkfield Water said in a statement that it regretted the spill.\n\n"
        "“We are sorry for the disruption to our customers,” the statement said.\n\n"
        "‘Every year Larkfield told us, “The river is clean enough to swim in,” and it never "
        "was,’ said Nora Penn."
    )
    assert speaker_of(text, "We are sorry") == "Larkfield Water"
    assert speaker_of(text, "The river is clean") == "Larkfield Water"


def test_a_role_speaker_keeps_its_whole_phrase_and_an_indefinite_one_is_someone_new() -> None:
    text = (
        "The ward’s nurse-led clinic shut, and a lone nurse kept the rota going.\n"
        "One nurse, who asked not to be named, said staff were exhausted.\n"
        "“We covered shifts on our days off for months,” she said.\n"
        "A friend close to the singer said: “She is not backing down over this.”"
    )
    assert speaker_of(text, "We covered shifts") == "one nurse"
    assert speaker_of(text, "She is not backing") == "a friend close to the singer"


def test_reported_speech_inside_a_quote() -> None:
    text = (
        "Dame Irene Lowe runs the theatre.\n"
        "“I went to the council, and a man in a grey coat looked at me and said, ‘Nobody "
        "here wants a theatre.’ I said, ‘Well, 2,000 of them signed this.’ So we stayed,” "
        "she says."
    )
    assert speaker_of(text, "Nobody here wants") == "a man in a grey coat"
    assert speaker_of(text, "Well, 2,000") == "Irene Lowe"


def test_headline_colon_dash_and_age_attributions() -> None:
    text = (
        "TV singer Joel Marsh slams critic over ‘lazy’ review: ‘He has not heard a single song’\n"
        "“The lights go down and you go home again”: Dame Ruth Cole on her years on stage\n"
        "Dame Ruth – “Ruth will do, the title is for the letters” – is 80.\n"
        "“I sat on the stairs for an hour,” Pike, 44, said."
    )
    assert speaker_of(text, "He has not heard") == "Joel Marsh"
    assert speaker_of(text, "The lights go down") == "Ruth Cole"
    assert speaker_of(text, "Ruth will do") == "Ruth Cole"


def test_a_name_ends_before_a_word_in_capitals() -> None:
    text = (
        "Barrister Helen Marsh KC spoke for the firm.\n\n"
        "‘My client regrets every penny of it,’ Ms Marsh said.\n\n"
        "Sir Roland Vane SLAMS council over potholes: ‘This road is a disgrace to the town.’\n"
    )
    found = quotes(text)
    assert found["My client regrets every penny of it,"][0] == "Helen Marsh"
    assert found["This road is a disgrace to the town."][0] == "Roland Vane"


def test_a_prefixed_role_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Co-host Lena Dorf, 41, spoke later.\n\nShe said: ‘We will miss him terribly every week.’\n"
    )
    assert quotes(text)["We will miss him terribly every week."][0] == "Lena Dorf"


def test_an_apposition_between_name_and_verb_is_skipped() -> None:
    text = (
        "Pavel Ostrow, treasurer of the Friends of Elm Park, said: “We raised the money "
        "ourselves and we will spend it ourselves.”\n"
    )
    assert quotes(text)["We raised the money ourselves and we will spend it ourselves."][0] == (
        "Pavel Ostrow"
    )


def test_a_long_attribution_sentence_between_two_quotes_keeps_the_speaker() -> None:
    text = (
        "“The results surprised all of us,” said Dr. Nadia Brun, a chemist at the Institute "
        "of Soil Science in Marlow and the lead author of the paper. “We expected far less "
        "from so small a change.”\n"
    )
    assert quotes(text)["We expected far less from so small a change."][0] == "Nadia Brun"


def test_a_definite_role_nobody_holds_is_the_person_just_named() -> None:
    text = (
        "Walter Brisk, 66, has lived on the lane for forty years.\n\n"
        "‘Nobody has ever asked us what we wanted here,’ the retired plumber said.\n\n"
        "Later the 66-year-old laughed: ‘They will have to carry me out of the house.’\n"
    )
    found = quotes(text)
    assert found["Nobody has ever asked us what we wanted here,"][0] == "Walter Brisk"
    assert found["They will have to carry me out of the house."][0] == "Walter Brisk"


def test_an_anonymous_role_is_not_the_person_just_named() -> None:
    text = (
        "Walter Brisk, 66, has lived on the lane for forty years.\n\n"
        "‘The scheme was approved after full consultation,’ the spokeswoman said.\n"
    )
    assert quotes(text)["The scheme was approved after full consultation,"][0] == (
        "the spokeswoman"
    )


def test_the_company_is_the_organisation_named_last() -> None:
    text = (
        "Tarn Valley Logistics will close its depot. Orvane Freight, which runs the rival "
        "depot, said it would hire some of the drivers.\n\n"
        "“We are glad to offer these drivers a home,” the company said.\n"
    )
    assert quotes(text)["We are glad to offer these drivers a home,"][0] == "Orvane Freight"


def test_a_firm_that_shares_a_founders_surname_speaks_as_the_firm() -> None:
    text = (
        "Boat maker Kessel to cut 40 jobs.\n\n"
        "In a statement, Kessel said: ‘The board regrets that the yard cannot go on as it is.’\n\n"
        "Kessel Marine, which employs 200 people, was founded in 1950 by Otto Kessel.\n"
    )
    assert quotes(text)["The board regrets that the yard cannot go on as it is."][0] == (
        "Kessel Marine"
    )


def test_a_possessive_role_is_not_its_owner() -> None:
    text = (
        "Prime Minister Ada Quill was abroad. The PM’s official spokesman told reporters: "
        "‘The government will publish its plan in the spring.’\n"
    )
    speaker = quotes(text)["The government will publish its plan in the spring."][0]
    assert speaker is not None and speaker.casefold() == "the pm’s official spokesman"


def test_a_short_given_name_is_the_same_person() -> None:
    text = (
        "Talks were led by Theodore Vance for the port.\n\n"
        "“We made our final offer last night,” Theo Vance said.\n"
    )
    assert quotes(text)["We made our final offer last night,"][0] == "Theodore Vance"


def test_a_given_name_alone_after_a_closing_mark_is_the_person_named_in_full() -> None:
    text = (
        "Her nephew, Callum Dray-Ferris, 31, runs the bakery now.\n\n"
        "“We start at four every morning and we finish when the bread runs out,” Callum "
        "says. “Nobody ever told me it would be this early.”\n"
    )
    found = quotes(text)
    assert found["We start at four every morning and we finish when the bread runs out,"][0] == (
        "Callum Dray-Ferris"
    )


def test_the_department_for_something_and_the_regulator_are_organisations() -> None:
    text = (
        "The Office for Water Standards opened an inquiry on Monday.\n\n"
        "“We will examine every complaint the customers have sent us,” the regulator said.\n\n"
        "The Ministry of Transport said: “Ferry timetables are a matter for the operators.”\n\n"
        "A spokesman for the council said: “The ramps will be repaired before the summer.”\n"
    )
    found = quotes(text)
    assert found["We will examine every complaint the customers have sent us,"][0] == (
        "Office for Water Standards"
    )
    assert found["Ferry timetables are a matter for the operators."][0] == "Ministry of Transport"
    assert found["The ramps will be repaired before the summer."][0] == (
        "a spokesman for the council"
    )


def test_an_epithet_is_the_person_the_article_described_that_way() -> None:
    text = (
        "Visiting goalkeeper Piotr Lask was beaten twice before the break.\n\n"
        "Dario Renwick, who signed in the summer, is the first goalkeeper to save three "
        "penalties in one season for the club.\n\n"
        "“I guessed left every time and it worked every time,” the goalkeeper said.\n\n"
        "Manager Owen Tarbet, 58, was less pleased with the defending.\n\n"
        "Referee Neil Brasher spoke to both benches after the match.\n\n"
        "“We gave away two cheap goals and that is on me,” the 58-year-old said.\n"
    )
    found = quotes(text)
    assert found["I guessed left every time and it worked every time,"][0] == "Dario Renwick"
    assert found["We gave away two cheap goals and that is on me,"][0] == "Owen Tarbet"


def test_a_role_for_a_named_person_is_the_role_not_the_person() -> None:
    text = (
        "Health Minister Priya Voss visited the ward on Tuesday.\n\n"
        "A spokeswoman for Ms Voss said the review would be published in June.\n\n"
        "“Every patient will be contacted before then,” she said.\n"
    )
    found = quotes(text)
    assert found["Every patient will be contacted before then,"][0] == ("a spokeswoman for Ms Voss")


def test_an_indefinite_subject_is_a_role_only_speaker_even_without_a_role_word() -> None:
    text = (
        "The orchestra has lost four players since the spring.\n\n"
        "One violinist, who has played with it for 20 years, put it simply: “There is no "
        "money left and everybody knows it.”\n"
    )
    found = quotes(text)
    assert found["There is no money left and everybody knows it."][0] == "One violinist"


def test_he_inside_a_quotation_is_not_its_speaker() -> None:
    text = (
        "Umpire Colin Ashdown stood by his decision after the game.\n\n"
        "Visiting captain Marcus Hale was furious.\n\n"
        "“I asked him what he saw and he said, ‘The ball hit the pad first,’ and that was "
        "that,” Hale said.\n"
    )
    found = quotes(text)
    assert found["The ball hit the pad first,"][0] == "Colin Ashdown"


def test_she_replied_is_not_the_woman_who_spoke_just_before() -> None:
    text = (
        "Cllr Dora Quist asked who would pay for the new drains.\n\n"
        "Cllr Helen Marr said the developer had agreed to pay for them.\n\n"
        "“The developer agreed to that last time as well,” she replied.\n"
    )
    found = quotes(text)
    assert found["The developer agreed to that last time as well,"][0] == "Dora Quist"


def test_an_accented_given_name_tells_gender_and_an_apposition_tells_a_person() -> None:
    text = (
        "But Tomás Arriaga, the visitors’ centre-half, scored twice in the second half.\n\n"
        "“It was the best night of my career,” he said.\n"
    )
    found = quotes(text)
    assert found["It was the best night of my career,"][0] == "Tomás Arriaga"


def test_a_quoted_title_with_a_given_name_in_it_is_not_a_second_person() -> None:
    text = (
        "Presenter Nia Rowe is leaving the show after ten years.\n\n"
        "Her weekly slot, ‘Nia Knows’, was cut last spring.\n\n"
        "Nia posted on Instagram last night.\n\n"
        "‘Some news,’ she wrote. ‘After ten happy years it is time for me to go.’\n"
    )
    assert quotes(text)["After ten happy years it is time for me to go."][0] == "Nia Rowe"


def test_the_pal_is_the_pal_who_spoke_before() -> None:
    text = (
        "Singer Dee Marsh has cancelled her tour.\n\n"
        "A pal said: ‘Dee is exhausted and needs a proper rest this summer.’\n\n"
        "The star has had a hard year.\n\n"
        "‘She has been on the road for three years without a break,’ the pal added.\n"
    )
    found = quotes(text)
    assert found["She has been on the road for three years without a break,"][0] == "a pal"


def test_an_indefinite_someone_described_again_in_apposition_is_one_person() -> None:
    text = (
        "Ava Lind said she learned of the leak from the news.\n\n"
        "One customer, a retired nurse who asked not to be named, said he had cancelled his "
        "policy. “I don’t trust them with my keys any more,” he said.\n\n"
        "One passenger, waiting for the 8.15 to Denholm, said: ‘It is late again, as always.’\n"
    )
    found = quotes(text)
    assert (found["I don’t trust them with my keys any more,"][0] or "").casefold() == (
        "one customer"
    )
    assert (found["It is late again, as always."][0] or "").casefold() == "one passenger"


def test_a_role_and_then_a_name_after_the_verb() -> None:
    text = (
        "Lena Voss writes at her kitchen table every morning.\n\n"
        "“She does not hear a thing when she is working,” says her husband of 20 years, the "
        "painter Arlo Finch. “I leave her coffee outside the door.”\n"
    )
    found = quotes(text)
    assert found["She does not hear a thing when she is working,"][0] == "Arlo Finch"
    assert found["I leave her coffee outside the door."][0] == "Arlo Finch"


def test_a_company_speaks_without_its_legal_form() -> None:
    text = (
        "Brackwell Instruments Inc. reported higher sales on Tuesday.\n\n"
        '"We delivered a strong quarter in a difficult market," the company said.\n'
    )
    assert quotes(text)["We delivered a strong quarter in a difficult market,"][0] == (
        "Brackwell Instruments"
    )
