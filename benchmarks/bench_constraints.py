"""Link propagation: loading an event file with links against the same file without them.

Run: ``python benchmarks/bench_constraints.py`` (about 2.5 minutes here), or with
``--quick`` (a smoke run, about 12 s); ``--conservative`` for links that narrow
nothing; ``--sizes`` and ``--rounds`` to choose. No peers to install.

For 10^3, 10^4 and 10^5 events (10^3 and 10^4 with ``--quick``) two event
files are written to a temporary folder. Both hold the same events with the
same dates: ids ``e0``, ``e1``, ..., a title and a ``when`` spread over
2022-2024 (mostly ISO days; some months such as ``2024-10``, one-of ranges
such as ``[2024-10-01..2024-10-20]``, day intervals, and a few year intervals
such as ``2023/2024``). The events are plain (no citations, claims or tags), so
the links weigh more against the rest of a load than in a real file: a stricter
test. The second file adds as many links as there are events, written as
``after = [...]``, ``before = [...]``, ``reports = [...]`` and ``part_of =
"..."`` lines (about 55%, 20%, 20% and 5%); that is the only difference.

The links agree with the dates: every event is given a hidden true moment
(start and end for an interval) inside its dates, distinct to the second, and a
link is written only where it holds strictly for those moments (``a`` after
``b`` when b's true end comes before a's true start; ``part_of`` an interval
whose true span contains the event's). So no file has a contradiction or a
cycle, yet links to events dated by a month or a range narrow their bounds, as
in real files. Most links reach about a month of true time. With
``--conservative`` a link is written only where the day bounds already keep it
(``a`` after ``b`` when b's latest day is no later than a's earliest day), so
the links narrow nothing and the narrowing costs next to nothing. Both files are
loaded once before timing: a contradiction or a cycle would raise
``EventFileError``; the script also checks that the events and dates are the
same, that the links are all there and that the network finds no problem.

Timed, per size:

* ``chronology.load`` of the file without links (read, resolve, check, build
  the timeline);
* ``chronology.load`` of the file with links: the same, plus reading the link
  lines, the reference and cycle checks, and ``chronology.consistency.check``
  building a ``chronology.constraints.Network`` that propagates the links and
  narrows the linked dates;
* the propagation by itself: ``Network(events, by_id)`` over the loaded events
  (collect the linked events, build the variables and edges as arrays,
  propagate a level of the topological order at a time; as in a load, the
  link behind each bound is found only when a message or ``why`` asks, and
  the collector is not paused here, unlike in ``check``);
* the narrowing by itself, ``network.narrowed(events)``: the linked dates as
  narrowed date values, which ``check`` computes after the propagation (part of
  the load with links, not of the propagation).

Rounds are interleaved: each round loads both files (which one first alternates
from round to round, so both see the same moments of a shared machine's load)
and then times the propagation and the narrowing. Before every timing the garbage collector runs
and chronology's caches of readings (plain days, years, the days of the calendar) are emptied,
as in a fresh process reading the file. The load average is printed at the start and the end.
Small sizes repeat each timing a few times in a row and report the time of one.
Times are the median (min-max) over rounds; a round's ratios are its time with
links over its time without, and its propagation (and narrowing) over its time
without.

Goal (issue 22): at 10^5 events with 10^5 links, the propagation (the network
and the narrowing it makes) adds at most 25% to the load time of the same file
without links. Also judged, stricter: every cost of the links (reading the
link lines too, and the reference and cycle checks) at most 25% (median ratio
with links / without <= 1.25).
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import datetime
import gc
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

from _shared import cold_caches, load_average

import chronology
from chronology.constraints import Network

GOAL = 1.25  # load with links / load without, at GOAL_SIZE events
GOAL_SIZE = 100_000
SECONDS_PER_DAY = 86_400  # chronology's timeline: a day's first second is its ordinal * 86,400
FIRST_DAY = datetime.date(2022, 1, 1).toordinal()
DAYS = datetime.date(2024, 12, 31).toordinal() - FIRST_DAY + 1
REACH = 30 * SECONDS_PER_DAY  # a link looks for its target within about a month of true time
FIELDS = ("after", "before", "reports", "part_of")
WEIGHTS = (55, 20, 20, 5)

#: An event's bounds in days (ordinals): (earliest start, latest start, earliest end, latest end).
Bounds: TypeAlias = tuple[int, int, int, int]


def _iso(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()


def _moment(rng: random.Random, day: int) -> int:
    """A random second of the day ``day`` (an ordinal)."""
    return day * SECONDS_PER_DAY + rng.randrange(SECONDS_PER_DAY)


def dates(count: int, rng: random.Random) -> tuple[list[str], list[int], list[int], list[Bounds]]:
    """Each event's ``when``, its hidden true start and end (seconds; the same for an instant), and its day bounds."""
    whens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    bounds: list[Bounds] = []
    for _ in range(count):
        day = FIRST_DAY + rng.randrange(DAYS)
        kind = rng.random()
        if kind < 0.98:
            start = end = _moment(rng, day)
            if kind < 0.72:
                when = _iso(day)
                bounds.append((day, day, day, day))
            elif kind < 0.84:
                date = datetime.date.fromordinal(day)
                when = date.isoformat()[:7]  # the month it falls in
                first = date.replace(day=1).toordinal()
                last = first + calendar.monthrange(date.year, date.month)[1] - 1
                bounds.append((first, last, first, last))
            elif kind < 0.93:
                first, last = day - rng.randrange(10), day + rng.randrange(1, 12)
                when = f"[{_iso(first)}..{_iso(last)}]"
                bounds.append((first, last, first, last))
            else:
                last = day + rng.randint(1, 60)
                when = f"{_iso(day)}/{_iso(last)}"
                end = _moment(rng, last)
                bounds.append((day, day, last, last))
        else:  # a year interval, "2023/2024"
            year = rng.choice([2022, 2023])
            first, middle, last = (datetime.date(y, 1, 1).toordinal() for y in (year, year + 1, year + 2))
            when = f"{year}/{year + 1}"
            start = _moment(rng, first + rng.randrange(middle - first))
            end = _moment(rng, middle + rng.randrange(last - middle))
            bounds.append((first, middle - 1, middle, last - 1))
        whens.append(when)
        starts.append(start)
        ends.append(end)
    return whens, starts, ends, bounds


def links(
    count: int,
    starts: Sequence[int],
    ends: Sequence[int],
    bounds: Sequence[Bounds],
    rng: random.Random,
    *,
    conservative: bool = False,
) -> list[dict[str, list[int]]]:
    """``count`` links that hold strictly for the true moments: for each event, field -> targets.

    Every order link (after, before, reports) goes from an earlier true start to a later one, and every
    ``part_of`` to an earlier one, so neither kind can form a cycle; no event is linked to itself.
    ``conservative``: only links the day bounds already keep (nothing for the links to narrow).
    """
    n = len(starts)
    by_start = sorted(range(n), key=starts.__getitem__)
    start_keys = [starts[i] for i in by_start]
    by_end = sorted(range(n), key=ends.__getitem__)
    end_keys = [ends[i] for i in by_end]
    lasting = [i for i in range(n) if ends[i] > starts[i]]
    made: list[dict[str, list[int]]] = [{} for _ in range(n)]
    total = 0
    while total < count:
        field = rng.choices(FIELDS, WEIGHTS)[0]
        if field == "part_of":  # an interval whose true span strictly contains the event's
            b = rng.choice(lasting)
            lo, hi = bisect.bisect_right(start_keys, starts[b]), bisect.bisect_left(start_keys, ends[b])
            if lo >= hi:
                continue
            a = by_start[rng.randrange(lo, hi)]
            if "part_of" in made[a] or ends[a] >= ends[b]:
                continue
            if conservative and not (bounds[b][1] <= bounds[a][0] and bounds[a][3] <= bounds[b][2]):
                continue
        else:
            a = rng.randrange(n)
            if field == "after":  # b ends before a starts
                k = bisect.bisect_left(end_keys, starts[a])
                if k == 0:
                    continue
                j = min(bisect.bisect_left(end_keys, starts[a] - REACH), k - 1)
                b = by_end[rng.randrange(j, k)]
            elif field == "before":  # a ends before b starts
                k = bisect.bisect_right(start_keys, ends[a])
                if k == n:
                    continue
                j = max(bisect.bisect_right(start_keys, ends[a] + REACH), k + 1)
                b = by_start[rng.randrange(k, j)]
            else:  # reports: b starts before a starts
                k = bisect.bisect_left(start_keys, starts[a])
                if k == 0:
                    continue
                j = min(bisect.bisect_left(start_keys, starts[a] - REACH), k - 1)
                b = by_start[rng.randrange(j, k)]
            if b in made[a].get(field, ()):
                continue
            if conservative and not _kept(field, bounds[a], bounds[b]):
                continue
        made[a].setdefault(field, []).append(b)
        total += 1
    return made


def _kept(field: str, a: Bounds, b: Bounds) -> bool:
    """Whether the day bounds of ``a`` and ``b`` already keep ``a``'s order link ``field`` to ``b``."""
    if field == "after":  # b's latest end day <= a's earliest start day
        return b[3] <= a[0]
    if field == "before":
        return a[3] <= b[0]
    return b[1] <= a[0]  # reports


def generate(count: int, seed: int = 17, *, conservative: bool = False) -> tuple[str, str, dict[str, int]]:
    """The text of an event file with ``count`` events and no links, the same with ``count`` links, and link counts."""
    rng = random.Random(seed)
    whens, starts, ends, bounds = dates(count, rng)
    made = links(count, starts, ends, bounds, rng, conservative=conservative)
    plain: list[str] = []
    linked: list[str] = []
    counts = dict.fromkeys(FIELDS, 0)
    for i, when in enumerate(whens):
        event = ["[[events]]", f'id = "e{i}"', f'title = "Event {i}"', f'when = "{when}"']
        plain += [*event, ""]
        linked += event
        for field in FIELDS:
            targets = made[i].get(field)
            if not targets:
                continue
            counts[field] += len(targets)
            if field == "part_of":
                linked.append(f'part_of = "e{targets[0]}"')
            else:
                names = ", ".join(f'"e{t}"' for t in targets)
                linked.append(f"{field} = [{names}]")
        linked.append("")
    return "\n".join(plain) + "\n", "\n".join(linked) + "\n", counts


def timed(run: Callable[[], object], repeat: int) -> float:
    """Seconds for one ``run()``: ``repeat`` in a row, after a collection and with the caches of readings emptied."""
    gc.collect()
    cold_caches()
    began = time.perf_counter()
    for _ in range(repeat):
        run()
    return (time.perf_counter() - began) / repeat


def spread(values: Sequence[float], scale: float = 1.0, fmt: str = ".1f", unit: str = "") -> str:
    """Median and min-max of ``values``."""
    med, lo, hi = (format(v * scale, fmt) for v in (statistics.median(values), min(values), max(values)))
    return f"{med}{unit} ({lo}-{hi})"


def measure(count: int, rounds: int, folder: Path, *, conservative: bool) -> tuple[float, float]:
    """Print the figures for ``count`` events; the median ratios with links / without, and propagation / without.

    The propagation is the network and the narrowing it makes, per round over that round's load without links.
    """
    plain_text, linked_text, counts = generate(count, conservative=conservative)
    plain, linked = folder / f"plain-{count}.toml", folder / f"linked-{count}.toml"
    plain.write_text(plain_text, encoding="utf-8")
    linked.write_text(linked_text, encoding="utf-8")

    # Untimed: both files load (a contradiction or a cycle would raise) and hold what was generated.
    try:
        without = chronology.load(plain)
        timeline = chronology.load(linked)
    except (chronology.EventFileError, chronology.ValidationError) as error:
        sys.exit(f"the generated file of {count:,} events does not load:\n{error}")
    events = timeline.events
    assert len(without) == len(timeline) == count
    assert [e.when for e in without] == [e.when for e in events]
    assert sum(len(list(e.links)) for e in events) == sum(counts.values()) == count
    by_id = {event.id: event for event in events}
    network = Network(events, by_id)
    assert not network.problems()
    narrowed = network.narrowed(events)
    assert not (conservative and narrowed)

    repeat = max(1, 20_000 // count)
    loads = {"without": lambda: chronology.load(plain), "with": lambda: chronology.load(linked)}
    times: dict[str, list[float]] = {"without": [], "with": [], "propagation": [], "narrowing": []}
    for r in range(rounds):
        for name in ("without", "with") if r % 2 == 0 else ("with", "without"):
            times[name].append(timed(loads[name], repeat))
        times["propagation"].append(timed(lambda: Network(events, by_id), repeat))
        times["narrowing"].append(timed(lambda: network.narrowed(events), repeat))

    def ratios(name: str) -> list[float]:
        return [t / o for t, o in zip(times[name], times["without"], strict=True)]

    mix = ", ".join(f"{field} {counts[field]:,}" for field in FIELDS)
    print(
        f"\n{count:,} events, {count:,} links ({mix}); files {plain.stat().st_size / 1e6:.2f} MB without links, "
        f"{linked.stat().st_size / 1e6:.2f} MB with"
    )
    print(
        f"  network: {len(network.start):,} linked events, {len(network):,} variables; "
        f"{len(narrowed):,} dates narrowed by the links; no contradiction"
    )
    each = f", each timing {repeat} in a row" if repeat > 1 else ""
    print(f"  {rounds} interleaved rounds{each}; per load (or per call), median (min-max) over rounds:")
    print(f"    load, no links                     {spread(times['without'], 1e3, '.2f')} ms")
    print(f"    load, with links                   {spread(times['with'], 1e3, '.2f')} ms")
    print(f"    propagation: Network(events, ...)  {spread(times['propagation'], 1e3, '.2f')} ms")
    print(f"    narrowing: network.narrowed(...)   {spread(times['narrowing'], 1e3, '.2f')} ms  (check does it too)")
    with_ratio = ratios("with")
    added = 100 * (statistics.median(with_ratio) - 1)
    print("  ratios per round, median (min-max):")
    print(f"    with links / without               {spread(with_ratio, fmt='.3f', unit='x')}: links add {added:.0f}%")
    for name in ("propagation", "narrowing"):
        share = ratios(name)
        print(
            f"    {name + ' / without':34} {spread(share, fmt='.3f', unit='x')}: {100 * statistics.median(share):.0f}%"
        )
    both = [(p + n) / o for p, n, o in zip(times["propagation"], times["narrowing"], times["without"], strict=True)]
    print(
        f"    {'(propagation + narrowing) / without':34} {spread(both, fmt='.3f', unit='x')}: "
        f"{100 * statistics.median(both):.0f}%"
    )
    return statistics.median(with_ratio), statistics.median(both)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^3 and 10^4 events, 3 rounds (a smoke run)")
    parser.add_argument("--sizes", type=int, nargs="+", help="event counts (default 1000 10000 100000)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 9, quick 3)")
    parser.add_argument(
        "--conservative", action="store_true", help="only links the dates already keep: nothing to narrow"
    )
    args = parser.parse_args()
    sizes = args.sizes or ([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    rounds = max(1, args.rounds or (3 if args.quick else 9))
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}, "
        f"{os.cpu_count()} cores; load average {load_average()} at the start"
    )
    kind = "that the dates already keep (conservative)" if args.conservative else "that agree with the dates"
    print(f"Each size: the same events and dates in two files, without links and with as many links as events, {kind}")
    ratios: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            ratios[count] = measure(count, rounds, Path(folder), conservative=args.conservative)
    print(f"\nLoad average {load_average()} at the end")
    judged = GOAL_SIZE if GOAL_SIZE in ratios else max(ratios)
    links, propagation = ratios[judged]
    where = f"at {judged:,} events with {judged:,} links" + (
        "" if judged == GOAL_SIZE else f" (the goals are judged at {GOAL_SIZE:,}, not run here)"
    )
    limit = 100 * (GOAL - 1)
    print(
        f"Issue 22's goal, {where}: the propagation (the network and the narrowing it makes) adds at most "
        f"{limit:.0f}% to the load without links; it adds {100 * propagation:.0f}%: "
        f"{'goal met' if propagation <= GOAL - 1 else 'goal NOT met'}"
    )
    print(
        f"Stricter, every cost of the links (reading the link lines, the reference and cycle checks, the "
        f"propagation) at most {limit:.0f}%: they add {100 * (links - 1):.0f}% ({links:.3f}x): "
        f"{'met' if links <= GOAL else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
