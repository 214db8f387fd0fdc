"""The words of a timeline picture: whole titles wrapped to the room there is, dates, sources cited, nothing cut."""

from __future__ import annotations

import io
import math
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.path import Path as Path_
from matplotlib.text import Text

import chronology
from chronology import ChronologyWarning, Citation, Event, PlotError, Source, Timeline, UncertainDate, parse
from chronology.cli import main
from chronology.plot import TimelinePlot, plot_timeline
from chronology.plot._layout import citation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def long_titles() -> Timeline:
    """A port strike told in long titles, as a newsroom writes them, with a book and a report among the sources."""
    sources = [
        Source(
            id="harbour-history",
            outlet="Scolar Press",
            title="The Harbour and its Workers: A History of the Northern Docks, 1850-2024",
            authors=("Margaret Ellison",),
            published=UncertainDate.parse("2025"),
        ),
        Source(
            id="gazette",
            outlet="The Harbour Gazette",
            title="Union calls for an inquiry as the port stays shut",
            published=UncertainDate.parse("2024-03-21"),
        ),
    ]
    rows = [
        (
            "dismissals",
            "2024-02-26",
            "labour",
            "The port authority dismisses three union officials over the safety dispute",
        ),
        (
            "walkout",
            "2024-03-01/2024-03-08",
            "labour",
            "Dock workers walk out across all four terminals after the dismissals",
        ),
        (
            "closure",
            "2024-03-04",
            "port",
            "The harbour master closes the port to container traffic until further notice",
        ),
        ("inquiry", "2024-03-12", "labour", "Dock workers' union demands an independent inquiry into the port closure"),
        (
            "ships",
            "[2024-03-10..2024-03-13]",
            "port",
            "Eleven container ships are diverted to the southern terminal, a day's sail",
        ),
        (
            "minister",
            "2024-03-15",
            "government",
            "The transport minister appoints a mediator and promises to publish the findings",
        ),
        ("reopening", "2024-03-20/", "port", "The port reopens to container traffic under a provisional agreement"),
    ]
    events = [
        Event(
            id=event_id,
            title=title,
            when=chronology.parse(when),
            kind=kind,
            citations=[Citation(source="gazette" if kind != "port" else "harbour-history")],
        )
        for event_id, when, kind, title in rows
    ]
    return Timeline(
        events, sources, title="The northern docks strike, February-March 2024: a chronology of the dispute"
    )


def texts(drawn: TimelinePlot) -> list[Text]:
    return [t for t in drawn.figure.findobj(Text) if t.get_text() and t.get_visible()]


def words(text: str) -> str:
    """Text with its lines joined and its spaces (the key's indents among them) made single."""
    return " ".join(text.split())


def assert_every_text_is_inside_the_figure(drawn: TimelinePlot) -> None:
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    figure_box = drawn.figure.bbox
    for text in texts(drawn):
        box = text.get_window_extent(renderer)
        inside = (
            box.x0 >= figure_box.x0 - 0.5
            and box.y0 >= figure_box.y0 - 0.5
            and box.x1 <= figure_box.x1 + 0.5
            and box.y1 <= figure_box.y1 + 0.5
        )
        assert inside, (text.get_text(), box.bounds, figure_box.bounds)


def assert_every_title_is_drawn_whole(drawn: TimelinePlot, timeline: Timeline) -> None:
    drawn_words = " | ".join(words(t.get_text()) for t in texts(drawn))
    for event_id in drawn.positions:
        assert words(timeline[event_id].title) in drawn_words, event_id


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    ax0, ay0, aw, ah = a
    bx0, by0, bw, bh = b
    return ax0 < bx0 + bw and bx0 < ax0 + aw and ay0 < by0 + bh and by0 < ay0 + ah


def assert_no_label_meets_another(drawn: TimelinePlot) -> None:
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = {key: tuple(t.get_window_extent(renderer).bounds) for key, t in drawn.labels.items()}
    keys = sorted(boxes)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not overlap(boxes[a], boxes[b]), (a, b)


@pytest.mark.parametrize("width", [6.0, 11.0, 30.0], ids=["6in", "11in", "30in"])
def test_the_showcase_shows_whole_titles_with_every_text_inside_the_figure(showcase: Timeline, width: float) -> None:
    drawn = plot_timeline(showcase, start="2023-08", width=width)
    drawn.figure.canvas.draw()  # ticks and their labels are made when drawn
    assert_every_text_is_inside_the_figure(drawn)
    assert_every_title_is_drawn_whole(drawn, showcase)
    assert_no_label_meets_another(drawn)
    assert not any(t.get_text().endswith("…") for t in drawn.labels.values())


@pytest.mark.parametrize("width", [6.0, 11.0, 30.0], ids=["6in", "11in", "30in"])
def test_source_lanes_are_named_inside_the_figure(showcase: Timeline, width: float) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20", group_by="source", width=width)
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)
    assert_every_title_is_drawn_whole(drawn, showcase)
    names = [t.get_text() for t in drawn.ax.get_yticklabels()]
    assert "[a] Al Jazeera\nbetween 29 and 30 Oct 2024" in names


def test_the_lanes_carry_no_caption_on_the_y_axis(showcase: Timeline) -> None:
    for group_by in ("kind", "source", None):
        assert plot_timeline(showcase, start="2024-10", group_by=group_by).ax.get_ylabel() == ""


def test_a_long_title_is_wrapped_not_cut() -> None:
    timeline = long_titles()
    drawn = plot_timeline(timeline, width=6.0)
    wrapped = [t.get_text() for t in drawn.labels.values() if "\n" in t.get_text()]
    assert wrapped, "at six inches some titles need more than one line"
    assert all(t.count("\n") < 3 for t in wrapped)  # three lines at most
    assert_every_title_is_drawn_whole(drawn, timeline)
    assert_no_label_meets_another(drawn)


def test_a_title_with_no_room_becomes_a_number_and_the_key_gives_it_whole() -> None:
    title = "Crowd {n} gathers outside the harbour office demanding the reinstatement of the dismissed officials"
    crowd = Timeline(
        [Event(id=f"c{n}", title=title.format(n=n), when=chronology.parse("2024-03-04")) for n in range(16)]
    )
    drawn = plot_timeline(crowd, group_by=None, width=6.0)
    assert drawn.numbered, "sixteen long titles on one day cannot all stand beside their marks"
    assert drawn.key
    key = " ".join(words(column.get_text()) for column in drawn.key)
    for number, event_id in drawn.numbered.items():
        assert drawn.labels[event_id].get_text() == str(number)
        assert f"{number} {crowd[event_id].title}" in key
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)


def test_titles_are_shortened_only_when_asked_and_the_legend_says_so() -> None:
    timeline = long_titles()
    whole = plot_timeline(timeline)
    assert whole.legend is not None
    assert not any("shortened" in t.get_text() for t in whole.legend.get_texts())
    short = plot_timeline(timeline, label_chars=30)
    for event_id, label in short.labels.items():
        text = label.get_text().replace("\n", " ")
        assert len(text) <= 30, text
        assert text.endswith("…") == (len(timeline[event_id].title) > 30)
    assert short.legend is not None
    assert "titles shortened to 30 characters (…)" in [t.get_text() for t in short.legend.get_texts()]
    untouched = plot_timeline(timeline, label_chars=500)  # nothing that long: nothing to say
    assert untouched.legend is not None
    assert not any("shortened" in t.get_text() for t in untouched.legend.get_texts())


def test_dates_go_before_each_title_as_in_a_reports_chronology() -> None:
    timeline = long_titles()
    drawn = plot_timeline(timeline, dates=True, width=11.0)
    for event_id, label in drawn.labels.items():
        event = timeline[event_id]
        assert words(label.get_text()) == f"{event.when.label}: {event.title}"
    assert words(drawn.labels["inquiry"].get_text()).startswith("12 March 2024: Dock workers'")
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": 5.0}, "width 5.0 inches: a timeline is drawn 6-30 inches wide"),
        ({"width": 31.0}, "width 31.0 inches: a timeline is drawn 6-30 inches wide"),
        ({"width": float("nan")}, "width nan inches"),
        ({"label_chars": 3}, "label_chars 3: titles are shortened to 8 characters or more"),
    ],
    ids=["narrow", "wide", "nan", "few-chars"],
)
def test_sizes_it_cannot_draw_well_are_refused_with_the_range(
    showcase: Timeline, options: dict[str, float], message: str
) -> None:
    with pytest.raises(PlotError) as raised:
        plot_timeline(showcase, **options)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_a_width_is_not_checked_on_axes_handed_over(showcase: Timeline) -> None:
    figure = Figure(figsize=(4, 3))
    with pytest.warns(ChronologyWarning) as caught:  # so small a figure: the words under it, and rows too thin
        drawn = plot_timeline(showcase, ax=figure.add_subplot(), start="2024-10", end="2024-10-20", width=2.0)
    assert any("left out" in str(w.message) for w in caught)
    assert not any("width" in str(w.message) for w in caught)
    assert drawn.labels


@pytest.mark.parametrize(
    ("source", "cited"),
    [
        (
            Source(
                id="kapr",
                outlet="Scolar Press",
                title="Johann Gutenberg: The Man and his Invention",
                authors=("Albert Kapr",),
                published=UncertainDate.parse("1996"),
            ),
            "Albert Kapr, “Johann Gutenberg: The Man and his Invention”, Scolar Press, 1996",
        ),
        (
            Source(
                id="bloomberg",
                outlet="Bloomberg",
                title="North Korea may deploy as many as 100,000 troops to aid Russia’s war on Ukraine, G20 assessments say",
                authors=("Alberto Nardelli", "Michael Nienaber"),
                published=UncertainDate.parse("2024-11-17"),
            ),
            "Alberto Nardelli and Michael Nienaber, “North Korea may deploy as many as 100,000 troops to aid…”, "
            "Bloomberg, 17 November 2024",
        ),
        (
            Source(id="many", title="Printing in Mainz", authors=("A. One", "B. Two", "C. Three")),
            "A. One et al., “Printing in Mainz”",
        ),
        (
            Source(id="untitled", outlet="Al Jazeera", published=UncertainDate.parse("2024-10-29")),
            "Al Jazeera, 29 October 2024",
        ),
        (Source(id="bare-slug"), "bare-slug"),
        (
            Source(
                id="tass",
                outlet="ТАСС",
                title="Песков: Кремль не комментирует сообщения о переброске военных КНДР в Россию",
                published=UncertainDate.parse("2024-10-18"),
            ),
            "“Песков: Кремль не комментирует сообщения о переброске…”, ТАСС, 18 October 2024",
        ),
        (
            Source(id="colon", title="Песков: " + "переговоры" * 6),
            "“Песков…”",
        ),
    ],
    ids=["book", "article", "three-authors", "outlet-only", "nothing-but-id", "speaker-and-quote", "no-colon-at-cut"],
)
def test_sources_are_cited_as_a_reader_would_cite_them(source: Source, cited: str) -> None:
    assert citation(source) == cited


def test_the_footnote_cites_the_showcase_sources_by_author_title_and_outlet(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2023-08")
    assert drawn.footnote is not None
    note = words(drawn.footnote.get_text())
    assert note.startswith("Sources: ")
    assert "Alberto Nardelli and Michael Nienaber, “North Korea may deploy as many as 100,000" in note
    assert "Bloomberg, 17 November 2024" in note
    assert (
        "“US says about 10,000 North Korean soldiers deployed in Russia: what impact could they have on the Ukraine"
        " war?”, Al Jazeera, between 29 and 30 Oct 2024" in note
    )


def test_a_book_is_never_cited_by_its_publisher_alone() -> None:
    drawn = plot_timeline(long_titles(), width=6.0)
    assert drawn.footnote is not None
    note = words(drawn.footnote.get_text())
    assert (
        "Margaret Ellison, “The Harbour and its Workers: A History of the Northern Docks, 1850-2024”, Scolar Press, 2025"
        in note
    )
    assert "Sources: Scolar Press" not in note
    assert "; Scolar Press" not in note


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_draws_dates_and_shortened_titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for extra in (["--dates"], ["--label-chars", "30"], ["--width", "6"], ["--width", "30"]):
        target = tmp_path / f"{'-'.join(extra)}.png"
        code, out, err = run("plot", "events.toml", "-o", str(target), "--from", "2023-08", *extra)
        assert (code, err) == (0, ""), extra
        assert out.startswith(f"wrote {target} (30 events in ")
        assert target.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--width", "5"], "argument --width: '5' is out of range; expected 6-30 inches"),
        (["--width", "31"], "argument --width: '31' is out of range; expected 6-30 inches"),
        (["--label-chars", "3"], "argument --label-chars: '3' is out of range; expected 8-1000 characters"),
        (["--label-chars", "thirty"], "argument --label-chars: 'thirty' is not a whole number; expected 8-1000"),
    ],
    ids=["narrow", "wide", "few-chars", "words"],
)
def test_the_command_refuses_sizes_it_cannot_draw_with_the_range(
    option: list[str], message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as raised:  # a command line that cannot be: exit 2, with the usage
        main(["plot", "events.toml", "-o", "never.png", *option])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(f"chronology plot: error: {message}")
    assert "Traceback" not in err
    assert not (ROOT / "never.png").exists()


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def test_the_long_titles_picture_matches_its_reviewed_baseline(image_regression) -> None:  # type: ignore[no-untyped-def]
    drawn = plot_timeline(long_titles(), width=8.0)
    image_regression.check(png(drawn.figure), diff_threshold=2.0, basename="plot_long_titles")


# -- a new user's review: labels at the window's edges, on bars, beside neighbours; sources, links, axes given --


def edges() -> Timeline:
    """Events whose marks lie beyond a window of 1-15 October 2024, at its edges, and inside it."""
    rows = [
        ("until", "/2024-10-20", "Unknown start until 20 October"),
        ("before", "before 25 October 2024", "Happened before 25 October 2024"),
        ("since", "2024-09-20/", "Unknown end from 20 September"),
        ("after", "after 20 September 2024", "After 20 September"),
        ("open", "../2024-10-20", "Open start until 20 October"),
        ("inside", "2024-10-08", "A dated event inside"),
    ]
    return Timeline(
        [Event(id=event_id, title=title, when=chronology.parse(when)) for event_id, when, title in rows],
        title="Edges",
    )


def renderer_of(drawn: TimelinePlot):  # type: ignore[no-untyped-def]
    drawn.figure.canvas.draw()
    return drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [6.0, 11.0, 30.0], ids=["6in", "11in", "30in"])
def test_a_label_stays_inside_the_window_wherever_its_mark_lies(width: float) -> None:
    drawn = plot_timeline(edges(), start="2024-10-01", end="2024-10-15", width=width)
    renderer = renderer_of(drawn)
    assert set(drawn.labels) == {"until", "before", "since", "after", "open", "inside"}  # every event in the view
    assert_every_text_is_inside_the_figure(drawn)
    axes = drawn.ax.get_window_extent(renderer)
    inch = drawn.figure.dpi
    for event_id, label in drawn.labels.items():
        box = label.get_window_extent(renderer)
        assert axes.x0 - 0.5 <= box.x0, event_id
        assert box.x1 <= axes.x1 + 0.5, event_id
        assert label.get_text() == edges()[event_id].title  # whole, not a number
    # a mark beyond the window: its label at the edge it lies beyond, where its mark goes on
    for event_id in ("until", "before"):
        assert axes.x1 - drawn.labels[event_id].get_window_extent(renderer).x1 < 0.3 * inch, event_id
    for event_id in ("since", "after"):
        assert drawn.labels[event_id].get_window_extent(renderer).x0 - axes.x0 < 0.3 * inch, event_id


def bar_boxes(drawn: TimelinePlot):  # type: ignore[no-untyped-def]
    """The extent on the canvas of every bar, fade and hatch drawn."""
    from matplotlib.collections import PolyCollection
    from matplotlib.transforms import Bbox

    boxes = []
    for collection in drawn.marks:
        if isinstance(collection, PolyCollection):
            for path in collection.get_paths():
                boxes.append(Bbox.null())
                boxes[-1].update_from_data_xy(drawn.ax.transData.transform(path.vertices))
    return boxes


@pytest.mark.parametrize("window", [(None, None), ("2024-10", "2024-11-20")], ids=["whole", "october-november"])
def test_a_label_never_changes_how_a_bar_looks(showcase: Timeline, window: tuple[str | None, str | None]) -> None:
    drawn = plot_timeline(showcase, start=window[0], end=window[1])
    renderer = renderer_of(drawn)
    bars = bar_boxes(drawn)
    for event_id, label in drawn.labels.items():
        backing = label.get_bbox_patch()
        if backing is None:  # on its bar: nothing but the words
            continue
        assert to_rgba(backing.get_facecolor())[3] == 1.0  # opaque: a link passing behind stops at the words
        box = backing.get_window_extent(renderer)
        for bar in bars:  # and a box beside a mark covers no bar
            assert not (box.x0 < bar.x1 - 1 and bar.x0 + 1 < box.x1 and box.y0 < bar.y1 - 1 and bar.y0 + 1 < box.y1), (
                event_id
            )
    war = drawn.labels["war-in-ukraine"]  # on the dark part of its bar, in white, with no box
    assert war.get_bbox_patch() is None
    assert war.get_color() == "white"
    box = war.get_window_extent(renderer)
    start = drawn.ax.transData.transform((drawn.scale.x(UncertainDate.parse("2022-03-01").earliest_day), 0))[0]
    assert start <= box.x0  # after February 2022, where the war surely went on


def test_a_label_on_a_light_bar_is_dark_and_a_light_coloured_bar_keeps_dark_words() -> None:
    from chronology.plot._layout import reads_on

    assert reads_on("#0072B2") == "white"  # on blue
    assert reads_on("#000000") == "white"
    assert reads_on("#E69F00") == "#222222"  # on orange: dark reads better
    assert reads_on("#F0E442") == "#222222"  # on yellow


def test_source_lanes_and_the_footnote_tell_sources_apart_by_the_same_letters(showcase: Timeline) -> None:
    import re

    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20", group_by="source")
    names = [words(t.get_text()) for t in drawn.ax.get_yticklabels()]
    assert len(set(names)) == len(names)
    assert drawn.footnote is not None
    note = words(drawn.footnote.get_text())
    letters = re.findall(r"\[([a-z]+)\]", note)
    assert letters == ["a", "b", "c", "d", "e"]  # by date, then by citation
    for lane, name in zip(drawn.lanes, names, strict=True):
        letter = re.match(r"\[([a-z]+)\] ", name)
        assert letter is not None, name
        cited = note.split(f"[{letter.group(1)}]")[1].split("; [")[0]
        source = showcase.sources[lane]
        assert (source.outlet or source.title[:30]) in cited, (name, cited)  # the same source, by the same letter
    # the two untitled reports of 17-19 November no longer read alike
    untitled = [n for n in names if "between 17 and 19 Nov 2024" in n]
    assert len(untitled) == 1 or len({n.split("”")[0] for n in untitled}) == len(untitled)
    order = [
        showcase.sources[s].published for s in ("aljazeera-2024-10", "pledge-until-victory", "bloomberg-2024-11-17")
    ]
    assert all(o is not None for o in order)
    assert note.index("Al Jazeera") < note.index("pledge") < note.index("Bloomberg")


def test_a_source_lane_shows_its_whole_headline_where_there_is_room(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20", group_by="source", width=30)
    names = [words(t.get_text()) for t in drawn.ax.get_yticklabels()]
    headline = "“North Korea reportedly prepared to dispatch as many as 100,000 troops to assist Russia”"
    assert f"[e] {headline} between 17 and 19 Nov 2024" in names
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)


def test_a_report_link_passes_behind_the_words_and_ends_in_an_arrowhead(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20")
    renderer_of(drawn)  # arrowheads take their shape when drawn
    assert drawn.links is not None
    segments = drawn.links.get_segments()
    assert len(drawn.link_heads) == len(segments) > 0
    words_at = min(label.get_zorder() for label in drawn.labels.values())
    marks_at = min(mark.get_zorder() for mark in drawn.marks)
    assert drawn.links.get_zorder() < marks_at < words_at
    assert all(head.get_zorder() < words_at for head in drawn.link_heads)
    for head, segment in zip(drawn.link_heads, segments, strict=True):
        start, end = np.asarray(drawn.ax.transData.transform(segment[[0, -1]]))  # the line may have gaps between
        path = head.get_path()
        drawn_at = np.asarray(path.vertices)[np.asarray(path.codes) != Path_.CLOSEPOLY]
        outline = drawn.ax.transData.transform(drawn_at)
        tip = max(outline, key=lambda point: math.dist(point, start))
        # the head points at the reported end (at most a dot's radius short of it), not at the report's
        assert math.dist(tip, end) <= 5, (tip, end)
        assert head.get_linewidth() == 0  # only the head: the dashed line is the link's own
    legend = drawn.legend
    assert legend is not None
    assert "report → what it reports" in [t.get_text() for t in legend.get_texts()]


def callers_figure(size: tuple[float, float]) -> Figure:
    """A figure as ``plt.subplots(figsize=size)`` makes it: matplotlib's default margins, one axes."""
    figure = Figure(figsize=size)
    figure.add_subplot()
    return figure


@pytest.mark.parametrize(
    ("size", "left_out"),
    [((11, 6), "the sources"), ((8, 4), "the legend, the sources")],
    ids=["pyplot-11x6", "bare-8x4"],
)
def test_on_a_callers_axes_nothing_is_drawn_outside_and_what_is_left_out_is_said(
    showcase: Timeline, size: tuple[float, float], left_out: str
) -> None:
    figure = callers_figure(size)
    ax = figure.axes[0]
    before = ax.get_position().bounds
    with pytest.warns(ChronologyWarning) as caught:  # at 8 x 4, the axes are too short for the rows, and it says so
        drawn = plot_timeline(showcase, ax=ax, start="2024-10", end="2024-11-20")
    said = [str(w.message) for w in caught]
    assert any(f"left out for want of room around the axes: {left_out}." in text for text in said), said
    assert ax.get_position().bounds == before  # the caller's layout is the caller's
    assert drawn.footnote is None
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    outer = drawn.figure.bbox
    if drawn.legend is not None:
        box = drawn.legend.get_window_extent(renderer)
        assert outer.x0 <= box.x0
        assert box.x1 <= outer.x1
        assert outer.y0 <= box.y0


def test_on_a_callers_axes_with_room_every_word_is_drawn_and_nothing_said(showcase: Timeline) -> None:
    import warnings

    figure = callers_figure((11, 9))
    figure.subplots_adjust(left=0.22, bottom=0.3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = plot_timeline(showcase, ax=figure.axes[0], start="2024-10", end="2024-11-20", group_by="source")
    assert drawn.legend is not None
    assert drawn.footnote is not None
    assert drawn.footnote.get_text().startswith("Sources: [a]")
    drawn.figure.canvas.draw()
    assert_every_text_is_inside_the_figure(drawn)


def test_the_words_under_a_callers_axes_do_not_reach_into_the_axes_under_them(showcase: Timeline) -> None:
    figure = Figure(figsize=(10, 8))
    top, bottom = figure.subplots(2, 1)
    with pytest.warns(ChronologyWarning, match="left out"):
        drawn = plot_timeline(showcase, ax=top, start="2024-10", end="2024-10-31")
    renderer = renderer_of(drawn)
    below = bottom.get_window_extent(renderer)
    for text in [
        *drawn.key,
        *([drawn.footnote] if drawn.footnote else []),
        *(drawn.legend.get_texts() if drawn.legend else []),
    ]:
        assert text.get_window_extent(renderer).y0 >= below.y1, text.get_text()


def long_day() -> Timeline:
    """A day of long headlines on one date, with a few short ones, one before and one after."""
    long_titles_ = [
        "Dock workers' union demands an independent inquiry into the safety record of the container terminal "
        "operator and the port authority's oversight of it since 2019",
        "Port authority board votes seven to two to suspend the terminal operator's licence pending the outcome "
        "of the inquiry, against the advice of its own legal counsel",
        "Regional government says it will not intervene in what it calls a matter for the port authority and the "
        "courts, but offers mediation between the union and the operator",
        "City council passes an emergency motion calling on all parties to return to talks before the harbour's "
        "peak season begins in July and shipping lines divert to other ports",
        "Terminal operator announces it will challenge the suspension in court and warns that up to four hundred "
        "jobs could be lost if the licence is not restored within thirty days",
        "Shipping line Maersk says two of its vessels scheduled for the weekend will be diverted to Rotterdam "
        "because of the uncertainty",
        "Police report a peaceful demonstration of about 2,000 dock workers outside the port authority headquarters",
        "Port authority chair refuses to resign and says the board acted within its powers under the Harbours Act "
        "of 1964 and the authority's own statutes",
    ]
    short = ["Mayor meets union leaders", "Union leader gives interview", "Late-night statement"]
    events = [
        Event(id=f"e{n}", title=title, when=chronology.parse("2024-06-03"))
        for n, title in enumerate([*long_titles_, *short])
    ]
    events.append(Event(id="before", title="Report leaked to the press", when=chronology.parse("2024-05-20")))
    events.append(Event(id="after", title="Court hearing", when=chronology.parse("2024-06-10/2024-06-12")))
    return Timeline(events, title="The day the harbour talks failed")


def test_neighbouring_labels_on_a_row_keep_a_clear_gap() -> None:
    drawn = plot_timeline(long_day(), group_by=None, dates=True)
    renderer = renderer_of(drawn)
    boxes = {key: label.get_window_extent(renderer) for key, label in drawn.labels.items()}
    keys = sorted(boxes)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            first, second = sorted((boxes[a], boxes[b]), key=lambda box: box.x0)
            if first.y0 < second.y1 and second.y0 < first.y1:  # on a row together
                assert second.x0 - first.x1 >= 0.2 * drawn.figure.dpi, (a, b)


def test_a_short_title_is_written_where_a_number_would_save_no_row() -> None:
    drawn = plot_timeline(long_day(), group_by=None, dates=True)
    short = {"e8": "Mayor meets union leaders", "e9": "Union leader gives interview", "e10": "Late-night statement"}
    for event_id, title in short.items():
        assert drawn.labels[event_id].get_text() == f"3 June 2024: {title}"
    assert set(drawn.numbered.values()) <= {f"e{n}" for n in range(8)}


def test_numbers_go_in_reading_order_and_the_key_lines_up(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20", group_by="source", width=6.0)
    assert len(drawn.numbered) >= 3
    places = [
        (drawn.positions[event_id][1], drawn.labels[event_id].get_position()[0], number)
        for number, event_id in drawn.numbered.items()
    ]
    assert [number for *_, number in sorted(places)] == sorted(drawn.numbered)  # top to bottom, left to right
    title = "Crowd {n} gathers outside the harbour office demanding the reinstatement of the dismissed officials"
    crowd = Timeline(
        [
            Event(
                id=f"c{n:02}", title=title.format(n=n) if n % 2 else f"Short {n}", when=parse(f"2024-03-0{1 + n % 5}")
            )
            for n in range(40)
        ]
    )
    drawn = plot_timeline(crowd, group_by=None, width=11.0)
    assert len(drawn.key) == 3
    lines = [column.get_text().split("\n") for column in drawn.key]
    starts = [[i for i, line in enumerate(column) if line.strip(" \u2007")[:1].isdigit()] for column in lines]
    for column in starts[1:]:  # each entry's first line level with its neighbours' in the other columns
        assert column == starts[0][: len(column)]
    first_column = [int(lines[0][i].split()[0]) for i in starts[0]]
    assert first_column == list(range(1, len(first_column) + 1))  # entries run down the first column


@pytest.mark.parametrize(
    ("kinds", "group_by", "shown"),
    [
        ((None, None), "kind", [""]),  # one lane of events without a kind: no lane named
        ((None, None), None, [""]),
        (("strike", None), "kind", ["strike", "no kind"]),
    ],
    ids=["one-lane-no-kind", "no-grouping", "some-without"],
)
def test_no_lane_is_called_none(kinds: tuple[str | None, ...], group_by: str | None, shown: list[str]) -> None:
    events = [
        Event(id=f"e{n}", title=f"Event {n}", when=chronology.parse(f"2024-10-1{n}"), kind=kind or "")
        for n, kind in enumerate(kinds)
    ]
    drawn = plot_timeline(Timeline(events), group_by=group_by)  # type: ignore[arg-type]
    assert [t.get_text() for t in drawn.ax.get_yticklabels()] == shown
    assert not any("(none)" in t.get_text() for t in texts(drawn))


@pytest.mark.parametrize("color", ["#009E73", "#D55E00", "#CC79A7"], ids=["green", "vermillion", "pink"])
def test_words_on_a_mid_toned_or_dark_bar_are_white(color: str) -> None:
    from chronology.plot._layout import reads_on

    assert reads_on(color) == "white"  # black on Okabe-Ito's green reads as black on a dark bar


def test_the_label_of_an_ongoing_closure_on_its_dark_green_bar_is_white() -> None:
    events = Timeline(
        [
            Event(id="alert", title="Air raid alert", when=parse("2024-03-10"), kind="military"),
            Event(id="strike", title="Drones strike the port", when=parse("2024-03-10"), kind="strike"),
            Event(id="closed", title="Port closed to shipping", when=parse("2024-03-11/.."), kind="response"),
        ]
    )
    drawn = plot_timeline(events, start="2024-03-10", end="2024-03-18")
    assert drawn.lanes[2] == "response"  # in the third colour, Okabe-Ito's bluish green
    label = drawn.labels["closed"]
    assert label.get_bbox_patch() is None  # on its bar
    assert label.get_color() == "white"


def test_a_report_line_leaves_a_gap_around_every_label_it_would_cross() -> None:
    events = Timeline(
        [
            Event(id="reported", title="T", when=parse("2024-10-10"), kind="a"),
            Event(
                id="other",
                title="Another event with a long title that runs on and on to the right",
                when=parse("2024-10-11"),
                kind="b",
            ),
            Event(id="report", title="R", when=parse("2024-10-20"), kind="c", reports=["reported"]),
        ]
    )
    drawn = plot_timeline(events, start="2024-10-09", end="2024-10-21")
    assert drawn.links is not None
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    box = drawn.labels["other"].get_window_extent(renderer)
    vertices = np.asarray(drawn.links.get_paths()[0].vertices, dtype=float)
    screen = drawn.ax.transData.transform(vertices)
    (start, end) = screen[0], screen[-1]
    along = np.linspace(start, end, 400)
    crossing = (along[:, 0] > box.x0) & (along[:, 0] < box.x1) & (along[:, 1] > box.y0) & (along[:, 1] < box.y1)
    assert crossing.any(), "the straight line from the report would cross the other event's label"
    pieces = np.split(screen, np.flatnonzero(np.isnan(vertices[:, 0])))
    samples = np.concatenate(
        [
            np.linspace(a, b, 200)
            for piece in pieces
            for a, b in zip(piece[~np.isnan(piece[:, 0])][:-1], piece[~np.isnan(piece[:, 0])][1:], strict=True)
        ]
    )
    inside = (samples[:, 0] > box.x0) & (samples[:, 0] < box.x1) & (samples[:, 1] > box.y0) & (samples[:, 1] < box.y1)
    assert not inside.any()
