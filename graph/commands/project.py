"""``careers project``: a replicable Markov projection of the workforce by level, with intervals, scenarios and a back-test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from graph.project.projection import Band, Projection

from graph.commands.observed import DEFAULT_DB, _graph
from graph.commands.support import EXIT_BAD_INPUT, EXTRA, LANG_OPTION, fail, output_language, run
from graph.i18n import decimal, named, number, percent, text
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
@LANG_OPTION
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def project(
    db: Path | None, years: int, sims: int, seed: int, scenario: Path | None, backtest: bool, horizon: int, min_exposure: int,
    fmt: str, lang: str | None, data: tuple[Path, ...],
) -> None:  # fmt: skip
    """Project the IT and EX workforce by level, year by year, with 90% intervals.

    Rates are estimated from the observed actions (`careers observe`), small levels pooled by a stated rule; without
    observed data, the PSC's service-wide rates are applied to a stated starting stock, and the output says so. The
    seed, the input's checksum, the rates, the pools and every assumption are written with the results: the same
    command on the same inputs gives the same bytes.

    With --lang fr (or a French LANG) the table, its columns and the summary are in French (JSON keeps its keys).

    Example: careers project --observed observed.duckdb --scenario freeze.toml --backtest
    """
    from graph.project.observed import ladder, project_observed
    from graph.project.projection import PSC_FITTED, psc_rates
    from graph.project.projection import project as run_project
    from graph.project.scenario import read_scenario

    lang = output_language(lang)
    facts, model, _ = _graph(data)
    states, labels = ladder(facts)
    names = {**{label: i for i, label in enumerate(labels)}, **{s: i for i, s in enumerate(states)}}
    plan = run(lambda: read_scenario(scenario, names, years), lang=lang) if scenario else None
    path = db if db is not None else DEFAULT_DB if DEFAULT_DB.exists() else None
    if path is None:
        if backtest:
            fail(text(lang, "projection_needs_observed"), EXIT_BAD_INPUT, lang)
        rates, start = psc_rates(states)
        result = run_project(
            rates, start, labels, 2021, years=years, sims=sims, seed=seed, basis="PSC service-wide rates", checksum=None,
            synthetic=False, threshold=10, fitted=PSC_FITTED[0], min_exposure=min_exposure, scenario=plan,
        )  # fmt: skip
    else:
        result = run(lambda: project_observed(path, facts, model, years=years, sims=sims, seed=seed, min_exposure=min_exposure,
                                              scenario=plan, with_backtest=backtest, horizon=horizon), lang=lang)  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return
    from graph.tables import render

    click.echo(render(_rows(result, fmt, lang), fmt, lang=lang), nl=fmt == "table")
    if fmt == "table":
        click.echo(_summary(result, lang), err=True)


def _rows(result: Projection, fmt: str, lang: str = "en") -> list[dict[str, Any]]:
    """Long rows for CSV (level, year, median, low, high; the scenario beside); for the terminal, one row per level."""
    if fmt == "csv":
        from graph.project.outputs import french_columns, projection_rows

        rows = projection_rows(result, lang)
        return french_columns(rows) if lang == "fr" else rows
    shown = sorted({0, 1, len(result.years) // 2, len(result.years) - 1})

    def band(b: Band) -> str:
        return f"{number(b.median, lang)} ({number(b.low, lang)}-{number(b.high, lang)})"

    rows = []
    for level, bands in result.baseline.items():
        row = {named(lang, "projection_column_", "level"): level} | {str(result.years[i]): band(bands[i]) for i in shown}
        if result.scenario is not None:
            row[text(lang, "projection_scenario_column", year=result.years[-1])] = band(result.scenario_stock[level][-1])
        rows.append(row)
    return rows


def _summary(result: Projection, lang: str = "en") -> str:
    """What the table shows, what it rests on, and how well it foresaw the past, in ``lang``."""
    basis = {"observed": "projection_basis_observed", "PSC service-wide rates": "projection_basis_psc"}.get(result.basis)
    origin = text(lang, "projection_cli_input", checksum=result.checksum[:16]) if result.checksum else text(lang, "projection_cli_stock")
    pooled = [p for p in result.pools if len(p) > 1]
    lines = [
        text(lang, "projection_cli_heading", sims=number(result.sims, lang), seed=result.seed),
        text(lang, "projection_cli_basis", basis=text(lang, basis) if basis else result.basis)
        + (text(lang, "projection_cli_synthetic") if result.synthetic else "")
        + origin,
        text(lang, "projection_cli_pools", pools="; ".join(" + ".join(p) for p in pooled) or text(lang, "projection_cli_no_pools")),
    ]
    if result.withheld:
        lines.append(text(lang, "projection_cli_withheld", count=result.withheld, threshold=result.threshold))
    if result.scenario is not None:
        lines.append(text(lang, "projection_cli_scenario", scenario=result.scenario))
    if result.backtest is not None:
        b = result.backtest
        mape = ", ".join(
            text(lang, "projection_cli_ahead", h=h, plural="s" if h > 1 else "", v=decimal(v, lang)) for h, v in b.mape.items()
        )
        coverage = percent(b.coverage, lang)
        lines.append(text(lang, "projection_cli_backtest", origins=len(b.origins), points=b.points, coverage=coverage, mape=mape))
    return "\n".join(lines)


COMMANDS = (project,)
