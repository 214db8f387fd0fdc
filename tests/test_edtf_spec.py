"""Every example of the EDTF specification (Library of Congress, 2019; ISO 8601-2), read by chronology.

One row per example: the text, its conformance level, and what it means,
worked out from the specification's own words (not from what the reader
says): the first and last possible day, the precision and the qualifier; or,
for what chronology refuses on purpose, a part of the refusal's message.

Where the words in the specification and chronology's model disagree, the row
follows chronology's documented reading, and a comment says what the
specification says:

* *precision*: the specification calls ``201X`` "year precision" and
  ``1985-04-XX`` "day precision" (the unit of the form written); chronology's
  precision is the unit that is known (decade, month), the table in
  ``docs/reference/dates.md``;
* *seasons* 21-24 are "independent of location" in the specification and
  carry no months; chronology reads them as the northern hemisphere's
  meteorological seasons, as it does 25-28;
* ``{..1984}``, an all-of set with an open end, is refused: every year up to
  1984 is no event's date.

Rows marked "2012 draft" are the draft specification's interval examples with
qualified ends, in the 2019 syntax (``?~`` became ``%``, ``unknown`` empty).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

import pytest

from chronology import DateParseError, Endpoint, Interval, Precision, Qualifier, UncertainDate, parse

P = Precision
Q = Qualifier
OPEN = Endpoint.OPEN
UNKNOWN = Endpoint.UNKNOWN
#: Day (ISO text, any year: "-1985-01-01", "170000002-12-31"), or None for an open side.
Day = str | None
End = Precision | Endpoint


class Example(NamedTuple):
    """One example of the specification and what it means.

    A date has one precision and qualifier; an interval has one for each end,
    and an open (``..``) or unknown (empty) end has the ``Endpoint`` instead
    of a precision. ``refused`` is part of the message of a deliberate refusal.
    """

    text: str
    level: int
    earliest: Day = None
    latest: Day = None
    precision: Precision | tuple[End, End] | None = None
    qualifier: Qualifier | tuple[Qualifier, Qualifier] = Q.NONE
    utc_offset: int | None = None
    refused: str | None = None


def date(
    text: str,
    level: int,
    earliest: Day,
    latest: Day,
    precision: Precision,
    qualifier: Qualifier = Q.NONE,
    *,
    utc_offset: int | None = None,
) -> Example:
    return Example(text, level, earliest, latest, precision, qualifier, utc_offset)


def interval(
    text: str,
    level: int,
    earliest: Day,
    latest: Day,
    ends: tuple[End, End],
    qualifiers: tuple[Qualifier, Qualifier] = (Q.NONE, Q.NONE),
) -> Example:
    return Example(text, level, earliest, latest, ends, qualifiers)


def refused(text: str, level: int, message: str) -> Example:
    return Example(text, level, refused=message)


HOUR = 3600

EXAMPLES = [
    # == Level 0 ====================================================================================================
    # Date: complete, reduced to year and month, reduced to year
    date("1985-04-12", 0, "1985-04-12", "1985-04-12", P.DAY),
    date("1985-04", 0, "1985-04-01", "1985-04-30", P.MONTH),
    date("1985", 0, "1985-01-01", "1985-12-31", P.YEAR),
    # Date and time: local, UTC, shift in hours, shift in hours and minutes
    date("1985-04-12T23:20:30", 0, "1985-04-12", "1985-04-12", P.SECOND),
    date("1985-04-12T23:20:30Z", 0, "1985-04-12", "1985-04-12", P.SECOND, utc_offset=0),
    date("1985-04-12T23:20:30-04", 0, "1985-04-12", "1985-04-12", P.SECOND, utc_offset=-4 * HOUR),
    date("1985-04-12T23:20:30+04:30", 0, "1985-04-12", "1985-04-12", P.SECOND, utc_offset=4 * HOUR + 30 * 60),
    # The extended format the specification requires, and the basic format it does not permit
    date("2005-09-24T10:00:00", 0, "2005-09-24", "2005-09-24", P.SECOND),
    refused("20050924T100000", 0, "extended format only"),
    # Time interval: start and end dates, each with its own precision; durations are excluded
    interval("1964/2008", 0, "1964-01-01", "2008-12-31", (P.YEAR, P.YEAR)),
    interval("2004-06/2006-08", 0, "2004-06-01", "2006-08-31", (P.MONTH, P.MONTH)),
    interval("2004-02-01/2005-02-08", 0, "2004-02-01", "2005-02-08", (P.DAY, P.DAY)),
    interval("2004-02-01/2005-02", 0, "2004-02-01", "2005-02-28", (P.DAY, P.MONTH)),
    interval("2004-02-01/2005", 0, "2004-02-01", "2005-12-31", (P.DAY, P.YEAR)),
    interval("2005/2006-02", 0, "2005-01-01", "2006-02-28", (P.YEAR, P.MONTH)),
    refused("1964/P44Y", 0, "durations (P...) are not supported"),
    # == Level 1 ====================================================================================================
    # Letter-prefixed calendar year
    date("Y170000002", 1, "170000002-01-01", "170000002-12-31", P.YEAR),
    date("Y-170000002", 1, "-170000002-01-01", "-170000002-12-31", P.YEAR),
    # Seasons (spec: no months given; chronology: meteorological, northern hemisphere)
    date("2001-21", 1, "2001-03-01", "2001-05-31", P.SEASON),
    # Qualification of a date (complete)
    date("1984?", 1, "1984-01-01", "1984-12-31", P.YEAR, Q.UNCERTAIN),
    date("2004-06~", 1, "2004-06-01", "2004-06-30", P.MONTH, Q.APPROXIMATE),
    date("2004-06-11%", 1, "2004-06-11", "2004-06-11", P.DAY, Q.BOTH),
    # Unspecified digits from the right
    date("201X", 1, "2010-01-01", "2019-12-31", P.DECADE),  # spec: "year precision"
    date("20XX", 1, "2000-01-01", "2099-12-31", P.CENTURY),  # spec: "year precision"
    date("2004-XX", 1, "2004-01-01", "2004-12-31", P.YEAR),  # spec: "month precision"
    date("1985-04-XX", 1, "1985-04-01", "1985-04-30", P.MONTH),  # spec: "day precision"
    date("1985-XX-XX", 1, "1985-01-01", "1985-12-31", P.YEAR),  # spec: "day precision"
    # Extended interval: open end, open start, unknown end, unknown start
    interval("1985-04-12/..", 1, "1985-04-12", None, (P.DAY, OPEN)),
    interval("1985-04/..", 1, "1985-04-01", None, (P.MONTH, OPEN)),
    interval("1985/..", 1, "1985-01-01", None, (P.YEAR, OPEN)),
    interval("../1985-04-12", 1, None, "1985-04-12", (OPEN, P.DAY)),
    interval("../1985-04", 1, None, "1985-04-30", (OPEN, P.MONTH)),
    interval("../1985", 1, None, "1985-12-31", (OPEN, P.YEAR)),
    interval("1985-04-12/", 1, "1985-04-12", None, (P.DAY, UNKNOWN)),
    interval("1985-04/", 1, "1985-04-01", None, (P.MONTH, UNKNOWN)),
    interval("1985/", 1, "1985-01-01", None, (P.YEAR, UNKNOWN)),
    interval("/1985-04-12", 1, None, "1985-04-12", (UNKNOWN, P.DAY)),
    interval("/1985-04", 1, None, "1985-04-30", (UNKNOWN, P.MONTH)),
    interval("/1985", 1, None, "1985-12-31", (UNKNOWN, P.YEAR)),
    # Extended interval with qualified ends (2012 draft)
    interval("1984~/2004-06", 1, "1984-01-01", "2004-06-30", (P.YEAR, P.MONTH), (Q.APPROXIMATE, Q.NONE)),
    interval("1984/2004-06~", 1, "1984-01-01", "2004-06-30", (P.YEAR, P.MONTH), (Q.NONE, Q.APPROXIMATE)),
    interval("1984~/2004~", 1, "1984-01-01", "2004-12-31", (P.YEAR, P.YEAR), (Q.APPROXIMATE, Q.APPROXIMATE)),
    interval("1984?/2004%", 1, "1984-01-01", "2004-12-31", (P.YEAR, P.YEAR), (Q.UNCERTAIN, Q.BOTH)),
    interval("1984-06?/2004-08?", 1, "1984-06-01", "2004-08-31", (P.MONTH, P.MONTH), (Q.UNCERTAIN, Q.UNCERTAIN)),
    interval("1984-06-02?/2004-08-08~", 1, "1984-06-02", "2004-08-08", (P.DAY, P.DAY), (Q.UNCERTAIN, Q.APPROXIMATE)),
    interval("1984-06-02?/", 1, "1984-06-02", None, (P.DAY, UNKNOWN), (Q.UNCERTAIN, Q.NONE)),
    # Negative calendar year (astronomical numbering: year 0000 is 1 BCE)
    date("-1985", 1, "-1985-01-01", "-1985-12-31", P.YEAR),
    # == Level 2 ====================================================================================================
    # Exponential year; an exponential year stands alone
    date("Y-17E7", 2, "-170000000-01-01", "-170000000-12-31", P.YEAR),
    refused("Y17E7-12-26", 2, "a year written with an exponent (Y17E7) stands alone"),
    # Significant digits: the first S digits are known. Y171010000S3 keeps 171 (the specification's prose says
    # "between 171010000 and 171010999", which its own rule and its 1950S2 and Y3388E2S3 examples contradict).
    date("1950S2", 2, "1900-01-01", "1999-12-31", P.CENTURY),
    date("Y171010000S3", 2, "171000000-01-01", "171999999-12-31", P.MILLENNIUM),
    date("Y3388E2S3", 2, "338000-01-01", "338999-12-31", P.MILLENNIUM),
    # Sub-year groupings: the example, then every code of the specification's table, in 2001
    date("2001-34", 2, "2001-04-01", "2001-06-30", P.QUARTER),
    date("2001-21", 2, "2001-03-01", "2001-05-31", P.SEASON),  # spec: spring, "independent of location"
    date("2001-22", 2, "2001-06-01", "2001-08-31", P.SEASON),  # summer, ditto
    date("2001-23", 2, "2001-09-01", "2001-11-30", P.SEASON),  # autumn, ditto
    date("2001-24", 2, "2001-12-01", "2002-02-28", P.SEASON),  # winter, ditto: from December of the year given
    date("2001-25", 2, "2001-03-01", "2001-05-31", P.SEASON),  # spring, northern hemisphere
    date("2001-26", 2, "2001-06-01", "2001-08-31", P.SEASON),  # summer, northern hemisphere
    date("2001-27", 2, "2001-09-01", "2001-11-30", P.SEASON),  # autumn, northern hemisphere
    date("2001-28", 2, "2001-12-01", "2002-02-28", P.SEASON),  # winter, northern hemisphere
    date("2001-29", 2, "2001-09-01", "2001-11-30", P.SEASON),  # spring, southern hemisphere
    date("2001-30", 2, "2001-12-01", "2002-02-28", P.SEASON),  # summer, southern hemisphere
    date("2001-31", 2, "2001-03-01", "2001-05-31", P.SEASON),  # autumn, southern hemisphere
    date("2001-32", 2, "2001-06-01", "2001-08-31", P.SEASON),  # winter, southern hemisphere
    date("2001-33", 2, "2001-01-01", "2001-03-31", P.QUARTER),
    date("2001-35", 2, "2001-07-01", "2001-09-30", P.QUARTER),
    date("2001-36", 2, "2001-10-01", "2001-12-31", P.QUARTER),
    date("2001-37", 2, "2001-01-01", "2001-04-30", P.QUADRIMESTER),
    date("2001-38", 2, "2001-05-01", "2001-08-31", P.QUADRIMESTER),
    date("2001-39", 2, "2001-09-01", "2001-12-31", P.QUADRIMESTER),
    date("2001-40", 2, "2001-01-01", "2001-06-30", P.SEMESTER),
    date("2001-41", 2, "2001-07-01", "2001-12-31", P.SEMESTER),
    # Set representation, one of a set: one date, somewhere in the hull of the members; the coarsest member's precision
    date("[1667,1668,1670..1672]", 2, "1667-01-01", "1672-12-31", P.YEAR),
    date("[..1760-12-03]", 2, None, "1760-12-03", P.DAY),
    date("[1760-12..]", 2, "1760-12-01", None, P.MONTH),
    date("[1760-01,1760-02,1760-12..]", 2, "1760-01-01", None, P.MONTH),
    date("[1667,1760-12]", 2, "1667-01-01", "1760-12-31", P.YEAR),
    date("[..1984]", 2, None, "1984-12-31", P.YEAR),
    # Set representation, all members: the hull of the members; never open
    date("{1667,1668,1670..1672}", 2, "1667-01-01", "1672-12-31", P.YEAR),
    date("{1960,1961-12}", 2, "1960-01-01", "1961-12-31", P.YEAR),
    refused("{..1984}", 2, "an all-of set cannot have an open member (..1984)"),
    # Group qualification: a qualifier right of a component qualifies it and every component left of it
    date("2004-06-11%", 2, "2004-06-11", "2004-06-11", P.DAY, Q.BOTH),
    date("2004-06~-11", 2, "2004-06-11", "2004-06-11", P.DAY, Q.APPROXIMATE),
    date("2004?-06-11", 2, "2004-06-11", "2004-06-11", P.DAY, Q.UNCERTAIN),
    # Qualification of an individual component (left of it); the value's qualifier is the union of the components'
    date("?2004-06-~11", 2, "2004-06-11", "2004-06-11", P.DAY, Q.BOTH),
    date("2004-%06-11", 2, "2004-06-11", "2004-06-11", P.DAY, Q.BOTH),
    # Unspecified digit anywhere; the bounds are the first and last dates that exist
    date("156X-12-25", 2, "1560-12-25", "1569-12-25", P.DAY),
    date("15XX-12-25", 2, "1500-12-25", "1599-12-25", P.DAY),
    date("XXXX-12-XX", 2, "0000-12-01", "9999-12-31", P.MONTH),
    date("1XXX-XX", 2, "1000-01-01", "1999-12-31", P.MILLENNIUM),  # spec: "some month during the 1000s"
    date("1XXX-12", 2, "1000-12-01", "1999-12-31", P.MONTH),
    date("1984-1X", 2, "1984-10-01", "1984-12-31", P.MONTH),
    # Interval with qualified or unspecified components in its ends
    interval("2004-06-~01/2004-06-~20", 2, "2004-06-01", "2004-06-20", (P.DAY, P.DAY), (Q.APPROXIMATE, Q.APPROXIMATE)),
    interval("2004-06-XX/2004-07-03", 2, "2004-06-01", "2004-07-03", (P.MONTH, P.DAY)),
]


def day_number(iso: str) -> int:
    """Day number (1 is 0001-01-01, as ``date.toordinal``) of a proleptic Gregorian day in any year.

    Counted here, apart from the library: ``-1985-01-01`` and ``170000002-12-31`` are read too.
    """
    negative = iso.startswith("-")
    year_text, month_text, day_text = iso.lstrip("-").split("-")
    year, month, day = (-1 if negative else 1) * int(year_text), int(month_text), int(day_text)
    before = year - 1
    first_of_year = 365 * before + before // 4 - before // 100 + before // 400 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    lengths = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return first_of_year + sum(lengths[: month - 1]) + day - 1


@pytest.mark.parametrize(
    "iso", ["0001-01-01", "0004-02-29", "1600-12-31", "1900-03-01", "2000-02-29", "2024-10-18", "9999-12-31"]
)
def test_the_independent_day_count_agrees_with_the_standard_library(iso: str) -> None:
    assert day_number(iso) == datetime.date.fromisoformat(iso).toordinal()


def test_the_independent_day_count_runs_on_before_year_one() -> None:
    assert day_number("0000-12-31") == 0
    assert day_number("0000-01-01") == -365  # year 0 (1 BCE) is a leap year
    assert day_number("-0001-12-31") == -366


def days(iso: Day) -> int | None:
    return None if iso is None else day_number(iso)


def check_instant(value: UncertainDate, earliest: Day, latest: Day) -> None:
    first = None if value.open_before else value.earliest_day
    last = None if value.open_after else value.latest_day
    assert (first, last) == (days(earliest), days(latest))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"L{example.level} {example.text}" for example in EXAMPLES])
def test_every_example_of_the_specification_reads_as_the_specification_means(example: Example) -> None:
    if example.refused is not None:
        with pytest.raises(DateParseError) as caught:
            parse(example.text)
        assert example.refused in str(caught.value)
        assert repr(example.text) in str(caught.value)
        return
    value = parse(example.text)
    if isinstance(example.precision, tuple):
        assert isinstance(value, Interval)
        assert isinstance(example.qualifier, tuple)
        for end, precision, qualifier in zip(
            (value.start, value.end), example.precision, example.qualifier, strict=True
        ):
            if isinstance(precision, Endpoint):
                assert end is precision
            else:
                assert isinstance(end, UncertainDate)
                assert (end.precision, end.qualifier) == (precision, qualifier)
        first = value.start.earliest_day if isinstance(value.start, UncertainDate) else None
        last = value.end.latest_day if isinstance(value.end, UncertainDate) else None
        assert (first, last) == (days(example.earliest), days(example.latest))
    else:
        assert isinstance(value, UncertainDate)
        check_instant(value, example.earliest, example.latest)
        assert (value.precision, value.qualifier, value.utc_offset) == (
            example.precision,
            example.qualifier,
            example.utc_offset,
        )
    assert parse(value.to_edtf()) == value


def test_the_table_covers_every_level_and_kind_of_answer() -> None:
    assert {example.level for example in EXAMPLES} == {0, 1, 2}
    assert any(example.refused for example in EXAMPLES)
    assert any(isinstance(example.precision, tuple) for example in EXAMPLES)
    codes = {example.text[5:] for example in EXAMPLES if example.text.startswith("2001-") and example.level == 2}
    assert codes == {str(code) for code in range(21, 42)}
