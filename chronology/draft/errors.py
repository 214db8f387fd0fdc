"""The error of drafting: an article that cannot be read, or a publication date that is no date."""

from __future__ import annotations

from chronology.errors import ChronologyError

__all__ = ["DraftError"]


class DraftError(ChronologyError, ValueError):
    """An article cannot be drafted, or a draft cannot be written where it was asked for.

    The message names the article or file, says what is wrong and what is accepted.
    """
