"""Phrases an author of a book on the London plague and fire (1665-66) found refused.

Old Style marks on seasons, decades and centuries; a winter's one-digit second year ("winter 1665/6"); one-of
sets of Julian months; weeks of a Julian month; and the figures "perhaps 100,000" and "100,000 or more".
Expected days are computed here with convertdate's Julian calendar, not by the reader's own conversion.
"""

from __future__ import annotations

import datetime
from typing import Literal

import pytest
from convertdate import julian

from chronology import DateParseError, UncertainDate, parse
from chronology.errors import QuantityParseError
from chronology.notation.quantity import parse_quantity
from chronology.quantity import Comparison

Calendar = Literal["gregorian", "julian"]


def old_style(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Julian (Old Style) date, by convertdate."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def julian_month_end(year: int, month: int) -> datetime.date:
    """The Gregorian day of a Julian month's last day, by convertdate."""
    return old_style(year, month, julian.month_length(year, month))


def days(value: object) -> tuple[datetime.date, datetime.date]:
    assert isinstance(value, UncertainDate)
    return datetime.date.fromordinal(value.earliest_day), datetime.date.fromordinal(value.latest_day)


# -- 1. "(O.S.)" after every period that has a year -------------------------------------------------

MARKED = [
    # (phrase, first Julian day, last Julian day)
    ("summer 1665 (O.S.)", (1665, 6, 1), (1665, 8, 31)),
    ("spring 1665 (O.S.)", (1665, 3, 1), (1665, 5, 31)),
    ("autumn 1666 O.S.", (1666, 9, 1), (1666, 11, 30)),
    ("the summer of 1665 (Old Style)", (1665, 6, 1), (1665, 8, 31)),
    ("winter 1665-66 (O.S.)", (1665, 12, 1), (1666, 2, 28)),
    ("the 1660s (O.S.)", (1660, 1, 1), (1669, 12, 31)),
    ("1660s (O.S.)", (1660, 1, 1), (1669, 12, 31)),
    ("the 17th century (O.S.)", (1600, 1, 1), (1699, 12, 31)),
    ("late 1665 (O.S.)", (1665, 9, 1), (1665, 12, 31)),
    ("the late 1660s (O.S.)", (1666, 1, 1), (1669, 12, 31)),
    ("early summer 1665 (O.S.)", (1665, 6, 1), (1665, 6, 30)),
    ("the first quarter of 1666 (O.S.)", (1666, 1, 1), (1666, 3, 31)),
    ("the second half of 1666 (O.S.)", (1666, 7, 1), (1666, 12, 31)),
    # 1700 is a Julian leap year: a winter into it runs to the Julian 29 February
    ("winter 1699-1700 (O.S.)", (1699, 12, 1), (1700, 2, 29)),
]


@pytest.mark.parametrize(("phrase", "first", "last"), MARKED)
@pytest.mark.parametrize("calendar", ["gregorian", "julian"])
def test_old_style_mark_reads_periods_in_the_julian_calendar(
    phrase: str, first: tuple[int, int, int], last: tuple[int, int, int], calendar: Calendar
) -> None:
    assert days(parse(phrase, calendar=calendar)) == (old_style(*first), old_style(*last))


@pytest.mark.parametrize("phrase", ["summer 1665", "the 1660s", "the 17th century", "winter 1665-66"])
def test_marked_period_is_the_period_of_a_julian_file(phrase: str) -> None:
    assert days(parse(f"{phrase} (O.S.)")) == days(parse(phrase, calendar="julian"))


def test_new_style_mark_keeps_a_period_gregorian_in_a_julian_file() -> None:
    assert days(parse("summer 1665 (N.S.)", calendar="julian")) == (
        datetime.date(1665, 6, 1),
        datetime.date(1665, 8, 31),
    )
    assert days(parse("the 1660s (N.S.)", calendar="julian")) == (
        datetime.date(1660, 1, 1),
        datetime.date(1669, 12, 31),
    )


def test_a_mark_still_refused_is_named_with_its_form() -> None:
    # a season without its year takes the reading's calendar, and is converted only with its year
    with pytest.raises(DateParseError) as caught:
        parse("last summer (O.S.)")
    message = str(caught.value)
    assert "(O.S.)" in message
    assert "last summer" in message
    assert "not a date this reader knows" not in message


# -- 2. a winter's one-digit second year ------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["winter 1665/6", "winter 1665-6", "the winter of 1665/6", "winter of 1665-6"])
def test_winter_with_one_digit_second_year(phrase: str) -> None:
    assert days(parse(phrase)) == (datetime.date(1665, 12, 1), datetime.date(1666, 2, 28))
    assert days(parse(phrase, calendar="julian")) == (old_style(1665, 12, 1), old_style(1666, 2, 28))
    assert days(parse(phrase)) == days(parse("winter 1665-66"))


def test_winter_into_a_new_decade_with_one_digit() -> None:
    assert days(parse("winter 1669/0")) == (datetime.date(1669, 12, 1), datetime.date(1670, 2, 28))


@pytest.mark.parametrize("phrase", ["winter 1665/7", "winter 1665-5", "summer 1665/6"])
def test_one_digit_second_year_that_does_not_follow_is_refused(phrase: str) -> None:
    with pytest.raises(DateParseError):
        parse(phrase)


# -- 3. one-of sets in the Julian calendar ----------------------------------------------------------


def test_one_of_julian_months_in_a_julian_file() -> None:
    value = parse("August or September 1665", calendar="julian")
    assert isinstance(value, UncertainDate)
    assert [days(member) for member in value.members] == [
        (old_style(1665, 8, 1), julian_month_end(1665, 8)),
        (old_style(1665, 9, 1), julian_month_end(1665, 9)),
    ]
    assert days(value) == (old_style(1665, 8, 1), julian_month_end(1665, 9))


@pytest.mark.parametrize("calendar", ["gregorian", "julian"])
def test_one_of_months_marked_old_style(calendar: Calendar) -> None:
    value = parse("June or July 1665 (O.S.)", calendar=calendar)
    assert isinstance(value, UncertainDate)
    assert [days(member) for member in value.members] == [
        (old_style(1665, 6, 1), julian_month_end(1665, 6)),
        (old_style(1665, 7, 1), julian_month_end(1665, 7)),
    ]


def test_one_of_three_julian_months_each_take_the_last_year() -> None:
    value = parse("June, July or August 1665 (O.S.)")
    assert isinstance(value, UncertainDate)
    assert [days(member) for member in value.members] == [
        (old_style(1665, month, 1), julian_month_end(1665, month)) for month in (6, 7, 8)
    ]


def test_one_of_julian_ranges() -> None:
    value = parse("June to July 1665 or 1666", calendar="julian")
    assert isinstance(value, UncertainDate)
    assert [days(member) for member in value.members] == [
        (old_style(1665, 6, 1), julian_month_end(1665, 7)),
        (old_style(1666, 1, 1), old_style(1666, 12, 31)),
    ]


def test_one_of_julian_years_and_days() -> None:
    years = parse("in 1665 or 1666", calendar="julian")
    assert isinstance(years, UncertainDate)
    assert [days(member) for member in years.members] == [
        (old_style(1665, 1, 1), old_style(1665, 12, 31)),
        (old_style(1666, 1, 1), old_style(1666, 12, 31)),
    ]
    both = parse("2 or 3 September 1666", calendar="julian")
    assert isinstance(both, UncertainDate)
    assert [days(member)[0] for member in both.members] == [old_style(1666, 9, 2), old_style(1666, 9, 3)]


def test_one_of_gregorian_months_unchanged() -> None:
    value = parse("August or September 1665")
    assert isinstance(value, UncertainDate)
    assert days(value) == (datetime.date(1665, 8, 1), datetime.date(1665, 9, 30))


# -- 4. weeks of a Julian month ---------------------------------------------------------------------


def julian_week(year: int, month: int, week: int) -> tuple[datetime.date, datetime.date]:
    """The n-th (or -1: last) row of a Monday-first calendar of a Julian month, cut to its days, in Gregorian days."""
    first = old_style(year, month, 1)
    length = julian.month_length(year, month)
    last = first + datetime.timedelta(days=length - 1)
    rows: list[list[datetime.date]] = [[]]
    for offset in range(length):
        day = first + datetime.timedelta(days=offset)
        if day.weekday() == 0 and rows[-1]:
            rows.append([])
        rows[-1].append(day)
    row = rows[week - 1] if week > 0 else rows[-1]
    assert row[-1] <= last
    return row[0], row[-1]


@pytest.mark.parametrize(
    ("phrase", "calendar", "year", "month", "week"),
    [
        ("the first week of September 1666", "julian", 1666, 9, 1),
        ("the second week of September 1666", "julian", 1666, 9, 2),
        ("the first week of September 1666 (O.S.)", "gregorian", 1666, 9, 1),
        ("the last week of February 1700", "julian", 1700, 2, -1),
    ],
)
def test_week_of_a_julian_month(phrase: str, calendar: Calendar, year: int, month: int, week: int) -> None:
    assert days(parse(phrase, calendar=calendar)) == julian_week(year, month, week)


def test_first_week_of_september_1666_old_style() -> None:
    # 1 September 1666 O.S. was a Saturday (the Fire began on Sunday 2 September O.S.): the first week is two days
    assert days(parse("the first week of September 1666", calendar="julian")) == (
        old_style(1666, 9, 1),
        old_style(1666, 9, 2),
    )


# -- 5. figures -------------------------------------------------------------------------------------


def test_perhaps_is_a_hedge_about_the_figure() -> None:
    figure = parse_quantity("perhaps 100,000")
    assert figure.comparison is Comparison.ABOUT
    assert (figure.low, figure.high) == (100_000, 100_000)
    assert figure.text == "perhaps 100,000"
    assert parse_quantity("maybe 70,000").comparison is Comparison.ABOUT


@pytest.mark.parametrize(
    ("text", "comparison", "low", "high"),
    [
        ("100,000 or more", Comparison.AT_LEAST, 100_000, None),
        ("68,596 or more", Comparison.AT_LEAST, 68_596, None),
        ("100,000 or fewer", Comparison.UP_TO, None, 100_000),
        ("100,000 or less", Comparison.UP_TO, None, 100_000),
        ("100,000 or so", Comparison.ABOUT, 100_000, 100_000),
    ],
)
def test_figure_then_or_more(text: str, comparison: Comparison, low: int | None, high: int | None) -> None:
    figure = parse_quantity(text)
    assert (figure.comparison, figure.low, figure.high) == (comparison, low, high)


@pytest.mark.parametrize("text", ["about 100,000 or more", "10,000-12,000 or more", "perhaps"])
def test_figure_with_two_comparisons_is_refused(text: str) -> None:
    with pytest.raises(QuantityParseError):
        parse_quantity(text)
