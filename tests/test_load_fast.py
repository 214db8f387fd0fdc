"""The loader's fast paths agree with the slow ones they stand in for.

* ``parse_edtf`` reads two plain days (``a/b``, ``[a..b]``) without the full reader: the same value,
  field for field (the texts too), or the same error.
* The loader builds events and citations without ``__init__``'s validators (``Event._checked``): the
  same events as ``Event(...)`` builds from the same file.
* The check for control characters looks only at the keys read as prose: every such key of every
  kind of table is still checked, and placed.
* The common event (no links, anchor, tense, claims or extra; citations of a source and a quote) is
  built in fewer steps (``_plain_fields`` checks its table in one pass, ``_Reader._plain_event`` takes
  the others of its keys): the same events, or the same problems, as the full reading; events listing
  the same one name share one tuple; the events' ids are matched in one pass.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chronology
from chronology import constraints
from chronology.dates import Interval, UncertainDate, _Day
from chronology.errors import DateParseError, EventFileError
from chronology.events import Citation, Event
from chronology.notation import edtf, parse_expression
from chronology.relative import RelativeDate, Tense

load_module = importlib.import_module("chronology.files.load")

# -- two plain days --------------------------------------------------------------------------------

_DAY_TEXTS = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(datetime.date.isoformat),
    # days that do not exist, year 0, months and days out of range
    st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda ymd: f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    ),
)


def _fields(value: object) -> object:
    """Every field of a date value, those left out of ``==`` (its text) too, with its class."""
    if isinstance(value, UncertainDate):
        return (type(value), attrs.astuple(value, recurse=False))
    if isinstance(value, Interval):
        return (type(value), _fields(value.start), _fields(value.end), value.text)
    return value


def _read(read: Any, text: str) -> object:
    try:
        return _fields(read(text))
    except DateParseError as error:
        return (type(error), str(error), error.position)


@given(
    first=_DAY_TEXTS,
    last=_DAY_TEXTS,
    form=st.sampled_from(["{}/{}", "[{}..{}]", "[{}..{}", "{}..{}", "[{}/{}]", "{}//{}", "[{}..{}]~", " {}/{}"]),
)
@settings(max_examples=400)
def test_two_days_read_fast_as_the_full_reader_reads_them(first: str, last: str, form: str) -> None:
    text = form.format(first, last)
    assert _read(edtf.parse_edtf, text) == _read(lambda t: edtf._Reader(t).read(), text)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("[2024-10-07..2024-10-13]", "week"),  # Monday to Sunday
        ("[2024-10-08..2024-10-14]", "day"),
        ("[2024-10-07..2024-10-07]", "day"),
    ],
    ids=["monday-to-sunday-is-a-week", "tuesday-to-monday", "one-day"],
)
def test_a_range_of_days_from_monday_to_sunday_is_a_week(text: str, precision: str) -> None:
    assert edtf._fast_day_pair(text) is not None  # the fast path read it
    assert edtf.parse_edtf(text).precision.value == precision  # type: ignore[union-attr]


def test_a_reversed_pair_of_days_is_left_to_the_full_reader_and_its_message() -> None:
    assert edtf._fast_day_pair("2024-10-05/2024-10-01") is None
    with pytest.raises(DateParseError, match="reversed interval") as caught:
        edtf.parse_edtf("2024-10-05/2024-10-01")
    assert caught.value.position == 10


# -- events built without their validators ---------------------------------------------------------

_IDS = st.from_regex(r"[a-z][a-z0-9]{0,4}", fullmatch=True)
_NAMES = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6), max_size=3)
_WHENS = st.sampled_from(
    ["2024-10-18", "2024-10", "2024-10?", "2024-10-01/2024-10-20", "[2024-10-01..2024-10-07]", "2023/2024", "1456"]
)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' if text.isprintable() else _escaped(text)


def _escaped(text: str) -> str:
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in text) + '"'


@st.composite
def _files(draw: st.DrawFn) -> str:
    """An event file of a few events using every field the loader builds an event from."""
    ids = draw(st.lists(_IDS, min_size=1, max_size=6, unique=True))
    lines = ['[[sources]]\nid = "src"\npublished = "2024-10-20"\n']
    for i, event_id in enumerate(ids):
        lines.append(f'[[events]]\nid = "{event_id}"\ntitle = {_quoted(draw(st.text(min_size=1, max_size=8)))}')
        lines.append(f'when = "{draw(_WHENS)}"')
        earlier = ids[:i]
        for field in ("actors", "places", "tags"):
            if draw(st.booleans()):
                lines.append(f"{field} = [{', '.join(map(_quoted, draw(_NAMES)))}]")
        for field in ("kind", "summary"):
            if draw(st.booleans()):
                lines.append(f"{field} = {_quoted(draw(st.text(max_size=8)))}")
        if draw(st.booleans()) and earlier:
            link: str = draw(st.sampled_from(["after", "reports"]))
            targets: list[str] = draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True))
            lines.append(f"{link} = [{', '.join(map(_quoted, targets))}]")
        if draw(st.booleans()):
            lines.append(f"extra = {{ n = {draw(st.integers(-5, 5))}, s = {_quoted(draw(st.text(max_size=4)))} }}")
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f'[[events.citations]]\nsource = "src"\nquote = {_quoted(draw(st.text(max_size=6)))}')
        lines.append("")
    return "\n".join(lines) + "\n"


def _through_init(cls: type[Any]) -> Any:
    """``cls._checked`` as the validated ``__init__`` would build it: the slow path."""
    names = [field.name for field in attrs.fields(cls)]
    return lambda *values: cls(**dict(zip(names, values, strict=True)))


def _outcome(path: Path, text: str) -> object:
    try:
        timeline = load_module.load_text(path, text)
    except EventFileError as error:
        return str(error)
    return [(event, [(name, type(getattr(event, name))) for name in attrs.fields_dict(Event)]) for event in timeline]


@given(text=_files())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_events_built_without_validators_equal_those_built_with_them(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.toml"
    fast = _outcome(path, text)
    with monkeypatch.context() as patch:
        patch.setattr(Event, "_checked", _through_init(Event))
        patch.setattr(Citation, "_checked", _through_init(Citation))
        slow = _outcome(path, text)
    assert fast == slow
    if not isinstance(fast, str):
        for event, _ in fast:  # type: ignore[attr-defined]
            assert isinstance(event.extra, MappingProxyType)


def test_checked_sets_every_field_of_an_event_in_order() -> None:
    when = chronology.parse("2024-10-18")
    values = {field.name: object() for field in attrs.fields(Event)}
    values["when"] = when
    event = Event._checked(*values.values())  # type: ignore[arg-type]
    assert {name: getattr(event, name) for name in values} == values


# -- control characters, every prose key -----------------------------------------------------------

_TABLES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    # kind -> (table header, the rest of a sound table, its prose keys and their shapes)
    "event": ("[[events]]", 'id = "e"\ntitle = "T"\nwhen = "2024"', load_module._PROSE_OF[id(load_module.EVENT_KEYS)]),
    "source": ("[[sources]]", 'id = "s"', load_module._PROSE_OF[id(load_module.SOURCE_KEYS)]),
    "citation": (
        '[[events]]\nid = "e"\ntitle = "T"\nwhen = "2024"\n[[events.citations]]',
        'source = "s"',
        load_module._PROSE_OF[id(load_module.CITATION_KEYS)],
    ),
    "claim": (
        '[[events]]\nid = "e"\ntitle = "T"\nwhen = "2024"\n[[events.claims]]',
        'subject = "x"\nvalue = 5',
        load_module._PROSE_OF[id(load_module.CLAIM_KEYS)],
    ),
}
_CASES = [(kind, key, shape) for kind, (_, _, prose) in _TABLES.items() for key, shape in prose]


def test_the_prose_keys_are_those_of_the_schema() -> None:
    keys = {kind: {key for key, _ in prose} for kind, (_, _, prose) in _TABLES.items()}
    assert keys == {
        "event": {"title", "kind", "actors", "places", "tags", "summary"},
        "source": {"outlet", "title", "authors", "url", "note"},
        "citation": {"quote", "locator"},
        "claim": {"subject", "unit", "claimant", "quote"},
    }


@pytest.mark.parametrize(("kind", "key", "shape"), _CASES, ids=[f"{k}.{key}" for k, key, _ in _CASES])
def test_a_control_character_in_any_prose_key_is_refused_and_placed(
    kind: str, key: str, shape: str, tmp_path: Path
) -> None:
    header, rest, _ = _TABLES[kind]
    body = "\n".join(line for line in rest.splitlines() if not line.startswith(f"{key} ="))
    value = '"bad\\u001bx"' if shape == "text" else '["fine", "bad\\u001bx"]'
    text = f'[[sources]]\nid = "s"\n\n{header}\n{body}\n{key} = {value}\n'
    if kind == "source":
        text = f"{header}\n{body}\n{key} = {value}\n"
    path = tmp_path / "events.toml"
    with pytest.raises(EventFileError) as caught:
        load_module.load_text(path, text)
    message = str(caught.value)
    line = text.splitlines().index(f"{key} = {value}") + 1
    field = key if kind in ("event", "source") else f"{kind}s[0].{key}"
    assert f"{path}:{line}:" in message
    assert f"field '{field}'" in message
    assert "control character U+001B at character 4" in message


# -- dates read from other events: the network trusts the loader's own readings ---------------------

_PHRASES = st.sampled_from(["two days after", "days before", "that day", "the next day", "Friday", "hours later"])
_ANCHOR_WHENS = st.sampled_from(["2024-10-18", "2024-10", "[2024-10-01..2024-10-07]", "2024-10-18T10:00", "2024-10~"])


@st.composite
def _anchored_files(draw: st.DrawFn) -> str:
    """Events dated by phrases read from earlier events (chains too), with some order links."""
    count = draw(st.integers(2, 7))
    lines = [f'[[events]]\nid = "e0"\ntitle = "T"\nwhen = "{draw(_ANCHOR_WHENS)}"\n']
    for i in range(1, count):
        lines.append(f'[[events]]\nid = "e{i}"\ntitle = "T"')
        if draw(st.booleans()):
            lines.append(f'when = "{draw(_PHRASES)}"\nanchor = "e{draw(st.integers(0, i - 1))}"')
            lines.append(f'tense = "{draw(st.sampled_from(["past", "future", "either"]))}"')
        else:
            lines.append(f'when = "{draw(_ANCHOR_WHENS)}"')
        if draw(st.booleans()):
            lines.append(f'after = ["e{draw(st.integers(0, i - 1))}"]')
        lines.append("")
    return "\n".join(lines) + "\n"


def _answers(path: Path, text: str) -> object:
    try:
        timeline = load_module.load_text(path, text)
    except EventFileError as error:
        return str(error)
    return [
        (event.id, _fields(event.when), _fields(timeline.narrowed(event.id)), timeline.narrowed_by(event.id))
        for event in timeline
    ]


@given(text=_anchored_files())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_network_finds_the_same_readings_with_the_loaders_word_as_without(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.toml"
    trusted = _answers(path, text)
    with monkeypatch.context() as patch:
        patch.setattr(load_module, "loader_readings", lambda readings: contextlib.nullcontext())
        read_again = _answers(path, text)
    assert trusted == read_again


def test_a_reading_the_loader_made_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    anchor, other = chronology.parse("2024-10"), chronology.parse("2024-11")
    assert isinstance(anchor, UncertainDate)
    assert isinstance(other, UncertainDate)
    phrase = parse_expression("days before")
    assert isinstance(phrase, RelativeDate)
    when = phrase.resolve(anchor, tense=Tense.PAST)
    assert isinstance(when, UncertainDate)
    event, anchoring = Event(id="e", title="E", when=when, anchor="a"), Event(id="a", title="A", when=anchor)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(RelativeDate, "resolve", refuse)
    with constraints.loader_readings({id(when): (when, phrase, anchor, Tense.PAST)}):
        assert constraints._reading_of(event, anchoring) == phrase
    # another tense, another anchor date, or another date object: read again
    for entry in (
        (when, phrase, anchor, Tense.FUTURE),
        (when, phrase, other, Tense.PAST),
        (attrs.evolve(when), phrase, anchor, Tense.PAST),
    ):
        with constraints.loader_readings({id(when): entry}), pytest.raises(AssertionError, match="read again"):
            constraints._reading_of(event, anchoring)


# -- the one-pass check of a table -----------------------------------------------------------------

_VALUES = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["a\tb", "a\nb", "a\r\nb", "a\rb", "\x1b", "\x85", "s1", "2024-10-18"]),
    st.lists(st.one_of(st.text(max_size=3), st.sampled_from(["a\tb", "\x07", "x"]), st.integers()), max_size=3),
    st.lists(st.sampled_from(["x", "e1", "a\tb", "a\nb", "\x07", "\x85"]), min_size=1, max_size=3),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(), max_size=2),
    st.lists(st.dictionaries(st.sampled_from(["a"]), st.integers(), max_size=1), max_size=2),
)
_SCHEMAS = {
    "event": load_module.EVENT_KEYS,
    "source": load_module.SOURCE_KEYS,
    "citation": load_module.CITATION_KEYS,
    "claim": load_module.CLAIM_KEYS,
}


_SOUND_BASES: dict[str, dict[str, Any]] = {
    "event": {"id": "e", "title": "T", "when": "2024"},
    "source": {"id": "s"},
    "citation": {"source": "s"},
    "claim": {"subject": "x", "value": 5},
}


@st.composite
def _tables(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A table of a kind: mostly its required keys, sound, and a few keys more of any value."""
    what = draw(st.sampled_from(sorted(_SCHEMAS)))
    keys = [*_SCHEMAS[what], "unknown"]
    base = {key: value for key, value in _SOUND_BASES[what].items() if draw(st.integers(0, 9))}
    return what, base | draw(st.dictionaries(st.sampled_from(keys), _VALUES, max_size=4))


@given(table=_tables())
@settings(max_examples=1000)
def test_a_table_passed_in_one_go_is_one_the_full_check_finds_nothing_in(table: tuple[str, dict[str, Any]]) -> None:
    what, values = table
    known = _SCHEMAS[what]
    reader = load_module._Reader(allow_outside=False)
    file = load_module._File("f.toml", Path("f.toml"), "", 0)
    record = load_module._Record(file, 0, values, "event" if what != "source" else "source")
    one_go = load_module._sound(values, known, load_module.REQUIRED[what])
    sound = load_module._sound
    try:
        setattr(load_module, "_sound", lambda *args: False)  # noqa: B010 - the full check alone
        passed = reader._checked_table(record, record.where, values, known, what, "")
    finally:
        setattr(load_module, "_sound", sound)  # noqa: B010
    if one_go:  # sound: the full check agrees, and reports nothing
        assert passed
        assert reader.problems == []
    if passed and not reader.problems:  # and it is taken for every such table with printable texts
        prose = dict(load_module._PROSE_OF[id(known)])
        texts = [
            text
            for key, value in values.items()
            if key in prose
            for text in ([value] if isinstance(value, str) else value)
        ]
        assert one_go or not all(text.isprintable() for text in texts)


# -- plain days read by their quickest route -------------------------------------------------------


@given(text=st.one_of(_DAY_TEXTS, st.text(alphabet="0123456789-+WT:Z", min_size=10, max_size=10)))
@settings(max_examples=400)
def test_a_plain_day_reads_in_a_file_as_parse_expression_reads_it(text: str) -> None:
    edtf.clear_day_cache()  # the quick route's own cache: each text read afresh
    read = load_module._Reader(allow_outside=False)._expression(text)
    try:
        expected: object = _fields(parse_expression(text))
    except DateParseError as error:
        expected = (type(error), str(error), error.position)
    got = (type(read), str(read), read.position) if isinstance(read, DateParseError) else _fields(read)
    if isinstance(got, tuple) and got[:1] == (_Day,):  # the quick route's value: a day in every way
        got = (UncertainDate, got[1])
    assert got == expected


# -- the common event, read in fewer steps ---------------------------------------------------------

# keys the common event does not have, or of a shape the checks refuse (a key written twice: a TOML error)
_ODD_LINES = ['tense = "future"', 'tense = "then"', "claims = []", 'part_of = "x"', 'tags = "x"', "places = [5]"]
_ODD_LINES += ["kind = 5", "summary = []", "places = []", 'extra = { a = "b" }']
_CITED = st.sampled_from(['"src"', '"other"', '"not an id"', '"-src"', "5", '["src"]'])
_QUOTES = st.one_of(st.text(max_size=5), st.sampled_from(["a\tb", "a\nb", "\x1b", "\x85"]))


@st.composite
def _common_files(draw: st.DrawFn) -> str:
    """An event file of events mostly of the common keys, with citations sound or not, titles good or bad."""
    ids = draw(st.lists(_IDS, min_size=1, max_size=5, unique=True))
    lines = ['[[sources]]\nid = "src"\npublished = "2024-10-20"\n']
    for i, event_id in enumerate(ids):
        title = draw(st.one_of(st.just("T"), st.sampled_from([" ", "a\nb", "a\tb", "a\rb"]), st.text(max_size=4)))
        lines += [f'[[events]]\nid = "{event_id}"\ntitle = {_escaped(title)}']
        if draw(st.integers(0, 2)) == 0:  # a date read from an anchor: a source, an event (this one, later), or none
            anchors = ['"src"', '"nosrc"', '"not an id"', "5", *(f'"{other}"' for other in ids[: i + 2])]
            when = draw(st.one_of(_PHRASES, _WHENS))
            lines.append(f'when = "{when}"\nanchor = {draw(st.sampled_from(anchors))}')
        else:
            lines.append(f'when = "{draw(_WHENS)}"')
        for field in ("tags", "actors", "places"):
            if draw(st.booleans()):
                lines.append(f"{field} = [{', '.join(map(_escaped, draw(_NAMES)))}]")
        for field in ("kind", "summary"):
            if draw(st.booleans()):
                lines.append(f"{field} = {_escaped(draw(_QUOTES))}")
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(_ODD_LINES)))
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f"[[events.citations]]\nsource = {draw(_CITED)}")
            if draw(st.booleans()):
                lines.append(f"quote = {_escaped(draw(_QUOTES))}")
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(['when = "next week"', 'when = "2024-10-01"', 'page = "4"'])))
        lines.append("")
    return "\n".join(lines) + "\n"


@given(text=_common_files())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_common_event_read_in_fewer_steps_is_the_one_the_full_reading_builds(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.toml"
    fast = _outcome(path, text)
    with monkeypatch.context() as patch:
        patch.setattr(load_module, "_plain_fields", lambda *_: None)  # no table checked at once: _plain_event
        middle = _outcome(path, text)
        patch.setattr(load_module._Reader, "_plain_event", lambda *_: None)  # every event by _event
        slow = _outcome(path, text)
    assert fast == middle == slow


def test_events_listing_the_same_one_name_share_its_tuple(tmp_path: Path) -> None:
    text = "".join(
        f'[[events]]\nid = "e{i}"\ntitle = "T"\nwhen = "2024"\ntags = ["troops"]\nactors = {actors}\n\n'
        for i, actors in enumerate(['["NATO"]', '["NATO", "EU"]', '["NATO", "EU"]'])
    )
    first, second, third = load_module.load_text(tmp_path / "events.toml", text)
    assert first.tags == second.tags == third.tags == ("troops",)
    assert first.tags is second.tags is third.tags
    assert second.actors == third.actors == ("NATO", "EU")


@given(texts=st.lists(st.text(alphabet="aZ09-_.\n é/", max_size=4), max_size=6))
@settings(max_examples=500)
def test_ids_matched_in_one_pass_agree_with_each_id_matched_alone(texts: list[str]) -> None:
    each = all(load_module.ID_PATTERN.fullmatch(text) for text in texts)
    assert load_module._all_ids(texts) == each


def test_a_phrase_read_again_from_an_equal_anchor_is_read_in_its_own_tense_and_reading(tmp_path: Path) -> None:
    # The loader reads a phrase from an anchor once (its cache is keyed by the phrase read, the anchor's date and
    # the tense): each event still gets the date its own phrase, anchor, tense and calendar give.
    text = (
        '[[sources]]\nid = "s1"\npublished = "2024-10-16"\n\n'
        '[[sources]]\nid = "s2"\npublished = "2024-10-16"\n\n'
        '[[sources]]\nid = "s3"\npublished = "2024-10-16"\ncalendar = "julian"\n\n'
        + "".join(
            f'[[events]]\nid = "{event}"\ntitle = "T"\nwhen = "{when}"\nanchor = "{anchor}"\n{extra}\n'
            for event, when, anchor, extra in (
                ("a", "Friday", "s1", ""),
                ("b", "Friday", "s2", ""),
                ("c", "Friday", "s1", 'tense = "future"\n'),
                ("d", "Friday", "s2", 'tense = "either"\n'),
                ("e", "October 3", "s1", ""),
                ("f", "October 3", "s3", ""),
                ("g", "two days after", "a", ""),
                ("h", "two days after", "b", 'tense = "future"\n'),
            )
        )
    )
    loaded = {event.id: event.when for event in load_module.load_text(tmp_path / "events.toml", text)}
    anchor = chronology.parse("2024-10-16")
    for event, phrase, tense in (
        ("a", "Friday", Tense.PAST),
        ("b", "Friday", Tense.PAST),
        ("c", "Friday", Tense.FUTURE),
        ("d", "Friday", Tense.EITHER),
        ("e", "October 3", Tense.PAST),
    ):
        assert loaded[event] == chronology.parse(phrase, anchor=anchor, tense=tense), event
    assert loaded["c"] != loaded["a"]
    assert loaded["f"] == parse_expression("October 3", calendar="julian").resolve(anchor)  # type: ignore[union-attr]
    assert loaded["g"] == loaded["h"] == chronology.parse("two days after", anchor=loaded["a"])
