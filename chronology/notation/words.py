"""The words a date reader knows, as data: one :class:`WordTable` per language.

The grammar (:mod:`chronology.notation.english`) names word *categories*
("month", "hedge", "part_of_day"); a table says which words, or runs of words,
belong to each and what each means. Reading another language starts with
another table. Words are matched lower-cased, with their dots dropped ("Sept."
is ``sept``, "a.m." is ``am``, "c." is ``c``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs

from chronology.zones import city_zones

__all__ = ["ENGLISH", "WordTable"]

#: What a word means: a number, a name, a pair of numbers, or a pair of a name and such a pair.
Meaning: TypeAlias = Any


def _phrases(raw: Mapping[str, Mapping[str, Meaning]]) -> dict[str, dict[tuple[str, ...], Meaning]]:
    """Each category's phrases split into words."""
    return {
        name: {tuple(phrase.split()): meaning for phrase, meaning in entries.items()} for name, entries in raw.items()
    }


@attrs.frozen
class WordTable:
    """A language's date words, by category.

    Attributes:
        name: the language, in English ("English").
        categories: for each category, its phrases (tuples of words) and what
            each means.
        phrase_only: categories whose words are date words only inside their
            phrases ("Port Moresby time"): not in :attr:`known`, so "port" or
            "Easter" alone is still an unknown word.
        alone_not: phrases (their words joined by spaces) that alone are no
            date in running text, only inside a longer phrase: a holiday's
            name without its year or a day word ("the Halloween party").
        vocabulary: every word of every phrase.
        known: the words that are date words alone (for refusals, and for
            finding dates in running text).

    """

    name: str
    categories: Mapping[str, Mapping[tuple[str, ...], Meaning]] = attrs.field(converter=_phrases)
    phrase_only: frozenset[str] = frozenset()
    alone_not: frozenset[str] = frozenset()
    _by_first: dict[str, dict[str, list[tuple[tuple[str, ...], Meaning]]]] = attrs.field(init=False)
    vocabulary: frozenset[str] = attrs.field(init=False)
    known: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        by_first: dict[str, dict[str, list[tuple[tuple[str, ...], Meaning]]]] = {}
        for category, entries in self.categories.items():
            table: dict[str, list[tuple[tuple[str, ...], Meaning]]] = {}
            for phrase, meaning in entries.items():
                table.setdefault(phrase[0], []).append((phrase, meaning))
            for choices in table.values():
                choices.sort(key=lambda entry: -len(entry[0]))  # the longest phrase first
            by_first[category] = table
        object.__setattr__(self, "_by_first", by_first)
        words = {word for entries in self.categories.values() for phrase in entries for word in phrase}
        object.__setattr__(self, "vocabulary", frozenset(words))
        alone = {
            word
            for category, entries in self.categories.items()
            if category not in self.phrase_only
            for phrase in entries
            for word in phrase
        }
        object.__setattr__(self, "known", frozenset(alone))

    def starting(self, category: str, word: str) -> list[tuple[tuple[str, ...], Meaning]]:
        """The phrases of ``category`` that begin with ``word``, longest first."""
        return self._by_first[category].get(word, [])


_MONTHS: Final = {
    **dict.fromkeys(("january", "jan"), 1),
    **dict.fromkeys(("february", "feb"), 2),
    **dict.fromkeys(("march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    "may": 5,
    **dict.fromkeys(("june", "jun"), 6),
    **dict.fromkeys(("july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_WEEKDAYS: Final = {
    **dict.fromkeys(("monday", "mon"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("wednesday", "wed"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("friday", "fri"), 4),
    **dict.fromkeys(("saturday", "sat"), 5),
    **dict.fromkeys(("sunday", "sun"), 6),
}
_UNITS_WORDS: Final = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS: Final = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen"]  # fmt: skip
_TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}  # fmt: skip
_ORDINAL_UNITS: Final = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORDINAL_TEENS: Final = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                         "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
_ORDINAL_TENS: Final = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                        "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip


def _numbers() -> dict[str, Meaning]:
    """Number words up to ninety-nine; "twenty-one" is one word here (the reader joins hyphened words)."""
    words: dict[str, Meaning] = {word: value for value, word in enumerate(_UNITS_WORDS)}
    words.update({word: 10 + value for value, word in enumerate(_TEENS)})
    for tens, value in _TENS.items():
        words[tens] = value
        words.update({f"{tens}-{unit}": value + i for i, unit in enumerate(_UNITS_WORDS) if i})
    words.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "a dozen": 12})
    return words


def _ordinals() -> dict[str, Meaning]:
    words: dict[str, Meaning] = {word: value for value, word in enumerate(_ORDINAL_UNITS) if value}
    words.update({word: 10 + value for value, word in enumerate(_ORDINAL_TEENS)})
    for tens, value in _ORDINAL_TENS.items():
        words[tens] = value
        stem = next(word for word, number in _TENS.items() if number == value)
        words.update({f"{stem}-{unit}": value + i for i, unit in enumerate(_ORDINAL_UNITS) if i})
    return words


_HEDGES: Final = (
    "c", "ca", "circa", "about", "around", "roughly", "approximately", "approx", "some time around", "sometime around",
    "in about", "in around", "on about", "on or about",
)  # fmt: skip
_PERIOD_NAMES: Final = (
    "today", "that day", "the same day", "yesterday", "tomorrow", "the day before yesterday", "this month",
    "earlier this month", "later this month", "last month", "next month", "this week", "this past week",
    "the past week", "last week", "next week", "earlier this week", "this week so far", "this weekend",
    "last weekend", "next weekend", "the weekend", "this calendar week", "recently", "in recent weeks",
    "in recent months", "in recent years", "this year", "earlier this year", "last year", "next year",
)  # fmt: skip
#: Holidays on a fixed day of the calendar read in (Gregorian unless the reading or the date says Julian), as
#: (month, day), read as that day ("Christmas 2023" is 25 December 2023). Written with "'s", which the table
#: writes as read: a word of its own ("New Year's" is ``new``, ``year``, ``s``).
_HOLIDAYS: Final = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "xmas": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "may day": (5, 1),
}
#: Feasts of the English church year on a fixed day, as (month, day), read as holidays are: the quarter days
#: (Lady Day, Midsummer, Michaelmas; Christmas above), the cross-quarter days and the feasts records date by.
#: In a file read in the Julian calendar the day is the Julian (Old Style) day, as any day in words is.
_FEASTS: Final = {
    "lady day": (3, 25),
    "midsummer": (6, 24),
    "midsummer day": (6, 24),
    "midsummer's day": (6, 24),
    "midsummer eve": (6, 23),
    "michaelmas": (9, 29),
    "michaelmas day": (9, 29),
    "candlemas": (2, 2),
    "candlemas day": (2, 2),
    "lammas": (8, 1),
    "lammas day": (8, 1),
    "martinmas": (11, 11),
    "martinmas day": (11, 11),
    "epiphany": (1, 6),
    "the epiphany": (1, 6),
    "twelfth day": (1, 6),
    # the eve of Epiphany, as the English custom keeps it: read as the day whose evening it is
    "twelfth night": (1, 5),
    "childermas": (12, 28),
    "all saints": (11, 1),
    "all saints day": (11, 1),  # "All Saints' Day": the apostrophe after a word is dropped
    "all hallows": (11, 1),
    "all hallows day": (11, 1),
    "allhallows": (11, 1),
    "hallowmas": (11, 1),
    "all hallows eve": (10, 31),
    "halloween": (10, 31),
    "all souls": (11, 2),
    "all souls day": (11, 2),
}
#: Saints' days, as (month, day), each read as "St Bartholomew's Day", "Saint Bartholomew's Day", "the feast of
#: St Bartholomew" ("St." is "st"; "St James' Day", its apostrophe dropped, is "st james day").
_SAINTS: Final = {
    "andrew": (11, 30),
    "bartholomew": (8, 24),
    "david": (3, 1),
    "george": (4, 23),
    "james": (7, 25),
    "john the baptist": (6, 24),
    "john the evangelist": (12, 27),
    "luke": (10, 18),
    "mark": (4, 25),
    "martin": (11, 11),
    "matthew": (9, 21),
    "michael": (9, 29),
    "patrick": (3, 17),
    "peter": (6, 29),
    "stephen": (12, 26),
    "swithin": (7, 15),
    "swithun": (7, 15),
    "thomas": (12, 21),  # the Apostle, as English records date by him (the shortest day)
    "valentine": (2, 14),
}


def _saint_names(saint: str) -> tuple[str, ...]:
    """The names a saint's day is written by, lower-cased as the table writes them.

    "St Bartholomew's Day", "Saint Bartholomew Day", "the feast of St Bartholomew", "feast of St Bartholomew".
    """
    return tuple(
        name
        for title in ("st", "saint")
        for name in (
            f"{title} {saint}'s day",
            f"{title} {saint} day",
            f"the feast of {title} {saint}",
            f"feast of {title} {saint}",
        )
    )


def _saints_days(saints: Mapping[str, Meaning]) -> dict[str, Meaning]:
    """Each saint's day under the names it is written by (see ``_SAINTS``)."""
    return {name: day for saint, day in saints.items() for name in _saint_names(saint)}


def _written(name: str) -> str:
    """A feast's name as written: "st john's day" is "St John's Day" ("the feast of" stays lower-case)."""
    return " ".join(word if word in ("the", "feast", "of") else word[:1].upper() + word[1:] for word in name.split())


def _feasts_of_two(saints: Mapping[str, Meaning]) -> dict[str, Meaning]:
    """The names of more than one saint's day, refused with the days they may be.

    Where saints share a first name that is no saint's of its own ("John": John the Baptist, John the
    Evangelist), each name of that name's day ("St John's Day", "the feast of St John") is any of theirs: (the
    name as written, and each feast it may be with its (month, day)).
    """
    by_name: dict[str, list[str]] = {}
    for saint in saints:
        by_name.setdefault(saint.split()[0], []).append(saint)
    return {
        name: (_written(name), tuple((_written(_saint_names(saint)[0]), saints[saint]) for saint in named))
        for first, named in by_name.items()
        if len(named) > 1 and first not in saints
        for name in _saint_names(first)
    }


#: Feast names that name more than one day ("St John's Day"), refused with the days they may be.
_FEASTS_OF_TWO: Final = _feasts_of_two(_SAINTS)


#: Holidays that move with (Western) Easter Sunday, as days from it; read with their year ("Easter 2024"). In a
#: file read in the Julian calendar, from the Julian (Old Style) Easter, as English records before 1752 kept it.
_EASTER_HOLIDAYS: Final = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "good friday": -2,
    "easter monday": 1,
    "easter eve": -1,
    "holy saturday": -1,
    "maundy thursday": -3,
    "palm sunday": -7,
    "shrove tuesday": -47,
    "ash wednesday": -46,
    "ascension day": 39,
    "whitsun": 49,
    "whitsunday": 49,
    "whit sunday": 49,
    "pentecost": 49,
    "whit monday": 50,
    "trinity sunday": 56,
}
#: Words for things that are dated but that this reader does not read, and why (refused naming the word). A
#: reason may name what was written with ``{written}``: the word and the rest of the phrase ("reign of Charles II").
_NOT_READ: Final = {
    **dict.fromkeys(
        ("reign", "reigns"),
        "reigns are not read (this reader has no table of them): write the years of the {written} instead, as "
        "'from <first year> to <last year>' (an example, for another reign: 'from 1660 to 1685')",
    ),
    "regnal": "regnal years are not read (this reader has no table of reigns): write the calendar years instead, "
    "as '<year>-<year>' (a regnal year runs from the day of accession)",
}
#: Words that make a holiday's name a day in running text ("Christmas Day", "Christmas Eve", "the feast of St
#: Mark"): a name without one ("the Halloween party", "the Good Friday Agreement", "the All Saints church") is
#: as often a noun or an adjective as a date.
_DAY_WORDS: Final = frozenset({"day", "eve", "feast"})


def _names_alone(*tables: Mapping[str, Meaning]) -> frozenset[str]:
    """The holidays' names (as read) that alone, without a year, a preposition or a day word, are no date."""
    return frozenset(name for table in tables for name in _as_read(table) if not _DAY_WORDS.intersection(name.split()))


def _as_read(phrases: Mapping[str, Meaning]) -> dict[str, Meaning]:
    """Phrases with "'s" written as the word the tokenizer reads it as ("new year's eve" is "new year s eve")."""
    return {phrase.replace("'s", " s"): meaning for phrase, meaning in phrases.items()}


_LEADS: Final = (
    "anno", "in", "on", "during", "as of", "at", "sometime in", "some time in", "at some point in", "sometime during",
    "some time during", "at some time in", "sometime", "some time",
)  # fmt: skip


#: English, as news reports and historians write dates.
ENGLISH: Final = WordTable(
    name="English",
    categories={
        "month": _MONTHS,
        "weekday": _WEEKDAYS,
        "number": _numbers(),
        "ordinal": _ordinals(),
        # Hedges make a date approximate (EDTF "~").
        "hedge": dict.fromkeys(_HEDGES, "approximate"),
        # Words that leave a date's other side open: (which side stays, whether the date itself is included).
        "terminus": {
            "before": "before",
            "by": "by",
            "no later than": "by",
            "not later than": "by",
            "not after": "by",
            "on or before": "by",
            "until no later than": "by",
            "after": "after",
            "no earlier than": "from",
            "not earlier than": "from",
            "not before": "from",
            "on or after": "from",
            "in or before": "by",
            "in or after": "from",
        },
        # "The later 1660s", "the earlier seventeenth century": a decade's, century's or millennium's third, as
        # "the late 1660s" (only of those: "later this month" is a named period, "later" alone a distance's word)
        "comparative_part": {"later": "late", "earlier": "early"},
        "part": {
            "early": "early",
            "mid": "mid",
            "middle": "mid",
            "late": "late",
            "early in": "early",
            "late in": "late",
            "early on": "early",
            "late on": "late",
            "the beginning of": "early",
            "the start of": "early",
            "the middle of": "mid",
            "the end of": "late",
            # the same without "the", as headlines and notes write them: "end of October", "start of 2024"
            "beginning of": "early",
            "start of": "early",
            "middle of": "mid",
            "end of": "late",
        },
        # The anchor's own period, named with "the" after a part: "the end of the year", "early in the week".
        "the_period": {
            "the year": "this year",
            "the month": "this month",
            "the week": "this calendar week",
            "the day": "today",
        },
        # A part and the anchor's period in one word: (part as in "part", period name): "by year-end".
        "period_end": {
            "year-end": ("late", "this year"),
            "year end": ("late", "this year"),
            "yearend": ("late", "this year"),
            "month-end": ("late", "this month"),
            "month end": ("late", "this month"),
        },
        # Parts of a day, as (first hour, hour after the last), an end past 24 running into the next day.
        "part_of_day": {
            "early hours": (0, 6),
            "morning": (6, 12),
            "afternoon": (12, 18),
            "evening": (18, 22),
            "night": (18, 30),
            # Dawn and dusk move with the season, the latitude and the place in the zone: the hours the clocks
            # show for sunrise and sunset, with the civil twilight before or after, from the tropics to about 55
            # degrees north the year round (Madrid's winter sunrise 08:35, its summer dusk 22:20), not one day's.
            "dawn": (3, 9),
            "daybreak": (3, 9),
            "first light": (3, 9),
            "dusk": (15, 23),
            "nightfall": (15, 23),
            # Before dawn: from midnight to the latest dawn begins (dawn above), whatever the day's dawn was.
            "pre-dawn": (0, 9),
            "predawn": (0, 9),
            "pre-dawn hours": (0, 9),
            "predawn hours": (0, 9),
        },
        # A part of the day written before its day: "overnight Sunday" is Sunday night, into Monday.
        "part_before_day": {"overnight": "night"},
        # A time a little after or before a clock time: (seconds from the time's start to the first second, to
        # the second after the last): "shortly after midnight" is the hour from midnight.
        "shortly": {
            "shortly after": (0, 3600),
            "just after": (0, 3600),
            "shortly before": (-3600, 0),
            "just before": (-3600, 0),
        },
        # A little before or after a day: (first day, last day) from it, as "days before" and "days after" are
        # read (1-10 days): "shortly before 2 September 1666" is 23 August to 1 September 1666.
        "shortly_days": {
            "shortly before": (-10, -1),
            "just before": (-10, -1),
            "shortly after": (1, 10),
            "just after": (1, 10),
        },
        "noon": {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)},
        # "12 noon", "12 midnight": the hour, as "3 p.m." is (labels write the hours of 12 a.m. and 12 p.m. so)
        "twelve_named": {"noon": 12, "midday": 12, "midnight": 0},
        "meridiem": {"am": "am", "pm": "pm"},
        "era": {"bc": -1, "bce": -1, "ad": 1, "ce": 1, "anno domini": 1},
        "century": {"century": "century", "centuries": "century"},
        "millennium": {"millennium": "millennium", "millennia": "millennium"},
        # A week named by one of its days, and how it lies from that day: "the week of 12 February 2024" is the
        # Monday-to-Sunday week holding the day ("of"), "the week beginning 12 February 2024" the seven days from
        # it ("from"), "the week ending 18 February 2024" the seven days to it ("to").
        "week_of": {
            "week of": "of",
            "week beginning": "from",
            "week starting": "from",
            "week commencing": "from",
            "week ending": "to",
        },
        # The first or last days of a month: its early or late third, as "early March" and "late March" are.
        "days_of": {
            "last days of": "late",
            "final days of": "late",
            "last few days of": "late",
            "final few days of": "late",
            "first days of": "early",
            "first few days of": "early",
        },
        # Holidays: on a fixed day, as (month, day); or days from Western Easter Sunday (read with their year).
        "holiday": _as_read({**_HOLIDAYS, **_FEASTS, **_saints_days(_SAINTS)}),
        "easter_holiday": _EASTER_HOLIDAYS,
        # A feast's name that names two days ("St John's Day"): refused, naming both.
        "feast_of_two": _as_read(_FEASTS_OF_TWO),
        # Words of things dated that are not read ("the reign of Charles II"): refused, saying why.
        "not_read": _NOT_READ,
        # Seasons as (first month, months); a winter begins in December of its year.
        "season": {
            "spring": (3, 3),
            "summer": (6, 3),
            "autumn": (9, 3),
            "fall": (9, 3),
            "winter": (12, 3),
        },
        "hemisphere": {"northern": "north", "southern": "south"},
        "quarter_name": {"q1": 1, "q2": 2, "q3": 3, "q4": 4},
        "half_name": {"h1": 1, "h2": 2},
        "unit": {
            "minute": "minute",
            "minutes": "minute",
            "hour": "hour",
            "hours": "hour",
            "day": "day",
            "days": "day",
            "week": "week",
            "weeks": "week",
            "month": "month",
            "months": "month",
            "year": "year",
            "years": "year",
            "fortnight": "fortnight",
            "fortnights": "fortnight",
        },
        "plural_unit": {
            "minutes": "minute",
            "hours": "hour",
            "days": "day",
            "weeks": "week",
            "months": "month",
            "years": "year",
        },
        "vague_amount": {"a few": (2, 4), "few": (2, 4), "several": (3, 9)},
        # Units looked back over from the anchor without a number, beside the named "in recent weeks" (two
        # months), "in recent months" and "in recent years": as far back as "in the coming days" looks ahead.
        "recent_units": {
            "in recent days": "day",
            "over recent days": "day",
            "in recent hours": "hour",
            "over recent hours": "hour",
        },
        "ago": {"ago": -1, "before": -1, "earlier": -1, "after": 1, "later": 1, "from now": 1},
        "which_weekday": {
            "last": "last",
            "next": "next",
            "this": "this",
            "this coming": "next",
            "this past": "last",
            "the previous": "last",
            "the following": "next",
            "the next": "next",
            "the last": "last",
        },
        # Periods named around an anchor, by the name of their reading in chronology.rules.PERIODS.
        "named_period": {
            **{name: name for name in _PERIOD_NAMES},
            "so far this week": "this week so far",
            "over the weekend": "the weekend",
            "at the weekend": "the weekend",
            "on the weekend": "the weekend",
            "this past weekend": "last weekend",
            "the previous weekend": "last weekend",
            "later that day": "today",
            "earlier that day": "today",
            "the previous week": "last week",
            "the previous month": "last month",
            "the previous year": "last year",
            "earlier today": "today",
            # the anchor's own week, month or year named with "in the", as with "this": "earlier in the week"
            "earlier in the week": "earlier this week",
            "earlier in the month": "earlier this month",
            "later in the month": "later this month",
            "earlier in the year": "earlier this year",
            "the day before": "yesterday",
            "the next day": "tomorrow",
            "the following day": "tomorrow",
            "the day after": "tomorrow",
            # Tuesday to Thursday, as dictionaries define it ("the middle of the week" is its middle third)
            "midweek": "midweek",
            "mid-week": "midweek",
            "mid week": "midweek",
        },
        # Parts of days named with their day: (period name, part of the day as in part_of_day).
        "day_and_part": {
            "this morning": ("today", "morning"),
            "this afternoon": ("today", "afternoon"),
            "this evening": ("today", "evening"),
            "tonight": ("today", "night"),
            "last night": ("yesterday", "night"),
            "overnight": ("yesterday", "night"),
            "that morning": ("today", "morning"),
            "that afternoon": ("today", "afternoon"),
            "that evening": ("today", "evening"),
            "that night": ("today", "night"),
            "the next morning": ("tomorrow", "morning"),
            "the following morning": ("tomorrow", "morning"),
            "the early hours": ("today", "early hours"),
        },
        "which": {"last": "last", "this": "this", "next": "next", "this coming": "next", "this past": "last"},
        "lead": dict.fromkeys(_LEADS, ""),
        "local_time": {"local time": "local"},
        "utc": {"utc": 0, "gmt": 0},
        # A city's time, as wire copy writes it ("3 a.m. Kyiv time"): the IANA zone named for the city (the last
        # part of its name, "Europe/Kyiv"), for every zone of the time zone database (see chronology.zones).
        "city_time": {f"{city} time": zone for city, zone in city_zones().items()},
        # The calendar a date is written in: Old Style (Julian) or New Style (Gregorian).
        "calendar": {
            "os": "julian",
            "old style": "julian",
            "julian": "julian",
            "ns": "gregorian",
            "new style": "gregorian",
            "gregorian": "gregorian",
        },
    },
    # ("Easter" alone is a date word only with its year: "the Tuesday after Easter" names no date this reader reads)
    phrase_only=frozenset({"city_time", "easter_holiday", "not_read"}),
    # (a holiday's name is as often a noun or an adjective: "the Christmas market", "the Good Friday Agreement")
    alone_not=_names_alone(_HOLIDAYS, _FEASTS, _saints_days(_SAINTS), _FEASTS_OF_TWO, _EASTER_HOLIDAYS),
)
