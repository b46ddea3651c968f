"""What an article calls someone besides their name, and whom such a description means.

"Halloran, 52," is later "the 52-year-old"; "Ferreira, who joined in May, is the first
defender" is later "the defender"; "Gerald Pike said he had given up. ‘…,’ the retired
engineer said." means Pike though the article never gave him that role. Kept apart from the
cast's names and roles because it reads descriptions, not names, and resolves late: only
once every named mention is known can "the retired engineer" look back for whom it fits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factdesk.core.suggest.lexicon import ANONYMOUS_ROLES, ROLE_ALTERNATION
from factdesk.core.suggest.person import Mention, Person, fold, gender_of_words, role_head

if TYPE_CHECKING:
    from factdesk.core.suggest.people import Cast

# "Halloran, 52, said": an age in apposition
_AGE_AFTER = re.compile(r",[ \t]+(\d{1,3}),")
# "Ferreira, who joined in 2025, is the first defender to score": what someone is said to be
_DESCRIBED_AS = re.compile(
    r"(?:,[^,.;:‘“\"]{1,80},)?"  # an apposition or relative clause: ", who joined in 2025,"
    r"[ \t]+(?:is|was|has[ \t]+been)[ \t]+(?:a|an|the)[ \t]+"  # "is the"
    r"(?:[\w’'\-]+[ \t]+){0,3}?"  # "first", "club's longest-serving"
    rf"((?:{ROLE_ALTERNATION}))\b(?!-)",
    re.IGNORECASE,
)

# where an epithet's someone lives: "the 47-year-old from Ashcott Vale", "the pensioner in
# Leith" (a capitalised place; "the Minister of Health" is a title, not a description)
_FROM_PLACE = re.compile(r"[ \t]+(?:from|in)[ \t]+[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*$")

# an epithet not yet resolved: (start, end, as written)
Epithet = tuple[int, int, str]


def learn_descriptions(text: str, mentions: list[Mention], cast: Cast) -> None:
    """ "Halloran, 52," is "the 52-year-old"; "Ferreira, who joined in May, is the first
    defender to…" and "Okafor is a nurse" are "the defender" and "the nurse"."""
    for mention in mentions:
        if not mention.person.named or cast.in_quote(mention.start):
            continue
        age = _AGE_AFTER.match(text, mention.end)
        if age:
            mention.person.roles.add(f"{age.group(1)}-year-old")
        described = _DESCRIBED_AS.match(text, mention.end)
        if described:
            mention.person.roles.add(fold(described.group(1)))


def is_epithet(surface: str) -> bool:
    """ "the retired engineer", "the striker", "the 41-year-old": a definite role of a few
    words with nothing after it, that is not an anonymous voice ("the spokesman")."""
    place = _FROM_PLACE.search(surface)
    if place:  # "the 47-year-old from Ashcott Vale": the description, then where they live
        surface = surface[: place.start()]
    words = fold(surface).split()
    return (
        words[0] == "the"
        and 2 <= len(words) <= 4
        and role_head(surface) == words[-1]
        and words[-1] not in ANONYMOUS_ROLES
    )


def resolve_epithets(cast: Cast, epithets: list[Epithet]) -> None:
    """ "Gerald Pike, 71, said he had given up. ‘…,’ the retired engineer said.": a
    definite role nobody holds is the first person of the nearest earlier sentence, in
    the same paragraph or the one before, who is named and fits; else someone new."""
    for start, end, surface in epithets:
        gender = gender_of_words(surface.split())
        person = _latest_holder(cast, surface, start) or _named_before(cast, start, gender)
        if person is None:
            person = cast.holder(surface, create=True)
        if person is not None:
            cast.add_mention(Mention(start, end, person, surface))


def _latest_holder(cast: Cast, surface: str, at: int) -> Person | None:
    """Of the named people the article gave this role ("Kingsmere defender Ryan Tuohy",
    "Ferreira … is the first defender"), the one mentioned last before `at`."""
    head = role_head(surface)
    holders = {id(p) for p in cast.people if p.named and head in map(role_head, p.roles)}
    for mention in reversed(cast.mentions_before(at)):
        if id(mention.person) in holders and not cast.in_quote(mention.start):
            return mention.person
    return None


def _named_before(cast: Cast, at: int, gender: str | None) -> Person | None:
    paragraph = cast.prose_paragraph(at)
    sentence: int | None = None
    first: Person | None = None
    for mention in reversed(cast.mentions_before(at)):
        person = mention.person
        if cast.in_quote(mention.start) or not person.named:
            continue
        if cast.prose_paragraph(mention.start) < paragraph - 1:
            break
        index = cast.sentence_index(mention.start)
        if sentence is not None and index != sentence:
            break
        if gender is None or person.gender in (None, gender):
            sentence, first = index, person
    return first
