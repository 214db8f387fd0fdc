"""Did-you-mean: the closest known name to one that is not known, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["nearest", "suggest"]


def suggest(name: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest known name, or ``""``."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def nearest(text: str, known: Iterable[str]) -> list[str]:
    """Every known name, the nearest to ``text`` first, for a search that found nothing.

    A name is as near as its closest run of as many words as ``text`` has (ignoring case), so that a
    mistyped word finds the long name it is part of: "injred" is nearest "people injured in the fire".
    Names equally near keep their order.
    """
    wanted = text.casefold().split() or [text.casefold()]

    def closeness(name: str) -> float:
        words = name.casefold().split()
        runs = [" ".join(words[i : i + len(wanted)]) for i in range(max(1, len(words) - len(wanted) + 1))]
        return max(difflib.SequenceMatcher(None, " ".join(wanted), run).ratio() for run in runs)

    names = list(dict.fromkeys(known))
    return sorted(names, key=lambda name: -closeness(name))
