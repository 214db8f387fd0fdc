"""English date phrases: chronology's reader against dateparser, phrase by phrase.

Run: ``python benchmarks/bench_english.py [--quick] [--cpu]`` (peer: ``pip install '.[bench]'``); ``--cpu``
times by each process's CPU time, for a machine shared with other work.

A pool of distinct English phrases is generated from some forty forms ("3
October 2024", "c. 1400", "three weeks ago", "the second week of October"...),
each filled with varied days, months, years and numbers. Only the phrases that
both libraries accept are timed: chronology refuses with ``DateParseError``,
dateparser returns None. Relative phrases are read against 2024-11-17 on both
sides (chronology's ``anchor``, dateparser's ``RELATIVE_BASE``). Goal:
chronology at least 100x faster than dateparser per phrase.

dateparser is timed as usually called, ``dateparser.parse(text, settings=...)``,
which detects the language of every phrase, and as
``dateparser.parse(text, languages=["en"], settings=...)``, told the phrases are
English as chronology assumes; a phrase is kept only if all three accept it.
Rounds are interleaved (chronology, dateparser, dateparser told English,
chronology, ...), so every side sees the same moments of a shared machine's
load; each side reads every phrase once a round, and the ratio of a round is
the peer's time over chronology's in that round.

The two do not return the same thing: chronology returns an UncertainDate (or an
Interval) with the bounds the phrase allows, dateparser one datetime, filling
what the phrase leaves open (the day of "June 2024") from the relative base.

Both sides build their data on first use, so the warm-up's first call is untimed:
dateparser loads its language data, chronology compiles its English grammar
(first sets, dispatch tables, one function a sequence). chronology keeps nothing
from one phrase to the next (what its grammar remembers lasts one phrase).

A value's EDTF notation (and its label) is written when first read, not when
the phrase is read: the timed call returns values whose ``edtf`` nobody has
asked for yet. So that the ratio hides nothing, the breakdown also times the
whole call followed by reading each value's EDTF (``to_edtf()``).

After the ratios, the script shows where chronology's time goes, by the same
interleaved rounds over the kept phrases: the whole call; the whole call with
each value's EDTF written; ``tokenize`` alone; the grammar alone (tokens to
readings, builders included, by the parser of whole phrases the reader uses);
and the value alone (one ``UncertainDate.from_seconds`` from the result's
bounds, two for an interval, its EDTF unwritten), a floor no reader of these
phrases into these values goes under.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence

import chronology
from chronology.dates import Interval, UncertainDate
from chronology.notation import edtf as edtf_module
from chronology.notation._grammar import tokenize
from chronology.notation.english import ENGLISH_GRAMMAR

GOAL = 100.0
#: The side that reads each phrase and then its value's EDTF (written when first read).
WRITTEN = "chronology, EDTF written"
ANCHOR_DAY = datetime.date(2024, 11, 17)
SECONDS_PER_DAY = 86_400

MONTHS = [datetime.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
ORDINALS = ["first", "second", "third", "fourth"]
SEASONS = ["spring", "summer", "autumn", "winter"]


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _day(rng: random.Random, first: int = 1900, last: int = 2030) -> datetime.date:
    return datetime.date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))


def _d_month_y(d: datetime.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _time(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]):02d}"


Form = Callable[[random.Random], str]

#: (form, maker), numbers drawn at random: the forms chronology documents, then some it might be expected to read.
FORMS: list[tuple[str, Form]] = [
    # Exact days, absolute.
    ("3 October 2024", lambda r: _d_month_y(_day(r))),
    ("October 3, 2024", lambda r: (d := _day(r)).strftime("%B ") + f"{d.day}, {d.year}"),
    ("Oct 3, 2024", lambda r: (d := _day(r)).strftime("%b ") + f"{d.day}, {d.year}"),
    ("3 Oct 2024", lambda r: f"{(d := _day(r)).day} {d.strftime('%b')} {d.year}"),
    ("3rd October 2024", lambda r: f"{(d := _day(r)).day}{_suffix(d.day)} {MONTHS[d.month - 1]} {d.year}"),
    ("the 3rd of October 2024", lambda r: f"the {(d := _day(r)).day}{_suffix(d.day)} of {d:%B} {d.year}"),
    ("Tuesday 12 March 2024", lambda r: f"{WEEKDAYS[(d := _day(r)).weekday()]} {_d_month_y(d)}"),
    ("Thursday, October 3, 2024", lambda r: f"{WEEKDAYS[(d := _day(r)).weekday()]}, {d:%B} {d.day}, {d.year}"),
    ("14:30 on 3 October 2024", lambda r: f"{_time(r)} on {_d_month_y(_day(r))}"),
    ("3 October 2024 at 14:30", lambda r: f"{_d_month_y(_day(r))} at {_time(r)}"),
    ("3pm on 3 October 2024", lambda r: f"{r.randint(1, 11)}{r.choice(['am', 'pm'])} on {_d_month_y(_day(r))}"),
    # Months, years, seasons.
    ("June 2024", lambda r: f"{r.choice(MONTHS)} {r.randint(1900, 2030)}"),
    ("around June 2024", lambda r: f"around {r.choice(MONTHS)} {r.randint(1900, 2030)}"),
    ("spring 2024", lambda r: f"{r.choice(SEASONS)} {r.randint(1900, 2030)}"),
    ("1456 AD", lambda r: f"{r.randint(1100, 1899)} AD"),
    ("44 BC", lambda r: f"{r.randint(1, 900)} BC"),
    # Historical and uncertain.
    ("c. 1400", lambda r: f"c. {r.randint(1100, 1899)}"),
    ("about 1400", lambda r: f"about {r.randint(1100, 1899)}"),
    ("the 1450s", lambda r: f"the {r.randint(110, 199)}0s"),
    ("early 1470s", lambda r: f"{r.choice(['early', 'late'])} {r.randint(110, 199)}0s"),
    (
        "mid-15th century",
        lambda r: f"{r.choice(['early', 'mid', 'late'])}-{(n := r.randint(11, 20))}{_suffix(n)} century",
    ),
    ("before 23 August 1456", lambda r: f"before {_d_month_y(_day(r, 1100, 1899))}"),
    ("after 1456", lambda r: f"after {r.randint(1100, 1899)}"),
    ("between 1434 and 1444", lambda r: f"between {(y := r.randint(1100, 1880))} and {y + r.randint(2, 20)}"),
    # Relative to the anchor.
    ("October 3", lambda r: f"{(d := _day(r)).strftime('%B')} {d.day}"),
    ("3 October", lambda r: f"{(d := _day(r)).day} {d:%B}"),
    ("three weeks ago", lambda r: f"{r.choice(NUMBER_WORDS)} {r.choice(['days', 'weeks', 'months', 'years'])} ago"),
    ("5 days ago", lambda r: f"{r.randint(2, 60)} {r.choice(['days', 'weeks', 'months', 'years'])} ago"),
    ("3 days from now", lambda r: f"{r.randint(2, 60)} {r.choice(['days', 'weeks'])} from now"),
    ("last Friday", lambda r: f"{r.choice(['last', 'next', 'on'])} {r.choice(WEEKDAYS)}"),
    ("the second week of October", lambda r: f"the {r.choice(ORDINALS)} week of {r.choice(MONTHS)}"),
    ("yesterday", lambda r: r.choice(["yesterday", "today", "tomorrow", "the day before yesterday"])),
    ("last week", lambda r: f"{r.choice(['last', 'next'])} {r.choice(['week', 'month', 'year'])}"),
    # Forms a reader of English news could expect; included to see who reads them.
    ("in 3 days", lambda r: f"in {r.randint(2, 60)} {r.choice(['days', 'weeks'])}"),
    ("2:30 pm, 3 October 2024", lambda r: f"{r.randint(1, 11)}:{r.randint(10, 59)} pm, {_d_month_y(_day(r))}"),
    ("October of 2024", lambda r: f"{r.choice(MONTHS)} of {r.randint(1900, 2030)}"),
    ("the last week of October", lambda r: f"the last week of {r.choice(MONTHS)}"),
    ("June to August 2024", lambda r: f"{MONTHS[(m := r.randint(0, 8))]} to {MONTHS[m + 3]} {r.randint(1900, 2030)}"),
    ("2 weeks before 3 October 2024", lambda r: f"{r.randint(2, 9)} weeks before {_d_month_y(_day(r))}"),
]


def pool(per_form: int, seed: int = 5) -> list[tuple[str, str]]:
    """(form, phrase) pairs, every phrase distinct; forms with few variants give fewer."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for form, make in FORMS:
        made = 0
        for _ in range(per_form * 20):
            if made == per_form:
                break
            phrase = make(rng)
            if phrase not in seen:
                seen.add(phrase)
                out.append((form, phrase))
                made += 1
    return out


def per_phrase(
    read: Callable[[str], object], texts: Sequence[str], clock: Callable[[], float] = time.perf_counter
) -> float:
    """Seconds per phrase for one pass over ``texts``, by ``clock``."""
    began = clock()
    for text in texts:
        read(text)
    return (clock() - began) / len(texts)


def spread(values: Sequence[float], scale: float = 1.0, fmt: str = ".1f") -> str:
    """Median and min-max of ``values``."""
    med, lo, hi = (format(v * scale, fmt) for v in (statistics.median(values), min(values), max(values)))
    return f"{med} ({lo}-{hi})"


def seconds(moment: datetime.datetime) -> int:
    """A naive datetime on chronology's timeline (day numbers of ``toordinal``, in seconds)."""
    return moment.toordinal() * SECONDS_PER_DAY + moment.hour * 3600 + moment.minute * 60 + moment.second


def rebuilt(value: chronology.DateValue) -> object:
    """The value built again from its bounds alone: the least a reader returning it must do."""
    ends = (value,) if isinstance(value, UncertainDate) else (value.start, value.end)
    return [
        UncertainDate.from_seconds(e.lo, e.hi, e.precision, qualifier=e.qualifier, utc_offset=e.utc_offset, text=e.text)
        for e in ends
        if isinstance(e, UncertainDate)
    ]


def _edtf(value: object) -> str:
    """The value's EDTF, written (a value read from words writes it when first asked)."""
    assert isinstance(value, UncertainDate | Interval)
    return value.to_edtf()


def breakdown(
    kept: Sequence[str],
    values: dict[str, chronology.DateValue],
    read: Callable[[str], object],
    rounds: int,
    clock: Callable[[], float] = time.perf_counter,
) -> None:
    """Where chronology's time goes, per phrase: the whole call and its parts, by interleaved rounds."""
    words = ENGLISH_GRAMMAR.words
    tokens = [tokenize(text, words)[0] for text in kept]
    parts: dict[str, Callable[[], object]] = {
        "chronology.parse, whole": lambda: [read(text) for text in kept],
        "whole, then its EDTF written": lambda: [_edtf(read(text)) for text in kept],
        "tokenize": lambda: [tokenize(text, words) for text in kept],
        "grammar (tokens to readings)": lambda: [ENGLISH_GRAMMAR.whole.match(t) for t in tokens],
        "the value alone (floor)": lambda: [rebuilt(values[text]) for text in kept],
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(rounds):
        for name, run in parts.items():
            edtf_module.clear_day_cache()
            began = clock()
            run()
            times[name].append((clock() - began) / len(kept))
    whole = statistics.median(times["chronology.parse, whole"])
    print(
        f"\nWhere chronology's time goes: {rounds} interleaved rounds over the kept phrases; "
        "per phrase, median (min-max)"
    )
    for name, seconds_each in times.items():
        share = statistics.median(seconds_each) / whole
        print(f"  {name:30} {spread(seconds_each, 1e6)} us  ({share:.0%} of the whole)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer phrases and rounds (under a minute)")
    parser.add_argument("--per-form", type=int, help="phrases generated per form (default 14, quick 4)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds, at least 5 (default 15, quick 5)")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time by the process's CPU time, not wall time (on a machine shared with other work: the time each "
        "side ran, not the time it waited for a core)",
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    per_form = args.per_form or (4 if args.quick else 14)
    rounds = max(5, args.rounds or (5 if args.quick else 15))

    try:
        import dateparser
    except ImportError:
        sys.exit("dateparser is not installed: pip install '.[bench]'")

    anchor = chronology.parse(ANCHOR_DAY.isoformat())
    settings = {"RELATIVE_BASE": datetime.datetime.combine(ANCHOR_DAY, datetime.time())}

    def ours(text: str) -> chronology.DateValue:
        return chronology.parse(text, anchor=anchor)

    def peer(text: str) -> datetime.datetime | None:
        answer: datetime.datetime | None = dateparser.parse(text, settings=settings)
        return answer

    def peer_en(text: str) -> datetime.datetime | None:
        answer: datetime.datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
        return answer

    peers: dict[str, Callable[[str], datetime.datetime | None]] = {"dateparser": peer, "dateparser, English": peer_en}
    sides: dict[str, Callable[[str], object]] = {"chronology": ours, **peers}
    print(
        f"Python {platform.python_version()}, dateparser {dateparser.__version__}, {os.cpu_count()} cores; "
        f"relative phrases read against {ANCHOR_DAY} on both sides"
    )

    # Warm-up: one untimed call a side; dateparser builds its language data lazily on first use.
    print("\nWarm-up (untimed): one call a side, 'June 2024':")
    for name, read in sides.items():
        began = time.perf_counter()
        read("June 2024")
        print(f"  {name:20} first call {1000 * (time.perf_counter() - began):8.1f} ms")

    # What each side returns for the same phrase.
    print("\nWhat each side returns (chronology: the bounds the phrase allows; dateparser: one datetime):")
    for text in ("June 2024", "three weeks ago", "the 1450s", "14:30 on 3 October 2024"):
        value = ours(text)
        print(f"  {text!r:27} chronology {value!s:24} {value.earliest}..{value.latest}")
        for name, read_peer in peers.items():
            print(f"  {'':27} {name:20} {read_peer(text)}")

    # Acceptance: every phrase read once by every side, untimed. This also finishes dateparser's warm-up:
    # it loads each language's data on the first phrase that needs it, which one call does not cover.
    items = pool(per_form)
    refused: dict[str, dict[str, str]] = {name: {} for name in sides}
    our_values: dict[str, chronology.DateValue] = {}
    peer_values: dict[str, dict[str, datetime.datetime]] = {name: {} for name in peers}
    began = time.perf_counter()
    for _, text in items:
        try:
            our_values[text] = ours(text)
        except ValueError as error:  # DateParseError (or InvalidDateError, for a date that cannot exist)
            refused["chronology"][text] = str(error)
        for name, read_peer in peers.items():
            answer = read_peer(text)
            if answer is None:
                refused[name][text] = "None"
            else:
                peer_values[name][text] = answer
    kept = [text for _, text in items if not any(text in r for r in refused.values())]
    print(
        f"\nPool: {len(items)} distinct phrases from {len(FORMS)} forms; acceptance pass (untimed, every side "
        f"reads every phrase once) took {time.perf_counter() - began:.1f} s"
    )
    for name in sides:
        print(f"  {name:20} refused {len(refused[name]):4}")
    print(f"  kept (accepted by all three): {len(kept)}")

    print("\nBy form: generated / refused by chronology / dateparser / dateparser, English")
    for form, _ in FORMS:
        texts = [t for f, t in items if f == form]
        counts = [sum(t in refused[name] for t in texts) for name in sides]
        print(f"  {form:32} {len(texts):3} / {counts[0]:3} / {counts[1]:3} / {counts[2]:3}")

    ours_refused = [(f, t) for f, t in items if t in refused["chronology"]]
    if ours_refused:
        print("\nchronology refused (one example a form):")
        shown: set[str] = set()
        for form, text in ours_refused:
            if form not in shown:
                shown.add(form)
                print(f"  {text!r:36} {refused['chronology'][text][:110]}")

    # Does dateparser's one datetime lie inside chronology's bounds?
    print("\nAgreement on the kept phrases: is dateparser's datetime inside chronology's bounds?")
    form_of = {text: form for form, text in items}
    for name in peers:
        outside: dict[str, list[str]] = {}
        for text in kept:
            value = our_values[text]
            if not value.lo <= seconds(peer_values[name][text].replace(tzinfo=None)) <= value.hi:
                outside.setdefault(form_of[text], []).append(text)
        print(f"  {name:20} {len(kept) - sum(map(len, outside.values()))} of {len(kept)} inside")
        for form, texts in outside.items():
            print(
                f"    outside, form {form!r}: {len(texts)}, e.g. {texts[0]!r} -> {peer_values[name][texts[0]]} "
                f"(chronology {our_values[texts[0]]})"
            )

    # Timing: interleaved rounds, each side reads every kept phrase once a round.
    # (a fourth side: chronology's call, then each value's EDTF read, which the value writes when first asked)
    timed: dict[str, Callable[[str], object]] = {**sides, WRITTEN: lambda text: _edtf(ours(text))}
    times: dict[str, list[float]] = {name: [] for name in timed}
    for _ in range(rounds):
        for name, read in timed.items():
            if name.startswith("chronology"):
                edtf_module.clear_day_cache()  # English phrases do not use it; cleared all the same
            times[name].append(per_phrase(read, kept, clock))

    print(
        f"\nTiming: {rounds} interleaved rounds over the {len(kept)} kept phrases, after the warm-up and the "
        f"acceptance pass ({'CPU' if args.cpu else 'wall'} time); per phrase, median (min-max) over rounds"
    )
    for name in timed:
        print(f"  {name:20} {spread(times[name], 1e6)} us")
    print("\nRatio per round (the peer's time / chronology's: chronology faster by), median (min-max)")
    for ours_name in ("chronology", WRITTEN):
        for name in peers:
            ratios = [p / c for p, c in zip(times[name], times[ours_name], strict=True)]
            verdict = "goal met" if statistics.median(ratios) >= GOAL else "goal NOT met"
            print(
                f"  {name:20} / {ours_name:27} {spread(ratios)}x  (goal: chronology >= {GOAL:.0f}x faster "
                f"per phrase): {verdict}"
            )

    breakdown(kept, our_values, ours, rounds, clock)


if __name__ == "__main__":
    main()
