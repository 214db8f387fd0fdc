"""Relative phrases against wide anchors, and the arguments parse() takes for them.

Against an anchor of more than a few weeks, only the first and last anchor days
that give a reading are read, and they are found without trying every day: the
work does not grow with the anchor. These tests check the answers against a
reference that reads every anchor day, and count the readings taken.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import (
    ChronologyError,
    DateParseError,
    InvalidDateError,
    Precision,
    Tense,
    UncertainDate,
    parse,
    relative,
)
from chronology._calendar import OPEN_HI, OPEN_LO
from chronology.files import validate
from chronology.relative import (
    PERIODS,
    Between,
    Hours,
    Leading,
    Modified,
    MonthPart,
    MonthRule,
    NamedPeriod,
    Offset,
    OnWeekday,
    PartOf,
    RelativeDate,
    Rule,
    SeasonRule,
    Unit,
    WeekdayRule,
    resolve,
)
from chronology.rules import FromAnchor, Terminus

LAST_DAY = datetime.date(9999, 12, 31).toordinal()
WHOLE_RANGE = "[0001..9999]"


def every_rule() -> list[Rule]:
    """Every kind of rule, with the readings that fail somewhere (February 29, the fifth week of February)."""
    rules: list[Rule] = [WeekdayRule(day, which) for day in range(7) for which in ("bare", "last", "next", "this")]
    for month in range(1, 13):
        rules.append(MonthRule(month))
        rules.extend(MonthRule(month, day=day) for day in (1, 29, 30, 31))
        rules.extend(MonthRule(month, part=part) for part in MonthPart)
        rules.extend(MonthRule(month, week=week) for week in (1, 5, 6))
    for unit in Unit:
        for low, high in ((0, 0), (1, 1), (2, 4), (1, 10), (400, 400), (9998, 9998), (10000, 10000)):
            rules.extend(Offset(low, high, unit, direction) for direction in (-1, 1))
    rules.extend(NamedPeriod(name) for name in PERIODS)
    # rules that compose: a third of a period, a part of a day, a season, a one-of range, a dateline's weekday
    rules.extend(Modified(NamedPeriod("last month"), PartOf(part)) for part in MonthPart)
    rules.extend(Modified(MonthRule(2), PartOf(part)) for part in MonthPart)
    rules.append(Modified(WeekdayRule(0), Hours(18 * 3600, 30 * 3600)))
    rules.append(Modified(MonthRule(3, day=12), OnWeekday(1)))
    rules.append(Between(Leading(MonthRule(3), MonthRule(5)), MonthRule(5)))
    rules.append(Between(Leading(MonthRule(11, day=3), MonthRule(2)), MonthRule(2)))
    rules.extend(
        SeasonRule(first, 3, Precision.SEASON, which) for first in (3, 12) for which in ("bare", "last", "this", "next")
    )
    # a side left open, closed by the anchor where the tense says so ("by the end of the year" in a plan)
    rules.extend(Modified(MonthRule(3), Terminus(side)) for side in ("before", "by", "after", "from"))
    rules.append(Modified(Modified(NamedPeriod("this year"), PartOf(MonthPart.LATE)), Terminus("by")))
    # a day or month named from the anchor's ("18일", "지난 18일", "지난 8일부터 13일까지", "지난해 9월")
    rules.extend(FromAnchor("month", offset, day=day) for offset in (-1, 0, 1) for day in (1, 18, 31))
    rules.extend(FromAnchor("month", day=day, latest=True) for day in (1, 13, 29, 31))
    rules.append(FromAnchor("month", day=8, latest=True, until=13))
    rules.extend(FromAnchor("year", offset, 2, day) for offset in (-1, 0, 1) for day in (None, 29))
    return rules


RULES = every_rule()


def read(rule: Rule, day: int, tense: Tense) -> tuple[int, int, Precision] | None:
    """The reading at one anchor day, as day numbers; None where there is none."""
    try:
        span = rule.span(pendulum.Date.fromordinal(day), tense)
    except (ValueError, OverflowError):
        return None
    return None if span is None else (span[0] // 86_400, span[1] // 86_400, span[2])


def every_day_answer(rule: Rule, first: int, last: int, tense: Tense) -> tuple[int, int, Precision] | None:
    """The reference: the hull of the readings at every anchor day (what short anchors have always given)."""
    tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
    found = [s for t in tenses for s in (read(rule, n, t) for n in range(first, last + 1)) if s is not None]
    if not found:
        return None
    lo, hi = min(s[0] for s in found), max(s[1] for s in found)
    if relative._open_sided(rule):  # the side a terminus left open, closed by the anchor as resolve closes it
        seconds = relative._closed_by_tense(
            OPEN_LO if lo < -(2**31) else lo * 86_400,
            OPEN_HI if hi > 2**31 else hi * 86_400 + 86_399,
            first,
            last,
            tense,
        )
        lo, hi = (seconds[0] // 86_400, seconds[1] // 86_400)
    return lo, hi, found[0][2]


@pytest.fixture
def every_anchor_wide() -> Iterator[None]:
    """Take the wide-anchor path for anchors of any width, even one day."""
    with mock.patch.object(relative, "_EVERY_DAY_LIMIT", -1):
        yield


def answer(rule: Rule, first: int, last: int, tense: Tense) -> tuple[int, int, Precision] | None:
    """What resolve gives against an anchor from day ``first`` to ``last``."""
    anchor = UncertainDate.from_days(first, last)
    try:
        value = resolve(RelativeDate(rule, "phrase"), anchor, tense=tense)
    except DateParseError as error:
        if error.reason != f"names no date against anchor {anchor.to_edtf()}":
            raise
        return None
    assert isinstance(value, UncertainDate)
    return value.earliest_day, value.latest_day, value.precision


def count_readings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the readings at one anchor day the resolver takes from now on."""
    calls = [0]
    original: Callable[[Rule, pendulum.Date, Tense], relative.Span] = relative._span

    def counted(rule: Rule, anchor: pendulum.Date, tense: Tense) -> relative.Span:
        calls[0] += 1
        return original(rule, anchor, tense)

    monkeypatch.setattr(relative, "_span", counted)
    return calls


# -- wide anchors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [("10000 years ago", WHOLE_RANGE), ("2000 years ago", "1XXX"), ("5000 years after", "[5000..9999]")],
)
def test_a_phrase_that_leaves_years_1_to_9999_from_every_anchor_day_is_refused_at_once(
    phrase: str, anchor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_readings(monkeypatch)
    with pytest.raises(DateParseError) as caught:
        parse(phrase, anchor=parse(anchor))
    assert str(caught.value) == f"{phrase!r}: names no date against anchor {anchor}"
    assert calls[0] == 0  # offsets are bounded by arithmetic, never read day by day


# (phrase, anchor, tense, earliest, latest): hulls over anchors of up to 9999 years, as the old day-by-day
# scan from each end gave them (None: no date).
WIDE = [
    ("5000 years ago", WHOLE_RANGE, "past", "0001-01-01", "5000-07-01"),
    ("9998 years ago", WHOLE_RANGE, "past", "0001-01-01", "0002-07-01"),
    ("5000 years after", "[0001..5000]", "past", "5000-07-03", "9999-12-31"),
    ("3 days after", WHOLE_RANGE, "past", "0001-01-04", "9999-12-31"),
    ("February 29", WHOLE_RANGE, "past", "0004-02-29", "9996-02-29"),
    ("February 29", WHOLE_RANGE, "future", "0004-02-29", "9996-02-29"),
    ("the fifth week of February", WHOLE_RANGE, "past", "0001-02-26", "9998-02-28"),
    ("in recent years", WHOLE_RANGE, "past", "0001-01-01", "9999-12-31"),
    ("last year", WHOLE_RANGE, "past", "0001-01-01", "9998-12-31"),
    ("earlier this month", WHOLE_RANGE, "past", "0001-01-01", "9999-12-30"),
    ("Friday", WHOLE_RANGE, "either", "0001-01-05", "9999-12-31"),
    ("next Friday", WHOLE_RANGE, "past", "0001-01-05", "9999-12-31"),
    ("December", WHOLE_RANGE, "past", "0001-12-01", "9999-12-31"),
    ("January", WHOLE_RANGE, "future", "0001-01-01", "9999-01-31"),
    ("2000 years ago", "1XXX", "past", None, None),
    ("1000 years ago", "1XXX", "past", "0001-01-01", "1000-07-01"),
]


@pytest.mark.parametrize(
    ("phrase", "anchor", "tense", "earliest", "latest"), WIDE, ids=[f"{c[0]}@{c[1]}" for c in WIDE]
)
def test_a_wide_anchor_takes_a_few_readings_whatever_its_width(
    phrase: str, anchor: str, tense: str, earliest: str | None, latest: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_readings(monkeypatch)
    if earliest is None:
        with pytest.raises(DateParseError, match="names no date against anchor"):
            parse(phrase, anchor=anchor, tense=tense)
    else:
        value = parse(phrase, anchor=anchor, tense=tense)
        assert isinstance(value, UncertainDate)
        assert (value.earliest.isoformat(), value.latest.isoformat()) == (earliest, latest)
    # Bisection over 3.6 million days takes ~2 x 22 readings; February 29 steps a month at a time over up to
    # 8 years; the old scan took millions.
    assert calls[0] <= 300


def test_a_rule_that_never_names_a_date_stops_after_one_400_year_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_readings(monkeypatch)
    never = RelativeDate(MonthRule(2, day=30), "February 30")
    with pytest.raises(DateParseError, match="names no date against anchor"):
        never.resolve(parse(WHOLE_RANGE))
    assert calls[0] <= 2 * 4_800 + 100


def test_an_event_file_anchored_to_a_9999_year_source_validates_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.toml"
    text = (
        '[[sources]]\nid = "s"\npublished = "[0001..9999]"\n\n'
        '[[events]]\nid = "e"\ntitle = "E"\nwhen = "10000 years ago"\nanchor = "s"\n'
    )
    path.write_text(text, encoding="utf-8")
    assert len(text.encode()) == 119
    calls = count_readings(monkeypatch)
    problems = validate(path)
    assert [p.message for p in problems] == ["'10000 years ago': names no date against anchor [0001..9999]"]
    assert calls[0] == 0


# -- the wide path against the every-day reference ---------------------------------------------

anchor_starts = st.one_of(
    st.integers(1, 3_000),  # near 0001-01-01, where readings leave year 1
    st.integers(LAST_DAY - 3_000, LAST_DAY),  # near 9999-12-31
    st.integers(1, LAST_DAY),
)


@given(
    rule=st.sampled_from(RULES),
    start=anchor_starts,
    width=st.integers(0, 120),
    tense=st.sampled_from(Tense),
)
def test_the_wide_path_gives_the_every_day_answer_on_short_anchors(
    rule: Rule, start: int, width: int, tense: Tense
) -> None:
    first, last = min(start, LAST_DAY - width), min(start, LAST_DAY - width) + width
    expected = every_day_answer(rule, first, last, tense)
    with mock.patch.object(relative, "_EVERY_DAY_LIMIT", -1):
        assert answer(rule, first, last, tense) == expected
    # and the short path, which reads the outermost days first and every day only where one of them names none
    assert answer(rule, first, last, tense) == expected


# Anchors of a few years at the ends of the calendar and across century years that are not leap years,
# where readings fail for years on end.
GAPPY = [
    (1, 1_500),
    (1, 3_000),
    (LAST_DAY - 3_000, LAST_DAY),
    (datetime.date(1896, 3, 1).toordinal(), datetime.date(1904, 2, 1).toordinal()),
    (datetime.date(2099, 6, 1).toordinal(), datetime.date(2104, 1, 31).toordinal()),
]
GAPPY_RULES: list[Rule] = [
    MonthRule(2, day=29),
    MonthRule(2, week=5),
    MonthRule(4, week=6),
    NamedPeriod("in recent years"),
    NamedPeriod("earlier this year"),
    NamedPeriod("last year"),
    Offset(4, 4, Unit.YEAR, -1),
    Offset(2, 4, Unit.MONTH, 1),
]


@pytest.mark.usefixtures("every_anchor_wide")
@pytest.mark.parametrize("rule", GAPPY_RULES, ids=repr)
@pytest.mark.parametrize(("first", "last"), GAPPY)
def test_the_wide_path_gives_the_every_day_answer_over_years_without_a_reading(
    rule: Rule, first: int, last: int
) -> None:
    for tense in (Tense.PAST, Tense.FUTURE):
        assert answer(rule, first, last, tense) == every_day_answer(rule, first, last, tense)


@pytest.mark.usefixtures("every_anchor_wide")
@pytest.mark.parametrize("start", [1, 2, 400, LAST_DAY - 63, LAST_DAY])
def test_the_wide_path_gives_the_every_day_answer_for_every_rule_at_the_ends(start: int) -> None:
    first, last = min(start, LAST_DAY - 63), min(start, LAST_DAY - 63) + 63
    for rule in RULES:
        for tense in (Tense.PAST, Tense.FUTURE):
            assert answer(rule, first, last, tense) == every_day_answer(rule, first, last, tense), rule


# -- tense and anchor arguments -----------------------------------------------------------------

WEDNESDAY = parse("2024-10-16")


@pytest.mark.parametrize(
    ("tense", "expected"),
    [
        ("past", "2024-10-11"),
        ("future", "2024-10-18"),
        ("either", "[2024-10-11..2024-10-18]"),
        (Tense.FUTURE, "2024-10-18"),
    ],
)
def test_tense_may_be_given_by_its_value(tense: str | Tense, expected: str) -> None:
    value = parse("Friday", anchor=WEDNESDAY, tense=tense)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == expected
    assert RelativeDate(WeekdayRule(4), "Friday").resolve(WEDNESDAY, tense=tense).to_edtf() == expected


def parse_relative(tense: object) -> object:
    return parse("Friday", anchor=WEDNESDAY, tense=tense)  # type: ignore[arg-type]


def parse_absolute(tense: object) -> object:
    return parse("2024-10-18", tense=tense)  # type: ignore[arg-type]


def resolve_relative(tense: object) -> object:
    return RelativeDate(WeekdayRule(4), "Friday").resolve(WEDNESDAY, tense=tense)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [parse_relative, parse_absolute, resolve_relative])
@pytest.mark.parametrize(("tense", "shown"), [("bogus", "'bogus'"), ("Future", "'Future'"), (None, "None"), (1, "1")])
def test_an_unknown_tense_is_refused_naming_the_three(
    call: Callable[[object], object], tense: object, shown: str
) -> None:
    with pytest.raises(InvalidDateError) as caught:
        call(tense)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ChronologyError)
    assert str(caught.value) == (
        f"tense {shown} is not a tense; expected one of 'past', 'future', 'either' (or chronology.Tense)"
    )


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ("2024-10-18", "2024-10-18"),
        (" 2024-10-16 ", "2024-10-11"),
        ("[2024-10-28..2024-10-31]", "2024-10-25"),
        ("2024-10-16~", "2024-10-11~"),
        (datetime.date(2024, 10, 16), "2024-10-11"),
        (datetime.datetime(2024, 10, 16, 12, 0), "2024-10-11"),
        (pendulum.Date(2024, 10, 16), "2024-10-11"),
    ],
)
def test_an_anchor_may_be_text_or_a_date(anchor: str | datetime.date, expected: str) -> None:
    value = parse("Friday", anchor=anchor)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == expected


def test_an_anchor_given_as_text_reads_as_the_same_anchor_parsed() -> None:
    for phrase in ("Friday", "three weeks ago", "earlier this month", "in June", "last year"):
        assert parse(phrase, anchor="[2024-10-28..2024-10-31]") == parse(
            phrase, anchor=parse("[2024-10-28..2024-10-31]")
        )


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        (
            "2024-13-01",
            "'2024-13-01' (at character 6): unreadable anchor: month 13 does not exist; "
            "expected 01-12, or 21-41 for seasons and quarters",
        ),
        (
            "yesterday",
            "'yesterday': an anchor is a date of its own, not a phrase relative to another; write it as '2024-10-18'",
        ),
        ("2024-10-07/2024-10-13", "'Friday': an anchor is one date, not an interval; anchor to its start or end"),
    ],
)
def test_an_anchor_text_that_is_not_one_date_is_refused(anchor: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse("Friday", anchor=anchor)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("anchor", "shown"),
    [(20241018, "20241018 (of type int)"), (2024.5, "2024.5 (of type float)"), (True, "True (of type bool)")],
)
def test_an_anchor_of_another_type_is_refused_naming_what_is_accepted(anchor: object, shown: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse("Friday", anchor=anchor)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        f"anchor {shown} is not a date; give an UncertainDate, a datetime.date, "
        "the date as text ('2024-10-18', '[2024-10-28..2024-10-31]'), or None"
    )
    with pytest.raises(InvalidDateError, match=r"is not a date; give an UncertainDate \(chronology.parse"):
        RelativeDate(WeekdayRule(4), "Friday").resolve(anchor)  # type: ignore[arg-type]


def test_no_anchor_is_still_no_anchor() -> None:
    assert parse("June 2024", anchor=None) == parse("June 2024")
    with pytest.raises(DateParseError, match="this phrase is relative to a date; give an anchor"):
        parse("Friday", anchor=None)
    assert chronology.parse("2024-10-18", anchor="2024-10-01", tense="future") == parse("2024-10-18")


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("by the end of the year", "future", ("2024-11-04", "2024-12-31")),  # a plan: from the statement on
        ("до конца года", "future", ("2024-11-04", "2024-12-31")),
        ("before Friday", "future", ("2024-11-04", "2024-11-07")),
        ("after Friday", "past", ("2024-11-02", "2024-11-04")),  # told as past: done by the report
        ("by the end of the year", "past", (None, "2024-12-31")),  # told as past: no side to close
        ("after Friday", "future", ("2024-11-09", None)),
    ],
)
def test_a_terminus_read_from_an_anchor_is_closed_by_it_on_the_side_its_tense_gives(
    phrase: str, tense: str, expected: tuple[str | None, str | None]
) -> None:
    value = chronology.parse(phrase, anchor="2024-11-04", tense=tense)
    assert isinstance(value, chronology.UncertainDate)
    lo = None if value.lo <= OPEN_LO else datetime.date.fromordinal(value.earliest_day).isoformat()
    hi = None if value.hi >= OPEN_HI else datetime.date.fromordinal(value.latest_day).isoformat()
    assert (lo, hi) == expected


def test_a_terminus_that_needs_no_anchor_keeps_its_open_side_in_every_tense() -> None:
    for tense in ("past", "future"):
        assert chronology.parse("by 1455", anchor="2024-11-04", tense=tense).lo <= OPEN_LO
        assert chronology.parse("after 1460", anchor="2024-11-04", tense=tense).hi >= OPEN_HI
