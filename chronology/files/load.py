"""Reading event files: TOML in, a checked :class:`~chronology.Timeline` out.

The text is read with rtoml (a strict TOML 1.0 reader in Rust, about six
times faster than :mod:`tomllib`); edits go through tomlkit elsewhere. Every problem is
collected, not only the first, and placed in the file: positions come from
:func:`~chronology.files._locate.locate`, which scans the text only when a
problem needs a place.
"""

from __future__ import annotations

import datetime
import errno
import itertools
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import rtoml

from chronology._calendar import day_number
from chronology._collector import paused
from chronology.consistency import Suggester, check, far_before_anchor, suggest
from chronology.constraints import loader_readings
from chronology.dates import DateValue, Interval, UncertainDate, Widening
from chronology.errors import (
    ChronologyError,
    ChronologyWarning,
    DatasetError,
    DateParseError,
    EventFileError,
    InvalidDateError,
    NotRegularFileError,
    Problem,
    WrongTypeError,
    _shorten,
)
from chronology.events import ID_PATTERN, Citation, Claim, Event, Source, _frozen_mapping
from chronology.files._common_event import _PLAIN_EVENT_KEYS, _SOURCE_AND_QUOTE, _names, _plain_fields, plain_citation
from chronology.files._locate import Spot, locate
from chronology.files._lock import shown_path
from chronology.files.schema import (
    CITATION_KEYS,
    CLAIM_KEYS,
    EVENT_KEYS,
    READING_KEYS,
    REQUIRED,
    SHAPES,
    SOURCE_KEYS,
    SURROGATE,
    TOP_KEYS,
    describe,
    fits,
    lone_surrogates,
    not_in_toml,
    surrogate_message,
)
from chronology.index import day_ends
from chronology.notation import Calendar, parse_expression
from chronology.notation.edtf import parse_iso_day
from chronology.notation.quantity import parse_quantity
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense
from chronology.timeline import Timeline
from chronology.zones import zone_named

__all__ = ["is_parquet", "load", "load_document", "load_text", "validate"]

PathLike = str | os.PathLike[str]
KeyPath = tuple[str | int, ...]  # as schema.KeyPath, which this module uses: where a value is in a document

#: Control characters (C0, DEL, C1) but tab, in a text of one line; and but tab and line ends, in one that spans lines.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_IN_LINES: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_MULTI_LINE: Final = frozenset({"summary", "note", "quote"})
#: The texts of events, sources, citations and claims that are read as prose (and printed as such).
_PROSE: Final = frozenset(
    {"title", "kind", "actors", "places", "tags", "subject", "unit", "claimant", "outlet", "authors", "url"}
    | _MULTI_LINE
)
_TOML_POSITION: Final = re.compile(r"at line (\d+) column (\d+)$")  # searched in a message stripped of end spaces
_TENSES: Final = {tense.value: tense for tense in Tense}
_TEXT_SHAPES: Final = frozenset(shape for shape in SHAPES if fits("", shape))  # text, date, figure
_EVENT_REQUIRED: Final = REQUIRED["event"]
_CLAIM_REQUIRED: Final = REQUIRED["claim"]
_ID_MATCH: Final = ID_PATTERN.fullmatch
_IDS_MATCH: Final = re.compile(f"(?:{ID_PATTERN.pattern}\n)*").fullmatch  # ids, each ended by a line break
_DATE_TYPES: Final = (UncertainDate, Interval)  # a tuple: isinstance is quicker with one than with a union
_NOT_DATES: Final = (RelativeDate, DateParseError)
_PAST_ID: Final = id(Tense.PAST)  # a tense as the load's cache of phrases read from their anchors keys it
_NO_EXTRA: Final[Mapping[str, Any]] = {}
_NO_EXTRA_FROZEN: Final = _frozen_mapping(_NO_EXTRA)
_ID_RULE: Final = "use letters, digits, '-', '_' and '.', starting with a letter or digit"
_NUL_IN_NAME: Final = "contains a NUL character, which no file name can hold"
# Where a text may hold a lone surrogate: one itself, or a JSON escape of one ("\ud800").
_MAYBE_SURROGATE: Final = re.compile("[\ud800-\udfff]" + r"|\\u[dD][89a-fA-F]")
_YEAR_ZERO: Final = re.compile(r"(?<![\w\"'.:-])0000-\d\d-\d\d")
_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe does not wait for a writer
_BINARY: Final = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_KINDS: Final[tuple[tuple[Callable[[int], bool], str], ...]] = (
    (stat.S_ISREG, "a regular file"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


#: The first day of the Gregorian calendar in Britain and its colonies, 14 September 1752 (2 September 1752 Old
#: Style was the last Julian day), the latest of the western European reforms: a date in words read as Julian on
#: or after it is more likely a modern, Gregorian one (a modern edition's date) and is warned of. (Russia kept the
#: Julian calendar until 1918 and Greece until 1923; such dates are read as written, with the warning.)
_REFORM_DAY: Final = day_number(1752, 9, 14)


def _after_reform(value: DateValue, text: str, zone: str | None) -> DateValue | None:
    """The Gregorian reading of ``text``, read as ``value`` in the Julian calendar, if it falls wholly after the reform.

    None when ``value`` starts before ``_REFORM_DAY``, or when the calendar did not change the reading (ISO,
    EDTF, a date that says "(N.S.)"), or when the text names no Gregorian date ("29 February 1900").
    """
    if day_ends(value)[0] < _REFORM_DAY:
        return None
    try:
        gregorian = parse_expression(text, zone=zone)
    except ChronologyError:
        return None
    if gregorian == value or not isinstance(gregorian, _DATE_TYPES):
        return None
    return gregorian


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
            Placed as problems are.

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


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (``os.stat(...).st_mode``) is, in words: ``"a named pipe"``, ``"a character device"``."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_regular(path: PathLike) -> bytes:
    """The bytes of a regular file, opened only once it is known to be one, and never so that opening waits.

    A named pipe would wait for a writer, a device such as ``/dev/zero`` never
    ends: each is refused before it is opened (and, should one be put in the
    file's place between the check and the opening, right after).

    Raises:
        NotRegularFileError: ``path`` is a named pipe, a device or a socket; the message names which.
        IsADirectoryError: it is a folder.
        OSError: it cannot be read (``FileNotFoundError`` when it is missing).

    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, status.st_mode)
        # Read whole at once, as large as the file is (no chunks to join), then on to its end: it may have grown.
        chunks = [os.read(descriptor, status.st_size + 1)]
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(descriptor)


def _not_regular(path: PathLike, mode: int) -> NotRegularFileError:
    return NotRegularFileError(
        [
            Problem(
                f"is {file_kind(mode)}, not an event file: an event file is a regular file of TOML text; "
                "nothing was read or written",
                path=shown_path(path),
            )
        ]
    )


@attrs.define
class _File:
    name: str  # as shown in messages
    path: Path
    text: str
    order: int
    _spots: dict[KeyPath, Spot] | None = None
    locator: Callable[[str], dict[KeyPath, Spot]] = locate
    widening: Widening | None = None  # its [reading] widening, or its includer's
    calendar: Calendar = "gregorian"  # the calendar of its dates in words: its [reading]'s, or its includer's
    zone: str | None = None  # the IANA zone of its times without an offset: its [reading]'s, or its includer's

    def spot(self, where: KeyPath) -> Spot | None:
        """The most precise known place for ``where``, falling back to its enclosing tables."""
        if self._spots is None:
            self._spots = self.locator(self.text)
        while where:
            found = self._spots.get(where)
            if found is not None:
                return found
            where = where[:-1]
        return None


@attrs.define
class _Record:
    """One ``[[events]]`` or ``[[sources]]`` table while it is being read."""

    file: _File
    index: int
    table: dict[str, Any]
    kind: str  # "event" or "source"
    # an event's fields when its table passed every check at once (_plain_fields): id, title, when's text, kind,
    # actors, places, tags, summary, citations, anchor
    plain: tuple[Any, ...] | None = None

    @property
    def where(self) -> KeyPath:
        return ("events" if self.kind == "event" else "sources", self.index)

    @property
    def id(self) -> str | None:
        value = self.table.get("id")
        return value if isinstance(value, str) else None


class _Reader:
    def __init__(
        self, *, allow_outside: bool, overrides: Mapping[Path, str] | None = None, validating: bool = False
    ) -> None:
        self.allow_outside = allow_outside
        self.validating = validating  # run validate's own checks too (of readings that may be right)
        self.overrides = dict(overrides or {})
        self.problems: list[tuple[_File | None, KeyPath, Problem]] = []
        self.files: dict[Path, _File] = {}
        self.events: list[_Record] = []
        self.sources: list[_Record] = []
        self.title = ""
        self._expressions: dict[str, DateValue | RelativeDate | DateParseError] = {}
        # (id of a phrase read by _expression, which keeps it alive; its anchor; id of its tense) -> its date. By
        # ids: hashing a phrase hashes its rule, field by field, and a tense hashes in Python.
        self._resolutions: dict[tuple[int, DateValue, int], DateValue] = {}
        self._suggest = Suggester()
        self._cited: dict[str, bool] = {}  # the ids of sources cited, each matched as an id once
        self._quantities: dict[str, Quantity] = {}  # the figures claimed, each text read once
        self._names: dict[str, tuple[str]] = {}  # a name listed alone (tags = ["troops"]), as one tuple for all events
        self._ids: dict[str, None] | None = None  # every event and source id, in order, once all files are read
        self._source_readings: dict[str, tuple[Calendar | None, str | None]] = {}  # a source's calendar and zone
        self.named: list[_File] = []  # the files given (not included), in order: their calendars are the timeline's
        # readings in the Julian calendar that fall after Britain left it (by their key in _expressions), to warn of
        self._after_reform: dict[str, tuple[DateValue, DateValue]] = {}  # (its reading, the Gregorian one)
        # dates read from another event's date: id(date) -> (date, phrase, anchor's date, tense); see loader_readings
        self._read_from: dict[int, tuple[UncertainDate, RelativeDate, UncertainDate, Tense]] = {}

    # -- problems ---------------------------------------------------------------------------------

    def problem(
        self,
        file: _File | None,
        where: KeyPath,
        message: str,
        *,
        record: _Record | None = None,
        field: str | None = None,
        offset: int | None = None,
        at_key: bool = False,
    ) -> None:
        event = record.id if record is not None else None
        if not at_key and offset is None:
            offset = 0  # point at the value, where there is one
        kind = record.kind if record is not None else "event"
        self.problems.append((file, where, Problem(message, event=event, field=field, record=kind, column=offset)))

    def sorted_problems(self) -> tuple[Problem, ...]:
        placed: list[tuple[tuple[int, int, int], Problem]] = []
        for file, where, problem in self.problems:
            if file is None:
                placed.append(((-1, 0, 0), problem))
                continue
            line = column = None
            spot = file.spot(where) if where else None
            if spot is not None:
                line, column = spot.line, spot.column
                if problem.column is not None and spot.value_column is not None:
                    column = spot.value_column + problem.column  # the value, or a position inside it
            elif where == () and problem.line is not None:
                line, column = problem.line, problem.column
            placed.append(
                (
                    (file.order, line or 0, column or 0),
                    attrs.evolve(problem, path=file.name, line=line, column=column),
                )
            )
        placed.sort(key=lambda item: item[0])
        return tuple(problem for _, problem in placed)

    # -- files ------------------------------------------------------------------------------------

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

    def _lone_surrogates(self, file: _File, document: Mapping[str, Any]) -> None:
        """Report every text holding a lone surrogate: a parser of JSON lets them through, no file can hold them."""
        records = {r.where: r for r in itertools.chain(self.events, self.sources) if r.file is file}
        for key, value in document.items():
            tables = value if key in ("events", "sources") and isinstance(value, list) else None
            if tables is None:
                for where, field, message in lone_surrogates({key: value}, (), ""):
                    self.problem(file, where, message, field=field)
                continue
            for index, table in enumerate(tables):
                record = records.get((key, index))
                for where, field, message in lone_surrogates(table, (key, index), ""):
                    self.problem(file, where, message, record=record, field=field or None)

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
        if self._after_reform and (self.validating or not self.problems):  # validate says them with its problems
            self._warn_after_reform()
        if self.problems:
            return None
        calendars = tuple((file.name, file.calendar) for file in self.named)
        # text given to the timeline's queries is read in the files' calendar; in Gregorian where they differ
        calendar: Calendar = "julian" if calendars and all(c == "julian" for _, c in calendars) else "gregorian"
        return Timeline._checked(
            events, list(sources.values()), self.title, result, None if root is None else root.zone, calendar, calendars
        )

    def _warn_after_reform(self) -> None:
        """Warn of each date in words read in the Julian calendar that falls after Britain left it (see _REFORM_DAY).

        Only the records whose dates were read in it are looked at, and only when some reading fell after it.
        """
        late = self._after_reform
        found: list[tuple[_File, KeyPath, Problem]] = []
        for record in itertools.chain(self.sources, self.events):
            table = record.table
            fields: list[tuple[KeyPath, str, object, tuple[Calendar, str | None]]] = []
            if record.kind == "source":
                fields.append((("published",), "published", table.get("published"), self._reading_of(record)))
            else:
                fields.append((("when",), "when", table.get("when"), self._reading_of(record)))
                claims = table.get("claims")
                for index, item in enumerate(claims if isinstance(claims, list) else ()):
                    if isinstance(item, dict) and "said" in item:
                        reading = self._reading_of(record, item.get("anchor"))
                        fields.append((("claims", index, "said"), f"claims[{index}].said", item["said"], reading))
            for where, field, text, (calendar, zone) in fields:
                if calendar != "julian" or text.__class__ is not str:
                    continue
                readings = late.get(f"{calendar}\x00{zone}\x00{text}")
                if readings is None:
                    continue
                value, gregorian = readings
                if record.kind == "source":
                    fix = (
                        "if the source dates itself in the Gregorian calendar, as modern ones do, give it "
                        'calendar = "gregorian" in its [[sources]] table'
                    )
                else:
                    fix = (
                        "if it is a Gregorian date, write it in EDTF, which is always Gregorian "
                        f"({gregorian.to_edtf()!r}: {gregorian.label}), or read it from a source with "
                        'calendar = "gregorian"'
                    )
                message = (
                    f'{text!r} is read as an Old Style date (calendar = "julian"): {value.label}, '
                    "after 14 September 1752, the first New Style day in Britain and its colonies; " + fix
                )
                problem = Problem(message, event=record.id, field=field, record=record.kind, column=0)
                found.append((record.file, (*record.where, *where), problem))
        for file, where, problem in found:
            spot = file.spot(where)
            line = column = None
            if spot is not None:
                line = spot.line
                column = spot.value_column if spot.value_column is not None else spot.column
            placed = attrs.evolve(problem, path=file.name, line=line, column=column)
            # shown at its place in the file (as Python shows a warning, with that line), not in this module
            warnings.warn_explicit(str(placed), ChronologyWarning, str(file.path), line or 0, module=__name__)

    def _read_tree(self, name: str, root: Path) -> None:
        """Read the file ``name`` and, depth first and in order, every file it includes.

        In a loop, not by recursion, so that a chain of includes of any length
        is read (Python's calls nest about 1,000 deep).
        """
        # The files being read, each included by the one before it: an include of one of them is a loop.
        open_files: dict[Path, None] = {}
        # What is left to do, last first: an include to read (and the file naming it), or a file all of whose
        # includes are read (it leaves open_files).
        work: list[tuple[_File | None, str] | Path] = [(None, name)]
        while work:
            item = work.pop()
            if isinstance(item, Path):
                del open_files[item]
                continue
            origin, include = item
            if origin is not None and not self._may_include(origin, include, root, open_files):
                continue
            read = self._read_file(include, origin)
            if read is not None:
                file, includes = read
                open_files[file.path] = None
                work.append(file.path)
                work.extend((file, name) for name in reversed(includes))

    def _read_file(self, name: str, origin: _File | None) -> tuple[_File, list[str]] | None:
        """Read one file (``name`` as written in ``origin``, or on the command line): it and what it includes.

        None when it was read already (included twice: its events are not
        repeated) or cannot be read (the problem is recorded).
        """
        path = Path(name).resolve() if origin is None else (origin.path.parent / name).resolve()
        if path in self.files:
            return None
        if path in self.overrides:
            text = self.overrides[path]
        else:
            try:
                data = read_regular(path)
            except NotRegularFileError:
                self._unreadable(origin, name, "is not a regular file (a pipe, socket or device), not an event file")
                return None
            except IsADirectoryError:
                self._unreadable(origin, name, "is a folder, not an event file")
                return None
            except OSError as error:
                self._unreadable(origin, name, f"cannot read the file: {error.strerror or error}")
                return None
            if b"\x00" in data[:8192]:
                self._unreadable(origin, name, "is a binary file, not an event file (TOML text)")
                return None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                self._unreadable(
                    origin, name, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
                )
                return None
        shown = name if origin is None else os.path.normpath(os.path.join(os.path.dirname(origin.name), name))
        file = _File(shown, path, text, len(self.files))
        if origin is not None:  # until its own [reading] says otherwise
            file.widening, file.calendar, file.zone = origin.widening, origin.calendar, origin.zone
        else:
            self.named.append(file)
        self.files[path] = file
        try:
            document = rtoml.loads(text)
        except rtoml.TomlParsingError as error:
            message = str(error).rstrip()
            found = _TOML_POSITION.search(message)
            line = column = None
            if found is not None:
                line, column = int(found[1]), int(found[2])
                message = message[: found.start()].rstrip()
            if "year 0 is out of range" in message:
                message = year_zero_message()
            else:
                message = f"TOML syntax: {message[:1].lower()}{message[1:]}"
            self.problems.append((file, (), Problem(message, line=line, column=column)))
            return file, []
        except UnicodeEncodeError as error:  # a lone surrogate: only a text given as a str can hold one
            self.problems.append((file, (), not_unicode_problem(text, error.start)))
            return file, []
        return file, self._top(file, document)

    def _top(self, file: _File, document: dict[str, Any], known: Mapping[str, str] = TOP_KEYS) -> list[str]:
        """Read what a file holds at its top level; give back the files it includes, to be read next."""
        self._unknown_keys(file, (), document, known, "at the top level")
        title = document.get("title")
        if title is not None and self._shape(file, ("title",), title, "text", field="title") and not self.title:
            self.title = str(title)
        reading = document.get("reading") if "reading" in known else None
        if reading is not None and self._shape(file, ("reading",), reading, "table", field="reading"):
            self._reading(file, reading)
        for key, kind, into in (("sources", "source", self.sources), ("events", "event", self.events)):
            tables = document.get(key)
            if tables is None or not self._shape(file, (key,), tables, "tables", field=key):
                continue
            for index, table in enumerate(tables):
                into.append(_Record(file, index, table, kind))
        includes = document.get("include") if "include" in known else None
        if includes is not None and self._shape(file, ("include",), includes, "texts", field="include"):
            return list(includes)
        return []

    def _reading(self, file: _File, reading: Mapping[str, Any]) -> None:
        """The file's ``[reading]`` settings: how its dates are read in "possible" answers."""
        self._unknown_keys(file, ("reading",), reading, READING_KEYS, "in [reading]")
        calendar = reading.get("calendar")
        if calendar is not None and self._shape(file, ("reading", "calendar"), calendar, "text", field="calendar"):
            if calendar in ("gregorian", "julian"):
                file.calendar = calendar
            else:
                self.problem(
                    file,
                    ("reading", "calendar"),
                    f"calendar {calendar!r} is not one this library reads{suggest(calendar, ['gregorian', 'julian'])}"
                    "; expected 'gregorian' or 'julian' (Old Style, for dates in words)",
                    field="calendar",
                )
        zone = reading.get("zone")
        if zone is not None and self._shape(file, ("reading", "zone"), zone, "text", field="zone"):
            try:
                zone_named(zone)
            except DateParseError as error:
                self.problem(file, ("reading", "zone"), error.reason, field="zone")
            else:
                file.zone = zone
        widening = reading.get("widening")
        if widening is None or not self._shape(file, ("reading", "widening"), widening, "table", field="widening"):
            return
        try:
            file.widening = Widening.from_mapping(widening)
        except InvalidDateError as error:
            self.problem(file, ("reading", "widening"), str(error), field="widening")

    def _may_include(self, file: _File, include: str, root: Path, open_files: Mapping[Path, None]) -> bool:
        """Whether ``file`` may include ``include``; if not, the problem is recorded."""
        if "\x00" in include:
            self.problem(file, ("include",), f"{_shorten(include)!r} {_NUL_IN_NAME}", field="include")
            return False
        target = (file.path.parent / include).resolve()
        if target in open_files:
            stack = list(open_files)
            chain = " -> ".join(str(p.name) for p in (*stack[stack.index(target) :], target))
            self.problem(file, ("include",), f"include loop: {chain}", field="include")
            return False
        if not self.allow_outside and not target.is_relative_to(root):
            self.problem(
                file,
                ("include",),
                f"{_shorten(include)!r} points outside the folder of the chronology ({root}); "
                "allow it explicitly with allow_outside=True (--allow-outside on the command line)",
                field="include",
            )
            return False
        return True

    def _unreadable(self, origin: _File | None, name: str, message: str) -> None:
        if origin is None:
            self.problem(None, (), f"{_shorten(name)}: {message}")
        else:
            self.problem(origin, ("include",), f"{_shorten(name)!r} {message}", field="include")

    # -- shapes -----------------------------------------------------------------------------------

    def _shape(
        self, file: _File, where: KeyPath, value: object, shape: str, *, record: _Record | None = None, field: str
    ) -> bool:
        ok = fits(value, shape)
        if not ok:
            self.problem(file, where, f"expected {SHAPES[shape]}, got {describe(value)}", record=record, field=field)
        return ok

    def _unknown_keys(
        self,
        file: _File,
        where: KeyPath,
        table: Mapping[str, Any],
        known: Mapping[str, str],
        place: str,
        record: _Record | None = None,
        prefix: str = "",
    ) -> None:
        for key in table:
            if key not in known:
                hint = suggest(key, known) or f"; known keys: {', '.join(known)}"
                extra = " (put your own keys under [events.extra])" if place == "in an event" else ""
                message = f"unknown key {_shorten(key)!r} {place}{hint}{extra}"
                self.problem(file, (*where, key), message, record=record, field=prefix + key, at_key=True)

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
        self._unknown_keys(
            record.file, where, table, known, f"in {'an' if what[0] in 'aeiou' else 'a'} {what}", record, prefix
        )
        sound = True
        for key, value in table.items():
            if key in known and not self._shape(
                record.file, (*where, key), value, known[key], record=record, field=prefix + key
            ):
                sound = False
        for key in REQUIRED[what]:
            if key not in table:
                self.problem(record.file, where, f"missing required key {key!r}", record=record, field=prefix + key)
                sound = False
        return self._no_control_characters(record, where, table, known, prefix) and sound

    def _no_control_characters(
        self, record: _Record, where: KeyPath, table: Mapping[str, Any], known: Mapping[str, str], prefix: str
    ) -> bool:
        """Refuse control characters (ESC, BEL, NUL...) in texts: a title could retitle or clear a terminal.

        Tab is allowed anywhere, and line breaks (LF, or CR LF) in the texts that may span lines.
        """
        sound = True
        prose = _PROSE_OF.get(id(known))
        if prose is None:
            prose = _prose_keys(known)
        for key, shape in prose:  # ids, links and dates have checks of their own
            value = table.get(key)
            if value is None:
                continue
            if shape == "text":
                if value.__class__ is str and value.isprintable():
                    continue  # the common case, in C
                texts: Iterable[object] = (value,)
            elif not isinstance(value, list):
                continue  # the wrong shape: reported as such
            else:
                texts = value
            for text in texts:
                if not isinstance(text, str) or text.isprintable():
                    continue  # the common case, in C
                lines = key in _MULTI_LINE
                # a title's line breaks have a message of their own
                found = (_CONTROL_IN_LINES if lines or key == "title" else _CONTROL).search(text)
                if found is None:
                    continue
                allowed = "tab and line breaks are" if lines else "tab is"
                self.problem(
                    record.file,
                    (*where, key),
                    f"control character U+{ord(found[0]):04X} at character {found.start() + 1} of {_shorten(text)!r}: "
                    f"only {allowed} allowed in {key!r}" + ("" if lines else " (a text of one line)"),
                    record=record,
                    field=prefix + key,
                )
                sound = False
                break
        return sound

    # -- sources ----------------------------------------------------------------------------------

    def _sources(self) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        first: dict[str, _Record] = {}
        for record in self.sources:
            table = record.table
            if not self._checked_table(record, record.where, table, SOURCE_KEYS, "source", ""):
                continue
            if not self._id(record):
                continue
            if record.table["id"] in first:
                self._duplicate(record, first[record.table["id"]])
                continue
            first[record.table["id"]] = record
            self._source_setting(record)
            published = None
            if "published" in table:
                value = self._absolute(record, "published", table["published"])
                if isinstance(value, Interval):
                    self.problem(
                        record.file,
                        (*record.where, "published"),
                        "a publication date is one date (possibly uncertain, '[2024-10-28..2024-10-31]'), "
                        "not an interval",
                        record=record,
                        field="published",
                    )
                    continue
                if value is None:
                    continue
                published = value
            sources[table["id"]] = Source(
                id=table["id"],
                outlet=table.get("outlet", ""),
                title=table.get("title", ""),
                authors=tuple(table.get("authors", ())),
                published=published,
                url=table.get("url", ""),
                note=table.get("note", ""),
                published_after=tuple(table.get("published_after", ())),
                published_before=tuple(table.get("published_before", ())),
            )
        return sources

    def _source_setting(self, record: _Record) -> None:
        """A source's own calendar and zone, for the dates of the events read from it ("3 a.m. local time")."""
        table = record.table
        calendar, zone = table.get("calendar"), table.get("zone")
        if calendar is not None and calendar not in ("gregorian", "julian"):
            self.problem(
                record.file,
                (*record.where, "calendar"),
                f"calendar {calendar!r} is not one this library reads{suggest(str(calendar), ['gregorian', 'julian'])}"
                "; expected 'gregorian' or 'julian' (Old Style, for dates in words)",
                record=record,
                field="calendar",
            )
            calendar = None
        if zone is not None:
            try:
                zone_named(str(zone))
            except DateParseError as error:
                self.problem(record.file, (*record.where, "zone"), error.reason, record=record, field="zone")
                zone = None
        if calendar is not None or zone is not None:
            self._source_readings[table["id"]] = (calendar, zone)

    def _anchor_calendars(self) -> dict[tuple[str, str], Calendar]:
        """The calendar each (event, anchor) pair's words are read in: the event's or a claim's ``said``."""
        calendars: dict[tuple[str, str], Calendar] = {}
        for record in self.events:
            event_id = record.table.get("id")
            own = record.table.get("anchor")
            claims = record.table.get("claims")
            said = [c.get("anchor") or own for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []
            for anchor in (own, *said):
                if isinstance(event_id, str) and isinstance(anchor, str):
                    calendars[(event_id, anchor)] = self._reading_of(record, anchor)[0]
        return calendars

    def _reading_of(self, record: _Record, anchor: object = None) -> tuple[Calendar, str | None]:
        """The calendar and zone of a record's dates: its file's, or its source's own.

        A source's dates are read in its own settings; an event's (or a claim's, read from ``anchor``) in
        those of the source it is read from, where it names one.
        """
        calendar, zone = record.file.calendar, record.file.zone
        if record.kind == "source":
            anchor = record.table.get("id")
        elif anchor is None:
            anchor = record.table.get("anchor")
        own = self._source_readings.get(anchor) if isinstance(anchor, str) else None  # a wrong type is said elsewhere
        if own is not None:
            calendar = own[0] or calendar
            zone = own[1] or zone
        return calendar, zone

    def _id(self, record: _Record) -> bool:
        value = record.table["id"]
        if ID_PATTERN.fullmatch(value) is None:
            self.problem(
                record.file,
                (*record.where, "id"),
                f"{_shorten(value)!r} is not a valid id: {_ID_RULE}",
                record=record,
                field="id",
            )
            return False
        return True

    def _duplicate(self, record: _Record, first: _Record) -> None:
        spot = first.file.spot((*first.where, "id"))
        at = f"{first.file.name}:{spot.line}" if spot is not None else first.file.name
        self.problem(
            record.file,
            (*record.where, "id"),
            f"duplicate {record.kind} id {_shorten(record.table['id'])!r} (first defined at {at})",
            record=record,
            field="id",
        )

    # -- dates ------------------------------------------------------------------------------------

    def _expression(
        self,
        value: str | datetime.date | datetime.time,
        file: _File | None = None,
        reading: tuple[Calendar, str | None] | None = None,
    ) -> DateValue | RelativeDate | DateParseError:
        """A date as written in ``file`` (whose [reading] may give its calendar and zone), read once.

        ``reading``: the calendar and zone to read it in instead (an event's source's).
        """
        text = value if isinstance(value, str) else value.isoformat()
        calendar: Calendar = "gregorian" if file is None else file.calendar
        zone = None if file is None else file.zone
        if reading is not None:
            calendar, zone = reading
        key = text if calendar == "gregorian" and zone is None else f"{calendar}\x00{zone}\x00{text}"
        found = self._expressions.get(key)
        if found is None:
            try:
                if isinstance(value, datetime.time):
                    raise DateParseError(
                        text, "a TOML time of day with no date; give the date too ('2024-10-18T10:00')"
                    )
                if calendar == "gregorian" and zone is None and len(text) == 10:
                    found = parse_iso_day(text)  # a plain day, as parse_expression reads it, by its quickest route
                if found is None:
                    found = parse_expression(text, calendar=calendar, zone=zone)
                    if calendar == "julian" and isinstance(found, _DATE_TYPES):
                        late = _after_reform(found, text, zone)
                        if late is not None:
                            self._after_reform[key] = (found, late)
            except DateParseError as error:
                found = error
            except ChronologyError as error:
                found = DateParseError(text, str(error))
            self._expressions[key] = found
        return found

    def _citation_when(self, record: _Record, index: int, item: Mapping[str, Any]) -> RelativeDate | None:
        """A citation's ``when``: a phrase read from its source's publication, kept to be read from it; None if not."""
        where, field = (*record.where, "citations", index, "when"), f"citations[{index}].when"
        expression = self._expression(item["when"], record.file, self._reading_of(record, item["source"]))
        if isinstance(expression, DateParseError):
            self._date_problem(record, where, field, expression)
            return None
        if not isinstance(expression, RelativeDate) or not expression.needs_anchor:
            self.problem(
                record.file,
                where,
                f"{item['when']!r} is a date of its own; a citation's when is the date as the source words it "
                "from its publication ('next week', 'on Tuesday'): a date of its own belongs in the event's when",
                record=record,
                field=field,
            )
            return None
        return expression

    def _date_problem(self, record: _Record, where: KeyPath, field: str, error: DateParseError) -> None:
        self.problem(record.file, where, str(error), record=record, field=field, offset=_offset(error))

    def _absolute(self, record: _Record, field: str, value: Any) -> DateValue | None:
        expression = self._expression(value, record.file, self._reading_of(record))
        where = (*record.where, field)
        if isinstance(expression, DateParseError):
            self._date_problem(record, where, field, expression)
            return None
        if isinstance(expression, RelativeDate):
            self.problem(
                record.file,
                where,
                f"{expression.text!r} is relative, and a {record.kind}'s {field} is read without an anchor; "
                "give the date itself ('2024-11-17', '[2024-10-28..2024-10-31]')",
                record=record,
                field=field,
            )
            return None
        return expression

    # -- events -----------------------------------------------------------------------------------

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

    def _from_source(
        self,
        event_id: str,
        record: _Record,
        plain: tuple[Any, ...],
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> DateValue | None:
        """The date of a common event whose phrase is read from a dated source or event, as ``_when`` reads it.

        None for anything ``_when`` must read (an anchor event whose own date is read from an anchor, or not
        one date, or not yet read; a source with a problem or no date; a phrase that cannot be read from its
        anchor), which it then reads and reports: each common event dated from a source or an event dated
        as written (most phrases of a file) is read here in a few steps, its tense the past.
        """
        anchor_id = plain[9]
        anchoring = records.get(anchor_id)
        if anchoring is None:
            source = sources.get(anchor_id)
            anchor = None if source is None else source.published
        else:
            anchor = self._written_date(anchor_id, anchoring, resolved)
        if anchor is None:
            return None
        expression = self._expression(plain[2], record.file, self._reading_of(record))
        if expression.__class__ is not RelativeDate:
            return None
        key = (id(expression), anchor, _PAST_ID)
        value = self._resolutions.get(key)
        if value is None:
            try:
                value = expression.resolve(anchor, tense=Tense.PAST)
            except ChronologyError:
                return None  # said by _when
            self._resolutions[key] = value
        if anchoring is not None and isinstance(value, UncertainDate):
            # the network of links finds this reading again: it need not read it a second time (as _resolve says)
            self._read_from[id(value)] = (value, expression, anchor, Tense.PAST)
        resolved[event_id] = value
        return value

    def _written_date(
        self, event_id: str, record: _Record, resolved: Mapping[str, DateValue | None]
    ) -> UncertainDate | None:
        """The date of an anchoring event, one date written as it is read (no anchor of its own); else None."""
        found: object
        if event_id in resolved:
            found = resolved[event_id]
        else:
            table, file = record.table, record.file
            text = table["when"]
            if "anchor" in table or text.__class__ is not str or file.calendar != "gregorian" or file.zone is not None:
                return None
            found = self._expressions.get(text)
        return found if isinstance(found, UncertainDate) else None

    def _duplicates_among_unreadable(self, unreadable: set[int]) -> None:
        """Report an id taken twice where either event has other problems (the readable pairs are reported already).

        Every problem is found in one run: a second ``id = "a"`` whose date is a number is a duplicate too.
        """
        first: dict[str, _Record] = {}
        for record in self.events:
            event_id = record.table.get("id")
            if not isinstance(event_id, str):
                continue
            earlier = first.setdefault(event_id, record)
            if earlier is not record and (id(record) in unreadable or id(earlier) in unreadable):
                self._duplicate(record, earlier)

    def _field_problem(self, record: _Record, field: str, message: str) -> None:
        """A problem with one top-level key of an event, placed at that key."""
        self.problem(record.file, (*record.where, field), message, record=record, field=field)

    def _unreadable_when(self, record: _Record) -> None:
        """Report the date of an event that has other problems too, when the text itself cannot be read.

        Such an event is not built, so its date is otherwise never looked at: a file with a missing
        title and a month 13 would need two rounds of fixing to hear of both.
        """
        when = record.table.get("when")
        if isinstance(when, str):
            expression = self._expression(when, record.file, self._reading_of(record))
            if isinstance(expression, DateParseError):
                self._date_problem(record, (*record.where, "when"), "when", expression)

    def _when(
        self,
        event_id: str,
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> DateValue | None:
        """The event's date, its anchors resolved first (iteratively: chains may be long)."""
        if event_id in resolved:
            return resolved[event_id]
        record = records[event_id]
        table, file = record.table, record.file
        text = table["when"]
        expression = None
        if file.calendar == "gregorian" and file.zone is None and "anchor" not in table:
            expression = self._expressions.get(text)  # read before: keyed by its text
        if expression is None:
            expression = self._expression(text, file, self._reading_of(record))
        if not isinstance(expression, _NOT_DATES):  # most dates: read as they are written
            resolved[event_id] = expression
            return expression
        first = expression
        chain = [event_id]
        on_chain = {event_id}
        while chain:
            current = chain[-1]
            record = records[current]
            if current == event_id:
                expression = first
            else:
                expression = self._expression(record.table["when"], record.file, self._reading_of(record))
            anchor_id = record.table.get("anchor")
            needs = isinstance(expression, RelativeDate) and isinstance(anchor_id, str) and anchor_id in records
            if needs and isinstance(anchor_id, str) and anchor_id not in resolved:
                if anchor_id in on_chain:
                    loop = [*chain[chain.index(anchor_id) :], anchor_id]
                    for member in chain[chain.index(anchor_id) :]:
                        resolved[member] = None
                    self.problem(
                        record.file,
                        (*record.where, "anchor"),
                        "anchors form a cycle: " + " -> ".join(repr(x) for x in loop),
                        record=record,
                        field="anchor",
                    )
                    chain = chain[: chain.index(anchor_id)]
                    continue
                chain.append(anchor_id)
                on_chain.add(anchor_id)
                continue
            chain.pop()
            on_chain.discard(current)
            if current not in resolved:
                resolved[current] = self._resolve(record, expression, records, sources, resolved)
        return resolved[event_id]

    def _resolve(
        self,
        record: _Record,
        expression: DateValue | RelativeDate | DateParseError,
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
        field: str = "when",
        where: KeyPath | None = None,
        anchor_id: object = None,
        anchor_at: tuple[KeyPath, str] | None = None,
    ) -> DateValue | None:
        """The date ``expression`` names, read from its anchor when relative; None after reporting why not.

        ``anchor_at``: where the anchor is written and its field name (a claim's own ``anchor``), when that
        is not the event's ``anchor``.
        """
        where = (*record.where, field) if where is None else where
        anchor_where, anchor_field = anchor_at or ((*record.where, "anchor"), "anchor")
        if isinstance(expression, DateParseError):
            self._date_problem(record, where, field, expression)
            return None
        if not isinstance(expression, RelativeDate):
            return expression
        tense = self._tense(record)
        if tense is None:
            return None
        anchor_id = record.table.get("anchor") if anchor_id is None else anchor_id
        if anchor_id is None:
            cited = [c.get("source") for c in record.table.get("citations", []) if isinstance(c, dict)]
            hint = (
                f' (the source it is cited from: anchor = "{cited[0]}")' if cited and isinstance(cited[0], str) else ""
            )
            self.problem(
                record.file,
                where,
                f"{expression.text!r} is relative: name what it is read from with anchor = "
                f'"<id of a source or event>"{hint}',
                record=record,
                field=field,
            )
            return None
        if not isinstance(anchor_id, str):
            return None  # the anchor's type is reported by the shape check
        anchor: DateValue | None
        if anchor_id in records:
            anchor = resolved.get(anchor_id)
            if anchor is None and anchor_id not in resolved:
                # an event later in the files (a claim's said may name one): its date is read first
                anchor = self._when(anchor_id, records, sources, resolved)
            if anchor is None:
                return None  # the anchor's own problem is reported where it is
            if isinstance(anchor, Interval):
                self.problem(
                    record.file,
                    anchor_where,
                    f"anchor {anchor_id!r} lasts ({anchor.to_edtf()}); a relative date is read from one date: "
                    "anchor to an event that is an instant, or to a source",
                    record=record,
                    field=anchor_field,
                )
                return None
        elif anchor_id in sources:
            anchor = sources[anchor_id].published
            if anchor is None:
                self.problem(
                    record.file,
                    anchor_where,
                    f"anchor {anchor_id!r} is a source without a 'published' date to read {expression.text!r} from: "
                    'give the source its date (`published = "2024-10-29"`) or, not known to the day, what is '
                    'known of it (`published = "[2024-10-28..2024-10-30]"`, one of those days; '
                    '`published = "2024-10~"`, about October 2024); else write the date in full, with its '
                    f"year, instead of {expression.text!r}",
                    record=record,
                    field=anchor_field,
                )
                return None
        elif any(r.table.get("id") == anchor_id for r in self.sources):
            return None  # a source with its own problem
        else:
            names = itertools.chain(records, sources)
            self.problem(
                record.file,
                anchor_where,
                f"unknown event or source {anchor_id!r}{self._suggest(anchor_id, names)}",
                record=record,
                field=anchor_field,
            )
            return None
        key = (id(expression), anchor, id(tense))
        value = self._resolutions.get(key)
        try:
            if value is None:
                value = self._resolutions[key] = expression.resolve(anchor, tense=tense)
            if field == "when" and anchor_id in records and isinstance(value, UncertainDate):
                # the network of links finds this reading again: it need not read it a second time
                self._read_from[id(value)] = (value, expression, anchor, tense)
            return value
        except DateParseError as error:
            self._date_problem(record, where, field, error)
        except ChronologyError as error:
            self.problem(record.file, where, str(error), record=record, field=field)
        return None

    def _known_anchor(self, record: _Record, anchor_id: str, where: KeyPath, field: str) -> bool:
        """Whether ``anchor_id`` names an event or source (of any file read); reports it when it names none."""
        if ID_PATTERN.fullmatch(anchor_id) is None:
            return True  # reported as not an id
        if self._ids is None:
            self._ids = dict.fromkeys(r.id for r in itertools.chain(self.events, self.sources) if r.id is not None)
        if anchor_id in self._ids:
            return True
        self.problem(
            record.file,
            where,
            f"unknown event or source {anchor_id!r}{self._suggest(anchor_id, self._ids)}",
            record=record,
            field=field,
        )
        return False

    def _tense(self, record: _Record) -> Tense | None:
        value = record.table.get("tense", "past")
        tense = _TENSES.get(value) if isinstance(value, str) else None
        if tense is None:
            return None  # reported once, by _event
        return tense

    def _event(
        self,
        record: _Record,
        when: DateValue | None,
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> Event | None:
        table = record.table
        get = table.get
        sound = when is not None
        tense_text = get("tense", "past")
        if tense_text not in _TENSES:
            self._field_problem(
                record, "tense", f"unknown tense {tense_text!r}; expected one of {', '.join(map(repr, _TENSES))}"
            )
            sound = False
        title = table["title"]
        if not title.strip() or "\n" in title or "\r" in title:
            wrong = "is empty" if not title.strip() else "runs over more than one line"
            self._field_problem(
                record, "title", f"the title {wrong}: give one line saying what happened (more goes in 'summary')"
            )
            sound = False
        for field in ("anchor", "part_of") if "anchor" in table or "part_of" in table else ():
            if field in table and ID_PATTERN.fullmatch(table[field]) is None:
                self.problem(
                    record.file,
                    (*record.where, field),
                    f"{_shorten(table[field])!r} is not an id: {_ID_RULE}",
                    record=record,
                    field=field,
                )
                sound = False
        if "anchor" in table and not isinstance(
            self._expression(table["when"], record.file, self._reading_of(record)), RelativeDate
        ):
            # a relative date's anchor is checked as the date is read from it; another's must still name something
            sound = self._known_anchor(record, table["anchor"], (*record.where, "anchor"), "anchor") and sound
        extra = get("extra")
        if extra:  # null and integers TOML cannot hold come from other parsers (JSON): refused, as no file holds them
            for where, field, message in not_in_toml(extra, (*record.where, "extra"), "extra"):
                self.problem(record.file, where, message, record=record, field=field)
                sound = False
        citations = []
        cited = self._cited
        for index, item in enumerate(get("citations", ())):
            # The common case, a source (an id) and a quote (printable), in a few tests: what follows would say
            # nothing of it. Each source's id is matched once.
            source, quote = item.get("source"), item.get("quote", "")
            if (
                item.keys() <= _SOURCE_AND_QUOTE
                and source.__class__ is str
                and quote.__class__ is str
                and quote.isprintable()
                and (source in cited or (_ID_MATCH(source) is not None and cited.setdefault(source, True)))
            ):
                citations.append(Citation._checked(source, quote, None))
                continue
            where = (*record.where, "citations", index)
            if not self._checked_table(record, where, item, CITATION_KEYS, "citation", f"citations[{index}]."):
                sound = False
                continue
            if ID_PATTERN.fullmatch(item["source"]) is None:
                field = f"citations[{index}].source"
                self.problem(
                    record.file,
                    (*where, "source"),
                    f"{_shorten(item['source'])!r} is not an id: {_ID_RULE}",
                    record=record,
                    field=field,
                )
                sound = False
                continue
            worded = self._citation_when(record, index, item) if "when" in item else None
            if "when" in item and worded is None:
                sound = False
                continue
            citations.append(Citation._checked(item["source"], item.get("quote", ""), worded))
        claims = []
        for index, item in enumerate(get("claims", ())):
            claim = self._claim(record, index, item, records, sources, resolved)
            if claim is None:
                sound = False
            else:
                claims.append(claim)
        if not sound or when is None:
            return None
        names = self._names
        # Every value below is checked: the shapes by _checked_table, the id by _id, the anchor and part_of
        # above, the date by _when; so the event is built without __init__'s validators (its converters are
        # applied here: lists to tuples, extra read-only).
        return Event._checked(
            table["id"],
            title,
            when,
            get("kind", ""),
            _names(get("actors", ()), names),
            _names(get("places", ()), names),
            _names(get("tags", ()), names),
            get("summary", ""),
            tuple(citations),
            tuple(claims),
            tuple(get("after", ())),
            tuple(get("before", ())),
            get("part_of"),
            tuple(get("reports", ())),
            get("anchor"),
            _TENSES[tense_text],
            record.file.widening,
            _frozen_mapping(get("extra", _NO_EXTRA)),
        )

    def _plain_event(self, table: dict[str, Any], when: DateValue, widening: Widening | None) -> Event | None:
        """The event of a table of the common keys only (no links, anchor, tense, claims or extra), as ``_event``.

        What ``_event`` would build from such a table, in fewer steps; None when it is not such a table,
        or when something in it needs a word from ``_event`` (which then says it).
        """
        if not table.keys() <= _PLAIN_EVENT_KEYS:
            return None
        title = table["title"]
        if not title.strip() or "\n" in title or "\r" in title:
            return None
        citations = []
        cited = self._cited
        for item in table.get("citations", ()):
            citation = plain_citation(item, cited)
            if citation is None:
                return None
            citations.append(citation)
        get, names = table.get, self._names
        actors, places, tags = get("actors"), get("places"), get("tags")
        return Event._checked(
            table["id"],
            title,
            when,
            get("kind", ""),
            () if actors is None else _names(actors, names),
            () if places is None else _names(places, names),
            () if tags is None else _names(tags, names),
            get("summary", ""),
            tuple(citations),
            (),
            (),
            (),
            None,
            (),
            None,
            Tense.PAST,
            widening,
            _NO_EXTRA_FROZEN,
        )

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
        where = (*record.where, "claims", index)
        prefix = f"claims[{index}]."
        if not self._checked_table(record, where, item, CLAIM_KEYS, "claim", prefix):
            return None
        text = item["value"]
        if value is None:
            try:
                value = parse_quantity(text)
            except ChronologyError as error:
                self.problem(record.file, (*where, "value"), str(error), record=record, field=prefix + "value")
                return None
            if text.__class__ is str:
                self._quantities[text] = value
        said = None
        own_anchor = item.get("anchor")
        if own_anchor is not None and ID_PATTERN.fullmatch(own_anchor) is None:
            message = f"{_shorten(own_anchor)!r} is not an id: {_ID_RULE}"
            self.problem(record.file, (*where, "anchor"), message, record=record, field=prefix + "anchor")
            return None
        said_reading = self._reading_of(record, own_anchor)
        relative = "said" in item and isinstance(
            self._expression(item["said"], record.file, said_reading), RelativeDate
        )
        # a relative said's anchor is checked as the date is read from it; another's must still name something
        if (
            own_anchor is not None
            and not relative
            and not self._known_anchor(record, own_anchor, (*where, "anchor"), prefix + "anchor")
        ):
            return None
        if "said" in item:
            expression = self._expression(item["said"], record.file, said_reading)
            anchor_id = item.get("anchor", record.table.get("anchor"))
            own = ((*where, "anchor"), prefix + "anchor") if own_anchor is not None else None
            said = self._resolve(
                record, expression, records, sources, resolved, prefix + "said", (*where, "said"), anchor_id, own
            )
            if said is None:
                return None
        source = item.get("source")
        if source is None:
            source = self._first_cited(record)
        return Claim(
            subject=item["subject"],
            value=value,
            unit=item.get("unit", ""),
            claimant=item.get("claimant", ""),
            source=source,
            said=said,
            anchor=item.get("anchor"),
            quote=item.get("quote", ""),
        )

    def _first_cited(self, record: _Record) -> str | None:
        """The source an event cites first (a claim's source where it names none); None if it cites none."""
        cited = [c.get("source") for c in record.table.get("citations", ()) if isinstance(c, dict)]
        return cited[0] if cited and isinstance(cited[0], str) else None

    # -- placing the model's problems -------------------------------------------------------------

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


def _all_ids(texts: list[str]) -> bool:
    """Whether every text is an id (:data:`~chronology.events.ID_PATTERN`), in one match over them all.

    False says only that one may not be: each is then matched by itself.
    """
    if not texts:
        return True
    joined = "\n".join(texts) + "\n"
    return joined.count("\n") == len(texts) and _IDS_MATCH(joined) is not None  # no id holds the line break


def _sound(table: Mapping[str, Any], known: Mapping[str, str], required: Mapping[str, None]) -> bool:
    """Whether a table passes every check of ``_Reader._checked_table`` at once (it then reports nothing).

    Keys known and required ones present, each value of its key's shape, and every text read as prose
    printable, in one pass over the table. False says only that the full check must run: a text with
    a tab or a line break is not printable but may be allowed, and the full check says so.
    """
    keys = table.keys()
    if not (keys <= known.keys() and required.keys() <= keys):
        return False
    codes = _CODES_OF.get(id(known))
    if codes is None:
        codes = _codes(known)
    for key, value in table.items():
        code = codes[key]
        if value.__class__ is str:  # most values: text fits the shapes that take text, and only those
            if code == _TAKES_TEXT or (code == _PROSE_TEXT and value.isprintable()):
                continue
            return False
        if value.__class__ is list:  # fits only an array of tables or of text
            if code == _TABLES:
                for item in value:
                    if item.__class__ is not dict:
                        return False
                continue
            if code != _TEXTS and code != _PROSE_TEXTS:
                return False
            for text in value:  # links, names
                if text.__class__ is not str:
                    return False
            if code == _PROSE_TEXTS and not "".join(value).isprintable():
                return False
        elif not fits(value, known[key]):
            return False
    return True


# How _sound checks a key: text (or a date or a figure, which may be text) with nothing more to check; text
# read as prose; an array of text; an array of text read as prose; an array of tables; any other shape.
_TAKES_TEXT, _PROSE_TEXT, _TEXTS, _PROSE_TEXTS, _TABLES, _OTHER = range(6)


def _codes(known: Mapping[str, str]) -> dict[str, int]:
    prose = dict(_prose_keys(known))
    return {
        key: _PROSE_TEXT
        if prose.get(key) == "text"
        else _PROSE_TEXTS
        if prose.get(key) == "texts"
        else _TAKES_TEXT
        if shape in _TEXT_SHAPES
        else _TEXTS
        if shape == "texts"
        else _TABLES
        if shape == "tables"
        else _OTHER
        for key, shape in known.items()
    }


def _prose_keys(known: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The keys of a table read as prose (text, or arrays of text) and their shapes: checked for control characters."""
    return tuple((key, shape) for key, shape in known.items() if key in _PROSE and shape in ("text", "texts"))


_PROSE_OF: Final = {id(known): _prose_keys(known) for known in (EVENT_KEYS, SOURCE_KEYS, CITATION_KEYS, CLAIM_KEYS)}
_CODES_OF: Final = {id(known): _codes(known) for known in (EVENT_KEYS, SOURCE_KEYS, CITATION_KEYS, CLAIM_KEYS)}


def year_zero_message() -> str:
    """Why a TOML date of year 0 is refused, and how to write year 0."""
    return (
        "TOML syntax: a TOML date cannot have year 0 (0000-01-01), as the calendar it uses starts at year 1; "
        'if year 0 (1 BCE) is meant, write the date as text in EDTF: "0000-01-01" (or "0000")'
    )


def year_zero_at(text: str, line: int | None) -> bool:
    """Whether line ``line`` of ``text`` holds a TOML date of year 0 (``when = 0000-01-01``)."""
    if line is None or line < 1:
        return False
    lines = text.split("\n")
    return line <= len(lines) and _YEAR_ZERO.search(lines[line - 1]) is not None


def not_unicode_problem(text: str, index: int) -> Problem:
    """The problem of a text holding a lone surrogate (first found at or after ``index``), placed at it."""
    found = SURROGATE.search(text, max(0, min(index, len(text)))) or SURROGATE.search(text)
    if found is None:  # not a surrogate after all: say what is known
        return Problem("is not valid Unicode text: it cannot be written as UTF-8")
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    message = f"is not valid Unicode text: it {surrogate_message(text, at, position=False)}"
    return Problem(message, line=line, column=column)


def _offset(error: DateParseError) -> int | None:
    """Columns from the opening quote of a value to the character a date error points at."""
    if error.position is None:
        return None
    return error.position + 1


def _common_event(event_id: str, plain: Any, when: DateValue, anchor: str | None, widening: Widening | None) -> Event:
    """The event of a common table (``plain``: its checked values, as the loader's quick route reads them).

    No links, claims or extra; told in the past tense; dated ``when`` (read from ``anchor`` where given).
    """
    return Event._checked(
        event_id,
        plain[1],
        when,
        plain[3],
        plain[4],
        plain[5],
        plain[6],
        plain[7],
        plain[8],
        (),
        (),
        (),
        None,
        (),
        anchor,
        Tense.PAST,
        widening,
        _NO_EXTRA_FROZEN,
    )
