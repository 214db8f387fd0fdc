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

from chronology.dates import DateValue, Interval, Precision, Qualifier, UncertainDate
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
#: What a rule gives for one anchor day: first day, last day, precision; None if impossible.
Span: TypeAlias = tuple[Date, Date, Precision] | None


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
    """Early (1-10), mid (11-20) and late (21-end) thirds of a month."""

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
        return day, day, Precision.DAY


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
            holding the 1st, each cut to the month's own days.

    """

    month: int = attrs.field(validator=attrs.validators.in_(range(1, 13)))
    year: int | None = None
    day: int | None = None
    part: MonthPart | None = None
    week: int | None = None

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
            return day, day, Precision.DAY
        if self.part is not None:
            start, stop = _PART_DAYS[self.part]
            return first.add(days=start - 1), Date(year, self.month, min(stop, last.day)), Precision.DAY
        if self.week is not None:
            monday = first.subtract(days=first.weekday()).add(weeks=self.week - 1)
            start_day, end_day = max(monday, first), min(monday.add(days=6), last)
            if start_day > last:
                return None
            return start_day, end_day, Precision.WEEK
        return first, last, Precision.MONTH


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
        return first.subtract(days=pad), last.add(days=pad), self.unit.precision

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
    return anchor.start_of("month"), anchor.end_of("month"), Precision.MONTH


def _earlier_this_month(anchor: Date, tense: Tense) -> Span:
    if anchor.day == 1:
        return None
    return anchor.start_of("month"), anchor.subtract(days=1), Precision.DAY


def _later_this_month(anchor: Date, tense: Tense) -> Span:
    end = anchor.end_of("month")
    if anchor == end:
        return None
    return anchor.add(days=1), end, Precision.DAY


def _last_month(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("month").subtract(months=1)
    return first, first.end_of("month"), Precision.MONTH


def _next_month(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("month").add(months=1)
    return first, first.end_of("month"), Precision.MONTH


def _this_week(anchor: Date, tense: Tense) -> Span:
    # Seven days ending on the anchor when looking back, starting on it when looking forward:
    # "this week" said on a Sunday about a summit on Monday means the coming days.
    if tense is Tense.FUTURE:
        return anchor, anchor.add(days=6), Precision.WEEK
    return anchor.subtract(days=6), anchor, Precision.WEEK


def _past_week(anchor: Date, tense: Tense) -> Span:
    return anchor.subtract(days=7), anchor, Precision.WEEK


def _last_week(anchor: Date, tense: Tense) -> Span:
    monday = anchor.subtract(days=anchor.weekday() + 7)
    return monday, monday.add(days=6), Precision.WEEK


def _next_week(anchor: Date, tense: Tense) -> Span:
    monday = anchor.subtract(days=anchor.weekday()).add(weeks=1)
    return monday, monday.add(days=6), Precision.WEEK


def _recent(months: int, precision: Precision) -> Callable[[Date, Tense], Span]:
    def span(anchor: Date, tense: Tense) -> Span:
        return anchor.subtract(months=months), anchor, precision

    return span


def _today(anchor: Date, tense: Tense) -> Span:
    return anchor, anchor, Precision.DAY


def _yesterday(anchor: Date, tense: Tense) -> Span:
    day = anchor.subtract(days=1)
    return day, day, Precision.DAY


def _tomorrow(anchor: Date, tense: Tense) -> Span:
    day = anchor.add(days=1)
    return day, day, Precision.DAY


def _this_year(anchor: Date, tense: Tense) -> Span:
    return anchor.start_of("year"), anchor.end_of("year"), Precision.YEAR


def _earlier_this_year(anchor: Date, tense: Tense) -> Span:
    if (anchor.month, anchor.day) == (1, 1):
        return None
    return anchor.start_of("year"), anchor.subtract(days=1), Precision.DAY


def _last_year(anchor: Date, tense: Tense) -> Span:
    first = anchor.start_of("year").subtract(years=1)
    return first, first.end_of("year"), Precision.YEAR


#: Named periods, by their normalised English phrase, with the reading of each.
PERIODS: Final[dict[str, tuple[Callable[[Date, Tense], Span], str]]] = {
    "today": (_today, "the anchor's day"),
    "that day": (_today, "the anchor's own day (an event on the day of its anchor)"),
    "the same day": (_today, "the anchor's own day (an event on the day of its anchor)"),
    "yesterday": (_yesterday, "the day before the anchor"),
    "tomorrow": (_tomorrow, "the day after the anchor"),
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
}


@attrs.frozen
class NamedPeriod:
    """A fixed phrase such as "earlier this month"; see :data:`PERIODS` for each reading."""

    name: str = attrs.field(validator=attrs.validators.in_(PERIODS))

    needs_anchor: bool = attrs.field(default=True, init=False)

    def span(self, anchor: Date, tense: Tense) -> Span:
        """First day, last day and precision read from one anchor day; None if there is none."""
        return PERIODS[self.name][0](anchor, tense)


Rule: TypeAlias = WeekdayRule | MonthRule | Offset | NamedPeriod

#: Up to this many anchor days (past the first), every day of the anchor is read; above it, only the
#: first and last days that give a reading, found without trying every day (rules are monotone).
_EVERY_DAY_LIMIT: Final = 62


@attrs.frozen
class RelativeDate:
    """A phrase whose date depends on an anchor, not yet resolved.

    Attributes:
        rule: what the phrase means, as a typed rule.
        text: the original wording.

    """

    rule: Rule
    text: str = attrs.field(eq=False)

    @property
    def needs_anchor(self) -> bool:
        """Whether the phrase needs an anchor ("June" does; "June 2024" does not)."""
        return self.rule.needs_anchor

    def resolve(
        self,
        anchor: DateValue | datetime.date | None,
        *,
        tense: Tense | str = Tense.PAST,
    ) -> UncertainDate:
        """The date the phrase names, read from ``anchor``.

        Args:
            anchor: the date the phrase is relative to (a report's date, another
                event's date); may be uncertain. Not needed when the phrase
                gives its own year. Text is read by :func:`chronology.parse`,
                which takes an anchor written as text.
            tense: which way unmarked phrases point: a :class:`Tense`, or its
                value ``"past"``, ``"future"`` or ``"either"``.

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
) -> UncertainDate:
    """Resolve ``relative`` against ``anchor``; see :meth:`RelativeDate.resolve`."""
    tense = as_tense(tense)
    anchor = check_anchor(anchor)
    rule = relative.rule
    qualifier = Qualifier.NONE
    if not rule.needs_anchor:
        spans = [_span(rule, _ANY_DAY, tense)]
    else:
        if anchor is None:
            raise DateParseError(
                relative.text,
                "this phrase is relative to a date; give an anchor (the report's or another event's date)",
            )
        first_day, last_day, qualifier = _anchor_days(relative.text, anchor)
        tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
        spans = [s for t in tenses for s in _spans_over(rule, first_day, last_day, t)]
    found = [s for s in spans if s is not None]
    if not found:
        where = "" if anchor is None else f" against anchor {_anchor_text(anchor)}"
        raise DateParseError(relative.text, f"names no date{where}")
    first = min(s[0] for s in found).toordinal()
    last = max(s[1] for s in found).toordinal()
    precision = found[0][2]
    return UncertainDate.from_days(first, last, precision, qualifier=qualifier, text=relative.text)


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
    if isinstance(rule, MonthRule) and rule.year is None:
        return MonthRule(rule.month)
    if isinstance(rule, NamedPeriod) and rule.name in _COARSE_PERIODS:
        return NamedPeriod(_COARSE_PERIODS[rule.name])
    return rule


_COARSE_PERIODS: Final = {
    "earlier this month": "this month",
    "later this month": "this month",
    "earlier this year": "this year",
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
    return span[0].toordinal() - shift, span[1].toordinal() - shift


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
