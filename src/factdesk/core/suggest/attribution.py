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

from factdesk.core.suggest.lexicon import NOT_NAMES, ROLE_ALTERNATION, ROLE_WORDS, TITLES
from factdesk.core.suggest.people import Cast, Person, fold

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|warned|warns|insisted|insists|claimed|claims|argued|"
    "argues|explained|explains|stated|states|declared|declares|wrote|writes|continued|admitted|"
    "admits|acknowledged|acknowledges|announced|announces|replied|replies|responded|responds|"
    "noted|notes|suggested|suggests|asked|asks|urged|urges|vowed|vows|pledged|pledges|"
    "promised|promises|stressed|stresses|conceded|concedes|commented|remarked|joked|tweeted|"
    "posted|predicted|predicts|recalled|recalls|maintained|maintains|countered|went on|"
    "told reporters|told the bbc|confirmed|confirms|agreed|agrees|accepted|accepts|denied|"
    "denies|revealed|reveals|described|describes|called|calls|branded|brands|dismissed"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
PRONOUNS = {"he": "m", "she": "f"}


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
    if verb is None or len(window[: verb.start()].split()) > 6:
        return None
    before_verb = window[: verb.start()].strip(" ,—–-")
    if before_verb:
        subject = _subject_before_verb(before_verb)
        if subject is None or subject.split() != before_verb.rstrip(",").split():
            return None  # "‘…’ and the council said": not an attribution of this quote
        return _resolve_in(text, mark_end, window, subject, cast)
    subject = _subject_after_verb(window[verb.end() :])
    if subject is None:
        return None
    return _resolve_in(text, mark_end + verb.end(), window[verb.end() :], subject, cast)


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


def _clause_subject(text: str, chunk: str, offset: int, cast: Cast) -> Attribution | None:
    """ "The nurse looked at me and said," / "Last year the minister stood at the despatch box
    and said,": the person or role the short clause before the verb starts with."""
    if "," in chunk or len(chunk.split()) > 14:
        return None
    match = _LEADING_SUBJECT.search(chunk)
    if match is None:
        return None
    return _resolve(text, offset + match.start(1), match.group(1), cast)


_STATEMENT = re.compile(
    r"\b(?:read|issued|released|gave|made|published|posted|wrote|sent)\s+(?:a|the|her|his|their)\s+"
    r"(?:short\s+|brief\s+|written\s+|joint\s+)?(?:statement|tribute|message|letter|post)\b",
    re.IGNORECASE,
)


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

_ROLE_PHRASE = re.compile(
    r"\b((?:a|an|the)\s+(?:[\w’'\-]+\s+){0,4}?(?:" + ROLE_ALTERNATION + r")"
    r"(?:\s+(?:for|of|at|to|in)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,3})?)\s*,?\s*$",
    re.IGNORECASE,
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
    + r")|[Hh]e|[Ss]he|(?:[A-Z][\w’'\-]+\s+){0,2}[A-Z][\w’'\-]+))\s+(?!said|says|told)[a-z]+",
    re.IGNORECASE,
)


def _subject_before_verb(chunk: str) -> str | None:
    """The noun phrase ending just before the verb: "Business Secretary Jonathan Reynolds",
    "He", "the Prime Minister", "a spokesman for the council", "Mr Smith, 54,"."""
    role = _ROLE_PHRASE.search(chunk.rstrip())
    if role and not re.search(r"[A-Z]", role.group(1)[1:].split()[-1][:1] or "x"):
        return role.group(1)  # "a spokesman for the harbour board", "a council spokesman"
    chunk = re.sub(r",\s*\d+,?\s*$", "", chunk.rstrip())  # "Mr Smith, 54, said"
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
        if key in PRONOUNS or key == "they":
            if not picked:
                picked.append(bare)
            break
        if (
            bare[:1].isupper()
            or key in ROLE_WORDS
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
    if first in NOT_NAMES - TITLES - {"the", "a", "an", "he", "she", "they"}:
        phrase = " ".join(reversed(picked[:-1]))
    return phrase or None


def _subject_after_verb(chunk: str) -> str | None:
    """ "said Mr Smith, the council leader" → "Mr Smith"; "said the council" → "the council".
    Returned as written in `chunk`, so its offset can be found."""
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
        return Attribution(person.name if person else None, phrase, start, end, person)
    if key == "they":
        return Attribution(None, phrase, start, end)
    person = _person_named(phrase, start, end, cast)
    if person is not None:
        return Attribution(person.name, phrase, start, end, person)
    words = key.split()
    if any(w.strip(".,") in ROLE_WORDS for w in words):
        return Attribution(_as_role(phrase), phrase, start, end)
    return Attribution(None, phrase, start, end)


def _person_named(phrase: str, start: int, end: int, cast: Cast) -> Person | None:
    for mention in cast.mentions:
        if mention.start < end and start < mention.end:
            return mention.person
    known = cast.known(phrase)
    if known is not None:
        return known
    if any(fold(w).strip(".,") in ROLE_WORDS for w in phrase.split()):
        return cast.holder(phrase)
    return None


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
