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


UNITS = {"D": "2024-03-05", "M": "2024-03", "Y": "2024"}


@settings(max_examples=60, deadline=None)
@given(
    timelines(),
    st.lists(st.tuples(st.integers(0, 700), st.integers(0, 90)), min_size=1, max_size=6),
    st.sampled_from(sorted(UNITS)),
    st.sampled_from(["possible", "certain"]),
    st.booleans(),
)
def test_windows_as_arrays_are_read_as_the_same_dates_one_by_one(
    tl: Timeline, windows: list[tuple[int, int]], unit: str, mode: str, within: bool
) -> None:
    # windows as two datetime64 arrays of one unit, against the same dates given one by one as text
    origin = np.datetime64("2023-01-01", "D")
    starts = np.array([origin + a for a, _ in windows]).astype(f"datetime64[{unit}]")
    ends = np.array([origin + a + n for a, n in windows]).astype(f"datetime64[{unit}]")
    texts = [(str(a), str(b)) for a, b in zip(starts, ends, strict=True)]
    assert len(texts[0][0]) == len(UNITS[unit])  # each text at the unit's precision: "2024-03" covers March
    ask = tl.within if within else tl.overlapping
    one_by_one = [ask(a, b, mode=mode) for a, b in texts]  # type: ignore[arg-type]
    counts = tl.count_many(starts, ends, within=within, mode=mode)  # type: ignore[arg-type]
    assert counts.tolist() == [len(view) for view in one_by_one]
    if not within:
        many = tl.overlapping_many(starts, ends, mode=mode)  # type: ignore[arg-type]
        assert [view.ids.tolist() for view in many] == [view.ids.tolist() for view in one_by_one]
    # text arrays of mixed precision: each text read at its own ("2023-05" is all of May, beside a day)
    mixed_starts = np.array([a if k % 2 else a[:7] for k, (a, _) in enumerate(texts)])  # a day, or its month
    mixed_ends = np.array([b if k % 2 else b[:4] for k, (_, b) in enumerate(texts)])  # a day, or its year
    expected = [
        tl.count(a, b, within=within, mode=mode)  # type: ignore[arg-type]
        for a, b in zip(mixed_starts.tolist(), mixed_ends.tolist(), strict=True)
    ]
    assert tl.count_many(mixed_starts, mixed_ends, within=within, mode=mode).tolist() == expected  # type: ignore[arg-type]


def test_an_open_side_of_a_window_is_nat_and_a_reversed_window_is_named() -> None:
    tl = chronology.load(SHOWCASE)
    nat = np.datetime64("NaT", "D")
    starts = np.array([nat, "2024-10-01"], dtype="datetime64[D]")
    ends = np.array(["2024-06-30", nat], dtype="datetime64[D]")
    assert tl.count_many(starts, ends).tolist() == [
        tl.count("0001-01-01", "2024-06-30"),
        tl.count("2024-10-01", "9999-12-31"),
    ]
    with pytest.raises(chronology.InvalidDateError, match=r"window 1 ends \(2024-09\) before it starts \(2024-10\)"):
        tl.count_many(
            np.array(["2024-01", "2024-10"], dtype="datetime64[M]"),
            np.array(["2024-02", "2024-09"], dtype="datetime64[M]"),
        )


def test_columns_of_text_keep_each_date_at_its_own_precision() -> None:
    tl = Timeline.from_columns(
        ["month", "day", "year"], ["2023-01", "2024-01-15", "1999"], ["2023-01", "2024-01-15", "1999"]
    )
    assert [event.when.label for event in tl] == ["January 2023", "15 January 2024", "1999"]
    assert tl.count("2023-01-31", "2023-01-31") == 1


def test_windows_given_as_lists_are_named_by_their_place_in_errors() -> None:
    tl = chronology.load(SHOWCASE)
    with pytest.raises(chronology.InvalidDateError, match=r"^window 1 ends \(September 2024\) before it starts"):
        tl.count_many(["2024-01", "2024-10"], ["2024-02", "2024-09"])
    with pytest.raises(chronology.WrongTypeError, match=r"^2 starts but 1 ends: give one end per start$"):
        tl.overlapping_many(["2024-01", "2024-10"], ["2024-02"])
    with pytest.raises(chronology.DateParseError, match=r"^'2024-13' \(at character 6\): month 13 .*\(window 1\)$"):
        tl.count_many(["2024-01", "2024-13"], ["2024-02", "2024-12"])
    with pytest.raises(chronology.WrongTypeError, match=r"^window 1's end is a date value .*not int"):
        tl.count_many(["2024-01", "2024-10"], ["2024-02", 2024])  # type: ignore[list-item]
    with pytest.raises(chronology.InvalidDateError, match=r"^the window ends \(September 2024\)"):
        tl.count("2024-10", "2024-09")  # one window: no number
