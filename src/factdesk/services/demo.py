"""Build the demo desk an empty window offers: four sample articles with claims being worked."""

from __future__ import annotations

import os
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from factdesk.core.errors import DeskError
from factdesk.core.statuses import (
    FALSE,
    IN_PROGRESS,
    MISLEADING,
    UNCHECKED,
    UNVERIFIABLE,
    VERIFIED,
)
from factdesk.services.claim_input import ClaimUpdate
from factdesk.services.desk import Desk

EDITOR = "demo"

# The articles (src/factdesk/resources/demo), in import order: their document ids are 1-4.
ECHO = "kelbridge-echo-bridge-budget.txt"
POST = "avel-valley-post-kingsmead.html"
WIRE = "northern-wire-kelbridge.md"
RADIO = "radio-kelbridge-traders.txt"
ARTICLES = (ECHO, POST, WIRE, RADIO)

ALIASES = (
    ("Ruth Okafor", "Mayor Okafor"),
    ("Tom Haskett", "Cllr Haskett"),
    ("Helen Marsh", "Dame Helen"),
    ("Anthony Vale", "Sir Anthony"),
)


@dataclass(frozen=True, slots=True)
class DemoClaim:
    """A claim as the demo makes it: quoted by its text (never by offsets) in one article."""

    article: str
    quote: str
    speaker: str | None
    date: str
    status: str = UNCHECKED
    note: str = ""
    text: str | None = None  # the claim as the checker words it; the quote if None
    also: tuple[tuple[str, str], ...] = ()  # (article, quote): the same claim reported elsewhere
    evidence: tuple[tuple[str, str], ...] = ()  # (URL or citation, note)


MEETING = "2026-10-13"
CLAIMS: tuple[DemoClaim, ...] = (
    DemoClaim(
        ECHO,
        "This is a once-in-a-generation investment in the bridge that holds this city together",
        "Ruth Okafor",
        MEETING,
        IN_PROGRESS,
        "Cost (£14.2m) and grant (£9.5m) match the cabinet report. Still checking the bridge's "
        "share of river crossings; “once-in-a-generation” is her characterisation.",
        also=(
            (
                POST,
                "This is a once in a generation investment in the bridge that holds this city "
                "together",
            ),
            (WIRE, "a once-in-a-generation investment in the bridge that holds this city togther"),
        ),
        evidence=(
            (
                "Kelbridge City Council, Cabinet report: Kingsmead Bridge bearing replacement, "
                "6 October 2026, paragraphs 4.1-4.6",
                "Cost and funding split",
            ),
        ),
    ),
    DemoClaim(
        ECHO,
        'the bridge would reopen to traffic "by September 2027"',
        "Mayor Okafor",
        MEETING,
        UNVERIFIABLE,
        "A promise about the future. The programme in the cabinet report allows for it, with "
        "eight weeks of float; revisit in 2027.",
        text="The Kingsmead Bridge will reopen to traffic by September 2027",
        also=((POST, "the bridge will reopen to traffic by September 2027"),),
    ),
    DemoClaim(
        ECHO,
        "about £3.6m at today's exchange rate",
        "Aisha Rahman",
        MEETING,
        VERIFIED,
        "€4.2m at the reference rate for 13 October 2026 (0.8594) is £3.61m.",
        text="The €4.2m steel contract is worth about £3.6m",
        evidence=(("European Central Bank, euro reference rates, GBP, 13 October 2026", ""),),
    ),
    DemoClaim(
        ECHO,
        "a budget gap of £38.6m over the next three years",
        "Aisha Rahman",
        MEETING,
        VERIFIED,
        "Table 3 of the medium-term financial plan: £12.1m + £13.4m + £13.1m = £38.6m.",
        text="The council faces a budget gap of £38.6m over the next three years",
        evidence=(
            (
                "https://www.kelbridge.example/council/meetings/2026-10-06/"
                "medium-term-financial-plan.pdf",
                "Table 3",
            ),
        ),
    ),
    DemoClaim(
        ECHO,
        "the most the council can add without holding a local referendum",
        None,
        MEETING,
        VERIFIED,
        "The referendum limit for councils with social care duties is 4.99% for 2027/28.",
        text="A 4.99% rise is the most the council can add without a local referendum",
    ),
    DemoClaim(
        ECHO,
        "traffic on the Ring Road has doubled",
        "Tom Haskett",
        MEETING,
        MISLEADING,
        "The council's counts show weekday traffic up 38% on September 2025 (sites RR1-RR6): "
        "much busier, not doubled.",
        also=((WIRE, 'traffic on the city\'s Ring Road had "doubled"'),),
        evidence=(
            (
                "https://www.kelbridge.example/transport/traffic-counts/2026-09",
                "Weekday averages",
            ),
        ),
    ),
    DemoClaim(
        ECHO,
        "the council has spent £2m on consultants",
        "Cllr Haskett",
        MEETING,
        IN_PROGRESS,
        "The council says £1.34m went on engineering consultants since 2024; asked for the "
        "full consultancy spend on the bridge.",
        also=((WIRE, "the council had spent £2m on consultants"),),
    ),
    DemoClaim(
        POST,
        "the largest single grant for a road bridge in the region this decade",
        "Sir Anthony",
        MEETING,
        text="The £9.5m grant is the largest for a road bridge in the region this decade",
    ),
    DemoClaim(
        POST,
        "18 minutes to every cross-river bus journey",
        "Priya Nandakumar",
        MEETING,
        IN_PROGRESS,
        "Asked Avel Buses for timetable and GPS data for routes 3, 7 and 12.",
        text="The diversion adds 18 minutes to every cross-river bus journey",
    ),
    DemoClaim(
        RADIO,
        "fallen by a quarter since March",
        "Dame Helen",
        "2026-10-19",
        UNVERIFIABLE,
        "The Chamber's survey of 212 members is unpublished and no copy was provided. The "
        "council's counters show an 11% fall, a different measure.",
        text="Footfall in Kelbridge Old Town has fallen by a quarter since March",
    ),
    DemoClaim(
        RADIO,
        "41 shops have closed their doors",
        "Helen Marsh",
        "2026-10-19",
        FALSE,
        "Business rates records: 9 Old Town shops closed and 6 opened, March-September 2026.",
        text="41 shops in Kelbridge Old Town have closed since the bridge shut",
        evidence=(
            (
                "Kelbridge City Council, business rates register extract, supplied 19 October 2026",
                "Old Town wards only",
            ),
        ),
    ),
    DemoClaim(
        RADIO,
        "Council tax up 10% and the bridge STILL shut. Kelbridge deserves better than this 🌉",
        "Tom Haskett",
        "2026-10-18",
        FALSE,
        "The rise approved on 13 October is 4.99%. He told Radio Kelbridge he was “rounding "
        "up to make a point”.",
        text="Council tax in Kelbridge is going up by 10%",
    ),
    DemoClaim(
        ECHO,
        "work on site would start in January",
        "Gareth Pryce",
        MEETING,
        text="Work on the Kingsmead Bridge will start in January 2027",
        also=((WIRE, "contractors would be on site in January"),),
    ),
)


def build_demo_desk(path: Path) -> Path:
    """The demo desk at `path`: left untouched if a desk is already there, else built under a
    temporary name and published whole, so no half-built demo ever has the final name."""
    path = Path(path)
    if path.exists():
        # DeskError if it is not a desk: a file of the user's is never replaced
        Desk.open(path, create=False).close()
        return path
    building = path.with_name(f".{path.name}.building-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with Desk.open(building, editor=EDITOR) as desk:
            fill_demo_desk(desk)
        _publish(building, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            building.with_name(building.name + suffix).unlink(missing_ok=True)
    return path


def fill_demo_desk(desk: Desk) -> None:
    """Import the demo articles into `desk` and make the demo's speakers and claims."""
    doc_ids = _import_articles(desk)
    for speaker, alias in ALIASES:
        desk.add_alias(speaker, alias)
    for spec in CLAIMS:
        _add_claim(desk, doc_ids, spec)


def _import_articles(desk: Desk) -> dict[str, int]:
    folder = files("factdesk") / "resources" / "demo"
    with ExitStack() as stack:
        # as_file: a zipped install hands out temporary copies, with other names
        paths = [stack.enter_context(as_file(folder / name)) for name in ARTICLES]
        report = desk.import_files(paths)
    if len(report.imported) != len(ARTICLES):  # a packaging bug, not the user's problem
        problems = [str(r) for r in report.rejected] + [d.path for d in report.duplicates]
        raise RuntimeError(f"the demo articles did not all import: {problems}")
    return {name: info.id for name, info in zip(ARTICLES, report.imported, strict=True)}


def _add_claim(desk: Desk, doc_ids: dict[str, int], spec: DemoClaim) -> None:
    claim = desk.add_claim(
        doc_ids[spec.article],
        quote=spec.quote,
        text=spec.text,
        speaker=spec.speaker,
        date=spec.date,
    ).value
    for article, quote in spec.also:
        desk.link(claim.id, doc_ids[article], quote=quote)
    for source, note in spec.evidence:
        desk.add_evidence(claim.id, source, note)
    # Verdicts go through "in progress", as at a real desk, so each History reads like one.
    if spec.status not in (UNCHECKED, IN_PROGRESS):
        desk.update_claim(claim.id, ClaimUpdate(status=IN_PROGRESS))
    if spec.status != UNCHECKED or spec.note:
        desk.update_claim(claim.id, ClaimUpdate(status=spec.status, note=spec.note))


def _publish(building: Path, path: Path) -> None:
    """Give the finished desk its final name, unless another process got there first."""
    if building.with_name(building.name + "-wal").exists():
        # closing the last connection folds the WAL into the file; without that the copy
        # under the final name would miss the demo's writes
        raise DeskError(f"{path}: the demo desk could not be finished (its log is still open)")
    try:
        os.link(building, path)  # unlike rename, never replaces a file that appeared meanwhile
    except FileExistsError:
        Desk.open(path, create=False).close()  # someone else's demo; check it is a desk
    except OSError as exc:
        raise DeskError(f"{path}: cannot create the demo desk ({exc.strerror or exc})") from exc
