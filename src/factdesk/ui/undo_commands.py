"""One QUndoCommand per kind of edit. Each edit is done (and on disk) before its command is
pushed; undo and redo replay the inverse or the edit on the desk's worker thread.

Deleted rows come back with their old ids (the services' restore_* calls), so commands further
down the stack still name the right claim, highlight or document. Undoing a field edit first
checks that the field still holds what this window wrote: if someone else changed it since,
the undo is refused rather than overwriting their work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from factdesk.core.records import Changes, ClaimInfo, DocumentInfo, EvidenceInfo, Outcome, Span
from factdesk.core.statuses import LABELS
from factdesk.core.text import shorten

if TYPE_CHECKING:
    from factdesk.core.suggest import Suggestion
    from factdesk.services import Desk
    from factdesk.ui.desk_client import DeskClient

Call = Callable[["Desk"], Outcome[Any]]


def set_field_if(claim_id: int, field: str, expected: object, value: object) -> Call:
    """A desk call that sets one field of a claim only if it still holds `expected`."""

    def _call(desk: Desk) -> Outcome[ClaimInfo]:
        from factdesk.core.errors import ConflictError  # noqa: PLC0415
        from factdesk.services.claim_input import ClaimUpdate  # noqa: PLC0415

        current = desk.claim(claim_id)
        if getattr(current, field) != expected:
            raise ConflictError(
                f"its {field} was changed elsewhere since (now “{getattr(current, field)}”)",
                claim_id,
                current.version,
            )
        # the version check catches a write by another process between the read and this one
        update = ClaimUpdate(**{field: _cleared(field, value)})
        return desk.update_claim(claim_id, update, expected_version=current.version)

    return _call


def set_field(claim_id: int, field: str, value: object, version: int | None = None) -> Call:
    """A desk call that sets one field of a claim (with a version check when given)."""

    def _call(desk: Desk) -> Outcome[ClaimInfo]:
        from factdesk.services.claim_input import ClaimUpdate  # noqa: PLC0415  (worker side)

        return desk.update_claim(claim_id, ClaimUpdate(**{field: value}), expected_version=version)

    return _call


class DeskCommand(QUndoCommand):
    """An edit already made on the desk; redo() the first time does nothing.

    Each kind names two desk calls: `make` brings about what the command is about (a claim, a
    link, a field value, imported documents), `unmake` takes it away. A command that records a
    removal sets `reverse`, so its redo unmakes and its undo makes.
    """

    claim_id: int | None = None
    reverse = False
    make: Callable[[], Call]
    unmake: Callable[[], Call]

    def __init__(self, client: DeskClient, text: str) -> None:
        super().__init__(text)
        self.client = client
        self._done = True
        self.on_replay: Callable[[int], None] | None = None  # told which claim undo/redo touch
        # told when an undo or redo has reached the desk, for edits whose `Changes` name no
        # view that shows them (a dismissed suggestion)
        self.on_done: Callable[[], None] | None = None

    def redo(self) -> None:
        if self._done:
            self._done = False  # pushed after the edit was made: nothing to do this time
            return
        self._replaying()
        call = self.unmake() if self.reverse else self.make()
        self._spawn(call, "redo", "Redone")

    def undo(self) -> None:
        self._replaying()
        call = self.make() if self.reverse else self.unmake()
        self._spawn(call, "undo", "Undone")

    def _spawn(self, call: Call, verb: str, done: str) -> None:
        task = self.client.spawn(
            call, what=f"{verb} “{self.text()}”", done=f"{done}: {self.text()}."
        )
        if self.on_done is not None:
            on_done = self.on_done
            task.add_done_callback(lambda _task: on_done())

    def _replaying(self) -> None:
        if self.on_replay is not None:
            for claim_id in self.claim_ids():
                self.on_replay(claim_id)

    def claim_ids(self) -> tuple[int, ...]:
        """The claims an undo or redo of this command touches."""
        return () if self.claim_id is None else (self.claim_id,)


def _keeping(call: Call, keep: Callable[[Any], None]) -> Call:
    """`call`, remembering its result (the newest snapshot of what it deleted)."""

    def _call(desk: Desk) -> Outcome[Any]:
        outcome = call(desk)
        keep(outcome.value)
        return outcome

    return _call


class AddClaimCommand(DeskCommand):
    def __init__(self, client: DeskClient, claim: ClaimInfo) -> None:
        super().__init__(client, f"New claim “{shorten(claim.text, 40)}”")
        self.claim = claim  # replaced by the newest snapshot each time the claim is deleted
        self.claim_id = claim.id

    def _keep(self, claim: ClaimInfo) -> None:
        self.claim = claim

    def make(self) -> Call:
        return lambda desk: desk.restore_claim(self.claim)

    def unmake(self) -> Call:
        return _keeping(lambda desk: desk.delete_claim(self.claim_id), self._keep)


class DeleteClaimCommand(AddClaimCommand):
    reverse = True

    def __init__(self, client: DeskClient, claim: ClaimInfo) -> None:
        super().__init__(client, claim)
        self.setText(f"Delete claim “{shorten(claim.text, 40)}”")


class AcceptSuggestionCommand(AddClaimCommand):
    """A claim made from a suggestion: undo removes the claim (and so the suggestion is
    offered again); an alias the desk learned stays."""

    def __init__(self, client: DeskClient, claim: ClaimInfo) -> None:
        super().__init__(client, claim)
        self.setText(f"Accept suggestion “{shorten(claim.text, 40)}”")


class AcceptSuggestionsCommand(DeskCommand):
    """Claims made in one gesture (every quotation of a speaker): one undo step for all."""

    def __init__(self, client: DeskClient, claims: Sequence[ClaimInfo], speaker: str) -> None:
        count = len(claims)
        super().__init__(client, f"Accept {count} quote{'s' * (count != 1)} by {speaker}")
        self.claims = tuple(claims)  # replaced by the newest snapshots each time they go

    def claim_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.claims)

    def _keep(self, claims: tuple[ClaimInfo, ...]) -> None:
        self.claims = claims

    def make(self) -> Call:
        claims = self.claims
        return lambda desk: _merged([desk.restore_claim(c) for c in claims])

    def unmake(self) -> Call:
        ids = self.claim_ids()
        return _keeping(lambda desk: _merged([desk.delete_claim(i) for i in ids]), self._keep)


class DismissSuggestionCommand(DeskCommand):
    """A suggestion hidden for good (on the desk, for everyone); undo offers it again."""

    def __init__(self, client: DeskClient, doc_id: int, suggestion: Suggestion) -> None:
        what = suggestion.figure or shorten(suggestion.text, 40)
        super().__init__(client, f"Dismiss suggestion “{what}”")
        self.doc_id = doc_id
        self.kind, self.start, self.end = suggestion.kind, suggestion.start, suggestion.end

    def make(self) -> Call:
        return lambda desk: desk.dismiss_suggestion(self.doc_id, self.kind, self.start, self.end)

    def unmake(self) -> Call:
        return lambda desk: desk.undismiss_suggestion(self.doc_id, self.kind, self.start, self.end)


class EditFieldCommand(DeskCommand):
    """`old` and `new` are the field's stored values before and after the edit."""

    def __init__(
        self, client: DeskClient, claim_id: int, field: str, old: object, new: object
    ) -> None:
        label = LABELS.get(str(new), str(new)) if field == "status" else None
        text = f"Mark claim {claim_id} {label}" if label else f"Edit {field} of claim {claim_id}"
        super().__init__(client, text)
        self.claim_id, self.field, self.old, self.new = claim_id, field, old, new

    def make(self) -> Call:
        return set_field_if(self.claim_id, self.field, self.old, self.new)

    def unmake(self) -> Call:
        return set_field_if(self.claim_id, self.field, self.new, self.old)


class LinkCommand(DeskCommand):
    def __init__(self, client: DeskClient, span: Span) -> None:
        super().__init__(client, f"Link “{shorten(span.quote, 40)}” to claim {span.claim_id}")
        self.span = span
        self.claim_id = span.claim_id

    def make(self) -> Call:
        return lambda desk: desk.restore_highlight(self.span)

    def unmake(self) -> Call:
        return lambda desk: desk.unlink(self.span.id)


class UnlinkCommand(LinkCommand):
    reverse = True

    def __init__(self, client: DeskClient, span: Span) -> None:
        super().__init__(client, span)
        self.setText(f"Remove highlight “{shorten(span.quote, 40)}”")


class AddEvidenceCommand(DeskCommand):
    def __init__(self, client: DeskClient, item: EvidenceInfo) -> None:
        super().__init__(client, f"Add evidence to claim {item.claim_id}")
        self.item = item
        self.claim_id = item.claim_id

    def make(self) -> Call:
        return lambda desk: desk.restore_evidence(self.item)

    def unmake(self) -> Call:
        return lambda desk: desk.remove_evidence(self.item.id)


class RemoveEvidenceCommand(AddEvidenceCommand):
    reverse = True

    def __init__(self, client: DeskClient, item: EvidenceInfo) -> None:
        super().__init__(client, item)
        self.setText(f"Remove evidence from claim {item.claim_id}")


class ImportCommand(DeskCommand):
    """Undo removes the imported documents (kept in memory for redo)."""

    def __init__(self, client: DeskClient, docs: tuple[DocumentInfo, ...]) -> None:
        count = len(docs)
        what = f"“{shorten(docs[0].title, 40)}”" if count == 1 else f"{count} documents"
        super().__init__(client, f"Import {what}")
        self.doc_ids = tuple(d.id for d in docs)
        self._removed: tuple[Any, ...] = ()

    def make(self) -> Call:
        return lambda desk: desk.restore_documents(self._removed)

    def unmake(self) -> Call:
        return _keeping(lambda desk: desk.delete_documents(self.doc_ids), self._keep)

    def _keep(self, removed: tuple[Any, ...]) -> None:
        self._removed = removed


def _merged(outcomes: Sequence[Outcome[Any]]) -> Outcome[tuple[Any, ...]]:
    """Several desk calls' outcomes as one: their values, and everything they changed."""
    documents: set[int] = set()
    claims: set[int] = set()
    speakers: set[int] = set()
    for outcome in outcomes:
        documents |= outcome.changes.documents
        claims |= outcome.changes.claims
        speakers |= outcome.changes.speakers
    changes = Changes(frozenset(documents), frozenset(claims), frozenset(speakers))
    return Outcome(tuple(o.value for o in outcomes), changes)


def _cleared(field: str, value: object) -> object:
    """What to send to clear a field: speaker and date take None, the note ""."""
    if value is None and field == "note":
        return ""
    return value
