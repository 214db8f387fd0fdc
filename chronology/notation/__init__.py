"""The one place where text becomes dates.

:func:`parse` reads ISO 8601, EDTF and English phrases (Russian, Ukrainian and
Korean ones too, with the ``draft`` extra); relative phrases are resolved
against an anchor. :func:`parse_expression` stops before resolving, so
a file loader can keep a phrase and resolve it once its anchor is known.
"""

from __future__ import annotations

import datetime
import re
from typing import Final, Literal, TypeAlias
from unicodedata import category
from zoneinfo import ZoneInfo

import attrs

from chronology._calendar import SECONDS_PER_DAY, julian_day_number, julian_days_in_month
from chronology.dates import DateValue, Interval, UncertainDate, exact_day, with_wording
from chronology.errors import DateParseError, InvalidDateError, WrongTypeError
from chronology.notation.edtf import EDTF_FIRST_CHARACTERS, looks_like_edtf, parse_edtf, parse_iso_day
from chronology.notation.english import EXPECTED_ENGLISH, day_and_month, read_english
from chronology.notation.find import DatePhrase, find_dates
from chronology.relative import RelativeDate, Tense, as_tense, check_anchor
from chronology.zones import localize, zone_named

__all__ = ["DateLike", "DatePhrase", "as_value", "find_dates", "parse", "parse_expression"]

_WORDY: Final = re.compile(r"[A-Za-z]")
#: A letter of the Cyrillic script: a phrase holding one is read as Russian or Ukrainian.
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
#: A Hangul syllable or letter: a phrase holding one is read as Korean.
_HANGUL: Final = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SHORT_YEAR_RANGE: Final = re.compile(r"\d{4}-\d\d")
#: "1848\u201351": the same with an en or em dash, read as "1848-51" is (a dash of typesetting, not of notation).
_DASHED_SHORT_YEAR_RANGE: Final = re.compile(r"\d{4}[\u2013\u2014]\d\d")
#: A time followed by what looks like a zone abbreviation ("EEST"), which names no zone for sure.
_ZONE_ABBREVIATION: Final = re.compile(r"(.*\S)\s+([A-Z]{2,5})")
_NOT_ZONES: Final = frozenset({"BC", "AD", "BCE", "CE", "UTC", "GMT", "OS", "NS", "AM", "PM"})
#: A time followed by the name of its zone: "2024-10-18T03:00 Asia/Seoul".
_NAMED_ZONE: Final = re.compile(r"(.*\S)\s+([A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+)")
#: Notation-looking text that English reads: a double year ("1665/6"), a clock time ("14:30").
_ENGLISH_TOO: Final = re.compile(r"\d{4}/\d{1,2}|\d{1,2}:\d\d(?::\d\d)?")
#: What a function that takes a date accepts: a value, text the parser reads, or a ``datetime.date`` (or datetime).
DateLike: TypeAlias = DateValue | datetime.date | str
#: The calendars dates in words may be written in.
Calendar: TypeAlias = Literal["gregorian", "julian"]


def _checked_calendar(calendar: object) -> Calendar:
    if calendar not in ("gregorian", "julian"):
        raise InvalidDateError(f"calendar {calendar!r} is not one this library reads; expected 'gregorian' or 'julian'")
    return calendar


#: A day and month in numbers before the year, in the US style ("10/18/2024", month first) or day first ("18.10.2024").
_US_STYLE: Final = re.compile(r"(\d{1,2})([/.])(\d{1,2})([/.])(\d{2,4})")
_SPACED_TIME: Final = re.compile(r"([+-]?\d{4}-\d\d-\d\d) +(\d\d(?::\d\d){0,2}(?:[.,]\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)?)")
#: Longest text worth reading as a date; anything longer is refused at once.
MAX_LENGTH: Final = 1000


def parse_expression(
    text: str, *, calendar: Calendar = "gregorian", zone: str | None = None
) -> DateValue | RelativeDate:
    """Read ``text`` without resolving it: an absolute value, or a :class:`RelativeDate`.

    ``calendar`` is that of dates in words that do not name theirs (``"julian"``
    for Old Style records, converted on reading); ISO and EDTF are always Gregorian.
    ``zone`` (an IANA name, "Asia/Seoul") is that of times written without an
    offset; a zone named after the time ("2024-10-18T03:00 Asia/Seoul") wins.

    Raises:
        DateParseError: the text is not a date expression this library reads.

    """
    if not isinstance(text, str):
        raise DateParseError(repr(text), f"a date is given as text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise DateParseError(text, f"{len(text):,} characters is too long for a date (at most {MAX_LENGTH})")
    stripped = text.strip()
    if not stripped:
        raise DateParseError(text, "empty date; " + EXPECTED_ENGLISH, position=0)
    if not stripped.isprintable():
        # Spaces such as U+00A0 (common in scraped text) separate words; anything else unprintable is refused.
        bad = next((i for i, c in enumerate(stripped) if not c.isprintable() and category(c) != "Zs"), None)
        if bad is not None:
            where = bad + len(text) - len(text.lstrip())
            raise DateParseError(
                text, f"contains a control or unprintable character (U+{ord(stripped[bad]):04X})", position=where
            )
    # (both notations below start with a digit, or a sign: most phrases are tried on neither)
    numeric = stripped[0].isdigit() or stripped[0] in "+-"
    numbered = _US_STYLE.match(stripped) if numeric else None
    if numbered is not None:
        after = stripped[numbered.end() :]
        if not after:
            return _numbered_day(numbered, text, _checked_calendar(calendar))
        if after[0] == "T" and after[1:2].isdigit():  # "18.10.2024T10:00": the date read, then the "T" refused
            raise _iso_time_after(numbered, after[1:], text, _checked_calendar(calendar))
        # else English reads it: "18.10.2024 10:00", "18.10.2024 at 10:00"
    spaced = _SPACED_TIME.fullmatch(stripped) if numeric else None
    if spaced is not None:
        where = len(text) - len(text.lstrip()) + spaced.end(1)
        written = f"{spaced[1]}T{spaced[2]}"
        raise DateParseError(text, f"a time follows its date after 'T', not a space: write {written!r}", position=where)
    spaced_out = " " in stripped  # zone names and abbreviations follow a space: notation has none
    # (each pattern is tried only where the text ends as it must: in a capital, or with a "/" in it)
    abbreviation = _ZONE_ABBREVIATION.fullmatch(stripped) if spaced_out and "A" <= stripped[-1] <= "Z" else None
    if abbreviation is not None and abbreviation[2] not in _NOT_ZONES and any(ch.isdigit() for ch in abbreviation[1]):
        raise DateParseError(
            text,
            f"{abbreviation[2]!r} looks like a time zone abbreviation, which names no zone for sure ('CST' is three); "
            "give an IANA name ('2024-10-18T03:00 Europe/Kyiv') or the offset ('2024-10-18T03:00+03:00')",
            position=len(text) - len(text.lstrip()) + abbreviation.start(2),
        )
    named = _NAMED_ZONE.fullmatch(stripped) if spaced_out and "/" in stripped else None
    if named is not None:
        zone_named(named[2], text=text)  # an unknown zone is an error at once, naming the nearest
        stripped, zone = named[1], named[2]
    # (months and days without a year are read in ``calendar`` too, their year chosen from the anchor's date
    # in it: the grammar gives each rule its calendar, or the one its phrase names)
    value = _read(stripped, text, calendar)
    if zone is None:
        return value
    if isinstance(value, RelativeDate):
        # a zone the phrase names itself ("3 a.m. Kyiv time") wins over the file's
        return value if value.zone is not None and named is None else attrs.evolve(value, zone=zone)
    return _localized(value, zone_named(zone, text=text), text, named=named is not None)


def _numbered_day(match: re.Match[str], text: str, calendar: Calendar) -> UncertainDate:
    """Read "18.10.2024", "18/10/2024", "10/18/2024": the one day the numbers can name, in either order.

    Day first ("18.10.2024", as Ukrainian, Russian and most European sources write it) and month first
    ("10/18/2024", as in the US) are both written with either mark, so a date is read only where one order
    names no month (a number above 12) or both orders name the same day ("05.05.2024"); "05.10.2024" may be
    5 October or May 10 and is refused, giving both in ISO 8601. Written by a person, not in a notation, the
    day is of ``calendar``, as a date in words is ("julian": converted on reading).
    """
    first, mark, second, year = match[1], match[2], match[3], match[5]
    written, start = match[0], len(text) - len(text.lstrip())
    if match[4] != mark:
        raise DateParseError(
            text,
            f"mixes {mark!r} and {match[4]!r}; write the day, month and year with one mark ('18.10.2024') or in "
            "ISO 8601 (YYYY-MM-DD)",
            position=start + match.start(4),
        )
    if len(year) != 4:
        full = f"20{year}" if len(year) == 2 else f"{year:0>4}"
        raise DateParseError(
            text,
            f"the year {year!r} is not written in full; write it with four digits "
            f"('{first}{mark}{second}{mark}{full}' if {full} is meant), or the date in ISO 8601 (YYYY-MM-DD)",
            position=start + match.start(5),
        )
    readings = day_and_month(int(first), int(second))
    if not readings:
        raise DateParseError(
            text,
            f"neither {int(first)} nor {int(second)} is a month (1-12); write the date in ISO 8601 (YYYY-MM-DD)",
            position=start + match.start(1),
        )
    if len(readings) > 1:
        day_first, month_first = f"{year}-{second:0>2}-{first:0>2}", f"{year}-{first:0>2}-{second:0>2}"
        raise DateParseError(
            text,
            f"day and month order is ambiguous: {written!r} is {day_first} read day first (as Ukrainian, Russian "
            f"and most European sources write it) and {month_first} read month first (as US sources do); "
            f"write ISO 8601: '{day_first}' or '{month_first}'",
            position=start,
        )
    ((day, month),) = readings
    iso = f"{year}-{month:02d}-{day:02d}"
    where = start + match.start(1 if day == int(first) else 3)  # the day's number
    if calendar == "julian":
        length = julian_days_in_month(int(year), month)
        if not 1 <= day <= length:
            digits = match[1] if where == start + match.start(1) else match[3]
            nearest = f"{min(max(day, 1), length):0{len(digits)}d}"
            nearest = written[: where - start] + nearest + written[where - start + len(digits) :]
            raise DateParseError(
                text,
                f"{written!r} is {iso} (Old Style): day {day} does not exist in {year}-{month:02d} of the Julian "
                f"calendar; expected 01-{length}; did you mean {nearest!r}?",
                position=where,
            )
        return exact_day(julian_day_number(int(year), month, day) * SECONDS_PER_DAY, text=written)
    try:
        value = parse_edtf(iso)
    except DateParseError as error:  # a day its month does not have ("31.04.2024")
        raise DateParseError(text, f"{written!r} is {iso}: {error.reason}", position=where) from None
    assert isinstance(value, UncertainDate)
    return with_wording(value, written)


def _iso_time_after(match: re.Match[str], time: str, text: str, calendar: Calendar) -> DateParseError:
    """Why "18.10.2024T10:00" is refused: ISO 8601's "T" joins a time to an ISO date, not to a date in numbers.

    The date is read first (its own refusals come first: "05.10.2024T10:00" is ambiguous), so the error gives
    the ISO 8601 form of the day and time, and the date in numbers with its time after a space, which reads.
    """
    day = _numbered_day(match, text, calendar)
    written = match[0]
    return DateParseError(
        text,
        f"'T' joins a time to an ISO 8601 date (YYYY-MM-DD), not to a day, month and year in numbers; write "
        f"'{day.to_edtf()}T{time}' (ISO 8601, Gregorian) or '{written} {time}'",
        position=len(text) - len(text.lstrip()) + match.end(),
    )


def _localized(value: DateValue, zone: ZoneInfo, text: str, *, named: bool) -> DateValue:
    """A value's floating times given the zone's offset (an interval's ends each)."""
    if isinstance(value, UncertainDate):
        return localize(value, zone, text=text, named=named)
    start, end = (
        localize(e, zone, text=text, named=named) if isinstance(e, UncertainDate) else e
        for e in (value.start, value.end)
    )
    return Interval(start, end, text=value.text)


def _read(stripped: str, text: str, calendar: Calendar) -> DateValue | RelativeDate:
    if not stripped.isascii():  # (ASCII text holds neither Hangul nor Cyrillic)
        if _HANGUL.search(stripped):
            # Korean: its words are built from CLDR when first needed, as Russian and Ukrainian's are
            from chronology.notation.korean import read_korean

            return read_korean(stripped, calendar=_checked_calendar(calendar))
        if _CYRILLIC.search(stripped):
            # Russian and Ukrainian share one reading (their date words do not collide); its words are built from
            # CLDR and pymorphy3 when first needed, so the library imports and reads English without them.
            from chronology.notation.slavic import read_slavic

            return read_slavic(stripped, calendar=_checked_calendar(calendar))
    if stripped[0] in EDTF_FIRST_CHARACTERS and looks_like_edtf(stripped):
        if _DASHED_SHORT_YEAR_RANGE.fullmatch(stripped):  # "1848\u201351": as "1848-51", in the words written
            try:
                return _read(f"{stripped[:4]}-{stripped[5:]}", text, calendar)
            except DateParseError as error:
                raise DateParseError(text, error.reason, position=error.position) from None
        try:
            return parse_edtf(stripped)
        except DateParseError as notation:
            if _SHORT_YEAR_RANGE.fullmatch(stripped):  # "1642-51": a month that does not exist, or two years?
                try:
                    years = read_english(stripped, calendar=_checked_calendar(calendar))
                except DateParseError:
                    raise notation from None
                if isinstance(years, Interval) and isinstance(years.end, UncertainDate):
                    first, last = stripped[:4], years.end.to_edtf()
                    raise DateParseError(
                        text,
                        f"{notation.reason}; for the years {first} to {last}, write '{first}-{last}' or "
                        f"'{first} to {last}'",
                        position=notation.position,
                    ) from None
                raise
            if not _WORDY.search(stripped) and not _ENGLISH_TOO.fullmatch(stripped):
                raise
            # "1450s", "3pm", "44BC": English written without spaces. Where English cannot read it either,
            # the notation's own error says more.
            try:
                return read_english(stripped, calendar=_checked_calendar(calendar))
            except DateParseError as english:
                if english.position is None:  # English read the words and refused them ("1665/7"): its reason
                    raise english from None
            raise
    return read_english(stripped, calendar=_checked_calendar(calendar))


def parse(
    text: str,
    *,
    anchor: DateValue | datetime.date | str | None = None,
    tense: Tense | str = Tense.PAST,
    calendar: Calendar = "gregorian",
    zone: str | None = None,
) -> DateValue:
    """Read a date expression: ISO 8601, EDTF, or English as news reports write it.

    Args:
        text: the expression ("2024-06", "2024-10-07/2024-10-13", "Friday").
        anchor: the date relative phrases are read from (a report's date),
            itself possibly uncertain; the result then covers every reading.
            An :class:`~chronology.dates.UncertainDate`, a ``datetime.date``,
            or text ("2024-10-18", "[2024-10-28..2024-10-31]"), read by this
            function without an anchor; None (the default) for no anchor.
        tense: which way an unmarked phrase points ("on Tuesday"): a
            :class:`~chronology.Tense` or its value, ``"past"`` (the
            default), ``"future"`` or ``"either"``.
        calendar: the calendar of dates in words that do not name theirs:
            ``"gregorian"`` (the default) or ``"julian"`` (Old Style, converted
            on reading: "5 September 1666" is 15 September 1666). A date may
            say its own ("5 September 1666 (O.S.)").
        zone: the IANA zone ("Asia/Seoul") of times written without an
            offset, which then get the zone's offset at that moment; a zone
            named after the time wins. Dates without a time stay calendar days.

    Returns:
        An :class:`~chronology.dates.UncertainDate` (one instant between two
        bounds) or an :class:`~chronology.dates.Interval` (something lasting).

    Raises:
        DateParseError: unreadable text (or anchor text), a date that does not
            exist, or a relative phrase without an anchor. The message repeats
            the input, says where and what is accepted.
        InvalidDateError: ``tense`` is not one of the three, or ``anchor`` is
            not one of the accepted types (both are ``ValueError``); the
            message names what is accepted.

    """
    if tense.__class__ is not Tense:
        tense = as_tense(tense)
    if anchor is not None and not isinstance(anchor, UncertainDate):
        anchor = _anchor(anchor)
    if text.__class__ is str and len(text) == 10:
        day = parse_iso_day(text)
        if day is not None:
            return day
    expression = parse_expression(text, calendar=calendar, zone=zone)
    if isinstance(expression, RelativeDate):
        return expression.resolve(anchor, tense=tense)
    return expression


def _anchor(anchor: object) -> DateValue | datetime.date | None:
    """An anchor given to :func:`parse` as a date value, reading one given as text."""
    if isinstance(anchor, str):
        try:
            value = parse_expression(anchor)
        except DateParseError as error:
            raise DateParseError(anchor, f"unreadable anchor: {error.reason}", position=error.position) from error
        if isinstance(value, RelativeDate):
            raise DateParseError(
                anchor, "an anchor is a date of its own, not a phrase relative to another; write it as '2024-10-18'"
            )
        return value
    return check_anchor(anchor, accepted=_ANCHOR_TYPES)


_ANCHOR_TYPES: Final = (
    "an UncertainDate, a datetime.date, the date as text ('2024-10-18', '[2024-10-28..2024-10-31]'), or None"
)


def as_value(when: DateLike | object, name: str = "a date") -> DateValue:
    """``when`` as a date value: a value as it is, text read by :func:`parse`, a ``datetime.date`` (or datetime).

    ``name`` says what the value is for in the error ("a date", "b").

    Raises:
        WrongTypeError: anything else (``None``, a number, bytes...), naming its type.
        DateParseError: text that is not a date.

    """
    if isinstance(when, UncertainDate | Interval):
        return when
    if isinstance(when, str):
        return parse(when)
    if isinstance(when, datetime.datetime):
        return parse(when.isoformat())
    if isinstance(when, datetime.date):
        return UncertainDate.from_date(when)
    raise WrongTypeError(
        f"{name} is a date value (chronology.parse('2024-10-18')), text or a datetime.date, not {type(when).__name__}"
    )
