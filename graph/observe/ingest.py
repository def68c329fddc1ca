"""Read personnel actions (CSV, Parquet, Excel) into DuckDB: check every row, map titles to positions, keep the records.

Nothing is written unless every row is accepted (or ``skip_bad`` is asked for: the bad rows are then listed and
left out). Every problem names the file, the line (the header is line 1; in Excel, the sheet's row) and the column.
The database is written to a temporary file beside its target and renamed over it.

Examples
--------
>>> looks_identifying("employee_email"), looks_identifying("person")
(True, False)
>>> level_of("CS-02"), level_of("EX-01"), level_of("")
('level-it-02', 'level-ex-01', None)
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import CareersError
from graph.observe.schema import ACTIONS, CLASSIFICATION, COLUMNS

__all__ = ["IngestReport", "ObserveError", "Problem", "ingest", "level_of", "looks_identifying"]

_IDENTIFYING = re.compile(r"(^|_)(name|first|last|surname|given|e_?mail|courriel|nom|pri|employee_?(number|no|id)|sin)($|_)", re.I)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)
_PRI = re.compile(r"\d{8,9}")


class ObserveError(CareersError):
    """The input cannot be accepted; ``problems`` lists why, row by row."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = problems or []
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{message}" + (f"\n{shown}{more}" if shown else ""))


@dataclass(frozen=True)
class Problem:
    """One bad cell: where it is and why."""

    file: str
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.reason} (value: {self.value!r})"


@dataclass
class IngestReport:
    """What was read: rows kept, rows skipped, the titles mapped and not, the data set's description."""

    rows: int = 0
    skipped: list[Problem] = field(default_factory=list)
    mapped: list[dict] = field(default_factory=list)
    unmapped: list[dict] = field(default_factory=list)
    dataset: dict = field(default_factory=dict)


def looks_identifying(column: str) -> bool:
    """Whether a column's name says it holds a name, an e-mail address or an employee number in clear."""
    return bool(_IDENTIFYING.search(re.sub(r"[^a-z0-9]+", "_", column.lower())))


def level_of(classification: str | None) -> str | None:
    """The graph's level of a classification (CS is read as IT, as the page says); ``None`` when empty."""
    if not classification:
        return None
    group, level = classification.split("-")
    return f"level-{'it' if group in ('IT', 'CS') else group.lower()}-{level}"


def _read(con, path: Path, table: str) -> None:
    """Load one input file into ``table`` as text columns, with its line numbers."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT *, row_number() OVER () + 1 AS __line "
            "FROM read_csv(?, header = true, all_varchar = true, auto_detect = true)",
            [str(path)],
        )
    elif suffix == ".parquet":
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT *, row_number() OVER () + 1 AS __line FROM read_parquet(?)", [str(path)])
        for name, kind in con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {table})").fetchall():
            if name != "__line" and kind != "VARCHAR":
                con.execute(f'ALTER TABLE {table} ALTER "{name}" TYPE VARCHAR')
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        columns = ", ".join(f'"{h}" VARCHAR' for h in header)
        con.execute(f"CREATE TEMP TABLE {table} ({columns}, __line BIGINT)")
        batch = []
        for number, values in enumerate(rows, 2):
            cells = ["" if v is None else v.date().isoformat() if hasattr(v, "date") else str(v) for v in values]
            batch.append([*cells, number])
            if len(batch) == 10_000:
                con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(header) + 1))})", batch)
                batch = []
        if batch:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(header) + 1))})", batch)
    else:
        raise ObserveError(f"{path}: not CSV, Parquet or Excel (.csv, .parquet, .xlsx)")


_CHECKS = [  # (column, SQL condition of a bad value, reason)
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
        "action NOT IN ('snapshot', 'hire') AND action IN "
        f"({', '.join(repr(a) for a in ACTIONS)}) AND coalesce(from_classification, '') = ''",
        "this action needs the classification left",
    ),
    (
        "to_classification",
        f"action <> 'departure' AND action IN ({', '.join(repr(a) for a in ACTIONS)}) AND coalesce(to_classification, '') = ''",
        "this action needs the classification taken",
    ),  # fmt: skip
    (
        "from_classification",
        "action IN ('snapshot', 'hire') AND coalesce(from_classification, '') <> ''",
        "a snapshot or hire leaves nothing",
    ),
    ("to_classification", "action = 'departure' AND coalesce(to_classification, '') <> ''", "a departure takes nothing"),
]


def _check(con, table: str, name: str, pseudonymised: bool) -> list[Problem]:
    columns = [row[0] for row in con.execute(f"SELECT column_name FROM (DESCRIBE {table})").fetchall() if row[0] != "__line"]
    problems = [Problem(name, 1, c.name, "", "a required column is missing") for c in COLUMNS if c.required and c.name not in columns]
    if problems:
        return problems
    for missing in (c.name for c in COLUMNS if c.name not in columns):
        con.execute(f'ALTER TABLE {table} ADD COLUMN "{missing}" VARCHAR')
    if not pseudonymised:
        identifying = [c for c in columns if looks_identifying(c)]
        problems += [Problem(name, 1, c, "", "looks like a name, an e-mail address or an employee number in clear") for c in identifying]
        for line, value in con.execute(
            f"SELECT __line, person FROM {table} WHERE regexp_matches(person, ?) OR regexp_full_match(person, ?) LIMIT 20",
            [_EMAIL.pattern, _PRI.pattern],
        ).fetchall():
            problems.append(Problem(name, line, "person", value, "looks like an e-mail address or an employee number in clear"))
        if problems:
            return problems
    for column, condition, reason in _CHECKS:
        for line, value in con.execute(f'SELECT __line, "{column}" FROM {table} WHERE {condition} ORDER BY __line').fetchall():
            problems.append(Problem(name, line, column, "" if value is None else str(value), reason))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _map_titles(con, positions: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    """Map each distinct (title, level) to a state of the graph: a position at that level, or an EX level."""
    by_level: dict[str, dict[str, dict]] = {}
    for pid, p in positions.items():
        by_level.setdefault(p["level"], {})[pid] = p
    pairs = con.execute(
        "SELECT DISTINCT title, level FROM (SELECT from_position AS title, from_level AS level FROM actions UNION ALL "
        "SELECT to_position, to_level FROM actions) WHERE level IS NOT NULL ORDER BY level, title"
    ).fetchall()
    mapped, unmapped = [], []
    for title, level in pairs:
        text = (title or "").strip()
        if level.startswith("level-ex-"):
            mapped.append({"title": text, "level": level, "state": level, "method": "executive level", "confidence": 1.0})
            continue
        found = _match(text, by_level.get(level, {}))
        if found:
            state, method, confidence = found
            mapped.append({"title": text, "level": level, "state": state, "method": method, "confidence": confidence})
        else:
            labels = sorted(p["label"] for p in by_level.get(level, {}).values())
            suggestions = difflib.get_close_matches(text, labels, n=3, cutoff=0.3)
            unmapped.append({"title": text, "level": level, "suggestions": suggestions})
    return mapped, unmapped


def _words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z0-9]+", text.lower().replace("individual contributor", "individual-contributor"))
        if w not in {"it", "the", "of", "and", "de", "la"}
    }


def _match(title: str, candidates: dict[str, dict]) -> tuple[str, str, float] | None:
    """A title to one position of its level, with the method and its confidence.

    Its label (1.0); its stream's name when the stream has one position at the level (0.9); or the one position whose
    label holds every word of the title (0.8).
    """
    if not title:
        return None
    for pid, p in candidates.items():
        if title.lower() in (p["label"].lower(), pid):
            return pid, "label", 1.0
    in_stream = [pid for pid, p in candidates.items() if p["stream_label"].lower() in (title.lower(), f"it {title.lower()}")]
    if len(in_stream) == 1:
        return in_stream[0], "stream at level", 0.9
    wanted = _words(title)
    holding = [pid for pid, p in candidates.items() if wanted and wanted <= _words(p["label"])]
    if len(holding) == 1:
        return holding[0], "words", 0.8
    return None


def ingest(
    files: list[Path],
    db: Path,
    *,
    positions: dict[str, dict],
    skip_bad: bool = False,
    pseudonymised: bool = False,
    synthetic: bool | None = None,
    min_cell: int = 10,
    progress: bool = False,
) -> IngestReport:
    """Check, map and keep the actions of ``files`` in the DuckDB database ``db`` (replaced only on success).

    ``positions`` maps each position id of the graph to its ``label``, ``level`` and ``stream_label``. ``synthetic``
    says whether the data is synthetic; by default, whether a file's CSVW metadata (``FILE-metadata.json``) says so.
    ``min_cell`` is the disclosure threshold every output of this data set will apply (never below 1).
    """
    if min_cell < 1:
        raise ObserveError(f"--min-cell must be 1 or more, not {min_cell}")
    import duckdb

    report = IngestReport()
    for path in files:
        if not path.is_file():
            raise ObserveError(f"{path}: no such file")
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates its own file
    try:
        con = duckdb.connect(tmp)
        con.execute(f"SET enable_progress_bar = {'true' if progress else 'false'}")
        problems: list[Problem] = []
        parts = []
        for number, path in enumerate(files):
            table = f"input_{number}"
            try:
                _read(con, path, table)
            except duckdb.Error as exc:
                raise ObserveError(f"{path}: cannot be read: {str(exc).splitlines()[0]}") from None
            found = _check(con, table, str(path), pseudonymised)
            if found and (not skip_bad or any(p.line == 1 for p in found)):
                problems += found
                continue
            report.skipped += found
            bad = sorted({p.line for p in found})
            con.execute(f"CREATE TEMP TABLE bad_{number} (line BIGINT)")
            if bad:
                con.executemany(f"INSERT INTO bad_{number} VALUES (?)", [[b] for b in bad])
            parts.append(
                f"SELECT '{str(path).replace(chr(39), chr(39) * 2)}' AS file, __line AS line, trim(person) AS person, "
                f"CAST(strptime(date, '%Y-%m-%d') AS DATE) AS date, action, nullif(from_classification, '') AS from_class, "
                f"nullif(to_classification, '') AS to_class, nullif(trim(from_position), '') AS from_position, "
                f"nullif(trim(to_position), '') AS to_position, nullif(trim(department), '') AS department FROM {table} "
                f"WHERE __line NOT IN (SELECT line FROM bad_{number})"
            )
        if problems:
            raise ObserveError(f"{len(problems)} problem(s) in the input; nothing was written", problems)
        con.execute("CREATE TABLE raw AS " + " UNION ALL ".join(parts))
        level = (
            "CASE WHEN {c} IS NULL THEN NULL WHEN {c} LIKE 'EX-%' THEN 'level-ex-' || right({c}, 2) ELSE 'level-it-' || right({c}, 2) END"
        )
        con.execute(
            "CREATE TABLE actions AS SELECT *, year(date) AS year, "
            f"{level.format(c='from_class')} AS from_level, {level.format(c='to_class')} AS to_level FROM raw ORDER BY person, date, line"
        )
        con.execute("DROP TABLE raw")
        mapped, unmapped = _map_titles(con, positions)
        report.mapped, report.unmapped = mapped, unmapped
        con.execute("CREATE TABLE titles (title VARCHAR, level VARCHAR, state VARCHAR, method VARCHAR, confidence DOUBLE)")
        if mapped:
            con.executemany(
                "INSERT INTO titles VALUES (?, ?, ?, ?, ?)",
                [[m["title"], m["level"], m["state"], m["method"], m["confidence"]] for m in mapped],
            )
        con.execute(
            "CREATE TABLE moves AS SELECT a.*, f.state AS from_state, t.state AS to_state FROM actions a "
            "LEFT JOIN titles f ON f.level = a.from_level AND f.title = coalesce(a.from_position, '') "
            "LEFT JOIN titles t ON t.level = a.to_level AND t.title = coalesce(a.to_position, '')"
        )
        con.execute("DROP TABLE actions")
        con.execute("ALTER TABLE moves RENAME TO actions")
        report.rows = con.execute("SELECT count(*) FROM actions").fetchone()[0]
        first, last, people = con.execute("SELECT min(date), max(date), count(DISTINCT person) FROM actions").fetchone()
        digest = hashlib.sha256()
        for path in files:
            with path.open("rb") as handle:
                for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(chunk)
        if synthetic is None:
            synthetic = any(_says_synthetic(path) for path in files)
        report.dataset = {
            "files": [p.name for p in files],
            "checksum": digest.hexdigest(),
            "start": str(first),
            "end": str(last),
            "actions": report.rows,
            "people": people,
            "synthetic": synthetic,
            "min_cell": min_cell,
        }
        con.execute("CREATE TABLE dataset (key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO dataset VALUES (?, ?)", [[k, json.dumps(v)] for k, v in report.dataset.items()])
        con.close()
        os.replace(tmp, db)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        Path(tmp + ".wal").unlink(missing_ok=True)
        raise
    return report


def _says_synthetic(path: Path) -> bool:
    meta = path.with_name(path.name + "-metadata.json")
    if not meta.is_file():
        return False
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return "synthetic" in str(data.get("dc:title", "")).lower()
