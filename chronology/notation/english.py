"""English date phrases as news reports write them.

A phrase becomes a :class:`~chronology.relative.RelativeDate` (a typed rule,
resolved later against an anchor), or an absolute value when it gives its own
year ("1950-1953"). Phrases the reader does not know are errors, never guesses.

Known forms (case, a leading "in", "on", "during", "as of" and trailing
punctuation are ignored):

* months: "June", "in June", "June 2024", "September 2023", "Sept. 2023";
* days: "October 3", "Oct. 3, 2024", "3 October 2024", "the 3rd of October";
* parts: "early October", "mid-October 2024", "late October";
* weeks: "the second week of October" (first to fifth);
* weekdays: "Friday", "on Tuesday", "last Friday", "next Monday", "this Thursday";
* distances: "three weeks ago", "2 days ago", "a month ago", "a few days ago",
  "days before", "two days after", "weeks later";
* named periods: see :data:`chronology.relative.PERIODS` ("earlier this month",
  "this past week", "this week", "last month", "in recent months", ...);
* year ranges: "1950-1953".
"""

from __future__ import annotations

import re
from typing import Final, Literal

from chronology import _calendar
from chronology.dates import Interval, UncertainDate
from chronology.errors import DateParseError
from chronology.notation.edtf import parse_edtf
from chronology.relative import (
    PERIODS,
    MonthPart,
    MonthRule,
    NamedPeriod,
    Offset,
    RelativeDate,
    Unit,
    WeekdayRule,
)

__all__ = ["EXPECTED_ENGLISH", "read_english"]

MONTHS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
NUMBERS: Final = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBERS.update({"a": 1, "an": 1, "a couple of": 2})
#: Vague amounts, as (fewest, most).
VAGUE: Final = {"a few": (2, 4), "several": (3, 9), "": (1, 10)}
ORDINALS: Final = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_AMOUNT = r"(?P<amount>\d+|" + "|".join(sorted([*NUMBERS, "a few", "several"], key=len, reverse=True)) + ")"

_PATTERNS: Final = [
    ("month", re.compile(rf"{_MONTH}(?:,?\s+{_YEAR})?")),
    ("month_day", re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?")),
    ("day_month", re.compile(rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?")),
    ("part", re.compile(rf"(?P<part>early|mid|late)(?:\s*-\s*|\s+){_MONTH}(?:,?\s+{_YEAR})?")),
    (
        "week",
        re.compile(rf"(?:the\s+)?(?P<ordinal>{'|'.join(ORDINALS)})\s+week\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    ),
    ("weekday", re.compile(rf"(?:(?P<which>last|next|this)\s+)?{_WEEKDAY}")),
    (
        "offset",
        re.compile(
            rf"{_AMOUNT}\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?P<direction>ago|before|earlier|after|later|from now)"
        ),
    ),
    ("vague_offset", re.compile(r"(?P<unit>day|week|month|year)s\s+(?P<direction>before|earlier|after|later)")),
    ("year_range", re.compile(r"(?P<first>-?\d{4})\s*[-\u2013\u2014]\s*(?P<last>-?\d{4})")),
]

_WHICH: Final[dict[str, Literal["bare", "last", "next", "this"]]] = {
    "bare": "bare",
    "last": "last",
    "next": "next",
    "this": "this",
}
_LEADING: Final = re.compile(r"(?:in|on|during|as of|at)\s+")  # not "around": a hedge must not be dropped

EXPECTED_ENGLISH: Final = (
    "expected an ISO 8601/EDTF date (2024-10-18, 2024-06, 2024-06~, 2024-10-07/2024-10-13) or an English phrase "
    "such as 'June 2024', 'in June', 'October 3', 'early October', 'the second week of October', 'Friday', "
    "'last Friday', 'three weeks ago', 'days before', 'earlier this month', 'this past week', 'in recent months'"
)


def normalise(text: str) -> str:
    """Lower case, one space between words, curly quotes made plain, no trailing punctuation."""
    cleaned = text.replace("\u2019", "'").replace("\u00a0", " ").lower()
    cleaned = " ".join(cleaned.split())
    return cleaned.rstrip(".,;:!")


def read_english(text: str) -> RelativeDate | Interval:
    """Read an English phrase into a relative date, or an interval for year ranges.

    Raises:
        DateParseError: the phrase is not one this reader knows, or names a
            date that cannot exist ("February 30").

    """
    phrase = normalise(text)
    if not phrase:
        raise DateParseError(text, "empty date; " + EXPECTED_ENGLISH, position=0)
    candidates = [phrase]
    stripped = _LEADING.sub("", phrase, count=1)
    if _LEADING.match(phrase) and stripped:
        candidates.append(stripped)
    for candidate in candidates:
        if candidate in PERIODS:
            return RelativeDate(NamedPeriod(candidate), text)
        for name, pattern in _PATTERNS:
            match = pattern.fullmatch(candidate)
            if match is not None:
                return _build(name, match, text)
    raise DateParseError(text, _unknown_reason(phrase), position=_first_unknown_word(text))


def _build(name: str, match: re.Match[str], text: str) -> RelativeDate | Interval:
    groups = match.groupdict()
    if name == "year_range":
        first = parse_edtf(f"{int(groups['first']):04d}")
        last = parse_edtf(f"{int(groups['last']):04d}")
        if last.lo < first.lo:
            raise DateParseError(text, f"reversed year range: {groups['last']} comes before {groups['first']}")
        assert isinstance(first, UncertainDate)
        assert isinstance(last, UncertainDate)
        return Interval(first, last, text=text)
    if name == "weekday":
        which = _WHICH[groups["which"] or "bare"]
        return RelativeDate(WeekdayRule(WEEKDAYS[groups["weekday"]], which), text)
    if name in ("offset", "vague_offset"):
        return RelativeDate(_offset(groups), text)
    month = MONTHS[groups["month"]]
    year = int(groups["year"]) if groups.get("year") else None
    if year == 0:
        raise DateParseError(text, "year 0000 is not written in English; use EDTF 0000 or '1 BCE'")
    if name == "month":
        rule = MonthRule(month, year)
    elif name == "part":
        rule = MonthRule(month, year, part=MonthPart(groups["part"]))
    elif name == "week":
        rule = MonthRule(month, year, week=ORDINALS[groups["ordinal"]])
    else:
        day = int(groups["day"])
        if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            raise DateParseError(text, f"day {day} does not exist in {groups['month'].title()}")
        if year is not None and day > _calendar.days_in_month(year, month):
            raise DateParseError(text, f"day {day} does not exist in {groups['month'].title()} {year}")
        rule = MonthRule(month, year, day=day)
    relative = RelativeDate(rule, text)
    if year is not None:
        # Check at once that a dated phrase exists ("February 29, 2023" does not).
        relative.resolve(None)
    return relative


def _offset(groups: dict[str, str]) -> Offset:
    amount = groups.get("amount")
    if amount is None:
        low, high = VAGUE[""]
    elif amount.isdigit():
        low = high = int(amount)
    elif amount in VAGUE:
        low, high = VAGUE[amount]
    else:
        low = high = NUMBERS[amount]
    direction: Literal[-1, 1] = -1 if groups["direction"] in ("ago", "before", "earlier") else 1
    return Offset(low, high, Unit(groups["unit"]), direction)


def _unknown_reason(phrase: str) -> str:
    words = phrase.split()
    if any(word.rstrip(".,") in MONTHS or word.rstrip(".,") in WEEKDAYS for word in words):
        return "a phrase with a month or weekday that this reader does not know how to read; " + EXPECTED_ENGLISH
    return "not a date this reader knows; " + EXPECTED_ENGLISH


def _first_unknown_word(text: str) -> int:
    """Position of the first word that is neither a date word nor a number."""
    known = set(MONTHS) | set(WEEKDAYS) | set(NUMBERS) | {
        "in", "on", "during", "the", "of", "ago", "before", "after", "last", "next", "this",
        "early", "mid", "late", "week", "weeks", "day", "days", "month", "months", "year", "years",
        "earlier", "later", "past", "recent", "a", "few", "several",
    }  # fmt: skip
    for match in re.finditer(r"[^\s,.]+", text):
        word = match.group().lower()
        if word not in known and not word.isdigit() and word not in ORDINALS:
            return match.start()
    return 0
