"""What the engine offers as a full quotation: not captions, footers or titles of works."""

from __future__ import annotations

from factdesk.core.noise import find_noise
from factdesk.core.suggest import FULL_QUOTE_SCORE, QUOTE, suggest


def offered(text: str) -> dict[str, str | None]:
    return {
        s.text: s.speaker
        for s in suggest(text, noise=find_noise(text))
        if s.kind == QUOTE and s.score >= FULL_QUOTE_SCORE
    }


def test_a_caption_above_a_credit_line_is_not_offered() -> None:
    text = (
        "Mayor Alan Brisk said the ferry would run again in May.\n\n"
        "‘We have found the money and the crew, and the boat is being painted,’ he said.\n\n"
        "Mayor Alan Brisk: ‘We have found the money’\n"
        "(\n"
        "Image: Tollbridge Post)\n\n"
        "Harbour master Nell Cray: “The slipway is the real problem”\n"
        "(Photo by Jo Lark/Tollbridge Post)\n\n"
        "Sen. Ada Moss said: “The vote is a disgrace to this chamber.” (Photo: Senate Pool)\n"
    )
    assert list(offered(text)) == [
        "We have found the money and the crew, and the boat is being painted,"
    ]


def test_a_quotation_all_alone_above_a_credit_is_the_article_not_a_caption() -> None:
    text = (
        "Ruth Amber said the shop would close.\n"
        "“We tried everything we could think of, and the rent still went up twice this year.”\n"
        "(\n"
        "(Image: Getty Images))\n"
    )
    assert any(quote.startswith("We tried everything") for quote in offered(text))


def test_a_headline_after_read_more_is_a_footer() -> None:
    text = (
        "Ruth Amber said the shop would close after forty years on the high street.\n\n"
        "Read more\n\n"
        "Ruth Amber: ‘I cried when I locked the door for the last time’\n"
    )
    assert not any(quote.startswith("I cried") for quote in offered(text))


def test_titles_of_reports_are_not_quotations() -> None:
    text = (
        "The board's review, titled ‘A plan we can all live with after the storms’, was "
        "published on Monday. Its earlier paper, ‘Lessons from Floods on Marsh Lane’, was not.\n"
    )
    assert offered(text) == {}


def test_an_unattributed_headline_quote_is_said_by_whoever_the_body_has_saying_it() -> None:
    text = (
        "‘We will not be bullied into a bad deal’: nurses vote to strike\n\n"
        "Nurses at Calder General will walk out next month.\n\n"
        "Union rep Joan Petty said: ‘We will not be bullied into a bad deal. Our members have "
        "waited long enough.’\n"
    )
    found = offered(text)
    assert found["We will not be bullied into a bad deal"] == "Joan Petty"
