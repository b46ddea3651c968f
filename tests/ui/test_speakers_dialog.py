"""Claim ▸ Speakers: aliases added and removed (and undone), refused with one sentence when they
name someone else, and two speakers merged into one (after asking; claims and history follow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from window_helpers import import_one, wait_undo

from factdesk.core.records import SpeakerInfo
from factdesk.services import Desk
from factdesk.ui.main_window import MainWindow
from factdesk.ui.models.speaker_list import COL_ALIASES, COL_CLAIMS, COL_NAME, SpeakerListModel
from factdesk.ui.speakers_dialog import SpeakersDialog

ARTICLE = (
    "Defence talks\n"
    "The Prime Minister said: “We will spend 2.5 per cent of GDP on defence by 2027.”\n"
    "Sir Keir Starmer added that the rise was “a generational moment”.\n"
    "The former prime minister Rishi Sunak called the figure “a fantasy” on Monday.\n"
)


def _desk_with_speakers(window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk) -> int:
    doc = import_one(window, qtbot, tmp_path, ARTICLE)
    other.add_claim(doc, quote="2.5 per cent of GDP", speaker="Keir Starmer")
    other.add_claim(doc, quote="a generational moment", speaker="Sir Keir Starmer")
    other.add_claim(doc, quote="a fantasy", speaker="Rishi Sunak")
    return doc


def _open(window: MainWindow, qtbot: Any) -> SpeakersDialog:
    assert window.client is not None
    dialog = SpeakersDialog(window.client, window)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    return dialog


def _select(dialog: SpeakersDialog, name: str) -> SpeakerInfo:
    row = next(r for r, sp in enumerate(dialog.model.speakers()) if sp.name == name)
    dialog.table.selectRow(row)
    selected = dialog.selected()
    assert selected is not None and selected.name == name
    return selected


def _aliases(desk: Desk, name: str) -> tuple[str, ...]:
    return next(sp.aliases for sp in desk.speakers() if sp.name == name)


def _shown_aliases(dialog: SpeakersDialog) -> list[str]:
    return dialog.aliases.stringList()


def test_the_list_shows_each_speaker_with_aliases_and_claims(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk, *, qtmodeltester: Any, run: Any
) -> None:
    doc = _desk_with_speakers(window, qtbot, tmp_path, other)
    other.add_alias("Rishi Sunak", "Mr Sunak")
    dialog = _open(window, qtbot)
    qtmodeltester.check(dialog.model)
    rows = {
        dialog.model.index(r, COL_NAME).data(): (
            dialog.model.index(r, COL_ALIASES).data(),
            dialog.model.index(r, COL_CLAIMS).data(),
        )
        for r in range(dialog.model.rowCount())
    }
    assert rows == {
        "Keir Starmer": ("", "1"),
        "Rishi Sunak": ("Mr Sunak", "1"),
        "Sir Keir Starmer": ("", "1"),
    }
    # a claim made in the window refreshes the open list (the Changes broadcast)
    assert window.client is not None
    run(window.client.act(lambda d: d.add_claim(doc, quote="Defence talks", speaker="Ed Davey")))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=5000)


def test_add_and_remove_an_alias_and_undo_both(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    _desk_with_speakers(window, qtbot, tmp_path, other)
    dialog = _open(window, qtbot)
    _select(dialog, "Keir Starmer")
    qtbot.keyClicks(dialog.alias_edit, "the PM")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    wait_undo(window, qtbot, "Add alias “the PM”")
    assert _aliases(other, "Keir Starmer") == ("the PM",)
    qtbot.waitUntil(lambda: _shown_aliases(dialog) == ["the PM"], timeout=5000)
    assert dialog.alias_edit.text() == ""
    assert "Ctrl+Z" in dialog.message.text()

    # Ctrl+Z in the dialog, in the emptied field: the desk's undo, not the field's
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.alias_edit.setFocus()
    qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _aliases(other, "Keir Starmer") == (), timeout=5000)
    qtbot.waitUntil(lambda: _shown_aliases(dialog) == [], timeout=5000)
    assert dialog.alias_edit.text() == ""
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: _aliases(other, "Keir Starmer") == ("the PM",), timeout=5000)
    qtbot.waitUntil(lambda: _shown_aliases(dialog) == ["the PM"], timeout=5000)

    dialog.alias_list.setCurrentIndex(dialog.aliases.index(0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    wait_undo(window, qtbot, "Remove alias “the PM”")
    assert _aliases(other, "Keir Starmer") == ()
    qtbot.waitUntil(lambda: _shown_aliases(dialog) == [], timeout=5000)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: _aliases(other, "Keir Starmer") == ("the PM",), timeout=5000)
    qtbot.waitUntil(lambda: _shown_aliases(dialog) == ["the PM"], timeout=5000)


def test_an_alias_that_names_someone_else_is_refused_with_a_sentence(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    _desk_with_speakers(window, qtbot, tmp_path, other)
    other.add_alias("Rishi Sunak", "Mr Sunak")
    dialog = _open(window, qtbot)
    _select(dialog, "Keir Starmer")
    before = window.undo_group.undoText()
    qtbot.keyClicks(dialog.alias_edit, "mr  sunak")
    dialog.alias_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: "already names" in dialog.message.text(), timeout=5000)
    assert dialog.message.text() == (
        "“mr sunak” already names Rishi Sunak; if they are the same person as Keir Starmer, "
        "merge them instead."
    )
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    assert _aliases(other, "Keir Starmer") == ()
    assert window.undo_group.undoText() == before  # nothing to undo
    assert dialog.alias_edit.text() == "mr  sunak"  # kept, to correct it
    assert dialog.target.currentText() == "Rishi Sunak"  # the merge it suggests, ready


def test_merge_asks_first_then_moves_claims_and_aliases_for_good(
    window: MainWindow, qtbot: Any, tmp_path: Path, other: Desk
) -> None:
    _desk_with_speakers(window, qtbot, tmp_path, other)
    other.add_alias("Sir Keir Starmer", "Sir Keir")
    moved = next(c.id for c in other.claims() if c.speaker == "Sir Keir Starmer")
    dialog = _open(window, qtbot)
    _select(dialog, "Sir Keir Starmer")
    dialog.target.setCurrentIndex(dialog.target.findText("Keir Starmer"))

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    box = _box(dialog, qtbot)
    assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
    assert "cannot be undone" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert {sp.name for sp in other.speakers()} == {
        "Keir Starmer",
        "Sir Keir Starmer",
        "Rishi Sunak",
    }

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    box = _box(dialog, qtbot)
    merge = next(b for b in box.buttons() if b.text() == "&Merge")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    assert {sp.name for sp in other.speakers()} == {"Keir Starmer", "Rishi Sunak"}
    assert set(_aliases(other, "Keir Starmer")) == {"Sir Keir", "Sir Keir Starmer"}
    assert other.claim(moved).speaker == "Keir Starmer"
    assert any(
        h.field == "speaker" and h.old == "Sir Keir Starmer" and h.new == "Keir Starmer"
        for h in other.history(moved)
    )
    selected = dialog.selected()
    assert selected is not None and selected.name == "Keir Starmer"
    assert dialog.model.claims_of(selected.id) == 2
    assert "Sir Keir Starmer" in dialog.message.text()
    # the window's claims table follows
    qtbot.waitUntil(lambda: _speaker_in_table(window, moved) == "Keir Starmer", timeout=5000)


def _speaker_in_table(window: MainWindow, claim_id: int) -> str | None:
    row = window.claims.model.row_of(claim_id)
    return None if row is None else window.claims.model.claim_at(row).speaker


def _box(dialog: SpeakersDialog, qtbot: Any) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox, "mergeBox")),
        timeout=5000,
    )
    return next(b for b in dialog.findChildren(QMessageBox, "mergeBox") if b.isVisible())


def test_speaker_list_model(qtmodeltester: Any) -> None:
    model = SpeakerListModel()
    model.set_speakers(
        [
            SpeakerInfo(2, "rishi Sunak", ("Mr Sunak", "the <b>former</b> PM")),
            SpeakerInfo(1, "Keir Starmer"),
        ],
        {1: 3},
    )
    qtmodeltester.check(model)
    assert [model.index(r, COL_NAME).data() for r in range(2)] == ["Keir Starmer", "rishi Sunak"]
    assert model.index(1, COL_ALIASES).data() == "Mr Sunak, the <b>former</b> PM"
    assert model.index(0, COL_CLAIMS).data() == "3" and model.index(1, COL_CLAIMS).data() == "0"
    tip = model.index(1, COL_ALIASES).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>former" not in tip  # shown as written, never as rich text
