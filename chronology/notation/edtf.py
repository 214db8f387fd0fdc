"""EDTF (ISO 8601-2) and ISO 8601 notation: reading and writing, paired.

Reading accepts:

* ISO 8601 calendar dates and date-times with offsets (``2024-10-18``,
  ``2024-10-18T14:30+09:00``), basic dates (``20241018``), partial dates
  (``2024``, ``2024-06``), week dates (``2024-W41``, ``2024-W41-5``) and ordinal
  dates (``2024-292``);
* EDTF level 0 and 1 in full: qualifiers ``?`` ``~`` ``%``, unspecified digits
  ``X``, seasons 21-24, intervals with open ``..`` and unknown empty ends,
  ``Y``-prefixed years of more than four digits, negative years;
* EDTF level 2: qualifiers on single components (``2024-~10``), ``X`` in any
  digit, exponents and significant digits on ``Y`` years (``Y17E7``,
  ``1950S2``), and the sub-year groupings 25-41 (hemisphere seasons, quarters,
  quadrimesters, semesters);
* EDTF level 2 sets: one-of sets (``[1667, 1668, 1670..1672]``: one of these
  dates, open at either end as ``[..1760-12-03]`` or ``[1760-12..]``) and
  all-of sets (``{1667, 1668, 1670..1672}``: all of these dates, never open).
  Either is one value whose bounds are the hull of its members; its EDTF keeps
  the members, and :func:`set_members` gives them back one by one. A one-of
  set may also be an interval end (beyond EDTF: it is how a week is written).

Refused: durations, basic-format date-times (``20050924T100000``), a month or
day after an exponential year (``Y17E7-12-26``), open all-of sets
(``{..1984}``), week dates inside sets, and an all-of set as an interval end.

Writing gives the canonical EDTF of a value, so that reading it back yields an
equal value.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from typing import Final, NoReturn

import attrs

from chronology import _calendar
from chronology._calendar import MAX_ABS_YEAR, OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.dates import (
    _FROM_SYMBOL,
    _SET_LO,
    DateValue,
    Endpoint,
    Interval,
    Precision,
    Qualifier,
    UncertainDate,
    _Day,
)
from chronology.errors import ChronologyError, DateParseError, InvalidDateError

__all__ = [
    "format_bounds",
    "format_day_range",
    "format_year",
    "looks_like_edtf",
    "parse_edtf",
    "parse_iso_day",
    "set_members",
    "written_precision",
]

_Q = Qualifier
_QUALIFIER_CHARS: Final = "?~%"

#: Sub-year groupings of EDTF (level 1: 21-24; level 2: 25-41), as
#: (precision, first month, number of months, name for labels).
#: Seasons are the meteorological ones; 21-24 read as the northern hemisphere's,
#: and a winter is the one that begins in December of the year given.
GROUPINGS: Final[dict[int, tuple[Precision, int, int, str]]] = {
    21: (Precision.SEASON, 3, 3, "Spring"),
    22: (Precision.SEASON, 6, 3, "Summer"),
    23: (Precision.SEASON, 9, 3, "Autumn"),
    24: (Precision.SEASON, 12, 3, "Winter"),
    25: (Precision.SEASON, 3, 3, "Spring (north)"),
    26: (Precision.SEASON, 6, 3, "Summer (north)"),
    27: (Precision.SEASON, 9, 3, "Autumn (north)"),
    28: (Precision.SEASON, 12, 3, "Winter (north)"),
    29: (Precision.SEASON, 9, 3, "Spring (south)"),
    30: (Precision.SEASON, 12, 3, "Summer (south)"),
    31: (Precision.SEASON, 3, 3, "Autumn (south)"),
    32: (Precision.SEASON, 6, 3, "Winter (south)"),
    33: (Precision.QUARTER, 1, 3, "Q1"),
    34: (Precision.QUARTER, 4, 3, "Q2"),
    35: (Precision.QUARTER, 7, 3, "Q3"),
    36: (Precision.QUARTER, 10, 3, "Q4"),
    37: (Precision.QUADRIMESTER, 1, 4, "Jan-Apr"),
    38: (Precision.QUADRIMESTER, 5, 4, "May-Aug"),
    39: (Precision.QUADRIMESTER, 9, 4, "Sep-Dec"),
    40: (Precision.SEMESTER, 1, 6, "H1"),
    41: (Precision.SEMESTER, 7, 6, "H2"),
}

_EXPECTED_DATE: Final = (
    "expected an ISO 8601 or EDTF date such as 2024, 2024-06, 2024-10-18, "
    "2024-10-18T14:30:00+09:00, 2024-W41, 2024-06~, 201X, 2024-21, "
    "2024-10-07/2024-10-13 or [2024-10-07..2024-10-13]"
)


# -- public entry points ------------------------------------------------------------

_FAST: Final = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?([?~%]?)")
#: The characters notation may start with: text starting with any other is never notation.
EDTF_FIRST_CHARACTERS: Final = frozenset("0123456789-+YX[{?~%/.")


def looks_like_edtf(text: str) -> bool:
    """Whether ``text`` is meant as ISO/EDTF notation rather than English words."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[0] not in EDTF_FIRST_CHARACTERS:
        return False
    if stripped[0] in "[{":
        return True
    # "1950-1953" and "2024 June" are English; notation has no spaces outside sets.
    return " " not in stripped and not _YEAR_RANGE.fullmatch(stripped)


_YEAR_RANGE: Final = re.compile(r"\d{4}\s*[-\u2013\u2014]\s*\d{4}")


_fromisoformat = datetime.date.fromisoformat
_new = object.__new__
_LAST_SECOND: Final = SECONDS_PER_DAY - 1


def parse_iso_day(text: str) -> UncertainDate | None:
    """The plain ``YYYY-MM-DD`` day, by the quickest route; None for anything else.

    Each call builds its value. A cache of the days already read made every first reading half as slow
    again (its dictionary and the values it kept alive) and saved nothing on days repeated as chronologies
    repeat them (bench_parse.py); a file's loader keeps its own cache of the texts it has read.
    """
    # fromisoformat reads ASCII digits only; of its 10-character forms, only YYYY-MM-DD has "-" at 7
    # (not the week date 2024-W41-1).
    if len(text) != 10 or text[7] != "-":
        return None
    try:
        lo = _fromisoformat(text).toordinal() * SECONDS_PER_DAY
    except ValueError:
        return None  # the full reader explains what is wrong
    # exact_day, inlined: this is the path most dates in a file take.
    value = _new(_Day)
    _SET_LO(value, lo)  # its last second and its EDTF (this very text) are its class's to tell
    return value


def clear_day_cache() -> None:
    """Forget the bounds of years read so far, so that the next readings are first readings (for benchmarks)."""
    _YEAR_BOUNDS.clear()


def parse_edtf(text: str) -> DateValue:
    """Read one ISO 8601 / EDTF expression.

    Raises:
        DateParseError: the text is not valid notation, or names a date that
            does not exist; the message says where and what is accepted.

    """
    match = _FAST.fullmatch(text)
    if match is not None:
        value = _fast(text, match, text)
        if value is not None:
            return value
    elif text.isascii():
        quick = _fast_compound(text)
        if quick is not None:
            return quick
    return _Reader(text).read()


def set_members(edtf: str) -> tuple[UncertainDate, ...]:
    """The members of a one-of ``[...]`` or all-of ``{...}`` set, each read as a value of its own.

    A single date is itself (``1667``); a range is one value spanning it, in
    the set's own brackets (``[1670..1672]`` in a one-of set, ``{1670..1672}``
    in an all-of set); an open member stays open (``[..1760-12-03]``). Each
    member writes out as EDTF that reads back as the member.

    Raises:
        DateParseError: ``edtf`` is not a set.

    """
    reader = _Reader(edtf)
    if edtf[:1] not in ("[", "{"):
        reader.fail("expected a one-of set [...] or an all-of set {...}", 0)
    opening = edtf[0]
    closing = _CLOSING[opening]
    members = reader.read_set_members()
    reader.expect_end()
    return tuple(
        _Reader(member.spelled).read_date_only()
        if member.single
        else _Reader(f"{opening}{member.spelled}{closing}").read_set_only()
        for member in members
    )


def format_year(year: int) -> str:
    """A year in EDTF: four digits with a sign where negative, ``Y`` beyond four digits."""
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def format_day(number: int) -> str:
    """A day number in EDTF (``2024-10-18``)."""
    year, month, day = _calendar.from_day_number(number)
    return f"{format_year(year)}-{month:02d}-{day:02d}"


def format_day_range(first: int, last: int, precision: Precision, qualifier: Qualifier) -> str:
    """Canonical EDTF for "one day from ``first`` to ``last``" (day numbers); see :func:`format_bounds`."""
    return format_bounds(first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1, precision, qualifier)


def format_bounds(lo: int, hi: int, precision: Precision, qualifier: Qualifier, utc_offset: int | None = None) -> str:
    """Canonical EDTF for "one instant from second ``lo`` to ``hi``" at ``precision``.

    A single unit of the precision is written as such (``2024-10-18``,
    ``2024-06``, ``1468``, ``147X``, ``14XX``, ``2024-35``,
    ``2024-10-18T03``); anything else becomes a one-of set of the coarsest
    whole units it spans (``[1470..1473]``, ``[2024-06..2024-08]``,
    ``[2024-10-07..2024-10-13]``), open on a side left open (``[..1456-08-22]``).
    """
    zone = "" if utc_offset is None else "Z" if utc_offset == 0 else _format_offset(utc_offset)
    q = zone + qualifier.symbol
    if lo <= OPEN_LO:
        return f"[..{_unit_containing(hi, precision, q, last=True)}]"
    if hi >= OPEN_HI:
        return f"[{_unit_containing(lo, precision, q, last=False)}..]"
    if precision.has_time or lo % SECONDS_PER_DAY or (hi + 1) % SECONDS_PER_DAY:
        first, last = _format_time(lo, precision), _format_time(hi, precision)
        return first + q if first == last else f"[{first}{q}..{last}{q}]"
    first_day, last_day = lo // SECONDS_PER_DAY, hi // SECONDS_PER_DAY
    y1, m1, d1 = _calendar.from_day_number(first_day)
    y2, m2, d2 = _calendar.from_day_number(last_day)
    whole_months = d1 == 1 and d2 == _calendar.days_in_month(y2, m2)
    whole_years = whole_months and (m1, m2) == (1, 12)
    if first_day == last_day and precision is Precision.DAY:
        return format_day(first_day) + q
    if precision is Precision.MONTH and whole_months and (y1, m1) == (y2, m2):
        return f"{format_year(y1)}-{m1:02d}{q}"
    if whole_years and y1 == y2 and precision is Precision.YEAR:
        return format_year(y1) + q
    if whole_years and y1 >= 0 and y2 <= 9999:
        masked = _masked_years(y1, y2, precision)
        if masked is not None:
            return masked + q
    if whole_months and precision in _GROUPED:
        code = _grouping_code(y1, m1, y2, m2, precision)
        if code is not None:
            return f"{format_year(y1)}-{code}{q}"
    if whole_years and precision.rank >= Precision.YEAR.rank:
        return f"[{format_year(y1)}{q}..{format_year(y2)}{q}]"
    if whole_months and precision.rank >= Precision.MONTH.rank and precision is not Precision.WEEK:
        return f"[{format_year(y1)}-{m1:02d}{q}..{format_year(y2)}-{m2:02d}{q}]"
    if first_day == last_day:
        return f"[{format_day(first_day)}{q}]"
    return f"[{format_day(first_day)}{q}..{format_day(last_day)}{q}]"


def written_precision(lo: int, hi: int, precision: Precision, edtf: str) -> Precision:
    """The precision the EDTF ``edtf`` of seconds ``lo`` to ``hi`` at ``precision`` is read back at.

    ``edtf`` is as :func:`format_bounds` writes it, and this follows its branches: one unit of the precision
    ("2024-10-14", "2024-06", "147X", "2024-21", "2024-10-14T16") is of that precision; a run of units
    ("[2024-10-07..2024-10-13]", "[..1456-08-22]") is of the units its ends are written in: times to the
    precision (to the hour at least), years, months or days. (The precision of a member of a one-of set built
    from bounds, without reading its EDTF back.)
    """
    if lo <= OPEN_LO or hi >= OPEN_HI:  # the one end written: a time, or a year or month at its edge, or a day
        if precision.has_time:
            return precision
        last = lo <= OPEN_LO
        year, month, day = _calendar.from_day_number((hi if last else lo) // SECONDS_PER_DAY)
        if precision is Precision.YEAR and (month, day) == ((12, 31) if last else (1, 1)):
            return precision
        if precision is Precision.MONTH and day == (_calendar.days_in_month(year, month) if last else 1):
            return precision
        return Precision.DAY
    if precision.has_time or lo % SECONDS_PER_DAY or (hi + 1) % SECONDS_PER_DAY:
        return precision if precision.has_time else Precision.HOUR
    if not edtf.startswith("["):
        return precision
    _, first_month, first_day = _calendar.from_day_number(lo // SECONDS_PER_DAY)
    last_year, last_month, last_day = _calendar.from_day_number(hi // SECONDS_PER_DAY)
    whole_months = first_day == 1 and last_day == _calendar.days_in_month(last_year, last_month)
    if whole_months and (first_month, last_month) == (1, 12) and precision.rank >= Precision.YEAR.rank:
        return Precision.YEAR
    if whole_months and precision.rank >= Precision.MONTH.rank and precision is not Precision.WEEK:
        return Precision.MONTH
    return Precision.DAY


_GROUPED: Final = (Precision.SEASON, Precision.QUARTER, Precision.QUADRIMESTER, Precision.SEMESTER)
_MASK_HIDDEN: Final = {Precision.DECADE: 1, Precision.CENTURY: 2, Precision.MILLENNIUM: 3}


def _masked_years(first: int, last: int, precision: Precision) -> str | None:
    """``147X``, ``14XX`` or ``1XXX`` where the years are exactly one decade, century or millennium."""
    hidden = _MASK_HIDDEN.get(precision)
    if hidden is None:
        return None
    size = 10**hidden
    if first % size or last != first + size - 1:
        return None
    return f"{first:04d}"[: 4 - hidden] + "X" * hidden


def _grouping_code(y1: int, m1: int, y2: int, m2: int, precision: Precision) -> int | None:
    """The EDTF sub-year code (21-41) of exactly these months, where one has them (northern seasons first)."""
    months = (y2 - y1) * 12 + m2 - m1 + 1
    for code, (grouped, first_month, count, _) in GROUPINGS.items():
        if grouped is precision and first_month == m1 and count == months and code not in range(25, 33):
            return code
    return None


def _unit_containing(seconds: int, precision: Precision, q: str, *, last: bool) -> str:
    """The EDTF of the unit of ``precision`` holding ``seconds`` (a day for units with no notation of their own)."""
    if precision.has_time:
        return _format_time(seconds, precision) + q
    day = seconds // SECONDS_PER_DAY
    year, month, _ = _calendar.from_day_number(day)
    if precision is Precision.YEAR and _calendar.day_number(year, 12 if last else 1, 31 if last else 1) == day:
        return format_year(year) + q
    if precision is Precision.MONTH:
        edge = _calendar.days_in_month(year, month) if last else 1
        if _calendar.day_number(year, month, edge) == day:
            return f"{format_year(year)}-{month:02d}{q}"
    return format_day(day) + q


def _format_time(seconds: int, precision: Precision) -> str:
    """``2024-10-18T03``, ``T03:15`` or ``T03:15:20``, as far as ``precision`` goes."""
    day, second_of_day = divmod(seconds, SECONDS_PER_DAY)
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    if precision is Precision.SECOND:
        return f"{format_day(day)}T{hour:02d}:{minute:02d}:{second:02d}"
    if precision is Precision.MINUTE:
        return f"{format_day(day)}T{hour:02d}:{minute:02d}"
    return f"{format_day(day)}T{hour:02d}"


def _is_calendar_week(first: UncertainDate, last: UncertainDate) -> bool:
    """Whether ``first..last`` runs from a Monday to the Sunday after it, both whole days, alike qualified."""
    if first.precision is not Precision.DAY or last.precision is not Precision.DAY or first.has_time:
        return False
    monday = first.lo // SECONDS_PER_DAY
    return last.lo // SECONDS_PER_DAY == monday + 6 and monday % 7 == 1 and first.qualifier == last.qualifier


# -- the fast path for the common forms -----------------------------------------------

_YEAR_BOUNDS: dict[int, tuple[int, int]] = {}


def _fast(edtf: str, match: re.Match[str], text: str) -> UncertainDate | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a season ``YYYY-21``, with an optional trailing qualifier, or None.

    ``edtf`` is the date as written (matched by ``_FAST``), ``text`` the whole text read (an interval's, for
    its ends). None where the full reader has something to say (year 0, a day or month that does not exist).
    """
    year_s, month_s, day_s, q = match.groups()
    year = int(year_s)
    if year == 0:
        return None
    qualifier = _FROM_SYMBOL[q]
    if day_s is not None:
        try:
            number = _date(year, int(month_s), int(day_s)).toordinal()
        except ValueError:
            return None
        lo = number * SECONDS_PER_DAY
        return _trusted(lo, lo + _LAST_SECOND, _DAY_PRECISION, qualifier, edtf, text)
    if month_s is not None:
        month = int(month_s)
        if not 1 <= month <= 12:
            if not 21 <= month <= 41 or not edtf.isascii():
                return None  # the full reader says what is wrong, or spells the other digits its way
            precision, first, last = _grouping_days(year, year, month)
            return _trusted(
                first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + _LAST_SECOND, precision, qualifier, edtf, text
            )
        first = _date(year, month, 1).toordinal()
        last = first + _calendar.days_in_month(year, month) - 1
        return _trusted(
            first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + _LAST_SECOND, _MONTH_PRECISION, qualifier, edtf, text
        )
    bounds = _YEAR_BOUNDS.get(year)
    if bounds is None:
        first = _date(year, 1, 1).toordinal()
        last = _date(year, 12, 31).toordinal()
        bounds = _YEAR_BOUNDS[year] = (first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + _LAST_SECOND)
    return _trusted(bounds[0], bounds[1], _YEAR_PRECISION, qualifier, edtf, text)


_date: Final = datetime.date
_trusted: Final = UncertainDate._trusted
_trusted_interval: Final = Interval._trusted
_DAY_PRECISION: Final = Precision.DAY
_MONTH_PRECISION: Final = Precision.MONTH
_YEAR_PRECISION: Final = Precision.YEAR

#: Years with trailing unspecified digits (``201X``, ``19XX``; the digits are counted apart) and the
#: unspecified day of a month (``2024-06-XX``), each with an optional trailing qualifier. ASCII digits only:
#: the full reader spells other digits its own way.
_FAST_MASKED: Final = re.compile(r"([0-9]{0,3})(X{1,4})([?~%]?)|([0-9]{4})-([0-9]{2})-XX([?~%]?)")


def _fast_masked(edtf: str, text: str) -> UncertainDate | None:
    """``201X``, ``19XX``, ``XXXX`` or ``2024-06-XX`` (qualified after or not), as the full reader reads them."""
    match = _FAST_MASKED.fullmatch(edtf)
    if match is None:
        return None
    digits, unknown, q, year_s, month_s, month_q = match.groups()
    if unknown is not None:
        hidden = len(unknown)
        if len(digits) + hidden != 4:
            return None
        low, high = int(digits + "0" * hidden), int(digits + "9" * hidden)
        lo = _calendar.day_number(low, 1, 1) * SECONDS_PER_DAY
        hi = _calendar.day_number(high, 12, 31) * SECONDS_PER_DAY + _LAST_SECOND
        return _trusted(lo, hi, _YEAR_PRECISION_BY_HIDDEN[min(hidden, 3)], _FROM_SYMBOL[q], edtf, text)
    month = int(month_s)
    if not 1 <= month <= 12:
        return None
    year = int(year_s)
    first = _calendar.day_number(year, month, 1)
    last = first + _calendar.days_in_month(year, month) - 1
    return _trusted(
        first * SECONDS_PER_DAY,
        last * SECONDS_PER_DAY + _LAST_SECOND,
        _MONTH_PRECISION,
        _FROM_SYMBOL[month_q],
        edtf,
        text,
    )


def _fast_date(edtf: str, text: str) -> UncertainDate | None:
    """One date of the forms the fast paths read (``edtf``, part of ``text``), or None."""
    match = _FAST.fullmatch(edtf)
    if match is not None:
        return _fast(edtf, match, text)
    return _fast_masked(edtf, text)


def _fast_compound(text: str) -> DateValue | None:
    """The common ASCII forms ``_FAST`` does not match, by their quick routes; None for the full reader.

    Intervals of two dates of the quick forms (or an open ``..`` or unknown empty end), one-of and
    all-of ranges ``[a..b]`` and ``{a..b}`` of two such dates, and years or days with unspecified
    digits (``201X``, ``2024-06-XX``). Anything else, or anything wrong, is the full reader's.
    """
    if len(text) in _DAY_PAIR_LENGTHS:
        pair = _fast_day_pair(text)
        if pair is not None:
            return pair
    if "/" in text:
        return _fast_interval(text)
    opening = text[:1]
    if opening == "[" or opening == "{":
        return _fast_range(text)
    return _fast_masked(text, text)


def _fast_end(part: str, text: str) -> UncertainDate | Endpoint | None:
    if not part:
        return Endpoint.UNKNOWN
    if part == "..":
        return Endpoint.OPEN
    return _fast_date(part, text)


def _fast_interval(text: str) -> Interval | None:
    """``a/b`` with each end a date of the quick forms, ``..`` or empty, as the full reader reads it; else None."""
    start_text, _, end_text = text.partition("/")
    if "/" in end_text:
        return None
    start = _fast_end(start_text, text)
    if start is None:
        return None
    end = _fast_end(end_text, text)
    if end is None:
        return None
    if start.__class__ is Endpoint:
        if end.__class__ is Endpoint:
            return None  # no date at either end: the full reader says so
    elif end.__class__ is not Endpoint and start.lo > end.hi:  # type: ignore[union-attr]
        return None  # reversed: the full reader says so
    return _trusted_interval(start, end, text)  # the checks of Interval's __init__, made above


def _fast_range(text: str) -> UncertainDate | None:
    """``[a..b]`` or ``{a..b}`` of two dates of the quick forms, in order, as the full reader reads it; else None."""
    if text[-1] != _CLOSING[text[0]]:
        return None
    first_text, dots, last_text = text[1:-1].partition("..")
    if not dots:
        return None
    first = _fast_date(first_text, text)
    if first is None:
        return None
    last = _fast_date(last_text, text)
    if last is None or last.lo < first.lo:
        return None  # reversed: the full reader says so
    precision = first.precision if first.precision.rank >= last.precision.rank else last.precision
    if text[0] == "[" and _is_calendar_week(first, last):
        precision = Precision.WEEK
    qualifier = _joined(first.qualifier, last.qualifier)
    return _trusted(first.lo, last.hi, precision, qualifier, text, text)


#: Two plain days, as an interval ``a/b`` or a one-of range ``[a..b]``: the dated forms files hold most after days.
_DAY_PAIR: Final = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:/|\.\.)([0-9]{4}-[0-9]{2}-[0-9]{2})")
_DAY_PAIR_LENGTHS: Final = frozenset({21, 24})  # "YYYY-MM-DD/YYYY-MM-DD", "[YYYY-MM-DD..YYYY-MM-DD]"


def _fast_day_pair(text: str) -> DateValue | None:
    """``YYYY-MM-DD/YYYY-MM-DD`` or ``[YYYY-MM-DD..YYYY-MM-DD]`` in order, as the full reader reads them; else None.

    None (the full reader then reads the text, and says what is wrong) for anything else: other
    separators, a day that does not exist, year 0, an end before the start. A test compares this path
    with the full reader on generated texts.
    """
    bracketed = text[0] == "["
    if bracketed:
        if text[-1] != "]" or text[11:13] != "..":
            return None
        match = _DAY_PAIR.fullmatch(text, 1, len(text) - 1)
    else:
        if text[10] != "/":
            return None
        match = _DAY_PAIR.fullmatch(text)
    if match is None:
        return None
    first_text, last_text = match.groups()
    try:
        first = _fromisoformat(first_text).toordinal()
        last = _fromisoformat(last_text).toordinal()
    except ValueError:
        return None
    if last < first:
        return None  # reversed: the full reader says so
    lo, hi = first * SECONDS_PER_DAY, last * SECONDS_PER_DAY + _LAST_SECOND
    if bracketed:  # a one-of range of days: a week when it runs from a Monday to the Sunday after
        precision = Precision.WEEK if last == first + 6 and first % 7 == 1 else Precision.DAY
        return UncertainDate._trusted(lo, hi, precision, _Q.NONE, text, text)
    start = UncertainDate._trusted(lo, lo + _LAST_SECOND, Precision.DAY, _Q.NONE, first_text, text)
    end_lo = last * SECONDS_PER_DAY
    end = UncertainDate._trusted(end_lo, hi, Precision.DAY, _Q.NONE, last_text, text)
    return Interval(start, end, text=text)


# -- the full reader ---------------------------------------------------------------


@attrs.define
class _Component:
    """One of year, month, day as written: its digits (with X), position and qualifiers."""

    digits: str
    position: int
    qualifier: Qualifier = Qualifier.NONE
    right: Qualifier = Qualifier.NONE  # the qualifier written just after it


@attrs.define
class _Year:
    """A year as written: a range of years it may be, and its canonical spelling."""

    low: int
    high: int
    digits: str  # canonical spelling without qualifiers
    precision: Precision
    position: int
    masked: str | None  # four-character X-pattern (sign apart) when X digits are used
    negative: bool
    qualifier: Qualifier = Qualifier.NONE
    exponent: bool = False


_TIME: Final = re.compile(
    r"[Tt](?P<h>\d\d)(?::(?P<m>\d\d)(?::(?P<s>\d\d)(?P<f>[.,]\d+)?)?)?"
    r"(?P<tz>Z|z|[+-]\d\d(?::?\d\d)?)?"
)
_BASIC_DATE: Final = re.compile(r"(\d{4})(\d\d)(\d\d)")
_ORDINAL_DAY: Final = re.compile(r"\d{3}(?![\dX])")
_YEAR_DIGITS: Final = re.compile(r"[\dX]{4}")
_DIGITS_OR_X: Final = re.compile(r"[\dX]*")
_TWO_DIGITS: Final = re.compile(r"[\dX]{2}")
_LONG_YEAR: Final = re.compile(r"(-?)(\d+)(?:[Ee](\d+))?")
_NUMBER: Final = re.compile(r"\d+")
_WEEK: Final = re.compile(r"(\d\d)(?:-?(\d))?")
_BASIC_DATE_TIME: Final = re.compile(r"([+-]?\d{4})(\d\d)(\d\d)[Tt](\d\d)(?::?(\d\d)(?::?(\d\d))?)?")
_CLOSING: Final = {"[": "]", "{": "}"}
_SET_KIND: Final = {"[": "one-of set", "{": "all-of set"}


@attrs.frozen
class _SetMember:
    """One member of a set as written: a date, a range ``a..b``, or a date open before or after."""

    first: UncertainDate
    last: UncertainDate
    spelled: str  # canonical EDTF, without the set's brackets
    open_before: bool = False
    open_after: bool = False

    @property
    def single(self) -> bool:
        """Whether the member is one date, neither a range nor open."""
        return self.first is self.last and not (self.open_before or self.open_after)


class _Reader:
    """A hand-written reader that knows where it is, so errors can say so."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    # -- helpers ---------------------------------------------------------------

    def fail(self, reason: str, position: int | None = None) -> NoReturn:
        raise DateParseError(self.text, reason, position=self.pos if position is None else position)

    def peek(self, width: int = 1) -> str:
        return self.text[self.pos : self.pos + width]

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def qualifier(self) -> Qualifier:
        char = self.peek()
        if char and char in _QUALIFIER_CHARS:
            self.pos += 1
            return _Q.from_symbol(char)
        return _Q.NONE

    def expect_end(self) -> None:
        if not self.at_end():
            self.fail(f"unexpected {self.peek()!r}; {_EXPECTED_DATE}")

    # -- top level ---------------------------------------------------------------

    def read(self) -> DateValue:
        text = self.text
        if not text:
            self.fail("empty date; " + _EXPECTED_DATE, 0)
        if text != text.strip():
            self.fail("leading or trailing spaces", 0 if text[0].isspace() else len(text.rstrip()))
        if "/" in text:  # never inside a set: its members are dates
            return self.read_interval()
        if text[0] in _CLOSING:
            return self.read_set_only()
        basic = _BASIC_DATE.fullmatch(text)
        if basic is not None:
            return _Reader(f"{basic[1]}-{basic[2]}-{basic[3]}").read_single(text_for_value=text)
        basic_time = _BASIC_DATE_TIME.match(text)
        if basic_time is not None:
            year, month, day, hour, minute, second = basic_time.groups()
            clock = hour + "".join(f":{part}" for part in (minute, second) if part is not None)
            self.fail(
                "a date with a time is read in extended format only, with '-' between the parts of the date "
                f"(as EDTF requires): write {year}-{month}-{day}T{clock}",
                0,
            )
        return self.read_date_only()

    def read_set_only(self) -> UncertainDate:
        """The whole text as one set."""
        value = self.read_set()
        self.expect_end()
        return value

    def read_date_only(self) -> UncertainDate:
        """The whole text as one date."""
        value = self.read_date()
        self.expect_end()
        return value

    def read_single(self, *, text_for_value: str) -> UncertainDate:
        value = self.read_date()
        self.expect_end()
        return attrs.evolve(value, text=text_for_value)

    def read_interval(self) -> Interval:
        slash = self.text.index("/")
        if self.text.count("/") > 1:
            self.fail("an interval has one '/'", self.text.index("/", slash + 1))
        if self.text[slash + 1 : slash + 2] in ("P", "p"):
            self.fail("durations (P...) are not supported; give the end as a date", slash + 1)
        start = self.read_end(slash, before_slash=True)
        self.pos = slash + 1
        end = self.read_end(len(self.text), before_slash=False)
        try:
            return Interval(start, end, text=self.text)
        except InvalidDateError as error:
            if isinstance(start, Endpoint) and isinstance(end, Endpoint):
                self.fail("an interval needs a date at one end at least; '..' is open, empty is unknown", slash)
            raise DateParseError(self.text, f"reversed interval: {error}", position=slash) from None

    def read_end(self, stop: int, *, before_slash: bool) -> UncertainDate | Endpoint:
        part = self.text[self.pos : stop]
        if part == "":
            return Endpoint.UNKNOWN
        if part == "..":
            self.pos = stop
            return Endpoint.OPEN
        if part[0] == "{":
            self.fail(
                "an interval end is one date, and an all-of set ({...}) names several; "
                "give the date, or a one-of set ([...]) of the dates it may be"
            )
        # A one-of set is how chronology writes a week or a run of days, so it reads as an end too.
        value = self.read_set(stop=stop) if part[0] == "[" else self.read_date(stop=stop)
        if self.pos != stop:
            self.fail(f"unexpected {self.peek()!r} in interval {'start' if before_slash else 'end'}")
        return value

    # -- one-of and all-of sets ----------------------------------------------------

    def read_set(self, stop: int | None = None) -> UncertainDate:
        """A one-of set ``[a, b, c..d]`` or an all-of set ``{a, b, c..d}``: one value, the hull of its members.

        The precision is the coarsest member's and a qualifier on any member
        qualifies the value. A one-of set of one Monday-to-Sunday run of days
        is a week (how a week is written).
        """
        opening = self.pos
        all_of = self.text[opening] == "{"
        members = self.read_set_members(stop)
        qualifier = _Q.NONE
        for member in members:
            qualifier |= member.first.qualifier | member.last.qualifier
        precision = max((m.precision for member in members for m in (member.first, member.last)), key=_rank)
        open_before, open_after = members[0].open_before, members[-1].open_after
        if open_before and open_after:
            self.fail("a set open on both sides says nothing of when; give at least one end", opening)
        only = members[0]
        if len(members) == 1 and not all_of and _is_calendar_week(only.first, only.last):
            precision = Precision.WEEK  # how a week (2024-W41) is written: it reads back as a week
        offsets = {m.utc_offset for member in members for m in (member.first, member.last)}
        brackets = "{}" if all_of else "[]"
        return UncertainDate(
            lo=OPEN_LO if open_before else min(member.first.lo for member in members),
            hi=OPEN_HI if open_after else max(member.last.hi for member in members),
            precision=precision,
            qualifier=qualifier,
            utc_offset=offsets.pop() if len(offsets) == 1 else None,
            edtf=brackets[0] + ", ".join(member.spelled for member in members) + brackets[1],
            text=self.text,
        )

    def read_set_members(self, stop: int | None = None) -> list[_SetMember]:
        """The members of the set at ``self.pos`` (ending before ``stop``), as written; leaves ``self.pos`` after it."""
        opening = self.pos
        bracket = self.text[opening]
        kind = _SET_KIND[bracket]
        close = self.text.find(_CLOSING[bracket], opening + 1, len(self.text) if stop is None else stop)
        if close < 0:
            self.fail(f"{kind} has no closing {_CLOSING[bracket]!r}", opening)
        self.pos += 1
        members: list[_SetMember] = []
        while True:
            dots = self.pos
            open_before = self.text.startswith("..", dots)
            if open_before:
                if members and bracket == "[":
                    self.fail("only the first member of a set may be open before ('[..1760-12-03, 1762]')")
                self.pos += 2
            first = self.read_member_date(close, kind)
            if open_before:
                if bracket == "{":
                    self.refuse_open_member(f"..{first.edtf}", dots)
                if self.text.startswith("..", self.pos):
                    self.fail("a set open on both sides says nothing of when; give at least one end", opening)
                members.append(_SetMember(first, first, f"..{first.edtf}", open_before=True))
            elif self.text.startswith("..", self.pos):
                dots = self.pos
                self.pos += 2
                if bracket == "{" and self.pos in (close, self.text.find(",", dots, close)):
                    self.refuse_open_member(f"{first.edtf}..", dots)
                if self.pos == close:
                    members.append(_SetMember(first, first, f"{first.edtf}..", open_after=True))
                    break
                if self.peek() == ",":
                    self.fail("only the last member of a set may be open after ('[1760, 1762-12..]')")
                range_start = self.pos
                last = self.read_member_date(close, kind)
                if last.lo < first.lo:
                    self.fail(f"reversed range in set: {last.edtf} comes before {first.edtf}", range_start)
                members.append(_SetMember(first, last, f"{first.edtf}..{last.edtf}"))
            else:
                members.append(_SetMember(first, first, first.edtf))
            if self.pos == close:
                break
            if self.peek() != ",":
                self.fail(f"unexpected {self.peek()!r} in {kind}; members are separated by ','")
            self.pos += 1
            while self.peek() == " ":
                self.pos += 1
        self.pos = close + 1
        return members

    def read_member_date(self, close: int, kind: str) -> UncertainDate:
        """One date inside a set; a week date is refused, since EDTF writes a week as a set itself."""
        start = self.pos
        value = self.read_date(stop=close)
        if value.edtf.startswith("["):
            self.fail(
                f"a week date cannot be a member of a set ({kind}); give the week's days as a range "
                f"({value.edtf[1:-1]})",
                start,
            )
        return value

    def refuse_open_member(self, member: str, position: int) -> NoReturn:
        """Refuse an open member of an all-of set: all of an endless run of dates is no event's date."""
        before = member.startswith("..")
        interval = f"../{member[2:]}" if before else f"{member[:-2]}/.."
        self.fail(
            f"an all-of set cannot have an open member ({member}): it would take in every date "
            f"{'up to' if before else 'from'} {member.strip('.')}{'' if before else ' on'}; list every member, "
            "or write an interval "
            f"({interval}) or a one-of set ([{member}])",
            position,
        )

    # -- a single date -------------------------------------------------------------

    def read_date(self, stop: int | None = None) -> UncertainDate:
        """Read one date at ``self.pos``: year, then optional month/season/week, day, time."""
        start = self.pos
        stop = len(self.text) if stop is None else stop
        left = self.qualifier()
        year = self.read_year()
        year.qualifier = left | self.qualifier()
        month: _Component | None = None
        day: _Component | None = None
        if year.exponent and self.peek() == "-" and self.pos + 1 < stop:
            self.fail("a year written with an exponent (Y17E7) stands alone: it takes no month or day")
        if self.peek() == "-" and self.pos + 1 < stop:
            self.pos += 1
            if self.peek() in ("W", "w"):
                return self.read_week(year, start)
            if _ORDINAL_DAY.match(self.text, self.pos) and year.masked is None:
                return self.read_ordinal(year, start)
            month = self.read_component("month")
            if self.peek() == "-" and self.pos + 1 < stop:
                self.pos += 1
                day = self.read_component("day")
        elif self.peek() in ("W", "w"):
            return self.read_week(year, start)
        self.spread_qualifiers(year, [c for c in (month, day) if c is not None])
        if self.peek() in ("T", "t"):
            return self.read_time(year, month, day, start, stop)
        return self.build(year, month, day, start)

    def read_year(self) -> _Year:
        start = self.pos
        if self.peek() in ("Y", "y"):
            return self.read_long_year()
        negative = self.peek() == "-"
        if negative or self.peek() == "+":
            self.pos += 1
        digits = self.text[self.pos : self.pos + 4]
        if len(digits) < 4 or not _YEAR_DIGITS.fullmatch(digits):
            found = _DIGITS_OR_X.match(self.text, self.pos)
            count = len(found.group()) if found else 0
            if count == 0:
                self.fail(_EXPECTED_DATE, self.pos)
            self.fail(
                f"a year has four digits (or 'Y' and more digits, as Y12345); found {count}",
                start,
            )
        self.pos += 4
        if self.peek().isdigit():
            self.fail("a year has four digits (or 'Y' and more digits, as Y12345)", start)
        significant = self.read_significant(digits)
        if "X" in digits:
            low, high = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
            hidden = len(digits) - len(digits.rstrip("X"))
            # Only trailing X digits make a decade, century or millennium; others leave a year.
            only_trailing = "X" not in digits.rstrip("X")
            precision = _YEAR_PRECISION_BY_HIDDEN[min(hidden, 3)] if only_trailing else Precision.YEAR
            if negative:
                low, high = -high, -low
            spelled = ("-" if negative else "") + digits
            return _Year(low, high, spelled, precision, start, digits, negative)
        value = -int(digits) if negative else int(digits)
        if negative and value == 0:
            self.fail("year -0000 does not exist; year 0000 is 1 BCE", start)
        spelled = format_year(value)
        if significant is not None:
            return self.significant_year(value, len(digits), significant, spelled, start)
        return _Year(value, value, spelled, Precision.YEAR, start, None, negative)

    def read_long_year(self) -> _Year:
        start = self.pos
        self.pos += 1
        match = _LONG_YEAR.match(self.text[self.pos :])
        if match is None:
            self.fail("'Y' is followed by the year's digits, as Y12345 or Y-12345")
        self.pos += match.end()
        sign, digits, exponent = match.groups()
        leading, power = digits.lstrip("0"), (exponent or "").lstrip("0")
        if leading and (len(power) > 2 or len(leading) + int(power or 0) > len(str(MAX_ABS_YEAR))):
            # refused before converting the digits or computing 10**exponent, which could take forever
            written = f"{sign}{leading}" if exponent is None else self.text[start : self.pos]
            written = written if len(written) <= 24 else f"{written[:12]}...({len(written)} characters)"
            self.fail(f"year {written} lies beyond the supported range of +/-{MAX_ABS_YEAR:,} years", start)
        value = int(leading) * 10 ** int(power or 0) if leading else 0
        if sign:
            value = -value
        if exponent is None and len(digits) <= 4:
            self.fail("a 'Y' year has more than four digits; write four-digit years plainly", start)
        if abs(value) > MAX_ABS_YEAR:
            self.fail(f"year {value} lies beyond the supported range of +/-{MAX_ABS_YEAR:,} years", start)
        spelled = f"Y{sign}{digits}" + (f"E{exponent}" if exponent is not None else "")
        significant = self.read_significant(digits)
        if significant is not None:
            year = self.significant_year(value, len(str(abs(value))), significant, spelled, start)
        else:
            year = _Year(value, value, spelled, Precision.YEAR, start, None, value < 0)
        year.exponent = exponent is not None
        return year

    def read_significant(self, digits: str) -> int | None:
        if self.peek() != "S":
            return None
        start = self.pos
        self.pos += 1
        match = _NUMBER.match(self.text[self.pos :])
        if match is None:
            self.fail("'S' is followed by the number of significant digits, as 1950S2")
        self.pos += match.end()
        count = int(match.group()) if len(match.group()) <= 4 else 10_000  # more digits than any year has
        if "X" in digits or not 1 <= count <= len(digits.lstrip("-")):
            self.fail(f"significant digits must be 1 to {len(digits)}", start)
        return count

    def significant_year(self, value: int, width: int, significant: int, spelled: str, start: int) -> _Year:
        hidden = width - significant
        scale = 10**hidden
        magnitude = abs(value) // scale * scale
        low, high = magnitude, magnitude + scale - 1
        if value < 0:
            low, high = -high, -low
        precision = _YEAR_PRECISION_BY_HIDDEN[min(hidden, 3)]
        return _Year(low, high, f"{spelled}S{significant}", precision, start, None, value < 0)

    def read_component(self, name: str) -> _Component:
        left = self.qualifier()
        start = self.pos
        digits = self.text[self.pos : self.pos + 2]
        if len(digits) < 2 or not _TWO_DIGITS.fullmatch(digits):
            self.fail(f"a {name} has two digits (01-{'12' if name == 'month' else '31'}, X for unknown)")
        self.pos += 2
        return _Component(digits, start, left, self.qualifier())

    @staticmethod
    def spread_qualifiers(year: _Year, components: list[_Component]) -> None:
        """Apply level-2 rules: a qualifier right of a component covers it and all to its left."""
        if all(component.right is _Q.NONE for component in components):
            return  # the common case: nothing to spread (and Flag arithmetic is slow)
        carried = _Q.NONE
        for component in reversed(components):
            carried |= component.right
            component.qualifier |= component.right | carried
        year.qualifier |= carried

    # -- week, ordinal and time forms ---------------------------------------------

    def read_week(self, year: _Year, start: int) -> UncertainDate:
        self.pos += 1
        match = _WEEK.match(self.text[self.pos :])
        if match is None or year.masked is not None or year.low != year.high:
            self.fail("a week date is YYYY-Www or YYYY-Www-D, as 2024-W41 or 2024-W41-5")
        week, weekday = int(match[1]), match[2]
        if not 1 <= year.low <= 9999:
            self.fail("week dates are read for years 1-9999", start)
        try:
            monday = datetime.date.fromisocalendar(year.low, week, 1).toordinal()
        except ValueError:
            self.fail(f"week {week} does not exist in {year.low}; expected 01-52 or 01-53", self.pos)
        weekday_position = self.pos + match.start(2) if weekday else self.pos
        self.pos += match.end()
        qualifier = _joined(year.qualifier, self.qualifier())
        if weekday is not None:
            day_of_week = int(weekday)
            if not 1 <= day_of_week <= 7:
                self.fail(f"weekday {day_of_week} does not exist; expected 1 (Monday) to 7 (Sunday)", weekday_position)
            number = monday + day_of_week - 1
            value = UncertainDate.from_days(number, number, Precision.DAY, qualifier=qualifier)
        else:
            value = UncertainDate.from_days(monday, monday + 6, Precision.WEEK, qualifier=qualifier)
        return attrs.evolve(value, text=self.text)

    def read_ordinal(self, year: _Year, start: int) -> UncertainDate:
        position = self.pos
        ordinal = int(self.text[self.pos : self.pos + 3])
        self.pos += 3
        length = 366 if _calendar.is_valid(year.low, 2, 29) else 365
        if year.low != year.high or not 1 <= ordinal <= length:
            self.fail(f"day {ordinal} of the year does not exist in {year.low}; expected 001-{length}", position)
        number = _calendar.day_number(year.low, 1, 1) + ordinal - 1
        value = UncertainDate.from_days(
            number, number, Precision.DAY, qualifier=_joined(year.qualifier, self.qualifier())
        )
        return attrs.evolve(value, text=self.text)

    def read_time(
        self, year: _Year, month: _Component | None, day: _Component | None, start: int, stop: int
    ) -> UncertainDate:
        position = self.pos
        if month is None or day is None:
            self.fail("a time follows a full date (YYYY-MM-DDThh:mm:ss)")
        qualified = _joined(year.qualifier, month.qualifier, day.qualifier)
        if year.masked is not None or "X" in month.digits + day.digits or qualified:
            self.fail("a date with a time cannot have unspecified digits or qualifiers", position)
        match = _TIME.match(self.text[self.pos : stop])
        if match is None:
            self.fail("a time is Thh, Thh:mm or Thh:mm:ss, optionally with Z or an offset (+09:00)")
        self.pos += match.end()
        hour, minute, second = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            clock = f"{hour:02d}:{minute:02d}:{second:02d}"
            self.fail(f"time {clock} does not exist; expected 00:00:00-23:59:59", position + 1)
        date_value = self.build(year, month, day, start)
        precision = Precision.SECOND if match["s"] else Precision.MINUTE if match["m"] else Precision.HOUR
        offset = self.read_offset(match["tz"], position + match.start("tz"))
        lo = date_value.lo + hour * 3600 + minute * 60 + second
        span = {Precision.SECOND: 0, Precision.MINUTE: 59, Precision.HOUR: 3599}[precision]
        clock = f"{hour:02d}" + (f":{minute:02d}" if match["m"] else "") + (f":{second:02d}" if match["s"] else "")
        fraction = (match["f"] or "").replace(",", ".")
        zone = "" if offset is None else "Z" if offset == 0 and match["tz"] in ("Z", "z") else _format_offset(offset)
        # EDTF has no qualifier on a time; chronology reads and writes one after it ("about 3 a.m.": T03~).
        qualifier = self.qualifier()
        edtf = f"{date_value.edtf}T{clock}{fraction}{zone}{qualifier.symbol}"
        return UncertainDate(
            lo=lo, hi=lo + span, precision=precision, qualifier=qualifier, utc_offset=offset, edtf=edtf, text=self.text
        )

    def read_offset(self, spelled: str | None, position: int) -> int | None:
        if spelled is None:
            return None
        if spelled in ("Z", "z"):
            return 0
        sign = -1 if spelled[0] == "-" else 1
        digits = spelled[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            self.fail(f"offset {spelled} does not exist; expected -23:59 to +23:59", position)
        return sign * (hours * 3600 + minutes * 60)

    # -- from components to a value --------------------------------------------------

    def build(self, year: _Year, month: _Component | None, day: _Component | None, start: int) -> UncertainDate:
        if month is not None and "X" not in month.digits:
            code = int(month.digits)
            if code >= 21:
                if day is not None:
                    self.fail("a season or quarter (21-41) takes no day", day.position)
                return self.build_grouping(year, month, code)
        months = self.candidates(month, 12, "month", "expected 01-12, or 21-41 for seasons and quarters")
        days = self.candidates(day, 31, "day", "expected 01-31")
        first = self.first_valid(year, months, days, ascending=True)
        last = self.first_valid(year, months, days, ascending=False)
        if first is None or last is None:
            assert day is not None  # months alone always exist
            self.fail(self.no_such_day(year, months, days, day), day.position)
        precision = self.precision(year, month, day)
        qualifiers = [year.qualifier] + [c.qualifier for c in (month, day) if c is not None]
        qualifier = _joined(*qualifiers)
        edtf = _spell(year, month, day, qualifiers)
        return UncertainDate(
            lo=first * SECONDS_PER_DAY,
            hi=last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1,
            precision=precision,
            qualifier=qualifier,
            edtf=edtf,
            text=self.text,
        )

    def build_grouping(self, year: _Year, month: _Component, code: int) -> UncertainDate:
        if code not in GROUPINGS:
            self.fail(
                f"month {code} does not exist; expected 01-12, or 21-41 for seasons and quarters",
                month.position,
            )
        precision, first, last = _grouping_days(year.low, year.high, code)
        qualifiers = [year.qualifier, month.qualifier]
        qualifier = _joined(year.qualifier, month.qualifier)
        return UncertainDate(
            lo=first * SECONDS_PER_DAY,
            hi=last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1,
            precision=precision,
            qualifier=qualifier,
            edtf=_spell(year, month, None, qualifiers),
            text=self.text,
        )

    def candidates(self, component: _Component | None, highest: int, name: str, accepted: str) -> list[int]:
        if component is None:
            return list(range(1, highest + 1))
        pattern = component.digits
        if pattern == "XX":
            return list(range(1, highest + 1))  # what the filter below keeps: every value
        if "X" not in pattern:
            value = int(pattern)
            if not 1 <= value <= highest:
                self.fail(f"{name} {pattern} does not exist; {accepted}", component.position)
            return [value]
        values = [v for v in range(1, highest + 1) if _matches(f"{v:02d}", pattern)]
        if not values:
            self.fail(f"no {name} matches {pattern!r}; {accepted}", component.position)
        return values

    def first_valid(self, year: _Year, months: list[int], days: list[int], *, ascending: bool) -> int | None:
        """Day number of the first (or last) existing date the components allow."""
        month_order = months if ascending else months[::-1]
        day_order = days if ascending else days[::-1]
        for y in _years(year, ascending=ascending):
            for m in month_order:
                length = _calendar.days_in_month(y, m)
                for d in day_order:
                    if d <= length:
                        return _calendar.day_number(y, m, d)
        return None

    def no_such_day(self, year: _Year, months: list[int], days: list[int], day: _Component) -> str:
        if len(months) == 1 and len(days) == 1 and year.low == year.high:
            length = _calendar.days_in_month(year.low, months[0])
            month = f"{format_year(year.low)}-{months[0]:02d}"
            nearest = self.nearest(day, length, month)
            return f"day {days[0]:02d} does not exist in {month}; expected 01-{length:02d}{nearest}"
        return f"no existing date matches day {day.digits!r} in that month and year"

    def nearest(self, day: _Component, length: int, month: str) -> str:
        """The text with the month's last day for ``day``, for a refusal: "; did you mean '2019-04-30'?".

        The whole text, so that a time or the other end of an interval is kept
        ('2019-04-30T10:00'); where that still does not read (another day past
        its month's end), the date alone (``month``, ``2019-04``, and the day).
        """
        text, at = self.text, day.position
        fixed = f"{text[:at]}{length:02d}{text[at + 2 :]}" if text[at : at + 2] == day.digits else ""
        try:
            parse_edtf(fixed)
        except ChronologyError:
            fixed = f"{month}-{length:02d}"
        return f"; did you mean {fixed!r}?"

    @staticmethod
    def precision(year: _Year, month: _Component | None, day: _Component | None) -> Precision:
        """The finest component that is not wholly unspecified names the precision."""
        if day is not None and day.digits != "XX":
            return Precision.DAY
        if month is not None and month.digits != "XX":
            return Precision.MONTH
        return year.precision


def _grouping_days(low: int, high: int, code: int) -> tuple[Precision, int, int]:
    """Precision, first and last day number of the sub-year grouping ``code`` (21-41) of the years ``low``-``high``."""
    precision, first_month, count, _ = GROUPINGS[code]
    last_month_index = first_month + count - 2  # zero-based month index of the last month
    end_year_offset, last_month = divmod(last_month_index, 12)
    first = _calendar.day_number(low, first_month, 1)
    end_year = high + end_year_offset
    last = _calendar.day_number(end_year, last_month + 1, _calendar.days_in_month(end_year, last_month + 1))
    return precision, first, last


def _rank(precision: Precision) -> int:
    return precision.rank


_YEAR_PRECISION_BY_HIDDEN: Final = {
    0: Precision.YEAR,
    1: Precision.DECADE,
    2: Precision.CENTURY,
    3: Precision.MILLENNIUM,
}


def _matches(value: str, pattern: str) -> bool:
    return all(p in ("X", v) for v, p in zip(value, pattern, strict=True))


def _years(year: _Year, *, ascending: bool) -> Iterator[int]:
    """Every year the written year may be, in order."""
    if year.masked is None:
        yield from (range(year.low, year.high + 1) if ascending else range(year.high, year.low - 1, -1))
        return
    choices = [("0123456789" if c == "X" else c) for c in year.masked]
    # Larger magnitudes first for descending positive years, and the reverse for negative ones.
    magnitude_ascending = ascending != year.negative
    digit_choices = [c if magnitude_ascending else c[::-1] for c in choices]
    for combo in itertools.product(*digit_choices):
        magnitude = int("".join(combo))
        value = -magnitude if year.negative else magnitude
        if value == 0 and year.negative:
            continue
        yield value


def _spell(year: _Year, month: _Component | None, day: _Component | None, qualifiers: list[Qualifier]) -> str:
    """Canonical EDTF of components: one trailing qualifier when all agree, else one per component."""
    digits = [year.digits] + [c.digits for c in (month, day) if c is not None]
    if len(set(qualifiers)) == 1:
        return "-".join(digits) + qualifiers[0].symbol
    return "-".join(q.symbol + d for q, d in zip(qualifiers, digits, strict=True))


def _format_offset(offset: int) -> str:
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def _joined(*qualifiers: Qualifier) -> Qualifier:
    """The union of ``qualifiers``, without Flag arithmetic for the NONE ones: most are, and it is slow."""
    found: Qualifier = _Q.NONE
    for qualifier in qualifiers:
        if qualifier.value:
            found = found | qualifier if found.value else qualifier
    return found
