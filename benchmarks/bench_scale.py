"""Scale: 1,000 windows over 10^6 to 10^8 events, in memory against DuckDB on Parquet against Spark local.

Run: ``python benchmarks/bench_scale.py`` (10^6 and 10^7, every engine, 3
rounds), or choose: ``--sizes 1e6,1e7,1e8``, ``--engines memory,duckdb,spark``,
``--rounds N``, ``--folder DIR`` (where the Parquet files are made and kept, to
be reused by later runs; default a folder in the system's temporary folder).
Needs the ``parquet`` and ``spark`` extras (and Java 17 for Spark).

**The data.** For each size, one Parquet file in the columnar form, written
in row groups of 10^6 events (never the whole in memory): ids ``e0``, ``e1``,
...; days spread over 2000-2029; 80% known to the day, 15% to the month (a
tenth of those approximate, ``~``), 5% to the year; 0.1% lasting 10 to 50
years. The same seed gives the same file.

**The windows.** 1,000 windows of 1 to 30 days across the same years, the
same for every engine, each read once per round by every side.

**Each side does the same work**, in a process of its own (so each one's peak
memory is its own, and nothing is cached from one side to the next):

* memory: ``chronology.load`` of the file (a timeline of columns), its
  index, and one question of a window not asked after (what a first question
  builds once: the map of ids a window's text may name), not timed with the
  questions: printed as "setup"; then the counts
  with ``Timeline.count_many``, and the ids with
  ``Timeline.write_overlapping_many`` (one pass of the index; the ids taken
  from the file's own id column by Arrow), written as one Parquet file of
  (window, id) pairs;
* duckdb: ``chronology.scan`` on DuckDB (``memory_limit`` 16 GB, 2 threads;
  opening the file is the setup), then ``Dataset.count_many`` (events per
  day counted by the engine, read at the windows from running totals) and
  ``Dataset.write_overlapping_many`` (the (window, id) pairs, events and
  windows joined on blocks of days, written to Parquet by the engine);
* spark: the same on Spark (``local[2]``, 16 GB for the driver, 8 shuffle
  partitions rather than 200 for two cores; starting Spark is the setup).

Every side ends with the same file of pairs: none brings millions of rows
back through an engine's driver to Python, which would time that rather than
the question.

"Possibly overlapping" without widening, the default question, for all.
Answers are checked equal: the counts exactly; the ids by their number and an
order-free digest of the (window, id) pairs, computed by DuckDB for every
side. Peak memory is the largest resident size of the side's process and the
processes it starts (Spark's JVM), sampled every 0.1 s. Rounds are
interleaved (each round runs every side, the first side rotating); times are
the median (min-max) over rounds.

Goals (issue "Beyond one machine's memory"): DuckDB answers the 10^8 counts
in under a minute (16 GB, 2 threads); Spark gives the same answers; the
in-memory index stays the fastest below 10^7. The crossover points printed
here are what the docs quote.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import chronology
from chronology.exchange.arrow import from_bounds

ENGINES = ("memory", "duckdb", "spark")
WINDOWS = 1_000
BATCH = 1_000_000
DAY = 86_400
FIRST_DAY = 10_957  # 2000-01-01, days from 1970-01-01
SPAN_DAYS = 30 * 365


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1e6,1e7")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "chronology-bench-scale")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "PARQUET", "OUT"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        engine, data, out = arguments.child
        print(json.dumps(run_side(engine, Path(data), Path(out))))
        return
    sizes = [int(float(size)) for size in arguments.sizes.split(",")]
    engines = [engine for engine in arguments.engines.split(",") if engine]
    arguments.folder.mkdir(parents=True, exist_ok=True)
    print(f"bench_scale: {WINDOWS:,} windows; Python {platform.python_version()}, {os.cpu_count()} cores")
    for size in sizes:
        data = arguments.folder / f"events-{size}.parquet"
        if not data.exists():
            began = time.perf_counter()
            generate(data, size)
            print(f"wrote {data} ({size:,} events) in {time.perf_counter() - began:.0f} s")
        sides = [engine for engine in engines if not (engine == "memory" and size > 2 * 10**7)]
        measure(data, size, sides, arguments.rounds, arguments.folder)


def generate(path: Path, count: int, seed: int = 7) -> None:
    """The data of a size (see the module), written a row group at a time."""
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    partial = path.with_name(f".{path.name}.partial")
    writer = None
    for first in range(0, count, BATCH):
        size = min(BATCH, count - first)
        for table in _batch(rng, first, size):
            if writer is None:
                writer = pq.ParquetWriter(partial, table.schema)
            writer.write_table(table, row_group_size=BATCH)
    assert writer is not None
    writer.close()
    partial.replace(path)


def _batch(rng: np.random.Generator, first: int, size: int) -> list[Any]:
    """One row group's events: instants by day, month and year, then the few that last for decades."""
    lasting = max(1, size // 1000)
    instants = size - lasting
    ids = np.char.add("e", np.arange(first, first + size).astype(str))
    day = FIRST_DAY + rng.integers(0, SPAN_DAYS, instants)
    kind = rng.choice(3, instants, p=[0.80, 0.15, 0.05])
    as_day = day.astype("datetime64[D]")
    month_first = as_day.astype("datetime64[M]").astype("datetime64[D]")
    month_last = (as_day.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year_first = as_day.astype("datetime64[Y]").astype("datetime64[D]")
    year_last = (as_day.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    lo = np.select([kind == 0, kind == 1], [as_day, month_first], year_first).astype(np.int64) * DAY
    hi = np.select([kind == 0, kind == 1], [as_day, month_last], year_last).astype(np.int64) * DAY + DAY - 1
    texts = np.select(
        [kind == 0, kind == 1],
        [np.datetime_as_string(as_day, "D"), np.datetime_as_string(as_day.astype("datetime64[M]"))],
        np.datetime_as_string(as_day.astype("datetime64[Y]")),
    )
    approximate = (kind == 1) & (rng.random(instants) < 0.1)
    texts = np.where(approximate, np.char.add(texts, "~"), texts)
    precision = np.array(["day", "month", "year"])[kind]
    qualifier = np.where(approximate, "~", "")
    rows = [from_bounds(ids[:instants], texts, lo, hi, precision=precision, qualifier=qualifier)]
    start_year = 1990 + rng.integers(0, 20, lasting)
    end_year = start_year + rng.integers(10, 51, lasting)
    starts = np.array([f"{y:04d}" for y in start_year], dtype="datetime64[Y]").astype("datetime64[D]")
    ends = (np.array([f"{y:04d}" for y in end_year], dtype="datetime64[Y]") + 1).astype("datetime64[D]")
    s_lo = starts.astype(np.int64) * DAY
    e_hi = ends.astype(np.int64) * DAY - 1
    s_hi = (starts.astype("datetime64[Y]") + 1).astype("datetime64[D]").astype(np.int64) * DAY - 1
    e_lo = (ends - 1).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64) * DAY
    edtf = [f"{a:04d}/{b:04d}" for a, b in zip(start_year.tolist(), end_year.tolist(), strict=True)]
    rows.append(from_bounds(ids[instants:], edtf, s_lo, s_hi, end_lo=e_lo, end_hi=e_hi, precision="year"))
    return rows


def windows(seed: int = 11) -> tuple[list[str], list[str]]:
    """The windows every side asks, as ISO days."""
    rng = np.random.default_rng(seed)
    first = FIRST_DAY + rng.integers(0, SPAN_DAYS, WINDOWS)
    last = first + rng.integers(0, 30, WINDOWS)
    as_text = lambda days: np.datetime_as_string(days.astype("datetime64[D]"), "D").tolist()  # noqa: E731
    return as_text(first), as_text(last)


# -- one side, in a process of its own -------------------------------------------------------------------


def run_side(engine: str, data: Path, out: Path) -> dict[str, Any]:
    """Set up one side, answer the windows (counts, then ids), and say how long each took and what it found."""
    starts, ends = windows()
    with Peak() as peak:
        began = time.perf_counter()
        asker = _asker(engine, data)
        setup = time.perf_counter() - began
        began = time.perf_counter()
        counts = asker.counts(starts, ends)
        counted = time.perf_counter() - began
        began = time.perf_counter()
        pairs = asker.ids(starts, ends, out)
        listed = time.perf_counter() - began
    found, digest = _digest(pairs)
    return {
        "setup": setup,
        "counts": counted,
        "ids": listed,
        "count_sum": int(np.asarray(counts).sum()),
        "counts_digest": int(np.asarray(counts, dtype=np.int64) @ np.arange(1, len(counts) + 1)),
        "pairs": found,
        "digest": digest,
        "peak_mb": peak.mb,
    }


class _Asker:
    counts: Callable[[list[str], list[str]], Any]
    ids: Callable[[list[str], list[str], Path], Any]


def _asker(engine: str, data: Path) -> _Asker:
    asker = _Asker()
    if engine == "memory":
        timeline = chronology.load(data)
        timeline.index()  # built here, as part of the set-up
        # and a first question of a window not asked below: what a first question builds once (the map of
        # ids, as a window's text may name an event; the sorted ends counts read), as the engines open the file
        timeline.count_many(["1999-01-01"], ["1999-01-02"])

        def ids(starts: list[str], ends: list[str], out: Path) -> Any:
            timeline.write_overlapping_many(out, starts, ends)
            return out

        asker.counts = lambda starts, ends: timeline.count_many(starts, ends)
        asker.ids = ids
        return asker
    import ibis

    if engine == "duckdb":
        connection = ibis.duckdb.connect(memory_limit="16GB", threads=2)
        dataset = chronology.scan(data, connection=connection)
    else:
        from chronology.scan.engines import spark_session

        # two cores: a few shuffle partitions, not Spark's 200 (its adaptive execution may merge them further)
        settings = {"spark.driver.memory": "16g", "spark.sql.shuffle.partitions": "8"}
        session = spark_session("local[2]", settings)
        dataset = chronology.scan(data, engine="spark", connection=ibis.pyspark.connect(session))
    dataset.count()  # the engine has opened the file: part of the set-up, as the memory side's load

    def engine_ids(starts: list[str], ends: list[str], out: Path) -> Any:
        dataset.write_overlapping_many(out, starts, ends)
        return out

    asker.counts = lambda starts, ends: dataset.count_many(starts, ends)
    asker.ids = engine_ids
    return asker


def _digest(pairs: Any) -> tuple[int, str]:
    """How many (window, id) pairs, and a digest that does not depend on their order (by DuckDB, for every side)."""
    import duckdb

    connection = duckdb.connect()
    if isinstance(pairs, Path):
        source = f"read_parquet('{pairs.as_posix()}/**/*.parquet')" if pairs.is_dir() else f"'{pairs.as_posix()}'"
    else:
        connection.register("pairs", pairs)
        source = "pairs"
    count, digest = connection.execute(f'select count(*), sum(hash("window", id)) from {source}').fetchone()
    return int(count), str(digest)


class Peak:
    """The largest resident size of this process and its descendants while the block runs, sampled."""

    def __enter__(self) -> Peak:
        self.mb = 0.0
        self._running = True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._running = False
        self._thread.join()

    def _sample(self) -> None:
        while self._running:
            self.mb = max(self.mb, sum(_rss(pid) for pid in _family(os.getpid())) / 1024)
            time.sleep(0.1)


def _family(pid: int) -> list[int]:
    found = [pid]
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split() if Path(f"/proc/{pid}").exists() else []:
        found += _family(int(child))
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# -- the parent: rounds, checks, the table -------------------------------------------------------------


def measure(data: Path, size: int, engines: list[str], rounds: int, folder: Path) -> None:
    results: dict[str, list[dict[str, Any]]] = {engine: [] for engine in engines}
    for number in range(rounds):
        order = engines[number % len(engines) :] + engines[: number % len(engines)]
        for engine in order:
            out = folder / f"pairs-{engine}-{size}.parquet"
            _remove(out)
            done = subprocess.run(
                [sys.executable, __file__, "--child", engine, str(data), str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                raise SystemExit(f"{engine} failed at {size:,}:\n{done.stderr[-3000:]}")
            results[engine].append(json.loads(done.stdout.strip().splitlines()[-1]))
            _remove(out)
    answers = {
        engine: {(r["count_sum"], r["counts_digest"], r["pairs"], r["digest"]) for r in runs}
        for engine, runs in results.items()
    }
    same = len(set().union(*answers.values())) == 1
    print(f"\n{size:,} events: answers {'equal on every side' if same else 'DIFFER: ' + repr(answers)}")
    first = next(iter(results.values()))[0]
    print(f"  {first['count_sum']:,} events counted over the windows; {first['pairs']:,} (window, id) pairs")
    print(f"  {'side':<8} {'setup s':>22} {'counts s':>22} {'ids s':>22} {'peak MB':>10}")
    for engine, runs in results.items():
        cells = [_spread([r[key] for r in runs]) for key in ("setup", "counts", "ids")]
        peak = max(r["peak_mb"] for r in runs)
        print(f"  {engine:<8} {cells[0]:>22} {cells[1]:>22} {cells[2]:>22} {peak:>10,.0f}")
    if size >= 10**8 and "duckdb" in results:
        median = statistics.median(r["counts"] for r in results["duckdb"])
        verdict = "met" if median < 60 else "NOT met"
        print(f"  goal, DuckDB counts at 10^8 under a minute: {median:.1f} s, {verdict}")


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


if __name__ == "__main__":
    main()
