"""Shared fixtures: a real desk file in a temporary folder, and article files shaped like the
real ones (curly and straight quotes, a repeated caption, a credit line, a footer)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs and rolling backups of the tests stay out of the tester's home.
os.environ["FACTDESK_LOG_DIR"] = tempfile.mkdtemp(prefix="factdesk-test-logs-")

ARTICLE = """Prime Minister pledges support for Ukraine at Paris summit
Sir Keir Starmer said: ‘This is a once-in-a-generation moment for our national security.’
The PM said Britain was committed to spending 2.5 per cent of GDP on defence.
(
(Image: Anadolu))
He told the BBC: "We cannot allow any divisions in the alliance to distract us."
Sir Keir Starmer said: ‘This is a once-in-a-generation moment for our national security.’
Read more at Example.co.uk
"""

SECOND = """Starmer to visit Washington next week
“This is a once in a generation moment for our national security,” the Prime Minister said.
Nato Secretary General Mark Rutte will attend the meeting in Paris 🇫🇷 on Monday.
"""


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[object]:
    from factdesk.services import Desk

    with Desk.open(tmp_path / "test.factdesk", editor="tester") as opened:
        yield opened


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    first = folder / "paris.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = folder / "washington.txt"
    second.write_text(SECOND, encoding="utf-8")
    return [first, second]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=False,
        help="also run the long crash and fuzz variants (marked slow); see README",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
