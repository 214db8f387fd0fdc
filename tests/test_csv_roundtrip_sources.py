"""A chronology through CSV and back: events, the sources' details, anchored wording, claims and the zone."""

from __future__ import annotations

import contextlib
import csv
import io
from io import StringIO
from pathlib import Path

import attrs
import pytest

from chronology import Timeline
from chronology.cli import main
from chronology.errors import EventFileError
from chronology.events import Source
from chronology.exchange.as_csv import SOURCE_COLUMNS, from_csv, sources_to_csv, to_csv
from chronology.files import load_text
from chronology.files.load import load

#: Sources with every detail, wording anchored to a source ("Tuesday at 3 a.m.") and to an event ("two days
#: later"), a claim of a bare number and one of wording, in a zone.
SYNTHETIC = '''
title = "Synthetic"

[reading]
zone = "Europe/Kyiv"

[[sources]]
id = "kyiv-post"
outlet = "Kyiv Post"
title = "Strikes on Kyiv; 120 drones, says the air force"
authors = ["A. Writer", "B; Writer"]
published = "2025-03-14"
url = "https://example.org/a"
note = """A note
on two lines; with a semicolon."""

[[sources]]
id = "blog"
title = "=A blog"
published = "[2025-03-12..2025-03-20]"

[[events]]
id = "strike"
title = "Drone strike on Kyiv"
when = "Tuesday at 3 a.m."
anchor = "kyiv-post"
kind = "attack"

[[events.citations]]
source = "kyiv-post"
quote = "On Tuesday at 3 a.m., 120 drones"

[[events.claims]]
subject = "drones"
value = 120
unit = "drones"
claimant = "the air force"
source = "kyiv-post"

[[events.claims]]
subject = "drones"
value = "about 10,000"
claimant = "someone"
source = "kyiv-post"

[[events]]
id = "funeral"
title = "Funeral"
when = "two days later"
anchor = "strike"

[[events.citations]]
source = "blog"
'''


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def differences(original: Timeline, back: Timeline) -> list[str]:
    """Every field of every event and source that differs, the dates' wording and precision too."""
    found = [
        f"source {source.id}: {source!r} != {back.sources.get(source.id)!r}"
        for source in original.sources.values()
        if back.sources.get(source.id) != source
    ]
    found += [f"extra source {source_id}" for source_id in back.sources if source_id not in original.sources]
    for event in original:
        other = back[event.id]
        for field in attrs.fields(type(event)):
            mine, theirs = getattr(event, field.name), getattr(other, field.name)
            if mine != theirs:
                found.append(f"{event.id}.{field.name}: {mine!r} != {theirs!r}")
        if (event.when.text, repr(event.when)) != (other.when.text, repr(other.when)):
            found.append(f"{event.id}.when: {event.when.text!r} {event.when!r} != {other.when.text!r} {other.when!r}")
    if back.zone != original.zone:
        found.append(f"zone: {original.zone!r} != {back.zone!r}")
    return found


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "events.toml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return path


def test_the_sources_spreadsheet_holds_every_detail_of_each_source(synthetic: Path) -> None:
    timeline = load(synthetic)
    rows = list(csv.DictReader(io.StringIO(sources_to_csv(timeline), newline="")))
    assert tuple(rows[0]) == SOURCE_COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert by_id["kyiv-post"]["outlet"] == "Kyiv Post"
    assert by_id["kyiv-post"]["authors"] == "A. Writer; B;; Writer"  # a list, as the events' lists are written
    assert by_id["kyiv-post"]["note"] == "A note\non two lines; with a semicolon."
    assert by_id["blog"]["title"] == "'=A blog"  # not a formula in a spreadsheet
    assert by_id["blog"]["published"] == "[2025-03-12..2025-03-20]"


def test_a_timeline_comes_back_whole_from_its_two_spreadsheets_and_its_zone(synthetic: Path) -> None:
    original = load(synthetic)
    back = from_csv(to_csv(original), sources_csv=sources_to_csv(original), zone=original.zone)
    assert differences(original, back) == []
    assert back["strike"].when.text == "Tuesday at 3 a.m."
    assert back["funeral"].when.text == "two days later"


def test_without_the_sources_spreadsheet_sources_are_bare_and_wording_against_them_is_not_kept(
    synthetic: Path,
) -> None:
    original = load(synthetic)
    back = from_csv(to_csv(original), zone=original.zone)
    assert back.sources["kyiv-post"] == Source(id="kyiv-post")
    assert back["strike"].when.text != "Tuesday at 3 a.m."  # it cannot be checked against an undated source
    assert back["strike"].when == original["strike"].when


def test_the_showcase_survives_export_and_import_field_by_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    showcase = Path(__file__).resolve().parent.parent / "events.toml"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.toml").write_text(showcase.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("export", "events.toml", "-o", "out.csv")[0] == 0
    assert (tmp_path / "out.sources.csv").is_file()
    code, out, err = run("import", "out.csv", "-o", "back.toml")
    assert (code, err) == (0, "")
    assert "read from out.sources.csv" in out
    assert differences(load(tmp_path / "events.toml"), load(tmp_path / "back.toml")) == []


def test_export_and_import_carry_the_synthetic_file_given_its_zone(synthetic: Path) -> None:
    code, out, _ = run("export", "events.toml", "-o", "out.csv")
    assert code == 0
    assert "out.sources.csv (2 sources' details)" in out
    assert "--zone Europe/Kyiv" in out  # the CSV does not hold it, and export says so
    code, out, err = run("import", "out.csv", "-o", "back.toml", "--zone", "Europe/Kyiv")
    assert (code, err) == (0, "")
    assert differences(load(synthetic), load(synthetic.parent / "back.toml")) == []


def test_import_says_which_sources_came_by_id_only(synthetic: Path) -> None:
    assert run("export", "events.toml", "-o", "out.csv")[0] == 0
    (synthetic.parent / "out.sources.csv").unlink()
    code, out, _ = run("import", "out.csv", "-o", "back.toml", "--zone", "Europe/Kyiv")
    assert code == 0
    assert "2 sources imported by id only" in out
    assert "out.sources.csv" in out
    assert "1 event dated against them kept as EDTF" in out


def test_import_and_export_help_say_where_the_sources_details_go() -> None:
    export_help, import_help = (" ".join(run_help(command).split()) for command in ("export", "import"))
    assert "events.sources.csv" in export_help
    assert "import with --title, --zone and --calendar" in export_help  # the title, zone, calendar a CSV does not hold
    assert "events.sources.csv" in import_help
    assert "give them with --title, --zone and --calendar" in import_help


def run_help(command: str) -> str:
    buffer = StringIO()
    with contextlib.redirect_stdout(buffer), pytest.raises(SystemExit):
        main([command, "--help"])
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("sources_csv", "row", "said"),
    [
        ("id,outlet,colour\r\ns,x,red\r\n", 1, "unknown column 'colour'"),
        ("id,outlet\r\ns,x\r\ns,y\r\n", 3, "source 's' repeats row 2"),
        ("id,published\r\ns,2024-13\r\n", 2, "'2024-13'"),
        ("outlet\r\nx\r\n", 1, "no 'id' column"),
    ],
    ids=["unknown-column", "repeated-id", "bad-date", "no-id"],
)
def test_a_problem_of_the_sources_spreadsheet_names_its_file_and_row(sources_csv: str, row: int, said: str) -> None:
    events = "id,title,edtf,sources\r\ne,E,2024-12,s\r\n"
    with pytest.raises(EventFileError) as raised:
        from_csv(events, path="e.csv", sources_csv=sources_csv, sources_path="e.sources.csv")
    shown = str(raised.value)
    assert f"e.sources.csv:{row}" in shown
    assert said in shown


def test_a_source_of_the_spreadsheet_replaces_a_given_one_of_its_id() -> None:
    events = "id,title,edtf,sources\r\ne,E,2024-12,s\r\n"
    back = from_csv(events, sources=[Source(id="s", outlet="old")], sources_csv="id,outlet\r\ns,new\r\n")
    assert back.sources["s"].outlet == "new"


def test_a_claimed_number_is_written_back_as_a_number(synthetic: Path) -> None:
    assert run("export", "events.toml", "-o", "out.csv")[0] == 0
    assert run("import", "out.csv", "-o", "back.toml", "--zone", "Europe/Kyiv")[0] == 0
    written = (synthetic.parent / "back.toml").read_text(encoding="utf-8")
    assert "value = 120\n" in written
    assert 'value = "about 10,000"\n' in written  # wording stays text


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("2025-03-11T03+02:00/2025-03-11T05+02:00", "from an hour to an hour"),
        ("2025-03-11/2025-03-12", "from a day to a day"),
        ("2025-03/2025-04", "from a month to a month"),
    ],
    ids=["hours", "days", "months"],
)
def test_show_gives_each_unit_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    text = f'[[events]]\nid = "a"\ntitle = "A"\nwhen = "{when}"\n'
    load_text(tmp_path / "events.toml", text)  # a file the reader accepts
    (tmp_path / "events.toml").write_text(text, encoding="utf-8")
    code, out, _ = run("show", "events.toml", "a")
    assert code == 0
    assert f"precision  an interval: {said}\n" in out
