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
from chronology.errors import InvalidEventError, WrongTypeError, _shorten
from chronology.quantity import Quantity
from chronology.relative import RelativeDate, Tense

__all__ = ["ID_PATTERN", "SAYING_KINDS", "Citation", "Claim", "Event", "Source"]

#: What an id may look like: a slug of letters, digits, ``-``, ``_`` and ``.``, starting with a letter or digit.
ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")

#: The kinds of event that are a saying (compared lower-cased): a claim held by one was said when the event
#: happened, so its ``said`` defaults to the event's date rather than to its source's (see ``Timeline.said``).
SAYING_KINDS: Final = frozenset(
    {"statement", "report", "interview", "speech", "announcement", "briefing", "press conference", "testimony"}
)


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or ID_PATTERN.fullmatch(value) is None:
        raise InvalidEventError(
            f"{attribute.name} {value!r} is not a valid id: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit"
        )


#: What str.splitlines ends a line at (LF, VT, FF, CR, FS, GS, RS, NEL, U+2028, U+2029): no title holds one.
_LINE_BREAK: Final = re.compile("[\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]")
#: What to do about a title that is not one line of text: every reader of titles says it.
_TITLE_ADVICE: Final = "give one line saying what happened (more goes in 'summary')"


def _title_fault(title: str, *, required: bool = False) -> str | None:
    """What is wrong with ``title`` as an event's title, as "the title ..." goes on; None for a sound title.

    The one rule for titles, which the event, the columnar reader and the event file share: a title is
    one line (none of the characters :meth:`str.splitlines` breaks at: "runs over more than one line"),
    and not blank space alone ("is empty"). "" is no title, which an event may have; ``required``:
    not even that (an event file's title, a required key).
    """
    if title.isprintable():  # the common title, in C: no line break (nor tab, nor NBSP) in it, then
        return "is empty" if title.isspace() or (required and not title) else None
    if title.isspace():  # ("\n" alone, or a tab: blank, before broken)
        return "is empty"
    if _LINE_BREAK.search(title) is not None:
        return "runs over more than one line"
    return None  # a tab or another character not printed (the event file refuses control characters itself)


def _title_problem(fault: str, title: str | None = None) -> str:
    """The message for a title with ``fault``, for a caller to place; ``title``, if given, is shown shortened.

    (A blank title is not shown: "is empty" says what it holds.)
    """
    shown = "" if title is None or fault == "is empty" else f" ({_shorten(title)!r})"
    return f"the title {fault}{shown}: {_TITLE_ADVICE}"


def _check_title(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A title is text of one line, not blank, as the event file (and so the CSV and JSON readers) asks.

    Refused here, when the event is made, rather than when what ``to_csv`` or ``to_json`` wrote of it
    is read back; the rule and the message are the file reader's (``_title_fault``), with the
    event's id and the title of more than one line shown.
    """
    where = f"event {getattr(instance, 'id', '?')!r}, field {attribute.name!r}"
    given: object = value  # typed as text, but callers may pass anything (a missing cell's NaN)
    if not isinstance(given, str):
        raise WrongTypeError(f"{where}: expected a string (one line saying what happened), got {type(given).__name__}")
    fault = _title_fault(value)
    if fault is not None:
        raise InvalidEventError(f"{where}: {_title_problem(fault, value)}")


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


#: What a locator is, for messages: every reader of locators says it.
_LOCATOR_ADVICE: Final = "give one line naming the place in the source ('p. 23', 'f. 12v', 'pp. 40-42')"


def _locator_problem(locator: str) -> str | None:
    """The message for a citation's ``locator`` that is not one line of text, for a caller to place; None if it is."""
    if locator.isprintable() or _LINE_BREAK.search(locator) is None:
        return None
    return f"the locator runs over more than one line ({_shorten(locator)!r}): {_LOCATOR_ADVICE}"


def _check_locator(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A locator is text of one line, as the event file (and so the CSV and JSON readers) asks; refused when made."""
    where = f"citation of {getattr(instance, 'source', '?')!r}, field {attribute.name!r}"
    given: object = value  # typed as text, but callers may pass anything (a missing cell's NaN)
    if not isinstance(given, str):
        raise WrongTypeError(f"{where}: expected a string ({_LOCATOR_ADVICE}), got {type(given).__name__}")
    problem = _locator_problem(value)
    if problem is not None:
        raise InvalidEventError(f"{where}: {problem}")


class _CitationSlots:
    """The storage of a :class:`Citation`, in a base class of its own (as :class:`_EventSlots` says)."""

    __slots__ = ("__weakref__", "locator", "quote", "source", "when")


class _CitationFiller(_CitationSlots):
    """A :class:`Citation` while its slots are written."""

    __slots__ = ()


@attrs.frozen(kw_only=True)
class Citation(_CitationSlots):
    """A source that supports an event, with the sentence that does.

    Attributes:
        source: the source's id.
        quote: the supporting sentence, as written.
        locator: where in the source it is, as a citation gives it: a page, a folio, a section
            ("p. 23", "f. 12v", "pp. 40-42", "s.v. 'plague'"); one line of text, ``""`` for none.
        when: the date as the source words it from its own publication ("next week", "on Tuesday"), if
            given (:func:`chronology.parse_expression` reads one). It dates an undated source: the source
            was published where the phrase, read from that day, can reach the event's date.

    """

    source: str = attrs.field(validator=_check_id)
    quote: str = ""
    locator: str = attrs.field(default="", validator=_check_locator)
    when: RelativeDate | None = attrs.field(default=None, validator=_check_reading)

    @classmethod
    def _checked(cls, source: str, quote: str, locator: str, when: RelativeDate | None) -> Citation:
        """Build from values the file loader has checked (``source`` an id, ``when`` a phrase, ``locator`` one line)."""
        self: Any = _new(_CitationFiller)  # as Event._checked
        self.source = source
        self.quote = quote
        self.locator = locator
        self.when = when
        self.__class__ = cls
        return self  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Claim:
    """A figure someone claims, attributed; conflicting claims stand side by side.

    Attributes:
        subject: what is claimed ("North Korean troops in Russia").
        value: the figure or range, as stated.
        unit: what the figure counts ("soldiers").
        claimant: who claims it ("the Pentagon").
        source: the id of the source that carries the claim, if known.
        said: when it was said; ``None``: the date of the event that holds the
            claim where that event is a saying (its ``kind`` one of
            ``SAYING_KINDS``), else its source's publication date where
            known, else the event's date (see ``Timeline.said``).
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


class _EventSlots:
    """The storage of an :class:`Event`: the slots of its fields, in a base class of their own.

    An event is frozen: its ``__setattr__`` refuses every write, so a slot of it is written through
    ``object.__setattr__`` or its descriptor, a call of 70-100 ns. :class:`_EventFiller` has the same
    layout (it adds no slot) and is not frozen: a new event is made as a filler, its slots written by
    plain assignments (a few ns each), then given its class (``__class__`` may be assigned between
    classes of one layout). Nothing else sees the filler: the event is handed out only once it is one.
    """

    __slots__ = (  # Python keeps them sorted by name whatever the order here; one for each field, and __weakref__
        "__weakref__",
        "actors",
        "after",
        "anchor",
        "before",
        "citations",
        "claims",
        "extra",
        "id",
        "kind",
        "part_of",
        "places",
        "reports",
        "summary",
        "tags",
        "tense",
        "title",
        "when",
        "widening",
    )


class _EventFiller(_EventSlots):
    """An :class:`Event` while its slots are written (see :class:`_EventSlots`)."""

    __slots__ = ()


@attrs.frozen(kw_only=True, init=False)
class Event(_EventSlots):
    """Something that happened (or was planned), with an honest date.

    Attributes:
        id: a stable slug, unique in its timeline.
        title: one line saying what happened: no line break (none that
            ``str.splitlines`` splits at) and not blank space alone; "" for
            none (an event file's event needs one).
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
    title: str = attrs.field(validator=_check_title)
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

    def __init__(
        self,
        *,
        id: str,
        title: str,
        when: DateValue,
        kind: str = "",
        actors: Iterable[str] | str = (),
        places: Iterable[str] | str = (),
        tags: Iterable[str] | str = (),
        summary: str = "",
        citations: Iterable[Citation] = (),
        claims: Iterable[Claim] = (),
        after: Iterable[str] | str = (),
        before: Iterable[str] | str = (),
        part_of: str | None = None,
        reports: Iterable[str] | str = (),
        anchor: str | None = None,
        tense: Tense = Tense.PAST,
        widening: Widening | None = None,
        extra: Mapping[str, Any] = attrs.NOTHING,  # type: ignore[assignment]  # as attrs writes a factory's default
    ) -> None:
        """What the ``__init__`` attrs would write does, in fewer steps: the same converters and validators.

        The fields' converters and validators (as :func:`attrs.fields` lists them) are applied first, a
        tuple or the shared empty mapping taken as it is; then the slots are written as
        :class:`_EventSlots` says. A subclass's instance is written field by field, as attrs would.
        """
        if actors.__class__ is not tuple:
            actors = _strings(actors)
        if places.__class__ is not tuple:
            places = _strings(places)
        if tags.__class__ is not tuple:
            tags = _strings(tags)
        if citations.__class__ is not tuple:
            citations = _citations(citations)
        if claims.__class__ is not tuple:
            claims = _claims(claims)
        if after.__class__ is not tuple:
            after = _strings(after)
        if before.__class__ is not tuple:
            before = _strings(before)
        if reports.__class__ is not tuple:
            reports = _strings(reports)
        extra = _NOTHING if extra is _NO_VALUE or extra is _NOTHING else _frozen_mapping(extra)
        if not _validators_disabled():
            if id.__class__ is not str or _ID_FULLMATCH(id) is None:
                _check_id(self, _ID_FIELD, id)
            if title.__class__ is not str or not title.isprintable() or title.isspace():  # ~75 ns for the common
                _check_title(_Named(id), _TITLE_FIELD, title)
            given: object = when  # typed as a date value, but callers may pass anything
            if not isinstance(given, _DATE_TYPES):
                _check_when(self, _WHEN_FIELD, when)
        if self.__class__ is not Event:  # a subclass may add slots: written one by one
            for name, value in zip(
                _FIELD_NAMES,
                (
                    id,
                    title,
                    when,
                    kind,
                    actors,
                    places,
                    tags,
                    summary,
                    citations,
                    claims,
                    after,
                    before,
                    part_of,
                    reports,
                    anchor,
                    tense,
                    widening,
                    extra,
                ),
                strict=True,
            ):
                _object_setattr(self, name, value)
            return
        _object_setattr(self, "__class__", _EventFiller)
        filler: Any = self
        filler.id = id
        filler.title = title
        filler.when = when
        filler.kind = kind
        filler.actors = actors
        filler.places = places
        filler.tags = tags
        filler.summary = summary
        filler.citations = citations
        filler.claims = claims
        filler.after = after
        filler.before = before
        filler.part_of = part_of
        filler.reports = reports
        filler.anchor = anchor
        filler.tense = tense
        filler.widening = widening
        filler.extra = extra
        filler.__class__ = Event

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
        self: Any = _new(_EventFiller)  # its slots written as _EventSlots says
        self.id = id
        self.title = title
        self.when = when
        self.kind = kind
        self.actors = actors
        self.places = places
        self.tags = tags
        self.summary = summary
        self.citations = citations
        self.claims = claims
        self.after = after
        self.before = before
        self.part_of = part_of
        self.reports = reports
        self.anchor = anchor
        self.tense = tense
        self.widening = widening
        self.extra = extra
        self.__class__ = cls
        return self  # type: ignore[no-any-return]

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


class _Named:
    """What ``_check_title`` reads of an event not yet written: its id."""

    __slots__ = ("id",)

    def __init__(self, id: str) -> None:
        self.id = id


_new = object.__new__
_object_setattr: Final = object.__setattr__
_NO_VALUE: Final[object] = attrs.NOTHING  # what attrs writes as the default of a field with a factory
_validators_disabled: Final = attrs.validators.get_disabled
_ID_FULLMATCH: Final = ID_PATTERN.fullmatch
_ID_FIELD: Final = attrs.fields(Event).id
_TITLE_FIELD: Final = attrs.fields(Event).title
_WHEN_FIELD: Final = attrs.fields(Event).when
_FIELD_NAMES: Final = tuple(field.name for field in attrs.fields(Event))
_DATE_TYPES: Final = (UncertainDate, Interval)  # as _check_when's union, as a tuple: isinstance is quicker with one
