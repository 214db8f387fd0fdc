"""Writing a file so that a reader sees the old content or the new, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_atomic"]

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename it over.

    The steps: create ``.<name>.<random>.tmp`` next to ``path``, write every
    byte, ``fsync`` it, close it, give it the old file's permissions, rename it
    over ``path`` (atomic on POSIX and Windows), then ``fsync`` the folder so
    the rename itself survives a power cut. If any step before the rename
    fails, the old file is untouched and the temporary file removed; the error
    is raised as it came.

    A new file gets the permissions the umask allows, as ``open`` would give it.
    """
    path = Path(path)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    data = text.encode("utf-8")
    descriptor, temporary = _create_temporary(path)
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty file next to ``path``, opened for writing; the umask applies to its permissions."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666), temporary
        except FileExistsError:
            continue


def _write_all(descriptor: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the system allows it (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
