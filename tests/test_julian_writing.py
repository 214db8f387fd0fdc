"""Dates of a file read in the Julian calendar keep their wording where the library writes them."""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology.cli import main
from chronology.dates import DateValue, Endpoint, Interval, UncertainDate
from chronology.events import Event, Source
from chronology.exchange.as_csv import from_csv, sources_to_csv, to_csv
from chronology.exchange.as_json import from_json, to_json
from chronology.files import EventFile
from chronology.notation import parse
from chronology.timeline import Timeline

JULIAN = """\
title = "Plague and fire"

[reading]
calendar = "julian"

[[sources]]
id = "pepys-diary"
outlet = "The Diary of Samuel Pepys"
published = "1972"
calendar = "gregorian"

[[sources]]
id = "bills-1665"
title = "London's Dreadful Visitation"
published = "19 December 1665"

[[sources]]
id = "edition"
title = "A modern edition"
published = "3 March 1990"
calendar = "gregorian"

[[events]]
id = "first-deaths"
title = "First plague deaths"
when = "late 1664"

[[events]]
id = "war-declared"
title = "War on the Dutch"
when = "4 March 1664/5"

[[events]]
id = "quack-remedies"
title = "Quack remedies sold"
when = "c. 1665"

[[events]]
id = "peak-week"
title = "The worst week"
when = "the week of 19 September 1665"

[[events.citations]]
source = "bills-1665"
quote = "Plague 7165"

[[events]]
id = "deaths-1665"
title = "The plague year's toll"
when = "in 1665"

[[events.claims]]
subject = "plague deaths"
value = "68,596"
source = "bills-1665"
said = "19 December 1665"

[[events]]
id = "hodges"
title = "Hodges treats patients"
when = "between 1664 and 1666"

[[events]]
id = "great-fire"
title = "The Great Fire burns"
when = "from 2 September 1666 to 6 September 1666"

[[events]]
id = "st-pauls"
title = "St Paul's burns"
when = "4 September 1666"
part_of = "great-fire"

[[events.citations]]
source = "pepys-diary"
quote = "the stones of Paules flew"
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _ends(value: DateValue) -> list[UncertainDate | Endpoint]:
    return [value] if isinstance(value, UncertainDate) else [value.start, value.end]


def _same_date(mine: DateValue, theirs: DateValue) -> None:
    """The same bounds, and at each end the same precision and qualifier."""
    assert isinstance(mine, Interval) == isinstance(theirs, Interval)
    assert (mine.lo, mine.hi) == (theirs.lo, theirs.hi)
    for one, other in zip(_ends(mine), _ends(theirs), strict=True):
        if not isinstance(one, UncertainDate) or not isinstance(other, UncertainDate):
            assert one is other
            continue
        assert (one.lo, one.hi, one.precision, one.qualifier) == (other.lo, other.hi, other.precision, other.qualifier)


def _same_events(read: Timeline, original: Timeline) -> None:
    assert [event.id for event in read] == [event.id for event in original]
    for event in original:
        back = read[event.id]
        _same_date(back.when, event.when)
        assert back.when.text == event.when.text  # the wording is kept
        assert [c.said for c in back.claims] == [c.said for c in event.claims]
    for source in original.sources.values():
        assert read.sources[source.id].published == source.published


@pytest.fixture
def julian(tmp_path: Path) -> Path:
    path = tmp_path / "plague.toml"
    path.write_text(JULIAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("worded", ["c. 1665", "4 September 1666", "late 1666", "between 1664 and 1666"])
def test_add_into_a_julian_file_writes_the_date_as_worded(julian: Path, worded: str) -> None:
    code, _, err = _run("add", str(julian), "--id", "added", "--title", "Added", "--when", worded)
    assert (code, err) == (0, "")
    assert f'when = "{worded}"' in julian.read_text(encoding="utf-8")
    added = chronology.load(julian)["added"].when
    _same_date(added, parse(worded, calendar="julian"))
    assert added.text == worded


def test_an_added_date_reads_as_the_same_wording_typed_in_the_file(julian: Path) -> None:
    code, _, _ = _run("add", str(julian), "--id", "added", "--title", "Added", "--when", "c. 1665")
    assert code == 0
    timeline = chronology.load(julian)
    added, typed = timeline["added"].when, timeline["quack-remedies"].when
    _same_date(added, typed)
    assert isinstance(added, UncertainDate)
    assert isinstance(typed, UncertainDate)
    assert (added.precision, added.qualifier) == (typed.precision, typed.qualifier)


def test_event_file_add_and_update_keep_julian_wording(julian: Path) -> None:
    with EventFile.open(julian) as file:
        file.add(Event(id="added", title="Added", when=parse("early July 1665", calendar="julian")))
        file.update("hodges", when=parse("before 23 August 1665", calendar="julian"))
        published = parse("1 May 1666", calendar="julian")
        assert isinstance(published, UncertainDate)
        file.add_source(Source(id="clerk", published=published))
        file.save()
    text = julian.read_text(encoding="utf-8")
    assert 'when = "early July 1665"' in text
    assert 'when = "before 23 August 1665"' in text
    assert 'published = "1 May 1666"' in text
    timeline = chronology.load(julian)
    _same_date(timeline["added"].when, parse("early July 1665", calendar="julian"))
    _same_date(timeline["hodges"].when, parse("before 23 August 1665", calendar="julian"))


def test_a_julian_reading_added_to_a_gregorian_file_keeps_its_value(tmp_path: Path) -> None:
    path = tmp_path / "modern.toml"
    path.write_text('title = "modern"\n', encoding="utf-8")
    value = parse("4 September 1666", calendar="julian")
    with EventFile.open(path) as file:
        file.add(Event(id="st-pauls", title="St Paul's burns", when=value))
        file.save()
    assert 'when = "4 September 1666"' not in path.read_text(encoding="utf-8")  # it would read 10 days off
    _same_date(chronology.load(path)["st-pauls"].when, value)


def test_json_of_a_julian_file_keeps_its_calendar_and_wording(julian: Path) -> None:
    timeline = chronology.load(julian)
    document = json.loads(to_json(timeline))
    assert document["reading"] == {"calendar": "julian"}
    whens = {record["id"]: record["when"] for record in document["events"]}
    assert whens["quack-remedies"] == "c. 1665"
    assert whens["great-fire"] == "from 2 September 1666 to 6 September 1666"
    sources = {record["id"]: record for record in document["sources"]}
    assert sources["edition"]["calendar"] == "gregorian"  # "3 March 1990" reads back so only in it
    assert "calendar" not in sources["bills-1665"]
    back = from_json(to_json(timeline))
    assert back.calendar == "julian"
    _same_events(back, timeline)
    typed, read = timeline["quack-remedies"].when, back["quack-remedies"].when
    assert isinstance(typed, UncertainDate)
    assert isinstance(read, UncertainDate)
    assert (read.precision, read.qualifier) == (typed.precision, typed.qualifier)


def test_json_round_trip_keeps_the_answers(julian: Path) -> None:
    timeline = chronology.load(julian)
    back = from_json(to_json(timeline))
    for window in ("1665", "September 1666", "late 1664"):
        for mode in ("possible", "certain"):
            answer = [e.id for e in timeline.overlapping(window, window, mode=mode)]
            assert [e.id for e in back.overlapping(window, window, mode=mode)] == answer


def test_a_gregorian_file_json_has_no_calendar(tmp_path: Path) -> None:
    path = tmp_path / "modern.toml"
    path.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "c. 1665"\n', encoding="utf-8")
    document = json.loads(to_json(chronology.load(path)))
    assert "reading" not in document
    assert document["events"][0]["when"] == "c. 1665"


def test_csv_of_a_julian_file_fills_the_wording_column(julian: Path) -> None:
    timeline = chronology.load(julian)
    rows = to_csv(timeline).splitlines()
    header = rows[0].split(",")
    column = header.index("when")
    read = list(csv.reader(rows[1:]))
    wordings = {row[0]: row[column] for row in read}
    assert wordings == {event.id: event.when.text for event in timeline}


def test_csv_round_trip_of_a_julian_file_read_in_its_calendar(julian: Path) -> None:
    timeline = chronology.load(julian)
    back = from_csv(to_csv(timeline), sources_csv=sources_to_csv(timeline), calendar="julian")
    assert back.calendar == "julian"
    _same_events(back, timeline)


def test_csv_of_a_julian_file_read_in_gregorian_says_which_calendar(julian: Path) -> None:
    timeline = chronology.load(julian)
    with pytest.raises(chronology.EventFileError) as raised:
        from_csv(to_csv(timeline))
    message = str(raised.value)
    assert "read in the Julian calendar it is that date" in message
    assert "calendar='julian'" in message


def test_from_csv_refuses_an_unknown_calendar() -> None:
    with pytest.raises(chronology.ChronologyError, match="'gregorian' or 'julian'"):
        from_csv("id,title,edtf\r\na,A,2024\r\n", calendar="mayan")  # type: ignore[arg-type]


def test_an_interval_reads_back_as_an_interval(julian: Path) -> None:
    back = from_json(to_json(chronology.load(julian)))
    assert isinstance(back["great-fire"].when, Interval)


@pytest.mark.parametrize("to", ["json", "csv"])
def test_chronology_import_of_a_julian_export_writes_a_julian_file(julian: Path, to: str) -> None:
    exported = julian.with_name(f"plague.{to}")
    assert _run("export", str(julian), "--to", to, "-o", str(exported))[0] == 0
    back = julian.with_name("back.toml")
    given = ("--calendar", "julian") if to == "csv" else ()  # a spreadsheet does not say its calendar
    code, _, err = _run("import", str(exported), "-o", str(back), *given)
    assert (code, err) == (0, "")
    assert 'calendar = "julian"' in back.read_text(encoding="utf-8")
    read = chronology.load(back)
    assert read.calendar == "julian"
    original = chronology.load(julian)
    for event in original:
        _same_date(read[event.id].when, event.when)  # the same bounds, precision and qualifiers


def test_chronology_import_refuses_a_calendar_other_than_the_files(julian: Path, tmp_path: Path) -> None:
    exported = julian.with_name("plague.json")
    assert _run("export", str(julian), "--to", "json", "-o", str(exported))[0] == 0
    code, _, err = _run("import", str(exported), "-o", str(tmp_path / "b.toml"), "--calendar", "gregorian")
    assert code == 1
    assert "julian calendar, not gregorian" in err
