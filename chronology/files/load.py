"""Reading event files: TOML in, a checked :class:`~chronology.Timeline` out.

The text is read with rtoml (a strict TOML 1.0 reader in Rust, about six
times faster than :mod:`tomllib`); edits go through tomlkit elsewhere. Every problem is
collected, not only the first, and placed in the file: positions come from
:func:`~chronology.files._locate.locate`, which scans the text only when a
problem needs a place.

This module holds the loader's public functions and the order of a reading; each part of the
reading has a module of its own beside it (``_includes``, ``_checks``, ``_reading``, ``_dates``,
``_sources``, ``_claims``, ``_event_fields``, and ``_state``, ``_regular`` and ``_toml``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from chronology._collector import paused
from chronology.consistency import check, far_before_anchor
from chronology.constraints import loader_readings
from chronology.dates import DateValue
from chronology.errors import DatasetError, EventFileError, Problem, WrongTypeError
from chronology.events import ID_PATTERN as ID_PATTERN
from chronology.events import Claim, Event, Source
from chronology.files._checks import _ID_MATCH, _all_ids, _sound
from chronology.files._checks import _PROSE_OF as _PROSE_OF
from chronology.files._common_event import _plain_fields
from chronology.files._dates import _DATE_TYPES
from chronology.files._event_fields import _common_event, _EventFields
from chronology.files._includes import _NUL_IN_NAME, _Includes
from chronology.files._locate import Spot
from chronology.files._regular import file_kind as file_kind
from chronology.files._regular import read_regular as read_regular
from chronology.files._sources import _Sources
from chronology.files._state import KeyPath as KeyPath
from chronology.files._state import PathLike as PathLike
from chronology.files._state import _File as _File
from chronology.files._state import _Record as _Record
from chronology.files._toml import _MAYBE_SURROGATE
from chronology.files._toml import not_unicode_problem as not_unicode_problem
from chronology.files._toml import year_zero_at as year_zero_at
from chronology.files._toml import year_zero_message as year_zero_message
from chronology.files.schema import CITATION_KEYS as CITATION_KEYS
from chronology.files.schema import CLAIM_KEYS, EVENT_KEYS, REQUIRED, TOP_KEYS, describe
from chronology.files.schema import SOURCE_KEYS as SOURCE_KEYS
from chronology.notation import Calendar
from chronology.relative import RelativeDate
from chronology.timeline import Timeline
from chronology.zones import zone_named

# The names imported "as" themselves are kept here for those who import them from the loader: the public ones of
# its parts (KeyPath, read_regular, year_zero_message...), and what the loader's tests look at.

__all__ = ["is_parquet", "load", "load_document", "load_text", "validate"]

_EVENT_REQUIRED: Final = REQUIRED["event"]
_CLAIM_REQUIRED: Final = REQUIRED["claim"]


def load(paths: PathLike | Iterable[PathLike], *, allow_outside: bool = False) -> Timeline:
    """Read one or more event files (and what they include) into a checked timeline.

    A Parquet file in the columnar form (or a folder of them) is read too,
    into memory (see :mod:`chronology.exchange.parquet`; it needs the
    ``parquet`` extra); to query one without reading it, see :func:`chronology.scan`.

    Args:
        paths: an event file, or several, read as one chronology; or one Parquet file or folder.
        allow_outside: let ``include`` reach files outside the including file's folder.

    Raises:
        EventFileError: listing every problem found, each placed as
            ``path:line:column: event 'id', field 'when': message``.
        DatasetError: a Parquet file that does not hold the columnar form, or
            Parquet given with other files.

    Warns:
        ChronologyWarning: a date in words read in the Julian calendar (``calendar = "julian"``) falls
            after 14 September 1752, when Britain took up the Gregorian: a modern date in an Old Style
            file, most often a modern edition's ``published`` (give that source ``calendar = "gregorian"``).
            Placed as problems are. :func:`validate` warns, besides, of an event's ``when`` written in
            ISO/EDTF (always Gregorian) in a file read in the Julian calendar, before 14 September 1752:
            "1665" is the Gregorian year, "in 1665" the Old Style one (once a file, with the count).

    """
    given = _as_list(paths)
    parquet = [path for path in given if is_parquet(path)]
    if parquet:
        from chronology.exchange.parquet import read_parquet

        if len(given) > 1:
            raise DatasetError(
                f"{os.fspath(parquet[0])}: a Parquet file (or folder) is read by itself, not with other files"
            )
        return read_parquet(parquet[0])
    return load_with_files(given, allow_outside=allow_outside)[0]


def is_parquet(path: PathLike) -> bool:
    """Whether a path names Parquet: a ``.parquet`` file, or a folder of them."""
    target = Path(path)
    return target.suffix.lower() == ".parquet" or (target.is_dir() and any(target.glob("*.parquet")))


def load_with_files(
    paths: PathLike | Iterable[PathLike], *, allow_outside: bool = False
) -> tuple[Timeline, tuple[Path, ...]]:
    """As :func:`load`, and every file read (those named and those they include), as resolved paths.

    Raises:
        EventFileError: as :func:`load` does.

    """
    reader = _Reader(allow_outside=allow_outside)
    with paused():  # the parsed tables, events and dates hold no cycles: no collector passes over them
        timeline = reader.read(_as_list(paths))
        problems = reader.sorted_problems() if reader.problems or timeline is None else None
        files = tuple(reader.files)
        # The parsed tables are freed while the collector still waits: its first pass after the pause walks every
        # object made during it, and need not walk these (at 10^5 events, about half of them).
        del reader
    if problems is not None or timeline is None:
        raise EventFileError(problems or ())
    return timeline, files


def validate(paths: PathLike | Iterable[PathLike], *, allow_outside: bool = False) -> tuple[Problem, ...]:
    """Every problem in the event files (and what they include); empty when they are sound.

    Every problem :func:`load` reports, and one more that it does not: a date
    worded without a year ("November 13") that the past-tense rule puts a
    year back, more than about six months (183 days) before the source it is
    read from. It may be meant: writing its year ("November 13, 2023") says so.

    A Parquet file (or folder) given alone is checked as the columnar form:
    its schema, unique ids, days in order, narrowed days inside the possible
    ones, and the events' records.
    """
    given = _as_list(paths)
    if len(given) == 1 and is_parquet(given[0]):
        from chronology.exchange.parquet import problems_in

        return problems_in(given[0])
    reader = _Reader(allow_outside=allow_outside, validating=True)
    reader.read(given)
    return reader.sorted_problems()


def load_text(path: PathLike, text: str, *, allow_outside: bool = False) -> Timeline:
    """Read ``text`` as if it were the content of ``path`` (its includes are read from disk)."""
    reader = _Reader(allow_outside=allow_outside, overrides={Path(path).resolve(): text})
    timeline = reader.read([path])
    if reader.problems or timeline is None:
        raise EventFileError(reader.sorted_problems())
    return timeline


def load_document(
    document: object,
    *,
    path: str,
    text: str = "",
    locator: Callable[[str], dict[KeyPath, Spot]] | None = None,
    top_keys: Mapping[str, str] | None = None,
) -> Timeline:
    """Read an event file's content already parsed (from JSON, say) with the checks and messages of :func:`load`.

    Args:
        document: what a parser gave: a mapping in the event file's shape
            (``title``, ``sources``, ``events``); its ``include`` is not followed.
        path: how problems name the document (``data.json``).
        text: the text it was parsed from, for ``locator``.
        locator: maps key paths (``("events", 3, "when")``) to where they are
            written in ``text``; problems are not given lines without one.
        top_keys: the keys allowed at the top level and their shapes; by
            default the event file's, without ``include``.

    Raises:
        EventFileError: listing every problem found.

    """
    known = top_keys if top_keys is not None else {k: v for k, v in TOP_KEYS.items() if k != "include"}
    reader = _Reader(allow_outside=False)
    timeline = reader.read_document(path, document, text, locator or (lambda _: {}), known)
    if reader.problems or timeline is None:
        raise EventFileError(reader.sorted_problems())
    return timeline


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, str | os.PathLike):
        return [paths]
    given: object = paths  # typed as paths, but callers may pass anything
    if isinstance(given, bytes) or not isinstance(given, Iterable):
        raise WrongTypeError(f"event files are named by paths (text or os.PathLike), not {type(given).__name__}")
    found = list(paths)
    for path in found:
        if not isinstance(path, str | os.PathLike):
            raise WrongTypeError(f"event files are named by paths (text or os.PathLike), not {type(path).__name__}")
    return found


class _Reader(_EventFields, _Sources, _Includes):
    """One reading of event files: each part's job in a module of its own, the order and the quick routes here.

    Files and includes (``_includes``), the checks (``_checks``), ``[reading]`` (``_reading``),
    dates (``_dates``), sources (``_sources``), claims (``_claims``) and the fields of an event
    (``_event_fields``); here, the order they are read in, and the quick routes by which the common
    table, event and claim pass every check in one go (the full reading says what is wrong).
    """

    def read(self, paths: list[PathLike]) -> Timeline | None:
        for path in paths:
            if "\x00" in os.fspath(path):
                self._unreadable(None, repr(os.fspath(path)), _NUL_IN_NAME)
                continue
            root = Path(path).resolve().parent
            self._read_tree(str(path), root)
        return self._build()

    def read_document(
        self,
        name: str,
        document: object,
        text: str,
        locator: Callable[[str], dict[KeyPath, Spot]],
        known: Mapping[str, str],
    ) -> Timeline | None:
        """Read a document parsed elsewhere, as if it were one file named ``name``; nothing is included."""
        file = _File(name, Path(name), text, len(self.files), locator=locator)
        self.files[file.path] = file
        self.named.append(file)
        if not isinstance(document, dict):
            self.problems.append((file, (), Problem(f"expected a table at the top level, got {describe(document)}")))
            return None
        self._top(file, document, known)
        if not text or _MAYBE_SURROGATE.search(text) is not None:
            self._lone_surrogates(file, document)
        return self._build()

    def _build(self) -> Timeline | None:
        sources = self._sources()
        events = self._events(sources)
        root = next(iter(self.files.values()), None)  # the first file named: its zone is the timeline's day zone
        zone = None if root is None or root.zone is None else zone_named(root.zone)
        # Records not built (each record builds one event at most): their ids are not reported as unknown.
        other_events: list[str] = []
        if len(events) < len(self.events):
            built = {event.id for event in events}
            other_events = [r.id for r in self.events if r.id is not None and r.id not in built]
        other_sources: list[str] = []
        if len(sources) < len(self.sources):
            other_sources = [r.id for r in self.sources if r.id is not None and r.id not in sources]
        with loader_readings(self._read_from):
            result = check(
                events, list(sources.values()), other_events=other_events, other_sources=other_sources, zone=zone
            )
        for problem in result.problems:
            if problem.field == "anchor":
                continue  # anchors are checked, and placed, while dates are resolved
            self._place(problem)
        if self.validating:  # a date a year back may be meant: validate asks for its year, load reads it
            for problem in far_before_anchor(events, sources.values(), calendars=self._anchor_calendars()):
                self._place(problem)
        if self.validating or not self.problems:  # validate says them with its problems
            if self._after_reform:
                self._warn_after_reform()
            # a caution, not a fault (notation in an Old Style file may be meant as Gregorian): validate's alone
            if self.validating and (
                any(file.calendar == "julian" for file in self.files.values())
                or any(calendar == "julian" for calendar, _ in self._source_readings.values())
            ):
                self._warn_iso_in_julian()
        if self.problems:
            return None
        calendars = tuple((file.name, file.calendar) for file in self.named)
        # text given to the timeline's queries is read in the files' calendar; in Gregorian where they differ
        calendar: Calendar = "julian" if calendars and all(c == "julian" for _, c in calendars) else "gregorian"
        return Timeline._checked(
            events, list(sources.values()), self.title, result, None if root is None else root.zone, calendar, calendars
        )

    def _events(self, sources: Mapping[str, Source]) -> list[Event]:
        records: dict[str, _Record] = {}
        readable: list[_Record] = []
        unreadable: set[int] = set()  # events with other problems: their ids may still be taken twice
        cited, names = self._cited, self._names
        for record in self.events:
            plain = _plain_fields(record.table, cited, names)
            if plain is not None:  # the common event: built below without another look at its table
                record.plain = plain
                readable.append(record)
                continue
            if not _sound(record.table, EVENT_KEYS, _EVENT_REQUIRED) and not self._checked_table(
                record, record.where, record.table, EVENT_KEYS, "event", ""
            ):
                self._unreadable_when(record)
                unreadable.add(id(record))
                continue
            readable.append(record)
        ids = [record.table["id"] for record in readable]
        valid = _all_ids(ids)  # in one pass; else each is matched, and _id says what is wrong
        for record, event_id in zip(readable, ids, strict=True):
            if not valid and _ID_MATCH(event_id) is None and not self._id(record):
                continue
            if event_id in records:
                self._duplicate(record, records[event_id])
                continue
            records[event_id] = record
        if unreadable:
            self._duplicates_among_unreadable(unreadable)
        resolved: dict[str, DateValue | None] = {}
        events: list[Event] = []
        expressions = self._expressions
        for event_id, record in records.items():
            # Most dates are read as they are written, from the load's cache of texts: _when for the others.
            table, file, plain = record.table, record.file, record.plain
            if plain is not None and plain[9] is not None:  # a common event dated by a phrase read from its anchor
                read = self._from_source(event_id, record, plain, records, sources, resolved)
                if read is None:  # anchored to an event, or a problem to report: the full reading
                    read = self._when(event_id, records, sources, resolved)
                    if read is not None and not isinstance(
                        self._expression(plain[2], file, self._reading_of(record)), RelativeDate
                    ):
                        read = None
                if read is not None:
                    events.append(_common_event(event_id, plain, read, plain[9], file.widening))
                    continue
            elif plain is not None and file.calendar == "gregorian" and file.zone is None:
                found = expressions.get(plain[2])
                if found is None:
                    found = self._expression(plain[2])  # its first reading (as _when would read it), kept by its text
                if isinstance(found, _DATE_TYPES):  # not kept in resolved: an event anchored to it reads it by _when
                    events.append(_common_event(event_id, plain, found, None, file.widening))
                    continue
            when: DateValue | None = None
            if "anchor" not in table and file.calendar == "gregorian" and file.zone is None:
                text = table["when"]
                found = expressions.get(text)
                if found is None and text.__class__ is str:
                    found = self._expression(text)  # its first reading (as _when would read it), kept by its text
                if isinstance(found, _DATE_TYPES):  # a plain day's class is a subclass
                    when = found
            if when is None:
                when = self._when(event_id, records, sources, resolved)
            event = None if when is None else self._plain_event(table, when, file.widening)
            if event is None:
                event = self._event(record, when, records, sources, resolved)
            if event is not None:
                events.append(event)
        self._records = records
        self._source_records = {r.table["id"]: r for r in self.sources if isinstance(r.table.get("id"), str)}
        return events

    def _checked_table(
        self,
        record: _Record,
        where: KeyPath,
        table: Mapping[str, Any],
        known: Mapping[str, str],
        what: str,
        prefix: str,
    ) -> bool:
        """Unknown keys, shapes and required keys of one table; True when it can be read further."""
        if _sound(table, known, REQUIRED[what]):
            return True  # the common case, checked without building messages
        return super()._checked_table(record, where, table, known, what, prefix)

    def _claim(
        self,
        record: _Record,
        index: int,
        item: dict[str, Any],
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> Claim | None:
        text = item.get("value")
        value = self._quantities.get(text) if text.__class__ is str else None  # a figure written before: read once
        if value is not None and len(item) == 2 and "subject" in item and _sound(item, CLAIM_KEYS, _CLAIM_REQUIRED):
            # The common claim, a subject and a figure read before: what follows would say nothing of it.
            return Claim(subject=item["subject"], value=value, source=self._first_cited(record))
        return super()._claim(record, index, item, records, sources, resolved)

    def _place(self, problem: Problem) -> None:
        records = self._records if problem.record == "event" else self._source_records
        record = records.get(problem.event or "")
        if record is None:
            self.problems.append((None, (), problem))
            return
        where: KeyPath = record.where
        for part in re.findall(r"[A-Za-z_]+|\[\d+\]", problem.field or ""):
            where = (*where, int(part[1:-1]) if part.startswith("[") else part)
        self.problems.append((record.file, where, attrs.evolve(problem, column=0)))
