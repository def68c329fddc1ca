"""Read personnel actions (CSV, Parquet, Excel) into DuckDB: check every row and every person's history, map titles, keep tokens.

Nothing is written unless every row is accepted (or ``skip_bad`` is asked for: the bad rows are then listed and left
out, and the histories checked again without them). Every problem names the file, the line (the header is line 1;
in Excel, the sheet's row) and the column. The checks, in order:

1. the file itself (`graph.observe.read`): encoding, quoting, fields per row, header, sheets;
2. identity (`graph.observe.identity`): no column named like a name, an employee or insurance number, a birth date or a
   contact, and no person key that looks like one (unless ``pseudonymised``);
3. each row: a person, a date, a known action, classifications of the digital careers where the action needs them;
4. each person's history, in date order: a date between 1950 and today; no duplicate row; a promotion up, a demotion
   down, a deployment at the same level, an acting appointment no lower; each move from the level the person was at
   (their previous record says where); nothing but a hire after a departure, and no hire of someone still here.

A person's first record, when it is no hire, says they were present from the start of the data (an *implicit*
presence, counted and reported). Person keys are stored as keyed hashes only (`graph.observe.identity.person_token`).
The database is written to a temporary file beside its target and renamed over it.

Examples
--------
>>> GC_THRESHOLD
10
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import CareersError
from graph.observe.identity import identifying_columns, identifying_value, person_token
from graph.observe.levels import Classification
from graph.observe.read import ReadOptions, one_row, read_export
from graph.observe.schema import ACTIONS, CLASSIFICATION, COLUMNS
from graph.observe.titles import Crosswalk, Mapping, Position, TitleMap

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["GC_THRESHOLD", "IngestReport", "ObserveError", "Problem", "ingest"]

GC_THRESHOLD = 10
"""The Government of Canada's threshold for counts about people (``gcd:disclosure-threshold``); lower needs an explicit option."""
EARLIEST = dt.date(1950, 1, 1)
"""No personnel action of the digital careers is older (the CS group itself dates from the 1960s)."""
REQUIRED = tuple(c.name for c in COLUMNS if c.required)


class ObserveError(CareersError):
    """The input cannot be accepted; ``problems`` lists why, row by row."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = problems or []
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{message}" + (f"\n{shown}{more}" if shown else ""))


@dataclass(frozen=True)
class Problem:
    """One bad cell or row: where it is and why."""

    file: str
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.reason} (value: {self.value!r})"


@dataclass
class IngestReport:
    """What was read: rows kept and skipped, the titles mapped and not (with how many actions), sheets, the data set."""

    rows: int = 0
    skipped: list[Problem] = field(default_factory=list)
    mapped: list[Mapping] = field(default_factory=list)
    unmapped: list[tuple[Mapping, int]] = field(default_factory=list)
    sheets: dict[str, tuple[list[str], list[tuple[str, str]]]] = field(default_factory=dict)
    implicit: int = 0
    dataset: dict[str, Any] = field(default_factory=dict)


_KNOWN = ", ".join(repr(a) for a in ACTIONS)
_ROW_CHECKS = [  # (column, SQL condition of a bad value, reason)
    ("person", "coalesce(trim(person), '') = ''", "the person key is empty"),
    ("date", "try_strptime(date, '%Y-%m-%d') IS NULL", "not a date (YYYY-MM-DD)"),
    ("action", f"action IS NULL OR action NOT IN ({', '.join(repr(a) for a in ACTIONS)})", f"not an action ({', '.join(ACTIONS)})"),
    (
        "from_classification",
        f"coalesce(from_classification, '') <> '' AND NOT regexp_full_match(from_classification, '{CLASSIFICATION}')",
        "not a classification of the digital careers (IT-01..05, CS-01..05, EX-01..05)",
    ),
    (
        "to_classification",
        f"coalesce(to_classification, '') <> '' AND NOT regexp_full_match(to_classification, '{CLASSIFICATION}')",
        "not a classification of the digital careers (IT-01..05, CS-01..05, EX-01..05)",
    ),
    (
        "from_classification",
        f"action NOT IN ('snapshot', 'hire') AND action IN ({_KNOWN}) AND coalesce(from_classification, '') = ''",
        "this action needs the classification left",
    ),
    (
        "to_classification",
        f"action <> 'departure' AND action IN ({_KNOWN}) AND coalesce(to_classification, '') = ''",
        "this action needs the classification taken",
    ),
    (
        "from_classification",
        "action IN ('snapshot', 'hire') AND coalesce(from_classification, '') <> ''",
        "a snapshot or hire leaves nothing",
    ),
    ("to_classification", "action = 'departure' AND coalesce(to_classification, '') <> ''", "a departure takes nothing"),
]


def ingest(
    files: list[Path],
    db: Path,
    *,
    positions: dict[str, Position],
    levels: Classification,
    key: bytes,
    crosswalk: Crosswalk | None = None,
    options: ReadOptions | None = None,
    skip_bad: bool = False,
    pseudonymised: bool = False,
    synthetic: bool | None = None,
    min_cell: int = GC_THRESHOLD,
    allow_small_cells: bool = False,
    fiscal_year: bool = False,
    today: dt.date | None = None,
) -> IngestReport:
    """Check, map and keep the actions of ``files`` in the DuckDB database ``db`` (replaced only on success).

    ``positions`` describes each position of the graph (`graph.observe.titles.Position`), ``levels`` the levels its
    classification codes name (`graph.observe.levels.Classification`); ``key`` is the secret of the person tokens.
    ``synthetic`` says whether the data is synthetic (default: whether a file's CSVW metadata says so).
    ``min_cell`` is the threshold every output of this data set applies: below `GC_THRESHOLD` only with
    ``allow_small_cells`` (and every output then says so). With ``fiscal_year`` a year runs from April to March.
    """
    if min_cell < 1 or (min_cell < GC_THRESHOLD and not allow_small_cells):
        raise ObserveError(
            f"--min-cell {min_cell} is below the Government of Canada's threshold of {GC_THRESHOLD} people: "
            "give --allow-small-cells to use it anyway (every output will say so)"
            if min_cell >= 1
            else f"--min-cell must be 1 or more, not {min_cell}"
        )
    import duckdb

    today = today or dt.date.today()
    report = IngestReport()
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates its own file
    try:
        con = duckdb.connect(tmp)
        con.execute("SET enable_progress_bar = false")
        con.execute("SET memory_limit = '512MB'")  # DuckDB's default is most of the machine; beyond this it spills to disk
        con.execute("SET preserve_insertion_order = false")  # every table is ordered by its own keys where order matters
        problems: list[Problem] = []
        parts = []
        for number, path in enumerate(files):
            table = f"input_{number}"
            result = read_export(con, path, table, options or ReadOptions(), required=REQUIRED)
            report.sheets[str(path)] = (result.sheets, result.skipped_sheets)
            found = _check_rows(con, table, str(path), pseudonymised)
            if found and (not skip_bad or any(p.line == 1 for p in found)):
                problems += found
                continue
            report.skipped += found
            parts.append((number, table, sorted({(p.file, p.line) for p in found})))
        if problems:
            raise ObserveError(f"{len(problems)} problem(s) in the input; nothing was written", problems)
        _combine(con, parts, key, fiscal_year, levels)
        while True:
            found = _check_histories(con, today, levels)
            if not found:
                break
            if not skip_bad:
                raise ObserveError(f"{len(found)} problem(s) in the people's histories; nothing was written", found)
            report.skipped += found
            con.executemany("DELETE FROM clean WHERE source = ? AND line = ?", [[p.file, p.line] for p in found])
        report.rows = one_row(con, "SELECT count(*) FROM clean")[0]
        if report.rows == 0:
            raise ObserveError("no row was accepted; nothing was written")
        mapped = _map_titles(con, TitleMap(positions, crosswalk, executive=levels.executive))
        counts = dict(((t, lv), n) for t, lv, n in con.execute("SELECT title, level, n FROM title_uses").fetchall())
        report.mapped = [m for m in mapped if m.method != "unmapped"]
        report.unmapped = [(m, counts.get((m.title, m.level), 0)) for m in mapped if m.method == "unmapped"]
        report.implicit = _keep_actions(con)
        report.dataset = _dataset(con, files, report, synthetic, min_cell, fiscal_year, crosswalk)
        con.execute("CREATE TABLE dataset (key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO dataset VALUES (?, ?)", [[k, json.dumps(v)] for k, v in report.dataset.items()])
        for name in ("clean", "title_uses"):
            con.execute(f"DROP TABLE {name}")
        con.close()
        os.replace(tmp, db)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        Path(tmp + ".wal").unlink(missing_ok=True)
        raise
    return report


def _check_rows(con: DuckDBPyConnection, table: str, name: str, pseudonymised: bool) -> list[Problem]:
    columns = [row[0] for row in con.execute(f"SELECT column_name FROM (DESCRIBE {table})").fetchall() if not row[0].startswith("__")]
    for missing in (c.name for c in COLUMNS if c.name not in columns):
        con.execute(f'ALTER TABLE {table} ADD COLUMN "{missing}" VARCHAR')
    problems: list[Problem] = []
    if not pseudonymised:
        for column in identifying_columns(columns):
            reason = "an identifying column (a name, a number, a birth date or a contact): leave it out"
            problems.append(Problem(name, 1, column, "", reason))
        seen = 0
        keys = con.execute(  # each key once, at its first line
            f"SELECT min(__source), min(__line) AS line, person FROM {table} WHERE person IS NOT NULL GROUP BY person ORDER BY line"
        ).fetchall()
        for source, line, value in keys:
            what = identifying_value(value)
            if what:
                problems.append(Problem(source, line, "person", value, f"looks like {what}: give a pseudonymous key (or --pseudonymised)"))
                seen += 1
                if seen == 20:
                    break
        if problems:
            return problems
    for column, condition, reason in _ROW_CHECKS:
        bad = con.execute(f'SELECT __source, __line, "{column}" FROM {table} WHERE {condition} ORDER BY __line').fetchall()
        for source, line, value in bad:
            problems.append(Problem(source, line, column, "" if value is None else str(value), reason))
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))


def _combine(
    con: DuckDBPyConnection, parts: list[tuple[int, str, list[Any]]], key: bytes, fiscal_year: bool, levels: Classification
) -> None:
    """The accepted rows of every file, person keys as tokens, levels and years: the table ``clean``."""
    selects = []
    for number, table, bad in parts:
        con.execute(f"CREATE TEMP TABLE bad_{number} (source VARCHAR, line BIGINT)")
        if bad:
            con.executemany(f"INSERT INTO bad_{number} VALUES (?, ?)", [list(b) for b in bad])
        selects.append(
            f"SELECT __source AS source, {number} AS file, __line AS line, trim(person) AS person, "
            f"CAST(strptime(date, '%Y-%m-%d') AS DATE) AS date, action, nullif(trim(from_classification), '') AS from_class, "
            f"nullif(trim(to_classification), '') AS to_class, nullif(trim(from_position), '') AS from_position, "
            f"nullif(trim(to_position), '') AS to_position, nullif(trim(department), '') AS department FROM {table} "
            f"WHERE (__source, __line) NOT IN (SELECT source, line FROM bad_{number})"
        )
    con.execute("CREATE TEMP TABLE raw AS " + " UNION ALL ".join(selects))
    people = [p for (p,) in con.execute("SELECT DISTINCT person FROM raw").fetchall()]
    import pandas as pd

    tokens = pd.DataFrame({"person": people, "token": [person_token(key, p) for p in people]})
    con.register("tokens", tokens)
    year = "year(date) - CASE WHEN month(date) < 4 THEN 1 ELSE 0 END" if fiscal_year else "year(date)"
    start = f"make_date({year}, 4, 1)" if fiscal_year else "make_date(year(date), 1, 1)"
    con.execute(
        f"CREATE TEMP TABLE clean AS SELECT source, file, line, t.token AS person, date, action, from_class, to_class, "
        f"{levels.sql_level('from_class')} AS from_level, {levels.sql_level('to_class')} AS to_level, "
        "from_position, to_position, department, "
        f"{year} AS year, {start} AS year_start FROM raw JOIN tokens t USING (person)"
    )
    con.unregister("tokens")
    con.execute("DROP TABLE raw")


def _check_histories(con: DuckDBPyConnection, today: dt.date, levels: Classification) -> list[Problem]:
    """Each impossible history, at the row where it shows."""
    found = con.execute(
        f"""
        WITH r AS (
            SELECT *, {levels.sql_order("from_level")} AS from_rank, {levels.sql_order("to_level")} AS to_rank,
                   row_number() OVER (PARTITION BY person ORDER BY date, file, line) AS ord FROM clean),
        h AS (
            SELECT *,
                last_value(CASE WHEN action = 'departure' THEN 'gone' WHEN action IN ('snapshot', 'hire', 'promotion', 'deployment',
                    'appointment', 'demotion') THEN to_class END IGNORE NULLS) OVER w AS was,
                last_value(CASE WHEN action IN ('snapshot', 'hire', 'promotion', 'deployment', 'appointment', 'demotion', 'departure')
                    THEN source || ':' || line END IGNORE NULLS) OVER w AS since,
                first_value(source || ':' || line) OVER (PARTITION BY person, date, action, coalesce(from_class, ''),
                    coalesce(to_class, ''), coalesce(from_position, ''), coalesce(to_position, '') ORDER BY file, line) AS twin
            FROM r WINDOW w AS (PARTITION BY person ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
        SELECT source, line, column_name, value, reason FROM (
            SELECT source, line, 'date' AS column_name, CAST(date AS VARCHAR) AS value,
                   'a date before 1950 or after today: not a plausible action' AS reason, 1 AS k FROM h WHERE date < ? OR date > ?
            UNION ALL SELECT source, line, 'person', '', 'the same action as ' || twin, 2 FROM h WHERE twin <> source || ':' || line
            UNION ALL SELECT source, line, 'to_classification', to_class, 'a promotion to a level no higher than ' || from_class, 3
                FROM h WHERE action = 'promotion' AND to_rank <= from_rank
            UNION ALL SELECT source, line, 'to_classification', to_class, 'a demotion to a level no lower than ' || from_class, 3
                FROM h WHERE action = 'demotion' AND to_rank >= from_rank
            UNION ALL SELECT source, line, 'to_classification', to_class,
                    'a deployment changes no level: ' || from_class || ' to ' || to_class, 3
                FROM h WHERE action = 'deployment' AND to_rank <> from_rank
            UNION ALL SELECT source, line, 'to_classification', to_class, 'an acting appointment to a lower level than ' || from_class, 3
                FROM h WHERE action = 'acting-start' AND to_rank < from_rank
            UNION ALL SELECT source, line, 'action', action, 'an action after the person''s departure (' || since || ')', 4
                FROM h WHERE was = 'gone' AND action <> 'hire'
            UNION ALL SELECT source, line, 'action', action, 'a hire of someone still here since ' || since || ' (no departure between)', 4
                FROM h WHERE action = 'hire' AND was IS NOT NULL AND was <> 'gone'
            UNION ALL SELECT source, line, 'from_classification', from_class,
                    'the person has been ' || was || ' since ' || since || ', not ' || from_class, 5
                FROM h WHERE action IN ('promotion', 'deployment', 'acting-start', 'appointment', 'demotion', 'departure')
                    AND was IS NOT NULL AND was <> 'gone' AND {levels.sql_level("was")} <> from_level
            UNION ALL SELECT source, line, 'to_classification', to_class,
                    'the person has been ' || was || ' since ' || since || ', not ' || to_class, 5
                FROM h WHERE action IN ('snapshot', 'acting-end') AND was IS NOT NULL AND was <> 'gone'
                    AND {levels.sql_level("was")} <> to_level
        ) ORDER BY source, line, k
        """,
        [EARLIEST, today],
    ).fetchall()
    problems, seen = [], set()
    for source, line, column, value, reason in found:
        if (source, line) not in seen:  # the first reason a row is wrong; the others follow from it
            seen.add((source, line))
            problems.append(Problem(source, line, column, value or "", reason))
    return problems


def _map_titles(con: DuckDBPyConnection, titles: TitleMap) -> list[Mapping]:
    """Map each distinct (title, level) to a state; keep the mapping in ``titles`` and the uses in ``title_uses``."""
    con.execute(
        "CREATE TEMP TABLE title_uses AS SELECT coalesce(title, '') AS title, level, count(*) AS n FROM ("
        "SELECT from_position AS title, from_level AS level FROM clean UNION ALL SELECT to_position, to_level FROM clean) "
        "WHERE level IS NOT NULL GROUP BY ALL ORDER BY level, title"
    )
    mappings = [titles.match(title, level) for title, level, _ in con.execute("SELECT * FROM title_uses").fetchall()]
    con.execute("CREATE TABLE titles (title VARCHAR, level VARCHAR, state VARCHAR, method VARCHAR, confidence DOUBLE)")
    con.executemany("INSERT INTO titles VALUES (?, ?, ?, ?, ?)", [[m.title, m.level, m.state, m.method, m.confidence] for m in mappings])
    return mappings


def _keep_actions(con: DuckDBPyConnection) -> int:
    """Write the table ``actions`` and return how many people were first seen otherwise than by a snapshot or a hire.

    The clean rows with their states and order, and for each such person an implicit snapshot at the data's start.
    """
    con.execute(
        "CREATE TEMP TABLE mapped AS SELECT c.*, f.state AS from_state, t.state AS to_state, false AS implicit FROM clean c "
        "LEFT JOIN titles f ON f.level = c.from_level AND f.title = coalesce(c.from_position, '') "
        "LEFT JOIN titles t ON t.level = c.to_level AND t.title = coalesce(c.to_position, '')"
    )
    con.execute(
        """
        INSERT INTO mapped
        WITH first AS (SELECT *, row_number() OVER (PARTITION BY person ORDER BY date, file, line) AS k FROM mapped)
        SELECT '(implicit)', -1, 0, person, (SELECT min(year_start) FROM clean), 'snapshot', NULL, from_class, NULL, from_level,
               NULL, from_position, department, (SELECT min(year) FROM clean), (SELECT min(year_start) FROM clean), NULL, from_state, true
        FROM first WHERE k = 1 AND action NOT IN ('snapshot', 'hire')
        """
    )
    con.execute(
        "CREATE TABLE actions AS SELECT *, row_number() OVER (PARTITION BY person ORDER BY date, file, line) AS ord FROM mapped "
        "ORDER BY person, ord"
    )
    con.execute("DROP TABLE mapped")
    return int(one_row(con, "SELECT count(*) FROM actions WHERE implicit")[0])


def _dataset(
    con: DuckDBPyConnection,
    files: list[Path],
    report: IngestReport,
    synthetic: bool | None,
    min_cell: int,
    fiscal_year: bool,
    crosswalk: Crosswalk | None,
) -> dict[str, Any]:
    first, last, people = one_row(con, "SELECT min(date), max(date), count(DISTINCT person) FROM actions WHERE NOT implicit")
    digest = hashlib.sha256()
    for path in files:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    if synthetic is None:
        synthetic = any(_says_synthetic(path) for path in files)
    methods = Counter(m.method for m in report.mapped)
    return {
        "files": [p.name for p in files],
        "checksum": digest.hexdigest(),
        "start": str(first),
        "end": str(last),
        "actions": report.rows,
        "people": people,
        "synthetic": bool(synthetic),
        "min_cell": min_cell,
        "below_gc_threshold": min_cell < GC_THRESHOLD,
        "fiscal_year": fiscal_year,
        "crosswalk": Path(crosswalk.path).name if crosswalk else None,
        "titles_mapped": dict(sorted(methods.items())),
        "titles_unmapped": [{"title": m.title, "level": m.level} for m, _ in report.unmapped],
        "implicit_presence": report.implicit,
    }


def _says_synthetic(path: Path) -> bool:
    meta = path.with_name(path.name + "-metadata.json")
    if not meta.is_file():
        return False
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return "synthetic" in str(data.get("dc:title", "")).lower()
