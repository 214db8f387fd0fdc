"""The loader's quick routes (issue 24) give what its full reading gives: the same events, or the same problems.

* A common claim (a subject and a figure already read in this load) is built without its table's full check.
* A common event dated by a phrase read from a dated source, or from an event dated as written, is read without
  the chain of anchors (``_when``).
* A network of dates read from other events only (no link written) skips reading the link fields event by event.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chronology
from chronology import constraints
from chronology.errors import EventFileError
from chronology.events import Event

load_module = importlib.import_module("chronology.files.load")


def _mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    """One of ``bad`` once in 40 draws, else one of ``good``: most files load, and some have a problem to say."""
    return st.integers(0, 39).flatmap(lambda n: st.sampled_from(bad if n == 0 else good))


_SUBJECTS = _mostly(['"troops"', '"tanks"'], ['"a\\u001bb"', '""', "5"])
_VALUES = _mostly(['"up to 3,000"', '"12"'], ['"many"', "7", '""'])
_CLAIM_EXTRAS = _mostly(["", "", 'unit = "soldiers"', 'source = "src"'], ['claimant = "x"', 'said = "2024-10-01"'])
_WHENS = _mostly(["2024-10-18", "2024-10"], ["Friday", "2024-13-01", "x"])
_PHRASES = _mostly(["Friday", "three weeks ago", "in June"], ["earlier this month", "2024-10-01", "x"])
_ANCHORS = _mostly(['"src"', "", "event"], ['"undated"', '"nosrc"', '"e0"', '"not an id"', "5", '"first"', '"e9"'])


@st.composite
def _files(draw: st.DrawFn) -> str:
    """Events with claims of the common form and others, and dates read from sources (dated or not) or events."""
    lines = [
        '[[sources]]\nid = "src"\npublished = "2024-10-20"\n',
        '[[sources]]\nid = "undated"\n',
        '[[sources]]\nid = "first"\npublished = "2024-10-01"\n',  # "earlier this month" reads nothing from it
    ]
    for i in range(draw(st.integers(1, 6))):
        anchor = draw(_ANCHORS)
        if anchor == "event":  # an event before this one (or, for the first, none)
            anchor = f'"e{draw(st.integers(0, i - 1))}"' if i else ""
        lines.append(f'[[events]]\nid = "e{i}"\ntitle = "T"\nwhen = "{draw(_PHRASES if anchor else _WHENS)}"')
        if anchor:
            lines.append(f"anchor = {anchor}")
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f'[[events.citations]]\nsource = "{draw(_mostly(["src"], ["first"]))}"')
        for _ in range(draw(st.integers(0, 3))):
            lines.append(f"[[events.claims]]\nsubject = {draw(_SUBJECTS)}\nvalue = {draw(_VALUES)}")
            extra = draw(_CLAIM_EXTRAS)
            if extra:
                lines.append(extra)
        lines.append("")
    return "\n".join(lines) + "\n"


def _outcome(path: Path, text: str) -> object:
    try:
        timeline = load_module.load_text(path, text)
    except EventFileError as error:
        return str(error)
    return [(event, [(name, type(getattr(event, name))) for name in attrs.fields_dict(Event)]) for event in timeline]


def _never_sound_claims(table: Any, known: Any, required: Any) -> bool:
    """``_sound`` as it is, but False for every claim: each claim then takes the full check."""
    return False if known is load_module.CLAIM_KEYS else _SOUND(table, known, required)


_SOUND = load_module._sound


@given(text=_files())
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_quick_routes_give_what_the_full_reading_gives(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.toml"
    quick = _outcome(path, text)
    with monkeypatch.context() as patch:
        patch.setattr(load_module, "_sound", _never_sound_claims)
        patch.setattr(load_module._Reader, "_from_source", lambda *_: None)  # every phrase read by _when
        full = _outcome(path, text)
    assert quick == full


def test_a_phrase_a_source_cannot_give_is_reported_at_the_events_when(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "first"\npublished = "2024-10-01"\n\n'
        '[[events]]\nid = "e"\ntitle = "T"\nwhen = "earlier this month"\nanchor = "first"\n'
    )
    with pytest.raises(EventFileError) as raised:
        chronology.load(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.event, problem.field) == (8, "e", "when")  # the line of when
    assert "earlier this month" in problem.message


def test_a_repeated_claim_takes_its_events_first_source(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    events = "".join(
        f'[[events]]\nid = "e{i}"\ntitle = "T"\nwhen = "2024-10-0{i + 1}"\n'
        f'[[events.citations]]\nsource = "s{i}"\n[[events.claims]]\nsubject = "troops"\nvalue = "up to 3,000"\n\n'
        for i in range(3)
    )
    sources = "".join(f'[[sources]]\nid = "s{i}"\npublished = "2024-10-2{i}"\n\n' for i in range(3))
    path.write_text(sources + events)
    timeline = chronology.load(path)
    claims = [event.claims[0] for event in timeline]
    assert [claim.source for claim in claims] == ["s0", "s1", "s2"]
    assert claims[0].value == claims[2].value  # the figure read once
    assert all(claim.said is None and claim.unit == "" for claim in claims)


def test_a_network_of_readings_alone_reads_no_link_field_and_keys_no_event(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    keys_of = constraints._keys_of

    def counted(*given: Any) -> Any:
        seen.append(1)
        return keys_of(*given)

    monkeypatch.setattr(constraints, "_keys_of", counted)
    a = Event(id="a", title="A", when=chronology.parse("2024-10"))
    b = Event(id="b", title="B", when=chronology.parse("two days after", anchor=a.when), anchor="a")
    network = constraints.Network([a, b], {"a": a, "b": b})
    assert not seen
    assert network.bounds("b") is not None
    assert network.bounds("a") is not None
    linked = Event(id="c", title="C", when=chronology.parse("2024-11"), after=("a",))
    with_link = constraints.Network([a, b, linked], {"a": a, "b": b, "c": linked})
    assert seen  # links written: each event's key is read
    assert with_link.order("a", "c") is not None
