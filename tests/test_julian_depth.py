"""The Old Style reading lives in the grammar: each rule read from an anchor carries its own calendar.

A month, feast, season or period named without a year in a Julian reading is Julian, unless the date itself says
"(N.S.)" (or "N.S.", "New Style", "Gregorian"): the mark is the date's own, not the whole phrase's. Expected days
are computed here with convertdate's Julian calendar, and the year by the documented rule (the latest such month
not after the anchor's month, in the anchor's Julian date). Also: one-of sets ("Monday or Tuesday") are the values
their own EDTF reads as, and the feasts Twelfth Night and St Thomas's Day.
"""

from __future__ import annotations

import datetime

import pytest
from convertdate import julian
from hypothesis import given
from hypothesis import strategies as st

from chronology import DateParseError, Interval, Precision, Qualifier, UncertainDate, parse
from chronology._calendar import SECONDS_PER_DAY
from chronology.notation import find_dates, parse_expression
from chronology.notation.edtf import parse_edtf
from chronology.relative import RelativeDate, _one_of_times


def old_style(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Julian (Old Style) date, by convertdate."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def julian_year_for(anchor: str, month: int) -> int:
    """The Julian year of the latest ``month`` not after the anchor's Julian month."""
    year, anchor_month, _ = julian.from_gregorian(*datetime.date.fromisoformat(anchor).timetuple()[:3])
    return int(year) if month <= anchor_month else int(year) - 1


def gregorian_year_for(anchor: str, month: int) -> int:
    day = datetime.date.fromisoformat(anchor)
    return day.year if month <= day.month else day.year - 1


def days(value: object) -> tuple[datetime.date, datetime.date]:
    assert isinstance(value, UncertainDate)
    return datetime.date.fromordinal(value.earliest_day), datetime.date.fromordinal(value.latest_day)


# -- fixed feasts and days of a month without a year ------------------------------------------------

FEASTS = [
    # (phrase, anchor, month, day): each read in the year the anchor's month picks, in either calendar
    ("Christmas", "1667-01-10", 12, 25),  # 31 December 1666 O.S.: Christmas 1666 O.S., 4 January 1667
    ("Michaelmas", "1666-10-05", 9, 29),  # 25 September 1666 O.S.: Michaelmas 1666 O.S., 9 October
    ("Michaelmas", "1666-09-30", 9, 29),  # 20 September 1666 O.S.: the Gregorian 29 September of 1666
    ("Lady Day", "1666-03-30", 3, 25),  # 20 March 1666 O.S.
    ("November 13", "1666-12-29", 11, 13),
    ("Christmas Eve", "1700-01-03", 12, 24),  # 23 December 1699 O.S.: after the Julian 29 February 1700 too
]


@pytest.mark.parametrize(("phrase", "anchor", "month", "day"), FEASTS)
def test_a_day_without_its_year_is_the_julian_day_of_the_anchors_julian_year(
    phrase: str, anchor: str, month: int, day: int
) -> None:
    expected = old_style(julian_year_for(anchor, month), month, day)
    assert days(parse(phrase, anchor=anchor, calendar="julian")) == (expected, expected)
    gregorian = datetime.date(gregorian_year_for(anchor, month), month, day)
    assert days(parse(phrase, anchor=anchor)) == (gregorian, gregorian)


@pytest.mark.parametrize("mark", ["(N.S.)", "N.S.", "New Style", "Gregorian", "(Gregorian)"])
@pytest.mark.parametrize(("phrase", "anchor", "month", "day"), FEASTS[:4])
def test_a_day_marked_new_style_stays_gregorian_in_a_julian_reading(
    phrase: str, anchor: str, month: int, day: int, mark: str
) -> None:
    expected = datetime.date(gregorian_year_for(anchor, month), month, day)
    assert days(parse(f"{phrase} {mark}", anchor=anchor, calendar="julian")) == (expected, expected)


def test_late_march_without_a_year_is_the_late_third_of_old_style_march() -> None:
    anchor = "1667-04-05"  # 26 March 1667 O.S.
    year = julian_year_for(anchor, 3)
    assert days(parse("late March", anchor=anchor, calendar="julian")) == (
        old_style(year, 3, 21),
        old_style(year, 3, 31),
    )
    # said "(N.S.)", the Gregorian March of the anchor's Gregorian year
    assert days(parse("late March (N.S.)", anchor=anchor, calendar="julian")) == (
        datetime.date(1667, 3, 21),
        datetime.date(1667, 3, 31),
    )


def test_a_date_without_its_year_marked_old_style_is_still_refused() -> None:
    # the conversion was never guessed for a date that says "(O.S.)" without its year; that stays
    for calendar in ("gregorian", "julian"):
        with pytest.raises(DateParseError, match="give the year"):
            parse("Christmas (O.S.)", anchor="1667-01-10", calendar=calendar)


# -- a mark belongs to its date, not to the phrase -------------------------------------------------


@pytest.mark.parametrize("mark", ["(N.S.)", "New Style", "Gregorian"])
def test_a_new_style_mark_on_one_date_leaves_the_other_julian(mark: str) -> None:
    # (a search of the whole text for "N.S." or "Gregorian" read Lady Day as the Gregorian 25 March)
    anchor = "1667-01-10"
    value = parse(f"from Christmas 1665 {mark} to Lady Day", anchor=anchor, calendar="julian")
    assert isinstance(value, Interval)
    assert days(value.start) == (datetime.date(1665, 12, 25),) * 2
    lady_day = old_style(julian_year_for(anchor, 3), 3, 25)
    assert days(value.end) == (lady_day, lady_day)


def test_between_a_new_style_feast_and_an_old_style_one() -> None:
    anchor = "1667-01-10"  # 31 December 1666 O.S.
    christmas = old_style(julian_year_for(anchor, 12), 12, 25)
    value = parse("between Michaelmas (N.S.) and Christmas", anchor=anchor, calendar="julian")
    # Michaelmas in the (Julian) year Christmas falls in, on its Gregorian day
    assert days(value) == (datetime.date(julian_year_for(anchor, 12), 9, 29), christmas)
    # the first of two dates takes the mark from the second, as it takes the year
    both = parse("between Michaelmas and Christmas (N.S.)", anchor=anchor, calendar="julian")
    assert days(both) == (datetime.date(1666, 9, 29), datetime.date(1666, 12, 25))


def test_rules_read_from_the_anchor_carry_the_readings_calendar() -> None:
    for phrase in ("Christmas", "last summer", "last month", "early October", "between November and February"):
        julian_rule = parse_expression(phrase, calendar="julian")
        gregorian_rule = parse_expression(phrase)
        assert isinstance(julian_rule, RelativeDate)
        assert isinstance(gregorian_rule, RelativeDate)
        assert "calendar='julian'" in repr(julian_rule.rule)
        assert "calendar='julian'" not in repr(gregorian_rule.rule)
    marked = parse_expression("Christmas (N.S.)", calendar="julian")
    assert isinstance(marked, RelativeDate)
    assert "calendar='julian'" not in repr(marked.rule)


def test_russian_months_around_the_anchor_are_julian_in_a_julian_reading() -> None:
    pytest.importorskip("pymorphy3")
    pytest.importorskip("babel")
    anchor = "1667-01-05"  # 26 December 1666 O.S.: the month before is November 1666 O.S.
    assert days(parse("в прошлом месяце", anchor=anchor, calendar="julian")) == (
        old_style(1666, 11, 1),
        old_style(1666, 11, 30),
    )
    assert days(parse("в прошлом месяце", anchor=anchor)) == (datetime.date(1666, 12, 1), datetime.date(1666, 12, 31))


# -- Twelfth Night and St Thomas's Day -------------------------------------------------------------

ST_THOMAS = ["St Thomas's Day", "St Thomas' Day", "Saint Thomas's Day", "St. Thomas's Day", "the feast of St Thomas"]


@pytest.mark.parametrize(("name", "month", "day"), [("Twelfth Night", 1, 5), *((name, 12, 21) for name in ST_THOMAS)])
def test_twelfth_night_and_st_thomass_day_with_their_year(name: str, month: int, day: int) -> None:
    gregorian = datetime.date(1666, month, day)
    assert days(parse(f"{name} 1666")) == (gregorian, gregorian)
    julian_day = old_style(1666, month, day)
    assert days(parse(f"{name} 1666", calendar="julian")) == (julian_day, julian_day)
    assert days(parse(f"{name} 1666 (O.S.)")) == (julian_day, julian_day)
    assert days(parse(f"{name} 1666 (N.S.)", calendar="julian")) == (gregorian, gregorian)


@pytest.mark.parametrize(
    ("name", "anchor", "month", "day"),
    [("Twelfth Night", "1667-01-10", 1, 5), ("St Thomas's Day", "1667-01-05", 12, 21)],
)
def test_twelfth_night_and_st_thomass_day_without_a_year(name: str, anchor: str, month: int, day: int) -> None:
    julian_day = old_style(julian_year_for(anchor, month), month, day)
    assert days(parse(name, anchor=anchor, calendar="julian")) == (julian_day, julian_day)
    gregorian = datetime.date(gregorian_year_for(anchor, month), month, day)
    assert days(parse(name, anchor=anchor)) == (gregorian, gregorian)
    assert days(parse(f"{name} (N.S.)", anchor=anchor, calendar="julian")) == (gregorian, gregorian)


def test_twelfth_night_is_the_day_its_evening_is_on() -> None:
    evening = parse("the evening of Twelfth Night 1666")
    assert isinstance(evening, UncertainDate)
    assert evening.earliest_day == evening.latest_day == datetime.date(1666, 1, 5).toordinal()
    assert evening.precision is Precision.HOUR


def test_twelfth_night_alone_in_running_text_is_the_play_not_a_date() -> None:
    text = "We saw Twelfth Night at the Globe; on Twelfth Night 1667 we danced, and on St Thomas's Day it snowed."
    assert [phrase.text for phrase in find_dates(text)] == ["on Twelfth Night 1667", "on St Thomas's Day"]


# -- one-of sets: the values their own EDTF reads as -------------------------------------------------


def same_value(a: UncertainDate, b: UncertainDate) -> bool:
    return (a.lo, a.hi, a.precision, a.qualifier, a.utc_offset, a.edtf) == (
        b.lo,
        b.hi,
        b.precision,
        b.qualifier,
        b.utc_offset,
        b.edtf,
    )


def test_monday_or_tuesday_is_the_one_of_set_of_the_two_days() -> None:
    anchor = datetime.date(2024, 10, 16)  # a Wednesday
    monday = anchor - datetime.timedelta(days=anchor.weekday())
    tuesday = monday + datetime.timedelta(days=1)
    value = parse("Monday or Tuesday", anchor=anchor.isoformat())
    assert isinstance(value, UncertainDate)
    assert value.edtf == f"[{monday.isoformat()}, {tuesday.isoformat()}]"
    assert (value.earliest_day, value.latest_day) == (monday.toordinal(), tuesday.toordinal())
    assert value.label == f"{monday.day} October 2024 or {tuesday.day} October 2024"
    assert value.text == "Monday or Tuesday"
    assert [m.earliest_day for m in value.members] == [monday.toordinal(), tuesday.toordinal()]


ONE_OF = [
    "Monday or Tuesday",
    "late Monday or early Tuesday",
    "Monday night or Tuesday morning",
    "last week or this week",  # ranges of days: the set is of days, as its notation writes them
    "this month or last month",
    "last year or this year",
    "last month or yesterday",  # of different precisions: the coarsest
    "this weekend or next weekend",
    "yesterday or today",
]
# (an approximate anchor makes every reading approximate: the set's members are qualified)
ANCHORS = ["2024-10-16", "2024-10-16~", "[2024-10-16..2024-10-18]", "2024-10-01", "[2024-10-01..2024-12-31]"]


@pytest.mark.parametrize("zone", [None, "Europe/London"])
@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize("phrase", ONE_OF)
def test_a_one_of_set_is_the_value_its_edtf_reads_as(phrase: str, anchor: str, zone: str | None) -> None:
    try:
        value = parse(phrase, anchor=anchor, zone=zone, tense="either")
    except DateParseError:
        pytest.skip("not read against this anchor")
    assert isinstance(value, UncertainDate)
    assert value.text == phrase
    read_back = parse_edtf(value.edtf)
    assert isinstance(read_back, UncertainDate)
    assert same_value(value, read_back)


PRECISIONS = [p for p in Precision if p is not Precision.WEEK] + [Precision.WEEK]


@st.composite
def one_of_members(draw: st.DrawFn) -> tuple[list[tuple[int, int]], Precision, Qualifier, int | None]:
    """Spans in order and apart, as a one-of set's members: whole units of time, or whole days, months or years."""
    precision = draw(st.sampled_from(PRECISIONS))
    qualifier = draw(st.sampled_from([Qualifier.NONE, *Qualifier, Qualifier.APPROXIMATE | Qualifier.UNCERTAIN]))
    start = datetime.date(2024, 1, 1).toordinal() + draw(st.integers(-800, 800))
    spans: list[tuple[int, int]] = []
    if precision.has_time:
        unit = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}[precision]
        offset = draw(st.sampled_from([None, 0, 3600, -18000]))
        at = start * SECONDS_PER_DAY
        for _ in range(draw(st.integers(2, 4))):
            at += unit * draw(st.integers(1, 40))
            length = unit * draw(st.integers(1, 30))
            spans.append((at, at + length - 1))
            at += length
        return spans, precision, qualifier, offset
    day = start
    for _ in range(draw(st.integers(2, 4))):
        kind = draw(st.sampled_from(["days", "month", "months", "year", "years"]))
        first = datetime.date.fromordinal(day + draw(st.integers(1, 60)))
        if kind == "days":
            last = first + datetime.timedelta(days=draw(st.integers(0, 20)))
        else:
            months = 1 if kind == "month" else draw(st.integers(2, 14))
            if kind.startswith("year"):
                first = datetime.date(first.year + 1, 1, 1)
                months = 12 * (1 if kind == "year" else draw(st.integers(2, 3)))
            else:
                first = datetime.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            end_year, end_month = divmod(first.month - 1 + months, 12)
            last = datetime.date(first.year + end_year, end_month + 1, 1) - datetime.timedelta(days=1)
        spans.append((first.toordinal() * SECONDS_PER_DAY, last.toordinal() * SECONDS_PER_DAY + SECONDS_PER_DAY - 1))
        day = last.toordinal() + 1
    return spans, precision, qualifier, None


@given(one_of_members())
def test_a_one_of_set_built_from_its_members_bounds_is_what_its_edtf_reads_as(
    members: tuple[list[tuple[int, int]], Precision, Qualifier, int | None],
) -> None:
    spans, precision, qualifier, offset = members
    value = _one_of_times(spans, precision, qualifier, offset, "some phrase")
    read_back = parse_edtf(value.edtf)
    assert isinstance(read_back, UncertainDate)
    assert same_value(value, read_back)
    assert value.text == "some phrase"
    assert len(value.members) == len(spans)
