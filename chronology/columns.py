"""A timeline's events as columns: arrays of ids and bounds, with each ``Event`` made only when asked for.

:meth:`chronology.Timeline.from_columns` builds a timeline from them, so a
data set of millions of events (ACLED, GDELT) can be queried without making
millions of Python objects first. The columns are checked once, in bulk.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final, overload

import numpy as np
import numpy.typing as npt

from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.dates import DEFAULT_WIDENING, DateValue, Interval, Precision, Qualifier, UncertainDate, Widening
from chronology.errors import InvalidEventError, WrongTypeError
from chronology.events import Event

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

        Raises:
            InvalidEventError: arrays of different lengths, an id given twice, a
                bound after its other bound, an unknown precision or qualifier;
                the message names the first row and its id.
            WrongTypeError: a bound that is not a date (``datetime64``).

        """
        id_array = np.asarray(ids)
        if id_array.ndim != 1 or not (id_array.dtype.kind == "U" or id_array.size == 0):
            raise WrongTypeError(f"ids must be one flat array of text, not {id_array.dtype} of shape {id_array.shape}")
        id_array = id_array.astype(np.str_)
        count = id_array.size
        start = np.stack(
            [_seconds(earliest, "earliest", count, end=False), _seconds(latest, "latest", count, end=True)]
        )
        lasting = end_earliest is not None or end_latest is not None
        if lasting:
            if end_earliest is None or end_latest is None:
                raise InvalidEventError(
                    "give both end_earliest and end_latest, or neither (for events that do not last)"
                )
            end = np.stack(
                [
                    _seconds(end_earliest, "end_earliest", count, end=False),
                    _seconds(end_latest, "end_latest", count, end=True),
                ]
            )
        else:
            end = start
        columns = cls(
            id_array,
            _texts(titles, "titles", count),
            start,
            end,
            np.full(count, lasting, dtype=bool),
            _precisions(precision, count),
            _qualifier_codes(qualifiers, count),
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
                f"row {row}: id {str(twice[0])!r} is given twice (first in row {first[counts > 1][0]})"
            )
        for name, (lo, hi) in (("earliest", self.starts), ("end_earliest", self.ends)):
            wrong = np.flatnonzero(lo > hi)
            if wrong.size:
                row = int(wrong[0])
                raise InvalidEventError(f"row {row} (id {str(ids[row])!r}): {name} comes after the latest bound")
        wrong = np.flatnonzero((self.starts[0] > self.ends[1]) & self.lasting)
        if wrong.size:
            row = int(wrong[0])
            raise InvalidEventError(f"row {row} (id {str(ids[row])!r}): it ends before it can start")

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


def _pads(precision: npt.NDArray[np.int8], qualifier: npt.NDArray[np.int8], widening: Widening) -> np.ndarray:
    """Seconds each row is widened by on each side, worked out once per (precision, qualifier) found."""
    pads = np.zeros(precision.size, dtype=np.int64)
    combos = precision.astype(np.int64) * 8 + qualifier
    for combo in np.unique(combos[qualifier != 0]).tolist():
        unit, flags = _PRECISIONS[combo // 8], Qualifier(combo % 8)
        sample = UncertainDate.from_seconds(0, 0, unit, qualifier=flags)
        pads[combos == combo] = widening.units(sample) * unit.longest_seconds
    return pads


def _seconds(values: npt.ArrayLike, name: str, count: int, *, end: bool) -> npt.NDArray[np.int64]:
    """Bounds as seconds of the model's timeline; a bound in days (or coarser) covers its whole unit when ``end``."""
    array = np.asarray(values)
    if array.dtype.kind in "US":
        if array.shape != (count,):
            raise InvalidEventError(f"{name} has {array.size} rows, the ids {count}: give one bound per event")
        return _text_seconds(array, name, end=end)
    if array.dtype.kind != "M":
        raise WrongTypeError(f"{name} must be dates (a numpy datetime64 array or ISO text), not {array.dtype}")
    if array.shape != (count,):
        raise InvalidEventError(f"{name} has {array.size} rows, the ids {count}: give one bound per event")
    unit = np.datetime_data(array.dtype)[0]
    missing = np.isnat(array)
    if end and unit in _WHOLE_UNITS:
        one: np.timedelta64 = np.timedelta64(1, unit)  # type: ignore[call-overload]  # the unit is read at run time
        array = array + one
    seconds: npt.NDArray[np.int64] = array.astype("datetime64[s]").astype(np.int64) + _NUMPY_EPOCH
    if end and unit in _WHOLE_UNITS:
        seconds -= 1
    seconds[missing] = OPEN_HI if end else OPEN_LO
    return seconds


def _text_seconds(array: np.ndarray, name: str, *, end: bool) -> npt.NDArray[np.int64]:
    """ISO dates as text, each read at its own precision: ``2023-01`` is all of January beside ``2024-01-15``.

    (numpy reads a whole array of text at its finest unit, which would make
    the month its first day.) Each distinct text is read once.
    """
    texts, where = np.unique(array.astype(np.str_), return_inverse=True)
    by_unit: dict[str, list[int]] = {}
    values = []
    for number, text in enumerate(texts.tolist()):
        try:
            value = np.datetime64(text)
        except ValueError as error:
            raise WrongTypeError(f"{name}: {error}; give ISO dates ('2024-10-18') or a datetime64 array") from None
        values.append(value)
        by_unit.setdefault(np.datetime_data(value.dtype)[0], []).append(number)
    seconds = np.empty(texts.size, dtype=np.int64)
    for unit, numbers in by_unit.items():
        same = np.array([values[k] for k in numbers], dtype=f"datetime64[{unit}]")
        seconds[numbers] = _seconds(same, name, len(numbers), end=end)
    return seconds[where.reshape(-1)]


_DAY_EPOCH: Final = 719_163  # numpy's day 0 (1970-01-01) in the model's day numbers (1 is 1 January of year 1)
_DAYS: Final = np.dtype("datetime64[D]")


def day_numbers(values: npt.ArrayLike, name: str, *, end: bool) -> npt.NDArray[np.int64]:
    """Dates given as an array (``datetime64`` of any unit, or ISO text) as the model's day numbers.

    A value in days or coarser covers its whole unit: its first day, or with
    ``end`` its last (``2024-10`` as an end is 31 October). A time falls on
    its day as written. NaT is open: before every day, or with ``end`` after
    every day.

    Raises:
        WrongTypeError: values that are not dates, or not one flat array.

    """
    array = np.asarray(values)
    if array.dtype == _DAYS and array.ndim == 1:  # the common case: one addition
        days: npt.NDArray[np.int64] = array.view(np.int64) + _DAY_EPOCH
        if end:  # (NaT is numpy's lowest value: as a first day, it is open already)
            missing = np.isnat(array)
            if missing.any():
                days[missing] = OPEN_HI // SECONDS_PER_DAY
        return days
    if array.ndim != 1:
        raise WrongTypeError(f"{name} must be one flat array of dates, not an array of shape {array.shape}")
    return _seconds(array, name, array.size, end=end) // SECONDS_PER_DAY


def _texts(values: npt.ArrayLike | None, name: str, count: int) -> npt.NDArray[np.str_] | None:
    if values is None:
        return None
    array = np.asarray(values)
    if array.shape != (count,) or not (array.dtype.kind == "U" or count == 0):
        raise WrongTypeError(f"{name} must be one text per event ({count}), not {array.dtype} of shape {array.shape}")
    return array.astype(np.str_)


def _precisions(values: str | Precision | npt.ArrayLike, count: int) -> npt.NDArray[np.int8]:
    numbers = {precision.value: k for k, precision in enumerate(_PRECISIONS)}
    accepted = f"is not one of {', '.join(numbers)}"
    if isinstance(values, Precision):
        values = values.value
    if isinstance(values, str):
        if values not in numbers:
            raise InvalidEventError(f"precision {values!r} {accepted}")
        return np.full(count, numbers[values], dtype=np.int8)
    return _coded(values, numbers, count, ("precision", "precision"), "give one per event, or one for all", accepted)


def _qualifier_codes(values: npt.ArrayLike | None, count: int) -> npt.NDArray[np.int8]:
    if values is None:
        return np.zeros(count, dtype=np.int8)
    numbers = {symbol: qualifier.value for symbol, qualifier in QUALIFIERS.items()}
    accepted = "is not one of '', '?', '~', '%' (as EDTF writes them)"
    return _coded(values, numbers, count, ("qualifiers", "qualifier"), "give one per event", accepted)


def _coded(
    values: npt.ArrayLike,
    numbers: dict[str, int],
    count: int,
    name: tuple[str, str],
    one_each: str,
    accepted: str,
) -> npt.NDArray[np.int8]:
    """One number per event for the names ``values`` holds, read once per distinct name.

    ``name``: the argument's, and one value's ("qualifiers", "qualifier").
    """
    argument, one = name
    names = np.asarray(values).astype(np.str_)
    if names.shape != (count,):
        raise InvalidEventError(f"{argument} has {names.size} rows, the ids {count}: {one_each}")
    kinds, back = np.unique(names, return_inverse=True)
    unknown = [str(kind) for kind in kinds if str(kind) not in numbers]
    if unknown:
        raise InvalidEventError(f"{one} {unknown[0]!r} {accepted}")
    return np.asarray([numbers[str(kind)] for kind in kinds], dtype=np.int8)[back]
