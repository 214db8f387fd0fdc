"""English phrases as news reports write them, resolved against an anchor."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology import DateParseError, Interval, Precision, Qualifier, RelativeDate, Tense, UncertainDate, parse
from chronology.notation import parse_expression

REPORT_2024_11_17 = parse("2024-11-17")  # Bloomberg, a Sunday
NIS_2024_10_18 = parse("2024-10-18")  # a Friday
LATE_OCTOBER = parse("[2024-10-28..2024-10-31]")  # an undated article, known only to this range


def bounds(value: object) -> tuple[str, str]:
    assert isinstance(value, UncertainDate)
    return value.earliest.isoformat(), value.latest.isoformat()


# (phrase, anchor, earliest, latest, precision)
SEED_PHRASES = [
    # The Bloomberg article of Sunday 17 November 2024.
    ("Friday", REPORT_2024_11_17, "2024-11-15", "2024-11-15", Precision.DAY),
    ("earlier this month", REPORT_2024_11_17, "2024-11-01", "2024-11-16", Precision.DAY),
    ("Saturday", REPORT_2024_11_17, "2024-11-16", "2024-11-16", Precision.DAY),
    ("this past week", REPORT_2024_11_17, "2024-11-10", "2024-11-17", Precision.WEEK),
    ("in recent years", REPORT_2024_11_17, "2019-11-17", "2024-11-17", Precision.YEAR),
    ("in August", REPORT_2024_11_17, "2024-08-01", "2024-08-31", Precision.MONTH),
    # The NIS statement of 18 October 2024.
    ("during the second week of October", NIS_2024_10_18, "2024-10-07", "2024-10-13", Precision.WEEK),
    # The Al Jazeera article of late October 2024, its date known only to a range.
    ("in June", LATE_OCTOBER, "2024-06-01", "2024-06-30", Precision.MONTH),
    ("on October 3", LATE_OCTOBER, "2024-10-03", "2024-10-03", Precision.DAY),
    ("On October 18", LATE_OCTOBER, "2024-10-18", "2024-10-18", Precision.DAY),
    ("As of October 1", LATE_OCTOBER, "2024-10-01", "2024-10-01", Precision.DAY),
    ("on Monday", LATE_OCTOBER, "2024-10-28", "2024-10-28", Precision.DAY),
    ("on Thursday", LATE_OCTOBER, "2024-10-24", "2024-10-31", Precision.DAY),
    ("on Tuesday", LATE_OCTOBER, "2024-10-22", "2024-10-29", Precision.DAY),
    ("in recent months", LATE_OCTOBER, "2024-04-28", "2024-10-31", Precision.MONTH),
    # Absolute phrases need no anchor.
    ("September 2023", None, "2023-09-01", "2023-09-30", Precision.MONTH),
    ("in February 2022", None, "2022-02-01", "2022-02-28", Precision.MONTH),
    ("December 2022", None, "2022-12-01", "2022-12-31", Precision.MONTH),
    ("October 21, 2024", None, "2024-10-21", "2024-10-21", Precision.DAY),
]


@pytest.mark.parametrize(
    ("phrase", "anchor", "earliest", "latest", "precision"), SEED_PHRASES, ids=[c[0] for c in SEED_PHRASES]
)
def test_the_seed_articles_phrases_resolve_against_their_reports(
    phrase: str, anchor: UncertainDate | None, earliest: str, latest: str, precision: Precision
) -> None:
    value = parse(phrase, anchor=anchor)
    assert bounds(value) == (earliest, latest)
    assert isinstance(value, UncertainDate)
    assert value.precision is precision
    assert value.text == phrase


def test_friday_in_an_article_of_sunday_17_november_is_the_15th() -> None:
    assert bounds(parse("Friday", anchor=REPORT_2024_11_17)) == ("2024-11-15", "2024-11-15")


def test_the_second_week_of_october_said_on_the_18th_lies_inside_6_to_14_october() -> None:
    value = parse("the second week of October", anchor=NIS_2024_10_18)
    assert isinstance(value, UncertainDate)
    assert value.earliest >= datetime.date(2024, 10, 6)
    assert value.latest <= datetime.date(2024, 10, 14)
    assert value.label == "between 7 and 13 Oct 2024"


def test_three_weeks_ago_against_an_uncertain_anchor_covers_every_resolution() -> None:
    value = parse("three weeks ago", anchor=LATE_OCTOBER)
    assert isinstance(value, UncertainDate)
    for day in range(28, 32):
        exact = parse("three weeks ago", anchor=datetime.date(2024, 10, day))
        assert isinstance(exact, UncertainDate)
        assert value.lo <= exact.lo
        assert exact.hi <= value.hi
    # 21 days before 28-31 October is 7-10 October; about three weeks spreads half a week each side.
    assert bounds(value) == ("2024-10-04", "2024-10-13")


# (phrase, anchor date, earliest, latest)
PHRASES = [
    ("June", "2024-10-28", "2024-06-01", "2024-06-30"),
    ("November", "2024-10-28", "2023-11-01", "2023-11-30"),
    ("October", "2024-10-28", "2024-10-01", "2024-10-31"),
    ("October 25", "2024-10-18", "2024-10-25", "2024-10-25"),
    ("Oct. 3", "2024-10-28", "2024-10-03", "2024-10-03"),
    ("3 October 2024", "2024-10-28", "2024-10-03", "2024-10-03"),
    ("the 3rd of October", "2024-10-28", "2024-10-03", "2024-10-03"),
    ("Sept. 2023", "2024-10-28", "2023-09-01", "2023-09-30"),
    ("early October", "2024-10-28", "2024-10-01", "2024-10-10"),
    ("mid-October", "2024-10-28", "2024-10-11", "2024-10-20"),
    ("late October 2023", "2024-10-28", "2023-10-21", "2023-10-31"),
    ("late February", "2024-10-28", "2024-02-21", "2024-02-29"),
    ("the first week of October", "2024-10-28", "2024-10-01", "2024-10-06"),
    ("the fifth week of October", "2024-10-28", "2024-10-28", "2024-10-31"),
    ("Friday", "2024-11-15", "2024-11-15", "2024-11-15"),
    ("last Friday", "2024-11-15", "2024-11-08", "2024-11-08"),
    ("last Friday", "2024-11-17", "2024-11-15", "2024-11-15"),
    ("next Monday", "2024-11-17", "2024-11-18", "2024-11-18"),
    ("this Wednesday", "2024-11-17", "2024-11-13", "2024-11-13"),
    ("Tues.", "2024-11-17", "2024-11-12", "2024-11-12"),
    ("three weeks ago", "2024-10-31", "2024-10-07", "2024-10-13"),
    ("2 days ago", "2024-10-31", "2024-10-29", "2024-10-29"),
    ("a day ago", "2024-10-31", "2024-10-30", "2024-10-30"),
    ("ten days ago", "2024-10-31", "2024-10-21", "2024-10-21"),
    ("a few days ago", "2024-10-31", "2024-10-27", "2024-10-29"),
    ("a month ago", "2024-10-31", "2024-09-15", "2024-10-15"),
    ("two years ago", "2024-10-31", "2022-05-02", "2023-05-01"),  # 2022-10-31, 182 days either side
    ("days before", "2024-10-28", "2024-10-18", "2024-10-27"),
    ("Days after", "2024-10-15", "2024-10-16", "2024-10-25"),
    ("two days after", "2024-10-15", "2024-10-17", "2024-10-17"),
    ("earlier this month", "2024-11-17", "2024-11-01", "2024-11-16"),
    ("later this month", "2024-11-17", "2024-11-18", "2024-11-30"),
    ("last month", "2024-11-17", "2024-10-01", "2024-10-31"),
    ("last month", "2024-01-10", "2023-12-01", "2023-12-31"),
    ("this week", "2024-11-17", "2024-11-11", "2024-11-17"),
    ("last week", "2024-11-17", "2024-11-04", "2024-11-10"),
    ("in recent months", "2024-10-31", "2024-04-30", "2024-10-31"),
    ("yesterday", "2024-03-01", "2024-02-29", "2024-02-29"),
    ("earlier this year", "2024-03-01", "2024-01-01", "2024-02-29"),
]


@pytest.mark.parametrize(("phrase", "anchor", "earliest", "latest"), PHRASES, ids=[f"{p}@{a}" for p, a, *_ in PHRASES])
def test_english_phrases_resolve_by_the_documented_readings(
    phrase: str, anchor: str, earliest: str, latest: str
) -> None:
    assert bounds(parse(phrase, anchor=parse(anchor))) == (earliest, latest)


@pytest.mark.parametrize(
    ("phrase", "tense", "earliest", "latest"),
    [
        ("Tuesday", Tense.PAST, "2024-11-12", "2024-11-12"),
        ("Tuesday", Tense.FUTURE, "2024-11-19", "2024-11-19"),
        ("Tuesday", Tense.EITHER, "2024-11-12", "2024-11-19"),
        ("Sunday", Tense.PAST, "2024-11-17", "2024-11-17"),
        ("Sunday", Tense.FUTURE, "2024-11-17", "2024-11-17"),
        ("June", Tense.PAST, "2024-06-01", "2024-06-30"),
        ("June", Tense.FUTURE, "2025-06-01", "2025-06-30"),
        ("November", Tense.FUTURE, "2024-11-01", "2024-11-30"),
        ("this week", Tense.FUTURE, "2024-11-17", "2024-11-23"),
    ],
)
def test_the_caller_chooses_past_or_future_readings(phrase: str, tense: Tense, earliest: str, latest: str) -> None:
    # "Scholz will press the Chinese leader ... on Tuesday", said on Sunday 17 November 2024.
    assert bounds(parse(phrase, anchor=REPORT_2024_11_17, tense=tense)) == (earliest, latest)


def test_a_year_range_is_something_lasting() -> None:
    war = parse("1950-1953")
    assert isinstance(war, Interval)
    assert war.to_edtf() == "1950/1953"
    assert war.earliest == datetime.date(1950, 1, 1)
    assert war.latest == datetime.date(1953, 12, 31)


def test_an_uncertain_anchor_passes_its_qualifier_on() -> None:
    value = parse("Friday", anchor=parse("2024-11-17~"))
    assert isinstance(value, UncertainDate)
    assert value.qualifier is Qualifier.APPROXIMATE


def test_relative_phrases_parse_to_a_typed_value_resolved_later() -> None:
    expression = parse_expression("three weeks ago")
    assert isinstance(expression, RelativeDate)
    assert expression.needs_anchor
    assert bounds(expression.resolve(parse("2024-10-31"))) == ("2024-10-07", "2024-10-13")


@pytest.mark.parametrize(
    ("phrase", "anchor", "message"),
    [
        ("Friday", None, "relative to a date; give an anchor"),
        ("earlier this month", "2024-11-01", "names no date against anchor 2024-11-01"),
        ("sometime soon", "2024-11-01", "'soon' is not a date word this reader knows"),
        ("the Tuesday after Easter", "2024-11-01", "'Easter' is not a date word this reader knows"),
        ("February 30", "2024-11-01", "day 30 does not exist in February"),
        ("February 29, 2023", None, "day 29 does not exist in February 2023"),
        ("1953-1950", None, "reversed range: 1950 comes before 1953"),
        ("   ", None, "empty date"),
        ("2024\x00", None, "control or unprintable character"),
        ("x" * 2000, None, "too long for a date"),
    ],
)
def test_unknown_or_impossible_phrases_are_errors_never_guesses(phrase: str, anchor: str | None, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(phrase, anchor=None if anchor is None else parse(anchor))
    assert message in str(caught.value)
    assert repr(phrase[:20])[1:-1] in str(caught.value)


def test_an_interval_cannot_anchor_a_phrase() -> None:
    with pytest.raises(DateParseError, match="an anchor is one date, not an interval"):
        parse("Friday", anchor=parse("2024-10/2024-11"))


anchors = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
phrases = st.sampled_from(
    ["Friday", "last Friday", "June", "October 3", "the second week of October", "three weeks ago",
     "earlier this month", "this past week", "in recent months", "days before", "mid-October", "last month"]
)  # fmt: skip


@given(phrase=phrases, start=anchors, span=st.integers(min_value=0, max_value=120))
def test_a_resolution_over_an_uncertain_anchor_covers_every_exact_resolution(
    phrase: str, start: datetime.date, span: int
) -> None:
    first = start.toordinal()
    anchor = UncertainDate.from_days(first, first + span)
    exact = []
    for day in range(first, first + span + 1):
        try:
            exact.append(parse(phrase, anchor=datetime.date.fromordinal(day)))
        except DateParseError:
            continue
    if not exact:
        return
    covering = parse(phrase, anchor=anchor)
    assert min(e.lo for e in exact) == covering.lo
    assert max(e.hi for e in exact) == covering.hi
