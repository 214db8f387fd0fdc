"""What the exporters say about an event besides its title: its dated ends, sources and claims.

Shared by the TimelineJS, iCalendar, Markdown, HTML and pandas exports, so that
every format names the same sources in the same order and words claims alike.
Nothing here formats for one output; escaping is each exporter's business.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from chronology import _calendar
from chronology.dates import DateValue, Precision, Qualifier, UncertainDate
from chronology.events import Claim, Event, Source
from chronology.notation.edtf import format_day_range
from chronology.notation.labels import julian_label

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = [
    "SAID_NOTES",
    "bound_days",
    "cited",
    "claim_text",
    "coarsest_precision",
    "dated",
    "dated_ends",
    "is_exact_day",
    "is_web_url",
    "iso_day",
    "located",
    "names",
    "old_style",
    "quoted",
    "said_note",
    "source_label",
    "source_name",
    "source_parts",
    "ymd",
]

#: The note after a claim's date where the claim gives no ``said`` of its own, by the rule that dated it
#: (``Timeline.said_from``): its source's publication ("source") or the date of the event holding it ("event").
SAID_NOTES: Final[Mapping[str, str]] = {
    "source": "the source’s date: no ‘said’ given",
    "event": "the event’s date: no ‘said’ given",
}


def said_note(timeline: Timeline, event: Event, claim: Claim) -> str:
    """The note after the date ``claim`` was said on: ``""`` where it gives its own, else which date stands in.

    As the Markdown export and the claims table write it: "the source’s date: no ‘said’ given" where its
    source's publication dates it, "the event’s date: no ‘said’ given" where nothing but its event does.
    """
    return SAID_NOTES.get(timeline.said_from(event, claim), "")


def dated_ends(value: DateValue) -> tuple[UncertainDate | None, UncertainDate | None]:
    """The start and the end that carry a date; an instant is both, an open or unknown end is ``None``."""
    if isinstance(value, UncertainDate):
        return value, value
    start = value.start if isinstance(value.start, UncertainDate) else None
    end = value.end if isinstance(value.end, UncertainDate) else None
    return start, end


def is_exact_day(value: DateValue) -> bool:
    """Whether the value names one known day (or a span between two known days), unqualified."""
    start, end = dated_ends(value)
    if start is None or end is None:
        return False
    return all(v.earliest_day == v.latest_day and not v.qualifier for v in (start, end))


def coarsest_precision(value: DateValue) -> Precision:
    """The precision of an instant; of an interval, the coarser of its dated ends'."""
    start, end = dated_ends(value)
    dated = [v.precision for v in (start, end) if v is not None]
    return max(dated, key=lambda precision: precision.rank)


def iso_day(day: int | None, missing: str = "") -> str:
    """A day number in ISO 8601 (EDTF for years beyond 1-9999); ``missing`` for an open or unknown end."""
    if day is None:
        return missing
    return format_day_range(day, day, Precision.DAY, Qualifier.NONE)


def bound_days(value: DateValue, zone: ZoneInfo | None = None) -> tuple[int | None, int | None]:
    """The first and last possible day of a value, as day numbers; ``None`` for an open or unknown end.

    A time with an offset is on its day in ``zone`` (UTC when None), as every query places it.
    """
    from chronology.index import day_ends

    start, end = dated_ends(value)
    s_lo, _, _, e_hi = day_ends(value, zone=zone)  # the day rule every query follows
    first = s_lo if start is not None and not start.open_before else None
    last = e_hi if end is not None and not end.open_after else None
    return first, last


def old_style(timeline: Timeline) -> bool:
    """Whether the timeline's dates are labelled Old Style too: its files all read dates in words in Julian."""
    return timeline.calendar == "julian"


def dated(value: DateValue, zone: ZoneInfo | None = None, *, old_style: bool = False) -> str:
    """The label of ``value``; with ``old_style``, followed by its Old Style label where it is one a record kept.

    "15 September 1666 (5 September 1666 O.S.)": the Julian label is added to a date whose first known day
    (its last, where it is open before) falls before 14 September 1752, the day Britain took up the
    Gregorian calendar (in ``zone``'s days, as the bounds are counted); a later date keeps its label alone.
    """
    text = value.label
    if not old_style:
        return text
    first, last = bound_days(value, zone)
    known = first if first is not None else last
    if known is None or known >= _calendar.NEW_STYLE_DAY:
        return text
    return f"{text} ({julian_label(value)})"


def ymd(day: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number, for any year."""
    return _calendar.from_day_number(day)


def cited(event: Event) -> tuple[str, ...]:
    """Ids of the sources an event cites, then of those its claims come from; each once, in order."""
    claimed = (claim.source for claim in event.claims if claim.source is not None)
    return tuple(dict.fromkeys((*event.sources, *claimed)))


def located(event: Event) -> dict[str, tuple[str, ...]]:
    """Where an event's citations point in each source, by its id: ``("p. 23",)``; ``("p. 23", "pp. 40-42")``.

    Each locator once, in the citations' order; a source no citation gives a locator of is left out. An
    export names the source again before each ("Pepys, p. 23; Pepys, pp. 40-42"), as a locator may hold
    commas and semicolons of its own ("vol. VII, p. 267").
    """
    found: dict[str, dict[str, None]] = {}
    for citation in event.citations:
        if citation.locator.strip():
            found.setdefault(citation.source, {})[citation.locator.strip()] = None
    return {source_id: tuple(locators) for source_id, locators in found.items()}


def source_name(source_id: str, sources: Mapping[str, Source]) -> str:
    """How a source is called in running text: its outlet, else its title (quoted), else its id."""
    source = sources.get(source_id)
    if source is None:
        return source_id
    if source.outlet:
        return source.outlet
    return f"“{source.title}”" if source.title else source.id


def source_label(source_id: str, sources: Mapping[str, Source], *, width: int = 34, one_line: bool = False) -> str:
    """A source in a legend or beside a lane: its name (cut to ``width``), then its date on a second line.

    ``one_line``: name and date on one line, "Al Jazeera, 29-30 Oct 2024".
    """
    source = sources.get(source_id)
    if source is None:
        return source_id
    name = _cut(source_name(source_id, sources), width)
    if source.published is None:
        return name
    return f"{name}{', ' if one_line else chr(10)}{source.published.label}"


def _cut(name: str, width: int) -> str:
    """``name`` within ``width`` characters: cut at a word where it can be, else inside one, marked "…"."""
    if len(name) <= width:
        return name
    quoted = name.startswith("“")
    placeholder = "…”" if quoted else "…"
    shortened = textwrap.shorten(name, width, placeholder=placeholder)
    if len(shortened) > len(placeholder) + (1 if quoted else 0):  # at least one word kept
        return shortened
    return name[: width - len(placeholder)] + placeholder  # one long word: cut inside it


def source_parts(source: Source) -> list[str]:
    """The parts of a reference, as plain text: outlet, title, authors, "published ...", url.

    Empty parts are left out; the title is quoted.
    """
    parts = [source.outlet] if source.outlet else []
    if source.title:
        parts.append(f"“{source.title}”")
    if source.authors:
        parts.append("by " + names(source.authors))
    if source.published is not None:
        parts.append(f"published {source.published.label}")
    if source.url:
        parts.append(source.url)
    return parts or [source.id]


def claim_text(claim: Claim, sources: Mapping[str, Source]) -> str:
    """A claim in one line: "subject: figure unit (claimant; said when; source)"."""
    figure = claim.value.label + (f" {claim.unit}" if claim.unit else "")
    notes = [claim.claimant] if claim.claimant else []
    if claim.said is not None:
        notes.append(f"said {claim.said.label}")
    if claim.source is not None and source_name(claim.source, sources) != claim.claimant:
        notes.append(f"in {source_name(claim.source, sources)}")
    tail = f" ({'; '.join(notes)})" if notes else ""
    return f"{claim.subject}: {figure}{tail}"


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address without spaces or control characters (safe to link)."""
    if not url or any(ch.isspace() or ord(ch) < 32 or ch in "<>\"'`" for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def names(people: tuple[str, ...]) -> str:
    """Names in running text: "A", "A and B", "A, B and C"."""
    if len(people) <= 2:
        return " and ".join(people)
    return ", ".join(people[:-1]) + f" and {people[-1]}"


def quoted(text: str) -> str:
    """``text`` between curly double quotes, its own double quotes turned single, as quotes inside quotes are.

    A quote that itself quotes someone ("“We will stand firm,” Choe said.") is not written with doubled
    marks (““We ...): “‘We will stand firm,’ Choe said.”. A straight ``"`` opens at the start or after a
    space or an opening bracket, and closes elsewhere.
    """
    out = []
    for at, ch in enumerate(text):
        if ch == "\u201c":
            ch = "\u2018"
        elif ch == "\u201d":
            ch = "\u2019"
        elif ch == '"':
            ch = "\u2018" if at == 0 or text[at - 1].isspace() or text[at - 1] in "([{" else "\u2019"
        out.append(ch)
    return "\u201c" + "".join(out) + "\u201d"
