"""Text the plotting fonts can draw: characters they lack dropped (emoji, symbols) or shown as "□" (letters).

Every text of a chart is drawn in DejaVu Sans (:data:`chronology.plot._style.RC`), and, for letters it
lacks (Chinese, Japanese, Korean), in installed fonts that have them (:mod:`chronology.plot._fonts`).
matplotlib would draw an empty box for a character none of them has and warn "Glyph ... missing from
font(s)". Instead, what a chart shows of a title, lane, heading or claim is made of characters its fonts
have:

* a symbol they lack (an emoji, "🚀"), and the joiners, variation selectors and skin-tone
  modifiers that build emoji, are left out with the space beside them ("Launch 🚀 day" is drawn
  "Launch day", "“Report 📰”" is drawn "“Report”");
* any other character they lack (a letter, a digit, a mark of punctuation: "한" with no Korean font
  installed) is shown as "□", so that a word in a script the fonts lack is seen to be there; the
  chart then warns once (:class:`chronology.plot._fonts.MissingFontWarning`).

Outside a chart's drawing (:func:`showing`), the fonts are DejaVu Sans alone.
The event file, and what is written beside a chart (``save_claims_table``), keep the text whole.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["MISSING", "characters_of", "drawable", "lacking", "showing"]

#: What a letter, digit or mark the font lacks is shown as.
MISSING: Final = "\u25a1"
#: The font every chart is drawn in.
_FAMILY: Final = "DejaVu Sans"
#: Categories of the characters left out when the font lacks them: symbols, and what joins or modifies them.
_LEFT_OUT: Final = frozenset({"So", "Sk", "Sm", "Sc", "Cf", "Mn", "Me", "Co", "Cn", "Cs"})
#: What builds emoji out of others (the zero-width joiner, variation selectors): left out even where the font has it.
_JOINERS: Final = dict.fromkeys(map(ord, "\u200d\ufe0e\ufe0f"))
#: Stands for a character left out, until the runs of them are closed up.
_GONE: Final = "\x00"
_RUN: Final = re.compile(r"(?P<before>[ \t]*)\x00+(?P<after>[ \t]*)")


#: The characters of the fonts a chart is being drawn in, and the letters shown as "□" so far (see :func:`showing`).
_SHOWING: Final[contextvars.ContextVar[tuple[frozenset[int], set[str]] | None]] = contextvars.ContextVar(
    "chronology_plot_fonts", default=None
)


@functools.cache
def characters_of(path: str, index: int = 0) -> frozenset[int]:
    """The code points the font in the file at ``path`` (face ``index`` of a collection) has glyphs for."""
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path, face_index=index).get_charmap())


@functools.cache
def _characters() -> frozenset[int]:
    """The code points the plotting font has glyphs for."""
    from matplotlib.font_manager import FontProperties, findfont

    return characters_of(findfont(FontProperties(family=_FAMILY)))


@contextlib.contextmanager
def showing(characters: frozenset[int]) -> Iterator[set[str]]:
    """While inside, :func:`drawable` keeps the ``characters`` of the fonts drawn in; yields the letters shown as "□".

    Args:
        characters: the code points the chart's fonts have between them.

    """
    shown_as_boxes: set[str] = set()
    token = _SHOWING.set((characters, shown_as_boxes))
    try:
        yield shown_as_boxes
    finally:
        _SHOWING.reset(token)


def lacking(texts: Iterable[str], characters: frozenset[int]) -> set[int]:
    """The code points of letters, digits and punctuation in ``texts`` that are not in ``characters``.

    Symbols (emoji) are not counted: they are left out of a chart, not looked for in other fonts.
    """
    found = {character for text in texts if not text.isascii() for character in text.translate(_JOINERS)}
    return {
        ord(character)
        for character in found
        if not character.isspace()
        and ord(character) not in characters
        and unicodedata.category(character) not in _LEFT_OUT
    }


def drawable(text: str) -> str:
    """``text`` in characters the plotting fonts have: symbols they lack left out, other characters shown as "□".

    Args:
        text: a title, a lane's name, a heading, a claim's words.

    Returns:
        ``text`` unchanged when the font has every character; else with each it lacks left out (a symbol,
        and the space it leaves) or replaced by :data:`MISSING` (a letter, digit or punctuation mark).

    """
    if text.isascii():
        return text
    showing_now = _SHOWING.get()
    known = _characters() if showing_now is None else showing_now[0]
    shown = "".join(
        character
        if character.isspace() or ord(character) in known
        else _GONE
        if unicodedata.category(character) in _LEFT_OUT
        else MISSING
        for character in text.translate(_JOINERS)
    )
    if showing_now is not None and MISSING in shown:
        showing_now[1].update(
            c for c in text if not c.isspace() and ord(c) not in known and unicodedata.category(c) not in _LEFT_OUT
        )
    return _RUN.sub(_closed, shown) if _GONE in shown else shown


def _closed(run: re.Match[str]) -> str:
    """What stays of a run of characters left out, with the spaces around it: one space between two words."""
    return " " if run["before"] and run["after"] else ""
