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

import functools
import itertools
import math
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal, NoReturn
from zoneinfo import ZoneInfo

import attrs
import matplotlib
import numpy as np
import numpy.typing as npt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.colors import get_named_colors_mapping, is_color_like, to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.typing import RcKeyType

from chronology._calendar import MAX_ABS_YEAR, SECONDS_PER_DAY, day_number
from chronology._suggest import suggest
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
from chronology.errors import ChronologyWarning, PlotError
from chronology.events import Event
from chronology.index import NEG_DAY, POS_DAY, day_ends
from chronology.plot._axis import BREAK_MARK, day_to_x, draw_breaks, format_axis
from chronology.plot._breaks import LEAST_PIECE_INCHES, dated_moments, scale_for
from chronology.plot._fonts import drawing_fonts, strings_of
from chronology.plot._labels import Placement
from chronology.plot._layout import (
    LANE_FONT,
    UNHINTED,
    Finished,
    Measure,
    UnhintedFigure,
    caller_level,
    check_options,
    citations_of,
    decorate_lanes,
    draw_labels,
    finish,
    fit_width,
    label_text,
    lane_labels,
    lane_room,
    lane_rows,
    makes_room,
    missing_lane,
    place_labels,
    shortened_handle,
    source_keys,
)
from chronology.plot._output import renderer_of
from chronology.plot._scale import Scale, day_span, seconds_span
from chronology.plot._style import (
    FADE_STEPS,
    FONT_SIZE,
    HATCH,
    LANE_COLORS,
    LASTING_HEIGHT,
    OPEN_HEAD_SIZE,
    OPEN_HEADS,
    RC,
    REPORT_COLOR,
    UNCERTAIN_ALPHA,
    UNCERTAIN_HEIGHT,
    legend_handles,
)
from chronology.scan.density import Bins, spread
from chronology.timeline import Timeline, WhenLike
from chronology.zones import wall_seconds

__all__ = ["GroupBy", "TimelinePlot", "lane_colors", "lane_of", "plot_timeline"]

GroupBy = Literal["kind", "actor", "tag", "source"] | None
#: The values ``group_by`` takes.
GROUPINGS: Final[tuple[GroupBy, ...]] = ("kind", "actor", "tag", "source", None)
#: Above this many events, lanes show a density band instead of marks and labels.
DENSE: int = 300
_DENSE_ROWS = 3  # rows a density band takes
#: The style every picture of lanes is drawn in (``RC``, and finer hatches).
_PLOT_RC: Final = RC | {"hatch.linewidth": 0.6}
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
        links: report -> reported event lines, if any, drawn behind the marks and the labels.
        link_heads: the arrowhead of each of those lines, at the mark of the event reported.
        density: density bands, one a lane, when the timeline is dense.
        legend: the legend of the uncertainty styles drawn (none over density bands).
        key: the key of numbered labels, whole, one text a column; empty when none is numbered.
        footnote: the sources, cited (author(s), title, outlet, date), wrapped to the width: titles whole, on
            at most six lines, the sources beyond those counted ("and 12 more sources not shown").
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
    link_heads: tuple[FancyArrowPatch, ...] = ()
    density: tuple[PolyCollection, ...]
    legend: Legend | None
    key: tuple[Text, ...]
    footnote: Text | None
    title: Text | None
    scale: Scale


def lane_of(event: Event, group_by: GroupBy) -> str:
    """The lane an event is drawn in: its kind, first actor, first tag or first source.

    Events without one are in the lane "no kind" ("no actor", "no tag", "no source"); with ``group_by``
    None, every event is in the one lane "" (a picture of one such lane names no lane).
    """
    if group_by is None:
        return ""
    values = {
        "kind": (event.kind,) if event.kind else (),
        "actor": event.actors,
        "tag": event.tags,
        "source": event.sources,
    }[group_by]
    return values[0] if values else missing_lane(group_by)


def lane_colors(
    timeline: Timeline, group_by: GroupBy = "kind", lane_order: Sequence[str] | None = None
) -> dict[str, str]:
    """Each lane's colour as :func:`plot_timeline` draws ``timeline`` whole: lane name -> colour (``"#0072B2"``).

    Lanes take the colours in the order they are drawn, top first (by their earliest event, or ``lane_order``).
    A timeline taken from it by ``Timeline.filter`` or ``Timeline.select`` is
    drawn as a timeline of its own, its lanes coloured in their own order; to keep one colour a lane through a
    series of figures, give every figure the whole timeline's: ``plot_timeline(part, colors=lane_colors(whole))``.
    """
    if group_by not in GROUPINGS:
        _refuse_grouping(group_by)
    lanes = _lanes(timeline.sorted(), group_by, lane_order)
    return {name: LANE_COLORS[i % len(LANE_COLORS)] for i, name in enumerate(lanes)}


def _refuse_grouping(group_by: object) -> NoReturn:
    """Raise the error for a ``group_by`` that is none of :data:`GROUPINGS`, naming the nearest."""
    named = [g for g in GROUPINGS if g is not None]
    raise PlotError(
        f"group_by {group_by!r}: lanes are by {', '.join(map(repr, named))}, or None for one lane"
        + suggest(str(group_by), named)
    )


def _check_colors(colors: Mapping[str, str] | None) -> None:
    """Refuse a colour matplotlib cannot draw, naming the lane, the forms it takes and the nearest name."""
    for lane, color in (colors or {}).items():
        if not is_color_like(color):
            raise PlotError(
                f"colors[{lane!r}] = {color!r}: not a colour; give a name ('teal', 'tab:red') or a hex code "
                "('#D55E00')" + suggest(str(color), get_named_colors_mapping())
            )


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
    font: str | os.PathLike[str] | None = None,
    colors: Mapping[str, str] | None = None,
) -> TimelinePlot:
    """Draw ``timeline`` as lanes of marks with non-overlapping labels.

    Args:
        timeline: what to draw.
        ax: the axes to draw on; a new figure (``width`` inches wide, its height
            fitted to the rows) when ``None``. Axes handed over stay where they are; the
            words around them take the room the figure leaves, and what does not fit is
            left out with a ``ChronologyWarning`` saying how to make room in that figure
            (nothing is drawn outside the figure). A figure in constrained or tight layout
            makes the room itself: every word is drawn, and the labels are laid out for the
            axes as the layout places them. With no margin beside the axes, each lane's name is
            written inside them, on a row of its own over the lane. Axes too short for their rows
            at the labels' size set the labels smaller, down to 6 points; shorter still, a
            ``ChronologyWarning`` says how many rows there are and how tall the axes must be.
            Labels are drawn without font hinting: the figure may be saved at any resolution,
            and they keep the size they were laid out at.
        start: the first day shown (text, a date value or a date); the
            earliest event's when ``None``. Events outside the window are left out.
        end: the last day shown.
        group_by: lanes by ``"kind"``, ``"actor"``, ``"tag"`` or ``"source"``
            (an event's first), or ``None`` for one lane. Events without one are in the
            lane "no kind" ("no actor", ...); a picture of only that lane names no lane. A
            source lane carries its source's letter in the footnote: "[a] Al Jazeera".
        lane_order: lane names, top first; lanes not named follow in the
            default order: by their earliest event, then by name.
        title: the title; the timeline's own when ``None``.
        width: the width in inches of a new figure, 6-30: every text is inside the
            picture at any of these widths.
        dpi: the resolution of a new figure, in dots per inch: 100 suits a screen, 200-300 a report or a
            book. Its words are drawn without font hinting, the same size in inches at every resolution:
            saved at any other (72, 300), nothing collides and nothing leaves the picture.
        show_reports: join each report to what it reports.
        dense: draw density bands instead of marks above this many events
            (300 by default).
        widening: how far approximate ends fade (the "possible" policy); None
            for each event's own (its file's ``[reading]``, else the default).
        footnote: name the sources under the plot, by date, as a reader would cite them, titles whole; on the
            command line, ``--no-sources`` leaves them out.
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
        font: a font file's path or an installed family's name, drawn in before DejaVu Sans (the
            default). Letters neither has (Korean, Chinese, Japanese in DejaVu Sans) are drawn in an
            installed font that has them, found on the machine; where there is none, as "□".
        colors: lane name -> colour (any matplotlib colour: ``"#D55E00"``, ``"tab:red"``), for a series of
            figures that keeps one colour a lane. Lanes not named take the default colours, each by its place
            among the lanes of ``timeline`` (a window of it, ``start`` and ``end``, keeps them); a timeline
            filtered from another is one of its own: ``colors=lane_colors(whole)`` keeps the whole's colours.

    Returns:
        What was drawn: see :class:`TimelinePlot`.

    Raises:
        PlotError: a ``width`` outside 6-30 inches for a new figure, ``label_chars`` under 8, a ``group_by``
            other than those above, a colour in ``colors`` that is none, or a ``font`` that is neither a font
            file nor an installed family (the message names the nearest).

    Warns:
        MissingFontWarning: letters in no installed font, drawn as "□" (the message says how to get one).

    """
    check_options(width, label_chars, own_figure=ax is None)
    _check_colors(colors)
    if group_by not in GROUPINGS:
        _refuse_grouping(group_by)
    draw = functools.partial(
        _plot_timeline,
        timeline,
        start=start,
        end=end,
        group_by=group_by,
        lane_order=lane_order,
        title=title,
        width=width,
        dpi=dpi,
        show_reports=show_reports,
        dense=dense,
        widening=widening,
        footnote=footnote,
        label=label,
        label_chars=label_chars,
        dates=dates,
        breaks=breaks,
        font=font,
        colors=colors,
    )
    if ax is None or not makes_room(ax):
        return draw(ax=ax)
    # A layout engine (constrained, tight) moves the axes when the figure is drawn, to make room for the words
    # around them: drawn once, the axes are placed as the engine places them with those words, then drawn
    # again, laid out for the axes as they will be.
    before = set(ax.get_children())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        draw(ax=ax)
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    engine = figure.get_layout_engine()
    assert engine is not None
    with matplotlib.rc_context(_PLOT_RC):
        engine.execute(figure)
    for artist in set(ax.get_children()) - before:
        artist.remove()
    return draw(ax=ax)


def _plot_timeline(
    timeline: Timeline,
    *,
    ax: Axes | None,
    start: WhenLike | None,
    end: WhenLike | None,
    group_by: GroupBy,
    lane_order: Sequence[str] | None,
    title: str | None,
    width: float,
    dpi: float,
    show_reports: bool,
    dense: int | None,
    widening: Widening | None,
    footnote: bool,
    label: Callable[[Event], str] | None,
    label_chars: int | None,
    dates: bool,
    breaks: bool,
    font: str | os.PathLike[str] | None,
    colors: Mapping[str, str] | None,
) -> TimelinePlot:
    """:func:`plot_timeline`, its options checked."""
    view = timeline
    if start is not None or end is not None:
        view = timeline.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)
    events = view.sorted()
    zone = view.zone_info
    first_day, last_day = _view_days(events, start, end, zone)
    lanes = _lanes(events, group_by, lane_order)
    lane_names = tuple(lanes)
    is_dense = len(events) > (DENSE if dense is None else dense)
    words_drawn = strings_of(title, view.title, lane_names, view.sources)
    if not is_dense:
        labels_given = (label(event) for event in events) if label is not None else ()
        words_drawn = itertools.chain(words_drawn, strings_of(events), labels_given)

    with matplotlib.rc_context(_plot_rc(own_figure=ax is None)), drawing_fonts(words_drawn, font):
        figure, ax, own_figure = _figure(ax, width, dpi)
        # every x goes through the scale: marks, labels, links and ticks (quiet stretches broken, see _breaks)
        broken = breaks and not is_dense  # density bands are drawn on a plain axis
        narrowed = {} if is_dense else {e.id: view.narrowed(e.id) for e in events}
        # Density bands draw no marks: their events get no shape, only a position (the middle of their days).
        scale, shapes = _scale_and_shapes(
            events,
            narrowed,
            (first_day, last_day + 1),
            chosen=(start is not None, end is not None),
            breaks=broken,
            marks=not is_dense,
            inches=_inches_wide(ax),
            widening=widening,
            zone=zone,
        )
        canvas = _Canvas.of(figure, ax, scale, own_figure=own_figure, width=width)
        middles = {e.id: shapes[e.id].middle for e in events} if not is_dense else _middles(events, scale, zone)
        # the words: lane names set the left margin, then every label is measured and packed into rows
        # Labels are measured and drawn unhinted: laid out at the figure's resolution, they keep their size at any
        # other it is saved at (a figure of its own draws all its words unhinted: UnhintedFigure).
        measure = Measure(figure, canvas.renderer, FONT_SIZE, unhinted=True)
        keys = source_keys(view, events) if group_by == "source" else {}  # a source lane's letter in the footnote
        names = canvas.name_lanes(view, lane_names, group_by, keys)
        name_rows = names.rows
        texts: dict[str, str] = {}
        if is_dense:
            rows = {name: max(_DENSE_ROWS, name_rows[name]) + names.heading for name in lane_names}
            labels = None
            placements: dict[str, Placement] = {}
        else:
            texts = {e.id: label_text(e, label, label_chars, dates) for e in events}
            extents = {e.id: (shapes[e.id].start, shapes[e.id].stop) for e in events}
            labels = place_labels(
                ax,
                measure,
                lanes,
                extents,
                texts,
                name_rows,
                own_figure=own_figure,
                walls=scale.breaks,
                surfaces={e.id: _surfaces(shapes[e.id]) for e in events},
                headings=names.heading * len(lane_names),
            )
            rows, placements = labels.rows, labels.placements
        every_lane = lane_names if view is timeline else tuple(_lanes(timeline.sorted(), group_by, lane_order))
        if not is_dense:  # a lane's name written over it, inside the axes, takes a row above its marks
            rows = {name: count + names.heading for name, count in rows.items()}
        stack = canvas.stack_lanes(names, rows, every_lane, colors)
        colors = stack.colors
        lane_top = {name: top + names.heading for name, top in stack.top.items()}  # the first row of marks
        positions: dict[str, tuple[float, float]] = {}
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
            marks = _draw_marks(ax, events, shapes, positions, lane_by_event, colors, scale, _inches_wide(ax))
            assert labels is not None
            event_colors = {e.id: colors[lane_by_event[e.id]] for e in events}
            label_artists, numbered = draw_labels(ax, events, labels, positions, event_colors, measure)
        links: LineCollection | None = None
        link_heads: tuple[FancyArrowPatch, ...] = ()
        joined: tuple[tuple[str, str], ...] = ()
        if show_reports and not is_dense:
            links, link_heads, joined = _draw_links(ax, view, positions, _targets(shapes), (scale.left, scale.right))
        handles = None  # density bands draw none of the uncertainty styles: nothing to explain
        if not is_dense:
            handles = legend_handles(used=_styles_used(shapes.values(), links), known=_dot_units(shapes.values()))
            if label_chars is not None and any(texts[e.id] != label_text(e, label, None, dates) for e in events):
                handles.append(shortened_handle(label_chars))
        words = canvas.finish(
            stack,
            times_in=view.zone or "UTC",
            heading=title if title is not None else view.title,
            handles=handles,
            key=[(number, texts[event_id]) for number, event_id in numbered.items()],
            sources=citations_of(view, events, lettered=bool(keys)) if footnote else (),
        )
        title_artist, legend, key, note = words.title, words.legend, words.key, words.footnote
        if links is not None:  # once laid out: the gaps are measured in points, on the figure as it will be
            _keep_links_off_marks(ax, links, joined, positions, shapes, label_artists)
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
        link_heads=link_heads,
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


def _plot_rc(*, own_figure: bool) -> dict[RcKeyType, Any]:
    """The settings a picture of lanes is laid out in: on a figure of its own, its words measured unhinted."""
    return _PLOT_RC | UNHINTED if own_figure else _PLOT_RC


def _figure(ax: Axes | None, width: float, dpi: float) -> tuple[Figure, Axes, bool]:
    if ax is not None:
        figure = ax.get_figure()
        if not isinstance(figure, Figure):
            raise TypeError("the axes must belong to a figure")
        return figure, ax, False
    figure = UnhintedFigure(figsize=(width, 4.0), dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.16, 0.25, 0.82, 0.65))
    return figure, ax, True


@attrs.frozen(kw_only=True)
class _LaneNames:
    """The lanes' names as written beside them, fitted to the room there is.

    Attributes:
        order: lane names, top first.
        shown: lane -> its name as written, wrapped ("" for none).
        rows: lane -> the rows its name needs beside it.
        left: the left margin of a figure of its own, in inches, fitted to the widest name; 0 on axes handed over.
        left_out: what did not fit (nothing, now that names with no room beside the axes go inside them).
        heading: the rows each lane's name takes above its marks, inside the axes: 1 on axes handed over with no
            margin for the names (so that lanes are told apart by more than their colours), else 0.

    """

    order: tuple[str, ...]
    shown: dict[str, str]
    rows: dict[str, int]
    left: float
    left_out: list[str]
    heading: int = 0


@attrs.frozen(kw_only=True)
class _Lanes:
    """The lanes stacked down the axes, top first.

    Attributes:
        names: their names, as written beside them.
        top: lane -> its top row.
        rows: lane -> its rows.
        colors: lane -> its colour.

    """

    names: _LaneNames
    top: dict[str, float]
    rows: dict[str, int]
    colors: dict[str, str]


@attrs.frozen(kw_only=True)
class _Canvas:
    """A picture of lanes: its figure, axes and scale, and how its lanes and the words around are laid out.

    What :func:`plot_timeline` (lanes of marks) and :func:`~chronology.plot.dataset.plot_dataset` (lanes of
    density bands counted on an engine) share, so that the two pictures look alike: the same lane names,
    rows, colours, axis and words.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        own_figure: whether the figure is the picture's own (made by :func:`_figure`) or the caller's.
        width: the width of a figure of its own, in inches.
        scale: where each day is drawn.
        renderer: measures text on the figure.
        makes_room: whether a caller's figure has a layout engine that makes room for the words around the axes
            when it is drawn (constrained or tight layout): they are then all drawn, none left out.

    """

    figure: Figure
    ax: Axes
    own_figure: bool
    width: float
    scale: Scale
    renderer: Any
    makes_room: bool = False

    @classmethod
    def of(cls, figure: Figure, ax: Axes, scale: Scale, *, own_figure: bool, width: float) -> _Canvas:
        """The canvas of ``ax`` (on ``figure``), its x limits set to ``scale``'s."""
        ax.set_xlim(scale.left, scale.right)
        return cls(
            figure=figure,
            ax=ax,
            own_figure=own_figure,
            width=width,
            scale=scale,
            renderer=renderer_of(figure),
            makes_room=not own_figure and makes_room(ax),
        )

    def name_lanes(
        self, view: Timeline, order: Sequence[str], group_by: GroupBy, keys: Mapping[str, str] | None = None
    ) -> _LaneNames:
        """Each lane's name, wrapped to the room beside the axes; a figure of its own is given the margin they need.

        ``view`` holds the sources a source lane is named by; ``keys``, their letters in the footnote.
        """
        figure, ax, renderer = self.figure, self.ax, self.renderer
        lane_font = Measure(figure, renderer, LANE_FONT)
        names_room = lane_room(
            ax, renderer, figure.get_figwidth(), group_by, own_figure=self.own_figure or self.makes_room
        )
        shown = lane_labels(view, order, group_by, lane_font, max(names_room, 0.0), keys)
        if names_room < lane_font.width("Ag") and any(shown.values()):  # a caller's axes with no margin
            # each name inside the axes, on a row of its own over its lane, on one line: without them, lanes
            # would differ by colour alone, lost in greyscale (and to a reader who cannot tell the colours)
            shown = lane_labels(view, order, group_by, lane_font, math.inf, keys)
            shown = {name: " ".join(text.split("\n")) for name, text in shown.items()}
            return _LaneNames(
                order=tuple(order), shown=shown, rows=dict.fromkeys(order, 1), left=0.0, left_out=[], heading=1
            )
        left = fit_width(figure, ax, self.width, shown, lane_font) if self.own_figure else 0.0
        rows = lane_rows(shown, lane_font)
        return _LaneNames(order=tuple(order), shown=shown, rows=rows, left=left, left_out=[])

    def stack_lanes(
        self,
        names: _LaneNames,
        rows: dict[str, int],
        every_lane: Sequence[str],
        chosen: Mapping[str, str] | None = None,
    ) -> _Lanes:
        """The lanes of ``names`` stacked top first, each ``rows`` rows tall, the axes' y limits showing them all.

        Each lane's colour is the one ``chosen`` for it, else by its place among ``every_lane`` (the whole
        timeline's or data set's lanes), so that a lane keeps its colour in every window drawn of it.
        """
        top: dict[str, float] = {}
        y = 0.0
        for name in names.order:
            top[name] = y
            y += rows[name]
        self.ax.set_ylim(sum(rows.values()) - 0.4, -0.6)
        rank = {name: i for i, name in enumerate(every_lane)}
        # a colour for a lane this part lacks is no mistake (the whole timeline's colours, lane_colors(whole));
        # one for a lane near a lane drawn likely is
        for name in chosen or {}:
            hint = "" if name in rank or name in names.order else suggest(name, every_lane)
            if hint:
                warnings.warn(
                    f"colors: no lane drawn is named {name!r}{hint}; its colour is not used",
                    ChronologyWarning,
                    caller_level(),
                )
        colors = {name: LANE_COLORS[rank.get(name, i) % len(LANE_COLORS)] for i, name in enumerate(names.order)}
        colors |= {name: color for name, color in (chosen or {}).items() if name in colors}
        return _Lanes(names=names, top=top, rows=rows, colors=colors)

    def finish(
        self,
        lanes: _Lanes,
        *,
        times_in: str,
        heading: str,
        handles: Sequence[Artist] | None,
        key: Sequence[tuple[int, str]],
        sources: Sequence[str],
    ) -> Finished:
        """Name and rule the stacked ``lanes``, draw the axis and its breaks, then the words around the picture.

        The words: the title ``heading``, and under the axis the legend of ``handles``, the ``key`` of numbered
        labels and the ``sources``, each source's citation (:func:`~chronology.plot._layout.finish`).
        """
        ax, scale, names = self.ax, self.scale, lanes.names
        decorate_lanes(ax, names.order, lanes.top, lanes.rows, lanes.colors, names.shown, inside=bool(names.heading))
        format_axis(ax, scale, times_in=times_in)
        draw_breaks(ax, scale)
        return finish(
            ax,
            self.renderer,
            own_figure=self.own_figure,
            width=self.width,
            left=names.left,
            total_rows=sum(lanes.rows.values()),
            heading=heading,
            handles=handles,
            key=key,
            sources=sources,
            left_out=names.left_out,
            makes_room=self.makes_room,
        )


# -- shapes ---------------------------------------------------------------------------------------------


@attrs.frozen
class _Shape:
    """An event's mark in x: where it starts and stops, and the parts to draw."""

    start: float
    stop: float
    dot: float | None = None  # a moment too narrow on the axis to draw over: a marker here
    known_to: Precision | None = None  # the dot's precision, which the legend names
    bars: tuple[tuple[float, float, float], ...] = ()  # (x0, x1, alpha) of uncertain-instant bars
    hatched: bool = False
    solid: tuple[float, float] | None = None  # the surely-lasting part of an interval
    light: tuple[tuple[float, float], ...] = ()  # uncertain ends of an interval
    thread: tuple[float, float] | None = None  # something lasting with no certain part: a line through its light
    fades: tuple[tuple[float, float, float], ...] = ()  # (x0, x1, alpha) steps of fading ends
    arrows: tuple[tuple[float, str], ...] = ()  # (x, "<" or ">") for open ends
    outline: tuple[tuple[float, float], ...] = ()  # the bounds as written, where the links narrowed them
    outline_open: tuple[bool, bool] = (False, False)  # the outline's sides left open: written with no bound there
    middle_x: float | None = None  # where links and the position point, if not the middle of start-stop
    cuts: tuple[tuple[float, str, float], ...] = ()  # (x, "<" or ">", height): a bar cut by the window's edge
    beyond: tuple[float, str] | None = None  # (x, "<" or ">"): the whole mark lies past this edge of the window
    held: tuple[float, float] | None = None  # what a window taken from the events holds, if not start-stop

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
                ("lasting", shape.solid is not None),
                ("vague", shape.thread is not None),
                ("open", bool(shape.arrows)),
                ("cut", bool(shape.cuts)),
                ("beyond", shape.beyond is not None),
                ("narrowed", bool(shape.outline)),
            )
            if shown
        }
    if links is not None and len(links.get_segments()):
        used.add("report")
    return used


def _dot_units(shapes: Iterable[_Shape]) -> list[str]:
    """The precisions the dots are known to, finest first ("minute", "day"): what the legend says of dots."""
    found = {shape.known_to for shape in shapes if shape.known_to is not None}
    return [p.value for p in sorted(found, key=lambda p: p.rank)]


#: An unknown end, and the open side of "before X", fade out over one unit of the known end's precision (a
#: day for "2024-10-05/", a year for "1450/"), but never over less than this share of the axis, so that the
#: fade is seen at any zoom and never reads as a known end.
FADE_SHARE: Final = 0.05
#: A moment known to the day or better (its bounds within one calendar day, hour or minute of the timeline's
#: zone, whatever the notation) whose span on the axis is narrower than this many inches is a dot at its
#: middle, "known to the day"; a wider one is drawn over its span, light, as "one moment somewhere in the bar":
#: a day on an hour axis is not a dot at noon. A moment whose bounds fall on more than one day (a month, a
#: season, "between 1 and 16 November", and "overnight Sunday", 18:00 to 05:59) is always a bar, however
#: narrow (never narrower than half this: :func:`_known_to`).
DOT_INCHES: Final = 0.125
#: The opacity of a moment's bar widened to half a dot's room (:data:`DOT_INCHES`): its bounds are narrower than
#: that on the axis ("c. 3 a.m." on an axis of a week), and at :data:`UNCERTAIN_ALPHA` so few points of a light
#: colour would hardly be seen.
NARROW_ALPHA: Final = 0.6
#: The hollow pointer at the edge a mark lies beyond, by the edge ("<": left), and its colour.
BEYOND_MARKERS: Final = {"<": "<", ">": ">"}
BEYOND_COLOR: Final = "#777777"
#: Rounds of widening an axis (on the sides the user did not choose) until every fade and arrow is inside.
_FIT_ROUNDS: Final = 4
#: How deep the teeth of a cut are (a bar running on beyond the window's edge), in inches.
_CUT_INCHES: Final = 0.09
#: How far an ongoing bar runs on under its arrowhead, in points: the two overlap, no seam between them.
_HEAD_OVERLAP: Final = 0.75


def _inches_wide(ax: Axes) -> float:
    """The width of ``ax`` in inches, as laid out now."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    return max(float(ax.get_position().width * figure.get_figwidth()), 0.5)


def _scale_and_shapes(
    events: Sequence[Event],
    narrowed: dict[str, DateValue],
    window: tuple[float, float],
    *,
    chosen: tuple[bool, bool],
    breaks: bool,
    marks: bool,
    inches: float,
    widening: Widening | None,
    zone: ZoneInfo | None,
) -> tuple[Scale, dict[str, _Shape]]:
    """The scale of the picture, and the mark of each event on it (none when ``marks`` is false).

    ``window`` is the first day shown and the end of the last; ``chosen`` says which of its sides the user
    chose (``start``, ``end``). A chosen side is where the axis ends, exactly: a mark running on beyond it
    is cut there, and shows it (:attr:`_Shape.cuts`). A side taken from the events runs on, round by
    round, until every fade and arrow is inside the axis, with a margin.
    """
    moments = dated_moments((e.when for e in events), zone) if breaks else []
    least = LEAST_PIECE_INCHES / inches
    first, last = window
    margins = (not chosen[0], not chosen[1])
    for _ in range(_FIT_ROUNDS):
        scale = scale_for(moments, first, last, breaks=breaks, margins=margins, least=least)
        if not marks:
            return scale, {}
        span = scale.right - scale.left
        shapes = {
            e.id: _shape(
                narrowed.get(e.id, e.when),
                scale,
                span / 350,
                widening or e.widening or DEFAULT_WIDENING,
                zone,
                written=e.when,
                dot=DOT_INCHES * span / inches,
            )
            for e in events
        }
        # what runs on past an open side (its fade, its outline) is not held: the window ends a little after
        # the last known date, and the open side is cut there, or runs to the edge with its arrow
        held = [shape.held or (shape.start, shape.stop) for shape in shapes.values()]
        low = min((a for a, _ in held), default=scale.left)
        high = max((b for _, b in held), default=scale.right)
        grown = False
        if margins[0] and low < scale.left - 1e-9 * span:
            first, grown = min(first, scale.day(low)), True
        if margins[1] and high > scale.right + 1e-9 * span:
            last, grown = max(last, scale.day(high)), True
        if not grown:
            break
    return scale, {event_id: _clip(shape, scale) for event_id, shape in shapes.items()}


def _clip(shape: _Shape, scale: Scale) -> _Shape:
    """``shape`` within the axis: its extent and middle inside the edges, a cut where a bar runs on beyond one."""
    left, right = scale.left, scale.right
    tiny = 1e-9 * (right - left)
    parts = [(a, b, UNCERTAIN_HEIGHT) for a, b, _ in shape.bars]
    parts += [(a, b, LASTING_HEIGHT) for a, b in (*shape.light, *([shape.solid] if shape.solid else []))]
    # an approximate date's fade running on beyond the window is cut there too ("c. 1665" seen over a week of 1666)
    fading = LASTING_HEIGHT if shape.solid is not None or shape.light else UNCERTAIN_HEIGHT
    parts += [(a, b, fading) for a, b, _ in shape.fades]
    cuts: list[tuple[float, str, float]] = []
    for edge, direction, outside in ((left, "<", left - tiny), (right, ">", right + tiny)):
        heights = [height for a, b, height in parts if a < outside < b]
        if heights:
            cuts.append((edge, direction, max(heights)))
    # A mark wholly past an edge (the window holds the event as possible, yet its mark lies outside): a
    # pointer at that edge, so that the label written beside it has something to point at.
    beyond = None
    if not cuts and shape.stop <= left + tiny:
        beyond = (left, "<")
    elif not cuts and shape.start >= right - tiny:
        beyond = (right, ">")
    middle_x = shape.middle_x
    if middle_x is not None and shape.bars:
        x0, x1, _ = shape.bars[0]
        middle_x = (max(x0, left) + min(x1, right)) / 2
    return attrs.evolve(
        shape,
        start=min(max(shape.start, left), right),
        stop=max(min(shape.stop, right), left),
        middle_x=middle_x,
        cuts=tuple(cuts),
        beyond=beyond,
    )


def _shape(
    when: DateValue,
    scale: Scale,
    minimum: float,
    widening: Widening,
    zone: ZoneInfo | None = None,
    *,
    written: DateValue | None = None,
    dot: float = 0.0,
) -> _Shape:
    """The mark of ``when`` (the date narrowed by the links), over exactly the days and hours it covers.

    Where the links narrowed the ``written`` date, its bounds are kept as an outline around the mark; a side
    written open ("after October 1462", "before 1463") is left open, the outline running on past the mark
    (:data:`FADE_SHARE` of the axis) with no end drawn. A moment narrower on the axis than ``dot`` (in x)
    is a dot. The mark may reach beyond the scale's edges: see :func:`_clip`.
    """
    if isinstance(when, UncertainDate):
        shape = _instant_shape(when, scale, minimum, widening, zone, dot)
    else:
        shape = _lasting_shape(when, scale, minimum, widening, zone)
    if written is None or written == when:
        return shape
    outline = _extent(written, scale, zone)
    sides = (False, False)
    if outline is None:
        sides = _open_sides(written)
        if sides == (False, False):
            return shape
        as_written = _shape(written, scale, minimum, widening, zone, dot=dot)
        run_on = FADE_SHARE * (scale.right - scale.left)
        x0, x1 = min(as_written.start, shape.start), max(as_written.stop, shape.stop)
        outline = (x0 - run_on if sides[0] else x0, x1 + run_on if sides[1] else x1)
    own = shape.held or (shape.start, shape.stop)
    return attrs.evolve(
        shape,
        start=min(shape.start, outline[0]),
        stop=max(shape.stop, outline[1]),
        outline=(outline,),
        outline_open=sides,
        held=(own[0] if sides[0] else min(own[0], outline[0]), own[1] if sides[1] else max(own[1], outline[1])),
    )


def _open_sides(value: DateValue) -> tuple[bool, bool]:
    """Whether ``value`` is written with no bound before it, and with none after it."""
    if isinstance(value, UncertainDate):
        return value.open_before, value.open_after
    start, end = value.start, value.end
    return (
        not isinstance(start, UncertainDate) or start.open_before,
        not isinstance(end, UncertainDate) or end.open_after,
    )


def _instant_shape(
    value: UncertainDate, scale: Scale, minimum: float, widening: Widening, zone: ZoneInfo | None, dot: float = 0.0
) -> _Shape:
    """A light bar over exactly the moments ``value`` may fall on; a dot where that is narrower than ``dot``.

    A dot is for a moment known to the day or better (:func:`_known_to`: its bounds, whatever notation wrote
    them), not doubted or approximate, whose span on the axis is too narrow to draw over: a day on an axis
    of months. The same day on an axis of hours is a light bar over the whole day, one moment somewhere in
    it; a season, a year or "between 1 and 16 November" is a bar on any axis.
    """
    lo, hi = day_span(value, zone)
    if value.open_before or value.open_after:
        # "before 23 August 1456": no invented other end; a fade from the known bound towards the open side
        # a window taken from the events holds one unit of the known bound's precision ("by 2020": 2020), not
        # the whole fade (at least a twentieth of the axis, which would widen the axis round after round)
        unit = value.precision.longest_seconds / SECONDS_PER_DAY
        if value.open_before:
            known = scale.x(hi)
            steps = _fade_steps(known - _reach(value, scale, hi, -1), known, rising=True)
            held = (max(scale.x(hi - unit), steps[0][0]), known)
        else:
            known = scale.x(lo)
            steps = _fade_steps(known, known + _reach(value, scale, lo, 1), rising=False)
            held = (known, min(scale.x(lo + unit), steps[-1][1]))
        return _Shape(start=steps[0][0], stop=steps[-1][1], hatched=value.uncertain, fades=tuple(steps), held=held)
    x0, x1 = scale.x(lo), scale.x(hi)
    known_to = _known_to(value, zone)
    if known_to is not None and x1 - x0 < dot:
        middle = (x0 + x1) / 2
        return _Shape(start=middle - minimum / 2, stop=middle + minimum / 2, dot=middle, known_to=known_to)
    fades = _fades(value, widening, x0, x1, scale, zone)
    # never narrower than half a dot's room, so that a season or a month in centuries is seen, as a bar; one
    # widened to that room is drawn stronger, so that "c. 3 a.m." on a week's axis is seen whatever its fades
    least = max(minimum, dot / 2)
    alpha = UNCERTAIN_ALPHA if x1 - x0 >= least else NARROW_ALPHA
    x0, x1 = _widen(x0, x1, least)
    return _Shape(
        start=min([x0] + [f[0] for f in fades]),
        stop=max([x1] + [f[1] for f in fades]),
        bars=((x0, x1, alpha),),
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
    (:data:`FADE_SHARE`); an open end runs to the edge, an arrow there. An end given to the day is solid
    whatever the other end: ``2024-06-03/2024-06`` surely lasted on 3 June (it began then, and ended on that
    day or after), light over the rest of June, where it may have ended. Where no part surely lasted
    (``2024-09/2024-10``: it may have lasted from 30 September to 1 October, or the two months), a thin
    line runs through the light: it lasted, somewhere in there, unlike one moment somewhere in a bar.
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
    # An end given to the day lasted, however the other end falls: "2024-06-03/2024-06" lasted on 3 June, the
    # day it began, whether it ended that day or late in June (never before it began). Its light part is the
    # rest of the days the uncertain end may fall on.
    if isinstance(start, UncertainDate) and s_span is not None and _firm(start) and solid_to is not None:
        solid_to = max(solid_to, s_span[1])
    if isinstance(end, UncertainDate) and e_span is not None and _firm(end) and solid_from is not None:
        solid_from = min(solid_from, e_span[0])
    if solid_from is not None and solid_to is not None and solid_to > solid_from:
        light = [
            piece for a, b in light for piece in ((a, min(b, solid_from)), (max(a, solid_to), b)) if piece[1] > piece[0]
        ]
    if start is Endpoint.UNKNOWN and isinstance(end, UncertainDate) and e_span is not None:
        # the end is known: the thing lasted up to it, from a start that fades out to the left
        if solid_to is not None and _firm(end):
            solid_from = e_span[0]
        known = e_span[0]
        fades += _fade_steps(known - _reach(end, scale, scale.day(known), -1), known, rising=True)
    if end is Endpoint.UNKNOWN and isinstance(start, UncertainDate) and s_span is not None:
        if solid_from is not None and _firm(start):
            solid_to = s_span[1]
        known = s_span[1]
        fades += _fade_steps(known, known + _reach(start, scale, scale.day(known), 1), rising=False)
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
    thread = None
    if solid is None and light:
        thread = (min(a for a, _ in light), max(b for _, b in light))
    return _Shape(
        start=min(extent),
        stop=max(extent),
        solid=solid,
        light=tuple(light),
        thread=thread,
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


#: The units a dot may stand for, finest first: a moment whose bounds fall in more than one day is never a dot.
_DOT_UNITS: Final = (Precision.SECOND, Precision.MINUTE, Precision.HOUR, Precision.DAY)


def _known_to(value: UncertainDate, zone: ZoneInfo | None = None) -> Precision | None:
    """The finest calendar unit, a day at most, holding all of ``value``'s bounds; None if none does or qualified.

    The rule reads the bounds, not the notation: "autumn 1462" and "[1462-09-01..1462-11-30]" span the same
    days and are drawn alike (a bar), "2024-10-18" and "[2024-10-18T02:00..2024-10-18T05:00]" both fall within
    one day (a dot, "known to the day", where a day is too narrow to draw over). Within one calendar day (hour,
    minute) on ``zone``'s wall clock, the zone the axis is drawn in, not merely less than a day long: "overnight
    Sunday" (18:00 to 05:59) crosses midnight, onto two days, and is a bar, however short. An approximate
    (``~``) or doubted (``?``) value is never a dot: it fades, or is hatched.
    """
    if value.qualifier is not Qualifier.NONE:
        return None
    lo, hi = value.lo, value.hi  # the first and the last second it may fall on, both included
    if value.utc_offset is not None:
        lo, hi = wall_seconds(lo, value.utc_offset, zone), wall_seconds(hi, value.utc_offset, zone)
    return next((unit for unit in _DOT_UNITS if lo // unit.longest_seconds == hi // unit.longest_seconds), None)


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


#: Steps a fade is drawn in, an inch of its width on the axes: each step under two points wide, its opacity
#: changing by a fraction of a level, so that no band shows even printed at 300 dpi.
_FADE_STEPS_AN_INCH: Final = 48


def _smooth(
    fades: Sequence[tuple[float, float, float]], left: float, right: float, per_inch: float
) -> list[tuple[float, float, float]]:
    """The steps of ``fades`` as drawn: each ramp re-stepped over the part of it within ``left``-``right``.

    A fade's steps are even in x over its whole reach, which may be far wider than the window ("c. 2019"
    seen over five months of 2020): drawn as they are, a few wide steps show as bands. Each ramp (steps that
    meet, their opacity rising or falling) is drawn instead in :data:`_FADE_STEPS_AN_INCH` steps an inch of
    its visible part, each as opaque as the ramp is at its middle. ``per_inch`` is x an inch.
    """
    ramps: list[list[tuple[float, float, float]]] = []
    for step in fades:
        last = ramps[-1] if ramps else None
        if last is not None and abs(step[0] - last[-1][1]) <= 1e-9 * max(1.0, abs(step[0])):
            rising = step[2] >= last[-1][2]
            if len(last) == 1 or (last[-1][2] >= last[-2][2]) == rising:
                last.append(step)
                continue
        ramps.append([step])
    drawn: list[tuple[float, float, float]] = []
    for ramp in ramps:
        xs = [(a + b) / 2 for a, b, _ in ramp]
        alphas = [alpha for _, _, alpha in ramp]
        start, stop = max(ramp[0][0], left), min(ramp[-1][1], right)
        if stop <= start:
            continue
        count = max(len(ramp), math.ceil((stop - start) / per_inch * _FADE_STEPS_AN_INCH))
        edges = np.linspace(start, stop, count + 1)
        middles = (edges[:-1] + edges[1:]) / 2
        values = np.interp(middles, xs, alphas)
        drawn += [(float(a), float(b), float(v)) for a, b, v in zip(edges[:-1], edges[1:], values, strict=True)]
    return drawn


# -- drawing --------------------------------------------------------------------------------------------


def _rectangle(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    return [(x0, y - height / 2), (x1, y - height / 2), (x1, y + height / 2), (x0, y + height / 2)]


def _rgba(color: str, alpha: float) -> tuple[float, float, float, float]:
    return to_rgba(color, alpha)


_OUTLINE_HEIGHT: Final = LASTING_HEIGHT + 0.16  # the written bounds of a narrowed date frame its mark
_THREAD_HEIGHT: Final = 0.07  # the line through something that lasted with no certain part


def _frame(
    x0: float, x1: float, y: float, height: float, *, open_left: bool, open_right: bool
) -> list[list[tuple[float, float]]]:
    """The lines of a box from ``x0`` to ``x1``, with no end drawn on a side left open: one line, or two."""
    top, bottom = y - height / 2, y + height / 2
    if open_left and open_right:
        return [[(x0, top), (x1, top)], [(x0, bottom), (x1, bottom)]]
    if open_right:
        return [[(x1, top), (x0, top), (x0, bottom), (x1, bottom)]]
    if open_left:
        return [[(x0, top), (x1, top), (x1, bottom), (x0, bottom)]]
    return [[(x0, top), (x1, top), (x1, bottom), (x0, bottom), (x0, top)]]


def _torn(x: float, direction: str, y: float, height: float, depth: float) -> list[tuple[float, float]]:
    """The white teeth that cut a bar at the window's edge ``x``: a zigzag edge, the bar going on beyond."""
    side = 1 if direction == ">" else -1
    top, bottom = y - height / 2, y + height / 2
    zigzag = [(x - side * depth * (i % 2), top + i * height / 4) for i in range(5)]
    return [(x + side * depth, top), *zigzag, (x + side * depth, bottom)]


def _draw_marks(
    ax: Axes,
    events: Sequence[Event],
    shapes: dict[str, _Shape],
    positions: dict[str, tuple[float, float]],
    lane_by_event: dict[str, str],
    colors: dict[str, str],
    scale: Scale,
    inches: float = 9.0,
) -> tuple[PolyCollection | PathCollection, ...]:
    """All marks in a few collections: dots, bars, hatches, solids, threads, fades, outlines, arrows and cuts.

    Every bar goes through ``scale.cut``: across a break it is drawn on both sides, and a break mark cuts it.
    A bar running on beyond the window's edge ends in white teeth there (``inches``: the axes' width, for
    their depth); an open end is an arrow whose tip is at the edge.
    """
    dots_x, dots_y, dot_colors = [], [], []
    polys: dict[str, tuple[list[list[tuple[float, float]]], list[tuple[float, float, float, float]]]] = {
        name: ([], []) for name in ("bars", "hatched", "solid", "thread", "fades", "outline", "window cuts")
    }
    per_inch = (scale.right - scale.left) / inches
    depth = _CUT_INCHES * per_inch
    # an arrowhead's length (its path, 0.9 of its half-size): the bar stops at its base, running on under the
    # head a fraction of a point, so that no seam of background shows between them at any zoom
    head = (0.45 * math.sqrt(OPEN_HEAD_SIZE) - _HEAD_OVERLAP) / 72 * per_inch
    arrows: dict[str, tuple[list[float], list[float], list[str]]] = {"<": ([], [], []), ">": ([], [], [])}
    pointers: dict[str, tuple[list[float], list[float]]] = {"<": ([], []), ">": ([], [])}
    cuts_x: list[float] = []
    cuts_y: list[float] = []

    def add(name: str, x0: float, x1: float, y: float, height: float, color: tuple[float, float, float, float]) -> None:
        for a, b in scale.cut(x0, x1):
            polys[name][0].append(_rectangle(a, b, y, height))
            polys[name][1].append(color)
        if name not in ("hatched", "thread"):
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
        for x0, x1, alpha in _smooth(shape.fades, scale.left, scale.right, per_inch):
            height = LASTING_HEIGHT if shape.solid is not None or shape.light else UNCERTAIN_HEIGHT
            add("fades", x0, x1, y, height, _rgba(color, alpha))
        if shape.solid is not None:
            x0, x1 = shape.solid
            for x, direction in shape.arrows:
                if direction == ">" and x1 >= x:
                    x1 = max(x0, x - head)
                elif direction == "<" and x0 <= x:
                    x0 = min(x1, x + head)
            add("solid", x0, x1, y, LASTING_HEIGHT, _rgba(color, 0.9))
        for x0, x1 in shape.light:
            add("bars", x0, x1, y, LASTING_HEIGHT, _rgba(color, UNCERTAIN_ALPHA))
            if shape.hatched:
                add("hatched", x0, x1, y, LASTING_HEIGHT, _rgba(color, 1.0))
        if shape.thread is not None:
            add("thread", *shape.thread, y, _THREAD_HEIGHT, _rgba(color, 0.9))
        for x, direction, height in shape.cuts:
            polys["window cuts"][0].append(_torn(x, direction, y, height + 0.02, depth))
            polys["window cuts"][1].append((1.0, 1.0, 1.0, 1.0))
        for x0, x1 in shape.outline:
            pieces = scale.cut(x0, x1)
            for i, (a, b) in enumerate(pieces):
                open_left = shape.outline_open[0] and i == 0
                open_right = shape.outline_open[1] and i == len(pieces) - 1
                for line in _frame(a, b, y, _OUTLINE_HEIGHT, open_left=open_left, open_right=open_right):
                    polys["outline"][0].append(line)
                    polys["outline"][1].append(_rgba(color, 0.75))
            for x in scale.crossed(x0, x1):
                cuts_x.append(x)
                cuts_y.append(y)
        for x, direction in shape.arrows:
            arrows[direction][0].append(x)
            arrows[direction][1].append(y)
            arrows[direction][2].append(color)
        if shape.beyond is not None:
            x, direction = shape.beyond
            pointers[direction][0].append(x)
            pointers[direction][1].append(y)
    drawn: list[PolyCollection | PathCollection] = []
    for name, (vertices, face) in polys.items():
        if not vertices:
            continue
        if name == "hatched":
            collection = PolyCollection(
                vertices, facecolors="none", edgecolors=face, hatch=HATCH, linewidths=0.0, zorder=3
            )
        elif name == "outline":  # lines, not closed boxes: a side written open has no end drawn
            collection = PolyCollection(
                vertices, closed=False, facecolors="none", edgecolors=face, linewidths=0.8, zorder=3
            )
        elif name == "window cuts":
            collection = PolyCollection(vertices, facecolors=face, edgecolors="none", zorder=3.5)
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
            heads = ax.scatter(xs, ys, s=OPEN_HEAD_SIZE, c=cs, marker=OPEN_HEADS[direction], zorder=4, linewidths=0)
            heads.set_label(f"_open{direction}")
            drawn.append(heads)
    for direction, (xs, ys) in pointers.items():
        if xs:
            # hollow, at the edge, pointing out: its mark lies that way (an open end's head is solid)
            marker = BEYOND_MARKERS[direction]
            beyond = ax.scatter(
                xs, ys, s=40, marker=marker, facecolors="none", edgecolors=BEYOND_COLOR, zorder=4, clip_on=False
            )
            beyond.set_label(f"_beyond{direction}")
            drawn.append(beyond)
    if cuts_x:
        cuts = ax.scatter(
            cuts_x, cuts_y, s=70, marker=BREAK_MARK, facecolors="none", edgecolors="#444444", linewidths=1.0, zorder=4
        )
        cuts.set_label("_break cuts")
        drawn.append(cuts)
    return tuple(drawn)


def _surfaces(shape: _Shape) -> tuple[tuple[float, float, bool], ...]:
    """The stretches of a mark a label may be written on, left to right: (x0, x1, dark).

    Only something lasting has any: its bar is as tall as a line of text, while the bar of one moment
    somewhere in it (``UNCERTAIN_HEIGHT`` of a row) is not, and words on it would cross its edges. The solid
    part is dark; light parts and fades that meet make one light stretch. Hatched parts, and the light a
    thread runs through, take no label: the hatching or the thread would cross the words.
    """
    if shape.solid is None and not shape.light:  # a dot, or one moment's bar: lower than the words
        return ()
    light = [] if shape.hatched else sorted(shape.light)
    light += sorted((a, b) for a, b, _ in shape.fades)
    if shape.thread is not None:
        t0, t1 = shape.thread
        light = [piece for a, b in light for piece in ((a, min(b, t0)), (max(a, t1), b)) if piece[1] > piece[0]]
    merged: list[tuple[float, float]] = []
    for a, b in sorted(light):
        if merged and a <= merged[-1][1] + 1e-9:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    parts = [(a, b, False) for a, b in merged]
    if shape.solid is not None:
        s0, s1 = shape.solid
        parts = [piece for a, b, _ in parts for piece in ((a, min(b, s0), False), (max(a, s1), b, False))]
        parts.append((s0, s1, True))
    return tuple(sorted(part for part in parts if part[1] > part[0]))


#: Where a report's link ends: the box of the reported event's mark (x0, x1, half its height), or None for a dot.
_Target = tuple[float, float, float] | None


def _targets(shapes: dict[str, _Shape]) -> dict[str, _Target]:
    """The box each mark takes, for a link to end at its edge; None for a dot."""
    targets: dict[str, _Target] = {}
    for key, shape in shapes.items():
        if shape.dot is not None:
            targets[key] = None
        else:
            height = LASTING_HEIGHT if shape.solid is not None or shape.light else UNCERTAIN_HEIGHT
            targets[key] = (shape.start, shape.stop, (_OUTLINE_HEIGHT if shape.outline else height) / 2)
    return targets


_DOT_RADIUS: Final = 3.0  # points: a link's arrowhead stops at the edge of a dot


def _draw_links(
    ax: Axes,
    view: Timeline,
    positions: dict[str, tuple[float, float]],
    targets: dict[str, _Target],
    window: tuple[float, float],
) -> tuple[LineCollection | None, tuple[FancyArrowPatch, ...], tuple[tuple[str, str], ...]]:
    """A dashed line from each report to what it reports, with an arrowhead at the reported event's mark.

    Lines pass behind the marks and the labels; each ends where it meets the reported mark (the edge of a
    bar or a dot), or at the edge of the window when that mark lies beyond it. Returns the lines, their
    heads, and the (report, reported) ids of each line, in order.
    """
    left, right = window
    segments = []
    heads = []
    joined: list[tuple[str, str]] = []
    for event in view:
        if event.id not in positions:
            continue
        for target in event.reports:
            if target not in positions or target == event.id:
                continue
            x0, y0 = positions[event.id]
            x1, y1 = positions[target]
            start = (min(max(x0, left), right), y0)
            end = (min(max(x1, left), right), y1)
            if start == end:
                continue
            box = targets.get(target)
            tip = end if box is None else _entry(start, end, (max(box[0], left), min(box[1], right)), box[2])
            segments.append([start, end if tip is None else tip])
            joined.append((event.id, target))
            if tip is None:  # the report's mark lies within the reported one: no direction to show
                continue
            head = FancyArrowPatch(
                start,
                tip,
                arrowstyle="-|>,head_length=0.55,head_width=0.28",
                mutation_scale=10,
                shrinkA=0,
                shrinkB=_DOT_RADIUS if box is None else 0,
                linewidth=0,
                color=REPORT_COLOR,
                zorder=1.5,
            )
            head.set_label("_report head")
            ax.add_patch(head)
            heads.append(head)
    if not segments:
        return None, (), ()
    lines = LineCollection(segments, colors=REPORT_COLOR, linestyles=(0, (3, 2)), linewidths=0.9, zorder=1)
    lines.set_label("_reports")
    ax.add_collection(lines)
    return lines, tuple(heads), tuple(joined)


_LINK_CLEARANCE: Final = 2.5  # points: the gap a report's line leaves around another event's mark
_LABEL_CLEARANCE: Final = 2.5  # points: the gap it leaves around a label's words (its backing box and more)


def _keep_links_off_marks(
    ax: Axes,
    links: LineCollection,
    joined: Sequence[tuple[str, str]],
    positions: Mapping[str, tuple[float, float]],
    shapes: Mapping[str, _Shape],
    labels: Mapping[str, Text] | None = None,
) -> None:
    """Break each report's line where it would cross the mark of an event it does not join, or any label.

    A line that ran through another event's dot or bar would read as joined to it too: it stops short of
    that mark, by :data:`_LINK_CLEARANCE`, and goes on beyond it (a gap in one line, its points split by
    NaN, so that the line keeps its first and last points). A line through words, or grazing them, makes
    them hard to read: it stops short of the label of every event it does not join (a number too), by
    :data:`_LABEL_CLEARANCE`. Measured in the figure's points, on the axes as laid out.
    """
    to_screen = ax.transData
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    points = figure.dpi / 72  # pixels a point
    clearance = _LINK_CLEARANCE * points
    renderer = renderer_of(figure)
    words: list[tuple[str, npt.NDArray[np.float64]]] = []  # (event id, its label's box on the screen, cleared)
    room = _LABEL_CLEARANCE * points
    for key, text in (labels or {}).items():
        extent = text.get_window_extent(renderer)  # its words (a backing box is placed only when drawn)
        words.append((key, np.array([extent.x0 - room, extent.y0 - room, extent.x1 + room, extent.y1 + room])))
    obstacles: list[tuple[str, npt.NDArray[np.float64], float]] = []  # (event id, box x0 y0 x1 y1, dot radius)
    for key, shape in shapes.items():
        if key not in positions:
            continue
        _, y = positions[key]
        if shape.dot is not None:
            centre = to_screen.transform((shape.dot, y))
            obstacles.append((key, np.array([*centre, *centre]), (_DOT_RADIUS * points) + clearance))
            continue
        box = _targets({key: shape})[key]
        assert box is not None
        corners = to_screen.transform([(box[0], y - box[2]), (box[1], y + box[2])])
        low, high = corners.min(axis=0) - clearance, corners.max(axis=0) + clearance
        obstacles.append((key, np.concatenate([low, high]), 0.0))
    segments = []
    for segment, (report, reported) in zip(links.get_segments(), joined, strict=True):
        start, end = np.asarray(segment[0], dtype=float), np.asarray(segment[-1], dtype=float)
        a, b = to_screen.transform(start), to_screen.transform(end)
        gaps = sorted(
            gap
            for key, box, radius in obstacles
            if key not in (report, reported)
            for gap in [_crossing(a, b, box, radius)]
            if gap is not None
        )
        gaps += [
            gap
            for key, box in words
            if key not in (report, reported)
            for gap in [_crossing(a, b, box, 0.0)]
            if gap is not None
        ]
        gaps.sort()
        kept: list[tuple[float, float]] = []
        at = 0.0
        for lo, hi in gaps:
            if lo > at:
                kept.append((at, lo))
            at = max(at, hi)
        if at < 1.0:
            kept.append((at, 1.0))
        drawn: list[npt.NDArray[np.float64]] = []
        for lo, hi in kept:
            if drawn:
                drawn.append(np.array([np.nan, np.nan]))
            drawn += [start + lo * (end - start), start + hi * (end - start)]
        segments.append(np.array(drawn) if drawn else np.array([start, start]))
    links.set_segments(segments)


def _crossing(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], box: npt.NDArray[np.float64], radius: float
) -> tuple[float, float] | None:
    """The share (0-1) of the way from ``a`` to ``b`` over which the line is within ``radius`` of ``box``.

    ``box`` is (x0, y0, x1, y1) on the screen; a dot is a box of no size and a radius (a circle), a bar a box
    and no radius. None where the line does not come that near.
    """
    d = b - a
    if radius > 0.0:
        centre = box[:2]
        f = a - centre
        qa, qb, qc = float(d @ d), 2.0 * float(f @ d), float(f @ f) - radius * radius
        if qa == 0.0 or qb * qb - 4 * qa * qc <= 0.0:
            return None
        root = math.sqrt(qb * qb - 4 * qa * qc)
        lo, hi = (-qb - root) / (2 * qa), (-qb + root) / (2 * qa)
    else:
        lo, hi = 0.0, 1.0
        for p, q in ((-d[0], a[0] - box[0]), (d[0], box[2] - a[0]), (-d[1], a[1] - box[1]), (d[1], box[3] - a[1])):
            if p == 0:
                if q < 0:
                    return None
                continue
            t = float(q / p)
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
    lo, hi = max(lo, 0.0), min(hi, 1.0)
    return (lo, hi) if lo < hi else None


def _entry(
    start: tuple[float, float], end: tuple[float, float], xs: tuple[float, float], half: float
) -> tuple[float, float] | None:
    """Where the line from ``start`` to ``end`` first meets the box ``xs`` x ``end``'s y +- ``half``.

    None when ``start`` is inside the box already (or the line never meets it).
    """
    (ax_, ay), (bx, by) = start, end
    dx, dy = bx - ax_, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax_ - xs[0]), (dx, xs[1] - ax_), (-dy, ay - (by - half)), (dy, (by + half) - ay)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    if low > high or low <= 0.0:
        return None
    return ax_ + low * dx, ay + low * dy


def lane_densities(
    lanes: Mapping[str, Sequence[Event]], first_day: int, last_day: int, zone: ZoneInfo | None = None
) -> tuple[Bins, dict[str, npt.NDArray[np.float64]]]:
    """Per lane, the expected number of events a day in each bar: each event spreads one unit evenly over its days.

    An event's days run from the first its start can fall on to the last its end can (``day_ends``), held
    inside ``first_day``-``last_day``; the arithmetic (:class:`~chronology.scan.density.Bins`,
    :func:`~chronology.scan.density.spread`) is the one :func:`chronology.scan.density.density_bands` uses
    with an engine's sums.
    """
    bins = Bins.of(first_day, last_day)
    densities = {}
    for name, members in lanes.items():
        ends = np.array([day_ends(e.when, zone=zone) for e in members], dtype=np.int64).reshape(-1, 4)
        densities[name] = bins.binned(spread(ends[:, 0], ends[:, 3], bins))
    return bins, densities


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
    bins, densities = lane_densities(lanes, first_day, last_day, zone)
    return _draw_bands(ax, bins, densities, tops, colors)


def _draw_bands(
    ax: Axes,
    bins: Bins,
    densities: Mapping[str, npt.NDArray[np.float64]],
    tops: Mapping[str, float],
    colors: Mapping[str, str],
) -> tuple[PolyCollection, ...]:
    """One band a lane, in its colour, as tall as the lane at its busiest bar (the bars of ``bins``)."""
    bands = []
    xs = day_to_x(bins.first_day) + np.arange(bins.count) * bins.width
    for name, density in densities.items():
        scale = density.max() or 1.0
        top = tops[name]
        base = top + _DENSE_ROWS - 0.6
        band = ax.fill_between(
            xs, base, base - (_DENSE_ROWS - 0.4) * density / scale, step="post", color=colors[name], alpha=0.6, lw=0
        )
        band.set_label(f"_density {name}")
        bands.append(band)
    return tuple(bands)
