"""The Suggestions tab on a real desk: accept (a claim at the span, with its speaker and date),
dismiss (for good), accept a speaker's quotes at once, each one undo step; the list follows the
open document and its claims; the article dots what the list shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QMenu
from window_helpers import drop, wait_undo, write

from factdesk.core.suggest import Suggestion
from factdesk.services import Desk
from factdesk.ui.main_window import MainWindow
from factdesk.ui.models.suggestion_list import (
    COL_KIND,
    COL_SCORE,
    COL_SPEAKER,
    COL_TEXT,
    SuggestionFilterModel,
    SuggestionListModel,
    key_of,
)
from factdesk.ui.suggestion_flow import one_per_span
from factdesk.ui.suggestions_panel import SuggestionsPanel

# Curly and straight quotes, a quote over two paragraphs, a scare quote, figures; the date
# comes from the page's metadata.
DEFENCE = """<!doctype html><html><head><title>Starmer pledges defence boost</title>
<meta property="article:published_time" content="2025-02-17T09:30:00Z"></head>
<body><article><h1>Starmer pledges defence boost</h1>
<p>The Prime Minister, Keir Starmer, said: “We will spend 2.5 per cent of GDP on defence by
2027, and we will do it without raising taxes.”</p>
<p>“Britain must take a leading responsibility in keeping the peace,” Sir Keir said.</p>
<p>Critics called the plan a “fantasy” on Monday.</p>
<p>Defence Secretary John Healey said: "The armed forces will grow by 10,000 troops over the
next five years, because the threats we face are growing."</p>
<p>Mr Starmer added: “Europe must play its role, and I am prepared to commit British forces
on the ground.</p>
<p>“But there must be a US backstop, because a US security guarantee is the only way to deter
Russia from attacking again.”</p>
<p>The defence budget rose by £2.2bn last year, official figures show.</p>
</article></body></html>
"""

HOSPITALS = """Hospital waiting lists fall
The Health Secretary, Wes Streeting, said: ‘We have cut the waiting list by 200,000 since
the summer, and we will keep going until every patient is seen on time.’
Nurses called the claim ‘misleading’.
"""

LEADING = "Britain must take a leading responsibility in keeping the peace"
HEALEY = "The armed forces will grow by 10,000 troops over the next five years"
BACKSTOP = "But there must be a US backstop"


# --- helpers -----------------------------------------------------------------------------


def open_article(window: MainWindow, qtbot: Any, tmp_path: Path, name: str, text: str) -> int:
    """Import one article, open it and show the Suggestions tab; return the document's id."""
    known = window.documents.model.rowCount()
    drop(window, [write(tmp_path, name, text)])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == known + 1, timeout=5000)
    doc_id = max(d.id for d in window.documents.model.documents())
    window.documents.select(doc_id)
    qtbot.waitUntil(lambda: window.view.document_id() == doc_id, timeout=5000)
    window.left.setCurrentWidget(window.suggestions)
    wait_listed(window, qtbot)
    return doc_id


def wait_listed(window: MainWindow, qtbot: Any) -> None:
    panel = window.suggestions
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)


def listed_texts(panel: SuggestionsPanel) -> list[str]:
    return [" ".join(s.text.split()) for s in panel.shown()]


def figure_of(panel: SuggestionsPanel, figure: str) -> Suggestion:
    found = [s for s in panel.shown() if s.kind == "number" and figure in (s.figure or "")]
    assert found, f"no figure {figure!r}: {listed_texts(panel)}"
    return found[0]


def quote_of(panel: SuggestionsPanel, words: str) -> Suggestion:
    found = [s for s in panel.shown() if s.kind == "quote" and words in " ".join(s.text.split())]
    assert found, f"no quotation {words!r}: {listed_texts(panel)}"
    return found[0]


def choose(window: MainWindow, qtbot: Any, suggestion: Suggestion) -> None:
    panel = window.suggestions
    assert panel.select(key_of(suggestion))
    panel.focus_list()
    qtbot.waitUntil(lambda: window.view.selected_span() is not None, timeout=5000)


def is_listed(panel: SuggestionsPanel, suggestion: Suggestion) -> Callable[[], bool]:
    return lambda: panel.model.row_of(key_of(suggestion)) is not None


def press(window: MainWindow, qtbot: Any, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    table = window.suggestions.table
    table.setFocus()
    qtbot.keyClick(table, key)


# --- the model ---------------------------------------------------------------------------


def suggestion(
    kind: str, start: int, text: str, speaker: str | None, score: float, **extra: Any
) -> Suggestion:
    return Suggestion(kind, start, start + len(text), text, speaker, score, **extra)


FOUND = [
    suggestion("quote", 10, "We will spend more", "Keir Starmer", 0.95, said_as="Sir Keir"),
    suggestion("quote", 40, "bridge", None, 0.1),
    suggestion("number", 60, "It rose by £2.2bn last year.", None, 0.8, figure="£2.2bn"),
    suggestion("quote", 90, "and carried on here", "Keir Starmer", 0.95, continues=0),
    suggestion("quote", 120, "The forces will grow", "John Healey", 0.9),
]


def test_the_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SuggestionListModel()
    model.set_suggestions(FOUND)
    qtmodeltester.check(model)
    proxy = SuggestionFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_fragments(True)
    proxy.set_speaker("Keir Starmer")
    qtmodeltester.check(proxy)
    model.remove(key_of(FOUND[0]))
    qtmodeltester.check(model)


def test_rows_show_kind_speaker_score_and_words_or_figure() -> None:
    model = SuggestionListModel()
    model.set_suggestions(reversed(FOUND))  # listed in text order all the same

    def row(r: int) -> list[str]:
        return [model.index(r, c).data() for c in (COL_KIND, COL_SPEAKER, COL_SCORE, COL_TEXT)]

    assert row(0) == ["Quote", "Keir Starmer", "95%", "“We will spend more”"]
    assert row(1) == ["Fragment", "—", "10%", "“bridge”"]
    assert row(2) == ["Figure", "", "80%", "£2.2bn — It rose by £2.2bn last year."]
    assert row(3)[3] == "↳ “and carried on here”"  # the quote goes on from a paragraph before
    assert "as “Sir Keir”" in model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, COL_TEXT).data(Qt.ItemDataRole.FontRole).italic()


def test_the_filter_hides_fragments_unless_asked_and_keeps_one_speaker() -> None:
    model = SuggestionListModel()
    model.set_suggestions(FOUND)
    proxy = SuggestionFilterModel()
    proxy.setSourceModel(model)
    assert [s.start for s in proxy.shown()] == [10, 60, 90, 120]
    proxy.set_fragments(True)
    assert [s.start for s in proxy.shown()] == [10, 40, 60, 90, 120]
    proxy.set_speaker("Keir Starmer")
    assert [s.start for s in proxy.shown()] == [10, 90]


def test_two_figures_of_one_sentence_are_one_suggestion() -> None:
    sentence = "We will spend 2.5 per cent of GDP by 2027."
    merged = one_per_span(
        [
            suggestion("number", 5, sentence, None, 0.8, figure="2.5 per cent of GDP"),
            suggestion("number", 5, sentence, None, 0.3, figure="2027"),
            suggestion("quote", 5, sentence, "Keir Starmer", 0.95),
        ]
    )
    assert [(s.kind, s.figure, s.score) for s in merged] == [
        ("number", "2.5 per cent of GDP, 2027", 0.8),
        ("quote", None, 0.95),
    ]


# --- the window --------------------------------------------------------------------------


def test_the_panel_lists_full_quotations_and_figures_of_the_open_article(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    healey = quote_of(panel, HEALEY)  # in straight quotes
    assert healey.speaker == "John Healey"
    backstop = quote_of(panel, BACKSTOP)  # the second paragraph of a quotation
    assert (backstop.speaker, backstop.continues is not None) == ("Keir Starmer", True)
    assert any(s.kind == "number" and s.figure == "£2.2bn last year" for s in panel.shown())
    assert not any("fantasy" in s.text for s in panel.shown())  # a scare quote: hidden
    panel.fragments.setChecked(True)
    assert any(s.text == "fantasy" for s in panel.shown())
    panel.speaker.setCurrentText("John Healey")
    assert [s.speaker for s in panel.shown()] == ["John Healey"]


def test_accepting_makes_the_claim_at_the_span_with_speaker_and_date_and_undo_removes_it(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    doc_id = open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    leading = quote_of(panel, LEADING)
    choose(window, qtbot, leading)
    assert window.view.selected_span() == (leading.start, leading.end)  # shown in the article
    press(window, qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(other.claims()) == 1, timeout=5000)
    claim = other.claims()[0]
    span = claim.spans[0]
    assert (span.doc, span.start, span.end) == (doc_id, leading.start, leading.end)
    assert (claim.speaker, claim.date) == ("Keir Starmer", "2025-02-17")
    qtbot.waitUntil(lambda: not is_listed(panel, leading)(), timeout=5000)
    assert panel.current() is not None  # the next one is selected, ready for Enter again
    qtbot.waitUntil(lambda: window.claims.current_id() == claim.id, timeout=5000)
    message = window.statusBar().currentMessage()
    assert "“Sir Keir” now names Keir Starmer" in message  # the alias stays on undo: said so
    wait_undo(window, qtbot, "Accept suggestion")

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: other.claims() == [], timeout=5000)
    qtbot.waitUntil(is_listed(panel, leading), timeout=5000)  # offered again
    assert "Sir Keir" in next(s.aliases for s in other.speakers() if s.name == "Keir Starmer")


def test_dismissing_hides_it_for_good_and_undo_brings_it_back(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk, run: Callable[..., Any]
) -> None:
    doc_id = open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    budget = figure_of(panel, "£2.2bn")
    choose(window, qtbot, budget)
    press(window, qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not is_listed(panel, budget)(), timeout=5000)
    wait_undo(window, qtbot, "Dismiss suggestion")
    assert (budget.kind, budget.start, budget.end) in other.dismissed_suggestions(doc_id)

    window.actions_.undo.trigger()
    qtbot.waitUntil(is_listed(panel, budget), timeout=5000)
    assert other.dismissed_suggestions(doc_id) == frozenset()
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: not is_listed(panel, budget)(), timeout=5000)

    assert run(window.open_desk(window.client.path, create=False))  # close it, open it again
    qtbot.waitUntil(lambda: window.view.document_id() == doc_id, timeout=5000)
    window.left.setCurrentWidget(window.suggestions)
    wait_listed(window, qtbot)
    assert not is_listed(panel, budget)()  # still hidden on the reopened desk
    assert is_listed(panel, quote_of(panel, HEALEY))()


def test_accept_all_makes_every_listed_quote_of_one_speaker_in_one_undo_step(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    theirs = [s for s in panel.shown() if s.kind == "quote" and s.speaker == "Keir Starmer"]
    assert len(theirs) == 4  # two quotes, and one over two paragraphs
    choose(window, qtbot, quote_of(panel, LEADING))
    assert panel.accept_all_button.text() == "Accept all 4 quotes by Keir Starmer"
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(other.claims()) == 4, timeout=5000)
    made = sorted((c.spans[0].start, c.spans[0].end, c.speaker) for c in other.claims())
    assert made == [(s.start, s.end, "Keir Starmer") for s in theirs]
    qtbot.waitUntil(lambda: not any(is_listed(panel, s)() for s in theirs), timeout=5000)
    assert is_listed(panel, quote_of(panel, HEALEY))()  # another speaker's quote stays
    wait_undo(window, qtbot, "Accept 4 quotes by Keir Starmer")

    window.actions_.undo.trigger()  # one step for the four
    qtbot.waitUntil(lambda: other.claims() == [], timeout=5000)
    qtbot.waitUntil(lambda: all(is_listed(panel, s)() for s in theirs), timeout=5000)
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: len(other.claims()) == 4, timeout=5000)


def test_the_panel_follows_the_open_document(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    defence = open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    hospitals = open_article(window, qtbot, tmp_path, "hospitals.txt", HOSPITALS)
    panel = window.suggestions
    qtbot.waitUntil(lambda: any("waiting list" in t for t in listed_texts(panel)), timeout=5000)
    assert not any(HEALEY in t for t in listed_texts(panel))
    assert quote_of(panel, "waiting list").speaker == "Wes Streeting"
    window.documents.select(defence)
    qtbot.waitUntil(lambda: any(HEALEY in t for t in listed_texts(panel)), timeout=5000)
    assert not any("waiting list" in t for t in listed_texts(panel))
    assert hospitals != defence


def test_a_suggestion_quoted_by_a_new_claim_disappears(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    healey = quote_of(panel, HEALEY)
    words = " ".join(healey.text.split())
    assert window.view.text()[healey.start : healey.end] == healey.text
    window.view.reveal_span(healey.start, healey.end)
    window.activateWindow()
    window.view.setFocus()
    window.actions_.new_claim.trigger()  # Ctrl+Enter on the selected words
    qtbot.waitUntil(lambda: not is_listed(panel, healey)(), timeout=5000)
    assert not any(words in t for t in listed_texts(panel))
    assert is_listed(panel, quote_of(panel, LEADING))()


def test_the_article_dots_suggestions_only_while_they_are_shown(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel, view = window.suggestions, window.view
    assert {m.key for m in view.suggestion_marks()} == {key_of(s) for s in panel.shown()}
    healey = quote_of(panel, HEALEY)
    choose(window, qtbot, healey)
    assert view.current_suggestion() == key_of(healey)
    view.setTextCursor(QTextCursor(view.document()))  # no text selected: only the dots differ
    dotted = grab(view)

    window.left.setCurrentIndex(0)  # the Documents tab: the article is plain again
    assert view.suggestion_marks() == ()
    assert grab(view) != dotted
    window.actions_.show_suggestions.setChecked(True)  # View ▸ Show suggestions
    qtbot.waitUntil(lambda: len(view.suggestion_marks()) > 0, timeout=5000)
    window.actions_.show_suggestions.setChecked(False)
    assert view.suggestion_marks() == ()


def grab(view: Any) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def test_clicking_a_dotted_suggestion_selects_it_in_the_list(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel, view = window.suggestions, window.view
    healey = quote_of(panel, HEALEY)
    view.reveal_span(healey.start, healey.start, select=False)
    cursor = QTextCursor(view.document())
    cursor.setPosition(healey.start + 5)  # no emoji before it: positions are offsets here
    rect = view.cursorRect(cursor)
    point = QPoint(rect.right() + 3, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: panel.current() == healey, timeout=5000)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_claim_speakers_opens_one_speakers_window(window: MainWindow, qtbot: Any) -> None:
    from factdesk.ui.speakers_dialog import SpeakersDialog

    action = window.actions_.speakers
    claim_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Claim")
    assert action in claim_menu.actions()
    assert action.isEnabled()  # a desk is open
    action.trigger()
    qtbot.waitUntil(lambda: len(window.findChildren(SpeakersDialog)) == 1, timeout=5000)
    dialog = window.findChildren(SpeakersDialog)[0]
    assert dialog.isVisible()
    action.trigger()  # again: the same window comes forward
    assert window.findChildren(SpeakersDialog) == [dialog]
    dialog.close()


@pytest.mark.parametrize("gesture", ["accept", "dismiss"])
def test_enter_and_delete_without_a_selection_do_nothing(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk, gesture: str
) -> None:
    doc_id = open_article(window, qtbot, tmp_path, "defence.html", DEFENCE)
    panel = window.suggestions
    assert panel.current() is None
    action = getattr(window.actions_, f"{gesture}_suggestion")
    assert not action.isEnabled()
    press(window, qtbot, Qt.Key.Key_Return if gesture == "accept" else Qt.Key.Key_Delete)
    qtbot.wait(100)
    assert other.claims() == []
    assert other.dismissed_suggestions(doc_id) == frozenset()
