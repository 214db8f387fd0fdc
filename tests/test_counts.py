"""Query results cheap to consume: positions and ids as arrays, counts without listing, many windows at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from generated_timelines import timelines
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import Timeline
from chronology.cli import main

SHOWCASE = Path(__file__).parent.parent / "events.toml"
DAYS = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15)]


@settings(max_examples=60, deadline=None)
@given(
    timelines(),
    st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(DAYS)), min_size=1, max_size=5),
    st.sampled_from(["possible", "certain"]),
    st.booleans(),
)
def test_counts_and_arrays_match_the_events_a_query_lists(
    tl: Timeline, windows: list[tuple[str, str]], mode: str, within: bool
) -> None:
    windows = [(a, b) if chronology.parse(a).lo <= chronology.parse(b).lo else (b, a) for a, b in windows]
    ask = tl.within if within else tl.overlapping
    found = [ask(a, b, mode=mode) for a, b in windows]  # type: ignore[arg-type]
    everything = tl.events
    for view in found:
        listed = [event.id for event in view]
        assert view.ids.tolist() == listed
        assert [everything[i].id for i in view.positions.tolist()] == listed
        assert view.positions.dtype == np.int64
        assert (np.diff(view.positions) > 0).all()
    counts = [tl.count(a, b, within=within, mode=mode) for a, b in windows]  # type: ignore[arg-type]
    assert counts == [len(view) for view in found]
    many = tl.count_many([a for a, _ in windows], [b for _, b in windows], within=within, mode=mode)  # type: ignore[arg-type]
    assert many.dtype == np.int64
    assert many.tolist() == counts
    # a view counts only its own events
    half = tl.select([event.id for event in everything[::2]])
    for (a, b), view in zip(windows, found, strict=True):
        own = {event.id for event in half}
        assert half.count(a, b, within=within, mode=mode) == sum(1 for e in view if e.id in own)  # type: ignore[arg-type]


def test_a_whole_timeline_gives_every_position_and_id() -> None:
    tl = chronology.load(SHOWCASE)
    assert tl.positions.tolist() == list(range(len(tl)))
    assert tl.ids.tolist() == [event.id for event in tl]
    with pytest.raises(ValueError, match="read-only"):
        tl.positions[0] = 5
    assert tl.count("2024-10", "2024-10") == len(tl.overlapping("2024-10", "2024-10"))


def test_the_command_line_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(SHOWCASE), "--from", "2024-10", "--to", "2024-10", "--count"]) == 0
    out = capsys.readouterr().out
    assert out == f"{len(chronology.load(SHOWCASE).overlapping('2024-10', '2024-10'))}\n"
    assert main(["query", str(SHOWCASE), "--from", "2024-10", "--to", "2024-10", "--count", "--certain"]) == 0
    certain = int(capsys.readouterr().out)
    assert certain == len(chronology.load(SHOWCASE).overlapping("2024-10", "2024-10", mode="certain"))
