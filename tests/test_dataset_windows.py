"""A scanned data set takes windows as a timeline does: arrays of dates, NaT and None for open sides, the same errors.

Each answer is checked against the timeline in memory holding the same
events (written to the Parquet file the engine scans), on DuckDB, and on
Spark where it runs (``CHRONOLOGY_REQUIRE_SPARK=1`` makes that required).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pyarrow.parquet as pq
import pytest
from test_columnar import crowded

import chronology
from chronology import Timeline
from chronology.errors import InvalidDateError, WrongTypeError

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")

MODES: tuple[Literal["possible", "certain"], ...] = ("possible", "certain")
Scanned = tuple[Timeline, chronology.Dataset]


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> tuple[Timeline, Path]:
    timeline, _, _ = crowded(size=200)
    path = tmp_path_factory.mktemp("windows") / "crowded.parquet"
    timeline.to_parquet(path)
    return timeline, path


@pytest.fixture(params=["duckdb", "spark"])
def scanned(request: pytest.FixtureRequest, crowd: tuple[Timeline, Path]) -> Scanned:
    timeline, path = crowd
    if request.param == "duckdb":
        return timeline, chronology.scan(path)
    import ibis

    session = request.getfixturevalue("spark")  # (skipped where Spark cannot run)
    return timeline, chronology.scan(path, engine="spark", connection=ibis.pyspark.connect(session))


MONTHS = np.arange("2020-01", "2025-01", 7, dtype="datetime64[M]")


def window_arrays() -> list[tuple[str, Any, Any]]:
    """The same windows (whole months) in each form a timeline takes them."""
    days_first, days_last = MONTHS.astype("datetime64[D]"), (MONTHS + 1).astype("datetime64[D]") - 1
    return [
        ("datetime64[M]", MONTHS, MONTHS),
        ("datetime64[D]", days_first, days_last),
        ("datetime64[s]", days_first.astype("datetime64[s]"), days_last.astype("datetime64[s]")),
        ("text array", MONTHS.astype(str), MONTHS.astype(str)),
        ("list of text", MONTHS.astype(str).tolist(), MONTHS.astype(str).tolist()),
    ]


@pytest.mark.parametrize(("form", "starts", "ends"), window_arrays(), ids=[w[0] for w in window_arrays()])
def test_windows_as_arrays_are_counted_as_the_timeline_counts_them(
    scanned: Scanned, form: str, starts: Any, ends: Any
) -> None:
    timeline, dataset = scanned
    for mode in MODES:
        for within in (False, True):
            expected = timeline.count_many(starts, ends, mode=mode, within=within).tolist()
            one_by_one = [
                timeline.count(str(a), str(b), mode=mode, within=within)
                for a, b in zip(MONTHS.astype(str), MONTHS.astype(str), strict=True)
            ]
            assert expected == one_by_one  # the timeline reads every form as the months they are
            assert sum(expected) > 0
            assert dataset.count_many(starts, ends, mode=mode, within=within).tolist() == expected, (mode, within)
            pairs = dataset.overlapping_many(starts, ends, mode=mode, within=within)
            counted = np.bincount(np.asarray(pairs.column("window"), dtype=np.int64), minlength=len(expected))
            assert counted.tolist() == expected, (mode, within)


def test_pairs_written_from_arrays_are_the_timelines(scanned: Scanned, tmp_path: Path) -> None:
    timeline, dataset = scanned
    ends = (MONTHS + 1).astype("datetime64[D]") - 1
    dataset.write_overlapping_many(tmp_path / "engine.parquet", MONTHS, ends, mode="certain")
    timeline.write_overlapping_many(tmp_path / "memory.parquet", MONTHS, ends, mode="certain")

    def rows(path: Path) -> list[tuple[int, str]]:
        table = pq.read_table(path)
        return sorted(zip(table.column("window").to_pylist(), table.column("id").to_pylist(), strict=True))

    assert rows(tmp_path / "engine.parquet") == rows(tmp_path / "memory.parquet") != []


def test_nat_and_none_leave_a_side_of_a_window_open(scanned: Scanned) -> None:
    timeline, dataset = scanned
    starts = np.array(["2022-03-10", "NaT", "NaT"], dtype="datetime64[D]")
    ends = np.array(["NaT", "2021-06-01", "NaT"], dtype="datetime64[D]")
    listed_starts, listed_ends = ["2022-03-10", None, None], [None, "2021-06-01", None]
    for mode in MODES:
        for within in (False, True):
            expected = [
                timeline.count(a, b, mode=mode, within=within) for a, b in zip(listed_starts, listed_ends, strict=True)
            ]
            assert timeline.count_many(starts, ends, mode=mode, within=within).tolist() == expected
            assert dataset.count_many(starts, ends, mode=mode, within=within).tolist() == expected
            assert dataset.count_many(listed_starts, listed_ends, mode=mode, within=within).tolist() == expected
            assert 0 < expected[0] < expected[2] == len(timeline)  # open to the end: neither nothing nor all


def test_none_is_an_open_end_of_one_window_as_on_a_timeline(scanned: Scanned) -> None:
    timeline, dataset = scanned
    for start, end in [("2022-03", None), (None, "2021-06"), (None, None)]:
        for mode in MODES:
            for ask in ("overlapping", "within"):
                expected = sorted(getattr(timeline, ask)(start, end, mode=mode).ids.tolist())
                found = getattr(dataset, ask)(start, end, mode=mode).ids().column("id").to_pylist()
                assert sorted(found) == expected, (ask, mode, start, end)
                within = ask == "within"
                assert dataset.count(start, end, mode=mode, within=within) == len(expected)
    later = dataset.count("2022-03", None)
    assert 0 < later < len(timeline)
    assert later == dataset.count("2022-03", "9999")  # (every event starts long before 9999)
    assert dataset.count(None, "2021-06") == dataset.count("0001", "2021-06") < len(timeline)


def test_on_refuses_none_as_a_timeline_does(crowd: tuple[Timeline, Path]) -> None:
    timeline, path = crowd
    dataset = chronology.scan(path)
    for on in (timeline.on, dataset.on):
        with pytest.raises(WrongTypeError, match=r"not None; for a window open on one side, use overlapping"):
            on(None)  # type: ignore[arg-type]


REVERSED: list[tuple[str, Any, Any]] = [
    ("list of text", ["2024-10", "2024-11"], ["2024-10", "2024-09"]),
    ("text array", np.array(["2024-10", "2024-11"]), np.array(["2024-10", "2024-09"])),
    (
        "datetime64",
        np.array(["2024-10", "2024-11"], "datetime64[M]"),
        np.array(["2024-10", "2024-09"], "datetime64[M]"),
    ),
]


@pytest.mark.parametrize(("form", "starts", "ends"), REVERSED, ids=[w[0] for w in REVERSED])
@pytest.mark.parametrize("ask", ["count_many", "overlapping_many"])
def test_a_window_that_ends_before_it_starts_is_named(
    crowd: tuple[Timeline, Path], form: str, starts: Any, ends: Any, ask: str
) -> None:
    dataset = chronology.scan(crowd[1])
    with pytest.raises(InvalidDateError, match=r"^window 1 ends \((September 2024|2024-09)\) before it starts"):
        getattr(dataset, ask)(starts, ends)


def test_windows_of_the_wrong_length_or_type_are_refused_naming_them(crowd: tuple[Timeline, Path]) -> None:
    dataset = chronology.scan(crowd[1])
    ask: Callable[..., object] = dataset.count_many
    with pytest.raises(WrongTypeError, match=r"2 starts but 1 ends: give one end per start"):
        ask(["2024-10", "2024-11"], ["2024-10"])
    with pytest.raises(WrongTypeError, match=r"window 1's end is a date value .*not int; None leaves that side open"):
        ask(["2024-10", "2024-11"], ["2024-10", 2024])
    with pytest.raises(WrongTypeError, match=r"^starts, window 1: '2024-13' is not an ISO date \(month 13"):
        ask(np.array(["2024-10", "2024-13"]), np.array(["2024-10", "2024-12"]))
    with pytest.raises(WrongTypeError, match=r"the window's start is a date value .*not int; None leaves that side"):
        dataset.count(2024, None)  # type: ignore[arg-type]
    assert dataset.count_many(np.array([], "datetime64[D]"), np.array([], "datetime64[D]")).tolist() == []
