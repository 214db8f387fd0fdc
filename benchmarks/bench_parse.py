"""Parse throughput of chronology against python-edtf, undate and the standard library.

Run: ``python benchmarks/bench_parse.py`` (peers: ``pip install '.[bench]'``).

Everything is measured in one run on this machine, so the printed ratios are
what counts, not the absolute times. The 100,000 expressions mix plain ISO
dates, partial dates, EDTF qualifiers, unspecified digits, seasons, intervals,
one-of sets and English phrases resolved against an anchor.

The peers are far slower, so they are compared on samples: in each of
several interleaved rounds both sides read the same fresh slice of distinct
strings the peer accepts, each string once, chronology's caches of readings
emptied first (as a fresh process has them). Medians and min-max over the
rounds are printed, and the machine's load average at the start and the end.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import time
from collections.abc import Callable, Sequence

from _shared import cold_caches, load_average

import chronology

GOALS = {"python-edtf": 1000.0, "undate": 300.0}  # the goals of the issue "Speed through the public API"
ISO_GOAL = 10.0  # plain ISO days as generated (this benchmark's own goal)
DISTINCT_ISO_GOAL = 12.0  # distinct days, each read once (the goal of issue 24)


def expressions(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, text) pairs: a reproducible mix of what chronologies contain."""
    rng = random.Random(seed)
    start = datetime.date(1975, 1, 1).toordinal()
    out: list[tuple[str, str]] = []
    english = [
        "Friday", "last Friday", "June", "October 3", "the second week of October", "three weeks ago",
        "earlier this month", "this past week", "in recent months", "days before", "mid-October", "September 2023",
    ]  # fmt: skip
    for _ in range(count):
        day = datetime.date.fromordinal(start + rng.randrange(50 * 365))
        kind = rng.choices(
            ["iso", "month", "year", "qualified", "masked", "season", "interval", "set", "english"],
            weights=[40, 12, 8, 10, 5, 5, 10, 4, 6],
        )[0]
        iso = day.isoformat()
        text = {
            "iso": iso,
            "month": iso[:7],
            "year": iso[:4],
            "qualified": iso[: rng.choice([4, 7, 10])] + rng.choice("?~%"),
            "masked": iso[:3] + "X" if rng.random() < 0.5 else iso[:8] + "XX",
            "season": f"{day.year}-{rng.randint(21, 24)}",
            "interval": f"{iso[:7]}/{(day + datetime.timedelta(days=rng.randint(1, 900))).isoformat()[:7]}",
            "set": f"[{iso}..{(day + datetime.timedelta(days=rng.randint(1, 20))).isoformat()}]",
            "english": rng.choice(english),
        }[kind]
        out.append((kind, text))
    return out


def seconds(parse: Callable[[str], object], texts: Sequence[str]) -> float:
    """Seconds to read each of ``texts`` once."""
    began = time.perf_counter()
    for text in texts:
        parse(text)
    return time.perf_counter() - began


def accepted(parse: Callable[[str], object], texts: Sequence[str]) -> list[str]:
    ok = []
    for text in texts:
        try:
            parse(text)
        except Exception:  # a peer's refusal, whatever its type, means "not accepted"
            continue
        ok.append(text)
    return ok


def spread(values: Sequence[float], fmt: str = ",.0f") -> str:
    """Median and min-max of ``values``."""
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="number of expressions (default 100,000)")
    parser.add_argument("--peer-sample", type=int, default=1_000, help="distinct expressions per peer and round")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = parser.parse_args()

    items = expressions(args.n)
    anchor = chronology.parse("2024-11-17")
    texts = [t for _, t in items]

    def ours(text: str) -> object:
        return chronology.parse(text, anchor=anchor)

    print(f"load average {load_average()} at the start")
    print(
        "Each side reads each string once per round; chronology's caches of readings are emptied before every "
        "round (within a round, a year met again in another string is found in its cache of year bounds: the "
        "reader's own behaviour)."
    )
    mixed = []
    for _ in range(args.rounds):
        cold_caches()
        mixed.append(len(texts) / seconds(ours, texts))
    print(
        f"\nchronology: {args.n:,} mixed expressions as generated (ISO, EDTF levels 0-2, English; some repeat, as in "
        f"real chronologies): {spread(mixed)} per second over {args.rounds} rounds"
    )

    # Distinct ISO/EDTF strings, never English, shuffled; each round takes a fresh slice for both sides.
    notation = list(dict.fromkeys(t for k, t in items if k != "english"))
    random.Random(1).shuffle(notation)
    peers: dict[str, Callable[[str], object]] = {}
    try:
        import edtf

        peers["python-edtf"] = edtf.parse_edtf
    except ImportError:
        print("python-edtf not installed: pip install '.[bench]'")
    try:
        from undate import Undate

        peers["undate"] = lambda text: Undate.parse(text, "EDTF")
    except ImportError:
        print("undate not installed: pip install '.[bench]'")

    print(
        f"\nISO/EDTF strings each peer accepts: {args.rounds} interleaved rounds, each on {args.peer_sample:,} "
        "distinct strings neither side has read before; rates per second, median (min-max); "
        "ratio = chronology's rate / the peer's, per round (higher is better)"
    )
    for name, peer in peers.items():
        need = args.peer_sample * args.rounds
        shared = accepted(peer, notation[: need * 2])[:need]  # read untimed, only to know what the peer accepts
        if len(shared) < need:
            print(f"  {name}: only {len(shared)} accepted strings for {need}; fewer per round")
        size = max(1, len(shared) // args.rounds)
        theirs, our_rates, ratios = [], [], []
        for number in range(args.rounds):
            chunk = shared[number * size : (number + 1) * size]
            cold_caches()
            sides = [("peer", peer), ("ours", chronology.parse)]
            if number % 2:
                sides.reverse()  # each goes first every other round
            rates = {}
            for side, parse in sides:
                rates[side] = len(chunk) / seconds(parse, chunk)
            theirs.append(rates["peer"])
            our_rates.append(rates["ours"])
            ratios.append(rates["ours"] / rates["peer"])
        ratio = statistics.median(ratios)
        verdict = "meets" if ratio >= GOALS[name] else "MISSES"
        print(
            f"  {name:12} {spread(theirs)}/s   chronology {spread(our_rates)}/s   "
            f"ratio {spread(ratios, '.0f')}x   goal >= {GOALS[name]:.0f}x: {verdict}"
        )

    plain = [t for k, t in items if k == "iso"]
    # Distinct days, each read once: what a first reading of each day costs.
    first = datetime.date(1900, 1, 1).toordinal()
    distinct = [datetime.date.fromordinal(first + n).isoformat() for n in range(len(plain))]
    for label, chosen, goal in (
        (f"plain ISO dates as generated ({len(plain):,}, days repeat as in real chronologies)", plain, ISO_GOAL),
        (f"plain ISO dates all distinct ({len(distinct):,}, first reading of each)", distinct, DISTINCT_ISO_GOAL),
    ):
        # Interleaved rounds: the two see the same moments of a shared machine's load.
        floor_rates, our_plain, slowdowns = [], [], []
        for _ in range(args.rounds):
            floor_rate = len(chosen) / seconds(datetime.date.fromisoformat, chosen)
            cold_caches()
            ours_rate = len(chosen) / seconds(chronology.parse, chosen)
            floor_rates.append(floor_rate)
            our_plain.append(ours_rate)
            slowdowns.append(floor_rate / ours_rate)
        slowdown = statistics.median(slowdowns)
        verdict = "meets" if slowdown <= goal else "MISSES"
        print(
            f"\n{label}:\n  datetime.date.fromisoformat {spread(floor_rates)}/s, chronology {spread(our_plain)}/s: "
            f"{spread(slowdowns, '.1f')}x slower than the floor; goal <= {goal:.0f}x: {verdict}"
        )
    print(f"\nload average {load_average()} at the end")


if __name__ == "__main__":
    main()
