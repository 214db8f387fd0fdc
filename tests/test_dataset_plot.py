"""Density bands of a data set, counted on the engine: the numbers and the picture of the same events in memory.

A Hypothesis property draws random timelines (the dates of the engines'
property, ``test_columnar.values``, with kinds, tags, actors and sources) and
windows, and checks that DuckDB's (and Spark's) per-lane densities, lanes and
bars are the ones ``plot_timeline`` draws for the same events in memory. The
pictures are compared byte for byte, and with the reviewed dense baseline.
"""

from __future__ import annotations

import io
import runpy
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from test_columnar import timeline_of, values, windows

import chronology
from chronology import Citation, Event, Source, Timeline
from chronology.cli import main
from chronology.exchange.arrow import from_bounds
from chronology.plot import plot_dataset, plot_timeline
from chronology.plot.timeline import _EARLIEST, _LATEST, GroupBy, _lanes, _view_days, lane_densities
from chronology.scan.dataset import Dataset
from chronology.scan.density import Bins, DensityBands, density_bands, lanes_of, spread

ROOT = Path(__file__).resolve().parent.parent
GROUPS: tuple[GroupBy, ...] = ("kind", "tag", "actor", "source", None)
SOURCES = ("s1", "s2")

# PySpark's answers come back over local sockets it leaves to the garbage collector (its own doing, not ours).
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


@st.composite
def grouped_timelines(draw: st.DrawFn) -> Timeline:
    """Random dates (those the engines' property draws) with kinds, tags, actors and sources from a few names."""
    dated = timeline_of(draw(st.lists(values(), min_size=1, max_size=12)))
    names = st.lists(st.sampled_from(["a", "b", "c"]), max_size=2).map(tuple)
    events = [
        Event(
            id=event.id,
            title=event.title,
            when=event.when,
            kind=draw(st.sampled_from(["", "strike", "talks"])),
            tags=draw(names),
            actors=draw(names),
            citations=[Citation(source=s) for s in draw(st.lists(st.sampled_from(SOURCES), max_size=2, unique=True))],
        )
        for event in dated
    ]
    return Timeline(events, [Source(id=s) for s in SOURCES])


def in_memory(timeline: Timeline, start: str | None, end: str | None, group_by: GroupBy) -> DensityBands:
    """The numbers plot_timeline's density bands show, worked out as plot_timeline works them out."""
    view = timeline
    if start is not None or end is not None:
        view = timeline.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)
    events = view.sorted()
    first, last = _view_days(events, start, end, timeline.zone_info)
    lanes = _lanes(events, group_by, None)
    bins, density = lane_densities(lanes, first, last, timeline.zone_info)
    every = lanes if view is timeline else _lanes(timeline.sorted(), group_by, None)
    counts = {name: len(members) for name, members in lanes.items()}
    return DensityBands(bins=bins, lanes=tuple(lanes), every_lane=tuple(every), density=density, counts=counts)


def assert_same_numbers(found: DensityBands, expected: DensityBands) -> None:
    assert found.bins == expected.bins
    assert found.lanes == expected.lanes
    assert found.every_lane == expected.every_lane
    assert dict(found.counts) == dict(expected.counts)
    for name in expected.lanes:
        np.testing.assert_allclose(found.density[name], expected.density[name], rtol=1e-9, atol=1e-12)


window_sides = st.tuples(st.booleans(), st.booleans())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grouped_timelines(), windows, window_sides, st.sampled_from(GROUPS))
def test_the_engine_counts_the_densities_the_bands_in_memory_show(
    tmp_path_factory: pytest.TempPathFactory,
    timeline: Timeline,
    window: tuple[str, str],
    sides: tuple[bool, bool],
    group_by: GroupBy,
) -> None:
    start, end = (window[0] if sides[0] else None), (window[1] if sides[1] else None)
    path = tmp_path_factory.mktemp("bands") / "drawn.parquet"
    timeline.to_parquet(path)
    expected = in_memory(timeline, start, end, group_by)
    assert_same_numbers(density_bands(chronology.scan(path), start=start, end=end, group_by=group_by), expected)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grouped_timelines(), windows, st.sampled_from(GROUPS))
def test_spark_counts_the_same_densities(
    tmp_path_factory: pytest.TempPathFactory, spark: Any, timeline: Timeline, window: tuple[str, str], group_by: GroupBy
) -> None:
    import ibis

    path = tmp_path_factory.mktemp("spark-bands") / "drawn.parquet"
    timeline.to_parquet(path)
    dataset = chronology.scan(path, engine="spark", connection=ibis.pyspark.connect(spark))
    for start, end in ((None, None), window):
        expected = in_memory(timeline, start, end, group_by)
        assert_same_numbers(density_bands(dataset, start=start, end=end, group_by=group_by), expected)


def test_each_event_spreads_one_unit_over_its_days_held_in_the_window() -> None:
    bins = Bins.of(100, 109)  # ten days, a bar a day
    change = spread([98, 104, 100], [101, 104, 200], bins)
    per_day = bins.binned(change)
    # 98-101 holds days 100-101 (a half each); 104 one day; 100-200 days 100-109 (a tenth each)
    assert per_day.tolist() == pytest.approx([0.6, 0.6, 0.1, 0.1, 1.1, 0.1, 0.1, 0.1, 0.1, 0.1])
    assert per_day.sum() == pytest.approx(3.0)
    assert Bins.of(0, 3649) == Bins(0, 3649, 12, 305)  # about 300 bars: 12 days each, the last reaching past


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> tuple[Timeline, Path]:
    events = runpy.run_path(str(ROOT / "examples" / "dense.py"), run_name="not main")["events"]
    timeline = Timeline(events, title="3,000 synthetic events")
    path = tmp_path_factory.mktemp("dense") / "dense.parquet"
    timeline.to_parquet(path)
    return timeline, path


@pytest.mark.parametrize(
    "window",
    [{}, {"start": "2020-01", "end": "2022-06"}, {"start": "2023", "group_by": None}, {"lane_order": ["strike"]}],
    ids=["everything", "a window", "from 2023 in one lane", "strike first"],
)
def test_the_engine_draws_the_picture_the_timeline_in_memory_draws(
    dense: tuple[Timeline, Path], window: dict[str, Any]
) -> None:
    timeline, path = dense
    drawn = plot_dataset(chronology.scan(path), **window)
    expected = plot_timeline(timeline, **window)
    assert drawn.lanes == expected.lanes
    assert len(drawn.density) == len(drawn.lanes)
    labels = [tick.get_text() for tick in drawn.ax.get_yticklabels()]
    assert labels == [tick.get_text() for tick in expected.ax.get_yticklabels()]
    for band, same in zip(drawn.density, expected.density, strict=True):
        outline = np.asarray(band.get_paths()[0].vertices, dtype=float)
        np.testing.assert_allclose(outline, np.asarray(same.get_paths()[0].vertices, dtype=float))
        assert np.asarray(band.get_facecolor()).tolist() == np.asarray(same.get_facecolor()).tolist()
    assert drawn.ax.get_xlim() == expected.ax.get_xlim()
    assert png(drawn.figure) == png(expected.figure)


def test_the_engine_picture_matches_the_reviewed_dense_baseline(dense: tuple[Timeline, Path], image_regression) -> None:  # type: ignore[no-untyped-def]
    _, path = dense
    drawn = plot_dataset(chronology.scan(path))
    assert drawn.title is not None
    assert drawn.title.get_text() == "3,000 synthetic events"  # the file's title
    image_regression.check(
        png(drawn.figure), diff_threshold=2.0, fullpath=ROOT / "tests" / "test_plot" / "plot_dense.png"
    )


def test_it_draws_on_a_given_axes_and_leaves_global_settings_alone(dense: tuple[Timeline, Path]) -> None:
    _, path = dense
    before = dict(matplotlib.rcParams)
    figure = Figure(figsize=(10, 8))
    ax = figure.add_subplot(2, 1, 1)
    figure.subplots_adjust(left=0.2, bottom=0.3)
    drawn = plot_dataset(chronology.scan(path), ax=ax, start="2021", end="2021-12-31")
    assert drawn.ax is ax
    assert drawn.figure is figure
    assert drawn.numbers.events == chronology.scan(path).count("2021", "2021-12-31")
    assert dict(matplotlib.rcParams) == before


def test_lanes_come_in_the_order_of_their_earliest_event(dense: tuple[Timeline, Path]) -> None:
    timeline, path = dense
    lanes = lanes_of(chronology.scan(path))
    assert [lane.name for lane in lanes] == list(_lanes(timeline.sorted(), "kind", None))
    assert sum(lane.events for lane in lanes) == len(timeline)
    first = timeline.sorted()[0]
    assert lanes[0].earliest == first.id


# -- a large data set on the command line -------------------------------------------------------------------------

SIZE = 50_000
DAY = 86_400


def write_large(path: Path, size: int = SIZE, seed: int = 3) -> None:
    """Events over 2015-2024 in four kinds: 80% known to the day, 15% to the month, 5% to the year."""
    rng = np.random.default_rng(seed)
    day = np.datetime64("2015-01-01") + rng.integers(0, 3650, size)
    shape = rng.choice(3, size, p=[0.80, 0.15, 0.05])
    months, years = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
    first = np.select([shape == 0, shape == 1], [day, months.astype("datetime64[D]")], years.astype("datetime64[D]"))
    after = np.select(
        [shape == 0, shape == 1], [day + 1, (months + 1).astype("datetime64[D]")], (years + 1).astype("datetime64[D]")
    )
    texts = np.select(
        [shape == 0, shape == 1],
        [np.datetime_as_string(day), np.datetime_as_string(months)],
        np.datetime_as_string(years),
    )
    kinds = np.array(["strike", "statement", "deployment", "diplomacy"])[rng.integers(0, 4, size)]
    table = from_bounds(
        np.char.add("e", np.arange(size).astype(str)),
        texts,
        first.astype(np.int64) * DAY,
        after.astype(np.int64) * DAY - 1,
        precision=np.array(["day", "month", "year"])[shape],
        kinds=kinds,
    )
    pq.write_table(table, path)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.parquet"
    write_large(path)
    return path


def test_a_large_parquet_file_is_drawn_from_the_engine_as_memory_draws_it(
    large: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = tmp_path / "memory.png"
    assert main(["plot", str(large), "-o", str(in_memory), "--engine", "memory"]) == 0
    assert "50,000 events in 4 lanes" in capsys.readouterr().out

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the events were pulled into Python")

    monkeypatch.setattr(Dataset, "to_arrow", refuse)
    monkeypatch.setattr(Timeline, "of_columns", refuse)
    on_engine = tmp_path / "engine.png"
    assert main(["plot", str(large), "-o", str(on_engine)]) == 0
    assert capsys.readouterr().out == f"wrote {on_engine} (50,000 events in 4 lanes, as density bands)\n"
    assert on_engine.read_bytes() == in_memory.read_bytes()


def test_a_window_of_few_events_is_loaded_and_drawn_as_marks(
    large: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = ["--from", "2019-03-01", "--to", "2019-03-02", "--kind", "strike"]
    for name, engine in (("engine", []), ("memory", ["--engine", "memory"])):
        assert main(["plot", str(large), "-o", str(tmp_path / f"{name}.png"), *window, *engine]) == 0
        said = capsys.readouterr().out
        assert "density bands" not in said
        assert " in 1 lane)" in said
    assert (tmp_path / "engine.png").read_bytes() == (tmp_path / "memory.png").read_bytes()


def test_a_window_of_many_events_is_counted_on_the_engine_in_the_lanes_asked(
    large: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--from", "2019", "--to", "2020-06", "--group-by", "kind", "--lanes", "diplomacy,strike"]
    for name, engine in (("engine", []), ("memory", ["--engine", "memory"])):
        assert main(["plot", str(large), "-o", str(tmp_path / f"{name}.png"), *options, *engine]) == 0
        assert "in 4 lanes" in capsys.readouterr().out
    assert (tmp_path / "engine.png").read_bytes() == (tmp_path / "memory.png").read_bytes()


def test_spark_draws_the_same_picture(
    spark: Any, large: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--from", "2016-06", "--to", "2018"]
    assert main(["plot", str(large), "-o", str(tmp_path / "duckdb.png"), *options]) == 0
    assert main(["plot", str(large), "-o", str(tmp_path / "spark.png"), *options, "--engine", "spark"]) == 0
    assert "as density bands" in capsys.readouterr().out
    assert (tmp_path / "spark.png").read_bytes() == (tmp_path / "duckdb.png").read_bytes()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--from", "1990", "--to", "1991"], "large.parquet's events span 1 January 2015 to 31 December 2024"),
        (["--kind", "strik"], "--kind 'strik': no event of"),
        (["--lanes", "strik"], "--lanes 'strik': no such lane when grouping by kind; did you mean 'strike'?"),
        (["--zone", "Asia/Seoul"], "--zone: on an engine a Parquet file's days are in its own zone"),
        (["--claims", "dead", "--engine", "duckdb"], "--engine duckdb: a claims chart (--claims) is drawn from"),
    ],
    ids=["empty window", "unknown kind", "unknown lane", "zone", "claims"],
)
def test_what_cannot_be_drawn_on_an_engine_is_refused_saying_why(
    large: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    assert main(["plot", str(large), "-o", str(tmp_path / "x.png"), *options]) != 0
    assert said in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_rows_without_lists_or_kinds_fall_in_the_missing_lanes(tmp_path: Path) -> None:
    table = from_bounds(["a", "b"], ["2024-10-18", "2024-10-19"], [1729209600, 1729296000], [1729295999, 1729382399])
    table = table.set_column(table.schema.get_field_index("tags"), "tags", pa.nulls(2, pa.list_(pa.string())))
    pq.write_table(table, tmp_path / "bare.parquet")
    dataset = chronology.scan(tmp_path / "bare.parquet")
    assert [lane.name for lane in lanes_of(dataset, "kind")] == ["no kind"]
    assert [lane.name for lane in lanes_of(dataset, "tag")] == ["no tag"]
    assert density_bands(dataset, group_by="source").counts == {"no source": 2}
