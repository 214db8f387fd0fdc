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
  "после 5 октября", "с 2014 года", "с 3 по 5 октября", "3-5 октября".
"""

from __future__ import annotations

import functools
from typing import Final

from chronology.dates import DateValue, Endpoint
from chronology.notation._grammar import SKIP, Category, Mark, Named, Number, Rule, optional
from chronology.notation.english import (
    Calendar,
    Grammar,
    _between,
    _lasting,
    _not_year_zero,
    _offset,
    _rule,
    _third,
    _weekday,
    read_english,
)
from chronology.notation.slavic_words import PERIOD_NAMES, slavic_words
from chronology.notation.words import WordTable
from chronology.relative import RelativeDate
from chronology.rules import Hedge, Lasting, Modified, NamedPeriod, Offset, Terminus, Unit
from chronology.rules import Rule as DateRule

__all__ = ["EXPECTED_SLAVIC", "read_slavic", "slavic_grammar"]

EXPECTED_SLAVIC: Final = (
    "expected Russian or Ukrainian such as '3 октября 2024 года', 'в сентябре 2023 года', 'в начале ноября', "
    "'в пятницу', 'на прошлой неделе', 'вчора', 'у п'ятницю', 'минулого тижня', '3 дня назад'; "
    "see docs/reference/dates.md (Russian and Ukrainian) for the forms read"
)


def _named(meaning: str | tuple[str, int]) -> DateRule:
    """A relative day of CLDR: a named period ("yesterday"), or a distance ("послезавтра": two days on)."""
    if isinstance(meaning, tuple):
        return Offset(meaning[1], meaning[1], Unit("day"), 1 if meaning[1] > 0 else -1)
    return NamedPeriod(meaning)


def _period(which: str, noun: str) -> DateRule:
    return NamedPeriod(PERIOD_NAMES[which, noun])


def _grammar(words: WordTable) -> Grammar:
    """The Russian and Ukrainian date grammar over ``words``."""

    def cat(name: str) -> Rule:
        return Category(words, name)

    def skip(name: str) -> Rule:
        return cat(name).to(lambda _: SKIP)

    lead = optional(skip("lead"))
    year_word = optional(skip("year_word"))
    dash = Mark("-")

    year = Number(0, 9999, digits=(4, 4)).to(_not_year_zero)
    day = Number(1, 99, digits=(1, 2))  # days past 31: refused by the reading
    month, weekday = cat("month"), cat("weekday")

    calendar = Named("calendar")
    calendar.define(
        # "3 октября", "3 октября 2024 года", "3 окт. 2024 г."
        (day + (month | cat("month_short")) + optional(year + year_word, None)).to(lambda d, m, y: Calendar(y, m, d))
        # "в октябре", "в сентябре 2023 года", "октябрь 2024"
        | (month + optional(year + year_word, None)).to(lambda m, y: Calendar(y, m))
        # "в 2024 году", "2024 г."
        | (year + year_word).to(lambda y: Calendar(y))
        # ISO dates inside words: "до 2024-10-18"
        | (
            Number(1, 9999, digits=(4, 4)) + dash + Number(1, 12, digits=(2, 2)) + dash + Number(1, 31, digits=(2, 2))
        ).to(lambda y, m, d: Calendar(y, m, d))
    )
    # the first of two dates may leave out what the second gives ("3-5 октября", "с 3 по 5 октября")
    partial = calendar | day.to(lambda d: Calendar(None, None, d))

    which = cat("which")
    weekday_phrase = (lead + optional(which, None) + weekday).to(_weekday) | cat("relative_weekday").to(
        lambda pair: _weekday(pair[0], pair[1])
    )
    # "на прошлой неделе", "в этом году", "минулого тижня", "наступного року"
    period = (lead + which + cat("period_noun")).to(_period)
    named = cat("named_period").to(_named) | cat("recent").to(NamedPeriod)

    # "в начале ноября", "в середине октября", "в конце 2024 года", "наприкінці жовтня", "в конце года"
    part = lead + cat("part") | cat("part_adverb")
    third = (part + (calendar | period)).to(_third) | (part + cat("period_noun")).to(
        lambda p, noun: _third(p, _period("this", noun))
    )

    amount = Number(1, 10**6) | cat("number")
    distance = (amount + cat("unit") + cat("ago")).to(_offset) | (cat("later") + amount + cat("unit")).to(
        lambda _, a, u: _offset(a, u, 1)
    )
    # "через неделю": one unit on
    distance = distance | (cat("later") + cat("unit")).to(lambda _, u: _offset(1, u, 1))

    single = Named("single")
    single.define(third | (lead + calendar) | weekday_phrase | period | named | distance)
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
