"""Drawing a timeline: lanes of events, the uncertainty visible, labels that never collide.

:func:`plot_timeline` draws on a matplotlib ``Axes`` (or a new ``Figure``
made without pyplot) and returns a :class:`TimelinePlot`: what it drew, so
that scripts and tests can ask which labels, lanes and positions there are.
Marks are drawn in a few batched collections, not one artist per event.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal
from zoneinfo import ZoneInfo

import attrs
import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

from chronology.dates import DEFAULT_WIDENING, Endpoint, Interval, Qualifier, UncertainDate, Widening
from chronology.errors import DateRangeError
from chronology.events import Event
from chronology.exchange._describe import source_label
from chronology.index import NEG_DAY, POS_DAY, day_ends
from chronology.plot._axis import FIRST_DAY, LAST_DAY, day_to_x, format_date_axis
from chronology.plot._labels import Footprint, Placement, pack
from chronology.plot._output import renderer_of
from chronology.plot._style import (
    FADE_STEPS,
    FONT_SIZE,
    HATCH,
    LABEL_CHARS,
    LANE_COLORS,
    LASTING_HEIGHT,
    RC,
    REPORT_COLOR,
    UNCERTAIN_ALPHA,
    UNCERTAIN_HEIGHT,
    legend_handles,
)
from chronology.timeline import Timeline, WhenLike

__all__ = ["GroupBy", "TimelinePlot", "lane_of", "plot_timeline"]

GroupBy = Literal["kind", "actor", "tag", "source"] | None
#: Above this many events, lanes show a density band instead of marks and labels.
DENSE: int = 300
_DENSE_ROWS = 3  # rows a density band takes


@attrs.frozen(kw_only=True)
class TimelinePlot:
    """What :func:`plot_timeline` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        lanes: lane names, top to bottom.
        lane_of: event id -> lane name.
        positions: event id -> (x, y) of the middle of its mark, in data units.
        labels: event id -> its label (the title, or a number keyed below).
        numbered: number -> event id, for labels that gave way to numbers.
        marks: the collections of marks (day markers, bars, fades, hatches, open ends).
        links: report -> reported event lines, if any.
        density: density bands, one a lane, when the timeline is dense.
        legend: the legend of the uncertainty styles drawn (none over density bands).
        key: the key of numbered labels, if any.
        footnote: the line naming the sources.
        title: the title, if any.

    """

    figure: Figure
    ax: Axes
    lanes: tuple[str, ...]
    lane_of: dict[str, str]
    positions: dict[str, tuple[float, float]]
    labels: dict[str, Text]
    numbered: dict[int, str]
    marks: tuple[PolyCollection | PathCollection, ...]
    links: LineCollection | None
    density: tuple[PolyCollection, ...]
    legend: Legend | None
    key: Text | None
    footnote: Text | None
    title: Text | None


def lane_of(event: Event, group_by: GroupBy) -> str:
    """The lane an event is drawn in: its kind, first actor, first tag or first source."""
    if group_by is None:
        return ""
    values = {
        "kind": (event.kind,) if event.kind else (),
        "actor": event.actors,
        "tag": event.tags,
        "source": event.sources,
    }[group_by]
    return values[0] if values else "(none)"


def plot_timeline(
    timeline: Timeline,
    *,
    ax: Axes | None = None,
    start: WhenLike | None = None,
    end: WhenLike | None = None,
    group_by: GroupBy = "kind",
    lane_order: Sequence[str] | None = None,
    title: str | None = None,
    width: float = 11.0,
    dpi: float = 100.0,
    show_reports: bool = True,
    dense: int | None = None,
    widening: Widening | None = None,
    footnote: bool = True,
    label: Callable[[Event], str] | None = None,
) -> TimelinePlot:
    """Draw ``timeline`` as lanes of marks with non-overlapping labels.

    Args:
        timeline: what to draw.
        ax: the axes to draw on; a new figure (``width`` inches wide, its height
            fitted to the rows) when ``None``.
        start: the first day shown (text, a date value or a date); the
            earliest event's when ``None``. Events outside the window are left out.
        end: the last day shown.
        group_by: lanes by ``"kind"``, ``"actor"``, ``"tag"`` or ``"source"``
            (an event's first), or ``None`` for one lane.
        lane_order: lane names, top first; lanes not named follow in the
            default order: by their earliest event, then by name.
        title: the title; the timeline's own when ``None``.
        width: the width in inches of a new figure.
        dpi: the resolution of a new figure.
        show_reports: join each report to what it reports.
        dense: draw density bands instead of marks above this many events
            (300 by default).
        widening: how far approximate ends fade (the "possible" policy); None
            for each event's own (its file's ``[reading]``, else the default).
        footnote: name the sources under the plot.
        label: the text of an event's label; its shortened title by default.

    Returns:
        What was drawn: see :class:`TimelinePlot`.

    """
    view = timeline
    if start is not None or end is not None:
        view = timeline.overlapping(
            start if start is not None else "0001-01-01", end if end is not None else "9999-12-31"
        )
    events = view.sorted()
    zone = view.zone_info
    _check_drawable(events, windowed=start is not None or end is not None, zone=zone)
    labels_of = label or _short_title
    first_day, last_day = _view_days(events, start, end, zone)
    lanes = _lanes(events, group_by, lane_order)
    lane_names = tuple(lanes)
    is_dense = len(events) > (DENSE if dense is None else dense)

    with matplotlib.rc_context(RC | {"hatch.linewidth": 0.6}):
        figure, ax, own_figure = _figure(ax, width, dpi)
        pad = max(1.0, (last_day - first_day) * 0.02)
        # matplotlib's dates stop at years 1 and 9999: the margins stop there too
        x_left, x_right = day_to_x(max(first_day - pad, FIRST_DAY)), day_to_x(min(last_day + 1 + pad, LAST_DAY))
        ax.set_xlim(x_left, x_right)
        renderer = renderer_of(figure)
        minimum_width = (x_right - x_left) / 350
        shapes = {
            e.id: _shape(e, minimum_width, x_left, x_right, widening or e.widening or DEFAULT_WIDENING, zone)
            for e in events
        }
        if is_dense:
            rows = dict.fromkeys(lane_names, _DENSE_ROWS)
            placements: dict[str, Placement] = {}
        else:
            placements, rows = _place_labels(ax, renderer, lanes, shapes, labels_of, x_left, x_right, own_figure, width)
        total_rows = sum(rows.values())
        numbers = sum(1 for p in placements.values() if p.side == "number")
        sources_line = _sources_line(view, events) if footnote else ""
        if own_figure:
            _fit_height(figure, ax, total_rows, width, _key_lines(numbers), sources_line.count("\n") + 1)
        lane_top: dict[str, float] = {}
        y = 0.0
        for name in lane_names:
            lane_top[name] = y
            y += rows[name]
        ax.set_ylim(total_rows - 0.4, -0.6)
        positions: dict[str, tuple[float, float]] = {}
        # Colours follow the lanes of the whole timeline, so a lane keeps its colour in every window drawn of it.
        every_lane = lane_names if view is timeline else tuple(_lanes(timeline.sorted(), group_by, lane_order))
        rank = {name: i for i, name in enumerate(every_lane)}
        colors = {name: LANE_COLORS[rank.get(name, i) % len(LANE_COLORS)] for i, name in enumerate(lane_names)}
        lane_by_event = {e.id: name for name, members in lanes.items() for e in members}
        for event in events:
            shape = shapes[event.id]
            row = placements[event.id].row if event.id in placements else 0
            positions[event.id] = ((shape.start + shape.stop) / 2, lane_top[lane_by_event[event.id]] + row)
        density: tuple[PolyCollection, ...] = ()
        marks: tuple[PolyCollection | PathCollection, ...] = ()
        label_artists: dict[str, Text] = {}
        numbered: dict[int, str] = {}
        if is_dense:
            density = _draw_density(ax, lanes, lane_top, colors, first_day, last_day, zone)
        else:
            marks = _draw_marks(ax, events, shapes, positions, lane_by_event, colors)
            label_artists, numbered = _draw_labels(ax, events, placements, positions, labels_of, shapes)
        links = _draw_links(ax, view, positions) if show_reports and not is_dense else None
        shown = _source_lanes(view, lane_names, rows) if group_by == "source" else {}
        _decorate_lanes(ax, lane_names, lane_top, rows, colors, group_by, shown)
        format_date_axis(ax, first_day, last_day)
        heading = title if title is not None else view.title
        title_artist = ax.set_title(heading, loc="left", fontsize=FONT_SIZE + 3, weight="bold") if heading else None
        inches = figure.get_figheight()
        below = _AXIS_INCHES / (ax.get_position().height * inches)  # in axes fractions
        legend = (
            None  # density bands draw none of the uncertainty styles: nothing to explain
            if is_dense
            else ax.legend(
                handles=legend_handles(used=_styles_used(shapes.values(), links)),
                loc="upper center",
                bbox_to_anchor=(0.5, -below),
                ncols=4,
                frameon=False,
                fontsize=FONT_SIZE,
            )
        )
        key_top = -(_AXIS_INCHES + _LEGEND_INCHES) / (ax.get_position().height * inches)
        key = _draw_key(ax, numbered, view, labels_of, key_top) if numbered else None
        note = (
            figure.text(0.01, 0.01, sources_line, ha="left", va="bottom", fontsize=FONT_SIZE - 1, color="#555555")
            if sources_line
            else None
        )
    return TimelinePlot(
        figure=figure,
        ax=ax,
        lanes=lane_names,
        lane_of=lane_by_event,
        positions=positions,
        labels=label_artists,
        numbered=numbered,
        marks=marks,
        links=links,
        density=density,
        legend=legend,
        key=key,
        footnote=note,
        title=title_artist,
    )


# -- layout ---------------------------------------------------------------------------------------------


def _short_title(event: Event) -> str:
    return textwrap.shorten(event.title, LABEL_CHARS, placeholder="…") if event.title else event.id


def _check_drawable(events: Sequence[Event], *, windowed: bool, zone: ZoneInfo | None = None) -> None:
    """Refuse events wholly outside the years 1-9999, which matplotlib's dates cannot place."""
    outside = [e for e in events if _outside_drawable(day_ends(e.when, zone=zone))]
    if not outside:
        return
    named = ", ".join(f"{e.id!r} ({e.when.label})" for e in outside[:3]) + (" and more" if len(outside) > 3 else "")
    them = "it" if len(outside) == 1 else "them"
    remedy = "a window (start and end; --from and --to)" + (f" that leaves {them} out" if windowed else "")
    raise DateRangeError(
        f"cannot draw {named}: a plot shows the years 1-9999 only; give {remedy}, or filter {them} out"
    )


def _outside_drawable(bounds: tuple[int, int, int, int]) -> bool:
    first_possible, last_possible = bounds[0], bounds[3]  # open ends are NEG_DAY and POS_DAY
    return last_possible < FIRST_DAY or first_possible > LAST_DAY


def _view_days(
    events: Sequence[Event], start: WhenLike | None, end: WhenLike | None, zone: ZoneInfo | None = None
) -> tuple[int, int]:
    from chronology.timeline import _value

    ends = [day_ends(e.when, zone=zone) for e in events]
    finite_lo = [d for bounds in ends for d in bounds[:3:2] if NEG_DAY < d < POS_DAY]
    finite_hi = [d for bounds in ends for d in bounds[1::2] if NEG_DAY < d < POS_DAY]
    first = day_ends(_value(start), zone=zone)[0] if start is not None else min(finite_lo, default=POS_DAY)
    last = day_ends(_value(end), zone=zone)[3] if end is not None else max(finite_hi, default=NEG_DAY)
    if first >= POS_DAY or last <= NEG_DAY:
        first = last = 738_000  # nothing dated: any day will do
    first, last = max(first, FIRST_DAY), min(last, LAST_DAY)
    return first, max(last, first)


def _lanes(events: Sequence[Event], group_by: GroupBy, order: Sequence[str] | None) -> dict[str, list[Event]]:
    lanes: dict[str, list[Event]] = {}
    for event in events:  # events come sorted: lanes appear in the order of their earliest event
        lanes.setdefault(lane_of(event, group_by), []).append(event)
    if order:
        unknown = [name for name in order if name not in lanes]
        ranked = [name for name in order if name in lanes] + [name for name in lanes if name not in order]
        if unknown and not lanes:
            return lanes
        return {name: lanes[name] for name in ranked}
    return lanes


def _figure(ax: Axes | None, width: float, dpi: float) -> tuple[Figure, Axes, bool]:
    if ax is not None:
        figure = ax.get_figure()
        if not isinstance(figure, Figure):
            raise TypeError("the axes must belong to a figure")
        return figure, ax, False
    figure = Figure(figsize=(width, 4.0), dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.16, 0.25, 0.82, 0.65))
    return figure, ax, True


_ROW_INCHES = 0.24
_TOP_INCHES = 0.45
_AXIS_INCHES = 0.5  # tick labels and the date offset under the plot
_LEGEND_INCHES = 0.45
_LINE_INCHES = 0.14  # one line of the key or the footnote


def _key_lines(numbers: int) -> int:
    return -(-numbers // _key_columns(numbers)) if numbers else 0


def _key_columns(numbers: int) -> int:
    return 3 if numbers > 8 else 2 if numbers > 3 else 1


def _fit_height(figure: Figure, ax: Axes, rows: int, width: float, key_lines: int, note_lines: int) -> None:
    """Size a figure of our own: every row a label high, room under it for legend, key and sources."""
    plot = max(rows, 3) * _ROW_INCHES
    bottom = _AXIS_INCHES + _LEGEND_INCHES + (key_lines + 1) * _LINE_INCHES * bool(key_lines)
    bottom += note_lines * _LINE_INCHES + 0.1
    height = plot + _TOP_INCHES + bottom
    figure.set_size_inches(width, height)
    ax.set_position((0.17, bottom / height, 0.81, plot / height))


def _place_labels(
    ax: Axes,
    renderer: object,
    lanes: dict[str, list[Event]],
    shapes: dict[str, _Shape],
    labels_of: Callable[[Event], str],
    x_left: float,
    x_right: float,
    own_figure: bool,
    width: float,
) -> tuple[dict[str, Placement], dict[str, int]]:
    """Measure every label, then pack each lane's footprints into rows."""
    axes_inches = (0.81 * width) if own_figure else ax.get_position().width * ax.get_figure().get_figwidth()  # type: ignore[union-attr]
    per_inch = (x_right - x_left) / axes_inches
    probe = Text(0, 0, "", fontsize=FONT_SIZE, figure=ax.get_figure())
    dpi = ax.get_figure().dpi  # type: ignore[union-attr]

    def width_of(text: str) -> float:
        probe.set_text(text)
        pixels = probe.get_window_extent(renderer).width  # type: ignore[arg-type]
        return (pixels / dpi) * per_inch

    gap = 0.06 * per_inch
    placements: dict[str, Placement] = {}
    rows: dict[str, int] = {}
    number = 0
    for name, members in lanes.items():
        footprints = []
        for event in members:
            number += 1
            shape = shapes[event.id]
            footprints.append(
                Footprint(event.id, shape.start, shape.stop, width_of(labels_of(event)), width_of(str(number)) + gap)
            )
        placed = pack(footprints, gap=gap, left=x_left, right=x_right)
        placements.update({p.key: p for p in placed})
        rows[name] = max((p.row for p in placed), default=0) + 1
    return placements, rows


# -- shapes ---------------------------------------------------------------------------------------------


@attrs.frozen
class _Shape:
    """An event's mark in x: where it starts and stops, and the parts to draw."""

    start: float
    stop: float
    dot: float | None = None  # an exact day: a marker here
    bars: tuple[tuple[float, float, float], ...] = ()  # (x0, x1, alpha) of uncertain-instant bars
    hatched: bool = False
    solid: tuple[float, float] | None = None  # the surely-lasting part of an interval
    light: tuple[tuple[float, float], ...] = ()  # uncertain ends of an interval
    fades: tuple[tuple[float, float, float], ...] = ()  # (x0, x1, alpha) steps of fading ends
    arrows: tuple[tuple[float, str], ...] = ()  # (x, "<" or ">") for open ends


def _styles_used(shapes: Iterable[_Shape], links: LineCollection | None) -> set[str]:
    """The uncertainty styles these marks show (the legend explains those only)."""
    used = set()
    for shape in shapes:
        used |= {
            name
            for name, shown in (
                ("day", shape.dot is not None),
                ("somewhere", bool(shape.bars)),
                ("uncertain", shape.hatched),
                ("fading", bool(shape.fades)),
                ("lasting", shape.solid is not None or bool(shape.light)),
                ("open", bool(shape.arrows)),
            )
            if shown
        }
    if links is not None and len(links.get_segments()):
        used.add("report")
    return used


def _shape(
    event: Event, minimum: float, x_left: float, x_right: float, widening: Widening, zone: ZoneInfo | None = None
) -> _Shape:
    when = event.when
    s_lo, s_hi, e_lo, e_hi = day_ends(when, zone=zone)
    if isinstance(when, UncertainDate) and (when.open_before or when.open_after):
        # "before 23 August 1456": no invented other end; a fade from the known bound towards the open side
        reach = (x_right - x_left) * 0.08
        if when.open_before:
            known = day_to_x(s_hi + 1)
            steps = _fade_steps(max(x_left, known - reach), known, rising=True)
        else:
            known = day_to_x(s_lo)
            steps = _fade_steps(known, min(x_right, known + reach), rising=False)
        return _Shape(
            start=min(f[0] for f in steps),
            stop=max(f[1] for f in steps),
            hatched=bool(when.qualifier & Qualifier.UNCERTAIN),
            fades=tuple(steps),
        )
    if isinstance(when, UncertainDate):
        x0, x1 = day_to_x(s_lo), day_to_x(s_hi + 1)
        fades = _fades(when, widening, x0, x1, zone)
        if s_lo == s_hi and when.qualifier is Qualifier.NONE:
            return _Shape(start=x0 + 0.5 - minimum / 2, stop=x0 + 0.5 + minimum / 2, dot=x0 + 0.5)
        x0, x1 = _widen(x0, x1, minimum)
        starts = [x0] + [f[0] for f in fades]
        stops = [x1] + [f[1] for f in fades]
        return _Shape(
            start=min(starts),
            stop=max(stops),
            bars=((x0, x1, UNCERTAIN_ALPHA),),
            hatched=bool(when.qualifier & Qualifier.UNCERTAIN),
            fades=fades,
        )
    assert isinstance(when, Interval)
    arrows: list[tuple[float, str]] = []
    fades_list: list[tuple[float, float, float]] = []
    light: list[tuple[float, float]] = []
    left = day_to_x(s_lo) if s_lo > NEG_DAY else x_left
    right = day_to_x(e_hi + 1) if e_hi < POS_DAY else x_right
    sure_from = day_to_x(s_hi + 1) if s_hi > NEG_DAY else x_left
    sure_to = day_to_x(e_lo) if e_lo < POS_DAY else x_right
    if when.start is Endpoint.OPEN:
        arrows.append((x_left, "<"))
    elif when.start is Endpoint.UNKNOWN:
        left = max(x_left, sure_to - (x_right - x_left) * 0.08)
        fades_list += _fade_steps(left, min(sure_from, sure_to), rising=True)
    elif s_hi > s_lo:
        light.append((left, sure_from))
    if when.end is Endpoint.OPEN:
        arrows.append((x_right, ">"))
    elif when.end is Endpoint.UNKNOWN:
        right = min(x_right, max(sure_from, left) + (x_right - x_left) * 0.08)
        fades_list += _fade_steps(max(sure_from, left), right, rising=False)
    elif e_hi > e_lo:
        light.append((sure_to, right))
    for part in (when.start, when.end):
        if isinstance(part, UncertainDate):
            part_lo, part_hi, _, _ = day_ends(part, zone=zone)
            fades_list += _fades(part, widening, day_to_x(part_lo), day_to_x(part_hi + 1), zone)
    solid = (sure_from, sure_to) if sure_to > sure_from else None
    if solid is None and not light:
        solid = _widen(left, right, minimum)
    starts = [left] + [f[0] for f in fades_list]
    stops = [right] + [f[1] for f in fades_list]
    return _Shape(
        start=max(x_left, min(starts)),
        stop=min(x_right, max(stops)),
        solid=solid,
        light=tuple(light),
        fades=tuple(fades_list),
        arrows=tuple(arrows),
        hatched=any(
            isinstance(p, UncertainDate) and bool(p.qualifier & Qualifier.UNCERTAIN) for p in (when.start, when.end)
        ),
    )


def _widen(x0: float, x1: float, minimum: float) -> tuple[float, float]:
    if x1 - x0 >= minimum:
        return x0, x1
    middle = (x0 + x1) / 2
    return middle - minimum / 2, middle + minimum / 2


def _fades(
    value: UncertainDate, widening: Widening, x0: float, x1: float, zone: ZoneInfo | None = None
) -> tuple[tuple[float, float, float], ...]:
    if not value.qualifier & Qualifier.APPROXIMATE:
        return ()
    lo, _, _, hi = day_ends(value, widening, zone)
    fades: list[tuple[float, float, float]] = []
    if day_to_x(lo) < x0:
        fades += _fade_steps(day_to_x(lo), x0, rising=True)
    if day_to_x(hi + 1) > x1:
        fades += _fade_steps(x1, day_to_x(hi + 1), rising=False)
    return tuple(fades)


def _fade_steps(x0: float, x1: float, *, rising: bool) -> list[tuple[float, float, float]]:
    """Steps of falling opacity from the sure side outwards."""
    steps = []
    width = (x1 - x0) / FADE_STEPS
    for i in range(FADE_STEPS):
        strength = (i + 1) / (FADE_STEPS + 1) if rising else (FADE_STEPS - i) / (FADE_STEPS + 1)
        steps.append((x0 + i * width, x0 + (i + 1) * width, UNCERTAIN_ALPHA * strength))
    return steps


# -- drawing --------------------------------------------------------------------------------------------


def _rectangle(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    return [(x0, y - height / 2), (x1, y - height / 2), (x1, y + height / 2), (x0, y + height / 2)]


def _rgba(color: str, alpha: float) -> tuple[float, float, float, float]:
    return to_rgba(color, alpha)


def _draw_marks(
    ax: Axes,
    events: Sequence[Event],
    shapes: dict[str, _Shape],
    positions: dict[str, tuple[float, float]],
    lane_by_event: dict[str, str],
    colors: dict[str, str],
) -> tuple[PolyCollection | PathCollection, ...]:
    """All marks in six collections: dots, bars, hatches, solids, fades and arrows."""
    dots_x, dots_y, dot_colors = [], [], []
    polys: dict[str, tuple[list[list[tuple[float, float]]], list[tuple[float, float, float, float]]]] = {
        name: ([], []) for name in ("bars", "hatched", "solid", "fades")
    }
    arrows: dict[str, tuple[list[float], list[float], list[str]]] = {"<": ([], [], []), ">": ([], [], [])}
    for event in events:
        shape = shapes[event.id]
        _, y = positions[event.id]
        color = colors[lane_by_event[event.id]]
        if shape.dot is not None:
            dots_x.append(shape.dot)
            dots_y.append(y)
            dot_colors.append(color)
        for x0, x1, alpha in shape.bars:
            polys["bars"][0].append(_rectangle(x0, x1, y, UNCERTAIN_HEIGHT))
            polys["bars"][1].append(_rgba(color, alpha))
            if shape.hatched:
                polys["hatched"][0].append(_rectangle(x0, x1, y, UNCERTAIN_HEIGHT))
                polys["hatched"][1].append(_rgba(color, 1.0))
        for x0, x1, alpha in shape.fades:
            height = LASTING_HEIGHT if shape.solid is not None or shape.light else UNCERTAIN_HEIGHT
            polys["fades"][0].append(_rectangle(x0, x1, y, height))
            polys["fades"][1].append(_rgba(color, alpha))
        if shape.solid is not None:
            polys["solid"][0].append(_rectangle(*shape.solid, y, LASTING_HEIGHT))
            polys["solid"][1].append(_rgba(color, 0.9))
        for x0, x1 in shape.light:
            polys["bars"][0].append(_rectangle(x0, x1, y, LASTING_HEIGHT))
            polys["bars"][1].append(_rgba(color, UNCERTAIN_ALPHA))
            if shape.hatched:
                polys["hatched"][0].append(_rectangle(x0, x1, y, LASTING_HEIGHT))
                polys["hatched"][1].append(_rgba(color, 1.0))
        for x, direction in shape.arrows:
            arrows[direction][0].append(x)
            arrows[direction][1].append(y)
            arrows[direction][2].append(color)
    drawn: list[PolyCollection | PathCollection] = []
    for name, (vertices, face) in polys.items():
        if not vertices:
            continue
        if name == "hatched":
            collection = PolyCollection(
                vertices, facecolors="none", edgecolors=face, hatch=HATCH, linewidths=0.0, zorder=3
            )
        else:
            collection = PolyCollection(
                vertices, facecolors=face, edgecolors="none", zorder=2 if name != "solid" else 3
            )
        collection.set_label(f"_{name}")
        ax.add_collection(collection)
        drawn.append(collection)
    if dots_x:
        dots = ax.scatter(dots_x, dots_y, s=22, c=dot_colors, zorder=4, edgecolors="white", linewidths=0.6)
        dots.set_label("_dots")
        drawn.append(dots)
    for direction, (xs, ys, cs) in arrows.items():
        if xs:
            marker = "<" if direction == "<" else ">"
            heads = ax.scatter(xs, ys, s=30, c=cs, marker=marker, zorder=4, clip_on=False)
            heads.set_label(f"_open{direction}")
            drawn.append(heads)
    return tuple(drawn)


def _draw_labels(
    ax: Axes,
    events: Sequence[Event],
    placements: dict[str, Placement],
    positions: dict[str, tuple[float, float]],
    labels_of: Callable[[Event], str],
    shapes: dict[str, _Shape],
) -> tuple[dict[str, Text], dict[int, str]]:
    artists: dict[str, Text] = {}
    numbered: dict[int, str] = {}
    for event in events:
        place = placements[event.id]
        _, y = positions[event.id]
        if place.side == "number":
            number = len(numbered) + 1
            numbered[number] = event.id
            text = str(number)
        else:
            text = labels_of(event)
        artists[event.id] = ax.text(
            place.x,
            y,
            text,
            ha="left" if place.x > positions[event.id][0] or place.side == "inside" else "right",
            va="center",
            fontsize=FONT_SIZE,
            color="white" if place.side == "inside" and _on_solid(shapes[event.id], place.x) else "#222222",
            zorder=5,
            weight="bold" if place.side == "number" else "normal",
        )
    return artists, numbered


def _on_solid(shape: _Shape, x: float) -> bool:
    """Whether text starting at ``x`` sits on the dark, surely-lasting part of a bar."""
    return shape.solid is not None and shape.solid[0] <= x < shape.solid[1]


def _draw_links(ax: Axes, view: Timeline, positions: dict[str, tuple[float, float]]) -> LineCollection | None:
    segments = []
    for event in view:
        if event.id not in positions:
            continue
        for target in event.reports:
            if target in positions:
                segments.append([positions[event.id], positions[target]])
    if not segments:
        return None
    lines = LineCollection(segments, colors=REPORT_COLOR, linestyles=(0, (3, 2)), linewidths=0.9, zorder=1)
    lines.set_label("_reports")
    ax.add_collection(lines)
    return lines


def _source_lanes(view: Timeline, names: Sequence[str], rows: Mapping[str, int]) -> dict[str, str]:
    """How lanes of sources are named: outlet (or short title) and date, on two lines where the lane has room.

    Two sources that would read the same are told apart by their ids.
    """
    shown = {n: source_label(n, view.sources, width=24, one_line=rows[n] < 2) for n in names}
    seen: dict[str, int] = {}
    for text in shown.values():
        seen[text] = seen.get(text, 0) + 1
    return {n: text if seen[text] == 1 else n for n, text in shown.items()}


def _decorate_lanes(
    ax: Axes,
    names: Sequence[str],
    tops: dict[str, float],
    rows: dict[str, int],
    colors: dict[str, str],
    group_by: GroupBy,
    shown: Mapping[str, str],
) -> None:
    """Name each lane (``shown`` may say it otherwise: a source by its outlet and date) in its colour."""
    ax.set_yticks([tops[n] + (rows[n] - 1) / 2 for n in names])
    ax.set_yticklabels([shown.get(n, n) or "" for n in names], fontsize=FONT_SIZE + 0.5)
    for tick, name in zip(ax.get_yticklabels(), names, strict=True):
        tick.set_color(colors[name])
    for name in names[1:]:
        ax.axhline(tops[name] - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if group_by is not None:
        ax.set_ylabel(group_by, fontsize=FONT_SIZE, color="#666666")


def _draw_density(
    ax: Axes,
    lanes: dict[str, list[Event]],
    tops: dict[str, float],
    colors: dict[str, str],
    first_day: int,
    last_day: int,
    zone: ZoneInfo | None = None,
) -> tuple[PolyCollection, ...]:
    """Per lane, the expected number of events a day: each spreads one unit evenly over its bounds."""
    days = last_day - first_day + 1
    bin_days = max(1, days // 300)  # about 300 bars across: smooth enough to read, fine enough to see
    bins = -(-days // bin_days)
    bands = []
    for name, members in lanes.items():
        ends = np.array([day_ends(e.when, zone=zone) for e in members], dtype=np.int64).reshape(-1, 4)
        lo = np.clip(ends[:, 0], first_day, last_day) - first_day
        hi = np.clip(ends[:, 3], first_day, last_day) - first_day
        share = 1.0 / (hi - lo + 1)  # each event spreads one unit evenly over its days
        change = np.zeros(bins * bin_days + 1)
        np.add.at(change, lo, share)
        np.add.at(change, hi + 1, -share)
        per_day = np.cumsum(change)[: bins * bin_days]
        density = per_day.reshape(bins, bin_days).mean(axis=1)
        scale = density.max() or 1.0
        xs = day_to_x(first_day) + np.arange(bins) * bin_days
        top = tops[name]
        base = top + _DENSE_ROWS - 0.6
        band = ax.fill_between(
            xs, base, base - (_DENSE_ROWS - 0.4) * density / scale, step="post", color=colors[name], alpha=0.6, lw=0
        )
        band.set_label(f"_density {name}")
        bands.append(band)
    return tuple(bands)


def _draw_key(
    ax: Axes, numbered: dict[int, str], view: Timeline, labels_of: Callable[[Event], str], top: float
) -> Text:
    """The numbered labels, in columns under the legend."""
    lines = [f"{n:>2}  {labels_of(view[event_id])}" for n, event_id in numbered.items()]
    columns = _key_columns(len(lines))
    per_column = -(-len(lines) // columns)
    text = "\n".join(
        "   ".join(lines[c * per_column + r].ljust(50) for c in range(columns) if c * per_column + r < len(lines))
        for r in range(per_column)
    )
    return ax.text(0.0, top, text, transform=ax.transAxes, va="top", ha="left", fontsize=FONT_SIZE - 0.5)


def _sources_line(view: Timeline, events: Sequence[Event]) -> str:
    """The line naming each source the events cite, with its date; empty if none is cited."""
    cited = dict.fromkeys(source for e in events for source in e.sources)
    parts = []
    for source_id in cited:
        source = view.sources.get(source_id)
        if source is None:
            continue
        name = (
            source.outlet or f"“{textwrap.shorten(source.title, 48, placeholder='…')}”" if source.title else source.id
        )
        if source.outlet:
            name = source.outlet
        when = f", {source.published.label}" if source.published is not None else ""
        parts.append(f"{name}{when}")
    if not parts:
        return ""
    return textwrap.fill("Sources: " + "; ".join(parts) + ".", 200)
