"""Dates in words given to commands and queries are read in the files' calendar; late Old Style dates are warned of."""

from __future__ import annotations

import re
import warnings
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology.cli import main
from chronology.errors import ChronologyWarning, InvalidDateError

# The Great Fire of London as an Old Style record dates it: 2-6 September 1666 (O.S.) is 12-16 September (N.S.).
JULIAN = """\
title = "The Great Fire"

[reading]
calendar = "julian"

[[sources]]
id = "pepys"
title = "The Diary of Samuel Pepys"
published = "1666"

[[events]]
id = "bakery"
title = "Fire starts in Farriner's bakery, Pudding Lane"
when = "2 September 1666"

[[events]]
id = "fish-street"
title = "The fire reaches Fish Street Hill"
when = "3 September 1666"

[[events]]
id = "st-pauls"
title = "St Paul's Cathedral burns"
when = "4 September 1666"

[[events]]
id = "firebreaks"
title = "Houses blown up for firebreaks"
when = "5 September 1666"

[[events]]
id = "great-fire"
title = "The Great Fire of London"
when = "from 2 September 1666 to 6 September 1666"

[[events]]
id = "plague-order"
title = "An order of the Privy Council"
when = "1 September 1666"

[[events]]
id = "iso-day"
title = "Dated in ISO 8601, so Gregorian even here"
when = "1666-09-02"
"""

GREGORIAN = """\
[[events]]
id = "paris-note"
title = "A note dated New Style in Paris"
when = "13 September 1666"
"""

FIRE = ["bakery", "fish-street", "st-pauls", "firebreaks", "great-fire"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def ids(printed: str) -> list[str]:
    """The ids of a printed table (the third column), in order."""
    rows = printed.split("\n\n", 1)[1].splitlines()[1:]
    return [re.split(r"\s{2,}", row)[2] for row in rows]


@pytest.fixture
def julian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "fire.toml"
    path.write_text(JULIAN, encoding="utf-8")
    (tmp_path / "paris.toml").write_text(GREGORIAN, encoding="utf-8")
    return path


# -- the command line -------------------------------------------------------------------------------


def test_query_reads_a_window_in_words_in_the_files_julian_calendar(julian: Path) -> None:
    code, out, err = run("query", "fire.toml", "--from", "2 September 1666", "--to", "6 September 1666")
    assert (code, err) == (0, "")
    assert sorted(ids(out)) == sorted(FIRE)  # 12-16 September: not the ISO day (2 September N.S.)


def test_calendar_gregorian_reads_the_window_new_style_instead(julian: Path) -> None:
    code, out, _ = run(
        "query", "fire.toml", "--from", "2 September 1666", "--to", "2 September 1666", "--calendar", "gregorian"
    )
    assert code == 0
    assert ids(out) == ["iso-day"]


@pytest.mark.parametrize(
    ("start", "end", "calendar", "expected"),
    [
        ("1666-09-12", "1666-09-12", None, ["bakery", "great-fire"]),  # ISO 8601: Gregorian in a Julian file too
        ("2 September 1666 (O.S.)", "2 September 1666 (O.S.)", "gregorian", ["bakery", "great-fire"]),
        ("2 September 1666 (N.S.)", "2 September 1666 (N.S.)", None, ["iso-day"]),
        ("16.09.1666", "16.09.1666", "gregorian", ["great-fire"]),  # numbers follow --calendar too (26.09 if julian)
    ],
    ids=["iso-stays-gregorian", "old-style-named-wins", "new-style-named-wins", "day-in-numbers"],
)
def test_a_date_that_names_its_calendar_or_is_iso_keeps_it(
    julian: Path, start: str, end: str, calendar: str | None, expected: list[str]
) -> None:
    given = ["--calendar", calendar] if calendar else []
    code, out, _ = run("query", "fire.toml", "--from", start, "--to", end, *given)
    assert code == 0
    assert sorted(ids(out)) == sorted(expected)


def test_files_that_disagree_read_command_line_dates_as_gregorian_and_say_so(julian: Path) -> None:
    code, out, err = run("query", "fire.toml", "paris.toml", "--from", "2 September 1666", "--to", "2 September 1666")
    assert code == 0
    assert ids(out) == ["iso-day"]
    assert err == (
        "chronology query: warning: the files read dates in words in different calendars (fire.toml julian, "
        "paris.toml gregorian): '2 September 1666' and '2 September 1666' are read in the Gregorian calendar; give "
        "--calendar julian to read them as Old Style (or --calendar gregorian to keep this reading without this "
        "warning)\n"
    )


def test_files_that_disagree_take_calendar_julian_without_a_warning(julian: Path) -> None:
    code, out, err = run(
        "query", "fire.toml", "paris.toml", "--from", "3 September 1666", "--to", "3 September 1666", "--calendar",
        "julian",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert sorted(ids(out)) == ["fish-street", "great-fire", "paris-note"]  # 13 September N.S.


def test_files_that_disagree_say_nothing_of_iso_dates(julian: Path) -> None:
    code, _, err = run("query", "fire.toml", "paris.toml", "--from", "1666-09-12", "--to", "1666-09-16")
    assert (code, err) == (0, "")


def test_an_unknown_calendar_is_a_usage_error_naming_the_choices(julian: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        run("query", "fire.toml", "--from", "1666", "--calendar", "julien")
    assert exit_.value.code == 2


def test_relate_reads_a_date_in_words_in_the_files_calendar(julian: Path) -> None:
    code, out, _ = run("relate", "fire.toml", "bakery", "2 September 1666")
    assert code == 0
    assert "B  2 September 1666: 12 September 1666" in out
    assert "relations of A to B: equals (certain)" in out


def test_relate_two_dates_alone_takes_calendar(julian: Path) -> None:
    code, out, _ = run("relate", "29 February 1700", "1700-03-11", "--calendar", "julian")
    assert code == 0  # a day only the Julian calendar has
    assert "relations of A to B: equals (certain)" in out
    code, out, _ = run("relate", "2 September 1666", "1666-09-12")
    assert code == 0
    assert "A before B: certain" in out


def test_plot_reads_its_window_in_the_files_calendar(julian: Path) -> None:
    pytest.importorskip("matplotlib")
    code, out, _ = run("plot", "fire.toml", "-o", "fire.png", "--from", "2 September 1666", "--to", "6 September 1666")
    assert code == 0
    assert out.startswith("wrote fire.png (5 events")  # the fire, not the ISO day nor the order of the 1st


def test_query_before_an_event_certainly_in_a_julian_file(julian: Path) -> None:
    code, out, _ = run("query", "fire.toml", "--before", "great-fire", "--certain")
    assert code == 0
    assert sorted(ids(out)) == ["iso-day", "plague-order"]


def test_add_writes_a_date_in_words_that_the_file_reads_old_style(julian: Path) -> None:
    code, out, _ = run(
        "add", "fire.toml", "--id", "guildhall", "--title", "Guildhall burns", "--when", "4 September 1666"
    )
    assert code == 0
    assert out == "added 'guildhall' (14 September 1666) to fire.toml\n"
    assert chronology.load(julian)["guildhall"].when.to_edtf() == "1666-09-14"


# -- Python --------------------------------------------------------------------------------------------


def test_a_loaded_timeline_knows_its_files_calendar(julian: Path) -> None:
    assert chronology.load(julian).calendar == "julian"
    assert chronology.load(julian.parent / "paris.toml").calendar == "gregorian"
    assert chronology.load([julian, julian.parent / "paris.toml"]).calendar == "gregorian"  # they disagree


def test_text_given_to_a_timelines_queries_is_read_in_its_calendar(julian: Path) -> None:
    timeline = chronology.load(julian)
    assert sorted(e.id for e in timeline.overlapping("2 September 1666", "6 September 1666")) == sorted(FIRE)
    assert [e.id for e in timeline.in_calendar("gregorian").on("2 September 1666")] == ["iso-day"]
    assert timeline.resolve("2 September 1666")[0].to_edtf() == "1666-09-12"
    assert [e.id for e in timeline.before("2 September 1666")] == ["plague-order", "iso-day"]
    assert timeline.in_calendar("gregorian").calendar == "gregorian"
    assert timeline.calendar == "julian"  # a new timeline, this one unchanged


def test_a_timeline_built_in_python_takes_a_calendar() -> None:
    event = chronology.Event(id="fire", title="Fire", when=chronology.parse("1666-09-12"))
    assert [e.id for e in chronology.Timeline([event], calendar="julian").on("2 September 1666")] == ["fire"]
    assert not len(chronology.Timeline([event]).on("2 September 1666"))
    with pytest.raises(InvalidDateError, match=r"'julien'.*did you mean 'julian'"):
        chronology.Timeline([event], calendar="julien")  # type: ignore[arg-type]


# -- late Old Style dates ------------------------------------------------------------------------------

MODERN_EDITION = """
[[sources]]
id = "latham"
title = "The Diary of Samuel Pepys, ed. Latham and Matthews"
published = "between 1970 and 1983"
"""


def test_a_modern_sources_date_read_as_julian_is_warned_of_at_its_place(julian: Path) -> None:
    julian.write_text(JULIAN + MODERN_EDITION, encoding="utf-8")
    with pytest.warns(ChronologyWarning) as caught:
        timeline = chronology.load("fire.toml")
    assert len(caught) == 1
    line = (JULIAN + MODERN_EDITION).splitlines().index('published = "between 1970 and 1983"') + 1
    assert str(caught[0].message) == (
        f"fire.toml:{line}:13: source 'latham', field 'published': 'between 1970 and 1983' is read as an Old Style "
        'date (calendar = "julian"): between 14 Jan 1970 and 13 Jan 1984, after 14 September 1752, the first New '
        "Style day in Britain and its colonies; if the source dates itself in the Gregorian calendar, as modern ones "
        'do, give it calendar = "gregorian" in its [[sources]] table'
    )
    assert timeline.sources["latham"].published is not None  # read as written: a warning, not an error


def test_a_source_of_its_own_gregorian_calendar_is_read_new_style_without_a_warning(julian: Path) -> None:
    julian.write_text(JULIAN + MODERN_EDITION + 'calendar = "gregorian"\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline = chronology.load(julian)
    published = timeline.sources["latham"].published
    assert published is not None
    assert published.label == "between 1970 and 1983"
    assert timeline["bakery"].when.to_edtf() == "1666-09-12"  # the file's own dates stay Old Style


@pytest.mark.parametrize(
    "when",
    ["2 September 1752", "1752-09-14", "14 September 1752 (N.S.)", "1666"],
    ids=["last-julian-day", "iso", "new-style-named", "early"],
)
def test_no_warning_for_dates_before_the_reform_or_not_read_as_julian(julian: Path, when: str) -> None:
    julian.write_text(JULIAN + f'\n[[events]]\nid = "x"\ntitle = "X"\nwhen = "{when}"\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chronology.load(julian)


def test_an_events_late_julian_date_is_warned_of_with_its_gregorian_edtf(julian: Path) -> None:
    julian.write_text(JULIAN + '\n[[events]]\nid = "bicentenary"\ntitle = "X"\nwhen = "3 September 1866"\n')
    with pytest.warns(ChronologyWarning) as caught:
        chronology.load(julian)
    (message,) = (str(w.message) for w in caught)
    assert "event 'bicentenary', field 'when': '3 September 1866' is read as an Old Style date" in message
    assert "15 September 1866" in message
    assert "write it in EDTF, which is always Gregorian ('1866-09-03': 3 September 1866)" in message


def test_the_command_line_says_a_late_julian_date_once_as_a_warning(julian: Path) -> None:
    julian.write_text(JULIAN + MODERN_EDITION, encoding="utf-8")
    code, _, err = run("query", "fire.toml", "--from", "2 September 1666", "--to", "2 September 1666")
    assert code == 0
    assert err.startswith("chronology query: warning: fire.toml:")
    assert err.count("\n") == 1
    assert "source 'latham', field 'published'" in err


def test_a_parquet_file_on_an_engine_takes_calendar_julian(julian: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    assert run("export", "fire.toml", "-o", "fire.parquet")[0] == 0
    window = ("--from", "2 September 1666", "--to", "2 September 1666")
    code, out, _ = run("query", "fire.parquet", "--engine", "duckdb", *window, "--calendar", "julian")
    assert code == 0
    assert sorted(ids(out)) == ["bakery", "great-fire"]
    code, out, _ = run("query", "fire.parquet", "--engine", "duckdb", *window)  # a Parquet file is Gregorian
    assert ids(out) == ["iso-day"]
    assert run("query", "fire.parquet", "--engine", "duckdb", *window, "--calendar", "julian", "--count")[1] == "2\n"
