"""The desk window's workflows, driven through the real widgets on a real desk file.

A second `Desk` opened on the same file plays the command line: what the window does must be
on disk at once, and what the other side changes must reach the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from window_helpers import EMOJI_ARTICLE, drop, import_one, make_claim, wait_undo, write

from factdesk.services import Desk
from factdesk.services.claim_input import ClaimUpdate
from factdesk.ui.import_report import ImportReportDialog
from factdesk.ui.main_window import MainWindow


def test_empty_desk_shows_the_welcome_panel_and_names_the_desk(window: MainWindow) -> None:
    assert window.centre.currentWidget() is window.welcome
    assert "desk" in window.windowTitle()
    assert window.windowTitle().endswith("factdesk")


def test_dropping_files_imports_them_and_reports_the_bad_one(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    good = write(tmp_path, "a.txt", EMOJI_ARTICLE)
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a real docx")
    drop(window, [good, bad])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(
        lambda: any(isinstance(w, ImportReportDialog) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReportDialog))
    assert dialog.isVisible()
    assert "broken.docx" in dialog.model.index(0, 0).data()
    dialog.close()
    assert [d.title for d in other.documents()] == ["Summit notes 🇫🇷 and 🎉 first"]
    assert window.centre.currentWidget() is window.reader
    wait_undo(window, qtbot, "Import")

    window.actions_.undo.trigger()  # the import is undone: the document leaves the desk
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 0, timeout=5000)
    assert other.documents() == []
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    assert [d.title for d in other.documents()] == ["Summit notes 🇫🇷 and 🎉 first"]


def test_selection_after_emoji_becomes_a_claim_with_the_exact_quote(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    doc_id = import_one(window, qtbot, tmp_path)
    words = "spend 2.5 per cent of GDP"
    claim_id = make_claim(window, qtbot, words)
    stored = other.claim(claim_id)
    (span,) = stored.spans
    assert span.quote == words
    assert other.document(doc_id).text[span.start : span.end] == words
    assert stored.text == words  # the claim text is pre-filled from the selection
    assert window.editor.text.toPlainText() == words
    # the new highlight is drawn in the view
    qtbot.waitUntil(
        lambda: [h.claim_id for h in window.view.highlights_at(span.start + 1)] == [claim_id],
        timeout=5000,
    )


def test_editor_fields_save_at_once_and_undo_redo(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    editor = window.editor

    editor.text.setFocus()
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Defence plan is a fantasy")
    editor.date.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: other.claim(claim_id).text == "Defence plan is a fantasy", timeout=5000)

    qtbot.keyClicks(editor.date, "2025-02-17")
    qtbot.keyClick(editor.date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: other.claim(claim_id).date == "2025-02-17", timeout=5000)

    editor.speaker.lineEdit().setFocus()
    qtbot.keyClicks(editor.speaker.lineEdit(), "Opposition leader")
    qtbot.keyClick(editor.speaker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: other.claim(claim_id).speaker == "Opposition leader", timeout=5000)

    window.claims.table.setFocus()
    window.activateWindow()
    window.actions_.statuses["false"].trigger()  # key 4 in the table
    qtbot.waitUntil(lambda: other.claim(claim_id).status == "false", timeout=5000)
    qtbot.waitUntil(lambda: window.claims.model.claim(claim_id).status == "false", timeout=5000)
    wait_undo(window, qtbot, "Mark claim")

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: other.claim(claim_id).status == "unchecked", timeout=5000)
    qtbot.waitUntil(lambda: editor.status.currentData() == "unchecked", timeout=5000)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: other.claim(claim_id).speaker is None, timeout=5000)
    window.actions_.redo.trigger()
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: other.claim(claim_id).status == "false", timeout=5000)
    assert other.claim(claim_id).speaker == "Opposition leader"
    fields = [h.field for h in other.history(claim_id)]
    assert fields.count("status") >= 3  # set, undone, redone: all recorded
    qtbot.waitUntil(lambda: editor.history.model.rowCount() == len(fields), timeout=5000)


def test_a_claim_changed_elsewhere_is_never_overwritten_silently(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    other.update_claim(claim_id, ClaimUpdate(note="Checked by the other desk"))

    editor = window.editor
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "My note")
    editor.note.flush()
    qtbot.waitUntil(editor.conflict_bar.isVisible, timeout=5000)
    assert other.claim(claim_id).note == "Checked by the other desk"
    assert editor.note.toPlainText() == "Checked by the other desk"  # the newer values show

    editor.use_mine.click()  # the bar offers to apply ours anyway
    qtbot.waitUntil(lambda: other.claim(claim_id).note == "My note", timeout=5000)


def test_link_unlink_and_delete_with_undo(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "2.5 per cent of GDP")
    text = window.view.text()
    start = text.index("on defence by 2027")
    window.view.reveal_span(start, start + len("on defence by 2027"))
    window.actions_.link.trigger()
    qtbot.waitUntil(lambda: len(other.claim(claim_id).spans) == 2, timeout=5000)
    qtbot.waitUntil(lambda: len(window.view.highlights_at(start)) == 1, timeout=5000)

    window.actions_.unlink.trigger()  # the selection sits in the new highlight
    qtbot.waitUntil(lambda: len(other.claim(claim_id).spans) == 1, timeout=5000)
    wait_undo(window, qtbot, "Remove highlight")
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(other.claim(claim_id).spans) == 2, timeout=5000)

    window.claims.select(claim_id)
    window.actions_.delete_claim.trigger()
    qtbot.waitUntil(lambda: other.claims() == [], timeout=5000)
    qtbot.waitUntil(lambda: window.claims.model.rowCount() == 0, timeout=5000)
    wait_undo(window, qtbot, "Delete claim")
    window.actions_.undo.trigger()  # the same claim, same id, both quotes
    qtbot.waitUntil(lambda: [c.id for c in other.claims()] == [claim_id], timeout=5000)
    assert len(other.claim(claim_id).spans) == 2
    qtbot.waitUntil(lambda: window.claims.model.rowCount() == 1, timeout=5000)


def test_changes_from_the_command_line_side_show_in_the_window(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    doc_id = import_one(window, qtbot, tmp_path)
    made = other.add_claim(doc_id, quote="a fantasy", status="misleading").value
    # nobody tells the window: it notices the file changed (PRAGMA data_version) and refreshes
    qtbot.waitUntil(lambda: window.claims.model.row_of(made.id) is not None, timeout=8000)
    start = window.view.text().index("a fantasy")
    qtbot.waitUntil(
        lambda: [h.status for h in window.view.highlights_at(start)] == ["misleading"],
        timeout=5000,
    )
    other.update_claim(made.id, ClaimUpdate(status="false"))
    qtbot.waitUntil(lambda: window.claims.model.claim(made.id).status == "false", timeout=8000)
    other.import_text("A second article\nFrom the command line.")
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 2, timeout=8000)


def test_paste_makes_a_document_and_search_jumps_to_it(
    window: MainWindow, qtbot: Any, other: Desk
) -> None:
    QGuiApplication.clipboard().setText("Pasted headline\nThe council voted on the bridge budget.")
    window.actions_.paste_text.trigger()
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    assert [d.title for d in other.documents()] == ["Pasted headline"]
    QGuiApplication.clipboard().setText("Second note\nNothing about rivers here.")
    window.actions_.paste_text.trigger()
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 2, timeout=5000)
    second = next(d.id for d in other.documents() if d.title == "Second note")
    qtbot.waitUntil(lambda: window.view.document_id() == second, timeout=5000)

    window.actions_.search.trigger()
    assert window.left.currentWidget() is window.search
    qtbot.keyClicks(window.search.query_edit, "bridge budg")
    qtbot.waitUntil(lambda: window.search.model.rowCount() >= 1, timeout=5000)
    hit = window.search.model.hit(0)
    assert (hit.kind, hit.title) == ("document", "Pasted headline")
    window.search.hits_view.clicked.emit(window.search.model.index(0, 0))
    qtbot.waitUntil(lambda: window.view.document_id() == hit.id, timeout=5000)
    span = window.view.selected_span()  # the find bar lands on the words searched for
    qtbot.waitUntil(lambda: window.view.selected_span() is not None, timeout=5000)
    span = window.view.selected_span()
    assert window.view.text()[span[0] : span[1]].lower().startswith("bridge")


def test_quit_closes_the_desk_with_every_edit_on_disk(
    tmp_path: Path, qtbot: Any, run: Callable[..., Any]
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert run(win.open_desk(tmp_path / "desk.factdesk"))
    import_one(win, qtbot, tmp_path)
    claim_id = make_claim(win, qtbot, "a fantasy")
    win.editor.note.setFocus()
    qtbot.keyClicks(win.editor.note, "typed just before quitting")
    win.actions_.quit.trigger()  # the pending note is saved before the desk closes
    assert not win.isVisible()
    assert win.client is None
    with Desk.open(tmp_path / "desk.factdesk", create=False) as desk:
        assert desk.claim(claim_id).note == "typed just before quitting"
    assert settings.value("desks/recent")  # the last desk is remembered


def test_every_shortcut_is_unique_and_shown_in_a_menu(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    in_menus = {
        action.text() for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()
    }
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name} is both {seen[name]!r} and {action.text()!r}"
            seen[name] = action.text()
        if action.shortcuts():
            assert action.text() in in_menus, f"{action.text()!r} is in no menu"
    for key in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Q", "Ctrl+F", "Ctrl+Shift+F", "Ctrl+L"):
        assert key in seen, key


def test_keyboard_ctrl_enter_makes_a_claim_and_ctrl_q_quits(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    start = window.view.text().index("a fantasy")
    window.view.reveal_span(start, start + len("a fantasy"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(other.claims()) == 1, timeout=5000)
    assert other.claims()[0].spans[0].quote == "a fantasy"
    qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.client is None


def test_evidence_is_added_removed_and_undone(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "2.5 per cent of GDP")
    sources = window.editor.sources
    window.editor.tabs.setCurrentWidget(sources)
    qtbot.keyClicks(sources.source, "https://www.gov.uk/defence-spending")
    qtbot.keyClicks(sources.source_note, "table 4")
    qtbot.mouseClick(sources.add_evidence, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(other.claim(claim_id).evidence) == 1, timeout=5000)
    assert other.claim(claim_id).evidence[0].note == "table 4"
    qtbot.waitUntil(lambda: sources.evidence.rowCount() == 1, timeout=5000)
    wait_undo(window, qtbot, "Add evidence")

    sources.evidence_list.setCurrentIndex(sources.evidence.index(0, 0))
    qtbot.mouseClick(sources.remove_evidence, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.claim(claim_id).evidence == (), timeout=5000)
    wait_undo(window, qtbot, "Remove evidence")
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(other.claim(claim_id).evidence) == 1, timeout=5000)
    qtbot.waitUntil(lambda: sources.evidence.rowCount() == 1, timeout=5000)


def test_welcome_opens_the_demo_desk(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 4, timeout=20000)
    demo = tmp_path / "data" / "factdesk" / "demo.factdesk"
    assert window.client is not None and window.client.path == demo
    assert window.windowTitle().startswith("demo")
    qtbot.waitUntil(lambda: window.view.document_id() is not None, timeout=5000)
    with Desk.open(demo, create=False) as desk:
        assert len(desk.claims()) >= 10


def test_save_a_copy_and_reopen_it_from_recent_desks(
    window: MainWindow, qtbot: Any, tmp_path: Path, run: Callable[..., Any]
) -> None:
    import_one(window, qtbot, tmp_path)
    copy = tmp_path / "copy.factdesk"
    run(window.desk_view.save_copy(copy))
    with Desk.open(copy, create=False) as desk:
        assert len(desk.documents()) == 1
    assert run(window.open_desk(copy, create=False))
    assert window.windowTitle().startswith("copy")
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=5000)
    names = [a.text() for a in window.actions_.recent.actions()]
    assert any("copy.factdesk" in n for n in names) and any("desk.factdesk" in n for n in names)


def test_a_file_that_is_not_a_desk_is_refused_in_one_sentence(
    window: MainWindow, qtbot: Any, tmp_path: Path, run: Callable[..., Any]
) -> None:
    bogus = tmp_path / "notes.factdesk"
    bogus.write_text("shopping list", encoding="utf-8")
    assert not run(window.open_desk(bogus, create=False))
    assert "notes.factdesk" in window.statusBar().currentMessage()
    assert bogus.read_text(encoding="utf-8") == "shopping list"
    assert window.client is not None and window.client.path.name == "desk.factdesk"
    for box in QApplication.topLevelWidgets():
        if box.isVisible() and box.windowTitle() == "The desk could not be opened":
            box.close()


def test_clicking_a_highlight_selects_its_claim_and_digit_keys_set_status(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    first = make_claim(window, qtbot, "a fantasy")
    second = make_claim(window, qtbot, "2.5 per cent of GDP")
    assert window.claims.current_id() == second
    start = window.view.text().index("a fantasy")
    qtbot.waitUntil(lambda: bool(window.view.highlights_at(start)), timeout=5000)
    rect = window.view.cursorRect(_cursor_at(window, start + 2))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.claims.current_id() == first, timeout=5000)
    qtbot.waitUntil(lambda: getattr(window.editor.claim(), "id", None) == first, timeout=5000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_3)  # 3 = verified
    qtbot.waitUntil(lambda: other.claim(first).status == "verified", timeout=5000)
    assert other.claim(second).status == "unchecked"


def _cursor_at(window: MainWindow, offset: int) -> Any:
    from PySide6.QtGui import QTextCursor

    from factdesk.core.offsets import cp_to_utf16

    cursor = QTextCursor(window.view.document())
    cursor.setPosition(cp_to_utf16(window.view.text(), offset))  # Qt counts UTF-16 units
    return cursor
