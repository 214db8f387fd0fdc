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

from chronology.columns import day_numbers
from chronology.dates import DEFAULT_WIDENING, DateValue, Widening
from chronology.errors import InvalidDateError, WrongTypeError
from chronology.exchange.arrow import EPOCH_DAY
from chronology.index import NEG_DAY, POS_DAY, Mode, day_ends
from chronology.notation import DateLike, as_value
from chronology.scan import _many
from chronology.scan._semantics import HIGHEST, LOWEST, days, holds

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
    same "possible" and "certain", the same widening.

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
        a, b = self._window(start, end)
        return self._where(_question(mode, "overlapping"), a, b, widening)

    def within(
        self,
        start: DateLike | None,
        end: DateLike | None,
        *,
        mode: ModeLike = "certain",
        widening: Widening | None = None,
    ) -> Dataset:
        """Events that (certainly, or possibly) lie wholly within ``[start, end]`` (None: that side open)."""
        a, b = self._window(start, end)
        return self._where(_question(mode, "within"), a, b, widening)

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
        start_value = None if start is None else _value(start, f"{which}'s start")
        end_value = None if end is None else _value(end, f"{which}'s end")
        first = NEG_DAY if start_value is None else day_ends(start_value, zone=self.zone)[0]
        last = POS_DAY if end_value is None else day_ends(end_value, zone=self.zone)[3]
        if first > last and start_value is not None and end_value is not None:
            raise InvalidDateError(
                f"{which} ends ({end_value.label}) before it starts ({start_value.label}); give the start first"
            )
        return _columnar(first), _columnar(last)

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

    def _where(self, question: str, a: int, b: int, widening: Widening | None) -> Dataset:
        row = days(self.table, widening, widened=question.startswith("possibly"))
        return Dataset(self.table.filter(holds(row, question, a, b)), self.engine, self.zone, self.title)

    def _order(self, when: DateLike, mode: ModeLike, widening: Widening | None, *, before: bool) -> Dataset:
        possible = Mode.of(mode) is Mode.POSSIBLE
        value = as_value(when, "the date compared with")
        policy = (widening or DEFAULT_WIDENING) if possible else None
        s_lo, s_hi, e_lo, e_hi = day_ends(value, policy, self.zone)
        # the value's day compared with: its start for "before", its end for "after"; widened when possible
        other = {(True, True): s_hi, (True, False): s_lo, (False, True): e_lo, (False, False): e_hi}[before, possible]
        question = f"{'possibly' if possible else 'certainly'} {'before' if before else 'after'}"
        row = days(self.table, widening, widened=possible)
        return Dataset(self.table.filter(holds(row, question, _columnar(other), 0)), self.engine, self.zone, self.title)

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


def _columnar_days(days: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """:func:`_columnar` of many days at once."""
    return np.clip(days - EPOCH_DAY, LOWEST, HIGHEST).astype(np.int64)
