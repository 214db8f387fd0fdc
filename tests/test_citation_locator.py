"""A citation's ``locator`` (a page, a folio, a section): read, refused when not one line, kept everywhere it goes."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import attrs
import jsonschema  # type: ignore[import-untyped]  # the stubs are a separate package
import pytest

import chronology
from chronology import Citation, Event, Source, Timeline
from chronology.cli import main
from chronology.errors import EventFileError, InvalidEventError
from chronology.exchange.as_csv import from_csv, to_csv
from chronology.exchange.as_json import from_json, json_schema, to_json
from chronology.exchange.html import to_html
from chronology.exchange.markdown import to_markdown
from chronology.files.edit import EventFile
from chronology.files.load import load_text
from chronology.relative import RelativeDate

ROOT = Path(__file__).resolve().parent.parent

SOURCES = """\
[[sources]]
id = "pepys"
outlet = "Samuel Pepys"
title = "Diary"

[[sources]]
id = "evelyn"
outlet = "John Evelyn"
"""

# A citation of each route through the loader: source and locator alone; with a quote; with the source's
# own wording of the date (read in full); and one without a locator.
LOCATED = (
    SOURCES
    + """
# the fire, as the diarists tell it
[[events]]
id = "fire"
title = "The fire breaks out in Pudding Lane"
when = "1666-09-02"

[[events.citations]]
source = "pepys"
locator = "vol. VII, p. 267"

[[events.citations]]
source = "pepys"
quote = "Jane called us up about three in the morning"
locator = "f. 12v"

[[events.citations]]
source = "evelyn"

[[events]]
id = "spread"
title = "The fire reaches Cheapside"
when = "1666-09-04"
tense = "future"

[[events.citations]]
source = "evelyn"
locator = "s.v. 'plague'"
when = "two days later"
"""
)


def located(tmp_path: Path) -> Timeline:
    path = tmp_path / "events.toml"
    path.write_text(LOCATED, encoding="utf-8")
    return chronology.load(path)


def locators(timeline: Timeline) -> dict[str, list[str]]:
    return {event.id: [citation.locator for citation in event.citations] for event in timeline}


# -- reading --------------------------------------------------------------------------------------


def test_a_file_with_locators_loads_each_citation_with_its_own(tmp_path: Path) -> None:
    timeline = located(tmp_path)
    assert locators(timeline) == {"fire": ["vol. VII, p. 267", "f. 12v", ""], "spread": ["s.v. 'plague'"]}
    assert timeline["fire"].citations[1].quote == "Jane called us up about three in the morning"
    assert timeline["spread"].citations[0].when is not None  # read in full, its own wording kept too


def test_a_citation_without_a_locator_has_none() -> None:
    assert Citation(source="pepys").locator == ""


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        pytest.param('"p. 23\\np. 24"', "'p. 23\\np. 24'", id="line-feed"),
        pytest.param('"p. 23\\r\\np. 24"', "'p. 23\\r\\np. 24'", id="crlf"),
        pytest.param('"p. 23\\u2028p. 24"', "'p. 23\\u2028p. 24'", id="line-separator"),
        pytest.param('"""\np. 23\np. 24"""', "'p. 23\\np. 24'", id="multi-line-string"),
    ],
)
def test_a_locator_over_more_than_one_line_is_refused_where_it_is_written(
    written: str, shown: str, tmp_path: Path
) -> None:
    text = SOURCES + '\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666"\n\n[[events.citations]]\n'
    text += f'source = "pepys"\nlocator = {written}\n'
    line = text.splitlines().index(f"locator = {written.splitlines()[0]}") + 1
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    (problem,) = raised.value.problems
    message = str(problem)
    assert message.startswith(f"{tmp_path / 'events.toml'}:{line}:")
    assert "event 'fire', field 'citations[0].locator'" in message
    assert f"the locator runs over more than one line ({shown})" in message
    assert "give one line naming the place in the source ('p. 23'" in message


def test_a_locator_line_break_is_said_with_the_citation_s_other_problems(tmp_path: Path) -> None:
    text = SOURCES + '\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666"\n\n[[events.citations]]\n'
    text += 'source = "pepys"\nlocator = "p. 1\\np. 2"\npage = "3"\n'
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    fields = sorted(problem.field or "" for problem in raised.value.problems)
    assert fields == ["citations[0].locator", "citations[0].page"]


def test_a_control_character_in_a_locator_is_refused_as_in_any_text_of_one_line(tmp_path: Path) -> None:
    text = SOURCES + '\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666"\n\n[[events.citations]]\n'
    text += 'source = "pepys"\nlocator = "p.\\u001b23"\n'
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    assert "control character U+001B at character 3" in str(raised.value)
    assert "field 'citations[0].locator'" in str(raised.value)


@pytest.mark.parametrize("locator", ["p. 23\np. 24", "p. 23\u2028", "\r"], ids=["lf", "line-separator", "cr"])
def test_a_citation_made_with_a_locator_over_more_than_one_line_is_refused(locator: str) -> None:
    with pytest.raises(InvalidEventError) as raised:
        Citation(source="pepys", locator=locator)
    assert "citation of 'pepys', field 'locator'" in str(raised.value)
    assert repr(locator) in str(raised.value)


def test_a_locator_that_is_not_text_is_refused_when_made() -> None:
    with pytest.raises(chronology.WrongTypeError, match="field 'locator': expected a string"):
        Citation(source="pepys", locator=23)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", ["page", "Page", "pages", "folio", "pp"])
def test_a_page_given_by_another_name_suggests_locator(key: str, tmp_path: Path) -> None:
    text = SOURCES + '\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666"\n\n[[events.citations]]\n'
    text += f'source = "pepys"\n{key} = "23"\n'
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    (problem,) = raised.value.problems
    assert f"unknown key {key!r} in a citation; did you mean 'locator'?" in str(problem)
    assert problem.field == f"citations[0].{key}"


def test_page_in_an_event_is_not_taken_for_a_locator(tmp_path: Path) -> None:
    text = SOURCES + '\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666"\npage = "23"\n'
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    assert "locator" not in str(raised.value)  # an event has no locator: its citations do


# -- the event file writer ------------------------------------------------------------------------


def test_an_event_added_with_a_located_citation_reads_back_with_it(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(LOCATED, encoding="utf-8")
    chronology.load(path)
    wording = chronology.parse_expression("the next day")
    assert isinstance(wording, RelativeDate)
    citations = (
        Citation(source="pepys", quote="the wind mighty high", locator="pp. 268-270"),
        Citation(source="evelyn"),
        Citation(source="evelyn", locator="f. 4", when=wording),
    )
    added = Event(id="houses", title="Houses pulled down", when=chronology.parse("1666-09-03"), citations=citations)
    with EventFile.open(path) as file:
        file.add(added)
        file.save()
    text = path.read_text(encoding="utf-8")
    kept = iter(text.splitlines())
    assert all(line in kept for line in LOCATED.splitlines())  # every line, the comment too, in its order
    timeline = chronology.load(path)
    assert timeline["houses"].citations == citations
    assert locators(timeline)["fire"] == ["vol. VII, p. 267", "f. 12v", ""]


# -- CSV, JSON, Arrow and Parquet -----------------------------------------------------------------


def test_csv_writes_a_locators_column_after_quotes_and_reads_it_back(tmp_path: Path) -> None:
    timeline = located(tmp_path)
    text = to_csv(timeline)
    header = text.splitlines()[0].split(",")
    assert header[header.index("quotes") + 1] == "locators"
    assert "vol. VII, p. 267; f. 12v; " in text
    read = from_csv(text, sources=timeline.sources)
    assert locators(read) == locators(timeline)
    unworded = [[attrs.evolve(c, when=None) for c in event.citations] for event in timeline]  # CSV has no room for it
    assert [list(event.citations) for event in read] == unworded


def test_csv_of_a_timeline_without_locators_has_no_locators_column(tmp_path: Path) -> None:
    timeline = located(tmp_path)
    bare = Timeline(
        [attrs.evolve(e, citations=[attrs.evolve(c, locator="") for c in e.citations]) for e in timeline],
        timeline.sources.values(),
    )
    assert "locators" not in to_csv(bare).splitlines()[0].split(",")


def test_csv_with_a_locator_per_source_miscounted_is_refused_at_the_column() -> None:
    text = "id,title,edtf,sources,locators\nfire,Fire,1666-09-02,pepys; evelyn,p. 23\n"
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="events.csv")
    (problem,) = raised.value.problems
    assert str(problem).startswith("events.csv:2: event 'fire', field 'locators': 1 locator for 2 sources")


def test_csv_with_a_locator_over_two_lines_is_refused_at_the_column() -> None:
    text = 'id,title,edtf,sources,locators\r\nfire,Fire,1666-09-02,pepys,"p. 23\r\np. 24"\r\n'
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="events.csv")
    (problem,) = raised.value.problems
    assert "events.csv:2: event 'fire', field 'locators': the locator runs over more than one line" in str(problem)


def test_a_csv_column_named_locator_warns_that_locators_is_meant() -> None:
    text = "id,title,edtf,sources,locator\nfire,Fire,1666-09-02,pepys,p. 23\n"
    with pytest.warns(chronology.ChronologyWarning, match="name it 'locators'"):
        read = from_csv(text)
    assert read["fire"].extra["locator"] == "p. 23"


@pytest.mark.parametrize("key", ["locator", "Locators", "ACTOR"])
def test_an_extra_key_named_as_a_column_is_meant_comes_back_from_csv_without_a_warning(key: str) -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("1666"), extra={key: "p. 23"})])
    text = to_csv(timeline)
    assert f",extra.{key}\r\n" in text.splitlines(keepends=True)[0]
    assert dict(from_csv(text)["a"].extra) == {key: "p. 23"}  # warnings are errors here: none was given


def test_json_keeps_each_locator_and_the_schema_accepts_it(tmp_path: Path) -> None:
    timeline = located(tmp_path)
    text = to_json(timeline)
    document = json.loads(text)
    jsonschema.Draft202012Validator(json_schema()).validate(document)
    assert document["events"][0]["citations"][0] == {"source": "pepys", "locator": "vol. VII, p. 267"}
    read = from_json(text)
    assert [event.citations for event in read] == [event.citations for event in timeline]


def test_the_json_schema_refuses_a_locator_over_two_lines() -> None:
    citation = {"source": "s", "locator": "1\n2"}
    document = {"events": [{"id": "a", "title": "A", "when": "1666", "citations": [citation]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json_schema()).validate(document)
    with pytest.raises(EventFileError, match=r"citations\[0\]\.locator"):
        from_json(json.dumps({**document, "sources": [{"id": "s"}]}))


def test_parquet_keeps_each_locator(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from chronology.exchange.parquet import read_parquet

    timeline = located(tmp_path)
    timeline.to_parquet(tmp_path / "events.parquet")
    read = read_parquet(tmp_path / "events.parquet")
    assert [event.citations for event in read] == [event.citations for event in timeline]


# -- Markdown and HTML ----------------------------------------------------------------------------


def test_markdown_prints_each_locator_after_its_source(tmp_path: Path) -> None:
    text = to_markdown(located(tmp_path))
    fire = next(line for line in text.splitlines() if "Pudding Lane" in line)
    assert fire.endswith("| [^pepys], vol. VII, p. 267; [^pepys], f. 12v; [^evelyn] |")


def test_markdown_without_locators_is_as_it_was(tmp_path: Path) -> None:
    citations = [Citation(source="p"), Citation(source="e")]
    timeline = Timeline(
        [Event(id="a", title="A", when=chronology.parse("1666"), citations=citations)], [Source(id="p"), Source(id="e")]
    )
    assert "| [^p] [^e] |" in to_markdown(timeline)


def test_html_prints_each_locator_after_its_source_escaped(tmp_path: Path) -> None:
    timeline = located(tmp_path)
    assert "<td>Samuel Pepys, vol. VII, p. 267; Samuel Pepys, f. 12v; John Evelyn</td>" in to_html(timeline)
    assert "<td>John Evelyn, s.v. &#x27;plague&#x27;</td>" in to_html(timeline)


# -- the reference page ---------------------------------------------------------------------------


def test_the_reference_page_example_of_locators_loads_as_it_says(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "reference" / "event-file.md").read_text(encoding="utf-8")
    (example,) = [
        block
        for block in re.findall(r"^```\{code-block\} toml\n(.*?)^```", page, flags=re.MULTILINE | re.DOTALL)
        if "locator" in block
    ]
    path = tmp_path / "events.toml"
    path.write_text(example, encoding="utf-8")
    timeline = chronology.load(path)
    assert locators(timeline) == {"fire": ["vol. VII, p. 267", "vol. VII, pp. 268-270"]}
    assert "| `locator` | string | no |" in page
    shown = re.search(r"\(`(\[\^pepys\].*?)`\)", page)
    assert shown is not None
    assert f"| {shown.group(1)} |" in to_markdown(timeline)  # the Markdown the page shows is what is written


def test_timelinejs_and_icalendar_print_each_locator_after_its_source(tmp_path: Path) -> None:
    from chronology.exchange.ical import to_ics
    from chronology.exchange.timelinejs import to_timelinejs

    timeline = located(tmp_path)
    slides = {slide["unique_id"]: slide["text"]["text"] for slide in to_timelinejs(timeline)["events"]}
    assert "<p>Source: John Evelyn, s.v. &#x27;plague&#x27;</p>" in slides["spread"]
    assert "<footer>Samuel Pepys, “Diary”, f. 12v</footer>" in slides["fire"]
    unfolded = to_ics(timeline).replace("\r\n ", "")
    assert r"- Samuel Pepys\, “Diary”\, vol. VII\, p. 267\; f. 12v: “Jane called us up" in unfolded


# -- the command line ------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_show_prints_each_citation_with_the_place_it_cites(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(LOCATED, encoding="utf-8")
    code, out, err = run("show", str(path), "fire")
    assert (code, err) == (0, "")
    cited = [line.strip() for line in out.splitlines() if line.strip().startswith("[")]
    assert len(cited) == 3
    assert cited[0].startswith("[1] pepys: Samuel Pepys, “Diary”, ")
    assert cited[0].endswith(", vol. VII, p. 267")  # after the source's date (here worked out: it is undated)
    assert cited[1].startswith("[2] pepys: ")
    assert cited[1].endswith(", f. 12v")
    assert cited[2].startswith("[3] evelyn: John Evelyn")
    assert "p. 267" not in cited[2]
    assert "f. 12v" not in cited[2]


def test_add_writes_the_locator_given_and_refuses_one_without_a_source(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(SOURCES, encoding="utf-8")
    code, _, err = run("add", str(path), "--id", "fire", "--title", "Fire", "--when", "1666-09-02", "--locator", "p. 1")
    assert code == 2
    assert "--locator needs --source" in err
    assert path.read_text(encoding="utf-8") == SOURCES  # nothing written
    argv = ("add", str(path), "--id", "fire", "--title", "Fire", "--when", "1666-09-02", "--source", "pepys")
    assert run(*argv, "--locator", "f. 12v")[0] == 0
    assert [(c.source, c.locator) for c in chronology.load(path)["fire"].citations] == [("pepys", "f. 12v")]
