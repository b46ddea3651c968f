"""Who an article names: full names, "Mr Trump", "Sir Keir", "the Prime Minister", in order.

Two passes. The first introduces people by their full names, with the role in front of them
("Business Secretary Jonathan Reynolds", "Nexora President Dana Whitlock") or in apposition
("Cllr Derek Amos, the cabinet member for education,"). The second records every mention in
text order, resolving short forms against everyone the article names, wherever it names them
(US papers write "Whitlock said" before the full name): a title with the surname (Mr Trump,
Lord Cameron) or, for knights and dames, the given name (Sir Keir); a lone surname; a role
(the minister, the spokeswoman) that someone holds. Someone known only by a role ("a hospital
spokeswoman") becomes a person of their own, whom later "the spokeswoman" and "she" can mean.
The desk's speakers and aliases come first. Gender comes from titles, gendered roles, common
given names and the first he/his or she/her after a mention. Organisations ("Highvale Water",
"Downing Street") are kept apart: they speak under their names, never as "he" or "she".
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from factdesk.core.suggest.first_names import FEMALE, MALE
from factdesk.core.suggest.lexicon import (
    ANONYMOUS_ROLES,
    COMPOUND_ROLES,
    FEMALE_ROLES,
    FEMALE_TITLES,
    GIVEN_NAME_TITLES,
    MALE_ROLES,
    MALE_TITLES,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    PARTICLES,
    ROLE_ALTERNATION,
    ROLE_HYPERNYMS,
    RUN_OPENERS,
    TITLE_ROLES,
    TITLES,
    is_role_word,
)
from factdesk.core.suggest.quotes import paragraphs

_WORD = r"[A-Z][\w’'\-]*"
_NAME_RUN = re.compile(rf"{_WORD}(?:[ \t\u00a0]+(?:(?:{'|'.join(PARTICLES)})[ \t]+)?{_WORD})*")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Det|Gen|Rep|Sen|Gov|Prof|Lt|Col|Capt|Supt|Insp|Cllr|Rev|Hon|"
    r"Maj|Cmdr|Adm|Jr|Sr|Insp|Ch|Const|Fr)\.(?=\s)"
)
_DETERMINERS = r"a|an|the|one|my|our|his|her|their|its"
_ROLE = ROLE_ALTERNATION
_VERBS = (
    r"said|says|told|tells|added|adds|warned|insisted|claimed|stated|wrote|explained|who|has|"
    r"had|is|was|would|will"
)
_GAP = rf"(?!(?:{_VERBS}|and|or|of|for|to|in|at|with|from)\b)[a-z\-]+[ \t]+"
_ROLE_PHRASE = re.compile(
    rf"\b(?:{_DETERMINERS})[ \t]+(?:[\w’'\-]+[ \t]+){{0,3}}?(?:{_ROLE})\b(?!-)"
    rf"(?:[ \t]+(?:{_GAP})?(?:{_ROLE})\b(?!-))*"
    rf"(?:[ \t]+(?:for|of|at|with|in|to|from|close[ \t]+to)[ \t]+(?:the[ \t]+)?"
    rf"(?!(?:{_VERBS})\b)[\w’'\-]+"
    rf"(?:[ \t]+(?!(?:{_VERBS}|and|but|that|which|where|when|[a-z]+ed)\b)[\w’'\-]+){{0,5}})?",
    re.IGNORECASE,
)
_ROLE_OWNER = re.compile(r"[ \t](?:for|of|at|with|in|to|from|close[ \t]+to)[ \t]")
_PROSE_WORDS = 5  # a paragraph shorter than this is a credit line or a stray mark
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
# "Doreen Platt, 78, has volunteered", "Sasha Doyle, who had her baby there,", "Tomás
# Ferreira, the Rovers centre-half," (organisations in apposition were taken out before)
_PERSON_AFTER = re.compile(r",\s(?:\d{1,3},|who\b|(?:the|a|an)\s)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_GENDERED_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=[’”'\"]?\s|$)")
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)")


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
    return " ".join(text.replace("’", "'").casefold().split())


def mask_abbreviations(text: str) -> str:
    """The same text with the full stop of "Dr.", "Sen.", "Mrs." as a space: it does not end
    a sentence (same length, so every offset still holds)."""
    return _ABBREVIATION.sub(lambda m: m.group()[:-1] + " ", text)


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


@functools.lru_cache(maxsize=4096)
def role_head(role: str) -> str:
    """The word a role is known by: "cabinet member for education" → "member",
    "hospital spokeswoman" → "spokeswoman", "Prime Minister" → "prime minister"."""
    key = fold(role)
    for prefix in ("the ", "a ", "an ", "one ", "my ", "our ", "his ", "her ", "their "):
        key = key.removeprefix(prefix)
    key = re.split(r"\s(?:for|of|at|with|in|to)\s", key)[0]
    for compound, canonical in COMPOUND_ROLES.items():
        if key == compound or key.endswith(" " + compound):
            return canonical
    words = [w for w in key.split() if is_role_word(w)]
    return words[-1] if words else key


def _is_name_word(word: str) -> bool:
    key = fold(word).strip(".,")
    return key not in NOT_NAMES and not is_role_word(key) and key not in TITLES


class Cast:
    """The people of one article and every mention of them, in text order."""

    def __init__(self, known: Sequence[KnownSpeaker] = ()) -> None:
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self.organisations: list[str] = []  # "Highvale Water", "Downing Street", as written
        # set by read(): where sentences and paragraphs end, and the quotations to skip
        self._sentences: list[int] = []
        self._paragraph_breaks: list[int] = []
        self._quotes: list[tuple[int, int]] = []
        for speaker in known:
            given, family = _split_name(speaker.name)
            person = Person(speaker.name, given, family, gender_of_given(given))
            person.aliases = {fold(alias) for alias in speaker.aliases}
            for alias in speaker.aliases:
                person.add_gender(gender_of_words(alias.split()))
            self.people.append(person)

    def read(self, text: str, quotes: Sequence[tuple[int, int]] = ()) -> None:
        """Introduce everyone the article names in full, then record every mention, then
        who each "he" and "she" outside `quotes` is, so the next pronoun can mean them too."""
        self._sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
        paras = paragraphs(text)
        self._paragraph_breaks = [paragraph.end for paragraph in paras]
        # paragraphs of prose, not a lone "(" or "(Image: Getty)": how far back an epithet looks
        self._prose_breaks = [
            p.end for p in paras if len(text[p.start : p.end].split()) >= _PROSE_WORDS
        ]
        self._quotes = sorted(quotes)
        self._text = text
        runs = _runs(text)
        named_of = self._organisations_of(text)
        organisations = {
            run
            for run in runs
            if not any(s <= run[0] < e for s, e in named_of)
            and self._introduce_organisation(text, *run)
        }
        self._organisations_at = _occurrences(text, self.organisations)
        runs = _without_capitals(text, runs, keep=organisations)
        for start, end in runs:
            self._introduce(text, start, end)
        mentions: list[Mention] = []
        for start, end in runs:
            mention = self._mention(text, start, end)
            if mention is not None:
                mentions.append(mention)
        self._learn_descriptions(text, mentions)
        epithets: list[tuple[int, int, str]] = []
        mentions.extend(self._role_mentions(text, mentions, epithets))
        self.mentions = _without_overlaps(mentions)
        self._learn_genders(text)
        self._resolve_epithets(epithets)
        self._resolve_pronouns(text)

    def _learn_descriptions(self, text: str, mentions: list[Mention]) -> None:
        """ "Halloran, 52," is "the 52-year-old"; "Ferreira, who joined in May, is the first
        defender to…" and "Okafor is a nurse" are "the defender" and "the nurse"."""
        for mention in mentions:
            if not mention.person.named or self.in_quote(mention.start):
                continue
            age = _AGE_AFTER.match(text, mention.end)
            if age:
                mention.person.roles.add(f"{age.group(1)}-year-old")
            described = _DESCRIBED_AS.match(text, mention.end)
            if described:
                mention.person.roles.add(fold(described.group(1)))

    def _learn_genders(self, text: str) -> None:
        """ "Tom Caddick said he had written", "Ms Shaw, who had her children there": the first
        he/his/him or she/her after someone of unknown gender, in the same sentence and before
        anyone else is mentioned, tells theirs."""
        for index, mention in enumerate(self.mentions):
            if mention.person.gender is not None or self.in_quote(mention.start):
                continue
            limit = self._sentence_end(mention.end)
            if index + 1 < len(self.mentions):
                limit = min(limit, self.mentions[index + 1].start)
            for match in _GENDERED_PRONOUN.finditer(text, mention.end, limit):
                if not self.in_quote(match.start()):
                    mention.person.gender = "m" if match.group(1) else "f"
                    break

    def _resolve_pronouns(self, text: str) -> None:
        for match in _PRONOUN.finditer(text):
            if self.in_quote(match.start()):
                continue
            gender = "m" if match.group().casefold() == "he" else "f"
            person = self.antecedent(match.start(), gender)
            if person is not None:
                mention = Mention(match.start(), match.end(), person, match.group())
                bisect.insort(self.mentions, mention, key=lambda m: m.start)

    def antecedent(self, at: int, gender: str, besides: Person | None = None) -> Person | None:
        """ "He" or "she" at `at`: in the nearest earlier sentence, outside the quotations
        `read()` was given, that has someone who fits, the first person known to be of that
        gender, else the first of unknown gender — the first is usually the sentence's subject
        ("The PM said Putin would…" → the PM). `besides` is someone it cannot be: the
        speaker of the quotation the pronoun is in ("…and he said, ‘…’" is not the speaker)."""
        before = bisect.bisect_right([m.end for m in self.mentions], at)
        sentence: int | None = None
        fitting: Person | None = None  # the first of the sentence whose gender fits
        matching: Person | None = None  # the first whose gender is known to match
        for mention in reversed(self.mentions[:before]):
            if self.in_quote(mention.start) or mention.person is besides:
                continue
            index = self._sentence_index(mention.start)
            if sentence is not None and index != sentence and fitting is not None:
                break
            sentence = index
            # walking backwards: the last kept is the first
            if mention.person.gender == gender:
                matching = mention.person
            if mention.person.gender in (gender, None):
                fitting = mention.person
        return matching or fitting

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in text order."""
        first = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        last = bisect.bisect_left(self.mentions, end, key=lambda m: m.start)
        return self.mentions[first:last]

    def _sentence_end(self, position: int) -> int:
        """Where the sentence (or the paragraph) holding `position` ends."""
        ends = [self._sentences, self._paragraph_breaks]
        following = [e[i] for e in ends if (i := bisect.bisect_left(e, position + 1)) < len(e)]
        return min(following, default=position + 200)

    def _sentence_index(self, position: int) -> int:
        return bisect.bisect_left(self._sentences, position + 1) + bisect.bisect_left(
            self._paragraph_breaks, position
        )

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self._quotes, (position, float("inf"))) - 1
        return index >= 0 and self._quotes[index][0] <= position < self._quotes[index][1]

    def _quoted_title(self, start: int, end: int) -> bool:
        """A run that is all of a quotation is a title ("the ‘Carys Cares’ slot"), not a name."""
        index = bisect.bisect_right(self._quotes, (start, float("inf"))) - 1
        if index < 0:
            return False
        mark_start, mark_end = self._quotes[index]
        return mark_start + 1 == start and end >= mark_end - 2

    # --- pass 1: introductions --------------------------------------------------------------

    def _introduce(self, text: str, start: int, end: int) -> None:
        split = _split_run(text, start, end)
        if split is None:
            return
        context, names, _name_start = split
        if (
            len(names) < 2
            or fold(names[-1]).strip(".") in ORG_HEADS
            or self._quoted_title(start, end)
        ):
            return
        title = _title(context)
        plausible = (
            title in TITLES
            or _role(context)
            or gender_of_given(names[0])
            or _speech_follows(text, end)
            or self.known(" ".join(names)) is not None
            or _speech_precedes(text, start)
            or _PERSON_AFTER.match(text, end) is not None
            or _titled_elsewhere(text, names[-1])  # the two searches of the whole text last
            or _speaks_elsewhere(text, names[-1])
        )
        if not plausible:
            return  # "United States", "Sunday Times": capitalised, but nobody
        person = self.known(" ".join(names)) or self._by_full(names[0], names[-1])
        if person is None:
            person = Person(" ".join(names), names[0], names[-1], gender_of_given(names[0]))
            self.people.append(person)
        person.add_gender(gender_of_words(context[-2:]))
        person.add_gender(gender_of_given(names[0]))
        for role in (_role(context), TITLE_ROLES.get(title), _apposition_role(text, end)):
            if role:
                person.roles.add(fold(role))
                person.add_gender(gender_of_words(role.split()))

    def _introduce_organisation(self, text: str, start: int, end: int) -> bool:
        """ "Highvale Water", "Marshfield District Council": a capitalised run that ends with
        the word an organisation's or a place's name ends with."""
        words = text[start:end].split()
        while words and fold(words[0]) in RUN_OPENERS:
            words.pop(0)
        by_name = len(words) >= 2 and fold(words[-1]).strip(".,") in ORG_HEADS
        if not words or not (by_name or _organisation_by_context(text, start, end)):
            return False
        if len(words) >= 3 and fold(words[-1]).strip(".,") in _LEGAL_SUFFIXES:
            words.pop()  # "Halvern Instruments Inc." speaks as Halvern Instruments
        name = " ".join(words)
        if fold(name) not in {fold(o) for o in self.organisations}:
            self.organisations.append(name)
        return True

    def _organisations_of(self, text: str) -> list[tuple[int, int]]:
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
            name = " ".join(words)
            if fold(name) not in {fold(o) for o in self.organisations}:
                self.organisations.append(name)
            found.append((start, match.end()))
        return found

    def organisation(self, phrase: str, at: int | None = None) -> str | None:
        """The organisation `phrase` (at `at`) names: its full name ("Downing Street"), its
        first word ("Highvale" for Highvale Water) or "the" and its last word ("the
        cooperative"), when only one organisation of the article fits; "the company" or "the
        firm" is the last organisation named before `at`. The longest name is kept ("Harwood
        Cycles" for "Harwood")."""
        words = fold(phrase).split()
        if not words:
            return None
        if len(words) == 1 and phrase[:1].isupper():
            return self._organisation_by_word(words[0], at)
        full = [o for o in self.organisations if fold(o) in {" ".join(words), " ".join(words[1:])}]
        if full:
            return full[0]  # "Highvale Water", "the Department for Schools"
        if len(words) == 2 and words[0] == "the":
            fits = [o for o in self.organisations if _organisation_head(o) == words[1]]
            if len(fits) == 1:
                return fits[0]
            if words[1] in ORG_NOUNS and at is not None:
                before = [name for position, name in self._organisations_at if position < at]
                return before[-1] if before else None
        return None

    def _organisation_by_word(self, word: str, at: int | None) -> str | None:
        """ "Highvale": the one organisation whose name starts with it (the longest name),
        unless a person of that surname was named before."""
        fits = [o for o in self.organisations if fold(o).split()[0] == word]
        longest = {fold(o) for o in fits if len(o.split()) == max(len(f.split()) for f in fits)}
        if len(longest) != 1 or self._person_first(word, at):
            return None
        return next(o for o in fits if fold(o) in longest)

    def _person_first(self, word: str, at: int | None) -> bool:
        """Whether "Harwood" at `at` is rather a person: someone of that surname is named in
        full before it (or anywhere, when `at` is not known)."""
        for person in self.people:
            if person.family and fold(person.family) == word:
                end = len(self._text) if at is None else at
                if at is None or self._text.find(person.name, 0, end) >= 0:
                    return True
        return False

    def _by_full(self, given: str, family: str) -> Person | None:
        for person in self.people:
            same_family = person.family and fold(person.family) == fold(family)
            if same_family and (person.given is None or _same_given(person.given, given)):
                if person.given is None:
                    person.given, person.name = given, f"{given} {family}"
                return person
        return None

    # --- pass 2: mentions -------------------------------------------------------------------

    def _mention(self, text: str, start: int, end: int) -> Mention | None:
        split = _split_run(text, start, end)
        if split is None:
            return None
        context, names, name_start = split
        surface_start = name_start
        before = text[max(0, name_start - 12) : name_start].split()
        if before and fold(before[-1]).strip(".") in TITLES:  # "Mr Trump", "Sen. Hargrove"
            surface_start = text.rfind(before[-1], 0, name_start)
        surface = text[surface_start:end]
        title = _title(context)
        person = self.known(" ".join(names)) or self.known(surface)
        if person is None and len(names) >= 2:
            person = self._by_full(names[0], names[-1])
        if person is None and len(names) == 1:
            if title not in TITLES and self.organisation(names[0], start) is not None:
                return None  # "Harwood said" in a story about Harwood Cycles
            person = self._short_form(names[0], title)
        if person is None:
            return None
        person.add_gender(gender_of_words([title]))
        if title in TITLE_ROLES:  # "Lord Hendry" is also "the peer"
            person.roles.add(TITLE_ROLES[title])
        return Mention(surface_start, end, person, surface)

    def _short_form(self, word: str, title: str) -> Person | None:
        """Mr Trump, Sir Keir, Lord Cameron, Whitlock: someone the article names in full, or
        a new person when only the titled form is given."""
        key = fold(word)
        gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
        by_family = [p for p in self.people if p.family and fold(p.family) == key]
        by_given = [p for p in self.people if p.given and fold(p.given) == key]
        candidates = by_given + by_family if title in GIVEN_NAME_TITLES else by_family
        if not title and not candidates and len(by_given) == 1:
            candidates = by_given  # "Hana said" in a profile that uses given names
        candidates = [p for p in candidates if gender is None or p.gender in (None, gender)]
        if len(candidates) >= 1:
            person = candidates[0]
            person.add_gender(gender)
            return person
        if title not in TITLES or title in {"president", "chancellor", "minister", "secretary"}:
            return None  # a lone capitalised word, or "President Macron" with no full name
        person = Person(f"{title.capitalize()} {word}", None, word, gender)
        if title in GIVEN_NAME_TITLES:
            person.given, person.family = word, None
        if title in TITLE_ROLES:
            person.roles.add(TITLE_ROLES[title])
        self.people.append(person)
        return person

    def _role_mentions(
        self, text: str, named: list[Mention], epithets: list[tuple[int, int, str]]
    ) -> list[Mention]:
        """ "the Prime Minister", "a hospital spokeswoman", "the peer": whoever holds the role,
        or a person known only by it. A definite role nobody holds ("the retired engineer",
        "the 41-year-old") goes to `epithets`: it may be someone just named."""
        found: list[Mention] = []
        for match in _ROLE_PHRASE.finditer(text):
            start, end = match.span()
            # "A spokeswoman for Ms Whitford" is the spokeswoman: only a name in the role
            # itself, before its "for …", makes the phrase a mention of that name
            owner = _ROLE_OWNER.search(text, start, end)
            head_end = owner.start() if owner else end
            if any(m.start <= start < m.end or start <= m.start < head_end for m in named):
                continue
            following = text[end : end + 40]
            if re.match(r"\s+[A-Z][a-z]", following) and not re.match(
                r"\s+(?:[A-Z][a-z]+\s)?(?:said|says|told)", following
            ):
                continue  # "the council leader Mara Ellison": an introduction, not a role
            apposed = _APPOSED_NAME.match(following)
            if apposed and self.known(apposed.group(1)) is not None:
                self.known(apposed.group(1)).roles.add(fold(text[start:end]))  # type: ignore[union-attr]
                continue  # "Its lead researcher, Ingrid Salo,": she is named right after
            surface = text[start:end]
            if found and _apposed_role(text, found[-1].end, start):
                # "One customer, a retired teacher who…,": the same someone, described again
                found[-1].person.roles.add(fold(surface))
                found.append(Mention(start, end, found[-1].person, surface))
                continue
            epithet = _epithet(surface) and not self.in_quote(start)
            person = self.known(surface) or self.holder(surface, create=not epithet)
            if person is None and epithet:
                epithets.append((start, end, surface))
                continue
            if person is not None:
                found.append(Mention(start, end, person, surface))
        return found

    def _resolve_epithets(self, epithets: list[tuple[int, int, str]]) -> None:
        """ "Gerald Pike, 71, said he had given up. ‘…,’ the retired engineer said.": a
        definite role nobody holds is the first person of the nearest earlier sentence, in
        the same paragraph or the one before, who is named and fits; else someone new."""
        for start, end, surface in epithets:
            gender = gender_of_words(surface.split())
            person = self._latest_holder(surface, start) or self._named_before(start, gender)
            if person is None:
                person = self.holder(surface, create=True)
            if person is not None:
                bisect.insort(self.mentions, Mention(start, end, person, surface), key=_start)

    def _latest_holder(self, surface: str, at: int) -> Person | None:
        """Of the named people the article gave this role ("Kingsmere defender Ryan Tuohy",
        "Ferreira … is the first defender"), the one mentioned last before `at`."""
        head = role_head(surface)
        holders = {id(p) for p in self.people if p.named and head in map(role_head, p.roles)}
        before = bisect.bisect_right([m.end for m in self.mentions], at)
        for mention in reversed(self.mentions[:before]):
            if id(mention.person) in holders and not self.in_quote(mention.start):
                return mention.person
        return None

    def _named_before(self, at: int, gender: str | None) -> Person | None:
        paragraph = bisect.bisect_left(self._prose_breaks, at)
        before = bisect.bisect_right([m.end for m in self.mentions], at)
        sentence: int | None = None
        first: Person | None = None
        for mention in reversed(self.mentions[:before]):
            person = mention.person
            if self.in_quote(mention.start) or not person.named:
                continue
            if bisect.bisect_left(self._prose_breaks, mention.start) < paragraph - 1:
                break
            index = self._sentence_index(mention.start)
            if sentence is not None and index != sentence:
                break
            if gender is None or person.gender in (None, gender):
                sentence, first = index, person
        return first

    # --- looking people up ------------------------------------------------------------------

    def known(self, phrase: str) -> Person | None:
        """A person the desk knows by this name or alias, or the article by this name."""
        key = fold(phrase)
        for person in self.people:
            if fold(person.name) == key or key in person.aliases:
                return person
        return None

    def holder(self, phrase: str, *, create: bool = False) -> Person | None:
        """Who holds the role `phrase` names: a named person with that role (unique), else
        the person known only by it; `create` makes one for a first mention."""
        key = _role_key(phrase)
        head = role_head(phrase)
        exact = [p for p in self.people if p.named and key in {_role_key(r) for r in p.roles}]
        if len(exact) == 1:
            return exact[0]
        by_head = [p for p in self.people if p.named and head in {role_head(r) for r in p.roles}]
        if not by_head and head in ROLE_HYPERNYMS:  # "the minister": the health secretary
            wider = ROLE_HYPERNYMS[head]
            by_head = [
                p for p in self.people if p.named and {role_head(r) for r in p.roles} & wider
            ]
        by_alias = [p for p in self.people if any(role_head(a) == head for a in p.aliases)]
        if len(by_head) == 1 and not exact:
            return by_head[0]
        if len(by_alias) == 1:
            return by_alias[0]
        # "one midwife", "a resident": an indefinite phrase introduces someone new
        indefinite = fold(phrase).split()[0] in {"a", "an", "one", "another"}
        for person in reversed(self.people):
            if create and indefinite:
                break
            if not person.named and head in {role_head(r) for r in person.roles}:
                return person
        if not create or exact or len(by_head) > 1:
            return None
        written = " ".join(phrase.split())
        if fold(written.split()[0]) in {"a", "an", "the", "one", "my", "our", "his", "her"}:
            written = written[0].lower() + written[1:]  # "a hospital spokeswoman"
        person = Person(written, None, None, gender_of_words(written.split()))
        person.roles.add(fold(written))
        self.people.append(person)
        return person


# --- phrase helpers ------------------------------------------------------------------------


def _runs(text: str) -> list[tuple[int, int]]:
    """Capitalised runs, split after a possessive ("BBC’s Sunday With Laura Kuenssberg")."""
    found: list[tuple[int, int]] = []
    for match in _NAME_RUN.finditer(text):
        start = match.start()
        for word in re.finditer(r"\S+", match.group()):
            if word.group().endswith(("’s", "'s")):
                end = match.start() + word.end() - 2
                if end > start:
                    found.append((start, end))
                start = match.start() + word.end() + 1
        if start < match.end():
            found.append((start, match.end()))
    return found


# a word in capitals ending a name: "Adrian Lusk KC", "Sir Desmond Plack QUITS" (a headline)
_CAPITALS = re.compile(r"(?<=[a-z’'.])[ \t\u00a0]+[A-Z][A-Z’'\-]+\b")


def _without_capitals(
    text: str, runs: list[tuple[int, int]], keep: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs for people: cut where a word in capitals follows a word that is not ("Adrian
    Lusk KC", "Sir Desmond Plack QUITS Greenfingers"); organisations keep the whole run
    ("Greater Manchester NHS Trust"), and so does every run in `keep`."""
    found: list[tuple[int, int]] = []
    for start, end in runs:
        if (start, end) in keep:
            found.append((start, end))
            continue
        piece = start
        for capitals in _CAPITALS.finditer(text, start, end):
            found.append((piece, capitals.start()))
            piece = capitals.end() + 1
        if piece < end:
            found.append((piece, end))
    return found


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
    rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_WORD}(?:[ \t]+{_WORD})*"
)


_LEADING_WORDS = re.compile(rf"(?:{_WORD}[ \t]+)+$")


def _organisation_head(name: str) -> str:
    """The word "the …" calls an organisation by: "Highvale Water" → "water", "Department
    for Schools" → "department"."""
    words = fold(name).split()
    cut = next((i for i, w in enumerate(words) if w in {"of", "for"} and i > 0), len(words))
    return words[cut - 1]


def _organisation_by_context(text: str, start: int, end: int) -> bool:
    """A capitalised run said to be an organisation by the words around it."""
    if len(text[start:end].split()) > 4:
        return False
    return bool(_ORG_AFTER.match(text, end) or _ORG_BEFORE.search(text[max(0, start - 30) : start]))


def _occurrences(text: str, organisations: list[str]) -> list[tuple[int, str]]:
    """Where each organisation is named in full, in text order."""
    found: list[tuple[int, str]] = []
    for name in organisations:
        found += [(m.start(), name) for m in re.finditer(re.escape(name), text)]
    return sorted(found)


def _split_run(text: str, start: int, end: int) -> tuple[list[str], list[str], int] | None:
    """(context words, name words, where the name starts): the name is the run's longest
    tail of name-like words; role and title words before it, in the run or just before the
    run, are its context."""
    words = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    tail = len(words)
    while tail > 0 and _is_name_word(words[tail - 1][1]):
        tail -= 1
    names = [w for _, w in words[tail:]]
    if not names:
        return None
    context = _words_before(text, start, 4) + [w for _, w in words[:tail]]
    return context, names, words[tail][0]


def _title(context: Sequence[str]) -> str:
    """The title just before a name ("mr", "sir"), or "" when the word before is none: "…
    at cellos,” Ruth says" is Ruth with no title, so her given name alone can mean her."""
    word = fold(context[-1]).strip(".") if context else ""
    return word if word in TITLES else ""


def _role_key(phrase: str) -> str:
    key = fold(phrase)
    for prefix in ("the ", "a ", "an ", "one ", "my ", "our ", "his ", "her ", "their "):
        key = key.removeprefix(prefix)
    return COMPOUND_ROLES.get(key, key)


def _role(words: Sequence[str]) -> str | None:
    """The role words just before a name: "Business Secretary", "French president"."""
    picked: list[str] = []
    for word in reversed(words):
        key = fold(word).strip(".,")
        if is_role_word(key):
            picked.append(key)
        elif picked:
            break
    return " ".join(reversed(picked)) or None


def _apposition_role(text: str, end: int) -> str | None:
    """ "Keir Starmer, the Prime Minister," → "the prime minister" (the whole phrase)."""
    match = re.match(
        r",\s+((?:the|a|an)\s+[A-Za-z][\w\-’' ]{2,60}?)(?:,|\.|\s+(?:said|says|who|has|is)\b)",
        text[end : end + 90],
    )
    if not match or not any(is_role_word(fold(w)) for w in match.group(1).split()):
        return None
    return match.group(1)


def _speech_follows(text: str, end: int) -> bool:
    return bool(
        re.match(r",?\s+(?:said|says|told|added|warned|insisted|claimed)\b", text[end : end + 14])
    )


def _speech_precedes(text: str, start: int) -> bool:
    return bool(
        re.search(r"\b(?:said|says|told|added|according to)\s+$", text[max(0, start - 16) : start])
    )


def _speaks_elsewhere(text: str, family: str) -> bool:
    """ "Beckett said": a surname that speaks is a person's."""
    return bool(re.search(rf"\b{re.escape(family)},?\s+(?:said|says|told|added|warned)\b", text))


def _titled_elsewhere(text: str, family: str) -> bool:
    return bool(
        re.search(
            rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof)\.?\s+{re.escape(family)}\b", text
        )
    )


def _split_name(name: str) -> tuple[str | None, str | None]:
    words = [w for w in name.split() if fold(w).rstrip(".") not in TITLES]
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0]
    return words[0], words[-1]


def _words_before(text: str, start: int, count: int) -> list[str]:
    """Up to `count` words before `start` in the same sentence (stops at . ; : and quotes)."""
    chunk = text[max(0, start - 80) : start]
    cut = max(chunk.rfind(c) for c in '.;:!?\n‘“"')
    return chunk[cut + 1 :].split()[-count:]


def _same_given(one: str, other: str) -> bool:
    """ "Ray" and "Raymond", "Chris" and "Christopher": a short form of the same name."""
    short, long = sorted((fold(one), fold(other)), key=len)
    return short == long or (len(short) >= 3 and long.startswith(short))


def _apposed_role(text: str, previous_end: int, start: int) -> bool:
    """An indefinite role phrase right after another one and a comma, in apposition to it."""
    return re.fullmatch(r",[ \t]+", text[previous_end:start]) is not None and fold(
        text[start : start + 3]
    ).split()[0] in {"a", "an"}


def _start(mention: Mention) -> int:
    return mention.start


def _epithet(surface: str) -> bool:
    """ "the retired engineer", "the striker", "the 41-year-old": a definite role of a few
    words with nothing after it, that is not an anonymous voice ("the spokesman")."""
    words = fold(surface).split()
    return (
        words[0] == "the"
        and 2 <= len(words) <= 4
        and role_head(surface) == words[-1]
        and words[-1] not in ANONYMOUS_ROLES
    )


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
