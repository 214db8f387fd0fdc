"""Window queries over 10^4, 10^5 and 10^6 events, against interval libraries in the same run.

Run: ``python benchmarks/bench_query.py [--sizes 10000 100000 1000000]``
(peers: ``pip install '.[bench]'``).

Synthetic events: starts uniform over 50 years; half last from one day to five
years (log-uniform), a quarter are uncertain instants (one day somewhere in up
to a month), a quarter exact days; one in ten approximate. 1,000 random
windows (one day to a year) are asked "what possibly overlaps?" without
widening, so every library answers the same question on the same day bounds
(checked). chronology returns a view holding the matching positions;
nothing is built per event.

Peers: ncls (one call per window, and its batched call), pandas
``IntervalIndex.overlaps`` (a full scan per window), intervaltree, and a plain
Python loop. The slowest are timed on a subset of the windows and scaled up to
1,000; the subset is printed.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable

import numpy as np

import chronology
from chronology import NO_WIDENING, Event, Interval, Precision, Qualifier, Timeline, UncertainDate

QUERIES = 1000
BASE = UncertainDate.parse("1975-01-01").earliest_day
YEARS_50 = 50 * 365


def make_events(count: int, seed: int = 3) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for i in range(count):
        first = BASE + rng.randrange(YEARS_50)
        kind = rng.random()
        qualifier = Qualifier.APPROXIMATE if rng.random() < 0.1 else Qualifier.NONE
        when: chronology.DateValue
        if kind < 0.5:
            span = round(10 ** rng.uniform(0, np.log10(5 * 365)))
            start = UncertainDate.from_days(first, first, Precision.DAY, qualifier=qualifier)
            end = UncertainDate.from_days(first + span, first + span, Precision.DAY)
            when = Interval(start, end)
        elif kind < 0.75:
            width = rng.randint(1, 30)
            when = UncertainDate.from_days(first, first + width, Precision.DAY, qualifier=qualifier)
        else:
            when = UncertainDate.from_days(first, first, Precision.DAY, qualifier=qualifier)
        events.append(Event(id=f"e{i}", title="", when=when))
    return events


def make_windows(seed: int = 5) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    windows = []
    for _ in range(QUERIES):
        first = BASE + rng.randrange(YEARS_50)
        windows.append((first, first + rng.randint(0, 365)))
    return windows


def timed(run: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    began = time.perf_counter()
    result = run()
    return time.perf_counter() - began, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    arguments = parser.parse_args()
    windows = make_windows()
    for size in arguments.sizes:
        bench(size, windows)


def bench(size: int, windows: list[tuple[int, int]]) -> None:
    events = make_events(size)
    timeline = Timeline._checked(events, [], "", chronology.consistency.check([]))
    ends = np.array([chronology.index.day_ends(e.when) for e in events], dtype=np.int64)
    lo, hi = ends[:, 0], ends[:, 3]
    starts = [UncertainDate.from_days(a, a) for a, _ in windows]
    stops = [UncertainDate.from_days(b, b) for _, b in windows]
    print(f"\n== {size:,} events, {QUERIES:,} windows")

    build, index = timed(lambda: timeline.index(NO_WIDENING))
    assert isinstance(index, chronology.index.Index)
    print(f"  chronology index build {build:8.3f} s   {index.nbytes / size:5.1f} bytes per event")

    def ours() -> list[int]:
        return [
            len(timeline.overlapping(s, e, widening=NO_WIDENING)._positions) for s, e in zip(starts, stops, strict=True)
        ]  # type: ignore[arg-type]

    ours_time, counts = timed(ours)
    assert isinstance(counts, list)
    print(f"  chronology overlapping  {ours_time:8.3f} s   ({sum(counts) / QUERIES:,.0f} matches per window)")
    many_time, views = timed(lambda: timeline.overlapping_many(starts, stops, widening=NO_WIDENING))
    assert isinstance(views, list)
    assert [len(v._positions) for v in views] == counts
    print(f"  chronology overlapping_many {many_time:4.3f} s")
    first_ends = np.fromiter((a for a, _ in windows), dtype=np.int64)
    last_ends = np.fromiter((b for _, b in windows), dtype=np.int64)
    floor, _ = timed(
        lambda: np.searchsorted(np.sort(lo), last_ends, "right") - np.searchsorted(np.sort(hi), first_ends, "left")
    )
    print(f"  floor (count by two binary searches, sorting included) {floor:.4f} s")

    rows = [("chronology (one call per window)", ours_time), ("chronology overlapping_many", many_time)]
    peers(lo, hi, windows, counts, rows)
    best_ours = min(ours_time, many_time)
    print("  ratios (peer time / chronology's best):")
    for name, seconds in rows[2:]:
        print(f"    {name:44} {seconds:10.3f} s   {seconds / best_ours:10.1f}x")


def peers(lo: np.ndarray, hi: np.ndarray, windows: list[tuple[int, int]], counts: list[int], rows: list) -> None:  # type: ignore[type-arg]
    size = lo.size
    sample = 20 if size >= 1_000_000 else 100
    try:
        from ncls import NCLS

        built, tree = timed(lambda: NCLS(lo, hi + 1, np.arange(size)))
        one, found = timed(lambda: [sum(1 for _ in tree.find_overlap(a, b + 1)) for a, b in windows])
        assert found == counts
        starts = np.array([a for a, _ in windows], dtype=np.int64)
        stops = np.array([b + 1 for _, b in windows], dtype=np.int64)
        batched, _ = timed(lambda: tree.all_overlaps_both(starts, stops, np.arange(len(windows))))
        print(f"  ncls build {built:.3f} s")
        rows += [("ncls, one call per window", one), ("ncls, batched", batched)]
    except ImportError:
        print("  ncls not installed")
    try:
        import pandas as pd

        index = pd.IntervalIndex.from_arrays(lo, hi, closed="both")
        subset = windows[:sample]
        seconds, found = timed(lambda: [int(index.overlaps(pd.Interval(a, b, closed="both")).sum()) for a, b in subset])
        assert found == counts[:sample]
        rows.append((f"pandas IntervalIndex (x{QUERIES // sample} from {sample})", seconds * QUERIES / sample))
    except ImportError:
        print("  pandas not installed")
    try:
        import intervaltree

        subset = windows[: max(5, sample // 4)]
        built, tree = timed(
            lambda: intervaltree.IntervalTree.from_tuples(zip(lo.tolist(), (hi + 1).tolist(), range(size), strict=True))
        )
        seconds, found = timed(lambda: [len(tree.overlap(a, b + 1)) for a, b in subset])
        assert found == counts[: len(subset)]
        print(f"  intervaltree build {built:.1f} s")
        rows.append((f"intervaltree (x{QUERIES // len(subset)} from {len(subset)})", seconds * QUERIES / len(subset)))
    except ImportError:
        print("  intervaltree not installed")
    subset = windows[: max(2, sample // 10)]
    pairs = list(zip(lo.tolist(), hi.tolist(), strict=True))
    seconds, found = timed(lambda: [sum(1 for s, e in pairs if s <= b and e >= a) for a, b in subset])
    assert found == counts[: len(subset)]
    rows.append((f"plain Python loop (x{QUERIES // len(subset)} from {len(subset)})", seconds * QUERIES / len(subset)))


if __name__ == "__main__":
    main()
