"""The options several commands share (--zone, --calendar, --widening, filters...) and how they are read."""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable, Sequence
from typing import Final

from chronology.cli._errors import UsageError
from chronology.consistency import suggest
from chronology.dates import DateValue, Widening
from chronology.errors import ChronologyError, ChronologyWarning, DateParseError, InvalidDateError
from chronology.notation import Calendar, parse
from chronology.timeline import Timeline

#: What the read-only commands take as FILE.
FILES_HELP: Final = (
    "event files (TOML), read as one chronology; or one Parquet file (or folder of them) in the columnar form"
)


# A window end left out reaches the furthest years the notation holds, beyond 1-9999 too.
EARLIEST: Final = "Y-999999999"
LATEST: Final = "Y999999999"


def between(low: float, high: float, unit: str, *, whole: bool = False) -> Callable[[str], float]:
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


def add_formats(command: argparse.ArgumentParser) -> None:
    """``--json`` and ``--csv``: the events printed for scripts, as export writes them."""
    output = command.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON document (as export writes it)")
    output.add_argument("--csv", action="store_true", help="print CSV, one row per event (as export writes it)")


def add_widening(command: argparse.ArgumentParser) -> None:
    """``--widening``: how far approximate and uncertain dates spill over their bounds."""
    command.add_argument(
        "--widening",
        metavar="SETTINGS",
        help="how far approximate (~) and uncertain (?) dates may spill over their bounds in 'possible' answers, in "
        "units of each date's precision: 'approximate=1,uncertain=0' (the default) or 'approximate.year=10,"
        "approximate.month=1', each 0 to 10,000; overrides the files' [reading] (settings not given are the default's)",
    )


def widening_option(arguments: argparse.Namespace) -> Widening | None:
    """The --widening policy (None: each file's own), or a usage error naming what is wrong."""
    if arguments.widening is None:
        return None
    try:
        return Widening.parse(arguments.widening)
    except InvalidDateError as error:
        raise UsageError(f"--widening: {error}") from None


def add_engine(command: argparse.ArgumentParser, what: str) -> None:
    """``--engine`` (``what`` it does for this command) and ``--spark-master``, for commands that read Parquet."""
    command.add_argument("--engine", choices=("duckdb", "spark", "memory"), help=what)
    command.add_argument(
        "--spark-master", default="local[*]", metavar="URL", help="where Spark runs (default local[*]: this machine)"
    )


def add_zone(command: argparse.ArgumentParser) -> None:
    """``--zone``: the time zone whose days the command's dates are in."""
    command.add_argument(
        "--zone",
        metavar="ZONE",
        help="the IANA time zone whose calendar days times with an offset fall on, and dates given here are in "
        "('Asia/Seoul'); default: the first file's [reading] zone, else UTC",
    )


def zoned(timeline: Timeline, arguments: argparse.Namespace) -> Timeline:
    """The timeline in the --zone given (its own zone without one); a usage error for a zone that does not exist."""
    zone = getattr(arguments, "zone", None)
    if zone is None:
        return timeline
    try:
        return timeline.in_zone(zone)
    except DateParseError as error:
        raise UsageError(f"--zone: {error.reason}") from None


def add_calendar(command: argparse.ArgumentParser) -> None:
    """``--calendar``: the calendar of the dates in words given on the command line."""
    command.add_argument(
        "--calendar",
        choices=("gregorian", "julian"),
        help="the calendar of the dates in words given here ('2 September 1666'); julian: Old Style, converted "
        "as the files convert theirs. ISO 8601 and EDTF ('1666-09-12') are always Gregorian, and a date that "
        "names its calendar ('2 September 1666 (O.S.)') keeps it. Default: the files' [reading] calendar when "
        "they all give the same, else gregorian (with a warning when that changes a date given)",
    )


def add_label_calendar(command: argparse.ArgumentParser) -> None:
    """``--calendar`` of ``list`` and ``show``: the calendar the dates are labelled in, besides the Gregorian."""
    command.add_argument(
        "--calendar",
        choices=("gregorian", "julian"),
        help="the calendar dates are labelled in: julian adds the Old Style label to each date before 14 "
        "September 1752, when Britain took up the Gregorian ('15 September 1666 (5 September 1666 O.S.)'); "
        "gregorian gives the Gregorian label alone. Default: julian where the files all read their dates in "
        'words in it ([reading] calendar = "julian"), else gregorian',
    )


def old_style_labels(timeline: Timeline, arguments: argparse.Namespace) -> bool:
    """Whether dates are labelled Old Style too: as --calendar says, else where the files are all read in Julian."""
    calendar: Calendar | None = getattr(arguments, "calendar", None)
    return (calendar or timeline.calendar) == "julian"


def calendared(timeline: Timeline, arguments: argparse.Namespace, dates: Sequence[str | None]) -> Timeline:
    """The timeline reading dates in words in the --calendar given (the files' own without one).

    Where the files named read theirs in different calendars, the timeline reads them as Gregorian; a warning
    says so, naming each file's, when one of ``dates`` (the command line's) reads otherwise in the Julian one.
    """
    calendar: Calendar | None = getattr(arguments, "calendar", None)
    if calendar is not None:
        return timeline if calendar == timeline.calendar else timeline.in_calendar(calendar)
    calendars = timeline.file_calendars
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


def add_allow_outside(command: argparse.ArgumentParser) -> None:
    """``--allow-outside``: includes may reach outside the file's folder."""
    command.add_argument("--allow-outside", action="store_true", help="let includes reach outside the file's folder")


def add_filters(command: argparse.ArgumentParser) -> None:
    """``--tag``, ``--kind`` and ``--actor``: the filters ``query`` and ``plot`` share."""
    command.add_argument("--tag", action="append", default=[], help="only events with this tag (repeatable)")
    command.add_argument("--kind", action="append", default=[], help="only events of this kind (repeatable)")
    command.add_argument("--actor", action="append", default=[], help="only events with this actor (repeatable)")


def option_filtered(timeline: Timeline, arguments: argparse.Namespace) -> Timeline:
    """The timeline with --tag, --kind and --actor applied (as it is, with none given)."""
    if arguments.tag or arguments.kind or arguments.actor:
        return timeline.filter(tags=arguments.tag or None, kind=arguments.kind or None, actors=arguments.actor or None)
    return timeline


def check_filter_names(timeline: Timeline, arguments: argparse.Namespace) -> None:
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
