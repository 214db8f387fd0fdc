"""An exclusive lock on an event file, so that two writers never interleave.

The lock is taken on a small sidecar file, ``.<name>.lock`` next to the event
file, never on the event file itself: saving replaces the event file by
renaming a new one over it, and a lock on the old file would not cover the new.
The operating system releases the lock when its holder exits, even if it
crashes, so a stale sidecar file never blocks anyone.

* POSIX: ``fcntl.flock``. The holder removes the sidecar file before it lets
  go; a waiter that then gets a lock on the removed file notices (the path no
  longer names the file it holds) and starts again.
* Windows: ``msvcrt.locking`` on the sidecar's first byte; the sidecar stays.

Locks are advisory: they keep out every writer that uses them (chronology's
``EventFile``, ``chronology add``), not an editor that writes the file
directly; :class:`~chronology.files.edit.EventFile` also compares the file with
what it read before writing, which catches those.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Final

from chronology.errors import FileLockError, FileWriteError, Problem, _shorten

__all__ = ["FileLock", "lock_path", "shown_path"]

#: How long to wait for another writer before giving up, in seconds.
DEFAULT_TIMEOUT: Final = 60.0
_FIRST_PAUSE: Final = 0.001
_LONGEST_PAUSE: Final = 0.05
_PATH_SHOWN: Final = 240  # characters of a path shown whole in a message


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as problems name it: whole, unless it is far longer than any path in use (5,000 characters)."""
    return _shorten(os.fspath(path), _PATH_SHOWN)


def lock_path(path: Path) -> Path:
    """The sidecar file whose lock stands for ``path``'s."""
    return path.with_name(f".{path.name}.lock")


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

    _REMOVE_ON_RELEASE: Final = False  # a file another process holds open cannot be removed there

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)

    _REMOVE_ON_RELEASE: Final = True


class FileLock:
    """An exclusive, inter-process lock standing for one file; use as a context manager.

    Args:
        path: the file the lock stands for (the lock itself is on :func:`lock_path`).
        timeout: seconds to wait for another holder before giving up.

    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._descriptor is not None

    def acquire(self) -> None:
        """Wait for the lock and take it.

        Raises:
            FileLockError: another process held it for longer than ``timeout``.
            FileWriteError: the sidecar file cannot be created (a read-only folder).

        """
        if self._descriptor is not None:
            return
        sidecar = lock_path(self.path)
        deadline = time.monotonic() + self.timeout
        pause = _FIRST_PAUSE
        while True:
            try:
                descriptor = os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as error:
                raise FileWriteError(
                    [
                        Problem(
                            f"cannot create the lock file {_shorten(sidecar.name)}: {error.strerror or error}",
                            path=shown_path(self.path),
                        )
                    ]
                ) from None
            if _try_lock(descriptor):
                if _still_named(descriptor, sidecar):
                    self._descriptor = descriptor
                    return
                _unlock(descriptor)  # the holder before us removed it: start again on the new file
                os.close(descriptor)
                continue
            os.close(descriptor)
            if time.monotonic() >= deadline:
                raise FileLockError(
                    [
                        Problem(
                            f"the file is locked by another process (lock file {_shorten(sidecar.name)}) and stayed "
                            f"so for {self.timeout:g} s; nothing was written: try again once the other change is done",
                            path=shown_path(self.path),
                        )
                    ]
                )
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    def release(self) -> None:
        """Let go of the lock (nothing happens if it is not held)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            if _REMOVE_ON_RELEASE:
                with contextlib.suppress(OSError):
                    os.unlink(lock_path(self.path))
            _unlock(descriptor)
        finally:
            os.close(descriptor)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)


def _still_named(descriptor: int, path: Path) -> bool:
    """Whether ``path`` still names the open file ``descriptor`` (it was not removed and made anew)."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)
