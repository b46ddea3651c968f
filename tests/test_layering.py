"""Everything below the ui layer imports and works with Qt absent (napari's habit)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import factdesk

SRC = Path(factdesk.__file__).parents[1]

PROBE = r"""
import importlib, sys
for blocked in ("PySide6", "qasync", "shiboken6"):
    sys.modules[blocked] = None  # any import of Qt now raises ImportError
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


def qt_free_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(SRC / "factdesk")], prefix="factdesk."):
        if info.name.startswith(
            ("factdesk.ui", "factdesk.db.migrations", "factdesk.__main__", "factdesk.factsheet.pdf")
        ):  # the PDF renderer is the one module below the ui allowed QtGui (pyproject contracts)
            continue
        names.append(info.name)
    return names


def test_core_sources_db_services_and_cli_import_without_qt(tmp_path: Path) -> None:
    modules = qt_free_modules()
    assert "factdesk.services.desk" in modules and "factdesk.sources" in modules
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr


def test_the_command_line_works_without_qt(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\nBody with a quote.\n")
    code = (
        "import sys\n"
        "for m in ('PySide6', 'qasync', 'shiboken6'): sys.modules[m] = None\n"
        "from factdesk.cli.main import main\n"
        f"sys.exit(main(['--desk', {str(tmp_path / 'd.factdesk')!r}, 'import', {str(article)!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 1")


def test_the_pdf_renderer_needs_no_widgets() -> None:
    """import-linter cannot forbid a subpackage of PySide6, so this checks it: QtGui only."""
    code = (
        "import sys, factdesk.factsheet.pdf\n"
        "bad = [m for m in ('PySide6.QtWidgets', 'PySide6.QtPrintSupport') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(SRC)}
    )
