"""What an event file may hold: the keys of each table and the shape of each value.

The reference page ``docs/reference/event-file.md`` documents the same keys; a test keeps
the two in step.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Final

from chronology.errors import _shorten

__all__ = [
    "CITATION_KEYS",
    "CLAIM_KEYS",
    "EVENT_KEYS",
    "READING_KEYS",
    "REQUIRED",
    "SHAPES",
    "SOURCE_KEYS",
    "SURROGATE",
    "TOML_INTEGERS",
    "TOP_KEYS",
    "KeyPath",
    "describe",
    "fits",
    "lone_surrogates",
    "not_in_toml",
    "surrogate_message",
]

#: Where something sits in a document: keys and array indexes, ``("events", 3, "extra", "x", 0)``.
KeyPath = tuple[str | int, ...]

# What each table may hold: key -> expected shape ("text", "texts", "date", "tables", "table", "figure").
TOP_KEYS: Final = {"title": "text", "include": "texts", "reading": "table", "sources": "tables", "events": "tables"}
#: How a file's dates are read: settings that belong to the file that writes them (its includes inherit them).
READING_KEYS: Final = {"widening": "table", "calendar": "text", "zone": "text"}
SOURCE_KEYS: Final = {
    "id": "text",
    "outlet": "text",
    "title": "text",
    "authors": "texts",
    "published": "date",
    "url": "text",
    "note": "text",
    "zone": "text",
    "calendar": "text",
    "published_after": "texts",
    "published_before": "texts",
    "drafted": "texts",  # written by `chronology draft`: digests of what was drafted from the source
}
EVENT_KEYS: Final = {
    "id": "text",
    "title": "text",
    "when": "date",
    "anchor": "text",
    "tense": "text",
    "kind": "text",
    "actors": "texts",
    "places": "texts",
    "tags": "texts",
    "summary": "text",
    "after": "texts",
    "before": "texts",
    "part_of": "text",
    "reports": "texts",
    "citations": "tables",
    "claims": "tables",
    "extra": "table",
}
CITATION_KEYS: Final = {"source": "text", "quote": "text", "locator": "text", "when": "text"}
CLAIM_KEYS: Final = {
    "subject": "text",
    "value": "figure",
    "unit": "text",
    "claimant": "text",
    "source": "text",
    "said": "date",
    "anchor": "text",
    "quote": "text",
}
REQUIRED: Final = {
    "source": {"id": None},
    "event": {"id": None, "title": None, "when": None},
    "citation": {"source": None},
    "claim": {"subject": None, "value": None},
}  # dicts: ordered like sets, and their keys() compare with a table's keys() in C
SHAPES: Final = {
    "text": "a string",
    "texts": "an array of strings",
    "date": 'a date as a string ("2024-10-18", "June 2024", "Friday") or a TOML date',
    "tables": "an array of tables",
    "table": "a table",
    "figure": 'a number or a string ("1,500", "up to 15,000")',
}


def fits(value: object, shape: str) -> bool:
    """Whether ``value`` has the shape a key expects (cheapest checks first: most values are text)."""
    kind = value.__class__
    if shape == "text":
        return kind is str or isinstance(value, str)
    if shape == "texts":
        if kind is not list:
            return False
        if len(value) == 1:  # type: ignore[arg-type]
            return value[0].__class__ is str  # type: ignore[index]  # most lists of names and links hold one
        return all(v.__class__ is str for v in value)  # type: ignore[attr-defined]
    if shape == "date":
        return isinstance(value, str | datetime.date | datetime.time)
    if shape == "tables":
        return kind is list and all(v.__class__ is dict for v in value)  # type: ignore[attr-defined]
    if shape == "table":
        return kind is dict
    return isinstance(value, str | int | float) and kind is not bool  # a figure


def describe(value: object) -> str:
    """The kind of a TOML value, for messages: "a number (5)", "an array of tables"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({_shorten(value)!r})"
    if isinstance(value, list):
        return "an array" if all(not isinstance(v, dict) for v in value) else "an array of tables"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date | datetime.time):
        return f"a TOML date ({value.isoformat()})"
    return type(value).__name__


#: The integers a TOML file can hold (64-bit, signed).
TOML_INTEGERS: Final = range(-(2**63), 2**63)
SURROGATE: Final = re.compile("[\ud800-\udfff]")
_ACCEPTED: Final = "text, a number, a boolean, a date or time, or an array or table of these"


def not_in_toml(value: object, where: KeyPath, field: str) -> Iterator[tuple[KeyPath, str, str]]:
    """Every part of ``value`` a TOML file cannot hold (null, integers beyond 64 bits, other objects).

    Lone surrogates in text are found by :func:`lone_surrogates`.

    Args:
        value: a value as a parser gives it, or as Python code built it.
        where: the key path of ``value``.
        field: its name in messages (``extra.x``); deeper parts are named ``extra.x[1][0]``, ``extra.x.y``.

    Yields:
        ``(key path, field, message)`` for each part that cannot be written, in document order.

    """
    stack: list[tuple[KeyPath, str, object]] = [(where, field, value)]
    while stack:
        where, field, value = stack.pop()
        if value is None:
            yield where, field, f"is null, which TOML cannot hold: leave the key out, or give a value ({_ACCEPTED})"
        elif isinstance(value, str | bool | float | datetime.date | datetime.time):
            continue
        elif isinstance(value, int):
            if value not in TOML_INTEGERS:
                number = f"the integer {value}" if abs(value) < 10**30 else f"an integer of {value.bit_length()} bits"
                yield where, field, f"{number} is beyond what TOML holds (-2^63 to 2^63 - 1): write it as text"
        elif isinstance(value, Mapping):
            parts: list[tuple[KeyPath, str, object]] = []
            for key, item in value.items():
                if not isinstance(key, str):
                    yield where, field, f"has the key {key!r} ({type(key).__name__}); TOML keys are text"
                    continue
                parts.append(((*where, key), f"{field}.{key}" if field else key, item))
            stack.extend(reversed(parts))
        elif isinstance(value, list | tuple):
            stack.extend(reversed([((*where, i), f"{field}[{i}]", item) for i, item in enumerate(value)]))
        else:
            yield where, field, f"is {_article(type(value).__name__)}, which TOML cannot hold; accepted: {_ACCEPTED}"


def lone_surrogates(value: object, where: KeyPath, field: str) -> Iterator[tuple[KeyPath, str, str]]:
    """Every text (value or key) in ``value`` that holds a lone surrogate, which no UTF-8 file can hold.

    A lone surrogate is half of a UTF-16 pair (the JSON escape backslash-u-D800, or a Python
    string built from one): it is not a character, so it cannot be written.

    Yields:
        ``(key path, field, message)`` for each, in document order (as :func:`not_in_toml`).

    """
    stack: list[tuple[KeyPath, str, object]] = [(where, field, value)]
    while stack:
        where, field, value = stack.pop()
        if isinstance(value, str):
            found = SURROGATE.search(value)
            if found is not None:
                yield where, field, surrogate_message(value, found.start())
        elif isinstance(value, Mapping):
            parts: list[tuple[KeyPath, str, object]] = []
            for key, item in value.items():
                name = f"{field}.{key}" if field else str(key)
                if isinstance(key, str) and (found := SURROGATE.search(key)) is not None:
                    yield where, field or name, f"the key {_shorten(key)!r} {surrogate_message(key, found.start())}"
                    continue
                parts.append(((*where, key), name, item))
            stack.extend(reversed(parts))
        elif isinstance(value, list | tuple):
            stack.extend(reversed([((*where, i), f"{field}[{i}]", item) for i, item in enumerate(value)]))


def surrogate_message(text: str, index: int, *, position: bool = True) -> str:
    """Why ``text``, with a lone surrogate at ``index``, cannot be written, and what to do.

    The message counts characters from 1, as columns are (``index`` is 0-based); ``position=False`` leaves
    out where (for a problem placed at the surrogate's line and column).
    """
    at = f" at character {index + 1}" if position else ""
    return (
        f"holds a lone surrogate (U+{ord(text[index]):04X}){at}: half of a UTF-16 pair, not a character, "
        "so it is not valid Unicode and cannot be written as UTF-8; "
        "give the whole character (both halves of the pair) or remove it"
    )


def _article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
