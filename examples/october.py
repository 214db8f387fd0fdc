"""October 2024 zoomed in, in lanes by source: the transfers, the statements, and who reported what.

Run: ``python examples/october.py [OUT_DIR]`` (writes october.png).
"""

import sys
from pathlib import Path

import chronology

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
out.mkdir(parents=True, exist_ok=True)

timeline = chronology.load(HERE.parent / "events.toml")
timeline.to_png(
    out / "october.png",
    start="2024-10-01",
    end="2024-11-20",
    group_by="source",
    title="North Korean troops in Russia: October-November 2024, by source",
)
print(f"wrote {out / 'october.png'}")
