"""Splitting an article's text into sentences, each with where it stands.

A text is first cut into paragraphs. An article saved from a web page writes
one paragraph a line; a text wrapped at a fixed width ("hard-wrapped", as
e-mail and plain-text archives are) breaks its lines inside sentences, and
there a paragraph runs to the next blank line. A text counts as wrapped when
most of its long lines end without a sentence's final mark. A line starting
with a bullet ("- ", "* ", "• ") is a paragraph of its own either way.

A paragraph is cut after ".", "!" or "?" (and the closing quotation marks or
brackets that follow) where the next word starts with a capital, a digit or
an opening mark, except after a title or abbreviation ("Mr.", "Gen.", "Oct.",
"U.S.") or an initial ("J. Smith").

A post embedded from a social network ends with its signature line, "— UK at
the UN (@UKUN_NewYork) October 21, 2024": the date there is the post's, and
its text is the lines above it (as many as a post holds, :data:`POST_LENGTH`
characters, links aside). The post is one sentence: its text, then its
signature, so that the date it gives quotes what was posted.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from chronology.draft.cues import Language, patterns

__all__ = ["Sentence", "split_sentences"]


@attrs.frozen
class Sentence:
    """One sentence of a text.

    Attributes:
        start: index of its first character in the text.
        end: index after its last character.
        text: the sentence on one line: runs of spaces and line breaks made one space.
        paragraph: the number of its paragraph in the text, from 0.

    """

    start: int
    end: int
    text: str
    paragraph: int


#: A sentence's end: its final mark, then a capital (Latin or Cyrillic), a Hangul syllable (Korean has no
#: capitals: "...밝혔다. 북한은"), a digit or an opening mark.
_END: Final = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁЄІЇҐ가-힣])")
_WORD_BEFORE: Final = re.compile(r"([A-Za-zА-Яа-яЁёЄєІіЇїҐґ][A-Za-zА-Яа-яЁёЄєІіЇїҐґ.]*)$")
_BULLET: Final = re.compile(r"[-*•–—]\s")
_FINAL: Final = tuple(".!?:;\"”’')]")
#: A post's signature line: a dash, who posted it, their handle in brackets, and the date.
_SIGNATURE: Final = re.compile(r"[\u2014\u2013-]\s*\S.*\(@\w{1,30}\)\s*\S.*")
#: The longest text of a post (X/Twitter's limit), links left out.
POST_LENGTH: Final = 280
_LINK: Final = re.compile(r"\b(?:https?://|pic\.twitter\.com/|t\.co/)\S*")
#: A line this long or longer that ends without a final mark is taken for a wrapped line.
_LONG_LINE: Final = 50


def split_sentences(text: str, language: Language = "en") -> list[Sentence]:
    """The sentences of ``text``, in order, with their places in it.

    Args:
        text: an article's text (its body, without headline or dateline).
        language: the language whose abbreviations (:mod:`chronology.draft.cues`) end no sentence.

    Returns:
        Every sentence, blank lines and surrounding spaces left out.

    """
    sentences: list[Sentence] = []
    abbreviations = patterns(language).abbreviations
    for number, (start, end) in enumerate(_paragraphs(text)):
        if _SIGNATURE.fullmatch(text[start:end].strip()):
            sentences = _post(sentences, text, start, end, number)
            continue
        sentences.extend(_split(text, start, end, number, abbreviations))
    return sentences


def _post(before: list[Sentence], text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """``before`` with the post its signature ``text[start:end]`` closes made one sentence: its text, then it.

    The post's text is the whole paragraphs just before the signature that together hold at most
    :data:`POST_LENGTH` characters (links aside); with none, the signature stands alone.
    """
    first = len(before)
    length = 0
    while first > 0:
        number = before[first - 1].paragraph
        lines = [sentence for sentence in before[:first] if sentence.paragraph == number]
        length += sum(len(_LINK.sub("", sentence.text)) + 1 for sentence in lines)
        if length > POST_LENGTH:
            break
        first -= len(lines)
    posted = before[first:]
    opening = posted[0].start if posted else start
    joined = " ".join([*(sentence.text for sentence in posted), " ".join(text[start:end].split())])
    return [*before[:first], Sentence(opening, end, joined, paragraph)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs of ``text`` (see the module's note on wrapped text)."""
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((position, position + len(body)))
        position += len(line)
    wrapped = _wrapped([text[s:e].strip() for s, e in lines])
    paragraphs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            if current is not None:
                paragraphs.append(current)
            current = None
            continue
        joins = wrapped and current is not None and not _BULLET.match(line)
        if joins and current is not None:
            current = (current[0], end)
        else:
            if current is not None:
                paragraphs.append(current)
            current = (start, end)
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def _wrapped(lines: list[str]) -> bool:
    """Whether the lines are wrapped at a width: most long lines end without a sentence's final mark."""
    long = [line for line in lines if len(line) >= _LONG_LINE]
    open_ended = [line for line in long if not line.endswith(_FINAL)]
    return len(open_ended) >= 3 and len(open_ended) * 2 > len(long)


def _split(text: str, start: int, end: int, paragraph: int, abbreviations: frozenset[str]) -> list[Sentence]:
    """The sentences of the paragraph ``text[start:end]``."""
    found: list[Sentence] = []
    chunk = text[start:end]
    begin = 0
    for match in _END.finditer(chunk):
        if match.group().startswith(".") and _abbreviation(chunk[: match.start()], abbreviations):
            continue
        found.extend(_sentence(text, start + begin, start + match.end(), paragraph))
        begin = match.end()
    found.extend(_sentence(text, start + begin, end, paragraph))
    return found


def _abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    """Whether ``before`` ends with a title, an abbreviation or an initial (so its "." ends no sentence)."""
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    written = word[1]
    if "." in written:
        return True  # "U.S", "a.m"
    return written.lower() in abbreviations or (len(written) == 1 and written.isupper())


def _sentence(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """The sentence ``text[start:end]`` without its surrounding spaces, or nothing when it is blank."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    first = start + len(piece) - len(piece.lstrip())
    return [Sentence(first, first + len(stripped), " ".join(stripped.split()), paragraph)]
