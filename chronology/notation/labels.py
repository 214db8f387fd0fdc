"""Readable English labels for date values: "June 2024", "7-13 Oct 2024", "c. 1850".

Labels follow the bounds, not the wording: "the second week of October" said in
2024 reads "7-13 Oct 2024". A one-of range uses a hyphen ("7-13 Oct 2024");
an interval, something lasting, uses a spaced en dash ("June - August 2024"
is written "June \u2013 August 2024"). Approximate values read "c. ...",
uncertain ones end in "?".
"""

from __future__ import annotations

import re
from typing import Final

from chronology import _calendar
from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DateValue, Endpoint, Interval, Precision, UncertainDate
from chronology.notation.edtf import GROUPINGS

__all__ = ["label"]

MONTH_NAMES: Final = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS: Final = tuple(name[:3] for name in MONTH_NAMES)
_GROUPING: Final = re.compile(r"(-?\d{4})-(2[1-9]|3\d|4[01])[?~%]?")


def label(value: DateValue) -> str:
    """A readable English label of a date value."""
    if isinstance(value, Interval):
        return _interval_label(value)
    text = _bounds_label(value)
    if value.approximate:
        text = "c. " + text
    if value.uncertain:
        text += "?"
    return text


def year_label(year: int) -> str:
    """A year in words: astronomical year 0 is 1 BCE, -500 is 501 BCE."""
    if year <= 0:
        return f"{1 - year} BCE"
    return str(year)


def _bounds_label(value: UncertainDate) -> str:
    if value.has_time:
        return _time_label(value)
    first, last = value.earliest_day, value.latest_day
    y1, m1, d1 = _calendar.from_day_number(first)
    y2, m2, d2 = _calendar.from_day_number(last)
    whole_months = d1 == 1 and d2 == _calendar.days_in_month(y2, m2)
    whole_years = whole_months and (m1, m2) == (1, 12)
    grouping = _GROUPING.fullmatch(value.edtf)
    if grouping is not None:
        name = GROUPINGS[int(grouping[2])][3]
        return f"{name} {year_label(y1)}" if y1 == y2 else f"{name} {year_label(y1)}-{str(y2)[-2:]}"
    if first == last:
        return f"{d1} {MONTH_NAMES[m1 - 1]} {year_label(y1)}"
    if whole_years:
        return _years_label(y1, y2, value.precision)
    if whole_months:
        if (y1, m1) == (y2, m2):
            return f"{MONTH_NAMES[m1 - 1]} {year_label(y1)}"
        if y1 == y2:
            return f"{MONTH_ABBREVIATIONS[m1 - 1]}-{MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y1)}"
        return f"{MONTH_ABBREVIATIONS[m1 - 1]} {year_label(y1)}-{MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y2)}"
    if (y1, m1) == (y2, m2):
        return f"{d1}-{d2} {MONTH_ABBREVIATIONS[m1 - 1]} {year_label(y1)}"
    if y1 == y2:
        return f"{d1} {MONTH_ABBREVIATIONS[m1 - 1]}-{d2} {MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y1)}"
    return f"{d1} {MONTH_ABBREVIATIONS[m1 - 1]} {year_label(y1)}-{d2} {MONTH_ABBREVIATIONS[m2 - 1]} {year_label(y2)}"


def _years_label(first: int, last: int, precision: Precision) -> str:
    if first == last:
        return year_label(first)
    span = last - first + 1
    if first > 0 and precision is Precision.DECADE and span == 10 and first % 10 == 0:
        return f"{first}s"
    if first > 0 and precision is Precision.CENTURY and span == 100 and first % 100 == 0:
        return f"{first}s"
    if first <= 0 and last <= 0:
        return f"{1 - first}-{1 - last} BCE"
    return f"{year_label(first)}-{year_label(last)}"


def _time_label(value: UncertainDate) -> str:
    days, second_of_day = divmod(value.lo, SECONDS_PER_DAY)
    year, month, day = _calendar.from_day_number(days)
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if value.precision is Precision.SECOND else "")
    zone = ""
    if value.utc_offset is not None:
        sign = "-" if value.utc_offset < 0 else "+"
        h, m = divmod(abs(value.utc_offset) // 60, 60)
        zone = " UTC" if value.utc_offset == 0 else f" UTC{sign}{h:02d}:{m:02d}"
    return f"{day} {MONTH_NAMES[month - 1]} {year_label(year)}, {clock}{zone}"


def _interval_label(value: Interval) -> str:
    start, end = value.start, value.end
    if isinstance(start, UncertainDate) and isinstance(end, UncertainDate):
        left, right = label(start), label(end)
        suffix = f" {year_label(_calendar.from_day_number(end.earliest_day)[0])}"
        same_year = start.precision in (Precision.DAY, Precision.MONTH) and start.precision is end.precision
        if same_year and left.endswith(suffix) and right.endswith(suffix) and not start.qualifier:
            left = left[: -len(suffix)]
        return f"{left} \u2013 {right}"
    if isinstance(start, UncertainDate):
        return f"from {label(start)} ({'ongoing' if end is Endpoint.OPEN else 'end unknown'})"
    assert isinstance(end, UncertainDate)
    return f"until {label(end)} ({'no start' if start is Endpoint.OPEN else 'start unknown'})"
