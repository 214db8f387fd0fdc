"""Helpers shared by the tests of drafts in each language: a draft of a text, and a date's days as ISO text."""

from __future__ import annotations

import datetime

from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.draft.propose import ArticleDraft


def iso_days(value: object) -> tuple[str, str]:
    """The first and last day of a date that is one instant, as ISO text."""
    assert isinstance(value, UncertainDate)
    day = datetime.date.fromordinal
    return day(value.earliest_day).isoformat(), day(value.latest_day).isoformat()


def draft_text(text: str, name: str, **options: object) -> ArticleDraft:
    """The draft of ``text`` read as the article ``name``."""
    return draft_article(article_from_text(text, name), **options)  # type: ignore[arg-type]
