"""The words of a timeline picture: whole titles wrapped to the room there is, dates, sources cited, nothing cut."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import chronology
from chronology import Citation, Event, PlotError, Source, Timeline, UncertainDate
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
            title="The Harbour and its Workers: A History of the Northern Docks, 1850-2020",
            authors=("Margaret Ellison",),
            published=UncertainDate.parse("1996"),
        ),
        Source(
            id="gazette",
            outlet="The Harbour Gazette",
            title="Union calls for an inquiry as the port stays shut",
            published=UncertainDate.parse("2024-03-14"),
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
    assert "Al Jazeera\nbetween 29 and 30 Oct 2024" in names


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
    drawn = plot_timeline(showcase, ax=figure.add_subplot(), start="2024-10", end="2024-10-20", width=2.0)
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
    ],
    ids=["book", "article", "three-authors", "outlet-only", "nothing-but-id"],
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
        "“US says about 10,000 North Korean soldiers deployed in Russia”, Al Jazeera, between 29 and 30 Oct 2024"
        in note
    )


def test_a_book_is_never_cited_by_its_publisher_alone() -> None:
    drawn = plot_timeline(long_titles(), width=6.0)
    assert drawn.footnote is not None
    note = words(drawn.footnote.get_text())
    assert "Margaret Ellison, “The Harbour and its Workers”, Scolar Press, 1996" in note
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
