"""``chronology relate``: how two events (or dates) stand in time."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from chronology.cli._errors import OK, UsageError
from chronology.cli._options import (
    add_allow_outside,
    add_calendar,
    add_widening,
    add_zone,
    calendared,
    widening_option,
    zoned,
)
from chronology.cli._output import visible
from chronology.consistency import suggest
from chronology.constraints import Link
from chronology.dates import DateValue, Widening
from chronology.errors import ChronologyError, DateParseError
from chronology.events import Event
from chronology.files import load
from chronology.notation import Calendar, parse
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.cli._parser import Parser
    from chronology.compare import Relationship


def add_relate_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``relate`` to the command line's commands."""
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
    add_zone(relate)
    add_calendar(relate)
    add_allow_outside(relate)
    add_widening(relate)


def run_relate(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``relate``: how A stands to B in time, certainly or possibly, and the odds; return the exit code."""
    import json

    from chronology.compare import Relation

    if arguments.file is None:  # two dates, related with no file: an event id has nothing to be found in
        _check_dates_alone(arguments.a, arguments.b, arguments.calendar or "gregorian")
        timeline = zoned(Timeline([]), arguments)
    else:
        timeline = zoned(load(arguments.file, allow_outside=arguments.allow_outside), arguments)
    timeline = calendared(timeline, arguments, (arguments.a, arguments.b))
    where = arguments.file or "relate"
    (a_name, a), (b_name, b) = (_operand(timeline, text, where) for text in (arguments.a, arguments.b))
    widening = widening_option(arguments)
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
    print(visible("\n".join(lines)), file=out)
    return OK


def _check_dates_alone(a: str, b: str, calendar: Calendar) -> None:
    """Refuse, naming the argument, an event id (or an event file) given to ``relate`` with no FILE before A and B.

    Raises:
        UsageError: A or B is not a date: an event id needs the file it is in; a file name, the two after it.

    """
    if a.lower().endswith((".toml", ".parquet")) or Path(a).is_file():
        raise UsageError(
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
                raise UsageError(
                    f"{name} {text!r} {said}; an event id needs the event file it is in, given first: "
                    f"chronology relate {example}"
                ) from None
            raise UsageError(f"{name} {text!r} is not a date: {error.reason}") from None


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
        raise UsageError(f"{path}: {text!r} is neither an event id nor a date ({error})") from None
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
