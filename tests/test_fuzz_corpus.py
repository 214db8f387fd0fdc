"""Every input that ever broke chronology under fuzzing, replayed: each must stay fixed.

``fuzz/corpus/`` holds one JSON file per finding: the target it broke
(``tests/fuzz_targets.py``), the input, the error it raised and a note on the
fix. ``fuzz/run.py`` adds a file for each new finding; the bug it shows is
fixed before the file is committed, so every file here must pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fuzz_targets import TARGETS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
FINDINGS = sorted(CORPUS.glob("*.json"))


@pytest.mark.parametrize("path", FINDINGS, ids=lambda path: path.stem)
def test_a_past_finding_stays_fixed(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    assert set(record) >= {"target", "input", "error", "note"}
    TARGETS[record["target"]](record["input"])


def test_the_corpus_keeps_the_findings_made_so_far() -> None:
    assert len(FINDINGS) >= 10
    assert {json.loads(path.read_text(encoding="utf-8"))["target"] for path in FINDINGS} <= set(TARGETS)


def _runner(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """fuzz/run.py as a module; the folders it puts on sys.path are taken off again after the test."""
    monkeypatch.setattr(sys, "path", [*sys.path])
    spec = importlib.util.spec_from_file_location("fuzz_run", ROOT / "fuzz" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_runner_keeps_findings_in_the_corpus_folder_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _runner(monkeypatch)

    def broken(case: dict[str, Any]) -> None:
        raise ValueError("broken on purpose")

    monkeypatch.setitem(TARGETS, "quantity", broken)
    before = sorted(path.name for path in CORPUS.iterdir())
    elsewhere = tmp_path / "findings"
    argv = ["--target", "quantity", "--seconds", "0.5", "--hang", "0", "--seed", "1", "--corpus", str(elsewhere)]
    assert run.main(argv) == 1
    [kept] = list(elsewhere.iterdir())  # one finding, however many batches found it again
    record = json.loads(kept.read_text(encoding="utf-8"))
    assert kept.name.startswith("quantity-")
    assert (record["target"], record["error"], set(record["input"])) == (
        "quantity",
        "ValueError: broken on purpose",
        {"text"},
    )
    out = capsys.readouterr().out
    assert f"findings go to {elsewhere}" in out
    assert f"NEW finding (ValueError: broken on purpose) -> {kept}" in out
    assert out.endswith(f"new findings: 1\n  {kept}\n")
    assert sorted(path.name for path in CORPUS.iterdir()) == before  # the repository's corpus untouched


def test_the_runner_writes_to_the_repository_corpus_by_default(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _runner(monkeypatch)
    assert run.main(["--seconds", "0", "--hang", "0", "--seed", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("from seed 1; findings go to fuzz/corpus")


def test_the_runner_refuses_a_corpus_that_is_a_file_before_fuzzing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _runner(monkeypatch)
    notes = tmp_path / "notes.txt"
    notes.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as raised:
        run.main(["--corpus", str(notes)])
    assert raised.value.code == 2
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .endswith(f": error: argument --corpus: cannot keep findings in {str(notes)!r}: it is a file; give a folder")
    )
