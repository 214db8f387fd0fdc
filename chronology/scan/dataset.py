"""A lazy data set in the columnar form: the questions of a timeline, answered by an engine where the data lives.

:func:`chronology.scan` opens one. Nothing is read into Python until an
answer is asked for (:meth:`Dataset.count`, :meth:`Dataset.ids`,
:meth:`Dataset.to_parquet`), and then only the answer comes back.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from chronology._calendar import NEG_INF, OPEN_HI, OPEN_LO, POS_INF
from chronology._widened import policy_for, spilled
from chronology.columns import day_numbers
from chronology.compare import gives_times as compare_gives_times
from chronology.compare import seconds_of
from chronology.dates import DEFAULT_WIDENING, DateValue, Widening
from chronology.errors import DatasetError, InvalidDateError, WrongTypeError
from chronology.exchange.arrow import EPOCH_DAY
from chronology.index import NEG_DAY, POS_DAY, Mode, day_ends
from chronology.notation import DateLike, as_value
from chronology.scan import _many
from chronology.scan._semantics import EPOCH_SECONDS, HIGHEST, LOWEST, days, gives_times, holds, holds_timed, moments

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow

__all__ = ["Dataset", "quiet"]

ModeLike: TypeAlias = Mode | Literal["possible", "certain"]
#: Many windows' starts (or ends), as a timeline takes them: dates one by one (None: open), or one array of them.
WindowsLike: TypeAlias = Sequence[DateLike | None] | npt.NDArray[np.datetime64] | npt.NDArray[np.str_]


class Dataset:
    """Events in the columnar form on an engine (DuckDB or Spark), queried like a :class:`~chronology.Timeline`.

    Queries return a narrower data set (so they chain, as a timeline's views
    do); answers come back as counts, Arrow tables or Parquet files. The
    answers are those the same events give in memory: the same days, the
    same "possible" and "certain", the same widening; and, when both the
    event and the date asked give times, the same seconds (a time with an
    offset in UTC, one without as written). A file written with a zone holds
    its seconds on that zone's clock: there a question in times raises
    :class:`~chronology.DatasetError` rather than answer otherwise.

    Attributes:
        engine: ``"duckdb"`` or ``"spark"``.
        table: the Ibis table expression behind it (for questions of your own).
        zone: the zone whose calendar days the file's days are in (None: UTC).
        title: the chronology's name, as the file's metadata gives it.

    """

    def __init__(self, table: ir.Table, engine: str, zone: Any = None, title: str = "") -> None:
        self.table = table
        self.engine = engine
        self.zone = zone
        self.title = title

    def __repr__(self) -> str:
        return f"<Dataset on {self.engine}>"

    # -- questions that narrow the data set --------------------------------------------------------------------

    def overlapping(
        self,
        start: DateLike | None,
        end: DateLike | None,
        *,
        mode: ModeLike = "possible",
        widening: Widening | None = None,
    ) -> Dataset:
        """Events that (possibly, or certainly) share a day with ``[start, end]``, as in memory.

        None leaves that side open, as on a timeline (``overlapping("2024-10", None)``: from October on).
        """
        return self._asked(_question(mode, "overlapping"), start, end, widening)

    def within(
        self,
        start: DateLike | None,
        end: DateLike | None,
        *,
        mode: ModeLike = "certain",
        widening: Widening | None = None,
    ) -> Dataset:
        """Events that (certainly, or possibly) lie wholly within ``[start, end]`` (None: that side open)."""
        return self._asked(_question(mode, "within"), start, end, widening)

    def on(self, day: DateLike, *, mode: ModeLike = "possible", widening: Widening | None = None) -> Dataset:
        """Events that (possibly, or certainly) fall on ``day`` (or within the span it names)."""
        if day is None:
            raise WrongTypeError(
                "on() takes a day ('2024-10-18'), not None; for a window open on one side, "
                "use overlapping('2024-10', None)"
            )
        return self.overlapping(day, day, mode=mode, widening=widening)

    def before(self, when: DateLike, *, mode: ModeLike = "certain", widening: Widening | None = None) -> Dataset:
        """Events that end (certainly, or possibly) before ``when`` starts: a date (event ids are not looked up)."""
        return self._order(when, mode, widening, before=True)

    def after(self, when: DateLike, *, mode: ModeLike = "certain", widening: Widening | None = None) -> Dataset:
        """Events that start (certainly, or possibly) after ``when`` ends."""
        return self._order(when, mode, widening, before=False)

    # -- answers ---------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.count()

    def count(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> int:
        """How many events; with a window, how many :meth:`overlapping` (or :meth:`within`) gives.

        None for ``start`` or ``end`` leaves that side open, as there; with neither, every event is counted.
        """
        if start is None and end is None:
            with quiet():
                return int(self.table.count().execute())
        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        narrowed = (
            self.within(start, end, mode=chosen, widening=widening)
            if within
            else self.overlapping(start, end, mode=chosen, widening=widening)
        )
        return narrowed.count()

    def count_many(
        self,
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> npt.NDArray[np.int64]:
        """:meth:`count` for many windows: the windows as a small table joined to the events, in one query."""
        asked = self._many(starts, ends, within, mode, widening)
        if asked is None:
            return np.zeros(0, dtype=np.int64)
        return _many.counted(*asked)

    def overlapping_many(
        self,
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> pyarrow.Table:
        """The ids in each of many windows, as an Arrow table of (``window``, ``id``) pairs, in one query."""
        asked = self._many(starts, ends, within, mode, widening)
        if asked is None:
            return _no_pairs()
        with quiet():
            return _many.pairs(*asked).to_pyarrow()

    def write_overlapping_many(
        self,
        path: str | Path,
        starts: WindowsLike,
        ends: WindowsLike,
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> None:
        """:meth:`overlapping_many`'s (``window``, ``id``) pairs written to Parquet by the engine, not through Python.

        DuckDB writes one file at ``path``; Spark a folder of part files (read back as one data set).
        """
        asked = self._many(starts, ends, within, mode, widening)
        if asked is None:
            import pyarrow.parquet as pq

            pq.write_table(_no_pairs(), str(path))
            return
        with quiet():
            _many.pairs(*asked).to_parquet(str(path))

    def ids(self) -> pyarrow.Table:
        """The events' ids, as an Arrow table with one column ``id`` (in no particular order)."""
        with quiet():
            return self.table.select("id").to_pyarrow()

    def to_arrow(self) -> pyarrow.Table:
        """The events, every column of the columnar form, as an Arrow table (in no particular order)."""
        with quiet():
            return self.table.to_pyarrow()

    def to_parquet(self, path: str | Path, *, ids_only: bool = False) -> None:
        """Write the events (or only their ids) to a Parquet file, from the engine, without passing through Python."""
        chosen = self.table.select("id") if ids_only else self.table
        with quiet():
            chosen.to_parquet(str(path))

    # -- the machinery --------------------------------------------------------------------------------------

    def _window(self, start: DateLike | None, end: DateLike | None, which: str = "the window") -> tuple[int, int]:
        """A window's first and last day in the columnar form's numbering (the sentinels for an open side)."""
        first, last, _ = self._span(start, end, which)
        return first, last

    def _span(
        self, start: DateLike | None, end: DateLike | None, which: str = "the window"
    ) -> tuple[int, int, tuple[int, int] | None]:
        """:meth:`_window`'s days, and the window's first and last second when every side given gives a time.

        The seconds are the columnar form's, as a timeline reads a window in
        times (:func:`~chronology.compare.seconds_of`; an open side beyond
        every second): events that give times too are compared by them.
        """
        start_value = None if start is None else _value(start, f"{which}'s start")
        end_value = None if end is None else _value(end, f"{which}'s end")
        first = NEG_DAY if start_value is None else day_ends(start_value, zone=self.zone)[0]
        last = POS_DAY if end_value is None else day_ends(end_value, zone=self.zone)[3]
        given = [value for value in (start_value, end_value) if value is not None]
        seconds = None
        if given and all(compare_gives_times(value) for value in given):
            seconds = (
                NEG_INF if start_value is None else seconds_of(start_value)[0],
                POS_INF if end_value is None else seconds_of(end_value)[3],
            )
        if (start_value is not None and end_value is not None) and (
            first > last or (seconds is not None and seconds[0] > seconds[1])
        ):
            raise InvalidDateError(
                f"{which} ends ({end_value.label}) before it starts ({start_value.label}); give the start first"
            )
        return _columnar(first), _columnar(last), seconds

    def _windows(self, starts: WindowsLike, ends: WindowsLike) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Many windows' first and last days in the columnar form's numbering, read as a timeline reads them.

        Two arrays of dates (``datetime64`` of any unit, or ISO text) are read at once, NaT leaving that
        side open; otherwise each window is read as :meth:`overlapping` reads one (None: open).
        """
        if len(starts) != len(ends):
            raise WrongTypeError(f"{len(starts)} starts but {len(ends)} ends: give one end per start")
        if isinstance(starts, np.ndarray) and isinstance(ends, np.ndarray) and starts.dtype.kind in "MUS":
            firsts = day_numbers(starts, "starts", end=False)
            lasts = day_numbers(ends, "ends", end=True)
            wrong = np.flatnonzero(firsts > lasts)
            if wrong.size:  # (naive dates and times: on their days in any zone)
                at = int(wrong[0])
                raise InvalidDateError(
                    f"window {at} ends ({ends[at]}) before it starts ({starts[at]}); give the start first"
                )
            return _columnar_days(firsts), _columnar_days(lasts)
        bounds = np.array(
            [
                self._window(start, end, f"window {at}")
                for at, (start, end) in enumerate(zip(starts, ends, strict=True))
            ],
            dtype=np.int64,
        ).reshape(-1, 2)
        return bounds[:, 0].copy(), bounds[:, 1].copy()

    def _where(
        self, question: str, a: int, b: int, widening: Widening | None, asked: tuple[int, int] | None = None
    ) -> Dataset:
        """The events that answer ``question`` of days ``a`` and ``b`` (and, given, of seconds ``asked``)."""
        widened = question.startswith("possibly")
        row = days(self.table, widening, widened=widened)
        if asked is None:
            found = holds(row, question, a, b)
        else:  # the question gives times: events that give times too are compared by the second, near its days
            seconds = moments(self.table, widening, widened=widened)
            found = holds_timed(row, seconds, gives_times(self.table), question, a, b, asked)
        return Dataset(self.table.filter(found), self.engine, self.zone, self.title)

    def _asked(self, question: str, start: DateLike | None, end: DateLike | None, widening: Widening | None) -> Dataset:
        """A window's question: by the day, and by the second for events that give times when its sides do."""
        a, b, seconds = self._span(start, end)
        asked = None
        if seconds is not None:
            self._by_the_second(str(start if start is not None else end))
            asked = (_columnar_second(seconds[0]), _columnar_second(seconds[1]))
        return self._where(question, a, b, widening, asked)

    def _order(self, when: DateLike, mode: ModeLike, widening: Widening | None, *, before: bool) -> Dataset:
        possible = Mode.of(mode) is Mode.POSSIBLE
        value = as_value(when, "the date compared with")
        policy = (widening or DEFAULT_WIDENING) if possible else None
        s_lo, s_hi, e_lo, e_hi = day_ends(value, policy, self.zone)
        # the value's day compared with: its start for "before", its end for "after"; widened when possible
        pick = {(True, True): 1, (True, False): 0, (False, True): 2, (False, False): 3}[before, possible]
        other = (s_lo, s_hi, e_lo, e_hi)[pick]
        question = f"{'possibly' if possible else 'certainly'} {'before' if before else 'after'}"
        asked = None
        if compare_gives_times(value):  # compared by the second with events that give times too, as in memory
            self._by_the_second(str(value))
            widened = spilled(value, value, policy_for(value, widening)) if possible else value
            asked = (_columnar_second(seconds_of(widened)[pick]), 0)
        return self._where(question, _columnar(other), 0, widening, asked)

    def _by_the_second(self, asked: str) -> None:
        """Refuse to compare by the second on a file whose seconds are on a zone's clock (not UTC, as compared)."""
        if self.zone is not None:
            raise DatasetError(
                f"{asked!r} gives a time, and two times compare by the second in UTC; this data set's "
                f"seconds (start_lo ... end_hi) are on {self.zone.key}'s clock, as its file's zone puts them, "
                "so it cannot: ask in days, or load the file into memory (chronology.load)"
            )

    def _many(
        self,
        starts: WindowsLike,
        ends: WindowsLike,
        within: bool,
        mode: ModeLike | None,
        widening: Widening | None,
    ) -> tuple[ir.Table, str, ir.Table, npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """The events with their days, the question, and the windows (a table of ``window``, ``a``, ``b``; arrays)."""
        import ibis
        import pyarrow as pa

        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        question = _question(chosen, "within" if within else "overlapping")
        a, b = self._windows(starts, ends)
        if not len(a):
            return None
        windows = ibis.memtable(pa.table({"window": np.arange(len(a), dtype=np.int64), "a": a, "b": b}))
        row = days(self.table, widening, widened=question.startswith("possibly"))
        return _many.with_days(self.table, row), question, windows, a, b


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Run an engine without the notices of what its libraries deprecate in one another (not the caller's to fix).

    Ibis calls DuckDB, PySpark and pandas in ways their newer releases
    deprecate; the notices name their code, not the caller's.
    """
    with warnings.catch_warnings():
        for category in (DeprecationWarning, FutureWarning):
            warnings.filterwarnings("ignore", category=category, module=r"(ibis|duckdb|pyspark|pandas)(\.|$)")
            warnings.filterwarnings("ignore", message=r".*deprecated.*", category=category)
        warnings.filterwarnings("ignore", message=r".*copy keyword is deprecated.*")  # pandas 3 in PySpark
        yield


def _value(when: DateLike, name: str) -> DateValue:
    """A window's side as a date value (:func:`~chronology.notation.as_value`), its error saying what None does."""
    try:
        return as_value(when, name)
    except WrongTypeError as error:
        raise WrongTypeError(f"{error}; None leaves that side open") from None


def _no_pairs() -> pyarrow.Table:
    import pyarrow as pa

    return pa.table({"window": pa.array([], pa.int64()), "id": pa.array([], pa.string())})


def _question(mode: ModeLike, what: str) -> str:
    return f"{'possibly' if Mode.of(mode) is Mode.POSSIBLE else 'certainly'} {what}"


def _columnar(day: int) -> int:
    """A day number of the model as the columnar form counts it, held between the sentinels (as in memory)."""
    return min(max(day - EPOCH_DAY, LOWEST), HIGHEST)


def _columnar_second(second: int) -> int:
    """A second of the model as the columnar form counts it; the model's sentinels (open, unknown) as they are."""
    return second if second <= OPEN_LO or second >= OPEN_HI else second - EPOCH_SECONDS


def _columnar_days(days: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """:func:`_columnar` of many days at once."""
    return np.clip(days - EPOCH_DAY, LOWEST, HIGHEST).astype(np.int64)
