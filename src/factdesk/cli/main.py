"""Entry point of the `factdesk` command: parse, open the desk, run one command, exit.

Exit status: 0 done, 1 some input was rejected or the action was refused (one line on stderr
says why), 2 a usage error (argparse).
"""

from __future__ import annotations

import sys
from pathlib import Path

from factdesk.cli.parser import build_parser
from factdesk.core.errors import KnownError
from factdesk.core.paths import default_desk_path


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    desk_path = Path(args.desk).expanduser() if args.desk else default_desk_path()
    if args.command == "gui" and args.path:
        desk_path = Path(args.path).expanduser()
    try:
        return _run(desk_path, args)
    except KnownError as exc:
        print(f"factdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factdesk: interrupted", file=sys.stderr)
        return 130


def _run(desk_path: Path, args) -> int:  # type: ignore[no-untyped-def]
    from factdesk.cli.commands import HANDLERS  # noqa: PLC0415
    from factdesk.services import Desk  # noqa: PLC0415  (SQLAlchemy loads only now)

    with Desk.open(desk_path) as desk:
        return HANDLERS[args.command](desk, args)


if __name__ == "__main__":
    sys.exit(main())
