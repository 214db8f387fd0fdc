"""How a file's dates are read: ``[reading]`` widening in files, ``--widening`` on the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import chronology
from chronology import DEFAULT_WIDENING, EventFileError, InvalidDateError, Precision, Widening, parse
from chronology.cli import main

EVENT = """
[[events]]
id = "{id}"
title = "{title}"
when = "{when}"
"""
HISTORIAN = "[reading]\nwidening = { approximate = { year = 10, month = 1 } }\n" + EVENT.format(
    id="birth", title="Gutenberg is born", when="c. 1400"
)


def ids(timeline: chronology.Timeline) -> list[str]:
    return [event.id for event in timeline]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "history.toml").write_text(HISTORIAN)
    (tmp_path / "plain.toml").write_text(EVENT.format(id="plain", title="Also c. 1400", when="c. 1400"))
    return tmp_path


@pytest.mark.parametrize(
    ("widening", "value", "pad_days"),
    [
        (Widening(), "1400~", 366),  # one unit each side, a year counted at its longest
        (Widening(approximate_by={"year": 10}), "1400~", 3660),
        (Widening(approximate_by={"year": 10}), "2024-06~", 31),  # a month: the plain setting, 1
        (Widening(approximate=0, approximate_by={Precision.MONTH: 2}), "2024-06~", 62),
        (Widening(approximate=0, approximate_by={Precision.MONTH: 2}), "1400~", 0),
        (Widening(uncertain=1), "1984?", 366),
        (Widening(uncertain_by={"year": 2}), "2024-06?", 0),  # a month: not widened
        (Widening(approximate=1, uncertain=2), "1984%", 3 * 366),
    ],
)
def test_widening_counts_units_of_each_values_own_precision(widening: Widening, value: str, pad_days: int) -> None:
    date = parse(value)
    assert isinstance(date, chronology.UncertainDate)
    assert widening.bounds(date) == (date.lo - pad_days * 86_400, date.hi + pad_days * 86_400)


def test_an_open_side_stays_open_when_widened() -> None:
    date = parse("[..1455~]")
    assert isinstance(date, chronology.UncertainDate)
    assert widening_bounds(date) == (date.lo, date.hi + 366 * 86_400)


def widening_bounds(date: chronology.UncertainDate) -> tuple[int, int]:
    return DEFAULT_WIDENING.bounds(date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approximate=1,uncertain=0", Widening()),
        ("approximate=2", Widening(approximate=2)),
        ("approximate.year=10,approximate.month=1", Widening(approximate_by={"year": 10, "month": 1})),
        ("uncertain=1, approximate.decade=0", Widening(uncertain=1, approximate_by={"decade": 0})),
    ],
)
def test_the_command_line_spelling_reads_into_a_policy(text: str, expected: Widening) -> None:
    assert Widening.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("approximat=1", "widening has no setting 'approximat'; did you mean 'approximate'?"),
        ("approximate.yeer=10", "'yeer' is not a precision; did you mean 'year'?"),
        ("approximate=-1", "'approximate=-1' is not name=units"),
        ("ten", "'ten' is not name=units"),
    ],
)
def test_a_wrong_setting_is_named_with_what_is_accepted(text: str, message: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        Widening.parse(text)
    assert message in str(caught.value)


def test_a_files_reading_widens_its_own_events_in_possible_answers(folder: Path) -> None:
    timeline = chronology.load(folder / "history.toml")
    assert timeline["birth"].widening == Widening(approximate_by={"year": 10, "month": 1})
    # c. 1400 with a year's approximation of ten years may be 1395; the default policy says 1399-1401
    assert ids(timeline.on("1395")) == ["birth"]
    assert ids(timeline.on("1395", widening=DEFAULT_WIDENING)) == []
    assert ids(timeline.on("1395", mode="certain")) == []  # widening never makes anything certain


def test_several_files_on_one_command_line_each_keep_their_own_reading(folder: Path) -> None:
    timeline = chronology.load([folder / "history.toml", folder / "plain.toml"])
    assert ids(timeline.on("1395")) == ["birth"]  # plain.toml's c. 1400 keeps the default policy
    assert ids(timeline.on("1399")) == ["birth", "plain"]


def test_an_included_file_inherits_its_includers_reading_unless_it_has_its_own(tmp_path: Path) -> None:
    (tmp_path / "main.toml").write_text(
        'include = ["part.toml", "own.toml"]\n[reading]\nwidening = { approximate = 5 }\n'
    )
    (tmp_path / "part.toml").write_text(EVENT.format(id="part", title="Part", when="c. 1400"))
    (tmp_path / "own.toml").write_text(
        "[reading]\nwidening = { approximate = 0 }\n" + EVENT.format(id="own", title="Own", when="c. 1400")
    )
    timeline = chronology.load(tmp_path / "main.toml")
    assert timeline["part"].widening == Widening(approximate=5)
    assert timeline["own"].widening == Widening(approximate=0)
    assert ids(timeline.on("1396")) == ["part"]


@pytest.mark.parametrize(
    ("reading", "message"),
    [
        ("[reading]\nwidenning = {}\n", "unknown key 'widenning' in [reading]; did you mean 'widening'?"),
        ("[reading]\nwidening = { approximate = { yaer = 2 } }\n", "'yaer' is not a precision; did you mean 'year'?"),
        ("[reading]\nwidening = { approximate = -2 }\n", "widening approximate is -2; give a whole number of units"),
        ("[reading]\nwidening = 3\n", "expected a table"),
    ],
)
def test_a_wrong_reading_table_is_reported_where_it_is(tmp_path: Path, reading: str, message: str) -> None:
    path = tmp_path / "events.toml"
    path.write_text(reading + EVENT.format(id="a", title="A", when="c. 1400"))
    with pytest.raises(EventFileError) as caught:
        chronology.load(path)
    problems = [str(problem) for problem in caught.value.problems]
    assert len(problems) == 1
    assert "events.toml:2:" in problems[0]
    assert message in problems[0]


def run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(arguments), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_widening_on_the_command_line_overrides_the_files(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    code, out, _ = run("query", "history.toml", "--from", "1395", "--to", "1395")
    assert code == 0
    assert "birth" in out
    code, out, _ = run("query", "history.toml", "--from", "1395", "--to", "1395", "--widening", "approximate=1")
    assert code == 0
    assert "birth" not in out
    code, out, _ = run("query", "plain.toml", "--from", "1395", "--to", "1395", "--widening", "approximate.year=5")
    assert code == 0
    assert "plain" in out


def test_a_wrong_widening_option_is_a_usage_error_naming_the_setting(folder: Path) -> None:
    code, _, err = run("query", str(folder / "plain.toml"), "--from", "1395", "--widening", "approximate.yeer=2")
    assert code == 2
    assert "--widening: 'yeer' is not a precision; did you mean 'year'?" in err
