"""The Russian and Ukrainian date grammar: dates as news reports in either language write them.

The rules are those of :mod:`chronology.notation.english`, built from the same
combinators and giving the same readings, over the words of
:func:`chronology.notation.slavic_words.slavic_words` (CLDR's names, every case
form from pymorphy3). A phrase in Cyrillic is read here by
:func:`chronology.notation.parse`; the forms and their readings are listed in
``docs/reference/dates.md`` ("Russian and Ukrainian").

* a day and month, with its year and year word: "3 октября", "3 октября 2024
  года", "18 жовтня 2024 р.", "3 окт. 2024 г.";
* a month, a year: "в октябре", "в сентябре 2023 года", "у вересні", "в 2024 году";
* a part of a period: "в середине октября", "в начале ноября", "в конце 2024
  года", "наприкінці жовтня", "в конце года" (the anchor's year);
* a weekday with its preposition, and which: "в пятницу", "у п'ятницю", "в
  прошлую пятницу", "минулої п'ятниці";
* relative days and periods: "вчера", "позавчера", "сьогодні", "на прошлой
  неделе", "в прошлом месяце", "в этом году", "минулого тижня", "цього року";
* distances: "три дня назад", "2 тижні тому", "через неделю";
* a hedge, a terminus, a start, a range: "около 3 октября", "до конца года",
  "после 5 октября", "с 2014 года", "с 3 по 5 октября", "3-5 октября";
* a season, quarter or half, with its year or from the anchor: "осенью 2024 года", "восени", "прошлой весной",
  "в первом квартале 2024 года", "I квартал", "у другому півріччі";
* a decade or century: "в 1990-е годы", "в 90-х годах", "у 1990-х роках", "в XXI веке", "у XX столітті",
  and a third of either: "в начале XX века", "в конце 1990-х";
* a night, a part of a day: "в ночь на 5 октября", "в ночь с 4 на 5 октября", "в ночь на субботу", "сегодня
  утром", "вечером в пятницу";
* a weekday with its date, checked against it: "в пятницу, 25 октября";
* a date in figures, day first, as both languages write it: "18.10.2024", "от 18.10.2024 г.";
* the weekend, and days told from another event: "на выходных", "минулими вихідними", "накануне", "в тот же
  день".
"""

from __future__ import annotations

import functools
from typing import Final

from chronology import _calendar
from chronology.dates import DateValue, Endpoint, Precision
from chronology.notation._grammar import SKIP, Category, Mark, Named, Number, RefusalError, Rule, optional
from chronology.notation.english import (
    Calendar,
    Grammar,
    _between,
    _half,
    _lasting,
    _named_period,
    _not_year_zero,
    _offset,
    _part_of_day,
    _quarter,
    _reading_calendar,
    _relative_season,
    _rule,
    _season,
    _span_of_hundreds,
    _third,
    _weekday,
    _year_value,
    read_english,
)
from chronology.notation.slavic_words import PERIOD_NAMES, slavic_words
from chronology.notation.words import ENGLISH, WordTable
from chronology.relative import RelativeDate
from chronology.rules import Fixed, Hedge, Hours, Lasting, Modified, Offset, SeasonRule, Terminus, Unit
from chronology.rules import Rule as DateRule

__all__ = ["EXPECTED_SLAVIC", "read_slavic", "slavic_grammar"]

EXPECTED_SLAVIC: Final = (
    "expected Russian or Ukrainian such as '3 октября 2024 года', 'в сентябре 2023 года', 'в начале ноября', "
    "'в пятницу', 'на прошлой неделе', 'вчора', 'у п'ятницю', 'минулого тижня', '3 дня назад'; "
    "run 'chronology forms --language ru' or '--language uk' to list the forms read"
)


def _named(meaning: str | tuple[str, int]) -> DateRule:
    """A relative day of CLDR: a named period ("yesterday"), or a distance ("послезавтра": two days on)."""
    if isinstance(meaning, tuple):
        return Offset(meaning[1], meaning[1], Unit("day"), 1 if meaning[1] > 0 else -1)
    return _named_period(meaning)


def _period(which: str, noun: str) -> DateRule:
    return _named_period(PERIOD_NAMES[which, noun])


#: The weekend by which: "на выходных" is English's "over the weekend", "минулими вихідними" its "last weekend".
_WEEKENDS: Final = {None: "the weekend", "last": "last weekend", "this": "this weekend", "next": "next weekend"}
#: English's parts of the day (first hour, hour after the last), by name: "утром" is its "morning".
_HOURS: Final = {phrase[0]: hours for phrase, hours in ENGLISH.categories["part_of_day"].items() if len(phrase) == 1}
_DAY: Final = 24


def _hours(part: str) -> tuple[int, int]:
    return _HOURS[part]  # type: ignore[no-any-return]


def _night_before(day: Calendar | DateRule) -> DateRule:
    """Read "в ночь на 5 октября": the night before the day, as English reads "the night of 4 October".

    English's night runs from 18:00 into the next morning; the night onto a day is the same hours, counted back
    from that day's midnight.
    """
    if isinstance(day, Calendar) and day.day is None:
        raise RefusalError("a night is the night before a day ('в ночь на 5 октября'), not before a month or year")
    first, stop = _hours("night")
    return Modified(_rule(day), Hours((first - _DAY) * 3600, (stop - _DAY) * 3600))


def _night_between(evening: Calendar, day: Calendar) -> DateRule:
    """Read "в ночь с 4 на 5 октября": the night before the second day, the first being the day before it."""
    evening = evening.completed(day)
    if evening.month is None or evening.day is None or day.month is None or day.day is None:
        raise RefusalError("a night runs from one day to the next ('в ночь с 4 на 5 октября')")
    year = day.year if day.year is not None else 2000  # a leap year: "с 28 на 29 февраля" may be a night
    before_year = evening.year if evening.year is not None else (year - 1 if evening.month > day.month else year)
    if (
        _calendar.day_number(year, day.month, day.day) - _calendar.day_number(before_year, evening.month, evening.day)
        != 1
    ):
        raise RefusalError(
            f"a night runs from one day to the next: 'с {evening.day} на {day.day}' are not consecutive days"
        )
    return _night_before(day)


def _decade(number: int) -> DateRule:
    """Read "1990-е", "1990-х годов": the ten years from a year ending in 0 (as Russian writes them, "1900-е" too)."""
    if number % 10:
        raise RefusalError(f"'{number}-е' is not a decade; a decade's year ends in 0 ('{number // 10 * 10}-е')")
    return Fixed(_year_value(number, number + 9, Precision.DECADE))


def _short_decade(number: int) -> DateRule:
    """Read "90-х", "в 90-е годы": a decade of the 1900s written in two digits, as the press writes the 1930s-90s.

    "00-х", "10-х" and "20-х" are refused: they are as often the decades of the 2000s.
    """
    if number % 10:
        raise RefusalError(f"'{number}-е' is not a decade; a decade's year ends in 0 ('{number // 10 * 10}-е')")
    if number < 30:
        raise RefusalError(
            f"'{number:02d}-х' may be the 19{number:02d}s or the 20{number:02d}s; write the century "
            f"('19{number:02d}-х', '20{number:02d}-х')"
        )
    return _decade(1900 + number)


def _relative_part(number: int, months: int) -> DateRule:
    """A quarter (``months`` 3) or half (6) of the year without its year: read from the anchor, as a season is."""
    parts = "four quarters" if months == 3 else "two halves"
    if not 1 <= number <= 12 // months:
        raise RefusalError(f"a year has {parts}, not {number}")
    precision = Precision.QUARTER if months == 3 else Precision.SEMESTER
    return SeasonRule(months * (number - 1) + 1, months, precision, calendar=_reading_calendar())


def _two_digit_year(day: int, month: int, year: int) -> DateRule:
    raise RefusalError(
        f"'{day:02d}.{month:02d}.{year:02d}' gives its year in two digits, which may be of any century; "
        f"write it in four ('{day:02d}.{month:02d}.20{year:02d}')"
    )


def _grammar(words: WordTable) -> Grammar:
    """The Russian and Ukrainian date grammar over ``words``."""

    def cat(name: str) -> Rule:
        return Category(words, name)

    def skip(name: str) -> Rule:
        return cat(name).to(lambda _: SKIP)

    lead = optional(skip("lead"))
    year_word = optional(skip("year_word"))
    years_word = optional(skip("years_word"))
    dash, dot, comma = Mark("-"), Mark("."), optional(Mark(","))
    # the ending written after a numeral's digits: "1-й квартал", "XXI-го века", "в 2024-м году"
    number_ending = optional((dash + cat("ordinal_ending")).to(lambda _: SKIP))

    year = Number(0, 9999, digits=(4, 4)).to(_not_year_zero)
    day = Number(1, 99, digits=(1, 2))  # days past 31: refused by the reading
    month, weekday = cat("month"), cat("weekday")

    calendar = Named("calendar")
    calendar.define(
        # "3 октября", "3 октября 2024 года", "3 окт. 2024 г."
        (day + (month | cat("month_short")) + optional(year + year_word, None)).to(lambda d, m, y: Calendar(y, m, d))
        # "в октябре", "в сентябре 2023 года", "октябрь 2024"
        | (month + optional(year + year_word, None)).to(lambda m, y: Calendar(y, m))
        # "в 2024 году", "2024 г.", "в 2024-м году"
        | (year + number_ending + year_word).to(lambda y: Calendar(y))
        # ISO dates inside words: "до 2024-10-18"
        | (
            Number(1, 9999, digits=(4, 4)) + dash + Number(1, 12, digits=(2, 2)) + dash + Number(1, 31, digits=(2, 2))
        ).to(lambda y, m, d: Calendar(y, m, d))
        # a date in figures, day first: "18.10.2024", "18.10.2024 г.", "18.10" (its year from the anchor)
        | (day + dot + Number(1, 12, digits=(1, 2)) + dot + year + year_word).to(lambda d, m, y: Calendar(y, m, d))
        | (day + dot + Number(1, 12, digits=(1, 2)) + dot + Number(0, 99, digits=(2, 2)) + year_word).to(
            _two_digit_year
        )
        | (day + dot + Number(1, 12, digits=(2, 2))).to(lambda d, m: Calendar(None, m, d))
    )
    # the first of two dates may leave out what the second gives ("3-5 октября", "с 3 по 5 октября")
    partial = calendar | day.to(lambda d: Calendar(None, None, d))

    which = cat("which")
    weekday_phrase = (lead + optional(which, None) + weekday).to(_weekday) | cat("relative_weekday").to(
        lambda pair: _weekday(pair[0], pair[1])
    )
    # a weekday with its date, which it is checked against: "в пятницу, 25 октября", "у середу, 30 жовтня"
    weekday_date = (lead + weekday + comma + day + month + optional(year + year_word, None)).to(
        lambda w, d, m, y: Calendar(y, m, d, w)
    )

    # seasons, quarters and halves: "осенью 2024 года", "прошлой весной", "в первом квартале 2024 года"
    season = cat("season")
    ordinal = cat("ordinal") | ((cat("roman") | Number(1, 99, digits=(1, 2))) + number_ending)
    quarter_word = cat("quarter") | (cat("quarter_short") + optional(dot)).to(lambda q: q)
    seasons = (
        (lead + season + year + year_word).to(_season)
        | (lead + which + season).to(_relative_season)
        | (lead + season).to(lambda s: _relative_season("bare", s))
        | (lead + ordinal + quarter_word + year + year_word).to(lambda n, _, y: _quarter(n, y))
        | (lead + ordinal + quarter_word).to(lambda n, _: _relative_part(n, 3))
        | (lead + ordinal + cat("half") + year + year_word).to(lambda n, _, y: _half(n, y))
        | (lead + ordinal + cat("half")).to(lambda n, _: _relative_part(n, 6))
    )
    # decades and centuries: "в 1990-е годы", "в 90-х годах", "у 1990-х роках", "в XXI веке", "у XX столітті"
    decade_ending = dash + skip("decade_ending")
    decades = (lead + Number(1000, 9990, digits=(4, 4)) + decade_ending + years_word).to(_decade) | (
        lead + Number(0, 90, digits=(2, 2)) + decade_ending + years_word
    ).to(_short_decade)
    centuries = (lead + ordinal + cat("century")).to(lambda n, _: _span_of_hundreds(n, 1, 100))
    # "на прошлой неделе", "в этом году", "минулого тижня", "наступного року"
    period = (lead + which + cat("period_noun")).to(_period)
    named = cat("named_period").to(_named) | cat("recent").to(_named_period)

    # "в начале ноября", "в середине октября", "в конце 2024 года", "наприкінці жовтня", "в конце года",
    # "в начале XX века", "в конце 1990-х"
    part = lead + cat("part") | cat("part_adverb")
    third = (part + (calendar | period | decades | centuries | seasons)).to(_third) | (part + cat("period_noun")).to(
        lambda p, noun: _third(p, _period("this", noun))
    )

    # nights and parts of days: "в ночь на 5 октября", "в ночь с 4 на 5 октября", "сегодня утром"
    a_day = calendar | weekday_phrase | weekday | cat("named_period").to(_named)
    night = (cat("night") + a_day).to(lambda _, d: _night_before(d)) | (
        cat("night_from") + partial + cat("onto") + calendar
    ).to(lambda _, first, __, last: _night_between(first, last))
    part_of_day = cat("part_of_day").to(_hours)
    timed = (
        ((weekday_phrase | cat("named_period").to(_named) | lead + calendar) + part_of_day).to(_part_of_day)
        | (part_of_day + (weekday_phrase | cat("named_period").to(_named) | lead + calendar)).to(
            lambda p, d: _part_of_day(d, p)
        )
        | part_of_day.to(lambda p: _part_of_day(_named_period("today"), p))
    )
    # the weekend: "на выходных", "в прошлые выходные", "минулими вихідними"
    weekend = (lead + optional(which, None) + cat("weekend")).to(lambda w, _: _named_period(_WEEKENDS[w]))

    amount = Number(1, 10**6) | cat("number")
    distance = (amount + cat("unit") + cat("ago")).to(_offset) | (cat("later") + amount + cat("unit")).to(
        lambda _, a, u: _offset(a, u, 1)
    )
    # "через неделю": one unit on; "неделю назад": one unit back
    distance = (
        distance
        | (cat("later") + cat("unit")).to(lambda _, u: _offset(1, u, 1))
        | (cat("unit") + cat("ago")).to(lambda u, direction: _offset(1, u, direction))
    )
    # "накануне", "в тот же день": read from their anchor, as English "the day before", "the same day" are
    from_event = cat("from_event").to(_named_period)

    single = Named("single")
    single.define(
        third
        | (lead + calendar)
        | weekday_date
        | weekday_phrase
        | period
        | named
        | distance
        | seasons
        | decades
        | centuries
        | night
        | timed
        | weekend
        | from_event
    )
    dated = (cat("hedge") + single).to(lambda _, reading: Modified(_rule(reading), Hedge())) | single
    # "до конца года" is by the end of the year, not before its last part
    by_end = (cat("by_end") + (calendar | period | cat("period_noun").to(lambda noun: _period("this", noun)))).to(
        lambda p, reading: Modified(_third(p, reading), Terminus("by"))
    )
    terminus = by_end | (cat("terminus") + dated).to(lambda side, reading: Modified(_rule(reading), Terminus(side)))
    lasting = (
        (cat("since") + partial + cat("range_to") + dated).to(lambda _, first, __, last: _lasting(first, last))
        | (partial + dash + dated).to(_lasting)
        | (cat("since") + dated).to(lambda _, reading: Lasting(_rule(reading), Endpoint.OPEN))
    )
    between = (cat("between") + partial + cat("and") + dated).to(lambda _, first, __, last: _between(first, last))
    phrase = lasting | between | terminus | dated
    return Grammar(
        words,
        phrase,
        expected=EXPECTED_SLAVIC,
        alone_not=frozenset(phrase[0] for phrase in words.categories["weekday"]),
        dotted=frozenset(phrase[0] for phrase in words.categories["month_short"])
        | frozenset(phrase[0] for phrase in words.categories["year_word"] if len(phrase[0]) <= 2),
        count_leads=frozenset(
            word
            for name in ("terminus", "hedge", "range_to", "comparison")
            for phrase in words.categories[name]
            for word in phrase
        ),
        finds_misspelt=True,
    )


@functools.cache
def slavic_grammar() -> Grammar:
    """The grammar a phrase in Cyrillic is read with: built on first use (with its words), then kept.

    Raises:
        MissingExtraError: Babel or pymorphy3 (the ``draft`` extra) is not installed.

    """
    return _grammar(slavic_words())


def read_slavic(text: str, *, calendar: str = "gregorian") -> RelativeDate | DateValue:
    """Read a Russian or Ukrainian phrase, as :func:`chronology.notation.english.read_english` reads English.

    Raises:
        DateParseError: the phrase is not one this reader knows (naming the nearest it does, when a word looks
            misspelt), or names a date that cannot exist ("30 февраля 2024 года").
        MissingExtraError: the ``draft`` extra is not installed.

    """
    return read_english(text, slavic_grammar(), calendar=calendar)
