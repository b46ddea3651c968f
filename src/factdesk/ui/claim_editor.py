"""The claim editor: text, speaker, date, status, verdict note — each saved the moment it changes.

The editor only shows a claim and says what the person changed (`fieldEdited`); the main window
turns that into an undoable edit on the desk. A field being typed in is never overwritten by
a refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.errors import InvalidInputError
from factdesk.core.statuses import LABELS, STATUSES
from factdesk.ui.commit_fields import CommitTextEdit
from factdesk.ui.lazy_tabs import lazy_tab

if TYPE_CHECKING:
    from factdesk.core.records import ClaimInfo, HistoryEntry, SpeakerInfo
    from factdesk.ui.claim_sources import ClaimSources
    from factdesk.ui.corroboration_view import Find
    from factdesk.ui.history_view import HistoryView

FIELDS = ("text", "speaker", "date", "status", "note")


class ClaimEditor(QWidget):
    """The Details tab is built with the editor; the "Quotes & evidence" and "History" tabs
    the first time they are shown (or asked for), filled from what the editor kept for them.
    Their gestures reach the window through the editor's own signals."""

    fieldEdited = Signal(int, str, object, object, int)  # claim id, field, old, new, version
    conflictOverride = Signal(int, str, object, int)  # claim id, field, my value, newer version
    # from the "Quotes & evidence" tab (ClaimSources)
    spanActivated = Signal(object)  # Span: show it in its document
    highlightRemoved = Signal(object)  # Span
    evidenceAdded = Signal(int, str, str)  # claim id, URL or citation, note
    evidenceRemoved = Signal(object)  # EvidenceInfo
    variantLinked = Signal(int, object)  # claim id, Match: link that other report
    variantActivated = Signal(object)  # Match: show that other report in its document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimInfo | None = None
        self._shown: dict[str, object] = {}  # what each field showed when last loaded/saved
        self._conflict: tuple[int, str, object, int] | None = None
        self._titles: dict[int, str] = {}  # for the sources tab, built or not
        self._history: Sequence[HistoryEntry] = ()  # for the history tab, built or not
        self._find: Find | None = None  # for the sources tab's other reports, built or not
        self._sources: ClaimSources | None = None
        self._history_view: HistoryView | None = None
        self._build()
        self.show_claim(None)

    # --- public --------------------------------------------------------------------------

    def claim(self) -> ClaimInfo | None:
        return self._claim

    @property
    def sources(self) -> ClaimSources:
        """The "Quotes & evidence" tab (built now if it was not yet)."""
        return self._sources_page()

    @property
    def history(self) -> HistoryView:
        """The "History" tab (built now if it was not yet)."""
        return self._history_page()

    def set_titles(self, titles: dict[int, str]) -> None:
        """Document titles, to name where each quote is."""
        self._titles = dict(titles)
        if self._sources is not None:
            self._sources.set_titles(self._titles)

    def set_corroboration(self, find: Find | None) -> None:
        """How to find the claim's other reports (the window runs it on the desk's worker)."""
        self._find = find
        if self._sources is not None:
            self._sources.set_finder(find)

    def set_speakers(self, speakers: Sequence[SpeakerInfo]) -> None:
        """Offer every speaker's name, and their aliases, for completion."""
        current = self.speaker.currentText()
        names = sorted((sp.name for sp in speakers), key=str.casefold)
        words = sorted({*names, *(a for sp in speakers for a in sp.aliases)}, key=str.casefold)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItems(names)
        self.speaker.setEditText(current)
        self.speaker.blockSignals(False)
        self._completions.setStringList(words)

    def show_claim(self, claim: ClaimInfo | None, history: Sequence[HistoryEntry] = ()) -> None:
        """Show `claim` (None: nothing selected). Fields the person is editing are kept."""
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        if not same:
            self._clear_conflict()
        self._claim = claim
        self.setEnabled(claim is not None)
        self.heading.setText(
            "Select a claim, or select text in the document and press Ctrl+Enter."
            if claim is None
            else f"Claim {claim.id} · updated {claim.updated_at[:16].replace('T', ' ')}"
        )
        values = _values(claim)
        for field in FIELDS:
            if not same or self._value(field) == self._shown.get(field):
                self._load(field, values[field])
            self._shown[field] = values[field]
        self._history = tuple(history)
        if self._sources is not None:
            self._sources.show_claim(claim)
        if self._history_view is not None:
            self._history_view.set_entries(self._history)
        self.date_error.hide()

    def show_conflict(self, newer: ClaimInfo, field: str, mine: object) -> None:
        """Someone else changed the claim: show their values and offer to apply ours anyway."""
        self.show_claim(newer)
        self._load(field, newer_value := _values(newer)[field])
        self._shown[field] = newer_value
        self._conflict = (newer.id, field, mine, newer.version)
        self.conflict_text.setText(
            f"This claim was changed elsewhere while you edited it; its newer values are shown. "
            f"Your {field}: “{_short(mine)}”."
        )
        self.conflict_bar.show()

    def flush(self) -> None:
        """Save any edit still waiting (before closing, switching claims): the text fields'
        pause, and a speaker or date typed but not yet left."""
        self.text.flush()
        self.note.flush()
        self._commit("speaker")
        self._commit("date")

    def choose_status(self, status: str) -> None:
        """Set the status as if chosen in its field (keys 1–6 in the claims table)."""
        index = self.status.findData(status)
        if index >= 0:
            self.status.setCurrentIndex(index)
            self._commit("status")

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("claimHeading")
        self.conflict_bar = self._build_conflict_bar()

        self.text = CommitTextEdit()
        self.text.setPlaceholderText("What is claimed, in a sentence")
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 14)
        self.text.committed.connect(lambda: self._commit("text"))

        self.speaker = QComboBox(editable=True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.speaker.lineEdit().setPlaceholderText("Who said it (a new name adds a speaker)")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)
        self.speaker.lineEdit().editingFinished.connect(lambda: self._commit("speaker"))
        self.speaker.activated.connect(lambda _i: self._commit("speaker"))

        self.date = QLineEdit(placeholderText="YYYY-MM-DD (may be empty)")
        self.date.setMaxLength(10)
        self.date.editingFinished.connect(lambda: self._commit("date"))
        self.date_error = QLabel(wordWrap=True)
        self.date_error.setObjectName("fieldError")
        self.date_error.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed

        self.status = QComboBox()
        for number, status in enumerate(STATUSES, start=1):
            self.status.addItem(f"{LABELS[status]}  ({number})", status)
        self.status.activated.connect(lambda _i: self._commit("status"))

        self.note = CommitTextEdit()
        self.note.setPlaceholderText("Verdict note: what the evidence shows")
        self.note.committed.connect(lambda: self._commit("note"))

        form = QFormLayout()
        form.addRow("&Claim", self.text)
        form.addRow("S&peaker", self.speaker)
        form.addRow("D&ate", self.date)
        form.addRow("", self.date_error)
        form.addRow("S&tatus", self.status)
        form.addRow("&Note", self.note)
        details = QWidget()
        details.setLayout(form)

        self.tabs = QTabWidget()
        self.tabs.addTab(details, "Details")
        self._sources_page = lazy_tab(self.tabs, "Quotes && evidence", self._build_sources)
        self._history_page = lazy_tab(self.tabs, "History", self._build_history)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.tabs)

    def _build_sources(self) -> ClaimSources:
        from factdesk.ui.claim_sources import ClaimSources  # noqa: PLC0415  (not in the first frame)

        sources = ClaimSources()
        sources.set_titles(self._titles)
        sources.set_finder(self._find)
        sources.show_claim(self._claim)
        sources.spanActivated.connect(self.spanActivated)
        sources.highlightRemoved.connect(self.highlightRemoved)
        sources.evidenceAdded.connect(self.evidenceAdded)
        sources.evidenceRemoved.connect(self.evidenceRemoved)
        sources.variantLinked.connect(self.variantLinked)
        sources.variantActivated.connect(self.variantActivated)
        self._sources = sources
        return sources

    def _build_history(self) -> HistoryView:
        from factdesk.ui.history_view import HistoryView  # noqa: PLC0415  (not in the first frame)

        view = HistoryView()
        view.set_entries(self._history)
        self._history_view = view
        return view

    def _build_conflict_bar(self) -> QFrame:
        bar = QFrame(frameShape=QFrame.Shape.StyledPanel)
        self.conflict_text = QLabel(wordWrap=True)
        # it quotes the edit, which may be text pasted from an article: never rich text
        self.conflict_text.setTextFormat(Qt.TextFormat.PlainText)
        self.use_mine = mine = QPushButton("Use my version")
        mine.clicked.connect(self._override)
        theirs = QPushButton("Keep theirs")
        theirs.clicked.connect(self._clear_conflict)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(theirs)
        buttons.addWidget(mine)
        layout = QVBoxLayout(bar)
        layout.addWidget(self.conflict_text)
        layout.addLayout(buttons)
        bar.hide()
        return bar

    # --- field plumbing ------------------------------------------------------------------

    def _value(self, field: str) -> object:
        if field == "text":
            return self.text.toPlainText().strip()
        if field == "speaker":
            return self.speaker.currentText().strip() or None
        if field == "date":
            return self.date.text().strip() or None
        if field == "status":
            return self.status.currentData()
        return self.note.toPlainText().strip()

    def _load(self, field: str, value: object) -> None:
        if field == "text":
            self.text.load(str(value or ""))
        elif field == "speaker":
            self.speaker.setEditText(str(value or ""))
        elif field == "date":
            self.date.setText(str(value or ""))
        elif field == "status":
            self.status.setCurrentIndex(max(0, self.status.findData(value)))
        else:
            self.note.load(str(value or ""))

    def _commit(self, field: str) -> None:
        claim = self._claim
        new = self._value(field)
        if claim is None or new == self._shown.get(field):
            return
        # datetime and hashlib load with the first edit, not in the first frame
        from factdesk.core.fields import clean_date, clean_text  # noqa: PLC0415

        try:
            if field == "text":
                clean_text(str(new))
            elif field == "date":
                clean_date(new)  # type: ignore[arg-type]
        except InvalidInputError as exc:
            if field == "date":
                self.date_error.setText(str(exc))
                self.date_error.show()
            else:
                self._load("text", self._shown["text"])  # a claim cannot lose its text
            return
        self.date_error.hide()
        old = self._shown.get(field)
        self._shown[field] = new
        self.fieldEdited.emit(claim.id, field, old, new, claim.version)

    def _override(self) -> None:
        if self._conflict is not None:
            self.conflictOverride.emit(*self._conflict)
        self._clear_conflict()

    def _clear_conflict(self) -> None:
        self._conflict = None
        self.conflict_bar.hide()


def _values(claim: ClaimInfo | None) -> dict[str, object]:
    if claim is None:
        return {"text": "", "speaker": None, "date": None, "status": STATUSES[0], "note": ""}
    return {
        "text": claim.text,
        "speaker": claim.speaker,
        "date": claim.date,
        "status": claim.status,
        "note": claim.note,
    }


def _short(value: object) -> str:
    from factdesk.core.text import shorten  # noqa: PLC0415  (not in the first frame)

    return shorten(str(value or ""), 80) or "(empty)"
