"""Links against dates: the narrowing is exact, and contradictions are exactly the infeasible cases."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import Event, Precision, UncertainDate
from chronology.consistency import check

BASE = UncertainDate.parse("2024-10-01").earliest_day

LINKS = ("after", "before", "reports")


@st.composite
def linked_events(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(2, 4))
    spans = [sorted(draw(st.tuples(st.integers(0, 5), st.integers(0, 5)))) for _ in range(count)]
    links: list[dict[str, list[str]]] = [{name: [] for name in LINKS} for _ in range(count)]
    for a, b in draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=4)):
        if a != b:
            links[a][draw(st.sampled_from(LINKS))].append(f"e{b}")
    return [
        Event(
            id=f"e{i}",
            title=f"E{i}",
            when=UncertainDate.from_days(BASE + lo, BASE + hi, Precision.DAY),
            after=tuple(dict.fromkeys(links[i]["after"])),
            before=tuple(dict.fromkeys(links[i]["before"])),
            reports=tuple(dict.fromkeys(links[i]["reports"])),
        )
        for i, (lo, hi) in enumerate(spans)
    ]


def feasible(events: list[Event]) -> list[tuple[int, ...]]:
    """Every assignment of one day to each event that satisfies every link, by brute force."""
    index = {event.id: i for i, event in enumerate(events)}
    ranges = [range(e.when.earliest_day, e.when.latest_day + 1) for e in events]  # type: ignore[union-attr]
    found = []
    for days in itertools.product(*ranges):
        ok = True
        for i, event in enumerate(events):
            ok = ok and all(days[i] >= days[index[t]] for t in event.after)
            ok = ok and all(days[i] <= days[index[t]] for t in event.before)
            ok = ok and all(days[index[t]] <= days[i] for t in event.reports)
        if ok:
            found.append(days)
    return found


@given(linked_events())
def test_narrowed_bounds_are_exactly_the_feasible_days(events: list[Event]) -> None:
    result = check(events)
    contradictions = [p for p in result.problems if "cycle" not in p.message]
    solutions = feasible(events)
    assert bool(contradictions) == (not solutions)
    if not solutions:
        return
    for i, event in enumerate(events):
        first = min(days[i] for days in solutions)
        last = max(days[i] for days in solutions)
        value = result.narrowed.get(event.id, event.when)
        assert isinstance(value, UncertainDate)
        assert (value.earliest_day, value.latest_day) == (first, last), event.id


def test_a_contradiction_names_the_whole_chain() -> None:
    day = UncertainDate.parse
    events = [
        Event(id="report", title="R", when=day("2024-10-18"), reports=["transfer"]),
        Event(id="transfer", title="T", when=day("2024-10"), after=["strike"]),
        Event(id="strike", title="S", when=day("2024-10-20")),
    ]
    (problem,) = check(events).problems
    assert problem.message == (
        "the links contradict the dates: 'strike' no earlier than 2024-10-20; 'transfer' is after 'strike'; "
        "'transfer' is reported by 'report'; 'report' no later than 2024-10-18"
    )


def test_intervals_keep_their_start_before_their_end() -> None:
    war = Event(id="war", title="War", when=chronology.parse("2022/2024"))
    battle = Event(id="battle", title="Battle", when=chronology.parse("2023-05"), part_of="war")
    later = Event(id="later", title="After the war", when=chronology.parse("2024-06"), after=["war"])
    result = check([war, battle, later])
    assert result.problems == ()
    war_narrowed = result.narrowed["war"]
    assert isinstance(war_narrowed, chronology.Interval)
    assert war_narrowed.start == UncertainDate.parse("2022")
    assert war_narrowed.end == UncertainDate.parse("[2024-01..2024-06]")


def test_cycles_of_links_are_reported_once() -> None:
    a = Event(id="a", title="A", when=chronology.parse("2024"), after=["b"])
    b = Event(id="b", title="B", when=chronology.parse("2024"), after=["c"])
    c = Event(id="c", title="C", when=chronology.parse("2024"), after=["a"])
    cycles = [p.message for p in check([a, b, c]).problems]
    assert cycles == [
        "order links (after, before, reports) form a cycle: 'b' -> 'a' -> 'c' -> 'b' (each before the next), "
        "closed by 'b' is after 'c'; remove or reverse one of these links"
    ]
