"""Saving is atomic: a failure at any step of a write leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import chronology
from chronology import EventFile, FileWriteError
from chronology.files import _atomic
from chronology.files._atomic import write_atomic

ORIGINAL = """\
# Kept by hand.
[[events]]
id = "a"
title = "A"
when = "2024-10-18"
"""


class _Os:
    """``os`` for ``_atomic`` alone, with some functions replaced: the rest of the process is untouched."""

    def __init__(self, **replaced: Callable[..., Any]) -> None:
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def _failing(error: BaseException) -> Callable[..., Any]:
    def fail(*args: object) -> None:
        raise error

    return fail


def _write_half_then_fail(descriptor: int, data: memoryview) -> int:
    """Write the first half for real, then fail as a full disk does: the temporary file is left half written."""
    if len(data) > 1:
        os.write(descriptor, data[: len(data) // 2])
    raise OSError(errno.ENOSPC, "No space left on device")


def _close_then_fail(descriptor: int) -> None:
    """Close for real, then report a deferred write error, as close(2) may on a network file system."""
    os.close(descriptor)
    raise OSError(errno.EIO, "Input/output error")


#: Each step of a write, made to fail: (what is replaced in _atomic's os, its replacement).
STEPS = [
    pytest.param("open", _failing(PermissionError(errno.EACCES, "Permission denied")), id="create-temporary"),
    pytest.param("write", _write_half_then_fail, id="write-midway"),
    pytest.param("write", _failing(OSError(errno.ENOSPC, "No space left on device")), id="write-nothing"),
    pytest.param("fsync", _failing(OSError(errno.EIO, "Input/output error")), id="fsync"),
    pytest.param("close", _close_then_fail, id="close"),
    pytest.param("chmod", _failing(PermissionError(errno.EPERM, "Operation not permitted")), id="chmod"),
    pytest.param("replace", _failing(OSError(errno.EXDEV, "Invalid cross-device link")), id="rename"),
]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "events.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    return target


def _changed(path: Path) -> EventFile:
    file = EventFile.open(path)
    file.add(chronology.Event(id="b", title="B", when=chronology.parse("2024-11")))
    return file


@pytest.mark.parametrize(("step", "replacement"), STEPS)
def test_a_save_that_fails_at_any_step_leaves_the_file_whole_and_no_temporary_file(
    step: str, replacement: Callable[..., Any], path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = _changed(path)
    monkeypatch.setattr(_atomic, "os", _Os(**{step: replacement}))
    with pytest.raises(FileWriteError) as raised:
        file.save()
    assert str(raised.value).startswith(f"{path}: cannot write the file: ")
    assert str(raised.value).endswith("; it is left as it was")
    assert isinstance(raised.value, OSError)
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in path.parent.iterdir()) == ["events.toml"]  # no temporary file, no lock file
    monkeypatch.undo()
    file.save()  # once the trouble is gone, the same change saves
    assert [event.id for event in chronology.load(path)] == ["a", "b"]


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_an_interrupt_during_a_write_leaves_the_file_whole_and_is_not_swallowed(
    step: str, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = _changed(path)
    monkeypatch.setattr(_atomic, "os", _Os(**{step: _failing(KeyboardInterrupt())}))
    with pytest.raises(KeyboardInterrupt):
        file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in path.parent.iterdir()) == ["events.toml"]


def test_a_failure_to_sync_the_folder_after_the_rename_does_not_undo_the_save(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) > 1:  # the folder's, after the rename
            raise OSError(errno.EINVAL, "Invalid argument")
        os.fsync(descriptor)

    file = _changed(path)
    monkeypatch.setattr(_atomic, "os", _Os(fsync=fsync))
    file.save()
    assert [event.id for event in chronology.load(path)] == ["a", "b"]
    assert len(calls) == (2 if sys.platform != "win32" else 1)


def test_every_byte_is_written_when_the_system_writes_a_few_at_a_time(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_atomic, "os", _Os(write=lambda descriptor, data: os.write(descriptor, data[:7])))
    text = ORIGINAL + "# " + "long line " * 500 + "\n"
    write_atomic(path, text)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_save_keeps_the_files_permissions_and_a_new_file_gets_the_umasks(path: Path) -> None:
    path.chmod(0o640)
    write_atomic(path, ORIGINAL + "\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        write_atomic(path.parent / "new.toml", ORIGINAL)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((path.parent / "new.toml").stat().st_mode) == 0o644


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_save_through_a_symbolic_link_writes_the_file_it_points_to_and_keeps_the_link(path: Path) -> None:
    link = path.parent / "link.toml"
    try:
        link.symlink_to(path.name)
    except OSError:
        pytest.skip("this system does not allow symbolic links")
    file = _changed(link)
    file.save()
    assert link.is_symlink()
    assert [event.id for event in chronology.load(path)] == ["a", "b"]


def test_windows_line_endings_and_unicode_are_written_byte_for_byte(path: Path) -> None:
    text = ORIGINAL.replace("\n", "\r\n").replace("A", "\u00c5 \u201cquoted\u201d \U0001f4c5")
    write_atomic(path, text)
    assert path.read_bytes() == text.encode("utf-8")
