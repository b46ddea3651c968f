"""One QUndoCommand per kind of edit. Each edit is done (and on disk) before its command is
pushed; undo and redo replay the inverse or the edit on the desk's worker thread.

Deleted rows come back with their old ids (the services' restore_* calls), so commands further
down the stack still name the right claim, highlight or document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from factdesk.core.records import ClaimInfo, DocumentInfo, EvidenceInfo, Outcome, Span
from factdesk.core.statuses import LABELS

if TYPE_CHECKING:
    from factdesk.services import Desk
    from factdesk.ui.desk_client import DeskClient

Call = Callable[["Desk"], Outcome[Any]]


def set_field(claim_id: int, field: str, value: object, version: int | None = None) -> Call:
    """A desk call that sets one field of a claim (with a version check when given)."""

    def _call(desk: Desk) -> Outcome[ClaimInfo]:
        from factdesk.services.claim_input import ClaimUpdate  # noqa: PLC0415  (worker side)

        return desk.update_claim(claim_id, ClaimUpdate(**{field: value}), expected_version=version)

    return _call


class DeskCommand(QUndoCommand):
    """An edit already made on the desk; redo() the first time does nothing."""

    def __init__(self, client: DeskClient, text: str) -> None:
        super().__init__(text)
        self.client = client
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False  # pushed after the edit was made: nothing to do this time
            return
        self.client.spawn(self.forward(), what=f"redo “{self.text()}”")

    def undo(self) -> None:
        self.client.spawn(self.backward(), what=f"undo “{self.text()}”")

    def forward(self) -> Call:
        raise NotImplementedError

    def backward(self) -> Call:
        raise NotImplementedError


class AddClaimCommand(DeskCommand):
    def __init__(self, client: DeskClient, claim: ClaimInfo) -> None:
        super().__init__(client, f"New claim “{_short(claim.text)}”")
        self.claim = claim

    def forward(self) -> Call:
        return lambda desk: desk.restore_claim(self.claim)

    def backward(self) -> Call:
        return lambda desk: desk.delete_claim(self.claim.id)


class DeleteClaimCommand(AddClaimCommand):
    def __init__(self, client: DeskClient, claim: ClaimInfo) -> None:
        super().__init__(client, claim)
        self.setText(f"Delete claim “{_short(claim.text)}”")

    def forward(self) -> Call:
        return super().backward()

    def backward(self) -> Call:
        return super().forward()


class EditFieldCommand(DeskCommand):
    def __init__(
        self, client: DeskClient, claim_id: int, field: str, old: object, new: object
    ) -> None:
        label = LABELS.get(str(new), str(new)) if field == "status" else None
        text = f"Mark claim {claim_id} {label}" if label else f"Edit {field} of claim {claim_id}"
        super().__init__(client, text)
        self.claim_id, self.field, self.old, self.new = claim_id, field, old, new

    def forward(self) -> Call:
        return set_field(self.claim_id, self.field, _cleared(self.field, self.new))

    def backward(self) -> Call:
        return set_field(self.claim_id, self.field, _cleared(self.field, self.old))


class LinkCommand(DeskCommand):
    def __init__(self, client: DeskClient, span: Span) -> None:
        super().__init__(client, f"Link “{_short(span.quote)}” to claim {span.claim_id}")
        self.span = span

    def forward(self) -> Call:
        return lambda desk: desk.restore_highlight(self.span)

    def backward(self) -> Call:
        return lambda desk: desk.unlink(self.span.id)


class UnlinkCommand(LinkCommand):
    def __init__(self, client: DeskClient, span: Span) -> None:
        super().__init__(client, span)
        self.setText(f"Remove highlight “{_short(span.quote)}”")

    def forward(self) -> Call:
        return super().backward()

    def backward(self) -> Call:
        return super().forward()


class AddEvidenceCommand(DeskCommand):
    def __init__(self, client: DeskClient, item: EvidenceInfo) -> None:
        super().__init__(client, f"Add evidence to claim {item.claim_id}")
        self.item = item

    def forward(self) -> Call:
        return lambda desk: desk.restore_evidence(self.item)

    def backward(self) -> Call:
        return lambda desk: desk.remove_evidence(self.item.id)


class RemoveEvidenceCommand(AddEvidenceCommand):
    def __init__(self, client: DeskClient, item: EvidenceInfo) -> None:
        super().__init__(client, item)
        self.setText(f"Remove evidence from claim {item.claim_id}")

    def forward(self) -> Call:
        return super().backward()

    def backward(self) -> Call:
        return super().forward()


class ImportCommand(DeskCommand):
    """Undo removes the imported documents (kept in memory for redo)."""

    def __init__(self, client: DeskClient, docs: tuple[DocumentInfo, ...]) -> None:
        count = len(docs)
        what = f"“{_short(docs[0].title)}”" if count == 1 else f"{count} documents"
        super().__init__(client, f"Import {what}")
        self.doc_ids = tuple(d.id for d in docs)
        self._removed: tuple[Any, ...] = ()

    def forward(self) -> Call:
        return lambda desk: desk.restore_documents(self._removed)

    def backward(self) -> Call:
        def _delete(desk: Desk) -> Outcome[Any]:
            outcome = desk.delete_documents(self.doc_ids)
            self._removed = outcome.value
            return outcome

        return _delete


def _cleared(field: str, value: object) -> object:
    """What to send to clear a field: speaker and date take None, text fields ""."""
    if value is None and field in ("note",):
        return ""
    return value


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
