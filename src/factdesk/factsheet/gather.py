"""One export from an open desk: choose the claims, read what they quote, write the sheet.

Shared by the command line and the window. The desk is passed in (anything with the `Desk`
read methods), so this module needs neither the services nor Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from factdesk.core.errors import KnownError
from factdesk.core.records import ClaimInfo, DocumentInfo, DocumentText
from factdesk.core.statuses import VERDICTS
from factdesk.factsheet.export import Written, needs_texts, write_sheet
from factdesk.factsheet.model import FactSheet, build_factsheet, web_url
from factdesk.factsheet.write import ExportError, check_target

DEFAULT_TITLE = "Fact sheet"


def signature_from_env() -> tuple[str | None, str | None]:
    """The organisation and the site URL the sheet is published under (until Settings exist)."""
    organisation = os.environ.get("FACTDESK_ORGANISATION", "").strip() or None
    site = os.environ.get("FACTDESK_SITE_URL", "").strip() or None
    if site and not web_url(site):
        raise KnownError(f"FACTDESK_SITE_URL is not an http(s) address: {site}")
    return organisation, site


class DeskReader(Protocol):
    path: Path
    editor: str

    def claims(self, **filters: Any) -> list[ClaimInfo]: ...
    def document(self, doc_id: int) -> DocumentText: ...
    def documents(self) -> list[DocumentInfo]: ...


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    target: Path
    statuses: Sequence[str] = VERDICTS
    doc_id: int | None = None
    speaker: str | None = None
    title: str = DEFAULT_TITLE
    page_size: str = "a4"
    bom: bool = False
    per_highlight: bool = False
    organisation: str | None = None
    site_url: str | None = None


def sheet_from_desk(desk: DeskReader, request: ExportRequest) -> FactSheet:
    """The fact sheet `request` asks for, read from the desk (nothing is written)."""
    if request.doc_id is not None:
        desk.document(request.doc_id)  # an unknown document is an error, not an empty sheet
    claims = desk.claims(
        statuses=request.statuses or VERDICTS, doc_id=request.doc_id, speaker=request.speaker
    )
    quoted = {span.doc for claim in claims for span in claim.spans}
    documents: dict[int, DocumentText | DocumentInfo]
    if needs_texts(request.fmt):
        documents = {doc_id: desk.document(doc_id) for doc_id in sorted(quoted)}
    else:
        documents = {d.id: d for d in desk.documents() if d.id in quoted}
    return build_factsheet(
        claims,
        documents,
        title=request.title.strip() or DEFAULT_TITLE,
        editor=desk.editor,
        desk_name=desk.path.stem,
        organisation=request.organisation,
        url=request.site_url,
        generated_at=datetime.now().astimezone(),
    )


def export_from_desk(
    desk: DeskReader,
    request: ExportRequest,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """Write the fact sheet `request` asks for; refuses (ExportError) before any work when the
    target cannot be written or is the desk itself."""
    target = request.target.expanduser()
    check_target(target)
    if target.exists() and target.resolve() == desk.path.resolve():
        raise ExportError(target, "it is the desk file itself")
    return write_sheet(
        sheet_from_desk(desk, request),
        request.fmt,
        target,
        page_size=request.page_size,
        bom=request.bom,
        per_highlight=request.per_highlight,
        progress=progress,
    )
