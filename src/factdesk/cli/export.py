"""`factdesk export`: gather the chosen claims and their articles, write the fact sheet."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factdesk.core.errors import KnownError
from factdesk.core.records import DocumentInfo, DocumentText
from factdesk.core.statuses import VERDICTS
from factdesk.factsheet.export import needs_texts, write_sheet
from factdesk.factsheet.model import build_factsheet, web_url
from factdesk.factsheet.write import ExportError, check_target

if TYPE_CHECKING:
    from factdesk.services import Desk

DEFAULT_TITLE = "Fact sheet"


def signature() -> tuple[str | None, str | None]:
    """The organisation and the site URL the sheet is published under (until Settings exist)."""
    organisation = os.environ.get("FACTDESK_ORGANISATION", "").strip() or None
    site = os.environ.get("FACTDESK_SITE_URL", "").strip() or None
    if site and not web_url(site):
        raise KnownError(f"FACTDESK_SITE_URL is not an http(s) address: {site}")
    return organisation, site


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """An export makes some ten objects per claim and keeps them all to the end, so each of
    the cycle collector's passes walks them all again: with it off, 50,000 claims to CSV took
    half the time. A one-shot command loses nothing: everything is freed at exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def export_sheet(desk: Desk, args: argparse.Namespace) -> int:
    with without_cycle_collection():
        return _export(desk, args)


def _export(desk: Desk, args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser()
    # refuse before any work: a wrong folder, or the desk itself as the output
    check_target(target)
    if target.exists() and target.resolve() == desk.path.resolve():
        raise ExportError(target, "it is the desk file itself")
    organisation, site = signature()
    if args.doc is not None:
        desk.document(args.doc)  # a document the desk does not hold is an error, not 0 claims
    claims = desk.claims(statuses=args.status or VERDICTS, doc_id=args.doc, speaker=args.speaker)
    quoted = {span.doc for claim in claims for span in claim.spans}
    documents: dict[int, DocumentText | DocumentInfo]
    if needs_texts(args.format):
        documents = {doc_id: desk.document(doc_id) for doc_id in sorted(quoted)}
    else:
        documents = {d.id: d for d in desk.documents() if d.id in quoted}
    sheet = build_factsheet(
        claims,
        documents,
        title=(args.title or DEFAULT_TITLE).strip(),
        editor=desk.editor,
        desk_name=desk.path.stem,
        organisation=organisation,
        url=site,
        generated_at=datetime.now().astimezone(),
    )
    written = write_sheet(
        sheet,
        args.format,
        target,
        page_size=args.page_size or "a4",
        bom=args.bom,
        per_highlight=args.per_highlight,
    )
    if not claims:
        print("factdesk: no claims match; the fact sheet is empty", file=sys.stderr)
    if written.left_out:
        print(
            f"factdesk: {_claims(written.left_out)} without a verdict left out "
            "(a ClaimReview needs one)",
            file=sys.stderr,
        )
    pages = "" if written.pages is None else f", {_count(written.pages, 'page')}"
    print(f"wrote {written.path}: {_claims(written.claims)}{pages}")
    return 0


def _claims(count: int) -> str:
    return _count(count, "claim")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
