"""A claims chart: the figures claimed for one subject, against when each was said, one mark per source.

Exact figures are dots, "about" figures open rings, ranges are drawn as
ranges: "up to" as a bar from the bottom of the axis to the figure, "more
than" and "at least" as a bar from the figure up to the top, "between" as a
bar between its two figures. A claim said on an uncertain date sits at the
middle of its bounds with a horizontal bar across them; a time with an offset
("early Monday" in a file whose ``[reading] zone`` is Europe/Kyiv) is on its
days in the timeline's zone, as in every query. Claims said on the
same day (marks that would stand closer than a few points) stand side by
side, centred on the day; bars are opaque, each in its source's colour, so
two ranges never blend into a colour the legend does not name.

The value axis is chosen from the figures (every figure of every claim drawn,
both ends of a range counted): linear when they all lie within a factor of
ten of each other (the largest less than ten times the smallest, all above
0), or when one is 0 or below; otherwise logarithmic, with ticks written as
plain numbers ("1,000", "10,000"). Labels are measured and placed where they
cross no other label, bar, arrow or mark, inside the axes.

:func:`claims_table` and :func:`save_claims_table` give the same claims as a
table (CSV or Markdown), one row a claim.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import os
import textwrap
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

import attrs
import matplotlib
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text

from chronology.dates import DateValue
from chronology.errors import ChronologyDeprecationWarning, PlotError
from chronology.events import Claim, Event
from chronology.exchange._describe import source_label, source_name
from chronology.exchange.as_csv import _defused  # the one rule for cells a spreadsheet would run as formulas
from chronology.exchange.markdown import _cell  # the one rule for Markdown table cells
from chronology.files._atomic import write_atomic
from chronology.index import NEG_DAY, POS_DAY, day_ends
from chronology.plot._axis import day_to_x, format_axis
from chronology.plot._fonts import drawing_fonts, strings_of
from chronology.plot._glyphs import drawable
from chronology.plot._output import renderer_of
from chronology.plot._scale import Scale as DayScale
from chronology.plot._style import FONT_SIZE, LANE_COLORS, RC
from chronology.quantity import Comparison
from chronology.timeline import Timeline

__all__ = ["TABLE_COLUMNS", "TABLE_FORMATS", "ClaimsPlot", "claims_table", "plot_claims", "save_claims_table"]

#: The value axis asked for: chosen from the figures, or fixed.
Scale = Literal["auto", "linear", "log"]
#: The formats of a claims table.
TableFormat = Literal["csv", "markdown"]
#: Table formats by file extension.
TABLE_FORMATS: Final[Mapping[str, TableFormat]] = {".csv": "csv", ".md": "markdown"}
#: The columns of a claims table in order. The figure as written ("up to 15,000"), its unit, what it is about,
#: who claims it, the source that carries it (as named in running text) and its id, when it was said (as the
#: library labels dates, then in EDTF), and the id of the event that holds the claim.
TABLE_COLUMNS: Final = (
    "figure",
    "unit",
    "subject",
    "claimant",
    "source",
    "source_id",
    "said",
    "said_edtf",
    "event_id",
)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display units (pixels)

_MARGIN: Final = 8.0  # points between the canvas edge and anything drawn
_GAP: Final = 6.0  # points between a mark and its label
_STEP: Final = 4.0  # points between the heights tried for a label
_SHIFTS: Final = (0.0, 15.0, 30.0, 60.0, 120.0)  # points further from its mark, sideways, tried for a label
_DOT: Final = 3.8  # points: the half-width of a mark, its edge included
_ARROW: Final = 14.0  # points: the length of the arrow at the open end of "up to" and "more than"
_RANGE_WIDTH: Final = 5.0  # points
_SPAN_WIDTH: Final = 2.0  # points
_RANGE_ALPHA: Final = 0.35  # how much of its source's colour a range bar takes, the rest the background's
_SPAN_ALPHA: Final = 0.6  # the same for the bar across the days a claim may have been said on
_DODGE: Final = 8.0  # points between the marks of claims said on the same day, set side by side
_BESIDE: Final = 3.5  # inches: the narrowest chart that has its legend beside it; a narrower one has it below
_MIN_AXES: Final = (1.5, 1.0)  # inches: the smallest chart (width, height) worth drawing beside its legend


@attrs.frozen(kw_only=True)
class ClaimsPlot:
    """What :func:`plot_claims` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        claims: the (event, claim) pairs drawn, in the order drawn.
        points: for each claim drawn, (x, y) of its mark (beside the others said on the same day).
        ranges: the vertical bars of "up to", "more than" and "between" claims.
        spans: the horizontal bars of claims said on uncertain dates.
        marks: the dots and rings.
        labels: one label a claim (the figure as said, and who claims it); one for the same figure from the
            same claimant said within a day, reported by several sources. Where a line is too long for the
            room there is, the claimant goes on a second line.
        colors: source id -> colour.
        subjects: the claims' subjects, in order; when there are several, each label ends with the letter of
            its subject ("[A]"), and ``key`` spells them out under the chart.
        key: the key of subjects (on a figure of its own), or ``None``.
        scale: the value axis drawn, ``"linear"`` or ``"log"``.
        arrows: the arrows at the open end of "up to", "fewer than", "more than" and "at least" bars.
        leaders: the thin lines from a mark to its label, where the label had to move away from the mark.

    """

    figure: Figure
    ax: Axes
    claims: tuple[tuple[Event, Claim], ...]
    points: tuple[tuple[float, float], ...]
    ranges: LineCollection | None
    spans: LineCollection | None
    marks: tuple[PathCollection, ...]
    labels: tuple[Text, ...]
    colors: dict[str, str]
    subjects: tuple[str, ...] = ()
    key: Text | None = None
    scale: Literal["linear", "log"] = "linear"
    arrows: tuple[Annotation, ...] = ()
    leaders: tuple[Annotation, ...] = ()


def plot_claims(
    timeline: Timeline,
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    scale: Scale = "auto",
    log: bool | None = None,
    width: float = 9.0,
    height: float = 5.0,
    dpi: float = 100.0,
    font: str | os.PathLike[str] | None = None,
) -> ClaimsPlot:
    """Draw the figures claimed about one subject against the dates they were said.

    Args:
        timeline: where the claims are.
        subject: text the claim's subject must contain (ignoring case), or a test of a claim;
            every claim when ``None``.
        unit: keep only claims in this unit ("soldiers").
        ax: the axes to draw on, any (those of a bare ``matplotlib.figure.Figure()`` too), left where they are;
            a new figure when ``None``.
        title: the title; when ``None``, "Figures claimed: " and the claims' subject (the ``subject`` text
            searched for when they are about several).
        scale: the value axis. ``"auto"`` (the default): linear when every figure (both ends of a range
            counted) is above 0 and the largest is less than ten times the smallest, or when a figure is 0 or
            below; logarithmic otherwise. ``"linear"`` or ``"log"`` to choose.
        log: deprecated, use ``scale``: ``True`` is ``scale="log"``, ``False`` is ``scale="linear"``.
        width: the width in inches of a new figure; the chart, its legend and its labels are fitted inside it.
        height: the height in inches of a new figure.
        dpi: the resolution of a new figure.
        font: a font file's path or an installed family's name, drawn in before DejaVu Sans; letters
            neither has are drawn in an installed font that has them, else as "□" (see ``plot_timeline``).

    Returns:
        What was drawn.

    Raises:
        PlotError: ``scale="log"`` with a figure of 0 or below (the message names it); a ``scale`` other than
            ``"auto"``, ``"linear"`` and ``"log"``; ``log`` together with a ``scale`` other than ``"auto"``;
            a new figure too small for the chart beside its legend (the message says how large it must be);
            a ``font`` that is neither a font file nor an installed family.

    Warns:
        MissingFontWarning: letters in no installed font, drawn as "□" (the message says how to get one).

    """
    asked = _asked_scale(scale, log)
    chosen = _chosen(timeline, subject, unit)
    drawn_scale = _scale_for(chosen, asked)
    words_drawn = strings_of(title, [event for event, _ in chosen], [claim for _, claim in chosen], timeline.sources)
    with matplotlib.rc_context(RC), drawing_fonts(words_drawn, font):
        own_figure = ax is None
        if ax is None:
            figure = Figure(figsize=(width, height), dpi=dpi)
            FigureCanvasAgg(figure)
            ax = figure.add_axes((0.1, 0.14, 0.64, 0.76))
        else:
            parent = ax.get_figure()
            if not isinstance(parent, Figure):
                raise TypeError("the axes must belong to a figure")
            figure = parent
        renderer = renderer_of(figure)
        sources = list(dict.fromkeys(c.source or "(unknown)" for _, c in chosen))
        colors = {s: LANE_COLORS[i % len(LANE_COLORS)] for i, s in enumerate(sources)}
        values = _figures(chosen)
        bottom, top = _limits(values, drawn_scale)
        ax.set_yscale(drawn_scale)
        ax.set_ylim(bottom, top)
        said = [_said_days(timeline.said(event, claim), timeline.zone_info) for event, claim in chosen]
        days = [day for pair in said for day in pair]
        if days:
            pad = max(2.0, (max(days) - min(days)) * 0.08)
            format_axis(ax, DayScale.plain(min(days) - pad, max(days) + 1 + pad))  # any year, BCE too
        _value_axis(ax, drawn_scale, bottom, top, integral=all(float(v).is_integer() for v in values))
        subjects = tuple(dict.fromkeys(c.subject for _, c in chosen))
        letters = {name: _letter(i) for i, name in enumerate(subjects)} if len(subjects) > 1 else {}
        heading = drawable(_heading(title, subject, subjects))
        title_text = ax.set_title(heading, loc="left", fontsize=FONT_SIZE + 3, weight="bold")
        ax.set_ylabel(drawable(_unit_label(chosen)), fontsize=FONT_SIZE + 0.5)
        ax.set_xlabel("when it was said", fontsize=FONT_SIZE + 0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        background = ax.get_facecolor()
        handles = _legend_handles(chosen, sources, colors, timeline, said, background)
        legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, title="source")
        key = _subject_key(figure, renderer, letters) if letters and own_figure else None
        if own_figure:
            legend = _fit(figure, ax, renderer, legend, handles, key, title_text)
        # The axes have their place: claims said on the same day are set side by side, so many points apart.
        origins = [
            (day_to_x((first + last + 1) / 2), _anchor_value(claim, drawn_scale))
            for (first, last), (_, claim) in zip(said, chosen, strict=True)
        ]
        xs = _dodged(ax, [x for x, _ in origins])
        points = [(x, y) for x, (_, y) in zip(xs, origins, strict=True)]
        ranges: list[list[tuple[float, float]]] = []
        range_colors: list[tuple[float, float, float]] = []
        spans: list[list[tuple[float, float]]] = []
        span_colors: list[tuple[float, float, float]] = []
        dots: dict[bool, tuple[list[float], list[float], list[str]]] = {True: ([], [], []), False: ([], [], [])}
        owners: dict[str, list[int]] = {"ranges": [], "spans": [], "arrows": []}  # the claim each bar belongs to
        for number, ((_, claim), (first, last), (x, y)) in enumerate(zip(chosen, said, points, strict=True)):
            color = colors[claim.source or "(unknown)"]
            value = claim.value
            if last > first:
                spans.append([(day_to_x(first), y), (day_to_x(last + 1), y)])
                span_colors.append(_opaque(color, _SPAN_ALPHA, background))
                owners["spans"].append(number)
            bar = _bar(claim, x, y, bottom, top)
            if bar is not None:
                ranges.append(bar)
                range_colors.append(_opaque(color, _RANGE_ALPHA, background))
                owners["ranges"].append(number)
            exact = value.comparison is not Comparison.ABOUT
            dots[exact][0].append(x)
            dots[exact][1].append(y)
            dots[exact][2].append(color)
        range_lines = spans_lines = None
        if ranges:  # opaque, lightened: where two bars meet, neither takes the other's colour
            range_lines = LineCollection(
                ranges, colors=range_colors, linewidths=_RANGE_WIDTH, zorder=2, capstyle="butt"
            )
            ax.add_collection(range_lines, autolim=False)
        if spans:
            spans_lines = LineCollection(
                _stacked(ax, spans), colors=span_colors, linewidths=_SPAN_WIDTH, zorder=2.5, capstyle="butt"
            )
            ax.add_collection(spans_lines, autolim=False)
        marks = []
        for exact, (mark_xs, mark_ys, cs) in dots.items():
            if mark_xs:
                if exact:
                    marks.append(ax.scatter(mark_xs, mark_ys, s=28, c=cs, zorder=4, edgecolors="white", linewidths=0.6))
                else:
                    marks.append(
                        ax.scatter(mark_xs, mark_ys, s=34, facecolors="white", edgecolors=cs, linewidths=1.5, zorder=4)
                    )
        arrows = []
        for number, ((_, claim), (x, _y)) in enumerate(zip(chosen, points, strict=True)):
            direction = _arrow(claim)
            if direction:
                owners["arrows"].append(number)
                end = 0.0 if direction == "down" else 1.0
                arrows.append(
                    ax.annotate(
                        "",
                        xy=(x, end),
                        xycoords=("data", "axes fraction"),
                        xytext=(0, _ARROW if direction == "down" else -_ARROW),
                        textcoords="offset points",
                        arrowprops={
                            "arrowstyle": "->",
                            "color": colors[claim.source or "(unknown)"],
                            "lw": 1,
                            "shrinkA": 0,
                            "shrinkB": 1,
                        },
                    )
                )
        obstacles = _obstacles(ax, range_lines, spans_lines, arrows)
        owned = [*owners["ranges"], *owners["spans"], *owners["arrows"]]  # in the order of the obstacles
        labels, leaders = _label(ax, renderer, chosen, points, origins, letters, obstacles, owned)
    return ClaimsPlot(
        figure=figure,
        ax=ax,
        claims=tuple(chosen),
        points=tuple(points),
        ranges=range_lines,
        spans=spans_lines,
        marks=tuple(marks),
        labels=labels,
        colors=colors,
        subjects=subjects,
        key=key,
        scale=drawn_scale,
        arrows=tuple(arrows),
        leaders=leaders,
    )


def claims_table(
    timeline: Timeline,
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
    format: TableFormat = "csv",
) -> str:
    """The claims :func:`plot_claims` draws for the same ``subject`` and ``unit``, as a table: one row a claim.

    The columns are :data:`~chronology.plot.claims.TABLE_COLUMNS`, the rows in the order the claims are drawn.

    CSV: a header row, cells quoted as CSV needs, lines ending in CRLF (RFC 4180), and a cell that a
    spreadsheet would run as a formula (a claimant written ``=HYPERLINK(...)``) written with a leading
    ``'``, as :func:`~chronology.exchange.as_csv.to_csv` writes it. Markdown: a table whose cells are escaped to
    show as written (``|`` and Markdown's punctuation get a backslash).

    Args:
        timeline: where the claims are.
        subject: as for :func:`plot_claims`.
        unit: as for :func:`plot_claims`.
        format: ``"csv"`` or ``"markdown"``.

    Returns:
        The table as text, ending in a line break.

    Raises:
        PlotError: a format other than ``"csv"`` and ``"markdown"``.

    """
    rows = [_row(timeline, event, claim) for event, claim in _chosen(timeline, subject, unit)]
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(TABLE_COLUMNS)
        for row in rows:
            writer.writerow([_defused(row[column]) for column in TABLE_COLUMNS])
        return out.getvalue()
    if format == "markdown":
        lines = ["| " + " | ".join(TABLE_COLUMNS) + " |", "|" + " --- |" * len(TABLE_COLUMNS)]
        lines += ["| " + " | ".join(_cell(row[column]) for column in TABLE_COLUMNS) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    raise PlotError(f"format {format!r} is not a claims table format; use 'csv' or 'markdown'")


def save_claims_table(
    timeline: Timeline,
    path: str | os.PathLike[str],
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
) -> Path:
    """Write :func:`claims_table` to ``path``, CSV or Markdown by its extension, atomically.

    The file is written through a temporary file renamed over it (a reader sees the old table or the new,
    never half of one); a symbolic link is written through, not replaced.

    Args:
        timeline: where the claims are.
        path: ``claims.csv`` or ``claims.md``.
        subject: as for :func:`plot_claims`.
        unit: as for :func:`plot_claims`.

    Returns:
        ``path``.

    Raises:
        PlotError: an extension other than ``.csv`` and ``.md``; nothing is written.
        OSError: the file could not be written; it is as it was.

    """
    target = Path(path)
    format_name = TABLE_FORMATS.get(target.suffix.lower())
    if format_name is None:
        accepted = " or ".join(TABLE_FORMATS)
        raise PlotError(
            f"cannot write a claims table to {str(target)!r}: the extension says the format; "
            f"use {accepted} ({str(target.with_suffix('.csv'))!r} or {str(target.with_suffix('.md'))!r})"
        )
    text = claims_table(timeline, subject=subject, unit=unit, format=format_name)
    write_atomic(Path(os.path.realpath(target)), text)
    return target


def _chosen(
    timeline: Timeline, subject: str | Callable[[Claim], bool] | None, unit: str | None
) -> list[tuple[Event, Claim]]:
    return [(e, c) for e, c in timeline.claims() if _wanted(c, subject) and (unit is None or c.unit == unit)]


def _row(timeline: Timeline, event: Event, claim: Claim) -> dict[str, str]:
    said = timeline.said(event, claim)
    return {
        "figure": claim.value.text or claim.value.label,
        "unit": claim.unit,
        "subject": claim.subject,
        "claimant": claim.claimant,
        "source": source_name(claim.source, timeline.sources) if claim.source else "",
        "source_id": claim.source or "",
        "said": said.label,
        "said_edtf": said.to_edtf(),
        "event_id": event.id,
    }


def _wanted(claim: Claim, subject: str | Callable[[Claim], bool] | None) -> bool:
    if subject is None:
        return True
    if callable(subject):
        return subject(claim)
    return subject.casefold() in claim.subject.casefold()


# -- the value axis ----------------------------------------------------------------------------------------


def _asked_scale(scale: object, log: bool | None) -> Scale:
    """The scale asked for, from ``scale`` and the deprecated ``log``."""
    known: dict[object, Scale] = {"auto": "auto", "linear": "linear", "log": "log"}
    if not isinstance(scale, str) or scale not in known:
        raise PlotError(f"scale {scale!r} is not a scale of the claims chart; use 'auto', 'linear' or 'log'")
    if log is None:
        return known[scale]
    replacement: Scale = "log" if log else "linear"
    if scale != "auto":
        raise PlotError(f"log={log!r} and scale={scale!r} both choose the scale; give scale={replacement!r} alone")
    warnings.warn(
        f"plot_claims(log={log!r}) is deprecated: write scale={replacement!r} (or leave the scale to be chosen "
        "from the figures, scale='auto')",
        ChronologyDeprecationWarning,
        stacklevel=3,
    )
    return replacement


def _figures(chosen: Sequence[tuple[Event, Claim]]) -> list[float]:
    """Every figure claimed, both ends of a range."""
    return [float(v) for _, c in chosen for v in (c.value.low, c.value.high) if v is not None]


def _scale_for(chosen: Sequence[tuple[Event, Claim]], asked: Scale) -> Literal["linear", "log"]:
    """The scale drawn: the one asked for, or for ``"auto"`` the one the figures call for."""
    if asked == "log":
        for event, claim in chosen:
            bad = [v for v in (claim.value.low, claim.value.high) if v is not None and v <= 0]
            if bad:
                figure = claim.value.text or claim.value.label
                who = f" by {claim.claimant}" if claim.claimant else ""
                raise PlotError(
                    f"cannot draw the figure {figure!r} (claimed{who}, event {event.id!r}) on a log scale, which "
                    "shows figures above 0 only; draw it on a linear scale (scale='linear', --scale linear on "
                    "the command line), or let the scale be chosen from the figures (scale='auto')"
                )
        return "log"
    if asked == "linear":
        return "linear"
    values = _figures(chosen)
    if not values or min(values) <= 0 or max(values) < 10 * min(values):
        return "linear"
    return "log"


def _limits(values: Sequence[float], scale: Literal["linear", "log"]) -> tuple[float, float]:
    """The bottom and top of the value axis: room above and below the figures (0 in view on a linear axis)."""
    low, high = (min(values), max(values)) if values else (1.0, 1.0)
    if scale == "log":
        return low / 3, high * 3
    bottom = min(0.0, low * 1.2)
    top = max(0.0, high * 1.2)
    return (bottom, top) if top > bottom else (bottom, bottom + 1)


def _anchor_value(claim: Claim, scale: Literal["linear", "log"]) -> float:
    """Where a claim's mark sits: its figure; between the two of a range (the geometric mean on a log axis)."""
    value = claim.value
    number = value.high if value.low is None else value.low
    if value.comparison is Comparison.BETWEEN and value.low is not None and value.high is not None:
        both = value.low * value.high
        number = both**0.5 if scale == "log" else (value.low + value.high) / 2
    return float(number if number is not None else 0)


def _plain_number(value: float) -> str:
    """A tick label as a person writes the number: ``10``, ``1,000``, ``0.5``, ``2.5``; never ``10³``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def _value_axis(ax: Axes, scale: Literal["linear", "log"], bottom: float, top: float, *, integral: bool) -> None:
    """Ticks with plain labels ("1,000", never "10³"), on round steps.

    On a log axis, every power of ten; when fewer than three are in view, 2 and 5 times each power too
    (labelled), otherwise unlabelled minor ticks between them.
    """
    plain = ticker.FuncFormatter(lambda v, _: _plain_number(v))
    if scale == "log":
        powers = math.floor(math.log10(top)) - math.ceil(math.log10(bottom)) + 1
        ax.yaxis.set_major_locator(ticker.LogLocator(base=10))
        ax.yaxis.set_major_formatter(plain)
        if powers < 3:
            ax.yaxis.set_minor_locator(ticker.LogLocator(base=10, subs=(2.0, 5.0)))
            ax.yaxis.set_minor_formatter(plain)
        else:
            ax.yaxis.set_minor_locator(ticker.LogLocator(base=10, subs=tuple(range(2, 10))))
            ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    else:
        ax.yaxis.set_major_locator(ticker.MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=integral))
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(ticker.NullFormatter())


def _heading(title: str | None, subject: object, subjects: Sequence[str]) -> str:
    """The title: as given; else "Figures claimed: " and what the claims are about.

    That is the claims' own subject when they are about one, the text searched for when about several.
    """
    if title is not None:
        return title
    if len(subjects) == 1:
        return f"Figures claimed: {subjects[0]}"
    if isinstance(subject, str):
        return f"Figures claimed: {subject}"
    return "Figures claimed"


def _bar(claim: Claim, x: float, y: float, bottom: float, top: float) -> list[tuple[float, float]] | None:
    """The vertical bar of a range; ``None`` for a single figure.

    "Up to" runs from the bottom to its figure, "more than" from it to the top, "between" from one figure to
    the other.
    """
    value = claim.value
    if value.comparison in (Comparison.UP_TO, Comparison.FEWER_THAN):
        return [(x, bottom), (x, y)]
    if value.comparison in (Comparison.MORE_THAN, Comparison.AT_LEAST):
        return [(x, y), (x, top)]
    if value.comparison is Comparison.BETWEEN and value.low is not None and value.high is not None:
        return [(x, value.low), (x, value.high)]
    return None


def _opaque(color: str, alpha: float, background: Any) -> tuple[float, float, float]:
    """``color`` seen at ``alpha`` over ``background``, as one opaque colour.

    Bars drawn in it cover one another where they meet instead of mixing into a colour no legend names.
    """
    back = to_rgba(background)
    base = back[:3] if back[3] > 0 else (1.0, 1.0, 1.0)  # axes with no background: over white paper
    front = to_rgb(color)
    mixed = [alpha * f + (1 - alpha) * b for f, b in zip(front, base, strict=True)]
    return (mixed[0], mixed[1], mixed[2])


def _dodged(ax: Axes, xs: Sequence[float]) -> list[float]:
    """The x of each claim's mark, set side by side with those that would stand on or against it.

    A mark stands at the middle of the days it may have been said on. Marks less than :data:`_DODGE` points
    apart (claims said on the same day, or on days drawn that close) stand side by side instead,
    :data:`_DODGE` points apart, in the order drawn, the row centred where they would have stood; so do
    their bars, each in its own colour, never one over the other.
    """
    if not xs:
        return []
    figure = ax.get_figure()
    assert figure is not None
    step = _DODGE * figure.dpi / 72
    level = ax.get_ylim()[1]  # any y in view: 0 has no place on a log axis
    pixels = [float(ax.transData.transform((x, level))[0]) for x in xs]
    rows: list[list[int]] = []  # runs of marks side by side, left to right

    def centre(row: Sequence[int]) -> float:
        return sum(pixels[i] for i in row) / len(row)

    for i in sorted(range(len(xs)), key=lambda i: (pixels[i], i)):
        rows.append([i])
        while len(rows) > 1 and centre(rows[-2]) + len(rows[-2]) * step / 2 > (
            centre(rows[-1]) - len(rows[-1]) * step / 2 + 1e-6
        ):
            last = rows.pop()
            rows[-1] += last
    placed = list(xs)
    back = ax.transData.inverted()
    for row in rows:
        if len(row) > 1:
            middle = centre(row)
            for j, i in enumerate(row):
                at = middle + (j - (len(row) - 1) / 2) * step
                placed[i] = float(back.transform((at, 0.0))[0])
    return placed


def _stacked(ax: Axes, spans: Sequence[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """The horizontal bars, none lying on another.

    A bar that would lie on one drawn before it, over the same days (the same figure said on the same
    uncertain dates, reported by two sources), moves up or down by whole bar widths.
    """
    figure = ax.get_figure()
    assert figure is not None
    step = (_SPAN_WIDTH + 1) * figure.dpi / 72
    taken: list[tuple[float, float, float]] = []  # x0, x1, y in pixels
    back = ax.transData.inverted()
    stacked = []
    for segment in spans:
        (x0, y0), (x1, _) = ax.transData.transform(segment)
        for shift in itertools.chain.from_iterable((k, -k) for k in range(len(spans) + 1)):
            y = y0 + shift * step
            if not any(a < x1 and x0 < b and abs(y - c) < step - 0.01 for a, b, c in taken):
                break
        taken.append((x0, x1, y))
        height = float(back.transform((x0, y))[1])
        stacked.append([(segment[0][0], height), (segment[1][0], height)])
    return stacked


def _said_days(said: DateValue, zone: ZoneInfo | None) -> tuple[int, int]:
    """The first and last day a claim may have been said; an open or unknown end is taken at the known one.

    A time with an offset is on its day in ``zone`` (the timeline's; UTC when None), as every query places it.
    """
    first, _, _, last = day_ends(said, zone=zone)
    if first <= NEG_DAY:
        first = last
    if last >= POS_DAY:
        last = first
    return first, last


def _arrow(claim: Claim) -> str:
    if claim.value.comparison in (Comparison.UP_TO, Comparison.FEWER_THAN):
        return "down"
    if claim.value.comparison in (Comparison.MORE_THAN, Comparison.AT_LEAST):
        return "up"
    return ""


def _unit_label(chosen: Sequence[tuple[Event, Claim]]) -> str:
    units = sorted({c.unit for _, c in chosen if c.unit})
    return ", ".join(units) if units else "value"


def _legend_handles(
    chosen: Sequence[tuple[Event, Claim]],
    sources: Sequence[str],
    colors: Mapping[str, str],
    timeline: Timeline,
    said: Sequence[tuple[int, int]],
    background: Any,
) -> list[Line2D]:
    """One entry a source, then the kinds of mark drawn.

    Exact, "about", ranges (naming the kinds there are), and the bar across the days of a claim said on an
    uncertain date.
    """
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colors[s], label=drawable(source_label(s, timeline.sources)))
        for s in sources
    ]
    comparisons = {c.value.comparison for _, c in chosen}
    if comparisons - {Comparison.ABOUT}:
        handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", label="figure as stated"))
    if Comparison.ABOUT in comparisons:
        handles.append(
            Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color="#555555", label="“about”")
        )
    between = next((c.value for _, c in chosen if c.value.comparison is Comparison.BETWEEN), None)
    kinds = [
        name
        for name, members in (
            ("“up to”", {Comparison.UP_TO, Comparison.FEWER_THAN}),
            ("“more than”", {Comparison.MORE_THAN, Comparison.AT_LEAST}),
            (f"“{between.text or between.label}”" if between else "", {Comparison.BETWEEN}),
        )
        if comparisons & members
    ]
    grey = "#555555"
    if kinds:
        handles.append(
            Line2D(
                [],
                [],
                marker="|",
                markersize=12,
                markeredgewidth=_RANGE_WIDTH,
                linestyle="",
                color=_opaque(grey, _RANGE_ALPHA, background),
                label="range: " + ", ".join(kinds),
            )
        )
    if any(last > first for first, last in said):
        handles.append(
            Line2D(
                [],
                [],
                linewidth=_SPAN_WIDTH,
                color=_opaque(grey, _SPAN_ALPHA, background),
                label="said on a day between the bar’s ends",
            )
        )
    return handles


# -- fitting the chart into its figure ------------------------------------------------------------------------


def _fit(
    figure: Figure, ax: Axes, renderer: Any, legend: Legend, handles: Sequence[Line2D], key: Text | None, title: Text
) -> Legend:
    """Place the axes so that its tick labels, axis labels, title, legend and the key fit inside the figure.

    Measured, not guessed: the margins are the extents of what sits around the axes, so the chart uses the
    width there is, from 6 inches to 30 and beyond. The legend stands beside the chart; where that would
    leave the chart less than :data:`_BESIDE` inches wide, it goes under the chart instead, in as many
    columns as the width takes.

    Returns:
        The legend, beside the chart or under it.

    Raises:
        PlotError: the figure leaves less than :data:`_MIN_AXES` for the chart itself, or has no room for
            its legend (the message says how large it must be).

    """
    points = figure.dpi / 72
    margin = _MARGIN * points
    width, height = figure.bbox.width, figure.bbox.height
    key_height = key.get_window_extent(renderer).height + margin if key is not None else 0.0
    x0, y0, x1, y1 = _place_axes(figure, ax, renderer, legend, key_height, title, under=False)
    under = x1 - x0 < _BESIDE * figure.dpi
    if under:
        legend.remove()
        legend = _legend_under(figure, ax, renderer, handles, margin, margin + key_height)
        x0, y0, x1, y1 = _place_axes(figure, ax, renderer, legend, key_height, title, under=True)
    if x1 - x0 < _MIN_AXES[0] * figure.dpi or y1 - y0 < _MIN_AXES[1] * figure.dpi:
        need_w = (width + max(0.0, _MIN_AXES[0] * figure.dpi - (x1 - x0))) / figure.dpi
        need_h = (height + max(0.0, _MIN_AXES[1] * figure.dpi - (y1 - y0))) / figure.dpi
        raise PlotError(
            f"a claims chart of {width / figure.dpi:g} by {height / figure.dpi:g} inches has no room for the "
            f"chart beside its legend, axis labels and key; make it at least {math.ceil(need_w * 2) / 2:g} "
            f"inches wide and {math.ceil(need_h * 2) / 2:g} high"
        )
    shown = legend.get_window_extent(renderer)
    if shown.x1 > width - margin + 0.5:
        need = (shown.width + 2 * margin) / figure.dpi
        raise PlotError(
            f"a claims chart {width / figure.dpi:g} inches wide has no room for its legend of "
            f"{len(legend.get_texts())} entries; make it at least {math.ceil(need * 2) / 2:g} inches wide"
        )
    if not under and shown.y0 < margin + key_height:
        need = (height + margin + key_height - shown.y0) / figure.dpi
        raise PlotError(
            f"a claims chart {height / figure.dpi:g} inches high has no room for its legend of "
            f"{len(legend.get_texts())} entries; make it at least {math.ceil(need * 2) / 2:g} inches high"
        )
    return legend


def _place_axes(
    figure: Figure, ax: Axes, renderer: Any, legend: Legend, key_height: float, title: Text, *, under: bool
) -> tuple[float, float, float, float]:
    """Move the axes to the room the texts around it leave (the legend beside it, or ``under`` it).

    Returns:
        The room for the axes: x0, y0, x1, y1 in pixels. The axes are not moved where it is too small.

    """
    margin = _MARGIN * figure.dpi / 72
    width, height = figure.bbox.width, figure.bbox.height
    heading = title.get_text()
    unit = ax.yaxis.label
    unit_text = unit.get_text().replace("\n", " ")
    room = (0.0, 0.0, 0.0, 0.0)
    for _ in range(3):  # tick labels change with the room there is: measure again
        box = ax.bbox
        _wrap(unit, unit_text, box.height, renderer, along="height")  # the unit, as long as the axis is high
        below = ax.xaxis.get_tightbbox(renderer)
        beside = ax.yaxis.get_tightbbox(renderer)
        shown = legend.get_window_extent(renderer)
        left = box.x0 - min(beside.x0 if beside is not None else box.x0, below.x0 if below is not None else box.x0)
        right = max(0.0, (below.x1 if below is not None else box.x1) - box.x1)  # a tick label sticking out
        bottom = box.y0 - (below.y0 if below is not None else box.y0)
        if under:
            bottom += shown.height + margin
        else:
            right = max(right, shown.x1 - box.x1)
        x0 = margin + left
        _wrap(title, heading, width - margin - x0, renderer)
        top = title.get_window_extent(renderer).y1 - box.y1 if heading else 0.0
        room = (x0, margin + key_height + bottom, width - margin - right, height - margin - max(top, 0.0))
        if room[2] - room[0] < _MIN_AXES[0] * figure.dpi or room[3] - room[1] < _MIN_AXES[1] * figure.dpi:
            return room
        place = (room[0] / width, room[1] / height, (room[2] - room[0]) / width, (room[3] - room[1]) / height)
        if np.allclose(ax.get_position().bounds, place, atol=0.5 / max(width, height)):
            break  # within half a pixel of where it is: settled
        ax.set_position(place)
    _wrap(unit, unit_text, ax.bbox.height, renderer, along="height")
    return room


def _legend_under(
    figure: Figure, ax: Axes, renderer: Any, handles: Sequence[Line2D], left: float, bottom: float
) -> Legend:
    """The legend under the chart, ``left`` and ``bottom`` pixels from the figure's edges.

    In as many columns as the width of the figure takes; one when none do.
    """
    room = figure.bbox.width - 2 * left
    legend = None
    for columns in range(len(handles), 0, -1):
        if legend is not None:
            legend.remove()
        legend = ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(left / figure.bbox.width, bottom / figure.bbox.height),
            bbox_transform=figure.transFigure,
            ncols=columns,
            frameon=False,
            title="source",
            alignment="left",
        )
        if legend.get_window_extent(renderer).width <= room:
            break
    assert legend is not None
    return legend


def _wrap(text: Text, whole: str, room: float, renderer: Any, *, along: Literal["width", "height"] = "width") -> None:
    """Set ``text`` to ``whole``, wrapped onto as few lines as keep it within ``room`` pixels long.

    Its length is its ``width``, or its ``height`` for a text turned upright (the label of the value axis).
    """
    text.set_text(whole)
    chars = len(whole)
    wide = getattr(text.get_window_extent(renderer), along)
    while chars > 8 and wide > room:
        chars = min(int(chars * 0.95), int(chars * room / wide))  # as many characters as the room takes, or fewer
        text.set_text(textwrap.fill(whole, chars, break_long_words=False))
        wide = getattr(text.get_window_extent(renderer), along)


def _subject_key(figure: Figure, renderer: Any, letters: Mapping[str, str]) -> Text:
    """Under the chart, what each subject letter stands for, wrapped to the width of the figure."""
    whole = drawable("; ".join(f"[{letter}] {name}" for name, letter in letters.items()))
    margin = _MARGIN / 72
    key = figure.text(
        margin / figure.get_figwidth(),
        margin / figure.get_figheight(),
        whole,
        ha="left",
        va="bottom",
        fontsize=FONT_SIZE - 1,
        color="#555555",
    )
    _wrap(key, whole, figure.bbox.width - 2 * _MARGIN * figure.dpi / 72, renderer)
    return key


# -- labels ---------------------------------------------------------------------------------------------------


def _letter(index: int) -> str:
    """A, B, ... Z, then 27, 28, ...: the mark of the index-th subject."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _label_parts(claim: Claim, letters: Mapping[str, str]) -> tuple[str, str]:
    """The figure as said, and who claims it with the letter of its subject: ``up to 15,000``, ``Kyiv [B]``."""
    figure = claim.value.text or claim.value.label
    who = claim.claimant or claim.source or ""
    if claim.subject in letters:
        who = f"{who} [{letters[claim.subject]}]".strip()
    return drawable(figure), drawable(who)


def _variants(figure: str, who: str) -> list[tuple[str, int]]:
    """The ways to write a label, each with its number of lines beyond the first.

    One line first, then the claimant under the figure, wrapped narrower and narrower ("(2 sources)" kept
    on one line).
    """
    variants = [(f"{figure} — {who}" if who else figure, 0)]
    if who:
        joined = who.replace(" sources)", "\u00a0sources)")
        for chars in (None, 30, 20):
            wrapped = [line.replace("\u00a0", " ") for line in textwrap.wrap(joined, chars)] if chars else [who]
            lines = [figure, *wrapped]
            variant = ("\n".join(lines), len(lines) - 1)
            if variant not in variants:
                variants.append(variant)
    return variants


def _obstacles(
    ax: Axes,
    ranges: LineCollection | None,
    spans: LineCollection | None,
    arrows: Sequence[Annotation],
) -> list[Box]:
    """The extents of the bars and arrows drawn, which no label may cross."""
    points = ax.get_figure().dpi / 72  # type: ignore[union-attr]
    boxes: list[Box] = []
    for lines, half in ((ranges, _RANGE_WIDTH / 2), (spans, _SPAN_WIDTH / 2)):
        if lines is None:
            continue
        for segment in lines.get_segments():
            (x0, y0), (x1, y1) = ax.transData.transform(segment)
            pad = half * points + 0.5
            boxes.append((min(x0, x1) - pad, min(y0, y1) - pad, max(x0, x1) + pad, max(y0, y1) + pad))
    for arrow in arrows:
        tip = arrow.xy
        x = ax.transData.transform((tip[0], ax.get_ylim()[1]))[0]  # a y in view: 0 has no place on a log axis
        y = ax.transAxes.transform((0, tip[1]))[1]
        length, half = _ARROW * points, 4 * points
        low, high = (y, y + length) if tip[1] == 0 else (y - length, y)
        boxes.append((x - half, low - half, x + half, high + half))
    return boxes


def _label(
    ax: Axes,
    renderer: Any,
    chosen: Sequence[tuple[Event, Claim]],
    points: Sequence[tuple[float, float]],
    origins: Sequence[tuple[float, float]],
    letters: Mapping[str, str],
    obstacles: Sequence[Box],
    owned: Sequence[int],
) -> tuple[tuple[Text, ...], tuple[Annotation, ...]]:
    """Labels beside each mark, where they meet no other label, bar, arrow, mark or text, inside the axes.

    Every place within the height of the axes is considered, on both sides of the mark, in one line or with
    the claimant on lines of its own; the one closest to the mark wins (beside it, toward the middle of the
    chart, on one line is best). A label moved off its mark gets a thin leader line, which crosses no label
    or other mark, nor, where it can, another claim's bar or arrow (``owned``: the claim of each obstacle).
    Labels are placed from left to right; when one finds no free place, they are placed again with it first.
    The same figure from the same claimant, said within a day and reported by several sources, is labelled
    once, saying how many sources report it (their marks stay apart, one colour each): ``points`` are where
    the marks are drawn, ``origins`` where they would stand before being set side by side.
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    scale = figure.dpi / 72  # pixels a point
    marks = np.array([ax.transData.transform(point) for point in points]).reshape(-1, 2)
    dot = _DOT * scale
    mark_boxes = np.column_stack([marks - dot, marks + dot]) if len(marks) else np.empty((0, 4))
    area = ax.bbox
    inside = (area.x0 + 1, area.y0 + 1, area.x1 - 1, area.y1 - 1)
    order = sorted(range(len(points)), key=lambda i: (points[i][0], -points[i][1]))
    groups: list[tuple[tuple[str, str], list[int]]] = []
    for i in order:
        parts = _label_parts(chosen[i][1], letters)
        same = next((g for g in groups if g[0] == parts and _close(origins[g[1][0]], origins[i])), None)
        if same is None:
            groups.append((parts, [i]))
        else:
            same[1].append(i)
    steps = int(area.height / (_STEP * scale)) + 1
    offsets = [0.0] + [step * _STEP * sign for step in range(1, steps + 1) for sign in (1, -1)]
    options = [
        _candidates(ax, renderer, marks, members, figure_text, who, offsets, inside, dot + 1)
        for (figure_text, who), members in groups
    ]
    fixed = np.array(list(obstacles), dtype=float).reshape(-1, 4)
    attempt = list(range(len(groups)))
    best: tuple[dict[int, _Candidate], list[int]] | None = None
    for _ in range(4):
        picks, stuck = _place(attempt, groups, options, mark_boxes, fixed, np.array(owned, dtype=int))
        if best is None or len(stuck) < len(best[1]):
            best = (picks, stuck)
        if not stuck:
            break
        attempt = stuck + [g for g in attempt if g not in stuck]
    assert best is not None
    labels: list[Text] = []
    leaders: list[Annotation] = []
    for number in range(len(groups)):
        pick = best[0][number]
        labels.append(
            ax.annotate(
                pick.text,
                points[pick.anchor],
                xytext=(pick.dx, pick.dy),
                textcoords="offset points",
                fontsize=FONT_SIZE - 0.5,
                va="center",
                ha=pick.align,
                linespacing=1.1,
            )
        )
        if pick.moved:  # moved off its mark: a thin leader line, drawn apart, shows whose label it is
            leaders.append(
                ax.annotate(
                    "",
                    points[pick.anchor],
                    xytext=(pick.dx, pick.dy),
                    textcoords="offset points",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5, "shrinkA": 0, "shrinkB": 2},
                )
            )
    return tuple(labels), tuple(leaders)


@attrs.frozen
class _Candidate:
    """One place a label may take: ``dx`` and ``dy`` points from its anchor mark, on the side ``align`` says."""

    cost: float
    anchor: int
    align: str  # "right": left of the mark; "left": right of it
    dx: float
    dy: float
    text: str
    box: Box
    lead: Box  # the leader line from beside the mark to the label's near side: x0, y0, x1, y1

    @property
    def moved(self) -> bool:
        """Whether the label is away from its mark (and needs a leader line to show whose it is)."""
        return self.dy != 0 or abs(self.dx) > _GAP


def _candidates(
    ax: Axes,
    renderer: Any,
    marks: np.ndarray,
    members: Sequence[int],
    figure_text: str,
    who: str,
    offsets: Sequence[float],
    inside: Box,
    skip: float,
) -> list[_Candidate]:
    """Every place inside the axes a group's label may take, cheapest first.

    A leader line starts ``skip`` pixels from the centre of the mark, off the mark itself (and off any mark
    drawn at the same place).
    """
    scale = ax.get_figure().dpi / 72  # type: ignore[union-attr]
    who = f"{who} ({len(members)} sources)" if len(members) > 1 else who
    across = ax.transAxes.inverted().transform(marks[members[0]])[0]
    preferred = "right" if across > 0.55 else "left"  # ha: a label toward the middle, off the legend
    found: list[_Candidate] = []
    for text, extra_lines in _variants(figure_text, who):
        width, height = _measure(ax, renderer, text)
        for align in ("right", "left"):
            anchor = (
                min(members, key=lambda m: marks[m][0]) if align == "right" else max(members, key=lambda m: marks[m][0])
            )
            x, y = marks[anchor]
            for shift in _SHIFTS:
                dx = -(_GAP + shift) if align == "right" else _GAP + shift
                edge = x + dx * scale
                x0, x1 = (edge - width, edge) if align == "right" else (edge, edge + width)
                if x0 < inside[0] or x1 > inside[2]:
                    continue
                for dy in offsets:
                    middle = y + dy * scale
                    if middle - height / 2 < inside[1] or middle + height / 2 > inside[3]:
                        continue
                    cost = abs(dy) + shift + 10 * extra_lines + (0 if align == preferred else 12)
                    box = (x0, middle - height / 2, x1, middle + height / 2)
                    found.append(_Candidate(cost, anchor, align, dx, dy, text, box, _lead(x, y, edge, middle, skip)))
    if not found:  # no room inside the axes: beside its mark after all
        width, height = _measure(ax, renderer, f"{figure_text} — {who}")
        anchor = members[0]
        x, y = marks[anchor]
        box = (x + _GAP * scale, y - height / 2, x + _GAP * scale + width, y + height / 2)
        found.append(_Candidate(0.0, anchor, "left", _GAP, 0.0, f"{figure_text} — {who}", box, (x, y, x, y)))
    found.sort(key=lambda c: c.cost)
    return found


def _place(
    order: Sequence[int],
    groups: Sequence[tuple[tuple[str, str], list[int]]],
    options: Sequence[Sequence[_Candidate]],
    mark_boxes: np.ndarray,
    fixed: np.ndarray,
    owned: np.ndarray,
) -> tuple[dict[int, _Candidate], list[int]]:
    """The place each group's label takes, placed in ``order``; and the groups that found no free place.

    The cheapest free place whose leader crosses no other claim's bar or arrow (``fixed``, each belonging to
    the claim ``owned`` says) is taken; where there is none, the cheapest whose leader crosses only those.
    """
    placed: list[Box] = []  # labels
    threads: list[Box] = []  # leader lines
    picks: dict[int, _Candidate] = {}
    stuck: list[int] = []
    pad = np.array((-1.0, -1.0, 1.0, 1.0))  # a leader passing within a pixel of a label runs into it
    for number in order:
        members = groups[number][1]
        candidates = options[number]
        others = np.array([b for g, b in enumerate(mark_boxes) if g not in members]).reshape(-1, 4)
        boxes = np.array([c.box for c in candidates])
        leads = np.array([c.lead for c in candidates])
        moved = np.array([c.moved for c in candidates])
        lines = np.array(threads).reshape(-1, 4)
        labels = np.array(placed).reshape(-1, 4)
        hits = _hits(boxes, np.vstack([fixed, mark_boxes, labels]))
        blocking = np.vstack([labels, others])
        foreign = fixed[~np.isin(owned, members)] if len(fixed) else fixed
        pick = None
        free = np.flatnonzero(hits == 0)
        for strict in (np.vstack([blocking, foreign]), blocking):
            for chunk in np.array_split(free, max(1, math.ceil(len(free) / 256))):  # cheapest first; most stop early
                ok = _clear(boxes[chunk] + pad, leads[chunk], moved[chunk], lines, strict)
                if ok.any():
                    pick = candidates[int(chunk[np.argmax(ok)])]
                    break
            if pick is not None:
                break
        if pick is None:  # nowhere free: the place that meets the fewest things, its leaders crossing none if it can
            stuck.append(number)
            fewest = np.flatnonzero(hits == hits.min())
            ok = _clear(boxes[fewest] + pad, leads[fewest], moved[fewest], lines, blocking)
            pick = candidates[int(fewest[np.argmax(ok)] if ok.any() else fewest[0])]
        picks[number] = pick
        placed.append(pick.box)
        if pick.moved:
            threads.append(pick.lead)
    return picks, stuck


def _measure(ax: Axes, renderer: Any, text: str) -> tuple[float, float]:
    """The width and height in pixels of a label reading ``text``."""
    probe = ax.annotate(
        text, (0.5, 0.5), xycoords="axes fraction", fontsize=FONT_SIZE - 0.5, va="center", ha="left", linespacing=1.1
    )
    extent = probe.get_window_extent(renderer)
    probe.remove()
    return extent.width + 1, extent.height + 1


def _hits(boxes: np.ndarray, blocking: np.ndarray) -> np.ndarray:
    """For each box, how many of ``blocking`` it meets."""
    if not len(blocking):
        return np.zeros(len(boxes), dtype=int)
    a, b = boxes[:, None, :], blocking[None, :, :]
    meets = (a[..., 0] < b[..., 2]) & (b[..., 0] < a[..., 2]) & (a[..., 1] < b[..., 3]) & (b[..., 1] < a[..., 3])
    return np.asarray(meets.sum(axis=1))


def _clear(
    boxes: np.ndarray, leads: np.ndarray, moved: np.ndarray, lines: np.ndarray, blocking: np.ndarray
) -> np.ndarray:
    """For each candidate, whether it is clear of leader lines.

    Clear: no leader line already drawn (``lines``) runs through its box, and its own leader (where it has
    moved off its mark) crosses none of ``blocking``.
    """
    through = _crossings(lines[:, :2], lines[:, 2:], boxes).any(axis=0)
    crossing = _crossings(leads[:, :2], leads[:, 2:], blocking).any(axis=1)
    return np.asarray(~through & ~(crossing & moved))


def _lead(x: float, y: float, edge: float, middle: float, skip: float) -> Box:
    """The leader from a mark at (``x``, ``y``) to a label's side at (``edge``, ``middle``), ``skip`` off the mark."""
    length = math.hypot(edge - x, middle - y)
    if length <= skip:
        return (edge, middle, edge, middle)
    share = skip / length
    return (x + (edge - x) * share, y + (middle - y) * share, edge, middle)


def _crossings(starts: np.ndarray, ends: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """For each segment (rows) and box (columns), whether the segment runs through the inside of the box.

    Liang-Barsky clipping: the part of the segment inside both slabs of the box, ``first`` to ``last`` along
    it, is not empty. Touching an edge is not crossing.
    """
    if not len(starts) or not len(boxes):
        return np.zeros((len(starts), len(boxes)), dtype=bool)
    start = starts[:, None, :]
    step = (ends - starts)[:, None, :]
    low, high = boxes[None, :, :2], boxes[None, :, 2:]
    within = (start > low) & (start < high)  # where the segment runs along an axis: inside that slab or not
    flat = step == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        near, far = (low - start) / step, (high - start) / step
    enter = np.where(flat, np.where(within, -np.inf, np.inf), np.minimum(near, far))
    leave = np.where(flat, np.where(within, np.inf, -np.inf), np.maximum(near, far))
    first = np.maximum(enter.max(axis=2), 0.0)
    last = np.minimum(leave.min(axis=2), 1.0)
    return np.asarray(first < last)


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two marks at the same figure, said within a day of each other."""
    return a[1] == b[1] and abs(a[0] - b[0]) <= 1.0
