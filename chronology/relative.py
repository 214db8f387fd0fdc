"""Dates relative to an anchor ("Friday", "three weeks ago"), and how they resolve.

The English reader turns a phrase into a :class:`RelativeDate`: a typed rule
plus the original wording. Resolving it against an anchor (the report's date,
or another event's) gives an :class:`~chronology.dates.UncertainDate`.

The anchor may itself be uncertain (an article known only to be from one of
28-31 October). The result then covers every resolution over the anchor's
days: its bounds are the hull of the resolutions, and it keeps the anchor's
qualifiers. Every rule is monotone in its anchor (a later anchor never gives an
earlier result), so for anchors spanning many days the two ends suffice.

The reading rules are written down in ``docs/reference/dates.md``; the short version:

* :class:`Tense` says whether an unmarked phrase looks back (``PAST``, the
  default, as temporal taggers read news: a bare "Friday" is the latest Friday
  on or before the report), forward (``FUTURE``: "will meet on Tuesday"), or
  either way (``EITHER``: the hull of both readings).
* A month without a year is the latest such month not after the anchor's
  month (``PAST``), or the first not before it (``FUTURE``).
"""

from __future__ import annotations

import datetime
import enum
import reprlib
from collections.abc import Callable
from typing import Final, Literal, TypeAlias

import attrs
import pendulum

from chronology._calendar import OPEN_HI, OPEN_LO
from chronology.dates import DateValue, Endpoint, Interval, Precision, Qualifier, UncertainDate
from chronology.errors import DateParseError, DateRangeError, InvalidDateError

__all__ = [
    "PERIODS",
    "MonthPart",
    "MonthRule",
    "NamedPeriod",
    "Offset",
    "RelativeDate",
    "Rule",
    "Tense",
    "Unit",
    "WeekdayRule",
    "resolve",
]

Date = pendulum.Date
#: What a rule gives for one anchor day: first second, last second (inclusive, on the model's timeline) and
#: precision; None where the rule names no date.
Span: TypeAlias = tuple[int, int, Precision] | None
_DAY_SECONDS: Final = 86_400


def _days(first: Date, last: Date, precision: Precision) -> Span:
    """The span from the start of day ``first`` to the end of day ``last``."""
    return first.toordinal() * _DAY_SECONDS, last.toordinal() * _DAY_SECONDS + _DAY_SECONDS - 1, precision


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

    See :class:`~chronology.relative.PartOf`.
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
        back = (anchor.weekday() - self.weekday) % 7  # days since the latest such weekday
        if self.which == "last":
            day = anchor.subtract(days=back or 7)
        elif self.which == "next":
            day = anchor.add(days=(self.weekday - anchor.weekday()) % 7 or 7)
        elif self.which == "this":
            day = anchor.subtract(days=anchor.weekday()).add(days=self.weekday)
        elif tense is Tense.FUTURE:
            day = anchor.add(days=(self.weekday - anchor.weekday()) % 7)
        else:
            day = anchor.subtract(days=back)
        return _days(day, day, Precision.DAY)


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

    """

    month: int = attrs.field(validator=attrs.validators.in_(range(1, 13)))
    year: int | None = None
    day: int | None = None
    part: MonthPart | None = None
    week: int | None = None

    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    @property
    def needs_anchor(self) -> bool:
        """Whether the year comes from the anchor."""
        return self.year is None

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        if self.year is not None:
            year = self.year
        else:
            if tense is Tense.FUTURE:
                year = anchor.year if self.month >= anchor.month else anchor.year + 1
            else:
                year = anchor.year if self.month <= anchor.month else anchor.year - 1
        if not 1 <= year <= 9999:
            return None
        first = Date(year, self.month, 1)
        last = first.end_of("month")
        if self.day is not None:
            if self.day > last.day:
                return None
            day = Date(year, self.month, self.day)
            return _days(day, day, Precision.DAY)
        if self.part is not None:
            start, stop = _PART_DAYS[self.part]
            return _days(first.add(days=start - 1), Date(year, self.month, min(stop, last.day)), Precision.DAY)
        if self.week is not None:
            if self.week == -1:  # the last week: the row holding the month's last day
                monday = last.subtract(days=last.weekday())
                return _days(max(monday, first), last, Precision.WEEK)
            monday = first.subtract(days=first.weekday()).add(weeks=self.week - 1)
            start_day, end_day = max(monday, first), min(monday.add(days=6), last)
            if start_day > last:
                return None
            return _days(start_day, end_day, Precision.WEEK)
        return _days(first, last, Precision.MONTH)


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

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        near = self._move(anchor, self.low)
        far = self._move(anchor, self.high)
        first, last = (far, near) if self.direction < 0 else (near, far)
        pad = _HALF_UNIT_DAYS[self.unit]
        return _days(first.subtract(days=pad), last.add(days=pad), self.unit.precision)

    def _move(self, anchor: Date, amount: int) -> Date:
        steps = amount * self.direction
        if self.unit is Unit.DAY:
            return anchor.add(days=steps)
        if self.unit is Unit.WEEK:
            return anchor.add(weeks=steps)
        if self.unit is Unit.MONTH:
            return anchor.add(months=steps)
        return anchor.add(years=steps)


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
    monday = anchor.subtract(days=anchor.weekday() + 7)
    return _days(monday, monday.add(days=6), Precision.WEEK)


def _next_week(anchor: Date, tense: Tense) -> Span:
    monday = anchor.subtract(days=anchor.weekday()).add(weeks=1)
    return _days(monday, monday.add(days=6), Precision.WEEK)


def _recent(months: int, precision: Precision) -> Callable[[Date, Tense], Span]:
    def span(anchor: Date, tense: Tense) -> Span:
        return _days(anchor.subtract(months=months), anchor, precision)

    return span


def _today(anchor: Date, tense: Tense) -> Span:
    return _days(anchor, anchor, Precision.DAY)


def _yesterday(anchor: Date, tense: Tense) -> Span:
    day = anchor.subtract(days=1)
    return _days(day, day, Precision.DAY)


def _tomorrow(anchor: Date, tense: Tense) -> Span:
    day = anchor.add(days=1)
    return _days(day, day, Precision.DAY)


def _day_before_yesterday(anchor: Date, tense: Tense) -> Span:
    day = anchor.subtract(days=2)
    return _days(day, day, Precision.DAY)


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
    """A fixed phrase such as "earlier this month"; see :data:`PERIODS` for each reading."""

    name: str = attrs.field(validator=attrs.validators.in_(PERIODS))

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        return PERIODS[self.name][0](anchor, tense)


# -- rules that compose ----------------------------------------------------------------


@attrs.frozen
class Fixed:
    """A date that needs no anchor ("1468", "the 1450s", "44 BCE"), for modifiers to work on."""

    value: UncertainDate

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
        start: first second of the part, counted from the day's midnight.
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


Modifier: TypeAlias = PartOf | Hours | Terminus | Hedge | OnWeekday


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

    """

    first_month: int = attrs.field(validator=attrs.validators.in_(range(1, 13)))
    months: int
    precision: Precision
    which: Literal["bare", "last", "next", "this"] = "bare"

    needs_anchor: bool = attrs.field(default=True, init=False)
    qualifier: Qualifier = attrs.field(default=Qualifier.NONE, init=False)

    def _occurrence(self, year: int) -> tuple[Date, Date]:
        first = Date(year, self.first_month, 1)
        return first, first.add(months=self.months).subtract(days=1)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        around = [self._occurrence(year) for year in range(anchor.year - 2, anchor.year + 2)]
        if self.which == "last" or (self.which == "bare" and tense is not Tense.FUTURE):
            wanted = [o for o in around if (o[1] < anchor if self.which == "last" else o[0] <= anchor)][-1]
        elif self.which == "next" or tense is Tense.FUTURE:
            wanted = next(o for o in around if (o[0] > anchor if self.which == "next" else o[1] >= anchor))
        else:
            holding = [o for o in around if o[0] <= anchor <= o[1]]
            wanted = holding[0] if holding else self._occurrence(anchor.year)
        return _days(*wanted, self.precision)


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
        year = Date.fromordinal(last[0] // _DAY_SECONDS).year
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


Rule: TypeAlias = (
    WeekdayRule | MonthRule | Offset | NamedPeriod | SeasonRule | Fixed | Modified | Between | Leading | Shift
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


#: Up to this many anchor days (past the first), every day of the anchor is read; above it, only the
#: first and last days that give a reading, found without trying every day (rules are monotone).
_EVERY_DAY_LIMIT: Final = 62


@attrs.frozen
class RelativeDate:
    """A phrase read into a rule, resolved against an anchor when it needs one.

    Attributes:
        rule: what the phrase means, as a typed rule (a
            :class:`~chronology.relative.Lasting` for something that lasts).
        text: the original wording.
        zone: the IANA zone its times are in ("Asia/Seoul"), given their
            offset once resolved; None for floating times.

    """

    rule: Rule | Lasting
    text: str = attrs.field(eq=False)
    zone: str | None = None

    @property
    def needs_anchor(self) -> bool:
        """Whether the phrase needs an anchor ("June" does; "June 2024" does not)."""
        return self.rule.needs_anchor

    def resolve(
        self,
        anchor: DateValue | datetime.date | None,
        *,
        tense: Tense | str = Tense.PAST,
    ) -> DateValue:
        """The date the phrase names, read from ``anchor``.

        Args:
            anchor: the date the phrase is relative to (a report's date, another
                event's date); may be uncertain. Not needed when the phrase
                gives its own year. Text is read by :func:`chronology.parse`,
                which takes an anchor written as text.
            tense: which way unmarked phrases point: a :class:`Tense`, or its
                value ``"past"``, ``"future"`` or ``"either"``.

        Returns:
            An :class:`~chronology.dates.UncertainDate`, or an
            :class:`~chronology.dates.Interval` for a phrase that lasts.

        Raises:
            DateParseError: no anchor where one is needed, or the phrase cannot
                be read against this anchor ("earlier this month" on the 1st).
            InvalidDateError: ``tense`` is not one of the three, or ``anchor``
                is neither a date nor None.

        """
        return resolve(self, anchor, tense=tense)


def resolve(
    relative: RelativeDate,
    anchor: DateValue | datetime.date | None,
    *,
    tense: Tense | str = Tense.PAST,
) -> DateValue:
    """Resolve ``relative`` against ``anchor``; see :meth:`RelativeDate.resolve`."""
    tense = as_tense(tense)
    anchor = check_anchor(anchor)
    rule = relative.rule
    if not isinstance(rule, Lasting):
        return _zoned(_resolve_rule(rule, relative.text, anchor, tense), relative)
    start, end = (
        e if isinstance(e, Endpoint) else _zoned(_resolve_rule(e, relative.text, anchor, tense), relative)
        for e in (rule.start, rule.end)
    )
    try:
        return Interval(start, end, text=relative.text)
    except InvalidDateError as error:
        raise DateParseError(relative.text, str(error)) from None


def _zoned(value: UncertainDate, relative: RelativeDate) -> UncertainDate:
    if relative.zone is None:
        return value
    from chronology.zones import localize, zone_named

    return localize(value, zone_named(relative.zone, text=relative.text), text=relative.text)


def _resolve_rule(rule: Rule, text: str, anchor: DateValue | datetime.date | None, tense: Tense) -> UncertainDate:
    if isinstance(rule, Fixed):  # as read, its notation kept ("2024-35", "{1667, 1668}")
        return attrs.evolve(rule.value, text=text) if rule.value.text != text else rule.value
    qualifier = rule.qualifier
    if not rule.needs_anchor:
        spans = [_span(rule, _ANY_DAY, tense)]
    else:
        if anchor is None:
            raise DateParseError(
                text, "this phrase is relative to a date; give an anchor (the report's or another event's date)"
            )
        if isinstance(rule, Shift) and isinstance(anchor, UncertainDate):
            shifted = anchor.lo + rule.low, anchor.hi + rule.high
            # "three hours later" than 14:30 is 17:30, to the anchor's own minute; than a day, to the hour
            precision = (
                anchor.precision if anchor.has_time and anchor.precision.rank < rule.precision.rank else rule.precision
            )
            return UncertainDate.from_seconds(
                *shifted, precision, qualifier=anchor.qualifier, utc_offset=anchor.utc_offset, text=text
            )
        first_day, last_day, anchor_qualifier = _anchor_days(text, anchor)
        qualifier |= anchor_qualifier
        tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
        spans = [s for t in tenses for s in _spans_over(rule, first_day, last_day, t)]
    found = [s for s in spans if s is not None]
    if not found:
        where = "" if anchor is None else f" against anchor {_anchor_text(anchor)}"
        raise DateParseError(text, f"names no date{where}")
    lo = min(s[0] for s in found)
    hi = max(s[1] for s in found)
    offset = _offset_of(rule)
    return UncertainDate.from_seconds(lo, hi, found[0][2], qualifier=qualifier, utc_offset=offset, text=text)


def as_tense(value: object) -> Tense:
    """``value`` as a :class:`Tense`: a Tense, or its value ``"past"``, ``"future"`` or ``"either"``.

    Raises:
        InvalidDateError: anything else (a ``ValueError``); the message names the accepted values.

    """
    if isinstance(value, Tense):
        return value
    if isinstance(value, str) and value in _TENSES:
        return _TENSES[value]
    accepted = ", ".join(repr(tense.value) for tense in Tense)
    raise InvalidDateError(
        f"tense {reprlib.repr(value)} is not a tense; expected one of {accepted} (or chronology.Tense)"
    )


_TENSES: Final = {tense.value: tense for tense in Tense}

#: What an anchor may be, in words, for error messages.
ANCHOR_TYPES: Final = "an UncertainDate (chronology.parse('2024-10-18')), a datetime.date, or None"


def check_anchor(anchor: object, *, accepted: str = ANCHOR_TYPES) -> DateValue | datetime.date | None:
    """``anchor`` itself if it is a date value, a ``datetime.date`` or None.

    Raises:
        InvalidDateError: the anchor is of another type (a ``ValueError``); the
            message names the type and ``accepted``.

    """
    if anchor is None or isinstance(anchor, UncertainDate | Interval | datetime.date):
        return anchor
    kind = type(anchor).__name__
    raise InvalidDateError(f"anchor {reprlib.repr(anchor)} (of type {kind}) is not a date; give {accepted}")


def _span(rule: Rule, anchor: Date, tense: Tense) -> Span:
    """The rule's span at one anchor day; None where it names no date (or leaves years 1-9999)."""
    try:
        return rule.span(anchor, tense)
    except (ValueError, OverflowError):
        return None


_ANY_DAY: Final = Date(2000, 1, 1)


def _spans_over(rule: Rule, first: int, last: int, tense: Tense) -> list[Span]:
    """Spans at every anchor day, or, for long anchors, at the first and last days that give one.

    Rules are monotone in the anchor, so the hull of the spans at the outermost
    anchor days that name a date is the hull over all of them. Those two days
    are found by :func:`_outermost_days` without trying every day, so the cost
    does not grow with the anchor's width.
    """
    if last - first <= _EVERY_DAY_LIMIT:
        return [_span(rule, Date.fromordinal(n), tense) for n in range(first, last + 1)]
    days = _outermost_days(rule, first, last, tense)
    if days is None:
        return []
    return [_span(rule, Date.fromordinal(n), tense) for n in days]


#: Days in 400 Gregorian years: after them the calendar, weekdays included, repeats.
_CYCLE_DAYS: Final = 146_097
#: Anchors are read moved into this 400-year cycle (years 4001-4400), far from the ends of years 1-9999.
_MIDDLE_CYCLE: Final = 10
#: Months and years in one 400-year cycle.
_CYCLE_MONTHS: Final = 4_800
_CYCLE_YEARS: Final = 400


def _outermost_days(rule: Rule, first: int, last: int, tense: Tense) -> tuple[int, int] | None:
    """The first and the last anchor day in ``first..last`` whose reading names a date; None if none does.

    A reading fails for one of two reasons:

    * it leaves years 1-9999 ("10000 years ago"). The coarse reading (see
      :func:`_coarse`) leaves them exactly when the reading does, never fails
      otherwise, and moves forward with the anchor; read in any year (see
      :func:`_reach`), it marks the anchor days whose readings stay inside as
      one run of days, whose ends are found by bisection;
    * the date does not exist that year or day ("February 29" read in 2023,
      "earlier this month" on the 1st). Such gaps are short (one anchor day,
      or the months up to the next leap year), so they are stepped over one
      anchor day at a time, or, for a month rule, whose reading depends only
      on the anchor's month, one anchor month at a time. The calendar repeats
      every 400 years, so at most one 400-year cycle of steps is taken: a rule
      that names no date in a whole cycle names none at all.

    Each answer is the day the old scan, day by day from each end, stopped at.
    """
    coarse = _coarse(rule)
    inside_from = _first_true(first, last, lambda n: _reach(coarse, n, tense)[0] >= 1)
    inside_to = _last_true(first, last, lambda n: _reach(coarse, n, tense)[1] <= _LAST_DAY)
    if inside_from is None or inside_to is None or inside_from > inside_to:
        return None
    earliest = _first_reading(rule, inside_from, inside_to, tense)
    if earliest is None:
        return None
    latest = _first_reading(rule, inside_to, earliest, tense)
    if latest is None:  # pragma: no cover - the scan back stops at ``earliest`` at the latest
        return None
    return earliest, latest


def _coarse(rule: Rule) -> Rule:
    """A rule whose reading leaves years 1-9999 exactly when ``rule``'s does, and never fails otherwise.

    A month rule's reading always lies in the month it picks (its coarse rule is
    that whole month); "earlier this month" and "later this month" lie in the
    anchor's month, "earlier this year" in its year. Other rules fail only by
    leaving years 1-9999, and are their own coarse rule.
    """
    if isinstance(rule, Modified):
        return _coarse(rule.rule)  # a modified reading lies in (or, open, beside) the rule's own
    if isinstance(rule, Between):
        return Between(_coarse(rule.first), _coarse(rule.last))
    if isinstance(rule, Leading):
        return Leading(MonthRule(rule.first.month), MonthRule(rule.last.month))
    if isinstance(rule, MonthRule) and rule.year is None:
        return MonthRule(rule.month)
    if isinstance(rule, NamedPeriod) and rule.name in _COARSE_PERIODS:
        return NamedPeriod(_COARSE_PERIODS[rule.name])
    return rule


_COARSE_PERIODS: Final = {
    "earlier this month": "this month",
    "later this month": "this month",
    "earlier this year": "this year",
    "earlier this week": "this week so far",
}


def _reach(coarse: Rule, anchor: int, tense: Tense) -> tuple[int, int]:
    """First and last day numbers of a coarse rule's reading at anchor day ``anchor``, in any year.

    Day numbers below 1 or above the last day of 9999 are readings that leave
    years 1-9999. An offset is computed by arithmetic (it may reach any year);
    other rules reach a few years at most, so the anchor is moved by whole
    400-year cycles into years 4001-4400, read there, and the reading moved back.
    """
    if isinstance(coarse, Offset):
        near = _moved(anchor, coarse.low * coarse.direction, coarse.unit)
        far = _moved(anchor, coarse.high * coarse.direction, coarse.unit)
        pad = _HALF_UNIT_DAYS[coarse.unit]
        return min(near, far) - pad, max(near, far) + pad
    shift = (_MIDDLE_CYCLE - (anchor - 1) // _CYCLE_DAYS) * _CYCLE_DAYS
    span = _span(coarse, Date.fromordinal(anchor + shift), tense)
    if span is None:  # pragma: no cover - coarse readings of anchors in years 4001-4400 always exist
        raise AssertionError(f"{coarse!r} gives no reading at day {anchor + shift}")
    return span[0] // _DAY_SECONDS - shift, span[1] // _DAY_SECONDS - shift


def _moved(anchor: int, steps: int, unit: Unit) -> int:
    """The day number ``steps`` units from anchor day ``anchor``, as :meth:`Offset.span` moves, in any year.

    Months and years move as pendulum does (a day past the new month's end
    becomes its last day). Whole 400-year cycles are added as their 146,097
    days; the rest is moved by pendulum from the same day of years 1-400.
    """
    if unit is Unit.DAY:
        return anchor + steps
    if unit is Unit.WEEK:
        return anchor + 7 * steps
    cycles, rest = divmod(steps, _CYCLE_MONTHS if unit is Unit.MONTH else _CYCLE_YEARS)
    base, day = divmod(anchor - 1, _CYCLE_DAYS)
    start = Date.fromordinal(day + 1)  # years 1-400; at most 400 years more stays inside 1-9999
    moved = start.add(months=rest) if unit is Unit.MONTH else start.add(years=rest)
    return moved.toordinal() + (base + cycles) * _CYCLE_DAYS


def _first_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The first day in ``low..high`` where ``test`` holds, for a test false then true; None if it never holds."""
    if not test(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if test(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _last_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The last day in ``low..high`` where ``test`` holds, for a test true then false; None if it never holds."""
    if not test(low):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if test(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _first_reading(rule: Rule, start: int, stop: int, tense: Tense) -> int | None:
    """The first anchor day from ``start`` towards ``stop`` (either way) whose reading names a date.

    Every day between must read inside years 1-9999; see :func:`_outermost_days`
    for the steps taken and their cap.
    """
    step = 1 if stop >= start else -1
    by_month = isinstance(rule, MonthRule)
    day = start
    for _ in range(_CYCLE_MONTHS if by_month else _CYCLE_DAYS):
        if _span(rule, Date.fromordinal(day), tense) is not None:
            return day
        if by_month:
            # Every day of a month reads alike: go to the next month's first day, or the last month's last.
            date = Date.fromordinal(day)
            day = date.end_of("month").toordinal() + 1 if step > 0 else date.start_of("month").toordinal() - 1
        else:
            day += step
        if (day - stop) * step > 0:
            return None
    return None


def _anchor_days(text: str, anchor: UncertainDate | datetime.date | Interval) -> tuple[int, int, Qualifier]:
    """The anchor's first and last day numbers, and the qualifier it passes on."""
    if isinstance(anchor, Interval):
        raise DateParseError(text, "an anchor is one date, not an interval; anchor to its start or end")
    if isinstance(anchor, UncertainDate):
        first, last, qualifier = anchor.earliest_day, anchor.latest_day, anchor.qualifier
    else:
        first = last = anchor.toordinal()
        qualifier = Qualifier.NONE
    if first < 1 or last > _LAST_DAY:
        raise DateRangeError(f"{text!r}: relative phrases are resolved against anchors in years 1-9999")
    return first, last, qualifier


def _anchor_text(anchor: DateValue | datetime.date) -> str:
    return anchor.to_edtf() if isinstance(anchor, UncertainDate | Interval) else anchor.isoformat()


_LAST_DAY: Final = Date(9999, 12, 31).toordinal()
