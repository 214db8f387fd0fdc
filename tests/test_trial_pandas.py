"""A data journalist's findings, working from pandas: open sides as NaT, one-line titles, mistyped ids and values.

Each finding is a claim the library now keeps: ``to_pandas`` gives no made-up bound for an open side; an
``Event`` refuses the multi-line title its CSV and JSON would not read back; a query says both why text is
no event id and why it is no date; ``filter`` warns of a value near one the timeline has; the CSV reader warns
of a column named as the singular of a list column.
"""

from __future__ import annotations

import datetime
import re
import warnings
from pathlib import Path

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import (
    ChronologyWarning,
    DateParseError,
    Event,
    InvalidEventError,
    Timeline,
    UncertainDate,
    WrongTypeError,
)
from chronology.exchange import from_csv, from_json, to_csv, to_json

ROOT = Path(__file__).resolve().parent.parent
SHOWCASE = ROOT / "events.toml"
_EPOCH = datetime.date(1970, 1, 1).toordinal()


def _day(day_number: int) -> np.datetime64:
    """A day number of the date model (days from 1 January 1970) as the frame's ``datetime64[s]``."""
    day: np.datetime64 = np.datetime64(day_number, "D").astype("datetime64[s]")
    return day


def _bounds(text: str) -> tuple[np.datetime64, np.datetime64]:
    """(earliest, latest) of the one-event frame of ``text``, as numpy values (NaT kept)."""
    frame = Timeline([Event(id="c", title="c", when=chronology.parse(text))]).to_pandas()
    earliest: np.datetime64 = frame["earliest"].to_numpy()[0]
    latest: np.datetime64 = frame["latest"].to_numpy()[0]
    return earliest, latest


# -- A: an open side is NaT, in every bound column ---------------------------------------------------------

#: (the date, the closed date whose first day is ``earliest``, or None for NaT; the one whose last day is
#: ``latest``, or None)
OPEN_FORMS = [
    ("by 1 May 2024", None, "2024-05-01"),
    ("[..2024-05-01]", None, "2024-05-01"),
    ("no earlier than 3 June 2024", "2024-06-03", None),
    ("[2024-06-03..]", "2024-06-03", None),
    ("2022-02/..", "2022-02", None),
    ("../2024", None, "2024"),
    ("2024/", "2024", None),
    ("/2024", None, "2024"),
    ("[..2024-05]/2025", None, "2025"),
    ("2024/[2025..]", "2024", None),
    ("[..2024-05]/[2025..]", None, None),
    ("2024-03/2024-05", "2024-03", "2024-05"),
]


@pytest.mark.parametrize(("text", "first", "last"), OPEN_FORMS, ids=[form[0] for form in OPEN_FORMS])
def test_an_open_side_is_nat_and_a_closed_one_its_day(text: str, first: str | None, last: str | None) -> None:
    earliest, latest = _bounds(text)
    if first is None:
        assert np.isnat(earliest), earliest
    else:
        assert earliest == _day(UncertainDate.parse(first).earliest_day - _EPOCH)
    if last is None:
        assert np.isnat(latest), latest
    else:
        assert latest == _day(UncertainDate.parse(last).latest_day - _EPOCH)


_DAYS = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(lambda d: d.isoformat())
#: An EDTF form with one or two dates (X, Y): whether it is open before, open after.
_SHAPES = {
    "{x}": (False, False),
    "[..{x}]": (True, False),
    "[{x}..]": (False, True),
    "{x}/..": (False, True),
    "../{x}": (True, False),
    "{x}/": (False, True),
    "/{x}": (True, False),
    "[..{x}]/{y}": (True, False),
    "{x}/[{y}..]": (False, True),
    "{x}/{y}": (False, False),
}


@given(shape=st.sampled_from(sorted(_SHAPES)), pair=st.lists(_DAYS, min_size=2, max_size=2).map(sorted))
def test_every_bound_column_is_nat_exactly_on_an_open_side(shape: str, pair: list[str]) -> None:
    x, y = pair
    earliest, latest = _bounds(shape.format(x=x, y=y))
    open_before, open_after = _SHAPES[shape]
    assert bool(np.isnat(earliest)) is open_before
    assert bool(np.isnat(latest)) is open_after
    if not open_before:
        assert earliest == np.datetime64(x, "s")  # the first day of the dated start
    if not open_after:
        assert latest == np.datetime64(y if "{y}" in shape else x, "s")  # the last day of the dated end


def test_no_frame_column_holds_a_sentinel_day() -> None:
    showcase = chronology.load(SHOWCASE)
    events = [
        *showcase.events,
        *(Event(id=f"o{i}", title="o", when=chronology.parse(f[0])) for i, f in enumerate(OPEN_FORMS)),
    ]
    frame = Timeline(events, tuple(showcase.sources.values())).to_pandas()
    for column in frame.columns:
        if frame[column].dtype.kind != "M":
            continue
        years = frame[column].dropna().to_numpy().astype("datetime64[Y]").astype(np.int64) + 1970
        assert ((years > -10_000) & (years < 10_000)).all(), (column, frame[column].dropna().tolist())


# -- B: a title of one line, refused as the file readers refuse it --------------------------------------------


@pytest.mark.parametrize("title", ["First line\nsecond", "a\rb", "ends with a break\r\n"], ids=repr)
def test_a_multi_line_title_is_refused_when_the_event_is_made(title: str) -> None:
    with pytest.raises(InvalidEventError) as made:
        Event(id="march", title=title, when=chronology.parse("2024-04-18"))
    message = str(made.value)
    assert "event 'march', field 'title'" in message
    assert repr(title) in message
    assert "the title runs over more than one line" in message


def test_the_advice_is_the_file_readers_own() -> None:
    title = "Teachers march\non the ministry"
    with pytest.raises(InvalidEventError) as made:
        Event(id="march", title=title, when=chronology.parse("2024-04-18"))
    message = str(made.value)
    sheet = 'id,title,when\nmarch,"' + title + '",2024-04-18\n'
    with pytest.raises(chronology.EventFileError) as read:
        from_csv(sheet)
    advice = re.search(r"field 'title': (.*)$", str(read.value))
    assert advice is not None
    reader_says = advice[1]
    assert reader_says.split(":")[0] in message  # "the title runs over more than one line"
    assert reader_says.split(": ", 1)[1] in message  # "give one line saying what happened (...)"


def test_a_multi_line_title_is_refused_by_evolve_too_and_a_title_of_one_line_round_trips() -> None:
    event = Event(id="march", title="Teachers march", when=chronology.parse("2024-04-18"))
    with pytest.raises(InvalidEventError, match="'march'"):
        attrs.evolve(event, title="Teachers\nmarch")
    timeline = Timeline([event])
    assert from_csv(to_csv(timeline))["march"].title == "Teachers march"
    assert from_json(to_json(timeline))["march"].title == "Teachers march"


@pytest.mark.parametrize("title", [None, 5, float("nan")], ids=repr)
def test_a_title_that_is_not_text_is_a_wrong_type_naming_the_event(title: object) -> None:
    with pytest.raises(WrongTypeError, match=r"event 'march', field 'title': expected a string"):
        Event(id="march", title=title, when=chronology.parse("2024-04-18"))  # type: ignore[arg-type]


def test_with_validators_disabled_a_title_is_not_looked_at() -> None:
    with attrs.validators.disabled():
        event = Event(id="march", title="two\nlines", when=chronology.parse("2024-04-18"))
    assert event.title == "two\nlines"


# -- C: a mistyped id, a value near one the timeline has --------------------------------------------------------


@pytest.fixture(scope="module")
def strikes() -> Timeline:
    return Timeline(
        [
            Event(
                id="picket-clash", title="Police clash with pickets", when=chronology.parse("2024-04-30"), kind="strike"
            ),
            Event(id="rail-strike", title="Rail strike", when=chronology.parse("2024-04"), kind="strike", tags="rail"),
            Event(
                id="march", title="Teachers march", when=chronology.parse("2024-04-18"), kind="march", tags="schools"
            ),
        ]
    )


@pytest.mark.parametrize(
    "ask",
    [
        lambda tl, text: tl.before(text),
        lambda tl, text: tl.after(text),
        lambda tl, text: tl.overlapping(text, "2024-12"),
        lambda tl, text: tl.relate(text, "2024-05"),
    ],
    ids=["before", "after", "overlapping", "relate"],
)
def test_text_near_an_id_is_said_to_be_neither_an_id_nor_a_date(strikes: Timeline, ask: object) -> None:
    with pytest.raises(DateParseError) as raised:
        ask(strikes, "picket clash")  # type: ignore[operator]
    message = str(raised.value)
    with pytest.raises(DateParseError) as as_date:
        chronology.parse("picket clash")
    assert "'picket clash'" in message
    assert "no event" in message
    assert "did you mean 'picket-clash'?" in message
    assert as_date.value.reason in message  # why it is no date, as the reader says it
    assert message.index("picket-clash") < message.index(as_date.value.reason)  # the likelier meaning first


def test_text_near_no_id_and_no_date_says_why_it_is_no_date_then_that_it_is_no_id(strikes: Timeline) -> None:
    with pytest.raises(DateParseError) as as_date:
        chronology.parse("barricade fire")
    with pytest.raises(DateParseError) as raised:
        strikes.before("barricade fire")
    assert str(raised.value).startswith(str(as_date.value))  # where in the text, and why, as the reader says
    assert raised.value.position == as_date.value.position
    assert str(raised.value).endswith("; nor is it the id of an event of this timeline")
    assert "did you mean" not in str(raised.value)


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "3 Jnue 2024"])
def test_text_that_starts_as_a_date_gets_the_dates_error_alone(strikes: Timeline, text: str) -> None:
    with pytest.raises(DateParseError) as as_date:
        chronology.parse(text)
    with pytest.raises(DateParseError) as raised:
        strikes.before(text)
    assert str(raised.value) == str(as_date.value)


def test_an_id_and_a_date_still_work(strikes: Timeline) -> None:
    assert [e.id for e in strikes.before("picket-clash", mode="possible")] == ["rail-strike", "march"]
    assert [e.id for e in strikes.before("2024-04-20")] == ["march"]


@pytest.mark.parametrize(
    ("criteria", "value", "nearest"),
    [
        ({"kind": "strikes"}, "strikes", "strike"),
        ({"kind": ["march", "Strike"]}, "Strike", "strike"),
        ({"tags": "rails"}, "rails", "rail"),
    ],
    ids=["kind", "one-of-two-kinds", "tags"],
)
def test_a_filter_value_near_an_existing_one_warns_naming_it(
    strikes: Timeline, criteria: dict[str, str | list[str]], value: str, nearest: str
) -> None:
    with pytest.warns(ChronologyWarning) as caught:
        found = strikes.filter(**criteria)  # type: ignore[arg-type]
    (warning,) = caught
    assert f"{value!r}" in str(warning.message)
    assert f"did you mean {nearest!r}?" in str(warning.message)
    assert warning.filename == __file__  # the caller's line, not the library's
    wanted = {criteria_value for v in criteria.values() for criteria_value in ([v] if isinstance(v, str) else v)}
    field = next(iter(criteria))
    expected = [e.id for e in strikes if wanted & set((e.kind,) if field == "kind" else e.tags)]
    assert [e.id for e in found] == expected  # the answer is kept as it is


def test_a_filter_warns_of_nothing_for_a_value_some_event_has_or_one_near_none(strikes: Timeline) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(strikes.filter(kind="nothing")) == 0  # an empty answer meant
        rail = strikes.filter(tags="rail")
        assert len(rail.filter(tags="schools")) == 0  # "schools" is in the timeline, not in this view
        assert [e.id for e in strikes.filter(kind="strike")] == ["picket-clash", "rail-strike"]


def test_a_source_near_a_cited_one_warns() -> None:
    showcase = chronology.load(SHOWCASE)
    cited = sorted({c.source for e in showcase for c in e.citations})
    mistyped = cited[0][:-1]
    with pytest.warns(ChronologyWarning, match=re.escape(f"did you mean {cited[0]!r}?")):
        showcase.filter(source=mistyped)


# -- D: a CSV column named as the singular of a list column ------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "meant"),
    [("source", "sources"), ("actor", "actors"), ("tag", "tags"), ("place", "places"), ("Tag", "tags")],
)
def test_a_csv_column_named_in_the_singular_warns_naming_the_list_column(column: str, meant: str) -> None:
    sheet = f"id,title,when,{column}\nmarch,Teachers march,2024-04-18,x\n"
    with pytest.warns(ChronologyWarning) as caught:
        timeline = from_csv(sheet, path="strikes.csv")
    (warning,) = caught
    assert f"column {column!r}" in str(warning.message)
    assert f"name it {meant!r}" in str(warning.message)
    assert str(warning.message).startswith("strikes.csv:1:")
    assert warning.filename == __file__
    assert dict(timeline["march"].extra) == {column: "x"}  # kept, as before


def test_a_csv_column_named_as_an_extra_key_on_purpose_does_not_warn() -> None:
    sheet = "id,title,when,extra.source,sources\nmarch,Teachers march,2024-04-18,x,report\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline = from_csv(sheet)
    assert dict(timeline["march"].extra) == {"source": "x"}
    assert timeline["march"].sources == ("report",)


def test_a_dataframe_with_plural_columns_reads_its_lists() -> None:
    frame = pd.DataFrame(
        {"id": ["clash"], "title": ["Clash"], "when": ["by 1 May 2024"], "actors": ["police; rail union"]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline = from_csv(frame.to_csv(index=False))
    assert timeline["clash"].actors == ("police", "rail union")
    back = timeline.to_pandas()
    assert np.isnat(back["earliest"].to_numpy()[0])
    assert back["latest"].to_numpy()[0] == np.datetime64("2024-05-01", "s")


def test_the_pandas_guide_is_in_the_how_to_toctree() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    toctree = index.split(":caption: How-to guides", 1)[1].split("```", 1)[0]
    assert "howto/pandas" in toctree.split()
