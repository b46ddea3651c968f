"""Who said a quotation: find the attributing expression and resolve it to a person.

The expression is looked for after the closing mark (‘…,’ he told the BBC.), before the
opening mark in the same paragraph (Sir Keir said: ‘…), or at the end of the paragraph before
(He added:⏎‘…). Its subject resolves through the article's cast: a name or short form, a role
the article gave someone (the Prime Minister), or a pronoun — "he" or "she" is the first
person named in the nearest earlier sentence, outside quotations, who fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factdesk.core.suggest.lexicon import (
    NOT_NAMES,
    NOT_PEOPLE,
    ORG_HEADS,
    ORG_NOUNS,
    ROLE_ALTERNATION,
    TITLES,
    is_role_word,
)
from factdesk.core.suggest.people import Cast
from factdesk.core.suggest.person import Person, fold

SPEECH_VERBS = (
    "said|says|say|told|tells|tell|added|adds|warned|warns|insisted|insists|claimed|claims|argued|"
    "argues|explained|explains|stated|states|declared|declares|wrote|writes|continued|admitted|"
    "admits|acknowledged|acknowledges|announced|announces|replied|replies|responded|responds|"
    "noted|notes|suggested|suggests|asked|asks|ask|urged|urges|vowed|vows|pledged|pledges|"
    "promised|promises|stressed|stresses|conceded|concedes|commented|remarked|joked|tweeted|"
    "posted|predicted|predicts|recalled|recalls|maintained|maintains|countered|went on|"
    "confirmed|confirms|agreed|agrees|accepted|accepts|denied|"
    "denies|revealed|reveals|described|describes|called|calls|branded|brands|dismissed|"
    "thought|put it|puts it|"
    # how it was said: "the striker laughed: ‘…’"
    "laughed|laughs|smiled|smiles|sighed|sighs|quipped|quips|shrugged|shouted|shouts|"
    "snapped|boasted|boasts|pleaded|reflected|"
    "reflects|mused|hit back|fumed|grinned|beamed|whispered"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_ACCORDING_AFTER = re.compile(r"\s*,?\s*according to\b", re.IGNORECASE)
# verbs of answering: "she replied", "he hit back"; the pronoun is not who spoke just before
_ANSWER = r"(?:replied|replies|responded|responds|retorted|countered|hit back|shot back)\b"
_REPLY = re.compile(rf"\s+{_ANSWER}")
# a mention that is the subject of speech: "Cllr Oduya said", "Ms Kerr, 54, asked"
_SPOKE = re.compile(rf"(?:,\s*\d{{1,3}},)?\s+(?:{SPEECH_VERBS})\b")
PRONOUNS = {"he": "m", "she": "f"}
_OTHER_PRONOUNS = {"they", "i", "we"}  # subjects that name no one the cast knows
_ORG_WORDS = ORG_NOUNS | ORG_HEADS  # "the company", "the federation"
# a first word that opens no name ("Former", "Officials"), though "the", "a" and a pronoun may
_NOT_A_NAME_OPENER = NOT_NAMES - TITLES - {"the", "a", "an", "he", "she"} - _OTHER_PRONOUNS


@dataclass(frozen=True, slots=True)
class Attribution:
    """The resolved speaker (a person's name, or a role as written), and how it was said."""

    speaker: str | None
    surface: str  # the subject as written: "Sir Keir", "he", "a council spokesman"
    start: int
    end: int
    person: Person | None = None


def after(text: str, mark_end: int, limit: int, cast: Cast) -> Attribution | None:
    """ "‘…,’ he said." / "” said Mr Smith, the leader." / "’ Mr Smith told the BBC." """
    window = text[mark_end:limit]
    cut = _clause_end(window)
    window = window[:cut]
    verb = _VERB.search(window) if re.match(r"\s*[,—–-]?\s*[A-Za-z]", window) else None
    if verb is None:
        return _according_after(text, mark_end, window, cast)
    if len(window[: verb.start()].split()) > 6:
        return None
    before_verb = window[: verb.start()].strip(" ,—–-")
    if before_verb:
        subject = _subject_before_verb(before_verb)
        bare = _AGE.sub("", _without_relative_clause(before_verb)).rstrip(",")  # "Ruiz, 44,"
        if subject is None or subject.split() != bare.split():
            return None  # "‘…’ and the council said": not an attribution of this quote
        return _resolve_in(text, mark_end, window, subject, cast)
    subject = _subject_after_verb(window[verb.end() :])
    if subject is None:
        return None
    return _resolve_in(text, mark_end + verb.end(), window[verb.end() :], subject, cast)


def _according_after(text: str, mark_end: int, window: str, cast: Cast) -> Attribution | None:
    """ "…”, according to Quayle.": the source named right after the quotation."""
    according = _ACCORDING_AFTER.match(window)
    rest = window[according.end() :] if according else ""
    subject = _subject_after_verb(rest) if according else None
    if according is None or subject is None:
        return None
    return _resolve_in(text, mark_end + according.end(), rest, subject, cast)


def _answering(text: str, said: Attribution, cast: Cast) -> Attribution:
    """ "Cllr Oduya said officers had assured her. ‘…,’ she replied.": whoever replies is not
    the one who spoke just before, so the pronoun is the nearest other person who fits."""
    if said.person is None or _REPLY.match(text, said.end) is None:
        return said
    spoke = [
        m
        for m in cast.mentions_between(max(0, said.start - 600), said.start)
        if m.person is said.person and not cast.in_quote(m.start)
    ]
    if spoke and _SPOKE.match(text, spoke[-1].end):
        return someone_else(said, said.person, cast)
    return said


def before(text: str, start: int, mark_start: int, cast: Cast) -> Attribution | None:
    """ "Sir Keir said: ‘…" / "He told the BBC: ‘…" / "said Mr Smith: “…" / "according to X"."""
    window = text[start:mark_start]
    sentence_start = _last_sentence_start(window)
    window = window[sentence_start:]
    offset = start + sentence_start
    verbs = list(_VERB.finditer(window))
    if not verbs:
        return _according_to(text, window, offset, cast)
    verb = verbs[-1]
    # what follows the verb must lead into the quote: ":" or "," or "that" or a short object
    tail = window[verb.end() :]
    if len(tail.split()) > 8 and not re.search(r"[:,]\s*$", tail):
        return None
    subject = _subject_before_verb(window[: verb.start()])
    if subject is not None:
        return _resolve_in(text, offset, window[: verb.start()], subject, cast)
    subject = _subject_after_verb(tail)
    if subject is not None:
        return _resolve_in(text, offset + verb.end(), tail, subject, cast)
    return _clause_subject(text, window[: verb.start()], offset, cast)


def lead_in(text: str, start: int, mark_start: int, cast: Cast) -> Attribution | None:
    """A quotation after a colon or a dash with no speech verb: "Chef Danny Rourke blasts MP
    over ‘salt bomb’ slur: ‘…’" → the first person its sentence names; "Dame Maureen – “…”"
    → the person just before the dash."""
    window = text[start:mark_start].rstrip()
    if not window.endswith((":", "–", "—")):
        return None
    sentence_start = start + _last_sentence_start(window)
    if _VERB.search(text, sentence_start, mark_start):
        return None
    named = [
        m
        for m in cast.mentions_between(sentence_start, start + len(window) - 1)
        if m.person.named and not cast.in_quote(m.start)
    ]
    if not named:
        return None
    if window.endswith(":"):
        pick = named[0]
    elif not text[named[-1].end : start + len(window) - 1].strip():
        pick = named[-1]
    else:
        return None
    return Attribution(pick.person.name, pick.surface, pick.start, pick.end, pick.person)


def headline_after(text: str, mark_end: int, cast: Cast) -> Attribution | None:
    """ "“The curtain comes down”: Dame Maureen Ashby on 50 years…" → the person named
    right after the colon."""
    colon = re.match(r"\s*:\s+", text[mark_end : mark_end + 6])
    if colon is None:
        return None
    at = mark_end + colon.end()
    for mention in cast.mentions_between(at, at + 1):
        if mention.start == at and mention.person.named:
            return Attribution(
                mention.person.name, mention.surface, mention.start, mention.end, mention.person
            )
    return None


def someone_else(said: Attribution, speaker: Person, cast: Cast) -> Attribution:
    """ "I asked him and he said, ‘…’" inside the speaker's own quotation: the "he" is not
    the speaker (who would say "I"), but the nearest earlier one of that gender besides."""
    gender = PRONOUNS.get(fold(said.surface))
    if gender is None:
        return said
    person = cast.antecedent(said.start, gender, besides=speaker)
    return Attribution(person.name if person else None, said.surface, said.start, said.end, person)


def _clause_subject(text: str, chunk: str, offset: int, cast: Cast) -> Attribution | None:
    """ "The nurse looked at me and said," / "Last year the minister stood at the despatch box
    and said,": the person or role the short clause before the verb starts with."""
    if "," in chunk:  # "…, and a man in a brown suit looked at me and said,": the last clause
        cut = re.search(r",\s+(?:and\s+|but\s+|then\s+)?(?=\S[^,]*$)", chunk)
        if cut is None:
            return None
        offset, chunk = offset + cut.end(), chunk[cut.end() :]
    if len(chunk.split()) > 20:
        return None
    match = _LEADING_SUBJECT.search(chunk)
    if match is None:
        return None
    return _resolve(text, offset + match.start(1), match.group(1), cast)


_STATEMENT = re.compile(
    r"\b(?:read|issued|released|gave|made|published|posted|wrote|sent)\s+(?:a|the|her|his|their)\s+"
    r"(?:short\s+|brief\s+|written\s+|joint\s+|press\s+|news\s+)?"
    r"(?:statement|tribute|message|letter|post|release)\b",
    re.IGNORECASE,
)


_DOCUMENT = re.compile(r"(?:the|a|its|their|his|her) (?:statement|letter|message|release)")


def _author(text: str, start: int, phrase: str, cast: Cast) -> Attribution | None:
    """ "‘…,’ the statement said": whoever the article said made the statement, in the last
    sentence before that mentions one ("X said in a statement", "X issued a statement")."""
    noun = fold(phrase).split()[-1]
    for found in reversed(list(re.finditer(rf"\b{noun}\b", text[max(0, start - 1500) : start]))):
        at = max(0, start - 1500) + found.start()
        if cast.in_quote(at):
            continue
        sentence_start = at - len(text[:at]) + _last_sentence_start(text[:at])
        sentence_end = at + _clause_end(text[at:])
        said = statement(text, sentence_start, sentence_end, cast)
        if said is None:
            verb = _VERB.search(text, sentence_start, sentence_end)
            chunk = text[sentence_start : verb.start()] if verb else ""
            subject = _subject_before_verb(chunk) if chunk.strip() else None
            said = _resolve_in(text, sentence_start, chunk, subject, cast) if subject else None
        return said if said is not None and said.speaker else None
    return None


def statement(text: str, start: int, end: int, cast: Cast) -> Attribution | None:
    """ "Mrs Holt read a statement outside the court." — the next paragraph's quotation is
    that statement: its subject is the speaker."""
    window = text[start:end]
    window = window[_last_sentence_start(window) :]
    found = _STATEMENT.search(window)
    if found is None:
        return None
    subject = _subject_before_verb(window[: found.start()])
    if subject is None:
        return None
    offset = start + (len(text[start:end]) - len(window))
    return _resolve_in(text, offset, window[: found.start()], subject, cast)


def reported(text: str, start: int, end: int, cast: Cast) -> Attribution | None:
    """ "Mr Hurst said his own list stood at 640 patients." then a paragraph that is all
    quotation with nothing said about it: the quotation goes on in the voice of whoever the
    paragraph before reported, the speaker of its last sentence that has one."""
    window = text[start:end]
    sentences = [0, *(m.end() for m in re.finditer(r"[.!?][’”'\"]?\s+", window))]
    for sentence_start in reversed(sentences):
        sentence = window[sentence_start:]
        if re.search(r"[‘“\"]", sentence):
            continue  # it quotes someone: the quotation after it may answer them
        verb = _VERB.search(sentence)
        if verb is None:
            continue
        subject = _subject_before_verb(sentence[: verb.start()])
        if subject is None or fold(subject) in _OTHER_PRONOUNS:
            continue
        said = _resolve_in(text, start + sentence_start, sentence[: verb.start()], subject, cast)
        if said is not None and said.speaker:
            return said
    return None


def _according_to(text: str, window: str, offset: int, cast: Cast) -> Attribution | None:
    """ "According to Mr Smith, “…" """
    according = list(_ACCORDING.finditer(window))
    if not according:
        return None
    rest = window[according[-1].end() :]
    subject = _subject_after_verb(rest)
    if not subject:
        return None
    return _resolve_in(text, offset + according[-1].end(), rest, subject, cast)


# --- the subject -----------------------------------------------------------------------------

# what follows a role: "for the council", "close to the chef", "with the elections office"
_ROLE_PP = r"(?:for|of|at|to|in|with|from|close\s+to)\s+(?:the\s+|a\s+|an\s+)?"
_ROLE_PHRASE = re.compile(
    r"\b((?:a|an|the|one|another)\s+(?:[\w’'\-]+\s+){0,4}?(?:" + ROLE_ALTERNATION + r")"
    r"(?:\s+" + _ROLE_PP + r"[\w’'\-]+(?:\s+(?:[\w’'\-]+|&)){0,3})?)\s*,?\s*$",
    re.IGNORECASE,
)
_AGE = re.compile(r",\s*\d+,?\s*$")
# ", who asked not to be named," between a subject and its verb
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose)\b[^‘“\"]*,\s*$")
# ", chairman of the Friends of the Library," / ", a neurologist at Ridgeway," after a name
# (a decimal point does not end it: ", waiting for the 7.52 to Ashbridge,")
_APPOSITION = re.compile(
    r"(?<=\w),\s+(?:(?:the|a|an|his|her|their|its)\s|[a-z])"
    r"(?:[^‘“\",.;:]|(?<=\d)[.,:](?=\d))*,\s*$"
)


# between a subject and its speech verb: "has also", "used to", "smiled and", "paused and"
_AUXILIARIES = re.compile(
    r"(?:\s+(?:also|later|then|previously|has|have|had|was|is|would|will|did|does|might|could|"
    r"used to|went on to|continued to|once|often|famously|simply|just|quickly|[a-z]+ed and|"
    r"[a-z]+ed, and))+$"
)
_LEADING_SUBJECT = re.compile(
    r"^(?:(?:Last|This|Next|On|In|At)\s+[\w’']+\s+)?"
    r"((?:(?:the|a|an|one|my|our|his|her)\s+(?:[\w’'\-]+\s+){0,2}?(?:"
    + ROLE_ALTERNATION
    + r")(?:\s+"
    + _ROLE_PP
    + r"[\w’'\-]+(?:\s+[\w’'\-]+)?)?|[Hh]e|[Ss]he|(?:[A-Z][\w’'\-]+\s+){0,2}[A-Z][\w’'\-]+))"
    r"\s+(?!said|says|told)[a-z]+",
    re.IGNORECASE,
)


def _subject_before_verb(chunk: str) -> str | None:
    """The noun phrase ending just before the verb: "Business Secretary Jonathan Reynolds",
    "He", "the Prime Minister", "a spokesman for the council", "Mr Smith, 54,"."""
    chunk = _without_relative_clause(chunk)
    document = re.search(rf"\b{_DOCUMENT.pattern}\s*$", chunk, re.IGNORECASE)
    if document:
        return document.group().strip()  # "the statement said": resolved to its author
    body = re.search(r"\bthe\s+([a-z\-]+)\s*$", chunk, re.IGNORECASE)
    owned = body and re.search(rf"\b{_ROLE_PP}$", chunk[: body.start()], re.IGNORECASE)
    if body and not owned and fold(body.group(1)) in _ORG_WORDS:
        return body.group().strip()  # "the company said", not "a spokesman for the council"
    role = _role_subject(chunk.rstrip())
    if role is not None:
        return role
    chunk = _AGE.sub("", chunk.rstrip())  # "Mr Smith, 54, said"
    chunk = _AUXILIARIES.sub("", chunk)
    words = chunk.split()
    if not words:
        return None
    picked: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;")
        key = fold(bare).rstrip(".")
        if word.endswith((",", ";")) and picked:
            break
        if key in PRONOUNS or key in _OTHER_PRONOUNS:
            if not picked:
                picked.append(bare)
            break
        if (
            bare[:1].isupper()
            or is_role_word(key)
            or key in {"the", "a", "an", "of", "for", "at", "'s", "s"}
            or "’s" in bare
        ):
            picked.append(bare)
            continue
        break
    while picked and fold(picked[-1]) in {"of", "for", "at"}:
        picked.pop()
    if not picked:
        return None
    phrase = " ".join(reversed(picked))
    first = fold(picked[-1])
    if first in _NOT_A_NAME_OPENER:
        phrase = " ".join(reversed(picked[:-1]))
    return phrase or None


# an indefinite subject of a speech verb, role word or not: "One cellist", "A Haldmoor
# supplier", "another parent" — someone the article does not name
_SOMEONE = re.compile(
    r"(?:^|[\s(])((?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){0,2}[a-z][\w’'\-]+)\s*,?$"
)


# a document and who it is from: "A statement from another victim", "a letter from the mother"
_SENT_BY = re.compile(
    r"(?:a|an|the|one)\s+(?:\w+\s+)?(?:" + "|".join(sorted(NOT_PEOPLE)) + r")\s+"
    r"(?:from|by|on\s+behalf\s+of)\s+(.+)$",
    re.IGNORECASE,
)


def _role_subject(chunk: str) -> str | None:
    """ "a spokesman for the harbour board", "a council spokesman"; or an indefinite subject
    with no role word, "One cellist", "a local supplier": someone the article does not name."""
    role = _ROLE_PHRASE.search(chunk)
    sent = _SENT_BY.match(role.group(1)) if role else None
    if sent:  # "A statement from another victim said": the victim
        return sent.group(1)
    if role and not re.search(r"[A-Z]", role.group(1)[1:].split()[-1][:1] or "x"):
        return role.group(1)
    someone = _SOMEONE.search(chunk)
    # not "gave me a copy of a novel and said", "sent me a card that just said"
    last = fold(someone.group(1)).split()[-1] if someone else ""
    if someone and last not in NOT_PEOPLE and last not in NOT_NAMES:
        return someone.group(1)
    return None


def _without_relative_clause(chunk: str) -> str:
    """ "One midwife, who asked not to be named," → "One midwife"; "Sandra Birtles, chairman
    of the Friends," → "Sandra Birtles" (an apposition after a name or an indefinite
    someone: "One commuter, waiting for the 7.52 to Ashbridge,")."""
    match = _RELATIVE_CLAUSE.search(chunk)
    if match:
        return chunk[: match.start()]
    match = _APPOSITION.search(chunk)
    head = chunk[: match.start()] if match else ""
    if match and (head.rsplit(maxsplit=1)[-1][:1].isupper() or _SOMEONE.search(head)):
        return head  # after a name, or after an indefinite someone ("One commuter, …,")
    return chunk


# after the verb, a role and then, in apposition, the name: "says her partner of 14 years,
# the sculptor Jonah Pereira", "said a spokesman for the club, Tom Hale"
_ROLE_THEN_NAME = re.compile(
    r"\s*(?:his|her|their|its|the|a|an|(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*[’']s)"  # Okafor’s
    r"\s[^,.;:‘“\"]*,\s+"  # her partner of 14 years,
    r"(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){0,3}"  # the sculptor
    r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)"  # Jonah Pereira
)

# after the verb, a named person's role: "said Okafor’s spokesman", "said the Mayor’s chief aide"
_OWNED_ROLE = re.compile(
    r"\s*((?:the\s+)?(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*[’']s\s+(?:[a-z\-]+\s+){0,2}?"
    rf"(?:{ROLE_ALTERNATION}))\b(?!-)"
    r"(?:\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+))?"  # "said Okafor’s aide Luis Ferreira"
)


def _subject_after_verb(chunk: str) -> str | None:
    """ "said Mr Smith, the council leader" → "Mr Smith"; "said the council" → "the council".
    Returned as written in `chunk`, so its offset can be found."""
    named = _ROLE_THEN_NAME.match(chunk)
    if named:
        return named.group(1)  # "says her partner of 14 years, the sculptor Jonah Pereira"
    owned = _OWNED_ROLE.match(chunk)
    if owned:
        return owned.group(2) or owned.group(1)  # "said Okafor’s spokesman": not Okafor
    match = re.match(
        r"\s*((?:the |a |an )?(?:[A-Z][\w’'\-.]*|[a-z]+)(?:\s+(?:[A-Z][\w’'\-.]*|of|for|the))*)",
        chunk,
    )
    if not match:
        return None
    phrase = re.sub(r"(?:\s+(?:of|for|the))+$", "", match.group(1).strip())
    if not phrase:
        return None
    first = phrase.split()[0]
    if fold(first) in {"the", "a", "an"} or first[:1].isupper():
        return phrase
    return None


def _resolve_in(text: str, offset: int, chunk: str, phrase: str, cast: Cast) -> Attribution | None:
    """Resolve `phrase`, found (whatever its spacing) last in `chunk`, which starts at `offset`."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    found = list(re.finditer(pattern, chunk))
    if not found:
        return None
    return _resolve(text, offset + found[-1].start(), found[-1].group(), cast)


def _resolve(text: str, start: int, phrase: str, cast: Cast) -> Attribution:
    end = start + len(phrase)
    key = fold(phrase)
    if key in PRONOUNS:
        person = cast.antecedent(start, PRONOUNS[key])
        said = Attribution(person.name if person else None, phrase, start, end, person)
        return _answering(text, said, cast)
    if _DOCUMENT.fullmatch(key):
        return _author(text, start, phrase, cast) or Attribution(None, phrase, start, end)
    person = None if key in _OTHER_PRONOUNS else _person_named(phrase, start, end, cast)
    if person is not None and not person.named and _organisation_word(key):
        # "the regulator said", "the department said" after the article named one: the
        # organisation, not someone known only as "the regulator"
        organisation = cast.organisation(phrase, start)
        if organisation is not None:
            return Attribution(organisation, phrase, start, end)
    if person is not None:
        return Attribution(person.name, phrase, start, end, person)
    speaker = None
    if key not in _OTHER_PRONOUNS:
        speaker = cast.organisation(phrase, start)
        someone = _SOMEONE.fullmatch(phrase) is not None
        if speaker is None and (someone or any(is_role_word(w.strip(".,")) for w in key.split())):
            speaker = _as_role(phrase)
    return Attribution(speaker, phrase, start, end)


def _person_named(phrase: str, start: int, end: int, cast: Cast) -> Person | None:
    # "the PM’s official spokesman": the spokesman, not the PM
    owner = re.search(r"['’]s\s+\S", phrase)
    if owner is not None:
        start += owner.end()
    for mention in cast.mentions_between(max(0, start - 200), end):
        if mention.start < end and start < mention.end:
            return mention.person
    known = cast.known(phrase)
    if known is not None:
        return known
    if any(is_role_word(fold(w).strip(".,")) for w in phrase.split()):
        return cast.holder(phrase)
    return None


def _organisation_word(key: str) -> bool:
    """ "the regulator", "the department": "the" and a word an organisation is called by."""
    words = key.split()
    return len(words) == 2 and words[0] == "the" and words[1] in _ORG_WORDS


def _as_role(phrase: str) -> str:
    """A speaker named only by a role, as written: "a council spokesman", "the PM"."""
    phrase = " ".join(phrase.split())
    return phrase[0].lower() + phrase[1:] if phrase.startswith(("The ", "A ", "An ")) else phrase


def _clause_end(window: str) -> int:
    stops = [m.start() for m in re.finditer(r"[.!?;](?=\s|$)|[‘“\"]|\n", window)]
    return stops[0] + 1 if stops else len(window)


def _last_sentence_start(window: str) -> int:
    ends = [m.end() for m in re.finditer(r"[.!?][’”'\"]?\s+", window)]
    return ends[-1] if ends else 0
