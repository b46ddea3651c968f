"""`factdesk suggest`, `factdesk matches` and the speaker commands."""

from __future__ import annotations

import argparse
import sys

from factdesk.cli.commands import _json
from factdesk.core.corroborate import diff_line
from factdesk.core.suggest import FULL_QUOTE_SCORE, QUOTE
from factdesk.core.text import shorten
from factdesk.services import corroboration, suggestions
from factdesk.services.desk import Desk


def cmd_suggest(desk: Desk, args: argparse.Namespace) -> int:
    found = suggestions.suggestions(desk, args.doc)
    if args.accept:  # every full quotation, all in one transaction
        chosen = [s for s in found if s.kind == QUOTE and s.score >= FULL_QUOTE_SCORE]
        for accepted in suggestions.accept_each(desk, args.doc, chosen).value:
            claim, learned = accepted.claim, accepted.alias_learned
            known = f" (now known as “{learned}” too)" if learned else ""
            print(f"claim {claim.id}\t{claim.speaker or '—'}{known}\t{shorten(claim.text, 70)}")
        return 0
    if args.json:
        _json([s.as_json() for s in found])
        return 0
    for s in found:
        who = s.speaker or "—"
        what = s.figure if s.figure else shorten(s.text, 80)
        print(f"{s.kind}\t{s.start}:{s.end}\t{s.score:.2f}\t{who}\t{what}")
    return 0


def cmd_matches(desk: Desk, args: argparse.Namespace) -> int:
    found = corroboration.matches(desk, args.claim)
    if args.link:
        for match in found:
            desk.link(args.claim, match.doc, span=(match.start, match.end))
            print(f"linked document {match.doc} {match.start}:{match.end}")
        return 0
    if args.json:
        _json([m.as_json() for m in found])
        return 0
    if not found:
        print("no other document reports this claim", file=sys.stderr)
    for match in found:
        print(f"document {match.doc}\t{match.start}:{match.end}\t{match.score:.3f}")
        print(f"  {diff_line(match.diff)}")
    return 0


def cmd_speakers(desk: Desk, args: argparse.Namespace) -> int:
    found = desk.speakers()
    if args.json:
        _json([{"id": s.id, "name": s.name, "aliases": list(s.aliases)} for s in found])
        return 0
    for speaker in found:
        aliases = f"\t({', '.join(speaker.aliases)})" if speaker.aliases else ""
        print(f"{speaker.id}\t{speaker.name}{aliases}")
    return 0


def cmd_speaker(desk: Desk, args: argparse.Namespace) -> int:
    if args.action == "alias":
        info = desk.add_alias(args.name, args.alias).value
        print(f"{info.name}: {', '.join(info.aliases)}")
    elif args.action == "unalias":
        desk.remove_alias(args.alias)
        print(f"forgot “{args.alias}”")
    else:
        merged = desk.merge_speakers(args.source, args.target).value
        print(f"{args.source} is now {merged.name} ({', '.join(merged.aliases) or 'no aliases'})")
    return 0
