"""Dates relative to an anchor ("Friday", "three weeks ago"), and how they resolve.

The English reader turns a phrase into a :class:`RelativeDate`: a typed rule
plus the original wording. Resolving it against an anchor (the report's date,
or another event's) gives an :class:`~chronology.dates.UncertainDate`.

The anchor may itself be uncertain (an article known only to be from one of
28-31 October). The result then covers every resolution over the anchor's
days: its bounds are the hull of the resolutions, and it keeps the anchor's
qualifiers. Every rule is monotone in its anchor (a later anchor never gives an
earlier result), so for anchors spanning many days the two ends suffice. A
time of day ("3 a.m.", "in the morning") is the exception: it is one of its
readings on the anchor's days (an EDTF one-of set, up to :data:`ONE_OF_LIMIT`
of them), never the hours between, and a time of the anchor's own day read on
an anchor that is a span of times (a night) lies within that span.

The reading rules are written down in ``docs/reference/dates.md``; the short version:

* :class:`Tense` says whether an unmarked phrase looks back (``PAST``, the
  default, as temporal taggers read news: a bare "Friday" is the latest Friday
  on or before the report), forward (``FUTURE``: "will meet on Tuesday"), or
  either way (``EITHER``: the hull of both readings).
* A month without a year is the latest such month not after the anchor's
  month (``PAST``), or the first not before it (``FUTURE``).
"""

from __future__ import annotations

import datetime
import reprlib
from collections.abc import Callable
from typing import Final

import attrs
import pendulum

from chronology._calendar import NEG_INF, OPEN_HI, OPEN_LO, POS_INF
from chronology.dates import (
    INSTANT_CLASSES,
    DateValue,
    Endpoint,
    Interval,
    Precision,
    Qualifier,
    UncertainDate,
    exact_day,
    unwritten,
    with_wording,
)
from chronology.errors import DateParseError, DateRangeError, InvalidDateError, UnboundedError
from chronology.rules import (
    _DAY_SECONDS,
    _HALF_UNIT_DAYS,
    PERIODS,
    Between,
    Fixed,
    FromAnchor,
    Hedge,
    Hours,
    Lasting,
    Leading,
    Modified,
    MonthPart,
    MonthRule,
    NamedPeriod,
    Offset,
    OnWeekday,
    PartOf,
    Rule,
    SeasonRule,
    Shift,
    Span,
    Tense,
    Terminus,
    Unit,
    WeekdayRule,
    WeekOf,
    _offset_of,
)

__all__ = [  # the rules are defined in chronology.rules and named here too, where readers of phrases look
    "ONE_OF_LIMIT",
    "PERIODS",
    "Between",
    "Fixed",
    "Hedge",
    "Hours",
    "Lasting",
    "Leading",
    "Modified",
    "MonthPart",
    "MonthRule",
    "NamedPeriod",
    "Offset",
    "OnWeekday",
    "OneOf",
    "PartOf",
    "RelativeDate",
    "Rule",
    "SeasonRule",
    "Shift",
    "Span",
    "Tense",
    "Terminus",
    "Unit",
    "WeekOf",
    "WeekdayRule",
    "reading_at",
    "resolve",
]

Date = pendulum.Date

#: Up to this many anchor days (past the first), every day of the anchor is read; above it, only the
#: first and last days that give a reading, found without trying every day (rules are monotone).
_EVERY_DAY_LIMIT: Final = 62


@attrs.frozen
class OneOf:
    """One of several dates, each read from the anchor: "Monday or Tuesday", "late Monday or early Tuesday".

    Resolved, it is the EDTF one-of set of its rules' readings (``[2024-10-14, 2024-10-15]``), overlapping or
    touching readings joined; read from an anchor of several days, each rule's reading covers them all.

    Attributes:
        rules: the dates, in the order written (two or more).

    """

    rules: tuple[Rule, ...] = attrs.field(converter=tuple)

    @property
    def needs_anchor(self) -> bool:
        """Whether any of the dates needs an anchor."""
        return any(rule.needs_anchor for rule in self.rules)

    @property
    def qualifier(self) -> Qualifier:
        """The dates' qualifiers, together."""
        qualifier = Qualifier.NONE
        for rule in self.rules:
            qualifier |= rule.qualifier
        return qualifier

    def span(self, anchor: Date, tense: Tense) -> Span:
        """The hull of the dates' spans at one anchor day (of those that name one); None if none does.

        The hull is what readers of one anchor day at a time need (which way the date lies from its anchor,
        how far it reaches); resolving the phrase gives the set itself.
        """
        spans = [span for rule in self.rules if (span := _span(rule, anchor, tense)) is not None]
        if not spans:
            return None
        precision = max((span[2] for span in spans), key=lambda p: p.rank)
        return min(span[0] for span in spans), max(span[1] for span in spans), precision


@attrs.frozen
class RelativeDate:
    """A phrase read into a rule, resolved against an anchor when it needs one.

    Attributes:
        rule: what the phrase means, as a typed rule (a
            :class:`~chronology.rules.Lasting` for something that lasts).
        text: the original wording.
        zone: the IANA zone its times are in ("Asia/Seoul"), given their
            offset once resolved; None for floating times.

    """

    rule: Rule | Lasting | OneOf
    text: str = attrs.field(eq=False)
    zone: str | None = None

    @property
    def needs_anchor(self) -> bool:
        """Whether the phrase needs an anchor ("June" does; "June 2024" does not)."""
        return self.rule.needs_anchor

    def resolve(
        self,
        anchor: DateValue | datetime.date | None,
        *,
        tense: Tense | str = Tense.PAST,
    ) -> DateValue:
        """The date the phrase names, read from ``anchor``.

        Args:
            anchor: the date the phrase is relative to (a report's date, another
                event's date); may be uncertain. Not needed when the phrase
                gives its own year. Text is read by :func:`chronology.parse`,
                which takes an anchor written as text.
            tense: which way unmarked phrases point: a :class:`Tense`, or its
                value ``"past"``, ``"future"`` or ``"either"``.

        Returns:
            An :class:`~chronology.dates.UncertainDate`, or an
            :class:`~chronology.dates.Interval` for a phrase that lasts.

        Raises:
            DateParseError: no anchor where one is needed, or the phrase cannot
                be read against this anchor ("earlier this month" on the 1st).
            InvalidDateError: ``tense`` is not one of the three, or ``anchor``
                is neither a date nor None.

        """
        return resolve(self, anchor, tense=tense)


def resolve(
    relative: RelativeDate,
    anchor: DateValue | datetime.date | None,
    *,
    tense: Tense | str = Tense.PAST,
) -> DateValue:
    """Resolve ``relative`` against ``anchor``; see :meth:`RelativeDate.resolve`."""
    if tense.__class__ is not Tense:
        tense = as_tense(tense)
    if anchor is not None and anchor.__class__ not in INSTANT_CLASSES:
        anchor = check_anchor(anchor)
    rule = relative.rule
    if rule.__class__ is OneOf:
        return _zoned(_one_of_readings(rule, relative.text, anchor, tense), relative)
    if rule.__class__ is not Lasting:
        value = _resolve_rule(rule, relative.text, anchor, tense)  # type: ignore[arg-type]
        return value if relative.zone is None else _zoned(value, relative)
    start, end = (
        e if isinstance(e, Endpoint) else _zoned(_resolve_rule(e, relative.text, anchor, tense), relative)
        for e in (rule.start, rule.end)
    )
    try:
        return Interval(start, end, text=relative.text)
    except InvalidDateError as error:
        raise DateParseError(relative.text, str(error)) from None


def _zoned(value: UncertainDate, relative: RelativeDate) -> UncertainDate:
    if relative.zone is None:
        return value
    from chronology.zones import localize, zone_named

    zone = zone_named(relative.zone, text=relative.text)
    if value.edtf.startswith("[") and "," in value.edtf:  # one of several times: each member gets its own offset
        members = [localize(member, zone, text=relative.text) for member in value.members]
        offsets = {member.utc_offset for member in members}
        if len(offsets) == 1:  # (across a change of the clocks, the hull: one value keeps one offset)
            spans = [(member.lo, member.hi) for member in members]
            return _one_of_times(spans, value.precision, value.qualifier, offsets.pop(), relative.text)
    return localize(value, zone, text=relative.text)


def _one_of_readings(rule: OneOf, text: str, anchor: DateValue | datetime.date | None, tense: Tense) -> UncertainDate:
    """One of the readings of ``rule``'s dates from ``anchor``: their EDTF one-of set, in order.

    Readings that overlap are joined; those that only touch stay apart, as the days of "3 or 4 October 2024"
    do. A date that names none from this anchor ("earlier this month" on the 1st) is left out; the set is
    refused only where none names one.
    """
    values: list[UncertainDate] = []
    refusal: DateParseError | None = None
    for member in rule.rules:
        try:
            values.append(_resolve_rule(member, text, anchor, tense))
        except DateParseError as error:
            if member.needs_anchor and anchor is None:
                raise
            refusal = refusal or error
    if not values:
        assert refusal is not None
        raise refusal
    # each reading's own members: a time of day read from several anchor days is itself one of several
    members = [member for value in values for member in value.members]
    kinds = {(m.precision, m.qualifier, m.utc_offset) for m in members}
    if len(kinds) == 1:
        precision, qualifier, offset = kinds.pop()
        spans: list[tuple[int, int]] = []
        for lo, hi in sorted((m.lo, m.hi) for m in members):
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
        return _one_of_times(spans, precision, qualifier, offset, text)
    # readings of different precisions: each written as it is, in order
    from chronology.notation.edtf import written_precision

    ordered = sorted(members, key=lambda m: (m.lo, m.hi))
    offsets = {m.utc_offset for m in ordered}
    qualifier = Qualifier.NONE
    for m in ordered:
        qualifier |= m.qualifier
    return _one_of_set(
        [(m.lo, m.hi, m.edtf.strip("[]"), written_precision(m.lo, m.hi, m.precision, m.edtf)) for m in ordered],
        qualifier,
        offsets.pop() if len(offsets) == 1 else None,
        text,
    )


def _resolve_rule(rule: Rule, text: str, anchor: DateValue | datetime.date | None, tense: Tense) -> UncertainDate:
    if rule.__class__ is Fixed:  # as read, its notation kept ("2024-35", "{1667, 1668}")
        return with_wording(rule.value, text)
    qualifier = rule.qualifier
    if not rule.needs_anchor:
        spans = [_span(rule, _ANY_DAY, tense)]
    else:
        if anchor is None:
            raise DateParseError(
                text, "this phrase is relative to a date; give an anchor (the report's or another event's date)"
            )
        if isinstance(anchor, UncertainDate) and (anchor.lo <= OPEN_LO or anchor.hi >= OPEN_HI):
            raise _open_anchor(text, anchor)
        if isinstance(rule, Shift) and isinstance(anchor, UncertainDate):
            shifted = anchor.lo + rule.low, anchor.hi + rule.high
            # "three hours later" than 14:30 is 17:30, to the anchor's own minute; than a day, to the hour
            precision = (
                anchor.precision if anchor.has_time and anchor.precision.rank < rule.precision.rank else rule.precision
            )
            return _read_date(*shifted, precision, anchor.qualifier, anchor.utc_offset, text)
        first_day, last_day, anchor_qualifier = _anchor_days(text, anchor)
        if anchor_qualifier is not Qualifier.NONE:  # (a Flag's | is slow; x | NONE is x)
            qualifier |= anchor_qualifier
        if _time_of_day(rule) is not None:  # "at 3 a.m.", "in the morning", "Monday night": hours of days
            return _times_of_day(rule, text, anchor, first_day, last_day, tense, qualifier)
        if first_day == last_day and tense is not Tense.EITHER:  # one anchor day, one tense: one span
            spans = [_span(rule, Date.fromordinal(first_day), tense)]
        else:
            tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
            spans = [s for t in tenses for s in _spans_over(rule, first_day, last_day, t)]
    found = [s for s in spans if s is not None]
    if not found:
        where = "" if anchor is None else f" against anchor {_anchor_text(anchor)}"
        raise DateParseError(text, f"names no date{where}")
    if len(found) == 1:
        lo, hi = found[0][0], found[0][1]
    else:
        lo = min(s[0] for s in found)
        hi = max(s[1] for s in found)
    if anchor is not None and rule.needs_anchor and _open_sided(rule):
        lo, hi = _closed_by_tense(lo, hi, first_day, last_day, tense)
    offset = _offset_of(rule)
    precision = found[0][2]
    day, second = divmod(lo, _DAY_SECONDS)
    plain_day = precision is Precision.DAY and qualifier is Qualifier.NONE and offset is None
    if plain_day and not second and hi - lo == _DAY_SECONDS - 1 and 1 <= day <= _LAST_DAY:
        # one plain day of years 1-9999, by the cheapest route: its EDTF is its ISO day
        return exact_day(lo, text=text)
    return _read_date(lo, hi, precision, qualifier, offset, text)


def _read_date(
    lo: int, hi: int, precision: Precision, qualifier: Qualifier, offset: int | None, text: str
) -> UncertainDate:
    """``UncertainDate.from_seconds(lo, hi, ...)`` with the wording ``text``, its EDTF written when first read.

    A load reads thousands of phrases from their anchors, and writing each one's EDTF (which ``text`` stands
    in for) was a third of the reading. Bounds outside the timeline, or reversed, are left to
    ``from_seconds``, which says so in its own words.
    """
    if NEG_INF < lo <= hi < POS_INF:
        return unwritten(lo, hi, precision, qualifier, offset, text)
    return UncertainDate.from_seconds(lo, hi, precision, qualifier=qualifier, utc_offset=offset, text=text)


def _open_sided(rule: Rule) -> bool:
    """Whether ``rule`` leaves one side open by a terminus ("by the end of the year", "after Friday")."""
    return isinstance(rule, Modified) and isinstance(rule.modifier, Terminus)


def _closed_by_tense(lo: int, hi: int, first_day: int, last_day: int, tense: Tense) -> tuple[int, int]:
    """The side a terminus left open, closed by the anchor where the tense says which side of it the date lies.

    "By the end of the year" in the future (a plan stated on 4 November) runs
    from the anchor's first day to 31 December, not from the open past;
    "after Friday" in the past ends with the anchor's last day. Where the
    anchor lies beyond the other side ("after 18 October" told on 18 October),
    the side stays open. Applied to the reading over the whole anchor, so the
    readings at each anchor day keep moving forward with it.
    """
    if tense is Tense.FUTURE and lo <= OPEN_LO and hi >= first_day * _DAY_SECONDS:
        return first_day * _DAY_SECONDS, hi
    if tense is Tense.PAST and hi >= OPEN_HI and lo <= last_day * _DAY_SECONDS + _DAY_SECONDS - 1:
        return lo, last_day * _DAY_SECONDS + _DAY_SECONDS - 1
    return lo, hi


#: The most hours (or parts of days) a time of day read on an anchor of several days is kept as, one of them each
#: (an EDTF one-of set); more, and the value is their hull, as for any phrase read on an uncertain anchor.
ONE_OF_LIMIT: Final = 7


def _time_of_day(rule: Rule) -> Rule | None:
    """The rule naming the days of a time of day ("today" of "at 3 a.m."); None for a rule that names no hours.

    A time of day is a clock time or a part of the day applied to a rule that names days
    (``Modified(..., Hours)``), maybe hedged, doubted, or cut to a third ("early Monday morning").
    """
    while isinstance(rule, Modified):
        if isinstance(rule.modifier, Hours):
            return rule.rule
        if not isinstance(rule.modifier, Hedge | PartOf):
            return None
        rule = rule.rule
    return None


def _of_the_anchors_day(days: Rule) -> bool:
    """Whether ``days`` names the anchor's own day ("today", "that day"): a time on it is a time within the anchor."""
    return isinstance(days, NamedPeriod) and PERIODS[days.name][0] is PERIODS["today"][0]


def _times_of_day(
    rule: Rule,
    text: str,
    anchor: DateValue | datetime.date,
    first_day: int,
    last_day: int,
    tense: Tense,
    qualifier: Qualifier,
) -> UncertainDate:
    """A time of day read on every day the anchor may be: one of those hours, never the hours between them.

    "3 a.m." on an anchor of 10-11 March is 03:00-03:59 on the 10th or on the
    11th (EDTF ``[2025-03-10T03, 2025-03-11T03]``), not the 25 hours from one
    to the other. A time of the anchor's own day ("3 a.m.", "at dawn", "that
    night") read on an anchor that is a span of times (the night of 10-11
    March) is a time within the anchor: each reading is cut to the anchor's
    bounds, and one wholly outside them is no reading. An anchor of one moment
    (a report published at 09:00) is read from as its day is. Up to
    :data:`ONE_OF_LIMIT` readings are kept as a one-of set; more (a month's
    anchor), and the value is their hull, as it is for an anchor of more than
    ``_EVERY_DAY_LIMIT`` days, whose outermost readings alone are taken.

    Raises:
        DateParseError: no anchor day gives a reading, or every reading lies
            outside the anchor's times; the message names the anchor.

    """
    tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
    wide = last_day - first_day > _EVERY_DAY_LIMIT
    if wide:  # the outermost readings only: rules are monotone in their anchor
        spans = [s for t in tenses for s in _spans_over(rule, first_day, last_day, t)]
    else:
        spans = [_span(rule, Date.fromordinal(n), t) for t in tenses for n in range(first_day, last_day + 1)]
    found = [s for s in spans if s is not None]
    if not found:
        raise DateParseError(text, f"names no date against anchor {_anchor_text(anchor)}")
    precision = found[0][2]
    members = _merged(sorted((s[0], s[1]) for s in found))
    if wide:
        members = [(members[0][0], members[-1][1])]
    days = _time_of_day(rule)
    if days is not None and _of_the_anchors_day(days) and _a_span_of_times(anchor):
        assert isinstance(anchor, UncertainDate)
        within = [(max(lo, anchor.lo), min(hi, anchor.hi)) for lo, hi in members if lo <= anchor.hi and hi >= anchor.lo]
        if not within:
            raise DateParseError(text, _outside_anchor(members, precision, anchor))
        if any(lo % _UNIT_SECONDS[precision] or (hi + 1) % _UNIT_SECONDS[precision] for lo, hi in within):
            precision = min(precision, anchor.precision, key=lambda p: p.rank)  # cut at the anchor's minute
        members = within
    if len(members) > ONE_OF_LIMIT:
        members = [(members[0][0], members[-1][1])]
    return _one_of_times(members, precision, qualifier, _offset_of(rule), text)


_UNIT_SECONDS: Final = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}


def _a_span_of_times(anchor: DateValue | datetime.date) -> bool:
    """Whether ``anchor`` is a span of times (a night, "between 2 and 5 a.m."), not one moment or whole days.

    A span of times is read as when the event the phrase makes more precise happened: a time of its day lies
    within it. One moment (a report published at 09:00, or within that hour) is a moment to read from, as a day is.
    """
    if not isinstance(anchor, UncertainDate) or not anchor.has_time:
        return False
    return anchor.hi - anchor.lo + 1 > _UNIT_SECONDS[anchor.precision]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with those that overlap or touch joined: the distinct readings, in order."""
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _outside_anchor(members: list[tuple[int, int]], precision: Precision, anchor: UncertainDate) -> str:
    """Why a time of the anchor's day names nothing: every reading lies outside the anchor's times."""
    from chronology.notation.edtf import format_bounds

    readings = [format_bounds(lo, hi, precision, Qualifier.NONE) for lo, hi in members[:3]]
    shown = " or ".join(readings) + (" or ..." if len(members) > 3 else "")
    return (
        f"names no time within its anchor {anchor.to_edtf()} ({anchor.label}): on the anchor's days it is "
        f"{shown}, outside the anchor's times; give a time within them, or anchor the phrase to the day "
        f"({_day_edtf(anchor.earliest_day)}) for a time outside them"
    )


def _day_edtf(day: int) -> str:
    from chronology.notation.edtf import format_day

    return format_day(day)


def _one_of_times(
    members: list[tuple[int, int]], precision: Precision, qualifier: Qualifier, offset: int | None, text: str
) -> UncertainDate:
    """One of ``members`` (first and last seconds, in order, apart): a plain value for one, else an EDTF one-of set."""
    if len(members) == 1:
        lo, hi = members[0]
        return UncertainDate.from_seconds(lo, hi, precision, qualifier=qualifier, utc_offset=offset, text=text)
    from chronology.notation.edtf import format_bounds, written_precision

    # each member as the set writes it: "2025-03-10T03", or a range "2025-03-11T00..2025-03-11T05"
    written = []
    for lo, hi in members:
        edtf = format_bounds(lo, hi, precision, qualifier, offset)
        written.append((lo, hi, edtf.strip("[]"), written_precision(lo, hi, precision, edtf)))
    return _one_of_set(written, qualifier, offset, text)


def _one_of_set(
    members: list[tuple[int, int, str, Precision]], qualifier: Qualifier, offset: int | None, text: str
) -> UncertainDate:
    """The EDTF one-of set of ``members`` (bounds, EDTF as the set writes it, the precision of that EDTF), in order.

    Built as reading its EDTF would build it, without writing the set out and reading it back: the hull of the
    members, of the coarsest precision their notation gives, qualified as they are.
    """
    return UncertainDate(
        lo=min(member[0] for member in members),
        hi=max(member[1] for member in members),
        precision=max((member[3] for member in members), key=lambda p: p.rank),
        qualifier=qualifier,
        utc_offset=offset,
        edtf="[" + ", ".join(member[2] for member in members) + "]",
        text=text,
    )


def reading_at(relative: RelativeDate, day: int, tense: Tense) -> tuple[int, int] | None:
    """The first and last second ``relative`` names read from the one anchor day number ``day``.

    Seconds are on the anchor's own clock, as :func:`resolve` gives them. None
    where the phrase names no date from that day, for a phrase that lasts
    ("from Monday to Friday"), and for days outside years 1-9999. A shift
    ("hours later") is read from the whole day. Used where an anchor is known
    only to lie between two moments: every rule is monotone in its anchor.
    """
    rule = relative.rule
    if isinstance(rule, Lasting) or not 1 <= day <= _LAST_DAY:
        return None
    tenses = (Tense.PAST, Tense.FUTURE) if tense is Tense.EITHER else (tense,)
    spans = [span for t in tenses if (span := _span(rule, Date.fromordinal(day), t)) is not None]
    if not spans:
        return None
    return min(span[0] for span in spans), max(span[1] for span in spans)


def as_tense(value: object) -> Tense:
    """``value`` as a :class:`Tense`: a Tense, or its value ``"past"``, ``"future"`` or ``"either"``.

    Raises:
        InvalidDateError: anything else (a ``ValueError``); the message names the accepted values.

    """
    if isinstance(value, Tense):
        return value
    if isinstance(value, str) and value in _TENSES:
        return _TENSES[value]
    accepted = ", ".join(repr(tense.value) for tense in Tense)
    raise InvalidDateError(
        f"tense {reprlib.repr(value)} is not a tense; expected one of {accepted} (or chronology.Tense)"
    )


_TENSES: Final = {tense.value: tense for tense in Tense}

#: What an anchor may be, in words, for error messages.
ANCHOR_TYPES: Final = "an UncertainDate (chronology.parse('2024-10-18')), a datetime.date, or None"


def check_anchor(anchor: object, *, accepted: str = ANCHOR_TYPES) -> DateValue | datetime.date | None:
    """``anchor`` itself if it is a date value, a ``datetime.date`` or None.

    Raises:
        InvalidDateError: the anchor is of another type (a ``ValueError``); the
            message names the type and ``accepted``.

    """
    if anchor is None or isinstance(anchor, UncertainDate | Interval | datetime.date):
        return anchor
    kind = type(anchor).__name__
    raise InvalidDateError(f"anchor {reprlib.repr(anchor)} (of type {kind}) is not a date; give {accepted}")


def _span(rule: Rule | OneOf, anchor: Date, tense: Tense) -> Span:
    """The rule's span at one anchor day; None where it names no date (or leaves years 1-9999)."""
    try:
        return rule.span(anchor, tense)
    except (ValueError, OverflowError):
        return None


_ANY_DAY: Final = Date(2000, 1, 1)


def _spans_over(rule: Rule, first: int, last: int, tense: Tense) -> list[Span]:
    """Spans at every anchor day, or, for long anchors, at the first and last days that give one.

    Rules are monotone in the anchor, so the hull of the spans at the outermost
    anchor days that name a date is the hull over all of them. Those two days
    are found by :func:`_outermost_days` without trying every day, so the cost
    does not grow with the anchor's width.
    """
    if last - first <= _EVERY_DAY_LIMIT:
        if last > first:  # where the outermost days both name a date, they give the hull alone
            outer = [_span(rule, Date.fromordinal(first), tense), _span(rule, Date.fromordinal(last), tense)]
            if outer[0] is not None and outer[1] is not None:
                return outer
        return [_span(rule, Date.fromordinal(n), tense) for n in range(first, last + 1)]
    days = _outermost_days(rule, first, last, tense)
    if days is None:
        return []
    return [_span(rule, Date.fromordinal(n), tense) for n in days]


#: Days in 400 Gregorian years: after them the calendar, weekdays included, repeats.
_CYCLE_DAYS: Final = 146_097
#: Anchors are read moved into this 400-year cycle (years 4001-4400), far from the ends of years 1-9999.
_MIDDLE_CYCLE: Final = 10
#: Months and years in one 400-year cycle.
_CYCLE_MONTHS: Final = 4_800
_CYCLE_YEARS: Final = 400


def _outermost_days(rule: Rule, first: int, last: int, tense: Tense) -> tuple[int, int] | None:
    """The first and the last anchor day in ``first..last`` whose reading names a date; None if none does.

    A reading fails for one of two reasons:

    * it leaves years 1-9999 ("10000 years ago"). The coarse reading (see
      :func:`_coarse`) leaves them exactly when the reading does, never fails
      otherwise, and moves forward with the anchor; read in any year (see
      :func:`_reach`), it marks the anchor days whose readings stay inside as
      one run of days, whose ends are found by bisection;
    * the date does not exist that year or day ("February 29" read in 2023,
      "earlier this month" on the 1st). Such gaps are short (one anchor day,
      or the months up to the next leap year), so they are stepped over one
      anchor day at a time, or, for a month rule, whose reading depends only
      on the anchor's month, one anchor month at a time. The calendar repeats
      every 400 years, so at most one 400-year cycle of steps is taken: a rule
      that names no date in a whole cycle names none at all.

    Each answer is the day the old scan, day by day from each end, stopped at.
    """
    coarse = _coarse(rule)
    inside_from = _first_true(first, last, lambda n: _reach(coarse, n, tense)[0] >= 1)
    inside_to = _last_true(first, last, lambda n: _reach(coarse, n, tense)[1] <= _LAST_DAY)
    if inside_from is None or inside_to is None or inside_from > inside_to:
        return None
    earliest = _first_reading(rule, inside_from, inside_to, tense)
    if earliest is None:
        return None
    latest = _first_reading(rule, inside_to, earliest, tense)
    if latest is None:  # pragma: no cover - the scan back stops at ``earliest`` at the latest
        return None
    return earliest, latest


def _coarse(rule: Rule) -> Rule:
    """A rule whose reading leaves years 1-9999 exactly when ``rule``'s does, and never fails otherwise.

    A month rule's reading always lies in the month it picks (its coarse rule is
    that whole month); "earlier this month" and "later this month" lie in the
    anchor's month, "earlier this year" in its year. Other rules fail only by
    leaving years 1-9999, and are their own coarse rule.
    """
    if isinstance(rule, Modified):
        return _coarse(rule.rule)  # a modified reading lies in (or, open, beside) the rule's own
    if isinstance(rule, Between):
        return Between(_coarse(rule.first), _coarse(rule.last))
    if isinstance(rule, Leading):
        return Leading(_whole_month(rule.first), _whole_month(rule.last))
    if isinstance(rule, MonthRule) and rule.year is None:
        return _whole_month(rule)
    if isinstance(rule, FromAnchor) and rule.day is not None:
        # its day lies in the month it picks (the same month for the day chosen by, with ``latest``)
        return attrs.evolve(rule, day=None, until=rule.until or rule.day)
    if isinstance(rule, NamedPeriod) and rule.name in _COARSE_PERIODS:
        return attrs.evolve(rule, name=_COARSE_PERIODS[rule.name])
    return rule


def _whole_month(rule: MonthRule) -> MonthRule:
    """The whole month a month rule names a part of, without its year, in the rule's calendar."""
    return MonthRule(rule.month, calendar=rule.calendar)


_COARSE_PERIODS: Final = {
    "earlier this month": "this month",
    "later this month": "this month",
    "earlier this year": "this year",
    "earlier this week": "this week so far",
}


def _reach(coarse: Rule, anchor: int, tense: Tense) -> tuple[int, int]:
    """First and last day numbers of a coarse rule's reading at anchor day ``anchor``, in any year.

    Day numbers below 1 or above the last day of 9999 are readings that leave
    years 1-9999. An offset is computed by arithmetic (it may reach any year);
    other rules reach a few years at most, so the anchor is moved by whole
    400-year cycles into years 4001-4400, read there, and the reading moved back.
    """
    if isinstance(coarse, Offset):
        near = _moved(anchor, coarse.low * coarse.direction, coarse.unit)
        far = _moved(anchor, coarse.high * coarse.direction, coarse.unit)
        pad = _HALF_UNIT_DAYS[coarse.unit]
        return min(near, far) - pad, max(near, far) + pad
    shift = (_MIDDLE_CYCLE - (anchor - 1) // _CYCLE_DAYS) * _CYCLE_DAYS
    span = _span(coarse, Date.fromordinal(anchor + shift), tense)
    if span is None:  # pragma: no cover - coarse readings of anchors in years 4001-4400 always exist
        raise AssertionError(f"{coarse!r} gives no reading at day {anchor + shift}")
    return span[0] // _DAY_SECONDS - shift, span[1] // _DAY_SECONDS - shift


def _moved(anchor: int, steps: int, unit: Unit) -> int:
    """The day number ``steps`` units from anchor day ``anchor``, as :meth:`Offset.span` moves, in any year.

    Months and years move as pendulum does (a day past the new month's end
    becomes its last day). Whole 400-year cycles are added as their 146,097
    days; the rest is moved by pendulum from the same day of years 1-400.
    """
    if unit is Unit.DAY:
        return anchor + steps
    if unit is Unit.WEEK:
        return anchor + 7 * steps
    cycles, rest = divmod(steps, _CYCLE_MONTHS if unit is Unit.MONTH else _CYCLE_YEARS)
    base, day = divmod(anchor - 1, _CYCLE_DAYS)
    start = Date.fromordinal(day + 1)  # years 1-400; at most 400 years more stays inside 1-9999
    moved = start.add(months=rest) if unit is Unit.MONTH else start.add(years=rest)
    return moved.toordinal() + (base + cycles) * _CYCLE_DAYS


def _first_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The first day in ``low..high`` where ``test`` holds, for a test false then true; None if it never holds."""
    if not test(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if test(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _last_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The last day in ``low..high`` where ``test`` holds, for a test true then false; None if it never holds."""
    if not test(low):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if test(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _first_reading(rule: Rule, start: int, stop: int, tense: Tense) -> int | None:
    """The first anchor day from ``start`` towards ``stop`` (either way) whose reading names a date.

    Every day between must read inside years 1-9999; see :func:`_outermost_days`
    for the steps taken and their cap.
    """
    step = 1 if stop >= start else -1
    # a rule whose reading depends only on the anchor's month
    # (a Julian rule's by the anchor's Julian month, whose days these Gregorian months do not follow)
    by_month = (isinstance(rule, MonthRule) and rule.calendar == "gregorian") or (
        isinstance(rule, FromAnchor) and not rule.latest and rule.calendar == "gregorian"
    )
    day = start
    for _ in range(_CYCLE_MONTHS if by_month else _CYCLE_DAYS):
        if _span(rule, Date.fromordinal(day), tense) is not None:
            return day
        if by_month:
            # Every day of a month reads alike: go to the next month's first day, or the last month's last.
            date = Date.fromordinal(day)
            day = date.end_of("month").toordinal() + 1 if step > 0 else date.start_of("month").toordinal() - 1
        else:
            day += step
        if (day - stop) * step > 0:
            return None
    return None


def _anchor_days(text: str, anchor: UncertainDate | datetime.date | Interval) -> tuple[int, int, Qualifier]:
    """The anchor's first and last day numbers, and the qualifier it passes on."""
    if isinstance(anchor, Interval):
        raise DateParseError(text, "an anchor is one date, not an interval; anchor to its start or end")
    if isinstance(anchor, UncertainDate):
        first, last, qualifier = anchor.earliest_day, anchor.latest_day, anchor.qualifier
    else:
        first = last = anchor.toordinal()
        qualifier = Qualifier.NONE
    if first < 1 or last > _LAST_DAY:
        raise DateRangeError(f"{text!r}: relative phrases are resolved against anchors in years 1-9999")
    return first, last, qualifier


def _open_anchor(text: str, anchor: UncertainDate) -> UnboundedError:
    """Why a phrase is not read from an anchor open on one side ("by 6 September 1666"): which side, what to do."""
    if anchor.lo <= OPEN_LO:
        side, missing = "before", "earliest"
        known = exact_day(anchor.latest_day * _DAY_SECONDS).label
        closed = f"'between <its first day> and {known}'"
    else:
        side, missing = "after", "latest"
        known = exact_day(anchor.earliest_day * _DAY_SECONDS).label
        closed = f"'between {known} and <its last day>'"
    return UnboundedError(
        f"{text!r}: its anchor {anchor.edtf} ({anchor.label!r}) is open {side}: it has no {missing} day, so a "
        f"time counted from it has none either; give the anchor's date both bounds ({closed}), or date this one "
        "itself rather than from the anchor"
    )


def _anchor_text(anchor: DateValue | datetime.date) -> str:
    return anchor.to_edtf() if isinstance(anchor, UncertainDate | Interval) else anchor.isoformat()


_LAST_DAY: Final = Date(9999, 12, 31).toordinal()
_iso_day = datetime.date.fromordinal
