"""Dates without a year read from an anchor in the Julian calendar name Julian days, as dates with their year do.

In a file whose ``[reading]`` says ``calendar = "julian"``, "Christmas" read from a diary entry of 31 December
1666 O.S. (10 January 1667 N.S.) is 25 December 1666 O.S., as "Christmas 1666" is: 4 January 1667 in the
Gregorian days the model counts in. Also: the far-before check reads in the event's calendar, ``add`` checks
``--when`` in the file's, ``validate`` says the loader's warnings with its problems, and ``relate`` hints at a
missing FILE only for what may be an event id.
"""

from __future__ import annotations

import warnings
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology import Event, Source, parse
from chronology.cli import main
from chronology.consistency import far_before_anchor
from chronology.dates import UncertainDate
from chronology.errors import ChronologyWarning, Problem


def day(text: str, **options: object) -> str:
    value = parse(text, **options)  # type: ignore[arg-type]
    assert isinstance(value, UncertainDate)
    return value.to_edtf()


# -- parse ---------------------------------------------------------------------------------------------


def test_a_feast_without_its_year_is_its_julian_day_as_with_its_year() -> None:
    anchor = parse("1667-01-10")
    assert day("Christmas 1666", calendar="julian") == "1667-01-04"
    assert day("Christmas", anchor=anchor, calendar="julian") == "1667-01-04"
    assert day("Christmas", anchor=anchor) == "1666-12-25"  # the Gregorian reading is unchanged


def test_a_month_and_day_without_a_year_is_the_julian_day() -> None:
    anchor = parse("1666-12-29")
    assert day("13 November 1666", calendar="julian") == "1666-11-23"
    assert day("November 13", anchor=anchor, calendar="julian") == "1666-11-23"
    assert day("November 13", anchor=anchor) == "1666-11-13"


def test_the_year_is_chosen_from_the_anchors_julian_date() -> None:
    # 5 January 1667 N.S. is 26 December 1666 O.S.: the latest January is that of 1666 (O.S.)
    anchor = parse("1667-01-05")
    assert parse("January", anchor=anchor, calendar="julian") == parse("January 1666", calendar="julian")
    assert day("January", anchor=anchor) == "1667-01"
    assert parse("December", anchor=anchor, calendar="julian") == parse("December 1666", calendar="julian")


def test_a_date_that_names_the_gregorian_calendar_stays_gregorian() -> None:
    assert day("25 December (N.S.)", anchor=parse("1667-01-10"), calendar="julian") == "1666-12-25"


def test_seasons_thirds_and_ranges_of_months_are_julian_too() -> None:
    anchor = parse("1667-01-10")
    assert parse("last summer", anchor=anchor, calendar="julian") == parse("summer 1666", calendar="julian")
    late = parse("early October", anchor=anchor, calendar="julian")
    assert (late.lo, late.hi) == (
        parse("1 October 1666", calendar="julian").lo,
        parse("10 October 1666", calendar="julian").hi,
    )
    spring = parse("between November and February", anchor=parse("1667-03-05"), calendar="julian")
    assert spring.lo == parse("1 November 1666", calendar="julian").lo
    assert spring.hi == parse("28 February 1667", calendar="julian").hi


def test_months_and_years_around_the_anchor_are_julian_ones() -> None:
    anchor = parse("1667-01-05")  # 26 December 1666 O.S.
    assert parse("this month", anchor=anchor, calendar="julian") == parse("December 1666", calendar="julian")
    assert parse("last month", anchor=anchor, calendar="julian") == parse("November 1666", calendar="julian")
    assert parse("last year", anchor=anchor, calendar="julian") == parse("1665 (O.S.)", calendar="julian")
    later = parse("later this month", anchor=anchor, calendar="julian")
    assert (later.lo, later.hi) == (
        parse("27 December 1666", calendar="julian").lo,
        parse("31 December 1666", calendar="julian").hi,
    )
    assert day("this month", anchor=anchor) == "1667-01"  # the Gregorian reading is unchanged
    assert day("yesterday", anchor=anchor, calendar="julian") == "1667-01-04"  # days count alike


def test_a_julian_day_read_from_a_long_anchor_finds_the_first_and_last_readings() -> None:
    # 29 February in the Julian calendar (1700 is a Julian leap year) from twenty years of anchors
    value = parse("February 29", anchor=parse("[1690..1710]"), calendar="julian")
    assert value.lo == parse("29 February 1692", calendar="julian").lo
    assert value.hi == parse("29 February 1708", calendar="julian").hi


# -- the far-before check ----------------------------------------------------------------------------


def test_far_before_reads_the_phrase_and_writes_its_year_in_the_events_calendar() -> None:
    published = parse("1667-10-29")  # 19 October 1667 O.S.
    assert isinstance(published, UncertainDate)
    when = parse("Christmas", anchor=published, calendar="julian")  # 25 December 1666 O.S.: 4 January 1667
    assert isinstance(when, UncertainDate)
    event = Event(id="feast", title="A feast", when=when, anchor="diary")
    source = Source(id="diary", title="The diary", published=published)
    # counted in Gregorian years it lands in the diary's own year, and is not reported
    assert far_before_anchor([event], [source]) == []
    problems = far_before_anchor([event], [source], calendars={("feast", "diary"): "julian"})
    assert [(p.event, p.field) for p in problems] == [("feast", "when")]
    assert '`when = "Christmas 1666"`' in problems[0].message  # the Julian year, which reads as the same day


def test_far_before_suggests_the_year_only_where_it_reads_back_in_the_calendar() -> None:
    published = parse("1667-10-29")
    assert isinstance(published, UncertainDate)
    when = parse("November 13", anchor=published, calendar="julian")
    assert isinstance(when, UncertainDate)
    event = Event(id="raid", title="The raid", when=when, anchor="diary")
    source = Source(id="diary", title="The diary", published=published)
    (gregorian,) = far_before_anchor([event], [source])
    assert "`when =" not in gregorian.message  # "November 13, 1666" read in Gregorian is another day
    (julian,) = far_before_anchor([event], [source], calendars={("raid", "diary"): "julian"})
    assert '`when = "November 13, 1666"`' in julian.message


# -- the command line ----------------------------------------------------------------------------------

JULIAN = """\
title = "Old Style"

[reading]
calendar = "julian"

[[sources]]
id = "diary"
title = "The diary"
published = "1667-01-10"
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_add_checks_when_in_the_files_calendar(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(JULIAN, encoding="utf-8")
    code, out, err = run("add", str(path), "--id", "fire", "--title", "Fire", "--when", "Sunday 2 September 1666")
    assert (code, err) == (0, "")
    assert "12 September 1666" in out
    assert chronology.load(path)["fire"].when == parse("2 September 1666", calendar="julian")


def test_add_reads_an_anchored_when_in_the_files_calendar(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(JULIAN, encoding="utf-8")
    code, out, err = run(
        "add", str(path), "--id", "feast", "--title", "Feast", "--when", "Christmas", "--anchor", "diary"
    )
    assert (code, err) == (0, "")
    assert "4 January 1667" in out
    assert chronology.load(path)["feast"].when.to_edtf() == "1667-01-04"


def test_validate_says_the_loaders_warnings_with_its_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    def validate(files: object, *, allow_outside: bool = False) -> tuple[Problem, ...]:
        warnings.warn("events.toml:9:8: read as an Old Style date after 1752", ChronologyWarning, stacklevel=1)
        return (Problem("unknown event 'nosuch'", path="events.toml", line=12),)

    monkeypatch.setattr("chronology.cli._validate.validate", validate)
    code, out, err = run("validate", "events.toml")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[-1] == "1 problem found"
    assert "chronology validate: warning: events.toml:9:8: read as an Old Style date after 1752" in lines[:-1]
    assert sum("after 1752" in line for line in lines) == 1  # said once


def test_relate_quotes_the_example_and_hints_at_a_file_only_for_an_id() -> None:
    code, _, err = run("relate", "fire", "2 September 1666")
    assert code == 2
    assert "chronology relate FILE fire '2 September 1666'" in err
    code, _, err = run("relate", "2 Septembr 1666", "3 September 1666")
    assert code == 2
    assert "'2 Septembr 1666' is not a date" in err
    assert "event id" not in err
