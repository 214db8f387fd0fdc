"""Draw docs/pictures/queries.png: what "possible" and "certain" mean for a window.

Run: ``python docs/pictures/queries.py [OUT.png]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

WINDOW = (10, 20)
#: (label, start bounds, end bounds) in days; an instant has equal start and end bounds.
CASES = [
    ("exact day inside", (14, 14), (14, 14)),
    ("uncertain day, bounds inside", (12, 17), (12, 17)),
    ("uncertain day, across the edge", (6, 13), (6, 13)),
    ("uncertain day, outside", (22, 27), (22, 27)),
    ("lasting, sure to reach the window", (4, 7), (12, 16)),
    ("lasting, may end before it", (2, 4), (6, 12)),
    ("lasting, surely inside", (11, 12), (16, 18)),
]
BASE = 738_000  # any day number: the picture counts days from it


def verdicts(start: tuple[int, int], end: tuple[int, int]) -> tuple[str, str]:
    """What chronology answers for overlapping and within, asked of the library itself."""
    from chronology import NO_WIDENING, Event, Interval, Precision, Timeline, UncertainDate

    def day(first: int, last: int) -> UncertainDate:
        return UncertainDate.from_days(BASE + first, BASE + last, Precision.DAY)

    when = day(*start) if start == end else Interval(day(*start), day(*end))
    timeline = Timeline([Event(id="e", title="", when=when)])
    window = (day(WINDOW[0], WINDOW[0]), day(WINDOW[1], WINDOW[1]))
    answers = []
    for query in (timeline.overlapping, timeline.within):
        if len(query(*window, mode="certain", widening=NO_WIDENING)):
            answers.append("certain")
        elif len(query(*window, mode="possible", widening=NO_WIDENING)):
            answers.append("possible")
        else:
            answers.append("no")
    return answers[0], answers[1]


def draw(path: Path) -> None:
    """Draw the picture to ``path``."""
    figure = Figure(figsize=(9, 3.6), dpi=100)
    ax = figure.add_subplot()
    ax.axvspan(WINDOW[0] - 0.5, WINDOW[1] + 0.5, color="#dbe9f6", zorder=0)
    ax.text(sum(WINDOW) / 2, len(CASES) - 0.35, "window", ha="center", va="bottom", color="#2c5d8f")
    ax.text(31, len(CASES) - 0.35, "overlapping", ha="center", va="bottom", fontsize=8, weight="bold")
    ax.text(38, len(CASES) - 0.35, "within", ha="center", va="bottom", fontsize=8, weight="bold")
    for row, (label, start, end) in enumerate(CASES):
        y = len(CASES) - 1 - row
        if start == end:  # one day somewhere in the bounds
            ax.add_patch(Rectangle((start[0] - 0.5, y - 0.15), start[1] - start[0] + 1, 0.3, color="#888", alpha=0.5))
        else:  # lasting: sure part solid, uncertain ends light
            ax.add_patch(Rectangle((start[0] - 0.5, y - 0.2), start[1] - start[0] + 1, 0.4, color="#888", alpha=0.35))
            ax.add_patch(Rectangle((start[1] + 0.5, y - 0.2), end[0] - start[1] - 1, 0.4, color="#444"))
            ax.add_patch(Rectangle((end[0] - 0.5, y - 0.2), end[1] - end[0] + 1, 0.4, color="#888", alpha=0.35))
        ax.text(-1, y, label, va="center", ha="right", fontsize=8)
        for x, verdict in zip((31, 38), verdicts(start, end), strict=True):
            ax.text(x, y, verdict, va="center", ha="center", fontsize=8, color={"no": "#a33"}.get(verdict, "#222"))
    ax.set_xlim(-17, 41)
    ax.set_ylim(-0.7, len(CASES) - 0.1)
    ax.set_yticks([])
    ax.set_xticks(range(0, 31, 5))
    ax.set_xlabel("day")
    ax.set_title("light: where an uncertain day or end may fall; dark: surely lasting", fontsize=9)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_suffix(".png"))
