"""Turning gestures into undoable claim edits: new claim, link, unlink, delete, field edits,
evidence, linking another report of the claim. Each handler awaits one desk call, then pushes
the command that can reverse it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from factdesk.core.errors import ConflictError, DamagedDeskError, KnownError
from factdesk.core.offsets import LineIndex
from factdesk.core.records import ClaimInfo, EvidenceInfo, Outcome, Span
from factdesk.core.statuses import LABELS
from factdesk.ui import undo_commands as cmd
from factdesk.ui.desk_client import DeskClosedError
from factdesk.ui.desk_slot import desk_slot
from factdesk.ui.document_view import DocumentView
from factdesk.ui.versions import Link

if TYPE_CHECKING:
    from factdesk.core.corroborate import Match
    from factdesk.ui.desk_client import DeskClient
    from factdesk.ui.main_window import MainWindow


class ClaimEditing:
    """Mixed into DeskView (which provides w, client, versions, _client, _push, _spawn,
    _status, _guard, _update_actions, _reveal)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # the editor's other reports of a claim: found, linked and shown through this desk view
        editor = window.editor
        editor.set_corroboration(self._corroborate)
        editor.variantLinked.connect(self._link_variant)
        editor.variantActivated.connect(self._show_variant)

    def _claim_clicked(self, claim_id: int) -> None:
        self.w.claims.select(claim_id)

    @desk_slot()
    async def new_claim_from_selection(self) -> None:
        span = self.w.view.selected_span()
        if self.client is None or self.doc is None or span is None:
            self._status("Select the words that carry the claim first, then press Ctrl+Enter.")
            return
        doc_id = self.doc.info.id
        claim = await self._guard(
            self._client().act(lambda desk: desk.add_claim(doc_id, span=span)), "make the claim"
        )
        if claim is None:
            return
        self._push(cmd.AddClaimCommand(self.client, claim))
        self.w.claims.upsert(claim)
        self.w.claims.select(claim.id)
        self.w.editor.tabs.setCurrentIndex(0)
        self.w.editor.text.setFocus()
        self.w.editor.text.selectAll()

    @desk_slot()
    async def link_selection(self) -> None:
        span = self.w.view.selected_span()
        claim_id = self.w.claims.current_id()
        if self.client is None or self.doc is None or span is None or claim_id is None:
            self._status("Select a claim, then select its words in a document and press Ctrl+L.")
            return
        doc_id = self.doc.info.id
        linked = await self._guard(
            self._client().act(lambda desk: desk.link(claim_id, doc_id, span=span)),
            "link the quote",
        )
        if linked is not None:
            self._push(cmd.LinkCommand(self.client, linked))

    async def _corroborate(self, claim_id: int) -> list[Match] | None:
        """The claim's other reports, found on the worker; None if the desk closed meanwhile."""

        def _find(desk: Any) -> list[Match]:
            from factdesk.services import corroboration  # noqa: PLC0415  (rapidfuzz: worker side)

            return corroboration.matches(desk, claim_id)

        try:
            return await self._client().call(_find)
        except (DeskClosedError, DamagedDeskError):
            return None  # the window offers a backup for a damaged desk, once

    @desk_slot(int, object)
    async def _link_variant(self, claim_id: int, match: Match) -> None:
        """Link another report of the claim as one of its highlights (Ctrl+L in one click)."""
        if self.client is None:
            return
        span = (match.start, match.end)
        linked = await self._guard(
            self._client().act(lambda desk: desk.link(claim_id, match.doc, span=span)),
            "link the report",
        )
        if linked is None:
            self.w.editor.sources.corroboration.refresh()  # it goes back on the list
            return
        self._push(cmd.LinkCommand(self.client, linked))
        title = self.w.documents.titles().get(match.doc, f"document {match.doc}")
        self._status(f"Linked the report in “{title}” to claim {claim_id}. Ctrl+Z unlinks it.")

    def _show_variant(self, match: Match) -> None:
        self._spawn(self._reveal_variant(match))

    async def _reveal_variant(self, match: Match) -> None:
        """Show the report in its document, the claim still selected: the claims table shows
        every document's claims (this document's would not include it)."""
        if not self.w.claims.all_documents():
            self.w.claims.scope.setCurrentIndex(1)
            self._status("Showing the claims of all documents, so the claim stays selected.")
        await self._reveal(match.doc, match.start, match.end)

    @desk_slot()
    async def unlink_at_cursor(self) -> None:
        view = self.w.view
        span = view.selected_span()
        found = view.highlights_at(span[0] if span else _cursor_offset(view))
        if not found:
            self._status("Put the cursor in a highlight to remove it.")
            return
        await self._unlink_highlight(found[0].highlight_id)

    def _unlink(self, span: Span) -> None:
        self._spawn(self._unlink_highlight(span.id))

    async def _unlink_highlight(self, highlight_id: int) -> None:
        if self.client is None:
            return
        span = await self._guard(
            self._client().act(lambda desk: desk.unlink(highlight_id)), "remove the highlight"
        )
        if span is not None:
            self._push(cmd.UnlinkCommand(self.client, span))

    @desk_slot()
    async def delete_selected_claim(self) -> None:
        claim_id = self.w.claims.current_id()
        if self.client is None or claim_id is None:
            return
        claim = await self._guard(
            self._client().act(lambda desk: desk.delete_claim(claim_id)), "delete the claim"
        )
        if claim is not None:
            self._push(cmd.DeleteClaimCommand(self.client, claim))
            self._status(f"Deleted claim {claim.id}. Ctrl+Z brings it back.")

    def set_status(self, status: str) -> None:
        """Keys 1–6 in the table: set through the editor, which knows what it last saved (a
        second key pressed before the first one's refresh arrives still counts)."""
        claim = self.w.editor.claim()
        if claim is not None and claim.id == self.w.claims.current_id():
            self.w.editor.choose_status(status)

    def edit_field(self, claim_id: int, field: str, old: object, new: object, version: int) -> None:
        """Save one field now (queued on the worker before this returns), then record it."""
        del old  # the stored value before the edit is read on the worker, next to the write
        if self.client is None:
            return
        client = self.client
        future = client.submit(
            _guarded_edit(claim_id, field, new, self.versions.submit(claim_id, version))
        )
        self._spawn(self._finish_edit(client, future, claim_id=claim_id, field=field, new=new))

    async def _finish_edit(
        self,
        client: DeskClient,
        future: asyncio.Future[Any],
        *,
        claim_id: int,
        field: str,
        new: object,
    ) -> None:
        try:
            before, claim = await client.finish(future)
        except ConflictError:
            if client is not self.client:
                return  # the desk was closed meanwhile; nothing was written
            newer = await client.call(lambda desk: desk.claim(claim_id))
            self.versions.forget(claim_id)
            if self.w.editor.claim() is not None and self.w.editor.claim().id == claim_id:
                self.w.editor.show_conflict(newer, field, new)
            self._status(f"Claim {claim_id} was changed elsewhere; your {field} was not saved.")
            return
        except KnownError as exc:
            self.versions.forget(claim_id)
            self._status(f"Could not save the {field}: {exc}")
            return
        if client is not self.client:
            return  # saved; the desk has since closed, so there is no stack to record it on
        after = getattr(claim, field)
        if after != before:
            self._push(cmd.EditFieldCommand(client, claim_id, field, before, after))
        label = LABELS.get(str(new)) if field == "status" else None
        self._status(f"Claim {claim_id}: {label or field} saved.", 2500)

    def _override(self, claim_id: int, field: str, value: object, version: int) -> None:
        current = self.w.editor.claim()
        old = None if current is None else getattr(current, field, None)
        self.edit_field(claim_id, field, old, value, version)

    def _add_evidence(self, claim_id: int, source: str, note: str) -> None:
        if self.client is not None:
            self._spawn(self._evidence_added(claim_id, source, note))

    async def _evidence_added(self, claim_id: int, source: str, note: str) -> None:
        item = await self._guard(
            self._client().act(lambda desk: desk.add_evidence(claim_id, source, note)),
            "add the evidence",
        )
        if item is not None:
            self._push(cmd.AddEvidenceCommand(self.client, item))

    def _remove_evidence(self, item: EvidenceInfo) -> None:
        if self.client is not None:
            self._spawn(self._evidence_removed(item))

    async def _evidence_removed(self, item: EvidenceInfo) -> None:
        done = await self._guard(
            self._client().act(lambda desk: desk.remove_evidence(item.id)), "remove the evidence"
        )
        if done is not None:
            self._push(cmd.RemoveEvidenceCommand(self.client, done))


def _cursor_offset(view: DocumentView) -> int:
    """The code-point offset of the text cursor (Qt reports UTF-16 units within a block)."""
    cursor = view.textCursor()
    return LineIndex(view.text()).from_utf16(cursor.blockNumber(), cursor.positionInBlock())


def _guarded_edit(claim_id: int, field: str, value: object, link: Link) -> cmd.Call:
    """The worker side of a field edit: refused if an earlier edit of its chain was refused;
    returns the field's stored value before the edit with the updated claim."""

    def _call(desk: Any) -> Outcome[tuple[object, ClaimInfo]]:
        if link.broken.is_set():
            raise ConflictError(f"claim {claim_id} was changed elsewhere", claim_id, link.expected)
        before = getattr(desk.claim(claim_id), field)
        try:
            outcome = cmd.set_field(claim_id, field, value, link.expected)(desk)
        except ConflictError:
            link.broken.set()
            raise
        return Outcome((before, outcome.value), outcome.changes)

    return _call
