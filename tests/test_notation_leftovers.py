"""Leftovers of the date reader: positions of numbered-day refusals, a numbered day with a time, its calendar,
and one of several days around a report ("Monday or Tuesday")."""

from __future__ import annotations

import pytest

import chronology
from chronology.dates import UncertainDate
from chronology.errors import DateParseError

#: Friday 18 October 2024: Monday is the 14th, Tuesday the 15th.
REPORT = "2024-10-18"


# -- where a numbered day is wrong -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "character", "part"),
    [
        ("13/13/2024", 1, "13"),  # neither number is a month: the first of them
        ("18.19.2024", 1, "18"),
        ("32.10.2024", 1, "32"),  # the day's number, day first
        ("10/32/2024", 4, "32"),  # the day's number, month first
        ("31.04.2024", 1, "31"),
        ("04/31/2024", 4, "31"),
        ("  13/13/2024", 3, "13"),  # counted in the text as given
    ],
    ids=["no-month", "no-month-dotted", "day-first", "month-first", "april-31", "april-31-us", "indented"],
)
def test_a_numbered_day_that_names_no_date_says_where(text: str, character: int, part: str) -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(text)
    error = caught.value
    assert f"(at character {character})" in str(error)
    assert error.position == character - 1
    assert text[error.position :].startswith(part)
    assert repr(text) in str(error)


def test_no_month_refusal_keeps_its_reason() -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse("13/13/2024")
    assert "neither 13 nor 13 is a month (1-12)" in caught.value.reason
    assert "ISO 8601 (YYYY-MM-DD)" in caught.value.reason


# -- a numbered day with a time ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["18.10.2024 10:00", "18.10.2024 at 10:00", "18/10/2024 10:00", "10/18/2024, 10:00", "10:00 on 18.10.2024"],
)
def test_a_numbered_day_with_a_time_reads_as_the_day_in_words_does(text: str) -> None:
    value = chronology.parse(text)
    assert value == chronology.parse("18 October 2024 at 10:00")
    assert value == chronology.parse("2024-10-18T10:00")
    assert isinstance(value, UncertainDate)
    assert value.text == text


def test_a_numbered_day_inside_a_phrase_reads() -> None:
    assert chronology.parse("before 18.10.2024") == chronology.parse("before 18 October 2024")
    assert chronology.parse("c. 18.10.2024") == chronology.parse("c. 18 October 2024")


def test_a_numbered_day_joined_to_its_time_by_t_is_refused_naming_the_iso_form() -> None:
    text = "18.10.2024T10:00"
    with pytest.raises(DateParseError) as caught:
        chronology.parse(text)
    error = caught.value
    assert error.position == text.index("T")
    assert "'2024-10-18T10:00'" in error.reason  # the nearest correct form
    assert "'18.10.2024 10:00'" in error.reason  # and the spaced one, which reads
    assert chronology.parse("2024-10-18T10:00") == chronology.parse("18.10.2024 10:00")


def test_an_ambiguous_numbered_day_with_a_time_is_refused_with_both_readings() -> None:
    for text in ("05.10.2024 10:00", "05.10.2024T10:00"):
        with pytest.raises(DateParseError) as caught:
            chronology.parse(text)
        assert "ambiguous" in caught.value.reason
        assert "'2024-10-05' or '2024-05-10'" in caught.value.reason


# -- the calendar of a numbered day ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["15.09.1666", "15/09/1666", "09/15/1666"])
def test_a_numbered_day_follows_the_calendar_as_a_day_in_words_does(text: str) -> None:
    julian = chronology.parse(text, calendar="julian")
    assert julian == chronology.parse("15 September 1666", calendar="julian")
    assert julian == chronology.parse("15 September 1666 (O.S.)")
    assert julian != chronology.parse(text)  # the Gregorian day is ten days earlier
    assert julian.text == text


def test_a_numbered_day_with_a_time_follows_the_calendar() -> None:
    julian = chronology.parse("15.09.1666 10:00", calendar="julian")
    assert julian == chronology.parse("15 September 1666 at 10:00", calendar="julian")
    assert julian != chronology.parse("15.09.1666 10:00")


def test_iso_days_stay_gregorian_whatever_the_calendar() -> None:
    assert chronology.parse("1666-09-15", calendar="julian") == chronology.parse("1666-09-15")


def test_a_day_only_the_julian_calendar_has_reads_in_it_alone() -> None:
    # 1700 was a leap year in the Julian calendar, not in the Gregorian
    assert chronology.parse("29.02.1700", calendar="julian") == chronology.parse("29 February 1700 (O.S.)")
    with pytest.raises(DateParseError):
        chronology.parse("29.02.1700")


def test_a_day_the_julian_month_lacks_is_refused_with_the_nearest_in_the_same_form() -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse("04/31/1666", calendar="julian")
    error = caught.value
    assert error.position == 3
    assert "'04/30/1666'" in error.reason


# -- one of several days around a report -------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["Monday or Tuesday", "on Monday or Tuesday", "on Monday or on Tuesday", "either Monday or Tuesday"],
)
def test_two_weekdays_joined_by_or_are_one_of_the_two_days(phrase: str) -> None:
    value = chronology.parse(phrase, anchor=REPORT)
    assert isinstance(value, UncertainDate)
    monday, tuesday = chronology.parse("Monday", anchor=REPORT), chronology.parse("Tuesday", anchor=REPORT)
    assert [(m.lo, m.hi) for m in value.members] == [(monday.lo, monday.hi), (tuesday.lo, tuesday.hi)]
    assert not value.all_of
    assert value.text == phrase


def test_one_of_weekdays_is_the_edtf_one_of_set_of_the_days() -> None:
    value = chronology.parse("Monday or Tuesday", anchor=REPORT)
    assert value == chronology.parse("[2024-10-14, 2024-10-15]")
    # and so is the label read back
    assert chronology.parse(value.label) == value


def test_one_of_weekdays_follows_the_tense() -> None:
    value = chronology.parse("Monday or Tuesday", anchor=REPORT, tense="future")
    assert value == chronology.parse("[2024-10-21, 2024-10-22]")


def test_three_weekdays_are_one_of_three() -> None:
    value = chronology.parse("Monday, Tuesday or Wednesday", anchor=REPORT)
    assert isinstance(value, UncertainDate)
    assert len(value.members) == 3


@pytest.mark.parametrize(
    ("phrase", "first", "second"),
    [
        ("late Monday or early Tuesday", "late Monday", "early Tuesday"),
        ("Sunday night or Monday morning", "Sunday night", "Monday morning"),
        ("yesterday or today", "yesterday", "today"),
    ],
)
def test_each_day_of_one_of_reads_as_it_does_alone(phrase: str, first: str, second: str) -> None:
    value = chronology.parse(phrase, anchor=REPORT)
    assert isinstance(value, UncertainDate)
    alone = [chronology.parse(p, anchor=REPORT) for p in (first, second)]
    assert [(m.lo, m.hi) for m in value.members] == [(a.lo, a.hi) for a in alone]


def test_one_of_weekdays_on_an_uncertain_anchor_joins_readings_that_overlap() -> None:
    # Thursday read from 17 or 18 October is the 17th; Friday is the 11th or the 18th: they overlap
    value = chronology.parse("Thursday or Friday", anchor="[2024-10-17..2024-10-18]")
    assert isinstance(value, UncertainDate)
    assert value.lo == chronology.parse("2024-10-11").lo
    assert value.hi == chronology.parse("2024-10-18").hi
    assert len(value.members) == 1


def test_one_of_weekdays_without_an_anchor_asks_for_one() -> None:
    with pytest.raises(DateParseError, match="give an anchor"):
        chronology.parse("Monday or Tuesday")


def test_months_without_a_year_joined_by_or_are_still_refused() -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse("June or July", anchor=REPORT)
    assert "'June or July'" in str(caught.value)
    assert "with its year ('2019 or 2020')" in caught.value.reason


def test_a_relative_one_of_in_a_file_resolves_from_its_anchor() -> None:
    expression = chronology.parse_expression("Monday or Tuesday")
    assert isinstance(expression, chronology.RelativeDate)
    assert expression.needs_anchor
    assert expression.resolve(chronology.parse(REPORT)) == chronology.parse("Monday or Tuesday", anchor=REPORT)
