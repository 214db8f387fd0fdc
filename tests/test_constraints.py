"""The network of links is built from arrays and propagated level by level: the same answers as the plain way.

``Network`` reads the links with ``map`` and numpy, and finds the bounds of a
large network without readings level by level (``np.maximum.at``), leaving the
pass in topological order (which records the edge behind each bound) to when a
message or ``why`` needs it. Here both are checked against the plain way on
random networks: a reference builder that reads event by event, bounds by
Bellman-Ford, and the same network propagated in Python; and the dates narrowed
with their EDTF written late against the same dates written at once.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import Event, Interval, UncertainDate
from chronology import constraints as module
from chronology._calendar import NEG_INF, OPEN_HI, OPEN_LO, POS_INF, SECONDS_PER_DAY, days_in_month, from_day_number
from chronology.constraints import Frame, Network, narrow
from chronology.dates import INSTANT_CLASSES, DateValue, Precision, Qualifier, unwritten
from chronology.relative import RelativeDate, Tense, reading_at
from chronology.rules import Offset, Unit

parse = chronology.parse

DATES = [
    "2024-10-12",
    "2024-10",
    "2024",
    "[2024-10-10..2024-10-20]",
    "[2024-10-01..2024-10-31]",
    "2024-10-12/2024-10-15",
    "2024-10/2024-11",
    "2023/2024",
    "2024-10-14/..",
    "../2024-10-14",
    "2024-10-14/",
    "/2024-10-14",
    "2024-10-18T03:00+09:00",
    "2024-10-18T14:30",
    "2024-10-18T09:00Z/2024-10-19",
    "[..2024-10-14]",
    "[2024-10-14..]",
    "2024-10~",
    "2024-10-13?",
]
IDS = [f"e{i}" for i in range(9)]


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    """A few events with random dates and links, to known ids, unknown ones and themselves; ids may repeat."""
    count = draw(st.integers(1, 9))
    targets = st.sampled_from([*IDS[:count], "unknown"])
    found = []
    for i in range(count):
        own = draw(st.sampled_from(IDS[:count])) if draw(st.integers(0, 9)) == 0 else IDS[i]  # a repeated id
        found.append(
            Event(
                id=own,
                title=own,
                when=parse(draw(st.sampled_from(DATES))),
                after=draw(st.lists(targets, max_size=3)),
                before=draw(st.lists(targets, max_size=2)),
                reports=draw(st.lists(targets, max_size=2)),
                part_of=draw(st.none() | targets),
            )
        )
    return found


ZONES = st.sampled_from([None, ZoneInfo("Asia/Seoul"), ZoneInfo("America/New_York")])


def first_by_id(events: Sequence[Event]) -> dict[str, Event]:
    """Each id's first event, as ``chronology.consistency.check`` makes it."""
    found: dict[str, Event] = {}
    for event in events:
        found.setdefault(event.id, event)
    return found


@pytest.fixture
def by_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Networks of any size found level by level (when they can be)."""
    monkeypatch.setattr(module, "_LEVELS_FROM", 0)


def in_python(events: Sequence[Event], by_id: dict[str, Event], zone: ZoneInfo | None) -> Network:
    """The network propagated by the pass in Python only."""
    levels = module._LEVELS_FROM
    module._LEVELS_FROM = 10**9
    try:
        return Network(events, by_id, zone)
    finally:
        module._LEVELS_FROM = levels


# -- the reference: event by event, link by link -------------------------------------------------


@attrs.frozen
class Plain:
    owner: list[str]
    start: dict[str, int]
    end: dict[str, int]
    lo: list[int]
    hi: list[int]
    low: list[int]
    high: list[int]
    said: list[tuple[str, ...]]
    strict: list[bool]


def plain(events: Sequence[Event], by_id: dict[str, Event], zone: ZoneInfo | None) -> Plain:
    """The variables and edges as the links say, read one event and one link at a time (no readings)."""
    frame = Frame(zone)
    linked: dict[str, None] = {}
    written: list[tuple[str, list[tuple[str, str]]]] = []
    for event in events:
        if not (event.after or event.before or event.reports or event.part_of):
            continue
        links = [(field, t) for field in ("after", "before", "reports") for t in getattr(event, field)]
        if event.part_of is not None:
            links.append(("part_of", event.part_of))
        links = [(field, t) for field, t in links if t in by_id and t != event.id]
        written.append((event.id, links))
        linked[event.id] = None
        linked.update(dict.fromkeys(t for _, t in links))
    net = Plain([], {}, {}, [], [], [], [], [], [])
    for event_id in linked:
        when = by_id[event_id].when
        net.start[event_id] = len(net.lo)
        if isinstance(when, UncertainDate):
            net.owner.append(event_id)
            net.lo.append(frame.instant(when, when.lo))
            net.hi.append(frame.instant(when, when.hi))
        else:
            (s_lo, s_hi), (e_lo, e_hi) = when.start_bounds, when.end_bounds
            net.owner.extend([event_id, event_id])
            net.lo.extend([frame.instant(when.start, s_lo), frame.instant(when.end, e_lo)])
            net.hi.extend([frame.instant(when.start, s_hi), frame.instant(when.end, e_hi)])
            net.low.append(len(net.lo) - 2)
            net.high.append(len(net.lo) - 1)
            net.said.append((event_id, "when", event_id))
            net.strict.append(False)
        net.end[event_id] = len(net.lo) - 1
    s, e = net.start, net.end
    for a, links in written:
        for field, b in links:
            pairs = {
                "after": [(e[b], s[a])],
                "before": [(e[a], s[b])],
                "reports": [(s[b], s[a])],
                "part_of": [(s[b], s[a]), (e[a], e[b])],
            }[field]
            for low, high in pairs:
                net.low.append(low)
                net.high.append(high)
                net.said.append((a, field, b))
                net.strict.append(field in ("after", "before"))
    return net


def bellman_ford(lo: list[int], hi: list[int], low: list[int], high: list[int]) -> tuple[list[int], list[int]]:
    """The tightest bounds by relaxing every edge until nothing moves (bounds only take stated values: it ends)."""
    lo, hi = list(lo), list(hi)
    moved = True
    while moved:
        moved = False
        for x, y in zip(low, high, strict=True):
            if lo[x] > lo[y]:
                lo[y], moved = lo[x], True
            if hi[y] < hi[x]:
                hi[x], moved = hi[y], True
    return lo, hi


# -- the network against the reference ------------------------------------------------------------


@given(events(), ZONES)
def test_the_variables_and_edges_are_the_links_read_one_by_one(events: list[Event], zone: ZoneInfo | None) -> None:
    by_id = first_by_id(events)
    if not any(e.after or e.before or e.reports or e.part_of for e in events):
        return
    network, expected = Network(events, by_id, zone), plain(events, by_id, zone)
    assert (network.owner, network.start, network.end) == (expected.owner, expected.start, expected.end)
    assert (network.given_lo, network.given_hi) == (expected.lo, expected.hi)
    assert (network._low, network._high, network._strict) == (expected.low, expected.high, expected.strict)
    assert [network._said_at(k) for k in range(len(network._low))] == expected.said


@pytest.mark.usefixtures("by_levels")
@given(events(), ZONES)
def test_the_bounds_found_level_by_level_are_the_longest_paths(events: list[Event], zone: ZoneInfo | None) -> None:
    by_id = first_by_id(events)
    if not any(e.after or e.before or e.reports or e.part_of for e in events):
        return
    network, expected = Network(events, by_id, zone), plain(events, by_id, zone)
    assert (network.lo, network.hi) == bellman_ford(expected.lo, expected.hi, expected.low, expected.high)


@pytest.mark.usefixtures("by_levels")
@given(events(), ZONES)
def test_level_by_level_and_in_python_every_answer_is_the_same(events: list[Event], zone: ZoneInfo | None) -> None:
    by_id = first_by_id(events)
    if not any(e.after or e.before or e.reports or e.part_of for e in events):
        return
    fast, slow = Network(events, by_id, zone), in_python(events, by_id, zone)
    assert (fast.lo, fast.hi, fast.cyclic) == (slow.lo, slow.hi, slow.cyclic)
    assert fast.problems() == slow.problems()  # the chains of links, which the pass in Python finds late
    assert fast.ranks() == slow.ranks()
    assert fast.order_links() == slow.order_links()
    for event_id in by_id:
        assert fast.why(event_id) == slow.why(event_id)
        assert fast.following(event_id, "end", "start", strict=True) == slow.following(
            event_id, "end", "start", strict=True
        )
    narrowed, expected = outcome(fast.narrowed, events), outcome(slow.narrowed, events)
    assert narrowed == expected
    if isinstance(narrowed, dict) and isinstance(expected, dict):
        assert list(narrowed) == list(expected)
        assert [v.to_edtf() for v in narrowed.values()] == [v.to_edtf() for v in expected.values()]


def outcome(call: Callable[[list[Event]], object], events: list[Event]) -> object:
    """What ``call(events)`` returns, or the type and message of what it raises (narrowing a contradiction)."""
    try:
        return call(events)
    except chronology.ChronologyError as error:
        return type(error), str(error)


@given(events(), ZONES)
def test_the_dates_narrowed_are_those_of_the_events_whose_bounds_moved(
    events: list[Event], zone: ZoneInfo | None
) -> None:
    by_id = first_by_id(events)
    if not any(e.after or e.before or e.reports or e.part_of for e in events):
        return
    network = Network(events, by_id, zone)
    moved = {
        network.owner[v]
        for v in range(len(network))
        if (network.lo[v], network.hi[v]) != (network.given_lo[v], network.given_hi[v])
    }

    def one_by_one(events: list[Event]) -> list[tuple[str, DateValue]]:
        found: dict[str, DateValue] = {}
        for event in events:
            if event.id in moved:
                bounds = network.bounds(event.id)
                assert bounds is not None
                value = narrow(event.when, *bounds, frame=network.frame)
                if value is not event.when:
                    found[event.id] = value
        return list(found.items())

    assert outcome(lambda events: list(network.narrowed(events).items()), events) == outcome(one_by_one, events)
    assert outcome(lambda events: list(network.narrowed(iter(events)).items()), events) == outcome(one_by_one, events)


def chain_of(count: int) -> list[Event]:
    """``count`` events one after the other, each dated in October 2024 (a network ``count`` levels deep)."""
    return [Event(id=f"c{i}", title="", when=parse("2024-10"), after=[f"c{i - 1}"] if i else []) for i in range(count)]


def test_a_network_too_deep_for_levels_is_left_to_the_pass_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    events = [*chain_of(40), Event(id="first", title="", when=parse("2024-10-20"), before=["c0"])]
    by_id = first_by_id(events)
    monkeypatch.setattr(module, "_LEVELS_FROM", 0)
    monkeypatch.setattr(module, "_LEVELS_AT_LEAST", 5)
    monkeypatch.setattr(module, "_EDGES_PER_LEVEL", 10**9)
    deep = Network(events, by_id)
    assert deep._order is not None  # the pass in Python ran, after giving up on levels
    monkeypatch.setattr(module, "_LEVELS_AT_LEAST", 100)
    shallow = Network(events, by_id)
    assert shallow._order is None
    assert (deep.lo, deep.hi) == (shallow.lo, shallow.hi)
    assert deep.narrowed(events)["c39"] == parse("[2024-10-20..2024-10-31]")
    assert deep.why("c39") == shallow.why("c39")


def test_a_cycle_is_left_to_the_work_queues(by_levels: None) -> None:
    events = [
        Event(id="a", title="", when=parse("2024-10"), after=["b"]),
        Event(id="b", title="", when=parse("[2024-10-10..2024-10-20]"), after=["a"]),
    ]
    network = Network(events, first_by_id(events))
    assert network.cyclic
    assert network.problems() == in_python(events, first_by_id(events), None).problems()


def test_an_event_with_links_whose_id_may_not_be_named_is_refused() -> None:
    event = Event(id="a", title="", when=parse("2024-10"), after=["b"])
    other = Event(id="b", title="", when=parse("2024-10"))
    with pytest.raises(KeyError, match="'a'"):
        Network([event, other], {"b": other})


# -- dates narrowed, their EDTF written when first read ---------------------------------------------


@given(
    st.sampled_from([d for d in DATES if isinstance(parse(d), UncertainDate)]),
    st.integers(0, 40 * SECONDS_PER_DAY),
    st.integers(0, 40 * SECONDS_PER_DAY),
)
def test_a_narrowed_date_is_the_date_built_from_its_seconds_in_every_way(text: str, cut_lo: int, cut_hi: int) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    low = (value.lo if value.lo > OPEN_LO else parse("2024-09").lo) + cut_lo
    high = (value.hi if value.hi < OPEN_HI else parse("2024-11").hi) - cut_hi
    narrowed = narrow(value, low, high, low, high)
    assume_changed = narrowed is not value
    if not assume_changed:
        return
    assert isinstance(narrowed, UncertainDate)
    eager = UncertainDate.from_seconds(
        narrowed.lo, narrowed.hi, narrowed.precision, qualifier=narrowed.qualifier, utc_offset=narrowed.utc_offset
    )
    late = unwritten(narrowed.lo, narrowed.hi, narrowed.precision, narrowed.qualifier, narrowed.utc_offset)
    assert hash(late) == hash(eager)  # before anything wrote its EDTF
    for got in (narrowed, late):
        assert got == eager
        assert (got.edtf, got.text, got.to_edtf(), str(got), repr(got), got.label) == (
            eager.edtf,
            eager.text,
            eager.to_edtf(),
            str(eager),
            repr(eager),
            eager.label,
        )
        assert attrs.astuple(got) == attrs.astuple(eager)
        for copied in (pickle.loads(pickle.dumps(got)), copy.copy(got), copy.deepcopy(got), attrs.evolve(got)):
            assert type(copied) is UncertainDate
            assert copied == eager
            assert copied.text == eager.text
        assert got.__class__ in INSTANT_CLASSES


@pytest.mark.parametrize(
    ("lo", "hi"),
    [(5, 4), (NEG_INF, 10), (0, POS_INF)],
    ids=["reversed", "below-the-timeline", "above-the-timeline"],
)
def test_a_date_written_late_still_refuses_bounds_no_date_has(lo: int, hi: int) -> None:
    with pytest.raises(chronology.InvalidDateError, match=f"{lo}..{hi}"):
        unwritten(lo, hi, Precision.SECOND, Qualifier.NONE)


def aligned_by_the_calendar(lo: int, hi: int, own: Precision) -> Precision:
    """What ``_aligned`` answered before it skipped the calendar for dates of a day or finer."""

    def on_edges(unit: int) -> bool:
        return (lo <= OPEN_LO or lo % unit == 0) and (hi >= OPEN_HI or (hi + 1) % unit == 0)

    if not on_edges(SECONDS_PER_DAY):
        found = Precision.HOUR if on_edges(3600) else Precision.MINUTE if on_edges(60) else Precision.SECOND
    else:
        first = (0, 1, 1) if lo <= OPEN_LO else from_day_number(lo // SECONDS_PER_DAY)
        last = (0, 12, 31) if hi >= OPEN_HI else from_day_number(hi // SECONDS_PER_DAY)
        months = first[2] == 1 and last[2] == days_in_month(last[0], last[1])
        years = months and first[1] == 1 and last[1] == 12
        found = Precision.YEAR if years else Precision.MONTH if months else Precision.DAY
    return found if found.rank <= own.rank else own


DAY_OF_2024 = parse("2024-01-01").lo // SECONDS_PER_DAY


@given(
    st.integers(0, 800),
    st.integers(0, 800),
    st.sampled_from([0, 1, 60, 3600]),
    st.sampled_from(list(Precision)),
    st.booleans(),
    st.booleans(),
)
def test_the_unit_of_a_narrowed_date_is_the_coarsest_its_bounds_fall_on(
    first: int, days: int, off: int, own: Precision, open_lo: bool, open_hi: bool
) -> None:
    lo = OPEN_LO if open_lo else (DAY_OF_2024 + first) * SECONDS_PER_DAY + off
    hi = OPEN_HI if open_hi else (DAY_OF_2024 + first + days + 1) * SECONDS_PER_DAY - 1 - off
    assert module._aligned(lo, hi, own) == aligned_by_the_calendar(lo, hi, own)


def test_an_interval_narrowed_keeps_its_kind_and_text() -> None:
    value = parse("2024-10/2024-11")
    assert isinstance(value, Interval)
    start = parse("2024-10-12").lo
    narrowed = narrow(value, start, value.start_bounds[1], *value.end_bounds)
    assert isinstance(narrowed, Interval)
    assert narrowed.to_edtf() == "[2024-10-12..2024-10-31]/2024-11"
    assert narrowed.text == value.text


# -- which way a phrase points, read from the ends of its anchor only where that says it all ----------

_LAST_DAY = module._LAST_DAY


def _order_read_from_every_day(relative: RelativeDate, anchor: UncertainDate, tense: Tense) -> object:
    """``_order_of`` by its definition: the phrase read from every day the anchor may fall on."""
    first, last = anchor.earliest_day, anchor.latest_day
    if last - first > module._ORDER_DAYS:
        return None
    later = earlier = True
    for day in range(first, last + 1):
        read = reading_at(relative, day, tense)
        if read is None:
            return None
        later = later and read[0] >= (day + 1) * SECONDS_PER_DAY
        earlier = earlier and read[1] < day * SECONDS_PER_DAY
    return ("after", True) if later else ("before", True) if earlier else None


@given(
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from(list(Unit)),
    st.sampled_from([-1, 1]),
    st.one_of(st.integers(1, 120), st.integers(700_000, 750_000), st.integers(_LAST_DAY - 120, _LAST_DAY)),
    st.integers(0, 70),
    st.sampled_from(list(Tense)),
)
def test_the_way_an_offset_points_is_its_reading_from_every_anchor_day(
    low: int, more: int, unit: Unit, direction: int, first: int, width: int, tense: Tense
) -> None:
    rule = Offset(low, low + more, unit, direction)  # type: ignore[arg-type]
    relative = RelativeDate(rule, text="some days after")
    last = min(first + width, _LAST_DAY)
    anchor = UncertainDate.from_days(first, last)
    assert module._order_of(relative, anchor, tense) == _order_read_from_every_day(relative, anchor, tense)


@given(st.sampled_from([Unit.DAY, Unit.WEEK]), st.integers(-40, 40), st.integers(700_000, 750_000), st.integers(0, 90))
def test_an_offset_of_days_or_weeks_reads_the_same_from_every_day_moved_with_it(
    unit: Unit, steps: int, day: int, later: int
) -> None:
    rule = Offset(abs(steps), abs(steps), unit, 1 if steps >= 0 else -1)
    assert rule.moves_with_anchor
    relative = RelativeDate(rule, text="days after")
    here, there = reading_at(relative, day, Tense.PAST), reading_at(relative, day + later, Tense.PAST)
    assert here is not None
    assert there is not None
    assert (there[0] - here[0], there[1] - here[1]) == (later * SECONDS_PER_DAY, later * SECONDS_PER_DAY)


@given(st.integers(0, 60), st.integers(0, 60), st.integers(-5, 70))
def test_the_first_and_last_days_of_a_monotone_test_are_found_as_day_by_day(first: int, width: int, edge: int) -> None:
    last = first + width
    days = range(first, last + 1)
    assert module._first_day(first, last, lambda d: d >= edge) == next((d for d in days if d >= edge), None)
    assert module._last_day(first, last, lambda d: d <= edge) == next((d for d in reversed(days) if d <= edge), None)
