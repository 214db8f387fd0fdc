"""A timeline in columnar form: an Arrow table with a documented schema, written and read as Parquet.

This is the form engines query (:func:`chronology.scan`): every question a
timeline answers in memory is a comparison of whole days, so the table holds
each event's days as integer columns, beside what a person reads (id, title,
the date as written). ``docs/reference/columnar.md`` documents every column;
:data:`COLUMNS` lists them.

Days count from 1970-01-01 (day 0; day -1 is 31 December 1969), seconds from
its midnight, both ``int64``, so years before 1 and after 9999 work on every
engine. A bound that does not exist (an open or unknown end, the open side of
"before 1456") is null. Days follow the day rule of every query: a time with
an offset falls on its calendar day in the timeline's zone (UTC unless the
timeline says otherwise; the zone is in the table's metadata).

Three groups of bounds:

* ``start_first``, ``start_last``, ``end_first``, ``end_last``: the first and
  last day the start, then the end, can fall on, as the event's links narrow
  them (what "certain" questions use);
* ``possible_*``: the same widened by the event's own policy (its file's
  ``[reading]``, else the default :class:`~chronology.Widening`): what
  "possible" questions use when no other policy is given;
* ``start_lo`` ... ``end_hi`` (seconds), with each end's kind, precision and
  qualifier, and ``linked`` (the bounds links set, never widened): what a
  query given another policy widens.

pyarrow is an optional dependency (``pip install "chronology[parquet]"``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology._extras import require
from chronology.columns import Columns
from chronology.dates import DateValue, Endpoint, Interval, Precision, Qualifier, UncertainDate
from chronology.errors import Problem, ValidationError
from chronology.exchange._describe import cited, coarsest_precision
from chronology.exchange._records import event_record, require_timeline, source_record
from chronology.index import NEG_DAY, POS_DAY
from chronology.zones import wall_seconds

if TYPE_CHECKING:
    import pyarrow

    from chronology.timeline import Timeline

__all__ = [
    "COLUMNS",
    "EPOCH_DAY",
    "FORMAT",
    "LINKED_BITS",
    "METADATA_KEY",
    "columns_table",
    "from_bounds",
    "qualifier_symbol",
    "schema",
    "to_arrow",
    "write_pairs",
    "write_parquet",
]

#: The version of the columnar form this module writes (in the table's metadata).
FORMAT: Final = 1
#: The key under which the table's metadata holds the format, the title, the zone and the sources, as JSON.
METADATA_KEY: Final = b"chronology"
#: The model's day number of 1970-01-01, day 0 of the columnar form.
EPOCH_DAY: Final = 719_163
_EPOCH_SECONDS: Final = EPOCH_DAY * SECONDS_PER_DAY
#: Bits of the ``linked`` column: the bounds (start first, start last, end first, end last) links set.
LINKED_BITS: Final = (1, 2, 4, 8)

#: Each column: (name, Arrow type name, what it holds). The schema is built from this table.
_DESCRIBED: Final = (
    ("id", "string", "the event's id, unique"),
    ("title", "string", "its title"),
    ("kind", "string", "its kind ('' when not given)"),
    ("edtf", "string", "its date as written, in EDTF"),
    ("narrowed", "string", "its date as its links narrow it, in EDTF; null when they narrow nothing"),
    ("lasting", "bool", "whether it lasts (an interval) rather than happening at one instant"),
    ("precision", "string", "the unit its date is given in (of an interval, the coarser end's)"),
    ("approximate", "bool", "whether its date (either end) is approximate (~)"),
    ("uncertain", "bool", "whether its date (either end) is uncertain (?)"),
    ("start_first", "int64", "first day its start can fall on (days from 1970-01-01; null: no bound)"),
    ("start_last", "int64", "last day its start can fall on"),
    ("end_first", "int64", "first day its end can fall on (an instant's end is its start)"),
    ("end_last", "int64", "last day its end can fall on"),
    ("possible_start_first", "int64", "start_first widened by the event's own policy"),
    ("possible_start_last", "int64", "start_last widened by the event's own policy"),
    ("possible_end_first", "int64", "end_first widened by the event's own policy"),
    ("possible_end_last", "int64", "end_last widened by the event's own policy"),
    ("start_kind", "string", "'date', 'open' (..) or 'unknown' (an empty EDTF end)"),
    ("end_kind", "string", "as start_kind, for the end ('date' for an instant)"),
    ("start_lo", "int64", "earliest moment of the start, seconds from 1970-01-01T00:00 on the day rule's clock"),
    ("start_hi", "int64", "latest moment of the start"),
    ("end_lo", "int64", "earliest moment of the end"),
    ("end_hi", "int64", "latest moment of the end"),
    ("start_precision", "string", "the unit the start is given in (null unless start_kind is 'date')"),
    ("end_precision", "string", "the unit the end is given in"),
    ("start_qualifier", "string", "the start's EDTF qualifier: '', '?', '~' or '%'"),
    ("end_qualifier", "string", "the end's EDTF qualifier"),
    ("linked", "int8", "bounds set by links, never widened: 1 start_first, 2 start_last, 4 end_first, 8 end_last"),
    ("rank", "int64", "its place in an order that keeps every link (null without links): orders events of a day"),
    ("actors", "list<string>", "who acted"),
    ("places", "list<string>", "where"),
    ("tags", "list<string>", "free labels"),
    ("sources", "list<string>", "ids of the sources cited, then those its claims come from"),
    ("record", "string", "the whole event as JSON, in the event file's shape; null for data sets"),
)
#: The columns of the columnar form, in order.
COLUMNS: Final = tuple(name for name, _, _ in _DESCRIBED)
_SYMBOLS: Final = {Qualifier.NONE: "", Qualifier.UNCERTAIN: "?", Qualifier.APPROXIMATE: "~", Qualifier.BOTH: "%"}


def qualifier_symbol(qualifier: Qualifier) -> str:
    """The EDTF symbol of a qualifier: ``""``, ``"?"``, ``"~"`` or ``"%"``."""
    return _SYMBOLS[qualifier]


def schema() -> pyarrow.Schema:
    """The Arrow schema of the columnar form, each field described in its metadata.

    Raises:
        MissingExtraError: pyarrow is not installed.

    """
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    types = {"string": pa.string(), "bool": pa.bool_(), "int64": pa.int64(), "int8": pa.int8()}
    types["list<string>"] = pa.list_(pa.string())
    return pa.schema(
        [
            pa.field(name, types[kind], nullable=name != "id", metadata={"description": text})
            for name, kind, text in _DESCRIBED
        ]
    )


def to_arrow(timeline: Timeline) -> pyarrow.Table:
    """The timeline (or a view of it) as an Arrow table in the columnar form, one row per event, in order.

    The sources, the title and the zone go in the table's metadata
    (:data:`METADATA_KEY`); each event's whole record in ``record``, so
    :func:`chronology.load` gives the same timeline back. A timeline of
    columns (:meth:`~chronology.Timeline.from_columns`, or a data set read
    from its columns) is written from its arrays (:func:`columns_table`): no
    event is made, ``record`` is null, and ``load`` reads it from its
    columns, each date at the precision the columns give.

    Raises:
        MissingExtraError: pyarrow is not installed.
        ValidationError: an ``extra`` value that JSON cannot hold; an event
            without a title (its record would not read back).

    """
    require_timeline(timeline)
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    arrays = timeline._root.columns
    if arrays is not None:  # a timeline of columns: written from its arrays, no event made
        table = columns_table(arrays, None if timeline._positions is None else np.asarray(timeline.positions))
        return table.replace_schema_metadata({METADATA_KEY: _metadata(timeline.title, timeline.zone, [])})
    events = timeline.events
    untitled = [event.id for event in events if not event.title]
    if untitled:  # each row's record is read back as an event file's event, which needs a title
        raise ValidationError(
            Problem(
                "the title is empty: a Parquet file keeps each event whole, read back as an event file's "
                "event, which needs a title; give each event one",
                event=event_id,
                field="title",
            )
            for event_id in untitled[:20]
        )
    positions = np.asarray(timeline.positions)
    raw = timeline.index().ends(positions)
    possible = timeline.index().ends(positions, widened=True)
    columns: dict[str, Any] = {
        "id": [e.id for e in events],
        "title": [e.title for e in events],
        "kind": [e.kind for e in events],
        "edtf": [e.when.to_edtf() for e in events],
    }
    narrowed = [timeline.narrowed(e.id) for e in events]
    columns["narrowed"] = [None if n is e.when else n.to_edtf() for n, e in zip(narrowed, events, strict=True)]
    columns["lasting"] = [isinstance(e.when, Interval) for e in events]
    columns["precision"] = [coarsest_precision(e.when).value for e in events]
    sides = [(_side(e.when, start=True), _side(e.when, start=False)) for e in events]
    columns["approximate"] = [any(s is not None and s.approximate for s in pair) for pair in sides]
    columns["uncertain"] = [any(s is not None and s.uncertain for s in pair) for pair in sides]
    names = ("start_first", "start_last", "end_first", "end_last")
    for row, name in enumerate(names):
        columns[name] = _days(raw[row])
        columns[f"possible_{name}"] = _days(possible[row])
    zone = timeline.zone_info
    for prefix, start in (("start", True), ("end", False)):
        written = [_side(e.when, start=start) for e in events]
        now = [_side(n, start=start) for n in narrowed]
        columns[f"{prefix}_kind"] = [_kind(e.when, start=start) for e in events]
        lo, hi = zip(*(_seconds(value, zone) for value in now), strict=True) if events else ((), ())
        columns[f"{prefix}_lo"], columns[f"{prefix}_hi"] = list(lo), list(hi)
        columns[f"{prefix}_precision"] = [None if v is None else v.precision.value for v in written]
        columns[f"{prefix}_qualifier"] = [None if v is None else _SYMBOLS[v.qualifier] for v in written]
    columns["linked"] = [_linked(e.when, n) for e, n in zip(events, narrowed, strict=True)]
    ranks = timeline._root.ranks  # the links' order, which sorts events on the same moments
    columns["rank"] = [ranks.get(e.id) for e in events]
    for key in ("actors", "places", "tags"):
        columns[key] = [list(getattr(e, key)) for e in events]
    columns["sources"] = [list(cited(e)) for e in events]
    dates: dict[str, DateValue] = {e.id: e.when for e in events}
    columns["record"] = [json.dumps(event_record(e, dates, timeline.sources), ensure_ascii=False) for e in events]
    sources = [source_record(source) for source in timeline.sources.values()]
    table = pa.table(columns, schema=schema())
    return table.replace_schema_metadata({METADATA_KEY: _metadata(timeline.title, timeline.zone, sources)})


def _metadata(title: str, zone: str | None, sources: list[dict[str, Any]]) -> bytes:
    """The table's metadata (:data:`METADATA_KEY`), as JSON."""
    metadata = {"format": FORMAT, "title": title, "zone": zone, "sources": sources}
    return json.dumps(metadata, ensure_ascii=False).encode()


def from_bounds(
    ids: npt.ArrayLike,
    edtf: npt.ArrayLike,
    start_lo: npt.ArrayLike,
    start_hi: npt.ArrayLike,
    *,
    end_lo: npt.ArrayLike | None = None,
    end_hi: npt.ArrayLike | None = None,
    precision: str | npt.ArrayLike = "day",
    qualifier: str | npt.ArrayLike = "",
    titles: npt.ArrayLike | None = None,
    kinds: npt.ArrayLike | None = None,
    sources: Sequence[Sequence[str]] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> pyarrow.Table:
    """Rows of the columnar form from bounds in seconds, worked out in bulk: what data set readers write.

    For events whose ends are dates and that carry no links: the days,
    possible days (the default policy) and the rest follow from the bounds as
    they do for a timeline's events (:func:`columns_table`). Every bound is a
    moment: there is no open or unknown end (no null); for those, write a
    :meth:`~chronology.Timeline.from_columns` timeline (NaT: open) with
    ``to_parquet``, written from its columns the same way.

    Args:
        ids: one id per row.
        edtf: each row's date in EDTF, as the bounds say it ("2024-10-18", "[2024-10-12..2024-10-24]").
        start_lo: the earliest moment of each start, seconds from 1970-01-01T00:00 (UTC).
        start_hi: the latest moment of each start.
        end_lo: for rows that last, the earliest moment of the end (None: every row is an instant).
        end_hi: the latest moment of the end.
        precision: the unit of the dates ("day", "month", ...): one for all, or one per row.
        qualifier: EDTF qualifiers ("", "?", "~", "%"): one for all, or one per row.
        titles: one title per row ("" when None).
        kinds: one kind per row ("" when None).
        sources: the ids of each row's sources.
        extra: more columns (name -> Arrow array or list), appended after the form's own.

    Raises:
        MissingExtraError: pyarrow is not installed.
        InvalidEventError: bounds out of order, ids given twice, an unknown precision or qualifier.

    """
    count = len(np.asarray(ids))
    starts = np.stack([np.asarray(start_lo, dtype=np.int64), np.asarray(start_hi, dtype=np.int64)])
    lasting = end_lo is not None
    ends = np.stack([np.asarray(end_lo, dtype=np.int64), np.asarray(end_hi, dtype=np.int64)]) if lasting else starts
    names = np.asarray([str(p) for p in np.broadcast_to(np.asarray(precision, dtype=object), (count,))])
    symbols = np.asarray([str(q) for q in np.broadcast_to(np.asarray(qualifier, dtype=object), (count,))])
    columns = Columns.from_arrays(
        np.asarray(ids).astype(np.str_),
        starts[0].astype("datetime64[s]"),
        starts[1].astype("datetime64[s]"),
        end_earliest=ends[0].astype("datetime64[s]") if lasting else None,
        end_latest=ends[1].astype("datetime64[s]") if lasting else None,
        precision=names,
        qualifiers=symbols,
    )
    own: dict[str, Any] = {"edtf": np.asarray(edtf, dtype=object)}
    if titles is not None:  # as given: numpy's fixed-width text would take the longest title's room each
        own["title"] = np.asarray(titles, dtype=object)
    if kinds is not None:
        own["kind"] = np.asarray(kinds, dtype=object)
    if sources is not None:
        own["sources"] = [list(s) for s in sources]
    table = columns_table(columns, own=own, extra=extra)
    return table.replace_schema_metadata({METADATA_KEY: _metadata("", None, [])})


def columns_table(
    columns: Columns,
    rows: npt.NDArray[np.intp] | None = None,
    *,
    own: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> pyarrow.Table:
    """Rows of the columnar form from a timeline's columns, worked out in bulk: no ``Event`` is made.

    What the columns hold is written as it is (ids, titles, bounds, precisions,
    qualifiers), the days as the index takes them (``Columns.days``), the
    EDTF texts from the bounds (a day, or a range of days, built as text in
    bulk; any other value once per distinct value). ``record`` is null: the
    row is read back from its columns. A table's own columns (a
    :class:`~chronology.exchange.parquet.TableColumns` read from a file) keep
    what it read: its ``kind``, ``edtf``, ``narrowed``, lists, ranks and
    extra columns.

    Args:
        columns: the columns.
        rows: which rows, in order (None: all of them).
        own: columns given as they are, by name (Arrow arrays, numpy arrays or lists of the rows).
        extra: more columns (name -> Arrow array or list), appended after the form's own.

    Raises:
        MissingExtraError: pyarrow is not installed.

    """
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    stored = getattr(columns, "stored_columns", None)  # a table's own columns, kept as it read them
    kept: dict[str, Any] = dict(stored(rows)) if stored is not None else {}
    kept.update(own or {})
    more = dict(kept.pop("extra", None) or {})
    more.update(extra or {})

    def picked(values: np.ndarray) -> np.ndarray:
        return values if rows is None else values[..., rows]

    count = len(columns) if rows is None else int(rows.size)
    starts, ends, lasting = picked(columns.starts), picked(columns.ends), picked(columns.lasting)
    start_p, start_q = picked(columns.precision), picked(columns.qualifier)
    end_p, end_q = picked(columns.end_precision), picked(columns.end_qualifier)
    raw, wide = (picked(days) for days in columns.days(None))
    names = pa.array(_PRECISION_NAMES)
    symbols = pa.array(_SYMBOL_OF_VALUE)
    flags = start_q | end_q
    empty = pa.ListArray.from_arrays(pa.array(np.zeros(count + 1, dtype=np.int32)), pa.array([], pa.string()))
    data: dict[str, Any] = {
        "id": pa.array(picked(columns.ids), pa.string()),
        "title": pa.repeat("", count) if columns.titles is None else pa.array(picked(columns.titles), pa.string()),
        "kind": pa.repeat("", count),
        "narrowed": pa.nulls(count, pa.string()),
        "lasting": pa.array(lasting, pa.bool_()),
        "precision": names.take(pa.array(np.maximum(start_p, end_p))),  # declared finest to coarsest
        "approximate": pa.array((flags & Qualifier.APPROXIMATE.value) != 0),
        "uncertain": pa.array((flags & Qualifier.UNCERTAIN.value) != 0),
    }
    if "edtf" not in kept:
        data["edtf"] = _edtf_texts(starts, ends, lasting, (start_p, start_q, end_p, end_q))
    for row, name in enumerate(("start_first", "start_last", "end_first", "end_last")):
        data[name] = _day_array(raw[row])
        data[f"possible_{name}"] = _day_array(wide[row])
    for prefix, bounds, precisions, qualifiers in (("start", starts, start_p, start_q), ("end", ends, end_p, end_q)):
        data[f"{prefix}_kind"] = pa.repeat("date", count)
        data[f"{prefix}_lo"], data[f"{prefix}_hi"] = _second_array(bounds[0]), _second_array(bounds[1])
        data[f"{prefix}_precision"] = names.take(pa.array(precisions))
        data[f"{prefix}_qualifier"] = symbols.take(pa.array(qualifiers))
    data["linked"] = pa.array(np.zeros(count, dtype=np.int8))
    data["rank"] = pa.nulls(count, pa.int64())
    data["actors"] = data["places"] = data["tags"] = data["sources"] = empty
    data["record"] = pa.nulls(count, pa.string())
    data.update(kept)
    table = pa.table({name: data[name] for name in COLUMNS}, schema=schema())
    for name, values in more.items():
        table = table.append_column(
            name, values if isinstance(values, pa.Array | pa.ChunkedArray) else pa.array(values)
        )
    return table


#: Precision names by their code in :class:`~chronology.columns.Columns` (the order of :class:`Precision`).
_PRECISION_NAMES: Final = tuple(precision.value for precision in Precision)
_PRECISIONS: Final = tuple(Precision)
#: EDTF qualifier symbols by the qualifier's value.
_SYMBOL_OF_VALUE: Final = tuple(_SYMBOLS[Qualifier(value)] for value in range(len(_SYMBOLS)))
_DAY_CODE: Final = _PRECISIONS.index(Precision.DAY)
#: The days whose EDTF numpy writes as EDTF does (years 1000 to 9999), in the model's day numbers.
_PLAIN_DAYS: Final = (EPOCH_DAY - 354_285, EPOCH_DAY + 2_932_896)


def _edtf_texts(
    starts: np.ndarray, ends: np.ndarray, lasting: np.ndarray, codes: tuple[np.ndarray, ...]
) -> pyarrow.Array:
    """Each row's date in EDTF, as :meth:`Columns.value` writes it: ``start/end`` for the rows that last."""
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    pc = require("pyarrow.compute", "parquet", "Arrow tables and Parquet files")
    start_p, start_q, end_p, end_q = codes
    text = _side_texts(starts, start_p, start_q)
    if not lasting.any():
        return text
    joined = pc.binary_join_element_wise(text, _side_texts(ends, end_p, end_q), "/")
    return pc.if_else(pa.array(lasting), joined, text)


def _side_texts(bounds: np.ndarray, precisions: np.ndarray, qualifiers: np.ndarray) -> pyarrow.Array:
    """The EDTF of each row's one date from ``bounds`` (seconds): in bulk for whole days, else once per value."""
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    pc = require("pyarrow.compute", "parquet", "Arrow tables and Parquet files")
    lo, hi = bounds
    first, last = lo // SECONDS_PER_DAY, hi // SECONDS_PER_DAY
    plain = (
        (precisions == _DAY_CODE)
        & (lo % SECONDS_PER_DAY == 0)
        & (hi % SECONDS_PER_DAY == SECONDS_PER_DAY - 1)
        & (first >= _PLAIN_DAYS[0])
        & (last <= _PLAIN_DAYS[1])
    )
    symbol = pa.array(_SYMBOL_OF_VALUE).take(pa.array(qualifiers))

    def iso(days: np.ndarray) -> pyarrow.Array:  # Arrow writes a date32 as ISO 8601, as EDTF does (years 1000-9999)
        inside = (np.where(plain, days, EPOCH_DAY) - EPOCH_DAY).astype(np.int32)
        return pc.cast(pa.array(inside, pa.date32()), pa.string())

    one, other = iso(first), iso(last)
    single = pc.binary_join_element_wise(one, symbol, "")
    ranged = pc.binary_join_element_wise("[", one, symbol, "..", other, symbol, "]", "")
    text = pc.if_else(pa.array(first == last), single, ranged)
    rest = np.flatnonzero(~plain)
    if not rest.size:
        return text
    keys = np.stack([lo[rest], hi[rest], precisions[rest].astype(np.int64), qualifiers[rest].astype(np.int64)], 1)
    distinct, back = _distinct_rows(keys)
    written = [
        UncertainDate.from_seconds(a, b, _PRECISIONS[p], qualifier=Qualifier(q)).edtf
        for a, b, p, q in distinct.tolist()
    ]
    mask = np.zeros(first.size, dtype=bool)
    mask[rest] = True
    replacements = pa.array(np.asarray(written, dtype=object)[back], pa.string())
    return pc.replace_with_mask(text, pa.array(mask), replacements)


def _distinct_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of a 2-d array, and for each row the index of its own (``np.unique(axis=0)``, faster)."""
    order = np.lexsort(keys.T[::-1])
    ordered = keys[order]
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    back = np.empty(len(ordered), dtype=np.int64)
    back[order] = np.cumsum(new) - 1
    return ordered[new], back


def _day_array(days: np.ndarray) -> pyarrow.Array:
    """Day numbers of the index as days from 1970-01-01, null for its sentinels (no bound)."""
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    unbounded = (days <= NEG_DAY) | (days >= POS_DAY)
    return pa.array(days.astype(np.int64) - EPOCH_DAY, pa.int64(), mask=unbounded if unbounded.any() else None)


def _second_array(seconds: np.ndarray) -> pyarrow.Array:
    """Seconds of the model's timeline as seconds from 1970-01-01, null where open."""
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    unbounded = (seconds <= OPEN_LO) | (seconds >= OPEN_HI)
    return pa.array(seconds - _EPOCH_SECONDS, pa.int64(), mask=unbounded if unbounded.any() else None)


def write_parquet(timeline: Timeline, path: str | os.PathLike[str]) -> None:
    """Write the timeline's columnar form (:func:`to_arrow`) to a Parquet file, atomically.

    Raises:
        MissingExtraError: pyarrow is not installed.

    """
    table = to_arrow(timeline)
    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    parquet.write_table(table, partial)
    partial.replace(target)


def write_pairs(path: str | os.PathLike[str], found: Sequence[npt.NDArray[np.int64]], ids: Any) -> None:
    """Write (``window``, ``id``) pairs to Parquet, atomically: window ``k``'s events at positions ``found[k]``.

    ``ids`` holds every event's id by position: an Arrow array (taken from, no
    copy of the text through Python) or a numpy array of text.
    """
    pa = require("pyarrow", "parquet", "Arrow tables and Parquet files")
    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    sizes = np.fromiter((positions.size for positions in found), dtype=np.int64, count=len(found))
    positions = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    arrow_ids = ids if isinstance(ids, (pa.Array, pa.ChunkedArray)) else pa.array(ids, pa.string())
    table = pa.table(
        {
            "window": pa.array(np.repeat(np.arange(len(found), dtype=np.int64), sizes)),
            "id": arrow_ids.take(pa.array(positions, pa.int64())),
        }
    )
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    parquet.write_table(table, partial)
    partial.replace(target)


def _days(days: np.ndarray) -> list[int | None]:
    """Day numbers of the index as days from 1970-01-01, None for its sentinels (no bound)."""
    values = days.astype(np.int64) - EPOCH_DAY
    unbounded = (days <= NEG_DAY) | (days >= POS_DAY)
    return [None if gone else day for gone, day in zip(unbounded.tolist(), values.tolist(), strict=True)]


def _side(value: DateValue, *, start: bool) -> UncertainDate | None:
    """The start (or end) of a value when it is a date; an instant is both."""
    if isinstance(value, UncertainDate):
        return value
    end = value.start if start else value.end
    return end if isinstance(end, UncertainDate) else None


def _kind(value: DateValue, *, start: bool) -> str:
    if isinstance(value, UncertainDate):
        return "date"
    end = value.start if start else value.end
    if isinstance(end, UncertainDate):
        return "date"
    return "open" if end is Endpoint.OPEN else "unknown"


def _seconds(value: UncertainDate | None, zone: Any) -> tuple[int | None, int | None]:
    """A date's bounds in seconds from 1970-01-01 on the day rule's clock; None where open."""
    if value is None:
        return None, None
    lo, hi = value.lo, value.hi
    if value.utc_offset is not None:
        lo, hi = wall_seconds(lo, value.utc_offset, zone), wall_seconds(hi, value.utc_offset, zone)
    return (
        None if lo <= OPEN_LO else lo - _EPOCH_SECONDS,
        None if hi >= OPEN_HI else hi - _EPOCH_SECONDS,
    )


def _linked(written: DateValue, narrowed: DateValue) -> int:
    """The ``linked`` bits: which bounds the links moved."""
    if narrowed is written:
        return 0
    before = _bounds_of(written)
    after = _bounds_of(narrowed)
    return sum(bit for bit, old, new in zip(LINKED_BITS, before, after, strict=True) if old != new)


def _bounds_of(value: DateValue) -> Sequence[int | None]:
    if isinstance(value, UncertainDate):
        return value.lo, value.hi, value.lo, value.hi
    return (*value.start_bounds, *value.end_bounds)
