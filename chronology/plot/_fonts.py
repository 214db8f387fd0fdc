"""The fonts a chart is drawn in: DejaVu Sans, a font the caller names, and installed fonts for letters it lacks.

Every chart is drawn in DejaVu Sans (:data:`chronology.plot._style.RC`), so that the same file gives the
same picture on every machine. DejaVu Sans has Latin, Greek and Cyrillic letters but no Chinese, Japanese
or Korean ones. When a chart's words have letters it lacks, the fonts installed on the machine
(matplotlib's font list, and any font file the system knows of that the list, cached by matplotlib when
it was first imported, does not have yet) are searched for fonts that have them, well-known families
first (:data:`PREFERRED`, then the others by name), and the chart is drawn with the list of families
(``font.family``): matplotlib takes each character from the first family that has it. A chart whose words
DejaVu Sans can draw whole is drawn exactly as before, in DejaVu Sans alone.

A letter no installed font has is shown as "□" (:func:`chronology.plot._glyphs.drawable`), and the
chart warns once (:class:`MissingFontWarning`), naming the script and how to get a font for it.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Final

import attrs
import matplotlib

from chronology.errors import ChronologyWarning, PlotError
from chronology.plot._glyphs import characters_of, lacking, showing

__all__ = [
    "MAIN",
    "PREFERRED",
    "Fonts",
    "MissingFontWarning",
    "drawing_fonts",
    "fonts_for",
    "installed_family",
    "strings_of",
]

#: The font every chart is drawn in, first (after a font the caller names).
MAIN: Final = "DejaVu Sans"
#: Families looked at first for letters the others lack, in this order: fonts made to cover Chinese,
#: Japanese and Korean, and the systems' own.
PREFERRED: Final = (
    "Noto Sans CJK KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans KR",
    "Noto Sans JP",
    "Noto Sans SC",
    "NanumGothic",
    "Source Han Sans KR",
    "Source Han Sans",
    "Malgun Gothic",
    "AppleGothic",
    "Apple SD Gothic Neo",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)
#: Families never used for letters: matplotlib's mathematical fonts (their own encodings) and its "Last
#: Resort" font, whose glyphs are boxes.
_NOT_FOR_LETTERS: Final = re.compile(r"Last Resort|STIXNonUnicode|STIXSize|DejaVu Math|cm[a-z]+10$")
#: What a font file's name ends with.
_FONT_FILES: Final = (".ttf", ".otf", ".ttc", ".otc")
#: The scripts a font for which is got as a font of Chinese, Japanese and Korean letters.
_CJK: Final = frozenset({"Hangul", "CJK", "Hiragana", "Katakana", "Bopomofo", "Halfwidth"})
#: How a script is named in the warning, by the first word of its characters' Unicode names.
_SCRIPT_NAMES: Final = {
    "HANGUL": "Hangul",
    "CJK": "CJK",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "BOPOMOFO": "Bopomofo",
    "HALFWIDTH": "Halfwidth",
}
_HOW_TO_GET: Final = {
    True: "install a font with them (Debian, Ubuntu: apt-get install fonts-noto-cjk; macOS: brew install --cask "
    "font-noto-sans-cjk) or give a font file that has them (font=, or --font PATH on the command line)",
    False: "install a font with them (the Noto fonts cover most scripts: apt-get install fonts-noto) or give a "
    "font file that has them (font=, or --font PATH on the command line)",
}


class MissingFontWarning(ChronologyWarning):
    """No font installed on the machine has some letters of a chart: they are drawn as "□"."""


@attrs.frozen
class Fonts:
    """The families a chart is drawn in, first first, and the characters they have between them.

    Attributes:
        families: the families, as matplotlib's ``font.family`` takes them.
        characters: the code points one of them has a glyph for.

    """

    families: tuple[str, ...]
    characters: frozenset[int]


def fonts_for(texts: Iterable[str], font: str | os.PathLike[str] | None = None) -> Fonts:
    """The fonts to draw ``texts`` in: ``font`` if given, DejaVu Sans, and installed fonts for letters they lack.

    Args:
        texts: the words the chart will show (titles, lane names, sources).
        font: a font file's path, or an installed family's name, drawn in before DejaVu Sans.

    Returns:
        The families, and the characters they have.

    Raises:
        PlotError: ``font`` is neither a font file nor an installed family (the message names the nearest).

    """
    families = [installed_family(font)] if font is not None else []
    for name in families:
        _quiet_weights(name)  # a font asked for draws the bold title in its nearest weight
    families.append(MAIN)
    known = frozenset().union(*(_family_characters(name) for name in families))
    needed = lacking(texts, known)
    if needed:
        for name, found in _fallbacks(frozenset(needed)):
            if name not in families:
                families.append(name)
                known |= found
                _quiet_weights(name)
    return Fonts(families=tuple(families), characters=known)


@contextlib.contextmanager
def drawing_fonts(texts: Iterable[str], font: str | os.PathLike[str] | None = None) -> Iterator[Fonts]:
    """Draw in the fonts for ``texts`` (:func:`fonts_for`) while inside; warn once of letters shown as "□".

    ``font.family`` is set (locally, in an ``rc_context``) only when it is not DejaVu Sans alone, so that a
    chart DejaVu Sans draws whole is drawn exactly as it always was.

    Raises:
        PlotError: ``font`` is neither a font file nor an installed family.

    Warns:
        MissingFontWarning: some letters drawn are in no font the chart is drawn in.

    """
    fonts = fonts_for(texts, font)
    rc = matplotlib.rc_context({"font.family": list(fonts.families)}) if fonts.families != (MAIN,) else None
    with rc if rc is not None else contextlib.nullcontext(), showing(fonts.characters) as shown_as_boxes:
        yield fonts
    if shown_as_boxes:
        warnings.warn(MissingFontWarning(_missing_message(shown_as_boxes)), stacklevel=4)  # the plot's caller


class _FallbackWeights(logging.Filter):
    """Leaves out matplotlib's note that a fallback family has no bold of its own (it draws the nearest weight).

    Only for the families chosen for letters DejaVu Sans lacks, where the title's bold is drawn a little
    lighter; the note would otherwise be printed on standard error each time the chart is drawn.
    """

    families: Final[set[str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("findfont: Failed to find font weight") or len(record.args or ()) < 2:
            return True
        family = record.args[1] if isinstance(record.args, tuple) else None
        names = family if isinstance(family, list) else [family]
        return not any(name in self.families for name in names)


_QUIET: Final = _FallbackWeights()


def _quiet_weights(family: str) -> None:
    """Leave out matplotlib's notes that ``family``, a fallback, has no face of the weight asked for."""
    logger = logging.getLogger("matplotlib.font_manager")
    if _QUIET not in logger.filters:
        logger.addFilter(_QUIET)
    _QUIET.families.add(family)


def installed_family(font: str | os.PathLike[str]) -> str:
    """The family of ``font``: a font file (made known to matplotlib) or the name of an installed family.

    A name is matched ignoring case and spaces ("nanum gothic" is "NanumGothic").

    Raises:
        PlotError: no such file or family (the message names the nearest installed family), or a file
            that is no font.

    """
    from matplotlib import font_manager

    text = os.fspath(font)
    if not text.strip():
        raise PlotError(f"font {text!r}: give a font file's path or an installed family's name")
    path = Path(text).expanduser()
    looks_like_a_file = path.suffix.lower() in _FONT_FILES or os.sep in text or "/" in text
    if path.is_file():
        return _added(path)
    if looks_like_a_file:
        raise PlotError(f"font {text!r}: no such font file; give the path of a .ttf, .otf or .ttc file")
    wanted = _squeezed(text)
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    for name in sorted(names):
        if _squeezed(name) == wanted:
            return name
    unlisted = _unlisted_files()
    for file in unlisted:  # installed since matplotlib listed the fonts
        family = _file_family(file)
        if family is not None and _squeezed(family) == wanted:
            name = _added(Path(file))
            _add_faces(name, Path(file).parent, unlisted)
            return name
        if family is not None:
            names.add(family)
    by_squeezed = {_squeezed(name): name for name in sorted(names) if not _NOT_FOR_LETTERS.match(name)}
    close = difflib.get_close_matches(wanted, list(by_squeezed), n=1, cutoff=0.0)
    nearest = f"; the nearest installed family is {by_squeezed[close[0]]!r}" if close else ""
    raise PlotError(f"font {text!r}: no installed font family has this name{nearest} (or give a font file's path)")


def _file_family(path: str) -> str | None:
    """The family of the font file at ``path``; None if it cannot be read."""
    from matplotlib.ft2font import FT2Font

    try:
        return str(FT2Font(path).family_name)
    except (RuntimeError, OSError, ValueError):
        return None


def strings_of(*values: object) -> Iterator[str]:
    """Every text in ``values``: strings, and those inside attrs records (events, sources), sequences and mappings."""
    for value in values:
        if isinstance(value, str):
            yield value
        elif attrs.has(kind := type(value)):
            yield from strings_of(*(getattr(value, field.name) for field in attrs.fields(kind)))
        elif isinstance(value, Mapping):
            yield from strings_of(*value.keys(), *value.values())
        elif isinstance(value, (tuple, list, set, frozenset)):
            yield from strings_of(*value)


def _squeezed(name: str) -> str:
    return "".join(name.split()).casefold()


def _added(path: Path) -> str:
    """The family of the font file at ``path``, which matplotlib is told of (once)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    resolved = str(path.resolve())
    for entry in font_manager.fontManager.ttflist:
        if entry.fname == resolved:
            return str(entry.name)
    try:
        family = str(FT2Font(resolved).family_name)
    except (RuntimeError, OSError, ValueError) as error:
        raise PlotError(f"font {str(path)!r}: not a font file that can be read ({error})") from None
    font_manager.fontManager.addfont(resolved)
    return family


@functools.cache
def _family_characters(name: str) -> frozenset[int]:
    """The code points of the font matplotlib draws ``name`` in (its regular face)."""
    from matplotlib.font_manager import FontProperties, fontManager

    found = fontManager.findfont(FontProperties(family=name), fallback_to_default=False)
    index = next((e.index for e in fontManager.ttflist if e.fname == found and e.name == name), 0)
    return characters_of(found, index)


@functools.cache
def _fallbacks(needed: frozenset[int]) -> tuple[tuple[str, frozenset[int]], ...]:
    """Installed families that have the letters in ``needed``, each with its characters: the fewest, preferred first.

    matplotlib's font list first, then font files the system has that the list lacks (installed since
    matplotlib cached it), which are added to it.
    """
    chosen: list[tuple[str, frozenset[int]]] = []
    left = set(needed)
    for name, path, index in _candidates():
        found = characters_of(path, index)
        if left & found:
            chosen.append((name, found))
            left -= found
            if not left:
                return tuple(chosen)
    unlisted = _unlisted_files()
    for path in unlisted:
        found = characters_of(path, 0)
        if left & found:
            name = _added(Path(path))
            _add_faces(name, Path(path).parent, unlisted)
            if not _NOT_FOR_LETTERS.match(name):
                chosen.append((name, _family_characters(name)))
                left -= found
                if not left:
                    break
    return tuple(chosen)


def _add_faces(family: str, folder: Path, unlisted: Iterable[str]) -> None:
    """Tell matplotlib of the other faces of ``family`` (bold, italic) among the ``unlisted`` files in ``folder``."""
    from matplotlib.font_manager import fontManager

    listed = {entry.fname for entry in fontManager.ttflist}
    for other in unlisted:
        if Path(other).parent == folder and other not in listed and _file_family(other) == family:
            fontManager.addfont(other)


def _candidates() -> list[tuple[str, str, int]]:
    """(family, file, face) of each installed family's regular face: the preferred in order, then by name."""
    from matplotlib.font_manager import fontManager

    faces: dict[str, tuple[str, int]] = {}
    for entry in sorted(fontManager.ttflist, key=lambda e: (e.name, _regularity(e.weight, e.style), e.fname)):
        if not _NOT_FOR_LETTERS.match(entry.name) and entry.name != MAIN:
            faces.setdefault(entry.name, (entry.fname, entry.index))
    order = {name: rank for rank, name in enumerate(PREFERRED)}
    names = sorted(faces, key=lambda name: (order.get(name, len(order)), name))
    return [(name, *faces[name]) for name in names]


def _regularity(weight: str | int, style: str) -> tuple[int, int]:
    """How far a face is from the regular one: upright first, then the weight nearest 400."""
    number = weight if isinstance(weight, int) else {"normal": 400, "regular": 400, "book": 400}.get(weight, 700)
    return (style != "normal", abs(number - 400))


def _unlisted_files() -> list[str]:
    """Font files the system has that matplotlib's list lacks, the preferred families' first (by file name)."""
    from matplotlib.font_manager import findSystemFonts, fontManager

    listed = {entry.fname for entry in fontManager.ttflist}
    files = sorted(str(Path(p).resolve()) for p in findSystemFonts())
    unlisted = [f for f in files if f not in listed and f.lower().endswith(_FONT_FILES)]
    keys = [_squeezed(name) for name in PREFERRED]

    def rank(path: str) -> int:
        stem = _squeezed(Path(path).stem.replace("-", ""))
        return next((i for i, key in enumerate(keys) if stem.startswith(key)), len(keys))

    return sorted(unlisted, key=lambda path: (rank(path), path))


def _missing_message(letters: Iterable[str]) -> str:
    """What the warning says: the scripts lacking, some of their letters, how to get a font."""
    every = sorted(set(letters))
    scripts = sorted({_script(letter) for letter in every})
    shown = ", ".join(repr(letter) for letter in every[:5])
    more = ", ..." if len(every) > 5 else ""
    return (
        f"no installed font has the {' and '.join(scripts)} letters of this chart ({shown}{more}): they are drawn "
        f"as '\u25a1'; {_HOW_TO_GET[bool(_CJK.intersection(scripts))]}"
    )


def _script(letter: str) -> str:
    """The script of ``letter``, from its Unicode name: "Hangul", "CJK", "Arabic"; its code point if unnamed."""
    name = unicodedata.name(letter, "")
    if not name:
        return f"U+{ord(letter):04X}"
    first = name.split()[0]
    return _SCRIPT_NAMES.get(first, first.title())
