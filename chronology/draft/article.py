"""Reading a plain-text article: its body, and the headline, byline, outlet and date its text gives.

An article saved as text may start with lines about itself. Each of these,
at the top, is read and left out of the body:

* a dateline line: ``date 2024-11-17``, ``Published: 12 March 2024``
  (``date``, ``dated``, ``published``, ``updated`` or ``posted``, then a date
  the reader reads with its year), possibly followed by a byline (``date
  2024-11-17 By Alberto Nardelli and Michael Nienaber``);
* a byline: ``By Alberto Nardelli and Michael Nienaber``;
* ``Title:``, ``Headline:``, ``Outlet:``, ``Publisher:``, ``Source:`` or
  ``URL:`` and its value;
* a headline: a first line of at most :data:`HEADLINE_WORDS` words that does
  not end with a full stop, with more text after it.

A dateline may also open the first paragraph, as wire copy writes it: "12
March 2024 — The ministry said ..." or "KYIV, 12 March 2024 (Reuters) - ...".
The date, with its place, is then left out of the first sentence.

Nothing is guessed: an article whose text names no date is undated, and one
whose text names no outlet has none.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Final

import attrs

from chronology.dates import UncertainDate
from chronology.draft.errors import DraftError
from chronology.notation.find import find_dates

__all__ = ["HEADLINE_WORDS", "Article", "article_from_text", "read_article", "source_id_for"]

#: Longest headline, in words.
HEADLINE_WORDS: Final = 20


@attrs.frozen(kw_only=True)
class Article:
    """A plain-text article, read.

    Attributes:
        name: the file it was read from, as given (for messages and notes).
        source_id: the id of its source in the draft: the file's name, as a slug.
        text: the whole text, its line breaks made Unix ones.
        body: where the body starts in ``text`` (after the lines about the article and any dateline).
        headline: the headline the text gives, or "".
        outlet: the outlet the text names, or "".
        authors: the authors its byline names.
        url: the address it gives, or "".
        dated: the publication date its text gives, or None.
        dateline: that date as written ("2024-11-17"), or "".

    """

    name: str
    source_id: str
    text: str
    body: int = 0
    headline: str = ""
    outlet: str = ""
    authors: tuple[str, ...] = ()
    url: str = ""
    dated: UncertainDate | None = None
    dateline: str = ""

    @property
    def body_text(self) -> str:
        """The article's body: its text after the lines about it."""
        return self.text[self.body :]


#: Largest article read, in characters: a book is not an article.
_MOST: Final = 2_000_000
_DATE_LINE: Final = re.compile(r"(?i:date|dated|published|updated|posted)\b\s*:?\s*(?P<rest>\S.*)")
_BYLINE: Final = re.compile(
    r"(?i:by)\s+(?P<names>[A-Z][\w.'’-]*,?(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|der|la|le|bin|al),?)*)"
)
_LABELLED: Final = re.compile(
    r"(?P<label>(?i:title|headline|outlet|publisher|publication|source|url))\s*:\s*(?P<value>\S.*)"
)
_LABELS: Final = {
    "title": "headline",
    "headline": "headline",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "source": "outlet",
    "url": "url",
}
#: A place that opens a dateline ("KYIV, ", "MOSCOW - "), before its date.
_PLACE: Final = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][\w.'’ -]*)?\s*(?:,|[-\u2013\u2014])\s*")
_AFTER_DATELINE: Final = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-\u2013\u2014]+\s*")


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read a plain-text article from ``path`` (UTF-8).

    Raises:
        DraftError: the file cannot be read, is not UTF-8 text, is empty or too long.

    """
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DraftError(f"{name}: cannot read the article: {error.strerror or error}") from error
    if len(data) > _MOST * 4:
        raise DraftError(f"{name}: {len(data):,} bytes is too long for an article (at most {_MOST:,} characters)")
    if b"\x00" in data[:8192]:
        raise DraftError(f"{name}: is a binary file, not an article in plain text (UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftError(
            f"{name}: is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the article as UTF-8 plain text"
        ) from None
    return article_from_text(text, name)


def article_from_text(text: str, name: str) -> Article:
    """Read an article from its ``text``; ``name`` is the file it came from (its source's id is made from it).

    Raises:
        DraftError: the text is empty or too long.

    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > _MOST:
        raise DraftError(f"{name}: {len(text):,} characters is too long for an article (at most {_MOST:,})")
    if not text.strip():
        raise DraftError(f"{name}: the article is empty; expected its text, in plain text (UTF-8)")
    fields: dict[str, str] = {}
    header = _Header()
    lines = text.split("\n")
    body = 0  # where the line being read starts
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if line:
            said = _header(line, fields, header)
            if said is None:
                break
            header = said
        body = min(body + len(lines[index]) + 1, len(text))
        index += 1
    headline = fields.get("headline", "")
    if not headline and index + 1 < len(lines):
        line = lines[index].strip()
        rest = "\n".join(lines[index + 1 :]).strip()
        if rest and len(line.split()) <= HEADLINE_WORDS and not line.endswith((".", ",", ";", ":")):
            headline = line
            body = min(body + len(lines[index]) + 1, len(text))
    dated, dateline = header.dated, header.dateline
    if dated is None:
        opening = _opening_dateline(text, body)
        if opening is not None:
            dated, dateline, body = opening
    return Article(
        name=name,
        source_id=source_id_for(name),
        text=text,
        body=body,
        headline=headline,
        outlet=fields.get("outlet", ""),
        authors=header.authors,
        url=fields.get("url", ""),
        dated=dated,
        dateline=dateline,
    )


@attrs.frozen
class _Header:
    """What the lines at the top of an article have said so far: its date, as written, and its authors."""

    dated: UncertainDate | None = None
    dateline: str = ""
    authors: tuple[str, ...] = ()


def _header(line: str, fields: dict[str, str], header: _Header) -> _Header | None:
    """``header`` with what a line at the top says about the article; None when it is no such line.

    A labelled field ("Outlet: ...") is put in ``fields``.
    """
    labelled = _LABELLED.fullmatch(line)
    if labelled is not None:
        fields.setdefault(_LABELS[labelled["label"].lower()], labelled["value"].strip())
        return header
    byline = _BYLINE.fullmatch(line)
    if byline is not None and len(byline["names"].split()) <= 12:
        return attrs.evolve(header, authors=header.authors or _names(byline["names"]))
    date_line = _DATE_LINE.fullmatch(line)
    if date_line is not None and header.dated is None:
        rest = date_line["rest"]
        date = _date_at_start(rest)
        if date is not None:
            value, written, end = date
            after = _BYLINE.fullmatch(rest[end:].strip())
            authors = header.authors or (_names(after["names"]) if after else ())
            return _Header(value, written, authors)
    return None


def _date_at_start(text: str) -> tuple[UncertainDate, str, int] | None:
    """A date with its year (a day, month or year, no phrase relative to another) opening ``text``."""
    stripped = len(text) - len(text.lstrip())
    for phrase in find_dates(text[:120]):
        if phrase.start != stripped:
            return None
        if isinstance(phrase.reading, UncertainDate):
            return phrase.reading, phrase.text, phrase.end
        return None
    return None


def _opening_dateline(text: str, position: int) -> tuple[UncertainDate, str, int] | None:
    """A dateline opening the body ("12 March 2024 — ", "KYIV, 12 March 2024 (Reuters) - ").

    Returns:
        Its date, the date as written, and where the body starts after it; None without one.

    """
    start = position + len(text[position:]) - len(text[position:].lstrip())
    place = _PLACE.match(text, start)
    at = place.end() if place is not None else start
    date = _date_at_start(text[at : at + 120])
    if date is None:
        return None
    value, written, end = date
    after = _AFTER_DATELINE.match(text, at + end)
    if after is None or "\n" in text[at + end : after.end()]:
        return None
    return value, written, after.end()


def _names(text: str) -> tuple[str, ...]:
    """The names of a byline: "Alberto Nardelli and Michael Nienaber" -> both."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text.strip().rstrip("."))
    return tuple(part.strip() for part in parts if part.strip())


def source_id_for(name: str) -> str:
    """The id a source drafted from the file ``name`` gets: its name without folders and extension, as a slug."""
    stem = Path(name).stem or Path(name).name
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9_.-]+", "-", folded).strip("-._")
    return slug or "article"
