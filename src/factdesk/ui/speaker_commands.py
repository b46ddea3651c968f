"""Undoable speaker edits: an alias added or removed (a merge cannot be undone).

Like every DeskCommand, the edit is on disk before the command is pushed; undo and redo replay
the inverse or the edit on the desk's worker. An alias is named by its text (unique on a desk)
and its speaker by name, which still finds them after a merge (the name becomes an alias).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factdesk.core.text import shorten
from factdesk.ui.undo_commands import Call, DeskCommand

if TYPE_CHECKING:
    from factdesk.ui.desk_client import DeskClient


class AddAliasCommand(DeskCommand):
    def __init__(self, client: DeskClient, speaker: str, alias: str) -> None:
        super().__init__(client, f"Add alias “{shorten(alias, 30)}” of {shorten(speaker, 30)}")
        self.speaker, self.alias = speaker, alias

    def make(self) -> Call:
        return lambda desk: desk.add_alias(self.speaker, self.alias)

    def unmake(self) -> Call:
        return lambda desk: desk.remove_alias(self.alias)


class RemoveAliasCommand(AddAliasCommand):
    reverse = True

    def __init__(self, client: DeskClient, speaker: str, alias: str) -> None:
        super().__init__(client, speaker, alias)
        self.setText(f"Remove alias “{shorten(alias, 30)}” of {shorten(speaker, 30)}")
