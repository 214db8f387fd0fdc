"""The questions of a timeline as expressions an engine runs: written once, with Ibis, for DuckDB and Spark alike.

Every question compares whole days, as the in-memory index does
(:mod:`chronology.index`): each event's first and last day for its start and
its end, as stated (certain answers) and widened (possible answers). This
module turns the columns of the columnar form (:mod:`chronology.exchange.arrow`)
into those eight day expressions, and a question into a filter on them:

=====================  ============================================
question               holds when
=====================  ============================================
possibly overlapping   widened start first <= b and widened end last >= a
certainly overlapping  start last <= b and end first >= a
possibly within        widened start last >= a and widened end first <= b
certainly within       start first >= a and end last <= b
possibly before v      widened end first < v's widened start last
certainly before v     end last < v's start first
possibly after v       widened start last > v's widened end first
certainly after v      start first > v's end last
=====================  ============================================

A missing bound (null) stands for a day beyond every date on its side, and
every day is held between the index's two sentinels, as in memory, so the
engines give exactly the in-memory answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DEFAULT_WIDENING, Precision, Qualifier, UncertainDate, Widening
from chronology.exchange.arrow import EPOCH_DAY, LINKED_BITS
from chronology.index import NEG_DAY, POS_DAY

if TYPE_CHECKING:
    import ibis.expr.types as ir

__all__ = ["HIGHEST", "LOWEST", "Days", "days", "holds"]

#: The index's sentinels in the columnar form's day numbers (days from 1970-01-01).
LOWEST: Final = NEG_DAY - EPOCH_DAY
HIGHEST: Final = POS_DAY - EPOCH_DAY
_ROWS: Final = ("start_first", "start_last", "end_first", "end_last")
_SIDES: Final = (("start", "lo"), ("start", "hi"), ("end", "lo"), ("end", "hi"))
_FLAGGED: Final = {"~": Qualifier.APPROXIMATE, "?": Qualifier.UNCERTAIN, "%": Qualifier.BOTH}

Days = tuple[Any, Any, Any, Any]


def days(table: ir.Table, widening: Widening | None, *, widened: bool) -> Days:
    """The four day expressions (start first/last, end first/last) of every row, stated or widened.

    ``widening`` None (or the default policy): the stored ``possible_*``
    columns, each event widened by its own policy; another policy widens the
    seconds columns by each end's precision and qualifier, leaving the bounds
    links set (``linked``) as they are.
    """
    if not widened:
        return _stored(table, "")
    if widening is None or widening == DEFAULT_WIDENING:
        return _stored(table, "possible_")
    return _widened(table, widening)


def holds(row: Days, question: str, a: Any, b: Any) -> Any:
    """The filter for one question (see the module's table), with ``a`` and ``b`` the window's days.

    For ``before`` and ``after``, ``a`` and ``b`` are the other value's two
    days that question compares with (see :func:`order_days`).
    """
    s_lo, s_hi, e_lo, e_hi = row
    if question == "possibly overlapping":
        return (s_lo <= b) & (e_hi >= a)
    if question == "certainly overlapping":
        return (s_hi <= b) & (e_lo >= a)
    if question == "possibly within":
        return (s_hi >= a) & (e_lo <= b)
    if question == "certainly within":
        return (s_lo >= a) & (e_hi <= b)
    if question == "possibly before":
        return e_lo < a
    if question == "certainly before":
        return e_hi < a
    if question == "possibly after":
        return s_hi > a
    if question == "certainly after":
        return s_lo > a
    raise ValueError(f"no question {question!r}")


def _clip(value: Any) -> Any:
    import ibis

    return ibis.least(ibis.greatest(value, LOWEST), HIGHEST)


def _stored(table: ir.Table, prefix: str) -> Days:
    import ibis

    start_open = table.start_kind == "open"
    end_open = table.end_kind == "open"
    s_lo = table[f"{prefix}start_first"].fill_null(LOWEST)
    s_hi = table[f"{prefix}start_last"].fill_null(ibis.ifelse(start_open, LOWEST, HIGHEST))
    e_lo = table[f"{prefix}end_first"].fill_null(ibis.ifelse(end_open, HIGHEST, LOWEST))
    e_hi = table[f"{prefix}end_last"].fill_null(HIGHEST)
    return _clip(s_lo), _clip(s_hi), _clip(e_lo), _clip(e_hi)


def _widened(table: ir.Table, widening: Widening) -> Days:
    """Days widened by ``widening``: each end's seconds moved by its pad, then in days, then kept in order."""
    import ibis

    pads = {side: _pad(table, side, widening) for side in ("start", "end")}
    found = []
    for row, ((side, bound), bit) in enumerate(zip(_SIDES, LINKED_BITS, strict=True)):
        seconds = table[f"{side}_{bound}"]
        pad = ibis.ifelse((table.linked & bit) != 0, 0, pads[side])
        moved = seconds - pad if bound == "lo" else seconds + pad
        day = (moved // SECONDS_PER_DAY).cast("int64")
        if row == 0:
            missing: Any = LOWEST
        elif row == 1:
            missing = ibis.ifelse(table.start_kind == "open", LOWEST, HIGHEST)
        elif row == 2:
            missing = ibis.ifelse(table.end_kind == "open", HIGHEST, LOWEST)
        else:
            missing = HIGHEST
        found.append(_clip(day.fill_null(missing)))
    s_lo, s_hi, e_lo, e_hi = found
    # as for every interval (and harmless for an instant): the start is not after the end, nor the reverse
    return s_lo, ibis.least(s_hi, e_hi), ibis.greatest(e_lo, s_lo), e_hi


def _pad(table: ir.Table, side: str, widening: Widening) -> Any:
    """Seconds ``widening`` moves each row's ``side`` by: one case per precision and qualifier it widens."""
    import ibis

    precision, qualifier = table[f"{side}_precision"], table[f"{side}_qualifier"]
    cases = []
    for unit in Precision:
        for symbol, flags in _FLAGGED.items():
            units = widening.units(UncertainDate.from_seconds(0, 0, unit, qualifier=flags))
            if units:
                cases.append(((precision == unit.value) & (qualifier == symbol), units * unit.longest_seconds))
    if not cases:
        return ibis.literal(0, type="int64")
    return ibis.cases(*cases, else_=0)
