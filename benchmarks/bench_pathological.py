"""Parsing time against input length for pathological inputs: is every reader, and every pattern, linear?

Run: ``python benchmarks/bench_pathological.py [--start N] [--doublings K] [--rounds R] [--only NAME]``.

Each case builds inputs of growing size (doubling K times from N units) and
times the reader on each, in R interleaved rounds (every size once a round,
smallest to largest, so that a slow spell of the machine hits all sizes
alike); each size's time is the median of its rounds, shown with the min-max
for the largest. The printed ratio is the median time of one size over that
of the size before: about 2.0 per doubling for a linear reader, about 4.0 for
a quadratic one, 8.0 for a cubic one. A case whose ratio over the last three
doublings (their geometric mean, which evens out a noisy one) exceeds its
group's limit (3.0 for the readers, 2.5 for the patterns and the import) is
flagged SUPERLINEAR; so is one that gives up (a single reading over 5 s) before
its largest size.

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
* ``chronology import`` of one row of a spreadsheet with many columns of its
  own: read, written into a new event file and checked, as the command does.
* Every regular expression of the package, found in its source (each
  ``re.compile`` and each ``re.match``/``search``/... called with a pattern
  of its own), called as the package calls it (``match``, ``fullmatch``,
  ``search``, ``sub``, ``findall``) on inputs made to make it backtrack: long
  runs of what its repeats accept, ending where it must give up. Each is named
  by its module and name (or, for one written inline, its module and
  pattern). A pattern found in the source with no input here is listed as NOT
  MEASURED and flagged, so a new pattern cannot go unmeasured.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import datetime
import importlib
import inspect
import itertools
import pkgutil
import re
import statistics
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

FLAG = 3.0  # readers and event files: limit of the ratio per doubling, over the last three
PATTERN_FLAG = 2.5  # every pattern that sees user text, and the import: at most 2.5x per doubling
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


def imported(text: str) -> object:
    """A spreadsheet read, written into a new event file and checked, as `chronology import` does."""
    edited = EventFile(_PATH, "")
    edited.add_many(from_csv(text))
    return edited.timeline()


def wide_row(n: int) -> str:
    """One row with ``n`` columns of its own (``extra`` keys)."""
    return (
        "id,title,edtf," + ",".join(f"c{i}" for i in range(n)) + "\n" + "e1,T,2024," + ",".join("v" for _ in range(n))
    )


IMPORT: list[Case] = [
    ("one row, many columns of its own", imported, wide_row, "columns"),
]


# -- every regular expression of the package ------------------------------------------------------------------------

#: How the package calls each pattern (``sub`` replaces with nothing: the cost is the matching).
CALLS: dict[str, Callable[[re.Pattern[str], str], object]] = {
    "match": lambda pattern, text: pattern.match(text),
    "fullmatch": lambda pattern, text: pattern.fullmatch(text),
    "search": lambda pattern, text: pattern.search(text),
    "sub": lambda pattern, text: pattern.sub("", text),
    "findall": lambda pattern, text: pattern.findall(text),
    "finditer": lambda pattern, text: list(pattern.finditer(text)),
}

#: For each pattern, named ``module.NAME`` (compiled) or ``module: pattern`` (written inline), how the package
#: calls it, and inputs made to make it backtrack, each a builder of about ``n`` characters.
_CSV_CELL = r"chronology.exchange._csv_read: f'[^{re.escape(delimiter)}\r\n]*'"
_TEMPORARY_FILE = r"chronology.files._atomic: f'\\.{re.escape(path.name)}\\.[0-9a-f]{{8}}\\.tmp'"
PATTERN_INPUTS: dict[str, tuple[str, dict[str, Callable[[int], str]]]] = {
    "chronology.files._locate._HEADER": (
        "fullmatch",
        {
            "spaces, then a quoted key with '!' (the audit's)": lambda n: "[" + " " * n + '"a!"]',
            "dotted key, no ']'": lambda n: "[" + "a." * (n // 2) + "a",
            "spaced dots, no ']'": lambda n: "[a" + " . a" * (n // 4),
            "escaped quotes, unclosed": lambda n: '["' + '\\"' * (n // 2),
            "tabs after the header, then junk": lambda n: "[a]" + "\t" * n + "x",
        },
    ),
    "chronology.files._locate._KEY": (
        "match",
        {
            "spaces, no '='": lambda n: " " * n + "a",
            "dotted key, no '='": lambda n: "a" + ".a" * (n // 2),
            "spaces around dots, no '='": lambda n: "a" + " . a" * (n // 4),
            "escaped quotes, unclosed": lambda n: '"' + '\\"' * (n // 2),
        },
    ),
    "chronology.files._locate._PARTS": (
        "finditer",
        {
            "many parts": lambda n: "a." * (n // 2),
            "escaped quotes, unclosed": lambda n: '"' + '\\"' * (n // 2),
        },
    ),
    "chronology.files._locate._STRINGS_AND_COMMENT": (
        "sub",
        {
            "comment of '\"\\' (the audit's)": lambda n: '# "' + '"\\' * (n // 2),
            "'\"\\' outside a comment": lambda n: '"\\' * (n // 2),
            "quotes": lambda n: '"' * n,
            "apostrophes": lambda n: "'" * n,
            "multi-line basic string, unclosed": lambda n: '"""' + '""\\' * (n // 3),
            "multi-line literal string, unclosed": lambda n: "'''" + "''x" * (n // 3),
        },
    ),
    "chronology.exchange._csv_layout._FORMULA_PART": (
        "sub",
        {
            "separators": lambda n: ";" * n,
            "separator, spaces": lambda n: "; " * (n // 2),
            "separator, quotes and spaces, no formula": lambda n: ";" + "' \"" * (n // 3) + "x",
            "formulas after separators": lambda n: ";=" * (n // 2),
        },
    ),
    "chronology.exchange._csv_layout._DEFUSED_PART": (
        "sub",
        {
            "defused formulas": lambda n: ";'=" * (n // 3),
            "separator, quotes, no formula": lambda n: ";" + "'" * n + "x",
        },
    ),
    _CSV_CELL: ("match", {"a long cell": lambda n: "x" * n}),
    _TEMPORARY_FILE: ("fullmatch", {"a long name": lambda n: ".events.toml." + "0" * n}),
    "chronology.exchange.as_json._SPACE": ("match", {"spaces": lambda n: " \t\r\n" * (n // 4) + "x"}),
    "chronology.events.ID_PATTERN": ("fullmatch", {"long id, then junk": lambda n: "a" * n + "!"}),
    "chronology.files.edit._TOMLKIT_POSITION": (
        "sub",
        {"repeated positions": lambda n: " at line 1 col 1" * (n // 16) + "x", "spaces": lambda n: " " * n},
    ),
    "chronology.files.edit._BARE_LF": ("sub", {"line breaks": lambda n: "\r\n\n" * (n // 3)}),
    "chronology.files.edit._BLANK_LINES": (
        "sub",
        {"blank lines, then text": lambda n: " \t\n" * (n // 3) + "x", "spaces, no line break": lambda n: " " * n},
    ),
    "chronology.files._toml._TOML_POSITION": (
        "search",
        {
            "repeated positions, then junk": lambda n: " at line 1 column 1" * (n // 19) + "x",
            # rtoml's messages do not quote the file, so this input is not one a file can give (yet)
            "spaces, then a position and junk": lambda n: " " * n + "at line 1 column 1x",
        },
    ),
    "chronology.files._toml._MAYBE_SURROGATE": ("search", {"'\\u' runs": lambda n: "\\u" * (n // 2)}),
    "chronology.files._toml._YEAR_ZERO": ("search", {"near-misses": lambda n: "0000-00-0 " * (n // 10)}),
    "chronology.files.load: [A-Za-z_]+|\\[\\d+\\]": ("findall", {"field path": lambda n: "a[1]." * (n // 5)}),
    "chronology.files.schema.SURROGATE": ("search", {"plain text": lambda n: "a" * n}),
    "chronology.notation._grammar._TOKEN": (
        "match",
        {
            "long word": lambda n: "a" * n,
            "hyphened word, trailing hyphen": lambda n: "a-" * (n // 2),
            "abbreviation dots": lambda n: "a." * (n // 2),
            "long number": lambda n: "1" * n,
        },
    ),
    "chronology.notation._WORDY": ("search", {"digits": lambda n: "1" * n}),
    "chronology.notation._SHORT_YEAR_RANGE": ("fullmatch", {"digits": lambda n: "1" * n}),
    "chronology.notation._ZONE_ABBREVIATION": (
        "fullmatch",
        {
            "words and spaces, no zone": lambda n: "a " * (n // 2) + "1",
            "spaces before too long a zone": lambda n: "a" + " " * n + "ABCDEF",
        },
    ),
    "chronology.notation._NAMED_ZONE": (
        "fullmatch",
        {
            "words and spaces, no zone": lambda n: "a " * (n // 2) + "a/b!",
            "long zone, then junk": lambda n: "a b" + "/c" * (n // 2) + "!",
        },
    ),
    "chronology.notation._ENGLISH_TOO": ("fullmatch", {"digits": lambda n: "1" * n}),
    "chronology.notation._US_STYLE": ("fullmatch", {"digits": lambda n: "1/1/" + "1" * n}),
    "chronology.notation._SPACED_TIME": (
        "fullmatch",
        {
            "spaces, then junk": lambda n: "2024-01-01" + " " * n + "x",
            "digits after the time": lambda n: "2024-01-01 12:00:00." + "1" * n + "x",
        },
    ),
    "chronology.notation.quantity._FORM": (
        "fullmatch",
        {  # as parse_quantity calls it: on the text with its spaces collapsed
            "digits, then junk": lambda n: "about " + "1" * n + "x",
            "thousands, then junk": lambda n: "1" + ",000" * (n // 4) + "x",
            "decimals, then junk": lambda n: "1." + "1" * n + " to x",
        },
    ),
    "chronology.notation.labels._HEMISPHERE_SEASON": ("fullmatch", {"digits": lambda n: "1" * n}),
    "chronology.notation.edtf._FAST": (
        "fullmatch",
        {"digits": lambda n: "1" * n, "qualifiers": lambda n: "2024-01-01" + "~" * n},
    ),
    "chronology.notation.edtf._TIME": ("match", {"digits": lambda n: "T12:00:00." + "1" * n}),
    "chronology.notation.edtf._BASIC_DATE": ("fullmatch", {"digits": lambda n: "1" * n}),
    "chronology.notation.edtf._BASIC_DATE_TIME": ("match", {"digits": lambda n: "1" * n}),
    "chronology.notation.edtf: \\d{4}\\s*[-\\u2013\\u2014]\\s*\\d{4}": (
        "fullmatch",
        {"spaces around a dash": lambda n: "1111" + " " * (n // 2) + "-" + " " * (n // 2) + "x"},
    ),
    "chronology.notation.edtf: \\d{3}(?![\\dX])": ("match", {"digits": lambda n: "1" * n}),
    "chronology.notation.edtf: [\\dX]{4}": ("fullmatch", {"digits and X": lambda n: "1X" * (n // 2)}),
    "chronology.notation.edtf: [\\dX]*": ("match", {"digits and X": lambda n: "1X" * (n // 2) + "!"}),
    "chronology.notation.edtf: (-?)(\\d+)(?:[Ee](\\d+))?": ("match", {"digits": lambda n: "1" * n + "E"}),
    "chronology.notation.edtf: \\d+": ("match", {"digits": lambda n: "1" * n}),
    "chronology.notation.edtf: [\\dX]{2}": ("fullmatch", {"digits and X": lambda n: "1X" * (n // 2)}),
    "chronology.notation.edtf: (\\d\\d)(?:-?(\\d))?": ("match", {"digits": lambda n: "1" * n}),
}

#: The functions of ``re`` that take a pattern.
_TAKING_A_PATTERN: frozenset[str] = frozenset(
    {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}
)
#: Built at run time (named by their source), so not compiled from it here: built as the package builds them.
_BUILT: dict[str, Callable[[], re.Pattern[str]]] = {
    _CSV_CELL: lambda: re.compile(f"[^{re.escape(',')}\r\n]*"),  # for a comma between cells
    _TEMPORARY_FILE: lambda: re.compile(rf"\.{re.escape('events.toml')}\.[0-9a-f]{{8}}\.tmp"),  # of events.toml
}


def patterns() -> tuple[dict[str, re.Pattern[str]], list[str]]:
    """Every regular expression of the package, by name; and the names of those built at run time.

    Found by reading each module's source. A compiled one is taken from its
    module (the very object the package uses); one written inline,
    ``re.match(r"\\d+", ...)``, is compiled from its text, as ``re`` does.
    """
    found: dict[str, re.Pattern[str]] = {}
    built: list[str] = []
    for info in pkgutil.walk_packages(chronology.__path__, "chronology."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        tree = ast.parse(inspect.getsource(module))
        assigned: dict[int, str] = {}  # a module-level call -> the name it is assigned to
        for statement in tree.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                assigned.update({id(statement.value): t.id for t in targets if isinstance(t, ast.Name)})
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _TAKING_A_PATTERN
                and node.args
            ):
                continue
            text = node.args[0].value if isinstance(node.args[0], ast.Constant) else None
            if id(node) in assigned:
                found[f"{info.name}.{assigned[id(node)]}"] = getattr(module, assigned[id(node)])
            elif isinstance(text, str):
                found[f"{info.name}: {text}"] = re.compile(text)
            else:
                built.append(f"{info.name}: {ast.unparse(node.args[0])}")
    return found, built


def pattern_cases() -> tuple[list[Case], list[str]]:
    """A case for each input of each pattern; and what no input here measures (a pattern new or gone)."""
    found, built = patterns()
    found.update({name: _BUILT[name]() for name in built if name in _BUILT})
    cases: list[Case] = []
    for name, pattern in found.items():
        if name not in PATTERN_INPUTS:
            continue
        call, inputs = PATTERN_INPUTS[name]
        for label, build in inputs.items():
            cases.append((f"{name}, {call}: {label}", _caller(pattern, call), build, "chars"))
    unmeasured = [name for name in found if name not in PATTERN_INPUTS]
    unmeasured += [f"{name} (built at run time)" for name in built if name not in _BUILT]
    unmeasured += [f"{name} (not in the source any more)" for name in PATTERN_INPUTS if name not in found]
    return cases, unmeasured


def _caller(pattern: re.Pattern[str], call: str) -> Callable[[str], object]:
    return lambda text: CALLS[call](pattern, text)


# -- measuring ------------------------------------------------------------------------------------------------------

#: A single reading slower than this ends a case, flagged: a cubic pattern would otherwise run for hours.
GIVE_UP = 5.0


def timed(read: Callable[[str], object], text: str, repeat: int) -> float:
    """One run of ``repeat`` readings, per reading, in seconds."""
    clear_day_cache()
    began = time.perf_counter()
    for _ in range(repeat):
        attempt(read, text)
    return (time.perf_counter() - began) / repeat


def measure(case: Case, sizes: list[int], rounds: int, budget: float) -> tuple[list[int], list[list[float]]]:
    """Each size's times over ``rounds`` interleaved rounds, repeated to take ``budget`` seconds at the smallest."""
    _name, read, build, _ = case
    texts = [build(size) for size in sizes]
    single = timed(read, texts[0], 1)
    repeat = max(1, min(10_000, int(budget / max(single, 1e-7))))
    samples: list[list[float]] = [[] for _ in sizes]
    reached = len(sizes)
    for _ in range(rounds):
        for index in range(reached):
            took = timed(read, texts[index], repeat)
            samples[index].append(took)
            if took * repeat > GIVE_UP:
                reached = index + 1
                break
    kept = min(len(times) for times in samples[:reached])  # whole rounds only
    return sizes[:reached], [times[:kept] for times in samples[:reached]]


def report(case: Case, sizes: list[int], samples: list[list[float]], planned: int, flag: float) -> bool:
    """Print the case's line; whether it is flagged."""
    name, _, _, unit = case
    times = [statistics.median(times) for times in samples]
    ratios = [later / max(earlier, 1e-9) for earlier, later in itertools.pairwise(times)]
    span = min(3, len(ratios))
    last = (times[-1] / max(times[-1 - span], 1e-9)) ** (1 / span) if span else 0.0  # per doubling, last three
    gave_up = len(sizes) < planned
    flagged = last > flag or gave_up
    verdict = ("SUPERLINEAR" + (f", gave up past {sizes[-1]:,}" if gave_up else "")) if flagged else "linear"
    largest = samples[-1]
    print(
        f"  {name}\n      {sizes[0]:,}-{sizes[-1]:,} {unit}: {times[0] * 1e6:.1f} us -> {times[-1] * 1e3:.3f} ms"
        f" ({min(largest) * 1e3:.3f}-{max(largest) * 1e3:.3f})"
        f"   ratios {' '.join(f'{r:.1f}' for r in ratios)}   last three {last:.2f}  {verdict}"
    )
    return flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=0, help="smallest size (default: per group)")
    parser.add_argument("--doublings", type=int, default=0, help="number of doublings (default: per group)")
    parser.add_argument("--rounds", type=int, default=0, help="interleaved rounds (default: per group)")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    _PATH.write_text("", encoding="utf-8")
    # parse_quantity refuses figures longer than 200 characters; lift that here so the pattern itself is timed.
    quantity._MOST_CHARACTERS = 1 << 40  # type: ignore[misc]

    pattern_list, unmeasured = pattern_cases()
    flagged = []
    # title, cases, smallest size, doublings, rounds, seconds of readings at the smallest size, limit per doubling
    groups = [
        ("parse (refuses more than 1,000 characters at once)", PARSE, 16, 10, 3, 0.02, FLAG),
        ("readers called directly, no length limit", UNCAPPED, 1_000, 7, 3, 0.02, FLAG),
        ("load_text", LOAD, 250, 6, 3, 0.02, FLAG),
        ("chronology import", IMPORT, 1_250, 4, 3, 0.02, PATTERN_FLAG),
        ("regular expressions, as the package calls them", pattern_list, 1_000, 7, 5, 0.003, PATTERN_FLAG),
    ]
    for title, cases, start, doublings, rounds, budget, flag in groups:
        chosen = [case for case in cases if not args.only or args.only in case[0]]
        if not chosen:
            continue
        print(f"\n{title}: median time per input (min-max at the largest), ratio per doubling (linear: 2.0)")
        for case in chosen:
            planned = (args.doublings or doublings) + 1
            sizes = [(args.start or start) * 2**k for k in range(planned)]
            measured, samples = measure(case, sizes, args.rounds or rounds, budget)
            if report(case, measured, samples, planned, flag):
                flagged.append(case[0])
    if not args.only:
        print("\nnot measured: " + ("; ".join(unmeasured) if unmeasured else "none (every pattern found has inputs)"))
        flagged += unmeasured
    print("\nsuperlinear or not measured: " + ("; ".join(flagged) if flagged else "none"))


if __name__ == "__main__":
    main()
