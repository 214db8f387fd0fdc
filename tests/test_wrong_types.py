"""Every public function that takes a date accepts text, and refuses other types with a WrongTypeError naming them."""

from __future__ import annotations

import datetime
import functools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import chronology
from chronology import Event, Timeline, exchange
from chronology.compare import relationship
from chronology.errors import UnknownEventError, WrongTypeError

WRONG: list[Any] = [None, 42, 1.5, b"2024", ["2024"], {"when": "2024"}, object()]
DAY = chronology.parse("2024-10-18")
TIMELINE = Timeline(
    [
        Event(id="a", title="A", when=chronology.parse("2024-10-10")),
        Event(id="b", title="B", when=chronology.parse("2024-10"), after=["a"]),
    ],
    [chronology.Source(id="paper")],
)


@functools.cache
def dataset() -> chronology.Dataset:
    """TIMELINE written to Parquet and scanned (on DuckDB), made once, when first asked."""
    path = Path(tempfile.mkdtemp()) / "timeline.parquet"
    TIMELINE.to_parquet(path)
    return chronology.scan(path)


#: (name, call with one argument in the wrong place)
CALLS: list[tuple[str, Callable[[Any], object]]] = [
    ("before(x, day)", lambda x: chronology.before(x, DAY)),
    ("before(day, x)", lambda x: chronology.before(DAY, x)),
    ("after(x, day)", lambda x: chronology.after(x, DAY)),
    ("after(day, x)", lambda x: chronology.after(DAY, x)),
    ("relations(x, day)", lambda x: chronology.relations(x, DAY)),
    ("relations(day, x)", lambda x: chronology.relations(DAY, x)),
    ("probability_before(x, day)", lambda x: chronology.probability_before(x, DAY)),
    ("probability_before(day, x)", lambda x: chronology.probability_before(DAY, x)),
    ("probabilities(x, day)", lambda x: chronology.probabilities(x, DAY)),
    ("probabilities(day, x)", lambda x: chronology.probabilities(DAY, x)),
    ("sort_key(x)", lambda x: chronology.sort_key(x)),
    ("relationship(x, day)", lambda x: relationship(x, DAY)),
    ("Timeline.overlapping(x, day)", lambda x: TIMELINE.overlapping(x, DAY)),
    ("Timeline.overlapping(day, x)", lambda x: TIMELINE.overlapping(DAY, x)),
    ("Timeline.within(x, day)", lambda x: TIMELINE.within(x, DAY)),
    ("Timeline.on(x)", lambda x: TIMELINE.on(x)),
    ("Timeline.overlapping_many([x], [day])", lambda x: TIMELINE.overlapping_many([x], [DAY])),
    ("Timeline.before(x)", lambda x: TIMELINE.before(x)),
    ("Timeline.after(x)", lambda x: TIMELINE.after(x)),
    ("Timeline.relate(x, 'a')", lambda x: TIMELINE.relate(x, "a")),
    ("Timeline.relate('a', x)", lambda x: TIMELINE.relate("a", x)),
    ("Timeline.resolve(x)", lambda x: TIMELINE.resolve(x)),
    ("Timeline[x]", lambda x: TIMELINE[x]),
    ("Timeline.narrowed(x)", lambda x: TIMELINE.narrowed(x)),
    ("Timeline.narrowed_days(x)", lambda x: TIMELINE.narrowed_days(x)),
    ("Timeline.concurrent(x)", lambda x: TIMELINE.concurrent(x)),
    ("Timeline.publication(x)", lambda x: TIMELINE.publication(x)),
    ("Timeline.sorted(key=x)", lambda x: TIMELINE.sorted(key=x)),
    ("Timeline.select([x])", lambda x: TIMELINE.select([x])),
    ("Dataset.overlapping(x, day)", lambda x: dataset().overlapping(x, DAY)),
    ("Dataset.overlapping(day, x)", lambda x: dataset().overlapping(DAY, x)),
    ("Dataset.within(x, day)", lambda x: dataset().within(x, DAY)),
    ("Dataset.count(day, x)", lambda x: dataset().count(DAY, x)),
    ("Dataset.on(x)", lambda x: dataset().on(x)),
    ("Dataset.count_many([x], [day])", lambda x: dataset().count_many([x], [DAY])),
    ("Dataset.overlapping_many([day], [x])", lambda x: dataset().overlapping_many([DAY], [x])),
    ("Dataset.before(x)", lambda x: dataset().before(x)),
    ("Dataset.after(x)", lambda x: dataset().after(x)),
]
#: The calls where None is no wrong type but an open side of the window (``overlapping("2024-10", None)``).
OPEN_WHEN_NONE = {
    "Timeline.overlapping(x, day)",
    "Timeline.overlapping(day, x)",
    "Timeline.within(x, day)",
    "Timeline.overlapping_many([x], [day])",
    "Dataset.overlapping(x, day)",
    "Dataset.overlapping(day, x)",
    "Dataset.within(x, day)",
    "Dataset.count(day, x)",
    "Dataset.count_many([x], [day])",
    "Dataset.overlapping_many([day], [x])",
}


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
@pytest.mark.parametrize("wrong", WRONG, ids=[type(w).__name__ for w in WRONG])
def test_a_wrong_type_is_a_chronology_error_and_a_type_error_naming_it(
    name: str, call: Callable[[Any], object], wrong: object
) -> None:
    if wrong is None and name in OPEN_WHEN_NONE:
        call(wrong)  # an open side: no error
        return
    with pytest.raises(WrongTypeError, match="None" if wrong is None else type(wrong).__name__) as caught:
        call(wrong)
    assert isinstance(caught.value, chronology.ChronologyError)
    assert isinstance(caught.value, TypeError)


def test_text_and_days_are_dates_everywhere() -> None:
    assert chronology.before("2024", chronology.parse("2025")) is chronology.Certainty.CERTAIN
    assert chronology.relations("2024-10-18", DAY) == {chronology.Relation.EQUALS}
    assert chronology.probability_before(datetime.date(2024, 10, 17), "2024-10-18") == 1
    assert chronology.sort_key("2024-10-18") == chronology.sort_key(DAY)


def test_an_unknown_id_is_a_key_error_too() -> None:
    with pytest.raises(KeyError, match="no event 'c' in this timeline") as caught:
        TIMELINE["c"]
    assert isinstance(caught.value, UnknownEventError)
    assert str(caught.value) == "no event 'c' in this timeline"


@pytest.mark.parametrize("wrong", [42, 1.5, b"x", {"a": "b"}, object(), [42], [None], [["a"]]], ids=repr)
@pytest.mark.parametrize("criterion", ["tags", "kind", "actors", "source"])
def test_filters_take_names_as_text(criterion: str, wrong: object) -> None:
    with pytest.raises(WrongTypeError, match="a filter takes"):
        TIMELINE.filter(**{criterion: wrong})  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match="takes text, not int"):
        TIMELINE.filter(text=42)  # type: ignore[arg-type]


WRONG_PLAIN: list[Any] = [None, 42, 1.5, b"events.toml", object()]

#: The rest of the public API: files, policies, values, exporters.
OTHER_CALLS: list[tuple[str, Callable[[Any], object]]] = [
    ("load(x)", lambda x: chronology.load(x)),
    ("load([x])", lambda x: chronology.load([x])),
    ("validate(x)", lambda x: chronology.validate(x)),
    ("EventFile.open(x)", lambda x: chronology.EventFile.open(x)),
    ("Widening.parse(x)", lambda x: chronology.Widening.parse(x)),
    ("Timeline([x])", lambda x: Timeline([x])),
    ("Timeline([], [x])", lambda x: Timeline([], [x])),
    ("Event(when=x)", lambda x: Event(id="a", title="A", when=x)),
    *[
        (f"{name}(x)", (lambda f: lambda x: f(x))(getattr(exchange, name)))
        for name in ("to_csv", "to_json", "to_ics", "to_markdown", "to_html", "to_timelinejs", "to_timelinejs_json")
    ],
]


@pytest.mark.parametrize(("name", "call"), OTHER_CALLS, ids=[name for name, _ in OTHER_CALLS])
@pytest.mark.parametrize("wrong", WRONG_PLAIN, ids=[type(w).__name__ for w in WRONG_PLAIN])
def test_the_rest_of_the_api_refuses_wrong_types_too(name: str, call: Callable[[Any], object], wrong: object) -> None:
    with pytest.raises(WrongTypeError, match=type(wrong).__name__):
        call(wrong)
