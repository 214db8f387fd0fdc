"""Do a chronology's events hold together? References, cycles, and links against dates.

Links are order constraints between the events' bounds (see
:mod:`chronology.constraints`): they narrow every linked event's bounds to the
tightest ones; a bound pushed past its opposite is a contradiction, reported
with the chain of links behind it. Nothing here reads files: problems name
events and fields, and the file layer adds where they are written.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal
from zoneinfo import ZoneInfo

import attrs
import numpy as np

from chronology._calendar import POS_INF, SECONDS_PER_DAY, julian_from_day_number
from chronology._collector import paused
from chronology._suggest import suggest
from chronology.constraints import Frame, Link, Network, link_cycles, publication, published_for
from chronology.dates import DateValue, Qualifier, UncertainDate
from chronology.errors import ChronologyError, Problem
from chronology.events import Event, Source
from chronology.rules import Tense

__all__ = ["FAR_BEFORE_DAYS", "Check", "Suggester", "check", "far_before_anchor", "read_from_anchor", "suggest"]


class Suggester:
    """:func:`suggest` for the first ``limit`` unknown names of one pass over a chronology; none after that.

    Each suggestion compares the name with every known name, so a large file
    with thousands of broken references would otherwise take quadratic time.
    ``known`` may be a lazy iterable: it is only read while suggestions last.
    """

    def __init__(self, limit: int = 100) -> None:
        self.left = limit

    def __call__(self, name: str, known: Iterable[str]) -> str:
        """Like :func:`suggest`, while the limit lasts."""
        if self.left <= 0:
            return ""
        self.left -= 1
        return suggest(name, known)


@attrs.frozen
class Check:
    """What :func:`check` found.

    Attributes:
        problems: every problem, in the order of the events.
        narrowed: for each event whose bounds the links narrowed, its date
            as narrowed (a date value of the same kind as its ``when``).
        network: the links as constraints (see :mod:`chronology.constraints`); None when no event has a link.

    """

    problems: tuple[Problem, ...]
    narrowed: Mapping[str, DateValue]
    network: Network | None = None


def check(
    events: Sequence[Event],
    sources: Iterable[Source] = (),
    *,
    other_events: Iterable[str] = (),
    other_sources: Iterable[str] = (),
    zone: ZoneInfo | None = None,
) -> Check:
    """Check references, link cycles, the agreement of links with dates, and of citations with their sources' dates.

    Args:
        events: the events to check.
        sources: the sources they may cite.
        other_events: ids of events that exist but could not be built (a file
            loader's broken events): references to them are not reported.
        other_sources: the same for sources.
        zone: the zone whose wall clock dates and times without an offset are
            read on when links compare them with times that have one (UTC when None).

    Returns:
        The problems found (none means consistent) and the narrowed bounds.

    """
    problems: list[Problem] = []
    by_id: dict[str, Event] = dict(
        zip(map(_ID_OF, events), events, strict=True)
    )  # in C; again in order below if an id is twice
    unique = len(by_id) == len(events)
    if not unique:
        by_id = {}
        for event in events:
            if event.id in by_id:
                problems.append(Problem(f"duplicate event id {event.id!r}", event=event.id, field="id"))
                continue
            by_id[event.id] = event
    source_ids: dict[str, Source] = {}
    for source in sources:
        if source.id in source_ids:
            problems.append(Problem(f"duplicate source id {source.id!r}", event=source.id, field="id", record="source"))
        source_ids[source.id] = source
    # What the events name, gathered in C: most events link none, and name only known sources and anchors.
    order_linked = any(map(any, map(_ORDER_LINKS_OF, events)))
    wholes = set(map(_PART_OF, events))  # what events are part of, and None
    anchors = set(map(_ANCHOR_OF, events))
    anchors.discard(None)
    named = _Named(order_linked or len(wholes - {None}) > 0, anchors)
    problems.extend(_references(events, by_id, source_ids, set(other_events), set(other_sources), named))
    suggest_event = Suggester()
    for source in source_ids.values():
        for field in ("published_after", "published_before"):
            for target in getattr(source, field):
                if target not in by_id and target not in other_events:
                    message = f"unknown event {target!r}{suggest_event(target, by_id)}"
                    problems.append(Problem(message, event=source.id, field=field, record="source"))
    # No network without a link: an order link, a part_of (not empty), or an anchor that is an event.
    if not order_linked and not wholes - {None, ""} and anchors.isdisjoint(by_id):
        problems.extend(_publications(source_ids.values(), events, {}, zone, by_id if unique else None))
        return Check(tuple(problems), {})
    with paused():
        network = Network(events, by_id, zone)
        if network.cyclic:  # every cycle of links is one of the network's (not the reverse): name them only then
            problems.extend(link_cycles(events, by_id))
        contradictions = network.problems()
        problems.extend(contradictions)
        narrowed = {} if contradictions else network.narrowed(events)
    if not contradictions:
        problems.extend(_publications(source_ids.values(), events, narrowed, zone, by_id if unique else None))
    return Check(tuple(problems), narrowed, network)


@attrs.frozen
class _Named:
    """What a chronology's events name, as :func:`check` gathers it for :func:`_references`.

    Attributes:
        linked: whether some event names another in ``after``, ``before``, ``reports`` or ``part_of``.
        anchors: every anchor named.

    """

    linked: bool
    anchors: set[str]


def _publications(
    sources: Iterable[Source],
    events: Sequence[Event],
    narrowed: Mapping[str, DateValue],
    zone: ZoneInfo | None,
    by_id: Mapping[str, Event] | None = None,
) -> list[Problem]:
    """Sources whose ``published_after`` and ``published_before`` cannot both hold, or not with their ``published``.

    ``by_id``: the events by id, when no id is taken twice (else the last event of an id is named).
    """
    problems = []
    if by_id is None:
        by_id = {event.id: event for event in events}

    def dated(link: Link) -> str:
        event = by_id[link.target]
        return f"{link.target!r} ({narrowed.get(event.id, event.when).label})"

    problems += _worded(sources, events, narrowed, zone)
    problems += _told_too_early(sources, events, narrowed, zone)
    for source in sources:
        if not (source.published_after or source.published_before):
            continue
        lo, hi, after, before = publication(
            source, events, lambda event: narrowed.get(event.id, event.when), zone, told=False
        )
        frame = Frame(zone)
        if source.published is not None:
            stated_lo = frame.instant(source.published, source.published.lo)
            stated_hi = frame.instant(source.published, source.published.hi)
            if after is not None and lo > stated_hi:
                message = f"published after {dated(after)}, but dated {source.published.label}"
                problems.append(Problem(message, event=source.id, field="published_after", record="source"))
            if before is not None and hi < stated_lo:
                message = f"published before {dated(before)}, but dated {source.published.label}"
                problems.append(Problem(message, event=source.id, field="published_before", record="source"))
        elif lo > hi and after is not None and before is not None:
            message = f"published after {dated(after)} and before {dated(before)}: both cannot hold"
            problems.append(Problem(message, event=source.id, field="published_before", record="source"))
    return problems


def _worded(
    sources: Iterable[Source], events: Sequence[Event], narrowed: Mapping[str, DateValue], zone: ZoneInfo | None
) -> list[Problem]:
    """Citations whose ``when``, read from their dated source's publication, cannot reach the event's date."""
    problems: list[Problem] = []
    dated = {source.id: source.published for source in sources if source.published is not None}
    citations = itertools.chain.from_iterable(map(_CITATIONS_OF, events))
    if not dated or not any(map(_IS_NOT_NONE, map(_WHEN_OF, citations))):
        return problems  # no citation words its date (told in C): nothing to compare
    frame = Frame(zone)
    for event in events:
        for index, citation in enumerate(event.citations):
            published = dated.get(citation.source)
            if citation.when is None or published is None:
                continue
            value = narrowed.get(event.id, event.when)
            start_lo, start_hi, _, _ = frame.moments(value)
            lo, hi = published_for(citation.when, event.tense, start_lo, start_hi, frame)
            if lo <= frame.instant(published, published.hi) and hi >= frame.instant(published, published.lo):
                continue
            try:
                names = f"names {citation.when.resolve(published, tense=event.tense).label}"
            except ChronologyError:
                names = "names no date"
            message = (
                f"{citation.source!r} words it as {citation.when.text!r}, which from the source's date "
                f"({published.label}) {names}; the event is dated {value.label}"
            )
            problems.append(Problem(message, event=event.id, field=f"citations[{index}].when"))
    return problems


def _told_too_early(
    sources: Iterable[Source], events: Sequence[Event], narrowed: Mapping[str, DateValue], zone: ZoneInfo | None
) -> list[Problem]:
    """Citations of a dated source by an event told in the past tense that certainly begins after it was published.

    A report tells what had happened by its date: it is not published before an event it tells in the past
    tense (the default ``tense``) began, the rule :func:`chronology.constraints.publication` dates an undated
    source by. Only an event that begins after the source's latest moment is reported (certain, not
    possible); one told as to come (``tense = "future"`` or ``"either"``) is not, and a citation with a
    ``when`` is checked by :func:`_worded`, from the way the source words the date. Nor is an event whose
    date is read from the source it cites (its ``anchor``, and a ``when`` worded as a phrase read from it,
    "Friday"): the source's own words date it, and a phrase that reaches past its day ("next week",
    "tomorrow") looks forward whatever the ``tense``. A date of its own ("20 November 2024") is not read
    from its anchor, whatever the ``anchor`` says: it is checked as any other.
    """
    problems: list[Problem] = []
    dated = {source.id: source.published for source in sources if source.published is not None}
    if not dated:
        return problems
    cites = list(itertools.chain.from_iterable(map(_CITATIONS_OF, events)))
    if not cites:
        return problems
    frame = Frame(zone)
    latest = {source: frame.instant(published, published.hi) for source, published in dated.items()}
    # Which citations may be of an event begun after its source, for every citation at once: its event's start
    # as written is at most a day from its instant (an offset, or the zone's, is less), so the common one, of an
    # event begun a day or more before its source's last moment, is passed over here; the rest are told below.
    values = list(map(narrowed.get, map(_ID_OF, events), map(_WHEN_OF, events))) if narrowed else None
    whens = map(_WHEN_OF, events) if values is None else values
    starts = np.fromiter(map(_LO_OF, whens), np.int64, len(events))
    counts = np.fromiter(map(len, map(_CITATIONS_OF, events)), np.intp, len(events))
    owners = np.repeat(np.arange(len(events)), counts)
    lasts = np.fromiter(map(latest.get, map(_SOURCE_OF, cites), itertools.repeat(POS_INF)), np.int64, len(cites))
    firsts = np.cumsum(counts) - counts  # each event's first citation, among all
    for at in np.flatnonzero(starts[owners] + SECONDS_PER_DAY > lasts).tolist():
        owner = int(owners[at])
        event, citation = events[owner], cites[at]
        if event.tense is not Tense.PAST or citation.when is not None:
            continue
        if citation.source == event.anchor and read_from_anchor(event.when):
            continue
        value = event.when if values is None else values[owner]
        if not certainly_after(value, dated[citation.source]):
            continue
        message = (
            f"{citation.source!r} was published {dated[citation.source].label}, before the event "
            f"(dated {value.label}) began: a report cannot tell in the past tense what had not yet happened. "
            "Fix the event's date or the source's `published`, cite a source from after the event, or, "
            'if the report foresees the event, mark it `tense = "future"` (or give the citation the '
            '`when` the source words it as, such as "next week")'
        )
        if citation.source == event.anchor:  # an anchor that looks as if it dated the event: say it does not
            message += (
                f". Its `anchor = {event.anchor!r}` does not date it: {event.when.text or event.when.label!r} is a "
                "date of its own, not a phrase read from the source; word the date as the source does "
                '("Friday", read from its date), or remove the anchor'
            )
        index = at - int(firsts[owner])
        problems.append(Problem(message, event=event.id, field=f"citations[{index}].source"))
    return problems


#: The world's offsets: a time written without one lies between UTC-12:00 and UTC+14:00.
_EAST: Final = 14 * 3600
_WEST: Final = 12 * 3600


def certainly_after(value: DateValue, published: UncertainDate) -> bool:
    """Whether ``value`` certainly begins after ``published`` ends: a report of that date cannot tell it as past.

    Certainly, whatever zone a date written without an offset is read in, where the other gives one (a day
    "2024-10-19" runs from UTC+14:00's midnight to UTC-12:00's: a report of New York's evening and one of
    Seoul's morning share it); two dates without offsets are compared as written, in the file's one zone;
    and never for a start or a publication hedged as approximate or uncertain ("c. November 2024" may spill
    into October), nor for an open or unknown start. The rule of the check of reports told too early and of
    ``chronology draft``.
    """
    start = value if isinstance(value, UncertainDate) else value.start
    if not isinstance(start, UncertainDate) or start.qualifier is not Qualifier.NONE:
        return False
    if published.qualifier is not Qualifier.NONE:
        return False
    if start.utc_offset is None and published.utc_offset is None:
        return start.lo > published.hi  # both as written: in the one zone the file reads them in
    earliest = start.lo - (_EAST if start.utc_offset is None else start.utc_offset)
    latest = published.hi + (_WEST if published.utc_offset is None else -published.utc_offset)
    return earliest > latest


def read_from_anchor(value: DateValue) -> bool:
    """Whether a date is worded as a phrase read from an anchor ("Friday", "next week", "two days later").

    An event's ``anchor`` dates it only when its ``when`` is such a phrase, as the file loader reads it (its
    text a :class:`~chronology.relative.RelativeDate` that needs an anchor); a date of its own ("20 November
    2024", "2024-11-13"), or one with no wording (built in Python), is not read from the anchor it names.
    """
    from chronology.notation import parse_expression  # the notation reads the wording; this module only asks
    from chronology.relative import RelativeDate

    text = value.text
    if not text:
        return False
    try:
        read = parse_expression(text)
    except ChronologyError:
        return False  # no wording the reader knows: not a phrase read from the anchor
    return isinstance(read, RelativeDate) and read.needs_anchor


#: How many days before the source it is read from (about six months) a date worded without a year may land,
#: put a year back by the past-tense rule, before :func:`far_before_anchor` reports it.
FAR_BEFORE_DAYS: Final = 183


def far_before_anchor(
    events: Iterable[Event],
    sources: Iterable[Source],
    *,
    days: int = FAR_BEFORE_DAYS,
    calendars: Mapping[tuple[str, str], Literal["gregorian", "julian"]] | None = None,
) -> list[Problem]:
    """Dates worded without a year, read from a dated source, that the past-tense rule put a year back, far before it.

    A phrase without a year told in the past ("November 13", "late December", "in May") lands on or before
    its anchor: read from a report of 29 October 2024, "November 13" is 13 November 2023. That reading may
    be right, but it is more often a wrong month, or a report of something to come. Reported: a ``when``, or
    a claim's ``said``, worded as a phrase that needs an anchor, read from a source's ``published`` date,
    that ends more than ``days`` days before the source's earliest day and in an earlier year, and that the
    tense decided (read as to come, it names another date: "ten months ago" and "last year" name one date
    whatever the tense, and are not reported). A phrase whose reading stays in the source's year ("in
    March" in an October report) is the latest such date, and is not reported either.

    ``chronology validate`` runs this check; loading does not: a date a year back is possible, and a
    year written out ("November 13, 2023") says that it is meant. Each problem names the phrase, the date
    it lands on, the source and its date, and the remedies: write the year, or mark the event
    ``tense = "future"``.

    ``calendars`` gives the calendar an event's dates read from a source were read in, by (event id, source
    id): ``"julian"`` for a file whose ``[reading]`` (or the source's own table) says so. The phrase is read
    again, and its year written out, in that calendar ("Christmas" in an Old Style file is 25 December of a
    Julian year); Gregorian where it is not given.
    """
    problems: list[Problem] = []
    dated = {source.id: source.published for source in sources if source.published is not None}
    if not dated:
        return problems
    for event in events:
        if event.tense is not Tense.PAST:
            continue  # told as to come (or either way): the phrase is not read back from its anchor
        readings = [("when", event.when, event.anchor)]
        readings += [
            (f"claims[{index}].said", claim.said, claim.anchor or event.anchor)
            for index, claim in enumerate(event.claims)
            if claim.said is not None
        ]
        for field, value, anchor in readings:
            if anchor is None or value is None or (published := dated.get(anchor)) is None:
                continue
            calendar = "gregorian" if calendars is None else calendars.get((event.id, anchor), "gregorian")
            found = _far_before(value, published, days, calendar)
            if found is not None:
                message = _far_message(field, value, anchor, published, *found, calendar=calendar)
                problems.append(Problem(message, event=event.id, field=field))
    return problems


def _year_of(day: int, calendar: Literal["gregorian", "julian"]) -> int:
    """The year of day number ``day`` (of years 1-9999) in ``calendar``."""
    return julian_from_day_number(day)[0] if calendar == "julian" else datetime.date.fromordinal(day).year


def _far_before(
    value: DateValue, published: UncertainDate, days: int, calendar: Literal["gregorian", "julian"] = "gregorian"
) -> tuple[int, DateValue | None] | None:
    """How many days ``value`` ends before ``published``, and its reading as to come; None unless it is reported.

    The phrase is read in ``calendar``, the one it was read in, and its years counted in it.
    """
    from chronology.notation import parse_expression  # the notation reads the wording; this module only asks
    from chronology.relative import RelativeDate

    last, first = value.hi // SECONDS_PER_DAY, published.lo // SECONDS_PER_DAY
    if first - last <= days or last < 1:
        return None  # (most dates: said in two lookups)
    if _year_of(last, calendar) >= _year_of(first, calendar):
        return None  # in the source's own year: the latest such date, as a report names it
    try:
        read = parse_expression(value.text, calendar=calendar) if value.text else None
    except ChronologyError:
        return None
    if not isinstance(read, RelativeDate) or not read.needs_anchor:
        return None  # a date of its own ("13 November 2023"): its year is written
    try:
        past = read.resolve(published, tense=Tense.PAST)
    except ChronologyError:
        return None
    try:
        future: DateValue | None = read.resolve(published, tense=Tense.FUTURE)
    except ChronologyError:
        future = None
    if future == past:
        return None  # the phrase names its date whatever the tense ("ten months ago", "last year")
    return first - last, future


def _far_message(
    field: str,
    value: DateValue,
    anchor: str,
    published: UncertainDate,
    gap: int,
    future: DateValue | None,
    *,
    calendar: Literal["gregorian", "julian"] = "gregorian",
) -> str:
    """What :func:`far_before_anchor` says of one reading: where it landed, and the two remedies."""
    key = field.rpartition(".")[2]
    written = _with_year(value, calendar)
    year = f' (`{key} = "{written}"`)' if written is not None and '"' not in written and "\\" not in written else ""
    to_come = f" (it then reads {future.label})" if future is not None else ""
    return (
        f"{value.text!r}, read from {anchor!r} (published {published.label}) in the past tense, lands on "
        f"{value.label}, {gap:,} days before it: a date without a year told in the past falls on or before "
        f"the date it is read from, here a year back. If that is meant, write the year{year}; if the report "
        f'tells of something to come, mark the event `tense = "future"`{to_come}; else check the phrase '
        "against the report (a wrong month?)"
    )


def _with_year(value: DateValue, calendar: Literal["gregorian", "julian"] = "gregorian") -> str | None:
    """The wording of ``value`` with the year it was read in written out, if that reads as the same date.

    The year is of ``calendar``, the one the wording was read in, and the wording with it read in it too.
    """
    from chronology.notation import parse_expression

    if isinstance(value, UncertainDate):
        last = value
    elif isinstance(value.end, UncertainDate):
        last = value.end
    else:
        return None
    year = _year_of(last.hi // SECONDS_PER_DAY, calendar) if calendar == "julian" else last.latest.year
    text = value.text.strip()
    written = f"{text}{', ' if text[-1:].isdigit() else ' '}{year}"
    try:
        read = parse_expression(written, calendar=calendar)
    except ChronologyError:
        return None
    return written if read == value else None


def _references(
    events: Sequence[Event],
    by_id: Mapping[str, Event],
    sources: Mapping[str, Source],
    other_events: set[str],
    other_sources: set[str],
    named: _Named,
) -> list[Problem]:
    problems: list[Problem] = []
    suggest = Suggester()
    others = other_events | other_sources
    if not named.linked and _all_known(events, by_id, sources, other_sources, others, named.anchors):
        return problems  # the common chronology: said in C, without a loop over the events
    for event in events:
        # The common event names no other event and cites known sources: said in a few lookups, in C.
        if not (event.after or event.before or event.reports or event.part_of is not None or event.claims):
            anchor = event.anchor
            if (anchor is None or anchor in by_id or anchor in sources or anchor in others) and all(
                map(sources.__contains__, map(_SOURCE_OF, event.citations))
            ):
                continue
        for field, target in event.links:
            if target == event.id:
                problems.append(
                    Problem(f"an event cannot be linked to itself ({field} {target!r})", event=event.id, field=field)
                )
            elif target not in by_id and target not in other_events:
                problems.append(
                    Problem(f"unknown event {target!r}{suggest(target, by_id)}", event=event.id, field=field)
                )
        for index, citation in enumerate(event.citations):
            if citation.source not in sources and citation.source not in other_sources:
                problems.append(
                    Problem(
                        f"unknown source {citation.source!r}{suggest(citation.source, sources)}",
                        event=event.id,
                        field=f"citations[{index}].source",
                    )
                )
        for index, claim in enumerate(event.claims):
            if claim.source is not None and claim.source not in sources and claim.source not in other_sources:
                problems.append(
                    Problem(
                        f"unknown source {claim.source!r}{suggest(claim.source, sources)}",
                        event=event.id,
                        field=f"claims[{index}].source",
                    )
                )
        known = event.anchor in by_id or event.anchor in sources or event.anchor in others
        if event.anchor is not None and not known:
            names = itertools.chain(by_id, sources)
            problems.append(
                Problem(
                    f"unknown event or source {event.anchor!r}{suggest(event.anchor, names)}",
                    event=event.id,
                    field="anchor",
                )
            )
    return problems


def _all_known(
    events: Sequence[Event],
    by_id: Mapping[str, Event],
    sources: Mapping[str, Source],
    other_sources: set[str],
    others: set[str],
    anchors: set[str],
) -> bool:
    """Whether every source cited or claimed, and every anchor, names something (sources and anchors each once)."""
    cited = set(map(_SOURCE_OF, itertools.chain.from_iterable(map(_CITATIONS_OF, events))))
    claimed = set(map(_SOURCE_OF, itertools.chain.from_iterable(map(_CLAIMS_OF, events))))
    claimed.discard(None)
    unknown_sources = cited.union(claimed).difference(sources).difference(other_sources)
    unknown_anchors = anchors.difference(by_id).difference(sources).difference(others)
    return not unknown_sources and not unknown_anchors


_ID_OF: Final = operator.attrgetter("id")
_SOURCE_OF: Final = operator.attrgetter("source")
_WHEN_OF: Final = operator.attrgetter("when")
_LO_OF: Final = operator.attrgetter("lo")
_PART_OF: Final = operator.attrgetter("part_of")
_ANCHOR_OF: Final = operator.attrgetter("anchor")
_CITATIONS_OF: Final = operator.attrgetter("citations")
_CLAIMS_OF: Final = operator.attrgetter("claims")
_ORDER_LINKS_OF: Final = operator.attrgetter("after", "before", "reports")  # a tuple of three tuples: any(...) in C
_IS_NOT_NONE: Final = functools.partial(operator.is_not, None)
