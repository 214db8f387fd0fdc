"""Old Style readings in Russian, Ukrainian and Korean: a month, season or period named without a year is Julian.

In a Julian reading (``calendar="julian"``) the months, seasons, quarters and named periods a phrase reads from its
anchor are those of the anchor's Julian date, as they are in English. Expected bounds are computed here with
convertdate's Julian calendar and the documented rules (a month is the latest not after the anchor's month; a
season the latest begun by the anchor, "last" the latest over before it, "this" the one holding it).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from convertdate import julian

from chronology import Interval, UncertainDate, parse

pytest.importorskip("pymorphy3")
pytest.importorskip("babel")

Days = tuple[datetime.date, datetime.date]
JulianDay = tuple[int, int, int]

# Julian dates with 1 to 13 days of difference, at a month's turn (a Julian month and year behind the Gregorian),
# in a Julian leap February (1700) and at the Julian year's end
ANCHORS = ["1666-10-05", "1700-03-05", "1752-01-05", "1918-02-10", "1580-07-03"]


def old_style(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Julian (Old Style) date, by convertdate."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def julian_of(anchor: str) -> JulianDay:
    """The anchor's Julian year, month and day."""
    year, month, day = julian.from_gregorian(*datetime.date.fromisoformat(anchor).timetuple()[:3])
    return int(year), int(month), int(day)


def julian_month(year: int, month: int) -> Days:
    return old_style(year, month, 1), old_style(year, month, julian.month_length(year, month))


def julian_year(year: int) -> Days:
    return old_style(year, 1, 1), old_style(year, 12, 31)


def month_year(anchor: str, month: int) -> int:
    """The Julian year of the latest ``month`` not after the anchor's Julian month."""
    year, anchor_month, _ = julian_of(anchor)
    return year if month <= anchor_month else year - 1


def named_month(month: int) -> Callable[[str], Days]:
    return lambda anchor: julian_month(month_year(anchor, month), month)


def month_days(month: int, first: int, last: int) -> Callable[[str], Days]:
    """Days ``first`` to ``last`` of the latest Julian ``month`` not after the anchor's."""

    def expected(anchor: str) -> Days:
        year = month_year(anchor, month)
        return old_style(year, month, first), old_style(year, month, last)

    return expected


def months_from_anchor(offset: int) -> Callable[[str], Days]:
    """The Julian month ``offset`` months from the anchor's."""

    def expected(anchor: str) -> Days:
        year, month, _ = julian_of(anchor)
        years, index = divmod(month - 1 + offset, 12)
        return julian_month(year + years, index + 1)

    return expected


def years_from_anchor(offset: int) -> Callable[[str], Days]:
    return lambda anchor: julian_year(julian_of(anchor)[0] + offset)


def early_this_month(anchor: str) -> Days:
    year, month, _ = julian_of(anchor)
    return old_style(year, month, 1), old_style(year, month, 10)


def season(first_month: int, months: int, which: str) -> Callable[[str], Days]:
    """A run of Julian months from ``first_month``: the latest begun by the anchor ("bare"), the latest over
    before it ("last"), or the one holding it, else the one beginning in its year ("this")."""

    def occurrence(year: int) -> tuple[JulianDay, JulianDay]:
        years, index = divmod(first_month - 1 + months - 1, 12)
        last_month = index + 1
        return (year, first_month, 1), (year + years, last_month, julian.month_length(year + years, last_month))

    def expected(anchor: str) -> Days:
        today = julian_of(anchor)
        around = [occurrence(year) for year in range(today[0] - 2, today[0] + 2)]
        if which == "bare":
            wanted = [o for o in around if o[0] <= today][-1]
        elif which == "last":
            wanted = [o for o in around if o[1] < today][-1]
        else:
            holding = [o for o in around if o[0] <= today <= o[1]]
            wanted = holding[0] if holding else occurrence(today[0])
        return old_style(*wanted[0]), old_style(*wanted[1])

    return expected


RUSSIAN = [
    ("в прошлом месяце", months_from_anchor(-1)),
    ("в этом месяце", months_from_anchor(0)),
    ("в следующем месяце", months_from_anchor(1)),
    ("в этом году", years_from_anchor(0)),
    ("в прошлом году", years_from_anchor(-1)),
    ("в октябре", named_month(10)),
    ("в феврале", named_month(2)),
    ("3 октября", month_days(10, 3, 3)),
    ("29 февраля", month_days(2, 29, 29)),
    ("в начале октября", month_days(10, 1, 10)),
    ("в начале месяца", early_this_month),
    ("с 3 по 5 октября", month_days(10, 3, 5)),
    ("осенью", season(9, 3, "bare")),
    ("прошлой осенью", season(9, 3, "last")),
    ("зимой", season(12, 3, "bare")),
    ("прошлой зимой", season(12, 3, "last")),
    ("в первом квартале", season(1, 3, "bare")),
    ("во втором полугодии", season(7, 6, "bare")),
]
UKRAINIAN = [
    ("минулого місяця", months_from_anchor(-1)),
    ("цього року", years_from_anchor(0)),
    ("у жовтні", named_month(10)),
    ("восени", season(9, 3, "bare")),
    ("минулої осені", season(9, 3, "last")),
]
KOREAN = [
    ("지난달", months_from_anchor(-1)),
    ("이번 달", months_from_anchor(0)),
    ("올해", years_from_anchor(0)),
    ("작년", years_from_anchor(-1)),
    ("10월", named_month(10)),
    ("2월 29일", month_days(2, 29, 29)),
    ("10월 18일", month_days(10, 18, 18)),
    ("10월 초", month_days(10, 1, 10)),
    ("10월 3일부터 5일까지", month_days(10, 3, 5)),
    ("가을", season(9, 3, "bare")),
    ("겨울", season(12, 3, "bare")),
    ("상반기", season(1, 6, "this")),
    ("하반기", season(7, 6, "this")),
    ("1분기", season(1, 3, "this")),
    ("4분기", season(10, 3, "this")),
]


def bounds(value: object) -> Days:
    """The first and last day a reading may be."""
    if isinstance(value, Interval):
        assert isinstance(value.start, UncertainDate)
        assert isinstance(value.end, UncertainDate)
        first, last = value.start.earliest_day, value.end.latest_day
    else:
        assert isinstance(value, UncertainDate)
        first, last = value.earliest_day, value.latest_day
    return datetime.date.fromordinal(first), datetime.date.fromordinal(last)


def has_day(phrase: str, anchor: str) -> bool:
    """Whether the Julian 29 February a phrase names exists in the year the anchor picks."""
    return "29" not in phrase or julian.month_length(month_year(anchor, 2), 2) == 29


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize(
    ("phrase", "expected"), RUSSIAN + UKRAINIAN + KOREAN, ids=lambda p: p if isinstance(p, str) else ""
)
def test_julian_reading_of_a_phrase_without_its_year(phrase: str, expected: Callable[[str], Days], anchor: str) -> None:
    if not has_day(phrase, anchor):
        pytest.skip("no 29 February in that Julian year")
    assert bounds(parse(phrase, anchor=anchor, calendar="julian")) == expected(anchor)


GREGORIAN = [
    # the same phrases in a Gregorian reading keep the Gregorian months: the Julian calendar is the reading's
    ("в прошлом месяце", "1666-10-05", (datetime.date(1666, 9, 1), datetime.date(1666, 9, 30))),
    ("у жовтні", "1752-01-05", (datetime.date(1751, 10, 1), datetime.date(1751, 10, 31))),
    ("прошлой осенью", "1666-10-05", (datetime.date(1665, 9, 1), datetime.date(1665, 11, 30))),
    ("지난달", "1700-03-05", (datetime.date(1700, 2, 1), datetime.date(1700, 2, 28))),
    ("올해", "1752-01-05", (datetime.date(1752, 1, 1), datetime.date(1752, 12, 31))),
    ("1분기", "1918-02-10", (datetime.date(1918, 1, 1), datetime.date(1918, 3, 31))),
]


@pytest.mark.parametrize(("phrase", "anchor", "expected"), GREGORIAN)
def test_gregorian_reading_keeps_gregorian_months(phrase: str, anchor: str, expected: Days) -> None:
    assert bounds(parse(phrase, anchor=anchor)) == expected
    assert bounds(parse(phrase, anchor=anchor, calendar="gregorian")) == expected


def test_the_julian_reading_differs_where_the_calendars_do() -> None:
    # 5 October 1666 is 25 September 1666 O.S.: "this month" is the Julian September, not October
    julian_reading = bounds(parse("в этом месяце", anchor="1666-10-05", calendar="julian"))
    assert julian_reading == (datetime.date(1666, 9, 11), datetime.date(1666, 10, 10))
    assert julian_reading != bounds(parse("в этом месяце", anchor="1666-10-05"))
    assert bounds(parse("이번 달", anchor="1666-10-05", calendar="julian")) == julian_reading
