"""Extend an event file and redraw: add the G20 summit's Scholz-Xi meeting outcome, keep every comment.

Run: ``python examples/extend_and_redraw.py [OUT_DIR]`` (copies events.toml to OUT_DIR, adds an
event to the copy, and writes extended.png).
"""

import shutil
import sys
from pathlib import Path

import chronology

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
out.mkdir(parents=True, exist_ok=True)

copy = out / "events-extended.toml"
shutil.copyfile(HERE.parent / "events.toml", copy)

with chronology.EventFile.open(copy) as file:  # checked, then written atomically, on leaving the block
    file.add(
        chronology.Event(
            id="g20-rio-summit-days",
            title="The G20 leaders meet in Rio de Janeiro",
            when=chronology.parse("2024-11-18/2024-11-19"),
            kind="summit",
            tags=["g20"],
            summary="Added by this example: the summit's two days, as a thing that lasts.",
        )
    )

timeline = chronology.load(copy)
timeline.to_png(out / "extended.png", start="2024-10-15", end="2024-11-25", group_by="kind")
print(f"wrote {out / 'extended.png'} ({len(timeline)} events)")
copy.unlink()  # the example leaves only its picture behind
