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

from chronology.dates import DEFAULT_WIDENING, Widening
from chronology.errors import InvalidDateError, WrongTypeError
from chronology.exchange.arrow import EPOCH_DAY
from chronology.index import Mode, day_ends
from chronology.notation import DateLike, as_value
from chronology.scan._semantics import HIGHEST, LOWEST, days, holds

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow

__all__ = ["Dataset", "quiet"]

ModeLike: TypeAlias = Mode | Literal["possible", "certain"]


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
        self, start: DateLike, end: DateLike, *, mode: ModeLike = "possible", widening: Widening | None = None
    ) -> Dataset:
        """Events that (possibly, or certainly) share a day with ``[start, end]``, as in memory."""
        a, b = self._window(start, end)
        return self._where(_question(mode, "overlapping"), a, b, widening)

    def within(
        self, start: DateLike, end: DateLike, *, mode: ModeLike = "certain", widening: Widening | None = None
    ) -> Dataset:
        """Events that (certainly, or possibly) lie wholly within ``[start, end]``."""
        a, b = self._window(start, end)
        return self._where(_question(mode, "within"), a, b, widening)

    def on(self, day: DateLike, *, mode: ModeLike = "possible", widening: Widening | None = None) -> Dataset:
        """Events that (possibly, or certainly) fall on ``day`` (or within the span it names)."""
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
        """How many events; with a window, how many :meth:`overlapping` (or :meth:`within`) gives."""
        if start is None and end is None:
            with quiet():
                return int(self.table.count().execute())
        if start is None or end is None:
            raise WrongTypeError("give both ends of the window, or neither (for every event of the data set)")
        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        narrowed = (
            self.within(start, end, mode=chosen, widening=widening)
            if within
            else self.overlapping(start, end, mode=chosen, widening=widening)
        )
        return narrowed.count()

    def count_many(
        self,
        starts: Sequence[DateLike],
        ends: Sequence[DateLike],
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> npt.NDArray[np.int64]:
        """:meth:`count` for many windows: the windows as a small table joined to the events, in one query."""
        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        question = _question(chosen, "within" if within else "overlapping")
        joined = self._joined(starts, ends, question, widening)
        if joined is None:
            return np.zeros(0, dtype=np.int64)
        windows, table, match = joined
        counted = windows.left_join(table, match).group_by(windows.window)
        with quiet():
            answer = counted.aggregate(found=table.id.count()).order_by("window").to_pyarrow()
        found = np.zeros(len(starts), dtype=np.int64)
        found[np.asarray(answer.column("window"))] = np.asarray(answer.column("found"))
        return found

    def overlapping_many(
        self,
        starts: Sequence[DateLike],
        ends: Sequence[DateLike],
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> pyarrow.Table:
        """The ids in each of many windows, as an Arrow table of (``window``, ``id``) pairs, in one query."""
        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        question = _question(chosen, "within" if within else "overlapping")
        joined = self._joined(starts, ends, question, widening)
        if joined is None:
            import pyarrow as pa

            return pa.table({"window": pa.array([], pa.int64()), "id": pa.array([], pa.string())})
        windows, table, match = joined
        pairs = windows.join(table, match).select(window=windows.window, id=table.id)
        with quiet():
            return pairs.to_pyarrow()

    def write_overlapping_many(
        self,
        path: str | Path,
        starts: Sequence[DateLike],
        ends: Sequence[DateLike],
        *,
        within: bool = False,
        mode: ModeLike | None = None,
        widening: Widening | None = None,
    ) -> None:
        """:meth:`overlapping_many`'s (``window``, ``id``) pairs written to Parquet by the engine, not through Python.

        DuckDB writes one file at ``path``; Spark a folder of part files (read back as one data set).
        """
        chosen: ModeLike = mode if mode is not None else ("certain" if within else "possible")
        question = _question(chosen, "within" if within else "overlapping")
        joined = self._joined(starts, ends, question, widening)
        if joined is None:
            import pyarrow as pa
            import pyarrow.parquet as pq

            empty = pa.table({"window": pa.array([], pa.int64()), "id": pa.array([], pa.string())})
            pq.write_table(empty, str(path))
            return
        windows, table, match = joined
        with quiet():
            windows.join(table, match).select(window=windows.window, id=table.id).to_parquet(str(path))

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

    def _window(self, start: DateLike, end: DateLike) -> tuple[int, int]:
        start_value, end_value = as_value(start, "the window's start"), as_value(end, "the window's end")
        first = day_ends(start_value, zone=self.zone)[0]
        last = day_ends(end_value, zone=self.zone)[3]
        if first > last:
            raise InvalidDateError(
                f"the window ends ({end_value.label}) before it starts ({start_value.label}); give the start first"
            )
        return _columnar(first), _columnar(last)

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

    def _joined(
        self, starts: Sequence[DateLike], ends: Sequence[DateLike], question: str, widening: Widening | None
    ) -> tuple[ir.Table, ir.Table, Any] | None:
        """The windows as a table (``window``, ``a``, ``b``), the events with their days, and the join condition."""
        import ibis
        import pyarrow as pa

        if len(starts) != len(ends):
            raise WrongTypeError(f"{len(starts)} starts and {len(ends)} ends: give one end for each start")
        if not len(starts):
            return None
        bounds = [self._window(start, end) for start, end in zip(starts, ends, strict=True)]
        windows = ibis.memtable(
            pa.table(
                {
                    "window": pa.array(range(len(bounds)), pa.int64()),
                    "a": pa.array([a for a, _ in bounds], pa.int64()),
                    "b": pa.array([b for _, b in bounds], pa.int64()),
                }
            )
        )
        row = days(self.table, widening, widened=question.startswith("possibly"))
        table = self.table.mutate(_s_lo=row[0], _s_hi=row[1], _e_lo=row[2], _e_hi=row[3])
        columns = (table._s_lo, table._s_hi, table._e_lo, table._e_hi)
        return windows, table, holds(columns, question, windows.a, windows.b)


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


def _question(mode: ModeLike, what: str) -> str:
    return f"{'possibly' if Mode.of(mode) is Mode.POSSIBLE else 'certainly'} {what}"


def _columnar(day: int) -> int:
    """A day number of the model as the columnar form counts it, held between the sentinels (as in memory)."""
    return min(max(day - EPOCH_DAY, LOWEST), HIGHEST)
