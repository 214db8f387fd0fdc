"""A timeline as a spreadsheet (CSV), one row per event: the writing half of :mod:`chronology.exchange.as_csv`."""

from __future__ import annotations

import csv
import io
import json

from chronology.dates import DateValue
from chronology.exchange._csv_bounds import bound_cells
from chronology.exchange._csv_claims import claim_items
from chronology.exchange._csv_layout import (
    COLUMNS,
    EXTRA,
    KNOWN,
    LISTS,
    LOCATORS,
    MEANT,
    SOURCE_COLUMNS,
    SOURCE_LISTS,
    defused,
    join_list,
)
from chronology.exchange._csv_read import anchor_date  # an anchor's date as the reader will take it
from chronology.exchange._describe import coarsest_precision
from chronology.exchange._records import event_record, plain, require_timeline, source_record
from chronology.exchange._records import wording as date_wording
from chronology.timeline import Timeline

__all__ = ["sources_to_csv", "to_csv"]


def to_csv(timeline: Timeline) -> str:
    """The timeline as CSV text, one row per event, in the timeline's order.

    See :mod:`chronology.exchange.as_csv` for the columns and how lists
    are written. Links to events outside a view are left out, as in
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
                # a column's name, or one the reader takes for a column's (warning): written extra.<key>
                name = key.strip().casefold()
                clash = name in KNOWN or name in MEANT or key.startswith(EXTRA)
                extra_columns[key] = EXTRA + key if clash else key
    calendar = timeline.calendar  # the wording is written where it reads back so in the files' calendar
    columns = COLUMNS
    if any(citation.locator for event in events for citation in event.citations):  # else no locators column
        after = COLUMNS.index("quotes") + 1
        columns = (*COLUMNS[:after], LOCATORS, *COLUMNS[after:])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; a lone "\r" in a cell is then quoted too
    writer.writerow([defused(column) for column in (*columns, *extra_columns.values())])
    for event in events:
        record = event_record(event, dates, timeline.sources, calendar=calendar)
        first, last = bound_cells(event.when, timeline.zone_info)  # in the timeline's zone, as queries place them
        narrowed = timeline.narrowed(event.id)
        narrowed_first, narrowed_last = (
            bound_cells(narrowed, timeline.zone_info) if narrowed is not event.when else (first, last)
        )
        edtf = event.when.to_edtf()
        # the wording, its times at the offsets of the EDTF beside it ("early Monday" read in the file's zone)
        anchor = anchor_date(record["anchor"], timeline, timeline.sources) if "anchor" in record else None
        citations = record.get("citations", [])
        quotes = [citation.get("quote", "") for citation in citations]
        locators = [citation.get("locator", "") for citation in citations]
        cells = {
            "id": event.id,
            "title": event.title,
            "earliest": first,
            "latest": last,
            "precision": coarsest_precision(event.when).value,
            "edtf": edtf,
            "kind": event.kind,
            "sources": join_list(citation["source"] for citation in citations),
            "when": date_wording(event.when, anchor, event.tense, calendar),
            "anchor": record.get("anchor", ""),
            "tense": record.get("tense", ""),
            "summary": event.summary,
            "quotes": join_list(quotes) if any(quotes) else "",
            LOCATORS: join_list(locators) if any(locators) else "",
            "part_of": record.get("part_of", ""),
            "narrowed_earliest": narrowed_first,
            "narrowed_latest": narrowed_last,
        }
        for column, items in claim_items(event, record.get("claims", ())).items():
            cells[column] = join_list(items)
        for key in LISTS:
            cells[key] = join_list(record.get(key, ()))
        row = [defused(cells[column]) for column in columns]  # dates too: a spreadsheet reckons "-0500-03-15"
        for key in extra_columns:
            value = event.extra.get(key)
            if value is None:
                row.append("")
            elif isinstance(value, str):
                row.append(defused(value))
            else:  # JSON: '["a", "=x"]' holds a formula after its comma
                row.append(defused(json.dumps(plain(value, event.id, f"extra.{key}"), ensure_ascii=False)))
        writer.writerow(row)
    return out.getvalue()


def sources_to_csv(timeline: Timeline) -> str:
    """The timeline's sources as CSV text, one row per source, in the timeline's order: what :func:`to_csv` leaves out.

    The columns are the keys of an ``[[sources]]`` table (``id, outlet,
    title, authors, published, url, note, published_after,
    published_before``); lists are written as :func:`to_csv` writes them,
    ``published`` as an event file writes it (its wording where that reads
    back alone, else EDTF). Read it back with
    ``from_csv(events, sources_csv=...)``.

    Args:
        timeline: the chronology (or a view of it: its sources all the same).

    Returns:
        The CSV text, a header row first (RFC 4180, lines ending in CRLF).

    """
    require_timeline(timeline)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SOURCE_COLUMNS)
    for source in timeline.sources.values():
        record = source_record(source, timeline.zone, calendar=timeline.calendar)
        cells = {
            column: join_list(record.get(column, ())) if column in SOURCE_LISTS else str(record.get(column, ""))
            for column in SOURCE_COLUMNS
        }
        writer.writerow([defused(cells[column]) for column in SOURCE_COLUMNS])
    return out.getvalue()
