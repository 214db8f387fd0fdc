"""The ``chronology draft`` command: articles in, a draft event file out (or added to one).

Registered by :mod:`chronology.cli`; the drafting itself lives in
:mod:`chronology.draft.propose` and the writing in :mod:`chronology.draft.write`.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

if TYPE_CHECKING:
    from chronology.dates import UncertainDate
    from chronology.draft.article import Article
    from chronology.draft.cues import Language

__all__ = ["add_draft_command", "run_draft"]

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)
_EXPECTED: Final = "a day ('2024-11-17') or the days it may be from ('[2024-10-28..2024-10-31]')"
#: The files of a folder given as ARTICLE that are drafted: articles in plain text, Markdown or HTML.
FOLDER_SUFFIXES: Final = (".txt", ".text", ".md", ".html", ".htm")


def add_draft_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Add ``draft`` to the command line's commands."""
    draft = commands.add_parser(
        "draft",
        help="draft an event file from articles",
        description="Propose events from articles, in plain text or as HTML pages: one per date phrase, its "
        "sentence quoted, its date kept as written and read from the article's date, figures as claims. Every "
        "event is tagged 'draft' for review; what cannot be drafted is kept in comments. The file is checked "
        "before it is written. An HTML page (.html, .htm, or a file that starts as one) is reduced to its main "
        "text, and its title, outlet, authors and publication date are read from its metadata (this needs the "
        'draft extra: pip install "chronology[draft]").',
        epilog="example: chronology draft article.txt --published 2024-11-17 -o draft.toml",
    )
    draft.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="articles in plain text (UTF-8), or HTML pages; or a folder of them (its "
        f"{', '.join(FOLDER_SUFFIXES)} files, in the order of their names)",
    )
    draft.add_argument("-o", "--output", required=True, metavar="OUT", help="the event file to write (TOML)")
    draft.add_argument(
        "--published",
        action="append",
        default=[],
        type=_published,
        metavar="[FILE=]DATE",
        help="when an article was published, where its text or page does not say (or says otherwise: a warning "
        "names both dates, and this one is used): DATE for a single article, FILE=DATE for each of several "
        "(repeatable); a DATE may be uncertain: '[2024-10-28..2024-10-31]'. Without one, an undated article's "
        "relative dates are kept in comments",
    )
    draft.add_argument(
        "--language",
        choices=("en", "ru", "uk", "ko"),
        default=None,
        help="the articles' language: English, Russian, Ukrainian or Korean; without it, each article's is "
        'detected from its text (which needs pip install "chronology[draft]")',
    )
    draft.add_argument(
        "--append",
        action="store_true",
        help="add to OUT, which may exist: events already there (the same source, quote and date as written) are "
        "not added again",
    )
    draft.set_defaults(draft_parser=draft)


def _published(text: str) -> tuple[str | None, UncertainDate]:
    """An argument type: ``DATE`` or ``FILE=DATE``, the date read as a date of its own (one day, maybe uncertain)."""
    from chronology.dates import UncertainDate
    from chronology.errors import ChronologyError
    from chronology.notation import parse, parse_expression
    from chronology.relative import RelativeDate

    name, equals, date = text.rpartition("=")
    if equals and not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r} names no article before '='; expected DATE or FILE=DATE")
    try:
        value = parse(date)
    except ChronologyError as error:
        if _without_year(date):
            with_year = shlex.quote(f"{name}{equals}{date.strip()} YYYY")
            raise argparse.ArgumentTypeError(
                f"{date!r} gives no year: add the year it was published, as --published {with_year} (a "
                f"publication date is read on its own, from nothing else); expected {_EXPECTED}"
            ) from None
        reason = getattr(error, "reason", str(error))
        try:
            relative = isinstance(parse_expression(date), RelativeDate)
        except ChronologyError:
            relative = False
        if relative:
            reason = "it is relative to another date, and a publication date is read on its own, from nothing else"
        raise argparse.ArgumentTypeError(f"{date!r} is not a date ({reason}); expected {_EXPECTED}") from None
    if not isinstance(value, UncertainDate):
        raise argparse.ArgumentTypeError(
            f"{date!r} lasts; a publication is one date, maybe uncertain: expected {_EXPECTED}"
        )
    return (name or None), value


def _without_year(text: str) -> bool:
    """Whether ``text`` is a day written without its year ("Nov 17"): with a year, it reads as that day."""
    from chronology.dates import Precision, UncertainDate
    from chronology.errors import ChronologyError
    from chronology.notation import parse

    try:
        value = parse(f"{text.strip()} 2024")
    except ChronologyError:
        return False
    return isinstance(value, UncertainDate) and value.precision is Precision.DAY and "2024" not in text


def run_draft(arguments: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Run ``chronology draft``: read the articles, draft them, write the draft; print what was done.

    A publication date given (``--published``) that disagrees with the one the article itself gives (its
    dateline, or its page's metadata) is used, and a warning on ``err`` (standard error by default) says so.
    """
    from chronology.draft.article import read_article
    from chronology.draft.errors import DraftError
    from chronology.draft.propose import draft_article
    from chronology.draft.write import write_draft

    parser: argparse.ArgumentParser = arguments.draft_parser
    articles = _articles_in(arguments.articles)
    given: dict[str, int] = {}  # each article's real path, and where it is first given
    for index, name in enumerate(articles):
        first = given.setdefault(os.path.realpath(name), index)
        if first != index:
            earlier = articles[first]
            same = f"{name} is given twice" if earlier == name else f"{earlier} and {name} are the same file"
            parser.error(f"{same}: give each article once")
    folder = os.path.dirname(os.path.abspath(arguments.output))
    if not os.path.isdir(folder):
        raise DraftError(f"-o {arguments.output}: the folder {folder!r} does not exist; create it, or write elsewhere")
    dates = _dates_for(parser, articles, arguments.published)
    drafts = []
    for name in articles:
        article = read_article(name)
        date = dates.get(name)
        if date is not None:
            _warn_if_disagreeing(article, date, sys.stderr if err is None else err)
        if arguments.language is not None:
            _warn_if_other_language(article, arguments.language, sys.stderr if err is None else err)
        drafts.append(draft_article(article, published=date, language=arguments.language))
    seen: dict[str, str] = {}
    for draft in drafts:
        other = seen.setdefault(draft.source.id, draft.article.name)
        if other != draft.article.name:
            raise DraftError(
                f"{other} and {draft.article.name} would both be source {draft.source.id!r} (a source is named "
                "after its file): rename one of them"
            )
    written = write_draft(arguments.output, drafts, append=arguments.append)
    for draft in drafts:
        published = draft.source.published
        when = "undated" if published is None else f"published {published.label}"
        kept = f", {_count(len(draft.leftovers), 'phrase')} kept in comments" if draft.leftovers else ""
        print(f"{draft.article.name}: {_count(len(draft.proposals), 'event')} proposed ({when}){kept}", file=out)
        if published is None and draft.article.dateline:
            year = shlex.quote(f"{draft.article.name}=YEAR")
            print(
                f"  {draft.article.name}: its dateline gives the day, {draft.article.dateline!r}, but not the year: "
                f"give the year it was published, --published {year} (for {draft.article.dateline} YEAR), and its "
                "relative dates are drafted",
                file=out,
            )
    again = f", {written.present} already there" if written.present else ""
    if written.reviewed:
        again += (
            f", {written.reviewed} drafted before and removed or rewritten in review since (its source's "
            "'drafted' list records them): not proposed again"
        )
    dated = "".join(
        f", and set published = {set_date!r} on its source {source_id!r} (undated until now)"
        for source_id, set_date in written.dated
    )
    review = (
        ": review each (they are tagged 'draft'), then `chronology validate` and `chronology list`"
        if written.events
        else ""
    )
    print(
        f"{'added' if arguments.append else 'wrote'} {_count(written.events, 'event')}{again} to "
        f"{arguments.output}{dated}{review}",
        file=out,
    )
    return 0


def _articles_in(given: Sequence[str]) -> list[str]:
    """The articles named on the command line, each folder among them replaced by its articles, sorted by name.

    Raises:
        DraftError: a folder holds no article (no file ending in one of :data:`FOLDER_SUFFIXES`).

    """
    from chronology.draft.errors import DraftError

    articles: list[str] = []
    for name in given:
        if not os.path.isdir(name):
            articles.append(name)
            continue
        found = sorted(
            entry.name
            for entry in os.scandir(name)
            if entry.is_file() and os.path.splitext(entry.name)[1].lower() in FOLDER_SUFFIXES
        )
        if not found:
            kinds = ", ".join(FOLDER_SUFFIXES[:-1]) + f" or {FOLDER_SUFFIXES[-1]}"
            raise DraftError(
                f"{name}: the folder holds no article (no {kinds} file); give the articles' files, or the folder "
                "that holds them"
            )
        articles.extend(os.path.join(name, entry) for entry in found)
    return articles


def _warn_if_disagreeing(article: Article, given: UncertainDate, err: TextIO) -> None:
    """Warn on ``err`` when ``given`` (``--published``) and the date the article gives cannot both be true."""
    own = article.dated
    if own is None or not (given.latest < own.earliest or own.latest < given.earliest):
        return
    said = "its page's metadata" if article.dated_from == "metadata" else "its dateline"
    print(
        f"chronology draft: warning: {article.name}: --published {_written(given)} disagrees with the date "
        f"{said} gives ({article.dateline!r}, {own.label}); the draft uses --published {_written(given)}",
        file=err,
    )


def _warn_if_other_language(article: Article, given: Language, err: TextIO) -> None:
    """Warn on ``err`` when the article may not be in the language given (``--language``), saying what it costs."""
    from chronology.draft.language import LANGUAGE_NAMES, language_mismatch

    mismatch = language_mismatch(article.body_text, given)
    if mismatch is None:
        return
    found, consequence = mismatch
    print(
        f"chronology draft: warning: {article.name}: --language {given} ({LANGUAGE_NAMES[given]}) was given, but "
        f"the article is {found}; {consequence}. Leave --language out to detect each article's language, or give "
        "the right one",
        file=err,
    )


def _written(date: UncertainDate) -> str:
    return date.text or date.to_edtf()


def _dates_for(
    parser: argparse.ArgumentParser, articles: Sequence[str], given: Sequence[tuple[str | None, UncertainDate]]
) -> dict[str, UncertainDate]:
    """The publication date given for each article (by name), or a usage error saying what does not fit."""
    dates: dict[str, UncertainDate] = {}
    for name, date in given:
        if name is None:
            if len(articles) != 1:
                written = date.text or date.to_edtf()
                each = " ".join(f"--published {shlex.quote(f'{name}={written}')}" for name in articles)
                parser.error(
                    f"--published {written}: with {len(articles)} articles, say which each date is for (a date "
                    f"for one article is not taken for the others): write {each}, with each article's own date"
                )
            article = articles[0]
        else:
            article = _article_named(parser, articles, name)
        if article in dates:
            parser.error(f"--published: {article} is given two dates")
        dates[article] = date
    return dates


def _article_named(parser: argparse.ArgumentParser, articles: Sequence[str], name: str) -> str:
    """The article ``name`` means: the same path, or the same file name when one article has it."""
    same = [a for a in articles if os.path.normpath(a) == os.path.normpath(name)]
    if not same:
        same = [a for a in articles if os.path.basename(a) == os.path.basename(name)]
    if len(same) != 1:
        given = ", ".join(articles)
        why = "is none of the articles" if not same else "names several articles"
        parser.error(f"--published {name}=...: {name!r} {why} given ({given})")
    return same[0]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
