"""A date's label in the Julian calendar (Old Style), and ``list`` and ``show`` of a Julian file showing both.

Expected Julian days come from ``convertdate`` (the conversion the reader uses), never from the labels
under test; each label is also read back to the same days.
"""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path

import pytest
from convertdate import julian
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import parse
from chronology.cli import main
from chronology.cli._output import events_table
from chronology.dates import DateValue, Interval, UncertainDate
from chronology.notation.labels import MONTH_ABBREVIATIONS, MONTH_NAMES, julian_label, label, year_label


def old_style(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Julian (year, month, day) of a Gregorian day, as convertdate gives it (astronomical years)."""
    converted = julian.from_gregorian(year, month, day)
    return int(converted[0]), int(converted[1]), int(converted[2])


def day_words(year: int, month: int, day: int) -> str:
    """A Gregorian day, written as its Old Style day in words ("5 September 1666")."""
    y, m, d = old_style(year, month, day)
    return f"{d} {MONTH_NAMES[m - 1]} {year_label(y)}"


def same_days(value: DateValue, text: str) -> bool:
    """Whether ``text`` reads back to the days of ``value``."""
    back = parse(text)
    if isinstance(value, Interval):
        assert isinstance(back, Interval)
        return (back.start, back.end) == (value.start, value.end) or back.to_edtf() == value.to_edtf()
    assert isinstance(back, UncertainDate)
    return (back.lo, back.hi) == (value.lo, value.hi)


# -- one day ------------------------------------------------------------------------------------------

DAYS = [
    (1666, 9, 15),  # the Great Fire's fourth day, 5 September Old Style
    (1700, 3, 11),  # 29 February 1700, a day only the Julian calendar has
    (1752, 9, 13),  # 2 September 1752, the last Old Style day in Britain
    (1582, 10, 15),  # the first Gregorian day anywhere
    (1066, 10, 14),
    (1, 1, 1),
]


@pytest.mark.parametrize("ymd", DAYS, ids=[f"{y}-{m:02d}-{d:02d}" for y, m, d in DAYS])
def test_a_day_is_labelled_as_its_julian_day(ymd: tuple[int, int, int]) -> None:
    value = parse(datetime.date(*ymd).isoformat())
    assert julian_label(value) == f"{day_words(*ymd)} O.S."
    assert same_days(value, julian_label(value))


def test_a_day_before_the_common_era_is_labelled_in_the_proleptic_julian_calendar() -> None:
    value = parse("-0043-03-15")  # the Ides of March, 44 BCE, in the Gregorian days the model counts in
    year, month, day = old_style(-43, 3, 15)
    assert (year, month) == (-43, 3)  # 44 BCE in astronomical numbering, as the model's
    assert julian_label(value) == f"{day} March 44 BCE O.S."
    assert parse(julian_label(value)) == parse("-0043-03-15")


@given(st.integers(min_value=datetime.date(1, 3, 1).toordinal(), max_value=datetime.date(9999, 12, 1).toordinal()))
def test_every_day_reads_back_from_its_julian_label(number: int) -> None:
    day = datetime.date.fromordinal(number)
    value = parse(day.isoformat())
    assert julian_label(value) == f"{day_words(day.year, day.month, day.day)} O.S."
    assert parse(julian_label(value)) == value


# -- months and years ---------------------------------------------------------------------------------


def test_a_julian_month_is_named_as_the_month() -> None:
    value = parse("September 1666", calendar="julian")
    assert isinstance(value, UncertainDate)
    first = julian.to_gregorian(1666, 9, 1)
    assert value.lo // 86_400 == datetime.date(*first).toordinal()  # its first day is 1 September O.S.
    assert julian_label(value) == "September 1666 O.S."
    assert same_days(value, julian_label(value))


def test_a_gregorian_month_is_the_run_of_julian_days_it_covers() -> None:
    value = parse("1666-09")
    y1, m1, d1 = old_style(1666, 9, 1)
    y2, m2, d2 = old_style(1666, 9, 30)
    assert (y1, m1, y2, m2) == (1666, 8, 1666, 9)  # not a whole Julian month: named as its days
    expected = f"between {d1} {MONTH_ABBREVIATIONS[m1 - 1]} and {d2} {MONTH_ABBREVIATIONS[m2 - 1]} 1666 O.S."
    assert julian_label(value) == expected
    assert same_days(value, julian_label(value))


def test_a_julian_year_is_named_as_the_year_and_a_gregorian_one_as_its_days() -> None:
    julian_year = parse("in 1666", calendar="julian")
    assert julian_label(julian_year) == "1666 O.S."
    gregorian_year = parse("1666")
    y1, m1, d1 = old_style(1666, 1, 1)
    y2, m2, d2 = old_style(1666, 12, 31)
    expected = f"between {d1} {MONTH_ABBREVIATIONS[m1 - 1]} {y1} and {d2} {MONTH_ABBREVIATIONS[m2 - 1]} {y2} O.S."
    assert julian_label(gregorian_year) == expected
    for value in (julian_year, gregorian_year):
        assert same_days(value, julian_label(value))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("between 1666 and 1668", "between 1666 and 1668 O.S."),
        ("between June and August 1666", "between June and August 1666 O.S."),
        ("spring 1666", "between March and May 1666 O.S."),  # the reader names seasons in the Gregorian only
        ("c. 1666", "c. 1666 O.S."),
        ("in 1666?", "1666 O.S.?"),
        ("c. 1666?", "c. 1666 O.S.?"),
        ("by 5 September 1666", "by 5 September 1666 O.S."),
        ("after 1666", "no earlier than 1667 O.S."),
        ("from 1 to 5 September 1666", "from 1 to 5 September 1666 O.S."),
        ("from June to August 1666", "from June to August 1666 O.S."),
        ("from 30 December 1666 to 5 January 1667", "from 30 December 1666 O.S. to 5 January 1667 O.S."),
    ],
)
def test_periods_ranges_and_hedges_read_in_a_julian_file_name_their_julian_units(phrase: str, expected: str) -> None:
    value = parse(phrase, calendar="julian")
    assert julian_label(value) == expected
    assert parse(expected).to_edtf() == value.to_edtf()  # the label reads back to the same value


def test_a_time_of_day_marks_its_julian_day() -> None:
    value = parse("1666-09-15T03")
    assert julian_label(value) == f"{day_words(1666, 9, 15)} O.S., 3 a.m."
    assert parse(julian_label(value)) == value


def test_each_date_of_a_set_is_marked() -> None:
    value = parse("[1666-09-15, 1666-09-16]")
    assert julian_label(value) == f"{day_words(1666, 9, 15)} O.S. or {day_words(1666, 9, 16)} O.S."
    assert parse(julian_label(value)) == value


def test_the_gregorian_label_is_unchanged() -> None:
    value = parse("September 1666", calendar="julian")
    assert label(value) == "between 11 Sep and 10 Oct 1666"  # the Gregorian days, as before
    assert "O.S." not in label(parse("1666-09-15"))


# -- the command line ---------------------------------------------------------------------------------

JULIAN_FILE = """\
title = "The Great Fire"

[reading]
calendar = "julian"

[[sources]]
id = "pepys"
title = "The Diary of Samuel Pepys"
published = "2 September 1666"

[[events]]
id = "bakery"
title = "Fire starts in Farriner's bakery"
when = "2 September 1666"
citations = [{ source = "pepys" }]

[[events]]
id = "month"
title = "The month of the fire"
when = "September 1666"

[[events]]
id = "last-old-style"
title = "The last Old Style day"
when = "1752-09-13"

[[events]]
id = "first-new-style"
title = "The first New Style day"
when = "1752-09-14"

[[events]]
id = "later"
title = "Later"
when = "1800-01-01"
"""

GREGORIAN_FILE = JULIAN_FILE.replace('[reading]\ncalendar = "julian"\n\n', "")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def written(tmp_path: Path, text: str, name: str = "events.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def row(out: str, event_id: str) -> str:
    (line,) = [line for line in out.splitlines() if f"  {event_id}  " in line]
    return line


def test_list_of_a_julian_file_shows_the_gregorian_label_then_the_old_style_one(tmp_path: Path) -> None:
    path = written(tmp_path, JULIAN_FILE)
    code, out, err = run("list", str(path))
    assert (code, err) == (0, "")
    timeline = chronology.load(path)
    bakery = timeline["bakery"].when
    assert bakery == parse("1666-09-12")
    assert f"{bakery.label} ({day_words(1666, 9, 12)} O.S.)" in row(out, "bakery")
    month = timeline["month"].when
    assert f"{month.label} (September 1666 O.S.)" in row(out, "month")
    assert f"({day_words(1752, 9, 13)} O.S.)" in row(out, "last-old-style")


def test_list_of_a_julian_file_labels_dates_from_1752_in_the_gregorian_alone(tmp_path: Path) -> None:
    code, out, _ = run("list", str(written(tmp_path, JULIAN_FILE)))
    assert code == 0
    for event_id in ("first-new-style", "later"):
        assert "O.S." not in row(out, event_id)
    assert "14 September 1752" in row(out, "first-new-style")


def test_list_of_a_gregorian_file_prints_as_it_did(tmp_path: Path) -> None:
    path = written(tmp_path, GREGORIAN_FILE)
    code, out, err = run("list", str(path))
    assert (code, err) == (0, "")
    assert "O.S." not in out
    assert out == events_table(chronology.load(path)) + "\n"
    timeline = chronology.load(path)
    assert timeline["bakery"].when.label in row(out, "bakery")


def test_calendar_chooses_the_labels_over_the_files(tmp_path: Path) -> None:
    julian_path, gregorian_path = written(tmp_path, JULIAN_FILE), written(tmp_path, GREGORIAN_FILE, "g.toml")
    _, plain, _ = run("list", str(julian_path), "--calendar", "gregorian")
    assert "O.S." not in plain
    assert plain == events_table(chronology.load(julian_path)) + "\n"
    _, both, _ = run("list", str(gregorian_path), "--calendar", "julian")
    assert f"2 September 1666 ({day_words(1666, 9, 2)} O.S.)" in row(both, "bakery")


def test_files_of_different_calendars_are_labelled_in_the_gregorian(tmp_path: Path) -> None:
    julian_path, gregorian_path = written(tmp_path, JULIAN_FILE), written(tmp_path, GREGORIAN_FILE, "g.toml")
    renamed = GREGORIAN_FILE.replace('id = "', 'id = "g-')
    gregorian_path.write_text(renamed.replace('source = "pepys"', 'source = "g-pepys"'), encoding="utf-8")
    code, out, err = run("list", str(julian_path), str(gregorian_path))
    assert (code, err) == (0, "")
    assert "O.S." not in out


def test_show_of_a_julian_file_shows_both_labels(tmp_path: Path) -> None:
    path = written(tmp_path, JULIAN_FILE)
    code, out, err = run("show", str(path), "bakery")
    assert (code, err) == (0, "")
    both = f"12 September 1666 ({day_words(1666, 9, 12)} O.S.)"
    (when,) = [line for line in out.splitlines() if line.strip().startswith("when")]
    assert both in when
    (source,) = [line for line in out.splitlines() if "[1] pepys" in line]
    assert both in source  # the source's published date too
    _, late, _ = run("show", str(path), "later")
    assert "O.S." not in late


def test_show_of_a_gregorian_file_shows_the_gregorian_label_alone(tmp_path: Path) -> None:
    code, out, _ = run("show", str(written(tmp_path, GREGORIAN_FILE)), "bakery")
    assert code == 0
    assert "O.S." not in out
    assert "2 September 1666  (EDTF 1666-09-02)" in out


def test_json_of_a_julian_file_is_as_export_writes_it(tmp_path: Path) -> None:
    path = written(tmp_path, JULIAN_FILE)
    _, out, _ = run("list", str(path), "--json")
    assert "O.S." not in out
    assert out == chronology.exchange.to_json(chronology.load(path))


# -- add --anchor: a source's own calendar ------------------------------------------------------------

SOURCE_OF_ITS_OWN = """\
title = "Pepys, in a modern file"

[[sources]]
id = "diary"
title = "The Diary of Samuel Pepys"
published = "1666-09-13"
calendar = "julian"

[[sources]]
id = "edition"
title = "A modern edition"
published = "2010-05-01"

[[events]]
id = "start"
title = "Start"
when = "1666-09-12"
"""


def test_add_reads_when_anchored_to_a_julian_source_in_its_calendar(tmp_path: Path) -> None:
    # 2 September 1666 was a Sunday in the Julian calendar London kept, a Thursday in the Gregorian
    assert datetime.date(*julian.to_gregorian(1666, 9, 2)).isoweekday() == 7
    path = written(tmp_path, SOURCE_OF_ITS_OWN)
    code, out, err = run("add", str(path), "--id", "fire", "--title", "Fire", "--when", "Sunday 2 September",
                         "--anchor", "diary")  # fmt: skip
    assert (code, err) == (0, "")
    fire = chronology.load(path)["fire"].when
    assert fire == parse("2 September 1666 (O.S.)")
    assert fire.label in out


def test_add_refuses_a_when_that_the_sources_calendar_does_not_read(tmp_path: Path) -> None:
    path = written(tmp_path, SOURCE_OF_ITS_OWN)
    code, out, err = run("add", str(path), "--id", "fire", "--title", "Fire", "--when", "Thursday 2 September",
                         "--anchor", "diary")  # fmt: skip
    assert code != 0
    assert out == ""
    assert "--when" in err
    assert "'Thursday 2 September'" in err
    assert path.read_text(encoding="utf-8") == SOURCE_OF_ITS_OWN  # nothing written


def test_add_reads_when_anchored_to_a_gregorian_source_of_a_julian_file_in_the_gregorian(tmp_path: Path) -> None:
    text = SOURCE_OF_ITS_OWN.replace('calendar = "julian"\n', "").replace(
        'title = "Pepys, in a modern file"\n', 'title = "Pepys"\n\n[reading]\ncalendar = "julian"\n'
    )
    text = text.replace('published = "2010-05-01"\n', 'published = "2010-05-01"\ncalendar = "gregorian"\n')
    path = written(tmp_path, text)
    assert datetime.date(2010, 4, 25).isoweekday() == 7
    code, _, err = run("add", str(path), "--id", "note", "--title", "Note", "--when", "Sunday 25 April",
                       "--anchor", "edition")  # fmt: skip
    assert (code, err) == (0, "")
    assert chronology.load(path)["note"].when == parse("2010-04-25")


def test_add_reads_when_anchored_to_a_source_without_a_calendar_in_the_files(tmp_path: Path) -> None:
    path = written(tmp_path, SOURCE_OF_ITS_OWN)
    code, _, err = run("add", str(path), "--id", "note", "--title", "Note", "--when", "Sunday 25 April",
                       "--anchor", "edition")  # fmt: skip
    assert (code, err) == (0, "")
    assert chronology.load(path)["note"].when == parse("2010-04-25")
