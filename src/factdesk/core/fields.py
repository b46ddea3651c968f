"""Validate what a person typed for a claim's fields (shared by the CLI parser and services)."""

from __future__ import annotations

from datetime import date

from factdesk.core.errors import InvalidInputError
from factdesk.core.statuses import STATUSES


def clean_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidInputError("a claim's text cannot be empty")
    return value


def clean_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD), or None for empty; anything else is refused with the reason."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:  # fromisoformat also takes "20250216" and week dates
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise InvalidInputError(f"“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2025-02-16")


def clean_status(value: str) -> str:
    if value not in STATUSES:
        raise InvalidInputError(f"“{value}” is not a status; use one of {', '.join(STATUSES)}")
    return value
