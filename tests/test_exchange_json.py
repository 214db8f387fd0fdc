"""JSON export and import: lossless, in the event file's shape, checked by the event file's reader."""

from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]  # the stubs are a separate package
import pytest
from generated_timelines import holdable, timelines
from hypothesis import given, note, settings
from hypothesis import strategies as st

import chronology
from chronology import (
    Citation,
    Claim,
    Event,
    EventFile,
    EventFileError,
    Quantity,
    Source,
    Tense,
    Timeline,
    UncertainDate,
    ValidationError,
)
from chronology.exchange import from_json, json_schema, to_json

SHOWCASE = Path(__file__).parent.parent / "events.toml"
REPORT_DAY = UncertainDate.parse("2024-11-17")


def small() -> Timeline:
    """A report, a call it dates as "Friday", a summit and a meeting planned within it."""
    report = Source(id="report", outlet="Bloomberg", authors=("A. Writer",), published=REPORT_DAY)
    call = Event(
        id="call",
        title="Scholz calls Putin",
        when=chronology.parse("Friday", anchor=REPORT_DAY),
        anchor="report",
        kind="diplomacy",
        actors=("Olaf Scholz", "Vladimir Putin"),
        citations=[Citation(source="report", quote="Scholz told Putin Friday ...")],
        claims=[
            Claim(
                subject="North Korean troops",
                value=Quantity.parse("up to 100,000"),
                unit="soldiers",
                claimant="G20 assessments",
                source="report",
            )
        ],
        extra={"analyst": "J. Doe", "score": 3},
    )
    summit = Event(id="summit", title="G20 summit", when=chronology.parse("2024-11-18/2024-11-19"), after=["call"])
    meeting = Event(
        id="meeting",
        title="Scholz meets Xi",
        when=chronology.parse("on Tuesday", anchor=REPORT_DAY, tense=Tense.FUTURE),
        anchor="report",
        tense=Tense.FUTURE,
        part_of="summit",
    )
    return Timeline([call, summit, meeting], [report], title="November 2024")


def assert_same(a: Timeline, b: Timeline) -> None:
    """Event for event and source for source, values and wordings."""
    assert b.title == a.title
    assert list(b.sources.items()) == list(a.sources.items())
    assert [e.id for e in b] == [e.id for e in a]
    for mine, theirs in zip(a, b, strict=True):
        assert theirs == mine
        assert theirs.when.text == mine.when.text
        assert [c.said.text if c.said else None for c in theirs.claims] == [
            c.said.text if c.said else None for c in mine.claims
        ]
        assert [c.value.text for c in theirs.claims] == [c.value.text for c in mine.claims]


# -- writing --------------------------------------------------------------------------------------


def test_a_small_timeline_is_written_in_the_event_file_shape() -> None:
    assert json.loads(to_json(small())) == {
        "chronology": "1",
        "title": "November 2024",
        "sources": [{"id": "report", "outlet": "Bloomberg", "authors": ["A. Writer"], "published": "2024-11-17"}],
        "events": [
            {
                "id": "call",
                "title": "Scholz calls Putin",
                "when": "Friday",
                "anchor": "report",
                "kind": "diplomacy",
                "actors": ["Olaf Scholz", "Vladimir Putin"],
                "citations": [{"source": "report", "quote": "Scholz told Putin Friday ..."}],
                "claims": [
                    {
                        "subject": "North Korean troops",
                        "value": "up to 100,000",
                        "unit": "soldiers",
                        "claimant": "G20 assessments",
                        "source": "report",
                    }
                ],
                "extra": {"analyst": "J. Doe", "score": 3},
            },
            {"id": "summit", "title": "G20 summit", "when": "2024-11-18/2024-11-19", "after": ["call"]},
            {
                "id": "meeting",
                "title": "Scholz meets Xi",
                "when": "on Tuesday",
                "anchor": "report",
                "tense": "future",
                "part_of": "summit",
            },
        ],
    }


def test_the_text_is_indented_utf8_ending_in_a_newline() -> None:
    one = Timeline([Event(id="a", title="Ré", when=chronology.parse("2024-06"))])
    assert to_json(one) == (
        '{\n  "chronology": "1",\n  "sources": [],\n  "events": [\n    {\n      "id": "a",\n'
        '      "title": "Ré",\n      "when": "2024-06"\n    }\n  ]\n}\n'
    )
    assert to_json(one, indent=None) == (
        '{"chronology": "1", "sources": [], "events": [{"id": "a", "title": "Ré", "when": "2024-06"}]}\n'
    )


def test_wording_that_does_not_read_back_is_written_as_edtf() -> None:
    # "Friday" read against 17 November is the 15th; against no anchor it means nothing
    friday = chronology.parse("Friday", anchor=REPORT_DAY)
    labelled = attrs.evolve(chronology.parse("2024-10"), text="sometime in October")
    timeline = Timeline([Event(id="a", title="A", when=friday), Event(id="b", title="B", when=labelled)])
    events = json.loads(to_json(timeline))["events"]
    assert [e["when"] for e in events] == ["2024-11-15", "2024-10"]
    assert from_json(to_json(timeline))["a"] == timeline["a"]


def test_a_view_is_written_self_contained() -> None:
    timeline = small()
    back = from_json(to_json(timeline.filter(text="meets")))  # the meeting, without the summit it is part of
    assert [e.id for e in back] == ["meeting"]
    meeting = back["meeting"]
    assert meeting.part_of is None  # the summit was left out
    assert meeting.anchor == "report"
    assert meeting.when == timeline["meeting"].when


def test_an_event_anchored_to_an_event_left_out_is_written_as_edtf() -> None:
    first = Event(id="first", title="First", when=chronology.parse("2024-10-18"))
    second = Event(
        id="second",
        title="Second",
        when=chronology.parse("three weeks ago", anchor=first.when),
        anchor="first",
    )
    timeline = Timeline([first, second])
    events = json.loads(to_json(timeline.filter(text="second")))["events"]
    # 21 days before 18 October is 27 September, read as "about three weeks": half a week either side
    assert events == [{"id": "second", "title": "Second", "when": "[2024-09-24..2024-09-30]"}]


def test_extra_dates_become_iso_text_and_infinite_numbers_are_refused() -> None:
    dated = Event(
        id="a",
        title="A",
        when=chronology.parse("2024"),
        extra={"seen": datetime.date(2024, 10, 1), "at": datetime.time(10, 30), "list": (1, 2)},
    )
    assert json.loads(to_json(Timeline([dated])))["events"][0]["extra"] == {
        "seen": "2024-10-01",
        "at": "10:30:00",
        "list": [1, 2],
    }
    infinite = attrs.evolve(dated, extra={"score": {"high": math.inf}})
    with pytest.raises(ValidationError) as raised:
        to_json(Timeline([infinite]))
    assert (
        str(raised.value) == "event 'a', field 'extra.score.high': inf cannot be written as JSON: give a finite number"
    )


# -- round trips ----------------------------------------------------------------------------------


def test_the_showcase_survives_a_round_trip() -> None:
    showcase = chronology.load(SHOWCASE)
    text = to_json(showcase)
    back = from_json(text, path="showcase.json")
    assert len(back) == 33
    assert_same(showcase, back)
    assert to_json(back) == text


def test_the_showcase_keeps_its_wording() -> None:
    document = json.loads(to_json(chronology.load(SHOWCASE)))
    events = {e["id"]: e for e in document["events"]}
    assert events["scholz-putin-call"]["when"] == "Friday"
    assert events["scholz-putin-call"]["anchor"] == "bloomberg-2024-11-17"
    assert events["transfers"]["when"] == "the second week of October"
    assert events["transfers"]["anchor"] == "nis-statement"
    assert events["uk-tweet"]["extra"] == {"medium": "tweet", "handle": "@UKUN_NewYork"}
    assert len(events["uk-tweet"]["citations"]) == 2


def test_the_small_timeline_survives_a_round_trip() -> None:
    assert_same(small(), from_json(to_json(small())))


@settings(deadline=None)  # whole timelines: the first example also pays for warming caches
@given(timelines().map(holdable))
def test_generated_timelines_survive_a_round_trip(timeline: Timeline) -> None:
    text = to_json(timeline)
    note(text)
    note(repr([(e.id, e.when, e.when.text) for e in timeline]))
    back = from_json(text)
    assert_same(timeline, back)
    assert to_json(back) == text
    jsonschema.validate(json.loads(text), json_schema())


def test_bytes_with_a_byte_order_mark_are_read() -> None:
    text = to_json(small())
    assert_same(small(), from_json(b"\xef\xbb\xbf" + text.encode()))
    assert_same(small(), from_json("\ufeff" + text))


def test_a_document_written_by_hand_may_omit_what_is_empty() -> None:
    timeline = from_json('{"chronology": "1", "events": [{"id": "a", "title": "A", "when": "June 2024"}]}')
    assert timeline["a"].when.label == "June 2024"
    assert timeline.title == ""
    assert dict(timeline.sources) == {}


# -- the schema -----------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_is_package_data_and_a_fresh_copy_each_time() -> None:
    import importlib.resources

    shipped = importlib.resources.files("chronology.exchange").joinpath("chronology.schema.json").read_text("utf-8")
    assert json.loads(shipped) == json_schema()
    first = json_schema()
    first["title"] = "changed"
    assert json_schema()["title"] != "changed"


def test_the_showcase_export_satisfies_the_schema() -> None:
    document = json.loads(to_json(chronology.load(SHOWCASE)))
    jsonschema.Draft202012Validator(json_schema()).validate(document)


def event(**changes: Any) -> dict[str, Any]:
    """A document of one event, with keys changed (a value of None removes the key)."""
    record: dict[str, Any] = {"id": "a", "title": "A", "when": "2024-10-18"}
    for key, value in changes.items():
        if value is None:
            del record[key]
        else:
            record[key] = value
    return {"chronology": "1", "sources": [{"id": "s"}], "events": [record]}


def top(**changes: Any) -> dict[str, Any]:
    document = event()
    document.update(changes)
    return {key: value for key, value in document.items() if value is not None}


# Each document breaks one rule that both the schema and from_json enforce; the message is from_json's, placed
# at the "|" of the needle in the one-line JSON text.
SHAPES = [
    pytest.param(
        top(chronology=None),
        "|{",
        'missing the format marker: add "chronology": "1" at the top level',
        id="no-marker",
    ),
    pytest.param(
        top(chronology=1),
        '"chronology": |1',
        "field 'chronology': expected a string, got a number (1)",
        id="marker-a-number",
    ),
    pytest.param(
        top(**{"$schema": ["x"]}),
        '"$schema": |[',
        "field '$schema': expected a string, got an array",
        id="schema-not-text",
    ),
    pytest.param(
        top(titel="x"),
        '|"titel"',
        "field 'titel': unknown key 'titel' at the top level; did you mean 'title'?",
        id="unknown-top-key",
    ),
    pytest.param(
        top(include=["more.toml"]),
        '|"include"',
        "field 'include': unknown key 'include' at the top level; known keys: $schema, chronology, title, reading, sources, events",
        id="include",
    ),
    pytest.param(
        top(title=5),
        '"title": |5',
        "field 'title': expected a string, got a number (5)",
        id="title-not-text",
    ),
    pytest.param(
        top(events={"id": "a"}),
        '"events": |{',
        "field 'events': expected an array of tables, got a table",
        id="events-not-array",
    ),
    pytest.param(
        event(when=None),
        '"events": [|{',
        "event 'a', field 'when': missing required key 'when'",
        id="no-when",
    ),
    pytest.param(
        event(when=20241018),
        '"when": |20241018',
        "event 'a', field 'when': expected a date as a string "
        '("2024-10-18", "June 2024", "Friday") or a TOML date, got a number (20241018)',
        id="when-a-number",
    ),
    pytest.param(
        event(id="a b"),
        '"id": |"a b"',
        "event 'a b', field 'id': 'a b' is not a valid id: "
        "use letters, digits, '-', '_' and '.', starting with a letter or digit",
        id="bad-id",
    ),
    pytest.param(
        event(tense="sometimes"),
        '"tense": |"sometimes"',
        "event 'a', field 'tense': unknown tense 'sometimes'; expected one of 'past', 'future', 'either'",
        id="bad-tense",
    ),
    pytest.param(
        event(actors=["Kim", 5]),
        '"actors": |[',
        "event 'a', field 'actors': expected an array of strings, got an array",
        id="actor-a-number",
    ),
    pytest.param(
        event(citations=[{"quote": "q"}]),
        '"citations": [|{',
        "event 'a', field 'citations[0].source': missing required key 'source'",
        id="citation-without-source",
    ),
    pytest.param(
        event(citations=[{"source": "bad id"}]),
        '"source": |"bad id"',
        "event 'a', field 'citations[0].source': 'bad id' is not an id: "
        "use letters, digits, '-', '_' and '.', starting with a letter or digit",
        id="citation-bad-id",
    ),
    pytest.param(
        event(claims=[{"subject": "troops", "value": True}]),
        '"value": |true',
        "event 'a', field 'claims[0].value': expected a number or a string "
        '("1,500", "up to 15,000"), got a boolean (true)',
        id="claim-value-boolean",
    ),
    pytest.param(
        event(extra="mine"),
        '"extra": |"mine"',
        "event 'a', field 'extra': expected a table, got a string ('mine')",
        id="extra-not-object",
    ),
    pytest.param(
        event(score=3),
        '|"score"',
        "event 'a', field 'score': unknown key 'score' in an event; known keys: id, title, when, "
        "anchor, tense, kind, actors, places, tags, summary, after, before, part_of, reports, citations, claims, "
        "extra (put your own keys under [events.extra])",
        id="own-key-outside-extra",
    ),
]


@pytest.mark.parametrize(("document", "needle", "message"), SHAPES)
def test_broken_documents_are_refused_by_the_schema_and_by_from_json(
    document: dict[str, Any], needle: str, message: str
) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema())
    text = json.dumps(document)
    column = text.index(needle.replace("|", "")) + needle.index("|") + 1
    with pytest.raises(EventFileError) as raised:
        from_json(text, path="x.json")
    assert str(raised.value) == f"x.json:1:{column}: {message}"


def test_a_marker_of_another_version_is_refused_by_both() -> None:
    document = top(chronology="2")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema())
    with pytest.raises(EventFileError) as raised:
        from_json(json.dumps(document), path="x.json")
    assert str(raised.value) == (
        "x.json:1:16: field 'chronology': format version '2' is not one this library reads (it reads '1')"
    )


# -- what only from_json can check -----------------------------------------------------------------

DOCUMENT = """{
  "chronology": "1",
  "sources": [
    {"id": "report", "published": "2024-11-17"},
    {"id": "undated"}
  ],
  "events": [
    {"id": "a", "title": "A", "when": "2024-13-01"},
    {"id": "b", "title": "B", "when": "Friday"},
    {"id": "c", "title": "C", "when": "Friday", "anchor": "reprot"},
    {"id": "d", "title": "D", "when": "Friday", "anchor": "undated"},
    {"id": "e", "title": "E", "when": "2024-10-01", "after": ["f"]},
    {"id": "f", "title": "F", "when": "2024-11-01"},
    {"id": "a", "title": "A again", "when": "2024"},
    {"title": "no id", "when": "2024"},
    {"id": "g", "title": "G", "when": "2024",
     "claims": [{"subject": "troops", "value": "lots"}]}
  ]
}
"""


def test_every_problem_is_reported_at_its_line_and_column() -> None:
    with pytest.raises(EventFileError) as raised:
        from_json(DOCUMENT, path="data.json")
    # columns: the opening quote of the value (plus the position a date error names), the key, or the "{"
    assert [str(p) for p in raised.value.problems] == [
        "data.json:8:45: event 'a', field 'when': '2024-13-01' (at character 6): month 13 does not exist; "
        "expected 01-12, or 21-41 for seasons and quarters",
        "data.json:9:39: event 'b', field 'when': 'Friday' is relative: name what it is read from with "
        'anchor = "<id of a source or event>"',
        "data.json:10:59: event 'c', field 'anchor': unknown event or source 'reprot'; did you mean 'report'?",
        "data.json:11:59: event 'd', field 'anchor': anchor 'undated' is a source without a 'published' date "
        "to read 'Friday' from: give the source its date (`published = \"2024-10-29\"`) or, not known to the day, "
        'what is known of it (`published = "[2024-10-28..2024-10-30]"`, one of those days; '
        '`published = "2024-10~"`, about October 2024); else write the date in full, with its year, instead of '
        "'Friday'",
        "data.json:12:62: event 'e', field 'after': the links contradict the dates: 'f' no earlier than "
        "2024-11-01; 'e' is after 'f'; 'e' no later than 2024-10-01",
        "data.json:14:12: event 'a', field 'id': duplicate event id 'a' (first defined at data.json:8)",
        "data.json:15:5: field 'id': missing required key 'id'",
        "data.json:17:48: event 'g', field 'claims[0].value': 'lots': expected a number "
        '("1,500", "1.5 million", "$2,000"), optionally after about/around/nearly/perhaps, at least, more than/over, '
        'up to/as many as, fewer than, or followed by "or more", "or fewer" or "or so" ("100,000 or more"); '
        'or a range ("10,000-12,000")',
    ]
    lines = DOCUMENT.splitlines()
    assert lines[7][44:46] == "13"  # 8:45 is the month that does not exist
    assert lines[11][61] == "["  # 12:62 is the list of events 'e' comes after
    assert lines[16][47:53] == '"lots"'  # 17:48 is the figure


def test_links_that_contradict_the_dates_are_reported() -> None:
    text = json.dumps(
        {
            "chronology": "1",
            "events": [
                {"id": "e", "title": "E", "when": "2024-12-01", "after": ["f"]},
                {"id": "f", "title": "F", "when": "2024-11-01", "after": ["e"]},
            ],
        },
        indent=1,
    )
    with pytest.raises(EventFileError) as raised:
        from_json(text, path="x.json")
    assert "x.json:" in str(raised.value)
    assert "'after'" in str(raised.value)
    assert all(p.event in ("e", "f") for p in raised.value.problems)


BAD_TEXT = [
    pytest.param('{"chronology": "1",\n "events": [}', "x.json:2:13: JSON syntax: Expecting value", id="syntax"),
    pytest.param("", 'x.json: empty: expected a JSON object ({"chronology": "1", "events": [...]})', id="empty"),
    pytest.param(" \n\t", 'x.json: empty: expected a JSON object ({"chronology": "1", "events": [...]})', id="blank"),
    pytest.param("[]", "x.json: expected a table at the top level, got an array", id="array"),
    pytest.param('"events"', "x.json: expected a table at the top level, got a string ('events')", id="string"),
    pytest.param("null", "x.json: expected a table at the top level, got null", id="null"),
    pytest.param(
        '{"chronology": "1", "chronology": "1"}',
        "x.json: JSON: duplicate key 'chronology' in an object; give each key once",
        id="duplicate-key",
    ),
    pytest.param('{"x": NaN}', "x.json: JSON: NaN is not a JSON number; give a finite number", id="nan"),
    pytest.param(
        '{"x": -Infinity}', "x.json: JSON: -Infinity is not a JSON number; give a finite number", id="infinity"
    ),
    pytest.param('{"x": 1e400}', "x.json: JSON: the number 1e400 is too large for a float", id="huge-float"),
    pytest.param(
        '{"x": ' + "9" * 5000 + "}",
        "x.json: JSON: the number 99999999999999999999... has 5,000 digits; at most 4,000 are read",
        id="huge-integer",
    ),
    pytest.param("[" * 100_000 + "]" * 100_000, "x.json: JSON: nested too deeply", id="deep"),
    pytest.param(b"{\xff}", "x.json: is not UTF-8 text (byte 0xff at offset 1)", id="not-utf8"),
    pytest.param(42, "x.json: expected JSON text (str or bytes), got int", id="not-text"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TEXT)
def test_unreadable_text_is_one_problem(text: Any, message: str) -> None:
    with pytest.raises(EventFileError) as raised:
        from_json(text, path="x.json")
    assert str(raised.value) == message


def test_huge_documents_are_read() -> None:
    events = [{"id": f"e{i}", "title": f"Event {i}", "when": "2024-10-18"} for i in range(20_000)]
    timeline = from_json(json.dumps({"chronology": "1", "events": events}))
    assert len(timeline) == 20_000


# -- never anything but a ChronologyError ------------------------------------------------------------

CELLS = st.sampled_from(["2024-10-18", "Friday", "a", "b", "s", "past", "either", "", "2024-13-01", "1,500"])
LOOSE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | CELLS | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["source", "quote", "x"]), inner),
    max_leaves=5,
)
RECORDS = st.dictionaries(
    st.sampled_from(
        ["id", "title", "when", "anchor", "tense", "after", "part_of", "citations", "claims", "extra", "x"]
    ),
    LOOSE,
)


@settings(deadline=None)  # whole timelines: the first example also pays for warming caches
@given(
    st.dictionaries(
        st.sampled_from(["chronology", "title", "sources", "events", "include", "$schema"]),
        st.lists(RECORDS, max_size=4) | LOOSE,
    )
)
def test_any_json_document_gives_a_timeline_or_a_chronology_error(document: dict[str, Any]) -> None:
    try:
        timeline = from_json(json.dumps(document))
    except chronology.ChronologyError:
        return
    assert_same(timeline, from_json(to_json(timeline)))  # what is read is written
    assert_same(timeline, written_to_an_event_file(timeline))  # and what is read can be imported


def written_to_an_event_file(timeline: Timeline) -> Timeline:
    """``timeline`` added to a new event file (as ``chronology import`` does), read back as it would be saved."""
    file = EventFile("imported.toml", "")
    for source in timeline.sources.values():
        file.add_source(source)
    file.add_many(timeline)
    return file.timeline()


# -- what no event file can hold is refused on reading, not when importing ---------------------------------

NOT_IN_TOML = [
    pytest.param(
        {"extra": {"x": [[1], [None]]}},
        "|[null]",  # deeper than problems are placed: at the array holding it
        "event 'a', field 'extra.x[1][0]': is null, which TOML cannot hold: leave the key out, or give a value "
        "(text, a number, a boolean, a date or time, or an array or table of these)",
        id="null-nested-in-extra",
    ),
    pytest.param(
        {"extra": {"x": None}},
        '"x": |null',
        "event 'a', field 'extra.x': is null, which TOML cannot hold: leave the key out, or give a value "
        "(text, a number, a boolean, a date or time, or an array or table of these)",
        id="null-in-extra",
    ),
    pytest.param(
        {"extra": {"n": 2**64}},
        '"n": |1',
        "event 'a', field 'extra.n': the integer 18446744073709551616 is beyond what TOML holds (-2^63 to 2^63 - 1): "
        "write it as text",
        id="integer-beyond-64-bits",
    ),
    pytest.param(
        {"title": "A\ud800"},
        '"title": |"',
        "event 'a', field 'title': holds a lone surrogate (U+D800) at character 2: half of a UTF-16 pair, not a "
        "character, so it is not valid Unicode and cannot be written as UTF-8; give the whole character (both "
        "halves of the pair) or remove it",
        id="lone-surrogate",
    ),
    pytest.param(
        {"extra": {"k": ["a", "b\udfff"]}},
        '|"b',
        "event 'a', field 'extra.k[1]': holds a lone surrogate (U+DFFF) at character 2: half of a UTF-16 pair, not a "
        "character, so it is not valid Unicode and cannot be written as UTF-8; give the whole character (both "
        "halves of the pair) or remove it",
        id="lone-surrogate-in-extra",
    ),
    pytest.param(
        {"extra": {"k\ud800": 1}},
        '"extra": |{',
        "event 'a', field 'extra': the key 'k\\ud800' holds a lone surrogate (U+D800) at character 2: half of a "
        "UTF-16 pair, not a character, so it is not valid Unicode and cannot be written as UTF-8; give the whole "
        "character (both halves of the pair) or remove it",
        id="lone-surrogate-in-a-key",
    ),
]


@pytest.mark.parametrize(("changes", "needle", "message"), NOT_IN_TOML)
def test_what_no_event_file_holds_is_refused_naming_the_event_and_field(
    changes: dict[str, Any], needle: str, message: str
) -> None:
    text = json.dumps(event(**changes))  # "\ud800" escaped: the JSON text itself is ASCII
    column = text.index(needle.replace("|", "")) + needle.index("|") + 1
    with pytest.raises(EventFileError) as raised:
        from_json(text, path="x.json")
    assert str(raised.value) == f"x.json:1:{column}: {message}"
    # a lone surrogate in the text itself (a Python str, not an escape) is refused the same way
    raw = json.dumps(event(**changes), ensure_ascii=False)
    with pytest.raises(EventFileError) as raised_raw:
        from_json(raw, path="x.json")
    assert [p.field for p in raised_raw.value.problems] == [p.field for p in raised.value.problems]


def test_what_from_json_accepts_an_event_file_can_hold() -> None:
    text = json.dumps(
        event(title="A \U0001f600", extra={"x": [[1], [2.5, True]], "n": 2**63 - 1, "seen": "2024-10-01"})
    )
    timeline = from_json(text)
    assert_same(timeline, written_to_an_event_file(timeline))


@given(st.binary(max_size=60) | st.text(max_size=60))
def test_any_text_gives_a_timeline_or_a_chronology_error(text: bytes | str) -> None:
    try:
        timeline = from_json(text)
    except chronology.ChronologyError:
        return
    assert_same(timeline, from_json(to_json(timeline)))
