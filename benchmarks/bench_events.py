"""Making ``Event`` objects against a plain attrs class of the same fields.

Run: ``python benchmarks/bench_events.py [--events N] [--rounds R]``.

Goal (issue 24): ``Event`` creation within 3x a plain attrs class of the same
fields. Both sides are given the same already-made field values: N keyword
dictionaries (default 100,000) of the 18 fields of ``Event``, each with its own
id and date (dates read beforehand, as a loader or a columnar reader has them),
a title, a kind, a tag, a summary, one citation and the defaults' values for the
rest. Each side makes N objects from them with ``cls(**fields)`` and keeps them
in a list, as a timeline keeps its events; the list is freed, and a collection
run, before the next timing. The sides:

* ``Event(...)``: the public constructor, which converts the name lists to
  tuples and ``extra`` to a read-only mapping, checks the id and the date, and
  writes the 18 slots of a frozen class;
* ``attrs.define``: a plain attrs class of the same 18 fields (slots, mutable,
  no converters or validators): the goal's peer;
* ``attrs.frozen``: the same fields, frozen (as ``Event`` is), no converters
  or validators: printed for context.

Rounds are interleaved (which side goes first turns each round); the ratio of
each round is what counts, printed as median (min-max) with the load average.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.metadata
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any

import attrs
from _shared import load_average

import chronology
from chronology.events import Citation, Event


def _bare(name: str, *, frozen: bool) -> type:
    """A class of ``Event``'s fields and defaults, with no converters or validators (mutable, or frozen)."""
    fields = {
        field.name: attrs.field(default=field.default, kw_only=True)
        if field.default is not attrs.NOTHING
        else attrs.field(kw_only=True)
        for field in attrs.fields(Event)
    }
    return attrs.make_class(name, fields, frozen=frozen, slots=True)


#: The fields of ``Event``, plain: mutable, no converters or validators.
PlainEvent = _bare("PlainEvent", frozen=False)
#: The fields of ``Event``, frozen, no converters or validators.
FrozenEvent = _bare("FrozenEvent", frozen=True)


def field_values(count: int) -> list[dict[str, Any]]:
    """``count`` keyword dictionaries of every field of ``Event``, values made beforehand."""
    start = datetime.date(1990, 1, 1).toordinal()
    dates = [chronology.parse(datetime.date.fromordinal(start + i % 12_000).isoformat()) for i in range(count)]
    tags = [("troops",), ("pact",), ("g20",)]
    citation = (Citation(source="source-1", quote="A sentence that supports the event."),)
    empty = Event(id="e", title="t", when=dates[0])  # the defaults' values, as Event holds them
    return [
        {
            "id": f"event-{i}",
            "title": f"Event number {i}",
            "when": dates[i],
            "kind": "statement",
            "actors": (),
            "places": (),
            "tags": tags[i % 3],
            "summary": "",
            "citations": citation,
            "claims": (),
            "after": (),
            "before": (),
            "part_of": None,
            "reports": (),
            "anchor": None,
            "tense": empty.tense,
            "widening": None,
            "extra": empty.extra,
        }
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    arguments = parser.parse_args()
    values = field_values(arguments.events)
    first = Event(**values[0])
    assert attrs.asdict(first, recurse=False) == attrs.asdict(PlainEvent(**values[0]), recurse=False)

    def keeping(cls: type[Any]) -> Callable[[], object]:
        return lambda: [cls(**fields) for fields in values]

    def dropping(cls: type[Any]) -> Callable[[], object]:
        def make() -> None:
            for fields in values:
                cls(**fields)

        return make

    classes = {"Event(...)": Event, "attrs.define": PlainEvent, "attrs.frozen": FrozenEvent}
    started = load_average()
    kept = timed({name: keeping(cls) for name, cls in classes.items()}, arguments.rounds)
    dropped = timed({name: dropping(cls) for name, cls in classes.items()}, arguments.rounds)
    print(
        f"Python {platform.python_version()}, attrs {importlib.metadata.version('attrs')}, "
        f"{platform.platform()}, {os.cpu_count()} cores; load average {started} at the start, "
        f"{load_average()} at the end"
    )
    print(
        f"{arguments.events:,} objects a side, each from the same already-made field values (cls(**fields)), kept "
        f"in a list; {arguments.rounds} interleaved rounds, median (min-max). Event(...) converts and checks its "
        "fields (id, date) and writes 18 slots of a frozen class; attrs.define is a plain attrs class of the same "
        "fields (mutable, no converters or validators); attrs.frozen the same, frozen. Kept: the objects kept in "
        "a list, as a timeline keeps its events (the collector's passes over them counted); dropped: each freed "
        "as soon as made (the making alone)."
    )
    for label, times in (("kept", kept), ("dropped", dropped)):
        print(f"{label}:")
        for name, spent in times.items():
            per = [value / arguments.events * 1e9 for value in spent]
            print(f"  {name:14} {spread(per, '.0f')} ns an object")
        ours = times["Event(...)"]
        for peer, goal in (("attrs.define", 3.0), ("attrs.frozen", None)):
            ratios = [a / b for a, b in zip(ours, times[peer], strict=True)]
            ratio = statistics.median(ratios)
            verdict = "" if goal is None else f"; goal within {goal:g}x: {'meets' if ratio <= goal else 'MISSES'}"
            print(f"  Event(...) / {peer}: {spread(ratios, '.2f')}x per round{verdict}")


def timed(sides: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each side in each of ``rounds`` interleaved rounds (which side goes first turns each round)."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for number in range(rounds):
        for name in names[number % len(names) :] + names[: number % len(names)]:
            gc.collect()
            began = time.perf_counter()
            made = sides[name]()
            times[name].append(time.perf_counter() - began)
            del made
    return times


def spread(values: list[float], fmt: str) -> str:
    """Median and min-max of ``values``."""
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"


if __name__ == "__main__":
    main()
