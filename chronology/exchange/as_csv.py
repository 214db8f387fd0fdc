"""A timeline as a spreadsheet (CSV), one row per event, and a spreadsheet of events as a timeline.

The columns, in the order written:

``id, title, earliest, latest, precision, edtf, kind, actors, tags, sources,
when, anchor, tense, places, summary, quotes, after, before, part_of, reports,
narrowed_earliest, narrowed_latest, claim_subjects, claim_values, claim_units,
claim_claimants, claim_sources, claim_said, claim_anchors, claim_quotes``

then one column per key of the events' ``extra`` (named ``extra.<key>`` where
the key is also the name of a column above). ``earliest`` and ``latest`` are
the first and last possible moments at the date's precision (empty for an
open or unknown end): of an end known to the day or more coarsely, its day
(ISO 8601: ``2024-10-01`` and ``2024-10-31`` for October 2024); of one with a
time, a date and time to the minute (to the second for one known to the
second), so that "3 a.m." on 11 March 2025 in Kyiv is ``2025-03-11T03:00+02:00``
to ``2025-03-11T03:59+02:00``. A time with an offset is written at the offset
of the timeline's zone at that moment (UTC, ``Z``, for a timeline without
one), so that its day is the one every query places it on; a time without an
offset is written as it is. So are
``narrowed_earliest`` and ``narrowed_latest``. ``precision`` is
the unit the date names (of something lasting, the coarser of its ends'),
``edtf`` the date itself, ``when`` the report's wording where it differs from
``edtf`` (read from ``anchor``; a time of day it gives without an offset, "early
Monday" read in a file's ``[reading] zone``, is at the offset ``edtf`` gives). ``sources`` lists the source of
each citation, ``quotes`` the quote of each, in the same order (empty when no
citation has one). Where a citation of the timeline says where it points in its
source (its ``locator``: ``p. 23``, ``f. 12v``), a ``locators`` column follows
``quotes``, one item per source of ``sources`` as there
(``p. 23; ; pp. 40-42``); a timeline without locators is written without that
column.

Claims are written as citations are: each claim of an event is one item of
each ``claim_*`` column, in the claims' order. ``claim_subjects`` and
``claim_values`` (the figure as worded: ``about 10,000``) are never empty;
``claim_units``, ``claim_claimants``, ``claim_sources``, ``claim_said`` (when
it was said, where that is not its event's date: its wording where that reads
without an anchor, else EDTF, as ``2024-11-15`` for "Friday"),
``claim_anchors`` (what a relative ``claim_said`` was read from) and
``claim_quotes`` have an empty item for a claim without one, and are empty
where no claim has one. So "the Pentagon says about 10,000 soldiers; Kyiv says
12,000" is ``claim_subjects`` ``troops; troops``, ``claim_values`` ``about
10,000; 12,000``, ``claim_units`` ``soldiers; soldiers``, ``claim_claimants``
``the Pentagon; Kyiv``.

The sources' own details (outlet, title, authors, date, url, note) do not fit
a row of events, which names its sources by id: :func:`sources_to_csv` writes
them as a second spreadsheet, one row per source, with the columns ``id,
outlet, title, authors, published, url, note, published_after,
published_before`` (the keys of an ``[[sources]]`` table; ``authors`` and the
``published_*`` lists as the events' lists are written, ``published`` as an
event file writes it). ``chronology export -o events.csv`` writes it beside,
as ``events.sources.csv``, and ``chronology import events.csv`` reads it from
there; give it to :func:`from_csv` as ``sources_csv``. Without it, the sources
come back as bare ids (see below), and wording read from them ("Friday",
against a report's date) as its EDTF. Neither spreadsheet holds the
timeline's title or its zone (its ``[reading] zone``): give the zone to
:func:`from_csv` (``chronology import --zone Europe/Kyiv``) and the title to
the file written (``chronology import --title``; ``chronology export`` prints
both options), or use JSON (:mod:`chronology.exchange.as_json`), which holds
everything.

A timeline whose dates in words are read in the Julian calendar (its files'
``[reading] calendar = "julian"``: Old Style, converted on reading) is
written with its ``when`` worded as in the file, where that reads back so in
that calendar, beside the Gregorian ``edtf``, ``earliest`` and ``latest``. The
spreadsheet does not say its calendar: give it to :func:`from_csv`
(``calendar="julian"``), which reads ``when`` (and the sources'
``published``) in it and gives the timeline read that ``[reading]
calendar``. Read in the Gregorian calendar, such wording disagrees with its
``edtf`` and is reported, naming the calendar it reads in.

Lists (``actors``, ``tags``, ``places``, ``sources``, ``quotes``,
``locators``, ``after``, ``before``, ``reports`` and the ``claim_*`` columns) are written in one
cell, items separated by ``"; "``; a ``;`` inside an item is doubled (``";;"``). Reading splits at every single
``;``, turns ``;;`` back into ``;`` and strips spaces around items. Cells are
quoted as CSV needs and lines end in CRLF (RFC 4180). A cell that a
spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return, after any spaces and quotes: a title such
as ``=HYPERLINK(...)``) is written with a leading ``'``, which spreadsheets
show as text and reading removes again (as it does one ``'`` of a cell such as
``''=x``, which is how ``'=x`` is written). So is each part of a cell after a
``;``, ``,``, tab or line break in it: a spreadsheet that splits cells at
``;`` (as most European ones do) reads ``see;=cmd|...`` as two cells, the
second a formula, so it is written ``see;'=cmd|...``. That holds for every
cell: the header row's (an ``extra`` key is a column name), JSON values of
``extra`` and the dates' too, as a date before year 1 (``-0500-03-15``) is
otherwise reckoned as a subtraction; other dates never start with such a
character and are written as they are.

Reading accepts what spreadsheets write: a byte order mark, CRLF line ends,
``,``, ``;`` or tab between cells (whichever the header row uses), columns in
any order and any case, empty cells (read as absent) and columns of your own
(kept in each event's ``extra`` as text, a ``extra.`` prefix removed; one
named as a list column in the singular, ``source`` or ``actor``, is kept
with a warning naming the column meant). Cells
of ``title``, ``summary`` and your own columns are kept as written, spaces
around them too; the others are read without surrounding spaces. A row
needs ``id``, ``title`` and a date: ``edtf``, else ``when`` (with ``anchor``
when relative), else ``earliest`` and ``latest`` (one day somewhere in that
range, ``[earliest..latest]``; where both have a time, one moment between
them, at the finer of their precisions, both with an offset, the earliest's
taken, or neither). The other date columns are checked against that date: a
disagreement is reported, not settled. A time in ``earliest`` or ``latest``
is checked to the moment (a cell to the minute stands for the whole minute,
so the latest moment of 3 a.m. is ``03:59``), a day to the day (of a time with
an offset, its day in ``zone``, UTC without one, or at its own offset: what
exports before times were written give). ``precision`` also gives
the unit of a range of days, which EDTF does not write ("last week" is
``[2024-10-07..2024-10-13]``, precise to a week); beside ``earliest`` and
``latest`` alone, it must be one their days can have, that is one their
date, written in EDTF, reads back with: ``day`` for one day, ``day`` or
``month`` for a whole month, ``day`` or ``year`` for a whole year, ``week``
for a Monday to the Sunday after it, ``day`` for other days; of moments,
``hour`` for a whole hour, ``minute`` for whole minutes, and ``second``. When ``edtf``
is given, a ``when`` beside it is kept as the date's wording once checked to
read to the same date as an event file reads it, its times without an offset
in ``zone`` (left out where it cannot be checked: relative to a source the
spreadsheet does not date). Wording whose clock times ``edtf`` places at
another offset ("at dawn" beside ``[2025-03-11T03+02:00..2025-03-11T05+02:00]``,
read without the zone the spreadsheet was written in) is reported, not kept:
an event file holding it would read it as another moment. Give the zone
(``chronology import --zone Europe/Kyiv``), or empty the ``when`` cell to keep
the ``edtf`` alone.

Each id in ``sources`` names a source of the sources' spreadsheet or of the
``sources`` given to :func:`from_csv`; an id that is not among them becomes a bare
``Source(id=...)``, with no outlet or date: a spreadsheet of events does not
say more about its sources, and nothing is invented. An ``anchor`` must name
an event of the spreadsheet, a given source or a cited one, except in a row
dated by its ``edtf``, whose date does not need it: an anchor there that
names none of these becomes a bare source too (an event may be read from a
source it does not cite), so that the date and the anchor are both kept,
and only the ``when`` beside them is left out, as it cannot be checked
against a source without a date.

The ``claim_*`` columns are read into claims, item by item: each lists one
item per claim, or none (an empty cell), and every claim has a subject and a
figure. A claim's source is read as a cited one (a bare source where it is
not given), and so is its anchor where the date said does not need it. What
an event file cannot say, a spreadsheet cannot either: a claim without a
source, of an event that cites one, is read back as carried by the event's
first citation.

The ``zone`` given to :func:`from_csv`, the zone of the timeline the
spreadsheet was written from, is the zone of the timeline read, so that its
days are the same; times written without an offset are read in it, as in an
event file with that ``[reading] zone``. Leave it out for a spreadsheet whose
times without an offset are to stay so (a timeline with a zone and such times
comes back with its events, but without its zone).

Rows are then checked as an event file
is, and every problem is reported with its row (counted as a spreadsheet
counts them, the header being row 1) and column.
A quote that opens a cell and is never closed, which would make the rest of
the file that one cell, is reported alone, with the row and column it opens.
"""

from __future__ import annotations

from typing import Final

from chronology.exchange import _csv_layout
from chronology.exchange._csv_layout import defused, join_list, split_list
from chronology.exchange._csv_read import from_csv
from chronology.exchange._csv_write import sources_to_csv, to_csv

__all__ = ["COLUMNS", "SOURCE_COLUMNS", "from_csv", "join_list", "sources_to_csv", "split_list", "to_csv"]

#: The columns :func:`to_csv` writes, in order, before the columns of ``extra`` keys.
COLUMNS: Final = _csv_layout.COLUMNS
#: The columns :func:`sources_to_csv` writes, in order: the keys of an ``[[sources]]`` table.
SOURCE_COLUMNS: Final = _csv_layout.SOURCE_COLUMNS
#: The one rule for cells a spreadsheet would run as formulas, under the name the claims table imports.
_defused: Final = defused
