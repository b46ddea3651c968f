"""Publication dates as pages write them, read as YYYY-MM-DD (or None when they are not dates)."""

from __future__ import annotations

import pytest

from factdesk.sources.dates import iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-16", "2025-02-16"),
        ("2025-02-16T23:30:00-05:00", "2025-02-16"),  # the date as written, no zone shift
        ("2025-2-6 09:00", "2025-02-06"),
        ("2025/02/16", "2025-02-16"),
        ("20250216", "2025-02-16"),
        ("20250216T0930Z", "2025-02-16"),
        ("Sun, 16 Feb 2025 09:30:00 GMT", "2025-02-16"),
        ("16th February 2025", "2025-02-16"),
        ("February 16, 2025", "2025-02-16"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("2025-02-30", None),
        ("16 Brumaire 2025", None),
        ("yesterday", None),
        ("", None),
        ("202502160", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected
