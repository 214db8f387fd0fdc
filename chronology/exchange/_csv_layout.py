"""The layout of a spreadsheet of events: its columns, and how a cell holds text.

What :mod:`chronology.exchange.as_csv` writes and reads alike: the columns in
order, the lists in one cell (``join_list``, ``split_list``), and cells a
spreadsheet would run as formulas written as text (``defused``, ``restored``).
See that module for the format itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from chronology.exchange._csv_claims import CLAIM_COLUMNS

__all__ = [
    "AS_WRITTEN",
    "COLUMNS",
    "EXTRA",
    "KNOWN",
    "LISTS",
    "LOCATORS",
    "MEANT",
    "SOURCE_AS_WRITTEN",
    "SOURCE_COLUMNS",
    "SOURCE_LISTS",
    "TEXTS",
    "defused",
    "join_list",
    "restored",
    "split_list",
]

#: The columns :func:`~chronology.exchange.as_csv.to_csv` writes, in order, before the columns of ``extra`` keys.
COLUMNS: Final = (
    "id",
    "title",
    "earliest",
    "latest",
    "precision",
    "edtf",
    "kind",
    "actors",
    "tags",
    "sources",
    "when",
    "anchor",
    "tense",
    "places",
    "summary",
    "quotes",
    "after",
    "before",
    "part_of",
    "reports",
    "narrowed_earliest",
    "narrowed_latest",
    *CLAIM_COLUMNS,
)
#: The column of the citations' locators ("p. 23"), one per source of ``sources`` as ``quotes`` has: written after
#: ``quotes`` only where a citation of the timeline has one, so that a spreadsheet of events without them keeps its
#: columns.
LOCATORS: Final = "locators"
#: The columns' names, which a key of ``extra`` is not written as.
KNOWN: Final = frozenset((*COLUMNS, LOCATORS))
#: The columns of one text each, read as an event table's key of that name.
TEXTS: Final = ("anchor", "tense", "kind", "summary", "part_of")
#: The columns of lists (of names or ids), items separated by ``"; "``; citations and claims aside.
LISTS: Final = ("actors", "places", "tags", "after", "before", "reports")
#: Columns of free text, whose cells are kept as written (spaces around them too), as are those of ``extra``
#: columns. Other cells are stripped: ids, dates and names of things are matched, and list items are separated
#: by "; ".
AS_WRITTEN: Final = frozenset({"title", "summary"})
#: The prefix of an ``extra`` key's column where the key is also the name of a column.
EXTRA: Final = "extra."
#: Names of a column that a spreadsheet of events likely means as one of its list columns, by that column:
#: the singular, which is otherwise read as an ``extra`` key (a reader warns; ``extra.source`` keeps it so).
MEANT: Final = {
    "source": "sources",
    "actor": "actors",
    "tag": "tags",
    "place": "places",
    "quote": "quotes",
    "locator": "locators",
    "report": "reports",
}

#: The columns of the sources' spreadsheet (``events.sources.csv`` beside ``events.csv``), in order: the keys of
#: an ``[[sources]]`` table.
SOURCE_COLUMNS: Final = (
    "id",
    "outlet",
    "title",
    "authors",
    "published",
    "url",
    "note",
    "published_after",
    "published_before",
)
#: The sources' columns of lists, items separated by ``"; "`` as an event's are.
SOURCE_LISTS: Final = ("authors", "published_after", "published_before")
#: The sources' columns of free text, kept as written.
SOURCE_AS_WRITTEN: Final = frozenset({"title", "note"})


#: Where a spreadsheet may start a cell within the text of one: at its start, and after a character that some
#: spreadsheet splits cells or rows at (``;`` where the decimal mark is a comma, as in most of Europe; ``,``; a
#: tab; a line break, which ends a row where a ``"`` that is not at a cell's start opens no quoted cell). Then
#: what would start a formula there (``=``, ``+``, ``-``, ``@``, a tab or a carriage return), after any spaces,
#: quotes and ``'``, which a spreadsheet may drop. Possessive: linear in the cell.
_PART_START: Final = r"(?:\A|(?<=[;,\t\r\n]))"
_FORMULA_AHEAD: Final = r"(?=[ \"']*+[=+\-@\t\r])"
#: Where :func:`defused` puts a ``'`` (``sub``).
_FORMULA_PART: Final = re.compile(_PART_START + _FORMULA_AHEAD)
#: The ``'`` that :func:`defused` put (``sub``).
_DEFUSED_PART: Final = re.compile(_PART_START + "'" + _FORMULA_AHEAD)


def defused(cell: str) -> str:
    """A cell a spreadsheet shows as text: each part of it that would start a formula gets a leading ``'``.

    A part is the cell, or what follows a ``;``, ``,``, tab or line break in it:
    a spreadsheet that splits cells at ``;`` reads ``see;=cmd|...`` as two
    cells, whatever the file's separator. So does a part that already starts
    with ``'`` (or spaces and quotes) before such a character, so that reading
    gives the cell back as it was: ``'=x`` is written ``''=x``.
    """
    return _FORMULA_PART.sub("'", cell)


def restored(cell: str) -> str:
    """The cell :func:`defused` was given."""
    return _DEFUSED_PART.sub("", cell)


def join_list(items: Iterable[str]) -> str:
    """Items in one cell: separated by ``"; "``, each ``;`` in an item doubled.

    >>> join_list(["Kim Jong Un", "a; b"])
    'Kim Jong Un; a;; b'
    """
    return "; ".join(item.replace(";", ";;") for item in items)


def split_list(cell: str) -> list[str]:
    """The items of a cell written by :func:`join_list`: split at each single ``;``, ``;;`` read as ``;``, stripped.

    Empty items are kept (``"a; ; b"`` gives ``["a", "", "b"]``); an empty cell has no items.

    >>> split_list("Kim Jong Un; a;; b")
    ['Kim Jong Un', 'a; b']
    """
    if not cell.strip():
        return []
    items: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(cell):
        char = cell[index]
        if char == ";" and cell.startswith(";;", index):
            current.append(";")
            index += 2
            continue
        if char == ";":
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    items.append("".join(current).strip())
    return items
