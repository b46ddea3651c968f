"""Claim suggestions for the open document: read on the desk's worker, listed in the
Suggestions tab, dotted in the article, accepted or dismissed as undoable edits.

Reading an article for suggestions takes up to a second on a very long one, on the worker that
every desk call shares, so it happens only while they are shown (the Suggestions tab, or View ▸
Show suggestions), once per change that can alter them: another document, its quoted spans, the
desk's speakers, a dismissal. Requests while a reading runs fold into one more reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from factdesk.core.errors import DamagedDeskError, KnownError, NotFoundError
from factdesk.core.records import Changes, ClaimInfo, Outcome
from factdesk.core.suggest import QUOTE
from factdesk.core.text import shorten
from factdesk.ui import undo_commands as cmd
from factdesk.ui.models.suggestion_list import describe, key_of, listed
from factdesk.ui.suggestion_painter import SuggestionMark
from factdesk.ui.suggestions_panel import NO_DOCUMENT, READING

if TYPE_CHECKING:
    from factdesk.core.suggest import Suggestion
    from factdesk.services import Desk
    from factdesk.ui.desk_client import DeskClient
    from factdesk.ui.desk_view import DeskView
    from factdesk.ui.suggestions_panel import SuggestionsPanel

Quoted = frozenset[tuple[int, int]]


class SuggestionFlow:
    """Part of DeskView: it owns the suggestions of the document DeskView shows."""

    def __init__(self, desk_view: DeskView) -> None:
        self.dv = desk_view
        self.w = desk_view.w
        self.panel: SuggestionsPanel | None = None
        self._doc_id: int | None = None
        self._found: list[Suggestion] = []
        self._read_for: int | None = None  # the document `_found` belongs to
        self._quoted: Quoted = frozenset()
        self._stale = False
        self._reading = False
        self.w.view.suggestionClicked.connect(self._clicked_in_article)

    # --- what DeskView and the window tell it ---------------------------------------------

    def attach_panel(self, panel: SuggestionsPanel) -> None:
        self.panel = panel
        panel.suggestionSelected.connect(self._selected)
        panel.shownChanged.connect(self._paint)
        self._fill_panel()
        self.shown_changed()

    def shown_changed(self) -> None:
        """The Suggestions tab or View ▸ Show suggestions was switched: read if now needed."""
        self._paint()
        if self.needed():
            self.refresh()

    def document_shown(self, doc_id: int | None, claims: Sequence[ClaimInfo]) -> None:
        if doc_id != self._doc_id:
            self._doc_id = doc_id
            self._found, self._read_for = [], None
            self._fill_panel()
        self._quoted = _quoted(doc_id, claims)
        self.refresh()

    def claims_shown(self, doc_id: int, claims: Sequence[ClaimInfo]) -> None:
        """The open document's claims were read again: a new or removed quote changes what
        is suggested; an edited note does not."""
        quoted = _quoted(doc_id, claims)
        if doc_id == self._doc_id and quoted != self._quoted:
            self._quoted = quoted
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.speakers:  # a new speaker or alias may name who said a quotation
            self.refresh()

    def detach(self) -> None:
        self._doc_id, self._found, self._read_for = None, [], None
        self._quoted = frozenset()
        self._fill_panel()

    def needed(self) -> bool:
        shown = self.panel is not None and self.w.left.currentWidget() is self.panel
        return shown or self.w.actions_.show_suggestions.isChecked()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the suggestions again when they are next needed (now, if they are shown)."""
        self._stale = True
        if self.needed() and not self._reading and self.dv.client is not None:
            self._reading = True  # now, not when the coroutine starts: a second call waits
            self.dv._spawn(self._read())

    async def _read(self) -> None:
        try:
            while self._stale and self.needed() and self.dv.client is not None:
                self._stale = False
                await self._read_once(self.dv.client, self._doc_id)
        finally:
            self._reading = False

    async def _read_once(self, client: DeskClient, doc_id: int | None) -> None:
        if doc_id is None:
            return
        if self._read_for != doc_id and self.panel is not None:
            self.panel.set_state(READING)
        try:
            found = await client.call(lambda desk: _suggestions(desk, doc_id))
        except NotFoundError:
            found = []  # deleted meanwhile: the document list is about to say so
        except DamagedDeskError:
            raise  # the window offers a backup, once
        except KnownError as exc:
            self.dv._status(f"Could not read the suggestions: {exc}")
            found = []
        if client is not self.dv.client or doc_id != self._doc_id:
            return  # another desk or document: the loop reads again for it
        self._found, self._read_for = found, doc_id
        self._fill_panel()

    def _fill_panel(self) -> None:
        if self.panel is not None:
            if self._doc_id is None:
                self.panel.set_state(NO_DOCUMENT)
            elif self._read_for != self._doc_id:
                self.panel.set_state(READING)
            else:
                self.panel.set_suggestions(self._found)
        self._paint()

    # --- the article -----------------------------------------------------------------------

    def _shown(self) -> list[Suggestion]:
        if self.panel is not None:
            return self.panel.shown()
        return listed(self._found, fragments=False, speaker=None)

    def _paint(self) -> None:
        view = self.w.view
        if not self.needed() or self._read_for is None or self._read_for != view.document_id():
            view.set_suggestions(())
            return
        marks = [SuggestionMark(key_of(s), s.start, s.end, _tip(s)) for s in self._shown()]
        current = self.panel.current() if self.panel is not None else None
        view.set_suggestions(marks, key_of(current) if current is not None else None)

    def _selected(self, suggestion: Suggestion | None) -> None:
        self._paint()
        if suggestion is not None and self._read_for == self.w.view.document_id():
            self.w.view.show_span(suggestion.start, suggestion.end)

    def _clicked_in_article(self, key: tuple[str, int, int]) -> None:
        if self.needed():
            panel = self.w.suggestions  # built on first use
            self.w.left.setCurrentWidget(panel)
            panel.select(key)

    # --- gestures --------------------------------------------------------------------------

    def _chosen(self, what: str) -> tuple[DeskClient, int, Suggestion] | None:
        current = self.panel.current() if self.panel is not None else None
        client, doc_id = self.dv.client, self._doc_id
        if current is None or client is None or doc_id is None or self._read_for != doc_id:
            self.dv._status(f"Select a suggestion in the Suggestions tab to {what} it.")
            return None
        return client, doc_id, current

    async def accept(self) -> None:
        chosen = self._chosen("accept")
        if chosen is None:
            return
        client, doc_id, suggestion = chosen
        accepted = await self.dv._guard(
            client.act(lambda desk: _accept(desk, doc_id, suggestion)), "accept the suggestion"
        )
        if accepted is None or client is not self.dv.client:
            return
        claim, alias = accepted
        self.dv._push(cmd.AcceptSuggestionCommand(client, claim))
        self._forget(suggestion)
        self._show_claim(claim)
        if alias:
            said = (
                f"“{alias}” now names {claim.speaker}; Ctrl+Z removes the claim but not the "
                "name (Claim ▸ Speakers… changes it)."
            )
        else:
            said = "Ctrl+Z undoes it."
        self.dv._status(f"Claim {claim.id} made from the suggestion. {said}", 12000)

    async def dismiss(self) -> None:
        chosen = self._chosen("dismiss")
        if chosen is None:
            return
        client, doc_id, suggestion = chosen
        kind, start, end = key_of(suggestion)
        done = await self.dv._guard(
            client.act(lambda desk: desk.dismiss_suggestion(doc_id, kind, start, end)),
            "dismiss the suggestion",
        )
        if done is None or client is not self.dv.client:
            return
        command = cmd.DismissSuggestionCommand(client, doc_id, suggestion)
        command.on_done = self.refresh
        self.dv._push(command)
        self._forget(suggestion)
        self.dv._status(
            "Suggestion dismissed: it will not be offered again. Ctrl+Z brings it back."
        )

    async def accept_all(self) -> None:
        chosen = self._chosen("accept the quotes of")
        if chosen is None:
            return
        client, doc_id, current = chosen
        speaker = current.speaker
        quotes = [s for s in self._shown() if s.kind == QUOTE and s.speaker == speaker]
        if speaker is None or not quotes:
            self.dv._status("Select a quotation whose speaker is known.")
            return
        made = await self.dv._guard(
            client.act(lambda desk: _accept_all(desk, doc_id, quotes, speaker)),
            f"accept the quotes by {speaker}",
        )
        if made is None or client is not self.dv.client:
            return
        claims, aliases = made
        if claims:
            self.dv._push(cmd.AcceptSuggestionsCommand(client, claims, speaker))
        self._forget(*quotes)
        for claim in claims:
            self.w.claims.upsert(claim)
        count = len(claims)
        said = f"{count} claim{'s' * (count != 1)} made from the quotes by {speaker}."
        if aliases:
            names = ", ".join(f"“{a}”" for a in aliases)
            said += f" {names} now name{'s' * (len(aliases) == 1)} {speaker}."
            said += " Ctrl+Z removes the claims but not the names."
        else:
            said += " Ctrl+Z undoes them all."
        self.dv._status(said, 12000)

    def _forget(self, *gone: Suggestion) -> None:
        """Gone from the list now (the next one is selected); the reading that the change
        brings about confirms it."""
        self._found = [s for s in self._found if s not in gone]
        if self.panel is not None:
            self.panel.remove(*(key_of(s) for s in gone))
        self._paint()

    def _show_claim(self, claim: ClaimInfo) -> None:
        """List the new claim and show it in the editor, leaving the focus in the list."""
        self.w.claims.upsert(claim)
        self.w.claims.select(claim.id)


def _quoted(doc_id: int | None, claims: Sequence[ClaimInfo]) -> Quoted:
    return frozenset(
        (s.start, s.end) for c in claims for s in c.spans if s.doc == doc_id and s.start < s.end
    )


def _tip(s: Suggestion) -> str:
    return f"Suggested: {describe(s)}\n{shorten(s.text, 200)}"


# --- the worker side -------------------------------------------------------------------------


def _suggestions(desk: Desk, doc_id: int) -> list[Suggestion]:
    from factdesk.services import suggestions  # noqa: PLC0415  (SQLAlchemy: worker side)

    return one_per_span(suggestions.suggestions(desk, doc_id))


def one_per_span(found: Sequence[Suggestion]) -> list[Suggestion]:
    """One suggestion per kind and span: two figures in one sentence are one suggestion (the
    desk dismisses, and a claim quotes, the sentence), its figures joined, its best score."""
    merged: dict[tuple[str, int, int], Suggestion] = {}
    for s in found:
        key = key_of(s)
        same = merged.get(key)
        if same is None:
            merged[key] = s
            continue
        best, other = (s, same) if s.score > same.score else (same, s)
        figures = [f for f in (best.figure, other.figure) if f]
        merged[key] = replace(best, figure=", ".join(figures) if figures else None)
    return list(merged.values())


def _accept(desk: Desk, doc_id: int, suggestion: Suggestion) -> Outcome[tuple[ClaimInfo, Any]]:
    from factdesk.services import suggestions  # noqa: PLC0415

    outcome = suggestions.accept(desk, doc_id, suggestion)
    accepted = outcome.value
    return Outcome((accepted.claim, accepted.alias_learned), outcome.changes)


def _accept_all(
    desk: Desk, doc_id: int, quotes: Sequence[Suggestion], speaker: str
) -> Outcome[tuple[list[ClaimInfo], list[str]]]:
    """Every listed quotation of `speaker`, with the names the desk learned for them; what
    changed is their claims and the document (and so the speakers are read again)."""
    from factdesk.services import suggestions  # noqa: PLC0415

    outcome = suggestions.accept_all_quotes(desk, doc_id, quotes, speaker)
    claims = [a.claim for a in outcome.value]
    aliases = [a.alias_learned for a in outcome.value if a.alias_learned]
    return Outcome((claims, aliases), outcome.changes)
