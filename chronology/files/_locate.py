"""Where keys are written in a TOML text: line and column of each, found on demand.

The fast TOML reader gives values but no positions, so when a problem must be
placed in the file, the text is scanned once, line by line, for table headers
and keys. Only error paths pay for this.
"""

from __future__ import annotations

import json
import re
from typing import Final

import attrs

__all__ = ["Spot", "locate"]

Path = tuple[str | int, ...]

# Every quantifier below is possessive (``*+``, ``++``, ``?+``): what it takes is never given back, so each
# pattern reads a line in time linear in its length, whatever the line holds. (A greedy ``\s*`` beside a lazy
# ``[ ...]+?`` that took spaces too tried every split of a run of spaces: cubic, 17 s for 3,200 spaces.)
#: One key as TOML writes it: bare, "basic" (with backslash escapes) or 'literal'.
_PART: Final = r"""[A-Za-z0-9_\-]++|"(?:[^"\\]++|\\.)*+"|'[^']*+'"""
#: A dotted key: parts joined by dots, with spaces or tabs around each dot.
_DOTTED: Final = rf"(?:{_PART})(?:[ \t]*+\.[ \t]*+(?:{_PART}))*+"
#: A table header line, ``[a.b]`` or ``[[events]]``, maybe indented, maybe followed by a comment (``fullmatch``).
_HEADER: Final = re.compile(rf"[ \t]*+(\[\[?+)[ \t]*+({_DOTTED})[ \t]*+(\]\]?+)[ \t]*+(?:#.*+)?+")
#: The start of a ``key = value`` line, up to the value (``match``).
_KEY: Final = re.compile(rf"([ \t]*+)({_PART})[ \t]*+(?:\.[ \t]*+(?:{_PART})[ \t]*+)*+=[ \t]*+")
#: Each part of a dotted key that :data:`_HEADER` or :data:`_KEY` matched (``finditer``): bare, basic, literal.
#: The closing quotes are optional, so that on other text too a quote left open ends the search rather than
#: making it start again at every quote after it (quadratic).
_PARTS: Final = re.compile(r"""([A-Za-z0-9_\-]++)|"((?:[^"\\]++|\\.?+)*+)"?+|'([^']*+)'?+""")
#: The strings of a line (each running to the end of the line when not closed on it) and its comment (``sub``).
_STRINGS_AND_COMMENT: Final = re.compile(
    r'"""(?:[^"\\]++|\\.?+|"(?!""))*+(?:"""(?:""?+)?+)?+'  # """multi-line basic""" ending in up to five quotes
    r"|'''(?:[^']++|'(?!''))*+(?:'''(?:''?+)?+)?+"  # '''multi-line literal'''
    r'|"(?:[^"\\]++|\\.?+)*+"?+'  # "basic"
    r"|'[^']*+'?+"  # 'literal'
    r"|#.*+"  # a comment
)
#: The arrays of tables numbered as the reader numbers them, each with whether it is nested in the current event.
_ARRAYS_OF_TABLES: Final = {
    ("sources",): False,
    ("events",): False,
    ("events", "claims"): True,
    ("events", "citations"): True,
}


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
            header = _HEADER.fullmatch(line)
            if header is None or len(header[1]) != len(header[3]):
                continue
            table = _table_path(_names(header[2]), header[1] == "[[", counts, table)
            spots.setdefault(table, Spot(number, len(line) - len(line.lstrip()) + 1))
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        name = _names(key[2])[0]
        value_start = key.end()
        spots.setdefault((*table, name), Spot(number, len(key[1]) + 1, value_start + 1))
        rest = line[value_start:]
        for quotes in ('"""', "'''"):
            if rest.startswith(quotes) and rest.count(quotes) == 1:
                closing = quotes
        if closing is None and rest[:1] in "[{":
            depth = _depth(rest)
    return spots


def _names(dotted: str) -> tuple[str, ...]:
    """The parts of a dotted key as TOML reads them: ``a . "b.c"`` is ``("a", "b.c")``."""
    names = []
    for part in _PARTS.finditer(dotted):
        bare, basic, literal = part.groups()
        names.append(_unescaped(basic) if basic is not None else bare or literal or "")
    return tuple(names)


def _unescaped(basic: str) -> str:
    """A basic string's content with its escapes read (as JSON reads them; as written where JSON cannot read it)."""
    if "\\" not in basic:
        return basic
    try:
        text = json.loads(f'"{basic}"', strict=False)
    except ValueError:  # TOML escapes that JSON lacks, such as \U0001F600 or \e
        return basic
    return text if isinstance(text, str) else basic


def _table_path(parts: tuple[str, ...], array: bool, counts: dict[Path, int], current: Path) -> Path:
    if array and parts in _ARRAYS_OF_TABLES:
        parent: Path = ()
        if _ARRAYS_OF_TABLES[parts]:  # nested in the current event
            parent = current[:2] if len(current) >= 2 and current[0] == "events" else ("events", -1)
        key: Path = (*parent, parts[-1])
        index = counts.get(key, 0)
        counts[key] = index + 1
        return (*key, index)
    if len(parts) > 1 and parts[0] in ("events", "sources") and len(current) >= 2 and current[0] == parts[0]:
        return (*current[:2], *parts[1:])
    return parts


def _depth(text: str) -> int:
    """Net open brackets on a line, outside strings and comments."""
    bare = _STRINGS_AND_COMMENT.sub("", text)
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")
