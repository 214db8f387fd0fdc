"""Where keys are written in a TOML text: line and column of each, found on demand.

The fast TOML reader gives values but no positions, so when a problem must be
placed in the file, the text is scanned once, line by line, for table headers
and keys. Only error paths pay for this.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = ["Spot", "locate"]

Path = tuple[str | int, ...]

_HEADER: Final = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.\- \"']+?)\s*\]\]?\s*(?:#.*)?$")
_KEY: Final = re.compile(r"(\s*)([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*(?:\.\s*[A-Za-z0-9_\-\"']+\s*)*=\s*")
_STRINGS: Final = re.compile(r"\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\]|\\.)*\"|'[^']*'")
_ARRAYS_OF_TABLES: Final = {"sources": (), "events": (), "events.claims": ("events",), "events.citations": ("events",)}


@attrs.frozen
class Spot:
    """Where a key or table header is written (1-based line and columns)."""

    line: int
    column: int
    value_column: int | None = None


def locate(text: str) -> dict[Path, Spot]:
    """Map each table (``("events", 3)``) and key (``("events", 3, "when")``) to where it is written.

    Arrays of tables are numbered from 0 in the order written; nested ones
    (``[[events.claims]]``) are numbered within their event.
    """
    spots: dict[Path, Spot] = {}
    counts: dict[Path, int] = {}
    table: Path = ()
    closing: str | None = None  # the quotes that end a multi-line string in progress
    depth = 0  # open brackets of a multi-line array or inline table in progress
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if line.count(closing) % 2 == 1:
                closing = None
            continue
        if depth > 0:
            depth += _depth(line)
            continue
        if line.lstrip().startswith("["):
            header = _HEADER.match(line)
            if header is None:
                continue
            name = re.sub(r"\s*\.\s*", ".", header[2].replace('"', "").replace("'", ""))
            table = _table_path(name, header[1] == "[[", counts, table)
            spots.setdefault(table, Spot(number, len(line) - len(line.lstrip()) + 1))
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        name = key[2].strip("\"'")
        value_start = key.end()
        spots.setdefault((*table, name), Spot(number, len(key[1]) + 1, value_start + 1))
        rest = line[value_start:]
        for quotes in ('"""', "'''"):
            if rest.startswith(quotes) and rest.count(quotes) == 1:
                closing = quotes
        if closing is None and rest[:1] in "[{":
            depth = _depth(rest)
    return spots


def _table_path(name: str, array: bool, counts: dict[Path, int], current: Path) -> Path:
    parts = name.split(".")
    if array and name in _ARRAYS_OF_TABLES:
        parent: Path = ()
        if _ARRAYS_OF_TABLES[name]:  # nested in the current event
            parent = current[:2] if len(current) >= 2 and current[0] == "events" else ("events", -1)
        key: Path = (*parent, parts[-1])
        index = counts.get(key, 0)
        counts[key] = index + 1
        return (*key, index)
    if name.startswith("events.") and len(current) >= 2 and current[0] == "events":
        return (*current[:2], *parts[1:])
    if name.startswith("sources.") and len(current) >= 2 and current[0] == "sources":
        return (*current[:2], *parts[1:])
    return tuple(parts)


def _depth(text: str) -> int:
    """Net open brackets on a line, outside strings and comments."""
    bare = _STRINGS.sub("", text).split("#", 1)[0]
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")
