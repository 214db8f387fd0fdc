"""Claimed figures written to an event file: numbers as TOML numbers when the text is exactly that number."""

from __future__ import annotations

import pytest

from chronology.files.edit import _figure


@pytest.mark.parametrize(
    ("text", "written"),
    [("120", 120), ("-5", -5), ("2.5", 2.5), ("0", 0)],
)
def test_a_plain_number_is_written_as_a_number(text: str, written: int | float) -> None:
    value = _figure(text)
    assert value == written
    assert type(value) is type(written)


@pytest.mark.parametrize("text", ["0120", "1,000", "about 120", "2.50", "1e3", "+5", "99999999999999999999", "120-130"])
def test_any_other_wording_stays_text(text: str) -> None:
    assert _figure(text) == text
