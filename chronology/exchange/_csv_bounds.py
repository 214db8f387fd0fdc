"""The ``earliest`` and ``latest`` cells of a spreadsheet row: a date's first and last possible moment, and their check.

An end known to the day or more coarsely is written as its day (``2024-10-01``
for October 2024); an end with a time, as an ISO 8601 date and time at its
precision: to the minute (``2025-03-11T03:00+02:00`` to ``2025-03-11T03:59+02:00``
for 3 a.m.), to the second for one known to the second. A time with an offset
is written at the offset of the timeline's zone at that moment (UTC, ``Z``,
without a zone), so that its day is the one every query places it on and a
column of them sorts by time; a time without an offset is written as it is.
Reading a cell back gives the same moment: a minute cell stands for its whole
minute, which is where an hour's last possible second lies.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo

from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DateValue, Precision, Qualifier, UncertainDate
from chronology.exchange._describe import bound_days, dated_ends, iso_day
from chronology.notation.edtf import format_bounds
from chronology.zones import wall_seconds

__all__ = ["Side", "bound_agrees", "bound_cells", "moment_text"]

#: Which bound a cell gives: the first possible moment (``earliest``) or the last (``latest``).
Side = Literal["earliest", "latest"]


def bound_cells(value: DateValue, zone: ZoneInfo | None) -> tuple[str, str]:
    """The ``earliest`` and ``latest`` cells of ``value``: days, or times for ends that have one; ``""`` where open.

    Args:
        value: the date.
        zone: the timeline's zone, whose offset times with an offset are written at (UTC when None).

    """
    start, end = dated_ends(value)
    first, last = bound_days(value, zone)
    return _cell(start, first, zone, "earliest"), _cell(end, last, zone, "latest")


def _cell(end: UncertainDate | None, day: int | None, zone: ZoneInfo | None, side: Side) -> str:
    if end is None or day is None:
        return ""  # an open or unknown end
    if not end.has_time:
        return iso_day(day)
    return moment_text(end.lo if side == "earliest" else end.hi, end.utc_offset, end.precision, zone, side)


def moment_text(seconds: int, offset: int | None, precision: Precision, zone: ZoneInfo | None, side: Side) -> str:
    """A second of the model's timeline (local to ``offset``) in ISO 8601, at ``zone``'s offset when it has one.

    To the minute, unless ``precision`` is ``second`` or the minute written
    would not stand for the bound: an earliest second that is not a minute's
    first, a latest that is not its last.
    """
    if offset is not None:
        wall = wall_seconds(seconds, offset, zone)
        offset, seconds = wall - (seconds - offset), wall
    aligned = seconds % 60 == (0 if side == "earliest" else 59)
    shown = Precision.SECOND if precision is Precision.SECOND or not aligned else Precision.MINUTE
    start = seconds - seconds % 60 if shown is Precision.MINUTE else seconds
    return format_bounds(start, start, shown, Qualifier.NONE, offset)


def bound_agrees(cell: UncertainDate, value: DateValue, side: Side, zone: ZoneInfo | None) -> bool:
    """Whether an ``earliest`` or ``latest`` cell, read, gives ``value``'s bound on that side.

    A cell with a time gives the moment: the same instant as the bound (both
    with an offset, or both without). A day gives the day of the bound: for a
    time with an offset, its day in ``zone`` (UTC when None), as queries place
    it, or at its own offset, as it was written.
    """
    start, end = dated_ends(value)
    bound = start if side == "earliest" else end
    if bound is None or (bound.open_before if side == "earliest" else bound.open_after):
        return False
    mine = cell.lo if side == "earliest" else cell.hi
    theirs = bound.lo if side == "earliest" else bound.hi
    if cell.has_time:
        if not bound.has_time or (cell.utc_offset is None) != (bound.utc_offset is None):
            return False
        return mine - (cell.utc_offset or 0) == theirs - (bound.utc_offset or 0)
    days = {theirs // SECONDS_PER_DAY}
    if bound.utc_offset is not None:  # on its day in the zone, or as written
        days.add(wall_seconds(theirs, bound.utc_offset, zone) // SECONDS_PER_DAY)
    return mine // SECONDS_PER_DAY in days
