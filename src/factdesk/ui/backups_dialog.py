"""File ▸ Restore from backup: the desk's backups, newest first, to restore one or take one now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.backups import BackupPolicy, BackupSummary
from factdesk.core.text import count_of
from factdesk.ui.tooltips import plain_tip

COLUMNS = ("Taken", "Kind", "Documents", "Claims", "Size")
KIND_LABELS = {
    "auto": "on opening",
    "manual": "by hand",
    "before-restore": "before a restore",
}


def taken_label(summary: BackupSummary) -> str:
    """The backup's time in the local zone, as a person reads it: "Mon 23 Nov 2026, 14:21"."""
    return summary.info.taken_at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")


def size_label(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupsDialog(QDialog):
    """Lists backups (filled in by the window once they are read) and asks for one to restore."""

    restoreRequested = Signal(object)  # BackupSummary
    backupRequested = Signal()

    def __init__(self, desk: Path, policy: BackupPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Backups of {desk.name}")
        self.resize(640, 360)
        minutes = int(policy.interval.total_seconds() // 60)
        rolling = (
            f"One is taken when the desk is opened, at most every {minutes} minutes, and the "
            f"last {policy.keep} are kept."
            if policy.enabled
            else "Backups on opening are turned off (Edit ▸ Preferences)."
        )
        self.intro = QLabel(f"Backups are kept in {desk.name}.backups beside the desk. {rolling}")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda *_: self._restore())
        self.status = QLabel("Reading the backups…")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore this backup…")
        self.restore_button.setEnabled(False)
        self.backup_button = QPushButton("&Back up now")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.backup_button.clicked.connect(self.backupRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._summaries: list[BackupSummary] = []

    def set_backups(self, summaries: list[BackupSummary]) -> None:
        self._summaries = list(summaries)
        self.table.clear()
        for summary in summaries:
            readable = summary.readable
            item = QTreeWidgetItem(
                [
                    taken_label(summary),
                    KIND_LABELS.get(summary.info.kind, summary.info.kind),
                    str(summary.documents) if readable else "cannot be read back",
                    str(summary.claims) if readable else "",
                    size_label(summary.info.size),
                ]
            )
            item.setToolTip(0, plain_tip(str(summary.info.path)))
            if not readable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.table.addTopLevelItem(item)
        count = len(summaries)
        self.status.setText("No backups yet." if not count else f"{count_of(count, 'backup')}.")
        first = next((i for i, s in enumerate(summaries) if s.readable), None)
        if first is not None:
            self.table.setCurrentItem(self.table.topLevelItem(first))

    def selected(self) -> BackupSummary | None:
        row = self.table.indexOfTopLevelItem(self.table.currentItem())
        if 0 <= row < len(self._summaries) and self._summaries[row].readable:
            return self._summaries[row]
        return None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.restoreRequested.emit(chosen)
