"""Reading the columnar form back: a Parquet file (or a folder of them) into a timeline, and checking one.

A table written by :func:`chronology.exchange.arrow.to_arrow` holds each event
whole (the ``record`` column), so :func:`read_parquet` gives the same
chronology back, checked as an event file is (links, citations, claims). A
data set converted to the columnar form (ACLED, GDELT) has no records: its
timeline is built from the columns, each ``Event`` made only when asked for
(see :meth:`chronology.Timeline.from_columns`).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology._extras import require
from chronology.columns import QUALIFIERS, Columns
from chronology.dates import DEFAULT_WIDENING, DateValue, Interval, Precision, UncertainDate, Widening
from chronology.errors import ChronologyError, DatasetError, EventFileError, Problem, ValidationError
from chronology.events import Claim, Event
from chronology.exchange.arrow import EPOCH_DAY, FORMAT, METADATA_KEY, schema
from chronology.index import NEG_DAY, POS_DAY
from chronology.notation import parse
from chronology.notation.quantity import parse_quantity

if TYPE_CHECKING:
    import pyarrow

    from chronology.timeline import Timeline

__all__ = [
    "TableColumns",
    "at_precisions",
    "check_table",
    "parquet_files",
    "problems_in",
    "read_parquet",
    "read_table",
]


def parquet_files(path: str | os.PathLike[str]) -> list[Path]:
    """The Parquet files ``path`` names: itself, or the ``*.parquet`` files of a folder, in name order.

    Raises:
        DatasetError: a path that does not exist (or cannot be looked at), a folder without Parquet files.

    """
    target = Path(path)
    try:
        is_dir = stat.S_ISDIR(target.stat().st_mode)
    except OSError as error:  # said as an event file's is: "cannot read the file: No such file or directory"
        raise DatasetError(f"{target}: cannot read the file: {error.strerror or error}") from None
    if not is_dir:
        return [target]
    found = sorted(target.glob("*.parquet"))
    if not found:
        raise DatasetError(f"{target}: no *.parquet file in this folder")
    return found


def read_table(path: str | os.PathLike[str]) -> pyarrow.Table:
    """The columnar form in a Parquet file or folder, checked (:func:`check_table`).

    Raises:
        MissingExtraError: pyarrow is not installed.
        DatasetError: the file cannot be read, or does not hold the columnar form.

    """
    pa = require("pyarrow", "parquet", "Parquet files")
    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    tables = []
    for file in parquet_files(path):
        try:
            tables.append(parquet.read_table(file))
        except (OSError, pa.ArrowException) as error:
            raise DatasetError(f"{file}: not a Parquet file this library can read ({error})") from None
    table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
    problems = check_table(table, str(path))
    if problems:
        raise DatasetError("\n".join(str(problem) for problem in problems))
    return table


def check_table(table: pyarrow.Table, where: str = "<table>") -> list[Problem]:
    """What keeps ``table`` from being the columnar form: missing columns, ids, days in the wrong order.

    Checks the schema (every column, of its type), that ids are present and
    unique, that every first day is no later than its last, and that the
    possible days contain the narrowed ones. Each problem names the column and,
    for a row, its id.
    """
    pc = require("pyarrow.compute", "parquet", "Parquet files")
    expected = schema()
    problems = []
    for field in expected:
        if field.name not in table.column_names:
            problems.append(Problem(f"column {field.name!r} is missing ({field.type})", path=where))
        elif not table.schema.field(field.name).type.equals(field.type):
            got = table.schema.field(field.name).type
            problems.append(Problem(f"column {field.name!r} is {got}, expected {field.type}", path=where))
    if problems:
        return problems
    metadata = _metadata(table)
    if metadata.get("format", FORMAT) != FORMAT:
        message = f"format {metadata.get('format')!r} is not one this library reads (it reads {FORMAT})"
        return [Problem(message, path=where)]
    ids = table.column("id")
    if ids.null_count:
        row = int(pc.index(pc.is_null(ids), True).as_py())
        problems.append(Problem(f"row {row}: the id is missing", path=where, field="id"))
    counts = pc.value_counts(ids.drop_null() if hasattr(ids, "drop_null") else ids)
    twice = [str(entry["values"]) for entry in counts.to_pylist() if entry["counts"] > 1]
    if twice:
        problems.append(Problem(f"id {twice[0]!r} is given twice", path=where, field="id"))
    for first, last in (("start_first", "start_last"), ("end_first", "end_last"), ("start_first", "end_last")):
        for prefix in ("", "possible_"):
            wrong = pc.less(table.column(f"{prefix}{last}"), table.column(f"{prefix}{first}"))
            if pc.any(wrong).as_py():
                row = int(pc.index(wrong, True).as_py())
                message = f"{prefix}{last} comes before {prefix}{first}"
                problems.append(Problem(message, path=where, event=str(ids[row]), field=f"{prefix}{last}"))
    for name in ("start_first", "end_first"):  # widening may only reach further
        wrong = pc.greater(table.column(f"possible_{name}"), table.column(name))
        late = pc.less(
            table.column(f"possible_{name.replace('first', 'last')}"), table.column(name.replace("first", "last"))
        )
        for bad, what in ((wrong, name), (late, name.replace("first", "last"))):
            if pc.any(bad).as_py():
                row = int(pc.index(bad, True).as_py())
                message = f"possible_{what} is inside {what}: the possible days must contain the narrowed ones"
                problems.append(Problem(message, path=where, event=str(ids[row]), field=f"possible_{what}"))
    return problems


def _dates_disagree(
    table: pyarrow.Table, where: str, zone: str | None, parsed: dict[str, DateValue] | None = None
) -> list[Problem]:
    """Each date text (``narrowed``, else ``edtf``) that does not read, or whose days are not the day columns'.

    Every distinct text is read once, so a data set of few distinct dates is checked quickly; ``parsed``
    keeps what was read, by text, for the next check.
    """
    from chronology.errors import ChronologyError
    from chronology.index import day_ends
    from chronology.zones import zone_named

    pc_coalesce = require("pyarrow.compute", "parquet", "Parquet files").coalesce

    info = zone_named(zone) if zone else None
    narrowed = table.column("narrowed")
    texts = np.asarray(pc_coalesce(narrowed, table.column("edtf")).to_numpy(zero_copy_only=False), dtype=object)
    if not len(texts):
        return []
    distinct, back = np.unique(texts.astype(str), return_inverse=True)  # a missing text reads as 'None': refused
    days = np.empty((4, distinct.size), dtype=np.int64)
    refused: dict[int, str] = {}
    for k, text in enumerate(distinct.tolist()):
        try:
            if text == "None":
                raise ChronologyError("no date: the column is empty")
            value = parse(text)
            if parsed is not None:
                parsed[text] = value
            days[:, k] = [min(max(day, NEG_DAY), POS_DAY) for day in day_ends(value, zone=info)]
        except ChronologyError as error:
            refused[k] = str(error)
            days[:, k] = 0
    stored = np.stack([_days(table, name) for name in _DAY_COLUMNS])
    wrong = np.isin(back, list(refused)) | (days[:, back] != stored).any(axis=0)
    ids = table.column("id")
    is_narrowed = np.asarray(narrowed.is_null().to_numpy(zero_copy_only=False)) == 0
    problems = []
    for row in np.flatnonzero(wrong)[:20].tolist():
        column, text, k = ("narrowed" if is_narrowed[row] else "edtf"), texts[row], int(back[row])
        if k in refused:
            message = f"{text!r} is not a date: {refused[k]}"
        else:
            shown = ", ".join(f"{name} {day - EPOCH_DAY}" for name, day in zip(_DAY_COLUMNS, days[:, k], strict=True))
            message = f"{text!r} does not fall on the day columns' days (it gives {shown})"
        problems.append(Problem(message, path=where, event=str(ids[row]), field=column))
    if int(wrong.sum()) > 20:
        problems.append(Problem(f"and {int(wrong.sum()) - 20:,} more rows like these", path=where))
    return problems


def _precisions_disagree(table: pyarrow.Table, where: str, parsed: dict[str, DateValue]) -> list[Problem]:
    """Each ``edtf`` text that reads at another precision than its row's ``start_precision`` or ``end_precision``.

    Where the column's precision writes the same text for the same bounds (a
    day-precision date spanning one calendar week, which EDTF writes as a
    week is written), the reader takes the column's (:func:`at_precisions`):
    no problem. Any other difference is one: the text and the column say two
    things, and what the file answers would depend on which is read. Each
    distinct (text, precisions) is read once, or taken from ``parsed`` (texts already read, by text).
    """
    pa = require("pyarrow", "parquet", "Parquet files")
    pc = require("pyarrow.compute", "parquet", "Parquet files")
    names = ("start_precision", "end_precision")
    keys = pc.binary_join_element_wise(
        table.column("edtf"), *(pc.fill_null(table.column(name), "") for name in names), "\x1f"
    )
    encoded = pc.dictionary_encode(keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys)
    known = {precision.value: precision for precision in Precision}
    found: list[tuple[int, str]] = []
    for k, key in enumerate(encoded.dictionary.to_pylist()):
        text, *given = key.split("\x1f")
        try:
            value = parsed[text] if text in parsed else parse(text)
        except ChronologyError:
            continue  # said by _dates_disagree
        ends = (value, value) if isinstance(value, UncertainDate) else (value.start, value.end)
        for name, end, precision in zip(names, ends, given, strict=True):
            wanted = known.get(precision)
            if not isinstance(end, UncertainDate) or wanted is None or end.precision is wanted:
                continue
            if _end_at(end, wanted) is end:  # not the same text at the column's precision
                written = UncertainDate.from_seconds(
                    end.lo, end.hi, wanted, qualifier=end.qualifier, utc_offset=end.utc_offset
                ).edtf
                message = (
                    f"{text!r} reads at {end.precision.value} precision, but {name} says {precision} "
                    f"(at {precision} precision, these bounds are written {written!r})"
                )
                found.append((k, message))
                break
    if not found:
        return []
    indices = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
    ids = table.column("id")
    problems = []
    for k, message in found[:20]:
        row = int(np.flatnonzero(indices == k)[0])
        problems.append(Problem(message, path=where, event=str(ids[row]), field="edtf"))
    if len(found) > 20:
        problems.append(Problem(f"and {len(found) - 20:,} more dates like these", path=where))
    return problems


def problems_in(path: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Every problem :func:`read_parquet` would refuse the file for (empty when it reads)."""
    pa = require("pyarrow", "parquet", "Parquet files")
    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    tables = []
    try:
        for file in parquet_files(path):
            tables.append(parquet.read_table(file))
    except (OSError, pa.ArrowException) as error:
        return (Problem(f"not a Parquet file this library can read ({error})", path=os.fspath(path)),)
    except DatasetError as error:
        return (Problem(str(error)),)
    table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
    problems = check_table(table, os.fspath(path))
    if not problems:  # every date read: thorough, and too slow to do on every load of millions of rows
        parsed: dict[str, DateValue] = {}
        problems = _dates_disagree(table, os.fspath(path), _metadata(table).get("zone"), parsed)
        if not problems:  # a text on other days than its row's is said once, for its days
            problems = _precisions_disagree(table, os.fspath(path), parsed)
    if problems:
        return tuple(problems)
    try:
        timeline = _timeline(table, str(path))
    except (EventFileError, ValidationError) as error:
        return tuple(error.problems)
    except DatasetError as error:
        return (Problem(str(error), path=os.fspath(path)),)
    return tuple(_records_disagree(timeline, table, os.fspath(path)))


def _records_disagree(timeline: Timeline, table: pyarrow.Table, where: str) -> list[Problem]:
    """Rows whose day columns are not the days their records give once loaded (what ``load`` and ``scan`` answer).

    A timeline read from its columns answers with the stored days: nothing to compare.
    """
    if timeline._root.columns is not None:
        return []
    index = timeline.index()
    problems = []
    for prefix, widened in (("", False), ("possible_", True)):
        given = np.clip(index.ends(widened=widened), NEG_DAY, POS_DAY)
        for k, name in enumerate(_DAY_COLUMNS):
            stored = _days(table, f"{prefix}{name}")
            wrong = np.flatnonzero(given[k] != stored)
            if wrong.size:
                row = int(wrong[0])
                loaded = "no bound" if given[k, row] in (NEG_DAY, POS_DAY) else int(given[k, row]) - EPOCH_DAY
                message = (
                    f"{prefix}{name} is not the day its record gives once loaded ({loaded}), so the file "
                    f"loaded and the file scanned answer differently ({wrong.size:,} rows)"
                )
                problems.append(Problem(message, path=where, event=str(table.column("id")[row]), field=prefix + name))
    return problems


def read_parquet(path: str | os.PathLike[str]) -> Timeline:
    """A Parquet file (or a folder of them) in the columnar form, as a timeline in memory.

    Raises:
        MissingExtraError: pyarrow is not installed.
        DatasetError: the file does not hold the columnar form (the message names the column).
        EventFileError: the events' records do not make a valid chronology.

    """
    return _timeline(read_table(path), str(path))


def _timeline(table: pyarrow.Table, where: str) -> Timeline:
    """A table of the columnar form, already checked, as a timeline: from its records, or else its columns."""
    metadata = _metadata(table)
    records = table.column("record")
    # whole events need the sources they cite, which the metadata holds: a table written without it (by an
    # engine, say) is read from its columns instead
    if len(table) and records.null_count == 0 and metadata:
        return _from_records(table, metadata, where)
    return _from_columns(table, metadata)


def _metadata(table: pyarrow.Table) -> dict[str, Any]:
    raw = (table.schema.metadata or {}).get(METADATA_KEY)
    if raw is None:
        return {}
    try:
        found = json.loads(raw)
    except ValueError:
        raise DatasetError(f"the table's {METADATA_KEY.decode()!r} metadata is not JSON") from None
    return found if isinstance(found, dict) else {}


def _from_records(table: pyarrow.Table, metadata: dict[str, Any], where: str) -> Timeline:
    from chronology.files.load import load_document

    document: dict[str, Any] = {
        "sources": metadata.get("sources", []),
        "events": [json.loads(text) for text in table.column("record").to_pylist()],
    }
    if metadata.get("title"):
        document["title"] = metadata["title"]
    if metadata.get("zone"):
        document["reading"] = {"zone": metadata["zone"]}
    return _at_row_precisions(load_document(document, path=where), table)


def _at_row_precisions(timeline: Timeline, table: pyarrow.Table) -> Timeline:
    """The timeline read from records, each event's date at its row's precisions (:func:`at_precisions`).

    A record's date is EDTF text, which cannot say every precision (a day
    precision date spanning one calendar week reads as a week): the row's
    ``start_precision`` and ``end_precision`` columns restore it. The
    timeline is checked again only when a date changed.
    """
    import attrs

    from chronology.timeline import Timeline

    known = {precision.value: precision for precision in Precision}
    events = list(timeline.events)
    starts, ends = (table.column(name).to_pylist() for name in ("start_precision", "end_precision"))
    changed = False
    for row, (event, start, end) in enumerate(zip(events, starts, ends, strict=True)):
        value = at_precisions(event.when, known.get(start or ""), known.get(end or ""))
        if value is not event.when:
            events[row] = attrs.evolve(event, when=value)
            changed = True
    if not changed:
        return timeline
    return Timeline(events, timeline.sources.values(), title=timeline.title, zone=timeline.zone)


def _from_columns(table: pyarrow.Table, metadata: dict[str, Any]) -> Timeline:
    from chronology.timeline import Timeline

    zone = metadata.get("zone")
    return Timeline.of_columns(TableColumns(table), str(metadata.get("title") or ""), zone if zone else None)


class TableColumns(Columns):
    """The columns of a table in the columnar form: its stored days answer questions asked with the default policy.

    Each ``Event`` is made when asked for, its date read from the ``edtf``
    column (the narrowed date, where the links narrowed it, stands for it in
    queries). A question given another widening policy widens the seconds
    columns by each end's precision and qualifier.
    """

    def __init__(self, table: pyarrow.Table) -> None:
        def seconds(name: str, missing: int) -> npt.NDArray[np.int64]:
            column = table.column(name)
            filled = column.fill_null(0) if column.null_count else column
            values = np.asarray(filled.to_numpy(), dtype=np.int64) + _EPOCH_SECONDS
            if column.null_count:
                values[np.asarray(column.is_null().to_numpy(zero_copy_only=False))] = missing
            return values

        start_open, end_open = _is_open(table, "start_kind"), _is_open(table, "end_kind")
        starts = np.stack([seconds("start_lo", OPEN_LO), seconds("start_hi", OPEN_HI)])
        starts[1, start_open] = OPEN_LO  # an open start goes back forever: its latest moment too
        ends = np.stack([seconds("end_lo", OPEN_LO), seconds("end_hi", OPEN_HI)])
        ends[0, end_open] = OPEN_HI
        codes = {precision.value: k for k, precision in enumerate(Precision)}
        symbols = {symbol: qualifier.value for symbol, qualifier in QUALIFIERS.items()}
        super().__init__(
            ids=np.asarray(table.column("id").to_numpy(zero_copy_only=False)).astype(np.str_),
            titles=np.asarray(table.column("title").fill_null("").to_numpy(zero_copy_only=False)).astype(np.str_),
            starts=starts,
            ends=ends,
            lasting=np.asarray(table.column("lasting").fill_null(False).to_numpy(zero_copy_only=False), dtype=bool),
            precision=_codes(table, "start_precision", codes, "day"),
            qualifier=_codes(table, "start_qualifier", symbols, ""),
            end_precision=_codes(table, "end_precision", codes, "day"),
            end_qualifier=_codes(table, "end_qualifier", symbols, ""),
        )
        #: the ids as the table holds them, for answers written back to Arrow without a round trip through numpy
        self.arrow_ids = table.column("id")
        self._stored = tuple(
            np.stack([_days(table, f"{prefix}{name}") for name in _DAY_COLUMNS]) for prefix in ("", "possible_")
        )
        # the texts stay Arrow columns, read a row at a time: millions of Python strings would outweigh the index
        self._narrowed = table.column("narrowed").combine_chunks()
        self._written = table.column("edtf").combine_chunks()
        self._kinds = table.column("kind")
        self._ranks = table.column("rank").combine_chunks()
        self._lists = {name: table.column(name) for name in ("actors", "places", "tags")}
        has_claims = "claims" in table.column_names and table.schema.field("claims").type == "string"
        self._claims = table.column("claims") if has_claims else None  # a data set's claims (ACLED's fatalities)
        #: what the columns of the base class cannot say again, kept for writing the rows back (no copy)
        self._kept = table.select(list(_KEPT))

    def stored_columns(self, rows: npt.NDArray[np.intp] | None) -> dict[str, Any]:
        """The table's own columns for ``rows`` (None: all), for :func:`~chronology.exchange.arrow.columns_table`.

        The date as written, its kind, lists, ranks and links' marks, as read;
        the data set's claims as the extra column ``claims``.
        """
        pa = require("pyarrow", "parquet", "Parquet files")
        picked = None if rows is None else pa.array(rows, pa.int64())
        kept = self._kept if picked is None else self._kept.take(picked)
        found: dict[str, Any] = {name: kept.column(name) for name in kept.column_names}
        found["id"] = self.arrow_ids if picked is None else self.arrow_ids.take(picked)
        if self._claims is not None:
            found["extra"] = {"claims": self._claims if picked is None else self._claims.take(picked)}
        return found

    def ranks(self) -> dict[str, int]:
        """The ``rank`` column, for the rows that have one: the order the links gave."""
        ranked = np.flatnonzero(~np.asarray(self._ranks.is_null().to_numpy(zero_copy_only=False)))
        values = self._ranks.take(ranked).to_pylist() if ranked.size else []
        return dict(zip(self.ids[ranked].tolist(), values, strict=True))

    def days(self, widening: Widening | None) -> tuple[np.ndarray, np.ndarray]:
        """The stored days for the default policy (or each event's own); another policy widens the seconds."""
        if widening is None or widening == DEFAULT_WIDENING:
            raw, possible = self._stored
            return raw.copy(), possible.copy()
        raw, _ = self._stored
        return raw.copy(), super().days(widening)[1]

    def value(self, row: int) -> DateValue:
        """Row ``row``'s date as the links narrow it (as written where they narrow nothing)."""
        narrowed = self._narrowed[row].as_py()
        text = narrowed or self._written[row].as_py()
        if text is None:
            return super().value(row)
        return self._parsed(text, row, "narrowed" if narrowed else "edtf")

    def _parsed(self, text: str, row: int, column: str) -> DateValue:
        """A row's date text read, at the precisions its columns give (:func:`at_precisions`).

        Raises:
            DatasetError: a text that does not read (a file made elsewhere); the message names the event and
                the column.

        """
        try:
            value = parse(text)
        except ChronologyError as error:
            raise DatasetError(f"event {str(self.ids[row])!r}, column {column!r}: {error}") from None
        return at_precisions(value, _PRECISIONS[self.precision[row]], _PRECISIONS[self.end_precision[row]])

    def _make(self, row: int) -> Event:
        """Row ``row`` as an event: its date as written, kind, actors, places, tags and the data set's claims."""
        written = self._written[row].as_py()
        return Event(
            id=str(self.ids[row]),
            title=str(self.titles[row]) if self.titles is not None else "",
            when=self._parsed(written, row, "edtf") if written is not None else super().value(row),
            kind=self._kinds[row].as_py() or "",
            actors=tuple(self._lists["actors"][row].as_py() or ()),
            places=tuple(self._lists["places"][row].as_py() or ()),
            tags=tuple(self._lists["tags"][row].as_py() or ()),
            claims=_claims(self._claims[row].as_py(), str(self.ids[row])) if self._claims is not None else (),
        )


def at_precisions(value: DateValue, start: Precision | None, end: Precision | None) -> DateValue:
    """``value`` with each end at the precision the file's columns give (``start_precision``, ``end_precision``).

    EDTF has no notation of its own for a week: it writes one as its days
    (``[2020-02-17..2020-02-23]``, Monday to Sunday), so a date of day
    precision that spans a Monday to the Sunday after reads back as a week,
    which "possible" questions widen by a week rather than a day. The
    columns say which it was. An end is given the column's precision only
    where its text is what that precision writes for the same bounds; a text
    that is not is left as read (``chronology validate`` reports it). None:
    the column is null (an open or unknown end).
    """
    if isinstance(value, UncertainDate):
        return _end_at(value, start)
    first = _end_at(value.start, start) if isinstance(value.start, UncertainDate) else value.start
    last = _end_at(value.end, end) if isinstance(value.end, UncertainDate) else value.end
    if first is value.start and last is value.end:
        return value
    return Interval(first, last, text=value.text)


def _end_at(date: UncertainDate, precision: Precision | None) -> UncertainDate:
    """``date`` at ``precision``, when its text is the same at it; else ``date`` itself."""
    if precision is None or date.precision is precision:
        return date
    found = UncertainDate.from_seconds(
        date.lo, date.hi, precision, qualifier=date.qualifier, utc_offset=date.utc_offset, text=date.text
    )
    return found if found.edtf == date.edtf else date


def _claims(text: str | None, event: str) -> tuple[Claim, ...]:
    """A row's ``claims`` column: JSON, a list of claims in the event file's shape (``[[events.claims]]``).

    Raises:
        DatasetError: text that is not such a list (the message names the event and the column).

    """
    if not text:
        return ()
    try:
        return tuple(
            Claim(
                subject=str(record["subject"]),
                value=parse_quantity(record["value"]),
                unit=str(record.get("unit", "")),
                claimant=str(record.get("claimant", "")),
                source=record.get("source"),
                said=parse(record["said"]) if record.get("said") else None,
                quote=str(record.get("quote", "")),
            )
            for record in json.loads(text)
        )
    except (ValueError, TypeError, KeyError, AttributeError, ChronologyError) as error:
        message = f"event {event!r}, column 'claims': not a list of claims in the event file's shape ({error})"
        raise DatasetError(message) from None


#: The day columns, in the index's order of rows.
_DAY_COLUMNS: Final = ("start_first", "start_last", "end_first", "end_last")
#: Precisions by their code in :class:`~chronology.columns.Columns`.
_PRECISIONS: Final = tuple(Precision)
#: The columns a table read from its columns keeps as they are, to write its rows back.
_KEPT: Final = (
    "kind",
    "edtf",
    "narrowed",
    "precision",
    "start_kind",
    "end_kind",
    "start_precision",
    "end_precision",
    "linked",
    "rank",
    "actors",
    "places",
    "tags",
    "sources",
)
_EPOCH_SECONDS: Final = EPOCH_DAY * SECONDS_PER_DAY


def _days(table: pyarrow.Table, name: str) -> npt.NDArray[np.int64]:
    """A day column as the index's day numbers; a missing bound as the sentinel its side means.

    A missing first day is before every day, a missing last day after every
    one; a start's missing last day (an open start) and an end's missing first
    day (an open end) are told apart by the kind of that end.
    """
    column = table.column(name)
    values = np.asarray(column.fill_null(0).to_numpy(), dtype=np.int64) + EPOCH_DAY
    if column.null_count:
        missing = np.asarray(column.is_null().to_numpy(zero_copy_only=False))
        bare = name.removeprefix("possible_")
        low = bare.endswith("first")
        if bare == "start_last":
            low_side = _is_open(table, "start_kind")
            values[missing] = np.where(low_side[missing], NEG_DAY, POS_DAY)
        elif bare == "end_first":
            high_side = _is_open(table, "end_kind")
            values[missing] = np.where(high_side[missing], POS_DAY, NEG_DAY)
        else:
            values[missing] = NEG_DAY if low else POS_DAY
    return values


def _is_open(table: pyarrow.Table, name: str) -> npt.NDArray[np.bool_]:
    """Which rows of a kind column (``start_kind``, ``end_kind``) say ``open``."""
    pc = require("pyarrow.compute", "parquet", "Parquet files")
    found = pc.fill_null(pc.equal(table.column(name), "open"), False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _codes(table: pyarrow.Table, name: str, codes: dict[str, int], default: str) -> npt.NDArray[np.int8]:
    """A column of names as their codes, a missing name as ``default``'s (each distinct name looked up once).

    Raises:
        DatasetError: a name that is not one of ``codes``.

    """
    pc = require("pyarrow.compute", "parquet", "Parquet files")
    encoded = pc.dictionary_encode(table.column(name).fill_null(default).combine_chunks())
    kinds = encoded.dictionary.to_pylist()
    unknown = [str(kind) for kind in kinds if str(kind) not in codes]
    if unknown:
        raise DatasetError(f"column {name!r}: {unknown[0]!r} is not one of {', '.join(map(repr, codes))}")
    lookup = np.asarray([codes[str(kind)] for kind in kinds] or [0], dtype=np.int8)
    return lookup[np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.intp)]
