"""Placing labels where they overlap nothing: packed into rows by their measured extents.

Every event takes a *footprint* on the x axis: its mark plus its label, written
to the right of the mark (or to the left when the right runs out of room, or
as a short number keyed below the plot when neither fits). Footprints are then
packed greedily into rows, so within a row no two footprints meet; rows are
spaced at least a text height apart, so labels in different rows cannot meet
either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

__all__ = ["Footprint", "Placement", "pack"]

Side = Literal["right", "left", "inside", "number"]


@attrs.frozen
class Footprint:
    """One event's mark and the widths of its label and of its number, in data units."""

    key: str
    start: float  # the mark's left edge
    stop: float  # the mark's right edge
    label_width: float
    number_width: float


@attrs.frozen
class Placement:
    """Where one event's label went: its row, its side, and the x where its text begins or ends."""

    key: str
    row: int
    side: Side
    x: float
    extent: tuple[float, float]


def pack(
    footprints: Sequence[Footprint], *, gap: float, left: float, right: float, max_rows: int = 12
) -> list[Placement]:
    """Rows and sides for every footprint, so that no two extents in a row overlap.

    Args:
        footprints: the events of one lane.
        gap: the space between a mark and its label, and between neighbours.
        left: the left edge of the view; labels never start before it.
        right: the right edge of the view; labels never end after it.
        max_rows: rows a lane may grow to before labels that fit no row give way to numbers.

    """
    placed: list[Placement] = []
    row_ends: list[float] = []

    def first_fit(extent: tuple[float, float]) -> int | None:
        for row, end in enumerate(row_ends):
            if extent[0] > end + gap:
                return row
        return None

    for item in sorted(footprints, key=lambda f: (f.start, f.stop, f.key)):
        labelled: list[tuple[Side, float, tuple[float, float]]] = []
        if item.stop + gap + item.label_width <= right:
            labelled.append(("right", item.stop + gap, (item.start, item.stop + gap + item.label_width)))
        if item.start - gap - item.label_width >= left:
            labelled.append(("left", item.start - gap, (item.start - gap - item.label_width, item.stop)))
        inner_left = max(item.start, left)
        if min(item.stop, right) - inner_left >= item.label_width + 2 * gap:  # a long bar: written on it
            labelled.append(("inside", inner_left + gap, (item.start, item.stop)))
        if item.stop + gap + item.number_width <= right:
            number: tuple[Side, float, tuple[float, float]] = (
                "number",
                item.stop + gap,
                (item.start, item.stop + gap + item.number_width),
            )
        else:
            number = ("number", item.start - gap, (item.start - gap - item.number_width, item.stop))
        chosen: tuple[int, tuple[Side, float, tuple[float, float]]] | None = None
        for option in labelled:
            row = first_fit(option[2])
            if row is not None:
                chosen = (row, option)
                break
        if chosen is None and labelled and len(row_ends) < max_rows:
            row_ends.append(float("-inf"))
            chosen = (len(row_ends) - 1, labelled[0])
        if chosen is None:
            row = first_fit(number[2])
            if row is None:
                row_ends.append(float("-inf"))
                row = len(row_ends) - 1
            chosen = (row, number)
        row, (side, x, extent) = chosen
        row_ends[row] = max(row_ends[row], extent[1])
        placed.append(Placement(item.key, row, side, x, extent))
    return placed
