"""The labels of the claims chart: each beside its mark, clear of every other label, bar, arrow and mark."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from chronology.events import Claim, Event
from chronology.plot._claims_geometry import _ARROW, _DOT, _NESTED, _RANGE_WIDTH, _SPAN_WIDTH, Box
from chronology.plot._claims_search import Places, _crossings, _hits, _search
from chronology.plot._glyphs import drawable
from chronology.plot._style import FONT_SIZE

_GAP: Final = 6.0  # points between a mark and its label
_STEP: Final = 4.0  # points between the heights tried for a label
_SHIFTS: Final = (0.0, 15.0, 30.0, 60.0, 120.0)  # points further from its mark, sideways, tried for a label
_FAR: Final = tuple(float(shift) for shift in range(0, 301, 10))  # the shifts tried when those fail
_KEPT: Final = 400  # places of a label the search for places for all labels at once considers, the cheapest
_ACROSS: Final = 40.0  # what a leader crossing another claim's bar or arrow adds to the cost of a place
_ASTRAY: Final = 60.0  # what standing far nearer another claim's mark than its own adds to the cost of a place


def _letter(index: int) -> str:
    """A, B, ... Z, then 27, 28, ...: the mark of the index-th subject."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _label_parts(claim: Claim, letters: Mapping[str, str]) -> tuple[str, str]:
    """The figure as said, and who claims it with the letter of its subject: ``up to 15,000``, ``Kyiv [B]``."""
    figure = claim.value.text or claim.value.label
    who = claim.claimant or claim.source or ""
    if claim.subject in letters:
        who = f"{who} [{letters[claim.subject]}]".strip()
    return drawable(figure), drawable(who)


def _variants(figure: str, who: str) -> list[tuple[str, int]]:
    """The ways to write a label, each with its number of lines beyond the first.

    One line first, then the claimant under the figure, wrapped narrower and narrower ("(2 sources)" kept
    on one line).
    """
    variants = [(f"{figure} — {who}" if who else figure, 0)]
    if who:
        joined = who.replace(" sources)", "\u00a0sources)")
        for chars in (None, 30, 20):
            wrapped = [line.replace("\u00a0", " ") for line in textwrap.wrap(joined, chars)] if chars else [who]
            lines = [figure, *wrapped]
            variant = ("\n".join(lines), len(lines) - 1)
            if variant not in variants:
                variants.append(variant)
    return variants


def _obstacles(
    ax: Axes,
    ranges: LineCollection | None,
    spans: LineCollection | None,
    arrows: Sequence[Annotation],
) -> list[Box]:
    """The extents of the bars and arrows drawn, which no label may cross."""
    points = ax.get_figure().dpi / 72  # type: ignore[union-attr]
    boxes: list[Box] = []
    for lines, half in ((ranges, _RANGE_WIDTH / 2), (spans, _SPAN_WIDTH / 2)):
        if lines is None:
            continue
        for segment in lines.get_segments():
            (x0, y0), (x1, y1) = ax.transData.transform(segment)
            pad = half * points + 0.5
            boxes.append((min(x0, x1) - pad, min(y0, y1) - pad, max(x0, x1) + pad, max(y0, y1) + pad))
    for arrow in arrows:
        tip = arrow.xy
        x = ax.transData.transform((tip[0], ax.get_ylim()[1]))[0]  # a y in view: 0 has no place on a log axis
        y = ax.transAxes.transform((0, tip[1]))[1]
        length, half = _ARROW * points, 4 * points
        low, high = (y, y + length) if tip[1] == 0 else (y - length, y)
        boxes.append((x - half, low - half, x + half, high + half))
    return boxes


def _label(
    ax: Axes,
    renderer: Any,
    chosen: Sequence[tuple[Event, Claim]],
    points: Sequence[tuple[float, float]],
    origins: Sequence[tuple[float, float]],
    letters: Mapping[str, str],
    obstacles: Sequence[Box],
    owned: Sequence[int],
    rings: Sequence[int] = (),
    colors: Sequence[str] = (),
) -> tuple[tuple[Text, ...], tuple[Annotation, ...], int]:
    """Labels beside each mark, where they meet no other label, bar, arrow, mark or text, inside the axes.

    Every place within the height of the axes is considered, on both sides of the mark, in one line or with
    the claimant on lines of its own; the one closest to the mark wins (beside it, toward the middle of the
    chart, on one line is best). A label moved off its mark gets a thin leader line, which crosses no label
    or other mark, nor, where it can, another claim's bar or arrow (``owned``: the claim of each obstacle).
    A mark drawn as ``rings`` around others (see :class:`~chronology.plot._claims_geometry.Placed`) is that
    much wider. A leader is drawn in the colour of its mark (``colors``: each claim's; grey when not given),
    and a place far nearer another claim's mark than the label's own costs :data:`_ASTRAY` more: where a label
    has no better place, its leader's colour still says whose it is.
    Labels are placed from left to right; when one finds no free place, they are placed again with it first,
    and when that fails too, a place for every label is searched for at once, sideways further from the marks.
    The same figure from the same claimant, said within a day and reported by several sources, is labelled
    once, saying how many sources report it (their marks stay apart, one colour each): ``points`` are where
    the marks are drawn, ``origins`` where they would stand before being set side by side.

    Returns:
        The labels, the leader lines, and how many labels found no free place (0: every label is clear).

    """
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    scale = figure.dpi / 72  # pixels a point
    marks = np.array([ax.transData.transform(point) for point in points]).reshape(-1, 2)
    dots = np.array([(_DOT + _NESTED * ring) * scale for ring in rings] or [_DOT * scale] * len(points))[:, None]
    mark_boxes = np.column_stack([marks - dots, marks + dots]) if len(marks) else np.empty((0, 4))
    area = ax.bbox
    inside = (area.x0 + 1, area.y0 + 1, area.x1 - 1, area.y1 - 1)
    order = sorted(range(len(points)), key=lambda i: (points[i][0], -points[i][1]))
    groups: list[tuple[tuple[str, str], list[int]]] = []
    for i in order:
        parts = _label_parts(chosen[i][1], letters)
        same = next((g for g in groups if g[0] == parts and _close(origins[g[1][0]], origins[i])), None)
        if same is None:
            groups.append((parts, [i]))
        else:
            same[1].append(i)
    steps = int(area.height / (_STEP * scale)) + 1
    offsets = [0.0] + [step * _STEP * sign for step in range(1, steps + 1) for sign in (1, -1)]
    options = [
        _candidates(ax, renderer, marks, members, figure_text, who, offsets, inside, min(dots[members, 0]) + 1)
        for (figure_text, who), members in groups
    ]
    fixed = np.array(list(obstacles), dtype=float).reshape(-1, 4)
    attempt = list(range(len(groups)))
    best: tuple[dict[int, _Candidate], list[int]] | None = None
    for _ in range(4):
        picks, stuck = _place(attempt, groups, options, mark_boxes, fixed, np.array(owned, dtype=int))
        if best is None or len(stuck) < len(best[1]):
            best = (picks, stuck)
        if not stuck:
            break
        attempt = stuck + [g for g in attempt if g not in stuck]
    assert best is not None
    if best[1]:  # one by one, some label found no free place: look for places for all of them at once, more
        options = [
            _candidates(
                ax, renderer, marks, members, figure_text, who, offsets, inside, min(dots[members, 0]) + 1, _FAR
            )
            for (figure_text, who), members in groups
        ]
        found = _together(groups, options, mark_boxes, fixed, np.array(owned, dtype=int))
        if found is not None:
            best = (found, [])
    labels: list[Text] = []
    leaders: list[Annotation] = []
    for number in range(len(groups)):
        pick = best[0][number]
        labels.append(
            ax.annotate(
                pick.text,
                points[pick.anchor],
                xytext=(pick.dx, pick.dy),
                textcoords="offset points",
                fontsize=FONT_SIZE - 0.5,
                va="center",
                ha=pick.align,
                linespacing=1.1,
            )
        )
        if pick.moved:  # moved off its mark: a thin leader line, drawn apart, shows whose label it is
            leaders.append(
                ax.annotate(
                    "",
                    points[pick.anchor],
                    xytext=(pick.dx, pick.dy),
                    textcoords="offset points",
                    arrowprops={
                        "arrowstyle": "-",
                        "color": colors[pick.anchor] if colors else "#999999",
                        "lw": 0.6,
                        "shrinkA": 0,
                        "shrinkB": 2,
                    },
                )
            )
    return tuple(labels), tuple(leaders), len(best[1])


@attrs.frozen
class _Candidate:
    """One place a label may take: ``dx`` and ``dy`` points from its anchor mark, on the side ``align`` says."""

    cost: float
    anchor: int
    align: str  # "right": left of the mark; "left": right of it
    dx: float
    dy: float
    text: str
    box: Box
    lead: Box  # the leader line from beside the mark to the label's near side: x0, y0, x1, y1

    @property
    def moved(self) -> bool:
        """Whether the label is away from its mark (and needs a leader line to show whose it is)."""
        return self.dy != 0 or abs(self.dx) > _GAP


def _candidates(
    ax: Axes,
    renderer: Any,
    marks: np.ndarray,
    members: Sequence[int],
    figure_text: str,
    who: str,
    offsets: Sequence[float],
    inside: Box,
    skip: float,
    shifts: Sequence[float] = _SHIFTS,
) -> list[_Candidate]:
    """Every place inside the axes a group's label may take, cheapest first.

    A leader line starts ``skip`` pixels from the centre of the mark, off the mark itself (and off any mark
    drawn at the same place).
    """
    scale = ax.get_figure().dpi / 72  # type: ignore[union-attr]
    who = f"{who} ({len(members)} sources)" if len(members) > 1 else who
    across = ax.transAxes.inverted().transform(marks[members[0]])[0]
    preferred = "right" if across > 0.55 else "left"  # ha: a label toward the middle, off the legend
    others = np.delete(marks, list(members), axis=0).reshape(-1, 2)
    found: list[_Candidate] = []
    for text, extra_lines in _variants(figure_text, who):
        width, height = _measure(ax, renderer, text)
        for align in ("right", "left"):
            anchor = (
                min(members, key=lambda m: marks[m][0]) if align == "right" else max(members, key=lambda m: marks[m][0])
            )
            x, y = marks[anchor]
            for shift in shifts:
                dx = -(_GAP + shift) if align == "right" else _GAP + shift
                edge = x + dx * scale
                x0, x1 = (edge - width, edge) if align == "right" else (edge, edge + width)
                if x0 < inside[0] or x1 > inside[2]:
                    continue
                for dy in offsets:
                    middle = y + dy * scale
                    if middle - height / 2 < inside[1] or middle + height / 2 > inside[3]:
                        continue
                    cost = abs(dy) + shift + 10 * extra_lines + (0 if align == preferred else 12)
                    box = (x0, middle - height / 2, x1, middle + height / 2)
                    if (dy or shift) and _astray(box, marks[anchor], others):
                        cost += _ASTRAY
                    found.append(_Candidate(cost, anchor, align, dx, dy, text, box, _lead(x, y, edge, middle, skip)))
    if not found:  # no room inside the axes: beside its mark after all
        width, height = _measure(ax, renderer, f"{figure_text} — {who}")
        anchor = members[0]
        x, y = marks[anchor]
        box = (x + _GAP * scale, y - height / 2, x + _GAP * scale + width, y + height / 2)
        found.append(_Candidate(0.0, anchor, "left", _GAP, 0.0, f"{figure_text} — {who}", box, (x, y, x, y)))
    found.sort(key=lambda c: c.cost)
    return found


def _place(
    order: Sequence[int],
    groups: Sequence[tuple[tuple[str, str], list[int]]],
    options: Sequence[Sequence[_Candidate]],
    mark_boxes: np.ndarray,
    fixed: np.ndarray,
    owned: np.ndarray,
) -> tuple[dict[int, _Candidate], list[int]]:
    """The place each group's label takes, placed in ``order``; and the groups that found no free place.

    The cheapest free place whose leader crosses no other claim's bar or arrow (``fixed``, each belonging to
    the claim ``owned`` says) is taken; where there is none, the cheapest whose leader crosses only those.
    """
    placed: list[Box] = []  # labels
    threads: list[Box] = []  # leader lines
    picks: dict[int, _Candidate] = {}
    stuck: list[int] = []
    pad = np.array((-1.0, -1.0, 1.0, 1.0))  # a leader passing within a pixel of a label runs into it
    for number in order:
        members = groups[number][1]
        candidates = options[number]
        others = np.array([b for g, b in enumerate(mark_boxes) if g not in members]).reshape(-1, 4)
        boxes = np.array([c.box for c in candidates])
        leads = np.array([c.lead for c in candidates])
        moved = np.array([c.moved for c in candidates])
        lines = np.array(threads).reshape(-1, 4)
        labels = np.array(placed).reshape(-1, 4)
        hits = _hits(boxes, np.vstack([fixed, mark_boxes, labels]))
        blocking = np.vstack([labels, others])
        foreign = fixed[~np.isin(owned, members)] if len(fixed) else fixed
        pick = None
        free = np.flatnonzero(hits == 0)
        for strict in (np.vstack([blocking, foreign]), blocking):
            for chunk in np.array_split(free, max(1, math.ceil(len(free) / 256))):  # cheapest first; most stop early
                ok = _clear(boxes[chunk] + pad, leads[chunk], moved[chunk], lines, strict)
                if ok.any():
                    pick = candidates[int(chunk[np.argmax(ok)])]
                    break
            if pick is not None:
                break
        if pick is None:  # nowhere free: the place that meets the fewest things, its leaders crossing none if it can
            stuck.append(number)
            fewest = np.flatnonzero(hits == hits.min())
            ok = _clear(boxes[fewest] + pad, leads[fewest], moved[fewest], lines, blocking)
            pick = candidates[int(fewest[np.argmax(ok)] if ok.any() else fewest[0])]
        picks[number] = pick
        placed.append(pick.box)
        if pick.moved:
            threads.append(pick.lead)
    return picks, stuck


def _together(
    groups: Sequence[tuple[tuple[str, str], list[int]]],
    options: Sequence[Sequence[_Candidate]],
    mark_boxes: np.ndarray,
    fixed: np.ndarray,
    owned: np.ndarray,
) -> dict[int, _Candidate] | None:
    """A free place for every group's label, none meeting another nor crossed by another's leader; or ``None``.

    Each label's places are those clear of every bar, arrow and mark whose leader crosses no other mark, the
    :data:`_KEPT` cheapest; first those whose leader crosses no other claim's bar or arrow either, then, where
    that leaves no way, any, a leader crossing one costing :data:`_ACROSS` more.
    """
    static = np.vstack([fixed, mark_boxes])
    for strict in (True, False):
        kept: list[np.ndarray] = []
        places: list[Places] = []
        for (_, members), candidates in zip(groups, options, strict=True):
            others = np.array([b for g, b in enumerate(mark_boxes) if g not in members]).reshape(-1, 4)
            foreign = fixed[~np.isin(owned, members)] if len(fixed) else fixed
            boxes = np.array([c.box for c in candidates]).reshape(-1, 4)
            leads = np.array([c.lead for c in candidates]).reshape(-1, 4)
            moved = np.array([c.moved for c in candidates], dtype=bool)
            costs = np.array([c.cost for c in candidates], dtype=float)
            across = _crossings(leads[:, :2], leads[:, 2:], foreign).any(axis=1) & moved
            free = (_hits(boxes, static) == 0) & ~(_crossings(leads[:, :2], leads[:, 2:], others).any(axis=1) & moved)
            if strict:
                free &= ~across
            else:
                costs = costs + _ACROSS * across
            chosen = np.flatnonzero(free)
            chosen = chosen[np.argsort(costs[chosen], kind="stable")][:_KEPT]
            kept.append(chosen)
            places.append(Places(boxes=boxes[chosen], leads=leads[chosen], moved=moved[chosen], costs=costs[chosen]))
        found = _search(places)
        if found is not None:
            return {number: options[number][int(kept[number][at])] for number, at in enumerate(found)}
    return None


def _measure(ax: Axes, renderer: Any, text: str) -> tuple[float, float]:
    """The width and height in pixels of a label reading ``text``."""
    probe = ax.annotate(
        text, (0.5, 0.5), xycoords="axes fraction", fontsize=FONT_SIZE - 0.5, va="center", ha="left", linespacing=1.1
    )
    extent = probe.get_window_extent(renderer)
    probe.remove()
    return extent.width + 1, extent.height + 1


def _clear(
    boxes: np.ndarray, leads: np.ndarray, moved: np.ndarray, lines: np.ndarray, blocking: np.ndarray
) -> np.ndarray:
    """For each candidate, whether it is clear of leader lines.

    Clear: no leader line already drawn (``lines``) runs through its box, and its own leader (where it has
    moved off its mark) crosses none of ``blocking``.
    """
    through = _crossings(lines[:, :2], lines[:, 2:], boxes).any(axis=0)
    crossing = _crossings(leads[:, :2], leads[:, 2:], blocking).any(axis=1)
    return np.asarray(~through & ~(crossing & moved))


def _astray(box: Box, own: np.ndarray, others: np.ndarray) -> bool:
    """Whether a label at ``box`` stands far nearer one of ``others`` (marks' centres) than its own mark's.

    Less than half as far: there it reads as the label of that other mark, its leader line notwithstanding.
    """
    if not len(others):
        return False
    low, high = np.array(box[:2]), np.array(box[2:])
    gaps = np.maximum(np.maximum(low - others, others - high), 0.0)
    mine = np.maximum(np.maximum(low - own, own - high), 0.0)
    return bool(2 * np.hypot(gaps[:, 0], gaps[:, 1]).min() < math.hypot(mine[0], mine[1]))


def _lead(x: float, y: float, edge: float, middle: float, skip: float) -> Box:
    """The leader from a mark at (``x``, ``y``) to a label's side at (``edge``, ``middle``), ``skip`` off the mark."""
    length = math.hypot(edge - x, middle - y)
    if length <= skip:
        return (edge, middle, edge, middle)
    share = skip / length
    return (x + (edge - x) * share, y + (middle - y) * share, edge, middle)


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two marks at the same figure, said within a day of each other."""
    return a[1] == b[1] and abs(a[0] - b[0]) <= 1.0
