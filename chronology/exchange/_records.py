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
from chronology.notation import Calendar, parse_expression
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
    A timeline whose dates in words are read in the Julian calendar (its
    files' ``[reading] calendar = "julian"``) is written with ``"calendar":
    "julian"`` in ``reading``, its dates as worded where they read back so in
    it, and a source whose date reads back only in the other calendar with
    that ``calendar`` of its own (``"gregorian"``: a modern edition).

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
    calendar = timeline.calendar
    reading: dict[str, str] = {}
    if zone is not None:
        reading["zone"] = zone
    if calendar != "gregorian":
        reading["calendar"] = calendar
    if reading:
        records["reading"] = reading
    own = {source.id: _own_calendar(source, calendar, zone) for source in timeline.sources.values()}
    calendars = {key: value for key, value in own.items() if value is not None}
    records["sources"] = [
        source_record(source, zone, calendar=calendars.get(source.id, calendar), own=source.id in calendars)
        for source in timeline.sources.values()
    ]
    records["events"] = [
        event_record(event, dates, timeline.sources, zone, calendar=calendar, source_calendars=calendars)
        for event in events
    ]
    return records


def _own_calendar(source: Source, calendar: Calendar, zone: str | None) -> Calendar | None:
    """The calendar of a source's own, where its date reads back in the other calendar and not in ``calendar``.

    A timeline does not keep a source's ``calendar``: it is told again where its wording says it.
    """
    value = source.published
    if value is None or not value.text or read_back(value, None, zone=zone, calendar=calendar) == value:
        return None
    other: Calendar = "gregorian" if calendar == "julian" else "julian"
    return other if read_back(value, None, zone=zone, calendar=other) == value else None


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


def source_record(
    source: Source, zone: str | None = None, *, calendar: Calendar = "gregorian", own: bool = False
) -> dict[str, Any]:
    """``source`` as an ``[[sources]]`` table: the documented keys in order, defaults left out.

    ``zone``: the ``[reading] zone`` written with it, in which its date is read back; ``calendar``: the
    calendar its date in words is read back in, written as its own ``calendar`` where ``own``.
    """
    record: dict[str, Any] = {"id": source.id}
    for key in ("outlet", "title", "authors"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    if source.published is not None:
        record["published"] = date_text(source.published, None, zone=zone, calendar=calendar)
    if own:
        record["calendar"] = calendar
    for key in ("url", "note", "published_after", "published_before"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    return record


def event_record(
    event: Event,
    dates: Mapping[str, DateValue],
    sources: Mapping[str, Source],
    zone: str | None = None,
    *,
    calendar: Calendar = "gregorian",
    source_calendars: Mapping[str, Calendar] | None = None,
) -> dict[str, Any]:
    """``event`` as an ``[[events]]`` table: the documented keys in order, defaults left out.

    Args:
        event: the event.
        dates: the date of every event written alongside, by id: what an
            anchor or link may name.
        sources: the sources written alongside, by id.
        zone: the ``[reading] zone`` written alongside, in which its dates are read back.
        calendar: the ``[reading] calendar`` written alongside, in which its dates in words are read back.
        source_calendars: the ``calendar`` of each source written alongside with one of its own, by id:
            that of the dates read from it.

    Raises:
        ValidationError: an ``extra`` value that JSON cannot hold.

    """
    own = source_calendars or {}
    anchor = event.anchor if _known(event.anchor, dates, sources) else None
    record: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "when": date_text(
            event.when, _anchor_value(anchor, dates, sources), event.tense, zone, _calendar_of(anchor, own, calendar)
        ),
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
        record["claims"] = [
            _claim_record(claim, anchor, event.tense, dates, sources, zone, calendar, own) for claim in event.claims
        ]
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
    calendar: Calendar,
    source_calendars: Mapping[str, Calendar],
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
        reading = _calendar_of(effective, source_calendars, calendar)
        record["said"] = date_text(claim.said, _anchor_value(effective, dates, sources), tense, zone, reading)
    if anchor is not None:
        record["anchor"] = anchor
    if claim.quote:
        record["quote"] = claim.quote
    return record


def _calendar_of(anchor: str | None, source_calendars: Mapping[str, Calendar], calendar: Calendar) -> Calendar:
    """The calendar dates read from ``anchor`` are in: its source's own where it has one, else ``calendar``."""
    return source_calendars.get(anchor, calendar) if anchor is not None else calendar


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
    value: DateValue,
    anchor: UncertainDate | None,
    tense: Tense = Tense.PAST,
    zone: str | None = None,
    calendar: Calendar = "gregorian",
) -> str:
    """How a date is written: its wording when that reads back to the same value, else its EDTF.

    Args:
        value: the date.
        anchor: the date relative wording is read from, where one is written.
        tense: how unmarked relative wording is read.
        zone: the IANA zone the reader gives times written without an offset (the ``[reading] zone``
            written with the date); "early Monday" read in Europe/Kyiv is kept only where that is its zone.
        calendar: the calendar dates in words are read in ("julian": Old Style, converted on reading).

    """
    if read_back(value, anchor, tense, zone, calendar) == value:
        return value.text
    return value.to_edtf()


def wording(
    value: DateValue, anchor: UncertainDate | None, tense: Tense = Tense.PAST, calendar: Calendar = "gregorian"
) -> str:
    """The wording of a date beside its EDTF: where it reads back to the date, its times at the date's own offsets.

    "early Monday" read in Europe/Kyiv, ``[2024-03-11T00+02:00..2024-03-11T07+02:00]``, reads back to
    ``[2024-03-11T00..2024-03-11T07]``: the same clock times, which the EDTF beside it places at +02:00.
    ``""`` when there is no wording, or it does not read back to the date (its dates in words read in
    ``calendar``).
    """
    read = read_back(value, anchor, tense, calendar=calendar)
    if read is not None and (read == value or at_offsets(read, value) == value):
        return value.text
    return ""


def read_back(
    value: DateValue,
    anchor: UncertainDate | None,
    tense: Tense = Tense.PAST,
    zone: str | None = None,
    calendar: Calendar = "gregorian",
) -> DateValue | None:
    """``value``'s wording as the reader reads it (against ``anchor``, in ``zone`` and ``calendar``).

    None without wording, or where it does not read.
    """
    text = value.text
    if not text or text == value.to_edtf():
        return None
    try:
        expression = parse_expression(text, calendar=calendar, zone=zone)
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
