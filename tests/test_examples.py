"""Every script in examples/ runs as written and makes its picture."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ["showcase.py", "october.py", "claims.py", "extend_and_redraw.py", "dense.py", "gutenberg.py"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_example_runs_and_writes_its_picture(script: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    pictures = list(tmp_path.glob("*.png"))
    assert len(pictures) == 1
    assert pictures[0].read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in tmp_path.iterdir()) == [pictures[0].name]  # nothing else left behind


def test_every_example_is_in_the_gallery_and_the_gallery_script() -> None:
    gallery = (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
    maker = (ROOT / "examples" / "make_gallery.py").read_text(encoding="utf-8")
    for script in SCRIPTS:
        assert f"examples/{script}" in gallery
        assert script in maker
    for picture in ("showcase", "october", "claims", "extended", "dense", "gutenberg"):
        assert f"gallery/{picture}.png" in gallery
        assert (ROOT / "docs" / "gallery" / f"{picture}.png").is_file()
