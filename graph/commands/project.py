"""``careers project``: a replicable Markov projection of the workforce by level, with intervals, scenarios and a back-test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from graph.project.projection import Band, Projection

from graph.commands.observed import DEFAULT_DB, _graph
from graph.commands.support import EXIT_BAD_INPUT, EXTRA, fail, run
from graph.project import MAX_SIMS


@click.command()
@click.option(
    "--observed",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"The DuckDB file of `careers observe` [default: {DEFAULT_DB} if it exists, else the PSC's service-wide rates].",
)
@click.option("--years", default=10, show_default=True, type=click.IntRange(1, 50), help="Years to project.")
@click.option(
    "--sims", default=10_000, show_default=True, type=click.IntRange(100, MAX_SIMS), help=f"Monte Carlo simulations (at most {MAX_SIMS:,})."
)
@click.option("--seed", default=1, show_default=True, help="The seed: the same inputs and seed give the same numbers.")
@click.option(
    "--scenario",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A TOML file of changes (rates, hires, a retirement wave), projected beside the baseline.",
)
@click.option("--backtest", is_flag=True, help="Also fit on past years and compare with the stocks that followed.")
@click.option("--horizon", default=3, show_default=True, type=click.IntRange(1, 20), help="Years ahead the back-test compares.")
@click.option(
    "--min-exposure", default=200, show_default=True, type=click.IntRange(1), help="Person-years a level needs for rates of its own."
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def project(
    db: Path | None, years: int, sims: int, seed: int, scenario: Path | None, backtest: bool, horizon: int, min_exposure: int,
    fmt: str, data: tuple[Path, ...],
) -> None:  # fmt: skip
    """Project the IT and EX workforce by level, year by year, with 90% intervals.

    Rates are estimated from the observed actions (`careers observe`), small levels pooled by a stated rule; without
    observed data, the PSC's service-wide rates are applied to a stated starting stock, and the output says so. The
    seed, the input's checksum, the rates, the pools and every assumption are written with the results: the same
    command on the same inputs gives the same bytes.

    Example: careers project --observed observed.duckdb --scenario freeze.toml --backtest
    """
    from graph.project.observed import ladder, project_observed
    from graph.project.projection import project as run_project
    from graph.project.projection import psc_rates
    from graph.project.scenario import read_scenario

    facts, model, _ = _graph(data)
    states, labels = ladder(facts)
    names = {**{label: i for i, label in enumerate(labels)}, **{s: i for i, s in enumerate(states)}}
    plan = run(lambda: read_scenario(scenario, names, years)) if scenario else None
    path = db if db is not None else DEFAULT_DB if DEFAULT_DB.exists() else None
    if path is None:
        if backtest:
            fail("--backtest needs observed data (--observed)", EXIT_BAD_INPUT)
        rates, start = psc_rates(states)
        result = run_project(
            rates, start, labels, 2021, years=years, sims=sims, seed=seed, basis="PSC service-wide rates", checksum=None,
            synthetic=False, threshold=10, fitted="the PSC's service-wide rates of 2014-15", min_exposure=min_exposure, scenario=plan,
        )  # fmt: skip
    else:
        result = run(lambda: project_observed(path, facts, model, years=years, sims=sims, seed=seed, min_exposure=min_exposure,
                                              scenario=plan, with_backtest=backtest, horizon=horizon))  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return
    from graph.tables import render

    click.echo(render(_rows(result, fmt), fmt), nl=fmt == "table")
    if fmt == "table":
        click.echo(_summary(result), err=True)


def _rows(result: Projection, fmt: str) -> list[dict[str, Any]]:
    """Long rows for CSV (level, year, median, low, high; the scenario beside); for the terminal, one row per level."""
    if fmt == "csv":
        from graph.project.outputs import projection_rows

        return projection_rows(result)
    shown = sorted({0, 1, len(result.years) // 2, len(result.years) - 1})

    def text(b: Band) -> str:
        return f"{b.median:,} ({b.low:,}-{b.high:,})"

    rows = []
    for level, bands in result.baseline.items():
        row = {"level": level} | {str(result.years[i]): text(bands[i]) for i in shown}
        if result.scenario is not None:
            row[f"{result.years[-1]}, scenario"] = text(result.scenario_stock[level][-1])
        rows.append(row)
    return rows


def _origin(result: Projection) -> str:
    if result.checksum:
        return f"; input sha256:{result.checksum[:16]}..."
    return "; starting stock: 17,000 in the IT group (2021), spread by a stated pyramid"


def _summary(result: Projection) -> str:
    lines = [
        f"people by level at the start of each year: median (5%-95%), to the nearest ten; {result.sims:,} simulations, seed {result.seed}",
        f"basis: {result.basis}" + (" (SYNTHETIC data: no real person)" if result.synthetic else "") + _origin(result),
        "pools: " + ("; ".join(" + ".join(p) for p in pooled) if (pooled := [p for p in result.pools if len(p) > 1]) else "none"),
    ]  # fmt: skip
    if result.withheld:
        lines.append(
            f"{result.withheld} rates rest on fewer than {result.threshold} moves: used, not shown (--format json lists the others)"
        )
    if result.scenario is not None:
        lines.append(f"scenario: {result.scenario}")
    if result.backtest is not None:
        b = result.backtest
        mape = ", ".join(f"{h} year{'s' if h > 1 else ''} ahead {v}%" for h, v in b.mape.items())
        lines.append(f"back-test ({len(b.origins)} origins, {b.points} stocks): {b.coverage:.0%} inside the 90% interval; MAPE {mape}")
    return "\n".join(lines)


COMMANDS = (project,)
