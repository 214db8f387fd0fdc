"""The uncertain-date model: values that say what is known about when, and no more.

Two value types answer the same questions (``earliest``, ``latest``, ``to_edtf()``,
``label``):

* :class:`UncertainDate`, one instant known to lie somewhere between two bounds
  ("June 2024", "one day in the second week of October", "2024-10-18T14:30+09:00");
* :class:`Interval`, something that lasts from a start to an end, each an
  :class:`UncertainDate` or an :class:`Endpoint` (open ``..`` or unknown).

Internally every bound is an integer count of seconds on one proleptic Gregorian
timeline (see :mod:`chronology._calendar`), local wall-clock time, so any year
orders correctly, including the negative and five-digit years of EDTF. The public
``earliest`` and ``latest`` are pendulum values for years 1-9999.

This module knows nothing of notation, files or plots.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs
import pendulum

from chronology import _calendar
from chronology._calendar import (
    FIRST_SECOND,
    LAST_SECOND,
    MAX_ABS_YEAR,
    NEG_INF,
    OPEN_HI,
    OPEN_LO,
    POS_INF,
    SECONDS_PER_DAY,
)
from chronology.errors import DateParseError, DateRangeError, InvalidDateError, WrongTypeError

if TYPE_CHECKING:
    import datetime

    from chronology.relative import Tense

__all__ = [
    "DEFAULT_WIDENING",
    "NO_WIDENING",
    "DateValue",
    "Endpoint",
    "Interval",
    "Precision",
    "Qualifier",
    "UncertainDate",
    "Widening",
]


class Precision(enum.Enum):
    """How finely a date is given: the unit its notation names.

    Members are declared from finest to coarsest; :attr:`rank` gives that order.
    """

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    QUADRIMESTER = "quadrimester"
    SEMESTER = "semester"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"

    @property
    def rank(self) -> int:
        """Position from finest (0, second) to coarsest."""
        return _RANKS[self]

    @property
    def has_time(self) -> bool:
        """Whether values of this precision carry a time of day."""
        return self is _SECOND or self is _MINUTE or self is _HOUR

    @property
    def longest_seconds(self) -> int:
        """Length of the longest unit of this precision, in seconds (31 days for a month)."""
        return _LONGEST_SECONDS[self]


_RANKS: Final = {p: i for i, p in enumerate(Precision)}
_SECOND, _MINUTE, _HOUR = Precision.SECOND, Precision.MINUTE, Precision.HOUR  # for has_time, by identity
_DAY = SECONDS_PER_DAY
_LONGEST_SECONDS: Final = {
    Precision.SECOND: 1,
    Precision.MINUTE: 60,
    Precision.HOUR: 3600,
    Precision.DAY: _DAY,
    Precision.WEEK: 7 * _DAY,
    Precision.MONTH: 31 * _DAY,
    Precision.SEASON: 92 * _DAY,
    Precision.QUARTER: 92 * _DAY,
    Precision.QUADRIMESTER: 123 * _DAY,
    Precision.SEMESTER: 184 * _DAY,
    Precision.YEAR: 366 * _DAY,
    Precision.DECADE: 3653 * _DAY,
    Precision.CENTURY: 36525 * _DAY,
    Precision.MILLENNIUM: 365_250 * _DAY,
}


class Qualifier(enum.Flag):
    """EDTF qualifiers: approximate (``~``), uncertain (``?``), both (``%``).

    They are kept apart from the bounds: "2024-06~" has the bounds of June 2024
    and says they are approximate. See :class:`Widening` for how much an
    approximate value may spill over its bounds in "possible" questions.
    """

    NONE = 0
    APPROXIMATE = enum.auto()
    UNCERTAIN = enum.auto()
    BOTH = APPROXIMATE | UNCERTAIN

    @property
    def symbol(self) -> str:
        """The EDTF character (``""``, ``"~"``, ``"?"`` or ``"%"``)."""
        return _SYMBOLS[self]

    @classmethod
    def from_symbol(cls, symbol: str) -> Qualifier:
        """The qualifier of an EDTF character (``""``, ``"~"``, ``"?"``, ``"%"``)."""
        return _FROM_SYMBOL[symbol]


_APPROXIMATE: Final = Qualifier.APPROXIMATE.value
_UNCERTAIN: Final = Qualifier.UNCERTAIN.value


_SYMBOLS: Final = {
    Qualifier.NONE: "",
    Qualifier.APPROXIMATE: "~",
    Qualifier.UNCERTAIN: "?",
    Qualifier.BOTH: "%",
}
_FROM_SYMBOL: Final = {s: q for q, s in _SYMBOLS.items()}


class Endpoint(enum.Enum):
    """An interval end that is not a date.

    ``OPEN`` (EDTF ``..``): the interval has no end on that side; it goes on
    (or has always been). ``UNKNOWN`` (EDTF empty): the end exists but nothing
    is known of it, except that it is on the right side of the other end.
    """

    OPEN = ".."
    UNKNOWN = ""


#: What a bound beyond the years the model holds is told.
_HELD: Final = f"the model holds years -{MAX_ABS_YEAR:,} to {MAX_ABS_YEAR:,} (a side left open: OPEN_LO, OPEN_HI)"


def _held(lo: int, hi: int) -> bool:
    """Whether ``lo..hi`` are bounds of a value: in order, each within the years held or open on its side.

    Not both open: an instant with no bound on either side says nothing (and EDTF has no form for it).
    """
    if lo == OPEN_LO:
        return FIRST_SECOND <= hi <= LAST_SECOND
    return FIRST_SECOND <= lo <= hi and (hi <= LAST_SECOND or hi == OPEN_HI)


def _check_bounds(instance: UncertainDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not (FIRST_SECOND <= value <= LAST_SECOND or value == (OPEN_LO if attribute.name == "lo" else OPEN_HI)):
        raise InvalidDateError(f"{attribute.name}={value} lies outside the supported timeline: {_HELD}")


@attrs.frozen(kw_only=True, repr=False, eq=False)
class UncertainDate:
    """One instant, known to lie somewhere between two inclusive bounds.

    Build values with :func:`chronology.parse` or the named constructors; the
    fields are the model's own representation.

    Attributes:
        lo: first possible second, on the internal timeline (local wall-clock).
        hi: last possible second, inclusive.
        precision: the unit the notation names (a month for "June 2024").
        qualifier: approximate and/or uncertain, kept apart from the bounds.
        utc_offset: seconds east of UTC for values with a time and an offset;
            ``None`` for dates and for times without an offset ("floating").
        edtf: the canonical EDTF notation of the value.
        text: the original wording; not part of equality.

    """

    lo: int = attrs.field(validator=_check_bounds)
    hi: int = attrs.field(validator=_check_bounds)
    precision: Precision
    qualifier: Qualifier = Qualifier.NONE
    utc_offset: int | None = None
    edtf: str
    text: str = attrs.field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if self.lo > self.hi:
            raise InvalidDateError(f"{self.edtf or self.text!r}: earliest bound lies after the latest")
        if self.lo == OPEN_LO and self.hi == OPEN_HI:
            raise InvalidDateError("an instant open on both sides says nothing: give it a bound on one side at least")

    @classmethod
    def _trusted(
        cls,
        lo: int,
        hi: int,
        precision: Precision,
        qualifier: Qualifier,
        edtf: str,
        text: str,
        utc_offset: int | None = None,
    ) -> UncertainDate:
        """Build without validation, for the parser's checked fast paths.

        Writes the slots through their descriptors: about twice as fast as the
        generated ``__init__``, which matters when reading millions of dates.
        """
        self = _new(cls)
        _SET_LO(self, lo)
        _SET_HI(self, hi)
        _SET_PRECISION(self, precision)
        _SET_QUALIFIER(self, qualifier)
        _SET_UTC_OFFSET(self, utc_offset)
        _SET_EDTF(self, edtf)
        _SET_TEXT(self, text)
        return self

    @classmethod
    def from_days(
        cls,
        first: int,
        last: int,
        precision: Precision = Precision.DAY,
        *,
        qualifier: Qualifier = Qualifier.NONE,
        text: str = "",
    ) -> UncertainDate:
        """One day somewhere from day number ``first`` to ``last`` (inclusive).

        Day numbers are those of ``datetime.date.toordinal`` (1 is 0001-01-01),
        extended to every year.
        """
        return cls.from_seconds(
            first * SECONDS_PER_DAY,
            last * SECONDS_PER_DAY + SECONDS_PER_DAY - 1,
            precision,
            qualifier=qualifier,
            text=text,
        )

    @classmethod
    def from_seconds(
        cls,
        lo: int,
        hi: int,
        precision: Precision,
        *,
        qualifier: Qualifier = Qualifier.NONE,
        utc_offset: int | None = None,
        text: str = "",
    ) -> UncertainDate:
        """One instant somewhere from second ``lo`` to ``hi`` (inclusive) of the model's timeline.

        ``lo`` may be ``chronology._calendar.OPEN_LO`` and ``hi``
        ``chronology._calendar.OPEN_HI`` for a date with that side left
        open ("before 1456": EDTF ``[..1455]``). ``utc_offset`` (seconds east
        of UTC) is for values with a time; the bounds are local to it.

        Raises:
            InvalidDateError: bounds reversed, open on both sides, or beyond the
                years the model holds (-1,000,000,000 to 1,000,000,000), which
                EDTF could not write to be read back.

        """
        if (
            cls is UncertainDate
            and lo.__class__ is int
            and hi.__class__ is int
            and (FIRST_SECOND <= lo <= hi <= LAST_SECOND or _held(lo, hi))
            and precision.__class__ is Precision
            and qualifier.__class__ is Qualifier
            and (utc_offset is None or utc_offset.__class__ is int)
        ):
            # checked as the generated __init__ checks: the EDTF (the text, where none is given) is written when
            # first read, which most values read from words never are
            return unwritten(lo, hi, precision, qualifier, utc_offset, text)
        from chronology.notation.edtf import format_bounds

        edtf = format_bounds(lo, hi, precision, qualifier, utc_offset)
        return cls(
            lo=lo, hi=hi, precision=precision, qualifier=qualifier, utc_offset=utc_offset, edtf=edtf, text=text or edtf
        )

    @property
    def open_before(self) -> bool:
        """Whether the value has no earliest bound ("before 1456")."""
        return self.lo <= OPEN_LO

    @property
    def open_after(self) -> bool:
        """Whether the value has no latest bound ("after 1460")."""
        return self.hi >= OPEN_HI

    @property
    def members(self) -> tuple[UncertainDate, ...]:
        """The members of a set value, each a value of its own; ``(self,)`` for any other value.

        For the one-of set ``[1667, 1668, 1670..1672]`` (one of these dates) and the
        all-of set ``{1667, 1668, 1670..1672}`` (all of them): ``1667``, ``1668`` and
        ``1670..1672``, a range as one value spanning it, in the set's brackets
        (``[1670..1672]`` or ``{1670..1672}``); an open member stays open
        (``[..1760-12-03]``). Read again from the EDTF text at each call.
        """
        if not self.edtf.startswith(("[", "{")):
            return (self,)
        from chronology.notation.edtf import set_members

        return set_members(self.edtf)

    @property
    def all_of(self) -> bool:
        """Whether the value is an all-of set (EDTF ``{...}``): all of its members, not one of them."""
        return self.edtf.startswith("{")

    @classmethod
    def parse(
        cls, text: str, *, anchor: DateValue | datetime.date | None = None, tense: Tense | None = None
    ) -> UncertainDate:
        """Read one instant (never an interval): :func:`chronology.parse`, typed for a single date.

        Raises:
            DateParseError: unreadable text, or text that names something lasting.

        """
        from chronology.notation import parse
        from chronology.relative import Tense

        value = parse(text, anchor=anchor, tense=Tense.PAST if tense is None else tense)
        if not isinstance(value, UncertainDate):
            raise DateParseError(text, "names something lasting (an interval), not one date")
        return value

    @classmethod
    def from_date(cls, date: datetime.date, *, text: str = "") -> UncertainDate:
        """The exact day of a ``datetime.date`` (or pendulum ``Date``)."""
        number = date.toordinal()
        return cls.from_days(number, number, Precision.DAY, text=text)

    # -- the two questions every date value answers ---------------------------------

    @property
    def earliest(self) -> pendulum.Date | pendulum.DateTime:
        """The first possible day (a ``Date``), or moment (a ``DateTime``) for values with a time."""
        return self._pendulum(self.lo)

    @property
    def latest(self) -> pendulum.Date | pendulum.DateTime:
        """The last possible day, or moment, inclusive."""
        return self._pendulum(self.hi)

    @property
    def earliest_day(self) -> int:
        """Day number of the first possible day (any year)."""
        return self.lo // SECONDS_PER_DAY

    @property
    def latest_day(self) -> int:
        """Day number of the last possible day (any year)."""
        return self.hi // SECONDS_PER_DAY

    @property
    def approximate(self) -> bool:
        """Whether the value is qualified as approximate (``~`` or ``%``)."""
        return bool(self.qualifier.value & _APPROXIMATE)  # on the numbers: Flag's own & is slow

    @property
    def uncertain(self) -> bool:
        """Whether the value is qualified as uncertain (``?`` or ``%``)."""
        return bool(self.qualifier.value & _UNCERTAIN)

    @property
    def has_time(self) -> bool:
        """Whether the value gives a time of day."""
        return self.precision.has_time

    def to_edtf(self) -> str:
        """The value in EDTF (ISO 8601-2) notation."""
        return self.edtf

    @property
    def label(self) -> str:
        """A readable English label, such as "June 2024", "7-13 Oct 2024" or "c. 1850"."""
        from chronology.notation.labels import label

        return label(self)

    def __str__(self) -> str:
        return self.edtf

    def __repr__(self) -> str:
        return f"<UncertainDate {self.edtf} ({self.label}) {self.precision.value}>"

    def __eq__(self, other: object) -> bool:
        # Written out (not attrs') so that an exact day read by the fast path (_Day) equals the same day
        # built any other way; ``text`` (the wording) is not part of the value.
        if not isinstance(other, UncertainDate):
            return NotImplemented
        return (
            self.lo == other.lo
            and self.hi == other.hi
            and self.precision is other.precision
            and self.qualifier == other.qualifier
            and self.utc_offset == other.utc_offset
            and self.edtf == other.edtf
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        # Equal values have equal bounds: the bounds alone make a sound hash. The other fields are left out: an
        # Enum hashes in Python, and a plain day read from text writes its EDTF only when it is read.
        return hash((self.lo, self.hi))

    def _pendulum(self, seconds: int) -> pendulum.Date | pendulum.DateTime:
        if seconds <= OPEN_LO or seconds >= OPEN_HI:
            side = "earliest" if seconds <= OPEN_LO else "latest"
            raise DateRangeError(
                f"{self.edtf!r} has no {side} bound: that side is open; test open_before/open_after first"
            )
        days, second_of_day = divmod(seconds, SECONDS_PER_DAY)
        year, month, day = _calendar.from_day_number(days)
        if not 1 <= year <= 9999:
            raise DateRangeError(
                f"{self.edtf!r}: year {year} lies outside 1-9999, the years pendulum can hold; "
                "the value still orders and compares (use earliest_day/latest_day or sort_key)"
            )
        if not self.has_time:
            return pendulum.Date(year, month, day)
        hour, rest = divmod(second_of_day, 3600)
        minute, second = divmod(rest, 60)
        if self.utc_offset is None:
            return pendulum.naive(year, month, day, hour, minute, second)
        zone = pendulum.FixedTimezone(self.utc_offset)
        return pendulum.datetime(year, month, day, hour, minute, second, tz=zone)


_new = object.__new__
_SET_LO = UncertainDate.__dict__["lo"].__set__
_SET_HI = UncertainDate.__dict__["hi"].__set__
_SET_PRECISION = UncertainDate.__dict__["precision"].__set__
_SET_QUALIFIER = UncertainDate.__dict__["qualifier"].__set__
_SET_UTC_OFFSET = UncertainDate.__dict__["utc_offset"].__set__
_SET_EDTF = UncertainDate.__dict__["edtf"].__set__
_SET_TEXT = UncertainDate.__dict__["text"].__set__
_GET_LO = UncertainDate.__dict__["lo"].__get__
_GET_EDTF = UncertainDate.__dict__["edtf"].__get__
_GET_TEXT = UncertainDate.__dict__["text"].__get__


class _Day(UncertainDate):
    """An exact day read from plain ``YYYY-MM-DD`` text: an :class:`UncertainDate` in every way but its cost.

    Most dates in a chronology are plain days. This subclass fixes precision,
    qualifier and offset on the class, takes its wording from ``edtf`` and its
    last second from its first, so building one writes one slot (``lo``) or two
    (and ``edtf``) instead of seven; where ``edtf`` is not given, it is written
    when first read (the ISO day, which is the text it was read from). It equals, hashes and
    behaves as the same day built any other way; ``attrs.evolve``, ``copy``
    and ``pickle`` give back a plain :class:`UncertainDate`. Build it only
    through :func:`exact_day`.
    """

    __slots__ = ()

    precision = Precision.DAY
    qualifier = Qualifier.NONE
    utc_offset = None

    @property
    def hi(self) -> int:
        """The last second of the day: its first, ``lo``, and a day less a second."""
        return self.lo + _LAST_SECOND_OF_DAY

    @property
    def edtf(self) -> str:
        """The canonical EDTF notation, the ISO day (written when first read, where it was not given)."""
        try:
            written: str = _GET_EDTF(self)
        except AttributeError:
            from chronology.notation.edtf import format_day

            written = format_day(_GET_LO(self) // SECONDS_PER_DAY)
            _SET_EDTF(self, written)
        return written

    @property
    def text(self) -> str:
        """The wording: the text the day was read from (its ISO day, unless :func:`exact_day` was given words)."""
        try:
            written: str = _GET_TEXT(self)
        except AttributeError:
            return self.edtf
        return written

    def __new__(cls, **fields: Any) -> UncertainDate:  # type: ignore[misc]
        return UncertainDate(**fields)  # what attrs.evolve and copy reach: a plain value

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (self.lo, self.hi, self.edtf, self.text)


def _rebuilt(lo: int, hi: int, edtf: str, text: str = "") -> UncertainDate:
    return UncertainDate._trusted(lo, hi, Precision.DAY, Qualifier.NONE, edtf, text or edtf)


def exact_day(lo: int, edtf: str | None = None, text: str = "") -> UncertainDate:
    """The exact day starting at second ``lo``, written ``edtf`` (``YYYY-MM-DD``), by the cheapest route.

    The caller vouches that ``lo`` starts a day and ``edtf`` names it; without ``edtf``, it is written when
    first read. ``text`` is the wording (the EDTF where none is given).
    """
    value = _new(_Day)
    _SET_LO(value, lo)
    if edtf is not None:
        _SET_EDTF(value, edtf)
    if text:
        _SET_TEXT(value, text)
    return value


_LAST_SECOND_OF_DAY: Final = SECONDS_PER_DAY - 1


class _Unwritten(UncertainDate):
    """An instant whose EDTF is written when first read: an :class:`UncertainDate` in every way but when.

    The links of a chronology narrow thousands of dates at each load, and
    most are never written out; writing each one's EDTF was most of the cost
    of narrowing them. Reading ``edtf`` (``text``, ``str()``, ``==``,
    ``hash()``, a label) writes it once, as :meth:`UncertainDate.from_seconds`
    writes it, and keeps it. ``attrs.evolve``, ``copy`` and ``pickle`` give
    back a plain :class:`UncertainDate`. Build it only through :func:`unwritten`.
    """

    __slots__ = ()

    @property
    def edtf(self) -> str:
        """The canonical EDTF notation of the value (written when first read)."""
        try:
            written: str = _GET_EDTF(self)
        except AttributeError:
            from chronology.notation.edtf import format_bounds

            written = format_bounds(self.lo, self.hi, self.precision, self.qualifier, self.utc_offset)
            _SET_EDTF(self, written)
        return written

    @property
    def text(self) -> str:
        """The wording: as given to :func:`unwritten`, else the EDTF, as for any value built from seconds."""
        try:
            written: str = _GET_TEXT(self)
        except AttributeError:
            return self.edtf
        return written

    def __new__(cls, **fields: Any) -> UncertainDate:  # type: ignore[misc]
        return UncertainDate(**fields)  # what attrs.evolve and copy reach: a plain value

    def __reduce__(self) -> tuple[Any, ...]:
        return _from_seconds, (self.lo, self.hi, self.precision, self.qualifier, self.utc_offset, self.text)


def _from_seconds(
    lo: int, hi: int, precision: Precision, qualifier: Qualifier, utc_offset: int | None, text: str = ""
) -> UncertainDate:
    """A plain value (what ``pickle`` and ``copy`` give back for a value whose EDTF was written late)."""
    from chronology.notation.edtf import format_bounds

    edtf = format_bounds(lo, hi, precision, qualifier, utc_offset)
    return UncertainDate._trusted(lo, hi, precision, qualifier, edtf, text or edtf, utc_offset)


def unwritten(
    lo: int, hi: int, precision: Precision, qualifier: Qualifier, utc_offset: int | None = None, text: str = ""
) -> UncertainDate:
    """``UncertainDate.from_seconds(lo, hi, precision, ...)``, its EDTF (and text) written when first read.

    For values built by the thousand that are seldom written out (dates narrowed by links). ``text`` is the
    wording (the EDTF where none is given).

    Raises:
        InvalidDateError: bounds outside the timeline, or ``lo`` after ``hi``.

    """
    if not (FIRST_SECOND <= lo <= hi <= LAST_SECOND or _held(lo, hi)):
        raise InvalidDateError(f"bounds {lo}..{hi} are reversed or lie outside the supported timeline: {_HELD}")
    value = _new(_Unwritten)
    _SET_LO(value, lo)
    _SET_HI(value, hi)
    _SET_PRECISION(value, precision)
    _SET_QUALIFIER(value, qualifier)
    _SET_UTC_OFFSET(value, utc_offset)
    if text:
        _SET_TEXT(value, text)
    return value


def with_wording(value: UncertainDate, text: str) -> UncertainDate:
    """``value`` with the wording ``text`` (itself where it has it), its EDTF written no sooner than ``value``'s."""
    cls = value.__class__
    if (cls is _Unwritten or cls is _Day) and text:
        try:
            if _GET_TEXT(value) == text:
                return value
        except AttributeError:
            pass
        try:
            edtf: str | None = _GET_EDTF(value)
        except AttributeError:
            edtf = None
        if cls is _Day:
            return exact_day(_GET_LO(value), edtf, text)
        copied = unwritten(value.lo, value.hi, value.precision, value.qualifier, value.utc_offset, text)
        if edtf is not None:
            _SET_EDTF(copied, edtf)
        return copied
    if value.text == text:
        return value
    return UncertainDate._trusted(
        value.lo, value.hi, value.precision, value.qualifier, value.edtf, text, value.utc_offset
    )


#: The classes whose instances are exact or uncertain instants (for ``__class__`` tests in hot loops).
INSTANT_CLASSES: Final = frozenset({UncertainDate, _Day, _Unwritten})


def _check_end(
    instance: Interval, attribute: attrs.Attribute[UncertainDate | Endpoint], value: UncertainDate | Endpoint
) -> None:
    if not isinstance(value, UncertainDate | Endpoint):
        raise InvalidDateError(
            f"interval {attribute.name} must be an UncertainDate or an Endpoint, not {type(value).__name__}"
        )


@attrs.frozen(repr=False)
class Interval:
    """Something that lasts from ``start`` to ``end``, each end itself uncertain.

    An end is an :class:`UncertainDate`, ``Endpoint.OPEN`` (no end on that side)
    or ``Endpoint.UNKNOWN`` (an end exists, unknown). This is "lasting from a to
    b"; "one day somewhere in [a, b]" is an :class:`UncertainDate`.
    """

    start: UncertainDate | Endpoint = attrs.field(validator=_check_end)
    end: UncertainDate | Endpoint = attrs.field(validator=_check_end)
    text: str = attrs.field(default="", eq=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.start, Endpoint) and isinstance(self.end, Endpoint):
            raise InvalidDateError("an interval needs a date at one end at least")
        if (
            isinstance(self.start, UncertainDate)
            and isinstance(self.end, UncertainDate)
            and _utc(self.start, self.start.lo) > _utc(self.end, self.end.hi)
        ):
            raise InvalidDateError(
                f"interval {self.to_edtf()!r} ends ({self.end.label}) before it starts ({self.start.label})"
            )

    @classmethod
    def _trusted(cls, start: UncertainDate | Endpoint, end: UncertainDate | Endpoint, text: str) -> Interval:
        """Build without validation, for the parser's checked fast paths (as :meth:`UncertainDate._trusted`)."""
        self = _new(cls)
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_INTERVAL_TEXT(self, text)
        return self

    @property
    def start_bounds(self) -> tuple[int, int]:
        """First and last possible second of the start (sentinels for open or unknown)."""
        end_hi = self.end.hi if isinstance(self.end, UncertainDate) else POS_INF
        if isinstance(self.start, UncertainDate):
            return self.start.lo, min(self.start.hi, end_hi)
        if self.start is Endpoint.OPEN:
            return NEG_INF, NEG_INF
        return NEG_INF, end_hi

    @property
    def end_bounds(self) -> tuple[int, int]:
        """First and last possible second of the end (sentinels for open or unknown)."""
        start_lo = self.start.lo if isinstance(self.start, UncertainDate) else NEG_INF
        if isinstance(self.end, UncertainDate):
            return max(self.end.lo, start_lo), self.end.hi
        if self.end is Endpoint.OPEN:
            return POS_INF, POS_INF
        return start_lo, POS_INF

    @property
    def lo(self) -> int:
        """First possible second of the whole interval (``NEG_INF`` if unbounded)."""
        return self.start_bounds[0]

    @property
    def hi(self) -> int:
        """Last possible second of the whole interval (``POS_INF`` if unbounded)."""
        return self.end_bounds[1]

    @property
    def earliest(self) -> pendulum.Date | pendulum.DateTime | None:
        """The start's earliest, or ``None`` when the start is open or unknown."""
        return self.start.earliest if isinstance(self.start, UncertainDate) else None

    @property
    def latest(self) -> pendulum.Date | pendulum.DateTime | None:
        """The end's latest, or ``None`` when the end is open or unknown."""
        return self.end.latest if isinstance(self.end, UncertainDate) else None

    def to_edtf(self) -> str:
        """The interval in EDTF notation (``start/end``, ``..`` open, empty unknown)."""
        return f"{_end_edtf(self.start)}/{_end_edtf(self.end)}"

    @property
    def label(self) -> str:
        """A readable English label, such as "Jun-Aug 2024" or "from June 2024 (ongoing)"."""
        from chronology.notation.labels import label

        return label(self)

    def __str__(self) -> str:
        return self.to_edtf()

    def __repr__(self) -> str:
        return f"<Interval {self.to_edtf()} ({self.label})>"


_SET_START = Interval.__dict__["start"].__set__
_SET_END = Interval.__dict__["end"].__set__
_SET_INTERVAL_TEXT = Interval.__dict__["text"].__set__


def _end_edtf(end: UncertainDate | Endpoint) -> str:
    return end.edtf if isinstance(end, UncertainDate) else end.value


def _utc(value: UncertainDate, seconds: int) -> int:
    """``seconds`` of ``value`` moved to UTC where the value has an offset."""
    return seconds - value.utc_offset if value.utc_offset is not None else seconds


#: Any value the parser returns.
DateValue: TypeAlias = UncertainDate | Interval


#: The most units a :class:`Widening` setting may add on each side: ten thousand millennia (ten million years)
#: at the coarsest, so that a widened bound, approximate and uncertain together, stays inside the timeline.
MAX_WIDENING_UNITS: Final = 10_000


def _check_units(setting: str, units: object) -> None:
    """Refuse a widening setting that is not a whole number of units from 0 to 10,000 (``MAX_WIDENING_UNITS``)."""
    if isinstance(units, bool) or not isinstance(units, int) or units < 0:
        raise InvalidDateError(
            f"widening {setting} is {units!r}; give a whole number of units, 0 to {MAX_WIDENING_UNITS:,}"
        )
    if units > MAX_WIDENING_UNITS:
        raise _too_wide(setting, f"{units:,}" if units < 10**30 else f"a number of {len(str(units)):,} digits")


def _too_wide(setting: str, shown: str) -> InvalidDateError:
    return InvalidDateError(
        f"widening {setting} is {shown}, more than the {MAX_WIDENING_UNITS:,} units allowed "
        f"(of the date's own precision: {MAX_WIDENING_UNITS:,} years for a year); "
        f"give {MAX_WIDENING_UNITS:,} or fewer"
    )


def _validate_units(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    _check_units(attribute.name, value)


def _per_precision(
    value: Mapping[Precision, int] | Mapping[str, int] | Iterable[tuple[Precision, int]],
) -> tuple[tuple[Precision, int], ...]:
    """Per-precision units as a sorted tuple of (precision, units), from a mapping or pairs (names read too)."""
    pairs = value.items() if isinstance(value, Mapping) else value
    found: dict[Precision, int] = {}
    for precision, units in pairs:
        key = precision if isinstance(precision, Precision) else _precision_named(precision)
        _check_units(f"for {key.value!r}", units)
        found[key] = units
    return tuple(sorted(found.items(), key=lambda item: item[0].rank))


def _precision_named(name: str) -> Precision:
    try:
        return Precision(name)
    except ValueError:
        from chronology._suggest import suggest

        names = [p.value for p in Precision]
        raise InvalidDateError(
            f"{name!r} is not a precision{suggest(name, names)}; expected one of {', '.join(names)}"
        ) from None


@attrs.frozen
class Widening:
    """How far approximate and uncertain values may spill over their bounds.

    Used only by "possible" questions (queries, plots of possible spans); the
    bounds of a value never change. The default widens an approximate value
    (``~``) by one unit of its precision on each side (about June 2024 may be
    late May or early July) and leaves uncertain values (``?``) as they are:
    ``?`` doubts that the stated value is right, it does not make it vaguer.
    ``%`` adds both. A unit is counted at its longest (a month as 31 days) so
    widening never falls short.

    A historian's "approximate means 10 years either side for a year, a month
    for a month" is ``Widening(approximate_by={"year": 10, "month": 1})``: the
    per-precision units override ``approximate`` (or ``uncertain``) for values
    of that precision. An event file says the same in its ``[reading]`` table,
    and the command line with ``--widening approximate.year=10``
    (see :meth:`parse`). Each setting is a whole number from 0 to
    10,000 (``MAX_WIDENING_UNITS``): more is refused, as a bound widened
    by it could leave the timeline.

    Attributes:
        approximate: units of precision added on each side of a ``~`` value.
        uncertain: units of precision added on each side of a ``?`` value.
        approximate_by: units for ``~`` values of given precisions, overriding ``approximate``.
        uncertain_by: units for ``?`` values of given precisions, overriding ``uncertain``.

    """

    approximate: int = attrs.field(default=1, validator=_validate_units)
    uncertain: int = attrs.field(default=0, validator=_validate_units)
    approximate_by: tuple[tuple[Precision, int], ...] = attrs.field(default=(), converter=_per_precision)
    uncertain_by: tuple[tuple[Precision, int], ...] = attrs.field(default=(), converter=_per_precision)

    def units(self, value: UncertainDate) -> int:
        """Units of ``value``'s precision it is widened by on each side."""
        units = 0
        if value.approximate:
            units += dict(self.approximate_by).get(value.precision, self.approximate)
        if value.uncertain:
            units += dict(self.uncertain_by).get(value.precision, self.uncertain)
        return units

    def bounds(self, value: UncertainDate) -> tuple[int, int]:
        """The widened (lo, hi) seconds of ``value`` (an open side stays open).

        A widened side stops at the first or last of the years the model holds
        (+/-1,000,000,000), as any value's bound does.
        """
        pad = self.units(value) * value.precision.longest_seconds
        lo = value.lo if value.lo <= OPEN_LO else max(value.lo - pad, FIRST_SECOND)
        hi = value.hi if value.hi >= OPEN_HI else min(value.hi + pad, LAST_SECOND)
        return lo, hi

    @property
    def widens(self) -> bool:
        """Whether any value is widened at all."""
        return bool(self.approximate or self.uncertain or any(u for _, u in self.approximate_by + self.uncertain_by))

    @classmethod
    def from_mapping(cls, settings: Mapping[str, object], *, base: Widening | None = None) -> Widening:
        """A policy from ``{"approximate": 1, "uncertain": 0}`` or ``{"approximate": {"year": 10, "month": 1}}``.

        Keys not given keep ``base``'s settings (the default policy's when None).

        Raises:
            InvalidDateError: a key other than ``approximate`` and ``uncertain``,
                a precision that does not exist, or a negative or non-whole number;
                the message names it and what is accepted.

        """
        base = DEFAULT_WIDENING if base is None else base
        fields: dict[str, object] = {
            "approximate": base.approximate,
            "uncertain": base.uncertain,
            "approximate_by": base.approximate_by,
            "uncertain_by": base.uncertain_by,
        }
        for key, setting in settings.items():
            if key not in ("approximate", "uncertain"):
                from chronology._suggest import suggest

                raise InvalidDateError(
                    f"widening has no setting {key!r}{suggest(key, ['approximate', 'uncertain'])}; "
                    "expected 'approximate' and 'uncertain', each a number of units or a table by precision"
                )
            if isinstance(setting, Mapping):
                merged = dict(fields[f"{key}_by"])  # type: ignore[call-overload]
                for name, units in setting.items():
                    _check_units(f"{key}.{name}", units)
                merged.update({_precision_named(str(name)): units for name, units in setting.items()})
                fields[f"{key}_by"] = _per_precision(merged)
            elif isinstance(setting, bool) or not isinstance(setting, int) or setting < 0:
                raise InvalidDateError(
                    f"widening {key} is {setting!r}; give a whole number of units, 0 to {MAX_WIDENING_UNITS:,}, "
                    "or a table by precision ({ year = 10, month = 1 })"
                )
            else:
                _check_units(key, setting)
                fields[key] = setting
        return cls(**fields)  # type: ignore[arg-type]

    @classmethod
    def parse(cls, text: str) -> Widening:
        """A policy from the command line: ``approximate=1,uncertain=0`` or ``approximate.year=10,approximate.month=1``.

        Settings not given are the default policy's.

        Raises:
            InvalidDateError: the text is not a comma-separated list of
                ``name=units`` or ``name.precision=units``; the message says which part.

        """
        if not isinstance(text, str):
            raise WrongTypeError(f"a widening policy is given as text ('approximate=1'), not {type(text).__name__}")
        settings: dict[str, object] = {}
        for part in text.split(","):
            name, equals, units = part.strip().partition("=")
            units = units.strip()
            if not equals or not (units.isascii() and units.isdigit()):
                raise InvalidDateError(
                    f"widening {part.strip()!r} is not name=units; write approximate=1, uncertain=0 or "
                    "approximate.year=10 (units of the value's own precision)"
                )
            key, dot, precision = name.strip().partition(".")
            if len(units) > 30:  # beyond any maximum, and too long for int() past 4,300 digits
                if key.strip() in ("approximate", "uncertain"):
                    raise _too_wide(name.strip(), f"a number of {len(units):,} digits")
                units = "0"  # a setting that does not exist: refused below, naming it
            if dot:
                table = settings.setdefault(key, {})
                if not isinstance(table, dict):
                    table = settings[key] = {}
                table[precision] = int(units)
            else:
                settings[key] = int(units)
        # a plain number and per-precision units for the same key: the plain number first, then the table
        plain = {k: v for k, v in settings.items() if not isinstance(v, dict)}
        tables = {k: v for k, v in settings.items() if isinstance(v, dict)}
        return cls.from_mapping(tables, base=cls.from_mapping(plain))


#: The default policy: approximate values spill one unit of precision each side.
DEFAULT_WIDENING: Final = Widening()
#: No widening at all: "possible" means within the stated bounds.
NO_WIDENING: Final = Widening(approximate=0, uncertain=0)
