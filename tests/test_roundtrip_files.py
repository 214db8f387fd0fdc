"""Every event file in the repository survives being opened and saved, byte for byte.

"Every event file": the ``.toml`` files (the showcase ``events.toml`` and any
other), the TOML examples in the README and in ``docs/``, and the event files
written as string constants in ``tests/`` and ``examples/`` (the
``HEAD + '...'`` kind included). Those that do not load on their own (the
broken fixtures of the loader's tests, fragments that name sources defined
elsewhere) are left out of the save tests, and a test checks that each of
them is refused with an ``EventFileError``, not skipped because it crashed.
"""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path
from typing import NamedTuple

import pytest

import chronology
from chronology import EventFile, EventFileError
from chronology.files import load_text

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {".venv", ".git", "_build", "build", "dist", ".hypothesis", "node_modules"}
NOT_EVENT_FILES = {"pyproject.toml"}


class Found(NamedTuple):
    where: str  # path:line
    text: str


def _files() -> list[Found]:
    found = []
    for path in sorted(ROOT.rglob("*.toml")):
        relative = path.relative_to(ROOT)
        if SKIPPED_FOLDERS & set(relative.parts) or path.name in NOT_EVENT_FILES:
            continue
        found.append(Found(f"{relative}:1", path.read_bytes().decode("utf-8")))
    return found


def _markdown() -> list[Found]:
    found = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for page in pages:
        relative = page.relative_to(ROOT)
        if SKIPPED_FOLDERS & set(relative.parts):
            continue
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"^```toml\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
            found.append(Found(f"{relative}:{text.count(chr(10), 0, block.start()) + 2}", block[1]))
    return found


def _strings(tree: ast.Module) -> list[tuple[int, str]]:
    """String constants of a module, with concatenations of constants and module-level names worked out."""
    names: dict[str, str] = {}

    def value(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return names.get(node.id)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = value(node.left), value(node.right)
            return left + right if left is not None and right is not None else None
        return None

    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            known = value(statement.value)
            if isinstance(target, ast.Name) and known is not None:
                names[target.id] = known
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.expr):
            text = value(node)
            if text is not None and text not in found:
                found[text] = node.lineno
    return [(line, text) for text, line in found.items()]


def _python() -> list[Found]:
    found = []
    for source in sorted([*(ROOT / "tests").glob("*.py"), *(ROOT / "examples").glob("*.py")]):
        relative = source.relative_to(ROOT)
        for line, text in _strings(ast.parse(source.read_text(encoding="utf-8"))):
            if re.search(r"^\[\[(events|sources)\]\]$", text, flags=re.MULTILINE) or text.startswith("title = "):
                found.append(Found(f"{relative}:{line}", text))
    return found


def _reads(found: Found, folder: Path) -> str | None:
    """None when the text loads on its own, else why not (the first problem); warnings are not problems."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", chronology.ChronologyWarning)
            load_text(folder / "events.toml", found.text)
    except EventFileError as error:
        return str(error.problems[0])
    return None


# (editing and loading back are what these tests check; what a file warns of is checked where it is written)
pytestmark = pytest.mark.filterwarnings("ignore::chronology.errors.ChronologyWarning")

EVERY = sorted({found.text: found for found in [*_files(), *_markdown(), *_python()]}.values())
_SCRATCH = Path(__file__).resolve().parent  # load_text reads includes only, relative to this (there are none)
_REASONS = {found.text: _reads(found, _SCRATCH) for found in EVERY}  # why each text does not load, or None
SOUND = [pytest.param(found, id=found.where) for found in EVERY if _REASONS[found.text] is None]
BROKEN = [pytest.param(found, id=found.where) for found in EVERY if _REASONS[found.text] is not None]


def test_the_repository_has_event_files_of_every_kind() -> None:
    places = {found.where.split(":")[0] for found in EVERY}
    assert "events.toml" in places
    assert any(place.startswith("docs/") for place in places)
    assert any(place.startswith("tests/") for place in places)
    assert len(SOUND) >= 20


@pytest.mark.parametrize("found", [pytest.param(f, id=f.where) for f in EVERY])
def test_the_toml_editor_reads_and_writes_every_event_file_byte_for_byte(found: Found, tmp_path: Path) -> None:
    try:
        file = EventFile(tmp_path / "events.toml", found.text)
    except EventFileError:
        assert _REASONS[found.text] is not None
        return  # a broken fixture, not TOML at all
    assert file.text == found.text


@pytest.mark.parametrize("found", SOUND)
def test_open_then_save_leaves_every_sound_event_file_as_it_was(found: Found, tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_bytes(found.text.encode("utf-8"))
    before = path.stat()
    with EventFile.open(path, lock=True) as file:
        assert not file.changed
    after = path.stat()
    assert path.read_bytes() == found.text.encode("utf-8")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not even rewritten


@pytest.mark.parametrize("found", SOUND)
def test_adding_then_removing_an_event_gives_every_sound_event_file_back(found: Found, tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    original = found.text.encode("utf-8")
    path.write_bytes(original)
    with EventFile.open(path) as file:
        file.add(chronology.Event(id="zz-roundtrip", title="Added, then removed", when=chronology.parse("2024-06")))
    assert "zz-roundtrip" in chronology.load(path)
    with EventFile.open(path) as file:
        file.remove("zz-roundtrip")
    restored = path.read_bytes()
    if original.endswith(b"\n") and not original.endswith((b"\n\n", b"\n\r\n")):
        assert restored == original
    else:  # a missing final line break is added, a final blank line dropped: nothing else
        assert restored.rstrip(b"\r\n") == original.rstrip(b"\r\n")


@pytest.mark.parametrize("found", BROKEN)
def test_what_is_left_out_is_broken_on_purpose_and_refused_cleanly(found: Found) -> None:
    reason = _REASONS[found.text]
    assert reason, "left out without a reason"
    with pytest.raises(EventFileError):
        load_text(_SCRATCH / "events.toml", found.text)
