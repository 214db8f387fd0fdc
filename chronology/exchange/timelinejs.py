"""A timeline as TimelineJS3 JSON, for Knight Lab's interactive timelines.

One slide per event (``unique_id`` is the event id, ``group`` its kind), and a
title slide when the timeline has a title. Dates never claim more than the
event's date says:

* What the reader sees is the library's label: every slide carries a
  ``display_date`` ("between 7 and 13 Oct 2024", "June 2024", "from February 2022
  (ongoing)"), and so does each date object. A date read from a report's own
  words shows them first: "the second week of October (between 7 and 13 Oct 2024)",
  "Friday (15 November 2024)".
* The date objects give only as much of year, month and day as the bounds
  warrant, and place the event on TimelineJS's axis:

  - one known day: year, month and day (and the hour, minute and second that
    a time of day gives);
  - bounds that are whole years ("2024", "1950-1953" as one instant): the
    year, and an ``end_date`` year when they span several;
  - anything else (a month, "between 7 and 13 Oct 2024"): year and
    month of the first possible day, and an ``end_date`` with the year and
    month of the last when it falls in another month. A day-range inside one
    month is placed on its month, never on an invented day.

  An instant whose bounds span months or years gets an ``end_date`` too, so
  its marker covers every month it may fall in; its label ("between ... and
  ...", not "from ... to ...") says it is one day somewhere in there. A date
  with one side open ("before 23 August 1456") is placed at its known bound.
* Something lasting (an :class:`~chronology.Interval`) runs from its start's
  ``start_date`` to its end's ``end_date``, each end worked out as above and
  labelled on its own. An open or unknown end is left out: ``2022-02/..`` is
  a slide at February 2022 labelled "from February 2022 (ongoing)";
  ``../2024-01`` a slide at January 2024 labelled "until January 2024 (no
  start)".

The slide text is HTML (escaped): the summary, the date with its EDTF, every
citation as a quotation with its source (outlet, linked title, authors,
published date, then where the citation points in it: its ``locator``), and the
claims.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any, Final

from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DateValue, Precision, UncertainDate
from chronology.events import Event, Source
from chronology.exchange._describe import (
    cited,
    claim_text,
    dated_ends,
    is_exact_day,
    is_web_url,
    names,
    source_name,
    ymd,
)
from chronology.exchange._records import require_timeline

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = ["TITLE_ID", "to_timelinejs", "to_timelinejs_json"]

#: The ``unique_id`` of the title slide: not a valid event id, so it never clashes with one.
TITLE_ID: Final = "_title"


def to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    """The timeline as a TimelineJS3 JSON document (a ``dict`` ready for ``json.dumps``).

    Events come in the timeline's ``sorted()`` order (earliest first). The
    title slide is there only when the timeline has a title.

    Args:
        timeline: the chronology (or a view of one) to export.

    Returns:
        ``{"title": {...}, "events": [...]}`` as TimelineJS reads it: each
        event with ``unique_id``, ``start_date`` (and ``end_date`` when the
        date spans months, years, or is lasting), ``display_date``, ``text``
        (``headline``, ``text``) and ``group``.

    """
    require_timeline(timeline)
    events = timeline.sorted()
    document: dict[str, Any] = {}
    if timeline.title:
        count = f"{len(events)} event{'' if len(events) == 1 else 's'}"
        note = (
            f"<p>{count}. Dates are given as precisely as the sources give them: "
            "“between 7 and 13 Oct 2024” is one day somewhere in that range, "
            "“from June to August 2024” something that lasted.</p>"
        )
        document["title"] = {"unique_id": TITLE_ID, "text": {"headline": escape(timeline.title), "text": note}}
    document["events"] = [_slide(event, timeline.sources, timeline.narrowed(event.id)) for event in events]
    return document


def to_timelinejs_json(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as TimelineJS3 JSON text (see :func:`to_timelinejs`).

    Args:
        timeline: the chronology to export.
        indent: indentation of the JSON; ``None`` for one line.

    Returns:
        The JSON document, ending with a newline; non-ASCII characters are kept as they are (UTF-8).

    """
    return json.dumps(to_timelinejs(timeline), ensure_ascii=False, indent=indent) + "\n"


def _slide(event: Event, sources: Mapping[str, Source], placed: DateValue) -> dict[str, Any]:
    """One slide, placed at ``placed``: the event's date as its links narrow it."""
    slide: dict[str, Any] = {"unique_id": event.id}
    slide.update(_dates(placed))
    slide["display_date"] = _plain(_shown_date(event))
    slide["text"] = {"headline": escape(event.title), "text": _text(event, sources)}
    if event.kind:
        slide["group"] = _plain(event.kind)
    return slide


def _shown_date(event: Event) -> str:
    """The label, after the report's own words when the date was read from them.

    "the second week of October (between 7 and 13 Oct 2024)": the reader sees what the source said and what it
    can mean, not an invented day.
    """
    label = event.when.label
    wording = event.when.text.strip()
    said = wording.casefold().removeprefix("in ").removeprefix("on ")
    if event.anchor is None or not said or said in label.casefold() or wording == event.when.to_edtf():
        return label  # "in June" is "June 2024": the label says it all
    return f"{wording} ({label})"


def _dates(value: DateValue) -> dict[str, dict[str, str]]:
    """``start_date`` and, when warranted, ``end_date`` of a value."""
    start, end = dated_ends(value)
    if isinstance(value, UncertainDate) and (value.open_before or value.open_after):
        # "before 23 August 1456": shown at its one known bound, the label saying which side is open
        bound = _parts(value)[0 if value.open_after else 1]
        return {"start_date": bound | {"display_date": _plain(value.label)}}
    if isinstance(value, UncertainDate):
        first, last = _parts(value)
        label = _plain(value.label)
        dates = {"start_date": first | {"display_date": label}}
        if last != first:
            dates["end_date"] = last | {"display_date": label}
        return dates
    if start is not None and end is not None:
        return {
            "start_date": _parts(start)[0] | {"display_date": _plain(start.label)},
            "end_date": _parts(end)[1] | {"display_date": _plain(end.label)},
        }
    known = start if start is not None else end
    assert known is not None  # an interval has a date at one end at least
    side = _parts(known)[0 if known is start else 1]
    return {"start_date": side | {"display_date": _plain(known.label)}}


def _parts(value: UncertainDate) -> tuple[dict[str, str], dict[str, str]]:
    """The first and last possible day of ``value``, each to the resolution its bounds warrant (a day when open)."""
    if value.open_before or value.open_after:
        day = {"year": str(ymd(value.latest_day if value.open_before else value.earliest_day)[0])}
        known = value.latest_day if value.open_before else value.earliest_day
        y, m, d = ymd(known)
        day = {"year": str(y), "month": str(m), "day": str(d)}
        return day, day
    first, last = value.earliest_day, value.latest_day
    y1, m1, d1 = ymd(first)
    y2, m2, d2 = ymd(last)
    if first == last:
        day = {"year": str(y1), "month": str(m1), "day": str(d1)}
        day.update(_clock(value))
        return day, day
    if (m1, d1, m2, d2) == (1, 1, 12, 31):
        return {"year": str(y1)}, {"year": str(y2)}
    return {"year": str(y1), "month": str(m1)}, {"year": str(y2), "month": str(m2)}


def _clock(value: UncertainDate) -> dict[str, str]:
    """Hour, minute and second of a value with a time of day, as far as its precision goes."""
    if not value.has_time:
        return {}
    hour, rest = divmod(value.lo % SECONDS_PER_DAY, 3600)
    minute, second = divmod(rest, 60)
    clock = {"hour": str(hour)}
    if value.precision is not Precision.HOUR:
        clock["minute"] = str(minute)
    if value.precision is Precision.SECOND:
        clock["second"] = str(second)
    return clock


def _text(event: Event, sources: Mapping[str, Source]) -> str:
    """The slide's HTML: summary, date, quotations with their sources, claims."""
    blocks = []
    if event.summary:
        blocks.append(f"<p>{_lines(event.summary)}</p>")
    when = event.when
    note = "" if is_exact_day(when) else " (as precisely as the sources give it)"
    blocks.append(f"<p>When: {escape(when.label)}{note}; EDTF <code>{escape(when.to_edtf())}</code>.</p>")
    quoted = set()
    for citation in event.citations:
        reference = _reference(citation.source, sources)
        if citation.locator:  # where in the source: "p. 23"
            reference += f", {escape(citation.locator)}"
        if citation.quote:
            blocks.append(f"<blockquote><p>{_lines(citation.quote)}</p><footer>{reference}</footer></blockquote>")
        else:
            blocks.append(f"<p>Source: {reference}</p>")
        quoted.add(citation.source)
    others = [source_id for source_id in cited(event) if source_id not in quoted]
    if others:
        blocks.append("<p>Also: " + "; ".join(_reference(s, sources) for s in others) + "</p>")
    if event.claims:
        items = "".join(f"<li>{escape(claim_text(claim, sources))}</li>" for claim in event.claims)
        blocks.append(f"<p>Claims:</p><ul>{items}</ul>")
    return "".join(blocks)


def _reference(source_id: str, sources: Mapping[str, Source]) -> str:
    """A source as HTML: outlet, title (linked when its url is a web address), authors, published date."""
    source = sources.get(source_id)
    if source is None:
        return escape(source_id)
    parts = [escape(source.outlet)] if source.outlet else []
    title = escape(f"“{source.title}”") if source.title else ""
    linked = is_web_url(source.url)
    if linked:
        link_text = title or escape(source.url)
        parts.append(f'<a href="{escape(source.url, quote=True)}">{link_text}</a>')
    elif title:
        parts.append(title)
    if source.authors:
        parts.append("by " + escape(names(source.authors)))
    if source.published is not None:
        parts.append(f"published {escape(source.published.label)}")
    if source.url and not linked:
        parts.append(escape(source.url))
    return ", ".join(parts) if parts else escape(source_name(source_id, sources))


def _lines(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return "<br>".join(escape(line) for line in text.strip().splitlines())


def _plain(text: str) -> str:
    """Text for the fields TimelineJS strips of markup and then inserts as HTML (dates, groups).

    TimelineJS reads these fields as HTML, keeps their text content and inserts
    that text as HTML again, so text meant to show as written is escaped twice:
    ``a < b`` arrives as ``a &amp;lt; b``, is read to ``a &lt; b`` and shows
    ``a < b``. Text without ``&``, ``<`` and ``>`` is unchanged.
    """
    return escape(escape(text, quote=False), quote=False)
