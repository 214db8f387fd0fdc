"""An article's language: given (``--language``), or detected from its text with lingua.

Detecting takes two detectors, each built once, on first use. The first tells
whether the article is in a language a draft reads (:data:`LANGUAGES`) or in
another common language of news written in Latin, Cyrillic, Hangul or CJK
letters (:data:`OTHER_LANGUAGES`: German, Polish, Belarusian, Japanese...): an
article clearly in another language is refused (``--language`` drafts it
anyway). It uses lingua's low-accuracy mode (its models of three letters):
with all its full models, telling 45 languages apart took 14 s and 700 MB to
load; in low-accuracy mode, 0.2 s and 45 MB, and it tells whole articles apart
as surely. The second detector chooses among the four languages a draft
reads, with lingua's full models (a few MB). Detecting needs the ``draft``
extra (``lingua-language-detector``); drafting English with ``--language en``
does not.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any, Final

from chronology._extras import require
from chronology.draft.cues import Language
from chronology.draft.errors import DraftError
from chronology.errors import MissingExtraError
from chronology.notation.english import ENGLISH_GRAMMAR, Grammar

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "OTHER_LANGUAGES",
    "Language",
    "UnsupportedLanguageError",
    "detect_language",
    "grammar_for",
    "language_mismatch",
]

#: The languages a draft reads, in the order ``--language`` lists them.
LANGUAGES: Final[tuple[Language, ...]] = ("en", "ru", "uk", "ko")
#: Each language's name, for messages.
LANGUAGE_NAMES: Final[dict[Language, str]] = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "ko": "Korean"}
#: The script each language is written in (Unicode's name of it), and the languages of each script.
_SCRIPTS: Final[dict[Language, str]] = {"en": "LATIN", "ru": "CYRILLIC", "uk": "CYRILLIC", "ko": "HANGUL"}
#: Each language's name in lingua.
_LINGUA: Final[dict[Language, str]] = {"en": "ENGLISH", "ru": "RUSSIAN", "uk": "UKRAINIAN", "ko": "KOREAN"}
#: Characters of an article the detector reads: enough to tell four languages apart, and fast.
_SAMPLE: Final = 4000
_FEATURE: Final = "Articles whose language is not given (--language en, ru, uk or ko)"
#: Languages a draft does not read, that the detector tells apart from those it reads (lingua's names): the
#: common languages of news in Latin, Cyrillic, Hangul and CJK letters.
OTHER_LANGUAGES: Final[tuple[str, ...]] = (
    # Latin letters
    "GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "CATALAN", "POLISH", "CZECH", "SLOVAK",
    "SLOVENE", "CROATIAN", "BOSNIAN", "ROMANIAN", "HUNGARIAN", "ALBANIAN", "TURKISH", "AZERBAIJANI", "SWEDISH",
    "DANISH", "BOKMAL", "FINNISH", "ESTONIAN", "LATVIAN", "LITHUANIAN", "INDONESIAN", "MALAY", "VIETNAMESE",
    "TAGALOG",
    # Cyrillic letters
    "BELARUSIAN", "BULGARIAN", "SERBIAN", "MACEDONIAN", "KAZAKH", "MONGOLIAN",
    # CJK letters
    "JAPANESE", "CHINESE",
)  # fmt: skip
#: How sure the detector must be (of 1) that an article is in a language a draft does not read to refuse it: a
#: whole article is told apart at 1.0; a line or two ("Im Oktober.") is not refused on a guess.
_SURE: Final = 0.9


class UnsupportedLanguageError(DraftError):
    """An article detected as a language a draft does not read (German, Polish...): drafting it would be garbage.

    Attributes:
        language: the language's name in English ("German").

    """

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


@functools.cache
def _screen() -> Any:
    """The detector of every language it tells apart (low accuracy: three-letter models), built once."""
    lingua = require("lingua", "draft", _FEATURE)
    languages = [lingua.Language.from_str(name) for name in (*(_LINGUA[code] for code in LANGUAGES), *OTHER_LANGUAGES)]
    return lingua.LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@functools.cache
def _detector() -> Any:
    lingua = require("lingua", "draft", _FEATURE)
    languages = [lingua.Language.from_str(_LINGUA[code]) for code in LANGUAGES]
    return lingua.LanguageDetectorBuilder.from_languages(*languages).build()


def _detected(text: str) -> tuple[Language | None, str]:
    """The language of ``text``: one of :data:`LANGUAGES`, or one of :data:`OTHER_LANGUAGES` where it clearly is one.

    Returns:
        The language, where a draft reads it (else None), and its name in English ("Russian", "German").

    A text the detector is not sure of (a line or two) is taken as the language of :data:`LANGUAGES` it is
    nearest to (English where it cannot tell).

    Raises:
        MissingExtraError: lingua (the ``draft`` extra) is not installed; the message names the install, and
            ``--language`` as the way round it.

    """
    sample = text[:_SAMPLE]
    values = _screen().compute_language_confidence_values(sample)
    if values and values[0].value >= _SURE and values[0].language.name not in _LINGUA.values():
        return None, values[0].language.name.title().replace("Bokmal", "Norwegian (Bokmål)")
    detected = _detector().detect_language_of(sample)
    code: str = "en" if detected is None else detected.iso_code_639_1.name.lower()
    language: Language = "ru" if code == "ru" else "uk" if code == "uk" else "ko" if code == "ko" else "en"
    return language, LANGUAGE_NAMES[language]


def detect_language(text: str, name: str = "the article") -> Language:
    """The language of ``text``, of :data:`LANGUAGES` (English where the detector cannot tell).

    Args:
        text: the article's text.
        name: its file, for the message refusing it.

    Raises:
        UnsupportedLanguageError: the text is clearly in another language (:data:`OTHER_LANGUAGES`); the message
            names the file, the language, those a draft reads, and ``--language`` to force one.
        MissingExtraError: lingua (the ``draft`` extra) is not installed; the message names the install, and
            ``--language`` as the way round it.

    """
    detected, language = _detected(text)
    if detected is None:
        readable = ", ".join(LANGUAGE_NAMES[code] for code in LANGUAGES[:-1]) + f" and {LANGUAGE_NAMES[LANGUAGES[-1]]}"
        raise UnsupportedLanguageError(
            f"{name}: the article is detected as {language}; only {readable} articles are read so far: give "
            f"--language {', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]} to draft it as one of them anyway",
            language,
        )
    return detected


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
    detected: str | None
    try:
        language: Language | None = detect_language(text)
        detected = None if language is None else LANGUAGE_NAMES[language]
    except UnsupportedLanguageError as error:
        language, detected = None, error.language
    except MissingExtraError:
        language, detected = None, None
    script = main_script(text)
    if detected is not None and language != given:
        found = f"detected as {detected}"
    elif detected is None and script is not None and script in _SCRIPTS.values() and script != _SCRIPTS[given]:
        found = f"written mostly in {script.title()} letters"
    else:
        return None
    if script is not None and script != _SCRIPTS[given] and script == _SCRIPTS["en"]:
        consequence = (  # every grammar reads English dates too ("October 18", "on Tuesday")
            f"its dates in {script.title()} letters are still read, as the {LANGUAGE_NAMES[given]} reader also reads "
            f"English dates, but who said what and what is still to come are read with the {LANGUAGE_NAMES[given]} "
            "words: statements are missed, and a date may be read as past where it is to come, in the wrong week "
            "or year"
        )
    elif script is not None and script != _SCRIPTS[given]:
        consequence = (
            f"its dates written in {script.title()} letters are not read: they are neither drafted nor kept in comments"
        )
    else:
        consequence = (
            f"its sentences are read with the {LANGUAGE_NAMES[given]} words for who said what and what is still "
            "to come: a date may be read as past where it is to come (or the reverse), in the wrong year"
        )
    return found, consequence
