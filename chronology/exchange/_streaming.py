"""What the data set readers (ACLED, GDELT) share: reading a delimited file in batches, and writing Parquet.

A reader never holds its whole file: pyarrow reads it in blocks of bytes,
:func:`batches` regroups the rows into tables of a fixed number of rows, each
converted to the columnar form (by the reader's own function of one
:class:`Batch`) and written as one row group of the Parquet file; that loop is
:func:`delimited_to_parquet`. The file is written under a temporary name
and renamed when complete, so a file that fails half-way leaves nothing
behind. Before the rename, one DuckDB query on the written file finds an id
given twice anywhere in it (:func:`check_unique_ids`), which a batch alone
cannot see.

Dates are read by :func:`chronology.parse`, the one place where text becomes a
date: each distinct text once (a data set has few distinct days), then mapped
back to the rows in bulk.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from chronology._calendar import SECONDS_PER_DAY
from chronology._extras import require
from chronology.dates import Precision, Qualifier, UncertainDate
from chronology.errors import ChronologyError, DatasetError, DatasetRowError, Problem
from chronology.events import ID_PATTERN
from chronology.exchange.arrow import EPOCH_DAY, METADATA_KEY
from chronology.notation import parse

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "BAD_ROWS_SHOWN",
    "Batch",
    "Day",
    "DayReader",
    "Days",
    "Format",
    "RowProblems",
    "batches",
    "check_ids",
    "check_unique_ids",
    "delimited_to_parquet",
    "distinct",
    "iso_days",
    "joined",
    "line_numbers",
    "listed",
    "moment",
    "numbers",
    "open_delimited",
    "pyarrow_modules",
    "write_parquet_batches",
]

#: How many bad rows an error lists (the rest are counted).
BAD_ROWS_SHOWN: Final = 10
#: The model's seconds at 1970-01-01T00:00, the columnar form's second 0.
_EPOCH_SECONDS: Final = EPOCH_DAY * SECONDS_PER_DAY


def pyarrow_modules() -> tuple[Any, Any, Any, Any]:
    """pyarrow, pyarrow.compute, pyarrow.csv and pyarrow.parquet, or the error naming the extra that installs them."""
    feature = "Reading ACLED and GDELT files into Parquet"
    return (
        require("pyarrow", "parquet", feature),
        require("pyarrow.compute", "parquet", feature),
        require("pyarrow.csv", "parquet", feature),
        require("pyarrow.parquet", "parquet", feature),
    )


def open_delimited(
    path: Path,
    names: Sequence[str],
    *,
    delimiter: str,
    header: bool,
    quoted: bool,
    block_bytes: int,
    what: Callable[[str], str],
) -> Any:
    """A streaming reader of a delimited file, every column read as text (or null when empty).

    Every column is text, so a column that is empty in the first block and
    filled later reads the same in every block; the readers convert the
    columns they type themselves, and say which row is wrong.

    Args:
        path: the file.
        names: its columns, in order (read from its header by the caller when it has one).
        delimiter: a comma or a tab.
        header: whether the first line names the columns (and is skipped).
        quoted: whether fields may be quoted (and hold newlines).
        block_bytes: how many bytes pyarrow reads at a time.
        what: makes the error message from pyarrow's, when the file cannot be read.

    Raises:
        DatasetError: the file cannot be read as such a file.

    """
    pa, _, pacsv, _ = pyarrow_modules()
    read = pacsv.ReadOptions(block_size=block_bytes, column_names=list(names), skip_rows=1 if header else 0)
    parse_options = pacsv.ParseOptions(
        delimiter=delimiter, quote_char='"' if quoted else False, newlines_in_values=quoted
    )
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=True)
    try:
        return pacsv.open_csv(path, read_options=read, parse_options=parse_options, convert_options=convert)
    except pa.ArrowInvalid as error:
        raise DatasetError(what(_arrow_message(error))) from None


def batches(reader: Any, rows: int, what: Callable[[str], str]) -> Iterator[tuple[int, pyarrow.Table]]:
    """The reader's rows as tables of ``rows`` rows (the last may be shorter), each with the index of its first row.

    Args:
        reader: a pyarrow streaming reader.
        rows: rows per table.
        what: makes the error message from pyarrow's, when the file goes wrong part-way.

    Raises:
        DatasetError: a block of the file cannot be read (a row with too many or too few fields).

    """
    pa, _, _, _ = pyarrow_modules()
    pending: list[Any] = []
    count = first = 0
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except pa.ArrowInvalid as error:
            raise DatasetError(what(_arrow_message(error))) from None
        pending.append(batch)
        count += batch.num_rows
        while count >= rows:
            table = pa.Table.from_batches(pending, schema=reader.schema)
            yield first, table.slice(0, rows)
            pending = table.slice(rows).to_batches()
            count -= rows
            first += rows
    if count or not first:
        yield first, pa.Table.from_batches(pending, schema=reader.schema)


def write_parquet_batches(
    target: Path, tables: Iterable[pyarrow.Table], title: str, check: Callable[[Path], None] | None = None
) -> int:
    """Write ``tables`` (all of one schema) to one Parquet file, atomically; return the number of rows.

    The table's metadata is the columnar form's, with ``title``. Nothing is
    left at ``target`` (or beside it) when a table fails to be made, or when
    ``check`` fails.

    Args:
        target: the file to write (replaced when the whole file is written).
        tables: the rows, a table at a time.
        title: the chronology's title, for the metadata.
        check: called with the written file before it is put in place (:func:`check_unique_ids`).

    Raises:
        DatasetError, DatasetRowError: from making the tables, or from ``check``.

    """
    _, _, _, parquet = pyarrow_modules()
    partial = target.with_name(f".{target.name}.partial")
    writer = None
    written = 0
    try:
        for table in tables:
            if writer is None:
                raw = (table.schema.metadata or {}).get(METADATA_KEY, b"{}")
                metadata = {**json.loads(raw), "title": title}
                schema = table.schema.with_metadata({METADATA_KEY: json.dumps(metadata, ensure_ascii=False).encode()})
                writer = parquet.ParquetWriter(partial, schema)
            writer.write_table(table.replace_schema_metadata(writer.schema.metadata))
            written += table.num_rows
        if writer is None:
            raise DatasetError(f"{target}: no table was made")  # batches() always gives one; never reached
        writer.close()
        writer = None
        if check is not None:
            check(partial)
        partial.replace(target)
    finally:
        if writer is not None:
            writer.close()
        if partial.exists():
            partial.unlink()
    return written


@attrs.frozen(kw_only=True)
class Format:
    """A data set's file format, as its reader reads it.

    Attributes:
        name: the data set, as the title of a chronology read from it begins ("ACLED": "ACLED: acled.csv").
        file: what a file of it is called, as messages say ("an ACLED export").
        delimiter: a comma or a tab.
        header: whether the first line names the columns.
        quoted: whether fields may be quoted (and hold newlines).
        id_column: the id column, as messages name it.

    """

    name: str
    file: str
    delimiter: str
    header: bool
    quoted: bool
    id_column: str


@attrs.frozen
class Batch:
    """One batch of a data set's rows as read (every column text), and where its bad rows are said.

    Attributes:
        table: the rows.
        first: the index of its first row in the file (0: the first row of data).
        path: the file, as messages show it.
        id_column: the file's id column, as messages name it.
        line_of: maps rows of the file to the lines they start on.

    """

    table: Any
    first: int
    path: str
    id_column: str
    line_of: Callable[[Iterable[int]], dict[int, int]]

    def problems(self, ids: pyarrow.Array) -> RowProblems:
        """Where the batch's bad rows are gathered, each named by its id in ``ids``; the ids' own come first.

        An id that is missing, not an id, or given twice in the batch is a problem already (:func:`check_ids`).
        """
        problems = RowProblems(self.path, self.first, ids, self.line_of)
        check_ids(ids, self.id_column, problems)
        return problems


def delimited_to_parquet(
    source: Path,
    target: Path,
    form: Format,
    names: Sequence[str],
    convert: Callable[[Batch], pyarrow.Table],
    *,
    batch_rows: int,
    block_bytes: int,
    wrong_line: Callable[[Path], str | None] | None = None,
) -> int:
    """Convert a delimited data set's file to Parquet, a batch at a time: the loop of the ACLED and GDELT readers.

    Each ``batch_rows`` rows are read (:func:`batches`), made rows of the columnar form by ``convert`` and
    written as one row group (:func:`write_parquet_batches`); once the whole file is written, an id that two
    batches give is refused (:func:`check_unique_ids`), and nothing is written.

    Args:
        source: the data set's file.
        target: the Parquet file to write (replaced, atomically, when the conversion succeeds).
        form: the file's format.
        names: its columns, in order.
        convert: one batch as rows of the columnar form; raises for the batch's bad rows, gathered by
            :meth:`Batch.problems`.
        batch_rows: rows converted and written at a time (one row group each).
        block_bytes: bytes pyarrow reads at a time; larger than the longest row.
        wrong_line: when pyarrow cannot read the file, the line that it cannot read, said as an error (else
            None), said instead of pyarrow's message.

    Returns:
        The number of rows written.

    Raises:
        DatasetError: the file cannot be read as such a file.
        DatasetRowError: a row that cannot be read, or an id given twice.

    """
    delimiter, header, quoted = form.delimiter, form.header, form.quoted

    def failed(message: str) -> str:
        said = wrong_line(source) if wrong_line is not None else None
        return said or f"{source}: not {form.file} this reader can read ({message})"

    def line_of(rows: Iterable[int]) -> dict[int, int]:
        return line_numbers(source, rows, delimiter=delimiter, header=header, quoted=quoted)

    reader = open_delimited(
        source, names, delimiter=delimiter, header=header, quoted=quoted, block_bytes=block_bytes, what=failed
    )
    tables = (
        convert(Batch(table, first, str(source), form.id_column, line_of))
        for first, table in batches(reader, batch_rows, failed)
    )

    def unique(written: Path) -> None:
        check_unique_ids(written, str(source), form.id_column, line_of)

    return write_parquet_batches(target, tables, title=f"{form.name}: {source.name}", check=unique)


@attrs.frozen
class Day:
    """One distinct date text of a file, as read: its day's first second (columnar seconds) and its month's bounds."""

    start: int
    month_first: int
    month_last: int
    iso: str


@attrs.frozen
class Days:
    """A column of dates as read, row by row (0 and "" in a bad row).

    Attributes:
        start: the first second of each row's day (columnar seconds).
        month_first: the first second of its calendar month.
        month_last: the last second of its calendar month.
        iso: the day in ISO 8601 ("2024-10-18").
        bad: why each bad row (by index) is bad.

    """

    start: npt.NDArray[np.int64]
    month_first: npt.NDArray[np.int64]
    month_last: npt.NDArray[np.int64]
    iso: npt.NDArray[np.str_]
    bad: dict[int, str]


class DayReader:
    """Reads a column of dates to days, each distinct text once, through :func:`chronology.parse`.

    Args:
        accepted: what the column accepts, for the error message ("2024-10-18 or 18 October 2024").
        normalise: turns a text into what :func:`chronology.parse` reads (``20241018`` into
            ``2024-10-18``); returns None for a text of no accepted form.

    """

    def __init__(self, accepted: str, normalise: Callable[[str], str | None]) -> None:
        self.accepted = accepted
        self._normalise = normalise
        self._known: dict[str, Day | str] = {}

    def read(self, texts: pyarrow.Array) -> Days:
        """The day of each row of a column, and why each bad row is bad."""
        _, pc, _, _ = pyarrow_modules()
        encoded = pc.dictionary_encode(texts.fill_null(""))
        rows = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.intp)
        found = [self._day(str(text)) for text in encoded.dictionary.to_pylist()]
        none = Day(0, 0, 0, "")
        days = [day if isinstance(day, Day) else none for day in found]
        wrong = [k for k, day in enumerate(found) if not isinstance(day, Day)]
        bad = {row: str(found[rows[row]]) for row in np.flatnonzero(np.isin(rows, wrong)).tolist()} if wrong else {}
        numbers = np.asarray([(d.start, d.month_first, d.month_last) for d in days] or [(0, 0, 0)], dtype=np.int64)
        iso = np.asarray([d.iso for d in days] or [""], dtype=np.str_)
        picked = numbers[rows]
        return Days(picked[:, 0], picked[:, 1], picked[:, 2], iso[rows], bad)

    def _day(self, text: str) -> Day | str:
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._read(text)
        return known

    def _read(self, text: str) -> Day | str:
        """``text`` as a day, or why it is not one."""
        if not text:
            return f"the date is missing; expected {self.accepted}"
        normal = self._normalise(text)
        try:
            value = parse(normal) if normal is not None else None
        except ChronologyError as error:
            return f"{text!r} is not a date ({_reason(error)}); expected {self.accepted}"
        if (
            not isinstance(value, UncertainDate)
            or value.precision is not Precision.DAY
            or value.qualifier is not Qualifier.NONE
            or value.utc_offset is not None
            or value.hi - value.lo != SECONDS_PER_DAY - 1
        ):
            return f"{text!r} is not one day; expected {self.accepted}"
        month = parse(value.to_edtf()[:-3])  # the calendar month of the day: "2024-10-18" -> "2024-10"
        assert isinstance(month, UncertainDate)
        return Day(value.lo - _EPOCH_SECONDS, month.lo - _EPOCH_SECONDS, month.hi - _EPOCH_SECONDS, value.to_edtf())


def _reason(error: ChronologyError) -> str:
    return getattr(error, "reason", None) or str(error)


def moment(text: str) -> int | None:
    """A UTC date and time in EDTF (``2024-10-18T12:15:00Z``) as columnar seconds, or None when it does not read."""
    try:
        value = parse(text)
    except ChronologyError:
        return None
    if not isinstance(value, UncertainDate) or value.lo != value.hi:
        return None
    return value.lo - _EPOCH_SECONDS


class RowProblems:
    """The bad rows of one table, gathered column by column, raised together as one :class:`DatasetRowError`.

    Args:
        path: the file, as the message shows it.
        first: the index of the table's first row in the file.
        ids: the table's ids, an Arrow array (to name each bad row).
        line_of: maps row indices (in the file) to their line numbers.

    """

    def __init__(
        self, path: str, first: int, ids: pyarrow.Array, line_of: Callable[[Iterable[int]], dict[int, int]]
    ) -> None:
        self._path = path
        self._first = first
        self._ids = ids
        self._line_of = line_of
        self._found: list[tuple[int, str, str, int | None]] = []

    def add(self, row: int, column: str, message: str, *, earlier: int | None = None) -> None:
        """Row ``row`` (of the table) is wrong in ``column``; ``earlier``: the row it repeats, named by its line."""
        self._found.append((row, column, message, earlier))

    def add_all(self, bad: dict[int, str], column: str) -> None:
        """Each row of ``bad`` is wrong in ``column``, for its reason."""
        for row, message in bad.items():
            self.add(row, column, message)

    def raise_any(self) -> None:
        """Raise the problems found, the first :data:`BAD_ROWS_SHOWN` by line, the rest counted.

        Raises:
            DatasetRowError: some row is wrong.

        """
        if not self._found:
            return
        found = sorted(self._found, key=lambda problem: problem[:3])
        shown = found[:BAD_ROWS_SHOWN]
        rows = {row for row, _, _, _ in shown} | {earlier for *_, earlier in shown if earlier is not None}
        lines = self._line_of(self._first + row for row in rows)
        problems = [
            Problem(
                message if earlier is None else _first_at(message, self._path, lines.get(self._first + earlier)),
                path=self._path,
                line=lines.get(self._first + row),
                event=self._ids[row].as_py(),
                field=column,
            )
            for row, column, message, earlier in shown
        ]
        if len(found) > len(shown):
            rest = len(found) - len(shown)
            problems.append(Problem(f"and {rest} more problem{'s' if rest > 1 else ''}; nothing was written"))
        raise DatasetRowError(problems)


def check_ids(ids: pyarrow.Array, column: str, problems: RowProblems) -> None:
    """Add a problem for each id that is missing, not an id (letters, digits, '-', '_', '.'), or repeated in the table.

    An id given in two tables is found once the file is written, by :func:`check_unique_ids`.
    """
    _, pc, _, _ = pyarrow_modules()
    good = pc.fill_null(pc.match_substring_regex(ids, f"^{ID_PATTERN.pattern}$"), False)
    right = np.asarray(good.to_numpy(zero_copy_only=False), dtype=bool)
    for row in np.flatnonzero(~right).tolist():
        text = ids[row].as_py()
        message = (
            "the id is missing"
            if not text
            else f"{text!r} is not an id: use letters, digits, '-', '_' and '.', starting with a letter or digit"
        )
        problems.add(row, column, message)
    texts = np.asarray(ids.fill_null("").to_numpy(zero_copy_only=False)).astype(np.str_)
    _, first, inverse = np.unique(texts, return_index=True, return_inverse=True)
    earlier = first[inverse.reshape(-1)]
    for row in np.flatnonzero((earlier != np.arange(len(texts))) & right).tolist():
        problems.add(row, column, _TWICE.format(ids[row].as_py()), earlier=int(earlier[row]))


def check_unique_ids(parquet: Path, path: str, column: str, line_of: Callable[[Iterable[int]], dict[int, int]]) -> None:
    """Raise for each id of the written Parquet file that an earlier row already gave, naming both rows' lines.

    One DuckDB query over the file's ``id`` column: its memory is bounded
    (DuckDB spills to disk), where a set of every id kept while streaming
    would grow with the file (about 100 MB for a million ACLED ids).

    Args:
        parquet: the file written, each row in the order of the data set's file.
        path: the data set's file, as the message shows it.
        column: the data set's id column, as the message names it.
        line_of: maps rows of the data set's file (0 = the first row of data) to their line numbers.

    Raises:
        MissingExtraError: DuckDB is not installed.
        DatasetRowError: an id is given twice; nothing was written.

    """
    duckdb = require("duckdb", "parquet", "Reading ACLED and GDELT files into Parquet")
    query = f"""
        WITH numbered AS (SELECT id, file_row_number AS row FROM read_parquet(?, file_row_number = true)),
        twice AS (SELECT id, min(row) AS first FROM numbered GROUP BY id HAVING count(*) > 1)
        SELECT numbered.id, twice.first, numbered.row, count(*) OVER () FROM numbered JOIN twice USING (id)
        WHERE numbered.row > twice.first ORDER BY numbered.row LIMIT {BAD_ROWS_SHOWN}
    """
    with duckdb.connect() as connection:
        repeated = connection.execute(query, [str(parquet)]).fetchall()
    if not repeated:
        return
    lines = line_of({row for _, first, repeat, _ in repeated for row in (first, repeat)})
    problems = [
        Problem(
            _first_at(_TWICE.format(id_), path, lines.get(first)),
            path=path,
            line=lines.get(repeat),
            event=id_,
            field=column,
        )
        for id_, first, repeat, _ in repeated
    ]
    rest = repeated[0][3] - len(repeated)
    if rest:
        problems.append(Problem(f"and {rest} more id{'s' if rest > 1 else ''} given twice; nothing was written"))
    raise DatasetRowError(problems)


#: What a row that repeats an earlier row's id is told.
_TWICE: Final = "id {!r} is given twice"


def _first_at(message: str, path: str, line: int | None) -> str:
    """``message``, saying where the row it repeats is: ``first at acled.csv:12``."""
    return f"{message}: first at {path}:{line}" if line is not None else f"{message}: first in an earlier row"


def numbers(
    values: pyarrow.Array,
    name: str,
    kind: str,
    problems: RowProblems,
    message: Callable[[str], str] | None = None,
) -> pyarrow.Array:
    """A text column as numbers; each text that is not one is a problem of its row.

    Args:
        values: the texts (null where empty).
        name: the column's name, for the problems.
        kind: ``"int64"``, ``"int8"`` or ``"float64"``.
        problems: where a row's problem goes.
        message: says what is wrong with a text (default: "'x' is not a whole number").

    """
    pa, pc, _, _ = pyarrow_modules()
    target = {"int64": pa.int64(), "int8": pa.int8(), "float64": pa.float64()}[kind]
    trimmed = pc.utf8_trim_whitespace(values)
    try:
        return pc.cast(trimmed, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass  # some text is not a number: find which, row by row
    what = "a number" if kind == "float64" else "a whole number"
    read: list[float | int | None] = []
    for row, text in enumerate(trimmed.to_pylist()):
        number = _number(text, kind)
        read.append(number)
        if text is not None and number is None:
            problems.add(row, name, message(text) if message is not None else f"{text!r} is not {what}")
    return pa.array(read, target)


def _number(text: str | None, kind: str) -> float | int | None:
    if text is None:
        return None
    try:
        value: float | int = float(text) if kind == "float64" else int(text)
    except ValueError:
        return None
    if kind == "int8" and not -128 <= value <= 127:
        return None
    return value


def line_numbers(path: Path, rows: Iterable[int], *, delimiter: str, header: bool, quoted: bool) -> dict[int, int]:
    """The line each of ``rows`` (0 = the first row of data) starts on, counting as pyarrow reads (blank lines skipped).

    Read again from the start, only when an error is to be shown: a quoted
    field may hold newlines, so a row's line is not its index.
    """
    wanted = set(rows)
    found: dict[int, int] = {}
    if not wanted:
        return found
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as stream:
        reader = csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE)
        row = -1 if header else 0
        start = 1
        for record in reader:
            if record:
                if row in wanted:
                    found[row] = start
                    if len(found) == len(wanted):
                        break
                row += 1
            start = reader.line_num + 1
    return found


def joined(columns: Sequence[pyarrow.Array], separator: str) -> pyarrow.Array:
    """Row by row, the non-empty texts of ``columns`` joined by ``separator``; null where all are empty."""
    pa, pc, _, _ = pyarrow_modules()
    if len(columns) == 1:
        texts = columns[0]
    else:  # pyarrow's null_handling="skip" drops the rows where every text is null: join all, then tidy
        texts = pc.binary_join_element_wise(*columns, separator, null_handling="replace", null_replacement="")
        between = re.escape(separator)
        texts = pc.replace_substring_regex(texts, f"^(?:{between})+|(?:{between})+$", "")
        texts = pc.replace_substring_regex(texts, f"(?:{between}){{2,}}", separator.replace("\\", "\\\\"))
    return pc.if_else(pc.equal(texts, ""), pa.scalar(None, pa.string()), texts)


def distinct(columns: Sequence[pyarrow.Array]) -> list[pyarrow.Array]:
    """The columns, each text left out (null) in a row where an earlier column holds the same text."""
    pa, pc, _, _ = pyarrow_modules()
    kept: list[Any] = []
    for column in columns:
        for earlier in kept:
            column = pc.if_else(pc.fill_null(pc.equal(column, earlier), False), pa.scalar(None, pa.string()), column)
        kept.append(column)
    return kept


def listed(columns: Sequence[pyarrow.Array], separator: str, split: str) -> pyarrow.Array:
    """Row by row, the texts of ``columns`` as one list: joined by ``separator``, then split where ``split`` matches.

    Empty texts are left out; a row with none has an empty list.
    """
    pa, pc, _, _ = pyarrow_modules()
    empty = pa.scalar([], pa.list_(pa.string()))
    whole = joined(columns, separator)
    parts = pc.split_pattern_regex(whole, split)
    return pc.if_else(pc.is_null(parts), empty, parts)


def iso_days(seconds: npt.NDArray[np.int64]) -> npt.NDArray[np.str_]:
    """Columnar seconds as the ISO 8601 days they fall on ("2024-10-18")."""
    return np.datetime_as_string(seconds.astype("datetime64[s]"), unit="D")


def _arrow_message(error: Exception) -> str:
    """The first line of the message of a pyarrow error, with what to do where that is known."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "invalid UTF8" in message:
        message += "; the file is not UTF-8 text: convert it to UTF-8"
    return message
