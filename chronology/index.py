"""A columnar index of a timeline's dates, for window queries over millions of events.

Every event is reduced to whole days (the unit links and queries compare by):
the first and last day its start may fall on, and the same for its end, both
as stated and widened by the :class:`~chronology.dates.Widening` policy that
"possible" questions use. The eight numbers live in eight ``int32`` numpy
arrays (``int64`` only if some date lies beyond about 5.8 million years),
sorted by span class and then by earliest possible day. An event whose
possible span is at most ``L`` days and which can touch a window ``[a, b]``
must start within ``[a - L, b]``, so within each class a window costs two
binary searches plus a vectorised check of those candidates. Spans grow by a
factor of four from class to class, so candidates that do not match are few.
Unbounded events (open or unknown ends) sit in a last class, checked whole.
"""

from __future__ import annotations

import enum
import itertools
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from typing import Final, Literal
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from chronology._calendar import NEG_INF, POS_INF, SECONDS_PER_DAY
from chronology.dates import (
    DEFAULT_WIDENING,
    INSTANT_CLASSES,
    DateValue,
    Endpoint,
    Interval,
    Qualifier,
    UncertainDate,
    Widening,
)
from chronology.zones import wall_seconds

__all__ = ["Index", "Mode"]

Positions = npt.NDArray[np.intp]
_Days = npt.NDArray[np.int32] | npt.NDArray[np.int64]

#: Day numbers beyond every date, for open and unknown ends (within int32).
NEG_DAY: Final = -(2**31) + 1
POS_DAY: Final = 2**31 - 1
_SPAN_GROWTH: Final = 8  # measured: fewer, wider classes beat more, narrower ones
_CLASS_SHIFT: Final = 33  # class numbers sit above every day number in the sort key
_CHUNK: Final = 1 << 20  # candidates examined in one vectorised pass by overlapping_many
#: Candidates a window, on average, above which overlapping_many takes one window at a time.
_LOOP_ABOVE: Final = 1_000
#: Up to this many values, a window's answer is one '&' of two sets (as Python ints) the index keeps.
_BITS_BELOW: int = 256  # not Final: the tests set it to make tiny indexes scan or search
#: Up to this many matches, a set of values is read bit by bit in Python; more, by numpy.
_BITS_LISTED: Final = 16
#: Cells of the (window, value) table a small index's overlapping_many looks at in one pass.
_CELLS: Final = 1 << 20
#: Matches a window, on average, up to which sorting them per window is one sort of (window, position) keys.
_SHORT_RUNS: Final = 64
#: Up to this many values, a window looks at every one (a vectorised scan): cheaper than a search per span class.
_SCAN_BELOW: int = 2048  # not Final: the tests set it to make small indexes search


class Mode(enum.Enum):
    """Whether a query asks what certainly holds, or what possibly does."""

    POSSIBLE = "possible"
    CERTAIN = "certain"

    @classmethod
    def of(cls, mode: Mode | Literal["possible", "certain"]) -> Mode:
        """``mode`` as a member, from a member or its value."""
        if mode.__class__ is cls:
            return mode
        if mode == "possible":  # (the enum's own lookup by value costs more than the query it serves, when small)
            return cls.POSSIBLE
        if mode == "certain":
            return cls.CERTAIN
        try:
            return cls(mode)
        except ValueError:
            raise ValueError(f"mode {mode!r} is not one of 'possible', 'certain'") from None


def day_ends(
    value: DateValue, widening: Widening | None = None, zone: ZoneInfo | None = None
) -> tuple[int, int, int, int]:
    """First and last possible day of the start, then of the end (sentinels where unbounded).

    A time with an offset falls on its calendar day in ``zone``, UTC when None
    (2024-10-18T03:00+09:00 is on 17 October in UTC); a date, or a time
    without an offset, on the day as written: the day rule every query, sort
    and comparison follows.
    """
    if isinstance(value, UncertainDate):
        lo, hi = value.lo, value.hi
        if widening is not None and value.qualifier is not Qualifier.NONE:
            lo, hi = widening.bounds(value)
        if value.utc_offset is not None:
            lo, hi = wall_seconds(lo, value.utc_offset, zone), wall_seconds(hi, value.utc_offset, zone)
        first, last = _day(lo), _day(hi)
        return first, last, first, last
    s_lo, s_hi = _end_seconds(value.start, widening, zone, low=True)
    e_lo, e_hi = _end_seconds(value.end, widening, zone, low=False)
    s_hi = min(s_hi, e_hi)
    e_lo = max(e_lo, s_lo)
    return _day(s_lo), _day(s_hi), _day(e_lo), _day(e_hi)


def _end_seconds(
    end: UncertainDate | Endpoint, widening: Widening | None, zone: ZoneInfo | None, *, low: bool
) -> tuple[int, int]:
    if isinstance(end, UncertainDate):
        lo, hi = end.lo, end.hi
        if widening is not None and end.qualifier is not Qualifier.NONE:
            lo, hi = widening.bounds(end)
        if end.utc_offset is not None:
            return wall_seconds(lo, end.utc_offset, zone), wall_seconds(hi, end.utc_offset, zone)
        return lo, hi
    if end is Endpoint.OPEN:
        return (NEG_INF, NEG_INF) if low else (POS_INF, POS_INF)
    return (NEG_INF, POS_INF)  # unknown: anywhere on its side of the other end (clipped by the caller)


def _day(seconds: int) -> int:
    if seconds <= NEG_INF + 1:
        return NEG_DAY
    if seconds >= POS_INF - 1:
        return POS_DAY
    return seconds // SECONDS_PER_DAY


def _scan(columns: np.ndarray, first: int, last: int, mode: Mode, *, within: bool) -> Positions:
    """The positions, in ``columns``' order, of the values that match a window: a look at each."""
    kind = columns.dtype.type
    low, high = kind(min(max(first, NEG_DAY), POS_DAY)), kind(min(max(last, NEG_DAY), POS_DAY))
    c = columns
    if mode is Mode.POSSIBLE:
        hit = (c[5] >= low) & (c[6] <= high) if within else (c[4] <= high) & (c[7] >= low)
    else:
        hit = (c[0] >= low) & (c[3] <= high) if within else (c[1] <= high) & (c[2] >= low)
    found: Positions = hit.nonzero()[0]
    return found


class _Bits:
    """A tiny index's answers to one question as sets: one ``&`` of two Python ints a window, no numpy pass.

    A value matches a window when one of its bounds (``upper``) is on or
    before the window's last day and another (``lower``) on or after its
    first. The values sorted by ``upper``: those that may match are the
    first ``r`` (a bisection), kept as a set of bits for every ``r``; the
    same for ``lower`` from the other end. A window's answer is the
    intersection of two such sets, its bits the positions, in order.
    """

    __slots__ = ("above", "below", "lowers", "nbytes", "size", "uppers")

    def __init__(self, upper: np.ndarray, lower: np.ndarray) -> None:
        self.size = int(upper.size)
        self.nbytes = (self.size + 7) // 8
        by_upper = np.argsort(upper, kind="stable").tolist()
        # Windows are read as clipped to the days an index holds: an open side (a bound at the last day an
        # index holds) matches a window beyond it too. A number beyond every day says so without a clip a query.
        self.uppers: list[int] = [_BEYOND_LOW if u <= NEG_DAY else u for u in upper[by_upper].tolist()]
        self.below = [0]  # below[r]: the values with the r smallest uppers
        bits = 0
        for k in by_upper:
            bits |= 1 << k
            self.below.append(bits)
        by_lower = np.argsort(lower, kind="stable").tolist()
        self.lowers: list[int] = [_BEYOND_HIGH if u >= POS_DAY else u for u in lower[by_lower].tolist()]
        self.above = [0] * (self.size + 1)  # above[r]: the values whose lower is not among the r smallest
        bits = 0
        for r in range(self.size - 1, -1, -1):
            bits |= 1 << by_lower[r]
            self.above[r] = bits

    @classmethod
    def of(cls, columns: np.ndarray, mode: Mode, *, within: bool) -> _Bits:
        """The sets for one question, of columns in the sequence's order (the rows :func:`_scan` reads)."""
        if mode is Mode.POSSIBLE:
            return cls(columns[6], columns[5]) if within else cls(columns[4], columns[7])
        return cls(columns[3], columns[0]) if within else cls(columns[1], columns[2])

    def find(self, first: int, last: int) -> Positions:
        """The positions (ascending) of the values that match the window ``[first, last]`` (read as clipped)."""
        bits = self.below[bisect_right(self.uppers, last)] & self.above[bisect_left(self.lowers, first)]
        if not bits:
            return _NONE
        if bits.bit_count() <= _BITS_LISTED:
            found = []
            while bits:
                low = bits & -bits
                found.append(low.bit_length() - 1)
                bits ^= low
            return np.array(found, dtype=np.intp)
        flags = np.frombuffer(bits.to_bytes(self.nbytes, "little"), dtype=np.uint8)
        listed: Positions = np.unpackbits(flags, count=self.size, bitorder="little").nonzero()[0]
        return listed


_BEYOND_LOW: Final = -(1 << 80)
_BEYOND_HIGH: Final = 1 << 80
_NONE: Final[Positions] = np.empty(0, dtype=np.intp)
_NONE.flags.writeable = False


class Index:
    """The day bounds of a sequence of date values, arranged for window queries.

    Build it with :meth:`build`; query with :meth:`overlapping`, :meth:`within`
    and their ``_many`` forms, which return positions in the sequence given.
    """

    def __init__(
        self,
        columns: np.ndarray,
        order: Positions,
        keys: npt.NDArray[np.int64],
        class_ids: np.ndarray,
        spans: np.ndarray,
    ) -> None:
        # columns: shape (8, n) in index order: s_lo, s_hi, e_lo, e_hi, then the same widened.
        self._columns = columns
        self._order = order
        # One sorted key per event: its span class, then its earliest possible day (widened).
        self._keys = keys
        self._class_ids = class_ids.astype(np.int64)
        self._class_spans = spans.astype(np.int64)  # the longest possible span in each class; -1: unbounded
        self._spans: list[int] = self._class_spans.tolist()
        self._bases: list[int] = [(k << _CLASS_SHIFT) - NEG_DAY for k in self._class_ids.tolist()]
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None  # for counts: see _sorted_bounds
        self._in_order: np.ndarray | None = None  # a small index's columns in the sequence's order: see ascending
        self._order32: npt.NDArray[np.int32] | None = None  # the order in 32 bits: see sorted_positions
        self._size = int(order.size)
        self._bits: list[_Bits | None] = [None] * 4  # a tiny index's sets, per question: see ascending

    @classmethod
    def build(
        cls,
        values: Sequence[DateValue],
        widening: Widening | Sequence[Widening] = DEFAULT_WIDENING,
        zone: ZoneInfo | None = None,
        *,
        stated: Mapping[int, tuple[DateValue, tuple[bool, bool, bool, bool]]] | None = None,
    ) -> Index:
        """Index ``values`` (an event's ``when`` each), widening possible bounds by ``widening``.

        ``widening`` is one policy for every value, or one per value (each event's own, from its file).
        ``zone``: the zone whose calendar days times with an offset fall on (UTC when None).
        ``stated``: by position, for values narrowed by a timeline's links, the
        value as written and which bounds (start first, start last, end first,
        end last) the links set: those are not widened, the others are widened
        as the value as written is (by its own precision).
        """
        days = list(_bounds(values, widening, zone))
        raw, wide = days
        for position, (written, sides) in (stated or {}).items():
            # widened as written (by its own precision), except where the links set the bound: those stay put
            policy = widening if isinstance(widening, Widening) else widening[position]
            widened = day_ends(written, policy, zone)
            for row, side_fixed in enumerate(sides):
                wide[row, position] = raw[row, position] if side_fixed else min(max(widened[row], NEG_DAY), POS_DAY)
        del raw, wide  # handed over: the index frees them as soon as it has what it keeps
        return cls._from_owned(days)

    @classmethod
    def from_days(cls, raw: npt.ArrayLike, wide: npt.ArrayLike) -> Index:
        """Index day bounds given as two (4, n) arrays: start first/last, end first/last; stated, then widened."""
        return cls._from_owned([np.array(raw, dtype=np.int64), np.array(wide, dtype=np.int64)])

    @classmethod
    def _from_owned(cls, days: list[np.ndarray]) -> Index:
        """:meth:`from_days` on two (4, n) arrays of its own (int64, or int32 already clipped), in a list it empties.

        Peak memory stays near what the index keeps: the arrays are clipped in
        place and let go of as soon as the index holds what it needs of them.
        """
        raw, wide = days
        days.clear()
        np.clip(raw, NEG_DAY, POS_DAY, out=raw)
        np.clip(wide, NEG_DAY, POS_DAY, out=wide)
        count = raw.shape[1]
        span = wide[3].astype(np.int64)
        span -= wide[0]  # (in int64: a span may not fit in 32 bits)
        unbounded = (wide[0] == NEG_DAY) | (wide[3] == POS_DAY)
        limits = [0]
        longest = int(span.max(where=~unbounded, initial=0))
        while limits[-1] < longest:
            limits.append(max(1, limits[-1] * _SPAN_GROWTH))
        group = np.searchsorted(np.asarray(limits), span, side="left")
        group[unbounded] = len(limits)
        keys = group.astype(np.int64) << _CLASS_SHIFT
        keys += wide[0]
        keys -= NEG_DAY
        order = np.argsort(keys)  # deterministic for the same input; ties need no particular order
        keys = keys[order]
        classes = keys >> _CLASS_SHIFT
        firsts = np.flatnonzero(np.diff(classes)) + 1 if count else np.empty(0, dtype=np.intp)
        firsts = np.concatenate(([0], firsts)) if count else firsts
        class_ids = classes[firsts]
        spans = np.maximum.reduceat(span[order], firsts) if count else np.empty(0, dtype=np.int64)
        spans[class_ids == len(limits)] = -1
        del span, unbounded, group, classes
        small = all(
            array.min(initial=0) >= np.iinfo(np.int32).min and array.max(initial=0) <= np.iinfo(np.int32).max
            for array in (raw, wide)
        )
        same = np.array_equal(raw, wide)
        columns = np.empty((8, count), dtype=np.int32 if small else np.int64)  # rows contiguous: fast take
        for row in range(4):  # a row at a time: no (4, n) copy in between
            np.copyto(columns[row], raw[row].take(order))
        del raw
        if same:
            columns[4:] = columns[:4]
        else:
            for row in range(4):
                np.copyto(columns[4 + row], wide[row].take(order))
        del wide
        return cls(columns, order, keys, class_ids, spans)

    def __len__(self) -> int:
        return int(self._order.size)

    @property
    def nbytes(self) -> int:
        """Bytes held by the index's arrays, with those its queries have made so far (for counts, sorting)."""
        made = [a for a in (self._order32, self._in_order, *(self._sorted or ())) if a is not None]
        return int(self._columns.nbytes + self._order.nbytes + self._keys.nbytes + sum(a.nbytes for a in made))

    # -- queries ------------------------------------------------------------------------------------

    def overlapping(self, first: int, last: int, mode: Mode, *, raw: bool = False) -> Positions:
        """Positions of the values that (possibly or certainly) share a day with ``[first, last]``.

        With ``raw``, the positions are in the index's own order (see :meth:`positions`).
        """
        if not raw and self._size <= _SCAN_BELOW:  # a small index: found in the sequence's order
            return self.answer(first, last, mode)[0]
        return self._one(first, last, mode, within=False, through=None if raw else self._order)

    def within(self, first: int, last: int, mode: Mode, *, raw: bool = False) -> Positions:
        """Positions of the values that (possibly or certainly) lie wholly within ``[first, last]``."""
        if not raw and self._size <= _SCAN_BELOW:
            return self.answer(first, last, mode, within=True)[0]
        return self._one(first, last, mode, within=True, through=None if raw else self._order)

    def count(self, first: int, last: int, mode: Mode, *, within: bool = False) -> int:
        """How many values :meth:`overlapping` (or :meth:`within`) would give, without listing them."""
        return int(self.count_many(np.asarray([first]), np.asarray([last]), mode, within=within)[0])

    def count_many(
        self, firsts: npt.ArrayLike, lasts: npt.ArrayLike, mode: Mode, *, within: bool = False
    ) -> npt.NDArray[np.int64]:
        """:meth:`count` for many windows at once: one count per window, in one vectorised pass.

        "Possibly overlapping" is counted by two binary searches per window: the
        values that may start on or before the window's last day, less those
        that surely end before its first (a value that ends before the window
        starts before it too). Other questions count the matches of a search.
        """
        a = np.asarray(firsts, dtype=np.int64)
        b = np.asarray(lasts, dtype=np.int64)
        if a.shape != b.shape or a.ndim != 1:
            raise ValueError("firsts and lasts must be two flat sequences of the same length")
        return self.count_ordered(a, b, mode, within=within, ordered=bool((a <= b).all()))

    def count_ordered(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], mode: Mode, *, within: bool, ordered: bool
    ) -> npt.NDArray[np.int64]:
        """:meth:`count_many` on two flat ``int64`` arrays, ``ordered`` when every window's first <= its last."""
        if mode is Mode.POSSIBLE and not within and ordered:
            # int64 bounds, as the windows are: nothing converted, and no clipping needed
            starts, ends = self._sorted_bounds()
            counts: npt.NDArray[np.int64] = starts.searchsorted(b, side="right")
            counts -= ends.searchsorted(a, side="left")
            return counts
        a = np.clip(a, NEG_DAY, POS_DAY)
        b = np.clip(b, NEG_DAY, POS_DAY)
        windows, _ = self._search(a, b, mode, within=within, grouped=True)
        return np.bincount(windows, minlength=a.size).astype(np.int64)

    def _sorted_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Every value's earliest possible first day, and its latest possible last day, each sorted (kept)."""
        if self._sorted is None:
            starts, ends = np.sort(self._columns[4]).astype(np.int64), np.sort(self._columns[7]).astype(np.int64)
            # open sides as far as int64 goes: a window's days need no clipping to compare as clipped ones would
            starts[starts <= NEG_DAY] = np.iinfo(np.int64).min
            ends[ends >= POS_DAY] = np.iinfo(np.int64).max
            self._sorted = (starts, ends)
        return self._sorted

    def positions(self, raw: Positions) -> Positions:
        """Positions in the sequence indexed, from positions in the index's own order."""
        return self._order.take(raw)

    def sorted_positions(self, raw: Positions) -> Positions:
        """:meth:`positions`, ascending: sorted as 32-bit numbers where they fit (twice as quick as 64)."""
        found = self._narrow_order().take(raw)
        found.sort()
        return found.astype(np.intp, copy=False)

    def _narrow_order(self) -> np.ndarray:
        """The order as 32-bit numbers where they fit (sorted twice as quick as 64), made when first asked for."""
        if self._order32 is None:
            if self._order.size >= 1 << 31:
                return self._order
            self._order32 = self._order.astype(np.int32)  # 4 bytes an event
        return self._order32

    @property
    def scans(self) -> bool:
        """True for a small index, whose queries look at every value, so that :meth:`ascending` costs no sort."""
        return bool(self._columns.shape[1] <= _SCAN_BELOW)

    def _sequence_columns(self) -> np.ndarray:
        """The columns in the sequence's order (made when first asked for; small indexes scan them)."""
        if self._in_order is None:
            self._in_order = np.ascontiguousarray(self._columns[:, np.argsort(self._order)])
        return self._in_order

    def ascending(self, first: int, last: int, mode: Mode, *, within: bool = False) -> Positions:
        """:meth:`overlapping` (or :meth:`within`), the positions in ascending order (of the sequence indexed)."""
        found, ordered = self.answer(first, last, mode, within=within)
        if ordered:
            return found
        found.sort()
        return found.astype(np.intp, copy=False)

    def answer(self, first: int, last: int, mode: Mode, *, within: bool = False) -> tuple[np.ndarray, bool]:
        """:meth:`ascending`'s positions, and True; or, for a large index, the same unsorted, and False.

        Unsorted positions are a new array, in 32 bits where they fit: what a
        lazy answer keeps, to sort in place (the quickest sort) when first looked at.
        """
        size = self._size
        if size <= _SCAN_BELOW:
            if size <= _BITS_BELOW:  # a tiny index: two bisections of lists and one '&'
                question = 2 * (mode is Mode.CERTAIN) + within  # (an enum's own hash costs more than a tiny query)
                bits = self._bits[question]
                if bits is None:
                    bits = self._bits[question] = _Bits.of(self._sequence_columns(), mode, within=within)
                return bits.find(first, last), True
            return _scan(self._sequence_columns(), first, last, mode, within=within), True  # found in order
        return self._one(first, last, mode, within=within, through=self._narrow_order()), False

    def _one(self, first: int, last: int, mode: Mode, *, within: bool, through: np.ndarray | None = None) -> Positions:
        """One window: a binary search per span class, then a check of that class's contiguous candidates.

        The positions are in the index's own order, or, with ``through`` (the
        order, in 64 or 32 bits), those positions mapped through it: gathered
        straight from its slices, in a new array, in no particular order.
        """
        c = self._columns
        if c.shape[1] <= _SCAN_BELOW:  # a few thousand values: one look at each costs less than the searches
            found = _scan(c, first, last, mode, within=within)
            return found if through is None else through.take(found)
        first = min(max(first, NEG_DAY), POS_DAY)
        last = min(max(last, NEG_DAY), POS_DAY)
        spans = self._spans
        count = len(spans)
        simple = mode is Mode.POSSIBLE and not within and first <= last  # (a reversed window is read as written)
        # One search for every bound: the lowest key a class may hold, the window's first day, and (as the
        # first key past it) its last day, per class; days are whole numbers, so "right of x" is "left of x + 1".
        sought = [
            base + (max(first - span, NEG_DAY) if span >= 0 else NEG_DAY)
            for base, span in zip(self._bases, spans, strict=True)
        ]
        sought += [base + first for base in self._bases]
        sought += [base + (last if span >= 0 else POS_DAY) + 1 for base, span in zip(self._bases, spans, strict=True)]
        found_at = self._keys.searchsorted(sought).tolist()
        kind = c.dtype.type
        low, high = kind(first), kind(last)
        parts = []
        for number in range(count):
            lo, hi = found_at[number], found_at[2 * count + number]
            if hi <= lo:
                continue
            span = spans[number]
            if mode is Mode.POSSIBLE:
                if within:  # the start may fall on or after `first` and the end on or before `last`
                    hit = (c[5, lo:hi] >= low) & (c[6, lo:hi] <= high)
                elif span >= 0 and simple:
                    # The search keeps the earliest day on or before `last`; those that start on or
                    # after `first` match without a look, the others if they may end on or after it.
                    mid = max(found_at[count + number], lo)
                    if mid > lo:
                        looked = c[7, lo:mid] >= low
                        parts.append(looked.nonzero()[0] + lo if through is None else through[lo:mid][looked])
                    if hi > mid:
                        parts.append(np.arange(mid, hi) if through is None else through[mid:hi])
                    continue
                else:
                    hit = (c[4, lo:hi] <= high) & (c[7, lo:hi] >= low)
            elif within:
                hit = (c[0, lo:hi] >= low) & (c[3, lo:hi] <= high)
            else:
                hit = (c[1, lo:hi] <= high) & (c[2, lo:hi] >= low)
            parts.append(hit.nonzero()[0] + lo if through is None else through[lo:hi][hit])
        if not parts:
            return np.empty(0, dtype=np.intp if through is None else through.dtype)
        if len(parts) == 1 and through is None:
            only: Positions = parts[0]
            return only
        return np.concatenate(parts)  # (a new array even of one part: never a slice of `through`)

    def overlapping_many(
        self, firsts: npt.ArrayLike, lasts: npt.ArrayLike, mode: Mode, *, within: bool = False, ascending: bool = False
    ) -> list[Positions]:
        """:meth:`overlapping` (or :meth:`within`) for many windows at once, in one vectorised pass.

        With ``ascending``, each window's positions come in ascending order (as
        :meth:`ascending` gives them), read-only.
        """
        a = np.asarray(firsts, dtype=np.int64)
        b = np.asarray(lasts, dtype=np.int64)
        if a.shape != b.shape or a.ndim != 1:
            raise ValueError("firsts and lasts must be two flat sequences of the same length")
        if ascending and self._columns.shape[1] <= _SCAN_BELOW:
            return self._scan_many(a, b, mode, within=within)
        through = self._narrow_order() if ascending else self._order
        # Candidates are counted first, then the windows are taken in chunks of about a million
        # candidates: one vectorised pass each, without arrays that outgrow the caches.
        counts = self._candidates(a, b)[2].reshape(a.size, -1).sum(axis=1)
        if a.size and counts.sum() > _LOOP_ABOVE * a.size:
            # Many candidates a window: slices of the index (one window at a time) cost less than gathering them.
            parts = [
                self._one(first, last, mode, within=within, through=through)
                for first, last in zip(a.tolist(), b.tolist(), strict=True)
            ]
            if not ascending:
                return parts
            for number, part in enumerate(parts):
                part.sort()  # each its own array, in 32 bits where they fit: the quickest sort
                # an array a window (one array of them all, hundreds of megabytes, costs more to allocate)
                part = parts[number] = part.astype(np.intp, copy=False)
                part.setflags(write=False)
            return parts
        chunk_ends = np.searchsorted(np.cumsum(counts), np.arange(1, 1 + counts.sum() // _CHUNK + 1) * _CHUNK)
        edges = [0, *sorted({int(e) + 1 for e in chunk_ends if e + 1 < a.size}), a.size]
        simple = mode is Mode.POSSIBLE and not within and bool((a <= b).all())
        results: list[Positions] = []
        for first, stop in itertools.pairwise(edges):
            if simple:
                found, ends = self._possibly_overlapping(a[first:stop], b[first:stop])
            else:
                windows, found = self._search(a[first:stop], b[first:stop], mode, within=within, grouped=True)
                ends = np.searchsorted(windows, np.arange(1, stop - first + 1))  # matches come by window
            bounds = [0, *ends.tolist()]
            found = through.take(found)
            if ascending:
                _sort_each(found, bounds)
                found = found.astype(np.intp, copy=False)
            results += _cut(found, bounds, readonly=ascending)
        return results

    def _scan_many(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], mode: Mode, *, within: bool
    ) -> list[Positions]:
        """:meth:`overlapping_many` of a small index, ascending: every value looked at for every window at once.

        The matches of a (window, value) table read row by row come by window,
        then by position: in order, without a sort.
        """
        c = self._sequence_columns()
        a = np.clip(a, NEG_DAY, POS_DAY)[:, None]
        b = np.clip(b, NEG_DAY, POS_DAY)[:, None]
        results: list[Positions] = []
        step = max(1, _CELLS // max(1, c.shape[1]))  # windows a table: a table of about a million cells at most
        for x in range(0, a.shape[0], step):
            first, last = a[x : x + step], b[x : x + step]
            if mode is Mode.POSSIBLE:
                hit = (c[5] >= first) & (c[6] <= last) if within else (c[4] <= last) & (c[7] >= first)
            else:
                hit = (c[0] >= first) & (c[3] <= last) if within else (c[1] <= last) & (c[2] >= first)
            found = hit.nonzero()[1]
            results += _cut(found, [0, *itertools.accumulate(np.count_nonzero(hit, axis=1).tolist())], readonly=True)
        return results

    def _possibly_overlapping(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
    ) -> tuple[Positions, npt.NDArray[np.intp]]:
        """Positions (in the index's order) that possibly overlap each window ``[a[i], b[i]]`` (``a <= b``).

        As :meth:`_one` finds them, window after window in one array, with where each window's run ends.

        Per window and span class, the events that may start within the window
        match without a look (a run of the index's order); those that start
        before it, if they may end on or after its first day.
        """
        a = np.clip(a, NEG_DAY, POS_DAY)
        b = np.clip(b, NEG_DAY, POS_DAY)
        spans = self._class_spans
        base = self._class_ids << _CLASS_SHIFT
        low_day = np.where(spans >= 0, np.maximum(a[:, None] - spans, NEG_DAY), NEG_DAY)
        keys = self._keys
        los = keys.searchsorted((base + (low_day - NEG_DAY)).ravel(), side="left")
        mids = keys.searchsorted((base + (a[:, None] - NEG_DAY)).ravel(), side="left")
        his = keys.searchsorted((base + (b[:, None] - NEG_DAY)).ravel(), side="right")
        mids = np.maximum(mids, los)
        his = np.maximum(his, mids)
        windows = np.arange(a.size).repeat(spans.size)
        # Starting before the window: looked at.
        before, in_window = mids - los, his - mids
        candidate = _runs(los, before)
        window = np.repeat(windows, before)
        hit = self._columns[7].take(candidate) >= a.take(window)
        looked, looked_window = candidate[hit], window[hit]
        # Starting within it: taken as they are.
        in_each = in_window.reshape(a.size, -1).sum(axis=1)
        taken = _runs(mids, in_window)
        # Both into one array, window after window: a window's looked-at matches, then its taken ones.
        looked_each = np.bincount(looked_window, minlength=a.size)
        ends = np.cumsum(looked_each + in_each)
        starts = ends - (looked_each + in_each)
        found = np.empty(int(ends[-1]) if a.size else 0, dtype=np.intp)
        looked_first = np.cumsum(looked_each) - looked_each  # where each window's run starts in `looked`
        found[starts[looked_window] + np.arange(looked.size) - looked_first[looked_window]] = looked
        taken_window = np.repeat(np.arange(a.size), in_each)
        taken_first = np.cumsum(in_each) - in_each
        found[starts[taken_window] + looked_each[taken_window] + np.arange(taken.size) - taken_first[taken_window]] = (
            taken
        )
        return found, ends

    def _candidates(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """For each window and span class, the first candidate, the stop, and the count."""
        spans = self._class_spans
        bounded = spans >= 0
        # Per window and class, the keys between which an event of the class may touch the window.
        low_day = np.where(bounded, np.maximum(a[:, None] - spans, NEG_DAY), NEG_DAY)
        high_day = np.where(bounded, b[:, None], POS_DAY)
        base = self._class_ids << _CLASS_SHIFT
        los = self._keys.searchsorted((base + (low_day - NEG_DAY)).ravel(), side="left")
        his = self._keys.searchsorted((base + (high_day - NEG_DAY)).ravel(), side="right")
        return los, his, np.maximum(his - los, 0)

    def _search(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], mode: Mode, *, within: bool, grouped: bool = False
    ) -> tuple[npt.NDArray[np.intp], Positions]:
        """(window number, position in the index's order) of every match, for windows ``[a[i], b[i]]``."""
        a = np.clip(a, NEG_DAY, POS_DAY)
        b = np.clip(b, NEG_DAY, POS_DAY)
        los, _, counts = self._candidates(a, b)
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp)
        starts = np.repeat(los - (np.cumsum(counts) - counts), counts)
        candidate = np.arange(total) + starts
        classes = self._class_spans.size
        window = np.repeat(np.arange(a.size).repeat(classes), counts) if a.size > 1 or grouped else None
        first = a[window] if window is not None else a[0]
        last = b[window] if window is not None else b[0]
        c = self._columns
        if mode is Mode.POSSIBLE:
            if within:  # the start may fall on or after `first` and the end on or before `last`
                hit = (c[5].take(candidate) >= first) & (c[6].take(candidate) <= last)
            else:
                hit = (c[4].take(candidate) <= last) & (c[7].take(candidate) >= first)
        elif within:
            hit = (c[0].take(candidate) >= first) & (c[3].take(candidate) <= last)
        else:
            hit = (c[1].take(candidate) <= last) & (c[2].take(candidate) >= first)
        found = candidate[hit]
        if window is None:
            return np.zeros(found.size, dtype=np.intp), found
        return window[hit], found

    def ends(self, positions: Positions | None = None, *, widened: bool = False) -> np.ndarray:
        """The (4, n) day bounds (start first/last, end first/last) in timeline order, or of ``positions``."""
        back = np.empty_like(self._order)
        back[self._order] = np.arange(self._order.size)
        rows = slice(4, 8) if widened else slice(0, 4)
        chosen = back if positions is None else back[positions]
        return self._columns[rows][:, chosen]


def _cut(values: np.ndarray, edges: list[int], *, readonly: bool = False) -> list[Positions]:
    """``values[edges[i]:edges[i + 1]]`` for each ``i``: views of one array (made read-only first, if asked)."""
    if readonly:
        values.setflags(write=False)
    return [values[x:y] for x, y in itertools.pairwise(edges)]


def _sort_each(values: np.ndarray, edges: list[int]) -> None:
    """Sort each run ``values[edges[i]:edges[i + 1]]`` in place (values: 32-bit where they fit, never negative)."""
    runs = len(edges) - 1
    if values.dtype == np.int32 and values.size <= _SHORT_RUNS * runs:
        # many short runs: one sort of (run, value) keys costs less than a call a run
        keys = np.repeat(np.arange(runs, dtype=np.int64) << 32, np.diff(edges))
        keys |= values
        keys.sort()
        keys &= 0xFFFFFFFF
        np.copyto(values, keys, casting="unsafe")  # the low 32 bits: the value, which fits
        return
    for x, y in itertools.pairwise(edges):
        if y - x > 1:
            values[x:y].sort()


def _runs(starts: npt.NDArray[np.intp], lengths: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """The runs ``starts[i], starts[i] + 1, ..., starts[i] + lengths[i] - 1``, one after another, in one array."""
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, dtype=np.intp)
    runs: npt.NDArray[np.intp] = np.arange(total) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return runs


def _bounds(
    values: Sequence[DateValue], widening: Widening | Sequence[Widening], zone: ZoneInfo | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(4, n) day bounds of ``values`` as stated and widened, read in bulk where values are plain.

    Read a slice at a time, so that what reading makes on the way (lists, masks,
    seconds) stays small beside the two arrays returned.
    """
    count = len(values)
    if count <= _SLICE:
        return _slice_bounds(values, widening, zone)
    # Clipped to the days an index holds, every bound fits in 32 bits: half the memory of the two largest arrays.
    raw = np.empty((4, count), dtype=np.int32)
    wide = np.empty((4, count), dtype=np.int32)
    for first in range(0, count, _SLICE):
        stop = min(first + _SLICE, count)
        policies = widening if isinstance(widening, Widening) else widening[first:stop]
        raw_slice, wide_slice = _slice_bounds(values[first:stop], policies, zone)
        np.clip(raw_slice, NEG_DAY, POS_DAY, out=raw[:, first:stop], casting="unsafe")
        np.clip(wide_slice, NEG_DAY, POS_DAY, out=wide[:, first:stop], casting="unsafe")
    return raw, wide


#: Values read at a time by :func:`_bounds`.
_SLICE: Final = 1 << 16


def _slice_bounds(
    values: Sequence[DateValue], widening: Widening | Sequence[Widening], zone: ZoneInfo | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_bounds` of one slice."""
    count = len(values)
    raw = np.empty((4, count), dtype=np.int64)
    policies: Sequence[Widening] | None = None
    if not isinstance(widening, Widening):
        policies = widening
        distinct = list({id(policy): policy for policy in policies}.values())  # by identity: hashing is slow
        widening = distinct[0] if len(distinct) == 1 else DEFAULT_WIDENING
        if len(distinct) == 1:
            policies = None  # one policy for all: the quick path
    widens = widening.widens if policies is None else any(policy.widens for policy in distinct)
    instant = np.fromiter(map(UncertainDate.__instancecheck__, values), dtype=bool, count=count)
    where = np.flatnonzero(instant)
    instants: list[UncertainDate] = [values[i] for i in where.tolist()]  # type: ignore[misc]
    pad = np.zeros((2, count), dtype=np.int64)  # seconds to widen the start and the end by
    if instants:
        lo = np.fromiter(map(_LO, instants), dtype=np.int64, count=len(instants))
        hi = np.fromiter(map(_HI, instants), dtype=np.int64, count=len(instants))
        _movewall_seconds(instants, lo, hi, zone)
        raw[0, where] = raw[2, where] = lo
        raw[1, where] = raw[3, where] = hi
        if widens:
            pads = _pads(instants, widening, None if policies is None else [policies[i] for i in where.tolist()])
            pad[0, where] = pad[1, where] = pads
    lasting = np.flatnonzero(~instant).tolist()
    intervals: list[Interval] = [values[i] for i in lasting]  # type: ignore[misc]
    starts_all = list(map(_START, intervals))
    ends_all = list(map(_END, intervals))
    dated = [
        k
        for k, (start, end) in enumerate(zip(starts_all, ends_all, strict=True))
        if start.__class__ in INSTANT_CLASSES and end.__class__ in INSTANT_CLASSES
    ]
    if dated:  # both ends dated: read in bulk
        every = len(dated) == len(lasting)  # the common case: no list to filter
        where = np.asarray(lasting if every else [lasting[k] for k in dated], dtype=np.intp)
        starts: list[UncertainDate] = starts_all if every else [starts_all[k] for k in dated]
        ends: list[UncertainDate] = ends_all if every else [ends_all[k] for k in dated]
        size = len(dated)
        for rows, ends_of in (((0, 1), starts), ((2, 3), ends)):
            lo = np.fromiter(map(_LO, ends_of), dtype=np.int64, count=size)
            hi = np.fromiter(map(_HI, ends_of), dtype=np.int64, count=size)
            _movewall_seconds(ends_of, lo, hi, zone)
            raw[rows[0], where] = lo
            raw[rows[1], where] = hi
        if widens:
            chosen = None if policies is None else [policies[i] for i in where.tolist()]
            pad[0, where] = _pads(starts, widening, chosen)
            pad[1, where] = _pads(ends, widening, chosen)
    # So far in seconds; now the widened copy, then both in days (in place: these arrays are the largest made).
    wide = raw.copy()
    wide[0] -= pad[0]
    wide[1] += pad[0]
    wide[2] -= pad[1]
    wide[3] += pad[1]
    del pad
    np.floor_divide(raw, SECONDS_PER_DAY, out=raw)
    np.floor_divide(wide, SECONDS_PER_DAY, out=wide)
    for days in (raw, wide):  # an interval's start cannot come after its end, nor its end before its start
        np.minimum(days[1], days[3], out=days[1])
        np.maximum(days[2], days[0], out=days[2])
    if len(dated) < len(lasting):
        bulk = {lasting[k] for k in dated}
        for i in lasting:
            if i not in bulk:  # an open or unknown end: read one by one
                raw[:, i] = day_ends(values[i], zone=zone)
                wide[:, i] = day_ends(values[i], widening if policies is None else policies[i], zone)
    return raw, wide


_LO = operator.attrgetter("lo")
_HI = operator.attrgetter("hi")
_OFFSET = operator.attrgetter("utc_offset")


def _movewall_seconds(
    values: list[UncertainDate], lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], zone: ZoneInfo | None
) -> None:
    """Move the bounds of times with an offset to ``zone``'s wall clock (UTC when None), in place.

    Most values have no offset: one quick pass finds that.
    """
    offsets = list(map(_OFFSET, values))
    if offsets.count(None) == len(offsets):
        return
    for k, offset in enumerate(offsets):
        if offset is not None:
            lo[k] = wall_seconds(int(lo[k]), offset, zone)
            hi[k] = wall_seconds(int(hi[k]), offset, zone)


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def _pads(
    values: list[UncertainDate], widening: Widening, policies: list[Widening] | None = None
) -> npt.NDArray[np.int64]:
    """Seconds each value is widened by on each side (0 for values without a qualifier); ``policies``: one each."""
    pads = np.zeros(len(values), dtype=np.int64)
    none = Qualifier.NONE
    flagged = [k for k, q in enumerate(map(_QUALIFIER, values)) if q is not none]
    cache: dict[tuple[int, int, int], int] = {}
    for k in flagged:
        value = values[k]
        policy = widening if policies is None else policies[k]
        # enum members and policies are shared objects; their own hashes are slow
        key = (id(value.precision), id(value.qualifier), id(policy))
        if key not in cache:
            cache[key] = value.precision.longest_seconds * policy.units(value)
        pads[k] = cache[key]
    return pads


_QUALIFIER = operator.attrgetter("qualifier")
