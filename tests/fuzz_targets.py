"""What the fuzzers feed chronology and what counts as a failure; shared by the tests and ``fuzz/run.py``.

A *target* takes one input, a JSON-able mapping (so that a finding can be kept
as a file in ``fuzz/corpus/`` and replayed), and may raise only a
``ChronologyError``: any other exception is a failure, and so is a broken
promise (a date that does not read back as itself, an edit that does not
survive a save, a save that does not remove cleanly).

The *strategies* build inputs: random text, text assembled from the grammar's
own fragments, structured mutations of sound event files (keys dropped, types
swapped, ids duplicated, anchors broken, stray characters inserted) and random
events to add to a file.
"""

from __future__ import annotations

import base64
import io
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

import rtoml
from hypothesis import assume
from hypothesis import strategies as st

import chronology
from chronology import ChronologyError, EventFile, Tense
from chronology.events import ID_PATTERN
from chronology.files import load_text
from chronology.notation.quantity import parse_quantity

__all__ = [
    "STRATEGIES",
    "TARGETS",
    "date_texts",
    "edits",
    "event_file_texts",
    "figure_texts",
    "file_bytes",
    "folder",
    "parse_cases",
]

ROOT: Final = Path(__file__).resolve().parent.parent

Case = Mapping[str, Any]


# == targets ========================================================================================================


def run_parse(case: Case) -> None:
    """``parse`` the text (against an anchor, in a tense); a value must write out and read back as itself."""
    anchor = chronology.parse(case["anchor"]) if case.get("anchor") else None
    try:
        value = chronology.parse(case["text"], anchor=anchor, tense=Tense(case.get("tense", "past")))
    except ChronologyError:
        return
    assert isinstance(value.label, str)
    edtf = value.to_edtf()
    if anchor is None:
        assert chronology.parse(edtf) == value, f"{case['text']!r} reads as {edtf!r}, which reads back differently"


def run_parse_expression(case: Case) -> None:
    """``parse_expression`` the text; a relative phrase must resolve or refuse, against any anchor given."""
    try:
        value = chronology.parse_expression(case["text"])
    except ChronologyError:
        return
    if isinstance(value, chronology.RelativeDate) and case.get("anchor"):
        try:
            value.resolve(chronology.parse(case["anchor"]), tense=Tense(case.get("tense", "past")))
        except ChronologyError:
            return


def run_quantity(case: Case) -> None:
    """Read a claimed figure."""
    try:
        parse_quantity(case["text"])
    except ChronologyError:
        return


def run_load_text(case: Case) -> None:
    """``load_text`` of an event file's text, in a folder with files to include; every problem must be placed."""
    problems: tuple[chronology.Problem, ...] | None = None
    try:
        load_text(folder() / "events.toml", case["text"])
    except chronology.EventFileError as error:
        problems = error.problems
    except ChronologyError:
        return
    if problems is not None:
        assert problems, "an EventFileError without problems"
        assert all(problem.path is not None for problem in problems), "a problem not placed in a file"


def run_load_bytes(case: Case) -> None:
    """``load`` of a file holding these bytes (base64 in the case)."""
    path = folder() / "bytes.toml"
    path.write_bytes(base64.b64decode(case["bytes"]))
    try:
        chronology.load(path)
    except ChronologyError:
        return


def run_edit(case: Case) -> None:
    """Add an event to a file, save, read it back, remove it, save: the event survives, then the file is as before."""
    path = folder() / "edited.toml"
    path.write_text(case["file"], encoding="utf-8", newline="")
    original = path.read_bytes()
    fields = dict(case["event"])
    try:
        event = chronology.Event(**{**fields, "when": chronology.parse(fields["when"])})
        file = EventFile.open(path)
        file.add(event)
        file.save()
    except ChronologyError:
        assert path.read_bytes() == original, "a refused change altered the file"
        return
    saved = chronology.load(path)[event.id]
    for key in ("title", "when", "kind", "tags", "actors", "summary", "extra"):
        assert getattr(saved, key) == getattr(event, key), f"{key}: {getattr(saved, key)!r} != {getattr(event, key)!r}"
    file = EventFile.open(path)
    file.remove(event.id)
    file.save()
    restored = path.read_bytes()
    if _ends_with_one_line_break(original):
        assert restored == original, "adding then removing an event changed the file"
    else:  # a missing final line break is added, a final blank line dropped; nothing else changes
        assert restored.rstrip(b"\r\n") == original.rstrip(b"\r\n"), "adding then removing an event changed the file"


def _ends_with_one_line_break(data: bytes) -> bool:
    return data.endswith(b"\n") and not data.endswith((b"\n\n", b"\n\r\n")) and bool(data.strip())


def run_cli_add(case: Case) -> None:
    """``chronology add`` with these options: exit 0 (the event added) or 1 (one line per problem, file unchanged)."""
    from chronology.cli import main

    path = folder() / "cli.toml"
    path.write_text(SMALL, encoding="utf-8")
    options = [f"--id={case['id']}", f"--title={case['title']}", f"--when={case['when']}"]
    if case.get("anchor") is not None:
        options.append(f"--anchor={case['anchor']}")
    out, err = io.StringIO(), io.StringIO()
    code = main(["add", str(path), *options], out=out, err=err)
    if code == 0:
        assert case["id"] in chronology.load(path), "added, but not in the file"
        return
    assert code == 1, f"exit code {code}"
    assert err.getvalue().strip(), "refused without a word"
    assert path.read_text(encoding="utf-8") == SMALL, "a refused add changed the file"


TARGETS: Final[dict[str, Callable[[Case], None]]] = {
    "parse": run_parse,
    "parse_expression": run_parse_expression,
    "quantity": run_quantity,
    "load_text": run_load_text,
    "load_bytes": run_load_bytes,
    "edit": run_edit,
    "cli_add": run_cli_add,
}


@cache
def folder() -> Path:
    """A folder, made once per process, with files an event file under test may include."""
    made = Path(tempfile.mkdtemp(prefix="chronology-fuzz-"))
    (made / "part.toml").write_text('[[events]]\nid = "p"\ntitle = "P"\nwhen = "2024-06"\n', encoding="utf-8")
    (made / "loop.toml").write_text('include = ["events.toml"]\n', encoding="utf-8")
    (made / "binary.toml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (made / "sub").mkdir()
    (made / "sub" / "deeper.toml").write_text('include = ["../part.toml"]\n', encoding="utf-8")
    return made


# == dates ==========================================================================================================

FRAGMENTS: Final = [
    *"0123456789", "00", "12", "31", "29", "2024", "1985", "0000", "9999", "99999",
    "-", "/", "~", "?", "%", "X", "XX", "XXXX", ".", "..", "[", "]", "{", "}", ",", ", ",
    "W", "w", "T", "t", "Z", "+", "Y", "Y-", "E", "S", "e", ":", "P1W",
    "2024-10-18", "2024-10", "T10:00", "T23:59:59.5", "+09:00", "21", "33", "40", "W41", "W53-7", "366",
    " ", "  ", "\t", "\n", "\x00", "\u00a0", "\u200b", "\ufeff", "\u202e", "\u2013", "\u00e9", "\uff12", "\U0001f4c5",
    "june", "June", "Sept.", "friday", "Fri", "ago", "three", "a few", "several", "21", "weeks", "week", "days",
    "months", "years", "the second week of", "the", "of", "early", "mid-", "late", "last", "next", "this", "in ",
    "on ", "during ", "as of ", "before", "after", "earlier", "later", "from now", "earlier this month",
    "this past week", "in recent months", "that day", "st", "rd", "1950-1953", "around",
]  # fmt: skip
ANCHORS: Final = [
    None, "2024-10-18", "2024-11-17T14:30+09:00", "[2024-10-28..2024-10-31]", "2024-06", "2024-06~", "1XXX",
    "0001-01-01", "9999-12-31", "0000", "-0500", "Y-100000", "Y1000000000", "2024-24",
]  # fmt: skip


def date_texts() -> st.SearchStrategy[str]:
    """Random text, and text assembled from the fragments dates are made of."""
    return st.one_of(
        st.text(max_size=40),
        st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
        st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join),
    )


def parse_cases() -> st.SearchStrategy[dict[str, Any]]:
    """Inputs of the ``parse`` and ``parse_expression`` targets."""
    return st.fixed_dictionaries(
        {
            "text": date_texts(),
            "anchor": st.sampled_from(ANCHORS),
            "tense": st.sampled_from([tense.value for tense in Tense]),
        }
    )


def figure_texts() -> st.SearchStrategy[str]:
    """Claimed figures: random text and assembled ones."""
    parts = ["about", "up to", "more than", "at least", "$", "\u20ac", "1", "500", ",000", ".5", " ", "  ", "-"]
    parts += ["to", "and", "million", "k", "thousand", "\u2013", "9" * 50, "\t", "~", ">"]
    return st.one_of(st.text(max_size=30), st.lists(st.sampled_from(parts), max_size=10).map("".join))


# == event files ====================================================================================================

SMALL: Final = """\
title = "Fuzzed"
include = ["part.toml"]

[[sources]]
id = "s"
outlet = "Wire"
published = "2024-10-18"

[[sources]]
id = "undated"
published = "[2024-10-28..2024-10-31]"

[[events]]
id = "a"
title = "A"
when = "Friday"
anchor = "s"
reports = ["b"]
tags = ["x", "y"]

[[events.citations]]
source = "s"
quote = "A sentence."

[[events.claims]]
subject = "troops"
value = "about 1,500"
said = "two days ago"
anchor = "s"
unit = "soldiers"

[[events]]
id = "b"
title = "B"
when = "the second week of October"
anchor = "a"
part_of = "c"
after = ["p"]

[[events]]
id = "c"
title = "C"
when = "2024-06/2024-12"
tense = "either"

[events.extra]
note = "kept"
n = 3
"""
SHOWCASE: Final = (ROOT / "events.toml").read_text(encoding="utf-8")
KEYS: Final = [
    "id", "title", "when", "anchor", "tense", "kind", "actors", "places", "tags", "summary", "after", "before",
    "part_of", "reports", "citations", "claims", "extra", "published", "include", "source", "subject", "value",
    "said", "quote", "unit", "outlet", "sources", "events", "titel", "",
]  # fmt: skip
STRANGE: Final = ["\x00", "\x07", "\n", "\t", "\u200b", "\ufeff", "\u202e", "\u00a0", "\U0001f4c5", "\\", '"', "'"]


def _values() -> st.SearchStrategy[Any]:
    """Values of every TOML type, and ids and dates that mean something here."""
    return st.one_of(
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.text(max_size=12),
        st.sampled_from(["a", "b", "c", "s", "p", "undated", "Friday", "2024-13", "", "..", "a b", "x" * 5000]),
        st.sampled_from(["part.toml", "loop.toml", "binary.toml", "sub", "sub/deeper.toml", "../x.toml", "/etc"]),
        st.dates(),
        st.datetimes(),
        st.times(),
        st.lists(st.sampled_from(["a", "b", "c", "p", "zz", "", "a b"]), max_size=3),
        st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
        st.lists(st.fixed_dictionaries({"source": st.sampled_from(["s", "zz", ""])}), max_size=2),
    )


def _tables(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every table of a document: itself, its sources and events, their citations and claims."""
    found = [document]
    for key in ("sources", "events"):
        for table in document.get(key, []) if isinstance(document.get(key), list) else []:
            if isinstance(table, dict):
                found.append(table)
                for inner in ("citations", "claims"):
                    items = table.get(inner)
                    if isinstance(items, list):
                        found.extend(item for item in items if isinstance(item, dict))
    return found


def _strings(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every string in a document."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _strings(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _strings(item, (*path, index))]
    return []


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value if item is not None]
    return value


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    """A sound event file, changed by a few structured mutations."""
    document: dict[str, Any] = rtoml.loads(draw(st.sampled_from([SMALL, SHOWCASE])))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        tables = _tables(document)
        table = draw(st.sampled_from(tables))
        kind = draw(
            st.sampled_from(["drop", "swap", "unknown", "duplicate", "anchor", "link", "characters", "include"])
        )
        if kind == "drop" and table:
            del table[draw(st.sampled_from(sorted(table)))]
        elif kind == "swap" and table:
            table[draw(st.sampled_from(sorted(table)))] = draw(_values())
        elif kind == "unknown":
            table[draw(st.sampled_from(KEYS))] = draw(_values())
        elif kind == "duplicate":
            events = document.get("events")
            if isinstance(events, list) and events:
                events.append(dict(draw(st.sampled_from(events))))
        elif kind in ("anchor", "link"):
            ids = [t.get("id") for t in tables if isinstance(t.get("id"), str)] + ["zz", ""]
            key = "anchor" if kind == "anchor" else draw(st.sampled_from(["after", "before", "reports", "part_of"]))
            target = draw(st.sampled_from(ids))
            table[key] = target if key in ("anchor", "part_of") else [target]
        elif kind == "characters":
            paths = _strings(document)
            if paths:
                path = draw(st.sampled_from(paths))
                parent: Any = document
                for step in path[:-1]:
                    parent = parent[step]
                text = parent[path[-1]]
                at = draw(st.integers(min_value=0, max_value=len(text)))
                parent[path[-1]] = text[:at] + draw(st.sampled_from(STRANGE)) + text[at:]
        elif kind == "include":
            document["include"] = [draw(_values())]
    try:
        return rtoml.dumps(_without_none(document))
    except Exception:  # a document rtoml cannot write (not chronology's concern)
        assume(False)
        raise


@st.composite
def edited_texts(draw: st.DrawFn) -> str:
    """A sound event file's text with characters inserted, removed or lines repeated."""
    text = draw(st.sampled_from([SMALL, SHOWCASE]))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        cut = draw(st.integers(min_value=0, max_value=20))
        inserted = draw(
            st.one_of(st.text(max_size=6), st.sampled_from(STRANGE), st.sampled_from(["[[events]]\n", "=", "\n"]))
        )
        text = text[:at] + inserted + text[at + cut :]
    return text


def event_file_texts() -> st.SearchStrategy[str]:
    """Text for ``load_text``: random, mutated structurally, or edited character by character."""
    return st.one_of(st.text(max_size=200), mutated_files(), edited_texts())


def file_bytes() -> st.SearchStrategy[str]:
    """Bytes for ``load`` (base64): random, or a sound file with bytes flipped."""

    @st.composite
    def flipped(draw: st.DrawFn) -> bytes:
        data = bytearray(SMALL.encode())
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            data[draw(st.integers(min_value=0, max_value=len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)

    return st.one_of(st.binary(max_size=200), flipped()).map(lambda data: base64.b64encode(data).decode())


_WHENS: Final = [
    "2024-10-18", "2024-06", "2024", "2024-06~", "1984?", "201X", "2024-W41", "2024-21", "[2024-10-07..2024-10-13]",
    "2024-06/2024-08", "2022-02/..", "../2024-01", "2024-06/", "Y-12345", "-0044-03-15", "2024-10-18T14:30+09:00",
    "June 2024", "1950-1953", "October 3, 2024",
]  # fmt: skip
_PLAIN: Final = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


def edits() -> st.SearchStrategy[dict[str, Any]]:
    """Inputs of the ``edit`` target: a sound file and an event to add to it."""
    extra_values = st.one_of(
        st.text(max_size=10),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.lists(st.integers(min_value=0, max_value=9), max_size=3),
    )
    event = st.fixed_dictionaries(
        {
            "id": st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda i: len(i) < 40),
            "title": _PLAIN,
            "when": st.sampled_from(_WHENS),
        },
        optional={
            "kind": _PLAIN,
            "tags": st.lists(_PLAIN, max_size=3),
            "actors": st.lists(_PLAIN, max_size=3),
            "summary": _PLAIN,
            "extra": st.dictionaries(_PLAIN.filter(bool), extra_values, max_size=3),
        },
    )
    files = st.sampled_from([SMALL, SHOWCASE, "", "# only a comment\n", 'title = "T"', SMALL.replace("\n", "\r\n")])
    return st.fixed_dictionaries({"file": files, "event": event})


#: The strategy that builds each target's inputs.
STRATEGIES: Final[dict[str, st.SearchStrategy[Any]]] = {
    "parse": parse_cases(),
    "parse_expression": parse_cases(),
    "quantity": st.fixed_dictionaries({"text": figure_texts()}),
    "load_text": st.fixed_dictionaries({"text": event_file_texts()}),
    "load_bytes": st.fixed_dictionaries({"bytes": file_bytes()}),
    "edit": edits(),
    "cli_add": st.fixed_dictionaries(
        {
            "id": st.one_of(
                st.from_regex(ID_PATTERN, fullmatch=True), st.text(max_size=8), st.sampled_from(["a", "s"])
            ),
            "title": st.text(max_size=20),
            "when": date_texts(),
            "anchor": st.sampled_from([None, "s", "undated", "a", "c", "zz", ""]),
        }
    ),
}
