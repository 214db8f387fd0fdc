"""Timeline pictures fit for print: told apart in greyscale, a legend in plain words, any resolution, short axes."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image, ImageOps

import chronology
from chronology import ChronologyWarning, Event, Timeline
from chronology.plot import TimelinePlot, plot_timeline
from chronology.plot._layout import LEAST_LABEL_FONT, shortened_handle
from chronology.plot._style import FONT_SIZE, legend_handles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def greyscale(figure: Figure, dpi: float) -> np.ndarray:
    """The figure as printed in black and white: the luminance of each pixel, 0 (black) to 255 (white)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return np.asarray(ImageOps.grayscale(Image.open(buffer)))


def inches(text: Text, dpi: float) -> tuple[float, float, float, float]:
    """The box a text takes when the figure is drawn at ``dpi``: (x0, y0, x1, y1) in inches."""
    figure = text.get_figure(root=True)
    assert isinstance(figure, Figure)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    box = text.get_window_extent(renderer)
    return box.x0 / dpi, box.y0 / dpi, box.x1 / dpi, box.y1 / dpi


def meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# -- 1. lanes told apart without colour ----------------------------------------------------------------


def four_lanes() -> Timeline:
    kinds = ["strike", "statement", "meeting", "report"]
    return Timeline(
        [
            Event(
                id=f"e{i}",
                title=f"Event {i} of the {kind}s",
                when=chronology.parse(f"2024-10-{3 + 5 * i:02d}"),
                kind=kind,
            )
            for i, kind in enumerate(kinds)
        ]
    )


def test_in_greyscale_each_lane_is_named_at_its_rows_and_ruled_apart_from_the_next() -> None:
    drawn = plot_timeline(four_lanes())
    figure, ax = drawn.figure, drawn.ax
    grey = greyscale(figure, figure.dpi)
    # the lanes' colours alone do not tell them apart in print: each lane's name is written at its rows
    names = {label.get_text(): label for label in ax.get_yticklabels()}
    assert set(names) == set(drawn.lanes)
    for event_id, lane in drawn.lane_of.items():
        _, y = drawn.positions[event_id]
        assert names[lane].get_position()[1] == pytest.approx(y, abs=0.5)  # a one-row lane: level with its mark
    # ... in a grey dark enough to read on a printed page, and between lanes a rule that prints
    height = grey.shape[0]
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    for label in names.values():
        box = label.get_window_extent(renderer)
        ink = grey[int(height - box.y1) : int(height - box.y0), int(box.x0) : int(box.x1)]
        assert ink.min() < 160, label.get_text()
    left, right = int(ax.get_window_extent(renderer).x0) + 2, int(ax.get_window_extent(renderer).x1) - 2
    levels = sorted(y for _, y in drawn.positions.values())  # one row a lane, top first
    for above, below in itertools.pairwise(levels):
        _, y = ax.transData.transform((0.0, (above + below) / 2))
        row = round(height - y)
        ruled = grey[row - 1 : row + 2, left:right].min(axis=0) < 235  # grey, not white, where nothing covers it
        assert ruled.mean() > 0.5, (above, below)


def test_on_axes_with_no_margin_each_lane_is_named_inside_over_its_marks() -> None:
    figure = Figure(figsize=(8, 4))
    ax = figure.add_axes((0.0, 0.3, 1.0, 0.6))  # no room beside the axes for the lanes' names
    drawn = plot_timeline(four_lanes(), ax=ax, footnote=False)  # warnings are errors: nothing is left out
    names = {text.get_text(): text for text in ax.texts if text.get_text() in drawn.lanes}
    assert set(names) == set(drawn.lanes)  # in greyscale, each lane is still named
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    inside = ax.get_window_extent(renderer)
    for event_id, lane in drawn.lane_of.items():
        name = names[lane]
        box = name.get_window_extent(renderer)
        assert inside.x0 <= box.x0 < box.x1 <= inside.x1, lane
        _, name_y = name.get_position()
        _, mark_y = drawn.positions[event_id]
        assert name_y == pytest.approx(mark_y - 1)  # on the row above the lane's marks
        assert not meets(inches(name, figure.dpi), inches(drawn.labels[event_id], figure.dpi)), lane


# -- 2. the legend in plain words ----------------------------------------------------------------------


def test_every_legend_entry_is_in_words_a_reader_knows_as_the_labels_write_dates() -> None:
    texts = [str(handle.get_label()) for handle in [*legend_handles(), shortened_handle(20)]]
    for text in texts:
        assert "~" not in text, text  # EDTF's marks, which a book's reader does not know
        assert "%" not in text, text
        assert "window" not in text, text  # the program's word for the dates shown
        assert "links" not in text, text
    approximate = chronology.parse("1400~").label.split()[0]  # how a label writes an approximate date: "c."
    assert any(f"approximate date ({approximate})" in text for text in texts)
    assert chronology.parse("1400?").label.endswith("?")  # how a label writes a doubtful one
    assert any(text.startswith("uncertain date (?)") for text in texts)


def test_the_drawn_legend_says_c_where_an_approximate_date_fades() -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024-06~"))])
    legend = plot_timeline(timeline).legend
    assert legend is not None
    said = [t.get_text() for t in legend.get_texts()]
    assert any(text.startswith("approximate date (c.)") for text in said), said


# -- 3. axes too short for their rows ------------------------------------------------------------------


def callers_axes(height: float) -> Figure:
    figure = Figure(figsize=(11, height))
    figure.add_axes((0.2, 0.3, 0.78, 0.6))
    return figure


def test_axes_a_little_short_set_the_labels_smaller_and_never_thinner_than_their_words(showcase: Timeline) -> None:
    figure = callers_axes(7.0)  # 4.2 inches of axes: too short for 7.5-point labels in rows of their own
    drawn = plot_timeline(showcase, ax=figure.axes[0], start="2023-08", footnote=False)  # warnings are errors
    sizes = {float(text.get_fontsize()) for text in drawn.labels.values()}
    assert len(sizes) == 1
    (size,) = sizes
    assert LEAST_LABEL_FONT <= size < FONT_SIZE
    figure.canvas.draw()
    boxes = {key: inches(text, figure.dpi) for key, text in drawn.labels.items()}
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not meets(box_a, box_b), (a, b)


def test_axes_too_short_for_their_rows_say_how_many_and_how_tall_they_must_be(showcase: Timeline) -> None:
    figure = callers_axes(4.0)
    ax = figure.axes[0]
    with pytest.warns(ChronologyWarning, match="too short for the") as caught:
        drawn = plot_timeline(showcase, ax=ax, start="2023-08", footnote=False)
    (said,) = [str(w.message) for w in caught if "too short" in str(w.message)]
    found = re.search(
        r"axes are ([\d.]+) in tall, too short for the (\d+) rows of labels, which need ([\d.]+) in", said
    )
    assert found is not None, said
    tall, rows, needed = float(found[1]), int(found[2]), float(found[3])
    assert tall == pytest.approx(ax.get_position().height * 4.0, abs=0.01)
    bottom, top = ax.get_ylim()
    assert rows == round(bottom - top - 0.2)  # the rows drawn
    assert needed > tall
    assert f"{LEAST_LABEL_FONT:g} pt" in said
    assert {text.get_fontsize() for text in drawn.labels.values()} == {LEAST_LABEL_FONT}
    # made as tall as it says, the axes hold the rows and nothing is said
    taller = callers_axes(4.0 + (needed - tall) / 0.6 + 0.05)
    plot_timeline(showcase, ax=taller.axes[0], start="2023-08", footnote=False)


# -- 4. a figure of its own, saved at any resolution ---------------------------------------------------


@pytest.mark.parametrize("made_at", [100.0, 200.0], ids=["made-at-100", "made-at-200"])
def test_a_figure_of_its_own_saved_at_any_resolution_keeps_every_label_apart(
    showcase: Timeline, made_at: float
) -> None:
    drawn = plot_timeline(showcase, start="2024-10", end="2024-11-20", dpi=made_at)
    figure = drawn.figure
    widths: dict[str, list[float]] = {key: [] for key in drawn.labels}
    for dpi in (72.0, 100.0, 200.0, 300.0):
        figure.set_dpi(dpi)
        greyscale(figure, dpi)  # drawn as saved at that resolution
        boxes = {key: inches(text, dpi) for key, text in drawn.labels.items()}
        for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
            assert not meets(box_a, box_b), (dpi, a, b)
        for key, box in boxes.items():
            widths[key].append(box[2] - box[0])
        assert_every_word_is_inside(drawn, dpi)
    for key, seen in widths.items():
        assert max(seen) - min(seen) < 0.01, (key, seen)  # inches: the size the labels were laid out at


def assert_every_word_is_inside(drawn: TimelinePlot, dpi: float) -> None:
    figure = drawn.figure
    width, height = figure.get_size_inches()
    for text in figure.findobj(Text):
        if text.get_visible() and text.get_text().strip():
            x0, y0, x1, y1 = inches(text, dpi)
            assert min(x0, y0) >= -0.01, (dpi, text.get_text())
            assert x1 <= width + 0.01, (dpi, text.get_text())
            assert y1 <= height + 0.01, (dpi, text.get_text())
