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
caller hands over, the same words go under the axes, at the same distances.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Transform, offset_copy

from chronology.errors import PlotError
from chronology.events import Event, Source
from chronology.exchange._describe import names, source_label
from chronology.plot._labels import Footprint, Placement, pack
from chronology.plot._style import FONT_SIZE
from chronology.timeline import Timeline

__all__ = [
    "MAX_LINES",
    "MAX_WIDTH",
    "MIN_LABEL_CHARS",
    "MIN_WIDTH",
    "Measure",
    "check_options",
    "citation",
    "decorate_lanes",
    "draw_labels",
    "fill",
    "finish",
    "label_text",
    "lane_labels",
    "place_labels",
    "sources_line",
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
GAP: Final = 0.06  # between a mark and its label, and between neighbours
RIGHT: Final = 0.3  # the right margin: room for half a date named under the last tick
LANE_SHARE: Final = 0.3  # lane names take at most this share of the width
TICK_PAD: Final = 3.5 / 72  # matplotlib's space between a lane name and the axes
LANE_FONT: Final = FONT_SIZE + 0.5
TITLE_FONT: Final = FONT_SIZE + 3
NOTE_FONT: Final = FONT_SIZE - 1
KEY_FONT: Final = FONT_SIZE - 0.5
KEY_COLUMN: Final = 3.2  # the narrowest column of the key
_FIGURE_SPACE: Final = "\u2007"  # as wide as a digit: numbers in the key line up
_BACKING: Final = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


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


class Measure:
    """The size in inches of text in one font on one figure."""

    def __init__(self, figure: Figure, renderer: Any, fontsize: float, weight: str = "normal") -> None:
        self._probe = Text(0, 0, "", fontsize=fontsize, weight=weight, figure=figure)
        self._renderer = renderer
        self._dpi = figure.dpi
        self._sizes: dict[str, tuple[float, float]] = {}

    def size(self, text: str) -> tuple[float, float]:
        """Width and height of ``text`` (lines split at newlines)."""
        if text not in self._sizes:
            self._probe.set_text(text)
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
    for word in text.split():
        for piece in _pieces(word, inches, measure):
            trial = f"{current} {piece}" if current else piece
            if current and measure.width(trial) > inches:
                lines.append(current)
                current = piece
            else:
                current = trial
    lines.append(current)
    return lines


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
    text = label(event) if label is not None else (event.title or event.id)
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


def lane_labels(
    view: Timeline, names: Sequence[str], group_by: str | None, measure: Measure, inches: float
) -> dict[str, str]:
    """How each lane is named beside it, wrapped to ``inches``.

    A source lane is named by its outlet (or short title) over its date; two sources that would read
    the same are told apart by their ids.
    """
    if group_by == "source":
        shown = {n: source_label(n, view.sources, width=24) for n in names}
        seen: dict[str, int] = {}
        for text in shown.values():
            seen[text] = seen.get(text, 0) + 1
        shown = {n: text if seen[text] == 1 else n for n, text in shown.items()}
    else:
        shown = {n: n for n in names}
    return {
        n: "\n".join(line for part in text.split("\n") for line in fill(part, inches, measure))
        for n, text in shown.items()
    }


def lane_rows(shown: Mapping[str, str], measure: Measure) -> dict[str, int]:
    """The rows a lane needs for its name to stand beside it without reaching into the next lane."""
    return {n: max(1, math.ceil(measure.height(text.count("\n") + 1) / ROW_INCHES - 0.02)) for n, text in shown.items()}


def decorate_lanes(
    ax: Axes,
    names: Sequence[str],
    tops: Mapping[str, float],
    rows: Mapping[str, int],
    colors: Mapping[str, str],
    shown: Mapping[str, str],
) -> None:
    """Name each lane beside it, in its colour, and rule the lanes apart."""
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


def _span(lines: int, measure: Measure, row_inches: float) -> int:
    """The rows a label of ``lines`` lines reaches when its first line is level with its mark."""
    top = -measure.height(1) / 2 / row_inches
    bottom = top + measure.height(lines) / row_inches
    return max(1, math.ceil(bottom + 0.5 - 1e-9))


@attrs.frozen
class Labels:
    """Where each label went and what it says, and the rows each lane takes."""

    placements: dict[str, Placement]
    rows: dict[str, int]
    texts: dict[str, str]
    written: dict[str, tuple[float, float]]  # the span of x each label's text takes


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
) -> Labels:
    """Measure every label, in each of its wrappings, then pack each lane's footprints into rows.

    ``extents`` are the marks' (start, stop) in data x; ``walls``, spans of data x no label on a bar
    crosses (the axis's breaks). Packing works in inches; a figure of its own has rows
    :data:`ROW_INCHES` high, while on axes handed over the rows are as high as the axes allow, found
    in a few rounds.
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

    inches = dict(zip([e.id for e in events], to_inches([extents[e.id] for e in events]), strict=True))
    wall_inches = to_inches(walls)
    options = {e.id: wrappings(texts[e.id], measure) for e in events}
    number_widths = {e.id: measure.width(str(n)) + GAP for n, e in enumerate(events, start=1)}
    row_inches = ROW_INCHES
    for _ in range(4):
        placed: dict[str, Placement] = {}
        rows: dict[str, int] = {}
        for name, members in lanes.items():
            footprints = [
                Footprint(
                    e.id,
                    *inches[e.id],
                    tuple((width, _span(text.count("\n") + 1, measure, row_inches)) for text, width in options[e.id]),
                    number_widths[e.id],
                )
                for e in members
            ]
            packed = pack(footprints, gap=GAP, left=0.0, right=axes_width, walls=wall_inches)
            placed.update({p.key: p for p in packed})
            rows[name] = max([min_rows.get(name, 1), *(p.row + p.span for p in packed)])
        if own_figure:
            break
        fitted = axes_height / (sum(rows.values()) + 0.2)
        if fitted >= row_inches * 0.98:
            break
        row_inches = fitted
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
        for width in [options[key][p.choice][1] if p.side != "number" else number_widths[key] - GAP]
    }
    return Labels(placements=placements, rows=rows, texts=chosen, written=written)


def draw_labels(
    ax: Axes,
    events: Sequence[Event],
    labels: Labels,
    positions: Mapping[str, tuple[float, float]],
    solids: Mapping[str, tuple[float, float] | None],
    measure: Measure,
) -> tuple[dict[str, Text], dict[int, str]]:
    """Write every label where it was placed, its first line level with its mark; number those that gave way."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    # the text hangs from half a line above its mark: one line is centred on it, more run down
    lifted = offset_copy(ax.transData, fig=figure, y=measure.height(1) / 2, units="inches")
    artists: dict[str, Text] = {}
    numbered: dict[int, str] = {}
    for event in events:
        place = labels.placements[event.id]
        _, y = positions[event.id]
        if place.side == "number":
            number = len(numbered) + 1
            numbered[number] = event.id
            text = str(number)
        else:
            text = labels.texts[event.id]
        solid, (x0, x1) = solids.get(event.id), labels.written[event.id]
        # on its bar: white on the dark part when one line fits it wholly; else dark, on a light backing
        # where it would stand on the dark part
        on_solid = place.on_bar and "\n" not in text and solid is not None and solid[0] <= x0 and x1 <= solid[1]
        backed = not place.on_bar or (not on_solid and solid is not None and x0 < solid[1] and solid[0] < x1)
        artists[event.id] = ax.text(
            place.x,
            y,
            text,
            transform=lifted,
            ha="right" if place.anchor == "end" else "left",
            va="top",
            fontsize=FONT_SIZE,
            color="white" if on_solid else "#222222",
            zorder=5,
            weight="bold" if place.side == "number" else "normal",
            # beside its mark, a line passing behind the words leaves them readable; on a bar, the bar shows
            bbox=_BACKING if backed else None,
        )
    return artists, numbered


# -- sources --------------------------------------------------------------------------------------------


def citation(source: Source) -> str:
    """A source as a reader would cite it: author(s), short title, outlet, date; whatever of these it has.

    Three authors or more are "A et al."; a title over 60 characters is shortened as citations
    shorten titles: to its main title (before a colon), else at a word, marked "…".
    """
    parts = []
    if source.authors:
        parts.append(names(source.authors) if len(source.authors) < 3 else f"{source.authors[0]} et al.")
    if source.title:
        parts.append(f"“{_short_title(source.title, 60)}”")
    if source.outlet:
        parts.append(source.outlet)
    if not parts:
        parts.append(source.id)
    if source.published is not None:
        parts.append(source.published.label)
    return ", ".join(parts)


def _short_title(title: str, chars: int) -> str:
    main, colon, _ = title.partition(": ")
    return main if len(title) > chars and colon and 0 < len(main) <= chars + 20 else shorten(title, chars)


def sources_line(view: Timeline, events: Iterable[Event]) -> str:
    """The line naming each source the events cite, as a citation; empty if none is cited."""
    cited = dict.fromkeys(source for e in events for source in e.sources)
    parts = [citation(view.sources[s]) for s in cited if s in view.sources]
    return "Sources: " + "; ".join(parts) + "." if parts else ""


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
    sources: str,
) -> Finished:
    """Title above; under the axis, the legend, the key and the sources; a figure of its own sized to them.

    Everything under the axes is placed in inches from its lower left corner, so it stays in place
    when a figure of its own is given its final height.
    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    axes_width, _ = _axes_inches(ax)
    if own_figure:
        band_x, band = -(left - PAD), width - 2 * PAD
    else:
        band_x, band = 0.0, axes_width

    def at(x: float, y: float) -> Transform:
        return offset_copy(ax.transAxes, fig=figure, x=x, y=y, units="inches")

    title = None
    title_height = 0.0
    if heading:
        bold = Measure(figure, renderer, TITLE_FONT, "bold")
        room = (width - left - PAD) if own_figure else axes_width
        wrapped = "\n".join(line for part in heading.split("\n") for line in fill(part, room, bold))
        title = ax.set_title(wrapped, loc="left", fontsize=TITLE_FONT, weight="bold")
        title_height = bold.height(wrapped.count("\n") + 1) + 6 / 72  # the title's pad above the axes
    y = -_axis_height(ax, renderer) - 0.1
    legend = None
    if handles:
        legend = _legend(ax, renderer, handles, band, at(band_x + band / 2, y))
        y -= legend.get_window_extent(renderer).height / figure.dpi + 0.08
    columns: tuple[Text, ...] = ()
    if key:
        columns = _key(ax, renderer, key, band, band_x, y, at)
        y -= max(t.get_window_extent(renderer).height for t in columns) / figure.dpi + 0.1
    note = None
    if sources:
        small = Measure(figure, renderer, NOTE_FONT)
        text = "\n".join(fill(sources, band, small))
        note = ax.text(0, 0, text, transform=at(band_x, y), ha="left", va="top", fontsize=NOTE_FONT, color="#555555")
        y -= small.height(text.count("\n") + 1)
    if own_figure:
        plot = max(total_rows + 0.2, 3.0) * ROW_INCHES
        top = PAD + (title_height if title is not None else 0.05)
        bottom = -y + PAD
        height = top + plot + bottom
        figure.set_size_inches(width, height)
        box = ax.get_position()
        ax.set_position((box.x0, bottom / height, box.width, plot / height))
    return Finished(title=title, legend=legend, key=columns, footnote=note)


def _axis_height(ax: Axes, renderer: Any) -> float:
    """How far the x axis's tick labels and offset reach under the axes, in inches."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    axis = ax.xaxis.get_tightbbox(renderer)
    if axis is None:
        return 0.0
    return max(0.0, float(ax.get_window_extent(renderer).y0 - axis.y0) / float(figure.dpi))


def _legend(ax: Axes, renderer: Any, handles: Sequence[Artist], band: float, anchor: Transform) -> Legend:
    """The legend in as many columns (up to four) as fit the band."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    columns = min(4, len(handles))
    while True:
        legend = ax.legend(
            handles=list(handles),
            loc="upper center",
            bbox_to_anchor=(0, 0),
            bbox_transform=anchor,
            ncols=columns,
            frameon=False,
            fontsize=FONT_SIZE,
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
) -> tuple[Text, ...]:
    """The numbered labels, whole, in as many columns as the band holds, each entry wrapped to its column."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    measure = Measure(figure, renderer, KEY_FONT)
    digits = len(str(max(n for n, _ in entries)))
    indent = _FIGURE_SPACE * digits + "  "
    gap = 0.25
    count = max(1, min(len(entries), int((band + gap) // (KEY_COLUMN + gap)), 4))
    column_width = (band - (count - 1) * gap) / count
    room = column_width - measure.width(indent)
    written = []
    for number, text in entries:
        lines = fill(text, room, measure)
        head = str(number).rjust(digits, _FIGURE_SPACE) + "  "
        written.append([head + lines[0], *(indent + line for line in lines[1:])])
    # columns filled top to bottom, about the same number of lines in each
    total = sum(len(w) for w in written)
    per_column = math.ceil(total / count)
    columns: list[list[str]] = [[]]
    for lines in written:
        if columns[-1] and len(columns[-1]) + len(lines) > per_column and len(columns) < count:
            columns.append([])
        columns[-1].extend(lines)
    return tuple(
        ax.text(
            0,
            0,
            "\n".join(lines),
            transform=at(band_x + c * (column_width + gap), y),
            ha="left",
            va="top",
            fontsize=KEY_FONT,
            color="#222222",
        )
        for c, lines in enumerate(columns)
    )
