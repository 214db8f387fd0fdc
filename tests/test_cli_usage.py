"""A command line a command does not understand is refused with that command's usage, and the nearest option."""

from __future__ import annotations

import pytest

from chronology.cli import build_parser, main

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices or ())  # type: ignore[union-attr]
#: What each command needs, so that the unknown option is all that is wrong.
NEEDS = {
    "add": ["events.toml", "--id", "a", "--title", "A", "--when", "2024"],
    "draft": ["article.txt", "-o", "draft.toml"],
    "import": ["events.csv", "-o", "events.toml"],
    "plot": ["events.toml", "-o", "t.png"],
    "relate": ["events.toml", "a", "b"],
    "show": ["events.toml", "a"],
}


def refusal(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_every_command_is_checked() -> None:
    assert {"validate", "list", "query", "plot", "draft", "add", "import", "export"} <= set(COMMANDS)
    assert set(NEEDS) <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_refused_with_its_commands_usage(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    error = refusal([command, *NEEDS.get(command, ["events.toml"]), "--bogus"], capsys)
    assert error.startswith(f"usage: chronology {command} ")
    assert f"chronology {command}: error: unrecognized arguments:" in error
    assert "'--bogus' is no option of chronology " + command in error
    assert "the nearest is '--" in error
    assert "usage: chronology [-h]" not in error


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["query", "events.toml", "--form", "2024-10"], "'--form' is no option of chronology query; did you mean '--from'?"),
        (["plot", "events.toml", "-o", "t.png", "--widht=12"], "'--widht' is no option of chronology plot; did you mean '--width'?"),
        (["list", "events.toml", "--jsno"], "did you mean '--json'?"),
        (["query", "events.toml", "--bogus"], "the nearest is '--count'; 'chronology query -h' lists them all"),
    ],
    ids=["a letter swapped", "with its value after =", "list", "nothing close"],
)  # fmt: skip
def test_the_refusal_names_the_nearest_option(argv: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    error = refusal(argv, capsys)
    assert error.startswith(f"usage: chronology {argv[0]} ")
    assert said in error


def test_a_word_too_many_is_refused_with_its_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    error = refusal(["relate", "events.toml", "a", "b", "c"], capsys)
    assert error.startswith("usage: chronology relate ")
    assert error.rstrip().endswith("chronology relate: error: unrecognized arguments: c")


def test_a_command_line_without_a_command_keeps_the_main_usage(capsys: pytest.CaptureFixture[str]) -> None:
    error = refusal(["--bogus"], capsys)
    assert error.startswith("usage: chronology [-h]")
