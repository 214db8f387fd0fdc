"""The troop figures: every claim about North Korean soldiers, against the date it was said, by source.

Run: ``python examples/claims.py [OUT_DIR]`` (writes claims.png).
"""

import sys
from pathlib import Path

import chronology
from chronology.plot import plot_claims, save_figure

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
out.mkdir(parents=True, exist_ok=True)

timeline = chronology.load(HERE.parent / "events.toml")
drawn = plot_claims(
    timeline, subject="North Korean", unit="soldiers", title="North Korean troops in Russia: the figures claimed"
)
save_figure(drawn.figure, out / "claims.png")
print(f"wrote {out / 'claims.png'} ({len(drawn.claims)} claims)")
