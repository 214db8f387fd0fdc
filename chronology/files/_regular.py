"""Reading the bytes of a regular file, and only of one: a pipe, a device or a socket is refused unopened.

Used by the loader (:mod:`chronology.files.load`) and the editor (:mod:`chronology.files.edit`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from typing import Final

from chronology.errors import NotRegularFileError, Problem
from chronology.files._lock import shown_path
from chronology.files._state import PathLike

_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe does not wait for a writer
_BINARY: Final = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_KINDS: Final[tuple[tuple[Callable[[int], bool], str], ...]] = (
    (stat.S_ISREG, "a regular file"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (``os.stat(...).st_mode``) is, in words: ``"a named pipe"``, ``"a character device"``."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_regular(path: PathLike) -> bytes:
    """The bytes of a regular file, opened only once it is known to be one, and never so that opening waits.

    A named pipe would wait for a writer, a device such as ``/dev/zero`` never
    ends: each is refused before it is opened (and, should one be put in the
    file's place between the check and the opening, right after).

    Raises:
        NotRegularFileError: ``path`` is a named pipe, a device or a socket; the message names which.
        IsADirectoryError: it is a folder.
        OSError: it cannot be read (``FileNotFoundError`` when it is missing).

    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, status.st_mode)
        # Read whole at once, as large as the file is (no chunks to join), then on to its end: it may have grown.
        chunks = [os.read(descriptor, status.st_size + 1)]
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(descriptor)


def _not_regular(path: PathLike, mode: int) -> NotRegularFileError:
    return NotRegularFileError(
        [
            Problem(
                f"is {file_kind(mode)}, not an event file: an event file is a regular file of TOML text; "
                "nothing was read or written",
                path=shown_path(path),
            )
        ]
    )
