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
