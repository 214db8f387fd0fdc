"""Where a moment goes across the picture: day numbers to x, in unbroken pieces.

Every x of a timeline plot (marks, labels, links, ticks) comes from one
:class:`Scale`. Days are day numbers of the model (1 is 0001-01-01, zero and
negative before it, see :mod:`chronology._calendar`), fractional within a day
(14:30 is ``day + 0.604``), so every year the model holds has its place: years
before the common era and beyond 9999 alike.

A scale is a few :class:`Piece` s side by side. Within a piece, x grows
linearly with the days; between two pieces lies a break, a narrow stretch of x
standing for the quiet days left out. With one piece the scale is plain: x is
the day number less ``EPOCH`` (719,163: matplotlib's date numbers, kept so that
other drawings on the same axes agree).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Final
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import numpy.typing as npt

from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.dates import UncertainDate
from chronology.zones import wall_seconds

__all__ = ["EPOCH", "Piece", "Scale", "day_span", "seconds_span"]

#: The day number at x = 0 (1970-01-01, matplotlib's date epoch).
EPOCH: Final = 719_163


def day_span(value: UncertainDate, zone: ZoneInfo | None = None) -> tuple[float, float]:
    """The days ``value`` may fall in, from the start of its first moment to the end of its last.

    Fractional days: "2024-10-05" is ``(d, d + 1)``, "2024-10-05T14:30" the
    minute from ``d + 14.5/24``. A time with an offset falls where ``zone``'s
    wall clock shows it (UTC when None), the day rule of every query. An open
    side ("before 1456") stays at the model's sentinel; test
    :attr:`~chronology.dates.UncertainDate.open_before` first.
    """
    return seconds_span(value.lo, value.hi, value.utc_offset, zone)


def seconds_span(lo: int, hi: int, utc_offset: int | None, zone: ZoneInfo | None = None) -> tuple[float, float]:
    """:func:`day_span` of the seconds ``lo`` to ``hi`` (inclusive) of a value written at ``utc_offset``."""
    if utc_offset is not None:
        lo, hi = wall_seconds(lo, utc_offset, zone), wall_seconds(hi, utc_offset, zone)
    start = lo / SECONDS_PER_DAY if lo > OPEN_LO else float(lo)
    stop = (hi + 1) / SECONDS_PER_DAY if hi < OPEN_HI else float(hi)
    return start, stop


def _increasing(instance: Piece, attribute: attrs.Attribute[float], value: float) -> None:
    if attribute.name == "last" and not value > instance.first:
        raise ValueError(f"a piece must show some days: first={instance.first!r}, last={value!r}")
    if attribute.name == "x1" and not value > instance.x0:
        raise ValueError(f"a piece must have some width: x0={instance.x0!r}, x1={value!r}")


@attrs.frozen
class Piece:
    """One unbroken stretch of the axis: the days ``first`` to ``last`` drawn from ``x0`` to ``x1``."""

    first: float
    last: float = attrs.field(validator=_increasing)
    x0: float
    x1: float = attrs.field(validator=_increasing)

    @property
    def per_day(self) -> float:
        """The x units a day takes in this piece."""
        return (self.x1 - self.x0) / (self.last - self.first)


def _in_order(instance: Scale, attribute: attrs.Attribute[tuple[Piece, ...]], pieces: tuple[Piece, ...]) -> None:
    if not pieces:
        raise ValueError("a scale needs one piece at least")
    for before, after in itertools.pairwise(pieces):
        if not (after.first >= before.last and after.x0 > before.x1):
            raise ValueError(f"pieces must follow one another, with a break between: {before} then {after}")


@attrs.frozen
class Scale:
    """A piecewise-linear map from day numbers to x, breaks between its pieces.

    Days inside a break are spread across it (so the map stays increasing
    everywhere); days before the first piece or after the last follow the
    nearest piece's slope.

    Attributes:
        pieces: the unbroken stretches, left to right.

    """

    pieces: tuple[Piece, ...] = attrs.field(validator=_in_order)
    _days: tuple[float, ...] = attrs.field(init=False, repr=False, eq=False)
    _xs: tuple[float, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_days", tuple(d for p in self.pieces for d in (p.first, p.last)))
        object.__setattr__(self, "_xs", tuple(x for p in self.pieces for x in (p.x0, p.x1)))

    @classmethod
    def plain(cls, first: float, last: float) -> Scale:
        """One piece, the days ``first`` to ``last``: x is the day number less ``EPOCH`` (719,163)."""
        return cls((Piece(first, last, first - EPOCH, last - EPOCH),))

    @property
    def left(self) -> float:
        """The x of the first day shown."""
        return self.pieces[0].x0

    @property
    def right(self) -> float:
        """The x of the end of the last day shown."""
        return self.pieces[-1].x1

    @property
    def first(self) -> float:
        """The first day shown."""
        return self.pieces[0].first

    @property
    def last(self) -> float:
        """The end of the last day shown."""
        return self.pieces[-1].last

    @property
    def breaks(self) -> tuple[tuple[float, float], ...]:
        """The x extents of the breaks, left to right."""
        return tuple((a.x1, b.x0) for a, b in itertools.pairwise(self.pieces))

    def x(self, day: float) -> float:
        """The x of day number ``day`` (fractions move into the day)."""
        days, xs = self._days, self._xs
        if len(days) == 2 or day <= days[0]:
            return xs[0] + (day - days[0]) * (xs[1] - xs[0]) / (days[1] - days[0])
        if day >= days[-1]:
            return xs[-1] + (day - days[-1]) * (xs[-1] - xs[-2]) / (days[-1] - days[-2])
        i = bisect.bisect_right(days, day) - 1
        span = days[i + 1] - days[i]
        if span <= 0:
            return xs[i + 1]
        return xs[i] + (day - days[i]) * (xs[i + 1] - xs[i]) / span

    def xs(self, days: Sequence[float] | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """:meth:`x` of many days at once."""
        values = np.asarray(days, dtype=np.float64)
        return np.array([self.x(float(d)) for d in values.ravel()], dtype=np.float64).reshape(values.shape)

    def day(self, x: float) -> float:
        """The day number at ``x`` (the inverse of :meth:`x`)."""
        days, xs = self._days, self._xs
        if len(xs) == 2 or x <= xs[0]:
            return days[0] + (x - xs[0]) * (days[1] - days[0]) / (xs[1] - xs[0])
        if x >= xs[-1]:
            return days[-1] + (x - xs[-1]) * (days[-1] - days[-2]) / (xs[-1] - xs[-2])
        i = bisect.bisect_right(xs, x) - 1
        return days[i] + (x - xs[i]) * (days[i + 1] - days[i]) / (xs[i + 1] - xs[i])

    def piece_at(self, x: float) -> Piece | None:
        """The piece ``x`` lies in; None inside a break."""
        for piece in self.pieces:
            if piece.x0 <= x <= piece.x1:
                return piece
        return None

    def cut(self, x0: float, x1: float) -> tuple[tuple[float, float], ...]:
        """The parts of ``x0``-``x1`` outside the breaks: a bar across a break is drawn on both sides of it."""
        parts = []
        start = x0
        for gap_from, gap_to in self.breaks:
            if gap_to <= start or gap_from >= x1:
                continue
            if gap_from > start:
                parts.append((start, gap_from))
            start = max(start, gap_to)
        if x1 > start:
            parts.append((start, x1))
        return tuple(parts)

    def crossed(self, x0: float, x1: float) -> tuple[float, ...]:
        """The x of each break edge where a bar from ``x0`` to ``x1`` is cut."""
        edges = []
        for gap_from, gap_to in self.breaks:
            if x0 < gap_from < x1:
                edges.append(gap_from)
            if x0 < gap_to < x1:
                edges.append(gap_to)
        return tuple(edges)
