"""How the dates of a file are read: its ``[reading]`` table, a source's own calendar and zone.

Part of the loader's reader (:mod:`chronology.files.load`): the calendar (Gregorian, or Julian
for Old Style dates in words), the zone of times without an offset and the widening of a file,
which its includes share; a source's own calendar and zone, for the dates read from it; and
the warning of a date read in the Julian calendar after Britain left it.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Mapping
from typing import Any, Final

import attrs

from chronology.consistency import suggest
from chronology.dates import Widening
from chronology.errors import ChronologyWarning, DateParseError, InvalidDateError, Problem
from chronology.files._checks import _Checks
from chronology.files._state import KeyPath, _File, _Record
from chronology.files.schema import READING_KEYS
from chronology.notation import Calendar
from chronology.zones import zone_named

#: The module a warning of the loader is filtered by: the public one, whichever of its parts warns.
_WARNED_AS: Final = "chronology.files.load"


class _Readings(_Checks):
    """The calendar, zone and widening each file, source, event and claim is read in."""

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

    def _warn_after_reform(self) -> None:
        """Warn of each date in words read in the Julian calendar that falls after Britain left it (``NEW_STYLE_DAY``).

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
            self._warn_at(file, where, problem)

    def _warn_at(self, file: _File, where: KeyPath, problem: Problem) -> None:
        """Warn of ``problem``, placed as problems are: at the line and column of ``where`` in ``file``."""
        spot = file.spot(where)
        line = column = None
        if spot is not None:
            line = spot.line
            column = spot.value_column if spot.value_column is not None else spot.column
        placed = attrs.evolve(problem, path=file.name, line=line, column=column)
        # shown at its place in the file (as Python shows a warning, with that line), not in this module
        warnings.warn_explicit(str(placed), ChronologyWarning, str(file.path), line or 0, module=_WARNED_AS)
