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
The date, with its place, is then left out of the first sentence. A
dateline's day without its year ("SEOUL, Nov 4 (Reuters) -") is left out
too; it dates the article only within a publication date given with the
draft ("--published 2024": 4 November 2024).

A date line may also stand alone under the headline ("November 4, 2024",
"Mon 4 Nov 2024 10.04 GMT", "Published 10:04 AM EST, November 4, 2024"): a
clock time beside the date is left out. A date line closing the article
("Updated 10:04 AM EST, November 4, 2024") is left out of the body.

Korean wire copy opens with its place and agency in brackets, then its
byline: "(서울=연합뉴스) 홍길동 기자 = ". That dateline is left out of the
first sentence; its agency is the outlet (where no other line names one)
and its reporters the authors. It gives no date.

English, Russian, Ukrainian and Korean are read: an article whose letters
are mostly in another script (Chinese, Arabic) is refused, naming its
script; a short quotation in another script inside an article is read with it.

An HTML page (``.html``, ``.htm``, ``.xhtml``, or a file that starts as one)
is reduced to its main text and metadata by :mod:`chronology.draft.html`
(the ``draft`` extra): its title, outlet, authors and address are the
metadata's, and so is its publication date (``dated_from`` is then
``"metadata"``); its text is then read as a plain-text article's is.

Nothing is guessed: an article whose text names no date is undated, and one
whose text names no outlet has none.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs

from chronology.dates import UncertainDate
from chronology.draft.errors import DraftError
from chronology.draft.slugs import slug
from chronology.errors import DateParseError
from chronology.notation.find import find_dates

if TYPE_CHECKING:
    from chronology.draft.html import Page

__all__ = [
    "HEADLINE_WORDS",
    "Article",
    "DateOrigin",
    "article_from_page",
    "article_from_text",
    "read_article",
    "source_id_for",
]

#: Where an article's date was read: its text's dateline, or the metadata of the HTML page it was read from.
DateOrigin = Literal["dateline", "metadata"]

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
        dateline: that date as written ("2024-11-17"), or "" (a dateline's day without its year, "Nov 4", is
            kept here too, with ``dated`` None: a publication date given with the draft takes its day).
        end: where the body ends in ``text`` (before an "Updated ..." line that closes it).
        dated_from: where ``dated`` was read: "dateline" (the text's) or "metadata" (an HTML page's; ``dateline``
            is then the date as the page's metadata gives it).
        from_page: whether it was read from an HTML page (its title, outlet and authors then the page's).

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
    end: int | None = None
    dated_from: DateOrigin = "dateline"
    from_page: bool = False

    @property
    def body_text(self) -> str:
        """The article's body, the text after the lines about it and before a date line that closes it."""
        return self.text[self.body : self.end]

    def day_in(self, published: UncertainDate) -> UncertainDate | None:
        """The day a dateline without its year ("SEOUL, Nov 4 (Reuters) -") names within ``published``, if one.

        Returns:
            The dateline's day in the year ``published`` lies in, where that day is within ``published``
            ("2024" and "Nov 4": 4 November 2024); None without such a dateline or such a day.

        """
        if self.dated is not None or not self.dateline or published.earliest.year != published.latest.year:
            return None
        from chronology.notation import parse

        try:
            day = parse(f"{self.dateline} {published.earliest.year}")
        except DateParseError:
            return None
        if (
            not isinstance(day, UncertainDate)
            or not published.earliest <= day.earliest <= day.latest <= published.latest
        ):
            return None
        return UncertainDate.parse(day.to_edtf())  # written as a day ("2024-11-04"), as a dateline with a year is


#: Largest article read, in characters: a book is not an article.
_MOST: Final = 2_000_000
#: The start of an HTML page, whatever its file's name.
_HTML: Final = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
#: Characters whose letters tell the article's script.
_SCRIPT_SAMPLE: Final = 20_000
#: The labels of a date line, by language ("Published: 12 March 2024", "Опубликовано: 21 октября 2024 года",
#: "Опубліковано: 3 листопада 2024 р.", "입력 2024-11-04 10:04"): the first date line at the top is the article's.
DATE_LABELS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("date", "dated", "published", "updated", "posted"),
    "ru": ("дата", "дата публикации", "опубликовано", "обновлено", "размещено"),
    "uk": ("дата", "дата публікації", "опубліковано", "оновлено", "розміщено"),
    "ko": ("입력", "송고시간", "송고", "수정", "기사입력", "최종수정", "등록"),
}
#: Wire agencies and outlets that name themselves in a dateline or on a line of their own at the top, by language
#: (matched without regard to case: "ИНТЕРФАКС" is "Интерфакс"). An agency after a dateline's dash
#: ("МОСКВА, 18 окт — РИА Новости.") is read as the outlet only when it is one of these: otherwise the words
#: after the dash are the first sentence's.
KNOWN_OUTLETS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("Reuters", "AP", "AFP", "Associated Press", "Bloomberg", "Interfax", "Yonhap", "Ukrinform", "UNIAN",
           "Xinhua", "Kyodo", "TASS", "RIA Novosti"),
    "ru": ("ТАСС", "РИА Новости", "Интерфакс", "Интерфакс-Украина", "INTERFAX.RU", "РБК", "Прайм", "БелТА",
           "Regnum", "Sputnik", "Медуза", "Коммерсантъ", "Ведомости", "Известия", "RT"),
    "uk": ("Укрінформ", "УНІАН", "УНН", "Інтерфакс-Україна", "Суспільне", "Суспільне Новини", "Українська правда",
           "РБК-Україна", "ЛІГА.net", "Громадське", "Радіо Свобода"),
    "ko": ("연합뉴스", "뉴시스", "뉴스1", "KBS", "MBC", "SBS", "YTN", "조선일보", "중앙일보", "동아일보", "한겨레"),
}  # fmt: skip
_KNOWN_OUTLETS: Final = {name.casefold(): name for names in KNOWN_OUTLETS.values() for name in names}
#: A date line: one of :data:`DATE_LABELS`, maybe a colon, then the date ("송고시간2024-11-04": Korean writes no
#: space between them).
_DATE_LINE: Final = re.compile(
    r"(?i:{})(?![^\W\d_])\s*:?\s*(?P<rest>\S.*)".format(
        "|".join(
            sorted(
                (re.escape(label).replace(r"\ ", r"\s+") for labels in DATE_LABELS.values() for label in labels),
                key=len,
                reverse=True,
            )
        )
    )
)
#: A line naming the outlet and the date ("Интерфакс, 21 октября 2024 года", "Reuters, March 12, 2024").
_OUTLET_AND_DATE: Final = re.compile(r"(?P<name>[^\W\d_][^,\n]{0,60}?)\s*,\s*(?P<rest>\S.*)")
#: Most words in an outlet's name on a line of its own ("Суспільне Новини").
OUTLET_WORDS: Final = 4
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
#: Capital letters a dateline's place is written in: Latin, Russian and Ukrainian.
_CAPITAL: Final = "A-ZА-ЯЁІЇЄҐ"
#: A place that opens a dateline ("KYIV, ", "MOSCOW - ", "МОСКВА, ", "КИЇВ, "), before its date.
_PLACE: Final = re.compile(
    rf"[{_CAPITAL}][{_CAPITAL}.'’ -]*[{_CAPITAL}.]"
    rf"(?:,\s*[{_CAPITAL}][^\W\d_][^\W\d]*(?:[ .'’-]+[^\W\d]+)*)?\s*(?:[,.]|[-\u2013\u2014])\s*"
)
#: Korean wire copy's dateline: the place and agency in brackets, then its reporters ("(서울=연합뉴스) 홍길동
#: 기자 = ", "(워싱턴=연합뉴스) 김철수 특파원 = ").
_KOREAN_DATELINE: Final = re.compile(
    r"[(\[](?P<place>[^=()\[\]\n]{1,20})=(?P<agency>[^()\[\]\n]{1,20})[)\]]\s*"
    r"(?:(?P<reporters>[가-힣]{2,4}(?:\s+[가-힣]{2,4}){0,3})\s+(?:기자|특파원|통신원)\s*=\s*)?"
)
#: A clock time on a date line ("10:04 AM EST, ", "10.04 GMT").
_CLOCK: Final = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5}\b)?\s*,?\s*")
#: A clock time closing a date line ("2024-11-04 10:04", "2024년 11월 4일 오후 3:20"), left out.
_TRAILING_CLOCK: Final = re.compile(r"[\s,]+(?:오전|오후)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?\s*$")
#: A full stop closing a dated line, before the next sentence.
_FULL_STOP: Final = re.compile(r"\.[ \t]+(?=\S)")
#: A dateline's day without its year ("Nov 4", "16 Dec", "18 октября", "3 листопада").
_DAY_ALONE: Final = re.compile(
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?|\d{1,2}\s+[а-яёіїєґ'ʼ’]{3,12}\.?"
)
_DASH: Final = r"[-\u2013\u2014]+"
#: What closes a dateline, with the agency it names (``agency``) or a known one after its dash (``known``):
#: the agency in brackets and a dash ("(Reuters) -"); the agency between slashes ("/ТАСС/."); a full stop, the
#: agency and a dash ("СЕУЛ. 21 октября. ИНТЕРФАКС -", "INTERFAX.RU -"); a dash alone, or a dash and a known
#: agency with its full stop ("— РИА Новости.").
_AFTER_DATELINE: Final = re.compile(
    rf"[^\S\n]*(?:\((?P<bracketed>[^)\n]{{1,40}})\)[^\S\n]*{_DASH}"
    rf"|\.?[^\S\n]*/(?P<slashed>[^/\n]{{1,30}})/\.?"
    rf"|\.[^\S\n]+(?P<named>[^\W\d_][\w.'’-]*(?:[^\S\n][^\W\d_][\w.'’-]*){{0,2}})[^\S\n]*{_DASH}"
    rf"|{_DASH}(?:[^\S\n]*(?P<known>[^\W\d_][\w.'’-]*(?:[^\S\n][\w.'’-]+){{0,2}}?)\.(?=\s))?)\s*"
)


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read a plain-text article from ``path`` (UTF-8).

    An HTML page (by its name or its start) is reduced to its main text and metadata first
    (``article_from_page``).

    Raises:
        DraftError: the file cannot be read, is not UTF-8 text (a plain-text article) or an HTML page with a
            main text, is empty or too long, or is written mostly in letters that are not Latin (only English
            is read so far).
        MissingExtraError: the file is an HTML page, and the ``draft`` extra is not installed.

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
    if Path(name).suffix.lower() in {".html", ".htm", ".xhtml"} or _HTML.match(data[:1024]):
        from chronology.draft.html import read_page

        return article_from_page(read_page(data, name), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftError(
            f"{name}: is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the article as UTF-8 plain text"
        ) from None
    return article_from_text(text, name)


def article_from_page(page: Page, name: str) -> Article:
    """Read an article from an HTML page reduced to its text and metadata (:func:`chronology.draft.html.read_page`).

    The page's text is read as a plain-text article's (a dateline opening it included), with the
    metadata's title, outlet, address and authors; a publication date in the metadata wins over a
    dateline in the text.

    Raises:
        DraftError: the text is too long, or written mostly in letters that are not Latin.

    """
    header = [
        f"{label}: {value}"
        for label, value in (("Title", page.title), ("Outlet", page.outlet), ("URL", page.url))
        if value
    ]
    article = article_from_text("\n".join([*header, "", page.text]) if header else page.text, name)
    article = attrs.evolve(article, from_page=True)
    if page.authors:
        article = attrs.evolve(article, authors=page.authors)
    if page.published is not None:
        article = attrs.evolve(article, dated=page.published, dateline=page.date_written, dated_from="metadata")
    return article


def _header_lines(
    lines: list[str], index: int, body: int, fields: dict[str, str], header: _Header
) -> tuple[int, int, _Header]:
    """Read header lines (title, outlet, date, byline...) from ``lines[index]`` on, blank lines skipped.

    Returns where the body starts: its first line's index and character, and the header read.
    """
    length = sum(len(line) + 1 for line in lines) - 1
    while index < len(lines):
        line = lines[index].strip()
        if line:
            said = _header(line, fields, header)
            if said is None:
                break
            header = said
        body = min(body + len(lines[index]) + 1, length)
        index += 1
    return index, min(body, length), header


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
    script = _main_script(text)
    if script is not None and script not in ("Cyrillic", "Hangul"):
        raise DraftError(
            f"{name}: the article is written mostly in {script} letters; only English, Russian, Ukrainian and "
            "Korean articles are read so far"
        )
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index, body, header = _header_lines(lines, 0, 0, fields, _Header())
    headline = fields.get("headline", "")
    if not headline and _headline_at(lines, index):
        headline = lines[index].strip()
        # a date line or byline under the headline
        index, body, header = _header_lines(lines, index + 1, body + len(lines[index]) + 1, fields, header)
        if "outlet" not in fields and _outlet_name(headline) and _headline_at(lines, index):
            # a short name above the headline is the outlet's ("Суспільне Новини", then the headline)
            fields["outlet"], headline = headline, lines[index].strip()
            index, body, header = _header_lines(lines, index + 1, body + len(lines[index]) + 1, fields, header)
    dated, dateline = header.dated, header.dateline
    wire = _KOREAN_DATELINE.match(text, body + len(text[body:]) - len(text[body:].lstrip()))
    if wire is not None:  # "(서울=연합뉴스) 홍길동 기자 = "
        body = wire.end()
        fields.setdefault("outlet", wire["agency"].strip())
        if wire["reporters"] and not header.authors:
            header = attrs.evolve(header, authors=tuple(wire["reporters"].split()))
    opening = _opening_dateline(text, body)
    if opening is not None:  # left out of the first sentence even where a line above dates the article
        body = opening.body
        if dated is None:
            dated, dateline = opening.dated, opening.written
        if opening.agency:
            fields.setdefault("outlet", opening.agency)
    end = _closing_date_line(text, body)
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
        end=end,
    )


def _headline_at(lines: Sequence[str], index: int) -> bool:
    """Whether ``lines[index]`` may be a headline: a short line with more text after it.

    At most :data:`HEADLINE_WORDS` words, and no final full stop (or comma, semicolon, colon).
    """
    if index + 1 >= len(lines):
        return False
    line = lines[index].strip()
    rest = any(later.strip() for later in lines[index + 1 :])
    return bool(line) and rest and len(line.split()) <= HEADLINE_WORDS and not line.endswith((".", ",", ";", ":"))


def _outlet_name(line: str) -> bool:
    """Whether a line may be an outlet's name: at most :data:`OUTLET_WORDS` words, none of them a date."""
    return len(line.split()) <= OUTLET_WORDS and not find_dates(line)


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
    if line.casefold() in _KNOWN_OUTLETS or line.casefold() == fields.get("outlet", "").casefold():
        fields.setdefault(
            "outlet", _KNOWN_OUTLETS.get(line.casefold(), line)
        )  # the outlet's name, alone on its line ("Суспільне Новини")
        return header
    byline = _BYLINE.fullmatch(line)
    if byline is not None and len(byline["names"].split()) <= 12:
        return attrs.evolve(header, authors=header.authors or _names(byline["names"]))
    date_line = _DATE_LINE.fullmatch(line)
    dated = _line_date(date_line["rest"] if date_line is not None else line)
    if dated is None or (date_line is None and dated[2]):
        return _outlet_and_date(line, fields, header)  # a line that is a date alone has nothing after it
    if header.dated is not None:
        return header  # "Updated ..." after "Published ...": the first date is the article's
    value, written, rest = dated
    after = _BYLINE.fullmatch(rest)
    if rest and after is None:
        return None
    authors = header.authors or (_names(after["names"]) if after else ())
    return _Header(value, written, authors)


def _outlet_and_date(line: str, fields: dict[str, str], header: _Header) -> _Header | None:
    """``header`` with the date of a line naming the outlet and the date ("Интерфакс, 21 октября 2024 года").

    The name is put in ``fields`` as the outlet, unless it is written in capitals only and is no known outlet
    (wire copy writes its place so: "МОСКВА, 21 октября 2024 года" gives the date alone). None when the line
    is not one: a name of at most :data:`OUTLET_WORDS` words, no date among them, then a date with its year
    and nothing after it.
    """
    found = _OUTLET_AND_DATE.fullmatch(line)
    if found is None:
        return None
    name = found["name"].strip()
    byline = _BYLINE.fullmatch(name)
    if (byline is None and not _outlet_name(name)) or (dated := _line_date(found["rest"])) is None or dated[2]:
        return None
    if byline is not None:  # "By John Smith, March 12, 2024"
        header = attrs.evolve(header, authors=header.authors or _names(byline["names"]))
    elif name.casefold() in _KNOWN_OUTLETS or name != name.upper():
        fields.setdefault("outlet", _KNOWN_OUTLETS.get(name.casefold(), name))
    if header.dated is not None:
        return header
    return attrs.evolve(header, dated=dated[0], dateline=dated[1])


def _line_date(text: str) -> tuple[UncertainDate, str, str] | None:
    """A date with its year opening a date line, a clock time around it left out ("10:04 AM EST, November 4, 2024").

    Returns:
        The date, as written, and what follows it on the line (stripped); None without one.

    """
    text = _CLOCK.sub("", text, count=1) if _CLOCK.match(text) else text
    text = _TRAILING_CLOCK.sub("", text, count=1)  # "2024-11-04 10:04": the day
    date = _date_at_start(text)
    if date is None:
        return None
    value, written, end = date
    if value is None:
        return None
    rest = text[end:]
    if _CLOCK.match(rest.lstrip(" ,")):
        rest = _CLOCK.sub("", rest.lstrip(" ,"), count=1)
    return value, written, rest.strip(" ,.")


def _closing_date_line(text: str, body: int) -> int | None:
    """Where the body ends before a date line closing the article ("Updated 10:04 AM EST, November 4, 2024"), if one."""
    end = len(text.rstrip())
    start = text.rfind("\n", body, end) + 1
    if start <= body:
        return None
    line = text[start:end].strip()
    date_line = _DATE_LINE.fullmatch(line)
    dated = _line_date(date_line["rest"] if date_line is not None else line)
    if dated is None or dated[2]:
        return None
    return start


def _date_at_start(text: str, *, day_alone: bool = False) -> tuple[UncertainDate | None, str, int] | None:
    """A date with its year (a day, month or year, no phrase relative to another) opening ``text``.

    With ``day_alone``, a day without its year ("Nov 4", after a dateline's place) is taken too, its date None.
    """
    stripped = len(text) - len(text.lstrip())
    for phrase in find_dates(text[:120]):
        if phrase.start != stripped:
            return None
        if isinstance(phrase.reading, UncertainDate):
            return phrase.reading, phrase.text, phrase.end
        if day_alone and phrase.read and _DAY_ALONE.fullmatch(phrase.text):
            return None, phrase.text, phrase.end
        return None
    return None


@attrs.frozen
class _Dateline:
    """A dateline opening the body.

    Its date (None for a day without its year), as written, where the body starts after it, and the agency it
    names ("" if none).
    """

    dated: UncertainDate | None
    written: str
    body: int
    agency: str


def _opening_dateline(text: str, position: int) -> _Dateline | None:
    """A dateline opening the body ("12 March 2024 — ", "KYIV, 12 March 2024 (Reuters) - ").

    Returns:
        Its date, the date as written, where the body starts after it, and its agency; None without one.

    """
    start = position + len(text[position:]) - len(text[position:].lstrip())
    place = _PLACE.match(text, start)
    at = place.end() if place is not None else start
    date = _date_at_start(text[at : at + 120], day_alone=place is not None)
    if date is None:
        return None
    value, written, end = date
    after = _AFTER_DATELINE.match(text, at + end)
    if after is None:
        # "LONDON, 14 March 2025. The governor said ...": a full stop closes a place's dated line too
        stop = _FULL_STOP.match(text, at + end)
        if place is None or value is None or stop is None:
            return None
        return _Dateline(value, written, stop.end(), "")
    agency = (after["bracketed"] or after["slashed"] or after["named"] or after["known"] or "").strip()
    body = after.end()
    if after["known"] and agency.casefold() not in _KNOWN_OUTLETS:
        # "— Тривога." is the first sentence, not an agency: the body starts after the dash
        agency, body = "", after.start("known")
    return _Dateline(value, written, body, _KNOWN_OUTLETS.get(agency.casefold(), agency))


def _main_script(text: str) -> str | None:
    """The script most of the text's letters are in ("Cyrillic", "Hangul"), where it is not Latin; else None.

    A short quotation in another script inside an English article leaves its letters mostly Latin.
    """
    scripts: dict[str, int] = {}
    for character in text[:_SCRIPT_SAMPLE]:
        if character.isalpha():
            script = unicodedata.name(character, "UNKNOWN").split(" ")[0]
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    if not letters or scripts.get("LATIN", 0) * 2 > letters:
        return None
    return max(scripts, key=lambda script: scripts[script]).title().replace("Cjk", "CJK")


def _names(text: str) -> tuple[str, ...]:
    """The names of a byline: "Alberto Nardelli and Michael Nienaber" -> both."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text.strip().rstrip("."))
    return tuple(part.strip() for part in parts if part.strip())


def source_id_for(name: str) -> str:
    """The id a source drafted from the file ``name`` gets: its name without folders and extension, as a slug."""
    stem = Path(name).stem or Path(name).name
    return "-".join(slug(stem, "a-z0-9_.")).strip("-._") or "article"
