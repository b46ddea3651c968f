"""Claim statuses and highlight anchor states: the vocabulary every layer shares."""

from __future__ import annotations

UNCHECKED = "unchecked"
IN_PROGRESS = "in_progress"
VERIFIED = "verified"
FALSE = "false"
MISLEADING = "misleading"
UNVERIFIABLE = "unverifiable"

# Order matters: it is the workflow order, the order of keys 1–6 in the window and of reports.
STATUSES: tuple[str, ...] = (UNCHECKED, IN_PROGRESS, VERIFIED, FALSE, MISLEADING, UNVERIFIABLE)
VERDICTS: tuple[str, ...] = (VERIFIED, FALSE, MISLEADING, UNVERIFIABLE)

LABELS: dict[str, str] = {
    UNCHECKED: "Unchecked",
    IN_PROGRESS: "In progress",
    VERIFIED: "Verified",
    FALSE: "False",
    MISLEADING: "Misleading",
    UNVERIFIABLE: "Unverifiable",
}

ANCHOR_OK = "ok"
ANCHOR_FUZZY = "fuzzy"
ANCHOR_ORPHAN = "orphan"
ANCHOR_STATES: tuple[str, ...] = (ANCHOR_OK, ANCHOR_FUZZY, ANCHOR_ORPHAN)
