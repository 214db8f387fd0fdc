"""The columnar form (Arrow, Parquet) and engines: the same answers as the timeline in memory.

A Hypothesis property draws random timelines (instants, intervals with
uncertain, open and unknown ends, qualifiers, termini, times with offsets,
years before 1 and after 9999) and random widening policies, and asks every
question of the in-memory timeline, of the same events read back from Parquet,
and of DuckDB scanning that file: the ids and counts must be equal.
"""

from __future__ import annotations

import builtins
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from generated_timelines import holdable, timelines
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import chronology
import chronology.exchange.arrow
from chronology import DatasetError, Event, MissingExtraError, Timeline, Widening
from chronology.exchange.arrow import COLUMNS, to_arrow
from chronology.exchange.as_json import to_json

SHOWCASE = Path(__file__).parent.parent / "events.toml"
QUALIFIERS = ["", "", "", "?", "~", "%"]
MODES: tuple[Literal["possible", "certain"], ...] = ("possible", "certain")


@st.composite
def dates(draw: st.DrawFn) -> tuple[tuple[int, ...], str]:
    """A date as (year, month, day) for ordering, and its EDTF text at a drawn precision, qualifier and year range."""
    year = draw(st.one_of(st.integers(1400, 2030), st.integers(-3000, 3000), st.integers(10_000, 50_000)))
    precision = draw(st.sampled_from(["year", "month", "day", "day", "time"]))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    if year > 9999 or year < -9999:
        text = f"Y{year}"
        precision = "year"
    else:
        text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if precision != "year":
        text += f"-{month:02d}"
    if precision in ("day", "time"):
        text += f"-{day:02d}"
    if precision == "time":
        hour = draw(st.integers(0, 23))
        text += f"T{hour:02d}:{draw(st.integers(0, 59)):02d}" + draw(st.sampled_from(["", "Z", "+09:00", "-05:00"]))
    else:
        text += draw(st.sampled_from(QUALIFIERS))
    key = (year, month if precision != "year" else 0, day if precision in ("day", "time") else 0)
    return key, text


@st.composite
def values(draw: st.DrawFn) -> str:
    """EDTF for an instant, a range of days, a terminus, or an interval with dated, open or unknown ends."""
    shape = draw(
        st.sampled_from(["instant", "instant", "range", "terminus", "interval", "interval", "open", "unknown"])
    )
    (first_key, first), (second_key, second) = sorted([draw(dates()), draw(dates())])
    if shape == "instant":
        return first
    if shape == "range":
        return f"[{first.rstrip('?~%')}..{second.rstrip('?~%')}]" if first_key < second_key else first
    if shape == "terminus":
        return draw(st.sampled_from([f"[..{first.rstrip('?~%')}]", f"[{first.rstrip('?~%')}..]"]))
    if shape == "interval":
        return f"{first}/{second}"
    if shape == "open":
        return draw(st.sampled_from([f"../{first}", f"{first}/.."]))
    return draw(st.sampled_from([f"/{first}", f"{first}/"]))


def timeline_of(texts: list[str]) -> Timeline:
    events = []
    for k, text in enumerate(texts):
        try:
            when = chronology.parse(text)
        except chronology.ChronologyError:
            assume(False)
            raise
        events.append(Event(id=f"e{k}", title=text, when=when))
    return Timeline(events)


policies = st.one_of(
    st.none(),
    st.builds(Widening, approximate=st.integers(0, 3), uncertain=st.integers(0, 2)),
    st.builds(
        Widening,
        approximate_by=st.fixed_dictionaries({"year": st.integers(0, 20), "day": st.integers(0, 5)}),
        uncertain_by=st.fixed_dictionaries({"month": st.integers(0, 2)}),
    ),
)
windows = st.tuples(dates(), dates()).map(lambda pair: tuple(text.rstrip("?~%") for _, text in sorted(pair)))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("columnar")


def ids_of(dataset: chronology.Dataset) -> list[str]:
    return sorted(dataset.ids().column("id").to_pylist())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(values(), min_size=1, max_size=12),
    st.lists(windows, min_size=1, max_size=3),
    policies,
)
def test_every_question_gets_the_same_answer_in_memory_from_parquet_and_on_duckdb(
    folder: Path, texts: list[str], asked: list[tuple[str, str]], widening: Widening | None
) -> None:
    timeline = timeline_of(texts)
    path = folder / "drawn.parquet"
    timeline.to_parquet(path)
    table = to_arrow(timeline)
    bare = folder / "bare.parquet"  # no records: the timeline is built from the columns
    pq.write_table(table.set_column(COLUMNS.index("record"), "record", pa.nulls(len(table), pa.string())), bare)
    loaded, columns, dataset = chronology.load(path), chronology.load(bare), chronology.scan(path)
    assert type(columns._root.columns).__name__ == "TableColumns"
    for start, end in asked:
        for mode in MODES:
            for within in (False, True):
                ask = "within" if within else "overlapping"
                expected = sorted(getattr(timeline, ask)(start, end, mode=mode, widening=widening).ids)
                for other in (loaded, columns):
                    assert sorted(getattr(other, ask)(start, end, mode=mode, widening=widening).ids) == expected
    engine_agrees(timeline, dataset, asked, widening)


def engine_agrees(
    timeline: Timeline, dataset: chronology.Dataset, asked: list[tuple[str, str]], widening: Widening | None
) -> None:
    """Every question of a data set on an engine gets the answer the timeline in memory gives."""
    for start, end in asked:
        for mode in MODES:
            for ask in ("overlapping", "within"):
                expected = sorted(getattr(timeline, ask)(start, end, mode=mode, widening=widening).ids)
                found = ids_of(getattr(dataset, ask)(start, end, mode=mode, widening=widening))
                assert found == expected, (ask, mode, start, end)
            for order in ("before", "after"):
                expected = sorted(getattr(timeline, order)(start, mode=mode, widening=widening).ids)
                assert ids_of(getattr(dataset, order)(start, mode=mode, widening=widening)) == expected, (order, mode)
    starts, ends = [a for a, _ in asked], [b for _, b in asked]
    for mode in MODES:
        for within in (False, True):
            counts = timeline.count_many(starts, ends, mode=mode, within=within, widening=widening)
            counted = dataset.count_many(starts, ends, mode=mode, within=within, widening=widening)
            assert counted.tolist() == counts.tolist()
            pairs = dataset.overlapping_many(starts, ends, mode=mode, within=within, widening=widening)
            assert pairs.num_rows == int(counts.sum())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timelines().map(holdable))
def test_a_timeline_written_to_parquet_reads_back_the_same(folder: Path, timeline: Timeline) -> None:
    path = folder / "round.parquet"
    timeline.to_parquet(path)
    back = chronology.load(path)
    assert to_json(back) == to_json(timeline)
    assert [back.narrowed(e.id) for e in back] == [timeline.narrowed(e.id) for e in timeline]


def test_the_showcase_keeps_its_title_and_sources(tmp_path: Path) -> None:
    timeline = chronology.load(SHOWCASE)
    timeline.to_parquet(tmp_path / "showcase.parquet")
    back = chronology.load(tmp_path / "showcase.parquet")
    assert back.title == timeline.title
    assert list(back.sources.values()) == list(timeline.sources.values())
    assert to_json(back) == to_json(timeline)
    assert json.loads(to_arrow(timeline).schema.metadata[b"chronology"])["format"] == 1


@pytest.mark.parametrize("widening", [None, Widening(approximate=2)])
def test_dates_narrowed_by_links_answer_alike_everywhere(tmp_path: Path, widening: Widening | None) -> None:
    timeline = Timeline(
        [
            Event(id="y", title="y", when=chronology.parse("[2024-10-10..2024-10-20]")),
            Event(id="x", title="x", when=chronology.parse("2024-10~"), after=("y",)),
        ]
    )
    timeline.to_parquet(tmp_path / "linked.parquet")
    row = to_arrow(timeline).to_pylist()[1]
    assert row["narrowed"] == timeline.narrowed("x").to_edtf() != row["edtf"]
    assert row["linked"] & 1, "the first day of x's start is set by the link"
    back, dataset = chronology.load(tmp_path / "linked.parquet"), chronology.scan(tmp_path / "linked.parquet")
    assert back.narrowed("x") == timeline.narrowed("x")
    for start, end in [("2024-09-20", "2024-10-09"), ("2024-10-21", "2024-11-05"), ("2024-09", "2024-09")]:
        for mode in MODES:
            expected = sorted(timeline.overlapping(start, end, mode=mode, widening=widening).ids)
            assert sorted(back.overlapping(start, end, mode=mode, widening=widening).ids) == expected
            assert ids_of(dataset.overlapping(start, end, mode=mode, widening=widening)) == expected


def test_a_folder_of_parquet_files_is_one_data_set(tmp_path: Path) -> None:
    timeline = chronology.load(SHOWCASE)
    table = to_arrow(timeline)
    folder = tmp_path / "parts"
    folder.mkdir()
    pq.write_table(table.slice(0, 10), folder / "a.parquet")
    pq.write_table(table.slice(10), folder / "b.parquet")
    dataset = chronology.scan(folder)
    assert dataset.count() == len(timeline)
    assert dataset.count("2024-10", "2024-10") == timeline.count("2024-10", "2024-10")
    answer = dataset.overlapping("2024-10", "2024-10")
    answer.to_parquet(tmp_path / "ids.parquet", ids_only=True)
    assert sorted(pq.read_table(tmp_path / "ids.parquet").column("id").to_pylist()) == sorted(
        timeline.overlapping("2024-10", "2024-10").ids
    )


def test_a_table_without_a_column_is_refused_naming_it(tmp_path: Path) -> None:
    table = to_arrow(chronology.load(SHOWCASE)).drop_columns(["possible_end_last"])
    pq.write_table(table, tmp_path / "short.parquet")
    with pytest.raises(DatasetError, match="possible_end_last"):
        chronology.load(tmp_path / "short.parquet")
    with pytest.raises(DatasetError, match="possible_end_last"):
        chronology.scan(tmp_path / "short.parquet")


def test_ids_given_twice_and_days_out_of_order_are_refused(tmp_path: Path) -> None:
    table = to_arrow(chronology.load(SHOWCASE))
    twice = pa.concat_tables([table, table.slice(0, 1)])
    pq.write_table(twice, tmp_path / "twice.parquet")
    with pytest.raises(DatasetError, match="given twice"):
        chronology.load(tmp_path / "twice.parquet")
    column = COLUMNS.index("start_first")
    late = table.set_column(column, "start_first", pa.array([10**6] * len(table), pa.int64()))
    pq.write_table(late, tmp_path / "late.parquet")
    with pytest.raises(DatasetError, match="start_last comes before start_first"):
        chronology.load(tmp_path / "late.parquet")


def test_parquet_is_read_by_itself(tmp_path: Path) -> None:
    chronology.load(SHOWCASE).to_parquet(tmp_path / "x.parquet")
    with pytest.raises(DatasetError, match="by itself"):
        chronology.load([tmp_path / "x.parquet", SHOWCASE])


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make a module impossible to import, as on a machine without the extra."""
    real = builtins.__import__

    def refuse(name: str) -> None:
        def fake(module: str, *args: Any, **kwargs: Any) -> Any:
            if module == name or module.startswith(f"{name}."):
                raise ImportError(f"No module named {name!r}")
            return real(module, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", fake)
        import importlib

        original = importlib.import_module

        def fake_import(module: str, package: str | None = None) -> Any:
            if module == name or module.startswith(f"{name}."):
                raise ImportError(f"No module named {name!r}")
            return original(module, package)

        monkeypatch.setattr(importlib, "import_module", fake_import)

    return refuse


def test_a_missing_extra_is_named_with_the_command_that_installs_it(tmp_path: Path, without: Any) -> None:
    timeline = chronology.load(SHOWCASE)
    without("pyarrow")
    with pytest.raises(MissingExtraError, match=r'pip install "chronology\[parquet\]"'):
        timeline.to_parquet(tmp_path / "x.parquet")
    assert issubclass(MissingExtraError, ImportError)


def test_the_command_line_exports_validates_and_queries_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    target = tmp_path / "events.parquet"
    assert main(["export", str(SHOWCASE), "-o", str(target)]) == 0
    assert "33 events as parquet" in capsys.readouterr().out
    assert main(["validate", str(target)]) == 0
    assert "ok: 33 events" in capsys.readouterr().out
    assert main(["query", str(target), "--from", "2024-10", "--to", "2024-10", "--count"]) == 0
    assert capsys.readouterr().out.strip() == str(chronology.load(SHOWCASE).count("2024-10", "2024-10"))
    assert main(["export", str(SHOWCASE), "--to", "parquet"]) != 0
    assert "-o events.parquet" in capsys.readouterr().err


def test_validate_lists_what_is_wrong_in_a_parquet_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from chronology.cli import main

    table = to_arrow(chronology.load(SHOWCASE)).drop_columns(["linked"])
    pq.write_table(table, tmp_path / "short.parquet")
    assert main(["validate", str(tmp_path / "short.parquet")]) != 0
    assert "column 'linked' is missing" in capsys.readouterr().err


def test_the_reference_documents_every_column_with_its_type() -> None:
    page = (Path(__file__).parent.parent / "docs" / "reference" / "columnar.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| ([\w ]+?) \|", page, flags=re.MULTILINE))
    assert list(rows) == list(COLUMNS)
    for field in chronology.exchange.arrow.schema():
        written = {"string": "string", "bool": "bool", "int64": "int64", "int8": "int8"}.get(
            str(field.type), "list of string"
        )
        assert rows[field.name] == written, field.name


def test_rows_made_from_bounds_answer_as_the_same_dates_parsed(tmp_path: Path) -> None:
    texts = ["2024-10-18", "[2024-10-12..2024-10-24]", "2024-10~", "2023?", "[2024-09-28..2024-10-02]"]
    values = [chronology.parse(text) for text in texts]
    assert all(isinstance(v, chronology.UncertainDate) for v in values)
    base = 719_163 * 86_400  # the model's seconds at 1970-01-01
    table = chronology.exchange.arrow.from_bounds(
        [f"r{k}" for k in range(len(texts))],
        texts,
        [v.lo - base for v in values],
        [v.hi - base for v in values],
        precision=[v.precision.value for v in values if isinstance(v, chronology.UncertainDate)],
        qualifier=[{"": "", "?": "?", "~": "~"}[text[-1]] if text[-1] in "?~" else "" for text in texts],
        extra={"fatalities": pa.array([0, 3, 1, 0, 2], pa.int64())},
    )
    assert table.column_names[-1] == "fatalities"
    pq.write_table(table, tmp_path / "rows.parquet")
    timeline = Timeline([Event(id=f"r{k}", title="", when=v) for k, v in enumerate(values)])
    loaded, dataset = chronology.load(tmp_path / "rows.parquet"), chronology.scan(tmp_path / "rows.parquet")
    assert [e.when for e in loaded] == values
    for start, end in [("2024-10-01", "2024-10-11"), ("2024-10-20", "2024-11-02"), ("2023-12-31", "2024-09-29")]:
        for mode in MODES:
            expected = sorted(timeline.overlapping(start, end, mode=mode).ids)
            assert sorted(loaded.overlapping(start, end, mode=mode).ids) == expected
            assert ids_of(dataset.overlapping(start, end, mode=mode)) == expected


ENGINE_QUERIES = [
    ["--from", "2024-10-14", "--to", "2024-10-20"],
    ["--from", "2024-10-14", "--to", "2024-10-20", "--certain"],
    ["--from", "2024-10", "--within"],
    ["--to", "2023-12", "--widening", "approximate=3"],
    ["--from", "roads-blown-up", "--to", "nis-statement"],
    ["--before", "nis-statement", "--certain"],
    ["--after", "@kim-far-east-visit", "--from", "2024-06"],
    ["--from", "2024", "--to", "2024", "--kind", "deployment"],
    # the engine keeps the rows citing a source (events rebuilt from rows cite nothing to filter on after)
    ["--from", "2024-01", "--to", "2024-12", "--kind", "statement", "--source", "aljazeera-2024-10"],
    ["--from", "2024-10", "--source", "aljazeera-2024-10", "--source", "bloomberg-2024-11-17"],
]


@pytest.mark.parametrize("options", ENGINE_QUERIES, ids=" ".join)
def test_query_on_duckdb_prints_what_the_timeline_in_memory_prints(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    target = tmp_path / "events.parquet"
    chronology.load(SHOWCASE).to_parquet(target)
    capsys.readouterr()
    for extra in ([], ["--count"]):
        assert main(["query", str(target), *options, *extra, "--engine", "memory"]) == 0
        expected = capsys.readouterr().out
        assert main(["query", str(target), *options, *extra, "--engine", "duckdb"]) == 0
        assert capsys.readouterr().out == expected
        assert expected.strip()


def test_query_on_an_engine_refuses_event_files_and_unknown_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    target = tmp_path / "events.parquet"
    chronology.load(SHOWCASE).to_parquet(target)
    assert main(["query", str(SHOWCASE), "--from", "2024-10", "--engine", "duckdb"]) != 0
    assert "engines read Parquet" in capsys.readouterr().err
    assert main(["query", str(target), "--from", "nope", "--engine", "duckdb"]) != 0
    refused = capsys.readouterr().err
    assert "--from: 'nope' (at character 1): 'nope' is not a date word this reader knows" in refused
    assert "nor is it an event id of" in refused
    assert main(["query", str(target), "--from", "2024-10", "--zone", "Asia/Seoul", "--engine", "duckdb"]) != 0
    assert "--engine memory" in capsys.readouterr().err


def crowded(seed: int = 3, size: int = 300) -> tuple[Timeline, list[str], list[str]]:
    """Events of every shape over a few years, and windows of a day to years: pairs meet in many blocks."""
    rng = random.Random(seed)
    first = date(2020, 1, 1)
    texts = []
    for _ in range(size):
        day = first + timedelta(days=rng.randrange(5 * 365))
        later = day + timedelta(days=rng.choice([1, 3, 30, 45, 200, 400, 3000]))
        texts.append(
            rng.choice(
                [
                    day.isoformat(),
                    day.isoformat()[:7] + rng.choice(["", "~", "?"]),
                    day.isoformat()[:4],
                    f"{day.isoformat()}/{later.isoformat()}",
                    f"{day.isoformat()[:7]}/{later.isoformat()[:7]}",
                    f"[{day.isoformat()}..{later.isoformat()}]",
                    f"{day.isoformat()}/..",
                    f"../{day.isoformat()}",
                ]
            )
        )
    starts, ends = [], []
    for length in [rng.choice([1, 2, 7, 20, 33, 45]) for _ in range(40)] + [400, 800, 1500]:
        start = first + timedelta(days=rng.randrange(5 * 365))
        starts.append(start.isoformat())
        ends.append((start + timedelta(days=length - 1)).isoformat())
    return timeline_of(texts), starts, ends


def pairs_agree(timeline: Timeline, dataset: chronology.Dataset, starts: list[str], ends: list[str]) -> None:
    """Every window's ids from one query of many windows are the timeline's, each once; counts alike."""
    for mode in MODES:
        for within in (False, True):
            ask = "within" if within else "overlapping"
            expected = sorted(
                (window, event_id)
                for window, (start, end) in enumerate(zip(starts, ends, strict=True))
                for event_id in getattr(timeline, ask)(start, end, mode=mode).ids
            )
            pairs = dataset.overlapping_many(starts, ends, mode=mode, within=within).to_pylist()
            assert sorted((row["window"], row["id"]) for row in pairs) == expected, (mode, ask)
            counted = dataset.count_many(starts, ends, mode=mode, within=within).tolist()
            assert counted == timeline.count_many(starts, ends, mode=mode, within=within).tolist(), (mode, ask)


def test_many_windows_pair_every_event_once_across_blocks(tmp_path: Path) -> None:
    timeline, starts, ends = crowded()
    timeline.to_parquet(tmp_path / "crowded.parquet")
    pairs_agree(timeline, chronology.scan(tmp_path / "crowded.parquet"), starts, ends)


@pytest.mark.parametrize("read", ["built", "loaded from parquet"])
def test_a_timeline_writes_the_pairs_of_many_windows_as_an_engine_does(tmp_path: Path, read: str) -> None:
    timeline, starts, ends = crowded()
    timeline.to_parquet(tmp_path / "crowded.parquet")
    if read != "built":
        timeline = chronology.load(tmp_path / "crowded.parquet")

    def pairs(path: Path) -> list[tuple[int, str]]:
        return sorted((row["window"], row["id"]) for row in pq.read_table(path).to_pylist())

    for asked in (timeline, timeline.overlapping("2021-01-01", "2022-06-30")):
        for mode in MODES:
            asked.write_overlapping_many(tmp_path / "pairs.parquet", starts, ends, mode=mode)
            expected = sorted(
                (window, event_id)
                for window, (start, end) in enumerate(zip(starts, ends, strict=True))
                for event_id in asked.overlapping(start, end, mode=mode).ids
            )
            assert expected
            assert pairs(tmp_path / "pairs.parquet") == expected
    engine = chronology.scan(tmp_path / "crowded.parquet")
    engine.write_overlapping_many(tmp_path / "engine.parquet", starts, ends, within=True)
    timeline.write_overlapping_many(tmp_path / "memory.parquet", starts, ends, within=True)
    assert pairs(tmp_path / "memory.parquet") == pairs(tmp_path / "engine.parquet")


def test_pairs_written_by_the_engine_are_those_it_returns(tmp_path: Path) -> None:
    chronology.load(SHOWCASE).to_parquet(tmp_path / "showcase.parquet")
    dataset = chronology.scan(tmp_path / "showcase.parquet")
    starts, ends = ["2024-09", "2024-10-14", "1950"], ["2024-09", "2024-10-20", "1960"]
    dataset.write_overlapping_many(tmp_path / "pairs.parquet", starts, ends, mode="certain")
    written = pq.read_table(tmp_path / "pairs.parquet").to_pylist()
    returned = dataset.overlapping_many(starts, ends, mode="certain").to_pylist()
    assert sorted((row["window"], row["id"]) for row in written) == sorted((r["window"], r["id"]) for r in returned)
    assert written


def test_a_chronology_in_parquet_is_loaded_and_a_data_set_scanned_unless_told(tmp_path: Path) -> None:
    from chronology.scan._command import engine_for

    chronology.load(SHOWCASE).to_parquet(tmp_path / "chronology.parquet")
    table = to_arrow(chronology.load(SHOWCASE))
    pq.write_table(
        table.set_column(COLUMNS.index("record"), "record", pa.nulls(len(table), pa.string())), tmp_path / "set.parquet"
    )
    assert engine_for([str(tmp_path / "chronology.parquet")], None) is None  # links, sources, quotes: in memory
    assert engine_for([str(tmp_path / "set.parquet")], None) == "duckdb"
    assert engine_for([str(tmp_path / "chronology.parquet")], "duckdb") == "duckdb"
    assert engine_for([str(tmp_path / "set.parquet")], "memory") is None


def test_filter_names_are_looked_up_in_the_whole_data_set_on_an_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    target = tmp_path / "events.parquet"
    chronology.load(SHOWCASE).to_parquet(target)
    capsys.readouterr()
    assert main(["query", str(target), "--from", "1950", "--to", "1950", "--tag", "troops", "--engine", "duckdb"]) == 0
    assert main(["query", str(target), "--from", "1950", "--to", "1950", "--tag", "troopz", "--engine", "duckdb"]) != 0
    assert "--tag 'troopz': no event of" in capsys.readouterr().err


def test_files_an_engine_cannot_read_and_wrong_connections_are_one_line_errors(tmp_path: Path) -> None:
    import ibis

    (tmp_path / "fake.parquet").write_text("a,b\n")
    with pytest.raises(DatasetError, match="not a Parquet file"):
        chronology.scan(tmp_path / "fake.parquet")
    chronology.load(SHOWCASE).to_parquet(tmp_path / "events.parquet")
    with pytest.raises(chronology.WrongTypeError, match="not an Ibis duckdb backend"):
        chronology.scan(tmp_path / "events.parquet", connection="duckdb://")
    with pytest.raises(chronology.WrongTypeError, match="not an Ibis pyspark backend"):
        chronology.scan(tmp_path / "events.parquet", engine="spark", connection=ibis.duckdb.connect())


def test_counting_within_means_what_within_means() -> None:
    timeline = chronology.load(SHOWCASE)
    for start, end in [("2024-11-17", "2024-11-17"), ("2024-10", "2024-11")]:
        assert timeline.count(start, end, within=True) == len(timeline.within(start, end))
        assert timeline.count_many([start], [end], within=True).tolist() == [len(timeline.within(start, end))]
        assert timeline.count(start, end) == len(timeline.overlapping(start, end))


def test_a_table_an_engine_wrote_without_metadata_is_read_from_its_columns(tmp_path: Path) -> None:
    chronology.load(SHOWCASE).to_parquet(tmp_path / "events.parquet")
    chronology.scan(tmp_path / "events.parquet").overlapping("2024-10", "2024-10").to_parquet(tmp_path / "oct.parquet")
    october = chronology.load(tmp_path / "oct.parquet")
    assert sorted(october.ids) == sorted(chronology.load(SHOWCASE).overlapping("2024-10", "2024-10").ids)
    assert not chronology.validate(tmp_path / "oct.parquet")


def test_validate_reads_every_date_and_checks_it_against_the_day_columns(tmp_path: Path) -> None:
    table = to_arrow(chronology.load(SHOWCASE))
    texts = table.column("edtf").to_pylist()
    unreadable, moved = table.column("id")[3].as_py(), table.column("id")[4].as_py()
    texts[3], texts[4] = "not a date", "2024-10-19"
    pq.write_table(table.set_column(COLUMNS.index("edtf"), "edtf", pa.array(texts)), tmp_path / "bad.parquet")
    problems = chronology.validate(tmp_path / "bad.parquet")
    assert [(p.event, p.field) for p in problems] == [(unreadable, "edtf"), (moved, "edtf")]
    assert "is not a date" in problems[0].message
    assert "does not fall on the day columns' days" in problems[1].message
    bare = pq.read_table(tmp_path / "bad.parquet")  # a data set's: its events are made from the columns
    bare = bare.set_column(COLUMNS.index("record"), "record", pa.nulls(len(bare), pa.string()))
    pq.write_table(bare, tmp_path / "bare.parquet")
    with pytest.raises(DatasetError, match=f"event '{unreadable}', column 'edtf'"):
        chronology.load(tmp_path / "bare.parquet")[unreadable]
