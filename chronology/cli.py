"""The ``chronology`` command: validate, list and extend event files.

Exit codes: 0 success; 1 the files have problems (each printed as
``path:line:column: event 'id', field 'when': message``); 2 the command line
itself is wrong. Errors are one line each, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final, NoReturn, TextIO

from chronology.dates import DateValue
from chronology.errors import ChronologyError, ValidationError
from chronology.events import Citation, Event
from chronology.files import EventFile, load, validate
from chronology.notation import parse
from chronology.relative import Tense
from chronology.timeline import Timeline

__all__ = ["main"]

OK: Final = 0
PROBLEMS: Final = 1
USAGE: Final = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="chronology",
        description="Build, check and read chronologies whose dates are uncertain.",
        epilog="Exit codes: 0 success, 1 problems in the files, 2 a wrong command line.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser(
        "validate",
        help="check event files and print every problem",
        description="Check event files (and what they include); print every problem, one per line.",
        epilog="example: chronology validate events.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--allow-outside", action="store_true", help="let includes reach outside the file's folder")

    show = commands.add_parser(
        "list",
        help="print the chronology in order",
        description="Print the events in the documented order, each with its date as a label and its bounds.",
        epilog="example: chronology list events.toml",
    )
    show.add_argument("files", nargs="+", metavar="FILE")
    show.add_argument("--allow-outside", action="store_true", help="let includes reach outside the file's folder")

    plot = commands.add_parser(
        "plot",
        help="draw the chronology as a PNG (or SVG, PDF)",
        description="Draw the chronology: lanes of events, uncertainty visible, labels that never collide. "
        "The format follows the extension of -o.",
        epilog="example: chronology plot events.toml -o timeline.png --from 2023-08 --group-by kind",
    )
    plot.add_argument("files", nargs="+", metavar="FILE")
    plot.add_argument("-o", "--output", required=True, metavar="OUT", help="timeline.png, .svg or .pdf")
    plot.add_argument("--from", dest="start", metavar="DATE", help="first day shown ('2024-10', 'June 2024')")
    plot.add_argument("--to", dest="end", metavar="DATE", help="last day shown")
    plot.add_argument("--tag", action="append", default=[], help="only events with this tag (repeatable)")
    plot.add_argument("--kind", action="append", default=[], help="only events of this kind (repeatable)")
    plot.add_argument("--actor", action="append", default=[], help="only events with this actor (repeatable)")
    plot.add_argument("--group-by", choices=["kind", "actor", "tag", "source", "none"], default="kind")
    plot.add_argument("--lanes", help="lane order, comma-separated (the rest follow)")
    plot.add_argument("--width", type=float, default=11.0, help="inches (default 11)")
    plot.add_argument("--dpi", type=float, default=100.0, help="dots per inch (default 100)")
    plot.add_argument("--title", help="the title (default: the file's)")
    plot.add_argument("--claims", metavar="SUBJECT", help="draw the claims about SUBJECT instead of the events")
    plot.add_argument("--unit", help="with --claims: only claims in this unit")
    plot.add_argument("--allow-outside", action="store_true", help="let includes reach outside the file's folder")

    add = commands.add_parser(
        "add",
        help="add an event to a file",
        description="Add one event to an event file, keeping everything else in the file as it was. "
        "The file is checked before it is written.",
        epilog='example: chronology add events.toml --id g20-summit --title "G20 summit in Rio" '
        "--when 2024-11-18/2024-11-19 --kind diplomacy",
    )
    add.add_argument("file", metavar="FILE")
    add.add_argument("--id", required=True)
    add.add_argument("--title", required=True)
    add.add_argument("--when", required=True, help='a date: "2024-10-18", "June 2024", "Friday" (with --anchor)')
    add.add_argument("--anchor", help="the source or event id a relative --when is read from")
    add.add_argument("--tense", choices=[t.value for t in Tense], default="past")
    add.add_argument("--kind", default="")
    add.add_argument("--actor", action="append", default=[], dest="actors")
    add.add_argument("--place", action="append", default=[], dest="places")
    add.add_argument("--tag", action="append", default=[], dest="tags")
    add.add_argument("--summary", default="")
    add.add_argument("--source", help="the id of the source that supports it")
    add.add_argument("--quote", default="", help="the supporting sentence (with --source)")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "validate":
            return _validate(arguments, out, err)
        if arguments.command == "list":
            return _list(arguments, out)
        if arguments.command == "plot":
            return _plot(arguments, out)
        return _add(arguments, out)
    except ValidationError as error:
        for problem in error.problems:
            print(problem, file=err)
        return PROBLEMS
    except ChronologyError as error:
        print(f"chronology: {error}", file=err)
        return PROBLEMS


def _validate(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    problems = validate(arguments.files, allow_outside=arguments.allow_outside)
    for problem in problems:
        print(problem, file=err)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=err)
        return PROBLEMS
    timeline = load(arguments.files, allow_outside=arguments.allow_outside)
    print(f"ok: {len(timeline)} events, {len(timeline.sources)} sources", file=out)
    return OK


def _list(arguments: argparse.Namespace, out: TextIO) -> int:
    timeline = load(arguments.files, allow_outside=arguments.allow_outside)
    print(_table(timeline), file=out)
    return OK


def _table(timeline: Timeline) -> str:
    rows = []
    for event in timeline.sorted():
        first, last = event.when.earliest, event.when.latest
        bounds = f"{_day(first)} .. {_day(last)}"
        rows.append((event.when.label, bounds, event.id, event.title))
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    lines = []
    if timeline.title:
        lines += [timeline.title, ""]
    headers = ("date", "bounds", "id", "title")
    widths = [max(w, len(h)) for w, h in zip(widths, headers, strict=False)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, [*widths, 0], strict=True)).rstrip())
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, [*widths, 0], strict=True)).rstrip())
    return "\n".join(lines)


def _day(value: object) -> str:
    if value is None:
        return "?"
    text = str(value)
    return text[:10] if len(text) > 10 and text[4] == "-" else text


def _plot(arguments: argparse.Namespace, out: TextIO) -> int:
    from chronology.plot import plot_claims, plot_timeline, save_figure

    if not arguments.output.lower().endswith((".png", ".svg", ".pdf")):
        raise ChronologyError(f"cannot write {arguments.output!r}: use a .png, .svg or .pdf file name")
    timeline = load(arguments.files, allow_outside=arguments.allow_outside)
    if arguments.tag or arguments.kind or arguments.actor:
        timeline = timeline.filter(
            tags=arguments.tag or None, kind=arguments.kind or None, actors=arguments.actor or None
        )
    if arguments.claims:
        drawn_claims = plot_claims(
            timeline, subject=arguments.claims, unit=arguments.unit, title=arguments.title, dpi=arguments.dpi
        )
        if not drawn_claims.claims:
            raise ChronologyError(f"no claims about {arguments.claims!r} to draw")
        figure = drawn_claims.figure
        count = f"{len(drawn_claims.claims)} claims"
    else:
        drawn = plot_timeline(
            timeline,
            start=arguments.start,
            end=arguments.end,
            group_by=None if arguments.group_by == "none" else arguments.group_by,
            lane_order=arguments.lanes.split(",") if arguments.lanes else None,
            title=arguments.title,
            width=arguments.width,
            dpi=arguments.dpi,
        )
        figure = drawn.figure
        lanes = len(drawn.lanes)
        count = f"{len(drawn.positions)} events in {lanes} lane{'s' if lanes != 1 else ''}"
    try:
        path = save_figure(figure, arguments.output)
    except OSError as error:
        raise ChronologyError(f"cannot write {arguments.output!r}: {error.strerror or error}") from None
    print(f"wrote {path} ({count})", file=out)
    return OK


def _add(arguments: argparse.Namespace, out: TextIO) -> int:
    file = EventFile.open(arguments.file)
    tense = Tense(arguments.tense)
    if arguments.anchor:
        anchor_value = file.timeline()
        when = _anchored(anchor_value, arguments.when, arguments.anchor, tense)
    else:
        when = parse(arguments.when, tense=tense)
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
    print(f"added {event.id!r} ({timeline[event.id].when.label}) to {arguments.file}", file=out)
    return OK


def _anchored(timeline: Timeline, text: str, anchor: str, tense: Tense) -> DateValue:
    from chronology.errors import EventFileError, Problem

    value: DateValue | None
    if anchor in timeline.sources:
        value = timeline.sources[anchor].published
    elif anchor in timeline:
        value = timeline[anchor].when
    else:
        raise EventFileError([Problem(f"unknown event or source {anchor!r}", field="anchor")])
    return parse(text, anchor=value, tense=tense)


if __name__ == "__main__":
    sys.exit(main())
