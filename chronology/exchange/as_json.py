"""A timeline as JSON and back, losing nothing.

The document has the event file's shape (``docs/reference/event-file.md``) with a
format marker: ``{"chronology": "1", "title": ..., "sources": [...],
"events": [...]}``, each source and event a JSON object with the keys of an
``[[sources]]`` or ``[[events]]`` table. Dates are strings, written as the
event file writes them: the report's wording where it reads back to the same
value (``"Friday"`` with its ``anchor``), EDTF otherwise. Reading goes through
the event file's own reader, so a JSON document is checked exactly as an event
file is, with the same messages, placed at the line and column of the JSON
text. ``include`` is not allowed. A timeline with a zone is written with
``"reading": {"zone": ...}`` (see ``chronology.exchange._records.document``),
so that times worded in that zone ("early Monday") keep their wording and the
timeline read back has the same days. A timeline read in the Julian calendar
(its files' ``[reading] calendar = "julian"``) is written with ``"reading":
{"calendar": "julian"}``, its dates as worded where they read back so in it
(and a source whose date reads back only in the Gregorian calendar with
``"calendar": "gregorian"`` of its own), so that the events read back have
the same bounds, precision and qualifiers. :func:`json_schema` gives the JSON
Schema (draft 2020-12) of the document.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import importlib.resources
import json
import math
import re
from typing import Any, Final

from chronology.errors import EventFileError, Problem
from chronology.exchange._describe import bound_days, iso_day
from chronology.exchange._records import document, require_timeline
from chronology.files._locate import Spot
from chronology.files.load import KeyPath, load_document
from chronology.files.schema import TOP_KEYS, describe
from chronology.timeline import Timeline

__all__ = ["FORMAT_VERSION", "from_json", "json_schema", "to_json"]

#: The version of the JSON document this module writes and reads, in its ``"chronology"`` key.
FORMAT_VERSION: Final = "1"

_MARKER: Final = "chronology"
_TOP_KEYS: Final = {
    "$schema": "text",
    _MARKER: "text",
    **{key: shape for key, shape in TOP_KEYS.items() if key != "include"},
}
_SPACE: Final = re.compile(r"[ \t\n\r]*")
_MAX_DIGITS: Final = 4000  # below Python's own limit on reading integers
_DEPTH: Final = 5  # events / 3 / claims / 1 / value: the deepest place a problem is reported


def to_json(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as a JSON document that :func:`from_json` reads back to the same timeline.

    Every source and event is written with all its fields, dates as their
    wording with their anchor (or EDTF where the wording would not read back
    to the same value), claims with their figures as worded. A view (a
    query's result) is written self-contained: links to events outside it are
    left out and dates anchored to them are written as EDTF. ``extra`` values
    that JSON has no type for (TOML dates and times) are written as ISO 8601
    text. The same timeline always gives the same text.

    What the event file cannot say, JSON does not either: a claim without a
    source is read back as carried by its event's first citation, and a date
    whose wording does not read back, written as EDTF, keeps its bounds but
    takes the precision EDTF gives (a week built in Python, without its
    anchor, comes back as the days it spans).

    Args:
        timeline: the chronology.
        indent: spaces per level, or ``None`` for one line.

    Returns:
        The JSON text, ending in a newline.

    Raises:
        ValidationError: an ``extra`` value JSON cannot hold (a number that is
            not finite, an object that is not data).

    """
    require_timeline(timeline)
    content = {_MARKER: FORMAT_VERSION, **document(timeline)}
    for record in content["events"]:
        narrowed = timeline.narrowed(record["id"])
        if narrowed is not timeline[record["id"]].when:
            first, last = bound_days(narrowed, timeline.zone_info)
            record["narrowed"] = {"edtf": narrowed.to_edtf(), "earliest": iso_day(first), "latest": iso_day(last)}
    for record in content["sources"]:
        known = timeline.publication(record["id"])
        if known.inferred and known.value is not None:
            record["inferred_published"] = {
                "edtf": known.value.to_edtf(),
                "because": [link.reason for link in (*known.after, *known.before)],
            }
    return json.dumps(content, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def from_json(text: str | bytes, *, path: str = "<json>") -> Timeline:
    """Read a JSON document written by :func:`to_json` (or by hand, in the same shape) into a checked timeline.

    Args:
        text: the JSON text (bytes are read as UTF-8; a byte order mark is skipped).
        path: how problems name the document (``"data.json"``).

    Returns:
        The timeline, checked as an event file is.

    Raises:
        EventFileError: listing every problem found, each placed as
            ``data.json:line:column: event 'id', field 'when': message``:
            JSON syntax, a missing or unknown format version, and everything
            the event file's reader checks.

    """
    content = _text(text, path)
    try:
        data = json.loads(
            content, object_pairs_hook=_object, parse_constant=_constant, parse_float=_float, parse_int=_int
        )
    except json.JSONDecodeError as error:
        problem = Problem(f"JSON syntax: {error.msg}", path=path, line=error.lineno, column=error.colno)
        raise EventFileError([problem]) from None
    except _RefusedError as error:
        raise EventFileError([Problem(f"JSON: {error}", path=path)]) from None
    except (ValueError, RecursionError, MemoryError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error) or type(error).__name__
        raise EventFileError([Problem(f"JSON: {reason}", path=path)]) from None
    problems = []
    if isinstance(data, dict) and _MARKER not in data:
        start = len(content) - len(content.lstrip())  # the opening brace
        message = f'missing the format marker: add "{_MARKER}": "{FORMAT_VERSION}" at the top level'
        first_line = content.count("\n", 0, start) + 1
        first_column = start - (content.rfind("\n", 0, start) + 1) + 1
        problems.append(Problem(message, path=path, line=first_line, column=first_column))
    elif isinstance(data, dict):
        for key, value in ((_MARKER, data[_MARKER]), ("$schema", data.get("$schema", ""))):
            if isinstance(value, str) and (key != _MARKER or value == FORMAT_VERSION):
                continue
            spot = _spots(content).get((key,))
            at: tuple[int | None, int | None] = (spot.line, spot.value_column) if spot is not None else (None, None)
            line, column = at
            if isinstance(value, str):  # another version: the rest cannot be trusted to mean the same
                message = f"format version {value!r} is not one this library reads (it reads {FORMAT_VERSION!r})"
                raise EventFileError([Problem(message, path=path, line=line, column=column, field=key)])
            problems.append(
                Problem(f"expected a string, got {describe(value)}", path=path, line=line, column=column, field=key)
            )
    # written by to_json from the links and what the sources tell; worked out again from them, not read
    for table, key in (("events", "narrowed"), ("sources", "inferred_published")):
        records = data.get(table) if isinstance(data, dict) else None
        for record in records if isinstance(records, list) else ():
            if isinstance(record, dict):
                record.pop(key, None)
    try:
        timeline = load_document(data, path=path, text=content, locator=_spots, top_keys=_TOP_KEYS)
    except EventFileError as error:
        raise EventFileError([*problems, *error.problems]) from None
    if problems:
        raise EventFileError(problems)
    return timeline


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document :func:`to_json` writes.

    The schema checks the shape (keys, types, ids, required keys); the dates,
    figures and references it cannot check are checked by :func:`from_json`.
    It ships with the package as ``chronology/exchange/chronology.schema.json``.

    Returns:
        A fresh copy of the schema.

    """
    result: dict[str, Any] = json.loads(_schema_text())
    return result


@functools.cache
def _schema_text() -> str:
    return importlib.resources.files("chronology.exchange").joinpath("chronology.schema.json").read_text("utf-8")


class _RefusedError(ValueError):
    """Something the JSON reader refuses that is not a syntax error (a duplicate key, a number out of range)."""


def _text(text: object, path: str) -> str:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            message = f"is not UTF-8 text (byte 0x{text[error.start]:02x} at offset {error.start})"
            raise EventFileError([Problem(message, path=path)]) from None
    if not isinstance(text, str):
        raise EventFileError([Problem(f"expected JSON text (str or bytes), got {type(text).__name__}", path=path)])
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EventFileError(
            [Problem(f'empty: expected a JSON object ({{"{_MARKER}": "1", "events": [...]}})', path=path)]
        )
    return text


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedError(f"duplicate key {key!r} in an object; give each key once")
        result[key] = value
    return result


def _constant(name: str) -> float:
    raise _RefusedError(f"{name} is not a JSON number; give a finite number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _RefusedError(f"the number {text[:40]} is too large for a float")
    return value


def _int(text: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise _RefusedError(f"the number {text[:20]}... has {len(text):,} digits; at most {_MAX_DIGITS:,} are read")
    return int(text)


def _spots(text: str) -> dict[KeyPath, Spot]:
    """Where each key and array item is written in a JSON text already known to be valid.

    Walks the text once, down to the depth at which problems are reported;
    deeper values are skipped whole. A key's spot is its opening quote, with
    the column of its value when the value starts on the same line.
    """
    spots: dict[KeyPath, Spot] = {}
    breaks = [index for index, char in enumerate(text) if char == "\n"]
    decoder = json.JSONDecoder()

    def place(index: int) -> tuple[int, int]:
        line = bisect.bisect_right(breaks, index - 1)
        start = breaks[line - 1] + 1 if line else 0
        return line + 1, index - start + 1

    def skip(index: int) -> int:
        found = _SPACE.match(text, index)
        return found.end() if found is not None else index

    def walk(index: int, where: KeyPath) -> int:
        char = text[index]
        if char == "{" and len(where) < _DEPTH:
            index = skip(index + 1)
            while text[index] != "}":
                key, after = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
                value = skip(skip(after) + 1)
                line, column = place(index)
                value_line, value_column = place(value)
                spots.setdefault((*where, key), Spot(line, column, value_column if value_line == line else None))
                index = skip(walk(value, (*where, key)))
                if text[index] == ",":
                    index = skip(index + 1)
            return index + 1
        if char == "[" and len(where) < _DEPTH:
            index = skip(index + 1)
            count = 0
            while text[index] != "]":
                line, column = place(index)
                spots.setdefault((*where, count), Spot(line, column, column))
                index = skip(walk(index, (*where, count)))
                count += 1
                if text[index] == ",":
                    index = skip(index + 1)
            return index + 1
        _, end = decoder.raw_decode(text, index)
        return int(end)

    with contextlib.suppress(IndexError, ValueError, RecursionError):
        walk(skip(0), ())  # else the places found so far: a problem without one is still reported
    return spots
