"""Find the same statement reported in other articles, and show how each report differs.

Both sides are compared in a folded form — case, quotation marks, apostrophes, hyphens and
dashes, punctuation and runs of spaces don't count ("once-in-a-generation" is "once in a
generation", "Nato" is "NATO") — with a map back to the article's own offsets. rapidfuzz
finds the best-aligned stretch of each candidate article; a report must cover most of the
statement (a shared phrase inside a different statement scores low) and small typos
("United Sates") cost a little. The word-level diff is computed on the same folded words and
shows the article's own spelling.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from factdesk.core.noise import NoiseRange, covers

# below this share of the statement (0-1), a stretch is a different statement
MATCH_THRESHOLD = 0.85
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


@dataclass(frozen=True, slots=True)
class DiffPart:
    op: str  # "equal" | "replace" | "delete" (only in the claim) | "insert" (only in the report)
    claim: str
    report: str

    def as_json(self) -> dict[str, str]:
        return {"op": self.op, "claim": self.claim, "report": self.report}


@dataclass(frozen=True, slots=True)
class Match:
    doc: int
    start: int
    end: int
    text: str
    score: float
    diff: tuple[DiffPart, ...]

    @property
    def identical(self) -> bool:
        """The same words (folded): only quote marks, case, hyphens or punctuation differ."""
        return all(part.op == "equal" for part in self.diff)

    def as_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "diff": [part.as_json() for part in self.diff],
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    doc: int
    text: str
    noise: Sequence[NoiseRange] = ()


@dataclass(frozen=True, slots=True)
class _Folded:
    text: str  # words joined by single spaces
    origin: list[int]  # for each character of `text`, its offset in the original
    words: list[tuple[int, int]]  # each word's [start, end) in the original


def fold(text: str) -> _Folded:
    """`text` as folded words separated by single spaces, with each character's origin."""
    chars: list[str] = []
    origin: list[int] = []
    words: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        if chars:
            chars.append(" ")
            origin.append(match.start())
        for offset, char in enumerate(match.group(), start=match.start()):
            folded = char.translate(_APOSTROPHES).casefold()
            chars.extend(folded)
            origin.extend([offset] * len(folded))
        words.append((match.start(), match.end()))
    return _Folded("".join(chars), origin, words)


def word_keys(text: str) -> list[str]:
    return [w.translate(_APOSTROPHES).casefold() for w in _WORD.findall(text)]


def find_matches(
    statement: str, candidates: Iterable[Candidate], *, threshold: float = MATCH_THRESHOLD
) -> list[Match]:
    """The best report of `statement` in each candidate article, best first."""
    wanted = fold(statement)
    if len(wanted.words) < 3:  # a word or two is a phrase, not a statement
        return []
    found: list[Match] = []
    for candidate in candidates:
        match = _best_in(wanted, statement, candidate, threshold)
        if match is not None:
            found.append(match)
    return sorted(found, key=lambda m: (-m.score, m.doc, m.start))


def _best_in(
    wanted: _Folded, statement: str, candidate: Candidate, threshold: float
) -> Match | None:
    doc = fold(candidate.text)
    if not doc.text:
        return None
    cutoff = threshold * 100 - 10  # the snapped stretch is re-scored below
    aligned = fuzz.partial_ratio_alignment(wanted.text, doc.text, score_cutoff=cutoff)
    if aligned is None:
        return None
    start, end = _snap_to_words(doc, aligned.dest_start, aligned.dest_end)
    start, end, score = _refine(wanted.text, candidate.text, doc, start, end)
    report = candidate.text[start:end]
    if score < threshold or covers(candidate.noise, start, end):
        return None
    return Match(candidate.doc, start, end, report, score, word_diff(statement, report))


def _snap_to_words(doc: _Folded, dest_start: int, dest_end: int) -> tuple[int, int]:
    """The original span of the whole words the folded stretch touches."""
    first = doc.origin[min(dest_start, len(doc.origin) - 1)]
    last = doc.origin[max(dest_start, min(dest_end, len(doc.origin)) - 1)]
    start = next(s for s, e in doc.words if e > first)
    end = next(e for s, e in reversed(doc.words) if s <= last)
    return start, end


def _refine(wanted: str, text: str, doc: _Folded, start: int, end: int) -> tuple[int, int, float]:
    """The alignment may take in or leave out a word at either end (next to a typo it often
    does): try up to two words fewer or more on each side and keep the best-scoring span."""
    starts = [s for s, _e in doc.words]
    ends = [e for _s, e in doc.words]
    first = starts.index(start)
    last = ends.index(end)
    best = (fuzz.ratio(wanted, fold(text[start:end]).text) / 100, start, end)
    for a in range(max(0, first - 2), min(first + 3, last + 1)):
        for b in range(max(a, last - 2), min(last + 3, len(ends))):
            score = fuzz.ratio(wanted, fold(text[starts[a] : ends[b]]).text) / 100
            if score > best[0]:
                best = (score, starts[a], ends[b])
    return best[1], best[2], best[0]


def word_diff(claim: str, report: str) -> tuple[DiffPart, ...]:
    """Word by word, on folded words, showing each side's own spelling."""
    claim_words = _WORD.findall(claim)
    report_words = _WORD.findall(report)
    matcher = difflib.SequenceMatcher(a=word_keys(claim), b=word_keys(report), autojunk=False)
    parts: list[DiffPart] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        parts.append(DiffPart(op, " ".join(claim_words[a0:a1]), " ".join(report_words[b0:b1])))
    return tuple(parts)


def diff_line(parts: Sequence[DiffPart]) -> str:
    """One line for a terminal: the report's words, with [-claim-] and {+report+} changes."""
    out: list[str] = []
    for part in parts:
        if part.op == "equal":
            out.append(part.report)
        else:
            if part.claim:
                out.append(f"[-{part.claim}-]")
            if part.report:
                out.append(f"{{+{part.report}+}}")
    return " ".join(out)
