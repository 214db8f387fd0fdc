"""The README's draft example runs as written, and says what it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import chronology

ROOT = Path(__file__).resolve().parents[1]


def test_the_readmes_draft_commands_run_as_written(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL) if "chronology draft" in b]
    bin_dir = str(Path(sys.executable).parent)
    environment = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        ["bash", "-e", "-c", block], cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "15 November 2024" in done.stdout  # as the comment on the draft line says
    assert chronology.validate(tmp_path / "draft.toml") == ()


def test_the_tutorial_mentions_draft_with_a_command_that_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tutorial = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"`(chronology draft [^`]+)`", tutorial.replace("\n  ", " "))
    (tmp_path / "article.txt").write_text("The port closed on Friday.\n", encoding="utf-8")
    argv = command.split()
    from chronology.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv[1:]) == 0
    assert [event.when.label for event in chronology.load(tmp_path / "draft.toml") if event.kind != "report"] == [
        "15 November 2024"
    ]
