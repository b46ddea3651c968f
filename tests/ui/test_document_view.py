"""The reading pane through the real widget: selection offsets, reveal, clicks, tooltips, paint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from factdesk.core.noise import NoiseRange
from factdesk.core.offsets import cp_to_utf16, utf16_to_cp
from factdesk.core.statuses import FALSE, MISLEADING, VERIFIED
from factdesk.ui.colours import noise_colour, status_colours
from factdesk.ui.doc_positions import DocumentPositions
from factdesk.ui.document_view import DocumentView, ViewHighlight
from factdesk.ui.highlight_index import tooltip_text

CREDIT = "(Image: Getty Images)"
TEXT = "\n".join(
    [
        "Paris 🇫🇷 summit: “growth” pledged, £5bn 😀 promised.",
        "The minister 😀 said “we will 🇫🇷 deliver” on Monday.",
        CREDIT,
        "A plain closing paragraph with no claims in it at all.",
    ]
)


def at(word: str, nth: int = 0) -> int:
    """Code-point offset of the nth occurrence of `word` in TEXT."""
    offset = -1
    for _ in range(nth + 1):
        offset = TEXT.index(word, offset + 1)
    return offset


def span_of(word: str) -> tuple[int, int]:
    return at(word), at(word) + len(word)


PLEDGED = ViewHighlight(1, 10, *span_of("“growth” pledged"), VERIFIED, "Growth pledged — Verified")
OUTER = ViewHighlight(2, 20, *span_of("said “we will 🇫🇷 deliver”"), FALSE, "Outer — False")
INNER = ViewHighlight(3, 30, *span_of("we will"), MISLEADING, "Inner — Misleading")
HIGHLIGHTS = (PLEDGED, OUTER, INNER)
NOISE = (NoiseRange(*span_of(CREDIT), "credit"),)


@pytest.fixture
def view(qtbot) -> Iterator[DocumentView]:
    widget = DocumentView()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_document(7, TEXT, NOISE, HIGHLIGHTS)
    yield widget


def qt_position(view: DocumentView, offset: int) -> int:
    """Qt position of a code-point offset: "\\n" and Qt's block break are both one unit."""
    return cp_to_utf16(view.text(), offset)


def select(view: DocumentView, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position(view, start))
    cursor.setPosition(qt_position(view, end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def selected_text(view: DocumentView) -> str:
    return view.textCursor().selectedText().replace("\u2029", "\n")


def char_point(view: DocumentView, offset: int) -> QPoint:
    """The viewport pixel in the middle of the character at code-point `offset`."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position(view, offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(qt_position(view, offset + 1))
    right = view.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def line_top(view: DocumentView, offset: int) -> int:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position(view, offset))
    return view.cursorRect(cursor).top()


def click(qtbot, view: DocumentView, point: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def pixel(view: DocumentView, point: QPoint) -> QColor:
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    scale = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * scale), int(point.y() * scale))


# --- selection and reveal ---------------------------------------------------------------------

SPANS = [
    ("summit", "pledged"),  # a flag before, on one line
    ("“growth”", "minister 😀 said"),  # emoji inside, across a paragraph break
    ("😀 promised", "🇫🇷 deliver"),  # starts on an emoji, flag inside, across paragraphs
    ("Paris 🇫🇷", "Getty Images)"),  # flag inside, across three paragraphs
]


@pytest.mark.parametrize(("first", "last"), SPANS)
def test_selected_span_gives_code_points_of_exactly_the_selected_text(view, first, last):
    start, end = at(first), at(last) + len(last)
    select(view, start, end)
    assert view.selected_span() == (start, end)
    assert view.text()[start:end] == selected_text(view)


def test_no_selection_is_none(view):
    select(view, at("said"), at("said"))
    assert view.selected_span() is None


def test_selecting_with_shift_keys_counts_a_flag_as_two_code_points(view, qtbot):
    flag = at("🇫🇷", 1)
    select(view, flag, flag)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (flag, flag + 2)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selected_span()
    assert view.text()[start:end] == "🇫🇷 deliver” on Monday."
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selected_span()
    assert view.text()[start:end] == selected_text(view)
    assert view.text()[start:end].startswith("🇫🇷 deliver” on Monday.\n(Image")


def test_selecting_by_mouse_drag_across_paragraphs(view, qtbot):
    start, end = at("£5bn"), at("minister") + len("minister")
    begin = char_point(view, start) - QPoint(3, 0)  # just left of "£": nearest boundary
    finish = char_point(view, end - 1) + QPoint(4, 0)  # just right of the final "r"
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(viewport, begin + QPoint(20, 0))
    qtbot.mouseMove(viewport, finish)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    assert view.selected_span() == (start, end)
    assert view.text()[start:end] == "£5bn 😀 promised.\nThe minister"


@pytest.mark.parametrize(("first", "last"), SPANS)
def test_reveal_span_selects_exactly_those_code_points(view, first, last):
    start, end = at(first), at(last) + len(last)
    view.reveal_span(start, end)
    assert selected_text(view) == TEXT[start:end]
    assert view.selected_span() == (start, end)


def test_reveal_span_without_select_keeps_the_selection(view):
    select(view, at("Paris"), at("summit"))
    view.reveal_span(*span_of("Monday"), select=False)
    assert view.selected_span() == (at("Paris"), at("summit"))


def test_reveal_span_scrolls_a_far_paragraph_to_the_middle(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    lines = [f"Paragraph {n} says “something” about £{n} 😀 and more." for n in range(300)]
    text = "\n".join(lines)
    target = text.index("Paragraph 150 ")
    view.show_document(1, text, (), ())
    view.reveal_span(target, target + 13)
    assert view.selected_span() == (target, target + 13)
    caret = view.cursorRect()
    middle = view.viewport().height() / 2
    assert abs(caret.center().y() - middle) <= 2 * caret.height()


# --- highlights, clicks and tooltips ------------------------------------------------------------


def test_highlights_at_lists_innermost_first(view):
    assert view.highlights_at(at("will")) == [INNER, OUTER]
    assert view.highlights_at(at("deliver")) == [OUTER]
    assert view.highlights_at(at("pledged")) == [PLEDGED]
    assert view.highlights_at(at("Monday")) == []
    assert view.highlights_at(PLEDGED.end) == []  # spans are half-open
    assert view.highlights_at(len(TEXT) + 5) == []


def test_tooltip_text_lists_innermost_first():
    assert tooltip_text([OUTER, INNER]) == "Inner — Misleading\n\nOuter — False"
    assert tooltip_text([PLEDGED]) == "Growth pledged — Verified"
    assert tooltip_text([]) == ""


# showing a tooltip window: the offscreen platform's harmless notice, no bug of ours
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_highlight_shows_its_tooltip(view):
    point = char_point(view, at("will"))
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    try:
        assert QToolTip.text() == "Inner — Misleading\n\nOuter — False"
    finally:
        QToolTip.hideText()


def test_clicking_a_highlight_emits_its_claim(view, qtbot):
    with qtbot.waitSignal(view.claimClicked, timeout=1000) as blocker:
        click(qtbot, view, char_point(view, at("pledged")))
    assert blocker.args == [PLEDGED.claim_id]


def test_clicking_nested_highlights_emits_the_innermost(view, qtbot):
    with qtbot.waitSignal(view.claimClicked, timeout=1000) as blocker:
        click(qtbot, view, char_point(view, at("will")))
    assert blocker.args == [INNER.claim_id]
    with qtbot.waitSignal(view.claimClicked, timeout=1000) as blocker:
        click(qtbot, view, char_point(view, at("deliver")))
    assert blocker.args == [OUTER.claim_id]


def test_clicking_plain_text_or_dragging_emits_nothing(view, qtbot):
    viewport = view.viewport()
    with qtbot.assertNotEmitted(view.claimClicked):
        click(qtbot, view, char_point(view, at("Monday")))
        click(qtbot, view, QPoint(3, 390))  # the empty page below the text
        begin, finish = char_point(view, at("pledged")), char_point(view, at("promised"))
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
        qtbot.mouseMove(viewport, finish)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    assert view.selected_span() is not None


# --- painting ---------------------------------------------------------------------------------


def fill_point(view: DocumentView, word_end: int) -> QPoint:
    """A pixel in the top row of the space after a word: fill shows there, glyphs do not."""
    point = char_point(view, word_end)
    return QPoint(point.x(), line_top(view, word_end) + 1)


def test_highlights_are_painted_under_the_text_and_go_when_removed(view):
    base = view.palette().color(QPalette.ColorRole.Base)
    inside = fill_point(view, at("“growth”") + len("“growth”"))  # the space inside PLEDGED
    outside = fill_point(view, at("summit:") + len("summit:"))
    assert pixel(view, inside) == status_colours(VERIFIED, dark=False).fill
    assert pixel(view, outside) == base
    view.set_highlights([])
    assert pixel(view, inside) == base


def test_highlights_are_underlined_in_their_status_colour(view):
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position(view, at("pledged") + 2))
    rect = view.cursorRect(cursor)
    point = QPoint(char_point(view, at("pledged") + 2).x(), rect.bottom())
    assert pixel(view, point) == status_colours(VERIFIED, dark=False).underline


def test_nested_highlight_is_drawn_inside_the_outer_one(view):
    top = fill_point(view, at("we") + 2)  # the space in "we will": top row shows the outer
    assert pixel(view, top) == status_colours(FALSE, dark=False).fill
    middle = QPoint(top.x(), top.y() + 4)
    assert pixel(view, middle) == status_colours(MISLEADING, dark=False).fill


def test_set_highlights_changes_no_text(view):
    revision = view.document().revision()
    view.set_highlights([ViewHighlight(9, 90, 0, 5, FALSE, "x")])
    assert view.document().revision() == revision
    assert view.highlights_at(2)[0].claim_id == 90
    assert pixel(view, fill_point(view, at("“growth”") + len("“growth”"))) == view.palette().color(
        QPalette.ColorRole.Base
    )


def test_current_claim_gets_an_outline(view):
    point = fill_point(view, at("“growth”") + len("“growth”"))
    assert pixel(view, point) == status_colours(VERIFIED, dark=False).fill
    view.set_current_claim(PLEDGED.claim_id)
    assert pixel(view, point) == status_colours(VERIFIED, dark=False).underline
    view.set_current_claim(None)
    assert pixel(view, point) == status_colours(VERIFIED, dark=False).fill


def darkest(image: QImage, left: int, top: int, width: int, height: int) -> int:
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(left, left + width)
        for y in range(top, top + height)
    )


def test_noise_is_dimmed_not_hidden(view):
    block = view.document().findBlockByNumber(2)
    assert block.text() == CREDIT
    formats = block.layout().formats()
    assert [(f.start, f.length) for f in formats] == [(0, len(CREDIT))]
    assert formats[0].format.foreground().color() == noise_colour(view.palette())
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    noise_top, text_top = line_top(view, at(CREDIT)), line_top(view, at("A plain"))
    left = char_point(view, at(CREDIT)).x()
    dimmed = darkest(image, left, noise_top, 60, 12)
    plain = darkest(image, left, text_top, 60, 12)
    assert plain < 60 < dimmed  # both drawn; the credit clearly lighter


def test_dark_palette_repaints_in_dark_colours(view):
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    view.setPalette(palette)
    inside = fill_point(view, at("“growth”") + len("“growth”"))
    assert pixel(view, inside) == status_colours(VERIFIED, dark=True).fill
    block = view.document().findBlockByNumber(2)
    assert block.layout().formats()[0].format.foreground().color() == noise_colour(palette)


def test_text_column_is_centred_with_a_readable_width(view):
    view.resize(1600, 400)
    margins = view.viewportMargins()
    assert margins.left() == margins.right() > 0
    characters = view.viewport().width() / view.fontMetrics().averageCharWidth()
    assert 70 <= characters <= 80
    view.resize(400, 400)
    assert view.viewportMargins().left() == 0


def test_wheel_over_the_side_margin_scrolls_the_text(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(1400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_document(1, "\n".join(f"Paragraph {n}." for n in range(200)), (), ())
    assert view.viewportMargins().left() > 20
    point = QPointF(10, 150)  # left of the column, outside the viewport
    wheel = QWheelEvent(
        point,
        view.mapToGlobal(point),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    assert view.verticalScrollBar().value() > 0


# --- documents --------------------------------------------------------------------------------


def test_show_and_clear_document(view):
    assert view.document_id() == 7
    assert view.text() == TEXT
    assert view.isReadOnly()
    view.clear_document()
    assert view.document_id() is None
    assert view.text() == ""
    assert view.highlights_at(0) == []


def test_qt_block_breaks_inside_a_paragraph_keep_offsets_aligned(view, qtbot):
    text = "one\u2029two\rthree 😀\nfour 🇫🇷 five"
    four = text.index("four")
    highlight = ViewHighlight(1, 1, four, four + 4, VERIFIED, "four")
    view.show_document(8, text, (), [highlight])
    assert view.document().blockCount() == 2
    view.reveal_span(four, len(text))
    assert view.selected_span() == (four, len(text))
    assert view.highlights_at(four + 1) == [highlight]
    with qtbot.waitSignal(view.claimClicked, timeout=1000) as blocker:
        click(qtbot, view, char_point(view, four + 1))
    assert blocker.args == [1]


def test_stale_highlights_outside_the_text_are_ignored(view):
    view.set_highlights([ViewHighlight(1, 1, 5, 5000, FALSE, ""), PLEDGED])
    assert view.highlights_at(at("pledged")) == [PLEDGED]
    view.viewport().repaint()


@given(
    st.text(alphabet=st.sampled_from(["a", "é", "“", "😀", "🇫", "\n", " "]), max_size=40),
    st.data(),
)
def test_positions_agree_with_core_offsets(text, data):
    positions = DocumentPositions(text)
    line = data.draw(st.integers(0, text.count("\n")))
    content = text.split("\n")[line]
    cp = data.draw(st.integers(0, len(content)))
    assert positions.unit_in_line(line, cp) == cp_to_utf16(content, cp)
    unit = data.draw(st.integers(0, cp_to_utf16(content, len(content))))
    assert positions.to_offset(line, unit) == positions.line_start(line) + utf16_to_cp(
        content, unit
    )
