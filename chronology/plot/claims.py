"""A claims chart: the figures claimed for one subject, against when each was said, one mark per source.

Exact figures are dots, "about" figures open rings, "nearly" figures (a
little under the figure, never above it: "almost", "just under") open
triangles pointing down, at the figure; ranges are drawn as ranges: "up to"
as a bar from the bottom of the axis to the figure, "more than" and "at
least" as a bar from the figure up to the top, "between" as a bar between its
two figures. "Nearly" gets no bar: drawn down to the bottom of the axis, as
"up to" is, "nearly 25,000" would read as any figure up to 25,000.

A mark sits at the middle of the time its claim was said in, and never
leaves it. Dates are whole days; times are their own hours ("between 6 p.m.
and 5 a.m." from 18:00 to 06:00 the next day, not the two days it touches),
and a time with an offset ("early Monday" in a file whose ``[reading] zone``
is Europe/Kyiv) is where the timeline's zone shows it, as in every query.
Where some claim was said at a time, the axis is one of hours, the zone named
under it. A horizontal bar spans a claim said over more than a day (on an
axis of hours, any span long enough to see): "said some time within the
bar". A claim with no ``said`` of its own is said on its source's date where
that is known, else on its event's (``Timeline.said``); its bar is dotted
(its source's date) or dashed (its event's), and the legend and the axis
label say so. A horizontal bar stops short of another claim's mark at its
height (the same figure, said within its time), so that it never reads as a
line joining claims.

Claims whose marks would lie on one another (close in time, their marks or
bars meeting in height) move apart, up to a few points, each only within its
own span; where the span is too narrow for that (four claims on one day of
an axis of months) they share it, their bars narrowed to stand side by side
and marks at the same figure drawn as rings around each other. Bars are
opaque, each in its source's colour, so two ranges never blend into a colour
the legend does not name.

The value axis is chosen from the figures (every figure of every claim drawn,
both ends of a range counted): linear when they all lie within a factor of
ten of each other (the largest less than ten times the smallest, all above
0), or when one is 0 or below; otherwise logarithmic, with ticks written as
plain numbers ("1,000", "10,000"). Labels are measured and placed where they
cross no other label, bar, arrow or mark, inside the axes, and no leader line
crosses a label; a label that had to move off its mark has a leader line in
its mark's colour. A figure of its own with no room for every label clear is
refused, the message naming a height (or width) that has.

:func:`claims_table` and :func:`save_claims_table` give the same claims as a
table (CSV or Markdown), one row a claim, by when it was said, times written as
the chart draws them.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal

import attrs
import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text

from chronology.errors import PlotError
from chronology.events import Claim, Event
from chronology.exchange._describe import source_label
from chronology.plot._axis import day_to_x, format_axis
from chronology.plot._claims_fit import _fit, _subject_key
from chronology.plot._claims_geometry import (
    _ARROW,
    _NESTED,
    _RANGE_WIDTH,
    _SPAN_WIDTH,
    _cut_at_marks,
    _dodged,
    _said_span,
    _stacked,
)
from chronology.plot._claims_labels import _label, _letter, _obstacles
from chronology.plot._claims_table import (
    TABLE_COLUMNS,
    TABLE_FORMATS,
    _chosen,
    claims_table,
    save_claims_table,
)
from chronology.plot._claims_values import (
    Scale,
    _anchor_value,
    _asked_scale,
    _figures,
    _limits,
    _scale_for,
    _value_axis,
)
from chronology.plot._fonts import drawing_fonts, strings_of
from chronology.plot._glyphs import drawable
from chronology.plot._output import renderer_of
from chronology.plot._scale import Scale as DayScale
from chronology.plot._style import FONT_SIZE, LANE_COLORS, RC
from chronology.quantity import Comparison
from chronology.timeline import Timeline

__all__ = ["TABLE_COLUMNS", "TABLE_FORMATS", "ClaimsPlot", "claims_table", "plot_claims", "save_claims_table"]

_RANGE_ALPHA: Final = 0.35  # how much of its source's colour a range bar takes, the rest the background's
_SPAN_ALPHA: Final = 0.6  # the same for the bar across the time a claim may have been said in
_TALLER: Final = 3.0  # inches: how much higher, or wider, a figure with no room for its labels is tried
_SPAN_SHARE: Final = 0.02  # a span shorter than this share of the axis is drawn as its mark alone
#: The legend's words for a bar across the time a claim was said in.
SAID_WITHIN: Final = "said some time within the bar"
#: The legend's words for the bar of a claim that does not say when it was said, dated by its source's publication.
DATED_BY_SOURCE: Final = "dated by its source’s publication"
#: The same for a claim dated by its event (no date of its source's is known).
DATED_BY_EVENT: Final = "dated by its event"
#: The dash pattern of a bar at a date the claim does not give, by the rule that gave it (``Timeline.said_from``):
#: dotted at its source's date, dashed at its event's; solid (``None``) where the claim gives its own ``said``.
_SAID_DASHES: Final[Mapping[str, tuple[float, float] | None]] = {"claim": None, "source": (1, 1.5), "event": (3, 2)}
#: The legend's words for the mark of a "nearly" figure.
NEARLY: Final = "“nearly” (just under)"
#: The mark of each kind of figure, in drawing order: its marker and its area in points² (a dot, an open ring, an
#: open triangle pointing down).
_MARKERS: Final = {"exact": ("o", 28.0), "about": ("o", 34.0), "nearly": ("v", 34.0)}


@attrs.frozen(kw_only=True)
class ClaimsPlot:
    """What :func:`plot_claims` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        claims: the (event, claim) pairs drawn, in the order drawn.
        points: for each claim drawn, (x, y) of its mark, inside the time it was said in.
        ranges: the vertical bars of "up to", "more than" and "between" claims.
        spans: the horizontal bars across the time a claim may have been said in (dotted: its source's date,
            dashed: its event's date, the claim giving none), a bar in pieces where it stops short of other claims'
            marks.
        marks: the dots, rings and triangles (exact figures, "about", "nearly"; each kind drawn one collection).
        labels: one label a claim (the figure as said, and who claims it); one for the same figure from the
            same claimant said within a day, reported by several sources. Where a line is too long for the
            room there is, the claimant goes on a second line.
        colors: source id -> colour.
        subjects: the claims' subjects, in order; when there are several, each label ends with the letter of
            its subject ("[A]"), and ``key`` spells them out under the chart.
        key: the key of subjects (on a figure of its own), or ``None``.
        scale: the value axis drawn, ``"linear"`` or ``"log"``.
        arrows: the arrows at the open end of "up to", "fewer than", "more than" and "at least" bars.
        leaders: the thin lines from a mark to its label, where the label had to move away from the mark, each
            in its mark's colour.

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
            searched for and "…" when they are about several: "Figures claimed: North Korean …").
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
            a new figure too small for the chart beside its legend, or for a place for every label clear of
            the others and of every mark, bar and arrow (the message says how large it must be); a ``font`` that
            is neither a font file nor an installed family.

    Warns:
        MissingFontWarning: letters in no installed font, drawn as "□" (the message says how to get one).

    """
    asked = _asked_scale(scale, log)
    drawn, crowded = _draw(timeline, subject, unit, ax, title, asked, width, height, dpi, font)
    if crowded and ax is None:  # a figure of its own: refused, saying what size holds every label
        raise _no_room(
            lambda w, h: _draw(timeline, subject, unit, None, title, asked, w, h, dpi, font)[1],
            width,
            height,
            len(drawn.labels),
        )
    return drawn


def _draw(
    timeline: Timeline,
    subject: str | Callable[[Claim], bool] | None,
    unit: str | None,
    ax: Axes | None,
    title: str | None,
    asked: Scale,
    width: float,
    height: float,
    dpi: float,
    font: str | os.PathLike[str] | None,
) -> tuple[ClaimsPlot, int]:
    """The chart :func:`plot_claims` draws, and how many of its labels found no free place."""
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
        said = [_said_span(timeline.said(event, claim), timeline.zone_info) for event, claim in chosen]
        timed = any(not (float(a).is_integer() and float(b).is_integer()) for a, b in said)
        if said:
            first, last = min(a for a, _ in said), max(b for _, b in said)
            # whole days: two days each side at least; times: six hours
            pad = max(0.25, (last - first) * 0.08) if timed else max(2.0, (last - first - 1) * 0.08)
            format_axis(ax, DayScale.plain(first - pad, last + pad), times_in=timeline.zone or "UTC")
        shown = [_shows_span(a, b, ax, timed=timed) for a, b in said]
        dated_by = [timeline.said_from(event, claim) for event, claim in chosen]  # "claim", "source" or "event"
        _value_axis(ax, drawn_scale, bottom, top, integral=all(float(v).is_integer() for v in values))
        subjects = tuple(dict.fromkeys(c.subject for _, c in chosen))
        letters = {name: _letter(i) for i, name in enumerate(subjects)} if len(subjects) > 1 else {}
        heading = drawable(_heading(title, subject, subjects))
        title_text = ax.set_title(heading, loc="left", fontsize=FONT_SIZE + 3, weight="bold")
        ax.set_ylabel(drawable(_unit_label(chosen)), fontsize=FONT_SIZE + 0.5)
        ax.set_xlabel(_said_label(dated_by), fontsize=FONT_SIZE + 0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        background = ax.get_facecolor()
        handles = _legend_handles(chosen, sources, colors, timeline, shown, dated_by, background)
        legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, title="source")
        key = _subject_key(figure, renderer, letters) if letters and own_figure else None
        if own_figure:
            legend = _fit(figure, ax, renderer, legend, handles, key, title_text)
        # The axes have their place: marks too close are set side by side, each inside its own span.
        origins = [
            (day_to_x((a + b) / 2), _anchor_value(claim, drawn_scale))
            for (a, b), (_, claim) in zip(said, chosen, strict=True)
        ]
        heights = [_height(claim, y, bottom, top) for (_, claim), (_, y) in zip(chosen, origins, strict=True)]
        placed = _dodged(ax, said, [y for _, y in origins], heights)
        points = [(p.x, y) for p, (_, y) in zip(placed, origins, strict=True)]
        ranges: list[tuple[int, list[tuple[float, float]]]] = []  # (claim, segment)
        spans: list[list[tuple[float, float]]] = []
        span_colors: list[tuple[float, float, float]] = []
        span_styles: list[str | tuple[float, tuple[float, float]]] = []
        dots: dict[str, list[int]] = {kind: [] for kind in _MARKERS}  # the claims of each kind, in drawing order
        owners: dict[str, list[int]] = {"ranges": [], "spans": [], "arrows": []}  # the claim each bar belongs to
        for number, ((_, claim), (a, b), (x, y)) in enumerate(zip(chosen, said, points, strict=True)):
            color = colors[claim.source or "(unknown)"]
            if shown[number]:
                spans.append([(day_to_x(a), y), (day_to_x(b), y)])
                span_colors.append(_opaque(color, _SPAN_ALPHA, background))
                dash = _SAID_DASHES[dated_by[number]]
                span_styles.append("solid" if dash is None else (0, dash))
                owners["spans"].append(number)
            bar = _bar(claim, x, y, bottom, top)
            if bar is not None:
                ranges.append((number, bar))
            dots[_mark_kind(claim)].append(number)
        owners["ranges"] = [number for number, _ in ranges]
        range_colors = [
            _opaque(colors[chosen[n][1].source or "(unknown)"], _RANGE_ALPHA, background) for n, _ in ranges
        ]
        range_widths = [placed[n].bar for n, _ in ranges]
        range_lines = spans_lines = None
        if ranges:  # opaque, lightened: where two bars meet, neither takes the other's colour
            range_lines = LineCollection(
                [segment for _, segment in ranges],
                colors=range_colors,
                linewidths=range_widths,
                zorder=2,
                capstyle="butt",
            )
            ax.add_collection(range_lines, autolim=False)
        if spans:  # stopped short of the other claims' marks they would run through, never joining them
            pieces = _cut_at_marks(ax, _stacked(ax, spans), owners["spans"], points, [p.rings for p in placed], said)
            owners["spans"] = [owners["spans"][k] for k, _ in pieces]
            spans_lines = LineCollection(
                [piece for _, piece in pieces],
                colors=[span_colors[k] for k, _ in pieces],
                linewidths=_SPAN_WIDTH,
                linestyles=[span_styles[k] for k, _ in pieces],
                zorder=2.5,
                capstyle="butt",
            )
            ax.add_collection(spans_lines, autolim=False)
        marks = []
        for kind, members in dots.items():
            if not members:
                continue
            members.sort(key=lambda n: -placed[n].rings)  # a mark with others lying on it: wider, under them
            mark_xs, mark_ys = [points[n][0] for n in members], [points[n][1] for n in members]
            cs = [colors[chosen[n][1].source or "(unknown)"] for n in members]
            marker, base = _MARKERS[kind]
            sizes = [(base**0.5 + _NESTED * 2 * placed[n].rings) ** 2 for n in members]
            if kind == "exact":
                marks.append(ax.scatter(mark_xs, mark_ys, s=sizes, c=cs, zorder=4, edgecolors="white", linewidths=0.6))
            else:
                marks.append(
                    ax.scatter(
                        mark_xs,
                        mark_ys,
                        s=sizes,
                        marker=marker,
                        facecolors="white",
                        edgecolors=cs,
                        linewidths=1.5,
                        zorder=4,
                    )
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
        rings = [p.rings for p in placed]
        tints = [colors[claim.source or "(unknown)"] for _, claim in chosen]  # a leader in its mark's colour
        labels, leaders, crowded = _label(
            ax, renderer, chosen, points, origins, letters, obstacles, owned, rings, tints
        )
    drawn = ClaimsPlot(
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
    return drawn, crowded


def _no_room(crowded: Callable[[float, float], int], width: float, height: float, count: int) -> PlotError:
    """The refusal of a figure with no free place for every label: it names the height, or width, that has one.

    ``crowded`` draws the chart at a width and height (inches) and says how many labels found no free place
    there. Heights up to :data:`_TALLER` inches more are tried, then as many widths, half an inch at a time.
    """

    def fits(w: float, h: float) -> bool:
        try:
            with warnings.catch_warnings():  # said once already, by the chart refused
                warnings.simplefilter("ignore")
                return crowded(w, h) == 0
        except PlotError:
            return False

    steps = [0.5 * k for k in range(1, int(_TALLER * 2) + 1)]
    start = f"a claims chart of {width:g} by {height:g} inches has no room for its {count} labels clear of one "
    start += "another and of every mark, bar and arrow"
    taller = next((height + step for step in steps if fits(width, height + step)), None)
    if taller is not None:
        return PlotError(f"{start}; make it at least {taller:g} inches high")
    wider = next((width + step for step in steps if fits(width + step, height)), None)
    if wider is not None:
        return PlotError(f"{start}; make it at least {wider:g} inches wide")
    return PlotError(
        f"{start}, even {_TALLER:g} inches higher or wider; draw fewer claims (a narrower subject, or one unit)"
    )


def _heading(title: str | None, subject: object, subjects: Sequence[str]) -> str:
    """The title: as given; else "Figures claimed: " and what the claims are about.

    That is the claims' own subject when they are about one; when about several, the text searched for and
    "…", which reads as the start of the subjects the key spells out ("Figures claimed: North Korean …").
    """
    if title is not None:
        return title
    if len(subjects) == 1:
        return f"Figures claimed: {subjects[0]}"
    if isinstance(subject, str) and subject.strip():
        searched = subject.strip()
        return f"Figures claimed: {searched}" + ("" if searched.endswith(("…", "...")) else " …")
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


def _mark_kind(claim: Claim) -> str:
    """The kind of mark a claim's figure is drawn with: ``"about"``, ``"nearly"``, or ``"exact"`` for the others."""
    match claim.value.comparison:
        case Comparison.ABOUT:
            return "about"
        case Comparison.NEARLY:
            return "nearly"
        case _:
            return "exact"


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
    shown: Sequence[bool],
    dated_by: Sequence[str],
    background: Any,
) -> list[Line2D]:
    """One entry a source, then the kinds of mark drawn.

    Exact, "about", "nearly", ranges (naming the kinds there are), the bar across the time a claim was said in, and
    the bars of claims with no ``said`` of their own: dotted at their source's date, dashed at their event's.
    """
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colors[s], label=drawable(source_label(s, timeline.sources)))
        for s in sources
    ]
    comparisons = {c.value.comparison for _, c in chosen}
    if comparisons - {Comparison.ABOUT, Comparison.NEARLY}:
        handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", label="figure as stated"))
    if Comparison.ABOUT in comparisons:
        handles.append(
            Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color="#555555", label="“about”")
        )
    if Comparison.NEARLY in comparisons:
        handles.append(Line2D([], [], marker="v", linestyle="", markerfacecolor="white", color="#555555", label=NEARLY))
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
    for rule, label in (("claim", SAID_WITHIN), ("source", DATED_BY_SOURCE), ("event", DATED_BY_EVENT)):
        if any(drawn and by == rule for drawn, by in zip(shown, dated_by, strict=True)):
            dash = _SAID_DASHES[rule]
            handles.append(
                Line2D(
                    [],
                    [],
                    linewidth=_SPAN_WIDTH,
                    linestyle="-" if dash is None else (0, dash),
                    color=_opaque(grey, _SPAN_ALPHA, background),
                    label=label,
                )
            )
    return handles


def _shows_span(start: float, stop: float, ax: Axes, *, timed: bool) -> bool:
    """Whether a claim said from ``start`` to ``stop`` (day numbers) gets a bar across that time.

    On an axis of days, a claim said over more than one day does; one said on a day is a mark on its day.
    On an axis of hours (some claim said at a time), every span does that is longer than a day or
    "between 6 p.m. and 5 a.m.", "the morning". On either, a span too short to see beside its mark (a year
    on an axis of centuries) is its mark alone: a bar hidden under its mark, and its entry in the legend,
    would stand for nothing a reader sees.
    """
    if stop - start <= 1 and not timed:
        return False
    left, right = ax.get_xlim()
    return (stop - start) > _SPAN_SHARE * (right - left)


def _height(claim: Claim, y: float, bottom: float, top: float) -> tuple[float, float]:
    """The lowest and highest value a claim's mark and bar take up."""
    bar = _bar(claim, 0.0, y, bottom, top)
    if bar is None:
        return y, y
    (_, low), (_, high) = bar
    return min(low, high), max(low, high)


def _said_label(dated_by: Sequence[str]) -> str:
    """The label of the time axis: what the x of a mark stands for, naming the dates that stand in for a ``said``."""
    rules = set(dated_by)
    if {"source", "event"} <= rules:
        return "when it was said (if not given: its source’s date, else its event’s)"
    if "source" in rules:
        return "when it was said (if not given: its source’s date)"
    if "event" in rules:
        return "when it was said (if not given: its event’s date)"
    return "when it was said"
