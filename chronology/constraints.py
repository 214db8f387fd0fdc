"""What a chronology's links say about time: constraints over the events' bounds, propagated.

The links of a set of events (``after``, ``before``, ``reports``, ``part_of``)
are order constraints between moments. Each linked event has one variable if
it is an instant (its moment) and two if it lasts (its start and its end);
every link is an edge ``low <= high`` between two variables:

==============================  =========================================
``a`` has ``after = ["b"]``     b ends <= a starts (an order link)
``a`` has ``before = ["b"]``    a ends <= b starts (an order link)
``a`` has ``reports = ["b"]``   b starts <= a starts (a report is not
                                before what it reports)
``a`` has ``part_of = "b"``     b starts <= a starts, a ends <= b ends
something that lasts            it starts <= it ends
==============================  =========================================

A date read from another event ("two days after", ``anchor = "b"``) is a
constraint of its own (a reading), applied both ways: b's bounds bound
the date read, and the date read bounds b. Hours ("within hours") are a
difference between instants; other phrases are read from b's day.

Bounds are seconds on the model's timeline, compared by the day rule: a time
with an offset is moved to UTC, a date (or a time without an offset) is taken
as written. Propagation is not strict: an event ``after`` another known only to
the same day may fall on that day (its earliest day is at least the other's
earliest day). An *order link* says more than the dates can: ``after = ["b"]``
means b happened first, even on the same day, so "b before a" is certain
whatever their dates (:meth:`Network.order`).

These are difference constraints with zero weights, so the tightest bounds
are longest paths from the stated lower bounds (and shortest paths back from
the upper ones): one pass over the variables in topological order, O(V + E)
for V variables and E links; a cycle of links (reported as a problem by
:mod:`chronology.consistency`) falls back to a work queue. No pair of events is
compared with every other. Readings from other events are settled afterwards
by a work queue (see ``Network._settle``). Nothing here reads files: problems
name events and fields.

Speed: a load checks every link, so the network is built with ``map`` and
numpy over the events' fields rather than event by event (O(N + L log L) for
N events and L links), and a large network without readings is propagated a
level of the topological order at a time in numpy
(``Network._propagate_by_levels``). Which edge set each bound, which messages
and :meth:`Network.why` name, depends on the order the pass in Python follows
the edges in; that pass runs when they are first asked for, so every answer
is the same whichever way the bounds were found. Names, lists and dicts of
variables are made when first needed.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import operator
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from itertools import chain, compress, pairwise, repeat
from typing import Final, Literal, TypeAlias
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import numpy.typing as npt

from chronology._calendar import (
    NEG_INF,
    OPEN_HI,
    OPEN_LO,
    POS_INF,
    SECONDS_PER_DAY,
    days_in_month,
    from_day_number,
)
from chronology.dates import DateValue, Endpoint, Interval, Precision, Qualifier, UncertainDate, unwritten
from chronology.errors import ChronologyError, Problem
from chronology.events import Event, Source
from chronology.notation.edtf import format_bounds, format_day, parse_edtf
from chronology.relative import (
    RelativeDate,
    Tense,
    _first_true,  # the reader's bisections over anchor days, used here for anchor days too
    _last_true,
    reading_at,
)
from chronology.rules import Offset, Shift
from chronology.zones import offset_at

__all__ = ["Frame", "Link", "Network", "Side", "link_cycles", "narrow", "publication", "published_for"]

#: Which end of an event, its start or its end (the same moment for an instant).
Side: TypeAlias = Literal["start", "end"]
#: Which way a date read from another event's lies from it.
Way: TypeAlias = Literal["after", "before"]

#: Link fields that put one event before another (strictly: even on the same day).
ORDER_FIELDS: Final = ("after", "before")


@attrs.frozen
class Link:
    """One link as written: ``event``'s ``field`` names ``target``; or, for ``field == "when"``, an event's own span.

    Attributes:
        event: the event (or source) whose field states the link.
        field: ``"after"``, ``"before"``, ``"reports"``, ``"part_of"``; ``"when"`` for "it starts before it ends";
            ``"citations"`` for an event cited by an undated source; a source's ``"published_after"`` or
            ``"published_before"``.
        target: the event (or source) it names (the event itself for ``"when"``).
        record: ``"event"`` or ``"source"``: what ``event`` names.
        says: the link in words, where they are not the field's own.

    """

    event: str
    field: str
    target: str
    record: str = "event"
    says: str = ""

    @property
    def reason(self) -> str:
        """The link in words, such as "'a' is after 'b'"."""
        if self.says:
            return self.says
        a, b = self.event, self.target
        if self.field == "after":
            return f"{a!r} is after {b!r}"
        if self.field == "before":
            return f"{a!r} is before {b!r}"
        if self.field == "reports":
            return f"{b!r} is reported by {a!r}"
        if self.field == "part_of":
            return f"{a!r} is part of {b!r}"
        if self.field == "anchor":
            return f"{a!r} is dated from {b!r}"
        return f"{a!r} starts before it ends"


def link_cycles(events: Iterable[Event], known: Container[str]) -> list[Problem]:
    """Cycles among order links (after, before, reports) and among part_of links, each knot reported once.

    Each problem is placed at a link that is written: the event and field of the
    link that closes the cycle (the one the search came back along), so that a
    file places it at that key (``before`` on the event that has it, not a field
    of another event). The message walks the cycle, each event once, ending with
    that link, and says it in words.

    Args:
        events: the events whose links are followed.
        known: the ids a link may name here (others are reported as unknown elsewhere).

    """
    order: dict[str, list[tuple[str, Link]]] = {}  # earlier -> [(later, the link as written)]
    parts: dict[str, list[tuple[str, Link]]] = {}  # part -> [(whole, the link as written)]
    for event in events:
        for field, target in event.links:
            if target not in known or target == event.id:
                continue
            link = Link(event.id, field, target)
            if field == "part_of":
                parts.setdefault(event.id, []).append((target, link))
            elif field == "before":
                order.setdefault(event.id, []).append((target, link))
            else:  # after, reports: the target comes first
                order.setdefault(target, []).append((event.id, link))
    problems = []
    for graph, what, arrow in (
        (order, "order links (after, before, reports)", "each before the next"),
        (parts, "part_of links", "each part of the next"),
    ):
        for cycle in _find_cycles(graph):
            closing = cycle[-1][1]
            path = " -> ".join(repr(node) for node in [*(start for start, _ in cycle), cycle[0][0]])
            problems.append(
                Problem(
                    f"{what} form a cycle: {path} ({arrow}), closed by {closing.reason}; "
                    "remove or reverse one of these links",
                    event=closing.event,
                    field=closing.field,
                )
            )
    return problems


def _find_cycles(graph: Mapping[str, list[tuple[str, Link]]]) -> list[list[tuple[str, Link]]]:
    """One cycle per strongly connected knot, found by an iterative depth-first search.

    A cycle is its edges in order, each ``(from, link)``; the last is the one the search came back along.
    """
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles: list[list[tuple[str, Link]]] = []
    for root in graph:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[tuple[str, Link | None]] = [(root, None)]  # each node on the stack, with the link it was reached by
        state[root] = 1
        while stack:
            node, index = stack[-1]
            targets = graph.get(node, [])
            if index < len(targets):
                stack[-1] = (node, index + 1)
                target, link = targets[index]
                if state.get(target) == 1:
                    start = next(i for i, (name, _) in enumerate(path) if name == target)
                    walked = path[start:]
                    edges = [(walked[i][0], walked[i + 1][1]) for i in range(len(walked) - 1)]
                    cycles.append([(name, reached) for name, reached in edges if reached is not None] + [(node, link)])
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))
                    path.append((target, link))
            else:
                state[node] = 2
                stack.pop()
                path.pop()
    return cycles


class Network:
    """The constraints the links of ``events`` put on their bounds, propagated to the tightest bounds.

    Only events with a link (or named by one) take part; ``by_id`` maps every
    id that may be named to its event.
    """

    def __init__(self, events: Sequence[Event], by_id: Mapping[str, Event], zone: ZoneInfo | None = None) -> None:
        self.frame = frame = Frame(zone)
        # Each id that may be named has a key, its position in by_id; the arrays below speak of keys and variables.
        self._names = names = list(by_id)
        self._events = by_id  # for what a message says of an event's date as written (not copied)
        self._key = key = dict(zip(names, range(len(names)), strict=True))
        written = _written(events, key, names)
        anchored = _anchored(events, by_id)  # (position, event, anchor, phrase) for dates read from an event
        # The linked events in the order of the events, then of the targets each names (a date read from an
        # event names its event and anchor first); each once.
        linked = _first_mentions(written, [(i, key[e], key[x]) for i, e, x, _ in anchored], len(names))
        variables = _Variables.of([by_id[names[k]] for k in np.sort(linked).tolist()], linked, frame)
        self._linked = linked
        self._owner_keys = np.repeat(linked, variables.sizes)  # each variable's event
        self._var_start = np.full(len(names), -1, dtype=np.intp)  # each key's variables (-1 if not linked)
        self._var_end = self._var_start.copy()
        self._var_start[linked], self._var_end[linked] = variables.start, variables.end
        self._edges = edges = _link_edges(written, linked, variables, self._var_start, self._var_end)
        # Dates read from other events' come after the links, in lists (they are few): see _read_edges.
        extra, self._chained, self._readings = self._read_edges(anchored, by_id, len(edges.low))
        self._extra_said = {len(edges.low) + j: said for j, (*_, said) in enumerate(extra)}
        self._low_array = np.concatenate([edges.low, np.asarray([edge[0] for edge in extra], dtype=np.intp)])
        self._high_array = np.concatenate([edges.high, np.asarray([edge[1] for edge in extra], dtype=np.intp)])
        self._strict_array = np.concatenate([edges.field <= _BEFORE, np.asarray([e[2] for e in extra], dtype=bool)])
        self._given = variables.lo, variables.hi
        # The bounds, as arrays or lists or both (each made from the other when first needed).
        self._bounds: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = self._given
        self._lists: tuple[list[int], list[int]] | None = None
        self._runaway: tuple[int, bool] | None = None  # a variable (and whether its lower bound) moved without end
        # variable -> the edge that last raised its lower (upper) bound, as the pass in topological order finds it;
        # None until asked for when the bounds were found level by level (see _lo_from)
        self._lo_came: dict[int, int] | None = None
        self._hi_came: dict[int, int] | None = None
        self._order: list[int] | None = None  # the topological order of that pass
        self.cyclic = False
        if self._readings or len(self) < _LEVELS_FROM or not self._propagate_by_levels():
            self._propagate()

    def _read_edges(
        self, anchored: Sequence[tuple[int, str, str, RelativeDate]], by_id: Mapping[str, Event], first: int
    ) -> tuple[list[tuple[int, int, bool, tuple[str, ...]]], int, list[_Reading]]:
        """The edges of dates read from other events' ("two days after the strike"), numbered from ``first``.

        For each, an edge for the order it says, if any; then two edges that only name the reading in chains
        (the reading itself is a function, not an edge). Returns the edges as (low, high, strict, the link's
        fields), the number of the edges followed by propagation, order and reach (those before the second
        kind), and the readings.
        """
        extra: list[tuple[int, int, bool, tuple[str, ...]]] = []
        if not anchored:
            return extra, first, []
        start = self.start
        read = _ReadingsAt()  # the order and the reading of a phrase read it from the same anchor days: read once
        links = [
            (e, "anchor", x, "event", f"{e!r} is {relative.text!r} (anchor {x!r})") for _, e, x, relative in anchored
        ]
        for (_, e, x, relative), said in zip(anchored, links, strict=True):
            order = _order_of(relative, by_id[x].when, by_id[e].tense, read)
            if order is not None:
                low, high = (start[x], start[e]) if order[0] == "after" else (start[e], start[x])
                extra.append((low, high, order[1], said))
        chained = first + len(extra)
        readings: list[_Reading] = []
        for (_, e, x, relative), said in zip(anchored, links, strict=True):
            anchor_when, event_when = by_id[x].when, by_id[e].when
            assert isinstance(anchor_when, UncertainDate)  # as _reading_of checked
            assert isinstance(event_when, UncertainDate)
            number = first + len(extra)
            readings.append(
                _Reading(
                    start[x], start[e], relative, by_id[e].tense, anchor_when, event_when, number, self.frame, read
                )
            )
            extra += [(start[x], start[e], False, said), (start[e], start[x], False, said)]
        return extra, chained, readings

    # Names and bounds as Python lists and dicts, made when first needed: messages and questions look them up
    # one at a time, while a load may need none of them.

    @functools.cached_property
    def owner(self) -> list[str]:
        """Each variable's event."""
        return list(map(self._names.__getitem__, self._owner_keys.tolist()))

    @functools.cached_property
    def start(self) -> dict[str, int]:
        """Each linked event's start variable (its moment's, for an instant)."""
        linked = self._linked
        return dict(zip(map(self._names.__getitem__, linked.tolist()), self._var_start[linked].tolist(), strict=True))

    @functools.cached_property
    def end(self) -> dict[str, int]:
        """Each linked event's end variable (its moment's, for an instant)."""
        linked = self._linked
        return dict(zip(map(self._names.__getitem__, linked.tolist()), self._var_end[linked].tolist(), strict=True))

    @functools.cached_property
    def given_lo(self) -> list[int]:
        """Each variable's stated lower bound (seconds by the day rule)."""
        given: list[int] = self._given[0].tolist()
        return given

    @functools.cached_property
    def given_hi(self) -> list[int]:
        """Each variable's stated upper bound."""
        given: list[int] = self._given[1].tolist()
        return given

    @property
    def lo(self) -> list[int]:
        """Each variable's lower bound, propagated."""
        return self._bound_lists()[0]

    @property
    def hi(self) -> list[int]:
        """Each variable's upper bound, propagated."""
        return self._bound_lists()[1]

    def _bound_lists(self) -> tuple[list[int], list[int]]:
        if self._lists is None:
            assert self._bounds is not None
            self._lists = self._bounds[0].tolist(), self._bounds[1].tolist()
        return self._lists

    def _arrays(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Every variable's lower and upper bound, as arrays (made once from the lists when the pass was in Python)."""
        if self._bounds is None:
            assert self._lists is not None
            self._bounds = np.asarray(self._lists[0], dtype=np.int64), np.asarray(self._lists[1], dtype=np.int64)
        return self._bounds

    def _edges_out(self, x: int) -> list[int]:
        out, at = self._outgoing
        return out[at[x] : at[x + 1]]

    def _edges_into(self, y: int) -> list[int]:
        into, at = self._incoming
        return into[at[y] : at[y + 1]]

    # The edges as Python lists, made when first needed: the pass in Python, the questions and the messages follow
    # them edge by edge, while a network found level by level may never need them.

    @functools.cached_property
    def _low(self) -> list[int]:
        """Each edge's lower variable."""
        low: list[int] = self._low_array.tolist()
        return low

    @functools.cached_property
    def _high(self) -> list[int]:
        """Each edge's higher variable."""
        high: list[int] = self._high_array.tolist()
        return high

    @functools.cached_property
    def _strict(self) -> list[bool]:
        """Whether each edge is an order link (the later end is later even on the same day)."""
        strict: list[bool] = self._strict_array.tolist()
        return strict

    @functools.cached_property
    def _outgoing(self) -> tuple[list[int], list[int]]:
        """The edges out of each variable (as :func:`_grouped`): flat lists, far fewer objects than a list each."""
        return _grouped(self._low_array[: self._chained], len(self))

    @functools.cached_property
    def _incoming(self) -> tuple[list[int], list[int]]:
        """The edges into each variable (as :func:`_grouped`)."""
        return _grouped(self._high_array[: self._chained], len(self))

    def _said_at(self, k: int) -> tuple[str, ...]:
        """The fields of the :class:`Link` behind edge ``k``."""
        said = self._extra_said.get(k)
        if said is not None:
            return said
        edges = self._edges
        return self._names[edges.event[k]], _FIELD_NAMES[edges.field[k]], self._names[edges.target[k]]

    def _link(self, k: int) -> Link:
        """The link behind edge ``k``."""
        return Link(*self._said_at(k))

    def name(self, v: int) -> str:
        """Variable ``v`` in words: "'id'", "'id' starts" or "'id' ends"."""
        owner = self.owner[v]
        if self.start[owner] == self.end[owner]:
            return repr(owner)
        return f"{owner!r} starts" if self.start[owner] == v else f"{owner!r} ends"

    def __len__(self) -> int:
        """The number of variables."""
        return len(self._given[0])

    # -- propagation ------------------------------------------------------------------------------

    @property
    def _lo_from(self) -> dict[int, int]:
        """Variable -> the edge that last raised its lower bound in the pass in topological order (made if need be).

        Which edge set a bound depends on the order edges are followed in (when two set the same bound, the
        first followed does): messages and :meth:`why` name the edges that pass follows first, found by running
        it when the bounds were found level by level.
        """
        if self._lo_came is None:
            self._propagate()
        assert self._lo_came is not None
        return self._lo_came

    @property
    def _hi_from(self) -> dict[int, int]:
        """Variable -> the edge that last lowered its upper bound (see :attr:`_lo_from`)."""
        if self._hi_came is None:
            self._propagate()
        assert self._hi_came is not None
        return self._hi_came

    def _propagate_by_levels(self) -> bool:
        """The tightest bounds with numpy, a level at a time; False, with nothing changed, on a cycle or a deep network.

        Level 0 holds the variables no edge reaches; level i + 1 those whose
        last edge in comes from level i (Kahn's algorithm, one frontier at a
        time). The edges out of one level raise their targets' lower bounds
        all at once (``np.maximum.at``); upper bounds then move back, the
        levels taken the other way. The bounds are the ones :meth:`_propagate`
        finds (a longest path does not depend on the order edges are followed
        in); the edge behind each bound, which that pass records, is left to it
        (:attr:`_lo_from`). Only for networks without readings of dates from
        other events. O((V + E) log E) work in a few numpy calls per level;
        a network of more than ``E / _EDGES_PER_LEVEL`` levels (long chains of
        a few edges a level, where the calls cost more than they do) is left to
        :meth:`_propagate` after that many, which at most doubles its time.
        """
        count = len(self)
        low, high = self._low_array, self._high_array  # without readings, every edge is followed
        out = np.argsort(low, kind="stable")
        out_at = np.searchsorted(low[out], np.arange(count + 1), side="left")
        waiting = np.bincount(high, minlength=count)
        frontier = np.flatnonzero(waiting == 0)
        reached = frontier.size
        lo = self._given[0].copy()
        levels: list[npt.NDArray[np.intp]] = []  # the edges out of each level, in order
        limit = max(_LEVELS_AT_LEAST, len(low) // _EDGES_PER_LEVEL)
        while frontier.size:
            if len(levels) >= limit:
                return False
            first = out_at[frontier]
            counts = out_at[frontier + 1] - first
            ends = np.cumsum(counts)
            total = int(ends[-1])
            edges = out[np.repeat(first - (ends - counts), counts) + np.arange(total)]
            targets = high[edges]
            np.maximum.at(lo, targets, lo[low[edges]])
            levels.append(edges)
            ready, arriving = np.unique(targets, return_counts=True)
            waiting[ready] -= arriving
            frontier = ready[waiting[ready] == 0]
            reached += frontier.size
        if reached < count:
            return False  # a cycle: some variables never became ready
        hi = self._given[1].copy()
        for edges in reversed(levels):
            np.minimum.at(hi, low[edges], hi[high[edges]])
        self._bounds, self._lists = (lo, hi), None
        return True

    def _propagate(self) -> None:
        """The tightest bounds from the stated ones, recording the edge behind each bound that moved (in Python).

        One pass in topological order (Kahn), O(V + E); on a cycle of links, work queues; then the readings of
        dates from other events (:meth:`_settle`).
        """
        lo, hi = list(self.given_lo), list(self.given_hi)
        self._lists, self._bounds = (lo, hi), None
        low, high = self._low, self._high
        (out, out_at), (into, into_at) = self._outgoing, self._incoming
        self._lo_came = lo_from = {}
        self._hi_came = hi_from = {}
        # Lower bounds move forward while the variables are put in topological order (Kahn), in the same pass.
        waiting = [into_at[v + 1] - into_at[v] for v in range(len(lo))]
        ready = [v for v, count in enumerate(waiting) if count == 0]
        order: list[int] = []
        while ready:
            x = ready.pop()
            order.append(x)
            bound = lo[x]
            for k in out[out_at[x] : out_at[x + 1]]:
                y = high[k]
                if bound > lo[y]:
                    lo[y] = bound
                    lo_from[y] = k
                waiting[y] -= 1
                if waiting[y] == 0:
                    ready.append(y)
        self._order = order
        if len(order) == len(lo):  # no cycle: upper bounds move back, in one pass the other way
            for y in reversed(order):
                bound = hi[y]
                for k in into[into_at[y] : into_at[y + 1]]:
                    if bound < hi[low[k]]:
                        hi[low[k]] = bound
                        hi_from[low[k]] = k
            if self._readings:
                self._settle()
            return
        # A cycle of links: a work queue, which ends because every bound only moves to one of the stated ones.
        self.cyclic = True
        lo[:] = self.given_lo
        lo_from.clear()
        work = deque(range(len(lo)))
        while work:
            x = work.popleft()
            for k in self._edges_out(x):
                if lo[x] > lo[high[k]]:
                    lo[high[k]] = lo[x]
                    lo_from[high[k]] = k
                    work.append(high[k])
        work = deque(range(len(hi)))
        while work:
            y = work.popleft()
            for k in self._edges_into(y):
                if hi[y] < hi[low[k]]:
                    hi[low[k]] = hi[y]
                    hi_from[low[k]] = k
                    work.append(low[k])
        if self._readings:
            self._settle()

    def _settle(self) -> None:
        """Bounds through the readings of dates from other events too: a work queue from their variables.

        A reading is monotone in its anchor (a later anchor never gives an
        earlier date), so the bounds settle as for the links alone, each
        reading applied forwards (the anchor's bounds bound the date read) and
        backwards (the date read bounds its anchor: the first and last anchor
        days that can give it, found by bisection). This is Bellman-Ford with
        a queue: O(V * E) at worst, in practice a few passes over the variables
        the readings reach. A loop of readings and links that pushes a bound
        later on every turn ("a" two days after "b", "b" after "a") cannot
        hold: after more turns than there are variables it is stopped and
        reported.
        """
        touching: dict[int, list[_Reading]] = {}
        for reading in self._readings:
            touching.setdefault(reading.anchor, []).append(reading)
            touching.setdefault(reading.event, []).append(reading)
        for lower in (True, False):
            self._settle_side(touching, lower=lower)
            if self._runaway is not None:
                return

    def _settle_side(self, touching: Mapping[int, list[_Reading]], *, lower: bool) -> None:
        bound, given_lo, given_hi = (self.lo if lower else self.hi), self.given_lo, self.given_hi
        came_from = self._lo_from if lower else self._hi_from
        edges, ends = self._outgoing if lower else self._incoming
        other = self._high if lower else self._low
        limit = len(bound) + 2
        rounds = dict.fromkeys(touching, 1)
        queue = deque(touching)
        queued = dict(rounds)
        while queue:
            v = queue.popleft()
            del queued[v]
            value = bound[v]
            if (value > given_hi[v]) if lower else (value < given_lo[v]):
                continue  # already contradicted (reported): pushing it on would only repeat that
            steps = [(other[k], value, k) for k in edges[ends[v] : ends[v + 1]]]
            for reading in touching.get(v, ()):
                if reading.anchor == v:
                    event = reading.event
                    moved = reading.event_lo(value) if lower else reading.event_hi(value)
                    steps.append((event, moved, reading.edge if lower else reading.edge + 1))
                if reading.event == v:
                    anchor = reading.anchor
                    if lower:
                        steps.append(
                            (anchor, reading.anchor_lo(value, bound[anchor], given_hi[anchor]), reading.edge + 1)
                        )
                    else:
                        steps.append((anchor, reading.anchor_hi(value, given_lo[anchor], bound[anchor]), reading.edge))
            for y, moved, k in steps:
                if (moved > bound[y]) if lower else (moved < bound[y]):
                    bound[y] = moved
                    came_from[y] = k
                    if y not in queued:
                        # Queued in one more round of Bellman-Ford each time: more rounds than variables is a loop.
                        queued[y] = rounds[y] = rounds.get(y, 0) + 1
                        if rounds[y] > limit:
                            self._runaway = (y, lower)
                            return
                        queue.append(y)

    def _topological(self) -> list[int]:
        """The variables in an order where every edge goes forward (Kahn); fewer than all if links form a cycle."""
        at = self._incoming[1]
        waiting = [at[v + 1] - at[v] for v in range(len(self))]
        ready = [v for v, count in enumerate(waiting) if count == 0]
        order: list[int] = []
        high = self._high
        while ready:
            x = ready.pop()
            order.append(x)
            for k in self._edges_out(x):
                y = high[k]
                waiting[y] -= 1
                if waiting[y] == 0:
                    ready.append(y)
        return order

    # -- what it found ------------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Every contradiction between links and dates, once per pair of stated bounds, with its chain of links."""
        problems: list[Problem] = []
        if self._runaway is not None:
            loop = self._loop(*self._runaway)
            blame = self._link(loop[0])
            reasons = "; ".join(dict.fromkeys(self._link(k).reason for k in loop))
            message = f"the links and the dates read from other events form a loop that cannot hold: {reasons}"
            return [Problem(message, event=blame.event, field=blame.field, record=blame.record)]
        seen: set[tuple[int, int]] = set()
        lo_origins: dict[int, int] = {}
        hi_origins: dict[int, int] = {}
        lo, hi = self._arrays()
        for v in np.flatnonzero(lo > hi).tolist():
            # Origins first, remembered along the way: walking each chain for every variable of a long contradicted
            # chain would take quadratic time, and all of them share one origin and one message.
            origin_lo = self._origin(v, self._lo_from, lo_origins, backwards=True)
            origin_hi = self._origin(v, self._hi_from, hi_origins, backwards=False)
            if (origin_lo, origin_hi) in seen:
                continue
            seen.add((origin_lo, origin_hi))
            lo_chain = self._chain(v, self._lo_from, backwards=True)
            hi_chain = self._chain(v, self._hi_from, backwards=False)
            # round a cycle of links, the two chains overlap: said without going round it (each link once)
            chain, blame_at = self._without_loops([*lo_chain, *hi_chain], len(lo_chain))
            earliest = _moment(self.frame.wall(self.given_lo[origin_lo]), low=True)
            latest = _moment(self.frame.wall(self.given_hi[origin_hi]), low=False)
            if len(chain) == 1 and self._link(chain[0]).field == "reports":
                reported, report = self.owner[origin_lo], self.owner[origin_hi]
                message = (
                    f"{reported!r} would have begun after its own report {report!r}: "
                    f"it begins no earlier than {earliest}, the report is dated no later than {latest}"
                )
            else:
                steps = [f"{self.name(origin_lo)} no earlier than {earliest}"]
                steps += [self._link(k).reason for k in chain]
                steps.append(f"{self.name(origin_hi)} no later than {latest}")
                message = "the links contradict the dates: " + "; ".join(steps)
            blame = self._link(chain[blame_at])
            problems.append(Problem(message, event=blame.event, field=blame.field, record=blame.record))
        return problems

    def _without_loops(self, chain: list[int], reached: int) -> tuple[list[int], int]:
        """A walk of edges with every loop in it cut out, and which of its edges to place the problem at.

        ``chain``: edges from a lower bound's origin to an upper bound's, each
        starting where the one before ends; the first ``reached`` of them carried
        the lower bound to the contradicted variable. The problem is placed at
        the edge that reached that variable (the first edge, without one), or,
        where a loop cut it out, at the last edge left: the link that brings the
        lower bound to the upper one.
        """
        low, high = self._low, self._high
        if not chain or any(high[a] != low[b] for a, b in pairwise(chain)):  # pragma: no cover - a walk
            return chain, max(reached - 1, 0)
        target = high[chain[reached - 1]] if reached else low[chain[0]]  # the contradicted variable
        kept: list[int] = []
        nodes = [low[chain[0]]]
        at = {nodes[0]: 0}  # each variable of the walk kept -> its position in ``nodes``
        for k in chain:
            y = high[k]
            if y in at:  # back where the walk was: the loop since then says nothing more
                cut = at[y]
                for node in nodes[cut + 1 :]:
                    del at[node]
                del nodes[cut + 1 :], kept[cut:]
            else:
                kept.append(k)
                at[y] = len(nodes)
                nodes.append(y)
        if not kept:  # pragma: no cover - a walk from a variable back to itself contradicts no date
            return list(dict.fromkeys(chain)), max(reached - 1, 0)
        if target in at:
            return kept, max(at[target] - 1, 0)
        return kept, len(kept) - 1

    def _loop(self, v: int, lower: bool) -> list[int]:
        """The edges of the loop that kept moving ``v``'s bound, in the order the bound went round it."""
        came_from, ends = (self._lo_from, self._low) if lower else (self._hi_from, self._high)
        walked: list[int] = []
        at: dict[int, int] = {}
        while v not in at and v in came_from:
            at[v] = len(walked)
            walked.append(came_from[v])
            v = ends[came_from[v]]
        loop = walked[at[v] :] if v in at else walked
        return loop[::-1] if lower else loop

    def _origin(self, v: int, came_from: Mapping[int, int], known: dict[int, int], *, backwards: bool) -> int:
        """Where the bound of ``v`` came from (the end of :meth:`_chain`), remembering it for every variable passed."""
        passed: list[int] = []
        seen = {v}
        while v not in known and v in came_from:
            passed.append(v)
            k = came_from[v]
            v = self._low[k] if backwards else self._high[k]
            if v in seen:
                break
            seen.add(v)
        origin = known.get(v, v)
        for step in passed:
            known[step] = origin
        return origin

    def _chain(self, v: int, came_from: Mapping[int, int], *, backwards: bool) -> list[int]:
        """The edges that carried a bound to ``v``, from its origin (lo) or towards it (hi)."""
        chain: list[int] = []
        seen = {v}
        while v in came_from:
            k = came_from[v]
            chain.append(k)
            v = self._low[k] if backwards else self._high[k]
            if v in seen:
                break
            seen.add(v)
        return chain[::-1] if backwards else chain

    def bounds(self, event_id: str) -> tuple[int, int, int, int] | None:
        """Narrowed (start lo, start hi, end lo, end hi) of an event, in seconds by the day rule; None if unlinked."""
        if event_id not in self.start:
            return None
        s, e = self.start[event_id], self.end[event_id]
        return self.lo[s], self.hi[s], self.lo[e], self.hi[e]

    def why(self, event_id: str) -> tuple[Link, ...]:
        """The links that set an event's narrowed bounds, each once, from the bound's origin on."""
        if event_id not in self.start:
            return ()
        found: dict[tuple[str, ...], None] = {}
        for v in dict.fromkeys((self.start[event_id], self.end[event_id])):
            chains = self._chain(v, self._lo_from, backwards=True), self._chain(v, self._hi_from, backwards=False)
            for k in (*chains[0], *chains[1]):
                said = self._said_at(k)
                if said[1] != "when":
                    found[said] = None
        links = tuple(Link(*said) for said in found)
        if self.start[event_id] != self.end[event_id]:
            return links
        # a whole that is one moment is at its part's time: true, but not what "the night of 10-11 March" meant
        return tuple(
            self._one_moment_whole(link) if link.field == "part_of" and link.target == event_id else link
            for link in links
        )

    def _one_moment_whole(self, link: Link) -> Link:
        """A part_of link that narrows a whole that is one moment, with the way to say that the whole lasted."""
        whole = link.target
        when = self._events[whole].when
        edtf = when.to_edtf() if isinstance(when, UncertainDate) else ""
        lasting = ""
        if edtf.startswith("[") and edtf.endswith("]") and edtf.count("..") == 1 and "," not in edtf:
            first, last = edtf[1:-1].split("..")
            if first and last:
                lasting = f"{first}/{last}"
                with contextlib.suppress(ChronologyError):
                    if not isinstance(parse_edtf(lasting), Interval):  # pragma: no cover - two ends are an interval
                        lasting = ""
        how = f'when = "{lasting}"' if lasting else "'START/END' in EDTF, or 'from ... to ...'"
        return attrs.evolve(
            link,
            says=f"{link.event!r} is part of {whole!r}, and {whole!r} is one moment, so it falls within its part; "
            f"if {whole!r} lasted, give its start and end ({how})",
        )

    def narrowed(self, events: Iterable[Event]) -> dict[str, DateValue]:
        """The date of each event its links narrow, as a date value of the same kind (others are left out)."""
        found: dict[str, DateValue] = {}
        (lo, hi), (given_lo, given_hi) = self._arrays(), self._given
        # Most linked events' links narrow nothing: only those whose bounds moved, with their bounds, in bulk.
        keys = np.unique(self._owner_keys[np.flatnonzero((lo != given_lo) | (hi != given_hi))])
        if not keys.size:
            return found  # (most loads: no event is looked at)
        events = events if isinstance(events, Sequence) else list(events)
        own = _keys_of(events, self._names, self._key)
        at = np.flatnonzero(np.isin(own, keys))
        chosen = [events[i] for i in at.tolist()]
        whens: list[DateValue] = [event.when for event in chosen]
        # each chosen event's moved bounds: its start's first and last moments, then its end's
        where = np.searchsorted(keys, own[at])
        s, e = self._var_start[keys][where], self._var_end[keys][where]
        s_lo, s_hi, e_lo, e_hi = lo[s], hi[s], lo[e], hi[e]
        values = list(whens)
        # Dates on the frame's own clock (the common case): every side narrowed at once; the rest one by one.
        instant: list[int] = []  # positions in ``whens`` of instants
        lasting: list[int] = []  # and of things that last, both ends dated
        zone_free = self.frame.zone is None
        for k, when in enumerate(whens):
            if zone_free and when.__class__ is not Interval and when.utc_offset is None:  # type: ignore[union-attr]
                instant.append(k)
            elif zone_free and isinstance(when, Interval) and _plain_ends(when):
                lasting.append(k)
            else:
                bounds = int(s_lo[k]), int(s_hi[k]), int(e_lo[k]), int(e_hi[k])
                values[k] = narrow(when, *bounds, frame=self.frame)
        sides = [whens[k] for k in instant]  # the instants, then the starts, then the ends
        starts = [whens[k].start for k in lasting]  # type: ignore[union-attr]
        ends = [whens[k].end for k in lasting]  # type: ignore[union-attr]
        one, two = np.asarray(instant, dtype=np.intp), np.asarray(lasting, dtype=np.intp)
        bulk = _narrowed_sides(
            [*sides, *starts, *ends],  # type: ignore[list-item]
            np.concatenate([np.maximum(s_lo[one], e_lo[one]), s_lo[two], e_lo[two]]),
            np.concatenate([np.minimum(s_hi[one], e_hi[one]), s_hi[two], e_hi[two]]),
        )
        for k, value in zip(instant, bulk, strict=False):
            values[k] = value
        middle = len(instant)
        for n, k in enumerate(lasting):
            start, end = bulk[middle + n], bulk[middle + len(lasting) + n]
            when = whens[k]
            if start is not when.start or end is not when.end:  # type: ignore[union-attr]
                values[k] = Interval(start, end, text=when.text)
        found.update(
            (event.id, value) for event, value, when in zip(chosen, values, whens, strict=True) if value is not when
        )
        return found

    # -- order by links -----------------------------------------------------------------------------

    def order(self, a: str, b: str) -> tuple[Link, ...] | None:
        """The shortest chain of links that puts ``a`` before ``b`` (a ends, then b starts), with an order link in it.

        None when the links alone do not say so (the dates may still).
        """
        if a not in self.end or b not in self.start:
            return None
        return self._path(self.end[a], self.start[b], strict=True)

    def at_most(self, x: tuple[str, str], y: tuple[str, str]) -> bool:
        """Whether the links put moment ``x`` no later than ``y``; each is (event id, ``"start"`` or ``"end"``)."""
        ends = {"start": self.start, "end": self.end}
        first, second = ends[x[1]].get(x[0]), ends[y[1]].get(y[0])
        if first is None or second is None:
            return False
        return first == second or self._path(first, second, strict=False) is not None

    def no_later(self, x: tuple[str, str], y: tuple[str, str]) -> tuple[Link, ...] | None:
        """The shortest chain of links that puts moment ``x`` no later than ``y`` (see :meth:`at_most`), or None."""
        ends = {"start": self.start, "end": self.end}
        first, second = ends[x[1]].get(x[0]), ends[y[1]].get(y[0])
        if first is None or second is None or first == second:
            return None
        return self._path(first, second, strict=False)

    def _path(self, source: int, target: int, *, strict: bool) -> tuple[Link, ...] | None:
        """The fewest edges from ``source`` to ``target`` (with an order link among them if ``strict``)."""
        start = (source, False)
        parent: dict[tuple[int, bool], tuple[tuple[int, bool], int] | None] = {start: None}
        queue = deque([start])
        while queue:
            state = queue.popleft()
            x, ordered = state
            if x == target and (ordered or not strict) and state != start:
                steps: list[Link] = []
                step = parent[state]
                while step is not None:
                    state, k = step
                    steps.append(self._link(k))
                    step = parent[state]
                return tuple(steps[::-1])
            for k in self._edges_out(x):
                following = (self._high[k], ordered or self._strict[k])
                if following not in parent:
                    parent[following] = (state, k)
                    queue.append(following)
        return None

    def following(self, event_id: str, side: Side, other: Side, *, strict: bool) -> set[str]:
        """Events whose ``other`` end the links put no earlier than ``event_id``'s ``side`` (later, if ``strict``).

        ``strict``: only through an order link, which makes "later" certain even on the same day.
        """
        ends = self.start if side == "start" else self.end
        if event_id not in ends:
            return set()
        found = self._reach(
            ends[event_id], forward=True, strict=strict, collect=self.start if other == "start" else self.end
        )
        found.discard(event_id)
        return found

    def preceding(self, event_id: str, side: Side, other: Side, *, strict: bool) -> set[str]:
        """Events whose ``other`` end the links put no later than ``event_id``'s ``side`` (earlier, if ``strict``)."""
        ends = self.start if side == "start" else self.end
        if event_id not in ends:
            return set()
        found = self._reach(
            ends[event_id], forward=False, strict=strict, collect=self.start if other == "start" else self.end
        )
        found.discard(event_id)
        return found

    def _reach(self, source: int, *, forward: bool, strict: bool, collect: Mapping[str, int]) -> set[str]:
        seen = {(source, False)}
        queue = deque(seen)
        while queue:
            x, ordered = queue.popleft()
            for k in self._edges_out(x) if forward else self._edges_into(x):
                y = self._high[k] if forward else self._low[k]
                state = (y, ordered or self._strict[k])
                if state not in seen:
                    seen.add(state)
                    queue.append(state)
        owner = self.owner
        return {
            owner[v] for v, ordered in seen if (ordered or not strict) and v != source and collect.get(owner[v]) == v
        }

    def order_links(self) -> list[tuple[str, str]]:
        """Each order link as (earlier event, later event)."""
        edges, names = self._edges, self._names
        ordered = np.flatnonzero(edges.field <= _BEFORE)  # the links written as order links, in the edges' order
        before = edges.field[ordered] == _BEFORE
        earlier = np.where(before, edges.event[ordered], edges.target[ordered]).tolist()
        later = np.where(before, edges.target[ordered], edges.event[ordered]).tolist()
        found = list(zip(map(names.__getitem__, earlier), map(names.__getitem__, later), strict=True))
        for k in sorted(self._extra_said):  # then the readings that say which came first
            if self._strict[k] and k < self._chained:
                found.append((self.owner[self._low[k]], self.owner[self._high[k]]))
        return found

    def ranks(self) -> dict[str, int]:
        """A position for each linked event in an order that keeps every link (for same-day ties in a sort)."""
        rank: dict[str, int] = {}
        for v in self._order if self._order is not None and not self.cyclic else self._topological():
            if self.start.get(self.owner[v]) == v or self.end.get(self.owner[v]) == v:
                rank.setdefault(self.owner[v], len(rank))
        return rank


# -- building a network ---------------------------------------------------------------------------
# Read with ``map`` and numpy rather than event by event and link by link in Python: at 10^5 events the loops
# were most of the time links added to a load.

#: The fields an edge can be said by, by their codes in the arrays; the order links come first.
_FIELD_NAMES: Final = ("after", "before", "reports", "part_of", "when")
_AFTER, _BEFORE, _REPORTS, _PART_OF, _WHEN = range(len(_FIELD_NAMES))
_ID = operator.attrgetter("id")
_WHEN_OF = operator.attrgetter("when")
_PART_OF_OF = operator.attrgetter("part_of")
_ANCHOR_OF = operator.attrgetter("anchor")
_LINKS_OF = operator.attrgetter("after", "before", "reports")
_LIST_FIELDS: Final = (
    (_AFTER, operator.attrgetter("after")),
    (_BEFORE, operator.attrgetter("before")),
    (_REPORTS, operator.attrgetter("reports")),
)
_LO = operator.attrgetter("lo")
_START_OF = operator.attrgetter("start")
_END_OF = operator.attrgetter("end")
_HI = operator.attrgetter("hi")
_UTC_OFFSET = operator.attrgetter("utc_offset")

#: Variables from which the bounds are found level by level with numpy (below, the pass in Python is as quick).
_LEVELS_FROM = 256
#: Levels tried at least, and edges a level at least beyond that, before a deep network is left to the pass in Python.
_LEVELS_AT_LEAST = 64
_EDGES_PER_LEVEL = 32


@attrs.frozen
class _Written:
    """The links of a list of events as written, in arrays: in the order of the events, then of fields and targets.

    Only links whose target may be named (by its key: its position among the ids that may be) and is not
    the event itself.
    """

    event: npt.NDArray[np.intp]  # each link: the position of the event that states it
    field: npt.NDArray[np.int8]  # its field's code
    target: npt.NDArray[np.intp]  # its target's key
    own: npt.NDArray[np.intp]  # each event: its key (-1 if it may not be named); empty when no event states a link
    stating: npt.NDArray[np.bool_]  # each event: whether it has a link field at all (even one naming nothing known)


def _keys_of(events: Sequence[Event], names: Sequence[str], key: Mapping[str, int]) -> npt.NDArray[np.intp]:
    """Each event's key (-1 for an id that may not be named).

    Where the ids that may be named are the events' own, in order (as :func:`chronology.consistency.check`
    makes them), the keys are the positions: told by one pass of identity tests instead of a lookup each.
    """
    count = len(events)
    if len(names) == count and all(map(operator.is_, names, map(_ID, events))):
        return np.arange(count, dtype=np.intp)
    return np.fromiter(map(key.get, map(_ID, events), repeat(-1)), dtype=np.intp, count=count)


def _written(events: Sequence[Event], key: Mapping[str, int], names: Sequence[str]) -> _Written:
    """The links of ``events``, read a field at a time; ``key``: each id that may be named -> its key.

    ``names``: the ids that may be named, in the order of their keys. O(N + L) for N events and L links, and
    a sort of the links. Raises KeyError for an event with links whose own id may not be named.
    """
    count = len(events)
    if not any(map(any, map(_LINKS_OF, events))) and not any(map(_PART_OF_OF, events)):
        # No event states a link (most files, or only dates read from other events'): two passes in C, and
        # no event's key is needed (``own`` is asked for only at the events that state links).
        none = np.empty(0, dtype=np.intp)
        return _Written(none, np.empty(0, dtype=np.int8), none, none, np.zeros(count, dtype=bool))
    own = _keys_of(events, names, key)
    # after, before and reports: a tuple of targets each (the field's targets after the other's)
    lists: list[tuple[str, ...]] = list(chain.from_iterable(map(read, events) for _, read in _LIST_FIELDS))
    counts = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists)).reshape(len(_LIST_FIELDS), count)
    named: list[str] = list(chain.from_iterable(lists))
    part_of: list[str | None] = list(map(_PART_OF_OF, events))
    stating = counts.any(axis=0) | np.fromiter(map(bool, part_of), dtype=bool, count=count)
    present = np.fromiter(map(operator.is_not, part_of, repeat(None)), dtype=bool, count=count)
    named += [whole for whole in compress(part_of, present.tolist()) if whole is not None]
    unnamed = np.flatnonzero(stating & (own < 0))
    if unnamed.size:
        raise KeyError(events[int(unnamed[0])].id)
    event = np.concatenate(
        [np.repeat(np.tile(np.arange(count), len(_LIST_FIELDS)), counts.ravel()), np.flatnonzero(present)]
    )
    codes = np.asarray([*(code for code, _ in _LIST_FIELDS), _PART_OF], dtype=np.int8)
    field = np.repeat(codes, [*counts.sum(axis=1).tolist(), int(present.sum())])
    target = np.fromiter(map(key.get, named, repeat(-1)), dtype=np.intp, count=len(named))
    kept = np.flatnonzero((target >= 0) & (target != own[event]) & stating[event])
    kept = kept[np.argsort(event[kept], kind="stable")]  # by event; within one, fields and targets as written
    return _Written(event[kept], field[kept], target[kept], own, stating)


def _anchored(events: Sequence[Event], by_id: Mapping[str, Event]) -> list[tuple[int, str, str, RelativeDate]]:
    """Each event whose date is read from another event's: (position, id, anchor, phrase); see :func:`_reading_of`."""
    anchors = list(map(_ANCHOR_OF, events))
    found: list[tuple[int, str, str, RelativeDate]] = []
    some = np.fromiter(map(operator.is_not, anchors, repeat(None)), dtype=bool, count=len(anchors))
    phrases: dict[str, RelativeDate | DateValue | None] = {}  # each text read once
    for i in np.flatnonzero(some).tolist():
        event, anchor = events[i], anchors[i]
        if anchor in by_id:
            reading = _reading_of(event, by_id[anchor], phrases)
            if reading is not None:
                found.append((i, event.id, anchor, reading))
    return found


def _first_mentions(written: _Written, readings: Sequence[tuple[int, int, int]], keys: int) -> npt.NDArray[np.intp]:
    """The keys of the linked events, each once, in the order first mentioned; ``keys``: how many keys there are.

    By event: the event and the anchor of its date read from another event (``readings``: position, key, anchor
    key), then an event stating links and its targets as written.
    """
    stating = np.flatnonzero(written.stating)
    read = np.asarray([position for position, _, _ in readings], dtype=np.intp)
    # In the order of the events; within one, in the order of this list (a stable sort keeps it).
    positions = np.concatenate([np.repeat(read, 2), stating, written.event])
    mentions = np.concatenate(
        [
            np.asarray([key for _, own, anchor in readings for key in (own, anchor)], dtype=np.intp),
            written.own[stating],
            written.target,
        ]
    )
    mentions = mentions[np.argsort(positions, kind="stable")]
    first = np.full(keys, len(mentions), dtype=np.intp)  # each key's first mention (none: past the end)
    np.minimum.at(first, mentions, np.arange(len(mentions)))
    mentioned = np.flatnonzero(first < len(mentions))
    linked: npt.NDArray[np.intp] = mentioned[np.argsort(first[mentioned])]
    return linked


@attrs.frozen
class _Variables:
    """The variables of the linked events: one for an instant (its moment), two for something lasting."""

    sizes: npt.NDArray[np.intp]  # each linked event: how many (1 or 2)
    start: npt.NDArray[np.intp]  # each linked event: the variable of its start
    end: npt.NDArray[np.intp]  # and of its end (the same for an instant)
    lo: npt.NDArray[np.int64]  # each variable: its stated bounds, instants by the frame's day rule
    hi: npt.NDArray[np.int64]

    @classmethod
    def of(cls, events: Sequence[Event], linked: npt.NDArray[np.intp], frame: Frame) -> _Variables:
        """The variables of the events of ``linked`` (keys), in that order (a start before its end).

        ``events``: the events of those keys in the order of the keys (``np.sort(linked)``), as they lie in
        memory (much quicker to read than hopping about); their dates are then picked in the order of ``linked``.
        """
        whens = list(map(_WHEN_OF, events))
        count = len(whens)
        lasting = np.fromiter(map(operator.is_, map(type, whens), repeat(Interval)), dtype=bool, count=count)
        bounds = np.zeros((4, count), dtype=np.int64)  # by sorted key: start lo, start hi, end lo, end hi
        instants = ~lasting
        lo, hi = _instant_bounds(list(compress(whens, instants.tolist())), frame)
        bounds[:, instants] = lo, hi, lo, hi
        bounds[:, lasting] = _interval_bounds(list(compress(whens, lasting.tolist())), frame)
        at = np.argsort(np.argsort(linked, kind="stable"), kind="stable")  # each linked key's place among them sorted
        bounds = bounds[:, at]
        lasting = lasting[at]
        sizes = 1 + lasting.astype(np.intp)
        start = np.cumsum(sizes) - sizes
        end = start + lasting
        lo, hi = np.empty(int(sizes.sum()), dtype=np.int64), np.empty(int(sizes.sum()), dtype=np.int64)
        lo[start], hi[start] = bounds[0], bounds[1]
        lo[end], hi[end] = bounds[2], bounds[3]
        return cls(sizes, start, end, lo, hi)


def _instant_bounds(
    dates: Sequence[UncertainDate], frame: Frame
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The bounds of each date as instants of ``frame``: as written, but for those with an offset, or in a zone."""
    lo = np.fromiter(map(_LO, dates), dtype=np.int64, count=len(dates))
    hi = np.fromiter(map(_HI, dates), dtype=np.int64, count=len(dates))
    offset = np.fromiter(map(operator.is_not, map(_UTC_OFFSET, dates), repeat(None)), dtype=bool, count=len(dates))
    for j in range(len(dates)) if frame.zone is not None else np.flatnonzero(offset).tolist():
        date = dates[j]
        lo[j], hi[j] = frame.instant(date, date.lo), frame.instant(date, date.hi)
    return lo, hi


def _interval_bounds(intervals: Sequence[Interval], frame: Frame) -> npt.NDArray[np.int64]:
    """Start (lo, hi) and end (lo, hi) instants of each interval (4 rows), as ``start_bounds`` and ``end_bounds``.

    In bulk where both ends are dates without an offset and there is no zone (each a date as written, a start
    no later than the end's latest, an end no earlier than the start's earliest); the rest one by one.
    """
    count = len(intervals)
    bounds = np.empty((4, count), dtype=np.int64)
    if not count:
        return bounds
    starts, ends = list(map(_START_OF, intervals)), list(map(_END_OF, intervals))
    plain = np.full(count, frame.zone is None)
    for ends_of in (starts, ends):
        plain &= np.fromiter(map(isinstance, ends_of, repeat(UncertainDate)), dtype=bool, count=count)
        plain &= np.fromiter(
            map(operator.is_, map(getattr, ends_of, repeat("utc_offset"), repeat(None)), repeat(None)), bool, count
        )
    where = plain.tolist()
    first, last = list(compress(starts, where)), list(compress(ends, where))
    s_lo, s_hi = (np.fromiter(map(get, first), dtype=np.int64, count=len(first)) for get in (_LO, _HI))
    e_lo, e_hi = (np.fromiter(map(get, last), dtype=np.int64, count=len(last)) for get in (_LO, _HI))
    bounds[:, plain] = s_lo, np.minimum(s_hi, e_hi), np.maximum(e_lo, s_lo), e_hi
    for j in np.flatnonzero(~plain).tolist():
        when = intervals[j]
        (s_lo_j, s_hi_j), (e_lo_j, e_hi_j) = when.start_bounds, when.end_bounds
        bounds[:, j] = (
            frame.instant(when.start, s_lo_j),
            frame.instant(when.start, s_hi_j),
            frame.instant(when.end, e_lo_j),
            frame.instant(when.end, e_hi_j),
        )
    return bounds


#: The kinds of edge a link gives (after, before, reports, a part_of's first, its second), by the field's code
#: (and one more): whether its low and high ends are the stating event's (else the target's), and that event's
#: end (else its start). "a after b": b ends <= a starts; "a before b": a ends <= b starts; "a reports b": b starts
#: <= a starts; "a part_of b": b starts <= a starts, then a ends <= b ends.
_LOW_OWN: Final = np.array([False, True, False, False, True])
_LOW_END: Final = np.array([True, True, False, False, True])
_HIGH_OWN: Final = np.array([True, False, True, True, False])
_HIGH_END: Final = np.array([False, False, False, False, True])


@attrs.frozen
class _Edges:
    """The edges ``low <= high`` of the events' own spans and written links, and the link that says each."""

    low: npt.NDArray[np.intp]
    high: npt.NDArray[np.intp]
    field: npt.NDArray[np.int8]  # the link's field (``_WHEN`` for an event's own span)
    event: npt.NDArray[np.intp]  # the key of the event that states it
    target: npt.NDArray[np.intp]  # and of the event it names


def _link_edges(
    written: _Written,
    linked: npt.NDArray[np.intp],
    variables: _Variables,
    start: npt.NDArray[np.intp],
    end: npt.NDArray[np.intp],
) -> _Edges:
    """The edges: each lasting event's start <= end, in the order of the variables, then the links as written.

    ``linked``: the key of each linked event (the order of ``variables``); ``start`` and ``end``: each key's
    variables. A ``part_of`` gives two edges in a row (b starts <= a starts, a ends <= b ends); any other
    link one.
    """
    lasting = variables.sizes == 2
    spans = variables.start[lasting]
    copies = 1 + (written.field == _PART_OF)
    link = np.repeat(np.arange(len(written.field)), copies)
    kind = written.field[link].astype(np.intp)  # the kind of edge (see _LOW_OWN): a part_of's second is one more
    kind[(np.cumsum(copies) - 1)[copies == 2]] += 1
    field, a, b = written.field[link], written.own[written.event][link], written.target[link]

    def variable(own: npt.NDArray[np.bool_], at_end: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
        event = np.where(own[kind], a, b)
        return np.where(at_end[kind], end[event], start[event])

    low, high = variable(_LOW_OWN, _LOW_END), variable(_HIGH_OWN, _HIGH_END)
    return _Edges(
        np.concatenate([spans, low]),
        np.concatenate([spans + 1, high]),
        np.concatenate([np.full(len(spans), _WHEN, dtype=np.int8), field]),
        np.concatenate([linked[lasting], a]),
        np.concatenate([linked[lasting], b]),
    )


@attrs.frozen
class _Reading:
    """An event's date read from another event's moment ("two days after the strike"), as a constraint.

    A shift ("three hours later", "within hours") is a difference between
    instants; any other phrase is read from the anchor's day, on the anchor's
    own clock, and gives the event's bounds on the event's.
    """

    anchor: int  # the anchor's variable
    event: int  # the variable of the event whose date is read from it
    relative: RelativeDate
    tense: Tense
    anchor_when: UncertainDate
    event_when: UncertainDate
    edge: int  # the edge anchor -> event that names the reading in chains; edge + 1 is event -> anchor
    frame: Frame
    read_at: Callable[[RelativeDate, int, Tense], tuple[int, int] | None] = attrs.field(default=reading_at, eq=False)
    _days: dict[int, tuple[int, int] | None] = attrs.field(factory=dict, eq=False)

    def _at(self, day: int) -> tuple[int, int] | None:
        """The event's (lo, hi) instants read from one anchor day; None where the phrase names no date."""
        if day not in self._days:
            read = self.read_at(self.relative, day, self.tense)
            self._days[day] = (
                None
                if read is None
                else (self.frame.instant(self.event_when, read[0]), self.frame.instant(self.event_when, read[1]))
            )
        return self._days[day]

    def _day(self, instant: int) -> int:
        return self.frame.local(self.anchor_when, instant) // SECONDS_PER_DAY

    def _instant(self, day: int, *, end: bool) -> int:
        return self.frame.instant(self.anchor_when, (day + 1) * SECONDS_PER_DAY - 1 if end else day * SECONDS_PER_DAY)

    def _near(self, day: int, stop: int) -> int | None:
        """The first day from ``day`` towards ``stop`` (either way) whose reading names a date; None if none.

        Days without one are few and short ("earlier this month" read on the 1st, "29 February" in a common
        year): an anchor cannot fall on them, so the days beside them stand in.
        """
        step = 1 if stop >= day else -1
        for _ in range(_GAP_DAYS):
            if (day - stop) * step > 0:
                return None
            if self._at(day) is not None:
                return day
            day += step
        return None

    def event_lo(self, anchor_lo: int) -> int:
        """The event's earliest instant when the anchor is no earlier than ``anchor_lo``."""
        if anchor_lo <= OPEN_LO:
            return NEG_INF
        rule = self.relative.rule
        if isinstance(rule, Shift):
            return anchor_lo + rule.low
        day = self._near(self._day(anchor_lo), _LAST_DAY)
        return NEG_INF if day is None else self._read(day)[0]

    def event_hi(self, anchor_hi: int) -> int:
        """The event's latest instant when the anchor is no later than ``anchor_hi``."""
        if anchor_hi >= OPEN_HI:
            return POS_INF
        rule = self.relative.rule
        if isinstance(rule, Shift):
            return anchor_hi + rule.high
        day = self._near(self._day(anchor_hi), 1)
        return POS_INF if day is None else self._read(day)[1]

    def _read(self, day: int) -> tuple[int, int]:
        read = self._at(day)
        assert read is not None
        return read

    def anchor_lo(self, event_lo: int, lo: int, hi: int) -> int:
        """The anchor's earliest instant in ``lo..hi`` that can give the event a date from ``event_lo`` on.

        Past ``hi`` when none can.
        """
        if event_lo <= OPEN_LO:
            return NEG_INF
        rule = self.relative.rule
        if isinstance(rule, Shift):
            return event_lo - rule.high
        first, last = self._days_of(lo, hi)

        def reaches(d: int) -> bool:  # monotone: the day that stands in for d only moves on with d
            near = self._near(d, last)
            return near is None or self._read(near)[1] >= event_lo

        found = _first_day(first, last, reaches)
        day = None if found is None else self._near(found, last)
        if day is None:
            return POS_INF if hi >= OPEN_HI else hi + 1
        return max(lo, self._instant(day, end=False))

    def anchor_hi(self, event_hi: int, lo: int, hi: int) -> int:
        """The anchor's latest instant in ``lo..hi`` that can give the event a date up to ``event_hi``.

        Before ``lo`` when none can.
        """
        if event_hi >= OPEN_HI:
            return POS_INF
        rule = self.relative.rule
        if isinstance(rule, Shift):
            return event_hi - rule.low
        first, last = self._days_of(lo, hi)

        def reaches(d: int) -> bool:
            near = self._near(d, first)
            return near is None or self._read(near)[0] <= event_hi

        found = _last_day(first, last, reaches)
        day = None if found is None else self._near(found, first)
        if day is None:
            return NEG_INF if lo <= OPEN_LO else lo - 1
        return min(hi, self._instant(day, end=True))

    def _days_of(self, lo: int, hi: int) -> tuple[int, int]:
        """The anchor's days from ``lo`` to ``hi`` (instants), within years 1-9999 where readings exist."""
        first = 1 if lo <= OPEN_LO else max(1, self._day(lo))
        last = _LAST_DAY if hi >= OPEN_HI else min(_LAST_DAY, self._day(hi))
        return first, last


_LAST_DAY: Final = datetime.date(9999, 12, 31).toordinal()
#: Anchor days without a reading stepped over at most (a "29 February" waits up to eight years for one).
_GAP_DAYS: Final = 3000


def _first_day(first: int, last: int, test: Callable[[int], bool]) -> int | None:
    """The first day in ``first..last`` where ``test`` (false, then true) holds; None if it never does.

    The first day is tried before the bisection: where a reading narrows nothing (most do), it is the answer.
    """
    if first > last:
        return None
    return first if test(first) else _first_true(first, last, test)


def _last_day(first: int, last: int, test: Callable[[int], bool]) -> int | None:
    """The last day in ``first..last`` where ``test`` (true, then false) holds; None if it never does.

    The last day is tried before the bisection, as in :func:`_first_day`.
    """
    if first > last:
        return None
    return last if test(last) else _last_true(first, last, test)


def _reading_of(
    event: Event, anchor: Event, phrases: dict[str, RelativeDate | DateValue | None] | None = None
) -> RelativeDate | None:
    """The phrase ``event``'s date was read with from ``anchor``'s, if it reads again to the same date.

    The phrase is read again from the date's own text; a date that does not
    come out the same (a phrase of a Julian file, a date built in Python with
    another text) is left as a date of its own, bound by nothing but its links.
    A date the file loader read with that very phrase from that anchor date (see
    :func:`loader_readings`) is not read again: it would come out the same.

    ``phrases``: texts already read (by one network), each to its phrase (None where it is none).
    """
    from chronology.notation import parse_expression  # the notation reads rules; this module only applies them

    when, of = event.when, anchor.when
    if not (isinstance(when, UncertainDate) and isinstance(of, UncertainDate) and when.text):
        return None
    text = when.text
    try:
        read = phrases[text] if phrases is not None and text in phrases else parse_expression(text)
    except ChronologyError:
        read = None
    if phrases is not None:
        phrases[text] = read
    if not isinstance(read, RelativeDate) or read.zone is not None:
        return None
    relative = read
    known = _LOADER_READINGS.get()
    entry = None if known is None else known.get(id(when))
    if (
        entry is not None
        and entry[0] is when
        and entry[3] is event.tense
        and (entry[2] is of or entry[2] == of)  # (the loader's anchor date is most often the anchor's very date)
        and entry[1] == relative
    ):
        return relative  # the loader's own reading: relative.resolve(of, tense=event.tense) is ``when``
    try:
        again = relative.resolve(of, tense=event.tense)
    except ChronologyError:
        return None
    if not isinstance(again, UncertainDate) or (again.lo, again.hi, again.utc_offset) != (
        when.lo,
        when.hi,
        when.utc_offset,
    ):
        return None
    return relative


#: What the file loader read from other events' dates while it checks what it read: ``id(date)`` -> the date,
#: the phrase (its rule and zone), the anchor's date and the tense it was read with. See :func:`loader_readings`.
_LOADER_READINGS: ContextVar[Mapping[int, tuple[UncertainDate, RelativeDate, UncertainDate, Tense]] | None] = (
    ContextVar("_LOADER_READINGS", default=None)
)


@contextlib.contextmanager
def loader_readings(
    readings: Mapping[int, tuple[UncertainDate, RelativeDate, UncertainDate, Tense]],
) -> Iterator[None]:
    """Tell the networks built in the block which dates were read as ``phrase.resolve(anchor, tense=tense)``.

    The file loader reads each relative date from its anchor; a network finds those readings again
    (:func:`_reading_of`) and would otherwise read each a second time to be sure of it. ``readings``
    maps ``id(date)`` to ``(date, phrase, anchor date, tense)``; an entry counts only for that very
    date object, read from an equal anchor date with an equal phrase and the event's own tense.
    """
    token = _LOADER_READINGS.set(readings)
    try:
        yield
    finally:
        _LOADER_READINGS.reset(token)


class _ReadingsAt:
    """:func:`~chronology.relative.reading_at`, each (phrase, day, tense) read once: the readings of one network."""

    def __init__(self) -> None:
        # by the phrase's id (hashing a phrase hashes its rule: slower than reading a dict), kept alive here
        self._read: dict[tuple[int, int, Tense], tuple[int, int] | None] = {}
        self._phrases: dict[int, RelativeDate] = {}

    def __call__(self, relative: RelativeDate, day: int, tense: Tense) -> tuple[int, int] | None:
        key = (id(relative), day, tense)
        try:
            return self._read[key]
        except KeyError:
            self._phrases[id(relative)] = relative
            found = self._read[key] = reading_at(relative, day, tense)
            return found


def _order_of(
    relative: RelativeDate,
    anchor: DateValue,
    tense: Tense,
    read_at: Callable[[RelativeDate, int, Tense], tuple[int, int] | None] = reading_at,
) -> tuple[Way, bool] | None:
    """Which way a reading puts the event from its anchor, whatever the anchor's day: ("after"/"before", strict).

    A shift says it by its sign; a phrase read from days, by its reading from
    every day the anchor may fall on (when they are few). ``read_at``: how a day is read
    (:func:`~chronology.relative.reading_at`, or a cache of it).
    """
    rule = relative.rule
    if isinstance(rule, Shift):
        if rule.low > 0:
            return ("after", True)
        if rule.high < 0:
            return ("before", True)
        return ("after", False) if rule.low == 0 else None
    assert isinstance(anchor, UncertainDate)
    first, last = anchor.earliest_day, anchor.latest_day
    if last - first > _ORDER_DAYS:
        return None
    days: Iterable[int] = range(first, last + 1)
    if last > first + 1 and isinstance(rule, Offset) and rule.moves_with_anchor:
        # Read the same from every day, moved with it: the first and last days say what all say (a day
        # without a reading lies at an end of years 1-9999, so the days between have one when both ends do).
        days = (first, last)
    later = earlier = True
    for day in days:
        read = read_at(relative, day, tense)
        if read is None:
            return None
        later = later and read[0] >= (day + 1) * SECONDS_PER_DAY
        earlier = earlier and read[1] < day * SECONDS_PER_DAY
        if not (later or earlier):
            return None  # neither way from this day: the days after cannot change that
    return ("after", True) if later else ("before", True) if earlier else None


#: Anchor days a phrase is read from, at most, to tell which way it points.
_ORDER_DAYS: Final = 62


def publication(
    source: Source,
    events: Iterable[Event],
    dated: Callable[[Event], DateValue],
    zone: ZoneInfo | None = None,
    *,
    told: bool = True,
) -> tuple[int, int, Link | None, Link | None]:
    """An undated source's publication as the events it tells bound it: (lo, hi) seconds and the link behind each.

    A source is not published before an event it tells in the past tense
    began, nor after one it announces (``tense = "future"``) began; its
    ``published_after`` and ``published_before`` name events it followed or
    preceded. ``events`` are the events of its timeline, ``dated`` gives each
    one's date (narrowed by the links). The bounds are instants by the day rule
    of ``zone`` (see :class:`Frame`); bounds nothing sets are ``OPEN_LO``
    and ``OPEN_HI``; lo > hi when the events disagree. ``told``: count the
    events the source tells (else only its own ``published_after`` and
    ``published_before``, which the file states outright).
    """
    frame = Frame(zone)
    lo, hi = OPEN_LO, OPEN_HI
    lo_link: Link | None = None
    hi_link: Link | None = None
    by_id = {event.id: event for event in events}
    bounds: list[tuple[int, int, Link]] = []  # (lower bound, upper bound, why)
    for event in by_id.values() if told else ():
        if event.tense is Tense.EITHER or all(c.source != source.id for c in event.citations):
            continue
        start_lo, start_hi, _, _ = frame.moments(dated(event))
        if event.tense is Tense.PAST:
            says = f"{source.id!r} tells {event.id!r} in the past tense"
            bounds.append((start_lo, OPEN_HI, Link(event.id, "citations", source.id, "event", says)))
        else:
            says = f"{source.id!r} tells {event.id!r} as to come"
            bounds.append((OPEN_LO, start_hi, Link(event.id, "citations", source.id, "event", says)))
    for event in by_id.values():  # the date as the source words it, stated outright: counted even when not told
        for citation in event.citations:
            if citation.source == source.id and citation.when is not None:
                start_lo, start_hi, _, _ = frame.moments(dated(event))
                low, high = published_for(citation.when, event.tense, start_lo, start_hi, frame)
                says = f"{source.id!r} words {event.id!r} as {citation.when.text!r}"
                bounds.append((low, high, Link(event.id, "citations", source.id, "event", says)))
    for target in source.published_after:
        if target in by_id:
            _, _, end_lo, _ = frame.moments(dated(by_id[target]))
            says = f"{source.id!r} is published after {target!r}"
            bounds.append((end_lo, OPEN_HI, Link(source.id, "published_after", target, "source", says)))
    for target in source.published_before:
        if target in by_id:
            start_lo, start_hi, _, _ = frame.moments(dated(by_id[target]))
            says = f"{source.id!r} is published before {target!r}"
            bounds.append((OPEN_LO, start_hi, Link(source.id, "published_before", target, "source", says)))
    for low, high, link in bounds:
        if low > lo:
            lo, lo_link = low, link
        if high < hi:
            hi, hi_link = high, link
    return lo, hi, lo_link, hi_link


def published_for(phrase: RelativeDate, tense: Tense, start_lo: int, start_hi: int, frame: Frame) -> tuple[int, int]:
    """The days a source may have been published on for ``phrase``, read from that day, to reach an event's start.

    Lo > hi when no day can.
    """
    day = UncertainDate.from_seconds(0, SECONDS_PER_DAY - 1, Precision.DAY)  # a date of no zone: the frame's days
    reading = _Reading(0, 0, phrase, tense, day, day, 0, frame)
    return reading.anchor_lo(start_lo, OPEN_LO, OPEN_HI), reading.anchor_hi(start_hi, OPEN_LO, OPEN_HI)


class Frame:
    """Instants by the day rule of a zone (UTC when None), which links and sources are compared in.

    A time with an offset is the instant it names. A date, or a time without
    an offset, is read on the zone's wall clock: 17 October is the 17th in
    Seoul in a Seoul timeline, so a strike at 2024-10-18T03:00+09:00 falls after
    it there, though not in UTC.
    """

    def __init__(self, zone: ZoneInfo | None) -> None:
        self.zone = zone

    def instant(self, end: UncertainDate | Endpoint, seconds: int) -> int:
        """The instant of ``seconds`` written in ``end``'s frame (open bounds stay open)."""
        if not isinstance(end, UncertainDate) or seconds <= OPEN_LO or seconds >= OPEN_HI:
            return seconds
        if end.utc_offset is not None:
            return seconds - end.utc_offset
        if self.zone is None:
            return seconds
        first = seconds - _offset(seconds, self.zone)
        return seconds - _offset(first, self.zone)

    def local(self, value: UncertainDate, instant: int) -> int:
        """``instant`` written in ``value``'s frame (its offset, else the zone's wall clock)."""
        if instant <= OPEN_LO or instant >= OPEN_HI:
            return instant
        if value.utc_offset is not None:
            return instant + value.utc_offset
        return self.wall(instant)

    def wall(self, instant: int) -> int:
        """``instant`` on the zone's wall clock (UTC when there is no zone)."""
        if self.zone is None or instant <= OPEN_LO or instant >= OPEN_HI:
            return instant
        return instant + _offset(instant, self.zone)

    def moments(self, value: DateValue) -> tuple[int, int, int, int]:
        """Start (lo, hi) and end (lo, hi) instants of a value (open ends as the sentinels)."""
        if isinstance(value, UncertainDate):
            if self.zone is None and value.utc_offset is None:  # its instants are its bounds (open or not)
                lo, hi = value.lo, value.hi
            else:
                lo, hi = self.instant(value, value.lo), self.instant(value, value.hi)
            return lo, hi, lo, hi
        (s_lo, s_hi), (e_lo, e_hi) = value.start_bounds, value.end_bounds
        start, end = value.start, value.end
        if (
            self.zone is None
            and getattr(start, "utc_offset", None) is None
            and getattr(end, "utc_offset", None) is None
        ):
            return s_lo, s_hi, e_lo, e_hi  # ends without an offset (or not dates) in UTC: as written
        return self.instant(start, s_lo), self.instant(start, s_hi), self.instant(end, e_lo), self.instant(end, e_hi)


#: The instants ``zoneinfo`` can place (years 1-9999, a day in from each end); beyond, the zone's offset there.
_ZONE_FIRST: Final = 2 * SECONDS_PER_DAY
_ZONE_LAST: Final = (datetime.date(9999, 12, 30).toordinal()) * SECONDS_PER_DAY


def _offset(instant: int, zone: ZoneInfo) -> int:
    return offset_at(min(max(instant, _ZONE_FIRST), _ZONE_LAST), zone)


def narrow(value: DateValue, s_lo: int, s_hi: int, e_lo: int, e_hi: int, *, frame: Frame | None = None) -> DateValue:
    """``value`` with its start and end kept within the given instants (of ``frame``, UTC by default).

    Itself when they narrow nothing.
    """
    frame = frame or Frame(None)
    if isinstance(value, UncertainDate):
        return _narrow_end(value, max(s_lo, e_lo), min(s_hi, e_hi), frame)
    start = _narrow_side(value.start, s_lo, s_hi, frame)
    end = _narrow_side(value.end, e_lo, e_hi, frame)
    if start is value.start and end is value.end:
        return value
    return Interval(start, end, text=value.text)


def _narrow_side(end: UncertainDate | Endpoint, lo: int, hi: int, frame: Frame) -> UncertainDate | Endpoint:
    if isinstance(end, UncertainDate):
        return _narrow_end(end, lo, hi, frame)
    if end is Endpoint.UNKNOWN and (lo > NEG_INF + 1 or hi < POS_INF - 1):
        # An end known to exist, now bounded by the links on one side at least: days on the wall clock.
        low = OPEN_LO if lo <= NEG_INF + 1 else frame.wall(lo) // SECONDS_PER_DAY * SECONDS_PER_DAY
        high = OPEN_HI if hi >= POS_INF - 1 else (frame.wall(hi) // SECONDS_PER_DAY + 1) * SECONDS_PER_DAY - 1
        return UncertainDate.from_seconds(low, high, Precision.DAY)
    return end


def _narrow_end(value: UncertainDate, lo: int, hi: int, frame: Frame) -> UncertainDate:
    if frame.zone is None and value.utc_offset is None:  # the common case: frame.local gives each instant back
        new_lo = value.lo if lo <= NEG_INF + 1 else max(value.lo, lo)
        new_hi = value.hi if hi >= POS_INF - 1 else min(value.hi, hi)
    else:
        new_lo = value.lo if lo <= NEG_INF + 1 else max(value.lo, frame.local(value, lo))
        new_hi = value.hi if hi >= POS_INF - 1 else min(value.hi, frame.local(value, hi))
    if (new_lo, new_hi) == (value.lo, value.hi) or new_lo > new_hi:
        return value
    precision = _aligned(new_lo, new_hi, value.precision)
    return unwritten(new_lo, new_hi, precision, value.qualifier, value.utc_offset)  # its EDTF when first asked for


def _plain_ends(value: Interval) -> bool:
    """Whether both ends of ``value`` are dates without an offset (the ends :func:`_narrowed_sides` takes)."""
    start, end = value.start, value.end
    return (
        isinstance(start, UncertainDate)
        and isinstance(end, UncertainDate)
        and start.utc_offset is None
        and end.utc_offset is None
    )


def _narrowed_sides(
    values: Sequence[UncertainDate], low: npt.NDArray[np.int64], high: npt.NDArray[np.int64]
) -> list[UncertainDate]:
    """Each of ``values`` (dates without an offset, in a frame without a zone) kept within ``low``..``high``.

    :func:`narrow`'s reading of an instant, or of an end of something that lasts, for many at once: each
    value is itself where its bounds narrow nothing.
    """
    if not values:
        return []
    own_lo = np.fromiter(map(_LO, values), dtype=np.int64, count=len(values))
    own_hi = np.fromiter(map(_HI, values), dtype=np.int64, count=len(values))
    new_lo = np.where(low <= NEG_INF + 1, own_lo, np.maximum(own_lo, low))
    new_hi = np.where(high >= POS_INF - 1, own_hi, np.minimum(own_hi, high))
    changed = ((new_lo != own_lo) | (new_hi != own_hi)) & (new_lo <= new_hi)
    found: list[UncertainDate] = list(values)
    at = np.flatnonzero(changed)
    firsts, lasts = new_lo[at], new_hi[at]
    own = np.fromiter((_RANK_OF[values[k].precision] for k in at.tolist()), dtype=np.intp, count=at.size)
    ranks = _aligned_ranks(firsts, lasts, own).tolist()
    for k, first, last, rank in zip(at.tolist(), firsts.tolist(), lasts.tolist(), ranks, strict=True):
        found[k] = unwritten(first, last, _PRECISIONS[rank], values[k].qualifier, None)
    return found


#: Precisions from the finest (second) to the coarsest, by rank.
_PRECISIONS: Final = tuple(Precision)
_RANK_OF: Final = {precision: rank for rank, precision in enumerate(_PRECISIONS)}


def _aligned_ranks(
    lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], own: npt.NDArray[np.intp]
) -> npt.NDArray[np.intp]:
    """:func:`_aligned` of many bounds at once, as ranks (positions in :data:`_PRECISIONS`)."""
    opens_low, opens_high = lo <= OPEN_LO, hi >= OPEN_HI

    def on_edges(unit: int) -> npt.NDArray[np.bool_]:
        edges: npt.NDArray[np.bool_] = (opens_low | (lo % unit == 0)) & (opens_high | ((hi + 1) % unit == 0))
        return edges

    rank = {p: _PRECISIONS.index(p) for p in (Precision.SECOND, Precision.MINUTE, Precision.HOUR, Precision.DAY)}
    rank_month, rank_year = _PRECISIONS.index(Precision.MONTH), _PRECISIONS.index(Precision.YEAR)
    days = on_edges(SECONDS_PER_DAY)
    finer = np.where(on_edges(3600), rank[Precision.HOUR], np.where(on_edges(60), rank[Precision.MINUTE], 0))
    # whole days: whole months, whole years? (numpy's days are the same proleptic Gregorian calendar)
    first = (np.where(opens_low, 1, lo // SECONDS_PER_DAY) - _NUMPY_DAY_ZERO).astype("datetime64[D]")
    last = (np.where(opens_high, 1, hi // SECONDS_PER_DAY) - _NUMPY_DAY_ZERO).astype("datetime64[D]")
    first_month, last_month = first.astype("datetime64[M]"), last.astype("datetime64[M]")
    months = (opens_low | (first == first_month.astype("datetime64[D]"))) & (
        opens_high | ((last + 1).astype("datetime64[M]") != last_month)
    )
    years = (
        months
        & (opens_low | (first_month.astype(np.int64) % 12 == 0))
        & (opens_high | (last_month.astype(np.int64) % 12 == 11))
    )
    coarser = np.where(years, rank_year, np.where(months, rank_month, rank[Precision.DAY]))
    found = np.where(days, coarser, finer)
    kept = days & (own <= rank[Precision.DAY])  # whole days of a value no coarser than a day: its own unit
    return np.where(kept | (found > own), own, found)


_NUMPY_DAY_ZERO: Final = 719_163  # the day number of 1970-01-01, numpy's day 0


def _grouped(keys: npt.NDArray[np.intp], count: int) -> tuple[list[int], list[int]]:
    """Edge numbers ordered by ``keys`` (a variable each), and where each variable's run starts (``count + 1``)."""
    array = keys
    order = np.argsort(array, kind="stable")
    offsets = np.searchsorted(array[order], np.arange(count + 1), side="left")
    return order.tolist(), offsets.tolist()


_DAY_OR_FINER: Final = (Precision.DAY, Precision.HOUR, Precision.MINUTE, Precision.SECOND)
#: (year, month, day) of a day number, remembered: the dates a chronology's links narrow share few days.
_day_of = functools.lru_cache(maxsize=1 << 14)(from_day_number)


def _aligned(lo: int, hi: int, own: Precision) -> Precision:
    """The coarsest unit both bounds fall on the edges of, no coarser than ``own``: what their EDTF is written in.

    "2024" narrowed to October-December is months; to 10-31 October, days; from 18:00, hours.
    """

    def on_edges(unit: int) -> bool:
        return (lo <= OPEN_LO or lo % unit == 0) and (hi >= OPEN_HI or (hi + 1) % unit == 0)

    if not on_edges(SECONDS_PER_DAY):
        found = Precision.HOUR if on_edges(3600) else Precision.MINUTE if on_edges(60) else Precision.SECOND
    elif own in _DAY_OR_FINER:
        return own  # whole days, months or years: none finer than a day (nor the calendar needed to tell which)
    else:
        first = (0, 1, 1) if lo <= OPEN_LO else _day_of(lo // SECONDS_PER_DAY)
        last = (0, 12, 31) if hi >= OPEN_HI else _day_of(hi // SECONDS_PER_DAY)
        months = first[2] == 1 and last[2] == days_in_month(last[0], last[1])
        years = months and first[1] == 1 and last[1] == 12
        found = Precision.YEAR if years else Precision.MONTH if months else Precision.DAY
    return found if found.rank <= own.rank else own


def _moment(seconds: int, *, low: bool) -> str:
    """A bound for a message: a day when it falls on a day's edge, else the time."""
    if seconds <= NEG_INF + 1:
        return "the open past"
    if seconds >= POS_INF - 1:
        return "the open future"
    if (seconds if low else seconds + 1) % SECONDS_PER_DAY == 0:
        return format_day(seconds // SECONDS_PER_DAY)
    return format_bounds(seconds, seconds, Precision.SECOND, Qualifier.NONE)
