"""Writers never lose each other's changes: a lock for read-change-save, and a check before every write.

The concurrency tests use real processes started together: several
``chronology add`` commands, and several programs adding events through
``EventFile``, all on one file at once, while another keeps reading it.
Every event must be there at the end, and every reading must have found a
sound file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import chronology
from chronology import EventFile, FileChangedError, FileLockError
from chronology.files._lock import FileLock, lock_path

ROOT = Path(__file__).resolve().parent.parent
START = '# Written by many hands at once.\ntitle = "Concurrent"\n\n[[events]]\nid = "first"\ntitle = "First"\nwhen = "2024"\n'
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "events.toml"
    target.write_text(START, encoding="utf-8")
    return target


# -- the lock ----------------------------------------------------------------------------------------------------


def test_a_held_lock_keeps_out_a_second_holder_until_released(path: Path) -> None:
    with FileLock(path) as first:
        assert first.held
        assert lock_path(path).exists()
        with pytest.raises(FileLockError) as raised:
            FileLock(path, timeout=0.2).acquire()
    assert str(raised.value) == (
        f"{path}: the file is locked by another process (lock file .events.toml.lock) and stayed so for 0.2 s; "
        "nothing was written: try again once the other change is done"
    )
    with FileLock(path, timeout=0.2) as second:
        assert second.held


def test_the_lock_file_is_removed_when_the_lock_is_released(path: Path) -> None:
    lock = FileLock(path)
    lock.acquire()
    lock.release()
    lock.release()  # twice is harmless
    assert sorted(p.name for p in path.parent.iterdir()) == ["events.toml"] or sys.platform == "win32"


def test_a_waiting_holder_gets_the_lock_when_it_is_released(path: Path) -> None:
    order: list[str] = []
    first = FileLock(path)
    first.acquire()

    def wait() -> None:
        with FileLock(path, timeout=30):
            order.append("second")

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.2)
    order.append("first done")
    first.release()
    waiter.join(timeout=30)
    assert order == ["first done", "second"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_lock_whose_holder_was_killed_is_free(path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from chronology.files._lock import FileLock\n"
            f"lock = FileLock({str(path)!r})\n"
            "lock.acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=ENVIRONMENT,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(FileLockError):
            FileLock(path, timeout=0.1).acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        holder.kill()
        holder.communicate(timeout=30)  # reaps it and closes its pipe
    with FileLock(path, timeout=5) as lock:  # the stale lock file is no obstacle
        assert lock.held


# -- EventFile ----------------------------------------------------------------------------------------------------


def _event(event_id: str) -> chronology.Event:
    return chronology.Event(id=event_id, title=event_id.title(), when=chronology.parse("2024-10"))


def test_a_locked_file_is_held_from_open_to_the_end_of_the_block(path: Path) -> None:
    with EventFile.open(path, lock=True) as file:
        with pytest.raises(FileLockError):
            EventFile.open(path, lock=True, timeout=0.1)
        file.add(_event("mine"))
    with EventFile.open(path, lock=True, timeout=0.1) as again:  # released on leaving the block
        assert "mine" in again.ids()


def test_the_lock_is_released_when_the_block_fails(path: Path) -> None:
    with pytest.raises(RuntimeError), EventFile.open(path, lock=True):
        raise RuntimeError("the caller's own error")
    EventFile.open(path, lock=True, timeout=0.1).close()
    assert path.read_text(encoding="utf-8") == START


def test_saving_refuses_to_overwrite_a_change_made_since_the_file_was_read(path: Path) -> None:
    file = EventFile.open(path)
    file.add(_event("mine"))
    path.write_text(START + '\n[[events]]\nid = "theirs"\ntitle = "Theirs"\nwhen = "2025"\n', encoding="utf-8")
    with pytest.raises(FileChangedError):
        file.save()
    assert [event.id for event in chronology.load(path)] == ["first", "theirs"]  # their change is kept


def test_even_a_lock_holder_refuses_to_overwrite_a_program_that_ignores_locks(path: Path) -> None:
    file = EventFile.open(path, lock=True)
    file.add(_event("mine"))
    path.write_text(START + "# an editor saved this\n", encoding="utf-8")  # editors do not lock
    with pytest.raises(FileChangedError):
        file.save()
    file.close()
    assert path.read_text(encoding="utf-8").endswith("# an editor saved this\n")


def test_an_unchanged_file_is_not_written_at_all(path: Path) -> None:
    before = path.stat()
    EventFile.open(path).save()
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_saving_twice_in_one_session_writes_both_changes(path: Path) -> None:
    with EventFile.open(path, lock=True) as file:
        file.add(_event("one"))
        file.save()
        file.add(_event("two"))
    assert [event.id for event in chronology.load(path)] == ["first", "one", "two"]


def test_a_new_file_can_be_written_but_not_one_that_appeared_meanwhile(tmp_path: Path) -> None:
    new = tmp_path / "new.toml"
    file = EventFile(new, 'title = "New"\n')
    file.add(_event("a"))
    file.save()
    assert [event.id for event in chronology.load(new)] == ["a"]
    other = tmp_path / "other.toml"
    late = EventFile(other, "")
    late.add(_event("b"))
    other.write_text('title = "Someone else\'s"\n', encoding="utf-8")
    with pytest.raises(FileChangedError):
        late.save()


# -- real processes, at once --------------------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import chronology
    from chronology import EventFile, FileChangedError

    path, name, count, mode, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], Path(sys.argv[5])
    while not go.exists():
        time.sleep(0.001)
    retries = 0
    for k in range(count):
        event = chronology.Event(id=f"{name}-{k}", title=f"{name} {k}", when=chronology.parse("2024-10-18"))
        while True:
            try:
                if mode == "locked":
                    with EventFile.open(path, lock=True) as file:
                        file.add(event)
                else:  # no lock held: save checks the file is unchanged, and may refuse
                    file = EventFile.open(path)
                    file.add(event)
                    file.save()
                break
            except FileChangedError:
                retries += 1
    print(retries)
    """
)
READER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import chronology

    path, go, done = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.001)
    readings = 0
    while not done.exists():
        chronology.load(path)  # raises, and so fails the test, if it ever finds half a file
        readings += 1
    print(readings)
    """
)


def _start(script: str, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENVIRONMENT,
    )


def _finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


@pytest.mark.parametrize("mode", ["locked", "checked"])
def test_programs_adding_events_at_once_lose_none_and_readers_never_see_half_a_file(mode: str, path: Path) -> None:
    go, done = path.parent / "go", path.parent / "done"
    writers = [_start(WRITER, str(path), f"w{n}", "20", mode, str(go)) for n in range(6)]
    reader = _start(READER, str(path), str(go), str(done))
    go.touch()
    retries = [int(_finish(writer)) for writer in writers]
    done.touch()
    assert int(_finish(reader)) > 0
    ids = [event.id for event in chronology.load(path)]
    assert sorted(ids) == sorted(["first", *(f"w{n}-{k}" for n in range(6) for k in range(20))])
    assert path.read_text(encoding="utf-8").startswith(START)  # the hand-written part is untouched
    if mode == "locked":
        assert retries == [0] * 6  # waiting for the lock, never refused
    assert not lock_path(path).exists() or sys.platform == "win32"


def test_add_commands_run_at_once_lose_no_event(path: Path) -> None:
    def stream(name: str) -> list[subprocess.CompletedProcess[str]]:
        return [
            subprocess.run(
                [sys.executable, "-m", "chronology", "add", str(path), "--id", f"{name}-{k}", "--title", name,
                 "--when", "2024-10-18"],
                capture_output=True,
                text=True,
                env=ENVIRONMENT,
                timeout=300,
                check=False,
            )
            for k in range(5)
        ]  # fmt: skip

    results: dict[str, list[subprocess.CompletedProcess[str]]] = {}
    threads = [threading.Thread(target=lambda name=name: results.__setitem__(name, stream(name))) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    for name in "abcd":
        for result in results[name]:
            assert (result.returncode, result.stderr) == (0, "")
    ids = [event.id for event in chronology.load(path)]
    assert sorted(ids) == sorted(["first", *(f"{name}-{k}" for name in "abcd" for k in range(5))])
