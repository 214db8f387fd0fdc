"""Placing labels where they overlap nothing: packed into rows by their measured extents.

Every event takes a *footprint* on the x axis: its mark plus its label, written
to the right of the mark, to the left, on a long bar, or as a short number
keyed below the plot when none of these fits. A label may be written on one
line or wrapped onto a few; a wrapped label is narrower but reaches down into
the rows under its mark. Footprints are packed greedily into rows, so that no
two footprints meet in any row either touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

__all__ = ["Footprint", "Placement", "pack"]

Side = Literal["right", "left", "inside", "number"]


@attrs.frozen
class Footprint:
    """One event's mark, the ways its label can be written, and the width of its number.

    Attributes:
        key: the event's id.
        start: the mark's left edge.
        stop: the mark's right edge.
        labels: each way of writing the label, fewest lines first: (width, rows it reaches).
        number_width: the width of its number, should it need one.

    """

    key: str
    start: float
    stop: float
    labels: tuple[tuple[float, int], ...]
    number_width: float


@attrs.frozen
class Placement:
    """Where one event's label went.

    Attributes:
        key: the event's id.
        row: the row of its mark (its label's first line is level with it).
        side: ``"right"``, ``"left"``, ``"inside"`` (on its bar) or ``"number"``.
        x: where the text begins (``"left"``: where it ends).
        extent: the span in x its mark and label take.
        choice: which of the footprint's ``labels`` was written (0 for a number).
        span: the rows the label reaches, from ``row`` down.
        anchor: ``"start"`` when the text begins at ``x``, ``"end"`` when it ends there.
        on_bar: whether the text stands on the event's own bar (a label, or a number, written on it).

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


def pack(
    footprints: Sequence[Footprint],
    *,
    gap: float,
    left: float,
    right: float,
    max_rows: int = 16,
    walls: Sequence[tuple[float, float]] = (),
) -> list[Placement]:
    """Rows, sides and wrappings for every footprint, so that no two extents in a row overlap.

    Of the ways that fit, the one that keeps the lane lowest is taken; then the one with the
    fewest lines (right of the mark before left, on a bar before wrapping); then the highest row.

    Args:
        footprints: the events of one lane.
        gap: the space between a mark and its label, and between neighbours.
        left: the left edge of the view; labels never start before it.
        right: the right edge of the view; labels never end after it.
        max_rows: rows a lane may grow to before labels that fit no row give way to numbers.
        walls: spans of x a label written on a bar must not cross (the breaks of the axis, where
            the bar is cut).

    """
    placed: list[Placement] = []
    row_ends: list[float] = []

    def free(extent: tuple[float, float], row: int, span: int) -> bool:
        return all(extent[0] > row_ends[j] + gap for j in range(row, min(row + span, len(row_ends))))

    def first_row(extent: tuple[float, float], span: int, rows: int) -> int | None:
        return next((row for row in range(rows) if free(extent, row, span)), None)

    for item in sorted(footprints, key=lambda f: (f.start, f.stop, f.key)):
        options: list[tuple[Side, float, tuple[float, float], int, int]] = []
        for choice, (width, span) in enumerate(item.labels):
            if item.stop + gap + width <= right:
                options.append(("right", item.stop + gap, (item.start, item.stop + gap + width), choice, span))
            if item.start - gap - width >= left:
                options.append(("left", item.start - gap, (item.start - gap - width, item.stop), choice, span))
            # a long bar: written on it, on the first stretch between walls that holds it
            if item.stop - item.start > width:
                for x0, x1 in _stretches(max(item.start, left), min(item.stop, right), walls):
                    if x1 - x0 >= width + 2 * gap:
                        options.append(("inside", x0 + gap, (item.start, item.stop), choice, span))
                        break
        best: tuple[tuple[int, int, int], int, tuple[Side, float, tuple[float, float], int, int]] | None = None
        for rank, option in enumerate(options):
            span = option[4]
            row = first_row(option[2], span, max_rows - span + 1)
            if row is None:
                continue
            cost = (max(len(row_ends), row + span), rank, row)
            if best is None or cost < best[0]:
                best = (cost, row, option)
        if best is None:  # a number: right of the mark, else left of it, else on the bar where it begins
            if item.stop + gap + item.number_width <= right:
                number: tuple[Side, float, tuple[float, float], int, int] = (
                    "number",
                    item.stop + gap,
                    (item.start, item.stop + gap + item.number_width),
                    0,
                    1,
                )
            elif item.start - gap - item.number_width >= left:
                number = ("number", item.start - gap, (item.start - gap - item.number_width, item.stop), 0, 1)
            else:
                number = ("number", max(item.start, left) + gap, (item.start, item.stop), 0, 1)
            row = first_row(number[2], 1, len(row_ends) + 1)
            assert row is not None  # a new row is always free
            best = ((0, 0, 0), row, number)
        _, row, (side, x, extent, choice, span) = best
        while len(row_ends) < row + span:
            row_ends.append(float("-inf"))
        for j in range(row, row + span):
            row_ends[j] = max(row_ends[j], extent[1])
        anchor: Literal["start", "end"] = "end" if x <= item.start - gap else "start"
        on_bar = item.start < x < item.stop
        placed.append(Placement(item.key, row, side, x, extent, choice, span, anchor, on_bar))
    return placed


def _stretches(x0: float, x1: float, walls: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of ``x0``-``x1`` that no wall crosses, left to right."""
    parts = [(x0, x1)]
    for w0, w1 in walls:
        parts = [piece for a, b in parts for piece in ((a, min(b, w0)), (max(a, w1), b)) if piece[1] > piece[0]]
    return parts
