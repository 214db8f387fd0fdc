"""A spreadsheet of events (CSV) as a checked timeline: the reading half of :mod:`chronology.exchange.as_csv`."""

from __future__ import annotations

import csv
import io
import itertools
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs

from chronology.dates import DateValue, Interval, Precision, UncertainDate
from chronology.errors import ChronologyError, ChronologyWarning, EventFileError, InvalidDateError, Problem
from chronology.events import ID_PATTERN, Event, Source
from chronology.exchange._csv_bounds import Side, bound_agrees, bound_cells
from chronology.exchange._csv_claims import CLAIM_COLUMNS, claim_tables
from chronology.exchange._csv_layout import (
    AS_WRITTEN,
    EXTRA,
    KNOWN,
    LISTS,
    LOCATORS,
    MEANT,
    SOURCE_AS_WRITTEN,
    SOURCE_COLUMNS,
    SOURCE_LISTS,
    TEXTS,
    restored,
    split_list,
)
from chronology.exchange._describe import coarsest_precision, iso_day
from chronology.exchange._records import at_offsets, source_record
from chronology.files._locate import Spot
from chronology.files.load import KeyPath, load_document
from chronology.notation import Calendar, parse, parse_expression
from chronology.relative import RelativeDate, Tense
from chronology.timeline import Timeline
from chronology.zones import zone_named

__all__ = ["anchor_date", "from_csv"]

_PRECISIONS: Final = ", ".join(p.value for p in Precision)
_DATE_COLUMNS: Final = ("edtf", "when", "earliest", "latest")
#: The loader's warning of ISO or EDTF in a Julian file: a row's edtf is Gregorian by definition.
_GREGORIAN_EDTF: Final = r".*is ISO/EDTF notation, which is always read as Gregorian"
_NEEDS: Final = "every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')"


def from_csv(
    text: str | bytes,
    *,
    path: str = "<csv>",
    sources: Mapping[str, Source] | Iterable[Source] = (),
    zone: str | None = None,
    sources_csv: str | bytes | None = None,
    sources_path: str = "<sources csv>",
    calendar: Calendar = "gregorian",
) -> Timeline:
    """Read a spreadsheet of events (CSV), one event per row, into a checked timeline.

    See :mod:`chronology.exchange.as_csv` for the columns accepted and how
    they are read.

    Args:
        text: the CSV text (bytes are read as UTF-8; a byte order mark is skipped).
        path: how problems name the file (``"events.csv"``).
        sources: the sources the rows may cite and anchor to (those of the
            event file the CSV came from, say), by id or as a list. A source
            id that a row cites and that is not among them becomes a bare
            ``Source(id=...)``; an ``anchor`` must name a row's event, one of
            these sources, or a cited source.
        zone: the IANA zone of the timeline the spreadsheet was written from
            (``"Europe/Kyiv"``), as an event file's ``[reading] zone`` gives it:
            the timeline read has it, so its days are the same, and times
            written without an offset are read in it (a ``when`` of "early
            Monday" too). ``None``: UTC, times without an offset kept so. A
            ``when`` beside an ``edtf`` is read so too, and reported where the
            ``edtf`` puts its clock times at another offset (a sheet written
            from a file in Europe/Kyiv, read without that zone): kept, it
            would be another moment in an event file.
        sources_csv: the sources' spreadsheet written beside it
            (:func:`~chronology.exchange.as_csv.sources_to_csv`; one row per
            source, a header row naming ``id`` and any of ``outlet, title,
            authors, published, url, note, published_after,
            published_before``): the sources read with their details, which
            the events' spreadsheet does not hold. One of the same id as a
            source of ``sources`` replaces it.
        sources_path: how problems name ``sources_csv`` (``"events.sources.csv"``).
        calendar: the calendar the spreadsheet's dates in words (``when``, ``claim_said``, a source's
            ``published``) are read in, as an event file's ``[reading] calendar`` gives it: ``"julian"``
            for a sheet written from a file that reads them Old Style, whose ``when`` reads so. The
            timeline read has it. ISO and EDTF cells are Gregorian in either.

    Returns:
        The timeline, untitled.

    Raises:
        EventFileError: listing every problem of every row, each as
            ``events.csv:row: event 'id', field 'column': message``.
        DateParseError: ``zone`` is not a zone of the IANA database.

    """
    if zone is not None:
        zone_named(zone)  # a wrong argument, not a problem of the file: said before the file is read
    content = _text(text, path)
    given = _given(sources, path)
    records = _records(content, path)
    if calendar not in ("gregorian", "julian"):  # a wrong argument, said before the file is read
        raise InvalidDateError(f"calendar {calendar!r} is not one this library reads; expected 'gregorian' or 'julian'")
    sheet = _Sheet(path, given, zone, calendar)
    if sources_csv is not None:
        sheet.sources(_records(_text(sources_csv, sources_path), sources_path), sources_path)
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
    worded: int | None = None  # the citation given the row's wording as its `when` while the file is read
    undated: bool = False  # a problem with the date columns is reported already
    days: dict[str, UncertainDate] = attrs.Factory(dict)  # earliest and latest, read

    @property
    def id(self) -> str | None:
        return self.cells.get("id")


class _Sheet:
    def __init__(
        self, path: str, given: dict[str, Source], zone: str | None = None, calendar: Calendar = "gregorian"
    ) -> None:
        self.path = path
        self.given = given
        self.zone = zone
        self.calendar: Calendar = calendar
        self.problems: list[Problem] = []
        self.rows: list[_Row] = []
        self.cited: dict[str, int] = {}  # source id -> the line that first cites it
        self.date_columns: list[str] = []  # those of the header, in its order
        self.source_tables: list[dict[str, Any]] = []  # the rows of the sources' spreadsheet, as [[sources]] tables
        self.source_lines: dict[str, int] = {}  # source id -> its row there
        self.sources_path = ""

    def problem(
        self, line: int, message: str, *, row: _Row | None = None, field: str | None = None, path: str | None = None
    ) -> None:
        event = row.id if row is not None else None
        self.problems.append(Problem(message, path=path or self.path, line=line, event=event, field=field))

    # -- the sources' spreadsheet -------------------------------------------------------------------

    def sources(self, records: list[list[str]], path: str) -> None:
        """Read the sources' spreadsheet into ``[[sources]]`` tables, checked with the events."""
        self.sources_path = path
        known = len(self.problems)
        columns: list[str | None] = []
        for position, cell in enumerate(records[0], start=1):
            name = restored(cell.strip()).casefold()
            if name and name not in SOURCE_COLUMNS:
                self.problem(
                    1,
                    f"unknown column {name!r} (column {position}); a sources' spreadsheet has the columns "
                    f"{', '.join(SOURCE_COLUMNS)}",
                    path=path,
                )
            elif name in columns:
                self.problem(1, f"column {name!r} (column {position}) is named twice; name each column once", path=path)
            columns.append(name if name in SOURCE_COLUMNS and name not in columns else None)
        if "id" not in columns:
            self.problem(1, "no 'id' column: the header row must name it; every source needs its id", path=path)
        if len(self.problems) > known:
            return
        for line, record in enumerate(records[1:], start=2):
            table: dict[str, Any] = {}
            for position, cell in enumerate(record):
                column = columns[position] if position < len(columns) else None
                value = cell if column in SOURCE_AS_WRITTEN else cell.strip()
                if not value.strip():
                    continue
                if column is None:
                    self.problem(
                        line,
                        f"{_short(value)!r} is in column {position + 1}, which the header row does not name; "
                        "name the column or empty the cell",
                        path=path,
                    )
                    continue
                value = restored(value)
                table[column] = [item for item in split_list(value) if item] if column in SOURCE_LISTS else value
            if not table:
                continue  # a blank row
            source_id = table.get("id")
            if source_id is None:
                self.problem(line, "empty 'id' cell; every source needs its id", path=path)
            elif source_id in self.source_lines:
                self.problem(
                    line,
                    f"source {source_id!r} repeats row {self.source_lines[source_id]}; give each source one row",
                    path=path,
                )
            else:
                self.source_lines[source_id] = line
                self.source_tables.append(table)

    # -- the header ---------------------------------------------------------------------------------

    def header(self, record: list[str]) -> list[tuple[str, str] | None] | None:
        """Each position's (kind, name): ("column", a known column) or ("extra", a key); None if unnamed."""
        known = len(self.problems)  # those of the sources' spreadsheet
        columns: list[tuple[str, str] | None] = []
        seen: dict[tuple[str, str], int] = {}
        for position, cell in enumerate(record, start=1):
            name = restored(cell.strip())
            if not name:
                columns.append(None)
                continue
            target = ("column", name.casefold()) if name.casefold() in KNOWN else ("extra", name.removeprefix(EXTRA))
            if name.casefold() in MEANT:
                self._meant(name, position, MEANT[name.casefold()])
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
        return None if len(self.problems) > known else columns

    def _meant(self, name: str, position: int, column: str) -> None:
        """Warn that column ``name`` ("source") is kept as an ``extra`` key: ``column`` ("sources") likelier meant."""
        warnings.warn(
            f"{self.path}:1: column {name!r} (column {position}) is not a column of events and is kept as the "
            f"extra key {name!r}; name it {column!r} for the events' {column} (items separated by '; '), "
            f"or '{EXTRA}{name}' to keep it as an extra key without this warning",
            ChronologyWarning,
            stacklevel=4,  # the caller of from_csv (through header)
        )

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
                value = restored(cell if target[0] == "extra" or target[1] in AS_WRITTEN else value)
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
        for key in TEXTS:
            if key in cells:
                table[key] = cells[key]
        for key in LISTS:
            items = [item for item in split_list(cells.get(key, "")) if item]
            if items:
                table[key] = items
        self._citations(row)
        self._claims(row)
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
        earliest, latest = row.days["earliest"], row.days["latest"]
        if earliest.has_time or latest.has_time:
            self._moments(row, earliest, latest)
            return
        first, last = earliest.earliest_day, latest.latest_day
        if first > last:
            self._after(row)
            return
        both = iso_day(first) if first == last else f"[{iso_day(first)}..{iso_day(last)}]"
        row.table["when"] = both

    def _moments(self, row: _Row, earliest: UncertainDate, latest: UncertainDate) -> None:
        """The date of ``earliest`` and ``latest`` cells with times: one moment between them, at the finer precision."""
        if not (earliest.has_time and latest.has_time) or (earliest.utc_offset is None) != (latest.utc_offset is None):
            self.problem(
                row.line,
                f"earliest {row.cells['earliest']!r} and latest {row.cells['latest']!r}: give both with a time, "
                "each with an offset or neither ('2025-03-11T03:00+02:00'), or both as days ('2025-03-11')",
                row=row,
                field="latest",
            )
            row.undated = True
            return
        offset = earliest.utc_offset
        last = latest.hi if offset is None else latest.hi - (latest.utc_offset or 0) + offset  # at earliest's offset
        if earliest.lo > last:
            self._after(row)
            return
        precision = min(earliest.precision, latest.precision, key=lambda p: p.rank)
        row.table["when"] = UncertainDate.from_seconds(earliest.lo, last, precision, utc_offset=offset).edtf

    def _after(self, row: _Row) -> None:
        self.problem(
            row.line,
            f"earliest {row.cells['earliest']!r} comes after latest {row.cells['latest']!r}",
            row=row,
            field="earliest",
        )
        row.undated = True

    def _citations(self, row: _Row) -> None:
        cited = [item for item in split_list(row.cells.get("sources", "")) if item]
        quotes = self._per_source(row, cited, "quotes", "quote")
        locators = self._per_source(row, cited, LOCATORS, "locator")
        if not cited:
            return
        citations = []
        for source, quote, locator in itertools.zip_longest(cited, quotes, locators, fillvalue=""):
            citation = {"source": source, "quote": quote} if quote else {"source": source}
            if locator:
                citation["locator"] = locator
            citations.append(citation)
            if ID_PATTERN.fullmatch(source) is not None:
                self.cited.setdefault(source, row.line)
        row.table["citations"] = citations
        anchor = row.cells.get("anchor")
        if "edtf" in row.cells and "when" in row.cells and anchor in cited and self._dated(anchor):
            # the date is read from ``edtf``; its wording, read from the source that dates it ("next week"),
            # is how that source words it: said so while the file is read, so that the source is not taken to
            # tell as past what it foresaw (taken off again once the wording is back on the date)
            try:
                phrase = parse_expression(row.cells["when"], calendar=self.calendar, zone=self.zone)
            except ChronologyError:
                return  # reported with the date
            if isinstance(phrase, RelativeDate) and phrase.needs_anchor:
                row.worded = cited.index(anchor)
                citations[row.worded] = {**citations[row.worded], "when": row.cells["when"]}

    def _per_source(self, row: _Row, cited: list[str], column: str, item: str) -> list[str]:
        """The items of ``column`` (``quotes``, ``locators``), one per source; [] where none, or miscounted (said)."""
        items = split_list(row.cells.get(column, ""))
        if items and len(items) != len(cited):
            self.problem(
                row.line,
                f"{len(items)} {item}{'s' if len(items) != 1 else ''} for {len(cited)} "
                f"source{'s' if len(cited) != 1 else ''}: give one {item} per source, in the same order, "
                f"separated by '; ' (an empty one for a source without a {item}; a ';' inside a {item} is "
                "written ';;')",
                row=row,
                field=column,
            )
            return []
        return items

    def _dated(self, source: str | None) -> bool:
        """Whether ``source`` is given with a publication date (by the caller, or in the sources' sheet)."""
        given = self.given.get(source or "")
        if given is not None:
            return given.published is not None
        return any(table.get("id") == source and "published" in table for table in self.source_tables)

    def _claims(self, row: _Row) -> None:
        items = {column: split_list(row.cells.get(column, "")) for column in CLAIM_COLUMNS}
        claims, problems = claim_tables(items)
        for column, message in problems:
            self.problem(row.line, message, row=row, field=column)
        for claim in claims:
            source = claim.get("source")
            if source is not None and ID_PATTERN.fullmatch(source) is not None:
                self.cited.setdefault(source, row.line)  # a bare source if not given, as a citation's
        if claims:
            row.table["claims"] = claims

    # -- the timeline -------------------------------------------------------------------------------

    def timeline(self) -> Timeline:
        firsts = self.cited | self._unknown_anchors()  # bare source id -> the line that first names it
        bare = [source for source in firsts if source not in self.given and source not in self.source_lines]
        given = [source_record(source) for source in self.given.values() if source.id not in self.source_lines]
        document: dict[str, Any] = {
            "sources": given + self.source_tables + [{"id": s} for s in bare],
            "events": [row.table for row in self.rows],
        }
        reading: dict[str, str] = {}
        if self.zone is not None:
            reading["zone"] = self.zone
        if self.calendar != "gregorian":
            reading["calendar"] = self.calendar
        if reading:
            document["reading"] = reading
        spots: dict[KeyPath, Spot] = {("events", index): Spot(row.line, 1) for index, row in enumerate(self.rows)}
        offset = len(given) + len(self.source_tables)
        spots.update({("sources", offset + index): Spot(firsts[s], 1) for index, s in enumerate(bare)})
        timeline = None
        try:
            with warnings.catch_warnings():
                # a row's date is read from its Gregorian edtf, its wording put back on it after: not a mistake
                warnings.filterwarnings("ignore", _GREGORIAN_EDTF, ChronologyWarning)
                timeline = load_document(document, path=self.path, locator=lambda _: spots)
        except EventFileError as error:
            self._placed(error.problems)
        dates = self._agreement(timeline)
        if self.problems or timeline is None:
            raise EventFileError(sorted(self.problems, key=lambda p: (p.path == self.path, p.line or 0)))
        worded = {str(row.id): row.worded for row in self.rows if row.worded is not None}
        if not dates and not worded:
            return timeline
        events = [
            _unworded(attrs.evolve(event, when=dates[event.id]) if event.id in dates else event, worded.get(event.id))
            for event in timeline
        ]
        return Timeline(
            events, timeline.sources.values(), title=timeline.title, zone=timeline.zone, calendar=timeline.calendar
        )

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
            anchors = [row.cells["anchor"]] if "anchor" in row.cells and "edtf" in row.cells else []
            anchors += [claim["anchor"] for claim in row.table.get("claims", ()) if _absolute_claim(claim)]
            for anchor in anchors:
                if (
                    ID_PATTERN.fullmatch(anchor) is not None
                    and anchor not in events
                    and anchor not in self.given
                    and anchor not in self.source_lines
                    and anchor not in self.cited
                ):
                    unknown.setdefault(anchor, row.line)
        return unknown

    def _placed(self, problems: Iterable[Problem]) -> None:
        """The event file reader's problems, in a spreadsheet's words: columns for keys, no column numbers."""
        rows = {row.line: row for row in self.rows}
        for problem in problems:
            if problem.record == "source" and problem.event in self.source_lines:  # a row of the sources' sheet
                line = self.source_lines[problem.event]
                self.problems.append(attrs.evolve(problem, path=self.sources_path, line=line, column=None))
                continue
            row = rows.get(problem.line or 0)
            field = problem.field
            message = problem.message
            if field is not None and field.startswith("citations["):
                field = "quotes" if field.endswith(".quote") else LOCATORS if field.endswith(".locator") else "sources"
            elif field is not None and field.startswith("claims["):
                key = field.partition("].")[2]
                field = next((column for column, name in CLAIM_COLUMNS.items() if name == key), "claim_subjects")
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
                        self._same_bound(row, key, value, timeline.zone_info if timeline is not None else None)
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
            expression = parse_expression(row.table["when"], calendar=self.calendar, zone=self.zone)
        except ChronologyError:
            return None
        return None if isinstance(expression, RelativeDate) else expression

    def _same_bound(self, row: _Row, key: Side, value: DateValue, zone: ZoneInfo | None) -> None:
        """Check an ``earliest`` or ``latest`` cell against the row's date: the same moment, or day."""
        if bound_agrees(row.days[key], value, key, zone):
            return
        expected = bound_cells(value, zone)[0 if key == "earliest" else 1]
        what = (
            f"whose {key} {'time' if 'T' in expected else 'day'} is {expected}"
            if expected
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
        if row.date_column == "earliest" and isinstance(value, UncertainDate):
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
            f"{row.cells['latest']!r}, a span of {'time' if value.has_time else 'days'} whose precision {can}; "
            "correct one of them, or leave 'precision' empty",
            row=row,
            field="precision",
        )
        return None

    def _same_wording(self, row: _Row, value: DateValue, timeline: Timeline | None) -> bool:
        """Whether the ``when`` beside an ``edtf`` reads to the same date; problems where it does not."""
        wording = row.cells["when"]
        try:  # read as the event file written from the timeline reads it: its times without an offset in the zone
            expression = parse_expression(wording, calendar=self.calendar, zone=self.zone)
        except ChronologyError as error:
            self.problem(row.line, str(error), row=row, field="when")
            return False
        edtf = row.cells["edtf"]
        if not isinstance(expression, RelativeDate):
            if expression == value:
                return True
            if not self._other_offset(row, expression, None, value):
                self.problem(
                    row.line,
                    f"{wording!r} is {expression.to_edtf()}, but edtf is {edtf!r}; "
                    f"{self._other_calendar(wording, value)}correct one of them, or leave 'when' empty",
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
        anchor = anchor_date(anchor_id, timeline, self.given)
        tense = {t.value: t for t in Tense}.get(row.cells.get("tense", "past"))
        if anchor is None or tense is None:
            return False  # nothing to read it from (a source without a date): not kept, as it cannot be checked
        try:
            resolved = expression.resolve(anchor, tense=tense)
        except ChronologyError as error:
            self.problem(row.line, str(error), row=row, field="when")
            return False
        if resolved == value:
            return True
        if self._other_offset(row, resolved, (anchor, tense), value):
            return False
        self.problem(
            row.line,
            f"{wording!r} read from {anchor_id!r} ({anchor.label}) is {resolved.to_edtf()}, but edtf is {edtf!r}; "
            "correct one of them, or leave 'when' empty",
            row=row,
            field="when",
        )
        return False

    def _other_calendar(self, wording: str, value: DateValue) -> str:
        """The advice to read the sheet in the other calendar, where its wording reads to the date in that one."""
        other: Calendar = "gregorian" if self.calendar == "julian" else "julian"
        try:
            if parse_expression(wording, calendar=other, zone=self.zone) != value:
                return ""
        except ChronologyError:
            return ""
        return (
            f"read in the {other.capitalize()} calendar it is that date: read the spreadsheet in the calendar of "
            f"the file it was written from (calendar={other!r}, its [reading] calendar), or "
        )

    def _other_offset(
        self, row: _Row, read: DateValue, reading: tuple[UncertainDate, Tense] | None, value: DateValue
    ) -> bool:
        """Whether the ``when`` beside an ``edtf``, ``read`` in the zone, gives its clock times at other offsets.

        If so, a problem says so. An export writes "at dawn" beside
        ``[2025-03-11T03+02:00..2025-03-11T05+02:00]`` when its file reads times
        in Europe/Kyiv; read in no zone, or in another, the wording is another
        moment, and the event file written from the spreadsheet would hold that
        one. The zone it was said in is needed: it is not guessed from an offset.
        ``reading``: the anchor's date and the tense relative wording is read with.
        """
        wording = row.cells["when"]
        try:
            clock = parse_expression(wording, calendar=self.calendar)  # its times as said, without an offset
            if isinstance(clock, RelativeDate):
                if reading is None:  # pragma: no cover - relative wording is read from an anchor
                    return False
                clock = clock.resolve(reading[0], tense=reading[1])
        except ChronologyError:  # pragma: no cover - read once already, in the zone
            return False
        if clock == value or at_offsets(clock, value) != value:
            return False
        edtf = row.cells["edtf"]
        said = (
            f"read without a zone is {read.to_edtf()}, a time with no offset, but edtf {edtf!r} places it at one"
            if self.zone is None
            else f"read in {self.zone} is {read.to_edtf()}, but edtf {edtf!r} places that clock time at another offset"
        )
        self.problem(
            row.line,
            f"{wording!r} {said}; read the spreadsheet in the zone it was written in, the [reading] zone of the "
            "event file it was exported from (chronology import --zone ZONE, or from_csv(zone=ZONE)), "
            "or leave 'when' empty to keep the edtf alone",
            row=row,
            field="when",
        )
        return True


def _span_precisions(value: UncertainDate) -> dict[Precision, UncertainDate]:
    """The precisions one day from ``value``'s first day to its last (one moment, for times) can have, with that date.

    Those the date, written in EDTF, reads back with (and with the same days):
    ``day`` for one day; ``day`` or ``month`` for the whole of a month; ``week``
    for a Monday to the Sunday after it; ``day`` for other days; of moments,
    ``hour`` for a whole hour and the finer ones. Another would be lost as soon
    as the date is written in an event file.
    """
    dates: dict[Precision, UncertainDate] = {}
    for precision in Precision:
        if precision.has_time != value.has_time:
            continue
        date = (
            UncertainDate.from_seconds(
                value.lo, value.hi, precision, qualifier=value.qualifier, utc_offset=value.utc_offset
            )
            if value.has_time
            else UncertainDate.from_days(value.earliest_day, value.latest_day, precision, qualifier=value.qualifier)
        )
        try:
            back = parse(date.edtf)
        except ChronologyError:  # pragma: no cover - what from_days and from_seconds write is read
            continue
        if isinstance(back, UncertainDate) and (back.lo, back.hi, back.precision, back.utc_offset) == (
            date.lo,
            date.hi,
            precision,
            date.utc_offset,
        ):
            dates[precision] = date
    return dates


def _absolute_claim(claim: Mapping[str, str]) -> bool:
    """Whether a claim table has an anchor and a date said that does not need it (or none)."""
    if "anchor" not in claim:
        return False
    if "said" not in claim:
        return True
    try:
        return not isinstance(parse_expression(claim["said"]), RelativeDate)
    except ChronologyError:
        return False  # reported when the claim is read


def _shown(row: _Row, value: DateValue) -> str:
    """The date column a value was read from, for messages: ``edtf '2024-10'``, ``when 'Friday' (2024-11-15)``."""
    column = str(row.date_column)
    cell = row.cells[column]
    return f"{column} {cell!r}" + (f" ({value.to_edtf()})" if cell != value.to_edtf() else "")


def anchor_date(anchor_id: str, timeline: Timeline | None, given: Mapping[str, Source]) -> UncertainDate | None:
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


def _unworded(event: Event, index: int | None) -> Event:
    """``event`` without the ``when`` its citation ``index`` was given while the file was read (see ``_citations``)."""
    if index is None:
        return event
    citations = list(event.citations)
    citations[index] = attrs.evolve(citations[index], when=None)
    return attrs.evolve(event, citations=citations)
