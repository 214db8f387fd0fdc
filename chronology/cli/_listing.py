"""``chronology list`` and ``chronology show``: the chronology in order, and one event whole."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from chronology.cli._errors import OK
from chronology.cli._options import (
    FILES_HELP,
    add_allow_outside,
    add_formats,
    add_label_calendar,
    add_zone,
    old_style_labels,
    zoned,
)
from chronology.cli._output import bounds_text, exported, print_events, visible
from chronology.consistency import read_from_anchor, suggest
from chronology.dates import DateValue, UncertainDate
from chronology.errors import ChronologyError
from chronology.events import Event
from chronology.exchange._describe import bound_days, dated, quoted, said_note
from chronology.files import load
from chronology.timeline import Timeline
from chronology.zones import local_time

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from chronology.cli._parser import Parser


def add_list_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``list`` to the command line's commands."""
    show = commands.add_parser(
        "list",
        help="print the chronology in order",
        description="Print the events in the documented order, each with its date as a label and its bounds.",
        epilog="example: chronology list events.toml",
    )
    show.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    add_formats(show)
    add_zone(show)
    add_label_calendar(show)
    add_allow_outside(show)


def add_show_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``show`` to the command line's commands."""
    one = commands.add_parser(
        "show",
        help="print everything known about one event",
        description="Print one event whole: its date as written and as read, its bounds (and how its links "
        "narrow them), who, where, its sources with their quotes, and the figures claimed.",
        epilog="example: chronology show events.toml transfers",
    )
    one.add_argument("file", metavar="FILE", help="an event file (TOML)")
    one.add_argument("id", metavar="ID", help="the event's id")
    one.add_argument("--json", action="store_true", help="print the event as a JSON document (as export writes it)")
    add_zone(one)
    add_label_calendar(one)
    add_allow_outside(one)


def run_list(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``list``: every event, in order; return the exit code."""
    timeline = zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    print_events(timeline, arguments, out, old_style=old_style_labels(timeline, arguments))
    return OK


def run_show(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``show``: one event whole; return the exit code."""
    timeline = zoned(load(arguments.file, allow_outside=arguments.allow_outside), arguments)
    event = _event(timeline, arguments.id.removeprefix("@"), arguments.file)
    if arguments.json:
        out.write(exported(timeline.select([event.id]), "json"))
    else:
        print(visible(_describe(timeline, event, old_style=old_style_labels(timeline, arguments))), file=out)
    return OK


def _event(timeline: Timeline, event_id: str, path: str) -> Event:
    if event_id not in timeline:
        known = [event.id for event in timeline]
        raise ChronologyError(f"{path}: no event {event_id!r}{suggest(event_id, known)}")
    return timeline[event_id]


def _describe(timeline: Timeline, event: Event, *, old_style: bool = False) -> str:
    """``show``'s text; with ``old_style``, the event's dates before 1752 labelled Old Style too."""
    from chronology.exchange._records import figure_text

    when = event.when
    zone = timeline.zone_info
    lines = [f"{event.id}: {event.title}", ""]
    rows: list[tuple[str, str]] = [
        ("when", f"{dated(local_time(when, zone), zone, old_style=old_style)}  (EDTF {when.to_edtf()})")
    ]
    if zone is not None:  # said once: the labels leave out the offsets that are its own
        rows.append(("zone", f"{zone.key} (times are its local time, days are its days)"))
    if event.anchor is not None and read_from_anchor(when):
        rows.append(("read", f'"{when.text}", read against {event.anchor!r} ({event.tense.value} tense)'))
    elif event.anchor is not None:  # a date of its own ("20 November 2024"): its anchor does not date it
        wording = f'"{when.text}"' if when.text else "its date"
        rows.append(("written", f"{wording}, a date of its own: its anchor {event.anchor!r} does not date it"))
    elif when.text and when.text != when.to_edtf():
        rows.append(("written", f'"{when.text}"'))
    stated = bound_days(when, timeline.zone_info)
    rows.append(("bounds", bounds_text(*stated)))
    narrowed = timeline.narrowed(event.id)
    if narrowed is not when:
        days = bounds_text(*timeline.narrowed_days(event.id))
        shown = dated(local_time(narrowed, zone), zone, old_style=old_style)
        rows.append(("narrowed", f"{shown}  ({days}), by its links:"))
        rows += [("", f"  {link.reason}") for link in timeline.narrowed_by(event.id)]
    rows.append(("precision", _precision(when)))
    for name in ("kind", "actors", "places", "tags"):
        value = getattr(event, name)
        if value:
            rows.append((name, value if isinstance(value, str) else ", ".join(value)))
    for name, target in event.links:
        title = timeline[target].title if target in timeline else "(not in this chronology)"
        rows.append((name.replace("_", " "), f"{target}: {title}"))
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name.ljust(width)}  {value}" for name, value in rows]
    if event.summary:
        lines += ["", *_wrapped(event.summary, "  ")]
    if event.citations:
        lines += ["", "sources"]
        for number, citation in enumerate(event.citations, 1):
            line = _source_line(timeline, citation.source, zone, old_style=old_style, locator=citation.locator)
            lines.append(f"  [{number}] {line}")
            if citation.quote:
                lines += _wrapped(quoted(citation.quote), "      ")
    if event.claims:
        lines += ["", "claims"]
        for claim in event.claims:
            figure = f"{figure_text(claim.value)} {claim.unit}".strip()  # as written, as the exports quote it
            lines.append(f"  - {claim.subject}: {figure}")
            said = timeline.said(event, claim)
            who = ", ".join(part for part in (claim.claimant, claim.source or "") if part)
            said_on = local_time(said, zone).label
            if who and said_on.startswith("by "):  # not "said by 26 October 2024 by Sudan Tribune"
                said_on = f"on or before {said_on[3:]}"
            stands_in = timeline.said_from(event, claim) == "source"  # not this event's date, nor the claim's own
            note = f" ({said_note(timeline, event, claim)})" if stands_in else ""
            lines.append(f"    said {said_on}" + (f" by {who}" if who else "") + note)
            if claim.quote:
                lines += _wrapped(quoted(claim.quote), "      ")
    if event.extra:
        lines += ["", "extra"]
        lines += [f"  {key} = {value!r}" for key, value in event.extra.items()]
    return "\n".join(lines)


def _precision(value: DateValue) -> str:
    from chronology.dates import Interval

    if isinstance(value, Interval):
        return f"an interval: from {_end_precision(value.start)} to {_end_precision(value.end)}"
    hedges = [word for word, flag in (("approximate", value.approximate), ("uncertain", value.uncertain)) if flag]
    return value.precision.value + (f", {' and '.join(hedges)}" if hedges else "")


def _end_precision(end: object) -> str:
    from chronology.dates import Endpoint

    if isinstance(end, UncertainDate):
        unit = end.precision.value
        return f"{'an' if unit == 'hour' else 'a'} {unit}"  # the one unit said with a vowel sound: "an hour"
    return "an open end" if end is Endpoint.OPEN else "an unknown end"


def _source_line(
    timeline: Timeline, source_id: str, zone: ZoneInfo | None = None, *, old_style: bool = False, locator: str = ""
) -> str:
    """A source as ``show`` lists it, with the place cited in it (``locator``: "p. 23").

    Times at ``zone``'s own offset are written without it.
    """
    at = [locator] if locator else []
    source = timeline.sources.get(source_id)
    if source is None:
        return ", ".join([source_id, *at])
    parts = [part for part in (source.outlet, f"\u201c{source.title}\u201d" if source.title else "") if part]
    if source.published is not None:
        parts.append(dated(local_time(source.published, zone), zone, old_style=old_style))
    else:
        known = timeline.publication(source_id)
        why = "; ".join(dict.fromkeys(link.reason for link in (*known.after, *known.before)))
        if known.value is not None:
            parts.append(f"undated, published {known.value.label} (inferred: {why})")
        elif known.inferred:
            parts.append(f"undated, and its events disagree on when it was published: {why}")
    parts += at
    if source.url:
        parts.append(source.url)
    return f"{source_id}: {', '.join(parts)}" if parts else ", ".join([source_id, *at])


def _wrapped(text: str, indent: str) -> list[str]:
    """``text`` wrapped at 100 columns, each of its own lines kept (a summary's paragraphs stay apart)."""
    import textwrap

    return [
        wrapped
        for line in text.splitlines() or [""]
        for wrapped in textwrap.wrap(line, width=100, initial_indent=indent, subsequent_indent=indent) or [""]
    ]
