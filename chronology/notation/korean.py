"""The Korean date grammar: dates as Korean news reports (Yonhap, KCNA, the NIS briefings) write them.

The rules are those of :mod:`chronology.notation.english`, built from the same
combinators and giving the same readings, over the words of
:func:`chronology.notation.korean_words.korean_words` (CLDR's names and
patterns, and a small typed table). A phrase in Hangul is read here by
:func:`chronology.notation.parse`; the forms and their readings are listed in
``docs/reference/dates.md`` ("Korean").

Korean writes a number and its counter together ("18일", "10월", "2024년"):
the tokenizer reads them as a number, then a word, and the rules join them
again ("a number, then the month counter"). A particle joined to a date
("18일에", "지난주부터") is split off by the tokenizer and is never part of
the date; a phrase that ends with one is read without it.

* a date as far as it goes: "2024년 10월 18일", "10월 18일", "2024년 10월",
  "10월", "2024년"; "18일" alone is the 18th of the anchor's month, "지난
  18일" the latest 18th before the anchor (as Korean news writes a day
  earlier in the month);
* a weekday, and which: "금요일", "지난 금요일", "다음 주 월요일" is not read;
* relative days and periods: "어제", "그제", "엊그제", "지난주", "이번 주",
  "다음 달", "작년", "올해";
* a third of a period: "10월 초", "10월 중순", "10월 말", "올해 말", "연말";
* halves, quarters and seasons: "상반기", "2024년 하반기", "1분기", "2024년 가을";
* distances: "3일 전", "2주 후", "한 달 전";
* hedges, before or after: "약 2주 전", "10월 18일경", "18일께";
* a side: "10월 18일 이후", "10월 이전";
* ranges: "10월 3일부터 5일까지", "3~5일", "10월 3~5일".
"""

from __future__ import annotations

import functools
from typing import Any, Final

import attrs

from chronology.dates import DateValue, Precision
from chronology.notation._grammar import (
    SKIP,
    Category,
    Mark,
    Named,
    Number,
    RefusalError,
    Rule,
    optional,
    tokenize,
)
from chronology.notation.english import (
    Calendar,
    Grammar,
    _half,
    _lasting,
    _named_period,
    _not_year_zero,
    _offset,
    _quarter,
    _reading_calendar,
    _relative_season,
    _rule,
    _season,
    _third,
    _weekday,
    read_english,
)
from chronology.notation.korean_words import ATTACHED_PARTICLE, korean_words
from chronology.notation.words import WordTable
from chronology.relative import RelativeDate
from chronology.rules import (
    FromAnchor,
    Hedge,
    Lasting,
    Modified,
    Offset,
    SeasonRule,
    Terminus,
    Unit,
)
from chronology.rules import Rule as DateRule

__all__ = ["EXPECTED_KOREAN", "korean_grammar", "read_korean", "without_particle"]

EXPECTED_KOREAN: Final = (
    "expected Korean such as '2024년 10월 18일', '10월 18일', '18일', '지난 18일', '10월 초', '금요일', "
    "'지난주', '어제', '3일 전', '10월 3일부터 5일까지'; run 'chronology forms --language ko' to list the forms read"
)
_LONGEST_MONTH: Final = 31


def _length(*_: object) -> DateRule:
    """Refuse "30일 동안", "3주 동안": a length of time says how long, not when."""
    raise RefusalError(
        "a length of time says how long, not when: write when it began ('10월 3일부터') or the days it "
        "covers ('10월 3일부터 5일까지')"
    )


def _from_anchor(rule: FromAnchor) -> DateRule:
    """A ``FromAnchor`` rule (of :mod:`chronology.rules`) in the reading's calendar, refused for a day no month has.

    In a Julian reading its years, months and days are those of the anchor's Julian date, as English "the 18th"
    and "October 18" are.
    """
    if rule.day is not None and not 1 <= rule.day <= _LONGEST_MONTH:
        raise RefusalError(f"day {rule.day} does not exist in any month")
    calendar = _reading_calendar()
    return rule if calendar == "gregorian" else attrs.evolve(rule, calendar=calendar)


def _day_of_month(day: int, which: str) -> DateRule:
    """A day named without its month: "18일" (the anchor month's), "지난 18일" (the latest before the anchor)."""
    if which == "last":
        return _from_anchor(FromAnchor("month", day=day, latest=True))
    return _from_anchor(FromAnchor("month", 1 if which == "next" else 0, day=day))


def _named(meaning: str | tuple[str, int]) -> DateRule:
    """A relative day of CLDR: a named period ("어제"), or a distance ("모레": two days on)."""
    if isinstance(meaning, tuple):
        return Offset(meaning[1], meaning[1], Unit("day"), 1 if meaning[1] > 0 else -1)
    return _named_period(meaning)


def _period(which: str, unit: str) -> DateRule:
    """A period named by which and its unit: "지난 주", "다음 달"."""
    names = {"week": "week", "month": "month", "year": "year"}
    if which == "this":
        return _named_period("this calendar week" if unit == "week" else f"this {names[unit]}")
    return _named_period(f"{which} {names[unit]}")


def _without_year(first_month: int, months: int, precision: Precision) -> DateRule:
    """A quarter, half or season named without its year: the one of the anchor's year ("1분기", "상반기")."""
    return SeasonRule(first_month, months, precision, "this", calendar=_reading_calendar())


def _quarter_of(number: int, year: int | None) -> DateRule:
    if year is not None:
        return _quarter(number, year)
    if not 1 <= number <= 4:
        raise RefusalError(f"a year has four quarters, not {number}")
    return _without_year(3 * number - 2, 3, Precision.QUARTER)


def _half_of(number: int, year: int | None) -> DateRule:
    return _half(number, year) if year is not None else _without_year(6 * number - 5, 6, Precision.SEMESTER)


def _season_of(year: int | None, season: tuple[int, int]) -> DateRule:
    return _season(season, year) if year is not None else _relative_season("bare", season)


def _range(first: Calendar, last: Calendar) -> Lasting:
    """A range ("10월 3일부터 5일까지", "3~5일"): the second end takes the first's month and year (or the anchor's)."""
    if first.month is None and last.month is None and first.year is None and last.year is None:
        assert first.day is not None  # the grammar gives both ends a day here
        assert last.day is not None
        if last.day < first.day:
            raise RefusalError(f"reversed range: day {last.day} comes before day {first.day}")
        return Lasting(_day_of_month(first.day, "this"), _day_of_month(last.day, "this"))
    if last.month is None and last.day is not None:
        last = attrs.evolve(last, month=first.month, year=last.year if last.year is not None else first.year)
    return _lasting(first, last)


def _latest_days(which: str, first: int, *rest: Any) -> Lasting:
    """Read "지난 8일부터 13일까지": the days of the latest month whose last day of them is before the anchor."""
    if which != "last":
        raise RefusalError(
            "a range of days after '이번' or '다음' is written with its month ('다음 달 3일부터 5일까지')"
        )
    last: int = rest[-1]
    if last < first:
        raise RefusalError(f"reversed range: day {last} comes before day {first}")
    return Lasting(
        _from_anchor(FromAnchor("month", day=first, latest=True, until=last)),
        _from_anchor(FromAnchor("month", day=last, latest=True)),
    )


def _grammar(words: WordTable) -> Grammar:
    """The Korean date grammar over ``words``."""

    def cat(name: str) -> Rule:
        return Category(words, name)

    def skip(name: str) -> Rule:
        return cat(name).to(lambda _: SKIP)

    year = (Number(0, 9999, digits=(4, 4)).to(_not_year_zero) + cat("year_counter")).to(lambda y, _: y)
    month = (Number(1, 12, digits=(1, 2)) + cat("month_counter")).to(lambda m, _: m)
    day = (Number(1, 99, digits=(1, 2)) + cat("day_counter")).to(lambda d, _: d)  # days past 31: refused
    bare_day = Number(1, 31, digits=(1, 2))
    dash = Mark("-~")

    calendar = Named("calendar")
    calendar.define(
        # "2024년 10월 18일", "10월 18일", "2024년 10월", "10월", "2024년"
        (optional(year, None) + month + day).to(lambda y, m, d: Calendar(y, m, d))
        | (optional(year, None) + month).to(lambda y, m: Calendar(y, m))
        | year.to(lambda y: Calendar(y))
        # ISO dates inside words: "2024-10-18까지"
        | (
            Number(1, 9999, digits=(4, 4)) + Mark("-") + Number(1, 12, digits=(2, 2)) + Mark("-")
            + Number(1, 31, digits=(2, 2))
        ).to(lambda y, m, d: Calendar(y, m, d))
    )  # fmt: skip
    # "18일": the 18th of the anchor's month; "지난 18일": the latest 18th before it
    which = cat("which")
    day_alone = day.to(lambda d: _day_of_month(d, "this")) | (which + day).to(lambda w, d: _day_of_month(d, w))
    # "지난해 9월", "올해 6월 19일", "지난달 18일": a month or day of the year or month before (or after) the anchor's
    counted = (cat("year_name") + month + optional(day, None)).to(
        lambda offset, m, d: _from_anchor(FromAnchor("year", offset, m, d))
    ) | (cat("month_name") + day).to(lambda offset, d: _from_anchor(FromAnchor("month", offset, day=d)))

    weekday_phrase = (optional(which, None) + cat("weekday")).to(_weekday) | cat("relative_weekday").to(
        lambda pair: _weekday(pair[0], pair[1])
    )
    named = (
        cat("named_period").to(_named)
        | (which + cat("period_noun")).to(_period)
        | cat("few_days_back").to(lambda days: Offset(days[0], days[1], Unit.DAY, -1))
    )
    year_or_none = optional(year, None)
    grouped = (
        (year_or_none + Number(1, 9, digits=(1, 1)) + cat("quarter_counter")).to(lambda y, n, _: _quarter_of(n, y))
        | (year_or_none + cat("half")).to(lambda y, n: _half_of(n, y))
        | (year_or_none + cat("season")).to(_season_of)
    )
    # "10월 초", "2024년 말", "올해 말", "지난달 중순", "연말"
    third = ((calendar | counted | named) + cat("part")).to(lambda reading, part: _third(part, reading)) | cat(
        "period_part"
    ).to(lambda pair: _third(pair[0], _named_period(pair[1])))

    amount = Number(1, 10**6) | cat("number")
    # "3일 전", "2주 후", "한 달 전"
    distance = (amount + cat("unit") + cat("direction")).to(_offset)

    # "전날", "같은 날": read from their anchor, as English "the day before", "the same day" are
    from_event = cat("from_event").to(_named_period)
    # "30일 동안", "3주 동안": a length of time, refused (as English "for three weeks") before "30일" reads as a day
    during = (amount + cat("unit") + cat("during")).to(_length) | (day + cat("during")).to(_length)
    single = Named("single")
    single.define(
        during | third | calendar | counted | day_alone | weekday_phrase | grouped | named | distance | from_event
    )
    # "약 2주 전", "10월 18일경", "18일께"
    dated = (
        (cat("hedge") + single).to(lambda _, reading: Modified(_rule(reading), Hedge()))
        | (single + cat("hedge_suffix")).to(lambda reading, _: Modified(_rule(reading), Hedge()))
        | single
    )
    # "10월 18일 이후", "10월 이전"
    terminus = (dated + cat("terminus")).to(lambda reading, side: Modified(_rule(reading), Terminus(side)))
    # the first of two dates may leave out what the second gives, and the second what the first gives
    partial = calendar | day.to(lambda d: Calendar(None, None, d)) | bare_day.to(lambda d: Calendar(None, None, d))
    end = calendar | day.to(lambda d: Calendar(None, None, d))
    lasting = (
        (partial + (skip("from") | dash) + end + optional(skip("to"))).to(_range)
        | (
            # "10월 3~5일": the month written once, before both days
            year_or_none + month + bare_day + dash + day + optional(skip("to"))
        ).to(lambda y, m, first, last: _range(Calendar(y, m, first), Calendar(y, m, last)))
        | (
            # "지난 8일부터 13일까지": both days of the month whose last day is the latest past
            which
            + Number(1, 31, digits=(1, 2))
            + optional(cat("day_counter"))
            + (skip("from") | dash)
            + day
            + optional(skip("to"))
        ).to(_latest_days)
    )
    phrase = lasting | terminus | dated
    return Grammar(words, phrase, expected=EXPECTED_KOREAN)


@functools.cache
def korean_grammar() -> Grammar:
    """The grammar a phrase in Hangul is read with: built on first use (with its words), then kept.

    Raises:
        MissingExtraError: Babel (the ``draft`` extra) is not installed.

    """
    return _grammar(korean_words())


def without_particle(text: str, grammar: Grammar | None = None) -> str:
    """``text`` without the particles that follow its date ("18일에" is "18일", "10월까지" is "10월")."""
    grammar = grammar or korean_grammar()
    tokens, stuck = tokenize(text, grammar.words)
    attached = grammar.words.categories["attached"]
    end = len(tokens)
    while stuck is None and end > 1 and attached.get((tokens.texts[end - 1],)) == ATTACHED_PARTICLE:
        end -= 1
    return text if end == len(tokens) else text[: tokens.starts[end]].rstrip()


def read_korean(text: str, *, calendar: str = "gregorian") -> RelativeDate | DateValue:
    """Read a Korean phrase, as :func:`chronology.notation.english.read_english` reads English.

    A particle after the date ("18일에", "지난주부터") is read as no part of it.

    Raises:
        DateParseError: the phrase is not one this reader knows (naming the nearest it does, when a word looks
            misspelt), or names a date that cannot exist ("2024년 2월 30일").
        MissingExtraError: the ``draft`` extra is not installed.

    """
    grammar = korean_grammar()
    bare = without_particle(text, grammar)
    reading = read_english(bare, grammar, calendar=calendar)
    return reading if bare == text else attrs.evolve(reading, text=text)  # the wording as written
