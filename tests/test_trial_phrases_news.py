"""Phrases a data journalist wrote that the English reader refused or misread: each now read, or refused saying why."""

from __future__ import annotations

import datetime

import pytest

import chronology
from chronology import Interval, Qualifier, UncertainDate
from chronology.errors import DateParseError

THURSDAY = chronology.UncertainDate.from_date(datetime.date(2024, 4, 4))  # a Thursday
SUNDAY = chronology.UncertainDate.from_date(datetime.date(2024, 11, 17))


def _value(text: str, anchor: UncertainDate | None = THURSDAY, **options: str) -> UncertainDate:
    value = chronology.parse(text, anchor=anchor, **options)  # type: ignore[arg-type]
    assert isinstance(value, UncertainDate), value
    return value


def _bounds(text: str, anchor: UncertainDate | None = THURSDAY, **options: str) -> tuple[str, str]:
    value = _value(text, anchor, **options)
    return value.earliest.isoformat(), value.latest.isoformat()


def _day(moment: object) -> datetime.date:
    """The calendar day of a bound (a date, or a time given as a date-time)."""
    return datetime.date.fromisoformat(str(moment)[:10])


def _refusal(text: str, anchor: UncertainDate | None = SUNDAY) -> str:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(text, anchor=anchor)
    assert repr(text) in str(caught.value)
    return str(caught.value)


# -- "overnight into Thursday": the night that ends on Thursday's morning, "into" never dropped -----------


@pytest.mark.parametrize(
    ("phrase", "night"),
    [
        ("overnight into Thursday", ("2024-04-03T18:00:00", "2024-04-04T05:59:59")),
        ("the night into Thursday", ("2024-04-03T18:00:00", "2024-04-04T05:59:59")),
        ("overnight into 3 April", ("2024-04-02T18:00:00", "2024-04-03T05:59:59")),
        ("the night into 3 April 2024", ("2024-04-02T18:00:00", "2024-04-03T05:59:59")),
    ],
)
def test_a_night_into_a_day_ends_on_that_days_morning(phrase: str, night: tuple[str, str]) -> None:
    assert _bounds(phrase) == night


@pytest.mark.parametrize(
    ("phrase", "sibling"),
    [
        ("overnight into Thursday", "the night of Wednesday"),
        ("the night into Thursday", "overnight into Thursday"),
        ("overnight into 3 April", "the night of 2-3 April"),
        ("the night into 3 April", "the night of 2 into 3 April"),
    ],
)
def test_a_night_into_a_day_is_the_night_named_by_the_day_before(phrase: str, sibling: str) -> None:
    assert _value(phrase).to_edtf() == _value(sibling).to_edtf()


def test_overnight_on_a_day_is_still_that_days_own_night() -> None:
    assert _value("overnight Thursday").to_edtf() == _value("Thursday night").to_edtf()
    assert _value("overnight on Thursday").to_edtf() == _value("Thursday night").to_edtf()
    assert _value("overnight into Thursday").lo == _value("Thursday night").lo - 86_400


def test_only_a_part_of_the_day_that_runs_past_midnight_runs_into_a_day() -> None:
    assert "only a part of the day that runs past midnight" in _refusal("the evening into Thursday")


# -- a week named by one of its days ---------------------------------------------------------------------


def _monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@pytest.mark.parametrize(
    ("phrase", "first"),
    [
        ("the week of 12 February 2024", datetime.date(2024, 2, 12)),  # a Monday: the week it begins
        ("week of Feb. 12, 2024", datetime.date(2024, 2, 12)),
        ("the week of 14 February 2024", _monday_of(datetime.date(2024, 2, 14))),  # a Wednesday: its week
        ("the week of Sunday 18 February 2024", datetime.date(2024, 2, 18)),  # a Sunday begins a (US) week
        ("the week beginning 12 February 2024", datetime.date(2024, 2, 12)),
        ("the week starting Wednesday 14 February 2024", datetime.date(2024, 2, 14)),
        ("the week ending 18 February 2024", datetime.date(2024, 2, 12)),
        ("the week of Christmas 2023", datetime.date(2023, 12, 25)),
    ],
)
def test_a_week_named_by_a_day_is_seven_days(phrase: str, first: datetime.date) -> None:
    value = _value(phrase)
    assert value.precision is chronology.Precision.WEEK
    assert (_day(value.earliest), _day(value.latest)) == (first, first + datetime.timedelta(days=6))


def test_a_week_of_a_day_without_its_year_is_read_from_the_anchor() -> None:
    assert _value("the week of Feb 12").to_edtf() == _value("the week of 12 February 2024").to_edtf()
    assert _value("the week of Feb 12", tense="future").earliest.year == 2025


def test_a_week_of_a_month_without_a_day_is_refused_naming_the_forms_that_read() -> None:
    message = _refusal("the week of February 2024")
    assert "'the week of 12 February 2024'" in message
    assert "'the second week of February 2024'" in message
    chronology.parse("the second week of February 2024")  # the form it names reads


# -- holidays --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("Christmas 2023", "2023-12-25"),
        ("Christmas Day 2023", "2023-12-25"),
        ("Christmas Eve 2023", "2023-12-24"),
        ("New Year's Eve 2023", "2023-12-31"),
        ("New Year's Day 2024", "2024-01-01"),
        ("May Day 2024", "2024-05-01"),
        ("Boxing Day 2023", "2023-12-26"),
        ("Easter 2024", "2024-03-31"),  # Western Easter Sunday 2024
        ("Easter 2025", "2025-04-20"),
        ("Good Friday 2024", "2024-03-29"),
        ("Easter Monday 2024", "2024-04-01"),
    ],
)
def test_a_holiday_with_its_year_is_its_day(phrase: str, day: str) -> None:
    assert _value(phrase, None).to_edtf() == day


def test_a_holiday_composes_as_its_day_does() -> None:
    around = _value("around Christmas 2023", None)
    assert (around.lo, around.hi) == (_value("25 December 2023", None).lo, _value("25 December 2023", None).hi)
    assert around.qualifier is Qualifier.APPROXIMATE
    assert _value("before Christmas 2023", None).to_edtf() == _value("before 25 December 2023", None).to_edtf()
    assert _value("Christmas Eve 2023 at 11pm", None).to_edtf() == _value("24 December 2023 at 11pm", None).to_edtf()
    assert _value("Christmas").to_edtf() == _value("December 25").to_edtf()  # without a year: from the anchor


def test_easter_without_its_year_is_refused_saying_to_give_it() -> None:
    assert "give its year ('Easter 2024'" in _refusal("Easter")
    message = _refusal("the Tuesday after Easter")
    assert "'Easter' is not a date word this reader knows" in message
    assert "'Easter 2024'" in message


def test_a_misspelt_holiday_names_the_phrase_that_reads() -> None:
    assert "did you mean 'Christmas 2023'?" in _refusal("Chrismas 2023")
    assert "did you mean 'Easter 2024'?" in _refusal("Eastr 2024")


def test_easter_before_the_gregorian_reckoning_is_refused() -> None:
    assert "1583" in _refusal("Easter 1500", None)


# -- the first and last days of a month, midweek ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "sibling"),
    [
        ("the last days of March 2024", "late March 2024"),
        ("the final days of March 2024", "late March 2024"),
        ("the first days of March 2024", "early March 2024"),
        ("the last days of February", "late February"),
    ],
)
def test_the_first_and_last_days_of_a_month_are_its_thirds(phrase: str, sibling: str) -> None:
    assert _value(phrase).to_edtf() == _value(sibling).to_edtf()


@pytest.mark.parametrize(
    ("anchor", "tense", "days"),
    [
        ("2024-04-04", "past", ("2024-04-02", "2024-04-04")),  # Thursday: Tuesday to Thursday
        ("2024-04-03", "past", ("2024-04-02", "2024-04-03")),  # Wednesday: up to the anchor
        ("2024-04-07", "past", ("2024-04-02", "2024-04-04")),  # Sunday: the week's
        ("2024-04-01", "past", ("2024-03-26", "2024-03-28")),  # Monday: the week before's
        ("2024-04-01", "future", ("2024-04-02", "2024-04-04")),
        ("2024-04-05", "future", ("2024-04-09", "2024-04-11")),  # Friday: the next week's
    ],
)
def test_midweek_is_tuesday_to_thursday(anchor: str, tense: str, days: tuple[str, str]) -> None:
    day = chronology.UncertainDate.from_date(datetime.date.fromisoformat(anchor))
    value = _value("midweek", day, tense=tense)
    assert (_day(value.earliest).isoformat(), _day(value.latest).isoformat()) == days
    assert {datetime.date.fromisoformat(day).weekday() for day in days} <= {1, 2, 3}
    assert _value("mid-week", day, tense=tense).to_edtf() == value.to_edtf()


# -- seasons, hedged ranges, dashes, hedged times ----------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["winter of 1849/50", "winter 1849/50", "winter 1849-1850", "the winter of 1849/1850"]
)
def test_a_winter_written_with_its_two_years_reads_as_winter_1849_50(phrase: str) -> None:
    assert _value(phrase, None).to_edtf() == _value("winter 1849-50", None).to_edtf()


@pytest.mark.parametrize("phrase", ["winter of 1849/51", "winter 1849-1851"])
def test_a_winter_of_two_years_that_do_not_follow_is_refused(phrase: str) -> None:
    assert "not two years that follow each other" in _refusal(phrase, None)


def test_a_hedge_before_a_range_makes_both_ends_approximate() -> None:
    value = chronology.parse("c. 1849-1851")
    assert isinstance(value, Interval)
    assert value.start == chronology.parse("c. 1849")
    assert value.end == chronology.parse("c. 1851")
    days = chronology.parse("about 3-5 October 2024")
    assert isinstance(days, Interval)
    assert isinstance(days.start, UncertainDate)
    assert days.start.qualifier is Qualifier.APPROXIMATE


@pytest.mark.parametrize("dash", ["\u2013", "\u2014"])
def test_a_short_year_range_with_a_dash_is_read_as_with_the_hyphen(dash: str) -> None:
    with pytest.raises(DateParseError) as hyphen:
        chronology.parse("1848-51")
    with pytest.raises(DateParseError) as dashed:
        chronology.parse(f"1848{dash}51")
    assert dashed.value.reason == hyphen.value.reason
    assert dashed.value.position == hyphen.value.position
    assert dashed.value.text == f"1848{dash}51"


@pytest.mark.parametrize(
    ("phrase", "sibling"),
    [
        ("2 April 2024, around 11pm", "around 11pm on 2 April 2024"),
        ("2 April 2024 at about 11pm", "about 11pm on 2 April 2024"),
        ("Friday at about 3 a.m.", "about 3 a.m. on Friday"),
    ],
)
def test_a_time_hedged_after_its_day_reads_as_hedged_before_it(phrase: str, sibling: str) -> None:
    assert _value(phrase).to_edtf() == _value(sibling).to_edtf()
    assert _value(phrase).qualifier is Qualifier.APPROXIMATE


# -- parts of the day ------------------------------------------------------------------------------------


def test_pre_dawn_runs_from_midnight_to_the_latest_dawn() -> None:
    pre_dawn = _value("pre-dawn")
    dawn = _value("at dawn")
    assert pre_dawn.lo == _value("today").lo  # from midnight
    assert pre_dawn.hi == dawn.hi  # up to the latest dawn
    assert _value("in the pre-dawn hours").to_edtf() == pre_dawn.to_edtf()
    five = _value("5 a.m.")
    assert pre_dawn.lo <= five.lo  # a 5 a.m. raid is pre-dawn
    assert five.hi <= pre_dawn.hi


def test_the_early_morning_reads_as_early_morning() -> None:
    assert _value("in the early morning").to_edtf() == _value("early morning").to_edtf()
    assert _value("the early morning").to_edtf() == _value("early morning").to_edtf()


# -- refusals of phrases of known words suggest one that reads ---------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "suggested"),
    [
        ("c. before 1456", "before c. 1456"),  # two words swapped
        ("the Christmas 2023", "Christmas 2023"),  # one word too many
    ],
)
def test_a_phrase_of_known_words_that_does_not_read_suggests_one_that_does(phrase: str, suggested: str) -> None:
    assert f"did you mean {suggested!r}?" in _refusal(phrase)
    chronology.parse(suggested, anchor=SUNDAY)  # and the suggestion reads
