"""Who an article names: full names, "Mr Trump", "Sir Keir", "the Prime Minister", in order.

The cast is built in one pass. A full name introduces a person ("Business Secretary Jonathan
Reynolds"), with the role in front of it or in apposition ("Keir Starmer, the Prime
Minister,"); later short forms resolve to that person: a title with the surname (Mr Trump,
Lord Cameron) or, for knights and dames, the given name (Sir Keir); a role phrase (the PM)
resolves to whoever the article gave that role. The desk's speakers and their aliases come
first: "Sir Keir" is Keir Starmer when the desk says so. Gender, for "he" and "she", comes
from titles, gendered roles and common given names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factdesk.core.suggest.first_names import FEMALE, MALE

MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "baron", "sheikh"})
FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess", "sister"}
)
NEUTRAL_TITLES = frozenset(
    {"dr", "prof", "professor", "cllr", "councillor", "president", "judge", "justice", "rev",
     "senator", "sen", "rep", "gen", "general", "mayor", "chancellor", "minister", "governor",
     "commissioner", "inspector", "detective", "sergeant", "captain", "coach", "bishop",
     "archbishop", "chief", "premier", "speaker", "ambassador", "envoy", "secretary", "mp"}
)  # fmt: skip
# knights, dames and peers are called by the given name ("Sir Keir") or a surname or place
GIVEN_NAME_TITLES = frozenset({"sir", "dame"})
TITLES = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES

ROLE_WORDS = frozenset(
    {"prime", "minister", "pm", "president", "chancellor", "secretary", "leader", "mayor",
     "spokesman", "spokeswoman", "spokesperson", "executive", "chairman", "chairwoman", "chair",
     "director", "governor", "judge", "senator", "councillor", "cllr", "mp", "head", "boss",
     "commissioner", "chief", "officer", "superintendent", "inspector", "professor", "doctor",
     "coach", "manager", "captain", "envoy", "ambassador", "premier", "speaker", "general",
     "king", "queen", "editor", "correspondent", "founder", "owner", "member", "deputy",
     "shadow", "foreign", "home", "health", "business", "defence", "defense", "education",
     "transport", "justice", "culture", "environment", "finance", "treasury", "state", "vice",
     "lead", "senior", "council", "party", "opposition", "union", "police",
     "headteacher", "principal", "trustee", "adviser", "advisor", "analyst", "economist",
     "lawyer", "barrister", "solicitor", "prosecutor", "researcher", "scientist", "author",
     "campaigner", "organiser", "resident", "witness", "victim", "partner",
     "cabinet", "portfolio", "holder", "striker", "midfielder", "defender", "goalkeeper",
     "player", "attorney", "chairperson", "ceo", "cfo", "coo"}
)  # fmt: skip
MALE_ROLES = frozenset({"spokesman", "chairman", "king", "prince", "businessman", "father"})
FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "queen", "princess", "businesswoman"})
# capitalised words that start sentences or name things, never a person's name
NOT_NAMES = frozenset(
    {"the", "a", "an", "and", "but", "or", "if", "in", "on", "at", "for", "to", "of", "by",
     "with", "from", "as", "after", "before", "when", "while", "however", "meanwhile", "this",
     "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
     "their", "our", "my", "your", "there", "here", "what", "who", "why", "how", "where",
     "speaking", "asked", "writing", "today", "yesterday", "tomorrow", "last", "next", "earlier",
     "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "read", "image", "photo", "picture", "credit",
     "government", "council", "parliament", "downing", "street", "house", "commons", "lords",
     "labour", "conservative", "conservatives", "tory", "tories", "reform", "liberal",
     "democrats", "party", "ministry", "department", "office", "court", "city", "county",
     "university", "hospital", "school", "police", "bbc", "itv", "sky", "news", "times",
     "nato", "eu", "uk", "us", "usa", "un", "european", "britain", "british", "england",
     "english", "america", "american", "france", "french", "germany", "german", "russia",
     "russian", "ukraine", "ukrainian", "china", "chinese", "europe", "white", "kremlin",
     "also", "both", "all", "some", "many", "one", "two", "three", "several", "no", "not",
     "now", "then", "so", "yet", "still", "even", "only", "just", "mps", "ministers",
     "officials", "sources", "critics", "residents", "figures", "data", "analysis",
     "according", "under", "over", "during", "despite", "since", "until", "amid", "about",
     "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
     "cllr", "councillor", "president", "prime", "minister", "secretary", "chancellor"}
)  # fmt: skip
# the last word of an organisation's or a place's name, never a person's
ORG_HEADS = frozenset(
    {"conference", "council", "committee", "union", "agency", "party", "office", "department",
     "ministry", "institute", "group", "association", "commission", "bank", "fund",
     "foundation", "trust", "service", "services", "forces", "force", "times", "news", "post",
     "guardian", "telegraph", "mail", "express", "mirror", "sun", "herald", "echo", "journal",
     "review", "gazette", "tribune", "street", "road", "square", "bridge", "house", "hall",
     "centre", "center", "hospital", "university", "college", "school", "court", "police",
     "states", "kingdom", "republic", "nations", "east", "west", "north", "south", "club",
     "fc", "united", "city", "county", "borough", "authority", "board", "network", "company",
     "corporation", "ltd", "plc", "inc", "airport", "station", "parliament", "assembly",
     "senate", "congress", "cabinet", "treasury", "alliance", "organisation", "organization",
     "programme", "program", "project", "campaign", "festival", "awards", "museum", "gallery",
     "library", "press", "media", "tv", "radio", "channel", "show", "summit", "treaty", "act",
     "bill", "report", "inquiry", "survey", "index", "institution", "ngo"}
)  # fmt: skip
PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al"})

_WORD = r"[A-Z][\w’'\-]*(?:-[A-Z][\w’'\-]*)*"
_NAME_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:{'|'.join(PARTICLES)})\s+)?{_WORD})*")
_TITLE_DOT = re.compile(r"\.$")


@dataclass(slots=True, eq=False)
class Person:
    name: str  # the canonical name: the desk's, or the fullest the article gives
    given: str | None
    family: str | None
    gender: str | None = None  # "m", "f" or None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)  # folded: the desk's aliases

    def add_gender(self, gender: str | None) -> None:
        if gender and self.gender is None:
            self.gender = gender


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


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def gender_of_given(given: str | None) -> str | None:
    if not given:
        return None
    key = given.casefold()
    male, female = key in MALE, key in FEMALE
    return "m" if male and not female else "f" if female and not male else None


def gender_of_words(words: Sequence[str]) -> str | None:
    for word in words:
        key = fold(word).rstrip(".")
        if key in MALE_TITLES or key in MALE_ROLES:
            return "m"
        if key in FEMALE_TITLES or key in FEMALE_ROLES:
            return "f"
    return None


class Cast:
    """The people of one article and every mention of them, in text order."""

    def __init__(self, known: Sequence[KnownSpeaker] = ()) -> None:
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        for speaker in known:
            given, family = _split_name(speaker.name)
            person = Person(speaker.name, given, family, gender_of_given(given))
            person.aliases = {fold(alias) for alias in speaker.aliases}
            for alias in speaker.aliases:
                person.add_gender(gender_of_words(alias.split()))
            self.people.append(person)

    # --- finding people -----------------------------------------------------------------

    def read(self, text: str) -> None:
        """Record every mention of a person in `text`, introducing new people as they come."""
        for match in _NAME_RUN.finditer(text):
            self._read_run(text, match.start(), match.group())
        self.mentions.sort(key=lambda m: m.start)

    def _read_run(self, text: str, start: int, run: str) -> None:
        # "BBC’s Sunday With Laura Kuenssberg", "Mr Trump’s invite": a possessive ends a name
        offsets = _word_offsets(run, start)
        for index, (_s, end) in enumerate(offsets[:-1]):
            if text[end - 2 : end] in ("’s", "'s"):
                self._read_run(text, start, text[start : end - 2])
                self._read_run(
                    text, offsets[index + 1][0], text[offsets[index + 1][0] : offsets[-1][1]]
                )
                return
        if run.endswith(("’s", "'s")):
            run = run[:-2]
            offsets[-1] = (offsets[-1][0], offsets[-1][1] - 2)
        words = run.split()
        if not words or fold(words[-1]).strip(".") in ORG_HEADS:
            return
        # "Business Secretary Jonathan Reynolds": leading role and title words are context
        lead = 0
        while lead < len(words) and fold(words[lead]).rstrip(".") in NOT_NAMES | ROLE_WORDS:
            lead += 1
        context = _words_before(text, offsets[0][0], 4) + words[:lead]
        names = words[lead:]
        if not names:
            self._role_mention(text, offsets, words)
            return
        name_start = offsets[lead][0]
        name_end = offsets[-1][1]
        surface_start = offsets[lead - 1][0] if lead and _is_title(words[lead - 1]) else name_start
        surface = text[surface_start:name_end]
        person = self._person_for(names, context, text, name_end)
        if person is not None:
            self.mentions.append(Mention(surface_start, name_end, person, surface))

    def _person_for(
        self, names: list[str], context: list[str], text: str, end: int
    ) -> Person | None:
        title = fold(context[-1]).rstrip(".") if context else ""
        titled = title in TITLES
        desk = self.known(" ".join(names)) or (
            self.known(f"{context[-1]} {' '.join(names)}") if context else None
        )
        if desk is not None:
            desk.add_gender(gender_of_words(context[-1:]))
            return desk
        if len(names) == 1:
            return self._short_form(names[0], title) if titled else self._by_single(names[0])
        plausible = titled or _has_role(context) or gender_of_given(names[0]) or self._named(names)
        if not plausible and not _speech_follows(text, end):
            return None  # "United States", "Sunday Times": capitalised, but nobody
        given, family = names[0], names[-1]
        person = self._by_full(given, family)
        if person is None:
            person = Person(" ".join(names), given, family, gender_of_given(given))
            self.people.append(person)
        person.add_gender(gender_of_words(context[-1:]))
        person.add_gender(gender_of_given(given))
        role = _role(context)
        if role:
            person.roles.add(role)
        apposition = _apposition_role(text, end)
        if apposition:
            person.roles.add(apposition)
            person.add_gender(gender_of_words(apposition.split()))
        return person

    def _short_form(self, word: str, title: str) -> Person | None:
        """Mr Trump, Sir Keir, Lord Cameron, Dr Patel: an earlier person, or a new one."""
        key = fold(word)
        gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
        candidates = [p for p in self.people if p.family and fold(p.family) == key]
        if title in GIVEN_NAME_TITLES:
            candidates = [p for p in self.people if p.given and fold(p.given) == key] + candidates
        candidates = [p for p in candidates if gender is None or p.gender in (None, gender)]
        if candidates:
            person = candidates[-1] if title not in GIVEN_NAME_TITLES else candidates[0]
            person.add_gender(gender)
            return person
        if title in NEUTRAL_TITLES - {"dr", "prof", "professor", "cllr", "councillor"}:
            return None  # "President Macron" with no full name: too unsure to invent
        person = Person(f"{title.capitalize()} {word}" if title else word, None, word, gender)
        if title in GIVEN_NAME_TITLES:
            person.given, person.family = word, None
        self.people.append(person)
        return person

    def _by_single(self, word: str) -> Person | None:
        """A lone surname ("Reynolds said") refers back to someone already named."""
        key = fold(word)
        for person in reversed(self.people):
            if person.family and fold(person.family) == key:
                return person
        return None

    def _by_full(self, given: str, family: str) -> Person | None:
        for person in self.people:
            if person.family is None and person.given and fold(person.given) == fold(given):
                person.family = family  # "Sir Keir" first, "Keir Starmer" later
                person.name = f"{given} {family}"
                return person
            if (
                person.family
                and fold(person.family) == fold(family)
                and (person.given is None or fold(person.given) == fold(given))
            ):
                if person.given is None:
                    person.given = given
                    person.name = f"{given} {family}"
                return person
        return None

    def _named(self, names: list[str]) -> bool:
        return any(p.family and fold(p.family) == fold(names[-1]) for p in self.people)

    def _role_mention(self, text: str, offsets: list[tuple[int, int]], words: list[str]) -> None:
        """ "the Prime Minister", "The PM": a mention when exactly one person holds the role."""
        if fold(words[0]) == "the":
            start = offsets[0][0]
        elif text[max(0, offsets[0][0] - 4) : offsets[0][0]].casefold() == "the ":
            start = offsets[0][0] - 4
        else:
            return
        role = _role(words)
        if not role:
            return
        end = offsets[-1][1]
        surface = text[start:end]
        person = self.known(surface) or self.by_role(role) or self._role_holder(role, surface)
        self.mentions.append(Mention(start, end, person, surface))

    def role_holder(self, role: str) -> Person | None:
        """The person the article has named only by this role so far, if any."""
        key = _canonical_role(role)
        for person in self.people:
            if person.given is None and person.family is None and key in person.roles:
                return person
        return None

    def _role_holder(self, role: str, surface: str) -> Person:
        """Someone the article names only by a role ("the PM"): one person per role."""
        key = _canonical_role(role)
        found = self.role_holder(role)
        if found is not None:
            return found
        written = surface[0].lower() + surface[1:] if surface.startswith("The ") else surface
        person = Person(written, None, None, gender_of_words(surface.split()))
        person.roles.add(key)
        self.people.append(person)
        return person

    # --- looking people up ----------------------------------------------------------------

    def known(self, phrase: str) -> Person | None:
        """A person the desk knows by this name or alias, or the article by this name."""
        key = fold(phrase)
        for person in self.people:
            if fold(person.name) == key or key in person.aliases:
                return person
        return None

    def by_role(self, role: str) -> Person | None:
        role = _canonical_role(role)
        holders = [
            p for p in self.people
            if (p.given or p.family) and role in {_canonical_role(r) for r in p.roles}
        ]  # fmt: skip
        holders += [p for p in self.people if p not in holders and _alias_role(p, role)]
        return holders[0] if len(holders) == 1 else None


# --- phrase helpers ------------------------------------------------------------------------

_ROLE_SYNONYMS = {"pm": "prime minister", "premier": "prime minister"}


def _canonical_role(role: str) -> str:
    role = fold(role)
    for prefix in ("the ", "a ", "an "):
        role = role.removeprefix(prefix)
    return _ROLE_SYNONYMS.get(role, role)


def _alias_role(person: Person, role: str) -> bool:
    return any(_canonical_role(alias) == role for alias in person.aliases)


def _is_title(word: str) -> bool:
    return fold(word).rstrip(".") in TITLES


def _has_role(words: Sequence[str]) -> bool:
    return any(fold(w).rstrip(".,") in ROLE_WORDS for w in words[-3:])


def _role(words: Sequence[str]) -> str | None:
    """The role words just before a name: "Business Secretary", "French president"."""
    picked: list[str] = []
    for word in reversed(words):
        key = fold(word).strip(".,")
        if key in ROLE_WORDS:
            picked.append(key)
        elif picked:
            break
    if not picked:
        return None
    role = " ".join(reversed(picked))
    return None if role in TITLES - {"president", "chancellor", "mayor", "premier"} else role


def _apposition_role(text: str, end: int) -> str | None:
    """ "Keir Starmer, the Prime Minister," → "prime minister"."""
    match = re.match(
        r",\s+(?:the|a|an)\s+([A-Za-z][\w\- ]{2,40}?)(?:,|\s+(?:of|for|at)\b)", text[end : end + 60]
    )
    if not match:
        return None
    return _role(match.group(1).split())


def _speech_follows(text: str, end: int) -> bool:
    return bool(
        re.match(r"\s+(?:said|says|told|added|warned|insisted|claimed)\b", text[end : end + 12])
    )


def _split_name(name: str) -> tuple[str | None, str | None]:
    words = [w for w in name.split() if fold(w).rstrip(".") not in TITLES]
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0]
    return words[0], words[-1]


def _word_offsets(run: str, start: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", run)]


def _words_before(text: str, start: int, count: int) -> list[str]:
    """Up to `count` words before `start` in the same sentence (stops at . ; : and quotes)."""
    chunk = text[max(0, start - 80) : start]
    cut = max(chunk.rfind(c) for c in '.;:!?\n‘“"')
    return chunk[cut + 1 :].split()[-count:]
