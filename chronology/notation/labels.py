"""Readable English labels for date values, each one a phrase the reader reads back to the same value.

Labels follow the bounds, not the wording: "the second week of October" said
in 2024 is labelled "between 7 and 13 Oct 2024". Words say what kind of value
it is, never the shape of a dash alone:

* one instant: "3 October 2024", "June 2024", "1468", "44 BCE", "1450s",
  "15th century", "spring 2024", "Q3 2024", "18 October 2024, 3 a.m.";
* one instant somewhere in a range: "between 1434 and 1444",
  "between 7 and 13 Oct 2024"; with a side left open, its known bound itself:
  "by 1455", "by 22 August 1456", "no earlier than 1461" (never the unit
  beyond the bound, which the date cannot fall in: not "before 1456");
* something lasting: "from June to August 2024", "from June 2024 (ongoing)",
  "until March 2024 (start unknown)".

Approximate values read "c. ...", uncertain ones end in "?".

:func:`julian_label` writes the same value in the Julian calendar (Old Style): its days as a record kept
in that calendar names them, marked "O.S." ("5 September 1666 O.S."), in words the reader reads back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

from chronology import _calendar
from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.dates import DateValue, Endpoint, Interval, Precision, UncertainDate
from chronology.notation.edtf import GROUPINGS, format_year

__all__ = ["julian_label", "label", "year_label"]

MONTH_NAMES: Final = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]  # fmt: skip
MONTH_ABBREVIATIONS: Final = tuple(name[:3] for name in MONTH_NAMES)
_SEASONS: Final = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}
_ORDINAL_SUFFIX: Final = {1: "st", 2: "nd", 3: "rd"}
_HEMISPHERE_SEASON: Final = re.compile(r"(-?\d{4})-(2[5-9]|3[0-2])[?~%]?")


class _Reckoning(NamedTuple):
    """The calendar a label names its days in, and the mark written after a date of it."""

    from_day_number: Callable[[int], tuple[int, int, int]]
    day_number: Callable[[int, int, int], int]
    days_in_month: Callable[[int, int], int]
    mark: str  # "" for the model's own (proleptic Gregorian) calendar

    @property
    def gregorian(self) -> bool:
        return not self.mark


_GREGORIAN: Final = _Reckoning(_calendar.from_day_number, _calendar.day_number, _calendar.days_in_month, "")
_JULIAN: Final = _Reckoning(
    _calendar.julian_from_day_number, _calendar.julian_day_number, _calendar.julian_days_in_month, " O.S."
)


def label(value: DateValue) -> str:
    """A readable English label of a date value."""
    return _label(value, _GREGORIAN)


def julian_label(value: DateValue) -> str:
    """The label of a date value in the Julian calendar (Old Style), each date in it marked "O.S.".

    The value's days, converted with ``convertdate`` as the reader converts an Old Style date, are named
    as a record kept in the Julian calendar names them: 15 September 1666 (Gregorian) is "5 September 1666
    O.S.", a Julian month or year read from a Julian file is "September 1666 O.S." or "1666 O.S.", and a
    range, an open side, an interval, a set and a time of day are worded as :func:`label` words them. Days
    that are not a whole Julian month or year are named as the days they are: the Gregorian September
    1666 is "between 22 Aug and 20 Sep 1666 O.S.". Years before the Julian calendar began (45 BCE) are
    in the proleptic Julian calendar, as the reader reads "44 BCE O.S.". The reader reads each label
    back to the same days.

    Seasons, quarters, halves, decades and centuries are named by their months or years ("between March
    and May 1666 O.S."): the reader reads such names only in the Gregorian calendar.
    """
    return _label(value, _JULIAN)


def _label(value: DateValue, reckoning: _Reckoning) -> str:
    if isinstance(value, Interval):
        return _interval_label(value, reckoning)
    hedge = "c. " if value.approximate else ""
    doubt = "?" if value.uncertain else ""
    if not value.qualifier and reckoning.gregorian:
        far = _far_year_alone(value)
        if far is not None:
            return far
    if value.lo <= OPEN_LO or value.hi >= OPEN_HI:  # the hedge goes on the known bound: "by c. 1455"
        if value.precision.has_time:  # a clock time names a moment: "before 3 a.m." ends at 02:59:59
            side = "before" if value.lo <= OPEN_LO else "after"
        else:
            side = "by" if value.lo <= OPEN_LO else "no earlier than"
        return f"{side} {hedge}{_instant_label(value, reckoning)}{doubt}"
    return f"{hedge}{_instant_label(value, reckoning)}{doubt}"


def year_label(year: int) -> str:
    """A year in words: astronomical year 0 is 1 BCE, -500 is 501 BCE, 79 is AD 79, 12040 is 12040.

    A label that is one whole year beyond 9999 (or before 9999 BCE) alone is written as EDTF writes it
    ("Y12040"), which reads back; inside a longer label ("between 9940 and 12040") the year is its digits.
    """
    if year <= 0:
        return f"{1 - year} BCE"
    if year < 1000:
        return f"AD {year}"
    return str(year)


def _far_year_alone(value: UncertainDate) -> str | None:
    """``Y12040``: one whole year beyond the years English is read in (1-9999 and 9999 BCE), in EDTF, which reads back.

    None for any other value.
    """
    if value.lo <= OPEN_LO or value.hi >= OPEN_HI or value.lo % SECONDS_PER_DAY or (value.hi + 1) % SECONDS_PER_DAY:
        return None
    year, month, day = _calendar.from_day_number(value.lo // SECONDS_PER_DAY)
    if -9998 <= year <= 9999 or (month, day) != (1, 1):
        return None
    if _calendar.from_day_number(value.hi // SECONDS_PER_DAY) != (year, 12, 31):
        return None
    return format_year(year)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL_SUFFIX.get(number % 10, "th")
    return f"{number}{suffix}"


# -- one instant --------------------------------------------------------------------------


def _instant_label(value: UncertainDate, reckoning: _Reckoning) -> str:
    """The label without qualifiers; for a date open on one side, the unit its known bound lies in."""
    if value.all_of:
        return _all_of_label(value, reckoning)
    if value.edtf.startswith("[") and "," in value.edtf:  # one of a set: "2019 or 2020", "1667 to 1668 or 1670"
        one_of = _one_of_label(value, reckoning)
        if one_of is not None:
            return one_of
    if value.lo <= OPEN_LO:
        lo, hi, precision = _bound_unit(value.hi, value.precision, reckoning, first=False)
        return _bounds_label(lo, hi, precision, value.utc_offset, reckoning)
    if value.hi >= OPEN_HI:
        lo, hi, precision = _bound_unit(value.lo, value.precision, reckoning, first=True)
        return _bounds_label(lo, hi, precision, value.utc_offset, reckoning)
    grouping = _HEMISPHERE_SEASON.fullmatch(value.edtf) if reckoning.gregorian else None
    if grouping is not None:  # EDTF 25-32: a season named with its hemisphere
        name = GROUPINGS[int(grouping[2])][3]  # "Summer (south)"
        season, hemisphere = name.lower().rstrip(")").split(" (")
        year = _calendar.from_day_number(value.lo // SECONDS_PER_DAY)[0]
        return f"{hemisphere}ern {season} {year_label(year)}".capitalize()
    return _bounds_label(value.lo, value.hi, value.precision, value.utc_offset, reckoning)


def _all_of_label(value: UncertainDate, reckoning: _Reckoning) -> str:
    """Name every member of an all-of set ("each of 1667, 1668 and 1670 to 1672"), a range as "first to last"."""
    parts = []
    for member in value.members:
        if member.all_of:  # a range of the set: every date from its first to its last
            first, last = member.edtf[1:-1].split("..")
            parts.append(f"{_label(_parse(first), reckoning)} to {_label(_parse(last), reckoning)}")
        else:
            parts.append(_label(member, reckoning))
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"each of {listed}"


def _one_of_label(value: UncertainDate, reckoning: _Reckoning) -> str | None:
    """Name the members of a one-of set ("2019 or 2020"), a range as "first to last".

    None where a member is open, qualified or a time of day (its label holds a comma): such sets keep the label
    of their bounds.
    """
    parts = []
    members = value.members
    if any(member.precision.has_time for member in members):
        return _times_label(value, members, reckoning)
    if value.qualifier or any(member.qualifier for member in members):
        return None
    for member in members:
        if member.edtf.startswith("["):  # a range of the set: one date from its first to its last
            first, _, last = member.edtf[1:-1].partition("..")
            if not first or not last:
                return None
            if not reckoning.gregorian:  # its days, as the ends need not be whole units of the calendar
                parts.append(_bounds_label(member.lo, member.hi, member.precision, member.utc_offset, reckoning))
                continue
            parts.append(f"{_label(_parse(first), reckoning)} to {_label(_parse(last), reckoning)}")
        else:
            parts.append(_label(member, reckoning))
    return f"{', '.join(parts[:-1])} or {parts[-1]}"


def _times_label(value: UncertainDate, members: tuple[UncertainDate, ...], reckoning: _Reckoning) -> str | None:
    """Name one of several times: "3 a.m. on 10 or 11 March 2025", "between 6 a.m. and 11 a.m. on 10 or 11 March 2025".

    Where every member is the same hours of one day, the hours are named once, then the days; else each member
    by its own label, joined by "or" ("10 March 2025, 6 p.m. or ..."). None where a member is open, or qualified
    otherwise than the whole (the label keeps to the bounds).
    """
    if any(member.open_before or member.open_after or member.qualifier != value.qualifier for member in members):
        return None
    spans = [(member.lo, member.hi) for member in members]
    first_lo, first_hi = spans[0]
    hours = {(lo % SECONDS_PER_DAY, hi - lo) for lo, hi in spans}
    one_day_each = all(lo // SECONDS_PER_DAY == hi // SECONDS_PER_DAY for lo, hi in spans)
    if not one_day_each or len(hours) != 1 or not value.precision.has_time:
        # the members' own labels, without the qualifier the whole carries once
        return " or ".join(_instant_label(member, reckoning) for member in members)
    unit = _UNIT_SECONDS[value.precision]
    zone = _zone(value.utc_offset)
    start, last = first_lo % SECONDS_PER_DAY, (first_hi - unit + 1) % SECONDS_PER_DAY
    if start == last:
        clock = _clock(start, value.precision) + zone
    else:
        clock = f"between {_clock(start, value.precision)}{zone} and {_clock(last, value.precision)}{zone}"
    return f"{clock} on {_days_label([lo // SECONDS_PER_DAY for lo, _ in spans], reckoning)}"


_UNIT_SECONDS: Final = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}


def _days_label(days: list[int], reckoning: _Reckoning) -> str:
    """Name one of several days: "10 or 11 March 2025" within a month, else each day in full."""
    dates = [reckoning.from_day_number(day) for day in days]
    year, month, _ = dates[0]
    if all((y, m) == (year, month) for y, m, _ in dates):
        numbers = [str(number) for _, _, number in dates]
        named_month = f"{MONTH_NAMES[month - 1]} {year_label(year)}{reckoning.mark}"
        return f"{', '.join(numbers[:-1])} or {numbers[-1]} {named_month}"
    named = [_day_label(day, reckoning) for day in days]
    return f"{', '.join(named[:-1])} or {named[-1]}"


def _parse(edtf: str) -> UncertainDate:
    from chronology.notation.edtf import parse_edtf

    value = parse_edtf(edtf)
    assert isinstance(value, UncertainDate)
    return value


def _bound_unit(
    seconds: int, precision: Precision, reckoning: _Reckoning, *, first: bool
) -> tuple[int, int, Precision]:
    """The unit a known bound lies in: the one ``seconds`` is the ``first`` second of (else the last second of).

    "by 1455" is the value whose last second ends 1455, and "no earlier than
    1461" the one whose first second begins 1461: the unit named is the
    coarsest of year, month and day (or the time unit) that ends (or begins)
    there and the precision allows. It is a unit the date may fall in, never
    the one beyond the bound ("before 1456" would name a year the date is not in). A clock time is the
    exception: it names a moment, so "before 3 a.m." (ending 02:59:59) names the hour beyond the bound.
    """
    if precision.has_time:  # the clock time beyond the bound, read as a moment: "before 3 a.m.", "after 2 a.m."
        size = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}[precision]
        edge = seconds - 1 if first else seconds + 1
        start = edge - edge % size
        return start, start + size - 1, precision
    day = seconds // SECONDS_PER_DAY
    year, month, number = reckoning.from_day_number(day)
    at_year_edge = (month, number) == ((1, 1) if first else (12, 31))
    at_month_edge = number == (1 if first else reckoning.days_in_month(year, month))
    if precision.rank >= Precision.YEAR.rank and at_year_edge:
        return _days(reckoning.day_number(year, 1, 1), reckoning.day_number(year, 12, 31), Precision.YEAR)
    if precision.rank >= Precision.MONTH.rank and precision is not Precision.WEEK and at_month_edge:
        start_day = reckoning.day_number(year, month, 1)
        return _days(start_day, start_day + reckoning.days_in_month(year, month) - 1, Precision.MONTH)
    return _days(day, day, Precision.DAY)


def _days(first: int, last: int, precision: Precision) -> tuple[int, int, Precision]:
    return first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1, precision


def _bounds_label(lo: int, hi: int, precision: Precision, offset: int | None, reckoning: _Reckoning) -> str:
    if precision.has_time or lo % SECONDS_PER_DAY or (hi + 1) % SECONDS_PER_DAY:
        return _time_label(lo, hi, precision, offset, reckoning)  # its days marked each
    return _days_span_label(lo // SECONDS_PER_DAY, hi // SECONDS_PER_DAY, precision, reckoning) + reckoning.mark


def _days_span_label(first: int, last: int, precision: Precision, reckoning: _Reckoning) -> str:
    """Name the days from ``first`` to ``last`` in the calendar of ``reckoning``, without its mark.

    Seasons, quarters, halves, decades and centuries are named in the Gregorian calendar only.
    """
    y1, m1, d1 = reckoning.from_day_number(first)
    y2, m2, d2 = reckoning.from_day_number(last)
    whole_months = d1 == 1 and d2 == reckoning.days_in_month(y2, m2)
    whole_years = whole_months and (m1, m2) == (1, 12)
    if first == last:
        return f"{d1} {MONTH_NAMES[m1 - 1]} {year_label(y1)}"
    if whole_years:
        return _years_label(y1, y2) if reckoning.gregorian else _between_years(y1, y2)
    if whole_months:
        months = (y2 - y1) * 12 + m2 - m1 + 1
        if months == 1:
            return f"{MONTH_NAMES[m1 - 1]} {year_label(y1)}"
        grouped = _grouping_label(y1, m1, months, precision) if reckoning.gregorian else None
        if grouped is not None:
            return grouped
        if y1 == y2:
            return f"between {MONTH_NAMES[m1 - 1]} and {MONTH_NAMES[m2 - 1]} {year_label(y1)}"
        return f"between {MONTH_NAMES[m1 - 1]} {year_label(y1)} and {MONTH_NAMES[m2 - 1]} {year_label(y2)}"
    if (y1, m1) == (y2, m2):
        return f"between {d1} and {d2} {MONTH_ABBREVIATIONS[m1 - 1]} {year_label(y1)}"
    if y1 == y2:
        return f"between {d1} {MONTH_ABBREVIATIONS[m1 - 1]} and {d2} {MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y1)}"
    return (
        f"between {d1} {MONTH_ABBREVIATIONS[m1 - 1]} {year_label(y1)} and "
        f"{d2} {MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y2)}"
    )


def _grouping_label(year: int, first_month: int, months: int, precision: Precision) -> str | None:
    """Name the months of a season, quarter or half ("spring 2024", "Q3 2024", "H1 2024"); None for others."""
    if months == 3 and precision is Precision.SEASON and first_month in _SEASONS:
        if first_month == 12 and 1 <= year < 9999:  # a winter runs into the next year: "Winter 2024-25"
            return f"Winter {year}-{(year + 1) % 100:02d}"
        return f"{_SEASONS[first_month]} {year_label(year)}"
    if months == 3 and precision is Precision.QUARTER and first_month in (1, 4, 7, 10):
        return f"Q{(first_month + 2) // 3} {year_label(year)}"
    if months == 6 and precision is Precision.SEMESTER and first_month in (1, 7):
        return f"H{(first_month + 5) // 6} {year_label(year)}"
    return None


def _years_label(first: int, last: int) -> str:
    if first == last:
        return year_label(first)
    if first > 0 and last <= 9999:
        if last == first + 9 and first % 10 == 0 and first >= 100 and (first % 100 or first == 2000):
            return f"{first}s"
        if last == first + 99 and first % 100 == 0:
            return f"{_ordinal(first // 100 + 1)} century"
        if first == 1 and last == 99:
            return "1st century"
        if last == first + 999 and first % 1000 == 0:
            return f"{_ordinal(first // 1000 + 1)} millennium"
        if first == 1 and last == 999:
            return "1st millennium"
    if last <= 0 and first % 100 == 2 and last == first + 99:  # 499-400 BCE: the 5th century BCE
        return f"{_ordinal((1 - first) // 100 + 1)} century BCE"
    return _between_years(first, last)


def _between_years(first: int, last: int) -> str:
    """``1666``, or ``between 1666 and 1668``: whole years named by their numbers."""
    if first == last:
        return year_label(first)
    return f"between {year_label(first)} and {year_label(last)}"


# -- times of day ------------------------------------------------------------------------------


def _clock(second_of_day: int, precision: Precision) -> str:
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    if precision is Precision.HOUR:  # the hours of 12 a.m. and 12 p.m., which many misread, by their names
        return _TWELVE.get(hour) or f"{hour % 12 or 12} {'a.m.' if hour < 12 else 'p.m.'}"
    if precision is Precision.SECOND:
        return f"{hour:02d}:{minute:02d}:{second:02d}"
    return f"{hour:02d}:{minute:02d}"


#: The hours of midnight and noon, named: "12 midnight" is 00:00-00:59 ("midnight" alone is the minute 00:00).
_TWELVE: Final = {0: "12 midnight", 12: "12 noon"}


def _zone(offset: int | None) -> str:
    if offset is None:
        return ""
    if offset == 0:
        return " UTC"
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f" UTC{sign}{hours:02d}:{minutes:02d}"


def _time_label(lo: int, hi: int, precision: Precision, offset: int | None, reckoning: _Reckoning) -> str:
    """Name a time ("18 October 2024, 3 a.m.") or a span of them ("between 2 a.m. and 4 a.m. on 18 October 2024").

    A span within one day names its offset once, after the day ("... on 11 March 2024 UTC+02:00").
    """
    unit = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}.get(precision, 3600)
    if not precision.has_time:
        precision = Precision.HOUR
    first_day, first_second = divmod(lo, SECONDS_PER_DAY)
    last_day, last_second = divmod(hi - unit + 1, SECONDS_PER_DAY)
    zone = _zone(offset)
    first, last = _clock(first_second, precision) + zone, _clock(last_second, precision) + zone
    if lo == hi - unit + 1:
        return f"{_day_label(first_day, reckoning)}, {first}"
    if first_day == last_day:
        first, last = _clock(first_second, precision), _clock(last_second, precision)
        return f"between {first} and {last} on {_day_label(first_day, reckoning)}{zone}"
    return f"between {_day_label(first_day, reckoning)}, {first} and {_day_label(last_day, reckoning)}, {last}"


def _day_label(day: int, reckoning: _Reckoning = _GREGORIAN) -> str:
    year, month, number = reckoning.from_day_number(day)
    return f"{number} {MONTH_NAMES[month - 1]} {year_label(year)}{reckoning.mark}"


# -- something lasting ----------------------------------------------------------------------


def _interval_label(value: Interval, reckoning: _Reckoning) -> str:
    start, end = value.start, value.end
    if isinstance(start, UncertainDate) and isinstance(end, UncertainDate):
        left, right = _label(start, reckoning), _label(end, reckoning)
        suffix = f" {year_label(reckoning.from_day_number(end.earliest_day)[0])}{reckoning.mark}"
        same_year = start.precision in (Precision.DAY, Precision.MONTH) and start.precision is end.precision
        simple = (
            not (start.qualifier or end.qualifier)
            and not left.startswith("between")
            and not right.startswith("between")
        )
        if same_year and simple and left.endswith(suffix) and right.endswith(suffix):
            left = left[: -len(suffix)]
            month = left.partition(" ")[2]
            if start.precision is Precision.DAY and month and right.endswith(f" {month}{suffix}"):
                left = left.partition(" ")[0]  # "from 3 to 5 October 2024"
        return f"from {left} to {right}"
    if isinstance(start, UncertainDate):
        return f"from {_label(start, reckoning)} ({'ongoing' if end is Endpoint.OPEN else 'end unknown'})"
    assert isinstance(end, UncertainDate)
    return f"until {_label(end, reckoning)} ({'no start' if start is Endpoint.OPEN else 'start unknown'})"
