"""What each command does: call one service, print the result (text or stable JSON)."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the services (and SQLAlchemy, when a command needs it) load only to run one
    from factdesk.core.records import ClaimInfo
    from factdesk.services import Desk

OK, REJECTED = 0, 1


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """For a one-shot command that makes objects by the hundred thousand and keeps many to the
    end (an import's records, an export's sheet): each pass of the cycle collector walks them
    all again, and nothing they hold is cyclic garbage. Everything is freed at exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def _claim_line(c: ClaimInfo) -> str:
    who = f" — {c.speaker}" if c.speaker else ""
    when = f" ({c.date})" if c.date else ""
    spans = ", ".join(f"doc {s.doc} {s.start}:{s.end}" for s in c.spans)
    return f"{c.id}\t[{c.status}]\t{c.text}{who}{when}\t{spans}"


def cmd_import(desk: Desk, args: argparse.Namespace) -> int:
    with without_cycle_collection():
        report = desk.import_files(args.files)
    if args.json:
        lines = [json.dumps(doc.as_json(), ensure_ascii=False) for doc in report.imported]
    else:
        lines = [f"imported {doc.id}\t{doc.title}\t({doc.words} words)" for doc in report.imported]
    if lines:  # one write: a line at a time is a system call each when output is unbuffered
        sys.stdout.write("\n".join(lines) + "\n")
    for dup in report.duplicates:
        print(
            f"skipped {dup.path}: the same text is already document {dup.existing_id} "
            f"(“{dup.existing_title}”)",
            file=sys.stderr,
        )
    for bad in report.rejected:
        print(f"rejected {bad}", file=sys.stderr)
    return REJECTED if report.rejected else OK


def cmd_docs(desk: Desk, args: argparse.Namespace) -> int:
    docs = desk.documents()
    if args.json:
        _json([d.as_json() for d in docs])
        return OK
    for d in docs:
        outlet = d.outlet or "-"
        print(f"{d.id}\t{d.words} words\t{d.claims} claims\t{outlet}\t{d.title}")
    return OK


def cmd_show(desk: Desk, args: argparse.Namespace) -> int:
    text = desk.document(args.doc).text
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return OK


def cmd_search(desk: Desk, args: argparse.Namespace) -> int:
    hits = desk.search(args.query)
    if args.json:
        _json([{"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet} for h in hits])
        return OK
    for h in hits:
        print(f"{h.kind} {h.id}\t{h.title}\t{' '.join(h.snippet.split())}")
    return OK


def cmd_claims(desk: Desk, args: argparse.Namespace) -> int:
    claims = desk.claims(statuses=args.status or (), doc_id=args.doc, speaker=args.speaker)
    if args.json:
        _json([c.as_json() for c in claims])
        return OK
    for c in claims:
        print(_claim_line(c))
    return OK


def cmd_claim(desk: Desk, args: argparse.Namespace) -> int:
    return {
        "add": _claim_add,
        "set": _claim_set,
        "link": _claim_link,
        "history": _claim_history,
    }[args.action](desk, args)


def _claim_add(desk: Desk, args: argparse.Namespace) -> int:
    outcome = desk.add_claim(
        args.doc,
        span=args.span,
        quote=args.quote,
        text=args.text,
        speaker=args.speaker,
        date=args.date or None,
        status=args.status,
        note=args.note or "",
    )
    _print_claim(outcome.value, args.json)
    return OK


def _claim_set(desk: Desk, args: argparse.Namespace) -> int:
    from factdesk.services import UNSET, ClaimUpdate  # noqa: PLC0415

    def given(value: str | None) -> Any:
        return UNSET if value is None else value

    update = ClaimUpdate(
        text=given(args.text),
        speaker=given(args.speaker),
        date=given(args.date),
        status=given(args.status),
        note=given(args.note),
    )
    outcome = desk.update_claim(args.claim, update)
    _print_claim(outcome.value, args.json)
    if not outcome.changes and not args.json:
        print("nothing changed", file=sys.stderr)
    return OK


def _claim_link(desk: Desk, args: argparse.Namespace) -> int:
    span = desk.link(args.claim, args.doc, span=args.span, quote=args.quote).value
    _print_claim(desk.claim(span.claim_id), args.json)
    return OK


def _claim_history(desk: Desk, args: argparse.Namespace) -> int:
    entries = desk.history(args.claim)
    if args.json:
        _json(
            [
                {"field": e.field, "old": e.old, "new": e.new, "editor": e.editor, "at": e.at}
                for e in entries
            ]
        )
        return OK
    for e in entries:
        print(f"{e.at}\t{e.editor}\t{e.field}: {e.old or '∅'} → {e.new or '∅'}")
    return OK


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    from factdesk.cli.export import export_sheet  # noqa: PLC0415

    return export_sheet(desk, args)


def _print_claim(claim: ClaimInfo, as_json: bool) -> None:
    if as_json:
        _json(claim.as_json())
    else:
        print(_claim_line(claim))
        for s in claim.spans:
            print(f"\tdoc {s.doc} {s.start}:{s.end}\t“{s.quote}”")


HANDLERS = {
    "import": cmd_import,
    "docs": cmd_docs,
    "show": cmd_show,
    "search": cmd_search,
    "claims": cmd_claims,
    "claim": cmd_claim,
    "export": cmd_export,
}


def _from_suggest_module(name: str) -> Callable[[Desk, argparse.Namespace], int]:
    """A handler of factdesk.cli.suggest, imported when run (it loads rapidfuzz)."""

    def run(desk: Desk, args: argparse.Namespace) -> int:
        from factdesk.cli import suggest  # noqa: PLC0415

        handler: Callable[[Desk, argparse.Namespace], int] = getattr(suggest, name)
        return handler(desk, args)

    return run


HANDLERS.update(
    suggest=_from_suggest_module("cmd_suggest"),
    matches=_from_suggest_module("cmd_matches"),
    speakers=_from_suggest_module("cmd_speakers"),
    speaker=_from_suggest_module("cmd_speaker"),
)
