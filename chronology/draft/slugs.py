"""Ids made from text: lower-case ASCII, letters of other scripts transliterated.

Latin letters keep their base letter ("café" is ``cafe``). Letters that have
none (Cyrillic, Hangul) are transliterated by anyascii, of the ``draft``
extra: "Песков" is ``peskov``, "국정원" ``gugjeongwon``, so that a drafted
event's id says something of its title in every language.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from chronology._extras import require

__all__ = ["ascii_text", "slug"]

_FEATURE: Final = "Ids from titles in Cyrillic or Hangul"


def ascii_text(text: str) -> str:
    """``text`` in lower-case ASCII: accents dropped, other scripts transliterated.

    Raises:
        MissingExtraError: the text has letters of another script, and the ``draft`` extra is not installed.

    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if any(c.isalpha() for c in unicodedata.normalize("NFKD", text) if not c.isascii()):
        folded = require("anyascii", "draft", _FEATURE).anyascii(unicodedata.normalize("NFC", text))
    return folded.lower()


def slug(text: str, allowed: str = "a-z0-9") -> list[str]:
    """The runs of ``allowed`` characters of :func:`ascii_text` of ``text``, in order."""
    return re.findall(f"[{allowed}]+", ascii_text(text))
