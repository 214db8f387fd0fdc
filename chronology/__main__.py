"""``python -m chronology``: the command line."""

import sys

from chronology.cli import main

sys.exit(main())
