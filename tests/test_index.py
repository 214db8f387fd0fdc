"""The columnar index: its answers match a plain scan of the same day bounds, at any scale of dates."""

from __future__ import annotations

import contextlib
import itertools
import random
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    Endpoint,
    Event,
    Interval,
    Precision,
    Qualifier,
    Timeline,
    UncertainDate,
    Widening,
)
from chronology.dates import DateValue
from chronology.index import NEG_DAY, POS_DAY, Index, Mode, _merged_classes, day_ends


@st.composite
def bounds(draw: st.DrawFn) -> np.ndarray:
    count = draw(st.integers(0, 60))
    rows = []
    for _ in range(count):
        s_lo = draw(st.one_of(st.integers(-50, 50), st.just(NEG_DAY)))
        s_hi = s_lo if s_lo == NEG_DAY else s_lo + draw(st.integers(0, 30))
        e_lo = max(s_lo, draw(st.integers(-50, 80)))
        e_hi = draw(st.one_of(st.integers(e_lo, e_lo + 200), st.just(POS_DAY)))
        rows.append((s_lo, min(s_hi, e_hi), e_lo, e_hi))
    return np.array(rows, dtype=np.int64).reshape(-1, 4).T


def scan(days: np.ndarray, first: int, last: int, mode: Mode, within: bool) -> list[int]:
    s_lo, s_hi, e_lo, e_hi = days
    if within:
        hit = (s_hi >= first) & (e_lo <= last) if mode is Mode.POSSIBLE else (s_lo >= first) & (e_hi <= last)
    else:
        hit = (s_lo <= last) & (e_hi >= first) if mode is Mode.POSSIBLE else (s_hi <= last) & (e_lo >= first)
    return np.flatnonzero(hit).tolist()


@contextlib.contextmanager
def searching() -> Iterator[None]:
    """Small indexes answer by a scan of every value: make them search, as large ones do."""
    kept = chronology.index._SCAN_BELOW
    chronology.index._SCAN_BELOW = -1
    try:
        yield
    finally:
        chronology.index._SCAN_BELOW = kept


@contextlib.contextmanager
def scanning() -> Iterator[None]:
    """Tiny indexes answer by sets of bits: make them look at every value, as small ones do."""
    kept = chronology.index._BITS_BELOW
    chronology.index._BITS_BELOW = -1
    try:
        yield
    finally:
        chronology.index._BITS_BELOW = kept


@contextlib.contextmanager
def patched(**values: int) -> Iterator[None]:
    """The index module's thresholds set to ``values`` for the while."""
    kept = {name: getattr(chronology.index, name) for name in values}
    try:
        for name, value in values.items():
            setattr(chronology.index, name, value)
        yield
    finally:
        for name, value in kept.items():
            setattr(chronology.index, name, value)


WAYS: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "bits": contextlib.nullcontext,
    "scan": scanning,
    "search": searching,
    # every span class its own (small indexes merge them into one or two): a search and a look at each
    "search, classes apart": lambda: patched(_SCAN_BELOW=-1, _CLASS_COST=0),
    # every class merged into one, whatever it costs
    "search, one class": lambda: patched(_SCAN_BELOW=-1, _CLASS_COST=1 << 60),
    # the values that start within a window taken without a look, however few (as when there are many)
    "search, runs taken": lambda: patched(_SCAN_BELOW=-1, _CLASS_COST=0, _SPLIT_FROM=-1, _LOOK_UP_TO=-1),
    # runs that would be taken whole, were the values within the window searched for: every one looked at
    "search, runs looked at": lambda: patched(_SCAN_BELOW=-1, _CLASS_COST=0, _LOOK_UP_TO=-1),
    # many windows: each takes slices of the index (as when windows have many candidates), not one gather
    "many windows sliced": lambda: patched(_SCAN_BELOW=-1, _GATHER_UP_TO=-1),
    "many windows sliced, classes apart, runs taken": lambda: patched(
        _SCAN_BELOW=-1, _GATHER_UP_TO=-1, _CLASS_COST=0, _LOOK_UP_TO=-1
    ),
    # ... and their answers sorted one by one (as long ones are), not by one sort of (window, position) keys
    "many windows sliced, sorted one by one": lambda: patched(_SCAN_BELOW=-1, _GATHER_UP_TO=-1, _SHORT_RUNS=-1),
    # many windows gathered in chunks of a few candidates, searched a few windows at a time
    "many windows in chunks": lambda: patched(_SCAN_BELOW=-1, _CLASS_COST=0, _BUFFER=3, _WINDOWS_AT_ONCE=2),
    "many windows sliced in chunks": lambda: patched(_SCAN_BELOW=-1, _GATHER_UP_TO=-1, _BUFFER=5, _WINDOWS_AT_ONCE=3),
}


@settings(max_examples=300)
@given(
    bounds(), st.integers(-80, 120), st.integers(0, 100), st.sampled_from(list(Mode)), st.booleans(),
    st.sampled_from(sorted(WAYS)),
)  # fmt: skip
def test_every_window_answer_equals_a_scan(
    days: np.ndarray, first: int, length: int, mode: Mode, within: bool, way: str
) -> None:
    with WAYS[way]():
        check_window(days, first, length, mode, within)


def check_window(days: np.ndarray, first: int, length: int, mode: Mode, within: bool) -> None:
    index = Index.from_days(days, days)
    last = first + length
    query = index.within if within else index.overlapping
    assert sorted(query(first, last, mode).tolist()) == scan(days, first, last, mode, within)
    assert index.ascending(first, last, mode, within=within).tolist() == scan(days, first, last, mode, within)
    found, ordered = index.answer(first, last, mode, within=within)
    assert (found.tolist() if ordered else sorted(found.tolist())) == scan(days, first, last, mode, within)
    starts, stops = [first, last, first - 7, NEG_DAY - 9, POS_DAY + 9], [last, last + 3, first, first, POS_DAY + 9]
    many = index.overlapping_many(starts, stops, mode, within=within)
    ascending = index.overlapping_many(starts, stops, mode, within=within, ascending=True)
    for a, b, found, listed in zip(starts, stops, many, ascending, strict=True):
        clipped = min(max(a, NEG_DAY), POS_DAY), min(max(b, NEG_DAY), POS_DAY)
        assert sorted(found.tolist()) == scan(days, *clipped, mode, within)
        assert listed.tolist() == scan(days, *clipped, mode, within)
        assert listed.dtype == np.intp
        assert not listed.flags.writeable
    # a window that ends before it starts (read as written) among ordered ones: every window still answered
    reversed_ = index.overlapping_many([*starts, last + 1], [*stops, first], mode, within=within, ascending=True)
    for a, b, listed in zip([*starts, last + 1], [*stops, first], reversed_, strict=True):
        clipped = min(max(a, NEG_DAY), POS_DAY), min(max(b, NEG_DAY), POS_DAY)
        assert listed.tolist() == scan(days, *clipped, mode, within)


def test_an_empty_index_answers_nothing() -> None:
    index = Index.from_days(np.empty((4, 0)), np.empty((4, 0)))
    assert index.overlapping(0, 10, Mode.POSSIBLE).size == 0
    assert [p.size for p in index.overlapping_many([0, 5], [1, 9], Mode.CERTAIN)] == [0, 0]


def test_years_far_beyond_pendulum_are_indexed_exactly() -> None:
    events = [
        Event(id="deep", title="Deep past", when=chronology.parse("Y-170000002")),
        Event(id="far", title="Far future", when=chronology.parse("Y170000002")),
        Event(id="now", title="Now", when=chronology.parse("2024")),
    ]
    timeline = Timeline(events)
    assert [e.id for e in timeline.overlapping("Y-170000002", "Y-170000002")] == ["deep"]
    assert [e.id for e in timeline.overlapping("Y170000002", "Y170000002")] == ["far"]
    assert [e.id for e in timeline.overlapping("Y-170000003", "2024", widening=NO_WIDENING)] == ["deep", "now"]
    assert [e.id for e in timeline.sorted()] == ["deep", "now", "far"]
    assert timeline.index().nbytes > 0


def test_the_index_takes_at_most_64_bytes_an_event() -> None:
    events = [Event(id=f"e{i}", title="", when=chronology.parse(f"2024-{1 + i % 12:02d}")) for i in range(1000)]
    assert Timeline(events).index().nbytes / 1000 <= 64


# days of windows, some beyond the days an index holds (open sides are kept there): read as if clipped to them
WINDOW_DAYS = st.one_of(st.integers(-80, 120), st.sampled_from([NEG_DAY - 9, POS_DAY + 9, -(2**40), 2**40]))


@settings(max_examples=300)
@given(
    bounds(), st.integers(0, 9), st.lists(st.tuples(WINDOW_DAYS, st.integers(-20, 100)), max_size=6),
    st.sampled_from(list(Mode)), st.booleans(),
)  # fmt: skip
def test_counts_equal_the_length_of_a_scan(
    days: np.ndarray, pad: int, windows: list[tuple[int, int]], mode: Mode, within: bool
) -> None:
    # possible answers read the widened bounds: here each value widened by `pad` days either side
    wide = days + np.array([[-pad], [pad], [-pad], [pad]])
    wide = np.where((days == NEG_DAY) | (days == POS_DAY), days, wide)
    with searching():
        check_counts(days, wide, windows, mode, within)
    check_counts(days, wide, windows, mode, within)


def check_counts(days: np.ndarray, wide: np.ndarray, windows: list[tuple[int, int]], mode: Mode, within: bool) -> None:
    index = Index.from_days(days, wide)
    firsts = [a for a, _ in windows]
    lasts = [a + length for a, length in windows]  # some reversed (a negative length)
    seen = wide if mode is Mode.POSSIBLE else days
    clipped = [
        (min(max(a, NEG_DAY), POS_DAY), min(max(b, NEG_DAY), POS_DAY)) for a, b in zip(firsts, lasts, strict=True)
    ]
    expected = [len(scan(seen, a, b, mode, within)) for a, b in clipped]
    assert index.count_many(firsts, lasts, mode, within=within).tolist() == expected
    assert [index.count(a, b, mode, within=within) for a, b in zip(firsts, lasts, strict=True)] == expected
    query = index.within if within else index.overlapping
    assert [query(a, b, mode).size for a, b in zip(firsts, lasts, strict=True)] == expected


def test_values_read_a_slice_at_a_time_give_the_bounds_read_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    count = (1 << 16) + 1_000  # more than one slice
    approximate = chronology.parse("2024-10~")
    values = [
        chronology.parse("2024-10-18/2024-11")
        if i % 3 == 0
        else approximate
        if i % 3 == 1
        else chronology.parse("1456")
        for i in range(count)
    ]
    values[7] = chronology.parse("Y170000002")  # days beyond 32 bits: kept at the index's last day either way
    values[8] = chronology.parse("Y-170000002~")
    policies = [chronology.Widening(approximate=i % 4) for i in range(count)]
    sliced = Index.build(values, policies)
    monkeypatch.setattr(chronology.index, "_SLICE", count + 1)
    whole = Index.build(values, policies)
    assert np.array_equal(sliced.ends(widened=True), whole.ends(widened=True))
    assert np.array_equal(sliced.ends(), whole.ends())
    assert sliced.count(739_000, 740_000, Mode.POSSIBLE) == whole.count(739_000, 740_000, Mode.POSSIBLE)


BOUND_BASE = 63_800_000_000  # seconds: a day of 2022 (bounds range over about three years from it)
PRECISIONS = [Precision.SECOND, Precision.HOUR, Precision.DAY, Precision.MONTH, Precision.YEAR]


@st.composite
def dates(draw: st.DrawFn) -> UncertainDate:
    lo = BOUND_BASE + draw(st.integers(0, 10**8))
    precision = draw(st.sampled_from(PRECISIONS))
    offset = draw(st.sampled_from([None, None, 0, 9 * 3600, -5 * 3600 - 1800])) if precision is Precision.HOUR else None
    qualifier = draw(st.sampled_from([Qualifier.NONE, Qualifier.NONE, Qualifier.APPROXIMATE, Qualifier.UNCERTAIN]))
    width = draw(st.sampled_from([0, 3599, 86_399, 40 * 86_400]))
    return UncertainDate.from_seconds(lo, lo + width, precision, qualifier=qualifier, utc_offset=offset)


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    kind = draw(st.sampled_from(["instant", "interval", "open"]))
    if kind == "instant":
        return draw(dates())
    start, end = sorted([draw(dates()), draw(dates())], key=lambda value: value.lo)
    if kind == "open":
        if draw(st.booleans()):
            return Interval(draw(st.sampled_from(list(Endpoint))), end)
        return Interval(start, draw(st.sampled_from(list(Endpoint))))
    if start.hi + 86_400 > end.lo:  # ends a day apart at least: whatever the offsets, the end is not before the start
        return Interval(start, UncertainDate.from_days(end.latest_day + 2, end.latest_day + 2))
    return Interval(start, end)


@contextlib.contextmanager
def slices_of(size: int) -> Iterator[None]:
    """Values read ``size`` at a time (as a large sequence is read), however few there are."""
    kept = chronology.index._SLICE
    chronology.index._SLICE = size  # type: ignore[misc]
    try:
        yield
    finally:
        chronology.index._SLICE = kept  # type: ignore[misc]


POLICIES = [NO_WIDENING, DEFAULT_WIDENING, Widening(approximate=2, uncertain=1)]


@settings(max_examples=300)
@given(
    st.lists(date_values(), max_size=40),
    st.one_of(st.sampled_from(POLICIES), st.just("each")),
    st.sampled_from([None, "Asia/Seoul", "America/New_York"]),
    st.sampled_from([1, 3, 1000]),
    st.randoms(use_true_random=False),
)
def test_bounds_read_in_bulk_equal_each_value_read_alone(
    values: list[DateValue], widening: Widening | str, zone_name: str | None, size: int, rng: random.Random
) -> None:
    """Every kind of value (offsets, qualifiers, open and unknown ends), one policy or one each, any slice size."""
    zone = None if zone_name is None else ZoneInfo(zone_name)
    policies = [rng.choice(POLICIES) if isinstance(widening, str) else widening for _ in values]
    with slices_of(size):
        index = Index.build(values, policies if isinstance(widening, str) else widening, zone)
    clipped = [[min(max(day, NEG_DAY), POS_DAY) for day in day_ends(value, zone=zone)] for value in values]
    assert index.ends().T.tolist() == clipped
    widened = [day_ends(value, policy, zone) for value, policy in zip(values, policies, strict=True)]
    assert index.ends(widened=True).T.tolist() == [[min(max(d, NEG_DAY), POS_DAY) for d in row] for row in widened]


@settings(max_examples=200)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=7), st.floats(1, 1e6))
def test_span_classes_are_merged_at_the_least_cost(sizes: list[int], days: float) -> None:
    """The grouping of neighbouring span classes is the cheapest of all groupings (tried one by one)."""
    limits = [0, *(8**k for k in range(len(sizes) - 1))]

    def cost(groups: list[tuple[int, int]]) -> float:
        members = [sum(sizes[i:j]) for i, j in groups]
        total = 0.0
        for n, (_, j) in zip(members, groups, strict=True):
            total += chronology.index._CLASS_COST + n * limits[j - 1] / days if n else 0.0
        return total

    joins = _merged_classes(sizes, limits, days).tolist()
    assert joins[-1] == len(sizes)  # the unbounded class kept apart, last
    assert joins[0] == 0
    assert all(b - a in (0, 1) for a, b in itertools.pairwise(joins[:-1]))  # neighbours merged, in order
    edges = [0, *(k + 1 for k, (a, b) in enumerate(itertools.pairwise(joins[:-1])) if b != a), len(sizes)]
    chosen = list(itertools.pairwise(edges))
    every = []
    for cuts in itertools.product([False, True], repeat=len(sizes) - 1):
        edges = [0, *(k + 1 for k, cut in enumerate(cuts) if cut), len(sizes)]
        every.append(cost(list(itertools.pairwise(edges))))
    assert cost(chosen) == pytest.approx(min(every))


@pytest.mark.parametrize("mode", list(Mode))
def test_many_windows_one_at_a_time_or_at_once_give_the_same(monkeypatch: pytest.MonkeyPatch, mode: Mode) -> None:
    rng = np.random.default_rng(4)
    start = rng.integers(0, 5_000, 4_000)
    days = np.stack([start, start + rng.integers(0, 9, 4_000), start + 9, start + 9 + rng.integers(0, 300, 4_000)])
    index = Index.from_days(days, days)
    firsts = rng.integers(-100, 5_100, 300)
    lasts = firsts + rng.integers(0, 400, 300)
    expected = [scan(days, f, t, mode, False) for f, t in zip(firsts, lasts, strict=True)]
    at_once = index.overlapping_many(firsts, lasts, mode)
    at_once_ascending = index.overlapping_many(firsts, lasts, mode, ascending=True)
    monkeypatch.setattr(chronology.index, "_GATHER_UP_TO", 1 << 60)  # every window's candidates gathered
    gathered = index.overlapping_many(firsts, lasts, mode)
    gathered_ascending = index.overlapping_many(firsts, lasts, mode, ascending=True)
    monkeypatch.setattr(chronology.index, "_LOOP_ABOVE", -1)  # every window one at a time
    monkeypatch.setattr(chronology.index, "_GATHER_UP_TO", -1)
    one_by_one = index.overlapping_many(firsts, lasts, mode)
    one_by_one_ascending = index.overlapping_many(firsts, lasts, mode, ascending=True)
    for listed in (at_once_ascending, gathered_ascending, one_by_one_ascending):
        assert [a.tolist() for a in listed] == expected
    for found in (at_once, gathered, one_by_one):
        assert [sorted(a.tolist()) for a in found] == expected


@pytest.mark.parametrize("count", [0, 1, 16, 17, 200, 256])
def test_a_tiny_index_lists_every_match_in_order_however_many(count: int) -> None:
    # sets of up to 16 matches are read bit by bit, larger ones by numpy: both give every position, ascending
    rng = np.random.default_rng(count)
    start = rng.integers(0, 50, count)
    days = np.stack([start, start, start + 5, start + 5 + rng.integers(0, 9, count)])
    index = Index.from_days(days, days)
    for first, last in [(0, 100), (10, 12), (60, 70), (NEG_DAY - 1, POS_DAY + 1)]:
        for mode in Mode:
            for within in (False, True):
                found = index.ascending(first, last, mode, within=within)
                assert found.tolist() == scan(days, max(first, NEG_DAY), min(last, POS_DAY), mode, within)


@pytest.mark.parametrize("look_up_to", [-1, 1024])
def test_values_that_end_before_a_window_are_left_out_whatever_the_classes(look_up_to: int) -> None:
    # two classes (spans 0, and 10 and 60): the one that ends on day 10 starts within the longer span's reach
    days = np.array([[0, 0, 10, 10], [0, 0, 60, 60], [100, 100, 100, 100]]).T
    with patched(_SCAN_BELOW=-1, _CLASS_COST=0, _LOOK_UP_TO=look_up_to):
        index = Index.from_days(days, days)
        assert index.overlapping(30, 31, Mode.POSSIBLE).tolist() == [1]
        assert index.answer(30, 31, Mode.POSSIBLE)[0].tolist() == [1]


@pytest.mark.parametrize("open_ends", [0, 40])
def test_many_windows_over_a_large_index_of_every_span_equal_a_scan(open_ends: int) -> None:
    # spans from a day to decades (several span classes, and open ends), windows from a day to years: each
    # takes slices of the index, those that start within the longer windows (thousands) taken without a look
    rng = np.random.default_rng(open_ends)
    count = 60_000
    start = rng.integers(0, 20_000, count)
    span = np.rint(10 ** rng.uniform(0, 4, count)).astype(np.int64)
    days = np.stack([start, start + rng.integers(0, 3, count), start + span, start + span + rng.integers(0, 30, count)])
    days[0, :open_ends] = NEG_DAY  # open starts and ends: the unbounded class
    days[3, open_ends // 2 : open_ends] = POS_DAY
    index = Index.from_days(days, days)
    firsts = np.concatenate([rng.integers(-500, 20_500, 60), [NEG_DAY - 5, 7_000, 19_999]])
    lasts = firsts + np.concatenate([rng.integers(0, 3, 20), rng.integers(0, 4_000, 40), [0, 6_000, POS_DAY]])
    clipped = np.clip(np.stack([firsts, lasts]), NEG_DAY, POS_DAY).T.tolist()  # windows read as clipped to the days
    expected = [scan(days, first, last, Mode.POSSIBLE, False) for first, last in clipped]
    assert [sorted(a.tolist()) for a in index.overlapping_many(firsts, lasts, Mode.POSSIBLE)] == expected
    ascending = index.overlapping_many(firsts, lasts, Mode.POSSIBLE, ascending=True)
    assert [a.tolist() for a in ascending] == expected
    assert all(a.dtype == np.intp and not a.flags.writeable for a in ascending)
    empty = Index.from_days(days[:, :0], days[:, :0])
    assert [p.size for p in empty.overlapping_many([0, 5], [1, 9], Mode.POSSIBLE, ascending=True)] == [0, 0]
