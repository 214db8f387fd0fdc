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
factor of eight from class to class, so candidates that do not match are few;
neighbouring classes are merged where one more search a window would cost
more than the candidates it saves (small indexes have one or two classes).
Unbounded events (open or unknown ends) sit in a last class, checked whole.
"""

from __future__ import annotations

import enum
import itertools
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
_CHUNK: Final = 1 << 20  # candidates examined in one vectorised pass by overlapping_many (other questions)
#: Candidates a window, on average, above which overlapping_many takes one window at a time (other questions).
_LOOP_ABOVE: Final = 1_000
#: Candidates a window, on average, up to which "possibly overlapping" many windows gathers them in one pass.
_GATHER_UP_TO: int = 80  # not Final: the tests set it to make every window gather, or take slices
#: Windows whose searches are made in one call by overlapping_many (a few keys each, in int64).
_WINDOWS_AT_ONCE: int = 1 << 15  # not Final: the tests set it
#: Candidates (of many windows) "possibly overlapping" many windows gathers in one pass: arrays of 2 MB, under
#: the 4 MB from which numpy asks the kernel for huge pages (measured: their faults may stall on compaction).
_BUFFER: int = 1 << 18  # not Final: the tests set it
#: Up to this many values, a window's answer is one '&' of two sets (as Python ints) the index keeps.
_BITS_BELOW: int = 256  # not Final: the tests set it to make tiny indexes scan or search
#: Up to this many matches, a set of values is read bit by bit in Python; more, by numpy.
_BITS_LISTED: Final = 16
#: Up to this many values, "possibly overlapping" many windows (ascending) look at a (window, value) table too.
_TABLE_UP_TO: Final = 32
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
        self._latest = columns[7]  # each value's last possible day (widened), what _possibly looks at
        # per class, what _possibly adds to a window's days to search its keys: the base, and the lowest
        # day a value of the class that may touch the window starts on (its first day less this), or None
        self._searched: list[tuple[int, int | None]] = [
            (base, span if span >= 0 else None) for base, span in zip(self._bases, self._spans, strict=True)
        ]
        # A mid-sized index with bounded classes only: one window is searched by bisecting the keys as a
        # Python list (made on the first such query), cheaper than a numpy call at these sizes; see _lean_find.
        self._lean: list[tuple[int, int]] | None = (
            list(zip(self._bases, self._spans, strict=True))
            if _SEARCH_FROM <= self._size < _NARROW_FROM and -1 not in self._spans
            else None
        )
        self._key_list: list[int] | None = None

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
        if len(limits) > 1:  # neighbouring classes merged where a search costs more than the candidates it saves
            sizes = np.bincount(group, minlength=len(limits) + 1)[:-1].tolist()
            np.take(_merged_classes(sizes, limits, _day_range(wide[0], unbounded)), group, out=group)
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
        # the keys as a Python list (a mid-sized index's one-window path): a pointer and an int object each
        listed = 0 if self._key_list is None else len(self._key_list) * (8 + _INT_BYTES)
        return int(self._columns.nbytes + self._order.nbytes + self._keys.nbytes + sum(a.nbytes for a in made) + listed)

    # -- queries ------------------------------------------------------------------------------------

    def overlapping(self, first: int, last: int, mode: Mode, *, raw: bool = False) -> Positions:
        """Positions of the values that (possibly or certainly) share a day with ``[first, last]``.

        With ``raw``, the positions are in the index's own order (see :meth:`positions`).
        """
        if not raw and self._size <= _SCAN_BELOW and self._size < _SEARCH_FROM:  # found in the sequence's order
            return self.answer(first, last, mode)[0]
        if not raw and mode is Mode.POSSIBLE and first <= last:
            lean = self._lean
            return self._possibly(first, last, self._order) if lean is None else self._lean_find(first, last, lean)
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
        if size <= _SCAN_BELOW and size < _SEARCH_FROM:
            if size <= _BITS_BELOW:  # a tiny index: two bisections of lists and one '&'
                question = 2 * (mode is Mode.CERTAIN) + within  # (an enum's own hash costs more than a tiny query)
                bits = self._bits[question]
                if bits is None:
                    bits = self._bits[question] = _Bits.of(self._sequence_columns(), mode, within=within)
                return bits.find(first, last), True
            return _scan(self._sequence_columns(), first, last, mode, within=within), True  # found in order
        # (small answers are sorted as quickly in 64 bits, without a copy to 64 bits after)
        through = self._order if size < _NARROW_FROM else self._narrow_order()
        if mode is Mode.POSSIBLE and not within and first <= last:
            return self._possibly(first, last, through), False
        return self._one(first, last, mode, within=within, through=through), False

    def possibly(self, first: int, last: int) -> tuple[np.ndarray, bool]:
        """:meth:`answer` for the commonest question, possibly overlapping ``[first, last]`` (``first <= last``).

        A mid-sized index (``_SEARCH_FROM`` to ``_NARROW_FROM`` values,
        every class bounded) answers by the leanest path: bisections of its
        keys kept as a Python list and one look at the candidates, unsorted (a
        new array, for the caller to sort when the order is asked for: ``len``
        needs none). Others answer as :meth:`answer` does.
        """
        classes = self._lean
        if classes is None:
            return self.answer(first, last, Mode.POSSIBLE)
        return self._lean_find(first, last, classes), False

    def _lean_find(self, first: int, last: int, classes: list[tuple[int, int]]) -> Positions:
        """The positions (unsorted, a new array) of the values possibly overlapping ``[first, last]``.

        For a mid-sized index whose classes are all bounded (``classes``: each
        one's base and longest span), ``first <= last``: per class, two
        bisections of the keys (as a Python list: a numpy call costs more than
        the search at these sizes) give the values that start from the class's
        longest span before the window to its last day; those that may end on
        or after its first day are kept.
        """
        keys = self._key_list
        if keys is None:
            keys = self._key_list = self._keys.tolist()
        first = NEG_DAY if first < NEG_DAY else POS_DAY if first > POS_DAY else first
        last = NEG_DAY if last < NEG_DAY else POS_DAY if last > POS_DAY else last
        through, latest = self._order, self._latest
        if len(classes) == 1:
            base, span = classes[0]
            low = first - span
            lo = bisect_left(keys, base + (low if low > NEG_DAY else NEG_DAY))
            hi = bisect_left(keys, base + last + 1, lo)
            found: Positions = _chosen(through[lo:hi], latest[lo:hi] >= first)
            return found
        parts = []
        for base, span in classes:
            low = first - span
            lo = bisect_left(keys, base + (low if low > NEG_DAY else NEG_DAY))
            hi = bisect_left(keys, base + last + 1, lo)
            if hi > lo:
                parts.append(_chosen(through[lo:hi], latest[lo:hi] >= first))
        if len(parts) == 1:
            only: Positions = parts[0]
            return only
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.intp)

    def _possibly(self, first: int, last: int, through: np.ndarray) -> Positions:
        """:meth:`_one` for the commonest question (possibly overlapping, ``first <= last``), kept lean.

        A small index has one or two classes: the fixed cost of a call is most
        of a window's, so it is as plain as a loop over the classes can be.
        """
        first = NEG_DAY if first < NEG_DAY else POS_DAY if first > POS_DAY else first
        last = NEG_DAY if last < NEG_DAY else POS_DAY if last > POS_DAY else last
        sought: list[int] = []
        for base, span in self._searched:
            if span is None:  # unbounded: all of the class
                sought += (base + NEG_DAY, base + POS_DAY + 1)
            else:
                low = first - span
                sought += (base + (low if low > NEG_DAY else NEG_DAY), base + last + 1)
        found_at = self._keys.searchsorted(sought).tolist()
        latest = self._latest
        if len(found_at) == 2 and self._searched[0][1] is not None:  # one class (a small index), few candidates
            lo, hi = found_at
            if hi - lo <= _SPLIT_FROM:
                found: Positions = _chosen(through[lo:hi], latest[lo:hi] >= first)  # (a new array: a selection)
                return found
        parts = []
        for number, (base, span) in enumerate(self._searched):
            lo, hi = found_at[2 * number], found_at[2 * number + 1]
            if hi <= lo:
                continue
            if span is None:  # unbounded: may start after the window (an open start is at NEG_DAY)
                hit = (self._columns[4, lo:hi] <= last) & (latest[lo:hi] >= first)
                parts.append(through[lo:hi][hit])
                continue
            if hi - lo <= _SPLIT_FROM:  # few candidates: all looked at (those within the window pass)
                parts.append(_chosen(through[lo:hi], latest[lo:hi] >= first))
                continue
            mid = int(self._keys.searchsorted(base + first))
            if hi - mid <= _LOOK_UP_TO:  # those that start within the window pass the look too
                parts.append(_chosen(through[lo:hi], latest[lo:hi] >= first))
            else:  # many start within the window: taken without a look
                parts += (_chosen(through[lo:mid], latest[lo:mid] >= first), through[mid:hi])
        if len(parts) == 1:
            only: Positions = parts[0]  # (a new array: a selection)
            return only
        if not parts:
            return np.empty(0, dtype=through.dtype)
        return np.concatenate(parts)

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
        simple = mode is Mode.POSSIBLE and not within and first <= last  # (a reversed window is read as written)
        # One search for every bound, three a class: the lowest key it may hold, the window's first day, and
        # (as the first key past it) its last day; days are whole numbers, so "right of x" is "left of x + 1".
        sought: list[int] = []
        for base, span in zip(self._bases, self._spans, strict=True):
            if span >= 0:
                sought += (base + max(first - span, NEG_DAY), base + first, base + last + 1)
            else:  # unbounded: all of the class
                sought += (base + NEG_DAY, base + first, base + POS_DAY + 1)
        found_at = self._keys.searchsorted(sought).tolist()
        parts = []  # each a new array: never a slice of `through`
        for number, span in enumerate(self._spans):
            lo, mid, hi = found_at[3 * number : 3 * number + 3]
            if hi <= lo:
                continue
            if mode is Mode.POSSIBLE:
                if within:  # the start may fall on or after `first` and the end on or before `last`
                    hit = (c[5, lo:hi] >= first) & (c[6, lo:hi] <= last)
                elif span >= 0 and simple:
                    # The search keeps the earliest day on or before `last`; those that start on or after
                    # `first` match without a look (when many, taken as they are), the others if they may
                    # end on or after it.
                    if hi - mid <= _LOOK_UP_TO:
                        hit = c[7, lo:hi] >= first
                    else:
                        if mid > lo:
                            looked = c[7, lo:mid] >= first
                            parts.append(looked.nonzero()[0] + lo if through is None else through[lo:mid][looked])
                        parts.append(np.arange(mid, hi) if through is None else through[mid:hi].copy())
                        continue
                else:
                    hit = (c[4, lo:hi] <= last) & (c[7, lo:hi] >= first)
            elif within:
                hit = (c[0, lo:hi] >= first) & (c[3, lo:hi] <= last)
            else:
                hit = (c[1, lo:hi] <= last) & (c[2, lo:hi] >= first)
            parts.append(hit.nonzero()[0] + lo if through is None else through[lo:hi][hit])
        if len(parts) == 1:
            only: Positions = parts[0]
            return only
        if not parts:
            return np.empty(0, dtype=np.intp if through is None else through.dtype)
        return np.concatenate(parts)

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
        simple = mode is Mode.POSSIBLE and not within and bool((a <= b).all())
        if ascending and self._size <= _SCAN_BELOW and (self._size <= _TABLE_UP_TO or not simple):
            return self._scan_many(a, b, mode, within=within)
        if simple:
            return self._possibly_many(a, b, ascending=ascending)
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
        results: list[Positions] = []
        for first, stop in itertools.pairwise(edges):
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

    def _possibly_many(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], *, ascending: bool) -> list[Positions]:
        """:meth:`overlapping_many` for the commonest question (possibly overlapping, every ``a[i] <= b[i]``).

        The searches of every window and span class are one vectorised call
        (three keys each: the lowest a value that may touch the window starts
        on, the window's first day, the day after its last). Then, windows in
        chunks of about :data:`_BUFFER` candidates: where a window has few
        candidates, a chunk's are gathered and looked at in one pass; where
        many, each window takes slices of the index as :meth:`_possibly` does
        (those that start before the window looked at, the many that start
        within it taken without a look), no candidate gathered.
        """
        a = np.clip(a, NEG_DAY, POS_DAY)
        b = np.clip(b, NEG_DAY, POS_DAY)
        # (positions as a window's answer gives them: sorted in 32 bits where the index is large, in place)
        through = self._narrow_order() if ascending and self._size >= _NARROW_FROM else self._order
        spans = self._class_spans
        bounded = spans >= 0
        base = (self._class_ids << _CLASS_SHIFT) - NEG_DAY
        results: list[Positions] = []
        for x in range(0, a.size, _WINDOWS_AT_ONCE):
            first, last = a[x : x + _WINDOWS_AT_ONCE, None], b[x : x + _WINDOWS_AT_ONCE, None]
            sought = np.empty((first.shape[0], spans.size, 3), dtype=np.int64)
            sought[:, :, 0] = np.where(bounded, np.maximum(first - spans, NEG_DAY), NEG_DAY)
            # unbounded values (an open start may sit before the window) are all looked at: their "within" is empty
            sought[:, :, 1] = np.where(bounded, first, last + 1)
            sought[:, :, 2] = last + 1
            sought += base[:, None]
            at = self._keys.searchsorted(sought.ravel()).reshape(first.shape[0], -1)  # lo, mid, hi a class
            del sought
            each = (at[:, 2::3] - at[:, 0::3]).sum(axis=1)  # candidates a window
            total = np.cumsum(each)
            cuts = np.searchsorted(total, np.arange(_BUFFER, int(total[-1]), _BUFFER), side="right").tolist()
            for y, z in itertools.pairwise(sorted({0, *cuts, first.shape[0]})):
                firsts = a[x + y : x + z]
                if int(total[z - 1]) - (int(total[y - 1]) if y else 0) <= _GATHER_UP_TO * (z - y):
                    results += self._gathered(at[y:z], each[y:z], firsts, through, ascending=ascending)
                else:
                    results += self._sliced(at[y:z], firsts, through, ascending=ascending)
        return results

    def _gathered(
        self, at: np.ndarray, each: np.ndarray, firsts: npt.NDArray[np.int64], through: np.ndarray, *, ascending: bool
    ) -> list[Positions]:
        """:meth:`_possibly_many`'s answers for windows with few candidates: all gathered, looked at in one pass."""
        los, his = at[:, 0::3].ravel(), at[:, 2::3].ravel()
        candidate = _runs(los, his - los)  # window after window
        hit = self._latest.take(candidate) >= np.repeat(firsts.astype(self._latest.dtype), each)
        found = through.take(_chosen(candidate, hit))
        hits = np.zeros(hit.size + 1, dtype=np.intp)  # hits[k]: matches among the first k candidates
        np.cumsum(hit, out=hits[1:])
        edges = [0, *hits.take(np.cumsum(each)).tolist()]
        if ascending:
            _sort_each(found, edges, fits=self._size < 1 << 31)
            found = found.astype(np.intp, copy=False)
        return _cut(found, edges, readonly=ascending)

    def _sliced(
        self, at: np.ndarray, firsts: npt.NDArray[np.int64], through: np.ndarray, *, ascending: bool
    ) -> list[Positions]:
        """:meth:`_possibly_many`'s answers for windows with many candidates: slices of the index, a window at a time.

        An array a window (measured: one array of many windows' answers costs
        more page faults, as the memory of arrays of a window's size is reused).
        """
        latest = self._latest
        found: list[np.ndarray] = []
        if at.shape[1] == 3:  # one class (a small index): one look a window
            for (lo, mid, hi), first in zip(at.tolist(), firsts.tolist(), strict=True):
                if hi - mid <= _LOOK_UP_TO:
                    found.append(_chosen(through[lo:hi], latest[lo:hi] >= first))
                else:  # many start within the window: taken without a look
                    found.append(np.concatenate((_chosen(through[lo:mid], latest[lo:mid] >= first), through[mid:hi])))
        else:
            for row, first in zip(at.tolist(), firsts.tolist(), strict=True):
                parts = []
                for k in range(0, len(row), 3):
                    lo, mid, hi = row[k : k + 3]
                    if hi - mid <= _LOOK_UP_TO:
                        if hi > lo:
                            parts.append(_chosen(through[lo:hi], latest[lo:hi] >= first))
                    else:
                        if mid > lo:
                            parts.append(_chosen(through[lo:mid], latest[lo:mid] >= first))
                        parts.append(through[mid:hi])
                if len(parts) != 1:
                    found.append(np.concatenate(parts) if parts else through[:0].copy())
                else:  # (a new array: never a slice of the order)
                    found.append(parts[0] if parts[0].base is None else parts[0].copy())
        if not ascending:
            return found
        if sum(part.size for part in found) <= _SHORT_RUNS * len(found):
            # short answers: one sort of (window, position) keys costs less than a sort a window
            edges = [0, *itertools.accumulate(part.size for part in found)]
            flat = np.concatenate(found) if found else through[:0].copy()
            _sort_each(flat, edges, fits=self._size < 1 << 31)
            return _cut(flat.astype(np.intp, copy=False), edges, readonly=True)
        for number, part in enumerate(found):
            part.sort()  # its own array, in 32 bits where they fit: the quickest sort
            part = found[number] = part.astype(np.intp, copy=False)
            part.setflags(write=False)
        return found

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


def _day_range(firsts: np.ndarray, unbounded: np.ndarray) -> float:
    """Days over which most bounded values start (their first days' 5th to 95th percentile, spread to the whole).

    From a sample: an estimate of how many values start on a day, for
    :func:`_merged_classes`, robust to a few values far from the rest.
    """
    step = max(1, firsts.size // _SAMPLE)
    sample = firsts[::step][~unbounded[::step]]
    if sample.size < 2:
        return 1.0
    low, high = np.percentile(sample, [5, 95])
    return max(float(high - low) / 0.9, 1.0)


def _merged_classes(sizes: list[int], limits: list[int], days: float) -> npt.NDArray[np.int64]:
    """The class each span class joins (neighbours merged), and the unbounded class last, kept apart.

    A window looks at every value of a class that starts within the class's
    longest span before it: merging a class of ``n`` values whose spans are at
    most ``s`` into one of spans up to ``l`` adds about ``n * (l - s) / days``
    candidates a window, and saves a search and its calls, which cost about
    :data:`_CLASS_COST` candidates. The cheapest grouping of neighbours is
    found by dynamic programming over the (at most a dozen) classes.
    """
    count = len(sizes)
    before = [0, *itertools.accumulate(sizes)]
    best = [0.0] + [float("inf")] * count  # best[j]: the cheapest grouping of the first j classes
    start = [0] * (count + 1)  # where the last group of that grouping starts
    for j in range(1, count + 1):
        for i in range(j):
            members = before[j] - before[i]
            cost = best[i] + (_CLASS_COST + members * limits[j - 1] / days if members else 0.0)
            if cost < best[j]:
                best[j], start[j] = cost, i
    joins = [0] * (count + 1)
    j, groups = count, []
    while j > 0:
        groups.append((start[j], j))
        j = start[j]
    for number, (i, j) in enumerate(reversed(groups)):
        joins[i:j] = [number] * (j - i)
    joins[count] = count  # the unbounded class: its own, last
    return np.asarray(joins, dtype=np.int64)


#: From this many values, one window is answered by a search (up to _SCAN_BELOW, many windows at once by a scan).
_SEARCH_FROM: Final = 512
#: Values that start within a window, in one class, up to which they are looked at with the others (one
#: compare); more are taken without a look, in a part of their own.
_LOOK_UP_TO: int = 1024  # not Final: the tests set it (with _SPLIT_FROM) to take every run without a look
#: Candidates in one class up to which :meth:`Index._possibly` looks at them all without a search for those
#: that start within the window.
_SPLIT_FROM: int = 8192  # not Final: the tests set it to make small indexes take the values within as they are
#: Indexes of this many values or more give unsorted answers in 32 bits (sorted twice as quick as 64); from
#: _SEARCH_FROM values up to this many, one window's search bisects the keys as a Python list (see possibly).
_NARROW_FROM: Final = 1 << 15
#: Bytes of a Python int of a key (above 2**30: two 30-bit digits and the object's header).
_INT_BYTES: Final = 32
#: Values sampled to estimate over how many days values start.
_SAMPLE: Final = 4096
#: What searching one more span class costs a window, in values looked at (calls and searches against a compare).
_CLASS_COST: int = 2048  # not Final: the tests set it to keep every class apart


def _chosen(values: np.ndarray, hit: npt.NDArray[np.bool_]) -> np.ndarray:
    """``values[hit]`` (a new array): by ``compress`` when long, which does not branch on each flag as indexing does.

    Indexing by flags is quicker for short arrays and for flags in long runs;
    ``compress``, two to four times quicker for long arrays of mixed flags
    (the flags of values that start before a window and may reach it).
    """
    if hit.size < _COMPRESS_FROM:
        return values[hit]
    return values.compress(hit)


#: Flags from which :func:`_chosen` compresses rather than indexes.
_COMPRESS_FROM: Final = 512


def _cut(values: np.ndarray, edges: list[int], *, readonly: bool = False) -> list[Positions]:
    """``values[edges[i]:edges[i + 1]]`` for each ``i``: views of one array (made read-only first, if asked)."""
    if readonly:
        values.setflags(write=False)
    return [values[x:y] for x, y in itertools.pairwise(edges)]


def _sort_each(values: np.ndarray, edges: list[int], *, fits: bool = False) -> None:
    """Sort each run ``values[edges[i]:edges[i + 1]]`` in place (values never negative; ``fits``: below 2**31)."""
    runs = len(edges) - 1
    if (fits or values.dtype == np.int32) and values.size <= _SHORT_RUNS * runs:
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
_SLICE: Final = 1 << 12  # (a slice's values stay in the processor's caches between its passes)


def _slice_bounds(
    values: Sequence[DateValue], widening: Widening | Sequence[Widening], zone: ZoneInfo | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_bounds` of one slice.

    One loop reads every value's bounds in seconds (quicker than passes of
    ``map`` over attribute getters: the interpreter specialises a loop's
    attribute reads, and each value is fetched from memory once). Values with
    an offset are moved to ``zone``'s wall clock, and those with an open or
    unknown end read as :func:`day_ends` reads them, one by one.
    """
    count = len(values)
    policies: Sequence[Widening] | None = None
    distinct: list[Widening] = []
    if not isinstance(widening, Widening):
        policies = widening
        distinct = list({id(policy): policy for policy in policies}.values())  # by identity: hashing is slow
        widening = distinct[0] if len(distinct) == 1 else DEFAULT_WIDENING
        if len(distinct) == 1:
            policies = None  # one policy for all: the quick path
    widens = widening.widens if policies is None else any(policy.widens for policy in distinct)
    moved: list[int] = []  # positions (in the slice) of values with an offset
    undated: list[int] = []  # of intervals with an open or unknown end
    try:
        rows = _plain_seconds(values)
    except AttributeError:  # an open or unknown end (an Endpoint has no bounds)
        rows = None
    if rows is None:
        rows = _seconds(values, moved, undated)
    raw = np.array(rows, dtype=np.int64).reshape(4, count)
    del rows
    for k in moved:
        _move_to_wall(values[k], raw[:, k], zone)
    wide = raw.copy()
    if widens:  # widened by seconds on each side: the start's first and last, then the end's
        pads = _pads(values, widening, policies)
        wide[0] -= pads[0]
        wide[1] += pads[0]
        wide[2] -= pads[1]
        wide[3] += pads[1]
        del pads
    # So far in seconds; now in days (in place: these arrays are the largest made).
    np.floor_divide(raw, SECONDS_PER_DAY, out=raw)
    np.floor_divide(wide, SECONDS_PER_DAY, out=wide)
    for days in (raw, wide):  # an interval's start cannot come after its end, nor its end before its start
        np.minimum(days[1], days[3], out=days[1])
        np.maximum(days[2], days[0], out=days[2])
    for i in undated:  # an open or unknown end: read one by one
        raw[:, i] = day_ends(values[i], zone=zone)
        wide[:, i] = day_ends(values[i], widening if policies is None else policies[i], zone)
    return raw, wide


def _plain_seconds(values: Sequence[DateValue]) -> list[list[int]] | None:
    """The first and last second of each value's start, then of its end; None if a value has an offset.

    Raises AttributeError at an interval with an open or unknown end. The
    common case, kept lean: no positions counted, each bound appended as read.
    """
    s_lo: list[int] = []
    s_hi: list[int] = []
    e_lo: list[int] = []
    e_hi: list[int] = []
    offsets = False
    for value in values:
        kind = value.__class__
        if kind is Interval:
            start, end = value.start, value.end  # type: ignore[union-attr]
            s_lo.append(start.lo)  # type: ignore[union-attr]
            s_hi.append(start.hi)  # type: ignore[union-attr]
            e_lo.append(end.lo)  # type: ignore[union-attr]
            e_hi.append(end.hi)  # type: ignore[union-attr]
            if start.utc_offset is not None or end.utc_offset is not None:  # type: ignore[union-attr]
                offsets = True
        elif kind in INSTANT_CLASSES:
            lo, hi = value.lo, value.hi
            s_lo.append(lo)
            s_hi.append(hi)
            e_lo.append(lo)
            e_hi.append(hi)
            if value.utc_offset is not None:  # type: ignore[union-attr]
                offsets = True
        else:
            return None  # a kind of value of its own: read by _seconds
    return None if offsets else [s_lo, s_hi, e_lo, e_hi]


def _seconds(values: Sequence[DateValue], moved: list[int], undated: list[int]) -> list[list[int]]:
    """:func:`_plain_seconds` of any values, listing where values have an offset (``moved``) or an undated end.

    An undated end's bounds are left at 0, to be read by :func:`day_ends`.
    """
    s_lo: list[int] = []
    s_hi: list[int] = []
    e_lo: list[int] = []
    e_hi: list[int] = []
    for k, value in enumerate(values):
        if isinstance(value, UncertainDate):
            s_lo.append(value.lo)
            s_hi.append(value.hi)
            e_lo.append(value.lo)
            e_hi.append(value.hi)
            if value.utc_offset is not None:
                moved.append(k)
            continue
        start, end = value.start, value.end
        if isinstance(start, UncertainDate) and isinstance(end, UncertainDate):
            s_lo.append(start.lo)
            s_hi.append(start.hi)
            e_lo.append(end.lo)
            e_hi.append(end.hi)
            if start.utc_offset is not None or end.utc_offset is not None:
                moved.append(k)
        else:
            for row in (s_lo, s_hi, e_lo, e_hi):
                row.append(0)
            undated.append(k)
    return [s_lo, s_hi, e_lo, e_hi]


def _move_to_wall(value: DateValue, seconds: npt.NDArray[np.int64], zone: ZoneInfo | None) -> None:
    """Move the bounds (start first/last, end first/last) of a value with an offset to ``zone``'s wall clock.

    In place; UTC when ``zone`` is None. Each dated end with an offset moves.
    """
    ends: list[tuple[UncertainDate | Endpoint, tuple[int, int]]]
    if isinstance(value, UncertainDate):
        ends = [(value, (0, 1)), (value, (2, 3))]
    else:
        ends = [(value.start, (0, 1)), (value.end, (2, 3))]  # (both dated: see _seconds)
    for end, (low, high) in ends:
        offset = end.utc_offset if isinstance(end, UncertainDate) else None
        if offset is not None:
            seconds[low] = wall_seconds(int(seconds[low]), offset, zone)
            seconds[high] = wall_seconds(int(seconds[high]), offset, zone)


def _pads(
    values: Sequence[DateValue], widening: Widening, policies: Sequence[Widening] | None = None
) -> npt.NDArray[np.int64]:
    """Seconds each value's start (row 0) and end (row 1) are widened by on each side; ``policies``: one each.

    0 for a date without a qualifier, and for an open or unknown end.
    """
    none = Qualifier.NONE
    rows: list[int] = []
    positions: list[int] = []
    dates: list[UncertainDate] = []
    for k, value in enumerate(values):  # (the few qualified dates listed: most have no qualifier)
        if isinstance(value, UncertainDate):
            if value.qualifier is not none:
                rows += (0, 1)
                positions += (k, k)
                dates += (value, value)
            continue
        for row, end in enumerate((value.start, value.end)):
            if end.__class__ is not Endpoint and end.qualifier is not none:  # type: ignore[union-attr]
                rows.append(row)
                positions.append(k)
                dates.append(end)  # type: ignore[arg-type]
    cache: dict[tuple[int, int, int], int] = {}
    amounts = []
    for k, value in zip(positions, dates, strict=True):
        policy = widening if policies is None else policies[k]
        # enum members and policies are shared objects; their own hashes are slow
        key = (id(value.precision), id(value.qualifier), id(policy))
        amount = cache.get(key)
        if amount is None:
            amount = cache[key] = value.precision.longest_seconds * policy.units(value)
        amounts.append(amount)
    pads = np.zeros((2, len(values)), dtype=np.int64)
    pads[rows, positions] = amounts
    return pads
