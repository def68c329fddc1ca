"""Observed careers: input checks, title mapping, exact flows, rates and survival on small inputs, privacy, the build."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.mobility.analysis import analyse_built
from graph.observe.analyses import flows, published, rates, time_in_level
from graph.observe.ingest import ObserveError, ingest
from graph.observe.privacy import protect

HEADER = "person,date,action,from_classification,to_classification,from_position,to_position,department\n"
DB_ANALYST = "IT-02 Analyst, IT Database Management"
SEC_ANALYST = "IT-02 Analyst, IT Security"
SEC_LEAD = "IT-03 Team Lead, IT Security"


@pytest.fixture(scope="module")
def analysis(built_nt):
    facts, model, _ = analyse_built(Path(built_nt).read_bytes())
    return facts, model


@pytest.fixture(scope="module")
def positions(analysis):
    facts, _ = analysis
    return {
        pid: {"label": p["label"], "level": p["level"], "stream_label": facts.streams[p["stream"]]["label"]}
        for pid, p in facts.positions.items()
    }


def write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def small_input(tmp_path: Path) -> Path:
    """Four people: two deployed from database to security analyst then promoted, one promoted, one departing."""
    return write(
        tmp_path / "moves.csv",
        [
            f'p1,2020-01-01,snapshot,,CS-02,,"{DB_ANALYST}",D1',
            f'p2,2020-01-01,snapshot,,CS-02,,"{DB_ANALYST}",D1',
            f'p3,2020-01-01,snapshot,,CS-02,,"{SEC_ANALYST}",D2',
            f'p4,2020-01-01,snapshot,,CS-02,,"{SEC_ANALYST}",D2',
            f'p1,2020-03-01,deployment,CS-02,CS-02,"{DB_ANALYST}",Security,D2',
            f'p2,2020-06-01,deployment,CS-02,CS-02,"{DB_ANALYST}",Security,D2',
            f'p3,2021-01-01,promotion,CS-02,IT-03,"{SEC_ANALYST}","{SEC_LEAD}",D2',
            f'p4,2021-07-01,departure,IT-02,,"{SEC_ANALYST}",,D2',
            "p5,2021-01-01,hire,,IT-02,,Security,D2",
            f'p5,2022-01-01,promotion,IT-02,IT-03,Security,"{SEC_LEAD}",D2',
        ],
    )


@pytest.fixture
def db(tmp_path, positions):
    path = tmp_path / "observed.duckdb"
    report = ingest([small_input(tmp_path)], path, positions=positions, synthetic=False, min_cell=1)
    assert report.rows == 10 and report.unmapped == []
    return path


def test_titles_are_mapped_with_method_and_confidence(tmp_path, positions):
    report = ingest([small_input(tmp_path)], tmp_path / "o.duckdb", positions=positions, synthetic=False)
    methods = {(m["title"], m["level"]): (m["state"], m["method"], m["confidence"]) for m in report.mapped}
    assert methods[(DB_ANALYST, "level-it-02")] == ("position-it-02-analyst-it-database-management", "label", 1.0)
    assert methods[("Security", "level-it-02")] == ("position-it-02-analyst-it-security", "stream at level", 0.9)
    bad = write(tmp_path / "unmapped.csv", ["p1,2020-01-01,snapshot,,IT-02,,Databse Managment,D1"])
    report = ingest([bad], tmp_path / "u.duckdb", positions=positions, synthetic=False)
    assert report.unmapped == [
        {
            "title": "Databse Managment",
            "level": "level-it-02",
            "suggestions": [DB_ANALYST, "IT-02 Analyst, IT Project Portfolio Management"],
        }
    ]


def test_flows_rates_and_time_in_level_exactly(db, analysis):
    con = duckdb.connect(str(db), read_only=True)
    assert flows(con) == [
        {"year": 2020, "action": "deployment", "from": "position-it-02-analyst-it-database-management", "to": "position-it-02-analyst-it-security", "count": 2},
        {"year": 2021, "action": "departure", "from": "position-it-02-analyst-it-security", "to": "", "count": 1},
        {"year": 2021, "action": "hire", "from": "", "to": "position-it-02-analyst-it-security", "count": 1},
        {"year": 2021, "action": "promotion", "from": "position-it-02-analyst-it-security", "to": "position-it-03-team-lead-it-security", "count": 1},
        {"year": 2022, "action": "promotion", "from": "position-it-02-analyst-it-security", "to": "position-it-03-team-lead-it-security", "count": 1},
    ]  # fmt: skip
    facts, _ = analysis
    found = {(r["level"], r["stream"], r["action"]): (r["moves"], r["people"]) for r in rates(con, facts)}
    # 2020: 4 at IT-02 (2 database, 2 security); 2021: 4 in security (p1, p2 deployed, p3, p4); 2022: 3 (p1, p2, p5)
    assert found[("level-it-02", "stream-it-database-management", "deployment")] == (2, 2)
    assert found[("level-it-02", "stream-it-security", "promotion")] == (2, 2 + 4 + 3)
    assert found[("level-it-02", "stream-it-security", "departure")] == (1, 9)
    survival = time_in_level(con)
    # one observed entry into IT-02 (p5's hire, promoted a year later) and two into IT-03 (censored at the end of the data)
    assert survival["level-it-02"]["spells"] == 1 and survival["level-it-02"]["promotions"] == 1
    assert survival["level-it-02"]["survival"][1] == 0.0  # promoted 365 days after the hire: within a year
    assert survival["level-it-03"]["spells"] == 2 and survival["level-it-03"]["promotions"] == 0


def test_pyramid_and_bottlenecks(db, analysis):
    facts, model = analysis
    tables = published(duckdb.connect(str(db), read_only=True), facts, model, threshold=1)
    assert [(r["year"], r["level"], r["people"]) for r in tables["observed-pyramid"]] == [
        (2020, "level-it-02", 4), (2021, "level-it-02", 4), (2022, "level-it-02", 3), (2022, "level-it-03", 1),
    ]  # fmt: skip
    at_it02 = sum(1 for p in facts.positions.values() if p["level"] == "level-it-02")
    assert tables["observed-bottlenecks"][0] == {
        "level": "level-it-02", "people": 3, "positions in the graph": at_it02, "people per position": round(3 / at_it02, 1),
    }  # fmt: skip


def test_small_cells_are_suppressed_and_cannot_be_recovered(db, analysis):
    facts, model = analysis
    con = duckdb.connect(str(db), read_only=True)
    tables = published(con, facts, model, threshold=2)
    counts = [r["count"] for r in tables["observed-flows"]]
    assert counts == [2, None, None, None, None]  # the 2021 hire, departure and promotion are ones; the 2022 promotion too
    assert all(
        c is None or c >= 2
        for t in tables.values()
        for r in t
        for k, c in r.items()
        if k in ("count", "moves", "people") and isinstance(c, int)
    )
    assert [r["median years before promotion"] for r in tables["observed-time-in-level"]] == [None, None]  # too few spells


def test_complementary_suppression_leaves_no_group_with_one_hidden_cell():
    cells = {("a", i): v for i, v in enumerate([30, 4, 12, 50])} | {("b", i): v for i, v in enumerate([40, 41])} | {("c", 0): 3}
    shown = protect(cells, [lambda k: k[0], lambda k: k[1]], threshold=10)
    for grouping in (lambda k: k[0], lambda k: k[1]):
        groups: dict = {}
        for key, value in shown.items():
            groups.setdefault(grouping(key), []).append(value)
        for values in groups.values():
            assert sum(v is None for v in values) != 1 or len(values) == 1, values
    assert all(v is None or v >= 10 for v in shown.values())
    assert shown[("a", 1)] is None and shown[("c", 0)] is None and shown[("a", 3)] == 50


def test_bad_rows_are_all_named_and_nothing_is_written(tmp_path, positions):
    bad = write(
        tmp_path / "bad.csv",
        [
            "p1,2020-13-01,snapshot,,IT-02,,Security,D1",
            "p2,2020-01-01,promoted,IT-02,IT-03,Security,Security,D1",
            "p3,2020-01-01,promotion,,IT-03,,Security,D1",
            "p4,2020-01-01,hire,,XX-02,,Security,D1",
            ",2020-01-01,departure,IT-02,,Security,,D1",
        ],
    )
    target = tmp_path / "observed.duckdb"
    target.write_bytes(b"previous")
    with pytest.raises(ObserveError) as caught:
        ingest([bad], target, positions=positions)
    assert [(p.line, p.column, p.reason) for p in caught.value.problems] == [
        (2, "date", "not a date (YYYY-MM-DD)"),
        (3, "action", "not an action (snapshot, hire, promotion, deployment, acting-start, acting-end, appointment, demotion, departure)"),
        (4, "from_classification", "this action needs the classification left"),
        (5, "to_classification", "not a classification of the digital careers (IT-01..05, CS-01..05, EX-01..05)"),
        (6, "person", "the person key is empty"),
    ]
    assert f"{bad}:2: date:" in str(caught.value)
    assert target.read_bytes() == b"previous" and sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "observed.duckdb"]
    report = ingest([bad], target, positions=positions, skip_bad=True)
    assert report.rows == 0 and len(report.skipped) == 5


def test_names_emails_and_clear_employee_numbers_are_refused_unless_pseudonymised(tmp_path, positions):
    named = tmp_path / "named.csv"
    named.write_text("person,employee_name,date,action,to_classification,to_position\np1,Jane Doe,2020-01-01,snapshot,IT-02,Security\n")
    with pytest.raises(ObserveError, match="employee_name: looks like a name"):
        ingest([named], tmp_path / "o.duckdb", positions=positions)
    emails = write(
        tmp_path / "emails.csv",
        ["jane.doe@canada.ca,2020-01-01,snapshot,,IT-02,,Security,D1", "123456789,2020-01-01,snapshot,,IT-02,,Security,D1"],
    )
    with pytest.raises(ObserveError) as caught:
        ingest([emails], tmp_path / "o.duckdb", positions=positions)
    assert [(p.line, p.column) for p in caught.value.problems] == [(2, "person"), (3, "person")]
    assert ingest([emails], tmp_path / "o.duckdb", positions=positions, pseudonymised=True).rows == 2


def test_parquet_and_excel_inputs(tmp_path, positions):
    csv = small_input(tmp_path)
    parquet = tmp_path / "moves.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)")
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for line in csv.read_text(encoding="utf-8").splitlines():
        sheet.append(next(iter(__import__("csv").reader([line]))))
    xlsx = tmp_path / "moves.xlsx"
    workbook.save(xlsx)
    for path in (parquet, xlsx):
        assert ingest([path], tmp_path / f"{path.suffix}.duckdb", positions=positions).rows == 10


def test_synth_observe_build_from_the_command_line(tmp_path, built_nt):
    runner = CliRunner()
    moves = tmp_path / "moves.csv"
    result = runner.invoke(main, ["synth", "--people", "3000", "--years", "3", "--seed", "7", "-o", str(moves), "--data", built_nt])
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.csv"
    runner.invoke(main, ["synth", "--people", "3000", "--years", "3", "--seed", "7", "-o", str(again), "--data", built_nt])
    assert again.read_bytes() == moves.read_bytes()
    assert "synthetic" in json.loads((tmp_path / "moves.csv-metadata.json").read_text())["dc:title"].lower()
    db = tmp_path / "observed.duckdb"
    result = runner.invoke(main, ["observe", str(moves), "--db", str(db), "--data", built_nt])
    assert result.exit_code == 0, result.output
    assert "(synthetic)" in result.output and "not mapped" not in result.output
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", "--observed", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "reports" / "observed.md").read_text(encoding="utf-8")
    assert report.startswith("# Observed careers (synthetic)")
    flows = json.loads((out / "reports" / "observed-flows.json").read_text())
    assert flows and all(r["count"] is None or r["count"] >= 10 for r in flows)
    page = (out / "html" / "observed-flows.html").read_text(encoding="utf-8")
    assert "Observed moves on the career map (synthetic)" in page
    rows = runner.invoke(main, ["query", "observed-flows", "--format", "csv", "--data", str(out / "knowledge-graph.nt")])
    lines = rows.output.splitlines()
    assert lines[0] == "fromLabel,toLabel,kindLabel,people,basisInModel,dataset" and len(lines) > 1
    assert all(int(line.split(",")[-3]) >= 10 for line in lines[1:] if line.count(",") >= 5)
