"""Placing labels where they overlap nothing: packed into rows by their measured extents.

Every event takes a *footprint* on the x axis: its mark plus its label, written
to the right of the mark, to the left, on a long bar, or as a short number
keyed below the plot when none of these fits. A label may be written on one
line or wrapped onto a few; a wrapped label is narrower but reaches down into
the rows under its mark. Footprints are packed greedily into rows, so that no
two footprints meet in any row either touches, and two texts that face each
other in a row keep a clear gap, so that they never read as one line.

A label is written on a bar only where the bar holds the whole text: on one
line, on a bar as tall as the words, where the bar has one colour under all of
them: on its solid part (in a colour that reads on it) or on a light part;
never across the two, never wrapped (a second line would hang off the bar,
over its edge, and read as written across it), and never with a box that
would change how the bar looks. Beside its mark, a label's extent takes the
whole mark in every row it reaches, so that no label is written on a mark. A
bar wider than its label may have it hang in the row under it, as a caption,
where that keeps the lane as low as writing it beside the bar on more lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Literal

import attrs

__all__ = ["Footprint", "Placement", "pack"]

Side = Literal["right", "left", "inside", "under", "number"]


@attrs.frozen
class Footprint:
    """One event's mark, the ways its label can be written, and the width of its number.

    Attributes:
        key: the event's id.
        start: the mark's left edge.
        stop: the mark's right edge.
        labels: each way of writing the label, fewest lines first: (width, rows it reaches, lines).
        number_width: the width of its number, should it need one.
        surfaces: the stretches of its bar a label may be written on, left to right: (start, stop, dark),
            ``dark`` for the solid part (in a colour that reads on it); none for a dot, or a bar not as
            tall as a line of text. Only a label written on one line is written on a surface.

    """

    key: str
    start: float
    stop: float
    labels: tuple[tuple[float, int, int], ...]
    number_width: float
    surfaces: tuple[tuple[float, float, bool], ...] = ()


@attrs.frozen
class Placement:
    """Where one event's label went.

    Attributes:
        key: the event's id.
        row: the row of its mark (its label's first line is level with it).
        side: ``"right"``, ``"left"``, ``"inside"`` (on its bar), ``"under"`` (in the rows under a bar
            wider than its words, as its caption, or too wide for a label beside it) or ``"number"``.
        x: where the text begins (``"left"``: where it ends).
        extent: the span in x its mark and label take.
        choice: which of the footprint's ``labels`` was written (0 for a number).
        span: the rows the mark and its label reach, from ``row`` down.
        anchor: ``"start"`` when the text begins at ``x``, ``"end"`` when it ends there.
        on_bar: whether the text stands on the event's own bar (a label, or a number, written on it).
        dark: whether the part of the bar under the text is the solid (dark) part.

    """

    key: str
    row: int
    side: Side
    x: float
    extent: tuple[float, float]
    choice: int = 0
    span: int = 1
    anchor: Literal["start", "end"] = "start"
    on_bar: bool = False
    dark: bool = False


# (side, x, extent, choice, span, starts with text, ends with text, dark surface)
_Option = tuple[Side, float, tuple[float, float], int, int, bool, bool, bool]


def pack(
    footprints: Sequence[Footprint],
    *,
    gap: float,
    left: float,
    right: float,
    spacing: float | None = None,
    text_spacing: float | None = None,
    max_rows: int = 16,
    walls: Sequence[tuple[float, float]] = (),
) -> list[Placement]:
    """Rows, sides and wrappings for every footprint, so that no two extents in a row meet.

    Of the ways that fit, the one that keeps the lane lowest is taken; then the one with the
    fewest lines (right of the mark before left, on a bar before wrapping); then the highest row.
    A label that fits no row under ``max_rows`` becomes a number, unless the number would make
    the lane grow as much as the label does: then the label is written.

    Args:
        footprints: the events of one lane.
        gap: the space between a mark and its label.
        left: the left edge of the view; no text starts before it.
        right: the right edge of the view; no text ends after it.
        spacing: the space between neighbours in a row (``gap`` when None).
        text_spacing: the space between neighbours whose texts face each other, one's label ending
            where the next one's begins (``spacing`` when None): wide enough that they never read as
            one line.
        max_rows: rows a lane may grow to before labels that fit no row give way to numbers.
        walls: spans of x a label written on a bar must not cross (the breaks of the axis, where
            the bar is cut).

    """
    spacing = gap if spacing is None else spacing
    text_spacing = spacing if text_spacing is None else text_spacing
    placed: list[Placement] = []
    row_ends: list[tuple[float, bool]] = []  # per row: where its last footprint ends, and whether in text

    def free(option: _Option, row: int) -> bool:
        extent, span, starts_in_text = option[2], option[4], option[5]
        for j in range(row, min(row + span, len(row_ends))):
            end, in_text = row_ends[j]
            if extent[0] < end + (text_spacing if in_text and starts_in_text else spacing):
                return False
        return True

    def first_row(option: _Option, rows: int) -> int | None:
        return next((row for row in range(rows - option[4] + 1) if free(option, row)), None)

    for item in sorted(footprints, key=lambda f: (f.start, f.stop, f.key)):
        options = _options(item, gap, left, right, walls)
        best = _best(options, partial(first_row, rows=max_rows), len(row_ends))
        if best is None:
            number = _number(item, gap, left, right)
            row = first_row(number, len(row_ends) + 1)
            assert row is not None  # a new row is always free
            # a number that makes the lane grow saves nothing: a label that grows it no more is written
            limit = max(len(row_ends), row + 1)
            best = _best(options, partial(first_row, rows=limit), len(row_ends)) or (row, number)
        row, (side, x, extent, choice, span, starts_in_text, ends_in_text, dark) = best
        while len(row_ends) < row + span:
            row_ends.append((float("-inf"), False))
        for j in range(row, row + span):
            if extent[1] >= row_ends[j][0]:
                row_ends[j] = (extent[1], ends_in_text)
        # text that ends at x: a label, or a number, left of its mark
        anchor: Literal["start", "end"] = "end" if starts_in_text and not ends_in_text else "start"
        on_bar = side in ("inside", "number") and item.start < x < item.stop
        if side == "number" and on_bar:
            dark = _surface(item, x, x + item.number_width) is True
        placed.append(Placement(item.key, row, side, x, extent, choice, span, anchor, on_bar, dark))
    return placed


def _options(
    item: Footprint, gap: float, left: float, right: float, walls: Sequence[tuple[float, float]]
) -> list[_Option]:
    """Every way of writing the label that stays inside the view, in the order they are preferred."""
    options: list[_Option] = []
    for choice, (width, span, lines) in enumerate(item.labels):
        if item.stop + gap + width <= right:
            options.append(
                ("right", item.stop + gap, (item.start, item.stop + gap + width), choice, span, False, True, False)
            )
        if item.start - gap - width >= left:
            options.append(
                ("left", item.start - gap, (item.start - gap - width, item.stop), choice, span, True, False, False)
            )
        # on a long bar: on the first stretch of one colour, between walls, that holds it; on one line only,
        # since a second would hang off the bar, over its edge (white on white, or dark words across it)
        for s0, s1, dark in item.surfaces if lines == 1 else ():
            stretch = next(
                ((x0, x1) for x0, x1 in _stretches(max(s0, left), min(s1, right), walls) if x1 - x0 >= width + 2 * gap),
                None,
            )
            if stretch is not None:
                options.append(("inside", stretch[0] + gap, (item.start, item.stop), choice, span, False, False, dark))
                break
        # under a bar wider than the words, as its caption: rather than wrapped into the margin beside it
        under = max(item.start, left) + gap
        if item.stop - item.start >= width + gap and under + width <= min(item.stop, right):
            extent = (min(item.start, under), max(item.stop, under + width))
            options.append(("under", under, extent, choice, span + 1, False, False, False))
    if not options:  # a bar as wide as the view, with nowhere to write on it: the label hangs under it
        x = max(item.start, left) + gap
        for choice, (width, span, _) in enumerate(item.labels):
            if x + width <= right:
                extent = (min(item.start, x), max(item.stop, x + width))
                options.append(("under", x, extent, choice, span + 1, False, False, False))
    return options


def _best(options: Sequence[_Option], row_of: Callable[[_Option], int | None], rows: int) -> tuple[int, _Option] | None:
    """The option that keeps the lane lowest, then comes first, then sits highest; None if none fits."""
    best: tuple[tuple[int, int, int], int, _Option] | None = None
    for rank, option in enumerate(options):
        row = row_of(option)
        if row is None:
            continue
        cost = (max(rows, row + option[4]), rank, row)
        if best is None or cost < best[0]:
            best = (cost, row, option)
    return None if best is None else (best[1], best[2])


def _number(item: Footprint, gap: float, left: float, right: float) -> _Option:
    """A number: right of the mark, else left of it, else on the mark where it begins, inside the view."""
    width = item.number_width
    if item.stop + gap + width <= right:
        return ("number", item.stop + gap, (item.start, item.stop + gap + width), 0, 1, False, True, False)
    if item.start - gap - width >= left:
        return ("number", item.start - gap, (item.start - gap - width, item.stop), 0, 1, True, False, False)
    x = max(left, min(max(item.start, left) + gap, right - width))
    return ("number", x, (min(item.start, x), max(item.stop, x + width)), 0, 1, True, True, False)


def _surface(item: Footprint, x0: float, x1: float) -> bool | None:
    """Whether ``x0``-``x1`` lies on the dark part of the bar (None: on no one part of it)."""
    return next((dark for s0, s1, dark in item.surfaces if s0 <= x0 and x1 <= s1), None)


def _stretches(x0: float, x1: float, walls: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of ``x0``-``x1`` that no wall crosses, left to right."""
    parts = [(x0, x1)]
    for w0, w1 in walls:
        parts = [piece for a, b in parts for piece in ((a, min(b, w0)), (max(a, w1), b)) if piece[1] > piece[0]]
    return parts
