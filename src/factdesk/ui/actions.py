"""Every command of the window as a QAction with its shortcut, arranged in the menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from factdesk.core.statuses import LABELS, STATUSES

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    new_desk: QAction
    open_desk: QAction
    recent: QMenu
    save_copy: QAction
    backups: QAction
    export: QAction
    print_sheet: QAction
    import_files: QAction
    paste_text: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    search: QAction
    new_claim: QAction
    link: QAction
    unlink: QAction
    delete_claim: QAction
    statuses: dict[str, QAction]
    accept_suggestion: QAction
    dismiss_suggestion: QAction
    accept_all_quotes: QAction
    speakers: QAction
    all_claims: QAction
    show_suggestions: QAction
    about: QAction
    log_folder: QAction
    preferences: QAction


def _unique(*keys: QKeySequence) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in found:
            found.append(key)
    return found


def _action(window: QMainWindow, text: str, *shortcuts: QKeySequence | Key | str) -> QAction:
    action = QAction(text, window)
    # a platform's standard key may equal ours, and one key twice is "ambiguous" to Qt
    keys = _unique(*(s if isinstance(s, QKeySequence) else QKeySequence(s) for s in shortcuts))
    if keys:
        action.setShortcuts(keys)
    return action


def build_actions(window: QMainWindow, undo: QAction, redo: QAction) -> Actions:
    """Create the actions and the menu bar; the window connects them."""
    undo.setShortcuts(_unique(QKeySequence(Key.Undo), QKeySequence("Ctrl+Z")))
    redo.setShortcuts(_unique(QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(Key.Redo)))
    statuses = {
        status: _action(window, LABELS[status], str(number))
        for number, status in enumerate(STATUSES, start=1)
    }
    actions = Actions(
        new_desk=_action(window, "&New desk…", "Ctrl+Shift+N"),
        open_desk=_action(window, "&Open desk…", Key.Open),
        recent=QMenu("Recent &desks", window),
        save_copy=_action(window, "Save a &copy…", "Ctrl+Shift+S"),
        backups=_action(window, "&Restore from backup…"),
        export=_action(window, "&Export fact sheet…", "Ctrl+E"),
        print_sheet=_action(window, "&Print fact sheet…", Key.Print, "Ctrl+P"),
        import_files=_action(window, "&Import articles…", "Ctrl+I"),
        paste_text=_action(window, "&Paste as new document", "Ctrl+Shift+V"),
        quit=_action(window, "&Quit", Key.Quit, "Ctrl+Q"),
        undo=undo,
        redo=redo,
        find=_action(window, "&Find in document…", Key.Find),
        search=_action(window, "&Search the desk…", "Ctrl+Shift+F"),
        new_claim=_action(window, "&New claim from selection", "Ctrl+Return", "Ctrl+Enter"),
        link=_action(window, "&Link selection to selected claim", "Ctrl+L"),
        unlink=_action(window, "&Remove highlight under cursor", "Ctrl+Shift+L"),
        delete_claim=_action(window, "&Delete claim", "Ctrl+Delete"),
        statuses=statuses,
        accept_suggestion=_action(window, "&Accept suggestion", "Return", "Enter"),
        dismiss_suggestion=_action(window, "&Dismiss suggestion", "Delete"),
        accept_all_quotes=_action(window, "Accept all &quotes by its speaker"),
        speakers=_action(window, "S&peakers…"),
        all_claims=_action(window, "Claims of &all documents", "Ctrl+Shift+A"),
        show_suggestions=_action(window, "Show &suggestions in the article"),
        about=_action(window, "&About factdesk"),
        log_folder=_action(window, "Open &log folder"),
        preferences=_action(window, "&Preferences…", Key.Preferences),
    )
    actions.all_claims.setCheckable(True)
    actions.show_suggestions.setCheckable(True)
    for action in (
        actions.accept_suggestion,
        actions.dismiss_suggestion,
        actions.accept_all_quotes,
    ):
        action.setEnabled(False)  # until a suggestion is selected in the Suggestions tab
    for action in (actions.accept_suggestion, actions.dismiss_suggestion):
        # Enter and Delete mean this only in the Suggestions list, which adds these actions
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    actions.show_suggestions.setToolTip(
        "Dot the suggested quotations and figures in the article even when the Suggestions "
        "tab is not shown"
    )
    _build_menus(window, actions)
    return actions


def _build_menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    for item in (a.new_desk, a.open_desk):
        file.addAction(item)
    file.addMenu(a.recent)
    file.addAction(a.save_copy)
    file.addAction(a.backups)
    file.addSeparator()
    file.addAction(a.export)
    file.addAction(a.print_sheet)
    file.addSeparator()
    file.addAction(a.import_files)
    file.addAction(a.paste_text)
    file.addSeparator()
    file.addAction(a.quit)

    edit = bar.addMenu("&Edit")
    edit.addAction(a.undo)
    edit.addAction(a.redo)
    edit.addSeparator()
    edit.addAction(a.find)
    edit.addAction(a.search)
    edit.addSeparator()
    edit.addAction(a.preferences)

    claim = bar.addMenu("&Claim")
    for item in (a.new_claim, a.link, a.unlink):
        claim.addAction(item)
    claim.addSeparator()
    status_menu = claim.addMenu("Set &status (keys 1–6 in the claims table)")
    for action in a.statuses.values():
        status_menu.addAction(action)
    suggestions = claim.addMenu("S&uggestions (Enter, Delete in the Suggestions list)")
    for action in (a.accept_suggestion, a.dismiss_suggestion, a.accept_all_quotes):
        suggestions.addAction(action)
    claim.addAction(a.speakers)
    claim.addSeparator()
    claim.addAction(a.delete_claim)

    view = bar.addMenu("&View")
    view.addAction(a.all_claims)
    view.addAction(a.show_suggestions)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.log_folder)
    help_menu.addSeparator()
    help_menu.addAction(a.about)
