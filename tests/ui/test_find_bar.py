"""The find bar over a real DocumentView: incremental matches, next/previous, wrap, Esc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from factdesk.core.statuses import FALSE
from factdesk.ui.colours import status_colours
from factdesk.ui.document_view import DocumentView
from factdesk.ui.find_bar import FindBar, find_all, fold_for_search

TEXT = (
    "Paris 🇫🇷: the minister said “growth” was back.\n"
    "GROWTH 😀 of £5bn, he said. Growth!\n"
    "Critics called it ‘growth’ on paper."
)
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def bar(qtbot) -> Iterator[FindBar]:
    window = QWidget()
    qtbot.addWidget(window)
    view = DocumentView(window)
    find = FindBar(view, window)
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(find)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.show_document(1, TEXT, (), ())
    yield find


def view_of(bar: FindBar) -> DocumentView:
    return bar.parentWidget().findChild(DocumentView)


def selected(bar: FindBar) -> str:
    span = view_of(bar).selected_span()
    assert span is not None
    return TEXT[span[0] : span[1]]


def growth_starts() -> list[int]:
    return [TEXT.casefold().index(word) for word in ("growth”", "growth 😀", "growth!", "growth’")]


def test_hidden_until_opened_then_focused(bar, qtbot):
    assert bar.isHidden()
    bar.open_bar()
    assert bar.isVisible()
    qtbot.waitUntil(bar.field.hasFocus)


def test_typing_finds_case_insensitively_from_the_first_match(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "growth")
    assert bar.match_count() == 4
    assert bar.count_label.text() == "1 of 4"
    assert view_of(bar).selected_span() == (growth_starts()[0], growth_starts()[0] + 6)
    assert selected(bar) == "growth"


def test_enter_moves_on_and_wraps_shift_enter_goes_back(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "growth")
    seen = []
    for _ in range(4):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        seen.append((bar.count_label.text(), selected(bar)))
    assert seen == [
        ("2 of 4", "GROWTH"),
        ("3 of 4", "Growth"),
        ("4 of 4", "growth"),
        ("1 of 4", "growth"),
    ]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == "4 of 4"
    assert view_of(bar).selected_span()[0] == growth_starts()[3]


def test_f3_and_shift_f3(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "said")
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count_label.text() == "2 of 2"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert bar.count_label.text() == "1 of 2"


def test_straight_quotes_find_curly_ones(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "'growth'")
    assert bar.count_label.text() == "1 of 1"
    assert selected(bar) == "‘growth’"
    bar.field.clear()
    qtbot.keyClicks(bar.field, '"GROWTH"')
    assert selected(bar) == "“growth”"


def test_no_matches_is_said_and_marks_the_field(bar, qtbot):
    normal = bar.field.palette().color(QPalette.ColorRole.Base)
    bar.open_bar()
    qtbot.keyClicks(bar.field, "zebra")
    assert bar.count_label.text() == "No matches"
    assert bar.field.property("noMatch") is True
    marked = bar.field.palette().color(QPalette.ColorRole.Base)
    assert marked == status_colours(FALSE, dark=False).fill != normal
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # nothing to move to: no error
    bar.field.clear()
    assert bar.count_label.text() == ""
    assert bar.field.palette().color(QPalette.ColorRole.Base) == normal


def test_escape_closes_and_gives_focus_back_to_the_view(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "minister")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    qtbot.waitUntil(view_of(bar).hasFocus)
    assert selected(bar) == "minister"  # the match stays selected


def test_reopening_preselects_the_query(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "paper")
    bar.close_bar()
    bar.open_bar()
    assert bar.field.selectedText() == "paper"
    assert bar.count_label.text() == "1 of 1"


def test_matches_follow_a_new_document(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "said")
    view = view_of(bar)
    view.show_document(2, "😀 He said so, she said so, they said so.", (), ())
    bar.find_next()
    assert bar.count_label.text() == "1 of 3"
    assert view.text()[slice(*view.selected_span())] == "said"


def test_search_finds_a_query_handed_over(bar):
    bar.open_bar()
    bar.search("said")
    assert bar.field.text() == "said"
    assert bar.count_label.text() == "1 of 2"
    bar.find_next()
    bar.search("said")  # the same query again starts over from the reader's place
    assert selected(bar) == "said"
    assert bar.match_count() == 2


def test_fold_keeps_length_so_offsets_carry_over():
    text = "İstanbul ‘Quote’ “Big” ÉTÉ"
    folded = fold_for_search(text)
    assert len(folded) == len(text)
    assert folded.endswith("'quote' \"big\" été")
    assert find_all(fold_for_search("Aa aA a"), "AA") == [0, 3]
    assert find_all("abc", "") == []
