"""Parsing time against input length for pathological inputs: is every reader linear?

Run: ``python benchmarks/bench_pathological.py [--start N] [--doublings K] [--only NAME]``.

Each case builds an input of growing size (doubling K times from N units) and
times the reader on it, best of three. The printed ratio is the time of one
size over the time of the size before: about 2.0 per doubling for a linear
reader, about 4.0 for a quadratic one. A case whose ratio over the last three
doublings (their geometric mean, which evens out a noisy one) exceeds 3.0 is
flagged SUPERLINEAR.

Cases:

* ``parse`` as users call it. It refuses text longer than 1,000 characters at
  once, so past that the time flattens (a ratio near 1.0); the ratios up to
  1,000 characters show the reader's own growth.
* The readers behind ``parse`` (``parse_edtf``, ``read_english``) and
  ``parse_quantity``, called directly with no length limit, so that a
  regular expression that backtracks cannot hide behind the cap.
* ``load_text`` of event files with huge strings, many events, long anchor
  and link chains, many problems (which need every key placed in the file),
  long keys and long lines; and of an event read against an anchor whose span
  of days grows (the file stays the same size: its time should stay flat).
* ``EventFile.add`` of many rows of a spreadsheet, one at a time, as
  ``chronology import`` does.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import chronology
from chronology.errors import ChronologyError
from chronology.exchange import from_csv
from chronology.files import EventFile, load_text
from chronology.notation import parse, quantity
from chronology.notation.edtf import clear_day_cache, parse_edtf
from chronology.notation.english import read_english
from chronology.notation.quantity import parse_quantity

FLAG = 3.0
ANCHOR = chronology.parse("2024-10-18")
_FOLDER = Path(tempfile.mkdtemp(prefix="chronology-bench-"))
_PATH = _FOLDER / "events.toml"


def attempt(read: Callable[[str], object], text: str) -> None:
    """Read ``text``; a refusal (a ChronologyError) is an answer too. Anything else is a bug and propagates."""
    with contextlib.suppress(ChronologyError):
        read(text)


def anchored(text: str) -> object:
    return parse(text, anchor=ANCHOR)


def loaded(text: str) -> object:
    return load_text(_PATH, text)


def event(i: int, when: str = "2024-10-18", extra: str = "") -> str:
    return f'[[events]]\nid = "e{i}"\ntitle = "Event {i}"\nwhen = "{when}"\n{extra}\n'


def added(text: str) -> object:
    """A spreadsheet of events added one by one to a new event file, then its text: what `chronology import` does."""
    edited = EventFile(_PATH, "")
    for one in from_csv(text):
        edited.add(one)
    return edited.text


def rows(n: int) -> str:
    return "id,title,when\n" + "".join(f"e{i},Event {i},2024-10-{1 + i % 28:02d}\n" for i in range(n))


def wide_anchor(days: int) -> str:
    """An event read against a source published some day in a span of ``days`` days (not input length)."""
    last = datetime.date(1000, 1, 1) + datetime.timedelta(days=min(days, 3_000_000))
    return (
        f'[[sources]]\nid = "s"\npublished = "[1000-01-01..{last.isoformat()}]"\n\n'
        + event(0, "10000 years ago", 'anchor = "s"')
        + event(1, "three weeks ago", 'anchor = "s"')
    )


#: (name, reader, builder of an input of size n, unit of n)
Case = tuple[str, Callable[[str], object], Callable[[int], str], str]

PARSE: list[Case] = [
    ("long digit run", anchored, lambda n: "1" * n, "digits"),
    ("digits then junk", anchored, lambda n: "2024" + "0" * n + "x", "digits"),
    ("nested brackets", anchored, lambda n: "[" * n + "2024" + "]" * n, "brackets"),
    ("nested braces", anchored, lambda n: "{" * n + "2024" + "}" * n, "braces"),
    ("many '..'", anchored, lambda n: "[2024" + ".." * n + "]", "pairs"),
    ("repeated qualifiers", anchored, lambda n: "2024" + "~?%" * (n // 3), "chars"),
    ("long whitespace", anchored, lambda n: "June" + " " * n + "2024", "spaces"),
    ("huge one-of set", anchored, lambda n: "[" + ", ".join(["2024-10-07"] * (n // 12)) + "]", "chars"),
    ("long relative phrase", anchored, lambda n: "three " * (n // 6) + "weeks ago", "chars"),
    ("many slashes", anchored, lambda n: "2024/" * (n // 5), "chars"),
]

UNCAPPED: list[Case] = [
    ("parse_edtf: digit run", parse_edtf, lambda n: "1" * n, "digits"),
    ("parse_edtf: digits then junk", parse_edtf, lambda n: "2024" + "0" * n + "x", "digits"),
    ("parse_edtf: nested brackets", parse_edtf, lambda n: "[" * n + "2024" + "]" * n, "brackets"),
    ("parse_edtf: huge one-of set", parse_edtf, lambda n: "[" + ", ".join(["2024-10-07"] * (n // 12)) + "]", "chars"),
    (
        "parse_edtf: long one-of range list",
        parse_edtf,
        lambda n: "[" + ",".join(["2024-10-07..2024-10-13"] * (n // 23)) + "]",
        "chars",
    ),
    ("parse_edtf: repeated qualifiers", parse_edtf, lambda n: "2024" + "~" * n, "chars"),
    ("parse_edtf: 'Y' and digits", parse_edtf, lambda n: "Y" + "1" * n, "digits"),
    ("parse_edtf: many slashes", parse_edtf, lambda n: "2024/" * (n // 5), "chars"),
    ("parse_edtf: X digits", parse_edtf, lambda n: "X" * n, "chars"),
    ("read_english: long phrase", read_english, lambda n: "three " * (n // 6) + "weeks ago", "chars"),
    ("read_english: whitespace", read_english, lambda n: "June" + " " * n + "2024", "spaces"),
    ("read_english: 'the ... week of'", read_english, lambda n: "the second week of " * (n // 19) + "x", "chars"),
    ("read_english: 'early' repeated", read_english, lambda n: "early " * (n // 6) + "October", "chars"),
    ("read_english: digits and dashes", read_english, lambda n: "1950" + " -" * (n // 2) + "1953", "chars"),
    ("parse_quantity: long digits", parse_quantity, lambda n: "1" * n + "x", "digits"),
    ("parse_quantity: inner spaces", parse_quantity, lambda n: "about" + " " * n + "1x", "spaces"),
    ("parse_quantity: range spaces", parse_quantity, lambda n: "1" + " " * n + "to" + " " * n + "x", "spaces"),
    ("parse_quantity: commas", parse_quantity, lambda n: "1" + ",000" * (n // 4) + "x", "chars"),
]

LOAD: list[Case] = [
    ("huge title", loaded, lambda n: f'title = "{"x" * n}"\n' + event(0), "chars"),
    ("huge 'when'", loaded, lambda n: event(0, "x" * n), "chars"),
    ("huge id", loaded, lambda n: event(0).replace('"e0"', '"' + "e" * n + '"'), "chars"),
    ("huge unknown key", loaded, lambda n: event(0) + "k" * n + " = 1\n", "chars"),
    (
        "huge claim value",
        loaded,
        lambda n: event(0, extra=f'[[events.claims]]\nsubject = "x"\nvalue = "{"1" * n}x"'),
        "chars",
    ),
    ("many events", loaded, lambda n: "".join(event(i) for i in range(n)), "events"),
    ("many bad dates", loaded, lambda n: "".join(event(i, "2024-13") for i in range(n)), "events"),
    (
        "many unknown anchors",
        loaded,
        lambda n: "".join(event(i, "Friday", f'anchor = "x{i}"') for i in range(n)),
        "events",
    ),
    ("many duplicate ids", loaded, lambda n: "".join(event(0) for _ in range(n)), "events"),
    (
        "anchor chain",
        loaded,
        lambda n: event(0) + "".join(event(i, "two days after", f'anchor = "e{i - 1}"') for i in range(1, n)),
        "events",
    ),
    (
        "'after' chain",
        loaded,
        lambda n: event(0, "2024") + "".join(event(i, "2024", f'after = ["e{i - 1}"]') for i in range(1, n)),
        "events",
    ),
    (
        "'after' chain, contradicted",
        loaded,
        lambda n: (
            event(0, "2024-12")
            + "".join(event(i, "2024", f'after = ["e{i - 1}"]') for i in range(1, n - 1))
            + event(n - 1, "2024-01", f'after = ["e{n - 2}"]')
        ),
        "events",
    ),
    (
        "spaces in a header",
        loaded,
        lambda n: "[[events" + " " * n + "]]\n" + 'id = "a"\ntitle = "A"\nwhen = "2024-13"\n',
        "spaces",
    ),
    ("many adds to an event file", added, rows, "rows"),
    ("anchor width (cost should stay flat)", loaded, wide_anchor, "days"),
    (
        "long line of keys",
        loaded,
        lambda n: event(0) + "[events.extra]\nx = {" + ", ".join(f"k{i} = 1" for i in range(n)) + "}\n",
        "keys",
    ),
]


def timed(read: Callable[[str], object], text: str, repeat: int) -> float:
    """Best of three runs of ``repeat`` readings, per reading, in seconds."""
    best = float("inf")
    for _ in range(3):
        clear_day_cache()
        began = time.perf_counter()
        for _ in range(repeat):
            attempt(read, text)
        best = min(best, (time.perf_counter() - began) / repeat)
    return best


def measure(case: Case, start: int, doublings: int) -> tuple[list[int], list[float]]:
    _name, read, build, _ = case
    sizes = [start * 2**k for k in range(doublings + 1)]
    first = build(sizes[0])
    single = timed(read, first, 1)
    repeat = max(1, min(10_000, int(0.02 / max(single, 1e-7))))  # about 20 ms at the smallest size
    return sizes, [timed(read, build(size), repeat) for size in sizes]


def report(case: Case, sizes: list[int], times: list[float]) -> float:
    name, _, _, unit = case
    ratios = [later / max(earlier, 1e-9) for earlier, later in itertools.pairwise(times)]
    last = (times[-1] / max(times[-4], 1e-9)) ** (1 / 3)  # per doubling, over the last three (less noisy than one)
    verdict = "SUPERLINEAR" if last > FLAG else "linear"
    shown = " ".join(f"{r:.1f}" for r in ratios)
    print(
        f"  {name:36} {sizes[0]:>7,}-{sizes[-1]:<9,} {unit:8} {times[0] * 1e6:9.1f} us -> {times[-1] * 1e3:9.2f} ms"
        f"   ratios {shown}   last three {last:.1f}  {verdict}"
    )
    return last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=0, help="smallest size (default: per group)")
    parser.add_argument("--doublings", type=int, default=0, help="number of doublings (default: per group)")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    _PATH.write_text("", encoding="utf-8")
    # parse_quantity refuses figures longer than 200 characters; lift that here so the pattern itself is timed.
    quantity._MOST_CHARACTERS = 1 << 40  # type: ignore[misc]

    flagged = []
    groups = [
        ("parse (refuses more than 1,000 characters at once)", PARSE, 16, 10),
        ("readers called directly, no length limit", UNCAPPED, 1_000, 7),
        ("load_text", LOAD, 250, 6),
    ]
    for title, cases, start, doublings in groups:
        print(f"\n{title}: time per input, and the ratio per doubling of the input (linear: 2.0)")
        for case in cases:
            if args.only and args.only not in case[0]:
                continue
            sizes, times = measure(case, args.start or start, args.doublings or doublings)
            if report(case, sizes, times) > FLAG:
                flagged.append(case[0])
    print("\nsuperlinear: " + (", ".join(flagged) if flagged else "none"))


if __name__ == "__main__":
    main()
