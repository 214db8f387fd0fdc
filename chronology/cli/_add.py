"""``chronology add``: one event added to an event file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from chronology.cli._errors import OK, UsageError
from chronology.cli._options import add_allow_outside
from chronology.consistency import suggest
from chronology.dates import DateValue
from chronology.errors import ChronologyError, EventFileError
from chronology.events import Citation, Event
from chronology.files import EventFile
from chronology.notation import Calendar, parse
from chronology.relative import Tense
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.cli._parser import Parser


def add_add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``add`` to the command line's commands."""
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
    add.add_argument("--locator", default="", help="where in the source: 'p. 23', 'f. 12v' (with --source)")
    add_allow_outside(add)


def run_add(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``add``: the event checked as the file will read it, then written; return the exit code."""
    if arguments.quote and not arguments.source:
        raise UsageError("--quote needs --source: the id of the source the quoted sentence is from")
    if arguments.locator and not arguments.source:
        raise UsageError("--locator needs --source: the id of the source the page or folio is in")
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
        citations = (
            [Citation(source=arguments.source, quote=arguments.quote, locator=arguments.locator)]
            if arguments.source
            else []
        )
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
        try:
            timeline = file.save()  # an anchored --when is read again there, from its words, as the file reads it
        except EventFileError as error:
            raise _when_refused(error, event.id) or error from None
    finally:
        file.close()
    print(f"added {event.id!r} ({timeline[event.id].when.label}) to {arguments.file}", file=out)
    return OK


def _anchored(timeline: Timeline, text: str, anchor: str, tense: Tense, path: str) -> DateValue:
    """``text`` read from the date of ``anchor`` (a source or an event of ``timeline``), to be written as worded.

    The file reads an anchored date from its words, in the calendar of the source it is read from where the
    source names one (``calendar = "julian"`` in its ``[[sources]]`` table), else in the file's: ``save``
    reads it so, and says if it cannot (see ``_when_refused``). Here it need only read in one of the two:
    in the file's calendar, else (for a source of its own calendar) in the other.
    """
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
        if anchor in timeline.sources:  # it may read in the source's own calendar
            other: Calendar = "gregorian" if timeline.calendar == "julian" else "julian"
            try:
                return parse(text, anchor=value, tense=tense, calendar=other)
            except ChronologyError:
                pass
        raise ChronologyError(f"--when: {error}") from None


def _when_refused(error: EventFileError, event_id: str) -> ChronologyError | None:
    """The --when error of a file that does not read the new event's date (as its source's calendar reads it)."""
    refusals = [problem.message for problem in error.problems if (problem.event, problem.field) == (event_id, "when")]
    if not refusals or len(refusals) < len(error.problems):
        return None  # problems of other kinds are the file's to say
    return ChronologyError(f"--when: {'; '.join(refusals)}")
