"""The import report: when it is needed, its summary sentence, its table and Copy list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView
from pytestqt.qtbot import QtBot

from factdesk.core.records import DocumentInfo, Duplicate, ImportReport, Rejected
from factdesk.ui.import_report import (
    COL_FILE,
    COL_FOLDER,
    COL_REASON,
    ImportReportDialog,
    RejectedFilesModel,
    needs_report,
    summary_sentence,
)

SCAN = Rejected("/news/march/scan.pdf", "is not a readable PDF (it has no text layer)")
NOTES = Rejected("/home/me/notes.odt", "is not a supported format (.txt, .md, .html, .docx, .pdf)")
COPY = Duplicate("/news/march/paris-copy.txt", 7, "Prime Minister pledges support")


def info(doc_id: int) -> DocumentInfo:
    return DocumentInfo(
        id=doc_id,
        title=f"Article {doc_id}",
        source=f"/news/{doc_id}.txt",
        url=None,
        outlet=None,
        published=None,
        imported_at="2026-11-23T12:00:00Z",
        format="txt",
        words=120,
        sha256="0" * 64,
    )


def report(
    imported: int = 0,
    duplicates: tuple[Duplicate, ...] = (),
    rejected: tuple[Rejected, ...] = (),
    *,
    cancelled: bool = False,
) -> ImportReport:
    docs = tuple(info(i) for i in range(1, imported + 1))
    return ImportReport(docs, duplicates, rejected, cancelled)


FULL = report(3, (COPY,), (SCAN, NOTES))


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (report(2), False),
        (report(0), False),
        (report(2, rejected=(SCAN,)), True),
        (report(2, duplicates=(COPY,)), True),
        (report(2, cancelled=True), True),
    ],
)
def test_needs_report(case: ImportReport, expected: bool) -> None:
    assert needs_report(case) is expected


@pytest.mark.parametrize(
    ("case", "sentence"),
    [
        (
            FULL,
            "Imported 3 documents. 1 file was already on the desk. 2 files could not be imported:",
        ),
        (report(1, rejected=(SCAN,)), "Imported 1 document. 1 file could not be imported:"),
        (
            report(0, duplicates=(COPY, COPY)),
            "No documents were imported. 2 files were already on the desk:",
        ),
        (report(2, cancelled=True), "Import cancelled. Imported 2 documents."),
        (
            report(1, rejected=(NOTES,), cancelled=True),
            "Import cancelled. Imported 1 document. 1 file could not be imported:",
        ),
    ],
)
def test_summary_sentence(case: ImportReport, sentence: str) -> None:
    assert summary_sentence(case) == sentence


def test_model_passes_the_model_tester(qtmodeltester: object) -> None:
    qtmodeltester.check(RejectedFilesModel(FULL))  # type: ignore[attr-defined]
    qtmodeltester.check(RejectedFilesModel(report(1)))  # type: ignore[attr-defined]


def test_model_rows_rejected_first_then_duplicates() -> None:
    model = RejectedFilesModel(FULL)
    cells = [
        [model.index(row, col).data() for col in (COL_FILE, COL_FOLDER, COL_REASON)]
        for row in range(model.rowCount())
    ]
    assert cells == [
        ["scan.pdf", "/news/march", SCAN.reason],
        ["notes.odt", "/home/me", NOTES.reason],
        [
            "paris-copy.txt",
            "/news/march",
            "already on the desk as document 7 (“Prime Minister pledges support”)",
        ],
    ]
    assert model.headerData(COL_REASON, Qt.Orientation.Horizontal) == "Reason"


def test_full_path_is_the_tooltip() -> None:
    model = RejectedFilesModel(FULL)
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, COL_FILE).data(tip) == SCAN.path
    assert model.index(2, COL_FOLDER).data(tip) == COPY.path
    assert model.index(0, COL_REASON).data(tip) == SCAN.reason


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportReportDialog:
    widget = ImportReportDialog(FULL)
    qtbot.addWidget(widget)
    return widget


def test_dialog_shows_summary_and_table(dialog: ImportReportDialog) -> None:
    assert dialog.summary_label.text() == summary_sentence(FULL)
    view = dialog.table_view
    shown = view.model()
    assert shown.rowCount() == 3
    # The rows keep the order the files were read in until the user sorts.
    assert [shown.index(r, COL_FILE).data() for r in range(3)] == [
        "scan.pdf",
        "notes.odt",
        "paris-copy.txt",
    ]
    assert view.isSortingEnabled()
    assert view.horizontalHeader().sectionResizeMode(COL_REASON) == QHeaderView.ResizeMode.Stretch
    assert not view.isHidden() and not dialog.copy_button.isHidden()


def test_sorting_by_a_column(dialog: ImportReportDialog) -> None:
    dialog.table_view.sortByColumn(COL_FILE, Qt.SortOrder.AscendingOrder)
    shown = dialog.table_view.model()
    files = [shown.index(r, COL_FILE).data() for r in range(3)]
    assert files == ["notes.odt", "paris-copy.txt", "scan.pdf"]


def test_copy_list_puts_path_and_reason_lines_on_the_clipboard(
    qtbot: QtBot, dialog: ImportReportDialog
) -> None:
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "\n".join(
        [
            f"{SCAN.path}: {SCAN.reason}",
            f"{NOTES.path}: {NOTES.reason}",
            f"{COPY.path}: already on the desk as document 7 (“Prime Minister pledges support”)",
        ]
    )


def test_copy_list_follows_the_sorted_order(dialog: ImportReportDialog) -> None:
    dialog.table_view.sortByColumn(COL_FILE, Qt.SortOrder.DescendingOrder)
    dialog.copy_list()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert [line.split(":")[0] for line in lines] == [SCAN.path, COPY.path, NOTES.path]


def test_close_button_finishes_an_opened_dialog(qtbot: QtBot, dialog: ImportReportDialog) -> None:
    dialog.open()
    qtbot.waitExposed(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_cancelled_import_with_nothing_left_out_has_no_table(qtbot: QtBot) -> None:
    dialog = ImportReportDialog(report(4, cancelled=True))
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == "Import cancelled. Imported 4 documents."
    assert dialog.table_view.isHidden() and dialog.copy_button.isHidden()
