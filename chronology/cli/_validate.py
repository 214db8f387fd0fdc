"""``chronology validate``: check event files and print every problem."""

from __future__ import annotations

import argparse
import warnings
from typing import TYPE_CHECKING, TextIO

from chronology.cli._errors import OK, PROBLEMS
from chronology.cli._options import FILES_HELP, add_allow_outside, zoned
from chronology.cli._output import numbered, visible
from chronology.errors import ChronologyWarning
from chronology.files import load, validate

if TYPE_CHECKING:
    from chronology.cli._parser import Parser


def add_validate_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``validate`` to the command line's commands."""
    check = commands.add_parser(
        "validate",
        help="check event files and print every problem",
        description="Check event files (and what they include); print every problem, one per line.",
        epilog="example: chronology validate events.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    add_allow_outside(check)


def run_validate(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``validate``: every problem printed, or the counts of a chronology without any; return the exit code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ChronologyWarning)
        problems = validate(arguments.files, allow_outside=arguments.allow_outside)
    for problem in problems:
        print(problem, file=err)
    if problems:
        # the loader's warnings (a Julian date after 1752...) are said with the problems: no load follows
        said: set[str] = set()
        for warning in caught:
            if issubclass(warning.category, ChronologyWarning) and str(warning.message) not in said:
                said.add(str(warning.message))
                print(visible(f"chronology validate: warning: {warning.message}"), file=err)
        print(f"{numbered(len(problems), 'problem')} found", file=err)
        return PROBLEMS
    for warning in caught:  # said once, with those of the load below, by warnings_said
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    timeline = zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
    print(f"ok: {numbered(len(timeline), 'event')}, {numbered(len(timeline.sources), 'source')}", file=out)
    return OK
