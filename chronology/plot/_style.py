"""How each kind of date looks, in one place, with the legend that explains it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Final

from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.typing import RcKeyType

__all__ = [
    "FADE_STEPS",
    "FONT_SIZE",
    "HATCH",
    "LANE_COLORS",
    "LASTING_HEIGHT",
    "OPEN_HEADS",
    "OPEN_HEAD_SIZE",
    "REPORT_COLOR",
    "UNCERTAIN_ALPHA",
    "UNCERTAIN_HEIGHT",
    "legend_handles",
]

#: A colour-blind-safe cycle, one colour a lane: Okabe-Ito's, its black swapped for Paul Tol's indigo, and its
#: orange and sky blue for a dark red (ColorBrewer's RdBu) and a dark teal. Every colour stands out from white by
#: 3:1 or more (WCAG's least contrast for marks), as a dot, a solid bar and a lane's name are drawn: orange
#: (2.2:1) and sky blue (2.3:1) faded off a printed page. The two new hues are ones the cycle lacked, not darker
#: orange or blue, which a reader with deuteranopia or protanopia would take for the vermillion, goldenrod or
#: blue beside them. No grey and no black: the legend draws its swatches in neutral greys, and a lane in one
#: would read as a style.
LANE_COLORS: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B2182B", "#0E7C7B", "#332288", "#B8860B")
FONT_SIZE: Final = 7.5
#: The settings every chronology figure is drawn with. ``$`` in a title or a lane name is a dollar sign, not
#: the start of matplotlib's math notation ("Costs $5-$10 bn" must not fail or turn into italics).
RC: Final[dict[RcKeyType, Any]] = {"font.family": "DejaVu Sans", "font.size": FONT_SIZE, "text.parse_math": False}
UNCERTAIN_HEIGHT: Final = 0.34  # of a row, for one day somewhere between bounds
LASTING_HEIGHT: Final = 0.5  # of a row, for things that last
UNCERTAIN_ALPHA: Final = 0.35
#: Steps in the fade of an approximate or unknown end, its opacity falling evenly over its reach (drawn finer
#: still, by the inch of its visible part, so that no band shows even printed at 300 dpi).
FADE_STEPS: Final = 32
HATCH: Final = "////"
REPORT_COLOR: Final = "#8a8a8a"
#: The arrowheads of open ends, "<" and ">": the tip at the marker's origin, so that it lies on the axis's edge
#: and the whole head inside the axis; taller than the bar it ends.
OPEN_HEADS: Final = {
    ">": Path([(0.0, 0.0), (-0.9, 1.0), (-0.9, -1.0), (0.0, 0.0)], closed=True),
    "<": Path([(0.0, 0.0), (0.9, 1.0), (0.9, -1.0), (0.0, 0.0)], closed=True),
}
OPEN_HEAD_SIZE: Final = 240  # points squared, as ``scatter`` takes it: a head half as tall again as its bar
#: The legend's picture of a bar cut at the window's edge: the white teeth at the right end of a bar (the marker
#: is drawn at the middle of the legend's line; its path reaches to the line's end).
_TORN: Final = Path(
    [(1.2, -0.5), (0.75, -0.5), (0.25, -0.25), (0.75, 0.0), (0.25, 0.25), (0.75, 0.5), (1.2, 0.5), (1.2, -0.5)],
    closed=True,
)
#: The legend's picture of an open end: the arrowhead at the right end of the legend's line.
_OPEN_END: Final = Path([(1.0, 0.0), (0.3, 0.55), (0.3, -0.55), (1.0, 0.0)], closed=True)
#: The legend's picture of something lasting with no certain part: a light bar, a line through it.
_LIGHT_BAR: Final = Path([(-1.0, -0.4), (1.0, -0.4), (1.0, 0.4), (-1.0, 0.4), (-1.0, -0.4)], closed=True)


def known_text(units: Sequence[str] = ("day",)) -> str:
    """What a dot says: "known to the day", "known to the minute or day" (the precisions drawn as dots)."""
    units = list(units) or ["day"]
    return "known to the " + (f"{', '.join(units[:-1])} or {units[-1]}" if len(units) > 1 else units[0])


def legend_handles(
    color: str = "#555555", used: Collection[str] | None = None, known: Sequence[str] = ("day",)
) -> list[Artist]:
    """Legend entries for the uncertainty styles, only those in ``used`` when given.

    The styles: ``"day"`` (a dot: one moment, known to the precisions in ``known``, finest first), ``"somewhere"``,
    ``"uncertain"``, ``"fading"``, ``"lasting"``, ``"vague"`` (lasted, no part certain), ``"open"``, ``"beyond"`` (a
    mark wholly past an edge of the window), ``"cut"`` (a
    bar going on beyond the window's edge), ``"report"``, ``"narrowed"``.
    """
    entries = {
        "day": Line2D([], [], marker="o", linestyle="", color=color, markersize=5, label=known_text(known)),
        "somewhere": Patch(
            facecolor=color, alpha=UNCERTAIN_ALPHA, edgecolor="none", label="one moment somewhere in the bar"
        ),
        "uncertain": Patch(facecolor="none", edgecolor=color, hatch=HATCH, label="uncertain date (?): hatched"),
        "fading": Patch(
            facecolor=color, alpha=0.15, edgecolor="none", label="approximate date (c.) or unknown end: fading"
        ),
        "lasting": Patch(facecolor=color, edgecolor="none", label="lasting (light part: uncertain start or end)"),
        "vague": Line2D(
            [],
            [],
            color=color,
            linewidth=1.2,
            marker=_LIGHT_BAR,
            markersize=15,
            markerfacecolor=(color, UNCERTAIN_ALPHA),
            markeredgecolor="none",
            label="lasted, somewhere in the bar: no part certain",
        ),
        "open": Line2D([], [], marker=_OPEN_END, linestyle="-", color=color, markersize=15, label="open end (ongoing)"),
        "cut": Line2D(
            [],
            [],
            color=color,
            linewidth=6,
            solid_capstyle="butt",
            marker=_TORN,
            markersize=17,
            markerfacecolor="white",
            markeredgecolor="none",
            label="cut at the edge: goes on beyond the dates shown",
        ),
        "beyond": Line2D(
            [],
            [],
            linestyle="none",
            marker=">",
            markersize=6,
            markerfacecolor="none",
            markeredgecolor="#777777",
            label="dated beyond the dates shown, that way",
        ),
        "report": Line2D([], [], linestyle=(0, (3, 2)), color=REPORT_COLOR, label="report → what it reports"),
        "narrowed": Patch(
            facecolor=(color, UNCERTAIN_ALPHA),
            edgecolor=(color, 0.75),
            linewidth=0.8,
            label="outline: the date as written; inside it: as the order of events narrows it",
        ),
    }
    return [artist for name, artist in entries.items() if used is None or name in used]
