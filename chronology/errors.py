"""The exception and warning hierarchy of chronology.

Every error the library raises on purpose derives from :class:`ChronologyError`.
Specific errors also derive from the builtin a caller would already catch
(``DateParseError`` is a ``ValueError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "AmbiguousReferenceError",
    "AmbiguousTruthError",
    "ChronologyDeprecationWarning",
    "ChronologyError",
    "ChronologyWarning",
    "DatasetError",
    "DatasetRowError",
    "DateParseError",
    "DateRangeError",
    "EventFileError",
    "FileChangedError",
    "FileLockError",
    "FileWriteError",
    "InvalidDateError",
    "InvalidEventError",
    "MissingExtraError",
    "NotRegularFileError",
    "PlotError",
    "Problem",
    "QuantityParseError",
    "UnboundedError",
    "UnknownEventError",
    "ValidationError",
    "WrongTypeError",
]


class ChronologyError(Exception):
    """Root of every error raised by chronology."""


class DateParseError(ChronologyError, ValueError):
    """A date expression could not be read.

    The message repeats the input, says where reading failed and what is accepted. Where is
    a character of the input counted from 1, as a column of a file is ("'2024-13' (at
    character 6)": the ``1`` of ``13``), or "at the end" when the input stops too soon.

    Attributes:
        text: the expression as given.
        position: the 0-based index in ``text`` where the problem lies (``text[position]`` is the
            character the message counts from 1), or ``None`` when the problem is the expression as a whole.
        reason: the problem, without the input and position.

    """

    def __init__(self, text: str, reason: str, *, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        super().__init__(f"{_shorten(text)!r}{_at_character(text, position)}: {reason}")


def _at_character(text: str, position: int | None) -> str:
    """Where in ``text`` a 0-based ``position`` is, as a message says it: the character, counted from 1."""
    if position is None or not text:
        return ""  # the whole expression, or an empty one: no character to point at
    if position >= len(text):
        return " (at the end)"
    return f" (at character {position + 1})"


class DateRangeError(ChronologyError, OverflowError):
    """A date lies outside what the requested representation can hold.

    Raised, for example, when asking for a pendulum ``Date`` of a year outside
    1-9999; the date itself is still valid and orders and compares correctly.
    """


class UnboundedError(ChronologyError, ValueError):
    """A computation needs bounds that an open or unknown interval end lacks."""


class AmbiguousTruthError(ChronologyError, TypeError):
    """A three-valued answer was used where a plain ``True``/``False`` is needed."""


class WrongTypeError(ChronologyError, TypeError):
    """A function was given a value of a type it does not take (``None`` where a date is expected)."""


class UnknownEventError(ChronologyError, KeyError):
    """A question names an event (an id, or ``@id``) that the timeline does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class AmbiguousReferenceError(ChronologyError, ValueError):
    """Text given to a query is both an event id of the timeline and a date; ``@id`` means the event."""


class ChronologyWarning(UserWarning):
    """Base class of every warning chronology issues."""


class ChronologyDeprecationWarning(ChronologyWarning, DeprecationWarning):
    """A parameter that still works but will be removed; the message names what replaces it."""


class PlotError(ChronologyError, ValueError):
    """A picture, or the table beside it, cannot be made as asked.

    For example a figure of 0 on a logarithmic scale, or a table file whose
    extension names no format; the message says what is accepted.
    """


def _shorten(text: str, limit: int = 80) -> str:
    """Cut very long inputs so messages stay readable (huge inputs are still named)."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 20]}...[{len(text)} characters]...{text[-10:]}"


class InvalidDateError(ChronologyError, ValueError):
    """A date value was built with contradictory parts (say, an interval that ends before it starts)."""


class QuantityParseError(ChronologyError, ValueError):
    """A claimed figure ("up to 100,000") could not be read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"{_shorten(text)!r}: {reason}")


@attrs.frozen
class Problem:
    """One thing wrong with a chronology, and where.

    Rendered as ``path:line:column: event 'id', field 'when': message``, the
    parts that are unknown left out.

    Attributes:
        message: what is wrong and what is accepted.
        path: the event file, when the problem was found in one.
        line: 1-based line in ``path``.
        column: 1-based column in ``path``.
        event: the id of the event (or source) concerned.
        field: the key concerned (``when``, ``anchor``, ``claims[2].value``).
        record: ``"event"`` or ``"source"``: what ``event`` names.

    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    event: str | None = None
    field: str | None = None
    record: str = "event"

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        subject = []
        if self.event is not None:
            subject.append(f"{self.record} {_shorten(self.event)!r}")
        if self.field is not None:
            subject.append(f"field {_shorten(self.field)!r}")
        lead = ", ".join(subject) + ": " if subject else ""
        return f"{where}{lead}{self.message}"


class ValidationError(ChronologyError, ValueError):
    """A chronology is inconsistent or incomplete; ``problems`` lists every problem found.

    The message is every problem, one per line.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = "" if count == 1 else f"{count} problems:\n"
        super().__init__(head + "\n".join(str(p) for p in self.problems))


class EventFileError(ValidationError):
    """An event file could not be read, or what it says does not hold together."""


class FileChangedError(EventFileError):
    """An event file changed on disk after it was read for editing; saving would have overwritten that change.

    Nothing was written: read the file again and redo the change.
    """


class FileLockError(EventFileError, TimeoutError):
    """An event file stayed locked by another process (or program) longer than the wait allowed."""


class FileWriteError(EventFileError, OSError):
    """An event file could not be written (disk full, no permission); the file on disk is as it was."""


class InvalidEventError(ChronologyError, ValueError):
    """An event, source or citation was built with a value it cannot hold (an id that is not a slug)."""


class MissingExtraError(ChronologyError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the extra that installs it."""


class DatasetError(ChronologyError, ValueError):
    """A columnar data set (Parquet, Arrow) does not hold what the columnar form needs; the message names the column."""


class DatasetRowError(DatasetError):
    """Rows of a data set's own file (an ACLED or GDELT export) that cannot be read; nothing was written.

    The message is every problem, one per line, each naming the file, the
    line, the row's id and the column, and saying what the column accepts.

    Attributes:
        problems: the rows' problems, as :class:`Problem` values.

    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class NotRegularFileError(EventFileError):
    """A path names a named pipe, a device or a socket where a regular file is expected; it is not read or replaced.

    Opening a named pipe waits for a writer, reading a device such as ``/dev/zero`` never ends, and
    saving would put a regular file in its place.
    """
