"""Edits that must never be lost or overwrite someone else's: each test here reproduces a defect
an independent review found (the window closing mid-typing, undo over a colleague's change,
queued edits after a conflict, redo after delete, keys pressed in quick succession)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from window_helpers import import_one, make_claim, wait_undo

from factdesk.services import Desk
from factdesk.services.claim_input import ClaimUpdate
from factdesk.ui.main_window import MainWindow


def test_quitting_while_typing_a_speaker_or_date_saves_them(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    speaker = window.editor.speaker.lineEdit()
    speaker.setFocus()
    qtbot.keyClicks(speaker, "Opposition leader")
    qtbot.keyClicks(window.editor.date, "2025-02-17")  # neither field was left
    window.actions_.quit.trigger()
    saved = other.claim(claim_id)
    assert (saved.speaker, saved.date) == ("Opposition leader", "2025-02-17")


def test_undo_is_refused_when_someone_else_changed_the_field_since(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    window.actions_.statuses["false"].trigger()
    wait_undo(window, qtbot, "Mark claim")
    other.update_claim(claim_id, ClaimUpdate(status="verified", note="Verified with ONS"))
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: "Could not undo" in window.statusBar().currentMessage(), timeout=5000)
    assert other.claim(claim_id).status == "verified"


def test_undo_of_one_field_survives_someone_editing_another(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    window.actions_.statuses["false"].trigger()
    wait_undo(window, qtbot, "Mark claim")
    other.update_claim(claim_id, ClaimUpdate(note="A colleague's note"))
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: other.claim(claim_id).status == "unchecked", timeout=5000)
    assert other.claim(claim_id).note == "A colleague's note"
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Undone: Mark claim"),
        timeout=5000,
    )


def test_edits_queued_behind_a_refused_one_are_refused_too(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    editor = window.editor
    window.client.submit(lambda desk: time.sleep(1.0))  # the worker is busy for a moment
    other.update_claim(claim_id, ClaimUpdate(text="Opposition called the figure a fantasy"))
    editor.text.setFocus()
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Mine")
    editor.text.flush()  # expects version v
    qtbot.keyClicks(editor.text, " too")
    editor.text.flush()  # expects v+1: the version the other process just made
    qtbot.waitUntil(editor.conflict_bar.isVisible, timeout=5000)
    qtbot.wait(1200)
    assert other.claim(claim_id).text == "Opposition called the figure a fantasy"


def test_status_keys_in_quick_succession_all_count(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    window.client.submit(lambda desk: time.sleep(0.3))
    window.actions_.statuses["false"].trigger()  # 4, by mistake
    window.actions_.statuses["unchecked"].trigger()  # 1, straight after
    qtbot.waitUntil(lambda: window.undo_group.undoText().endswith("Unchecked"), timeout=5000)
    assert other.claim(claim_id).status == "unchecked"


def test_redo_of_a_new_claim_then_an_edit_is_no_false_conflict(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    import_one(window, qtbot, tmp_path)
    claim_id = make_claim(window, qtbot, "a fantasy")
    editor = window.editor
    stack = window.undo_group.activeStack()
    for text in ("Leaders said the plan is a fantasy", "Opposition: plan a fantasy"):
        pushed = stack.count() + 1
        editor.text.setFocus()
        editor.text.selectAll()
        qtbot.keyClicks(editor.text, text)
        editor.text.flush()
        qtbot.waitUntil(lambda text=text: other.claim(claim_id).text == text, timeout=5000)
        qtbot.waitUntil(lambda n=pushed: stack.count() == n, timeout=5000)
    for expected in ("Leaders said the plan is a fantasy", "a fantasy"):
        window.actions_.undo.trigger()
        qtbot.waitUntil(lambda e=expected: other.claim(claim_id).text == e, timeout=5000)
    window.actions_.undo.trigger()  # one step further: the claim itself
    qtbot.waitUntil(lambda: other.claims() == [], timeout=5000)
    qtbot.waitUntil(lambda: window.claims.model.row_of(claim_id) is None, timeout=5000)
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: len(other.claims()) == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.claims.model.row_of(claim_id) is not None, timeout=5000)
    window.claims.select(claim_id)
    restored = other.claim(claim_id)
    qtbot.waitUntil(lambda: editor.claim() == restored, timeout=5000)  # shows the restored one
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Budget line shows 2.3%")
    editor.note.flush()
    qtbot.waitUntil(lambda: other.claim(claim_id).note == "Budget line shows 2.3%", timeout=5000)
    assert not editor.conflict_bar.isVisible()
