"""How the command line says what went wrong: exit codes, and errors and warnings in one line each."""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import Final, TextIO

from chronology.cli._output import visible
from chronology.errors import ChronologyError, ChronologyWarning, ValidationError, _shorten

OK: Final = 0
PROBLEMS: Final = 1
USAGE: Final = 2


class UsageError(ChronologyError):
    """The command line asks for something that cannot be: exit 2, as argparse's own errors do."""


def reported(command: str, run: Callable[[], int], out: TextIO, err: TextIO) -> int:
    """Run ``command`` (``run``); say an error it raises on ``err``, one line each, never a traceback.

    Returns:
        The exit code: ``run``'s own, else USAGE for a wrong command line, PROBLEMS for problems in the input
        or a file that cannot be read or written, OK when the reader of the output went away.

    """
    try:
        return run()
    except UsageError as error:
        print(f"chronology {command}: error: {error}", file=err)
        return USAGE
    except ValidationError as error:
        for problem in error.problems:
            print(problem, file=err)
        return PROBLEMS
    except ChronologyError as error:
        print(f"chronology: {error}", file=err)
        return PROBLEMS
    except BrokenPipeError:  # the reader went away (`chronology list ... | head`): stop quietly
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return OK
    except OSError as error:  # a file the command names cannot be read or written: one line, never a traceback
        name = f"{_shorten(os.fsdecode(error.filename))}: " if error.filename is not None else ""
        print(f"chronology: {name}{error.strerror or error}", file=err)
        return PROBLEMS


@contextlib.contextmanager
def warnings_said(command: str, err: TextIO) -> Iterator[None]:
    """Say each :class:`~chronology.errors.ChronologyWarning` once on ``err``: "chronology query: warning: ...".

    Other warnings pass on as they were raised.
    """
    said: set[str] = set()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ChronologyWarning)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, ChronologyWarning):
                    if str(warning.message) not in said:
                        said.add(str(warning.message))
                        print(visible(f"chronology {command}: warning: {warning.message}"), file=err)
                else:
                    warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
