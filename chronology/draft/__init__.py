"""Drafting a chronology from the reports themselves: articles in, proposed events out, for review.

The steps, one module each, data flowing one way:

* ``draft.article`` reads a plain-text article (its headline,
  byline, outlet and dateline, where the text gives them);
* ``draft.sentences`` splits its body into sentences;
* :func:`chronology.notation.find_dates` finds each date phrase of a sentence;
* ``draft.roles`` tells a statement's date from the date of
  what it reports, and who speaks; ``draft.claims`` finds figures;
  ``draft.titles`` cuts titles from sentences;
* ``draft.propose`` makes the events of one article;
* ``draft.write`` writes them as an event file, or adds them to one;
* ``draft.command`` is ``chronology draft``.

The names below are imported when first used, so that the command line, which
registers ``draft`` among its commands, does not load the drafting code for
every other command.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from chronology.draft.article import Article, article_from_text, read_article
    from chronology.draft.errors import DraftError
    from chronology.draft.propose import DRAFT_TAG, ArticleDraft, Leftover, Proposal, draft_article
    from chronology.draft.write import Written, write_draft

__all__ = [
    "DRAFT_TAG",
    "Article",
    "ArticleDraft",
    "DraftError",
    "Leftover",
    "Proposal",
    "Written",
    "article_from_text",
    "draft_article",
    "read_article",
    "write_draft",
]

#: The module each public name lives in.
_HOMES: Final = {
    "Article": "article",
    "article_from_text": "article",
    "read_article": "article",
    "DraftError": "errors",
    "DRAFT_TAG": "propose",
    "ArticleDraft": "propose",
    "Leftover": "propose",
    "Proposal": "propose",
    "draft_article": "propose",
    "Written": "write",
    "write_draft": "write",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'chronology.draft' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"chronology.draft.{home}"), name)
    globals()[name] = value
    return value
