"""Thirds of the anchor's year and month, and Korean days of a month, read in the Julian calendar.

In a Julian reading (``calendar="julian"``), "the end of the year" read from 5 October 1666 (N.S.), which is 25
September 1666 O.S., is the last third of the Julian year 1666: 1 September to 31 December 1666 O.S., 11 September
1666 to 10 January 1667 in the Gregorian days the model counts in; it is cut at Julian month edges, as "late 1666"
is. The same holds of the beginning and middle of a year, of thirds of a month, in English, Russian, Ukrainian and
Korean; and Korean days named by the anchor's month ("18일", "지난 18일", "지난달 18일") are days of its Julian month.
Expected days are computed here with convertdate's Julian calendar and the documented rules (a year's thirds are
January-April, May-August and September-December; a month's days 1-10, 11-20 and 21 to its end).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from convertdate import julian

from chronology import Interval, UncertainDate, parse

Days = tuple[datetime.date, datetime.date]
JulianDay = tuple[int, int, int]

# Julian dates 10 to 13 days behind, in a Julian month and year behind the Gregorian (1752-01-05 is 25 December
# 1751 O.S.), in a Julian leap February (1700), and before the Gregorian reform (1580)
ANCHORS = ["1666-10-05", "1700-03-05", "1752-01-05", "1918-02-10", "1580-07-03", "1667-01-09"]

_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def old_style(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Julian (Old Style) date, by convertdate."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def julian_of(day: datetime.date) -> JulianDay:
    """The Julian year, month and day of a Gregorian day."""
    year, month, number = julian.from_gregorian(day.year, day.month, day.day)
    return int(year), int(month), int(number)


def anchor_julian(anchor: str) -> JulianDay:
    return julian_of(datetime.date.fromisoformat(anchor))


def julian_month_from(anchor: str, offset: int) -> tuple[int, int]:
    """The Julian year and month ``offset`` months from the anchor's Julian month."""
    year, month, _ = anchor_julian(anchor)
    years, index = divmod(month - 1 + offset, 12)
    return year + years, index + 1


def year_third(part: str, offset: int = 0) -> Callable[[str], Days]:
    """The ``part`` third of the Julian year ``offset`` years from the anchor's."""

    def expected(anchor: str) -> Days:
        year = anchor_julian(anchor)[0] + offset
        first, last = _YEAR_THIRDS[part]
        return old_style(year, first, 1), old_style(year, last, julian.month_length(year, last))

    return expected


def month_third(part: str, offset: int = 0) -> Callable[[str], Days]:
    """The ``part`` third of the Julian month ``offset`` months from the anchor's."""

    def expected(anchor: str) -> Days:
        year, month = julian_month_from(anchor, offset)
        first, last = _MONTH_THIRDS[part]
        return old_style(year, month, first), old_style(year, month, min(last, julian.month_length(year, month)))

    return expected


def day_of_month(day: int, offset: int = 0) -> Callable[[str], Days]:
    """Day ``day`` of the Julian month ``offset`` months from the anchor's."""

    def expected(anchor: str) -> Days:
        year, month = julian_month_from(anchor, offset)
        return old_style(year, month, day), old_style(year, month, day)

    return expected


def latest_day_of_month(day: int) -> Callable[[str], Days]:
    """The latest Julian day ``day`` of a month before the anchor ("지난 18일")."""

    def expected(anchor: str) -> Days:
        today = anchor_julian(anchor)
        for offset in range(0, -3, -1):
            year, month = julian_month_from(anchor, offset)
            if day <= julian.month_length(year, month) and (year, month, day) < today:
                return old_style(year, month, day), old_style(year, month, day)
        raise AssertionError("every month has a 28th")

    return expected


def month_of_year(month: int, offset: int, days: tuple[int, int] | None = None) -> Callable[[str], Days]:
    """Julian ``month`` (days ``days``, else all) of the Julian year ``offset`` years from the anchor's."""

    def expected(anchor: str) -> Days:
        year = anchor_julian(anchor)[0] + offset
        first, last = days or (1, julian.month_length(year, month))
        return old_style(year, month, first), old_style(year, month, min(last, julian.month_length(year, month)))

    return expected


ENGLISH = [
    ("the end of the year", year_third("late")),
    ("year-end", year_third("late")),
    ("late in the year", year_third("late")),
    ("the beginning of the year", year_third("early")),
    ("the start of the year", year_third("early")),
    ("early in the year", year_third("early")),
    ("the middle of the year", year_third("mid")),
    ("late this year", year_third("late")),
    ("late last year", year_third("late", -1)),
    ("the end of last year", year_third("late", -1)),
    ("early next year", year_third("early", 1)),
    ("early this month", month_third("early")),
    ("late this month", month_third("late")),
    ("the end of the month", month_third("late")),
    ("late last month", month_third("late", -1)),
    ("the middle of last month", month_third("mid", -1)),
    ("early next month", month_third("early", 1)),
]
SLAVIC = [
    ("в конце года", year_third("late")),
    ("в начале года", year_third("early")),
    ("в середине года", year_third("mid")),
    ("в конце прошлого года", year_third("late", -1)),
    ("в начале месяца", month_third("early")),
    ("в конце месяца", month_third("late")),
    ("в середине прошлого месяца", month_third("mid", -1)),
    ("наприкінці року", year_third("late")),
    ("у середині року", year_third("mid")),
    ("на початку місяця", month_third("early")),
]
KOREAN = [
    ("연말", year_third("late")),
    ("연초", year_third("early")),
    ("올해 말", year_third("late")),
    ("지난해 말", year_third("late", -1)),
    ("작년 말", year_third("late", -1)),
    ("내년 초", year_third("early", 1)),
    ("이달 초", month_third("early")),
    ("이번 달 중순", month_third("mid")),
    ("월말", month_third("late")),
    ("지난달 말", month_third("late", -1)),
]
KOREAN_DAYS = [
    ("18일", day_of_month(18)),
    ("3일", day_of_month(3)),
    ("다음 달 3일", day_of_month(3, 1)),
    ("지난달 18일", day_of_month(18, -1)),
    ("지난 18일", latest_day_of_month(18)),
    ("지난 30일", latest_day_of_month(30)),
    ("지난해 9월", month_of_year(9, -1)),
    ("지난해 9월 18일", month_of_year(9, -1, (18, 18))),
    ("올해 2월 말", month_of_year(2, 0, (21, 31))),
]


def bounds(value: object) -> Days:
    """The first and last day a reading may be."""
    assert isinstance(value, UncertainDate)
    return datetime.date.fromordinal(value.earliest_day), datetime.date.fromordinal(value.latest_day)


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize(("phrase", "expected"), ENGLISH, ids=lambda p: p if isinstance(p, str) else "")
def test_english_thirds_of_the_anchors_year_and_month_are_julian(
    phrase: str, expected: Callable[[str], Days], anchor: str
) -> None:
    assert bounds(parse(phrase, anchor=anchor, calendar="julian")) == expected(anchor)


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize(("phrase", "expected"), SLAVIC + KOREAN, ids=lambda p: p if isinstance(p, str) else "")
def test_russian_ukrainian_and_korean_thirds_are_julian(
    phrase: str, expected: Callable[[str], Days], anchor: str
) -> None:
    pytest.importorskip("pymorphy3")
    pytest.importorskip("babel")
    assert bounds(parse(phrase, anchor=anchor, calendar="julian")) == expected(anchor)


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize(("phrase", "expected"), KOREAN_DAYS, ids=lambda p: p if isinstance(p, str) else "")
def test_korean_days_named_by_the_anchors_month_are_julian(
    phrase: str, expected: Callable[[str], Days], anchor: str
) -> None:
    pytest.importorskip("babel")
    assert bounds(parse(phrase, anchor=anchor, calendar="julian")) == expected(anchor)


def test_the_example_of_the_report() -> None:
    # 5 October 1666 (N.S.) is 25 September 1666 O.S.: the end of its year is 1 September - 31 December 1666 O.S.
    value = parse("the end of the year", anchor=parse("1666-10-05"), calendar="julian")
    assert bounds(value) == (datetime.date(1666, 9, 11), datetime.date(1667, 1, 10))
    assert value == parse("late 1666", calendar="julian")


def test_by_the_end_of_the_year_ends_with_the_julian_year() -> None:
    value = parse("by the end of the year", anchor="1666-10-05", calendar="julian", tense="future")
    assert bounds(value) == (datetime.date(1666, 10, 5), old_style(1666, 12, 31))


def test_a_third_of_a_season_read_from_the_anchor_is_of_julian_months() -> None:
    # 25 September 1666 O.S.: last summer is June-August 1666 O.S., its late third August
    value = parse("late last summer", anchor="1666-10-05", calendar="julian")
    assert bounds(value) == (old_style(1666, 8, 1), old_style(1666, 8, 31))


def test_korean_range_of_days_of_the_anchors_month_is_julian() -> None:
    pytest.importorskip("babel")
    # 5 October 1666 (N.S.) is 25 September 1666 O.S.: "3~5일" are 3-5 September 1666 O.S.
    value = parse("3~5일", anchor="1666-10-05", calendar="julian")
    assert isinstance(value, Interval)
    assert bounds(value.start) == (old_style(1666, 9, 3), old_style(1666, 9, 3))
    assert bounds(value.end) == (old_style(1666, 9, 5), old_style(1666, 9, 5))


@pytest.mark.parametrize(("phrase", "day"), [("30일", 30), ("18일", 18), ("지난 30일", None)])
def test_korean_day_read_from_a_long_anchor_covers_each_anchor_days_julian_reading(
    phrase: str, day: int | None
) -> None:
    pytest.importorskip("babel")
    # an anchor of more days than are each read: the hull is that of every anchor day's Julian reading
    first, last = datetime.date(1667, 1, 1), datetime.date(1667, 12, 31)
    readings = []
    for number in range(first.toordinal(), last.toordinal() + 1):
        anchor = datetime.date.fromordinal(number).isoformat()
        if day is None:
            readings.append(latest_day_of_month(30)(anchor))
            continue
        year, month, _ = anchor_julian(anchor)
        if day <= julian.month_length(year, month):
            readings.append(day_of_month(day)(anchor))
    expected = min(r[0] for r in readings), max(r[1] for r in readings)
    assert bounds(parse(phrase, anchor="1667", calendar="julian")) == expected


GREGORIAN = [
    ("the end of the year", (datetime.date(1666, 9, 1), datetime.date(1666, 12, 31))),
    ("the beginning of the year", (datetime.date(1666, 1, 1), datetime.date(1666, 4, 30))),
    ("late last month", (datetime.date(1666, 9, 21), datetime.date(1666, 9, 30))),
    ("в конце года", (datetime.date(1666, 9, 1), datetime.date(1666, 12, 31))),
    ("연말", (datetime.date(1666, 9, 1), datetime.date(1666, 12, 31))),
    ("지난달 말", (datetime.date(1666, 9, 21), datetime.date(1666, 9, 30))),
    ("18일", (datetime.date(1666, 10, 18), datetime.date(1666, 10, 18))),
    ("지난 18일", (datetime.date(1666, 9, 18), datetime.date(1666, 9, 18))),
    ("지난달 18일", (datetime.date(1666, 9, 18), datetime.date(1666, 9, 18))),
    ("지난해 9월", (datetime.date(1665, 9, 1), datetime.date(1665, 9, 30))),
]


@pytest.mark.parametrize(("phrase", "expected"), GREGORIAN)
def test_gregorian_reading_is_unchanged(phrase: str, expected: Days) -> None:
    if not phrase.isascii():
        pytest.importorskip("pymorphy3")
        pytest.importorskip("babel")
    assert bounds(parse(phrase, anchor="1666-10-05")) == expected
    assert bounds(parse(phrase, anchor="1666-10-05", calendar="gregorian")) == expected
