"""Drawing a timeline: lanes of events, the uncertainty visible, labels that never collide.

:func:`plot_timeline` draws on a matplotlib ``Axes`` (or a new ``Figure``
made without pyplot) and returns a :class:`TimelinePlot`: what it drew, so
that scripts and tests can ask which labels, lanes and positions there are.
Marks are drawn in a few batched collections, not one artist per event.
Every x comes from one :class:`~chronology.plot._scale.Scale` (day numbers
to x, broken where the window is quiet: ``chronology.plot._breaks``), so
marks, labels, links and ticks agree; each mark covers exactly the days, or
hours, its date allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, Literal
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

from chronology._calendar import MAX_ABS_YEAR, SECONDS_PER_DAY, day_number
from chronology.dates import (
    DEFAULT_WIDENING,
    DateValue,
    Endpoint,
    Interval,
    Precision,
    Qualifier,
    UncertainDate,
    Widening,
)
from chronology.events import Event
from chronology.index import NEG_DAY, POS_DAY, day_ends
from chronology.plot._axis import BREAK_MARK, day_to_x, draw_breaks, format_axis
from chronology.plot._breaks import dated_moments, scale_for
from chronology.plot._labels import Placement
from chronology.plot._layout import (
    LANE_FONT,
    LANE_SHARE,
    Measure,
    check_options,
    decorate_lanes,
    draw_labels,
    finish,
    fit_width,
    label_text,
    lane_labels,
    lane_rows,
    place_labels,
    shortened_handle,
    sources_line,
)
from chronology.plot._output import renderer_of
from chronology.plot._scale import Scale, day_span, seconds_span
from chronology.plot._style import (
    FADE_STEPS,
    FONT_SIZE,
    HATCH,
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
#: The window's open sides when only one is given: beyond every day an event file can hold.
_EARLIEST: Final = UncertainDate.from_days(day_number(-MAX_ABS_YEAR, 1, 1), day_number(-MAX_ABS_YEAR, 1, 1))
_LATEST: Final = UncertainDate.from_days(day_number(MAX_ABS_YEAR, 12, 31), day_number(MAX_ABS_YEAR, 12, 31))


@attrs.frozen(kw_only=True)
class TimelinePlot:
    """What :func:`plot_timeline` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        lanes: lane names, top to bottom.
        lane_of: event id -> lane name.
        positions: event id -> (x, y) of the middle of its mark, in data units.
        labels: event id -> its label: the whole title, wrapped onto up to three lines, or a
            number keyed below when there is no room beside the mark.
        numbered: number -> event id, for labels that gave way to numbers.
        marks: the collections of marks (day markers, bars, fades, hatches, open ends).
        links: report -> reported event lines, if any.
        density: density bands, one a lane, when the timeline is dense.
        legend: the legend of the uncertainty styles drawn (none over density bands).
        key: the key of numbered labels, whole, one text a column; empty when none is numbered.
        footnote: the sources, cited (author(s), title, outlet, date), wrapped to the width.
        title: the title, if any.
        scale: where each day is drawn: ``scale.x(day_number)`` is its x, through any breaks.

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
    key: tuple[Text, ...]
    footnote: Text | None
    title: Text | None
    scale: Scale


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
    label_chars: int | None = None,
    dates: bool = False,
    breaks: bool = True,
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
        width: the width in inches of a new figure, 6-30: every text is inside the
            picture at any of these widths.
        dpi: the resolution of a new figure.
        show_reports: join each report to what it reports.
        dense: draw density bands instead of marks above this many events
            (300 by default).
        widening: how far approximate ends fade (the "possible" policy); None
            for each event's own (its file's ``[reading]``, else the default).
        footnote: name the sources under the plot.
        label: the text of an event's label; its whole title by default. A label is
            wrapped onto up to three lines to fit the room beside its mark; where
            there is none, it becomes a number and the key under the plot gives it whole.
        label_chars: shorten titles (or ``label``'s texts) to this many characters (8 or
            more), cut at a word and marked "…"; the legend then says so. ``None``: never
            shortened. The date that ``dates`` adds is not counted.
        dates: write each event's date label before its title ("18 October 2024: ..."),
            as a report's chronology does.
        breaks: break the axis where most of the window is quiet and the dates crowd elsewhere, each
            piece with ticks of its own (the rule: ``chronology.plot._breaks``, and the how-to "Draw any
            span of time"); ``False`` for one plain axis, as density bands always have. Any year is drawn,
            hours to millions of years, before the common era and beyond 9999.

    Returns:
        What was drawn: see :class:`TimelinePlot`.

    Raises:
        PlotError: a ``width`` outside 6-30 inches for a new figure, or ``label_chars`` under 8.

    """
    check_options(width, label_chars, own_figure=ax is None)
    view = timeline
    if start is not None or end is not None:
        view = timeline.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)
    events = view.sorted()
    zone = view.zone_info
    first_day, last_day = _view_days(events, start, end, zone)
    lanes = _lanes(events, group_by, lane_order)
    lane_names = tuple(lanes)
    is_dense = len(events) > (DENSE if dense is None else dense)

    with matplotlib.rc_context(RC | {"hatch.linewidth": 0.6}):
        figure, ax, own_figure = _figure(ax, width, dpi)
        # every x goes through the scale: marks, labels, links and ticks (quiet stretches broken, see _breaks)
        broken = breaks and not is_dense  # density bands are drawn on a plain axis
        moments = dated_moments((e.when for e in events), zone) if broken else []
        scale = scale_for(moments, first_day, last_day + 1, breaks=broken)
        x_left, x_right = scale.left, scale.right
        ax.set_xlim(x_left, x_right)
        renderer = renderer_of(figure)
        minimum_width = (x_right - x_left) / 350
        narrowed = {} if is_dense else {e.id: view.narrowed(e.id) for e in events}
        # Density bands draw no marks: their events get no shape, only a position (the middle of their days).
        shapes = {
            e.id: _shape(
                narrowed.get(e.id, e.when),
                scale,
                minimum_width,
                widening or e.widening or DEFAULT_WIDENING,
                zone,
                written=e.when,
            )
            for e in (() if is_dense else events)
        }
        middles = {e.id: shapes[e.id].middle for e in events} if not is_dense else _middles(events, scale, zone)
        # the words: lane names set the left margin, then every label is measured and packed into rows
        lane_font, measure = Measure(figure, renderer, LANE_FONT), Measure(figure, renderer, FONT_SIZE)
        shown = lane_labels(view, lane_names, group_by, lane_font, LANE_SHARE * figure.get_figwidth())
        left = fit_width(figure, ax, width, shown, lane_font) if own_figure else 0.0
        name_rows = lane_rows(shown, lane_font)
        texts: dict[str, str] = {}
        if is_dense:
            rows = {name: max(_DENSE_ROWS, name_rows[name]) for name in lane_names}
            labels = None
            placements: dict[str, Placement] = {}
        else:
            texts = {e.id: label_text(e, label, label_chars, dates) for e in events}
            extents = {e.id: (shapes[e.id].start, shapes[e.id].stop) for e in events}
            labels = place_labels(
                ax, measure, lanes, extents, texts, name_rows, own_figure=own_figure, walls=scale.breaks
            )
            rows, placements = labels.rows, labels.placements
        total_rows = sum(rows.values())
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
            row = placements[event.id].row if event.id in placements else 0
            positions[event.id] = (middles[event.id], lane_top[lane_by_event[event.id]] + row)
        density: tuple[PolyCollection, ...] = ()
        marks: tuple[PolyCollection | PathCollection, ...] = ()
        label_artists: dict[str, Text] = {}
        numbered: dict[int, str] = {}
        if is_dense:
            density = _draw_density(ax, lanes, lane_top, colors, first_day, last_day, zone)
        else:
            marks = _draw_marks(ax, events, shapes, positions, lane_by_event, colors, scale)
            assert labels is not None
            solids = {e.id: shapes[e.id].solid for e in events}
            label_artists, numbered = draw_labels(ax, events, labels, positions, solids, measure)
        links = _draw_links(ax, view, positions) if show_reports and not is_dense else None
        decorate_lanes(ax, lane_names, lane_top, rows, colors, shown)
        format_axis(ax, scale)
        draw_breaks(ax, scale)
        handles = None  # density bands draw none of the uncertainty styles: nothing to explain
        if not is_dense:
            handles = legend_handles(used=_styles_used(shapes.values(), links))
            if label_chars is not None and any(texts[e.id] != label_text(e, label, None, dates) for e in events):
                handles.append(shortened_handle(label_chars))
        words = finish(
            ax,
            renderer,
            own_figure=own_figure,
            width=width,
            left=left,
            total_rows=total_rows,
            heading=title if title is not None else view.title,
            handles=handles,
            key=[(number, texts[event_id]) for number, event_id in numbered.items()],
            sources=sources_line(view, events) if footnote else "",
        )
        title_artist, legend, key, note = words.title, words.legend, words.key, words.footnote
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
        scale=scale,
    )


# -- layout ---------------------------------------------------------------------------------------------


def _view_days(
    events: Sequence[Event], start: WhenLike | None, end: WhenLike | None, zone: ZoneInfo | None = None
) -> tuple[int, int]:
    from chronology.timeline import _value

    ends = [day_ends(e.when, zone=zone) for e in events]
    finite_lo = [d for bounds in ends for d in bounds[:3:2] if d not in (NEG_DAY, POS_DAY)]  # not open or unknown
    finite_hi = [d for bounds in ends for d in bounds[1::2] if d not in (NEG_DAY, POS_DAY)]
    first = day_ends(_value(start), zone=zone)[0] if start is not None else min(finite_lo, default=None)
    last = day_ends(_value(end), zone=zone)[3] if end is not None else max(finite_hi, default=None)
    # Nothing dated: any day will do. (Days beyond the index's sentinels are real days: year 170,000,002 is one.)
    if first is None or first == POS_DAY:
        first = last if last is not None and last != NEG_DAY else 738_000
    if last is None or last == NEG_DAY:
        last = first
    return first, max(last, first)


def _middles(events: Sequence[Event], scale: Scale, zone: ZoneInfo | None) -> dict[str, float]:
    """The x of the middle of each event's possible days, within the scale (open sides stop at its edge)."""
    first, last = scale.pieces[0].first, scale.pieces[-1].last
    days = np.array([day_ends(e.when, zone=zone) for e in events], dtype=np.float64).reshape(-1, 4)
    lo = np.clip(days[:, 0], first, last)
    hi = np.clip(days[:, 3] + 1, first, last)
    return dict(zip((e.id for e in events), (scale.x(x) for x in ((lo + hi) / 2).tolist()), strict=True))


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
    outline: tuple[tuple[float, float], ...] = ()  # the bounds as written, where the links narrowed them
    middle_x: float | None = None  # where links and the position point, if not the middle of start-stop

    @property
    def middle(self) -> float:
        """The x links and positions point at: the dot, else the middle of the mark (its outline aside)."""
        if self.dot is not None:
            return self.dot
        if self.middle_x is not None:
            return self.middle_x
        if self.outline:
            parts = [*self.light, *([self.solid] if self.solid else []), *((a, b) for a, b, _ in self.fades)]
            if parts:
                return (min(a for a, _ in parts) + max(b for _, b in parts)) / 2
        return (self.start + self.stop) / 2


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
                ("narrowed", bool(shape.outline)),
            )
            if shown
        }
    if links is not None and len(links.get_segments()):
        used.add("report")
    return used


#: An unknown end, and the open side of "before X", fade out over one unit of the known end's precision (a
#: day for "2024-10-05/", a year for "1450/"), but never over less than this share of the axis, so that the
#: fade is seen at any zoom and never reads as a known end.
FADE_SHARE: Final = 0.05


def _shape(
    when: DateValue,
    scale: Scale,
    minimum: float,
    widening: Widening,
    zone: ZoneInfo | None = None,
    *,
    written: DateValue | None = None,
) -> _Shape:
    """The mark of ``when`` (the date narrowed by the links), over exactly the days and hours it covers.

    Where the links narrowed the ``written`` date, its bounds are kept as an outline around the mark.
    """
    if isinstance(when, UncertainDate):
        shape = _instant_shape(when, scale, minimum, widening, zone)
    else:
        shape = _lasting_shape(when, scale, minimum, widening, zone)
    if written is None or written == when:
        return shape
    outline = _extent(written, scale, zone)
    if outline is None:
        return shape
    return attrs.evolve(shape, start=min(shape.start, outline[0]), stop=max(shape.stop, outline[1]), outline=(outline,))


def _instant_shape(
    value: UncertainDate, scale: Scale, minimum: float, widening: Widening, zone: ZoneInfo | None
) -> _Shape:
    """A dot for a day (or a time) known exactly; else a light bar over exactly the days it may fall on."""
    lo, hi = day_span(value, zone)
    if value.open_before or value.open_after:
        # "before 23 August 1456": no invented other end; a fade from the known bound towards the open side
        if value.open_before:
            known = scale.x(hi)
            steps = _fade_steps(max(scale.left, known - _reach(value, scale, hi, -1)), known, rising=True)
        else:
            known = scale.x(lo)
            steps = _fade_steps(known, min(scale.right, known + _reach(value, scale, lo, 1)), rising=False)
        return _Shape(start=steps[0][0], stop=steps[-1][1], hatched=value.uncertain, fades=tuple(steps))
    x0, x1 = scale.x(lo), scale.x(hi)
    if value.qualifier is Qualifier.NONE and value.precision.rank <= Precision.DAY.rank and _one_unit(value):
        middle = (x0 + x1) / 2
        return _Shape(start=middle - minimum / 2, stop=middle + minimum / 2, dot=middle)
    fades = _fades(value, widening, x0, x1, scale, zone)
    x0, x1 = _widen(x0, x1, minimum)
    return _Shape(
        start=min([x0] + [f[0] for f in fades]),
        stop=max([x1] + [f[1] for f in fades]),
        bars=((x0, x1, UNCERTAIN_ALPHA),),
        hatched=value.uncertain,
        fades=fades,
        middle_x=(x0 + x1) / 2,
    )


def _lasting_shape(when: Interval, scale: Scale, minimum: float, widening: Widening, zone: ZoneInfo | None) -> _Shape:
    """Solid where the thing surely lasted; light where an end may fall; fades, arrows for the ends not known.

    An end given to the day (or the hour, the minute) is part of what lasted: ``2024-10-05/2024-10-07`` is
    solid over the 5th, 6th and 7th. An end that may fall over more than a day ("March 2024", "between 1434
    and 1444") or is doubted (``?``) is light over exactly the days it may fall on. An approximate end
    (``~``) fades beyond its bounds as far as the widening reaches; an unknown end fades out
    (:data:`FADE_SHARE`); an open end runs to the edge, an arrow there.
    """
    x_left, x_right = scale.left, scale.right
    arrows: list[tuple[float, str]] = []
    fades: list[tuple[float, float, float]] = []
    light: list[tuple[float, float]] = []
    start, end = when.start, when.end
    s_span = _end_span(start, scale, zone, x_left, x_right)
    e_span = _end_span(end, scale, zone, x_left, x_right)
    if s_span is not None and e_span is not None:
        s_span = (s_span[0], min(s_span[1], e_span[1]))  # a start cannot lie after the end
        e_span = (max(e_span[0], s_span[0]), e_span[1])
    solid_from = solid_to = None
    if isinstance(start, UncertainDate):
        assert s_span is not None
        firm = _firm(start)
        solid_from = s_span[0] if firm else s_span[1]
        if not firm:
            light.append(s_span)
        fades += [f for f in _fades(start, widening, *s_span, scale, zone) if f[1] <= s_span[0]]
    elif start is Endpoint.OPEN:
        solid_from = x_left
        arrows.append((x_left, "<"))
    if isinstance(end, UncertainDate):
        assert e_span is not None
        firm = _firm(end)
        solid_to = e_span[1] if firm else e_span[0]
        if not firm:
            light.append(e_span)
        fades += [f for f in _fades(end, widening, *e_span, scale, zone) if f[0] >= e_span[1]]
    elif end is Endpoint.OPEN:
        solid_to = x_right
        arrows.append((x_right, ">"))
    if start is Endpoint.UNKNOWN and isinstance(end, UncertainDate) and e_span is not None:
        # the end is known: the thing lasted up to it, from a start that fades out to the left
        if solid_to is not None and _firm(end):
            solid_from = e_span[0]
        known = e_span[0]
        fades += _fade_steps(max(x_left, known - _reach(end, scale, scale.day(known), -1)), known, rising=True)
    if end is Endpoint.UNKNOWN and isinstance(start, UncertainDate) and s_span is not None:
        if solid_from is not None and _firm(start):
            solid_to = s_span[1]
        known = s_span[1]
        fades += _fade_steps(known, min(x_right, known + _reach(start, scale, scale.day(known), 1)), rising=False)
    solid = None
    if solid_from is not None and solid_to is not None and solid_to > solid_from:
        solid = _widen(solid_from, solid_to, minimum) if solid_to - solid_from < minimum else (solid_from, solid_to)
    elif len(light) == 2:  # the ends' spans meet: the thing may have lasted anywhere across both
        light = [(min(light[0][0], light[1][0]), max(light[0][1], light[1][1]))]
    if solid is None and not light and s_span is not None and e_span is not None:
        solid = _widen(s_span[0], e_span[1], minimum)
    extent = [x for part in light for x in part] + [x for f in fades for x in f[:2]] + [a for a, _ in arrows]
    if solid is not None:
        extent += list(solid)
    return _Shape(
        start=max(x_left, min(extent)),
        stop=min(x_right, max(extent)),
        solid=solid,
        light=tuple(light),
        fades=tuple(fades),
        arrows=tuple(arrows),
        hatched=any(isinstance(p, UncertainDate) and p.uncertain for p in (start, end)),
    )


def _end_span(
    end: UncertainDate | Endpoint, scale: Scale, zone: ZoneInfo | None, x_left: float, x_right: float
) -> tuple[float, float] | None:
    """The x from the first to the end of the last moment an interval's end may fall on (None if not a date)."""
    if not isinstance(end, UncertainDate):
        return None
    lo, hi = day_span(end, zone)
    return (x_left if end.open_before else scale.x(lo)), (x_right if end.open_after else scale.x(hi))


def _one_unit(value: UncertainDate) -> bool:
    """Whether ``value`` is one unit of its precision: a day, a month, a year as written, not a range of them."""
    return value.hi - value.lo < value.precision.longest_seconds


def _firm(end: UncertainDate) -> bool:
    """Whether an interval's end is part of what surely lasted: one day (or hour, minute), not doubted, not open.

    "2024-10-05/2024-10-07" lasted on the 5th, 6th and 7th; "2024-03/2024-06" may have begun late in March.
    """
    return (
        end.precision.rank <= Precision.DAY.rank
        and _one_unit(end)
        and not end.uncertain
        and not (end.open_before or end.open_after)
    )


def _reach(value: UncertainDate, scale: Scale, day: float, direction: int) -> float:
    """How far (in x) a fade from ``day`` runs: one unit of ``value``'s precision, at least FADE_SHARE of the axis."""
    unit = value.precision.longest_seconds / SECONDS_PER_DAY
    return max(abs(scale.x(day + direction * unit) - scale.x(day)), FADE_SHARE * (scale.right - scale.left))


def _extent(value: DateValue, scale: Scale, zone: ZoneInfo | None) -> tuple[float, float] | None:
    """The x from the first to the end of the last moment ``value`` allows, where both are dates."""
    parts = (value, value) if isinstance(value, UncertainDate) else (value.start, value.end)
    first, last = parts
    if not isinstance(first, UncertainDate) or not isinstance(last, UncertainDate):
        return None
    if first.open_before or last.open_after:
        return None
    return scale.x(day_span(first, zone)[0]), scale.x(day_span(last, zone)[1])


def _widen(x0: float, x1: float, minimum: float) -> tuple[float, float]:
    if x1 - x0 >= minimum:
        return x0, x1
    middle = (x0 + x1) / 2
    return middle - minimum / 2, middle + minimum / 2


def _fades(
    value: UncertainDate, widening: Widening, x0: float, x1: float, scale: Scale, zone: ZoneInfo | None = None
) -> tuple[tuple[float, float, float], ...]:
    """The fades of an approximate value beyond its bounds ``x0``-``x1``, as far as ``widening`` reaches."""
    if not value.approximate:
        return ()
    lo, hi = widening.bounds(value)
    first, last = seconds_span(lo, hi, value.utc_offset, zone)
    fades: list[tuple[float, float, float]] = []
    if not value.open_before and scale.x(first) < x0:
        fades += _fade_steps(scale.x(first), x0, rising=True)
    if not value.open_after and scale.x(last) > x1:
        fades += _fade_steps(x1, scale.x(last), rising=False)
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


_OUTLINE_HEIGHT: Final = LASTING_HEIGHT + 0.16  # the written bounds of a narrowed date frame its mark


def _draw_marks(
    ax: Axes,
    events: Sequence[Event],
    shapes: dict[str, _Shape],
    positions: dict[str, tuple[float, float]],
    lane_by_event: dict[str, str],
    colors: dict[str, str],
    scale: Scale,
) -> tuple[PolyCollection | PathCollection, ...]:
    """All marks in a few collections: dots, bars, hatches, solids, fades, outlines, arrows and break cuts.

    Every bar goes through ``scale.cut``: across a break it is drawn on both sides, and a break mark cuts it.
    """
    dots_x, dots_y, dot_colors = [], [], []
    polys: dict[str, tuple[list[list[tuple[float, float]]], list[tuple[float, float, float, float]]]] = {
        name: ([], []) for name in ("bars", "hatched", "solid", "fades", "outline")
    }
    arrows: dict[str, tuple[list[float], list[float], list[str]]] = {"<": ([], [], []), ">": ([], [], [])}
    cuts_x: list[float] = []
    cuts_y: list[float] = []

    def add(name: str, x0: float, x1: float, y: float, height: float, color: tuple[float, float, float, float]) -> None:
        for a, b in scale.cut(x0, x1):
            polys[name][0].append(_rectangle(a, b, y, height))
            polys[name][1].append(color)
        if name != "hatched":
            for x in scale.crossed(x0, x1):
                cuts_x.append(x)
                cuts_y.append(y)

    for event in events:
        shape = shapes[event.id]
        _, y = positions[event.id]
        color = colors[lane_by_event[event.id]]
        if shape.dot is not None:
            dots_x.append(shape.dot)
            dots_y.append(y)
            dot_colors.append(color)
        for x0, x1, alpha in shape.bars:
            add("bars", x0, x1, y, UNCERTAIN_HEIGHT, _rgba(color, alpha))
            if shape.hatched:
                add("hatched", x0, x1, y, UNCERTAIN_HEIGHT, _rgba(color, 1.0))
        for x0, x1, alpha in shape.fades:
            height = LASTING_HEIGHT if shape.solid is not None or shape.light else UNCERTAIN_HEIGHT
            add("fades", x0, x1, y, height, _rgba(color, alpha))
        if shape.solid is not None:
            add("solid", *shape.solid, y, LASTING_HEIGHT, _rgba(color, 0.9))
        for x0, x1 in shape.light:
            add("bars", x0, x1, y, LASTING_HEIGHT, _rgba(color, UNCERTAIN_ALPHA))
            if shape.hatched:
                add("hatched", x0, x1, y, LASTING_HEIGHT, _rgba(color, 1.0))
        for x0, x1 in shape.outline:
            add("outline", x0, x1, y, _OUTLINE_HEIGHT, _rgba(color, 0.75))
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
        elif name == "outline":
            collection = PolyCollection(vertices, facecolors="none", edgecolors=face, linewidths=0.8, zorder=3)
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
    if cuts_x:
        cuts = ax.scatter(
            cuts_x, cuts_y, s=70, marker=BREAK_MARK, facecolors="none", edgecolors="#444444", linewidths=1.0, zorder=4
        )
        cuts.set_label("_break cuts")
        drawn.append(cuts)
    return tuple(drawn)


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
