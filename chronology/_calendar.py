"""Day numbers for every year, and the few calendar facts the model needs.

The model keeps instants as integers on one timeline: seconds since the start of
day number 0, where day number 1 is 0001-01-01 of the proleptic Gregorian
calendar (``datetime.date.toordinal``). Years 1-9999 are handed to the standard
library; other years (EDTF allows negative and five-digit years) are moved into
that range by whole 400-year Gregorian cycles, which have exactly 146,097 days.
No calendar rule is re-implemented here: only the cycle shift.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Final

SECONDS_PER_DAY = 86_400
_CYCLE_YEARS = 400
_CYCLE_DAYS = 146_097

#: Largest absolute year the model holds (its seconds still fit in 64 bits).
MAX_ABS_YEAR = 1_000_000_000

#: Sentinels for open or unknown interval ends, beyond any representable instant.
NEG_INF = -(2**62)
POS_INF = 2**62
#: Bounds of a date with one side left open ("before 1456"): the instant exists, somewhere on that side.
OPEN_LO = NEG_INF + 1
OPEN_HI = POS_INF - 1


def _reduce(year: int) -> tuple[int, int]:
    """Split ``year`` into whole 400-year cycles and a year in 1..400."""
    cycles, rest = divmod(year - 1, _CYCLE_YEARS)
    return cycles, rest + 1


def is_valid(year: int, month: int, day: int) -> bool:
    """Whether year-month-day exists in the proleptic Gregorian calendar."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= days_in_month(year, month)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year`` (any year)."""
    if month == 2:
        # the standard library's leap rule holds for any year: a 400-year shift keeps it
        return 29 if calendar.isleap(year) else 28
    if 1 <= month <= 12:
        return _MONTH_DAYS[month]
    return calendar.monthrange(_reduce(year)[1], month)[1]  # its error for a month that does not exist


#: Days of each month (index 1-12) in a common year, as the standard library counts them.
_MONTH_DAYS: Final[tuple[int, ...]] = (0, *(calendar.monthrange(2001, month)[1] for month in range(1, 13)))


def day_number(year: int, month: int, day: int) -> int:
    """Day number of a valid date of any year (1 is 0001-01-01)."""
    if 1 <= year <= 9999:
        return datetime.date(year, month, day).toordinal()
    cycles, year_in_cycle = _reduce(year)
    return datetime.date(year_in_cycle, month, day).toordinal() + cycles * _CYCLE_DAYS


def from_day_number(number: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number, for any year."""
    cycles, rest = divmod(number - 1, _CYCLE_DAYS)
    date = datetime.date.fromordinal(rest + 1)
    return date.year + cycles * _CYCLE_YEARS, date.month, date.day


def weekday(number: int) -> int:
    """ISO weekday of a day number: 1 is Monday, 7 is Sunday."""
    return (number - 1) % 7 + 1


#: The first New Style day in Britain and its colonies, 14 September 1752 (the day after 2 September 1752 Old
#: Style, the last Julian day there), the latest of the western European reforms: the loader warns of a date in
#: words read as Julian on or after it, and an Old Style file's dates before it are labelled in both calendars.
NEW_STYLE_DAY: Final = day_number(1752, 9, 14)


def julian_day_number(year: int, month: int, day: int) -> int:
    """Day number of a date of the Julian calendar (Old Style), as converted by ``convertdate``."""
    from convertdate import julian

    return day_number(*julian.to_gregorian(year, month, day))


def julian_days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year`` in the Julian calendar (February 1700 has 29)."""
    from convertdate import julian

    return int(julian.month_length(year, month))


def julian_from_day_number(number: int) -> tuple[int, int, int]:
    """(year, month, day) of the Julian calendar for a day number."""
    from convertdate import julian

    year, month, day = from_day_number(number)
    converted = julian.from_gregorian(year, month, day)
    return int(converted[0]), int(converted[1]), int(converted[2])


#: The first and last seconds of the years the model holds (-MAX_ABS_YEAR to MAX_ABS_YEAR): a closed bound
#: lies between them; a bound beyond is open (OPEN_LO, OPEN_HI) or refused.
FIRST_SECOND: Final = day_number(-MAX_ABS_YEAR, 1, 1) * SECONDS_PER_DAY
LAST_SECOND: Final = (day_number(MAX_ABS_YEAR, 12, 31) + 1) * SECONDS_PER_DAY - 1
