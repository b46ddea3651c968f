"""The records a cast keeps (Person, Mention, KnownSpeaker) and the word helpers they share.

Kept apart from the cast itself so that the modules reading organisations and epithets can
use the same records, folding and role keys without importing the cast that uses them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from factdesk.core.suggest.first_names import FEMALE, MALE
from factdesk.core.suggest.lexicon import (
    COMPOUND_ROLES,
    FEMALE_ROLES,
    FEMALE_TITLES,
    MALE_ROLES,
    MALE_TITLES,
    is_role_word,
)

# a capitalised word, as names and organisations are written
NAME_WORD = r"[A-Z][\w’'\-]*"
_DETERMINER_PREFIXES = ("the ", "a ", "an ", "one ", "my ", "our ", "his ", "her ", "their ")


@dataclass(slots=True, eq=False)
class Person:
    name: str  # the canonical name: the desk's, or the fullest the article gives
    given: str | None
    family: str | None
    gender: str | None = None  # "m", "f" or None
    roles: set[str] = field(default_factory=set)  # folded role phrases
    aliases: set[str] = field(default_factory=set)  # folded: the desk's aliases

    def add_gender(self, gender: str | None) -> None:
        if gender and self.gender is None:
            self.gender = gender

    @property
    def named(self) -> bool:
        return bool(self.given or self.family)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: Person
    surface: str  # as written: "Sir Keir", "the Prime Minister"


@dataclass(frozen=True, slots=True)
class KnownSpeaker:
    """A speaker the desk already has, with the other names it goes by."""

    name: str
    aliases: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The form two spellings of one name share: curly apostrophes straight, case and
    spacing folded ("Ms O’Neill" and "ms  o'neill" are one person)."""
    return " ".join(text.replace("’", "'").casefold().split())


def gender_of_given(given: str | None) -> str | None:
    if not given:
        return None
    key = _without_accents(given.casefold())  # "Tomás" is "tomas", "Siân" is "sian"
    male, female = key in MALE, key in FEMALE
    return "m" if male and not female else "f" if female and not male else None


def gender_of_words(words: Sequence[str]) -> str | None:
    for word in words:
        key = fold(word).strip(".,")
        if key in MALE_TITLES or key in MALE_ROLES:
            return "m"
        if key in FEMALE_TITLES or key in FEMALE_ROLES:
            return "f"
    return None


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _without_determiner(key: str) -> str:
    """A folded role phrase without the word in front of it: "the minister" → "minister"."""
    for prefix in _DETERMINER_PREFIXES:
        key = key.removeprefix(prefix)
    return key


@functools.lru_cache(maxsize=4096)
def role_head(role: str) -> str:
    """The word a role is known by: "cabinet member for education" → "member",
    "hospital spokeswoman" → "spokeswoman", "Prime Minister" → "prime minister"."""
    key = _without_determiner(fold(role))
    key = re.split(r"\s(?:for|of|at|with|in|to)\s", key)[0]
    for compound, canonical in COMPOUND_ROLES.items():
        if key == compound or key.endswith(" " + compound):
            return canonical
    words = [w for w in key.split() if is_role_word(w)]
    return words[-1] if words else key


def role_key(phrase: str) -> str:
    """The whole role a phrase names, to tell "the health secretary" from "the secretary"."""
    key = _without_determiner(fold(phrase))
    return COMPOUND_ROLES.get(key, key)
