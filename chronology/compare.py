"""Ordering uncertain dates honestly: what is certain, what is only possible.

There is no ``<`` on date values: two overlapping values are neither before nor
after each other for sure. Instead:

* :func:`before` answers :class:`Certainty` ``CERTAIN``, ``POSSIBLE`` or
  ``IMPOSSIBLE``; using that answer as a ``bool`` raises, so ``if before(a, b):``
  cannot silently guess.
* :func:`relations` gives the set of Allen's 13 interval relations that are
  possible between two values.
* :func:`probability_before` and :func:`probabilities` give exact odds (as
  ``fractions.Fraction``) under a uniform distribution over each value's units.
* :func:`sort_key` is a documented total order for display.

How values are compared:

* An :class:`UncertainDate` is an instant that falls in one *unit* (a day; a
  second when both values carry a time) somewhere between its bounds. It
  occupies that unit: two instants on the same day are "equal", not before
  one another, when compared by the day.
* An :class:`Interval` lasts from a start unit to an end unit (inclusive),
  each somewhere within its own bounds, the start never after the end. An open
  end (``..``) is fixed beyond every date; an unknown end may be anywhere on its
  side of the other end.
* The unit is the day unless both values give a time at every dated end; then
  it is the second. Times with an offset are moved to UTC first, so their day
  is the UTC day (2024-10-18T03:00+09:00 falls on 17 October); a date
  without a time, or a time without an offset, keeps the day as written.
* "a before b" means a ends in an earlier unit than b starts (Allen's
  *before* or *meets*).
* With a ``widening`` policy, approximate (and, if the policy says so,
  uncertain) values spill over their bounds as in a timeline's "possible"
  queries, and every answer is over those widened readings: "certain" only
  when no widened reading says otherwise, so "c. 1400" is only possibly
  before March 1401 (it may be early 1401), as ``Timeline.after(...,
  mode="possible")`` finds it possibly after. Without one (the default),
  values are compared by their stated bounds.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, NoReturn, TypeAlias
from zoneinfo import ZoneInfo

import attrs

from chronology._calendar import NEG_INF, POS_INF, SECONDS_PER_DAY
from chronology.dates import DateValue, Endpoint, Precision, Qualifier, UncertainDate, Widening
from chronology.errors import AmbiguousTruthError, UnboundedError
from chronology.notation import DateLike, as_value
from chronology.zones import wall_seconds, zone_named

if TYPE_CHECKING:
    from chronology.constraints import Link

__all__ = [
    "Certainty",
    "Probabilities",
    "Relation",
    "Relationship",
    "after",
    "before",
    "probabilities",
    "probability_before",
    "relations",
    "relationship",
    "sort_key",
]


class Certainty(enum.Enum):
    """A three-valued answer. Its truth value raises: compare with the members."""

    CERTAIN = "certain"
    POSSIBLE = "possible"
    IMPOSSIBLE = "impossible"

    def __bool__(self) -> NoReturn:
        raise AmbiguousTruthError(
            f"Certainty.{self.name} has no truth value; compare it: `is Certainty.CERTAIN`, or use .possible / .certain"
        )

    @property
    def possible(self) -> bool:
        """True for ``CERTAIN`` and ``POSSIBLE``."""
        return self is not Certainty.IMPOSSIBLE

    @property
    def certain(self) -> bool:
        """True for ``CERTAIN`` only."""
        return self is Certainty.CERTAIN


class Relation(enum.Enum):
    """Allen's 13 relations of ``a`` to ``b``."""

    BEFORE = "before"
    MEETS = "meets"
    OVERLAPS = "overlaps"
    STARTS = "starts"
    DURING = "during"
    FINISHES = "finishes"
    EQUALS = "equals"
    FINISHED_BY = "finished by"
    CONTAINS = "contains"
    STARTED_BY = "started by"
    OVERLAPPED_BY = "overlapped by"
    MET_BY = "met by"
    AFTER = "after"

    @property
    def inverse(self) -> Relation:
        """The relation of ``b`` to ``a``."""
        return _INVERSE[self]


_INVERSE: Final = {
    Relation.BEFORE: Relation.AFTER,
    Relation.MEETS: Relation.MET_BY,
    Relation.OVERLAPS: Relation.OVERLAPPED_BY,
    Relation.STARTS: Relation.STARTED_BY,
    Relation.DURING: Relation.CONTAINS,
    Relation.FINISHES: Relation.FINISHED_BY,
    Relation.EQUALS: Relation.EQUALS,
}
_INVERSE.update({v: k for k, v in list(_INVERSE.items())})


# -- endpoints in units -----------------------------------------------------------------

#: (start low, start high, end low, end high, is an instant), in units.
_Ends = tuple[int, int, int, int, bool]


def gives_times(value: DateValue) -> bool:
    """Whether ``value`` gives a time at every dated end: two such values compare by the second."""
    if isinstance(value, UncertainDate):
        return value.has_time
    ends = [e for e in (value.start, value.end) if isinstance(e, UncertainDate)]
    return all(e.has_time for e in ends)


def seconds_of(value: DateValue) -> tuple[int, int, int, int]:
    """First and last second of ``value``'s start, then of its end, as two values that give times compare them.

    In UTC where a time has an offset (a floating time as written); sentinels
    for an open or unknown end, as :func:`before` reads them.
    """
    return _ends(value, 1)[:4]


def _unit(a: DateValue, b: DateValue) -> int:
    """Seconds per comparison unit: a second when both give times, else a day."""
    return 1 if gives_times(a) and gives_times(b) else SECONDS_PER_DAY


def _to_unit(seconds: int, unit: int, offset: int | None, zone: ZoneInfo | None = None) -> int:
    if seconds in (NEG_INF, POS_INF) or seconds <= NEG_INF + 1 or seconds >= POS_INF - 1:
        return seconds
    if offset is not None:  # instants compare in UTC by the second, and by their day in ``zone`` (UTC when None)
        seconds = wall_seconds(seconds, offset, None if unit == 1 else zone)
    return seconds // unit


def _bounds(value: UncertainDate, widening: Widening | None) -> tuple[int, int]:
    """A date's (lo, hi) seconds, widened by ``widening`` when it is approximate or uncertain."""
    if widening is None or value.qualifier is Qualifier.NONE:
        return value.lo, value.hi
    return widening.bounds(value)


def _undated(end: Endpoint, *, first: bool) -> tuple[int, int]:
    """An open end's bounds (beyond every date on its side), or an unknown end's (anywhere, before clipping)."""
    if end is Endpoint.OPEN:
        return (NEG_INF, NEG_INF) if first else (POS_INF, POS_INF)
    return NEG_INF, POS_INF


def _ends(value: DateValue, unit: int, zone: ZoneInfo | None = None, widening: Widening | None = None) -> _Ends:
    if isinstance(value, UncertainDate):
        lo, hi = _bounds(value, widening)
        lo, hi = _to_unit(lo, unit, value.utc_offset, zone), _to_unit(hi, unit, value.utc_offset, zone)
        return lo, hi, lo, hi, True
    start, end = value.start, value.end
    s_lo, s_hi = _side(start, unit, zone, widening, first=True)
    e_lo, e_hi = _side(end, unit, zone, widening, first=False)
    # clipped as start_bounds and end_bounds are (a start no later than the latest end, an end no earlier than the
    # earliest start), in the units compared: each end moved to UTC by its own offset first
    s_hi, e_lo = min(s_hi, e_hi), max(e_lo, s_lo)
    if start is Endpoint.UNKNOWN:
        s_lo = NEG_INF + 1
    if end is Endpoint.UNKNOWN:
        e_hi = POS_INF - 1
    return s_lo, s_hi, e_lo, e_hi, False


def _side(
    end: UncertainDate | Endpoint, unit: int, zone: ZoneInfo | None, widening: Widening | None, *, first: bool
) -> tuple[int, int]:
    """An interval end's bounds in the units compared (widened where asked); an open or unknown end's sentinels."""
    if not isinstance(end, UncertainDate):
        return _undated(end, first=first)
    lo, hi = _bounds(end, widening)
    return _to_unit(lo, unit, end.utc_offset, zone), _to_unit(hi, unit, end.utc_offset, zone)


# -- feasibility of difference constraints ----------------------------------------------

# Variables: 0 is the zero reference; 1, 2 are a's start and end; 3, 4 are b's.
_A_S, _A_E, _B_S, _B_E = 1, 2, 3, 4
#: A constraint x[j] - x[i] <= c, as (i, j, c).
_Constraint = tuple[int, int, int]


def _base(a: _Ends, b: _Ends) -> list[_Constraint]:
    constraints: list[_Constraint] = []
    for (s_lo, s_hi, e_lo, e_hi, instant), s, e in ((a, _A_S, _A_E), (b, _B_S, _B_E)):
        constraints += [(0, s, s_hi), (s, 0, -s_lo), (0, e, e_hi), (e, 0, -e_lo), (e, s, 0)]
        if instant:
            constraints.append((s, e, 0))
    return constraints


def _feasible(constraints: list[_Constraint]) -> bool:
    """Whether integers satisfy every x[j] - x[i] <= c: no negative cycle (Floyd-Warshall)."""
    size = 5
    inf = POS_INF * 4
    dist = [[0 if i == j else inf for j in range(size)] for i in range(size)]
    for i, j, c in constraints:
        if c < dist[i][j]:
            dist[i][j] = c
    for k in range(size):
        row_k = dist[k]
        for i in range(size):
            row_i = dist[i]
            through = row_i[k]
            if through >= inf:
                continue
            for j in range(size):
                candidate = through + row_k[j]
                if candidate < row_i[j]:
                    row_i[j] = candidate
        if any(dist[i][i] < 0 for i in range(size)):
            return False
    return all(dist[i][i] >= 0 for i in range(size))


def _equal(x: int, y: int) -> list[_Constraint]:
    return [(x, y, 0), (y, x, 0)]


def _less(x: int, y: int) -> list[_Constraint]:
    """X < y, that is x - y <= -1, written as the edge y -> x."""
    return [(y, x, -1)]


#: Each relation as constraints on (a start, a end, b start, b end), inclusive units.
_RELATION_CONSTRAINTS: Final[dict[Relation, list[_Constraint]]] = {
    Relation.BEFORE: [(_B_S, _A_E, -2)],  # a end + 1 < b start
    Relation.MEETS: [(_B_S, _A_E, -1), (_A_E, _B_S, 1)],  # a end + 1 == b start
    Relation.OVERLAPS: [*_less(_A_S, _B_S), (_A_E, _B_S, 0), *_less(_A_E, _B_E)],
    Relation.STARTS: _equal(_A_S, _B_S) + _less(_A_E, _B_E),
    Relation.DURING: _less(_B_S, _A_S) + _less(_A_E, _B_E),
    Relation.FINISHES: _equal(_A_E, _B_E) + _less(_B_S, _A_S),
    Relation.EQUALS: _equal(_A_S, _B_S) + _equal(_A_E, _B_E),
    Relation.FINISHED_BY: _equal(_A_E, _B_E) + _less(_A_S, _B_S),
    Relation.CONTAINS: _less(_A_S, _B_S) + _less(_B_E, _A_E),
    Relation.STARTED_BY: _equal(_A_S, _B_S) + _less(_B_E, _A_E),
    Relation.OVERLAPPED_BY: [*_less(_B_S, _A_S), (_B_E, _A_S, 0), *_less(_B_E, _A_E)],
    Relation.MET_BY: [(_A_S, _B_E, -1), (_B_E, _A_S, 1)],
    Relation.AFTER: [(_A_S, _B_E, -2)],
}


def relations(
    a: DateLike, b: DateLike, *, zone: str | None = None, widening: Widening | None = None
) -> frozenset[Relation]:
    """Every Allen relation of ``a`` to ``b`` that some reading of the two allows.

    ``zone``: the IANA zone whose days times with an offset fall on when compared by the day (UTC when None).
    ``widening``: the policy approximate and uncertain values spill over their
    bounds by (as in a timeline's "possible" queries); None: the stated bounds.
    """
    a, b = as_value(a, "a"), as_value(b, "b")
    unit = _unit(a, b)
    day_zone = _zone(zone)
    base = _base(_ends(a, unit, day_zone, widening), _ends(b, unit, day_zone, widening))
    return frozenset(r for r, extra in _RELATION_CONSTRAINTS.items() if _feasible(base + extra))


def before(a: DateLike, b: DateLike, *, zone: str | None = None, widening: Widening | None = None) -> Certainty:
    """Whether ``a`` ends in an earlier unit than ``b`` starts: certainly, possibly, or not at all.

    ``zone``, ``widening``: as for :func:`~chronology.relations`. With a widening, certain
    means on every widened reading: ``before("c. 1400", "1401-03",
    widening=DEFAULT_WIDENING)`` is possible, since c. 1400 may be 1401.
    """
    a, b = as_value(a, "a"), as_value(b, "b")
    unit = _unit(a, b)
    day_zone = _zone(zone)
    ends_a, ends_b = _ends(a, unit, day_zone, widening), _ends(b, unit, day_zone, widening)
    if ends_a[4] and ends_b[4]:  # two instants: their bounds decide it (a system of two free variables)
        if not ends_a[0] < ends_b[1]:
            return Certainty.IMPOSSIBLE
        return Certainty.CERTAIN if ends_a[1] < ends_b[0] else Certainty.POSSIBLE
    base = _base(ends_a, ends_b)
    if not _feasible([*base, (_B_S, _A_E, -1)]):  # a end < b start
        return Certainty.IMPOSSIBLE
    if _feasible([*base, (_A_E, _B_S, 0)]):  # b start <= a end
        return Certainty.POSSIBLE
    return Certainty.CERTAIN


def after(a: DateLike, b: DateLike, *, zone: str | None = None, widening: Widening | None = None) -> Certainty:
    """Whether ``a`` starts in a later unit than ``b`` ends; ``before(b, a)``."""
    return before(b, a, zone=zone, widening=widening)


def _zone(zone: str | None) -> ZoneInfo | None:
    return None if zone is None else zone_named(zone)


# -- probabilities --------------------------------------------------------------------------


@attrs.frozen
class Probabilities:
    """Exact odds that ``a`` comes before ``b``, after it, or neither (same unit, or overlap)."""

    before: Fraction
    after: Fraction
    neither: Fraction


def _pairs_less(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    """How many pairs (x, y), x in [a_lo, a_hi], y in [b_lo, b_hi], have x < y."""
    total = 0
    # x below b_lo: every y counts.
    below_hi = min(a_hi, b_lo - 1)
    if below_hi >= a_lo:
        total += (below_hi - a_lo + 1) * (b_hi - b_lo + 1)
    # x within [b_lo, b_hi - 1]: b_hi - x values of y count.
    first, last = max(a_lo, b_lo), min(a_hi, b_hi - 1)
    if last >= first:
        count = last - first + 1
        total += count * b_hi - (first + last) * count // 2
    return total


def _distribution(
    value: DateValue, unit: int, which: str, zone: ZoneInfo | None = None, widening: Widening | None = None
) -> tuple[int, int]:
    s_lo, s_hi, e_lo, e_hi, _ = _ends(value, unit, zone, widening)
    lo, hi = (e_lo, e_hi) if which == "end" else (s_lo, s_hi)
    bounded = (lo > NEG_INF + 1 or lo == hi) and (hi < POS_INF - 1 or lo == hi)
    if not bounded:
        raise UnboundedError(
            f"{value.to_edtf()!r}: its {which} is unknown, so it has no distribution; "
            "probabilities need bounded ends (an open '..' end counts as beyond every date)"
        )
    return lo, hi


def probability_before(
    a: DateLike, b: DateLike, *, zone: str | None = None, widening: Widening | None = None
) -> Fraction:
    """Exact probability that ``a`` ends in an earlier unit than ``b`` starts.

    Each end is uniform over the units (days, or seconds when both give times)
    between its bounds (widened by ``widening`` when given), independently; an
    instant's start and end are one.

    Raises:
        UnboundedError: a needed end is unknown (an empty EDTF end).

    """
    a, b = as_value(a, "a"), as_value(b, "b")
    unit = _unit(a, b)
    day_zone = _zone(zone)
    a_lo, a_hi = _distribution(a, unit, "end", day_zone, widening)
    b_lo, b_hi = _distribution(b, unit, "start", day_zone, widening)
    return Fraction(_pairs_less(a_lo, a_hi, b_lo, b_hi), (a_hi - a_lo + 1) * (b_hi - b_lo + 1))


def probabilities(
    a: DateLike, b: DateLike, *, zone: str | None = None, widening: Widening | None = None
) -> Probabilities:
    """Exact odds of ``a`` before ``b``, ``a`` after ``b``, and neither; they sum to 1 (``widening``: as for odds)."""
    first = probability_before(a, b, zone=zone, widening=widening)
    second = probability_before(b, a, zone=zone, widening=widening)
    return Probabilities(before=first, after=second, neither=1 - first - second)


# -- what is known of two things at once ------------------------------------------------------

#: A moment of one of two values: ("a" or "b", "start" or "end").
Moment: TypeAlias = tuple[Literal["a", "b"], Literal["start", "end"]]
_VARIABLES: Final = {("a", "start"): _A_S, ("a", "end"): _A_E, ("b", "start"): _B_S, ("b", "end"): _B_E}


@attrs.frozen
class Relationship:
    """What is known of the order of ``a`` and ``b``: each way's certainty, the relations left, the odds, and why.

    Attributes:
        a: the first value, as compared (an event's narrowed date in a timeline).
        b: the second value.
        before: whether ``a`` ends before ``b`` starts (an earlier unit, or an order link).
        after: whether ``a`` starts after ``b`` ends.
        relations: Allen's relations of ``a`` to ``b`` that remain possible.
        probabilities: the odds of before, after and neither; None when an end is unknown.
            A way (or a relation of "neither") that is possible has odds above 0, one
            that is impossible has 0, and a certain way has 1.
        unbounded: why there are no odds, when there are none.
        because: the links that decide ``before`` or ``after``, first to last (empty when the dates alone do).
        unit: what the two are compared and counted by: ``Precision.DAY``, or
            ``Precision.SECOND`` when both give a time at every dated end.

    """

    a: DateValue
    b: DateValue
    before: Certainty
    after: Certainty
    relations: frozenset[Relation]
    probabilities: Probabilities | None
    unbounded: str = ""
    because: tuple[Link, ...] = ()
    unit: Precision = Precision.DAY


def relationship(
    a: DateLike,
    b: DateLike,
    *,
    zone: str | None = None,
    given: Iterable[tuple[Moment, Moment]] = (),
    first: Literal["a", "b"] | None = None,
    because: tuple[Link, ...] = (),
    widening: Widening | None = None,
) -> Relationship:
    """Certainty each way, the relations left and the odds of ``a`` and ``b``, at once.

    The same answers as :func:`~chronology.before`, :func:`~chronology.after`,
    :func:`~chronology.relations` and :func:`~chronology.probabilities`.
    What the dates cannot say may be given: ``given`` pairs of moments, the
    first no later than the second (``(("a", "end"), ("b", "start"))``), and
    ``first``, the one of the two that certainly comes first even when both
    fall in one unit (what an order link between two events says). A
    timeline's :meth:`~chronology.Timeline.relate` gives them from its links.

    Odds are conditioned on what is given: with ``first``, that one comes
    first for sure; when ``a`` ends no later than ``b`` starts (or the reverse),
    every pair of units in that order counts alike, so the same unit counts as
    "neither"; otherwise each end is uniform within its bounds, independently
    (an assumption: the moments given are not used beyond ruling a way out,
    whose odds are then 0).

    ``widening``: as for :func:`~chronology.relations`; the certainties, relations and odds
    are all over the widened readings, so they never contradict a "possible"
    query asked with the same policy.
    """
    a, b = as_value(a, "a"), as_value(b, "b")
    unit = _unit(a, b)
    day_zone = _zone(zone)
    base = _base(_ends(a, unit, day_zone, widening), _ends(b, unit, day_zone, widening))
    given = tuple(given)
    base += [(_VARIABLES[y], _VARIABLES[x], 0) for x, y in given]
    found = frozenset(r for r, extra in _RELATION_CONSTRAINTS.items() if _feasible(base + extra))
    ways = {"a": _certainty(base, _A_E, _B_S), "b": _certainty(base, _B_E, _A_S)}
    if first is not None:
        ways = {first: Certainty.CERTAIN, "b" if first == "a" else "a": Certainty.IMPOSSIBLE}
    named = Precision.SECOND if unit == 1 else Precision.DAY
    try:
        odds = _odds(a, b, unit, day_zone, given, first, ways, found, widening)
    except UnboundedError as error:
        return Relationship(a, b, ways["a"], ways["b"], found, None, str(error), because, named)
    return Relationship(a, b, ways["a"], ways["b"], found, odds, "", because, named)


def _certainty(base: list[_Constraint], end: int, start: int) -> Certainty:
    """Whether variable ``end`` is in an earlier unit than ``start`` under ``base``."""
    if not _feasible([*base, (start, end, -1)]):
        return Certainty.IMPOSSIBLE
    if _feasible([*base, (end, start, 0)]):
        return Certainty.POSSIBLE
    return Certainty.CERTAIN


#: The relations in which neither comes first: they share a unit.
_TOGETHER: Final = frozenset(Relation) - {Relation.BEFORE, Relation.MEETS, Relation.MET_BY, Relation.AFTER}


def _odds(
    a: DateValue,
    b: DateValue,
    unit: int,
    zone: ZoneInfo | None,
    given: tuple[tuple[Moment, Moment], ...],
    first: str | None,
    ways: dict[str, Certainty],
    found: frozenset[Relation],
    widening: Widening | None = None,
) -> Probabilities:
    """The odds, made to agree with what is possible: a possible way above 0, an impossible one 0, a certain one 1."""
    if first is not None:  # a chain of links orders them, even within one unit
        return Probabilities(Fraction(first == "a"), Fraction(first == "b"), Fraction(0))
    for x, y, name, other in ((a, b, "a", "b"), (b, a, "b", "a")):
        if ((name, "end"), (other, "start")) in given:
            end_lo, end_hi = _distribution(x, unit, "end", zone, widening)
            start_lo, start_hi = _distribution(y, unit, "start", zone, widening)
            less = _pairs_less(end_lo, end_hi, start_lo, start_hi)
            same = max(0, min(end_hi, start_hi) - max(end_lo, start_lo) + 1)
            ordered = Fraction(less, less + same) if less + same else Fraction(0)
            if name == "a":
                return Probabilities(ordered, Fraction(0), 1 - ordered)
            return Probabilities(Fraction(0), ordered, 1 - ordered)
    odds = probabilities(a, b, zone=None if zone is None else zone.key, widening=widening)
    for name, certainty in ways.items():
        if certainty is Certainty.CERTAIN:
            return Probabilities(Fraction(name == "a"), Fraction(name == "b"), Fraction(0))
    earlier = Fraction(0) if ways["a"] is Certainty.IMPOSSIBLE else odds.before
    later = Fraction(0) if ways["b"] is Certainty.IMPOSSIBLE else odds.after
    if not found & _TOGETHER and earlier + later:  # they cannot share a unit: one of the ways it is
        earlier, later = earlier / (earlier + later), later / (earlier + later)
    return Probabilities(earlier, later, 1 - earlier - later)


# -- sorting ------------------------------------------------------------------------------


def sort_key(value: DateLike) -> tuple[int, int, int, str]:
    """A deterministic total order for display.

    Sorts by earliest moment, then latest moment (both in UTC where an offset
    is given; unbounded interval ends sort first or last; a date with one side
    open, "before 1456", at its known bound), then instants before intervals,
    then by EDTF text. Equal keys mean equal values.
    """
    value = as_value(value, "value")
    if isinstance(value, UncertainDate):
        offset = value.utc_offset or 0
        if value.open_before or value.open_after:
            bound = (value.hi if value.open_before else value.lo) - offset
            return bound, bound, 0, value.edtf
        return value.lo - offset, value.hi - offset, 0, value.edtf
    start_offset = value.start.utc_offset or 0 if isinstance(value.start, UncertainDate) else 0
    end_offset = value.end.utc_offset or 0 if isinstance(value.end, UncertainDate) else 0
    lo, hi = value.lo, value.hi
    lo = lo if lo == NEG_INF else lo - start_offset
    hi = hi if hi == POS_INF else hi - end_offset
    return lo, hi, 1, value.to_edtf()
