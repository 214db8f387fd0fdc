"""The common event's table, checked and gathered in one pass.

Most events of a file have the common keys only: an id, a title, a date, a kind, names (actors,
places, tags), a summary and citations of a source with a quote (and where it is), and perhaps an anchor their date
is read from. :func:`_plain_fields` tells such a table, every check passed, and gives its fields
ready to build the event; the loader (:mod:`chronology.files.load`) reads every other table in full.
"""

from __future__ import annotations

from typing import Any, Final

from chronology.events import ID_PATTERN, Citation
from chronology.files.schema import REQUIRED

#: The keys of the common event, read by _Reader._plain_event: no links, anchor, tense, claims or extra.
_PLAIN_EVENT_KEYS: Final = frozenset(
    {"id", "title", "when", "kind", "actors", "places", "tags", "summary", "citations"}
)
_ANCHORED_EVENT_KEYS: Final = _PLAIN_EVENT_KEYS | {"anchor"}  # and the common event dated by a phrase (_plain_fields)
_PLAIN_CITATION_KEYS: Final = frozenset({"source", "quote", "locator"})  # a citation's keys but its own date's
_EVENT_REQUIRED: Final = REQUIRED["event"]
_ID_MATCH: Final = ID_PATTERN.fullmatch


def _plain_fields(
    table: dict[str, Any], cited: dict[str, bool], alone: dict[str, tuple[str]]
) -> tuple[Any, ...] | None:
    """The fields of a common event's table that passes every check at once; None for any other table.

    A common event has the common keys only (no links, tense, claims or extra, as ``_Reader._plain_event``
    reads; an anchor, if any, an id, whose event is built only if its date is a phrase read from it),
    each of its shape, its texts printable (a tab or a line break is
    left to the full check, which says whether it is allowed), a title not blank, and citations of a
    source (an id; each id matched once, as ``cited`` keeps them), a printable quote and locator: what
    :func:`_sound` and ``_plain_event`` accept together, in one pass. The fields: the id (matched with
    the others later), the title, the text of ``when``, the kind, the actors, places and tags (a name
    listed alone as ``alone`` shares it), the summary, the citations and the anchor (or None).
    """
    keys = table.keys()
    if not (keys <= _PLAIN_EVENT_KEYS and _EVENT_REQUIRED.keys() <= keys):
        if not (keys <= _ANCHORED_EVENT_KEYS and _EVENT_REQUIRED.keys() <= keys):
            return None
        anchor = table["anchor"]
        if anchor.__class__ is not str or _ID_MATCH(anchor) is None:
            return None
    else:
        anchor = None
    event_id, title, when = table["id"], table["title"], table["when"]
    if (
        event_id.__class__ is not str
        or when.__class__ is not str
        or title.__class__ is not str
        or not title.isprintable()  # nor a line break, then
        or not title
        or title.isspace()
    ):
        return None
    get = table.get
    kind, summary = get("kind", ""), get("summary", "")
    if kind.__class__ is not str or not kind.isprintable() or summary.__class__ is not str or not summary.isprintable():
        return None
    actors, places, tags = get("actors"), get("places"), get("tags")
    if actors is None:
        actors = ()
    elif (actors := _plain_names(actors, alone)) is None:
        return None
    if places is None:
        places = ()
    elif (places := _plain_names(places, alone)) is None:
        return None
    if tags is None:
        tags = ()
    elif (tags := _plain_names(tags, alone)) is None:
        return None
    citations: list[Citation] = []
    items = get("citations", ())
    if items.__class__ is not list and items != ():
        return None
    for item in items:
        citation = plain_citation(item, cited) if item.__class__ is dict else None
        if citation is None:
            return None
        citations.append(citation)
    return (event_id, title, when, kind, actors, places, tags, summary, tuple(citations), anchor)


def plain_citation(item: dict[str, Any], cited: dict[str, bool]) -> Citation | None:
    """A citation of a source, a quote and a locator, every check passed (its id noted in ``cited``); else None."""
    source, quote, locator = item.get("source"), item.get("quote", ""), item.get("locator", "")
    if not (
        item.keys() <= _PLAIN_CITATION_KEYS
        and source.__class__ is str
        and quote.__class__ is str
        and quote.isprintable()
        and locator.__class__ is str
        and locator.isprintable()
        and (source in cited or (_ID_MATCH(source) is not None and cited.setdefault(source, True)))
    ):
        return None
    return Citation._checked(source, quote, locator, None)


def _plain_names(value: Any, alone: dict[str, tuple[str]]) -> tuple[str, ...] | None:
    """A list of names, each a printable text, as :func:`_names` gives it; None for anything else."""
    if value.__class__ is not list:
        return None
    for name in value:
        if name.__class__ is not str:
            return None
    if not "".join(value).isprintable():
        return None
    return _names(value, alone)


def _names(value: list[str] | tuple[()], alone: dict[str, tuple[str]]) -> tuple[str, ...]:
    """A list of names (checked: each a ``str``) as a tuple; one name alone as the tuple ``alone`` holds for it.

    Tags, actors and places come from a small vocabulary: events that list the same one name share its tuple.
    """
    if len(value) != 1:
        return tuple(value)
    name = value[0]
    found = alone.get(name)
    if found is None:
        found = alone[name] = (name,)
    return found
