"""Follow a guide in docs/ step by step, as a reader would, and check that every step does what the page says.

A guide is read top to bottom. Its steps:

* a ``toml``, ``html`` or ``python`` block whose first line names a file
  (``# events.toml``, ``<!-- timeline.html -->``, ``# draw.py``) is that whole
  file, written to the current folder; ``# events.toml (add at the end)`` (or
  ``at the top``) adds the block to the file instead; a block of any kind right
  after text ending "save this as `more.csv`:" is that file;
* "change `A` to `B`" in the text edits ``events.toml``;
* a ``console`` block holds commands after ``$ ``, each followed by what it prints;
  ``chronology`` commands run for real (through ``chronology.cli.main``), as does
  ``python FILE`` for a file of the page; ``mkdir``
  and ``cd`` move through a scratch folder, and the set-up commands (``python3 -m
  venv``, ``pip install``, activating the environment) are collected for the caller
  to check, not run;
* any other ``python`` block runs (all of a page share one namespace); a ``text``
  block right after it is what it prints.

Printed output is compared as doctest does, with ``...`` matching anything.

Run as a script to leave the files a guide makes in a folder, and a copy of
each picture ``chronology plot`` drew as ``OUT_DIR/picture-N.png``:
``python tests/walkthrough.py docs/tutorial.md OUT_DIR``.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import runpy
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from chronology.cli import main

SETUP = ("python3 -m venv", ".venv/bin/pip install", "source .venv/bin/activate")
_FENCE = re.compile(r"^```(\S*)\n(.*?)^```\n", flags=re.MULTILINE | re.DOTALL)
_CHANGE = re.compile(r"[Cc]hange `([^`]+)` (?:back )?to `([^`]+)`")
_NAMED = re.compile(r"^(?:# |<!-- )(\S+)(?: \(add at the (end|top)\))?(?: -->)?$")
_SAVE = re.compile(r"[Ss]ave (?:this|it) as `([^`]+)`(?:[^\n]|\n(?!\n))*:\s*$")


@attrs.frozen
class Block:
    """One fenced block of a page, or one instruction in its text."""

    kind: str  # the block's language, or "change" for an instruction
    body: str
    line: int
    saved_as: str | None = None  # the file the text just before the block says to save it as


@attrs.define
class Walk:
    """What following a guide did."""

    root: Path
    cwd: Path
    setup: list[str] = attrs.Factory(list)
    commands: list[str] = attrs.Factory(list)
    pictures: list[bytes] = attrs.Factory(list)
    files: dict[str, str] = attrs.Factory(dict)


def blocks(page: Path) -> list[Block]:
    """The fenced blocks and change instructions of ``page``, in reading order."""
    text = page.read_text(encoding="utf-8")
    found: list[Block] = []
    position = 0
    for match in _FENCE.finditer(text):
        found += _changes(text, position, match.start())
        saved = _SAVE.search(text[position : match.start()])
        line = text.count("\n", 0, match.start()) + 1
        found.append(Block(match[1], match[2], line, saved[1] if saved else None))
        position = match.end()
    return found + _changes(text, position, len(text))


def _changes(text: str, start: int, stop: int) -> list[Block]:
    prose = text[start:stop]
    joined = re.sub(r"\s*\n\s*", " ", prose)
    line = text.count("\n", 0, start) + 1
    return [Block("change", f"{m[1]}\n{m[2]}", line) for m in _CHANGE.finditer(joined)]


def follow(page: Path, root: Path, *, start_in: str = ".") -> Walk:
    """Follow ``page`` in the scratch folder ``root``; raise AssertionError at the first step that goes wrong."""
    walk = Walk(root=root, cwd=(root / start_in).resolve())
    walk.cwd.mkdir(parents=True, exist_ok=True)
    namespace: dict[str, object] = {"__name__": "__guide__"}
    steps = blocks(page)
    for number, block in enumerate(steps):
        where = f"{page.name}:{block.line}"
        with contextlib.chdir(walk.cwd):
            if block.saved_as or _named(block):
                _write(walk, block, where)
            elif block.kind == "change":
                old, new = block.body.split("\n")
                path = walk.cwd / "events.toml"
                text = path.read_text(encoding="utf-8")
                assert text.count(old) == 1, f"{where}: {old!r} is not in events.toml exactly once"
                path.write_text(text.replace(old, new), encoding="utf-8")
            elif block.kind == "console":
                _console(walk, block.body, where)
            elif block.kind == "python":
                printed = io.StringIO()
                with contextlib.redirect_stdout(printed):
                    exec(compile(block.body, where, "exec"), namespace)
                following = steps[number + 1] if number + 1 < len(steps) else None
                if following is not None and following.kind == "text":
                    _same(following.body, printed.getvalue(), f"{where} (the output shown after it)")
    return walk


def _named(block: Block) -> re.Match[str] | None:
    if block.kind not in ("toml", "html", "python"):
        return None
    return _NAMED.match(block.body.split("\n", 1)[0])


def _write(walk: Walk, block: Block, where: str) -> None:
    named = _named(block)
    name = block.saved_as or (named[1] if named else "")
    place = named[2] if named and not block.saved_as else None
    path = walk.cwd / name
    if place is None:
        path.write_text(block.body, encoding="utf-8")
    else:
        assert path.exists(), f"{where}: adds to {name}, which does not exist yet"
        old = path.read_text(encoding="utf-8")
        path.write_text(old + "\n" + block.body if place == "end" else block.body + "\n" + old, encoding="utf-8")
    walk.files[name] = path.read_text(encoding="utf-8")


def _console(walk: Walk, body: str, where: str) -> None:
    for command, expected in _commands(body):
        walk.commands.append(command)
        if command.startswith(SETUP):
            walk.setup.append(command)
            continue
        argv = shlex.split(command)
        if argv[0] == "mkdir":
            for name in argv[1:]:
                (walk.cwd / name).mkdir(parents=True, exist_ok=True)
            continue
        if argv[0] == "cd":
            walk.cwd = (walk.cwd / argv[1]).resolve()
            assert walk.cwd.is_dir(), f"{where}: cd {argv[1]}: no such folder"
            continue
        assert argv[0] in ("chronology", "python"), f"{where}: the docs may not run {argv[0]!r} here: {command}"
        printed = io.StringIO()
        with contextlib.chdir(walk.cwd), contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            if argv[0] == "python":
                assert len(argv) == 2, f"{where}: runs {argv[1:]}; the docs run one file"
                assert argv[1] in walk.files, f"{where}: runs {argv[1]}, not a file of the page"
                runpy.run_path(argv[1], run_name="__main__")
            else:
                with contextlib.suppress(SystemExit):  # --help, and wrong command lines, end this way
                    main(argv[1:], out=printed, err=printed)
        _same(expected, printed.getvalue(), f"{where}: $ {command}")
        if argv[1] == "plot" and "-o" in argv:
            walk.pictures.append((walk.cwd / argv[argv.index("-o") + 1]).read_bytes())


def _commands(body: str) -> Iterator[tuple[str, str]]:
    command: str | None = None
    output: list[str] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(output)
            command, output = line[2:].split("  #")[0].strip(), []
        else:
            assert command is not None, f"output before any command: {line!r}"
            output.append(line)
    if command is not None:
        yield command, "\n".join(output)


def _same(expected: str, got: str, where: str) -> None:
    want = "\n".join(line.rstrip() for line in expected.strip("\n").splitlines())
    have = "\n".join(line.rstrip() for line in got.strip("\n").splitlines())
    checker = doctest.OutputChecker()
    assert checker.check_output(want + "\n", have + "\n", doctest.ELLIPSIS), (
        f"{where} prints something else.\n--- the page says:\n{want}\n--- it prints:\n{have}"
    )


if __name__ == "__main__":
    target = Path(sys.argv[2])
    if target.exists():
        shutil.rmtree(target)
    done = follow(Path(sys.argv[1]), target, start_in="chronology")  # as if in a checkout of the code
    for number, picture in enumerate(done.pictures, start=1):
        (target / f"picture-{number}.png").write_bytes(picture)
    print(f"done in {done.cwd}; {len(done.pictures)} pictures drawn, written as {target}/picture-N.png")
