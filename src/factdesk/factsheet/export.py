"""Write a fact sheet in one of the four formats, atomically; Qt loads only for a PDF.

Each format's renderer is imported when that format is written: `factdesk export csv` has a
budget measured from process start (DESIGN §5)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factdesk.core.statuses import VERDICTS
from factdesk.factsheet.model import FactSheet
from factdesk.factsheet.write import atomic_path, write_text

FORMATS = ("pdf", "csv", "json", "md")
PAGE_SIZES = ("a4", "letter")


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    claims: int  # claims in the file (a ClaimReview file holds only those with a verdict)
    left_out: int = 0  # claims the format cannot hold (no verdict yet, for ClaimReview)
    pages: int | None = None


def needs_texts(fmt: str) -> bool:
    """PDF and Markdown quote the articles around each quotation; CSV and JSON-LD do not."""
    return fmt in ("pdf", "md")


def footer_text(sheet: FactSheet) -> str:
    return " · ".join(x for x in (sheet.desk_name, sheet.title) if x)


def write_sheet(
    sheet: FactSheet,
    fmt: str,
    target: str | os.PathLike[str],
    *,
    page_size: str = "a4",
    bom: bool = False,
    per_highlight: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """Write the sheet; the target is either left as it was or replaced by the whole file."""
    path = Path(target)
    total = len(sheet.claims)
    if fmt == "csv":
        from factdesk.factsheet.csv_out import render_csv  # noqa: PLC0415

        write_text(path, render_csv(sheet, per_highlight=per_highlight), bom=bom)
    elif fmt == "json":
        from factdesk.factsheet.jsonld import render_jsonld  # noqa: PLC0415

        reviewed = sum(1 for c in sheet.claims if c.status in VERDICTS)
        write_text(path, render_jsonld(sheet))
        return Written(path, reviewed, left_out=total - reviewed)
    elif fmt == "md":
        from factdesk.factsheet.markdown import render_markdown  # noqa: PLC0415

        write_text(path, render_markdown(sheet))
    elif fmt == "pdf":
        from factdesk.factsheet.html import render_parts  # noqa: PLC0415
        from factdesk.factsheet.pdf import render_pdf  # noqa: PLC0415  (QtGui: ~0.2 s to load)

        with atomic_path(path) as temp:
            pages = render_pdf(
                render_parts(sheet),
                temp,
                page_size=page_size,
                title=sheet.title,
                footer=footer_text(sheet),
                progress=progress,
            )
        return Written(path, total, pages=pages)
    else:
        raise ValueError(f"unknown fact sheet format {fmt!r}")
    return Written(path, total)
