"""Fixtures for the fact sheet tests: a real desk filled through the services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factsheet_helpers import HOSTILE, fill


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "articles" / "council.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.fixture
def filled(desk: Any, articles: list[Path], hostile: Path) -> Any:
    return fill(desk, articles, hostile)
