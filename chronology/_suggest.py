"""Did-you-mean: the closest known name to one that is not known, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Final

__all__ = ["nearest", "suggest"]

#: Names people write for a key that an event file names otherwise (compared ignoring case): each name -> the
#: names it may mean, the first of them that is known suggested ("date" is ``when`` in an event, ``published``
#: in a source, ``said`` in a claim). Looked up before the spelling is compared: "date" is not a misspelt "after".
SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("when", "published", "said"),
    "time": ("when", "said"),
    "on": ("when",),
    "source": ("citations",),
    "sources": ("citations",),
    "cite": ("citations",),
    "name": ("title",),
    "description": ("summary", "note"),
    "notes": ("summary", "note"),
    "tag": ("tags",),
    "actor": ("actors",),
    "place": ("places",),
    "location": ("places", "locator"),
    "page": ("locator",),
    "pages": ("locator",),
    "pp": ("locator",),
    "folio": ("locator",),
    "folios": ("locator",),
}
#: How a suggested name is said when the name alone would not say what to write.
_SAID: Final = {"citations": 'a [[events.citations]] table with source = "..."'}


def suggest(name: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest known name, or ``""``.

    A name written in other capitals than a known one suggests that one; a name
    in ``SYNONYMS`` suggests the first name it may mean that is known; else
    the known name spelt most like it is suggested, if any is close.
    """
    names = list(known)
    folded = name.casefold()
    meant = next((known_name for known_name in names if known_name.casefold() == folded), None)
    if meant is None and folded in SYNONYMS:
        meant = next((target for target in SYNONYMS[folded] if target in names), None)
    if meant is not None:
        return f"; did you mean {_SAID.get(meant, repr(meant))}?"
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
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
