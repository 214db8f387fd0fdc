"""The cheap routes of reading English: values whose EDTF is written when first read behave as eager ones."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY
from chronology.dates import Precision, Qualifier, UncertainDate, exact_day, unwritten, with_wording
from chronology.errors import InvalidDateError
from chronology.notation.edtf import format_bounds

_DAY = SECONDS_PER_DAY
_PRECISIONS = [Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.DECADE, Precision.HOUR, Precision.MINUTE]
_QUALIFIERS = [Qualifier.NONE, Qualifier.APPROXIMATE, Qualifier.UNCERTAIN, Qualifier.APPROXIMATE | Qualifier.UNCERTAIN]


def _eager(value: UncertainDate) -> UncertainDate:
    """The same value built by the validated constructor, its EDTF written at once."""
    edtf = format_bounds(value.lo, value.hi, value.precision, value.qualifier, value.utc_offset)
    return UncertainDate(
        lo=value.lo,
        hi=value.hi,
        precision=value.precision,
        qualifier=value.qualifier,
        utc_offset=value.utc_offset,
        edtf=edtf,
        text=value.text,
    )


@given(
    st.integers(-400_000 * _DAY, 4_000_000 * _DAY),
    st.integers(0, 3_000 * _DAY),
    st.sampled_from(_PRECISIONS),
    st.sampled_from(_QUALIFIERS),
    st.none() | st.integers(-14 * 3600, 14 * 3600).map(lambda s: s - s % 60),
    st.sampled_from(["", "some words"]),
)
def test_a_value_built_from_seconds_writes_the_edtf_an_eager_one_holds(
    lo: int, width: int, precision: Precision, qualifier: Qualifier, offset: int | None, text: str
) -> None:
    value = UncertainDate.from_seconds(lo, lo + width, precision, qualifier=qualifier, utc_offset=offset, text=text)
    eager = _eager(value)
    assert value.text == (text or eager.edtf)
    assert (value.edtf, str(value), repr(value), value.label, hash(value)) == (
        eager.edtf,
        str(eager),
        repr(eager),
        eager.label,
        hash(eager),
    )
    assert value == eager
    assert attrs.astuple(value) == attrs.astuple(eager)
    for twin in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value), attrs.evolve(value)):
        assert type(twin) is UncertainDate
        assert twin == eager
        assert twin.text == value.text


def test_open_sides_and_reversed_bounds_are_as_before() -> None:
    before = UncertainDate.from_seconds(OPEN_LO, 739_000 * _DAY - 1, Precision.DAY)
    assert before.open_before
    assert before.edtf == format_bounds(OPEN_LO, 739_000 * _DAY - 1, Precision.DAY, Qualifier.NONE)
    after = UncertainDate.from_seconds(739_000 * _DAY, OPEN_HI, Precision.YEAR)
    assert after.open_after
    with pytest.raises(InvalidDateError, match="earliest bound lies after the latest"):
        UncertainDate.from_seconds(10 * _DAY, 5 * _DAY, Precision.DAY)
    with pytest.raises(InvalidDateError, match="outside the supported timeline"):
        UncertainDate.from_seconds(OPEN_LO - 10, 5 * _DAY, Precision.DAY)


@pytest.mark.parametrize(
    "value",
    [
        unwritten(739_000 * _DAY, 739_030 * _DAY - 1, Precision.MONTH, Qualifier.NONE),
        exact_day(739_000 * _DAY),
        exact_day(739_000 * _DAY, "2024-04-24"),
        UncertainDate.from_days(739_000, 739_009, Precision.DAY, text="ten days"),
        chronology.parse("2024-06"),
    ],
    ids=["unwritten", "day, unwritten", "day, written", "worded", "read"],
)
def test_a_value_takes_new_words_keeping_its_notation(value: UncertainDate) -> None:
    worded = with_wording(value, "in those days")
    assert worded.text == "in those days"
    assert worded == value
    assert worded.edtf == value.edtf == format_bounds(value.lo, value.hi, value.precision, value.qualifier)
    assert with_wording(worded, "in those days") is worded
    for twin in (pickle.loads(pickle.dumps(worded)), copy.copy(worded), attrs.evolve(worded)):
        assert type(twin) is UncertainDate
        assert (twin, twin.text) == (value, "in those days")


PHRASES = [
    "June 2024",
    "3 October 2024",
    "Tuesday 12 March 2024",
    "the 1450s",
    "1456 AD",
    "44 BC",
    "spring 2024",
    "mid-15th century",
    "c. 1400",
    "before 23 August 1456",
    "5 September 1666 (O.S.)",
    "10 February 1665/6",
    "14:30 on 3 October 2024",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_phrase_read_keeps_its_words_and_its_notation_reads_back(phrase: str) -> None:
    value = chronology.parse(phrase)
    assert isinstance(value, UncertainDate)
    assert value.text == phrase
    assert chronology.parse(value.edtf) == value  # the notation written late names the same value
    for twin in (pickle.loads(pickle.dumps(value)), copy.copy(value), attrs.evolve(value)):
        assert (twin, twin.text, twin.edtf) == (value, phrase, value.edtf)
