"""The claim editor's other reports of a claim: found on the worker, shown with a word-level
diff, linked in one click (and unlinked by undo), shown in their document on a double click."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from window_helpers import drop, make_claim, wait_undo, write

from factdesk.core.corroborate import DiffPart, Match
from factdesk.core.records import ClaimInfo, Span
from factdesk.services import Desk
from factdesk.ui.corroboration_view import CorroborationView, diff_html
from factdesk.ui.main_window import MainWindow
from factdesk.ui.models.variant_list import (
    DOC_ROLE,
    MATCH_ROLE,
    VariantListModel,
    score_label,
)

QUOTE = (
    "This is a once-in-a-generation moment for our national security, and we will work with "
    "the United States to secure Ukraine's future"
)
ARTICLES = {
    # the claim is made here (straight quotes, hyphens)
    "a-summit.txt": "Summit in Paris\n"
    f'The Prime Minister said: "{QUOTE}." He flew home on Monday.\n',
    # curly quotes and apostrophe, no hyphens
    "b-wire.txt": "Wire report\n"
    "“This is a once in a generation moment for our national security, and we will work "
    "with the United States to secure Ukraine’s future,” Starmer told reporters.\n",
    # capitals and a typo ("Sates")
    "c-daily.txt": "Daily paper\n"
    "‘THIS is a Once-In-A-Generation moment for our National Security, and we will work "
    "with the United Sates to secure Ukraine’s future,’ the PM said.\n",
    # only a phrase in common
    "d-opinion.txt": "Opinion\n"
    "Critics said our national security depends on far more than one summit in Paris, and "
    "that the talks achieved little for anyone.\n",
}


def _import_articles(window: MainWindow, qtbot: Any, tmp_path: Path) -> dict[str, int]:
    drop(window, [write(tmp_path, name, text) for name, text in ARTICLES.items()])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == len(ARTICLES), timeout=8000)
    return {d.title: d.id for d in window.documents.model.documents()}


def _claim_with_reports(window: MainWindow, qtbot: Any, tmp_path: Path) -> tuple[dict, int]:
    docs = _import_articles(window, qtbot, tmp_path)
    window.documents.select(docs["Summit in Paris"])
    qtbot.waitUntil(lambda: window.view.document_id() == docs["Summit in Paris"], timeout=5000)
    claim_id = make_claim(window, qtbot, QUOTE)
    window.editor.tabs.setCurrentWidget(window.editor.sources)
    return docs, claim_id


def _view(window: MainWindow) -> CorroborationView:
    return window.editor.sources.corroboration


def _wait_summary(window: MainWindow, qtbot: Any, text: str) -> None:
    qtbot.waitUntil(lambda: _view(window).summary() == text, timeout=8000)


def test_the_editor_says_where_else_the_claim_is_reported_and_how_it_differs(
    window: MainWindow, qtbot: Any, tmp_path: Path, qtmodeltester: Any
) -> None:
    docs, _ = _claim_with_reports(window, qtbot, tmp_path)
    _wait_summary(window, qtbot, "Also reported in 2 documents")
    view = _view(window)
    qtmodeltester.check(view.model)
    shown = {view.model.index(r).data(DOC_ROLE) for r in range(view.model.rowCount())}
    assert shown == {docs["Wire report"], docs["Daily paper"]}  # not the opinion piece

    assert not view.rows[0].isVisible()  # closed until asked for
    qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
    assert view.is_expanded()
    rows = {row.match.doc: row for row in view.rows}
    assert all(row.isVisible() for row in rows.values())
    daily = rows[docs["Daily paper"]]
    assert daily.title.full_text() == "Daily paper"
    assert daily.diff.textFormat() == Qt.TextFormat.RichText
    html = daily.diff.text()
    assert ">States</s>" in html  # the claim's word, struck through
    assert ">Sates</span>" in html  # the report's typo, highlighted
    assert "National Security" in html  # the report's own spelling where the words agree
    assert rows[docs["Wire report"]].score.text() == "same words"
    assert daily.score.text().endswith("% alike")


def test_link_quotes_the_report_and_undo_unlinks_it(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    docs, claim_id = _claim_with_reports(window, qtbot, tmp_path)
    _wait_summary(window, qtbot, "Also reported in 2 documents")
    view = _view(window)
    view.set_expanded(True)
    daily = next(row for row in view.rows if row.match.doc == docs["Daily paper"])
    match = daily.match
    qtbot.mouseClick(daily.link_button, Qt.MouseButton.LeftButton)

    wait_undo(window, qtbot, "Link")
    spans = {(s.doc, s.start, s.end) for s in other.claim(claim_id).spans}
    assert (docs["Daily paper"], match.start, match.end) in spans
    _wait_summary(window, qtbot, "Also reported in 1 document")
    assert [row.match.doc for row in view.rows] == [docs["Wire report"]]
    quoted = window.editor.sources.spans
    qtbot.waitUntil(lambda: quoted.rowCount() == 2, timeout=5000)

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(other.claim(claim_id).spans) == 1, timeout=5000)
    _wait_summary(window, qtbot, "Also reported in 2 documents")


def test_double_click_shows_the_report_in_its_document_with_the_claim_still_selected(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    docs, claim_id = _claim_with_reports(window, qtbot, tmp_path)
    _wait_summary(window, qtbot, "Also reported in 2 documents")
    view = _view(window)
    view.set_expanded(True)
    wire = next(row for row in view.rows if row.match.doc == docs["Wire report"])
    qtbot.mouseDClick(wire.diff, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view.document_id() == docs["Wire report"], timeout=5000)
    qtbot.waitUntil(
        lambda: window.view.selected_span() == (wire.match.start, wire.match.end), timeout=5000
    )
    assert window.claims.current_id() == claim_id
    assert window.editor.claim() is not None and window.editor.claim().id == claim_id


def test_a_claim_reported_nowhere_else_says_so(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    docs = _import_articles(window, qtbot, tmp_path)
    window.documents.select(docs["Opinion"])
    qtbot.waitUntil(lambda: window.view.document_id() == docs["Opinion"], timeout=5000)
    make_claim(window, qtbot, "the talks achieved little for anyone")
    window.editor.tabs.setCurrentWidget(window.editor.sources)
    _wait_summary(window, qtbot, "Not found in other documents")
    assert not _view(window).toggle.isEnabled()


# --- the view alone: debounce, stale answers, escaping --------------------------------------


def _claim(claim_id: int, doc: int = 1) -> ClaimInfo:
    span = Span(claim_id, claim_id, doc, 0, 10, "a quote", "", "", "ok")
    return ClaimInfo(claim_id, "text", None, None, None, "unchecked", "", "t", "t", 1, (span,))


def _match(doc: int, claim_word: str = "States", report_word: str = "States") -> Match:
    op = "equal" if claim_word == report_word else "replace"
    diff = (DiffPart("equal", "the United", "the United"), DiffPart(op, claim_word, report_word))
    return Match(doc, 0, 17, f"the United {report_word}", 0.9, diff)


def test_a_newer_selection_drops_the_older_answer_and_pauses_are_searched_once(
    qtbot: Any, run: Any
) -> None:
    view = CorroborationView()
    qtbot.addWidget(view)
    view.show()
    asked: list[int] = []
    answers: dict[int, asyncio.Future[list[Match]]] = {}

    async def find(claim_id: int) -> list[Match]:
        asked.append(claim_id)
        answers[claim_id] = asyncio.get_running_loop().create_future()
        if claim_id == 4:  # as a search already running on the worker: it cannot be stopped
            return await asyncio.shield(answers[claim_id])
        return await answers[claim_id]

    view.set_finder(find)
    for claim_id in (1, 2, 3):  # the person runs down the claims table
        view.show_claim(_claim(claim_id))
    qtbot.waitUntil(lambda: asked == [3], timeout=3000)
    assert view.summary() == "Looking for other reports…"

    view.show_claim(_claim(4))
    assert answers[3].cancelled()  # the search for claim 3 was called off
    qtbot.waitUntil(lambda: asked == [3, 4], timeout=3000)
    view.show_claim(_claim(5))
    answers[4].set_result([_match(7)])  # an answer for a claim no longer selected
    qtbot.waitUntil(lambda: asked == [3, 4, 5], timeout=3000)
    qtbot.wait(50)
    assert view.model.rowCount() == 0
    assert view.summary() == "Looking for other reports…"
    answers[5].set_result([_match(8), _match(9)])
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=3000)
    assert view.summary() == "Also reported in 2 documents"

    view.show_claim(None)
    assert view.model.rowCount() == 0 and not view.toggle.isVisible()


def test_a_hidden_view_searches_when_shown(qtbot: Any, run: Any) -> None:
    view = CorroborationView()
    qtbot.addWidget(view)
    asked: list[int] = []

    async def find(claim_id: int) -> list[Match]:
        asked.append(claim_id)
        return []

    view.set_finder(find)
    view.show_claim(_claim(1))
    qtbot.wait(400)
    assert asked == []  # the tab is not on screen: the worker is left alone
    view.show()
    qtbot.waitUntil(lambda: view.summary() == "Not found in other documents", timeout=3000)
    assert asked == [1]


def test_the_diff_escapes_every_word() -> None:
    parts = (
        DiffPart("equal", "<b>x</b>", "<img src='file:///etc/passwd'>"),
        DiffPart("replace", "a & b", "<i>c</i>"),
        DiffPart("delete", "<s>gone", ""),
        DiffPart("insert", "", "new>"),
    )
    html = diff_html(parts, removed="#b3261e", added="#cdeccf")
    assert "<img" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;img src=&#x27;file:///etc/passwd&#x27;&gt;" in html
    assert '<s style="color:#b3261e">a &amp; b</s>' in html
    assert '<s style="color:#b3261e">&lt;s&gt;gone</s>' in html
    assert "new&gt;</span>" in html


def test_variant_list_model(qtmodeltester: Any) -> None:
    model = VariantListModel(lambda doc: f"Doc {doc}")
    model.set_matches([_match(3), _match(4, "States", "Sates")])
    qtmodeltester.check(model)
    assert model.index(0).data() == "Doc 3 · same words"
    assert model.index(1).data() == "Doc 4 · 90% alike"
    assert model.index(1).data(MATCH_ROLE).doc == 4
    nearly = Match(5, 0, 17, "the United Sates", 0.996, _match(5, "States", "Sates").diff)
    assert score_label(nearly) == "99% alike"  # never 100% with a word changed
    model.drop_documents({3})
    qtmodeltester.check(model)
    assert [model.match_at(r).doc for r in range(model.rowCount())] == [4]
