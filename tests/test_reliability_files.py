"""Files and streams that are not what an event file is expected to be (issue 27, "Reliability").

Each test reproduces a finding of the audit: a device or a named pipe read and
replaced, a private file's temporary copy readable by all and never removed,
writers starved by an unfair lock, a deep chain of includes that overflowed
the stack, a byte-order mark that editing refused, an output encoding that
ended in a traceback, an export written over its own input, a read-only file
replaced.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

import chronology
from chronology import EventFile, EventFileError, FileWriteError
from chronology.cli import main
from chronology.errors import NotRegularFileError
from chronology.files import _atomic
from chronology.files._lock import FileLock, lock_path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}
START = 'title = "Demo"\n\n[[events]]\nid = "first"\ntitle = "First"\nwhen = "2024"\n'
ADD = ["--id", "new", "--title", "New", "--when", "2024-10"]
CSV = "id,title,when\nrow,Row,2024-11\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# == 1. files that are not regular files =========================================================================


def _device(path: Path, minor: int) -> None:
    """A private character device: (1, 3) is what /dev/null is, (1, 5) what /dev/zero is (it never ends)."""
    if not hasattr(os, "mknod"):
        pytest.skip("no mknod on this system")
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device needs privileges this run does not have")


def _special(path: Path, kind: str) -> None:
    if kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("named pipes are POSIX")
        os.mkfifo(path)
    else:
        _device(path, {"null": 3, "zero": 5}[kind])


@pytest.fixture
def never_opened(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make opening the given path fail the test: opening a named pipe waits for a writer, a device never ends."""
    guarded: set[str] = set()

    def guard(opener: Callable[..., Any]) -> Callable[..., Any]:
        def opening(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | os.PathLike) and os.path.realpath(file) in guarded:
                raise AssertionError(f"opened {file}, which is not a regular file")
            return opener(file, *args, **kwargs)

        return opening

    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(os, "open", guard(os.open))
    return lambda path: guarded.add(os.path.realpath(path))


KINDS = [
    pytest.param("null", "a character device", id="null-device"),
    pytest.param("zero", "a character device", id="endless-device"),
    pytest.param("pipe", "a named pipe", id="named-pipe"),
]


def _refusal(path: str, kind: str) -> str:
    return (
        f"{path}: is {kind}, not an event file: an event file is a regular file of TOML text; "
        "nothing was read or written"
    )


@pytest.mark.parametrize(("kind", "named"), KINDS)
def test_add_refuses_what_is_not_a_regular_file_without_opening_it(
    kind: str, named: str, folder: Path, never_opened: Callable[[Path], None]
) -> None:
    # found by the audit: a device became a regular file, a pipe hung holding the lock, /dev/zero ran out of memory
    _special(folder / "events.toml", kind)
    never_opened(folder / "events.toml")
    assert run("add", "events.toml", *ADD) == (1, "", _refusal("events.toml", named) + "\n")
    mode = (folder / "events.toml").lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "pipe" else stat.S_ISCHR(mode)  # still what it was


@pytest.mark.parametrize(("kind", "named"), KINDS)
def test_import_append_refuses_an_output_that_is_not_a_regular_file(
    kind: str, named: str, folder: Path, never_opened: Callable[[Path], None]
) -> None:
    (folder / "rows.csv").write_text(CSV, encoding="utf-8")
    _special(folder / "events.toml", kind)
    never_opened(folder / "events.toml")
    assert run("import", "rows.csv", "-o", "events.toml", "--append") == (1, "", _refusal("events.toml", named) + "\n")
    mode = (folder / "events.toml").lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "pipe" else stat.S_ISCHR(mode)


@pytest.mark.parametrize(("kind", "named"), KINDS)
def test_event_file_refuses_to_open_or_save_over_what_is_not_a_regular_file(
    kind: str, named: str, folder: Path, never_opened: Callable[[Path], None]
) -> None:
    path = folder / "events.toml"
    _special(path, kind)
    never_opened(path)
    with pytest.raises(NotRegularFileError) as raised:
        EventFile.open(path, lock=True)
    assert str(raised.value) == _refusal(str(path), named)
    assert isinstance(raised.value, EventFileError)
    file = EventFile(path, "")  # a new file, saved where a device or pipe is
    file.add(chronology.Event(id="b", title="B", when=chronology.parse("2024")))
    with pytest.raises(NotRegularFileError):
        file.save()
    mode = path.lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "pipe" else stat.S_ISCHR(mode)
    FileLock(path, timeout=0).acquire()  # the refusal let go of the lock


def test_import_refuses_a_device_as_its_input(folder: Path, never_opened: Callable[[Path], None]) -> None:
    _device(folder / "rows.csv", 5)  # /dev/zero: reading it never ends
    never_opened(folder / "rows.csv")
    assert run("import", "rows.csv", "-o", "events.toml") == (
        1,
        "",
        "rows.csv: is a character device, not a file to import: give a regular file (or a pipe); nothing was read\n",
    )
    assert not (folder / "events.toml").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/stdin")
def test_import_still_reads_a_pipe_such_as_standard_input(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "import", "/dev/stdin", "--from", "csv", "-o", "events.toml"],
        input=CSV,
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [event.id for event in chronology.load(folder / "events.toml")] == ["row"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_add_through_a_symbolic_link_to_a_regular_file_still_writes_the_file(folder: Path) -> None:
    (folder / "real.toml").write_text(START, encoding="utf-8")
    (folder / "events.toml").symlink_to("real.toml")
    assert run("add", "events.toml", *ADD)[0] == 0
    assert (folder / "events.toml").is_symlink()
    assert [event.id for event in chronology.load(folder / "real.toml")] == ["first", "new"]


# == 4. temporary files: never more readable than the file, and removed when left behind ==========================

KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    import chronology
    from chronology import EventFile
    from chronology.files import _atomic

    class Dying:
        def __getattr__(self, name):
            return getattr(os, name)
        def fsync(self, descriptor):
            os.kill(os.getpid(), signal.SIGKILL)  # killed after writing, before the rename

    _atomic.os = Dying()
    os.umask(0o022)
    file = EventFile.open(sys.argv[1], lock=True)
    file.add(chronology.Event(id="lost", title="Lost", when=chronology.parse("2024")))
    file.save()
    """
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and SIGKILL")
def test_a_writer_killed_mid_save_leaves_no_copy_others_can_read_and_the_next_save_removes_it(folder: Path) -> None:
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    path.chmod(0o600)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], env=ENVIRONMENT, check=False)
    assert killed.returncode == -signal.SIGKILL
    (left,) = _leftovers(folder)
    assert stat.S_IMODE((folder / left).stat().st_mode) == 0o600  # was 0644: a full copy anyone could read
    assert path.read_text(encoding="utf-8") == START
    assert run("add", "events.toml", *ADD)[0] == 0
    assert _leftovers(folder) == []  # was never removed
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_temporary_file_has_the_files_permissions_before_a_byte_is_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    path.chmod(0o600)
    modes: list[int] = []

    def write(descriptor: int, data: memoryview) -> int:
        modes.append(stat.S_IMODE(os.fstat(descriptor).st_mode))
        return os.write(descriptor, data)

    class Os:
        def __getattr__(self, name: str) -> Any:
            return write if name == "write" else getattr(os, name)

    monkeypatch.setattr(_atomic, "os", Os())
    umask = os.umask(0o022)
    try:
        _atomic.write_atomic(path, START + "\n")
    finally:
        os.umask(umask)
    assert modes
    assert set(modes) == {0o600}


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners")
def test_a_save_removes_only_its_own_files_leftovers(folder: Path) -> None:
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    names = {
        ".events.toml.0123abcd.tmp": False,  # left by a writer of this file that died: removed
        ".events.toml.notes.tmp": True,  # not a name a save gives
        ".other.toml.0123abcd.tmp": True,  # another file's
        "events.toml.0123abcd.tmp": True,
    }
    for name in names:
        (folder / name).write_text("left", encoding="utf-8")
    (folder / ".events.toml.89abcdef.tmp").mkdir()  # not a file
    names[".events.toml.89abcdef.tmp"] = True
    other_owner = folder / ".events.toml.fedcba98.tmp"
    other_owner.write_text("someone else's", encoding="utf-8")
    try:
        os.chown(other_owner, os.getuid() + 1, -1)
        names[other_owner.name] = True
    except PermissionError:
        names[other_owner.name] = False  # not root: it is ours, and goes
    file = EventFile.open(path)
    file.add(chronology.Event(id="b", title="B", when=chronology.parse("2024")))
    file.save()
    assert {name: (folder / name).exists() for name in names} == names


# == 6. a fair lock ===============================================================================================

FAIR_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import chronology
    from chronology import EventFile

    path, name, count, log, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5])
    while not go.exists():
        time.sleep(0.001)
    stamps = []
    for k in range(count):
        event = chronology.Event(id=f"{name}-{k}", title=f"{name} {k}", when=chronology.parse("2024-10-18"))
        asked = time.monotonic_ns()
        with EventFile.open(path, lock=True) as file:
            stamps.append(f"{asked} {time.monotonic_ns()}")
            file.add(event)
    log.write_text("\\n".join(stamps), encoding="utf-8")
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="the fair lock is POSIX's")
def test_writers_get_the_lock_in_the_order_they_asked_for_it(folder: Path) -> None:
    # found by the audit: 8 writers of 200 adds, 19 adds refused after 60 s of waiting; the lock went back to
    # the writer that had just let go while the others slept
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    go = folder / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", FAIR_WRITER, str(path), f"w{n}", "25", str(folder / f"w{n}.log"), str(go)],
            stderr=subprocess.PIPE,
            text=True,
            env=ENVIRONMENT,
        )
        for n in range(8)
    ]
    go.touch()
    for writer in writers:
        _, err = writer.communicate()
        assert (writer.returncode, err) == (0, "")  # no FileLockError: none refused
    requests = [
        tuple(map(int, line.split()))
        for n in range(8)
        for line in (folder / f"w{n}.log").read_text(encoding="utf-8").splitlines()
    ]
    assert len(requests) == 200
    # how many requests made after each one got the lock before it (with plain polling, up to 174 of 200)
    overtaken = [sum(1 for a, g in requests if a > asked and g < got) for asked, got in requests]
    assert max(overtaken) <= 7
    assert sorted(event.id for event in chronology.load(path)) == sorted(
        ["first", *(f"w{n}-{k}" for n in range(8) for k in range(25))]
    )


WAITER = textwrap.dedent(
    """
    import sys
    from chronology.files._lock import FileLock
    FileLock(sys.argv[1], timeout=3600).acquire()
    """
)


def _tickets_given(path: Path) -> str:
    return lock_path(path).read_text(encoding="ascii")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_waiter_killed_in_the_queue_does_not_hold_up_those_behind_it(folder: Path) -> None:
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    holder = FileLock(path)
    holder.acquire()
    assert _tickets_given(path) == "1\n"  # the sidecar counts the tickets given
    killed = subprocess.Popen([sys.executable, "-c", WAITER, str(path)], env=ENVIRONMENT)
    try:
        while _tickets_given(path) != "2\n":  # until it has its place in the queue
            assert killed.poll() is None
        behind: list[bool] = []
        after = FileLock(path, timeout=60)

        def wait() -> None:
            after.acquire()
            behind.append(after.held)

        waiter = threading.Thread(target=wait)
        waiter.start()
        while _tickets_given(path) != "3\n":
            pass
    finally:
        killed.kill()
        killed.wait()
    holder.release()
    waiter.join()
    assert behind == [True]  # the killed waiter's turn was not waited for (a FileLockError would leave it empty)
    after.release()
    assert not lock_path(path).exists()  # the last to let go, with no one waiting, removes it


def test_a_lock_given_up_on_leaves_no_place_in_the_queue(folder: Path) -> None:
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    with FileLock(path), pytest.raises(chronology.FileLockError):
        FileLock(path, timeout=0).acquire()
    FileLock(path, timeout=0).acquire()


# == 8. a long chain of includes ===================================================================================


def _chain(folder: Path, length: int, *, loop: bool = False) -> None:
    for n in range(length):
        following = 0 if loop and n == length - 1 else n + 1
        include = f'include = ["f{following}.toml"]\n' if following < length else ""
        event = f'[[events]]\nid = "e{n}"\ntitle = "E{n}"\nwhen = "2024"\n'
        (folder / f"f{n}.toml").write_text(include + "\n" + event, encoding="utf-8")


def test_a_chain_of_a_thousand_nested_includes_is_read_validated_and_edited(folder: Path) -> None:
    # found by the audit: 330 or more raised RecursionError from validate, load and EventFile
    _chain(folder, 1000)
    assert chronology.validate("f0.toml") == ()
    assert len(chronology.load("f0.toml")) == 1000
    file = EventFile.open("f0.toml")
    file.add(chronology.Event(id="new", title="New", when=chronology.parse("2024")))
    assert len(file.save()) == 1001
    assert run("add", "f0.toml", "--id", "newer", "--title", "Newer", "--when", "2025")[0] == 0


def test_a_loop_at_the_end_of_a_long_chain_of_includes_is_found(folder: Path) -> None:
    _chain(folder, 500, loop=True)
    (problem,) = chronology.validate("f0.toml")
    assert str(problem).startswith("f499.toml:1:11: field 'include': include loop: f0.toml -> f1.toml -> f2.toml")
    assert str(problem).endswith("f499.toml -> f0.toml")


# == 10. a byte-order mark ========================================================================================

BOM = "\ufeff"


def test_add_and_import_append_keep_a_byte_order_mark(folder: Path) -> None:
    # found by the audit: validate read such a file, add and import --append failed with "TOML syntax: Empty key"
    path = folder / "events.toml"
    path.write_text(BOM + START.replace("\n", "\r\n"), encoding="utf-8")
    assert run("add", "events.toml", *ADD)[0] == 0
    (folder / "rows.csv").write_text(CSV, encoding="utf-8")
    assert run("import", "rows.csv", "-o", "events.toml", "--append")[0] == 0
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(BOM + START.replace("\n", "\r\n") + '\r\n[[events]]\r\nid = "new"')
    assert text.count(BOM) == 1
    assert [event.id for event in chronology.load(path)] == ["first", "new", "row"]


def test_adding_and_removing_an_event_gives_back_a_file_with_a_byte_order_mark_byte_for_byte(folder: Path) -> None:
    path = folder / "events.toml"
    path.write_text(BOM + START, encoding="utf-8")
    file = EventFile.open(path)
    assert file.ids() == ["first"]
    file.add(chronology.Event(id="b", title="B", when=chronology.parse("2024")))
    file.save()
    file.remove("b")
    file.save()
    assert path.read_text(encoding="utf-8") == BOM + START


# == 11. output encodings that cannot hold the text ================================================================

UNICODE = 'title = "Zürich — 東京"\n\n[[events]]\nid = "a"\ntitle = "Café in Zürich"\nwhen = "2024"\n'


@pytest.mark.parametrize(
    ("encoding", "argv", "expected"),
    [
        pytest.param("ascii", ["list", "events.toml"], "Caf\\xe9 in Z\\xfcrich", id="list-ascii"),
        pytest.param(
            "latin-1",
            ["export", "events.toml", "--to", "markdown"],
            "Zürich \\u2014 \\u6771\\u4eac",
            id="export-latin-1",
        ),
    ],
)
def test_what_the_output_encoding_cannot_hold_is_written_escaped(
    encoding: str, argv: list[str], expected: str, folder: Path
) -> None:
    # found by the audit: a UnicodeEncodeError traceback
    (folder / "events.toml").write_text(UNICODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "chronology", *argv],
        capture_output=True,
        env={**ENVIRONMENT, "PYTHONIOENCODING": encoding},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert expected in done.stdout.decode(encoding)


# == smaller findings ==============================================================================================


@pytest.mark.parametrize("output", ["events.toml", "./sub/../events.toml", "part.toml"])
def test_export_refuses_to_write_over_a_file_it_reads(output: str, folder: Path) -> None:
    # found by the audit: `export --to markdown -o events.toml` replaced the event file with markdown
    (folder / "sub").mkdir()
    (folder / "events.toml").write_text('include = ["part.toml"]\n' + START, encoding="utf-8")
    (folder / "part.toml").write_text('[[events]]\nid = "p"\ntitle = "P"\nwhen = "2023"\n', encoding="utf-8")
    before = {name: (folder / name).read_bytes() for name in ("events.toml", "part.toml")}
    code, out, err = run("export", "events.toml", "--to", "markdown", "-o", output)
    assert (code, out) == (1, "")
    assert err == (
        f"chronology: cannot write {output!r}: it is an event file this export reads; "
        "give another file name with -o, or leave -o out to write to standard output\n"
    )
    assert {name: (folder / name).read_bytes() for name in before} == before


def test_export_writes_atomically_and_leaves_the_old_file_when_writing_fails(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "events.toml").write_text(START, encoding="utf-8")
    (folder / "out.md").write_text("old", encoding="utf-8")

    def full(descriptor: int, data: memoryview) -> int:
        os.write(descriptor, data[:1])
        raise OSError(errno.ENOSPC, "No space left on device")

    class Os:
        def __getattr__(self, name: str) -> Any:
            return full if name == "write" else getattr(os, name)

    monkeypatch.setattr(_atomic, "os", Os())
    assert run("export", "events.toml", "-o", "out.md") == (
        1,
        "",
        "chronology: cannot write 'out.md': No space left on device\n",
    )
    assert (folder / "out.md").read_text(encoding="utf-8") == "old"
    assert _leftovers(folder) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_add_refuses_a_read_only_file_and_names_its_mode(folder: Path) -> None:
    # found by the audit: the file was replaced (the rename needs only the folder's permission, and root has all)
    path = folder / "events.toml"
    path.write_text(START, encoding="utf-8")
    path.chmod(0o444)
    assert run("add", "events.toml", *ADD) == (
        1,
        "",
        "events.toml: cannot write the file: it is read-only (mode 0444): make it writable (chmod u+w) to change it; "
        "it is left as it was\n",
    )
    assert path.read_text(encoding="utf-8") == START
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    file = EventFile.open(path)
    file.add(chronology.Event(id="b", title="B", when=chronology.parse("2024")))
    with pytest.raises(FileWriteError, match=r"read-only \(mode 0444\)"):
        file.save()
    assert _leftovers(folder) == []


# -- terminal escapes: control characters in texts ------------------------------------------------

ESCAPES = """\
[[events]]
id = "a"
title = "Evil \\u001b]0;pwned\\u0007 title"
when = "2024-10-01"
summary = "Two\\nlines\\tand a tab, CR LF too\\r\\n"

[[events]]
id = "b"
title = "Fine\\ttoo"
when = "2024-10-02"
summary = "a NUL \\u0000 here"

[[sources]]
id = "s"
outlet = "Bell\\u0007"
"""


def test_control_characters_in_texts_are_refused_where_they_are_written(tmp_path: Path) -> None:
    """A title of ESC ] 0 ; ... BEL retitles a terminal that prints it: refused, placed; tab and line ends are not."""
    path = tmp_path / "events.toml"
    path.write_text(ESCAPES, encoding="utf-8")
    out, err = StringIO(), StringIO()
    assert main(["validate", str(path)], out=out, err=err) == 1
    assert err.getvalue().splitlines() == [
        f"{path}:3:9: event 'a', field 'title': control character U+001B at character 6 of 'Evil \\x1b]0;pwned\\x07 title':"
        " only tab is allowed in 'title' (a text of one line)",
        f"{path}:11:11: event 'b', field 'summary': control character U+0000 at character 7 of 'a NUL \\x00 here':"
        " only tab and line breaks are allowed in 'summary'",
        f"{path}:15:10: source 's', field 'outlet': control character U+0007 at character 5 of 'Bell\\x07':"
        " only tab is allowed in 'outlet' (a text of one line)",
        "3 problems found",
    ]
    fixed = ESCAPES.replace("\\u001b]0;pwned\\u0007", "").replace("\\u0000", "").replace("\\u0007", "")
    path.write_text(fixed, encoding="utf-8")
    timeline = chronology.load(path)  # tab, LF and CR LF are fine in a summary, tab in a title
    assert timeline["a"].summary == "Two\nlines\tand a tab, CR LF too\r\n"
    assert timeline["b"].title == "Fine\ttoo"


def test_the_command_line_never_prints_a_control_character_raw(monkeypatch: pytest.MonkeyPatch) -> None:
    """Events built in Python reach the CLI without the loader's check: their control characters are escaped."""
    built = chronology.Timeline(
        [chronology.Event(id="a", title="Evil \x1b]0;pwned\x07 title", when=chronology.parse("2024-10-01"))]
    )
    monkeypatch.setattr("chronology.cli._listing.load", lambda *arguments, **options: built)
    for command in (["list", "x.toml"], ["show", "x.toml", "a"]):
        out, err = StringIO(), StringIO()
        assert main(command, out=out, err=err) == 0
        assert "\x1b" not in out.getvalue()
        assert "\x07" not in out.getvalue()
        assert "Evil \\x1b]0;pwned\\x07 title" in out.getvalue()
