"""The command line: output, exit codes, and errors as one line each, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from chronology.cli import main

GOOD = """\
title = "Demo"

[[sources]]
id = "bloomberg"
published = "2024-11-17"

[[events]]
id = "call"
title = "Scholz calls Putin"
when = "Friday"
anchor = "bloomberg"

[[events]]
id = "visit"
title = "Kim visits Russia's Far East"
when = "September 2023"
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "events.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_validate_says_ok_for_a_sound_file(good: Path) -> None:
    assert run("validate", "events.toml") == (0, "ok: 2 events, 1 sources\n", "")


def test_validate_prints_every_problem_and_exits_1(good: Path) -> None:
    good.write_text(
        GOOD.replace('"September 2023"', '"Septembre 2023"').replace('anchor = "bloomberg"', 'anchor = "bloomberb"')
    )
    code, out, err = run("validate", "events.toml")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "events.toml:11:10: event 'call', field 'anchor': unknown event or source 'bloomberb'; did you mean 'bloomberg'?",
        "events.toml:16:9: event 'visit', field 'when': 'Septembre 2023' (at position 0): not a date this reader knows; "
        "expected an ISO 8601/EDTF date (2024-10-18, 2024-06, 2024-06~, 2024-10-07/2024-10-13) or an English phrase "
        "such as 'June 2024', 'in June', 'October 3', 'early October', 'the second week of October', 'Friday', "
        "'last Friday', 'three weeks ago', 'days before', 'earlier this month', 'this past week', 'in recent months'",
        "2 problems found",
    ]


def test_list_prints_the_chronology_in_order_with_labels_and_bounds(good: Path) -> None:
    code, out, err = run("list", "events.toml")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Demo",
        "",
        "date              bounds                    id     title",
        "September 2023    2023-09-01 .. 2023-09-30  visit  Kim visits Russia's Far East",
        "15 November 2024  2024-11-15 .. 2024-11-15  call   Scholz calls Putin",
    ]


def test_add_appends_an_event_and_keeps_the_file(good: Path) -> None:
    code, out, err = run(
        "add", "events.toml", "--id", "xi-meeting", "--title", "Scholz meets Xi", "--when", "on Tuesday",
        "--anchor", "bloomberg", "--tense", "future", "--kind", "diplomacy", "--tag", "g20", "--tag", "china",
        "--source", "bloomberg", "--quote", "Scholz will press the Chinese leader at their meeting in Rio on Tuesday.",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "added 'xi-meeting' (19 November 2024) to events.toml\n"
    text = good.read_text(encoding="utf-8")
    assert text.startswith(GOOD)
    assert 'when = "on Tuesday"\nanchor = "bloomberg"\ntense = "future"\nkind = "diplomacy"' in text


def test_add_refuses_an_event_that_breaks_the_file(good: Path) -> None:
    code, out, err = run("add", "events.toml", "--id", "x", "--title", "X", "--when", "2024", "--kind", "k")
    assert code == 0
    code, out, err = run("add", "events.toml", "--id", "y", "--title", "Y", "--when", "2024-13")
    assert code == 1
    assert err.startswith("chronology: '2024-13' (at position 5): month 13 does not exist")
    code, out, err = run("add", "events.toml", "--id", "x", "--title", "X again", "--when", "2024")
    assert (code, out) == (1, "")
    assert "'x' is already in the file" in err


def test_a_missing_file_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("list", "nowhere.toml") == (1, "", "nowhere.toml: cannot read the file: No such file or directory\n")


def test_a_wrong_command_line_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "field 'when': 'Friday' is relative" in done.stderr


@pytest.mark.parametrize("command", ["validate", "list", "add", "plot"])
def test_every_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([command, "--help"])
    assert raised.value.code == 0
    assert f"example: chronology {command}" in capsys.readouterr().out


def test_plot_writes_the_picture_and_says_what_it_drew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    code, out, err = run(
        "plot",
        "events.toml",
        "-o",
        str(tmp_path / "t.png"),
        "--from",
        "2024-10",
        "--to",
        "2024-10-31",
        "--kind",
        "statement",
    )
    assert (code, err) == (0, "")
    assert out == f"wrote {tmp_path / 't.png'} (9 events in 1 lane)\n"
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    code, out, err = run(
        "plot", "events.toml", "-o", str(tmp_path / "c.svg"), "--claims", "North Korean", "--unit", "soldiers"
    )
    assert (code, out, err) == (0, f"wrote {tmp_path / 'c.svg'} (10 claims)\n", "")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-o", "t.gif"], "chronology: cannot write 't.gif': use a .png, .svg or .pdf file name\n"),
        (
            ["-o", "t.png", "--from", "2024-13"],
            "chronology: '2024-13' (at position 5): month 13 does not exist; expected 01-12, or 21-41 for seasons and quarters\n",
        ),
        (["-o", "t.png", "--claims", "unicorns"], "chronology: no claims about 'unicorns' to draw\n"),
        (
            ["-o", "/nonexistent/dir/t.png"],
            "chronology: cannot write '/nonexistent/dir/t.png': No such file or directory\n",
        ),
    ],
)
def test_plot_errors_are_one_line(arguments: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert run("plot", "events.toml", *arguments) == (1, "", message)
