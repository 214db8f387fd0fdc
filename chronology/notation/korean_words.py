"""Korean date words, built from CLDR (Babel's Korean locale data), with a small typed table for what CLDR lacks.

CLDR gives most of what a Korean date is written with, and nothing here types
those out again:

* the counters after a number, read from CLDR's names and patterns: "월" from
  the month names ("10월"), "년" and "일" from the long date pattern ("y년
  MMMM d일"), "분기" from the quarter names ("1분기");
* the weekday names ("금요일") and the relative weekdays ("지난 금요일",
  "이번 금요일", "다음 금요일"), whose first word is the "which" word
  ("지난": last, "이번": this, "다음": next);
* the relative days and periods ("어제", "그저께", "지난주", "이번 주",
  "다음 달", "작년", "올해", "내년"), each also in its other spacing ("이번주",
  "지난 주");
* the units of a distance and its direction, from the duration patterns
  ("{0}주": a week, "{0}개월": a month) and the relative-time patterns ("{0}일
  전": back, "{0}일 후": on);
* the number units a figure is written with, from the compact number formats
  ("0천", "0만", "0억", "0조": 1,000, 10,000, 10^8, 10^12).

Typed here, because CLDR has no such data: the parts of a period ("초",
"중순", "말"; "연말"), halves ("상반기", "하반기"), seasons ("가을"), the
hedges ("약", and the suffixes "경", "께", "쯤"), a few relative words CLDR
spells otherwise ("그제", "엊그제", "지난해", "금년"), native numbers for
distances ("한 달 전", "두 달 전"), and the particles that attach to a date
("에", "부터", "까지" ...), which a date never includes.

A particle, or a hedge suffix, is written joined to the word before it
("18일에", "금요일에는", "10월경"); the tokenizer
(:func:`chronology.notation._grammar.tokenize`) splits a Hangul word that is
not in the table into a word that is and the ending of the ``attached``
category, so "18일에" is the tokens "18", "일", "에". The tables are built
once, when a phrase in Hangul is first read (a few milliseconds), never on
importing :mod:`chronology`; without the ``draft`` extra, reading Hangul
raises :class:`~chronology.errors.MissingExtraError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, Final

from chronology._extras import require
from chronology.notation.words import Meaning, WordTable

__all__ = ["ATTACHED_HEDGE", "ATTACHED_PARTICLE", "korean_number_units", "korean_words"]

_FEATURE: Final = "Korean dates"
#: What an attached ending is: a particle (never part of the date) or a hedge ("10월 18일경").
ATTACHED_PARTICLE: Final = "particle"
ATTACHED_HEDGE: Final = "hedge"

# -- what is typed: CLDR has no data for these --------------------------------------------------

#: Particles written after a date ("18일에", "금요일에는", "지난주부터", "10월까지"): never part of the date.
_PARTICLES: Final = (
    "에", "에는", "에도", "에서", "에서는", "에야", "부터", "부터는", "까지", "까지는", "까지도", "의", "인", "은",
    "는", "이", "가", "을", "를", "도", "로", "으로", "만", "이었다", "였다", "이다",
)  # fmt: skip
#: Hedges written after a date ("10월 18일경", "18일께", "오후 3시쯤"), and the one before it ("약 2주 전").
_HEDGE_SUFFIXES: Final = ("경", "께", "쯤", "무렵", "전후")
_HEDGES: Final = ("약", "대략", "대략적으로")
#: A third of a period, after it: "10월 초", "10월 중순", "올해 말".
_PARTS: Final = {
    "초": "early", "초순": "early", "상순": "early", "초반": "early",
    "중순": "mid", "중반": "mid",
    "말": "late", "하순": "late", "말경": "late", "후반": "late",
}  # fmt: skip
#: A third of the anchor's own period in one word: "연말" is late this year.
_PERIOD_PARTS: Final = {
    "연말": ("late", "this year"),
    "연초": ("early", "this year"),
    "월말": ("late", "this month"),
    "월초": ("early", "this month"),
}
#: Halves of a year ("2024년 상반기") and seasons (first month, months), as the English tables count them.
_HALVES: Final = {"상반기": 1, "하반기": 2}
_SEASONS: Final = {"봄": (3, 3), "여름": (6, 3), "가을": (9, 3), "겨울": (12, 3)}
#: Relative words CLDR spells otherwise: (offset in days) or the English period name.
#: Days read from another event the sentence tells, as English "the day before", "the same day": CLDR has
#: none of them.
_FROM_EVENT: Final[dict[str, Meaning]] = {
    "전날": "yesterday",
    "하루 전": "yesterday",
    "같은 날": "the same day",
    "그날": "that day",
    "당일": "the same day",
    "다음 날": "tomorrow",
    "이튿날": "tomorrow",
}
#: A length of time after its number ("30일 동안"): how long, not when.
_DURING: Final[dict[str, Meaning]] = {"동안": "during"}
_NAMED_EXTRA: Final[dict[str, Meaning]] = {
    "그제": "the day before yesterday",
    "어저께": "yesterday",
    "지난해": "last year",
    "금년": "this year",
    "이달": "this month",
    "이번해": "this year",
    "다음해": "next year",
    "주말": "the weekend",
    "지난 주말": "last weekend",
    "이번 주말": "this weekend",
    "다음 주말": "next weekend",
}
#: Relative words that name a few days: "엊그제" is yesterday or the day before (low, high days back).
_FEW_DAYS_BACK: Final = {"엊그제": (1, 2), "엊그저께": (1, 2)}
#: Period nouns after "지난", "이번", "다음" that CLDR gives only joined ("지난해"): the English unit.
_PERIOD_NOUNS_EXTRA: Final = {"해": "year", "년": "year"}
#: Units CLDR's patterns do not give: the native month ("한 달 전") and "주일" ("2주일 전").
_UNITS_EXTRA: Final = {"달": "month", "주일": "week"}
#: Direction words CLDR's patterns do not give: "3일 뒤" is three days on.
_DIRECTIONS_EXTRA: Final = {"뒤": 1}
#: Native numbers for distances ("두 달 전", "몇 주 전": a few).
_NUMBERS: Final[dict[str, Meaning]] = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
    "몇": (2, 9), "수": (2, 9),
}  # fmt: skip
#: Words after a date that make it one side of a range: "10월 18일 이후" (after), "이전" (before).
_TERMINI: Final = {"이후": "after", "이전": "before"}
#: A number unit CLDR's compact formats do not give (they start at a thousand).
_NUMBER_UNITS_EXTRA: Final = {"백": 100}

#: CLDR's relative days, by their offset from the anchor, as named periods (+2 is read as a distance).
_RELATIVE_DAYS: Final = {-2: "the day before yesterday", -1: "yesterday", 0: "today", 1: "tomorrow"}
#: CLDR's relative week, month and year, by offset, as the English period names (see chronology.rules.PERIODS).
_RELATIVE_PERIODS: Final = {
    "week": {-1: "last week", 0: "this calendar week", 1: "next week"},
    "month": {-1: "last month", 0: "this month", 1: "next month"},
    "year": {-1: "last year", 0: "this year", 1: "next year"},
}
_WHICH_OF_OFFSET: Final = {-1: "last", 0: "this", 1: "next"}
_CLDR_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DURATIONS: Final = {
    "duration-day": "day",
    "duration-week": "week",
    "duration-month": "month",
    "duration-year": "year",
    "duration-hour": "hour",
    "duration-minute": "minute",
}
_COUNTED: Final = re.compile(r"(\d+)\s*(\D+)")


def _counter(names: Mapping[int, str]) -> str:
    """The word every one of CLDR's numbered names ends with ("1월" ... "12월": "월")."""
    counters = set()
    for number, name in names.items():
        match = _COUNTED.fullmatch(name)
        if match is None or int(match[1]) != number:
            raise AssertionError(f"CLDR's Korean name {name!r} is not its number and a counter")
        counters.add(match[2].strip())
    (counter,) = counters
    return counter


def _after_field(pattern: str, field: str) -> str:
    """The word written right after a field of a date pattern ("년" after "y" in "y년 MMMM d일")."""
    match = re.search(rf"{field}+([^\s\W\d]+)", pattern)
    if match is None:
        raise AssertionError(f"CLDR's Korean date pattern {pattern!r} writes no word after {field!r}")
    return match[1]


def _joined_and_spaced(phrase: str, which: frozenset[str]) -> set[str]:
    """A phrase in both spellings news writes: "이번 주" and "이번주", "지난주" and "지난 주"."""
    spellings = {phrase}
    words = phrase.split()
    if len(words) == 2 and words[0] in which:
        spellings.add("".join(words))
    elif len(words) == 1:
        spellings.update(
            f"{phrase[: len(w)]} {phrase[len(w) :]}" for w in which if phrase.startswith(w) and phrase != w
        )
    return spellings


@functools.cache
def korean_words() -> WordTable:
    """The Korean date words, built on first use and kept.

    Raises:
        MissingExtraError: Babel (the ``draft`` extra) is not installed.

    """
    babel = require("babel", "draft", _FEATURE)
    locale = babel.Locale.parse("ko")
    data: Any = locale._data  # CLDR's relative names: Babel holds them, its public functions only format with them
    fields = data["date_fields"]
    categories: dict[str, dict[str, Meaning]] = {}

    categories["month_counter"] = {_counter(locale.months["format"]["wide"]): "month"}
    long_date = locale.date_formats["long"].pattern
    categories["year_counter"] = {_after_field(long_date, "y"): "year"}
    categories["day_counter"] = {_after_field(long_date, "d"): "day"}
    categories["quarter_counter"] = {_counter(locale.quarters["format"]["abbreviated"]): "quarter"}
    categories["weekday"] = {name: number for number, name in locale.days["format"]["wide"].items()}

    # "지난 금요일": the word before the weekday says which
    which: dict[str, Meaning] = {}
    relative_weekdays: dict[str, Meaning] = {}
    for number, key in enumerate(_CLDR_WEEKDAYS):
        for offset, name in fields[key]["relative"].items():
            relative_weekdays[name] = (_WHICH_OF_OFFSET[offset], number)
            first, _, rest = name.partition(" ")
            if rest in categories["weekday"]:
                which.setdefault(first, _WHICH_OF_OFFSET[offset])
    categories["which"] = which
    categories["relative_weekday"] = relative_weekdays
    which_words = frozenset(which)

    named: dict[str, Meaning] = {}
    for offset, name in fields["day"]["relative"].items():
        named[name] = _RELATIVE_DAYS.get(offset, ("in", offset))
    period_nouns: dict[str, Meaning] = {}
    for unit, names in _RELATIVE_PERIODS.items():
        for offset, name in fields[unit]["relative"].items():
            for spelling in _joined_and_spaced(name, which_words):
                named.setdefault(spelling, names[offset])
            first, _, rest = name.partition(" ")
            if first in which_words and rest:
                period_nouns.setdefault(rest, unit)  # "이번 주": "주" is a week
    for word, meaning in _NAMED_EXTRA.items():
        for spelling in _joined_and_spaced(word, which_words):
            named.setdefault(spelling, meaning)
    categories["named_period"] = named
    # the years and months among them, by their offset: "지난해 9월", "지난달 18일"
    for unit in ("year", "month"):
        offsets = {name: offset for offset, name in _RELATIVE_PERIODS[unit].items()}
        categories[f"{unit}_name"] = {
            phrase: offsets[meaning] for phrase, meaning in named.items() if meaning in offsets
        }
    categories["few_days_back"] = dict(_FEW_DAYS_BACK)
    period_nouns.update(_PERIOD_NOUNS_EXTRA)
    categories["period_noun"] = period_nouns

    units: dict[str, Meaning] = {}
    for key, unit in _DURATIONS.items():
        pattern = data["unit_patterns"][key]["long"]["other"]
        units[pattern.replace("{0}", "").strip()] = unit
    units.update(_UNITS_EXTRA)
    categories["unit"] = units
    directions: dict[str, Meaning] = {}
    for side, sign in (("past", -1), ("future", 1)):
        pattern = fields["day"][side]["other"]  # "{0}일 전": the unit, then the direction
        directions[pattern.replace("{0}", "").split()[-1]] = sign
    directions.update(_DIRECTIONS_EXTRA)
    categories["direction"] = directions

    categories["number"] = dict(_NUMBERS)
    categories["part"] = dict(_PARTS)
    categories["period_part"] = dict(_PERIOD_PARTS)
    categories["half"] = dict(_HALVES)
    categories["season"] = dict(_SEASONS)
    categories["hedge"] = dict.fromkeys(_HEDGES, "approximate")
    categories["hedge_suffix"] = dict.fromkeys(_HEDGE_SUFFIXES, "approximate")
    categories["terminus"] = dict(_TERMINI)
    categories["from_event"] = dict(_FROM_EVENT)
    categories["during"] = dict(_DURING)
    categories["from"] = {"부터": "from"}
    categories["to"] = {"까지": "to"}
    # what the tokenizer splits off a Hangul word it does not know ("18일에": "일", "에")
    attached = dict.fromkeys(_PARTICLES, ATTACHED_PARTICLE)
    attached.update(dict.fromkeys(_HEDGE_SUFFIXES, ATTACHED_HEDGE))
    categories["attached"] = attached
    return WordTable(name="Korean", categories=categories)


@functools.cache
def korean_number_units() -> dict[str, int]:
    """The units Korean writes figures with ("1만2천": 12,000), from CLDR's compact number formats, and "백".

    Raises:
        MissingExtraError: Babel (the ``draft`` extra) is not installed.

    """
    babel = require("babel", "draft", _FEATURE)
    formats: Any = babel.Locale.parse("ko")._data["compact_decimal_formats"]["long"]["other"]
    units: dict[str, int] = dict(_NUMBER_UNITS_EXTRA)
    for magnitude, pattern in formats.items():
        written = pattern.pattern
        if written.count("0") == 1:  # "0만": one digit before the unit, so the unit is the magnitude
            units[written.replace("0", "").strip()] = int(magnitude)
    return units
