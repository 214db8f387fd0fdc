"""``chronology import``: a CSV or JSON file of events into an event file, or a data set into Parquet."""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from chronology.cli._errors import OK, UsageError
from chronology.cli._export import format_of, sources_csv_beside
from chronology.cli._options import add_allow_outside
from chronology.cli._output import numbered
from chronology.errors import ChronologyError, DateParseError, NotRegularFileError, Problem
from chronology.events import Source
from chronology.files import EventFile
from chronology.timeline import Timeline
from chronology.zones import zone_named

if TYPE_CHECKING:
    from chronology.cli._parser import Parser
    from chronology.notation import Calendar


#: Import formats: the name given to --from, and the file extensions that imply it.
_IMPORTS: Final = {"csv": (".csv",), "json": (".json",)}
#: Data sets ``import --from`` converts to Parquet, and how each names itself in the report.
_DATASETS: Final = {"acled": "ACLED", "gdelt": "GDELT 2.0"}


def add_import_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``import`` to the command line's commands."""
    imports = commands.add_parser(
        "import",
        help="turn a CSV or JSON file of events into an event file, or a data set into Parquet",
        description="Read a CSV spreadsheet of events (a header row; at least id, title and a date column: when, "
        "edtf, or earliest and latest) or a JSON export, check every row, and write an event file. The sources' "
        "details (title, outlet, date, url) are read from the sheet beside IN that export writes (events.sources.csv "
        "for events.csv); without one, sources come back as bare ids and wording dated against them "
        "('Friday') as EDTF. A CSV does not hold its file's title nor its [reading] zone and calendar: give them "
        "with --title, --zone and --calendar (export prints the options to give). Every problem "
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
        "--calendar",
        choices=("gregorian", "julian"),
        help="the calendar a CSV's dates in words are read in, written as the new file's [reading] calendar "
        "(julian: Old Style); default: OUT's with --append, a JSON export's own, else gregorian",
    )
    imports.add_argument(
        "--title",
        metavar="TITLE",
        help="the new event file's title (a CSV holds none; export says the one it had); default: a JSON "
        "export's own title, else none. Not with --append, which keeps OUT's",
    )
    add_allow_outside(imports)


def run_import(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``import``: the rows checked, then a new event file written (or OUT extended); return the exit code."""
    from chronology import exchange

    if arguments.format in _DATASETS:
        return _import_dataset(arguments, out)
    format_name = format_of(arguments.format, arguments.input, _IMPORTS, "--from")
    if arguments.zone is not None:
        try:
            zone_named(arguments.zone)
        except DateParseError as error:
            raise UsageError(f"--zone: {error.reason}") from None
    text = _read_input(arguments.input)  # bytes: the readers say what is wrong with text that is not UTF-8
    output = Path(arguments.output)
    if output.suffix.lower() != ".toml":
        raise UsageError(f"cannot write {arguments.output!r}: import writes an event file; use a .toml file name")
    if arguments.title is not None and arguments.append:
        raise UsageError(f"--title: --append keeps the title of {arguments.output}; leave --title out")
    if arguments.title is not None and not arguments.title.strip():
        raise UsageError("--title: empty; give the chronology's title ('--title \"The Mill Street bridge\"')")
    if output.exists() and not arguments.append:
        raise ChronologyError(f"{arguments.output} exists: give --append to add to it, or another -o")
    # Appending locks from reading to writing, as `add` does: nothing another process adds meanwhile is lost.
    file = EventFile.open(output, lock=True, allow_outside=arguments.allow_outside) if arguments.append else None
    try:
        existing = file.timeline() if file is not None else None
        known = existing.sources if existing is not None else {}
        # the zone the rows' wording is read in: the one given, else the file's being extended
        zone = arguments.zone if arguments.zone is not None else existing.zone if existing is not None else None
        calendar: Calendar | None = arguments.calendar or (existing.calendar if existing is not None else None)
        details = sources_csv_beside(arguments.input) if format_name == "csv" else None
        if details is not None and not Path(details).is_file():
            details = None
        if format_name == "csv":  # rows may cite and be anchored to the sources of the file they go into
            timeline = exchange.from_csv(
                text,
                path=arguments.input,
                sources=known.values(),
                zone=zone,
                calendar=calendar or "gregorian",
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
            if calendar is not None and timeline.calendar != calendar:
                raise ChronologyError(
                    f"{arguments.input}: its dates in words are read in the {timeline.calendar} calendar, not "
                    f"{calendar}; import it into a file whose [reading] calendar is {timeline.calendar}"
                )
        calendar = timeline.calendar if calendar is None else calendar
        if not len(timeline):
            raise ChronologyError(f"{arguments.input}: no events to import")
        if file is None:
            title = arguments.title if arguments.title is not None else timeline.title
            file = EventFile(output, _new_file_text(title, zone, calendar), allow_outside=arguments.allow_outside)
        elif existing is not None and calendar != existing.calendar:
            raise ChronologyError(
                f"--calendar {calendar}: {arguments.output} reads its dates in words in the {existing.calendar} "
                "calendar; give that calendar, or import into a new file"
            )
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
        added = numbered(len(timeline), "event") + (
            f" and {numbered(len(new_sources), 'source')}" if new_sources else ""
        )
        print(f"added {added} to {arguments.output} (now {numbered(total, 'event')})", file=out)
    else:
        counts = f"{numbered(len(timeline), 'event')}, {numbered(len(new_sources), 'source')}"
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
            f"{numbered(len(bare), 'source')} imported by id only: {name} does not hold sources' details (title, "
            f"outlet, date, url), which export writes beside it to {sources_csv_beside(name)}"
            + (
                f"; {numbered(dated, 'event')} dated against them kept as EDTF (wording such as 'Friday' "
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
        raise UsageError(
            f"cannot write {arguments.output!r}: a data set is imported to Parquet; use a .parquet file name"
        )
    if arguments.append:
        raise UsageError("--append adds to an event file; a data set is written whole to its own .parquet file")
    if os.path.lexists(arguments.output):
        raise ChronologyError(
            f"{arguments.output} exists: a data set is written whole to a new .parquet file; "
            "give another -o, or remove the file first"
        )
    if not Path(arguments.input).is_file():
        raise ChronologyError(f"{arguments.input}: no such file (give the data set's file, unzipped)")
    convert = acled_to_parquet if arguments.format == "acled" else gdelt_to_parquet
    count = convert(arguments.input, arguments.output)
    print(f"wrote {arguments.output} ({numbered(count, 'event')} from {_DATASETS[arguments.format]})", file=out)
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


def _new_file_text(title: str, zone: str | None = None, calendar: Calendar = "gregorian") -> str:
    """A new event file's opening: its title, the zone its times and the calendar its dates in words are read in.

    The zone and calendar go in its ``[reading]`` table; a Gregorian calendar, the default, is not written.
    """
    import tomlkit

    header = "# Imported by `chronology import`; check it with `chronology validate`.\n"
    reading: dict[str, str] = {}
    if zone is not None:
        reading["zone"] = zone
    if calendar != "gregorian":
        reading["calendar"] = calendar
    if not title and not reading:
        return header
    document = tomlkit.document()
    if title:
        document["title"] = title
    if reading:
        document["reading"] = reading
    return header + "\n" + tomlkit.dumps(document)
