"""The English date grammar: dates as reporters and historians write them.

A phrase is read in two steps. The grammar below turns its tokens into a
*reading* (a calendar date with what it gives of year, month and day, or a
rule of :mod:`chronology.relative`); the reading becomes a rule, which the
caller resolves against an anchor when it needs one. Words come from a
:class:`~chronology.notation.words.WordTable` by category, so the rules say
"a month, then a year", never "January|February|...".

The rules compose: a hedge ("c.", "about") or a third ("early", "mid",
"late") applies to any period, a terminus ("before", "by", "after") to any
date, and a range joins any two dates ("between 1434 and 1444", "from March
to May 1665", "3-5 October"). Every form and its reading is listed in
``docs/reference/dates.md``.
"""

from __future__ import annotations

import difflib
import functools
import itertools
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Final, Literal

import attrs

from chronology import _calendar
from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import (
    DateValue,
    Endpoint,
    Precision,
    Qualifier,
    UncertainDate,
    exact_day,
    unwritten,
    with_wording,
)
from chronology.errors import DateParseError
from chronology.notation._grammar import (
    SKIP,
    Category,
    Mark,
    Named,
    Number,
    Parser,
    RefusalError,
    Rule,
    Tokens,
    Word,
    optional,
    tokenize,
)
from chronology.notation.words import ENGLISH, WordTable
from chronology.relative import OneOf, RelativeDate
from chronology.rules import (
    Between,
    Fixed,
    FromAnchor,
    Hedge,
    Hours,
    Lasting,
    Leading,
    Modified,
    MonthPart,
    MonthRule,
    NamedPeriod,
    Offset,
    OnWeekday,
    PartOf,
    SeasonRule,
    Shift,
    Terminus,
    Unit,
    WeekdayRule,
    WeekOf,
)
from chronology.rules import Rule as DateRule

__all__ = ["EXPECTED_ENGLISH", "day_and_month", "read_english"]

#: Where every form is listed; refusals point there.
REFERENCE: Final = "run 'chronology forms' to list the forms read"
EXPECTED_ENGLISH: Final = (
    "expected ISO 8601/EDTF (2024-10-18, 2024-06~, 2024-10-07/2024-10-13) or English such as "
    "'June 2024', 'c. 1400', 'the 1450s', 'before 23 August 1456', 'Friday'; " + REFERENCE
)


_Refused = RefusalError  # a reading that the grammar found but that names no date ("30 February 2024")

# -- readings: what the grammar builds ------------------------------------------------------


@attrs.frozen
class Calendar:
    """A date as written: what it gives of year, month and day, and the weekday it says it falls on."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    calendar: str | None = None  # "julian" or "gregorian" where the date says so ("(O.S.)"); else the reading's
    double: bool = False  # the year was written double ("10 February 1665/6"): the year is the second

    def completed(self, other: Calendar) -> Calendar:
        """The date with the month and year it leaves out taken from ``other`` ("3" of "3-5 October 2024")."""
        month = self.month if self.month is not None or self.day is None else other.month
        year = self.year if self.year is not None or month is None else other.year
        return attrs.evolve(self, month=month, year=year, calendar=self.calendar or other.calendar)

    @property
    def julian(self) -> bool:
        """Whether the date is of the Julian calendar: said so, or the reading's calendar when it says nothing."""
        return (self.calendar or _CALENDAR.get()) == "julian"

    def rule(self) -> DateRule:
        """The rule this date names: a fixed date when it gives its year, else read from the anchor."""
        if self.month is None:
            if self.year is None:
                raise _Refused("a day of the month needs its month ('3 October')")
            if self.double:  # an Old Style year: 25 March to the 24 March after
                first, last = self._day_number(self.year - 1, 3, 25), self._day_number(self.year, 3, 24)
                return Fixed(_days_value(first, last, Precision.YEAR))
            if self.julian:
                first, last = self._day_number(self.year, 1, 1), self._day_number(self.year, 12, 31)
                return Fixed(_days_value(first, last, Precision.YEAR))
            return Fixed(_year_value(self.year, self.year, Precision.YEAR))
        if self.day is not None and not 1 <= self.day <= _LONGEST_MONTH[self.month]:
            raise _Refused(f"day {self.day} does not exist in {_MONTH_NAMES[self.month - 1]}{self._nearest_day()}")
        if self.year is None:
            if self.calendar == "julian":
                raise _Refused("an Old Style (Julian) date is converted with its year; give the year")
            # read from the anchor in the reading's calendar, unless the date says "(N.S.)"
            rule: DateRule = MonthRule(self.month, None, self.day, calendar="julian" if self.julian else "gregorian")
            return rule if self.weekday is None else Modified(rule, OnWeekday(self.weekday))
        if self.double and (self.month, self.day or 1) > (3, 24):
            raise _Refused(
                "a double year ('1665/6') is written for 1 January to 24 March only, the days that Old Style "
                "counted in the earlier year"
            )
        length = self._days_in_month(self.year, self.month)
        if self.day is None:
            first = self._day_number(self.year, self.month, 1)
            return Fixed(_days_value(first, first + length - 1, Precision.MONTH))
        if self.day > length:
            style = " (Julian)" if self.julian else ""
            raise _Refused(
                f"day {self.day} does not exist in {_MONTH_NAMES[self.month - 1]} {_year_words(self.year)}{style}"
                f"{self._nearest_day()}"
            )
        number = self._day_number(self.year, self.month, self.day)
        if self.weekday is not None and (number - 1) % 7 != self.weekday:
            written = f"{self.day} {_MONTH_NAMES[self.month - 1]} {_year_words(self.year)}"
            actual = _WEEKDAY_NAMES[(number - 1) % 7]
            raise _Refused(f"{written} is a {actual}, not a {_WEEKDAY_NAMES[self.weekday]}{self._other_style(written)}")
        return Fixed(exact_day(number * SECONDS_PER_DAY))  # its EDTF written when first read

    def _other_style(self, written: str) -> str:
        """For a refused weekday: where the day is that weekday in the other calendar of the years both were kept.

        A record of 1582-1752 may be in either (Britain kept the Julian calendar to 1752): "Sunday 2 September
        1666" is a Sunday in the Julian calendar, the one its writer kept. Empty where the date names its calendar.
        """
        if self.calendar is not None or self.weekday is None or self.year is None or self.month is None:
            return ""
        assert self.day is not None
        if self.julian:  # a Julian reading: the Gregorian day, for a record of the years it was kept in
            if self.year < _GREGORIAN_FROM or self.day > _calendar.days_in_month(self.year, self.month):
                return ""
            other, style, mark = _calendar.day_number(self.year, self.month, self.day), "Gregorian", "N.S."
            setting = 'calendar = "gregorian"'
        else:
            if self.year > _JULIAN_UNTIL or self.day > _calendar.julian_days_in_month(self.year, self.month):
                return ""
            other, style, mark = _calendar.julian_day_number(self.year, self.month, self.day), "Julian", "O.S."
            setting = 'calendar = "julian"'
        if (other - 1) % 7 != self.weekday:
            return ""
        weekday = _WEEKDAY_NAMES[self.weekday]
        old = "Old" if mark == "O.S." else "New"
        return (
            f"; in the {style} calendar ({old} Style) it is a {weekday}: write '{weekday} {written} ({mark})' or set "
            f"{setting} in the file's [reading] (calendar={setting.split(' = ')[1]} in parse)"
        )

    def _nearest_day(self, first: int | None = None, *, between: bool = False) -> str:
        """The date's nearest day that exists, for a refusal: "; did you mean '30 April 2019'?" for 31 April 2019.

        With ``first``, the date ends a range of days of its month that starts on that day: "29-30 November
        2024" for "29-31 November 2024", "between 29 and 30 November 2024" for one day of it (``between``).
        """
        if self.month is None or self.day is None or self.double:
            return ""
        last = _LONGEST_MONTH[self.month] if self.year is None else self._days_in_month(self.year, self.month)
        year = "" if self.year is None else f" {_year_words(self.year)}"
        style = " (O.S.)" if self.calendar == "julian" else ""  # said with the date: said with the nearest too
        days = str(min(max(self.day, 1), last))
        if first is not None and 1 <= first < int(days):
            days = f"between {first} and {days}" if between else f"{first}-{days}"
        return f"; did you mean '{days} {_MONTH_NAMES[self.month - 1]}{year}{style}'?"

    def past_month_end(self) -> bool:
        """Whether the day is after its month's last (a refusal with a nearest day to suggest)."""
        if self.month is None or self.day is None or self.double:
            return False
        last = _LONGEST_MONTH[self.month] if self.year is None else self._days_in_month(self.year, self.month)
        return self.day > last

    def _day_number(self, year: int, month: int, day: int) -> int:
        if self.julian:
            return _calendar.julian_day_number(year, month, day)
        return _calendar.day_number(year, month, day)

    def _days_in_month(self, year: int, month: int) -> int:
        if self.julian:
            return _calendar.julian_days_in_month(year, month)
        return _calendar.days_in_month(year, month)


#: The calendar dates in words are read in when they do not say ("julian" from a file's [reading]).
_CALENDAR: Final[ContextVar[str]] = ContextVar("calendar", default="gregorian")


def _reading_calendar() -> Literal["gregorian", "julian"]:
    """The calendar of the reading, for rules read from the anchor whose phrase names none ("last month")."""
    return "julian" if _CALENDAR.get() == "julian" else "gregorian"


def _named_period(name: str) -> NamedPeriod:
    """A period named around the anchor ("last month", "today"): its months and years of the reading's calendar."""
    return NamedPeriod(name, _reading_calendar())


_MONTH_NAMES: Final = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December"]  # fmt: skip
_WEEKDAY_NAMES: Final = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: The years a record may be in either calendar: the Gregorian from its first year, the Julian until Britain's last.
_GREGORIAN_FROM: Final = 1583
_JULIAN_UNTIL: Final = 1752
_LONGEST_MONTH: Final = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _year_words(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def _year_value(first: int, last: int, precision: Precision, calendar: str | None = None) -> UncertainDate:
    """Whole years ``first`` to ``last`` (astronomical), one date somewhere in them (Julian years if so read).

    ``calendar`` is the one the phrase names ("the 1660s (O.S.)"), or None for the reading's.
    """
    lo = _day_number(first, 1, 1, calendar)
    hi = _day_number(last, 12, 31, calendar)
    return _days_value(lo, hi, precision)


def _days_value(first: int, last: int, precision: Precision) -> UncertainDate:
    """``UncertainDate.from_days(first, last, precision)``, its EDTF written when first read (often never).

    A phrase's value is built again with the phrase's wording (see :func:`chronology.dates.with_wording`), and the
    values of dates inside a phrase ("before 1456", "the early 1470s") only lend their bounds.
    """
    return unwritten(first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1, precision, Qualifier.NONE)


def _day_number(year: int, month: int, day: int, calendar: str | None = None) -> int:
    """A day of ``calendar`` where the phrase names one, else of the reading's (Gregorian, or Julian if so read)."""
    if (calendar or _CALENDAR.get()) == "julian":
        return _calendar.julian_day_number(year, month, day)
    return _calendar.day_number(year, month, day)


def _fixed(value: UncertainDate, calendar: str | None) -> Fixed:
    """A fixed period, with the calendar its phrase names ("summer 1665 (O.S.)"), for a third of it."""
    named: Literal["gregorian", "julian"] | None = None
    if calendar is not None:
        named = "julian" if calendar == "julian" else "gregorian"
    return Fixed(value, named)


def _rule(reading: Calendar | DateRule) -> DateRule:
    return reading.rule() if isinstance(reading, Calendar) else reading


# -- building readings from matched words ----------------------------------------------------


def _era_year(number: int, sign: int) -> int:
    """An astronomical year: 44 BC is -43, AD 79 is 79."""
    return 1 - number if sign < 0 else number


def _day_date(weekday: int | None, day_month: tuple[int, int], year: tuple[int, bool] | None) -> Calendar:
    """A day of a month, with the weekday a dateline gives and the year, plain or double, where written."""
    day, month = day_month
    if year is None:
        return Calendar(None, month, day, weekday)
    return Calendar(year[0], month, day, weekday, double=year[1])


def day_and_month(first: int, second: int) -> frozenset[tuple[int, int]]:
    """The (day, month) pairs two numbers written before a year may be: read day first, and read month first.

    Day first ("18.10.2024", as Ukrainian, Russian and most European sources write it) and month first
    ("10/18/2024", as US sources do) are each a reading where its month is 1-12; a date in numbers is read
    where there is one ("05.05.2024" is one, both orders agreeing), refused where there are none or two.
    """
    return frozenset((day, month) for day, month in ((first, second), (second, first)) if 1 <= month <= 12)


def _numeric_day(first: int, second: int, year: int) -> Calendar:
    """Read "18.10.2024", "10/18/2024" inside a phrase ("18.10.2024 10:00"): the day, in the reading's calendar.

    Read as :func:`chronology.parse` reads such a date alone (see :func:`day_and_month`): refused where neither
    number is a month, or either could be.
    """
    readings = day_and_month(first, second)
    if not readings:
        raise _Refused(f"neither {first} nor {second} is a month (1-12); write the date in ISO 8601 (YYYY-MM-DD)")
    if len(readings) > 1:
        day_first, month_first = (f"{year:04d}-{m:02d}-{d:02d}" for d, m in ((first, second), (second, first)))
        raise _Refused(
            f"day and month order is ambiguous: {first} and {second} are {day_first} read day first (as Ukrainian, "
            f"Russian and most European sources write it) and {month_first} read month first (as US sources do); "
            f"write ISO 8601: '{day_first}' or '{month_first}'"
        )
    ((day, month),) = readings
    return Calendar(year, month, day)


def _double_year(first: int, second: int) -> int:
    """The year of "1665/6" or "1665/66": the second, checked to follow the first."""
    year = first + 1
    if second != year and second != year % 10 ** len(str(second)):
        raise _Refused(
            f"'{first}/{second}' is not a double year: the second year follows the first ('{first}/{year % 100:02d}')"
        )
    return year


def _not_year_zero(year: int) -> int:
    if year == 0:
        raise _Refused("year 0000 is not written in English; write '1 BCE' (EDTF: 0000)")
    return year


def _decade(number: int, calendar: str | None = None) -> DateRule:
    """The decade of "1450s" (1450-1459); "1400s" is the century 1400-1499, but "2000s" the decade 2000-2009.

    With a calendar named ("the 1660s (O.S.)"), the years are of that calendar, as everywhere below.
    """
    if number % 10:
        raise _Refused(f"'{number}s' is not a decade; a decade's year ends in 0 ('{number // 10 * 10}s')")
    if number % 100 == 0 and number != 2000:
        return _fixed(_year_value(number, number + 99, Precision.CENTURY, calendar), calendar)
    return _fixed(_year_value(number, number + 9, Precision.DECADE, calendar), calendar)


def _span_of_hundreds(ordinal: int, sign: int, size: int, calendar: str | None = None) -> DateRule:
    """The n-th century (size 100) or millennium (size 1000): the 15th century is 1400-1499, as EDTF's 14XX.

    Before the common era the count runs back: the 5th century BCE is 499-400 BCE.
    """
    precision = Precision.CENTURY if size == 100 else Precision.MILLENNIUM
    if ordinal * size > 10_000:
        kind = "century" if size == 100 else "millennium"
        raise _Refused(
            f"the {ordinal}th {kind} lies beyond the years 1-9999 (and 9999 BCE) that words are read in; "
            "write such years in EDTF ('Y18000')"
        )
    if sign < 0:
        first_bce, last_bce = ordinal * size - 1, (ordinal - 1) * size
        first, last = 1 - first_bce, 1 - max(last_bce, 1)
    else:
        first, last = (ordinal - 1) * size, ordinal * size - 1
        first = max(first, 1)
    return _fixed(_year_value(first, last, precision, calendar), calendar)


def _grouping(first_month: int, months: int, precision: Precision, year: int, calendar: str | None = None) -> DateRule:
    first = _day_number(year, first_month, 1, calendar)
    end_year, end_month = divmod(first_month - 1 + months, 12)
    last = _day_number(year + end_year, end_month + 1, 1, calendar) - 1
    return _fixed(_days_value(first, last, precision), calendar)


def _season(season: tuple[int, int], year: int, calendar: str | None = None) -> DateRule:
    return _grouping(season[0], season[1], Precision.SEASON, year, calendar)


def _season_of_years(
    season: tuple[int, int], year: int, next_year: tuple[int, int], calendar: str | None = None
) -> DateRule:
    """Read "Winter 2024-25", "winter of 1849/50", "winter 1849-1850", "winter 1665/6": a season with its two years.

    ``next_year`` is the second year as written, and how many digits it was written with: one ("1665/6", as
    English records write double years), two or four.
    """
    number, digits = next_year
    written = f"{year}-{number:0{digits}d}"
    shortened = (year + 1) % 10**digits
    if number != shortened:
        expected = f"{year}-{shortened:0{digits}d}" if digits < 4 else f"{year}-{year + 1}"
        raise _Refused(f"'{written}' is not two years that follow each other ('{expected}')")
    if season[0] + season[1] <= 13:
        raise _Refused(f"'{written}' names two years; only a winter runs into the next year")
    return _season(season, year, calendar)


def _hemisphere_season(hemisphere: str, season: tuple[int, int], year: int) -> DateRule:
    """A season named with its hemisphere, as EDTF's codes 25-32 write it ("southern summer 2024": 2024-30)."""
    from chronology.notation.edtf import format_year, parse_edtf

    code = {3: 25, 6: 26, 9: 27, 12: 28}[season[0]] + (4 if hemisphere == "south" else 0)
    value = parse_edtf(f"{format_year(year)}-{code}")
    assert isinstance(value, UncertainDate)
    return Fixed(value)


def _quarter(number: int, year: int, calendar: str | None = None) -> DateRule:
    if not 1 <= number <= 4:
        raise _Refused(f"a year has four quarters, not {number}")
    return _grouping(3 * number - 2, 3, Precision.QUARTER, year, calendar)


def _half(number: int, year: int, calendar: str | None = None) -> DateRule:
    if not 1 <= number <= 2:
        raise _Refused(f"a year has two halves, not {number}")
    return _grouping(6 * number - 5, 6, Precision.SEMESTER, year, calendar)


def _half_of_month(number: int, month: Calendar) -> DateRule:
    """Read "the first half of November": days 1-15 of the month; the second half is the 16th to its last day.

    One date in those days, as "between 1 and 15 November" is (and "early November" is one in days 1-10).
    """
    if not 1 <= number <= 2:
        raise _Refused(f"a month has two halves, not {number}")
    if number == 1:
        return _between(attrs.evolve(month, day=1), attrs.evolve(month, day=15))
    return _between(attrs.evolve(month, day=16), _third("late", month))  # (to the late third's end: the last day)


def _third(part: str, reading: Calendar | DateRule) -> DateRule:
    rule = _rule(reading)
    if isinstance(rule, NamedPeriod) and rule.name == "this week":
        # "early this week" is early in the calendar week, not seven days back
        rule = attrs.evolve(rule, name="this calendar week")
    if isinstance(rule, Fixed):
        julian = (
            reading.julian
            if isinstance(reading, Calendar)
            else (rule.calendar or _CALENDAR.get()) == "julian"  # as the period says ("the 1660s (O.S.)"), or read
        )
    else:  # a period read from the anchor ("the end of the year"): cut in the calendar it is read in
        julian = isinstance(rule, NamedPeriod | SeasonRule | MonthRule | FromAnchor) and rule.calendar == "julian"
    return Modified(rule, PartOf(MonthPart(part), "julian" if julian else "gregorian"))


def _part_of_day(reading: Calendar | DateRule, hours: tuple[int, int]) -> DateRule:
    return Modified(_rule(reading), Hours(hours[0] * 3600, hours[1] * 3600))


def _part_of_two_days(hours: tuple[int, int], first: Calendar, second: Calendar) -> DateRule:
    """Read "the night of 10 to 11 March": the part of the first day that runs into the second, the day after."""
    if hours[1] <= 24:
        raise _Refused("only a part of the day that runs past midnight ('the night') is named by two days")
    month = first.month if first.month is not None else second.month
    if first.day is None or second.day is None or month is None or second.month is None:
        raise _Refused("a night is named by two days of a month ('the night of 10 to 11 March')")
    year = first.year
    if year is None and second.year is not None:  # "the night of 31 December to 1 January 2025": 2024's last day
        year = second.year - (month > second.month)
    day = first.day
    first = Calendar(year, month, day, first.weekday, first.calendar or second.calendar)
    # the day after, in the date's calendar (in a leap year where none is written: any day of a month exists in one)
    length = first._days_in_month(2000 if year is None else year, month)
    after = (day + 1, month) if day < length else (1, month % 12 + 1)
    if after != (second.day, second.month):
        raise _Refused(
            f"the night of {day} {_MONTH_NAMES[month - 1]} runs into {after[0]} {_MONTH_NAMES[after[1] - 1]}, "
            f"not {second.day} {_MONTH_NAMES[second.month - 1]}"
        )
    return _part_of_day(first, hours)


def _part_into_day(reading: Calendar | DateRule, hours: tuple[int, int]) -> DateRule:
    """Read "overnight into Thursday", "the night into 3 April": the night that ends on the day's morning.

    The part of the day before that runs past midnight into the day named: Wednesday 18:00 to Thursday 05:59.
    """
    if hours[1] <= 24:
        raise _Refused(
            "only a part of the day that runs past midnight ('the night', 'overnight') runs into the day after; "
            "name its own day ('the evening of 3 April')"
        )
    return Modified(_rule(reading), Hours((hours[0] - 24) * 3600, (hours[1] - 24) * 3600))


def _week_of(side: str, reading: Calendar | DateRule) -> DateRule:
    """Read "the week of 12 February 2024", "the week beginning 12 February": the week a day names (see WeekOf)."""
    if not isinstance(reading, Calendar):  # a day of its own: "the week of Easter 2024"
        return Modified(reading, WeekOf(side))  # type: ignore[arg-type]
    if reading.day is None:
        raise _Refused(
            "a week is named by one of its days ('the week of 12 February 2024') or by its place in its month "
            "('the second week of February 2024')"
        )
    return Modified(reading.rule(), WeekOf(side))  # type: ignore[arg-type]


def _holiday(month_day: tuple[int, int], year: tuple[int, bool] | None) -> Calendar:
    """Read "Christmas 2023", "New Year's Eve": a holiday on a fixed day, as that day ("25 December 2023")."""
    month, day = month_day
    if year is None:
        return Calendar(None, month, day)
    return Calendar(year[0], month, day, double=year[1])


def _easter_holiday(days: int, year: int, calendar: str | None = None) -> DateRule:
    """Read "Easter 2024", "Whitsun 1665": Easter Sunday of the year, moved by ``days``, by convertdate.

    Easter is the Gregorian reckoning's (Western Easter), or in the Julian calendar (a file read in it, or
    "(O.S.)" after the year) the Julian reckoning's, which English records kept until 1752: Easter 1666 was
    15 April Old Style, 25 April in the Gregorian days the model counts in.
    """
    from convertdate import holidays

    if (calendar or _CALENDAR.get()) == "julian":
        if not _JULIAN_EASTER_FROM <= year <= 9999:
            raise _Refused(
                f"Easter {_year_words(year)} is before the Julian reckoning of Easter is read ({_JULIAN_EASTER_FROM}, "
                "when Dionysius Exiguus's tables brought it to the West); give the day instead"
            )
        # the Julian reckoning's Easter, as convertdate gives it: its Gregorian day
        number = _calendar.day_number(*holidays.easter(year, "orthodox")) + days
        return Fixed(_days_value(number, number, Precision.DAY))
    if not _GREGORIAN_FROM <= year <= 9999:
        raise _Refused(
            f"Easter {_year_words(year)} is before the Gregorian reckoning of Easter ({_GREGORIAN_FROM}): for the "
            f"Julian reckoning write 'Easter {_year_words(year)} (O.S.)' (or set calendar = \"julian\"); or give "
            "the day instead"
        )
    number = _calendar.day_number(*holidays.easter(year)) + days
    return Fixed(_days_value(number, number, Precision.DAY))


#: The first year whose Julian Easter is read: Dionysius Exiguus's Easter tables (525) brought the reckoning west.
_JULIAN_EASTER_FROM: Final = 525


def _feast_of_two(feast: tuple[str, tuple[tuple[str, tuple[int, int]], ...]], year: Any) -> DateRule:
    """Refuse "St John's Day": a name of two feasts, naming both and their days."""
    name, feasts = feast
    days = " or ".join(f"{title} ({day} {_MONTH_NAMES[month - 1]})" for title, (month, day) in feasts)
    year_text = "" if year is None else f" {_year_words(year[0])}"
    first_title, (month, day) = feasts[0]
    example = first_title.split(" (")[0]
    raise _Refused(
        f"{name!r} names two feasts, {days}: write the one meant ('{example}{year_text}') or the day "
        f"('{day} {_MONTH_NAMES[month - 1]}{year_text}')"
    )


def _shortly_day(days: tuple[int, int], reading: Calendar | DateRule) -> DateRule:
    """Read "shortly before 2 September 1666": the days a little before (or after) the day, as "days before" reads.

    The day may move with Easter ("shortly before Easter 1666").
    """
    if isinstance(reading, Calendar) and reading.day is None:
        raise _Refused(
            "'shortly before' and 'shortly after' are read with a day ('shortly before 2 September 1666', the ten "
            "days before it); for a month or a year write 'before' or 'after' ('before June 1666') or a part "
            "('late 1665')"
        )
    first, last = days
    return _from_date((min(abs(first), abs(last)), max(abs(first), abs(last))), "day", reading, 1 if first > 0 else -1)


def _easter_without_year(days: int) -> DateRule:
    raise _Refused("Easter moves from year to year: give its year ('Easter 2024', 'Good Friday 1916')")


def _clock(hour: int, minute: int | None, meridiem: str | None) -> Hours:
    """A time of day: "3 a.m." is the hour 03:00-03:59; "14:30" the minute."""
    if meridiem is not None:
        if not 1 <= hour <= 12:
            raise _Refused(f"{hour} {meridiem[0]}.m. is not a time; the hours of a.m. and p.m. are 1-12")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if minute is None:
        return Hours(hour * 3600, hour * 3600 + 3600, Precision.HOUR)
    start = hour * 3600 + minute * 60
    return Hours(start, start + 60, Precision.MINUTE)


def _military(time: int) -> DateRule:
    return _today_at(_military_clock(time, None))


def _military_clock(time: int, utc_offset: int | None) -> Hours:
    """Read "0300", "0100 GMT": the hour and minute written as four digits."""
    hour, minute = divmod(time, 100)
    if minute > 59:
        raise _Refused(f"'{time:04d}' is not a time: the minutes run to 59 ('{hour:02d}59')")
    return attrs.evolve(_clock(hour, minute, None), utc_offset=utc_offset)


def _shortly(within: tuple[int, int], clock: Hours) -> Hours:
    """Read "shortly after midnight": from the time's start to an hour after it (or the hour before it)."""
    return attrs.evolve(clock, start=clock.start + within[0], stop=clock.start + within[1], precision=Precision.HOUR)


@attrs.frozen
class InZone:
    """A reading whose times are a city's wall-clock times ("3 a.m. Kyiv time"): the IANA zone they are in."""

    reading: Any
    zone: str


def _clock_seconds(hour: int, minute: int, second: int) -> Hours:
    start = hour * 3600 + minute * 60 + second
    return Hours(start, start + 1, Precision.SECOND)


def _at(reading: Calendar | DateRule, clock: Hours) -> DateRule:
    return Modified(_rule(reading), clock)


def _today_at(clock: Hours) -> DateRule:
    return Modified(_named_period("today"), clock)


def _noon(time: tuple[int, int]) -> Hours:
    start = time[0] * 3600 + time[1] * 60
    return Hours(start, start + 60, Precision.MINUTE)


def _offset(amount: int | tuple[int, int], unit: str, direction: int) -> DateRule:
    low, high = amount if isinstance(amount, tuple) else (amount, amount)
    return _distance(low, high, unit, direction)


def _distance(low: int, high: int, unit: str, direction: int) -> DateRule:
    """From ``low`` to ``high`` units from the anchor: hours and minutes from its moment, the rest by the calendar."""
    if unit in _CLOCK_UNITS:
        size, precision = _CLOCK_UNITS[unit]
        first, last = sorted((direction * low * size, direction * high * size))
        return Shift(first, last, precision)
    if unit == "fortnight":
        low, high, unit = 14 * low, 14 * high, "day"
    return Offset(low, high, Unit(unit), 1 if direction > 0 else -1)


#: Units counted from the anchor's moment, in seconds, with the precision of what they give.
_CLOCK_UNITS: Final = {"hour": (3600, Precision.HOUR), "minute": (60, Precision.MINUTE)}
#: How many a vague "days", "hours later" is, and how far "within days", "within hours" reaches.
_VAGUE: Final = {"minute": (1, 59), "hour": (1, 23), "day": (1, 10), "week": (1, 10), "month": (1, 10), "year": (1, 10)}
_WITHIN: Final = {"minute": 59, "hour": 23, "day": 10, "week": 3, "month": 5, "year": 4, "fortnight": 2}
#: How far "in the coming weeks" reaches after its anchor: as far as "in recent weeks" looks back (two months,
#: about eight weeks), "in recent months" (six) and "in recent years" (five); days and hours as "within days".
_COMING: Final = {"minute": 59, "hour": 23, "day": 10, "week": 8, "month": 6, "year": 5}


def _from_date(amount: int | tuple[int, int], unit: str, reading: Calendar | DateRule, direction: int) -> DateRule:
    """Read "6 weeks before 23 September 1972": a distance from a date the phrase gives itself.

    The date may move with Easter ("6 weeks before Easter 2024").
    """
    base = _rule(reading)
    if not isinstance(base, Fixed):
        raise _Refused("a distance from a date is read from a date with its year ('6 weeks before 23 September 1972')")
    value = RelativeDate(_offset(amount, unit, direction), "").resolve(base.value)
    assert isinstance(value, UncertainDate)
    return Fixed(value)


def _within(unit: str) -> DateRule:
    """Read "within hours" (of its anchor) as 0-23 hours after; "within days" as 0-10 days after."""
    return _distance(0, _WITHIN[unit], unit, 1)


def _short_year_range(first: int, last: int) -> Lasting:
    """Read "1642-51": the second year written with its last two digits, in the first's century."""
    year = first - first % 100 + last
    if year <= first:
        raise _Refused(f"'{first}-{last:02d}' ends before it starts; write the second year in full")
    return Lasting(Fixed(_year_value(first, first, Precision.YEAR)), Fixed(_year_value(year, year, Precision.YEAR)))


def _past(amount: int | tuple[int, int], unit: str) -> DateRule:
    """Read "in the past 24 hours", "over the last three days": from that far back to the anchor."""
    high = amount[1] if isinstance(amount, tuple) else amount
    if unit in _CLOCK_UNITS:
        return _distance(0, high, unit, -1)
    if unit == "fortnight":
        high, unit = 14 * high, "day"
    return Between(Offset(high, high, Unit(unit), -1), _named_period("today"))


def _vague_offset(unit: str, direction: int) -> DateRule:
    """Read "days before", "hours later" as a few of the unit (1-23 hours, 1-10 days)."""
    if unit == "fortnight":
        raise _Refused("'fortnights' needs a number ('two fortnights ago')")
    return _distance(*_VAGUE[unit], unit, direction)


def _coming(unit: str) -> DateRule:
    """Read "in the coming weeks", "in the days ahead": after the anchor, within as many units as ``_COMING`` says.

    Days and longer count from the day after the anchor (what is still to come is not the report's own day) to
    about that many units on (the unit's tolerance, as in "eight weeks later"); hours and minutes from its moment.
    """
    if unit in _CLOCK_UNITS:
        return _distance(0, _COMING[unit], unit, 1)
    return Between(_named_period("tomorrow"), Offset(_COMING[unit], _COMING[unit], Unit(unit), 1))


def _recent(unit: str) -> DateRule:
    """Read "in recent days", "in recent hours": from as far back as "in the coming days" looks ahead, to the anchor.

    (Weeks, months and years are named periods: "in recent weeks" is the two months before the anchor.)
    """
    if unit in _CLOCK_UNITS:
        return _distance(0, _COMING[unit], unit, -1)
    return Between(Offset(_COMING[unit], _COMING[unit], Unit(unit), -1), _named_period("today"))


def _length_alone(amount: int | tuple[int, int] | None, unit: str) -> DateRule:
    """Refuse "for months", "for three weeks": a length of time says how long, not when."""
    raise _Refused(
        "a length of time says how long, not when: it may end at the report ('has lasted for months'), begin "
        "after it ('could last for months') or lie anywhere before it ('was held for months in 2019'); write "
        "when it began ('since June 2024') or 'in recent months'"
    )


def _month_first(first: Calendar, last: Calendar) -> tuple[Calendar, Calendar]:
    """The two days of "November 25-29, 2024": the last takes its month from the first (the first its year)."""
    return first, attrs.evolve(last, month=first.month)


def _weekday(which: str | None, weekday: int) -> DateRule:
    return WeekdayRule(weekday, "bare" if which is None else which)  # type: ignore[arg-type]


def _month_week(ordinal: int, month: int, year: int | None, calendar: str | None = None) -> DateRule:
    """The n-th week of a month (-1: the last): a row of its Monday-first calendar, in the month's own calendar.

    A Julian month (a Julian reading, or "(O.S.)" after the year) has its Julian days in the rows: the first
    week of September 1666 O.S. is Saturday 1 and Sunday 2 September O.S., 11-12 September (N.S.).
    """
    if calendar == "julian" and year is None:
        raise _Refused("an Old Style (Julian) date is converted with its year; give the year")
    named: Literal["gregorian", "julian"] = "julian" if (calendar or _CALENDAR.get()) == "julian" else "gregorian"
    if ordinal == -1:
        return MonthRule(month, year, week=-1, calendar=named)
    if not 1 <= ordinal <= 5:
        raise _Refused(f"a month has at most five weeks, not {ordinal}")
    return MonthRule(month, year, week=ordinal, calendar=named)


def _relative_season(which: str, season: tuple[int, int]) -> DateRule:
    """A season named around the anchor ("last summer"), of the reading's calendar's months."""
    return SeasonRule(season[0], season[1], Precision.SEASON, which, calendar=_reading_calendar())  # type: ignore[arg-type]


def _all_of(items: list[tuple[Calendar | DateRule, ...]]) -> DateRule:
    """All of several dates, each fixed: read as the EDTF all-of set of their notations (a range as a..b)."""
    return _set_of(items, "{}", "each date of 'each of ...' is a date of its own, with its year ('1667', 'June 1668')")


def _one_of(items: list[tuple[Calendar | DateRule, ...]]) -> DateRule:
    """One of several dates, each fixed: read as the EDTF one-of set of their notations ("2019 or 2020").

    A bare month or day takes the year of the last ("June or July 2024").
    """
    return _set_of(
        items,
        "[]",
        "each date of 'A or B' is a date of its own, with its year ('2019 or 2020'), or a day around the anchor "
        "('Monday or Tuesday')",
    )


def _set_of(items: list[tuple[Calendar | DateRule, ...]], brackets: str, refusal: str) -> DateRule:
    """The EDTF set in ``brackets`` ("{}": all of, "[]": one of) of fixed dates, each a date or a range a..b."""
    from chronology.notation.edtf import parse_edtf

    spelled = []
    last = items[-1][-1]
    for ends in items:
        if brackets == "[]" and len(ends) == 1 and isinstance(ends[0], Calendar) and isinstance(last, Calendar):
            ends = (ends[0].completed(last),)
        rules = _paired(ends[0], ends[1]) if len(ends) == 2 else (_rule(ends[0]),)
        spans = [_set_member(r.value) if isinstance(r, Fixed) else None for r in rules]
        if any(span is None for span in spans):
            raise _Refused(refusal)
        low, high = spans[0], spans[-1]
        assert low is not None
        assert high is not None
        spelled.append(low[0] if low[0] == high[1] else f"{low[0]}..{high[1]}")
    value = parse_edtf(brackets[0] + ", ".join(spelled) + brackets[1])
    assert isinstance(value, UncertainDate)
    return Fixed(value)


def _set_member(value: UncertainDate) -> tuple[str, str] | None:
    """The first and last EDTF of a date as a member of a set, or None for one that cannot be a member.

    A date of its own EDTF ("1665-08") is both; a range of days ("[1665-08-11..1665-09-10]", a Julian month
    read in Gregorian days) is its two ends. An open range or a set is no member.
    """
    edtf = value.edtf
    if not edtf.startswith(("[", "{")):
        return edtf, edtf
    inner = edtf[1:-1]
    first, separator, last = inner.partition("..")
    if edtf[0] != "[" or not separator or not first or not last or "," in inner or ".." in last:
        return None
    return first, last


def _days_at(items: list[tuple[Calendar | DateRule, ...]], first: Hours, last: Hours) -> DateRule:
    """One of several days at one time ("3 a.m. on 10 or 11 March 2025"): the EDTF one-of set of those times.

    The days before the last may leave out what the last gives, as in "10 or 11 March 2025"; each must be a day
    with its year. A time from ``first`` to ``last`` ("between 6 a.m. and 11 a.m. on ...") is a range on each day.
    """
    from chronology.notation.edtf import parse_edtf

    final = items[-1][-1]
    spelled = []
    for ends in items:
        day = ends[0]
        if isinstance(day, Calendar) and isinstance(final, Calendar):
            day = day.completed(final)
        if len(ends) != 1 or not isinstance(day, Calendar) or day.day is None or day.year is None:
            raise _Refused(
                "each day of a time on several days is a day with its month and year ('on 10 or 11 March 2025')"
            )
        rule = _at(day, first) if first == last else _between(_at(day, first), _at(day, last))
        value = RelativeDate(rule, "").resolve(None)
        assert isinstance(value, UncertainDate)
        spelled.append(value.edtf.strip("[]"))
    value = parse_edtf("[" + ", ".join(spelled) + "]")
    assert isinstance(value, UncertainDate)
    return Fixed(value)


def _hedged(reading: Calendar | DateRule, qualifier: Qualifier) -> DateRule:
    """A reading hedged ("c.", "about") or doubted ("?"): a one-of set of times keeps its members, each qualified."""
    rule = _rule(reading)
    if isinstance(rule, Fixed) and rule.value.edtf.startswith("[") and "," in rule.value.edtf:
        members = rule.value.members
        if all(member.has_time and member.qualifier == rule.value.qualifier for member in members):
            from chronology.notation.edtf import parse_edtf

            symbol = (rule.value.qualifier | qualifier).symbol
            spelled = [
                "..".join(f"{end.rstrip('~?%')}{symbol}" for end in member.edtf.strip("[]").split(".."))
                for member in members
            ]
            value = parse_edtf("[" + ", ".join(spelled) + "]")
            assert isinstance(value, UncertainDate)
            return Fixed(value)
    return Modified(rule, Hedge(qualifier))


def _paired(
    start: Calendar | DateRule, end: Calendar | DateRule, *, between: bool = False
) -> tuple[DateRule, DateRule]:
    """Two ends of a range: the first takes what it leaves out from the second, and its year when both lack one.

    ``between``: the range is one day of it ("between 29 and 30 November"), as a refusal's suggestion says.
    """
    if isinstance(start, Calendar) and isinstance(end, Calendar):
        start = start.completed(end)
        same_month = (start.year, start.month) == (end.year, end.month) and start.day is not None
        if same_month and end.past_month_end() and not start.past_month_end():
            # "29-31 November 2024": the range to its month's last day, not that day alone
            month = _MONTH_NAMES[end.month - 1] if end.month is not None else ""
            month += "" if end.year is None else f" {_year_words(end.year)}"
            raise _Refused(f"day {end.day} does not exist in {month}{end._nearest_day(start.day, between=between)}")
    first, last = _rule(start), _rule(end)
    if isinstance(first, MonthRule) and isinstance(last, MonthRule) and first.year is None and last.year is None:
        return Leading(first, last), last
    return first, last


def _lasting(start: Calendar | DateRule, end: Calendar | DateRule) -> Lasting:
    first, last = _paired(start, end)
    if isinstance(first, Fixed) and isinstance(last, Fixed) and last.value.hi < first.value.lo:
        raise _Refused(f"reversed range: {last.value.label} comes before {first.value.label}")
    return Lasting(first, last)


def _hedged_lasting(lasting: Lasting) -> Lasting:
    """Read "c. 1849-1851", "about 3-5 October 2024": a hedge before a range makes both its ends approximate."""
    start, end = lasting.start, lasting.end
    assert not isinstance(start, Endpoint)  # (read from two dates)
    assert not isinstance(end, Endpoint)
    return Lasting(_hedged(start, Qualifier.APPROXIMATE), _hedged(end, Qualifier.APPROXIMATE))


def _between(first: Calendar | DateRule, last: Calendar | DateRule) -> DateRule:
    start, end = _paired(first, last, between=True)
    if isinstance(start, Fixed) and isinstance(end, Fixed) and end.value.hi < start.value.lo:
        raise _Refused(f"reversed range: {end.value.label} comes before {start.value.label}")
    return Between(start, end)


# -- the grammar ------------------------------------------------------------------------


@attrs.frozen
class Grammar:
    """The rules of one language's date phrases, over its word table."""

    words: WordTable
    phrase: Rule
    #: Words the rules name themselves ("between", "of"), beside the table's: known words, for refusals.
    own_words: frozenset[str] = frozenset()
    #: What a refusal says is accepted (the language's examples and where the forms are listed).
    expected: str = EXPECTED_ENGLISH
    #: For finding phrases in running text: words, or phrases as their words joined by spaces, that are a date
    #: only inside a longer phrase (a weekday without its preposition: Russian "среда" is also "environment"; a
    #: holiday's name without its year or a day word: "the Halloween party", "the Good Friday Agreement").
    alone_not: frozenset[str] = frozenset()
    #: Words written with a full stop inside a date ("окт.", "г."): a stop after them ends no sentence.
    dotted: frozenset[str] = frozenset()
    #: Words before a number that make it a count when a word the grammar does not know follows it
    #: ("до 2000 военных", "около 2000 долларов"); a lead ("в 2022 началась") keeps it a year.
    count_leads: frozenset[str] = frozenset()
    #: For finding phrases in running text: whether a day written with a word the grammar nearly knows
    #: ("3 октебря") is kept, unread, with the phrase the reader would make of it.
    finds_misspelt: bool = False
    #: For refusals of phrases whose every word is known: whether two neighbouring words swapped may be
    #: suggested ("c. before 1456": "before c. 1456"), and the words that may be suggested left out ("the").
    rearranges: bool = False
    droppable: frozenset[str] = frozenset()

    @property
    def reference(self) -> str:
        """Where the forms read are listed (the end of :attr:`expected`)."""
        marker = "run 'chronology forms"
        return self.expected[self.expected.rfind(marker) :] if marker in self.expected else REFERENCE

    @property
    def known(self) -> frozenset[str]:
        """Every word a phrase may hold."""
        return self.words.known | self.own_words

    @functools.cached_property
    def parser(self) -> Parser:
        """The phrase rule compiled for reading: once, when a phrase is first read (not on import).

        It gives every reading from a position, of the whole phrase or of its first tokens (as finding
        phrases in running text needs); :attr:`whole` is cheaper where only the whole phrase's are wanted.
        """
        return Parser(self.phrase)

    @functools.cached_property
    def whole(self) -> Parser:
        """The phrase rule compiled for reading whole phrases: once, when a phrase is first read.

        Of its readings, those that end at the end are those :attr:`parser` gives; it builds no value for a
        reading that the token after it shows to be part of none.
        """
        return Parser(self.phrase, whole=True)


def english_grammar(words: WordTable = ENGLISH) -> Grammar:
    """The English date grammar over ``words``."""

    def cat(name: str) -> Rule:
        return Category(words, name)

    own_words: set[str] = set()

    def word(*choices: str) -> Rule:
        own_words.update(w for choice in choices for w in choice.split())
        return Word(choices)

    the = optional(word("the"))
    comma = optional(Mark(","))
    dash = Mark("-")

    # numbers and names
    ordinal_suffixes = frozenset({"st", "nd", "rd", "th", "d"})  # "2d", "3d": as older English writes them
    ordinal = Number(1, 100, ordinal_suffixes, (1, 3)) | cat("ordinal")
    amount = Number(0, 10**30, digits=(1, 31)) | cat("number") | cat("vague_amount")
    day = Number(1, 99, frozenset({"", *ordinal_suffixes}), (1, 2)) | cat("ordinal")  # days past 31: said by rule()
    year_digits = Number(0, 9999, digits=(4, 4)).to(_not_year_zero)
    year = (
        (Number(1, 9999) + cat("era")).to(_era_year)
        | (cat("era") + Number(1, 9999)).to(lambda sign, number: _era_year(number, sign))
        | year_digits
    )
    month, weekday = cat("month"), cat("weekday")
    numeral = Number(0, 99, digits=(1, 2))  # a day or month in figures

    # calendar dates, as far as they go
    calendar = Named("calendar")
    # an English record's double year ("1665/6"): the year is the second, Old Style's year having begun on 25 March
    double_year = (Number(1000, 9999, digits=(4, 4)) + Mark("/") + Number(0, 9999, digits=(1, 4))).to(_double_year)
    # a year, plain or double: (year, whether double)
    any_year = year.to(lambda y: (y, False)) | double_year.to(lambda y: (y, True))
    # a day of a month: "3 October", "the 3rd of October", "October 3"; as (day, month)
    # ("September the 2nd", as older English writes it)
    day_of_month = (the + day + optional(word("of")) + month).to(lambda d, m: (d, m)) | (month + the + day).to(
        lambda m, d: (d, m)
    )
    # a year after a month or a day's name: "June 2024", "June, 2024", "March of 2000", "Christmas of 1914"
    of_year = optional(Mark(",") | word("of")) + any_year
    # "June 2024", "June, 2024", "March of 2000", "February 1665/6", "June"
    month_of_year = (month + of_year).to(lambda m, y: Calendar(y[0], m, double=y[1])) | month.to(
        lambda m: Calendar(None, m)
    )
    plain = (
        # "Tuesday 12 March 2024", "Oct. 3, 2024", "10 February 1665/6", "the 3rd of October"
        (optional(weekday + comma, None) + day_of_month + optional(comma + any_year, None)).to(_day_date)
        | month_of_year
        # a holiday on a fixed day: "Christmas 2023", "New Year's Eve", "May Day 2024"
        | (cat("holiday") + optional(of_year, None)).to(_holiday)
        # a name of two feasts, refused naming both: "St John's Day"
        | (cat("feast_of_two") + optional(of_year, None)).to(_feast_of_two)
        | (optional(word("the year")) + any_year).to(lambda y: Calendar(y[0], double=y[1]))
        # ISO dates inside words: "before 2024-10-18", "c. 2024-06"
        | (
            Number(1, 9999, digits=(4, 4)) + dash + Number(1, 12, digits=(2, 2)) + dash + Number(1, 31, digits=(2, 2))
        ).to(lambda y, m, d: Calendar(y, m, d))
        | (Number(1, 9999, digits=(4, 4)) + dash + Number(1, 12, digits=(2, 2))).to(lambda y, m: Calendar(y, m))
        # a day, month and year in numbers, in the order only one reading allows: "18.10.2024 10:00", "10/18/2024"
        | (numeral + Mark(".") + numeral + Mark(".") + Number(1, 9999, digits=(4, 4))).to(_numeric_day)
        | (numeral + Mark("/") + numeral + Mark("/") + Number(1, 9999, digits=(4, 4))).to(_numeric_day)
    )
    # the calendar it is written in: "5 September 1666 (O.S.)", "1 March 1700 Julian"
    style = optional(Mark("(")) + cat("calendar") + optional(Mark(")"))
    calendar.define((plain + style).to(lambda date, name: attrs.evolve(date, calendar=name)) | plain)
    # the first of two dates may leave out what the second gives ("3-5 October", "June-August 2024")
    partial = calendar | day.to(lambda d: Calendar(None, None, d))

    # periods
    # a period with its year takes the calendar mark as a date does: "the 1660s (O.S.)", "summer 1665 (O.S.)"
    marked = optional(style, None)
    decade = (the + Number(100, 9990, frozenset({"s"}), (3, 4)) + marked).to(_decade)
    century = (the + ordinal + optional(dash) + cat("century") + optional(cat("era"), 1) + marked).to(
        lambda n, _, sign, name: _span_of_hundreds(n, sign, 100, name)
    )
    millennium = (the + ordinal + cat("millennium") + optional(cat("era"), 1) + marked).to(
        lambda n, _, sign, name: _span_of_hundreds(n, sign, 1000, name)
    )
    season = (
        (
            the
            + cat("season")
            + optional(word("of"))
            + year
            + (dash | Mark("/"))
            # the second year in one digit ("winter 1665/6", as double years are written), two or four
            + (
                Number(0, 9, digits=(1, 1)).to(lambda n: (n, 1))
                | Number(0, 99, digits=(2, 2)).to(lambda n: (n, 2))
                | Number(1000, 9999, digits=(4, 4)).to(lambda n: (n, 4))
            )
            + marked
        ).to(_season_of_years)
        | (the + cat("season") + optional(word("of")) + year + marked).to(_season)
        | (the + cat("hemisphere") + cat("season") + optional(word("of")) + year).to(_hemisphere_season)
        | (cat("which") + cat("season")).to(_relative_season)
        | (the + cat("season")).to(lambda s: _relative_season("bare", s))
    )
    quarter = (
        (cat("quarter_name") + year + marked).to(_quarter)
        | (the + ordinal + word("quarter") + word("of") + year + marked).to(_quarter)
        | (cat("half_name") + year + marked).to(_half)
        | (the + ordinal + word("half") + word("of") + year + marked).to(_half)
        # halves of a month: "the first half of November" (days 1-15), "the second half of November 2024" (16-end)
        | (
            the
            + ordinal
            + word("half")
            + word("of")
            + ((month_of_year + style).to(lambda date, name: attrs.evolve(date, calendar=name)) | month_of_year)
        ).to(_half_of_month)
    )
    month_week = (the + ordinal + word("week") + word("of") + month + optional(comma + year, None) + marked).to(
        _month_week
    ) | (the + word("last") + word("week") + word("of") + month + optional(comma + year, None) + marked).to(
        lambda m, y, name: _month_week(-1, m, y, name)
    )
    weekday_phrase = (optional(cat("which_weekday"), None) + weekday).to(_weekday)
    named = cat("named_period").to(_named_period)
    part_hours = {" ".join(phrase): hours for phrase, hours in words.categories["part_of_day"].items()}
    day_and_part = cat("day_and_part").to(lambda pair: _part_of_day(_named_period(pair[0]), part_hours[pair[1]]))

    # a holiday that moves with Easter, with its year: "Easter 2024", "Whitsun 1665 (O.S.)", "Easter of 1666"
    easter = (cat("easter_holiday") + optional(Mark(",") | word("of")) + year + optional(style, None)).to(
        _easter_holiday
    )
    # a date of the calendar, or a day that moves with Easter: whatever a day is read from, either is
    calendar_date = calendar | easter
    # a week named by one of its days: "the week of 12 February 2024", "the week beginning 12 February"
    week_of = (the + cat("week_of") + calendar_date).to(_week_of)
    period = Named("period")
    period.define(
        (month_week | week_of | calendar_date | decade | century | millennium)
        | (season | quarter | weekday_phrase | named | cat("easter_holiday").to(_easter_without_year))
    )
    third = (
        (the + cat("part") + optional(dash) + period).to(_third)
        # "the later 1660s", "the earlier seventeenth century": as "the late 1660s"
        | (the + cat("comparative_part") + (decade | century | millennium)).to(_third)
        # the anchor's own year, month, week or day: "the end of the year", "early in the week", "by year-end"
        | (the + cat("part") + cat("the_period")).to(lambda part, name: _third(part, _named_period(name)))
        | (the + cat("period_end")).to(lambda pair: _third(pair[0], _named_period(pair[1])))
        # "the last days of March 2024": the late third, as "late March 2024"
        | (
            the
            + cat("days_of")
            + ((month_of_year + style).to(lambda date, name: attrs.evolve(date, calendar=name)) | month_of_year)
        ).to(_third)
    )

    # times of day
    meridiem = cat("meridiem")
    clock = (
        (Number(1, 12) + optional(Mark(":") + Number(0, 59, digits=(2, 2)), None) + meridiem).to(_clock)
        | _suffixed_clock()
        | (Number(1, 12) + Mark(":") + Number(0, 59, frozenset({"am"}), (2, 2))).to(lambda h, m: _clock(h, m, "am"))
        | (Number(1, 12) + Mark(":") + Number(0, 59, frozenset({"pm"}), (2, 2))).to(lambda h, m: _clock(h, m, "pm"))
        | (Number(0, 23, digits=(1, 2)) + Mark(":") + Number(0, 59, digits=(2, 2))).to(lambda h, m: _clock(h, m, None))
        | (
            Number(0, 23, digits=(1, 2))
            + Mark(":")
            + Number(0, 59, digits=(2, 2))
            + Mark(":")
            + Number(0, 59, digits=(2, 2))
        ).to(_clock_seconds)
        | cat("noon").to(_noon)
        # "12 noon", "12 midnight": the hour, as "12 p.m." and "12 a.m." are
        | (Number(12, 12) + cat("twelve_named")).to(lambda _, hour: _clock(hour, None, None))
    )
    # "shortly after midnight", "just before 3 p.m.": the hour after (or before) the time's start
    clock = (cat("shortly") + clock).to(_shortly) | clock
    sign = Mark("+").to(lambda: 1) | Mark("-").to(lambda: -1)
    offset = (sign + Number(0, 23, digits=(2, 2)) + Mark(":") + Number(0, 59, digits=(2, 2))).to(
        lambda direction, hours, minutes: direction * (hours * 3600 + minutes * 60)
    )
    zone = (cat("utc") + optional(offset, 0)).to(lambda utc, seconds: utc + seconds)
    bare_clock = clock
    clock = (
        (clock + zone).to(lambda time, seconds: attrs.evolve(time, utc_offset=seconds))
        | (clock + optional(cat("local_time").to(lambda _: SKIP)))
        # "0100 GMT": four digits are a clock time where a zone follows them, as wire copy writes it
        | (Number(0, 2359, digits=(4, 4)) + zone).to(lambda time, seconds: _military_clock(time, seconds))
    )
    day_reading = calendar_date | weekday_phrase | named
    # "the night of 10 to 11 March", "the night of 10-11 March 2024": one night, named by both its days (read
    # before "from ... to ...": "the night of 31 December to 1 January 2025" is one night, not a span)
    two_days_part = (the + cat("part_of_day") + word("of") + partial + (dash | word("to", "into")) + calendar).to(
        _part_of_two_days
    )
    timed = (
        (day_reading + comma + optional(word("at")) + clock).to(_at)
        # "2 April 2024, around 11pm", "Friday at about 3 a.m.": read as "around 11pm on 2 April 2024"
        | (day_reading + comma + optional(word("at")) + cat("hedge") + clock).to(
            lambda d, _, c: _hedged(_at(d, c), Qualifier.APPROXIMATE)
        )
        | (clock + comma + optional(word("on")) + day_reading).to(lambda c, d: _at(d, c))
        | (weekday_phrase + cat("part_of_day")).to(lambda d, p: _part_of_day(d, p))
        | (named + cat("part_of_day")).to(lambda d, p: _part_of_day(d, p))
        # "Monday at dawn", "3 October 2024 in the morning"
        | (day_reading + comma + word("at", "in the") + cat("part_of_day")).to(lambda d, p: _part_of_day(d, p))
        | (the + cat("part_of_day") + word("of", "on") + day_reading).to(lambda p, d: _part_of_day(d, p))
        | two_days_part
        # "overnight Sunday", "overnight on Sunday": the part of the day written before its day
        | (cat("part_before_day") + optional(word("on")) + day_reading).to(
            lambda name, d: _part_of_day(d, part_hours[name])
        )
        # "overnight into Thursday", "the night into Thursday": the night that ends on Thursday's morning
        | (cat("part_before_day") + word("into") + day_reading).to(lambda name, d: _part_into_day(d, part_hours[name]))
        | (the + cat("part_of_day") + word("into") + day_reading).to(lambda p, d: _part_into_day(d, p))
        | (the + cat("part_of_day")).to(lambda p: _part_of_day(_named_period("today"), p))
        | day_and_part
        | clock.to(_today_at)
    )
    # "early Tuesday morning", "late Wednesday night": a third of a part of a day
    third = third | (the + cat("part") + timed).to(_third)  # "the early morning"

    # distances from the anchor
    distance = (
        (amount + cat("unit") + cat("ago")).to(_offset)
        | (word("in") + amount + cat("unit")).to(lambda a, u: _offset(a, u, 1))  # "in 3 days": from now
        # from a date of its own: "6 weeks before 23 September 1972"
        | (amount + cat("unit") + word("before") + calendar_date).to(lambda a, u, c: _from_date(a, u, c, -1))
        | (amount + cat("unit") + word("after") + calendar_date).to(lambda a, u, c: _from_date(a, u, c, 1))
        # "shortly before 2 September 1666": the days before it, as "days before" reads
        | (cat("shortly_days") + calendar_date).to(_shortly_day)
        | (
            word("in the past", "over the past", "in the last", "over the last", "within the past", "within the last")
            + amount
            + cat("unit")
        ).to(_past)
        | (cat("plural_unit") + cat("ago")).to(_vague_offset)
        | cat("recent_units").to(_recent)  # "in recent days"
        | (word("within") + cat("unit")).to(_within)
        # what is still to come: "in the coming weeks", "over the coming days", "in the weeks ahead"
        | (optional(word("over", "within")) + word("the coming") + cat("plural_unit")).to(_coming)
        | (optional(word("over", "within")) + word("the") + cat("plural_unit") + word("ahead", "to come")).to(_coming)
    )

    single = Named("single")
    hedged = (cat("hedge") + single).to(lambda _, reading: _hedged(reading, Qualifier.APPROXIMATE))
    # a trailing "?" doubts the date (EDTF "?")
    dated = ((hedged | single) + Mark("?")).to(lambda reading: _hedged(reading, Qualifier.UNCERTAIN)) | hedged | single
    # a range of days written month first: the last day leaves out its month, and gives the year of both
    # ("Nov. 25-29", "November 25-29, 2024", "between Oct. 23 and 25", "from Nov 25 to 29")
    month_day = (month + day).to(lambda m, d: Calendar(None, m, d))
    last_day = (day + optional(comma + any_year, None)).to(
        lambda d, y: Calendar(None, None, d) if y is None else Calendar(y[0], None, d, double=y[1])
    )
    # one date somewhere in a range; the first end may leave out what the second gives
    between = (
        (word("between") + clock + word("and") + clock + word("on") + day_reading).to(
            lambda first, last, day: _between(_at(day, first), _at(day, last))
        )
        # the offset named once, after the day: "between 12 midnight and 7 a.m. on 11 March 2024 UTC+02:00"
        | (word("between") + bare_clock + word("and") + bare_clock + word("on") + day_reading + zone).to(
            lambda first, last, day, seconds: _between(
                _at(day, attrs.evolve(first, utc_offset=seconds)), _at(day, attrs.evolve(last, utc_offset=seconds))
            )
        )
        | (word("between") + (partial | dated) + word("and") + dated).to(_between)
        | (word("between") + month_day + word("and") + last_day).to(lambda f, la: _between(*_month_first(f, la)))
    )
    # one of several days at one time, as labels write such a one-of set: "3 a.m. on 10 or 11 March 2025",
    # "between 6 a.m. and 11 a.m. on 10 or 11 March 2025" (EDTF [2025-03-10T03, 2025-03-11T03])
    choices = Named("choices")
    days_at = (optional(word("at")) + clock + word("on") + choices).to(
        lambda time, days: _days_at(days, time, time)
    ) | (word("between") + clock + word("and") + clock + word("on") + choices).to(
        lambda first, last, days: _days_at(days, first, last)
    )
    single.define(timed | third | period | distance | days_at | between)
    terminus = (cat("terminus") + dated).to(lambda side, reading: Modified(_rule(reading), Terminus(side)))
    two_ended = (
        (word("from") + (partial | dated) + word("to", "until", "till", "through", "through to") + dated).to(_lasting)
        | ((partial | dated) + word("to", "until", "till", "through") + dated).to(_lasting)  # "1642 to 1651"
        | (optional(word("from")) + partial + dash + dated).to(_lasting)
        | (
            optional(word("from"))
            + month_day
            + (dash | word("to", "until", "till", "through", "through to"))
            + last_day
        ).to(lambda first, last: _lasting(*_month_first(first, last)))
        | (Number(1000, 9999, digits=(4, 4)) + dash + Number(0, 99, digits=(2, 2))).to(_short_year_range)
    )
    lasting = (
        two_ended
        | (cat("hedge") + two_ended).to(lambda _, reading: _hedged_lasting(reading))  # "c. 1849-1851"
        | (word("since") + dated).to(lambda reading: Lasting(_rule(reading), Endpoint.OPEN))
        | (word("until", "till") + dated).to(lambda reading: Lasting(Endpoint.UNKNOWN, _rule(reading)))
        | (word("from") + dated + Mark("(") + _ends(word) + Mark(")")).to(
            lambda reading, end: Lasting(_rule(reading), end)
        )
        | (word("until") + dated + Mark("(") + _starts(word) + Mark(")")).to(
            lambda reading, start: Lasting(start, _rule(reading))
        )
    )
    # all of several dates: "each of 1667, 1668 and 1670 to 1672" (EDTF {1667, 1668, 1670..1672})
    item = (partial + word("to") + dated).to(lambda first, last: (first, last)) | dated.to(lambda one: (one,))
    items = Named("items")
    items.define(
        (item + Mark(",") + items).to(lambda first, rest: [first, *rest])
        | (item + optional(Mark(",")) + word("and") + item).to(lambda first, last: [first, last])
    )
    each = (word("each of", "all of") + items).to(_all_of)
    # one of several dates: "2019 or 2020", "in 2019, 2021 or 2023" (EDTF one-of [2019, 2020])
    # (a date but the last may leave out what the last gives: "3 or 4 October 2024", "June or July 2024")
    choice = (partial + word("to") + dated).to(lambda first, last: (first, last)) | (partial | dated).to(
        lambda one: (one,)
    )
    choices.define(
        (choice + Mark(",") + choices).to(lambda first, rest: [first, *rest])
        | (choice + optional(Mark(",")) + word("or") + item).to(lambda first, last: [first, last])
    )
    # one of several days around the anchor: "Monday or Tuesday", "late Monday or early Tuesday", "yesterday or
    # today" (read from the anchor: the EDTF one-of set of the days read, [2024-10-14, 2024-10-15])
    around = weekday_phrase | named
    day_around = (
        (cat("part") + optional(dash) + around).to(_third)  # "late Monday", "late on Monday"
        | (cat("part") + (around + cat("part_of_day")).to(_part_of_day)).to(_third)  # "early Tuesday morning"
        | (around + cat("part_of_day")).to(_part_of_day)  # "Sunday night"
        | around
    )
    days_around = Named("days_around")
    days_around.define(
        (day_around + Mark(",") + days_around).to(lambda first, rest: [first, *rest])
        | (day_around + optional(Mark(",")) + word("or") + optional(word("on")) + day_around).to(
            lambda first, last: [first, last]
        )
    )
    one_of_around = (optional(word("either")) + days_around).to(OneOf)
    one_of = (optional(word("either", "one of")) + choices).to(_one_of) | one_of_around
    # "at 1430", "at 0300": after "at", four digits are the clock (as militaries and newsrooms write it), not a year
    military = (word("at") + Number(0, 2359, digits=(4, 4))).to(_military)
    # a length alone ("for months", "for three weeks") is no date: refused, saying why
    length = (word("for") + optional(amount, None) + cat("unit")).to(_length_alone)
    body = optional(cat("lead").to(lambda _: SKIP)) + (two_days_part | lasting | terminus | each | one_of | dated)
    # a city's time, after the time or the whole phrase: "at 3 a.m. Kyiv time", "3 a.m. Kyiv time on Monday"
    in_city = (body + cat("city_time")).to(InZone) | (
        optional(word("at")) + clock + cat("city_time") + comma + optional(word("on")) + day_reading
    ).to(lambda time, zone, day: InZone(_at(day, time), zone))
    phrase = military | length | in_city | body
    # (in running text a holiday's name alone is as often a noun or an adjective as a date: the table says which
    # names, "the Christmas market", "the Michaelmas term", "the Good Friday Agreement")
    return Grammar(
        words, phrase, frozenset(own_words), rearranges=True, droppable=_DROPPABLE, alone_not=words.alone_not
    )


#: Words that add nothing to a date's meaning, which a refusal may suggest leaving out ("the Christmas 2023").
_DROPPABLE: Final = frozenset({"the", "of", "on", "at", "in"})


def _suffixed_clock() -> Rule:
    """Read "3pm", "3a.m.": the hour and its a.m. or p.m. written together."""
    return Number(1, 12, frozenset({"am"}), (1, 2)).to(lambda h: _clock(h, None, "am")) | Number(
        1, 12, frozenset({"pm"}), (1, 2)
    ).to(lambda h: _clock(h, None, "pm"))


def _ends(word: Callable[..., Rule]) -> Rule:
    return word("ongoing").to(lambda: Endpoint.OPEN) | (word("end") + word("unknown")).to(lambda: Endpoint.UNKNOWN)


def _starts(word: Callable[..., Rule]) -> Rule:
    return (word("no") + word("start")).to(lambda: Endpoint.OPEN) | (word("start") + word("unknown")).to(
        lambda: Endpoint.UNKNOWN
    )


ENGLISH_GRAMMAR: Final = english_grammar()


# -- reading a phrase -------------------------------------------------------------------------


def read_english(
    text: str, grammar: Grammar = ENGLISH_GRAMMAR, *, calendar: str = "gregorian"
) -> RelativeDate | DateValue:
    """Read an English phrase: a :class:`~chronology.relative.RelativeDate` where it needs an anchor, else its value.

    Args:
        text: the phrase.
        grammar: the language's rules and words.
        calendar: the calendar of dates that do not say theirs: ``"gregorian"``
            or ``"julian"`` (Old Style, converted on reading).

    Raises:
        DateParseError: the phrase is not one this reader knows (naming the
            nearest it does, when a word looks misspelt), or names a date that
            cannot exist ("February 30", "Monday 12 March 2024").

    """
    token = _CALENDAR.set(calendar)
    try:
        return _read(text, grammar)
    finally:
        _CALENDAR.reset(token)


def _read(text: str, grammar: Grammar) -> RelativeDate | DateValue:
    tokens, stuck = tokenize(text, grammar.words)
    if stuck is not None:
        raise DateParseError(text, f"{text[stuck]!r} has no place in a date; {grammar.expected}", position=stuck)
    if not tokens:
        raise DateParseError(text, "empty date; " + grammar.expected, position=0)
    readings = _full_readings(grammar, tokens)
    if not readings:
        raise DateParseError(text, _unknown_reason(text, tokens, grammar), position=_first_unknown(tokens, grammar))
    refusal: _Refused | None = None
    for reading in readings:
        if isinstance(reading, RefusalError):
            refusal = refusal or reading
            continue
        zone = None
        if isinstance(reading, InZone):
            reading, zone = reading.reading, reading.zone
        try:
            rule = reading if isinstance(reading, Lasting) else _rule(reading)
            if rule.__class__ is Fixed and zone is None:  # needs no anchor: its value, in the phrase's words
                return with_wording(rule.value, text)
            relative = RelativeDate(rule, text, zone=zone)
            if not relative.needs_anchor:
                return relative.resolve(None)  # checked at once: "29 February 2023" does not exist
        except _Refused as error:
            refusal = refusal or error
            continue
        except DateParseError as error:
            refusal = refusal or _Refused(error.reason)
            continue
        return relative
    assert refusal is not None
    raise DateParseError(text, str(refusal))


def _full_readings(grammar: Grammar, tokens: Tokens) -> list[Any]:
    """Every reading of the whole phrase, in the grammar's order of preference."""
    found: list[Any] = []
    length = len(tokens)
    refused = False
    for value, end in grammar.whole.match(tokens):
        if end == length:
            for other in found:
                if value is other:
                    break
            else:
                found.append(value)
                refused = refused or isinstance(value, RefusalError)
    if refused:
        found.sort(key=lambda reading: isinstance(reading, RefusalError))  # a refusal only when nothing else reads
    return found


def _first_unknown(tokens: Tokens, grammar: Grammar) -> int:
    """Where the first word the table does not know starts (0 when every word is known)."""
    for index, token in enumerate(tokens):
        if token.kind == "word" and token.text not in grammar.known:
            feast = _moving_feast(tokens, index, grammar)
            if feast is None or not _year_follows(tokens, feast):  # "Easter 2024": date words with the year
                return token.start
    return 0


#: Words the English rules name themselves (not by category).


def _unknown_reason(text: str, tokens: Tokens, grammar: Grammar) -> str:
    """Why nothing reads: a likely misspelling with the phrase it would make, or a pointer to the forms."""
    # (and words that read only with their year, for "Eastr 2024")
    moving = {word for phrase in grammar.words.categories.get("easter_holiday", {}) for word in phrase}
    known = sorted(grammar.known | moving)
    for index, token in enumerate(tokens):
        if token.kind != "word" or token.text in grammar.known:
            continue
        feast = _moving_feast(tokens, index, grammar)
        if feast is not None and _year_follows(tokens, feast):
            continue  # "the week after Easter 2024": the feast's words are date words with its year
        not_read = grammar.words.categories.get("not_read", {}).get((token.text,))
        if not_read is not None:  # "the reign of Charles II": a thing dated, not a date
            rest = " ".join(text[token.start :].split()).rstrip(".,;:")
            return f"{text[token.start : token.end]!r}: {not_read.format(written=rest)}"
        # Misspellings keep their first letter far more often than not ("Febuary", "Jnue", "centry"); a guess
        # that changes it ("soon" -> "noon") is more often a different word.
        same_start = [word for word in known if word[:1] == token.text[:1]]
        close = difflib.get_close_matches(token.text, same_start, n=3, cutoff=0.75)
        # a slip of a key or two ("Febuary", "Jnue"), not another word ("moments" is not "months")
        for guess in [g for g in close if _edits(token.text, g) <= max(1, len(token.text) // 4)]:
            corrected = text[: token.start] + _cased(guess, text[token.start : token.end]) + text[token.end :]
            fixed_tokens, stuck = tokenize(corrected, grammar.words)
            if stuck is None and _full_readings(grammar, fixed_tokens):
                return f"not a date this reader knows; did you mean {corrected!r}? ({grammar.reference})"
        anchored = _anchored_on_event(text, tokens, token, grammar)
        if anchored is not None:
            return anchored
        if token.end < len(text) and tokens[-1] is not token and text[token.end :].split()[:1] == ["time"]:
            return _city_reason(text[token.start : token.end])
        written = text[token.start : token.end]
        if feast is not None:  # "Whit Monday", not followed by a year
            name = " ".join(text[token.start : tokens[feast - 1].end].split())
            return (
                f"{name!r} is not a date word this reader knows without its year: a holiday that moves with "
                f"Easter is read with its year ('{name} 2024'); {grammar.expected}"
            )
        return f"{written!r} is not a date word this reader knows; {grammar.expected}"
    marked = _mark_reason(text, tokens, grammar)
    if marked is not None:
        return marked
    rewritten = _rearranged(text, tokens, grammar)
    if rewritten is not None:
        return f"not a date this reader knows; did you mean {rewritten!r}? ({grammar.reference})"
    return f"not a date this reader knows; {grammar.expected}"


def _mark_reason(text: str, tokens: Tokens, grammar: Grammar) -> str | None:
    """Why a phrase that reads without its calendar mark ("last summer (O.S.)") does not read with it; else None."""
    end = len(tokens) - 1 if tokens[-1].text == ")" else len(tokens)
    for phrase in grammar.words.categories.get("calendar", {}):
        start = end - len(phrase)
        if start >= 1 and tuple(token.text for token in tokens[start:end]) == phrase:
            break
    else:
        return None
    if start >= 2 and tokens[start - 1].text == "(":
        start -= 1
    rest, mark = text[: tokens[start].start].strip(), text[tokens[start].start :].strip()
    if not _reads(rest, grammar):
        return None
    return (
        f"the calendar mark {mark!r} is not read after {rest!r}: it is read after a day, month, year, "
        "season, quarter, half, decade, century or week of a month with its year, whose days it converts "
        "('5 September 1666 (O.S.)', 'summer 1665 (O.S.)', 'the 1660s (O.S.)'); for every "
        'date in words of a file in the Julian calendar, set calendar = "julian" in the file\'s [reading] '
        '(calendar="julian" in parse)'
    )


def _moving_feast(tokens: Tokens, index: int, grammar: Grammar) -> int | None:
    """Where the name of a holiday that moves with Easter, starting at token ``index``, ends (the token after it).

    None where no such name starts there ("Whit Monday": the longest name read).
    """
    if "easter_holiday" not in grammar.words.categories:
        return None  # a language whose table has none
    for phrase, _ in grammar.words.starting("easter_holiday", tokens[index].text):
        end = index + len(phrase)
        if end <= len(tokens) and all(tokens[index + i].text == word for i, word in enumerate(phrase)):
            return end
    return None


def _year_follows(tokens: Tokens, at: int) -> bool:
    """Whether a number follows token ``at`` (after a "," or "of"): a feast's year ("Easter 2024", "Easter of 2024")."""
    while at < len(tokens) and tokens[at].text in (",", "of"):
        at += 1
    return at < len(tokens) and tokens[at].kind == "number"


def _reads(text: str, grammar: Grammar) -> bool:
    """Whether ``text`` reads, as a date or as a relative phrase (a refusal does not count)."""
    tokens, stuck = tokenize(text, grammar.words)
    if stuck is not None:
        return False
    for reading in _full_readings(grammar, tokens):
        if isinstance(reading, RefusalError):
            continue
        if isinstance(reading, InZone):
            reading = reading.reading
        try:
            if not isinstance(reading, Lasting):
                _rule(reading)  # a date that cannot exist is refused here ("30 February 2024")
        except _Refused:
            continue
        return True
    return False


#: Longest phrase (in tokens) that a refusal tries rewritten: each rewriting reads the phrase again.
_REWRITTEN_UP_TO: Final = 12


def _rearranged(text: str, tokens: Tokens, grammar: Grammar) -> str | None:
    """A phrase of known words that does not read, rewritten so that it does: two words swapped, or one left out.

    "c. before 1456" reads as "before c. 1456", "the Christmas 2023" as "Christmas 2023". Only a word of the
    grammar's ``droppable`` ones, or a mark, is left out: a date word left out would change what is said.
    None where no such rewriting reads.
    """
    if not grammar.rearranges or len(tokens) > _REWRITTEN_UP_TO:
        return None
    spans = [(t.start, t.end) for t in tokens]
    droppable = [(t.start, t.end) for t in tokens if t.kind == "mark" or t.text in grammar.droppable]
    for (a_start, a_end), (b_start, b_end) in itertools.pairwise(spans):
        swapped = text[:a_start] + text[b_start:b_end] + text[a_end:b_start] + text[a_start:a_end] + text[b_end:]
        if _reads(swapped, grammar):
            return swapped.strip()
    for start, end in droppable:
        shorter = " ".join((text[:start].rstrip() + " " + text[end:].lstrip()).split())
        if shorter and _reads(shorter, grammar):
            return shorter
    return None


#: Words that join a distance to what it is counted from: "within hours of", "days before", "the day after".
_ANCHOR_WORDS: Final = frozenset({"of", "after", "before", "following", "since"})


def _anchored_on_event(text: str, tokens: Tokens, unknown: Any, grammar: Grammar) -> str | None:
    """Why "within hours of the strike" does not read: a phrase read from an anchor, then an event, not a date.

    The rule: the words before the first unknown one, up to a word that joins a distance to its anchor ("of",
    "after", "before"), read as a phrase that needs an anchor. That phrase is then written with the event as
    its anchor.
    """
    words = [t for t in tokens if t.start < unknown.start]
    for cut in range(len(words), 0, -1):
        if words[cut - 1].text not in _ANCHOR_WORDS:
            continue
        for end in (cut, cut - 1):  # "hours after" reads with its "after"; "within hours" without its "of"
            if end == 0:
                continue
            phrase = text[: words[end - 1].end].strip()
            try:
                reading = _read(phrase, grammar)
            except DateParseError:
                continue
            if isinstance(reading, RelativeDate) and reading.needs_anchor:
                event = text[words[end].start if end < len(words) else unknown.start :].strip()
                event = event[3:] if event.lower().startswith("of ") else event
                return (
                    f"{text[unknown.start : unknown.end]!r} is not a date word this reader knows, and {phrase!r} is "
                    f"read from an anchor: for a time from an event ({event!r}), write {phrase!r} with the event as "
                    f'its anchor (in an event file: when = {phrase!r} and anchor = "<id of {event}>"); '
                    f"{grammar.reference}"
                )
    return None


def _city_reason(city: str) -> str:
    """Why "3 a.m. Kyvi time" does not read: the city names no zone; the nearest cities that do."""
    from chronology.zones import city_zones

    # the cities zones are named for today ("Nuuk"), not their old names kept as links ("Godthab")
    cities = [name for name, zone in city_zones().items() if zone.rpartition("/")[2].replace("_", " ").lower() == name]
    close = difflib.get_close_matches(city.lower(), cities, n=3, cutoff=0.6)
    nearest = f" (nearest: {', '.join(repr(c.title()) for c in close)})" if close else ""
    return (
        f"{city!r} names no zone of the IANA time zone database{nearest}; a city's time is read for the last part "
        "of a zone's name ('Kyiv time': Europe/Kyiv); else name the zone ('3 a.m. Europe/Kyiv') or give the "
        "offset ('3 a.m. UTC+02:00')"
    )


def _edits(a: str, b: str) -> int:
    """Letters to insert, delete, change or swap with a neighbour to turn ``a`` into ``b`` (Damerau-Levenshtein)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _cased(guess: str, written: str) -> str:
    return guess.capitalize() if written[:1].isupper() else guess
