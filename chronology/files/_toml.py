"""What is wrong with the text of an event file as TOML, in words that say how to write it.

rtoml reads the text (:mod:`chronology.files.load`); this module words its syntax errors,
placed at their line and column, and the problems no TOML text can avoid on its own: a
date of year 0, which TOML's calendar lacks, and a lone surrogate, which UTF-8 cannot hold.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import PurePath
from typing import Final

import rtoml

from chronology.errors import Problem
from chronology.files.schema import SURROGATE, surrogate_message

_TOML_POSITION: Final = re.compile(r"at line (\d+) column (\d+)$")  # searched in a message stripped of end spaces
# Where a text may hold a lone surrogate: one itself, or a JSON escape of one ("\ud800").
_MAYBE_SURROGATE: Final = re.compile("[\ud800-\udfff]" + r"|\\u[dD][89a-fA-F]")
_YEAR_ZERO: Final = re.compile(r"(?<![\w\"'.:-])0000-\d\d-\d\d")


def syntax_problem(error: rtoml.TomlParsingError) -> Problem:
    """The problem rtoml's ``error`` says, placed at the line and column it names, in the loader's words."""
    message = str(error).rstrip()
    found = _TOML_POSITION.search(message)
    line = column = None
    if found is not None:
        line, column = int(found[1]), int(found[2])
        message = message[: found.start()].rstrip()
    if "year 0 is out of range" in message:
        message = year_zero_message()
    else:
        message = f"TOML syntax: {message[:1].lower()}{message[1:]}"
    return Problem(message, line=line, column=column)


def export_problem(name: str, text: str) -> Problem | None:
    """The problem of a JSON export or a CSV sheet given where an event file is expected; None for anything else.

    Said instead of the TOML syntax error its first line makes, with the command that reads it into an event
    file (``chronology import``).
    """
    command = f"'chronology import {shlex.quote(name)} -o events.toml'"
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        return Problem(
            f"is a CSV spreadsheet, not an event file (TOML); {command} reads it (a header row, with at least "
            "id, title and when) into one"
        )
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        try:
            document = json.loads(text)
        except ValueError:
            return None
        if isinstance(document, dict | list):
            return Problem(f"is JSON (a JSON export), not an event file (TOML); {command} reads an export into one")
    return None


def year_zero_message() -> str:
    """Why a TOML date of year 0 is refused, and how to write year 0."""
    return (
        "TOML syntax: a TOML date cannot have year 0 (0000-01-01), as the calendar it uses starts at year 1; "
        'if year 0 (1 BCE) is meant, write the date as text in EDTF: "0000-01-01" (or "0000")'
    )


def year_zero_at(text: str, line: int | None) -> bool:
    """Whether line ``line`` of ``text`` holds a TOML date of year 0 (``when = 0000-01-01``)."""
    if line is None or line < 1:
        return False
    lines = text.split("\n")
    return line <= len(lines) and _YEAR_ZERO.search(lines[line - 1]) is not None


def not_unicode_problem(text: str, index: int) -> Problem:
    """The problem of a text holding a lone surrogate (first found at or after ``index``), placed at it."""
    found = SURROGATE.search(text, max(0, min(index, len(text)))) or SURROGATE.search(text)
    if found is None:  # not a surrogate after all: say what is known
        return Problem("is not valid Unicode text: it cannot be written as UTF-8")
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    message = f"is not valid Unicode text: it {surrogate_message(text, at, position=False)}"
    return Problem(message, line=line, column=column)
