"""Importing files from the window: off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from factdesk.core.records import ImportReport
from factdesk.core.text import count_of

if TYPE_CHECKING:
    from factdesk.ui.desk_client import DeskClient

SHOW_AFTER_MS = 300  # a quick import of a few files should not flash a dialog


async def import_with_progress(
    parent: QWidget, client: DeskClient, paths: Sequence[Path]
) -> ImportReport:
    """Import `paths` on the desk's worker while a progress dialog shows how far it got."""
    loop = asyncio.get_running_loop()
    stop = threading.Event()
    dialog = QProgressDialog(f"Importing {count_of(len(paths), 'file')}…", "Cancel", 0, len(paths))
    dialog.setParent(parent, dialog.windowFlags())
    dialog.setWindowTitle("Importing")
    label = QLabel(dialog.labelText())
    label.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names, which can hold markup
    dialog.setLabel(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(stop.set)

    def _progress(done: int, total: int, current: str) -> None:  # on the worker thread
        loop.call_soon_threadsafe(_show, done, total, current)

    def _show(done: int, total: int, current: str) -> None:
        if not dialog.wasCanceled():
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Importing {Path(current).name} ({done} of {total})")

    try:
        return await client.call(
            lambda desk: desk.import_files(paths, progress=_progress, cancelled=stop.is_set)
        )
    finally:
        dialog.close()
        dialog.deleteLater()
