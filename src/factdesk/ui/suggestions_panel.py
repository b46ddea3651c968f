"""The Suggestions tab: the open article's suggested quotations and figures, to accept or
dismiss one by one (Enter, Delete) or a speaker's quotations all at once.

A view only: it lists what it is given and says what was asked; the window's SuggestionFlow
reads and writes the desk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.suggest import QUOTE
from factdesk.core.text import shorten
from factdesk.ui import speaker_filter
from factdesk.ui.models.suggestion_list import (
    COL_KIND,
    COL_SCORE,
    COL_SPEAKER,
    COL_TEXT,
    SUGGESTION_ROLE,
    Key,
    SuggestionFilterModel,
    SuggestionListModel,
    describe,
    is_fragment,
    key_of,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from factdesk.core.suggest import Suggestion

NO_DOCUMENT = "Open a document to see the claims it suggests."
READING = "Reading the article…"
_DETAIL_CHARACTERS = 280
_SPEAKER_WIDTH = 96


class SuggestionsPanel(QWidget):
    suggestionSelected = Signal(object)  # Suggestion or None
    shownChanged = Signal()  # the rows listed changed (a filter, a refresh): redraw the marks

    def __init__(
        self,
        accept: QAction,
        dismiss: QAction,
        accept_all: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = SuggestionListModel()
        self.proxy = SuggestionFilterModel()
        self.proxy.setSourceModel(self.model)
        self._accept, self._dismiss, self._accept_all = accept, dismiss, accept_all
        self._state = NO_DOCUMENT
        self._build_filters()
        self._build_table(accept, dismiss, accept_all)
        self._build_buttons(accept, dismiss, accept_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.detail)
        layout.addLayout(self._buttons)
        layout.addWidget(self.accept_all_button)
        self._update_counts()

    # --- public --------------------------------------------------------------------------

    def set_state(self, sentence: str) -> None:
        """No rows: say why ("Reading the article…", no document open)."""
        self._state = sentence
        self.model.set_suggestions(())
        self._update_speakers()
        self._after_change(None)

    def set_suggestions(self, found: Sequence[Suggestion]) -> None:
        """Replace the rows, keeping the selected suggestion selected without announcing it
        again (a refresh must not move the article)."""
        current = self.current()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_suggestions(found)
            self._update_speakers()
            kept = current is not None and self.select(key_of(current), emit=False)
        finally:
            selection.blockSignals(False)
        self._state = ""
        self._after_change(current if kept else None)

    def remove(self, *keys: Key) -> None:
        """Take rows away now (accepted, dismissed); the row after them becomes current."""
        rows = [r for r in (self._proxy_row(k) for k in keys) if r is not None]
        row = min(rows) if rows else None
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the row that follows is announced once, below
        try:
            for key in keys:
                self.model.remove(key)
            self._update_speakers()
        finally:
            selection.blockSignals(False)
        count = self.proxy.rowCount()
        if row is not None and count:
            self._select_index(self.proxy.index(min(row, count - 1), COL_TEXT), emit=True)
        elif not count:
            self.suggestionSelected.emit(None)
        self._after_change(self.current())

    def current(self) -> Suggestion | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(SUGGESTION_ROLE)

    def shown(self) -> list[Suggestion]:
        return self.proxy.shown()

    def select(self, key: Key, *, emit: bool = True) -> bool:
        """Make `key` the selected row (clearing a filter that hides it)."""
        row = self.model.row_of(key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        if not index.isValid():
            if is_fragment(self.model.suggestion_at(row)):
                self.fragments.setChecked(True)
            self.speaker.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        self._select_index(index, emit=emit)
        return True

    def focus_list(self) -> None:
        self.table.setFocus()

    # --- building ------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.speaker = QComboBox()
        self.speaker.addItem(speaker_filter.ALL_SPEAKERS)
        self.speaker.setToolTip("List the quotations of one speaker only")
        self.speaker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.speaker.setMinimumContentsLength(10)
        self.speaker.currentIndexChanged.connect(self._apply_speaker)
        self.fragments = QCheckBox("Fragments")
        self.fragments.setToolTip(
            "Also list scare quotes and short quoted fragments (‘bridge’, ‘crucial’): words "
            "an article quotes, rarely a claim someone made"
        )
        self.fragments.toggled.connect(self._apply_fragments)
        self._filters = QHBoxLayout()
        self._filters.addWidget(self.speaker, 1)
        self._filters.addWidget(self.fragments)

    def _build_table(self, accept: QAction, dismiss: QAction, accept_all: QAction) -> None:
        self.table = QTableView()
        self.table.setObjectName("suggestionsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # fitted to the rows listed, each time they change (ResizeToContents would keep the
        # width it had before fragments were listed, and cut "Fragment" short)
        for column in (COL_KIND, COL_SCORE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_SPEAKER, _SPEAKER_WIDTH)
        # Enter and Delete (their shortcuts) work while the list has the focus
        self.table.addActions([accept, dismiss, accept_all])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.empty = QLabel(NO_DOCUMENT, wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        self.detail = QLabel(wordWrap=True)
        self.detail.setObjectName("suggestionDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # the article's words, as written
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.detail.setMargin(4)

    def _build_buttons(self, accept: QAction, dismiss: QAction, accept_all: QAction) -> None:
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Make a claim of the selected suggestion (Enter)")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setToolTip("Never suggest it again in this article (Delete)")
        self.accept_all_button = QPushButton("Accept all quotes")
        self.accept_all_button.setToolTip(
            "Make a claim of every listed quotation by the selected suggestion's speaker "
            "(one undo step)"
        )
        pairs = (
            (self.accept_button, accept),
            (self.dismiss_button, dismiss),
            (self.accept_all_button, accept_all),
        )
        for button, action in pairs:
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
        self._buttons = QHBoxLayout()
        self._buttons.addWidget(self.accept_button, 1)
        self._buttons.addWidget(self.dismiss_button, 1)

    # --- filters and state ---------------------------------------------------------------

    def _apply_speaker(self) -> None:
        text = self.speaker.currentText()
        self.proxy.set_speaker(None if self.speaker.currentIndex() <= 0 else text)
        self._after_change(self.current())

    def _apply_fragments(self, shown: bool) -> None:
        self.proxy.set_fragments(shown)
        self._after_change(self.current())

    def _update_speakers(self) -> None:
        speaker_filter.refill(self.speaker, (s.speaker for s in self.model.suggestions()))
        self._apply_speaker_quietly()

    def _apply_speaker_quietly(self) -> None:
        index = self.speaker.currentIndex()
        self.proxy.set_speaker(None if index <= 0 else self.speaker.currentText())

    def _after_change(self, current: Suggestion | None) -> None:
        for column in (COL_KIND, COL_SCORE):
            self.table.resizeColumnToContents(column)
        self._update_counts()
        self._show_detail(current)
        self.shownChanged.emit()

    def _update_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown:
            self.pages.setCurrentWidget(self.table)
        else:
            self.empty.setText(self._empty_sentence(total))
            self.pages.setCurrentWidget(self.empty)
        hidden = sum(1 for s in self.model.suggestions() if is_fragment(s))
        self.fragments.setText(f"Fragments ({hidden})" if hidden else "Fragments")

    def _empty_sentence(self, total: int) -> str:
        if self._state:
            return self._state
        if not total:
            return "No suggestions left in this article."
        if self.proxy.speaker() is not None:
            return f"No suggestions by {self.proxy.speaker()} under these filters."
        return "Only fragments are left: tick Fragments to list them."

    # --- selection -----------------------------------------------------------------------

    def _proxy_row(self, key: Key) -> int | None:
        row = self.model.row_of(key)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        return index.row() if index.isValid() else None

    def _select_index(self, index: QModelIndex, *, emit: bool) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(not emit)
        try:
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            selection.blockSignals(False)
        self.table.scrollTo(index)
        if not emit:
            self._show_detail(self.current())

    def _on_selection(self) -> None:
        current = self.current()
        self._show_detail(current)
        self.suggestionSelected.emit(current)

    def _show_detail(self, current: Suggestion | None) -> None:
        if current is None:
            self.detail.clear()
            self.detail.hide()
        else:
            words = shorten(current.text, _DETAIL_CHARACTERS)
            self.detail.setText(f"{describe(current)}\n“{words}”")
            self.detail.show()
        self._update_accept_all(current)

    def _update_accept_all(self, current: Suggestion | None) -> None:
        speaker = current.speaker if current is not None and current.kind == QUOTE else None
        count = (
            sum(1 for s in self.shown() if s.kind == QUOTE and s.speaker == speaker)
            if speaker
            else 0
        )
        if count > 1:
            label = f"Accept all {count} quotes by {speaker}"
        elif count:
            label = f"Accept the quote by {speaker}"
        else:
            label = "Accept all quotes by a speaker"
        self.accept_all_button.setText(label)
        self._accept_all.setEnabled(count > 0)
        for action in (self._accept, self._dismiss):
            action.setEnabled(current is not None)
