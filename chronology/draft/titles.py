"""Titles cut from sentences: the sentence's own words, shortened at a clause boundary, never rewritten.

A sentence short enough is its own title, without its final full stop. A
longer one is cut before the last clause boundary that leaves a title of
:data:`SHORTEST` to :data:`LONGEST` characters (or, where there is none, the
first one up to a quarter further): a comma, semicolon, colon,
dash or bracket, or a word that opens a clause ("that", "which", "while",
"according to" ...), never inside a quotation. Where there is no such
boundary, the sentence is cut at the last space before :data:`LONGEST`
characters and an ellipsis says so. A dateline's place ("MOSCOW-") or a
bullet before the first word is left out.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["LONGEST", "SHORTEST", "cut_title"]

#: A title is cut to at most this many characters (an ellipsis, where one is needed, comes on top).
LONGEST: Final = 100
#: A cut leaves at least this many characters.
SHORTEST: Final = 20
#: Where there is no boundary within LONGEST characters, the first one up to this far is taken.
_STRETCH: Final = 125

_BOUNDARY: Final = re.compile(
    r"\s*[,;:(\u2013\u2014]\s|\s+-\s+|\s+(?=(?:that|which|who|whom|whose|where|when|while|whereas|because|although|"
    r"though|as|after|before|since|until|unless|if|whether|but|during|despite|amid|including|according to|"
    r"fuelling|fueling|raising|signaling|signalling|urging|citing|adding|saying)\s)"
)
#: Double quotation marks (single ones are apostrophes too: "Russia’s").
#: "as" that opens no clause: "as many as", "as well as".
_NOT_CLAUSE_AS: Final = re.compile(r"(?:many|much|such|same|well|soon|long|far|just|twice)\s+$")
_AS_NOT_CLAUSE: Final = re.compile(r"\s*as\s+(?:many|much|well|long|soon|far|of|part|a result|if|though|usual)\b")
#: A dateline's place ("MOSCOW-", "KYIV —"), or a dash or bullet, before a sentence's first word.
_LEADING: Final = re.compile(r"^(?:[A-Z][A-Z.' ]+[A-Z.]\s*[-\u2013\u2014]+\s*(?=[A-Z\"“])|[-\u2013\u2014•*]+\s+)")
#: What a cut must not end with: a clause's opening word left by the next boundary ("2022, during"), a preposition.
_OPENER_AT_END: Final = re.compile(
    r"(?:[\s,;:]+(?:that|which|who|where|when|while|during|after|before|since|until|as|if|whether|but|amid|"
    r"and|or|of|on|in|at|to|for|with|by|from|the|a|an))*[\s,;:]*$"
)
_OPENING: Final = "“«"
_CLOSING: Final = "”»"


def cut_title(sentence: str) -> str:
    """A title made of ``sentence``: the whole of it, or its start up to a clause boundary.

    Args:
        sentence: one sentence, on one line.

    Returns:
        The title, its first letter made a capital, without a final full stop.

    """
    text = _LEADING.sub("", sentence.strip()).rstrip(".;:, ").strip()
    if len(text) <= LONGEST:
        return _capitalised(text)
    cuts = [
        match.start()
        for match in _BOUNDARY.finditer(text)
        if SHORTEST <= match.start() <= _STRETCH
        and not _inside_quotation(text[: match.start()])
        and not _as_in_a_phrase(text, match.start(), match.end())
    ]
    within = [cut for cut in cuts if cut <= LONGEST]
    if within or cuts:
        return _capitalised(_OPENER_AT_END.sub("", text[: max(within) if within else min(cuts)]))
    space = text.rfind(" ", SHORTEST, LONGEST)
    cut = text[: space if space > 0 else LONGEST].rstrip(" ,;:")
    if _inside_quotation(cut):
        opening = max(cut.rfind(mark) for mark in _OPENING)
        if opening > SHORTEST:
            cut = cut[:opening].rstrip(" ,;:")
    return _capitalised(cut) + "…"


def _as_in_a_phrase(text: str, start: int, end: int) -> bool:
    """Whether a cut before "as" would split "as many as", "as well as" and the like."""
    if not text.startswith("as ", end):
        return False
    return _AS_NOT_CLAUSE.match(text, start) is not None or _NOT_CLAUSE_AS.search(text[:start] + " ") is not None


def _inside_quotation(text: str) -> bool:
    """Whether ``text`` ends inside a quotation (more opening than closing curly or straight double quotes)."""
    curly = sum(text.count(mark) for mark in _OPENING) > sum(text.count(mark) for mark in _CLOSING)
    return curly or text.count('"') % 2 == 1


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
