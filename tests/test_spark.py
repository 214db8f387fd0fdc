"""Spark gives the answers DuckDB and the timeline in memory give: the same questions, compiled by Ibis for Spark.

One Spark session serves the whole run (the ``spark`` fixture of conftest);
these tests skip where Java or PySpark is missing, unless
``CHRONOLOGY_REQUIRE_SPARK=1`` (CI) makes that a failure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_columnar import SHOWCASE, crowded, engine_agrees, pairs_agree, policies, timeline_of, values, windows

import chronology
from chronology import Widening

# PySpark's answers come back over local sockets it leaves to the garbage collector (its own doing, not ours).
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")


def scanned(path: Path, spark: Any) -> chronology.Dataset:
    import ibis

    return chronology.scan(path, engine="spark", connection=ibis.pyspark.connect(spark))


def test_the_showcase_gets_the_same_answers_on_spark(tmp_path: Path, spark: Any) -> None:
    timeline = chronology.load(SHOWCASE)
    timeline.to_parquet(tmp_path / "showcase.parquet")
    dataset = scanned(tmp_path / "showcase.parquet", spark)
    assert dataset.engine == "spark"
    assert len(dataset) == len(timeline)
    asked = [("2024-10-14", "2024-10-20"), ("2023", "2024-06"), ("1950", "2022-03")]
    engine_agrees(timeline, dataset, asked, None)
    engine_agrees(timeline, dataset, asked[:1], Widening(approximate=2, uncertain=1))
    dataset.overlapping("2024-10", "2024-10").to_parquet(tmp_path / "october", ids_only=True)
    import pyarrow.parquet as pq

    written = pq.read_table(tmp_path / "october").column("id").to_pylist()
    assert sorted(written) == sorted(timeline.overlapping("2024-10", "2024-10").ids)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(values(), min_size=1, max_size=10), windows, policies)
def test_random_timelines_get_the_same_answers_on_spark(
    tmp_path_factory: pytest.TempPathFactory, spark: Any, texts: list[str], window: tuple[str, str], widening: Any
) -> None:
    timeline = timeline_of(texts)
    path = tmp_path_factory.mktemp("spark") / "drawn.parquet"
    timeline.to_parquet(path)
    engine_agrees(timeline, scanned(path, spark), [window], widening)


def test_many_windows_pair_every_event_once_across_blocks_on_spark(tmp_path: Path, spark: Any) -> None:
    timeline, starts, ends = crowded(size=120)
    timeline.to_parquet(tmp_path / "crowded.parquet")
    pairs_agree(
        timeline, scanned(tmp_path / "crowded.parquet", spark), starts[:12] + starts[-2:], ends[:12] + ends[-2:]
    )


def test_scan_by_default_starts_spark_on_the_master_given(tmp_path: Path, spark: Any) -> None:
    chronology.load(SHOWCASE).to_parquet(tmp_path / "showcase.parquet")
    dataset = chronology.scan(tmp_path / "showcase.parquet", engine="spark", spark_master="local[2]")
    assert dataset.count("2024-10", "2024-10") == chronology.load(SHOWCASE).count("2024-10", "2024-10")


def test_query_on_spark_prints_what_the_timeline_in_memory_prints(
    tmp_path: Path, spark: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronology.cli import main

    target = tmp_path / "events.parquet"
    chronology.load(SHOWCASE).to_parquet(target)
    capsys.readouterr()
    options = ["query", str(target), "--from", "2024-10-14", "--to", "nis-statement"]
    assert main([*options, "--engine", "memory"]) == 0
    expected = capsys.readouterr().out
    assert main([*options, "--engine", "spark", "--spark-master", "local[2]"]) == 0
    assert capsys.readouterr().out == expected
