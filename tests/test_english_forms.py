"""Every form of "Dates as people write them", each with its documented reading: one table per rule."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import DateParseError, Endpoint, Interval, Precision, Qualifier, UncertainDate, parse
from chronology.notation import parse_expression

REPORT = parse("2024-11-17")  # a Sunday: Bloomberg's article
DAY = 86_400


def bounds(value: object) -> tuple[str | None, str | None]:
    """Earliest and latest as ISO text, None for an open side; times keep their time."""
    assert isinstance(value, UncertainDate), value
    first = None if value.open_before else value.earliest.isoformat()
    last = None if value.open_after else value.latest.isoformat()
    return first, last


Row = tuple[str, str | None, str | None, Qualifier]


def table(rows: list[Row]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("phrase", "earliest", "latest", "qualifier"), rows, ids=[r[0] for r in rows])


A, U, N = Qualifier.APPROXIMATE, Qualifier.UNCERTAIN, Qualifier.NONE

HEDGES: list[Row] = [
    ("c. 1400", "1400-01-01", "1400-12-31", A),
    ("circa 1400", "1400-01-01", "1400-12-31", A),
    ("ca. 1400", "1400-01-01", "1400-12-31", A),
    ("c.1400", "1400-01-01", "1400-12-31", A),
    ("about 1400", "1400-01-01", "1400-12-31", A),
    ("around June 2024", "2024-06-01", "2024-06-30", A),
    ("roughly 1850", "1850-01-01", "1850-12-31", A),
    ("around late October 2024", "2024-10-21", "2024-10-31", A),
    ("c. 1450s", "1450-01-01", "1459-12-31", A),
    ("1468?", "1468-01-01", "1468-12-31", U),
    ("c. 1468?", "1468-01-01", "1468-12-31", Qualifier.BOTH),
]
PERIODS: list[Row] = [
    ("1450s", "1450-01-01", "1459-12-31", N),
    ("the 1450s", "1450-01-01", "1459-12-31", N),
    ("the 1400s", "1400-01-01", "1499-12-31", N),  # a hundred: the century
    ("the 2000s", "2000-01-01", "2009-12-31", N),  # except the decade everyone means
    ("the 15th century", "1400-01-01", "1499-12-31", N),
    ("the fifteenth century", "1400-01-01", "1499-12-31", N),
    ("the early 15th century", "1400-01-01", "1432-12-31", N),
    ("the mid 15th century", "1433-01-01", "1465-12-31", N),
    ("mid-15th century", "1433-01-01", "1465-12-31", N),
    ("the late 15th century", "1466-01-01", "1499-12-31", N),
    ("early 1470s", "1470-01-01", "1472-12-31", N),
    ("late 2023", "2023-09-01", "2023-12-31", N),
    ("mid-2024", "2024-05-01", "2024-08-31", N),
    ("the early 2000s", "2000-01-01", "2002-12-31", N),
    ("spring 2024", "2024-03-01", "2024-05-31", N),
    ("autumn 1462", "1462-09-01", "1462-11-30", N),
    ("fall 1462", "1462-09-01", "1462-11-30", N),
    ("winter 2023", "2023-12-01", "2024-02-29", N),
    ("Winter 2023-24", "2023-12-01", "2024-02-29", N),
    ("southern summer 2024", "2024-12-01", "2025-02-28", N),
    ("Q3 2024", "2024-07-01", "2024-09-30", N),
    ("the third quarter of 2024", "2024-07-01", "2024-09-30", N),
    ("H1 2024", "2024-01-01", "2024-06-30", N),
    ("the first half of 2024", "2024-01-01", "2024-06-30", N),
    ("sometime in 1665", "1665-01-01", "1665-12-31", N),
    ("in 1468", "1468-01-01", "1468-12-31", N),
    ("the 2nd millennium", "1000-01-01", "1999-12-31", N),
]
TERMINI: list[Row] = [
    ("before 23 August 1456", None, "1456-08-22", N),
    ("by 1455", None, "1455-12-31", N),
    ("no later than May 1665", None, "1665-05-31", N),
    ("not after 1712", None, "1712-12-31", N),
    ("after 1460", "1461-01-01", None, N),
    ("no earlier than 1450", "1450-01-01", None, N),
    ("not before 1450", "1450-01-01", None, N),
    ("before c. 1456", None, "1455-12-31", A),
]
ONE_OF_RANGES: list[Row] = [
    ("between 1434 and 1444", "1434-01-01", "1444-12-31", N),
    ("between 7 and 13 October 2024", "2024-10-07", "2024-10-13", N),
    ("between June and August 2024", "2024-06-01", "2024-08-31", N),
]
DATELINES: list[Row] = [
    ("Tuesday 12 March 2024", "2024-03-12", "2024-03-12", N),
    ("Tue, 12 Mar 2024", "2024-03-12", "2024-03-12", N),
    ("Tuesday, March 12, 2024", "2024-03-12", "2024-03-12", N),
]
ERAS: list[Row] = [
    ("44 BC", "-0043", "-0043", N),
    ("44 BCE", "-0043", "-0043", N),
    ("AD 79", "0079", "0079", N),
    ("79 CE", "0079", "0079", N),
    ("c. 500 BC", "-0499", "-0499", A),
]
OLD_STYLE: list[Row] = [
    ("5 September 1666 (O.S.)", "1666-09-15", "1666-09-15", N),
    ("5 September 1666 Old Style", "1666-09-15", "1666-09-15", N),
    ("29 February 1700 (O.S.)", "1700-03-11", "1700-03-11", N),  # a Julian leap day
    ("10 February 1665/6", "1666-02-10", "1666-02-10", N),  # a double year: the year is the second
    ("1665/66", "1665-03-25", "1666-03-24", N),  # an Old Style year, from Lady Day
]


@table(HEDGES + PERIODS + TERMINI + ONE_OF_RANGES + DATELINES)
def test_dates_read_without_an_anchor(
    phrase: str, earliest: str | None, latest: str | None, qualifier: Qualifier
) -> None:
    value = parse(phrase)
    assert bounds(value) == (earliest, latest)
    assert isinstance(value, UncertainDate)
    assert value.qualifier == qualifier


@table(ERAS)
def test_years_before_the_common_era_are_astronomical_in_edtf(
    phrase: str, earliest: str, latest: str, qualifier: Qualifier
) -> None:
    value = parse(phrase)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == earliest + qualifier.symbol
    assert value.qualifier == qualifier
    assert value.label.endswith(("44 BCE", "AD 79", "500 BCE"))


@table(OLD_STYLE)
def test_old_style_dates_are_converted_with_the_calendar_library(
    phrase: str, earliest: str, latest: str, qualifier: Qualifier
) -> None:
    assert bounds(parse(phrase)) == (earliest, latest)


def test_a_julian_reading_converts_dates_in_words_but_never_iso() -> None:
    assert bounds(parse("5 September 1666", calendar="julian")) == ("1666-09-15", "1666-09-15")
    assert bounds(parse("1666-09-05", calendar="julian")) == ("1666-09-05", "1666-09-05")
    assert bounds(parse("5 September 1666 (N.S.)", calendar="julian")) == ("1666-09-05", "1666-09-05")


LASTING = [
    ("from 1452 to 1455", "1452-01-01", "1455-12-31", Endpoint.UNKNOWN),
    ("1452-1455", "1452-01-01", "1455-12-31", Endpoint.UNKNOWN),
    ("June-August 2024", "2024-06-01", "2024-08-31", Endpoint.UNKNOWN),
    ("3-5 October 2024", "2024-10-03", "2024-10-05", Endpoint.UNKNOWN),
    ("from March to May 1665", "1665-03-01", "1665-05-31", Endpoint.UNKNOWN),
    ("since February 2022", "2022-02-01", None, Endpoint.OPEN),
]


@pytest.mark.parametrize(("phrase", "start", "end", "_"), LASTING, ids=[r[0] for r in LASTING])
def test_ranges_from_to_and_with_a_dash_last(phrase: str, start: str, end: str | None, _: Endpoint) -> None:
    value = parse(phrase)
    assert isinstance(value, Interval)
    assert isinstance(value.start, UncertainDate)
    assert value.start.earliest.isoformat() == start
    if end is None:
        assert value.end is Endpoint.OPEN
    else:
        assert isinstance(value.end, UncertainDate)
        assert value.end.latest.isoformat() == end
    assert value.label.startswith("from ")


def test_until_lasts_from_an_unknown_start() -> None:
    value = parse("until March", anchor=REPORT)
    assert isinstance(value, Interval)
    assert value.start is Endpoint.UNKNOWN
    assert isinstance(value.end, UncertainDate)
    assert value.end.to_edtf() == "2024-03"


AROUND_THE_REPORT = [
    ("yesterday", "2024-11-16", "2024-11-16"),
    ("the day before yesterday", "2024-11-15", "2024-11-15"),
    ("last weekend", "2024-11-09", "2024-11-10"),
    ("this weekend", "2024-11-16", "2024-11-17"),
    ("over the weekend", "2024-11-16", "2024-11-17"),
    ("the previous Thursday", "2024-11-14", "2024-11-14"),
    ("the following Monday", "2024-11-18", "2024-11-18"),
    ("earlier this week", "2024-11-11", "2024-11-16"),
    ("earlier this year", "2024-01-01", "2024-11-16"),
    ("late last month", "2024-10-21", "2024-10-31"),
    ("early last week", "2024-11-04", "2024-11-05"),
    ("last summer", "2024-06-01", "2024-08-31"),
    ("a fortnight ago", "2024-11-03", "2024-11-03"),
    ("twenty-one days ago", "2024-10-27", "2024-10-27"),
    ("Friday", "2024-11-15", "2024-11-15"),
    ("last night", "2024-11-16T18:00:00", "2024-11-17T05:59:59"),
    ("this morning", "2024-11-17T06:00:00", "2024-11-17T11:59:59"),
    ("overnight", "2024-11-16T18:00:00", "2024-11-17T05:59:59"),
    ("early Monday", "2024-11-11T00:00:00", "2024-11-11T07:59:59"),
    ("late Tuesday", "2024-11-12T16:00:00", "2024-11-12T23:59:59"),
    ("Monday morning", "2024-11-11T06:00:00", "2024-11-11T11:59:59"),
    ("Sunday night", "2024-11-17T18:00:00", "2024-11-18T05:59:59"),
    ("in the afternoon", "2024-11-17T12:00:00", "2024-11-17T17:59:59"),
    ("at noon", "2024-11-17T12:00:00", "2024-11-17T12:00:59"),
    ("at about 3 a.m.", "2024-11-17T03:00:00", "2024-11-17T03:59:59"),
    ("3 a.m. local time", "2024-11-17T03:00:00", "2024-11-17T03:59:59"),
    ("14:30 on 3 October 2024", "2024-10-03T14:30:00", "2024-10-03T14:30:59"),
    ("3 October 2024 at 14:30", "2024-10-03T14:30:00", "2024-10-03T14:30:59"),
    ("within hours", "2024-11-17T00:00:00", "2024-11-18T22:59:59"),
    ("hours later", "2024-11-17T01:00:00", "2024-11-18T22:59:59"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), AROUND_THE_REPORT, ids=[r[0] for r in AROUND_THE_REPORT])
def test_phrases_around_a_report_resolve_against_its_day(phrase: str, earliest: str, latest: str) -> None:
    assert bounds(parse(phrase, anchor=REPORT)) == (earliest, latest)


def test_about_3_am_is_an_approximate_hour_not_an_invented_minute() -> None:
    value = parse("at about 3 a.m. local time", anchor=REPORT)
    assert isinstance(value, UncertainDate)
    assert (value.precision, value.qualifier) == (Precision.HOUR, Qualifier.APPROXIMATE)
    assert value.label == "c. 17 November 2024, 3 a.m."


REFUSED = [
    ("Monday 12 March 2024", "12 March 2024 is a Tuesday, not a Monday"),
    ("30 February 2024", "day 30 does not exist in February"),
    ("29 February 1700", "day 29 does not exist in February 1700"),
    ("10 June 1665/6", "a double year ('1665/6') is written for 1 January to 24 March only"),
    ("1665/7", "'1665/7' is not a double year"),
    ("1455s", "'1455s' is not a decade"),
    ("summer 2024-25", "only a winter runs into the next year"),
    ("Febuary 3", "did you mean 'February 3'?"),
    ("the 15th centry", "did you mean 'the 15th century'?"),
    ("between 1444 and 1434", "reversed range: 1434 comes before 1444"),
    ("June (O.S.)", "an Old Style (Julian) date is converted with its year"),
]


@pytest.mark.parametrize(("phrase", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refusals_say_why_and_name_the_nearest_form(phrase: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(phrase, anchor=REPORT)
    assert message in str(caught.value)
    assert repr(phrase) in str(caught.value)
    assert len(caught.value.reason) < 260  # one suggestion and a pointer, not a list of every form


def test_labels_that_the_library_printed_before_now_read_back() -> None:
    for label in ("c. 1400", "1450s", "Autumn 1462", "15th century", "between 1400 and 1409"):
        assert parse(label).label == label


anchors = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
relative_phrases = st.sampled_from(
    [
        "late last month", "early last week", "last weekend", "over the weekend", "earlier this week",
        "the previous Thursday", "last summer", "a fortnight ago", "overnight", "early Monday",
        "between March and May", "the day before yesterday", "Monday morning", "c. late October",
        "between Oct. 23 and 25", "in the coming weeks", "the end of the year", "early in the week",
    ]
)  # fmt: skip


@settings(max_examples=150)
@given(phrase=relative_phrases, start=anchors, span=st.integers(min_value=0, max_value=40))
def test_a_reading_against_an_uncertain_anchor_is_the_hull_of_every_days_reading(
    phrase: str, start: datetime.date, span: int
) -> None:
    first = start.toordinal()
    anchor = UncertainDate.from_days(first, first + span)
    readings = []
    for day in range(first, first + span + 1):
        try:
            readings.append(parse(phrase, anchor=datetime.date.fromordinal(day)))
        except DateParseError:
            continue
    if not readings:
        return
    hull = parse(phrase, anchor=anchor)
    assert isinstance(hull, UncertainDate)
    assert min(r.lo for r in readings) == hull.lo
    assert max(r.hi for r in readings) == hull.hi
    assert hull.lo <= hull.hi


def test_a_files_calendar_converts_its_dates_in_words(tmp_path: Path) -> None:
    path = tmp_path / "plague.toml"
    path.write_text(
        '[reading]\ncalendar = "julian"\n\n[[events]]\nid = "fire"\ntitle = "The Great Fire of London begins"\n'
        'when = "2 September 1666"\n\n[[events]]\nid = "iso"\ntitle = "Written in ISO"\nwhen = "1666-09-02"\n'
    )
    timeline = chronology.load(path)
    assert bounds(timeline["fire"].when) == ("1666-09-12", "1666-09-12")
    assert bounds(timeline["iso"].when) == ("1666-09-02", "1666-09-02")
    path.write_text(path.read_text().replace('"julian"', '"julain"'))
    with pytest.raises(chronology.EventFileError, match="did you mean 'julian'"):
        chronology.load(path)


def test_phrases_are_read_into_rules_and_resolved_later() -> None:
    expression = parse_expression("late last month")
    assert isinstance(expression, chronology.RelativeDate)
    assert expression.needs_anchor
    assert bounds(expression.resolve(REPORT)) == ("2024-10-21", "2024-10-31")


WRITTEN_LOOSELY = [
    ("June 2024.", "June 2024"),
    ("June 2024,", "June 2024"),
    ("the 1450\u2019s", "1450s"),
    ("44BC", "44 BCE"),
    ("1450S", "1450s"),
    ("1452\u20141455", "from 1452 to 1455"),
    ("3PM", "17 November 2024, 3 p.m."),
    ("3:15pm", "17 November 2024, 15:15"),
    ("14:30", "17 November 2024, 14:30"),
]


@pytest.mark.parametrize(("phrase", "label"), WRITTEN_LOOSELY, ids=[r[0] for r in WRITTEN_LOOSELY])
def test_sentence_punctuation_case_and_spacing_do_not_stop_a_reading(phrase: str, label: str) -> None:
    assert parse(phrase, anchor=REPORT).label == label


def test_hours_from_an_anchor_with_a_time_keep_its_minute_and_offset() -> None:
    value = parse("three hours later", anchor=parse("2024-10-18T14:30+09:00"))
    assert isinstance(value, UncertainDate)
    assert (value.to_edtf(), value.utc_offset) == ("2024-10-18T17:30+09:00", 9 * 3600)
    back = parse(value.label)
    assert isinstance(back, UncertainDate)
    assert (back.lo, back.hi, back.utc_offset) == (value.lo, value.hi, value.utc_offset)


def test_all_of_several_dates_reads_and_labels_every_member() -> None:
    value = parse("{1667, 1668, 1670..1672}")
    assert isinstance(value, UncertainDate)
    assert value.label == "each of 1667, 1668 and 1670 to 1672"
    assert parse(value.label) == value
    assert [m.to_edtf() for m in value.members] == ["1667", "1668", "{1670..1672}"]


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [
        ("in 1642", "[1642-01-11..1643-01-10]"),
        ("the 1620s", "[1620-01-11..1630-01-10]"),
        ("autumn 1605", "[1605-09-11..1605-12-10]"),
        ("the second half of 1666", "[1666-07-11..1667-01-10]"),
        ("early 1603", "[1603-01-11..1603-05-10]"),  # January-April of the Julian year
        ("late November 1605", "[1605-12-01..1605-12-10]"),  # 21-30 November, Old Style
        ("1642", "1642"),  # ISO notation: always Gregorian
    ],
)
def test_a_julian_reading_converts_every_date_in_words(phrase: str, edtf: str) -> None:
    assert parse(phrase, calendar="julian").to_edtf() == edtf


def test_early_this_week_is_early_in_the_calendar_week() -> None:
    friday = parse("2024-10-18")
    assert bounds(parse("early this week", anchor=friday)) == ("2024-10-14", "2024-10-15")


def test_four_digits_after_at_are_a_clock_time_not_a_year() -> None:
    friday = parse("2024-10-18")
    assert parse("at 1430", anchor=friday).label == "18 October 2024, 14:30"
    assert parse("in 1430").label == "1430"


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("moments later", "'moments' is not a date word this reader knows"),  # not "did you mean 'months later'"
        ("2024-10-18T03:00 EEST", "'EEST' looks like a time zone abbreviation"),
    ],
)
def test_no_suggestion_that_would_change_the_meaning(phrase: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(phrase, anchor=REPORT)
    assert message in str(caught.value)
    assert "did you mean" not in str(caught.value)


FRIDAY = parse("2024-10-18")
MORE_AS_WRITTEN = [
    ("in the early hours of Thursday", "2024-10-17T00:00:00", "2024-10-17T05:59:59"),
    ("early Tuesday morning", "2024-10-15T06:00:00", "2024-10-15T07:59:59"),
    ("late on Wednesday", "2024-10-16T16:00:00", "2024-10-16T23:59:59"),
    ("the next morning", "2024-10-19T06:00:00", "2024-10-19T11:59:59"),
    ("that night", "2024-10-18T18:00:00", "2024-10-19T05:59:59"),
    ("30 minutes later", "2024-10-18T00:30:00", "2024-10-19T00:29:59"),
    ("noon Friday", "2024-10-18T12:00:00", "2024-10-18T12:00:59"),
    ("this past Monday", "2024-10-14", "2024-10-14"),
    ("the previous weekend", "2024-10-12", "2024-10-13"),
    ("the middle of the 16th century", "1533-01-01", "1565-12-31"),
    ("early in 1605", "1605-01-01", "1605-04-30"),
    ("the end of October", "2024-10-21", "2024-10-31"),
    ("in or before 1616", None, "1616-12-31"),
    ("17th-century", "1600-01-01", "1699-12-31"),
    ("the year 1605", "1605-01-01", "1605-12-31"),
    ("10 February 1699/1700", "1700-02-10", "1700-02-10"),
    ("in the past 24 hours", "2024-10-17T00:00:00", "2024-10-18T23:59:59"),
    ("over the last three days", "2024-10-15", "2024-10-18"),
    ("before 2024-10-18", None, "2024-10-17"),
    ("c. 2024-06", "2024-06-01", "2024-06-30"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), MORE_AS_WRITTEN, ids=[r[0] for r in MORE_AS_WRITTEN])
def test_more_phrases_reporters_and_historians_write(phrase: str, earliest: str | None, latest: str) -> None:
    assert bounds(parse(phrase, anchor=FRIDAY)) == (earliest, latest)


@pytest.mark.parametrize("phrase", ["Monday to Wednesday", "from Monday to Wednesday", "1642 to 1651"])
def test_x_to_y_lasts(phrase: str) -> None:
    assert isinstance(parse(phrase, anchor=FRIDAY), Interval)


def test_a_two_digit_year_range_is_refused_with_the_form_to_write() -> None:
    with pytest.raises(DateParseError, match="for the years 1642 to 1651, write '1642-1651' or '1642 to 1651'"):
        parse("1642-51")


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [
        ("next year", "2025"),
        ("in 3 days", "2024-10-21"),
        ("5:41 pm, 1 July 1964", "1964-07-01T17:41"),
        ("March of 2000", "2000-03"),
        ("the last week of February 2024", "[2024-02-26..2024-02-29]"),
        ("two days after 3 October 2024", "2024-10-05"),
        ("6 weeks before 23 September 1972", "[1972-08-09..1972-08-15]"),  # about six weeks: half a week each side
    ],
)
def test_phrases_a_benchmark_against_dateparser_found_missing(phrase: str, edtf: str) -> None:
    assert parse(phrase, anchor=FRIDAY).to_edtf() == edtf


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("the nineteenth millennium", "lies beyond the years 1-9999"),
        ("the eleventh millennium", "lies beyond the years 1-9999"),
    ],
)
def test_periods_beyond_what_words_are_read_in_are_refused(phrase: str, message: str) -> None:
    with pytest.raises(DateParseError, match=message):
        parse(phrase)


def test_within_fortnights_reads_as_days() -> None:  # found by fuzzing: it raised a ValueError
    assert bounds(parse("within fortnights", anchor=FRIDAY)) == ("2024-10-18", "2024-11-15")


def read(phrase: str) -> chronology.DateValue:
    """``parse_expression(phrase)``, resolved against the report's day when it is relative."""
    expression = parse_expression(phrase)
    return expression.resolve(REPORT) if isinstance(expression, chronology.RelativeDate) else expression


#: A range of days written month first, as reporters write it, and the day-first form it reads as: lasting over the
#: days ("Nov. 25-29" as "25-29 November") or one day somewhere in them ("between Oct. 23 and 25").
MONTH_FIRST_DAYS = [
    ("Nov. 25-29", "25-29 November", "2024-11-25", "2024-11-29"),
    ("November 25-29", "25-29 November", "2024-11-25", "2024-11-29"),
    ("Nov 18-19", "18-19 November", "2024-11-18", "2024-11-19"),
    ("November 25-29, 2024", "25-29 November 2024", "2024-11-25", "2024-11-29"),
    ("November 25\u201329, 2024", "25-29 November 2024", "2024-11-25", "2024-11-29"),  # an en dash
    ("November 25\u201329, 2023", "25-29 November 2023", "2023-11-25", "2023-11-29"),
    ("October 23 to 25", "from 23 to 25 October", "2024-10-23", "2024-10-25"),
    ("from Nov 25 to 29", "from 25 to 29 November", "2024-11-25", "2024-11-29"),
    ("Nov. 25 through 29", "from 25 to 29 November", "2024-11-25", "2024-11-29"),
    ("Nov. 30-Dec. 2, 2024", "30 November-2 December 2024", "2024-11-30", "2024-12-02"),
    ("between Oct. 23 and 25", "between 23 and 25 October", "2024-10-23", "2024-10-25"),
    ("between October 23 and 25, 2024", "between 23 and 25 October 2024", "2024-10-23", "2024-10-25"),
]


@pytest.mark.parametrize(
    ("phrase", "day_first", "earliest", "latest"), MONTH_FIRST_DAYS, ids=[r[0] for r in MONTH_FIRST_DAYS]
)
def test_a_range_of_days_written_month_first_reads_as_its_day_first_form(
    phrase: str, day_first: str, earliest: str, latest: str
) -> None:
    value, same = read(phrase), read(day_first)
    assert type(value) is type(same)
    assert value.to_edtf() == same.to_edtf()
    assert value.earliest is not None
    assert value.latest is not None
    assert (value.earliest.isoformat(), value.latest.isoformat()) == (earliest, latest)
    assert parse(value.label).to_edtf() == value.to_edtf()


def test_the_last_day_of_a_month_first_range_is_checked_against_its_month() -> None:
    with pytest.raises(DateParseError, match="day 31 does not exist in November"):
        parse("November 29-31, 2024")
    with pytest.raises(DateParseError, match="reversed range"):
        parse("November 29-25, 2024")


#: What is still to come, said on Sunday 17 November 2024: from the next day to as far as "in recent ..." looks back.
STILL_TO_COME = [
    ("in the coming days", "2024-11-18", "2024-11-27"),  # ten days, as "within days"
    ("in the coming weeks", "2024-11-18", "2025-01-15"),  # about eight weeks (two months, as "in recent weeks")
    ("over the coming weeks", "2024-11-18", "2025-01-15"),
    ("in the weeks ahead", "2024-11-18", "2025-01-15"),
    ("in the weeks to come", "2024-11-18", "2025-01-15"),
    ("in the coming months", "2024-11-18", "2025-06-01"),  # about six months
    ("in the months ahead", "2024-11-18", "2025-06-01"),
    ("in the coming years", "2024-11-18", "2030-05-18"),  # about five years
    ("in the coming hours", "2024-11-17T00:00:00", "2024-11-18T22:59:59"),  # as "within hours"
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), STILL_TO_COME, ids=[r[0] for r in STILL_TO_COME])
def test_what_is_still_to_come_lies_after_the_anchor_within_as_far_as_recent_looks_back(
    phrase: str, earliest: str, latest: str
) -> None:
    expression = parse_expression(phrase)
    assert isinstance(expression, chronology.RelativeDate)
    value = expression.resolve(REPORT)
    assert bounds(value) == (earliest, latest)
    # forward whatever the tense the caller reads in
    assert bounds(expression.resolve(REPORT, tense=chronology.Tense.FUTURE)) == (earliest, latest)


#: "the end of X", "by the end of X": a third ("the end of" is "late") of any period, the anchor's own year, month,
#: week or day named with "the"; "by" leaves the earlier side open. Said on Sunday 17 November 2024.
END_OF = [
    ("the end of the year", "2024-09-01", "2024-12-31"),
    ("at the end of the year", "2024-09-01", "2024-12-31"),
    ("late in the year", "2024-09-01", "2024-12-31"),
    ("the end of the month", "2024-11-21", "2024-11-30"),
    ("early in the week", "2024-11-11", "2024-11-12"),
    ("the end of October", "2024-10-21", "2024-10-31"),
    ("by the end of the year", None, "2024-12-31"),
    ("by year-end", None, "2024-12-31"),
    ("by the end of the month", None, "2024-11-30"),
    ("by month-end", None, "2024-11-30"),
    ("by the end of the week", None, "2024-11-17"),
    ("by the end of the day", None, "2024-11-17T23:59:59"),
    ("by the end of 2024", None, "2024-12-31"),
    ("by the end of next year", None, "2025-12-31"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), END_OF, ids=[r[0] for r in END_OF])
def test_by_the_end_of_any_period_composes_the_terminus_with_its_late_third(
    phrase: str, earliest: str | None, latest: str
) -> None:
    value = read(phrase)
    assert bounds(value) == (earliest, latest)
    assert bounds(parse(value.label)) == (earliest, latest)


def test_the_year_alone_is_no_date() -> None:  # only after a part is "the year" the anchor's
    with pytest.raises(DateParseError):
        parse("the year", anchor=REPORT)


@pytest.mark.parametrize("phrase", ["for months", "for weeks", "for years", "for three weeks", "for a few days"])
def test_a_length_alone_is_refused_saying_it_tells_how_long_not_when(phrase: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_expression(phrase)
    assert repr(phrase) in str(caught.value)
    assert "a length of time says how long, not when" in caught.value.reason
    assert len(caught.value.reason) < 260


BASES = [row[0] for row in HEDGES + PERIODS + TERMINI + ONE_OF_RANGES + DATELINES + ERAS + OLD_STYLE] + [
    row[0] for row in AROUND_THE_REPORT + MORE_AS_WRITTEN + MONTH_FIRST_DAYS + STILL_TO_COME + END_OF
]
PREFIXES = ["", "c. ", "before ", "after ", "by ", "early ", "late ", "mid-", "around ", "sometime in "]
SUFFIXES = ["", "?", " Asia/Seoul", " (O.S.)"]


@settings(max_examples=300)
@given(prefix=st.sampled_from(PREFIXES), base=st.sampled_from(BASES), suffix=st.sampled_from(SUFFIXES))
def test_every_composed_phrase_that_reads_has_a_label_that_reads_back(prefix: str, base: str, suffix: str) -> None:
    try:
        value = parse(prefix + base + suffix, anchor=FRIDAY)
    except DateParseError:
        return  # a combination refused, with its reason: never a guess
    back = parse(value.label)
    if isinstance(value, UncertainDate):
        assert isinstance(back, UncertainDate)
        assert (back.lo, back.hi, back.qualifier, back.utc_offset) == (
            value.lo,
            value.hi,
            value.qualifier,
            value.utc_offset,
        ), (prefix + base + suffix, value.label)
    else:
        assert back.to_edtf() == value.to_edtf() or (back.start_bounds, back.end_bounds) == (  # type: ignore[union-attr]
            value.start_bounds,
            value.end_bounds,
        )


#: Wire copy's times, against Sunday 17 November 2024: (phrase, EDTF of its reading).
WIRE_COPY = [
    ("overnight Sunday", "[2024-11-17T18..2024-11-18T05]"),  # as "Sunday night": into Monday
    ("overnight on Saturday", "[2024-11-16T18..2024-11-17T05]"),
    ("on the night of 10 to 11 November", "[2024-11-10T18..2024-11-11T05]"),
    ("the night of 10-11 November 2024", "[2024-11-10T18..2024-11-11T05]"),
    ("the night of 31 December to 1 January 2025", "[2024-12-31T18..2025-01-01T05]"),  # one night, not a span
    ("shortly after midnight", "2024-11-17T00"),
    ("just before midnight", "2024-11-16T23"),
    ("at dawn", "[2024-11-17T03..2024-11-17T08]"),
    ("Monday at dawn", "[2024-11-11T03..2024-11-11T08]"),
    ("at dawn on Monday", "[2024-11-11T03..2024-11-11T08]"),
    ("at dusk", "[2024-11-17T15..2024-11-17T22]"),
    ("12 midnight", "2024-11-17T00"),
    ("12 noon", "2024-11-17T12"),
    ("0100 GMT", "2024-11-17T01:00Z"),
    ("at 0100 GMT on 3 October 2024", "2024-10-03T01:00Z"),
    ("at 3 a.m. Kyiv time", "2024-11-17T03+02:00"),
    ("3 a.m. Kiev time", "2024-11-17T03+02:00"),  # a city's old name, a backward link to its zone
    ("3 a.m. Seoul time on 3 October 2024", "2024-10-03T03+09:00"),
    ("3 a.m. New York time on 11 March 2024", "2024-03-11T03-04:00"),  # the zone's offset then: summer time
    ("in 2019 or 2020", "[2019, 2020]"),
    ("2019, 2021 or 2023", "[2019, 2021, 2023]"),
    ("June or July 2024", "[2024-06, 2024-07]"),
    ("3 or 4 October 2024", "[2024-10-03, 2024-10-04]"),
    ("1667 to 1668 or 1670", "[1667..1668, 1670]"),
    ("between 12 midnight and 7 a.m. on 11 March 2024 UTC+02:00", "[2024-03-11T00+02:00..2024-03-11T07+02:00]"),
]


@pytest.mark.parametrize(("phrase", "edtf"), WIRE_COPY, ids=[phrase for phrase, _ in WIRE_COPY])
def test_wire_copy_times_read_as_documented_and_their_labels_read_back(phrase: str, edtf: str) -> None:
    value = parse(phrase, anchor=REPORT)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == edtf
    assert parse(value.label).to_edtf() == edtf


def test_overnight_before_a_weekday_is_that_weekdays_night() -> None:
    assert parse("overnight Sunday", anchor=REPORT) == parse("Sunday night", anchor=REPORT)


#: Phrases refused, and what the refusal says to write instead.
WIRE_COPY_REFUSED = [
    ("the night of 10 to 12 November", "the night of 10 November runs into 11 November, not 12 November"),
    ("the morning of 10-11 November", "only a part of the day that runs past midnight"),
    ("at 3 a.m. Kyvi time", "'Kyvi' names no zone of the IANA time zone database (nearest: 'Kyiv')"),
    ("at 3 a.m. Gotham time", "'Gotham' names no zone of the IANA time zone database (nearest: 'Bogota'"),
]


@pytest.mark.parametrize(("phrase", "message"), WIRE_COPY_REFUSED, ids=[phrase for phrase, _ in WIRE_COPY_REFUSED])
def test_wire_copy_refusals_say_what_to_write(phrase: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(phrase, anchor=REPORT)
    assert repr(phrase) in str(caught.value)
    assert message in str(caught.value)


#: A distance from an event that is no date: (phrase, what is read from the anchor, the event).
FROM_AN_EVENT = [
    ("within hours of the strike", "within hours", "the strike"),
    ("hours after the strike", "hours after", "the strike"),
    ("days before the attack", "days before", "the attack"),
    ("the day after the attack", "the day after", "the attack"),
    ("three weeks after the ceasefire", "three weeks after", "the ceasefire"),
]


@pytest.mark.parametrize(("phrase", "when", "event"), FROM_AN_EVENT, ids=[row[0] for row in FROM_AN_EVENT])
def test_a_distance_from_an_event_is_refused_saying_to_make_the_event_its_anchor(
    phrase: str, when: str, event: str
) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_expression(phrase)
    reason = caught.value.reason
    assert "is not a date word this reader knows" in reason
    assert f'when = {when!r} and anchor = "<id of {event}>"' in reason


def test_city_words_are_date_words_only_before_time() -> None:
    assert (
        parse("3 a.m. Easter time", anchor=REPORT).to_edtf() == "2024-11-17T03-05:00"
    )  # Pacific/Easter, in its summer
    with pytest.raises(DateParseError, match="'Easter' is not a date word"):  # alone, still no date word
        parse("the Tuesday after Easter", anchor=REPORT)


@pytest.mark.parametrize(
    ("phrase", "suggested"),
    [
        ("November 29-31, 2024", "day 31 does not exist in November 2024; did you mean '29-30 November 2024'?"),
        ("from 29 to 31 November 2024", "did you mean '29-30 November 2024'?"),
        ("February 27-30, 2023", "day 30 does not exist in February 2023; did you mean '27-28 February 2023'?"),
        ("between 29 and 31 November 2024", "did you mean 'between 29 and 30 November 2024'?"),
        ("31 November 2024", "did you mean '30 November 2024'?"),
    ],
)
def test_a_range_past_its_months_end_suggests_the_range_to_the_last_day(phrase: str, suggested: str) -> None:
    with pytest.raises(chronology.DateParseError) as raised:
        chronology.parse(phrase)
    assert str(raised.value).endswith(suggested)
    nearest = suggested.split("'")[-2]
    latest = chronology.parse(nearest).latest
    assert latest is not None
    assert latest.day in (28, 30)  # the suggestion reads, to the month's last day
