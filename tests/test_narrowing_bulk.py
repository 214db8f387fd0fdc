"""Dates narrowed in bulk (every side of the common kind at once) are those narrowed one at a time."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.constraints import _PRECISIONS, _RANK_OF, Network, _aligned, _aligned_ranks, narrow
from chronology.dates import Precision

# the benchmark's generator of files whose links narrow dates (benchmarks/ is no package: loaded by its path,
# with its folder on the path for what the scripts share)
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
_SPEC = importlib.util.spec_from_file_location(
    "bench_constraints", Path(__file__).parent.parent / "benchmarks" / "bench_constraints.py"
)
assert _SPEC is not None
assert _SPEC.loader is not None
bench_constraints = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_constraints"] = bench_constraints
_SPEC.loader.exec_module(bench_constraints)

# bounds on or near edges of days, months and years, as links leave them; some open
_EDGES = st.builds(
    lambda year, month, last: (
        (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1))
        if last
        else datetime.date(year, month, 1)
    ),
    st.integers(2021, 2025),
    st.integers(1, 12),
    st.booleans(),
)
_DAY_NUMBERS = st.one_of(st.integers(738_000, 739_500), _EDGES.map(datetime.date.toordinal))  # 2021-2025
_SECOND_OF_DAY = st.sampled_from([0, 1, 59, 60, 3_599, 3_600, 43_200, SECONDS_PER_DAY - 1])


@st.composite
def bounds(draw: st.DrawFn) -> tuple[int, int]:
    lo = OPEN_LO if draw(st.booleans()) and draw(st.booleans()) else draw(_DAY_NUMBERS) * SECONDS_PER_DAY
    lo = lo if lo == OPEN_LO else lo + draw(_SECOND_OF_DAY)
    hi = OPEN_HI if draw(st.booleans()) and draw(st.booleans()) else draw(_DAY_NUMBERS) * SECONDS_PER_DAY
    hi = hi if hi == OPEN_HI else hi + draw(st.sampled_from([SECONDS_PER_DAY - 1, 0, 59, 3_599]))
    return min(lo, hi), max(lo, hi)


@settings(max_examples=400)
@given(st.lists(st.tuples(bounds(), st.sampled_from(list(Precision))), min_size=1, max_size=20))
def test_the_units_bounds_are_written_in_are_found_alike_in_bulk(
    cases: list[tuple[tuple[int, int], Precision]],
) -> None:
    lo = np.array([b[0] for b, _ in cases], dtype=np.int64)
    hi = np.array([b[1] for b, _ in cases], dtype=np.int64)
    own = np.array([_RANK_OF[p] for _, p in cases], dtype=np.intp)
    bulk = [_PRECISIONS[r] for r in _aligned_ranks(lo, hi, own).tolist()]
    assert bulk == [_aligned(b[0], b[1], p) for b, p in cases]


def test_a_networks_narrowed_dates_are_each_dates_narrowed_alone(tmp_path: Path) -> None:
    _, linked, _ = bench_constraints.generate(2_000, seed=3)
    path = tmp_path / "linked.toml"
    path.write_text(linked, encoding="utf-8")
    events = chronology.load(path).events
    network = Network(events, {event.id: event for event in events})
    found = network.narrowed(events)
    assert len(found) > 100  # the links narrow many dates: months, ranges and intervals among them
    assert any(isinstance(value, chronology.Interval) for value in found.values())
    for event in events:
        bounds = network.bounds(event.id)
        alone = event.when if bounds is None else narrow(event.when, *bounds, frame=network.frame)
        assert found.get(event.id, event.when) == alone, event.id


def test_every_edge_of_a_year_gives_the_same_unit_in_bulk() -> None:
    # bounds on every month's first and last day of 2024 (and just off them), open or not, with every precision
    firsts = [datetime.date(2024, m, 1).toordinal() * SECONDS_PER_DAY for m in range(1, 13)]
    lasts = [(datetime.date(2024 + (m == 12), m % 12 + 1, 1).toordinal()) * SECONDS_PER_DAY - 1 for m in range(1, 13)]
    los = [OPEN_LO, *firsts, *(x + SECONDS_PER_DAY for x in firsts), *(x + 3_600 for x in firsts)]
    his = [OPEN_HI, *lasts, *(x - SECONDS_PER_DAY for x in lasts), *(x - 60 for x in lasts)]
    cases = [(lo, hi, p) for lo in los for hi in his if lo <= hi for p in Precision]
    bulk = _aligned_ranks(
        np.array([c[0] for c in cases], dtype=np.int64),
        np.array([c[1] for c in cases], dtype=np.int64),
        np.array([_RANK_OF[c[2]] for c in cases], dtype=np.intp),
    )
    assert [_PRECISIONS[r] for r in bulk.tolist()] == [_aligned(lo, hi, p) for lo, hi, p in cases]
