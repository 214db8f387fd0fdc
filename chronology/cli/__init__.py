"""The ``chronology`` command: check, read, query, draw, export, import and extend event files.

Exit codes: 0 success; 1 the input has problems (each printed as
``path:line:column: event 'id', field 'when': message``) or an output cannot be
written; 2 the command line itself is wrong. Errors are one line each, never a
traceback.

The parser is assembled in ``_parser`` from each command's own module
(``_query``, ``_plot``...), which adds the command's options and runs it; the
options several commands share are in ``_options``, what they print in
``_output``, and how errors and warnings are said in ``_errors``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Final, TextIO

from chronology.cli._add import run_add
from chronology.cli._errors import reported, warnings_said
from chronology.cli._export import run_export
from chronology.cli._forms import run_forms
from chronology.cli._import import run_import
from chronology.cli._listing import run_list, run_show
from chronology.cli._parser import build_parser, read_command_line
from chronology.cli._plot import font_warnings, run_plot
from chronology.cli._query import run_query
from chronology.cli._relate import run_relate
from chronology.cli._validate import run_validate
from chronology.draft.command import run_draft

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit code.

    On the real standard output and error, what their encoding cannot hold
    (``PYTHONIOENCODING=ascii``, a Latin-1 terminal) is written escaped as
    Python escapes it in a string (``"backslashreplace"``), not ended in a
    ``UnicodeEncodeError``.
    """
    with _escaping(sys.stdout), _escaping(sys.stderr):
        return _main(argv, out or sys.stdout, err or sys.stderr)


@contextlib.contextmanager
def _escaping(stream: TextIO) -> Iterator[None]:
    """While the command runs, write what ``stream``'s encoding cannot hold escaped ("backslashreplace")."""
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None)
    if reconfigure is None or errors != "strict":  # standard error escapes already; a stream put in its place
        yield
        return
    reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):  # a pipe closed by the reader, a stream closed
            reconfigure(errors=errors)


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    arguments = read_command_line(sys.argv[1:] if argv is None else argv)
    with warnings_said(arguments.command, err):
        return reported(arguments.command, lambda: _run(arguments, out, err), out, err)


def _run(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command the command line names; return the exit code."""
    if arguments.command == "validate":
        return run_validate(arguments, out, err)
    if arguments.command == "draft":
        return run_draft(arguments, out, err)
    if arguments.command == "plot":
        with font_warnings(err):
            return run_plot(arguments, out)
    command = _COMMANDS[arguments.command]
    return command(arguments, out)


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace, TextIO], int]]] = {
    "list": run_list,
    "show": run_show,
    "query": run_query,
    "relate": run_relate,
    "forms": run_forms,
    "plot": run_plot,
    "export": run_export,
    "import": run_import,
    "add": run_add,
}
