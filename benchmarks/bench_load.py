"""Loading an event file against reading the same TOML with tomllib alone.

Run: ``python benchmarks/bench_load.py [--events N]``.

A file of N generated events (default 100,000) is written to a temporary
folder: a mix of exact days, months, EDTF uncertain dates, intervals, English
phrases anchored to sources and to other events, citations, claims, tags and
``after`` links. ``chronology.load`` (read, resolve anchors, check, build the
timeline) is timed against ``tomllib.load`` of the same bytes, in the same run;
the ratio is what counts. Goal: at most 2x tomllib.
"""

from __future__ import annotations

import argparse
import datetime
import random
import tempfile
import tomllib
from pathlib import Path

from _timing import best  # benchmarks/ is on the path when a script runs

import chronology

GOAL = 2.0


def generate(count: int, seed: int = 11) -> str:
    """The text of an event file with ``count`` events."""
    rng = random.Random(seed)
    start = datetime.date(1975, 1, 1).toordinal()
    lines = ['title = "Generated"', ""]
    sources = max(1, count // 50)
    for s in range(sources):
        day = datetime.date(
            rng.randint(1975, 2024), rng.randint(1, 12), rng.randint(2, 28)
        )  # "earlier this month" needs a day before
        lines += ["[[sources]]", f'id = "source-{s}"', 'outlet = "Wire"', f'published = "{day.isoformat()}"', ""]
    phrases = ["Friday", "three weeks ago", "earlier this month", "October 3", "in June", "the second week of October"]
    instants: list[int] = []  # events that can anchor others (one date, not an interval)
    for i in range(count):
        day = datetime.date.fromordinal(start + rng.randrange(50 * 365))
        iso = day.isoformat()
        kind = rng.random()
        anchor = None
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
            anchor = f"source-{rng.randrange(sources)}"
        else:
            when = rng.choice(["two days after", "days before", "that day"])
            anchor = f"event-{rng.choice(instants)}"  # an earlier event: anchors chain
        if not 0.7 <= kind < 0.8:
            instants.append(i)
        source = f"source-{rng.randrange(sources)}"
        lines += ["[[events]]", f'id = "event-{i}"', f'title = "Event number {i}"', f'when = "{when}"']
        if anchor:
            lines.append(f'anchor = "{anchor}"')
        lines += [
            f'kind = "{rng.choice(["statement", "deployment", "diplomacy", "strike"])}"',
            f'tags = ["{rng.choice(["troops", "pact", "g20"])}"]',
            "",
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
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.toml"
        path.write_text(generate(arguments.events), encoding="utf-8")
        size = path.stat().st_size
        timeline = chronology.load(path)  # warm, and check that it is sound
        assert len(timeline) == arguments.events

        def read_toml() -> None:
            with open(path, "rb") as stream:
                tomllib.load(stream)

        toml = best(read_toml, arguments.repeat)
        ours = best(lambda: chronology.load(path), arguments.repeat)
    ratio = ours / toml
    verdict = "meets" if ratio <= GOAL else "MISSES"
    print(f"{arguments.events:,} events, {size / 1e6:.1f} MB (best of {arguments.repeat})")
    print(f"  tomllib.load alone      {toml:7.2f} s  ({toml / arguments.events * 1e6:6.1f} us per event)")
    print(f"  chronology.load         {ours:7.2f} s  ({ours / arguments.events * 1e6:6.1f} us per event)")
    print(f"  ratio {ratio:.2f}x tomllib; goal <= {GOAL:.0f}x: {verdict}")


if __name__ == "__main__":
    main()
