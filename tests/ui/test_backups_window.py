"""Backups in the window: a damaged desk offers its latest good backup, File ▸ Restore from
backup brings an older state back, and the Preferences' policy decides when one is taken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton
from tests.desk_damage import wreck
from window_helpers import drop, import_one, make_claim, write

from factdesk.db.backups import list_backups
from factdesk.services import Desk, backups
from factdesk.ui import preferences
from factdesk.ui.backups_dialog import BackupsDialog
from factdesk.ui.main_window import MainWindow

ARTICLE = (
    "Minister defends the defence budget\n"
    "The minister said: “We will spend 2.5 per cent of GDP on defence by 2027.”\n"
    + "Officials gave no timetable for the rise. "
    * 150
)


def _button(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]  # type: ignore[return-value]


def _box(window: MainWindow, qtbot: Any, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None, timeout=5000)
    return window.findChild(QMessageBox, name)


def test_a_damaged_desk_offers_its_latest_good_backup_and_restores_it(
    window: MainWindow, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    damaged = tmp_path / "story.factdesk"
    with Desk.open(damaged) as desk:
        desk.import_files(
            [write(tmp_path, f"a{i}.txt", f"Article {i}\n" + ARTICLE) for i in range(3)]
        )
    backups.backup_now(damaged)
    wreck(damaged)

    assert not run(window.open_desk(damaged, create=False))
    box = _box(window, qtbot, "damagedDeskBox")
    assert "is damaged and cannot be read" in box.text()
    assert "(3 documents, 0 claims)" in box.text()
    assert window.client is not None and window.client.path != damaged  # the old desk stays

    _button(box, "Restore the backup").click()
    qtbot.waitUntil(
        lambda: window.client is not None and window.client.path == damaged, timeout=10000
    )
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 3, timeout=5000)
    assert list(tmp_path.glob("story.damaged-*.factdesk"))  # kept, not deleted
    qtbot.waitUntil(
        lambda: "Restored the backup taken" in window.statusBar().currentMessage(), timeout=5000
    )


def test_file_restore_from_backup_brings_back_an_older_state(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    first = import_one(window, qtbot, tmp_path)
    make_claim(window, qtbot, "a fantasy")
    window.actions_.backups.trigger()
    qtbot.waitUntil(lambda: window.backup_flow.dialog is not None, timeout=2000)
    dialog: BackupsDialog = window.backup_flow.dialog
    qtbot.waitUntil(lambda: dialog.status.text() == "No backups yet.", timeout=5000)
    dialog.backup_button.click()  # Back up now
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 1, timeout=5000)
    assert dialog.table.topLevelItem(0).text(1) == "by hand"
    assert dialog.table.topLevelItem(0).text(2) == "1"  # documents

    make_claim(window, qtbot, "2.5 per cent of GDP")
    drop(window, [write(tmp_path, "second.txt", ARTICLE)])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 2, timeout=5000)
    assert window.undo_group.canUndo()
    window.documents.select(first)  # the row that will be first again after the restore
    qtbot.waitUntil(lambda: window.view.document_id() == first, timeout=5000)

    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    confirm = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert len(confirm) == 1 and "kept as a backup first" in confirm[0].text()
    _button(confirm[0], "Restore").click()

    qtbot.waitUntil(
        lambda: window.client is not None and window.documents.model.rowCount() == 1,
        timeout=10000,
    )
    assert not window.undo_group.canUndo()  # its steps referred to rows the backup lacks
    # every view shows the restored desk: its document, and only the claim it had
    qtbot.waitUntil(lambda: "a fantasy" in window.view.text(), timeout=5000)
    qtbot.waitUntil(lambda: window.claims.model.rowCount() == 1, timeout=5000)
    # the desk as it was, the one taken by hand, and the hour's rolling one taken on reopening
    kinds = sorted(b.kind for b in list_backups(window.client.path))
    assert kinds == ["auto", "before-restore", "manual"]


def _second_window(tmp_path: Path, qtbot: Any, name: str) -> MainWindow:
    settings = QSettings(str(tmp_path / name), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    return win


def test_preferences_decide_when_a_backup_is_taken_on_opening(
    qtbot: Any, run: Any, tmp_path: Path
) -> None:
    path = tmp_path / "story.factdesk"
    with Desk.open(path) as desk:
        desk.import_files([write(tmp_path, "a.txt", ARTICLE)])

    off = _second_window(tmp_path, qtbot, "off.ini")
    off.settings.setValue(preferences.BACKUP_KEEP, 0)
    assert run(off.open_desk(path, create=False))
    run(off.close_desk())
    assert list_backups(path) == []

    on = _second_window(tmp_path, qtbot, "on.ini")
    dialog = preferences.PreferencesDialog(on.settings, on)
    dialog.backup_minutes.setValue(0)
    dialog.backup_keep.setValue(2)
    dialog._save()
    assert preferences.backup_policy(on.settings).keep == 2
    assert run(on.open_desk(path, create=False))
    made = list_backups(path)
    assert [b.kind for b in made] == ["auto"]
    run(on.close_desk())


def test_a_desk_that_goes_bad_while_open_offers_its_backup_once(
    qtbot: Any, run: Any, tmp_path: Path
) -> None:
    path = tmp_path / "story.factdesk"
    with Desk.open(path) as desk:
        desk.import_files(
            [write(tmp_path, f"a{i}.txt", f"Article {i}\n" + ARTICLE * (i + 1)) for i in range(4)]
        )
    backups.backup_now(path)
    win = _second_window(tmp_path, qtbot, "open.ini")
    win.show()
    assert run(win.open_desk(path, create=False))
    qtbot.waitUntil(lambda: win.view.document_id() is not None, timeout=5000)
    shown = win.view.document_id()

    wreck(path)  # the disk fails under the open desk
    for doc in win.documents.model.documents():  # reading the articles meets the damage
        if doc.id != shown:
            win.documents.select(doc.id)
    box = _box(win, qtbot, "damagedDeskBox")
    assert "is damaged and cannot be read" in box.text()
    assert len(win.findChildren(QMessageBox, "damagedDeskBox")) == 1  # said once, not per call

    _button(box, "Restore the backup").click()
    qtbot.waitUntil(
        lambda: "Restored the backup taken" in win.statusBar().currentMessage(), timeout=10000
    )
    assert win.client is not None and win.documents.model.rowCount() == 4
    qtbot.waitUntil(lambda: "Article" in win.view.text(), timeout=5000)
    assert list(tmp_path.glob("story.damaged-*.factdesk"))
    run(win.close_desk())


def test_a_restore_by_another_program_clears_the_windows_undo_history(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    import_one(window, qtbot, tmp_path)
    empty = backups.backup_now(window.client.path)  # before any claim
    mine = make_claim(window, qtbot, "a fantasy")
    assert window.undo_group.canUndo()

    backups.restore(window.client.path, empty.info.path)  # the command line, say
    qtbot.waitUntil(lambda: not window.undo_group.canUndo(), timeout=10000)
    assert "undo history cleared" in window.statusBar().currentMessage()
    with Desk.open(window.client.path) as other:
        theirs = other.add_claim(1, quote="a fantasy").value.id
    assert theirs != mine  # ids are not reused, and no undo step is left to touch it
    qtbot.waitUntil(lambda: window.claims.model.row_of(theirs) is not None, timeout=10000)
