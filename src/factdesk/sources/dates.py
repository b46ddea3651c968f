"""Read the publication dates pages declare ("2025-02-16T09:30:00Z", "16 Feb 2025") as ISO."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SLASHED = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?!\d)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# "16 February 2025", "Sun, 16 Feb 2025 09:30:00 GMT" and "February 16, 2025".
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def iso_date(value: str) -> str | None:
    """The calendar date in `value` as YYYY-MM-DD (as written, no time-zone shift), or None."""
    value = value.strip()[:100]
    for pattern in (_ISO, _SLASHED, _COMPACT):
        match = pattern.match(value)
        if match:
            return _checked(*(int(part) for part in match.groups()))
    match = _DAY_MONTH.search(value)
    if match and match.group(2).lower() in _MONTHS:
        return _checked(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    match = _MONTH_DAY.search(value)
    if match and match.group(1).lower() in _MONTHS:
        return _checked(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    return None


def _checked(year: int, month: int, day: int) -> str | None:
    """The date if it exists on the calendar (no 2025-02-30), else None."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
