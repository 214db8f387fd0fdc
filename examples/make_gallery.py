"""Regenerate every picture of docs/gallery.md: ``python examples/make_gallery.py``."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = ["showcase.py", "october.py", "claims.py", "extend_and_redraw.py", "dense.py", "gutenberg.py"]

if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
    for name in EXAMPLES:
        sys.argv = [name, str(out)]
        runpy.run_path(str(HERE / name), run_name="__main__")
