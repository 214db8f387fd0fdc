"""When to break the axis, and how wide each unbroken piece is drawn.

The rule (docs/howto/plot.md, "Quiet stretches"), with ``W`` the days of the
window shown:

1. The *dated moments* are what the file writes: each date, and each known end
   of something that lasts. Something that lasts less than a quarter of ``W``
   (:data:`WHOLE_SHARE`) is one moment, all of it; a longer one is two, its
   start and its end: the years a war goes on are not busy for that alone. An
   open or unknown end is no moment.
2. A *quiet stretch* is a run of at least ``W / 20`` days (:data:`QUIET_SHARE`)
   without a dated moment.
3. The axis is broken only when the quiet stretches together take at least
   half of ``W`` (:data:`BREAK_SHARE`): when most of the window is empty; and
   when the moments crowd somewhere: some busy stretch holds three dated
   moments or more (:data:`CROWD`), or more than half of them. Dates spread
   evenly, one every few years, gain nothing from breaks and keep a plain axis.
4. A busy stretch shorter than ``W / 400``, a speck in its piece, is cut by
   rules 2 and 3 again (crowded or not) as a window of its own: 501 BCE,
   October 2024 and the year 170,000,002 make three pieces, not two.
5. Each busy stretch between quiet ones is then drawn as a piece of its own,
   with a margin each side: an eighth of its days (:data:`MARGIN_SHARE`), but
   never more than a third of the quiet stretch next to it. A stretch whose
   moments are all at one place (one date, or dates sharing a day) is given
   enough days about it for ticks of its own: ``W / 20`` in all. One whose
   moments lie apart shows its own days and their margins only: a busy week
   among quiet years is spread over its piece, its days apart, not squeezed
   into a few days of months around it. A break that would then leave out less
   than ``W / 40`` days is not made: the two pieces are one. The window's own
   edges get no margin where the user chose them (``--from``, ``--to``).
6. Each piece gets a width that is a quarter of its share of the days shown
   plus three quarters of its share of the dated moments, and never less than
   :data:`MIN_PIECE` of the axis nor :data:`LEAST_PIECE_INCHES`: the busy weeks
   get the room their labels need, and every piece has room for two tick labels
   of its own. Where the pieces other than the widest would then take more than
   :data:`SMALL_PIECES` of the axis (a narrow picture), the two closest pieces
   are made one until they do not. Each break is :data:`BREAK_WIDTH` of the
   axis wide.

``breaks=False`` (``--no-breaks``) draws one plain piece: the window with a
margin of a fiftieth each side (at most a day, below 24 days: :func:`plain_margin`),
again none on a side the user chose.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import Final
from zoneinfo import ZoneInfo

from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DateValue, UncertainDate
from chronology.plot._scale import Piece, Scale, day_span

__all__ = [
    "BREAK_SHARE",
    "BREAK_WIDTH",
    "CROWD",
    "LEAST_PIECE_INCHES",
    "MARGIN_SHARE",
    "MIN_PIECE",
    "QUIET_SHARE",
    "SMALL_PIECES",
    "WHOLE_SHARE",
    "Dated",
    "dated_moments",
    "plain_margin",
    "scale_for",
]

#: Something lasting less than this share of the window is one dated moment, whole.
WHOLE_SHARE: Final = 1 / 4
#: A run of days without a dated moment is quiet from this share of the window.
QUIET_SHARE: Final = 1 / 20
#: The axis breaks when the quiet stretches together take this share of the window.
BREAK_SHARE: Final = 1 / 2
#: The axis breaks only where some busy stretch holds this many dated moments (or more than half of them).
CROWD: Final = 3
#: The days kept on each side of a piece, as a share of the piece's own days.
MARGIN_SHARE: Final = 1 / 8
#: The width of one break, as a share of the axis.
BREAK_WIDTH: Final = 0.02
#: The least width of a piece, as a share of the axis.
MIN_PIECE: Final = 0.08
#: The least width of a piece in inches: room for two tick labels ("1720", "1721"; "Jun", "Jul").
LEAST_PIECE_INCHES: Final = 1.0
#: The share of the axis the pieces other than the widest may take at their least width, together.
SMALL_PIECES: Final = 1 / 3

#: What a date value says about the days: the span its first moment may fall in, then its last's (the same
#: span twice for one date; an interval's known end twice when the other is open or unknown).
Dated = tuple[float, float, float, float]


def dated_moments(values: Iterable[DateValue], zone: ZoneInfo | None = None) -> list[Dated]:
    """The days each of ``values`` may start and end in, fractional (see :data:`Dated`); none for no date.

    A date with an open side ("before 1456", "by 2020") is a moment at its known bound, one unit of its
    precision long (the year 1455, the year 2020).
    """
    found = []
    for value in values:
        parts = (value,) if isinstance(value, UncertainDate) else (value.start, value.end)
        spans = [_span(part, zone) for part in parts if isinstance(part, UncertainDate)]
        known = [span for span in spans if span is not None]
        if known:
            found.append((*known[0], *known[-1]))
    return found


def _span(value: UncertainDate, zone: ZoneInfo | None) -> tuple[float, float] | None:
    lo, hi = day_span(value, zone)
    if value.open_before and value.open_after:
        return None
    # an open side's known bound is one unit of its precision: "by 2020" is the year 2020, not its last moment
    unit = value.precision.longest_seconds / SECONDS_PER_DAY
    if value.open_before:
        return max(lo, hi - unit), hi
    if value.open_after:
        return lo, min(hi, lo + unit)
    return lo, hi


def plain_margin(days: float) -> float:
    """The days added on each side of an unbroken axis ``days`` long: a fiftieth, at most a day under 24 days."""
    return max(days * 0.02, min(1.0, days / 24))


def scale_for(
    dated: Iterable[Dated],
    first: float,
    last: float,
    *,
    breaks: bool = True,
    margins: tuple[bool, bool] = (True, True),
    least: float = MIN_PIECE,
) -> Scale:
    """The scale for the days ``first`` to ``last`` (the end of the last day), broken where quiet.

    Args:
        dated: what the events' dates say, from :func:`dated_moments`.
        first: the first day of the window shown.
        last: the end of the last day of the window.
        breaks: whether quiet stretches may be broken.
        margins: whether the axis runs on a little before ``first`` and after ``last``: not on a side the
            user chose (``--from``, ``--to``), which the axis then starts or ends at, exactly.
        least: the least width of a piece, as a share of the axis (at least :data:`MIN_PIECE`): enough for
            two tick labels at the width drawn. Where the pieces would take more than :data:`SMALL_PIECES`
            of the axis at that width, the two closest are made one, until they do not.

    Returns:
        One plain piece, or pieces with breaks between them by the rule of this module.

    """
    window = max(last - first, 1 / 24)
    last = first + window
    margin = plain_margin(window)
    plain = Scale.plain(first - margin * margins[0], last + margin * margins[1])
    if not breaks:
        return plain
    moments = _moments(dated, window, first, last)
    leaves = _leaves(moments, first, last, QUIET_SHARE * window)
    if len(leaves) == 1:
        return plain
    spans = _pieces(leaves, margins, moments)
    least = max(least, MIN_PIECE)
    while len(spans) > 1 and least * (len(spans) - 1) > SMALL_PIECES:  # too many pieces for the width
        closest = min(range(len(spans) - 1), key=lambda i: spans[i + 1][0] - spans[i][1])
        spans[closest : closest + 2] = [(spans[closest][0], spans[closest + 1][1])]
    if len(spans) == 1:
        return plain
    counts = [0] * len(spans)
    for lo, hi in moments:
        middle = (lo + hi) / 2
        counts[min(range(len(spans)), key=lambda i: _distance(spans[i], middle))] += 1
    days = [hi - lo for lo, hi in spans]
    total_days, total_moments = sum(days), max(1, sum(counts))
    shares = _floored([(d / total_days + 3 * n / total_moments) / 4 for d, n in zip(days, counts, strict=True)], least)
    width = plain.right - plain.left
    room = width * (1 - BREAK_WIDTH * (len(spans) - 1))
    pieces = []
    x = plain.left
    for (lo, hi), share in zip(spans, shares, strict=True):
        pieces.append(Piece(lo, hi, x, x + room * share))
        x += room * share + width * BREAK_WIDTH
    return Scale(tuple(pieces))


def _moments(dated: Iterable[Dated], window: float, first: float, last: float) -> list[tuple[float, float]]:
    """The dated moments within the window, in whole days: short spans whole, long ones as their two ends."""
    moments = []
    for a, b, c, d in dated:
        parts = [(a, d)] if d - a < WHOLE_SHARE * window else [(a, b), (c, d)]
        for lo, hi in parts:
            if hi >= first and lo <= last:
                lo, hi = math.floor(lo), max(math.ceil(hi), math.floor(lo) + 1)
                moments.append((max(lo, first), min(hi, last)))
    return moments


#: Stretches cut again by the rule, as windows of their own, at most this deep.
_DEPTH: Final = 3


def _leaves(
    moments: list[tuple[float, float]], first: float, last: float, quiet: float, *, depth: int = 0
) -> list[tuple[float, float, float]]:
    """The unbroken stretches of the window, each with the quiet length of the window it was cut from.

    ``quiet`` is that of the window this one was cut from. A busy stretch shorter than a twentieth of this
    window's quiet length (a speck in the piece it would be) is cut again, as a window of its own, crowded
    or not: there the breaks are for the moments to be seen apart at all.
    """
    window = last - first
    own = QUIET_SHARE * window
    inside = [(lo, hi) for lo, hi in moments if hi >= first and lo <= last]
    busy = _busy(inside, own)
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(busy)]
    if depth >= _DEPTH or not gaps or sum(gaps) < BREAK_SHARE * window or (depth == 0 and not _crowded(busy, inside)):
        return [(first, last, quiet)]
    # the window's edges are the user's (or the events' own): a quiet edge is not broken off
    busy[0], busy[-1] = (first, busy[0][1]), (busy[-1][0], last)
    leaves = []
    for lo, hi in busy:
        if hi - lo < QUIET_SHARE * own:  # a speck in its piece: the moments inside may lie far apart all the same
            leaves += _leaves(moments, lo, hi, own, depth=depth + 1)
        else:
            leaves.append((lo, hi, own))
    return leaves


def _busy(moments: list[tuple[float, float]], quiet: float) -> list[tuple[float, float]]:
    """The stretches of days with dated moments less than ``quiet`` days apart."""
    busy: list[tuple[float, float]] = []
    for lo, hi in sorted(moments):
        if busy and lo - busy[-1][1] < quiet:
            busy[-1] = (busy[-1][0], max(busy[-1][1], hi))
        else:
            busy.append((lo, hi))
    return busy


def _crowded(busy: list[tuple[float, float]], moments: list[tuple[float, float]]) -> bool:
    """Whether some busy stretch holds :data:`CROWD` dated moments or more, or more than half of them."""
    counts = [0] * len(busy)
    for lo, hi in moments:
        middle = (lo + hi) / 2
        counts[min(range(len(busy)), key=lambda i: _distance(busy[i], middle))] += 1
    return max(counts) >= CROWD or 2 * max(counts) > len(moments)


def _pieces(
    leaves: list[tuple[float, float, float]], margins: tuple[bool, bool], moments: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The stretches with their margins; two whose break would leave out too few days made one.

    A stretch whose dated moments are all at one place (one date, or dates that share a day) is shown with
    enough days around it for ticks of its own: its quiet length in all. One whose moments lie apart (a busy
    week among years) shows its own days, and an eighth of them each side: its dates are spread over its
    width, not squeezed into a few days of it. The window's own edges get a margin only where ``margins``
    says so.
    """
    spans: list[tuple[float, float]] = []
    for i, (lo, hi, quiet) in enumerate(leaves):
        margin = MARGIN_SHARE * (hi - lo)
        if _one_place([(a, b) for a, b in moments if a <= hi and b >= lo]):
            margin = max(margin, (quiet - (hi - lo)) / 2)
        outer = (margin * margins[0], margin * margins[1])  # the window's own edges: as chosen
        left = lo - outer[0] if i == 0 else max(lo - margin, lo - (lo - leaves[i - 1][1]) / 3)
        right = hi + outer[1] if i == len(leaves) - 1 else min(hi + margin, hi + (leaves[i + 1][0] - hi) / 3)
        if spans and left - spans[-1][1] < min(quiet, leaves[i - 1][2]) / 2:
            spans[-1] = (spans[-1][0], right)
        else:
            spans.append((left, right))
    return spans


def _one_place(moments: list[tuple[float, float]]) -> bool:
    """Whether ``moments`` all share some day: drawn at one place, however wide their piece."""
    return not moments or max(lo for lo, _ in moments) < min(hi for _, hi in moments)


def _distance(span: tuple[float, float], day: float) -> float:
    lo, hi = span
    return 0.0 if lo <= day <= hi else min(abs(day - lo), abs(day - hi))


def _floored(shares: list[float], least: float = MIN_PIECE) -> list[float]:
    """``shares`` (summing to 1) with none below ``least``, the others scaled down to make room."""
    if least * len(shares) >= 1:
        return [1 / len(shares)] * len(shares)
    low = [False] * len(shares)
    while True:
        low = [is_low or s < least for s, is_low in zip(shares, low, strict=True)]
        rest = sum(s for s, is_low in zip(shares, low, strict=True) if not is_low)
        room = 1 - least * sum(low)
        shares = [least if is_low else s * room / rest for s, is_low in zip(shares, low, strict=True)]
        if all(s >= least - 1e-12 for s in shares):
            return shares
