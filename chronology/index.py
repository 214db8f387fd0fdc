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
        found = self._one(first, last, mode, within=False)
        return found if raw else self._order.take(found)

    def within(self, first: int, last: int, mode: Mode, *, raw: bool = False) -> Positions:
        """Positions of the values that (possibly or certainly) lie wholly within ``[first, last]``."""
        found = self._one(first, last, mode, within=True)
        return found if raw else self._order.take(found)

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
        if self._order32 is None:
            if self._order.size >= 1 << 31:
                return np.sort(self._order.take(raw))
            self._order32 = self._order.astype(np.int32)  # made when first asked for: 4 bytes an event
        found: Positions = np.sort(self._order32.take(raw)).astype(np.intp)
        return found

    @property
    def scans(self) -> bool:
        """True for a small index, whose queries look at every value, so that :meth:`ascending` costs no sort."""
        return bool(self._columns.shape[1] <= _SCAN_BELOW)

    def ascending(self, first: int, last: int, mode: Mode, *, within: bool = False) -> Positions:
        """:meth:`overlapping` (or :meth:`within`), the positions in ascending order (of the sequence indexed)."""
        if self.scans:  # a look at each value, in the sequence's order: found in order
            if self._in_order is None:
                self._in_order = np.ascontiguousarray(self._columns[:, np.argsort(self._order)])
            return _scan(self._in_order, first, last, mode, within=within)
        return self.sorted_positions(self._one(first, last, mode, within=within))

    def _one(self, first: int, last: int, mode: Mode, *, within: bool) -> Positions:
        """One window: a binary search per span class, then a check of that class's contiguous candidates."""
        c = self._columns
        if c.shape[1] <= _SCAN_BELOW:  # a few thousand values: one look at each costs less than the searches
            return _scan(c, first, last, mode, within=within)
        first = min(max(first, NEG_DAY), POS_DAY)
        last = min(max(last, NEG_DAY), POS_DAY)
        spans = self._spans
        lows = [
            base + (max(first - span, NEG_DAY) if span >= 0 else NEG_DAY)
            for base, span in zip(self._bases, spans, strict=True)
        ]
        highs = [base + (last if span >= 0 else POS_DAY) for base, span in zip(self._bases, spans, strict=True)]
        simple = mode is Mode.POSSIBLE and not within and first <= last  # (a reversed window is read as written)
        mids = [base + first for base in self._bases] if simple else []
        found_at = self._keys.searchsorted(lows + mids, side="left").tolist()
        los, mids = found_at[: len(lows)], found_at[len(lows) :]
        his = self._keys.searchsorted(highs, side="right").tolist()
        kind = c.dtype.type
        low, high = kind(first), kind(last)
        found = []
        for number, (lo, hi, span) in enumerate(zip(los, his, spans, strict=True)):
            if hi <= lo:
                continue
            if mode is Mode.POSSIBLE:
                if within:  # the start may fall on or after `first` and the end on or before `last`
                    hit = (c[5, lo:hi] >= low) & (c[6, lo:hi] <= high)
                elif span >= 0 and simple:
                    # The search keeps the earliest day on or before `last`; those that start on or
                    # after `first` match without a look, the others if they may end on or after it.
                    mid = mids[number]
                    found.append((c[7, lo:mid] >= low).nonzero()[0] + lo)
                    found.append(np.arange(mid, hi))
                    continue
                else:
                    hit = (c[4, lo:hi] <= high) & (c[7, lo:hi] >= low)
            elif within:
                hit = (c[0, lo:hi] >= low) & (c[3, lo:hi] <= high)
            else:
                hit = (c[1, lo:hi] <= high) & (c[2, lo:hi] >= low)
            found.append(hit.nonzero()[0] + lo)
        if not found:
            return np.empty(0, dtype=np.intp)
        return found[0] if len(found) == 1 else np.concatenate(found)

    def overlapping_many(
        self, firsts: npt.ArrayLike, lasts: npt.ArrayLike, mode: Mode, *, within: bool = False
    ) -> list[Positions]:
        """:meth:`overlapping` (or :meth:`within`) for many windows at once, in one vectorised pass."""
        a = np.asarray(firsts, dtype=np.int64)
        b = np.asarray(lasts, dtype=np.int64)
        if a.shape != b.shape or a.ndim != 1:
            raise ValueError("firsts and lasts must be two flat sequences of the same length")
        results: list[Positions] = []
        # Candidates are counted first, then the windows are taken in chunks of about a million
        # candidates: one vectorised pass each, without arrays that outgrow the caches.
        counts = self._candidates(a, b)[2].reshape(a.size, -1).sum(axis=1)
        if a.size and counts.sum() > _LOOP_ABOVE * a.size:
            # Many candidates a window: slices of the index (one window at a time) cost less than gathering them.
            one = self.within if within else self.overlapping
            return [one(int(first), int(last), mode) for first, last in zip(a.tolist(), b.tolist(), strict=True)]
        chunk_ends = np.searchsorted(np.cumsum(counts), np.arange(1, 1 + counts.sum() // _CHUNK + 1) * _CHUNK)
        edges = [0, *sorted({int(e) + 1 for e in chunk_ends if e + 1 < a.size}), a.size]
        simple = mode is Mode.POSSIBLE and not within and bool((a <= b).all())
        for first, stop in itertools.pairwise(edges):
            if simple:
                results += self._possibly_overlapping(a[first:stop], b[first:stop])
                continue
            windows, positions = self._search(a[first:stop], b[first:stop], mode, within=within, grouped=True)
            bounds = np.searchsorted(windows, np.arange(stop - first + 1)).tolist()  # matches come by window
            results += [positions[bounds[i] : bounds[i + 1]] for i in range(stop - first)]
        return results

    def _possibly_overlapping(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> list[Positions]:
        """Positions that possibly overlap each window ``[a[i], b[i]]`` (``a <= b``), as :meth:`_one` finds them.

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
        found = self._order.take(found)
        edges = [0, *ends.tolist()]
        return [found[edges[i] : edges[i + 1]] for i in range(a.size)]

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
        """(window number, position) of every match, for windows ``[a[i], b[i]]``."""
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
        found = self._order.take(candidate[hit])
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
