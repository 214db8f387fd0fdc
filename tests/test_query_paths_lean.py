"""The lean path of one window (a mid-sized index, "possibly overlapping"): its answers equal a brute-force scan.

A timeline of 512 to 32,767 events whose values all have bounded spans
answers ``overlapping(start, end)`` of two day instants by bisecting its keys
as a Python list (``Index.possibly``); ``Index.overlapping`` takes the same
path. Both are compared here with a scan of the same day bounds, and with the
general path (a ``Mode`` given, not the text "possible", takes it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import DEFAULT_WIDENING, NO_WIDENING, Event, Interval, Timeline, UncertainDate, Widening
from chronology.index import NEG_DAY, POS_DAY, Index, Mode

EPOCH = UncertainDate.parse("1970-01-01").earliest_day  # numpy's day 0 in the model's day numbers


@contextlib.contextmanager
def classes_apart(apart: bool) -> Iterator[None]:
    """Every span class kept apart when built (``apart``: several classes, each searched), else as chosen."""
    kept = chronology.index._CLASS_COST
    if apart:
        chronology.index._CLASS_COST = 0
    try:
        yield
    finally:
        chronology.index._CLASS_COST = kept


def day_bounds(seed: int, count: int, longest: int) -> tuple[np.ndarray, np.ndarray]:
    """Each value's first and last possible day: starts over 3,000 days, spans of 0 to ``longest`` (skewed short)."""
    rng = np.random.default_rng(seed)
    first = 700_000 + rng.integers(0, 3_000, count)
    span = (rng.random(count) ** 4 * longest).astype(np.int64)
    return first, first + span


def scan(lo: np.ndarray, hi: np.ndarray, first: int, last: int) -> np.ndarray:
    return np.flatnonzero((lo <= last) & (hi >= first))


def window_days(draw: st.DrawFn) -> tuple[int, int]:
    a = draw(st.one_of(st.integers(699_000, 704_500), st.sampled_from([NEG_DAY, NEG_DAY - 5, POS_DAY, POS_DAY + 5])))
    b = draw(st.one_of(st.integers(0, 800), st.just(1 << 40))) + max(a, -(1 << 40))
    return a, b


windows = st.composite(window_days)


@st.composite
def day_windows(draw: st.DrawFn) -> tuple[int, int]:
    """A window of days within the model's range (given as two day instants)."""
    a = draw(st.integers(699_000, 704_500))
    return a, a + draw(st.integers(0, 800))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(512, 4_000),
    st.sampled_from([0, 30, 2_000, 20_000]),
    st.booleans(),
    st.lists(windows(), min_size=1, max_size=12),
)
def test_one_window_on_a_mid_sized_index_equals_a_scan(
    seed: int, count: int, longest: int, apart: bool, asked: list[tuple[int, int]]
) -> None:
    lo, hi = day_bounds(seed, count, longest)
    raw = np.stack([lo, lo, hi, hi])
    with classes_apart(apart):
        index = Index.from_days(raw, raw)
    assert index._lean is not None  # the path under test (every class bounded, a mid-sized index)
    for first, last in asked:
        want = scan(lo, hi, first, last)
        found, ordered = index.possibly(first, last)
        assert np.array_equal(np.sort(found) if not ordered else found, want)
        assert np.array_equal(np.sort(index.overlapping(first, last, Mode.POSSIBLE)), want)
        assert np.array_equal(index.ascending(first, last, Mode.POSSIBLE), want)


def as_days(values: np.ndarray) -> np.ndarray:
    return (values - EPOCH).astype("datetime64[D]")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(512, 3_000),
    st.sampled_from([0, 30, 2_000, 20_000]),
    st.lists(day_windows(), min_size=1, max_size=8),
)
def test_a_timeline_of_columns_answers_one_window_as_a_scan_and_as_the_general_path(
    seed: int, count: int, longest: int, asked: list[tuple[int, int]]
) -> None:
    lo, hi = day_bounds(seed, count, longest)
    ids = np.char.add("e", np.arange(count).astype(np.str_))
    timeline = Timeline.from_columns(ids, as_days(lo), as_days(lo), end_earliest=as_days(hi), end_latest=as_days(hi))
    for first, last in asked:
        start, end = UncertainDate.from_days(first, first), UncertainDate.from_days(last, last)
        view = timeline.overlapping(start, end, widening=NO_WIDENING)
        want = scan(lo, hi, first, last)
        assert len(view) == want.size  # before the positions are sorted
        positions = view.positions
        assert positions.dtype == np.int64
        assert not positions.flags.writeable
        assert np.array_equal(positions, want)  # ascending, as the contract says
        assert np.array_equal(view.ids, ids[want])
        general = timeline.overlapping(start, end, mode=Mode.POSSIBLE, widening=NO_WIDENING)
        assert np.array_equal(general.positions, want)
        # a view is queried by the general path (restricted to the view), and agrees
        again = view.overlapping(start, end, widening=NO_WIDENING)
        assert np.array_equal(again.positions, want)


def events_of(lo: np.ndarray, hi: np.ndarray, approximate: np.ndarray) -> list[Event]:
    events = []
    for k, (a, b, near) in enumerate(zip(lo.tolist(), hi.tolist(), approximate.tolist(), strict=True)):
        start = UncertainDate.from_days(a, a)
        if near:
            start = UncertainDate.parse(start.to_edtf() + "~")
        when = start if a == b else Interval(start, UncertainDate.from_days(b, b))
        events.append(Event(id=f"e{k}", title="", when=when))
    return events


@settings(max_examples=15, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(512, 1_200),
    st.sampled_from([0, 400]),
    st.sampled_from([NO_WIDENING, DEFAULT_WIDENING, None]),
    st.lists(day_windows(), min_size=1, max_size=6),
)
def test_a_timeline_of_events_answers_one_window_as_the_general_path_widened_or_not(
    seed: int, count: int, longest: int, widening: Widening | None, asked: list[tuple[int, int]]
) -> None:
    lo, hi = day_bounds(seed, count, longest)
    approximate = np.random.default_rng(seed).random(count) < 0.3
    timeline = Timeline(events_of(lo, hi, approximate))
    ends = timeline.index(widening).ends(widened=True).astype(np.int64)  # (4, n): the days "possible" reads
    for first, last in asked:
        start, end = UncertainDate.from_days(first, first), UncertainDate.from_days(last, last)
        view = timeline.overlapping(start, end, widening=widening)
        want = scan(ends[0], ends[3], first, last)
        assert np.array_equal(view.positions, want)
        general = timeline.overlapping(start, end, mode=Mode.POSSIBLE, widening=widening)
        assert np.array_equal(general.positions, want)


def test_an_open_window_side_or_a_window_in_times_still_answers_through_the_general_path() -> None:
    lo, hi = day_bounds(1, 600, 30)
    ids = np.char.add("e", np.arange(600).astype(np.str_))
    timeline = Timeline.from_columns(ids, as_days(lo), as_days(lo), end_earliest=as_days(hi), end_latest=as_days(hi))
    middle = int(np.median(lo))
    start = UncertainDate.from_days(middle, middle)
    assert np.array_equal(timeline.overlapping(start, None).positions, np.flatnonzero(hi >= middle))
    assert np.array_equal(timeline.overlapping(None, start).positions, np.flatnonzero(lo <= middle))
    noon = UncertainDate.parse(f"{start.to_edtf()}T12:00:00")
    assert np.array_equal(timeline.overlapping(noon, noon).positions, scan(lo, hi, middle, middle))
