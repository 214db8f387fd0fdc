"""Fuzzing in the test suite: whatever the input, the readers answer with a value or a ChronologyError.

Each property feeds one target of ``fuzz_targets`` with Hypothesis-built
input: random text, text assembled from the date grammar's fragments,
structured mutations of sound event files, random bytes, random events added
to a file. Any exception other than a ``ChronologyError`` fails the test, and
so does a broken promise (a date that does not read back as itself, an edit
that does not survive its save).

The number of examples follows the Hypothesis profile (``tests/conftest.py``:
200 on CI, 100 locally), half of it for the slower file targets, so the
suite stays quick; ``fuzz/run.py`` runs the same targets for as long as asked.
"""

from __future__ import annotations

from typing import Any

from fuzz_targets import STRATEGIES, TARGETS
from hypothesis import HealthCheck, given, settings

#: Examples for targets that read whole files.
FILE_EXAMPLES = max(10, settings().max_examples // 2)
QUICK = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(QUICK, max_examples=FILE_EXAMPLES)


@QUICK
@given(STRATEGIES["parse"])
def test_parse_reads_or_refuses_any_text_and_what_it_reads_writes_back(case: dict[str, Any]) -> None:
    TARGETS["parse"](case)


@QUICK
@given(STRATEGIES["parse_expression"])
def test_parse_expression_reads_or_refuses_any_text_and_resolves_or_refuses_any_anchor(case: dict[str, Any]) -> None:
    TARGETS["parse_expression"](case)


@QUICK
@given(STRATEGIES["quantity"])
def test_a_claimed_figure_is_read_or_refused(case: dict[str, Any]) -> None:
    TARGETS["quantity"](case)


@SLOW
@given(STRATEGIES["load_text"])
def test_load_text_reads_or_reports_any_text_and_its_mutations(case: dict[str, Any]) -> None:
    TARGETS["load_text"](case)


@SLOW
@given(STRATEGIES["load_bytes"])
def test_load_reads_or_reports_any_bytes(case: dict[str, Any]) -> None:
    TARGETS["load_bytes"](case)


@SLOW
@given(STRATEGIES["edit"])
def test_an_added_event_survives_its_save_and_removing_it_restores_the_file(case: dict[str, Any]) -> None:
    TARGETS["edit"](case)


@SLOW
@given(STRATEGIES["cli_add"])
def test_the_add_command_adds_or_refuses_in_one_line_and_never_half_writes(case: dict[str, Any]) -> None:
    TARGETS["cli_add"](case)
