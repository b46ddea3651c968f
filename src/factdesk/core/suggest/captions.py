"""Lines holding a quotation that are an image's caption or a footer's headline.

Noise detection (factdesk.core.noise) finds captions that repeat; a caption printed once, or
a "Read more" footer's headline, is found here from the quotation's line and its neighbours.
Neither is the article's own report of what was said, so the engine leaves their quotes out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factdesk.core.noise import NoiseRange
from factdesk.core.suggest.quotes import QuoteSpan

# an image credit: "(AW Photo/Jenna Kowalski)", "(Photo by Jo Lark)", "Picture: Harrowvale Gazette"
_CREDIT = (
    r"(?:\([^()]*\b(?:Photo|Picture|Image|Photograph)s?\b[^()]*\)"
    r"|\b(?:Photo|Picture|Image|Photograph)s?:[^.!?]*)\s*"
)
_CREDIT_AT_END = re.compile(rf"{_CREDIT}$")  # at the end of a caption's line
_CREDIT_LINE = re.compile(rf"\s*(?:\(\n|{_CREDIT}(?:\n|$))")  # a lone "(" opens one over lines
# a line that introduces the footer's links to other stories: "Read more", "Related"
_FOOTER_LEAD = re.compile(r"(?:read more|related|more on this story|most read)\s*:?", re.IGNORECASE)
# a caption that says so: "Photo caption: Sen. Pell said: “…”"
_CAPTION_LABEL = re.compile(r"(?:(?:photo|image|picture)\s+)?caption\s*:", re.IGNORECASE)
_CAPTION = 200  # characters: a longer line is a paragraph of the article, not a caption
_SPACE = re.compile(r"\s*")


def captions(text: str, spans: list[QuoteSpan], noise: Sequence[NoiseRange]) -> list[NoiseRange]:
    """The lines holding a quotation that are an image's caption or a footer's headline.

    A caption is a short line with words beside the quotation, right above a credit line
    ("Cllr Wynne: ‘…’" then "(Image: Getty)", or "(" and the credit on the next line) or
    ending with its credit; a footer headline is the line after a bare "Read more". Both
    repeat or advertise; neither is the article's own report of what was said."""
    credits = {n.start for n in noise if n.kind == "credit"}
    found: list[NoiseRange] = []
    for span in spans:
        start = text.rfind("\n", 0, span.mark_start) + 1
        end = text.find("\n", span.mark_end)
        end = len(text) if end == -1 else end
        outside = text[start : span.mark_start] + text[span.mark_end : end]
        if end - start > _CAPTION or not re.search(r"[A-Za-z]", outside):
            continue  # a paragraph, or a line all quotation (a caption names its speaker)
        after = _SPACE.match(text, end).end()
        if (
            _CAPTION_LABEL.match(text, start)
            or after in credits
            or _CREDIT_LINE.match(text, end)
            or _CREDIT_AT_END.search(text, start, end)
            or _FOOTER_LEAD.fullmatch(_line_before(text, start))
        ):
            found.append(NoiseRange(start, end, "caption"))
    return found


def _line_before(text: str, start: int) -> str:
    """The last line with words before the line at `start`."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[text.rfind("\n", 0, end) + 1 : end].strip()
