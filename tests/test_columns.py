"""A timeline built from columns answers as the same timeline built from events, making no event it need not."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import Event, Interval, Precision, Qualifier, Timeline, UncertainDate
from chronology.columns import Columns

QUALIFIERS = {"": Qualifier.NONE, "?": Qualifier.UNCERTAIN, "~": Qualifier.APPROXIMATE, "%": Qualifier.BOTH}
FIRST = np.datetime64("2024-01-01", "D")


@st.composite
def rows(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(0, 40))
    lo = np.array(draw(st.lists(st.integers(-40, 400), min_size=count, max_size=count)), dtype=np.int64)
    hi = lo + np.array(draw(st.lists(st.integers(0, 30), min_size=count, max_size=count)), dtype=np.int64)
    lasting = draw(st.booleans())
    end_lo = hi + np.array(draw(st.lists(st.integers(0, 60), min_size=count, max_size=count)), dtype=np.int64)
    end_hi = end_lo + np.array(draw(st.lists(st.integers(0, 9), min_size=count, max_size=count)), dtype=np.int64)
    qualifiers = draw(st.lists(st.sampled_from(sorted(QUALIFIERS)), min_size=count, max_size=count))
    return {
        "ids": [f"e{i}" for i in range(count)],
        "earliest": FIRST + lo,
        "latest": FIRST + hi,
        "end_earliest": FIRST + end_lo if lasting else None,
        "end_latest": FIRST + end_hi if lasting else None,
        "qualifiers": qualifiers,
    }


def day_number(day: np.datetime64) -> int:
    return int((day - np.datetime64("0001-01-01", "D")).astype(int)) + 1


def as_events(columns: dict[str, object]) -> list[Event]:
    """The same events, made one by one as a user would."""
    events = []
    ids, qualifiers = columns["ids"], columns["qualifiers"]
    earliest, latest = columns["earliest"], columns["latest"]
    end_earliest, end_latest = columns["end_earliest"], columns["end_latest"]
    assert isinstance(ids, list)
    assert isinstance(qualifiers, list)
    assert isinstance(earliest, np.ndarray)
    assert isinstance(latest, np.ndarray)
    for i, event_id in enumerate(ids):
        qualifier = QUALIFIERS[qualifiers[i]]
        start = UncertainDate.from_days(
            day_number(earliest[i]), day_number(latest[i]), Precision.DAY, qualifier=qualifier
        )
        when: chronology.DateValue = start
        if isinstance(end_earliest, np.ndarray) and isinstance(end_latest, np.ndarray):
            end = UncertainDate.from_days(
                day_number(end_earliest[i]), day_number(end_latest[i]), Precision.DAY, qualifier=qualifier
            )
            when = Interval(start, end)
        events.append(Event(id=event_id, title="", when=when))
    return events


WINDOWS = st.tuples(st.integers(-60, 450), st.integers(0, 120))


@settings(max_examples=150, deadline=None)
@given(rows(), st.lists(WINDOWS, min_size=1, max_size=4), st.sampled_from(["possible", "certain"]), st.booleans())
def test_columns_answer_as_events_do(
    columns: dict[str, object], windows: list[tuple[int, int]], mode: str, within: bool
) -> None:
    from_columns = Timeline.from_columns(**columns)  # type: ignore[arg-type]
    from_events = Timeline(as_events(columns))
    days = [(str(FIRST + a), str(FIRST + a + length)) for a, length in windows]
    for a, b in days:
        ask_columns = from_columns.within if within else from_columns.overlapping
        ask_events = from_events.within if within else from_events.overlapping
        expected = ask_events(a, b, mode=mode).ids.tolist()  # type: ignore[arg-type]
        assert ask_columns(a, b, mode=mode).ids.tolist() == expected  # type: ignore[arg-type]
        assert from_columns.count(a, b, within=within, mode=mode) == len(expected)  # type: ignore[arg-type]
    starts, ends = [a for a, _ in days], [b for _, b in days]
    many = from_columns.count_many(starts, ends, within=within, mode=mode)  # type: ignore[arg-type]
    assert many.tolist() == from_events.count_many(starts, ends, within=within, mode=mode).tolist()  # type: ignore[arg-type]
    assert [event.when for event in from_columns] == [event.when for event in from_events]


def test_queries_make_no_event() -> None:
    count = 10_000
    days = FIRST + np.arange(count) % 700
    tl = Timeline.from_columns([f"e{i}" for i in range(count)], days, days + 3)
    found = tl.overlapping("2024-03", "2024-03")
    assert found.ids.size == tl.count("2024-03", "2024-03") > 0
    assert tl.count_many(["2024-01", "2025-01"], ["2024-01", "2025-01"]).tolist() == [
        len(tl.overlapping("2024-01", "2024-01")),
        len(tl.overlapping("2025-01", "2025-01")),
    ]
    columns = tl._root.columns
    assert isinstance(columns, Columns)
    assert columns._made == {}  # nothing made so far
    assert tl["e5"].when == UncertainDate.parse("[2024-01-06..2024-01-09]")
    assert list(columns._made) == [5]


def test_a_bound_in_months_or_years_covers_the_whole_unit() -> None:
    tl = Timeline.from_columns(
        ["x", "y"],
        np.array(["2024-10", "1456"], dtype="datetime64[M]"),
        np.array(["2024-10", "1456-12"], dtype="datetime64[M]"),
        precision=["month", "year"],
    )
    assert tl["x"].when == chronology.parse("2024-10")
    assert tl["y"].when == chronology.parse("1456")


def test_open_bounds_and_years_before_the_common_era() -> None:
    tl = Timeline.from_columns(
        ["war", "ides"],
        np.array(["2022-02-24", "-0043-03-15"], dtype="datetime64[D]"),
        np.array(["2022-02-24", "-0043-03-15"], dtype="datetime64[D]"),
        end_earliest=np.array(["2022-02-24", "-0043-03-15"], dtype="datetime64[D]"),
        end_latest=np.array(["NaT", "-0043-03-15"], dtype="datetime64[D]"),
    )
    assert tl.overlapping("2030", "2030").ids.tolist() == ["war"]  # may still go on
    assert tl.overlapping("2030", "2030", mode="certain").ids.tolist() == []
    assert tl.overlapping("-0043", "-0043").ids.tolist() == ["ides"]
    assert tl["ides"].when == chronology.parse("-0043-03-15/-0043-03-15")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ids": ["a", "b", "a"]}, r"^ids, row 2: id 'a' is given twice \(first in row 0\); give each event its own"),
        (
            {"latest": ["2024-10-03", "2024-10-01", "2024-10-09"]},
            r"^earliest, row 1 \(id 'b'\): earliest 2024-10-05 comes after latest 2024-10-01; give earliest <= latest "
            r"\(swapped: earliest 2024-10-01, latest 2024-10-05\)$",
        ),
        (
            {
                "end_earliest": ["2024-10-03", "2024-09-01", "2024-10-09"],
                "end_latest": ["2024-10-04", "2024-09", "2024"],
            },
            r"^end_latest, row 1 \(id 'b'\): it ends before it can start \(end_latest 2024-09-30 is before earliest "
            r"2024-10-05\)",
        ),
        ({"latest": ["2024-10-01"]}, r"latest has 1 rows, the ids 3: give one bound per event"),
        ({"precision": "fortnight"}, r"precision 'fortnight' is not one of second, minute, hour, day"),
        (
            {"precision": ["day", "Days", "day"]},
            r"^precision, row 1 \(id 'b'\): precision 'Days' is not one of .*; did you mean 'day'\?$",
        ),
        (
            {"qualifiers": ["", "~", "c."]},
            r"^qualifiers, row 2 \(id 'c'\): qualifier 'c.' is not one of '', '\?', '~', '%' \(as EDTF writes them\); did you mean '~'\?$",
        ),
        (
            {"qualifiers": ["", "x", "?"]},
            r"^qualifiers, row 1 \(id 'b'\): qualifier 'x' is not one of '', '\?', '~', '%' \(as EDTF writes them\)$",
        ),
        ({"end_earliest": ["2024-10-01"] * 3}, r"give both end_earliest and end_latest, or neither"),
    ],
)
def test_columns_that_cannot_be_events_are_refused_naming_the_row(change: dict[str, object], message: str) -> None:
    given: dict[str, object] = {
        "ids": ["a", "b", "c"],
        "earliest": ["2024-10-01", "2024-10-05", "2024-10-09"],
        "latest": ["2024-10-03", "2024-10-05", "2024-10-09"],
    }
    with pytest.raises(chronology.InvalidEventError, match=message):
        Timeline.from_columns(**(given | change))  # type: ignore[arg-type]


@pytest.mark.parametrize("unit", ["D", "s", "Y"])
def test_a_bound_beyond_the_years_held_is_refused_naming_the_row(unit: str) -> None:
    # (an event made from it later could not be written in EDTF and read back)
    beyond = np.array(["2024-10-01", "1000000001-01-01"], dtype="datetime64[D]").astype(f"datetime64[{unit}]")
    with pytest.raises(
        chronology.InvalidEventError,
        match=r"^latest, row 1 \(id 'b'\): 1000000001.* lies beyond the years the model holds "
        r"\(-1,000,000,000 to 1,000,000,000\)$",
    ):
        Timeline.from_columns(["a", "b"], beyond[:1].repeat(2), beyond)
    edge = np.array(["-1000000000-01-01", "1000000000-12-31"], dtype="datetime64[D]")
    timeline = Timeline.from_columns(["a", "b"], edge, edge)
    assert [event.when.to_edtf() for event in timeline] == ["Y-1000000000-01-01", "Y1000000000-12-31"]


@pytest.mark.parametrize("unit", ["ns", "us", "ms", "s", "m", "h", "D"])
def test_days_given_in_any_unit_cover_their_whole_day(unit: str) -> None:
    # pandas gives a day as its midnight in nanoseconds: as the last bound of a day, it means all of that day
    starts = np.array(["2024-03-11", "2024-04-03"], dtype="datetime64[D]").astype(f"datetime64[{unit}]")
    ends = np.array(["2024-03-20", "2024-04-03"], dtype="datetime64[D]").astype(f"datetime64[{unit}]")
    timeline = Timeline.from_columns(["rally", "clash"], starts, ends)
    as_days = Timeline.from_columns(["rally", "clash"], ["2024-03-11", "2024-04-03"], ["2024-03-20", "2024-04-03"])
    assert [event.when for event in timeline] == [event.when for event in as_days]
    assert timeline.count("2024-03-20", "2024-03-20") == 1


@pytest.mark.parametrize(
    ("precision", "inside"), [("day", "day"), ("month", "day"), ("hour", "hour"), ("minute", "minute")]
)
def test_a_bound_inside_its_rows_unit_is_refused_naming_the_row(precision: str, inside: str) -> None:
    timed = np.array(["2024-03-11T15:30:30"], dtype="datetime64[ns]")
    with pytest.raises(
        chronology.InvalidEventError,
        match=rf"^earliest, row 0 \(id 'a'\): 2024-03-11T15:30:30 falls inside its {inside}, but the row's "
        rf"precision is '{precision}'; give the precision of its time",
    ):
        Timeline.from_columns(["a"], timed, timed, precision=precision)
    exact = Timeline.from_columns(["a"], timed, timed, precision="second")
    assert exact.events[0].when == chronology.parse("2024-03-11T15:30:30")


def test_a_last_bound_at_the_start_of_its_unit_covers_the_unit() -> None:
    start = np.array(["2024-03-11T15:30"], dtype="datetime64[ns]")
    timeline = Timeline.from_columns(["a"], start, start, precision="minute")
    assert timeline.events[0].when == chronology.parse("2024-03-11T15:30")


def test_a_title_of_more_than_one_line_is_refused_naming_the_row() -> None:
    # (an event's title is one line: made later from the row, it would be refused then, far from the cause)
    with pytest.raises(chronology.InvalidEventError, match=r"^titles, row 1 \(id 'b'\): the title runs over more"):
        Timeline.from_columns(["a", "b"], ["2024"] * 2, ["2024"] * 2, titles=["One line", "Two\r\nlines"])
    timeline = Timeline.from_columns(["a"], ["2024"], ["2024"], titles=["One line"])
    assert timeline.events[0].title == "One line"


def test_bounds_that_are_not_dates_are_a_type_error() -> None:
    with pytest.raises(
        chronology.WrongTypeError,
        match=r"^earliest must be dates \(a numpy datetime64 array or ISO text\), not int64: row 0 \(id 'a'\) is 20241001",
    ):
        Timeline.from_columns(["a"], [20241001], ["2024-10-01"])
    with pytest.raises(chronology.WrongTypeError, match=r"^ids must be text, not int64: row 0 is 1; give them as text"):
        Timeline.from_columns([1, 2], ["2024-10-01"] * 2, ["2024-10-01"] * 2)
    with pytest.raises(chronology.WrongTypeError, match=r"^ids must be one flat array of text, not an array of shape"):
        Timeline.from_columns([["a"], ["b"]], ["2024-10-01"] * 2, ["2024-10-01"] * 2)


GIVEN = {
    "ids": ["a", "b", "c"],
    "earliest": ["2024-01-01", "2024-02-01", "2024-03-01"],
    "latest": ["2024-01-01", "2024-02-01", "2024-03-01"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (  # the parser says what is wrong with the text
            {"earliest": ["2024-01-01", "2024-13-01", "2024-03-01"]},
            r"^earliest, row 1 \(id 'b'\): '2024-13-01' is not an ISO date \(month 13 does not exist; expected 01-12.*\); "
            r"give ISO dates \('2024-10-18', '2024-10', '2024', '2024-10-18T09:30'\), 'NaT' for an open bound",
        ),
        (  # and the nearest ISO date, where there is one
            {"latest": ["2024-01-01", "2024-02-01", "1 March 2024"]},
            r"^latest, row 2 \(id 'c'\): '1 March 2024' is not an ISO date; give ISO dates .*; did you mean '2024-03-01'\?$",
        ),
        (
            {"earliest": ["2024/01/01", "2024-02-01", "2024-03-01"]},
            r"^earliest, row 0 \(id 'a'\): .*did you mean '2024-01-01'\?$",
        ),
        (
            {"earliest": ["2024-01-01", "2024-02~", "2024-03-01"]},
            r"did you mean '2024-02' \(its qualifier goes in qualifiers\)\?$",
        ),
        ({"ids": ["a", None, "c"]}, r"^ids, row 1: None is not text; every event needs an id"),
        ({"ids": np.array(["a", float("nan"), "c"], dtype=object)}, r"^ids, row 1: nan is not text"),
        ({"titles": ["A", "B", None]}, r"^titles, row 2 \(id 'c'\): None is not text; give '' for none$"),
        (
            {"earliest": ["2024-01-01", None, "2024-03-01"]},
            r"^earliest, row 1 \(id 'b'\): None is not a date \(ISO text\); give 'NaT'",
        ),
        (
            {"earliest": np.array(["2024-01-01", datetime.date(2024, 2, 1), "2024-03-01"], dtype=object)},
            r"^earliest, row 1 \(id 'b'\): datetime.date\(2024, 2, 1\) is not a date \(ISO text\); did you mean '2024-02-01'\?$",
        ),
        ({"qualifiers": ["", None, "?"]}, r"^qualifiers, row 1 \(id 'b'\): None is not a qualifier \(text\)"),
        ({"titles": [1, 2, 3]}, r"^titles must be text, not int64: row 0 \(id 'a'\) is 1; give them as text"),
    ],
)
def test_a_value_that_is_wrong_is_named_with_its_column_row_and_id(change: dict[str, object], message: str) -> None:
    with pytest.raises(chronology.ChronologyError, match=message):
        Timeline.from_columns(**(GIVEN | change))  # type: ignore[arg-type]


def test_pandas_columns_of_text_are_text() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(
        {
            "id": ["a", "b"],
            "start": ["2024-01", "2024-02-03"],
            "title": ["A", "B"],
            "q": ["~", ""],
            "p": ["month", "day"],
        }
    )
    assert np.asarray(frame["id"]).dtype == object  # (pandas gives text as objects)
    tl = Timeline.from_columns(
        frame["id"], frame["start"], frame["start"], titles=frame["title"], qualifiers=frame["q"], precision=frame["p"]
    )
    assert [event.when for event in tl] == [chronology.parse("2024-01~"), chronology.parse("2024-02-03")]
    assert [event.title for event in tl] == ["A", "B"]
    precisions = np.array([Precision.MONTH, Precision.DAY], dtype=object)
    by_enum = Timeline.from_columns(["a", "b"], frame["start"], frame["start"], precision=precisions)
    assert [event.when for event in by_enum] == [chronology.parse("2024-01"), chronology.parse("2024-02-03")]
    assert len(Timeline.from_columns([], [], [])) == 0
