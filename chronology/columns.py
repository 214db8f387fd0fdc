"""A timeline's events as columns: arrays of ids and bounds, with each ``Event`` made only when asked for.

:meth:`chronology.Timeline.from_columns` builds a timeline from them, so a
data set of millions of events (ACLED, GDELT) can be queried without making
millions of Python objects first. The columns are checked once, in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final, overload

import numpy as np
import numpy.typing as npt

from chronology._calendar import MAX_ABS_YEAR, OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology._suggest import suggest
from chronology.dates import DEFAULT_WIDENING, DateValue, Interval, Precision, Qualifier, UncertainDate, Widening
from chronology.errors import ChronologyError, InvalidEventError, WrongTypeError
from chronology.events import Event, _title_fault, _title_problem

__all__ = ["QUALIFIERS", "Columns"]

#: Seconds from the model's day 0 to numpy's epoch (1970-01-01 is day number 719,163 of the proleptic calendar).
_NUMPY_EPOCH: Final = 719_163 * SECONDS_PER_DAY
#: Qualifiers as EDTF writes them after a date.
QUALIFIERS: Final = {"": Qualifier.NONE, "?": Qualifier.UNCERTAIN, "~": Qualifier.APPROXIMATE, "%": Qualifier.BOTH}
_PRECISIONS: Final = tuple(Precision)
#: numpy's calendar units: a bound given in one of them covers the whole unit.
_WHOLE_UNITS: Final = ("Y", "M", "W", "D", "h", "m")


class Columns(Sequence[Event]):
    """The events of a timeline as columns (read-only arrays), one row per event; ``columns[i]`` makes event i.

    Build it with :meth:`from_arrays`. ``starts`` and ``ends`` are (2, n)
    arrays of seconds on the model's timeline: each row's earliest and latest
    moment of its start and of its end (the same for something that does not
    last).
    """

    def __init__(
        self,
        ids: npt.NDArray[np.str_],
        titles: npt.NDArray[np.str_] | None,
        starts: npt.NDArray[np.int64],
        ends: npt.NDArray[np.int64],
        lasting: npt.NDArray[np.bool_],
        precision: npt.NDArray[np.int8],
        qualifier: npt.NDArray[np.int8],
        end_precision: npt.NDArray[np.int8] | None = None,
        end_qualifier: npt.NDArray[np.int8] | None = None,
    ) -> None:
        self.ids = ids
        self.titles = titles
        self.starts = starts
        self.ends = ends
        self.lasting = lasting
        self.precision = precision
        self.qualifier = qualifier
        #: the end's precision and qualifier, where an event that lasts gives its end in another unit
        self.end_precision = precision if end_precision is None else end_precision
        self.end_qualifier = qualifier if end_qualifier is None else end_qualifier
        self._made: dict[int, Event] = {}

    @classmethod
    def from_arrays(
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
    ) -> Columns:
        """Columns from arrays; see :meth:`chronology.Timeline.from_columns` for what each holds.

        Bounds are read in their row's unit: a last bound at the start of its
        unit covers it (pandas gives the day 20 March as its midnight, in
        nanoseconds: as ``latest`` of a row given to the day, all of 20 March).

        Raises:
            InvalidEventError: arrays of different lengths, an id given twice, a
                bound after its other bound, a bound inside its row's unit (a
                time of day in a row given to the day), a year beyond those the
                model holds, an unknown precision or qualifier; the message names
                the first row and its id.
            WrongTypeError: a bound that is not a date (``datetime64``).

        """
        id_array = _text_column(ids, "ids", None, None)
        count = id_array.size
        start = np.stack(
            [
                _seconds(earliest, "earliest", count, end=False, ids=id_array),
                _seconds(latest, "latest", count, end=True, ids=id_array),
            ]
        )
        lasting = end_earliest is not None or end_latest is not None
        if lasting:
            if end_earliest is None or end_latest is None:
                raise InvalidEventError(
                    "give both end_earliest and end_latest, or neither (for events that do not last)"
                )
            end = np.stack(
                [
                    _seconds(end_earliest, "end_earliest", count, end=False, ids=id_array),
                    _seconds(end_latest, "end_latest", count, end=True, ids=id_array),
                ]
            )
        else:
            end = start
        precisions = _precisions(precision, id_array)
        _as_units(start, ("earliest", "latest"), precisions, id_array)
        if lasting:
            _as_units(end, ("end_earliest", "end_latest"), precisions, id_array)
        columns = cls(
            id_array,
            None if titles is None else _one_line(_text_column(titles, "titles", count, id_array), id_array),
            start,
            end,
            np.full(count, lasting, dtype=bool),
            precisions,
            _qualifier_codes(qualifiers, id_array),
        )
        columns._check()
        for array in (id_array, start, end, columns.lasting, columns.precision, columns.qualifier):
            array.flags.writeable = False
        return columns

    def _check(self) -> None:
        ids = self.ids
        unique, first, counts = np.unique(ids, return_index=True, return_counts=True)
        if (counts > 1).any():
            twice = unique[counts > 1]
            row = int(np.flatnonzero(ids == twice[0])[1])
            raise InvalidEventError(
                f"ids, row {row}: id {str(twice[0])!r} is given twice (first in row {first[counts > 1][0]}); "
                "give each event its own id"
            )
        for (name, other), (lo, hi) in (
            (("earliest", "latest"), self.starts),
            (("end_earliest", "end_latest"), self.ends),
        ):
            wrong = np.flatnonzero(lo > hi)
            if wrong.size:
                row = int(wrong[0])
                given, bound = _moment(int(lo[row])), _moment(int(hi[row]))
                raise InvalidEventError(
                    f"{name}, {_at(row, ids)}: {name} {given} comes after {other} {bound}; "
                    f"give {name} <= {other} (swapped: {name} {_moment(int(hi[row]))}, "
                    f"{other} {_moment(int(lo[row]))})"
                )
        wrong = np.flatnonzero((self.starts[0] > self.ends[1]) & self.lasting)
        if wrong.size:
            row = int(wrong[0])
            start, end = _moment(int(self.starts[0, row])), _moment(int(self.ends[1, row]))
            raise InvalidEventError(
                f"end_latest, {_at(row, ids)}: it ends before it can start (end_latest {end} is before "
                f"earliest {start}); give end_latest on or after earliest"
            )

    # -- a sequence of events ---------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self.ids.size)

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Event]: ...

    def __getitem__(self, index: int | slice) -> Event | Sequence[Event]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        made = self._made.get(index)
        if made is None:
            if not 0 <= index < len(self):
                raise IndexError(f"row {index} of {len(self)}")
            made = self._made[index] = self._make(index)
        return made

    def _make(self, row: int) -> Event:
        """Row ``row`` as an event (once: :meth:`__getitem__` keeps what it made)."""
        title = str(self.titles[row]) if self.titles is not None else ""
        return Event(id=str(self.ids[row]), title=title, when=self.value(row))

    def __iter__(self) -> Iterator[Event]:
        return (self[i] for i in range(len(self)))

    def value(self, row: int) -> DateValue:
        """Row ``row``'s date as a date value."""
        precision = _PRECISIONS[int(self.precision[row])]
        qualifier = Qualifier(int(self.qualifier[row]))
        lo, hi = (int(x) for x in self.starts[:, row])
        start = UncertainDate.from_seconds(lo, hi, precision, qualifier=qualifier)
        if not self.lasting[row]:
            return start
        lo, hi = (int(x) for x in self.ends[:, row])
        precision = _PRECISIONS[int(self.end_precision[row])]
        qualifier = Qualifier(int(self.end_qualifier[row]))
        return Interval(start, UncertainDate.from_seconds(lo, hi, precision, qualifier=qualifier))

    def ranks(self) -> dict[str, int]:
        """Each linked event's place in an order that keeps its links (columns given as arrays have no links)."""
        return {}

    # -- bounds for the index ---------------------------------------------------------------------

    def days(self, widening: Widening | None) -> tuple[np.ndarray, np.ndarray]:
        """(4, n) day bounds (start first/last, end first/last), as stated and widened by ``widening``.

        None: each row's own policy, which for columns given as arrays is the default one.
        """
        if widening is None:
            widening = DEFAULT_WIDENING
        seconds = np.concatenate([self.starts, self.ends])
        wide = seconds.copy()
        if widening.widens:
            start_pads = _pads(self.precision, self.qualifier, widening)
            end_pads = start_pads if self.end_precision is self.precision else None
            if end_pads is None or self.end_qualifier is not self.qualifier:
                end_pads = _pads(self.end_precision, self.end_qualifier, widening)
            for row, sign, pads in ((0, -1, start_pads), (1, 1, start_pads), (2, -1, end_pads), (3, 1, end_pads)):
                keep = (seconds[row] <= OPEN_LO) | (seconds[row] >= OPEN_HI)
                wide[row] = np.where(keep, seconds[row], seconds[row] + sign * pads)
        raw_days, wide_days = seconds // SECONDS_PER_DAY, wide // SECONDS_PER_DAY
        for days in (raw_days, wide_days):  # as for every interval: its start is not after its end, nor the reverse
            np.minimum(days[1], days[3], out=days[1])
            np.maximum(days[2], days[0], out=days[2])
        return raw_days, wide_days


#: The seconds of each precision's unit a bound is read in: a day for a day and anything coarser.
_UNIT_SECONDS: Final = np.array(
    [{Precision.SECOND: 1, Precision.MINUTE: 60, Precision.HOUR: 3600}.get(p, SECONDS_PER_DAY) for p in _PRECISIONS],
    dtype=np.int64,
)


def _as_units(
    bounds: npt.NDArray[np.int64], names: tuple[str, str], precisions: npt.NDArray[np.int8], ids: npt.NDArray[np.str_]
) -> None:
    """Bounds read in their row's unit, in place: a latest at the first second of its unit covers the unit.

    pandas writes a day as its midnight in nanoseconds, so ``latest`` 2024-03-20 00:00 of a row whose precision
    is a day means all of 20 March (as 14:30 means all of that minute at a minute's precision). A bound inside
    its unit (a time of day in a row given to the day) is refused: the precision would say less than it.
    """
    unit = _UNIT_SECONDS[precisions]
    for side, name in enumerate(names):
        values = bounds[side]
        held = (values > OPEN_LO) & (values < OPEN_HI)
        rest = values % unit
        if side:
            # its unit's first second, or (bounds in hours or minutes cover their hour or minute) its first hour's
            # or minute's last: the unit's start, as the column's own unit gives it
            first = held & ((rest == 0) | (rest == 59) | (rest == 3599)) & (rest < unit - 1)
            values[first] += unit[first] - 1 - rest[first]
            timed = held & ~first & (rest != unit - 1)
        else:
            timed = held & (rest != 0)
        if timed.any():
            row = int(timed.argmax())
            given = _PRECISIONS[int(precisions[row])].value
            seconds = int(unit[row])
            whole = {60: "minute", 3600: "hour"}.get(seconds, "day")
            floor = {60: "min", 3600: "h"}.get(seconds, "D")
            raise InvalidEventError(
                f"{name}, {_at(row, ids)}: {_moment(int(values[row]))} falls inside its {whole}, but the row's "
                f"precision is {given!r}; give the precision of its time (a finer one: 'minute' or 'second'), or "
                f"bounds that start {'an' if whole == 'hour' else 'a'} {whole} (in pandas, column.dt.floor({floor!r}))"
            )


def _moment(seconds: int) -> str:
    """A bound as errors show it: its day when it is a day's first or last second (``2024-10-01``), else the time."""
    if seconds <= OPEN_LO or seconds >= OPEN_HI:
        return "NaT (open)"
    day, rest = divmod(seconds, SECONDS_PER_DAY)
    if rest in (0, SECONDS_PER_DAY - 1):
        return str(np.datetime64(day - _NUMPY_EPOCH // SECONDS_PER_DAY, "D"))
    return str(np.datetime64(seconds - _NUMPY_EPOCH, "s"))


def _pads(precision: npt.NDArray[np.int8], qualifier: npt.NDArray[np.int8], widening: Widening) -> np.ndarray:
    """Seconds each row is widened by on each side, worked out once per (precision, qualifier) found."""
    pads = np.zeros(precision.size, dtype=np.int64)
    combos = precision.astype(np.int64) * 8 + qualifier
    for combo in np.unique(combos[qualifier != 0]).tolist():
        unit, flags = _PRECISIONS[combo // 8], Qualifier(combo % 8)
        sample = UncertainDate.from_seconds(0, 0, unit, qualifier=flags)
        pads[combos == combo] = widening.units(sample) * unit.longest_seconds
    return pads


def _seconds(
    values: npt.ArrayLike,
    name: str,
    count: int,
    *,
    end: bool,
    ids: npt.NDArray[np.str_] | None = None,
    label: str = "row",
) -> npt.NDArray[np.int64]:
    """Bounds as seconds of the model's timeline; a bound in days (or coarser) covers its whole unit when ``end``.

    ``ids`` (or, without them, ``label``: "row", "window") name a row in errors.
    """
    array = np.asarray(values)
    if array.shape != (count,):
        raise InvalidEventError(f"{name} has {array.size} rows, the ids {count}: give one bound per event")
    if array.dtype.kind == "O":  # (text from pandas, or None among the dates)
        array = _object_texts(array, name, ids, label, lambda value: "".join(_date_hint(value)), "a date (ISO text)")
    if array.dtype.kind in "US":
        return _text_seconds(array, name, end=end, ids=ids, label=label)
    if array.dtype.kind != "M":
        if not array.size:  # no rows: no bounds, whatever the type
            return np.zeros(0, dtype=np.int64)
        raise WrongTypeError(
            f"{name} must be dates (a numpy datetime64 array or ISO text), not {array.dtype}: "
            f"{_at(0, ids, label)} is {array[0].item()!r}; give ISO text ('2024-10-18') or a datetime64 array"
        )
    unit = np.datetime_data(array.dtype)[0]
    missing = np.isnat(array)
    years = array.astype("datetime64[Y]").view(np.int64)  # (coarser: never overflows; NaT stays numpy's lowest)
    beyond = ~missing & ((years < -MAX_ABS_YEAR - 1970) | (years > MAX_ABS_YEAR - 1970))
    if beyond.any():
        row = int(beyond.argmax())
        raise InvalidEventError(
            f"{name}, {_at(row, ids, label)}: {array[row]} lies beyond the years the model holds "
            f"(-{MAX_ABS_YEAR:,} to {MAX_ABS_YEAR:,})"
        )
    if end and unit in _WHOLE_UNITS:
        one: np.timedelta64 = np.timedelta64(1, unit)  # type: ignore[call-overload]  # the unit is read at run time
        array = array + one
    seconds: npt.NDArray[np.int64] = array.astype("datetime64[s]").astype(np.int64) + _NUMPY_EPOCH
    if end and unit in _WHOLE_UNITS:
        seconds -= 1
    seconds[missing] = OPEN_HI if end else OPEN_LO
    return seconds


def _text_seconds(
    array: np.ndarray, name: str, *, end: bool, ids: npt.NDArray[np.str_] | None, label: str
) -> npt.NDArray[np.int64]:
    """ISO dates as text, each read at its own precision: ``2023-01`` is all of January beside ``2024-01-15``.

    (numpy reads a whole array of text at its finest unit, which would make
    the month its first day.) Each distinct text is read once.
    """
    texts, where = np.unique(array.astype(np.str_), return_inverse=True)
    where = where.reshape(-1)
    by_unit: dict[str, list[int]] = {}
    values = []
    for number, text in enumerate(texts.tolist()):
        try:
            value = np.datetime64(text)
        except ValueError as error:
            row = int(np.flatnonzero(where == number)[0])
            why, nearest = _date_hint(text, str(error))
            raise WrongTypeError(
                f"{name}, {_at(row, ids, label)}: {text!r} is not an ISO date{why}; {_DATES_ACCEPTED}{nearest}"
            ) from None
        values.append(value)
        by_unit.setdefault(np.datetime_data(value.dtype)[0], []).append(number)
    seconds = np.empty(texts.size, dtype=np.int64)
    for unit, numbers in by_unit.items():
        same = np.array([values[k] for k in numbers], dtype=f"datetime64[{unit}]")
        seconds[numbers] = _seconds(same, name, len(numbers), end=end)
    return seconds[where]


#: What a bound given as text may be, for errors.
_DATES_ACCEPTED: Final = (
    "give ISO dates ('2024-10-18', '2024-10', '2024', '2024-10-18T09:30'), 'NaT' for an open bound, "
    "or a datetime64 array"
)


def _date_hint(text: object, reason: str = "") -> tuple[str, str]:
    """Why ``text`` is no date numpy reads, and the nearest one it reads, as the date parser finds them.

    `` (month 13 does not exist; expected 01-12)`` and ``""``, or ``""`` and ``; did you mean
    '2024-10-18'?``; ``reason`` (numpy's) when the parser finds nothing better.
    """
    if text is None or (isinstance(text, float) and text != text):  # (NaN, as pandas misses a value)
        return "", "; give 'NaT' (or np.datetime64('NaT')) for an open bound"
    if hasattr(text, "isoformat"):  # a datetime.date, datetime or pandas Timestamp
        return "", f"; did you mean {text.isoformat()!r}?"
    if not isinstance(text, str):
        return "", ""
    from chronology.notation import parse  # (only when a text is wrong: the parser is not needed otherwise)

    why = ""
    for attempt in dict.fromkeys([text, text.strip().replace("/", "-").replace(".", "-")]):
        try:
            value = parse(attempt)
        except (ChronologyError, ValueError) as error:
            why = why or str(getattr(error, "reason", error))
            continue
        if not isinstance(value, UncertainDate):  # (an interval: two bounds, not one)
            continue
        form = value.edtf.rstrip("?~%")
        try:
            np.datetime64(form)
        except ValueError:
            continue
        qualified = " (its qualifier goes in qualifiers)" if form != value.edtf else ""
        return "", f"; did you mean {form!r}{qualified}?"
    why = why or reason.replace(f' "{text}"', "")
    return (f" ({why})" if why else ""), ""


_DAY_EPOCH: Final = 719_163  # numpy's day 0 (1970-01-01) in the model's day numbers (1 is 1 January of year 1)
_DAYS: Final = np.dtype("datetime64[D]")
_NAT_DAY: Final = np.iinfo(np.int64).min + _DAY_EPOCH  # NaT (numpy's lowest int64) as day_numbers reads it first


def day_numbers(values: npt.ArrayLike, name: str, *, end: bool, label: str = "window") -> npt.NDArray[np.int64]:
    """Dates given as an array (``datetime64`` of any unit, or ISO text) as the model's day numbers.

    A value in days or coarser covers its whole unit: its first day, or with
    ``end`` its last (``2024-10`` as an end is 31 October). A time falls on
    its day as written. NaT is open: before every day, or with ``end`` after
    every day. ``label`` names a row in errors (``starts, window 3: ...``).

    Raises:
        WrongTypeError: values that are not dates, or not one flat array.

    """
    array = np.asarray(values)
    if array.dtype == _DAYS and array.ndim == 1:  # the common case: one addition
        days: npt.NDArray[np.int64] = array.view(np.int64) + _DAY_EPOCH
        # (NaT is numpy's lowest value: as a first day, it is open already; as a last, the lowest: one look)
        if end and days.size and days.min() == _NAT_DAY:
            days[days == _NAT_DAY] = OPEN_HI // SECONDS_PER_DAY
        return days
    if array.ndim != 1:
        raise WrongTypeError(f"{name} must be one flat array of dates, not an array of shape {array.shape}")
    return _seconds(array, name, array.size, end=end, label=label) // SECONDS_PER_DAY


def _at(row: int, ids: npt.NDArray[np.str_] | None, label: str = "row") -> str:
    """A row as errors name it: ``row 1 (id 'b')``, or ``window 1`` where there are no ids."""
    return f"{label} {row}" if ids is None else f"{label} {row} (id {str(ids[row])!r})"


def _text_column(
    values: npt.ArrayLike, name: str, count: int | None, ids: npt.NDArray[np.str_] | None
) -> npt.NDArray[np.str_]:
    """One text per event (``count`` of them, when known), as numpy text; pandas' object arrays of text too."""
    array = np.asarray(values)
    if array.ndim != 1:
        raise WrongTypeError(f"{name} must be one flat array of text, not an array of shape {array.shape}")
    if count is not None and array.size != count:
        raise InvalidEventError(f"{name} has {array.size} rows, the ids {count}: give one per event")
    if array.dtype.kind == "O":
        array = _object_texts(array, name, ids, "row", lambda value: _text_hint(name, value), "text")
    if array.dtype.kind == "S":
        raise WrongTypeError(
            f"{name} must be text, not bytes: {_at(0, ids)} is {array[0]!r}; decode them ({name}.astype(str))"
        )
    if array.dtype.kind != "U" and array.size:
        raise WrongTypeError(
            f"{name} must be text, not {array.dtype}: {_at(0, ids)} is {array[0].item()!r}; "
            f"give them as text ({name}.astype(str): {str(array[0])!r})"
        )
    return array.astype(np.str_)


def _one_line(titles: npt.NDArray[np.str_], ids: npt.NDArray[np.str_]) -> npt.NDArray[np.str_]:
    """``titles``, each as an event's title is (one line, not blank): refused at the first that is not.

    The rule and the message are the event's (``_title_fault``), with the row; only the rows the
    screen of ``_title_suspects`` picks are looked at one by one.
    """
    for row in _title_suspects(titles):
        title = str(titles[row])
        fault = _title_fault(title)
        if fault is not None:
            raise InvalidEventError(
                f"titles, {_at(row, ids)}: {_title_problem(fault, title)}; in pandas, "
                "column.str.split().str.join(' ') makes each one line (a blank one '', no title)"
            )
    return titles


def _title_suspects(titles: npt.NDArray[np.str_]) -> Iterator[int]:
    """The rows whose title may break the title rule, in order: the others keep it.

    A screen over the code points, a chunk of rows at a time: a line break is a control character,
    NEL, U+2028 or U+2029; a blank title starts with blank space (a control character, U+0020, or a
    character from NEL on). A title of letters starting with a letter below NEL, the common one, passes.
    """
    width = titles.dtype.itemsize // 4  # numpy text is UTF-32: one 32-bit code per character, padded with 0
    if not titles.size or not width:
        return
    codes = np.ascontiguousarray(titles).view(np.uint32).reshape(titles.size, width)
    step = max(1, _SCREEN_CODES // width)
    for start in range(0, titles.size, step):
        chunk = codes[start : start + step]
        lead = chunk[:, 0]
        odd = ((lead - 1) < 0x20) | (lead >= 0x85)  # (an empty title's lead, 0, wraps round to pass)
        flat = chunk.ravel()  # (the padding after a title, 0, wraps round too)
        if ((flat - 1) < 0x1F).any() or (flat == 0x85).any() or ((flat | 1) == 0x2029).any():  # rare: which rows
            odd |= (((chunk - 1) < 0x1F) | (chunk == 0x85) | ((chunk | 1) == 0x2029)).any(axis=1)
        for row in np.flatnonzero(odd).tolist():
            yield start + row


_SCREEN_CODES: Final = 1 << 16  # code points screened at a time (temporary arrays that stay in the cache)


def _object_texts(
    array: np.ndarray,
    name: str,
    ids: npt.NDArray[np.str_] | None,
    label: str,
    hint: Callable[[object], str],
    wanted: str,
) -> npt.NDArray[np.str_]:
    """An object array (pandas gives one for text) as numpy text; refused at its first value that is not text."""
    items = array.tolist()
    is_text = np.fromiter((isinstance(item, str) for item in items), dtype=bool, count=len(items))
    if is_text.all():
        return np.asarray(items, dtype=np.str_) if items else np.zeros(0, dtype=np.str_)
    row = int(np.flatnonzero(~is_text)[0])
    value = items[row]
    raise WrongTypeError(f"{name}, {_at(row, ids, label)}: {value!r} is not {wanted}{hint(value)}")


def _text_hint(name: str, value: object) -> str:
    """What to give instead of ``value``, a missing or other value among texts."""
    if value is None or (isinstance(value, float) and value != value):  # (NaN: pandas' missing value)
        return "; every event needs an id, all different ('e1')" if name == "ids" else "; give '' for none"
    return f"; give it as text: {str(value)!r}"


def _precisions(values: str | Precision | npt.ArrayLike, ids: npt.NDArray[np.str_]) -> npt.NDArray[np.int8]:
    numbers = {precision.value: k for k, precision in enumerate(_PRECISIONS)}
    accepted = f"is not one of {', '.join(numbers)}"
    if isinstance(values, Precision):
        values = values.value
    if isinstance(values, str):
        if values not in numbers:
            raise InvalidEventError(
                f"precision {values!r} {accepted}{suggest(values.strip().lower().rstrip('s'), numbers)}"
            )
        return np.full(ids.size, numbers[values], dtype=np.int8)
    array = np.asarray(values)
    if array.dtype.kind == "O":  # Precision members are read as their names
        array = np.asarray([v.value if isinstance(v, Precision) else v for v in array.tolist()], dtype=object)
    return _coded(array, numbers, ids, ("precision", "precision"), "give one per event, or one for all", accepted)


def _qualifier_codes(values: npt.ArrayLike | None, ids: npt.NDArray[np.str_]) -> npt.NDArray[np.int8]:
    if values is None:
        return np.zeros(ids.size, dtype=np.int8)
    numbers = {symbol: qualifier.value for symbol, qualifier in QUALIFIERS.items()}
    accepted = "is not one of '', '?', '~', '%' (as EDTF writes them)"
    return _coded(values, numbers, ids, ("qualifiers", "qualifier"), "give one per event", accepted)


#: Qualifiers as people write them, and their EDTF symbols (the nearest correct form, for errors).
_QUALIFIER_WORDS: Final = {
    "c": "~",
    "ca": "~",
    "circa": "~",
    "about": "~",
    "approx": "~",
    "approximate": "~",
    "approximately": "~",
    "uncertain": "?",
    "possibly": "?",
    "probably": "?",
    "?~": "%",
    "~?": "%",
    "none": "",
    "nan": "",
    "exact": "",
}


def _coded(
    values: npt.ArrayLike,
    numbers: dict[str, int],
    ids: npt.NDArray[np.str_],
    name: tuple[str, str],
    one_each: str,
    accepted: str,
) -> npt.NDArray[np.int8]:
    """One number per event for the names ``values`` holds, read once per distinct name.

    ``name``: the argument's, and one value's ("qualifiers", "qualifier").
    """
    argument, one = name
    given = np.asarray(values)
    if given.shape != ids.shape:
        raise InvalidEventError(f"{argument} has {given.size} rows, the ids {ids.size}: {one_each}")
    if given.dtype.kind == "O":
        given = _object_texts(given, argument, ids, "row", lambda _: "", f"a {one} (text)")
    names = given.astype(np.str_)
    kinds, back = np.unique(names, return_inverse=True)
    unknown = [number for number, kind in enumerate(kinds.tolist()) if kind not in numbers]
    if unknown:
        kind = str(kinds[unknown[0]])
        row = int(np.flatnonzero(back.reshape(-1) == unknown[0])[0])
        raise InvalidEventError(f"{argument}, {_at(row, ids)}: {one} {kind!r} {accepted}{_nearest_name(kind, numbers)}")
    return np.asarray([numbers[str(kind)] for kind in kinds], dtype=np.int8)[back.reshape(-1)]


def _nearest_name(kind: str, numbers: dict[str, int]) -> str:
    """``; did you mean 'day'?`` for a precision or qualifier written otherwise."""
    word = kind.strip().strip(".").lower()
    if word in numbers and word != kind:
        return f"; did you mean {word!r}?"
    if word.rstrip("s") in numbers:  # "days"
        return f"; did you mean {word.rstrip('s')!r}?"
    if word in _QUALIFIER_WORDS and _QUALIFIER_WORDS[word] in numbers:
        return f"; did you mean {_QUALIFIER_WORDS[word]!r}?"
    return suggest(word, [name for name in numbers if len(name) > 1])
