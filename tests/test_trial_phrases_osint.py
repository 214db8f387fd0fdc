"""Phrases an OSINT researcher found refused: each now read as its sibling form is, or refused saying why."""

from __future__ import annotations

import pytest

import chronology
from chronology import Comparison
from chronology.errors import DateParseError, QuantityParseError
from chronology.notation.quantity import parse_quantity

ANCHOR = chronology.parse("2024-11-17")  # a Sunday


DAY = 86_400


def _read(text: str) -> str:
    """The reading's EDTF: its bounds (open or not), precision and qualifier."""
    return chronology.parse(text, anchor=ANCHOR).to_edtf()


def _bounds(text: str) -> tuple[int, int]:
    value = chronology.parse(text, anchor=ANCHOR)
    assert isinstance(value, chronology.UncertainDate)
    return value.lo, value.hi


# -- English phrases: each reads as the sibling form already read ----------------------------------------


@pytest.mark.parametrize(
    ("phrase", "sibling"),
    [
        ("end of October", "the end of October"),
        ("beginning of 2024", "the beginning of 2024"),
        ("start of next year", "the start of next year"),
        ("middle of June", "the middle of June"),
        ("by end of October", "by the end of October"),
        ("end of the month", "the end of the month"),
        ("earlier in the week", "earlier this week"),
        ("earlier in the month", "earlier this month"),
        ("later in the month", "later this month"),
        ("earlier in the year", "earlier this year"),
        ("over recent days", "in recent days"),
        ("the first half of November", "between 1 and 15 November"),
        ("first half of November 2024", "between 1 and 15 November 2024"),
        ("the second half of November", "between 16 and 30 November"),
    ],
)
def test_a_new_phrase_reads_as_its_sibling(phrase: str, sibling: str) -> None:
    assert _read(phrase) == _read(sibling)


def test_in_recent_days_looks_back_as_far_as_the_coming_days_look_ahead() -> None:
    first, last = _bounds("in recent days")
    _, ahead_last = _bounds("in the coming days")
    assert last == ANCHOR.hi  # to the anchor's day
    assert ANCHOR.lo - first == ahead_last - ANCHOR.hi == 10 * DAY  # ten days back, as ten days on


def test_in_recent_hours_is_the_day_before_the_anchors_moment_as_the_coming_hours_are_after() -> None:
    first, last = _bounds("in recent hours")
    ahead_first, ahead_last = _bounds("in the coming hours")
    assert (first, last) == (ANCHOR.lo - 23 * 3600, ANCHOR.hi)
    assert (ahead_first, ahead_last) == (ANCHOR.lo, ANCHOR.hi + 23 * 3600)


def test_in_recent_weeks_keeps_its_two_months() -> None:
    value = chronology.parse("in recent weeks", anchor=ANCHOR)
    assert (str(value.earliest), str(value.latest)) == ("2024-09-17", "2024-11-17")


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("the first half of November", "2024-11-01", "2024-11-15"),
        ("the second half of November", "2024-11-16", "2024-11-30"),
        ("the second half of February 2024", "2024-02-16", "2024-02-29"),
        ("the second half of February 2023", "2023-02-16", "2023-02-28"),
        ("the second half of December 2024", "2024-12-16", "2024-12-31"),
        # a month without a year takes it as "December" does: the latest December by the anchor
        ("the second half of December", "2023-12-16", "2023-12-31"),
    ],
)
def test_halves_of_a_month_are_days_1_to_15_and_16_to_the_end(phrase: str, first: str, last: str) -> None:
    value = chronology.parse(phrase, anchor=ANCHOR)
    assert (str(value.earliest), str(value.latest)) == (first, last)


def test_a_half_of_an_old_style_month_is_converted_as_its_days_are() -> None:
    value = chronology.parse("the second half of February 1700 (O.S.)")
    assert isinstance(value, chronology.UncertainDate)
    assert value.lo == _bounds("16 February 1700 (O.S.)")[0]
    assert value.hi == _bounds("29 February 1700 (O.S.)")[1]  # 1700 was a leap year in the Julian calendar


def test_halves_of_a_year_keep_their_semesters() -> None:
    assert chronology.parse("the first half of 2024").to_edtf() == "2024-40"
    assert chronology.parse("the second half of 2024").to_edtf() == "2024-41"


def test_a_third_half_of_a_month_is_refused_saying_a_month_has_two() -> None:
    with pytest.raises(DateParseError, match="a month has two halves, not 3"):
        chronology.parse("the third half of November", anchor=ANCHOR)


# -- day and month in numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["18.10.2024", "18/10/2024", "10/18/2024", "10.18.2024", " 18.10.2024 "])
def test_a_numbered_date_is_read_where_only_one_order_names_a_day(text: str) -> None:
    value = chronology.parse(text)
    assert value == chronology.parse("2024-10-18")
    assert value.text == text.strip()


def test_a_numbered_date_whose_orders_agree_is_read() -> None:
    assert chronology.parse("05.05.2024") == chronology.parse("2024-05-05")


@pytest.mark.parametrize(
    ("text", "day_first", "month_first"),
    [
        ("05.10.2024", "2024-10-05", "2024-05-10"),
        ("05/10/2024", "2024-10-05", "2024-05-10"),
        ("1.2.2024", "2024-02-01", "2024-01-02"),
        ("12/11/2024", "2024-11-12", "2024-12-11"),
    ],
)
def test_a_numbered_date_either_order_reads_is_refused_with_both_readings(
    text: str, day_first: str, month_first: str
) -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(text)
    assert "ambiguous" in caught.value.reason
    assert f"'{day_first}' or '{month_first}'" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("18.10.24", "the year '24' is not written in full"),
        ("18.19.2024", "neither 18 nor 19 is a month"),
        ("31.04.2024", "day 31 does not exist"),
        ("18.10/2024", "mixes '.' and '/'"),
    ],
)
def test_a_numbered_date_naming_no_day_is_refused_saying_why(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason) as caught:
        chronology.parse(text)
    assert caught.value.text == text


# -- claimed figures ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
def test_thousands_set_off_by_a_space_read_as_by_a_comma(space: str) -> None:
    assert parse_quantity(f"about 10{space}000") == parse_quantity("about 10,000")
    assert parse_quantity(f"1{space}000{space}000") == parse_quantity("1,000,000")


def test_between_reads_as_the_range_it_names() -> None:
    assert parse_quantity("between 10,000 and 12,000") == parse_quantity("10,000-12,000")
    assert parse_quantity("between 10 000 and 12 000") == parse_quantity("10,000-12,000")


def test_between_one_figure_is_refused() -> None:
    with pytest.raises(QuantityParseError, match="'between' takes two figures"):
        parse_quantity("between 10,000")


def test_a_range_after_another_comparison_is_still_refused() -> None:
    with pytest.raises(QuantityParseError, match="a range takes no 'about'"):
        parse_quantity("about 10,000-12,000")


@pytest.mark.parametrize(
    ("text", "least"),
    [("thousands", 2_000), ("Thousands", 2_000), ("tens of thousands", 20_000), ("hundreds", 200),
     ("hundreds of thousands", 200_000), ("millions", 2_000_000)],
)  # fmt: skip
def test_a_plural_count_is_at_least_two_of_its_unit_with_no_most(text: str, least: int) -> None:
    value = parse_quantity(text)
    assert (value.comparison, value.low, value.high) == (Comparison.AT_LEAST, least, None)
    assert value.text == text


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("several thousand", 3_000, 9_999), ("a few thousand", 2_000, 4_999), ("several hundred", 300, 999)],
)
def test_a_few_and_several_count_units_as_the_date_reader_counts_days(text: str, low: int, high: int) -> None:
    value = parse_quantity(text)
    assert (value.comparison, value.low, value.high) == (Comparison.BETWEEN, low, high)


@pytest.mark.parametrize("text", ["dozens of thousands", "about thousands", "tens of hundreds"])
def test_an_unknown_count_in_words_is_refused_suggesting_one_that_is_read(text: str) -> None:
    with pytest.raises(QuantityParseError, match="is not a count this reader knows; write"):
        parse_quantity(text)


@pytest.mark.parametrize("word", ["nearly", "almost"])
def test_nearly_is_a_little_under_the_figure_not_about_it(word: str) -> None:
    read = parse_quantity(f"{word} 25,000")
    assert read != parse_quantity("about 25,000")
    assert read.high == 25_000
    assert read.low is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("5-10 thousand", 5_000, 10_000),
        ("between 5 and 10 thousand", 5_000, 10_000),
        ("1.5-2 million", 1_500_000, 2_000_000),
        ("5-10k", 5_000, 10_000),
        ("500-2 thousand", 500, 2_000),  # scaled, 500 would pass 2,000: the scale is the second figure's alone
        ("5 thousand-10,000", 5_000, 10_000),
    ],
)
def test_a_scale_said_once_after_a_range_is_both_figures(text: str, low: int, high: int) -> None:
    quantity = parse_quantity(text)
    assert (quantity.low, quantity.high) == (low, high)
