"""File ▸ Export fact sheet: the dialog's choices are remembered, and the export it drives
writes a real fact sheet from the window's desk (read back with pypdf)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from window_helpers import import_one, make_claim

from factdesk.services import Desk
from factdesk.ui.export_dialog import ExportDialog
from factdesk.ui.main_window import MainWindow


def test_dialog_choices_are_remembered(qtbot: Any, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(settings, ["Keir Starmer"], open_document="Paris summit")
    qtbot.addWidget(dialog)
    assert dialog.choices()["statuses"] == ["verified", "false", "misleading", "unverifiable"]
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.bom.isEnabled() and not dialog.page_size.isEnabled()
    dialog.statuses["unchecked"].setChecked(True)
    dialog.title.setText("Budget checks")
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog._accept()
    assert chosen.args[0]["format"] == "csv"
    again = ExportDialog(settings, [], open_document=None)
    qtbot.addWidget(again)
    assert again.choices()["format"] == "csv"
    assert again.choices()["title"] == "Budget checks"
    assert "unchecked" in again.choices()["statuses"]
    for box in again.statuses.values():
        box.setChecked(False)
    assert not again._ok.isEnabled()  # nothing to export without a status


def test_export_from_the_window_writes_the_chosen_claims(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk, run: Callable[..., Any]
) -> None:
    import_one(window, qtbot, tmp_path)
    kept = make_claim(window, qtbot, "spend 2.5 per cent of GDP")
    window.actions_.statuses["verified"].trigger()
    qtbot.waitUntil(lambda: other.claim(kept).status == "verified", timeout=5000)
    make_claim(window, qtbot, "a fantasy")  # unchecked: not in the default export
    window.actions_.export.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ExportDialog) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
    choices = dialog.choices()
    dialog.close()
    target = tmp_path / "sheet.pdf"
    run(window.desk_view.export_to(target, choices), timeout=30)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "spend 2.5 per cent of GDP" in text
    assert "a fantasy" not in text
    assert "sheet.pdf" in window.statusBar().currentMessage()


def test_print_shows_a_preview_painted_like_the_pdf(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk, run: Callable[..., Any]
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "spend 2.5 per cent of GDP")
    window.actions_.statuses["false"].trigger()
    qtbot.waitUntil(lambda: other.claim(claim_id).status == "false", timeout=5000)
    window.actions_.print_sheet.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ExportDialog) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
    assert dialog.for_print and not dialog.format.isVisible()
    choices = dialog.choices()
    dialog.close()
    preview = run(window.desk_view.print_preview(choices), timeout=30)
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.waitUntil(lambda: preview.pages >= 1, timeout=10000)  # painted by paint_pages
    preview.close()


def test_printing_on_a_high_resolution_printer_keeps_the_footer(
    qtbot: Any, tmp_path: Path, desk: Desk, articles: list[Path]
) -> None:
    """The preview's QPrinter is 1200 dpi; the footer was once drawn 12.5 times too big."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from factdesk.core.statuses import STATUSES
    from factdesk.factsheet.gather import ExportRequest, sheet_from_desk
    from factdesk.factsheet.html import render_parts
    from factdesk.factsheet.pdf import MARGINS_MM, PAGE_SIZES, paint_pages

    doc = desk.import_files(articles).imported[0]
    desk.add_claim(doc.id, quote="2.5 per cent of GDP", status="verified")
    sheet = sheet_from_desk(desk, ExportRequest("pdf", tmp_path / "x.pdf", statuses=STATUSES))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES["a4"]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    assert paint_pages(render_parts(sheet), printer, footer="desk · sheet") == 1
    text = " ".join(PdfReader(tmp_path / "printed.pdf").pages[0].extract_text().split())
    assert "page 1 of 1" in text and "2.5 per cent of GDP" in text


def test_preferences_name_the_editor_and_the_publisher(
    window: MainWindow, qtbot: Any, tmp_path: Path, run: Callable[..., Any]
) -> None:
    import json

    from factdesk.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.site_url.setText("ftp://example")
    dialog._save()
    assert not dialog.error.isHidden() and "ftp://example" in dialog.error.text()
    assert window.settings.value("profile/site_url") is None  # nothing saved
    dialog.editor.setText("Ana Desk")
    dialog.organisation.setText("Example Fact Check")
    dialog.site_url.setText("https://facts.example/sheet")
    dialog._save()
    assert run(window.open_desk(tmp_path / "desk.factdesk", create=False))
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    window.actions_.statuses["false"].trigger()
    with Desk.open(tmp_path / "desk.factdesk", create=False) as desk:
        qtbot.waitUntil(lambda: desk.claim(claim_id).status == "false", timeout=5000)
        assert {h.editor for h in desk.history(claim_id)} == {"Ana Desk"}
    target = tmp_path / "sheet.json"
    choices = {
        "format": "json",
        "title": "",
        "statuses": ["false"],
        "open_document_only": False,
        "speaker": None,
        "page_size": "a4",
        "bom": False,
        "per_highlight": False,
    }
    run(window.desk_view.export_to(target, choices))
    (review,) = json.loads(target.read_text(encoding="utf-8"))["@graph"]
    assert review["author"]["name"] == "Example Fact Check"
    assert review["url"].startswith("https://facts.example/sheet")
