"""Entry point of the `factdesk` command: parse, open the desk, run one command, exit.

Exit status: 0 done, 1 some input was rejected or the action was refused (one line on stderr
says why), 2 a usage error (argparse).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from factdesk.cli.parser import build_parser, check_args, window_args
from factdesk.core.errors import DamagedDeskError, KnownError
from factdesk.core.paths import default_desk_path

CREATING_COMMANDS = frozenset({None, "gui", "import"})


def main(argv: list[str] | None = None) -> int:
    args = window_args(sys.argv[1:] if argv is None else argv)  # the window starts sooner
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        check_args(parser, args)
    desk_path = Path(args.desk).expanduser() if args.desk else default_desk_path()
    if args.command == "gui" and args.path:
        desk_path = Path(args.path).expanduser()
    log_path = _setup_logging() if args.command not in (None, "gui") else None
    try:
        return _run(desk_path, args)
    except BrokenPipeError:  # `factdesk claims --json | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except DamagedDeskError as exc:
        # the hint is about the desk; a damaged *backup* named in --restore has none
        is_desk = Path(exc.path).resolve() == desk_path.resolve()
        print(f"factdesk: {exc}{_backup_hint(desk_path) if is_desk else ''}", file=sys.stderr)
        return 1
    except KnownError as exc:
        print(f"factdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001  (a bug: the log gets the traceback, the person one sentence)
        from factdesk.core.logs import record_bug  # noqa: PLC0415

        sentence = record_bug(type(exc), exc, exc.__traceback__, where=f"`{args.command}`")
        where = f" The details are in {log_path}." if log_path else ""
        print(f"factdesk: {sentence}{where}", file=sys.stderr)
        return 1


def _setup_logging() -> Path | None:
    # not for the window, whose first frame comes first: it sets up the log right after
    from factdesk.core.logs import setup_logging  # noqa: PLC0415

    return setup_logging()


def _run(desk_path: Path, args) -> int:  # type: ignore[no-untyped-def]
    if args.command in (None, "gui"):
        from factdesk.ui.app import run_window  # noqa: PLC0415  (Qt loads only for the window)

        explicit = bool(
            args.desk or os.environ.get("FACTDESK_DESK") or (args.command == "gui" and args.path)
        )
        return run_window(desk_path if explicit else None)

    if args.command == "backup":  # works on a desk too damaged to open
        from factdesk.cli.backup import run_backup  # noqa: PLC0415

        return run_backup(desk_path, args)

    from factdesk.cli.commands import HANDLERS  # noqa: PLC0415
    from factdesk.core.backups import BackupPolicy  # noqa: PLC0415
    from factdesk.services import Desk  # noqa: PLC0415  (SQLAlchemy loads only now)

    # Only commands that add to a desk (or open the window) may create one: a mistyped --desk
    # for `docs` or `claims` is an error, not a new empty desk.
    create = args.command in CREATING_COMMANDS
    with Desk.open(desk_path, create=create, backups=BackupPolicy.from_env()) as desk:
        if desk.backup_problem:
            print(f"factdesk: warning: {desk.backup_problem}", file=sys.stderr)
        return HANDLERS[args.command](desk, args)


def _backup_hint(desk_path: Path) -> str:
    """Where to go from a damaged desk: its latest good backup, and the command to restore it."""
    from factdesk.services.backups import latest_good  # noqa: PLC0415

    good = latest_good(desk_path)
    if good is None:
        return "; it has no backup that can be read back"
    when = good.info.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"; its latest good backup is {good.info.path} ({when}, {good.info.kind}: "
        f"{good.contents}): restore it with `factdesk backup --restore latest`"
    )


if __name__ == "__main__":
    sys.exit(main())
