"""Parse throughput of chronology against python-edtf, undate and the standard library.

Run: ``python benchmarks/bench_parse.py`` (peers: ``pip install '.[bench]'``).

Everything is measured in one run on this machine, so the printed ratios are
what counts, not the absolute times. The 100,000 expressions mix plain ISO
dates, partial dates, EDTF qualifiers, unspecified digits, seasons, intervals,
one-of sets and English phrases resolved against an anchor.

The peers are far slower, so each is timed on a random sample of the
expressions it accepts and its rate scaled up; the sample size is printed.
chronology is timed on every expression.
"""

from __future__ import annotations

import argparse
import datetime
import random
import time
from collections.abc import Callable, Sequence

import chronology
from chronology.notation import edtf as edtf_module

GOALS = {"python-edtf": 100.0, "undate": 10.0}
ISO_GOAL = 10.0


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


def rate(
    parse: Callable[[str], object], texts: Sequence[str], repeat: int = 3, reset: Callable[[], None] | None = None
) -> float:
    """Best expressions-per-second over ``repeat`` runs (``reset`` runs untimed before each)."""
    best = float("inf")
    for _ in range(repeat):
        if reset is not None:
            reset()
        began = time.perf_counter()
        for text in texts:
            parse(text)
        best = min(best, time.perf_counter() - began)
    return len(texts) / best


def accepted(parse: Callable[[str], object], texts: Sequence[str]) -> list[str]:
    ok = []
    for text in texts:
        try:
            parse(text)
        except Exception:  # a peer's refusal, whatever its type, means "not accepted"
            continue
        ok.append(text)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="number of expressions (default 100,000)")
    parser.add_argument("--peer-sample", type=int, default=300, help="expressions timed per slow peer")
    args = parser.parse_args()

    items = expressions(args.n)
    anchor = chronology.parse("2024-11-17")
    texts = [t for _, t in items]

    def ours(text: str) -> object:
        return chronology.parse(text, anchor=anchor)

    mixed_rate = rate(ours, texts, reset=edtf_module.clear_day_cache)
    print(f"chronology: {args.n:,} mixed expressions (ISO, EDTF levels 0-2, English): {mixed_rate:,.0f} per second")

    notation = [t for k, t in items if k != "english"]
    rng = random.Random(1)
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

    print("\nISO/EDTF expressions each peer accepts; ratio = chronology's rate / the peer's rate (higher is better)")
    for name, peer in peers.items():
        sample = rng.sample(notation, min(args.peer_sample, len(notation)))
        shared = accepted(peer, sample)
        peer_rate = rate(peer, shared, repeat=1)
        our_rate = rate(
            chronology.parse, shared * max(1, 20_000 // max(1, len(shared))), reset=edtf_module.clear_day_cache
        )
        ratio = our_rate / peer_rate
        verdict = "meets" if ratio >= GOALS[name] else "MISSES"
        print(
            f"  {name:12} {peer_rate:10,.0f}/s (timed on {len(shared)} of a {len(sample)}-expression sample)  "
            f"chronology {our_rate:10,.0f}/s  ratio {ratio:8.1f}x  goal >= {GOALS[name]:.0f}x: {verdict}"
        )

    plain = [t for k, t in items if k == "iso"]
    # Distinct days, each read once: what a reader pays without its cache of days already seen.
    first = datetime.date(1900, 1, 1).toordinal()
    distinct = [datetime.date.fromordinal(first + n).isoformat() for n in range(len(plain))]
    for label, texts, passes in (
        (f"plain ISO dates as generated ({len(plain):,}, days repeat as in real chronologies)", plain, 7),
        (f"plain ISO dates all distinct ({len(distinct):,}, first reading of each)", distinct, 7),
    ):
        # Interleaved, best of each: the two see the same moments of a shared machine's load.
        floor_rate = our_plain = 0.0
        for _ in range(passes):
            floor_rate = max(floor_rate, rate(datetime.date.fromisoformat, texts, repeat=1))
            our_plain = max(our_plain, rate(chronology.parse, texts, repeat=1, reset=edtf_module.clear_day_cache))
        slowdown = floor_rate / our_plain
        verdict = "meets" if slowdown <= ISO_GOAL else "MISSES"
        print(
            f"\n{label}:\n  datetime.date.fromisoformat {floor_rate:,.0f}/s, chronology {our_plain:,.0f}/s: "
            f"{slowdown:.1f}x slower than the floor; goal <= {ISO_GOAL:.0f}x: {verdict}"
        )


if __name__ == "__main__":
    main()
