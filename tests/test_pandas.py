"""Timeline.to_pandas: one row per event, typed columns, NaT for open ends, a clear message without pandas."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chronology as c
from chronology import Citation, Claim, Event, Quantity, Source, Timeline
from chronology.exchange import to_pandas
from chronology.exchange.frame import COLUMNS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


@pytest.fixture(scope="module")
def frame(showcase: Timeline) -> pd.DataFrame:
    return showcase.to_pandas()


def day(text: str) -> np.datetime64:
    return np.datetime64(text, "s")


def test_the_columns_and_their_dtypes(frame: pd.DataFrame) -> None:
    assert tuple(frame.columns) == COLUMNS
    for name in ("id", "title", "kind", "edtf", "label"):
        assert isinstance(frame[name].dtype, pd.StringDtype), name
    for name in ("earliest", "latest"):
        assert frame[name].dtype == np.dtype("datetime64[s]"), name
    for name in ("approximate", "uncertain", "lasting"):
        assert frame[name].dtype == np.dtype(bool), name
    for name in ("actors", "places", "tags", "sources"):
        assert frame[name].dtype == np.dtype(object), name
    precision = frame["precision"].dtype
    assert isinstance(precision, pd.CategoricalDtype)
    assert precision.ordered
    assert list(precision.categories) == [p.value for p in c.Precision]


def test_one_row_per_event_in_the_timelines_order(frame: pd.DataFrame, showcase: Timeline) -> None:
    assert list(frame["id"]) == [e.id for e in showcase.events]
    assert list(frame.index) == list(range(33))
    assert list(frame["title"]) == [e.title for e in showcase.events]
    assert list(frame["kind"]) == [e.kind for e in showcase.events]


def test_an_uncertain_week_keeps_its_bounds_precision_and_label(frame: pd.DataFrame) -> None:
    transfers = frame.set_index("id").loc["transfers"]
    assert transfers["earliest"] == pd.Timestamp("2024-10-07")
    assert transfers["latest"] == pd.Timestamp("2024-10-13")
    assert transfers["precision"] == "week"
    assert transfers["edtf"] == "[2024-10-07..2024-10-13]"
    assert transfers["label"] == "between 7 and 13 Oct 2024"
    assert not transfers["lasting"]
    assert not transfers["approximate"]
    assert not transfers["uncertain"]
    assert transfers["sources"] == ("aljazeera-2024-10",)
    assert transfers["tags"] == ("troops", "ships")


def test_an_open_end_is_nat(frame: pd.DataFrame) -> None:
    war = frame.set_index("id").loc["war-in-ukraine"]
    assert war["earliest"] == pd.Timestamp("2022-02-01")
    assert pd.isna(war["latest"])
    assert war["lasting"]
    assert war["precision"] == "month"
    assert war["label"] == "from February 2022 (ongoing)"
    assert frame["latest"].isna().sum() == 1
    assert frame["earliest"].isna().sum() == 0


def test_sorting_and_selecting_work_on_the_typed_columns(frame: pd.DataFrame) -> None:
    october = frame[(frame["earliest"] >= "2024-10-01") & (frame["latest"] <= "2024-10-31")]
    assert "transfers" in set(october["id"])
    assert "south-korean-intelligence-pay" not in set(october["id"])
    coarse = frame[frame["precision"] >= "month"]
    assert set(coarse["id"]) == {
        "korean-war",
        "war-in-ukraine",
        "invasion",
        "scholz-putin-call-2022",
        "kim-far-east-visit",
        "putin-state-visit",
        "defence-pact",
        "kursk-incursion",
        "october-reports-10000",
    }
    actors = frame.explode("actors")
    assert len(actors[actors["actors"] == "North Korea"]) == sum("North Korea" in a for a in frame["actors"])


def test_qualifiers_open_starts_and_far_years() -> None:
    events = [
        Event(id="qualified", title="Q", when=c.parse("2024-06~/2024-08?")),
        Event(id="no-start", title="N", when=c.parse("../2024-01")),
        Event(id="ancient", title="A", when=c.parse("-0500")),
        Event(id="future", title="F", when=c.parse("Y12345")),
        Event(id="timed", title="T", when=c.parse("2024-10-18T14:30+09:00")),
    ]
    frame = Timeline(events).to_pandas().set_index("id")
    assert (frame.loc["qualified", "approximate"], frame.loc["qualified", "uncertain"]) == (True, True)
    assert frame.loc["qualified", "precision"] == "month"
    assert pd.isna(frame.loc["no-start", "earliest"])
    assert frame.loc["no-start", "latest"] == pd.Timestamp("2024-01-31")
    assert frame["earliest"].to_numpy()[2] == day("-0500-01-01")
    assert frame["latest"].to_numpy()[3] == day("12345-12-31")
    assert frame.loc["timed", "earliest"] == frame.loc["timed", "latest"] == pd.Timestamp("2024-10-18")
    assert frame.loc["timed", "precision"] == "minute"
    assert frame.loc["timed", "edtf"] == "2024-10-18T14:30+09:00"


def test_sources_are_the_cited_then_the_claimed_each_once() -> None:
    sources = [Source(id="s1"), Source(id="s2"), Source(id="s3")]
    event = Event(
        id="e",
        title="E",
        when=c.parse("2024"),
        actors=("A; B", "C"),
        citations=[Citation(source="s2"), Citation(source="s1"), Citation(source="s2")],
        claims=[
            Claim(subject="x", value=Quantity.parse("1"), source="s3"),
            Claim(subject="y", value=Quantity.parse("2"), source="s1"),
        ],
    )
    row = to_pandas(Timeline([event], sources)).iloc[0]
    assert row["sources"] == ("s2", "s1", "s3")
    assert row["actors"] == ("A; B", "C")
    assert row["places"] == ()


def test_a_view_gives_its_events_and_an_empty_one_keeps_the_dtypes(showcase: Timeline) -> None:
    october = showcase.within("2024-10-01", "2024-10-31").to_pandas()
    assert list(october["id"]) == [e.id for e in showcase.within("2024-10-01", "2024-10-31").events]
    empty = showcase.filter(kind="nothing").to_pandas()
    assert len(empty) == 0
    assert tuple(empty.columns) == COLUMNS
    assert empty["earliest"].dtype == np.dtype("datetime64[s]")
    assert isinstance(empty["precision"].dtype, pd.CategoricalDtype)


def test_without_pandas_the_error_says_how_to_install_it(showcase: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(ImportError, match=r"pip install 'chronology\[pandas\]'") as caught:
        showcase.to_pandas()
    assert caught.value.name == "pandas"
