r"""A timeline as an iCalendar file (RFC 5545), to see a chronology in any calendar.

Every event is one all-day ``VEVENT`` covering every day its date may fall on:

* ``DTSTART;VALUE=DATE`` is the first possible day and ``DTEND;VALUE=DATE``
  the day after the last (``DTEND`` is exclusive). "June 2024" covers the
  whole of June; "between 7 and 13 Oct 2024", one day somewhere in that week,
  covers the week; "from 1950 to 1953", something lasting, runs from 1 January 1950 to
  31 December 1953. A time of day is not made a calendar time: the entry
  covers its day, and the label (in the summary) gives the time.
* Whenever the date is not one known day, or has a time, ``SUMMARY`` ends
  with the label in brackets ("Transfers [between 7 and 13 Oct 2024]"), and
  ``DESCRIPTION`` always opens with what the entry means ("When: one day
  somewhere between 7 and 13 Oct 2024 ...; the entry covers every day it may fall
  on."), so a week-long entry is never read as a week-long event.
* An open or unknown end (``2022-02/..``, ``../2024-01``) is not invented: the
  entry covers only the end that is known (February 2022, the days the war
  may have begun), and the summary and description say so ("from February
  2022 (ongoing)"; "it is still going on, so the entry covers only the days
  it may have begun").
* The description goes on with the summary, every source cited (outlet,
  title, authors, published date, address, then where its citations point in
  it: their ``locator``) with its quotation, and the claims. ``CATEGORIES``
  is the kind, ``LOCATION`` the places, and every entry is
  ``TRANSP:TRANSPARENT``: a chronology does not make anyone busy.

The calendar is named after the timeline (``NAME`` and ``X-WR-CALNAME``).
``UID`` is ``<event id>@<domain>``: stable across exports, so re-importing
updates entries instead of doubling them. ``DTSTAMP`` is the ``stamp`` given,
else a fixed ``19700101T000000Z``, so the same timeline always gives the same
bytes. Lines end in CRLF, are folded at 75 octets (never inside a UTF-8
character) and text escapes ``\``, ``;``, ``,`` and line breaks.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from chronology.dates import DateValue, Endpoint, UncertainDate
from chronology.errors import DateRangeError
from chronology.events import Event, Source
from chronology.exchange._describe import (
    cited,
    claim_text,
    dated_ends,
    is_exact_day,
    located,
    source_parts,
    ymd,
)
from chronology.exchange._records import require_timeline
from chronology.index import day_ends

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = ["DEFAULT_DOMAIN", "DEFAULT_STAMP", "to_ics"]

#: The domain of ``UID`` values unless one is given (``.invalid`` is reserved: it names no real host).
DEFAULT_DOMAIN: Final = "chronology.invalid"
#: The ``DTSTAMP`` of every event unless a stamp is given: fixed, so exports are reproducible.
DEFAULT_STAMP: Final = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

_LIMIT: Final = 75  # octets per line, CRLF not counted (RFC 5545, 3.1)


def to_ics(
    timeline: Timeline,
    *,
    domain: str = DEFAULT_DOMAIN,
    stamp: datetime.datetime | None = None,
) -> str:
    """The timeline as iCalendar text: one all-day ``VEVENT`` per event.

    Args:
        timeline: the chronology (or a view of one) to export.
        domain: the right-hand side of every ``UID`` (``<event id>@<domain>``);
            give each chronology its own when several go into one calendar.
        stamp: the ``DTSTAMP`` of every event (converted to UTC; a naive value
            is taken as UTC). ``None`` gives :data:`DEFAULT_STAMP`, so the
            output depends on the timeline alone; pass the time of export to
            let calendar clients tell exports apart.

    Returns:
        The calendar, with CRLF line endings, events in the timeline's
        ``sorted()`` order.

    Raises:
        DateRangeError: an event's days fall outside the years 1-9999, which
            iCalendar dates cannot hold (export ``timeline.within("0001",
            "9999", mode="possible")`` instead).

    """
    require_timeline(timeline)
    from chronology import __version__

    moment = DEFAULT_STAMP if stamp is None else stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//chronology//chronology {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    if timeline.title:
        lines.append(f"NAME:{_escape_text(timeline.title)}")  # RFC 7986
        lines.append(f"X-WR-CALNAME:{_escape_text(timeline.title)}")  # what older clients read
    for event in timeline.sorted():
        placed = timeline.narrowed(event.id)  # its days as its links narrow them
        lines.extend(_vevent(event, timeline.sources, domain, moment, timeline.zone_info, placed))
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vevent(
    event: Event,
    sources: Mapping[str, Source],
    domain: str,
    stamp: datetime.datetime,
    zone: ZoneInfo | None = None,
    placed: DateValue | None = None,
) -> list[str]:
    first, last = _days(event.when if placed is None else placed, zone)
    start, end = dated_ends(event.when)
    timed = any(value is not None and value.has_time for value in (start, end))
    plain = is_exact_day(event.when) and not timed
    summary = event.title if plain else f"{event.title} [{event.when.label}]"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape_text(f'{event.id}@{domain}')}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{_date(event, first)}",
        f"DTEND;VALUE=DATE:{_date(event, last + 1)}",
        f"SUMMARY:{_escape_text(summary)}",
        f"DESCRIPTION:{_escape_text(_description(event, sources))}",
    ]
    if event.kind:
        lines.append(f"CATEGORIES:{_escape_text(event.kind)}")
    if event.places:
        lines.append(f"LOCATION:{_escape_text('; '.join(event.places))}")
    lines.extend(["TRANSP:TRANSPARENT", "END:VEVENT"])
    return lines


def _days(when: DateValue, zone: ZoneInfo | None = None) -> tuple[int, int]:
    """First and last day number the entry covers: the date's bounds, or its one known end's."""
    start, end = dated_ends(when)
    if isinstance(when, UncertainDate) and (when.open_before or when.open_after):
        first, last, _, _ = day_ends(when, zone=zone)
        bound = last if when.open_before else first
        return bound, bound  # "before 23 August 1456": the entry is the one known bound
    s_lo, s_hi, e_lo, e_hi = day_ends(when, zone=zone)  # the timeline's days, as queries place them
    if start is not None and end is not None:
        return s_lo, e_hi
    return (s_lo, s_hi) if start is not None else (e_lo, e_hi)


def _date(event: Event, day: int) -> str:
    year, month, day_of_month = ymd(day)
    if not 1 <= year <= 9999:
        raise DateRangeError(
            f"event {event.id!r}: {event.when.label!r} reaches year {year}, outside the years 1-9999 "
            "an iCalendar date can hold; leave the event out of the export"
        )
    return f"{year:04d}{month:02d}{day_of_month:02d}"


def _description(event: Event, sources: Mapping[str, Source]) -> str:
    """Plain text: what the entry's days mean, the summary, quotations with their sources, claims."""
    paragraphs = [_meaning(event.when)]
    if event.summary:
        paragraphs.append(event.summary.strip())
    references = []
    quoted = {c.source: c.quote for c in event.citations if c.quote}
    places = located(event)  # where its citations point in each source: "p. 23; pp. 40-42"
    for source_id in cited(event):
        source = sources.get(source_id)
        reference = ", ".join(source_parts(source)) if source is not None else source_id
        if source_id in places:
            reference += ", " + "; ".join(places[source_id])
        quote = quoted.get(source_id)
        references.append(f"- {reference}" + (f": “{quote}”" if quote else ""))
    if references:
        paragraphs.append("Sources:\n" + "\n".join(references))
    if event.claims:
        paragraphs.append("Claims:\n" + "\n".join(f"- {claim_text(c, sources)}" for c in event.claims))
    return "\n\n".join(paragraphs)


def _meaning(value: DateValue) -> str:
    """The first line of a description: the date, its EDTF and what the calendar entry covers."""
    edtf = f"(EDTF {value.to_edtf()})"
    if is_exact_day(value):
        return f"When: {value.label} {edtf}."
    if isinstance(value, UncertainDate) and (value.open_before or value.open_after):
        side = "last" if value.open_before else "first"
        return f"When: {value.label} {edtf}; the entry shows the {side} day it may fall on, the only one known."
    if isinstance(value, UncertainDate):
        if value.earliest_day == value.latest_day:
            return f"When: {value.label} {edtf}."
        where = value.label if value.label.startswith(("between ", "c. between ")) else f"in {value.label}"
        return f"When: one day somewhere {where} {edtf}; the entry covers every day it may fall on."
    start, end = dated_ends(value)
    if start is not None and end is not None:
        covers = "the entry runs from the first day it may have begun to the last day it may have ended"
    elif start is not None:
        what = "it is still going on" if value.end is Endpoint.OPEN else "its end is not known"
        covers = f"{what}, so the entry covers only the days it may have begun"
    else:
        what = "its start is not known"
        if value.start is Endpoint.OPEN:
            what = "it has gone on for as long as anyone can tell"
        covers = f"{what}, so the entry covers only the days it may have ended"
    return f"When: {value.label} {edtf}; {covers}."


def _escape_text(text: str) -> str:
    r"""A TEXT value as RFC 5545 writes it: ``\``, ``;`` and ``,`` escaped, line breaks as ``\n``.

    Args:
        text: the text; ``\r\n``, ``\r`` and ``\n`` all count as line breaks.

    Returns:
        The escaped value (other control characters, which iCalendar forbids, are dropped).

    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return "".join(ch for ch in text if ch == "\t" or (ord(ch) >= 32 and ch != "\x7f"))


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, joined by CRLF and a space.

    A continuation's leading space counts towards its 75 octets; a UTF-8
    character is never split.

    Args:
        line: one content line, without its CRLF.

    Returns:
        The line, folded where needed.

    """
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line
    pieces = []
    start, room = 0, _LIMIT
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # a continuation byte: back off to the character
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, room = end, _LIMIT - 1
    return "\r\n ".join(pieces)
