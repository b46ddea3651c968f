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
"Downing Street") are kept apart (organisations.py): they speak under their names, never as
"he" or "she". Descriptions ("the 52-year-old", "the retired engineer") are epithets.py's.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from factdesk.core.suggest import epithets
from factdesk.core.suggest.lexicon import (
    FEMALE_TITLES,
    GIVEN_NAME_TITLES,
    MALE_TITLES,
    NOT_NAMES,
    ORG_HEADS,
    PARTICLES,
    ROLE_ALTERNATION,
    ROLE_HYPERNYMS,
    TITLE_ROLES,
    TITLES,
    is_role_word,
)
from factdesk.core.suggest.organisations import Organisations
from factdesk.core.suggest.person import (
    NAME_WORD,
    KnownSpeaker,
    Mention,
    Person,
    fold,
    gender_of_given,
    gender_of_words,
    role_head,
    role_key,
)
from factdesk.core.suggest.quotes import paragraphs

_PARTICLE = rf"(?:{'|'.join(PARTICLES)})"
_NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD})*")
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
# a word between a determiner and the role: "a hospital", not "the trade from his mother"
# ("A Department of Health spokesperson": "of" inside a capitalised name is no preposition)
_FILLER = (
    rf"(?!(?:{_DETERMINERS}|with|in|to|from|on|by|as)\b)(?!(?:for|of|at)[ \t]+[a-z])"
    rf"[\w’'\-]+[ \t]+"
)
_ROLE_PHRASE = re.compile(
    rf"\b(?:{_DETERMINERS})[ \t]+(?:{_FILLER}){{0,3}}?(?:{_ROLE})\b(?!-)"
    rf"(?:[ \t]+(?:{_GAP})?(?:{_ROLE})\b(?!-))*"
    # "adviser to the minister", not "a care worker to cover the lost wages"
    rf"(?:[ \t]+(?:for|of|at|with|in|to(?=[ \t]+(?:the|a|an|his|her|their|[A-Z])\b)|from|"
    rf"close[ \t]+to)[ \t]+(?:the[ \t]+)?"
    rf"(?!(?:{_VERBS})\b)[\w’'\-]+"
    rf"(?:[ \t]+(?!(?:{_VERBS}|and|but|that|which|where|when|[a-z]+ed)\b)(?:[\w’'\-]+|&)){{0,5}})?",
    re.IGNORECASE,
)
_ROLE_OWNER = re.compile(r"[ \t](?:for|of|at|with|in|to|from|close[ \t]+to)[ \t]")
_PROSE_WORDS = 5  # a paragraph shorter than this is a credit line or a stray mark
# "Doreen Platt, 78, has volunteered", "Sasha Doyle, who had her baby there,", "Tomás
# Ferreira, the Rovers centre-half," (organisations in apposition were taken out before)
_PERSON_AFTER = re.compile(r",\s(?:\d{1,3},|who\b|(?:the|a|an)\s)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_GENDERED_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=[’”'\"]?\s|$)")
# "who teaches at a school in nearby Holme Cross, said": a place ends the clause, not a name
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|nearby|outside|across)[ \t]+$")
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)")


def mask_abbreviations(text: str) -> str:
    """The same text with the full stop of "Dr.", "Sen.", "Mrs." as a space: it does not end
    a sentence (same length, so every offset still holds)."""
    return _ABBREVIATION.sub(lambda m: m.group()[:-1] + " ", text)


def _is_name_word(word: str) -> bool:
    key = fold(word).strip(".,")
    return key not in NOT_NAMES and not is_role_word(key) and key not in TITLES


class Cast:
    """The people of one article and every mention of them, in text order."""

    def __init__(self, known: Sequence[KnownSpeaker] = ()) -> None:
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self._organisations = Organisations()
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
        organisations = self._organisations.read(text, runs)
        runs = _without_capitals(text, runs, keep=organisations)
        for start, end in runs:
            self._introduce(text, start, end)
        self._given_only(text)
        mentions: list[Mention] = []
        for start, end in runs:
            mention = self._mention(text, start, end)
            if mention is not None:
                mentions.append(mention)
        epithets.learn_descriptions(text, mentions, self)
        unresolved: list[epithets.Epithet] = []
        mentions.extend(self._role_mentions(text, mentions, unresolved))
        self.mentions = _without_overlaps(mentions)
        self._learn_genders(text)
        epithets.resolve_epithets(self, unresolved)
        self._resolve_pronouns(text)

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
                self.add_mention(Mention(match.start(), match.end(), person, match.group()))

    def antecedent(self, at: int, gender: str, besides: Person | None = None) -> Person | None:
        """ "He" or "she" at `at`: in the nearest earlier sentence, outside the quotations
        `read()` was given, that has someone who fits, the first person known to be of that
        gender, else the first of unknown gender — the first is usually the sentence's subject
        ("The PM said Putin would…" → the PM). `besides` is someone it cannot be: the
        speaker of the quotation the pronoun is in ("…and he said, ‘…’" is not the speaker)."""
        sentence: int | None = None
        fitting: Person | None = None  # the first of the sentence whose gender fits
        matching: Person | None = None  # the first whose gender is known to match
        for mention in reversed(self.mentions_before(at)):
            if self.in_quote(mention.start) or mention.person is besides:
                continue
            index = self.sentence_index(mention.start)
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

    def mentions_before(self, at: int) -> list[Mention]:
        """The mentions that end by `at`, in text order."""
        return self.mentions[: bisect.bisect_right(self.mentions, at, key=_end)]

    def add_mention(self, mention: Mention) -> None:
        """Record a mention found after the first pass, keeping text order."""
        bisect.insort(self.mentions, mention, key=lambda m: m.start)

    def _sentence_end(self, position: int) -> int:
        """Where the sentence (or the paragraph) holding `position` ends."""
        ends = [self._sentences, self._paragraph_breaks]
        following = [e[i] for e in ends if (i := bisect.bisect_left(e, position + 1)) < len(e)]
        return min(following, default=position + 200)

    def sentence_index(self, position: int) -> int:
        """Which sentence (counting paragraph ends as sentence ends) holds `position`."""
        return bisect.bisect_left(self._sentences, position + 1) + bisect.bisect_left(
            self._paragraph_breaks, position
        )

    def prose_paragraph(self, position: int) -> int:
        """Which paragraph of prose holds `position`: a lone "(" or "(Image: Getty)" is not
        one, so it does not put an epithet a paragraph further from its name."""
        return bisect.bisect_left(self._prose_breaks, position)

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
        # "a school in nearby Holme Cross, said": a place, though a speech verb follows
        place = _PLACE_BEFORE.search(text, max(0, start - 12), start) is not None
        plausible = (
            title in TITLES
            or _role(context)
            or gender_of_given(names[0])
            or self.known(" ".join(names)) is not None
            or (not place and _speech_follows(text, end))
            or _speech_precedes(text, start)
            or _PERSON_AFTER.match(text, end) is not None
            or _titled_elsewhere(text, names[-1])  # the two searches of the whole text last
            or (not place and _speaks_elsewhere(text, names[-1]))
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

    def _given_only(self, text: str) -> None:
        """ "who gave his name only as Arvind", "identified only as Priya": someone the
        article names by a given name alone, who can then be "Arvind said"."""
        for match in _GIVEN_ONLY.finditer(text):
            name = match.group(2) or match.group(3)
            if self.known(name) is None and not any(
                p.given and fold(p.given) == fold(name) for p in self.people
            ):
                gender = {"his": "m", "her": "f"}.get(fold(match.group(1) or ""))
                self.people.append(Person(name, name, None, gender or gender_of_given(name)))

    def organisation(self, phrase: str, at: int | None = None) -> str | None:
        """The organisation `phrase` (at `at`) names, if any (see Organisations.named)."""
        return self._organisations.named(phrase, at, self._person_first)

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
        self, text: str, named: list[Mention], unresolved: list[epithets.Epithet]
    ) -> list[Mention]:
        """ "the Prime Minister", "a hospital spokeswoman", "the peer": whoever holds the role,
        or a person known only by it. A definite role nobody holds ("the retired engineer",
        "the 41-year-old") goes to `unresolved`: it may be someone just named."""
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
            if _AS_BEFORE.search(text, max(0, start - 12), start):
                continue  # "shifts as a care worker": what someone works as, not someone new
            owner_mention = _named_just_before(named, text, start)
            if owner_mention is not None:
                # "Farheen Qureshi, 19, a commerce student, said": the same person, described
                owner_mention.person.roles.add(fold(surface))
                found.append(Mention(start, end, owner_mention.person, surface))
                continue
            if found and _apposed_role(text, found[-1].end, start):
                # "One customer, a retired teacher who…,": the same someone, described again
                found[-1].person.roles.add(fold(surface))
                found.append(Mention(start, end, found[-1].person, surface))
                continue
            epithet = epithets.is_epithet(surface) and not self.in_quote(start)
            person = self.known(surface) or self.holder(surface, create=not epithet)
            if person is None and epithet:
                unresolved.append((start, end, surface))
                continue
            if person is not None:
                found.append(Mention(start, end, person, surface))
        return found

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
        key = role_key(phrase)
        head = role_head(phrase)
        if create and fold(phrase).split()[0] in {"one", "another"}:
            # "One customer", "another parent": one more of many, not the one named before
            return self._anonymous(phrase, head, indefinite=True)
        exact = [p for p in self.people if p.named and key in {role_key(r) for r in p.roles}]
        if len(exact) == 1:
            return exact[0]
        by_head = [p for p in self.people if p.named and head in {role_head(r) for r in p.roles}]
        if not by_head and head in ROLE_HYPERNYMS:  # "the minister": the health secretary
            wider = ROLE_HYPERNYMS[head]
            by_head = [
                p for p in self.people if p.named and {role_head(r) for r in p.roles} & wider
            ]
        if not by_head and not exact:  # "the detective": Detective Inspector Mark Renshaw
            by_head = [
                p for p in self.people if p.named and any(head in fold(r).split() for r in p.roles)
            ]
        by_alias = [p for p in self.people if any(role_head(a) == head for a in p.aliases)]
        indefinite = fold(phrase).split()[0] in {"a", "an", "one", "another"}
        if indefinite and create and _ROLE_OWNER.search(phrase):
            by_head = []  # "A spokesman for the operator" is not "opposition spokesman X"
        if len(by_head) == 1 and not exact:
            return by_head[0]
        if len(by_alias) == 1:
            return by_alias[0]
        # "one midwife", "a resident": an indefinite phrase introduces someone new
        unclear = bool(exact) or len(by_head) > 1  # several hold it: nobody can tell who
        return self._anonymous(phrase, head, indefinite=indefinite, create=create, new=not unclear)

    def _anonymous(
        self, phrase: str, head: str, *, indefinite: bool, create: bool = True, new: bool = True
    ) -> Person | None:
        """Someone known only by a role: the last one of that role, or, for a first or an
        indefinite mention ("a hospital spokeswoman"), a new person (when `create` and `new`)."""
        for person in reversed(self.people):
            if create and indefinite:
                break
            if not person.named and head in {role_head(r) for r in person.roles}:
                return person
        if not create or not new:
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
        end = match.end()
        desk = _DESK_AFTER.match(text, end)
        if desk and len(text[start:end].split()) >= 3:  # "Helen Marchbank Health editor"
            end = start + re.search(r"\s\S+$", text[start:end]).start()  # type: ignore[union-attr]
        if start < end:
            found.append((start, end))
    return found


# someone named by a given name alone: "who gave his name only as Arvind", "identified only as
# Priya", "a mother, named only as Sarah,"
_GIVEN_ONLY = re.compile(
    r"\b(?:gave|giving|gives)\s+(his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?as\s+"
    r"([A-Z][\w’'\-]+)\b(?![ \t]+[A-Z])"
    r"|\b(?:identified|named|known)\s+only\s+as\s+([A-Z][\w’'\-]+)\b(?![ \t]+[A-Z])"
)
# a byline's desk after a name: "Helen Marchbank Health editor", "Tom Hale Political reporter"
_DESK_AFTER = re.compile(r"[ \t]+(?:editor|correspondent|reporter|writer|columnist|producer)\b")


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


# words that cannot stand between a role and its holder's name: a preposition, a verb form
_NOT_BETWEEN = re.compile(
    r"(?:in|at|on|outside|inside|near|by|from|to|into|behind|between|and|or|with|of|for|"
    r"[a-z]+ing|[a-z]+ed)"
)


def _role(words: Sequence[str]) -> str | None:
    """The role words just before a name: "Business Secretary", "French president"."""
    picked: list[str] = []
    for word in reversed(words):
        key = fold(word).strip(".,")
        if is_role_word(key):
            picked.append(key)
        elif picked or _NOT_BETWEEN.fullmatch(key):
            break  # "driver waiting outside Rampura Chowk": no role of Rampura Chowk
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


@functools.lru_cache(maxsize=1024)
def _speaks_elsewhere(text: str, family: str) -> bool:
    """ "Beckett said": a surname that speaks is a person's."""
    return bool(re.search(rf"\b{re.escape(family)},?\s+(?:said|says|told|added|warned)\b", text))


@functools.lru_cache(maxsize=1024)  # a whole-text search, asked again for each run
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


_AS_BEFORE = re.compile(r"\bas[ \t]+$")
# "Kevin Ashworth, 52, a bus driver", "Dr Samir Qureshi, now a consultant surgeon"
_AGE_APPOSED = re.compile(
    r",[ \t]+(?:\d{1,3},[ \t]+)?(?:(?:now|then|himself|herself|also|once|formerly)[ \t]+)?"
)


def _end(mention: Mention) -> int:
    return mention.end


def _named_just_before(named: list[Mention], text: str, start: int) -> Mention | None:
    """The named mention an indefinite role phrase at `start` is in apposition to: "Kevin
    Ashworth, 52, a bus driver" (a comma and perhaps an age between them)."""
    if fold(text[start : start + 3]).split()[0] not in {"a", "an"}:
        return None
    index = bisect.bisect_right(named, start, key=_end) - 1
    if index < 0 or not named[index].person.named:
        return None
    gap = _AGE_APPOSED.fullmatch(text, named[index].end, start)
    return named[index] if gap else None


def _apposed_role(text: str, previous_end: int, start: int) -> bool:
    """An indefinite role phrase right after another one and a comma, in apposition to it."""
    return re.fullmatch(r",[ \t]+", text[previous_end:start]) is not None and fold(
        text[start : start + 3]
    ).split()[0] in {"a", "an"}


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
