"""Validate what a person typed for a claim before it reaches the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factdesk.core.errors import InvalidInputError
from factdesk.core.statuses import STATUSES


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


def clean_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidInputError("a claim's text cannot be empty")
    return value


def clean_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) or None; anything else is refused with the reason."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> str:
    raise InvalidInputError(f"“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2025-02-16")


def clean_status(value: str) -> str:
    if value not in STATUSES:
        raise InvalidInputError(f"“{value}” is not a status; use one of {', '.join(STATUSES)}")
    return value
