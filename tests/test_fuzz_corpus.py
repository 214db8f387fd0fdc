"""Every input that ever broke chronology under fuzzing, replayed: each must stay fixed.

``fuzz/corpus/`` holds one JSON file per finding: the target it broke
(``tests/fuzz_targets.py``), the input, the error it raised and a note on the
fix. ``fuzz/run.py`` adds a file for each new finding; the bug it shows is
fixed before the file is committed, so every file here must pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz_targets import TARGETS

CORPUS = Path(__file__).resolve().parent.parent / "fuzz" / "corpus"
FINDINGS = sorted(CORPUS.glob("*.json"))


@pytest.mark.parametrize("path", FINDINGS, ids=lambda path: path.stem)
def test_a_past_finding_stays_fixed(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    assert set(record) >= {"target", "input", "error", "note"}
    TARGETS[record["target"]](record["input"])


def test_the_corpus_keeps_the_findings_made_so_far() -> None:
    assert len(FINDINGS) >= 10
    assert {json.loads(path.read_text(encoding="utf-8"))["target"] for path in FINDINGS} <= set(TARGETS)
