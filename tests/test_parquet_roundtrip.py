"""A timeline written to Parquet answers as it did: in memory as built, loaded back, and scanned on DuckDB.

EDTF text cannot say every precision (a day-precision date from a Monday to
the Sunday after reads as a week): the reader restores it from the file's
precision columns, so "possible" questions widen by the same unit everywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chronology
from chronology import Event, Timeline, Widening
from chronology.dates import Interval, Precision, Qualifier, UncertainDate
from chronology.errors import DatasetError, ValidationError
from chronology.scan import Dataset

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("duckdb")
pytest.importorskip("ibis")

ROOT = Path(__file__).resolve().parent.parent
FIRST = np.datetime64("2019-12-02")  # a Monday
PRECISIONS = [precision.value for precision in Precision if not precision.has_time]


@st.composite
def spans(draw: st.DrawFn) -> tuple[np.datetime64, np.datetime64]:
    """A first and a last day: a few days, a Monday-to-Sunday week, a calendar month, a quarter or a year."""
    shape = draw(st.sampled_from(["days", "week", "month", "quarter", "year"]))
    if shape == "days":
        first = FIRST + draw(st.integers(0, 150))
        return first, first + draw(st.integers(0, 20))
    if shape == "week":
        first = FIRST + 7 * draw(st.integers(0, 20))
        return first, first + 6
    months = {"month": 1, "quarter": 3, "year": 12}[shape]
    month = np.datetime64("2020-01") + (
        draw(st.integers(0, 3)) * months if shape != "month" else draw(st.integers(0, 11))
    )
    return month.astype("datetime64[D]"), (month + months).astype("datetime64[D]") - 1


@st.composite
def column_timelines(draw: st.DrawFn) -> Timeline:
    """A timeline from columns: instants or things that last, of any date precision, qualifier and open side."""
    count = draw(st.integers(1, 12))
    lasting = draw(st.booleans())
    rows = [draw(spans()) for _ in range(count)]
    earliest = np.array([first for first, _ in rows], dtype="datetime64[D]")
    latest = np.array([last for _, last in rows], dtype="datetime64[D]")
    precision = np.array([draw(st.sampled_from(PRECISIONS)) for _ in range(count)])
    qualifiers = np.array([draw(st.sampled_from(["", "~", "?", "%"])) for _ in range(count)])
    ids = np.array([f"e{k}" for k in range(count)])
    if lasting:
        after = [draw(spans()) for _ in range(count)]
        end_earliest = np.array([max(a, first) for (a, _), first in zip(after, earliest, strict=True)], "datetime64[D]")
        end_latest = np.array([max(b, a) for (_, b), a in zip(after, end_earliest, strict=True)], "datetime64[D]")
        open_end = np.array([draw(st.integers(0, 5)) == 0 for _ in range(count)])
        end_latest[open_end] = np.datetime64("NaT")
        return Timeline.from_columns(
            ids,
            earliest,
            latest,
            end_earliest=end_earliest,
            end_latest=end_latest,
            precision=precision,
            qualifiers=qualifiers,
        )
    return Timeline.from_columns(ids, earliest, latest, precision=precision, qualifiers=qualifiers)


WINDOWS = st.tuples(st.integers(-40, 480), st.integers(0, 40)).map(
    lambda pair: (str(FIRST + pair[0]), str(FIRST + pair[0] + pair[1]))
)
POLICIES = st.sampled_from([None, Widening(approximate=0), Widening(approximate=2, uncertain=1)])


def answers(subject: Timeline | Dataset, window: tuple[str, str], policy: Widening | None) -> list[list[str]]:
    """The ids of the four questions of a window (possible and certain, overlapping and within), sorted."""
    found = []
    for mode in ("possible", "certain"):
        for within in (False, True):
            if isinstance(subject, Dataset):
                ask = subject.within if within else subject.overlapping
                found.append(sorted(ask(*window, mode=mode, widening=policy).ids().column("id").to_pylist()))
            else:
                view = (subject.within if within else subject.overlapping)(*window, mode=mode, widening=policy)
                found.append(sorted(view.ids.tolist()))
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timeline=column_timelines(), windows=st.lists(WINDOWS, min_size=1, max_size=4), policy=POLICIES)
def test_a_timeline_of_columns_answers_alike_built_loaded_and_scanned(
    tmp_path: Path, timeline: Timeline, windows: list[tuple[str, str]], policy: Widening | None
) -> None:
    path = tmp_path / "columns.parquet"
    timeline.to_parquet(path)
    loaded, scanned = chronology.load(path), chronology.scan(path)
    for window in windows:
        expected = answers(timeline, window, policy)
        assert answers(loaded, window, policy) == expected, window
        assert answers(scanned, window, policy) == expected, window
    for event in timeline:  # each date as built, at its precision (of each end), whatever its text reads as
        assert loaded[event.id].when == event.when, event.id
    assert chronology.validate(path) == ()


def test_a_day_precision_week_keeps_its_precision_loaded_and_in_every_answer(tmp_path: Path) -> None:
    monday, sunday = np.array(["2020-02-17"], "datetime64[D]"), np.array(["2020-02-23"], "datetime64[D]")
    built = Timeline.from_columns(["a"], monday, sunday, qualifiers=["~"], titles=["the week of 17 Feb, approx."])
    built.to_parquet(tmp_path / "week.parquet")
    alone = chronology.parse(built["a"].when.to_edtf())
    assert isinstance(alone, UncertainDate)
    assert alone.precision is Precision.WEEK  # what the text alone says
    loaded = chronology.load(tmp_path / "week.parquet")
    assert loaded["a"].when == built["a"].when
    assert isinstance(loaded["a"].when, UncertainDate)
    assert loaded["a"].when.precision is Precision.DAY
    scanned = chronology.scan(tmp_path / "week.parquet")
    for day, widened in (("2020-02-24", 1), ("2020-02-25", 0)):  # approximate: widened by one day, not a week
        assert built.count(day, day) == loaded.count(day, day) == scanned.count(day, day) == widened


def test_an_event_file_timeline_keeps_a_day_precision_week_through_its_records(tmp_path: Path) -> None:
    week = UncertainDate.from_days(737472, 737478, Precision.DAY, qualifier=Qualifier.APPROXIMATE)
    assert week.to_edtf() == "[2020-02-17~..2020-02-23~]"
    events = [
        Event(id="week", title="in the week", when=week),
        Event(id="after", title="after it", when=Interval(week, UncertainDate.parse("2020-03")), after=("week",)),
    ]
    built = Timeline(events)
    built.to_parquet(tmp_path / "events.parquet")
    assert pq.read_table(tmp_path / "events.parquet").column("record").null_count == 0  # whole events
    loaded = chronology.load(tmp_path / "events.parquet")
    assert [loaded[e.id].when for e in events] == [e.when for e in events]
    scanned = chronology.scan(tmp_path / "events.parquet")
    for day in ("2020-02-15", "2020-02-16", "2020-02-24", "2020-02-25"):
        assert loaded.count(day, day) == scanned.count(day, day) == built.count(day, day), day
    assert chronology.validate(tmp_path / "events.parquet") == ()


def test_validate_refuses_a_date_whose_text_and_precision_column_say_two_things(tmp_path: Path) -> None:
    month = np.array(["2020-02"], "datetime64[M]")
    Timeline.from_columns(["m"], month, month, precision="month", titles=["February"]).to_parquet(
        tmp_path / "m.parquet"
    )
    table = pq.read_table(tmp_path / "m.parquet")
    for name in ("precision", "start_precision", "end_precision"):
        table = table.set_column(table.column_names.index(name), name, pa.array(["day"]))
    pq.write_table(table, tmp_path / "day.parquet")
    (problem,) = chronology.validate(tmp_path / "day.parquet")
    assert (problem.event, problem.field) == ("m", "edtf")
    assert "'2020-02' reads at month precision, but start_precision says day" in problem.message
    assert "[2020-02-01..2020-02-29]" in problem.message


def test_validate_refuses_records_whose_possible_days_the_loaded_events_do_not_give(tmp_path: Path) -> None:
    Timeline([Event(id="a", title="a day", when=chronology.parse("2020-02-17~"))]).to_parquet(tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    index = table.column_names.index("possible_end_last")
    wider = pa.array([table.column("possible_end_last")[0].as_py() + 6], pa.int64())  # as if widened by a week
    pq.write_table(table.set_column(index, "possible_end_last", wider), tmp_path / "wide.parquet")
    (problem,) = chronology.validate(tmp_path / "wide.parquet")
    assert (problem.event, problem.field) == ("a", "possible_end_last")
    assert "loaded and the file scanned answer differently" in problem.message


def test_a_timeline_of_columns_without_titles_is_written_without_records_and_loads(tmp_path: Path) -> None:
    days = np.datetime64("2024-01-01") + np.arange(5)
    built = Timeline.from_columns([f"e{k}" for k in range(5)], days, days + 1)
    built.to_parquet(tmp_path / "untitled.parquet")
    table = pq.read_table(tmp_path / "untitled.parquet")
    assert table.column("record").null_count == len(table)  # no event was made to write it
    loaded = chronology.load(tmp_path / "untitled.parquet")
    assert [(e.id, e.title, e.when) for e in loaded] == [(e.id, e.title, e.when) for e in built]
    assert chronology.validate(tmp_path / "untitled.parquet") == ()


def test_a_view_of_columns_is_written_as_its_rows(tmp_path: Path) -> None:
    days = np.datetime64("2024-01-01") + np.arange(40)
    built = Timeline.from_columns([f"e{k}" for k in range(40)], days, days, titles=[f"day {k}" for k in range(40)])
    view = built.overlapping("2024-01-10", "2024-01-12")
    view.to_parquet(tmp_path / "view.parquet")
    table = pq.read_table(tmp_path / "view.parquet")
    assert table.column("id").to_pylist() == view.ids.tolist() == ["e9", "e10", "e11"]
    assert table.column("title").to_pylist() == [view[i].title for i in view.ids.tolist()]


def test_an_untitled_event_is_refused_before_a_file_that_would_not_load_is_written(tmp_path: Path) -> None:
    timeline = Timeline([Event(id="a", title="", when=chronology.parse("2020"))])
    with pytest.raises(ValidationError, match="event 'a', field 'title'"):
        timeline.to_parquet(tmp_path / "untitled.parquet")
    assert not list(tmp_path.iterdir())


def test_a_table_read_from_its_columns_is_written_back_with_its_own_columns(tmp_path: Path) -> None:
    from chronology.exchange.arrow import from_bounds

    days = np.array(["2024-10-18", "2024-10-20"], "datetime64[D]").astype("datetime64[s]").astype(np.int64)
    claims = '[{"subject": "reported fatalities", "value": "12", "claimant": "Sudan Tribune"}]'
    table = from_bounds(
        ["a", "b"],
        ["2024-10-18", "[2024-10-20~..2024-10-21~]"],
        days,
        days + np.array([86_399, 2 * 86_400 - 1]),
        qualifier=["", "~"],
        titles=["one", "two"],
        kinds=["strike", "battle"],
        sources=[["outlet"], []],
        extra={"claims": [None, claims]},
    )
    pq.write_table(table, tmp_path / "set.parquet")
    loaded = chronology.load(tmp_path / "set.parquet")
    loaded.to_parquet(tmp_path / "again.parquet")
    again = pq.read_table(tmp_path / "again.parquet")
    for name in ("id", "title", "kind", "edtf", "sources", "possible_end_last", "start_precision", "claims"):
        assert again.column(name).to_pylist() == table.column(name).to_pylist(), name
    (claim,) = chronology.load(tmp_path / "again.parquet")["b"].claims
    assert (claim.subject, claim.claimant) == ("reported fatalities", "Sudan Tribune")


def test_from_bounds_writes_what_a_timeline_of_the_same_columns_writes() -> None:
    from chronology.exchange.arrow import from_bounds, to_arrow

    first = np.array(["2024-10-18", "2024-02-01", "2024-10-14"], "datetime64[D]")
    last = np.array(["2024-10-18", "2024-02-29", "2024-10-20"], "datetime64[D]")
    seconds = first.astype("datetime64[s]").astype(np.int64)
    ends = (last + 1).astype("datetime64[s]").astype(np.int64) - 1
    built = Timeline.from_columns(
        ["a", "b", "c"], first, last, precision=["day", "month", "day"], qualifiers=["", "?", "~"]
    )
    written = to_arrow(built)
    table = from_bounds(
        ["a", "b", "c"],
        written.column("edtf"),
        seconds,
        ends,
        precision=["day", "month", "day"],
        qualifier=["", "?", "~"],
    )
    assert table.drop_columns(["title"]).equals(written.drop_columns(["title"]))


@pytest.mark.parametrize("command", [["validate"], ["query", "--from", "2020", "--to", "2020"]])
def test_a_missing_parquet_file_is_said_to_be_missing(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    missing = tmp_path / "nonexistent.parquet"
    assert main([command[0], str(missing), *command[1:]]) != 0
    said = capsys.readouterr().err + capsys.readouterr().out
    assert f"{missing}: cannot read the file: No such file or directory" in said
    assert "not a Parquet file" not in said
    for read in (chronology.load, chronology.scan):
        with pytest.raises(DatasetError, match=re.escape(f"{missing}: cannot read the file: No such file")):
            read(missing)


def test_scan_checks_the_rows_only_when_asked(tmp_path: Path) -> None:
    days = np.datetime64("2024-01-01") + np.arange(4)
    Timeline.from_columns(["a", "b", "c", "d"], days, days + 2).to_parquet(tmp_path / "good.parquet")
    table = pq.read_table(tmp_path / "good.parquet")
    twice = table.set_column(0, "id", pa.array(["a", "b", "b", "d"]))
    pq.write_table(twice, tmp_path / "twice.parquet")
    index = table.column_names.index("end_last")
    early = table.column("end_last").to_pylist()
    early[2] = table.column("start_first")[2].as_py() - 1
    pq.write_table(table.set_column(index, "end_last", pa.array(early, pa.int64())), tmp_path / "early.parquet")
    assert chronology.scan(tmp_path / "good.parquet", check=True).count() == 4
    assert chronology.scan(tmp_path / "twice.parquet").count() == 4  # the columns are the form's: it answers
    with pytest.raises(DatasetError, match=r"id 'b' is given twice \(1 row repeats an id\); run chronology validate"):
        chronology.scan(tmp_path / "twice.parquet", check=True)
    with pytest.raises(
        DatasetError, match=r"event 'c': (start|end)_first comes after end_last \(1 row has days out of order\)"
    ):
        chronology.scan(tmp_path / "early.parquet", check=True)
    assert chronology.validate(tmp_path / "twice.parquet")
    assert chronology.validate(tmp_path / "early.parquet")


def test_the_queries_page_example_of_columns_shows_what_the_arrays_say() -> None:
    page = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    (code,) = [b for b in re.findall(r"^```python\n(.*?)^```", page, flags=re.M | re.S) if "from_columns" in b]
    namespace: dict[str, object] = {}
    lines = [line for line in code.splitlines() if line.strip()]
    setup, last_two = lines[:-2], lines[-2:]
    exec("\n".join(setup), namespace)
    days = np.datetime64("2024-01-01") + np.arange(100_000) % 366
    ids = np.array([f"e{i}" for i in range(100_000)])
    for line in last_two:
        statement, _, comment = line.partition("  # ")
        got = eval(statement, namespace)
        if "count" in statement:  # possibly in March: widened by a day on each side
            expected = int(
                ((days + 2 + 1 >= np.datetime64("2024-03-01")) & (days - 1 <= np.datetime64("2024-03-31"))).sum()
            )
            assert got == expected
        else:  # certainly in the first week of March: every possible day inside it
            inside = (days >= np.datetime64("2024-03-01")) & (days + 2 <= np.datetime64("2024-03-07"))
            assert list(got) == ids[inside].tolist()[:3]
        assert comment.split(":")[0].strip() == (repr(int(got)) if "count" in statement else repr(list(got))), comment
