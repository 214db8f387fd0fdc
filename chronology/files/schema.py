"""What an event file may hold: the keys of each table and the shape of each value.

The reference page ``docs/reference/event-file.md`` documents the same keys; a test keeps
the two in step.
"""

from __future__ import annotations

import datetime
from typing import Final

from chronology.errors import _shorten

__all__ = [
    "CITATION_KEYS",
    "CLAIM_KEYS",
    "EVENT_KEYS",
    "REQUIRED",
    "SHAPES",
    "SOURCE_KEYS",
    "TOP_KEYS",
    "describe",
    "fits",
]

# What each table may hold: key -> expected shape ("text", "texts", "date", "tables", "table", "figure").
TOP_KEYS: Final = {"title": "text", "include": "texts", "sources": "tables", "events": "tables"}
SOURCE_KEYS: Final = {
    "id": "text",
    "outlet": "text",
    "title": "text",
    "authors": "texts",
    "published": "date",
    "url": "text",
    "note": "text",
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
CITATION_KEYS: Final = {"source": "text", "quote": "text"}
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
        return kind is list and all(v.__class__ is str for v in value)  # type: ignore[attr-defined]
    if shape == "date":
        return isinstance(value, str | datetime.date | datetime.time)
    if shape == "tables":
        return kind is list and all(v.__class__ is dict for v in value)  # type: ignore[attr-defined]
    if shape == "table":
        return kind is dict
    return isinstance(value, str | int | float) and kind is not bool  # a figure


def describe(value: object) -> str:
    """The kind of a TOML value, for messages: "a number (5)", "an array of tables"."""
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
