"""Start-up: the first frame is the whole window, built from what it shows; the rest follows.

The window shows its menus and three panels before asyncio, the desk's controller, the search
panel, the dialogs and the database layer are loaded (DESIGN §5's start-up budget); these tests
check that what is built later still works, and that the window's command line is read as
argparse reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTabWidget
from window_helpers import EMOJI_ARTICLE, import_one, make_claim, write

from factdesk.cli.parser import build_parser, window_args
from factdesk.services import Desk
from factdesk.ui.app import FileOpenFilter
from factdesk.ui.main_window import MainWindow

SRC = Path(__file__).resolve().parents[2] / "src"

# What the first frame must not wait for: each loads after it, when first needed.
AFTER_THE_FIRST_FRAME = (
    "asyncio",
    "qasync",
    "sqlalchemy",
    "sqlmodel",
    "factdesk.services",
    "factdesk.sources",
    "factdesk.core.records",
    "factdesk.core.logs",
    "factdesk.ui.desk_view",
    "factdesk.ui.desk_client",
    "factdesk.ui.backup_flow",
    "factdesk.ui.preferences",
    "factdesk.ui.search_panel",
    "factdesk.ui.suggestions_panel",
    "factdesk.ui.suggestion_flow",
    "factdesk.ui.reader_pane",
    "factdesk.ui.document_view",
    "factdesk.ui.claim_sources",
    "factdesk.ui.history_view",
)

FIRST_FRAME = """
import json, sys
from PySide6.QtCore import QSettings
from factdesk.ui.app import make_application
from factdesk.ui.main_window import MainWindow

app = make_application()
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
app.processEvents()
tabs = lambda t: [t.tabText(i) for i in range(t.count())]
print(json.dumps({
    "menus": [a.text() for a in window.menuBar().actions()],
    "left": tabs(window.left),
    "editor": tabs(window.editor.tabs),
    "visible": [w.isVisible() for w in (window.documents, window.welcome, window.claims,
                                        window.editor)],
    "loaded": sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules),
}))
"""


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "FACTDESK_BACKUP_KEEP": "0",
        **extra,
    }


def test_the_first_frame_is_the_whole_window_without_what_comes_after(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FIRST_FRAME,
            str(tmp_path / "settings.ini"),
            json.dumps(AFTER_THE_FIRST_FRAME),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    frame = json.loads(done.stdout)
    assert frame["menus"] == ["&File", "&Edit", "&Claim", "&View", "&Help"]
    assert frame["left"] == ["Documents", "Search", "Suggestions"]
    assert frame["editor"] == ["Details", "Quotes && evidence", "History"]
    assert frame["visible"] == [True, True, True, True]
    assert frame["loaded"] == []


def test_the_window_opens_its_desk_after_the_first_frame_and_quits_cleanly(
    tmp_path: Path,
) -> None:
    """`factdesk gui DESK` end to end: shown, then the desk's contents, then a clean exit (the
    asyncio loop joins the running Qt loop after the first frame and is closed after it)."""
    desk = tmp_path / "story.factdesk"
    with Desk.open(desk, create=True, editor="cli") as opened:
        opened.import_files([write(tmp_path, "a.txt", EMOJI_ARTICLE)])
    done = subprocess.run(
        [sys.executable, "-m", "factdesk", "gui", str(desk)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=_env(tmp_path, FACTDESK_REPORT_READY="1"),
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert [words[0] for words in lines] == ["shown", "loaded"]
    assert float(lines[0][1]) <= float(lines[1][1])


HANDED_OVER = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFileOpenEvent
from factdesk.ui.app import Application, FileOpenFilter, make_application
from factdesk.ui.main_window import MainWindow

app = make_application()
assert isinstance(app, Application), type(app)
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
opener = FileOpenFilter(window)
opener.hold()
app.file_opener = opener
Application.sendEvent(app, QFileOpenEvent(sys.argv[2]))
print(*opener.release())
"""


def test_the_application_object_takes_a_desk_the_system_hands_over(tmp_path: Path) -> None:
    """factdesk's own application object catches QFileOpenEvent without an application-wide
    event filter (which would see every event of every widget)."""
    desk = tmp_path / "handed over.factdesk"
    done = subprocess.run(
        [sys.executable, "-c", HANDED_OVER, str(tmp_path / "settings.ini"), str(desk)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(desk)


def test_a_desk_handed_over_before_the_loop_runs_waits_for_it(
    window: MainWindow, qtbot: Any, tmp_path: Path, qapp: QApplication
) -> None:
    """At start-up the system may hand a desk over (macOS) before coroutines can run: it is
    kept, and opened once the window releases it."""
    other = tmp_path / "other.factdesk"
    with Desk.open(other, create=True, editor="cli"):
        pass
    opener = FileOpenFilter(window)
    opener.hold()
    qapp.installEventFilter(opener)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(other)))
        qtbot.wait(300)  # time enough to open it, had it not been kept
        assert window.client is not None and window.client.path != other
        assert opener.release() == [other]
        QApplication.sendEvent(qapp, QFileOpenEvent(str(other)))  # released: opens at once
        qtbot.waitUntil(
            lambda: window.client is not None and window.client.path == other, timeout=10000
        )
    finally:
        qapp.removeEventFilter(opener)


def _click_tab(qtbot: Any, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_the_search_tab_is_built_when_first_clicked_and_searches(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    import_one(window, qtbot, tmp_path)
    _click_tab(qtbot, window.left, 1)
    panel = window.left.currentWidget()
    assert panel is window.search
    assert window.left.tabText(1) == "Search"
    assert window.left.count() == 3
    qtbot.keyClicks(panel.query_edit, "fantasy")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=5000)
    _click_tab(qtbot, window.left, 0)
    _click_tab(qtbot, window.left, 1)
    assert window.left.currentWidget() is panel  # built once


def test_the_editors_later_tabs_show_the_claim_they_were_given_before_they_existed(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    import_one(window, qtbot, tmp_path)
    make_claim(window, qtbot, "2.5 per cent of GDP")
    tabs = window.editor.tabs
    _click_tab(qtbot, tabs, 1)
    sources = tabs.currentWidget()
    assert sources is window.editor.sources
    assert tabs.tabText(1) == "Quotes && evidence"
    assert sources.spans.rowCount() == 1
    assert "Summit notes" in sources.spans.index(0, 0).data()  # the document's title
    _click_tab(qtbot, tabs, 2)
    assert tabs.currentWidget() is window.editor.history
    assert window.editor.history.model.rowCount() >= 1
    # a gesture in the tab built later still reaches the desk: add evidence
    _click_tab(qtbot, tabs, 1)
    qtbot.keyClicks(sources.source, "https://example.org/table-4")
    qtbot.mouseClick(sources.add_evidence, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: sources.evidence.rowCount() == 1, timeout=5000)


def test_edit_preferences_opens_the_dialog_and_saves(window: MainWindow, qtbot: Any) -> None:
    from factdesk.ui.preferences import EDITOR, PreferencesDialog

    window.actions_.preferences.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.editor.setText("Ada Lovelace")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.settings.value(EDITOR) == "Ada Lovelace"
    assert not dialog.isVisible()


WINDOW_FORMS = [
    [],
    ["gui"],
    ["gui", "story.factdesk"],
    ["gui", ""],
    ["--desk", "d.factdesk"],
    ["--desk", "d.factdesk", "gui"],
    ["--desk", "d.factdesk", "gui", "other.factdesk"],
    ["--desk=d.factdesk", "gui", "x"],
    ["--desk", "with space.factdesk"],
]

OTHER_FORMS = [
    ["docs"],
    ["import", "gui"],
    ["guix"],
    ["gui", "a", "b"],
    ["gui", "--help"],
    ["gui", "-x"],
    ["gui", "--", "x"],
    ["-h"],
    ["--version"],
    ["--desk"],
    ["--desk", ""],
    ["--desk", "  "],
    ["--desk=", "gui"],
    ["--desk", "-x"],
    ["--de", "d.factdesk"],
    ["--desk", "a", "--desk", "b"],
    ["--desk", "d.factdesk", "claims"],
]


@pytest.mark.parametrize("argv", WINDOW_FORMS)
def test_the_windows_command_lines_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    assert window_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", OTHER_FORMS)
def test_every_other_command_line_goes_to_argparse(argv: list[str]) -> None:
    assert window_args(argv) is None
