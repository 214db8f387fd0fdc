"""The date forms each reader reads, an example of each: the table ``chronology forms`` prints.

The readings are not written here: the command (and the tests) read every
example with :func:`chronology.parse`, so what is printed is what the reader
does. ``docs/reference/dates.md`` (in the source) lists every form in full.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

import attrs

from chronology.dates import DateValue

__all__ = ["ANCHORS", "FORMS", "LANGUAGES", "Form", "Language", "forms", "read"]

#: A language with a reader: English (with ISO 8601 and EDTF), Russian, Ukrainian, Korean.
Language: TypeAlias = Literal["en", "ru", "uk", "ko"]
#: Each language's name, as the command prints it.
LANGUAGES: Final[dict[Language, str]] = {
    "en": "English, and ISO 8601 and EDTF notation",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ko": "Korean",
}
#: The day each language's relative examples ("Friday", "вчера", "지난주") are read from, as in the reference.
ANCHORS: Final[dict[Language, str]] = {"en": "2024-11-17", "ru": "2024-11-17", "uk": "2024-11-17", "ko": "2024-10-18"}


@attrs.frozen
class Form:
    """One form a reader reads, and an example of it written as a reporter would."""

    language: Language
    form: str
    example: str


def _rows(language: Language, *rows: tuple[str, str]) -> tuple[Form, ...]:
    return tuple(Form(language, form, example) for form, example in rows)


#: Every form, an example each (some two), grouped by language in the order printed.
FORMS: Final[tuple[Form, ...]] = (
    *_rows(
        "en",
        ("ISO 8601 date", "2024-10-18"),
        ("ISO 8601 date and time", "2024-10-18T03:00+09:00"),
        ("EDTF approximate or uncertain", "2024-06~"),
        ("EDTF interval", "2024-10-07/2024-10-13"),
        ("calendar date", "3 October 2024"),
        ("calendar date", "Oct. 3, 2024"),
        ("date in numbers", "18.10.2024"),
        ("era", "44 BC"),
        ("Old Style double year", "1665/6"),
        ("dateline", "Tuesday 12 March 2024"),
        ("decade", "the 1450s"),
        ("century, millennium", "the 15th century"),
        ("season", "summer 2024"),
        ("quarter, half", "Q3 2024"),
        ("third of a period", "early October 2024"),
        ("third of a period", "mid-2024"),
        ("week of a month", "the second week of October 2024"),
        ("week of a day", "the week of 12 February 2024"),
        ("holiday", "Christmas 2023"),
        ("holiday", "Easter 2024"),
        ("feast or quarter day", "Michaelmas 1666"),
        ("weekday", "last Friday"),
        ("period around a report", "last weekend"),
        ("distance", "three weeks ago"),
        ("vague distance", "days before"),
        ("still to come", "in the coming weeks"),
        ("time of day", "Monday morning"),
        ("time of day", "14:30 on 3 October 2024"),
        ("night", "the night of 10-11 March 2024"),
        ("night", "overnight into Thursday"),
        ("time zone", "3 a.m. Kyiv time"),
        ("one of several", "in 2019 or 2020"),
        ("one of several", "Monday or Tuesday"),
        ("hedge", "c. 1450"),
        ("hedge", "June 2024?"),
        ("terminus", "before 23 August 1456"),
        ("terminus", "no earlier than 1450"),
        ("range", "between 1434 and 1444"),
        ("range", "3-5 October 2024"),
        ("lasting", "from 1950 to 1953"),
        ("lasting", "since February 2022"),
    ),
    *_rows(
        "ru",
        ("calendar date", "3 октября 2024 года"),
        ("month", "в сентябре 2023 года"),
        ("year", "в 2024 году"),
        ("third of a month", "в начале ноября"),
        ("end of a period", "до конца года"),
        ("weekday", "в прошлую пятницу"),
        ("named day", "позавчера"),
        ("week, month", "на прошлой неделе"),
        ("distance", "три дня назад"),
        ("hedge", "около 3 октября"),
        ("range", "с 3 по 5 октября"),
        ("lasting", "с 2014 года"),
        ("season", "осенью 2024 года"),
        ("quarter", "в первом квартале 2024 года"),
        ("decade", "в 1990-е годы"),
        ("century", "в XXI веке"),
        ("night", "в ночь с 4 на 5 октября"),
        ("part of a day", "в пятницу вечером"),
        ("dateline", "в пятницу, 15 ноября"),
        ("numeric date", "от 18.10.2024"),
    ),
    *_rows(
        "uk",
        ("calendar date", "18 жовтня 2024 р."),
        ("month", "у вересні 2023 року"),
        ("third of a month", "на початку листопада"),
        ("end of a period", "наприкінці жовтня"),
        ("weekday", "минулої п'ятниці"),
        ("named day", "вчора"),
        ("week, month", "минулого тижня"),
        ("distance", "2 тижні тому"),
        ("season", "восени 2024 року"),
        ("half", "у другому півріччі 2024 року"),
        ("decade", "у 1990-х роках"),
        ("century", "у XX столітті"),
        ("night", "у ніч на 5 жовтня"),
        ("part of a day", "сьогодні вранці"),
        ("weekend", "минулими вихідними"),
    ),
    *_rows(
        "ko",
        ("calendar date", "2024년 10월 18일"),
        ("day of the month", "지난 18일"),
        ("month", "지난해 9월"),
        ("year", "2024년"),
        ("weekday", "지난 금요일"),
        ("named day", "그저께"),
        ("week, month, year", "지난주"),
        ("third of a month", "10월 중순"),
        ("end of a year", "연말"),
        ("half", "2024년 하반기"),
        ("quarter", "2024년 3분기"),
        ("season", "2024년 가을"),
        ("hedge", "10월 18일경"),
        ("distance", "3일 전"),
        ("terminus", "10월 18일 이후"),
        ("range", "10월 3일부터 5일까지"),
    ),
)


def forms(language: Language) -> tuple[Form, ...]:
    """The forms of ``language``, in the order printed."""
    return tuple(form for form in FORMS if form.language == language)


def read(form: Form) -> DateValue:
    """The example of ``form`` as the reader reads it, relative phrases from the language's anchor.

    Raises:
        DateParseError: the example does not read (a test keeps every one reading).
        MissingExtraError: Russian, Ukrainian and Korean need the ``draft`` extra.

    """
    from chronology.notation import parse

    return parse(form.example, anchor=ANCHORS[form.language])
