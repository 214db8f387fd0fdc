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

from chronology.dates import DateValue, UncertainDate
from chronology.errors import ChronologyError, Problem, ValidationError, WrongTypeError
from chronology.events import Citation, Claim, Event, Source
from chronology.notation import parse_expression
from chronology.notation.quantity import parse_quantity
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense
from chronology.timeline import Timeline

__all__ = ["date_text", "document", "event_record", "figure_text", "plain", "require_timeline", "source_record"]

#: The links of an event to other events, in the order the event file documents them.
LINKS = ("after", "before", "part_of", "reports")


def document(timeline: Timeline) -> dict[str, Any]:
    """The timeline as ``{"title", "sources", "events"}``, each record in the event file's shape.

    A view (the result of a query) is written self-contained: links to events
    outside it are left out, and a date anchored to such an event loses its
    anchor and is written as EDTF.

    Raises:
        ValidationError: an ``extra`` value that JSON cannot hold (a number
            that is not finite, an object that is not data).

    """
    events = timeline.events
    dates: dict[str, DateValue] = {event.id: event.when for event in events}
    records: dict[str, Any] = {}
    if timeline.title:
        records["title"] = timeline.title
    records["sources"] = [source_record(source) for source in timeline.sources.values()]
    records["events"] = [event_record(event, dates, timeline.sources) for event in events]
    return records


def source_record(source: Source) -> dict[str, Any]:
    """``source`` as an ``[[sources]]`` table: the documented keys in order, defaults left out."""
    record: dict[str, Any] = {"id": source.id}
    for key in ("outlet", "title", "authors"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    if source.published is not None:
        record["published"] = date_text(source.published, None)
    for key in ("url", "note", "published_after", "published_before"):
        value = getattr(source, key)
        if value:
            record[key] = list(value) if isinstance(value, tuple) else value
    return record


def event_record(event: Event, dates: Mapping[str, DateValue], sources: Mapping[str, Source]) -> dict[str, Any]:
    """``event`` as an ``[[events]]`` table: the documented keys in order, defaults left out.

    Args:
        event: the event.
        dates: the date of every event written alongside, by id: what an
            anchor or link may name.
        sources: the sources written alongside, by id.

    Raises:
        ValidationError: an ``extra`` value that JSON cannot hold.

    """
    anchor = event.anchor if _known(event.anchor, dates, sources) else None
    record: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "when": date_text(event.when, _anchor_value(anchor, dates, sources), event.tense),
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
        record["claims"] = [_claim_record(claim, anchor, event.tense, dates, sources) for claim in event.claims]
    if event.extra:
        record["extra"] = {key: plain(value, event.id, f"extra.{key}") for key, value in event.extra.items()}
    return record


def _citation_record(citation: Citation) -> dict[str, Any]:
    record: dict[str, Any] = {"source": citation.source}
    if citation.quote:
        record["quote"] = citation.quote
    if citation.when is not None:
        record["when"] = citation.when.text
    return record


def _claim_record(
    claim: Claim, event_anchor: str | None, tense: Tense, dates: Mapping[str, DateValue], sources: Mapping[str, Source]
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
        record["said"] = date_text(claim.said, _anchor_value(effective, dates, sources), tense)
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


def date_text(value: DateValue, anchor: UncertainDate | None, tense: Tense = Tense.PAST) -> str:
    """How a date is written: its wording when that reads back to the same value, else its EDTF.

    Args:
        value: the date.
        anchor: the date relative wording is read from, where one is written.
        tense: how unmarked relative wording is read.

    """
    text = value.text
    if text and text != value.to_edtf():
        try:
            expression = parse_expression(text)
            if isinstance(expression, RelativeDate):
                if anchor is not None and expression.resolve(anchor, tense=tense) == value:
                    return text
            elif expression == value:
                return text
        except ChronologyError:
            pass
    return value.to_edtf()


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
