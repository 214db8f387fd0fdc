"""The files of a chronology: each read as TOML text, its top level, and the files it includes, in turn.

Part of the loader's reader (:mod:`chronology.files.load`). A file is read once, whole, and
only if it is a regular file of UTF-8 text; an include may not loop, nor (unless allowed)
reach outside the folder of the chronology.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import rtoml

from chronology.errors import NotRegularFileError, _shorten
from chronology.files._reading import _Readings
from chronology.files._regular import read_regular
from chronology.files._state import _File, _Record
from chronology.files._toml import export_problem, not_unicode_problem, syntax_problem
from chronology.files.schema import TOP_KEYS, lone_surrogates

_NUL_IN_NAME: Final = "contains a NUL character, which no file name can hold"


class _Includes(_Readings):
    """Reading the files named and those they include, and what each holds at its top level."""

    def _read_tree(self, name: str, root: Path) -> None:
        """Read the file ``name`` and, depth first and in order, every file it includes.

        In a loop, not by recursion, so that a chain of includes of any length
        is read (Python's calls nest about 1,000 deep).
        """
        # The files being read, each included by the one before it: an include of one of them is a loop.
        open_files: dict[Path, None] = {}
        # What is left to do, last first: an include to read (and the file naming it), or a file all of whose
        # includes are read (it leaves open_files).
        work: list[tuple[_File | None, str] | Path] = [(None, name)]
        while work:
            item = work.pop()
            if isinstance(item, Path):
                del open_files[item]
                continue
            origin, include = item
            if origin is not None and not self._may_include(origin, include, root, open_files):
                continue
            read = self._read_file(include, origin)
            if read is not None:
                file, includes = read
                open_files[file.path] = None
                work.append(file.path)
                work.extend((file, name) for name in reversed(includes))

    def _read_file(self, name: str, origin: _File | None) -> tuple[_File, list[str]] | None:
        """Read one file (``name`` as written in ``origin``, or on the command line): it and what it includes.

        None when it was read already (included twice: its events are not
        repeated) or cannot be read (the problem is recorded).
        """
        path = Path(name).resolve() if origin is None else (origin.path.parent / name).resolve()
        if path in self.files:
            return None
        if path in self.overrides:
            text = self.overrides[path]
        else:
            try:
                data = read_regular(path)
            except NotRegularFileError:
                self._unreadable(origin, name, "is not a regular file (a pipe, socket or device), not an event file")
                return None
            except IsADirectoryError:
                self._unreadable(origin, name, "is a folder, not an event file")
                return None
            except OSError as error:
                self._unreadable(origin, name, f"cannot read the file: {error.strerror or error}")
                return None
            if b"\x00" in data[:8192]:
                self._unreadable(origin, name, "is a binary file, not an event file (TOML text)")
                return None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                self._unreadable(
                    origin, name, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
                )
                return None
        shown = name if origin is None else os.path.normpath(os.path.join(os.path.dirname(origin.name), name))
        file = _File(shown, path, text, len(self.files))
        if origin is not None:  # until its own [reading] says otherwise
            file.widening, file.calendar, file.zone = origin.widening, origin.calendar, origin.zone
        else:
            self.named.append(file)
        self.files[path] = file
        try:
            document = rtoml.loads(text)
        except rtoml.TomlParsingError as error:
            self.problems.append((file, (), export_problem(shown, text) or syntax_problem(error)))
            return file, []
        except UnicodeEncodeError as error:  # a lone surrogate: only a text given as a str can hold one
            self.problems.append((file, (), not_unicode_problem(text, error.start)))
            return file, []
        return file, self._top(file, document)

    def _top(self, file: _File, document: dict[str, Any], known: Mapping[str, str] = TOP_KEYS) -> list[str]:
        """Read what a file holds at its top level; give back the files it includes, to be read next."""
        self._unknown_keys(file, (), document, known, "at the top level")
        title = document.get("title")
        if title is not None and self._shape(file, ("title",), title, "text", field="title") and not self.title:
            self.title = str(title)
        reading = document.get("reading") if "reading" in known else None
        if reading is not None and self._shape(file, ("reading",), reading, "table", field="reading"):
            self._reading(file, reading)
        for key, kind, into in (("sources", "source", self.sources), ("events", "event", self.events)):
            tables = document.get(key)
            if tables is None or not self._shape(file, (key,), tables, "tables", field=key):
                continue
            for index, table in enumerate(tables):
                into.append(_Record(file, index, table, kind))
        includes = document.get("include") if "include" in known else None
        if includes is not None and self._shape(file, ("include",), includes, "texts", field="include"):
            return list(includes)
        return []

    def _may_include(self, file: _File, include: str, root: Path, open_files: Mapping[Path, None]) -> bool:
        """Whether ``file`` may include ``include``; if not, the problem is recorded."""
        if "\x00" in include:
            self.problem(file, ("include",), f"{_shorten(include)!r} {_NUL_IN_NAME}", field="include")
            return False
        target = (file.path.parent / include).resolve()
        if target in open_files:
            stack = list(open_files)
            chain = " -> ".join(str(p.name) for p in (*stack[stack.index(target) :], target))
            self.problem(file, ("include",), f"include loop: {chain}", field="include")
            return False
        if not self.allow_outside and not target.is_relative_to(root):
            self.problem(
                file,
                ("include",),
                f"{_shorten(include)!r} points outside the folder of the chronology ({root}); "
                "allow it explicitly with allow_outside=True (--allow-outside on the command line)",
                field="include",
            )
            return False
        return True

    def _unreadable(self, origin: _File | None, name: str, message: str) -> None:
        if origin is None:
            self.problem(None, (), f"{_shorten(name)}: {message}")
        else:
            self.problem(origin, ("include",), f"{_shorten(name)!r} {message}", field="include")

    def _lone_surrogates(self, file: _File, document: Mapping[str, Any]) -> None:
        """Report every text holding a lone surrogate: a parser of JSON lets them through, no file can hold them."""
        records = {r.where: r for r in itertools.chain(self.events, self.sources) if r.file is file}
        for key, value in document.items():
            tables = value if key in ("events", "sources") and isinstance(value, list) else None
            if tables is None:
                for where, field, message in lone_surrogates({key: value}, (), ""):
                    self.problem(file, where, message, field=field)
                continue
            for index, table in enumerate(tables):
                record = records.get((key, index))
                for where, field, message in lone_surrogates(table, (key, index), ""):
                    self.problem(file, where, message, record=record, field=field or None)
