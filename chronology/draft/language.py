"""An article's language: given (``--language``), or detected from its text with lingua.

The detector knows only the languages a draft reads (:data:`LANGUAGES`), so it
chooses among them; it is built once, on first use. Detecting needs the
``draft`` extra (``lingua-language-detector``); drafting English with
``--language en`` does not.
"""

from __future__ import annotations

import functools
from typing import Any, Final

from chronology._extras import require
from chronology.draft.cues import Language
from chronology.notation.english import ENGLISH_GRAMMAR, Grammar

__all__ = ["LANGUAGES", "Language", "detect_language", "grammar_for"]

#: The languages a draft reads, in the order ``--language`` lists them.
LANGUAGES: Final[tuple[Language, ...]] = ("en", "ru", "uk", "ko")
#: Characters of an article the detector reads: enough to tell four languages apart, and fast.
_SAMPLE: Final = 4000
_FEATURE: Final = "Articles whose language is not given (--language en, ru, uk or ko)"


@functools.cache
def _detector() -> Any:
    lingua = require("lingua", "draft", _FEATURE)
    languages = [lingua.Language.ENGLISH, lingua.Language.RUSSIAN, lingua.Language.UKRAINIAN, lingua.Language.KOREAN]
    return lingua.LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> Language:
    """The language of ``text``, of :data:`LANGUAGES` (English where the detector cannot tell).

    Raises:
        MissingExtraError: lingua (the ``draft`` extra) is not installed; the message names the install, and
            ``--language`` as the way round it.

    """
    detected = _detector().detect_language_of(text[:_SAMPLE])
    if detected is None:
        return "en"
    code: str = detected.iso_code_639_1.name.lower()
    return "ru" if code == "ru" else "uk" if code == "uk" else "ko" if code == "ko" else "en"


def grammar_for(language: Language) -> Grammar:
    """The date grammar of ``language``: English, Korean, or the shared Russian and Ukrainian one.

    Raises:
        MissingExtraError: Russian, Ukrainian or Korean, and the ``draft`` extra is not installed.

    """
    if language == "en":
        return ENGLISH_GRAMMAR
    if language == "ko":
        from chronology.notation.korean import korean_grammar

        return korean_grammar()
    from chronology.notation.slavic import slavic_grammar

    return slavic_grammar()
