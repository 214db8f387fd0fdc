"""The catalogue of bad input: every kind of malformed input, the error it gets and what the message says.

People feed chronology hand-written files, scraped dates and spreadsheets. For
each input below the answer is a ``ChronologyError`` of the class given (never
another exception) whose message repeats the input, says where (a position in
the text; ``path:line:column``, the event id and the field in a file) and what
is accepted. The command line answers with a non-zero exit, the problem on
standard error and no traceback.

Sections: dates (``parse``), event files (``load``), changing files
(``EventFile``), the command line (in process, then in real subprocesses), and
the CSV/JSON importers. ``docs/reliability.md`` counts them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from io import StringIO
from pathlib import Path
from typing import NamedTuple

import pytest

import chronology
from chronology import (
    ChronologyError,
    DateParseError,
    DateRangeError,
    EventFile,
    EventFileError,
    FileChangedError,
    FileWriteError,
    InvalidEventError,
)
from chronology.cli import main

ROOT = Path(__file__).resolve().parent.parent

#: The list of accepted forms that refusals of unknown text end with.
ENGLISH = (
    "expected ISO 8601/EDTF (2024-10-18, 2024-06~, 2024-10-07/2024-10-13) or English such as 'June 2024', "
    "'c. 1400', 'the 1450s', 'before 23 August 1456', 'Friday'; run 'chronology forms' to list the forms read"
)
NOTATION = (
    "expected an ISO 8601 or EDTF date such as 2024, 2024-06, 2024-10-18, 2024-10-18T14:30:00+09:00, 2024-W41, "
    "2024-06~, 201X, 2024-21, 2024-10-07/2024-10-13 or [2024-10-07..2024-10-13]"
)
MONTHS = "expected 01-12, or 21-41 for seasons and quarters"
ID_RULE = "use letters, digits, '-', '_' and '.', starting with a letter or digit"
DATE_SHAPE = 'a date as a string ("2024-10-18", "June 2024", "Friday") or a TOML date'


# == dates ==========================================================================================================


class BadDate(NamedTuple):
    text: object  # what was given to parse(): usually text, sometimes not even that
    error: type[ChronologyError]
    message: str  # the whole message, exactly
    position: int | None = None
    anchor: str | None = None  # read the text against this date


def _date(name: str, *args: object, **kwargs: object) -> object:
    return pytest.param(BadDate(*args, **kwargs), id=name)  # type: ignore[arg-type]


DATES = [
    # dates that do not exist
    _date(
        "impossible-leap-day",
        "2023-02-29",
        DateParseError,
        "'2023-02-29' (at character 9): day 29 does not exist in 2023-02; expected 01-28; did you mean '2023-02-28'?",
        8,
    ),
    _date(
        "impossible-february-30",
        "2024-02-30",
        DateParseError,
        "'2024-02-30' (at character 9): day 30 does not exist in 2024-02; expected 01-29; did you mean '2024-02-29'?",
        8,
    ),
    _date("month-13", "2024-13", DateParseError, f"'2024-13' (at character 6): month 13 does not exist; {MONTHS}", 5),
    _date("month-00", "2024-00", DateParseError, f"'2024-00' (at character 6): month 00 does not exist; {MONTHS}", 5),
    _date(
        "day-32",
        "2024-10-32",
        DateParseError,
        "'2024-10-32' (at character 9): day 32 does not exist; expected 01-31",
        8,
    ),
    _date(
        "hour-24",
        "2024-10-18T24:00",
        DateParseError,
        "'2024-10-18T24:00' (at character 12): time 24:00:00 does not exist; expected 00:00:00-23:59:59",
        11,
    ),
    _date(
        "minute-60",
        "2024-10-18T12:60",
        DateParseError,
        "'2024-10-18T12:60' (at character 12): time 12:60:00 does not exist; expected 00:00:00-23:59:59",
        11,
    ),
    _date(
        "offset-25h",
        "2024-10-18T10:00+25:00",
        DateParseError,
        "'2024-10-18T10:00+25:00' (at character 17): offset +25:00 does not exist; expected -23:59 to +23:59",
        16,
    ),
    _date(
        "week-54",
        "2024-W54",
        DateParseError,
        "'2024-W54' (at character 7): week 54 does not exist in 2024; expected 01-52 or 01-53",
        6,
    ),
    _date(
        "weekday-8",
        "2024-W41-8",
        DateParseError,
        "'2024-W41-8' (at character 10): weekday 8 does not exist; expected 1 (Monday) to 7 (Sunday)",
        9,
    ),
    _date(
        "ordinal-366-in-common-year",
        "2023-366",
        DateParseError,
        "'2023-366' (at character 6): day 366 of the year does not exist in 2023; expected 001-365",
        5,
    ),
    _date(
        "masked-day-that-cannot-be",
        "2024-02-3X",
        DateParseError,
        "'2024-02-3X' (at character 9): no existing date matches day '3X' in that month and year",
        8,
    ),
    _date(
        "season-with-a-day",
        "2024-21-03",
        DateParseError,
        "'2024-21-03' (at character 9): a season or quarter (21-41) takes no day",
        8,
    ),
    _date(
        "english-february-30",
        "February 30",
        DateParseError,
        "'February 30': day 30 does not exist in February; did you mean '29 February'?",
    ),
    _date(
        "english-leap-day-of-a-common-year",
        "February 29, 2023",
        DateParseError,
        "'February 29, 2023': day 29 does not exist in February 2023; did you mean '28 February 2023'?",
    ),
    _date(
        "english-day-32",
        "32 October",
        DateParseError,
        "'32 October': day 32 does not exist in October; did you mean '31 October'?",
    ),
    # reversed intervals and ranges
    _date(
        "reversed-interval",
        "2024-10/2024-09",
        DateParseError,
        "'2024-10/2024-09' (at character 8): reversed interval: interval '2024-10/2024-09' ends (September 2024) "
        "before it starts (October 2024)",
        7,
    ),
    _date(
        "reversed-set-range",
        "[2024-10-13..2024-10-07]",
        DateParseError,
        "'[2024-10-13..2024-10-07]' (at character 14): reversed range in set: 2024-10-07 comes before 2024-10-13",
        13,
    ),
    _date(
        "reversed-year-range",
        "1953-1950",
        DateParseError,
        "'1953-1950': reversed range: 1950 comes before 1953",
    ),
    _date(
        "reversed-year-range-en-dash",
        "2024\u20132023",
        DateParseError,
        "'2024\u20132023': reversed range: 2023 comes before 2024",
    ),
    # huge and negative years, year zero
    _date(
        "year-beyond-a-billion",
        "Y99999999999",
        DateParseError,
        "'Y99999999999' (at character 1): year 99999999999 lies beyond the supported range of +/-1,000,000,000 years",
        0,
    ),
    _date(
        "negative-year-beyond-a-billion",
        "Y-99999999999",
        DateParseError,
        "'Y-99999999999' (at character 1): year -99999999999 lies beyond the supported range of +/-1,000,000,000 years",
        0,
    ),
    _date(  # found by fuzzing: computed 10**999999999 first, which never ends
        "year-exponent-that-never-ends",
        "Y1E999999999",
        DateParseError,
        "'Y1E999999999' (at character 1): year Y1E999999999 lies beyond the supported range of +/-1,000,000,000 years",
        0,
    ),
    _date(  # found by fuzzing: escaped as a ValueError (integer string conversion limit)
        "year-exponent-past-the-digit-limit",
        "Y9E90001",
        DateParseError,
        "'Y9E90001' (at character 1): year Y9E90001 lies beyond the supported range of +/-1,000,000,000 years",
        0,
    ),
    _date(
        "negative-year-zero",
        "-0000",
        DateParseError,
        "'-0000' (at character 1): year -0000 does not exist; year 0000 is 1 BCE",
        0,
    ),
    _date(
        "english-year-zero",
        "June 0000",
        DateParseError,
        "'June 0000': year 0000 is not written in English; write '1 BCE' (EDTF: 0000)",
    ),
    _date(
        "week-date-before-year-1",
        "-2024-W01",
        DateParseError,
        "'-2024-W01' (at character 1): week dates are read for years 1-9999",
        0,
    ),
    _date(
        "relative-to-a-far-year",
        "Friday",
        DateRangeError,
        "'Friday': relative phrases are resolved against anchors in years 1-9999",
        anchor="Y-1000000000",
    ),
    _date(
        "relative-before-year-1",
        "three weeks ago",
        DateParseError,
        "'three weeks ago': names no date against anchor 0001-01-01",
        anchor="0001-01-01",
    ),
    _date(
        "relative-absurd-distance",
        "99999999999999999999 days ago",
        DateParseError,
        "'99999999999999999999 days ago': names no date against anchor 2024-10-18",
        anchor="2024-10-18",
    ),
    # empty text
    _date("empty", "", DateParseError, f"'': empty date; {ENGLISH}", 0),
    _date("only-whitespace", "   \t ", DateParseError, f"'   \\t ' (at character 1): empty date; {ENGLISH}", 0),
    # stray unicode and control characters
    _date(
        "nul-character",
        "2024\x00",
        DateParseError,
        "'2024\\x00' (at character 5): contains a control or unprintable character (U+0000)",
        4,
    ),
    _date(  # found by fuzzing: a tab or newline inside the text escaped as StopIteration
        "tab-inside",
        "June\t2024",
        DateParseError,
        "'June\\t2024' (at character 5): contains a control or unprintable character (U+0009)",
        4,
    ),
    _date(
        "newline-inside",
        "2024\n10",
        DateParseError,
        "'2024\\n10' (at character 5): contains a control or unprintable character (U+000A)",
        4,
    ),
    _date(
        "zero-width-space",
        "2024\u200b-10",
        DateParseError,
        "'2024\\u200b-10' (at character 5): contains a control or unprintable character (U+200B)",
        4,
    ),
    _date(
        "byte-order-mark",
        "\ufeff2024-10-18",
        DateParseError,
        "'\\ufeff2024-10-18' (at character 1): contains a control or unprintable character (U+FEFF)",
        0,
    ),
    _date(
        "right-to-left-override",
        "\u202e2024",
        DateParseError,
        "'\\u202e2024' (at character 1): contains a control or unprintable character (U+202E)",
        0,
    ),
    _date(
        "no-break-space-in-notation",
        "2024\u00a0-10",
        DateParseError,
        f"'2024\\xa0-10' (at character 5): unexpected '\\xa0'; {NOTATION}",
        4,
    ),
    _date(
        "fullwidth-digits",
        "\uff12\uff10\uff12\uff14-10-18",
        DateParseError,
        f"'\uff12\uff10\uff12\uff14-10-18' (at character 1): '\uff12' has no place in a date; {ENGLISH}",
        0,
    ),
    _date(
        "emoji",
        "\U0001f4c5 2024",
        DateParseError,
        f"'\U0001f4c5 2024' (at character 1): '\U0001f4c5' has no place in a date; {ENGLISH}",
        0,
    ),
    # very long text: refused at once, and named without being repeated whole
    _date(
        "ten-megabytes",
        "2" * 10_000_000,
        DateParseError,
        f"'{'2' * 60}...[10000000 characters]...{'2' * 10}': 10,000,000 characters is too long for a date "
        "(at most 1000)",
    ),
    _date(
        "just-too-long",
        "x" * 1001,
        DateParseError,
        f"'{'x' * 60}...[1001 characters]...{'x' * 10}': 1,001 characters is too long for a date (at most 1000)",
    ),
    _date(
        "long-digit-run",
        "1" * 999,
        DateParseError,
        f"'{'1' * 60}...[999 characters]...{'1' * 10}' (at character 1): a year has four digits "
        "(or 'Y' and more digits, as Y12345)",
        0,
    ),
    # notation that is refused
    _date(
        "us-style-either-order",
        "05/10/2024",
        DateParseError,
        "'05/10/2024' (at character 1): day and month order is ambiguous: '05/10/2024' is 2024-10-05 read day first "
        "(as Ukrainian, Russian and most European sources write it) and 2024-05-10 read month first (as US sources "
        "do); write ISO 8601: '2024-10-05' or '2024-05-10'",
        0,
    ),
    _date(
        "dotted-either-order",
        "05.10.2024",
        DateParseError,
        "'05.10.2024' (at character 1): day and month order is ambiguous: '05.10.2024' is 2024-10-05 read day first "
        "(as Ukrainian, Russian and most European sources write it) and 2024-05-10 read month first (as US sources "
        "do); write ISO 8601: '2024-10-05' or '2024-05-10'",
        0,
    ),
    _date(
        "space-before-the-time",
        "2024-10-18 10:00",
        DateParseError,
        "'2024-10-18 10:00' (at character 11): a time follows its date after 'T', not a space: write '2024-10-18T10:00'",
        10,
    ),
    _date(
        "duration",
        "2024-10-07/P1W",
        DateParseError,
        "'2024-10-07/P1W' (at character 12): durations (P...) are not supported; give the end as a date",
        11,
    ),
    _date(
        "all-of-set-open",
        "{..1984}",
        DateParseError,
        "'{..1984}' (at character 2): an all-of set cannot have an open member (..1984): it would take in every "
        "date up to 1984; list every member, or write an interval (../1984) or a one-of set ([..1984])",
        1,
    ),
    _date("empty-set", "[]", DateParseError, f"'[]' (at character 2): {NOTATION}", 1),
    _date("nested-brackets", "[[2024]]", DateParseError, f"'[[2024]]' (at character 2): {NOTATION}", 1),
    _date(
        "unclosed-set",
        "[2024-10-07..",
        DateParseError,
        "'[2024-10-07..' (at character 1): one-of set has no closing ']'",
        0,
    ),
    _date(
        "interval-of-nothing",
        "../..",
        DateParseError,
        "'../..' (at character 3): an interval needs a date at one end at least; '..' is open, empty is unknown",
        2,
    ),
    _date(
        "two-slashes",
        "2024/2025/2026",
        DateParseError,
        "'2024/2025/2026' (at character 10): an interval has one '/'",
        9,
    ),
    _date(
        "doubled-qualifier", "2024-06~~", DateParseError, f"'2024-06~~' (at character 9): unexpected '~'; {NOTATION}", 8
    ),
    _date(
        "qualified-time",
        "2024-10-1X?T10:00",
        DateParseError,
        "'2024-10-1X?T10:00' (at character 12): a date with a time cannot have unspecified digits or qualifiers",
        11,
    ),
    _date(
        "two-digit-year",
        "24-10-18",
        DateParseError,
        "'24-10-18' (at character 1): a year has four digits (or 'Y' and more digits, as Y12345); found 2",
        0,
    ),
    _date(
        "one-digit-month",
        "2024-1",
        DateParseError,
        "'2024-1' (at character 6): a month has two digits (01-12, X for unknown)",
        5,
    ),
    _date(
        "short-y-year",
        "Y123",
        DateParseError,
        "'Y123' (at character 1): a 'Y' year has more than four digits; write four-digit years plainly",
        0,
    ),
    _date(
        "too-many-significant-digits",
        "1950S5",
        DateParseError,
        "'1950S5' (at character 5): significant digits must be 1 to 4",
        4,
    ),
    # English that is not read
    _date(
        "unknown-phrase",
        "sometime soon",
        DateParseError,
        f"'sometime soon' (at character 10): 'soon' is not a date word this reader knows; {ENGLISH}",
        9,
    ),
    _date(
        "unknown-week",
        "the sixth week of October",
        DateParseError,
        "'the sixth week of October': a month has at most five weeks, not 6",
    ),
    _date(
        "misspelt-month",
        "Febuary 3",
        DateParseError,
        "'Febuary 3' (at character 1): not a date this reader knows; did you mean 'February 3'? "
        "(run 'chronology forms' to list the forms read)",
        0,
    ),
    _date(
        "misspelt-weekday",
        "last Funday",
        DateParseError,
        f"'last Funday' (at character 6): 'Funday' is not a date word this reader knows; {ENGLISH}",
        5,
    ),
    _date(
        "relative-without-anchor",
        "Friday",
        DateParseError,
        "'Friday': this phrase is relative to a date; give an anchor (the report's or another event's date)",
    ),
    # not text at all
    _date("none", None, DateParseError, "'None': a date is given as text, not NoneType"),
    _date("number", 2024, DateParseError, "'2024': a date is given as text, not int"),
    _date("bytes", b"2024-10-18", DateParseError, "\"b'2024-10-18'\": a date is given as text, not bytes"),
]


@pytest.mark.parametrize("case", DATES)
def test_a_bad_date_gets_its_error_class_and_a_message_naming_it_where_and_what_is_accepted(case: BadDate) -> None:
    anchor = chronology.parse(case.anchor) if case.anchor is not None else None
    with pytest.raises(ChronologyError) as raised:
        chronology.parse(case.text, anchor=anchor)  # type: ignore[arg-type]
    error = raised.value
    assert type(error) is case.error
    assert str(error) == case.message
    assert len(str(error)) < 600  # named, never repeated whole
    if isinstance(error, DateParseError):
        assert error.position == case.position
        assert str(error).startswith(repr(chronology.errors._shorten(error.text)))


def _unresolved(case: BadDate) -> bool:
    """Whether the text fails before any anchor comes into it."""
    return case.anchor is None and "relative" not in case.message and "anchor" not in case.message


@pytest.mark.parametrize("case", [c for c in DATES if _unresolved(c.values[0])])  # type: ignore[attr-defined]
def test_reading_without_resolving_refuses_the_same_dates(case: BadDate) -> None:
    with pytest.raises(case.error) as raised:
        chronology.parse_expression(case.text)  # type: ignore[arg-type]
    assert str(raised.value) == case.message


# == event files ====================================================================================================

HEAD = '[[sources]]\nid = "report"\npublished = "2024-10-18"\n\n'


def _event(event_id: str = "a", when: str = '"2024"', extra: str = "") -> str:
    return f'[[events]]\nid = "{event_id}"\ntitle = "A"\nwhen = {when}\n{extra}'


class BadFile(NamedTuple):
    files: Mapping[str, str | bytes]  # path (relative to a fresh folder) -> content; a path ending in / is a folder
    problems: list[str]  # every problem, exactly; {folder} is the fresh folder
    target: str = "events.toml"


def _file(name: str, files: Mapping[str, str | bytes], problems: list[str], target: str = "events.toml") -> object:
    return pytest.param(BadFile(files, problems, target), id=name)


EVENT_FILES = [
    # wrong TOML types
    _file(
        "when-a-number",
        {"events.toml": _event(when="5")},
        [f"events.toml:4:8: event 'a', field 'when': expected {DATE_SHAPE}, got a number (5)"],
    ),
    _file(
        "when-a-boolean",
        {"events.toml": _event(when="true")},
        [f"events.toml:4:8: event 'a', field 'when': expected {DATE_SHAPE}, got a boolean (true)"],
    ),
    _file(
        "when-an-array",
        {"events.toml": _event(when='["2024"]')},
        [f"events.toml:4:8: event 'a', field 'when': expected {DATE_SHAPE}, got an array"],
    ),
    _file(
        "when-a-toml-time",
        {"events.toml": _event(when="10:00:00")},
        [
            "events.toml:4:8: event 'a', field 'when': '10:00:00': a TOML time of day with no date; "
            "give the date too ('2024-10-18T10:00')"
        ],
    ),
    _file(
        "title-a-number",
        {"events.toml": '[[events]]\nid = "a"\ntitle = 5\nwhen = "2024"\n'},
        ["events.toml:3:9: event 'a', field 'title': expected a string, got a number (5)"],
    ),
    _file(
        "events-a-table",
        {"events.toml": '[events]\nid = "a"\ntitle = "A"\nwhen = "2024"\n'},
        ["events.toml:1:1: field 'events': expected an array of tables, got a table"],
    ),
    _file(
        "sources-a-string",
        {"events.toml": 'sources = "report"\n'},
        ["events.toml:1:11: field 'sources': expected an array of tables, got a string ('report')"],
    ),
    _file(
        "citations-a-string",
        {"events.toml": _event(extra='citations = "report"\n')},
        ["events.toml:5:13: event 'a', field 'citations': expected an array of tables, got a string ('report')"],
    ),
    _file(
        "claim-value-a-boolean",
        {"events.toml": _event(extra='\n[[events.claims]]\nsubject = "troops"\nvalue = true\n')},
        [
            "events.toml:8:9: event 'a', field 'claims[0].value': expected a number or a string "
            '("1,500", "up to 15,000"), got a boolean (true)'
        ],
    ),
    _file(
        "claim-value-nan",
        {"events.toml": _event(extra='\n[[events.claims]]\nsubject = "troops"\nvalue = nan\n')},
        ["events.toml:8:9: event 'a', field 'claims[0].value': 'nan': a figure must be a finite number"],
    ),
    _file(  # found while checking: escaped as a ValueError (integer string conversion limit)
        "claim-value-5000-digits",
        {"events.toml": _event(extra=f'\n[[events.claims]]\nsubject = "troops"\nvalue = "{"9" * 5000}"\n')},
        [
            f"events.toml:8:9: event 'a', field 'claims[0].value': '{'9' * 60}...[5000 characters]...{'9' * 10}': "
            "5,000 characters is too long for a figure (at most 200)"
        ],
    ),
    _file(
        "include-a-string",
        {"events.toml": 'include = "more.toml"\n'},
        ["events.toml:1:11: field 'include': expected an array of strings, got a string ('more.toml')"],
    ),
    _file(
        "tense-unknown",
        {"events.toml": HEAD + _event(when='"Tuesday"', extra='anchor = "report"\ntense = "later"\n')},
        [
            "events.toml:10:9: event 'a', field 'tense': unknown tense 'later'; "
            "expected one of 'past', 'future', 'either'"
        ],
    ),
    # missing keys, unknown keys
    _file(
        "missing-every-required-key",
        {"events.toml": '[[events]]\nkind = "x"\n'},
        [
            "events.toml:1:1: field 'id': missing required key 'id'",
            "events.toml:1:1: field 'title': missing required key 'title'",
            "events.toml:1:1: field 'when': missing required key 'when'",
        ],
    ),
    _file(
        "unknown-top-level-key",
        {"events.toml": 'tittle = "x"\n'},
        ["events.toml:1:1: field 'tittle': unknown key 'tittle' at the top level; did you mean 'title'?"],
    ),
    # ids
    _file(
        "duplicate-id-across-an-include",
        {"events.toml": 'include = ["more.toml"]\n\n' + _event(), "more.toml": _event(when='"2025"')},
        ["more.toml:2:6: event 'a', field 'id': duplicate event id 'a' (first defined at events.toml:4)"],
    ),
    _file(
        "duplicate-source-id",
        {"events.toml": HEAD + '[[sources]]\nid = "report"\n'},
        ["events.toml:6:6: source 'report', field 'id': duplicate source id 'report' (first defined at events.toml:2)"],
    ),
    _file(
        "id-with-a-control-character",
        {"events.toml": _event(event_id="a\\u0007")},
        [f"events.toml:2:6: event 'a\\x07', field 'id': 'a\\x07' is not a valid id: {ID_RULE}"],
    ),
    _file(
        "id-with-accents",
        {"events.toml": _event(event_id="\u00e9v\u00e9nement")},
        [
            f"events.toml:2:6: event '\u00e9v\u00e9nement', field 'id': '\u00e9v\u00e9nement' is not a valid id: {ID_RULE}"
        ],
    ),
    _file(
        "part-of-empty",
        {"events.toml": _event(extra='part_of = ""\n')},
        [f"events.toml:5:11: event 'a', field 'part_of': '' is not an id: {ID_RULE}"],
    ),
    # anchors
    _file(
        "dangling-anchor",
        {"events.toml": HEAD + _event(when='"Friday"', extra='anchor = "reprot"\n')},
        ["events.toml:9:10: event 'a', field 'anchor': unknown event or source 'reprot'; did you mean 'report'?"],
    ),
    _file(
        "anchor-cycle-of-three",
        {
            "events.toml": _event("a", '"Friday"', 'anchor = "c"\n\n')
            + _event("b", '"Friday"', 'anchor = "a"\n\n')
            + _event("c", '"Friday"', 'anchor = "b"\n')
        },
        ["events.toml:11:10: event 'b', field 'anchor': anchors form a cycle: 'a' -> 'c' -> 'b' -> 'a'"],
    ),
    _file(
        "anchor-to-itself",
        {"events.toml": _event("a", '"Friday"', 'anchor = "a"\n')},
        ["events.toml:5:10: event 'a', field 'anchor': anchors form a cycle: 'a' -> 'a'"],
    ),
    _file(
        "claim-said-relative-without-anchor",
        {"events.toml": HEAD + _event(extra='\n[[events.claims]]\nsubject = "troops"\nvalue = 5\nsaid = "Friday"\n')},
        [
            "events.toml:13:8: event 'a', field 'claims[0].said': 'Friday' is relative: name what it is read from "
            'with anchor = "<id of a source or event>"'
        ],
    ),
    # includes
    _file(
        "include-loop",
        {"events.toml": 'include = ["b.toml"]\n', "b.toml": 'include = ["events.toml"]\n'},
        ["b.toml:1:11: field 'include': include loop: events.toml -> b.toml -> events.toml"],
    ),
    _file(
        "include-outside-the-folder",
        {"inner/events.toml": 'include = ["../outside.toml"]\n', "outside.toml": _event()},
        [
            "inner/events.toml:1:11: field 'include': '../outside.toml' points outside the folder of the chronology "
            "({folder}/inner); allow it explicitly with allow_outside=True (--allow-outside on the command line)"
        ],
        "inner/events.toml",
    ),
    _file(
        "include-an-absolute-path",
        {"events.toml": 'include = ["/etc/passwd"]\n'},
        [
            "events.toml:1:11: field 'include': '/etc/passwd' points outside the folder of the chronology "
            "({folder}); allow it explicitly with allow_outside=True (--allow-outside on the command line)"
        ],
    ),
    _file(
        "include-missing",
        {"events.toml": 'include = ["nowhere.toml"]\n'},
        ["events.toml:1:11: field 'include': 'nowhere.toml' cannot read the file: No such file or directory"],
    ),
    _file(
        "include-a-folder",
        {"events.toml": 'include = ["more"]\n', "more/": ""},
        ["events.toml:1:11: field 'include': 'more' is a folder, not an event file"],
    ),
    _file(
        "include-a-binary-file",
        {"events.toml": 'include = ["logo.toml"]\n', "logo.toml": b"\x89PNG\r\n\x1a\n\x00\x00"},
        ["events.toml:1:11: field 'include': 'logo.toml' is a binary file, not an event file (TOML text)"],
    ),
    _file(  # found while checking: escaped as a ValueError ("embedded null byte")
        "include-with-a-nul-character",
        {"events.toml": 'include = ["a\\u0000b.toml"]\n'},
        ["events.toml:1:11: field 'include': 'a\\x00b.toml' contains a NUL character, which no file name can hold"],
    ),
    _file(
        "include-latin-1",
        {"events.toml": 'include = ["old.toml"]\n', "old.toml": 'title = "Caf\xe9"\n'.encode("latin-1")},
        ["events.toml:1:11: field 'include': 'old.toml' is not UTF-8 text (byte 0xe9 at offset 12)"],
    ),
    pytest.param(  # found by fuzz/run.py: Path.exists() raised "File name too long"
        BadFile(
            {"events.toml": f'include = ["{"x" * 5000}"]\n'},
            [
                f"events.toml:1:11: field 'include': '{'x' * 60}...[5000 characters]...{'x' * 10}' cannot read the "
                "file: File name too long"
            ],
        ),
        id="include-a-name-too-long",
        marks=pytest.mark.skipif(sys.platform == "win32", reason="the system's own words for it"),
    ),
    # the file itself
    _file(
        "binary-file",
        {"events.toml": b"\x00\x01\x02\x03"},
        ["events.toml: is a binary file, not an event file (TOML text)"],
    ),
    _file("missing-file", {}, ["events.toml: cannot read the file: No such file or directory"]),
    _file("a-folder", {"events.toml/": ""}, ["events.toml: is a folder, not an event file"]),
    _file(
        "toml-bad-unicode-escape",
        {"events.toml": 'title = "\\uD800"\n'},
        ["events.toml:1:12: TOML syntax: invalid value, expected unicode hexadecimal value"],
    ),
    _file(
        "toml-raw-control-character",
        {"events.toml": 'title = "a\x01b"\n'},
        ["events.toml:1:11: TOML syntax: invalid basic string, expected non-double-quote visible characters, `\\`"],
    ),
    _file(
        "toml-nested-a-thousand-deep",
        {"events.toml": "title = " + "[" * 1000 + "]" * 1000 + "\n"},
        ["events.toml:1:89: TOML syntax: cannot recurse further; max recursion depth met"],
    ),
    # dates in a file: placed at the character
    _file(
        "when-with-a-zero-width-space",
        {"events.toml": _event(when='"2024\\u200b-10"')},
        [
            "events.toml:4:13: event 'a', field 'when': '2024\\u200b-10' (at character 5): contains a control or "
            "unprintable character (U+200B)"
        ],
    ),
    _file(
        "when-with-a-space-before-the-time",
        {"events.toml": _event(when='"2024-10-18 10:00"')},
        [
            "events.toml:4:19: event 'a', field 'when': '2024-10-18 10:00' (at character 11): a time follows its date "
            "after 'T', not a space: write '2024-10-18T10:00'"
        ],
    ),
    # 10 MB strings: named, never repeated whole
    _file(
        "when-of-ten-megabytes",
        {"events.toml": _event(when=f'"{"2" * 10_000_000}"')},
        [
            f"events.toml:4:8: event 'a', field 'when': '{'2' * 60}...[10000000 characters]...{'2' * 10}': "
            "10,000,000 characters is too long for a date (at most 1000)"
        ],
    ),
    _file(
        "id-of-a-hundred-thousand-characters",
        {"events.toml": _event(event_id="e" * 100_000 + " x")},
        [
            f"events.toml:2:6: event '{'e' * 60}...[100002 characters]...eeeeeeee x', field 'id': "
            f"'{'e' * 60}...[100002 characters]...eeeeeeee x' is not a valid id: {ID_RULE}"
        ],
    ),
    _file(
        "events-a-huge-string",
        {"events.toml": f'events = "{"x" * 1_000_000}"\n'},
        [
            f"events.toml:1:10: field 'events': expected an array of tables, got a string "
            f"('{'x' * 60}...[1000000 characters]...{'x' * 10}')"
        ],
    ),
]


def _lay_out(folder: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        if name.endswith("/"):
            path.mkdir(parents=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", EVENT_FILES)
def test_a_bad_event_file_gets_every_problem_placed_and_explained(
    case: BadFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lay_out(tmp_path, case.files)
    monkeypatch.chdir(tmp_path)
    expected = [problem.replace("{folder}", str(tmp_path.resolve())) for problem in case.problems]
    assert [str(problem) for problem in chronology.validate(case.target)] == expected
    with pytest.raises(EventFileError) as raised:
        chronology.load(case.target)
    assert [str(problem) for problem in raised.value.problems] == expected
    assert all(len(str(problem)) < 600 for problem in raised.value.problems)


def test_an_include_outside_the_folder_is_read_when_allowed_explicitly(tmp_path: Path) -> None:
    _lay_out(tmp_path, {"inner/events.toml": 'include = ["../outside.toml"]\n', "outside.toml": _event()})
    assert [event.id for event in chronology.load(tmp_path / "inner" / "events.toml", allow_outside=True)] == ["a"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_include_of_a_named_pipe_is_refused_without_waiting_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # found while checking: reading the pipe would wait forever
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "events.toml").write_text('include = ["pipe.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [str(p) for p in chronology.validate("events.toml")] == [
        "events.toml:1:11: field 'include': 'pipe.toml' is not a regular file (a pipe, socket or device), "
        "not an event file"
    ]


def test_a_path_with_a_nul_character_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # found while checking: escaped as a ValueError ("embedded null byte")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EventFileError) as raised:
        chronology.load("events\x00.toml")
    assert str(raised.value) == "'events\\x00.toml': contains a NUL character, which no file name can hold"


# == changing files =================================================================================================

GOOD = HEAD + _event("a", '"2024-10-01"')


class BadEdit(NamedTuple):
    change: Callable[[Path], object]  # given the path of a sound event file (GOOD), does something wrong
    error: type[ChronologyError]
    message: str  # exactly; {path} is the event file


def _edit(name: str, change: Callable[[Path], object], error: type[ChronologyError], message: str) -> object:
    return pytest.param(BadEdit(change, error, message), id=name)


def _add(path: Path, event_id: str = "a", when: str = "2024") -> None:
    file = EventFile.open(path)
    file.add(chronology.Event(id=event_id, title="T", when=chronology.parse(when)))
    file.save()


def _changed_behind_its_back(path: Path) -> None:
    file = EventFile.open(path)
    file.add(chronology.Event(id="mine", title="Mine", when=chronology.parse("2024")))
    _add(path, "theirs")  # another writer, between reading and saving
    file.save()


def _removed_behind_its_back(path: Path) -> None:
    file = EventFile.open(path)
    file.add(chronology.Event(id="mine", title="Mine", when=chronology.parse("2024")))
    path.unlink()
    file.save()


def _disk_full(path: Path) -> None:
    file = EventFile.open(path)
    file.add(chronology.Event(id="mine", title="Mine", when=chronology.parse("2024")))
    real_write = os.write

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    os.write = full  # type: ignore[assignment]
    try:
        file.save()
    finally:
        os.write = real_write


EDITS = [
    _edit(
        "add-a-duplicate-id",
        lambda path: _add(path, "a"),
        EventFileError,
        "{path}: an event 'a' is already in the file",
    ),
    _edit(
        "remove-an-unknown-event",
        lambda path: EventFile.open(path).remove("b"),
        EventFileError,
        "{path}: no event 'b' in this file",
    ),
    _edit(
        "update-with-a-suggestion",
        lambda path: EventFile.open(path).update("aa", kind="x"),
        EventFileError,
        "{path}: no event 'aa' in this file; did you mean 'a'?",
    ),
    _edit(
        "update-an-unknown-key",
        lambda path: EventFile.open(path).update("a", colour="red"),
        EventFileError,
        "event 'a': cannot set 'colour'; keys that can be set: id, title, when, anchor, tense, kind, actors, places, tags, "
        "summary, after, before, part_of, reports, extra",
    ),
    _edit(
        "save-an-impossible-date",
        lambda path: _add(path, "b", "2024-06/2024-05"),
        DateParseError,
        "'2024-06/2024-05' (at character 8): reversed interval: interval '2024-06/2024-05' ends (May 2024) before it "
        "starts (June 2024)",
    ),
    _edit(
        "remove-what-others-need",
        lambda path: _remove_needed(path),
        EventFileError,
        "{path}:9:10: event 'b', field 'anchor': unknown event or source 'a'",
    ),
    _edit(
        "an-invalid-id",
        lambda path: chronology.Event(id="a b", title="T", when=chronology.parse("2024")),
        InvalidEventError,
        "id 'a b' is not a valid id: " + ID_RULE,
    ),
    _edit(
        "open-a-binary-file",
        lambda path: _open_with(path, b"\x00PK"),
        EventFileError,
        "{path}: is a binary file, not an event file (TOML text)",
    ),
    _edit(
        "open-toml-that-is-not",
        lambda path: _open_with(path, b"title = \n"),
        EventFileError,
        "{path}:1:8: TOML syntax: Unexpected character: '\\n'",
    ),
    _edit(
        "add-where-events-is-not-an-array-of-tables",
        lambda path: _add_to_text(path, 'events = ["x"]\n'),
        EventFileError,
        "{path}: field 'events': 'events' is not an array of tables ([[events]]); cannot change it here",
    ),
    _edit(
        "save-over-a-change-made-meanwhile",
        _changed_behind_its_back,
        FileChangedError,
        "{path}: the file changed on disk after it was read (another program or process wrote it); nothing was "
        "written, so that change is kept: open the file again and redo this one",
    ),
    _edit(
        "save-over-a-removed-file",
        _removed_behind_its_back,
        FileChangedError,
        "{path}: the file was removed after it was read (another program or process wrote it); nothing was "
        "written, so that change is kept: open the file again and redo this one",
    ),
    _edit(
        "save-on-a-full-disk",
        _disk_full,
        FileWriteError,
        "{path}: cannot write the file: No space left on device; it is left as it was",
    ),
]


def _remove_needed(path: Path) -> None:
    path.write_text(GOOD + "\n" + _event("b", '"Friday"', 'anchor = "a"\n'), encoding="utf-8")
    file = EventFile.open(path)
    file.remove("a")
    file.save()


def _open_with(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    EventFile.open(path)


def _add_to_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    _add(path, "b")


@pytest.mark.parametrize("case", EDITS)
def test_a_bad_change_is_refused_with_its_reason_and_the_file_is_kept(case: BadEdit, tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ChronologyError) as raised:
        case.change(path)
    assert type(raised.value) is case.error
    assert str(raised.value) == case.message.replace("{path}", str(path))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "events.toml") == []  # no temporary or lock file


# == the command line ===============================================================================================


class BadCommand(NamedTuple):
    argv: list[str]
    err: list[str]  # standard error, line by line, exactly
    code: int = 1


def _command(name: str, argv: list[str], err: list[str], code: int = 1) -> object:
    return pytest.param(BadCommand(argv, err, code), id=name)


COMMANDS = [
    _command(
        "validate-a-missing-file",
        ["validate", "nowhere.toml"],
        ["nowhere.toml: cannot read the file: No such file or directory", "1 problem found"],
    ),
    _command(
        "validate-a-binary-file",
        ["validate", "logo.toml"],
        ["logo.toml: is a binary file, not an event file (TOML text)", "1 problem found"],
    ),
    _command(
        "validate-a-broken-file",
        ["validate", "broken.toml"],
        [
            f"broken.toml:4:14: event 'b', field 'when': '2024-13' (at character 6): month 13 does not exist; {MONTHS}",
            "1 problem found",
        ],
    ),
    _command("list-a-folder", ["list", "."], [".: is a folder, not an event file"]),
    _command(
        "list-a-broken-file",
        ["list", "broken.toml"],
        [
            f"broken.toml:4:14: event 'b', field 'when': '2024-13' (at character 6): month 13 does not exist; {MONTHS}",
        ],
    ),
    _command("show-an-unknown-event", ["show", "events.toml", "zz"], ["chronology: events.toml: no event 'zz'"]),
    _command(  # was a traceback: the id's ValueError escaped
        "add-an-invalid-id",
        ["add", "events.toml", "--id", "a b", "--title", "X", "--when", "2024"],
        [f"chronology: id 'a b' is not a valid id: {ID_RULE}"],
    ),
    _command(  # was a traceback
        "add-an-invalid-source-id",
        ["add", "events.toml", "--id", "c", "--title", "X", "--when", "2024", "--source", " bad"],
        [f"chronology: source ' bad' is not a valid id: {ID_RULE}"],
    ),
    _command(
        "add-an-impossible-date",
        ["add", "events.toml", "--id", "c", "--title", "X", "--when", "2024-13"],
        [f"chronology: '2024-13' (at character 6): month 13 does not exist; {MONTHS}"],
    ),
    _command(
        "add-a-duplicate-id",
        ["add", "events.toml", "--id", "a", "--title", "X", "--when", "2024"],
        ["events.toml: an event 'a' is already in the file"],
    ),
    _command(
        "add-a-relative-date-without-anchor",
        ["add", "events.toml", "--id", "c", "--title", "X", "--when", "Friday"],
        [
            "chronology: 'Friday': this phrase is relative to a date; give an anchor (the report's or another event's date)"
        ],
    ),
    _command(
        "add-an-unknown-source",
        ["add", "events.toml", "--id", "c", "--title", "X", "--when", "2024", "--source", "unknown"],
        ["events.toml:16:10: event 'c', field 'citations[0].source': unknown source 'unknown'"],
    ),
    _command(
        "add-to-a-missing-file",
        ["add", "nowhere.toml", "--id", "c", "--title", "X", "--when", "2024"],
        ["nowhere.toml: cannot read the file: No such file or directory"],
    ),
    _command(
        "add-to-a-binary-file",
        ["add", "logo.toml", "--id", "c", "--title", "X", "--when", "2024"],
        ["logo.toml: is a binary file, not an event file (TOML text)"],
    ),
    _command(
        "add-a-ten-thousand-character-date",
        ["add", "events.toml", "--id", "c", "--title", "X", "--when", "9" * 10_000],
        [
            f"chronology: '{'9' * 60}...[10000 characters]...{'9' * 10}': 10,000 characters is too long for a date "
            "(at most 1000)"
        ],
    ),
    _command(
        "query-from-garbage",
        ["query", "events.toml", "--from", "garbage"],
        [
            "chronology query: error: --from: 'garbage' (at character 1): 'garbage' is not a date word this reader "
            f"knows; {ENGLISH}; nor is it the id of an event of this timeline"
        ],
        2,  # a wrong command line
    ),
    _command(
        "relate-an-impossible-date",
        ["relate", "events.toml", "a", "2024-13"],
        [
            "chronology relate: error: events.toml: '2024-13' is neither an event id nor a date ('2024-13' "
            f"(at character 6): month 13 does not exist; {MONTHS})"
        ],
        2,
    ),
    _command(
        "plot-to-a-gif",
        ["plot", "events.toml", "-o", "x.gif"],
        ["chronology plot: error: cannot write 'x.gif': use a .png, .svg or .pdf file name, such as 'x.png'"],
        code=2,  # a command line that cannot be
    ),
    _command(
        "export-into-a-missing-folder",
        ["export", "events.toml", "-o", "nowhere/x.json"],
        ["chronology: cannot write 'nowhere/x.json': No such file or directory"],
    ),
    _command(
        "import-a-missing-file",
        ["import", "nowhere.csv", "-o", "out.toml"],
        ["chronology: nowhere.csv: cannot read the file: No such file or directory"],
    ),
    _command(
        "import-a-binary-file",
        ["import", "logo.csv", "-o", "out.toml"],
        ["logo.csv: is not UTF-8 text (byte 0x89 at offset 0); save the spreadsheet as CSV UTF-8"],
    ),
    _command(
        "import-csv-without-a-date-column",
        ["import", "no-date.csv", "-o", "out.toml"],
        [
            "no-date.csv:1: no date column: name an 'edtf' or 'when' column, or both 'earliest' and 'latest'; "
            "every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')"
        ],
    ),
    _command(
        "import-csv-with-an-impossible-date",
        ["import", "month-13.csv", "-o", "out.toml"],
        [f"month-13.csv:3: event 'b', field 'when': '2024-13' (at character 6): month 13 does not exist; {MONTHS}"],
    ),
    _command(
        "import-csv-with-a-quote-never-closed",
        ["import", "unclosed.csv", "-o", "out.toml"],
        [
            "unclosed.csv:3: CSV: the quote that opens column 3 ('\"2024') is never closed, so the rest of the file "
            """would be one cell; close it with '"' (a '"' inside a quoted cell is written '""')"""
        ],
    ),
    _command(
        "import-empty-json",
        ["import", "empty.json", "-o", "out.toml"],
        ['empty.json: empty: expected a JSON object ({"chronology": "1", "events": [...]})'],
    ),
    _command(
        "import-json-that-is-not-an-object",
        ["import", "array.json", "-o", "out.toml"],
        ["array.json: expected a table at the top level, got an array"],
    ),
    _command(
        "import-json-with-a-null-in-extra",
        ["import", "null.json", "-o", "out.toml"],
        [
            "null.json:1:89: event 'a', field 'extra.k': is null, which TOML cannot hold: leave the key out, or give "
            "a value (text, a number, a boolean, a date or time, or an array or table of these)"
        ],
    ),
    _command(
        "import-json-with-a-lone-surrogate",
        ["import", "surrogate.json", "-o", "out.toml"],
        [
            "surrogate.json:1:53: event 'a', field 'title': holds a lone surrogate (U+D800) at character 1: half of a "
            "UTF-16 pair, not a character, so it is not valid Unicode and cannot be written as UTF-8; give the whole "
            "character (both halves of the pair) or remove it"
        ],
    ),
]

#: What the import commands above read, written into the folder they run in.
IMPORT_INPUTS: dict[str, str | bytes] = {
    "logo.csv": b"\x89PNG\r\n\x1a\n\x00\x00",
    "no-date.csv": "id,title\na,A\n",
    "month-13.csv": "id,title,when\na,A,2024-12\nb,B,2024-13\n",
    "unclosed.csv": 'id,title,when\na,A,2024\nb,B,"2024',
    "empty.json": "",
    "array.json": "[1, 2]",
    "null.json": '{"chronology": "1", "events": [{"id": "a", "title": "A", "when": "2024", "extra": {"k": null}}]}',
    "surrogate.json": '{"chronology": "1", "events": [{"id": "a", "title": "\\ud800", "when": "2024"}]}',
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a sound events.toml, a broken.toml, a binary logo.toml and the import inputs, made current."""
    (tmp_path / "events.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.toml").write_text(_event("b", '"2024-13"'), encoding="utf-8")
    (tmp_path / "logo.toml").write_bytes(b"\x89PNG\x00\x01")
    _lay_out(tmp_path, IMPORT_INPUTS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", COMMANDS)
def test_a_bad_command_exits_with_the_problem_on_stderr_and_changes_nothing(case: BadCommand, folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    out, err = StringIO(), StringIO()
    code = main(case.argv, out=out, err=err)
    assert (code, err.getvalue().splitlines(), out.getvalue()) == (case.code, case.err, "")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            ["--width", "0"], "argument --width: '0' is out of range; expected 6-30 inches", id="plot-zero-wide"
        ),
        pytest.param(
            ["--width", "1e9"], "argument --width: '1e9' is out of range; expected 6-30 inches", id="plot-huge-wide"
        ),
        pytest.param(
            ["--width", "nan"], "argument --width: 'nan' is out of range; expected 6-30 inches", id="plot-nan-wide"
        ),
        pytest.param(
            ["--dpi", "-1"],
            "argument --dpi: '-1' is out of range; expected 20-600 dots per inch",
            id="plot-negative-dpi",
        ),
        pytest.param(
            ["--dpi", "many"],
            "argument --dpi: 'many' is not a number; expected 20-600 dots per inch",
            id="plot-dpi-word",
        ),
    ],
)
def test_plot_sizes_that_cannot_be_drawn_are_refused_as_usage(
    argv: list[str], message: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["plot", "events.toml", "-o", "x.png", *argv])
    assert raised.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"chronology plot: error: {message}"
    assert not (folder / "x.png").exists()


def test_a_wrong_command_line_exits_2_with_usage(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["add", "events.toml", "--id", "x"])
    assert raised.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "chronology add: error: the following arguments are required: --title, --when"
    )


class Subprocess(NamedTuple):
    argv: list[str]
    code: int
    says: str  # a line standard error must contain


SUBPROCESSES = [
    pytest.param(Subprocess(["validate", "logo.toml"], 1, "logo.toml: is a binary file"), id="binary-file"),
    pytest.param(
        Subprocess(["add", "events.toml", "--id", "a b", "--title", "X", "--when", "2024"], 1, "is not a valid id"),
        id="invalid-id",
    ),
    pytest.param(
        Subprocess(["add", "events.toml", "--id", "c", "--title", "X", "--when", "\u200b2024"], 1, "(U+200B)"),
        id="zero-width-space",
    ),
    pytest.param(Subprocess(["list", "."], 1, "is a folder"), id="folder"),
    pytest.param(Subprocess(["frobnicate"], 2, "invalid choice: 'frobnicate'"), id="unknown-command"),
    pytest.param(
        Subprocess(["add", "events.toml", "--id", "c", "--title", "X", "--when", "9" * 100_000], 1, "too long"),
        id="hundred-thousand-character-argument",
    ),
    pytest.param(
        Subprocess(
            ["import", "unclosed.csv", "-o", "out.toml"], 1, "unclosed.csv:3: CSV: the quote that opens column 3"
        ),
        id="import-csv-with-a-quote-never-closed",
    ),
    pytest.param(
        Subprocess(["import", "surrogate.json", "-o", "out.toml"], 1, "holds a lone surrogate (U+D800)"),
        id="import-json-with-a-lone-surrogate",
    ),
]


@pytest.mark.parametrize("case", SUBPROCESSES)
def test_the_real_command_exits_non_zero_without_a_traceback(case: Subprocess, folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "chronology", *case.argv],
        capture_output=True,
        text=True,
        cwd=folder,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == case.code
    assert "Traceback" not in result.stderr
    assert case.says in result.stderr
    assert result.stdout == ""
    assert (folder / "events.toml").read_text(encoding="utf-8") == GOOD
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before  # nothing written


# == the CSV and JSON importers =====================================================================================
#
# Written by the engineer who writes chronology/exchange/as_csv.py and as_json.py (``from_csv(text, path=...)``,
# ``from_json(text, path=...)``); what is here checks the catalogue's promise for them: an EventFileError listing
# every problem, each exactly (the file, the row or line:column where there is one, the event and field), never
# another exception. The command line's import of such files is in the command-line sections above.

CSV_NEEDS = "every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')"
CSV_NO_DATE = f"no date column: name an 'edtf' or 'when' column, or both 'earliest' and 'latest'; {CSV_NEEDS}"
CSV_UNCLOSED = (
    "CSV: the quote that opens column 3 ('\"2024-13') is never closed, so the rest of the file would be one cell; "
    """close it with '"' (a '"' inside a quoted cell is written '""')"""
)


def _import(name: str, kind: str, text: str, problems: list[str]) -> object:
    return pytest.param(kind, text, problems, id=name)


IMPORTS = [
    _import("csv-empty", "csv", "", [f"events.csv: empty: expected a header row naming the columns; {CSV_NEEDS}"]),
    _import(  # NUL characters are text to the csv module: the header row names no column
        "csv-binary",
        "csv",
        "\x00\x01\x02",
        [
            f"events.csv:1: no 'id' column: the header row must name it; {CSV_NEEDS}",
            f"events.csv:1: no 'title' column: the header row must name it; {CSV_NEEDS}",
            f"events.csv:1: {CSV_NO_DATE}",
        ],
    ),
    _import("csv-no-date-column", "csv", "id,title\na,A\n", [f"events.csv:1: {CSV_NO_DATE}"]),
    _import(  # was read silently: the rest of the file became the cell (and here a month 13)
        "csv-unclosed-quote", "csv", 'id,title,when\na,A,"2024-13\n', [f"events.csv:2: {CSV_UNCLOSED}"]
    ),
    _import(
        "csv-impossible-date",
        "csv",
        "id,title,when\na,A,2024-13\n",
        [f"events.csv:2: event 'a', field 'when': '2024-13' (at character 6): month 13 does not exist; {MONTHS}"],
    ),
    _import(
        "csv-duplicate-id",
        "csv",
        "id,title,when\na,A,2024\na,B,2025\n",
        ["events.csv:3: event 'a', field 'id': duplicate event id 'a' (first defined at events.csv:2)"],
    ),
    _import(
        "json-empty", "json", "", ['events.json: empty: expected a JSON object ({"chronology": "1", "events": [...]})']
    ),
    _import(
        "json-unclosed",
        "json",
        "{",
        ["events.json:1:2: JSON syntax: Expecting property name enclosed in double quotes"],
    ),
    _import("json-not-an-object", "json", "[1, 2]", ["events.json: expected a table at the top level, got an array"]),
    _import(
        "json-when-a-number",
        "json",
        '{"events": [{"id": "a", "title": "A", "when": 5}]}',
        [
            'events.json:1:1: missing the format marker: add "chronology": "1" at the top level',
            f"events.json:1:47: event 'a', field 'when': expected {DATE_SHAPE}, got a number (5)",
        ],
    ),
    _import(
        "json-duplicate-key",
        "json",
        '{"events": [{"id": "a", "title": "A", "when": "2024", "when": "2025"}]}',
        ["events.json: JSON: duplicate key 'when' in an object; give each key once"],
    ),
    _import(
        "json-nan",
        "json",
        '{"events": [{"id": "a", "title": "A", "when": "2024"}], "x": NaN}',
        ["events.json: JSON: NaN is not a JSON number; give a finite number"],
    ),
]


@pytest.mark.parametrize(("kind", "text", "problems"), IMPORTS)
def test_bad_csv_or_json_is_refused_with_every_problem_named_and_placed(
    kind: str, text: str, problems: list[str]
) -> None:
    from chronology import exchange

    reader = exchange.from_csv if kind == "csv" else exchange.from_json
    with pytest.raises(EventFileError) as raised:
        reader(text, path=f"events.{kind}")
    assert [str(problem) for problem in raised.value.problems] == problems
    assert {problem.path for problem in raised.value.problems} == {f"events.{kind}"}
