"""Other reports of the selected claim: "Also reported in N documents", opening into each
variant with a word-level diff against the claim's quote, to link or show in one click.

The search runs on the desk's worker (the window supplies it as `find`), a moment after the
selection settles, and only while the view is on screen. A newer selection cancels a search
not yet started and drops the answer of one already running.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.errors import KnownError
from factdesk.core.text import count_of
from factdesk.ui import tasks
from factdesk.ui.colours import is_dark
from factdesk.ui.models.variant_list import VariantListModel, score_label
from factdesk.ui.tooltips import plain_tip

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QMouseEvent, QResizeEvent, QShowEvent

    from factdesk.core.corroborate import DiffPart, Match
    from factdesk.core.records import ClaimInfo

# the matches of a claim, or None when its desk closed meanwhile
Find = Callable[[int], Awaitable["list[Match] | None"]]

DEBOUNCE_MS = 300
LOOKING = "Looking for other reports…"
NONE_FOUND = "Not found in other documents"
# (removed words' colour, added words' background) on light and on dark palettes
_DIFF_COLOURS = {False: ("#b3261e", "#cdeccf"), True: ("#ff8a80", "#1f5024")}


def found_sentence(count: int) -> str:
    return f"Also reported in {count_of(count, 'document')}" if count else NONE_FOUND


def diff_html(parts: Sequence[DiffPart], *, removed: str, added: str) -> str:
    """The report's words, the claim's words it lacks struck through, its own words highlighted.
    Every word is escaped: the markup is only ours (`removed` and `added` are colours)."""
    pieces: list[str] = []
    for part in parts:
        if part.op == "equal":
            pieces.append(html.escape(part.report))
            continue
        if part.claim:
            pieces.append(f'<s style="color:{removed}">{html.escape(part.claim)}</s>')
        if part.report:
            pieces.append(
                f'<span style="background-color:{added}; font-weight:600">'
                f"{html.escape(part.report)}</span>"
            )
    return " ".join(piece for piece in pieces if piece)


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" to the width it is given (the tooltip has it all)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a document title: shown as written
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = " ".join(text.split())
        self.setToolTip(plain_tip(self._full))
        self.setText(self._full)

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        elided = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, self.width()
        )
        if elided != self.text():
            self.setText(elided)


class VariantRow(QFrame):
    """One report: its document and likeness, the diff, and Show / Link buttons."""

    linkClicked = Signal(object)  # Match
    opened = Signal(object)  # Match

    def __init__(self, match: Match, title: str, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match = match
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(plain_tip(f"{match.text}\n\nDouble-click to show it in its document."))
        self.title = ElidedLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.score = QLabel(score_label(match))
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        self.score.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.diff = QLabel()
        self.diff.setTextFormat(Qt.TextFormat.RichText)  # our markup around escaped words
        self.diff.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.diff.setWordWrap(True)
        self.diff.setText(diff)
        self.show_button = _small_button("Show")
        self.show_button.setToolTip("Show this report in its document")
        self.show_button.clicked.connect(lambda: self.opened.emit(self.match))
        self.link_button = _small_button("Link")
        self.link_button.setToolTip("Quote this report as a highlight of the claim (Ctrl+Z undoes)")
        self.link_button.clicked.connect(lambda: self.linkClicked.emit(self.match))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.score)
        top.addWidget(self.show_button)
        top.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 4, 5)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.diff)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.match)
        event.accept()


class CorroborationView(QWidget):
    linkRequested = Signal(object)  # Match: quote it as a highlight of the claim
    variantActivated = Signal(object)  # Match: show it in its document
    expandedChanged = Signal(bool)  # the list of reports opened (True) or closed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find: Find | None = None
        self._claim: ClaimInfo | None = None
        self._key: object = None  # the claim and quotes the list is (being) found for
        self._generation = 0  # bumped by every new search and every cancel: older answers drop
        self._task: asyncio.Task[None] | None = None
        self._waiting = False  # a search is due when the view is next shown
        self._titles: dict[int, str] = {}
        self._expanded = False
        self._opened: bool | None = None  # the list is on show (open, and not empty)
        self.rows: list[VariantRow] = []
        self.model = VariantListModel(self._title_of, self)
        for signal in (
            self.model.modelReset,
            self.model.rowsRemoved,
            self.model.rowsInserted,
            self.model.dataChanged,
        ):
            signal.connect(self._rebuild_rows)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self._build()

    # --- public --------------------------------------------------------------------------

    def set_finder(self, find: Find | None) -> None:
        self._find = find
        self.refresh()

    def set_titles(self, titles: dict[int, str]) -> None:
        """Document titles; a document added or removed may change what is found."""
        added_or_gone = set(titles) != set(self._titles)
        self._titles = dict(titles)
        self.model.titles_changed()
        if added_or_gone:
            self.refresh()

    def show_claim(self, claim: ClaimInfo | None) -> None:
        key = _key(claim)
        if key == self._key:
            return  # an edit of its status or note: what is found stays the same
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        self._claim, self._key = claim, key
        self._cancel()
        if claim is None:
            self.model.set_matches([])
            self._say("")
            return
        if same:  # quoted somewhere new (a variant linked): it goes at once, the search follows
            self.model.drop_documents({span.doc for span in claim.spans})
            self._summarise()
        else:
            self.model.set_matches([])
            self._say(LOOKING)
        self._schedule()

    def refresh(self) -> None:
        """Search again for the claim shown (documents came or went, a link was refused)."""
        if self._claim is not None:
            self._cancel()
            self._schedule()

    def is_expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, expanded: bool) -> None:
        if expanded != self._expanded:
            self._expanded = expanded
            self._show_state()

    def summary(self) -> str:
        return self.toggle.text()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        # not a checkable button: a checked one looks pressed in, not opened
        self.toggle = QToolButton(autoRaise=True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setToolTip("Show how each other report of the claim's words differs")
        self.toggle.clicked.connect(lambda: self.set_expanded(not self._expanded))
        self.error = _plain_label("")
        self.error.hide()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)  # constant markup, no desk text
        self.legend.setWordWrap(True)
        self.rows_box = QWidget()
        self._rows_layout = QVBoxLayout(self.rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self._rows_layout.addStretch()
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.rows_box)
        self.scroll.viewport().setAutoFillBackground(False)  # the tab's own background shows
        self.rows_box.setAutoFillBackground(False)
        self.scroll.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)  # a report or two
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(16, 0, 0, 0)
        details.addWidget(self.legend)
        details.addWidget(self.scroll, 1)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.details, 1)
        self._paint_legend()
        self._say("")  # closed until asked for

    def _paint_legend(self) -> None:
        removed, added = _DIFF_COLOURS[is_dark(self.palette())]
        self.legend.setText(
            f'<small><s style="color:{removed}">struck through</s>: in the claim\'s quote, '
            f'not in the report · <span style="background-color:{added}; font-weight:600">'
            "highlighted</span>: only in the report. Double-click a report to show it.</small>"
        )

    def _rebuild_rows(self) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        removed, added = _DIFF_COLOURS[is_dark(self.palette())]
        for number in range(self.model.rowCount()):
            match = self.model.match_at(number)
            diff = diff_html(match.diff, removed=removed, added=added)
            row = VariantRow(match, self._title_of(match.doc), diff, self.rows_box)
            row.linkClicked.connect(self._link)
            row.opened.connect(self.variantActivated)
            self._rows_layout.insertWidget(number, row)
            self.rows.append(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the diff's colours too
            self._paint_legend()
            self._rebuild_rows()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._waiting:
            self._waiting = False
            self._debounce.start()

    # --- searching -----------------------------------------------------------------------

    def _schedule(self) -> None:
        if self._find is None or self._claim is None:
            return
        if not self.isVisible():  # no work on the shared worker for a tab nobody looks at
            self._waiting = True
            return
        self._debounce.start()

    def _cancel(self) -> None:
        self._generation += 1
        self._debounce.stop()
        self._waiting = False
        if self._task is not None and not self._task.done():
            self._task.cancel()  # not started on the worker yet: it never runs
        self._task = None

    def _search_now(self) -> None:
        if self._find is None or self._claim is None:
            return
        self._generation += 1
        self._task = tasks.start(self._search(self._find, self._generation, self._claim.id))

    async def _search(self, find: Find, generation: int, claim_id: int) -> None:
        try:
            found = await find(claim_id)
        except KnownError as exc:
            if self._current(generation):
                self._say("Other reports could not be searched", error=str(exc))
            return
        if found is None or not self._current(generation) or self._claim is None:
            return
        quoted = {span.doc for span in self._claim.spans}
        self.model.set_matches([m for m in found if m.doc not in quoted])
        self._summarise()

    def _current(self, generation: int) -> bool:
        # the view goes with its editor when the window closes, perhaps mid-search
        return shiboken6.isValid(self) and generation == self._generation

    # --- showing -------------------------------------------------------------------------

    def _summarise(self) -> None:
        self._say(found_sentence(self.model.rowCount()))

    def _say(self, summary: str, *, error: str = "") -> None:
        self.toggle.setText(summary)
        self.toggle.setVisible(bool(summary))
        self.error.setText(f"{error.rstrip('.')}." if error else "")
        self.error.setVisible(bool(error))
        self._show_state()

    def _show_state(self) -> None:
        """The arrow and the list follow whether there is anything to open, and if it is."""
        found = self.model.rowCount() > 0
        self.toggle.setEnabled(found)
        arrow = Qt.ArrowType.DownArrow if self._expanded else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow if found else Qt.ArrowType.NoArrow)
        opened_now = found and self._expanded
        if opened_now != self._opened:
            self._opened = opened_now
            self.details.setVisible(opened_now)
            vertical = QSizePolicy.Policy.Expanding if opened_now else QSizePolicy.Policy.Maximum
            self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
            self.expandedChanged.emit(opened_now)  # the tab gives an open list its room

    def _link(self, match: Match) -> None:
        """Take the variant off the list now; the refreshed claim confirms it (or a refusal
        brings it back with the next search)."""
        self.model.drop_documents({match.doc})
        self._summarise()
        self.linkRequested.emit(match)

    def _title_of(self, doc: int) -> str:
        return self._titles.get(doc, f"Document {doc}")


def _key(claim: ClaimInfo | None) -> object:
    if claim is None:
        return None
    spans = tuple(sorted((s.doc, s.start, s.end) for s in claim.spans))
    return (claim.id, spans) if spans else (claim.id, claim.text)  # the text, when unquoted


def _small_button(text: str) -> QToolButton:
    button = QToolButton(text=text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and errors: from the desk, as written
    label.setWordWrap(True)
    return label
