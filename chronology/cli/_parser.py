"""The command line's parser: every command's options, and the reading of argv."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from typing import Final, NoReturn

from chronology.cli._add import add_add_command
from chronology.cli._errors import USAGE
from chronology.cli._export import add_export_command
from chronology.cli._forms import add_forms_command
from chronology.cli._import import add_import_command
from chronology.cli._listing import add_list_command, add_show_command
from chronology.cli._plot import add_plot_command
from chronology.cli._query import add_query_command
from chronology.cli._relate import add_relate_command
from chronology.cli._validate import add_validate_command
from chronology.consistency import suggest
from chronology.draft.command import add_draft_command


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors exit with the code of a wrong command line (USAGE)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def _version() -> str:
    from chronology import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``chronology`` command (also read by the docs)."""
    parser = Parser(
        prog="chronology",
        description="Build, check and read chronologies whose dates are uncertain.",
        epilog="Exit codes: 0 success, 1 problems in the files, 2 a wrong command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    add_validate_command(commands)
    add_list_command(commands)
    add_show_command(commands)
    add_query_command(commands)
    add_relate_command(commands)
    add_forms_command(commands)
    add_export_command(commands)
    add_import_command(commands)
    add_plot_command(commands)
    add_add_command(commands)
    add_draft_command(commands)
    for command in commands.choices.values():
        # what a command's parser does not know is said with that command's usage (see _parse)
        command.set_defaults(command_parser=command)
    return parser


def read_command_line(argv: Sequence[str]) -> argparse.Namespace:
    """The command line read (see ``_parse``), a date option's value before the common era joined to it first."""
    return _parse(_joined_dates(argv))


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line read; an option (or word) no command knows is refused with its command's usage.

    argparse hands what a command's parser does not know up to the main parser, which would refuse it with
    the main usage ("chronology [-h] [--version] COMMAND ..."), not the command's own.

    Raises:
        SystemExit: the command line is wrong (exit 2), with its command's usage and the nearest option.

    """
    arguments, unknown = build_parser().parse_known_args(argv)
    if unknown:
        command: argparse.ArgumentParser = arguments.command_parser
        command.error(_unrecognized(command, unknown))
    return arguments


def _unrecognized(command: argparse.ArgumentParser, unknown: Sequence[str]) -> str:
    """What a command says of words it does not know: each of them, and for an option, the nearest it has."""
    message = f"unrecognized arguments: {' '.join(unknown)}"
    given = next((word.split("=", 1)[0] for word in unknown if word.startswith("-") and word != "-"), None)
    options = [option for action in command._actions for option in action.option_strings if option.startswith("--")]
    if given is None or not options:
        return message
    close = suggest(given, options)
    if close:
        return f"{message} ({given!r} is no option of {command.prog}{close})"
    nearest = max(options, key=lambda option: difflib.SequenceMatcher(None, given, option).ratio())
    return (
        f"{message} ({given!r} is no option of {command.prog}; the nearest is {nearest!r}; "
        f"'{command.prog} -h' lists them all)"
    )


#: The options whose value is a date, which may be one before the common era ("-0043-03", March 44 BCE).
_DATE_OPTIONS: Final = frozenset({"--from", "--to", "--when"})
#: A value that argparse would take for an option, but that starts as a year before the common era does.
_NEGATIVE_YEAR: Final = re.compile(r"-\d")


def _joined_dates(argv: Sequence[str]) -> list[str]:
    """``argv`` with each date option joined to a value that starts with "-" and a digit: ``--from=-0043-03``.

    argparse takes any word starting with "-" for an option, and would say ``--from`` has no value; a date
    before the common era is written so in EDTF. Nothing after ``--`` is touched.
    """
    joined: list[str] = []
    position = 0
    while position < len(argv):
        word = argv[position]
        if word == "--":
            joined += argv[position:]
            break
        following = argv[position + 1] if position + 1 < len(argv) else ""
        if word in _DATE_OPTIONS and _NEGATIVE_YEAR.match(following):
            joined.append(f"{word}={following}")
            position += 2
            continue
        joined.append(word)
        position += 1
    return joined
