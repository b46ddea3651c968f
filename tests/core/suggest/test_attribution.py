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
