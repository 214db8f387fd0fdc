"""Events, the sources that report them, and the figures they claim.

Plain frozen values: they know nothing of files. An :class:`Event` needs only
an ``id``, a ``title`` and a ``when``; everything else has a default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from chronology.dates import DateValue, Interval, UncertainDate, Widening
from chronology.errors import InvalidEventError, WrongTypeError
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense

__all__ = ["ID_PATTERN", "Citation", "Claim", "Event", "Source"]

#: What an id may look like: a slug of letters, digits, ``-``, ``_`` and ``.``, starting with a letter or digit.
ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or ID_PATTERN.fullmatch(value) is None:
        raise InvalidEventError(
            f"{attribute.name} {value!r} is not a valid id: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit"
        )


def _strings(value: Iterable[str] | str) -> tuple[str, ...]:
    """Normalise a list of names to a tuple; a lone string is one name, not its letters."""
    if value.__class__ is tuple:  # the common case (the default, or the loader's): kept as it is
        return value
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if not value:
        return _NOTHING  # one shared, read-only, empty mapping
    return MappingProxyType(dict(value))


_NOTHING: Final[Mapping[str, Any]] = MappingProxyType({})


def _check_when(instance: object, attribute: attrs.Attribute[DateValue], value: DateValue) -> None:
    if not isinstance(value, UncertainDate | Interval):
        raise WrongTypeError(
            f"{attribute.name} must be a date value (chronology.parse('2024-10-18')), not {type(value).__name__}"
        )


def _check_reading(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, RelativeDate) and value.needs_anchor):
        raise WrongTypeError(
            f"{attribute.name} must be a relative phrase read by chronology.parse_expression('next week') "
            f"(one that needs the source's date), not {type(value).__name__}"
        )


@attrs.frozen(kw_only=True)
class Citation:
    """A source that supports an event, with the sentence that does.

    Attributes:
        source: the source's id.
        quote: the supporting sentence, as written.
        when: the date as the source words it from its own publication ("next week", "on Tuesday"), if
            given (:func:`chronology.parse_expression` reads one). It dates an undated source: the source
            was published where the phrase, read from that day, can reach the event's date.

    """

    source: str = attrs.field(validator=_check_id)
    quote: str = ""
    when: RelativeDate | None = attrs.field(default=None, validator=_check_reading)

    @classmethod
    def _checked(cls, source: str, quote: str, when: RelativeDate | None) -> Citation:
        """Build from values the file loader has checked (``source`` an id, ``when`` a phrase that needs one)."""
        self = _new(cls)
        _SET_SOURCE(self, source)
        _SET_QUOTE(self, quote)
        _SET_CITATION_WHEN(self, when)
        return self


@attrs.frozen(kw_only=True)
class Claim:
    """A figure someone claims, attributed; conflicting claims stand side by side.

    Attributes:
        subject: what is claimed ("North Korean troops in Russia").
        value: the figure or range, as stated.
        unit: what the figure counts ("soldiers").
        claimant: who claims it ("the Pentagon").
        source: the id of the source that carries the claim, if known.
        said: when it was said, if it differs from its event's date; ``None``
            means the date of the event that holds the claim.
        anchor: the id ``said`` was read against, when it was relative.
        quote: the supporting sentence.

    """

    subject: str
    value: Quantity
    unit: str = ""
    claimant: str = ""
    source: str | None = None
    said: DateValue | None = None
    anchor: str | None = None
    quote: str = ""


@attrs.frozen(kw_only=True)
class Source:
    """A report that events are drawn from.

    Attributes:
        id: a stable slug.
        outlet: the publication.
        title: the headline.
        authors: who wrote it.
        published: when it was published; uncertain where the report is undated.
        url: where it can be read.
        note: free text, such as the reasoning behind an inferred date.
        published_after: ids of events it was published after (for an undated source).
        published_before: ids of events it was published before (for an undated source).

    """

    id: str = attrs.field(validator=_check_id)
    outlet: str = ""
    title: str = ""
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    published: UncertainDate | None = None
    url: str = ""
    note: str = ""
    published_after: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    published_before: tuple[str, ...] = attrs.field(default=(), converter=_strings)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened (or was planned), with an honest date.

    Attributes:
        id: a stable slug, unique in its timeline.
        title: one line.
        when: an instant somewhere between two bounds, or something lasting.
        kind: free vocabulary ("deployment", "diplomacy", "statement", "report").
        actors: who acted.
        places: where.
        tags: free labels.
        summary: a paragraph.
        citations: the sources that support the event.
        claims: figures claimed in or about the event.
        after: ids of events this one came after.
        before: ids of events this one came before.
        part_of: the id of an event this one is part of.
        reports: ids of events this one reports (a statement about a transfer).
        anchor: the id of the source or event a relative ``when`` was read against.
        tense: how an unmarked relative ``when`` was read.
        widening: how far its approximate or uncertain date may spill over
            its bounds in "possible" answers, as its file's ``[reading]`` says;
            None for the policy the question gives (the default one).
        extra: user-defined keys, kept as given.

    """

    id: str = attrs.field(validator=_check_id)
    title: str
    when: DateValue = attrs.field(validator=_check_when)
    kind: str = ""
    actors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    places: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    summary: str = ""
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)
    after: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    before: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    part_of: str | None = None
    reports: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    anchor: str | None = None
    tense: Tense = Tense.PAST
    widening: Widening | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)

    @classmethod
    def _checked(
        cls,
        id: str,
        title: str,
        when: DateValue,
        kind: str,
        actors: tuple[str, ...],
        places: tuple[str, ...],
        tags: tuple[str, ...],
        summary: str,
        citations: tuple[Citation, ...],
        claims: tuple[Claim, ...],
        after: tuple[str, ...],
        before: tuple[str, ...],
        part_of: str | None,
        reports: tuple[str, ...],
        anchor: str | None,
        tense: Tense,
        widening: Widening | None,
        extra: Mapping[str, Any],
    ) -> Event:
        """Build from values the file loader has already checked, without the validators and converters.

        The caller vouches for what ``__init__`` would check or convert: ``id`` matches
        :data:`ID_PATTERN`, ``when`` is a date value, the name lists and ``citations`` and
        ``claims`` are tuples, ``extra`` is read-only (``_frozen_mapping`` applied). A test
        compares events built both ways from generated files.
        """
        self = _new(cls)
        _SET_ID(self, id)
        _SET_TITLE(self, title)
        _SET_WHEN(self, when)
        _SET_KIND(self, kind)
        _SET_ACTORS(self, actors)
        _SET_PLACES(self, places)
        _SET_TAGS(self, tags)
        _SET_SUMMARY(self, summary)
        _SET_CITATIONS(self, citations)
        _SET_CLAIMS(self, claims)
        _SET_AFTER(self, after)
        _SET_BEFORE(self, before)
        _SET_PART_OF(self, part_of)
        _SET_REPORTS(self, reports)
        _SET_ANCHOR(self, anchor)
        _SET_TENSE(self, tense)
        _SET_WIDENING(self, widening)
        _SET_EXTRA(self, extra)
        return self

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources cited, in order, each once."""
        return tuple(dict.fromkeys(c.source for c in self.citations))

    @property
    def links(self) -> Iterable[tuple[str, str]]:
        """Every link to another event, as (field, event id)."""
        for name in ("after", "before", "reports"):
            for target in getattr(self, name):
                yield name, target
        if self.part_of is not None:
            yield "part_of", self.part_of


_new = object.__new__
_SET_SOURCE, _SET_QUOTE, _SET_CITATION_WHEN = (Citation.__dict__[f.name].__set__ for f in attrs.fields(Citation))
# The slots' descriptors: writing through them skips the frozen __setattr__ (see Event._checked).
(
    _SET_ID,
    _SET_TITLE,
    _SET_WHEN,
    _SET_KIND,
    _SET_ACTORS,
    _SET_PLACES,
    _SET_TAGS,
    _SET_SUMMARY,
    _SET_CITATIONS,
    _SET_CLAIMS,
    _SET_AFTER,
    _SET_BEFORE,
    _SET_PART_OF,
    _SET_REPORTS,
    _SET_ANCHOR,
    _SET_TENSE,
    _SET_WIDENING,
    _SET_EXTRA,
) = (Event.__dict__[field.name].__set__ for field in attrs.fields(Event))
