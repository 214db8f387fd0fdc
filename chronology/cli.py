"""The ``chronology`` command: check, read, query, draw, export, import and extend event files.

Exit codes: 0 success; 1 the input has problems (each printed as
``path:line:column: event 'id', field 'when': message``) or an output cannot be
written; 2 the command line itself is wrong. Errors are one line each, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import os
import re
import shlex
import stat
import sys
import warnings
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NoReturn, TextIO, TypedDict

from chronology.consistency import read_from_anchor, suggest
from chronology.constraints import Link
from chronology.dates import DateValue, Precision, UncertainDate, Widening
from chronology.draft.command import add_draft_command, run_draft
from chronology.errors import (
    ChronologyError,
    ChronologyWarning,
    DateParseError,
    InvalidDateError,
    NotRegularFileError,
    Problem,
    UnknownEventError,
    ValidationError,
    _shorten,
)
from chronology.events import Citation, Event, Source
from chronology.exchange._describe import bound_days, iso_day, quoted
from chronology.files import EventFile, load, validate
from chronology.notation import Calendar, parse
from chronology.relative import Tense
from chronology.timeline import Timeline
from chronology.zones import local_time, zone_named

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from matplotlib.figure import Figure

    from chronology.compare import Relationship
    from chronology.plot.timeline import GroupBy
    from chronology.scan.dataset import Dataset

__all__ = ["main"]

OK: Final = 0
PROBLEMS: Final = 1
USAGE: Final = 2


class _UsageError(ChronologyError):
    """The command line asks for something that cannot be: exit 2, as argparse's own errors do."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def _between(low: float, high: float, unit: str, *, whole: bool = False) -> Callable[[str], float]:
    """An argument type: a number (whole, if ``whole``) from ``low`` to ``high``, refused with the range else."""
    kind: Callable[[str], float] = int if whole else float
    what = "a whole number" if whole else "a number"

    def read(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}; expected {low:g}-{high:g} {unit}") from None
        if not low <= value <= high:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text!r} is out of range; expected {low:g}-{high:g} {unit}")
        return value

    return read


def _version() -> str:
    from chronology import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``chronology`` command (also read by the docs)."""
    parser = _Parser(
        prog="chronology",
        description="Build, check and read chronologies whose dates are uncertain.",
        epilog="Exit codes: 0 success, 1 problems in the files, 2 a wrong command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser(
        "validate",
        help="check event files and print every problem",
        description="Check event files (and what they include); print every problem, one per line.",
        epilog="example: chronology validate events.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    _allow_outside(check)

    show = commands.add_parser(
        "list",
        help="print the chronology in order",
        description="Print the events in the documented order, each with its date as a label and its bounds.",
        epilog="example: chronology list events.toml",
    )
    show.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    _formats(show)
    _zone(show)
    _allow_outside(show)

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
    _zone(one)
    _allow_outside(one)

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
    query.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
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
    _widening(query)
    _calendar(query)
    _filters(query)
    query.add_argument("--source", action="append", default=[], help="only events citing this source (repeatable)")
    query.add_argument("--text", help="only events with this text (any case) in id, title, summary or a quote")
    query.add_argument("--count", action="store_true", help="print how many events, not the events")
    _formats(query)
    _zone(query)
    _allow_outside(query)
    _engine(
        query,
        "for Parquet: where the window is asked. duckdb (the default for a data set: the file is scanned, not "
        "loaded) or spark compare dates only, the narrowed ones the file holds; memory (the default for a "
        "chronology written by export) loads it, links, sources and quotes included",
    )

    relate = commands.add_parser(
        "relate",
        help="how two events (or dates) stand in time",
        description="Say whether A came before or after B: certainly, possibly, or not at all; which of Allen's "
        "13 interval relations are left, each said certain or possible ('meets': A ends the day, or second, just "
        "before B starts, which 'A before B' counts); and the odds, each day of an uncertain "
        "date counted as equally likely (each second, when both give times). Approximate dates spill over their "
        "bounds as in query (--widening, else the file's [reading]), so relate never calls certain what query "
        "finds possibly otherwise. A and B are event ids or dates ('2024-10-18', 'June 2024'); FILE is needed "
        "only for an event id: two dates are related alone ('chronology relate 2024-10 2024-11').",
        epilog="example: chronology relate events.toml transfers nis-statement",
    )
    relate.add_argument(
        "file", metavar="FILE", nargs="?", help="an event file (TOML), where A or B is an event id; none for two dates"
    )
    relate.add_argument("a", metavar="A", help="an event id or a date")
    relate.add_argument("b", metavar="B", help="an event id or a date")
    relate.add_argument("--json", action="store_true", help="print the answer as JSON")
    _zone(relate)
    _calendar(relate)
    _allow_outside(relate)
    _widening(relate)

    forms = commands.add_parser(
        "forms",
        help="the date forms read, an example of each",
        description="Print the forms of date the reader of a language reads, an example of each, and how the "
        "example reads (read now, by this version: the reading is the reader's own). Relative examples ('last "
        "Friday') are read from a fixed day, named above the table. Every form, in full, is in "
        "docs/reference/dates.md in the source. Russian, Ukrainian and Korean need the draft extra.",
        epilog="example: chronology forms --language ru",
    )
    forms.add_argument(
        "--language",
        choices=["en", "ru", "uk", "ko"],
        default="en",
        help="en: English, with ISO 8601 and EDTF (the default); ru: Russian; uk: Ukrainian; ko: Korean",
    )

    export = commands.add_parser(
        "export",
        help="write the chronology as JSON, CSV, TimelineJS, iCalendar, Markdown or Parquet",
        description="Write the chronology in another format. json: every event, source and claim, in the event "
        "file's shape (dates as written where they read back the same, with their anchors, EDTF otherwise; a "
        "timeline's zone kept as its [reading] zone), read back by chronology with the same checks; csv: one row "
        "per event, for spreadsheets, with each date's days, EDTF and wording, sources named by id (with -o "
        "events.csv, the sources' details go to events.sources.csv beside it, which import reads; the title and "
        "the [reading] zone are in neither: import with --title and --zone, as export says); timelinejs: "
        "TimelineJS3 JSON, uncertain dates shown as written; ics: all-day calendar events spanning each event's "
        "bounds; markdown: a table for reports, sources as footnotes; "
        "parquet: the columnar form that DuckDB and Spark query (docs/reference/columnar.md; needs -o). "
        "Without -o (or with -o -) the result goes to standard output.",
        epilog="example: chronology export events.toml --to timelinejs -o timeline.json",
    )
    export.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    export.add_argument(
        "--to", dest="format", choices=sorted(_EXPORTS), help="the format (default: from the extension of -o)"
    )
    export.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: standard output)")
    _zone(export)
    _allow_outside(export)

    imports = commands.add_parser(
        "import",
        help="turn a CSV or JSON file of events into an event file, or a data set into Parquet",
        description="Read a CSV spreadsheet of events (a header row; at least id, title and a date column: when, "
        "edtf, or earliest and latest) or a JSON export, check every row, and write an event file. The sources' "
        "details (title, outlet, date, url) are read from the sheet beside IN that export writes (events.sources.csv "
        "for events.csv); without one, sources come back as bare ids and wording dated against them "
        "('Friday') as EDTF. A CSV does not hold its file's title nor its [reading] zone: give them with --title "
        "and --zone (export prints the options to give). Every problem "
        "is printed with its row and column, and nothing is written until there are none. An existing OUT is "
        "only extended with --append. --from acled (an ACLED CSV export) or --from gdelt (a GDELT 2.0 event "
        "file, unzipped) converts a data set, streaming, to a new Parquet file in the columnar form (OUT ends in "
        ".parquet and does not exist yet), which every command reads; a bad row is printed with its line and column.",
        epilog="example: chronology import events.csv -o events.toml; "
        "chronology import --from acled acled.csv -o acled.parquet",
    )
    imports.add_argument("input", metavar="IN", help="a .csv or .json file, or a data set's file (with --from)")
    imports.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the event file to write (.toml; .parquet for a data set)"
    )
    imports.add_argument(
        "--from",
        dest="format",
        choices=sorted([*_IMPORTS, *_DATASETS]),
        help="the input format (default: from the extension of IN; acled and gdelt only when given)",
    )
    imports.add_argument("--append", action="store_true", help="add the events and sources to an existing OUT")
    imports.add_argument(
        "--zone",
        metavar="ZONE",
        help="the IANA time zone a CSV's times without an offset are in, written as the new file's [reading] zone "
        "('Europe/Kyiv'); default: OUT's [reading] zone with --append, a JSON export's own zone, else none",
    )
    imports.add_argument(
        "--title",
        metavar="TITLE",
        help="the new event file's title (a CSV holds none; export says the one it had); default: a JSON "
        "export's own title, else none. Not with --append, which keeps OUT's",
    )
    _allow_outside(imports)

    plot = commands.add_parser(
        "plot",
        help="draw the chronology as a PNG (or SVG, PDF)",
        description="Draw the chronology: lanes of events, uncertainty visible, labels that never collide. "
        "The format follows the extension of -o.",
        epilog="example: chronology plot events.toml -o timeline.png --from 2023-08 --group-by kind",
    )
    plot.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    plot.add_argument("-o", "--output", required=True, metavar="OUT", help="timeline.png, .svg or .pdf")
    plot.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day shown ('2024-10', 'June 2024'; '-0043-03' is March 44 BCE)",
    )
    plot.add_argument("--to", dest="end", metavar="DATE", help="last day shown; a window is whole days")
    _filters(plot)
    plot.add_argument(
        "--group-by",
        choices=["kind", "actor", "tag", "source", "none"],
        default="kind",
        help="one lane per kind (default), actor, tag or source; none: a single lane",
    )
    plot.add_argument("--lanes", help="lane order, comma-separated (the rest follow)")
    # the widths a timeline keeps every text inside (chronology.plot._layout.MIN_WIDTH and MAX_WIDTH)
    plot.add_argument("--width", type=_between(6, 30, "inches"), default=11.0, help="inches, 6-30 (default 11)")
    plot.add_argument(
        "--dpi", type=_between(20, 600, "dots per inch"), default=100.0, help="dots per inch, 20-600 (default 100)"
    )
    plot.add_argument("--title", help="the title (default: the file's)")
    plot.add_argument(
        "--label-chars",
        type=_between(8, 1000, "characters", whole=True),
        metavar="N",
        help="shorten titles to N characters, 8-1000, cut at a word and marked … (the legend says so); "
        "by default titles are whole, wrapped onto up to three lines",
    )
    plot.add_argument(
        "--dates", action="store_true", help="write each event's date before its title, as a report's chronology does"
    )
    plot.add_argument(
        "--no-breaks",
        dest="breaks",
        action="store_false",
        help="one plain time axis; by default, when quiet stretches take most of the window, the axis is broken "
        "there and the busy stretches get the width",
    )
    plot.add_argument(
        "--no-sources",
        dest="footnote",
        action="store_false",
        help="leave out the sources line under the picture; by default it cites every source the events drawn "
        "cite, titles whole, on up to six lines (the sources beyond those are counted)",
    )
    plot.add_argument(
        "--font",
        metavar="FONT",
        help="a font file (.ttf, .otf, .ttc) or an installed family's name, drawn in before DejaVu Sans; letters "
        "neither has (Korean, Chinese, Japanese) are drawn in an installed font that has them, found on the "
        "machine, and where there is none as '\u25a1', with a warning",
    )
    plot.add_argument("--claims", metavar="SUBJECT", help="draw the claims about SUBJECT instead of the events")
    plot.add_argument("--unit", help="with --claims: only claims in this unit")
    plot.add_argument(
        "--scale",
        choices=["auto", "linear", "log"],
        help="with --claims: the value axis; auto (the default): linear when every figure is within a factor "
        "of 10 of the others, logarithmic when they differ more",
    )
    plot.add_argument(
        "--claims-table",
        metavar="TABLE",
        help="with --claims: also write the claims drawn as a table (figure, unit, subject, claimant, source, "
        "date said, event id), by when each was said, CSV or Markdown by the extension: claims.csv, claims.md",
    )
    _widening(plot)
    _calendar(plot)
    _zone(plot)
    _allow_outside(plot)
    _engine(
        plot,
        "for Parquet: where the events are counted (default duckdb); a window of more events than marks can "
        "show is drawn as density bands counted by the engine, never loaded; fewer are loaded and drawn as "
        "marks; memory: load the whole file first",
    )

    add = commands.add_parser(
        "add",
        help="add an event to a file",
        description="Add one event to an event file, keeping everything else in the file as it was. "
        "The file is checked before it is written.",
        epilog="example: chronology add events.toml --id rutte-escalation "
        '--title "NATO chief Rutte calls the deployment a significant escalation" --when 2024-10-28 '
        "--kind statement --source aljazeera-2024-10",
    )
    add.add_argument("file", metavar="FILE", help="the event file to change (TOML)")
    add.add_argument("--id", required=True, help="a new, unique id: letters, digits, - _ .")
    add.add_argument("--title", required=True, help="one line saying what happened")
    add.add_argument("--when", required=True, help='a date: "2024-10-18", "June 2024", "Friday" (with --anchor)')
    add.add_argument("--anchor", help="the source or event id a relative --when is read from")
    add.add_argument("--tense", choices=[t.value for t in Tense], default="past")
    add.add_argument("--kind", default="", help='free vocabulary: "deployment", "statement", ...')
    add.add_argument("--actor", action="append", default=[], dest="actors", help="who acted (repeatable)")
    add.add_argument("--place", action="append", default=[], dest="places", help="where (repeatable)")
    add.add_argument("--tag", action="append", default=[], dest="tags", help="a free label (repeatable)")
    add.add_argument("--summary", default="", help="a paragraph")
    add.add_argument("--source", help="the id of the source that supports it")
    add.add_argument("--quote", default="", help="the supporting sentence (with --source)")
    _allow_outside(add)
    add_draft_command(commands)
    for command in commands.choices.values():
        # what a command's parser does not know is said with that command's usage (see _parse)
        command.set_defaults(command_parser=command)
    return parser


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line read; an option (or word) no command knows is refused with its command's usage.

    argparse hands what a command's parser does not know up to the main parser, which would refuse it with
    the main usage ("chronology [-h] [--version] COMMAND ..."), not the command's own.

    Raises:
        SystemExit: the command line is wrong (exit 2), with its command's usage and the nearest option.

    """
    arguments, unknown = build_parser().parse_known_args(argv)
    if unknown:
        command: argparse.ArgumentParser = arguments.command_parser
        command.error(_unrecognized(command, unknown))
    return arguments


def _unrecognized(command: argparse.ArgumentParser, unknown: Sequence[str]) -> str:
    """What a command says of words it does not know: each of them, and for an option, the nearest it has."""
    message = f"unrecognized arguments: {' '.join(unknown)}"
    given = next((word.split("=", 1)[0] for word in unknown if word.startswith("-") and word != "-"), None)
    options = [option for action in command._actions for option in action.option_strings if option.startswith("--")]
    if given is None or not options:
        return message
    close = suggest(given, options)
    if close:
        return f"{message} ({given!r} is no option of {command.prog}{close})"
    nearest = max(options, key=lambda option: difflib.SequenceMatcher(None, given, option).ratio())
    return (
        f"{message} ({given!r} is no option of {command.prog}; the nearest is {nearest!r}; "
        f"'{command.prog} -h' lists them all)"
    )


#: Export formats: the name given to --to, and the file extensions that imply it.
_EXPORTS: Final = {
    "json": (".json",),
    "csv": (".csv",),
    "timelinejs": (".timelinejs.json",),
    "ics": (".ics", ".ical", ".ifb", ".icalendar"),
    "markdown": (".md", ".markdown"),
    "parquet": (".parquet",),
}
_IMPORTS: Final = {"csv": (".csv",), "json": (".json",)}
#: Data sets ``import --from`` converts to Parquet, and how each names itself in the report.
_DATASETS: Final = {"acled": "ACLED", "gdelt": "GDELT 2.0"}


#: What the read-only commands take as FILE.
_FILES_HELP: Final = (
    "event files (TOML), read as one chronology; or one Parquet file (or folder of them) in the columnar form"
)


def _formats(command: argparse.ArgumentParser) -> None:
    output = command.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON document (as export writes it)")
    output.add_argument("--csv", action="store_true", help="print CSV, one row per event (as export writes it)")


def _widening(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--widening",
        metavar="SETTINGS",
        help="how far approximate (~) and uncertain (?) dates may spill over their bounds in 'possible' answers, in "
        "units of each date's precision: 'approximate=1,uncertain=0' (the default) or 'approximate.year=10,"
        "approximate.month=1', each 0 to 10,000; overrides the files' [reading] (settings not given are the default's)",
    )


def _widening_option(arguments: argparse.Namespace) -> Widening | None:
    """The --widening policy (None: each file's own), or a usage error naming what is wrong."""
    if arguments.widening is None:
        return None
    try:
        return Widening.parse(arguments.widening)
    except InvalidDateError as error:
        raise _UsageError(f"--widening: {error}") from None


def _engine(command: argparse.ArgumentParser, what: str) -> None:
    """``--engine`` (``what`` it does for this command) and ``--spark-master``, for commands that read Parquet."""
    command.add_argument("--engine", choices=("duckdb", "spark", "memory"), help=what)
    command.add_argument(
        "--spark-master", default="local[*]", metavar="URL", help="where Spark runs (default local[*]: this machine)"
    )


def _zone(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--zone",
        metavar="ZONE",
        help="the IANA time zone whose calendar days times with an offset fall on, and dates given here are in "
        "('Asia/Seoul'); default: the first file's [reading] zone, else UTC",
    )


def _zoned(timeline: Timeline, arguments: argparse.Namespace) -> Timeline:
    """The timeline in the --zone given (its own zone without one); a usage error for a zone that does not exist."""
    zone = getattr(arguments, "zone", None)
    if zone is None:
        return timeline
    try:
        return timeline.in_zone(zone)
    except DateParseError as error:
        raise _UsageError(f"--zone: {error.reason}") from None


def _calendar(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--calendar",
        choices=("gregorian", "julian"),
        help="the calendar of the dates in words given here ('2 September 1666'); julian: Old Style, converted "
        "as the files convert theirs. ISO 8601 and EDTF ('1666-09-12') are always Gregorian, and a date that "
        "names its calendar ('2 September 1666 (O.S.)') keeps it. Default: the files' [reading] calendar when "
        "they all give the same, else gregorian (with a warning when that changes a date given)",
    )


def _calendared(timeline: Timeline, arguments: argparse.Namespace, dates: Sequence[str | None]) -> Timeline:
    """The timeline reading dates in words in the --calendar given (the files' own without one).

    Where the files named read theirs in different calendars, the timeline reads them as Gregorian; a warning
    says so, naming each file's, when one of ``dates`` (the command line's) reads otherwise in the Julian one.
    """
    calendar: Calendar | None = getattr(arguments, "calendar", None)
    if calendar is not None:
        return timeline if calendar == timeline.calendar else timeline.in_calendar(calendar)
    calendars = timeline._root.calendars
    if len({named for _, named in calendars}) < 2:
        return timeline
    changed = [text for text in dates if text is not None and _reads_otherwise(timeline, text)]
    if changed:
        files = ", ".join(f"{name} {named}" for name, named in calendars)
        shown = " and ".join(repr(text) for text in changed)
        verb, it = ("is", "it") if len(changed) == 1 else ("are", "them")
        warnings.warn(
            f"the files read dates in words in different calendars ({files}): {shown} {verb} read in the "
            f"Gregorian calendar; give --calendar julian to read {it} as Old Style (or --calendar gregorian to "
            "keep this reading without this warning)",
            ChronologyWarning,
            stacklevel=2,
        )
    return timeline


def _reads_otherwise(timeline: Timeline, text: str) -> bool:
    """Whether ``text`` (a date given on the command line, not an event's id) reads otherwise as Old Style."""
    if text.startswith("@") or text in timeline:
        return False
    readings: list[DateValue | None] = []
    both: tuple[Calendar, Calendar] = ("gregorian", "julian")
    for calendar in both:
        try:
            readings.append(parse(text, calendar=calendar))
        except ChronologyError:
            readings.append(None)  # a day only one calendar has ("29 February 1700"); else no date at all
    return readings[0] != readings[1]


def _allow_outside(command: argparse.ArgumentParser) -> None:
    command.add_argument("--allow-outside", action="store_true", help="let includes reach outside the file's folder")


def _filters(command: argparse.ArgumentParser) -> None:
    command.add_argument("--tag", action="append", default=[], help="only events with this tag (repeatable)")
    command.add_argument("--kind", action="append", default=[], help="only events of this kind (repeatable)")
    command.add_argument("--actor", action="append", default=[], help="only events with this actor (repeatable)")


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit code.

    On the real standard output and error, what their encoding cannot hold
    (``PYTHONIOENCODING=ascii``, a Latin-1 terminal) is written escaped as
    Python escapes it in a string (``"backslashreplace"``), not ended in a
    ``UnicodeEncodeError``.
    """
    with _escaping(sys.stdout), _escaping(sys.stderr):
        return _main(argv, out or sys.stdout, err or sys.stderr)


@contextlib.contextmanager
def _escaping(stream: TextIO) -> Iterator[None]:
    """While the command runs, write what ``stream``'s encoding cannot hold escaped ("backslashreplace")."""
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None)
    if reconfigure is None or errors != "strict":  # standard error escapes already; a stream put in its place
        yield
        return
    reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):  # a pipe closed by the reader, a stream closed
            reconfigure(errors=errors)


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    arguments = _parse(_joined_dates(sys.argv[1:] if argv is None else argv))
    with _warnings_said(arguments.command, err):
        return _run(arguments, out, err)


@contextlib.contextmanager
def _warnings_said(command: str, err: TextIO) -> Iterator[None]:
    """Say each :class:`~chronology.errors.ChronologyWarning` once on ``err``: "chronology query: warning: ...".

    Other warnings pass on as they were raised.
    """
    said: set[str] = set()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ChronologyWarning)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, ChronologyWarning):
                    if str(warning.message) not in said:
                        said.add(str(warning.message))
                        print(_visible(f"chronology {command}: warning: {warning.message}"), file=err)
                else:
                    warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _run(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command the command line names; return the exit code."""
    try:
        if arguments.command == "validate":
            return _validate(arguments, out, err)
        if arguments.command == "draft":
            return run_draft(arguments, out, err)
        if arguments.command == "plot":
            with _font_warnings(err):
                return _plot(arguments, out)
        command = _COMMANDS[arguments.command]
        return command(arguments, out)
    except _UsageError as error:
        print(f"chronology {arguments.command}: error: {error}", file=err)
        return USAGE
    except ValidationError as error:
        for problem in error.problems:
            print(problem, file=err)
        return PROBLEMS
    except ChronologyError as error:
        print(f"chronology: {error}", file=err)
        return PROBLEMS
    except BrokenPipeError:  # the reader went away (`chronology list ... | head`): stop quietly
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return OK
    except OSError as error:  # a file the command names cannot be read or written: one line, never a traceback
        name = f"{_shorten(os.fsdecode(error.filename))}: " if error.filename is not None else ""
        print(f"chronology: {name}{error.strerror or error}", file=err)
        return PROBLEMS


#: The options whose value is a date, which may be one before the common era ("-0043-03", March 44 BCE).
_DATE_OPTIONS: Final = frozenset({"--from", "--to", "--when"})
#: A value that argparse would take for an option, but that starts as a year before the common era does.
_NEGATIVE_YEAR: Final = re.compile(r"-\d")


def _joined_dates(argv: Sequence[str]) -> list[str]:
    """``argv`` with each date option joined to a value that starts with "-" and a digit: ``--from=-0043-03``.

    argparse takes any word starting with "-" for an option, and would say ``--from`` has no value; a date
    before the common era is written so in EDTF. Nothing after ``--`` is touched.
    """
    joined: list[str] = []
    position = 0
    while position < len(argv):
        word = argv[position]
        if word == "--":
            joined += argv[position:]
            break
        following = argv[position + 1] if position + 1 < len(argv) else ""
        if word in _DATE_OPTIONS and _NEGATIVE_YEAR.match(following):
            joined.append(f"{word}={following}")
            position += 2
            continue
        joined.append(word)
        position += 1
    return joined


def _validate(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ChronologyWarning)
        problems = validate(arguments.files, allow_outside=arguments.allow_outside)
    for problem in problems:
        print(problem, file=err)
    if problems:
        # the loader's warnings (a Julian date after 1752...) are said with the problems: no load follows
        said: set[str] = set()
        for warning in caught:
            if issubclass(warning.category, ChronologyWarning) and str(warning.message) not in said:
                said.add(str(warning.message))
                print(_visible(f"chronology validate: warning: {warning.message}"), file=err)
        print(f"{_count(len(problems), 'problem')} found", file=err)
        return PROBLEMS
    for warning in caught:  # said once, with those of the load below, by _warnings_said
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    timeline = _zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    print(f"ok: {_count(len(timeline), 'event')}, {_count(len(timeline.sources), 'source')}", file=out)
    return OK


#: Control characters a terminal would act on (ESC, BEL...): none come from a file the loader accepts, but a
#: user's own ``extra`` values, or events built in Python, may hold them.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    r"""``text`` for a terminal: control characters written as escapes (``\x1b``), tabs and line breaks kept."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", text)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _list(arguments: argparse.Namespace, out: TextIO) -> int:
    timeline = _zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    _print_events(timeline, arguments, out)
    return OK


def _print_events(timeline: Timeline, arguments: argparse.Namespace, out: TextIO) -> None:
    """The events as a table for people, or as JSON or CSV for scripts."""
    if arguments.json:
        out.write(_export(timeline, "json"))
    elif arguments.csv:
        out.write(_export(timeline, "csv"))
    else:
        print(_visible(_table(timeline)), file=out)


def _show(arguments: argparse.Namespace, out: TextIO) -> int:
    timeline = _zoned(load(arguments.file, allow_outside=arguments.allow_outside), arguments)
    event = _event(timeline, arguments.id.removeprefix("@"), arguments.file)
    if arguments.json:
        out.write(_export(timeline.select([event.id]), "json"))
    else:
        print(_visible(_describe(timeline, event)), file=out)
    return OK


def _event(timeline: Timeline, event_id: str, path: str) -> Event:
    if event_id not in timeline:
        known = [event.id for event in timeline]
        raise ChronologyError(f"{path}: no event {event_id!r}{suggest(event_id, known)}")
    return timeline[event_id]


def _describe(timeline: Timeline, event: Event) -> str:
    from chronology.exchange._records import figure_text

    when = event.when
    zone = timeline.zone_info
    lines = [f"{event.id}: {event.title}", ""]
    rows: list[tuple[str, str]] = [("when", f"{local_time(when, zone).label}  (EDTF {when.to_edtf()})")]
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
    rows.append(("bounds", _bounds(*stated)))
    narrowed = timeline.narrowed(event.id)
    if narrowed is not when:
        days = _bounds(*timeline.narrowed_days(event.id))
        rows.append(("narrowed", f"{local_time(narrowed, zone).label}  ({days}), by its links:"))
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
            lines.append(f"  [{number}] {_source_line(timeline, citation.source, zone)}")
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
            lines.append(f"    said {said_on}" + (f" by {who}" if who else ""))
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
    from chronology.dates import Endpoint, UncertainDate

    if isinstance(end, UncertainDate):
        unit = end.precision.value
        return f"{'an' if unit == 'hour' else 'a'} {unit}"  # the one unit said with a vowel sound: "an hour"
    return "an open end" if end is Endpoint.OPEN else "an unknown end"


def _source_line(timeline: Timeline, source_id: str, zone: ZoneInfo | None = None) -> str:
    """A source as ``show`` lists it; times at ``zone``'s own offset are written without it."""
    source = timeline.sources.get(source_id)
    if source is None:
        return source_id
    parts = [part for part in (source.outlet, f"\u201c{source.title}\u201d" if source.title else "") if part]
    if source.published is not None:
        parts.append(local_time(source.published, zone).label)
    else:
        known = timeline.publication(source_id)
        why = "; ".join(dict.fromkeys(link.reason for link in (*known.after, *known.before)))
        if known.value is not None:
            parts.append(f"undated, published {known.value.label} (inferred: {why})")
        elif known.inferred:
            parts.append(f"undated, and its events disagree on when it was published: {why}")
    if source.url:
        parts.append(source.url)
    return f"{source_id}: {', '.join(parts)}" if parts else source_id


def _wrapped(text: str, indent: str) -> list[str]:
    """``text`` wrapped at 100 columns, each of its own lines kept (a summary's paragraphs stay apart)."""
    import textwrap

    return [
        wrapped
        for line in text.splitlines() or [""]
        for wrapped in textwrap.wrap(line, width=100, initial_indent=indent, subsequent_indent=indent) or [""]
    ]


def _query(arguments: argparse.Namespace, out: TextIO) -> int:
    from chronology.scan._command import Asked, counted, engine_for, prefiltered

    given = (arguments.start, arguments.end, arguments.before, arguments.after)
    filtered = arguments.tag or arguments.kind or arguments.actor or arguments.source or arguments.text
    if all(option is None for option in given) and not filtered:  # with a filter alone: the whole timeline
        raise _UsageError(
            "query needs a window, an event or a filter: give --from, --to, --before or --after "
            "('--from 2024-10 --to 2024-11'), or --kind, --tag, --actor, --source or --text for the whole "
            "chronology; `chronology list` prints every event"
        )
    mode: Literal["certain", "possible"] = "certain" if arguments.certain else "possible"
    widening = _widening_option(arguments)
    engine = engine_for(arguments.files, arguments.engine)
    if engine is None:
        timeline = _zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    else:  # the engine asks the window and the order; what it keeps is printed as a timeline is
        if arguments.zone is not None:
            raise _UsageError("--zone: on an engine a Parquet file's days are in its own zone; add --engine memory")
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
                out.write(f"{counted(arguments.files[0], asked, _EARLIEST, _LATEST)}\n")
                return OK
            timeline = prefiltered(arguments.files[0], asked, _EARLIEST, _LATEST)
        except (InvalidDateError, UnknownEventError) as error:
            raise _UsageError(str(error)) from None
    # the window is asked again of what was kept (on an engine, its rows): its dates in words in the calendar
    timeline = _calendared(timeline, arguments, (arguments.start, arguments.end))
    if engine is None:  # on an engine, the names were looked up in the whole data set, not in the rows kept
        _check_filter_names(timeline, arguments)
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
            raise _UsageError(str(error)) from None
    for option, name in (("--before", arguments.before), ("--after", arguments.after)):
        if name is not None:  # each narrows what the window and the option before it left
            ask = found.before if option == "--before" else found.after
            found = ask(_event_option(timeline, name, option, arguments.files[0]), mode=mode, widening=widening)
    found = _filtered(found, arguments)
    sources = arguments.source if engine is None else []  # (on an engine, kept by the engine: rows cite nothing)
    if sources or arguments.text:
        found = found.filter(source=sources or None, text=arguments.text)
    if arguments.count:
        out.write(f"{len(found)}\n")
        return OK
    if not len(found) and not (arguments.json or arguments.csv):  # said, not a table of headers alone
        print(_visible(f"no events {_asked(arguments, *window)}"), file=out)
        return OK
    if arguments.json or arguments.csv or (arguments.before is None and arguments.after is None):
        _print_events(found, arguments, out)
    else:  # an order question's table says which it answers: "possibly" is the default, unlike Python's
        print(_visible(_table(found, _question(arguments, *window))), file=out)
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
        raise _UsageError(f"{option}: empty; give a date ('2024-10') or an event id, or leave {option} out")
    try:
        return timeline.resolve(text)[0]
    except ChronologyError as error:
        if isinstance(error, DateParseError) and text.strip() and text not in timeline:
            hint = suggest(text, [event.id for event in timeline])
            if hint:
                raise _UsageError(f"{option}: {text!r} is neither a date nor an event id of {path}{hint}") from None
        raise _UsageError(f"{option}: {error}") from None


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
        raise _UsageError(f"{option}: no event {name!r} in {path}{hint}")
    return timeline[name]


def _date_option(text: str, option: str, calendar: Calendar = "gregorian") -> DateValue:
    try:
        return parse(text, calendar=calendar)
    except ChronologyError as error:
        raise _UsageError(f"{option}: {error}") from None


_TIMES: Final = frozenset({Precision.HOUR, Precision.MINUTE, Precision.SECOND})


def _day_option(text: str, option: str, calendar: Calendar = "gregorian") -> DateValue:
    """A plot window's end: a date (its words in ``calendar``), refused with a time of day the window would ignore."""
    value = _date_option(text, option, calendar)
    parts = (value,) if isinstance(value, UncertainDate) else (value.start, value.end)
    if any(isinstance(part, UncertainDate) and part.precision in _TIMES for part in parts):
        day = text.split("T", 1)[0] if "T" in text else "the day"
        raise _UsageError(
            f"{option} {text!r}: a plot window is whole days, and its time would be ignored; give the day "
            f"({day!r}): a window of a day or a few is drawn with the hours on its axis"
        )
    return value


def _check_window(timeline: Timeline, start: DateValue | None, end: DateValue | None, files: int) -> None:
    """Refuse a window that no event reaches into, saying when the events are."""
    if start is None and end is None:
        return
    if len(timeline.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)):
        return
    if start is not None and end is not None:
        window = f"between {start.label} and {end.label}"
    else:
        window = f"from {start.label} on" if start is not None else f"up to {end.label}"  # type: ignore[union-attr]
    whose = "the file's" if files == 1 else "the files'"
    if not len(timeline):
        raise ChronologyError(f"no events {window}: there are no events to draw")
    days = [bound_days(event.when, timeline.zone_info) for event in timeline]
    firsts = [first for first, _ in days if first is not None]
    lasts = [last for _, last in days if last is not None]
    first = UncertainDate.from_days(min(firsts), min(firsts)).label if firsts else "an open start"
    last = UncertainDate.from_days(max(lasts), max(lasts)).label if lasts else "an open end"
    span = f"are all on {first}" if first == last else f"span {first} to {last}"
    raise ChronologyError(f"no events {window}; {whose} events {span}: give a window that reaches into those days")


def _check_claims_found(timeline: Timeline, subject: str, unit: str | None) -> None:
    """Refuse a --claims (with its --unit) that no claim matches, saying which subjects or units there are."""
    from chronology._suggest import nearest

    claims = [claim for _, claim in timeline.claims()]
    if not claims:
        raise ChronologyError(
            f"--claims {subject!r}: no event has claims ([[events.claims]]), so there are none to draw"
        )
    about = [claim for claim in claims if subject.casefold() in claim.subject.casefold()]
    if not about:
        subjects = nearest(subject, (claim.subject for claim in claims))
        shown = ", ".join(repr(name) for name in subjects[:8])
        more = f", and {len(subjects) - 8} more" if len(subjects) > 8 else ""
        raise ChronologyError(
            f"--claims {subject!r}: no claim's subject contains it; the subjects claimed are, nearest first: "
            f"{shown}{more}"
        )
    if unit is not None and not any(claim.unit == unit for claim in about):
        counts: dict[str, int] = {}
        for claim in about:
            counts[claim.unit] = counts.get(claim.unit, 0) + 1
        units = ", ".join(
            f"{name!r} ({_count(counts[name], 'claim')})" if name else f"no unit ({_count(counts[name], 'claim')})"
            for name in nearest(unit, counts)
        )
        raise ChronologyError(
            f"--unit {unit!r}: there are claims about {subject!r}, but none in {unit!r}; they are in {units}: "
            "give one of those to --unit, or leave --unit out"
        )


def _check_filter_names(timeline: Timeline, arguments: argparse.Namespace) -> None:
    """A --tag, --kind, --actor or --source that no event of the file has is an error (a typo), not silence.

    Only the options given are looked up: on a timeline of columns each look makes every event.
    """
    gather: dict[str, Callable[[], set[str]]] = {
        "--tag": lambda: {tag for event in timeline for tag in event.tags},
        "--kind": lambda: {event.kind for event in timeline if event.kind},
        "--actor": lambda: {actor for event in timeline for actor in event.actors},
        "--source": lambda: set(timeline.sources) | {c.source for event in timeline for c in event.citations},
    }
    for option, gathered in gather.items():
        given = getattr(arguments, option[2:], None) or ()
        names = gathered() if given else set()
        for name in given:
            if name not in names:
                listed = ", ".join(sorted(names)[:12]) + (", ..." if len(names) > 12 else "") or "none"
                raise ChronologyError(f"{option} {name!r}: no event has it{suggest(name, names)} (there are: {listed})")


def _filtered(timeline: Timeline, arguments: argparse.Namespace) -> Timeline:
    if arguments.tag or arguments.kind or arguments.actor:
        return timeline.filter(tags=arguments.tag or None, kind=arguments.kind or None, actors=arguments.actor or None)
    return timeline


def _relate(arguments: argparse.Namespace, out: TextIO) -> int:
    import json

    from chronology.compare import Relation

    if arguments.file is None:  # two dates, related with no file: an event id has nothing to be found in
        _check_dates_alone(arguments.a, arguments.b, arguments.calendar or "gregorian")
        timeline = _zoned(Timeline([]), arguments)
    else:
        timeline = _zoned(load(arguments.file, allow_outside=arguments.allow_outside), arguments)
    timeline = _calendared(timeline, arguments, (arguments.a, arguments.b))
    where = arguments.file or "relate"
    (a_name, a), (b_name, b) = (_operand(timeline, text, where) for text in (arguments.a, arguments.b))
    widening = _widening_option(arguments)
    known = timeline.relate(a, b, widening=widening)  # over the readings "possible" queries see
    spilled = tuple(_reach(operand, value, widening) for operand, value in ((a, known.a), (b, known.b)))
    possible = [relation.value for relation in Relation if relation in known.relations]
    # a relation is certain only when it is the one left; each is said, so no "certain" stands beside a possible one
    certainty = {name: "certain" if len(possible) == 1 else "possible" for name in possible}
    words = _link_places(arguments.file) if known.because and arguments.file is not None else None
    why = [words(link) for link in known.because] if words is not None else []
    sides: list[dict[str, object]] = []
    for name, value, widened in zip((a_name, b_name), (known.a, known.b), spilled, strict=True):
        side: dict[str, object] = {"name": name, "edtf": value.to_edtf(), "label": value.label}
        if widened is not None:  # how far "possible" reaches by the widening policy
            side["widened"] = {"edtf": widened.to_edtf(), "label": widened.label}
        sides.append(side)
    answer: dict[str, object] = {
        "a": sides[0],
        "b": sides[1],
        "before": known.before.value,
        "after": known.after.value,
        "relations": possible,
        "relation_certainty": certainty,
        "because": why,
    }
    odds = known.probabilities
    if odds is None:
        answer["probabilities"] = None
    else:
        answer["probabilities"] = {"before": str(odds.before), "after": str(odds.after), "neither": str(odds.neither)}
    answer["unit"] = known.unit.value  # what is counted: "day", or "second" for two times
    if arguments.json:
        print(json.dumps(answer, indent=2, ensure_ascii=False), file=out)
        return OK
    reason = f" ({'; '.join(why)})" if why else ""
    # the links decide one way: certain, or (a report before what it reports) impossible
    decided = "before" if known.before.value != "possible" else "after"
    reach = [f" (widened: possibly {value.label})" if value is not None else "" for value in spilled]
    lines = [
        f"A  {a_name}: {known.a.label}{reach[0]}",
        f"B  {b_name}: {known.b.label}{reach[1]}",
        "",
        f"A before B: {answer['before']}{reason if decided == 'before' else ''}",
        f"A after B:  {answer['after']}{reason if decided == 'after' else ''}",
        f"relations of A to B: {_relations_said(known, certainty)}",
    ]
    if odds is None:
        lines.append(f"odds: none ({known.unbounded})")
    elif known.because and "certain" in (known.before.value, known.after.value):
        lines.append("odds: the links decide it")
    else:
        unit = known.unit.value  # "day", or "second" when both give times
        lines.append(
            f"odds, each {unit}{' of the widened dates' if spilled != (None, None) else ''} equally likely: "
            f"before {_percent(odds.before)}, after {_percent(odds.after)}, "
            f"neither (same {unit} or overlapping) {_percent(odds.neither)}"
        )
    print(_visible("\n".join(lines)), file=out)
    return OK


def _check_dates_alone(a: str, b: str, calendar: Calendar) -> None:
    """Refuse, naming the argument, an event id (or an event file) given to ``relate`` with no FILE before A and B.

    Raises:
        _UsageError: A or B is not a date: an event id needs the file it is in; a file name, the two after it.

    """
    if a.lower().endswith((".toml", ".parquet")) or Path(a).is_file():
        raise _UsageError(
            f"B is missing: {a!r} is taken for FILE only with A and B after it "
            f"(chronology relate {a} A B; A and B event ids or dates)"
        )
    for name, text in (("A", a), ("B", b)):
        try:
            parse(text, calendar=calendar)
        except DateParseError as error:
            if text.startswith("@") or (text and not any(c.isspace() for c in text)):  # it may be an event id
                other = shlex.quote(b if name == "A" else a)
                quoted = shlex.quote(text)
                example = f"FILE {quoted} {other}" if name == "A" else f"FILE {other} {quoted}"
                said = "names an event" if text.startswith("@") else f"is not a date ({error.reason})"
                raise _UsageError(
                    f"{name} {text!r} {said}; an event id needs the event file it is in, given first: "
                    f"chronology relate {example}"
                ) from None
            raise _UsageError(f"{name} {text!r} is not a date: {error.reason}") from None


def _forms(arguments: argparse.Namespace, out: TextIO) -> int:
    """The forms of date read in ``--language``, each example with its reading, read now."""
    from chronology.notation.forms import ANCHORS, LANGUAGES, forms, read

    language = arguments.language
    anchor = parse(ANCHORS[language])
    rows = [("form", "example", "reading")]
    for form in forms(language):
        value = read(form)
        rows.append((form.form, form.example, f"{value.label}  ({value.to_edtf()})"))
    widths = [max(_columns(row[i]) for row in rows) for i in range(2)]
    lines = [
        f"Date forms read in {LANGUAGES[language]}; relative ones from {_weekday(anchor)} {anchor.label}.",
        "Every form, in full: docs/reference/dates.md in the source.",
        "",
    ]
    for row in rows:
        cells = [cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
    print(_visible("\n".join(lines)), file=out)
    return OK


def _weekday(day: DateValue) -> str:
    assert isinstance(day, UncertainDate)
    return str(day.earliest.format("dddd"))


def _columns(text: str) -> int:
    """How many columns ``text`` takes on a terminal: two for each wide letter (Hangul), one for the others."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(letter) in "WF" else 1 for letter in text)


def _relations_said(known: Relationship, certainty: Mapping[str, str]) -> str:
    """Each relation with its certainty: "before (possible), meets (possible), equals (possible: ...)".

    When the links put one first though the days allow the two to share a day
    (both on 3 October, one after the other), a relation sharing a day says so,
    beside the "certain" order the links give.
    """
    from chronology.compare import Certainty, Relation

    apart = {Relation.BEFORE, Relation.MEETS, Relation.AFTER, Relation.MET_BY}
    first = "A" if known.before is Certainty.CERTAIN else "B" if known.after is Certainty.CERTAIN else None
    unit = known.unit.value  # "day", or "second" when both give times
    # "meets" is Allen's name for ending in the unit just before the other starts: the "A before B" line counts it
    next_to = {
        Relation.MEETS: f": A ends the {unit} before B starts, so A is before B",
        Relation.MET_BY: f": A starts the {unit} after B ends, so A is after B",
    }
    said = []
    for relation in Relation:
        if relation.value not in certainty:
            continue
        note = next_to.get(relation, "")
        if known.because and first is not None and relation not in apart:
            same = f"on the same {unit}" if unit == "day" else f"in the same {unit}"
            shared = same if relation is Relation.EQUALS else f"sharing a {unit}"
            note = f": {shared}, {first} first by the links"
        said.append(f"{relation.value} ({certainty[relation.value]}{note})")
    return ", ".join(said)


def _reach(operand: Event | DateValue, value: DateValue, widening: Widening | None) -> DateValue | None:
    """How far ``value`` (``operand``'s date as compared) reaches in "possible" answers; None when not widened.

    By ``widening``, else the event's own policy (its file's ``[reading]``), else the default: as
    ``Timeline.relate`` widens it.
    """
    from chronology._widened import policy_for, spilled

    written = operand.when if isinstance(operand, Event) else operand
    reach = spilled(value, written, policy_for(operand, widening))
    return None if reach is value else reach


def _operand(timeline: Timeline, text: str, path: str) -> tuple[str, Event | DateValue]:
    try:
        value, event = timeline.resolve(text)
    except DateParseError as error:
        hint = suggest(text, [event.id for event in timeline])
        if hint:  # most likely a mistyped id
            raise ChronologyError(f"{path}: no event {text!r}{hint} (nor is it a date)") from None
        raise _UsageError(f"{path}: {text!r} is neither an event id nor a date ({error})") from None
    except ChronologyError as error:
        raise ChronologyError(f"{path}: {error}") from None
    if event is not None:
        return f"{event.id} ({event.title})", event
    return text, value


def _link_places(path: str) -> Callable[[Link], str]:
    """A link in words, with where it is written when that is in ``path``: "'a' is after 'b' (events.toml:41)".

    The file is read and its keys located once, for every link asked about.
    """
    import tomllib

    from chronology.files._locate import locate

    try:
        text = Path(path).read_text(encoding="utf-8")
        events = tomllib.loads(text).get("events", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return lambda link: link.reason
    index = {table.get("id"): k for k, table in reversed(list(enumerate(events))) if isinstance(table, dict)}
    spots = locate(text)

    def words(link: Link) -> str:
        spot = spots.get(("events", index[link.event], link.field)) if link.event in index else None
        return link.reason if spot is None else f"{link.reason} ({path}:{spot.line})"

    return words


def _percent(value: object) -> str:
    """Odds as a percentage to a tenth; never "0.0%" or "100.0%" for odds that are not 0 or 1 ("<0.1%", ">99.9%")."""
    from fractions import Fraction

    assert isinstance(value, Fraction)
    if value in (0, 1):
        return f"{int(value) * 100}%"
    if value < Fraction(1, 1000):
        return "<0.1%"
    if value > Fraction(999, 1000):
        return ">99.9%"
    return f"{float(value) * 100:.1f}%"


def _export(timeline: Timeline, format_name: str) -> str:
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


def _format(option: str | None, path: str | None, formats: Mapping[str, tuple[str, ...]], flag: str) -> str:
    if option is not None:
        return option
    name = (path or "").lower()
    for format_name, extensions in sorted(formats.items(), key=lambda item: -max(map(len, item[1]))):
        if name.endswith(extensions):
            return format_name
    shown = ", ".join(f"{ext} ({fmt})" for fmt, exts in formats.items() for ext in exts[:1])
    what = f"the extension of {path!r}" if path and path != "-" else "standard output"
    raise _UsageError(f"cannot tell the format from {what}: give {flag} {'|'.join(formats)} or name {shown}")


def _export_command(arguments: argparse.Namespace, out: TextIO) -> int:
    from chronology.files.load import is_parquet, load_with_files

    format_name = _format(arguments.format, arguments.output, _EXPORTS, "--to")
    if format_name == "parquet" and arguments.output in (None, "-"):
        raise _UsageError("Parquet is binary: name the file to write with -o (-o events.parquet)")
    if len(arguments.files) == 1 and is_parquet(arguments.files[0]):
        loaded, read = load(arguments.files), tuple(map(Path, arguments.files))
    else:
        loaded, read = load_with_files(arguments.files, allow_outside=arguments.allow_outside)
    timeline = _zoned(loaded, arguments)
    if format_name == "parquet":
        return _export_parquet(timeline, arguments.output, read, out)
    text = _export(timeline, format_name)
    if arguments.output in (None, "-"):
        out.write(text)
        return OK
    from chronology.files._atomic import write_atomic

    target = Path(os.path.realpath(arguments.output))  # through a symbolic link, not over it
    # a CSV names its sources by id: their details go to a second spreadsheet beside it
    beside = None
    if format_name == "csv" and timeline.sources and (target.is_file() or not target.exists()):  # not a pipe
        beside = _sources_csv(arguments.output)
    for name in (arguments.output, beside):
        if name is not None and _one_of(Path(os.path.realpath(name)), read):
            raise ChronologyError(
                f"cannot write {name!r}: it is an event file this export reads; "
                "give another file name with -o, or leave -o out to write to standard output"
            )
    try:
        if target.exists() and not target.is_file():  # a pipe or a device (/dev/stdout): written to, not replaced
            with open(target, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        else:
            write_atomic(target, text)
        if beside is not None:
            from chronology.exchange.as_csv import sources_to_csv

            write_atomic(Path(os.path.realpath(beside)), sources_to_csv(timeline))
    except OSError as error:
        raise ChronologyError(f"cannot write {arguments.output!r}: {error.strerror or error}") from None
    whose = "source's" if len(timeline.sources) == 1 else "sources'"
    also = f" and {beside} ({len(timeline.sources):,} {whose} details)" if beside is not None else ""
    print(f"wrote {arguments.output} ({_count(len(timeline), 'event')} as {format_name}){also}", file=out)
    if format_name == "csv":
        _said_of_csv_export(timeline, out)
    return OK


def _said_of_csv_export(timeline: Timeline, out: TextIO) -> None:
    """What a CSV export could not carry, the chronology's title and [reading] zone, and the import options for it."""
    import shlex

    lacks, options = [], []
    if timeline.title:
        lacks.append(f"the title {timeline.title!r}")
        options.append(f"--title {shlex.quote(timeline.title)}")
    if timeline.zone is not None:
        lacks.append(f"the [reading] zone {timeline.zone}")
        options.append(f"--zone {timeline.zone}")
    if not lacks:
        return
    why = " (and to read its times as written)" if timeline.zone is not None else ""
    print(
        f"the CSV does not hold {' or '.join(lacks)}: import it with {' '.join(options)} to keep "
        f"{'them' if len(lacks) > 1 else 'it'}{why}",
        file=out,
    )


def _sources_csv(events_csv: str) -> str:
    """The sources' spreadsheet beside a CSV of events: ``events.sources.csv`` for ``events.csv``."""
    path = Path(events_csv)
    return str(path.with_name(path.stem + ".sources.csv"))


def _export_parquet(timeline: Timeline, output: str, read: Sequence[Path], out: TextIO) -> int:
    """Write the columnar form to ``output`` (never over a file this export reads)."""
    target = Path(os.path.realpath(output))
    if _one_of(target, [Path(os.path.realpath(path)) for path in read]):
        raise ChronologyError(f"cannot write {output!r}: it is a file this export reads; give another name with -o")
    try:
        timeline.to_parquet(target)
    except OSError as error:
        raise ChronologyError(f"cannot write {output!r}: {error.strerror or error}") from None
    print(f"wrote {output} ({_count(len(timeline), 'event')} as parquet)", file=out)
    return OK


def _one_of(target: Path, files: Sequence[Path]) -> bool:
    """Whether ``target`` is one of ``files`` (by name, or as a hard link to it)."""
    if target in files:
        return True
    try:
        found = target.stat()
    except OSError:
        return False  # not there: not one of the files read
    for file in files:
        with contextlib.suppress(OSError):
            other = file.stat()
            if (other.st_dev, other.st_ino) == (found.st_dev, found.st_ino):
                return True
    return False


def _import_command(arguments: argparse.Namespace, out: TextIO) -> int:
    from chronology import exchange

    if arguments.format in _DATASETS:
        return _import_dataset(arguments, out)
    format_name = _format(arguments.format, arguments.input, _IMPORTS, "--from")
    if arguments.zone is not None:
        try:
            zone_named(arguments.zone)
        except DateParseError as error:
            raise _UsageError(f"--zone: {error.reason}") from None
    text = _read_input(arguments.input)  # bytes: the readers say what is wrong with text that is not UTF-8
    output = Path(arguments.output)
    if output.suffix.lower() != ".toml":
        raise _UsageError(f"cannot write {arguments.output!r}: import writes an event file; use a .toml file name")
    if arguments.title is not None and arguments.append:
        raise _UsageError(f"--title: --append keeps the title of {arguments.output}; leave --title out")
    if arguments.title is not None and not arguments.title.strip():
        raise _UsageError("--title: empty; give the chronology's title ('--title \"The Mill Street bridge\"')")
    if output.exists() and not arguments.append:
        raise ChronologyError(f"{arguments.output} exists: give --append to add to it, or another -o")
    # Appending locks from reading to writing, as `add` does: nothing another process adds meanwhile is lost.
    file = EventFile.open(output, lock=True, allow_outside=arguments.allow_outside) if arguments.append else None
    try:
        existing = file.timeline() if file is not None else None
        known = existing.sources if existing is not None else {}
        # the zone the rows' wording is read in: the one given, else the file's being extended
        zone = arguments.zone if arguments.zone is not None else existing.zone if existing is not None else None
        details = _sources_csv(arguments.input) if format_name == "csv" else None
        if details is not None and not Path(details).is_file():
            details = None
        if format_name == "csv":  # rows may cite and be anchored to the sources of the file they go into
            timeline = exchange.from_csv(
                text,
                path=arguments.input,
                sources=known.values(),
                zone=zone,
                sources_csv=_read_input(details) if details is not None else None,
                sources_path=details or "<sources csv>",
            )
        else:
            timeline = exchange.from_json(text, path=arguments.input)
            if zone is not None and timeline.zone not in (None, zone):
                raise ChronologyError(
                    f"{arguments.input}: its times are worded in {timeline.zone}, not {zone}; "
                    f"import it into a file whose [reading] zone is {timeline.zone}"
                )
            zone = zone if zone is not None else timeline.zone
        if not len(timeline):
            raise ChronologyError(f"{arguments.input}: no events to import")
        if file is None:
            title = arguments.title if arguments.title is not None else timeline.title
            file = EventFile(output, _new_file_text(title, zone), allow_outside=arguments.allow_outside)
        elif existing is not None and zone != existing.zone:
            raise ChronologyError(
                f"--zone {zone}: {arguments.output} reads its times in {existing.zone or 'UTC (no [reading] zone)'}; "
                "give that zone, or import into a new file"
            )
        for source in timeline.sources.values():
            # the file's own source of that id would silently re-date every event read against this one
            if source.id in known and source != known[source.id]:
                raise ChronologyError(
                    f"{arguments.input}: source {source.id!r} is not the source of that id in {arguments.output}; "
                    "rename it in one of them, or make them the same"
                )
        new_sources = [source for source in timeline.sources.values() if source.id not in known]
        for source in new_sources:
            file.add_source(source)
        file.add_many(timeline)
        file.save()
        total = len(file.timeline())
    finally:
        if file is not None:
            file.close()
    if arguments.append:
        added = _count(len(timeline), "event") + (f" and {_count(len(new_sources), 'source')}" if new_sources else "")
        print(f"added {added} to {arguments.output} (now {_count(total, 'event')})", file=out)
    else:
        counts = f"{_count(len(timeline), 'event')}, {_count(len(new_sources), 'source')}"
        print(f"wrote {arguments.output} ({counts})", file=out)
    if format_name == "csv":
        _said_of_csv(arguments.input, details, [s.id for s in new_sources if s == Source(id=s.id)], timeline, out)
    return OK


def _said_of_csv(name: str, details: str | None, bare: Sequence[str], timeline: Timeline, out: TextIO) -> None:
    """What a CSV import could not carry: the details of sources it names by id alone."""
    if details is not None:
        print(f"sources' details read from {details}", file=out)
    if bare:
        # a date worded against an undated source ("Friday") cannot be checked: its EDTF is kept
        dated = sum(1 for event in timeline if event.anchor in bare and event.when.text == event.when.to_edtf())
        print(
            f"{_count(len(bare), 'source')} imported by id only: {name} does not hold sources' details (title, "
            f"outlet, date, url), which export writes beside it to {_sources_csv(name)}"
            + (
                f"; {_count(dated, 'event')} dated against them kept as EDTF (wording such as 'Friday' "
                "cannot be read against a source without a date)"
                if dated
                else ""
            ),
            file=out,
        )


def _import_dataset(arguments: argparse.Namespace, out: TextIO) -> int:
    """``import --from acled|gdelt``: the data set's file, streamed to Parquet in the columnar form."""
    from chronology.exchange.acled import acled_to_parquet
    from chronology.exchange.gdelt import gdelt_to_parquet

    if not arguments.output.lower().endswith(".parquet"):
        raise _UsageError(
            f"cannot write {arguments.output!r}: a data set is imported to Parquet; use a .parquet file name"
        )
    if arguments.append:
        raise _UsageError("--append adds to an event file; a data set is written whole to its own .parquet file")
    if os.path.lexists(arguments.output):
        raise ChronologyError(
            f"{arguments.output} exists: a data set is written whole to a new .parquet file; "
            "give another -o, or remove the file first"
        )
    if not Path(arguments.input).is_file():
        raise ChronologyError(f"{arguments.input}: no such file (give the data set's file, unzipped)")
    convert = acled_to_parquet if arguments.format == "acled" else gdelt_to_parquet
    count = convert(arguments.input, arguments.output)
    print(f"wrote {arguments.output} ({_count(count, 'event')} from {_DATASETS[arguments.format]})", file=out)
    return OK


def _read_input(name: str) -> bytes:
    """The bytes of the file to import: a regular file, or a pipe (``/dev/stdin``); never a device, which may not end.

    A named pipe is opened without waiting for a writer (one that has none reads as empty).
    """
    from chronology.files._lock import shown_path
    from chronology.files.load import file_kind

    try:
        mode = os.stat(name).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISDIR(mode)):
            raise NotRegularFileError(
                [
                    Problem(
                        f"is {file_kind(mode)}, not a file to import: "
                        "give a regular file (or a pipe); nothing was read",
                        path=shown_path(name),
                    )
                ]
            )
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if stat.S_ISFIFO(mode):
                os.set_blocking(descriptor, True)  # opened: now wait for what the writer sends, to its end
            with open(descriptor, "rb", closefd=False) as stream:
                return stream.read()
        finally:
            os.close(descriptor)
    except OSError as error:
        raise ChronologyError(f"{name}: cannot read the file: {error.strerror or error}") from None


def _new_file_text(title: str, zone: str | None = None) -> str:
    """A new event file's opening: its title, and the zone its times are read in (``[reading] zone``)."""
    import tomlkit

    header = "# Imported by `chronology import`; check it with `chronology validate`.\n"
    if not title and zone is None:
        return header
    document = tomlkit.document()
    if title:
        document["title"] = title
    if zone is not None:
        document["reading"] = {"zone": zone}
    return header + "\n" + tomlkit.dumps(document)


def _table(timeline: Timeline, question: str = "") -> str:
    """The events as a table for people, under the timeline's title and the ``question`` it answers, if any."""
    rows = []
    narrowed = False
    local = False  # whether a time is shown without its offset, the zone's at that moment
    for event in timeline.sorted():
        value = timeline.narrowed(event.id)
        bounds = _bounds(*bound_days(value, timeline.zone_info))
        if value is not event.when:
            bounds += " *"
            narrowed = True
        shown = local_time(event.when, timeline.zone_info)
        local = local or shown is not event.when
        rows.append((shown.label, bounds, event.id, event.title))
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


def _bounds(first: int | None, last: int | None) -> str:
    """``2024-10-01 .. 2024-10-31``: first and last possible day, ``?`` for an open or unknown end."""
    return f"{iso_day(first, '?')} .. {iso_day(last, '?')}"


def _check_claims_options(arguments: argparse.Namespace) -> None:
    """The options of a claims chart: only with --claims, a subject that is not empty; a table named .csv or .md."""
    if arguments.claims is not None and not arguments.claims.strip():
        raise _UsageError(
            f"--claims {arguments.claims!r}: empty; give the subject of the claims to draw, or a word of it "
            "('--claims injured')"
        )
    if arguments.claims is None:
        options = {"--unit": arguments.unit, "--scale": arguments.scale, "--claims-table": arguments.claims_table}
        given = [option for option, value in options.items() if value is not None]
        if given:
            raise _UsageError(f"{given[0]} is an option of the claims chart: give it with --claims SUBJECT")
    if arguments.claims is not None:
        # options of the events chart mean nothing to a claims chart: said, not silently dropped
        events_only = {
            "--from": arguments.start is not None,
            "--to": arguments.end is not None,
            "--group-by": arguments.group_by != "kind",
            "--lanes": arguments.lanes is not None,
            "--label-chars": arguments.label_chars is not None,
            "--dates": arguments.dates,
            "--no-breaks": not arguments.breaks,
            "--no-sources": not arguments.footnote,
        }
        given = [option for option, set_ in events_only.items() if set_]
        if given:
            raise _UsageError(
                f"{given[0]} is an option of the events chart; a claims chart (--claims) draws every claim about "
                f"its subject: leave {given[0]} out"
            )
    table = arguments.claims_table
    if table is not None and Path(table).suffix.lower() not in (".csv", ".md"):
        raise _UsageError(
            f"--claims-table {table!r}: the extension says the format; use a .csv or .md file name "
            f"({str(Path(table).with_suffix('.csv'))!r} or {str(Path(table).with_suffix('.md'))!r})"
        )


@contextlib.contextmanager
def _font_warnings(err: TextIO) -> Iterator[None]:
    """Say once on ``err`` that letters are drawn as boxes (no installed font has them); other warnings pass."""
    import warnings

    from chronology.plot import MissingFontWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingFontWarning)
        yield
    said: set[str] = set()
    for warning in caught:
        if issubclass(warning.category, MissingFontWarning):
            if str(warning.message) not in said:
                said.add(str(warning.message))
                print(f"chronology plot: warning: {warning.message}", file=err)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _plot(arguments: argparse.Namespace, out: TextIO) -> int:
    from chronology.plot import lane_of, plot_claims, plot_timeline

    if not arguments.output.lower().endswith((".png", ".svg", ".pdf")):
        nearest = str(Path(arguments.output).with_suffix(".png"))
        raise _UsageError(f"cannot write {arguments.output!r}: use a .png, .svg or .pdf file name, such as {nearest!r}")
    _check_claims_options(arguments)
    if arguments.claims is not None and arguments.engine not in (None, "memory"):
        raise _UsageError(f"--engine {arguments.engine}: a claims chart (--claims) is drawn from the file loaded")
    engine = None if arguments.claims is not None else _engine_for_plot(arguments)
    if engine is not None:
        on_engine = _plot_on_engine(arguments, engine)
        if not isinstance(on_engine, Timeline):
            figure, count = on_engine
            return _save_plot(figure, count, arguments.output, out)
        timeline = on_engine  # few events: the window's rows, drawn as marks below
    else:
        timeline = _zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
        timeline = _calendared(timeline, arguments, (arguments.start, arguments.end))
        _check_filter_names(timeline, arguments)
        timeline = _filtered(timeline, arguments)
    if arguments.claims is not None:
        from chronology.plot import save_claims_table

        _check_claims_found(timeline, arguments.claims, arguments.unit)
        drawn_claims = plot_claims(
            timeline,
            subject=arguments.claims,
            unit=arguments.unit,
            title=arguments.title,
            scale=arguments.scale or "auto",
            width=arguments.width,
            dpi=arguments.dpi,
            font=arguments.font,
        )
        figure = drawn_claims.figure
        count = _count(len(drawn_claims.claims), "claim")
        if arguments.claims_table:
            try:
                table = save_claims_table(
                    timeline, arguments.claims_table, subject=arguments.claims, unit=arguments.unit
                )
            except OSError as error:
                raise ChronologyError(f"cannot write {arguments.claims_table!r}: {error.strerror or error}") from None
            print(f"wrote {table} ({count} as a table)", file=out)
    else:

        def lanes_in_memory(group_by: GroupBy) -> set[str]:
            return {lane_of(event, group_by) for event in timeline}

        # (or checked on the engine; a Parquet file's dates are Gregorian, and --calendar's)
        calendar = arguments.calendar or timeline.calendar
        chart = _chart_options(arguments, lanes_in_memory if engine is None else None, calendar)
        if engine is None:  # on an engine, the window was checked there
            _check_window(timeline, chart["start"], chart["end"], len(arguments.files))
        drawn = plot_timeline(
            timeline,
            **chart,
            widening=_widening_option(arguments),
            label_chars=arguments.label_chars,
            dates=arguments.dates,
            breaks=arguments.breaks,
            footnote=arguments.footnote,
        )
        figure = drawn.figure
        lanes = len(drawn.lanes)
        count = f"{_count(len(drawn.positions), 'event')} in {_count(lanes, 'lane')}"
    return _save_plot(figure, count, arguments.output, out)


def _save_plot(figure: Figure, count: str, output: str, out: TextIO) -> int:
    from chronology.plot import save_figure

    try:
        path = save_figure(figure, output)
    except OSError as error:
        raise ChronologyError(f"cannot write {output!r}: {error.strerror or error}") from None
    print(f"wrote {path} ({count})", file=out)
    return OK


class _ChartOptions(TypedDict):
    """The options an events chart is drawn with, in memory (``plot_timeline``) or on an engine (``plot_dataset``)."""

    start: DateValue | None
    end: DateValue | None
    group_by: GroupBy
    lane_order: list[str] | None
    title: str | None
    width: float
    dpi: float
    font: str | None


def _chart_options(
    arguments: argparse.Namespace,
    lanes_known: Callable[[GroupBy], Collection[str]] | None,
    calendar: Calendar = "gregorian",
) -> _ChartOptions:
    """--group-by, --lanes, --from, --to, --title, --width, --dpi and --font, as the events chart takes them.

    Args:
        arguments: the command line.
        lanes_known: the lanes there are when grouping by a value, each lane --lanes names one of them; None
            when they were checked already.
        calendar: the calendar --from and --to are read in, where written in words.

    Raises:
        ChronologyError: --lanes names a lane there is not.
        _UsageError: --from or --to is no date, or has a time of day.

    """
    group_by: GroupBy = None if arguments.group_by == "none" else arguments.group_by
    lane_order = [name.strip() for name in arguments.lanes.split(",")] if arguments.lanes else None
    if lane_order and lanes_known is not None:
        known = lanes_known(group_by)
        for name in lane_order:
            if name not in known:
                raise ChronologyError(
                    f"--lanes {name!r}: no such lane when grouping by {arguments.group_by}"
                    f"{suggest(name, known)} (there are: {', '.join(sorted(known))})"
                )
    return _ChartOptions(
        start=_day_option(arguments.start, "--from", calendar) if arguments.start is not None else None,
        end=_day_option(arguments.end, "--to", calendar) if arguments.end is not None else None,
        group_by=group_by,
        lane_order=lane_order,
        title=arguments.title,
        width=arguments.width,
        dpi=arguments.dpi,
        font=arguments.font,
    )


def _engine_for_plot(arguments: argparse.Namespace) -> str | None:
    """The engine ``plot`` counts on: as ``query``'s (DuckDB for Parquet), None to load the files."""
    from chronology.scan._command import engine_for

    engine = engine_for(arguments.files, arguments.engine)
    if engine is not None and arguments.zone is not None:
        raise _UsageError("--zone: on an engine a Parquet file's days are in its own zone; add --engine memory")
    return engine


def _plot_on_engine(arguments: argparse.Namespace, engine: str) -> tuple[Figure, str] | Timeline:
    """A Parquet file's window on an engine: density bands counted there, or the window's few rows.

    A window of more events than marks can show is drawn as bands (the figure, and what it shows); for
    fewer, its rows come back as a timeline, to be drawn as any timeline is. The filters (--tag, --kind,
    --actor), the lane names (--lanes) and the window run on the engine first.
    """
    from chronology.plot import plot_dataset
    from chronology.plot.timeline import DENSE
    from chronology.scan import scan
    from chronology.scan._command import timeline_of_rows
    from chronology.scan.dataset import quiet
    from chronology.scan.density import lanes_of

    _widening_option(arguments)  # refused when wrong, though bands and the window do not widen by it
    path = arguments.files[0]
    dataset = _engine_filtered(scan(path, engine=engine, spark_master=arguments.spark_master), arguments, path)  # type: ignore[arg-type]
    lanes = functools.cache(functools.partial(lanes_of, dataset))  # counted on the engine once, when needed
    chart = _chart_options(
        arguments, lambda group_by: [lane.name for lane in lanes(group_by)], arguments.calendar or "gregorian"
    )
    start, end = chart["start"], chart["end"]
    view = dataset
    if start is not None or end is not None:
        view = dataset.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)
    found = view.count()
    if not found and view is not dataset:
        _no_events_on_engine(dataset, start, end, path)
    if found <= DENSE:
        firsts = None
        if view is not dataset:  # each lane's earliest event too, outside the window: colours follow every lane
            table = dataset.table
            earliest = [lane.earliest for lane in lanes(chart["group_by"])]
            with quiet():
                firsts = table.filter(table.id.isin(earliest)).to_pyarrow()
        return timeline_of_rows(view, firsts)
    drawn = plot_dataset(dataset, **chart)
    events = drawn.numbers.events
    return drawn.figure, f"{_count(events, 'event')} in {_count(len(drawn.lanes), 'lane')}, as density bands"


def _engine_filtered(dataset: Dataset, arguments: argparse.Namespace, path: str) -> Dataset:
    """The data set with --kind, --tag and --actor applied on the engine (each a name some event has)."""
    from chronology.scan._command import with_filters

    return with_filters(dataset, {"kind": arguments.kind, "tag": arguments.tag, "actor": arguments.actor}, path)


def _no_events_on_engine(dataset: Dataset, start: DateValue | None, end: DateValue | None, path: str) -> NoReturn:
    """Refuse a window that no event of the data set reaches into, saying when its events are."""
    from chronology.exchange.arrow import EPOCH_DAY
    from chronology.scan.dataset import quiet

    if start is not None and end is not None:
        window = f"between {start.label} and {end.label}"
    else:
        window = f"from {start.label} on" if start is not None else f"up to {end.label}"  # type: ignore[union-attr]
    table = dataset.table
    with quiet():
        (row,) = table.aggregate(first=table.start_first.min(), last=table.end_last.max()).to_pyarrow().to_pylist()
    if not dataset.count():
        raise ChronologyError(f"no events {window}: there are no events to draw")

    def label(day: int | None, missing: str) -> str:
        return missing if day is None else UncertainDate.from_days(day + EPOCH_DAY, day + EPOCH_DAY).label

    first, last = label(row["first"], "an open start"), label(row["last"], "an open end")
    span = f"are all on {first}" if first == last else f"span {first} to {last}"
    raise ChronologyError(f"no events {window}; {path}'s events {span}: give a window that reaches into those days")


def _add(arguments: argparse.Namespace, out: TextIO) -> int:
    if arguments.quote and not arguments.source:
        raise _UsageError("--quote needs --source: the id of the source the quoted sentence is from")
    # Locked from reading to writing: adds running at the same time wait their turn, and none is lost.
    file = EventFile.open(arguments.file, lock=True, allow_outside=arguments.allow_outside)
    try:
        tense = Tense(arguments.tense)
        # the phrase is checked as the file will read it: in its [reading] calendar ("julian": Old Style)
        timeline = file.timeline()
        if arguments.anchor:
            when = _anchored(timeline, arguments.when, arguments.anchor, tense, arguments.file)
        else:
            when = parse(arguments.when, tense=tense, calendar=timeline.calendar)
        citations = [Citation(source=arguments.source, quote=arguments.quote)] if arguments.source else []
        event = Event(
            id=arguments.id,
            title=arguments.title,
            when=when,
            kind=arguments.kind,
            actors=arguments.actors,
            places=arguments.places,
            tags=arguments.tags,
            summary=arguments.summary,
            citations=citations,
            anchor=arguments.anchor,
            tense=tense,
        )
        file.add(event)
        timeline = file.save()
    finally:
        file.close()
    print(f"added {event.id!r} ({timeline[event.id].when.label}) to {arguments.file}", file=out)
    return OK


# A window end left out reaches the furthest years the notation holds, beyond 1-9999 too.
_EARLIEST: Final = "Y-999999999"
_LATEST: Final = "Y999999999"
_COMMANDS: Final = {
    "list": _list,
    "show": _show,
    "query": _query,
    "relate": _relate,
    "forms": _forms,
    "plot": _plot,
    "export": _export_command,
    "import": _import_command,
    "add": _add,
    "draft": run_draft,
}


def _anchored(timeline: Timeline, text: str, anchor: str, tense: Tense, path: str) -> DateValue:
    """``text`` read from the date of ``anchor`` (a source or an event of ``timeline``), in its calendar."""
    value: DateValue | None
    if anchor in timeline.sources:
        value = timeline.sources[anchor].published
        if value is None:
            raise ChronologyError(
                f"--anchor {anchor!r}: the source has no 'published' date in {path} to read {text!r} from; "
                "give it one, or give --when as a date"
            )
    elif anchor in timeline:
        value = timeline[anchor].when
    else:
        known = [*timeline.sources, *(event.id for event in timeline)]
        raise ChronologyError(f"--anchor {anchor!r}: {path} has no such event or source{suggest(anchor, known)}")
    try:
        return parse(text, anchor=value, tense=tense, calendar=timeline.calendar)
    except ChronologyError as error:
        raise ChronologyError(f"--when: {error}") from None


if __name__ == "__main__":
    sys.exit(main())
