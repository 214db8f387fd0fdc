"""The time axis of a plot: any span reads well, quiet stretches break, and every shape is honest.

Pictures are compared with reviewed baselines (tests/test_plot_axis/), and the artists themselves are
checked: the ticks and their labels, where each bar starts and stops, what a break cuts.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure

import chronology
from chronology import Event, Timeline, parse
from chronology._calendar import day_number
from chronology.plot import TimelinePlot, plot_timeline
from chronology.plot._axis import year_text
from chronology.plot._breaks import BREAK_WIDTH, MARGIN_SHARE, MIN_PIECE, QUIET_SHARE, dated_moments, scale_for
from chronology.plot._scale import EPOCH, Piece, Scale, day_span
from chronology.plot.timeline import DOT_INCHES, FADE_SHARE

ROOT = Path(__file__).resolve().parent.parent


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def timeline(rows: Sequence[tuple[str, str, str, str]], title: str) -> Timeline:
    """Events from (id, title, when, kind) rows."""
    return Timeline([Event(id=i, title=t, when=parse(w), kind=k) for i, t, w, k in rows], title=title)


def one_day() -> Timeline:
    return timeline(
        [
            ("alarm", "Fire alarm at the depot", "2024-10-18T02:40", "night"),
            ("crews", "First crews arrive", "2024-10-18T03:15", "night"),
            ("closure", "Road closed", "2024-10-18T03:00/2024-10-18T11:45", "night"),
            ("cause", "Cause of the fire established", "2024-10-18T09:00/2024-10-18T10:00", "day"),
            ("press", "The mayor's press conference", "2024-10-18T14:30", "day"),
        ],
        "A night at the depot, 18 October 2024",
    )


def roman() -> Timeline:
    return timeline(
        [
            ("consul", "Caesar consul for the first time", "-0058", "politics"),
            ("gaul", "Caesar's wars in Gaul", "-0057/-0049", "war"),
            ("rubicon", "Caesar crosses the Rubicon", "-0048-01-10", "war"),
            ("pharsalus", "Battle of Pharsalus", "-0047-08-09", "war"),
            ("ides", "Caesar assassinated on the Ides of March", "-0043-03-15", "politics"),
            ("actium", "Battle of Actium", "-0030-09-02", "war"),
            ("augustus", "Octavian takes the name Augustus", "-0026-01-16", "politics"),
            ("principate", "Augustus rules as princeps", "-0026-01-16/0014-08-19", "politics"),
            ("teutoburg", "Varus's legions lost in the Teutoburg Forest", "0009-09~", "war"),
        ],
        "The end of the Roman Republic, 59 BCE - AD 14",
    )


def centuries() -> Timeline:
    return timeline(
        [
            ("charlemagne", "Charlemagne crowned emperor in Rome", "0800-12-25", "rulers"),
            ("verdun", "The Treaty of Verdun divides the Frankish empire", "0843-08", "treaties"),
            ("lechfeld", "Battle of Lechfeld", "0955-08-10", "wars"),
            ("otto", "Otto I crowned emperor", "0962-02-02", "rulers"),
            ("empire", "The Holy Roman Empire", "0962-02-02/1806-08-06", "states"),
            ("austerlitz", "Battle of Austerlitz", "1805-12-02", "wars"),
            ("rhine", "The Confederation of the Rhine", "1806-07-12/1813-11-04", "states"),
            ("abdication", "Francis II lays down the imperial crown", "1806-08-06", "rulers"),
            ("vienna", "The Congress of Vienna", "1814-09/1815-06", "treaties"),
        ],
        "The Holy Roman Empire, 800-1815",
    )


def tick_labels(drawn: TimelinePlot) -> list[str]:
    """Every tick label drawn, major and minor, each on one line."""
    drawn.figure.canvas.draw()
    ticks = drawn.ax.get_xticklabels() + drawn.ax.get_xticklabels(minor=True)
    return [t.get_text().replace("\n", " ") for t in ticks if t.get_text()]


def collection(drawn: TimelinePlot, name: str) -> PolyCollection | PathCollection | None:
    found = [c for c in drawn.marks if c.get_label() == f"_{name}"]
    return found[0] if found else None


def spans_at(drawn: TimelinePlot, name: str, event_id: str) -> list[tuple[float, float]]:
    """The x extents of the rectangles of collection ``name`` drawn in ``event_id``'s row."""
    polys = collection(drawn, name)
    if polys is None:
        return []
    _, y = drawn.positions[event_id]
    found = []
    for path in polys.get_paths():
        vertices = np.asarray(path.vertices)
        xs, ys = vertices[:, 0], vertices[:, 1]
        if ys.min() < y < ys.max():
            found.append((float(xs.min()), float(xs.max())))
    return sorted(found)


def day(text: str) -> int:
    return chronology.UncertainDate.parse(text).earliest_day


# -- the scale --------------------------------------------------------------------------------------------


def test_a_plain_scale_puts_each_day_at_its_number_less_the_epoch() -> None:
    assert date(1970, 1, 1).toordinal() == EPOCH  # matplotlib's date numbers, for drawings that share the axes
    scale = Scale.plain(739_000.0, 739_100.0)
    assert scale.x(739_050.25) == pytest.approx(739_050.25 - EPOCH)
    assert scale.day(scale.x(739_050.25)) == pytest.approx(739_050.25)
    assert scale.breaks == ()
    assert scale.cut(scale.left, scale.right) == ((scale.left, scale.right),)


def test_a_broken_scale_maps_through_its_pieces_and_cuts_bars_at_its_breaks() -> None:
    scale = Scale((Piece(0.0, 10.0, 0.0, 10.0), Piece(100.0, 110.0, 12.0, 32.0)))
    assert scale.x(5.0) == 5.0
    assert scale.x(105.0) == 22.0  # the second piece draws a day two units wide
    assert scale.x(55.0) == pytest.approx(11.0)  # days in the break are spread across it
    assert scale.x(120.0) == 52.0  # beyond the ends: the nearest piece's slope
    assert scale.x(-5.0) == -5.0
    assert scale.day(22.0) == pytest.approx(105.0)
    assert scale.breaks == ((10.0, 12.0),)
    assert scale.cut(5.0, 20.0) == ((5.0, 10.0), (12.0, 20.0))
    assert scale.crossed(5.0, 20.0) == (10.0, 12.0)
    assert scale.cut(1.0, 2.0) == ((1.0, 2.0),)
    assert scale.piece_at(11.0) is None


@pytest.mark.parametrize(
    ("pieces", "message"),
    [
        ((), "one piece at least"),
        ((Piece(0.0, 10.0, 0.0, 10.0), Piece(5.0, 20.0, 12.0, 20.0)), "follow one another"),
        ((Piece(0.0, 10.0, 0.0, 10.0), Piece(10.0, 20.0, 10.0, 20.0)), "with a break between"),
    ],
    ids=["empty", "overlapping", "no-break"],
)
def test_a_scale_refuses_pieces_out_of_order(pieces: tuple[Piece, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Scale(pieces)


def test_a_piece_must_show_some_days_over_some_width() -> None:
    with pytest.raises(ValueError, match="show some days"):
        Piece(3.0, 3.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="some width"):
        Piece(3.0, 4.0, 1.0, 1.0)


# -- the rule of the breaks ---------------------------------------------------------------------------------


def test_the_showcase_spends_most_of_its_width_on_october_and_november_2024() -> None:
    drawn = plot_timeline(chronology.load(ROOT / "events.toml"), start="2023-08")
    scale = drawn.scale
    autumn = scale.x(day("2024-12-01")) - scale.x(day("2024-10-01"))
    assert autumn > 0.5 * (scale.right - scale.left)
    assert len(scale.breaks) >= 1
    quiet = (day("2024-01-01"), day("2024-05-01"))  # nothing happens in these months: they are left out
    assert any(a < scale.x(quiet[0]) and scale.x(quiet[1]) < b for a, b in scale.breaks)
    for piece in scale.pieces:
        assert piece.x1 - piece.x0 >= MIN_PIECE * (scale.right - scale.left) * (1 - BREAK_WIDTH * 3) - 1e-9


def test_no_breaks_draws_one_plain_axis() -> None:
    drawn = plot_timeline(chronology.load(ROOT / "events.toml"), start="2023-08", breaks=False)
    assert drawn.scale.breaks == ()
    assert drawn.ax.spines["bottom"].get_visible()


def test_a_window_without_quiet_stretches_is_not_broken() -> None:
    drawn = plot_timeline(chronology.load(ROOT / "events.toml"), start="2024-10-01", end="2024-11-20")
    assert drawn.scale.breaks == ()


@pytest.mark.parametrize(
    ("moments", "breaks"),
    [
        ([(10.0, 11.0), (11.0, 12.0), (12.0, 13.0), (90.0, 91.0)], 1),  # 77 quiet days of 100, three crowd
        ([(10.0, 11.0), (11.0, 12.0), (12.0, 13.0), (87.0, 88.0), (88.0, 89.0), (90.0, 91.0)], 1),
        ([(10.0, 11.0), (11.0, 12.0), (12.0, 13.0), (50.0, 51.0), (90.0, 91.0)], 2),
        ([(10.0, 11.0), (90.0, 91.0)], 0),  # two dates far apart: nothing crowds, nothing gains from a break
        ([(0.0, 1.0), (20.0, 21.0), (40.0, 41.0), (60.0, 61.0), (80.0, 81.0), (99.0, 100.0)], 0),  # evenly spread
        ([(10.0, 11.0), (11.0, 12.0), (12.0, 13.0), (20.0, 40.0), (60.0, 61.0), (80.0, 81.0)], 0),  # 46 quiet days
    ],
    ids=["one-quiet-stretch", "two-crowds", "two-quiet-stretches", "two-dates", "evenly-spread", "half-quiet"],
)
def test_the_axis_breaks_only_where_most_of_the_window_is_quiet_and_dates_crowd(
    moments: list[tuple[float, float]], breaks: int
) -> None:
    dated = [(a, b, a, b) for a, b in moments]
    assert len(scale_for(dated, 0.0, 100.0).breaks) == breaks
    assert scale_for(dated, 0.0, 100.0, breaks=False).breaks == ()


def test_something_short_that_lasts_keeps_its_days_but_a_long_war_only_its_ends() -> None:
    crowd = [(99.0, 100.0, 99.0, 100.0)] * 3
    short = scale_for([(10.0, 11.0, 30.0, 31.0), *crowd], 0.0, 100.0)
    assert len(short.breaks) == 1
    assert short.piece_at(short.x(20.0)) is not None  # the days of something lasting 21 days are not quiet
    long = scale_for([(0.0, 1.0, 99.0, 100.0), *crowd], 0.0, 100.0)
    assert len(long.breaks) == 1  # a war from the first day to the last: its days between are quiet
    assert long.piece_at(long.x(50.0)) is None


def test_stretches_far_apart_at_their_own_scale_become_pieces_of_their_own() -> None:
    old, near, far = (day_number(-500, 1, 1), day_number(2024, 10, 1), day_number(170_000_002, 1, 1))
    scale = scale_for(
        [(old, old + 366, old, old + 366), (near, near + 31, near, near + 31), (far, far + 366) * 2], old, far + 366
    )
    assert len(scale.pieces) == 3
    pieces = [scale.piece_at(scale.x(d)) for d in (old, near, far)]
    assert len({id(p) for p in pieces}) == 3


# -- any span --------------------------------------------------------------------------------------------


def test_a_day_reads_in_hours_and_its_events_are_drawn_at_their_times() -> None:
    drawn = plot_timeline(one_day())
    labels = tick_labels(drawn)
    assert {"02:00", "04:00", "12:00", "14:00"} <= set(labels)
    assert "00:00 18 Oct 2024" in labels  # the day under the first tick
    scale = drawn.scale
    start = day("2024-10-18")
    for event_id, minutes in (("alarm", 2 * 60 + 40), ("crews", 3 * 60 + 15), ("press", 14 * 60 + 30)):
        x, _ = drawn.positions[event_id]
        assert x == pytest.approx(scale.x(start + (minutes + 0.5) / 1440))
    (closed,) = spans_at(drawn, "solid", "closure")
    assert closed == pytest.approx((scale.x(start + 3 / 24), scale.x(start + (11 * 60 + 46) / 1440)))


def test_years_before_the_common_era_are_named_so() -> None:
    drawn = plot_timeline(roman())
    labels = tick_labels(drawn)
    assert {"55 BCE", "50 BCE", "45 BCE"} <= set(labels)
    assert any(label.startswith("AD ") for label in labels)
    ides = plot_timeline(roman(), start="-0044-01", end="-0043-12")
    assert any("44 BCE" in label for label in tick_labels(ides))


@pytest.mark.parametrize(
    ("year", "text"),
    [(-43, "44 BCE"), (0, "1 BCE"), (-9999, "10,000 BCE"), (14, "14"), (12_000, "12,000"), (2024, "2024")],
    ids=["44-bce", "1-bce", "10000-bce", "ad-14", "12000", "2024"],
)
def test_years_are_written_as_a_reader_writes_them(year: int, text: str) -> None:
    assert year_text(year) == text
    assert year_text(14, era=True) == "AD 14"


@pytest.mark.parametrize(
    ("rows", "wanted"),
    [
        ([("a", "A", "2024-06", "x"), ("b", "B", "2024-06-20", "x")], "Jun 2024"),
        ([("a", "A", "1400~", "x"), ("b", "B", "1500", "x")], "1450"),
        ([("a", "A", "Y12000", "x"), ("b", "B", "Y12300", "x")], "12,100"),
        ([("a", "A", "Y-24000", "x"), ("b", "B", "Y-23000", "x")], "23,500 BCE"),
        ([("a", "A", "Y-1000000", "x"), ("b", "B", "Y1000000", "x")], "500,000 BCE"),
    ],
    ids=["days", "centuries", "beyond-9999", "ice-age", "millions"],
)
def test_every_span_gets_ticks_of_its_own_unit(rows: list[tuple[str, str, str, str]], wanted: str) -> None:
    labels = tick_labels(plot_timeline(timeline(rows, "t")))
    assert any(wanted in label for label in labels), labels


def test_tick_labels_keep_apart_and_clear_of_the_breaks() -> None:
    for drawn in (plot_timeline(roman()), plot_timeline(centuries()), plot_timeline(one_day())):
        drawn.figure.canvas.draw()
        renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
        boxes = sorted(
            (float(t.get_window_extent(renderer).x0), float(t.get_window_extent(renderer).x1))
            for t in drawn.ax.get_xticklabels() + drawn.ax.get_xticklabels(minor=True)
            if t.get_text()
        )
        for (_, a1), (b0, _) in itertools.pairwise(boxes):
            assert a1 <= b0
        to_pixels = drawn.ax.transData
        for x0, x1 in drawn.scale.breaks:
            left, right = to_pixels.transform((x0, 0))[0], to_pixels.transform((x1, 0))[0]
            assert not any(a < right and left < b for a, b in boxes)


# -- breaks --------------------------------------------------------------------------------------------


def test_a_bar_across_a_break_is_drawn_on_both_sides_and_cut_by_the_break_marks() -> None:
    drawn = plot_timeline(centuries())
    scale = drawn.scale
    assert len(scale.breaks) >= 1
    parts = spans_at(drawn, "solid", "empire")
    assert len(parts) == len(scale.breaks) + 1 - sum(  # one part a piece it reaches
        1 for a, _ in scale.breaks if a < scale.x(day("0962-02-02"))
    )
    assert parts[0][0] == pytest.approx(scale.x(day("0962-02-02")))
    assert parts[-1][1] == pytest.approx(scale.x(day("1806-08-06") + 1))
    for (_, a1), (b0, _) in itertools.pairwise(parts):
        assert (a1, b0) in scale.breaks
    cuts = collection(drawn, "break cuts")
    assert cuts is not None
    _, y = drawn.positions["empire"]
    cut_xs = sorted(float(x) for x, cy in np.asarray(cuts.get_offsets()) if cy == y)
    assert cut_xs == sorted(x for (_, a1), (b0, _) in itertools.pairwise(parts) for x in (a1, b0))
    marks = [line for line in drawn.ax.lines if line.get_label() == "_break marks"]
    assert len(marks) == len(scale.breaks)
    for line, (x0, x1) in zip(marks, scale.breaks, strict=True):
        assert list(np.asarray(line.get_xdata())) == [x0, x1]  # the axis line is cut by the same marks
    assert not drawn.ax.spines["bottom"].get_visible()


# -- honest shapes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [
        ("2024-10-05/2024-10-07", "2024-10-05", "2024-10-07"),
        ("2024-10-05/2024-10-11", "2024-10-05", "2024-10-11"),
        ("2024-10-05/2024-10-05", "2024-10-05", "2024-10-05"),
    ],
    ids=["three-days", "a-week", "one-day"],
)
def test_an_interval_is_drawn_over_exactly_its_days(when: str, first: str, last: str) -> None:
    drawn = plot_timeline(
        timeline([("it", "It", when, "x"), ("before", "B", "2024-10-01", "y"), ("after", "A", "2024-10-14", "y")], "t")
    )
    (solid,) = spans_at(drawn, "solid", "it")
    assert solid == pytest.approx((drawn.scale.x(day(first)), drawn.scale.x(day(last) + 1)))
    assert spans_at(drawn, "bars", "it") == []  # nothing light: both ends are known to the day


def test_an_end_known_to_the_month_is_light_over_that_month() -> None:
    drawn = plot_timeline(timeline([("it", "It", "2024-03/2024-06", "x")], "t"))
    x = drawn.scale.x
    assert spans_at(drawn, "solid", "it") == [pytest.approx((x(day("2024-04-01")), x(day("2024-06-01"))))]
    assert spans_at(drawn, "bars", "it") == [
        pytest.approx((x(day("2024-03-01")), x(day("2024-04-01")))),
        pytest.approx((x(day("2024-06-01")), x(day("2024-07-01")))),
    ]


def fade_alphas(drawn: TimelinePlot, event_id: str) -> list[tuple[float, float, float]]:
    """(x0, x1, alpha) of the fade steps in ``event_id``'s row, left to right."""
    fades = collection(drawn, "fades")
    assert isinstance(fades, PolyCollection)
    _, y = drawn.positions[event_id]
    found = []
    for path, color in zip(fades.get_paths(), np.asarray(fades.get_facecolor()), strict=True):
        vertices = np.asarray(path.vertices)
        xs, ys = vertices[:, 0], vertices[:, 1]
        if ys.min() < y < ys.max():
            found.append((float(xs.min()), float(xs.max()), float(color[3])))
    return sorted(found)


@pytest.mark.parametrize(("window", "days"), [(("2024-10-01", "2024-10-14"), 14), (("2024-01", "2024-12"), 366)])
def test_an_unknown_end_fades_out_over_a_day_or_a_twentieth_of_the_axis_whichever_is_longer(
    window: tuple[str, str], days: int
) -> None:
    drawn = plot_timeline(timeline([("it", "It", "2024-10-05/", "x")], "t"), start=window[0], end=window[1])
    scale = drawn.scale
    axis = scale.right - scale.left
    (solid,) = spans_at(drawn, "solid", "it")  # the known day only, at least a three-hundred-fiftieth of the axis
    known = (scale.x(day("2024-10-05")), scale.x(day("2024-10-06")))
    assert (solid[0] + solid[1]) / 2 == pytest.approx((known[0] + known[1]) / 2)
    assert solid[1] - solid[0] == pytest.approx(max(known[1] - known[0], axis / 350))
    steps = fade_alphas(drawn, "it")
    assert steps[0][0] == pytest.approx(known[1])  # fading from the end of the known day
    length = steps[-1][1] - steps[0][0]
    assert length == pytest.approx(max(scale.x(day("2024-10-07")) - scale.x(day("2024-10-06")), FADE_SHARE * axis))
    alphas = [a for _, _, a in steps]
    assert alphas == sorted(alphas, reverse=True)  # fading out
    assert alphas[0] < 0.9  # fainter than anything known
    assert collection(drawn, "open>") is None  # no arrow: the end exists
    assert days  # the fade is seen in a fortnight and in a year alike


def test_an_open_end_is_an_arrow_at_the_edge() -> None:
    drawn = plot_timeline(timeline([("it", "It", "2024-10-05/..", "x"), ("b", "B", "2024-10-20", "x")], "t"))
    heads = collection(drawn, "open>")
    assert heads is not None
    ((x, _),) = np.asarray(heads.get_offsets())
    assert x == pytest.approx(drawn.scale.right)  # the tip on the edge, the whole head inside the axis
    assert float(np.asarray(heads.get_paths()[0].vertices)[:, 0].max()) == pytest.approx(0.0)
    solid = spans_at(drawn, "solid", "it")
    axis = drawn.scale.right - drawn.scale.left
    assert drawn.scale.right - 0.03 * axis < solid[-1][1] < drawn.scale.right  # up to the arrowhead's base
    assert collection(drawn, "window cuts") is None  # an open end is not a cut


def test_before_a_day_fades_to_the_left_of_it() -> None:
    drawn = plot_timeline(
        timeline([("it", "Letter", "before 23 August 1456", "x"), ("b", "B", "1456-06-01", "x")], "t")
    )
    steps = fade_alphas(drawn, "it")
    assert steps[-1][1] == pytest.approx(drawn.scale.x(day("1456-08-23")))  # up to the known bound, no further
    alphas = [a for _, _, a in steps]
    assert alphas == sorted(alphas)  # strongest next to the known bound, fading out to the left
    assert spans_at(drawn, "solid", "it") == []
    assert spans_at(drawn, "bars", "it") == []


def test_narrowed_dates_are_drawn_inside_the_bounds_as_written_and_the_legend_says_so() -> None:
    narrowed = Timeline(
        [
            Event(id="talks", title="Talks in Geneva", when=parse("2024-10-10/2024-10-20"), kind="talks"),
            Event(id="deal", title="A deal, after the talks", when=parse("2024-10"), kind="deal", after=["talks"]),
        ]
    )
    assert narrowed.narrowed("deal") != narrowed["deal"].when
    drawn = plot_timeline(narrowed)
    x = drawn.scale.x
    assert spans_at(drawn, "outline", "deal") == [pytest.approx((x(day("2024-10-01")), x(day("2024-11-01"))))]
    (bar,) = spans_at(drawn, "bars", "deal")
    assert bar == pytest.approx((x(day("2024-10-20")), x(day("2024-11-01"))))
    assert drawn.legend is not None
    assert NARROWED in legend_texts(drawn)
    assert spans_at(drawn, "outline", "talks") == []


NARROWED = "outline: the date as written; inside it: as the order of events narrows it"


def outline_lines(drawn: TimelinePlot, event_id: str) -> list[np.ndarray]:
    """The lines of the outline drawn around ``event_id``'s mark."""
    outline = collection(drawn, "outline")
    if outline is None:
        return []
    _, y = drawn.positions[event_id]
    found = [np.asarray(path.vertices) for path in outline.get_paths()]
    return [v for v in found if v[:, 1].min() <= y + 0.5 and v[:, 1].max() >= y - 0.5]


@pytest.mark.parametrize(
    ("written", "after", "before", "bar", "written_end", "open_side"),
    [
        ("after October 1462", [], ["c"], ("1462-11-01", "1463-03-01"), "1462-11-01", "right"),
        ("before 1463", ["a"], [], ("1462-10-20", "1462-12-31"), "1463-01-01", "left"),
    ],
    ids=["after-october-before-a-day", "before-a-year-after-a-day"],
)
def test_a_date_written_open_and_narrowed_by_the_links_keeps_an_open_outline_and_the_legend_says_so(
    written: str, after: list[str], before: list[str], bar: tuple[str, str], written_end: str, open_side: str
) -> None:
    events = Timeline(
        [
            Event(id="a", title="A", when=parse("1462-10-20"), kind="x"),
            Event(id="b", title="B", when=parse(written), kind="x", after=after, before=before),
            Event(id="c", title="C", when=parse("1463-03-01"), kind="x"),
        ]
    )
    drawn = plot_timeline(events)
    x = drawn.scale.x
    (drawn_bar,) = spans_at(drawn, "bars", "b")
    assert drawn_bar == pytest.approx((x(day(bar[0])), x(day(bar[1]) + 1)))  # as the links narrow it
    (line,) = outline_lines(drawn, "b")
    xs = line[:, 0]
    known = x(day(written_end))
    if open_side == "right":  # the written bound closes the left side; the right runs on past the bar, open
        assert xs.min() == pytest.approx(known)
        assert xs.max() > drawn_bar[1]
        assert sum(v == pytest.approx(known) for v in xs) == 2  # one upright, at the written bound
    else:
        assert xs.max() == pytest.approx(known)
        assert xs.min() < drawn_bar[0]
        assert sum(v == pytest.approx(known) for v in xs) == 2
    assert NARROWED in legend_texts(drawn)


def test_the_legend_names_no_outline_where_the_links_narrow_nothing() -> None:
    events = Timeline(
        [
            Event(id="a", title="A", when=parse("1462-10-20"), kind="x"),
            Event(id="b", title="B", when=parse("after October 1462"), kind="x", after=["a"]),
        ]
    )
    assert events.narrowed("b") == events["b"].when
    drawn = plot_timeline(events)
    assert outline_lines(drawn, "b") == []
    assert NARROWED not in legend_texts(drawn)


# -- pictures ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "draw"),
    [("one_day", one_day), ("roman", roman), ("centuries", centuries)],
    ids=["one-day", "roman", "centuries"],
)
def test_pictures_of_any_span_match_their_reviewed_baselines(image_regression, name: str, draw) -> None:  # type: ignore[no-untyped-def]
    drawn = plot_timeline(draw())
    image_regression.check(png(drawn.figure), diff_threshold=2.0, basename=f"axis_{name}")


def test_positions_follow_the_scale_through_its_breaks() -> None:
    drawn = plot_timeline(centuries())
    xs = np.array([drawn.positions[i][0] for i in ("charlemagne", "lechfeld", "austerlitz")])
    days = [day("0800-12-25") + 0.5, day("0955-08-10") + 0.5, day("1805-12-02") + 0.5]
    assert xs == pytest.approx(drawn.scale.xs(days))


# -- what the review of the pictures found -------------------------------------------------------------------


def night() -> Timeline:
    """A night in a zone of its own: times, a day known only as a day, a bar from the evening before, an open end."""
    rows = [
        ("alarm", "First alarm raised at the warehouse", "2025-03-12T02:40", "fire service"),
        ("evacuation", "Residents of Harbour Street evacuated", "2025-03-11T23:00/2025-03-12T05:00", "police"),
        ("road", "Dock Road closed", "2025-03-12T03:00/..", "police"),
        ("major", "Council declares a major incident", "2025-03-12", "officials"),
        ("press", "Fire chief's press conference", "2025-03-12T14:30", "officials"),
    ]
    events = [Event(id=i, title=t, when=parse(w), kind=k) for i, t, w, k in rows]
    return Timeline(events, title="Warehouse fire on Dock Road", zone="Europe/London")


def county_town() -> Timeline:
    return timeline(
        [
            ("charter", "Market charter granted", "1302-05-04", "town"),
            ("church", "Parish church rebuilt", "1310/1318", "town"),
            ("plague", "The Black Death reaches the town", "1349-06", "disaster"),
            ("fire", "Great fire", "c. 1355", "disaster"),
            ("guild", "Weavers' guild founded", "1358", "town"),
            ("feud", "The long feud between the Ashby and Marlow families", "1360/1720", "war"),
            ("siege", "Siege of the castle", "1643-08-10/1643-09-05", "war"),
            ("surrender", "Royalist garrison surrenders", "1643-09-05", "war"),
            ("mp", "Town returns its first MP", "1645", "town"),
            ("enclosure", "Enclosure of the common fields", "1648/1652", "town"),
            ("canal", "Canal opens", "1790-10", "town"),
        ],
        "A county town, 1300-1800",
    )


def legend_texts(drawn: TimelinePlot) -> list[str]:
    assert drawn.legend is not None
    return [t.get_text() for t in drawn.legend.get_texts()]


def dots_at(drawn: TimelinePlot, event_id: str) -> list[float]:
    """The x of the dots drawn in ``event_id``'s row."""
    dots = collection(drawn, "dots")
    if dots is None:
        return []
    _, y = drawn.positions[event_id]
    return [float(x) for x, dot_y in np.asarray(dots.get_offsets()) if dot_y == y]


def test_a_day_on_an_axis_of_hours_is_drawn_over_the_whole_day_not_as_a_dot_at_noon() -> None:
    drawn = plot_timeline(night(), start="2025-03-12", end="2025-03-12")
    x = drawn.scale.x
    whole_day = (x(day("2025-03-12")), x(day("2025-03-13")))
    assert dots_at(drawn, "major") == []
    assert spans_at(drawn, "bars", "major") == [pytest.approx(whole_day)]
    assert dots_at(drawn, "press") == [pytest.approx(x(day("2025-03-12") + (14 * 60 + 30.5) / 1440))]
    texts = legend_texts(drawn)
    assert "known to the minute" in texts  # what the dots are, by the precisions drawn as dots
    assert "one moment somewhere in the bar" in texts
    assert not any("known to the day" in text for text in texts)


@pytest.mark.parametrize(
    ("when", "window", "known"),
    [
        ("2024-06", ("2024-06-01", "2024-07-31"), None),  # a month on an axis of days: over the month
        ("2024-06-15", ("2024-01", "2024-12"), "known to the day"),  # a day in a year: too narrow to draw over
        ("2024-10-18", ("2024-10-14", "2024-10-20"), None),  # a day in a week: over the day
        ("2024-06-15", ("2000", "2049"), "known to the day"),  # a day in fifty years
        ("1358", ("1355", "1360"), None),  # a year in six
    ],
    ids=["month-on-days", "day-in-a-year", "day-in-a-week", "day-in-decades", "year-in-years"],
)
def test_a_moment_is_a_dot_only_where_its_span_is_too_narrow_to_draw_over(
    when: str, window: tuple[str, str], known: str | None
) -> None:
    drawn = plot_timeline(timeline([("it", "It", when, "x")], "t"), start=window[0], end=window[1])
    value = chronology.UncertainDate.parse(when)
    x = drawn.scale.x
    span = (x(value.earliest_day), x(value.latest_day + 1))
    if known is None:
        assert dots_at(drawn, "it") == []
        assert spans_at(drawn, "bars", "it") == [pytest.approx(span)]
        assert legend_texts(drawn) == ["one moment somewhere in the bar"]
    else:
        assert dots_at(drawn, "it") == [pytest.approx((span[0] + span[1]) / 2)]
        assert spans_at(drawn, "bars", "it") == []
        assert legend_texts(drawn) == [known]


def test_the_legend_names_every_precision_its_dots_are_known_to() -> None:
    drawn = plot_timeline(
        timeline([("a", "A", "2024-10-18T02:40", "x"), ("b", "B", "2024-10-19", "x"), ("c", "C", "2024-12", "x")], "t"),
        start="2020",
        end="2029",
    )
    assert legend_texts(drawn)[:2] == ["known to the minute or day", "one moment somewhere in the bar"]
    assert dots_at(drawn, "c") == []  # a month is a bar, however narrow


@pytest.mark.parametrize(
    ("written", "as_range"),
    [
        ("autumn 1462", "[1462-09-01..1462-11-30]"),
        ("Q1 1462", "[1462-01-01..1462-03-31]"),
        ("October 1462", "[1462-10-01..1462-10-31]"),
        ("1462", "[1462-01-01..1462-12-31]"),
        ("the 1460s", "[1460-01-01..1469-12-31]"),
    ],
    ids=["season", "quarter", "month", "year", "decade"],
)
@pytest.mark.parametrize("window", [("1400", "1500"), ("1000", "1900")], ids=["a-century", "centuries"])
def test_a_moment_that_may_fall_on_more_than_one_day_is_a_bar_whatever_notation_wrote_it(
    written: str, as_range: str, window: tuple[str, str]
) -> None:
    drawn = plot_timeline(
        timeline([("word", "Word", written, "x"), ("range", "Range", as_range, "y")], "t"),
        start=window[0],
        end=window[1],
    )
    word, as_days = parse(written), parse(as_range)
    assert isinstance(word, chronology.UncertainDate)
    assert isinstance(as_days, chronology.UncertainDate)
    assert (word.earliest_day, word.latest_day) == (as_days.earliest_day, as_days.latest_day)
    assert dots_at(drawn, "word") == dots_at(drawn, "range") == []
    (bar,) = spans_at(drawn, "bars", "word")
    assert spans_at(drawn, "bars", "range") == [pytest.approx(bar)]
    x = drawn.scale.x
    assert bar[0] <= x(word.earliest_day) + 1e-6  # over every day it may fall on, at least
    assert bar[1] >= x(word.latest_day + 1) - 1e-6
    inches = drawn.ax.get_position().width * drawn.figure.get_figwidth()
    assert (bar[1] - bar[0]) / (drawn.scale.right - drawn.scale.left) * inches >= 0.05  # wide enough to be seen
    assert legend_texts(drawn) == ["one moment somewhere in the bar"]


def test_a_moment_within_one_day_is_a_dot_whatever_notation_wrote_it() -> None:
    drawn = plot_timeline(
        timeline(
            [("day", "Day", "2024-10-18", "x"), ("hours", "Hours", "[2024-10-18T02:00..2024-10-18T05:00]", "y")], "t"
        ),
        start="2024",
        end="2024",
    )
    assert dots_at(drawn, "day") == [pytest.approx(drawn.scale.x(day("2024-10-18") + 0.5))]
    assert dots_at(drawn, "hours") == [pytest.approx(drawn.scale.x(day("2024-10-18") + 3.5 / 24))]
    assert spans_at(drawn, "bars", "day") == spans_at(drawn, "bars", "hours") == []
    assert legend_texts(drawn) == ["known to the day"]


def teeth_at(drawn: TimelinePlot, event_id: str) -> list[tuple[float, float]]:
    return spans_at(drawn, "window cuts", event_id)


def test_a_bar_cut_by_the_window_ends_in_teeth_at_its_edge_and_the_legend_says_so() -> None:
    drawn = plot_timeline(night(), start="2025-03-12", end="2025-03-12")
    scale = drawn.scale
    (solid,) = spans_at(drawn, "solid", "evacuation")
    assert solid[0] < scale.left  # it began the evening before: it runs on beyond the window's edge
    (teeth,) = teeth_at(drawn, "evacuation")
    assert teeth[0] < scale.left < teeth[1]
    assert teeth[1] - scale.left < 0.02 * (scale.right - scale.left)  # a mark at the edge, not over the bar
    assert teeth_at(drawn, "road") == []  # an open end is an arrow, not a cut
    assert collection(drawn, "open>") is not None
    texts = legend_texts(drawn)
    assert {"cut at the edge: goes on beyond the dates shown", "open end (ongoing)"} <= set(texts)
    whole = plot_timeline(night())
    assert collection(whole, "window cuts") is None  # nothing is cut where the window is the events' own
    assert "cut at the edge: goes on beyond the dates shown" not in legend_texts(whole)


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-07", "2024-10"), ("2023-08", "2024-11-20"), ("2024-10-18", "2024-10-18")],
    ids=["months", "broken", "one-day"],
)
def test_the_axis_shows_the_window_chosen_and_no_day_beyond(start: str, end: str) -> None:
    drawn = plot_timeline(chronology.load(ROOT / "events.toml"), start=start, end=end)
    scale = drawn.scale
    assert scale.first == pytest.approx(chronology.UncertainDate.parse(start).earliest_day)
    assert scale.last == pytest.approx(chronology.UncertainDate.parse(end).latest_day + 1)
    assert drawn.ax.get_xlim() == pytest.approx((scale.left, scale.right))


def test_something_lasting_with_no_certain_part_is_not_drawn_as_one_moment() -> None:
    drawn = plot_timeline(
        timeline([("lasted", "L", "2024-09/2024-10", "x"), ("moment", "M", "[2024-09-01..2024-10-31]", "y")], "t")
    )
    x = drawn.scale.x
    both_months = (x(day("2024-09-01")), x(day("2024-11-01")))
    assert spans_at(drawn, "thread", "lasted") == [pytest.approx(both_months)]  # a line through the light
    assert spans_at(drawn, "thread", "moment") == []
    assert spans_at(drawn, "bars", "moment") == [pytest.approx(both_months)]
    assert spans_at(drawn, "solid", "lasted") == []  # no part of it is sure
    texts = legend_texts(drawn)
    assert "lasted, somewhere in the bar: no part certain" in texts
    assert "one moment somewhere in the bar" in texts
    assert "lasting (light part: uncertain start or end)" not in texts


@pytest.mark.parametrize(
    ("draw", "zone"),
    [
        (lambda: plot_timeline(night()), "times in Europe/London"),
        (lambda: plot_timeline(one_day()), "times in UTC"),
        (lambda: plot_timeline(one_day().in_zone("Asia/Seoul")), "times in Asia/Seoul"),
        (lambda: plot_timeline(roman()), ""),  # no times of day: no zone
    ],
    ids=["london", "utc", "seoul", "years"],
)
def test_an_axis_of_hours_names_its_time_zone(draw, zone: str) -> None:  # type: ignore[no-untyped-def]
    drawn = draw()
    drawn.figure.canvas.draw()
    assert drawn.ax.xaxis.get_offset_text().get_text() == zone


def label_boxes(drawn: TimelinePlot) -> list[tuple[float, float, float]]:
    """(tick x in data, left and right pixel) of every tick label drawn, left to right."""
    drawn.figure.canvas.draw()
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    found = []
    for tick in drawn.ax.xaxis.get_major_ticks() + drawn.ax.xaxis.get_minor_ticks():
        label = tick.label1
        if label.get_visible() and label.get_text():
            box = label.get_window_extent(renderer)
            found.append((float(tick.get_loc()), float(box.x0), float(box.x1)))
    return sorted(found, key=lambda found: found[1])


def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


@pytest.mark.parametrize(
    ("draw", "start", "width"),
    [
        (county_town, None, 11.0),
        (county_town, None, 6.0),
        (roman, None, 6.0),
        (centuries, None, 6.0),
        (showcase, "2023-08", 6.0),
        (showcase, "2023-08", 11.0),
    ],
    ids=["county-11", "county-6", "roman-6", "centuries-6", "showcase-6", "showcase-11"],
)
def test_every_piece_has_two_labelled_ticks_and_no_tick_labels_touch(draw, start: str | None, width: float) -> None:  # type: ignore[no-untyped-def]
    drawn = plot_timeline(draw(), start=start, width=width)
    boxes = label_boxes(drawn)
    for piece in drawn.scale.pieces:
        assert sum(1 for x, _, _ in boxes if piece.x0 <= x <= piece.x1) >= 2, piece
    for (_, _, a1), (_, b0, _) in itertools.pairwise(boxes):
        assert a1 + 2 <= b0  # two pixels apart at least


def test_a_window_of_two_days_keeps_hour_ticks_at_a_width_of_six_inches() -> None:
    drawn = plot_timeline(night(), width=6.0, dates=True)
    assert drawn.scale.last - drawn.scale.first > 1.5
    labels = tick_labels(drawn)
    assert any(label.startswith("12:00") for label in labels), labels
    assert any(label.startswith("00:00") for label in labels), labels


def shapes() -> Timeline:
    return timeline(
        [
            ("lasted", "Interval", "2024-09/2024-10", "x"),
            ("approximate", "Approximate", "2024-10~", "x"),
            ("open-start", "Open start", "../2024-10-20", "x"),
            ("unknown-start", "Unknown start", "/2024-10-20", "x"),
            ("after", "After", "after 25 October 2024", "x"),
            ("open-end", "Open end", "2024-10-25/..", "x"),
        ],
        "t",
    )


@pytest.mark.parametrize(
    "draw", [shapes, lambda: chronology.load(ROOT / "examples" / "gutenberg.toml")], ids=["shapes", "gutenberg"]
)
def test_without_a_window_the_axis_holds_every_fade_and_arrow(draw) -> None:  # type: ignore[no-untyped-def]
    drawn = plot_timeline(draw())
    scale = drawn.scale
    tiny = 1e-6 * (scale.right - scale.left)
    for marks in drawn.marks:
        if isinstance(marks, PolyCollection):
            for path in marks.get_paths():
                xs = np.asarray(path.vertices)[:, 0]
                assert scale.left - tiny <= xs.min(), marks.get_label()
                assert xs.max() <= scale.right + tiny, marks.get_label()
    fades = collection(drawn, "fades")
    assert fades is not None
    first = min(float(np.asarray(path.vertices)[:, 0].min()) for path in fades.get_paths())
    assert first > scale.left  # the fade of the earliest date ("c. 1400") starts inside the axis, not at its edge
    for direction in "<>":
        heads = collection(drawn, f"open{direction}")
        if heads is not None:
            tips = np.asarray(heads.get_offsets())[:, 0]
            assert tips == pytest.approx(scale.left if direction == "<" else scale.right)
            body = np.asarray(heads.get_paths()[0].vertices)[:, 0]  # the head lies on the inner side of its tip
            assert (body <= 0).all() if direction == ">" else (body >= 0).all()
    assert collection(drawn, "window cuts") is None


def test_a_mark_wholly_past_the_window_is_pointed_at_from_its_edge() -> None:
    tl = Timeline(
        [
            Event(id="after", title="After 20 September", when=parse("after 20 September 2024")),
            Event(id="before", title="Before 25 October", when=parse("before 25 October 2024")),
            Event(id="inside", title="Inside", when=parse("2024-10-08")),
        ]
    )
    drawn = plot_timeline(tl, start="2024-10-01", end="2024-10-15")
    pointers = {
        str(c.get_label()): np.asarray(c.get_offsets())[:, 0].tolist()
        for c in drawn.marks
        if str(c.get_label()).startswith("_beyond")
    }
    left, right = drawn.ax.get_xlim()
    assert sorted(pointers) == ["_beyond<", "_beyond>"]
    assert pointers["_beyond<"] == [left]  # "after 20 September" fades out before October
    assert pointers["_beyond>"] == [right]  # "before 25 October" fades in after the 15th
    assert drawn.legend is not None
    assert "dated beyond the dates shown, that way" in [t.get_text() for t in drawn.legend.get_texts()]
    whole = plot_timeline(tl)  # no window: every mark inside, no pointer
    assert not [c for c in whole.marks if str(c.get_label()).startswith("_beyond")]


# -- open sides and the default window ----------------------------------------------------------------------


def port_strike() -> Timeline:
    """A week's story with an ongoing closure, written open and narrowed by an after link, and background."""
    events = [
        ("terminal", "Grain terminal opens", "c. 2019", "background"),
        ("battery", "Air defence battery deployed", "[..2020]", "background"),
        ("strike", "Drones strike the port", "2024-03-11T03", "strike"),
        ("closed", "Port closed to shipping", "2024-03-11/..", "response"),
        ("funeral", "Mass funeral", "2024-03-13", "response"),
        ("report", "NGO report", "2024-03-18", "report"),
    ]
    return Timeline(
        [
            Event(id=i, title=t, when=parse(w), kind=k, after=["strike"] if i == "closed" else [])
            for i, t, w, k in events
        ],
        title="Port strike",
    )


def test_an_open_end_does_not_stretch_the_default_window_past_the_last_known_date() -> None:
    story = port_strike()
    week = Timeline([e for e in story if e.kind != "background"], title="Port strike")
    drawn = plot_timeline(week)
    assert day("2024-03-19") <= drawn.scale.pieces[-1].last < day("2024-03-21"), "a little after 18 March"
    without = Timeline([e for e in story if e.id != "closed"], title="Port strike")
    shown = [[(p.first, p.last) for p in plot_timeline(t).scale.pieces] for t in (story, without)]
    assert shown[0] == shown[1]  # with the years before: the same days shown as without the closure
    for drawn in (plot_timeline(week), plot_timeline(story)):
        heads = collection(drawn, "open>")  # the closure goes on: its arrow at the window's edge
        assert heads is not None
        ((x, _),) = np.asarray(heads.get_offsets())
        assert x == pytest.approx(drawn.scale.right)


def test_by_a_year_is_a_dated_moment_of_that_year_not_a_piece_of_the_axis_of_its_own() -> None:
    (moment,) = dated_moments([parse("[..2020]")])
    assert moment == pytest.approx((day("2020-01-01"), day("2021-01-01")) * 2)
    drawn = plot_timeline(port_strike())
    first = drawn.scale.pieces[0]
    assert first.first <= day("2019-01-01")  # 2019 and 2020 in one piece
    assert day("2021-01-01") <= first.last
    assert all(piece.first < day("2020-06-01") or piece.first > day("2023-01-01") for piece in drawn.scale.pieces)


def test_a_fade_drawn_over_part_of_its_reach_shows_no_steps() -> None:
    background = Timeline([e for e in port_strike() if e.kind == "background"])
    drawn = plot_timeline(background, start="2020-09", end="2021-02", dpi=300)
    points = drawn.figure.dpi / 72
    for event_id in ("terminal", "battery"):
        steps = fade_alphas(drawn, event_id)
        assert len(steps) > 8
        widths = [
            drawn.ax.transData.transform((b, 0))[0] - drawn.ax.transData.transform((a, 0))[0] for a, b, _ in steps
        ]
        assert max(widths) < 2 * points  # each step under two points wide ...
        alphas = [a for _, _, a in steps]
        assert max(abs(a - b) for a, b in itertools.pairwise(alphas)) < 0.004  # ... and a fraction of a level apart


# -- a busy week among quiet years; nights across midnight (a newsroom's trial) ------------------------------


def busy_week() -> Timeline:
    """Three events of background over three years, then a week's story: nine events, 10 to 16 March 2025."""
    background = [
        ("founded", "Company founded", "2018-04-02"),
        ("lawsuit", "First lawsuit filed", "2019-09-15"),
        ("inquiry", "Regulator opens inquiry", "2021-01-20"),
    ]
    week = [
        (f"day-{n}", f"Story, part {n}", f"2025-03-{d}") for n, d in enumerate((10, 11, 11, 12, 13, 14, 15, 16, 16))
    ]
    rows = [*((i, t, w, "background") for i, t, w in background), *((i, t, w, "story") for i, t, w in week)]
    return timeline(rows, "A busy week")


@pytest.mark.parametrize("width", [11.0, 6.0])
def test_a_busy_week_among_quiet_years_gets_the_width_and_its_days_are_spread_over_it(width: float) -> None:
    drawn = plot_timeline(busy_week(), width=width)
    scale = drawn.scale
    assert scale.breaks
    assert any(line.get_label() == "_break marks" for line in drawn.ax.lines)  # the breaks are marked
    week = scale.piece_at(scale.x(day("2025-03-12")))
    assert week is not None
    for event_id in ("founded", "lawsuit", "inquiry"):  # the background years are shown, apart from the week
        piece = scale.piece_at(drawn.positions[event_id][0])
        assert piece is not None
        assert piece is not week
    others = [piece for piece in scale.pieces if piece is not week]
    assert all(week.x1 - week.x0 > piece.x1 - piece.x0 for piece in others)
    # the week's days take most of its piece, not a few days of months around them ...
    assert scale.x(day("2025-03-17")) - scale.x(day("2025-03-10")) > 0.5 * (week.x1 - week.x0)
    # ... and every two of its days lie apart by a dot's room at least
    inches = drawn.ax.get_position().width * drawn.figure.get_figwidth()
    room = DOT_INCHES * (scale.right - scale.left) / inches
    xs = sorted({round(x, 9) for key, (x, _) in drawn.positions.items() if key.startswith("day-")})
    assert len(xs) == 7
    assert min(b - a for a, b in itertools.pairwise(xs)) >= room


def test_a_lone_date_keeps_a_twentieth_of_the_window_about_it_but_a_busy_stretch_shows_its_own_days() -> None:
    lone, same_day = [(0.0, 1.0) * 2], [(900.0, 901.0) * 2] * 3  # one date; three dates on one day
    busy = [(1993.0 + d, 1994.0 + d) * 2 for d in (0, 1, 1, 3, 5, 6)]  # six dates over 7 days
    scale = scale_for([*lone, *same_day, *busy], 0.0, 2000.0)
    assert len(scale.pieces) == 3
    first, middle, last = scale.pieces
    for piece in (first, middle):  # at one place each: days enough about it for ticks of their own
        assert piece.last - piece.first >= QUIET_SHARE * 2000.0 - 1e-9
    assert last.first >= 1993.0 - 7 * MARGIN_SHARE - 1e-9  # its own seven days, an eighth of them each side
    assert last.last <= 2000.0 + 7 * MARGIN_SHARE + 1e-9
    assert last.x1 - last.x0 > max(first.x1 - first.x0, middle.x1 - middle.x0)


@pytest.mark.parametrize(
    ("when", "zone", "is_dot"),
    [
        ("[2025-03-09T18:00..2025-03-10T05:59]", None, False),  # overnight: under a day long, on two days
        ("the night of 10-11 March 2025", None, False),
        ("[2025-03-12T23:30..2025-03-13T00:29]", None, False),  # an hour, across midnight
        ("[2025-03-12T09:00..2025-03-12T17:00]", None, True),  # working hours, within the day
        ("2025-03-12", None, True),
        ("[2025-03-12T12:00Z..2025-03-12T17:00Z]", None, True),  # within the day in UTC ...
        ("[2025-03-12T12:00Z..2025-03-12T17:00Z]", "Asia/Seoul", False),  # ... 21:00 to 02:00 in Seoul
    ],
    ids=["overnight", "night-of", "hour-across-midnight", "working-hours", "day", "utc", "utc-in-seoul"],
)
def test_a_moment_is_a_dot_only_within_one_calendar_day_of_the_timelines_zone(
    when: str, zone: str | None, is_dot: bool
) -> None:
    value = parse(when)
    assert isinstance(value, chronology.UncertainDate)
    events = Timeline([Event(id="it", title="It", when=value, kind="x")], title="t", zone=zone)
    drawn = plot_timeline(events, start="2025", end="2025")
    lo, hi = day_span(value, events.zone_info)
    assert hi - lo <= 1.0  # a day long at most, every one
    x0, x1 = drawn.scale.x(lo), drawn.scale.x(hi)
    inches = drawn.ax.get_position().width * drawn.figure.get_figwidth()
    assert x1 - x0 < DOT_INCHES * (drawn.scale.right - drawn.scale.left) / inches  # too narrow to draw over
    if is_dot:
        assert dots_at(drawn, "it") == [pytest.approx((x0 + x1) / 2)]
        assert spans_at(drawn, "bars", "it") == []
        assert legend_texts(drawn)[0].startswith("known to the")
    else:
        assert dots_at(drawn, "it") == []
        (bar,) = spans_at(drawn, "bars", "it")
        assert bar[0] <= x0 + 1e-9
        assert x1 - 1e-9 <= bar[1]
        assert legend_texts(drawn) == ["one moment somewhere in the bar"]
