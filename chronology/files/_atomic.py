"""Writing a file so that a reader sees the old content or the new, never a mix."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

__all__ = ["remove_leftovers", "write_atomic"]

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_WRITABLE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename it over.

    The steps: create ``.<name>.<random>.tmp`` next to ``path`` with the old
    file's permissions (so a private file's new content is never readable by
    others, even for an instant), write every byte, ``fsync`` it, close it,
    rename it over ``path`` (atomic on POSIX and Windows), then ``fsync`` the
    folder so the rename itself survives a power cut. If any step before the
    rename fails, the old file is untouched and the temporary file removed; the
    error is raised as it came. A writer killed before the rename leaves its
    temporary file: :func:`remove_leftovers` removes it.

    A new file gets the permissions the umask allows, as ``open`` would give it.

    Raises:
        PermissionError: ``path`` may not be written (it is read-only, or not
            this user's to write: its mode is named), though renaming over it
            would be allowed; nothing is written.
        OSError: any step failed; the old file is as it was.

    """
    path = Path(path)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if mode is not None and not mode & _WRITABLE:  # the rename would replace it all the same
        reason = f"it is read-only (mode {mode:04o}): make it writable (chmod u+w) to change it"
        raise PermissionError(errno.EACCES, reason, os.fspath(path))
    if mode is not None and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, f"no permission to write it (mode {mode:04o})", os.fspath(path))
    data = text.encode("utf-8")
    descriptor, temporary = _create_temporary(path, 0o666 if mode is None else mode)
    try:
        try:
            if mode is not None:
                os.chmod(temporary, mode)  # the umask may have taken bits the file has (never added any)
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files that writers of ``path`` killed before their rename left next to it.

    Call it only while holding ``path``'s lock: every writer takes it, so a
    temporary file of ``path`` found then belongs to no live writer. Only
    files of the name :func:`write_atomic` gives (``.<name>.<8 hex digits>.tmp``),
    owned by this user, are removed; anything that cannot be removed is left.

    Returns:
        The files removed.

    """
    path = Path(path)
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{8}}\.tmp")
    user = os.getuid() if hasattr(os, "getuid") else None
    removed = []
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                found = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(found.st_mode) and (user is None or found.st_uid == user):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _create_temporary(path: Path, mode: int) -> tuple[int, Path]:
    """A new, empty file next to ``path``, opened for writing, with ``mode`` less what the umask takes."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode), temporary
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
