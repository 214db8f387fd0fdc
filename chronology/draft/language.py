"""An article's language: given (``--language``), or detected from its text with lingua.

The detector knows only the languages a draft reads (:data:`LANGUAGES`), so it
chooses among them; it is built once, on first use. Detecting needs the
``draft`` extra (``lingua-language-detector``); drafting English with
``--language en`` does not.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any, Final

from chronology._extras import require
from chronology.draft.cues import Language
from chronology.errors import MissingExtraError
from chronology.notation.english import ENGLISH_GRAMMAR, Grammar

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "Language", "detect_language", "grammar_for", "language_mismatch"]

#: The languages a draft reads, in the order ``--language`` lists them.
LANGUAGES: Final[tuple[Language, ...]] = ("en", "ru", "uk", "ko")
#: Each language's name, for messages.
LANGUAGE_NAMES: Final[dict[Language, str]] = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "ko": "Korean"}
#: The script each language is written in (Unicode's name of it), and the languages of each script.
_SCRIPTS: Final[dict[Language, str]] = {"en": "LATIN", "ru": "CYRILLIC", "uk": "CYRILLIC", "ko": "HANGUL"}
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


def main_script(text: str) -> str | None:
    """The script most of the letters of ``text`` (its first characters) are in, as Unicode names it ("CYRILLIC")."""
    scripts: dict[str, int] = {}
    for character in text[:_SAMPLE]:
        if character.isalpha():
            script = unicodedata.name(character, "UNKNOWN").split(" ")[0]
            scripts[script] = scripts.get(script, 0) + 1
    return max(scripts, key=lambda script: scripts[script]) if scripts else None


def language_mismatch(text: str, given: Language) -> tuple[str, str] | None:
    """Whether ``text`` may not be in the language ``given`` (``--language``), and what that costs.

    The language is detected when the ``draft`` extra is installed; without it, only the script is checked (a
    text mostly in Cyrillic letters cannot be English or Korean).

    Returns:
        None where they agree; else what was found ("detected as Russian", "written mostly in Cyrillic
        letters") and the consequence for the draft.

    """
    try:
        detected: Language | None = detect_language(text)
    except MissingExtraError:
        detected = None
    script = main_script(text)
    if detected is not None and detected != given:
        found = f"detected as {LANGUAGE_NAMES[detected]}"
    elif detected is None and script is not None and script in _SCRIPTS.values() and script != _SCRIPTS[given]:
        found = f"written mostly in {script.title()} letters"
    else:
        return None
    if script is not None and script != _SCRIPTS[given]:
        consequence = (
            f"its dates written in {script.title()} letters are not read: they are neither drafted nor kept in comments"
        )
    else:
        consequence = (
            f"its sentences are read with the {LANGUAGE_NAMES[given]} words for who said what and what is still "
            "to come: a date may be read as past where it is to come (or the reverse), in the wrong year"
        )
    return found, consequence
