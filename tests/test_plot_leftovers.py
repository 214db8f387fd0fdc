"""What new users found in the timeline pictures and the command line: labels on bars, a pale lane colour,
cut headlines under the picture, SVG words drawn as outlines, and ``relate`` asking for a file for two dates."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import attrs
import matplotlib
import numpy as np
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex, to_rgb
from matplotlib.transforms import Bbox

import chronology
from chronology import Citation, Event, Source, Timeline, UncertainDate
from chronology.cli import main
from chronology.plot import TimelinePlot, plot_timeline, save_figure
from chronology.plot._labels import Footprint, pack
from chronology.plot._layout import NOTE_LINES
from chronology.plot._style import LANE_COLORS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- labels never written across a mark -----------------------------------------------------------------


def mark_boxes(drawn: TimelinePlot) -> tuple[list[Bbox], list[Bbox]]:
    """The canvas boxes of every bar, fade, hatch and outline, and of every dot (its radius around it)."""
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    assert renderer is not None
    bars, dots = [], []
    to_screen = drawn.ax.transData
    for collection in drawn.marks:
        if isinstance(collection, PolyCollection) and collection.get_label() != "_window cuts":
            for path in collection.get_paths():
                box = Bbox.null()
                box.update_from_data_xy(to_screen.transform(path.vertices))
                bars.append(box)
        elif isinstance(collection, PathCollection) and collection.get_label() == "_dots":
            radius = np.sqrt(collection.get_sizes()[0]) / 2 * drawn.figure.dpi / 72
            for x, y in to_screen.transform(collection.get_offsets()):
                dots.append(Bbox.from_extents(x - radius, y - radius, x + radius, y + radius))
    return bars, dots


def meets(a: Bbox, b: Bbox, slack: float = 1.0) -> bool:
    return bool(a.x0 < b.x1 - slack and b.x0 + slack < a.x1 and a.y0 < b.y1 - slack and b.y0 + slack < a.y1)


def month_across_the_window() -> Timeline:
    """One moment somewhere in October, drawn in a window inside October: its light bar spans the view."""
    return Timeline(
        [
            Event(id="october", title="Talks held at some point in October", when=chronology.parse("2024-10")),
            Event(id="day", title="A day", when=chronology.parse("2024-10-12")),
        ]
    )


@pytest.mark.parametrize(
    ("name", "window", "width"),
    [
        ("showcase", ("2023-08", None), 11.0),  # the gallery's picture: "In Moscow, Choe Son Hui pledges ..."
        ("showcase", (None, None), 11.0),
        ("showcase", ("2024-10", "2024-11-20"), 6.0),
        ("showcase", ("2023-08", None), 30.0),
        ("month", ("2024-10-05", "2024-10-25"), 11.0),
    ],
    ids=["from-2023-08", "whole", "october-november-6in", "from-2023-08-30in", "a-month-across-the-window"],
)
def test_a_label_that_meets_a_mark_lies_wholly_on_its_bar_on_one_line(
    showcase: Timeline, name: str, window: tuple[str | None, str | None], width: float
) -> None:
    timeline = showcase if name == "showcase" else month_across_the_window()
    drawn = plot_timeline(timeline, start=window[0], end=window[1], width=width)
    drawn.figure.canvas.draw()
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    bars, dots = mark_boxes(drawn)
    assert bars
    for event_id, label in drawn.labels.items():
        words = label.get_window_extent(renderer)
        assert not any(meets(words, dot) for dot in dots), event_id
        crossed = [bar for bar in bars if meets(words, bar)]
        if not crossed:
            continue
        # written on a bar: one line, no box, and no higher or lower than the bar under it
        assert label.get_bbox_patch() is None, event_id
        assert "\n" not in label.get_text(), (event_id, label.get_text())
        for bar in crossed:
            assert bar.y0 - 1.0 <= words.y0, (event_id, words.bounds, bar.bounds)
            assert words.y1 <= bar.y1 + 1.0, (event_id, words.bounds, bar.bounds)


def test_the_gallery_pledge_label_is_written_beside_its_bar_not_on_it(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2023-08")
    drawn.figure.canvas.draw()
    renderer = drawn.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    label = drawn.labels["choe-moscow-pledge"]
    words = label.get_window_extent(renderer)
    bar = UncertainDate.parse("2024-10-29")
    start = drawn.ax.transData.transform((drawn.scale.x(bar.earliest_day), 0))[0]
    assert label.get_bbox_patch() is not None  # beside its mark, on a box of the axes' colour
    assert words.x1 <= start  # left of the bar, where its possible days begin
    assert " ".join(label.get_text().split()) == showcase["choe-moscow-pledge"].title


def test_a_label_on_a_bar_only_if_one_line_holds_it() -> None:
    # a light bar 3 inches long in a view of 3.2: the label fits on it only wrapped onto two lines
    footprint = Footprint("a", 0.1, 3.1, ((4.0, 1, 1), (2.0, 2, 2)), number_width=0.1, surfaces=((0.1, 3.1, False),))
    (placed,) = pack([footprint], gap=0.06, left=0.0, right=3.2)
    lines = footprint.labels[placed.choice][2]
    assert not (placed.side == "inside" and lines > 1), placed
    # one line that the bar holds is still written on it
    short = attrs.evolve(footprint, labels=((1.0, 1, 1),))
    (placed,) = pack([short], gap=0.06, left=0.0, right=3.2)
    assert (placed.side, placed.on_bar) == ("inside", True)


def test_a_label_beside_a_wide_bar_only_wrapped_hangs_under_it_on_one_line_instead() -> None:
    # one day on an axis of hours: its light bar nearly as wide as the view, room beside it for two lines only
    footprint = Footprint("a", 0.4, 9.86, ((0.56, 1, 1), (0.27, 2, 2)), number_width=0.06)
    (placed,) = pack([footprint], gap=0.06, left=0.0, right=10.25)
    assert (placed.side, placed.choice) == ("under", 0)
    assert placed.x >= footprint.start  # a caption under its bar, not out in the margin


# -- lane colours that read on paper --------------------------------------------------------------------


def linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else float(((channel + 0.055) / 1.055) ** 2.4)


def contrast_on_white(color: str) -> float:
    """WCAG 2's contrast ratio of ``color`` against white."""
    r, g, b = (linear(c) for c in to_rgb(color))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def lab(color: str) -> np.ndarray:
    """CIELAB (D65) of an sRGB colour."""
    rgb = np.array([linear(c) for c in to_rgb(color)])
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ rgb
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("color", LANE_COLORS)
def test_every_lane_colour_stands_out_from_white_by_3_to_1(color: str) -> None:
    assert contrast_on_white(color) >= 3.0, color  # WCAG's least contrast for marks: dots, bars, lane names


def test_lane_colours_stay_far_apart() -> None:
    distances = {(a, b): float(np.linalg.norm(lab(a) - lab(b))) for a, b in itertools.combinations(LANE_COLORS, 2)}
    closest = min(distances, key=distances.__getitem__)
    assert distances[closest] >= 25.0, closest  # CIE76: the old orange and goldenrod were 17.8 apart


def test_the_report_lane_of_the_showcase_is_named_and_dotted_in_colours_that_read(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2023-08")
    names = {t.get_text(): to_hex(str(t.get_color())) for t in drawn.ax.get_yticklabels()}
    assert contrast_on_white(names["report"]) >= 3.0
    dots = next(c for c in drawn.marks if c.get_label() == "_dots")
    drawn_colors = {to_hex((float(r), float(g), float(b))) for r, g, b, _ in np.asarray(dots.get_facecolor())}
    assert names["report"] in drawn_colors  # its dots are drawn in it
    assert all(contrast_on_white(color) >= 3.0 for color in drawn_colors), drawn_colors


# -- the sources under the picture ----------------------------------------------------------------------


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_sources_line_gives_long_headlines_whole(showcase: Timeline) -> None:
    drawn = plot_timeline(showcase, start="2023-08")
    assert drawn.footnote is not None
    note = words(drawn.footnote.get_text())
    for source in showcase.sources.values():
        assert source.title, source.id
        assert words(source.title) in note, source.id
    assert "…" not in note
    assert "not shown" not in note


def many_sources(count: int, title_words: int = 14) -> Timeline:
    sources = [
        Source(
            id=f"s{i:02}",
            outlet=f"Outlet {i}",
            title=" ".join(f"headline{i}word{w}" for w in range(title_words)),
            published=UncertainDate.parse(f"2024-10-{i % 28 + 1:02}"),
        )
        for i in range(count)
    ]
    events = [
        Event(
            id=f"e{i}",
            title=f"Event {i}",
            when=chronology.parse(f"2024-10-{i % 28 + 1:02}"),
            citations=[Citation(source=source.id)],
        )
        for i, source in enumerate(sources)
    ]
    return Timeline(events, sources)


@pytest.mark.parametrize("width", [6.0, 11.0], ids=["6in", "11in"])
def test_sources_beyond_the_line_limit_are_counted_and_those_shown_are_whole(width: float) -> None:
    timeline = many_sources(40)
    drawn = plot_timeline(timeline, width=width)
    assert drawn.footnote is not None
    text = drawn.footnote.get_text()
    assert len(text.split("\n")) <= NOTE_LINES
    note = words(text)
    said = re.search(r"; and (\d+) more sources not shown\.$", note)
    assert said is not None, note
    shown = [source for source in timeline.sources.values() if words(source.title) in note]
    assert shown  # whole citations, not one cut short
    assert len(shown) + int(said[1]) == len(timeline.sources)
    assert "…" not in note
    # in the footnote's order (by date): those shown come first
    order = sorted(timeline.sources.values(), key=lambda s: (s.published.lo, s.id))  # type: ignore[union-attr]
    assert {s.id for s in order[: len(shown)]} == {s.id for s in shown}


def test_a_headline_longer_than_the_line_limit_is_cut_at_a_word_with_an_ellipsis() -> None:
    timeline = many_sources(2, title_words=400)
    drawn = plot_timeline(timeline, width=6.0)
    assert drawn.footnote is not None
    text = drawn.footnote.get_text()
    assert len(text.split("\n")) <= NOTE_LINES
    note = words(text)
    assert note.endswith("…; and 1 more source not shown.")
    cut = note.removeprefix("Sources: “").split("…")[0]
    assert re.fullmatch(r"(headline\d+word\d+ )*headline\d+word\d+", cut), cut  # whole words only


def test_the_command_leaves_the_sources_out_with_no_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with_sources, without = tmp_path / "with.svg", tmp_path / "without.svg"
    assert run("plot", "events.toml", "-o", str(with_sources), "--from", "2023-08")[0] == 0
    code, out, err = run("plot", "events.toml", "-o", str(without), "--from", "2023-08", "--no-sources")
    assert (code, err) == (0, "")
    assert "wrote" in out
    assert ">Sources: " in with_sources.read_text(encoding="utf-8")
    text = without.read_text(encoding="utf-8")
    assert "Sources:" not in text
    assert "Kim Jong Un visits Russia" in text  # the rest is drawn


def test_no_sources_is_refused_for_a_claims_chart_which_has_no_sources_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run("plot", "events.toml", "-o", str(tmp_path / "c.png"), "--claims", "troops", "--no-sources")
    assert code == 2
    assert "--no-sources is an option of the events chart" in err


def test_the_help_of_plot_says_what_no_sources_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["plot", "--help"])
    assert raised.value.code == 0
    # the reference page (docs/reference/cli.md) is written from the same parser: docs/_ext/cli_reference.py
    assert "--no-sources leave out the sources line under the picture" in " ".join(capsys.readouterr().out.split())


# -- SVG words as text ----------------------------------------------------------------------------------


def test_an_svg_holds_its_words_as_text_a_designer_can_edit(showcase: Timeline, tmp_path: Path) -> None:
    before = matplotlib.rcParams["svg.fonttype"]
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20")
    target = save_figure(drawn.figure, tmp_path / "timeline.svg")
    svg = target.read_text(encoding="utf-8")
    texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)
    label = drawn.labels["transfers"].get_text().split("\n")[0]
    assert label in texts
    assert "DejaVuSans-" not in svg  # no glyph outlines defined to draw words with
    assert matplotlib.rcParams["svg.fonttype"] == before  # scoped to the save: nothing global changed
    assert save_figure(drawn.figure, tmp_path / "again.svg").read_bytes() == svg.encode("utf-8")  # same bytes


# -- relate with two dates and no file ------------------------------------------------------------------


def test_relate_two_dates_needs_no_file() -> None:
    code, out, err = run("relate", "2024-10", "2024-11")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "A  2024-10: October 2024"
    assert lines[1] == "B  2024-11: November 2024"
    assert "A before B: certain" in lines


def test_relate_an_id_with_no_file_names_the_argument_and_the_file_it_needs() -> None:
    code, out, err = run("relate", "transfers", "2024-11")
    assert (code, out) == (2, "")
    assert err.startswith("chronology relate: error: A 'transfers' is not a date")
    assert "chronology relate FILE transfers 2024-11" in err
    code, _, err = run("relate", "2024-11", "@transfers")
    assert code == 2
    assert "B '@transfers' names an event" in err


def test_relate_a_file_and_one_argument_says_b_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run("relate", "events.toml", "transfers")
    assert code == 2
    assert "B is missing" in err
    assert "'events.toml'" in err


def test_relate_with_a_file_still_relates_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("relate", "events.toml", "transfers", "nis-statement")
    assert (code, err) == (0, "")
    assert "A before B: certain" in out


def test_relate_two_dates_through_the_installed_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "relate", "2024-10-18", "June 2024"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "A after B:  certain" in done.stdout
