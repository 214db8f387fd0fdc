"""Boxes and lines meeting, and the search for a place for every label of the claims chart at once.

Placing labels one by one, each taking the cheapest place still free, can leave the last no place where a
place for every label exists: :func:`_search` looks for one, a label at a time, the label with the fewest
places left first, putting back a choice that leaves another label none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import numpy as np

_BUDGET: Final = 20_000  # places tried before the search settles for the best it has found


@attrs.frozen(eq=False)
class Places:
    """The places one label may take, cheapest first.

    Attributes:
        boxes: x0, y0, x1, y1 of the label at each place, in pixels.
        leads: x0, y0, x1, y1 of its leader line at each place.
        moved: whether it needs its leader line there (away from its mark).
        costs: how far each place is from the best (beside the mark, toward the middle of the chart).

    """

    boxes: np.ndarray
    leads: np.ndarray
    moved: np.ndarray
    costs: np.ndarray


def _search(places: Sequence[Places], pad: float = 1.0, budget: int = _BUDGET) -> list[int] | None:
    """For each label, the index of a place where no two labels meet and no leader line runs through a label.

    The cheapest such set of places found within ``budget`` tries (branch and bound: the label with the fewest
    places left is placed first, its cheapest place first); ``None`` where there is none. A leader passing
    within ``pad`` pixels of a label runs into it.
    """
    count = len(places)
    if any(not len(p.costs) for p in places):
        return None
    reach = [_reach(p) for p in places]
    fits: dict[tuple[int, int], np.ndarray | None] = {}

    def fit(g: int, h: int) -> np.ndarray | None:
        """Which places of ``h`` go with each place of ``g`` (rows: ``g``); ``None``: all, they never meet."""
        if (g, h) not in fits:
            if (h, g) in fits:
                other = fits[(h, g)]
                fits[(g, h)] = None if other is None else other.T
            elif _apart(reach[g], reach[h]):
                fits[(g, h)] = None
            else:
                fits[(g, h)] = _fit(places[g], places[h], pad)
        return fits[(g, h)]

    best: list[int] | None = None
    best_cost = np.inf
    tries = 0

    def visit(chosen: dict[int, int], left: list[np.ndarray], cost: float) -> None:
        nonlocal best, best_cost, tries
        waiting = [g for g in range(count) if g not in chosen]
        if not waiting:
            if cost < best_cost:
                best, best_cost = [chosen[g] for g in range(count)], cost
            return
        floor = {g: float(places[g].costs[left[g]].min()) for g in waiting}
        if cost + sum(floor.values()) >= best_cost:
            return
        label = min(waiting, key=lambda g: (int(left[g].sum()), g))
        rest = sum(floor.values()) - floor[label]
        for place in np.flatnonzero(left[label]):
            if tries >= budget or cost + places[label].costs[place] + rest >= best_cost:
                return  # the places come cheapest first: every one after this costs more
            tries += 1
            narrowed = list(left)
            for other in waiting:
                together = fit(label, other) if other != label else None
                if together is not None:
                    narrowed[other] = left[other] & together[place]
            if all(narrowed[g].any() for g in waiting if g != label):
                visit({**chosen, label: int(place)}, narrowed, cost + float(places[label].costs[place]))

    visit({}, [np.ones(len(p.costs), dtype=bool) for p in places], 0.0)
    return best


def _reach(places: Places) -> np.ndarray:
    """The box holding every place of a label and its leader lines."""
    both = np.vstack([places.boxes, places.leads[:, [0, 1, 0, 1]], places.leads[:, [2, 3, 2, 3]]])
    return np.array([both[:, 0].min(), both[:, 1].min(), both[:, 2].max(), both[:, 3].max()])


def _apart(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _fit(a: Places, b: Places, pad: float) -> np.ndarray:
    """For each place of ``a`` (rows) and of ``b`` (columns), whether the two labels can stand there together.

    They do not meet, neither's leader line runs through the other (grown by ``pad``), and their leader lines
    do not cross.
    """
    grow = np.array((-pad, -pad, pad, pad))
    clash = _overlaps(a.boxes, b.boxes)
    for one, other, turn in ((a, b, False), (b, a, True)):  # a leader through the other label, each way round
        spans = np.column_stack(
            [np.minimum(one.leads[:, :2], one.leads[:, 2:]), np.maximum(one.leads[:, :2], one.leads[:, 2:])]
        )
        rows, cols = np.nonzero(_overlaps(spans, other.boxes + grow) & one.moved[:, None])  # near enough to cross
        hit = _through(one.leads[rows, :2], one.leads[rows, 2:], other.boxes[cols] + grow)
        if turn:
            clash[cols[hit], rows[hit]] = True
        else:
            clash[rows[hit], cols[hit]] = True
    return np.asarray(~(clash | (_tangled(a.leads, b.leads) & a.moved[:, None] & b.moved[None, :])))


def _tangled(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each segment of ``a`` (rows) and of ``b`` (columns): x0, y0, x1, y1, whether they cross."""
    p, r = a[:, None, :2], (a[:, 2:] - a[:, :2])[:, None, :]
    q, s = b[None, :, :2], (b[:, 2:] - b[:, :2])[None, :, :]
    across = r[..., 0] * s[..., 1] - r[..., 1] * s[..., 0]
    gap = q - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (gap[..., 0] * s[..., 1] - gap[..., 1] * s[..., 0]) / across
        u = (gap[..., 0] * r[..., 1] - gap[..., 1] * r[..., 0]) / across
    return np.asarray((across != 0) & (t > 0) & (t < 1) & (u > 0) & (u < 1))


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each box (rows) and each of ``others`` (columns), whether they meet."""
    a, b = boxes[:, None, :], others[None, :, :]
    return np.asarray(
        (a[..., 0] < b[..., 2]) & (b[..., 0] < a[..., 2]) & (a[..., 1] < b[..., 3]) & (b[..., 1] < a[..., 3])
    )


def _hits(boxes: np.ndarray, blocking: np.ndarray) -> np.ndarray:
    """For each box, how many of ``blocking`` it meets."""
    if not len(blocking):
        return np.zeros(len(boxes), dtype=int)
    return np.asarray(_overlaps(boxes, blocking).sum(axis=1))


def _crossings(starts: np.ndarray, ends: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """For each segment (rows) and box (columns), whether the segment runs through the inside of the box."""
    if not len(starts) or not len(boxes):
        return np.zeros((len(starts), len(boxes)), dtype=bool)
    return _through(starts[:, None, :], ends[:, None, :], boxes[None, :, :])


def _through(starts: np.ndarray, ends: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether each segment runs through the inside of its box (the arrays broadcast against each other).

    Liang-Barsky clipping: the part of the segment inside both slabs of the box, ``first`` to ``last`` along
    it, is not empty. Touching an edge is not crossing.
    """
    step = ends - starts
    low, high = boxes[..., :2], boxes[..., 2:]
    within = (starts > low) & (starts < high)  # where the segment runs along an axis: inside that slab or not
    flat = step == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        near, far = (low - starts) / step, (high - starts) / step
    enter = np.where(flat, np.where(within, -np.inf, np.inf), np.minimum(near, far))
    leave = np.where(flat, np.where(within, np.inf, -np.inf), np.maximum(near, far))
    first = np.maximum(enter.max(axis=-1), 0.0)
    last = np.minimum(leave.min(axis=-1), 1.0)
    return np.asarray(first < last)
