"""Noise marking: credit lines, footers and repeated captions, found exactly and nothing more."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.core.noise import NoiseRange, find_noise, fold

# Modelled on the scraped samples: paragraphs separated by blank lines, a caption repeated twice
# after the body (once without its full stop, once with straight quotes), a credit split after
# a lone "(", a body sentence that mentions Reuters, no-break spaces, a "***" + "Read more" footer.
ARTICLE = (
    "Sir Keir said the UK would play its part in a ‘coalition of the willing’.\n"
    "\n"
    "The PM is arguing he can be a conduit between the US and its allies.\u00a0\n"
    "\n"
    "(\n"
    "(Image: Anadolu))\n"
    "\n"
    "Two officials told Reuters the talks would resume in Riyadh on Tuesday.\n"
    "\n"
    "Mr Trump and the Russian dictator had ‘a lengthy and highly productive’ call.\n"
    "\n"
    "The PM is arguing he can be a conduit between the US and its allies\n"
    "\n"
    "Mr Trump and the Russian dictator had 'a lengthy and highly productive' call\n"
    "\n"
    "AFP via Getty Images)\n"
    "\n"
    "***\n"
    "Read more at Example.co.uk"
)

# Modelled on sample 004: one paragraph per line and a rights notice glued without spaces.
LINES = (
    "Keir Starmer faces the biggest test of his premiership today.\n"
    "He told Reuters: “We will play our part.”\n"
    "(\n"
    "Getty Images)\n"
    "Images are for reference only.Images and contents gathered automatic from google or 3rd "
    "party sources.All rights on the images and contents are with their legal original owners."
)


def _marked(text: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in find_noise(text)]


def test_article_noise_is_marked_exactly() -> None:
    assert _marked(ARTICLE) == [
        ("credit", "("),
        ("credit", "(Image: Anadolu))"),
        ("repeat", "The PM is arguing he can be a conduit between the US and its allies"),
        ("repeat", "Mr Trump and the Russian dictator had 'a lengthy and highly productive' call"),
        ("credit", "AFP via Getty Images)"),
        ("footer", "***"),
        ("footer", "Read more at Example.co.uk"),
    ]


def test_single_newline_paragraphs_and_glued_rights_notice() -> None:
    text = LINES
    assert _marked(text) == [
        ("credit", "("),
        ("credit", "Getty Images)"),
        ("footer", text.splitlines()[-1]),
    ]


def test_ranges_cover_the_line_content_not_its_newline_or_outer_spaces() -> None:
    text = "Body text here.\n  Getty Images  \nMore body."
    (noise,) = find_noise(text)
    assert noise == NoiseRange(18, 30, "credit")
    assert text[noise.start : noise.end] == "Getty Images"


def test_first_occurrence_stays_unmarked() -> None:
    caption = "Ukraine president Volodymyr Zelensky has insisted on a seat at the table"
    text = f"{caption}\n\nBody.\n\n{caption}.\n\n{caption}\u00a0\u00a0"
    kinds = [(r.kind, r.start) for r in find_noise(text)]
    assert kinds == [("repeat", text.index(caption, 1)), ("repeat", text.rindex(caption))]


def test_short_repeats_are_not_captions() -> None:
    assert find_noise("He said:\n\nHe said:\n\nThank you.\n\nThank you.") == ()


def test_fold_unifies_quotes_spaces_case_and_end_punctuation() -> None:
    assert fold("It’s “a  deal”.\u00a0") == fold('it\'s "A deal"')
    assert fold("„Nein‟, ‚ja‛") == fold('"nein", \'ja')
    assert fold("Costs rose.") != fold("Costs rose again.")


def test_body_sentences_mentioning_agencies_are_not_credits() -> None:
    text = (
        "Two officials told Reuters the talks would resume.\n"
        "He told Reuters.\n"
        "Bloomberg reported the figures on Monday, citing sources.\n"
        "According to AFP, the summit ended early (Reuters reported otherwise).\n"
        "Copyright law was not discussed.\n"
        "The photo shows the PM at the summit in Paris with other leaders."
    )
    assert find_noise(text) == ()


def test_credit_line_variants() -> None:
    credits = [
        "Picture: PA Wire",
        "Photo: Carl Court/Getty Images",
        "Credit: Reuters",
        "(Image: Getty)",
        "Getty Images",
        "AFP/Getty Images",
        "PA Media",
        "EPA-EFE/Shutterstock",
        "Mr Starmer and Mr Macron in Paris (Reuters)",
        "AP Photo/Thibault Camus)",
    ]
    text = "\n".join(credits)
    assert [r.kind for r in find_noise(text)] == ["credit"] * len(credits)


def test_lone_parenthesis_only_marked_with_its_closing_half() -> None:
    assert find_noise("(\nThe PM said more would be spent on defence.") == ()
    assert [r.kind for r in find_noise("(\nJohn Smith)")] == ["credit", "credit"]


def test_footer_variants() -> None:
    footers = [
        "Read more: Starmer heads to Washington",
        "© Example Newspapers Ltd 2025",
        "Copyright 2025 Example Media. All rights reserved.",
        "All rights reserved.",
    ]
    text = "Body paragraph.\n" + "\n".join(footers)
    assert [r.kind for r in find_noise(text)] == ["footer"] * len(footers)


def test_empty_and_blank_texts_have_no_noise() -> None:
    assert find_noise("") == ()
    assert find_noise("\n\n  \n\u00a0\n") == ()


_PIECES = st.sampled_from(
    [
        "(",
        "(Image: Anadolu))",
        "AFP via Getty Images)",
        "Getty Images)",
        "Read more at Example.co.uk",
        "***",
        "All rights reserved",
        "The PM is arguing he can be a conduit between the US and its allies.",
        "The PM is arguing he can be a conduit between the US and its allies",
        "Mr Trump had ‘a lengthy call’",
        "Mr Trump had 'a lengthy call'",
        "Two officials told Reuters the talks would resume.",
        "",
        "  ",
        "\u00a0",
        "😀 emoji line with a no-break\u00a0space",
    ]
)
_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=30).map("\n".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=20).map("\n".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_noise_ranges_are_sorted_disjoint_and_inside_the_text(text: str) -> None:
    ranges = find_noise(text)
    previous_end = 0
    for noise in ranges:
        assert 0 <= noise.start < noise.end <= len(text)
        assert noise.start >= previous_end
        assert "\n" not in text[noise.start : noise.end]
        assert noise.kind in {"credit", "footer", "repeat"}
        previous_end = noise.end
