"""Content on screen: the window opened on a hostile desk shows every title, claim, quote,
speaker, note and snippet as the characters they are, in labels and tooltips alike.

Qt guesses the format of a QLabel's text (Qt.AutoText) and of every tooltip: text that looks
like HTML is rendered as HTML, and an <img> in it is loaded from disk (or, on Windows, from a
network share). Each check reads what Qt actually drew, through the label's own QTextDocument.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QToolTip,
    QWidget,
)
from security_helpers import (
    OUTLET,
    SEARCHABLE,
    Hostile,
    Listener,
    Shown,
    read_document,
    read_label,
    write_png,
)

from factdesk.services import ClaimUpdate, Desk
from factdesk.ui.export_dialog import ExportDialog
from factdesk.ui.import_report import COL_FILE, ImportReportDialog
from factdesk.ui.main_window import MainWindow

# showing a tooltip window: the offscreen platform's harmless notice, no bug of ours
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

NO_IMAGE = "\N{OBJECT REPLACEMENT CHARACTER}"  # what an image is in a document's plain text


def assert_literal(shown: Shown, *literals: str) -> None:
    """The widget drew each literal character for character, and no image or link."""
    flat = " ".join(shown.text.split())
    for literal in literals:
        assert " ".join(literal.split()) in flat, (literal, shown.text)
    assert (shown.images, shown.links) == (0, ()), shown
    assert NO_IMAGE not in shown.text


@pytest.fixture
def opened(hostile_file: Hostile, window: MainWindow, qtbot: Any) -> Iterator[Hostile]:
    """The window on the hostile desk, showing the hostile page and its first claim."""
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 3, timeout=5000)
    window.documents.select(hostile_file.page_doc)
    qtbot.waitUntil(lambda: window.view.document_id() == hostile_file.page_doc, timeout=5000)
    qtbot.waitUntil(
        lambda: window.claims.model.row_of(hostile_file.claim) is not None, timeout=5000
    )
    window.claims.select(hostile_file.claim)
    qtbot.waitUntil(
        lambda: (
            window.editor.claim() is not None
            and window.editor.claim().id == hostile_file.claim
            and window.editor.history.model.rowCount() > 0
        ),
        timeout=5000,
    )
    yield hostile_file
    QToolTip.hideText()


def hover(viewport: QWidget, point: QPoint) -> Shown:
    """Ask `viewport` for its tooltip at `point`, as a resting mouse does; read the tip shown."""
    QToolTip.hideText()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    tips = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "qtooltip_label" and w.isVisible()
    ]
    assert len(tips) == 1 and isinstance(tips[0], QLabel), "no tooltip was shown"
    return read_label(tips[0])


def hover_row(view: QAbstractItemView, index: QModelIndex) -> Shown:
    assert index.isValid()
    view.scrollTo(index)
    return hover(view.viewport(), view.visualRect(index).center())


def _row(view: QAbstractItemView, contains: str, column: int = 0) -> QModelIndex:
    """The first index of `view`'s model (in column `column`) that shows `contains`."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, column)
        tip = html.unescape(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        if contains in f"{index.data()} {tip}":
            return index
    raise AssertionError(f"no row holds {contains!r}")


def test_a_label_left_to_guess_loads_the_image_a_title_names(tmp_path: Path, qtbot: Any) -> None:
    """The hazard, shown: a QLabel with the default Qt.AutoText renders a title holding
    <img src="file://..."> as HTML and reads the image from disk (it takes the image's 30 px
    height). This is also the proof that `read_label` sees an image when there is one."""
    probe = write_png(tmp_path / "probe.png", 40, 30)
    label = QLabel(f'Budget row <img src="{probe.as_uri()}"> at the council')
    qtbot.addWidget(label)
    label.show()
    assert read_label(label).images == 1
    assert label.sizeHint().height() >= 30


def test_title_outlet_and_reading_pane_show_the_article_as_text(
    opened: Hostile, window: MainWindow, listener: Listener
) -> None:
    for label in (window.doc_title, window.doc_meta):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert_literal(read_label(window.doc_title), opened.title)
    assert_literal(read_label(window.doc_meta), OUTLET)
    # the reading pane is a QPlainTextEdit: the article is its plain text, markup and all
    assert_literal(read_document(window.view.document()), opened.title, opened.remote_img)
    assert listener.connections == []  # the page's <img>, <link> and <script src> were never read


def test_every_tooltip_shows_desk_data_as_text(
    opened: Hostile, window: MainWindow, qtbot: Any, listener: Listener
) -> None:
    """Documents, claims, a highlight in the reading pane, a claim's quotes, evidence and
    history, and search hits: each tooltip holds article or claim text that looks like HTML."""
    docs = window.documents.table
    assert_literal(hover_row(docs, _row(docs, "Budget row")), opened.title)

    claims = window.claims.table
    assert_literal(hover_row(claims, _row(claims, "Mayor claims", 1)), opened.claim_text)

    view = window.view
    offset = view.text().index(opened.quote) + 5
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    view.reveal_span(offset, offset, select=False)
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    assert_literal(hover(view.viewport(), point), opened.claim_text)

    editor = window.editor
    editor.tabs.setCurrentWidget(editor.sources)
    spans, evidence = editor.sources.span_list, editor.sources.evidence_list
    assert_literal(hover_row(spans, _row(spans, opened.quote)), opened.quote)
    assert_literal(hover_row(evidence, _row(evidence, "screenshot")), opened.pasted_evidence)
    editor.tabs.setCurrentWidget(editor.history)
    history = editor.history.table
    assert_literal(hover_row(history, _row(history, "Mayor claims", 2)), opened.claim_text)

    window.actions_.search.trigger()
    qtbot.keyClicks(window.search.query_edit, "search finds")
    hits = window.search.hits_view
    qtbot.waitUntil(lambda: window.search.model.rowCount() >= 1, timeout=5000)
    index = _row(hits, SEARCHABLE[:-1])
    assert_literal(hover_row(hits, index), SEARCHABLE[:-1])
    # the hit's second line is drawn from HTML: the snippet in it is escaped
    snippet = hits.itemDelegate().snippet_document(index, hits.font(), 2000)
    assert_literal(read_document(snippet), SEARCHABLE[:-1])
    assert listener.connections == []


def test_claim_editor_messages_quote_text_as_text(
    opened: Hostile, window: MainWindow, qtbot: Any
) -> None:
    """The date error quotes what was typed; the conflict bar quotes the edit that was not
    saved, which may be text pasted from an article."""
    editor = window.editor
    editor.date.setText("<a href=x>")
    editor.date.editingFinished.emit()
    assert editor.date_error.isVisible()
    assert_literal(read_label(editor.date_error), "“<a href=x>” is not a date")

    assert window.client is not None
    with Desk.open(window.client.path, editor="elsewhere") as other:
        other.update_claim(opened.claim, ClaimUpdate(note="Changed elsewhere"))
    mine = '<img src="file:///etc/passwd"> my note'  # short: the bar quotes 80 characters
    editor.note.setPlainText(mine)
    editor.note.flush()
    qtbot.waitUntil(editor.conflict_bar.isVisible, timeout=5000)
    assert_literal(read_label(editor.conflict_text), f"Your note: “{mine}”")


def test_export_proposes_no_file_name_from_the_desk(
    opened: Hostile, window: MainWindow, qtbot: Any
) -> None:
    """The save dialog opens on a folder with an empty name: no title or outlet is offered
    as a file name, so none can carry "../" or a device name into a path."""
    window.actions_.export.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ExportDialog) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
    dialog.scope.setCurrentIndex(1)  # only the open document: its title is in the dialog
    dialog._ok.click()
    qtbot.waitUntil(lambda: bool(window.findChildren(QFileDialog)), timeout=5000)
    chooser = window.findChildren(QFileDialog)[-1]
    try:
        assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        name = chooser.findChild(QWidget, "fileNameEdit")
        assert name is not None and name.text() == ""
        for chosen in chooser.selectedFiles():
            assert "Budget" not in chosen and "outside" not in chosen and "Outlet" not in chosen
    finally:
        chooser.reject()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names cannot hold < or >")
def test_import_report_shows_file_names_as_text(desk: Any, tmp_path: Path, qtbot: Any) -> None:
    """A file refused at import is named in the report's tooltips by its full path, and a
    file name (from a download, an e-mail attachment) may look like HTML."""
    write_png(tmp_path / "probe.png")
    bad = tmp_path / "<img src=probe.png> budget.docx"
    bad.write_bytes(b"not a zip archive")
    report = desk.import_files([bad])
    assert [r.path for r in report.rejected] == [str(bad)]
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.table_view
    assert_literal(hover_row(view, view.model().index(0, COL_FILE)), str(bad))
