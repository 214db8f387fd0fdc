"""ISO 8601 and EDTF notation: every form the reader accepts, and its errors."""

import datetime
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import DateParseError, DateRangeError, Endpoint, Interval, Precision, Qualifier, UncertainDate, parse
from chronology.notation import edtf

# (text, earliest, latest, precision, qualifier, canonical EDTF)
SINGLE_DATES = [
    # ISO 8601 and EDTF level 0
    ("2024", "2024-01-01", "2024-12-31", Precision.YEAR, Qualifier.NONE, "2024"),
    ("2024-06", "2024-06-01", "2024-06-30", Precision.MONTH, Qualifier.NONE, "2024-06"),
    ("2024-02", "2024-02-01", "2024-02-29", Precision.MONTH, Qualifier.NONE, "2024-02"),
    ("2023-02", "2023-02-01", "2023-02-28", Precision.MONTH, Qualifier.NONE, "2023-02"),
    ("2024-10-18", "2024-10-18", "2024-10-18", Precision.DAY, Qualifier.NONE, "2024-10-18"),
    ("20241018", "2024-10-18", "2024-10-18", Precision.DAY, Qualifier.NONE, "2024-10-18"),
    ("2024-292", "2024-10-18", "2024-10-18", Precision.DAY, Qualifier.NONE, "2024-10-18"),
    ("2024-W41", "2024-10-07", "2024-10-13", Precision.WEEK, Qualifier.NONE, "[2024-10-07..2024-10-13]"),
    ("2024-W41-5", "2024-10-11", "2024-10-11", Precision.DAY, Qualifier.NONE, "2024-10-11"),
    ("2020-W53", "2020-12-28", "2021-01-03", Precision.WEEK, Qualifier.NONE, "[2020-12-28..2021-01-03]"),
    # level 1: qualifiers
    ("1984?", "1984-01-01", "1984-12-31", Precision.YEAR, Qualifier.UNCERTAIN, "1984?"),
    ("2004-06~", "2004-06-01", "2004-06-30", Precision.MONTH, Qualifier.APPROXIMATE, "2004-06~"),
    ("2004-06-11%", "2004-06-11", "2004-06-11", Precision.DAY, Qualifier.BOTH, "2004-06-11%"),
    # level 1: unspecified digits
    ("201X", "2010-01-01", "2019-12-31", Precision.DECADE, Qualifier.NONE, "201X"),
    ("20XX", "2000-01-01", "2099-12-31", Precision.CENTURY, Qualifier.NONE, "20XX"),
    ("1XXX", "1000-01-01", "1999-12-31", Precision.MILLENNIUM, Qualifier.NONE, "1XXX"),
    ("2004-XX", "2004-01-01", "2004-12-31", Precision.YEAR, Qualifier.NONE, "2004-XX"),
    ("1985-04-XX", "1985-04-01", "1985-04-30", Precision.MONTH, Qualifier.NONE, "1985-04-XX"),
    ("1985-XX-XX", "1985-01-01", "1985-12-31", Precision.YEAR, Qualifier.NONE, "1985-XX-XX"),
    # level 1: seasons (meteorological, northern hemisphere for 21-24)
    ("2001-21", "2001-03-01", "2001-05-31", Precision.SEASON, Qualifier.NONE, "2001-21"),
    ("2001-22", "2001-06-01", "2001-08-31", Precision.SEASON, Qualifier.NONE, "2001-22"),
    ("2001-23", "2001-09-01", "2001-11-30", Precision.SEASON, Qualifier.NONE, "2001-23"),
    ("2023-24", "2023-12-01", "2024-02-29", Precision.SEASON, Qualifier.NONE, "2023-24"),
    # level 2: sub-year groupings 25-41
    ("2001-29", "2001-09-01", "2001-11-30", Precision.SEASON, Qualifier.NONE, "2001-29"),
    ("2024-33", "2024-01-01", "2024-03-31", Precision.QUARTER, Qualifier.NONE, "2024-33"),
    ("2024-36", "2024-10-01", "2024-12-31", Precision.QUARTER, Qualifier.NONE, "2024-36"),
    ("2024-38", "2024-05-01", "2024-08-31", Precision.QUADRIMESTER, Qualifier.NONE, "2024-38"),
    ("2024-41", "2024-07-01", "2024-12-31", Precision.SEMESTER, Qualifier.NONE, "2024-41"),
    # level 2: qualifiers on components
    ("2024-~10", "2024-10-01", "2024-10-31", Precision.MONTH, Qualifier.APPROXIMATE, "2024-~10"),
    ("?2004-06-~11", "2004-06-11", "2004-06-11", Precision.DAY, Qualifier.BOTH, "?2004-06-~11"),
    ("2004-06?-11", "2004-06-11", "2004-06-11", Precision.DAY, Qualifier.UNCERTAIN, "?2004-?06-11"),
    ("2004?-06-11", "2004-06-11", "2004-06-11", Precision.DAY, Qualifier.UNCERTAIN, "?2004-06-11"),
    ("~2004-~06", "2004-06-01", "2004-06-30", Precision.MONTH, Qualifier.APPROXIMATE, "2004-06~"),
    ("2004-06~-11", "2004-06-11", "2004-06-11", Precision.DAY, Qualifier.APPROXIMATE, "~2004-~06-11"),
    # level 2: X anywhere
    ("156X-12-25", "1560-12-25", "1569-12-25", Precision.DAY, Qualifier.NONE, "156X-12-25"),
    ("15XX-12-25", "1500-12-25", "1599-12-25", Precision.DAY, Qualifier.NONE, "15XX-12-25"),
    ("1XXX-12", "1000-12-01", "1999-12-31", Precision.MONTH, Qualifier.NONE, "1XXX-12"),
    ("1984-1X", "1984-10-01", "1984-12-31", Precision.MONTH, Qualifier.NONE, "1984-1X"),
    ("2024-10-3X", "2024-10-30", "2024-10-31", Precision.DAY, Qualifier.NONE, "2024-10-3X"),
    ("2023-02-XX", "2023-02-01", "2023-02-28", Precision.MONTH, Qualifier.NONE, "2023-02-XX"),
    ("19X5", "1905-01-01", "1995-12-31", Precision.YEAR, Qualifier.NONE, "19X5"),
    # level 2: significant digits
    ("1950S2", "1900-01-01", "1999-12-31", Precision.CENTURY, Qualifier.NONE, "1950S2"),
    # level 2: one-of sets
    (
        "[2024-10-07..2024-10-13]",
        "2024-10-07",
        "2024-10-13",
        Precision.WEEK,
        Qualifier.NONE,
        "[2024-10-07..2024-10-13]",
    ),
    (
        "[1667, 1668, 1670..1672]",
        "1667-01-01",
        "1672-12-31",
        Precision.YEAR,
        Qualifier.NONE,
        "[1667, 1668, 1670..1672]",
    ),
    ("[2024-06,2024-08]", "2024-06-01", "2024-08-31", Precision.MONTH, Qualifier.NONE, "[2024-06, 2024-08]"),
    # level 2: all-of sets
    (
        "{1667,1668, 1670..1672}",
        "1667-01-01",
        "1672-12-31",
        Precision.YEAR,
        Qualifier.NONE,
        "{1667, 1668, 1670..1672}",
    ),
    ("{1960,1961-12}", "1960-01-01", "1961-12-31", Precision.YEAR, Qualifier.NONE, "{1960, 1961-12}"),
    ("{2024-08, 2024-06~}", "2024-06-01", "2024-08-31", Precision.MONTH, Qualifier.APPROXIMATE, "{2024-08, 2024-06~}"),
    ("{2024-10-07..2024-10-13}", "2024-10-07", "2024-10-13", Precision.DAY, Qualifier.NONE, "{2024-10-07..2024-10-13}"),
]


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "qualifier", "edtf"), SINGLE_DATES, ids=[c[0] for c in SINGLE_DATES]
)
def test_single_dates_have_the_bounds_precision_and_qualifier_the_notation_gives(
    text: str, earliest: str, latest: str, precision: Precision, qualifier: Qualifier, edtf: str
) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert (value.earliest.isoformat(), value.latest.isoformat()) == (earliest, latest)
    assert value.precision is precision
    assert value.qualifier is qualifier
    assert value.to_edtf() == edtf
    assert value.text == text


def test_qualifiers_are_kept_apart_from_the_bounds() -> None:
    plain, approximate = parse("2024-06"), parse("2024-06~")
    assert (plain.lo, plain.hi) == (approximate.lo, approximate.hi)
    assert plain != approximate


def test_date_times_keep_their_offset_and_give_pendulum_datetimes() -> None:
    value = parse("2024-10-18T14:30:05+09:00")
    assert isinstance(value, UncertainDate)
    assert value.precision is Precision.SECOND
    assert value.utc_offset == 9 * 3600
    assert value.earliest.isoformat() == "2024-10-18T14:30:05+09:00"
    assert value.to_edtf() == "2024-10-18T14:30:05+09:00"


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "edtf"),
    [
        ("2024-10-18T14", Precision.HOUR, "2024-10-18T14:00:00", "2024-10-18T14:59:59", "2024-10-18T14"),
        ("2024-10-18T14:30", Precision.MINUTE, "2024-10-18T14:30:00", "2024-10-18T14:30:59", "2024-10-18T14:30"),
        ("2024-10-18T14:30:00Z", Precision.SECOND, "2024-10-18T14:30:00+00:00", "2024-10-18T14:30:00+00:00",
         "2024-10-18T14:30:00Z"),
        ("2024-10-18T14:30:00-0500", Precision.SECOND, "2024-10-18T14:30:00-05:00", "2024-10-18T14:30:00-05:00",
         "2024-10-18T14:30:00-05:00"),
    ],
)  # fmt: skip
def test_times_name_their_precision(text: str, precision: Precision, earliest: str, latest: str, edtf: str) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.precision is precision
    assert value.earliest.isoformat() == earliest
    assert value.latest.isoformat() == latest
    assert value.to_edtf() == edtf


INTERVALS = [
    ("2024-10-07/2024-10-13", "2024-10-07", "2024-10-13"),
    ("2024-06/2024-08", "2024-06-01", "2024-08-31"),
    ("1964/2008", "1964-01-01", "2008-12-31"),
    ("2004-02-01/2005-02", "2004-02-01", "2005-02-28"),
    ("1984~/2004-06", "1984-01-01", "2004-06-30"),
    ("1984?/2004%", "1984-01-01", "2004-12-31"),
    ("2024-10-18T09:00Z/2024-10-18T17:00Z", "2024-10-18T09:00:00+00:00", "2024-10-18T17:00:59+00:00"),
]


@pytest.mark.parametrize(("text", "earliest", "latest"), INTERVALS, ids=[c[0] for c in INTERVALS])
def test_intervals_expose_their_start_earliest_and_end_latest(text: str, earliest: str, latest: str) -> None:
    value = parse(text)
    assert isinstance(value, Interval)
    assert value.earliest is not None
    assert value.latest is not None
    assert (value.earliest.isoformat(), value.latest.isoformat()) == (earliest, latest)
    assert value.to_edtf() == text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1985-04-12/..", None, Endpoint.OPEN),
        ("1985-04-12/", None, Endpoint.UNKNOWN),
        ("../1985-04-12", Endpoint.OPEN, None),
        ("/1985-04-12", Endpoint.UNKNOWN, None),
    ],
)
def test_open_and_unknown_ends_are_different_things(text: str, start: Endpoint | None, end: Endpoint | None) -> None:
    value = parse(text)
    assert isinstance(value, Interval)
    if start is not None:
        assert value.start is start
        assert value.earliest is None
    if end is not None:
        assert value.end is end
        assert value.latest is None
    assert value.to_edtf() == text
    assert parse("1985-04-12/..") != parse("1985-04-12/")


def test_one_day_somewhere_in_a_week_is_not_something_lasting_a_week() -> None:
    one_day = parse("[2024-10-07..2024-10-13]")
    lasting = parse("2024-10-07/2024-10-13")
    assert isinstance(one_day, UncertainDate)
    assert isinstance(lasting, Interval)
    assert (one_day.earliest, one_day.latest) == (lasting.earliest, lasting.latest)
    assert one_day.label == "between 7 and 13 Oct 2024"
    assert lasting.label == "from 7 to 13 October 2024"


def first_day_of_year(year: int) -> int:
    """Day number of 1 January of a proleptic Gregorian year, counted independently of the library."""
    before = year - 1
    return 365 * before + before // 4 - before // 100 + before // 400 + 1


def test_the_independent_day_count_agrees_with_the_standard_library() -> None:
    import datetime

    for year in (1, 2, 4, 100, 400, 1900, 2000, 2024, 9999):
        assert first_day_of_year(year) == datetime.date(year, 1, 1).toordinal()


@pytest.mark.parametrize(
    ("text", "year", "edtf"),
    [
        ("-0500", -500, "-0500"),
        ("0000", 0, "0000"),
        ("Y170000002", 170_000_002, "Y170000002"),
        ("Y-170000002", -170_000_002, "Y-170000002"),
        ("Y17E7", 170_000_000, "Y17E7"),
    ],
)
def test_years_outside_pendulum_keep_order_and_raise_a_clear_error_for_pendulum_values(
    text: str, year: int, edtf: str
) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.earliest_day == first_day_of_year(year)
    assert value.latest_day == first_day_of_year(year + 1) - 1
    with pytest.raises(DateRangeError, match=r"outside 1-9999") as caught:
        _ = value.earliest
    assert str(year) in str(caught.value)
    assert value.to_edtf() == edtf


def test_negative_years_order_before_positive_ones() -> None:
    assert parse("-0500").hi < parse("0001").lo < parse("2024").lo < parse("Y12345").lo


ERRORS = [
    ("", 0, "empty date"),
    ("2024-13", 5, "month 13 does not exist; expected 01-12, or 21-41 for seasons"),
    ("2024-00", 5, "month 00 does not exist"),
    ("2023-02-29", 8, "day 29 does not exist in 2023-02; expected 01-28"),
    ("2024-04-31", 8, "day 31 does not exist in 2024-04; expected 01-30"),
    ("2024-10/2024-09", 7, "reversed interval"),
    ("2024-42", 5, "month 42 does not exist"),
    ("2024-21-03", 8, "a season or quarter (21-41) takes no day"),
    ("24-10-18", 0, "a year has four digits"),
    ("20245", 0, "a year has four digits"),
    ("2024-1", 5, "a month has two digits"),
    ("2024-10-18T25:00", 11, "time 25:00:00 does not exist"),
    ("2024-10-18T10:00+25:00", 16, "offset +25:00 does not exist"),
    ("2024-W54", 6, "week 54 does not exist in 2024"),
    ("2024-W41-8", 9, "weekday 8 does not exist"),
    ("2023-366", 5, "day 366 of the year does not exist in 2023"),
    ("{..1984}", 1, "an all-of set cannot have an open member (..1984): it would take in every date up to 1984"),
    ("{1760, 1762-12..}", 14, "an all-of set cannot have an open member (1762-12..)"),
    ("{1760.., 1762}", 5, "write an interval (1760/..) or a one-of set ([1760..])"),
    ("{2024, 2025", 0, "all-of set has no closing '}'"),
    ("{2024; 2025}", 5, "unexpected ';' in all-of set; members are separated by ','"),
    ("{}", 1, "expected an ISO 8601 or EDTF date"),
    (
        "[2024-W41, 2024-W43]",
        1,
        "a week date cannot be a member of a set (one-of set); give the week's days as a range",
    ),
    ("{2024-W41}", 1, "(2024-10-07..2024-10-13)"),
    (
        "20050924T100000",
        0,
        "extended format only, with '-' between the parts of the date (as EDTF requires): write 2005-09-24T10:00:00",
    ),
    ("[2024-10-07..", 0, "no closing ']'"),
    ("[2024-10-07.., 2024-10-09]", 13, "only the last member of a set may be open after"),
    ("[2024-10-01, ..2024-10-07]", 13, "only the first member of a set may be open before"),
    ("[..2024..]", 0, "a set open on both sides"),
    ("Y17E7-12-26", 5, "a year written with an exponent (Y17E7) stands alone"),
    ("[2024-10-13..2024-10-07]", 13, "reversed range in set"),
    ("2024/2025/2026", 9, "an interval has one '/'"),
    ("../..", 2, "an interval needs a date at one end at least"),
    ("2024-10-07/P1W", 11, "durations"),
    ("2024-06~~", 8, "unexpected '~'"),
    ("Y123", 0, "a 'Y' year has more than four digits"),
    ("-0000", 0, "year -0000 does not exist"),
    ("2024-10-18T10:00?~", 17, "unexpected '~'"),
    ("2024-10-1X?T10:00", 11, "unspecified digits or qualifiers"),
    ("10/11/2024", 0, "day and month order is ambiguous"),
    ("Y99999999999", 0, "beyond the supported range"),
]


@pytest.mark.parametrize(("text", "position", "message"), ERRORS, ids=[c[0] or "empty" for c in ERRORS])
def test_bad_notation_is_an_error_that_repeats_the_input_and_says_where(text: str, position: int, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert message in str(error)
    assert repr(text) in str(error)
    assert error.position == position


@pytest.mark.parametrize(
    ("text", "nearest"),
    [
        ("2019-04-31", "2019-04-30"),
        ("2023-02-29", "2023-02-28"),
        ("2024-02-30", "2024-02-29"),
        ("2019-04-31T10:00+02:00", "2019-04-30T10:00+02:00"),  # the time kept
        ("2019-04-31/2019-05-02", "2019-04-30/2019-05-02"),  # and the other end
        ("[2019-04-31..2019-05-02]", "[2019-04-30..2019-05-02]"),
        ("2019-04-31/2019-06-31", "2019-04-30"),  # the other end is wrong too: the date alone
        ("-0500-02-30", "-0500-02-28"),
    ],
)
def test_a_day_past_the_months_end_is_refused_with_the_months_last_day(text: str, nearest: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert str(caught.value).endswith(f"; did you mean {nearest!r}?")
    parse(nearest)  # the form offered reads


@pytest.mark.parametrize("text", ["2024-W41", "2024-W41~", "2024-W41?", "2024-W01", "2020-W53%"])
def test_a_week_is_written_as_a_one_of_set_that_reads_back_as_a_week(text: str) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.precision is Precision.WEEK
    assert value.to_edtf().startswith("[")
    again = parse(value.to_edtf())
    assert again == value
    assert isinstance(again, UncertainDate)
    assert again.precision is Precision.WEEK


@pytest.mark.parametrize(
    "text",
    ["[2024-10-08..2024-10-14]", "[2024-10-07?..2024-10-13]", "[2024-10-07..2024-10-12]", "[2024-10-07, 2024-10-13]"],
)
def test_other_sets_of_days_keep_day_precision(text: str) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.precision is Precision.DAY


def test_an_all_of_set_is_one_value_spanning_its_members_that_says_all_of_them() -> None:
    every = parse("{1667, 1668, 1670..1672}")
    one = parse("[1667, 1668, 1670..1672]")
    assert isinstance(every, UncertainDate)
    assert isinstance(one, UncertainDate)
    assert every.all_of
    assert not one.all_of
    assert not UncertainDate.parse("1667").all_of
    assert (every.earliest_day, every.latest_day) == (first_day_of_year(1667), first_day_of_year(1673) - 1)
    assert (every.lo, every.hi) == (one.lo, one.hi)
    assert every != one  # all of these years is not one of them
    assert every.to_edtf() == "{1667, 1668, 1670..1672}"
    assert parse(every.to_edtf()) == every


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("[1667, 1668, 1670..1672]", ["1667", "1668", "[1670..1672]"]),
        ("{1667,1668,1670..1672}", ["1667", "1668", "{1670..1672}"]),
        ("{1960, 1961-12}", ["1960", "1961-12"]),
        ("[1760-01, 1760-02, 1760-12..]", ["1760-01", "1760-02", "[1760-12..]"]),
        ("[..1760-12-03, 1762]", ["[..1760-12-03]", "1762"]),
        ("[2024-06~..2024-08, 2024-10-18T10:00Z]", ["[2024-06~..2024-08]", "2024-10-18T10:00Z"]),
        ("{2024-10-07..2024-10-13}", ["{2024-10-07..2024-10-13}"]),
    ],
)
def test_the_members_of_a_set_are_values_of_their_own_that_read_back(text: str, members: list[str]) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    found = value.members
    assert isinstance(found, tuple)
    assert [member.to_edtf() for member in found] == members
    assert found == tuple(parse(member) for member in members)
    for member in found:
        assert isinstance(member, UncertainDate)
        assert member.all_of is value.all_of or member.to_edtf()[0] not in "[{"
        assert parse(member.to_edtf()) == member
        assert value.lo <= member.lo <= member.hi <= value.hi


def test_a_range_member_spans_its_range() -> None:
    (_, _, years) = UncertainDate.parse("{1667, 1668, 1670..1672}").members
    assert years.all_of
    assert (years.earliest_day, years.latest_day) == (first_day_of_year(1670), first_day_of_year(1673) - 1)
    assert years.precision is Precision.YEAR
    (earlier,) = UncertainDate.parse("[..1760-12-03]").members
    assert earlier.open_before
    assert earlier.latest.isoformat() == "1760-12-03"


@pytest.mark.parametrize("text", ["2024", "2024-06~", "2024-W41", "2024-10-18T14:30+09:00", "1950S2"])
def test_a_value_that_is_no_set_is_its_only_member(text: str) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.members == (value,)
    assert not value.all_of


def test_a_value_built_from_days_has_itself_as_member() -> None:
    value = UncertainDate.from_days(first_day_of_year(2024), first_day_of_year(2024) + 2)
    assert value.members == (value,)


def test_a_one_of_set_of_a_weeks_days_is_a_week_but_all_of_them_keep_day_precision() -> None:
    one, every = parse("[2024-10-07..2024-10-13]"), parse("{2024-10-07..2024-10-13}")
    assert isinstance(one, UncertainDate)
    assert isinstance(every, UncertainDate)
    assert one.precision is Precision.WEEK
    assert every.precision is Precision.DAY


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024-W41/2024-W43", "2024-10-07", "2024-10-27"),
        ("[2024-10-07..2024-10-09]/2024-11", "2024-10-07", "2024-11-30"),
        ("[1667, 1670]/1700", "1667-01-01", "1700-12-31"),
    ],
)
def test_an_interval_end_written_as_a_one_of_set_reads_back(text: str, earliest: str, latest: str) -> None:
    value = parse(text)
    assert isinstance(value, Interval)
    assert isinstance(value.start, UncertainDate)
    assert value.start.to_edtf().startswith("[")
    assert value.earliest is not None
    assert value.latest is not None
    assert (value.earliest.isoformat(), value.latest.isoformat()) == (earliest, latest)
    assert parse(value.to_edtf()) == value


def test_an_interval_end_open_on_its_far_side_reads_back() -> None:
    value = parse("[..1984]/2000")
    assert isinstance(value, Interval)
    assert isinstance(value.start, UncertainDate)
    assert value.start.open_before
    assert parse(value.to_edtf()) == value


@pytest.mark.parametrize(("text", "position"), [("{2024, 2025}/2030", 0), ("2020/{2024}", 5)])
def test_an_all_of_set_is_no_interval_end(text: str, position: int) -> None:
    with pytest.raises(
        DateParseError, match=r"an interval end is one date, and an all-of set \(\{\.\.\.\}\)"
    ) as caught:
        parse(text)
    assert caught.value.position == position
    assert repr(text) in str(caught.value)


# -- the quick routes read as the full reader does ---------------------------------------------

_QUICK_FORMS = [
    ("1980-04/1981-12", "interval of months"),
    ("1980-04?/1981-12~", "interval of qualified months"),
    ("1980/..", "interval open after"),
    ("../1980-04-05", "interval open before"),
    ("1980-04/", "interval with an unknown end"),
    ("2023-24/2024-21", "interval of seasons"),
    ("201X/2024-06-XX", "interval of masked dates"),
    ("[1980-04..1981-12]", "one-of range of months"),
    ("{1980..1981-06%}", "all-of range"),
    ("[2024-10-07..2024-10-13]", "one-of range of a week's days"),
    ("2024-21", "season"),
    ("2024-41~", "semester, qualified"),
    ("201X", "decade"),
    ("19XX?", "century, uncertain"),
    ("XXXX", "any year"),
    ("0000-06-XX", "a month of year 0"),
    ("2024-02-XX", "a leap February"),
]


def _fields(value: object) -> object:
    """Every field of a date value, those left out of ``==`` (its text) too, with its class."""
    if isinstance(value, UncertainDate):
        return (type(value), attrs.astuple(value, recurse=False))
    if isinstance(value, Interval):
        return (type(value), _fields(value.start), _fields(value.end), value.text)
    return value


def _read(read: Callable[[str], object], text: str) -> object:
    try:
        return _fields(read(text))
    except DateParseError as error:
        return (type(error), str(error), error.position)


def _full(text: str) -> object:
    return edtf._Reader(text).read()


@pytest.mark.parametrize(("text", "form"), _QUICK_FORMS, ids=[form for _, form in _QUICK_FORMS])
def test_the_common_forms_take_a_quick_route_to_the_full_readers_value(text: str, form: str) -> None:
    assert edtf._fast_compound(text) is not None or edtf._FAST.fullmatch(text) is not None
    assert _read(edtf.parse_edtf, text) == _read(_full, text)


_YEARS = st.one_of(
    st.integers(2023, 2025).map(str),  # near ends, so that ranges and intervals come reversed by a little too
    st.integers(0, 9999).map(lambda year: f"{year:04d}"),
    st.tuples(st.integers(0, 999), st.integers(1, 4)).map(lambda pair: (f"{pair[0]:04d}"[: 4 - pair[1]] + "XXXX")[:4]),
    st.sampled_from(["-0044", "Y12345", "1950S2", "1X99", "+2024"]),
)
_PARTS = st.one_of(
    st.integers(1, 12).map(lambda n: f"{n:02d}"),
    st.integers(0, 45).map(lambda n: f"{n:02d}"),
    st.sampled_from(["XX", "1X", "X", "123", "W41"]),
)
_QUALIFIERS = st.sampled_from(["", "", "?", "~", "%"])


@st.composite
def _dates(draw: st.DrawFn) -> str:
    parts = [draw(_YEARS), *draw(st.lists(_PARTS, max_size=2))]
    return "-".join(parts) + draw(_QUALIFIERS)


_ENDS = st.one_of(_dates(), st.sampled_from(["", ".."]))


@given(
    first=_ENDS,
    last=_ENDS,
    form=st.sampled_from(["{}", "{}/{}", "[{}..{}]", "{{{}..{}}}", "[{}, {}]", "{}//{}", "[{}..{}", "{}..{}]"]),
)
@settings(max_examples=600)
def test_any_text_reads_by_the_quick_routes_as_the_full_reader_reads_it(first: str, last: str, form: str) -> None:
    """Field for field, the texts too, or the same error: the quick routes give way wherever they would differ."""
    text = form.format(first, last)
    assert _read(edtf.parse_edtf, text) == _read(_full, text)


@pytest.mark.parametrize(
    "text", ["٢٠٢٤-٢١", "2024-٢١", "٢٠٢٤/2025", "2024-06/٢٠٢٥", "٢٠٢٤-06-XX", "[２０２４..2025]", "１９XX"]
)
def test_other_digits_are_left_to_the_full_reader_and_its_spelling(text: str) -> None:
    assert _read(edtf.parse_edtf, text) == _read(_full, text)


@given(
    day=st.dates(min_value=datetime.date(1, 2, 1), max_value=datetime.date(9999, 11, 30)),
    shift=st.one_of(st.integers(-2, 2), st.integers(-40, 40)),
    widths=st.tuples(st.sampled_from([4, 7, 10]), st.sampled_from([4, 7, 10])),
    qualifiers=st.tuples(_QUALIFIERS, _QUALIFIERS),
    form=st.sampled_from(["{}/{}", "[{}..{}]", "{{{}..{}}}"]),
)
@settings(max_examples=400)
def test_ends_a_little_apart_or_reversed_read_quickly_as_the_full_reader_reads_them(
    day: datetime.date, shift: int, widths: tuple[int, int], qualifiers: tuple[str, str], form: str
) -> None:
    other = day + datetime.timedelta(days=shift)
    first, last = day.isoformat()[: widths[0]] + qualifiers[0], other.isoformat()[: widths[1]] + qualifiers[1]
    text = form.format(first, last)
    assert _read(edtf.parse_edtf, text) == _read(_full, text)
