"""`factdesk export`: gather the chosen claims and their articles, write the fact sheet."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from factdesk.core.statuses import VERDICTS
from factdesk.core.text import count_of
from factdesk.factsheet.gather import (
    DEFAULT_TITLE,
    ExportRequest,
    export_from_desk,
    signature_from_env,
)

if TYPE_CHECKING:
    from factdesk.services import Desk


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
