"""Chronologies in and out of other formats: JSON, CSV, TimelineJS, iCalendar, Markdown.

Exporters read a :class:`~chronology.Timeline`; importers return one. None of
them parses a date: they go through :func:`chronology.parse` like the event file.
"""

from __future__ import annotations

from chronology.exchange.as_csv import from_csv, to_csv
from chronology.exchange.as_json import from_json, json_schema, to_json
from chronology.exchange.frame import to_pandas
from chronology.exchange.html import to_html
from chronology.exchange.ical import to_ics
from chronology.exchange.markdown import to_markdown
from chronology.exchange.timelinejs import to_timelinejs, to_timelinejs_json

__all__ = [
    "from_csv",
    "from_json",
    "json_schema",
    "to_csv",
    "to_html",
    "to_ics",
    "to_json",
    "to_markdown",
    "to_pandas",
    "to_timelinejs",
    "to_timelinejs_json",
]
