"""The record of a claim edit: which fields change (the checks live in factdesk.core.fields)."""

from __future__ import annotations

from dataclasses import dataclass


class Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset()
"""Marks a field an update leaves alone (None means "clear it")."""


@dataclass(frozen=True, slots=True)
class ClaimUpdate:
    """The fields to change on a claim; UNSET leaves one as it is, "" or None clears it."""

    text: str | Unset = UNSET
    speaker: str | Unset | None = UNSET
    date: str | Unset | None = UNSET
    status: str | Unset = UNSET
    note: str | Unset = UNSET


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to make at a span of a document (Desk.add_claims), with the other name its
    speaker was given there ("Sir Keir"), to teach the desk if no speaker has it yet."""

    start: int
    end: int
    speaker: str | None = None
    date: str | None = None
    alias: str | None = None
