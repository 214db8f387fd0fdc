"""Queries over a timeline agree with the date model, event by event.

Every query is checked against a brute-force scan that asks the date model
itself (``relations`` and ``before``) about each event, for random events
(instants and intervals, exact, uncertain, approximate, open and unknown ends)
and random windows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Literal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    Certainty,
    Endpoint,
    Event,
    Interval,
    Precision,
    Qualifier,
    Relation,
    Timeline,
    UncertainDate,
    Widening,
)
from chronology.dates import DateValue

BASE = UncertainDate.parse("2024-01-01").earliest_day
APART = {Relation.BEFORE, Relation.MEETS, Relation.MET_BY, Relation.AFTER}
INSIDE = {Relation.STARTS, Relation.DURING, Relation.FINISHES, Relation.EQUALS}

qualifiers = st.sampled_from([Qualifier.NONE, Qualifier.NONE, Qualifier.APPROXIMATE, Qualifier.UNCERTAIN])


@st.composite
def days(draw: st.DrawFn) -> UncertainDate:
    first = draw(st.integers(0, 40))
    width = draw(st.sampled_from([0, 0, 1, 3, 8]))
    return UncertainDate.from_days(BASE + first, BASE + first + width, Precision.DAY, qualifier=draw(qualifiers))


@st.composite
def values(draw: st.DrawFn) -> DateValue:
    if draw(st.booleans()):
        return draw(days())
    start: UncertainDate | Endpoint = draw(st.one_of(days(), st.sampled_from(list(Endpoint))))
    end: UncertainDate | Endpoint = draw(st.one_of(days(), st.sampled_from(list(Endpoint))))
    if isinstance(start, Endpoint) and isinstance(end, Endpoint):
        end = draw(days())
    if isinstance(start, UncertainDate) and isinstance(end, UncertainDate) and start.lo > end.hi:
        start, end = end, start
    if isinstance(start, UncertainDate) and isinstance(end, UncertainDate) and start.lo > end.hi:
        end = start
    return Interval(start, end)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    whens = draw(st.lists(values(), min_size=1, max_size=25))
    tags = draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=len(whens), max_size=len(whens)))
    return Timeline(
        Event(id=f"e{i}", title=f"E{i}", when=w, tags=[t]) for i, (w, t) in enumerate(zip(whens, tags, strict=True))
    )


@st.composite
def windows(draw: st.DrawFn) -> tuple[UncertainDate, UncertainDate]:
    first = draw(st.integers(-5, 50))
    last = first + draw(st.integers(0, 20))
    return UncertainDate.from_days(BASE + first, BASE + first), UncertainDate.from_days(BASE + last, BASE + last)


def widen(value: DateValue, widening: Widening) -> DateValue:
    """The value as "possible" questions see it: each qualified end spread by the policy."""

    def end(part: UncertainDate | Endpoint) -> UncertainDate | Endpoint:
        if isinstance(part, Endpoint) or part.qualifier is Qualifier.NONE:
            return part
        lo, hi = widening.bounds(part)
        return UncertainDate.from_days(lo // 86400, hi // 86400)

    if isinstance(value, UncertainDate):
        widened = end(value)
        assert isinstance(widened, UncertainDate)
        return widened
    return Interval(end(value.start), end(value.end))


def ids(timeline: Timeline) -> list[str]:
    return [event.id for event in timeline]


def expected(
    timeline: Timeline, window: tuple[UncertainDate, UncertainDate], *, within: bool, certain: bool, widening: Widening
) -> list[str]:
    span = Interval(*window)
    chosen = []
    for event in timeline:
        value = event.when if certain else widen(event.when, widening)
        found = chronology.relations(value, span)
        if within:
            hit = found <= INSIDE if certain else bool(found & INSIDE)
        else:
            hit = not (found & APART) if certain else bool(found - APART)
        if hit:
            chosen.append(event.id)
    return chosen


@settings(max_examples=300)
@given(timelines(), windows(), st.sampled_from([NO_WIDENING, DEFAULT_WIDENING, Widening(approximate=2, uncertain=1)]))
def test_window_queries_equal_a_scan_with_the_date_model(
    timeline: Timeline, window: tuple[UncertainDate, UncertainDate], widening: Widening
) -> None:
    start, end = window
    for certain in (False, True):
        mode: Literal["certain", "possible"] = "certain" if certain else "possible"
        got = ids(timeline.overlapping(start, end, mode=mode, widening=widening))
        assert got == expected(timeline, window, within=False, certain=certain, widening=widening), mode
        got = ids(timeline.within(start, end, mode=mode, widening=widening))
        assert got == expected(timeline, window, within=True, certain=certain, widening=widening), mode


#: How an index answers a window, by its size: as sets of bits (tiny), by a look at each value, or by searches.
WAYS: dict[str, dict[str, int]] = {
    "bits": {},
    "scan": {"_BITS_BELOW": -1},
    "search": {"_BITS_BELOW": -1, "_SCAN_BELOW": -1},
    # span classes kept apart (a small index merges them), and runs within a window taken without a look
    "search, classes apart": {"_BITS_BELOW": -1, "_SCAN_BELOW": -1, "_CLASS_COST": 0},
    "search, runs looked at": {"_BITS_BELOW": -1, "_SCAN_BELOW": -1, "_CLASS_COST": 0, "_LOOK_UP_TO": -1},
    "search, runs taken": {
        "_BITS_BELOW": -1,
        "_SCAN_BELOW": -1,
        "_CLASS_COST": 0,
        "_SPLIT_FROM": -1,
        "_LOOK_UP_TO": -1,
    },
}


@contextlib.contextmanager
def answering(way: str) -> Iterator[None]:
    """Indexes of any size answer as those of a given size do (the sizes below which each way is taken, moved)."""
    kept = {name: getattr(chronology.index, name) for name in WAYS[way]}
    try:
        for name, value in WAYS[way].items():
            setattr(chronology.index, name, value)
        yield
    finally:
        for name, value in kept.items():
            setattr(chronology.index, name, value)


@settings(max_examples=200)
@given(
    timelines(), windows(), st.lists(windows(), min_size=1, max_size=6), st.sampled_from(sorted(WAYS)),
    st.sampled_from([NO_WIDENING, DEFAULT_WIDENING]),
)  # fmt: skip
def test_positions_are_ascending_read_only_and_those_of_a_scan_whichever_way_the_index_answers(
    timeline: Timeline,
    window: tuple[UncertainDate, UncertainDate],
    many: list[tuple[UncertainDate, UncertainDate]],
    way: str,
    widening: Widening,
) -> None:
    position = {event.id: k for k, event in enumerate(timeline)}
    with answering(way):
        fresh = Timeline(timeline)  # (its index built in this way's sizes)
        for certain in (False, True):
            mode: Literal["certain", "possible"] = "certain" if certain else "possible"
            for within in (False, True):
                query = fresh.within if within else fresh.overlapping
                view = query(*window, mode=mode, widening=widening)
                want = expected(timeline, window, within=within, certain=certain, widening=widening)
                assert len(view) == len(want)  # before the positions are looked at (sorted then)
                assert view.positions.dtype == np.int64
                assert not view.positions.flags.writeable
                assert view.positions.tolist() == [position[i] for i in want]
                assert view.ids.tolist() == want
                assert len(view.overlapping(*window, mode=mode, widening=widening)) == len(
                    [
                        i
                        for i in expected(timeline, window, within=False, certain=certain, widening=widening)
                        if i in want
                    ]
                )
            answers = fresh.overlapping_many([w[0] for w in many], [w[1] for w in many], mode=mode, widening=widening)
            for answer, (start, end) in zip(answers, many, strict=True):
                want = expected(timeline, (start, end), within=False, certain=certain, widening=widening)
                assert answer.positions.tolist() == [position[i] for i in want]
                assert not answer.positions.flags.writeable
            counts = fresh.count_many([w[0] for w in many], [w[1] for w in many], mode=mode, widening=widening)
            assert counts.tolist() == [len(a) for a in answers]


@settings(max_examples=100)
@given(timelines(), st.lists(windows(), min_size=1, max_size=8))
def test_many_windows_at_once_answer_as_one_at_a_time(
    timeline: Timeline, many: list[tuple[UncertainDate, UncertainDate]]
) -> None:
    answers = timeline.overlapping_many([w[0] for w in many], [w[1] for w in many])
    assert [ids(a) for a in answers] == [ids(timeline.overlapping(s, e)) for s, e in many]


@settings(max_examples=200)
@given(timelines(), values())
def test_before_and_after_equal_the_date_models_before(timeline: Timeline, value: DateValue) -> None:
    modes: list[tuple[Literal["certain", "possible"], set[Certainty]]] = [
        ("certain", {Certainty.CERTAIN}),
        ("possible", {Certainty.CERTAIN, Certainty.POSSIBLE}),
    ]
    for mode, accept in modes:
        earlier = [e.id for e in timeline if chronology.before(e.when, value) in accept]
        later = [e.id for e in timeline if chronology.after(e.when, value) in accept]
        assert ids(timeline.before(value, mode=mode, widening=NO_WIDENING)) == earlier
        assert ids(timeline.after(value, mode=mode, widening=NO_WIDENING)) == later


@settings(max_examples=200)
@given(timelines())
def test_precedence_is_the_reduced_certainly_before_order_and_its_layers(timeline: Timeline) -> None:
    events = list(timeline)
    certain = {(a.id, b.id) for a in events for b in events if chronology.before(a.when, b.when) is Certainty.CERTAIN}
    implied = {(a, c) for (a, b) in certain for (b2, c) in certain if b == b2}
    order = timeline.precedence()
    assert set(order.edges) == certain - implied
    layer_of = {event_id: n for n, layer in enumerate(order.layers) for event_id in layer}
    assert sorted(layer_of) == sorted(e.id for e in events)
    for event in events:
        predecessors = [a for (a, b) in certain if b == event.id]
        assert layer_of[event.id] == 1 + max((layer_of[p] for p in predecessors), default=-1)


@given(timelines())
def test_concurrent_events_are_those_that_may_share_a_day(timeline: Timeline) -> None:
    for event in timeline:
        apart = [
            other.id
            for other in timeline
            if other.id != event.id
            and not (
                chronology.relations(widen(other.when, DEFAULT_WIDENING), widen(event.when, DEFAULT_WIDENING)) - APART
            )
        ]
        together = ids(timeline.concurrent(event))
        assert sorted(together) == sorted(e.id for e in timeline if e.id != event.id and e.id not in apart)


@given(timelines(), windows())
def test_views_chain_and_keep_the_timeline_order(
    timeline: Timeline, window: tuple[UncertainDate, UncertainDate]
) -> None:
    view = timeline.overlapping(*window).filter(tags="a")
    assert ids(view) == [e.id for e in timeline.filter(tags="a") if e.id in ids(timeline.overlapping(*window))]
    assert ids(view) == sorted(ids(view), key=lambda i: int(i[1:]))
    assert len(view) == len(ids(view))
    assert view.sources is timeline.sources
    for event in view:
        assert event.id in view
        assert view[event.id] is event


def test_queries_accept_text_dates_and_pendulum_dates() -> None:
    import pendulum

    timeline = Timeline(
        [
            Event(id="pact", title="Pact", when=chronology.parse("June 2024")),
            Event(id="transfers", title="Transfers", when=chronology.parse("[2024-10-07..2024-10-13]")),
            Event(id="statement", title="Statement", when=chronology.parse("2024-10-18")),
            Event(id="war", title="War", when=chronology.parse("2022-02-24/..")),
        ]
    )
    assert ids(timeline.overlapping("2024-10", "2024-10")) == ["transfers", "statement", "war"]
    assert ids(timeline.within("2024-10", "2024-10")) == ["transfers", "statement"]
    assert ids(timeline.on(pendulum.Date(2024, 10, 10))) == ["transfers", "war"]
    assert ids(timeline.on(pendulum.Date(2024, 10, 10), mode="certain")) == ["war"]
    assert ids(timeline.before(timeline["statement"])) == ["pact", "transfers"]
    assert ids(timeline.after("2024-07")) == ["transfers", "statement"]
    assert [e.id for e in timeline.sorted()] == ["war", "pact", "transfers", "statement"]
    assert [e.id for e in timeline.sorted("latest")] == ["pact", "transfers", "statement", "war"]
    assert ids(timeline.filter(text="TRANS")) == ["transfers"]


def test_a_window_that_ends_before_it_starts_is_an_error_not_an_empty_answer() -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024-10-15"))])
    for query in (timeline.overlapping, timeline.within):
        with pytest.raises(chronology.InvalidDateError, match=r"the window ends \(1 October 2024\) before it starts"):
            query("2024-10-02", "2024-10-01")
    assert ids(timeline.overlapping("2024-10-15", "2024-10-15")) == ["a"]  # a one-day window is not reversed
