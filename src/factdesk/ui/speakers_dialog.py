"""Claim ▸ Speakers: the desk's speakers with their aliases and claims; add or remove an alias
(undoable), or merge a speaker into the person they are (not undoable, so it asks first).

The dialog is not modal: it reads and writes through the window's DeskClient and refreshes
from the `Changes` the client broadcasts (and when it becomes active, for changes made by
another process). Alias edits go on the desk's undo stack, so Ctrl+Z here or in the window
undoes them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.errors import KnownError
from factdesk.core.text import count_of
from factdesk.ui import tasks
from factdesk.ui.colours import is_dark
from factdesk.ui.desk_client import DeskClosedError
from factdesk.ui.models.speaker_list import COL_ALIASES, COL_CLAIMS, COL_NAME, SpeakerListModel
from factdesk.ui.speaker_commands import AddAliasCommand, RemoveAliasCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent, QUndoStack

    from factdesk.core.records import Changes, SpeakerInfo
    from factdesk.services import Desk
    from factdesk.ui.desk_client import DeskClient

T = TypeVar("T")
REFRESH_MS = 100  # a burst of changes (an undo, a merge) refreshes the list once


def _read(desk: Desk) -> tuple[list[SpeakerInfo], dict[int, int]]:
    """The speakers, and how many claims each has (worker side)."""
    return desk.speakers_with_counts()


def _same(a: str, b: str) -> bool:
    """Names are compared as the desk compares them: spaces collapsed, case ignored."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def owner_of(name: str, speakers: Sequence[SpeakerInfo]) -> SpeakerInfo | None:
    """The speaker called `name`, or known by it."""
    return next(
        (sp for sp in speakers if any(_same(name, n) for n in (sp.name, *sp.aliases))), None
    )


def refusal(
    alias: str, speaker: SpeakerInfo, speakers: Sequence[SpeakerInfo], exc: Exception
) -> str:
    """One sentence saying why `alias` cannot be added to `speaker`."""
    owner = owner_of(alias, speakers)
    if owner is not None and owner.id == speaker.id:
        return f"“{alias}” is already a name of {speaker.name}."
    if owner is not None:
        who = "another speaker" if _same(alias, owner.name) else owner.name
        return (
            f"“{alias}” already names {who}; if they are the same person as "
            f"{speaker.name}, merge them instead."
        )
    return sentence(str(exc))


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


class SpeakersDialog(QDialog):
    def __init__(self, client: DeskClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.setWindowTitle("Speakers")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 480)
        self.model = SpeakerListModel()
        self.aliases = QStringListModel(self)
        self._selected_id: int | None = None  # kept across refreshes
        self._loaded = False
        self._stack, group = _undo_of(parent)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.reload)
        self._build()
        if group is not None:
            self._add_undo_actions(group)
        client.changed.connect(self._on_changes)
        self._show_selected()

    # --- public --------------------------------------------------------------------------

    def selected(self) -> SpeakerInfo | None:
        row = self.table.currentIndex().row()
        return self.model.speaker_at(row) if 0 <= row < self.model.rowCount() else None

    def select(self, speaker_id: int) -> bool:
        row = self.model.row_of(speaker_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def reload(self) -> None:
        """Read the speakers again (the list keeps its selection)."""
        tasks.start(self._reload())

    async def _reload(self) -> None:
        found = await self._call(self.client.call(_read))
        if found is None or not shiboken6.isValid(self):
            return
        speakers, counts = found
        keep = self._selected_id
        self.model.set_speakers(speakers, counts)
        self._loaded = True
        if (keep is None or not self.select(keep)) and self.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()  # the same row may hold new aliases or counts

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(
            "Everyone the desk's claims are attributed to. An alias is another name for the "
            "same person (“Sir Keir” for Keir Starmer): typing it in a claim's Speaker field "
            "picks that speaker."
        )
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.table = self._build_table()

        self.heading = _plain("")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.alias_list = QListView()
        self.alias_list.setModel(self.aliases)
        self.alias_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alias_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alias_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.alias_list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton("&Remove alias")
        self.remove_button.clicked.connect(self._remove_alias)
        self.alias_edit = QLineEdit(placeholderText="Another name for this speaker")
        self.alias_edit.textChanged.connect(self._update_buttons)
        self.alias_edit.returnPressed.connect(self._add_alias)
        self.alias_edit.installEventFilter(self)
        self.add_button = QPushButton("&Add alias")
        self.add_button.clicked.connect(self._add_alias)
        self.target = QComboBox()
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(16)
        self.target.currentIndexChanged.connect(self._update_buttons)
        self.merge_button = QPushButton("&Merge…")
        self.merge_button.clicked.connect(self._confirm_merge)

        aliases = QHBoxLayout()
        aliases.addWidget(self.alias_list, 1)
        aliases.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        adding = QHBoxLayout()
        adding.addWidget(self.alias_edit, 1)
        adding.addWidget(self.add_button)
        merging = QHBoxLayout()
        merging.addWidget(self.target, 1)
        merging.addWidget(self.merge_button)
        form = QFormLayout()
        form.addRow("Aliases:", aliases)
        form.addRow("New alias:", adding)
        form.addRow("Same person as:", merging)

        self.message = _plain("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CLAIMS, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(COL_NAME, 200)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        return table

    def _add_undo_actions(self, group: QUndoGroup) -> None:
        """Ctrl+Z and Ctrl+Shift+Z work here as in the window (it is another window)."""
        for action, keys in (
            (group.createUndoAction(self, "&Undo"), QKeySequence.StandardKey.Undo),
            (group.createRedoAction(self, "&Redo"), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(keys)
            self.addAction(action)

    # --- showing -------------------------------------------------------------------------

    def _show_selected(self) -> None:
        speaker = self.selected()
        if speaker is not None and speaker.id != self._selected_id:
            self.tell("")  # what was said was about the speaker selected before
        self._selected_id = speaker.id if speaker else self._selected_id
        if speaker is None:
            self.heading.setText("Select a speaker." if self._loaded else "Reading the speakers…")
            self.aliases.setStringList([])
            self.target.clear()
        else:
            claims = count_of(self.model.claims_of(speaker.id), "claim")
            self.heading.setText(f"{speaker.name} — {claims}")
            self.aliases.setStringList(list(speaker.aliases))
            self._fill_targets(speaker)
        self._update_buttons()

    def _fill_targets(self, speaker: SpeakerInfo) -> None:
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem("(choose a speaker)", None)
        for other in self.model.speakers():
            if other.id != speaker.id:
                self.target.addItem(other.name, other.id)
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))
        self.target.blockSignals(False)

    def _update_buttons(self) -> None:
        speaker = self.selected()
        has_alias = bool(self.alias_list.selectionModel().selectedRows())
        self.remove_button.setEnabled(speaker is not None and has_alias)
        self.add_button.setEnabled(speaker is not None and bool(self.alias_edit.text().strip()))
        self.alias_edit.setEnabled(speaker is not None)
        self.target.setEnabled(speaker is not None and self.target.count() > 1)
        self.merge_button.setEnabled(speaker is not None and self.target.currentData() is not None)

    def tell(self, text: str, *, error: bool = False) -> None:
        """One sentence under the form (what was done, or why it was refused)."""
        palette = self.message.palette()
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        if error:
            colour = QColor("#ff8a80" if is_dark(self.palette()) else "#b3261e")
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.message.setPalette(palette)
        self.message.setText(text)

    # --- edits ---------------------------------------------------------------------------

    def _add_alias(self) -> None:
        speaker = self.selected()
        alias = " ".join(self.alias_edit.text().split())
        if speaker is not None and alias:
            tasks.start(self._added(speaker, alias))

    async def _added(self, speaker: SpeakerInfo, alias: str) -> None:
        name = speaker.name
        try:
            done = await self._call(self.client.act(lambda desk: desk.add_alias(name, alias)))
        except KnownError as exc:
            if not shiboken6.isValid(self):
                return
            self.tell(refusal(alias, speaker, self.model.speakers(), exc), error=True)
            owner = owner_of(alias, self.model.speakers())
            if owner is not None and owner.id != speaker.id:  # offer the merge it suggests
                self.target.setCurrentIndex(max(0, self.target.findData(owner.id)))
            return
        if done is None:
            return
        self._push(AddAliasCommand(self.client, name, alias))
        if shiboken6.isValid(self):
            self.alias_edit.setText("")  # and forget its own undo: Ctrl+Z is the desk's now
            self.tell(f"“{alias}” now names {name}. Ctrl+Z undoes it.")

    def _remove_alias(self) -> None:
        speaker = self.selected()
        rows = self.alias_list.selectionModel().selectedRows()
        if speaker is not None and rows:
            alias = str(rows[0].data())
            tasks.start(self._removed(speaker, alias))

    async def _removed(self, speaker: SpeakerInfo, alias: str) -> None:
        try:
            done = await self._call(self.client.act(lambda desk: desk.remove_alias(alias)))
        except KnownError as exc:
            if shiboken6.isValid(self):
                self.tell(sentence(str(exc)), error=True)
            return
        if done is None:
            return
        self._push(RemoveAliasCommand(self.client, speaker.name, alias))
        if shiboken6.isValid(self):
            self.tell(f"“{alias}” no longer names {speaker.name}. Ctrl+Z undoes it.")

    def _confirm_merge(self) -> None:
        source, target_id = self.selected(), self.target.currentData()
        row = None if target_id is None else self.model.row_of(target_id)
        if source is None or row is None:
            return
        target = self.model.speaker_at(row)
        claims = count_of(self.model.claims_of(source.id), "claim")
        n = len(source.aliases)
        aliases = f" and {n} {'alias' if n == 1 else 'aliases'}" if n else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Merge speakers",
            f"Merge “{source.name}” into “{target.name}”? Its {claims}{aliases} go to "
            f"{target.name}, and “{source.name}” becomes another name for them. "
            "This cannot be undone.",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names come from articles
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("mergeBox")
        merge = box.addButton("&Merge", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        merge.clicked.connect(lambda: tasks.start(self._merged(source, target)))
        box.open()  # window-modal, and the event loop runs on

    async def _merged(self, source: SpeakerInfo, target: SpeakerInfo) -> None:
        moved = count_of(self.model.claims_of(source.id), "claim")
        try:
            done = await self._call(
                self.client.act(lambda desk: desk.merge_speakers(source.name, target.name))
            )
        except KnownError as exc:
            if shiboken6.isValid(self):
                self.tell(sentence(str(exc)), error=True)
            return
        if done is None or not shiboken6.isValid(self):
            return
        self._selected_id = target.id
        self.select(target.id)
        self.tell(f"“{source.name}” is now an alias of {target.name}; {moved} moved.")

    # --- plumbing ------------------------------------------------------------------------

    async def _call(self, awaitable: Awaitable[T]) -> T | None:
        """Await a desk call; None (and the dialog closes) if its desk closed meanwhile."""
        try:
            return await awaitable
        except DeskClosedError:
            if shiboken6.isValid(self):
                self.close()
            return None

    def _push(self, command: AddAliasCommand) -> None:
        if self._stack is not None and shiboken6.isValid(self._stack):
            self._stack.push(command)

    def _on_changes(self, changes: Changes) -> None:
        if changes.speakers or changes.claims:
            self._refresh.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in the empty alias field undoes the desk's last edit (the alias just added),
        not the field's own clearing: a line edit takes Ctrl+Z for itself otherwise."""
        if (
            watched is self.alias_edit
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not self.alias_edit.text()
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # back from another window (the command line may have changed the desk meanwhile)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            if self.client.closed:
                self.close()
            elif self._loaded:
                self._refresh.start()


def _undo_of(parent: QWidget | None) -> tuple[QUndoStack | None, QUndoGroup | None]:
    """The window's undo group and its desk's stack (the window keeps one per open desk)."""
    group: Any = getattr(parent, "undo_group", None)
    if not isinstance(group, QUndoGroup):
        return None, None
    return group.activeStack(), group


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from articles
    label.setWordWrap(True)
    return label
