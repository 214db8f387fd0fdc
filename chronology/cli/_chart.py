"""What a ``plot`` chart is drawn with (--from, --to, --lanes...), and the windows and claims it refuses."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Final, TypedDict

from chronology.cli._errors import UsageError
from chronology.cli._options import EARLIEST, LATEST
from chronology.cli._output import numbered
from chronology.consistency import suggest
from chronology.dates import DateValue, Precision, UncertainDate
from chronology.errors import ChronologyError
from chronology.exchange._describe import bound_days
from chronology.notation import Calendar, parse
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.plot.timeline import GroupBy


class ChartOptions(TypedDict):
    """The options an events chart is drawn with, in memory (``plot_timeline``) or on an engine (``plot_dataset``)."""

    start: DateValue | None
    end: DateValue | None
    group_by: GroupBy
    lane_order: list[str] | None
    title: str | None
    width: float
    dpi: float
    font: str | None


def chart_options(
    arguments: argparse.Namespace,
    lanes_known: Callable[[GroupBy], Collection[str]] | None,
    calendar: Calendar = "gregorian",
) -> ChartOptions:
    """--group-by, --lanes, --from, --to, --title, --width, --dpi and --font, as the events chart takes them.

    Args:
        arguments: the command line.
        lanes_known: the lanes there are when grouping by a value, each lane --lanes names one of them; None
            when they were checked already.
        calendar: the calendar --from and --to are read in, where written in words.

    Raises:
        ChronologyError: --lanes names a lane there is not.
        UsageError: --from or --to is no date, or has a time of day.

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
    return ChartOptions(
        start=_day_option(arguments.start, "--from", calendar) if arguments.start is not None else None,
        end=_day_option(arguments.end, "--to", calendar) if arguments.end is not None else None,
        group_by=group_by,
        lane_order=lane_order,
        title=arguments.title,
        width=arguments.width,
        dpi=arguments.dpi,
        font=arguments.font,
    )


def _date_option(text: str, option: str, calendar: Calendar = "gregorian") -> DateValue:
    try:
        return parse(text, calendar=calendar)
    except ChronologyError as error:
        raise UsageError(f"{option}: {error}") from None


_TIMES: Final = frozenset({Precision.HOUR, Precision.MINUTE, Precision.SECOND})


def _day_option(text: str, option: str, calendar: Calendar = "gregorian") -> DateValue:
    """A plot window's end: a date (its words in ``calendar``), refused with a time of day the window would ignore."""
    value = _date_option(text, option, calendar)
    parts = (value,) if isinstance(value, UncertainDate) else (value.start, value.end)
    if any(isinstance(part, UncertainDate) and part.precision in _TIMES for part in parts):
        day = text.split("T", 1)[0] if "T" in text else "the day"
        raise UsageError(
            f"{option} {text!r}: a plot window is whole days, and its time would be ignored; give the day "
            f"({day!r}): a window of a day or a few is drawn with the hours on its axis"
        )
    return value


def check_window(timeline: Timeline, start: DateValue | None, end: DateValue | None, files: int) -> None:
    """Refuse a window that no event reaches into, saying when the events are."""
    if start is None and end is None:
        return
    if len(timeline.overlapping(start if start is not None else EARLIEST, end if end is not None else LATEST)):
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


def check_claims_found(timeline: Timeline, subject: str, unit: str | None) -> None:
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
            f"{name!r} ({numbered(counts[name], 'claim')})" if name else f"no unit ({numbered(counts[name], 'claim')})"
            for name in nearest(unit, counts)
        )
        raise ChronologyError(
            f"--unit {unit!r}: there are claims about {subject!r}, but none in {unit!r}; they are in {units}: "
            "give one of those to --unit, or leave --unit out"
        )
