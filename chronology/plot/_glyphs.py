"""Text the plotting font can draw: characters it lacks dropped (emoji, symbols) or shown as "□" (letters).

Every text of a chart is drawn in DejaVu Sans (:data:`chronology.plot._style.RC`), so that the same file
gives the same picture on every machine. DejaVu Sans has no emoji and no Chinese, Japanese or Korean
letters; matplotlib would draw an empty box for each and warn "Glyph ... missing from font(s)". Instead,
what a chart shows of a title, lane, heading or claim is made of characters the font has:

* a symbol the font lacks (an emoji, "🚀"), and the joiners, variation selectors and skin-tone
  modifiers that build emoji, are left out with the space beside them ("Launch 🚀 day" is drawn
  "Launch day", "“Report 📰”" is drawn "“Report”");
* any other character it lacks (a letter, a digit, a mark of punctuation: "한") is shown as "□", so
  that a word in a script the font lacks is seen to be there.

The event file, and what is written beside a chart (``save_claims_table``), keep the text whole.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = ["MISSING", "drawable"]

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


@functools.cache
def _characters() -> frozenset[int]:
    """The code points the plotting font has glyphs for."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(findfont(FontProperties(family=_FAMILY))).get_charmap())


def drawable(text: str) -> str:
    """``text`` in characters the plotting font has: symbols it lacks left out, other characters shown as "□".

    Args:
        text: a title, a lane's name, a heading, a claim's words.

    Returns:
        ``text`` unchanged when the font has every character; else with each it lacks left out (a symbol,
        and the space it leaves) or replaced by :data:`MISSING` (a letter, digit or punctuation mark).

    """
    if text.isascii():
        return text
    known = _characters()
    shown = "".join(
        character
        if character.isspace() or ord(character) in known
        else _GONE
        if unicodedata.category(character) in _LEFT_OUT
        else MISSING
        for character in text.translate(_JOINERS)
    )
    return _RUN.sub(_closed, shown) if _GONE in shown else shown


def _closed(run: re.Match[str]) -> str:
    """What stays of a run of characters left out, with the spaces around it: one space between two words."""
    return " " if run["before"] and run["after"] else ""
