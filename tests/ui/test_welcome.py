"""The welcome panel: its two buttons, its wording, and a layout that does not squeeze its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from factdesk.sources import SUPPORTED_SUFFIXES
from factdesk.ui import welcome
from factdesk.ui.welcome import WelcomePanel, formats_sentence


@pytest.fixture
def panel(qtbot: QtBot) -> WelcomePanel:
    widget = WelcomePanel()
    qtbot.addWidget(widget)
    return widget


def test_import_button_asks_for_an_import(qtbot: QtBot, panel: WelcomePanel) -> None:
    with qtbot.waitSignal(panel.importRequested, timeout=1000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)


def test_demo_button_asks_for_the_demo_desk(qtbot: QtBot, panel: WelcomePanel) -> None:
    with qtbot.waitSignal(panel.demoRequested, timeout=1000):
        qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)


def test_one_click_is_one_request(qtbot: QtBot, panel: WelcomePanel) -> None:
    imports: list[bool] = []
    demos: list[bool] = []
    panel.importRequested.connect(lambda: imports.append(True))
    panel.demoRequested.connect(lambda: demos.append(True))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert (len(imports), len(demos)) == (1, 0)


def test_wording(panel: WelcomePanel) -> None:
    assert panel.heading.text() == "Start by importing articles"
    assert panel.import_button.text() == "Import articles…"
    assert panel.demo_button.text() == "Open the demo desk"
    assert "drop files anywhere on this window" in panel.hint.text()
    assert "Ctrl+Shift+V" in panel.hint.text()
    assert panel.import_button.isDefault()  # drawn as the primary action


def test_the_panels_copy_of_the_formats_is_the_importers_list() -> None:
    """The panel repeats the list so the window's first frame need not import the importers."""
    assert welcome.SUPPORTED_SUFFIXES == SUPPORTED_SUFFIXES


def test_every_supported_format_is_listed(panel: WelcomePanel) -> None:
    for suffix in SUPPORTED_SUFFIXES:
        assert f"{suffix}," in panel.formats.text() or f"{suffix})" in panel.formats.text()


@pytest.mark.parametrize(
    ("suffixes", "sentence"),
    [
        ((".pdf",), "Reads PDF (.pdf) files."),
        ((".txt", ".text", ".pdf"), "Reads plain text (.txt, .text) and PDF (.pdf) files."),
        ((".md", ".rtf", ".docx"), "Reads Markdown (.md), RTF (.rtf) and Word (.docx) files."),
    ],
)
def test_formats_sentence_groups_suffixes_by_name(suffixes: tuple[str, ...], sentence: str) -> None:
    assert formats_sentence(suffixes) == sentence


def test_colours_come_from_the_palette(panel: WelcomePanel) -> None:
    styled = [w for w in panel.findChildren(QWidget) if w.styleSheet()]
    assert not styled and not panel.styleSheet()
    assert panel.hint.foregroundRole() == QPalette.ColorRole.PlaceholderText
    assert panel.formats.foregroundRole() == QPalette.ColorRole.PlaceholderText


@pytest.mark.parametrize("size", [(1366, 700), (800, 560)])
def test_text_is_not_squeezed(qtbot: QtBot, panel: WelcomePanel, size: tuple[int, int]) -> None:
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    for label in panel.findChildren(QLabel):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert label.width() >= 400, label.text()  # a readable measure, not the buttons' width
    left = panel.import_button.mapTo(panel, panel.import_button.rect().topLeft()).x()
    right = panel.demo_button.mapTo(panel, panel.demo_button.rect().topRight()).x()
    assert abs((left + right) / 2 - size[0] / 2) <= 2  # the buttons sit in the middle
