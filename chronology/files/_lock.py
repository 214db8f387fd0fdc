"""An exclusive lock on an event file, so that two writers never interleave, granted in the order asked.

The lock is taken on a small sidecar file, ``.<name>.lock`` next to the event
file, never on the event file itself: saving replaces the event file by
renaming a new one over it, and a lock on the old file would not cover the new.
The operating system releases the locks of a process when it exits, even if it
crashes, so a stale sidecar file never blocks anyone.

* Linux: a queue of tickets, so that writers get the lock in the order they
  asked for it (a writer that has just let go cannot take it again ahead of
  those waiting, as it could with ``flock``, which wakes its waiters in no
  order). The sidecar holds the number of tickets given; a writer takes the
  next one under a short lock on one byte of the sidecar (the guard), locks
  the byte of its ticket, and has its turn once no earlier ticket's byte is
  locked: each earlier writer has let go, given up or died. The byte locks
  are open file description locks (``F_OFD_SETLK``): they belong to one open
  file, not to a process, so two locks in one process (or thread) keep each
  other out too, and the system drops them when the file is closed. The last
  holder removes the sidecar when no one is waiting: never while a ticket is
  out, so no waiter loses its place; a writer that opened the removed file
  notices, under the guard, before it takes a ticket, and starts again.
* Other POSIX systems: ``fcntl.flock``, tried again and again (not in order).
  The holder removes the sidecar file before it lets go; a waiter that then
  gets a lock on the removed file notices (the path no longer names the file
  it holds) and starts again.
* Windows: ``msvcrt.locking`` on the sidecar's first byte, tried again and
  again; the sidecar stays.

Locks are advisory: they keep out every writer that uses them (chronology's
``EventFile``, ``chronology add``), not an editor that writes the file
directly; :class:`~chronology.files.edit.EventFile` also compares the file with
what it read before writing, which catches those.
"""

from __future__ import annotations

import contextlib
import errno
import os
import struct
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Final

from chronology.errors import ChronologyError, FileLockError, FileWriteError, Problem, _shorten

__all__ = ["FileLock", "lock_path", "shown_path"]

#: How long to wait for another writer before giving up, in seconds.
DEFAULT_TIMEOUT: Final = 60.0
_FIRST_PAUSE: Final = 0.001
_LONGEST_PAUSE: Final = 0.01  # between two looks at the queue (or tries of the lock, where there is no queue)
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
    _IN_TURN: Final = False

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

    #: Whether writers queue for the lock (Linux: open file description locks, which a queue needs).
    _IN_TURN: Final = hasattr(fcntl, "F_OFD_SETLK")
    _GUARD: Final = 1 << 32  # the byte locked while a ticket is taken; the sidecar's text lies far before it
    _TICKETS: Final = _GUARD + 1  # ticket n's byte is _TICKETS + n
    _LAST_TICKET: Final = 1 << 60  # far more than will ever be given, far from the largest offset (2**63 - 1)
    _FLOCK: Final = "hhqqi"  # struct flock: type, whence, start, length, pid (0 for these locks), native alignment
    _FLOCK_SIZE: Final = 32  # room for the platform's padding (struct.calcsize gives 28 on x86-64, C has 32)

    def _byte_lock(descriptor: int, command: int, kind: int, start: int, length: int) -> int:
        """``fcntl`` on an open file description lock of ``length`` bytes from ``start`` (0: to the end of all)."""
        request = struct.pack(_FLOCK, kind, os.SEEK_SET, start, length, 0).ljust(_FLOCK_SIZE, b"\0")
        answer = fcntl.fcntl(descriptor, command, request)
        kind_given: int = struct.unpack_from("h", answer)[0]
        return kind_given

    def _take(descriptor: int, offset: int) -> bool:
        """Lock the byte at ``offset`` if no one else has it."""
        try:
            _byte_lock(descriptor, fcntl.F_OFD_SETLK, fcntl.F_WRLCK, offset, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EAGAIN):
                return False
            raise
        return True

    def _let_go(descriptor: int, offset: int) -> None:
        _byte_lock(descriptor, fcntl.F_OFD_SETLK, fcntl.F_UNLCK, offset, 1)

    def _held_by_others(descriptor: int, start: int, length: int) -> bool:
        """Whether another open file holds a lock on a byte of ``length`` from ``start`` (0: to the end of all)."""
        return _byte_lock(descriptor, fcntl.F_OFD_GETLK, fcntl.F_WRLCK, start, length) != fcntl.F_UNLCK


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
        self._ticket: int | None = None  # its place in the queue, where writers queue

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._descriptor is not None

    def acquire(self) -> None:
        """Wait for the lock and take it; on Linux, after every writer that asked for it before.

        Raises:
            FileLockError: another process held it for longer than ``timeout``
                (or, on Linux, those ahead in the queue held it that long between them).
            FileWriteError: the sidecar file cannot be created (a read-only folder) or locked.

        """
        if self._descriptor is not None:
            return
        deadline = time.monotonic() + self.timeout
        if not _IN_TURN:
            self._descriptor = self._try_until(deadline)
            return
        sidecar = lock_path(self.path)
        try:
            while True:
                descriptor = self._open(sidecar)
                try:
                    ticket = self._take_ticket(descriptor, sidecar, deadline)
                    if ticket is not None:
                        self._wait_turn(descriptor, ticket, deadline)
                except BaseException:
                    os.close(descriptor)  # which gives up the ticket
                    raise
                if ticket is not None:
                    self._descriptor, self._ticket = descriptor, ticket
                    return
                os.close(descriptor)  # the last holder removed the file as we opened it: start again on the new one
        except ChronologyError:  # FileLockError and FileWriteError are OSErrors too
            raise
        except OSError as error:
            raise self._cannot_lock(sidecar, error) from None

    def _take_ticket(self, descriptor: int, sidecar: Path, deadline: float) -> int | None:
        """Take the next ticket (and lock its byte); None when ``sidecar`` was removed since it was opened."""
        while not _take(descriptor, _GUARD):  # held for an instant by each writer taking a ticket
            if time.monotonic() >= deadline:
                raise self._timed_out(sidecar)
            time.sleep(_FIRST_PAUSE)
        try:
            if not _still_named(descriptor, sidecar):
                return None
            try:
                ticket = int(os.pread(descriptor, 32, 0).split(b"\n")[0] or b"0")
            except ValueError:
                ticket = -1
            if not 0 <= ticket < _LAST_TICKET:
                ticket = 0  # not written by a lock (a file made by hand): the queue starts again
            while not _take(descriptor, _TICKETS + ticket):  # a count behind the tickets out: the next free one
                ticket += 1
            os.pwrite(descriptor, b"%d\n" % (ticket + 1), 0)
            return ticket
        finally:
            _let_go(descriptor, _GUARD)

    def _wait_turn(self, descriptor: int, ticket: int, deadline: float) -> None:
        """Wait until no earlier ticket is held: each writer before this one has let go, given up or died."""
        pause = _FIRST_PAUSE
        while ticket and _held_by_others(descriptor, _TICKETS, ticket):
            if time.monotonic() >= deadline:
                raise self._timed_out(lock_path(self.path))
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    def _try_until(self, deadline: float) -> int:
        """Try the lock again and again until it is free (where writers do not queue): the descriptor holding it."""
        sidecar = lock_path(self.path)
        pause = _FIRST_PAUSE
        while True:
            descriptor = self._open(sidecar)
            if _try_lock(descriptor):
                if _still_named(descriptor, sidecar):
                    return descriptor
                _unlock(descriptor)  # the holder before us removed it: start again on the new file
                os.close(descriptor)
                continue
            os.close(descriptor)
            if time.monotonic() >= deadline:
                raise self._timed_out(sidecar)
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    def _open(self, sidecar: Path) -> int:
        try:
            return os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise FileWriteError(
                [
                    Problem(
                        f"cannot create the lock file {_shorten(sidecar.name)}: {error.strerror or error}",
                        path=shown_path(self.path),
                    )
                ]
            ) from None

    def _cannot_lock(self, sidecar: Path, error: OSError) -> FileWriteError:
        return FileWriteError(
            [
                Problem(
                    f"cannot lock the lock file {_shorten(sidecar.name)}: {error.strerror or error}",
                    path=shown_path(self.path),
                )
            ]
        )

    def _timed_out(self, sidecar: Path) -> FileLockError:
        return FileLockError(
            [
                Problem(
                    f"the file is locked by another process (lock file {_shorten(sidecar.name)}) and stayed "
                    f"so for {self.timeout:g} s; nothing was written: try again once the other change is done",
                    path=shown_path(self.path),
                )
            ]
        )

    def release(self) -> None:
        """Let go of the lock (nothing happens if it is not held)."""
        descriptor, self._descriptor = self._descriptor, None
        ticket, self._ticket = self._ticket, None
        if descriptor is None:
            return
        try:
            if ticket is not None:
                self._remove_if_no_one_waits(descriptor, ticket)
                with contextlib.suppress(OSError):  # closing lets go too, unless a child process shares the file
                    _let_go(descriptor, _TICKETS + ticket)
                return
            if _REMOVE_ON_RELEASE:
                with contextlib.suppress(OSError):
                    os.unlink(lock_path(self.path))
            _unlock(descriptor)
        finally:
            os.close(descriptor)

    def _remove_if_no_one_waits(self, descriptor: int, ticket: int) -> None:
        """Remove the sidecar when no other ticket is out, so that none is left behind; never under a waiter."""
        with contextlib.suppress(OSError):
            if not _take(descriptor, _GUARD):
                return  # someone is taking a ticket: they will wait on this file
            try:
                waiting = _held_by_others(descriptor, _TICKETS, ticket) if ticket else False
                if not waiting and not _held_by_others(descriptor, _TICKETS + ticket + 1, 0):
                    sidecar = lock_path(self.path)
                    if _still_named(descriptor, sidecar):
                        os.unlink(sidecar)
            finally:
                _let_go(descriptor, _GUARD)

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
