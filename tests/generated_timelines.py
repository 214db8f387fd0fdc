"""Hypothesis strategies for whole timelines, for the round trips of the exchange formats.

Dates are drawn the ways a chronology gets them: absolute notations, English
wording read against a source's date or another event's, and ranges of days.
Links are drawn only where the dates make them true, so every drawn timeline
is valid.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from hypothesis import strategies as st

import chronology
from chronology import Citation, Claim, Event, Quantity, Source, Tense, Timeline, UncertainDate
from chronology._calendar import SECONDS_PER_DAY
from chronology.constraints import Frame

ABSOLUTE = [
    "2024-10-18",
    "June 2024",
    "[2024-10-07..2024-10-13]",
    "2024-06/2024-08",
    "2022-02/..",
    "../2024-01",
    "2024-10~",
    "2024?",
    "1950/1953",
    "2024-10-18T10:00",
    "2024-10-18T10:00+02:00",
    "2024-21",
    "the second week of October 2024",
    "-0044-03-15",
]
RELATIVE = [
    "Friday",
    "on Tuesday",
    "three weeks ago",
    "last week",
    "earlier this month",
    "this week",
    "in June",
    "October 3",
    "that day",
    "days before",
    "yesterday",
]
PUBLISHED = ["2024-11-17", "[2024-10-29..2024-10-30]", "2024-10-18"]
FIGURES = [
    "1,500",
    "about 10,000",
    "more than 10,000",
    "up to 15,000",
    "nearly 25,000",
    "10,000-12,000",
    "$2,000",
    "1.5 million",
    "12",
]


#: What an event file's texts may hold: any character but controls (tab aside), and no lone surrogates.
_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs")) | st.just("\t")
#: What a text of one line may hold: the same, but the line and paragraph separators (U+2028, U+2029).
_ONE_LINE = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")) | st.just("\t")


def _text(*, max_size: int, lines: bool = False) -> st.SearchStrategy[str]:
    """Text an event file accepts; ``lines``: with line breaks too (a summary, a quote, a note)."""
    return st.text(_CHARACTERS | st.just("\n") if lines else _ONE_LINE, max_size=max_size)


def texts(*, trimmed: bool) -> st.SearchStrategy[str]:
    """Any text; ``trimmed``: without surrounding spaces, ';' or emptiness (what a spreadsheet cell keeps)."""
    if not trimmed:
        return _text(max_size=20)
    return _text(max_size=20).map(str.strip).filter(bool)


def titles() -> st.SearchStrategy[str]:
    """What an event file accepts as a title: one line, not blank."""
    return _text(max_size=20).filter(lambda t: bool(t.strip()))


def json_values() -> st.SearchStrategy[Any]:
    """What JSON can hold."""
    scalars = (
        st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False, allow_infinity=False)
    )
    return st.recursive(
        scalars | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
        max_leaves=6,
    )


@st.composite
def timelines(draw: st.DrawFn, *, for_csv: bool = False) -> Timeline:
    """A valid timeline of 1-5 events citing 1-3 sources.

    ``for_csv``: only what a spreadsheet carries back (no claims; cells and
    list items trimmed and not empty; ``extra`` values as text).
    """
    text = texts(trimmed=for_csv)
    words = st.lists(texts(trimmed=True) if for_csv else text, max_size=3).map(tuple)
    source_ids = draw(st.lists(st.from_regex(r"s-[a-z0-9]{1,6}", fullmatch=True), min_size=1, max_size=3, unique=True))
    sources = [
        Source(
            id=source_id,
            outlet=draw(text),
            title=draw(text),
            authors=draw(words),
            published=draw(st.none() | st.sampled_from(PUBLISHED).map(UncertainDate.parse)),
            url=draw(text),
            note=draw(text),
        )
        for source_id in source_ids
    ]
    dated = [s for s in sources if s.published is not None]
    count = draw(st.integers(1, 5))
    events: list[Event] = []
    for index in range(count):
        tense = draw(st.sampled_from(Tense))
        anchor: str | None = None
        anchor_date: chronology.DateValue | None = None
        how = draw(st.sampled_from(["absolute", "source", "event", "days"]))
        instants = [e for e in events if isinstance(e.when, UncertainDate)]
        when: chronology.DateValue
        if how == "source" and dated:
            source = draw(st.sampled_from(dated))
            anchor, anchor_date = source.id, source.published
        elif how == "event" and instants:
            event = draw(st.sampled_from(instants))
            anchor, anchor_date = event.id, event.when
        if anchor is not None:
            try:
                when = chronology.parse(draw(st.sampled_from(RELATIVE)), anchor=anchor_date, tense=tense)
            except chronology.ChronologyError:  # no such day from this anchor, or an anchor out of range
                anchor = None
        if anchor is None:
            if how == "days":
                # a range of days as the notation writes it: UncertainDate.from_days(monday, sunday) would have
                # day precision, which no notation writes (the text reads as a week)
                first = datetime.date(2024, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 400)))
                last = first + datetime.timedelta(days=draw(st.integers(0, 20)))
                when = chronology.parse(f"[{first}..{last}]" if last > first else str(first))
            else:
                when = chronology.parse(draw(st.sampled_from(ABSOLUTE)))
        # a source tells, in the past tense, only what had begun by its date (a day's margin for any zone)
        tellers = [s.id for s in sources if _may_tell(s, when, tense, anchor)]
        cited = draw(st.lists(st.sampled_from(tellers), max_size=2)) if tellers else []
        citations = [Citation(source=source_id, quote=draw(text)) for source_id in cited]
        claims = [] if for_csv else draw(st.lists(claims_of(source_ids, dated, bool(cited), tense), max_size=2))
        after = [
            e.id
            for e in events
            if chronology.before(e.when, when) is chronology.Certainty.CERTAIN and draw(st.booleans())
        ]
        extra = draw(
            st.dictionaries(texts(trimmed=True), texts(trimmed=True), max_size=2)
            if for_csv
            else st.dictionaries(st.text(max_size=8), json_values(), max_size=2)
        )
        events.append(
            Event(
                id=f"e-{index}",
                title=draw(titles().map(str.strip) if for_csv else titles()),
                when=when,
                kind=draw(text),
                actors=draw(words),
                places=draw(words),
                tags=draw(words),
                summary=draw(text),
                citations=citations,
                claims=claims,
                after=after,
                anchor=anchor,
                tense=tense,
                extra=extra,
            )
        )
    return Timeline(events, sources, title=draw(_text(max_size=20)))


def _may_tell(source: Source, when: chronology.DateValue, tense: Tense, anchor: str | None) -> bool:
    """Whether ``source`` may be cited for an event of ``when`` in ``tense``: not if it certainly began after it.

    A day's margin, so that it holds in the timeline's zone, whichever it is.
    """
    if source.published is None or tense is not Tense.PAST or source.id == anchor:
        return True
    frame = Frame(None)
    start = frame.moments(when)[0]
    return start <= frame.instant(source.published, source.published.hi) - SECONDS_PER_DAY


@st.composite
def claims_of(draw: st.DrawFn, source_ids: list[str], dated: list[Source], cited: bool, tense: Tense) -> Claim:
    """A claim carried by one of the sources (or by none, where its event cites none), read in its event's tense."""
    said: chronology.DateValue | None = None
    anchor = None
    how = draw(st.sampled_from(["none", "absolute", "relative"]))
    if how == "absolute":
        said = chronology.parse(draw(st.sampled_from(ABSOLUTE)))
    elif how == "relative" and dated:
        reporting = draw(st.sampled_from(dated))
        wording = draw(st.sampled_from(["Friday", "last week", "yesterday"]))
        said = chronology.parse(wording, anchor=reporting.published, tense=tense)
        anchor = reporting.id
    source = draw(st.sampled_from(source_ids)) if cited else draw(st.none() | st.sampled_from(source_ids))
    return Claim(
        subject=draw(_text(max_size=10)),
        value=Quantity.parse(draw(st.sampled_from(FIGURES))),
        unit=draw(_text(max_size=5)),
        claimant=draw(_text(max_size=5)),
        source=source,
        said=said,
        anchor=anchor,
        quote=draw(_text(max_size=10, lines=True)),
    )


def toml_holds(value: Any) -> Any:
    """``value`` with what no event file holds written as text: null, integers beyond 64 bits (from_json refuses them)."""
    if value is None or (isinstance(value, int) and not -(2**63) <= value < 2**63):
        return repr(value)
    if isinstance(value, dict):
        return {key: toml_holds(item) for key, item in value.items()}
    if isinstance(value, list):
        return [toml_holds(item) for item in value]
    return value


def holdable(timeline: Timeline) -> Timeline:
    """``timeline`` with each event's ``extra`` as :func:`toml_holds` makes it."""
    events = [attrs.evolve(event, extra=toml_holds(dict(event.extra))) for event in timeline]
    return Timeline(events, timeline.sources.values(), title=timeline.title)
