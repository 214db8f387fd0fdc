"""Plotted timelines: what is drawn (labels, lanes, positions), that labels never collide, and the pictures."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

import chronology
from chronology import Event, Timeline
from chronology.errors import PlotError
from chronology.plot import TimelinePlot, plot_claims, plot_timeline, save_figure

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def boxes(drawn: TimelinePlot) -> dict[str, tuple[float, float, float, float]]:
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return {key: tuple(text.get_window_extent(renderer).bounds) for key, text in drawn.labels.items()}


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    ax0, ay0, aw, ah = a
    bx0, by0, bw, bh = b
    return ax0 < bx0 + bw and bx0 < ax0 + aw and ay0 < by0 + bh and by0 < ay0 + ah


def assert_no_label_meets_another_or_a_dot(drawn: TimelinePlot) -> None:
    placed = boxes(drawn)
    keys = sorted(placed)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not overlap(placed[a], placed[b]), (a, b)
    transform = drawn.ax.transData
    for event_id, (x, y) in drawn.positions.items():
        cx, cy = transform.transform((x, y))
        dot = (cx - 2.5, cy - 2.5, 5.0, 5.0)
        for key, box in placed.items():
            if key != event_id:
                assert not overlap(box, dot), (key, event_id)


def test_the_showcase_draws_every_event_in_its_lane_with_a_label(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2023-08")
    in_view = [e.id for e in showcase.overlapping("2023-08", "9999")]
    assert sorted(drawn.positions) == sorted(in_view)
    assert sorted(drawn.labels) == sorted(in_view)
    assert drawn.lanes[:3] == ("war", "diplomacy", "pact")  # lanes in the order of their earliest event
    assert drawn.lane_of["transfers"] == "deployment"
    assert drawn.labels["defence-pact"].get_text().startswith("Russia and North Korea sign a mutual")
    x, _ = drawn.positions["nis-statement"]
    assert x == pytest.approx(drawn.scale.x(chronology.UncertainDate.parse("2024-10-18").earliest_day + 0.5))
    assert drawn.footnote is not None
    assert "Bloomberg, 17 November 2024" in " ".join(drawn.footnote.get_text().split())
    assert_no_label_meets_another_or_a_dot(drawn)


def test_a_report_is_joined_to_what_it_reports(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20")
    assert drawn.links is not None
    segments = [tuple(map(tuple, s)) for s in drawn.links.get_segments()]
    # from the report's mark towards what it reports, up to the edge of that mark (a bar: "transfers")
    (x0, y0), (x1, y1) = drawn.positions["nis-statement"], drawn.positions["transfers"]
    *_, (c, d) = next(s for s in segments if s[0] == (x0, y0))  # its last point (gaps where it passes labels)
    assert abs((c - x0) * (y1 - y0) - (d - y0) * (x1 - x0)) < 1e-6  # on the line between the two
    assert 0 < (d - y0) / (y1 - y0) < 1  # short of the middle of the bar
    assert len(drawn.link_heads) == len(segments)  # each with its arrowhead


def visible_pieces(drawn: TimelinePlot, index: int) -> list[np.ndarray]:
    """The pieces of report line ``index`` as drawn (its gaps are NaN points), on the screen."""
    assert drawn.links is not None
    vertices = np.asarray(drawn.links.get_paths()[index].vertices, dtype=float)
    pieces = np.split(vertices, np.flatnonzero(np.isnan(vertices[:, 0])))
    return [drawn.ax.transData.transform(piece[~np.isnan(piece[:, 0])]) for piece in pieces if len(piece) > 1]


@pytest.mark.parametrize(
    ("between", "mark"),
    [("2024-10-15", "a dot"), ("2024-10-14/2024-10-16", "a bar")],
    ids=["dot", "bar"],
)
def test_a_report_line_leaves_a_gap_where_it_would_cross_another_events_mark(between: str, mark: str) -> None:
    events = Timeline(
        [
            Event(id="reported", title="T", when=chronology.parse("2024-10-10"), kind="a"),
            Event(id="other", title="O", when=chronology.parse(between), kind="b"),
            Event(id="report", title="R", when=chronology.parse("2024-10-20"), kind="c", reports=["reported"]),
        ]
    )
    drawn = plot_timeline(events, start="2024-09", end="2024-11-30")
    screen = drawn.ax.transData.transform
    (start, end), (x, y) = screen([drawn.positions["report"], drawn.positions["reported"]]), drawn.positions["other"]
    centre = screen((x, y))
    along = end - start
    nearest = start + np.clip((centre - start) @ along / (along @ along), 0, 1) * along
    assert np.hypot(*(nearest - centre)) < 2, "the straight line from the report would cross the other mark"
    points = drawn.figure.dpi / 72  # pixels a point
    pieces = visible_pieces(drawn, 0)
    assert len(pieces) == 2  # one gap
    assert pieces[0][0] == pytest.approx(start)  # from the report ...
    assert pieces[-1][-1] == pytest.approx(end)  # ... to what it reports, the whole way but for the gap
    samples = np.concatenate([np.linspace(a, b, 200) for piece in pieces for a, b in itertools.pairwise(piece)])
    if mark == "a dot":
        (dots,) = (m for m in drawn.marks if m.get_label() == "_dots")
        assert [x, y] in np.asarray(dots.get_offsets()).tolist()
        assert np.hypot(*(samples - centre).T).min() > 4 * points  # clear of the dot (3 points) and its edge
    else:
        (x0, x1), half = spans_of_bar(drawn, x), 0.25
        low, high = screen((x0, y + half)), screen((x1, y - half))
        inside = (samples[:, 0] > low[0]) & (samples[:, 0] < high[0])
        inside &= (samples[:, 1] > min(low[1], high[1])) & (samples[:, 1] < max(low[1], high[1]))
        assert not inside.any()


def spans_of_bar(drawn: TimelinePlot, x: float) -> tuple[float, float]:
    """The x extent of the mark drawn around ``x`` (its bars and solid parts)."""
    extents = [
        (float(v[:, 0].min()), float(v[:, 0].max()))
        for collection in drawn.marks
        if isinstance(collection, PolyCollection)
        for v in (np.asarray(p.vertices) for p in collection.get_paths())
        if v[:, 0].min() <= x <= v[:, 0].max()
    ]
    return min(a for a, _ in extents), max(b for _, b in extents)


def test_lanes_follow_the_order_given_then_the_rest(showcase: Timeline) -> None:
    drawn = plot_timeline(
        showcase, start="2024-10", end="2024-11-20", group_by="source", lane_order=["bloomberg-2024-11-17"]
    )
    assert drawn.lanes[0] == "bloomberg-2024-11-17"
    assert set(drawn.lanes) == {
        "bloomberg-2024-11-17",
        "aljazeera-2024-10",
        "prepared-to-dispatch-100000",
        "pledge-until-victory",
    }
    assert [t.get_text().split("\n")[0] for t in drawn.ax.get_yticklabels()] == [
        "[c] Bloomberg",  # the letters of the footnote, whose sources go by date
        "[a] Al Jazeera",
        "[e] “North Korea reportedly prepared to",
        "[b] “North Korea’s pledge to support Russia in",
    ]


def test_crowded_labels_give_way_to_numbers_keyed_below(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10-01", end="2024-11-20", width=6.0, group_by=None)
    assert drawn.numbered, "one lane six inches wide cannot hold every title beside its mark"
    assert drawn.key
    key = "\n".join(column.get_text() for column in drawn.key)
    for number, event_id in drawn.numbered.items():
        assert drawn.labels[event_id].get_text() == str(number)
        assert f"{number}  {showcase[event_id].title.split()[0]}" in key  # the key gives the title whole
    assert_no_label_meets_another_or_a_dot(drawn)


def test_thousands_of_events_become_density_bands() -> None:
    import runpy

    dense = runpy.run_path(str(ROOT / "examples" / "dense.py"), run_name="not main")
    timeline = Timeline(dense["events"])
    drawn = plot_timeline(timeline)
    assert drawn.labels == {}
    assert len(drawn.density) == len(drawn.lanes) == 4
    assert drawn.legend is None  # bands draw none of the uncertainty styles


def test_it_draws_on_a_given_axes_and_leaves_global_settings_alone(showcase: Timeline) -> None:
    before = dict(matplotlib.rcParams)
    figure = Figure(figsize=(10, 8))
    ax = figure.add_subplot(2, 1, 1)
    drawn = plot_timeline(showcase, ax=ax, start="2024-10", end="2024-10-31")
    assert drawn.ax is ax
    assert drawn.figure is figure
    assert dict(matplotlib.rcParams) == before


def test_the_same_input_gives_the_same_bytes(showcase: Timeline, tmp_path: Path) -> None:
    showcase.to_png(tmp_path / "a.png", start="2023-08")
    showcase.to_png(tmp_path / "b.png", start="2023-08")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    showcase.to_png(tmp_path / "a.svg", start="2024-10", end="2024-10-31")
    showcase.to_png(tmp_path / "b.svg", start="2024-10", end="2024-10-31")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    showcase.to_png(tmp_path / "c.pdf", start="2024-10", end="2024-10-31")
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match=r"use a \.png, \.svg or \.pdf"):
        showcase.to_png(tmp_path / "c.gif")


def test_the_claims_chart_draws_one_mark_per_claim_and_ranges_as_ranges(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="North Korean", unit="soldiers")
    labels = [text.get_text().replace("\n", " — ", 1).replace("\n", " ") for text in drawn.labels]  # as on one line
    assert len(drawn.claims) == len(drawn.points) == 10
    # the same figure from the same claimant, reported by three sources: one label, three marks
    assert [text for text in labels if "up to 100,000" in text] == [
        "up to 100,000 — assessments by some G20 nations [F] (3 sources)"
    ]
    assert "more than 10,000 — Bloomberg [G]" in labels
    assert "up to 15,000 — Dmytro Ponomarenko (Kyiv) [E] (2 sources)" in labels
    assert len(labels) == 10 - 2 - 1
    # several subjects matched "North Korean": each label says which, the key under the chart spells them out
    assert len(drawn.subjects) == 7
    assert drawn.key is not None
    key = drawn.key.get_text().replace("\n", " ")
    for letter, subject in zip("ABCDEFG", drawn.subjects, strict=True):
        assert f"[{letter}] {subject}" in key
    assert "[F] North Korean troops that may be deployed to support Russia" in key
    assert drawn.ranges is not None
    ups = [c for _, c in drawn.claims if c.value.comparison.value in ("up to", "more than")]
    assert len(drawn.ranges.get_segments()) == len(ups)
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    extents = [tuple(t.get_window_extent(renderer).bounds) for t in drawn.labels]
    for i, a in enumerate(extents):
        for b in extents[i + 1 :]:
            assert not overlap(a, b)


@pytest.mark.parametrize(
    ("name", "draw"),
    [
        ("showcase", lambda t: plot_timeline(t, start="2023-08").figure),
        ("october", lambda t: plot_timeline(t, start="2024-10-01", end="2024-11-20", group_by="source").figure),
        ("claims", lambda t: plot_claims(t, subject="North Korean", unit="soldiers").figure),
    ],
)
def test_pictures_match_their_reviewed_baselines(showcase: Timeline, image_regression, name: str, draw) -> None:  # type: ignore[no-untyped-def]
    image_regression.check(png(draw(showcase)), diff_threshold=2.0, basename=f"plot_{name}")


def test_the_dense_picture_matches_its_baseline(image_regression) -> None:  # type: ignore[no-untyped-def]
    import runpy

    dense = runpy.run_path(str(ROOT / "examples" / "dense.py"), run_name="not main")
    drawn = plot_timeline(Timeline(dense["events"], title="3,000 synthetic events"))
    image_regression.check(png(drawn.figure), diff_threshold=2.0, basename="plot_dense")


def test_save_figure_refuses_unknown_formats(tmp_path: Path) -> None:
    with pytest.raises(PlotError, match=r"x\.gif'.*\.png, \.svg or \.pdf.*such as '.*x\.png'"):
        save_figure(Figure(), tmp_path / "x.gif")
    assert not (tmp_path / "x.gif").exists()


def test_dollar_signs_are_drawn_as_written_not_read_as_math(tmp_path: Path) -> None:
    from matplotlib.text import Text

    from chronology import Event

    odd = "Costs $\\frac{$ and $5"
    timeline = Timeline([Event(id="a", title="A $5 $x^2$", when=chronology.parse("2024-10"), kind="k$")], title=odd)
    drawn = plot_timeline(timeline)
    save_figure(drawn.figure, tmp_path / "dollars.png")  # matplotlib's math parser would raise here
    texts = {t.get_text() for t in drawn.figure.findobj(Text)}
    assert {odd, "A $5 $x^2$", "k$"} <= texts
    assert all(not t.get_parse_math() for t in drawn.figure.findobj(Text) if "$" in t.get_text())


def test_a_lane_keeps_its_colour_in_every_window_of_the_timeline(showcase: Timeline) -> None:
    def lane_colours(drawn: TimelinePlot) -> dict[str, object]:
        return {label.get_text(): label.get_color() for label in drawn.ax.get_yticklabels()}

    whole = lane_colours(plot_timeline(showcase, start="2023-08"))
    week = lane_colours(plot_timeline(showcase, start="2024-10-14", end="2024-10-20"))
    assert set(week) < set(whole)
    assert {name: whole[name] for name in week} == week


def test_the_legend_explains_only_the_styles_drawn(showcase: Timeline) -> None:
    legend = plot_timeline(showcase, start="2024-10-14", end="2024-10-20").legend
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == [  # a day is 1.4 inches wide in a week: drawn over, not a dot
        "one moment somewhere in the bar",
        "lasting (light part: uncertain start or end)",
        "open end (ongoing)",
        "cut at the edge: goes on beyond the dates shown",
    ]
    hedged = Timeline([chronology.Event(id="a", title="A", when=chronology.parse("2024-06?"))])
    legend = plot_timeline(hedged).legend
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == ["one moment somewhere in the bar", "uncertain date (?): hatched"]


def test_source_lanes_are_named_as_the_footnote_names_sources(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10-01", end="2024-11-20", group_by="source")
    shown = dict(zip(drawn.lanes, [t.get_text() for t in drawn.ax.get_yticklabels()], strict=True))
    assert shown["bloomberg-2024-11-17"] == "[c] Bloomberg\n17 November 2024"
    assert shown["aljazeera-2024-10"] == "[a] Al Jazeera\nbetween 29 and 30 Oct 2024"
    # no outlet: its headline, whole where it fits three lines; two alike are told apart by their letters
    assert shown["prepared-to-dispatch-100000"].startswith("[e] “North Korea reportedly prepared to")
    assert drawn.footnote is not None
    note = " ".join(drawn.footnote.get_text().split())
    assert "; [c] Alberto Nardelli and Michael Nienaber, “North Korea may deploy as many as" in note
    assert "; [e] “North Korea reportedly prepared to dispatch" in note


def test_claims_about_one_subject_need_no_letters(showcase: Timeline) -> None:
    drawn = plot_claims(showcase, subject="transferred")
    assert drawn.subjects == ("North Korean soldiers transferred to Russia",)
    assert drawn.key is None
    assert [t.get_text() for t in drawn.labels] == ["1,500 — National Intelligence Service (South Korea)"]


def test_source_lanes_stay_readable_and_apart() -> None:
    from chronology import Event, Source

    sources = [
        Source(
            id="faz",
            outlet="FrankfurterAllgemeineZeitungOnline",
            published=chronology.UncertainDate.parse("2024-10-20"),
        ),
        Source(id="same-1", outlet="Same", published=chronology.UncertainDate.parse("2024-10-20")),
        Source(id="same-2", outlet="Same", published=chronology.UncertainDate.parse("2024-10-20")),
    ]
    events = [
        Event(id=f"e{i}", title=f"E{i}", when=chronology.parse("2024-10-18"), citations=[chronology.Citation(source=s)])
        for i, s in enumerate(["faz", "same-1", "same-2"])
    ]
    drawn = plot_timeline(Timeline(events, sources), group_by="source")
    shown = dict(zip(drawn.lanes, [t.get_text() for t in drawn.ax.get_yticklabels()], strict=True))
    assert shown == {
        "faz": "[a] FrankfurterAllgemeineZeitungOnline\n20 October 2024",  # the lane grows to two rows
        "same-1": "[b] Same\n20 October 2024",  # two sources that would read the same: their letters tell
        "same-2": "[c] Same\n20 October 2024",  # them apart, as in the footnote
    }
    assert drawn.footnote is not None
    assert drawn.footnote.get_text() == (
        "Sources: [a]\u00a0FrankfurterAllgemeineZeitungOnline, 20 October 2024; [b]\u00a0Same, 20 October 2024;"
        " [c]\u00a0Same, 20 October 2024."
    )


@pytest.mark.parametrize(
    ("dates", "window"),
    [
        (("2024-10-01", "9843"), (None, None)),  # the audit's find: a traceback from matplotlib's year 10000
        (("2024-10-01", "2024-11-01"), (None, "9900")),
        (("0001-01-05", "9999-12-20"), (None, None)),  # the first and the last days matplotlib can place
    ],
)
def test_events_anywhere_in_years_1_to_9999_are_drawn(
    dates: tuple[str, str], window: tuple[str | None, str | None]
) -> None:
    timeline = Timeline(
        [chronology.Event(id=f"e{i}", title=f"E{i}", when=chronology.parse(d)) for i, d in enumerate(dates)]
    )
    drawn = plot_timeline(timeline, start=window[0], end=window[1])
    drawn.figure.canvas.draw()  # ticks are placed when drawn: where the year 10000 came up
    left, right = drawn.ax.get_xlim()
    assert left < right
    assert {label.get_text() for label in drawn.ax.get_xticklabels()} != {""}


@pytest.mark.parametrize("draw", [plot_claims, plot_timeline], ids=["claims", "timeline"])
def test_both_charts_draw_on_a_figure_made_without_pyplot(showcase: Timeline, draw) -> None:  # type: ignore[no-untyped-def]
    """``matplotlib.figure.Figure()``, matplotlib's way to embed, has a canvas that cannot measure text."""
    figure = Figure()
    ax = figure.add_subplot()
    if draw is plot_timeline:  # matplotlib's default margins: what does not fit is left out, and said
        with pytest.warns(chronology.ChronologyWarning) as caught:
            drawn = draw(showcase, ax=ax)
        said = " ".join(str(w.message) for w in caught)
        assert "left out for want of room around the axes" in said
        assert "too short for the" in said  # 33 events in 3.7 inches: rows thinner than their words
    else:
        drawn = draw(showcase, ax=ax)
    assert drawn.ax is ax
    assert any(text.get_text() for text in ax.texts)  # labels were measured and placed
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_no_lane_colour_is_a_grey_that_reads_as_a_legend_swatch() -> None:
    from matplotlib.colors import rgb_to_hsv, to_rgb

    from chronology.plot._style import LANE_COLORS

    for color in LANE_COLORS:
        _, saturation, _ = rgb_to_hsv(to_rgb(color))
        assert saturation > 0.3, color  # the legend's swatches are neutral greys (#555555)
    events = Timeline(
        [
            Event(id=f"e{i}", title=f"Event {i}", when=chronology.parse(f"2024-10-{i + 1:02}"), kind=f"k{i}")
            for i in range(8)
        ]
    )
    drawn = plot_timeline(events)
    lane_colors = {text.get_text(): text.get_color() for text in drawn.ax.get_yticklabels()}
    assert all(rgb_to_hsv(to_rgb(color))[1] > 0.3 for color in lane_colors.values()), lane_colors


def test_a_moment_narrower_than_its_least_mark_is_drawn_strong_whatever_its_fading() -> None:
    events = Timeline(
        [
            Event(
                id="strike", title="Strike at about 3 a.m.", when=chronology.parse("c. 11 March 2024, 3 a.m."), kind="a"
            ),
            Event(id="week", title="A week", when=chronology.parse("2024-03-10/2024-03-18"), kind="b"),
        ]
    )
    drawn = plot_timeline(events, start="2024-03-10", end="2024-03-18", breaks=False)  # an hour: 1/200 of the axis
    (bars,) = (m for m in drawn.marks if m.get_label() == "_bars")
    _, y = drawn.positions["strike"]
    found = [
        (np.asarray(path.vertices), color)
        for path, color in zip(bars.get_paths(), np.asarray(bars.get_facecolor()), strict=True)
        if np.asarray(path.vertices)[:, 1].min() < y < np.asarray(path.vertices)[:, 1].max()
    ]
    ((vertices, color),) = found
    x0, x1 = drawn.ax.transData.transform([(vertices[:, 0].min(), y), (vertices[:, 0].max(), y)])[:, 0]
    assert x1 - x0 >= 4 * drawn.figure.dpi / 72  # at least four points wide ...
    assert color[3] >= 0.5  # ... and strong enough to be seen in a light lane colour
