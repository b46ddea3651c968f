"""Anchoring highlights to text: selectors (quote + context) and finding a quote in a document.

A highlight is stored as a W3C TextPositionSelector (start, end in code points) plus a
TextQuoteSelector (the exact quote and 32 characters either side), so it can be re-found in a
corrected article later.
"""

from __future__ import annotations

from dataclasses import dataclass

from factdesk.core.errors import AmbiguousQuoteError, InvalidInputError, QuoteNotFoundError
from factdesk.core.text import shorten

CONTEXT = 32

# Characters a person typing a quote will not reproduce exactly: curly quotes, no-break and
# thin spaces, dashes. Folded only for the tolerant search; the stored quote is always exact.
_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "\u00a0": " ",
        "\u3000": " ",
        "\u205f": " ",
        **{chr(c): " " for c in range(0x2000, 0x200B)},  # en quad … hair space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\n": " ",
        "–": "-",
        "—": "-",
        "‑": "-",
        "‐": "-",
    }
)


@dataclass(frozen=True, slots=True)
class Selector:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def check_span(text: str, start: int, end: int) -> None:
    """Raise InvalidInputError unless [start, end) is a non-empty span inside `text`."""
    if not 0 <= start < end <= len(text):
        raise InvalidInputError(
            f"the span {start}:{end} is not inside the document (its text has {len(text)} "
            "characters; a span is START:END with START < END)"
        )
    if not text[start:end].strip():
        raise InvalidInputError(f"the span {start}:{end} holds only white space")


def make_selector(text: str, start: int, end: int) -> Selector:
    check_span(text, start, end)
    return Selector(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of `text` holding `quote`: exact matches, else matches that differ only in
    quote marks, dashes and white space (no-break spaces, line breaks)."""
    quote = quote.strip()
    if not quote:
        return []
    # Exact and tolerant matches together: a quote typed with straight marks must not pick the
    # straight-quoted copy silently when a curly-quoted copy exists too (that is ambiguous).
    folded, origin = _fold_with_origin(text)
    needle = match_key(quote)
    tolerant = [(origin[s], origin[e - 1] + 1) for s, e in _find_all(folded, needle)]
    return sorted(set(_find_all(text, quote)) | set(tolerant))


def locate_quote(text: str, quote: str, *, where: str = "the document") -> tuple[int, int]:
    """The one span holding `quote`; a clear error when it is absent or occurs more than once."""
    if not quote.strip():
        raise InvalidInputError("the quote is empty")
    spans = find_quote(text, quote)
    if not spans:
        raise QuoteNotFoundError(f"the quote {_short(quote)} does not occur in {where}")
    if len(spans) > 1:
        listed = ", ".join(f"{s}:{e}" for s, e in spans[:10])
        more = f" and {len(spans) - 10} more" if len(spans) > 10 else ""
        raise AmbiguousQuoteError(
            f"the quote {_short(quote)} occurs {len(spans)} times in {where} "
            f"(at {listed}{more}); choose one with --span START:END",
            spans,
        )
    return spans[0]


def match_key(text: str) -> str:
    """What two spellings of one quote share for the tolerant search (marks, dashes, spaces)."""
    return " ".join(text.translate(_FOLD).split())


def _find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans = []
    i = haystack.find(needle)
    while i != -1:
        spans.append((i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """Fold `text` and collapse white space runs, keeping each output char's source index."""
    out: list[str] = []
    origin: list[int] = []
    folded = text.translate(_FOLD)
    for i, ch in enumerate(folded):
        if ch == " " and out and out[-1] == " ":
            continue
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


def _short(quote: str) -> str:
    return f"“{shorten(quote, 60)}”"
