"""Allow `python -m factdesk`."""

import sys

from factdesk.cli.main import main

sys.exit(main())
