"""The bundle's program: the same `factdesk` command as `pip install` gives (cli.main)."""

import sys

from factdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
