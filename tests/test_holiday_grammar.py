"""Holidays and feasts in the English grammar: moving feasts compose as fixed ones do; names alone in running text."""

from __future__ import annotations

import pytest

import chronology
from chronology.draft.cues import CUES
from chronology.errors import DateParseError, QuantityParseError
from chronology.notation import find_dates
from chronology.notation.quantity import COMPARISON_WORDS, parse_quantity
from chronology.notation.words import ENGLISH
from chronology.quantity import Comparison


def _edtf(phrase: str) -> str:
    value = chronology.parse(phrase)
    assert isinstance(value, chronology.UncertainDate)
    return value.edtf


# -- a feast that moves with Easter composes wherever a dated day does ----------------------------------

# (phrase, its EDTF, the same form with a fixed holiday, its EDTF)
COMPOSED = [
    ("Easter Monday 2024, 3pm", "2024-04-01T15", "Christmas 2023, 3pm", "2023-12-25T15"),
    (
        "the evening of Easter Monday 2024",
        "[2024-04-01T18..2024-04-01T21]",
        "the evening of Christmas 2023",
        "[2023-12-25T18..2023-12-25T21]",
    ),
    (
        "shortly before Easter 1666",
        "[1666-04-15..1666-04-24]",
        "shortly before Christmas 1666",
        "[1666-12-15..1666-12-24]",
    ),
    (
        "6 weeks before Easter 2024",
        "[2024-02-15..2024-02-21]",
        "6 weeks before Christmas 2023",
        "[2023-11-10..2023-11-16]",
    ),
    ("3 days after Whit Monday 2024", "2024-05-23", "3 days after Christmas 2023", "2023-12-28"),
    ("Easter of 2024", "2024-03-31", "Christmas of 2023", "2023-12-25"),
    ("Good Friday 2024 at 3 p.m.", "2024-03-29T15", "Boxing Day 2023 at 3 p.m.", "2023-12-26T15"),
]


@pytest.mark.parametrize(("moving", "moving_edtf", "fixed", "fixed_edtf"), COMPOSED, ids=[row[0] for row in COMPOSED])
def test_a_feast_that_moves_with_easter_composes_as_a_fixed_holiday_does(
    moving: str, moving_edtf: str, fixed: str, fixed_edtf: str
) -> None:
    assert _edtf(fixed) == fixed_edtf
    assert _edtf(moving) == moving_edtf


def test_easter_of_a_year_in_the_julian_reckoning_is_its_old_style_easter() -> None:
    assert _edtf("Easter of 1666 (O.S.)") == _edtf("Easter 1666 (O.S.)") == "1666-04-25"


REFUSED_WITH_YEAR = ["the week after Easter 2024", "the week after Whit Monday 2024", "Easter 2024 blah"]


@pytest.mark.parametrize("phrase", REFUSED_WITH_YEAR)
def test_a_refusal_of_a_moving_feast_with_its_year_does_not_ask_for_the_year(phrase: str) -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(phrase)
    assert phrase in str(caught.value)
    assert "without its year" not in str(caught.value)


def test_a_refusal_after_a_moving_feast_with_its_year_points_at_the_unknown_word() -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse("Easter 2024 blah")
    assert caught.value.position == len("Easter 2024 ")
    assert "'blah'" in str(caught.value)


REFUSED_WITHOUT_YEAR = [
    ("the Tuesday after Easter", "'Easter' is not a date word this reader knows without its year"),
    ("the week after Whit Monday", "'Whit Monday' is not a date word this reader knows without its year"),
]


@pytest.mark.parametrize(("phrase", "said"), REFUSED_WITHOUT_YEAR, ids=[row[0] for row in REFUSED_WITHOUT_YEAR])
def test_a_moving_feast_without_its_year_is_refused_asking_for_the_year(phrase: str, said: str) -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(phrase)
    assert said in str(caught.value)


# -- a holiday's name alone in running text is no date ------------------------------------------------------

# (sentence, the phrases found in it)
RUNNING_TEXT = [
    ("We went to the Halloween party.", []),
    ("They met at the All Saints church.", []),
    ("The Epiphany came to him.", []),
    ("the Good Friday Agreement of 1998", ["1998"]),
    ("It was a Whitsun holiday.", []),
    ("the Pentecost church", []),
    ("the Christmas market", []),
    ("the Michaelmas term began", []),
    ("an Easter Monday fair", []),
    ("On Christmas Day 2023 we left.", ["On Christmas Day 2023"]),
    ("He came home at Easter 2024.", ["at Easter 2024"]),
    ("Christmas 2023 was quiet.", ["Christmas 2023"]),
    ("on Good Friday 1916 they rose", ["on Good Friday 1916"]),
    ("the Christmas Eve service", ["Christmas Eve"]),
]


@pytest.mark.parametrize(("sentence", "found"), RUNNING_TEXT, ids=[row[0] for row in RUNNING_TEXT])
def test_a_holidays_name_alone_in_running_text_is_no_date(sentence: str, found: list[str]) -> None:
    assert [phrase.text for phrase in find_dates(sentence)] == found


def test_the_names_that_alone_are_no_date_come_from_the_holiday_tables() -> None:
    holidays = {" ".join(name) for name in ENGLISH.categories["holiday"]}
    moving = {" ".join(name) for name in ENGLISH.categories["easter_holiday"]}
    assert {"halloween", "all saints", "the epiphany", "christmas"} <= ENGLISH.alone_not
    assert {"good friday", "whitsun", "pentecost", "easter monday"} <= ENGLISH.alone_not
    assert ENGLISH.alone_not <= holidays | moving | {" ".join(name) for name in ENGLISH.categories["feast_of_two"]}
    # a day word makes the name a day
    assert not {"christmas day", "christmas eve", "easter day", "st george s day"} & ENGLISH.alone_not


# -- a name of two feasts ----------------------------------------------------------------------------------

FEASTS_OF_TWO = ["St John's Day 1666", "Saint John's Day 1666", "St John Day 1666", "the feast of St John 1666"]


@pytest.mark.parametrize("phrase", FEASTS_OF_TWO)
def test_each_name_of_st_johns_day_is_refused_naming_both_feasts(phrase: str) -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse(phrase)
    message = str(caught.value)
    assert "names two feasts" in message
    assert "St John the Baptist's Day (24 June)" in message
    assert "St John the Evangelist's Day (27 December)" in message
    assert "'24 June 1666'" in message


def test_the_baptists_own_day_still_reads() -> None:
    assert _edtf("the feast of St John the Baptist 1665") == "1665-06-24"


# -- refusals give the nearest form, not a fixed example ---------------------------------------------------


def test_a_reign_is_refused_naming_the_reign_written() -> None:
    with pytest.raises(DateParseError) as caught:
        chronology.parse("the reign of Henry VIII")
    assert "write the years of the reign of Henry VIII instead" in str(caught.value)
    assert "'from <first year> to <last year>'" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "suggested"),
    [("nearly 2,000-3,000", "'2,000-3,000'"), ("about $5-10 million", "'$5-10 million'")],
)
def test_a_range_with_a_comparison_is_refused_suggesting_the_range_written(text: str, suggested: str) -> None:
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity(text)
    assert text in str(caught.value)
    assert f"write it as {suggested}" in str(caught.value)
    assert "10,000-12,000" not in str(caught.value)


# -- the draft's English comparisons are the quantity reader's ---------------------------------------------


@pytest.mark.parametrize("word", ["just below", "just shy of", "nearly", "above", "under"])
def test_the_drafts_english_comparisons_are_the_quantity_readers_words(word: str) -> None:
    assert CUES["en"].comparisons[word] == word
    assert word in COMPARISON_WORDS


def test_the_draft_leaves_out_marks_and_between() -> None:
    comparisons = CUES["en"].comparisons
    assert not {"~", "c.", ">", "<", "between"} & set(comparisons)
    assert parse_quantity("just shy of 2,000").comparison is Comparison.NEARLY
