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
from collections.abc import Sequence
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


def cut_title(sentence: str, language: Language = "en", keep: Sequence[str] = ()) -> str:
    """A title made of ``sentence``: the whole of it, or its start up to a clause boundary.

    Args:
        sentence: one sentence, on one line.
        language: the language whose clause cues (:mod:`chronology.draft.cues`) say where a clause opens.
        keep: phrases of the sentence (its date phrases) a title is not cut through: where it has to be cut
            without a clause boundary, it is cut before a word that opens a phrase ("in", "to", "over"), not
            inside one of these, nor inside a name ("the Asia-Pacific Economic Cooperation summit").

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
        and not _seen_as(text, match.start(), match.end())
    ]
    within = [cut for cut in cuts if cut <= LONGEST]
    if within or cuts:
        return _capitalised(cues.title_end.sub("", text[: max(within) if within else min(cuts)]))
    space = _phrase_cut(text, cues.cues.title_end_words, cues.determiners, keep)
    cut = text[: space if space > 0 else LONGEST].rstrip(" ,;:")
    if _inside_quotation(cut):
        opening = max(cut.rfind(mark) for mark in _OPENING)
        if opening > SHORTEST:
            cut = cut[:opening].rstrip(" ,;:")
    return _capitalised(cut) + "…"


def _phrase_cut(text: str, openers: Sequence[str], determiners: frozenset[str], keep: Sequence[str]) -> int:
    """Where to cut ``text`` without a clause boundary: the last space before :data:`LONGEST` characters.

    Preferred is a space before a word that opens a phrase (a preposition or conjunction of ``openers``, not a
    determiner) and after one that does not, outside a quotation, a phrase of ``keep`` and a run of capitalised
    words; else the last space outside those; else the last space. -1 where there is none.
    """
    kept = [(m.start(), m.end()) for phrase in keep if phrase for m in re.finditer(re.escape(phrase), text)]
    opening = {word.lower() for word in openers} - determiners
    spaces = [at for at in range(SHORTEST, min(LONGEST, len(text) - 1) + 1) if text[at] == " "]
    fair: list[int] = []
    preferred: list[int] = []
    for space in spaces:
        before = text[:space].rsplit(" ", 1)[-1].strip(_WORD_MARKS)
        after = text[space + 1 :].split(" ", 1)[0].strip(_WORD_MARKS)
        if any(start < space < end for start, end in kept) or _inside_quotation(text[:space]):
            continue
        if before[:1].isupper() and after[:1].isupper():
            continue  # inside a name
        fair.append(space)
        if after.lower() in opening and before.lower() not in opening:
            preferred.append(space)
    chosen = preferred or fair or spaces
    return chosen[-1] if chosen else -1


#: Marks around a word, left out where a cut looks at the words either side of it.
_WORD_MARKS: Final = ",.;:!?\"'“”‘’«»()"


def _as_in_a_phrase(text: str, start: int, end: int, as_patterns: tuple[str, str]) -> bool:
    """Whether a cut before "as" would split "as many as", "as well as" and the like (English's cues)."""
    before_as, as_after = as_patterns
    if not before_as or not text.startswith("as ", end):
        return False
    return re.match(as_after, text[start:]) is not None or re.search(before_as, text[:start] + " ") is not None


def _seen_as(text: str, start: int, end: int) -> bool:
    """Whether "as" at ``end`` says what a verb's object is seen as ("sees both leaders as partners"): no cut there.

    That is "as" after a verb of seeing or naming ("sees", "regards", "described") in its clause, before a word
    in lower case; "as reports suggest", "as the NATO chief calls" open a clause, and are cut before.
    """
    if not text.startswith("as ", end) or not text[end + 3 : end + 4].islower():
        return False
    clause = re.split(r"[,;:(\u2013\u2014]", text[:start])[-1]
    return _SEEING.search(clause) is not None


#: (English) verbs whose object is followed by what it is seen as: "sees both leaders as partners".
_SEEING: Final = re.compile(
    r"\b(?:see|sees|saw|seen|view|views|viewed|regard|regards|regarded|treat|treats|treated|describe|describes|"
    r"described|consider|considers|considered|brand|brands|branded|label|labels|labelled|labeled)\b"
)


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
