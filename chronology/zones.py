"""Named time zones (IANA, through the standard library's ``zoneinfo``): local times given their offset.

A time written without an offset is floating ("3 a.m. local time"). Where the
zone is known (named after the time, "2024-10-18T03:00 Asia/Seoul", or set
for a whole file in ``[reading] zone``), :func:`localize` gives it the offset
the zone had at that moment, so it compares with other times in UTC. A local
time that does not exist (in the hour skipped when clocks go forward) is an
error; one that happens twice (when clocks go back) covers both.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import importlib.resources
import os
import zoneinfo
from typing import Final

from chronology import _calendar
from chronology._calendar import OPEN_HI as _OPEN_HI
from chronology._calendar import OPEN_LO as _OPEN_LO
from chronology._calendar import SECONDS_PER_DAY
from chronology.dates import DateValue, Interval, UncertainDate
from chronology.errors import ChronologyError, DateParseError

__all__ = ["canonical_zones", "city_zones", "localize", "offset_at", "wall_seconds", "zone_named"]


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _tzdata_source() -> str | None:
    """The text of the database's ``tzdata.zi`` (its zones, "Z" lines, and links, "L"), where zoneinfo finds it.

    Read once: the zones and the links are both taken from it.
    """
    for folder in zoneinfo.TZPATH:
        path = os.path.join(folder, "tzdata.zi")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as source:
                return source.read()
    try:  # the tzdata package, zoneinfo's own fallback
        return importlib.resources.files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return None


@functools.cache
def canonical_zones() -> frozenset[str]:
    """The IANA zones that are zones of their own, not backward links ("Europe/Kyiv", not "Europe/Kiev").

    Read from the database's ``tzdata.zi``; every available zone where that file is not found.
    """
    source = _tzdata_source()
    if source is None:
        return _known()
    return frozenset(line.split()[1] for line in source.splitlines() if line.startswith("Z "))


@functools.cache
def _links() -> dict[str, str]:
    """Each backward link of the database ("Europe/Kiev") with the zone it names ("Europe/Kyiv")."""
    source = _tzdata_source()
    if source is None:
        return {}
    return {parts[2]: parts[1] for parts in (line.split() for line in source.splitlines()) if parts[:1] == ["L"]}


#: The regions of zones named for a city ("Europe/Kyiv"); others name a country or a rule ("US/Eastern").
_CITY_REGIONS: Final = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)


@functools.cache
def city_zones() -> dict[str, str]:
    """Each city of a zone's name, lower-cased, spaced ("new york"), with its zone: "kyiv" is "Europe/Kyiv".

    A city is the last part of a zone's name in a region of cities ("Europe/Kyiv", "America/Argentina/Salta"); a
    city's old name, kept as a backward link, names the zone it links to ("kiev" is "Europe/Kyiv" too).
    """
    cities: dict[str, str] = {}
    named = [(zone, zone) for zone in sorted(canonical_zones())] + sorted(_links().items())
    for name, zone in named:
        region, _, city = name.rpartition("/")
        if region.split("/")[0] in _CITY_REGIONS and city[:1].isalpha():
            cities.setdefault(city.replace("_", " ").lower(), zone)
    return cities


def zone_named(name: str, *, text: str = "") -> zoneinfo.ZoneInfo:
    """The IANA zone called ``name`` ("Asia/Seoul", "Europe/London", "UTC").

    Raises:
        DateParseError: no such zone; the message names the nearest one.

    """
    if name not in _known():
        # an abbreviation ("EEST", "CET") is not a zone; suggesting the nearest abbreviation could be hours off
        # a zone of its own before a backward link: "Europe/Kiev2" is nearest "Europe/Kyiv", not "Europe/Kiev"
        regions = sorted(zone for zone in canonical_zones() & _known() if "/" in zone)
        close = difflib.get_close_matches(name, regions, n=1, cutoff=0.6) if "/" in name else []
        if not close and "/" in name:
            close = difflib.get_close_matches(name, sorted(z for z in _known() if "/" in z), n=1, cutoff=0.6)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else "; give an IANA name such as 'Asia/Seoul', 'Europe/Kyiv' or 'America/New_York'"
        )
        raise DateParseError(text or name, f"{name!r} is not a time zone of the IANA database{hint}")
    return zoneinfo.ZoneInfo(name)


def localize(value: UncertainDate, zone: zoneinfo.ZoneInfo, *, text: str = "", named: bool = False) -> UncertainDate:
    """``value``, a floating time, with the offset ``zone`` had then; dates and times with an offset as they are.

    ``named``: the zone is named with the time itself, so an offset the time
    also gives must be the zone's.

    Raises:
        DateParseError: the local time does not exist in the zone (the clocks
            went forward over it), or gives another offset than the zone's; the
            message names the time, the zone and the day.

    """
    if named and value.has_time and value.utc_offset is not None:
        utc = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
            seconds=value.lo - value.utc_offset - _EPOCH
        )
        zones_offset = utc.astimezone(zone).utcoffset()
        if zones_offset is not None and _to_minute(zones_offset) != value.utc_offset:
            raise DateParseError(
                text or value.edtf,
                f"the offset given is not {zone.key}'s then (UTC{_offset_text(_to_minute(zones_offset))}); "
                "give the offset or the zone",
            )
    if not value.has_time or value.utc_offset is not None:
        return value
    if value.open_before or value.open_after:  # "before 3 a.m. on 18 October": the known bound's offset
        known, _ = _offsets(value.hi if value.open_before else value.lo, zone, value, text)
        return UncertainDate.from_seconds(
            value.lo, value.hi, value.precision, qualifier=value.qualifier, utc_offset=known, text=text or value.text
        )
    first, _ = _offsets(value.lo, zone, value, text)
    last, last_again = _offsets(value.hi, zone, value, text)
    # The value keeps one offset, its first moment's; its latest bound is moved into that offset, taking the
    # later reading of an hour the clocks repeat, so that both readings are covered.
    hi = value.hi + first - min(last, last_again)
    return UncertainDate.from_seconds(
        value.lo, hi, value.precision, qualifier=value.qualifier, utc_offset=first, text=text or value.text
    )


_EPOCH: Final = _calendar.day_number(1970, 1, 1) * SECONDS_PER_DAY


def _offset_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def _offsets(seconds: int, zone: zoneinfo.ZoneInfo, value: UncertainDate, text: str) -> tuple[int, int]:
    """The zone's offset at a local second, for its first and its second occurrence (equal unless repeated)."""
    days, second_of_day = divmod(seconds, SECONDS_PER_DAY)
    year, month, day = _calendar.from_day_number(days)
    if not 1 <= year <= 9999:
        raise DateParseError(text or value.edtf, "a time zone is applied to years 1-9999 only")
    hour, rest = divmod(second_of_day, 3600)
    local = datetime.datetime(year, month, day, hour, rest // 60, rest % 60)
    earlier = local.replace(tzinfo=zone, fold=0)
    later = local.replace(tzinfo=zone, fold=1)
    back = earlier.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    if back != local:
        before, after = earlier.utcoffset(), later.utcoffset()
        offsets = " or ".join(_offset_text(_to_minute(o)) for o in dict.fromkeys((before, after)) if o is not None)
        raise DateParseError(
            text or value.edtf,
            f"{local:%H:%M} does not exist in {zone.key} on {local:%Y-%m-%d}: the clocks went forward over it; "
            f"give the offset ({offsets}) or the time as the clocks showed it",
        )
    first, second = earlier.utcoffset(), later.utcoffset()
    if first is None or second is None:  # pragma: no cover - a ZoneInfo always gives an offset
        raise DateParseError(text or value.edtf, f"{zone.key} gives no offset for {local:%Y-%m-%dT%H:%M}")
    return _to_minute(first), _to_minute(second)


def _to_minute(offset: datetime.timedelta) -> int:
    """An offset in seconds, to the minute as ISO 8601 writes offsets (a local mean time's +08:27:52 is +08:28)."""
    return round(offset.total_seconds() / 60) * 60


def offset_at(utc_seconds: int, zone: zoneinfo.ZoneInfo) -> int:
    """The zone's offset east of UTC, in seconds, at a UTC instant of the model's timeline (years 1-9999)."""
    moment = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(seconds=utc_seconds - _EPOCH)
    offset = moment.astimezone(zone).utcoffset()
    return 0 if offset is None else _to_minute(offset)


def wall_seconds(seconds: int, offset: int, zone: zoneinfo.ZoneInfo | None) -> int:
    """A second written at ``offset`` as ``zone``'s wall clock shows it, UTC when None (open bounds stay open).

    The day rule every query and comparison follows: a time with an offset falls
    on its calendar day in the timeline's zone, UTC without one.
    """
    if seconds <= _OPEN_LO or seconds >= _OPEN_HI:
        return seconds
    utc = seconds - offset
    return utc if zone is None else utc + offset_at(utc, zone)


def local_time(value: DateValue, zone: zoneinfo.ZoneInfo | None) -> DateValue:
    """``value`` without the offset of each time that is ``zone``'s own at that moment (``value`` when none is).

    A table that names its zone once need not repeat "UTC+02:00" on every line: "11 March 2025, 3 a.m."
    under a heading of Europe/Kyiv time. A time at another offset keeps its own; so does a set of dates
    ("2019 or 2020"). The rule of ``chronology list``, the Markdown
    export and the claims table.
    """

    def local(value: UncertainDate, zone: zoneinfo.ZoneInfo) -> UncertainDate:
        offset = value.utc_offset
        if offset is None or value.all_of or "," in value.edtf:  # (a set's label names its members)
            return value
        ends = [second for second in (value.lo, value.hi) if _OPEN_LO < second < _OPEN_HI]
        if not ends or any(offset_at(second - offset, zone) != offset for second in ends):
            return value
        return UncertainDate.from_seconds(value.lo, value.hi, value.precision, qualifier=value.qualifier)

    if zone is None:
        return value
    if isinstance(value, UncertainDate):
        return local(value, zone)
    start = local(value.start, zone) if isinstance(value.start, UncertainDate) else value.start
    end = local(value.end, zone) if isinstance(value.end, UncertainDate) else value.end
    if start is value.start and end is value.end:
        return value
    try:
        return Interval(start, end)
    except ChronologyError:  # (ends no longer comparable as written: keep the offsets)
        return value
