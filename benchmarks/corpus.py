"""A seeded generator of news articles shaped like real ones: a headline, paragraphs with curly
and straight quotes, a repeated photo caption, credit lines, figures and a footer.

Every article is different (its number is in the headline and body), so none is a duplicate.

The words follow real news text (shared/samples: 1,311 distinct words in 6,293): about four in
ten are function words ("the", "to", "said"), the rest a vocabulary of a few thousand words in
Zipf's proportions. The desk is about one story, so its topic words (WORDS) run from nearly
every article ("defence", "talks" is in every headline) to a few per cent of them, one to a
dozen times each where they occur. (The generator used to draw every word from WORDS alone, so
each word was in every article some forty times: every search ranked the whole desk.)
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

PEOPLE = [
    ("Sir Keir Starmer", "the Prime Minister"),
    ("Volodymyr Zelensky", "the Ukrainian president"),
    ("Mark Rutte", "the Nato secretary general"),
    ("Kaja Kallas", "the EU's foreign policy chief"),
    ("Emmanuel Macron", "the French president"),
]
# The story's topic words, most common first: an article is about each with the probability
# TOPIC_SHARE gives it (defence 0.95, ..., the last ones 0.03).
WORDS = [
    "defence",
    "spending",
    "summit",
    "allies",
    "security",
    "ceasefire",
    "talks",
    "troops",
    "guarantees",
    "budget",
    "minister",
    "capital",
    "coalition",
    "sanctions",
    "envoy",
    "treaty",
    "border",
    "negotiations",
    "aid",
    "weapons",
    "parliament",
    "vote",
    "pledge",
    "deadline",
    "officials",
    "briefing",
    "statement",
    "report",
    "analysts",
]
TOPIC_SHARE = {word: max(0.03, 0.95 * 0.84**rank) for rank, word in enumerate(WORDS)}
CAPTIONS = ["(Image: Getty Images)", "(Image: Anadolu)", "Photo: Reuters", "(\n(Image: PA)"]

# The commonest words of English news, most frequent first (they are ~40 % of its words).
FUNCTION_WORDS = [
    "the",
    "to",
    "of",
    "a",
    "and",
    "in",
    "that",
    "is",
    "he",
    "said",
    "for",
    "on",
    "with",
    "it",
    "be",
    "as",
    "was",
    "at",
    "by",
    "we",
    "has",
    "have",
    "will",
    "not",
    "are",
    "this",
    "from",
    "but",
    "they",
    "his",
    "an",
    "had",
    "would",
    "their",
    "which",
    "been",
    "were",
    "who",
    "there",
    "more",
    "also",
    "after",
    "its",
    "or",
    "one",
    "about",
    "over",
    "all",
    "can",
    "than",
    "new",
    "year",
    "people",
    "our",
    "up",
    "out",
    "two",
    "could",
    "her",
    "she",
    "them",
    "what",
    "if",
    "when",
    "into",
    "only",
    "other",
    "some",
    "time",
    "last",
    "told",
    "us",
    "now",
    "just",
    "like",
    "because",
    "most",
    "any",
    "first",
    "before",
    "those",
    "these",
    "under",
    "against",
    "while",
    "three",
    "during",
    "so",
    "very",
    "where",
    "how",
    "then",
    "both",
]
_FUNCTION_SHARE = 0.42
_TOPIC_RATE = 0.035  # of an article's words, shared among the topics it is about


def _vocabulary(size: int = 6000) -> list[str]:
    """Made-up but word-shaped ("torvan", "melis"): the same list on every run and machine."""
    rng = random.Random(20261123)
    onsets = ["", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
              "w", "br", "cr", "dr", "gr", "pr", "tr", "st", "sh", "ch", "th"]  # fmt: skip
    vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ea", "ou", "ai"]
    codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st"]
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        )
        if 3 <= len(word) <= 11 and word not in WORDS and word not in FUNCTION_WORDS:
            words[word] = None
    return sorted(words, key=len)  # the commoner a word, the shorter (as in every language)


VOCABULARY = _vocabulary()
# Zipf's law: the word of rank r is used in proportion to 1 / r (the vocabulary ranks after
# the function words)
_FUNCTION_WEIGHTS = list(itertools.accumulate(1 / r for r in range(1, len(FUNCTION_WORDS) + 1)))
_VOCABULARY_WEIGHTS = list(
    itertools.accumulate(1 / (len(FUNCTION_WORDS) + r) for r in range(1, len(VOCABULARY) + 1))
)


def _sentence(rng: random.Random, topics: list[str], length: int) -> str:
    kinds = rng.random
    words = []
    for _ in range(length):
        roll = kinds()
        if roll < _FUNCTION_SHARE:
            words.append(rng.choices(FUNCTION_WORDS, cum_weights=_FUNCTION_WEIGHTS)[0])
        elif roll < _FUNCTION_SHARE + _TOPIC_RATE:
            words.append(rng.choice(topics))
        else:
            words.append(rng.choices(VOCABULARY, cum_weights=_VOCABULARY_WEIGHTS)[0])
    return " ".join(words)


def article(number: int, rng: random.Random, words: int = 400) -> str:
    name, role = rng.choice(PEOPLE)
    caption = rng.choice(CAPTIONS)
    topics = [word for word in WORDS if rng.random() < TOPIC_SHARE[word]] or [WORDS[0]]
    lines = [f"Leaders meet for talks on {rng.choice(topics)} — report {number}", caption]
    written = 0
    while written < words:
        sentence = _sentence(rng, topics, rng.randint(8, 20))
        kind = rng.random()
        if kind < 0.25:
            line = f"{name} said: “This is about {sentence} in case {number}.”"
        elif kind < 0.4:
            line = f'"We will spend {rng.randint(2, 5)}.{rng.randint(0, 9)} per cent of GDP '
            line += f'on {sentence}," {role} said.'
        elif kind < 0.5:
            line = f"He told the BBC: ‘{sentence.capitalize()}’ — £{rng.randint(1, 90)}billion"
        else:
            line = sentence.capitalize() + f" across {rng.randint(2, 40)} countries."
        lines.append(line)
        written += len(line.split())
        if rng.random() < 0.08:
            lines.append(caption)  # the repeated caption real pages carry
    lines.append("Read more at Example.co.uk · © Example News Ltd")
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, *, seed: int = 7, words: int = 400) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(article(number, rng, words), encoding="utf-8")
        paths.append(path)
    return paths
