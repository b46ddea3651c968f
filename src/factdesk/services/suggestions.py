"""Claim suggestions for a document of a desk, and what accepting or dismissing one does.

The core (factdesk.core.suggest) reads the article; this adds what the desk knows: its
speakers and their aliases resolve "Sir Keir", spans already quoted by a claim are not
suggested again, and dismissed suggestions stay dismissed. Accepting a quotation makes a
claim quoted at its span, with its speaker and the article's date, and teaches the desk the
name it was said under ("Sir Keir" → Keir Starmer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factdesk.core.records import Changes, ClaimInfo
from factdesk.core.suggest import QUOTE, KnownSpeaker, Suggestion, suggest
from factdesk.services.claim_input import NewClaim
from factdesk.services.desk import Desk, Outcome

# "the minister" or "a spokesman" names a different person in the next story: only names and
# capitalised titles ("Sir Keir", "Mr Zelensky", "the Prime Minister") become aliases
_GENERIC_STARTS = ("a ", "an ", "one ", "my ", "our ", "his ", "her ", "their ")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


@dataclass(frozen=True, slots=True)
class Accepted:
    claim: ClaimInfo
    alias_learned: str | None  # the name the desk now knows the speaker by, if new


def suggestions(desk: Desk, doc_id: int) -> list[Suggestion]:
    """What to suggest for document `doc_id`: new quotations and figures, in text order."""
    document = desk.document(doc_id)
    known = [KnownSpeaker(s.name, s.aliases) for s in desk.speakers()]
    found = suggest(document.text, noise=document.noise, speakers=known)
    quoted = [
        (span.start, span.end)
        for claim in desk.claims(doc_id=doc_id)
        for span in claim.spans
        if span.doc == doc_id
    ]
    dismissed = desk.dismissed_suggestions(doc_id)
    return [
        s
        for s in found
        if (s.kind, s.start, s.end) not in dismissed and not _already_quoted(s, quoted)
    ]


def _already_quoted(suggestion: Suggestion, quoted: Iterable[tuple[int, int]]) -> bool:
    """A claim already quotes most of it (a highlight may trim the punctuation)."""
    length = max(1, suggestion.end - suggestion.start)
    for start, end in quoted:
        overlap = min(end, suggestion.end) - max(start, suggestion.start)
        if overlap > 0 and overlap / length >= 0.6:
            return True
    return False


def accept(desk: Desk, doc_id: int, suggestion: Suggestion) -> Outcome[Accepted]:
    """Make the claim a suggestion proposes: its span, its speaker, the article's date."""
    outcome = accept_each(desk, doc_id, [suggestion])
    return Outcome(outcome.value[0], outcome.changes)


def accept_all_quotes(
    desk: Desk, doc_id: int, found: Sequence[Suggestion], speaker: str
) -> Outcome[list[Accepted]]:
    """Accept every suggested quotation of `speaker` in the document, in text order, all in
    one transaction: a failure leaves none of them made."""
    chosen = [s for s in found if s.kind == QUOTE and s.speaker == speaker]
    return accept_each(desk, doc_id, sorted(chosen, key=lambda s: s.start))


def accept_each(desk: Desk, doc_id: int, chosen: Sequence[Suggestion]) -> Outcome[list[Accepted]]:
    """Accept each of `chosen` (in that order), all in one transaction."""
    if not chosen:
        return Outcome([], Changes())
    published = desk.document(doc_id).info.published
    drafts = [
        NewClaim(s.start, s.end, s.speaker, published, learnable_alias(s) if s.speaker else None)
        for s in chosen
    ]
    outcome = desk.add_claims(doc_id, drafts)
    return Outcome([Accepted(c, a) for c, a in outcome.value], outcome.changes)


def learnable_alias(suggestion: Suggestion) -> str | None:
    """The name a quotation was attributed under, when it is worth remembering."""
    said_as = " ".join((suggestion.said_as or "").split())
    speaker = suggestion.speaker or ""
    if not said_as or not speaker or said_as.casefold() == speaker.casefold():
        return None
    folded = said_as.casefold()
    if folded in _PRONOUNS or folded.startswith(_GENERIC_STARTS):
        return None
    words = said_as.split()
    if folded.startswith("the "):  # "the Prime Minister" yes, "the minister" no
        return said_as if all(w[:1].isupper() for w in words[1:]) else None
    return said_as if words[0][:1].isupper() else None
