"""A claims chart: the figures claimed for one subject, against when each was said, one mark per source.

Exact figures are dots, "about" figures open rings, ranges are drawn as
ranges: "up to" as a bar from the bottom of the axis to the figure, "more
than" and "at least" as a bar from the figure up to the top, "between" as a
bar between its two figures. A claim said on an uncertain date sits at the
middle of its bounds with a horizontal bar across them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from chronology.events import Claim, Event
from chronology.exchange._describe import source_label
from chronology.index import day_ends
from chronology.plot._axis import day_to_x, format_date_axis
from chronology.plot._output import renderer_of
from chronology.plot._style import FONT_SIZE, LANE_COLORS, RC
from chronology.quantity import Comparison
from chronology.timeline import Timeline

__all__ = ["ClaimsPlot", "plot_claims"]


@attrs.frozen(kw_only=True)
class ClaimsPlot:
    """What :func:`plot_claims` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        claims: the (event, claim) pairs drawn, in the order drawn.
        points: for each claim drawn, (x, y) of its mark.
        ranges: the vertical bars of "up to", "more than" and "between" claims.
        spans: the horizontal bars of claims said on uncertain dates.
        marks: the dots and rings.
        labels: one label a claim (the figure as said, and who claims it); one for the same figure from the
            same claimant said within a day, reported by several sources.
        colors: source id -> colour.
        subjects: the claims' subjects, in order; when there are several, each label ends with the letter of
            its subject ("[A]"), and ``key`` spells them out under the chart.
        key: the key of subjects (on a figure of its own), or ``None``.

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


def plot_claims(
    timeline: Timeline,
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    log: bool = True,
    width: float = 9.0,
    height: float = 5.0,
    dpi: float = 100.0,
) -> ClaimsPlot:
    """Draw the figures claimed about one subject against the dates they were said.

    Args:
        timeline: where the claims are.
        subject: text the claim's subject must contain (ignoring case), or a test of a claim;
            every claim when ``None``.
        unit: keep only claims in this unit ("soldiers").
        ax: the axes to draw on; a new figure when ``None``.
        title: the title; "Figures claimed: " and the subject when ``None``.
        log: a logarithmic value axis (figures that differ a hundredfold stay readable).
        width: the width in inches of a new figure.
        height: the height in inches of a new figure.
        dpi: the resolution of a new figure.

    """
    chosen = [(e, c) for e, c in timeline.claims() if _wanted(c, subject) and (unit is None or c.unit == unit)]
    with matplotlib.rc_context(RC):
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
        sources = list(dict.fromkeys(c.source or "(unknown)" for _, c in chosen))
        colors = {s: LANE_COLORS[i % len(LANE_COLORS)] for i, s in enumerate(sources)}
        values = [v for _, c in chosen for v in (c.value.low, c.value.high) if v is not None]
        bottom = min(values, default=1) / 3 if log else 0.0
        top = max(values, default=1) * 3 if log else max(values, default=1) * 1.2
        points: list[tuple[float, float]] = []
        ranges: list[list[tuple[float, float]]] = []
        range_colors: list[str] = []
        spans: list[list[tuple[float, float]]] = []
        span_colors: list[str] = []
        dots: dict[bool, tuple[list[float], list[float], list[str]]] = {True: ([], [], []), False: ([], [], [])}
        days = []
        for event, claim in chosen:
            said = timeline.said(event, claim)
            first, _, _, last = day_ends(said)
            days += [first, last]
            x = day_to_x((first + last + 1) / 2)
            color = colors[claim.source or "(unknown)"]
            value = claim.value
            y = _anchor_value(claim)
            points.append((x, y))
            if last > first:
                spans.append([(day_to_x(first), y), (day_to_x(last + 1), y)])
                span_colors.append(color)
            if value.comparison in (Comparison.UP_TO, Comparison.FEWER_THAN):
                ranges.append([(x, bottom), (x, y)])
                range_colors.append(color)
            elif value.comparison in (Comparison.MORE_THAN, Comparison.AT_LEAST):
                ranges.append([(x, y), (x, top)])
                range_colors.append(color)
            elif value.comparison is Comparison.BETWEEN and value.low is not None and value.high is not None:
                ranges.append([(x, value.low), (x, value.high)])
                range_colors.append(color)
            exact = value.comparison is not Comparison.ABOUT
            dots[exact][0].append(x)
            dots[exact][1].append(y)
            dots[exact][2].append(color)
        range_lines = spans_lines = None
        if ranges:
            range_lines = LineCollection(ranges, colors=range_colors, linewidths=5, alpha=0.35, zorder=2)
            ax.add_collection(range_lines)
        if spans:
            spans_lines = LineCollection(spans, colors=span_colors, linewidths=2, alpha=0.6, zorder=2)
            ax.add_collection(spans_lines)
        marks = []
        for exact, (xs, ys, cs) in dots.items():
            if xs:
                if exact:
                    marks.append(ax.scatter(xs, ys, s=28, c=cs, zorder=4, edgecolors="white", linewidths=0.6))
                else:
                    marks.append(ax.scatter(xs, ys, s=34, facecolors="white", edgecolors=cs, linewidths=1.5, zorder=4))
        for (_, claim), (x, _y), arrow in zip(chosen, points, [_arrow(c) for _, c in chosen], strict=True):
            if arrow:
                ax.annotate(
                    "",
                    xy=(x, bottom * 1.02 if arrow == "down" else top / 1.02),
                    xytext=(x, bottom * 1.6 if arrow == "down" else top / 1.6),
                    arrowprops={"arrowstyle": "->", "color": colors[claim.source or "(unknown)"], "lw": 1},
                )
        if log:
            ax.set_yscale("log")
        ax.set_ylim(bottom, top)
        if days:
            pad = max(2.0, (max(days) - min(days)) * 0.08)
            ax.set_xlim(day_to_x(min(days) - pad), day_to_x(max(days) + 1 + pad))
            format_date_axis(ax, min(days), max(days))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        subjects = tuple(dict.fromkeys(c.subject for _, c in chosen))
        letters = {name: _letter(i) for i, name in enumerate(subjects)} if len(subjects) > 1 else {}
        key = _subject_key(figure, ax, letters) if letters and own_figure else None  # moves the axes: first
        labels = _label(ax, chosen, points, letters)
        heading = (
            title if title is not None else (f"Figures claimed: {subject}" if isinstance(subject, str) else "Claims")
        )
        ax.set_title(heading, loc="left", fontsize=FONT_SIZE + 3, weight="bold")
        ax.set_ylabel(_unit_label(chosen), fontsize=FONT_SIZE + 0.5)
        ax.set_xlabel("when it was said", fontsize=FONT_SIZE + 0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        handles = [
            Line2D([], [], marker="o", linestyle="", color=colors[s], label=source_label(s, timeline.sources))
            for s in sources
        ]
        handles += [
            Line2D([], [], marker="o", linestyle="", color="#555555", label="figure as stated"),
            Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color="#555555", label="“about”"),
            Line2D([], [], linewidth=5, alpha=0.35, color="#555555", label="range: “up to”, “more than”"),
        ]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, title="source")
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
    )


def _wanted(claim: Claim, subject: str | Callable[[Claim], bool] | None) -> bool:
    if subject is None:
        return True
    if callable(subject):
        return subject(claim)
    return subject.casefold() in claim.subject.casefold()


def _anchor_value(claim: Claim) -> float:
    value = claim.value
    number = value.high if value.low is None else value.low
    if value.comparison is Comparison.BETWEEN and value.low is not None and value.high is not None:
        number = (value.low * value.high) ** 0.5
    return float(number if number is not None else 0)


def _arrow(claim: Claim) -> str:
    if claim.value.comparison in (Comparison.UP_TO, Comparison.FEWER_THAN):
        return "down"
    if claim.value.comparison in (Comparison.MORE_THAN, Comparison.AT_LEAST):
        return "up"
    return ""


def _unit_label(chosen: Sequence[tuple[Event, Claim]]) -> str:
    units = sorted({c.unit for _, c in chosen if c.unit})
    return ", ".join(units) if units else "value"


def _label_text(claim: Claim, letters: Mapping[str, str]) -> str:
    """The figure as said, who claims it, and the letter of its subject: ``up to 15,000 — Dmytro Ponomarenko [B]``."""
    figure = claim.value.text or claim.value.label
    who = claim.claimant or claim.source
    text = f"{figure} — {who}" if who else figure
    return f"{text} [{letters[claim.subject]}]" if claim.subject in letters else text


def _letter(index: int) -> str:
    """A, B, ... Z, then 27, 28, ...: the mark of the index-th subject."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _subject_key(figure: Figure, ax: Axes, letters: Mapping[str, str]) -> Text:
    """Under the chart, what each subject letter stands for; the axes move up to make room."""
    text = textwrap.fill(
        "; ".join(f"[{letter}] {name}" for name, letter in letters.items()), int(figure.get_figwidth() * 18)
    )
    lines = text.count("\n") + 1
    left, bottom, width, height = ax.get_position().bounds
    room = 0.03 * lines
    ax.set_position((left, bottom + room, width, height - room))
    return figure.text(0.01, 0.01, text, ha="left", va="bottom", fontsize=FONT_SIZE - 1, color="#555555")


def _label(
    ax: Axes,
    chosen: Sequence[tuple[Event, Claim]],
    points: Sequence[tuple[float, float]],
    letters: Mapping[str, str],
) -> tuple[Text, ...]:
    """Labels beside each mark, nudged down the list when two would meet or a label would cover a mark.

    The same figure from the same claimant, said within a day and reported by several sources, is labelled
    once, saying how many sources report it (their marks stay apart, one colour each).
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    renderer = renderer_of(figure)
    marks = [ax.transData.transform(point) for point in points]
    placed: list[tuple[float, float, float, float]] = [(x - 4, y - 4, x + 4, y + 4) for x, y in marks]
    labels = []
    order = sorted(range(len(points)), key=lambda i: (points[i][0], -points[i][1]))
    groups: list[tuple[str, list[int]]] = []
    for i in order:
        text = _label_text(chosen[i][1], letters)
        same = next((g for g in groups if g[0] == text and _close(points[g[1][0]], points[i])), None)
        if same is None:
            groups.append((text, [i]))
        else:
            same[1].append(i)
    for text, members in groups:
        i = members[0]
        if len(members) > 1:
            text = f"{text} ({len(members)} sources)"
        own = {(marks[m][0] - 4, marks[m][1] - 4, marks[m][0] + 4, marks[m][1] + 4) for m in members}
        obstacles = [box for box in placed if box not in own]
        offsets = [0.0] + [step * sign for step in range(9, 9 * 20, 9) for sign in (-1, 1)]
        across = ax.transAxes.inverted().transform(ax.transData.transform(points[i]))[0]
        dx, align = (-6, "right") if across > 0.55 else (6, "left")  # toward the middle: never over the legend
        for dy in offsets:
            probe, extent = _annotate(ax, renderer, text, points[i], (dx, dy), align)
            if not any(_meets(extent, other) for other in obstacles):
                break
            probe.remove()
        else:  # no free place in reach: beside its mark after all
            dy = 0.0
            probe, extent = _annotate(ax, renderer, text, points[i], (dx, dy), align)
        if dy != 0:  # moved away from its mark: a thin leader line, drawn apart, shows whose label it is
            ax.annotate(
                "",
                points[i],
                xytext=(dx, dy),
                textcoords="offset points",
                arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5, "shrinkA": 0, "shrinkB": 2},
            )
        placed.append(extent)
        labels.append(probe)
    return tuple(labels)


def _annotate(
    ax: Axes, renderer: Any, text: str, point: tuple[float, float], offset: tuple[float, float], align: str
) -> tuple[Text, tuple[float, float, float, float]]:
    """A label ``offset`` points from ``point``, and its extent in display units."""
    label = ax.annotate(
        text, point, xytext=offset, textcoords="offset points", fontsize=FONT_SIZE - 0.5, va="center", ha=align
    )
    box = label.get_window_extent(renderer)
    return label, (box.x0, box.y0, box.x1, box.y1)


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two marks at the same figure, said within a day of each other."""
    return a[1] == b[1] and abs(a[0] - b[0]) <= 1.0


def _meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
