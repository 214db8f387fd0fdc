"""The dates of an event file: each text read once, in its file's (or source's) calendar and zone.

Part of the loader's reader (:mod:`chronology.files.load`). A date as written is read by
:func:`~chronology.notation.parse_expression` (a plain day by its quickest route) and kept
by its text; a phrase ("three days later") is read from its anchor, a source's publication or
another event's date, which is read first (in a loop: chains of anchors may be long).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Mapping
from typing import Any, Final

from chronology._calendar import NEW_STYLE_DAY
from chronology.dates import DateValue, Interval, UncertainDate
from chronology.errors import ChronologyError, DateParseError, Problem
from chronology.events import ID_PATTERN, Source
from chronology.files._reading import _Readings
from chronology.files._state import KeyPath, _File, _Record
from chronology.index import day_ends
from chronology.notation import Calendar, parse_expression
from chronology.notation.edtf import looks_like_edtf, parse_iso_day
from chronology.notation.labels import MONTH_NAMES, julian_label
from chronology.relative import RelativeDate, Tense

_TENSES: Final = {tense.value: tense for tense in Tense}
_DATE_TYPES: Final = (UncertainDate, Interval)  # a tuple: isinstance is quicker with one than with a union
_NOT_DATES: Final = (RelativeDate, DateParseError)
_PAST_ID: Final = id(Tense.PAST)  # a tense as the load's cache of phrases read from their anchors keys it


def _after_reform(value: DateValue, text: str, zone: str | None) -> DateValue | None:
    """The Gregorian reading of ``text``, read as ``value`` in the Julian calendar, if it falls wholly after the reform.

    A date in words read as Julian on or after ``NEW_STYLE_DAY`` (Britain's first Gregorian day) is more likely a
    modern, Gregorian one (a modern edition's date) and is warned of. (Russia kept the Julian calendar until 1918
    and Greece until 1923; such dates are read as written, with the warning.)

    None when ``value`` starts before ``NEW_STYLE_DAY``, or when the calendar did not change the reading (ISO,
    EDTF, a date that says "(N.S.)"), or when the text names no Gregorian date ("29 February 1900").
    """
    if day_ends(value)[0] < NEW_STYLE_DAY:
        return None
    try:
        gregorian = parse_expression(text, zone=zone)
    except ChronologyError:
        return None
    if gregorian == value or not isinstance(gregorian, _DATE_TYPES):
        return None
    return gregorian


_ISO_YEAR_MONTH_DAY: Final = re.compile(r"([1-9]\d{3})(?:-(\d\d)(?:-(\d\d))?)?")
#: How many of the other ISO dates of a Julian file its one warning names (the rest are counted).
_ISO_NAMED: Final = 3


def _old_style_words(text: str) -> str:
    """How to write ``text`` (ISO/EDTF) as an Old Style date in words: "'in 1665' or '1665 (O.S.)'"."""
    found = _ISO_YEAR_MONTH_DAY.fullmatch(text)
    if found is None:
        return "'in 1665', '1665 (O.S.)', '2 September 1665'"
    year, month, day = found.groups()
    if month is None:
        return f"'in {year}' or '{year} (O.S.)'"
    if not 1 <= int(month) <= 12:
        return "'in 1665', '1665 (O.S.)', '2 September 1665'"
    words = f"{MONTH_NAMES[int(month) - 1]} {year}"
    return f"'{words}'" if day is None else f"'{int(day)} {words}'"


def _offset(error: DateParseError) -> int | None:
    """Columns from the opening quote of a value to the character a date error points at."""
    if error.position is None:
        return None
    return error.position + 1


class _Dates(_Readings):
    """Reading ``when``, ``published``, a citation's ``when`` and a claim's ``said``; resolving anchors."""

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

    def _warn_iso_in_julian(self) -> None:
        """Warn, once a file, of events whose ``when`` is ISO/EDTF though they are read in the Julian calendar.

        Notation is always Gregorian, so "1665" in an Old Style file is 1 January to 31 December 1665 New
        Style, not the Julian year "in 1665" names: a date before 14 September 1752 written so is warned of,
        at the first such event of its file, with how to write it in words and how many more there are.
        """
        found: dict[int, list[tuple[_Record, str, DateValue]]] = {}  # by the file's id: a file is not hashable
        for record in self.events:
            when = record.table.get("when")
            if isinstance(when, datetime.date) and not isinstance(when, datetime.datetime):  # a TOML date: ISO
                text = when.isoformat()
            elif isinstance(when, str) and looks_like_edtf(when):
                text = when.strip()
            else:
                continue
            reading = self._reading_of(record)
            if reading[0] != "julian":
                continue
            value = self._expression(text, record.file, reading)
            if isinstance(value, _DATE_TYPES) and day_ends(value)[0] < NEW_STYLE_DAY:
                found.setdefault(id(record.file), []).append((record, text, value))
        for dated in found.values():
            (record, text, value), others = dated[0], dated[1:]
            message = (
                f"{text!r} is ISO/EDTF notation, which is always read as Gregorian: {value.label} "
                f"({julian_label(value)}), though this event's dates in words are read in the Julian calendar "
                f'(calendar = "julian"); for the Old Style date, write it in words: {_old_style_words(text)}'
            )
            if others:
                named = ", ".join(repr(other.id) for other, _, _ in others[:_ISO_NAMED])
                rest = f" and {len(others) - _ISO_NAMED} more" if len(others) > _ISO_NAMED else ""
                message += (
                    f"; {len(others)} more {'event' if len(others) == 1 else 'events'} of this file "
                    f"{'has' if len(others) == 1 else 'have'} such a when ({named}{rest})"
                )
            problem = Problem(message, event=record.id, field="when", record=record.kind, column=0)
            self._warn_at(record.file, (*record.where, "when"), problem)

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
