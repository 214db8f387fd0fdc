"""The rules a date phrase is read into: what it means, before it is read from an anchor.

Each rule gives, for one anchor day and a :class:`Tense`, the span of seconds
it names (:data:`Span`), or None where it names none. The base rules name a
weekday, a month (with a day, a third or a week of it), a distance, a named
period around the anchor ("last weekend"), a season, or a date of its own
(:class:`Fixed`); they compose: :class:`Modified` applies a third
(:class:`PartOf`), a part of the day (:class:`Hours`), an open side
(:class:`Terminus`), a hedge (:class:`Hedge`), a dateline's weekday
(:class:`OnWeekday`) or the week of a day (``WeekOf``) to any rule;
:class:`Between` is one date in a range, :class:`Lasting` something that lasts. :mod:`chronology.relative` reads them
from anchors; the English reader makes them.
"""

from __future__ import annotations

import calendar
import datetime
import enum
from collections.abc import Callable
from typing import Final, Literal, TypeAlias

import attrs
import pendulum

from chronology._calendar import OPEN_HI, OPEN_LO, julian_day_number, julian_days_in_month, julian_from_day_number
from chronology.dates import Endpoint, Precision, Qualifier, UncertainDate
from chronology.errors import InvalidDateError

__all__ = [
    "PERIODS",
    "Between",
    "Fixed",
    "Hedge",
    "Hours",
    "Lasting",
    "Leading",
    "Modified",
    "Modifier",
    "MonthPart",
    "MonthRule",
    "NamedPeriod",
    "Offset",
    "OnWeekday",
    "PartOf",
    "Rule",
    "SeasonRule",
    "Shift",
    "Span",
    "Tense",
    "Terminus",
    "Unit",
    "WeekOf",
    "WeekdayRule",
]

Date = pendulum.Date
#: What a rule gives for one anchor day: first second, last second (inclusive, on the model's timeline) and
#: precision; None where the rule names no date.
Span: TypeAlias = tuple[int, int, Precision] | None
_DAY_SECONDS: Final = 86_400


def _days(first: Date, last: Date, precision: Precision) -> Span:
    """The span from the start of day ``first`` to the end of day ``last``."""
    return first.toordinal() * _DAY_SECONDS, last.toordinal() * _DAY_SECONDS + _DAY_SECONDS - 1, precision


def _numbered(first: int, last: int, precision: Precision) -> Span:
    """:func:`_days` of day numbers; None where either lies outside years 1-9999 (where a ``Date`` cannot be)."""
    if first < 1 or last > _LAST_DAY:
        return None
    return first * _DAY_SECONDS, last * _DAY_SECONDS + _DAY_SECONDS - 1, precision


#: The day number of 9999-12-31, the last day a ``Date`` holds.
_LAST_DAY: Final = datetime.date.max.toordinal()
_monthrange = calendar.monthrange
_ordinal = datetime.date.toordinal
_date = datetime.date


class Tense(enum.Enum):
    """Which way an unmarked phrase ("on Tuesday", "in June") points from its anchor."""

    PAST = "past"
    FUTURE = "future"
    EITHER = "either"


class Unit(enum.Enum):
    """Units of "N units ago" and "days before"."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def precision(self) -> Precision:
        """The precision a result in this unit has."""
        return Precision(self.value)


class MonthPart(enum.Enum):
    """Early, mid and late: thirds of a period (days 1-10, 11-20 and 21-end of a month).

    See :class:`~chronology.rules.PartOf`.
    """

    EARLY = "early"
    MID = "mid"
    LATE = "late"


# -- rules ---------------------------------------------------------------------------


@attrs.frozen
class WeekdayRule:
    """A weekday: "Friday" (bare), "last Friday", "next Friday", "this Friday".

    Attributes:
        weekday: 0 (Monday) to 6 (Sunday).
        which: ``"bare"`` follows the tense (on or before the anchor when
            looking back); ``"last"`` is the latest strictly before the anchor,
            ``"next"`` the first strictly after, ``"this"`` the one in the
            anchor's Monday-to-Sunday week.

    """

    weekday: int = attrs.field(validator=attrs.validators.in_(range(7)))
    which: Literal["bare", "last", "next", "this"] = "bare"

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        # on day numbers: a day outside years 1-9999 is None (as the Date it would be cannot be)
        number, weekday = _ordinal(anchor), anchor.weekday()
        back = (weekday - self.weekday) % 7  # days since the latest such weekday
        if self.which == "last":
            day = number - (back or 7)
        elif self.which == "next":
            day = number + ((self.weekday - weekday) % 7 or 7)
        elif self.which == "this":
            day = number - weekday + self.weekday  # its Monday is a day of years 1-9999 (0001-01-01 is a Monday)
        elif tense is Tense.FUTURE:
            day = number + (self.weekday - weekday) % 7
        else:
            day = number - back
        return _numbered(day, day, Precision.DAY)


@attrs.frozen
class MonthRule:
    """A month, maybe with a day, a third ("early October") or a week of it.

    Attributes:
        month: 1-12.
        year: the year when the phrase gives it; otherwise taken from the anchor.
        day: a day of the month ("October 3").
        part: early, mid or late.
        week: the n-th week ("the second week of October"): weeks are the rows
            of a Monday-first calendar of that month, the first being the one
            holding the 1st, each cut to the month's own days; -1 is the last,
            the row holding the month's last day.
        calendar: the calendar the month and day are of: ``"julian"`` for a
            date read in Old Style, whose year is chosen from the anchor's
            Julian date ("Christmas" read from 10 January 1667 (N.S.), 31
            December 1666 O.S., is 25 December 1666 O.S., 4 January 1667).

    """

    month: int = attrs.field(validator=attrs.validators.in_(range(1, 13)))
    year: int | None = None
    day: int | None = None
    part: MonthPart | None = None
    week: int | None = None
    calendar: Literal["gregorian", "julian"] = "gregorian"

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    @property
    def needs_anchor(self) -> bool:
        """Whether the year comes from the anchor."""
        return self.year is None

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        julian = self.calendar == "julian"
        if self.year is not None:
            year = self.year
        else:
            # the anchor's year and month in the rule's calendar (an Old Style month from its Julian date)
            if julian:
                anchor_year, anchor_month, _ = julian_from_day_number(_ordinal(anchor))
            else:
                anchor_year, anchor_month = anchor.year, anchor.month
            if tense is Tense.FUTURE:
                year = anchor_year if self.month >= anchor_month else anchor_year + 1
            else:
                year = anchor_year if self.month <= anchor_month else anchor_year - 1
        if not 1 <= year <= 9999:
            return None
        # on day numbers: ``first`` and ``last`` are the month's first and last days
        if julian:
            first, length = julian_day_number(year, self.month, 1), julian_days_in_month(year, self.month)
            weekday_of_first = (first - 1) % 7  # day 1 (0001-01-01) is a Monday
        else:
            weekday_of_first, length = _monthrange(year, self.month)
            first = _ordinal(_date(year, self.month, 1))
        last = first + length - 1
        if self.day is not None:
            if self.day > length:
                return None
            return _numbered(first + self.day - 1, first + self.day - 1, Precision.DAY)
        if self.part is not None:
            start, stop = _PART_DAYS[self.part]
            return _numbered(first + start - 1, first + min(stop, length) - 1, Precision.DAY)
        if self.week is not None:
            if self.week == -1:  # the last week: the row holding the month's last day
                monday = last - (weekday_of_first + length - 1) % 7
                return _numbered(max(monday, first), last, Precision.WEEK)
            monday = first - weekday_of_first + 7 * (self.week - 1)
            start_day, end_day = max(monday, first), min(monday + 6, last)
            if start_day > last or monday < 1 or monday + 6 > _LAST_DAY:  # (no Date outside years 1-9999)
                return None
            return _numbered(start_day, end_day, Precision.WEEK)
        return _numbered(first, last, Precision.MONTH)


_PART_DAYS: Final = {MonthPart.EARLY: (1, 10), MonthPart.MID: (11, 20), MonthPart.LATE: (21, 31)}


@attrs.frozen
class Offset:
    """A distance from the anchor: "three weeks ago", "days before", "two days after".

    The distance is ``low`` to ``high`` units (equal for "three weeks"). Days
    count exactly; a coarser unit is read as about that far, so the result
    spreads half a unit either side ("three weeks ago" is the week centred on
    21 days before the anchor).

    Attributes:
        low: fewest units.
        high: most units.
        unit: day, week, month or year.
        direction: -1 for "ago" and "before", +1 for "after", "later", "from now".

    """

    low: int = attrs.field(validator=attrs.validators.ge(0))
    high: int = attrs.field()
    unit: Unit
    direction: Literal[-1, 1]

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    @high.validator
    def _check_high(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.low:
            raise InvalidDateError(f"offset of {self.low} to {value} units is reversed")

    @property
    def moves_with_anchor(self) -> bool:
        """Whether the span read from one anchor day is that read from any other, moved by the days between.

        So for days and weeks, which count exactly; not for months and years, which keep to the calendar
        (a month after 31 January is 28 or 29 February). Where it holds, the readings from the first and
        last days of an anchor say what the readings from every day between say.
        """
        return self.unit is Unit.DAY or self.unit is Unit.WEEK

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        near = self._move(anchor, self.low)
        far = self._move(anchor, self.high)
        if near is None or far is None:
            return None
        first, last = (far, near) if self.direction < 0 else (near, far)
        pad = _HALF_UNIT_DAYS[self.unit]
        return _numbered(first - pad, last + pad, self.unit.precision)

    def _move(self, anchor: Date, amount: int) -> int | None:
        """The day number ``amount`` units from the anchor, as ``Date.add`` moves; None outside years 1-9999.

        Months and years move as pendulum does: a day past the new month's end becomes its last day.
        """
        steps = amount * self.direction
        if self.unit is Unit.DAY:
            return _ordinal(anchor) + steps
        if self.unit is Unit.WEEK:
            return _ordinal(anchor) + 7 * steps
        year, month = divmod(
            anchor.year * 12 + anchor.month - 1 + (steps if self.unit is Unit.MONTH else 12 * steps), 12
        )
        if not 1 <= year <= 9999:
            return None
        return _ordinal(_date(year, month + 1, min(anchor.day, _monthrange(year, month + 1)[1])))


_HALF_UNIT_DAYS: Final = {Unit.DAY: 0, Unit.WEEK: 3, Unit.MONTH: 15, Unit.YEAR: 182}


def _this_month(anchor: Date, tense: Tense) -> Span:
    return _days(anchor.start_of("month"), anchor.end_of("month"), Precision.MONTH)


def _earlier_this_month(anchor: Date, tense: Tense) -> Span:
    if anchor.day == 1:
        return None
    return _days(anchor.start_of("month"), anchor.subtract(days=1), Precision.DAY)


def _later_this_month(anchor: Date, tense: Tense) -> Span:
    end = anchor.end_of("month")
    if anchor == end:
        return None
    return _days(anchor.add(days=1), end, Precision.DAY)


def _last_month(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("month").subtract(months=1)
    return _days(first, first.end_of("month"), Precision.MONTH)


def _next_month(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("month").add(months=1)
    return _days(first, first.end_of("month"), Precision.MONTH)


def _this_week(anchor: Date, tense: Tense) -> Span:
    # Seven days ending on the anchor when looking back, starting on it when looking forward:
    # "this week" said on a Sunday about a summit on Monday means the coming days.
    if tense is Tense.FUTURE:
        return _days(anchor, anchor.add(days=6), Precision.WEEK)
    return _days(anchor.subtract(days=6), anchor, Precision.WEEK)


def _past_week(anchor: Date, tense: Tense) -> Span:
    return _days(anchor.subtract(days=7), anchor, Precision.WEEK)


def _last_week(anchor: Date, tense: Tense) -> Span:
    monday = _ordinal(anchor) - anchor.weekday() - 7
    return _numbered(monday, monday + 6, Precision.WEEK)


def _next_week(anchor: Date, tense: Tense) -> Span:
    monday = _ordinal(anchor) - anchor.weekday() + 7  # (the anchor's own Monday lies in years 1-9999)
    return _numbered(monday, monday + 6, Precision.WEEK)


def _recent(months: int, precision: Precision) -> Callable[[Date, Tense], Span]:
    def span(anchor: Date, tense: Tense) -> Span:
        return _days(anchor.subtract(months=months), anchor, precision)

    return span


def _today(anchor: Date, tense: Tense) -> Span:
    return _days(anchor, anchor, Precision.DAY)


def _days_from(days: int) -> Callable[[Date, Tense], Span]:
    """The day ``days`` from the anchor ("yesterday": -1); None outside years 1-9999."""

    def span(anchor: Date, tense: Tense) -> Span:
        day = _ordinal(anchor) + days
        return _numbered(day, day, Precision.DAY)

    return span


_yesterday, _tomorrow, _day_before_yesterday = _days_from(-1), _days_from(1), _days_from(-2)


def _earlier_this_week(anchor: Date, tense: Tense) -> Span:
    if anchor.weekday() == 0:
        return None
    return _days(anchor.subtract(days=anchor.weekday()), anchor.subtract(days=1), Precision.DAY)


def _week_so_far(anchor: Date, tense: Tense) -> Span:
    return _days(anchor.subtract(days=anchor.weekday()), anchor, Precision.DAY)


def _calendar_week(anchor: Date, tense: Tense) -> Span:
    monday = anchor.subtract(days=anchor.weekday())
    return _days(monday, monday.add(days=6), Precision.WEEK)


def _weekend_of(monday: Date) -> Span:
    return _days(monday.add(days=5), monday.add(days=6), Precision.DAY)


def _this_weekend(anchor: Date, tense: Tense) -> Span:
    return _weekend_of(anchor.subtract(days=anchor.weekday()))


def _last_weekend(anchor: Date, tense: Tense) -> Span:
    return _weekend_of(anchor.subtract(days=anchor.weekday() + 7))


def _next_weekend(anchor: Date, tense: Tense) -> Span:
    return _weekend_of(anchor.subtract(days=anchor.weekday()).add(weeks=1))


def _the_weekend(anchor: Date, tense: Tense) -> Span:
    if tense is Tense.FUTURE:  # the first weekend not over by the anchor
        saturday = anchor.add(days=(5 - anchor.weekday()) % 7) if anchor.weekday() != 6 else anchor.subtract(days=1)
        return _days(max(saturday, anchor), saturday.add(days=1), Precision.DAY)
    saturday = anchor.subtract(days=(anchor.weekday() - 5) % 7)  # the latest Saturday on or before the anchor
    return _days(saturday, min(saturday.add(days=1), anchor), Precision.DAY)


def _midweek(anchor: Date, tense: Tense) -> Span:
    """Tuesday to Thursday: of the latest week whose Tuesday is not after the anchor, up to the anchor.

    Looking forward, of the first week whose Thursday is not before the anchor, from the anchor (as "the
    weekend" is read).
    """
    number, weekday = _ordinal(anchor), anchor.weekday()
    if tense is Tense.FUTURE:
        tuesday = number - weekday + 1 + (7 if weekday > 3 else 0)
        return _numbered(max(tuesday, number), tuesday + 2, Precision.DAY)
    tuesday = number - weekday + 1 - (7 if weekday < 1 else 0)
    return _numbered(tuesday, min(tuesday + 2, number), Precision.DAY)


def _this_year(anchor: Date, tense: Tense) -> Span:
    return _days(anchor.start_of("year"), anchor.end_of("year"), Precision.YEAR)


def _earlier_this_year(anchor: Date, tense: Tense) -> Span:
    if (anchor.month, anchor.day) == (1, 1):
        return None
    return _days(anchor.start_of("year"), anchor.subtract(days=1), Precision.DAY)


def _next_year(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("year").add(years=1)
    return _days(first, first.end_of("year"), Precision.YEAR)


def _last_year(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("year").subtract(years=1)
    return _days(first, first.end_of("year"), Precision.YEAR)


#: Named periods, by their normalised English phrase, with the reading of each.
PERIODS: Final[dict[str, tuple[Callable[[Date, Tense], Span], str]]] = {
    "today": (_today, "the anchor's day"),
    "that day": (_today, "the anchor's own day (an event on the day of its anchor)"),
    "the same day": (_today, "the anchor's own day (an event on the day of its anchor)"),
    "yesterday": (_yesterday, "the day before the anchor"),
    "tomorrow": (_tomorrow, "the day after the anchor"),
    "the day before yesterday": (_day_before_yesterday, "two days before the anchor"),
    "this week so far": (_week_so_far, "from the Monday of the anchor's week to the anchor"),
    "this calendar week": (_calendar_week, "the Monday-to-Sunday week of the anchor ('early this week')"),
    "earlier this week": (_earlier_this_week, "from the Monday of the anchor's week to the day before the anchor"),
    "this weekend": (_this_weekend, "the Saturday and Sunday of the anchor's Monday-to-Sunday week"),
    "last weekend": (_last_weekend, "the Saturday and Sunday of the week before the anchor's"),
    "next weekend": (_next_weekend, "the Saturday and Sunday of the week after the anchor's"),
    "the weekend": (
        _the_weekend,
        "the latest Saturday on or before the anchor and the Sunday after it, up to the anchor "
        "(looking forward: the first weekend not over by the anchor)",
    ),
    "midweek": (
        _midweek,
        "Tuesday to Thursday of the latest week whose Tuesday is on or before the anchor, up to the anchor "
        "(looking forward: of the first week whose Thursday is not before the anchor, from the anchor)",
    ),
    "this month": (_this_month, "the anchor's calendar month"),
    "earlier this month": (_earlier_this_month, "from the 1st of the anchor's month to the day before the anchor"),
    "later this month": (_later_this_month, "from the day after the anchor to the end of its month"),
    "last month": (_last_month, "the calendar month before the anchor's"),
    "next month": (_next_month, "the calendar month after the anchor's"),
    "this week": (_this_week, "the seven days ending on the anchor (looking forward: starting on it)"),
    "this past week": (_past_week, "the seven days before the anchor, and the anchor's day"),
    "the past week": (_past_week, "the seven days before the anchor, and the anchor's day"),
    "last week": (_last_week, "the Monday-to-Sunday week before the anchor's"),
    "next week": (_next_week, "the Monday-to-Sunday week after the anchor's"),
    "recently": (_recent(1, Precision.DAY), "the month before the anchor, to the anchor"),
    "in recent weeks": (_recent(2, Precision.WEEK), "the two months before the anchor, to the anchor"),
    "in recent months": (_recent(6, Precision.MONTH), "the six months before the anchor, to the anchor"),
    "in recent years": (_recent(60, Precision.YEAR), "the five years before the anchor, to the anchor"),
    "this year": (_this_year, "the anchor's calendar year"),
    "earlier this year": (_earlier_this_year, "from 1 January of the anchor's year to the day before the anchor"),
    "last year": (_last_year, "the calendar year before the anchor's"),
    "next year": (_next_year, "the calendar year after the anchor's"),
}


@attrs.frozen
class NamedPeriod:
    """A fixed phrase such as "earlier this month"; see :data:`PERIODS` for each reading.

    Attributes:
        name: the phrase, a key of :data:`PERIODS`.
        calendar: the calendar whose months and years "this month", "last year" and the like are
            (``"julian"``: those of the anchor's Julian date); the other periods count days alike in either.

    """

    name: str = attrs.field(validator=attrs.validators.in_(PERIODS))
    calendar: Literal["gregorian", "julian"] = "gregorian"

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        if self.calendar == "julian" and self.name in _JULIAN_PERIODS:
            return _JULIAN_PERIODS[self.name](_ordinal(anchor))
        return PERIODS[self.name][0](anchor, tense)


def _julian_month(number: int) -> tuple[int, int, int]:
    """The first and last day numbers of the Julian month holding day ``number``, and its day of that month."""
    year, month, day = julian_from_day_number(number)
    first = number - day + 1
    return first, first + julian_days_in_month(year, month) - 1, day


def _julian_year(number: int, offset: int = 0) -> Span:
    """The Julian year ``offset`` years from the one holding day ``number``."""
    year = julian_from_day_number(number)[0] + offset
    return _numbered(julian_day_number(year, 1, 1), julian_day_number(year + 1, 1, 1) - 1, Precision.YEAR)


def _julian_earlier_this_month(number: int) -> Span:
    first, _, day = _julian_month(number)
    return None if day == 1 else _numbered(first, number - 1, Precision.DAY)


def _julian_later_this_month(number: int) -> Span:
    _, last, _ = _julian_month(number)
    return None if number == last else _numbered(number + 1, last, Precision.DAY)


def _julian_earlier_this_year(number: int) -> Span:
    first = julian_day_number(julian_from_day_number(number)[0], 1, 1)
    return None if number == first else _numbered(first, number - 1, Precision.DAY)


#: The periods of :data:`PERIODS` that are calendar months and years, read in the Julian calendar from an anchor
#: day number.
_JULIAN_PERIODS: Final[dict[str, Callable[[int], Span]]] = {
    "this month": lambda n: _numbered(*_julian_month(n)[:2], Precision.MONTH),
    "earlier this month": _julian_earlier_this_month,
    "later this month": _julian_later_this_month,
    "last month": lambda n: _numbered(*_julian_month(_julian_month(n)[0] - 1)[:2], Precision.MONTH),
    "next month": lambda n: _numbered(*_julian_month(_julian_month(n)[1] + 1)[:2], Precision.MONTH),
    "this year": _julian_year,
    "earlier this year": _julian_earlier_this_year,
    "last year": lambda n: _julian_year(n, -1),
    "next year": lambda n: _julian_year(n, 1),
}


# -- rules that compose ----------------------------------------------------------------


@attrs.frozen
class Fixed:
    """A date that needs no anchor ("1468", "the 1450s", "44 BCE"), for modifiers to work on.

    Attributes:
        value: the date.
        calendar: the calendar its months and years are of where the phrase says ("the 1660s (O.S.)":
            ``"julian"``), for a third of it ("the late 1660s (O.S.)"); None where it says nothing (the
            reading's calendar).

    """

    value: UncertainDate
    calendar: Literal["gregorian", "julian"] | None = None

    needs_anchor: bool = attrs.field(default=False, init=False)

    @property
    def qualifier(self) -> Qualifier:
        """The value's own qualifier."""
        return self.value.qualifier

    def span(self, anchor: Date, tense: Tense) -> Span:
        """The value's bounds, whatever the anchor."""
        return self.value.lo, self.value.hi, self.value.precision


@attrs.frozen
class PartOf:
    """The early, middle or late third of what a rule names: "early 1470s", "late last month", "early Monday".

    A span is cut into units one step finer than its precision (years of a
    decade, century or millennium; months of a year or season; days of a month
    or week; hours of a day). Of ``n`` units, the early third is the first
    ``n // 3`` (10 days of a month), the middle third the next as many, the late third the rest:
    days 1-10, 11-20 and 21-31 of a month, January-April, May-August and
    September-December of a year, years 0-2, 3-5 and 6-9 of a decade, hours
    0-7, 8-15 and 16-23 of a day.
    """

    part: MonthPart
    calendar: Literal["gregorian", "julian"] = "gregorian"

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """The third of ``lo..hi``, with the precision of its units (counted in ``calendar``)."""
        units = _units_of(lo, hi, precision, julian=self.calendar == "julian")
        if units is None:
            return None
        starts, finer = units
        count = len(starts) - 1
        third = 10 if precision is Precision.MONTH else count // 3  # a month's thirds are 1-10, 11-20, 21-end
        if third == 0:
            return None
        first, stop = {
            MonthPart.EARLY: (0, third),
            MonthPart.MID: (third, 2 * third),
            MonthPart.LATE: (2 * third, count),
        }[self.part]
        return starts[first], starts[stop] - 1, finer


def _units_of(lo: int, hi: int, precision: Precision, *, julian: bool = False) -> tuple[list[int], Precision] | None:
    """The starts of the units one step finer than ``precision`` in ``lo..hi``, and the second after the last.

    Months and years are those of the Julian calendar where ``julian`` (an Old Style "early 1603").
    """
    from chronology import _calendar

    day_number = _calendar.julian_day_number if julian else _calendar.day_number
    from_day_number = _calendar.julian_from_day_number if julian else _calendar.from_day_number

    end = hi + 1
    if precision is Precision.DAY or (precision is Precision.HOUR and (end - lo) % 3600 == 0 and end - lo > 3600):
        return list(range(lo, end + 1, 3600)), Precision.HOUR
    if precision in (Precision.MONTH, Precision.WEEK):
        return list(range(lo, end + 1, _DAY_SECONDS)), Precision.DAY
    first_year, first_month, _ = from_day_number(lo // _DAY_SECONDS)
    last_year, last_month, _ = from_day_number(hi // _DAY_SECONDS)
    if precision in (Precision.YEAR, Precision.SEASON, Precision.QUARTER, Precision.QUADRIMESTER, Precision.SEMESTER):
        months = (last_year - first_year) * 12 + last_month - first_month + 1
        starts = []
        for index in range(months + 1):
            year, month = divmod(first_month - 1 + index, 12)
            starts.append(day_number(first_year + year, month + 1, 1) * _DAY_SECONDS)
        return starts, Precision.MONTH
    if precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
        return [day_number(year, 1, 1) * _DAY_SECONDS for year in range(first_year, last_year + 2)], Precision.YEAR
    return None


@attrs.frozen
class Hours:
    """A part of a day: "morning", "Sunday night", "at 3 a.m."; applied to each day a rule names.

    Attributes:
        start: first second of the part, counted from the day's midnight; below 0 it starts in the day
            before ("the night into Thursday" starts at 18:00 on Wednesday).
        stop: the second after the part's last, from the same midnight; past a
            day's 86,400 seconds it runs into the next day ("night").
        precision: hour for parts of the day, minute for a clock time.
        utc_offset: seconds east of UTC where the time gives its offset
            ("14:30 UTC+09:00"); None for local time.

    """

    start: int
    stop: int
    precision: Precision = Precision.HOUR
    utc_offset: int | None = None

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """From the part's start on the first day to its end on the last day."""
        if precision.has_time:
            return None
        first, last = lo // _DAY_SECONDS, hi // _DAY_SECONDS
        return first * _DAY_SECONDS + self.start, last * _DAY_SECONDS + self.stop - 1, self.precision


@attrs.frozen
class Terminus:
    """A date with one side left open: "before 23 August 1456", "by 1455", "after 1460", "no earlier than 1450".

    Attributes:
        side: ``"before"`` (ends the second before the date begins), ``"by"``
            (ends when the date ends), ``"after"`` (begins the second after the
            date ends) or ``"from"`` (begins when the date begins).

    """

    side: Literal["before", "by", "after", "from"]

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """The open-sided bounds."""
        if self.side == "before":
            return OPEN_LO, lo - 1, precision
        if self.side == "by":
            return OPEN_LO, hi, precision
        if self.side == "after":
            return hi + 1, OPEN_HI, precision
        return lo, OPEN_HI, precision


@attrs.frozen
class Hedge:
    """A hedge ("c.", "about", "around"): the bounds stay, the value becomes approximate."""

    qualifier: Qualifier = Qualifier.APPROXIMATE

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """The bounds, unchanged."""
        return lo, hi, precision


@attrs.frozen
class OnWeekday:
    """A dateline's weekday ("Tuesday, March 12"): a day that falls on another weekday is no reading."""

    weekday: int = attrs.field(validator=attrs.validators.in_(range(7)))

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """The day itself when it falls on the weekday; None otherwise."""
        day = lo // _DAY_SECONDS
        if precision is not Precision.DAY or hi // _DAY_SECONDS != day or (day - 1) % 7 != self.weekday:
            return None
        return lo, hi, precision


@attrs.frozen
class WeekOf:
    """The week a day names: "the week of 12 February 2024", "the week beginning 12 February 2024".

    Attributes:
        side: ``"of"``, the Monday-to-Sunday week holding the day, or the seven days from it when it is a
            Sunday (a week named by its Sunday is the week it begins, as calendars that start the week on
            Sunday write it); ``"from"``, the seven days from the day; ``"to"``, the seven days to it.

    """

    side: Literal["of", "from", "to"]

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def apply(self, lo: int, hi: int, precision: Precision) -> Span:
        """The seven days of the week; None unless the span is one day."""
        day = lo // _DAY_SECONDS
        if precision is not Precision.DAY or hi // _DAY_SECONDS != day:
            return None
        if self.side == "to":
            day -= 6
        elif self.side == "of":
            weekday = (day - 1) % 7  # day 1 (0001-01-01) is a Monday
            day -= 0 if weekday == 6 else weekday
        return _numbered(day, day + 6, Precision.WEEK)


Modifier: TypeAlias = PartOf | Hours | Terminus | Hedge | OnWeekday | WeekOf


@attrs.frozen
class SeasonRule:
    """A season, quarter or half named without its year: "last summer", "this spring", "in the autumn".

    Attributes:
        first_month: the month it begins (12 for a winter, which runs into the next year).
        months: how many months it lasts.
        precision: season, quarter or semester.
        which: ``"bare"`` follows the tense (the latest begun by the anchor when
            looking back, the first not over by it when looking forward);
            ``"last"`` is the latest over before the anchor, ``"next"`` the
            first begun after it, ``"this"`` the one holding the anchor (else
            the one beginning in the anchor's year).
        calendar: the calendar its months are of (``"julian"``: Old Style months, read from the anchor's
            Julian date).

    """

    first_month: int = attrs.field(validator=attrs.validators.in_(range(1, 13)))
    months: int
    precision: Precision
    which: Literal["bare", "last", "next", "this"] = "bare"
    calendar: Literal["gregorian", "julian"] = "gregorian"

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def _occurrence(self, year: int) -> tuple[Date, Date]:
        first = Date(year, self.first_month, 1)
        return first, first.add(months=self.months).subtract(days=1)

    def _julian_occurrence(self, year: int) -> tuple[int, int]:
        """First and last day numbers of the season beginning in Julian year ``year``."""
        years, month = divmod(self.first_month - 1 + self.months, 12)
        return julian_day_number(year, self.first_month, 1), julian_day_number(year + years, month + 1, 1) - 1

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        if self.calendar == "julian":
            return self._julian_span(_ordinal(anchor), tense)
        around = [self._occurrence(year) for year in range(anchor.year - 2, anchor.year + 2)]
        if self.which == "last" or (self.which == "bare" and tense is not Tense.FUTURE):
            wanted = [o for o in around if (o[1] < anchor if self.which == "last" else o[0] <= anchor)][-1]
        elif self.which == "next" or tense is Tense.FUTURE:
            wanted = next(o for o in around if (o[0] > anchor if self.which == "next" else o[1] >= anchor))
        else:
            holding = [o for o in around if o[0] <= anchor <= o[1]]
            wanted = holding[0] if holding else self._occurrence(anchor.year)
        return _days(*wanted, self.precision)

    def _julian_span(self, number: int, tense: Tense) -> Span:
        """:meth:`span` in the Julian calendar, from anchor day number ``number``."""
        year = julian_from_day_number(number)[0]
        if not 3 <= year <= 9998:  # (the occurrences around it are of years 1-9999)
            return None
        around = [self._julian_occurrence(y) for y in range(year - 2, year + 2)]
        if self.which == "last" or (self.which == "bare" and tense is not Tense.FUTURE):
            wanted = [o for o in around if (o[1] < number if self.which == "last" else o[0] <= number)][-1]
        elif self.which == "next" or tense is Tense.FUTURE:
            wanted = next(o for o in around if (o[0] > number if self.which == "next" else o[1] >= number))
        else:
            holding = [o for o in around if o[0] <= number <= o[1]]
            wanted = holding[0] if holding else self._julian_occurrence(year)
        return _numbered(*wanted, self.precision)


@attrs.frozen
class Modified:
    """What a rule names, changed by a modifier: a third of it, a part of its days, one side left open."""

    rule: Rule
    modifier: Modifier

    @property
    def needs_anchor(self) -> bool:
        """Whether the rule it modifies needs an anchor."""
        return self.rule.needs_anchor

    @property
    def qualifier(self) -> Qualifier:
        """The rule's qualifier and the modifier's."""
        return self.rule.qualifier | self.modifier.qualifier

    @property
    def utc_offset(self) -> int | None:
        """The offset a clock time gives, if any."""
        if isinstance(self.modifier, Hours) and self.modifier.utc_offset is not None:
            return self.modifier.utc_offset
        return _offset_of(self.rule)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """The modified span at one anchor day; None if there is none."""
        inner = self.rule.span(anchor, tense)
        return None if inner is None else self.modifier.apply(*inner)


@attrs.frozen
class Between:
    """One date somewhere from the first to the last: "between 1434 and 1444", "between 7 and 13 October"."""

    first: Rule
    last: Rule

    @property
    def needs_anchor(self) -> bool:
        """Whether either end needs an anchor."""
        return self.first.needs_anchor or self.last.needs_anchor

    @property
    def qualifier(self) -> Qualifier:
        """Both ends' qualifiers."""
        return self.first.qualifier | self.last.qualifier

    @property
    def utc_offset(self) -> int | None:
        """The offset both ends give, if they give the same."""
        first, last = _offset_of(self.first), _offset_of(self.last)
        return first if first == last else None

    def span(self, anchor: Date, tense: Tense) -> Span:
        """From the first's start to the last's end; None if either names no date or they are reversed."""
        first, last = self.first.span(anchor, tense), self.last.span(anchor, tense)
        if first is None or last is None or last[1] < first[0]:
            return None
        return first[0], last[1], max(first[2], last[2], key=lambda p: p.rank)


@attrs.frozen
class Leading:
    """The first of two months named without a year, in the year the second gives ("March" of "March to May").

    The second is read from the anchor; the first is then the latest such month
    not after it: "between November and February", said in March 2024, is
    November 2023 to February 2024.
    """

    first: MonthRule
    last: MonthRule

    needs_anchor: bool = attrs.field(default=True, init=False)

    @property
    def qualifier(self) -> Qualifier:
        """The first month's qualifier."""
        return self.first.qualifier

    def span(self, anchor: Date, tense: Tense) -> Span:
        """The first month's reading in the year the last month's reading falls in."""
        last = self.last.span(anchor, tense)
        if last is None:
            return None
        day = last[0] // _DAY_SECONDS
        year = julian_from_day_number(day)[0] if self.last.calendar == "julian" else Date.fromordinal(day).year
        if self.first.month > self.last.month:
            year -= 1
        return attrs.evolve(self.first, year=year).span(anchor, tense)


@attrs.frozen
class Shift:
    """A distance in seconds from the anchor itself: "hours later", "within hours", "three hours later"."""

    low: int
    high: int
    precision: Precision = Precision.HOUR

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """The shift from one anchor day (used when the anchor is known only to the day)."""
        lo = anchor.toordinal() * _DAY_SECONDS
        return lo + self.low, lo + _DAY_SECONDS - 1 + self.high, self.precision


@attrs.frozen
class FromAnchor:
    """A month or day named by its place from the anchor's year or month, as Korean news names them.

    "18일" is the 18th of the anchor's month; "지난 18일" the latest 18th before the anchor; "지난달 18일" the
    18th of the month before the anchor's; "지난해 9월" September of the year before the anchor's.

    Attributes:
        unit: ``"year"`` (``month`` of the year ``offset`` years from the anchor's, and its ``day`` if given)
            or ``"month"`` (``day`` of the month ``offset`` months from the anchor's).
        offset: -1, 0 or 1: the year or month before the anchor's, its own, or the next.
        month: 1-12, for ``unit`` ``"year"``.
        day: 1-31 (required for ``unit`` ``"month"``).
        latest: (``unit`` ``"month"``) the latest month whose day ``until`` falls before the anchor, instead of
            ``offset``: "지난 8일부터 13일까지" are the 8th and 13th of the month whose 13th is the latest past.
        until: the day that month is chosen by (``day`` when None).
        calendar: the calendar its years, months and days are of (``"julian"``: counted from the anchor's
            Julian date, "18일" read from 5 October 1666 (N.S.), 25 September 1666 O.S., being 18 September
            1666 O.S.).

    """

    unit: Literal["year", "month"]
    offset: int = 0
    month: int | None = None
    day: int | None = None
    latest: bool = False
    until: int | None = None
    calendar: Literal["gregorian", "julian"] = "gregorian"

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        if self.calendar == "julian":
            return self._julian_span(_ordinal(anchor))
        if self.unit == "year":
            assert self.month is not None
            first = anchor.start_of("year").add(years=self.offset, months=self.month - 1)
        else:
            first = anchor.start_of("month").add(months=self.offset)
            if self.latest:
                by = self.until or self.day or 1
                while first.end_of("month").day < by or first.add(days=by - 1) >= anchor:
                    first = first.subtract(months=1)  # at most two months back: every month has a 28th
        last = first.end_of("month")
        if self.day is None:
            return _days(first, last, Precision.MONTH)
        if self.day > last.day:
            return None
        day = first.add(days=self.day - 1)
        return _days(day, day, Precision.DAY)

    def _julian_span(self, number: int) -> Span:
        """:meth:`span` in the Julian calendar, from anchor day number ``number``."""
        year, month, _ = julian_from_day_number(number)
        if self.unit == "year":
            assert self.month is not None
            year, month = year + self.offset, self.month
        else:
            year, index = divmod(year * 12 + month - 1 + self.offset, 12)
            month = index + 1
            if self.latest:
                by = self.until or self.day or 1
                # at most two months back: every month has a 28th
                while julian_days_in_month(year, month) < by or julian_day_number(year, month, by) >= number:
                    year, index = divmod(year * 12 + month - 2, 12)
                    month = index + 1
        if not 1 <= year <= 9999:
            return None
        first, length = julian_day_number(year, month, 1), julian_days_in_month(year, month)
        if self.day is None:
            return _numbered(first, first + length - 1, Precision.MONTH)
        if self.day > length:
            return None
        return _numbered(first + self.day - 1, first + self.day - 1, Precision.DAY)


Rule: TypeAlias = (
    WeekdayRule
    | MonthRule
    | FromAnchor
    | Offset
    | NamedPeriod
    | SeasonRule
    | Fixed
    | Modified
    | Between
    | Leading
    | Shift
)


@attrs.frozen
class Lasting:
    """Something lasting between two ends: "from June to August 2024", "since February 2022", "until March".

    Each end is a rule, or an :class:`~chronology.dates.Endpoint` (open or unknown).
    """

    start: Rule | Endpoint
    end: Rule | Endpoint

    @property
    def needs_anchor(self) -> bool:
        """Whether either end needs an anchor."""
        return any(not isinstance(e, Endpoint) and e.needs_anchor for e in (self.start, self.end))


def _offset_of(rule: Rule) -> int | None:
    """The UTC offset a rule's clock time gives ("14:30 UTC+09:00"); None for local time and dates."""
    return rule.utc_offset if isinstance(rule, Modified | Between) else None
