"""What the commands print: text safe for a terminal, counts, the table of events, a timeline as JSON or CSV."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Final, TextIO

from chronology.exchange._describe import bound_days, dated, iso_day
from chronology.timeline import Timeline
from chronology.zones import local_time

if TYPE_CHECKING:
    pass

#: Control characters a terminal would act on (ESC, BEL...): none come from a file the loader accepts, but a
#: user's own ``extra`` values, or events built in Python, may hold them.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""``text`` for a terminal: control characters written as escapes (``\x1b``), tabs and line breaks kept."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", text)


def numbered(number: int, noun: str) -> str:
    """``3 events``, ``1 event``: a count with its noun, thousands separated."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def print_events(timeline: Timeline, arguments: argparse.Namespace, out: TextIO, *, old_style: bool = False) -> None:
    """The events as a table for people (``old_style``: dates labelled Old Style too), or JSON or CSV for scripts."""
    if arguments.json:
        out.write(exported(timeline, "json"))
    elif arguments.csv:
        out.write(exported(timeline, "csv"))
    else:
        print(visible(events_table(timeline, old_style=old_style)), file=out)


def exported(timeline: Timeline, format_name: str) -> str:
    """The timeline written as ``format_name`` (json, csv, timelinejs, ics, markdown) says."""
    from chronology import exchange

    if format_name == "json":
        return exchange.to_json(timeline)
    if format_name == "csv":
        return exchange.to_csv(timeline)
    if format_name == "timelinejs":
        return exchange.to_timelinejs_json(timeline)
    if format_name == "ics":
        return exchange.to_ics(timeline)
    return exchange.to_markdown(timeline)


def events_table(timeline: Timeline, question: str = "", *, old_style: bool = False) -> str:
    """The events as a table for people, under the timeline's title and the ``question`` it answers, if any.

    With ``old_style``, a date before Britain's calendar reform is also labelled in the Julian calendar
    (see ``dated``).
    """
    rows = []
    narrowed = False
    local = False  # whether a time is shown without its offset, the zone's at that moment
    for event in timeline.sorted():
        value = timeline.narrowed(event.id)
        bounds = bounds_text(*bound_days(value, timeline.zone_info))
        if value is not event.when:
            bounds += " *"
            narrowed = True
        shown = local_time(event.when, timeline.zone_info)
        local = local or shown is not event.when
        rows.append((dated(shown, timeline.zone_info, old_style=old_style), bounds, event.id, event.title))
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    head = [line for line in (timeline.title, question) if line]
    lines = [*head, ""] if head else []
    # the days of times with an offset are those of the timeline's zone: say which, where there is one; times
    # at the zone's own offset are shown without it, and the header says whose they are
    date = f"date ({timeline.zone} time)" if local else "date"
    headers = (date, "bounds" if timeline.zone is None else f"bounds ({timeline.zone} days)", "id", "title")
    widths = [max(w, len(h)) for w, h in zip(widths, headers, strict=False)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, [*widths, 0], strict=True)).rstrip())
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, [*widths, 0], strict=True)).rstrip())
    if narrowed:
        lines += ["", "* bounds narrowed by the links between events ('chronology show FILE ID' says how)"]
    return "\n".join(lines)


def bounds_text(first: int | None, last: int | None) -> str:
    """``2024-10-01 .. 2024-10-31``: first and last possible day, ``?`` for an open or unknown end."""
    return f"{iso_day(first, '?')} .. {iso_day(last, '?')}"
