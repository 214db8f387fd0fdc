"""CSV export and import: one row per event, spreadsheets read as they come, every problem placed at its row."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import attrs
import pytest
from generated_timelines import ABSOLUTE, FIGURES, texts, timelines
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

import chronology
from chronology import (
    Citation,
    Claim,
    Event,
    EventFileError,
    Precision,
    Quantity,
    Source,
    Tense,
    Timeline,
    UncertainDate,
)
from chronology.exchange import from_csv, to_csv
from chronology.exchange.as_csv import COLUMNS, join_list, split_list
from chronology.files import load_text

SHOWCASE = Path(__file__).parent.parent / "events.toml"
REPORT_DAY = UncertainDate.parse("2024-11-17")
REPORT = Source(id="report", outlet="Bloomberg", published=REPORT_DAY)


def small() -> Timeline:
    call = Event(
        id="call",
        title="Scholz calls Putin",
        when=chronology.parse("Friday", anchor=REPORT_DAY),
        anchor="report",
        kind="diplomacy",
        actors=("Olaf Scholz", "Vladimir Putin"),
        citations=[Citation(source="report", quote='He said "grave"; then, nothing')],
        extra={"analyst": "J. Doe"},
    )
    summit = Event(
        id="summit",
        title="G20 summit",
        when=chronology.parse("2024-11-18/2024-11-19"),
        tags=("g20",),
        places=("Rio de Janeiro",),
        after=["call"],
    )
    talks = Event(
        id="talks",
        title="Talks last week",
        when=chronology.parse("last week", anchor=REPORT_DAY),
        anchor="report",
        citations=[Citation(source="report")],
    )
    return Timeline([call, summit, talks], [REPORT], title="November 2024")


SMALL_CSV = (
    "id,title,earliest,latest,precision,edtf,kind,actors,tags,sources,when,anchor,tense,places,summary,quotes,"
    "after,before,part_of,reports,narrowed_earliest,narrowed_latest,claim_subjects,claim_values,claim_units,"
    "claim_claimants,claim_sources,claim_said,claim_anchors,claim_quotes,analyst\r\n"
    "call,Scholz calls Putin,2024-11-15,2024-11-15,day,2024-11-15,diplomacy,Olaf Scholz; Vladimir Putin,,report,"
    'Friday,report,,,,"He said ""grave"";; then, nothing",,,,,2024-11-15,2024-11-15,,,,,,,,,J. Doe\r\n'
    "summit,G20 summit,2024-11-18,2024-11-19,day,2024-11-18/2024-11-19,,,g20,,,,,Rio de Janeiro,,,call,,,,"
    "2024-11-18,2024-11-19,,,,,,,,,\r\n"
    "talks,Talks last week,2024-11-04,2024-11-10,week,[2024-11-04..2024-11-10],,,,report,last week,report,"
    ",,,,,,,,2024-11-04,2024-11-10,,,,,,,,,\r\n"
)


def assert_same_events(a: Timeline, b: Timeline, *, wording: bool = True) -> None:
    """Event for event, claims and all; the dates' wording too, unless ``wording`` is false."""
    assert [e.id for e in b] == [e.id for e in a]
    for mine, theirs in zip(a, b, strict=True):
        assert theirs == mine
        if wording:
            assert theirs.when.text == mine.when.text


# -- writing --------------------------------------------------------------------------------------


def test_a_small_timeline_is_written_one_row_per_event() -> None:
    assert to_csv(small()) == SMALL_CSV


def test_the_first_columns_are_those_promised() -> None:
    assert COLUMNS[:10] == (
        "id",
        "title",
        "earliest",
        "latest",
        "precision",
        "edtf",
        "kind",
        "actors",
        "tags",
        "sources",
    )


def test_open_ends_leave_earliest_or_latest_empty() -> None:
    timeline = Timeline(
        [
            Event(id="war", title="War", when=chronology.parse("2022-02/..")),
            Event(id="before", title="Before", when=chronology.parse("../2024-01")),
            Event(id="rome", title="Ides", when=chronology.parse("-0044-03-15")),
        ]
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(timeline))))
    assert [(r["earliest"], r["latest"], r["precision"], r["edtf"]) for r in rows] == [
        ("2022-02-01", "", "month", "2022-02/.."),
        ("", "2024-01-31", "month", "../2024-01"),
        ("'-0044-03-15", "'-0044-03-15", "day", "'-0044-03-15"),  # a spreadsheet would subtract
    ]


def test_extra_keys_named_like_columns_are_prefixed_and_values_not_text_are_json() -> None:
    event = Event(id="a", title="A", when=chronology.parse("2024"), extra={"title": "mine", "scores": [1, 2]})
    header, row = list(csv.reader(io.StringIO(to_csv(Timeline([event])))))
    assert header[len(COLUMNS) :] == ["extra.title", "scores"]
    assert row[len(COLUMNS) :] == ["mine", "[1, 2]"]
    back = from_csv(to_csv(Timeline([event])))
    assert dict(back["a"].extra) == {"title": "mine", "scores": "[1, 2]"}  # a spreadsheet holds text


@pytest.mark.parametrize(
    ("items", "cell"),
    [
        (["Kim Jong Un", "Vladimir Putin"], "Kim Jong Un; Vladimir Putin"),
        (["a; b"], "a;; b"),
        (["a;", "b"], "a;;; b"),
        (["a", ";b"], "a; ;;b"),
        ([";"], ";;"),
        ([], ""),
    ],
    ids=["two", "inner-semicolon", "trailing-semicolon", "leading-semicolon", "only-semicolon", "none"],
)
def test_lists_join_with_semicolons_doubled_inside_items(items: list[str], cell: str) -> None:
    assert join_list(items) == cell
    assert split_list(cell) == items


@given(st.lists(st.text().map(str.strip).filter(bool)))
def test_split_list_reads_what_join_list_writes(items: list[str]) -> None:
    assert split_list(join_list(items)) == items


def test_split_list_keeps_empty_items_and_strips_spaces() -> None:
    assert split_list(" a ;  ; b ") == ["a", "", "b"]
    assert split_list("   ") == []


# -- round trips ----------------------------------------------------------------------------------


def test_the_small_timeline_survives_a_round_trip_with_its_sources() -> None:
    back = from_csv(SMALL_CSV, path="small.csv", sources=[REPORT])
    assert_same_events(small(), back)
    assert dict(back.sources) == {"report": REPORT}
    talks = back["talks"].when
    assert isinstance(talks, UncertainDate)
    assert talks.precision is Precision.WEEK  # from the precision column


def test_without_its_sources_a_spreadsheet_cites_bare_sources_and_keeps_the_dates() -> None:
    back = from_csv(SMALL_CSV, path="small.csv")
    assert dict(back.sources) == {"report": Source(id="report")}
    assert_same_events(small(), back, wording=False)
    # "Friday" cannot be read against a source the spreadsheet does not date: the date is kept, not the wording
    assert back["call"].when.text == "2024-11-15"
    assert back["call"].anchor == "report"


def test_the_showcase_survives_a_round_trip() -> None:
    showcase = chronology.load(SHOWCASE)
    text = to_csv(showcase)
    back = from_csv(text, path="showcase.csv", sources=showcase.sources)
    assert len(back) == 33
    assert_same_events(showcase, back)
    assert dict(back.sources) == dict(showcase.sources)
    assert to_csv(back) == text


def test_the_showcase_without_its_sources_keeps_every_date_and_the_wording_it_can_check() -> None:
    showcase = chronology.load(SHOWCASE)
    back = from_csv(to_csv(showcase), path="showcase.csv")
    assert_same_events(showcase, back, wording=False)
    assert set(back.sources) == set(showcase.sources)
    assert all(source == Source(id=source.id) for source in back.sources.values())
    assert back["transfers"].when.text == "the second week of October"  # anchored to an event of the sheet
    assert back["scholz-putin-call"].when.text == "2024-11-15"  # anchored to an undated source


EVENT_FILE_ANCHORED_TO_A_SOURCE_IT_DOES_NOT_CITE = """\
[[sources]]
id = "s1"
published = "2024-11-17"

[[events]]
id = "x1"
title = "Scholz calls Putin"
when = "Friday"
anchor = "s1"
"""


def test_an_event_anchored_to_a_source_it_does_not_cite_keeps_its_date_and_anchor(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(EVENT_FILE_ANCHORED_TO_A_SOURCE_IT_DOES_NOT_CITE, encoding="utf-8")
    timeline = chronology.load(path)
    text = to_csv(timeline)
    back = from_csv(text, path="events.csv")
    assert back["x1"].when.to_edtf() == timeline["x1"].when.to_edtf() == "2024-11-15"
    assert back["x1"].when == timeline["x1"].when
    assert back["x1"].anchor == "s1"
    assert back["x1"].sources == ()
    assert dict(back.sources) == {"s1": Source(id="s1")}  # bare, as a cited source the sheet does not date
    assert back["x1"].when.text == "2024-11-15"  # "Friday" cannot be read against it: the date is kept, not the wording
    assert_same_events(timeline, back, wording=False)
    assert_same_events(timeline, from_csv(text, path="events.csv", sources=timeline.sources))  # wording and all


def test_an_anchor_naming_nothing_known_is_a_bare_source_only_where_edtf_dates_the_row() -> None:
    text = "id,title,edtf,when,anchor\na,A,2024-11-15,Friday,b\nb,B,2024-11-17,,\nc,C,2024-11-14,,s1\nd,D,2024,,s1\n"
    timeline = from_csv(text, path="x.csv")
    assert timeline["a"].when.text == "Friday"  # anchored to an event of the sheet, read from it
    assert [(e.id, e.anchor) for e in timeline] == [("a", "b"), ("b", None), ("c", "s1"), ("d", "s1")]
    assert dict(timeline.sources) == {"s1": Source(id="s1")}
    with pytest.raises(EventFileError) as raised:  # without edtf, the date needs its anchor
        from_csv("id,title,when,anchor\na,A,Friday,s1\n", path="x.csv")
    assert str(raised.value) == "x.csv:2: event 'a', field 'anchor': unknown event or source 's1'"


@settings(deadline=None)  # whole timelines: the first example also pays for warming caches
@given(timelines(for_csv=True))
def test_generated_timelines_survive_a_round_trip(timeline: Timeline) -> None:
    text = to_csv(timeline)
    note(text)
    note(repr([(e.id, e.when, e.when.text) for e in timeline]))
    back = from_csv(text, sources=timeline.sources)
    assert_same_events(timeline, back)
    assert to_csv(back) == text


def test_dates_before_year_1_are_written_as_text_and_survive_a_round_trip() -> None:
    timeline = Timeline(
        [
            Event(id="day", title="A day", when=chronology.parse("-0500-03-15")),
            Event(id="span", title="A span", when=chronology.parse("-0500-03-15/-0499")),
            Event(id="until", title="Until then", when=chronology.parse("../-0500")),
            Event(id="about", title="About then", when=chronology.parse("-0500-03~")),
            Event(id="days", title="One of those days", when=chronology.parse("[-0500-03-15..-0500-03-21]")),
        ]
    )
    text = to_csv(timeline)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["earliest"], r["latest"], r["edtf"]) for r in rows] == [
        ("'-0500-03-15", "'-0500-03-15", "'-0500-03-15"),
        ("'-0500-03-15", "'-0499-12-31", "'-0500-03-15/-0499"),
        ("", "'-0500-12-31", "../-0500"),  # "." starts no formula
        ("'-0500-03-01", "'-0500-03-31", "'-0500-03~"),
        ("'-0500-03-15", "'-0500-03-21", "[-0500-03-15..-0500-03-21]"),
    ]
    back = from_csv(text)
    assert_same_events(timeline, back)
    assert to_csv(back) == text


@pytest.mark.parametrize(
    ("column", "cell"),
    [("edtf", "'-0500-03-15"), ("when", "'-0500-03-15"), ("edtf", "-0500-03-15"), ("when", "-0500-03-15")],
    ids=["edtf-quoted", "when-quoted", "edtf-as-it-is", "when-as-it-is"],
)
def test_a_date_before_year_1_is_read_quoted_or_not(column: str, cell: str) -> None:
    assert from_csv(f"id,title,{column}\na,A,{cell}\n")["a"].when == chronology.parse("-0500-03-15")


# -- spreadsheets as people make them -------------------------------------------------------------


def test_a_spreadsheet_export_with_bom_crlf_semicolons_and_columns_of_its_own_is_read() -> None:
    text = (
        "\ufeffTitle;ID;Edtf;Notes;Actors;Sources\r\n"
        'Troops arrive;arrival;2024-10;seen on video;"Kim Jong Un; Vladimir Putin";rferl\r\n'
        ";;;;;\r\n"
        "Pact;pact;2024-06;;;\r\n"
    )
    timeline = from_csv(text.encode("utf-8"), path="sheet.csv")
    assert [e.id for e in timeline] == ["arrival", "pact"]
    arrival = timeline["arrival"]
    assert arrival.title == "Troops arrive"
    assert arrival.when == chronology.parse("2024-10")
    assert dict(arrival.extra) == {"Notes": "seen on video"}
    assert arrival.sources == ("rferl",)
    assert timeline["pact"].extra == {}


def test_a_semicolon_sheet_quotes_its_lists() -> None:
    text = 'id;title;when;actors\na;A;2024;"Kim Jong Un; Vladimir Putin"\n'
    assert from_csv(text)["a"].actors == ("Kim Jong Un", "Vladimir Putin")


def test_a_tab_separated_sheet_is_read() -> None:
    assert from_csv("id\ttitle\twhen\na\tA\tJune 2024\n")["a"].when == chronology.parse("June 2024")


def test_earliest_and_latest_alone_make_one_day_between_them() -> None:
    text = "id,title,earliest,latest,precision\na,A,2024-10-07,2024-10-13,\nb,B,2024-10-18,2024-10-18,\nc,C,2024-06,2024-08,\n"
    timeline = from_csv(text)
    assert timeline["a"].when == chronology.parse("[2024-10-07..2024-10-13]")
    assert timeline["b"].when == chronology.parse("2024-10-18")
    assert timeline["c"].when == chronology.parse("[2024-06-01..2024-08-31]")


def test_a_precision_names_the_unit_of_a_range_of_days() -> None:
    text = "id,title,earliest,latest,precision\na,A,2024-06-01,2024-06-30,month\nb,B,2024-11-04,2024-11-10,week\n"
    timeline = from_csv(text)
    assert timeline["a"].when == chronology.parse("June 2024")
    assert timeline["b"].when == chronology.parse("last week", anchor=REPORT_DAY)


@pytest.mark.parametrize(
    ("first", "last", "precision", "edtf"),
    [
        ("2024-10-05", "2024-10-05", "day", "2024-10-05"),
        ("2024-10-01", "2024-10-31", "day", "[2024-10-01..2024-10-31]"),
        ("2024-10-01", "2024-10-31", "month", "2024-10"),
        ("2024-01-01", "2024-12-31", "year", "2024"),
        ("2024-11-04", "2024-11-10", "week", "[2024-11-04..2024-11-10]"),
        ("2024-06-01", "2024-08-31", "day", "[2024-06-01..2024-08-31]"),
    ],
)
def test_a_precision_the_days_of_earliest_and_latest_can_have_is_kept_and_reads_back(
    first: str, last: str, precision: str, edtf: str
) -> None:
    when = from_csv(f"id,title,earliest,latest,precision\na,A,{first},{last},{precision}\n")["a"].when
    assert isinstance(when, UncertainDate)
    assert (when.to_edtf(), when.precision) == (edtf, Precision(precision))
    back = chronology.parse(when.to_edtf())
    assert isinstance(back, UncertainDate)
    assert (back.lo, back.hi, back.precision) == (when.lo, when.hi, when.precision)


@pytest.mark.parametrize(
    ("first", "last", "precision", "allowed"),
    [
        ("2024-10-05", "2024-10-05", "month", "can only be 'day'"),
        ("2024-10-01", "2024-10-31", "week", "can be 'day' or 'month'"),
        ("2024-11-04", "2024-11-10", "day", "can only be 'week'"),  # a Monday to a Sunday reads as a week
        ("2024-06-01", "2024-08-31", "year", "can be 'day', 'month' or 'season'"),  # one month of June-August; summer
        ("2024-01-01", "2024-12-31", "hour", "can be 'day', 'month' or 'year'"),
    ],
    ids=["month-of-one-day", "week-of-a-month", "day-of-a-week", "year-of-three-months", "hour-of-a-year"],
)
def test_a_precision_the_days_of_earliest_and_latest_cannot_have_is_reported(
    first: str, last: str, precision: str, allowed: str
) -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(f"id,title,earliest,latest,precision\na,A,{first},{last},{precision}\n", path="x.csv")
    assert [str(p) for p in raised.value.problems] == [
        f"x.csv:2: event 'a', field 'precision': {precision!r} disagrees with earliest {first!r} and latest "
        f"{last!r}, a span of days whose precision {allowed}; correct one of them, or leave 'precision' empty"
    ]


def test_when_is_read_from_its_anchor_when_there_is_no_edtf() -> None:
    text = "id,title,when,anchor,tense,sources\nreport,Report,2024-11-17,,,\nmeet,Meeting,on Tuesday,report,future,\n"
    assert from_csv(text)["meet"].when == chronology.parse("2024-11-19")


def test_sources_given_by_id_or_as_a_list_date_the_anchors() -> None:
    text = "id,title,when,anchor\ncall,Call,Friday,report\n"
    expected = chronology.parse("2024-11-15")
    assert from_csv(text, sources=[REPORT])["call"].when == expected
    assert from_csv(text, sources={"report": REPORT})["call"].when == expected
    assert from_csv(text, sources=[REPORT])["call"].when.text == "Friday"


# -- problems -------------------------------------------------------------------------------------

NEEDS = "every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')"

HEADERS = [
    pytest.param(
        "title,when\nA,2024\n",
        [f"x.csv:1: no 'id' column: the header row must name it; {NEEDS}"],
        id="no-id-column",
    ),
    pytest.param(
        "id,when\na,2024\n",
        [f"x.csv:1: no 'title' column: the header row must name it; {NEEDS}"],
        id="no-title-column",
    ),
    pytest.param(
        "id,title,earliest\na,A,2024\n",
        [f"x.csv:1: no date column: name an 'edtf' or 'when' column, or both 'earliest' and 'latest'; {NEEDS}"],
        id="no-date-column",
    ),
    pytest.param(
        "id,title,when,Title,notes,extra.notes\na,A,2024,B,x,y\n",
        [
            "x.csv:1: field 'title': column 'Title' (column 4) repeats column 2; name each column once",
            "x.csv:1: field 'notes': column 'extra.notes' (column 6) repeats column 5; name each column once",
        ],
        id="repeated-columns",
    ),
]


@pytest.mark.parametrize(("text", "messages"), HEADERS)
def test_a_header_that_cannot_be_read_is_reported_alone(text: str, messages: list[str]) -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="x.csv")
    assert [str(p) for p in raised.value.problems] == messages


ROWS = """\
id,title,edtf,when,anchor,tense,earliest,latest,precision,sources,quotes,after
a,A,2024-13-01,,,,,,,,,
,No id,2024,,,,,,,,,
b,,2024,,,,,,,,,
c,C,,,,,,,,,,
d,D,,Friday,,,,,,,,
e,E,,Friday,reprot,,,,,report,,
f,F,2024-10-18,,,,2024-10-17,2024-10-18,,,,
g,G,2024-10,,,,,,day,,,
h,H,2024-10,,,,,,fortnight,,,
i,I,2024-11-14,Friday,report,,,,,report,,
j,J,,,,,2024-10-01,,,,,
k,K,,,,,2024-10-09,2024-10-01,,,,
l,L,2024,,,,,,,report; report,one quote,
m,M,2024,,,sometimes,,,,,,
a,A again,2024,,,,,,,,,
n b,N,2024,,,,,,,bad id,,
o,O,2024-10-01,,,,,,,,,p
p,P,2024-11-01,,,,,,,,,
q,Q,2024,,,,,,,,,,stray
"""


def test_every_problem_of_every_row_is_reported_with_its_row_and_column() -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(ROWS, path="events.csv", sources=[REPORT])
    assert [str(p) for p in raised.value.problems] == [
        "events.csv:2: event 'a', field 'edtf': '2024-13-01' (at character 6): month 13 does not exist; "
        "expected 01-12, or 21-41 for seasons and quarters",
        f"events.csv:3: field 'id': empty 'id' cell; {NEEDS}",
        f"events.csv:4: event 'b', field 'title': empty 'title' cell; {NEEDS}",
        "events.csv:5: event 'c', field 'edtf': no date: fill 'edtf' or 'when', or both 'earliest' and 'latest'",
        "events.csv:6: event 'd', field 'when': 'Friday' is relative: name what it is read from with "
        'anchor = "<id of a source or event>"',
        "events.csv:7: event 'e', field 'anchor': unknown event or source 'reprot'; did you mean 'report'?",
        "events.csv:8: event 'f', field 'earliest': '2024-10-17' disagrees with edtf '2024-10-18', "
        "whose earliest day is 2024-10-18; correct one of them, or leave 'earliest' empty",
        "events.csv:9: event 'g', field 'precision': 'day' disagrees with edtf '2024-10', whose precision is "
        "'month'; correct one of them, or leave 'precision' empty",
        "events.csv:10: event 'h', field 'precision': unknown precision 'fortnight'; expected one of second, "
        "minute, hour, day, week, month, season, quarter, quadrimester, semester, year, decade, century, millennium",
        "events.csv:11: event 'i', field 'when': 'Friday' read from 'report' (17 November 2024) is 2024-11-15, "
        "but edtf is '2024-11-14'; correct one of them, or leave 'when' empty",
        "events.csv:12: event 'j', field 'latest': 'earliest' without 'latest': give both (one day somewhere "
        "between them), or an 'edtf' or 'when'",
        "events.csv:13: event 'k', field 'earliest': earliest '2024-10-09' comes after latest '2024-10-01'",
        "events.csv:14: event 'l', field 'quotes': 1 quote for 2 sources: give one quote per source, in the same "
        "order, separated by '; ' (an empty one for a source without a quote; a ';' inside a quote is written ';;')",
        "events.csv:15: event 'm', field 'tense': unknown tense 'sometimes'; expected one of 'past', 'future', "
        "'either'",
        "events.csv:16: event 'a', field 'id': duplicate event id 'a' (first defined at events.csv:2)",
        "events.csv:17: event 'n b', field 'id': 'n b' is not a valid id: use letters, digits, '-', '_' and '.', "
        "starting with a letter or digit",
        "events.csv:18: event 'o', field 'after': the links contradict the dates: 'p' no earlier than 2024-11-01; "
        "'o' is after 'p'; 'o' no later than 2024-10-01",
        "events.csv:20: event 'q': 'stray' is in column 13, which the header row does not name; "
        "name the column or empty the cell",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", f"x.csv: empty: expected a header row naming the columns; {NEEDS}", id="empty"),
        pytest.param("\ufeff\r\n", f"x.csv: empty: expected a header row naming the columns; {NEEDS}", id="bom"),
        pytest.param(
            b"id,title,when\na,Caf\xe9,2024\n",
            "x.csv: is not UTF-8 text (byte 0xe9 at offset 19); save the spreadsheet as CSV UTF-8",
            id="latin-1",
        ),
        pytest.param(None, "x.csv: expected CSV text (str or bytes), got NoneType", id="none"),
        pytest.param(
            "id,title,when\na," + "x" * 200_000 + ",2024\n",
            "x.csv:2: CSV: field larger than field limit (131072)",
            id="huge-cell",
        ),
    ],
)
def test_unreadable_text_is_one_problem(text: Any, message: str) -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="x.csv")
    assert str(raised.value) == message


def _unclosed(row: int, column: int, cell: str) -> str:
    return (
        f"x.csv:{row}: CSV: the quote that opens column {column} ({cell!r}) is never closed, so the rest of the file "
        """would be one cell; close it with '"' (a '"' inside a quoted cell is written '""')"""
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('id,title,when\na,A,"2024', _unclosed(2, 3, '"2024'), id="last-cell-at-the-end"),
        pytest.param('id,title,when\na,A,"2024\n', _unclosed(2, 3, '"2024'), id="last-cell-then-a-line-end"),
        pytest.param(
            'id,title,when\na,"A,2024\nb,B,2025\nc,C,2026\n', _unclosed(2, 2, '"A,2024'), id="mid-file-to-the-end"
        ),
        pytest.param('"id,title,when\na,A,2024\n', _unclosed(1, 1, '"id,title,when'), id="in-the-header"),
        pytest.param(
            'id;title;when\r\na;"A;2024\r\nb;B;2025\r\n', _unclosed(2, 2, '"A;2024'), id="semicolons-and-crlf"
        ),
        pytest.param('id\ttitle\twhen\na\tA\t"x""y', _unclosed(2, 3, '"x""y'), id="tabs-and-a-doubled-quote-inside"),
        pytest.param('id,title,when\na,A,2024\n\n\nb,B,"2025\r\n', _unclosed(5, 3, '"2025'), id="after-blank-rows"),
        pytest.param(
            'id,title,when\na,"A ""big"" day",2024\nb,"B,2025\n',
            _unclosed(3, 2, '"B,2025'),
            id="after-a-row-with-quotes-closed",
        ),
        pytest.param(  # the csv module stops at its cell size limit first: the quote is the cause
            'id,title,when\na,A,2024\nb,"B,2025\n' + "c,C,2026\n" * 20_000,
            _unclosed(3, 2, '"B,2025'),
            id="longer-than-a-cell-may-be",
        ),
    ],
)
def test_a_quote_never_closed_is_reported_alone_at_the_row_and_column_it_opens(text: str, message: str) -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="x.csv")
    assert [str(p) for p in raised.value.problems] == [message]
    assert raised.value.problems[0].line == int(message.split(":")[1])


def test_quotes_that_close_are_read_as_cells() -> None:
    text = 'id,title,when,summary\na,"A ""big"" day",2024,"two\nlines"\nb,5" floppy,"2025",\n'
    timeline = from_csv(text, path="x.csv")
    assert [(e.id, e.title, e.when.to_edtf(), e.summary) for e in timeline] == [
        ("a", 'A "big" day', "2024", "two\nlines"),
        ("b", '5" floppy', "2025", ""),  # a quote inside a cell opens nothing
    ]


def test_sources_that_are_not_sources_are_refused() -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv("id,title,when\na,A,2024\n", path="x.csv", sources=["report"])  # type: ignore[list-item]
    assert str(raised.value) == "x.csv: sources: expected Source values, got str"


def test_a_relative_when_against_an_undated_source_says_so() -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv("id,title,when,anchor,sources\na,A,Friday,report,report\n", path="x.csv")
    assert str(raised.value) == (
        "x.csv:2: event 'a', field 'anchor': anchor 'report' is a source without a 'published' date to read "
        "'Friday' from: give the source its date (`published = \"2024-10-29\"`) or, not known to the day, what is "
        'known of it (`published = "[2024-10-28..2024-10-30]"`, one of those days; `published = "2024-10~"`, '
        "about October 2024); else write the date in full, with its year, instead of 'Friday'"
    )


def test_many_rows_are_read() -> None:
    rows = "".join(f"e{i},Event {i},2024-10-18\n" for i in range(20_000))
    assert len(from_csv("id,title,edtf\n" + rows)) == 20_000


def test_tense_is_kept() -> None:
    text = "id,title,when,anchor,tense\nr,R,2024-11-17,,\nm,M,on Tuesday,r,either\n"
    assert from_csv(text)["m"].tense is Tense.EITHER


# -- never anything but a ChronologyError ------------------------------------------------------------

HEADER_NAMES = st.sampled_from([*COLUMNS, "ID", " when ", "extra.x", "notes", ""])
CELL_VALUES = st.sampled_from(
    ["a", "b", "2024-10-18", "2024-10", "Friday", "a; b", "day", "week", "fortnight", "s", "", " ", '"', ";;"]
) | st.text(max_size=6)


@settings(deadline=None)  # whole timelines: the first example also pays for warming caches
@given(st.lists(HEADER_NAMES, min_size=1, max_size=8), st.lists(st.lists(CELL_VALUES, max_size=9), max_size=5))
def test_any_sheet_gives_a_timeline_or_a_chronology_error(header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    try:
        timeline = from_csv(out.getvalue())
    except chronology.ChronologyError:
        return
    assert_same_events(timeline, from_csv(to_csv(timeline), sources=timeline.sources))  # what is read is written


@given(st.binary(max_size=60) | st.text(max_size=60))
def test_any_text_gives_a_timeline_or_a_chronology_error(text: bytes | str) -> None:
    try:
        timeline = from_csv(text)
    except chronology.ChronologyError:
        return
    assert_same_events(timeline, from_csv(to_csv(timeline), sources=timeline.sources))


def test_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back() -> None:
    risky = '=HYPERLINK("http://example.com","x")'
    events = [
        Event(id="a", title=risky, when=chronology.parse("-0500"), kind="+1", actors=["@someone", "plain"]),
        Event(id="b", title="'quoted", when=chronology.parse("2024"), summary="-5 degrees", extra={"note": "'=1+1"}),
    ]
    text = to_csv(Timeline(events))
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["title"] == "'" + risky
    assert first["kind"] == "'+1"
    assert first["actors"] == "'@someone; plain"
    assert first["earliest"] == "'-0500-01-01"  # dates too: a spreadsheet reckons "-0500-01-01" as a subtraction
    assert first["latest"] == "'-0500-12-31"
    assert first["edtf"] == "'-0500"
    second = dict(zip(header, rows[2], strict=True))
    assert second["title"] == "'quoted"  # a quote before anything else is kept as written
    assert second["summary"] == "'-5 degrees"
    assert second["note"] == "''=1+1"  # already quoted before a formula: quoted once more
    assert second["edtf"] == "2024"  # dates after year 0 never start a formula: written as they are
    back = from_csv(text)
    assert back["a"].when == chronology.parse("-0500")
    assert back["a"].title == risky
    assert back["a"].kind == "+1"
    assert back["a"].actors == ("@someone", "plain")
    assert back["b"].title == "'quoted"
    assert back["b"].summary == "-5 degrees"
    assert back["b"].extra["note"] == "'=1+1"


def test_header_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back() -> None:
    risky = '=HYPERLINK("http://example.com","x")'
    extra = {risky: "a", "@sum": "b", "'=x": "c", "-": "d", "plain": "e"}
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024"), extra=extra)])
    text = to_csv(timeline)
    header = next(csv.reader(io.StringIO(text)))
    assert header[len(COLUMNS) :] == ["'" + risky, "'@sum", "''=x", "'-", "plain"]
    back = from_csv(text)
    assert dict(back["a"].extra) == extra
    assert_same_events(timeline, back)
    assert to_csv(back) == text


def test_a_date_open_on_one_side_imports_with_the_rows_precision() -> None:
    timeline = from_csv("id,title,edtf,precision\nx,X,[..1624-01-10],year\ny,Y,[1460..],year\n", path="x.csv")
    x, y = timeline["x"].when, timeline["y"].when
    assert isinstance(x, UncertainDate)
    assert isinstance(y, UncertainDate)
    assert (x.open_before, x.to_edtf(), x.precision) == (True, "[..1624-01-10]", Precision.YEAR)
    assert (y.open_after, y.to_edtf()) == (True, "[1460..]")


# -- times of day ---------------------------------------------------------------------------------

NIGHT_STRIKE = """\
title = "Strikes on Kyiv"

[reading]
zone = "Europe/Kyiv"

[[events]]
id = "strike"
title = "Drone strike on Kyiv"
when = "3 a.m. on 11 March 2025"

[[events]]
id = "sirens"
title = "Air raid sirens"
when = "11 March 2025 at 02:41"
"""


def test_a_timed_event_has_its_time_in_earliest_and_latest_and_survives_a_round_trip() -> None:
    timeline = load_text("strikes.toml", NIGHT_STRIKE)
    text = to_csv(timeline)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    strike, sirens = rows["strike"], rows["sirens"]
    assert (strike["earliest"], strike["latest"], strike["precision"]) == (
        "2025-03-11T03:00+02:00",  # the first minute of the hour 3 a.m. names
        "2025-03-11T03:59+02:00",  # and its last
        "hour",
    )
    assert (sirens["earliest"], sirens["latest"], sirens["precision"]) == (
        "2025-03-11T02:41+02:00",
        "2025-03-11T02:41+02:00",
        "minute",
    )
    back = from_csv(text, path="strikes.csv", zone="Europe/Kyiv")
    assert_same_events(timeline, back)
    assert back.zone == "Europe/Kyiv"
    assert to_csv(back) == text


@pytest.mark.parametrize(
    ("when", "zone", "earliest", "latest"),
    [
        ("2024-10-18T03:00+09:00", None, "2024-10-17T18:00Z", "2024-10-17T18:00Z"),  # UTC without a zone
        ("2024-10-18T03:00+09:00", "Asia/Seoul", "2024-10-18T03:00+09:00", "2024-10-18T03:00+09:00"),
        ("2024-10-18T10:15:20+02:00", "Europe/Kyiv", "2024-10-18T11:15:20+03:00", "2024-10-18T11:15:20+03:00"),
        ("2024-10-18T10:00", "Europe/Kyiv", "2024-10-18T10:00", "2024-10-18T10:00"),  # no offset: as written
        ("2024-10-18/2024-10-19T10:00", None, "2024-10-18", "2024-10-19T10:00"),
        (
            "[2024-03-11T00+02:00..2024-03-11T07+02:00]",
            "Europe/Kyiv",
            "2024-03-11T00:00+02:00",
            "2024-03-11T07:59+02:00",
        ),
        ("2024-10", "Europe/Kyiv", "2024-10-01", "2024-10-31"),
        ("2024-10-18T10:00+02:00/..", None, "2024-10-18T08:00Z", ""),
    ],
    ids=["utc", "seoul", "seconds-in-summer-time", "floating", "day-to-time", "hours", "month", "open-end"],
)
def test_earliest_and_latest_are_days_or_times_at_the_dates_precision(
    when: str, zone: str | None, earliest: str, latest: str
) -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse(when))], zone=zone)
    text = to_csv(timeline)
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["earliest"], row["latest"]) == (earliest, latest)
    assert (row["narrowed_earliest"], row["narrowed_latest"]) == (earliest, latest)
    back = from_csv(text, zone=zone if "+" in when else None)  # a time without an offset stays without one
    assert_same_events(timeline, back)


def test_a_day_beside_a_time_is_its_day_in_the_zone_or_at_its_own_offset() -> None:
    # what an export wrote before times were written: the day in the timeline's zone (UTC without one)
    text = "id,title,edtf,earliest,latest\na,A,2024-10-18T03:00+09:00,2024-10-17,2024-10-18\n"
    assert from_csv(text)["a"].when == chronology.parse("2024-10-18T03:00+09:00")
    with pytest.raises(EventFileError) as raised:
        from_csv("id,title,edtf,earliest\na,A,2024-10-18T03:00+09:00,2024-10-16\n", path="x.csv")
    assert "'2024-10-16' disagrees with edtf '2024-10-18T03:00+09:00'" in str(raised.value)


@pytest.mark.parametrize(
    ("earliest", "latest", "message"),
    [
        ("2025-03-11T03:00+02:00", "2025-03-11T03:00+02:00", "whose latest time is 2025-03-11T01:59Z"),
        ("2025-03-11T03:00", "2025-03-11T03:59+02:00", "whose earliest time is 2025-03-11T01:00Z"),  # no offset
        ("2025-03-11T03:00+02:00", "2025-03-12", "whose latest time is 2025-03-11T01:59Z"),
    ],
    ids=["hour-ends-at-59", "offset-missing", "another-day"],
)
def test_a_time_beside_edtf_is_checked_to_the_moment(earliest: str, latest: str, message: str) -> None:
    text = f"id,title,edtf,earliest,latest\na,A,2025-03-11T03+02:00,{earliest},{latest}\n"
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="x.csv")
    assert message in str(raised.value)
    assert len(raised.value.problems) == 1


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "edtf"),
    [
        ("2025-03-11T03:00+02:00", "2025-03-11T03:59+02:00", "hour", "2025-03-11T03+02:00"),
        ("2025-03-11T03:00+02:00", "2025-03-11T03:59+02:00", "", "[2025-03-11T03:00+02:00..2025-03-11T03:59+02:00]"),
        ("2025-03-11T01:00Z", "2025-03-11T03:59+02:00", "hour", "2025-03-11T01Z"),  # at the earliest's offset
        ("2025-03-11T03:15", "2025-03-11T03:15", "", "2025-03-11T03:15"),
        ("2025-03-11T03:15:20", "2025-03-11T03:15:20", "", "2025-03-11T03:15:20"),
    ],
    ids=["an-hour", "minutes", "two-offsets", "a-minute", "a-second"],
)
def test_earliest_and_latest_with_times_alone_make_one_moment_between_them(
    earliest: str, latest: str, precision: str, edtf: str
) -> None:
    when = from_csv(f"id,title,earliest,latest,precision\na,A,{earliest},{latest},{precision}\n")["a"].when
    assert when.to_edtf() == edtf
    if precision:
        assert isinstance(when, UncertainDate)
        assert when.precision is Precision(precision)


@pytest.mark.parametrize(
    ("earliest", "latest", "message"),
    [
        ("2025-03-11T03:00+02:00", "2025-03-11", "give both with a time"),
        ("2025-03-11T03:00+02:00", "2025-03-11T04:00", "each with an offset or neither"),
        ("2025-03-11T04:00+02:00", "2025-03-11T01:00Z", "comes after latest"),  # 02:00 UTC after 01:00 UTC
    ],
    ids=["time-and-day", "offset-and-none", "after"],
)
def test_earliest_and_latest_with_times_that_make_no_moment_are_reported(
    earliest: str, latest: str, message: str
) -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(f"id,title,earliest,latest\na,A,{earliest},{latest}\n", path="x.csv")
    assert len(raised.value.problems) == 1
    assert message in str(raised.value)
    assert earliest in str(raised.value)


def test_a_precision_a_moment_cannot_have_is_reported() -> None:
    text = "id,title,earliest,latest,precision\na,A,2025-03-11T03:00+02:00,2025-03-11T03:30+02:00,hour\n"
    with pytest.raises(EventFileError) as raised:
        from_csv(text, path="x.csv")
    assert "a span of time whose precision can be 'second' or 'minute'" in str(raised.value)


DAWN = """\
[reading]
zone = "Europe/Kyiv"

[[events]]
id = "night"
title = "Night strike"
when = "[2025-03-10T18:00+02:00..2025-03-11T05:59+02:00]"

[[events]]
id = "fire"
title = "Fire put out"
when = "at dawn"
anchor = "night"

[[events]]
id = "sirens"
title = "Sirens"
when = "3 a.m. on 11 March 2025"
"""


def test_wording_read_at_another_offset_than_its_edtf_is_reported_not_kept() -> None:
    timeline = load_text("night.toml", DAWN)
    text = to_csv(timeline)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (rows["fire"]["when"], rows["sirens"]["when"]) == ("at dawn", "3 a.m. on 11 March 2025")
    for zone, how in ((None, "read without a zone"), ("Europe/London", "read in Europe/London")):
        with pytest.raises(EventFileError) as raised:
            from_csv(text, path="night.csv", zone=zone)
        problems = {(p.line, p.event, p.field): p.message for p in raised.value.problems}
        assert set(problems) == {(3, "fire", "when"), (4, "sirens", "when")}
        for message in problems.values():
            assert how in message
            assert "--zone ZONE" in message
            assert "or leave 'when' empty" in message
    back = from_csv(text, path="night.csv", zone="Europe/Kyiv")  # in its own zone: the wording and the date kept
    assert_same_events(timeline, back)
    assert back["fire"].when.text == "at dawn"


def test_wording_with_its_own_zone_needs_none_given() -> None:
    text = "id,title,edtf,when\na,A,2025-03-11T03+02:00,3 a.m. on 11 March 2025 Europe/Kyiv\n"
    assert from_csv(text)["a"].when.text == "3 a.m. on 11 March 2025 Europe/Kyiv"


def test_zone_must_be_one_of_the_iana_database() -> None:
    with pytest.raises(chronology.ChronologyError, match="'Europe/Kiev2'"):
        from_csv("id,title,edtf\na,A,2024\n", zone="Europe/Kiev2")


def test_zone_reads_times_without_an_offset_in_it() -> None:
    back = from_csv("id,title,edtf\na,A,2024-10-18T10:00\n", zone="Europe/Kyiv")
    assert back["a"].when == chronology.parse("2024-10-18T10:00+03:00")
    assert back.zone == "Europe/Kyiv"


# -- claims ---------------------------------------------------------------------------------------


def claimed() -> Timeline:
    """An event with two claims: one said when its event was, one read from its report ("Friday")."""
    troops = Event(
        id="troops",
        title="North Korean troops in Kursk",
        when=chronology.parse("2024-11-17"),
        citations=[Citation(source="report")],
        claims=[
            Claim(
                subject="North Korean troops in Russia",
                value=Quantity.parse("about 10,000"),
                unit="soldiers",
                claimant="the Pentagon",
                source="report",
                quote='"about 10,000"; and more\non the way',
            ),
            Claim(
                subject="North Korean troops in Russia",
                value=Quantity.parse("12,000"),
                claimant="=Ukraine's intelligence",
                source="report",
                said=chronology.parse("Friday", anchor=REPORT_DAY),
                anchor="report",
            ),
        ],
    )
    return Timeline([troops], [REPORT])


def test_a_claims_fields_appear_in_the_claim_columns_one_item_per_claim() -> None:
    row = next(csv.DictReader(io.StringIO(to_csv(claimed()))))
    assert {column: row[column] for column in COLUMNS if column.startswith("claim_")} == {
        "claim_subjects": "North Korean troops in Russia; North Korean troops in Russia",
        "claim_values": "about 10,000; 12,000",
        "claim_units": "soldiers; ",  # an empty item for the claim without one
        "claim_claimants": "the Pentagon;' =Ukraine's intelligence",  # a formula in a spreadsheet's ';' cells
        "claim_sources": "report; report",
        "claim_said": "; 2024-11-15",  # empty: said when its event was; "Friday" needs its report's date
        "claim_anchors": "; report",
        "claim_quotes": '"about 10,000";; and more\non the way; ',
    }


def test_an_event_without_claims_leaves_the_claim_columns_empty() -> None:
    rows = list(csv.DictReader(io.StringIO(SMALL_CSV)))
    assert all(row[column] == "" for row in rows for column in COLUMNS if column.startswith("claim_"))


def test_claims_survive_a_round_trip_with_or_without_their_sources() -> None:
    timeline = claimed()
    text = to_csv(timeline)
    back = from_csv(text, path="claims.csv", sources=[REPORT])
    assert_same_events(timeline, back)
    assert back["troops"].claims[1].said == chronology.parse("2024-11-15")
    assert back["troops"].claims[1].anchor == "report"
    assert to_csv(back) == text
    bare = from_csv(text, path="claims.csv")  # the anchor of an absolute date said is a bare source
    assert_same_events(timeline, bare, wording=False)
    assert dict(bare.sources) == {"report": Source(id="report")}


def test_a_claim_source_not_cited_by_its_event_is_a_bare_source() -> None:
    text = 'id,title,edtf,claim_subjects,claim_values,claim_sources\na,A,2024,Troops,"1,500",nis\n'
    claim = from_csv(text)["a"].claims[0]
    assert (claim.subject, claim.value, claim.source) == ("Troops", Quantity.parse("1,500"), "nis")


CLAIM_ROWS = """\
id,title,edtf,claim_subjects,claim_values,claim_units,claim_said
a,A,2024,Troops; Troops,10,,
b,B,2024,Troops,,soldiers,
c,C,2024,Troops,lots,,
d,D,2024,Troops,10,,2024-13
"""


def test_claim_columns_that_do_not_make_claims_are_reported_with_their_row_and_column() -> None:
    with pytest.raises(EventFileError) as raised:
        from_csv(CLAIM_ROWS, path="x.csv")
    problems = [(p.line, p.field) for p in raised.value.problems]
    assert problems == [(2, "claim_values"), (3, "claim_values"), (4, "claim_values"), (5, "claim_said")]
    messages = [p.message for p in raised.value.problems]
    assert messages[0].startswith("1 item for 2 claims: give one per claim")
    assert messages[1] == "claim 1 has nothing in 'claim_values': every claim needs a subject and a figure"
    assert "'lots'" in messages[2]
    assert "'2024-13'" in messages[3]


@st.composite
def claimed_timelines(draw: st.DrawFn) -> Timeline:
    """A timeline as a spreadsheet carries it back, its events with 0-2 claims of trimmed texts."""
    timeline = draw(timelines(for_csv=True))
    source_ids = list(timeline.sources)
    dated = [s for s in timeline.sources.values() if s.published is not None]
    optional = st.just("") | texts(trimmed=True)
    events = []
    for event in timeline:
        claims = []
        for _ in range(draw(st.integers(0, 2))):
            said: chronology.DateValue | None = None
            anchor = None
            how = draw(st.sampled_from(["none", "absolute", "relative"]))
            if how == "absolute":
                said = chronology.parse(draw(st.sampled_from(ABSOLUTE)))
            elif how == "relative" and dated:
                source = draw(st.sampled_from(dated))
                said = chronology.parse(draw(st.sampled_from(["Friday", "last week"])), anchor=source.published)
                anchor = source.id
            cited = event.sources
            claims.append(
                Claim(
                    subject=draw(texts(trimmed=True)),
                    value=Quantity.parse(draw(st.sampled_from(FIGURES))),
                    unit=draw(optional),
                    claimant=draw(optional),
                    source=draw(st.sampled_from(cited) if cited else st.none() | st.sampled_from(source_ids)),
                    said=said,
                    anchor=anchor,
                    quote=draw(optional),
                )
            )
        events.append(attrs.evolve(event, claims=claims))
    return Timeline(events, timeline.sources.values(), title=timeline.title)


@settings(deadline=None)  # whole timelines: the first example also pays for warming caches
@given(claimed_timelines())
def test_generated_timelines_with_claims_survive_a_round_trip(timeline: Timeline) -> None:
    text = to_csv(timeline)
    note(text)
    back = from_csv(text, sources=timeline.sources)
    assert_same_events(timeline, back)
    assert to_csv(back) == text
    assert_same_events(timeline, from_csv(text), wording=False)  # without the sources, every value still


def _floating(timeline: Timeline) -> bool:
    """Whether a date of the timeline has a time without an offset (which a zone would place)."""
    dates = [e.when for e in timeline] + [c.said for e in timeline for c in e.claims if c.said is not None]
    ends = [
        end for value in dates for end in ([value] if isinstance(value, UncertainDate) else [value.start, value.end])
    ]
    return any(isinstance(end, UncertainDate) and end.has_time and end.utc_offset is None for end in ends)


@settings(deadline=None)
@given(claimed_timelines(), st.sampled_from(["Asia/Seoul", "Europe/Kyiv", "America/New_York"]))
def test_generated_timelines_in_a_zone_survive_a_round_trip_given_it(timeline: Timeline, zone: str) -> None:
    assume(not _floating(timeline))
    timeline = Timeline(timeline.events, timeline.sources.values(), title=timeline.title, zone=zone)
    text = to_csv(timeline)
    note(text)
    back = from_csv(text, sources=timeline.sources, zone=zone)
    assert_same_events(timeline, back)
    assert back.zone == zone
    assert to_csv(back) == text
