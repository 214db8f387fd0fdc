"""A book's timeline: a Julian-calendar file of the plague and the fire of London, 1664-1666, as a book's author draws it.

Six by four inches on plain ``plt.subplots`` axes, or in constrained layout; a window of ten days of the fire;
the claims chart of the plague's deaths. What is checked is what the author saw wrong: labels covering one another
or a lane's rule, a lane's one event far from its name, an approximate date cut by the window without the teeth
other cut bars have, and a legend naming a style the chart does not draw, in the event file's words.
"""

from __future__ import annotations

import itertools
import re
import warnings
from io import StringIO
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

import chronology
from chronology import ChronologyWarning, Timeline
from chronology.cli import main
from chronology.plot import TimelinePlot, plot_claims, plot_timeline
from chronology.plot._layout import LEAST_LABEL_FONT
from chronology.plot._style import FONT_SIZE

matplotlib.use("Agg")
import matplotlib.pyplot as plt

PLAGUE = """\
title = "London: the Great Plague and the Great Fire, 1664-1667"

[reading]
calendar = "julian"

[[sources]]
id = "pepys-diary"
outlet = "The Diary of Samuel Pepys"
authors = ["Samuel Pepys"]
title = "The Diary of Samuel Pepys, ed. R. Latham and W. Matthews, vol. VI (1665)"
published = "1972"
calendar = "gregorian"
note = "Modern edition; diary entries are dated Old Style."

[[sources]]
id = "bills-1665"
outlet = "Company of Parish Clerks"
title = "London's Dreadful Visitation: or, a Collection of All the Bills of Mortality for this Present Year"
published = "19 December 1665"

[[sources]]
id = "historian-1996"
outlet = "Oxford University Press"
authors = ["A. Historian"]
title = "The Plague Year Revisited"
published = "1996"
calendar = "gregorian"

[[sources]]
id = "evelyn-diary"
outlet = "The Diary of John Evelyn"
authors = ["John Evelyn"]
title = "The Diary of John Evelyn, ed. E. S. de Beer, vol. III"
published = "1955"
calendar = "gregorian"

[[events]]
id = "first-deaths"
title = "First plague deaths in St Giles-in-the-Fields"
when = "late 1664"
kind = "plague"
places = ["St Giles-in-the-Fields"]

[[events]]
id = "war-declared"
title = "England declares war on the Dutch Republic"
when = "4 March 1664/5"
kind = "war"

[[events]]
id = "red-crosses"
title = "Pepys sees houses in Drury Lane marked with red crosses"
when = "7 June 1665"
kind = "plague"
places = ["Drury Lane"]

[[events.citations]]
source = "pepys-diary"
quote = "This day, much against my will, I did in Drury Lane see two or three houses marked with a red cross upon the doors, and 'Lord have mercy upon us' writ there. (p. 120)"

[[events]]
id = "court-leaves"
title = "The King and Court leave London for Salisbury"
when = "early July 1665"
kind = "court"

[[events]]
id = "plague-pit"
title = "A great plague pit is dug at Aldgate"
when = "before 23 August 1665"
kind = "plague"

[[events]]
id = "quack-remedies"
title = "Quack remedies and amulets sold in the streets"
when = "c. 1665"
kind = "plague"

[[events]]
id = "peak-week"
title = "Weekly Bill records 7,165 plague deaths, the worst week"
when = "the week of 19 September 1665"
kind = "plague"

[[events.citations]]
source = "bills-1665"
quote = "Plague 7165 (week to 19 September). p. 34"

[[events]]
id = "michaelmas-term"
title = "Michaelmas law term adjourned to Oxford"
when = "Michaelmas 1665"
kind = "law"

[[events]]
id = "general-bill"
title = "The General Bill for the year is published"
when = "19 December 1665"
kind = "plague"

[[events]]
id = "deaths-1665"
title = "The plague year's toll in London"
when = "in 1665"
kind = "plague"

[[events.claims]]
subject = "plague deaths in London, 1665"
value = "68,596"
unit = "deaths"
claimant = "Bills of Mortality"
source = "bills-1665"
quote = "Whereof, of the Plague, 68596."

[[events.claims]]
subject = "plague deaths in London, 1665"
value = "about 100,000"
unit = "deaths"
claimant = "A. Historian"
source = "historian-1996"
quote = "the true toll was probably about 100,000 (p. 212)"

[[events]]
id = "hodges"
title = "Nathaniel Hodges treats plague patients in the City"
when = "between 1664 and 1666"
kind = "plague"

[[events]]
id = "king-returns"
title = "Charles II returns to Whitehall"
when = "1 February 1665/6"
kind = "court"

[[events]]
id = "fire-starts"
title = "Fire breaks out in Thomas Farriner's bakery, Pudding Lane"
when = "Sunday 2 September 1666"
kind = "fire"
before = ["st-pauls"]

[[events.citations]]
source = "pepys-diary"
quote = "Jane called us up about three in the morning, to tell us of a great fire they saw in the City. (vol. VII, p. 267)"

[[events]]
id = "great-fire"
title = "The Great Fire burns"
when = "from 2 September 1666 to 6 September 1666"
kind = "fire"

[[events]]
id = "st-pauls"
title = "St Paul's Cathedral burns"
when = "4 September 1666"
kind = "fire"
part_of = "great-fire"

[[events.citations]]
source = "evelyn-diary"
quote = "the stones of Paules flew like Granados (p. 453)"

[[events]]
id = "firebreaks"
title = "Houses blown up with gunpowder to make firebreaks"
when = "the week of 4 September 1666"
kind = "fire"

[[events]]
id = "hubert-hanged"
title = "Robert Hubert hanged at Tyburn for starting the fire"
when = "27 October 1666"
kind = "law"

[[events]]
id = "rebuilding-act"
title = "Rebuilding of London Act receives royal assent"
when = "8 February 1666/7"
kind = "law"
"""


@pytest.fixture(scope="module")
def plague(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    path = tmp_path_factory.mktemp("book") / "plague.toml"
    path.write_text(PLAGUE, encoding="utf-8")
    return chronology.load(path)


def rules(ax: Axes) -> list[float]:
    """The y, in pixels, of the rules between lanes (lines across the whole axes)."""
    found = []
    for line in ax.get_lines():
        ys = np.asarray(line.get_ydata(), dtype=float)
        if list(np.asarray(line.get_xdata(), dtype=float)) == [0.0, 1.0] and len(set(ys)) == 1:
            found.append(float(line.get_transform().transform((0.0, ys[0]))[1]))
    return found


def drawn_on(figure: Figure, ax: Axes, timeline: Timeline) -> tuple[TimelinePlot, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        drawn = plot_timeline(timeline, ax=ax)
    figure.canvas.draw()
    return drawn, [str(w.message) for w in caught if issubclass(w.category, ChronologyWarning)]


def check_labels_clear(drawn: TimelinePlot, said: list[str], figure: Figure) -> None:
    """No label's words meet another's, nor its box another's words, nor its words a lane's rule; else a warning
    names the height the axes need."""
    too_short = [text for text in said if "too short for the" in text]
    if too_short:
        found = re.search(r"axes are ([\d.]+) in tall, .* which need ([\d.]+) in", too_short[0])
        assert found is not None, too_short[0]
        assert float(found[2]) > float(found[1])
        return
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    words = {key: text.get_window_extent(renderer) for key, text in drawn.labels.items()}
    boxes = {
        key: patch.get_window_extent(renderer)
        for key, text in drawn.labels.items()
        if (patch := text.get_bbox_patch()) is not None
    }
    shrunk = {key: Bbox.from_extents(b.x0 + 0.5, b.y0 + 0.5, b.x1 - 0.5, b.y1 - 0.5) for key, b in boxes.items()}
    for (a, box_a), (b, box_b) in itertools.combinations(words.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
    for a, box in shrunk.items():
        for b, other in words.items():
            assert a == b or not box.overlaps(other), f"the box of {a} covers the words of {b}"
    for y in rules(drawn.ax):
        for key, box in words.items():
            assert not box.y0 < y < box.y1, f"a lane's rule runs through the words of {key}"


@pytest.mark.parametrize("layout", [None, "constrained"], ids=["plain", "constrained"])
def test_six_by_four_inches_keeps_every_label_clear_of_the_others_and_the_rules(
    plague: Timeline, layout: str | None
) -> None:
    figure, ax = plt.subplots(figsize=(6, 4), layout=layout)
    try:
        drawn, said = drawn_on(figure, ax, plague)
        sizes = {float(text.get_fontsize()) for text in drawn.labels.values()}
        assert len(sizes) == 1
        (size,) = sizes
        assert LEAST_LABEL_FONT <= size < FONT_SIZE  # 30 rows at 7.5 points need more than 4 inches
        check_labels_clear(drawn, said, figure)
    finally:
        plt.close(figure)


def test_axes_too_short_even_for_the_smallest_labels_say_the_height_they_need(plague: Timeline) -> None:
    figure, ax = plt.subplots(figsize=(6, 2.5))
    try:
        drawn, said = drawn_on(figure, ax, plague)
        (warning,) = [text for text in said if "too short for the" in text]
        found = re.search(
            r"axes are ([\d.]+) in tall, too short for the (\d+) rows of labels, which need ([\d.]+)", warning
        )
        assert found is not None, warning
        assert float(found[1]) == pytest.approx(ax.get_position().height * 2.5, abs=0.01)
        assert float(found[3]) > float(found[1])
        assert {text.get_fontsize() for text in drawn.labels.values()} == {LEAST_LABEL_FONT}
    finally:
        plt.close(figure)


def test_a_lanes_one_event_is_drawn_by_its_name(plague: Timeline) -> None:
    """A lane taller than its marks (its name needs the room) has its marks in its middle, by its name."""
    figure = plt.figure(figsize=(6, 4), layout="constrained")
    try:
        ax = figure.subplots()
        drawn, _ = drawn_on(figure, ax, plague)
        names = {tick.get_text(): tick.get_position()[1] for tick in ax.get_yticklabels()}
        for lane in ("war", "court"):
            rows = [y for key, (_, y) in drawn.positions.items() if drawn.lane_of[key] == lane]
            assert abs((min(rows) + max(rows)) / 2 - names[lane]) <= 0.5, lane
        (war,) = [y for key, (_, y) in drawn.positions.items() if drawn.lane_of[key] == "war"]
        assert war == pytest.approx(names["war"])
    finally:
        plt.close(figure)


def test_an_approximate_date_running_beyond_the_window_is_cut_at_its_edges(plague: Timeline) -> None:
    drawn = plot_timeline(plague, start="1 September 1666 (O.S.)", end="10 September 1666 (O.S.)", dates=True)
    try:
        cuts = next(c for c in drawn.marks if c.get_label() == "_window cuts")
        _, y = drawn.positions["quack-remedies"]  # "c. 1665": its fade runs on over the window
        teeth = []
        for path in cuts.get_paths():
            vertices = np.asarray(path.vertices, dtype=float)
            xs, ys = vertices[:, 0], vertices[:, 1]
            if ys.min() < y < ys.max():
                teeth.append((float(xs.min()), float(xs.max())))
        left, right = drawn.scale.left, drawn.scale.right
        assert any(a < left < b for a, b in teeth)
        assert any(a < right < b for a, b in teeth)
    finally:
        plt.close(drawn.figure)


def test_the_claims_legend_names_only_the_styles_drawn_in_a_readers_words(plague: Timeline) -> None:
    """The historian's 1996 estimate is dated by its book: a year on an axis of centuries is its mark alone."""
    drawn = plot_claims(plague, subject="plague deaths", width=6, height=4)
    try:
        legend = drawn.ax.get_legend()
        assert legend is not None
        texts = [text.get_text() for text in legend.get_texts()]
        lines = [h for h in legend.legend_handles if isinstance(h, Line2D) and h.get_linestyle() not in ("None", "")]
        assert lines == []  # no bar drawn: no bar in the legend
        assert drawn.spans is None
        label = drawn.ax.get_xlabel()
        assert "‘said’" not in label
        assert "said’" not in " ".join(texts)
        assert "its source’s date" in label  # the estimate is dated by its source's publication, and the axis says so
    finally:
        plt.close(drawn.figure)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plague.toml").write_text(PLAGUE, encoding="utf-8")
    return tmp_path


def test_plot_height_gives_a_figure_that_tall_in_grey_for_print(book: Path) -> None:
    code, out, err = run("plot", "plague.toml", "--width", "6", "--height", "4", "--grey", "-o", "print.png")
    assert (code, err) == (0, "")
    assert out.startswith("wrote print.png")
    pixels = plt.imread(book / "print.png")
    assert pixels.shape[:2] == (400, 600)  # 6 by 4 inches at 100 dots an inch
    rgb = pixels[..., :3]
    assert float(np.max(rgb.max(axis=-1) - rgb.min(axis=-1))) < 0.02  # no colour: black, greys and white
    code, out, err = run("plot", "plague.toml", "--width", "6", "-o", "colour.png")
    colour = plt.imread(book / "colour.png")[..., :3]
    assert float(np.max(colour.max(axis=-1) - colour.min(axis=-1))) > 0.2  # in colour without --grey


def test_plot_height_too_small_for_the_rows_warns_with_the_height_needed(book: Path) -> None:
    code, _, err = run("plot", "plague.toml", "--width", "6", "--height", "2.5", "-o", "short.png")
    assert code == 0
    found = re.search(
        r"warning: .*axes are ([\d.]+) in tall, too short for the \d+ rows of labels, which need ([\d.]+) in", err
    )
    assert found is not None, err
    assert float(found[2]) > float(found[1])


def test_plot_grey_is_an_option_of_the_events_chart(book: Path) -> None:
    code, _, err = run("plot", "plague.toml", "--claims", "plague deaths", "--grey", "-o", "claims.png")
    assert code == 2
    assert "--grey is an option of the events chart" in err
