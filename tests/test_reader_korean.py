"""Reading Korean date phrases: each form and its bounds from an anchor, particles, and refusals."""

from __future__ import annotations

import datetime
import sys

import pytest

from chronology.dates import Interval, UncertainDate
from chronology.errors import DateParseError, MissingExtraError
from chronology.notation import find_dates, parse
from chronology.notation.korean_words import korean_words
from chronology.notation.quantity import parse_quantity

pytest.importorskip("babel")

ANCHOR = "2024-10-18"  # a Friday

FORMS = [
    ("2024년 10월 18일", "2024-10-18", "2024-10-18"),
    ("10월 18일", "2024-10-18", "2024-10-18"),
    ("18일", "2024-10-18", "2024-10-18"),
    ("3일", "2024-10-03", "2024-10-03"),
    ("2024년 10월", "2024-10-01", "2024-10-31"),
    ("2024년", "2024-01-01", "2024-12-31"),
    ("지난 18일", "2024-09-18", "2024-09-18"),
    ("지난 8일", "2024-10-08", "2024-10-08"),
    ("지난달 18일", "2024-09-18", "2024-09-18"),
    ("지난해 9월", "2023-09-01", "2023-09-30"),
    ("올해 6월 19일", "2024-06-19", "2024-06-19"),
    ("금요일", "2024-10-18", "2024-10-18"),
    ("지난 금요일", "2024-10-11", "2024-10-11"),
    ("수요일", "2024-10-16", "2024-10-16"),
    ("어제", "2024-10-17", "2024-10-17"),
    ("그제", "2024-10-16", "2024-10-16"),
    ("그저께", "2024-10-16", "2024-10-16"),
    ("엊그제", "2024-10-16", "2024-10-17"),
    ("지난주", "2024-10-07", "2024-10-13"),
    ("지난 주", "2024-10-07", "2024-10-13"),
    ("이번 주", "2024-10-14", "2024-10-20"),
    ("다음 달", "2024-11-01", "2024-11-30"),
    ("지난달", "2024-09-01", "2024-09-30"),
    ("작년", "2023-01-01", "2023-12-31"),
    ("올해", "2024-01-01", "2024-12-31"),
    ("내년", "2025-01-01", "2025-12-31"),
    ("10월 초", "2024-10-01", "2024-10-10"),
    ("10월 중순", "2024-10-11", "2024-10-20"),
    ("10월 말", "2024-10-21", "2024-10-31"),
    ("올해 말", "2024-09-01", "2024-12-31"),
    ("연말", "2024-09-01", "2024-12-31"),
    ("상반기", "2024-01-01", "2024-06-30"),
    ("2024년 하반기", "2024-07-01", "2024-12-31"),
    ("1분기", "2024-01-01", "2024-03-31"),
    ("2024년 3분기", "2024-07-01", "2024-09-30"),
    ("2024년 가을", "2024-09-01", "2024-11-30"),
    ("10월 18일경", "2024-10-18", "2024-10-18"),
    ("약 2주 전", "2024-10-01", "2024-10-07"),  # the week centred on 14 days back
    ("3일 전", "2024-10-15", "2024-10-15"),
    ("2주 후", "2024-10-29", "2024-11-04"),
    ("한 달 전", "2024-09-03", "2024-10-03"),  # about a month: half a month either side of 18 September
    ("10월 18일 이후", "2024-10-19", "9999-12-31"),
    ("10월 3일부터 5일까지", "2024-10-03", "2024-10-05"),
    ("3~5일", "2024-10-03", "2024-10-05"),
    ("10월 3~5일", "2024-10-03", "2024-10-05"),
    ("지난 8일부터 13일까지", "2024-10-08", "2024-10-13"),
]


def _days(value: object) -> tuple[str, str]:
    """The first and last day a value may fall on, as ISO dates (an open end as the last day of 9999)."""
    if isinstance(value, Interval):
        assert isinstance(value.start, UncertainDate)
        lo = value.start.earliest_day
        hi = value.end.latest_day if isinstance(value.end, UncertainDate) else datetime.date.max.toordinal()
    else:
        assert isinstance(value, UncertainDate)
        lo, hi = value.earliest_day, value.latest_day
    return datetime.date.fromordinal(lo).isoformat(), datetime.date.fromordinal(min(hi, 3652059)).isoformat()


@pytest.mark.parametrize(("text", "first", "last"), FORMS, ids=[form[0] for form in FORMS])
def test_each_korean_form_reads_with_its_bounds(text: str, first: str, last: str) -> None:
    value = parse(text, anchor=ANCHOR)
    lo, hi = _days(value)
    if last == "9999-12-31":  # "이후": after, open-ended
        assert lo == first
        return
    assert (lo, hi) == (first, last)


def test_a_hedge_before_or_after_makes_the_date_approximate() -> None:
    assert parse("10월 18일경", anchor=ANCHOR).to_edtf() == "2024-10-18~"
    assert parse("약 2주 전", anchor=ANCHOR).to_edtf() == "[2024-10-01~..2024-10-07~]"
    assert parse("10월 18일", anchor=ANCHOR).to_edtf() == "2024-10-18"


PARTICLES = [
    ("18일에", "18일"),
    ("금요일에는", "금요일"),
    ("지난주부터", "지난주"),
    ("10월까지", "10월"),
    ("올해의", "올해"),
    ("2024년 10월 18일에도", "2024년 10월 18일"),
]


@pytest.mark.parametrize(("written", "bare"), PARTICLES, ids=[p[0] for p in PARTICLES])
def test_a_particle_after_a_date_is_no_part_of_it(written: str, bare: str) -> None:
    assert _days(parse(written, anchor=ANCHOR)) == _days(parse(bare, anchor=ANCHOR))
    assert parse(written, anchor=ANCHOR).text == written  # kept as written


FOUND = [
    ("국정원은 18일 북한이 특수부대를 파병했다고 밝혔다.", ["18일"]),
    ("북한군은 지난주부터 금요일에는 전선에 있었다.", ["지난주", "금요일"]),
    ("국가정보원은 북한이 지난 8일부터 13일까지 이송했다고 밝혔다.", ["지난 8일부터 13일까지"]),
    ("김 위원장은 지난해 9월 러시아를 방문했고, 10월 18일경 돌아왔다.", ["지난해 9월", "10월 18일경"]),
    ("북한군 1만2천 명과 1,500명이 5년 만에 왔다.", []),
]


@pytest.mark.parametrize(("text", "phrases"), FOUND, ids=["statement", "particles", "range", "hedged", "counts"])
def test_find_dates_reports_korean_phrases_without_their_particles(text: str, phrases: list[str]) -> None:
    found = find_dates(text)
    assert [p.text for p in found] == phrases
    assert all(text[p.start : p.end] == p.text and p.read for p in found)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2024년 2월 30일", "day 30 does not exist in February"),
        ("32일", "day 32 does not exist"),
        ("10월 5일부터 3일까지", "before it starts"),
        ("10월 어쩌구", "Korean such as"),
    ],
    ids=["no such day", "no such day of a month", "reversed range", "not a date word"],
)
def test_an_unreadable_korean_phrase_names_itself_and_what_is_read(text: str, said: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse(text, anchor=ANCHOR)
    assert text in str(error.value)
    assert said in str(error.value)


def test_every_month_and_weekday_name_from_cldr_reads() -> None:
    table = korean_words()
    (counter,) = [phrase[0] for phrase in table.categories["month_counter"]]
    for month in range(1, 13):
        assert _days(parse(f"2024년 {month}{counter} 3일"))[0] == f"2024-{month:02d}-03"
    for (name,), weekday in table.categories["weekday"].items():
        assert datetime.date.fromisoformat(_days(parse(name, anchor=ANCHOR))[0]).weekday() == weekday


@pytest.mark.parametrize(
    ("text", "comparison", "low", "high"),
    [
        ("1만2천", "EXACTLY", 12_000, 12_000),
        ("최대 10만", "UP_TO", None, 100_000),
        ("1만 이상", "AT_LEAST", 10_000, None),
        ("약 2천", "ABOUT", 2_000, 2_000),
        ("1만여", "ABOUT", 10_000, 10_000),
        ("3억5천만", "EXACTLY", 350_000_000, 350_000_000),
    ],
)
def test_korean_figures_read_as_numbers(text: str, comparison: str, low: int | None, high: int | None) -> None:
    quantity = parse_quantity(text)
    assert (quantity.comparison.name, quantity.low, quantity.high) == (comparison, low, high)
    assert quantity.text == text


def test_without_the_draft_extra_korean_says_which_install_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.notation import korean
    from chronology.notation import korean_words as words

    monkeypatch.setitem(sys.modules, "babel", None)  # as if it were not installed
    words.korean_words.cache_clear()
    korean.korean_grammar.cache_clear()
    try:
        with pytest.raises(MissingExtraError, match=r'pip install "chronology\[draft\]"'):
            parse("10월 18일", anchor=ANCHOR)
    finally:
        words.korean_words.cache_clear()
        korean.korean_grammar.cache_clear()


@pytest.mark.parametrize(
    ("text", "day"),
    [("전날", "2024-10-17"), ("같은 날", "2024-10-18"), ("그날", "2024-10-18"), ("다음 날", "2024-10-19")],
)
def test_a_day_told_from_another_event_reads_from_its_anchor(text: str, day: str) -> None:
    value = parse(text, anchor=ANCHOR)
    assert isinstance(value, UncertainDate)
    assert (value.earliest.isoformat(), value.latest.isoformat()) == (day, day)


def test_in_running_text_a_day_told_from_another_event_and_a_length_are_kept_unread_saying_why() -> None:
    found = find_dates("북한군은 30일 동안 훈련을 받았다. 국정원은 전날 이를 확인했다.")
    assert [(p.text, p.reading) for p in found] == [("30일 동안", None), ("전날", None)]
    assert "how long, not when" in (found[0].refusal or "")
    assert "another event" in (found[1].refusal or "")
    with pytest.raises(DateParseError, match="how long, not when"):
        parse("3주 동안", anchor=ANCHOR)
