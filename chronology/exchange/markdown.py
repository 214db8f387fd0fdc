r"""A timeline as a Markdown chronology table, for reports.

One row per event, earliest first (the timeline's ``sorted()`` order): the
date as the library labels it ("7-13 Oct 2024" is one day somewhere in that
week; "1950 – 1953" something that lasted; "from February 2022 (ongoing)"),
the title with each quote of its citations under it (“...”, a quote inside it
in single marks, and its source's footnote where the event cites several), and
the sources as footnote references (``[^source-id]``), each followed by where
its citations point in it (their ``locator``: ``[^pepys], p. 23; [^pepys], pp. 40-42;
[^evelyn]``, a source named again before each place).
An undated source's footnote says so, with the date what it reports gives it.

Where events carry claims, "Figures claimed" follows the table: one table a
subject, so that conflicting figures stand together, a row a claim: the
figure and its unit, who claims it (with the claim's quote under the name,
“...”), when it was said (where the claim gives no ``said``, its source's
date, else its event's: ``Timeline.said``; the cell says which), the event,
and its source as a footnote reference. The
footnotes follow, one per source in the order first cited, giving outlet,
title, authors, published date and address.

Where the timeline has a zone (``[reading] zone``), a time at that zone's
own offset is written without it and the date column's header names the zone
once ("When (Europe/Kyiv time)"), as ``chronology list`` writes them; a time
at another offset keeps it.

Text is escaped so it shows as written: Markdown's punctuation (``\``, ``|``,
``*``, ``_``, ``[``, ``]``, ``<``, ``>``, `````, ``~``, ``&``) gets a backslash,
and a line break inside a cell becomes ``<br>`` (inside a footnote, a space).
The footnote syntax is that of GitHub, Pandoc, MultiMarkdown and
markdown-it's footnote plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from chronology.exchange._describe import (
    SAID_NOTES,
    cited,
    dated,
    is_web_url,
    located,
    names,
    old_style,
    quoted,
    said_note,
)
from chronology.exchange._records import require_timeline
from chronology.zones import local_time

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = ["to_markdown"]

_SPECIAL: Final = frozenset("\\|*_[]<>`~&")
#: The note after a claim's date when it is its event's, the claim giving none of its own and its source no date.
SAID_DEFAULT: Final = SAID_NOTES["event"]
#: The note after a claim's date when it is its source's, the claim giving none of its own.
SAID_SOURCE: Final = SAID_NOTES["source"]


def to_markdown(timeline: Timeline) -> str:
    """The timeline as Markdown: a heading (when it has a title), the table, the figures claimed, the footnotes.

    Args:
        timeline: the chronology (or a view of one) to export.

    Returns:
        The Markdown text, ending in a newline.

    """
    require_timeline(timeline)
    zone = timeline.zone_info
    julian = old_style(timeline)  # dates before 1752 labelled in both calendars, as ``chronology list`` does
    lines = []
    if timeline.title:
        lines += [f"# {_inline(timeline.title)}", ""]
    rows = []
    bare = False  # whether a time is written without its offset, the zone's own at that moment
    order: dict[str, None] = {}
    for event in timeline.sorted():
        ids = cited(event)
        order.update(dict.fromkeys(ids))
        places = located(event)  # where a citation points in its source: "[^pepys], p. 23", once a place
        notes = ("; " if places else " ").join(
            f"[^{source_id}]{', ' + _cell(place) if place else ''}"
            for source_id in ids
            for place in places.get(source_id, ("",))
        )
        shown = local_time(event.when, zone)
        when = dated(shown, zone, old_style=julian)
        narrowed = timeline.narrowed(event.id)
        if narrowed is not event.when:  # what the links add to the date as written
            shown_narrowed = local_time(narrowed, zone)
            when += f" (by its links: {dated(shown_narrowed, zone, old_style=julian)})"
            bare = bare or shown_narrowed is not narrowed
        bare = bare or shown is not event.when
        what = [_cell(event.title)]
        # a quote names its source where the event cites more than one (else the Sources cell says it)
        mark = len(ids) > 1
        what += [
            _cell(quoted(c.quote)) + (f" [^{c.source}]" if mark else "") for c in event.citations if c.quote.strip()
        ]
        rows.append(f"| {_cell(when)} | {'<br>'.join(what)} | {notes} |")
    lines += [f"| {_when_header(timeline.zone, bare)} | Event | Sources |", "| --- | --- | --- |", *rows]
    lines += _claims(timeline)
    if order:
        lines.append("")
        lines += [f"[^{source_id}]: {_footnote(source_id, timeline)}" for source_id in order]
    return "\n".join(lines) + "\n"


def _when_header(zone: str | None, bare: bool, name: str = "When") -> str:
    """A date column's header: naming the zone whose times are written bare, as ``chronology list`` does."""
    return f"{name} ({_cell(zone)} time)" if bare and zone else name


def _claims(timeline: Timeline) -> list[str]:
    """The figures claimed, under a heading, one table a subject (conflicting figures side by side).

    A row a claim: the figure and its unit, who claims it and the claim's quote under the name (as an event's
    quotes are under its title), when it was said (where it gives none, its source's date, else its event's,
    which the cell says), the event and the source as a footnote reference.
    """
    zone = timeline.zone_info
    julian = old_style(timeline)
    subjects: dict[str, list[tuple[str, str, str, str, str]]] = {}
    bare = False
    for event in timeline.sorted():
        for claim in event.claims:
            said = timeline.said(event, claim)
            shown = local_time(said, zone)
            bare = bare or shown is not said
            default = said_note(timeline, event, claim)  # "" where the claim gives its own
            label = dated(shown, zone, old_style=julian)
            when = f"{label} ({default})" if default else label
            figure = " ".join(part for part in (claim.value.text or claim.value.label, claim.unit) if part)
            note = f"[^{claim.source}]" if claim.source else ""
            by = [_cell(claim.claimant)] if claim.claimant.strip() else []
            by += [_cell(quoted(claim.quote))] if claim.quote.strip() else []
            row = (_cell(figure), "<br>".join(by), _cell(when), _cell(event.title), note)
            subjects.setdefault(claim.subject, []).append(row)
    if not subjects:
        return []
    lines = ["", "## Figures claimed"]
    header = _when_header(timeline.zone, bare, "Said")
    for subject, rows in subjects.items():
        lines += ["", f"### {_inline(subject)}" if subject.strip() else "### (no subject given)", ""]
        lines += [f"| Figure | Claimed by | {header} | Event | Source |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _footnote(source_id: str, timeline: Timeline) -> str:
    """A footnote's text: outlet, title, authors, published date and address, as far as known.

    An undated source says so, with the date its events give it where they do ("undated (by what it
    reports, published no earlier than 29 October 2024)"), as ``chronology show`` does.
    """
    source = timeline.sources.get(source_id)
    if source is None:
        return _inline(source_id)
    parts = [_inline(source.outlet)] if source.outlet else []
    if source.title:
        parts.append(f"“{_inline(source.title)}”")
    if source.authors:
        parts.append("by " + _inline(names(source.authors)))
    julian = old_style(timeline)
    if source.published is not None:
        parts.append(f"published {_inline(dated(source.published, timeline.zone_info, old_style=julian))}")
    else:
        known = timeline.publication(source_id).value
        inferred = (
            f" (by what it reports, published {_inline(dated(known, timeline.zone_info, old_style=julian))})"
            if known is not None
            else ""
        )
        parts.append("undated" + inferred)
    if source.url:
        parts.append(f"<{source.url}>" if is_web_url(source.url) else _inline(source.url))
    return ", ".join(parts) if parts else _inline(source.id)


def _escape(text: str) -> str:
    return "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)


def _cell(text: str) -> str:
    """Text for a table cell: escaped, line breaks as ``<br>``."""
    return "<br>".join(_escape(line).strip() for line in text.strip().splitlines())


def _inline(text: str) -> str:
    """Text for a heading or footnote: escaped, on one line."""
    return " ".join(_escape(line).strip() for line in text.strip().splitlines())
