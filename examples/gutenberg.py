"""A historian's chronology written only in words: Gutenberg and the first printed Bible.

Every date in ``examples/gutenberg.toml`` is written as a historian writes it
("c. 1400", "between 1434 and 1444", "the early 1450s", "by 24 August 1456",
"before 26 February 1468"); its ``[reading]`` says how far "c." reaches.

Run: ``python examples/gutenberg.py [OUT_DIR]`` (writes gutenberg.png).
"""

import sys
from pathlib import Path

import chronology

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
out.mkdir(parents=True, exist_ok=True)

timeline = chronology.load(HERE / "gutenberg.toml")
timeline.to_png(out / "gutenberg.png", title="Gutenberg and the first printed Bible, c. 1400-1500")
print(f"wrote {out / 'gutenberg.png'}")
