"""Where the claims chart draws each claim along the time axis.

The span it was said in, its mark, set side by side with the marks it would stand on.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final
from zoneinfo import ZoneInfo

import attrs
from matplotlib.axes import Axes

from chronology.dates import DateValue, UncertainDate
from chronology.plot._axis import day_to_x
from chronology.plot._scale import day_span

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display units (pixels)

_DOT: Final = 3.8  # points: the half-width of a mark, its edge included
_ARROW: Final = 14.0  # points: the length of the arrow at the open end of "up to" and "more than"
_RANGE_WIDTH: Final = 5.0  # points
_SPAN_WIDTH: Final = 2.0  # points
_NESTED: Final = 1.5  # points of a wider mark showing each side of one lying on it
_DODGE: Final = 8.0  # points between the marks of claims said on the same day, set side by side
_CLEAR: Final = 6.0  # points between another claim's mark and a horizontal bar stopped short of it (> a dash gap)


@attrs.frozen
class Placed:
    """Where a claim's mark stands across the chart, and how its mark and bar are drawn there.

    Attributes:
        x: the x of the mark, inside the span the claim was said in.
        bar: the width in points of its range bar: :data:`_RANGE_WIDTH`, narrower where the bars beside it
            stand closer than that (side by side inside a narrow span), each still seen.
        rings: 0 for a mark clear of the others; otherwise how many marks drawn after it lie on it (the same
            figure at the same place): it is drawn that many rings wider, so that each shows.

    """

    x: float
    bar: float = _RANGE_WIDTH
    rings: int = 0


def _dodged(
    ax: Axes, spans: Sequence[tuple[float, float]], marks: Sequence[float], heights: Sequence[tuple[float, float]]
) -> list[Placed]:
    """Each claim's mark, inside the span it was said in, set beside the marks it would stand on.

    A mark stands at the middle of its span (the days, or hours, it may have been said in: ``spans`` in
    fractional day numbers; ``marks``: the value of each mark). Two claims collide when their marks would
    stand less than :data:`_DODGE` points apart and their heights meet (``heights``: the lowest and highest
    value of each claim's mark and bar); they move apart, evenly, up to :data:`_DODGE` points, in the order
    drawn, each only as far as the edges of its own span: a mark never leaves the time it was said in.
    Where a span is too narrow to hold them so far apart (four claims on one day of an axis of months),
    they share it, evenly spread, their bars narrowed to stand side by side, and marks that still lie on
    one another are drawn as rings around each other (see :class:`Placed`).
    """
    if not spans:
        return []
    figure = ax.get_figure()
    assert figure is not None
    points = figure.dpi / 72
    step, dot = _DODGE * points, _DOT * points
    level = ax.get_ylim()[1]  # any y in view: 0 has no place on a log axis
    transform = ax.transData.transform
    ends = [(float(transform((day_to_x(a), level))[0]), float(transform((day_to_x(b), level))[0])) for a, b in spans]
    rooms = [(a + min(1.0, (b - a) / 4), b - min(1.0, (b - a) / 4)) for a, b in ends]  # off the span's very edge
    ys = [float(transform((0, y))[1]) for y in marks]
    tall = [(float(transform((0, low))[1]) - dot, float(transform((0, high))[1]) + dot) for low, high in heights]
    natural = [(a + b) / 2 for a, b in ends]
    order = sorted(range(len(spans)), key=lambda i: (natural[i], i))
    rank = {i: k for k, i in enumerate(order)}
    pairs = [
        (i, j) if rank[i] < rank[j] else (j, i)
        for i, j in itertools.combinations(range(len(spans)), 2)
        if tall[i][0] < tall[j][1]
        and tall[j][0] < tall[i][1]
        and rooms[i][0] - step < rooms[j][1]
        and rooms[j][0] - step < rooms[i][1]
    ]
    at = list(natural)
    for _ in range(200):  # push apart the pairs too close, each kept inside its span, until none moves
        moved = False
        for i, j in pairs:
            short = step - (at[j] - at[i])
            if short > 0.01:
                left = min(max(at[i] - short / 2, rooms[i][0]), rooms[i][1])
                right = min(max(at[j] + short / 2, rooms[j][0]), rooms[j][1])
                moved = moved or left != at[i] or right != at[j]
                at[i], at[j] = left, right
        if not moved:
            break
    crowded = [(i, j) for i, j in pairs if at[j] - at[i] < step - 0.5]
    for group in _groups(len(spans), crowded):  # no room to stand apart: spread evenly over the room they share
        if len(group) < 2:
            continue
        low, high = max(rooms[i][0] for i in group), min(rooms[i][1] for i in group)
        if low <= high:
            for k, i in enumerate(sorted(group, key=rank.__getitem__)):
                at[i] = low + (high - low) * k / (len(group) - 1)
    nearest = [math.inf] * len(spans)
    rings = [0] * len(spans)
    for i, j in pairs:
        apart = abs(at[j] - at[i])
        nearest[i], nearest[j] = min(nearest[i], apart), min(nearest[j], apart)
        if apart < 2 * dot and abs(ys[i] - ys[j]) < 2 * dot:  # one mark on the other: the one drawn first, wider
            rings[min(i, j)] += 1
    back = ax.transData.inverted()
    return [
        Placed(float(back.transform((x, 0.0))[0]), min(_RANGE_WIDTH, max(1.5, near / points - 0.5)), ring)
        for x, near, ring in zip(at, nearest, rings, strict=True)
    ]


def _groups(count: int, pairs: Sequence[tuple[int, int]]) -> list[set[int]]:
    """The sets of claims joined by ``pairs``, directly or through others."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    found: dict[int, set[int]] = {}
    for i in range(count):
        found.setdefault(root(i), set()).add(i)
    return list(found.values())


def _stacked(ax: Axes, spans: Sequence[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """The horizontal bars, none lying on another.

    A bar that would lie on one drawn before it, over the same days (the same figure said on the same
    uncertain dates, reported by two sources), moves up or down by whole bar widths.
    """
    figure = ax.get_figure()
    assert figure is not None
    step = (_SPAN_WIDTH + 1) * figure.dpi / 72
    taken: list[tuple[float, float, float]] = []  # x0, x1, y in pixels
    back = ax.transData.inverted()
    stacked = []
    for segment in spans:
        (x0, y0), (x1, _) = ax.transData.transform(segment)
        for shift in itertools.chain.from_iterable((k, -k) for k in range(len(spans) + 1)):
            y = y0 + shift * step
            if not any(a < x1 and x0 < b and abs(y - c) < step - 0.01 for a, b, c in taken):
                break
        taken.append((x0, x1, y))
        height = float(back.transform((x0, y))[1])
        stacked.append([(segment[0][0], height), (segment[1][0], height)])
    return stacked


def _cut_at_marks(
    ax: Axes,
    spans: Sequence[list[tuple[float, float]]],
    owners: Sequence[int],
    marks: Sequence[tuple[float, float]],
    rings: Sequence[int],
    said: Sequence[tuple[float, float]],
) -> list[tuple[int, list[tuple[float, float]]]]:
    """The horizontal bars, each stopped short of the other claims' marks it would run through.

    A bar at the height of another claim's mark (the same figure, said within its time) would read as a line
    joining the two: it breaks :data:`_CLEAR` points each side of that mark, and starts or ends that far
    from a mark at its very end. A claim said over the very same time (``said``: each claim's, in day numbers)
    is not cut around: its mark stands beside this one, its own bar alongside. ``owners``: the claim of each
    bar, ``marks`` (data) and ``rings`` (see :class:`Placed`) those of every claim. Returns each piece with the
    index of its bar in ``spans``.
    """
    figure = ax.get_figure()
    assert figure is not None
    points = figure.dpi / 72
    transform, back = ax.transData.transform, ax.transData.inverted()
    centres = [transform(mark) for mark in marks]
    radii = [(_DOT + _NESTED * ring) * points for ring in rings]
    pieces: list[tuple[int, list[tuple[float, float]]]] = []
    for number, (segment, owner) in enumerate(zip(spans, owners, strict=True)):
        (x0, y0), (x1, _) = transform(segment)
        left, right = min(x0, x1), max(x0, x1)
        gaps = sorted(
            (cx - radius - _CLEAR * points, cx + radius + _CLEAR * points)
            for claim, ((cx, cy), radius) in enumerate(zip(centres, radii, strict=True))
            if claim != owner
            and said[claim] != said[owner]
            and abs(cy - y0) < radius + _SPAN_WIDTH * points / 2
            and left < cx + radius + _CLEAR * points
            and cx - radius - _CLEAR * points < right
        )
        if not gaps:
            pieces.append((number, segment))
            continue
        runs, start = [], left
        for low, high in gaps:
            if low > start:
                runs.append((start, min(low, right)))
            start = max(start, high)
        if start < right:
            runs.append((start, right))
        for a, b in runs:
            if b - a >= points:  # a piece shorter than a point is no bar
                (xa, _), (xb, _) = back.transform([(a, y0), (b, y0)])
                pieces.append((number, [(float(xa), segment[0][1]), (float(xb), segment[1][1])]))
    return pieces


def _said_span(said: DateValue, zone: ZoneInfo | None) -> tuple[float, float]:
    """The time a claim may have been said in, in fractional day numbers: from its first moment to its last.

    A date is its whole days, a time its own hours or minutes ("between 6 p.m. and 5 a.m." from 18:00 to
    06:00 the next day). A time with an offset is where the wall clock of ``zone`` (the timeline's; UTC when
    None) shows it, as every query places it. An open or unknown end is taken at the known one: the day of
    "before 5 March" (its last), the month of "from March 2024".
    """
    first, last = (said, said) if isinstance(said, UncertainDate) else (said.start, said.end)
    low = day_span(first, zone) if isinstance(first, UncertainDate) else None
    high = day_span(last, zone) if isinstance(last, UncertainDate) else None
    start = low[0] if low is not None and isinstance(first, UncertainDate) and not first.open_before else None
    stop = high[1] if high is not None and isinstance(last, UncertainDate) and not last.open_after else None
    if start is None and stop is None:  # neither side bounded: the bounds its ends have
        known = [day for day in (*(low or ()), *(high or ())) if _finite(day)]
        return (min(known), max(known)) if known else (0.0, 1.0)
    if start is None:  # the end's own first moment; the last day of "before 5 March"
        assert stop is not None
        assert high is not None
        start = high[0] if _finite(high[0]) else math.ceil(stop) - 1.0
    if stop is None:  # the start's own last moment: the month of "from March 2024"
        assert low is not None
        stop = low[1] if _finite(low[1]) else math.floor(start) + 1.0
    return start, max(stop, start)


def _finite(day: float) -> bool:
    """Whether ``day`` is a day of the calendar, not the sentinel of an open side."""
    return abs(day) < 1e9
