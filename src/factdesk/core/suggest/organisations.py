"""The organisations an article names, and which one "the company" or "Highvale" means.

Organisations ("Highvale Water", "the Department for Schools", "bike maker Harwood") speak
under their names, never as "he" or "she", so the cast keeps them apart from people. One is
recognised by its name's last word (Water, Council, Trust), by an organisation's word with
"of" or "for" and a name (Bank of England), or by the words around it (", which runs",
"the retailer …"); a legal form after the name ("Inc.", "plc") is not what it is called.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factdesk.core.suggest.lexicon import (
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    ROLE_ALTERNATION,
    RUN_OPENERS,
)
from factdesk.core.suggest.person import NAME_WORD, fold

# the legal form after a company's name, not part of what it is called
_LEGAL_SUFFIXES = frozenset(
    {"inc", "ltd", "plc", "llc", "corp", "limited", "co", "llp", "ag", "sa"}
)
_ORG_NOUN = rf"(?:{'|'.join(sorted(ORG_NOUNS))})s?\b(?![ \t]+(?:{ROLE_ALTERNATION})\b)"
# "Kestrel Ocean Lines, which runs", "Harwood Cycles, one of the last bicycle manufacturers"
_ORG_AFTER = re.compile(
    r",[ \t]+(?:which\b"  # ", which runs"
    r"|(?:one[ \t]+of[ \t]+)?(?:the|a|an)[ \t]+"  # ", one of the", ", a"
    rf"(?:[\w’'\-]+[ \t]+){{0,4}}?{_ORG_NOUN})",  # "last bicycle manufacturers"
    re.IGNORECASE,
)
# "bike maker Harwood", "the retailer Bloomfield's"
_ORG_BEFORE = re.compile(rf"\b{_ORG_NOUN}[ \t]+$", re.IGNORECASE)
# "Department for Schools", "Bank of England", "Royal College of Nursing", "the Office for
# National Statistics": capitalised words ending in an organisation's word, then of/for and a
# capitalised name
_ORG_OF_NAME = re.compile(
    rf"\b(?:{'|'.join(sorted(w.capitalize() for w in ORG_HEADS))})"
    rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{NAME_WORD}(?:[ \t]+{NAME_WORD})*"
)
# a saint's or a monarch's name before a school's or a hospital's: "St Aldric’s ", "King’s "
_SAINT_BEFORE = re.compile(rf"\b(?:(?:St|Saint)\.?[ \t]+{NAME_WORD}|King|Queen)[’']s[ \t]+$")
_LEADING_WORDS = re.compile(rf"(?:{NAME_WORD}[ \t]+)+$")

# whether a capitalised word at a position is rather a person's surname (the cast knows)
PersonFirst = Callable[[str, "int | None"], bool]


class Organisations:
    """The organisations of one article, as written, in the order they were found."""

    def __init__(self) -> None:
        self.names: list[str] = []  # "Highvale Water", "Downing Street"
        self._at: list[tuple[int, str]] = []  # where each is named in full, in text order

    def read(self, text: str, runs: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """Find the article's organisations; return the capitalised runs that name one (a
        run inside "Bank of England" is part of that name, not an organisation of its own)."""
        named_of = self._of_names(text)
        found = {
            run
            for run in runs
            if not any(s <= run[0] < e for s, e in named_of) and self._introduce(text, *run)
        }
        self._at = _occurrences(text, self.names)
        return found

    def named(self, phrase: str, at: int | None, person_first: PersonFirst) -> str | None:
        """The organisation `phrase` (at `at`) names: its full name ("Downing Street"), its
        first word ("Highvale" for Highvale Water) or "the" and its last word ("the
        cooperative"), when only one organisation of the article fits; "the company" or "the
        firm" is the last organisation named before `at`. The longest name is kept ("Harwood
        Cycles" for "Harwood"); a first word is no organisation when `person_first` says a
        person of that surname was named before."""
        words = fold(phrase).split()
        initials = _by_initials(phrase, self.names) if words else None
        if initials is not None or not words:
            return initials  # "the NMRC": the Navapur Metro Rail Corporation
        if len(words) == 1 and phrase[:1].isupper():
            return self._by_word(words[0], at, person_first)
        full = [o for o in self.names if fold(o) in {" ".join(words), " ".join(words[1:])}]
        if full:
            return full[0]  # "Highvale Water", "the Department for Schools"
        if len(words) == 2 and words[0] == "the":
            fits = [o for o in self.names if _head(o) == words[1]]
            if len(fits) == 1:
                return fits[0]
            if words[1] in ORG_NOUNS and at is not None:
                before = [name for position, name in self._at if position < at]
                return before[-1] if before else None
        return None

    def _introduce(self, text: str, start: int, end: int) -> bool:
        """ "Highvale Water", "Marshfield District Council": a capitalised run that ends with
        the word an organisation's or a place's name ends with."""
        words = text[start:end].split()
        while words and fold(words[0]) in RUN_OPENERS:
            words.pop(0)
        by_name = len(words) >= 2 and fold(words[-1]).strip(".,") in ORG_HEADS
        if not words or not (by_name or _by_context(text, start, end)):
            return False
        if len(words) >= 3 and fold(words[-1]).strip(".,") in _LEGAL_SUFFIXES:
            words.pop()  # "Halvern Instruments Inc." speaks as Halvern Instruments
        saint = _SAINT_BEFORE.search(text, max(0, start - 40), start)
        if saint and by_name:
            words.insert(0, saint.group().rstrip())  # "St Aldric’s CE Primary School"
        self._add(" ".join(words))
        return True

    def _of_names(self, text: str) -> list[tuple[int, int]]:
        """ "the Department for Schools", "Bank of England", "Royal College of Nursing": an
        organisation's word, "of" or "for", and a capitalised name; where each is named."""
        found: list[tuple[int, int]] = []
        for match in _ORG_OF_NAME.finditer(text):
            # the capitalised words before its head: "Royal College of Nursing"
            lead = _LEADING_WORDS.search(text, max(0, match.start() - 60), match.start())
            start = lead.start() if lead else match.start()
            words = text[start : match.end()].split()
            while words and fold(words[0]) in RUN_OPENERS:
                words.pop(0)
            self._add(" ".join(words))
            found.append((start, match.end()))
        return found

    def _add(self, name: str) -> None:
        if fold(name) not in {fold(o) for o in self.names}:
            self.names.append(name)

    def _by_word(self, word: str, at: int | None, person_first: PersonFirst) -> str | None:
        """ "Highvale": the one organisation whose name starts with it (the longest name),
        unless a person of that surname was named before."""
        fits = [o for o in self.names if fold(o).split()[0] == word]
        longest = {fold(o) for o in fits if len(o.split()) == max(len(f.split()) for f in fits)}
        if len(longest) != 1 or person_first(word, at):
            return None
        return next(o for o in fits if fold(o) in longest)


def _by_initials(phrase: str, names: list[str]) -> str | None:
    """ "NMRC", "the NBF": the one organisation whose name's initials these are (small words
    such as "of" and "the" may or may not count)."""
    word = phrase.rsplit(maxsplit=1)[-1].strip(".,’'")
    if len(phrase.split()) > 2 or not re.fullmatch(r"[A-Z]{2,6}", word):
        return None
    fits = []
    for name in names:
        words = name.split()
        every = "".join(w[0] for w in words).upper()
        capitals = "".join(w[0] for w in words if w[:1].isupper())
        if word in {every, capitals}:
            fits.append(name)
    return fits[0] if len(fits) == 1 else None


def _head(name: str) -> str:
    """The word "the …" calls an organisation by: "Highvale Water" → "water", "Department
    for Schools" → "department"."""
    words = fold(name).split()
    cut = next((i for i, w in enumerate(words) if w in {"of", "for"} and i > 0), len(words))
    return words[cut - 1]


def _by_context(text: str, start: int, end: int) -> bool:
    """A capitalised run said to be an organisation by the words around it."""
    words = text[start:end].split()
    if len(words) > 4 or all(fold(w) in NOT_NAMES for w in words):
        return False  # "in April, the airline promised": a month is no organisation
    return bool(_ORG_AFTER.match(text, end) or _ORG_BEFORE.search(text[max(0, start - 30) : start]))


def _occurrences(text: str, organisations: list[str]) -> list[tuple[int, str]]:
    """Where each organisation is named in full, in text order."""
    found: list[tuple[int, str]] = []
    for name in organisations:
        found += [(m.start(), name) for m in re.finditer(re.escape(name), text)]
    return sorted(found)
