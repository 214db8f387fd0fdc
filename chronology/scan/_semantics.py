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

When the question's dates give times, an event that gives times too is
compared by the second, as in memory (:func:`chronology.before` of two
times): the same table, on each row's first and last second of its start and
of its end (:func:`moments`, from the ``start_lo`` ... ``end_hi`` columns),
for the rows whose days lie within two days of the question's, where the
second can answer otherwise than the day (:func:`holds_timed`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from chronology._calendar import FIRST_SECOND, LAST_SECOND, NEG_INF, POS_INF, SECONDS_PER_DAY
from chronology.dates import DEFAULT_WIDENING, Precision, Qualifier, UncertainDate, Widening
from chronology.exchange.arrow import EPOCH_DAY, LINKED_BITS
from chronology.index import NEG_DAY, POS_DAY

if TYPE_CHECKING:
    import ibis.expr.types as ir

__all__ = [
    "EPOCH_SECONDS",
    "HIGHEST",
    "LOWEST",
    "NEAR_DAYS",
    "Days",
    "days",
    "gives_times",
    "holds",
    "holds_timed",
    "moments",
]

#: The index's sentinels in the columnar form's day numbers (days from 1970-01-01).
LOWEST: Final = NEG_DAY - EPOCH_DAY
HIGHEST: Final = POS_DAY - EPOCH_DAY
_ROWS: Final = ("start_first", "start_last", "end_first", "end_last")
_SIDES: Final = (("start", "lo"), ("start", "hi"), ("end", "lo"), ("end", "hi"))
_FLAGGED: Final = {"~": Qualifier.APPROXIMATE, "?": Qualifier.UNCERTAIN, "%": Qualifier.BOTH}
#: The model's second of 1970-01-01T00:00, second 0 of the columnar form.
EPOCH_SECONDS: Final = EPOCH_DAY * SECONDS_PER_DAY
#: Days apart within which an event that gives times can answer otherwise by the second than by its days
#: (as in memory: a time with an offset falls on its day in the zone, but compares in UTC).
NEAR_DAYS: Final = 2
#: Each question's day rows (0 start first ... 3 end last) compared with the window's first day ("a") or last ("b").
_COMPARED: Final = {
    "possibly overlapping": ((3, "a"), (0, "b")),
    "certainly overlapping": ((2, "a"), (1, "b")),
    "possibly within": ((1, "a"), (2, "b")),
    "certainly within": ((0, "a"), (3, "b")),
    "possibly before": ((2, "a"),),
    "certainly before": ((3, "a"),),
    "possibly after": ((1, "a"),),
    "certainly after": ((0, "a"),),
}
_TIMED: Final = tuple(unit.value for unit in Precision if unit.has_time)

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


def holds_timed(
    row: Days, seconds: Days, timed: Any, question: str, a: int, b: int, moments_asked: tuple[int, int]
) -> Any:
    """:func:`holds`, each row that gives times (``timed``) compared by the second where its days are near.

    ``seconds`` are the rows' :func:`moments`, ``moments_asked`` the question's
    two seconds (the window's first and last; for ``before`` and ``after``, the
    other value's second that question compares with, then 0). A row whose
    compared days lie within :data:`NEAR_DAYS` of the question's is answered by
    the second, as in memory; the others by the day. A window's question
    answers by the second only among the rows its days, that many days wider
    each way, would give (as in memory, where those are looked at one by one).
    """
    import ibis

    window = {"a": a, "b": b}
    near = ibis.or_(*((row[k] - window[side]).abs() <= NEAR_DAYS for k, side in _COMPARED[question]))
    by_second = timed & near
    exact = holds(seconds, question, *moments_asked)
    if question.endswith(("overlapping", "within")):
        wider = holds(row, question, max(a - NEAR_DAYS, LOWEST), min(b + NEAR_DAYS, HIGHEST))
        exact = exact & wider
    return ibis.ifelse(by_second, exact, holds(row, question, a, b))


def gives_times(table: ir.Table) -> Any:
    """Whether each row gives a time at every dated end (as :func:`chronology.compare.gives_times`)."""
    ends = [
        (table[f"{side}_kind"] != "date") | table[f"{side}_precision"].isin(_TIMED).fill_null(False)
        for side in ("start", "end")
    ]
    return (ends[0] & ends[1]).fill_null(False)


def moments(table: ir.Table, widening: Widening | None, *, widened: bool) -> Days:
    """First and last second of each row's start, then of its end, as two values that give times compare them.

    Seconds from 1970-01-01T00:00 (the columnar form's ``start_lo`` ...
    ``end_hi``), the start's last held to the end's and the end's first to the
    start's, with the model's sentinels for an open or unknown end (as
    :func:`chronology.compare.seconds_of` reads them; on a zone's clock where
    the file names a zone). ``widened``: each end that is approximate or
    uncertain spilled by ``widening`` (None: the default policy), but not a
    bound a link set (``linked``).
    """
    import ibis

    pads = {side: _pad(table, side, widening or DEFAULT_WIDENING) for side in ("start", "end")}
    first, last = FIRST_SECOND - EPOCH_SECONDS, LAST_SECOND - EPOCH_SECONDS
    found = []
    for (side, bound), bit, missing in zip(_SIDES, LINKED_BITS, _missing_seconds(table), strict=True):
        seconds = table[f"{side}_{bound}"]
        if widened:  # as Widening.bounds: stopped at the first (last) second the model holds
            pad = ibis.ifelse((table.linked & bit) != 0, 0, pads[side])
            moved = ibis.greatest(seconds - pad, first) if bound == "lo" else ibis.least(seconds + pad, last)
            seconds = ibis.ifelse(seconds.isnull(), None, moved)  # (greatest and least skip a null)
        found.append(seconds.fill_null(missing))
    s_lo, s_hi, e_lo, e_hi = found
    return s_lo, ibis.least(s_hi, e_hi), ibis.greatest(e_lo, s_lo), e_hi


def _missing_seconds(table: ir.Table) -> Days:
    """The second each of a row's four bounds stands at when its column is null, as the model's values give it.

    An open end lies beyond every date on its side; an unknown start's first
    second is one past the lowest (its last is its end's), an unknown end's last
    one short of the highest (its first is its start's); a date's open side
    ("[..1456]") is one past (short of) the sentinels.
    """
    import ibis

    start_open, end_open = table.start_kind == "open", table.end_kind == "open"
    start_unknown, end_unknown = table.start_kind == "unknown", table.end_kind == "unknown"
    return (
        ibis.ifelse(start_open, NEG_INF, NEG_INF + 1),
        ibis.cases((start_open, NEG_INF), (start_unknown, POS_INF), else_=POS_INF - 1),
        ibis.cases((end_open, POS_INF), (end_unknown, NEG_INF), else_=NEG_INF + 1),
        ibis.ifelse(end_open, POS_INF, POS_INF - 1),
    )


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
