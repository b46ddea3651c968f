"""Measure claim suggestions against the annotated articles of tests/fixtures/suggest/.

    .venv/bin/python -m benchmarks.suggest_eval            # the development set
    .venv/bin/python -m benchmarks.suggest_eval --holdout  # the first held-out set
    .venv/bin/python -m benchmarks.suggest_eval --holdout2 # the second, written later
    .venv/bin/python -m benchmarks.suggest_eval --holdout3 # the third, written later still
    .venv/bin/python -m benchmarks.suggest_eval --holdout4 # the fourth
    .venv/bin/python -m benchmarks.suggest_eval --holdout5 # the fifth
    .venv/bin/python -m benchmarks.suggest_eval --holdout6 # the sixth
    .venv/bin/python -m benchmarks.suggest_eval --holdout7 # the seventh
    .venv/bin/python -m benchmarks.suggest_eval --holdout8 # the eighth, the latest
    .venv/bin/python -m benchmarks.suggest_eval --misses   # also list every miss

Definitions (docs/suggestions.md):
- a suggested quote *matches* a gold quote when their spans agree once whitespace and the
  punctuation at either end are trimmed, or overlap by at least 80 % of their union;
- quote recall: of the gold full-sentence quotes outside noise, the share matched by a
  suggestion scored ≥ FULL_QUOTE_SCORE; quote precision: of those suggestions, the share
  matching a gold full-sentence quote (a scare quote or nothing at all is a false positive);
- speaker accuracy: of the matched full-sentence quotes whose gold speaker is known, the share
  with the same speaker (case and a leading "the"/"a" ignored);
- number recall: of the gold figures, the share overlapped by at least half by a suggested
  figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factdesk.core.noise import find_noise
from factdesk.core.suggest import FULL_QUOTE_SCORE, NUMBER, QUOTE, KnownSpeaker, Suggestion, suggest

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "suggest"
_PUNCT = " \t\n.,;:!?…—–-"


@dataclass
class Tally:
    gold_quotes: int = 0
    found_quotes: int = 0
    offered: int = 0
    offered_right: int = 0
    with_speaker: int = 0
    speaker_right: int = 0
    gold_numbers: int = 0
    found_numbers: int = 0
    suggested_numbers: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "quote_recall": ratio(self.found_quotes, self.gold_quotes),
            "quote_precision": ratio(self.offered_right, self.offered),
            "speaker_accuracy": ratio(self.speaker_right, self.with_speaker),
            "number_recall": ratio(self.found_numbers, self.gold_numbers),
        }


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at == -1:
            raise ValueError(f"{needle!r} does not occur {occurrence} times")
    return at, at + len(needle)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _PUNCT:
        start += 1
    while end > start and text[end - 1] in _PUNCT:
        end -= 1
    return start, end


def same_span(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    if _trimmed(text, *a) == _trimmed(text, *b):
        return True
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return overlap > 0 and overlap / union >= 0.8


def same_speaker(a: str | None, b: str | None) -> bool:
    def norm(name: str | None) -> str:
        words = " ".join((name or "").replace("’", "'").casefold().split()).split()
        while words and words[0] in {"the", "a", "an"}:
            words = words[1:]
        return " ".join(words)

    return norm(a) == norm(b) and bool(norm(a))


def evaluate_article(path: Path) -> Tally:
    text = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    speakers = [
        KnownSpeaker(s["name"], tuple(s.get("aliases", ()))) for s in gold.get("desk_speakers", ())
    ]
    found = suggest(text, noise=find_noise(text), speakers=speakers)
    quotes = [s for s in found if s.kind == QUOTE]
    offered = [s for s in quotes if s.score >= FULL_QUOTE_SCORE]
    tally = Tally()
    gold_full: list[tuple[tuple[int, int], dict]] = []
    gold_other: list[tuple[int, int]] = []
    for entry in gold.get("quotes", ()):
        span = locate(text, entry["text"], entry.get("occurrence", 1))
        if entry.get("full_sentence") and not entry.get("in_noise"):
            gold_full.append((span, entry))
        else:
            gold_other.append(span)
    for span, entry in gold_full:
        tally.gold_quotes += 1
        match = _match(text, span, offered)
        if match is None:
            tally.misses.append(f"{path.name}: quote missed: {entry['text'][:70]!r}")
            continue
        tally.found_quotes += 1
        if entry.get("speaker"):
            tally.with_speaker += 1
            if same_speaker(match.speaker, entry["speaker"]):
                tally.speaker_right += 1
            else:
                tally.misses.append(
                    f"{path.name}: speaker {match.speaker!r} (as {match.said_as!r}), "
                    f"wanted {entry['speaker']!r}: {entry['text'][:50]!r}"
                )
    for suggestion in offered:
        tally.offered += 1
        if any(same_span(text, (suggestion.start, suggestion.end), s) for s, _ in gold_full):
            tally.offered_right += 1
        else:
            tally.misses.append(f"{path.name}: not a full quote: {suggestion.text[:70]!r}")
    figures = [s for s in found if s.kind == NUMBER]
    tally.suggested_numbers = len(figures)
    for entry in gold.get("numbers", ()):
        tally.gold_numbers += 1
        start, end = locate(text, entry["text"], entry.get("occurrence", 1))
        if any(_covers(s, start, end, text) for s in figures):
            tally.found_numbers += 1
        else:
            tally.misses.append(f"{path.name}: figure missed: {entry['text']!r}")
    return tally


def _match(text: str, span: tuple[int, int], offered: list[Suggestion]) -> Suggestion | None:
    for suggestion in offered:
        if same_span(text, span, (suggestion.start, suggestion.end)):
            return suggestion
    return None


def _covers(suggestion: Suggestion, start: int, end: int, text: str) -> bool:
    figure = suggestion.figure or ""
    at = text.find(figure, suggestion.start, suggestion.end) if figure else -1
    if at == -1:
        return False
    overlap = min(end, at + len(figure)) - max(start, at)
    return overlap >= (end - start) / 2


def evaluate(folder: Path) -> Tally:
    total = Tally()
    for path in sorted(folder.glob("*.txt")):
        total.add(evaluate_article(path))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.suggest_eval")
    held_out = ["holdout", *(f"holdout{n}" for n in range(2, 9))]
    ordinals = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    for name, ordinal in zip(held_out, ordinals, strict=True):
        parser.add_argument(
            f"--{name}", action="store_true", help=f"measure the {ordinal} held-out set"
        )
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    sets = held_out
    chosen = [name for name in sets if getattr(args, name)]
    folder = FIXTURES / (chosen[-1] if chosen else "dev")
    tally = evaluate(folder)
    if args.misses:
        print("\n".join(tally.misses))
    figures = tally.figures()
    print(f"{folder.name}: {len(list(folder.glob('*.txt')))} articles")
    rows = [
        ("quote recall", "quote_recall", f"{tally.found_quotes}/{tally.gold_quotes} full-sentence"),
        ("quote precision", "quote_precision", f"{tally.offered_right}/{tally.offered} offered"),
        ("speaker accuracy", "speaker_accuracy", f"{tally.speaker_right}/{tally.with_speaker}"),
        ("number recall", "number_recall", f"{tally.found_numbers}/{tally.gold_numbers}"),
    ]
    for label, key, counts in rows:
        print(f"  {label:17} {figures[key]:.3f}  ({counts})")
    print(f"  ({tally.suggested_numbers} figures suggested)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
