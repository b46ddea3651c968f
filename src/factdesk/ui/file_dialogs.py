"""File choosers that never block: open() the dialog and act when the person has chosen.

A static QFileDialog.get*() runs a nested event loop; inside a qasync coroutine that breaks the
loop (STYLE habit 7), so the window asks with open() and a callback instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

Mode = QFileDialog.FileMode
Accept = QFileDialog.AcceptMode


def _dialog(parent: QWidget, title: str, folder: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def ask_open_files(
    parent: QWidget,
    title: str,
    folder: str,
    name_filter: str,
    chosen: Callable[[list[Path]], None],
    *,
    many: bool = True,
) -> QFileDialog:
    """Ask for existing files; `chosen` gets them (never called on Cancel)."""
    dialog = _dialog(parent, title, folder, name_filter)
    dialog.setFileMode(Mode.ExistingFiles if many else Mode.ExistingFile)
    dialog.filesSelected.connect(lambda names: chosen([Path(n) for n in names]))
    dialog.open()
    return dialog


def ask_save_file(
    parent: QWidget,
    title: str,
    folder: str,
    name_filter: str,
    chosen: Callable[[Path], None],
    *,
    suffix: str = "factdesk",
) -> QFileDialog:
    """Ask for a new file name; `chosen` gets it, with `suffix` added when missing."""
    dialog = _dialog(parent, title, folder, name_filter)
    dialog.setAcceptMode(Accept.AcceptSave)
    dialog.setFileMode(Mode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog
