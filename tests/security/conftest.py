"""Fixtures for the security review's tests: a listener that records every fetch, a desk full
of hostile content, and the window tests' Qt fixtures (shared, not copied: their qasync recipe
is subtle, see tests/ui/conftest.py)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from security_helpers import Hostile, Listener, fill_hostile, listening

from factdesk.services import Desk


def _ui_fixtures() -> Any:
    path = Path(__file__).parents[1] / "ui" / "conftest.py"
    spec = importlib.util.spec_from_file_location("factdesk_tests_ui_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ui = _ui_fixtures()
gui_thread_gc = _ui.gui_thread_gc
qloop = _ui.qloop  # autouse: every test here runs with pytest-qt's QApplication and a loop
run = _ui.run
window = _ui.window
other = _ui.other


@pytest.fixture
def listener() -> Iterator[Listener]:
    with listening() as server:
        yield server


@pytest.fixture
def hostile(desk: Any, tmp_path: Path, listener: Listener) -> Hostile:
    """The shared `desk` fixture filled with hostile articles and claims."""
    return fill_hostile(desk, tmp_path / "articles", listener.base)


@pytest.fixture
def hostile_file(tmp_path: Path, listener: Listener) -> Hostile:
    """The window's desk file, filled before the window opens it (the `window` fixture opens
    tmp_path / "desk.factdesk"): request this fixture before `window`."""
    with Desk.open(tmp_path / "desk.factdesk", editor="tester") as desk:
        return fill_hostile(desk, tmp_path / "articles", listener.base)
