"""Times on an engine: a data set compares events that give times by the second, as the timeline in memory does.

The day rule: a date is compared by its days; when both the event and the date
asked give times, by the second, a time with an offset moved to UTC and a time
without one (floating) taken as written. Every case asks the timeline in memory
and DuckDB scanning its Parquet file, and checks both against the answer
worked out by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest

import chronology
from chronology import DatasetError, Event, InvalidDateError, Timeline, Widening

#: Events of 10 April 2024, in UTC: floating 17:47; 17:00; 16:30 (the 11th in Seoul); 01:30 on the 11th
#: (the 10th at its offset); the day; 08:00 to 18:00; about 17:50; from 17:00 on.
TEXTS = {
    "floating": "2024-04-10T17:47",
    "offset": "2024-04-10T12:00-05:00",
    "east": "2024-04-11T01:30+09:00",
    "late": "2024-04-10T23:30-02:00",
    "day": "2024-04-10",
    "span": "2024-04-10T08:00Z/2024-04-10T18:00Z",
    "approx": "2024-04-10T17:50~",
    "open": "2024-04-10T17:00Z/..",
}
Mode = Literal["possible", "certain"]


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline([Event(id=key, title=key, when=chronology.parse(text)) for key, text in TEXTS.items()])


@pytest.fixture(scope="module")
def dataset(timeline: Timeline, tmp_path_factory: pytest.TempPathFactory) -> chronology.Dataset:
    path = tmp_path_factory.mktemp("times") / "times.parquet"
    timeline.to_parquet(path)
    return chronology.scan(path)


def ids_of(dataset: chronology.Dataset) -> list[str]:
    return sorted(dataset.ids().column("id").to_pylist())


ORDERS = [
    # the failing example's shape: 17:47 at -05:00 is 22:47 UTC, after every time that day but "late" (01:30 UTC)
    ("before", "2024-04-10T17:47-05:00", "possible", ["approx", "east", "floating", "offset", "span"]),
    ("before", "2024-04-10T17:47-05:00", "certain", ["approx", "east", "floating", "offset", "span"]),
    ("after", "2024-04-10T17:47-05:00", "certain", ["late"]),
    # the same minute as the floating event: possibly before or after it, never certainly
    ("before", "2024-04-10T17:47Z", "possible", ["east", "floating", "offset"]),
    ("before", "2024-04-10T17:47Z", "certain", ["east", "offset"]),
    ("after", "2024-04-10T17:47Z", "possible", ["approx", "floating", "late"]),
    ("after", "2024-04-10T17:47Z", "certain", ["approx", "late"]),
    # a floating time asked: taken as written, as UTC
    ("before", "2024-04-10T17:48", "certain", ["east", "floating", "offset"]),
    ("after", "2024-04-10T17:48", "possible", ["approx", "late"]),
    # the same moment at another offset
    ("before", "2024-04-10T12:47-05:00", "certain", ["east", "offset"]),
    ("after", "2024-04-10T12:47-05:00", "certain", ["approx", "late"]),
    # 17:00 UTC: the start of "open" and the moment of "offset" (possibly after it, as the same minute)
    ("before", "2024-04-10T17:00Z", "certain", ["east"]),
    ("after", "2024-04-10T17:00Z", "possible", ["approx", "floating", "late", "offset", "open"]),
    ("after", "2024-04-10T17:00Z", "certain", ["approx", "floating", "late"]),
    # midnight UTC, written at -03:00 on the 10th: "late" is after it, "day" (a date) before it
    ("before", "2024-04-10T21:00-03:00", "certain", ["approx", "day", "east", "floating", "offset", "span"]),
    ("after", "2024-04-10T21:00-03:00", "certain", ["late"]),
    ("before", "2024-04-11T01:00Z", "certain", ["approx", "day", "east", "floating", "offset", "span"]),
    ("after", "2024-04-11T01:00Z", "possible", ["late"]),
]


@pytest.mark.parametrize(("order", "when", "mode", "expected"), ORDERS, ids=[f"{o}-{w}-{m}" for o, w, m, _ in ORDERS])
def test_before_and_after_a_time_compare_times_by_the_second_on_the_engine_as_in_memory(
    timeline: Timeline, dataset: chronology.Dataset, order: str, when: str, mode: Mode, expected: list[str]
) -> None:
    assert sorted(getattr(timeline, order)(when, mode=mode).ids.tolist()) == expected
    assert ids_of(getattr(dataset, order)(when, mode=mode)) == expected


@pytest.mark.parametrize(
    ("widening", "expected"),
    [(None, ["east", "floating", "offset"]), (Widening(approximate=5), ["approx", "east", "floating", "offset"])],
    ids=["default", "five minutes"],
)
def test_a_possible_answer_widens_an_approximate_time_by_the_second(
    timeline: Timeline, dataset: chronology.Dataset, widening: Widening | None, expected: list[str]
) -> None:
    """About 17:50, widened by five minutes, may be 17:45: possibly before 17:47."""
    when = "2024-04-10T17:47Z"
    assert sorted(timeline.before(when, mode="possible", widening=widening).ids.tolist()) == expected
    assert ids_of(dataset.before(when, mode="possible", widening=widening)) == expected


WINDOWS = [
    ("within", "2024-04-10T17:00Z", "2024-04-10T17:47", "certain", ["day", "floating", "offset"]),
    ("overlapping", "2024-04-10T17:00Z", "2024-04-10T17:47", "possible", ["day", "floating", "offset", "open", "span"]),
    (
        "within",
        "2024-04-10T16:30Z",
        "2024-04-11T01:30Z",
        "possible",
        ["approx", "day", "east", "floating", "late", "offset"],
    ),
    ("within", "2024-04-10T17:47", None, "certain", ["approx", "day", "floating", "late"]),
    ("within", None, "2024-04-10T17:00Z", "possible", ["day", "east", "offset"]),
    ("overlapping", "2024-04-10T18:01Z", "2024-04-10T23:59Z", "certain", ["day", "open"]),
]


@pytest.mark.parametrize(
    ("ask", "start", "end", "mode", "expected"), WINDOWS, ids=[f"{a}-{s}-{e}-{m}" for a, s, e, m, _ in WINDOWS]
)
def test_a_window_in_times_compares_times_by_the_second_on_the_engine_as_in_memory(
    timeline: Timeline,
    dataset: chronology.Dataset,
    ask: str,
    start: str | None,
    end: str | None,
    mode: Mode,
    expected: list[str],
) -> None:
    assert sorted(getattr(timeline, ask)(start, end, mode=mode).ids.tolist()) == expected
    assert ids_of(getattr(dataset, ask)(start, end, mode=mode)) == expected
    assert dataset.count(start, end, within=ask == "within", mode=mode) == len(expected)


def test_a_window_that_ends_a_minute_before_it_starts_is_refused_as_in_memory(
    timeline: Timeline, dataset: chronology.Dataset
) -> None:
    for asked in (timeline, dataset):
        with pytest.raises(InvalidDateError, match=r"ends \(10 April 2024, 17:00\) before it starts"):
            asked.overlapping("2024-04-10T18:00", "2024-04-10T17:00")


def test_a_file_in_a_zone_refuses_to_compare_times_but_answers_in_days(tmp_path: Path) -> None:
    """Its seconds are on the zone's clock, and two times compare in UTC: an error, not another answer."""
    zoned = Timeline([Event(id=k, title=k, when=chronology.parse(t)) for k, t in TEXTS.items()], zone="Asia/Seoul")
    zoned.to_parquet(tmp_path / "seoul.parquet")
    dataset = chronology.scan(tmp_path / "seoul.parquet")
    with pytest.raises(DatasetError, match=r"2024-04-10T17:47Z.*Asia/Seoul"):
        dataset.before("2024-04-10T17:47Z", mode="possible")
    with pytest.raises(DatasetError, match="Asia/Seoul"):
        dataset.within("2024-04-10T17:00Z", None)
    for day in ("2024-04-10", "2024-04-11"):
        assert ids_of(dataset.on(day)) == sorted(zoned.on(day).ids.tolist())
        assert ids_of(dataset.after(day, mode="possible")) == sorted(zoned.after(day, mode="possible").ids.tolist())


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_spark_compares_times_by_the_second_as_duckdb_does(tmp_path: Path, timeline: Timeline, spark: Any) -> None:
    """The same expressions compiled for Spark: every case above (PySpark leaves its sockets to the collector)."""
    import ibis

    timeline.to_parquet(tmp_path / "times.parquet")
    dataset = chronology.scan(tmp_path / "times.parquet", engine="spark", connection=ibis.pyspark.connect(spark))
    for order, when, mode, expected in ORDERS:
        assert ids_of(getattr(dataset, order)(when, mode=mode)) == expected, (order, when, mode)
    for ask, start, end, mode, expected in WINDOWS:
        assert ids_of(getattr(dataset, ask)(start, end, mode=mode)) == expected, (ask, start, end, mode)
