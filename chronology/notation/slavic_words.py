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

__all__ = ["SlavicLanguage", "normal_word", "roman_numerals", "slavic_words", "words_of"]

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
        # seasons as (first month, months), as English reads them: "осенью 2024 года", "прошлой весной"
        "season": {"весна": (3, 3), "лето": (6, 3), "осень": (9, 3), "зима": (12, 3)},
        # the ordinals of quarters and halves: "в первом квартале", "во втором полугодии"
        "ordinal": {"первый": 1, "второй": 2, "третий": 3, "четвертый": 4},
        "half": {"полугодие": "half"},
        "century": {"век": "century", "столетие": "century"},
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
        "season": {"весна": (3, 3), "літо": (6, 3), "осінь": (9, 3), "зима": (12, 3)},
        "ordinal": {"перший": 1, "другий": 2, "третій": 3, "четвертий": 4},
        "half": {"півріччя": "half", "півроку": "half"},
        "century": {"століття": "century", "сторіччя": "century"},
    },
}
#: Lemmas whose plural forms only are date words: "в 1990-е годы", "у 1990-х роках"; "на выходных", "у вихідні".
_PLURAL_LEMMAS: Final[dict[SlavicLanguage, dict[str, dict[str, Meaning]]]] = {
    "ru": {"years_word": {"год": "years"}, "weekend": {"выходной": "weekend"}},
    "uk": {"years_word": {"рік": "years"}, "weekend": {"вихідний": "weekend"}},
}
#: Words that are no lemma of anything to inflect: each language's few fixed words, by category.
_FIXED: Final[dict[SlavicLanguage, dict[str, dict[str, Meaning]]]] = {
    "ru": {
        "lead": {"в": "", "во": "", "на": "", "от": ""},
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
        # endings written after a numeral's digits: "1-й квартал", "XX-го века", "1990-м году"
        "ordinal_ending": dict.fromkeys(("й", "го", "м", "ый", "ой", "ого", "ом", "му"), ""),
        # a decade's ending: "1990-е", "90-х"
        "decade_ending": dict.fromkeys(("е", "х", "ые", "ых"), ""),
        "quarter_short": {"кв": "quarter"},
        # "в ночь на 5 октября": the night before that day; "в ночь с 4 на 5 октября"
        "night": {"в ночь на": "onto", "ночью на": "onto"},
        "night_from": {"в ночь с": "from", "в ночь со": "from"},
        "onto": {"на": "onto"},
        # phrases read from another event the sentence tells, as English "the day before", "the same day"
        "from_event": {
            "накануне": "yesterday",
            "в тот же день": "the same day",
            "в тот день": "that day",
            "на следующий день": "tomorrow",
            "на другой день": "tomorrow",
            "днем ранее": "yesterday",
            "днем позже": "tomorrow",
        },
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
        "ordinal_ending": dict.fromkeys(("й", "го", "му", "м", "ий", "ій", "ого"), ""),
        "decade_ending": dict.fromkeys(("ті", "х", "тих"), ""),
        "quarter_short": {"кв": "quarter"},
        # seasons in one word: "восени 2024 року", "влітку"
        "season": {
            "навесні": (3, 3),
            "влітку": (6, 3),
            "улітку": (6, 3),
            "восени": (9, 3),
            "взимку": (12, 3),
            "узимку": (12, 3),
        },
        # parts of the day in one word, as English's "morning" (CLDR gives no Ukrainian names of them)
        "part_of_day": {
            "вранці": "morning",
            "зранку": "morning",
            "уранці": "morning",
            "ввечері": "evening",
            "увечері": "evening",
            "вночі": "night",
            "уночі": "night",
        },
        "night": {"у ніч на": "onto", "в ніч на": "onto", "вночі на": "onto", "уночі на": "onto"},
        "night_from": {"у ніч з": "from", "в ніч з": "from", "у ніч із": "from", "в ніч із": "from"},
        "onto": {"на": "onto"},
        "from_event": {
            "напередодні": "yesterday",
            "того ж дня": "the same day",
            "того самого дня": "the same day",
            "у той же день": "the same day",
            "в той же день": "the same day",
            "того дня": "that day",
            "наступного дня": "tomorrow",
        },
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
#: CLDR's day periods, by the English part of the day (see ``part_of_day`` in chronology.notation.words) they are.
_DAY_PERIODS: Final = {"morning1": "morning", "afternoon1": "afternoon", "evening1": "evening", "night1": "night"}


# -- building the tables --------------------------------------------------------------------------


def _forms(analyzer: Any, lemma: str, *, singular: bool = True, case: str = "", plural: bool = False) -> set[str]:
    """Every form of ``lemma``, as the tables keep words.

    Only its singular forms where ``singular``; only its plural ones where ``plural``; only those of one
    grammatical ``case`` (pymorphy3's tag, "ablt") where given.
    """
    found = set() if case or plural else {normal_word(lemma)}
    for parse in analyzer.parse(lemma):
        if normal_word(parse.normal_form) != normal_word(lemma):
            continue
        for form in parse.lexeme:
            many = "plur" in form.tag and "Pltm" not in form.tag
            if (singular and many) or (plural and "plur" not in form.tag) or (case and case not in form.tag):
                continue
            if "Supr" in form.tag:  # "наипервейший" is no ordinal
                continue
            found.add(normal_word(form.word))
        break
    return found


def _inflected(
    analyzer: Any, lemmas: Mapping[str, Meaning], *, singular: bool = True, plural: bool = False
) -> dict[str, Meaning]:
    table: dict[str, Meaning] = {}
    for lemma, meaning in lemmas.items():
        for form in _forms(analyzer, lemma, singular=singular and not plural, plural=plural):
            table.setdefault(form, meaning)
    return table


#: Roman numerals are written for centuries and quarters ("XXI век", "II квартал"), often with the Cyrillic
#: letters that look like their Latin ones ("ХХ век" with Cyrillic "Х", "ХІХ" with Ukrainian "І").
_ROMAN_DIGITS: Final = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_CYRILLIC_LOOKALIKES: Final = str.maketrans({"x": "х", "i": "і"})


def _roman(number: int) -> str:
    written = ""
    for letters, value in _ROMAN_DIGITS:
        while number >= value:
            written += letters
            number -= value
    return written


def roman_numerals(highest: int = 39) -> dict[str, int]:
    """Roman numerals from 1 to ``highest``, lower case, in Latin letters and (where every letter has one) Cyrillic."""
    numerals: dict[str, int] = {}
    for number in range(1, highest + 1):
        latin = _roman(number)
        numerals[latin] = number
        if "v" not in latin:
            numerals[latin.translate(_CYRILLIC_LOOKALIKES)] = number
    return numerals


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
    for category in ("which", "period_noun", "part", "unit", "number", "year_word", "season", "ordinal", "half",
                     "century"):  # fmt: skip
        # "which" in the plural too: "в прошлые выходные", "минулими вихідними"
        categories[category] = _inflected(
            analyzer, lemmas[category], singular=category not in ("unit", "number", "which")
        )
    for category, plural_lemmas in _PLURAL_LEMMAS[language].items():
        categories[category] = _inflected(analyzer, plural_lemmas, plural=True)
    # CLDR's quarters ("1-й квартал"): the noun, in every case
    nouns = {normal_word(name.split()[-1]) for name in locale.quarters["format"]["wide"].values()}
    categories["quarter"] = _inflected(analyzer, dict.fromkeys(nouns, "quarter"))
    categories["roman"] = dict(roman_numerals())
    # CLDR's parts of the day ("утро", "вечер"), in the case that dates ("утром", "вечером"): as English's
    periods = locale._data["day_periods"]["stand-alone"]["wide"]
    categories["part_of_day"] = {
        form: _DAY_PERIODS[key]
        for key, name in periods.items()
        if key in _DAY_PERIODS
        for form in _forms(analyzer, name, case="ablt")
    }
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
