"""``chronology export``: the chronology written as JSON, CSV, TimelineJS, iCalendar, Markdown or Parquet."""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from chronology.cli._errors import OK, UsageError
from chronology.cli._options import FILES_HELP, add_allow_outside, add_zone, zoned
from chronology.cli._output import exported, numbered
from chronology.errors import ChronologyError
from chronology.files import load
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.cli._parser import Parser


#: Export formats: the name given to --to, and the file extensions that imply it.
_EXPORTS: Final = {
    "json": (".json",),
    "csv": (".csv",),
    "timelinejs": (".timelinejs.json",),
    "ics": (".ics", ".ical", ".ifb", ".icalendar"),
    "markdown": (".md", ".markdown"),
    "parquet": (".parquet",),
}


def add_export_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``export`` to the command line's commands."""
    export = commands.add_parser(
        "export",
        help="write the chronology as JSON, CSV, TimelineJS, iCalendar, Markdown or Parquet",
        description="Write the chronology in another format. json: every event, source and claim, in the event file's "
        "shape (dates as written where they read back the same, with their anchors, EDTF otherwise; a "
        "timeline's zone and calendar kept in its [reading]), read back by 'chronology import' with the same "
        "checks; csv: one row per event, for spreadsheets, with each date's days, EDTF and wording, sources "
        "named by id (with -o events.csv, the sources' details go to events.sources.csv beside it, which "
        "import reads; the title and the [reading] zone and calendar are in neither: import with --title, "
        "--zone and --calendar, as export says); timelinejs: TimelineJS3 JSON, uncertain dates shown as "
        "written; ics: all-day calendar events spanning each event's bounds; markdown: a table for reports, "
        "sources as footnotes; parquet: the columnar form that DuckDB and Spark query "
        "(docs/reference/columnar.md; needs -o). Without -o (or with -o -) the result goes to standard "
        "output.",
        epilog="example: chronology export events.toml --to timelinejs -o timeline.json",
    )
    export.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    export.add_argument(
        "--to", dest="format", choices=sorted(_EXPORTS), help="the format (default: from the extension of -o)"
    )
    export.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: standard output)")
    add_zone(export)
    add_allow_outside(export)


def run_export(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``export``: the chronology written in the format --to (or -o's extension) names; return the exit code."""
    from chronology.files.load import is_parquet, load_with_files

    format_name = format_of(arguments.format, arguments.output, _EXPORTS, "--to")
    if format_name == "parquet" and arguments.output in (None, "-"):
        raise UsageError("Parquet is binary: name the file to write with -o (-o events.parquet)")
    if len(arguments.files) == 1 and is_parquet(arguments.files[0]):
        loaded, read = load(arguments.files), tuple(map(Path, arguments.files))
    else:
        loaded, read = load_with_files(arguments.files, allow_outside=arguments.allow_outside)
    timeline = zoned(loaded, arguments)
    if format_name == "parquet":
        return _export_parquet(timeline, arguments.output, read, out)
    text = exported(timeline, format_name)
    if arguments.output in (None, "-"):
        out.write(text)
        return OK
    from chronology.files._atomic import write_atomic

    target = Path(os.path.realpath(arguments.output))  # through a symbolic link, not over it
    # a CSV names its sources by id: their details go to a second spreadsheet beside it
    beside = None
    if format_name == "csv" and timeline.sources and (target.is_file() or not target.exists()):  # not a pipe
        beside = sources_csv_beside(arguments.output)
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
    print(f"wrote {arguments.output} ({numbered(len(timeline), 'event')} as {format_name}){also}", file=out)
    if format_name == "csv":
        _said_of_csv_export(timeline, out)
    return OK


def format_of(option: str | None, path: str | None, formats: Mapping[str, tuple[str, ...]], flag: str) -> str:
    """The format ``option`` names, else the one ``path``'s extension implies; a usage error naming ``flag`` else."""
    if option is not None:
        return option
    name = (path or "").lower()
    for format_name, extensions in sorted(formats.items(), key=lambda item: -max(map(len, item[1]))):
        if name.endswith(extensions):
            return format_name
    shown = ", ".join(f"{ext} ({fmt})" for fmt, exts in formats.items() for ext in exts[:1])
    what = f"the extension of {path!r}" if path and path != "-" else "standard output"
    raise UsageError(f"cannot tell the format from {what}: give {flag} {'|'.join(formats)} or name {shown}")


def _said_of_csv_export(timeline: Timeline, out: TextIO) -> None:
    """What a CSV export could not carry (the title, the [reading] zone and calendar), and the import options for it."""
    lacks, options = [], []
    if timeline.title:
        lacks.append(f"the title {timeline.title!r}")
        options.append(f"--title {shlex.quote(timeline.title)}")
    if timeline.zone is not None:
        lacks.append(f"the [reading] zone {timeline.zone}")
        options.append(f"--zone {timeline.zone}")
    if timeline.calendar != "gregorian":
        lacks.append(f"the [reading] calendar {timeline.calendar}")
        options.append(f"--calendar {timeline.calendar}")
    if not lacks:
        return
    reads = [
        what
        for what, given in (("times", timeline.zone is not None), ("dates in words", timeline.calendar != "gregorian"))
        if given
    ]
    why = f" (and to read its {' and '.join(reads)} as written)" if reads else ""
    print(
        f"the CSV does not hold {' or '.join(lacks)}: import it with {' '.join(options)} to keep "
        f"{'them' if len(lacks) > 1 else 'it'}{why}",
        file=out,
    )


def sources_csv_beside(events_csv: str) -> str:
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
    print(f"wrote {output} ({numbered(len(timeline), 'event')} as parquet)", file=out)
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
