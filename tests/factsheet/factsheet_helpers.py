"""Helpers shared by the fact sheet tests: a hostile article, claim texts, sheets from a desk."""

# The hostile article holds markup, a remote image, a script, Markdown syntax and a
# spreadsheet formula, all of which every export must show as text.

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factdesk.core.statuses import VERDICTS
from factdesk.factsheet.model import FactSheet, build_factsheet

HOSTILE = """Council budget row <script>alert('x')</script> <img src=http://x/track.png>
The mayor said: "We will cut *all* [waste](javascript:alert(1)) by 50%" at the meeting.
=cmd|' /C calc'!A0 was pasted into the minutes & the agenda.
# Not a heading
- not a list item
"""

GENERATED = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)

# the claim texts, by status, as the tests look for them in every output
VERIFIED_TEXT = "Britain is committed to 2.5 per cent of GDP on defence"
FALSE_TEXT = "Mark Rutte will attend the Paris meeting"
MISLEADING_TEXT = "The mayor will cut all waste by half"
UNVERIFIABLE_TEXT = "A script appeared in the council story"
UNCHECKED_TEXT = "No divisions will distract the alliance"
IN_PROGRESS_TEXT = "It is a once in a generation moment"


def fill(desk: Any, articles: list[Path], hostile: Path) -> Any:
    """The desk with three articles (1 Paris, 2 Washington, 3 council) and six claims."""
    report = desk.import_files([*articles, hostile])
    assert [d.id for d in report.imported] == [1, 2, 3], report
    first = desk.add_claim(
        1,
        quote="2.5 per cent of GDP",
        text=VERIFIED_TEXT,
        speaker="Keir Starmer",
        date="2025-02-17",
        status="verified",
        note="Matches the Treasury's published plan.\nSee the spending review.",
    ).value
    desk.add_evidence(first.id, "https://www.gov.uk/defence-spending?year=2025&x=<b>", "Plan")
    desk.add_evidence(first.id, "Hansard, 17 February 2025, col. 42")
    desk.add_evidence(first.id, "javascript:alert(1)", "not a link")
    desk.add_claim(
        2,
        quote="Mark Rutte will attend the meeting",
        text=FALSE_TEXT,
        speaker="Mark Rutte",
        status="false",
        note="=1+1 he did not",
    )
    third = desk.add_claim(
        3,
        quote="We will cut *all* [waste](javascript:alert(1)) by 50%",
        text=MISLEADING_TEXT,
        speaker="The mayor",
        date="2026-01-05",
        status="misleading",
        note="<b>not bold</b> and *not emphasised*",
    ).value
    desk.add_evidence(third.id, "@SUM(A1)", "")
    desk.add_claim(
        3, quote="<script>alert('x')</script>", text=UNVERIFIABLE_TEXT, status="unverifiable"
    )
    desk.add_claim(1, quote="We cannot allow any divisions", text=UNCHECKED_TEXT)
    moment = desk.add_claim(
        2, quote="once in a generation moment", text=IN_PROGRESS_TEXT, status="in_progress"
    ).value
    desk.link(moment.id, 1, span=(61, 105))
    return desk


def sheet_of(
    desk: Any,
    *,
    statuses: Collection[str] = VERDICTS,
    texts: bool = True,
    doc_id: int | None = None,
    speaker: str | None = None,
    **fields: Any,
) -> FactSheet:
    """A fact sheet of the desk's claims, gathered the way the command line gathers them."""
    claims = desk.claims(statuses=statuses, doc_id=doc_id, speaker=speaker)
    quoted = {span.doc for claim in claims for span in claim.spans}
    docs = (
        {d: desk.document(d) for d in quoted}
        if texts
        else {d.id: d for d in desk.documents() if d.id in quoted}
    )
    signature = {"title": "Council and summit", "editor": "Jo Bloggs", "desk_name": "news"}
    return build_factsheet(claims, docs, generated_at=GENERATED, **(signature | fields))


def flat(text: str) -> str:
    """Whitespace runs as one space: Qt's PDFs extract with tabs and line breaks."""
    return " ".join(text.split())
