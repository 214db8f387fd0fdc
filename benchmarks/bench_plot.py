"""Drawing a timeline: chronology's ``plot_timeline`` against bare matplotlib drawing the same marks and labels.

Run: ``python benchmarks/bench_plot.py`` (about 2 minutes here), or with
``--quick`` (a smoke run: 100 and 1,000 events, 3 rounds); ``--sizes`` and
``--rounds`` to choose, ``--pictures DIR`` to keep both PNGs of every size,
``--profile`` to print where chronology's time goes at the largest size.
No peers to install (matplotlib and numpy come with chronology).

For 100, 1,000 and 5,000 events an event file is written to a temporary
folder: ids, a title, one of four kinds (the lanes) and a ``when`` over
2020-2023 (exact days; one-of ranges such as ``[2021-03-04..2021-03-10]``;
months; approximate ``~`` and uncertain ``?`` days; day intervals; month
intervals; open ends such as ``2021-03-04/..``; each form at least once).

The two sides:

* chronology: ``plot_timeline(timeline)`` with its defaults (lanes by kind,
  labels placed without collisions, uncertainty styles and their legend; above
  its density threshold, density bands instead of marks) and ``save_figure``
  to a PNG.
* bare: the same file read with ``tomllib``, the dates read by hand for the
  forms above (``datetime.date.fromisoformat``), and matplotlib drawing what
  chronology drew at that size, in kind and count: when chronology draws marks,
  the same dots (a day, or a one-of range of a Monday to a Sunday, which
  chronology reads as a week, whose span on the axis is under 0.125 inch; a
  month is wider here, so a light bar), light bars, hatched bars, solid and
  light parts of intervals, threads (a thin line through the light of
  something lasting with no certain part), fade steps and the arrowhead of an
  open end, its tip at the axis's edge (batched in collections, as chronology
  batches them); one label a labelled event with its whole title (no collision
  avoidance): as many on their solid bars, without a box, as chronology wrote
  on bars, the others beside their mark on a white box; the lane names, a
  title and a legend of the same entries, in the same words; when
  chronology draws density bands, one band a lane (each event spreading one
  unit over its days, in about 300 steps, as chronology computes them) and as
  many labels as chronology drew there (the first events of the file). Both:
  the same date axis (a labelled tick every quarter, a small tick every month),
  the same figure size (chronology's, passed to the bare side) and resolution.

Before timing, each size is drawn once by each side and what was drawn is
counted from the figures' artists, told apart by their shapes (dots,
arrowheads, hollow markers; bars, threads, teeth such as the zigzag that cuts
a bar at a chosen window's edge, outlines, hatched polygons; density bands and
their vertices; report links and their arrowheads, other patches, straight
lines; texts and those on a box, titles, legend entries, lane names, date
ticks) and printed side by side; any difference is flagged, and so is a
legend whose words differ (chronology's key of numbered labels, when it draws
one, is named apart: the bare side has no placement that could make one).

Timed two ways, in interleaved rounds (which side goes first alternates from
round to round; a garbage collection before every timing):

1. In one process, after imports and reading the file: drawing and saving the
   PNG (chronology from its loaded ``Timeline``; bare from the dictionary
   ``tomllib`` read, so reading its dates is part of its drawing).
2. As a whole process: a fresh ``python`` that imports chronology, loads the
   file, draws and saves the PNG, against a fresh ``python`` that imports
   matplotlib and ``tomllib``, reads the file, draws and saves the same marks
   and labels. Each child reports the time of its phases, printed as medians
   ("python": the rest, starting and ending the interpreter). The children
   cache their compiled modules in the temporary folder (an untimed first run
   of each side fills it), as an installed package has them: with
   ``PYTHONDONTWRITEBYTECODE`` set, as on some shared machines, an editable
   chronology would be compiled again at every start.

Times are the median (min-max) over rounds; a round's ratio is chronology's
time over bare's. Goal (issue 23): the 5,000-event picture within 1.5x the bare
drawing, both ways.
"""

# The bare process imports this module for its drawing, so nothing here may import chronology at the top:
# chronology is imported inside the functions of its side and of the harness.
from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.dates import ConciseDateFormatter, MonthLocator
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path as MplPath
from matplotlib.text import Text

if TYPE_CHECKING:
    from chronology import Timeline
    from chronology.plot import TimelinePlot

GOAL = 1.5  # chronology / bare, at GOAL_SIZE events, both ways
GOAL_SIZE = 5_000
HERE = Path(__file__).resolve().parent
KINDS = ("strike", "statement", "deployment", "diplomacy")

# -- the event files ------------------------------------------------------------------------------------

#: The forms of ``when``, with their share of the events.
FORMS = {
    "day": 45,
    "range": 12,
    "month": 8,
    "approximate": 5,
    "uncertain": 5,
    "interval": 17,
    "month interval": 6,
    "open": 2,
}


def _iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def _when(form: str, day: int, rng: random.Random) -> str:
    """A ``when`` of the form ``form`` starting on ``day`` (an ordinal)."""
    if form == "range":
        return f"[{_iso(day)}..{_iso(day + rng.choice([6, 30]))}]"
    if form == "month":
        return _iso(day)[:7]
    if form == "approximate":
        return _iso(day) + "~"
    if form == "uncertain":
        return _iso(day) + "?"
    if form == "interval":
        return f"{_iso(day)}/{_iso(day + rng.randint(2, 60))}"
    if form == "month interval":
        return f"{_iso(day)[:7]}/{_iso(day + rng.randint(40, 120))[:7]}"
    if form == "open":
        return f"{_iso(day)}/.."
    return _iso(day)


def generate(count: int, seed: int = 9) -> str:
    """The text of an event file with ``count`` events, every form of ``when`` among the first."""
    rng = random.Random(seed)
    first = datetime.date(2020, 1, 1).toordinal()
    names, weights = list(FORMS), list(FORMS.values())
    lines = ['title = "Synthetic chronology"', ""]
    for number in range(count):
        form = names[number] if number < len(names) else rng.choices(names, weights)[0]
        when = _when(form, first + rng.randrange(4 * 365), rng)
        title = f"Event {number} of the synthetic set" + rng.choice(["", " (reported)", ", as first reported"])
        lines += [
            "[[events]]",
            f'id = "e{number}"',
            f'title = "{title}"',
            f'when = "{when}"',
            f'kind = "{rng.choice(KINDS)}"',
            "",
        ]
    return "\n".join(lines) + "\n"


# -- the bare side: tomllib, datetime, numpy and matplotlib only ----------------------------------------

EPOCH = datetime.date(1970, 1, 1).toordinal()  # matplotlib's dates count days from 1970-01-01
FADE_STEPS = 5
FONT_SIZE = 7.5
# What chronology's drawing uses (chronology/plot/timeline.py and _style.py), written out: the bare process
# imports no chronology.
DOT_INCHES = 0.125  # a moment (a day, a week, a month as written) narrower than this on the axis is a dot
HEAD_SIZE = 240  # the arrowhead of an open end, in points squared; its tip at the axis's edge
HEAD = MplPath([(0.0, 0.0), (-0.9, 1.0), (-0.9, -1.0), (0.0, 0.0)], closed=True)
LEGEND_HEAD = MplPath([(1.0, 0.0), (0.3, 0.55), (0.3, -0.55), (1.0, 0.0)], closed=True)
LEGEND_BAR = MplPath([(-1.0, -0.4), (1.0, -0.4), (1.0, 0.4), (-1.0, 0.4), (-1.0, -0.4)], closed=True)
THREAD = 0.07  # the height of the line through something lasting with no certain part
BOX = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none"}  # a label beside its mark
#: A ``when`` as the bare side reads it: its form; earliest and latest start, earliest and latest end (days).
#: Forms: "day", "week" (a one-of range of a Monday to a Sunday), "month", "range", "approximate",
#: "uncertain" (of a day), "interval", "open".
Bounds: TypeAlias = tuple[str, int, int, int | None, int | None]


def _days(text: str) -> tuple[int, int]:
    """First and last day (ordinals) of an ISO day or month."""
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        first = datetime.date(year, month, 1).toordinal()
        return first, datetime.date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
    day = datetime.date.fromisoformat(text).toordinal()
    return day, day


def read_when(when: str) -> Bounds:
    """The form and the bounds (earliest and latest start, earliest and latest end; None: open) of a ``when``."""
    if "/" in when:
        start, end = when.split("/")
        s_lo, s_hi = _days(start)
        if end == "..":
            return "open", s_lo, s_hi, None, None
        e_lo, e_hi = _days(end)
        return "interval", s_lo, s_hi, e_lo, e_hi
    if when.startswith("["):
        first, last = when[1:-1].split("..")
        lo, hi = _days(first)[0], _days(last)[1]
        week = hi - lo == 6 and datetime.date.fromordinal(lo).weekday() == 0  # an ISO week, as chronology reads it
        return "week" if week else "range", lo, hi, lo, hi
    lo, hi = _days(when.rstrip("~?"))
    form = {"~": "approximate", "?": "uncertain"}.get(when[-1], "day" if lo == hi else "month")
    return form, lo, hi, lo, hi


def _rectangle(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    return [(x0, y - height / 2), (x1, y - height / 2), (x1, y + height / 2), (x0, y + height / 2)]


def _steps(x0: float, x1: float, *, rising: bool) -> list[tuple[float, float, float]]:
    width = (x1 - x0) / FADE_STEPS
    return [
        (x0 + i * width, x0 + (i + 1) * width, 0.35 * ((i + 1) if rising else (FADE_STEPS - i)) / (FADE_STEPS + 1))
        for i in range(FADE_STEPS)
    ]


def _widened(x0: float, x1: float, minimum: float) -> tuple[float, float]:
    return (x0, x1) if x1 - x0 >= minimum else ((x0 + x1 - minimum) / 2, (x0 + x1 + minimum) / 2)


def draw_bare(
    data: dict[str, Any],
    png: str | Path,
    *,
    size: tuple[float, float],
    dpi: float,
    dense: bool,
    labels: int,
    on_bars: int = 0,
) -> Figure:
    """Draw the events of ``data`` (an event file as ``tomllib`` reads it) and save the PNG.

    ``dense``: one density band a lane instead of marks; ``labels``: how many events get a label (the first);
    ``on_bars``: how many of those labels are written on their solid bar, without a box (those with the longest
    bars); the others stand beside their mark on a white box.
    """
    events = data["events"]
    read = [read_when(event["when"]) for event in events]
    first = min(r[1] for r in read)
    last = max(max(r[2], r[4] or r[2]) for r in read)
    pad = max(1.0, (last - first) * 0.02)
    x_left, x_right = first - pad - EPOCH, last + 1 + pad - EPOCH
    lanes: dict[str, list[int]] = {}
    for i in sorted(range(len(events)), key=lambda i: read[i][1]):
        lanes.setdefault(events[i].get("kind", ""), []).append(i)
    figure = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.16, 0.2, 0.82, 0.7))
    colors = {name: f"C{n}" for n, name in enumerate(lanes)}
    rows = {name: 3 if dense else min(8, len(members)) for name, members in lanes.items()}
    tops = dict(zip(lanes, np.cumsum([0, *rows.values()])[:-1].tolist(), strict=True))
    minimum = (x_right - x_left) / 350
    per_inch = (x_right - x_left) / (0.82 * size[0])  # days an inch of the axis
    solids: dict[int, tuple[float, float]] = {}
    if dense:
        where = _bare_density(ax, read, lanes, tops, colors, first, last)
    else:
        where, solids = _bare_marks(ax, read, lanes, tops, rows, colors, minimum, (x_right, per_inch))
    shown = range(min(labels, len(events)))
    written_on = set(sorted((i for i in shown if i in solids), key=lambda i: solids[i][0] - solids[i][1])[:on_bars])
    for i in shown:
        x, y = where[i]
        if i in written_on:
            x = solids[i][0] + minimum / 2
            ax.text(x, y, events[i]["title"], fontsize=FONT_SIZE, va="center", color="white", zorder=5)
        else:
            ax.text(x + minimum / 2, y, events[i]["title"], fontsize=FONT_SIZE, va="center", zorder=5, bbox=BOX)
    ax.set_xlim(x_left, x_right)
    ax.set_ylim(sum(rows.values()) - 0.4, -0.6)
    ax.set_yticks([tops[name] + (rows[name] - 1) / 2 for name in lanes], list(lanes), fontsize=FONT_SIZE + 0.5)
    for tick, name in zip(ax.get_yticklabels(), lanes, strict=True):
        tick.set_color(colors[name])
    for name in list(lanes)[1:]:
        ax.axhline(tops[name] - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    # the axis chronology draws over these four years: a tick and a label every quarter, a small tick every month
    locator = MonthLocator(bymonth=(1, 4, 7, 10))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.xaxis.set_minor_locator(MonthLocator())  # type: ignore[no-untyped-call]
    ax.xaxis.remove_overlapping_locs = False  # as many small ticks as chronology's axis draws
    ax.tick_params(axis="x", which="minor", length=2, color="#bbbbbb")
    ax.tick_params(axis="x", labelsize=FONT_SIZE)
    ax.grid(axis="x", color="#e3e3e3", linewidth=0.8, zorder=0)
    if "title" in data:
        ax.set_title(data["title"], loc="left", fontsize=FONT_SIZE + 3, weight="bold")
    figure.savefig(png, dpi=dpi, metadata={"Software": None})
    return figure


def _bare_density(
    ax: Axes,
    read: Sequence[Bounds],
    lanes: dict[str, list[int]],
    tops: dict[str, float],
    colors: dict[str, str],
    first: int,
    last: int,
) -> dict[int, tuple[float, float]]:
    """One band a lane: each event spreads one unit over its days, in about 300 steps; where labels would go."""
    days = last - first + 1
    bin_days = max(1, days // 300)
    bins = -(-days // bin_days)
    where: dict[int, tuple[float, float]] = {}
    for name, members in lanes.items():
        lo = np.array([read[i][1] for i in members]) - first
        hi = np.array([read[i][4] if read[i][4] is not None else last for i in members]) - first
        share = 1.0 / (hi - lo + 1)
        change = np.zeros(bins * bin_days + 1)
        np.add.at(change, lo, share)
        np.add.at(change, hi + 1, -share)
        density = np.cumsum(change)[: bins * bin_days].reshape(bins, bin_days).mean(axis=1)
        base = tops[name] + 2.4
        xs = first - EPOCH + np.arange(bins) * bin_days
        ax.fill_between(
            xs, base, base - 2.6 * density / (density.max() or 1.0), step="post", color=colors[name], alpha=0.6, lw=0
        )
        where.update((i, (read[i][1] - EPOCH, tops[name] + 1)) for i in members)  # beside the event's start
    return where


def _bare_marks(
    ax: Axes,
    read: Sequence[Bounds],
    lanes: dict[str, list[int]],
    tops: dict[str, float],
    rows: dict[str, int],
    colors: dict[str, str],
    minimum: float,
    axis: tuple[float, float],
) -> tuple[dict[int, tuple[float, float]], dict[int, tuple[float, float]]]:
    """chronology's kinds of marks, batched as it batches them, and their legend.

    ``axis``: the x of its right end and the days an inch. Returns where each label goes beside its mark,
    and each solid bar's ends.
    """
    x_right, per_inch = axis
    head = 0.45 * HEAD_SIZE**0.5 / 72 * per_inch  # an arrowhead's length: the bar stops at its base
    dots: tuple[list[float], list[float], list[str]] = ([], [], [])
    arrows: tuple[list[float], list[float], list[str]] = ([], [], [])
    polys: dict[str, tuple[list[list[tuple[float, float]]], list[Any]]] = {
        name: ([], []) for name in ("bars", "hatched", "solid", "thread", "fades")
    }
    used: set[str] = set()
    units: set[str] = set()
    where: dict[int, tuple[float, float]] = {}
    solids: dict[int, tuple[float, float]] = {}
    for name, members in lanes.items():
        color = colors[name]
        for row, i in enumerate(members):
            y = tops[name] + row % rows[name]
            form, s_lo, s_hi, e_lo, e_hi = read[i]
            if form in ("day", "week", "month") and (s_hi - s_lo + 1) / per_inch < DOT_INCHES:
                middle = (s_lo + s_hi + 1) / 2 - EPOCH  # one unit, too narrow on the axis to draw over: a dot
                dots[0].append(middle)
                dots[1].append(y)
                dots[2].append(color)
                where[i] = (middle + minimum / 2, y)
                used.add("day")
                units.add(form)
            elif form not in ("interval", "open"):  # one moment somewhere in the bar
                x0, x1 = _widened(float(s_lo - EPOCH), float(s_hi + 1 - EPOCH), minimum)
                polys["bars"][0].append(_rectangle(x0, x1, y, 0.34))
                polys["bars"][1].append((color, 0.35))
                used.add("somewhere")
                if form == "uncertain":
                    polys["hatched"][0].append(_rectangle(x0, x1, y, 0.34))
                    polys["hatched"][1].append(color)
                    used.add("uncertain")
                if form == "approximate":  # faded over one day each side
                    day0, day1 = float(s_lo - EPOCH), float(s_hi + 1 - EPOCH)
                    for f0, f1, alpha in _steps(day0 - 1, day0, rising=True) + _steps(day1, day1 + 1, rising=False):
                        polys["fades"][0].append(_rectangle(f0, f1, y, 0.34))
                        polys["fades"][1].append((color, alpha))
                        x1 = max(x1, f1)
                    used.add("fading")
                where[i] = (x1, y)
            else:  # an interval: solid where it surely lasted, light over an end that may fall on several days
                left, right = float(s_lo - EPOCH), x_right if e_hi is None else float(e_hi + 1 - EPOCH)
                solid_from = left if s_hi == s_lo else float(s_hi + 1 - EPOCH)
                solid_to = right if e_lo is None or e_lo == e_hi else float(e_lo - EPOCH)
                light = [(left, solid_from)] if s_hi > s_lo else []
                if e_lo is not None and e_hi is not None and e_hi > e_lo:
                    light.append((solid_to, right))
                solid = (solid_from, solid_to) if solid_to > solid_from else None
                if solid is None and len(light) == 2:  # the ends' spans meet: light across both
                    light = [(left, right)]
                if solid is None and not light:
                    solid = (left, right)
                for x0, x1 in light:
                    polys["bars"][0].append(_rectangle(x0, x1, y, 0.5))
                    polys["bars"][1].append((color, 0.35))
                if solid is not None:
                    x0, x1 = _widened(*solid, minimum)
                    if e_hi is None:  # open: the bar stops where the arrowhead begins, its tip at the edge
                        x1 = max(x0, x_right - head)
                        arrows[0].append(x_right)
                        arrows[1].append(y)
                        arrows[2].append(color)
                        used.add("open")
                    polys["solid"][0].append(_rectangle(x0, x1, y, 0.5))
                    polys["solid"][1].append((color, 0.9))
                    solids[i] = (x0, x1)
                    used.add("lasting")
                elif light:  # lasted, somewhere in there, no part certain: a thin line through the light
                    polys["thread"][0].append(_rectangle(light[0][0], light[-1][1], y, THREAD))
                    polys["thread"][1].append((color, 0.9))
                    used.add("vague")
                where[i] = (right, y)
    for name, (vertices, face) in polys.items():
        if not vertices:
            continue
        if name == "hatched":
            collection = PolyCollection(
                vertices, facecolors="none", edgecolors=face, hatch="////", linewidths=0.0, zorder=3
            )
        else:
            collection = PolyCollection(
                vertices, facecolors=face, edgecolors="none", zorder=3 if name == "solid" else 2
            )
        ax.add_collection(collection)
    if dots[0]:
        ax.scatter(dots[0], dots[1], s=22, c=dots[2], zorder=4, edgecolors="white", linewidths=0.6)
    if arrows[0]:
        ax.scatter(arrows[0], arrows[1], s=HEAD_SIZE, c=arrows[2], marker=HEAD, zorder=4, linewidths=0)
    known = [unit for unit in ("day", "week", "month") if unit in units]
    gray = "#555555"
    handles = {
        "day": Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=gray,
            markersize=5,
            label="known to the " + (f"{', '.join(known[:-1])} or {known[-1]}" if len(known) > 1 else "".join(known)),
        ),
        "somewhere": Patch(facecolor=gray, alpha=0.35, edgecolor="none", label="one moment somewhere in the bar"),
        "uncertain": Patch(facecolor="none", edgecolor=gray, hatch="////", label="uncertain (?): hatched"),
        "fading": Patch(facecolor=gray, alpha=0.15, edgecolor="none", label="approximate (~) or unknown end: fading"),
        "lasting": Patch(facecolor=gray, edgecolor="none", label="lasting (light part: uncertain start or end)"),
        "vague": Line2D(
            [],
            [],
            color=gray,
            linewidth=1.2,
            marker=LEGEND_BAR,
            markersize=15,
            markerfacecolor=(gray, 0.35),
            markeredgecolor="none",
            label="lasted, somewhere in the bar: no part certain",
        ),
        "open": Line2D([], [], marker=LEGEND_HEAD, color=gray, markersize=15, label="open end (ongoing)"),
    }
    ax.legend(
        handles=[h for name, h in handles.items() if name in used],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncols=4,
        frameon=False,
        fontsize=FONT_SIZE,
    )
    return where, solids


def bare_process(arguments: Sequence[str]) -> None:
    """The bare side's whole process, after this module's imports: read, draw, save; print the phases."""
    path, png, width, height, dpi, mode, labels, on_bars = arguments
    began = time.perf_counter()
    with open(path, "rb") as stream:
        data = tomllib.load(stream)
    read = time.perf_counter()
    size = (float(width), float(height))
    draw_bare(data, png, size=size, dpi=float(dpi), dense=mode == "dense", labels=int(labels), on_bars=int(on_bars))
    print(json.dumps({"read": read - began, "draw and save": time.perf_counter() - read}))


# -- chronology's side ----------------------------------------------------------------------------------

#: chronology's whole process: what a user's script does (and ``chronology plot FILE -o PNG`` does, without
#: its option handling). The phases are timed and printed as a JSON object.
CHRONOLOGY_SCRIPT = """\
import sys, time
began = time.perf_counter()
import json
import chronology
from chronology.plot import plot_timeline, save_figure
imported = time.perf_counter()
timeline = chronology.load(sys.argv[1])
loaded = time.perf_counter()
save_figure(plot_timeline(timeline).figure, sys.argv[2])
done = time.perf_counter()
print(json.dumps({"import": imported - began, "read": loaded - imported, "draw and save": done - loaded}))
"""

#: The bare side's whole process: imports (this module: numpy, matplotlib, tomllib), then read, draw, save.
BARE_SCRIPT = f"""\
import sys, time
began = time.perf_counter()
import json
sys.path.insert(0, {str(HERE)!r})
import bench_plot
imported = time.perf_counter()
print(json.dumps({{"import": imported - began}}))
bench_plot.bare_process(sys.argv[1:])
"""


def draw_chronology(timeline: Timeline, png: str | Path) -> TimelinePlot:
    """chronology's drawing with its defaults, saved as a PNG."""
    from chronology.plot import plot_timeline, save_figure

    drawn = plot_timeline(timeline)
    save_figure(drawn.figure, png)
    return drawn


# -- what was drawn -------------------------------------------------------------------------------------


def inventory(ax: Axes, skip: Sequence[Text | None] = ()) -> dict[str, int]:
    """What an axes shows, counted from its artists (the texts in ``skip`` left out).

    Marks are told apart by their shape, not by the labels chronology gives its collections: scatter markers
    into dots (round), arrowheads (any other filled marker) and hollow markers; polygons into bars (filled
    rectangles), threads (filled rectangles under a tenth of a row high), teeth (any other filled polygon: the
    zigzag that cuts a bar at the window's edge), outlines (unfilled) and hatched ones; patches into link
    arrowheads and others; texts into all and those standing on a box.
    """
    names = (
        "dots",
        "arrowheads",
        "hollow markers",
        "bars",
        "threads",
        "teeth",
        "outlines",
        "hatched polygons",
        "density bands",
        "band vertices",
        "link lines",
        "link arrowheads",
        "other patches",
        "straight lines",
        "texts",
        "texts on a box",
        "titles",
        "legend entries",
        "lane names",
    )
    counts = dict.fromkeys(names, 0)
    for collection in ax.collections:
        filled = bool(np.asarray(collection.get_facecolor()).reshape(-1, 4)[:, 3].any())
        if type(collection).__name__ == "FillBetweenPolyCollection":  # fill_between (matplotlib >= 3.10)
            counts["density bands"] += 1
            counts["band vertices"] += sum(np.asarray(path.vertices).shape[0] for path in collection.get_paths())
        elif isinstance(collection, PolyCollection):
            if collection.get_hatch():
                counts["hatched polygons"] += len(collection.get_paths())
            elif not filled:
                counts["outlines"] += len(collection.get_paths())
            else:
                for path in collection.get_paths():
                    counts[_polygon_kind(np.asarray(path.vertices))] += 1
        elif isinstance(collection, PathCollection):
            marker = collection.get_paths()[0]
            round_ = marker.codes is not None and bool((np.asarray(marker.codes) == MplPath.CURVE4).any())
            kind = "hollow markers" if not filled else "dots" if round_ else "arrowheads"
            counts[kind] += np.asarray(collection.get_offsets()).shape[0]
        elif isinstance(collection, LineCollection):
            counts["link lines"] += len(collection.get_segments())
    for patch in ax.patches:
        counts["link arrowheads" if isinstance(patch, FancyArrowPatch) else "other patches"] += 1
    counts["straight lines"] = len(ax.lines)
    texts = [text for text in ax.texts if text.get_text() and text not in skip]
    counts["texts"] = len(texts)
    counts["texts on a box"] = sum(1 for text in texts if text.get_bbox_patch() is not None)
    counts["titles"] = sum(1 for loc in ("left", "center", "right") if ax.get_title(loc))
    legend = ax.get_legend()
    counts["legend entries"] = len(legend.get_texts()) if legend is not None else 0
    counts["lane names"] = sum(1 for tick in ax.get_yticklabels() if tick.get_text())
    counts["date ticks"] = len(ax.xaxis.get_majorticklocs())
    counts["small date ticks"] = len(ax.xaxis.get_minorticklocs())
    return counts


def _polygon_kind(vertices: np.ndarray) -> str:
    """A filled polygon: a bar (a rectangle), a thread (a rectangle under a tenth of a row high) or teeth."""
    corners = vertices[:-1] if len(vertices) > 1 and np.allclose(vertices[0], vertices[-1]) else vertices
    xs, ys = np.unique(corners[:, 0]), np.unique(corners[:, 1])
    if len(corners) != 4 or len(xs) > 2 or len(ys) > 2:
        return "teeth"
    return "threads" if ys.max() - ys.min() < 0.1 else "bars"


def legend_texts(ax: Axes) -> list[str]:
    """The texts of the legend's entries, in order."""
    legend = ax.get_legend()
    return [text.get_text() for text in legend.get_texts()] if legend is not None else []


def _key_texts(drawn: TimelinePlot) -> tuple[Text, ...]:
    """The texts of the key of numbered labels: one, one a column or none, as versions of chronology draw it."""
    key: Any = drawn.key
    if key is None:
        return ()
    return tuple(key) if isinstance(key, tuple | list) else (key,)


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{value:,} {name}" for name, value in counts.items() if value) or "nothing"


# -- timing ---------------------------------------------------------------------------------------------


def timed(run: Callable[[], object]) -> float:
    """Seconds for one ``run()``, after a garbage collection."""
    gc.collect()
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def spread(values: Sequence[float], scale: float = 1.0, fmt: str = ".3f", unit: str = "") -> str:
    """Median and min-max of ``values``."""
    med, lo, hi = (format(v * scale, fmt) for v in (float(np.median(values)), min(values), max(values)))
    return f"{med}{unit} ({lo}-{hi})"


def child_environment(folder: Path) -> dict[str, str]:
    """The environment of the fresh processes: compiled modules cached in ``folder``, as an installed package has.

    Without it (``PYTHONDONTWRITEBYTECODE`` set, as on some shared machines, and chronology installed editable)
    every process would compile chronology's modules again, which no user's installation does.
    """
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return environment


def child(script: Path, arguments: Sequence[str], environment: dict[str, str]) -> tuple[float, dict[str, float]]:
    """Wall time of a fresh ``python script arguments``, and the phases it printed."""
    began = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, str(script), *arguments], capture_output=True, text=True, check=False, env=environment
    )
    wall = time.perf_counter() - began
    if finished.returncode:
        sys.exit(f"{script.name} failed:\n{finished.stderr}")
    phases: dict[str, float] = {}
    for line in finished.stdout.splitlines():
        phases.update(json.loads(line))
    return wall, phases


def measure(count: int, rounds: int, folder: Path, pictures: Path | None) -> tuple[float, float]:
    """Print the figures for ``count`` events; the median ratios chronology / bare in process and whole process."""
    import chronology

    path = folder / f"events-{count}.toml"
    path.write_text(generate(count), encoding="utf-8")
    out = pictures or folder
    pngs = {side: out / f"{side}-{count}.png" for side in ("chronology", "bare")}
    timeline = chronology.load(path)
    with open(path, "rb") as stream:
        data = tomllib.load(stream)
    assert len(timeline) == len(data["events"]) == count

    # Untimed: what chronology draws at this size, and the bare side told to draw the same.
    drawn = draw_chronology(timeline, pngs["chronology"])
    size = (drawn.figure.get_figwidth(), drawn.figure.get_figheight())
    dpi, dense, labels = drawn.figure.dpi, bool(drawn.density), len(drawn.labels)
    on_bars = sum(1 for text in drawn.labels.values() if text.get_bbox_patch() is None)  # no box: on its bar
    options: dict[str, Any] = {"size": size, "dpi": dpi, "dense": dense, "labels": labels, "on_bars": on_bars}
    key = _key_texts(drawn)
    ours = inventory(drawn.ax, skip=key)
    bare_figure = draw_bare(data, pngs["bare"], **options)
    theirs = inventory(bare_figure.axes[0])
    what = "density bands" if dense else "marks"
    print(
        f"\n{count:,} events, {path.stat().st_size / 1e3:,.0f} kB; "
        f"a {size[0]:.2f} x {size[1]:.2f} in figure at {dpi:.0f} dpi"
    )
    print(f"  chronology draws {what}: {_describe(ours)}")
    if drawn.numbered:
        print(
            f"    and a key under the legend for the labels that gave way to numbers ({len(drawn.numbered):,}; "
            f"texts: {len(key)}), not counted above"
        )
    print(f"  bare draws {what}:       {_describe(theirs)}")
    differ = [name for name in ours if ours[name] != theirs[name]]
    if differ:
        print(f"  NOT LIKE FOR LIKE: the counts of {', '.join(differ)} differ")
    entries = {"chronology": legend_texts(drawn.ax), "bare": legend_texts(bare_figure.axes[0])}
    if entries["chronology"] != entries["bare"]:
        print(f"  NOT LIKE FOR LIKE: the legends differ: chronology {entries['chronology']}, bare {entries['bare']}")

    in_process = {
        "chronology": lambda: draw_chronology(timeline, pngs["chronology"]),
        "bare": lambda: draw_bare(data, pngs["bare"], **options),
    }
    scripts = {"chronology": folder / "chronology_side.py", "bare": folder / "bare_side.py"}
    scripts["chronology"].write_text(CHRONOLOGY_SCRIPT, encoding="utf-8")
    scripts["bare"].write_text(BARE_SCRIPT, encoding="utf-8")
    child_arguments = {
        "chronology": [str(path), str(pngs["chronology"])],
        "bare": [str(path), str(pngs["bare"]), *map(str, (*size, dpi)), "marks", str(labels), str(on_bars)],
    }
    if dense:
        child_arguments["bare"][5] = "dense"
    environment = child_environment(folder)
    for side in scripts:  # untimed: fills the cache of compiled modules, and the file system's
        child(scripts[side], child_arguments[side], environment)
    times: dict[str, dict[str, list[float]]] = {"process": {"chronology": [], "bare": []}, "whole": {}}
    times["whole"] = {"chronology": [], "bare": []}
    phases: dict[str, dict[str, list[float]]] = {"chronology": {}, "bare": {}}
    for r in range(rounds):
        order = ("chronology", "bare") if r % 2 == 0 else ("bare", "chronology")
        for side in order:
            times["process"][side].append(timed(in_process[side]))
        for side in order:
            wall, parts = child(scripts[side], child_arguments[side], environment)
            times["whole"][side].append(wall)
            for name, seconds in parts.items():
                phases[side].setdefault(name, []).append(seconds)

    print(f"  {rounds} interleaved rounds; seconds, median (min-max) over rounds:")
    ratios: list[float] = []
    for way, heading in (("process", "in one process: draw and save"), ("whole", "whole process")):
        print(f"    {heading}")
        for side in ("chronology", "bare"):
            detail = ""
            if way == "whole":
                measured = phases[side]
                python = [w - sum(p) for w, *p in zip(times["whole"][side], *measured.values(), strict=True)]
                detail = "  = " + ", ".join(
                    [f"python {np.median(python):.3f}"] + [f"{name} {np.median(v):.3f}" for name, v in measured.items()]
                )
            print(f"      {side:<11} {spread(times[way][side])}{detail}")
        per_round = [c / b for c, b in zip(times[way]["chronology"], times[way]["bare"], strict=True)]
        ratios.append(float(np.median(per_round)))
        print(f"      ratio chronology / bare per round: {spread(per_round, fmt='.2f', unit='x')}")
    return ratios[0], ratios[1]


def profile(count: int, folder: Path) -> None:
    """Where chronology's time goes at ``count`` events: load, draw and save under cProfile."""
    import cProfile
    import pstats

    import chronology

    path = folder / f"events-{count}.toml"
    path.write_text(generate(count), encoding="utf-8")
    png = folder / "profiled.png"
    draw_chronology(chronology.load(path), png)  # warm
    profiler = cProfile.Profile()
    profiler.enable()
    draw_chronology(chronology.load(path), png)
    profiler.disable()
    print(f"\nchronology's load, draw and save of {count:,} events under cProfile (top 25 by cumulative time):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 events, 3 rounds (a smoke run)")
    parser.add_argument("--sizes", type=int, nargs="+", help="event counts (default 100 1000 5000)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 7, quick 3)")
    parser.add_argument("--pictures", type=Path, help="a folder to keep both PNGs of every size in")
    parser.add_argument("--profile", action="store_true", help="profile chronology's side at the largest size")
    args = parser.parse_args()
    sizes = args.sizes or ([100, 1_000] if args.quick else [100, 1_000, GOAL_SIZE])
    rounds = max(1, args.rounds or (3 if args.quick else 7))
    if args.pictures:
        args.pictures.mkdir(parents=True, exist_ok=True)
    print(
        f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.2f} at the start"
    )
    print(
        "chronology: chronology.load, plot_timeline(timeline) with its defaults, save_figure(PNG).\n"
        "bare: tomllib.load, the dates read with datetime, matplotlib drawing the same marks, labels and date axis "
        "(counted below), Figure.savefig(PNG).\n"
        "Timed: (1) in one process, after imports and reading the file: drawing and saving; "
        "(2) a fresh python for each: import, read, draw, save."
    )
    ratios: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            ratios[count] = measure(count, rounds, Path(folder), args.pictures)
        if args.profile:
            profile(max(sizes), Path(folder))
    print()
    judged = GOAL_SIZE if GOAL_SIZE in ratios else max(ratios)
    in_process, whole = ratios[judged]
    verdict = "goal met" if max(in_process, whole) <= GOAL else "goal NOT met"
    if judged != GOAL_SIZE:
        verdict = f"the goal is judged at {GOAL_SIZE:,} events, not run here"
    print(
        f"Goal: at {GOAL_SIZE:,} events chronology within {GOAL}x the bare drawing, both ways. "
        f"At {judged:,} events: {in_process:.2f}x in one process, {whole:.2f}x as a whole process: {verdict}"
    )


if __name__ == "__main__":
    main()
