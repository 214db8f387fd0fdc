"""How far a value reaches by a widening policy: its "possible" readings, for the queries that compare them one by one.

A value (as written, or narrowed by links from what was written) spills over
its bounds by the policy on each side that its links did not set: a bound a
link moved is the link's, and a link is not approximate.
"""

from __future__ import annotations

from chronology.dates import DEFAULT_WIDENING, DateValue, Interval, UncertainDate, Widening
from chronology.events import Event

__all__ = ["policy_for", "spilled"]


def policy_for(when: object, widening: Widening | None) -> Widening:
    """The policy ``when`` (a date asked, or an event) is widened by: the one given, else its own, else the default."""
    if widening is not None:
        return widening
    own = when.widening if isinstance(when, Event) else None
    return DEFAULT_WIDENING if own is None else own


def spilled(value: DateValue, written: DateValue, policy: Widening) -> DateValue:
    """``value`` widened by ``policy`` on each side not narrowed from ``written`` (``value`` itself when none is)."""
    if isinstance(value, Interval):
        if not isinstance(written, Interval):  # (a narrowed value keeps the kind of what was written)
            return value
        start, end = value.start, value.end
        if isinstance(start, UncertainDate) and isinstance(written.start, UncertainDate):
            start = _spilled_date(start, written.start, policy)
        if isinstance(end, UncertainDate) and isinstance(written.end, UncertainDate):
            end = _spilled_date(end, written.end, policy)
        return value if (start, end) == (value.start, value.end) else Interval(start, end)
    if not isinstance(written, UncertainDate):
        return value
    return _spilled_date(value, written, policy)


def _spilled_date(value: UncertainDate, written: UncertainDate, policy: Widening) -> UncertainDate:
    if not policy.units(written):
        return value
    lo, hi = policy.bounds(written)
    lo = lo if value.lo == written.lo else value.lo  # a bound the links moved is theirs: not widened
    hi = hi if value.hi == written.hi else value.hi
    if (lo, hi) == (value.lo, value.hi):
        return value
    return UncertainDate.from_seconds(lo, hi, value.precision, utc_offset=value.utc_offset)
