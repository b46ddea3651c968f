"""File ▸ Print: the fact sheet in a print preview, painted by the same code as the PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from factdesk.core.errors import KnownError
from factdesk.factsheet.export import footer_text
from factdesk.factsheet.html import render_parts
from factdesk.factsheet.model import FactSheet
from factdesk.factsheet.pdf import MARGINS_MM, PAGE_SIZES, font_family, paint_pages

if TYPE_CHECKING:
    from collections.abc import Callable


def open_preview(
    parent: QWidget, sheet: FactSheet, *, page_size: str, failed: Callable[[str], None]
) -> QPrintPreviewDialog:
    """Show the sheet in a print preview (opened, not exec'd); printing goes through Qt's own
    print dialog from there. A painting failure is reported through `failed`."""
    font_family()
    parts = render_parts(sheet)
    footer = footer_text(sheet)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page_size]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(sheet.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {sheet.title}")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # the dialog only points at the printer (it does not own it): keep it alive with the dialog,
    # or Python frees it when this function returns and the preview paints on freed memory
    dialog.printer = printer  # type: ignore[attr-defined]
    dialog.pages = 0  # type: ignore[attr-defined]  (read by tests and the status bar)

    def _paint(device: QPrinter) -> None:
        try:
            dialog.pages = paint_pages(parts, device, footer=footer)  # type: ignore[attr-defined]
        except KnownError as exc:
            failed(f"Could not print the fact sheet: {exc}")

    dialog.paintRequested.connect(_paint)
    dialog.resize(900, 700)
    dialog.open()
    return dialog
