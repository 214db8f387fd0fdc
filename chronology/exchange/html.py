"""A timeline as an HTML table: what Jupyter shows under the picture, and a fragment for web pages.

One row per event, earliest first (the timeline's ``sorted()`` order): the
date's label (its EDTF in the cell's ``title``), the title, the kind and the
sources, each followed by where a citation points in it ("Pepys, p. 23; Pepys, pp. 40-42"; the
source named again before each place). Every text is escaped. The table carries the class
``chronology-table`` and no style, so the page's own styling applies.
"""

from __future__ import annotations

import base64
from html import escape
from typing import TYPE_CHECKING

from chronology.exchange._describe import cited, dated, located, old_style, source_name
from chronology.exchange._records import require_timeline

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = ["to_html"]


def to_html(timeline: Timeline, *, max_rows: int | None = None, picture: bytes | None = None) -> str:
    """The timeline as an HTML ``<table>`` fragment, optionally under its picture.

    Args:
        timeline: the chronology (or a view of one) to show.
        max_rows: show at most this many events, then a last row saying how
            many more there are; ``None`` shows every event.
        picture: PNG bytes to show above the table, inlined as a ``data:``
            address (Jupyter passes the timeline's own drawing).

    Returns:
        The ``<table>`` element as text, its caption the timeline's title
        (when it has one); with a picture, a ``<div>`` holding the picture
        and the table.

    Raises:
        ValueError: ``max_rows`` is negative.

    """
    require_timeline(timeline)
    if max_rows is not None and max_rows < 0:
        raise ValueError(f"max_rows={max_rows!r}: give a count of rows (0 or more), or None for every row")
    events = timeline.sorted()
    shown = events if max_rows is None else events[:max_rows]
    rows = ['<table class="chronology-table">']
    if timeline.title:
        rows.append(f"<caption>{escape(timeline.title)}</caption>")
    rows.append("<thead><tr><th>When</th><th>Event</th><th>Kind</th><th>Sources</th></tr></thead>")
    rows.append("<tbody>")
    julian = old_style(timeline)  # dates before 1752 labelled in both calendars, as ``chronology list`` does
    for event in shown:
        places = located(event)  # where a citation points in its source: "Pepys, p. 23", once a place
        sources = "; ".join(
            ", ".join(part for part in (source_name(source_id, timeline.sources), place) if part)
            for source_id in cited(event)
            for place in places.get(source_id, ("",))
        )
        when = escape(dated(event.when, timeline.zone_info, old_style=julian))
        rows.append(
            f'<tr data-id="{escape(event.id, quote=True)}">'
            f'<td title="EDTF {escape(event.when.to_edtf(), quote=True)}">{when}</td>'
            f"<td>{escape(event.title)}</td><td>{escape(event.kind)}</td><td>{escape(sources)}</td></tr>"
        )
    hidden = len(events) - len(shown)
    if hidden:
        rows.append(f'<tr><td colspan="4">… and {hidden} more event{"" if hidden == 1 else "s"}</td></tr>')
    rows.append("</tbody></table>")
    table = "\n".join(rows)
    if picture is None:
        return table
    data = base64.b64encode(picture).decode("ascii")
    alt = escape(f"the timeline{': ' + timeline.title if timeline.title else ''}", quote=True)
    return f'<div class="chronology-timeline">\n<img alt="{alt}" src="data:image/png;base64,{data}"/>\n{table}\n</div>'
