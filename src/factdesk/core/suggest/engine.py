"""Suggest claims for one article: its quotations with their speakers, and its figures.

Pure Python, offline, no model: `suggest(text, noise=…, speakers=…)` reads the article's cast
(factdesk.core.suggest.people), its quotations (quotes) and figures (numbers), attributes each
quotation (attribution) and scores it. Quotations inside noise (repeated captions, credit
lines, footers) or on an image's caption or a footer's headline (captions) are left out:
they repeat the body or are not the article's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from factdesk.core.noise import NoiseRange, covers, fold
from factdesk.core.suggest import attribution
from factdesk.core.suggest.attribution import Attribution
from factdesk.core.suggest.captions import captions
from factdesk.core.suggest.lexicon import TITLE_SMALL_WORDS
from factdesk.core.suggest.numbers import find_figures
from factdesk.core.suggest.people import Cast, mask_abbreviations
from factdesk.core.suggest.person import KnownSpeaker, Person
from factdesk.core.suggest.quotes import Paragraph, QuoteSpan, find_nested, find_quotes, paragraphs

QUOTE, NUMBER = "quote", "number"
# a suggestion at or above this score is offered as a full quotation; below, it is a
# scare quote or a fragment ("bridge", "beautiful"), kept for completeness
FULL_QUOTE_SCORE = 0.5
_SHORT = 3  # words: a quotation this short is a scare quote unless it is attributed


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str  # "quote" | "number"
    start: int
    end: int
    text: str
    speaker: str | None
    score: float
    said_as: str | None = None  # the attribution as written ("Sir Keir"), for learning aliases
    figure: str | None = None  # for numbers: the figure inside the clause
    continues: int | None = None  # for a quote's later paragraphs: the index of its first

    def as_json(self) -> dict[str, Any]:
        """The stable keys of `factdesk suggest --json` (plus `figure` for numbers)."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "score": round(self.score, 2),
        }
        if self.figure is not None:
            data["figure"] = self.figure
        return data


def suggest(
    text: str, *, noise: Sequence[NoiseRange] = (), speakers: Sequence[KnownSpeaker] = ()
) -> list[Suggestion]:
    """Quotations and figures of `text`, in text order; offsets are code points."""
    # "Dr." and "Sen." do not end sentences: the analysis reads a copy where their full stop
    # is a space (same length, same offsets); the suggestions quote the article itself
    shadow = mask_abbreviations(text)
    spans = _outside_noise(find_quotes(text), noise)
    spans = _outside_noise(spans, captions(text, spans, noise))
    cast = Cast(speakers)
    cast.read(shadow, [(q.mark_start, q.mark_end) for q in spans])
    outer, people = _attribute(shadow, spans, cast)
    inner = [
        _nested(shadow, span, said, cast, person)
        for span, said, person in zip(spans, outer, people, strict=True)
    ]
    quotes = [
        replace(s, text=text[s.start : s.end])
        for s in [*outer, *(s for group in inner for s in group)]
    ]
    figures = [
        Suggestion(
            NUMBER, f.start, f.end, text[f.start : f.end], None, _figure_score(f.kind),
            figure=text[f.figure_start : f.figure_end],
        )
        for f in find_figures(text)
        if not covers(noise, f.figure_start, f.figure_end)
    ]  # fmt: skip
    return sorted(quotes + figures, key=lambda s: (s.start, s.kind))


@dataclass(frozen=True, slots=True)
class _Article:
    text: str
    spans: list[QuoteSpan]
    paras: list[Paragraph]
    cast: Cast


def _attribute(
    text: str, spans: list[QuoteSpan], cast: Cast
) -> tuple[list[Suggestion], list[Person | None]]:
    """Each quotation with its speaker, and the person (if any) that speaker is."""
    article = _Article(text, spans, paragraphs(text), cast)
    found: list[Attribution | None] = []
    for i in range(len(spans)):
        found.append(_attribution_of(article, i, found))
    _from_repeats(text, spans, found)
    # a quote running over paragraphs has one speaker: the first attribution in the run
    for i, span in enumerate(spans):
        if span.continues is not None and found[span.continues] is None and found[i] is not None:
            found[span.continues] = found[i]
    suggestions: list[Suggestion] = []
    people: list[Person | None] = []
    for i, span in enumerate(spans):
        said = found[span.continues] if span.continues is not None else found[i]
        people.append(said.person if said else None)
        words = len(text[span.start : span.end].split())
        if words <= _SHORT and said is not None and not _stated_close(span, said):
            said = None
        resumes = i > 0 and _resumes_sentence(text, spans[i - 1], span)
        suggestions.append(
            Suggestion(
                QUOTE, span.start, span.end, text[span.start : span.end],
                said.speaker if said else None,
                _quote_score(text, span, words, said, resumes=resumes),
                said_as=said.surface if said else None, continues=span.continues,
            )
        )  # fmt: skip
    return suggestions, people


def _attribution_of(
    article: _Article, i: int, found: list[Attribution | None]
) -> Attribution | None:
    text, spans, paras, cast = article.text, article.spans, article.paras, article.cast
    span = spans[i]
    paragraph = paras[span.paragraph]
    nxt = spans[i + 1] if i + 1 < len(spans) else None
    limit = nxt.mark_start if nxt and nxt.paragraph == span.paragraph else paragraph.end
    previous = spans[i - 1] if i > 0 and spans[i - 1].paragraph == span.paragraph else None
    if span.closed:
        said = attribution.after(text, span.mark_end, limit, cast)
        if said is None and span.mark_start == paragraph.start and _long(text, span, 5):
            # "‘…’: Dame Maureen on 50 years at the Pavilion" (a shorter one is a tagline)
            said = attribution.headline_after(text, span.mark_end, cast)
        if said is not None:
            return said
    start = previous.mark_end if previous else paragraph.start
    said = attribution.before(text, start, span.mark_start, cast)
    if said is None:
        said = attribution.lead_in(text, paragraph.start, span.mark_start, cast)
    if said is not None:
        return said
    if previous is not None and found[i - 1] is not None:
        # ‘…,’ she said. ‘…’ — or “…,” said Dr Nkemelu, a neurologist at Ridgeway. “…”: the
        # same speaker goes on after a short gap or one sentence that is the attribution
        between = text[previous.mark_end : span.mark_start]
        if len(between.split()) <= 12 or _only_attribution(between, previous, found[i - 1]):
            return found[i - 1]
    if previous is None and span.mark_start == paragraph.start and span.paragraph > 0:
        return _from_paragraph_before(article, i, found)
    return None


def _from_repeats(text: str, spans: list[QuoteSpan], found: list[Attribution | None]) -> None:
    """A quotation nobody is said to have said that repeats (part of) one somebody did is
    theirs: a headline's or a cross-head's ‘We’ve been left with no choice’ is the
    union leader's when the body quotes him saying it."""
    folded = [fold(text[span.start : span.end]) for span in spans]
    for i, said in enumerate(found):
        if said is not None or spans[i].continues is not None or len(folded[i].split()) <= _SHORT:
            continue
        for j, other in enumerate(found):
            if other is not None and j != i and folded[i] in folded[j]:
                found[i] = other
                break


def _only_attribution(between: str, previous: QuoteSpan, said: Attribution) -> bool:
    """The text between two quotations is one sentence holding the first one's attribution."""
    holds = previous.mark_end <= said.start < previous.mark_end + len(between)
    return holds and re.search(r"[.!?]\s+\S", between.strip()) is None


def _from_paragraph_before(
    article: _Article, i: int, found: list[Attribution | None]
) -> Attribution | None:
    """A quotation that opens its paragraph, with nothing said about it there."""
    text, spans, cast = article.text, article.spans, article.cast
    span = spans[i]
    paragraph = article.paras[span.paragraph]
    before_para = article.paras[span.paragraph - 1]
    tail = text[before_para.start : before_para.end].rstrip()
    if tail.endswith(":"):  # "He added:" then the quote as its own paragraph
        return attribution.before(text, before_para.start, before_para.end, cast)
    earlier = [j for j in range(i) if spans[j].paragraph == span.paragraph - 1]
    if span.end < paragraph.end - 2:
        return None  # the paragraph goes on after the quotation: it is not all quote
    if earlier:  # a quote paragraph after a quoted one: the same voice goes on
        last = earlier[-1]
        return found[last] if _long(text, spans[last]) else None
    # "Mrs Holt read a statement outside court." then the statement as its own paragraph;
    # "Mr Hurst said his list had grown." then what he said, as its own paragraph
    said = attribution.statement(text, before_para.start, before_para.end, cast)
    return said or attribution.reported(text, before_para.start, before_para.end, cast)


def _nested(
    text: str, outer: QuoteSpan, said: Suggestion, cast: Cast, outer_person: Person | None
) -> list[Suggestion]:
    """Quotations inside a quotation, said by whoever the outer speaker names:
    “My coach told me, ‘Don’t look at the clock,’ so I didn’t.” → my coach; “I said, ‘No.’”
    → the outer speaker; “I asked him and he said, ‘No.’” → a "he" who is not the speaker."""
    found: list[Suggestion] = []
    previous_end = outer.start
    for span in find_nested(text, outer):
        words = len(text[span.start : span.end].split())
        who = attribution.before(text, previous_end, span.mark_start, cast)
        if who is None:
            who = attribution.after(text, span.mark_end, outer.end, cast)
        if who is not None and _first_person(who.surface):
            who = _outer_speaker(said, who)
        elif who is not None and who.person is not None and who.person is outer_person:
            who = attribution.someone_else(who, outer_person, cast)
        if words <= _SHORT and who is not None and not _stated_close(span, who):
            who = None
        found.append(
            Suggestion(
                QUOTE, span.start, span.end, text[span.start : span.end],
                who.speaker if who else None, _quote_score(text, span, words, who),
                said_as=who.surface if who else None,
            )
        )  # fmt: skip
        previous_end = span.mark_end
    return found


def _first_person(surface: str) -> bool:
    return surface.casefold() in {"i", "me", "we", "us"}


def _outer_speaker(said: Suggestion, who: Attribution) -> Attribution | None:
    """ "I said, ‘…’" inside a quotation: its speaker said the inner one too."""
    if said.speaker is None:
        return None
    return Attribution(said.speaker, who.surface, who.start, who.end)


def _stated_close(span: QuoteSpan, said: Attribution) -> bool:
    """A scare quote keeps a speaker only when the attribution is right beside it: a named
    person just after it (‘bridge’, Mr Smith said), or any attribution just before it."""
    named_after = said.person is not None and abs(said.start - span.mark_end) < 40
    just_before = abs(span.mark_start - said.end) < 40
    return named_after or just_before


def _long(text: str, span: QuoteSpan, words: int = _SHORT) -> bool:
    return len(text[span.start : span.end].split()) > words


def _resumes_sentence(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """ "‘I was sent here,’ Pell told reporters, ‘and Iowa grows corn…’": the second part
    goes on with the sentence the first began, so its lower-case start is no fragment."""
    if previous.paragraph != span.paragraph or not text[previous.start : previous.end].endswith(
        ","
    ):
        return False
    between = text[previous.mark_end : span.mark_start]
    return between.rstrip().endswith(",") and len(between.split()) <= 8


def _quote_score(
    text: str, span: QuoteSpan, words: int, said: Attribution | None, *, resumes: bool = False
) -> float:
    if words <= 1:
        score = 0.1
    elif words <= _SHORT:
        score = 0.2
    elif words <= 5:
        score = 0.45
    else:
        score = 0.6
    if said is not None and said.speaker:
        score += 0.25
    inner = text[span.start : span.end].rstrip()
    if inner.endswith((".", "!", "?", ",")) or not span.closed:
        score += 0.1
    if (inner[:1].islower() and not resumes) or _title_case(inner) or _titled(text, span):
        # "a pattern of behaviour, not a one-off", "Building for the Next Decade": a phrase
        # quoted inside the writer's own sentence, or the title of something
        score = min(score, FULL_QUOTE_SCORE - 0.05)
    if not span.closed and span.continues is None and words < 6:
        score -= 0.2  # a stray mark, not a quotation
    return max(0.0, min(1.0, score))


# a name given to a work just before it: "a letter headed ‘…’", "the review, titled ‘…’"
_TITLED = re.compile(
    r"\b(?:titled|entitled|headed|headlined|named|dubbed|under\s+the\s+title)[,:]?\s*$"
)


def _title_case(inner: str) -> bool:
    words = [w for w in inner.split() if w[:1].isalpha()]
    return 2 <= len(words) <= 8 and all(w[0].isupper() or w in TITLE_SMALL_WORDS for w in words)


def _titled(text: str, span: QuoteSpan) -> bool:
    return _TITLED.search(text, max(0, span.mark_start - 30), span.mark_start) is not None


def _figure_score(kind: str) -> float:
    scores = {"percent": 0.8, "money": 0.8, "measure": 0.6, "count": 0.6, "score": 0.5}
    return scores.get(kind, 0.3)  # dates, times and ages: checkable, rarely the claim


def _outside_noise(spans: list[QuoteSpan], noise: Sequence[NoiseRange]) -> list[QuoteSpan]:
    """The spans outside noise, with `continues` renumbered for the shorter list."""
    kept: list[QuoteSpan] = []
    new_index: dict[int, int] = {}
    for index, span in enumerate(spans):
        if covers(noise, span.start, span.end):
            continue
        new_index[index] = len(kept)
        first = new_index.get(span.continues) if span.continues is not None else None
        kept.append(replace(span, continues=first))
    return kept
