"""A timeline as a spreadsheet (CSV), one row per event, and a spreadsheet of events as a timeline.

The columns, in the order written:

``id, title, earliest, latest, precision, edtf, kind, actors, tags, sources,
when, anchor, tense, places, summary, quotes, after, before, part_of, reports,
narrowed_earliest, narrowed_latest``

then one column per key of the events' ``extra`` (named ``extra.<key>`` where
the key is also the name of a column above). ``earliest`` and ``latest`` are
the first and last possible days (ISO 8601; empty for an open or unknown
end; a time with an offset on its days in the timeline's zone, as every query
places it, as are ``narrowed_earliest`` and ``narrowed_latest``), ``precision``
the unit the date names (of something lasting, the coarser of its ends'),
``edtf`` the date itself, ``when`` the report's wording where it differs from
``edtf`` (read from ``anchor``; a time of day it gives without an offset, "early
Monday" read in a file's ``[reading] zone``, is at the offset ``edtf`` gives). ``sources`` lists the source of
each citation, ``quotes`` the quote of each, in the same order (empty when no
citation has one). Claims and the sources' own details are not written: use
JSON (:mod:`chronology.exchange.as_json`) for those.

Lists (``actors``, ``tags``, ``places``, ``sources``, ``quotes``, ``after``,
``before``, ``reports``) are written in one cell, items separated by ``"; "``;
a ``;`` inside an item is doubled (``";;"``). Reading splits at every single
``;``, turns ``;;`` back into ``;`` and strips spaces around items. Cells are
quoted as CSV needs and lines end in CRLF (RFC 4180). A cell that a
spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return, after any spaces and quotes: a title such
as ``=HYPERLINK(...)``) is written with a leading ``'``, which spreadsheets
show as text and reading removes again (as it does one ``'`` of a cell such as
``''=x``, which is how ``'=x`` is written). So is each part of a cell after a
``;``, ``,``, tab or line break in it: a spreadsheet that splits cells at
``;`` (as most European ones do) reads ``see;=cmd|...`` as two cells, the
second a formula, so it is written ``see;'=cmd|...``. That holds for every
cell: the header row's (an ``extra`` key is a column name), JSON values of
``extra`` and the dates' too, as a date before year 1 (``-0500-03-15``) is
otherwise reckoned as a subtraction; other dates never start with such a
character and are written as they are.

Reading accepts what spreadsheets write: a byte order mark, CRLF line ends,
``,``, ``;`` or tab between cells (whichever the header row uses), columns in
any order and any case, empty cells (read as absent) and columns of your own
(kept in each event's ``extra`` as text, a ``extra.`` prefix removed). Cells
of ``title``, ``summary`` and your own columns are kept as written, spaces
around them too; the others are read without surrounding spaces. A row
needs ``id``, ``title`` and a date: ``edtf``, else ``when`` (with ``anchor``
when relative), else ``earliest`` and ``latest`` (one day somewhere in that
range, ``[earliest..latest]``). The other date columns are checked against
that date: a disagreement is reported, not settled. ``precision`` also gives
the unit of a range of days, which EDTF does not write ("last week" is
``[2024-10-07..2024-10-13]``, precise to a week); beside ``earliest`` and
``latest`` alone, it must be one their days can have, that is one their
date, written in EDTF, reads back with: ``day`` for one day, ``day`` or
``month`` for a whole month, ``day`` or ``year`` for a whole year, ``week``
for a Monday to the Sunday after it, ``day`` for other days. When ``edtf``
is given, a ``when`` beside it is kept as the date's wording once checked to
read to the same date, its times without an offset taken at ``edtf``'s (left
out where it cannot be checked: relative to a source the spreadsheet does not
date).

Each id in ``sources`` names a source of the ``sources`` given to
:func:`from_csv`; an id that is not among them becomes a bare
``Source(id=...)``, with no outlet or date: a spreadsheet of events does not
say more about its sources, and nothing is invented. An ``anchor`` must name
an event of the spreadsheet, a given source or a cited one, except in a row
dated by its ``edtf``, whose date does not need it: an anchor there that
names none of these becomes a bare source too (an event may be read from a
source it does not cite), so that the date and the anchor are both kept,
and only the ``when`` beside them is left out, as it cannot be checked
against a source without a date. Rows are then checked as an event file
is, and every problem is reported with its row (counted as a spreadsheet
counts them, the header being row 1) and column.
A quote that opens a cell and is never closed, which would make the rest of
the file that one cell, is reported alone, with the row and column it opens.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from chronology.dates import DateValue, Interval, Precision, UncertainDate
from chronology.errors import ChronologyError, EventFileError, Problem
from chronology.events import ID_PATTERN, Source
from chronology.exchange._describe import bound_days, coarsest_precision, dated_ends, iso_day
from chronology.exchange._records import at_offsets, event_record, plain, require_timeline, source_record
from chronology.exchange._records import wording as date_wording
from chronology.files._locate import Spot
from chronology.files.load import KeyPath, load_document
from chronology.notation import parse, parse_expression
from chronology.relative import RelativeDate, Tense
from chronology.timeline import Timeline

__all__ = ["COLUMNS", "from_csv", "join_list", "split_list", "to_csv"]

#: The columns :func:`to_csv` writes, in order, before the columns of ``extra`` keys.
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
)
_KNOWN: Final = frozenset(COLUMNS)
_TEXTS: Final = ("anchor", "tense", "kind", "summary", "part_of")
_LISTS: Final = ("actors", "places", "tags", "after", "before", "reports")
#: Columns of free text, whose cells are kept as written (spaces around them too), as are those of ``extra``
#: columns. Other cells are stripped: ids, dates and names of things are matched, and list items are separated
#: by "; ".
_AS_WRITTEN: Final = frozenset({"title", "summary"})
_PRECISIONS: Final = ", ".join(p.value for p in Precision)
_EXTRA: Final = "extra."
_DATE_COLUMNS: Final = ("edtf", "when", "earliest", "latest")
_NEEDS: Final = "every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')"


def to_csv(timeline: Timeline) -> str:
    """The timeline as CSV text, one row per event, in the timeline's order.

    See the module's documentation for the columns and how lists are
    written. Links to events outside a view are left out, as in
    :func:`~chronology.exchange.as_json.to_json`.

    Args:
        timeline: the chronology (or a view of it).

    Returns:
        The CSV text, a header row first. Write it as bytes (or to a file
        opened with ``newline=""``) so that line ends are kept as they are.

    Raises:
        ValidationError: an ``extra`` value that cannot be written as text.

    """
    require_timeline(timeline)
    events = timeline.events
    dates: dict[str, DateValue] = {event.id: event.when for event in events}
    extra_columns: dict[str, str] = {}  # extra key -> column
    for event in events:
        for key in event.extra:
            if key not in extra_columns:
                clash = key.strip().casefold() in _KNOWN or key.startswith(_EXTRA)
                extra_columns[key] = _EXTRA + key if clash else key
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; a lone "\r" in a cell is then quoted too
    writer.writerow([_defused(column) for column in (*COLUMNS, *extra_columns.values())])
    for event in events:
        record = event_record(event, dates, timeline.sources)
        first, last = bound_days(event.when, timeline.zone_info)  # the timeline's days, as queries place them
        narrowed = timeline.narrowed(event.id)
        narrowed_first, narrowed_last = (
            bound_days(narrowed, timeline.zone_info) if narrowed is not event.when else (first, last)
        )
        edtf = event.when.to_edtf()
        # the wording, its times at the offsets of the EDTF beside it ("early Monday" read in the file's zone)
        anchor = _anchor(record["anchor"], timeline, timeline.sources) if "anchor" in record else None
        citations = record.get("citations", [])
        quotes = [citation.get("quote", "") for citation in citations]
        cells = {
            "id": event.id,
            "title": event.title,
            "earliest": iso_day(first),
            "latest": iso_day(last),
            "precision": coarsest_precision(event.when).value,
            "edtf": edtf,
            "kind": event.kind,
            "sources": join_list(citation["source"] for citation in citations),
            "when": date_wording(event.when, anchor, event.tense),
            "anchor": record.get("anchor", ""),
            "tense": record.get("tense", ""),
            "summary": event.summary,
            "quotes": join_list(quotes) if any(quotes) else "",
            "part_of": record.get("part_of", ""),
            "narrowed_earliest": iso_day(narrowed_first),
            "narrowed_latest": iso_day(narrowed_last),
        }
        for key in _LISTS:
            cells[key] = join_list(record.get(key, ()))
        row = [_defused(cells[column]) for column in COLUMNS]  # dates too: a spreadsheet reckons "-0500-03-15"
        for key in extra_columns:
            value = event.extra.get(key)
            if value is None:
                row.append("")
            elif isinstance(value, str):
                row.append(_defused(value))
            else:  # JSON: '["a", "=x"]' holds a formula after its comma
                row.append(_defused(json.dumps(plain(value, event.id, f"extra.{key}"), ensure_ascii=False)))
        writer.writerow(row)
    return out.getvalue()


#: Where a spreadsheet may start a cell within the text of one: at its start, and after a character that some
#: spreadsheet splits cells or rows at (``;`` where the decimal mark is a comma, as in most of Europe; ``,``; a
#: tab; a line break, which ends a row where a ``"`` that is not at a cell's start opens no quoted cell). Then
#: what would start a formula there (``=``, ``+``, ``-``, ``@``, a tab or a carriage return), after any spaces,
#: quotes and ``'``, which a spreadsheet may drop. Possessive: linear in the cell.
_PART_START: Final = r"(?:\A|(?<=[;,\t\r\n]))"
_FORMULA_AHEAD: Final = r"(?=[ \"']*+[=+\-@\t\r])"
#: Where :func:`_defused` puts a ``'`` (``sub``).
_FORMULA_PART: Final = re.compile(_PART_START + _FORMULA_AHEAD)
#: The ``'`` that :func:`_defused` put (``sub``).
_DEFUSED_PART: Final = re.compile(_PART_START + "'" + _FORMULA_AHEAD)


def _defused(cell: str) -> str:
    """A cell a spreadsheet shows as text: each part of it that would start a formula gets a leading ``'``.

    A part is the cell, or what follows a ``;``, ``,``, tab or line break in it:
    a spreadsheet that splits cells at ``;`` reads ``see;=cmd|...`` as two
    cells, whatever the file's separator. So does a part that already starts
    with ``'`` (or spaces and quotes) before such a character, so that reading
    gives the cell back as it was: ``'=x`` is written ``''=x``.
    """
    return _FORMULA_PART.sub("'", cell)


def _restored(cell: str) -> str:
    """The cell :func:`_defused` was given."""
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


def from_csv(
    text: str | bytes, *, path: str = "<csv>", sources: Mapping[str, Source] | Iterable[Source] = ()
) -> Timeline:
    """Read a spreadsheet of events (CSV), one event per row, into a checked timeline.

    See the module's documentation for the columns accepted and how they are
    read.

    Args:
        text: the CSV text (bytes are read as UTF-8; a byte order mark is skipped).
        path: how problems name the file (``"events.csv"``).
        sources: the sources the rows may cite and anchor to (those of the
            event file the CSV came from, say), by id or as a list. A source
            id that a row cites and that is not among them becomes a bare
            ``Source(id=...)``; an ``anchor`` must name a row's event, one of
            these sources, or a cited source.

    Returns:
        The timeline, untitled.

    Raises:
        EventFileError: listing every problem of every row, each as
            ``events.csv:row: event 'id', field 'column': message``.

    """
    content = _text(text, path)
    given = _given(sources, path)
    records = _records(content, path)
    sheet = _Sheet(path, given)
    header = sheet.header(records[0])
    if header is None:
        raise EventFileError(sheet.problems)
    for line, record in enumerate(records[1:], start=2):
        sheet.row(line, record, header)
    return sheet.timeline()


@attrs.define
class _Row:
    """One row of the spreadsheet while it is read."""

    line: int
    cells: dict[str, str]  # the known columns' non-empty cells, stripped
    table: dict[str, Any]  # the row as an [[events]] table
    date_column: str | None = None  # the column the date was read from
    undated: bool = False  # a problem with the date columns is reported already
    days: dict[str, UncertainDate] = attrs.Factory(dict)  # earliest and latest, read

    @property
    def id(self) -> str | None:
        return self.cells.get("id")


class _Sheet:
    def __init__(self, path: str, given: dict[str, Source]) -> None:
        self.path = path
        self.given = given
        self.problems: list[Problem] = []
        self.rows: list[_Row] = []
        self.cited: dict[str, int] = {}  # source id -> the line that first cites it
        self.date_columns: list[str] = []  # those of the header, in its order

    def problem(self, line: int, message: str, *, row: _Row | None = None, field: str | None = None) -> None:
        event = row.id if row is not None else None
        self.problems.append(Problem(message, path=self.path, line=line, event=event, field=field))

    # -- the header ---------------------------------------------------------------------------------

    def header(self, record: list[str]) -> list[tuple[str, str] | None] | None:
        """Each position's (kind, name): ("column", a known column) or ("extra", a key); None if unnamed."""
        columns: list[tuple[str, str] | None] = []
        seen: dict[tuple[str, str], int] = {}
        for position, cell in enumerate(record, start=1):
            name = _restored(cell.strip())
            if not name:
                columns.append(None)
                continue
            target = ("column", name.casefold()) if name.casefold() in _KNOWN else ("extra", name.removeprefix(_EXTRA))
            if target in seen:
                self.problem(
                    1,
                    f"column {name!r} (column {position}) repeats column {seen[target]}; name each column once",
                    field=target[1],
                )
            seen.setdefault(target, position)
            columns.append(target)
        names = {name for kind, name in seen if kind == "column"}
        self.date_columns = [name for kind, name in seen if kind == "column" and name in _DATE_COLUMNS]
        for required in ("id", "title"):
            if required not in names:
                self.problem(1, f"no {required!r} column: the header row must name it; {_NEEDS}")
        if not names & {"edtf", "when"} and not {"earliest", "latest"} <= names:
            self.problem(
                1, f"no date column: name an 'edtf' or 'when' column, or both 'earliest' and 'latest'; {_NEEDS}"
            )
        return None if self.problems else columns

    # -- rows ---------------------------------------------------------------------------------------

    def row(self, line: int, record: list[str], header: list[tuple[str, str] | None]) -> None:
        if not any(cell.strip() for cell in record):
            return  # a blank row, as spreadsheets leave them
        cells: dict[str, str] = {}
        extra: dict[str, str] = {}
        stray: list[tuple[int, str]] = []
        for position, cell in enumerate(record):
            value = cell.strip()
            if not value:
                continue
            target = header[position] if position < len(header) else None
            if target is not None:
                value = _restored(cell if target[0] == "extra" or target[1] in _AS_WRITTEN else value)
            if target is None:
                stray.append((position + 1, value))
            elif target[0] == "column":
                cells[target[1]] = value
            else:
                extra[target[1]] = value
        row = _Row(line, cells, {})
        for position, value in stray:
            self.problem(
                line,
                f"{_short(value)!r} is in column {position}, which the header row does not name; "
                "name the column or empty the cell",
                row=row,
            )
        table = row.table
        for key in ("id", "title"):
            if key in cells:
                table[key] = cells[key]
        self._date(row)
        for key in _TEXTS:
            if key in cells:
                table[key] = cells[key]
        for key in _LISTS:
            items = [item for item in split_list(cells.get(key, "")) if item]
            if items:
                table[key] = items
        self._citations(row)
        if extra:
            table["extra"] = extra
        self.rows.append(row)

    def _date(self, row: _Row) -> None:
        cells = row.cells
        for key in ("earliest", "latest"):
            if key in cells:
                try:
                    value = parse(cells[key])
                except ChronologyError as error:
                    self.problem(row.line, str(error), row=row, field=key)
                    continue
                if isinstance(value, Interval):
                    self.problem(
                        row.line,
                        f"{cells[key]!r} lasts ({value.to_edtf()}); give one day ('2024-10-07')",
                        row=row,
                        field=key,
                    )
                    continue
                row.days[key] = value
        if "edtf" in cells or "when" in cells:
            row.date_column = "edtf" if "edtf" in cells else "when"
            row.table["when"] = cells[row.date_column]
            return
        present = [key for key in ("earliest", "latest") if key in cells]
        if len(present) == 1:
            other = "latest" if present[0] == "earliest" else "earliest"
            self.problem(
                row.line,
                f"{present[0]!r} without {other!r}: give both (one day somewhere between them), or an 'edtf' or 'when'",
                row=row,
                field=other,
            )
            row.date_column = present[0]
            row.undated = True
            return
        if not present:
            return  # reported with the rest of the row's missing keys
        row.date_column = "earliest"
        if len(row.days) < 2:
            row.undated = True  # the unreadable cell is reported
            return
        first, last = row.days["earliest"].earliest_day, row.days["latest"].latest_day
        if first > last:
            self.problem(
                row.line,
                f"earliest {cells['earliest']!r} comes after latest {cells['latest']!r}",
                row=row,
                field="earliest",
            )
            row.undated = True
            return
        both = iso_day(first) if first == last else f"[{iso_day(first)}..{iso_day(last)}]"
        row.table["when"] = both

    def _citations(self, row: _Row) -> None:
        cited = [item for item in split_list(row.cells.get("sources", "")) if item]
        quotes = split_list(row.cells.get("quotes", ""))
        if quotes and len(quotes) != len(cited):
            self.problem(
                row.line,
                f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} for {len(cited)} "
                f"source{'s' if len(cited) != 1 else ''}: give one quote per source, in the same order, "
                "separated by '; ' (an empty one for a source without a quote; a ';' inside a quote is written ';;')",
                row=row,
                field="quotes",
            )
            quotes = []
        if not cited:
            return
        citations = []
        for source, quote in itertools.zip_longest(cited, quotes, fillvalue=""):
            citations.append({"source": source, "quote": quote} if quote else {"source": source})
            if ID_PATTERN.fullmatch(source) is not None:
                self.cited.setdefault(source, row.line)
        row.table["citations"] = citations

    # -- the timeline -------------------------------------------------------------------------------

    def timeline(self) -> Timeline:
        firsts = self.cited | self._unknown_anchors()  # bare source id -> the line that first names it
        bare = [source for source in firsts if source not in self.given]
        document = {
            "sources": [source_record(source) for source in self.given.values()] + [{"id": s} for s in bare],
            "events": [row.table for row in self.rows],
        }
        spots: dict[KeyPath, Spot] = {("events", index): Spot(row.line, 1) for index, row in enumerate(self.rows)}
        offset = len(self.given)
        spots.update({("sources", offset + index): Spot(firsts[s], 1) for index, s in enumerate(bare)})
        timeline = None
        try:
            timeline = load_document(document, path=self.path, locator=lambda _: spots)
        except EventFileError as error:
            self._placed(error.problems)
        dates = self._agreement(timeline)
        if self.problems or timeline is None:
            raise EventFileError(sorted(self.problems, key=lambda p: p.line or 0))
        if not dates:
            return timeline
        events = [attrs.evolve(event, when=dates[event.id]) if event.id in dates else event for event in timeline]
        return Timeline(events, timeline.sources.values(), title=timeline.title)

    def _unknown_anchors(self) -> dict[str, int]:
        """The anchors of rows dated by ``edtf`` that name nothing known, each with the line that first names it.

        Such a row's date does not need its anchor, so the anchor is kept as a
        bare source, as a cited id is, rather than refused (a spreadsheet of
        events does not carry the sources its events are read from); an
        anchor that a row's date needs must still name something known.
        """
        events = {row.id for row in self.rows}
        unknown: dict[str, int] = {}
        for row in self.rows:
            anchor = row.cells.get("anchor")
            if (
                anchor is not None
                and "edtf" in row.cells
                and ID_PATTERN.fullmatch(anchor) is not None
                and anchor not in events
                and anchor not in self.given
                and anchor not in self.cited
            ):
                unknown.setdefault(anchor, row.line)
        return unknown

    def _placed(self, problems: Iterable[Problem]) -> None:
        """The event file reader's problems, in a spreadsheet's words: columns for keys, no column numbers."""
        rows = {row.line: row for row in self.rows}
        for problem in problems:
            row = rows.get(problem.line or 0)
            field = problem.field
            message = problem.message
            if field is not None and field.startswith("citations["):
                field = "quotes" if field.endswith(".quote") else "sources"
            elif field == "when" and row is not None and row.date_column is not None:
                field = row.date_column
            if message == "missing required key 'when'":
                if row is not None and row.undated:
                    continue  # said already, in the words of the date columns
                field = self.date_columns[0] if self.date_columns else field
                message = "no date: fill 'edtf' or 'when', or both 'earliest' and 'latest'"
            elif message.startswith("missing required key"):
                message = f"empty {field!r} cell; {_NEEDS}"
            self.problems.append(attrs.evolve(problem, column=None, field=field, message=message))

    def _agreement(self, timeline: Timeline | None) -> dict[str, DateValue]:
        """Check the date columns against the date read; the dates refined (precision, wording), by event id."""
        dates: dict[str, DateValue] = {}
        for row in self.rows:
            read = self._value(row, timeline)
            if read is None:
                continue
            value = self._with_precision(row, read) if "precision" in row.cells else read
            if value is None:
                continue
            if row.date_column in ("edtf", "when"):
                for key in ("earliest", "latest"):
                    if key in row.days:
                        self._same_day(row, key, value)
            if row.date_column == "edtf" and "when" in row.cells and self._same_wording(row, value, timeline):
                value = attrs.evolve(value, text=row.cells["when"])
            if value is not read:
                dates[str(row.id)] = value
        return dates

    def _value(self, row: _Row, timeline: Timeline | None) -> DateValue | None:
        if row.id is not None and timeline is not None and row.id in timeline:
            return timeline[row.id].when
        if timeline is not None or "when" not in row.table:
            return None
        try:  # the reader failed elsewhere: check what can be read without anchors
            expression = parse_expression(row.table["when"])
        except ChronologyError:
            return None
        return None if isinstance(expression, RelativeDate) else expression

    def _same_day(self, row: _Row, key: str, value: DateValue) -> None:
        start, end = dated_ends(value)
        end_value = start if key == "earliest" else end
        cell = row.days[key]
        expected = (
            None if end_value is None else (end_value.earliest_day if key == "earliest" else end_value.latest_day)
        )
        given = cell.earliest_day if key == "earliest" else cell.latest_day
        if expected == given:
            return
        what = (
            f"whose {key} day is {iso_day(expected)}"
            if expected is not None
            else f"which has no {key} day (its {'start' if key == 'earliest' else 'end'} is open or unknown)"
        )
        self.problem(
            row.line,
            f"{row.cells[key]!r} disagrees with {_shown(row, value)}, {what}; "
            f"correct one of them, or leave {key!r} empty",
            row=row,
            field=key,
        )

    def _precision(self, row: _Row) -> Precision | None:
        cell = row.cells["precision"]
        try:
            return Precision(cell.casefold())
        except ValueError:
            self.problem(
                row.line, f"unknown precision {cell!r}; expected one of {_PRECISIONS}", row=row, field="precision"
            )
            return None

    def _with_precision(self, row: _Row, value: DateValue) -> DateValue | None:
        """The date with the precision the row gives, where the two agree; None (and a problem) where not.

        A range of days does not say its unit: "last week" is written
        ``[2024-10-07..2024-10-13]``, so the precision is taken from its
        column when the date, so refined, is written the same. A date built
        from ``earliest`` and ``latest`` takes a precision its days can have:
        one with which it reads back from its EDTF (:func:`_span_precisions`).
        """
        given = self._precision(row)
        actual = coarsest_precision(value)
        if given is None or given is actual:
            return value if given is not None else None
        if row.date_column == "earliest" and isinstance(value, UncertainDate) and not value.has_time:
            return self._span_with_precision(row, value, given)
        if isinstance(value, UncertainDate) and (value.open_before or value.open_after):
            refined = UncertainDate.from_seconds(value.lo, value.hi, given, qualifier=value.qualifier)
            if (refined.lo, refined.hi, refined.edtf) == (value.lo, value.hi, value.edtf):
                return refined  # a precision that does not change how the open date is written
        elif isinstance(value, UncertainDate) and not given.has_time and not value.has_time:
            refined = UncertainDate.from_days(value.earliest_day, value.latest_day, given, qualifier=value.qualifier)
            if (refined.lo, refined.hi, refined.edtf) == (value.lo, value.hi, value.edtf):
                return refined
        column = str(row.date_column)
        self.problem(
            row.line,
            f"{row.cells['precision']!r} disagrees with {column} {row.cells[column]!r}, "
            f"whose precision is {actual.value!r}; correct one of them, or leave 'precision' empty",
            row=row,
            field="precision",
        )
        return None

    def _span_with_precision(self, row: _Row, value: UncertainDate, given: Precision) -> UncertainDate | None:
        """The date of ``earliest`` and ``latest`` with the row's precision, if its days can have it; else a problem."""
        dates = _span_precisions(value)
        if given in dates:
            return dates[given]
        allowed = [repr(precision.value) for precision in dates or [value.precision]]
        can = f"can be {', '.join(allowed[:-1])} or {allowed[-1]}" if len(allowed) > 1 else f"can only be {allowed[0]}"
        self.problem(
            row.line,
            f"{row.cells['precision']!r} disagrees with earliest {row.cells['earliest']!r} and latest "
            f"{row.cells['latest']!r}, a span of days whose precision {can}; "
            "correct one of them, or leave 'precision' empty",
            row=row,
            field="precision",
        )
        return None

    def _same_wording(self, row: _Row, value: DateValue, timeline: Timeline | None) -> bool:
        """Whether the ``when`` beside an ``edtf`` reads to the same date; problems where it does not."""
        wording = row.cells["when"]
        try:
            expression = parse_expression(wording)
        except ChronologyError as error:
            self.problem(row.line, str(error), row=row, field="when")
            return False
        edtf = row.cells["edtf"]
        if not isinstance(expression, RelativeDate):
            if expression == value or at_offsets(expression, value) == value:  # (its times at the edtf's offsets)
                return True
            self.problem(
                row.line,
                f"{wording!r} is {expression.to_edtf()}, but edtf is {edtf!r}; "
                "correct one of them, or leave 'when' empty",
                row=row,
                field="when",
            )
            return False
        anchor_id = row.cells.get("anchor")
        if anchor_id is None:
            self.problem(
                row.line,
                f"{wording!r} is relative: name what it is read from in 'anchor' (the id of a source or event)",
                row=row,
                field="when",
            )
            return False
        anchor = _anchor(anchor_id, timeline, self.given)
        tense = {t.value: t for t in Tense}.get(row.cells.get("tense", "past"))
        if anchor is None or tense is None:
            return False  # nothing to read it from (a source without a date): not kept, as it cannot be checked
        try:
            resolved = expression.resolve(anchor, tense=tense)
        except ChronologyError as error:
            self.problem(row.line, str(error), row=row, field="when")
            return False
        if resolved == value or at_offsets(resolved, value) == value:
            return True
        self.problem(
            row.line,
            f"{wording!r} read from {anchor_id!r} ({anchor.label}) is {resolved.to_edtf()}, but edtf is {edtf!r}; "
            "correct one of them, or leave 'when' empty",
            row=row,
            field="when",
        )
        return False


def _span_precisions(value: UncertainDate) -> dict[Precision, UncertainDate]:
    """The precisions one day from ``value``'s first day to its last can have, each with that date.

    Those the date, written in EDTF, reads back with (and with the same days):
    ``day`` for one day; ``day`` or ``month`` for the whole of a month; ``week``
    for a Monday to the Sunday after it; ``day`` for other days. Another would
    be lost as soon as the date is written in an event file.
    """
    dates: dict[Precision, UncertainDate] = {}
    for precision in Precision:
        if precision.has_time:
            continue
        date = UncertainDate.from_days(value.earliest_day, value.latest_day, precision, qualifier=value.qualifier)
        try:
            back = parse(date.edtf)
        except ChronologyError:  # pragma: no cover - what from_days writes is read
            continue
        if isinstance(back, UncertainDate) and (back.lo, back.hi, back.precision) == (date.lo, date.hi, precision):
            dates[precision] = date
    return dates


def _shown(row: _Row, value: DateValue) -> str:
    """The date column a value was read from, for messages: ``edtf '2024-10'``, ``when 'Friday' (2024-11-15)``."""
    column = str(row.date_column)
    cell = row.cells[column]
    return f"{column} {cell!r}" + (f" ({value.to_edtf()})" if cell != value.to_edtf() else "")


def _anchor(anchor_id: str, timeline: Timeline | None, given: Mapping[str, Source]) -> UncertainDate | None:
    """The date an anchor stands for, as the event file's reader takes it (an event first, then a source)."""
    value: DateValue | None = None
    if timeline is not None and anchor_id in timeline:
        value = timeline[anchor_id].when
    elif timeline is not None and anchor_id in timeline.sources:
        value = timeline.sources[anchor_id].published
    elif anchor_id in given:
        value = given[anchor_id].published
    return value if isinstance(value, UncertainDate) else None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _text(text: object, path: str) -> str:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            message = (
                f"is not UTF-8 text (byte 0x{text[error.start]:02x} at offset {error.start}); "
                "save the spreadsheet as CSV UTF-8"
            )
            raise EventFileError([Problem(message, path=path)]) from None
    if not isinstance(text, str):
        raise EventFileError([Problem(f"expected CSV text (str or bytes), got {type(text).__name__}", path=path)])
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EventFileError([Problem(f"empty: expected a header row naming the columns; {_NEEDS}", path=path)])
    return text


def _given(sources: object, path: str) -> dict[str, Source]:
    values = sources.values() if isinstance(sources, Mapping) else sources
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise EventFileError([Problem(f"sources: expected Source values, got {type(sources).__name__}", path=path)])
    given: dict[str, Source] = {}
    for source in values:
        if not isinstance(source, Source):
            raise EventFileError([Problem(f"sources: expected Source values, got {type(source).__name__}", path=path)])
        given.setdefault(source.id, source)
    return given


def _records(content: str, path: str) -> list[list[str]]:
    first = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    begins = last_began = 1  # the line of the text the record being read begins on; that of the last record read
    try:
        for record in reader:
            records.append(record)
            last_began, begins = begins, reader.line_num + 1
    except csv.Error as error:  # a quote never closed makes the rest of the text one cell, too long a one
        unclosed = _unclosed_quote(content, delimiter, begins, len(records) + 1, path)
        raise EventFileError([unclosed or Problem(f"CSV: {error}", path=path, line=len(records) + 1)]) from None
    unclosed = _unclosed_quote(content, delimiter, last_began, len(records), path)
    if unclosed is not None:  # the csv module reads the rest of the text as the cell, silently
        raise EventFileError([unclosed])
    return records


def _unclosed_quote(content: str, delimiter: str, begins: int, row: int, path: str) -> Problem | None:
    """The quote that opens a cell of the record beginning on line ``begins`` of the text and is never closed.

    Read as the csv module reads (a ``"`` opens a quoted cell only as its first
    character; ``""`` inside is a quote; what follows the closing quote up to
    the next delimiter is kept), so only the record read last can hold one:
    the rest of the text is then its cell.
    """
    lines = io.StringIO(content, newline="")  # split where the csv module splits lines: "\r\n", "\r" or "\n"
    index = sum(len(line) for line in itertools.islice(lines, begins - 1))
    rest = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    column = 1
    while index < len(content):
        if content[index] == '"':
            opens = index
            while True:
                closes = content.find('"', index + 1)
                if closes < 0:
                    cell = content[opens:].split("\n", 1)[0].split("\r", 1)[0]
                    message = (
                        f"CSV: the quote that opens column {column} ({_short(cell)!r}) is never closed, so the rest "
                        "of the file would be one cell; close it with '\"' (a '\"' inside a quoted cell is "
                        "written '\"\"')"
                    )
                    return Problem(message, path=path, line=row)
                index = closes + 1
                if not content.startswith('"', index):
                    break
        found = rest.match(content, index)
        index = found.end() if found is not None else index
        if index >= len(content) or content[index] in "\r\n":
            return None  # the record ends with every quote closed
        index += 1  # past the delimiter
        column += 1
    return None
