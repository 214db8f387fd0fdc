"""Titles cut from sentences: the sentence's own words, shortened at a clause boundary, never rewritten.

A sentence short enough is its own title, without its final full stop. A
longer one is cut before the last clause boundary that leaves a title of
:data:`SHORTEST` to :data:`LONGEST` characters (or, where there is none, the
first one up to a quarter further): a comma, semicolon, colon,
dash or bracket, or a word that opens a clause ("that", "which", "while",
"according to" ...), never inside a quotation. Where there is no such
boundary, the sentence is cut at the last space before :data:`LONGEST`
characters and an ellipsis says so. A dateline's place ("MOSCOW-") or a
bullet before the first word is left out, and so is a word that opens the
sentence before a comma without telling what happened ("Earlier,", "Ранее,",
"По его словам,", "За його словами,": each language's ``title_openers``).
"""

from __future__ import annotations

import re
from typing import Final

from chronology.draft.cues import Language, patterns

__all__ = ["LONGEST", "SHORTEST", "cut_title", "with_speaker"]

#: A title is cut to at most this many characters (an ellipsis, where one is needed, comes on top).
LONGEST: Final = 100
#: A cut leaves at least this many characters.
SHORTEST: Final = 20
#: Where there is no boundary within LONGEST characters, the first one up to this far is taken.
_STRETCH: Final = 125

_OPENING: Final = "“«"
_CLOSING: Final = "”»"


def cut_title(sentence: str, language: Language = "en") -> str:
    """A title made of ``sentence``: the whole of it, or its start up to a clause boundary.

    Args:
        sentence: one sentence, on one line.
        language: the language whose clause cues (:mod:`chronology.draft.cues`) say where a clause opens.

    Returns:
        The title, its first letter made a capital, without a final full stop.

    """
    cues = patterns(language)
    text = cues.title_leading.sub("", sentence.strip()).rstrip(".;:, ").strip()
    opener = cues.title_opening.match(text)  # "Ранее,", "По его словам,", "Earlier,": no part of what happened
    if opener is not None and len(text) - opener.end() >= SHORTEST:
        text = text[opener.end() :]
    if len(text) <= LONGEST:
        return _capitalised(text)
    cuts = [
        match.start()
        for match in cues.title_boundary.finditer(text)
        if SHORTEST <= match.start() <= _STRETCH
        and not _inside_quotation(text[: match.start()])
        and not _as_in_a_phrase(text, match.start(), match.end(), cues.cues.as_patterns)
    ]
    within = [cut for cut in cuts if cut <= LONGEST]
    if within or cuts:
        return _capitalised(cues.title_end.sub("", text[: max(within) if within else min(cuts)]))
    space = text.rfind(" ", SHORTEST, LONGEST)
    cut = text[: space if space > 0 else LONGEST].rstrip(" ,;:")
    if _inside_quotation(cut):
        opening = max(cut.rfind(mark) for mark in _OPENING)
        if opening > SHORTEST:
            cut = cut[:opening].rstrip(" ,;:")
    return _capitalised(cut) + "…"


def _as_in_a_phrase(text: str, start: int, end: int, as_patterns: tuple[str, str]) -> bool:
    """Whether a cut before "as" would split "as many as", "as well as" and the like (English's cues)."""
    before_as, as_after = as_patterns
    if not before_as or not text.startswith("as ", end):
        return False
    return re.match(as_after, text[start:]) is not None or re.search(before_as, text[:start] + " ") is not None


def _inside_quotation(text: str) -> bool:
    """Whether ``text`` ends inside a quotation (more opening than closing curly or straight double quotes)."""
    curly = sum(text.count(mark) for mark in _OPENING) > sum(text.count(mark) for mark in _CLOSING)
    return curly or text.count('"') % 2 == 1


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def with_speaker(clause: str, speaker: str, language: Language = "en") -> str:
    """A reported clause that opens with a pronoun for its speaker ("it is concerned"), with the speaker named.

    "The Pentagon said that it is concerned" is titled "The Pentagon is concerned": a title says who did what,
    and the pronoun's only antecedent in the sentence is the speaker (``speaker``, as written). A clause that
    opens otherwise, or a sentence with no speaker, is returned as it is.
    """
    first, _, rest = clause.partition(" ")
    if not speaker or not rest or first.lower() not in patterns(language).pronouns:
        return clause
    return f"{speaker} {rest}"
