"""How each kind of date looks, in one place, with the legend that explains it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Final

from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.typing import RcKeyType

__all__ = [
    "FADE_STEPS",
    "FONT_SIZE",
    "HATCH",
    "LANE_COLORS",
    "LASTING_HEIGHT",
    "REPORT_COLOR",
    "UNCERTAIN_ALPHA",
    "UNCERTAIN_HEIGHT",
    "legend_handles",
]

#: A colour-blind-safe cycle (Okabe-Ito), one colour a lane.
LANE_COLORS: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#B8860B")
FONT_SIZE: Final = 7.5
#: The settings every chronology figure is drawn with. ``$`` in a title or a lane name is a dollar sign, not
#: the start of matplotlib's math notation ("Costs $5-$10 bn" must not fail or turn into italics).
RC: Final[dict[RcKeyType, Any]] = {"font.family": "DejaVu Sans", "font.size": FONT_SIZE, "text.parse_math": False}
UNCERTAIN_HEIGHT: Final = 0.34  # of a row, for one day somewhere between bounds
LASTING_HEIGHT: Final = 0.5  # of a row, for things that last
UNCERTAIN_ALPHA: Final = 0.35
FADE_STEPS: Final = 5  # steps in the fade of an approximate or unknown end
HATCH: Final = "////"
REPORT_COLOR: Final = "#8a8a8a"


def legend_handles(color: str = "#555555", used: Collection[str] | None = None) -> list[Artist]:
    """Legend entries for the uncertainty styles, only those in ``used`` when given.

    The styles: ``"day"``, ``"somewhere"``, ``"uncertain"``, ``"fading"``, ``"lasting"``, ``"open"``, ``"report"``,
    ``"narrowed"``.
    """
    entries = {
        "day": Line2D([], [], marker="o", linestyle="", color=color, markersize=5, label="known to the day"),
        "somewhere": Patch(
            facecolor=color, alpha=UNCERTAIN_ALPHA, edgecolor="none", label="one day somewhere in the bar"
        ),
        "uncertain": Patch(facecolor="none", edgecolor=color, hatch=HATCH, label="uncertain (?): hatched"),
        "fading": Patch(facecolor=color, alpha=0.15, edgecolor="none", label="approximate (~) or unknown end: fading"),
        "lasting": Patch(facecolor=color, edgecolor="none", label="lasting (light part: uncertain start or end)"),
        "open": Line2D([], [], marker=">", linestyle="-", color=color, markersize=4, label="open end (ongoing)"),
        "report": Line2D([], [], linestyle=(0, (3, 2)), color=REPORT_COLOR, label="report → what it reports"),
        "narrowed": Patch(
            facecolor=(color, UNCERTAIN_ALPHA),
            edgecolor=(color, 0.75),
            linewidth=0.8,
            label="outline: the date as written; inside it: as the links narrow it",
        ),
    }
    return [artist for name, artist in entries.items() if used is None or name in used]
