"""Find the noise scraped articles carry, as ranges to dim and skip; the text is never changed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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


# A line longer than a credit is noise only if, casefolded, it starts with one of these (a
# label such as "Image:" under re.IGNORECASE — "İ" and "ı" match its "i" —, "Read more", "©",
# "(c)", "Copyright") or holds "all rights": most lines fail both tests at once.
_LONG_NOISE_STARTS = tuple("([ipcı" + "ri©")
_RIGHTS = "all rights "

# One non-blank line: (start, content, casefolded, repeated). `content` is the line without its
# surrounding whitespace and starts at `start`; `casefolded` is the content casefolded with its
# quote marks unified (no rule mentions a quote mark, so the rules read it as the content), or
# None for a line too long for any rule; `repeated` says an earlier line has the same fold().
# Plain tuples: an import handles thousands of articles (DESIGN §5).
_Line = tuple[int, str, str | None, bool]


def covers(noise: Iterable[NoiseRange], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one of the noise ranges."""
    return any(n.start <= start and end <= n.end for n in noise)


def find_noise(text: str) -> tuple[NoiseRange, ...]:
    """Return the noise ranges of a normalised text, sorted by start, not overlapping."""
    lines = _paragraphs(text)
    count = len(lines)
    kinds: list[str | None] = [None] * count
    for i, (_start, content, casefolded, _repeated) in enumerate(lines):
        if casefolded is None or (
            len(content) > _MAX_CREDIT
            and not casefolded.startswith(_LONG_NOISE_STARTS)
            and _RIGHTS not in casefolded
        ):
            continue
        following = lines[i + 1][1] if i + 1 < count else None
        kinds[i] = _line_kind(content, following, casefolded)
    if any(kinds):
        for i in range(count - 1):
            # The half after a lone "(" is a credit even without an agency name: "(" / "John
            # Smith)".
            if kinds[i] == "credit" and lines[i][1] == "(":
                kinds[i + 1] = "credit"
            # A "***" rule directly above a footer belongs to the footer.
            if kinds[i] is None and kinds[i + 1] == "footer" and _SEPARATOR.match(lines[i][1]):
                kinds[i] = "footer"
    # a repeated paragraph (typically an image caption) unless it is already marked
    return tuple(
        [
            NoiseRange(start, start + len(content), kind or "repeat")
            for (start, content, _casefolded, repeated), kind in zip(lines, kinds, strict=True)
            if kind is not None or repeated
        ]
    )


def _paragraphs(text: str) -> list[_Line]:
    """Every line with non-whitespace content, with the offset of that stripped content."""
    lines: list[_Line] = []
    seen: set[str] = set()  # the folded forms of the lines so far
    offset = 0
    for raw, unified in zip(text.split("\n"), _unify_quotes(text).split("\n"), strict=True):
        content = raw.strip()
        if content:
            # Casefolding maps each character on its own, whitespace to itself and nothing
            # else to whitespace, so it commutes with stripping and splitting. Line by line,
            # because most lines are ASCII, which casefolds several times faster.
            casefolded = unified.casefold()
            size = len(content)
            repeated = False
            if size >= _MIN_REPEAT:
                folded = _fold_casefolded(casefolded)
                if len(folded) >= _MIN_REPEAT:
                    repeated = folded in seen
                    seen.add(folded)
            short = casefolded.strip() if size <= _MAX_FOOTER else None
            lines.append((offset + raw.index(content[0]), content, short, repeated))
        offset += len(raw) + 1
    return lines


def _line_kind(line: str, following: str | None, casefolded: str) -> str | None:
    """Classify one stripped line as "credit", "footer" or None; `following` is the next line
    and `casefolded` this one casefolded (as in _Line)."""
    if len(line) > _MAX_FOOTER:
        return None  # body paragraphs, most lines: every rule below is for short lines
    if _is_credit_line(line):
        return "credit"
    if line == "(" and following is not None and _closes_credit(following):
        return "credit"
    if _is_footer(casefolded):
        return "footer"
    return None


def _is_footer(folded: str) -> bool:
    """ "Read more at …", "© …", "Copyright 2025 …", rights notices; `folded` is casefolded."""
    return (
        folded.startswith(_FOOTER_STARTS)
        or (_FOOTER_PHRASES[0] in folded or _FOOTER_PHRASES[1] in folded)
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


def fold(paragraph: str) -> str:
    """The form two copies of one caption share: quotes unified, spaces and end punctuation gone.

    Curly and straight quote marks become straight, any run of spaces (no-break ones too)
    one space, trailing punctuation and spaces are dropped, and the case is folded.
    """
    return _fold_casefolded(_unify_quotes(paragraph).casefold())


def _unify_quotes(text: str) -> str:
    # str.replace per mark: several times faster than a regex or str.translate on long texts.
    for straight, mark in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, straight)
    return text


# A space and the commonest punctuation at a paragraph's end, all of Unicode category P: one
# rstrip() drops most of what fold() drops, before the per-character loop looks at the rest.
_COMMON_END = " .,;:!?'\")]}…—–-*"


def _fold_casefolded(line: str) -> str:
    """fold() for a line whose quotes are already unified and whose case is folded."""
    # Every whitespace character but the space is unprintable, so in a printable line with no
    # double space the only runs to collapse are at its ends (split and join took longer).
    simple = line.isprintable() and "  " not in line
    line = (line.strip(" ") if simple else " ".join(line.split())).rstrip(_COMMON_END)
    if not line or line[-1].isalnum():  # a letter or digit is never punctuation: done
        return line
    end = len(line)
    while end and (line[end - 1] == " " or unicodedata.category(line[end - 1])[0] == "P"):
        end -= 1
    return line[:end]
