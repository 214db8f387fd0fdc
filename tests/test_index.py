"""The columnar index: its answers match a plain scan of the same day bounds, at any scale of dates."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import NO_WIDENING, Event, Timeline
from chronology.index import NEG_DAY, POS_DAY, Index, Mode


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


WAYS: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "bits": contextlib.nullcontext,
    "scan": scanning,
    "search": searching,
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


@pytest.mark.parametrize("mode", list(Mode))
def test_many_windows_one_at_a_time_or_at_once_give_the_same(monkeypatch: pytest.MonkeyPatch, mode: Mode) -> None:
    rng = np.random.default_rng(4)
    start = rng.integers(0, 5_000, 4_000)
    days = np.stack([start, start + rng.integers(0, 9, 4_000), start + 9, start + 9 + rng.integers(0, 300, 4_000)])
    index = Index.from_days(days, days)
    firsts = rng.integers(-100, 5_100, 300)
    lasts = firsts + rng.integers(0, 400, 300)
    at_once = index.overlapping_many(firsts, lasts, mode)
    at_once_ascending = index.overlapping_many(firsts, lasts, mode, ascending=True)
    monkeypatch.setattr(chronology.index, "_LOOP_ABOVE", -1)  # every window one at a time
    one_by_one = index.overlapping_many(firsts, lasts, mode)
    one_by_one_ascending = index.overlapping_many(firsts, lasts, mode, ascending=True)
    assert [a.tolist() for a in at_once_ascending] == [sorted(a.tolist()) for a in at_once]
    assert [a.tolist() for a in one_by_one_ascending] == [sorted(a.tolist()) for a in at_once]
    assert [sorted(a.tolist()) for a in at_once] == [sorted(b.tolist()) for b in one_by_one]
    assert [sorted(a.tolist()) for a in at_once] == [
        scan(days, f, t, mode, False) for f, t in zip(firsts, lasts, strict=True)
    ]


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
