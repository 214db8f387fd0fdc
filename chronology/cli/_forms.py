"""``chronology forms``: the date forms a language's reader reads, an example of each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from chronology.cli._errors import OK
from chronology.cli._output import visible
from chronology.dates import DateValue, UncertainDate
from chronology.notation import parse

if TYPE_CHECKING:
    from chronology.cli._parser import Parser


def add_forms_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``forms`` to the command line's commands."""
    forms = commands.add_parser(
        "forms",
        help="the date forms read, an example of each",
        description="Print the forms of date the reader of a language reads, an example of each, and how the "
        "example reads (read now, by this version: the reading is the reader's own). Relative examples ('last "
        "Friday') are read from a fixed day, named above the table. Every form, in full, is in "
        "docs/reference/dates.md in the source. Russian, Ukrainian and Korean need the draft extra.",
        epilog="example: chronology forms --language ru",
    )
    forms.add_argument(
        "--language",
        choices=["en", "ru", "uk", "ko"],
        default="en",
        help="en: English, with ISO 8601 and EDTF (the default); ru: Russian; uk: Ukrainian; ko: Korean",
    )


def run_forms(arguments: argparse.Namespace, out: TextIO) -> int:
    """The forms of date read in ``--language``, each example with its reading, read now."""
    from chronology.notation.forms import ANCHORS, LANGUAGES, forms, read

    language = arguments.language
    anchor = parse(ANCHORS[language])
    rows = [("form", "example", "reading")]
    for form in forms(language):
        value = read(form)
        rows.append((form.form, form.example, f"{value.label}  ({value.to_edtf()})"))
    widths = [max(_columns(row[i]) for row in rows) for i in range(2)]
    lines = [
        f"Date forms read in {LANGUAGES[language]}; relative ones from {_weekday(anchor)} {anchor.label}.",
        "Every form, in full: docs/reference/dates.md in the source.",
        "",
    ]
    for row in rows:
        cells = [cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
    print(visible("\n".join(lines)), file=out)
    return OK


def _weekday(day: DateValue) -> str:
    assert isinstance(day, UncertainDate)
    return str(day.earliest.format("dddd"))


def _columns(text: str) -> int:
    """How many columns ``text`` takes on a terminal: two for each wide letter (Hangul), one for the others."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(letter) in "WF" else 1 for letter in text)
