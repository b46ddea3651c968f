"""Find the noise scraped articles carry, as ranges to dim and skip; the text is never changed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NoiseRange:
    """A half-open code-point range [start, end) of the text, and why it is noise.

    kind is one of "credit" (image credit lines), "footer" ("Read more at …", rights notices)
    or "repeat" (a paragraph repeated within the article, typically an image caption).
    """

    start: int
    end: int
    kind: str


# Credit lines are short; a longer line naming an agency is a sentence about it.
_MAX_CREDIT = 80
_MAX_LABELLED_CREDIT = 120
_MAX_FOOTER = 250
# Shorter repeats ("He said:", "Read more") are ordinary phrases, not repeated captions.
_MIN_REPEAT = 20

_AGENCY = re.compile(
    r"\b(?:Getty Images|Getty|AFP|Reuters|PA Wire|PA Media|PA Images|PA Archive|PA|"
    r"AP Photo|AP|EPA-EFE|EPA|EFE|Shutterstock|Alamy|Anadolu Agency|Anadolu|Bloomberg)\b"
)
# Words that may sit between agency and photographer names in a credit ("Carl Court/Getty").
_CONNECTORS = frozenset(
    {
        "via", "for", "by", "and", "photo", "photos", "picture", "pictures", "image", "images",
        "file", "handout", "pool", "wire", "media", "agency", "photographer", "credit",
    }
)  # fmt: skip
_MAX_NAME_WORDS = 4
_LABEL = re.compile(
    r"^[(\[]?\s*(?:image|picture|photo|photograph|pic|credit)s?(?:\s+credit)?\s*:\s*\S",
    re.IGNORECASE,
)
# Checked on the casefolded line: cheaper than one regex over every paragraph of every article.
_FOOTER_STARTS = (
    "read more at ",
    "read more:",
    "read more :",
    "images are for reference only",
    "©",
)
_FOOTER_REGEX = re.compile(r"^(?:\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))")
_FOOTER_PHRASES = ("all rights reserved", "all rights on the images")
_SEPARATOR = re.compile(r"^[*\-_=~•·]{2,}$")

# Folding for repeats. Quote marks map one to one, so folded lines stay aligned with the text.
_QUOTE_MARKS = (*(("'", mark) for mark in "‘’‚‛′"), *(('"', mark) for mark in "“”„‟″"))


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line: where its content (without surrounding whitespace) sits."""

    start: int
    end: int
    content: str
    folded: str  # see fold()


def find_noise(text: str) -> tuple[NoiseRange, ...]:
    """Return the noise ranges of a normalised text, sorted by start, not overlapping."""
    lines = _paragraphs(text)
    kinds: list[str | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        following = lines[i + 1].content if i + 1 < len(lines) else None
        kinds[i] = _line_kind(line.content, following)
    for i in range(len(lines) - 1):
        # The half after a lone "(" is a credit even without an agency name: "(" / "John Smith)".
        if kinds[i] == "credit" and lines[i].content == "(":
            kinds[i + 1] = "credit"
        # A "***" rule directly above a footer belongs to the footer.
        if kinds[i] is None and kinds[i + 1] == "footer" and _SEPARATOR.match(lines[i].content):
            kinds[i] = "footer"
    _mark_repeats(lines, kinds)
    return tuple(
        NoiseRange(line.start, line.end, kind)
        for line, kind in zip(lines, kinds, strict=True)
        if kind is not None
    )


def _paragraphs(text: str) -> list[_Line]:
    """Every line with non-whitespace content, with the offsets of that stripped content."""
    lines: list[_Line] = []
    offset = 0
    for raw, unified in zip(text.split("\n"), _unify_quotes(text).split("\n"), strict=True):
        content = raw.strip()
        if content:
            start = offset + (len(raw) - len(raw.lstrip()))
            folded = _fold_line(unified) if len(content) >= _MIN_REPEAT else ""
            lines.append(_Line(start, start + len(content), content, folded))
        offset += len(raw) + 1
    return lines


def _line_kind(line: str, following: str | None) -> str | None:
    """Classify one stripped line as "credit", "footer" or None; `following` is the next line."""
    if len(line) > _MAX_FOOTER:
        return None  # body paragraphs, most lines: every rule below is for short lines
    if _is_credit_line(line):
        return "credit"
    if line == "(" and following is not None and _closes_credit(following):
        return "credit"
    if len(line) <= _MAX_FOOTER and _is_footer(line.casefold()):
        return "footer"
    return None


def _is_footer(folded: str) -> bool:
    """ "Read more at …", "© …", "Copyright 2025 …", rights notices; `folded` is casefolded."""
    return (
        folded.startswith(_FOOTER_STARTS)
        or any(phrase in folded for phrase in _FOOTER_PHRASES)
        or _FOOTER_REGEX.match(folded) is not None
    )


def _is_credit_line(line: str) -> bool:
    """A credit on its own line: "(Image: Anadolu))", "AFP via Getty Images)", "Reuters"."""
    if len(line) <= _MAX_LABELLED_CREDIT and _LABEL.match(line):
        return True
    if len(line) > _MAX_CREDIT or not _AGENCY.search(line):
        return False
    if line.endswith(")"):
        return _is_credit_phrase(_last_parenthetical(line))
    return _is_credit_phrase(line)


def _closes_credit(line: str) -> bool:
    """The second half of a credit split after a lone "(": short and closing more than it opens."""
    return (
        len(line) <= _MAX_CREDIT
        and line.endswith(")")
        and line.count(")") > line.count("(")
        and not re.search(r"[.!?]\s", line)
    )


def _last_parenthetical(line: str) -> str:
    """The text inside the final (...) group, or everything before an unmatched final ")"."""
    depth = 0
    for index in range(len(line) - 1, -1, -1):
        if line[index] == ")":
            depth += 1
        elif line[index] == "(":
            depth -= 1
            if depth == 0:
                return line[index + 1 : -1]
    return line.rstrip(")")


def _is_credit_phrase(phrase: str) -> bool:
    """Agency names plus connectors and at most a photographer's name, nothing sentence-like."""
    phrase = phrase.strip(" ()[]")
    if not phrase or phrase[-1] in ".!?:;\"'’”" or not _AGENCY.search(phrase):
        return False
    rest = _AGENCY.sub(" ", phrase)
    names = 0
    for word in re.findall(r"[^\s/|,;:()\-–—]+", rest):
        if word.casefold() in _CONNECTORS:
            continue
        if not word[0].isupper():
            return False
        names += 1
    return names <= _MAX_NAME_WORDS


def _mark_repeats(lines: list[_Line], kinds: list[str | None]) -> None:
    """Mark each unmarked paragraph whose folded form equals an earlier paragraph's."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if len(line.folded) < _MIN_REPEAT:
            continue
        if line.folded in seen:
            if kinds[i] is None:
                kinds[i] = "repeat"
        else:
            seen.add(line.folded)


def fold(paragraph: str) -> str:
    """The form two copies of one caption share: quotes unified, spaces and end punctuation gone.

    Curly and straight quote marks become straight, any run of spaces (no-break ones too)
    one space, trailing punctuation and spaces are dropped, and the case is folded.
    """
    return _fold_line(_unify_quotes(paragraph))


def _unify_quotes(text: str) -> str:
    # str.replace per mark: several times faster than a regex or str.translate on long texts.
    for straight, mark in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, straight)
    return text


def _fold_line(line: str) -> str:
    """fold() for a line whose quotes are already unified."""
    line = " ".join(line.split()).casefold()
    end = len(line)
    while end and (line[end - 1] == " " or unicodedata.category(line[end - 1])[0] == "P"):
        end -= 1
    return line[:end]
