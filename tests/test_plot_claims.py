"""The claims chart: the scale chosen from the figures, plain ticks, labels clear of every bar and mark, every
text inside the canvas, the table of the claims drawn, and the command line that asks for them."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import math
import re
from io import StringIO
from pathlib import Path
from typing import Literal

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

import chronology
from chronology import (
    ChronologyDeprecationWarning,
    ChronologyError,
    Claim,
    Event,
    PlotError,
    Source,
    Timeline,
    UncertainDate,
    parse,
)
from chronology.cli import main
from chronology.plot import ClaimsPlot, claims_table, plot_claims, save_claims_table
from chronology.plot.claims import TABLE_COLUMNS
from chronology.quantity import Comparison, Quantity

ROOT = Path(__file__).resolve().parent.parent
FIRE = "people injured in the Market Street fire"
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def claim(value: str | Quantity, claimant: str, source: str, said: str, subject: str = FIRE) -> Claim:
    figure = value if isinstance(value, Quantity) else Quantity.parse(value)
    return Claim(subject=subject, value=figure, unit="people", claimant=claimant, source=source, said=parse(said))


def fire(*claims: Claim) -> Timeline:
    """A town fire, and how many were hurt, as three sources report it."""
    sources = [
        Source(id="herald", outlet="The Harbour Herald", published=UncertainDate.parse("2024-03-02")),
        Source(id="radio", outlet="City Radio", published=UncertainDate.parse("2024-03-03")),
        Source(id="council", title="Statement of the town council", published=UncertainDate.parse("2024-03-06")),
    ]
    event = Event(id="fire", title="Fire in a Market Street warehouse", when=parse("2024-03-01"), claims=claims)
    return Timeline([event], sources, title="Market Street fire")


@pytest.fixture(scope="module")
def close() -> Timeline:
    """Figures of 12 to 30: within one order of magnitude."""
    return fire(
        claim("12", "fire brigade", "herald", "2024-03-01"),
        claim("more than 18", "witnesses", "herald", "2024-03-02"),
        claim("about 15", "hospital spokesperson", "radio", "2024-03-02"),
        claim("up to 20", "the mayor", "radio", "2024-03-03"),
        claim("20-30", "nurses' union", "council", "[2024-03-03..2024-03-05]"),
        claim("24", "fire brigade", "council", "2024-03-06"),
    )


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def box(extent: object) -> Box:
    x0, y0, x1, y1 = extent.x0, extent.y0, extent.x1, extent.y1  # type: ignore[attr-defined]
    return (x0, y0, x1, y1)


def meet(a: Box, b: Box, slack: float = 0.0) -> bool:
    """Whether two boxes overlap by more than ``slack`` pixels."""
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def drawn_boxes(drawn: ClaimsPlot) -> dict[str, list[Box]]:
    """Where the labels, bars, marks and arrows of a chart are, in pixels, measured on the drawn canvas."""
    figure = drawn.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    points = figure.dpi / 72
    bars = []
    for lines in (drawn.ranges, drawn.spans):
        if lines is None:
            continue
        for segment, width in zip(
            lines.get_segments(), itertools.cycle(np.atleast_1d(lines.get_linewidth())), strict=False
        ):
            (x0, y0), (x1, y1) = drawn.ax.transData.transform(segment)
            half = width * points / 2
            bars.append((min(x0, x1) - half, min(y0, y1) - half, max(x0, x1) + half, max(y0, y1) + half))
    marks = []
    for collection in drawn.marks:
        sizes = itertools.cycle(collection.get_sizes())
        edges = itertools.cycle(np.atleast_1d(collection.get_linewidth()))
        for (x, y), size, edge in zip(np.asarray(collection.get_offsets()), sizes, edges, strict=False):
            cx, cy = drawn.ax.transData.transform((x, y))
            radius = (math.sqrt(size) / 2 + edge / 2) * points
            marks.append((cx - radius, cy - radius, cx + radius, cy + radius))
    return {
        "labels": [box(text.get_window_extent(renderer)) for text in drawn.labels],
        "bars": bars,
        "marks": marks,
        "arrows": [box(arrow.arrow_patch.get_window_extent(renderer)) for arrow in drawn.arrows if arrow.arrow_patch],
    }


def assert_labels_clear(drawn: ClaimsPlot) -> None:
    """No label meets another label, a bar, a mark or an arrow, and no leader line runs through a label."""
    found = drawn_boxes(drawn)
    labels = found["labels"]
    assert labels
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not meet(a, b), (drawn.labels[i].get_text(), b)
        for kind in ("bars", "marks", "arrows"):
            for other in found[kind]:
                assert not meet(a, other), (drawn.labels[i].get_text(), kind, other)
    for leader in drawn.leaders:
        assert leader.arrow_patch is not None
        ends = np.asarray(leader.arrow_patch.get_path().vertices)
        start, end = ends[0], ends[-1]
        for x, y in np.linspace(start, end, 50):
            for label in labels:
                assert not meet((x - 0.5, y - 0.5, x + 0.5, y + 0.5), label, slack=1.5)


def texts_shown(drawn: ClaimsPlot) -> list[Text]:
    """Every non-empty text drawn: the tick labels in view, the labels, title, legend, key, axis labels."""
    figure, ax = drawn.figure, drawn.ax
    figure.canvas.draw()
    ticks: set[int] = set()
    shown = []
    for axis, (low, high) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        for which in ("major", "minor"):
            locations = axis.get_majorticklocs() if which == "major" else axis.get_minorticklocs()
            tick_labels = axis.get_ticklabels(which=which)
            ticks.update(id(t) for t in tick_labels)
            shown += [
                t for t, at in zip(tick_labels, locations, strict=False) if min(low, high) <= at <= max(low, high)
            ]
    for axis in (ax.xaxis, ax.yaxis):
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            ticks.update((id(tick.label1), id(tick.label2)))
    shown += [t for t in figure.findobj(Text) if id(t) not in ticks]
    return [t for t in shown if t.get_visible() and t.get_text().strip()]


def tick_texts(drawn: ClaimsPlot) -> list[str]:
    return [t.get_text() for t in texts_shown(drawn) if t in drawn.ax.get_yticklabels(which="both")]


# -- the scale -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "scale"),
    [
        (["12", "about 15", "up to 20", "30"], "linear"),
        (["5", "49"], "linear"),
        (["5", "50"], "log"),
        (["1,500", "up to 100,000"], "log"),
        (["4-45"], "log"),
        (["0", "1,500"], "linear"),
    ],
    ids=["close figures", "less than ten times", "ten times", "a hundredfold", "range ends count", "zero: linear"],
)
def test_the_scale_is_chosen_from_the_figures(figures: list[str], scale: str) -> None:
    timeline = fire(*(claim(f, f"claimant {i}", "herald", f"2024-03-0{i + 1}") for i, f in enumerate(figures)))
    drawn = plot_claims(timeline)
    assert drawn.scale == scale
    assert drawn.ax.get_yscale() == scale


def test_a_log_axis_is_labelled_in_plain_numbers(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    assert drawn.scale == "log"
    ticks = tick_texts(drawn)
    assert {"1,000", "10,000", "100,000"} <= set(ticks)
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})*", text) for text in ticks), ticks


def test_close_figures_on_a_log_axis_get_plain_ticks_between_powers_of_ten(close: Timeline) -> None:
    drawn = plot_claims(close, scale="log")
    assert drawn.scale == "log"
    assert sorted(tick_texts(drawn), key=float) == ["5", "10", "20", "50"]  # never "6 × 10¹" or "3 × 10¹"


def test_close_figures_are_drawn_on_a_linear_axis_from_zero(close: Timeline) -> None:
    drawn = plot_claims(close)
    assert drawn.scale == "linear"
    assert drawn.ax.get_ylim()[0] == 0
    assert tick_texts(drawn) == ["0", "5", "10", "15", "20", "25", "30", "35"]


def test_a_log_scale_refuses_a_figure_of_zero_and_says_what_to_do() -> None:
    timeline = fire(claim("12", "fire brigade", "herald", "2024-03-01"), claim("0", "police", "radio", "2024-03-02"))
    with pytest.raises(PlotError, match=r"'0' \(claimed by police, event 'fire'\).*--scale linear") as caught:
        plot_claims(timeline, scale="log")
    assert isinstance(caught.value, ChronologyError)
    assert isinstance(caught.value, ValueError)


def test_a_log_scale_refuses_a_negative_figure() -> None:
    change = Quantity(comparison=Comparison.EXACTLY, low=-5, high=-5, text="-5")
    timeline = fire(
        claim("12", "fire brigade", "herald", "2024-03-01"), claim(change, "council", "radio", "2024-03-02")
    )
    assert plot_claims(timeline).scale == "linear"
    with pytest.raises(PlotError, match="'-5'"):
        plot_claims(timeline, scale="log")


def test_an_unknown_scale_is_refused_naming_those_there_are(close: Timeline) -> None:
    with pytest.raises(PlotError, match=r"'logarithmic'.*'auto', 'linear' or 'log'"):
        plot_claims(close, scale="logarithmic")  # type: ignore[arg-type]


@pytest.mark.parametrize(("log", "scale"), [(True, "log"), (False, "linear")], ids=["log", "linear"])
def test_the_log_parameter_still_works_and_says_it_is_deprecated(close: Timeline, log: bool, scale: str) -> None:
    with pytest.warns(ChronologyDeprecationWarning, match=f"scale='{scale}'"):
        drawn = plot_claims(close, log=log)
    assert drawn.scale == scale


def test_the_log_parameter_and_a_scale_together_are_refused(close: Timeline) -> None:
    with pytest.raises(PlotError, match="both choose the scale"):
        plot_claims(close, log=True, scale="linear")


# -- labels and the canvas -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (6, 5),  # four claims inside 17 November, two inside 28 October: placed all at once, not one by one
        (5, 5),
        (5.5, 5),
        (6, 5.5),
        (6.5, 4.5),
        (7, 4.5),
        (7, 6),
        (9, 5),
        (16, 5),
        (30, 5),
    ],
)
def test_no_label_meets_a_bar_a_mark_an_arrow_or_another_label(showcase: Timeline, width: float, height: float) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers", width=width, height=height)
    assert drawn.ranges is not None
    assert len(drawn.labels) == 7
    assert_labels_clear(drawn)


@pytest.mark.parametrize(("width", "height"), [(5, 4), (5, 5), (6, 4), (6, 5), (7, 4.5), (7, 6)])
@pytest.mark.parametrize("scale", ["auto", "log"])
def test_close_figures_keep_their_labels_clear_at_small_sizes(
    close: Timeline, width: float, height: float, scale: str
) -> None:
    drawn = plot_claims(close, width=width, height=height, scale=scale)  # type: ignore[arg-type]
    assert len(drawn.labels) == 6
    assert_labels_clear(drawn)


@pytest.mark.parametrize(
    ("unit", "width", "height", "labels"),
    [("soldiers", 6, 4.5, 7), ("soldiers", 5, 4.5, 7), (None, 6, 5, 9)],
    ids=["soldiers, 6 by 4.5", "soldiers, 5 by 4.5", "every unit, 6 by 5"],
)
def test_a_figure_with_no_room_for_every_label_is_refused_with_a_size_that_has(
    showcase: Timeline, unit: str | None, width: float, height: float, labels: int
) -> None:
    with pytest.raises(PlotError, match=rf"{width:g} by {height:g} inches has no room for its {labels} labels") as no:
        plot_claims(showcase, subject="North Korean", unit=unit, width=width, height=height)
    found = re.search(r"make it at least (\d+(?:\.5)?) inches (high|wide)$", str(no.value))
    assert found is not None, str(no.value)
    size = float(found[1])
    wider, higher = (size, height) if found[2] == "wide" else (width, size)
    assert (wider, higher) > (width, height)
    drawn = plot_claims(showcase, subject="North Korean", unit=unit, width=wider, height=higher)  # as told: drawn
    assert len(drawn.labels) == labels
    assert_labels_clear(drawn)


def test_labels_that_one_by_one_find_no_place_are_placed_all_at_once() -> None:
    from chronology.plot._claims_search import Places, _search

    def places(*boxes: Box, lead: Box | None = None) -> Places:
        leads = [lead or (b[0], b[1], b[0], b[1]) for b in boxes]
        moved = [lead is not None] * len(boxes)
        return Places(
            np.array(boxes, float), np.array(leads, float), np.array(moved), np.arange(len(boxes), dtype=float)
        )

    # the first label's cheapest place is the second's only one: the first takes its other place
    assert _search([places((0, 0, 10, 10), (20, 0, 30, 10)), places((5, 5, 15, 15))]) == [1, 0]
    assert _search([places((0, 0, 10, 10)), places((5, 5, 15, 15))]) is None  # nowhere for both
    # a leader line through the other label is no place either: the label stands above it instead
    crossing = places((0, 50, 10, 60), lead=(5, -20, 5, 50))
    assert _search([crossing, places((0, 0, 10, 10), (0, 100, 10, 110))]) == [0, 1]


@pytest.mark.parametrize("scale", ["auto", "log"])
def test_the_labels_of_a_range_stay_off_its_bar(close: Timeline, scale: str) -> None:
    drawn = plot_claims(close, scale=scale)  # type: ignore[arg-type]
    between = [c for _, c in drawn.claims if c.value.comparison is Comparison.BETWEEN]
    assert len(between) == 1
    assert any(t.get_text().startswith("20-30") for t in drawn.labels)
    assert_labels_clear(drawn)


@pytest.mark.parametrize("width", [6, 9, 16, 30])
@pytest.mark.parametrize("which", ["showcase", "close"])
def test_every_text_lies_inside_the_canvas(
    showcase: Timeline, close: Timeline, which: str, width: float, request: pytest.FixtureRequest
) -> None:
    timeline = showcase if which == "showcase" else close
    # every claim about "North Korean" (9 labels): 6 by 5 inches has no room for them (refused, see above)
    height = 6.0 if (which, width) == ("showcase", 6) else 5.0
    drawn = plot_claims(timeline, subject="North Korean" if which == "showcase" else None, width=width, height=height)
    canvas = box(drawn.figure.bbox)
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = texts_shown(drawn)
    assert len(texts) > 20
    for text in texts:
        extent = box(text.get_window_extent(renderer))
        inside = canvas[0] <= extent[0] and canvas[1] <= extent[1] and extent[2] <= canvas[2] and extent[3] <= canvas[3]
        assert inside, (text.get_text(), extent, canvas)


def test_a_figure_too_narrow_for_the_chart_is_refused_with_the_width_it_needs(showcase: Timeline) -> None:
    with pytest.raises(PlotError, match=r"2 by 5 inches has no room .* at least \d+(\.5)? inches wide"):
        plot_claims(showcase, subject="North Korean", width=2)


def test_the_chart_draws_on_the_axes_of_a_bare_figure(close: Timeline) -> None:
    figure = Figure()
    ax = figure.add_subplot()
    where = ax.get_position().bounds
    drawn = plot_claims(close, ax=ax, scale="log")
    assert drawn.ax is ax
    assert drawn.figure is figure
    assert ax.get_position().bounds == where  # the user's axes stay where the user put them
    assert [t.get_text() for t in drawn.labels if t.get_text().startswith("12")] == ["12 — fire brigade"]
    assert_labels_clear(drawn)
    assert png(figure).startswith(b"\x89PNG")


def test_the_legend_names_only_the_kinds_of_mark_drawn(close: Timeline) -> None:
    legend = plot_claims(close).ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts[-4:] == [
        "figure as stated",
        "“about”",
        "range: “up to”, “more than”, “20-30”",
        "said some time within the bar",  # "20-30" was said between 3 and 5 March
    ]
    only_exact = fire(claim("12", "fire brigade", "herald", "2024-03-01"))
    legend = plot_claims(only_exact).ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()][-1] == "figure as stated"


def test_the_legend_draws_a_range_upright_and_the_days_said_across(close: Timeline) -> None:
    legend = plot_claims(close).ax.get_legend()
    assert legend is not None
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles, strict=True))
    bar = entries["range: “up to”, “more than”, “20-30”"]
    across = entries["said some time within the bar"]
    assert isinstance(bar, Line2D)
    assert isinstance(across, Line2D)
    assert bar.get_marker() == "|"
    assert bar.get_linestyle() == "None"
    assert across.get_marker() == "None"
    assert across.get_linestyle() == "-"


# -- claims said at times: a night, a morning ------------------------------------------------------------------

NIGHT = "[2025-03-10T18+02:00..2025-03-11T05+02:00]"  # "the night of 10-11 March", Kyiv time
MORNING = "[2025-03-11T06+02:00..2025-03-11T11+02:00]"  # "Tuesday morning"


def strikes(*, said: bool, dated: bool = True) -> Timeline:
    """A night's attack and a morning's, the figures claimed for each; ``said`` given, or left to the events.

    ``dated``: the sources give their dates (a claim with no ``said`` is then said on its source's date).
    """

    def day(text: str) -> UncertainDate | None:
        return UncertainDate.parse(text) if dated else None

    sources = [
        Source(id="airforce", outlet="Air Force", published=day("2025-03-11")),
        Source(id="daily", outlet="Kyiv daily", published=day("2025-03-11")),
        Source(id="mod", outlet="Ministry of Defence", published=day("2025-03-11")),
        Source(id="wire", outlet="Wire service", published=day("2025-03-12")),
    ]

    def figure(text: str, claimant: str, source: str, subject: str, when: str) -> Claim:
        return Claim(
            subject=subject,
            value=Quantity.parse(text),
            unit="drones",
            claimant=claimant,
            source=source,
            said=parse(when) if said else None,
        )

    launched, downed = "drones launched at Ukraine", "drones downed over Russia"
    night = Event(
        id="night",
        title="Attack on Kyiv region",
        when=parse(NIGHT),
        claims=(
            figure("126", "Air Force", "airforce", launched, NIGHT),
            figure("more than 150", "regional administration", "daily", launched, NIGHT),
        ),
    )
    morning = Event(
        id="morning",
        title="Drones over Moscow region",
        when=parse(MORNING),
        claims=(
            figure("337", "Ministry of Defence", "mod", downed, MORNING),
            figure("about 90", "Moscow mayor", "wire", downed, MORNING),
            figure("about 95", "Moscow region governor", "wire", downed, MORNING),
        ),
    )
    return Timeline([night, morning], sources, title="Strikes", zone="Europe/Kyiv")


def dashes(lines: LineCollection) -> list[object]:
    """The dash pattern of each line (``None`` for a solid one)."""
    return [style[1] for style in lines.get_linestyle()]  # type: ignore[index]


def x_of(day: datetime.date) -> float:
    """The x of the first moment of ``day``: days since 1970, as matplotlib's date numbers."""
    return float((day - datetime.date(1970, 1, 1)).days)


def hours(x: float) -> float:
    """The hour of 11 March 2025 (Kyiv time, UTC+2 then) an x stands for: -6 is 18:00 on the 10th."""
    return float((x - x_of(datetime.date(2025, 3, 11))) * 24)


@pytest.mark.parametrize("said", [True, False], ids=["said given", "said left to the events"])
def test_a_mark_stays_inside_the_hours_it_was_said_in(said: bool) -> None:
    drawn = plot_claims(strikes(said=said, dated=False), unit="drones")  # undated sources: the events' hours
    at = {c.value.text: hours(x) for (_, c), (x, _) in zip(drawn.claims, drawn.points, strict=True)}
    for text in ("126", "more than 150"):
        assert -6 < at[text] < 6  # 18:00 on the 10th to 06:00 on the 11th
    for text in ("337", "about 90", "about 95"):
        assert 6 < at[text] < 12  # 06:00 to 12:00
    assert at["337"] == pytest.approx(9)  # alone at its height: the middle of its hours, not pushed aside
    assert at["126"] == pytest.approx(0)  # below the "more than 150" bar: nothing to stand aside from
    assert at["more than 150"] == pytest.approx(0)
    # "about 90" and "about 95" would lie on each other: side by side, inside the morning
    left, right = (pixels(drawn, (at_x, 1))[0] for at_x in sorted(x for x, y in drawn.points if 80 < y < 100))
    assert right - left == pytest.approx(8.0 * drawn.figure.dpi / 72)
    assert_labels_clear(drawn)


def test_a_night_is_drawn_across_its_own_hours_on_an_axis_of_hours() -> None:
    drawn = plot_claims(strikes(said=True), unit="drones")
    assert drawn.spans is not None
    ends = sorted((round(hours(a)), round(hours(b))) for (a, _), (b, _) in drawn.spans.get_segments())
    assert ends == [(-6, 6), (-6, 6), (6, 12), (6, 12), (6, 12)]  # never 00:00 on the 10th to 00:00 on the 12th
    left, right = drawn.ax.get_xlim()
    assert (right - left) * 24 < 36  # an axis of hours around them, not of days
    texts = [t.get_text() for t in texts_shown(drawn)]
    assert any(re.fullmatch(r"\d\d:00", text.split("\n")[0]) for text in texts)  # hours labelled
    assert any("Europe/Kyiv" in text for text in texts)  # and whose hours they are
    legend = drawn.ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts()]
    assert "said some time within the bar" in entries
    assert not any("day" in entry for entry in entries[-2:])
    assert drawn.ax.get_xlabel() == "when it was said"


def test_a_claim_with_no_said_is_drawn_dashed_at_its_events_date_and_the_legend_says_so() -> None:
    drawn = plot_claims(strikes(said=False, dated=False), unit="drones")  # its source undated: its event's date
    legend = drawn.ax.get_legend()
    assert legend is not None
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles, strict=True))
    assert "said some time within the bar" not in entries  # every claim here is at its event's date
    dashed = entries["dated by its event"]
    assert isinstance(dashed, Line2D)
    assert dashed.get_linestyle() == "--"
    assert drawn.spans is not None
    assert all(pattern is not None for pattern in dashes(drawn.spans))  # every bar dashed
    assert "its event’s date" in drawn.ax.get_xlabel()
    given = plot_claims(strikes(said=True), unit="drones")
    assert given.spans is not None
    assert all(pattern is None for pattern in dashes(given.spans))  # solid where said is given


# -- a claim said over weeks, at the height of others' marks (an OSINT user's file) ----------------------------

TROOPS = "North Korean soldiers in Russia"


def troops() -> Timeline:
    """Six troop figures; "up to 10,000" has no ``said``: said some time in its event's five weeks.

    Its dashed bar starts at Al Jazeera's "an estimated 10,000" ring and runs through Bloomberg's "more than
    10,000"; at 6 inches wide its label finds no place beside its mark (its own bar, the green bars beside it).
    """
    sources = [  # undated here: a claim with no ``said`` is said on its event's date (else on its source's)
        Source(id="aje", outlet="Al Jazeera"),
        Source(id="bbg", outlet="Bloomberg"),
        Source(id="pledge", title="North Korea's pledge to support Russia in Ukraine until victory"),
    ]

    def said(value: str, claimant: str, source: str) -> Claim:
        return Claim(subject=TROOPS, value=Quantity.parse(value), unit="soldiers", claimant=claimant, source=source)

    def event(id: str, when: str, *claims: Claim) -> Event:
        return Event(id=id, title=id, when=parse(when), claims=claims)

    return Timeline(
        [
            event("nis", "2024-10-18", said("1,500", "NIS (South Korea)", "aje")),
            event("pentagon", "2024-10-28", said("an estimated 10,000", "United States", "aje")),
            event("pledge", "[2024-10-29..2024-11-30]", said("up to 10,000", "United States", "pledge")),
            event("voa", "[2024-11-01..2024-11-16]", said("up to 15,000", "Dmytro Ponomarenko (Ukraine)", "bbg")),
            event(
                "bbg-report",
                "2024-11-17",
                said("as many as 100,000", "G20 assessments (anonymous)", "bbg"),
                said("more than 10,000", "Bloomberg", "bbg"),
            ),
        ],
        sources,
    )


@pytest.mark.parametrize("width", [6, 9])
def test_a_bar_across_weeks_stops_short_of_the_other_marks_at_its_height(width: float) -> None:
    drawn = plot_claims(troops(), unit="soldiers", width=width)
    assert drawn.spans is not None
    at = {c.value.text: pixels(drawn, point) for (_, c), point in zip(drawn.claims, drawn.points, strict=True)}
    mine = at["up to 10,000"]
    pieces = [
        (pixels(drawn, a), pixels(drawn, b))
        for a, b in drawn.spans.get_segments()
        if abs(pixels(drawn, a)[1] - mine[1]) < 1
    ]
    assert len(pieces) >= 2  # broken, not one line joining three claims
    radius = 3.8 * drawn.figure.dpi / 72
    for other in ("an estimated 10,000", "more than 10,000"):
        x = at[other][0]
        assert abs(at[other][1] - mine[1]) < 1  # the same height: the line would run through the mark
        for (x0, _), (x1, _) in pieces:
            assert x1 < x - radius - 3 or x0 > x + radius + 3, other  # a clear gap each side of the mark
    first, last = min(x0 for (x0, _), _ in pieces), max(x1 for _, (x1, _) in pieces)
    assert first > at["an estimated 10,000"][0] + radius  # starts after the ring, not at it
    assert last > at["more than 10,000"][0] + radius  # and goes on past Bloomberg's mark to 30 November
    assert any(x0 < mine[0] < x1 for (x0, _), (x1, _) in pieces)  # its own mark stays on it


@pytest.mark.parametrize("width", [6, 6.5, 7, 9])
def test_a_crowded_label_meets_no_mark_and_its_leader_has_its_marks_colour(width: float) -> None:
    drawn = plot_claims(troops(), unit="soldiers", width=width)
    assert len(drawn.labels) == 6
    assert_labels_clear(drawn)
    assert drawn.leaders
    for leader in drawn.leaders:  # from a mark, in that mark's colour: whose label it is, however far
        owner = next(c for (_, c), point in zip(drawn.claims, drawn.points, strict=True) if point == tuple(leader.xy))
        assert leader.arrow_patch is not None
        assert leader.arrow_patch.get_edgecolor()[:3] == pytest.approx(to_rgb(drawn.colors[owner.source or ""]))


def test_a_place_nearer_another_mark_than_the_labels_own_is_astray() -> None:
    from chronology.plot._claims_labels import _astray

    own, others = np.array([100.0, 100.0]), np.array([[50.0, 80.0], [300.0, 300.0]])
    assert _astray((20, 60, 90, 70), own, others)  # right over the mark at (50, 80): 10 px off; its own 30
    assert not _astray((20, 95, 90, 105), own, others)  # beside its own mark
    assert not _astray((20, 50, 90, 70), np.array([100.0, 55.0]), others)  # 10 px from its own, 10 from the other
    assert not _astray((20, 60, 90, 70), own, np.empty((0, 2)))


# -- claims said on the same day ------------------------------------------------------------------------------

INJURED = "people injured in the Dock Road fire"


@pytest.fixture(scope="module")
def same_day() -> Timeline:
    """Two ranges said on one day by one source ("up to 20", "more than 18"): they overlap from 18 to 20."""
    return fire(
        claim("12", "fire service", "herald", "2024-03-02", subject=INJURED),
        claim("about 15", "hospital trust", "radio", "2024-03-03", subject=INJURED),
        claim("up to 20", "union", "council", "2024-03-04", subject=INJURED),
        claim("more than 18", "residents' association", "council", "2024-03-04", subject=INJURED),
        claim("25-30", "opposition councillor", "radio", "2024-03-03", subject=INJURED),
    )


def pixels(drawn: ClaimsPlot, point: tuple[float, float]) -> tuple[float, float]:
    x, y = drawn.ax.transData.transform(point)
    return float(x), float(y)


def bar_boxes(drawn: ClaimsPlot) -> list[Box]:
    assert drawn.ranges is not None
    found = []
    segments = drawn.ranges.get_segments()
    widths = itertools.cycle(np.atleast_1d(drawn.ranges.get_linewidth()))
    for segment, width in zip(segments, widths, strict=False):
        (x0, y0), (x1, y1) = drawn.ax.transData.transform(segment)
        half = float(width) * drawn.figure.dpi / 72 / 2
        found.append((min(x0, x1) - half, min(y0, y1), max(x0, x1) + half, max(y0, y1)))
    return found


def test_ranges_said_on_the_same_day_stand_side_by_side_never_over_each_other(same_day: Timeline) -> None:
    drawn = plot_claims(same_day)
    said = {c.value.text: i for i, (_, c) in enumerate(drawn.claims)}
    up, more = (pixels(drawn, drawn.points[said[text]]) for text in ("up to 20", "more than 18"))
    step = 8.0 * drawn.figure.dpi / 72  # points between marks side by side
    assert more[0] - up[0] == pytest.approx(step)  # in the order drawn, left to right
    alone = drawn.points[said["12"]][0]  # said on 2 March, alone: at the middle of its day
    day = pixels(drawn, (alone + 2, 1))[0]
    assert (up[0] + more[0]) / 2 == pytest.approx(day, abs=0.5)  # the pair centred on the middle of 4 March
    boxes = bar_boxes(drawn)
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not meet(a, b)
    assert_labels_clear(drawn)


def test_bars_are_opaque_each_in_its_sources_colour(showcase: Timeline) -> None:
    from matplotlib.colors import to_rgb

    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    assert drawn.ranges is not None
    assert drawn.spans is not None
    for lines in (drawn.ranges, drawn.spans):
        assert lines.get_alpha() is None
        assert (np.asarray(lines.get_colors())[:, 3] == 1).all()
    with_bars = [(e, c) for e, c in drawn.claims if c.value.comparison is not Comparison.EXACTLY]
    with_bars = [(e, c) for e, c in with_bars if c.value.comparison is not Comparison.ABOUT]
    for (_, c), color in zip(with_bars, np.asarray(drawn.ranges.get_colors()), strict=True):
        source = to_rgb(drawn.colors[c.source or "(unknown)"])
        # the source's colour, lightened toward white (never mixed with another bar's)
        assert all(s <= got <= 1 for s, got in zip(source, color[:3], strict=True))
        assert np.allclose([0.35 * s + 0.65 for s in source], color[:3])


def test_the_four_claims_of_17_november_stay_inside_that_day_side_by_side_in_their_colours(
    showcase: Timeline,
) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    november = [i for i, (_, c) in enumerate(drawn.claims) if c.value.text in ("up to 100,000", "more than 10,000")]
    assert len(november) == 4
    day = x_of(datetime.date(2024, 11, 17))  # the x of its first moment
    for i in november:  # no room for 8 points between them in one day of this axis: they share the day
        assert day < drawn.points[i][0] < day + 1, drawn.claims[i][1].value.text
    xs = sorted(pixels(drawn, drawn.points[i])[0] for i in november)
    assert np.all(np.diff(xs) > 1.5)  # spread over the day, none on another
    boxes = bar_boxes(drawn)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not meet(a, b), (a, b)  # narrowed to stand side by side
    assert drawn.ranges is not None
    rgba = np.asarray(drawn.ranges.get_colors())
    colours = [tuple(c) for c, box in zip(rgba.tolist(), boxes, strict=True) if box[0] >= xs[0] - 10]
    assert len(colours) == 4
    assert len(set(colours)) == 3  # the three sources of "up to 100,000"; Bloomberg's two bars share its colour
    labels = [t.get_text() for t in drawn.labels]
    assert sum("up to 100,000" in text for text in labels) == 1  # one label still, for the three sources


def test_the_same_figure_said_over_the_same_days_is_two_bars_not_one(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    assert drawn.spans is not None
    heights = sorted(
        pixels(drawn, segment[0])[1]
        for segment in drawn.spans.get_segments()
        if abs(segment[0][1] - 15_000) / 15_000 < 0.2  # "up to 15,000", said between 1 and 16 November
    )
    assert len(heights) == 2
    assert heights[1] - heights[0] >= 2.0 * drawn.figure.dpi / 72  # a bar's width apart: both seen


@pytest.mark.parametrize(
    ("subject", "heading"),
    [
        ("injured", f"Figures claimed: {INJURED}"),
        ("people", "Figures claimed: people …"),
        (None, "Figures claimed"),
    ],
    ids=["one subject: its own", "several: the text searched", "every claim"],
)
def test_the_title_names_the_claims_subject(subject: str | None, heading: str) -> None:
    timeline = fire(
        claim("12", "fire service", "herald", "2024-03-02", subject=INJURED),
        claim("40", "council", "radio", "2024-03-03", subject="people evacuated"),
    )
    if subject == "injured":
        timeline = timeline.select(["fire"])
        drawn = plot_claims(timeline, subject=subject)
    else:
        drawn = plot_claims(timeline, subject=subject)
    assert drawn.ax.get_title(loc="left").replace("\n", " ") == heading
    assert plot_claims(timeline, subject=subject, title="As given").ax.get_title(loc="left") == "As given"


@pytest.mark.parametrize(("width", "under"), [(6, True), (9, False), (16, False)])
def test_a_narrow_chart_has_its_legend_under_it(showcase: Timeline, width: float, under: bool) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers", width=width, height=5)
    drawn.figure.canvas.draw()
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    legend = drawn.ax.get_legend()
    assert legend is not None
    shown, chart = legend.get_window_extent(renderer), drawn.ax.get_tightbbox(renderer)
    assert chart is not None
    if under:
        assert shown.y1 <= drawn.ax.xaxis.get_tightbbox(renderer).y0  # type: ignore[union-attr]
    else:
        assert shown.x0 >= drawn.ax.bbox.x1
    assert drawn.ax.bbox.width >= 3.5 * drawn.figure.dpi  # the chart keeps room for its labels
    assert_labels_clear(drawn)


def test_close_figures_match_their_reviewed_picture(close: Timeline, image_regression) -> None:  # type: ignore[no-untyped-def]
    drawn = plot_claims(close, title="People injured in the Market Street fire: the figures claimed")
    image_regression.check(png(drawn.figure), diff_threshold=2.0, basename="plot_claims_close")


# -- the table -------------------------------------------------------------------------------------------------


def test_the_csv_table_lists_the_claims_drawn_by_when_they_were_said(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    text = claims_table(showcase, subject="North Korean", unit="soldiers")
    assert text.endswith("\r\n")
    rows = list(csv.reader(StringIO(text, newline="")))
    assert tuple(rows[0]) == TABLE_COLUMNS
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    drawn_rows = [(event.id, c.value.text, c.source) for event, c in drawn.claims]
    assert sorted((row["event_id"], row["figure"], row["source_id"]) for row in table) == sorted(drawn_rows)
    said = [showcase.said(event, c) for event, c in drawn.claims]
    assert all(isinstance(when, UncertainDate) for when in said)
    by_row = {
        (event.id, c.value.text, c.source): when.earliest_day
        for (event, c), when in zip(drawn.claims, said, strict=True)
        if isinstance(when, UncertainDate)
    }
    firsts = [by_row[(row["event_id"], row["figure"], row["source_id"])] for row in table]
    assert firsts == sorted(firsts)  # by when said, not in file order
    same_day = [row["figure"] for row in table if row["said_edtf"] == "2024-11-17"]
    assert same_day[0] == "more than 10,000"  # then by figure: 10,000 before 100,000
    assert set(same_day[1:]) == {"up to 100,000"}
    assert table[0]["said_edtf"] == "2024-10"  # "October 2024" begins before 18 October
    assert next(row for row in table if row["event_id"] == "nis-statement") == {
        "figure": "1,500",
        "unit": "soldiers",
        "subject": "North Korean soldiers transferred to Russia",
        "claimant": "National Intelligence Service (South Korea)",
        "source": "Al Jazeera",
        "source_id": "aljazeera-2024-10",
        "said": "18 October 2024 (the event’s date: no ‘said’ given)",  # a statement: its own date, not Al Jazeera's
        "said_edtf": "2024-10-18",
        "event_id": "nis-statement",
    }
    ponomarenko = next(row for row in table if row["claimant"] == "Dmytro Ponomarenko (Kyiv)")
    assert (ponomarenko["figure"], ponomarenko["said"]) == (
        "up to 15,000",
        "between 1 and 16 Nov 2024 (the event’s date: no ‘said’ given)",  # an interview: its own date
    )


@pytest.mark.parametrize("format", ["csv", "markdown"])
def test_the_table_lists_by_when_said_then_by_figure_not_in_file_order(format: Literal["csv", "markdown"]) -> None:
    timeline = fire(
        claim("24", "fire brigade", "council", "2024-03-06"),
        claim("more than 18", "witnesses", "herald", "2024-03-02"),
        claim("20-30", "nurses' union", "council", "[2024-03-01..2024-03-05]"),
        claim("about 15", "hospital spokesperson", "radio", "2024-03-02"),
    )
    text = claims_table(timeline, format=format)
    lines = text.splitlines()[1:] if format == "csv" else text.splitlines()[2:]
    figures = [next(csv.reader([line]))[0] if format == "csv" else line.split("|")[1].strip() for line in lines]
    # the range begins first (1 March); on 2 March 15 before 18; 6 March last
    assert figures == ["20-30", "about 15", "more than 18", "24"]


@pytest.mark.parametrize("format", ["csv", "markdown"])
def test_the_table_names_the_zone_once_and_writes_its_times_bare(format: Literal["csv", "markdown"]) -> None:
    text = claims_table(strikes(said=True), unit="drones", format=format)
    rows = list(csv.reader(StringIO(text, newline=""))) if format == "csv" else None
    header = rows[0] if rows else [cell.strip() for cell in text.splitlines()[0].strip("|").split("|")]
    assert header[TABLE_COLUMNS.index("said")] == "said (Europe/Kyiv time)"
    assert "UTC+" not in text  # no offset in the words
    assert "between 10 March 2025, 6 p.m. and 11 March 2025, 5 a.m." in text
    assert "[2025-03-10T18+02:00..2025-03-11T05+02:00]" in text.replace("\\", "")  # EDTF keeps its offsets
    assert "no ‘said’ given" not in text


def test_a_time_at_another_offset_keeps_it_and_a_timeline_without_zone_names_none() -> None:
    summer = parse("2025-07-11T03+03:00")  # Kyiv's own offset in July: bare
    winter_elsewhere = parse("2025-03-11T03+05:00")  # not Kyiv's in March: kept
    event = Event(
        id="e",
        title="Statements",
        when=parse("2025-03-11"),
        claims=(
            Claim(subject="x", value=Quantity.parse("1"), unit="u", claimant="a", source=None, said=summer),
            Claim(subject="x", value=Quantity.parse("2"), unit="u", claimant="b", source=None, said=winter_elsewhere),
        ),
    )
    rows = list(csv.DictReader(StringIO(claims_table(Timeline([event], zone="Europe/Kyiv")), newline="")))
    assert [row["said (Europe/Kyiv time)"] for row in rows] == [  # by when said: March first
        "11 March 2025, 3 a.m. UTC+05:00",
        "11 July 2025, 3 a.m.",
    ]
    rows = list(csv.DictReader(StringIO(claims_table(Timeline([event])), newline="")))
    assert [row["said"] for row in rows] == ["11 March 2025, 3 a.m. UTC+05:00", "11 July 2025, 3 a.m. UTC+03:00"]


def test_the_csv_table_defuses_what_a_spreadsheet_would_run(close: Timeline) -> None:
    from chronology.exchange.as_csv import _defused

    bad = '=HYPERLINK("http://x";"y")'
    timeline = fire(claim("12", bad, "herald", "2024-03-01"), claim("14", "see;=cmd|x", "radio", "2024-03-02"))
    rows = list(csv.reader(StringIO(claims_table(timeline), newline="")))
    claimants = [row[TABLE_COLUMNS.index("claimant")] for row in rows[1:]]
    assert claimants == ["'" + bad, "see;'=cmd|x"]
    assert claimants == [_defused(bad), _defused("see;=cmd|x")]  # the exporter's own rule, not a copy of it


def test_the_markdown_table_escapes_its_cells(close: Timeline) -> None:
    timeline = fire(claim("about 15", "ward A | ward B", "radio", "2024-03-02"))
    lines = claims_table(timeline, format="markdown").splitlines()
    assert lines[0] == "| " + " | ".join(TABLE_COLUMNS) + " |"
    assert lines[1] == "|" + " --- |" * len(TABLE_COLUMNS)
    assert lines[2] == (
        "| about 15 | people | people injured in the Market Street fire | ward A \\| ward B | City Radio | radio | "
        "2 March 2024 | 2024-03-02 | fire |"
    )
    assert len(lines) == 3


def test_an_unknown_table_format_is_refused(close: Timeline) -> None:
    with pytest.raises(PlotError, match=r"'xlsx'.*'csv' or 'markdown'"):
        claims_table(close, format="xlsx")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "first"), [("claims.csv", "figure,unit,"), ("Claims.MD", "| figure | unit |")])
def test_a_table_file_is_written_by_its_extension_atomically(
    close: Timeline, tmp_path: Path, name: str, first: str
) -> None:
    target = tmp_path / name
    target.write_text("old", encoding="utf-8")
    assert save_claims_table(close, target, subject="Market") == target
    assert target.read_text(encoding="utf-8").startswith(first)
    assert len(target.read_text(encoding="utf-8").splitlines()) == (7 if name.endswith("csv") else 8)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left beside it


def test_a_table_file_of_another_extension_is_refused_and_nothing_written(close: Timeline, tmp_path: Path) -> None:
    with pytest.raises(PlotError, match=r"'.*claims\.xlsx'.*use \.csv or \.md .*claims\.csv"):
        save_claims_table(close, tmp_path / "claims.xlsx")
    assert list(tmp_path.iterdir()) == []


# -- the command line ------------------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_writes_the_chart_and_its_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    picture, table = tmp_path / "claims.png", tmp_path / "claims.md"
    code, out, err = run(
        "plot", "events.toml", "-o", str(picture), "--claims", "North Korean", "--unit", "soldiers",
        "--scale", "linear", "--claims-table", str(table),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"wrote {table} (10 claims as a table)\nwrote {picture} (10 claims)\n"
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert table.read_text(encoding="utf-8") == claims_table(
        chronology.load(ROOT / "events.toml"), subject="North Korean", unit="soldiers", format="markdown"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--claims", "North Korean", "--claims-table", "claims.xlsx"],
            "chronology plot: error: --claims-table 'claims.xlsx': the extension says the format; "
            "use a .csv or .md file name ('claims.csv' or 'claims.md')\n",
        ),
        (
            ["--scale", "log"],
            "chronology plot: error: --scale is an option of the claims chart: give it with --claims SUBJECT\n",
        ),
        (
            ["--claims-table", "c.csv"],
            "chronology plot: error: --claims-table is an option of the claims chart: give it with --claims SUBJECT\n",
        ),
        (
            ["--claims", "North Korean", "--from", "2024-10"],
            "chronology plot: error: --from is an option of the events chart; a claims chart (--claims) draws "
            "every claim about its subject: leave --from out\n",
        ),
        (
            ["--claims", "North Korean", "--no-breaks"],
            "chronology plot: error: --no-breaks is an option of the events chart; a claims chart (--claims) draws "
            "every claim about its subject: leave --no-breaks out\n",
        ),
    ],
    ids=["table extension", "scale alone", "table alone", "window with claims", "breaks with claims"],
)
def test_claims_options_that_cannot_be_are_refused_before_reading(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no event file here: refused before reading one
    assert run("plot", "events.toml", "-o", "c.png", *arguments) == (2, "", message)
    assert list(tmp_path.iterdir()) == []


def test_the_command_refuses_a_log_scale_for_a_figure_of_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(
        '[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "2024-03-01"\n\n'
        '[[events.claims]]\nsubject = "injured"\nvalue = "0"\nclaimant = "police"\n\n'
        '[[events.claims]]\nsubject = "injured"\nvalue = "12"\nclaimant = "brigade"\n',
        encoding="utf-8",
    )
    code, out, err = run("plot", "e.toml", "-o", "c.png", "--claims", "injured", "--scale", "log")
    assert (code, out) == (1, "")
    assert err.startswith("chronology: cannot draw the figure '0' (claimed by police, event 'fire') on a log scale")
    assert "--scale linear" in err
    assert run("plot", "e.toml", "-o", "c.png", "--claims", "injured")[0] == 0  # auto: linear


def test_the_cli_reference_example_of_a_claims_table_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex
    import shutil

    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", page, flags=re.MULTILINE | re.DOTALL)
    (block,) = [b for b in blocks if "--claims-table" in b]
    shutil.copy(ROOT / "events.toml", tmp_path / "events.toml")
    monkeypatch.chdir(tmp_path)
    for line in block.splitlines():
        argv = shlex.split(line, comments=True)
        assert argv[0] == "chronology"
        code, _, err = run(*argv[1:])
        assert (code, err) == (0, "")
    rows = list(csv.reader(StringIO(Path("claims.csv").read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == TABLE_COLUMNS
    assert len(rows) == 1 + 10
    assert Path("claims.png").read_bytes().startswith(b"\x89PNG")
