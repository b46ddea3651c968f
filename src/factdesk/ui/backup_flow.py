"""Backups in the window: list and restore them, take one now, and rescue a damaged desk.

Restoring closes the desk first (its queued edits finish, its undo history goes: the steps
would refer to rows the backup may not have), restores on a thread, and reopens the desk.
The backup work runs off the GUI thread; a damaged desk has no worker to run it on.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from factdesk.core.backups import BackupSummary, Restored
from factdesk.core.errors import DamagedDeskError, KnownError
from factdesk.ui import preferences
from factdesk.ui.backups_dialog import BackupsDialog, taken_label
from factdesk.ui.desk_slot import desk_slot

if TYPE_CHECKING:
    from factdesk.ui.main_window import MainWindow


async def _off_gui(fn, *args):  # type: ignore[no-untyped-def]
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


def _services():  # type: ignore[no-untyped-def]
    from factdesk.services import backups  # noqa: PLC0415  (SQLAlchemy: not at start-up)

    return backups


def backup_sentence(summary: BackupSummary) -> str:
    return f"the backup taken {taken_label(summary)} ({summary.contents})"


class BackupFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.dialog: BackupsDialog | None = None

    # --- File ▸ Restore from backup ------------------------------------------------------

    def show_backups(self) -> None:
        if self.w.client is None:
            return
        policy = preferences.backup_policy(self.w.settings)
        dialog = BackupsDialog(self.w.client.path, policy, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(self._confirm_restore)
        dialog.backupRequested.connect(self._back_up_now)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        self._refresh_list()

    def _forget_dialog(self) -> None:
        self.dialog = None

    @desk_slot()
    async def _refresh_list(self) -> None:
        if self.w.client is None or self.dialog is None:
            return
        path = self.w.client.path
        summaries = await _off_gui(_services().list_backups, path)
        if self.dialog is not None:
            self.dialog.set_backups(summaries)

    @desk_slot()
    async def _back_up_now(self) -> None:
        if self.w.client is None:
            return
        try:
            made = await self.w.client.call(lambda desk: _services().backup_now(desk.path))
        except KnownError as exc:
            self.w.show_error("No backup was made", str(exc))
            return
        self.w.statusBar().showMessage(f"Backed up to {made.info.path}", 8000)
        await self._refresh_list()

    def _confirm_restore(self, chosen: BackupSummary) -> None:
        if self.w.client is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore from backup",
            f"Replace everything on {self.w.client.path.name} with {backup_sentence(chosen)}? "
            "The desk as it is now is kept as a backup first, so this can be reversed.",
            parent=self.dialog or self.w,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        restore.clicked.connect(lambda: self.w.desk_view._spawn(self.restore(chosen)))
        box.open()

    async def restore(self, chosen: BackupSummary) -> bool:
        """Close the desk, restore `chosen` into it, reopen it; True when it is back open."""
        if self.w.client is None:
            return False
        path = self.w.client.path
        if self.dialog is not None:
            self.dialog.close()
        await self.w.close_desk()
        return await self._restore_and_open(path, chosen)

    # --- a damaged desk ------------------------------------------------------------------

    async def offer_for_damaged(self, path: Path, error: DamagedDeskError) -> None:
        """Say the desk is damaged and offer its latest good backup, if it has one."""
        good = await _off_gui(_services().latest_good, path)
        if good is None:
            self.w.show_error(
                "The desk is damaged", f"{error} It has no backup that can be read back."
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "The desk is damaged",
            f"{error}. Its latest good backup is {backup_sentence(good)}. Restore it? "
            "The damaged file is kept beside it.",
            parent=self.w,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("damagedDeskBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        restore.clicked.connect(lambda: self.w.desk_view._spawn(self._restore_and_open(path, good)))
        box.open()
        self.w.statusBar().showMessage(str(error), 10000)

    async def _restore_and_open(self, path: Path, chosen: BackupSummary) -> bool:
        if self.w.client is not None and self.w.client.path == path:
            await self.w.close_desk()  # it went bad while open: let go of it first
        self.w.statusBar().showMessage(f"Restoring {path.name}…")
        try:
            restored: Restored = await _off_gui(_services().restore, path, chosen.info.path)
        except KnownError as exc:
            self.w.show_error("The backup could not be restored", str(exc))
            await self.w.open_desk(path, create=False)
            return False
        if not await self.w.open_desk(path, create=False):
            return False
        kept = f"; the desk as it was is kept in {restored.kept}" if restored.kept else ""
        self.w.statusBar().showMessage(f"Restored {backup_sentence(chosen)}{kept}", 15000)
        return True
