r"""Read an export (CSV, Parquet, Excel) into a DuckDB table, strictly: each problem named by file and line, nothing guessed.

CSV is read with a stated dialect (double quotes, doubled to escape; the delimiter the header line uses: comma,
semicolon or tab) in strict mode, so that an unbalanced quote or a row with too many or too few fields is refused
with its line, not read as something else. The header must be on line 1, or on the line ``header_row`` names;
a title above it is found and named rather than skipped in silence. A file that is not in its ``encoding``
(UTF-8 by default; UTF-16 and Latin-1 are offered) says so. Excel workbooks are read sheet by sheet: every
sheet whose header has the required columns, or the one ``sheet`` names, and the result says which were read
and which were not. Every row keeps its line (the sheet's row for Excel) and its source (``file`` or
``file[sheet]``).

Examples
--------
>>> import duckdb, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.csv").write_text("person,date\np1,2020-01-01\n", encoding="utf-8")
>>> con = duckdb.connect()
>>> read_export(con, folder / "a.csv", "t", ReadOptions(), required=("person", "date")).rows
1
>>> _ = (folder / "b.csv").write_text('person,date\np1,"2020-01-01\n', encoding="utf-8")
>>> read_export(con, folder / "b.csv", "u", ReadOptions(), required=("person", "date"))
Traceback (most recent call last):
...
graph.observe.read.UnreadableInput: .../b.csv:2: a quoted value is never closed (an unbalanced quote)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import CareersError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["ENCODINGS", "ReadOptions", "ReadResult", "UnreadableInput", "one_row", "read_export"]


def one_row(con: DuckDBPyConnection, query: str) -> tuple[Any, ...]:
    """The one row an aggregate ``query`` answers (``SELECT count(*) ...``)."""
    row = con.execute(query).fetchone()
    assert row is not None, "an aggregate query answers one row"
    return row


ENCODINGS = ("utf-8", "utf-16", "latin-1")
"""The encodings a CSV export may be in (those DuckDB reads without an extension)."""
_SCAN = 50
"""How many lines (or Excel rows) are searched for a header below a title."""


class UnreadableInput(CareersError):
    """The file cannot be read as an export: one line naming the file (and the line) and why."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file: its encoding, the Excel sheet to read (default: every sheet with a header), the header's line."""

    encoding: str = "utf-8"
    sheet: str | None = None
    header_row: int | None = None


@dataclass
class ReadResult:
    """What was read: how many rows, and for a workbook the sheets read and those left out (with why)."""

    rows: int
    sheets: list[str] = field(default_factory=list)
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)


def read_export(con: DuckDBPyConnection, path: Path, table: str, options: ReadOptions, *, required: tuple[str, ...]) -> ReadResult:
    """Create ``table`` in ``con`` from ``path``: its columns as text (names in lower case), ``__line`` and ``__source``.

    Raises `UnreadableInput` for an empty, corrupt or mis-encoded file, a missing header, a malformed row, or no row.
    """
    if not path.is_file():
        raise UnreadableInput(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise UnreadableInput(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        result = _read_csv(con, path, table, options, required)
    elif suffix == ".parquet":
        result = _read_parquet(con, path, table, required)
    elif suffix == ".xlsx":
        result = _read_xlsx(con, path, table, options, required)
    else:
        raise UnreadableInput(f"{path}: not CSV, Parquet or Excel (.csv, .parquet, .xlsx)")
    if result.rows == 0:
        raise UnreadableInput(f"{path}: no rows after the header; nothing was written")
    return result


# ---------------------------------------------------------------- CSV


def _read_csv(con: DuckDBPyConnection, path: Path, table: str, options: ReadOptions, required: tuple[str, ...]) -> ReadResult:
    if options.encoding not in ENCODINGS:
        raise UnreadableInput(f"{path}: unknown encoding {options.encoding!r}: give one of {', '.join(ENCODINGS)}")
    lines = _first_lines(path, options.encoding)
    delimiter = max(",;\t", key=lambda d: (lines[0].count(d) if lines else 0, d == ","))
    rows = list(csv.reader(io.StringIO("".join(lines)), delimiter=delimiter))
    header_row = options.header_row or _header_row(path, rows, required, "line")
    if header_row > len(rows):
        raise UnreadableInput(f"{path}: there is no line {header_row}")
    header = [name.strip().lower() for name in rows[header_row - 1]]
    _check_header(path, header, required, f"line {header_row}")
    columns = "{" + ", ".join(f"'{_sql_text(name)}': 'VARCHAR'" for name in header) + "}"
    dialect = {"utf-8": "utf-8", "utf-16": "utf-16", "latin-1": "latin-1"}[options.encoding]
    query = (
        f"CREATE TEMP TABLE {table} AS SELECT *, CAST(row_number() OVER () + {header_row} AS BIGINT) AS __line, "
        f"'{_sql_text(str(path))}' AS __source FROM read_csv(?, header = true, skip = {header_row - 1}, "
        f"delim = '{_sql_text(delimiter)}', quote = '\"', escape = '\"', columns = {columns}, auto_detect = false, "
        f"strict_mode = true, null_padding = false, encoding = '{dialect}')"
    )
    import duckdb

    try:
        con.execute(query, [str(path)])
    except duckdb.Error as exc:
        raise UnreadableInput(_csv_problem(path, str(exc), options.encoding)) from None
    return ReadResult(one_row(con, f"SELECT count(*) FROM {table}")[0])


def _first_lines(path: Path, encoding: str) -> list[str]:
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    try:
        text = head.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not a character cut at the end of the slice read
            line = head.count(b"\n", 0, exc.start) + 1
            raise UnreadableInput(f"{path}:{line}: not {encoding} ({exc.reason}): give its encoding with --encoding") from None
        text = head[: exc.start].decode(codec)
    return text.splitlines(keepends=True)[:_SCAN]


def _header_row(path: Path, rows: list[list[str]], required: tuple[str, ...], unit: str) -> int:
    """The 1-based row holding the header: the first, or (named in an error) the first below a title that has every required column."""
    if rows and set(required) <= {cell.strip().lower() for cell in rows[0]}:
        return 1
    for number, row in enumerate(rows[1:], 2):
        if set(required) <= {str(cell).strip().lower() for cell in row}:
            raise UnreadableInput(
                f"{path}: the header is on {unit} {number}, not {unit} 1 (a title above it?): read it with --header-row {number}"
            )
    return 1  # no header anywhere: `_check_header` names what is missing


def _check_header(path: Path, header: list[str], required: tuple[str, ...], where: str) -> None:
    missing = [name for name in required if name not in header]
    if missing:
        shown = ", ".join(name for name in header if name) or "nothing"
        raise UnreadableInput(f"{path}: {where}: the header lacks the required column(s) {', '.join(missing)} (found: {shown})")
    seen = set()
    for name in header:
        if name in seen:
            raise UnreadableInput(f"{path}: {where}: the column {name!r} appears twice in the header")
        seen.add(name)


_CSV_REASONS = (
    (re.compile(r"unterminated quote"), "a quoted value is never closed (an unbalanced quote)"),
    (re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)"), "{1} fields where the header has {0}"),
    (re.compile(r"Invalid unicode|not utf-8 encoded", re.I), "not {encoding}: give its encoding with --encoding"),
)


def _csv_problem(path: Path, message: str, encoding: str) -> str:
    line = re.search(r"CSV Error on Line: (\d+)", message)
    where = f"{path}:{line.group(1)}" if line else str(path)
    for pattern, reason in _CSV_REASONS:
        found = pattern.search(message)
        if found:
            return f"{where}: {reason.format(*found.groups(), encoding=encoding)}"
    return f"{where}: cannot be read: {message.splitlines()[0]}"


# ---------------------------------------------------------------- Parquet


def _read_parquet(con: DuckDBPyConnection, path: Path, table: str, required: tuple[str, ...]) -> ReadResult:
    import duckdb

    try:
        names = [row[0] for row in con.execute("SELECT name FROM parquet_schema(?) WHERE num_children IS NULL", [str(path)]).fetchall()]
        header = [name.strip().lower() for name in names]
        _check_header(path, header, required, "the schema")
        select = ", ".join(f'CAST("{_sql_name(name)}" AS VARCHAR) AS "{_sql_name(low)}"' for name, low in zip(names, header, strict=True))
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT {select}, CAST(row_number() OVER () + 1 AS BIGINT) AS __line, "
            f"'{_sql_text(str(path))}' AS __source FROM read_parquet(?)",
            [str(path)],
        )
    except duckdb.Error as exc:
        raise UnreadableInput(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    return ReadResult(one_row(con, f"SELECT count(*) FROM {table}")[0])


# ---------------------------------------------------------------- Excel


def _read_xlsx(con: DuckDBPyConnection, path: Path, table: str, options: ReadOptions, required: tuple[str, ...]) -> ReadResult:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise UnreadableInput(f"{path}: not a readable Excel workbook ({type(exc).__name__}: {exc})") from None
    if options.sheet is not None and options.sheet not in workbook.sheetnames:
        raise UnreadableInput(f"{path}: no sheet named {options.sheet!r} (sheets: {', '.join(workbook.sheetnames)})")
    result = ReadResult(0)
    columns: list[str] | None = None
    for name in [options.sheet] if options.sheet else workbook.sheetnames:
        rows = workbook[name].iter_rows(values_only=True)
        head = [list(row) for _, row in zip(range(_SCAN), rows, strict=False)]
        source = f"{path}[{name}]"
        try:
            header_row = options.header_row or _header_row(Path(source), [[_cell(c) for c in r] for r in head], required, "row")
            if header_row > len(head):
                raise UnreadableInput(f"{source}: there is no row {header_row}")
            header = [_cell(cell).strip().lower() for cell in head[header_row - 1]]
            while header and not header[-1]:
                header.pop()
            _check_header(Path(source), header, required, f"row {header_row}")
        except UnreadableInput as exc:
            if options.sheet:
                raise
            result.skipped_sheets.append((name, str(exc).split(": ", 1)[1]))
            continue
        if columns is None:
            columns = header
            definitions = ", ".join('"' + _sql_name(c) + '" VARCHAR' for c in columns)
            con.execute(f"CREATE TEMP TABLE {table} ({definitions}, __line BIGINT, __source VARCHAR)")
        elif header != columns:
            raise UnreadableInput(f"{source}: row {header_row}: the header differs from the first sheet's ({', '.join(columns)})")
        batch: list[list[Any]] = []
        for number, row in enumerate(itertools.chain(head[header_row:], rows), header_row + 1):
            cells = [_cell(c) for c in row[: len(columns)]] + [""] * max(len(columns) - len(row), 0)
            if any(_cell(c) for c in row[len(columns) :]):
                raise UnreadableInput(f"{source}:{number}: {len(row)} cells where the header has {len(columns)}")
            if not any(cells):
                continue  # an empty row
            batch.append([*cells, number, source])
            if len(batch) == 10_000:
                con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(columns) + 2))})", batch)
                batch = []
        if batch:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(columns) + 2))})", batch)
        result.sheets.append(name)
    if columns is None:
        reasons = "; ".join(f"{name}: {why}" for name, why in result.skipped_sheets)
        raise UnreadableInput(f"{path}: no sheet has the required header ({reasons})")
    result.rows = one_row(con, f"SELECT count(*) FROM {table}")[0]
    return result


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def _sql_name(name: str) -> str:
    return name.replace('"', '""')
