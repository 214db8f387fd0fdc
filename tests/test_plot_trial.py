"""A data journalist's figures: drawn into her own matplotlib figures, saved at print resolution, in a series."""

from __future__ import annotations

import datetime
import io
import itertools
import math
import random
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backend_bases import DrawEvent, RendererBase
from matplotlib.backend_bases import Event as MplEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

import chronology
from chronology import ChronologyError, ChronologyWarning, Event, PlotError, Timeline
from chronology._calendar import day_number
from chronology.plot import TimelinePlot, lane_colors, plot_timeline
from chronology.plot._style import LANE_COLORS, OPEN_HEAD_SIZE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def crowded() -> Timeline:
    """45 days in a year, in three lanes, their titles of two to seven words: labels packed close."""
    words = [
        "port",
        "strike",
        "union",
        "talks",
        "minister",
        "ferry",
        "harbour",
        "crane",
        "dockers",
        "vote",
        "pay",
        "offer",
        "court",
        "ruling",
        "police",
        "picket",
        "closed",
        "reopened",
        "freight",
        "backlog",
        "ships",
        "anchored",
        "mediator",
        "deadline",
    ]
    rnd = random.Random(7)
    events = []
    for n in range(45):
        day = datetime.date(2023, 9, 1) + datetime.timedelta(days=rnd.randint(0, 330))
        title = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 7))).capitalize()
        kind = rnd.choice(["strike", "talks", "court"])
        events.append(Event(id=f"e{n}", title=title, when=chronology.parse(day.isoformat()), kind=kind))
    return Timeline(events, title="A port strike")


def own_figure(size: tuple[float, float] = (8, 6)) -> Figure:
    """A figure as a user makes one: 100 dpi, margins left for the words around the axes."""
    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)
    figure.subplots_adjust(left=0.12, bottom=0.28, top=0.9)
    return figure


def as_drawn(figure: Figure, dpi: float, look: Callable[[RendererBase], None]) -> None:
    """Save ``figure`` at ``dpi`` and call ``look`` with the renderer while it is drawn at that resolution."""

    def hook(event: MplEvent) -> None:
        assert isinstance(event, DrawEvent)
        look(event.renderer)

    connection = figure.canvas.mpl_connect("draw_event", hook)
    try:
        figure.savefig(io.BytesIO(), dpi=dpi, format="png")
    finally:
        figure.canvas.mpl_disconnect(connection)


def collisions(drawn: TimelinePlot, renderer: RendererBase) -> list[str]:
    """Labels whose boxes overlap, and labels over a dot's middle, in display units as drawn."""
    boxes = {key: text.get_window_extent(renderer) for key, text in drawn.labels.items()}
    found = [
        f"{a} overlaps {b}"
        for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2)
        if Bbox.intersection(box_a, box_b) is not None
        and min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0) > 0
        and min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0) > 0
    ]
    dots = [m for m in drawn.marks if m.get_label() == "_dots"]
    for mark in dots:
        for x, y in drawn.ax.transData.transform(np.asarray(mark.get_offsets(), dtype=float)):
            found += [
                f"{key} covers a dot" for key, box in boxes.items() if box.x0 < x < box.x1 and box.y0 < y < box.y1
            ]
    return found


CASES: dict[str, tuple[Callable[[], Timeline], tuple[float, float], bool, str | None]] = {
    "the showcase, a year, with dates": (lambda: chronology.load(ROOT / "events.toml"), (8, 6), True, "2023-09"),
    "crowded days": (crowded, (10, 6), False, None),
    "crowded days, with dates": (crowded, (10, 6), True, None),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
@pytest.mark.parametrize("dpi", [200, 300])
def test_labels_laid_out_at_100_dpi_meet_nothing_when_saved_at_another(case: str, dpi: int) -> None:
    make, size, dates, start = CASES[case]
    figure = own_figure(size)
    ax = figure.add_subplot()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ChronologyWarning)  # the sources may not fit: not what is tested here
        drawn = plot_timeline(make(), ax=ax, start=start, end="2024-08" if start else None, dates=dates)
    assert len(drawn.labels) >= 5
    found: list[str] = []
    for resolution in (100, dpi):
        as_drawn(figure, resolution, lambda renderer: found.extend(collisions(drawn, renderer)))
    assert found == []


def test_a_label_on_a_users_figure_is_as_wide_in_inches_at_any_resolution() -> None:
    figure = own_figure()
    drawn = plot_timeline(crowded(), ax=figure.add_subplot(), dates=True)
    widths: dict[int, list[float]] = {}

    def measured(dpi: int) -> Callable[[RendererBase], None]:
        def look(renderer: RendererBase) -> None:
            widths[dpi] = [text.get_window_extent(renderer).width / dpi for text in drawn.labels.values()]

        return look

    for dpi in (100, 150, 200, 300):
        as_drawn(figure, dpi, measured(dpi))
    for dpi in (150, 200, 300):
        assert max(abs(a - b) for a, b in zip(widths[100], widths[dpi], strict=True)) < 0.01


# -- the legend and the sources in a figure of the user's layout ---------------------------------------------


def test_in_constrained_layout_the_legend_and_sources_are_drawn_above_the_chart_under_them(
    showcase: Timeline,
) -> None:
    figure = Figure(figsize=(6.4, 6.4), layout="constrained")
    FigureCanvasAgg(figure)
    top, bottom = figure.subplots(2, 1)
    bottom.plot([1, 2, 3])
    drawn = plot_timeline(showcase, ax=top, start="2023-09", end="2024-08")  # warnings are errors: none
    assert drawn.legend is not None
    assert drawn.footnote is not None
    assert drawn.title is not None
    seen: dict[str, Bbox] = {}

    def look(renderer: RendererBase) -> None:
        assert drawn.legend is not None
        assert drawn.footnote is not None
        seen["legend"] = drawn.legend.get_window_extent(renderer)
        seen["sources"] = drawn.footnote.get_window_extent(renderer)
        seen["chart"] = bottom.get_window_extent(renderer)
        seen["timeline"] = top.get_window_extent(renderer)
        assert collisions(drawn, renderer) == []

    as_drawn(figure, 100, look)
    for name in ("legend", "sources"):
        assert seen[name].y0 > seen["chart"].y1, name  # above the chart under it
        assert seen[name].y1 < seen["timeline"].y0, name  # under the timeline's axes
        assert seen[name].x0 >= 0, name
        assert seen[name].x1 <= figure.bbox.width, name


def advice_followed(message: str, figure: Figure) -> None:
    """Do what the warning says: the ``figure.subplots_adjust(...)`` it gives."""
    found = re.search(r"figure\.subplots_adjust\((\w+)=([0-9.]+)\)", message)
    assert found is not None, message
    figure.subplots_adjust(**{found[1]: float(found[2])})


@pytest.mark.parametrize("rows", [1, 2], ids=["one axes", "stacked axes"])
def test_the_advice_for_want_of_room_followed_gets_the_legend_and_sources_drawn(showcase: Timeline, rows: int) -> None:
    def draw(adjust: Callable[[Figure], None]) -> TimelinePlot:
        figure = Figure(figsize=(6.4, 4.8))
        FigureCanvasAgg(figure)
        axes = figure.subplots(rows, 1, squeeze=False)[:, 0]
        adjust(figure)
        return plot_timeline(showcase, ax=axes[0], start="2023-09", end="2024-08")

    with pytest.warns(ChronologyWarning, match="left out for want of room around the axes") as told:
        first = draw(lambda figure: None)
    assert first.legend is None
    message = str(told[0].message)
    assert ("hspace=" if rows == 2 else "bottom=") in message
    assert 'layout="constrained"' in message
    followed = draw(lambda figure: advice_followed(message, figure))  # warnings are errors: none
    assert followed.legend is not None
    assert followed.footnote is not None


# -- what surely lasted ---------------------------------------------------------------------------------------


def parts(drawn: TimelinePlot, name: str) -> list[tuple[float, float]]:
    """The x extents of the polygons of the mark collection ``name`` ("_solid", "_bars", "_thread")."""
    found = [m for m in drawn.marks if m.get_label() == name]
    xs = [np.asarray(p.vertices, dtype=float)[:, 0] for m in found for p in m.get_paths()]
    return [(float(x.min()), float(x.max())) for x in xs]


@pytest.mark.parametrize(
    ("when", "day"),
    [("2024-06-03/2024-06", (2024, 6, 3)), ("2024-06/2024-06-20", (2024, 6, 20))],
    ids=["began on a day, ended in its month", "began in a month, ended on a day of it"],
)
def test_the_day_an_end_is_given_to_is_drawn_solid_whatever_the_other_end(when: str, day: tuple[int, int, int]) -> None:
    timeline = Timeline([Event(id="talks", title="Talks", when=chronology.parse(when), kind="talks")])
    drawn = plot_timeline(timeline, start="2024-05-25", end="2024-06-30")
    x = drawn.scale.x(day_number(*day))
    x_next = drawn.scale.x(day_number(*day) + 1)
    (solid,) = parts(drawn, "_solid")
    assert solid[0] <= x + 1e-6
    assert solid[1] >= x_next - 1e-6
    assert parts(drawn, "_thread") == []
    for light in parts(drawn, "_bars"):  # the rest of the month is light, not under the solid day
        assert light[1] <= solid[0] + 1e-6 or light[0] >= solid[1] - 1e-6
    assert drawn.legend is not None
    legend = [text.get_text() for text in drawn.legend.get_texts()]
    assert "lasting (light part: uncertain start or end)" in legend
    assert not any(text.startswith("lasted, somewhere") for text in legend)


def test_two_months_with_no_day_given_still_have_no_certain_part() -> None:
    timeline = Timeline([Event(id="talks", title="Talks", when=chronology.parse("2024-09/2024-10"), kind="talks")])
    drawn = plot_timeline(timeline)
    assert parts(drawn, "_solid") == []
    assert len(parts(drawn, "_thread")) == 1


# -- colours that stay -----------------------------------------------------------------------------------------


def lane_colours(drawn: TimelinePlot) -> dict[str, str]:
    """Each lane's colour as drawn: the colour of its name beside it."""
    names = drawn.ax.get_yticklabels()
    return {lane: to_hex(text.get_color()) for lane, text in zip(drawn.lanes, names, strict=True)}


def test_the_showcase_keeps_its_colours(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase)
    assert list(lane_colours(drawn).values()) == [
        to_hex(LANE_COLORS[i % len(LANE_COLORS)]) for i in range(len(drawn.lanes))
    ]
    assert lane_colours(drawn) == {lane: to_hex(c) for lane, c in lane_colors(showcase).items()}


def test_a_part_of_a_timeline_drawn_with_the_wholes_colours_keeps_them(showcase: Timeline) -> None:
    whole = lane_colours(plot_timeline(showcase))
    part = showcase.filter(kind=["pact", "strike", "report"])
    kept = lane_colours(plot_timeline(part, colors=lane_colors(showcase)))
    assert kept == {lane: whole[lane] for lane in kept}
    assert lane_colours(plot_timeline(part)) != kept  # drawn on its own, its lanes take the first colours


def test_a_colour_for_a_lane_near_one_drawn_is_a_warning_naming_it(showcase: Timeline) -> None:
    with pytest.warns(chronology.ChronologyWarning, match=r"no lane drawn is named 'reprot'; did you mean 'report'\?"):
        drawn = plot_timeline(showcase, colors={"reprot": "#123456"})
    assert "#123456" not in lane_colours(drawn).values()


def test_colours_given_are_those_drawn_marks_and_names_alike(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, colors={"strike": "#123456", "no such lane": "red"})
    assert lane_colours(drawn)["strike"] == "#123456"
    strikes = [key for key, lane in drawn.lane_of.items() if lane == "strike"]
    dots = next(m for m in drawn.marks if m.get_label() == "_dots")
    assert isinstance(dots, PathCollection)
    offsets = np.asarray(dots.get_offsets(), dtype=float)
    faces = np.asarray(dots.get_facecolor(), dtype=float)
    coloured = {
        (round(float(x), 6), round(float(y), 6)): to_hex(tuple(c)) for (x, y), c in zip(offsets, faces, strict=True)
    }
    strike_dots = [(round(x, 6), round(y, 6)) for x, y in (drawn.positions[key] for key in strikes)]
    assert {coloured[at] for at in strike_dots if at in coloured} == {"#123456"}


def test_a_colour_that_is_none_is_refused_naming_the_lane_and_the_nearest(showcase: Timeline) -> None:
    with pytest.raises(PlotError, match=r"colors\['strike'\] = 'tael'.*did you mean 'teal'\?"):
        plot_timeline(showcase, colors={"strike": "tael"})


# -- a wrong grouping ------------------------------------------------------------------------------------------


def test_a_grouping_that_is_none_is_refused_naming_the_choices_and_the_nearest(showcase: Timeline) -> None:
    with pytest.raises(PlotError) as raised:
        plot_timeline(showcase, group_by="actors")  # type: ignore[arg-type]
    message = str(raised.value)
    assert isinstance(raised.value, ChronologyError)
    assert isinstance(raised.value, ValueError)
    assert "'actors'" in message
    assert "did you mean 'actor'?" in message
    assert all(f"'{choice}'" in message for choice in ("kind", "actor", "tag", "source"))


# -- an ongoing bar meets its arrowhead ------------------------------------------------------------------------


def test_an_ongoing_bar_runs_on_under_its_arrowhead() -> None:
    timeline = Timeline([Event(id="war", title="War", when=chronology.parse("2022-02-24/.."), kind="war")])
    drawn = plot_timeline(timeline, start="2022-01", end="2022-12")
    heads = next(m for m in drawn.marks if m.get_label() == "_open>")
    solid = next(m for m in drawn.marks if m.get_label() == "_solid")
    assert isinstance(solid, PolyCollection)
    figure = drawn.figure
    to_screen = drawn.ax.transData
    tip = float(to_screen.transform(np.asarray(heads.get_offsets(), dtype=float))[0, 0])
    length = 0.45 * math.sqrt(OPEN_HEAD_SIZE) * figure.dpi / 72  # the head's path reaches 0.9 of its half-size
    base = tip - length
    y = drawn.positions["war"][1]
    xs = np.concatenate([np.asarray(p.vertices, dtype=float)[:, 0] for p in solid.get_paths()])
    bar_end = float(to_screen.transform(np.column_stack([xs, np.full(len(xs), y)]))[:, 0].max())
    assert base <= bar_end - 0.5 * figure.dpi / 72  # they overlap by half a point or more: no seam
    assert bar_end < tip  # the bar ends under the head, not past its tip
