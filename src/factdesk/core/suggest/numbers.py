"""Find checkable figures: percentages, money, counts and dates, with the clause carrying them.

"2.5 per cent of GDP", "£2.26billion", "$500bn", "18 countries", "1.3m people", "25 per cent
tariffs", "Monday 17 February", "March 2027", "three times", "more than 39,000", "a 212-bed
hospital", "2:04:31", "22C". Labels ("Route 7", "No 10", "Table 3") and list numbering are
skipped; an age after a name ("Mr Smith, 54,") is kept with a low score.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factdesk.core.suggest.quotes import trim_end

# "39,000", "R12 000" (a non-breaking space between thousands), "3.5", "R3,8bn" (a decimal
# comma before a scale)
_DIGITS = (
    r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+|,\d{1,2}(?=\s?(?:bn|billion|m|million|tn)\b))?"
)
_SCALE = r"(?:\s?(?:bn|billion|m|million|mn|k|thousand|trillion|tn|trn|crore|lakh|cents?|p)\b)"
_CURRENCY = r"(?:£|\$|€|¥|₹|US\$|A\$|C\$|NZ\$|HK\$|R(?=\d)|Rs\.?\s?(?=\d))"  # R: rand
_UNITS = (
    r"km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|kg|kilos?|tonnes?|tons?|lbs?|"
    r"pounds|ft|feet|inches|mph|km/h|kph|C|F|°C|°F|GW|MW|kW|kWh|GWh|ha|hectares?|acres?|litres?|"
    r"liters?|gallons?|k|g|mg|mcg|µg|ml|mmol/L|mmol|kcal|bpm"
)
_SMALL = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_WORDS = (
    rf"(?:{_SMALL})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|a dozen|dozens|"
    r"a hundred|hundreds|a thousand|thousands|a million|millions|a billion|billions|half a dozen"
)
_ANY = rf"(?:{_DIGITS}|{_WORDS})"
# the same with a capital letter allowed, for patterns cheaper without re.IGNORECASE
_SMALL_CASED = "|".join([*_SMALL.split("|"), *(w.capitalize() for w in _SMALL.split("|"))])
_ANY_CASED = rf"(?:{_ANY}|{_SMALL_CASED}|One|one)"
_QUALIFIER_WORDS = (
    r"about|around|almost|nearly|over|under|more than|fewer than|less than|at least|"
    r"at most|up to|some|roughly|approximately|just over|just under|as many as|as much as|"
    r"as few as|an estimated|only|above|below|well over|well under|well above|well below|"
    r"north of|upwards of|in excess of|close to"
)
# the first letters of the qualifiers: a cheap test before trying them all
_QUALIFIER_FIRST = "".join(sorted({w[0] for w in _QUALIFIER_WORDS.split("|")}))
_QUALIFIER = rf"(?:(?=[{_QUALIFIER_FIRST}])(?:{_QUALIFIER_WORDS})\s)?"  # "more than 39,000"
_QUALIFIED = rf"(?=[{_QUALIFIER_FIRST}])(?:{_QUALIFIER_WORDS})\s"  # required: "almost an hour"
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_FUNCTION_WORDS = (
    r"of|in|to|the|and|or|a|an|at|on|for|by|with|from|as|is|are|was|were|be|per|than|that|"
    r"this|which|who|it|its|he|she|they|we|has|have|had|will|would|could|can|may|but|so|if|"
    r"said|says|told|more|less|times|per|cent|percent|when|after|before|since|until|ago|over|"
    r"under|within|into|about|around|between|across|during|apart|each|every|one|"
    rf"{_SMALL}"
)
# a noun after a count: "18 countries", "1.3m people", "nine sponsored walks"
_WORD_AFTER = rf"(?!(?:{_FUNCTION_WORDS})\b(?!-))[a-z][a-z\-]+"  # "one-kilometre squares"
_NOUN = rf"(?:{_WORD_AFTER}(?:\s{_WORD_AFTER})?)"
_PER_CENT = r"(?:%|per\s?cent|percent|percentage points?|pc\b)"
# the word after a percentage, when it says of what: "25 per cent tariffs", "2.5% of GDP"
_OF_WHAT = (
    rf"(?!(?:{_FUNCTION_WORDS}|more|less|higher|lower|rise|fall|increase|cut|since|last|this|"
    r"next)\b)"
)
# a rate: "£1.7m a year", "$1.12 a share", "$2 per tonne", "2p a litre"
_PER = (
    r"(?:\s(?:a|an|per|each)\s(?:year|month|week|day|hour|head|person|night|share|tonne|ton|"
    r"litre|liter|gallon|barrel|kilo|kilogram|mile|unit|ticket|household|pupil|patient))?"
)
_OF_WHAT_MONEY = r"(?:\sof\s(?!the\b|that\b|it\b)[a-z]+)?"  # "£31.4bn of assets"
# "another 14 months", "a further 300 jobs"
_FURTHER = r"(?:(?:another|a\sfurther|an\sextra|an\sadditional)\s)?"
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)"

FIGURES = [
    (
        "money",
        re.compile(
            rf"\b{_QUALIFIER}{_CURRENCY}\s?(?:{_DIGITS}){_SCALE}?{_PER}{_OF_WHAT_MONEY}|(?<![\w$£€]){_CURRENCY}\s?(?:{_DIGITS}){_SCALE}?{_PER}{_OF_WHAT_MONEY}"
        ),
    ),
    (
        "money",
        re.compile(
            rf"\b{_QUALIFIER}(?:{_DIGITS}){_SCALE}?\s(?:pounds|dollars|euros|yen|rupees|pence)\b"
        ),
    ),
    # pence: "410p a share", "62p in every pound", "212p"
    ("money", re.compile(rf"\b{_QUALIFIER}\d+(?:\.\d+)?p\b{_PER}(?:\s(?:of|in)\severy\s[a-z]+)?")),
    (
        "money",
        re.compile(r"\ba\s(?:pound|penny|dollar|euro)\s(?:a|per)\s(?:year|month|week|day)\b"),
    ),
    (
        "percent",
        re.compile(
            rf"\b{_QUALIFIER}(?:{_ANY}|zero)\s?{_PER_CENT}(?:\s(?:of\s(?:the\s)?)?{_OF_WHAT}[A-Za-z][\w\-]*)?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?:{_DAYS}),?\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:{_MONTHS})(?![a-z])(?:,?\s\d{{4}})?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?:{_DAYS}),?\s)?(?:{_MONTHS})\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}})?"
        ),
    ),
    ("date", re.compile(rf"\b(?:{_MONTHS})\s(?:1[89]|20)\d{{2}}\b")),
    (
        "date",
        re.compile(
            r"\b(?:the\s)?(?:(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\sof"
            r"|(?i:spring|summer|autumn|winter))\s(?:1[89]|20)\d{2}\b"
        ),
    ),
    ("date", re.compile(r"\b(?:1[5-9]|20)\d0s\b|’\d0s\b|\b(?:1[89]|20)\d{2}(?:/\d{2})?\b")),
    (
        "time",
        re.compile(
            rf"\b{_QUALIFIER}(?:\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.)"
            rf"|\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b|(?:half|quarter)\spast\s(?:midnight|noon|[a-z]+))"
        ),
    ),
    (
        "time",
        re.compile(
            rf"\b(?:{_SMALL}|one|eleven|twelve)\sin\sthe\s(?:morning|afternoon|evening)\b", re.I
        ),
    ),
    (
        "measure",
        # "about -150C": a minus sign keeps the figure's word boundary before it
        re.compile(
            rf"(?:\b{_QUALIFIER}[-−]|\b{_QUALIFIER})(?:{_DIGITS})\s?(?:{_UNITS})(?![\w/])(?:\sof\s[a-z]+)?"
        ),
    ),
    (
        "measure",  # "seven years and four months", "one second", "a one-year account"
        re.compile(
            rf"\b{_QUALIFIER}{_FURTHER}{_ANY_CASED}(?:\sand\sa\s(?:half|quarter))?[\s-]{_TIME_UNIT}\b"
            rf"(?:,?\s(?:and\s)?{_ANY_CASED}\s{_TIME_UNIT}\b)*(?:\s(?:account|contract|deal|term|old))?"
        ),
    ),
    (
        "measure",  # "in bed for a week", "in a fortnight", "once a fortnight", "almost an hour"
        re.compile(
            rf"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bonce\s)|\b{_QUALIFIED})"
            rf"an?\s{_TIME_UNIT}\b"
        ),
    ),
    ("count", re.compile(rf"\b{_QUALIFIER}(?:{_ANY})-(?:[a-z]+)(?:-[a-z]+)*(?:\s{_NOUN})?", re.I)),
    (
        "count",
        re.compile(
            rf"\b{_QUALIFIER}(?:{_ANY}){_SCALE}?(?:\s(?:or|and|to)\s{_ANY})?\s(?:more\s|fewer\s|extra\s|new\s|additional\s|other\s)?(?:{_WORD_AFTER}\s(?:and|or)\s)?{_NOUN}(?:\s(?:a|an|per)\s(?:year|month|week|day|hour|minute|second))?",
            re.I,
        ),
    ),
    (
        "count",  # "at least ten of those attending", "3,000 of them", "nine of whom"
        re.compile(
            rf"\b{_QUALIFIER}(?:{_ANY}|{_SMALL_CASED})\sof\s(?:(?:the|its|their|our|those|these)\s"
            r"(?:[\w’']+\s)?[a-z]+|them\b|whom\b|those\b|us\b"
            # "11 of her last 12 matches"
            rf"|(?:the|its|their|our|his|her|my|your)\s(?:last|first|next|past|previous)\s"
            rf"(?:{_ANY})\s[a-z]+)"
        ),
    ),
    (
        "count",  # "more than half", "half an hour", "Half the babies", "half of them"
        re.compile(
            rf"\b(?:{_QUALIFIER}[Hh]alf\s(?:an?\s[a-z]+|of\s(?:them|those|all|us)\b|"
            r"(?:of\s)?(?:the|its|their|our|his|her|my|your)\s(?:[a-z]+\s)?[a-z]+)|"
            r"(?i:more than|less than|nearly|almost|about|around|over|under|just over|just under)"
            r"\shalf\b|Half(?=\s(?:were|are|was|is|had|have|said|say|of)\b))"
        ),
    ),
    ("count", re.compile(r"\b\d+\sand\s(?:over|above|under|older|younger)\b")),
    # "Two out of three", "mum-of-two", "the over-75s"
    ("count", re.compile(rf"\b{_ANY_CASED}\sout\sof\s{_ANY}\b")),
    ("count", re.compile(rf"\b[a-z]+-of-(?:{_SMALL}|one)\b|\b(?:over|under)-\d+s\b")),
    (
        "count",
        re.compile(
            rf"\b(?:{_ANY}|one|twice|double|treble|triple)\s(?:times|fold)\b|\b(?:twice|tripled|doubled|trebled|halved)\b|"
            rf"\b{_QUALIFIED}(?:double|triple|treble)s?\b|\b{_QUALIFIED}(?:doubled|tripled|trebled|halved)\b|\b(?:double|triple|treble|halve)\s(?:their|its|the|his|her|our)\s[a-z]+",
            re.I,
        ),
    ),
    (
        "count",
        re.compile(
            rf"\b{_QUALIFIER}(?:a|one)\s(?:decade|century|third|quarter|fifth|tenth)(?:\sof\s(?:the\s)?[a-z]+)?\b|\b(?:two|three)-(?:thirds|quarters|fifths)(?:\sof\s(?:that|the|all|them|[a-z]+))?|\b\d+\sin\s\d+\b|\bone\sin\s(?:\w+)\b|\b(?:about\s|around\s|nearly\s|almost\s)?(?:{_SMALL})\sin\s(?:{_SMALL})(?:\sof\s(?:them|those|us)\b)?|\bhundreds\sof\sthousands\b",
            re.I,
        ),
    ),
    # "6-4, 3-6, 7-6 (7-4)": a match's sets
    ("score", re.compile(r"\b\d{1,2}-\d{1,2}(?:,?\s\d{1,2}-\d{1,2})*(?:\s\(\d{1,2}-\d{1,2}\))?")),
    # a level or a ranking: "Stage 4", "Level 3 restrictions", "the world No 12", "top-15"
    (
        "count",
        re.compile(
            r"\b(?:Stage|Level|Phase|Tier|Category|Grade)\s\d{1,2}\b(?!\.\d|,\d)"
            r"|\bworld\sNo\.?\s?\d+\b|\bNo\.?\s?\d+\s(?=seed\b)|\b[Tt]op[\s-](?:\d+|ten|five|three)\b"
        ),
    ),
    # "a 2.1% increase", "a 42ft motor cruiser": a figure that describes a noun after "a"
    (
        "percent",
        re.compile(
            rf"(?<=\ba\s)(?:{_DIGITS})\s?{_PER_CENT}\s(?:pay\s)?(?:increase|rise|fall|cut|drop|"
            r"decline|reduction|hike|jump|gain|loss)\b"
        ),
    ),
    ("measure", re.compile(rf"(?<=\ba\s)(?:{_DIGITS})\s?(?:ft|m|km|metre|mile|tonne)\s{_NOUN}")),
    # "fiscal 2027", "the 2026-27 financial year"; "in their 80s"; "at half six"
    ("date", re.compile(r"\b(?:fiscal|financial\syear|tax\syear|FY)\s?(?:1[89]|20)\d{2}\b")),
    ("age", re.compile(r"(?<=(?:ir|is|er|my|ur)\s)(?:early\s|mid-|late\s)?[1-9]0s\b")),
    ("time", re.compile(rf"(?<=\b(?:at|by)\s)half\s(?:{_SMALL}|one|eleven|twelve)\b")),
    # "an hour after the match", "one bus an hour", "at least a point"
    (
        "measure",
        re.compile(rf"\ban?\s{_TIME_UNIT}\s(?=(?:after|before|later|earlier|ago)\b)"),
    ),
    ("count", re.compile(r"\b[Oo]ne\s[a-z]+\s(?:a|an|per)\s(?:year|month|week|day|hour)\b")),
    ("count", re.compile(rf"\b{_QUALIFIED}an?\s(?:percentage\s)?point\b")),
    ("score", re.compile(r"\b\d{1,2}-\d{1,2}\b")),
    ("count", re.compile(rf"\b{_QUALIFIER}(?:{_DIGITS})\b")),
    # a number word on its own: "a family of five", "nine of whom", "most have had two"
    (
        "number",
        re.compile(
            rf"\b{_QUALIFIER}(?:{_SMALL_CASED})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
            r"\b(?!-)"
        ),
    ),
]
_ONE_OF = re.compile(r"(?i)one of\b")
_LABELS = (
    "No|Figure|Table|Page|Chapter|Article|Section|Room|Gate|Platform|Flight|Route|Bus|Line|"
    "Round|Number|Clause|Rule|Item|Junction|Ward|Unit|Floor"
)
# "Building 7" is a label, "the building 23 days before" is not
# (but a lower-case "no" is the word: "we said no twice")
_LABEL_BEFORE = re.compile(rf"\b(?:{_LABELS}|Building|{_LABELS.lower().removeprefix('no|')})\.?\s$")
_AGE = re.compile(r"[A-Z][\w’'\-]+,\s$")
_IN_NAME = re.compile(r"(?<![.!?:‘“\"]\s)\b[A-Z][\w’'\-]*\s$")
_CLAUSE_STOP = re.compile(r"(?<=[.!?])[’”'\"]?\s+(?=[A-Z‘“'\"])|[;:]\s|\n")


@dataclass(frozen=True, slots=True)
class FigureSpan:
    start: int  # the clause that carries the figure
    end: int
    figure_start: int
    figure_end: int
    kind: str  # money | percent | date | time | measure | score | count | age


def find_figures(text: str) -> list[FigureSpan]:
    """Every figure, the longest where two overlap, in text order."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in FIGURES:
        for match in pattern.finditer(text):
            start, end = match.start(), _trim(text, match.start(), match.end())
            if end <= start or _LABEL_BEFORE.search(text[max(0, start - 12) : start]):
                continue  # "Route 7", "No 10", "Table 3": labels, not figures
            if _ONE_OF.match(match.group()):
                continue  # "one of the biggest" is not a figure
            if _list_number(text, start, end):
                continue
            if kind == "number" and _IN_NAME.search(text[max(0, start - 30) : start]):
                continue  # "League Two": part of a name
            age = kind == "count" and _AGE.search(text[max(0, start - 30) : start])
            # "Mr Smith, 54,": kept (ages are checkable) but scored low
            found.append((start, end, "age" if age else kind))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:  # overlapping: one figure, the union
                kept[-1] = (kept[-1][0], end, kept[-1][2])
            continue
        kept.append((start, end, kind))
    stops = [m.span() for m in _CLAUSE_STOP.finditer(text)]
    return [
        FigureSpan(*_clause(text, start, end, stops), start, end, kind) for start, end, kind in kept
    ]


def _list_number(text: str, start: int, end: int) -> bool:
    """ "1. Introduction", "2) Costs" at the start of a line: numbering, not a figure."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"[.)]\s", text[end : end + 2]))


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,.;:’'\"”)":
        if text[end - 1] == ")" and text.count("(", start, end) > text.count(")", start, end - 1):
            break  # "7-6 (7-4)": its own bracket
        end -= 1
    return end


def _clause(text: str, start: int, end: int, stops: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence around the figure, narrowed to its comma-delimited part when long.
    `stops` are the (start, end) of every clause stop in the text, in order."""
    index = bisect.bisect_left(stops, (start, 0))
    sentence_start = stops[index - 1][1] if index else 0
    following = bisect.bisect_left(stops, (end, 0))
    sentence_end = stops[following][0] if following < len(stops) else len(text)
    if sentence_end < len(text) and text[sentence_end] in ".!?":
        sentence_end += 1
    sentence_end = max(sentence_end, end)
    if len(text[sentence_start:sentence_end].split()) <= 35:
        return sentence_start, trim_end(text, sentence_start, sentence_end)
    # a comma at least a few words away on each side keeps the figure's subject and verb
    left = text.rfind(", ", sentence_start, max(sentence_start, start - 40))
    right = text.find(", ", min(sentence_end, end + 30), sentence_end)
    clause_start = left + 2 if left != -1 else sentence_start
    clause_end = right if right != -1 else sentence_end
    return clause_start, trim_end(text, clause_start, clause_end)
