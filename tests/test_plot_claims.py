"""The claims chart: the scale chosen from the figures, plain ticks, labels clear of every bar and mark, every
text inside the canvas, the table of the claims drawn, and the command line that asks for them."""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
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


@pytest.mark.parametrize("width", [6, 9, 16, 30])
def test_no_label_meets_a_bar_a_mark_an_arrow_or_another_label(showcase: Timeline, width: float) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers", width=width)
    assert drawn.ranges is not None
    assert len(drawn.labels) == 7
    assert_labels_clear(drawn)


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
    drawn = plot_claims(timeline, subject="North Korean" if which == "showcase" else None, width=width)
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
        "said on a day between the bar’s ends",  # "20-30" was said between 3 and 5 March
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
    across = entries["said on a day between the bar’s ends"]
    assert isinstance(bar, Line2D)
    assert isinstance(across, Line2D)
    assert bar.get_marker() == "|"
    assert bar.get_linestyle() == "None"
    assert across.get_marker() == "None"
    assert across.get_linestyle() == "-"


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
    half = float(np.atleast_1d(drawn.ranges.get_linewidth())[0]) * drawn.figure.dpi / 72 / 2
    found = []
    for (x0, y0), (x1, y1) in (drawn.ax.transData.transform(s) for s in drawn.ranges.get_segments()):
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


def test_the_four_claims_of_17_november_stand_apart_in_four_colours(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    november = [i for i, (_, c) in enumerate(drawn.claims) if c.value.text in ("up to 100,000", "more than 10,000")]
    assert len(november) == 4
    xs = sorted(pixels(drawn, drawn.points[i])[0] for i in november)
    assert np.allclose(np.diff(xs), 8.0 * drawn.figure.dpi / 72)
    boxes = bar_boxes(drawn)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not meet(a, b), (a, b)
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
        ("people", "Figures claimed: people"),
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
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers", width=width)
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


def test_the_csv_table_lists_the_claims_drawn_in_the_order_drawn(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    text = claims_table(showcase, subject="North Korean", unit="soldiers")
    assert text.endswith("\r\n")
    rows = list(csv.reader(StringIO(text, newline="")))
    assert tuple(rows[0]) == TABLE_COLUMNS
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [row["event_id"] for row in table] == [event.id for event, _ in drawn.claims]
    assert [row["figure"] for row in table] == [c.value.text for _, c in drawn.claims]
    assert table[0] == {
        "figure": "1,500",
        "unit": "soldiers",
        "subject": "North Korean soldiers transferred to Russia",
        "claimant": "National Intelligence Service (South Korea)",
        "source": "Al Jazeera",
        "source_id": "aljazeera-2024-10",
        "said": "18 October 2024",
        "said_edtf": "2024-10-18",
        "event_id": "nis-statement",
    }
    ponomarenko = next(row for row in table if row["claimant"] == "Dmytro Ponomarenko (Kyiv)")
    assert (ponomarenko["figure"], ponomarenko["said"]) == ("up to 15,000", "between 1 and 16 Nov 2024")


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
