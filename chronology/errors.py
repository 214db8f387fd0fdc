"""The exception and warning hierarchy of chronology.

Every error the library raises on purpose derives from :class:`ChronologyError`.
Specific errors also derive from the builtin a caller would already catch
(``DateParseError`` is a ``ValueError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousTruthError",
    "ChronologyError",
    "ChronologyWarning",
    "DateParseError",
    "DateRangeError",
    "InvalidDateError",
    "UnboundedError",
]


class ChronologyError(Exception):
    """Root of every error raised by chronology."""


class DateParseError(ChronologyError, ValueError):
    """A date expression could not be read.

    The message repeats the input, says where reading failed and what is accepted.

    Attributes:
        text: the expression as given.
        position: index in ``text`` where the problem lies, or ``None`` when the
            problem is the expression as a whole.
        reason: the problem, without the input and position.

    """

    def __init__(self, text: str, reason: str, *, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        where = "" if position is None else f" (at position {position})"
        super().__init__(f"{_shorten(text)!r}{where}: {reason}")


class DateRangeError(ChronologyError, OverflowError):
    """A date lies outside what the requested representation can hold.

    Raised, for example, when asking for a pendulum ``Date`` of a year outside
    1-9999; the date itself is still valid and orders and compares correctly.
    """


class UnboundedError(ChronologyError, ValueError):
    """A computation needs bounds that an open or unknown interval end lacks."""


class AmbiguousTruthError(ChronologyError, TypeError):
    """A three-valued answer was used where a plain ``True``/``False`` is needed."""


class ChronologyWarning(UserWarning):
    """Base class of every warning chronology issues."""


def _shorten(text: str, limit: int = 80) -> str:
    """Cut very long inputs so messages stay readable (huge inputs are still named)."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 20]}...[{len(text)} characters]...{text[-10:]}"


class InvalidDateError(ChronologyError, ValueError):
    """A date value was built with contradictory parts (say, an interval that ends before it starts)."""
