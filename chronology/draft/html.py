"""Reading an HTML page: its main text and what its metadata says (title, outlet, author, address, date).

A saved page holds far more than its article: menus, links to other stories,
footers, cookie notices. ``trafilatura`` (the ``draft`` extra) keeps the main
text, one paragraph a line, and reads the page's metadata.

The publication date is read from the page's metadata only: its ``<head>``
(``<meta property="article:published_time">``, ``<meta name="date">`` and the
like) and its JSON-LD (``"datePublished"``), the original publication
preferred over a later update. A date found only in the page's text (a footer's
"Posted 2023-05-01", a menu's "Archive of 12 March 2024") is not taken for the
page's date: nothing is guessed, and a page whose metadata gives no date is
undated, unless its main text opens with a dateline (read as a plain-text
article's is).
"""

from __future__ import annotations

import copy
import re
from typing import Any, Final

import attrs

from chronology._extras import require
from chronology.dates import UncertainDate
from chronology.draft.errors import DraftError
from chronology.errors import ChronologyError

__all__ = ["Page", "read_page"]

#: What needs ``trafilatura``, for the message that says how to install it.
_FEATURE: Final = "HTML pages"
#: JSON-LD scripts, wherever the page puts them (many put them at the end of the body).
_JSON_LD: Final = "//script[@type='application/ld+json']"
_SPACES: Final = re.compile(r"\s+")


@attrs.frozen(kw_only=True)
class Page:
    """An HTML page, reduced to its main text and its metadata.

    Attributes:
        text: the main text, its paragraphs apart by a blank line, the headline that opens it left out.
        title: the page's title (its metadata's, else its headline), or "".
        outlet: the site's name, or "".
        authors: the authors the metadata names.
        url: the page's own address (its canonical link), or "".
        published: the publication date its metadata gives, or None.
        date_written: that date as the metadata reader gives it ("2024-03-11"), or "".

    """

    text: str
    title: str = ""
    outlet: str = ""
    authors: tuple[str, ...] = ()
    url: str = ""
    published: UncertainDate | None = None
    date_written: str = ""


def read_page(data: bytes, name: str) -> Page:
    """Reduce the HTML page ``data`` (read from the file ``name``) to its main text and metadata.

    Args:
        data: the page as saved, in any encoding it declares (UTF-8 when it declares none).
        name: the file it came from, for messages.

    Returns:
        The page's main text, title, outlet, authors, address and publication date.

    Raises:
        MissingExtraError: ``trafilatura`` is not installed (``pip install "chronology[draft]"``).
        DraftError: the page cannot be parsed, or has no main text.

    """
    trafilatura = require("trafilatura", "draft", _FEATURE)
    tree = trafilatura.load_html(data)
    if tree is None:
        raise DraftError(
            f"{name}: is not an HTML page that can be read; save it again, or save its text and draft that"
        )
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree))
    dated = trafilatura.extract_metadata(
        _metadata_only(tree), date_config={"extensive_search": False, "original_date": True}
    )
    extracted = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=False, include_images=False, with_metadata=False
    )
    paragraphs = _paragraphs(getattr(extracted, "text", None) or "")
    title = _one_line(metadata.title)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline that opens the main text
    if not paragraphs:
        raise DraftError(
            f"{name}: the page has no main text to draft (only menus, links or scripts were found); "
            "save the article's own page, or its text"
        )
    written = _one_line(dated.date)
    return Page(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=_one_line(metadata.sitename),
        authors=_authors(metadata.author),
        url=_one_line(metadata.url),
        published=_date(written, name),
        date_written=written,
    )


def _metadata_only(tree: Any) -> Any:
    """A page of ``tree``'s head and JSON-LD scripts alone: where a publication date is read from."""
    lxml_html = require("lxml.html", "draft", _FEATURE)
    page = lxml_html.fromstring("<html><head></head></html>")
    head = page.find("head")
    source = tree.find("head")
    if source is not None:
        for element in source:
            head.append(copy.deepcopy(element))
    in_head = set(source.iter()) if source is not None else set()
    for script in tree.xpath(_JSON_LD):
        if script not in in_head:
            head.append(copy.deepcopy(script))
    return page


def _date(written: str, name: str) -> UncertainDate | None:
    """The day the metadata reader gives ("2024-03-11"), as a date; None for none."""
    if not written:
        return None
    try:
        return UncertainDate.parse(written)
    except ChronologyError as error:
        raise DraftError(
            f"{name}: the page's metadata gives the date {written!r}, which is not a day ({error}); "
            "give the date with --published"
        ) from None


def _one_line(value: object) -> str:
    return _SPACES.sub(" ", value).strip() if isinstance(value, str) else ""


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of the text the extractor gives (one a line), each on one line, the blank ones left out."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n"))
    return [line for line in lines if line]


def _authors(value: object) -> tuple[str, ...]:
    """The authors the metadata names ("Jane Rivers; John Doe"), each once."""
    names = [_one_line(part) for part in value.split(";")] if isinstance(value, str) else []
    return tuple(dict.fromkeys(name for name in names if name))
