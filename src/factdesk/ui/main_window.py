"""The desk window: documents on the left, the article in the centre, claims on the right.

The window owns one DeskClient (the worker thread) and one QUndoStack per open desk. Views
never hold a session: they show records, and refresh from the `Changes` each edit returns.

Its first frame (menus, the three panels) imports only what it shows: the controller of an
open desk (DeskView, with asyncio and the undo commands), the backup flow, the search panel and
the dialogs are built the first time they are needed, after the window is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget

from factdesk.core.errors import DamagedDeskError, KnownError
from factdesk.core.paths import user_log_dir
from factdesk.ui import recent
from factdesk.ui.actions import build_actions
from factdesk.ui.claim_editor import ClaimEditor
from factdesk.ui.claims_panel import ClaimsPanel
from factdesk.ui.documents_panel import DocumentsPanel
from factdesk.ui.lazy_tabs import lazy_tab
from factdesk.ui.welcome import WelcomePanel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QDialog, QMessageBox

    from factdesk.core.records import Changes
    from factdesk.ui.backup_flow import BackupFlow
    from factdesk.ui.desk_client import DeskClient
    from factdesk.ui.desk_view import DeskView
    from factdesk.ui.document_view import DocumentView
    from factdesk.ui.find_bar import FindBar
    from factdesk.ui.reader_pane import ReaderPane
    from factdesk.ui.search_panel import SearchPanel
    from factdesk.ui.suggestions_panel import SuggestionsPanel

DESK_FILTER = "factdesk desks (*.factdesk);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.client: DeskClient | None = None
        self.undo_group = QUndoGroup(self)
        self._desk_view: DeskView | None = None
        self._backup_flow: BackupFlow | None = None
        self._reader: ReaderPane | None = None
        self._speakers: QDialog | None = None
        self._build()
        self.actions_ = build_actions(
            self,
            self.undo_group.createUndoAction(self, "&Undo"),
            self.undo_group.createRedoAction(self, "&Redo"),
        )
        self._bug_box: QMessageBox | None = None
        self._connect()
        self.setAcceptDrops(True)
        self.setWindowTitle("factdesk")
        self.resize(1280, 760)
        self._restore_layout()
        self._refresh_recent()

    # --- building ------------------------------------------------------------------------

    @property
    def desk_view(self) -> DeskView:
        """What the window does with an open desk (made on first use: it loads asyncio)."""
        if self._desk_view is None:
            from factdesk.ui.desk_view import DeskView  # noqa: PLC0415

            self._desk_view = DeskView(self)
        return self._desk_view

    @property
    def backup_flow(self) -> BackupFlow:
        if self._backup_flow is None:
            from factdesk.ui.backup_flow import BackupFlow  # noqa: PLC0415

            self._backup_flow = BackupFlow(self)
        return self._backup_flow

    @property
    def reader(self) -> ReaderPane:
        """The centre's reading page, built the first time it is needed: until a desk is open
        the centre shows the welcome page."""
        if self._reader is None:
            from factdesk.ui.reader_pane import ReaderPane  # noqa: PLC0415

            self._reader = ReaderPane()
            self.centre.addWidget(self._reader)
        return self._reader

    @property
    def view(self) -> DocumentView:
        return self.reader.view

    @property
    def find_bar(self) -> FindBar:
        return self.reader.find_bar

    @property
    def doc_title(self) -> QLabel:
        return self.reader.title

    @property
    def doc_meta(self) -> QLabel:
        return self.reader.meta

    @property
    def search(self) -> SearchPanel:
        """The Search tab's panel, built the first time it is shown or asked for."""
        return self._search_page()

    @property
    def suggestions(self) -> SuggestionsPanel:
        """The Suggestions tab's panel, built the first time it is shown or asked for."""
        return self._suggestions_page()

    def _build(self) -> None:
        self.documents = DocumentsPanel()
        self.left = QTabWidget()
        self.left.addTab(self.documents, "Documents")
        self._search_page = lazy_tab(self.left, "Search", self._build_search)
        self._suggestions_page = lazy_tab(self.left, "Suggestions", self._build_suggestions)

        self.welcome = WelcomePanel()
        self.centre = QStackedWidget()
        self.centre.addWidget(self.welcome)  # the reader page follows on first use

        self.claims = ClaimsPanel()
        self.editor = ClaimEditor()
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.claims)
        self.right.addWidget(self.editor)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([330, 400])  # about nine claims above the editor at 1366×768

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.left, self.centre, self.right):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([300, 560, 420])
        self.setCentralWidget(self.splitter)
        self.statusBar()

    def _build_search(self) -> SearchPanel:
        from factdesk.ui.search_panel import SearchPanel  # noqa: PLC0415

        panel = SearchPanel(self._search)
        panel.hitActivated.connect(self.desk_view.jump_to_hit)
        return panel

    def _build_suggestions(self) -> SuggestionsPanel:
        from factdesk.ui.suggestions_panel import SuggestionsPanel  # noqa: PLC0415

        a = self.actions_
        panel = SuggestionsPanel(a.accept_suggestion, a.dismiss_suggestion, a.accept_all_quotes)
        self.desk_view.suggestions.attach_panel(panel)
        return panel

    def _connect(self) -> None:
        # the desk view is made on first use: each action reaches it when triggered
        a = self.actions_
        a.new_desk.triggered.connect(self.choose_new_desk)
        a.open_desk.triggered.connect(self.choose_desk)
        a.save_copy.triggered.connect(self.save_copy)
        a.backups.triggered.connect(self.show_backups)
        a.log_folder.triggered.connect(self.open_log_folder)
        a.import_files.triggered.connect(self.choose_files)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.open_find)
        a.search.triggered.connect(self.open_search)
        desk_actions: list[tuple[QAction, Callable[[DeskView], object]]] = [
            (a.export, lambda dv: dv.ask_export()),
            (a.print_sheet, lambda dv: dv.ask_export(for_print=True)),
            (a.paste_text, lambda dv: dv.paste_text()),
            (a.new_claim, lambda dv: dv.new_claim_from_selection()),
            (a.link, lambda dv: dv.link_selection()),
            (a.unlink, lambda dv: dv.unlink_at_cursor()),
            (a.delete_claim, lambda dv: dv.delete_selected_claim()),
            (a.accept_suggestion, lambda dv: dv._spawn(dv.suggestions.accept())),
            (a.dismiss_suggestion, lambda dv: dv._spawn(dv.suggestions.dismiss())),
            (a.accept_all_quotes, lambda dv: dv._spawn(dv.suggestions.accept_all())),
        ]
        for status, action in a.statuses.items():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.claims.table.addAction(action)
            desk_actions.append((action, lambda dv, s=status: dv.set_status(s)))
        for action, act in desk_actions:
            action.triggered.connect(lambda _c=False, act=act: act(self.desk_view))
        a.delete_claim.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.claims.table.addAction(a.delete_claim)
        a.all_claims.toggled.connect(self.claims.scope.setCurrentIndex)
        self.claims.scopeChanged.connect(a.all_claims.setChecked)
        a.show_suggestions.setChecked(self.settings.value("view/suggestions", False, type=bool))
        a.show_suggestions.toggled.connect(self._show_suggestions_toggled)
        self.left.currentChanged.connect(self._suggestions_shown)
        a.speakers.triggered.connect(self.open_speakers)
        a.about.triggered.connect(self.about)
        a.preferences.triggered.connect(self.open_preferences)
        self.welcome.importRequested.connect(self.choose_files)
        self.welcome.demoRequested.connect(self.open_demo)

    # --- desks ---------------------------------------------------------------------------

    async def open_desk(self, path: Path, *, create: bool = True) -> bool:
        """Close the open desk (its queued edits finish first) and open the one at `path`."""
        from factdesk.ui import preferences  # noqa: PLC0415  (after the first frame)
        from factdesk.ui.desk_client import DeskClient  # noqa: PLC0415

        self.statusBar().showMessage(f"Opening {path}…")
        try:
            editor = preferences.profile(self.settings)[preferences.EDITOR]
            policy = preferences.backup_policy(self.settings)
            client = await DeskClient.open(path, create=create, editor=editor, backups=policy)
        except DamagedDeskError as exc:
            self.statusBar().clearMessage()
            await self.backup_flow.offer_for_damaged(path, exc)
            return False
        except KnownError as exc:
            self.statusBar().clearMessage()
            self.show_error("The desk could not be opened", str(exc))
            return False
        await self.close_desk()
        self.client = client
        client.damaged.connect(
            lambda exc: self._spawn(self.backup_flow.offer_for_damaged(path, exc))
        )
        stack = self.desk_view.attach(client)
        self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)
        self.setWindowTitle(f"{path.stem} — factdesk")
        self.setWindowFilePath(str(path))
        recent.remember(self.settings, path)
        self._refresh_recent()
        await self.desk_view.load()
        if client.backup_problem:
            self.statusBar().showMessage(f"Opened {path}, but {client.backup_problem}", 10000)
        else:
            self.statusBar().showMessage(f"Opened {path}", 4000)
        return True

    async def close_desk(self) -> None:
        if self.client is None:
            return
        self.editor.flush()
        if self._speakers is not None:
            self._speakers.close()  # it speaks to this desk's client
        client, self.client = self.client, None
        stack = self.desk_view.detach()
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        await client.close()

    def show_backups(self) -> None:
        self.backup_flow.show_backups()

    def choose_desk(self) -> None:
        from factdesk.ui.file_dialogs import ask_open_files  # noqa: PLC0415

        ask_open_files(
            self,
            "Open desk",
            self._folder(),
            DESK_FILTER,
            lambda paths: self._spawn(self.open_desk(paths[0], create=False)),
            many=False,
        )

    def choose_new_desk(self) -> None:
        from factdesk.ui.file_dialogs import ask_save_file  # noqa: PLC0415

        ask_save_file(
            self,
            "New desk",
            self._folder(),
            DESK_FILTER,
            lambda path: self._spawn(self.open_desk(path, create=True)),
        )

    def save_copy(self) -> None:
        from factdesk.ui.file_dialogs import ask_save_file  # noqa: PLC0415

        if self.client is not None:
            ask_save_file(
                self,
                "Save a copy of the desk",
                self._folder(),
                DESK_FILTER,
                lambda path: self._spawn(self.desk_view.save_copy(path)),
            )

    def open_demo(self) -> None:
        self._spawn(self.desk_view.open_demo())

    def choose_files(self) -> None:
        if self.client is None:
            return
        from factdesk.ui.file_dialogs import ask_open_files  # noqa: PLC0415

        folder = str(self.settings.value("import/folder", str(Path.home())))
        ask_open_files(self, "Import articles", folder, ARTICLE_FILTER, self._import_chosen)

    def _import_chosen(self, paths: list[Path]) -> None:
        self.settings.setValue("import/folder", str(paths[0].parent))
        self._spawn(self.desk_view.import_paths(paths))

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self.desk_view._spawn(coro)

    def open_recent(self, path: Path) -> None:
        self._spawn(self.open_desk(path, create=False))

    def _refresh_recent(self) -> None:
        menu = self.actions_.recent
        menu.clear()
        paths = recent.desks(self.settings)
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.triggered.connect(lambda _c=False, p=path: self.open_recent(p))
        menu.setEnabled(bool(paths))

    def _folder(self) -> str:
        return str(self.client.path.parent if self.client else Path.home())

    # --- small things --------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def open_search(self) -> None:
        self.left.setCurrentWidget(self.search)
        self.search.focus_query()

    async def _search(self, query: str) -> list:  # type: ignore[type-arg]
        if self.client is None:
            return []
        return await self.client.call(lambda desk: desk.search(query))

    def show_error(self, title: str, sentence: str) -> None:
        """One clear sentence, in a window-modal box that never blocks the event loop."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415  (boxes: not in the first frame)

        self.statusBar().showMessage(sentence, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may quote a file or a title
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def report_bug(self, sentence: str) -> None:
        """A bug in factdesk: the status bar and one box (not a pile of them) say so."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        self.statusBar().showMessage(sentence, 15000)
        if self._bug_box is not None:
            self._bug_box.setText(sentence)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong", sentence, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("bugBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._forget_bug_box)
        self._bug_box = box
        box.open()

    def _forget_bug_box(self) -> None:
        self._bug_box = None

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl  # noqa: PLC0415
        from PySide6.QtGui import QDesktopServices  # noqa: PLC0415

        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_error("The log folder could not be opened", f"The log is in {folder}.")

    def _show_suggestions_toggled(self, shown: bool) -> None:
        self.settings.setValue("view/suggestions", shown)
        self._suggestions_shown()

    def _suggestions_shown(self) -> None:
        """The Suggestions tab or View ▸ Show suggestions changed: the article follows."""
        if self._desk_view is not None:
            self._desk_view.suggestions.shown_changed()

    def open_speakers(self) -> None:
        if self.client is None:
            return
        if self._speakers is not None:  # one list of speakers: show the one already open
            self._speakers.raise_()
            self._speakers.activateWindow()
            return
        from factdesk.ui.speakers_dialog import SpeakersDialog  # noqa: PLC0415

        dialog = SpeakersDialog(self.client, self)  # deletes itself on close
        dialog.finished.connect(self._forget_speakers)
        self._speakers = dialog
        dialog.open()

    def _forget_speakers(self) -> None:
        self._speakers = None

    def open_preferences(self) -> None:
        from factdesk.ui import preferences  # noqa: PLC0415

        dialog = preferences.PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About factdesk",
            "factdesk — a desk for fact-checkers: import articles, link claims to the words "
            "that carry them, work them to a verdict. Everything stays on this computer.",
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def on_changes(self, changes: Changes) -> None:
        self.desk_view.on_changes(changes)

    # --- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from factdesk.ui import drops  # noqa: PLC0415

        if self.client is not None and drops.local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from factdesk.ui import drops  # noqa: PLC0415

        paths = drops.local_paths(event.mimeData())
        if paths and self.client is not None:
            event.acceptProposedAction()
            self._spawn(self.desk_view.import_paths(paths))

    # --- layout memory and closing -------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(min(1440, area.width()), min(900, area.height()))
        for key, splitter in self._splitters().items():
            state = self.settings.value(f"window/{key}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter, "right": self.right}

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            self.settings.setValue(f"window/{key}", splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every edit is already on disk; wait for queued ones, then close the desk."""
        self.editor.flush()
        self.save_layout()
        if self._desk_view is not None:
            self._desk_view.detach()
        if self.client is not None:
            self.client.close_now()
            self.client = None
        event.accept()
