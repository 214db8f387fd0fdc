"""Loading an event file against reading the same TOML with tomllib alone.

Run: ``python benchmarks/bench_load.py [--events N]``.

A file of N generated events (default 100,000) is written to a temporary
folder: a mix of exact days, months, EDTF uncertain dates, intervals, English
phrases anchored to sources and to other events (which the network of links
then reads as constraints), citations (each of a source published once the event
has begun, as the loader checks for a report in the past tense), claims and tags. ``chronology.load``
(read, resolve anchors, check, build the timeline) is timed against
``tomllib.load`` and ``rtoml.load`` of the same file, in interleaved rounds of
the same run (which side goes first turns each round); the ratios per round
are what count. Each side reads the whole file from disk and is run as a
caller gets it: ``chronology.load`` pauses the cycle collector while it reads
(as it always does), the peers run with it on; a collection runs before every
timing. Chronology's caches of readings are emptied before each of its loads
(the plain days, the years, the days of the calendar), as in a fresh process;
its cache of identical date texts lives for one load only. The timeline of the
untimed first load is freed before the rounds (kept, the peers' collector would
walk it). The load average is printed at the start and the end, and each ratio
in CPU time too (``time.process_time``, which other work on a shared machine
sways less). Goals (issue 24): faster than ``tomllib.load`` alone, within 2x
``rtoml.load``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import gc
import os
import platform
import random
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

from _shared import cold_caches, load_average

import chronology


def generate(count: int, seed: int = 11) -> str:
    """The text of an event file with ``count`` events."""
    rng = random.Random(seed)
    start = datetime.date(1975, 1, 1).toordinal()
    lines = ['title = "Generated"', ""]
    sources = max(1, count // 50)
    published: list[int] = []  # each source's day of publication, as an ordinal
    for s in range(sources):
        day = datetime.date(
            rng.randint(1975, 2026), rng.randint(1, 12), rng.randint(2, 28)
        )  # "earlier this month" needs a day before; after 2024, for the events of its last days
        published.append(day.toordinal())
        lines += ["[[sources]]", f'id = "source-{s}"', 'outlet = "Wire"', f'published = "{day.isoformat()}"', ""]
    # The sources by day of publication: an event cites one published after it began (a report in the past tense
    # tells what had happened, and the loader checks it).
    by_day = sorted(range(sources), key=published.__getitem__)
    days = [published[s] for s in by_day]
    phrases = ["Friday", "three weeks ago", "earlier this month", "October 3", "in June", "the second week of October"]
    instants: list[int] = []  # events that can anchor others (one date, not an interval)
    latest: list[int] = []  # each event's latest first day, as an ordinal: a source it cites is published after it
    for i in range(count):
        day = datetime.date.fromordinal(start + rng.randrange(50 * 365))
        iso = day.isoformat()
        kind = rng.random()
        anchor = None
        begins = day.toordinal()  # a month or an interval begins on its first day, at the latest this one
        if kind < 0.45:
            when = iso
        elif kind < 0.6:
            when = iso[:7]
        elif kind < 0.7:
            when = iso[:7] + rng.choice("?~%")
        elif kind < 0.8:
            when = f"{iso}/{(day + datetime.timedelta(days=rng.randint(1, 400))).isoformat()}"
        elif kind < 0.85:
            when = f"[{iso}..{(day + datetime.timedelta(days=rng.randint(1, 10))).isoformat()}]"
        elif kind < 0.95 or not instants:
            when = rng.choice(phrases)
            cited = rng.randrange(sources)
            anchor = f"source-{cited}"
            # read from its source's day: on it or before, but a day or week of October may fall after it
            begins = published[cited] + (366 if "October" in when else 0)
        else:
            when = rng.choice(["two days after", "days before", "that day"])
            earlier = rng.choice(instants)
            anchor = f"event-{earlier}"  # an earlier event: anchors chain
            begins = latest[earlier] + 33  # two days after the end of a month at the latest
        latest.append(begins)
        if not 0.7 <= kind < 0.8:
            instants.append(i)
        first = bisect.bisect_left(days, begins)  # the sources published on or after the event's latest first day
        source = f"source-{by_day[rng.randrange(first, sources)]}" if first < sources else None  # None: cites none
        lines += ["[[events]]", f'id = "event-{i}"', f'title = "Event number {i}"', f'when = "{when}"']
        if anchor:
            lines.append(f'anchor = "{anchor}"')
        lines += [
            f'kind = "{rng.choice(["statement", "deployment", "diplomacy", "strike"])}"',
            f'tags = ["{rng.choice(["troops", "pact", "g20"])}"]',
            "",
        ]
        if source is not None:
            lines += [
                "[[events.citations]]",
                f'source = "{source}"',
                'quote = "A sentence that supports the event."',
                "",
            ]
        if rng.random() < 0.1:
            lines += ["[[events.claims]]", 'subject = "troops"', f'value = "up to {rng.randint(1, 100)},000"', ""]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    arguments = parser.parse_args()
    try:
        import rtoml
    except ImportError:  # pragma: no cover - rtoml is a dependency of chronology
        rtoml = None  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.toml"
        path.write_text(generate(arguments.events), encoding="utf-8")
        size = path.stat().st_size
        timeline = chronology.load(path)  # untimed: it loads, and holds what was written
        assert len(timeline) == arguments.events
        # Freed before any timing: a timeline kept alive would be walked by the peers' collector passes (they run
        # with the collector on), slowing them by a fifth here, and flattering chronology.
        del timeline

        def read_tomllib() -> None:
            with open(path, "rb") as stream:
                tomllib.load(stream)

        def read_rtoml() -> None:
            assert rtoml is not None
            rtoml.load(path.read_text(encoding="utf-8"))

        def ours() -> None:
            chronology.load(path)

        sides = {"tomllib.load alone": read_tomllib, "chronology.load": ours}
        if rtoml is not None:
            sides["rtoml.load alone"] = read_rtoml
        times: dict[str, list[float]] = {name: [] for name in sides}
        cpu: dict[str, list[float]] = {name: [] for name in sides}  # time.process_time: less swayed by other work
        names = list(sides)
        started = load_average()
        for number in range(arguments.rounds):
            for name in names[number % len(names) :] + names[: number % len(names)]:  # each goes first in turn
                cold_caches()  # each round reads every date afresh, as a first load does
                gc.collect()
                began, began_cpu = time.perf_counter(), time.process_time()
                sides[name]()
                times[name].append(time.perf_counter() - began)
                cpu[name].append(time.process_time() - began_cpu)
    print(
        f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} cores; "
        f"load average {started} at the start, {load_average()} at the end"
    )
    print(
        f"{arguments.events:,} events, {size / 1e6:.1f} MB; {arguments.rounds} interleaved rounds, seconds, "
        "median (min-max). Each side reads the same file whole from disk: tomllib and rtoml parse the TOML only "
        "(collector on, as a caller runs them); chronology.load parses it (with rtoml, collector paused), reads "
        "every date, resolves anchors, checks the links and builds the timeline (its caches of readings emptied)."
    )
    for name, values in times.items():
        print(
            f"  {name:20} {spread(values)}  ({statistics.median(values) / arguments.events * 1e6:6.1f} us per event)"
            f"; CPU {spread(cpu[name])}"
        )
    for peer, goal, wording in (("tomllib.load alone", 1.0, "faster than"), ("rtoml.load alone", 2.0, "within 2x of")):
        if peer not in times:
            continue
        ratios = [a / b for a, b in zip(times["chronology.load"], times[peer], strict=True)]
        cpu_ratios = [a / b for a, b in zip(cpu["chronology.load"], cpu[peer], strict=True)]
        verdict = "meets" if statistics.median(ratios) <= goal else "MISSES"
        cpu_verdict = "meets" if statistics.median(cpu_ratios) <= goal else "MISSES"
        print(
            f"  chronology.load / {peer}: {spread(ratios, '.2f')}x per round; goal {wording} it: {verdict}"
            f" (in CPU time: {spread(cpu_ratios, '.2f')}x, {cpu_verdict})"
        )


def spread(values: list[float], fmt: str = ".2f") -> str:
    """Median and min-max of ``values``."""
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"


if __name__ == "__main__":
    main()
