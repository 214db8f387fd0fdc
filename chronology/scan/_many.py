"""Many windows in one question, planned for engines: counts from two running totals, pairs from a join on blocks.

The plain plan, the windows as a small table joined to the events with the
question's inequalities as the join condition, leaves an engine nothing to
hash on: Spark runs it as a nested loop (every event against every window),
DuckDB as a range join. Two plans give the same answers with equalities and
aggregates instead.

**Counts by running totals.** Three of the four window questions hold when
``p <= b`` and ``q >= a`` for two of an event's days ``p`` and ``q`` and the
window's first and last days ``a`` and ``b``:

=====================  ==================  ==================
question               p                   q
=====================  ==================  ==================
possibly overlapping   widened start first  widened end last
certainly overlapping  start last          end first
possibly within        widened end first   widened start last
=====================  ==================  ==================

Where ``p <= q`` (every event, for "possibly overlapping"), the events with
``q < a`` are among those with ``p <= b``, so the count is the number of
events with ``p <= b`` less the number with ``q < a``: two running totals of
events per day, read at each window's ends. The engine counts events per day
(one aggregate for ``p``, one for ``q``: as many rows as there are distinct
days, never one per event); the running totals and the reading at 1,000
windows are numpy's. The events with ``p > q`` (a month-long instant has its
last possible start after its first possible end) are counted by the join
below.

**Pairs by blocks.** Days are cut into blocks of ``width`` days. An event is
listed once per block its days touch (first start to last end), a window once
per block it touches, and the two are joined on the block, an equality every
engine hashes, with the question's condition on top. Every question implies
that the event's days and the window meet, so a pair that holds meets in at
least one block; it is kept in one only (the first block both touch), so no
pair comes twice. Events over more than :data:`SPREAD` blocks (decades, open
ends) and events whose days are out of order are few; they are joined to the
windows directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from chronology.scan._semantics import Days, holds

if TYPE_CHECKING:
    import ibis.expr.types as ir

__all__ = ["SPREAD", "block_width", "counted", "pairs", "with_days"]

#: Blocks an event may touch and still be joined by block (more: joined to the windows directly).
SPREAD: Final = 64
#: The least block width, in days.
NARROWEST: Final = 32

#: Each question's ``p`` and ``q`` (see the module), as places in (start first, start last, end first, end last).
_SIDES: Final = {
    "possibly overlapping": (0, 3),
    "certainly overlapping": (1, 2),
    "possibly within": (2, 1),
}


def block_width(a: Sequence[int], b: Sequence[int]) -> int:
    """Days per block: a power of two at least the median window's length (and at least :data:`NARROWEST`).

    Wider blocks list each event in fewer blocks; narrower ones pair each
    event with fewer windows it does not meet. A block about as long as a
    window keeps both near their least.
    """
    lengths = np.asarray(b, dtype=np.int64) - np.asarray(a, dtype=np.int64) + 1
    median = int(np.median(lengths)) if len(lengths) else 1
    return max(NARROWEST, 1 << max(median - 1, 0).bit_length())


def with_days(table: ir.Table, row: Days) -> ir.Table:
    """The events with their four days as columns (``_s_lo``, ``_s_hi``, ``_e_lo``, ``_e_hi``), as the plans read."""
    return table.mutate(_s_lo=row[0], _s_hi=row[1], _e_lo=row[2], _e_hi=row[3])


def counted(
    days: ir.Table, question: str, windows: ir.Table, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """How many events (with their days, :func:`with_days`) the question holds for in each window."""
    sides = _SIDES.get(question)
    if sides is None:
        return _joined_counts(pairs(days, question, windows, a, b), len(a))
    from chronology.scan.dataset import quiet

    p, q = _NAMES[sides[0]], _NAMES[sides[1]]
    ordered = days.filter(days[p] <= days[q])
    with quiet():
        at_most = _running(ordered.group_by(day=ordered[p]).aggregate(n=ordered.count()).to_pyarrow())
        before = _running(ordered.group_by(day=ordered[q]).aggregate(n=ordered.count()).to_pyarrow())
    found: npt.NDArray[np.int64] = at_most(b, right=True) - before(a, right=False)
    return found + _joined_counts(pairs(days.filter(days[p] > days[q]), question, windows, a, b), len(a))


def pairs(
    days: ir.Table, question: str, windows: ir.Table, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> ir.Table:
    """The (``window``, ``id``) pairs the question holds for, as one expression (see the module for the plan)."""
    import ibis
    import pyarrow as pa

    width = block_width(a.tolist(), b.tolist())
    s_lo, s_hi, e_lo, e_hi = _row(days)
    first, last = s_lo // width, e_hi // width
    blockable = (s_lo <= s_hi) & (s_hi <= e_hi) & (s_lo <= e_lo) & (e_lo <= e_hi) & (last - first < SPREAD)
    spread = days.filter(~blockable)
    direct = windows.join(spread, holds(_row(spread), question, windows.a, windows.b))
    listed = days.filter(blockable)
    listed = listed.mutate(
        _first=listed._s_lo // width, _block=ibis.range(listed._s_lo // width, listed._e_hi // width + 1).unnest()
    )
    per_block = ibis.memtable(pa.table(_blocks(a, b, width)))
    met = listed.join(
        per_block,
        (listed._block == per_block.block)
        & (listed._block == ibis.greatest(listed._first, per_block.a_block))
        & holds(_row(listed), question, per_block.a, per_block.b),
    )
    return met.select(window=per_block.window, id=listed.id).union(
        direct.select(window=windows.window, id=spread.id), distinct=False
    )


def _row(days: ir.Table) -> Days:
    return days._s_lo, days._s_hi, days._e_lo, days._e_hi


_NAMES: Final = ("_s_lo", "_s_hi", "_e_lo", "_e_hi")


def _blocks(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], width: int) -> dict[str, Any]:
    """Each window once per block it touches: (``window``, ``a``, ``b``, ``a_block``, ``block``)."""
    first, last = a // width, b // width
    touched = last - first + 1
    window = np.repeat(np.arange(len(a), dtype=np.int64), touched)
    starts = np.repeat(first, touched)
    offsets = np.arange(int(touched.sum()), dtype=np.int64) - np.repeat(np.cumsum(touched) - touched, touched)
    return {
        "window": window,
        "a": a[window],
        "b": b[window],
        "a_block": first[window],
        "block": starts + offsets,
    }


def _running(histogram: Any) -> Any:
    """A reader of a per-day count: how many events fall on days up to (or before) each of many days."""
    days = np.asarray(histogram.column("day"), dtype=np.int64)
    order = np.argsort(days, kind="stable")
    days = days[order]
    totals = np.concatenate([[0], np.cumsum(np.asarray(histogram.column("n"), dtype=np.int64)[order])])

    def read(at: npt.NDArray[np.int64], *, right: bool) -> npt.NDArray[np.int64]:
        return totals[np.searchsorted(days, at, side="right" if right else "left")]

    return read


def _joined_counts(found: ir.Table, windows: int) -> npt.NDArray[np.int64]:
    from chronology.scan.dataset import quiet

    with quiet():
        answer = found.group_by("window").aggregate(n=found.count()).to_pyarrow()
    counts = np.zeros(windows, dtype=np.int64)
    counts[np.asarray(answer.column("window"), dtype=np.int64)] = np.asarray(answer.column("n"), dtype=np.int64)
    return counts
