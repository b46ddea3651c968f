"""A seeded generator of news articles shaped like real ones: a headline, paragraphs with curly
and straight quotes, a repeated photo caption, credit lines, figures and a footer.

Every article is different (its number is in the headline and body), so none is a duplicate.
"""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = [
    ("Sir Keir Starmer", "the Prime Minister"),
    ("Volodymyr Zelensky", "the Ukrainian president"),
    ("Mark Rutte", "the Nato secretary general"),
    ("Kaja Kallas", "the EU's foreign policy chief"),
    ("Emmanuel Macron", "the French president"),
]
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
CAPTIONS = ["(Image: Getty Images)", "(Image: Anadolu)", "Photo: Reuters", "(\n(Image: PA)"]


def article(number: int, rng: random.Random, words: int = 400) -> str:
    name, role = rng.choice(PEOPLE)
    caption = rng.choice(CAPTIONS)
    lines = [f"Leaders meet for talks on {rng.choice(WORDS)} — report {number}", caption]
    written = 0
    while written < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
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
