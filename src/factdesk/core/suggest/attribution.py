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

from factdesk.core.suggest.people import (
    NOT_NAMES,
    ROLE_WORDS,
    TITLES,
    Cast,
    Mention,
    Person,
    fold,
)

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
_SENTENCE_END = re.compile(r"[.!?](?=[’”'\"]?\s|$)")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The resolved speaker (a person's name, or a role as written), and how it was said."""

    speaker: str | None
    surface: str  # the subject as written: "Sir Keir", "he", "a council spokesman"
    start: int
    end: int
    person: Person | None = None


def after(
    text: str, mark_end: int, limit: int, cast: Cast, quotes: list[tuple[int, int]]
) -> Attribution | None:
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
        if subject is None or subject != before_verb.rstrip(","):
            return None  # "‘…’ and the council said": not an attribution of this quote
        return _resolve(text, mark_end + window.index(before_verb), subject, cast, quotes)
    subject = _subject_after_verb(window[verb.end() :])
    if subject is None:
        return None
    start = mark_end + verb.end() + window[verb.end() :].index(subject)
    return _resolve(text, start, subject, cast, quotes)


def before(
    text: str, start: int, mark_start: int, cast: Cast, quotes: list[tuple[int, int]]
) -> Attribution | None:
    """ "Sir Keir said: ‘…" / "He told the BBC: ‘…" / "said Mr Smith: “…" / "according to X"."""
    window = text[start:mark_start]
    sentence_start = _last_sentence_start(window)
    window = window[sentence_start:]
    offset = start + sentence_start
    verbs = list(_VERB.finditer(window))
    if not verbs:
        return _according_to(text, window, offset, cast, quotes)
    verb = verbs[-1]
    # what follows the verb must lead into the quote: ":" or "," or "that" or a short object
    tail = window[verb.end() :]
    if len(tail.split()) > 8 and not re.search(r"[:,]\s*$", tail):
        return None
    subject = _subject_before_verb(window[: verb.start()])
    if subject is not None:
        at = offset + window[: verb.start()].rindex(subject)
        return _resolve(text, at, subject, cast, quotes)
    subject = _subject_after_verb(tail)
    if subject is not None:
        at = offset + verb.end() + tail.index(subject)
        return _resolve(text, at, subject, cast, quotes)
    return None


def _according_to(
    text: str, window: str, offset: int, cast: Cast, quotes: list[tuple[int, int]]
) -> Attribution | None:
    """ "According to Mr Smith, “…" """
    according = list(_ACCORDING.finditer(window))
    if not according:
        return None
    rest = window[according[-1].end() :]
    subject = _subject_after_verb(rest)
    if not subject:
        return None
    return _resolve(text, offset + according[-1].end() + rest.index(subject), subject, cast, quotes)


# --- the subject -----------------------------------------------------------------------------

_ROLE_PHRASE = re.compile(
    r"\b((?:a|an|the)\s+(?:[\w’'\-]+\s+){0,4}?(?:" + "|".join(sorted(ROLE_WORDS)) + r")"
    r"(?:\s+(?:for|of|at|to|in)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,3})?)\s*,?\s*$",
    re.IGNORECASE,
)


def _subject_before_verb(chunk: str) -> str | None:
    """The noun phrase ending just before the verb: "Business Secretary Jonathan Reynolds",
    "He", "the Prime Minister", "a spokesman for the council", "Mr Smith, 54,"."""
    role = _ROLE_PHRASE.search(chunk.rstrip())
    if role and not re.search(r"[A-Z]", role.group(1)[1:].split()[-1][:1] or "x"):
        return role.group(1)  # "a spokesman for the harbour board", "a council spokesman"
    chunk = re.sub(r",\s*\d+,?\s*$", "", chunk.rstrip())  # "Mr Smith, 54, said"
    chunk = re.sub(
        r"\s+(?:also|later|then|previously|has|have|had|had also|has also|was|is)$", "", chunk
    )
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
    """ "said Mr Smith, the council leader" → "Mr Smith"; "said the council" → "the council"."""
    match = re.match(
        r"\s*((?:the |a |an )?(?:[A-Z][\w’'\-.]*|[a-z]+)(?:\s+(?:[A-Z][\w’'\-.]*|of|for|the))*)",
        chunk,
    )
    if not match:
        return None
    phrase = match.group(1).strip()
    words = phrase.split()
    while words and fold(words[-1]) in {"of", "for", "the"}:
        words.pop()
    if not words:
        return None
    if fold(words[0]) in {"the", "a", "an"} or words[0][:1].isupper():
        return " ".join(words)
    return None


def _resolve(
    text: str, start: int, phrase: str, cast: Cast, quotes: list[tuple[int, int]]
) -> Attribution:
    end = start + len(phrase)
    key = fold(phrase)
    if key in PRONOUNS:
        person = antecedent(text, start, PRONOUNS[key], cast, quotes)
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
    role = fold(phrase)
    for prefix in ("the ", "a ", "an "):
        role = role.removeprefix(prefix)
    return cast.by_role(role) or cast.role_holder(role)


def _as_role(phrase: str) -> str:
    """A speaker named only by a role, as written: "a council spokesman", "the PM"."""
    phrase = " ".join(phrase.split())
    return phrase[0].lower() + phrase[1:] if phrase.startswith(("The ", "A ", "An ")) else phrase


def antecedent(
    text: str, at: int, gender: str, cast: Cast, quotes: list[tuple[int, int]]
) -> Person | None:
    """The first person in the nearest earlier sentence (outside quotations) who fits."""
    candidates = [
        m for m in cast.mentions
        if m.end <= at and not any(qs <= m.start < qe for qs, qe in quotes)
    ]  # fmt: skip
    if not candidates:
        return None
    by_sentence: dict[int, list[Mention]] = {}
    for mention in candidates:
        by_sentence.setdefault(_sentence_index(text, mention.start), []).append(mention)
    for index in sorted(by_sentence, reverse=True):
        # the first who fits is usually the sentence's subject ("The PM said Putin would…")
        fitting = [m for m in by_sentence[index] if m.person.gender in (gender, None)]
        if fitting:
            return fitting[0].person
    return None


def _sentence_index(text: str, position: int) -> int:
    return len(_SENTENCE_END.findall(text, 0, position)) + text.count("\n\n", 0, position)


def _clause_end(window: str) -> int:
    stops = [m.start() for m in re.finditer(r"[.!?;](?=\s|$)|[‘“\"]|\n", window)]
    return stops[0] + 1 if stops else len(window)


def _last_sentence_start(window: str) -> int:
    ends = [m.end() for m in re.finditer(r"[.!?][’”'\"]?\s+", window)]
    return ends[-1] if ends else 0
