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
