"""Russian and Ukrainian date words, built from CLDR (Babel) and inflected by morphology (pymorphy3).

Nothing here is typed out form by form. CLDR gives each language's month and
weekday names (the stand-alone nominative, "октябрь", and the format genitive,
"октября") and its relative day and period names ("позавчера", "на прошлой
неделе", "минулого тижня", "в прошлую пятницу"); pymorphy3 gives every case
of a name ("октябре", "жовтні", "п'ятницю") and of the few words typed here
as lemmas with what they mean ("прошлый": last; "начало": early; "неделя": a
week). The tables are built once, when a Cyrillic phrase is first read (about
a fifth of a second), never on importing :mod:`chronology`; without the
``draft`` extra that builds them, reading Cyrillic raises
:class:`~chronology.errors.MissingExtraError`.

Russian and Ukrainian share one reading: their date words do not collide (a
Ukrainian "листопад" is November, a Russian one is no date word at all), so a
phrase in Cyrillic is read with the words of both, whichever it is written in.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

from chronology._extras import require
from chronology.notation.words import Meaning, WordTable

__all__ = ["SlavicLanguage", "normal_word", "slavic_words", "words_of"]

#: The languages read here, by ISO 639-1 code.
SlavicLanguage = Literal["ru", "uk"]
_FEATURE: Final = "Russian and Ukrainian dates"
#: Apostrophes Ukrainian writes inside a word ("п'ятниця", "пʼятниця", "п’ятниця"), all read as "'".
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'"})


def normal_word(word: str) -> str:
    """A word as the tables keep it: lower case, "ё" as "е", one apostrophe, no dots."""
    return word.lower().replace("ё", "е").translate(_APOSTROPHES).replace(".", "")


# -- what is typed: lemmas and what they mean, per language --------------------------------------

#: The lemma of each word by its meaning; pymorphy3 gives their forms.
_LEMMAS: Final[dict[SlavicLanguage, dict[str, dict[str, Meaning]]]] = {
    "ru": {
        # which period around the anchor: "прошлой", "этом", "следующую"
        "which": {
            "прошлый": "last",
            "минувший": "last",
            "этот": "this",
            "текущий": "this",
            "следующий": "next",
            "будущий": "next",
            "предыдущий": "last",
        },
        # periods named after "which": (the English name of last/this/next, by which)
        "period_noun": {"неделя": "week", "месяц": "month", "год": "year"},
        # a part of a period: "в начале ноября", "в середине октября", "в конце 2024 года"
        "part": {"начало": "early", "середина": "mid", "конец": "late"},
        # units of a distance: "три дня назад", "через две недели"
        "unit": {
            "день": "day",
            "неделя": "week",
            "месяц": "month",
            "год": "year",
            "час": "hour",
            "минута": "minute",
            "сутки": "day",
        },
        "number": {
            "один": 1,
            "два": 2,
            "три": 3,
            "четыре": 4,
            "пять": 5,
            "шесть": 6,
            "семь": 7,
            "восемь": 8,
            "девять": 9,
            "десять": 10,
            "несколько": (2, 9),
            "пара": 2,
        },
        "year_word": {"год": "year"},
    },
    "uk": {
        "which": {
            "минулий": "last",
            "цей": "this",
            "поточний": "this",
            "наступний": "next",
            "попередній": "last",
            "майбутній": "next",
        },
        "period_noun": {"тиждень": "week", "місяць": "month", "рік": "year"},
        "part": {"початок": "early", "середина": "mid", "кінець": "late"},
        "unit": {
            "день": "day",
            "тиждень": "week",
            "місяць": "month",
            "рік": "year",
            "година": "hour",
            "хвилина": "minute",
            "доба": "day",
        },
        "number": {
            "один": 1,
            "два": 2,
            "три": 3,
            "чотири": 4,
            "п'ять": 5,
            "шість": 6,
            "сім": 7,
            "вісім": 8,
            "дев'ять": 9,
            "десять": 10,
            "кілька": (2, 9),
            "декілька": (2, 9),
        },
        "year_word": {"рік": "year"},
    },
}
#: Words that are no lemma of anything to inflect: each language's few fixed words, by category.
_FIXED: Final[dict[SlavicLanguage, dict[str, dict[str, Meaning]]]] = {
    "ru": {
        "lead": {"в": "", "во": "", "на": ""},
        "year_word": {"г": "year", "гг": "year"},
        "hedge": dict.fromkeys(("около", "примерно", "приблизительно", "ориентировочно", "где-то"), "approximate"),
        # (which side stays, as the English "terminus" table says)
        "terminus": {
            "до": "before",
            "после": "after",
            "к": "by",
            "не позднее": "by",
            "не позже": "by",
            "не ранее": "from",
            "не раньше": "from",
        },
        "since": {"с": "since", "со": "since", "начиная с": "since"},
        "range_to": {"по": "to", "до": "to"},
        "ago": {"назад": -1, "тому назад": -1, "спустя": 1},
        "later": {"через": 1},
        "part_adverb": {},
        "between": {"между": "between"},
        # "до конца года": by the end of a period, its last part included
        "by_end": {"до конца": "late", "к концу": "late", "до середины": "mid", "к середине": "mid"},
        # words before a figure that compare it ("более 10 000"): a number after them counts, it dates nothing
        "comparison": dict.fromkeys(("более", "свыше", "менее", "почти", "порядка", "не менее", "не более"), ""),
        "and": {"и": "and"},
        "recent": {
            "недавно": "recently",
            "на днях": "recently",
            "в последние недели": "in recent weeks",
            "в последние месяцы": "in recent months",
            "в последние годы": "in recent years",
            "ранее в этом месяце": "earlier this month",
            "ранее в этом году": "earlier this year",
            "ранее на этой неделе": "earlier this week",
        },
    },
    "uk": {
        "lead": {"в": "", "у": "", "на": "", "уві": ""},
        "year_word": {"р": "year", "рр": "year"},
        "hedge": dict.fromkeys(("близько", "приблизно", "орієнтовно"), "approximate"),
        "terminus": {"до": "before", "після": "after", "не пізніше": "by", "не раніше": "from"},
        "since": {"з": "since", "із": "since", "від": "since", "починаючи з": "since"},
        "range_to": {"по": "to", "до": "to"},
        "ago": {"тому": -1, "назад": -1},
        "later": {"через": 1},
        # a part of a period in one word: "наприкінці жовтня", "напочатку року"
        "part_adverb": {"наприкінці": "late", "напочатку": "early", "посередині": "mid"},
        "between": {"між": "between"},
        "by_end": {"до кінця": "late", "до середини": "mid"},
        "comparison": dict.fromkeys(("понад", "більш", "більше", "менше", "майже", "щонайменше", "не менше"), ""),
        "and": {"і": "and", "й": "and", "та": "and"},
        "recent": {
            "нещодавно": "recently",
            "днями": "recently",
            "останніми тижнями": "in recent weeks",
            "останніми місяцями": "in recent months",
            "останніми роками": "in recent years",
            "раніше цього місяця": "earlier this month",
            "раніше цього року": "earlier this year",
            "раніше цього тижня": "earlier this week",
        },
    },
}
#: The English period names of (which, period): "на прошлой неделе" is "last week" (see chronology.rules.PERIODS).
PERIOD_NAMES: Final = {
    ("last", "week"): "last week",
    ("this", "week"): "this calendar week",
    ("next", "week"): "next week",
    ("last", "month"): "last month",
    ("this", "month"): "this month",
    ("next", "month"): "next month",
    ("last", "year"): "last year",
    ("this", "year"): "this year",
    ("next", "year"): "next year",
}
#: CLDR's relative days, by their offset from the anchor, as named periods (+2 is read as a distance).
_RELATIVE_DAYS: Final = {-2: "the day before yesterday", -1: "yesterday", 0: "today", 1: "tomorrow"}
_CLDR_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WHICH_OF_OFFSET: Final = {-1: "last", 0: "this", 1: "next"}


# -- building the tables --------------------------------------------------------------------------


def _forms(analyzer: Any, lemma: str, *, singular: bool = True) -> set[str]:
    """Every form of ``lemma`` (its singular forms only, where ``singular``), as the tables keep words."""
    found = {normal_word(lemma)}
    for parse in analyzer.parse(lemma):
        if normal_word(parse.normal_form) != normal_word(lemma):
            continue
        for form in parse.lexeme:
            if singular and "plur" in form.tag and "Pltm" not in form.tag:
                continue
            found.add(normal_word(form.word))
        break
    return found


def _inflected(analyzer: Any, lemmas: Mapping[str, Meaning], *, singular: bool = True) -> dict[str, Meaning]:
    table: dict[str, Meaning] = {}
    for lemma, meaning in lemmas.items():
        for form in _forms(analyzer, lemma, singular=singular):
            table.setdefault(form, meaning)
    return table


def _phrase(text: str) -> str:
    return " ".join(normal_word(word) for word in text.split())


@functools.cache
def words_of(language: SlavicLanguage) -> WordTable:
    """The date words of one language (``"ru"`` or ``"uk"``), built on first use and kept.

    Raises:
        MissingExtraError: Babel or pymorphy3 (the ``draft`` extra) is not installed.

    """
    babel = require("babel", "draft", _FEATURE)
    pymorphy3 = require("pymorphy3", "draft", _FEATURE)
    locale = babel.Locale.parse(language)
    analyzer = _analyzer(pymorphy3, language)
    categories: dict[str, dict[str, Meaning]] = {}

    months: dict[str, Meaning] = {}
    for kind in ("format", "stand-alone"):
        for number, name in locale.months[kind]["wide"].items():
            months.setdefault(normal_word(name), number)
    for number, name in list(locale.months["stand-alone"]["wide"].items()):
        for form in _forms(analyzer, name):
            months.setdefault(form, number)
    categories["month"] = months
    # "окт.", "лист.": read after a day only ("3 окт. 2024"), as some are words too (Ukrainian "лист", a letter)
    categories["month_short"] = {
        normal_word(name): number
        for kind in ("format", "stand-alone")
        for number, name in locale.months[kind]["abbreviated"].items()
        if normal_word(name) not in months
    }

    weekdays: dict[str, Meaning] = {}
    for number, name in locale.days["format"]["wide"].items():  # Babel counts from Monday, 0
        for form in _forms(analyzer, normal_word(name)) | {normal_word(name)}:
            weekdays.setdefault(form, number)
    categories["weekday"] = weekdays

    lemmas = _LEMMAS[language]
    for category in ("which", "period_noun", "part", "unit", "number", "year_word"):
        categories[category] = _inflected(analyzer, lemmas[category], singular=category not in ("unit", "number"))
    for category, entries in _FIXED[language].items():
        table = categories.setdefault(category, {})
        table.update({_phrase(phrase): meaning for phrase, meaning in entries.items()})

    fields = locale._data["date_fields"]
    named: dict[str, Meaning] = {}
    for offset, name in fields["day"]["relative"].items():
        phrase = _phrase(name)
        named[phrase] = _RELATIVE_DAYS.get(offset, ("in", offset))
        if language == "uk" and phrase[:1] in "ув" and " " not in phrase:
            named[("в" if phrase[0] == "у" else "у") + phrase[1:]] = named[phrase]  # "учора" and "вчора"
    categories["named_period"] = named
    # CLDR's "last Friday", "this Monday": each a weekday with which, as the grammar reads them anyway
    relative_weekdays: dict[str, Meaning] = {}
    for number, key in enumerate(_CLDR_WEEKDAYS):
        for offset, name in fields[key]["relative"].items():
            relative_weekdays[_phrase(name)] = (_WHICH_OF_OFFSET[offset], number)
    categories["relative_weekday"] = relative_weekdays
    return WordTable(name={"ru": "Russian", "uk": "Ukrainian"}[language], categories=categories)


def _analyzer(pymorphy3: Any, language: SlavicLanguage) -> Any:
    try:
        return pymorphy3.MorphAnalyzer(lang=language)
    except (ValueError, KeyError, OSError) as error:  # the language's dictionary is not installed
        from chronology.errors import MissingExtraError

        raise MissingExtraError(
            f'{_FEATURE} need the pymorphy3 dictionary for {language!r}: pip install "chronology[draft]"',
            name=f"pymorphy3-dicts-{language}",
        ) from error


def _merged(tables: Iterable[WordTable]) -> dict[str, dict[str, Meaning]]:
    categories: dict[str, dict[str, Meaning]] = {}
    for table in tables:
        for category, entries in table.categories.items():
            merged = categories.setdefault(category, {})
            for phrase, meaning in entries.items():
                merged.setdefault(" ".join(phrase), meaning)
    return categories


@functools.cache
def slavic_words() -> WordTable:
    """The date words of Russian and Ukrainian together: what a phrase in Cyrillic is read with.

    Raises:
        MissingExtraError: Babel or pymorphy3 (the ``draft`` extra) is not installed.

    """
    return WordTable(name="Russian and Ukrainian", categories=_merged([words_of("ru"), words_of("uk")]))
