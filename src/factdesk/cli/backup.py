"""`factdesk backup`: take a backup now, list backups, or restore one.

It works on the desk file directly (not through an open Desk) because the desk that most needs
restoring is one that can no longer be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from factdesk.core.backups import BackupSummary

OK = 0


def run_backup(desk_path: Path, args: argparse.Namespace) -> int:
    from factdesk.services import backups  # noqa: PLC0415  (SQLAlchemy loads only now)

    if args.list:
        summaries = backups.list_backups(desk_path)
        if args.json:
            _json([_as_json(s) for s in summaries])
            return OK
        if not summaries:
            print(f"{desk_path}: no backups yet", file=sys.stderr)
        for summary in summaries:
            print(describe(summary, tabs=True))
        return OK
    if args.restore:
        restored = backups.restore(desk_path, args.restore)
        if args.json:
            _json(
                {
                    "desk": str(restored.desk),
                    "backup": _as_json(restored.source),
                    "kept": str(restored.kept) if restored.kept else None,
                    "was_damaged": restored.was_damaged,
                }
            )
            return OK
        print(f"restored {restored.desk} from {describe(restored.source)}")
        if restored.kept is not None:
            state = "damaged desk" if restored.was_damaged else "desk as it was"
            print(f"the {state} is kept in {restored.kept}")
        return OK
    made = backups.backup_now(desk_path)
    if args.json:
        _json(_as_json(made))
    else:
        print(f"wrote {made.info.path}: {made.contents}")
    return OK


def describe(summary: BackupSummary, *, tabs: bool = False) -> str:
    """ "PATH (taken 2026-11-23 14:21 UTC, auto: 20 documents, 3 claims)", or tab-separated."""
    info = summary.info
    when = info.taken_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    if tabs:
        return f"{info.path}\t{when}\t{info.kind}\t{summary.contents}\t{info.size} bytes"
    return f"{info.path} (taken {when}, {info.kind}: {summary.contents})"


def _as_json(summary: BackupSummary) -> dict[str, Any]:
    info = summary.info
    return {
        "path": str(info.path),
        "taken_at": info.taken_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "kind": info.kind,
        "size": info.size,
        "documents": summary.documents,
        "claims": summary.claims,
    }


def _json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
