"""The tutorial works as written: every file, command and line of Python in docs/tutorial.md, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.testing.compare import compare_images
from walkthrough import Walk, follow

import chronology

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
REGENERATE = "python tests/walkthrough.py docs/tutorial.md OUT_DIR, then copy OUT_DIR/picture-N.png to docs/pictures/tutorial-N.png"


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    root = tmp_path_factory.mktemp("tutorial")
    return follow(TUTORIAL, root, start_in="chronology")  # as if in the folder of the downloaded code


def test_the_tutorial_installs_with_the_commands_the_readme_runs(walk: Walk) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"^python3 -m venv \.venv && \.venv/bin/pip install -q \. && .*$", readme, re.MULTILINE)
    tested = [part.strip().replace(" -q ", " ") for part in command.split("&&")[:2]]
    assert walk.setup == [*tested, "source .venv/bin/activate"]


def test_following_the_tutorial_ends_with_three_events_and_their_picture(walk: Walk) -> None:
    assert walk.cwd.name == "bridge"  # the reader's own folder, not the code's
    timeline = chronology.load(walk.cwd / "events.toml")
    assert len(timeline) == 3
    assert timeline["council-vote"].when.label == "12 July 2024"  # "Friday", read from the paper of Monday 15 July
    picture = (walk.cwd / "timeline.png").read_bytes()
    assert picture.startswith(b"\x89PNG")
    assert (walk.cwd / "timeline-from-python.png").read_bytes().startswith(b"\x89PNG")
    assert (walk.cwd / "built-in-python.png").read_bytes().startswith(b"\x89PNG")


def test_the_tutorial_uses_the_commands_it_teaches(walk: Walk) -> None:
    used = {command.split()[1] for command in walk.commands if command.startswith("chronology ")}
    assert {"validate", "list", "plot", "show"} <= used


def test_the_pictures_on_the_page_are_the_ones_the_commands_draw(walk: Walk, tmp_path: Path) -> None:
    page = TUTORIAL.read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\(pictures/(tutorial-\d\.png)\)", page)
    assert shown == [f"tutorial-{n}.png" for n in range(1, len(walk.pictures) + 1)]
    for name, drawn in zip(shown, walk.pictures, strict=True):
        actual = tmp_path / name
        actual.write_bytes(drawn)
        difference = compare_images(str(ROOT / "docs" / "pictures" / name), str(actual), tol=2)
        assert difference is None, f"docs/pictures/{name} is out of date ({difference}); regenerate: {REGENERATE}"
