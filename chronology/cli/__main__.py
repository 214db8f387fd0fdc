"""``python -m chronology.cli``: the command line, as ``python -m chronology``."""

import sys

from chronology.cli import main

sys.exit(main())
