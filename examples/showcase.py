"""The whole seed chronology: every event of the five articles, in lanes by kind.

Run: ``python examples/showcase.py [OUT_DIR]`` (writes showcase.png).
"""

import sys
from pathlib import Path

import chronology

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
out.mkdir(parents=True, exist_ok=True)

timeline = chronology.load(HERE.parent / "events.toml")
timeline.to_png(out / "showcase.png", start="2023-08", group_by="kind")
print(f"wrote {out / 'showcase.png'}")
