"""The search panel: snippets drawn safely, debounced typing, stale results dropped, activation.

`FakeSearch` stands in for the window's worker (the real one runs `Desk.search` on the database
thread); the panel under test is real and is driven by typing and clicking.
"""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from factdesk.core.errors import DeskError
from factdesk.core.records import SearchHit
from factdesk.ui.search_panel import (
    ID_ROLE,
    KIND_ROLE,
    SNIPPET_ROLE,
    SearchHitsModel,
    SearchPanel,
    SnippetDelegate,
    elide_runs,
    plain_snippet,
    snippet_html,
    snippet_runs,
)

PARIS = SearchHit("document", 1, "Pledge at Paris summit", "…Sir Keir [Starmer] said: ‘This is…")
VISIT = SearchHit("document", 2, "Starmer to visit Washington", "[Starmer] to visit Washington")
CLAIM = SearchHit("claim", 12, "A once-in-a-generation moment", "moment, said [Starmer]")
HOSTILE = "[<b>x</b>]<img src=http://x>"


class FakeSearch:
    """An async search recording each query; a query with a gate waits until the test opens it."""

    def __init__(self, results: dict[str, list[SearchHit]] | None = None) -> None:
        self.results = results or {}
        self.calls: list[str] = []
        self.finished: list[str] = []
        self.gates: dict[str, asyncio.Event] = {}
        self.error: Exception | None = None

    async def __call__(self, query: str) -> list[SearchHit]:
        self.calls.append(query)
        if query in self.gates:
            await self.gates[query].wait()
        await asyncio.sleep(0)  # a real worker always hands control back at least once
        self.finished.append(query)
        if self.error is not None:
            raise self.error
        return self.results.get(query, [])


@pytest.fixture
def fake() -> FakeSearch:
    return FakeSearch({"starmer": [PARIS, VISIT, CLAIM], "a": [PARIS], "ab": [VISIT]})


@pytest.fixture
def panel(qtbot: QtBot, fake: FakeSearch) -> SearchPanel:
    widget = SearchPanel(fake)
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(panel: SearchPanel) -> list[tuple[str, int]]:
    model = panel.model
    return [(model.hit(r).kind, model.hit(r).id) for r in range(model.rowCount())]


def type_and_wait(qtbot: QtBot, panel: SearchPanel, text: str, status: str) -> None:
    qtbot.keyClicks(panel.query_edit, text)
    qtbot.waitUntil(lambda: panel.status_label.text() == status)


# --- snippets ------------------------------------------------------------------------------


def test_snippet_runs_split_marks_and_drop_the_brackets() -> None:
    assert snippet_runs("…Sir [Keir] [Starmer] said\n‘yes’") == [
        ("…Sir ", False),
        ("Keir", True),
        (" ", False),
        ("Starmer", True),
        (" said ‘yes’", False),
    ]
    assert plain_snippet("a [b] c") == "a b c"


def test_a_bracket_without_its_partner_is_text() -> None:
    assert plain_snippet("a [b c] d] e [f") == "a b c d] e [f"


def test_snippet_html_escapes_everything_from_the_document() -> None:
    assert snippet_html(HOSTILE) == "<b>&lt;b&gt;x&lt;/b&gt;</b>&lt;img src=http://x&gt;"
    assert snippet_html("[Tom] & Jerry") == "<b>Tom</b> &amp; Jerry"


def test_the_delegate_draws_html_from_a_snippet_literally(qtbot: QtBot) -> None:
    model = SearchHitsModel()
    model.set_hits([SearchHit("document", 3, "<i>t</i>", HOSTILE)])
    delegate = SnippetDelegate()
    document = delegate.snippet_document(model.index(0), QFont(), 2000)
    assert document.toPlainText() == "<b>x</b><img src=http://x>"
    assert "&lt;img src=http://x&gt;" in document.toHtml()
    assert "<img" not in document.toHtml()


def test_elide_runs_keeps_what_fits_and_marks_the_cut() -> None:
    font = QFont()
    runs = snippet_runs("the [Prime Minister] said Britain was committed to spending more")
    assert elide_runs(runs, 10_000, font) == runs
    cut = elide_runs(runs, 120, font)
    assert cut[-1][0].endswith("…")
    bold = QFont(font)
    bold.setBold(True)
    width = sum(QFontMetricsF(bold if m else font).horizontalAdvance(t) for t, m in cut)
    assert width <= 120


def test_rows_are_two_lines_tall() -> None:
    option = QStyleOptionViewItem()
    option.font = QFont()
    option.rect = QRect(0, 0, 300, 10)
    hint = SnippetDelegate().sizeHint(option, SearchHitsModel().index(0))
    assert hint.height() >= 2 * QFontMetricsF(option.font).lineSpacing()


# --- the model -----------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = SearchHitsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_hits([PARIS, VISIT, CLAIM])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_model_roles() -> None:
    model = SearchHitsModel()
    model.set_hits([PARIS, CLAIM])
    first, second = model.index(0), model.index(1)
    assert first.data() == "Pledge at Paris summit"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "…Sir Keir Starmer said: ‘This is…"
    assert (second.data(KIND_ROLE), second.data(ID_ROLE)) == ("claim", 12)
    assert second.data(SNIPPET_ROLE) == "moment, said [Starmer]"


# --- the panel -----------------------------------------------------------------------------


def test_field_wording(panel: SearchPanel) -> None:
    assert panel.query_edit.placeholderText() == "Search all documents and claims"
    assert panel.query_edit.isClearButtonEnabled()


def test_typing_shows_the_hits(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    assert shown(panel) == [("document", 1), ("document", 2), ("claim", 12)]
    assert not panel.grab().isNull()  # the delegate paints the rows without a Qt warning


def test_typing_quickly_searches_once_for_the_final_text(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    qtbot.keyClicks(panel.query_edit, "start")
    assert fake.calls == []  # nothing until the typing pauses
    qtbot.waitUntil(lambda: panel.status_label.text() == "No matches")
    assert fake.calls == ["start"]


def test_a_slower_older_search_does_not_replace_a_newer_one(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    fake.gates["a"] = asyncio.Event()
    qtbot.keyClicks(panel.query_edit, "a")
    qtbot.waitUntil(lambda: fake.calls == ["a"])
    type_and_wait(qtbot, panel, "b", "1 match")
    assert shown(panel) == [("document", 2)]
    fake.gates["a"].set()
    qtbot.waitUntil(lambda: "a" in fake.finished)
    assert shown(panel) == [("document", 2)]
    assert panel.status_label.text() == "1 match"


def test_clearing_the_field_clears_the_hits_and_drops_a_search_in_flight(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    fake.gates["a"] = asyncio.Event()
    panel.query_edit.setText("a")
    qtbot.waitUntil(lambda: fake.calls == ["starmer", "a"])
    panel.query_edit.clear()
    assert shown(panel) == [] and panel.status_label.text() == ""
    fake.gates["a"].set()
    qtbot.waitUntil(lambda: "a" in fake.finished)
    assert shown(panel) == []


def test_clicking_a_hit_activates_it_with_the_query(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    activated: list[object] = []
    panel.hitActivated.connect(lambda *args: activated.append(args))
    rect = panel.hits_view.visualRect(panel.model.index(2))
    with qtbot.waitSignal(panel.hitActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.hits_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["claim", 12, "starmer"]
    assert len(activated) == 1  # clicked and activated must not both fire


def test_enter_on_a_hit_activates_it(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    panel.hits_view.setCurrentIndex(panel.model.index(1))
    with qtbot.waitSignal(panel.hitActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.hits_view, Qt.Key.Key_Return)
    assert blocker.args == ["document", 2, "starmer"]


def test_enter_in_the_field_activates_the_first_hit(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    with qtbot.waitSignal(panel.hitActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert blocker.args == ["document", 1, "starmer"]


def test_enter_before_the_results_come_waits_for_them(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    with qtbot.waitSignal(panel.hitActivated, timeout=5000) as blocker:
        qtbot.keyClicks(panel.query_edit, "starmer")
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert blocker.args == ["document", 1, "starmer"]
    assert fake.calls == ["starmer"]


def test_enter_after_a_failed_search_tries_again(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    fake.error = DeskError("the desk is busy")
    type_and_wait(qtbot, panel, "starmer", "Search failed: the desk is busy.")
    fake.error = None
    with qtbot.waitSignal(panel.hitActivated, timeout=5000) as blocker:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert blocker.args == ["document", 1, "starmer"]
    assert fake.calls == ["starmer", "starmer"]


def test_typing_after_enter_cancels_the_pending_activation(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    activated: list[object] = []
    panel.hitActivated.connect(lambda *args: activated.append(args))
    fake.gates["starmer"] = asyncio.Event()
    qtbot.keyClicks(panel.query_edit, "starmer")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)  # searches at once, no pause
    qtbot.waitUntil(lambda: fake.calls == ["starmer"])
    qtbot.keyClicks(panel.query_edit, " visit")
    fake.gates["starmer"].set()
    qtbot.waitUntil(lambda: panel.status_label.text() == "No matches")
    assert fake.calls == ["starmer", "starmer visit"]
    assert activated == []


def test_down_arrow_moves_from_the_field_to_the_first_hit(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "starmer", "3 matches")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    assert panel.hits_view.currentIndex().row() == 0


def test_a_known_error_is_one_sentence_not_an_exception(
    qtbot: QtBot, panel: SearchPanel, fake: FakeSearch
) -> None:
    fake.error = DeskError("/desks/news.factdesk: is locked by another program")
    type_and_wait(
        qtbot,
        panel,
        "starmer",
        "Search failed: /desks/news.factdesk: is locked by another program.",
    )
    assert shown(panel) == []


def test_focus_query_selects_the_text(panel: SearchPanel) -> None:
    panel.query_edit.setText("old query")
    panel.hits_view.setFocus()
    panel.focus_query()
    assert panel.query_edit.selectedText() == "old query"
    assert panel.focusWidget() is panel.query_edit
