r"""A timeline as a Markdown chronology table, for reports.

One row per event, earliest first (the timeline's ``sorted()`` order): the
date as the library labels it ("7-13 Oct 2024" is one day somewhere in that
week; "1950 – 1953" something that lasted; "from February 2022 (ongoing)"),
the title, and the sources as footnote references (``[^source-id]``). The
footnotes follow the table, one per source in the order first cited, giving
outlet, title, authors, published date and address.

Text is escaped so it shows as written: Markdown's punctuation (``\``, ``|``,
``*``, ``_``, ``[``, ``]``, ``<``, ``>``, `````, ``~``, ``&``) gets a backslash,
and a line break inside a cell becomes ``<br>`` (inside a footnote, a space).
The footnote syntax is that of GitHub, Pandoc, MultiMarkdown and
markdown-it's footnote plugin.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from chronology.events import Source
from chronology.exchange._describe import cited, is_web_url, names
from chronology.exchange._records import require_timeline

if TYPE_CHECKING:
    from chronology.timeline import Timeline

__all__ = ["to_markdown"]

_SPECIAL: Final = frozenset("\\|*_[]<>`~&")


def to_markdown(timeline: Timeline) -> str:
    """The timeline as Markdown: a heading (when it has a title), the table, the footnotes.

    Args:
        timeline: the chronology (or a view of one) to export.

    Returns:
        The Markdown text, ending in a newline.

    """
    require_timeline(timeline)
    lines = []
    if timeline.title:
        lines += [f"# {_inline(timeline.title)}", ""]
    lines += ["| When | Event | Sources |", "| --- | --- | --- |"]
    order: dict[str, None] = {}
    for event in timeline.sorted():
        ids = cited(event)
        order.update(dict.fromkeys(ids))
        notes = " ".join(f"[^{source_id}]" for source_id in ids)
        when = event.when.label
        narrowed = timeline.narrowed(event.id)
        if narrowed is not event.when:  # what the links add to the date as written
            when += f" (by its links: {narrowed.label})"
        lines.append(f"| {_cell(when)} | {_cell(event.title)} | {notes} |")
    if order:
        lines.append("")
        lines += [f"[^{source_id}]: {_footnote(source_id, timeline.sources)}" for source_id in order]
    return "\n".join(lines) + "\n"


def _footnote(source_id: str, sources: Mapping[str, Source]) -> str:
    """A footnote's text: outlet, title, authors, published date and address, as far as known."""
    source = sources.get(source_id)
    if source is None:
        return _inline(source_id)
    parts = [_inline(source.outlet)] if source.outlet else []
    if source.title:
        parts.append(f"“{_inline(source.title)}”")
    if source.authors:
        parts.append("by " + _inline(names(source.authors)))
    if source.published is not None:
        parts.append(f"published {_inline(source.published.label)}")
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
