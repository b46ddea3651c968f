"""`factdesk export`: gather the chosen claims and their articles, write the fact sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factdesk.cli.commands import without_cycle_collection
from factdesk.core.statuses import VERDICTS
from factdesk.core.text import count_of
from factdesk.factsheet.export import Written
from factdesk.factsheet.gather import (
    DEFAULT_TITLE,
    ExportRequest,
    export_from_desk,
    signature_from_env,
)

if TYPE_CHECKING:
    from factdesk.services import Desk


def export_sheet(desk: Desk, args: argparse.Namespace) -> int:
    with without_cycle_collection():
        return _export(desk, args)


def _export(desk: Desk, args: argparse.Namespace) -> int:
    organisation, site = signature_from_env()
    request = ExportRequest(
        fmt=args.format,
        target=Path(args.output),
        statuses=args.status or VERDICTS,
        doc_id=args.doc,
        speaker=args.speaker,
        title=args.title or DEFAULT_TITLE,
        page_size=args.page_size or "a4",
        bom=args.bom,
        per_highlight=args.per_highlight,
        organisation=organisation,
        site_url=site,
    )
    if request.fmt == "csv":  # the same file, without the records every other format needs
        claims = desk.export_csv(
            request.target,
            statuses=request.statuses,
            doc_id=request.doc_id,
            speaker=request.speaker,
            bom=request.bom,
            per_highlight=request.per_highlight,
        )
        written = Written(request.target.expanduser(), claims)
    else:
        written = export_from_desk(desk, request)
    if not written.claims and not written.left_out:
        print("factdesk: no claims match; the fact sheet is empty", file=sys.stderr)
    if written.left_out:
        print(
            f"factdesk: {_claims(written.left_out)} without a verdict left out "
            "(a ClaimReview needs one)",
            file=sys.stderr,
        )
    pages = "" if written.pages is None else f", {count_of(written.pages, 'page')}"
    print(f"wrote {written.path}: {_claims(written.claims)}{pages}")
    return 0


def _claims(count: int) -> str:
    return count_of(count, "claim")
