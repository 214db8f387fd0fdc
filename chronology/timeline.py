"""A chronology: events and the sources behind them, checked to hold together, and queried.

A :class:`Timeline` built from events (or loaded from files) is checked once.
Queries (:meth:`~Timeline.overlapping`, :meth:`~Timeline.within`,
:meth:`~Timeline.filter`, ...) return views: timelines over a subset of the
same events, sharing the sources and the index, so calls chain. The
semantics of "possible" and "certain" are in ``docs/queries.md``.
"""

from __future__ import annotations

import copy
import datetime
import heapq
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, overload
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import numpy.typing as npt

from chronology._calendar import NEG_INF, OPEN_HI, OPEN_LO, POS_INF, SECONDS_PER_DAY
from chronology._widened import policy_for, spilled
from chronology.columns import Columns, day_numbers
from chronology.compare import (
    Certainty,
    Moment,
    Probabilities,
    Relation,
    Relationship,
    gives_times,
    relationship,
    seconds_of,
)
from chronology.compare import before as compare_before
from chronology.consistency import Check, check, suggest
from chronology.constraints import Frame, Link, Network, Side, publication
from chronology.dates import DEFAULT_WIDENING, INSTANT_CLASSES, DateValue, Interval, Precision, UncertainDate, Widening
from chronology.errors import (
    AmbiguousReferenceError,
    ChronologyError,
    ChronologyWarning,
    DateParseError,
    InvalidDateError,
    UnknownEventError,
    ValidationError,
    WrongTypeError,
    _at_character,
)
from chronology.events import SAYING_KINDS, Claim, Event, Source
from chronology.index import NEG_DAY, POS_DAY, Index, Mode, day_ends
from chronology.notation import Calendar, DateLike
from chronology.zones import zone_named

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = ["Precedence", "Publication", "Timeline", "WhenLike", "WindowsLike"]

#: What a query accepts for a date: a value, a ``datetime.date`` (pendulum's too), or text the parser reads.
WhenLike: TypeAlias = DateLike
ModeLike: TypeAlias = Mode | Literal["possible", "certain"]
#: Many windows' starts (or ends): dates one by one, or one array of them (``datetime64`` or ISO text), read at once.
WindowsLike: TypeAlias = Sequence[WhenLike] | npt.NDArray[np.datetime64] | npt.NDArray[np.str_]
SortKey: TypeAlias = Literal["earliest", "latest", "midpoint"] | Callable[[Event], Any]
_NOTEBOOK_ROWS = 60  # events listed under the picture in Jupyter
#: Days apart within which two times can order otherwise by the second than by their days: a time with an
#: offset falls on its day in the timeline's zone (less than a day from UTC) but compares in UTC.
_NEAR_DAYS: Final = 2


@attrs.frozen
class Precedence:
    """The partial order "certainly before" over a timeline's events.

    Attributes:
        edges: (earlier id, later id) pairs, with the edges implied by others left out.
        layers: the events in layers: the first holds the events that could
            each have come first (no event certainly precedes them); each next
            layer, those whose certain predecessors all lie in earlier layers.

    """

    edges: tuple[tuple[str, str], ...]
    layers: tuple[tuple[str, ...], ...]


@attrs.frozen
class Publication:
    """When a source was published: as it says, or as the events it tells bound it.

    Attributes:
        value: the date (None: the source gives none, and nothing bounds it or its events disagree).
        inferred: whether it was worked out from the events, the source giving no date.
        after: the link behind the earliest day (when inferred).
        before: the link behind the latest day (when inferred); with ``after`` and no
            ``value``, the two that disagree.

    """

    value: UncertainDate | None
    inferred: bool = False
    after: tuple[Link, ...] = ()
    before: tuple[Link, ...] = ()


class _Root:
    """What every view of one timeline shares: the events, sources, checks and indexes."""

    def __init__(
        self,
        events: tuple[Event, ...] | Columns,
        sources: tuple[Source, ...],
        title: str,
        result: Check,
        zone: ZoneInfo | None = None,
        calendar: Calendar = "gregorian",
        calendars: tuple[tuple[str, Calendar], ...] = (),
    ) -> None:
        self.events: Sequence[Event] = events
        self.columns = events if isinstance(events, Columns) else None
        self.source_values = sources
        self.result = result
        self.zone = zone
        self.calendar: Calendar = calendar  # of text given to queries
        self.calendars = calendars  # each file named to the loader, with the calendar of its dates in words
        self.publications: dict[str, Publication] = {}  # undated sources' publication, by id, once worked out
        self._by_id: dict[str, int] | None = None
        self.sources = MappingProxyType({source.id: source for source in sources})
        self.network = result.network
        self._ranks: dict[str, int] | None = None
        self._ids: npt.NDArray[np.str_] | None = None
        self.title = title
        self._indexes: dict[Widening | None, Index] = {}
        self._last: tuple[Widening | None, Index] | None = None
        if self.columns is not None:  # events made when asked for: nothing here may look at them all
            self.values: Sequence[DateValue] = _Values(self.columns)
            self.stated: dict[int, tuple[DateValue, tuple[bool, bool, bool, bool]]] = {}
            self.policies: list[Widening] | None = None
            return
        # each event's date as its links narrow it (its own date where they do not)
        narrowed = result.narrowed
        self.values = (
            tuple(narrowed.get(event.id, event.when) for event in events) if narrowed else tuple(e.when for e in events)
        )
        # bounds the links set are not widened: a link is not approximate
        self.stated = {
            self.by_id[i]: (self.by_id_event(i).when, _moved(self.by_id_event(i).when, value))
            for i, value in narrowed.items()
        }
        # each event's own policy (its file's [reading]); None when no event has one
        own = [event.widening for event in events]
        self.policies = [DEFAULT_WIDENING if w is None else w for w in own] if any(w is not None for w in own) else None

    @property
    def by_id(self) -> dict[str, int]:
        """Each event's position, by id (made when first needed: a timeline of columns may never need it)."""
        if self._by_id is None:
            if self.columns is not None:
                self._by_id = dict(zip(self.columns.ids.tolist(), range(len(self.columns)), strict=True))
            else:
                self._by_id = {event.id: position for position, event in enumerate(self.events)}
        return self._by_id

    @property
    def ids(self) -> npt.NDArray[np.str_]:
        """Every event's id, in order, as a numpy array of text (made when first asked for, then kept)."""
        if self._ids is None:
            if self.columns is not None:
                self._ids = self.columns.ids
            else:
                self._ids = np.array([event.id for event in self.events], dtype=np.str_)
                self._ids.flags.writeable = False
        return self._ids

    @property
    def ranks(self) -> dict[str, int]:
        """A position for each linked event in an order that keeps every link (worked out when first sorted)."""
        if self._ranks is None:
            if self.network is not None:
                self._ranks = self.network.ranks()
            else:  # a timeline of columns may hold the order its links gave (a Parquet file's ``rank``)
                self._ranks = self.columns.ranks() if self.columns is not None else {}
        return self._ranks

    def by_id_event(self, event_id: str) -> Event:
        """The event with this id."""
        return self.events[self.by_id[event_id]]

    def value(self, event: Event) -> DateValue:
        """The event's date as its links narrow it (its own, for an event not in this timeline)."""
        position = self.by_id.get(event.id)
        return event.when if position is None or self.events[position] is not event else self.values[position]

    def index(self, widening: Widening | None) -> Index:
        """The index for one policy; None: each event's own (the default one where it has none)."""
        if widening is None and self.policies is None and self.columns is None:
            widening = DEFAULT_WIDENING
        if self._last is not None and widening is self._last[0]:  # the common case, without hashing the policy
            return self._last[1]
        found = self._indexes.get(widening)
        if found is None and self.columns is not None:
            found = self._indexes[widening] = Index.from_days(*self.columns.days(widening))
        if found is None:
            policy = widening if widening is not None else self.policies
            assert policy is not None  # no widening and no policies of the events' own is the default policy
            found = self._indexes[widening] = Index.build(self.values, policy, self.zone, stated=self.stated)
        self._last = (widening, found)
        return found


class Timeline:
    """The events and sources of one chronology, in the order given.

    Iterating gives the events; ``timeline["id"]`` finds one. Building a
    timeline checks it (see :mod:`chronology.consistency`): duplicate ids,
    links and citations to unknown events or sources, cycles of links, and
    links that contradict the dates raise :class:`~chronology.errors.ValidationError`
    listing every problem.

    Args:
        events: the events, in any order.
        sources: the sources the events cite.
        title: the chronology's name.
        zone: the IANA zone ("Asia/Seoul") whose calendar days a time with an
            offset falls on in every question, and the zone of the days given
            to queries; None (the default) for UTC.
        calendar: the calendar of dates in words given to queries as text
            ("2 September 1666" to :meth:`overlapping`, :meth:`before`,
            :meth:`relate`...): ``"gregorian"`` (the default) or ``"julian"``
            (Old Style, converted on reading, as a file's ``[reading] calendar``
            converts its own). ISO 8601 and EDTF text stay Gregorian, and a
            date that names its calendar ("2 September 1666 (O.S.)") keeps it.

    Raises:
        InvalidDateError: ``calendar`` is neither ``"gregorian"`` nor ``"julian"``.

    """

    def __init__(
        self,
        events: Iterable[Event],
        sources: Iterable[Source] = (),
        *,
        title: str = "",
        zone: str | None = None,
        calendar: Literal["gregorian", "julian"] = "gregorian",
    ) -> None:
        events = tuple(events)
        sources = tuple(sources)
        for event in events:
            if not isinstance(event, Event):
                raise WrongTypeError(f"a Timeline holds Event values, not {type(event).__name__}")
        for source in sources:
            if not isinstance(source, Source):
                raise WrongTypeError(f"a Timeline's sources are Source values, not {type(source).__name__}")
        _check_calendar(calendar)
        zone_info = None if zone is None else zone_named(zone)
        result = check(events, sources, zone=zone_info)
        if result.problems:
            raise ValidationError(result.problems)
        self._root = _Root(events, sources, title, result, zone_info, calendar)
        self._positions: npt.NDArray[np.intp] | None = None
        self._unsorted = False  # positions found but not yet sorted (sorted in place when first looked at)

    @classmethod
    def from_columns(
        cls,
        ids: npt.ArrayLike,
        earliest: npt.ArrayLike,
        latest: npt.ArrayLike,
        *,
        end_earliest: npt.ArrayLike | None = None,
        end_latest: npt.ArrayLike | None = None,
        precision: str | Precision | npt.ArrayLike = Precision.DAY,
        qualifiers: npt.ArrayLike | None = None,
        titles: npt.ArrayLike | None = None,
        title: str = "",
    ) -> Timeline:
        """A timeline of many events given as columns, each ``Event`` made only when asked for.

        Queries, counts, ``.positions`` and ``.ids`` work on the arrays;
        iterating or ``timeline["id"]`` makes the events it gives. For data
        sets of millions of events (10^7 fit in a few gigabytes).

        Args:
            ids: one id (text) per event, all different.
            earliest: each event's earliest possible start, as numpy
                ``datetime64`` (any unit) or ISO text; NaT for an open start.
            latest: its latest possible start (or moment, for events that do
                not last). A bound in days (or months, years) covers the whole
                unit: ``2024-10`` as ``latest`` means up to 31 October.
            end_earliest: for events that last, the earliest possible end
                (give ``end_latest`` too); None when events are instants.
            end_latest: the latest possible end; NaT for an open end.
            precision: the unit the dates are given in ("day", "month", ...): one
                for all, or one per event. A bound is read in its row's unit: a
                last bound at the unit's start covers the unit (a day given as
                its midnight, as pandas gives it), and a time inside a row given
                to the day is refused. A row given to the hour, minute or second
                needs its bounds to that unit: the day bounds of ``to_pandas``
                would put it at midnight (rebuild from its ``edtf`` column).
            qualifiers: EDTF qualifiers per event: ``""``, ``"?"``, ``"~"``
                (approximate: widened in "possible" answers) or ``"%"``.
            titles: one title per event ("" when not given).
            title: the timeline's name.

        Raises:
            InvalidEventError: columns of different lengths, an id given twice,
                bounds in the wrong order, an unknown precision or qualifier.
            WrongTypeError: bounds that are not dates.

        """
        columns = Columns.from_arrays(
            ids,
            earliest,
            latest,
            end_earliest=end_earliest,
            end_latest=end_latest,
            precision=precision,
            qualifiers=qualifiers,
            titles=titles,
        )
        return cls.of_columns(columns, title)

    @classmethod
    def of_columns(cls, columns: Columns, title: str = "", zone: str | None = None) -> Timeline:
        """A timeline over columns already made and checked (:class:`~chronology.columns.Columns` or a kind of it)."""
        self = cls.__new__(cls)
        self._root = _Root(columns, (), title, Check((), {}), zone_named(zone) if zone else None)
        self._positions = None
        self._unsorted = False
        return self

    @classmethod
    def _checked(
        cls,
        events: Sequence[Event],
        sources: Sequence[Source],
        title: str,
        result: Check,
        zone: str | None = None,
        calendar: Calendar = "gregorian",
        calendars: tuple[tuple[str, Calendar], ...] = (),
    ) -> Timeline:
        """A timeline from values the caller has already checked (the file loader).

        ``calendars``: each file the loader was given, with its ``[reading] calendar`` (``calendar`` is theirs
        when they agree).
        """
        self = cls.__new__(cls)
        self._root = _Root(
            tuple(events),
            tuple(sources),
            title,
            result,
            None if zone is None else zone_named(zone),
            calendar,
            calendars,
        )
        self._positions = None
        self._unsorted = False
        return self

    def _view(self, positions: npt.NDArray[np.intp], unsorted: bool = False) -> Timeline:
        """A view of ``positions`` (ascending; or, ``unsorted``, in any order, in a new array the view may sort)."""
        view = Timeline.__new__(Timeline)
        view._root = self._root
        view._positions = positions
        view._unsorted = unsorted
        return view

    def _ordered(self) -> npt.NDArray[np.intp]:
        """The view's positions in timeline order (sorted once, when first needed)."""
        positions = self._positions
        if positions is None:
            return np.arange(len(self._root.events))
        if self._unsorted:  # the view's own array: sorted in place, in 32 bits where they fit (the quickest sort)
            positions.sort()
            if positions.itemsize != 8:  # (intp is int64 on the platforms numpy supports)
                positions = positions.astype(np.intp)
            self._positions = positions
            self._unsorted = False
        return positions

    # -- a sequence of events ---------------------------------------------------------------------

    @property
    def title(self) -> str:
        """The chronology's name."""
        return self._root.title

    @property
    def zone(self) -> str | None:
        """The IANA zone whose calendar days times with an offset fall on, and query days are in; None for UTC."""
        return None if self._root.zone is None else self._root.zone.key

    @property
    def calendar(self) -> Literal["gregorian", "julian"]:
        """The calendar (``"gregorian"`` or ``"julian"``) that dates in words given to queries as text are read in.

        A timeline loaded from event files has their ``[reading] calendar`` when
        they all agree, else ``"gregorian"``; ``"julian"`` reads "2 September
        1666" as 12 September 1666 (Old Style, converted), as the file reads its
        own dates. ISO 8601 and EDTF text are always Gregorian; a date that names
        its calendar ("(O.S.)", "(N.S.)") keeps it. :meth:`in_calendar` gives the
        same timeline reading text in another.
        """
        return self._root.calendar

    @property
    def file_calendars(self) -> tuple[tuple[str, Literal["gregorian", "julian"]], ...]:
        """Each event file the loader was given, with the calendar its dates in words are read in.

        One ``(name, calendar)`` pair a file, in the order named: the file as it was
        named to :func:`chronology.load` and its ``[reading] calendar``
        (``"gregorian"`` where it gives none). Where they differ, :attr:`calendar`
        is ``"gregorian"``, and this says which file read which. Empty for a
        timeline not loaded from files (made in Python, or from columns). The same
        in every view, and kept by :meth:`in_calendar` and :meth:`in_zone`.
        """
        return self._root.calendars

    def in_calendar(self, calendar: Literal["gregorian", "julian"]) -> Timeline:
        """The same timeline (all of it) reading dates in words given to its queries in ``calendar``.

        Raises:
            InvalidDateError: ``calendar`` is neither ``"gregorian"`` nor ``"julian"``.

        """
        _check_calendar(calendar)
        root = copy.copy(self._root)  # the same events, checks and indexes: only the reading of text differs
        root.calendar = calendar
        whole = Timeline.__new__(Timeline)
        whole._root = root
        whole._positions = None
        whole._unsorted = False
        return whole

    @property
    def zone_info(self) -> ZoneInfo | None:
        """:attr:`zone` as a ``zoneinfo.ZoneInfo``; None for UTC."""
        return self._root.zone

    def in_zone(self, zone: str | None) -> Timeline:
        """The same timeline (all of it) with its days in ``zone`` ("Asia/Seoul"; None for UTC).

        Raises:
            DateParseError: no such zone; the message names the nearest.
            ValidationError: the links contradict the dates on that zone's days
                (a date on the 17th after a time that is the 18th there).

        """
        root = self._root
        if zone == self.zone:
            return Timeline._checked(
                root.events, root.source_values, root.title, root.result, zone, root.calendar, root.calendars
            )
        # the links compare dates with times on the new zone's days: checked again, and narrowed again
        moved = Timeline(root.events, root.source_values, title=root.title, zone=zone, calendar=root.calendar)
        moved._root.calendars = root.calendars
        return moved

    @property
    def events(self) -> tuple[Event, ...]:
        """The events, in the order given (each one made now, for a timeline of columns; see :meth:`from_columns`)."""
        if self._positions is None:
            root_events = self._root.events
            return root_events if isinstance(root_events, tuple) else tuple(root_events)
        events = self._root.events
        return tuple(events[i] for i in self._ordered().tolist())

    @property
    def sources(self) -> Mapping[str, Source]:
        """The sources, by id, in the order given (all of them, in a view too)."""
        return self._root.sources

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self._root.events) if self._positions is None else int(self._positions.size)

    def __contains__(self, event_id: object) -> bool:
        position = self._root.by_id.get(event_id) if isinstance(event_id, str) else None
        if position is None:
            return False
        return self._positions is None or bool(np.isin(position, self._ordered()))

    def __getitem__(self, event_id: str) -> Event:
        if not isinstance(event_id, str):
            raise WrongTypeError(f"an event is found by its id (text), not {type(event_id).__name__}")
        if event_id not in self:
            names = self._root.by_id if self._positions is None else [e.id for e in self]
            raise UnknownEventError(f"no event {event_id!r} in this timeline{suggest(event_id, names)}")
        return self._root.events[self._root.by_id[event_id]]

    def __repr__(self) -> str:
        name = f" {self.title!r}" if self.title else ""
        return f"<Timeline{name}: {len(self)} events, {len(self.sources)} sources>"

    # -- order ------------------------------------------------------------------------------------

    def sorted(self, key: SortKey = "earliest") -> list[Event]:
        """The events in a documented order.

        Args:
            key: ``"earliest"`` (the default: earliest moment, then latest, then
                id), ``"latest"`` (latest moment, then earliest, then id),
                ``"midpoint"`` (the middle of the bounds, then earliest, then
                id), or a function of an event. Unbounded interval ends sort
                first (open past) or last (open future); a date with one side
                open ("before 23 August 1456") sorts at its known bound.
                Whatever the key, the file's order links are kept: an event
                comes after every event it is ``after`` (it moves down to just
                after the last of them; the others keep their places).

        """
        if callable(key):
            return sorted(self, key=key)
        if not isinstance(key, str):
            raise WrongTypeError(
                f"a sort key is 'earliest', 'latest', 'midpoint' or a function of an event, not {type(key).__name__}"
            )
        if key not in ("earliest", "latest", "midpoint"):
            raise ValueError(f"unknown sort key {key!r}; expected 'earliest', 'latest', 'midpoint' or a function")
        value, ranks = self._root.value, self._root.ranks
        first = key == "earliest"
        middle = key == "midpoint"

        def rank(event: Event) -> tuple[Any, ...]:
            lo, hi = _moments(value(event))
            order = ranks.get(event.id, -1)  # events on the same moments keep the order their links give
            if middle:
                return _midpoint(lo, hi), lo, order, event.id
            return (lo, hi, order, event.id) if first else (hi, lo, order, event.id)

        return _keeping_links(sorted(self, key=rank), self._root.network)

    # -- window queries ---------------------------------------------------------------------------

    def overlapping(
        self,
        start: WhenLike | None,
        end: WhenLike | None,
        *,
        mode: ModeLike = "possible",
        widening: Widening | None = None,
    ) -> Timeline:
        """Events that (possibly or certainly) happened at some moment between ``start`` and ``end``.

        The window runs from ``start``'s earliest day to ``end``'s latest
        (``"2024-10"`` means all of October); None leaves that side open
        (``overlapping("2024-10", None)``: from October on). "possible": some
        reading of the event's date shares a day with the window (approximate
        dates widened by ``widening``); "certain": every reading does.
        """
        if (
            mode == "possible"
            and self._positions is None
            and start.__class__ in INSTANT_CLASSES
            and end.__class__ in INSTANT_CLASSES
        ):
            # the commonest call (a loop over many windows): two instants in days, read and answered leanly
            if TYPE_CHECKING:  # (their classes are checked: no cost at run time)
                assert isinstance(start, UncertainDate)
                assert isinstance(end, UncertainDate)
            lo, hi = start.lo, end.hi
            if (
                lo <= hi
                and start.utc_offset is None
                and end.utc_offset is None
                and not (start.precision in _TIMED and end.precision in _TIMED)
            ):
                found, ordered = self._root.index(widening).possibly(
                    lo // SECONDS_PER_DAY if lo > NEG_INF + 1 else NEG_DAY,
                    hi // SECONDS_PER_DAY if hi < POS_INF - 1 else POS_DAY,
                )
                return self._view(found, unsorted=not ordered)
        first, last, seconds = self._span(start, end)
        chosen = Mode.POSSIBLE if mode == "possible" else Mode.of(mode)
        if seconds is not None:  # a window given in times: events that give times too are compared by the second
            return self._timed_window(first, last, seconds, chosen, widening, within=False)
        return self._query(first, last, chosen, widening, within=False)

    def within(
        self,
        start: WhenLike | None,
        end: WhenLike | None,
        *,
        mode: ModeLike = "certain",
        widening: Widening | None = None,
    ) -> Timeline:
        """Events that (possibly or certainly) lie wholly between ``start`` and ``end`` (None: that side open)."""
        first, last, seconds = self._span(start, end)
        if seconds is not None:  # a window given in times: events that give times too are compared by the second
            return self._timed_window(first, last, seconds, Mode.of(mode), widening, within=True)
        return self._query(first, last, Mode.of(mode), widening, within=True)

    def on(self, day: WhenLike, *, mode: ModeLike = "possible", widening: Widening | None = None) -> Timeline:
        """Events that (possibly or certainly) happened on ``day`` (or within its bounds: ``"2024-10"``)."""
        if day is None:
            raise WrongTypeError(
                "on() takes a day ('2024-10-18'), not None; for a window open on one side, "
                "use overlapping('2024-10', None)"
            )
        return self.overlapping(day, day, mode=mode, widening=widening)

    def overlapping_many(
        self,
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        mode: ModeLike = "possible",
        widening: Widening | None = None,
    ) -> list[Timeline]:
        """:meth:`overlapping` for many windows at once, answered in one vectorised pass.

        ``starts`` and ``ends`` are dates one by one, or two arrays of dates
        (``datetime64`` of any unit, or ISO text) read at once, as
        :meth:`from_columns` reads its bounds: a value covers its whole unit
        (``2024-10`` as an end is 31 October), and NaT leaves that side of the
        window open.
        """
        firsts, lasts = self._windows(starts, ends)
        found = self._root.index(widening).overlapping_many(firsts, lasts, Mode.of(mode), ascending=True)
        if self._positions is None:  # each window's positions ascending already: read-only views of one array
            return [self._view(positions) for positions in found]
        return [self._view(self._restrict(positions)) for positions in found]

    def count(
        self,
        start: WhenLike | None,
        end: WhenLike | None,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> int:
        """How many events :meth:`overlapping` (or, with ``within``, :meth:`within`) would give, listing none.

        ``mode`` defaults as theirs do: "possible" for overlapping, "certain" with ``within``;
        None for ``start`` or ``end`` leaves that side open, as there.
        """
        first, last, seconds = self._span(start, end)
        chosen = _mode_for(mode, within=within)
        if seconds is not None:
            return len(self._timed_window(first, last, seconds, chosen, widening, within=within))
        if self._positions is not None:
            return len(self._query(first, last, chosen, widening, within=within))
        return self._root.index(widening).count(first, last, chosen, within=within)

    def count_many(
        self,
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> npt.NDArray[np.int64]:
        """:meth:`count` for many windows at once: an ``int64`` array, one count per window, in one pass.

        The windows are given as to :meth:`overlapping_many`.
        """
        firsts, lasts = self._windows(starts, ends)
        chosen = _mode_for(mode, within=within)
        index = self._root.index(widening)
        if self._positions is None:  # (every window's first day is on or before its last: checked)
            return index.count_ordered(firsts, lasts, chosen, within=within, ordered=True)
        found = index.overlapping_many(firsts, lasts, chosen, within=within, ascending=True)
        return np.fromiter((self._restrict(p).size for p in found), dtype=np.int64, count=len(found))

    def write_overlapping_many(
        self,
        path: str | os.PathLike[str],
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> None:
        """The ids in each of many windows written to Parquet as (``window``, ``id``) pairs, in one pass.

        The file :meth:`chronology.Dataset.write_overlapping_many` writes for the
        same questions on an engine (``window`` counts the windows from 0);
        ``mode`` defaults as :meth:`count_many`'s does.

        Raises:
            MissingExtraError: pyarrow is not installed (``pip install "chronology[parquet]"``).

        """
        from chronology.exchange.arrow import write_pairs

        firsts, lasts = self._windows(starts, ends)
        found = self._root.index(widening).overlapping_many(
            firsts, lasts, _mode_for(mode, within=within), within=within
        )
        if self._positions is not None:
            found = [self._restrict(positions) for positions in found]
        columns = self._root.columns
        arrow_ids = getattr(columns, "arrow_ids", None) if columns is not None else None
        write_pairs(path, found, self._root.ids if arrow_ids is None else arrow_ids)

    def _windows(self, starts: WindowsLike, ends: WindowsLike) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Many windows' first and last days, as two arrays."""
        if len(starts) != len(ends):
            raise WrongTypeError(f"{len(starts)} starts but {len(ends)} ends: give one end per start")
        if isinstance(starts, np.ndarray) and isinstance(ends, np.ndarray) and starts.dtype.kind in "MUS":
            # arrays of dates, read as columns are: in one pass, without a value per window
            firsts = day_numbers(starts, "starts", end=False)
            lasts = day_numbers(ends, "ends", end=True)
            if not bool((firsts <= lasts).all()):  # (naive dates and times: on their days in any zone)
                at = int(np.flatnonzero(firsts > lasts)[0])
                raise InvalidDateError(
                    f"window {at} ends ({ends[at]}) before it starts ({starts[at]}); give the start first"
                )
            return firsts, lasts
        windows = [self._window(s, e, f"window {at}") for at, (s, e) in enumerate(zip(starts, ends, strict=True))]
        firsts = np.fromiter((w[0] for w in windows), dtype=np.int64, count=len(windows))
        lasts = np.fromiter((w[1] for w in windows), dtype=np.int64, count=len(windows))
        return firsts, lasts

    @property
    def positions(self) -> npt.NDArray[np.int64]:
        """Where this view's events are among all the timeline's (the one loaded or built), ascending.

        An ``int64`` array, read-only; ``timeline.events`` of the whole timeline
        holds them at these positions.
        """
        found = self._ordered()
        found.setflags(write=False)  # the view's own array (or a read-only one): never written again
        return found  # intp is int64 on the platforms numpy supports

    @property
    def ids(self) -> npt.NDArray[np.str_]:
        """The ids of this view's events, as a numpy array of text, in the order of :attr:`positions`."""
        ids = self._root.ids
        return ids if self._positions is None else ids.take(self._ordered())

    def index(self, widening: Widening | None = None) -> Index:
        """The columnar index of every event's day bounds (built on first use, then kept; views share it)."""
        return self._root.index(widening)

    def _query(self, first: int, last: int, mode: Mode, widening: Widening | None, *, within: bool) -> Timeline:
        index = self._root.index(widening)
        found, ordered = index.answer(first, last, mode, within=within)  # (unsorted: sorted when looked at)
        if self._positions is None:
            return self._view(found, unsorted=not ordered)
        return self._view(self._restrict(found))

    def _timed_window(
        self, first: int, last: int, seconds: tuple[int, int], mode: Mode, widening: Widening | None, *, within: bool
    ) -> Timeline:
        """:meth:`_query` of a window given in times (its first and last second as ``seconds``).

        Events that give times are compared with it by the second, as
        :func:`chronology.compare.before` compares two times; the others by the
        day. Only events whose days lie within :data:`_NEAR_DAYS` of the
        window's can answer otherwise than by the day: those are looked at one
        by one, from the answer for a window that many days wider each way.
        """
        root = self._root
        possible = mode is Mode.POSSIBLE
        wider = self._query(
            max(first - _NEAR_DAYS, NEG_DAY), min(last + _NEAR_DAYS, POS_DAY), mode, widening, within=within
        )
        positions = wider._ordered()
        # each question: the bound that must fall on or after the window's start, and the one on or before its end
        lower, upper = _WINDOW_ROWS[within, possible]
        ends = root.index(widening).ends(positions, widened=possible).astype(np.int64)
        keep = (ends[lower] >= first) & (ends[upper] <= last)
        near = np.abs(ends[lower] - first) <= _NEAR_DAYS
        near |= np.abs(ends[upper] - last) <= _NEAR_DAYS
        w_first, w_last = seconds
        for k in np.flatnonzero(near).tolist():
            position = int(positions[k])
            value = root.values[position]
            if not gives_times(value):
                continue  # a date: by the day, as it was
            if possible:  # widened as the day answer widened it
                value = self._widened_at(position, value, widening)
            moments = seconds_of(value)
            keep[k] = moments[lower] >= w_first and moments[upper] <= w_last
        return self._view(positions[keep])

    def _widened_at(self, position: int, value: DateValue, widening: Widening | None) -> DateValue:
        """``value``, the root's at ``position``, as "possible" answers read it: spilled by its event's policy.

        The policy given, else its event's own (its file's ``[reading]``), else the default; a timeline of
        columns has no events, and each row's policy is the default one. Bounds links set are not widened.
        """
        root = self._root
        if root.columns is not None:  # no events: each row's policy is the default one
            return spilled(value, value, policy_for(value, widening))
        own = root.events[position]
        return spilled(value, own.when, policy_for(own, widening))

    def _restrict(self, positions: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
        """Those of ``positions`` (of the whole timeline) that are in this view, ascending."""
        if self._positions is None:
            return np.sort(positions)
        return np.intersect1d(positions, self._ordered(), assume_unique=True)

    def before(
        self, when: Event | WhenLike, *, mode: ModeLike = "certain", widening: Widening | None = None
    ) -> Timeline:
        """Events that (possibly or certainly) ended on a day before ``when`` began (a second, both giving times).

        ``when`` is an event or a date; text is read as a date (pass
        ``timeline["id"]`` to mean an event). The event itself is left out.
        Each event is kept exactly when :func:`chronology.before` of it and
        ``when`` is certain (or, ``mode="possible"``, possible over the widened
        readings), or when the links put it first. ``mode`` defaults to
        "certain" here; ``chronology query --before`` asks "possibly" unless
        given ``--certain``.
        """
        return self._order(when, Mode.of(mode), widening, before=True)

    def after(
        self, when: Event | WhenLike, *, mode: ModeLike = "certain", widening: Widening | None = None
    ) -> Timeline:
        """Events that (possibly or certainly) began on a day (a second, both giving times) after ``when`` ended.

        As :meth:`before`, the other way.
        """
        return self._order(when, Mode.of(mode), widening, before=False)

    def _order(self, when: Event | WhenLike, mode: Mode, widening: Widening | None, *, before: bool) -> Timeline:
        root = self._root
        value, event = self.resolve(when)
        possible = mode is Mode.POSSIBLE
        index = root.index(widening)
        own = root.by_id.get(event.id) if event is not None else None
        if own is not None:  # the event's own bounds as indexed: narrowed, and not widened past its links
            s_lo, s_hi, e_lo, e_hi = (int(x) for x in index.ends(np.asarray([own]), widened=possible)[:, 0])
        else:
            policy = policy_for(event if event is not None else when, widening) if possible else None
            s_lo, s_hi, e_lo, e_hi = day_ends(value, policy, root.zone)
        positions = self._ordered()
        ends = index.ends(positions, widened=possible)
        if before:  # the event's end falls before the value's start
            theirs, ours = (ends[2], s_hi) if possible else (ends[3], s_lo)
            hit = theirs < ours
        else:
            theirs, ours = (ends[1], e_lo) if possible else (ends[0], e_hi)
            hit = theirs > ours
        if gives_times(value):  # events that give times too are compared to the second, as compare.before does
            self._by_the_second(positions, hit, theirs, ours, (value, event, when), mode, widening, before=before)
        chosen = positions[hit]
        network = root.network
        if own is not None and network is not None and event is not None:
            # What the links say: certain even on the same day; and impossible where they put it the other way.
            if before:
                certain = network.preceding(event.id, "start", "end", strict=True)
                blocked = network.following(event.id, "start", "end", strict=False) if possible else set()
            else:
                certain = network.following(event.id, "end", "start", strict=True)
                blocked = network.preceding(event.id, "end", "start", strict=False) if possible else set()
            if certain or blocked:
                wanted = {root.by_id[i] for i in certain}
                unwanted = {root.by_id[i] for i in blocked - certain}
                keep = np.isin(positions, np.fromiter(wanted, dtype=np.intp, count=len(wanted))) | hit
                keep &= ~np.isin(positions, np.fromiter(unwanted, dtype=np.intp, count=len(unwanted)))
                chosen = positions[keep]
        if own is not None:
            chosen = chosen[chosen != own]
        return self._view(chosen)

    def _by_the_second(
        self,
        positions: npt.NDArray[np.intp],
        hit: npt.NDArray[np.bool_],
        theirs: np.ndarray,
        ours: int,
        asked: tuple[DateValue, Event | None, object],
        mode: Mode,
        widening: Widening | None,
        *,
        before: bool,
    ) -> None:
        """Correct ``hit`` (by the day) in place for the events that give times, as ``asked`` does: by the second.

        ``theirs`` are the events' days compared with ``ours``, the question's.
        Only days within :data:`_NEAR_DAYS` can answer otherwise by the second
        (a time with an offset falls on its day in the timeline's zone, but
        compares in UTC); each event that gives times among those is compared
        exactly, by :func:`chronology.compare.before`, over the readings the
        day answer used (widened in "possible" answers).
        """
        near = np.flatnonzero(np.abs(theirs.astype(np.int64) - ours) <= _NEAR_DAYS)
        if not near.size:
            return
        root = self._root
        value, event, when = asked
        possible = mode is Mode.POSSIBLE
        if possible:  # the question's date widened as the day answer widened it
            written = event.when if event is not None else value
            value = spilled(value, written, policy_for(event if event is not None else when, widening))
        zone = self.zone
        for k in near.tolist():
            position = int(positions[k])
            theirs_value = root.values[position]
            if not gives_times(theirs_value):
                continue  # a date: compared by the day, as it was
            if possible:
                theirs_value = self._widened_at(position, theirs_value, widening)
            answer = (
                compare_before(theirs_value, value, zone=zone)
                if before
                else compare_before(value, theirs_value, zone=zone)
            )
            hit[k] = answer.possible if possible else answer.certain

    def resolve(self, when: Event | WhenLike) -> tuple[DateValue, Event | None]:
        """The date a question means by ``when``, and the event it names (None for a date).

        An event gives its date as its links narrow it; text is an event's id
        (``"@id"`` always; a bare id unless it also reads as a date, which is
        an error naming both readings) or a date, its words read in the
        timeline's :attr:`calendar` (a Julian file's "2 September 1666" is
        12 September; ISO 8601 and EDTF are Gregorian). Every query that
        takes text reads it so.

        Raises:
            UnknownEventError: ``"@id"`` names no event of the timeline.
            AmbiguousReferenceError: the text is both an id and a date.
            DateParseError: the text is neither an id nor a date; the message says both (with the
                nearest id, if one is close: ``"picket clash"`` for ``picket-clash``).

        """
        if isinstance(when, Event):
            return self._root.value(when), when
        if isinstance(when, str):
            event = self._named(when)
            if event is not None:
                return self._root.value(event), event
            try:
                return _value(when, self._root.calendar), None
            except DateParseError as error:
                raise self._neither(when, error) from None
        return _value(when, self._root.calendar), None

    def _neither(self, text: str, error: DateParseError) -> DateParseError:
        """The error for ``text`` that names no event and reads as no date: what it likelier meant, said first.

        Near an id ("picket clash" for ``picket-clash``), the id is the likelier meaning: it comes first,
        offered, then why the text is no date. Text that does not start as a date does ("picket"): the date's
        error, then that no event has that id either. Text that starts as one ("2024-02-30", "2024-13") was
        meant as a date: its error alone, as the date reader gives it.
        """
        hint = suggest(text, self._root.by_id)
        if hint:
            reason = (
                f"no event of this timeline has that id{hint} "
                f"Nor is it a date{_at_character(error.text, error.position)}: {error.reason}"
            )
            return DateParseError(text, reason)
        if error.position != 0:
            return error
        return DateParseError(error.text, f"{error.reason}; nor is it the id of an event of this timeline", position=0)

    def _named(self, text: str) -> Event | None:
        """The event ``text`` names: ``@id`` always, a bare id unless it is also a date (then an error)."""
        root = self._root
        if text.startswith("@"):
            if text[1:] not in root.by_id:
                raise UnknownEventError(f"no event {text[1:]!r} in this timeline{suggest(text[1:], root.by_id)}")
            return root.by_id_event(text[1:])
        if text not in root.by_id:
            return None
        try:
            date = _value(text, root.calendar)
        except ChronologyError:
            return root.by_id_event(text)
        raise AmbiguousReferenceError(
            f"{text!r} is both an event id of this timeline and a date ({date.label}): "
            f"write '@{text}' for the event, or the date another way ({date.label!r})"
        )

    def _window(
        self, start: Event | WhenLike | None, end: Event | WhenLike | None, which: str = "the window"
    ) -> tuple[int, int]:
        """A window's first and last day (in the timeline's zone; sentinels for an open side).

        ``which`` names the window in errors ("window 3" of many, counted as their list is).
        """
        try:
            first, last, _ = self._span(start, end, which)
        except DateParseError as error:
            if which == "the window":
                raise
            raise DateParseError(error.text, f"{error.reason} ({which})", position=error.position) from None
        return first, last

    def _span(
        self, start: Event | WhenLike | None, end: Event | WhenLike | None, which: str = "the window"
    ) -> tuple[int, int, tuple[int, int] | None]:
        """:meth:`_window`'s days, and the window's first and last second when every side given gives a time.

        The seconds are as :func:`chronology.compare.before` reads them (UTC where
        a time has an offset): events that give times too are compared by them.
        """
        if start is None or end is None:  # an open side: every day that way
            first, _, low = (
                self._span(start, start, which) if start is not None else (NEG_DAY, NEG_DAY, (NEG_INF, NEG_INF))
            )
            _, last, high = self._span(end, end, which) if end is not None else (POS_DAY, POS_DAY, (POS_INF, POS_INF))
            if low is None or high is None or start is end:  # (a side given in days; or two open sides)
                return first, last, None
            return first, last, (low[0], high[1])  # (an open side reaches past every day)
        if start.__class__ in INSTANT_CLASSES and end.__class__ in INSTANT_CLASSES:
            # two instants without an offset (a loop over many windows): their days straight from their seconds
            lo, hi = start.lo, end.hi
            if start.utc_offset is None and end.utc_offset is None and lo <= hi:
                times = (lo, hi) if start.precision in _TIMED and end.precision in _TIMED else None
                return (
                    lo // SECONDS_PER_DAY if lo > NEG_INF + 1 else NEG_DAY,
                    hi // SECONDS_PER_DAY if hi < POS_INF - 1 else POS_DAY,
                    times,
                )
        for name, given in (("start", start), ("end", end)):
            if not isinstance(given, _WHEN_CLASSES):
                raise WrongTypeError(
                    f"{which}'s {name} is a date value (chronology.parse('2024-10-18')), text, a datetime.date "
                    f"or an event, not {type(given).__name__}; None leaves that side open"
                )
        # date values go straight to their days
        start_value = start if start.__class__ in _VALUE_CLASSES else self.resolve(start)[0]
        end_value = end if end.__class__ in _VALUE_CLASSES else self.resolve(end)[0]
        assert isinstance(start_value, UncertainDate | Interval)
        assert isinstance(end_value, UncertainDate | Interval)
        first = day_ends(start_value, zone=self._root.zone)[0]
        last = day_ends(end_value, zone=self._root.zone)[3]
        seconds = None
        if gives_times(start_value) and gives_times(end_value):
            seconds = (seconds_of(start_value)[0], seconds_of(end_value)[3])
        if first > last or (seconds is not None and seconds[0] > seconds[1]):
            raise InvalidDateError(
                f"{which} ends ({end_value.label}) before it starts ({start_value.label}); give the start first"
            )
        return first, last, seconds

    def concurrent(self, event: Event | str, *, widening: Widening | None = None) -> Timeline:
        """Events that could have happened at the same time as ``event`` (sharing a day), itself left out."""
        if not isinstance(event, Event | str):
            raise WrongTypeError(f"concurrent() takes an event or its id, not {type(event).__name__}")
        target = self[event] if isinstance(event, str) else event
        s_lo, _, _, e_hi = day_ends(self._root.value(target), policy_for(target, widening), self._root.zone)
        index = self._root.index(widening)
        positions = self._restrict(index.overlapping(s_lo, e_hi, Mode.POSSIBLE))
        own = self._root.by_id.get(target.id)
        return self._view(positions[positions != own] if own is not None else positions)

    def filter(
        self,
        *,
        tags: str | Iterable[str] | None = None,
        kind: str | Iterable[str] | None = None,
        actors: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        text: str | None = None,
    ) -> Timeline:
        """Events that match every criterion given.

        Args:
            tags: any of these tags.
            kind: one of these kinds.
            actors: any of these actors.
            source: cited by (or claimed in) any of these sources.
            text: this text, ignoring case, in the id, title, summary or a quote.

        Warns:
            ChronologyWarning: a tag, kind, actor or source given is that of no event of the
                timeline, but near one that is ("strikes" where a kind is "strike"): the warning
                names it. The answer is kept as it is; a value near none warns of nothing.

        """
        wanted_tags = _names(tags)
        kinds = _names(kind)
        wanted_actors = _names(actors)
        sources = _names(source)
        if text is not None and not isinstance(text, str):
            raise WrongTypeError(f"filter(text=...) takes text, not {type(text).__name__}")
        needle = text.casefold() if text is not None else None
        events = self._root.events
        chosen = []
        for position in self._ordered().tolist():
            event = events[position]
            if wanted_tags is not None and wanted_tags.isdisjoint(event.tags):
                continue
            if kinds is not None and event.kind not in kinds:
                continue
            if wanted_actors is not None and wanted_actors.isdisjoint(event.actors):
                continue
            if sources is not None and sources.isdisjoint(_cited(event)):
                continue
            if needle is not None and needle not in _haystack(event):
                continue
            chosen.append(position)
        self._warn_unmatched(chosen, {"tags": wanted_tags, "kind": kinds, "actors": wanted_actors, "source": sources})
        return self._view(np.asarray(chosen, dtype=np.intp))

    def _warn_unmatched(self, chosen: list[int], wanted: Mapping[str, set[str] | None]) -> None:
        """Warn of each value given to :meth:`filter` that no event of the timeline has, but one near it does.

        "strikes" where the kind is "strike" is likely a slip: a :class:`ChronologyWarning` names the
        nearest value. A value near none ("nothing") asks a question whose empty answer is meant; a value
        some event has is not looked at further. The common case costs a look at the answer's events.
        """
        events = self._root.events
        for criterion, names in wanted.items():
            if not names:
                continue
            having, values_of = _FILTERED[criterion]
            missing = set(names)
            for position in chosen:  # each value found in the answer: nothing to say
                missing.difference_update(values_of(events[position]))
                if not missing:
                    break
            if not missing:
                continue
            known = set().union(*(values_of(event) for event in events)) - {""}
            if criterion == "source":
                known |= set(self._root.sources)  # a source cited by no event is still a name of this timeline
            for name in sorted(missing - known):
                hint = suggest(name, known)
                if hint:
                    warnings.warn(
                        f"filter({criterion}=...): no event {having} {name!r}{hint}",
                        ChronologyWarning,
                        stacklevel=3,  # the caller of filter
                    )

    def select(self, ids: Iterable[str]) -> Timeline:
        """The events with these ids, in this timeline's order.

        Raises:
            UnknownEventError: an id names no event of this timeline (a ``KeyError``; the message suggests near ids).

        """
        wanted = {self[event_id].id for event_id in ids}
        positions = [p for p in self._ordered().tolist() if self._root.events[p].id in wanted]
        return self._view(np.asarray(positions, dtype=np.intp))

    # -- partial order ----------------------------------------------------------------------------

    def relate(self, a: Event | WhenLike, b: Event | WhenLike, *, widening: Widening | None = None) -> Relationship:
        """What is known of the order of ``a`` and ``b`` (events, ids or dates), with this timeline's links.

        Events are compared by their narrowed dates; a chain of links that puts
        one before the other makes that certain even on the same day, and says
        why (its ``because``). Odds are
        conditioned on such a chain (see :func:`chronology.compare.relationship`).
        An id is read as in :meth:`before` (``@id`` always means the event).

        ``widening``: as in the "possible" queries (:meth:`overlapping`):
        approximate (and, by the policy, uncertain) dates spill over their
        bounds by it, else by each event's own policy (its file's
        ``[reading]``), else by :data:`~chronology.DEFAULT_WIDENING`, never past
        a bound a link sets. Every answer (certainty, relations, odds) is over
        those readings, so ``relate`` never says "certain" where a "possible"
        query finds the other way possible; pass
        :data:`~chronology.NO_WIDENING` for the stated bounds only. The
        answer's ``a`` and ``b`` are the dates as stated (narrowed), not widened.
        """
        (value_a, event_a), (value_b, event_b) = self.resolve(a), self.resolve(b)
        if event_a is not None and event_a is event_b:  # one event, one moment
            none = Fraction(0)
            same = frozenset({Relation.EQUALS})
            return Relationship(
                value_a, value_b, Certainty.IMPOSSIBLE, Certainty.IMPOSSIBLE, same, Probabilities(none, none, 1 - none)
            )
        wide = [  # an event from what its file wrote, by its own policy; a date by the one given (else the default)
            spilled(value, value, policy_for(value, widening))
            if event is None
            else spilled(value, event.when, policy_for(event, widening))
            for value, event in ((value_a, event_a), (value_b, event_b))
        ]
        known = self._related(wide[0], event_a, wide[1], event_b)
        if wide[0] is value_a and wide[1] is value_b:
            return known
        return attrs.evolve(known, a=value_a, b=value_b)

    def _related(
        self, value_a: DateValue, event_a: Event | None, value_b: DateValue, event_b: Event | None
    ) -> Relationship:
        """:meth:`relate` of two values (read by the widening), the events they are of (None: a date)."""
        network = self._root.network
        zone = self.zone
        if network is None or event_a is None or event_b is None or event_a.id not in self._root.by_id:
            return relationship(value_a, value_b, zone=zone)
        if event_b.id not in self._root.by_id:
            return relationship(value_a, value_b, zone=zone)
        sides: tuple[Side, Side] = ("start", "end")
        given: list[tuple[Moment, Moment]] = []
        for x in sides:
            for y in sides:
                if network.at_most((event_a.id, x), (event_b.id, y)):
                    given.append((("a", x), ("b", y)))
                if network.at_most((event_b.id, y), (event_a.id, x)):
                    given.append((("b", y), ("a", x)))
        by_dates = relationship(value_a, value_b, zone=zone, given=given)
        if Certainty.CERTAIN in (by_dates.before, by_dates.after):
            return by_dates  # the (narrowed) dates decide it: no chain of links to name
        chain = network.order(event_a.id, event_b.id)
        if chain is not None:
            return relationship(value_a, value_b, zone=zone, given=given, first="a", because=chain)
        chain = network.order(event_b.id, event_a.id)
        if chain is not None:
            return relationship(value_a, value_b, zone=zone, given=given, first="b", because=chain)
        if Certainty.IMPOSSIBLE in (by_dates.before, by_dates.after):
            # a way the dates allow but the links rule out ("a report is not before what it reports"): say which
            plain = relationship(value_a, value_b, zone=zone)
            for way, ruled, (second, first) in (
                ("before", by_dates.before, (event_b.id, event_a.id)),
                ("after", by_dates.after, (event_a.id, event_b.id)),
            ):
                if ruled is Certainty.IMPOSSIBLE and getattr(plain, way) is not Certainty.IMPOSSIBLE:
                    found = network.no_later((second, "start"), (first, "end"))
                    if found:
                        return attrs.evolve(by_dates, because=found)
        return by_dates

    def precedence(self) -> Precedence:
        """The "certainly before" order of the events, and its layers.

        By the (narrowed) dates, without the edges implied by others; and each
        order link (``after``, ``before``) the dates do not already imply, even
        between events on the same day.
        """
        positions = self._ordered()
        ends = self._root.index(DEFAULT_WIDENING).ends(positions)
        starts, finishes = ends[0].astype(np.int64), ends[3].astype(np.int64)
        ids = [self._root.events[i].id for i in positions.tolist()]
        by_start = np.argsort(starts, kind="stable")
        sorted_starts = starts[by_start]
        # next_end[k]: the earliest finish among events starting at or after sorted position k
        next_end = np.minimum.accumulate(finishes[by_start][::-1])[::-1] if len(ids) else finishes
        edges: list[tuple[str, str]] = []
        for i in range(len(ids)):
            first_after = int(np.searchsorted(sorted_starts, finishes[i], side="right"))
            if first_after >= len(ids) or finishes[i] >= POS_DAY:
                continue
            cover = next_end[first_after]  # no event lies between i and a successor starting after `cover`
            stop = int(np.searchsorted(sorted_starts, cover, side="right"))
            for k in by_start[first_after:stop].tolist():
                edges.append((ids[i], ids[k]))
        network = self._root.network
        if network is None:
            return Precedence(tuple(sorted(edges)), _layers(ids, starts, finishes))
        # What the links say, even of events on one day: each order link the dates do not already imply.
        place = {event_id: k for k, event_id in enumerate(ids)}
        for earlier, later in network.order_links():
            first, then = place.get(earlier), place.get(later)
            if first is not None and then is not None and not finishes[first] < starts[then]:
                edges.append((earlier, later))
        return _layered(ids, edges)

    # -- pictures ---------------------------------------------------------------------------------

    def to_png(self, path: str | os.PathLike[str], **options: Any) -> Path:
        """Draw the timeline (see :func:`chronology.plot.plot_timeline` for ``options``) and write it.

        The format follows the extension: ``.png``, ``.svg`` or ``.pdf``. The
        same timeline and options give the same bytes.
        """
        from chronology.plot import plot_timeline, save_figure

        drawn = plot_timeline(self, **options)
        return save_figure(drawn.figure, path)

    def _repr_png_(self) -> bytes:
        """The timeline as a picture, for Jupyter."""
        import io

        from chronology.plot import plot_timeline

        buffer = io.BytesIO()
        plot_timeline(self).figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The picture and a table of the events, for Jupyter (the picture drawn once for both)."""
        from chronology.exchange.html import to_html

        picture = self._repr_png_()  # any year can be drawn
        return {
            "text/plain": repr(self),
            "text/html": to_html(self, max_rows=_NOTEBOOK_ROWS, picture=picture),
            "image/png": picture,
        }

    # -- other formats ----------------------------------------------------------------------------

    def to_pandas(self) -> pandas.DataFrame:
        """The events as a pandas DataFrame, one row per event (see :mod:`chronology.exchange.frame`).

        Raises:
            ImportError: pandas is not installed (``pip install 'chronology[pandas]'``).

        """
        from chronology.exchange.frame import to_pandas

        return to_pandas(self)

    # -- narrowing and claims ---------------------------------------------------------------------

    def to_arrow(self) -> pyarrow.Table:
        """The events in the columnar form, as an Arrow table (see :mod:`chronology.exchange.arrow`).

        Raises:
            MissingExtraError: pyarrow is not installed (``pip install "chronology[parquet]"``).

        """
        from chronology.exchange.arrow import to_arrow

        return to_arrow(self)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the events in the columnar form to a Parquet file (atomically); :func:`chronology.load` reads it back.

        Raises:
            MissingExtraError: pyarrow is not installed (``pip install "chronology[parquet]"``).

        """
        from chronology.exchange.arrow import write_parquet

        write_parquet(self, path)

    def narrowed(self, event_id: str) -> DateValue:
        """The event's date once its links are taken into account: a date value of the same kind as its ``when``.

        Events without links, or whose links narrow nothing, keep their date as
        written (the same value). Every query of the timeline uses these dates;
        pass them to the free functions (:func:`chronology.before`...) for the
        same sharper answers.
        """
        return self._root.value(self[event_id])

    def narrowed_by(self, event_id: str) -> tuple[Link, ...]:
        """The links that narrow the event's date (none when they narrow nothing)."""
        event = self[event_id]
        network = self._root.network
        if network is None or self._root.value(event) is event.when:
            return ()
        return network.why(event_id)

    def narrowed_days(self, event_id: str) -> tuple[int | None, int | None]:
        """First and last day number the event can occupy, narrowed (``None``: an open or unknown end)."""
        when = self.narrowed(event_id)
        first, _, _, last = day_ends(when, zone=self._root.zone)
        start, end = (when, when) if isinstance(when, UncertainDate) else (when.start, when.end)
        open_start = not isinstance(start, UncertainDate) or start.open_before
        open_end = not isinstance(end, UncertainDate) or end.open_after
        return (None if open_start else first), (None if open_end else last)

    def publication(self, source_id: str) -> Publication:
        """When a source was published: its ``published``, else the bounds the events it tells give it.

        An undated source is not published before an event it tells in the past
        tense began (the default tense), nor after one it announces
        (``tense = "future"``) began; its ``published_after`` and
        ``published_before`` name events outright. The links behind each bound
        say why.

        Raises:
            UnknownEventError: no such source (a ``KeyError``; the message suggests near ids).

        """
        if not isinstance(source_id, str):
            raise WrongTypeError(f"a source is found by its id (text), not {type(source_id).__name__}")
        source = self._root.sources.get(source_id)
        if source is None:
            raise UnknownEventError(f"no source {source_id!r} in this timeline{suggest(source_id, self._root.sources)}")
        if source.published is not None:
            return Publication(source.published)
        known = self._root.publications.get(source_id)
        if known is None:
            known = self._root.publications[source_id] = self._inferred_publication(source)
        return known

    def _inferred_publication(self, source: Source) -> Publication:
        """An undated source's publication, as :meth:`publication` gives it (worked out anew)."""
        lo, hi, after, before = publication(source, self._root.events, self._root.value, self._root.zone)
        if lo <= OPEN_LO and hi >= OPEN_HI:
            return Publication(None)
        reasons = (after,) if after is not None else (), (before,) if before is not None else ()
        if lo > hi:
            return Publication(None, True, *reasons)
        day = SECONDS_PER_DAY  # days of the timeline's zone
        frame = Frame(self._root.zone)
        first = lo if lo <= OPEN_LO else frame.wall(lo) // day * day
        last = hi if hi >= OPEN_HI else frame.wall(hi) // day * day + day - 1
        return Publication(UncertainDate.from_seconds(first, last, Precision.DAY), True, *reasons)

    def claims(self, subject: str | None = None) -> list[tuple[Event, Claim]]:
        """Every claim, with the event that holds it, optionally only those about ``subject``."""
        return [
            (event, claim) for event in self for claim in event.claims if subject is None or claim.subject == subject
        ]

    def said(self, event: Event, claim: Claim) -> DateValue:
        """When ``claim`` was said, as far as the record shows (:meth:`said_from` says which rule gave it).

        1. Its own ``said``, where it gives one.
        2. Else, where the event holding it is a saying (its ``kind`` one of
           ``chronology.events.SAYING_KINDS``: "statement", "report",
           "interview"...), the event's date: the claim was said when the event
           happened, whenever a source reported it.
        3. Else, where it names a ``source`` of this timeline whose publication is
           known, that date: the claim is on record as of the day its source
           reports it (a historian's 1996 estimate of the deaths of 1665, a
           November article's figure for troops that arrived in October). That is
           the source's ``published``; for an undated source, the days
           :meth:`publication` works out from its links and the events it
           reports, where they bound it on both sides.
        4. Else the date of the event holding it (``event``'s ``when``).

        An undated source bounded on one side only (not before an event it
        reports in the past tense: the usual case) or not at all gives no date
        to say it on: "on or after 29 October 2024" has no end to draw, sort or
        label by, so the event's date stands.
        """
        return self._said(event, claim)[0]

    def said_from(self, event: Event, claim: Claim) -> Literal["claim", "source", "event"]:
        """Which rule of :meth:`said` dates ``claim``: ``"claim"`` (its own ``said``), ``"source"`` or ``"event"``.

        ``"source"``: the claim gives no ``said`` and :meth:`said` is its
        source's publication; ``"event"``: :meth:`said` is the date of the event
        holding it (a saying, or no source's date is known). The exports and the claims chart say
        which after a date they did not find in the claim itself.
        """
        return self._said(event, claim)[1]

    def _said(self, event: Event, claim: Claim) -> tuple[DateValue, Literal["claim", "source", "event"]]:
        """:meth:`said` and :meth:`said_from` at once."""
        if claim.said is not None:
            return claim.said, "claim"
        if event.kind.lower() in SAYING_KINDS:
            return event.when, "event"
        source = None if claim.source is None else self._root.sources.get(claim.source)
        if source is not None:
            if source.published is not None:
                return source.published, "source"
            published = self.publication(source.id).value  # worked out once a source, then kept
            if published is not None and not (published.open_before or published.open_after):
                return published, "source"
        return event.when, "event"


class _Values(Sequence[DateValue]):
    """The dates of a timeline of columns, made row by row as asked for."""

    def __init__(self, columns: Columns) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns)

    @overload
    def __getitem__(self, index: int) -> DateValue: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DateValue]: ...

    def __getitem__(self, index: int | slice) -> DateValue | Sequence[DateValue]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        return self._columns[index].when


def _keeping_links(events: list[Event], network: Network | None) -> list[Event]:
    """``events`` (in a documented order) with every order link kept: an event listed after those it follows.

    Dates with an open side sort at their known bound ("by 1455" at the end of 1455), which can put an
    event before one its file says it follows. Each such event moves down to just after the last event it
    follows; events without links keep their places (a topological order taking the given one wherever
    the links allow).
    """
    if network is None or len(events) < 2:
        return events
    place = {event.id: k for k, event in enumerate(events)}
    after: dict[int, list[int]] = {}
    waiting = [0] * len(events)
    for earlier, later in network.order_links():
        a, b = place.get(earlier), place.get(later)
        if a is not None and b is not None and a != b:
            after.setdefault(a, []).append(b)
            waiting[b] += 1
    if not after:
        return events
    ready = [k for k, count in enumerate(waiting) if count == 0]
    heapq.heapify(ready)
    ordered: list[Event] = []
    while ready:
        k = heapq.heappop(ready)
        ordered.append(events[k])
        for b in after.get(k, ()):
            waiting[b] -= 1
            if waiting[b] == 0:
                heapq.heappush(ready, b)
    return ordered if len(ordered) == len(events) else events  # (a cycle of links is refused on loading)


def _mode_for(mode: ModeLike | None, *, within: bool) -> Mode:
    """A counting question's mode: the one given, else that of the query it counts (within: certain)."""
    if mode is None:
        return Mode.CERTAIN if within else Mode.POSSIBLE
    return Mode.of(mode)


def _layers(ids: list[str], starts: np.ndarray, finishes: np.ndarray) -> tuple[tuple[str, ...], ...]:
    """Longest-path layers of the interval order ``finish(a) < start(b)``, in O(n log n)."""
    layer = [0] * len(ids)
    finished: list[tuple[int, int]] = []  # (finish, index) of events already placed
    best = -1
    for i in np.argsort(starts, kind="stable").tolist():
        while finished and finished[0][0] < starts[i]:
            _, j = heapq.heappop(finished)
            best = max(best, layer[j])
        layer[i] = best + 1
        heapq.heappush(finished, (int(finishes[i]), i))
    grouped: dict[int, list[str]] = {}
    for i, number in enumerate(layer):
        grouped.setdefault(number, []).append(ids[i])
    return tuple(tuple(grouped[n]) for n in sorted(grouped))


def _layered(ids: list[str], edges: list[tuple[str, str]]) -> Precedence:
    """The precedence of an acyclic "before" relation given as edges: longest-path layers, in O(n + e)."""
    number = {event_id: k for k, event_id in enumerate(ids)}
    following: list[list[int]] = [[] for _ in ids]
    waiting = [0] * len(ids)
    kept = sorted(set(edges))
    for earlier, later in kept:
        following[number[earlier]].append(number[later])
        waiting[number[later]] += 1
    ready = [k for k in range(len(ids)) if waiting[k] == 0]
    layer = [0] * len(ids)
    while ready:
        k = ready.pop()
        for j in following[k]:
            layer[j] = max(layer[j], layer[k] + 1)
            waiting[j] -= 1
            if waiting[j] == 0:
                ready.append(j)
    grouped: dict[int, list[str]] = {}
    for k, event_id in enumerate(ids):
        grouped.setdefault(layer[k], []).append(event_id)
    return Precedence(tuple(kept), tuple(tuple(grouped[n]) for n in sorted(grouped)))


def _names(value: str | Iterable[str] | None) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {value}
    if isinstance(value, bytes | Mapping) or not isinstance(value, Iterable):
        raise WrongTypeError(f"a filter takes a name (text) or several, not {type(value).__name__}")
    names = list(value)
    for name in names:
        if not isinstance(name, str):
            raise WrongTypeError(f"a filter takes names as text, not {type(name).__name__}")
    return set(names)


def _cited(event: Event) -> set[str]:
    return {c.source for c in event.citations} | {c.source for c in event.claims if c.source is not None}


#: By criterion of :meth:`Timeline.filter`: how an event holds one value of it ("has kind"), and its values of it.
_FILTERED: Final[Mapping[str, tuple[str, Callable[[Event], Iterable[str]]]]] = {
    "tags": ("has tag", lambda event: event.tags),
    "kind": ("has kind", lambda event: (event.kind,)),
    "actors": ("has actor", lambda event: event.actors),
    "source": ("cites source", _cited),
}


def _haystack(event: Event) -> str:
    quotes = " ".join(c.quote for c in event.citations)
    return f"{event.id} {event.title} {event.summary} {quotes}".casefold()


_VALUE_CLASSES: Final = frozenset({*INSTANT_CLASSES, Interval})  # values as built, read as they are
#: The precisions that give a time of day (``Precision.has_time``, without its cost: about 0.3 us a call).
_TIMED: Final = tuple(precision for precision in Precision if precision.has_time)
#: By (within, possibly): which of an event's bounds (start first/last, end first/last) must fall on or after a
#: window's start, and which on or before its end, for the event to be in its answer.
_WINDOW_ROWS: Final = {
    (False, True): (3, 0),  # possibly overlapping: its last end on or after the start, its first start before the end
    (False, False): (2, 1),  # certainly overlapping: its first end, and its last start
    (True, True): (1, 2),  # possibly within: its last start, and its first end
    (True, False): (0, 3),  # certainly within: its first start, and its last end
}
#: What a window's start or end may be (besides None, an open side).
_WHEN_CLASSES: Final = (UncertainDate, Interval, Event, str, datetime.date)


def _value(when: WhenLike, calendar: Calendar = "gregorian") -> DateValue:
    """A date given to a query; text is read with its dates in words in ``calendar`` (ISO and EDTF: Gregorian)."""
    from chronology.notation import as_value, parse

    if calendar != "gregorian" and when.__class__ is str:
        assert isinstance(when, str)
        return parse(when, calendar=calendar)
    return as_value(when)


def _check_calendar(calendar: object) -> None:
    """Refuse a calendar that is not one of the two, naming them."""
    if calendar not in ("gregorian", "julian"):
        raise InvalidDateError(
            f"calendar {calendar!r} is not one this library reads{suggest(str(calendar), ['gregorian', 'julian'])}; "
            "expected 'gregorian' or 'julian' (Old Style, for dates in words)"
        )


def _moved(stated: DateValue, narrowed: DateValue) -> tuple[bool, bool, bool, bool]:
    """Which bounds (start first, start last, end first, end last) the links moved."""
    if isinstance(stated, UncertainDate) and isinstance(narrowed, UncertainDate):
        lo, hi = narrowed.lo != stated.lo, narrowed.hi != stated.hi
        return lo, hi, lo, hi
    assert isinstance(stated, Interval)
    assert isinstance(narrowed, Interval)
    (a, b), (c, d) = stated.start_bounds, stated.end_bounds
    (w, x), (y, z) = narrowed.start_bounds, narrowed.end_bounds
    return a != w, b != x, c != y, d != z


def _moments(value: DateValue) -> tuple[int, int]:
    """Earliest and latest moment for sorting; a date with one side open ("before 1456") sorts at its known bound."""
    if value.__class__ is not Interval:
        assert isinstance(value, UncertainDate)
        shift = value.utc_offset or 0  # instants compare in UTC
        if value.lo <= OPEN_LO:
            return value.hi - shift, value.hi - shift
        if value.hi >= OPEN_HI:
            return value.lo - shift, value.lo - shift
        return value.lo - shift, value.hi - shift
    assert isinstance(value, Interval)
    start = value.start.utc_offset or 0 if isinstance(value.start, UncertainDate) else 0
    end = value.end.utc_offset or 0 if isinstance(value.end, UncertainDate) else 0
    lo, hi = value.lo, value.hi
    return (lo if lo <= NEG_INF + 1 else lo - start), (hi if hi >= POS_INF - 1 else hi - end)


def _midpoint(lo: int, hi: int) -> int:
    if lo <= NEG_INF + 1:
        return NEG_INF if hi >= POS_INF - 1 else hi
    if hi >= POS_INF - 1:
        return lo
    return (lo + hi) // 2
