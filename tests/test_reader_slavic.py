"""Reading Russian and Ukrainian date phrases: each form and its bounds, read from an anchor where it needs one."""

from __future__ import annotations

import datetime
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.dates import Interval, UncertainDate
from chronology.errors import DateParseError
from chronology.notation import find_dates, parse
from chronology.notation.slavic_words import words_of

pytest.importorskip("pymorphy3")
pytest.importorskip("babel")

ANCHOR = "2024-11-17"  # a Sunday

FORMS = [
    ("3 октября", "2024-10-03", "2024-10-03"),
    ("3 октября 2024 года", "2024-10-03", "2024-10-03"),
    ("3 окт. 2024 г.", "2024-10-03", "2024-10-03"),
    ("в октябре", "2024-10-01", "2024-10-31"),
    ("в сентябре 2023 года", "2023-09-01", "2023-09-30"),
    ("в 2024 году", "2024-01-01", "2024-12-31"),
    ("в середине октября", "2024-10-11", "2024-10-20"),
    ("в начале ноября", "2024-11-01", "2024-11-10"),
    ("в конце 2024 года", "2024-09-01", "2024-12-31"),
    ("до конца года", None, "2024-12-31"),
    ("в пятницу", "2024-11-15", "2024-11-15"),
    ("во вторник", "2024-11-12", "2024-11-12"),
    ("в прошлую пятницу", "2024-11-15", "2024-11-15"),
    ("вчера", "2024-11-16", "2024-11-16"),
    ("сегодня", "2024-11-17", "2024-11-17"),
    ("позавчера", "2024-11-15", "2024-11-15"),
    ("на прошлой неделе", "2024-11-04", "2024-11-10"),
    ("в прошлом месяце", "2024-10-01", "2024-10-31"),
    ("в этом году", "2024-01-01", "2024-12-31"),
    ("три дня назад", "2024-11-14", "2024-11-14"),
    ("с 3 по 5 октября", "2024-10-03", "2024-10-05"),
    ("около 3 октября", "2024-10-03", "2024-10-03"),
    ("у п'ятницю", "2024-11-15", "2024-11-15"),
    ("у пʼятницю", "2024-11-15", "2024-11-15"),
    ("вчора", "2024-11-16", "2024-11-16"),
    ("учора", "2024-11-16", "2024-11-16"),
    ("минулого тижня", "2024-11-04", "2024-11-10"),
    ("минулого місяця", "2024-10-01", "2024-10-31"),
    ("цього року", "2024-01-01", "2024-12-31"),
    ("18 жовтня 2024 р.", "2024-10-18", "2024-10-18"),
    ("у вересні 2023 року", "2023-09-01", "2023-09-30"),
    ("наприкінці жовтня", "2024-10-21", "2024-10-31"),
    ("на початку листопада", "2024-11-01", "2024-11-10"),
    ("минулої п'ятниці", "2024-11-15", "2024-11-15"),
    ("2 тижні тому", "2024-10-31", "2024-11-06"),
]


def _days(value: object) -> tuple[str | None, str | None]:
    """The first and last day a value may fall on (None for an open start), as ISO dates."""
    if isinstance(value, Interval):
        assert isinstance(value.start, UncertainDate)
        assert isinstance(value.end, UncertainDate)
        lo, hi = value.start.earliest_day, value.end.latest_day
    else:
        assert isinstance(value, UncertainDate)
        lo, hi = value.earliest_day, value.latest_day
    day = datetime.date.fromordinal
    return (None if lo < 1 else day(lo).isoformat()), day(hi).isoformat()


@pytest.mark.parametrize(("text", "first", "last"), FORMS, ids=[form[0] for form in FORMS])
def test_each_form_reads_with_its_bounds(text: str, first: str | None, last: str) -> None:
    lo, hi = _days(parse(text, anchor=ANCHOR))
    if first is not None:
        assert lo == first
    assert hi == last


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("3 октебря", "did you mean '3 октября'"),
        ("30 февраля 2024 года", "day 30 does not exist in February"),
        ("в пятницк", "did you mean"),
        ("лист 2024", "Russian or Ukrainian such as"),
    ],
    ids=["misspelt month", "no such day", "misspelt weekday", "a word, not a month"],
)
def test_an_unreadable_cyrillic_phrase_names_itself_and_what_is_read(text: str, said: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse(text, anchor=ANCHOR)
    assert repr(text) in str(error.value) or text in str(error.value)
    assert said in str(error.value)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_every_case_of_every_month_name_from_cldr_reads_as_its_month(language: Literal["ru", "uk"]) -> None:
    table = words_of(language)
    for (form,), month in table.categories["month"].items():
        value = parse(f"3 {form} 2024", anchor=ANCHOR)
        assert _days(value)[0] == f"2024-{month:02d}-03", form


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_cldr_relative_weekday_phrases_read_as_the_weekday_they_name(language: Literal["ru", "uk"]) -> None:
    table = words_of(language)
    for phrase, (which, weekday) in table.categories["relative_weekday"].items():
        lo, _ = _days(parse(" ".join(phrase), anchor=ANCHOR))
        assert lo is not None
        assert datetime.date.fromisoformat(lo).weekday() == weekday, (phrase, which)


@settings(max_examples=60, deadline=None)
@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(1900, 2100))
def test_a_russian_day_month_and_year_is_that_day(day: int, month: int, year: int) -> None:
    names = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]  # fmt: skip
    assert _days(parse(f"{day} {names[month - 1]} {year} года"))[0] == f"{year:04d}-{month:02d}-{day:02d}"


FOUND = [
    ("Разведка заявила 18 октября, что в начале ноября войска ушли.", ["18 октября", "в начале ноября"]),
    ("До 2000 военных и около 2000 долларов, а в 2022 началась война.", ["в 2022"]),
    ("Окружающая среда важна, а в среду прошла встреча.", ["в среду"]),
    ("Встреча прошла 3 окт. 2024 г. в Москве, вчера и на прошлой неделе.",
     ["3 окт. 2024 г.", "вчера", "на прошлой неделе"]),
    ("Як повідомила розвідка, у п'ятницю та минулого тижня прибули 3000 військових.", ["у п'ятницю", "минулого тижня"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrases"), FOUND, ids=["statement", "counts", "environment", "abbreviated", "uk"])
def test_find_dates_finds_cyrillic_phrases_with_their_spans(text: str, phrases: list[str]) -> None:
    found = find_dates(text)
    assert [p.text for p in found] == phrases
    assert all(text[p.start : p.end] == p.text and p.read for p in found)


# -- forms read as their English counterparts are: the same bounds, from the same anchor ------------------------

AS_ENGLISH = [
    # seasons, quarters, halves: with their year, or from the anchor as English "in the spring"
    ("осенью 2024 года", "autumn 2024"),
    ("Осенью 2024 года", "autumn 2024"),
    ("восени 2024 року", "autumn 2024"),
    ("летом 2023 года", "summer 2023"),
    ("зимой 2024 года", "winter 2024"),
    ("весной", "in the spring"),
    ("осенью", "in the autumn"),
    ("прошлой весной", "last spring"),
    ("этим летом", "this summer"),
    ("следующей зимой", "next winter"),
    ("в первом квартале 2024 года", "Q1 2024"),
    ("I квартал 2024 года", "Q1 2024"),
    ("1-й квартал 2024 г.", "Q1 2024"),
    ("у другому кварталі 2024 року", "Q2 2024"),
    ("в первом полугодии 2024 года", "H1 2024"),
    ("у другому півріччі 2024 року", "the second half of 2024"),
    # decades and centuries, and thirds of them
    ("в 1990-е годы", "the 1990s"),
    ("в 90-х годах", "the 1990s"),
    ("в 1990-х", "the 1990s"),
    ("у 1990-х роках", "the 1990s"),
    ("в XXI веке", "the 21st century"),
    ("в XIX столетии", "the 19th century"),
    ("у XX столітті", "the 20th century"),
    ("в ХХ веке", "the 20th century"),  # Cyrillic "Х"
    ("в 21 веке", "the 21st century"),
    ("в начале XX века", "early 20th century"),
    ("в конце 1990-х", "the late 1990s"),
    ("в середине XIX века", "mid-19th century"),
    # the night onto a day is the night of the day before
    ("в ночь на 5 октября", "the night of 4 October"),
    ("У ніч на 4 листопада", "the night of 3 November"),
    ("в ночь с 4 на 5 октября", "the night of 4 October"),
    ("в ночь с 31 октября на 1 ноября", "the night of 31 October"),
    ("в ночь на субботу", "Friday night"),
    ("в ночь на 5 октября 2024 года", "the night of 4 October 2024"),
    # a weekday in apposition with its date: the date, checked against the weekday
    ("в пятницу, 15 ноября", "on Friday, Nov. 15"),
    ("у середу, 13 листопада", "Wednesday, November 13"),
    ("В понедельник, 4 ноября", "Monday, November 4"),
    ("в пятницу, 15 ноября 2024 года", "Friday, 15 November 2024"),
    # dates in figures, day first
    ("18.10.2024 г.", "18 October 2024"),
    ("от 18.10.2024", "18 October 2024"),
    ("от 18.10", "18 October"),
    # relative days and periods
    ("накануне", "the day before"),
    ("напередодні", "the day before"),
    ("в тот же день", "the same day"),
    ("неделю назад", "a week ago"),
    ("в выходные", "over the weekend"),
    ("на выходных", "over the weekend"),
    ("в прошлые выходные", "last weekend"),
    ("минулими вихідними", "last weekend"),
    ("на следующей неделе", "next week"),
    ("в прошлом году", "last year"),
    ("в следующем месяце", "next month"),
    ("сегодня утром", "this morning"),
    ("вчера вечером", "yesterday evening"),
    ("вечером в пятницу", "Friday evening"),
    ("в пятницу вечером", "Friday evening"),
    ("сьогодні вранці", "this morning"),
]


@pytest.mark.parametrize(("text", "english"), AS_ENGLISH, ids=[form[0] for form in AS_ENGLISH])
def test_a_form_reads_with_the_bounds_of_its_english_counterpart(text: str, english: str) -> None:
    value, expected = parse(text, anchor=ANCHOR), parse(english, anchor=ANCHOR)
    assert isinstance(value, UncertainDate)
    assert isinstance(expected, UncertainDate)
    assert (value.lo, value.hi, value.precision) == (expected.lo, expected.hi, expected.precision)


BOUNDS = [
    ("осенью 2024 года", "2024-09-01", "2024-11-30"),
    ("в первом квартале 2024 года", "2024-01-01", "2024-03-31"),
    ("у другому кварталі", "2024-04-01", "2024-06-30"),  # the latest second quarter begun by the anchor
    ("в первом полугодии", "2024-01-01", "2024-06-30"),
    ("в 1990-е годы", "1990-01-01", "1999-12-31"),
    ("в XXI веке", "2000-01-01", "2099-12-31"),
    ("в начале XX века", "1900-01-01", "1932-12-31"),
    ("в ночь на 5 октября", "2024-10-04", "2024-10-05"),
    ("в пятницу, 15 ноября", "2024-11-15", "2024-11-15"),
    ("18.10.2024 г.", "2024-10-18", "2024-10-18"),
    ("накануне", "2024-11-16", "2024-11-16"),
    ("на выходных", "2024-11-16", "2024-11-17"),
    ("минулими вихідними", "2024-11-09", "2024-11-10"),
]


@pytest.mark.parametrize(("text", "first", "last"), BOUNDS, ids=[form[0] for form in BOUNDS])
def test_seasons_decades_nights_and_figures_read_with_their_bounds(text: str, first: str, last: str) -> None:
    assert _days(parse(text, anchor=ANCHOR)) == (first, last)


def test_the_night_onto_a_day_runs_from_six_in_the_evening_before_to_six_in_the_morning() -> None:
    value = parse("в ночь на 5 октября 2024 года")
    assert isinstance(value, UncertainDate)
    assert value.edtf == "[2024-10-04T18..2024-10-05T05]"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("в понедельник, 15 ноября 2024 года", "15 November 2024 is a Friday, not a Monday"),
        ("в понедельник, 15 ноября", "names no date"),
        ("в ночь с 3 на 5 октября", "not consecutive days"),
        ("в ночь на октябрь", "the night before a day"),
        ("18.10.24 г.", "write it in four ('18.10.2024')"),
        ("в 20-х годах", "the 1920s or the 2020s"),
        ("в 1995-е годы", "not a decade"),
        ("5-й квартал 2024 года", "a year has four quarters, not 5"),
        ("в третьем полугодии", "a year has two halves, not 3"),
    ],
    ids=["weekday and dated day", "weekday and day", "not a night", "night onto a month", "two-digit year",
         "1920s or 2020s", "no decade", "fifth quarter", "third half"],
)  # fmt: skip
def test_a_form_that_names_no_date_is_refused_saying_why(text: str, said: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse(text, anchor=ANCHOR)
    assert text in str(error.value)
    assert said in str(error.value)


def test_figures_without_a_language_stay_ambiguous_but_read_day_first_with_a_russian_word() -> None:
    with pytest.raises(DateParseError, match="ambiguous"):
        parse("05.10.2024")  # ("18.10.2024" is read without one: 18 is no month)
    assert _days(parse("18.10.2024 г.")) == ("2024-10-18", "2024-10-18")
    assert _days(parse("05.10.2024 г.")) == ("2024-10-05", "2024-10-05")
