"""A timeline as plain records in the event file's shape, for the JSON and CSV exports.

Each source and event becomes a ``dict`` with the keys of an ``[[sources]]``
or ``[[events]]`` table (``docs/reference/event-file.md``), defaults left out,
so that what is written is read back by the event file's own reader and its
checks.

A date is written as its original wording when that wording reads back to the
same value (relative wording against the anchor that is written with it), and
as EDTF otherwise, so a written date never changes on reading.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from typing import Any

from chronology.dates import DateValue, Interval, UncertainDate
from chronology.errors import ChronologyError, Problem, ValidationError, WrongTypeError
from chronology.events import Citation, Claim, Event, Source
from chronology.notation import parse_expression
from chronology.notation.quantity import parse_quantity
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense
from chronology.timeline import Timeline

__all__ = [
    "at_offsets",
    "date_text",
    "document",
    "event_record",
    "figure_text",
    "plain",
    "read_back",
    "require_timeline",
    "source_record",
    "wording",
]

#: The links of an event to other events, in the order the event file documents them.
LINKS = ("after", "before", "part_of", "reports")


def document(timeline: Timeline) -> dict[str, Any]:
    """The timeline as ``{"title", "reading", "sources", "events"}``, each record in the event file's shape.

    A view (the result of a query) is written self-contained: links to events
    outside it are left out, and a date anchored to such an event loses its
    anchor and is written as EDTF. ``reading`` is ``{"zone": ...}``, the
    timeline's zone, when it has one and no time is without an offset (a time
    read in the zone has its offset; one without would take the zone's on
    reading): times read from wording in that zone ("early Monday") are then
    written as worded, and the days of the timeline read back are the same.

    Raises:
        ValidationError: an ``extra`` value that JSON cannot hold (a number
            that is not finite, an object that is not data).

    """
    events = timeline.events
    dates: dict[str, DateValue] = {event.id: event.when for event in events}
    records: dict[str, Any] = {}
    if timeline.title:
        records["title"] = timeline.title
    zone = timeline.zone
    if zone is not None and any(_floating(value) for value in _all_dates(timeline)):
        zone = None  # a time without an offset would take the zone's on reading: not the same timeline
    if zone is not None:
        records["reading"] = {"zone": zone}
    records["sources"] = [source_record(source, zone) for source in timeline.sources.values()]
    records["events"] = [event_record(event, dates, timeline.sources, zone) for event in events]
    return records


def _all_dates(timeline: Timeline) -> Iterable[DateValue]:
    """Every date written as a date: the sources' publication, the events' dates and their claims'."""
    for source in timeline.sources.values():
        if source.published is not None:
            yield source.published
    for event in timeline.events:
        yield event.when
        yield from (claim.said for claim in event.claims if claim.said is not None)


def _floating(value: DateValue) -> bool:
    """Whether a date has a time of day without an offset (at an end, for something lasting)."""
    ends = (value,) if isinstance(value, UncertainDate) else (value.start, value.end)
    return any(isinstance(end, UncertainDate) and end.has_time and end.utc_offset is None for end in ends)


def source_record(source: Source, zone: str | None = None) -> dict[str, Any]:
    """``source`` as an ``[[sources]]`` table: the documented keys in order, defaults left out.

    ``zone``: the ``[reading] zone`` written with it, in which its date is read back.
    """
    record: dict[str, Any] = {"id": source.id}
    for key in ("outlet", "title", "authors"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    if source.published is not None:
        record["published"] = date_text(source.published, None, zone=zone)
    for key in ("url", "note", "published_after", "published_before"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    return record


def event_record(
    event: Event, dates: Mapping[str, DateValue], sources: Mapping[str, Source], zone: str | None = None
) -> dict[str, Any]:
    """``event`` as an ``[[events]]`` table: the documented keys in order, defaults left out.

    Args:
        event: the event.
        dates: the date of every event written alongside, by id: what an
            anchor or link may name.
        sources: the sources written alongside, by id.
        zone: the ``[reading] zone`` written alongside, in which its dates are read back.

    Raises:
        ValidationError: an ``extra`` value that JSON cannot hold.

    """
    anchor = event.anchor if _known(event.anchor, dates, sources) else None
    record: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "when": date_text(event.when, _anchor_value(anchor, dates, sources), event.tense, zone),
    }
    if anchor is not None:
        record["anchor"] = anchor
    if event.tense is not Tense.PAST:
        record["tense"] = event.tense.value
    for key in ("kind", "actors", "places", "tags", "summary"):
        value = getattr(event, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    for key in LINKS:
        if key == "part_of":
            if event.part_of is not None and event.part_of in dates:
                record[key] = event.part_of
            continue
        kept = [target for target in getattr(event, key) if target in dates]
        if kept:
            record[key] = kept
    if event.citations:
        record["citations"] = [_citation_record(c) for c in event.citations]
    if event.claims:
        record["claims"] = [_claim_record(claim, anchor, event.tense, dates, sources, zone) for claim in event.claims]
    if event.extra:
        record["extra"] = {key: plain(value, event.id, f"extra.{key}") for key, value in event.extra.items()}
    return record


def _citation_record(citation: Citation) -> dict[str, Any]:
    record: dict[str, Any] = {"source": citation.source}
    if citation.quote:
        record["quote"] = citation.quote
    if citation.locator:
        record["locator"] = citation.locator
    if citation.when is not None:
        record["when"] = citation.when.text
    return record


def _claim_record(
    claim: Claim,
    event_anchor: str | None,
    tense: Tense,
    dates: Mapping[str, DateValue],
    sources: Mapping[str, Source],
    zone: str | None,
) -> dict[str, Any]:
    record: dict[str, Any] = {"subject": claim.subject, "value": figure_text(claim.value)}
    for key in ("unit", "claimant", "source"):
        value = getattr(claim, key)
        if value:
            record[key] = value
    anchor = claim.anchor if _known(claim.anchor, dates, sources) else None
    if claim.said is not None:
        # without an anchor of its own, a claim's date is read from its event's
        effective = anchor if anchor is not None else event_anchor
        record["said"] = date_text(claim.said, _anchor_value(effective, dates, sources), tense, zone)
    if anchor is not None:
        record["anchor"] = anchor
    if claim.quote:
        record["quote"] = claim.quote
    return record


def _known(target: str | None, dates: Mapping[str, DateValue], sources: Mapping[str, Source]) -> bool:
    return target is not None and (target in dates or target in sources)


def _anchor_value(
    anchor: str | None, dates: Mapping[str, DateValue], sources: Mapping[str, Source]
) -> UncertainDate | None:
    """The date an anchor stands for, as the reader takes it (an event first, then a source)."""
    if anchor is None:
        return None
    value = dates[anchor] if anchor in dates else sources[anchor].published
    return value if isinstance(value, UncertainDate) else None  # a lasting event anchors nothing


def date_text(
    value: DateValue, anchor: UncertainDate | None, tense: Tense = Tense.PAST, zone: str | None = None
) -> str:
    """How a date is written: its wording when that reads back to the same value, else its EDTF.

    Args:
        value: the date.
        anchor: the date relative wording is read from, where one is written.
        tense: how unmarked relative wording is read.
        zone: the IANA zone the reader gives times written without an offset (the ``[reading] zone``
            written with the date); "early Monday" read in Europe/Kyiv is kept only where that is its zone.

    """
    if read_back(value, anchor, tense, zone) == value:
        return value.text
    return value.to_edtf()


def wording(value: DateValue, anchor: UncertainDate | None, tense: Tense = Tense.PAST) -> str:
    """The wording of a date beside its EDTF: where it reads back to the date, its times at the date's own offsets.

    "early Monday" read in Europe/Kyiv, ``[2024-03-11T00+02:00..2024-03-11T07+02:00]``, reads back to
    ``[2024-03-11T00..2024-03-11T07]``: the same clock times, which the EDTF beside it places at +02:00.
    ``""`` when there is no wording, or it does not read back to the date.
    """
    read = read_back(value, anchor, tense)
    if read is not None and (read == value or at_offsets(read, value) == value):
        return value.text
    return ""


def read_back(
    value: DateValue, anchor: UncertainDate | None, tense: Tense = Tense.PAST, zone: str | None = None
) -> DateValue | None:
    """``value``'s wording as the reader reads it (against ``anchor``, in ``zone``); None without one, or unread."""
    text = value.text
    if not text or text == value.to_edtf():
        return None
    try:
        expression = parse_expression(text, zone=zone)
        if isinstance(expression, RelativeDate):
            return None if anchor is None else expression.resolve(anchor, tense=tense)
        return expression
    except ChronologyError:
        return None


def at_offsets(read: DateValue, value: DateValue) -> DateValue:
    """``read``'s times written without an offset, given those of ``value`` (its ends', for something lasting).

    What a time of day read from wording ("3 a.m. local time") is once placed in the zone it was said in,
    when the date it is checked against names that zone's offset. Other values are returned as they are.
    """
    if isinstance(read, UncertainDate) and isinstance(value, UncertainDate):
        return _at_offset(read, value.utc_offset)
    if isinstance(read, Interval) and isinstance(value, Interval):
        start, end = (
            _at_offset(mine, theirs.utc_offset)
            if isinstance(mine, UncertainDate) and isinstance(theirs, UncertainDate)
            else mine
            for mine, theirs in ((read.start, value.start), (read.end, value.end))
        )
        try:
            return Interval(start, end, text=read.text)
        except ChronologyError:
            return read
    return read


def _at_offset(read: UncertainDate, offset: int | None) -> UncertainDate:
    if not read.has_time or read.utc_offset is not None or offset is None:
        return read
    return UncertainDate.from_seconds(
        read.lo, read.hi, read.precision, qualifier=read.qualifier, utc_offset=offset, text=read.text
    )


def figure_text(value: Quantity) -> str:
    """A claimed figure as written: its wording when that reads back to the same figure, else its label."""
    if value.text:
        try:
            if parse_quantity(value.text) == value:
                return value.text
        except ChronologyError:
            pass
    return value.label


def plain(value: Any, event: str, field: str) -> Any:
    """A user's ``extra`` value as JSON data: dates and times as ISO 8601 text, tuples as lists.

    Raises:
        ValidationError: a number that is not finite, or a value that is not data.

    """
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise ValidationError(
            [Problem(f"{value!r} cannot be written as JSON: give a finite number", event=event, field=field)]
        )
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): plain(item, event, f"{field}.{key}") for key, item in value.items()}
    if isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        return [plain(item, event, f"{field}[{index}]") for index, item in enumerate(value)]
    raise ValidationError(
        [
            Problem(
                f"a {type(value).__name__} cannot be written as JSON: give text, a number, a list or a table",
                event=event,
                field=field,
            )
        ]
    )


def require_timeline(value: object) -> None:
    """Refuse what is not a :class:`~chronology.Timeline` before an exporter reads it."""
    from chronology.timeline import Timeline

    if not isinstance(value, Timeline):
        raise WrongTypeError(f"an export is made of a Timeline (chronology.load(...)), not {type(value).__name__}")
