"""The command-line grammar (DESIGN §4, a stable contract). Building it imports nothing heavy,
and the window's own forms (`factdesk [--desk PATH] [gui [PATH]]`) are read without building it.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from factdesk import __version__
from factdesk.core.errors import InvalidInputError
from factdesk.core.statuses import STATUSES, VERDICTS

_SPAN = re.compile(r"^\s*([0-9]+)\s*:\s*([0-9]+)\s*$")  # ASCII digits only
_MAX_ID = 2**63 - 1  # SQLite INTEGER
# the same as factdesk.factsheet.export's, repeated so building the parser imports nothing more
EXPORT_FORMATS = ("pdf", "csv", "json", "md")
PAGE_SIZES = ("a4", "letter")


def span_arg(value: str) -> tuple[int, int]:
    match = _SPAN.match(value)
    if not match:
        raise argparse.ArgumentTypeError(f"“{value}” is not a span; write START:END, e.g. 120:184")
    start, end = int(match[1]), int(match[2])
    if start >= end:
        raise argparse.ArgumentTypeError(f"in the span {value}, START must be less than END")
    return start, end


def date_arg(value: str) -> str:
    """YYYY-MM-DD, or "" to clear a date."""
    from factdesk.core.fields import clean_date  # noqa: PLC0415  (only claim commands need it)

    try:
        return clean_date(value) or ""
    except InvalidInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def id_arg(kind: str):  # type: ignore[no-untyped-def]
    def parse(value: str) -> int:
        if re.fullmatch(r"[0-9]+", value) and 0 < int(value) <= _MAX_ID:
            return int(value)
        raise argparse.ArgumentTypeError(f"“{value}” is not a {kind} id (a whole number)")

    parse.__name__ = f"{kind} id"
    return parse


def desk_arg(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("the desk path is empty")
    return value


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of `factdesk [--desk PATH] [gui [PATH]]`, exactly as `build_parser()` would
    read them, or None for anything else (which `build_parser()` then reads, or rejects).

    Building the whole grammar takes longer than the window's first frame may spare; only the
    plainest forms are read here: any other option (`--help`, an abbreviated `--de`, a value
    starting with "-") goes to argparse."""
    rest = list(argv)
    desk = None
    if len(rest) >= 2 and rest[0] == "--desk":
        desk, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--desk="):
        desk, rest = rest[0].removeprefix("--desk="), rest[1:]
    if desk is not None and (desk.startswith("-") or not desk.strip()):
        return None  # argparse says what is wrong with it
    if not rest:
        return argparse.Namespace(desk=desk, command=None)
    if rest[0] != "gui" or len(rest) > 2 or any(arg.startswith("-") for arg in rest[1:]):
        return None
    return argparse.Namespace(desk=desk, command="gui", path=rest[1] if len(rest) == 2 else None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="A desk for fact-checkers: import articles, link claims to quotes, "
        "work them to a verdict, export fact sheets. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"factdesk {__version__}")
    parser.add_argument(
        "--desk",
        type=desk_arg,
        metavar="PATH",
        help="the desk file (default: $FACTDESK_DESK, else desk.factdesk in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desk window")
    gui.add_argument("path", nargs="?", metavar="PATH", help="the desk to open")

    imp = commands.add_parser("import", help="import article files into the desk")
    imp.add_argument("files", nargs="+", metavar="FILE", help=".txt .md .html .docx .pdf")
    imp.add_argument("--json", action="store_true", help="one JSON object per document")

    docs = commands.add_parser("docs", help="list the documents")
    docs.add_argument("--json", action="store_true")

    show = commands.add_parser("show", help="print a document's stored text")
    show.add_argument("doc", type=id_arg("document"), metavar="DOC")

    search = commands.add_parser("search", help="search documents and claims")
    search.add_argument("query", metavar="WORDS")
    search.add_argument("--json", action="store_true")

    _claim_commands(commands)

    claims = commands.add_parser("claims", help="list claims")
    _filters(claims)
    claims.add_argument("--json", action="store_true")

    _export_command(commands)
    _backup_command(commands)
    _suggestion_commands(commands)
    return parser


def _suggestion_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    suggest = commands.add_parser(
        "suggest",
        help="suggest claims in a document: quotations with their speakers, and figures",
        description="Quotations (the text inside the quotation marks, with who said it) and "
        "checkable figures (percentages, money, counts, dates, with their clause). Spans "
        "already quoted by a claim and dismissed suggestions are left out.",
    )
    suggest.add_argument("doc", type=id_arg("document"), metavar="DOC")
    suggest.add_argument(
        "--accept", action="store_true", help="make a claim of each full quotation"
    )
    suggest.add_argument(
        "--json",
        action="store_true",
        help="a JSON list of {kind, start, end, text, speaker, score}",
    )

    matches = commands.add_parser(
        "matches",
        help="find the claim's statement reported in other documents",
        description="Spans of other documents that report the same statement as the claim's "
        "quotes, tolerant of quotation marks, hyphens, capitals, punctuation and small typos, "
        "with a word-level diff against the claim's quote.",
    )
    matches.add_argument("claim", type=id_arg("claim"), metavar="CLAIM")
    matches.add_argument("--link", action="store_true", help="link every match to the claim")
    matches.add_argument(
        "--json", action="store_true", help="a JSON list of {doc, start, end, text, score, diff}"
    )

    speakers = commands.add_parser("speakers", help="list the speakers and their aliases")
    speakers.add_argument("--json", action="store_true")
    speaker = commands.add_parser("speaker", help="teach the desk another name, or merge two")
    actions = speaker.add_subparsers(dest="action", metavar="ACTION", required=True)
    alias = actions.add_parser("alias", help="another name for a speaker: NAME ALIAS")
    alias.add_argument("name", metavar="NAME")
    alias.add_argument("alias", metavar="ALIAS")
    unalias = actions.add_parser("unalias", help="forget an alias")
    unalias.add_argument("alias", metavar="ALIAS")
    merge = actions.add_parser(
        "merge", help="FROM is the same person as INTO: its claims and names go to INTO"
    )
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("target", metavar="INTO")


def _backup_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser(
        "backup",
        help="back up the desk now, list its backups, or restore one",
        description="Without options: take a checked backup of the desk now (kept until you "
        "delete it). Rolling backups are also taken when a desk is opened, at most one every "
        "$FACTDESK_BACKUP_MINUTES (default 60), keeping the last $FACTDESK_BACKUP_KEEP "
        "(default 10; 0 turns them off). Backups live in DESK.backups/ beside the desk.",
    )
    what = backup.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the desk's backups, newest first")
    what.add_argument(
        "--restore",
        metavar="BACKUP",
        help="replace the desk's contents with BACKUP (a file, or 'latest' for the newest good "
        "one); the desk as it was is kept as a backup first",
    )
    backup.add_argument("--json", action="store_true")


def _export_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export",
        help="write a fact sheet: pdf, csv, json (ClaimReview JSON-LD) or md",
        description="Write a fact sheet of the claims with a verdict (or those chosen with "
        "--status, --doc, --speaker). The signature comes from $FACTDESK_EDITOR, "
        "$FACTDESK_ORGANISATION and $FACTDESK_SITE_URL.",
    )
    export.add_argument(
        "format", choices=EXPORT_FORMATS, metavar="FORMAT", help="pdf, csv, json, md"
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    _filters(export, default_help=f"default: {' '.join(VERDICTS)}")
    export.add_argument("--title", metavar="T", help="the sheet's title (default: Fact sheet)")
    export.add_argument(
        "--page-size", choices=PAGE_SIZES, default=None, help="pdf: paper size (default: a4)"
    )
    export.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM (Excel)")
    export.add_argument(
        "--per-highlight", action="store_true", help="csv: one row per quotation, not per claim"
    )
    export.set_defaults(usage_error=export.error)  # check_args reports with export's usage


def check_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors argparse cannot see: options that belong to another export format."""
    if args.command != "export":
        return
    fail = getattr(args, "usage_error", parser.error)
    if args.page_size and args.format != "pdf":
        fail("--page-size applies to pdf only")
    for flag, given in (("--bom", args.bom), ("--per-highlight", args.per_highlight)):
        if given and args.format != "csv":
            fail(f"{flag} applies to csv only")
    if args.title is not None and not args.title.strip():
        fail("the --title is empty")
    if not args.output.strip():
        fail("the output file name is empty")


def _claim_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    claim = commands.add_parser("claim", help="add, change or link a claim")
    actions = claim.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="a new claim from a quote in a document")
    add.add_argument("doc", type=id_arg("document"), metavar="DOC")
    _where(add)
    add.add_argument("--text", help="the claim (default: the quote)")
    _fields(add, status_default="unchecked")
    add.add_argument("--json", action="store_true")

    set_ = actions.add_parser("set", help="change a claim's fields")
    set_.add_argument("claim", type=id_arg("claim"), metavar="CLAIM")
    set_.add_argument("--text")
    _fields(set_, status_default=None)
    set_.add_argument("--json", action="store_true")

    link = actions.add_parser("link", help="link a claim to a span of another document")
    link.add_argument("claim", type=id_arg("claim"), metavar="CLAIM")
    link.add_argument("doc", type=id_arg("document"), metavar="DOC")
    _where(link)
    link.add_argument("--json", action="store_true")

    show = actions.add_parser("history", help="what changed on a claim, when, by whom")
    show.add_argument("claim", type=id_arg("claim"), metavar="CLAIM")
    show.add_argument("--json", action="store_true")


def _where(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the exact words, found in the document")
    where.add_argument("--span", type=span_arg, metavar="START:END", help="code-point offsets")


def _fields(parser: argparse.ArgumentParser, *, status_default: str | None) -> None:
    parser.add_argument("--speaker", metavar="NAME", help="who said it (a known name or alias)")
    parser.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="when it was said")
    parser.add_argument("--status", choices=STATUSES, default=status_default)
    parser.add_argument("--note", metavar="TEXT", help="the verdict note")


def _filters(parser: argparse.ArgumentParser, *, default_help: str = "") -> None:
    default = f"; {default_help}" if default_help else ""
    parser.add_argument(
        "--status",
        choices=STATUSES,
        action="extend",
        nargs="+",  # DESIGN §4 writes `--status S ...`: several after one flag, or repeated
        metavar="S",
        help=f"only these statuses (one or more, or repeat the flag): {', '.join(STATUSES)}"
        f"{default}",
    )
    parser.add_argument(
        "--doc", type=id_arg("document"), metavar="DOC", help="only claims quoted in this document"
    )
    parser.add_argument("--speaker", metavar="NAME", help="only claims by this speaker (or alias)")
