"""Find direct quotations in an article: the text inside quotation marks, in every style.

Handles ‘…’, “…”, '…', "…", «…» and „…“; a quotation nested in another, of another family
or the same (the outer one is the suggestion); the closing ’ that is also the apostrophe
(It’s, leaders’); and the multi-paragraph quotation, where each paragraph reopens the quote
without the previous one closing: one span per paragraph, linked to the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"

_OPENERS = {"“": DOUBLE, "„": DOUBLE, "‘": SINGLE, "‚": SINGLE, "«": GUILLEMET}
_CLOSERS = {"”": DOUBLE, "“": DOUBLE, "’": SINGLE, "»": GUILLEMET}
_STRAIGHT = {'"': DOUBLE, "'": SINGLE}
# before an opening mark: the start, a space, an opening bracket or dash
_OPEN_BEFORE = set(" \t\n([{—–-/")
_WORD_CHAR = re.compile(r"[\w]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The inside of one quotation mark pair in one paragraph: [start, end) excludes the marks.

    `closed` is False when the paragraph ended before the closing mark (a quote that goes on
    in the next paragraph, or a stray mark); `continues` is the index, in the list returned by
    find_quotes, of the paragraph-quote this one continues (the same speaker), or None.
    """

    start: int
    end: int
    mark_start: int  # the opening mark
    mark_end: int  # just after the closing mark (or the inside's end when unclosed)
    family: str
    paragraph: int
    closed: bool
    continues: int | None = None


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs are separated by blank lines; a text without blank lines has one per line.

    A block between blank lines is one paragraph when its lines are wrapped (all short); when
    one of them is longer than any wrapping would leave it, every line is a paragraph (a page
    saved with a single blank line after its headline)."""
    blank = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else None
    found: list[Paragraph] = []
    position = 0
    for match in [*(blank.finditer(text) if blank else ()), None]:
        end = match.start() if match else len(text)
        lines = text[position:end].split("\n")
        if blank is None or any(len(line) > _WRAPPED_LINE for line in lines):
            for line in lines:
                found.extend(_stripped(line, position))
                position += len(line) + 1
        else:
            found.extend(_stripped(text[position:end], position))
        if match:
            position = match.end()
    return found


_WRAPPED_LINE = 100  # characters: a line longer than this was not wrapped by hand


def _stripped(chunk: str, position: int) -> list[Paragraph]:
    stripped = chunk.strip()
    if not stripped:
        return []
    start = position + chunk.index(stripped[0])
    return [Paragraph(start, start + len(stripped))]


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every outermost quotation, paragraph by paragraph, in text order."""
    spans: list[QuoteSpan] = []
    open_quote: int | None = None  # the index of a quote left open at a paragraph's end
    for index, paragraph in enumerate(paragraphs(text)):
        found = _quotes_in(text, paragraph, index)
        if open_quote is not None and found and found[0].mark_start == paragraph.start:
            prior = spans[open_quote]
            if found[0].family == prior.family:
                first = prior.continues if prior.continues is not None else open_quote
                found[0] = replace(found[0], continues=first)
        open_quote = None
        for span in found:
            spans.append(span)
            if not span.closed:
                open_quote = len(spans) - 1
    return spans


def find_nested(text: str, outer: QuoteSpan) -> list[QuoteSpan]:
    """The quotations inside `outer`, of another family or the same (one level: “My coach
    told me, ‘Don’t look…’”, ‘We were told, ‘It’s a done deal,’ and…’)."""
    found: list[QuoteSpan] = []
    position = outer.start
    while position < outer.end:
        opener = _next_opener(text, position, outer.end)
        if opener is None:
            break
        at, family = opener
        close = _closing_mark(text, at + 1, outer.end, family, depth=1)
        if (
            family == outer.family
            and close is not None
            and not _inner_fits(text, at, close, outer.mark_end)
        ):
            close = None  # an apostrophe or a stray mark, not a quotation of the same family
        if close is None:
            position = at + 1
            continue
        start, end = _trim(text, at + 1, close)
        if end > start:
            found.append(QuoteSpan(start, end, at, close + 1, family, outer.paragraph, closed=True))
        position = close + 1
    return found


def _quotes_in(text: str, paragraph: Paragraph, index: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    position = paragraph.start
    while position < paragraph.end:
        opener = _next_opener(text, position, paragraph.end)
        if opener is None:
            break
        at, family = opener
        close = _closing_mark(text, at + 1, paragraph.end, family)
        if close is None:
            inside_end = trim_end(text, at + 1, paragraph.end)
            if inside_end > at + 1:
                found.append(
                    QuoteSpan(at + 1, inside_end, at, inside_end, family, index, closed=False)
                )
            break
        if text[at + 1 : close].strip():
            start, end = _trim(text, at + 1, close)
            found.append(QuoteSpan(start, end, at, close + 1, family, index, closed=True))
        position = close + 1
    return found


def _next_opener(text: str, start: int, end: int) -> tuple[int, str] | None:
    for at in range(start, end):
        char = text[at]
        family = _OPENERS.get(char)
        if family is None and char in _STRAIGHT:
            family = _STRAIGHT[char] if _straight_opens(text, at, end) else None
        if family is None:
            continue
        if family == SINGLE and not _single_opens(text, at, end):
            continue
        return at, family
    return None


def _straight_opens(text: str, at: int, end: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < end else " "
    return (before in _OPEN_BEFORE or before in "\u00a0") and not after.isspace()


def _single_opens(text: str, at: int, end: int) -> bool:
    """‘ opens a quote unless it elides ("‘90s", "rock ‘n’ roll"); ' only after a space."""
    after = text[at + 1] if at + 1 < end else " "
    if after.isspace():
        return False
    if text[at] == "‘":
        return not re.match(r"‘(?:\d\ds\b|n’|em\b|cause\b|til\b)", text[at : at + 8])
    return True


def _closing_mark(text: str, start: int, end: int, family: str, depth: int = 0) -> int | None:
    """The position of the mark closing a quote of `family` opened just before `start`.

    Marks of the other families inside are a nested quotation and skipped over whole, and so
    is a quotation of the same family that leaves a closing mark for the outer one. A
    single closing mark between two letters is an apostrophe; one after an "s" and before a
    space may be a plural possessive (leaders’ summit), so it closes only when no later mark
    in the paragraph closes more plausibly (after punctuation or before it).
    """
    candidates: list[int] = []
    at = start
    while at < end:
        char = text[at]
        nested = _OPENERS.get(char) or (
            _STRAIGHT.get(char) if _straight_opens(text, at, end) else None
        )
        if nested and (nested != SINGLE or _single_opens(text, at, end)):
            # a quote inside: of another family, or of the same one when the mark can only
            # open (‘ after a space, in ‘…, ‘It’s a deal,’ and…’)
            inner = _closing_mark(text, at + 1, end, nested, depth + 1) if depth < 2 else None
            if inner is not None and (nested != family or _inner_fits(text, at, inner, end)):
                at = inner + 1
                continue
            if nested == family and candidates:
                return candidates[0]  # ‘yes’ and ‘no’: a new quotation opens, so s’ closed
        if _closes(text, at, end, family):
            if not _possessive(text, at, end):
                return at
            candidates.append(at)
        at += 1
    return candidates[0] if candidates else None


def _inner_fits(text: str, opener: int, inner_close: int, end: int) -> bool:
    """A same-family mark at `opener` opens a nested quotation only when another closing mark
    follows its own (the outer quotation's), so ‘a’ and ‘b’ stay two quotations."""
    if not text[opener - 1 : opener].isspace() and text[opener - 1 : opener] not in "(—–":
        return False
    family = _OPENERS.get(text[opener]) or _STRAIGHT[text[opener]]
    return any(_closes(text, at, end, family) for at in range(inner_close + 1, end))


def _closes(text: str, at: int, end: int, family: str) -> bool:
    char = text[at]
    if _CLOSERS.get(char) != family and _STRAIGHT.get(char) != family:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < end else " "
    if before.isspace() and family != GUILLEMET:
        return False  # a mark after a space opens, it does not close (« French » aside)
    if family == SINGLE:
        return not _WORD_CHAR.match(after)  # it’s, don’t: an apostrophe
    return True


def _possessive(text: str, at: int, end: int) -> bool:
    """s’ followed by a space and a lower-case word: "the leaders’ summit", not a close."""
    if text[at] not in "’'":
        return False
    return text[at - 1] in "sS" and bool(re.match(r"[ \u00a0][a-z]", text[at + 1 : at + 3]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The inside without the spaces French typography puts inside « guillemets »."""
    while start < end and text[start].isspace():
        start += 1
    return start, trim_end(text, start, end)


def trim_end(text: str, start: int, end: int) -> int:
    """`end` moved back over whitespace, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
