"""What the window does with an open desk: show it, turn gestures into undoable edits, refresh.

Async handlers are thin: read widget state, await one desk call, push the undo command, update
the view. Every edit is on disk when its call returns; `Changes` drive the refresh.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack

from factdesk.core.errors import DamagedDeskError, KnownError, NotFoundError
from factdesk.core.records import Changes, ClaimInfo, DocumentText, Span
from factdesk.core.statuses import LABELS
from factdesk.ui import tasks
from factdesk.ui import undo_commands as cmd
from factdesk.ui.claim_editing import ClaimEditing
from factdesk.ui.desk_client import DeskClosedError
from factdesk.ui.desk_files import DeskFiles
from factdesk.ui.desk_slot import desk_slot
from factdesk.ui.document_view import ViewHighlight
from factdesk.ui.models.document_list import ID_ROLE as DOC_ID_ROLE
from factdesk.ui.suggestion_flow import SuggestionFlow
from factdesk.ui.versions import VersionTracker

if TYPE_CHECKING:
    from factdesk.ui.desk_client import DeskClient
    from factdesk.ui.main_window import MainWindow

WATCH_MS = 1500  # how often to look for writes by other processes (the CLI, another window)


class DeskView(ClaimEditing, DeskFiles, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        # the title and outlet come from the article: shown as written, never as rich text
        for label in (window.doc_title, window.doc_meta):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.client: DeskClient | None = None
        self.stack: QUndoStack | None = None
        self.versions = VersionTracker()
        self.doc: DocumentText | None = None
        self._doc_claims: list[ClaimInfo] = []
        self._seen_version: int | None = None
        self._seen_restores: int | None = None
        self._watching = False
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self._look_for_outside_changes)
        self.suggestions = SuggestionFlow(self)
        self._wire()

    def _wire(self) -> None:
        w = self.w
        w.documents.documentSelected.connect(self._open_document)
        w.claims.claimSelected.connect(self._select_claim)
        w.claims.scopeChanged.connect(lambda _all: self._spawn(self.reload_claims()))
        w.view.claimClicked.connect(self._claim_clicked)
        w.view.selectionChanged.connect(self._update_actions)
        w.editor.fieldEdited.connect(self.edit_field)
        w.editor.conflictOverride.connect(self._override)
        w.editor.evidenceAdded.connect(self._add_evidence)
        w.editor.evidenceRemoved.connect(self._remove_evidence)
        w.editor.highlightRemoved.connect(self._unlink)
        w.editor.spanActivated.connect(self._show_span)

    # --- attaching a desk ----------------------------------------------------------------

    def attach(self, client: DeskClient) -> QUndoStack:
        self.client = client
        self.stack = QUndoStack(self)
        self.versions = VersionTracker()
        client.changed.connect(self.on_changes)
        client.told.connect(self._status)
        self._seen_version = None
        self._watch.start()
        return self.stack

    def detach(self) -> QUndoStack | None:
        self._watch.stop()
        if self.client is not None:
            self.client.changed.disconnect(self.on_changes)
            self.client.told.disconnect(self._status)
        self.client, stack, self.stack = None, self.stack, None
        self.doc = None
        self.suggestions.detach()
        return stack

    async def load(self) -> None:
        """Fill every view from the newly attached desk."""
        # the version first: a write by anyone after this point is noticed by the watcher
        self._seen_version = await self._client().call(lambda desk: desk.data_version())
        self._seen_restores = await self._client().call(lambda desk: desk.restores())
        self.w.view.clear_document()
        self.w.editor.show_claim(None)
        await self._reload_documents()
        await self._reload_speakers()
        docs = self.w.documents.model.documents()
        # A desk reopened after a restore, or another desk whose first row is where the old
        # one's was, must still open its document: selecting the current row again says nothing.
        self.w.documents.table.selectionModel().clear()
        if docs:
            first = self.w.documents.proxy.index(0, 0).data(DOC_ID_ROLE)
            self.w.documents.select(first if first is not None else docs[0].id)
        else:
            await self.reload_claims()
        self._update_actions()

    # --- refreshing ----------------------------------------------------------------------

    @desk_slot(object)
    async def on_changes(self, changes: Changes) -> None:
        if self.client is None:
            return
        if changes.documents:
            await self._reload_documents()
        shown = self.doc.info.id if self.doc else None
        if shown is not None and (
            shown in changes.documents or any(c.id in changes.claims for c in self._doc_claims)
        ):
            await self._reload_highlights()
        if changes.claims:
            await self._refresh_claims(changes.claims)
        if changes.speakers or changes.claims:
            await self._reload_speakers()
        self.suggestions.on_changes(changes)

    def _look_for_outside_changes(self) -> None:
        if self.client is not None and not self._watching:
            self._spawn(self._check_outside_changes())

    async def _check_outside_changes(self) -> None:
        """Refresh everything shown when the file changed (the window's own writes included:
        a cheap extra refresh is better than missing what the command line did)."""
        self._watching = True
        try:
            client = self._client()
            version = await client.call(lambda desk: desk.data_version())
            if client is not self.client:
                return
            changed = self._seen_version is not None and version != self._seen_version
            self._seen_version = version
            if changed:
                await self._forget_undo_if_restored(client)
                await self.refresh_all()
        finally:
            self._watching = False

    async def _forget_undo_if_restored(self, client: DeskClient) -> None:
        """Another program restored the desk from a backup: the undo steps refer to rows by
        id as they were before, so they go (undoing one could remove someone else's claim)."""
        restores = await client.call(lambda desk: desk.restores())
        if client is not self.client:
            return
        if self._seen_restores is not None and restores != self._seen_restores:
            if self.stack is not None:
                self.stack.clear()
            self.versions = VersionTracker()
            self._status("The desk was restored from a backup elsewhere; undo history cleared.")
        self._seen_restores = restores

    async def refresh_all(self) -> None:
        await self._reload_documents()
        await self._reload_speakers()
        await self.reload_claims()
        await self._reload_highlights()
        self.suggestions.refresh()  # a dismissal elsewhere changes them too
        current = self.w.editor.claim()
        if current is not None:
            await self._show_claim(current.id)

    async def _show_new_document(self, doc_id: int) -> None:
        """Open a document just added (the list learns of it first)."""
        if self.w.documents.model.row_of(doc_id) is None:
            await self._reload_documents()
        self.w.documents.select(doc_id)

    async def _reload_documents(self) -> None:
        docs = await self._client().call(lambda desk: desk.documents())
        self.w.documents.set_documents(docs)
        self.w.editor.set_titles(self.w.documents.titles())
        empty = not docs
        self.w.centre.setCurrentWidget(self.w.welcome if empty else self.w.reader)
        if self.doc is not None and self.doc.info.id not in {d.id for d in docs}:
            self._clear_document()
        if self.doc is None and docs and self.w.documents.current_id() is None:
            self.w.documents.select(docs[0].id)

    async def _reload_speakers(self) -> None:
        if self.client is not None:
            self.w.editor.set_speakers(await self._client().call(lambda desk: desk.speakers()))

    async def reload_claims(self) -> None:
        if self.client is None:
            return
        doc_id = None if self.w.claims.all_documents() else (self.doc.info.id if self.doc else -1)
        claims = await self._client().call(lambda desk: desk.claims(doc_id=doc_id))
        self.w.claims.set_claims(claims)

    async def _refresh_claims(self, claim_ids: frozenset[int]) -> None:

        def _fetch(desk: Any) -> list[tuple[int, ClaimInfo | None]]:
            found: list[tuple[int, ClaimInfo | None]] = []
            for claim_id in sorted(claim_ids):
                try:
                    found.append((claim_id, desk.claim(claim_id)))
                except NotFoundError:
                    found.append((claim_id, None))
            return found

        scope = None if self.w.claims.all_documents() else (self.doc.info.id if self.doc else -1)
        for claim_id, claim in await self._client().call(_fetch):
            if claim is None or (scope is not None and all(s.doc != scope for s in claim.spans)):
                self.w.claims.remove([claim_id])
            else:
                self.w.claims.upsert(claim)
        selected, shown = self.w.claims.current_id(), self.w.editor.claim()
        if selected is not None and (
            selected in claim_ids or shown is None or shown.id != selected
        ):
            await self._show_claim(selected)

    async def _reload_highlights(self) -> None:
        if self.client is None or self.doc is None:
            return
        doc_id = self.doc.info.id
        claims = await self._client().call(lambda desk: desk.claims(doc_id=doc_id))
        if self.doc is None or self.doc.info.id != doc_id:
            return  # another document was opened meanwhile
        self._doc_claims = claims
        self.w.view.set_highlights(_highlights(doc_id, claims))
        self.suggestions.claims_shown(doc_id, claims)

    # --- documents -----------------------------------------------------------------------

    @desk_slot(int)
    async def _open_document(self, doc_id: int) -> None:
        if self.client is None or (self.doc is not None and self.doc.info.id == doc_id):
            return
        try:
            doc = await self._client().call(lambda desk: desk.document(doc_id))
            claims = await self._client().call(lambda desk: desk.claims(doc_id=doc_id))
        except NotFoundError:
            return
        if self.w.documents.current_id() not in (doc_id, None):
            return  # the person moved on while this loaded
        self.doc, self._doc_claims = doc, claims
        info = doc.info
        self.w.doc_title.setText(info.title)
        meta = [x for x in (info.outlet, info.published, f"{info.words:,} words") if x]
        self.w.doc_meta.setText(" · ".join(meta))
        self.w.view.show_document(doc_id, doc.text, doc.noise, _highlights(doc_id, claims))
        self.suggestions.document_shown(doc_id, claims)
        self.w.centre.setCurrentWidget(self.w.reader)
        if not self.w.claims.all_documents():
            self.w.claims.set_claims(claims)
        self._update_actions()

    def _clear_document(self) -> None:
        self.doc, self._doc_claims = None, []
        self.w.view.clear_document()
        self.suggestions.document_shown(None, ())
        self.w.doc_title.clear()
        self.w.doc_meta.clear()
        if not self.w.claims.all_documents():
            self.w.claims.set_claims([])

    def _show_span(self, span: Span) -> None:
        self._spawn(self._reveal(span.doc, span.start, span.end))

    async def _reveal(self, doc_id: int, start: int, end: int) -> None:
        if self.doc is None or self.doc.info.id != doc_id:
            self.w.documents.select(doc_id)
            for _ in range(200):  # the document loads on the worker; wait for it briefly
                if self.doc is not None and self.doc.info.id == doc_id:
                    break
                await asyncio.sleep(0.01)
        if self.doc is not None and self.doc.info.id == doc_id:
            self.w.view.reveal_span(start, end)
            self.w.view.setFocus()

    @desk_slot(str, int, str)
    async def jump_to_hit(self, kind: str, item_id: int, query: str) -> None:
        if kind == "claim":
            if self.w.claims.select(item_id):
                return
            self.w.claims.scope.setCurrentIndex(1)  # all documents, so the claim is listed
            await self.reload_claims()
            self.w.claims.select(item_id)
            return
        self.w.documents.select(item_id)
        await self._reveal(item_id, 0, 0)
        if self.doc is not None and query.strip():
            self.w.find_bar.open_bar()
            self.w.find_bar.search(query)

    # --- claims --------------------------------------------------------------------------

    @desk_slot(object)
    async def _select_claim(self, claim_id: int | None) -> None:
        self.w.editor.flush()
        self.w.view.set_current_claim(claim_id)
        if claim_id is None:
            self.w.editor.show_claim(None)
        else:
            await self._show_claim(claim_id)
        self._update_actions()

    async def _show_claim(self, claim_id: int) -> None:
        if self.client is None:
            return
        try:
            claim, history = await self._client().call(
                lambda desk: (desk.claim(claim_id), desk.history(claim_id))
            )
        except NotFoundError:
            self.w.editor.show_claim(None)
            return
        if self.w.claims.current_id() == claim_id:
            self.w.editor.show_claim(claim, history)

    # --- helpers -------------------------------------------------------------------------

    def _client(self) -> DeskClient:
        if self.client is None:
            raise DeskClosedError("no desk is open")
        return self.client

    def _push(self, command: cmd.DeskCommand) -> None:
        if self.stack is not None:
            command.on_replay = self.versions.forget  # undo/redo moves the claim's version
            self.stack.push(command)

    def _status(self, sentence: str, timeout: int = 8000) -> None:
        self.w.statusBar().showMessage(sentence, timeout)

    async def _guard(self, awaitable: Any, what: str) -> Any:
        """Await a desk call; a refusal becomes one sentence in the status bar."""
        try:
            return await awaitable
        except KnownError as exc:
            self._status(f"Could not {what}: {exc}")
            return None

    def _spawn(self, coro: Awaitable[Any]) -> None:
        async def run() -> None:
            # its desk closed while it was queued, or is damaged (the window offers a backup)
            with contextlib.suppress(DeskClosedError, DamagedDeskError):
                await coro

        tasks.start(run())

    def _update_actions(self) -> None:
        a = self.w.actions_
        has_desk = self.client is not None
        has_selection = self.w.view.selected_span() is not None
        has_claim = self.w.claims.current_id() is not None
        a.new_claim.setEnabled(has_desk and has_selection)
        a.link.setEnabled(has_desk and has_selection and has_claim)
        a.delete_claim.setEnabled(has_desk and has_claim)
        for action in a.statuses.values():
            action.setEnabled(has_desk and has_claim)
        for action in (
            a.import_files,
            a.paste_text,
            a.save_copy,
            a.export,
            a.print_sheet,
            a.speakers,
        ):
            action.setEnabled(has_desk)


def _highlights(doc_id: int, claims: Sequence[ClaimInfo]) -> list[ViewHighlight]:
    found = []
    for claim in claims:
        who = f"\n— {claim.speaker}" if claim.speaker else ""
        tip = f"{LABELS.get(claim.status, claim.status)}: {claim.text}{who}"
        found.extend(
            ViewHighlight(s.id, claim.id, s.start, s.end, claim.status, tip)
            for s in claim.spans
            if s.doc == doc_id and s.start < s.end
        )
    return found
