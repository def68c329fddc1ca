"""The workforce projection (issue 18): rates recovered from a synthetic population, intervals that cover the past, scenarios
that move the right way, exact numbers of a small fixed case, and the same bytes from the same inputs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pytest
from click.testing import CliRunner
from rdflib import Graph
from reasoner_helpers import hermit, undeclared, unexpected_types

from graph.cli import main
from graph.observe.synth import GradeRates, SynthParameters
from graph.project.history import History, read_history
from graph.project.projection import backtest, project
from graph.project.rates import estimate
from graph.project.scenario import ScenarioError, parse_scenario
from graph.project.simulate import Change, Scenario, simulate

LEVELS = [f"level-it-0{i}" for i in range(1, 6)] + [f"level-ex-0{i}" for i in range(1, 6)]
LABELS = {f"IT-0{i}": i - 1 for i in range(1, 6)} | {f"EX-0{i}": i + 4 for i in range(1, 6)}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, built_nt) -> Path:
    """A synthetic population (careers synth: 20,000 people, 10 years, seed 1), kept by careers observe."""
    folder = tmp_path_factory.mktemp("projection")
    runner = CliRunner()
    moves, db = folder / "moves.csv", folder / "observed.duckdb"
    done = runner.invoke(main, ["synth", "--people", "20000", "--years", "10", "--seed", "1", "-o", str(moves), "--data", built_nt])
    assert done.exit_code == 0, done.output
    done = runner.invoke(main, ["observe", str(moves), "--db", str(db), "--data", built_nt, "--key-file", str(folder / "key")])
    assert done.exit_code == 0, done.output
    return db


@pytest.fixture(scope="module")
def history(synthetic) -> History:
    con = duckdb.connect(str(synthetic), read_only=True)
    try:
        return read_history(con, LEVELS)
    finally:
        con.close()


def test_the_rates_of_the_synthetic_generator_are_recovered_within_their_intervals(history):
    """Each level with rates of its own: the generator's true yearly promotion and departure probabilities lie inside the
    Wilson intervals of the estimates, taken together at 95% (Bonferroni: 16 intervals, each at 99.7%; at 95% each, one
    in twenty would miss by chance: IT-05's promotions do, at 0.0604 against 0.0560). The smallest EX levels are pooled,
    and the pooling is reported."""
    rates = estimate(history)
    true = GradeRates.of(SynthParameters())
    own = [pool[0] for pool in rates.pool_indices() if len(pool) == 1]
    assert len(own) == 8 and rates.pools[-1] == ("level-ex-04", "level-ex-05")
    z = 2.955  # the normal quantile of 1 - 0.05 / (2 x 16)
    for a in own:
        low, high = rates.interval(a, a + 1, z)
        assert low <= true.promotion <= high, (LEVELS[a], "promotion", low, high)
        low, high = rates.interval(a, len(LEVELS), z)
        assert low <= true.departure[a + 1] <= high, (LEVELS[a], "departure", low, high)


def test_the_back_test_intervals_cover_the_stocks_that_followed(history):
    tested = backtest(history, horizon=3, sims=2000, seed=1, min_exposure=200)
    assert tested.origins == tuple(range(2017, 2025))
    assert tested.coverage >= 0.85, tested
    assert set(tested.mape) == {1, 2, 3} and all(0 < v < 20 for v in tested.mape.values())


# A small fixed case: two levels, known rates, 1,000 simulations.
SMALL_MOVES = np.array([[0, 60, 40], [0, 0, 20]])  # from a: 60 up, 40 out; from b: 20 out (per 1,000 and 400 person-years)
SMALL = History(("level-it-01", "level-it-02"), (2020,), np.array([[1000, 400], [960, 430]]), SMALL_MOVES[None], np.array([[50, 0]]))


def _small(scenario: Scenario | None = None) -> dict:
    rates = estimate(SMALL, min_exposure=100)
    result = project(rates, np.array([1000, 400]), ("IT-01", "IT-02"), 2021, years=5, sims=1000, seed=7, basis="observed",
                     checksum="0" * 64, synthetic=True, threshold=10, fitted="2020", min_exposure=100, scenario=scenario)  # fmt: skip
    return result.to_json()


def test_a_small_fixed_case_gives_these_numbers():
    out = _small()
    assert out["states"] == ["IT-01", "IT-02"] and out["years"] == list(range(2021, 2027))
    assert [r["rate"] for r in out["rates"]] == [0.06, 0.04, 0.05]
    assert out["baseline"]["IT-01"][0] == {"year": 2021, "median": 1000, "low": 1000, "high": 1000}
    # 1,000 x 0.9^5 + 500 x (1 - 0.9^5) = 795 at IT-01 (hires 50 a year; 10% leave the level a year)
    assert out["baseline"]["IT-01"][-1] == {"year": 2026, "median": 800, "low": 720, "high": 880}
    assert out["baseline"]["IT-02"][-1] == {"year": 2026, "median": 560, "low": 490, "high": 620}
    assert out["flows"]["hires"][0] == {"year": 2022, "median": 50, "low": 40, "high": 70}
    assert out["data"] == "synthetic" and out["replicate"]["seed"] == 7 and len(out["assumptions"]) == 6


def _last(out: dict, level: str, *, scenario: bool = False) -> int:
    return (out["scenario"]["stock"] if scenario else out["baseline"])[level][-1]["median"]


def test_a_hiring_freeze_and_faster_promotions_move_the_stocks_the_right_way():
    freeze = Scenario("freeze", (Change("hires", (0,), 1, 5, factor=0.0),))
    faster = Scenario("faster", (Change("rate", (0,), 1, 5, move="promotion", factor=1.5),))
    base, frozen, quick = _small(), _small(freeze), _small(faster)
    assert _last(frozen, "IT-01") == _last(base, "IT-01")  # the baseline beside a scenario is the same draws
    assert _last(frozen, "IT-01", scenario=True) < _last(base, "IT-01")
    assert _last(quick, "IT-02", scenario=True) > _last(base, "IT-02") and _last(quick, "IT-01", scenario=True) < _last(base, "IT-01")
    assert (_last(frozen, "IT-01", scenario=True), _last(quick, "IT-02", scenario=True)) == (590, 660)  # 1,000 x 0.9^5 = 590


def test_the_same_inputs_and_seed_give_the_same_bytes_and_another_seed_other_draws():
    rates = estimate(SMALL, min_exposure=100)
    a = simulate(rates, np.array([1000, 400]), years=5, sims=500, seed=3)
    b = simulate(rates, np.array([1000, 400]), years=5, sims=500, seed=3)
    c = simulate(rates, np.array([1000, 400]), years=5, sims=500, seed=4)
    assert a.stock.tobytes() == b.stock.tobytes() and a.stock.tobytes() != c.stock.tobytes()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"change": [{"levels": ["IT-09"], "move": "promotion", "factor": 2}]}, "unknown level(s) IT-09"),
        ({"change": [{"levels": ["IT-03"], "move": "sideways", "factor": 2}]}, "move must be one of promotion, demotion, departure"),
        ({"hires": [{"levels": ["IT-01"], "factor": -1}]}, "factor must be a number from 0 to 100"),
        ({"wave": [{"levels": ["EX-01"], "extra": 0.1, "years": [3, 1]}]}, "years must be [first, last]"),
        ({"hiring": []}, "unknown key(s) hiring"),
        ({"hires": [{"levels": ["IT-01"], "factor": 0, "when": 1}]}, "[[hires]] number 1: unknown key(s) when"),
    ],
)
def test_a_bad_scenario_is_refused_naming_the_file_and_entry(data, message):
    with pytest.raises(ScenarioError, match=None) as caught:
        parse_scenario(data, LABELS, 10, "plan.toml")
    assert str(caught.value).startswith("plan.toml") and message in str(caught.value)


def test_the_command_projects_replicably_with_a_scenario_and_a_back_test(synthetic, built_nt, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text('name = "Freeze"\n[[hires]]\nlevels = ["IT-01"]\nfactor = 0\n', encoding="utf-8")
    args = ["project", "--observed", str(synthetic), "--scenario", str(plan), "--backtest", "--sims", "2000", "--format", "json",
            "--data", built_nt]  # fmt: skip
    first, again = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout == again.stdout  # the same bytes
    out = json.loads(first.stdout)
    assert {"states", "years", "baseline", "assumptions", "backtest", "scenario"} <= set(out)
    assert out["data"] == "synthetic" and out["replicate"]["input sha256"]
    assert set(out["baseline"]["IT-03"][0]) == {"year", "median", "low", "high"}
    assert out["backtest"]["coverage"] >= 0.85 and set(out["backtest"]["mape"]) == {"1", "2", "3"}
    assert out["scenario"]["stock"]["IT-01"][-1]["median"] < out["baseline"]["IT-01"][-1]["median"]
    assert out["pools"][-1] == ["EX-04", "EX-05"]
    withheld = [r for r in out["rates"] if r["rate"] is None]  # resting on fewer than 10 moves: used, not shown
    assert all(r["low"] is None for r in withheld)


def test_without_observed_data_it_says_it_runs_on_the_psc_rates(built_nt, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no observed.duckdb here
    done = CliRunner().invoke(main, ["project", "--years", "3", "--sims", "500", "--format", "json", "--data", built_nt])
    assert done.exit_code == 0, done.output
    out = json.loads(done.stdout)
    assert out["data"] == "PSC service-wide rates" and out["replicate"]["basis"] == "PSC service-wide rates"
    assert sum(b[0]["median"] for s, b in out["baseline"].items() if s.startswith("IT")) == pytest.approx(17_000, abs=50)
    refused = CliRunner().invoke(main, ["project", "--backtest", "--data", built_nt])
    assert refused.exit_code == 2 and "--backtest needs observed data" in refused.output


@pytest.fixture(scope="module")
def built_with_projection(synthetic, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built-projection")
    done = CliRunner().invoke(main, ["build", "--observed", str(synthetic), "--out", str(out)])
    assert done.exit_code == 0, done.output
    return out


def test_the_graph_with_observed_data_and_a_projection_is_owl2_dl_a_reasoner_accepts(built_with_projection):
    """Observed data sets, flows, disclosure rules and projections: declared, consistent, and never another kind
    (the disclosure threshold was inferred an assumption through gcdc:parameterName's domain)."""
    nt = built_with_projection / "knowledge-graph.nt"
    assert undeclared(Graph().parse(nt, format="nt")) == []
    reasoned = hermit(nt)
    assert reasoned.consistent and reasoned.unsatisfiable == frozenset()
    assert unexpected_types(nt, reasoned) == []
    assert any("disclosure" in individual for individual in reasoned.types)


def test_the_build_writes_the_projection_its_report_and_its_assumptions_into_the_graph(built_with_projection):
    out = built_with_projection
    report = (out / "reports" / "projection.md").read_text(encoding="utf-8")
    assert report.startswith("# Workforce projection by level (synthetic)") and "**Back-test.**" in report
    rows = (out / "reports" / "projection.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("data,figure,level,year,median") and all(r.startswith("synthetic,") for r in rows[1:])
    assert len(rows) == 1 + 9 * 11 + 3 * 10  # levels x years (EX-05 withheld), and three flows a projected year
    assert (out / "reports" / "projection.png").read_bytes().startswith(b"\x89PNG")
    # the disclosure control of the observed data holds for the projection: a level whose stock at the end of the data is
    # withheld is not projected in public, the others start from the published figure, and a published rate rests on
    # published moves
    projection = json.loads((out / "reports" / "projection.json").read_text(encoding="utf-8"))
    pyramid = json.loads((out / "reports" / "observed-pyramid.json").read_text(encoding="utf-8"))
    end = {r["level"]: r["people (nearest ten)"] for r in pyramid if r["year"] == 2025}
    assert projection["withheld levels"] == ["EX-05"] and "EX-05" not in end
    assert {level: bands[0]["median"] for level, bands in projection["baseline"].items()} == end
    published = {(r["level"], r["move"]) for r in json.loads((out / "reports" / "observed-rates.json").read_text(encoding="utf-8"))
                 if r["stream"] == "all streams"}  # fmt: skip
    departures = [r for r in projection["rates"] if r["target"] == "outside"]
    assert all((r["rate"] is not None) == ((r["source"], "departure") in published) for r in departures if len(r["pool"]) == 1)
    done = CliRunner().invoke(main, ["query", "projection-assumptions", "--format", "json", "--data", str(out / "knowledge-graph.nt")])
    bindings = json.loads(done.output)["results"]["bindings"]
    assert sorted(b["parameter"]["value"] for b in bindings) == [
        "projection_hires", "projection_intervals", "projection_markov", "projection_pooling", "projection_rates", "projection_substantive",
    ]  # fmt: skip
    assert {b["dataset"]["value"] for b in bindings} == {"Observed personnel actions (synthetic)"}
    assert {b["value"]["value"] for b in bindings if b["parameter"]["value"] == "projection_rates"} == {"2015-2024"}
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="projection.html"' in index and "SYNTHETIC population (no real person)" in index


@pytest.mark.browser
def test_the_projection_page_renders_in_both_languages(browser, axe, built_with_projection):
    from browser_helpers import Visit, severe_violations

    for name, heading in (("projection.html", "Workforce projection by level (synthetic)"),
                          ("projection.fr.html", "Projection de l'effectif par niveau (synthétique)")):  # fmt: skip
        visit = Visit(browser, built_with_projection / "html" / name, scripted=False)
        try:
            page = visit.page
            assert page.inner_text("h1") == heading
            assert page.evaluate("document.querySelector('figure img').naturalWidth") == 1100
            assert page.locator("table tr").count() == 10  # a header and nine levels: EX-05 withheld, and the page says so
            assert "EX-05" in page.inner_text("main > p:nth-of-type(3)")
            assert severe_violations(axe, page) == [] and visit.errors == [] and visit.outside == []
        finally:
            visit.close()


def test_the_simulations_are_bounded_so_that_memory_is():
    """A million simulations of 50 years would have taken about 13 GB; the option stops at MAX_SIMS (1.3 GB at 50 years)."""
    from graph.project import MAX_SIMS

    refused = CliRunner().invoke(main, ["project", "--sims", str(MAX_SIMS + 1)])
    assert refused.exit_code == 2 and f"{MAX_SIMS + 1} is not in the range 100<=x<={MAX_SIMS}" in refused.output
