"""Do a chronology's events hold together? References, cycles, and links against dates.

Links are order constraints between whole days: ``a after b`` means ``a``
starts no earlier than the day ``b`` ends; ``a before b`` the reverse; ``a
reports b`` means ``b`` began no later than the day of its report; ``a part_of
p`` keeps ``a`` within ``p``. The constraints narrow every linked event's
bounds to a fixed point; a bound pushed past its opposite is a contradiction,
reported with the chain of links behind it. Nothing here reads files: problems
name events and fields, and the file layer adds where they are written.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from chronology._calendar import NEG_INF, POS_INF, SECONDS_PER_DAY
from chronology._suggest import suggest
from chronology.dates import DateValue, UncertainDate
from chronology.errors import Problem
from chronology.events import Event, Source
from chronology.notation.edtf import format_day
from chronology.zones import wall_seconds

__all__ = ["Check", "Suggester", "check", "day_bounds", "suggest"]

_NEG: Final = NEG_INF // SECONDS_PER_DAY
_POS: Final = POS_INF // SECONDS_PER_DAY


def day_bounds(value: DateValue) -> tuple[tuple[int, int], tuple[int, int]]:
    """(first, last) day numbers of a value's start and of its end; instants have both the same.

    A time with an offset falls on its UTC day, as every query and comparison places it.
    """
    if isinstance(value, UncertainDate):
        bounds = _days(_utc(value, value.lo), _utc(value, value.hi))
        return bounds, bounds
    (s_lo, s_hi), (e_lo, e_hi) = value.start_bounds, value.end_bounds
    start = _days(_utc(value.start, s_lo), _utc(value.start, s_hi))
    return start, _days(_utc(value.end, e_lo), _utc(value.end, e_hi))


def _utc(end: object, seconds: int) -> int:
    """``seconds`` of a dated end moved to UTC where it has an offset (the day rule); others as they are."""
    if isinstance(end, UncertainDate) and end.utc_offset is not None:
        return wall_seconds(seconds, end.utc_offset, None)
    return seconds


def _days(lo: int, hi: int) -> tuple[int, int]:
    return (
        _NEG if lo <= NEG_INF + 1 else _POS if lo >= POS_INF - 1 else lo // SECONDS_PER_DAY,
        _NEG if hi <= NEG_INF + 1 else _POS if hi >= POS_INF - 1 else hi // SECONDS_PER_DAY,
    )


class Suggester:
    """:func:`suggest` for the first ``limit`` unknown names of one pass over a chronology; none after that.

    Each suggestion compares the name with every known name, so a large file
    with thousands of broken references would otherwise take quadratic time.
    ``known`` may be a lazy iterable: it is only read while suggestions last.
    """

    def __init__(self, limit: int = 100) -> None:
        self.left = limit

    def __call__(self, name: str, known: Iterable[str]) -> str:
        """Like :func:`suggest`, while the limit lasts."""
        if self.left <= 0:
            return ""
        self.left -= 1
        return suggest(name, known)


@attrs.frozen
class Check:
    """What :func:`check` found.

    Attributes:
        problems: every problem, in the order of the events.
        narrowed: for each event whose bounds the links narrowed, its new
            first and last day numbers (``None`` where unbounded).

    """

    problems: tuple[Problem, ...]
    narrowed: Mapping[str, tuple[int | None, int | None]]


def check(
    events: Sequence[Event],
    sources: Iterable[Source] = (),
    *,
    other_events: Iterable[str] = (),
    other_sources: Iterable[str] = (),
) -> Check:
    """Check references, link cycles and the agreement of links with dates.

    Args:
        events: the events to check.
        sources: the sources they may cite.
        other_events: ids of events that exist but could not be built (a file
            loader's broken events): references to them are not reported.
        other_sources: the same for sources.

    Returns:
        The problems found (none means consistent) and the narrowed bounds.

    """
    problems: list[Problem] = []
    by_id: dict[str, Event] = {}
    for event in events:
        if event.id in by_id:
            problems.append(Problem(f"duplicate event id {event.id!r}", event=event.id, field="id"))
            continue
        by_id[event.id] = event
    source_ids: dict[str, Source] = {}
    for source in sources:
        if source.id in source_ids:
            problems.append(Problem(f"duplicate source id {source.id!r}", event=source.id, field="id", record="source"))
        source_ids[source.id] = source
    problems.extend(_references(events, by_id, source_ids, set(other_events), set(other_sources)))
    problems.extend(_cycles(events, by_id))
    found, narrowed = _propagate(events, by_id)
    problems.extend(found)
    return Check(tuple(problems), narrowed)


def _references(
    events: Sequence[Event],
    by_id: Mapping[str, Event],
    sources: Mapping[str, Source],
    other_events: set[str],
    other_sources: set[str],
) -> list[Problem]:
    problems: list[Problem] = []
    suggest = Suggester()
    for event in events:
        for field, target in event.links:
            if target == event.id:
                problems.append(
                    Problem(f"an event cannot be linked to itself ({field} {target!r})", event=event.id, field=field)
                )
            elif target not in by_id and target not in other_events:
                problems.append(
                    Problem(f"unknown event {target!r}{suggest(target, by_id)}", event=event.id, field=field)
                )
        for index, citation in enumerate(event.citations):
            if citation.source not in sources and citation.source not in other_sources:
                problems.append(
                    Problem(
                        f"unknown source {citation.source!r}{suggest(citation.source, sources)}",
                        event=event.id,
                        field=f"citations[{index}].source",
                    )
                )
        for index, claim in enumerate(event.claims):
            if claim.source is not None and claim.source not in sources and claim.source not in other_sources:
                problems.append(
                    Problem(
                        f"unknown source {claim.source!r}{suggest(claim.source, sources)}",
                        event=event.id,
                        field=f"claims[{index}].source",
                    )
                )
        known = event.anchor in by_id or event.anchor in sources or event.anchor in other_events | other_sources
        if event.anchor is not None and not known:
            names = itertools.chain(by_id, sources)
            problems.append(
                Problem(
                    f"unknown event or source {event.anchor!r}{suggest(event.anchor, names)}",
                    event=event.id,
                    field="anchor",
                )
            )
    return problems


def _cycles(events: Sequence[Event], by_id: Mapping[str, Event]) -> list[Problem]:
    """Cycles among order links (after, before, reports) and among part_of links, each reported once."""
    order: dict[str, list[tuple[str, str]]] = {}  # earlier -> [(later, field on the event that says so)]
    parts: dict[str, list[tuple[str, str]]] = {}
    for event in events:
        for field, target in event.links:
            if target not in by_id or target == event.id:
                continue
            if field == "part_of":
                parts.setdefault(event.id, []).append((target, field))
            elif field == "before":
                order.setdefault(event.id, []).append((target, field))
            else:  # after, reports: the target comes first
                order.setdefault(target, []).append((event.id, field))
    problems = []
    for graph, what in ((order, "order links (after, before, reports)"), (parts, "part_of links")):
        for cycle in _find_cycles(graph):
            path = " -> ".join(repr(node) for node in [*cycle, cycle[0]])
            problems.append(Problem(f"{what} form a cycle: {path}", event=cycle[0], field=graph[cycle[0]][0][1]))
    return problems


def _find_cycles(graph: Mapping[str, list[tuple[str, str]]]) -> list[list[str]]:
    """One cycle per strongly connected knot, found by an iterative depth-first search."""
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles: list[list[str]] = []
    for root in graph:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = [root]
        state[root] = 1
        while stack:
            node, index = stack[-1]
            targets = graph.get(node, [])
            if index < len(targets):
                stack[-1] = (node, index + 1)
                target = targets[index][0]
                if state.get(target) == 1:
                    cycles.append(path[path.index(target) :])
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))
                    path.append(target)
            else:
                state[node] = 2
                stack.pop()
                path.pop()
    return cycles


@attrs.frozen
class _Edge:
    """``low <= high`` between two variables (start or end days), and why."""

    low: int
    high: int
    event: str  # the event whose field states the link
    field: str
    reason: str  # "'a' is after 'b'"


def _propagate(
    events: Sequence[Event], by_id: Mapping[str, Event]
) -> tuple[list[Problem], dict[str, tuple[int | None, int | None]]]:
    linked = {event.id for event in events if any(True for _ in event.links)}
    linked |= {target for event in events for _, target in event.links if target in by_id}
    if not linked:
        return [], {}
    names: list[str] = []  # variable -> "'id' starts" / "'id' ends" / "'id'"
    owner: list[str] = []
    lo: list[int] = []
    hi: list[int] = []
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    edges: list[_Edge] = []
    for event_id in sorted(linked):
        (s_lo, s_hi), (e_lo, e_hi) = day_bounds(by_id[event_id].when)
        start[event_id] = len(lo)
        if isinstance(by_id[event_id].when, UncertainDate):
            names.append(repr(event_id))
            owner.append(event_id)
            lo.append(s_lo)
            hi.append(s_hi)
            end[event_id] = start[event_id]
        else:
            names += [f"{event_id!r} starts", f"{event_id!r} ends"]
            owner += [event_id, event_id]
            lo += [s_lo, e_lo]
            hi += [s_hi, e_hi]
            end[event_id] = start[event_id] + 1
            edges.append(_Edge(start[event_id], end[event_id], event_id, "when", f"{event_id!r} starts before it ends"))
    for event in events:
        for field, target in event.links:
            if target not in by_id or target == event.id:
                continue
            a, b = event.id, target
            if field == "after":
                edges.append(_Edge(end[b], start[a], a, field, f"{a!r} is after {b!r}"))
            elif field == "before":
                edges.append(_Edge(end[a], start[b], a, field, f"{a!r} is before {b!r}"))
            elif field == "reports":
                edges.append(_Edge(start[b], start[a], a, field, f"{b!r} is reported by {a!r}"))
            else:  # part_of
                edges.append(_Edge(start[b], start[a], a, field, f"{a!r} is part of {b!r}"))
                edges.append(_Edge(end[a], end[b], a, field, f"{a!r} is part of {b!r}"))
    given_lo, given_hi = list(lo), list(hi)
    out: list[list[_Edge]] = [[] for _ in lo]
    into: list[list[_Edge]] = [[] for _ in lo]
    for edge in edges:
        out[edge.low].append(edge)
        into[edge.high].append(edge)
    lo_from: dict[int, _Edge] = {}
    hi_from: dict[int, _Edge] = {}
    work = list(range(len(lo)))
    while work:
        x = work.pop()
        for edge in out[x]:
            if lo[x] > lo[edge.high]:
                lo[edge.high] = lo[x]
                lo_from[edge.high] = edge
                work.append(edge.high)
    work = list(range(len(hi)))
    while work:
        y = work.pop()
        for edge in into[y]:
            if hi[y] < hi[edge.low]:
                hi[edge.low] = hi[y]
                hi_from[edge.low] = edge
                work.append(edge.low)
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    lo_origins: dict[int, int] = {}
    hi_origins: dict[int, int] = {}
    for v in range(len(lo)):
        if lo[v] <= hi[v]:
            continue
        # Origins first, remembered along the way: walking each chain for every variable of a long contradicted
        # chain would take quadratic time, and all of them share one origin and one message.
        origin_lo = _origin(v, lo_from, lo_origins, backwards=True)
        origin_hi = _origin(v, hi_from, hi_origins, backwards=False)
        if (origin_lo, origin_hi) in seen:
            continue
        seen.add((origin_lo, origin_hi))
        lo_chain = _chain(v, lo_from, backwards=True)
        hi_chain = _chain(v, hi_from, backwards=False)
        steps = [f"{names[origin_lo]} no earlier than {_day(given_lo[origin_lo])}"]
        steps += [edge.reason for edge in [*lo_chain, *hi_chain]]
        steps.append(f"{names[origin_hi]} no later than {_day(given_hi[origin_hi])}")
        blame = (lo_chain or hi_chain)[-1 if lo_chain else 0]
        chain = [*lo_chain, *hi_chain]
        if len(chain) == 1 and chain[0].field == "reports":
            reported, report = owner[origin_lo], owner[origin_hi]
            message = (
                f"{reported!r} would have begun after its own report {report!r}: "
                f"it begins no earlier than {_day(given_lo[origin_lo])}, "
                f"the report is dated no later than {_day(given_hi[origin_hi])}"
            )
        else:
            message = "the links contradict the dates: " + "; ".join(steps)
        problems.append(Problem(message, event=blame.event, field=blame.field))
    narrowed: dict[str, tuple[int | None, int | None]] = {}
    for event_id in sorted(linked):
        first, last = lo[start[event_id]], hi[end[event_id]]
        if (first, last) != (given_lo[start[event_id]], given_hi[end[event_id]]) and first <= last:
            narrowed[event_id] = (None if first <= _NEG else first, None if last >= _POS else last)
    return problems, narrowed


def _origin(v: int, came_from: Mapping[int, _Edge], known: dict[int, int], *, backwards: bool) -> int:
    """Where the bound of ``v`` came from (the end of :func:`_chain`), remembering it for every variable passed."""
    passed: list[int] = []
    seen = {v}
    while v not in known and v in came_from:
        passed.append(v)
        edge = came_from[v]
        v = edge.low if backwards else edge.high
        if v in seen:
            break
        seen.add(v)
    origin = known.get(v, v)
    for step in passed:
        known[step] = origin
    return origin


def _chain(v: int, came_from: Mapping[int, _Edge], *, backwards: bool) -> list[_Edge]:
    """The edges that carried a bound to ``v``, from its origin (lo) or towards it (hi)."""
    chain: list[_Edge] = []
    seen = {v}
    while v in came_from:
        edge = came_from[v]
        chain.append(edge)
        v = edge.low if backwards else edge.high
        if v in seen:
            break
        seen.add(v)
    return chain[::-1] if backwards else chain


def _day(number: int) -> str:
    if number <= _NEG:
        return "the open past"
    if number >= _POS:
        return "the open future"
    return format_day(number)
