"""Find checkable figures: percentages, money, counts and dates, with the clause carrying them.

"2.5 per cent of GDP", "£2.26billion", "$500bn", "18 countries", "1.3m people", "25 per cent
tariffs", "Monday 17 February", "March 2027", "three times". Page numbers, times of day,
ages after a name ("Mr Smith, 54,") and list numbering are not claims and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:bn|billion|m|million|mn|k|thousand|trillion|tn|trn|cents?|p)\b)"
_CURRENCY = r"(?:£|\$|€|¥|US\$|A\$|C\$|HK\$)"
_WORD_NUMBERS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|a hundred|dozens|hundreds|thousands|millions|billions|a dozen|"
    r"half|a third|a quarter|two-thirds|three-quarters|one in \w+"
)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_FUNCTION_WORDS = (
    r"of|in|to|the|and|or|a|an|at|on|for|by|with|from|as|is|are|was|were|be|per|than|that|"
    r"this|which|who|it|its|he|she|they|we|has|have|had|will|would|could|can|may|but|so|if"
)
# a noun after a count: "18 countries", "1.3m people", "3,000 jobs" (not "in 2019 the")
_NOUN = rf"(?:(?!(?:{_FUNCTION_WORDS})\b)[a-z][a-z\-]+(?:\s(?:of|in|per)\s[a-z][a-z\-]+)?)"

_PER_CENT = r"(?:%|per\s?cent|percent|percentage points?|pc\b)"
# the word after a percentage, when it says of what: "25 per cent tariffs", "2.5% of GDP"
_OF_WHAT = (
    rf"(?!(?:{_FUNCTION_WORDS}|more|less|higher|lower|rise|fall|increase|cut|since|last|this|"
    r"next)\b)"
)
_OF_THE = r"of\s(?:the|all|its|their)\s[a-z]+"
_BIG = r"(?:million|billion|thousand)"

FIGURES = [
    (
        "money",
        re.compile(
            rf"{_CURRENCY}\s?(?:{_NUM}){_SCALE}?(?:\s?(?:a|per)\s(?:year|month|week|day|head))?"
        ),
    ),
    ("money", re.compile(rf"\b(?:{_NUM}){_SCALE}?\s(?:pounds|dollars|euros|yen|rupees|pence)\b")),
    (
        "percent",
        re.compile(
            rf"\b(?:{_NUM})\s?{_PER_CENT}(?:\s(?:of\s(?:the\s)?)?{_OF_WHAT}[A-Za-z][\w\-]*)?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?:{_DAYS}),?\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:{_MONTHS})\b(?:,?\s\d{{4}})?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?:{_DAYS}),?\s)?(?:{_MONTHS})\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}})?"
        ),
    ),
    ("date", re.compile(rf"\b(?:{_MONTHS})\s(?:19|20)\d{{2}}\b")),
    (
        "date",
        re.compile(
            r"\b(?:in|by|since|until|from|before|after|of)\s(?:the\s)?(?:end\sof\s)?(?:19|20)\d{2}(?:/\d{2})?\b"
        ),
    ),
    (
        "count",
        re.compile(
            rf"\b(?:{_NUM}){_SCALE}?\s(?:more\s|fewer\s|extra\s|new\s|additional\s)?{_NOUN}"
        ),
    ),
    (
        "count",
        re.compile(
            rf"\b(?:{_WORD_NUMBERS})\s(?:times|per cent|percent|{_OF_THE}|{_BIG}\s[a-z]+)\b",
            re.IGNORECASE,
        ),
    ),
]
_NOT_A_COUNT = re.compile(
    r"^\d+(?:\.\d+)?\s(?:am|pm|a\.m|p\.m|o'clock|years? old|year-old|minutes? past|page|pages|"
    r"of\s(?:the\s)?(?:them|those|these))\b"
)
_ONE_OF = re.compile(r"(?i)one of\b")
_LABELS = (
    "No|Figure|Table|Page|Chapter|Article|Section|Room|Gate|Platform|Flight|Route|Bus|Line|"
    "Level|Stage|Phase|Year|Grade|Round|Number|Clause|Rule|Item"
)
_AGE_OR_LABEL = re.compile(rf"(?:[A-Z][a-z]+,\s|\b(?:{_LABELS}|{_LABELS.lower()})\.?\s)$")
_CLAUSE_STOP = re.compile(r"(?<=[.!?])[’”'\"]?\s+(?=[A-Z‘“'\"])|[;:]\s|\n")


@dataclass(frozen=True, slots=True)
class FigureSpan:
    start: int  # the clause that carries the figure
    end: int
    figure_start: int
    figure_end: int
    kind: str  # money | percent | date | count


def find_figures(text: str) -> list[FigureSpan]:
    """Every figure, longest match first where two overlap, in text order."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in FIGURES:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if match.group().split()[0].casefold() in {
                "in",
                "by",
                "since",
                "until",
                "from",
                "before",
                "after",
                "of",
            }:
                start += match.group().index(" ") + 1
            if kind == "count" and _NOT_A_COUNT.match(text[start:end]):
                continue
            if kind == "count" and (
                _is_age_or_label(text, start) or re.match(r"(?i)one of\b", match.group())
            ):
                continue  # "one of the biggest" is not a figure
            found.append((start, _trim(text, start, end), kind))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:  # overlapping: keep the union as one figure
                kept[-1] = (kept[-1][0], end, kept[-1][2])
            continue
        kept.append((start, end, kind))
    return [FigureSpan(*_clause(text, start, end), start, end, kind) for start, end, kind in kept]


def _is_age_or_label(text: str, start: int) -> bool:
    """ "Mr Smith, 54, said" (an age) and "Figure 3" / "No 10" (labels) are not counts."""
    before = text[max(0, start - 12) : start]
    return bool(
        re.search(
            r"(?:[A-Z][a-z]+,\s|\b(?:No|Figure|Table|Page|Chapter|Article|Section|Room|Gate|Platform|Flight|Route|Bus|Line|Level|Stage|Phase|Year|Grade|Round|Number|Clause|Rule|Item|route|bus|page|room|gate|platform|flight|line|level|stage|phase|year|grade|round|number|clause|item)\.?\s)$",
            before,
        )
    )


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,.;:’'\"”)":
        end -= 1
    return end


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around the figure, narrowed to its comma-delimited part when long."""
    sentence_start = 0
    for match in _CLAUSE_STOP.finditer(text, 0, start):
        sentence_start = match.end()
    stop = _CLAUSE_STOP.search(text, end)
    sentence_end = stop.start() if stop else len(text)
    if sentence_end < len(text) and text[sentence_end] in ".!?":
        sentence_end += 1
    sentence_end = max(sentence_end, end)
    if len(text[sentence_start:sentence_end].split()) <= 35:
        return sentence_start, _trim_clause(text, sentence_start, sentence_end)
    # a comma at least a few words away on each side keeps the figure's subject and verb
    left = text.rfind(", ", sentence_start, max(sentence_start, start - 40))
    right = text.find(", ", min(sentence_end, end + 30), sentence_end)
    clause_start = left + 2 if left != -1 else sentence_start
    clause_end = right if right != -1 else sentence_end
    return clause_start, _trim_clause(text, clause_start, clause_end)


def _trim_clause(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
