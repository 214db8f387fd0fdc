"""What one reading of event files holds: its files, their tables, and the problems found, each placed.

Part of the loader (:mod:`chronology.files.load`): the reader there is made of the parts in the
``_``-prefixed modules beside this one, each of one job; this is the part they all share.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from chronology.consistency import Suggester
from chronology.dates import DateValue, UncertainDate, Widening
from chronology.errors import DateParseError, Problem
from chronology.files._locate import Spot, locate
from chronology.notation import Calendar
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense

PathLike = str | os.PathLike[str]
KeyPath = tuple[str | int, ...]  # as schema.KeyPath, which the loader uses: where a value is in a document


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


class _ReaderState:
    """The files read, their ``[[events]]`` and ``[[sources]]`` tables, what was read of them, and the problems."""

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
