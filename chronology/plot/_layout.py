"""The words of a timeline picture: labels wrapped to the room there is, lane names, legend, key, sources, title.

Text is measured with the figure's renderer, never counted in characters.
Every label is tried on one line and wrapped onto up to :data:`MAX_LINES`
(each wrapping as narrow as its words allow), and
:func:`chronology.plot._labels.pack` puts it where it meets nothing; a label
with no room at all becomes a number, and the key under the picture gives it
whole. Titles are shortened only when asked (``label_chars``); the legend then
says so.

Sizes are in inches. A figure of the picture's own is fitted to its words: the
left margin to the widest lane name, the height to the rows, the axis, the
legend, the key and the sources, so that no text is cut at any edge; a figure
is drawn from :data:`MIN_WIDTH` to :data:`MAX_WIDTH` inches wide. On axes a
caller hands over, the axes stay where the caller put them and the same words
go around them, only where the figure has room: lane names wrapped to the
margin, the legend, key and sources under the axes in smaller type if need be,
and what still does not fit left out, with a :class:`~chronology.errors.ChronologyWarning`
saying what and how to make room in that figure (``hspace`` between stacked axes, ``bottom``
under the lowest, the numbers to use). Nothing is drawn outside the figure. A figure in
constrained or tight layout makes room itself (:func:`makes_room`): there every word is drawn.
Labels are measured and drawn unhinted (:class:`UnhintedText`), so that a caller's figure laid
out at one resolution may be saved at any other; a figure of the picture's own draws every word
unhinted (:class:`UnhintedFigure`), and may be saved at any resolution too.

Lanes of events without the grouping value are called "no kind", "no actor",
"no tag" or "no source"; a picture of one such lane names no lane at all. Source
lanes carry the letter their source has in the footnote ("[a] Al Jazeera"),
whose sources are listed by date, then by citation, each title whole, wrapped
onto up to :data:`NOTE_LINES` lines; sources beyond those are counted, not cut
short one by one ("and 12 more sources not shown").
"""

from __future__ import annotations

import math
import re
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Bbox, Transform, blended_transform_factory, offset_copy
from matplotlib.typing import RcKeyType

from chronology.errors import ChronologyWarning, PlotError
from chronology.events import Event, Source
from chronology.exchange._describe import names, source_name
from chronology.plot._glyphs import drawable
from chronology.plot._labels import Footprint, Placement, pack
from chronology.plot._style import FONT_SIZE, LASTING_HEIGHT
from chronology.timeline import Timeline

__all__ = [
    "MAX_LINES",
    "MAX_WIDTH",
    "MIN_LABEL_CHARS",
    "MIN_WIDTH",
    "NOTE_LINES",
    "Measure",
    "UnhintedFigure",
    "UnhintedText",
    "check_options",
    "citation",
    "citations_of",
    "decorate_lanes",
    "draw_labels",
    "fill",
    "finish",
    "label_text",
    "lane_inches",
    "lane_labels",
    "makes_room",
    "missing_lane",
    "place_labels",
    "reads_on",
    "source_keys",
    "sources_text",
    "wrappings",
]

#: The widths, in inches, a figure of its own is drawn at with every text inside it.
MIN_WIDTH: Final = 6.0
MAX_WIDTH: Final = 30.0
#: A label is wrapped onto at most this many lines; with no room even then, it becomes a number.
MAX_LINES: Final = 3
#: The fewest characters a title may be shortened to (``label_chars``).
MIN_LABEL_CHARS: Final = 8

ROW_INCHES: Final = 0.24  # a row of marks in a figure of its own
PAD: Final = 0.1  # between any text and the edge of the figure
GAP: Final = 0.06  # between a mark and its label
SPACING: Final = 0.12  # between neighbours in a row
TEXT_SPACING: Final = 0.3  # between neighbours whose texts face each other: never read as one line
EDGE_MARK: Final = 0.1  # the room a mark outside the window takes at the edge it lies beyond
RIGHT: Final = 0.3  # the right margin: room for half a date named under the last tick
LANE_SHARE: Final = 0.3  # lane names take at most this share of the width
TICK_PAD: Final = 3.5 / 72  # matplotlib's space between a lane name and the axes
LANE_FONT: Final = FONT_SIZE + 0.5
TITLE_FONT: Final = FONT_SIZE + 3
NOTE_FONT: Final = FONT_SIZE - 1
KEY_FONT: Final = FONT_SIZE - 0.5
KEY_COLUMN: Final = 3.2  # the narrowest column of the key
SMALLER: Final = 1.0  # points off the legend, key and sources where a caller's figure has little room
SOURCE_LINES: Final = 3  # a source lane's name, before its date, wraps onto at most this many lines
#: The sources under a picture take at most this many lines; those that do not fit are counted, not shown.
NOTE_LINES: Final = 6
_FIGURE_SPACE: Final = "\u2007"  # as wide as a digit: numbers in the key line up
_TEXT_COLOR: Final = "#222222"


def check_options(width: float, label_chars: int | None, *, own_figure: bool) -> None:
    """Refuse a figure width or a shortening that cannot be drawn well, naming what can.

    Raises:
        PlotError: a width outside 6-30 inches for a figure of its own, or ``label_chars`` under 8.

    """
    if own_figure and not MIN_WIDTH <= width <= MAX_WIDTH:  # also refuses nan
        raise PlotError(
            f"width {width!r} inches: a timeline is drawn {MIN_WIDTH:g}-{MAX_WIDTH:g} inches wide, "
            "every text inside the picture"
        )
    if label_chars is not None and (isinstance(label_chars, bool) or not isinstance(label_chars, int)):
        raise PlotError(f"label_chars {label_chars!r}: give a whole number of characters, or None for whole titles")
    if label_chars is not None and label_chars < MIN_LABEL_CHARS:
        raise PlotError(
            f"label_chars {label_chars!r}: titles are shortened to {MIN_LABEL_CHARS} characters or more "
            "(None: whole titles)"
        )


# -- measuring and wrapping -----------------------------------------------------------------------------


#: How text is drawn where it must keep its size in inches at any resolution: without font hinting, which
#: snaps each letter to whole pixels (at 100 dpi a line of 7.5-point text is up to a tenth narrower than at
#: 200 dpi; unhinted, its width in inches is the same at every resolution, to a thousandth of an inch).
UNHINTED: Final[dict[RcKeyType, Any]] = {"text.hinting": "no_hinting"}


class UnhintedText(Text):
    """A :class:`~matplotlib.text.Text` measured and drawn without font hinting, whatever the caller's settings.

    Its size in inches is the same at every resolution the figure is drawn at, as it was measured
    (:class:`Measure` with ``unhinted``): words laid out on a caller's figure at its resolution do not grow
    into their neighbours when it is saved at another.
    """

    def draw(self, renderer: Any) -> None:
        """Draw the text, unhinted."""
        with matplotlib.rc_context(UNHINTED):
            super().draw(renderer)

    def get_window_extent(self, renderer: Any = None, dpi: float | None = None) -> Bbox:
        """The text's box in display units, as drawn: unhinted."""
        with matplotlib.rc_context(UNHINTED):
            return super().get_window_extent(renderer, dpi)


class UnhintedFigure(Figure):
    """A figure whose every word is drawn without font hinting, whatever the caller's settings.

    The figures the plots make themselves: laid out at the resolution they are made at, measured unhinted,
    their words keep that size in inches when the figure is saved at any other (hinted, a line of 7.5-point
    text is a sixth wider at 72 dpi than at 100, and runs into its neighbour).
    """

    def draw(self, renderer: Any) -> None:
        """Draw the figure, its words unhinted."""
        with matplotlib.rc_context(UNHINTED):
            super().draw(renderer)


class Measure:
    """The size in inches of text in one font on one figure.

    ``unhinted``: measured as :class:`UnhintedText` draws it, on a renderer of its own (text metrics are
    cached by renderer, so that hinted and unhinted sizes of the same words never mix).
    """

    def __init__(
        self, figure: Figure, renderer: Any, fontsize: float, weight: str = "normal", *, unhinted: bool = False
    ) -> None:
        self._probe = Text(0, 0, "", fontsize=fontsize, weight=weight, figure=figure)
        self._renderer = RendererAgg(1, 1, figure.dpi) if unhinted else renderer  # type: ignore[no-untyped-call]
        self._dpi = figure.dpi
        self._sizes: dict[str, tuple[float, float]] = {}
        self._figure, self._weight = figure, weight
        self.fontsize = fontsize
        self.unhinted = unhinted

    def resized(self, fontsize: float) -> Measure:
        """The same measure in another size of the same font."""
        if fontsize == self.fontsize:
            return self
        return Measure(self._figure, self._renderer, fontsize, self._weight, unhinted=self.unhinted)

    def size(self, text: str) -> tuple[float, float]:
        """Width and height of ``text`` (lines split at newlines)."""
        if text not in self._sizes:
            self._probe.set_text(text)
            with matplotlib.rc_context(UNHINTED if self.unhinted else None):
                box = self._probe.get_window_extent(self._renderer)
            self._sizes[text] = (box.width / self._dpi, box.height / self._dpi)
        return self._sizes[text]

    def width(self, text: str) -> float:
        """The width of the widest line of ``text``."""
        return max(self.size(line)[0] for line in text.split("\n"))

    def height(self, lines: int) -> float:
        """The height of ``lines`` lines of text."""
        return self.size("\n".join(["Ag"] * max(lines, 1)))[1]


def fill(text: str, inches: float, measure: Measure) -> list[str]:
    """The words of ``text`` on lines no wider than ``inches``; a word wider than that is cut into pieces."""
    lines: list[str] = []
    current = ""
    for word in _words(text):
        for piece in _pieces(word, inches, measure):
            trial = f"{current} {piece}" if current else piece
            if current and measure.width(trial) > inches:
                lines.append(current)
                current = piece
            else:
                current = trial
    lines.append(current)
    return lines


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces, tabs and newlines, not at a no-break space."""
    return [word for word in re.split(r"[ \t\n]+", text) if word]


def _pieces(word: str, inches: float, measure: Measure) -> list[str]:
    if measure.width(word) <= inches:
        return [word]
    pieces: list[str] = []
    current = ""
    for character in word:
        if current and measure.width(current + character) > inches:
            pieces.append(current)
            current = character
        else:
            current += character
    pieces.append(current)
    return pieces


def wrappings(text: str, measure: Measure) -> list[tuple[str, float]]:
    """``text`` on one line, then on two and three, each as narrow as its words allow: (text, width) pairs.

    A wrapping is kept only if it is narrower than the one before: more lines must buy room.
    """
    options = [(text, measure.width(text))]
    words = text.split()
    for lines in range(2, MAX_LINES + 1):
        if len(words) < lines:
            break
        wrapped = _even_wrap(text, lines)
        width = measure.width(wrapped)
        if width < options[-1][1]:
            options.append((wrapped, width))
    return options


def _even_wrap(text: str, lines: int) -> str:
    """``text`` broken at spaces into at most ``lines`` lines of about equal length."""
    chars = math.ceil(len(text) / lines)
    while True:
        wrapped = textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False)
        if len(wrapped) <= lines:
            return "\n".join(wrapped)
        chars += 1


def label_text(event: Event, label: Callable[[Event], str] | None, label_chars: int | None, dates: bool) -> str:
    """What an event's label says: its whole title (or ``label``'s text), shortened only to ``label_chars``.

    With ``dates``, its date label comes first, as in a report's chronology: "18 October 2024: ...".
    """
    text = drawable(label(event) if label is not None else (event.title or event.id))
    if label_chars is not None:
        text = shorten(text, label_chars)
    return f"{event.when.label}: {text}" if dates else text


def shorten(text: str, chars: int) -> str:
    """``text`` in at most ``chars`` characters, cut at a word where it can be, marked "…"."""
    if len(text) <= chars:
        return text
    cut = textwrap.shorten(text, chars, placeholder="…")
    return cut if len(cut) > 1 else text[: chars - 1] + "…"


# -- lanes ----------------------------------------------------------------------------------------------


def missing_lane(group_by: str) -> str:
    """The lane of events without the grouping value: "no kind", "no actor", "no tag", "no source"."""
    return f"no {group_by}"


def lane_inches(figure_width: float, group_by: str | None) -> float:
    """How wide lane names may be, in inches, on a figure ``figure_width`` wide.

    Names take up to :data:`LANE_SHARE` of the width; a source's headline, which can be long, less
    where the figure is wider than six inches (a fifth of the width, and 0.4 inches), so that at the
    widest it is whole on a line or two and the plot keeps most of the width.
    """
    inches = LANE_SHARE * figure_width
    return min(inches, max(LANE_SHARE * MIN_WIDTH, 0.2 * figure_width + 0.4)) if group_by == "source" else inches


def lane_labels(
    view: Timeline,
    names: Sequence[str],
    group_by: str | None,
    measure: Measure,
    inches: float,
    keys: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """How each lane is named beside it, wrapped to ``inches``.

    A source lane is named by its letter in the footnote (``keys``), its outlet, else its headline, whole
    where it fits on :data:`SOURCE_LINES` lines, then by its date. The lane of events without the grouping
    value is "no kind" (see :func:`missing_lane`); when it is the only lane, no lane is named.
    """
    if len(names) == 1 and (group_by is None or names[0] == missing_lane(group_by)):
        return {names[0]: ""}
    if group_by == "source":
        return {n: _source_lane(n, view, (keys or {}).get(n), inches, measure) for n in names}
    return {n: "\n".join(fill(drawable(n), inches, measure)) for n in names}


def _source_lane(source_id: str, view: Timeline, key: str | None, inches: float, measure: Measure) -> str:
    """A source lane's name: "[a] Al Jazeera", wrapped, over the date it was published."""
    source = view.sources.get(source_id)
    name = drawable(source_name(source_id, view.sources))
    head = f"[{key}] {name}" if key else name
    lines = fill(head, inches, measure)
    chars = len(head)
    while len(lines) > SOURCE_LINES and chars > MIN_LABEL_CHARS:
        chars = max(MIN_LABEL_CHARS, min(chars - 2, int(chars * SOURCE_LINES / len(lines)) + 4))
        lines = fill(_shorten_name(head, chars), inches, measure)
    if source is not None and source.published is not None:
        lines += fill(source.published.label, inches, measure)
    return "\n".join(lines)


def _shorten_name(name: str, chars: int) -> str:
    """A name in at most ``chars`` characters, cut at a word, "…" before a closing quote it had."""
    if len(name) <= chars:
        return name
    if not name.endswith("”"):
        return shorten(name, chars)
    return shorten(name[:-1], chars - 1).removesuffix("…") + "…”"


def lane_rows(shown: Mapping[str, str], measure: Measure) -> dict[str, int]:
    """The rows a lane needs for its name to stand beside it without reaching into the next lane."""
    return {
        n: max(1, math.ceil(measure.height(text.count("\n") + 1) / ROW_INCHES - 0.02)) if text else 1
        for n, text in shown.items()
    }


def decorate_lanes(
    ax: Axes,
    names: Sequence[str],
    tops: Mapping[str, float],
    rows: Mapping[str, int],
    colors: Mapping[str, str],
    shown: Mapping[str, str],
    *,
    inside: bool = False,
) -> None:
    """Name each lane beside it, in its colour, and rule the lanes apart.

    ``inside``: each name is written inside the axes instead, at the left of the lane's top row, which the
    lane keeps free for it (a caller's axes with no margin beside them).
    """
    if inside:
        ax.set_yticks([])
        beside = blended_transform_factory(ax.transAxes, ax.transData)
        for name in names:
            ax.text(
                0.004,
                tops[name],
                shown.get(name, name),
                transform=beside,
                fontsize=LANE_FONT,
                color=colors[name],
                ha="left",
                va="center",
                zorder=5,
                clip_on=True,
            )
    else:
        ax.set_yticks([tops[n] + (rows[n] - 1) / 2 for n in names])
        ax.set_yticklabels([shown.get(n, n) or "" for n in names], fontsize=LANE_FONT)
        for tick, name in zip(ax.get_yticklabels(), names, strict=True):
            tick.set_color(colors[name])
    for name in names[1:]:
        ax.axhline(tops[name] - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def fit_width(figure: Figure, ax: Axes, width: float, shown: Mapping[str, str], measure: Measure) -> float:
    """Give a figure of its own a left margin as wide as its widest lane name; the margin, in inches."""
    widest = max((measure.width(text) for text in shown.values() if text), default=0.0)
    left = max(0.45, PAD + widest + TICK_PAD + 0.02)
    bottom, height = ax.get_position().y0, ax.get_position().height
    ax.set_position((left / width, bottom, (width - left - RIGHT) / width, height))
    return left


# -- labels ---------------------------------------------------------------------------------------------


def _axes_inches(ax: Axes) -> tuple[float, float]:
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    box = ax.get_position()
    return box.width * figure.get_figwidth(), box.height * figure.get_figheight()


def _data_to_fraction(ax: Axes) -> Transform:
    """Data to axes fractions, whatever the scale: ``transScale`` then ``transLimits``."""
    return ax.transScale + ax.transLimits


#: The white box behind a label beside its mark reaches this much past its words, in the label's font size.
LABEL_PAD: Final = 0.12


def _pad(measure: Measure) -> float:
    """How far, in inches, the box behind a label reaches past its words (:data:`LABEL_PAD`)."""
    return LABEL_PAD * measure.fontsize / 72


def least_row(measure: Measure) -> float:
    """The thinnest row, in inches, a label in ``measure``'s type fits in: a line, and half its box's pad each side.

    Then no label's box covers the words of the row above or below it, nor do its words cross a lane's rule.
    """
    return measure.height(1) + _pad(measure)


def _span(lines: int, measure: Measure, row_inches: float) -> int:
    """The rows a label of ``lines`` lines reaches when its first line is level with its mark (:func:`least_row`)."""
    top = -(measure.height(1) + _pad(measure)) / 2 / row_inches
    bottom = top + (measure.height(lines) + _pad(measure)) / row_inches
    return max(1, math.ceil(bottom + 0.5 - 1e-9))


@attrs.frozen
class Labels:
    """Where each label went and what it says, the rows each lane takes, and the size of the labels' type."""

    placements: dict[str, Placement]
    rows: dict[str, int]
    texts: dict[str, str]
    written: dict[str, tuple[float, float]]  # the span of x each label's text takes
    fontsize: float = FONT_SIZE  # smaller on a caller's axes too short for the rows at FONT_SIZE


#: The smallest type labels are set in, in points, on a caller's axes too short for their rows at
#: ``FONT_SIZE`` (the smallest a printed figure's words are commonly allowed).
LEAST_LABEL_FONT: Final = 6.0


def place_labels(
    ax: Axes,
    measure: Measure,
    lanes: Mapping[str, Sequence[Event]],
    extents: Mapping[str, tuple[float, float]],
    texts: Mapping[str, str],
    min_rows: Mapping[str, int],
    *,
    own_figure: bool,
    walls: Sequence[tuple[float, float]] = (),
    surfaces: Mapping[str, Sequence[tuple[float, float, bool]]] | None = None,
    headings: int = 0,
) -> Labels:
    """Measure every label, in each of its wrappings, then pack each lane's footprints into rows.

    ``extents`` are the marks' (start, stop) in data x; a mark that lies beyond an edge of the view
    takes :data:`EDGE_MARK` at that edge (where it is marked as going on beyond), so that its label is
    written inside, beside the edge; no label is written on that mark either. ``walls``
    are spans of data x no label on a bar crosses (the axis's breaks); ``surfaces``, the stretches of
    each bar a label may stand on, (start, stop, dark). Packing works in inches; a figure of its own has
    rows :data:`ROW_INCHES` high, while on axes handed over the rows are as high as the axes allow,
    found in a few rounds. A row is never thinner than a line of its labels' text: on axes too short for
    that, the labels are set smaller, down to :data:`LEAST_LABEL_FONT` points, and where even that is not
    enough a :class:`~chronology.errors.ChronologyWarning` says how tall the axes must be. ``headings`` rows
    more hold the lanes' names, inside the axes.
    """
    axes_width, axes_height = _axes_inches(ax)
    events = [e for members in lanes.values() for e in members]
    to_fraction = _data_to_fraction(ax)

    def to_inches(pairs: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        ends = np.array(pairs, dtype=float).reshape(-1, 2)
        zeros = np.zeros(len(ends))
        starts = to_fraction.transform(np.column_stack([ends[:, 0], zeros]))[:, 0] * axes_width
        stops = to_fraction.transform(np.column_stack([ends[:, 1], zeros]))[:, 0] * axes_width
        return [(float(a), float(b)) for a, b in zip(starts, stops, strict=True)]

    def inside(start: float, stop: float) -> tuple[float, float]:
        edge = min(EDGE_MARK, axes_width)
        if stop <= 1e-9:  # all of it left of the view
            return 0.0, edge
        if start >= axes_width - 1e-9:
            return axes_width - edge, axes_width
        return max(start, 0.0), min(stop, axes_width)

    inches = {e.id: inside(*span) for e, span in zip(events, to_inches([extents[e.id] for e in events]), strict=True)}
    # a bar cut by an edge of the view is marked there: no text on the mark
    grounds = {
        e.id: tuple(
            (max(a, EDGE_MARK), min(b, axes_width - EDGE_MARK), dark)
            for (a, b), (_, _, dark) in zip(
                to_inches([(s0, s1) for s0, s1, _ in (surfaces or {}).get(e.id, ())]),
                (surfaces or {}).get(e.id, ()),
                strict=True,
            )
            if min(b, axes_width - EDGE_MARK) > max(a, EDGE_MARK)
        )
        for e in events
    }
    wall_inches = to_inches(walls)
    options = {e.id: wrappings(texts[e.id], measure) for e in events}
    number_width = measure.width(str(len(events)))  # numbers go in reading order: room for the widest
    row_inches = ROW_INCHES
    largest = measure
    for _ in range(10):
        placed: dict[str, Placement] = {}
        rows: dict[str, int] = {}
        # words on a bar only where the bar is as tall as they are: rows fitted to a caller's axes may be thin
        holds_a_line = LASTING_HEIGHT * row_inches >= 0.85 * measure.height(1)
        for name, members in lanes.items():
            footprints = [
                Footprint(
                    e.id,
                    *inches[e.id],
                    tuple(
                        (width, _span(text.count("\n") + 1, measure, row_inches), text.count("\n") + 1)
                        for text, width in options[e.id]
                    ),
                    number_width,
                    grounds[e.id] if holds_a_line else (),
                )
                for e in members
            ]
            packed = pack(
                footprints,
                gap=GAP,
                spacing=SPACING,
                text_spacing=TEXT_SPACING,
                left=0.0,
                right=axes_width,
                walls=wall_inches,
            )
            # a lane's name needs as many inches in thinner rows as in a figure's own
            named = math.ceil(min_rows.get(name, 1) * ROW_INCHES / row_inches - 0.02)
            used = max([1, *(p.row + p.span for p in packed)])
            rows[name] = max(named, used)
            # a lane taller than its marks (for its name, written beside them) has its marks in its middle, by the name
            down = (rows[name] - used) // 2
            placed.update({p.key: attrs.evolve(p, row=p.row + down) if down else p for p in packed})
        if own_figure:
            break
        fitted = axes_height / (sum(rows.values()) + headings + 0.2)
        if fitted >= row_inches * 0.98:
            break
        # a row holds a line of its labels' words and their boxes: thinner, a label's box would cover the
        # words of the row above (or below) and reach over a lane's rule
        line = least_row(measure)
        if fitted >= line:
            row_inches = fitted
            continue
        if measure.fontsize <= LEAST_LABEL_FONT:  # rows as thin as the smallest type allows: no thinner
            break
        # rows thinner than a line of text: the labels in smaller type, as much smaller as the rows
        measure = largest.resized(max(LEAST_LABEL_FONT, math.floor(measure.fontsize * fitted / line * 10) / 10))
        options = {e.id: wrappings(texts[e.id], measure) for e in events}
        number_width = measure.width(str(len(events)))
        row_inches = max(fitted, least_row(measure))
    every_row = sum(rows.values()) + headings
    needed = row_inches * (every_row + 0.2)
    if not own_figure and needed > axes_height * 1.02:
        warnings.warn(
            f"plot_timeline: the axes are {axes_height:.2f} in tall, too short for the {every_row} rows "
            f"of labels, which need {needed:.2f} in at {measure.fontsize:g} pt"
            + (" (the smallest type labels are set in)" if measure.fontsize <= LEAST_LABEL_FONT else "")
            + ": the rows are thinner than their words, and words overlap. Make the axes taller "
            f"(ax.set_position, fig.set_size_inches) by {needed - axes_height:.2f} in or more, or draw fewer "
            "events (start=, end=)",
            ChronologyWarning,
            caller_level(),
        )
    from_fraction = to_fraction.inverted()

    def to_data(x: float) -> float:
        return float(from_fraction.transform((x / axes_width, 0.0))[0])

    placements = {
        key: attrs.evolve(p, x=to_data(p.x), extent=(to_data(p.extent[0]), to_data(p.extent[1])))
        for key, p in placed.items()
    }
    chosen = {key: options[key][p.choice][0] for key, p in placed.items() if p.side != "number"}
    written = {
        key: (to_data(p.x - width), to_data(p.x)) if p.anchor == "end" else (to_data(p.x), to_data(p.x + width))
        for key, p in placed.items()
        for width in [options[key][p.choice][1] if p.side != "number" else number_width]
    }
    return Labels(placements=placements, rows=rows, texts=chosen, written=written, fontsize=measure.fontsize)


def draw_labels(
    ax: Axes,
    events: Sequence[Event],
    labels: Labels,
    positions: Mapping[str, tuple[float, float]],
    colors: Mapping[str, str],
    measure: Measure,
) -> tuple[dict[str, Text], dict[int, str]]:
    """Write every label where it was placed, its first line level with its mark; number those that gave way.

    Numbers go in reading order: lane by lane, row by row, left to right. A label on its bar changes
    nothing of how the bar looks: no box behind it, its text in a colour that reads on the part it stands
    on (white on a dark bar, ``colors`` giving each event's). Beside its mark, a label stands on a box of
    the axes' own colour, so that a line passing behind it (a report's link, a grid line) stops at its words.
    Measured ``unhinted``, the labels are drawn unhinted too (:class:`UnhintedText`), keeping at any resolution
    the size they were laid out at.
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    measure = measure.resized(labels.fontsize)  # smaller where the caller's axes are short (place_labels)
    # the text hangs from half a line above its mark: one line is centred on it, more run down
    lifted = offset_copy(ax.transData, fig=figure, y=measure.height(1) / 2, units="inches")
    ground = to_rgba(ax.get_facecolor())
    backing = {
        "boxstyle": f"square,pad={LABEL_PAD}",
        "facecolor": ground if ground[3] == 1 else "white",
        "edgecolor": "none",
    }
    places = labels.placements
    in_reading_order = sorted(
        (e.id for e in events if places[e.id].side == "number"),
        key=lambda key: (positions[key][1], places[key].x, key),
    )
    numbered = dict(enumerate(in_reading_order, start=1))
    number_of = {key: number for number, key in numbered.items()}
    artists: dict[str, Text] = {}
    for event in events:
        place = places[event.id]
        _, y = positions[event.id]
        y += place.side == "under"  # the row under its bar
        text = str(number_of[event.id]) if place.side == "number" else labels.texts[event.id]
        artist = (UnhintedText if measure.unhinted else Text)(
            place.x,
            y,
            text,
            transform=lifted,
            ha="right" if place.anchor == "end" else "left",
            va="top",
            fontsize=labels.fontsize,
            color=reads_on(colors[event.id]) if place.on_bar and place.dark else _TEXT_COLOR,
            zorder=5,
            weight="bold" if place.side == "number" else "normal",
            bbox=None if place.on_bar else backing,
        )
        ax.add_artist(artist)
        artists[event.id] = artist
    return artists, numbered


def reads_on(color: str, alpha: float = 0.9) -> str:
    """The text colour that reads best on ``color`` (drawn at ``alpha`` on white): white, or near-black.

    Judged by the lightness contrast of APCA (the contrast model of WCAG 3's drafts), not WCAG 2's ratio:
    the ratio prefers black on mid-tones such as Okabe-Ito's green and vermillion, where small white words
    read better, as the eye sees them and APCA says.
    """
    ground = _apca_luminance(tuple(alpha * c + (1 - alpha) for c in to_rgb(color)))
    white = _apca_contrast(_apca_luminance((1.0, 1.0, 1.0)), ground)
    dark = _apca_contrast(_apca_luminance(to_rgb(_TEXT_COLOR)), ground)
    return "white" if white >= dark else _TEXT_COLOR


def _apca_luminance(rgb: Sequence[float]) -> float:
    """APCA's screen luminance of an sRGB colour, soft-clamped near black."""
    y = float(0.2126729 * rgb[0] ** 2.4 + 0.7151522 * rgb[1] ** 2.4 + 0.0721750 * rgb[2] ** 2.4)
    return y if y > 0.022 else y + float((0.022 - y) ** 1.414)


def _apca_contrast(text: float, ground: float) -> float:
    """APCA's lightness contrast (0-106) of words of luminance ``text`` on a ground of luminance ``ground``."""
    if ground > text:  # dark words on a light ground
        return float(ground**0.56 - text**0.57) * 114.0
    return float(text**0.62 - ground**0.65) * 114.0


# -- sources --------------------------------------------------------------------------------------------


def citation(source: Source, *, title_chars: int | None = 60) -> str:
    """A source as a reader would cite it: author(s), title, outlet, date; whatever of these it has.

    Three authors or more are "A et al."; a title over ``title_chars`` characters is shortened as citations
    shorten titles: to its main title (before a colon), else at a word, marked "…"; a speaker before a colon
    ("Песков: переговоры возможны") is no main title, and the title is cut at a word instead. With
    ``title_chars`` None, the title is whole (as the sources under a picture give it).
    """
    parts = []
    if source.authors:
        parts.append(names(source.authors) if len(source.authors) < 3 else f"{source.authors[0]} et al.")
    if source.title:
        title = source.title if title_chars is None else _short_title(source.title, title_chars)
        parts.append(f"“{title}”")
    if source.outlet:
        parts.append(source.outlet)
    if not parts:
        parts.append(source.id)
    if source.published is not None:
        parts.append(source.published.label)
    return ", ".join(parts)


#: Fewest words before a colon that make a main title, not a speaker ("Песков: ...").
MAIN_TITLE_WORDS: Final = 4


def _short_title(title: str, chars: int) -> str:
    """A title in at most ``chars`` characters: its main title (before a colon), else cut at a word and marked "…".

    The words before a colon are a main title only when they are a title's length (at least
    :data:`MAIN_TITLE_WORDS` words: "The Harbour and its Workers: A History"); fewer are a speaker ("Песков:
    переговоры возможны"), who alone says nothing of the report: that title is cut at a word, never at its colon.
    """
    main, colon, _ = title.partition(": ")
    if len(title) > chars and colon and len(main.split()) >= MAIN_TITLE_WORDS and len(main) <= chars + 20:
        return main
    cut = shorten(title, chars)
    return cut[:-1].rstrip(" ,;:\u2013\u2014-") + "…" if cut.endswith("…") and cut != title else cut


def source_keys(view: Timeline, events: Iterable[Event]) -> dict[str, str]:
    """The sources the events cite, each with its letter ("a", "b", … "z", "aa", …), by date, then citation.

    A source without a date comes after those with one.
    """
    cited = [view.sources[s] for s in dict.fromkeys(s for e in events for s in e.sources) if s in view.sources]
    ordered = sorted(
        cited,
        key=lambda source: (
            source.published is None,
            (source.published.lo, source.published.hi) if source.published is not None else (0, 0),
            citation(source).casefold(),
            source.id,
        ),
    )
    return {source.id: _letters(n) for n, source in enumerate(ordered)}


def _letters(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa": as a spreadsheet names its columns, in lower case."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def citations_of(view: Timeline, events: Iterable[Event], *, lettered: bool = False) -> tuple[str, ...]:
    """Each source the events cite, cited whole (its title too), by date, then citation; empty if none is cited.

    ``lettered``: each source after its letter ("[a] "), as the source lanes name them.
    """
    keys = source_keys(view, events)
    # a source's letter kept together with its citation
    return tuple(
        f"[{key}]\u00a0" * lettered + drawable(citation(view.sources[s], title_chars=None)) for s, key in keys.items()
    )


def sources_text(citations: Sequence[str], inches: float, measure: Measure, lines: int = NOTE_LINES) -> str:
    """The sources under a picture: "Sources: " and the ``citations``, wrapped to ``inches``, on at most ``lines``.

    Every citation is whole where they all fit. Where they do not, as many as fit are given whole, in order,
    and the rest are counted: "…; and 12 more sources not shown." Only where not even the first fits is it
    cut, at a word, marked "…". Empty when there are no citations.
    """
    if not citations:
        return ""

    def note(shown: Sequence[str], hidden: int) -> list[str]:
        sources = f"source{'s' if hidden > 1 else ''}"
        told = [*shown, f"and {hidden} more {sources} not shown"] if shown and hidden else list(shown)
        told = told or [f"{hidden} {sources}, not shown"]
        return fill("Sources: " + "; ".join(told) + ".", inches, measure)

    wrapped = note(citations, 0)
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    low, high = 0, len(citations) - 1  # the most whole citations that fit with the count of the rest
    while low < high:
        middle = (low + high + 1) // 2
        if len(note(citations[:middle], len(citations) - middle)) <= lines:
            low = middle
        else:
            high = middle - 1
    if low:
        return "\n".join(note(citations[:low], len(citations) - low))
    words = citations[0].split(" ")
    for count in range(len(words) - 1, 0, -1):  # the first citation, cut at a word
        cut = " ".join(words[:count]).rstrip(" ,;:") + "…"
        wrapped = note([cut], len(citations) - 1)
        if len(wrapped) <= lines:
            return "\n".join(wrapped)
    return "\n".join(note([], len(citations))[:lines])


# -- under the plot -------------------------------------------------------------------------------------


def shortened_handle(chars: int) -> Artist:
    """A legend entry saying that titles were shortened (it draws no mark)."""
    return Patch(facecolor="none", edgecolor="none", label=f"titles shortened to {chars} characters (…)")


@attrs.frozen
class Finished:
    """The words around the plot."""

    title: Text | None
    legend: Legend | None
    key: tuple[Text, ...]
    footnote: Text | None


@attrs.frozen
class Room:
    """The room, in inches, between each side of the axes and the figure's edge or the next axes, less :data:`PAD`.

    ``lone``: the axes are the figure's only ones, so that the words under them may take its whole width;
    ``stacked``: other axes are under them (the room below ends there, not at the figure's edge).
    """

    left: float
    right: float
    above: float
    below: float
    lone: bool
    stacked: bool = False

    @classmethod
    def around(cls, ax: Axes, renderer: Any) -> Room:
        """The room around ``ax`` in the figure it is drawn on, up to the figure's edges and its other axes."""
        figure = ax.get_figure(root=True)
        assert isinstance(figure, Figure)
        dpi = float(figure.dpi)
        outer, box = figure.bbox, ax.get_window_extent(renderer)
        left, right = float(box.x0 - outer.x0), float(outer.x1 - box.x1)
        above, below = float(outer.y1 - box.y1), float(box.y0 - outer.y0)
        others = [other.get_window_extent(renderer) for other in figure.get_axes() if other is not ax]
        stacked = False
        for other in others:
            if other.x0 < box.x1 and box.x0 < other.x1:  # above or under ours
                if other.y1 <= box.y0:
                    stacked = True
                    below = min(below, float(box.y0 - other.y1))
                elif other.y0 >= box.y1:
                    above = min(above, float(other.y0 - box.y1))
            elif other.y0 < box.y1 and box.y0 < other.y1:  # beside ours
                if other.x1 <= box.x0:
                    left = min(left, float(box.x0 - other.x1))
                elif other.x0 >= box.x1:
                    right = min(right, float(other.x0 - box.x1))
        return cls(
            left=left / dpi - PAD,
            right=right / dpi - PAD,
            above=above / dpi - PAD,
            below=below / dpi - PAD,
            lone=not others,
            stacked=stacked,
        )


def makes_room(ax: Axes) -> bool:
    """Whether the figure of ``ax`` makes room for the words around its axes when drawn: constrained or tight layout.

    Such a figure places its axes anew at every drawing, around what is drawn beside them (a legend, texts
    under the axes), so that nothing around a caller's axes need be left out for want of room.
    """
    figure = ax.get_figure(root=True)
    return isinstance(figure, Figure) and isinstance(
        figure.get_layout_engine(), (ConstrainedLayoutEngine, TightLayoutEngine)
    )


def lane_room(ax: Axes, renderer: Any, figure_width: float, group_by: str | None, *, own_figure: bool) -> float:
    """How wide lane names may be: :func:`lane_inches`, and on axes handed over no wider than the margin."""
    inches = lane_inches(figure_width, group_by)
    if own_figure:
        return inches
    return min(inches, Room.around(ax, renderer).left - TICK_PAD)


@attrs.frozen
class _Under:
    """The legend, key and sources under the axes, and how far down they reach (inches, negative)."""

    legend: Legend | None
    key: tuple[Text, ...]
    note: Text | None
    bottom: float

    def remove(self) -> None:
        for artist in (self.legend, *self.key, self.note):
            if artist is not None:
                artist.remove()


def finish(
    ax: Axes,
    renderer: Any,
    *,
    own_figure: bool,
    width: float,
    left: float,
    total_rows: int,
    heading: str,
    handles: Sequence[Artist] | None,
    key: Sequence[tuple[int, str]],
    sources: Sequence[str],
    left_out: Sequence[str] = (),
    makes_room: bool = False,
) -> Finished:
    """Title above; under the axis, the legend, the key and the sources; a figure of its own sized to them.

    Everything under the axes is placed in inches from its lower left corner, so it stays in place
    when a figure of its own is given its final height. On axes handed over, the words take the room the
    figure has around the axes: the title in smaller type, else left out; the legend, key and sources in
    smaller type, else as many as fit, the key first (its numbers stand in the picture), then the legend,
    then the sources. What is left out (with ``left_out``, said by the caller) is named in one
    :class:`~chronology.errors.ChronologyWarning`. ``sources`` are the citations (:func:`citations_of`),
    written as :func:`sources_text` writes them; none for no sources line. With ``makes_room`` (a caller's
    figure in constrained or tight layout: :func:`makes_room`), every word is drawn, in full-size type: the
    figure's layout engine makes room for them.
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    axes_width, _ = _axes_inches(ax)
    missing = list(left_out)
    if own_figure:
        band_x, band = -(left - PAD), width - 2 * PAD
        room = Room(left=math.inf, right=math.inf, above=math.inf, below=math.inf, lone=True)
    else:
        room = Room.around(ax, renderer)
        if makes_room:
            room = attrs.evolve(room, above=math.inf, below=math.inf)
        if room.lone:  # nothing beside the axes: the words may take the figure's whole width
            band_x, band = -room.left, axes_width + room.left + room.right
        else:
            band_x = max(0.0, -room.left)
            band = axes_width + min(0.0, room.right) - band_x

    def at(x: float, y: float) -> Transform:
        return offset_copy(ax.transAxes, fig=figure, x=x, y=y, units="inches")

    title = None
    title_height = 0.0
    heading = drawable(heading)
    if heading:
        for size in (TITLE_FONT,) if own_figure else (TITLE_FONT, FONT_SIZE + 1):
            bold = Measure(figure, renderer, size, "bold")
            space = (width - left - PAD) if own_figure else axes_width
            wrapped = "\n".join(line for part in heading.split("\n") for line in fill(part, space, bold))
            height = bold.height(wrapped.count("\n") + 1) + 6 / 72  # the title's pad above the axes
            if height <= room.above:
                title = ax.set_title(wrapped, loc="left", fontsize=size, weight="bold")
                title_height = height
                break
        else:
            missing.append("the title")
    axis = _axis_height(ax, renderer)
    top = -axis - 0.1
    wanted = [name for name, given in (("key", key), ("legend", handles), ("sources", sources)) if given]
    under = _under(ax, renderer, handles, key, sources, band, band_x, top, at, wanted, 0.0)
    if -under.bottom > room.below:
        under.remove()
        under = _under(ax, renderer, handles, key, sources, band, band_x, top, at, wanted, SMALLER)
    needed = -under.bottom  # inches under the axes that the dates and all the words take, in smaller type
    if -under.bottom > room.below:
        under.remove()
        # what fits, the key first: without it, the numbers in the picture mean nothing
        spare, kept = room.below + top, []
        for name in wanted:
            alone = _under(ax, renderer, handles, key, sources, band, band_x, 0.0, at, [name], SMALLER)
            alone.remove()
            if -alone.bottom <= spare:
                kept.append(name)
                spare += alone.bottom
            else:
                missing.append({"key": "the key of numbered labels", "legend": "the legend"}.get(name, "the sources"))
        under = _under(ax, renderer, handles, key, sources, band, band_x, top, at, kept, SMALLER)
    if own_figure:
        plot = max(total_rows + 0.2, 3.0) * ROW_INCHES
        top_margin = PAD + (title_height if title is not None else 0.05)
        bottom = -under.bottom + PAD
        height = top_margin + plot + bottom
        figure.set_size_inches(width, height)
        box = ax.get_position()
        ax.set_position((box.x0, bottom / height, box.width, plot / height))
    else:
        _say_what_did_not_fit(missing, room, axis, ax, needed)
    return Finished(title=title, legend=under.legend, key=under.key, footnote=under.note)


def _say_what_did_not_fit(missing: Sequence[str], room: Room, axis: float, ax: Axes, needed: float) -> None:
    """One warning naming what was left out for want of room around a caller's axes, and how to make room.

    The advice fits the figure: for words under the axes, the room they need (``needed`` inches, less what
    there is), made with ``hspace`` between stacked axes or ``bottom`` under the lowest, as numbers that
    work for this figure; or constrained layout, which makes the room itself.
    """
    problems = []
    if missing:
        problems.append(f"left out for want of room around the axes: {', '.join(missing)}")
    overflow = axis - room.below - PAD  # inches the dates under the axis reach beyond the room there
    if overflow >= 0.005:
        beyond = "into the axes under them" if room.stacked else "beyond the figure"
        problems.append(f"the dates under the axis reach {overflow:.2f} in {beyond}")
    if not problems:
        return
    under = [name for name in missing if name not in ("the lane names", "the title")]
    advice = []
    if under or overflow >= 0.005:
        advice.append(_room_under(ax, room, needed))
    if "the lane names" in missing or "the title" in missing:
        advice.append("leave room beside and above the axes (for example figure.subplots_adjust(left=0.2, top=0.85))")
    warnings.warn(
        "plot_timeline: "
        + "; ".join(problems)
        + ". To draw them: "
        + "; ".join(advice)
        + '; or make the figure in constrained layout (plt.subplots(..., layout="constrained")), which makes '
        "the room itself; or let plot_timeline make a figure of its own (ax=None).",
        ChronologyWarning,
        stacklevel=caller_level(),
    )


def _room_under(ax: Axes, room: Room, needed: float) -> str:
    """How to give ``ax`` ``needed`` inches under it: ``hspace`` between stacked axes, ``bottom`` under the lowest."""
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    gap = math.ceil((needed + PAD + 0.05) * 10) / 10  # inches, with a little to spare
    spec = ax.get_subplotspec()
    if spec is None:
        return f"leave {gap:.1f} in under the axes (move them up with ax.set_position)"
    grid = spec.get_gridspec()
    params = grid.get_subplot_params(figure)
    height = figure.get_figheight()
    if room.stacked:
        rows = grid.nrows
        tall = (params.top - params.bottom) * height - (rows - 1) * gap  # what the rows of axes keep
        if tall < 0.5 * rows:
            return f"leave {gap:.1f} in between these axes and the ones under them: make the figure taller"
        hspace = rows * gap / tall
        return (
            f"leave {gap:.1f} in between these axes and the ones under them: "
            f"figure.subplots_adjust(hspace={math.ceil(hspace * 100) / 100:.2f})"
        )
    bottom = gap / height + (params.bottom - ax.get_position().y0)  # the lowest axes start at ``bottom``
    if bottom >= params.top - 0.1:
        return f"leave {gap:.1f} in under the axes: make the figure taller"
    return f"leave {gap:.1f} in under the axes: figure.subplots_adjust(bottom={math.ceil(bottom * 100) / 100:.2f})"


def caller_level() -> int:
    """The ``stacklevel`` of the first caller outside chronology (a warning names the user's line)."""
    package = str(Path(__file__).resolve().parent.parent)
    frame = sys._getframe(1)
    level = 1
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(package):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _under(
    ax: Axes,
    renderer: Any,
    handles: Sequence[Artist] | None,
    key: Sequence[tuple[int, str]],
    sources: Sequence[str],
    band: float,
    band_x: float,
    y: float,
    at: Callable[[float, float], Transform],
    wanted: Sequence[str],
    smaller: float,
) -> _Under:
    """The legend, the key and the sources, those ``wanted``, one under the other from ``y`` down."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    legend = None
    gap = 0.0  # between one block and the next
    if handles and "legend" in wanted:
        # in smaller type, in as many columns as the band holds: a row saved
        most = len(handles) if smaller else 4
        legend = _legend(ax, renderer, handles, band, at(band_x + band / 2, y), FONT_SIZE - smaller, most)
        y -= legend.get_window_extent(renderer).height / figure.dpi
        gap = 0.08
    columns: tuple[Text, ...] = ()
    if key and "key" in wanted:
        y -= gap
        columns = _key(ax, renderer, key, band, band_x, y, at, KEY_FONT - smaller)
        y -= max(t.get_window_extent(renderer).height for t in columns) / figure.dpi
        gap = 0.1
    note = None
    if sources and "sources" in wanted:
        y -= gap
        small = Measure(figure, renderer, NOTE_FONT - smaller)
        text = sources_text(sources, band, small)
        note = ax.text(
            0,
            0,
            text,
            transform=at(band_x, y),
            ha="left",
            va="top",
            fontsize=NOTE_FONT - smaller,
            color="#555555",
        )
        y -= small.height(text.count("\n") + 1)
    return _Under(legend=legend, key=columns, note=note, bottom=y)


def _axis_height(ax: Axes, renderer: Any) -> float:
    """How far the x axis's tick labels and offset reach under the axes, in inches."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    axis = ax.xaxis.get_tightbbox(renderer)
    if axis is None:
        return 0.0
    return max(0.0, float(ax.get_window_extent(renderer).y0 - axis.y0) / float(figure.dpi))


def _legend(
    ax: Axes,
    renderer: Any,
    handles: Sequence[Artist],
    band: float,
    anchor: Transform,
    fontsize: float,
    most: int = 4,
) -> Legend:
    """The legend in as many columns (up to ``most``) as fit the band."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    columns = min(most, len(handles))
    while True:
        legend = ax.legend(
            handles=list(handles),
            loc="upper center",
            bbox_to_anchor=(0, 0),
            bbox_transform=anchor,
            ncols=columns,
            frameon=False,
            fontsize=fontsize,
            borderaxespad=0.0,
            borderpad=0.0,
        )
        if columns == 1 or legend.get_window_extent(renderer).width / figure.dpi <= band:
            return legend
        columns -= 1


def _key(
    ax: Axes,
    renderer: Any,
    entries: Sequence[tuple[int, str]],
    band: float,
    band_x: float,
    y: float,
    at: Callable[[float, float], Transform],
    fontsize: float,
) -> tuple[Text, ...]:
    """The numbered labels, whole, in a grid of as many columns as the band holds, one text a column.

    Entries run down each column in order, the same number in each; each is wrapped to its column, and an
    entry's first line is level with the first lines of its neighbours in the other columns.
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    measure = Measure(figure, renderer, fontsize)
    digits = len(str(max(n for n, _ in entries)))
    indent = _FIGURE_SPACE * digits + "  "
    gap = 0.25
    fits = max(1, min(len(entries), int((band + gap) // (KEY_COLUMN + gap)), 4))
    per_column = math.ceil(len(entries) / fits)
    count = math.ceil(len(entries) / per_column)
    column_width = (band - (count - 1) * gap) / count
    room = column_width - measure.width(indent)
    written = []
    for number, text in sorted(entries):
        lines = fill(text, room, measure)
        head = str(number).rjust(digits, _FIGURE_SPACE) + "  "
        written.append([head + lines[0], *(indent + line for line in lines[1:])])
    columns = [written[c * per_column : (c + 1) * per_column] for c in range(count)]
    heights = [max(len(column[r]) for column in columns if r < len(column)) for r in range(per_column)]
    return tuple(
        ax.text(
            0,
            0,
            "\n".join(
                line
                for r, lines in enumerate(column)
                for line in lines + [""] * ((heights[r] - len(lines)) if r < len(column) - 1 else 0)
            ),
            transform=at(band_x + c * (column_width + gap), y),
            ha="left",
            va="top",
            fontsize=fontsize,
            color=_TEXT_COLOR,
        )
        for c, column in enumerate(columns)
    )
