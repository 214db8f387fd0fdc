"""``chronology query``: the events in a window of time, before or after an event, or that pass filters."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Literal, TextIO

from chronology.cli._errors import OK, UsageError
from chronology.cli._options import (
    EARLIEST,
    FILES_HELP,
    LATEST,
    add_allow_outside,
    add_calendar,
    add_engine,
    add_filters,
    add_formats,
    add_widening,
    add_zone,
    calendared,
    check_filter_names,
    option_filtered,
    widening_option,
    zoned,
)
from chronology.cli._output import events_table, print_events, visible
from chronology.consistency import suggest
from chronology.dates import DateValue
from chronology.errors import ChronologyError, DateParseError, InvalidDateError, UnknownEventError
from chronology.events import Event
from chronology.files import load
from chronology.notation import Calendar, parse
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.cli._parser import Parser


def add_query_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``query`` to the command line's commands."""
    query = commands.add_parser(
        "query",
        help="the events in a window of time",
        description="Print the events that possibly (by default) or certainly happened between --from and --to. "
        "A window runs from the first day of --from to the last day of --to: '--from 2024-10 --to 2024-10' is "
        "all of October (given with times, from the first second to the last, for events that give times). "
        "Either end may be left out, and either may be an event's id (its bounds as its links "
        "narrow them). --before and --after EVENT ask what came before or after an event, using the file's links "
        "('after', 'before', ...) as well as the dates: possibly, by default as for a window (unlike Python's "
        "Timeline.before, which defaults to certain), and the table's first line says so; certainly with --certain. "
        "Dates are compared by the day, times by the second when both give one (on an engine, by the day only). "
        "Filters combine: an event must pass every one given. Filters without a window or an event ask the "
        "whole chronology ('--source aje --kind statement --count'); with neither, query asks for one "
        "(chronology list prints every event).",
        epilog="example: chronology query events.toml --from 2024-10 --to 2024-10 --certain --kind deployment",
    )
    query.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    query.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day of the window ('2024-10', 'June 2024'; '-0043-03' is March 44 BCE)",
    )
    query.add_argument("--to", dest="end", metavar="DATE", help="last day of the window")
    query.add_argument(
        "--before",
        metavar="EVENT",
        help="only events that (possibly, or with --certain certainly) ended before this event began (an id; "
        "'@ID' if the id could be read as a date)",
    )
    query.add_argument(
        "--after", metavar="EVENT", help="only events that (possibly, or certainly) began after this event ended"
    )
    certainty = query.add_mutually_exclusive_group()
    certainty.add_argument(
        "--certain",
        action="store_true",
        help="only events that happened in the window (before, after the event) for sure, whatever the reading",
    )
    certainty.add_argument(
        "--possible",
        action="store_true",
        help="events that may have happened in it (before, after the event): the default, for every question",
    )
    query.add_argument(
        "--within",
        action="store_true",
        help="the whole event in the window, not just some of it (certainly with --certain, else possibly)",
    )
    add_widening(query)
    add_calendar(query)
    add_filters(query)
    query.add_argument("--source", action="append", default=[], help="only events citing this source (repeatable)")
    query.add_argument("--text", help="only events with this text (any case) in id, title, summary or a quote")
    query.add_argument("--count", action="store_true", help="print how many events, not the events")
    add_formats(query)
    add_zone(query)
    add_allow_outside(query)
    add_engine(
        query,
        "for Parquet: where the window is asked. duckdb (the default for a data set: the file is scanned, not "
        "loaded) or spark compare dates only, the narrowed ones the file holds; memory (the default for a "
        "chronology written by export) loads it, links, sources and quotes included",
    )


def run_query(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``query``: the events in a window, before or after an event, or that pass filters; return the exit code."""
    from chronology.scan._command import Asked, counted, engine_for, prefiltered

    given = (arguments.start, arguments.end, arguments.before, arguments.after)
    filtered = arguments.tag or arguments.kind or arguments.actor or arguments.source or arguments.text
    if all(option is None for option in given) and not filtered:  # with a filter alone: the whole timeline
        raise UsageError(
            "query needs a window, an event or a filter: give --from, --to, --before or --after "
            "('--from 2024-10 --to 2024-11'), or --kind, --tag, --actor, --source or --text for the whole "
            "chronology; `chronology list` prints every event"
        )
    mode: Literal["certain", "possible"] = "certain" if arguments.certain else "possible"
    widening = widening_option(arguments)
    engine = engine_for(arguments.files, arguments.engine)
    if engine is None:
        timeline = zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    else:  # the engine asks the window and the order; what it keeps is printed as a timeline is
        if arguments.zone is not None:
            raise UsageError("--zone: on an engine a Parquet file's days are in its own zone; add --engine memory")
        options = {
            "start": _on_engine(arguments.start, arguments.calendar),
            "end": _on_engine(arguments.end, arguments.calendar),
            "before": arguments.before,
            "after": arguments.after,
        }
        asked = Asked(
            options,
            certain=arguments.certain,
            within=arguments.within,
            widening=widening,
            engine=engine,
            spark_master=arguments.spark_master,
            filters={
                "kind": arguments.kind,
                "tag": arguments.tag,
                "actor": arguments.actor,
                "source": arguments.source,
            },
        )
        try:  # a window that ends before it starts, or a name that is no date nor id: the command line is wrong
            if arguments.count and not arguments.text:
                out.write(f"{counted(arguments.files[0], asked, EARLIEST, LATEST)}\n")
                return OK
            timeline = prefiltered(arguments.files[0], asked, EARLIEST, LATEST)
        except (InvalidDateError, UnknownEventError) as error:
            raise UsageError(str(error)) from None
    # the window is asked again of what was kept (on an engine, its rows): its dates in words in the calendar
    timeline = calendared(timeline, arguments, (arguments.start, arguments.end))
    if engine is None:  # on an engine, the names were looked up in the whole data set, not in the rows kept
        check_filter_names(timeline, arguments)
    found = timeline
    window: tuple[DateValue | None, DateValue | None] = (None, None)
    if arguments.start is not None or arguments.end is not None:
        given_start, given_end = arguments.start is not None, arguments.end is not None
        start = _when_option(timeline, arguments.start, "--from", arguments.files[0]) if given_start else None
        end = _when_option(timeline, arguments.end, "--to", arguments.files[0]) if given_end else None
        search = timeline.within if arguments.within else timeline.overlapping
        window = (start, end)  # (None: that side open)
        try:
            found = search(start, end, mode=mode, widening=widening)
        except InvalidDateError as error:  # the window ends before it starts: the command line is wrong
            raise UsageError(str(error)) from None
    for option, name in (("--before", arguments.before), ("--after", arguments.after)):
        if name is not None:  # each narrows what the window and the option before it left
            ask = found.before if option == "--before" else found.after
            found = ask(_event_option(timeline, name, option, arguments.files[0]), mode=mode, widening=widening)
    found = option_filtered(found, arguments)
    sources = arguments.source if engine is None else []  # (on an engine, kept by the engine: rows cite nothing)
    if sources or arguments.text:
        found = found.filter(source=sources or None, text=arguments.text)
    if arguments.count:
        out.write(f"{len(found)}\n")
        return OK
    if not len(found) and not (arguments.json or arguments.csv):  # said, not a table of headers alone
        print(visible(f"no events {_asked(arguments, *window)}"), file=out)
        return OK
    if arguments.json or arguments.csv or (arguments.before is None and arguments.after is None):
        print_events(found, arguments, out)
    else:  # an order question's table says which it answers: "possibly" is the default, unlike Python's
        print(visible(events_table(found, _question(arguments, *window))), file=out)
    return OK


def _on_engine(text: str | None, calendar: Calendar | None) -> str | None:
    """A window's end as the engine is given it: a date in words read in ``calendar`` given as EDTF (Gregorian).

    A Parquet file holds no calendar of its own: its dates are Gregorian, and so are those given without
    --calendar. Text that is no date in ``calendar`` (an event's id) is given as it is.
    """
    if text is None or calendar != "julian" or text.startswith("@"):
        return text
    try:
        value = parse(text, calendar="julian")
    except ChronologyError:
        return text
    return value.to_edtf()


def _question(arguments: argparse.Namespace, start: DateValue | None, end: DateValue | None) -> str:
    """The question a table of ``query`` answers: "events possibly before 'talks' (add --certain ...)"."""
    question = f"events {_asked(arguments, start, end)}"
    if arguments.certain:
        return question
    return f"{question} (add --certain for only those that certainly were)"


def _asked(arguments: argparse.Namespace, start: DateValue | None, end: DateValue | None) -> str:
    """What ``query`` was asked: "certainly between 5 March 2024 and 6 March 2024 that pass --kind strike"."""
    asked = []
    if start is not None or end is not None:
        wholly = "wholly " if arguments.within else ""
        if start is not None and end is not None:
            asked.append(f"{wholly}between {start.label} and {end.label}")
        else:
            asked.append(f"{wholly}from {start.label} on" if start is not None else f"{wholly}up to {end.label}")  # type: ignore[union-attr]
    for option, name in (("before", arguments.before), ("after", arguments.after)):
        if name is not None:
            asked.append(f"{option} {name.removeprefix('@')!r}")
    options = {
        "--tag": arguments.tag,
        "--kind": arguments.kind,
        "--actor": arguments.actor,
        "--source": arguments.source,
    }
    given = [f"{option} {value}" for option, values in options.items() for value in values]
    given += [f"--text {arguments.text!r}"] if arguments.text else []
    filters = f" that pass {', '.join(given)}" if given else ""
    if not asked:  # filters alone, over the whole timeline: no window to be in certainly or possibly
        return filters.lstrip()
    how = "certainly" if arguments.certain else "possibly"
    return f"{how} {' and '.join(asked)}{filters}"


def _when_option(timeline: Timeline, text: str, option: str, path: str) -> DateValue:
    """A date option's value: an event's (narrowed) date when it names one, else a date."""
    if not text.strip():
        raise UsageError(f"{option}: empty; give a date ('2024-10') or an event id, or leave {option} out")
    try:
        return timeline.resolve(text)[0]
    except ChronologyError as error:
        if isinstance(error, DateParseError) and text.strip() and text not in timeline:
            hint = suggest(text, [event.id for event in timeline])
            if hint:
                raise UsageError(f"{option}: {text!r} is neither a date nor an event id of {path}{hint}") from None
        raise UsageError(f"{option}: {error}") from None


def _event_option(timeline: Timeline, text: str, option: str, path: str) -> Event:
    """The event an option names: ``@ID`` or ``ID``."""
    name = text[1:] if text.startswith("@") else text
    if name not in timeline:
        known = [event.id for event in timeline]
        hint = suggest(name, known)
        if not hint and name in timeline.sources:
            hint = f" ({name!r} is a source)"
        elif not hint and not text.startswith("@"):
            try:
                parse(text)
            except ChronologyError:
                pass
            else:  # a date: the window options take those
                window = "--to" if option == "--before" else "--from"
                hint = f"; for what happened {option[2:]} a date, give it as {window}"
        raise UsageError(f"{option}: no event {name!r} in {path}{hint}")
    return timeline[name]
