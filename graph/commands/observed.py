"""``careers synth`` and ``careers observe``: observed careers, from HR records (or a synthetic population) to a DuckDB file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.commands.support import EXIT_BAD_INPUT, EXTRA, fail, run

DEFAULT_DB = Path("observed.duckdb")
"""Where ``careers observe`` keeps the records, and where ``careers build`` looks for them."""


def _model(data: tuple[Path, ...]):
    from graph.build import built_graph
    from graph.mobility.analysis import analyse_built

    nt, _ = run(lambda: built_graph(list(data) or None))
    facts, model, _ = analyse_built(nt)
    return facts, model


@click.command()
@click.option("--people", default=20_000, show_default=True, type=click.IntRange(1), help="People at the start.")
@click.option("--years", default=10, show_default=True, type=click.IntRange(1, 50), help="Years of actions.")
@click.option("--seed", default=1, show_default=True, help="Seed: the same seed gives the same file.")
@click.option("--start-year", default=2015, show_default=True, help="The first year.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The CSV file to write.")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def synth(people: int, years: int, seed: int, start_year: int, output: Path, data: tuple[Path, ...]) -> None:
    """Write a SYNTHETIC population's personnel actions (CSV, with its CSVW metadata beside it), for trying careers observe.

    Rates from the Public Service Commission's published mobility figures; no real person is described.

    Example: careers synth --people 20000 --years 10 --seed 1 -o moves.csv
    """
    from graph.build import write_atomically
    from graph.mobility.similarity import stream_similarity
    from graph.observe.synth import SynthParameters, write_synthetic

    facts, _ = _model(data)
    positions = {
        pid: {
            "stream": p["stream"],
            "rank": p["rank"],
            "group": p["group"],
            "title": p["label"] if p["level_stated"] else facts.streams[p["stream"]]["label"],
        }
        for pid, p in facts.positions.items()
    }
    params = SynthParameters(people=people, years=years, seed=seed, start_year=start_year)
    scratch = output.parent / f".{output.name}.synth"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        count = write_synthetic(scratch / output.name, params, positions=positions, similarity=stream_similarity(facts))
        files = {p.name: p.read_bytes() for p in scratch.iterdir()}
        write_atomically(output.parent, files)
    finally:
        for p in scratch.iterdir():
            p.unlink()
        scratch.rmdir()
    click.echo(f"wrote {count:,} synthetic actions ({people:,} people, {years} years, seed {seed}) to {output}", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True, help="The DuckDB file to write."
)
@click.option("--skip-bad-rows", is_flag=True, help="Keep the good rows, list the bad ones, instead of refusing the input.")
@click.option("--pseudonymised", is_flag=True, help="The person keys are pseudonyms, whatever they look like: do not refuse them.")
@click.option("--min-cell", default=10, show_default=True, type=click.IntRange(1), help="The smallest count about people any output shows.")
@click.option("--synthetic/--not-synthetic", default=None, help="Say whether the data is synthetic [default: what its CSVW metadata says].")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def observe(files, db, skip_bad_rows, pseudonymised, min_cell, synthetic, data) -> None:
    """Check, map and keep personnel actions (CSV, Parquet or Excel; one row per action) for careers build.

    Every bad row is reported with its file, line and column, and nothing is written unless the whole input is
    accepted (or --skip-bad-rows). Position titles are mapped to the graph's positions (method and confidence kept);
    unmapped titles are listed with suggestions. Only aggregates ever leave the DuckDB file, and no count below
    --min-cell people.

    Example: careers observe moves.csv && careers build
    """
    from graph.observe.ingest import ObserveError, ingest

    facts, _ = _model(data)
    positions = {
        pid: {"label": p["label"], "level": p["level"], "stream_label": facts.streams[p["stream"]]["label"]}
        for pid, p in facts.positions.items()
    }
    try:
        report = ingest(
            list(files), db, positions=positions, skip_bad=skip_bad_rows, pseudonymised=pseudonymised, synthetic=synthetic,
            min_cell=min_cell, progress=sys.stderr.isatty(),
        )  # fmt: skip
    except ObserveError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    d = report.dataset
    kind = " (synthetic)" if d["synthetic"] else ""
    click.echo(f"read {report.rows:,} actions of {d['people']:,} people{kind}, {d['start']} to {d['end']}; wrote {db}")
    methods: dict[str, int] = {}
    for m in report.mapped:
        methods[m["method"]] = methods.get(m["method"], 0) + 1
    click.echo("titles mapped: " + (", ".join(f"{n} by {m}" for m, n in sorted(methods.items())) or "none"))
    for u in report.unmapped:
        hint = f"; closest: {'; '.join(u['suggestions'])}" if u["suggestions"] else ""
        click.echo(f"not mapped: {u['title']!r} at {u['level']}{hint}")
    for p in report.skipped:
        click.echo(f"skipped: {p}", err=True)


COMMANDS = (synth, observe)
"""The commands this module adds to ``careers``."""
