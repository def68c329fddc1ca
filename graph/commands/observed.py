"""``careers synth`` and ``careers observe``: observed careers, from HR records (or a synthetic population) to a DuckDB file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graph.commands.support import EXIT_BAD_INPUT, EXIT_VIOLATIONS, EXTRA, LANG_OPTION, fail, output_language, run
from graph.i18n import named, number, text

if TYPE_CHECKING:
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel
    from graph.observe.ingest import IngestReport
    from graph.store import OxigraphStore, Store

DEFAULT_DB = Path("observed.duckdb")
"""Where ``careers observe`` keeps the records, and where ``careers build`` looks for them."""


def _graph(data: tuple[Path, ...]) -> tuple[Facts, MobilityModel, OxigraphStore]:
    from graph.build import built_graph
    from graph.mobility.analysis import analyse_built

    nt, _ = run(lambda: built_graph(list(data) or None))
    return analyse_built(nt)


def _positions(facts: Facts, store: Store) -> dict[str, Any]:
    """What title matching knows of each position: its labels in English and French, its level, its stream's names."""
    from graph.iris import node_id
    from graph.observe.titles import Position

    french = {
        node_id(row["s"]): row["l"]
        for row in store.select(
            'SELECT ?s ?l WHERE { { ?s a gcdc:Position } UNION { ?s a gcdc:WorkStream } ?s rdfs:label ?l FILTER (lang(?l) = "fr") }'
        )
    }
    result = {}
    for pid, p in facts.positions.items():
        stream = facts.streams[p.stream].label
        result[pid] = Position(p.label, french.get(pid, p.label), p.level, stream, french.get(p.stream, stream))
    return result


@click.command()
@click.option("--people", default=20_000, show_default=True, type=click.IntRange(1), help="People at the start.")
@click.option("--years", default=10, show_default=True, type=click.IntRange(1, 50), help="Years of actions.")
@click.option("--seed", default=1, show_default=True, help="Seed: the same seed gives the same file.")
@click.option("--start-year", default=2015, show_default=True, help="The first year.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The CSV file to write.")
@click.option("--calibration", is_flag=True, help="Also print the generated rates against the PSC's (target, generated, difference).")
@LANG_OPTION
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def synth(
    people: int, years: int, seed: int, start_year: int, output: Path, calibration: bool, lang: str | None, data: tuple[Path, ...]
) -> None:
    """Write a SYNTHETIC population's personnel actions (CSV, with its CSVW metadata beside it), for trying careers observe.

    Rates from the Public Service Commission's published mobility figures; no real person is described.

    With --lang fr (or a French LANG) the command's message and the calibration table are in French (the file is the same).

    Example: careers synth --people 20000 --years 10 --seed 1 -o moves.csv --calibration
    """
    import csv

    from graph.build import write_atomically
    from graph.mobility.similarity import stream_similarity
    from graph.observe.synth import SynthParameters, generator_positions, write_synthetic
    from graph.tables import render

    lang = output_language(lang)
    facts, _, _ = _graph(data)
    positions = generator_positions(facts)
    params = SynthParameters(people=people, years=years, seed=seed, start_year=start_year)
    scratch = output.parent / f".{output.name}.synth"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        count = run(
            lambda: write_synthetic(scratch / output.name, params, positions=positions, similarity=stream_similarity(facts)), lang=lang
        )
        if calibration:
            from graph.observe.synth import calibration as compare

            with (scratch / output.name).open(encoding="utf-8", newline="") as handle:
                table = compare(csv.DictReader(handle), params)
        files = {p.name: p.read_bytes() for p in scratch.iterdir()}
        write_atomically(output.parent, files)
    finally:
        for p in scratch.iterdir():
            p.unlink()
        scratch.rmdir()
    click.echo(
        text(lang, "synth_wrote", count=number(count, lang), people=number(people, lang), years=years, seed=seed, output=output), err=True
    )
    if calibration:
        if lang == "fr":
            table = [
                {named(lang, "synth_column_", k): named(lang, "synth_measure_", v) if k == "measure" else v for k, v in row.items()}
                for row in table
            ]
        click.echo(render(table, "table", lang=lang))


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True, help="The DuckDB file to write."
)
@click.option("--skip-bad-rows", is_flag=True, help="Keep the good rows, list the bad ones, instead of refusing the input.")
@click.option("--pseudonymised", is_flag=True, help="The person keys are pseudonyms, whatever they look like: do not refuse them.")
@click.option("--min-cell", default=10, show_default=True, type=click.IntRange(1), help="The smallest count about people any output shows.")
@click.option("--allow-small-cells", is_flag=True, help="Accept a --min-cell below the Government of Canada's 10 (every output says so).")
@click.option("--synthetic/--not-synthetic", default=None, help="Say whether the data is synthetic [default: what its CSVW metadata says].")
@click.option(
    "--encoding", type=click.Choice(["utf-8", "utf-16", "latin-1"]), default="utf-8", show_default=True, help="A CSV file's encoding."
)
@click.option("--sheet", default=None, help="The Excel sheet to read [default: every sheet whose header has the required columns].")
@click.option("--header-row", type=click.IntRange(1), default=None, help="The line (or Excel row) of the header, below a title.")
@click.option(
    "--crosswalk",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A CSV (title, target[, level]) mapping your titles or codes to the graph's positions (id, English or French label) or levels.",
)
@click.option("--fiscal-year", is_flag=True, help="Count years from April to March (the Government of Canada's fiscal year).")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The secret that turns person keys into tokens [default: ~/.config/gc-digital-careers/person-key, or CAREERS_PERSON_KEY].",
)
@click.option("--audit", is_flag=True, help="Then audit the disclosure control of every published figure; exit 1 if any is at risk.")
@LANG_OPTION
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def observe(
    files: tuple[Path, ...], db: Path, skip_bad_rows: bool, pseudonymised: bool, min_cell: int, allow_small_cells: bool,
    synthetic: bool | None, encoding: str, sheet: str | None, header_row: int | None, crosswalk: Path | None, fiscal_year: bool,
    key_file: Path | None, audit: bool, lang: str | None, data: tuple[Path, ...],
) -> None:  # fmt: skip
    """Check, map and keep personnel actions (CSV, Parquet or Excel; one row per action) for careers build.

    Every bad row, and every impossible history (a move from a level the person was not at, an action after a
    departure, a promotion down, a duplicate, a date out of range), is reported with its file, line and column,
    and nothing is written unless the whole input is accepted (or --skip-bad-rows). Titles are mapped to the
    graph's positions (a crosswalk first, then labels in English or French; method and confidence kept); unmapped
    titles are listed and still counted by level. Person keys are stored as keyed hashes. Only aggregates ever
    leave the DuckDB file, and no count below --min-cell people, nor any the published figures would give away
    together (--audit shows it). With --audit and no FILES, the existing --db is audited.

    With --lang fr (or a French LANG) the command speaks French; a bad row's message, which names the file, line, column
    and value, is quoted « » in English.

    Example: careers observe moves.csv --audit && careers build
    """
    from graph.observe.ingest import ingest
    from graph.observe.levels import Classification
    from graph.observe.read import ReadOptions

    lang = output_language(lang)
    if not files and not audit:
        fail(text(lang, "observe_missing"), EXIT_BAD_INPUT, lang)
    facts, model, source = _graph(data)
    if files:
        from graph.observe.identity import load_key
        from graph.observe.titles import read_crosswalk

        positions, levels = _positions(facts, source), Classification.of(facts)
        walk = run(lambda: read_crosswalk(crosswalk, positions, levels), lang=lang) if crosswalk else None
        report = run(lambda: ingest(
            list(files), db, positions=positions, levels=levels, key=load_key(key_file), crosswalk=walk, skip_bad=skip_bad_rows,
            options=ReadOptions(encoding=encoding, sheet=sheet, header_row=header_row), pseudonymised=pseudonymised,
            synthetic=synthetic, min_cell=min_cell, allow_small_cells=allow_small_cells, fiscal_year=fiscal_year,
        ), lang=lang)  # fmt: skip
        _summary(report, db, lang)
    elif not db.is_file():
        fail(text(lang, "observe_no_db", db=db), EXIT_BAD_INPUT, lang)
    if audit:
        from graph.observe.published import read_published

        published = run(lambda: read_published(db, facts, model), lang=lang)
        click.echo(
            text(lang, "observe_audit", db=db, figures=number(published.figures, lang), withheld=number(published.withheld, lang),
                 threshold=published.threshold, at_risk=published.at_risk, rounds=published.rounds)
        )  # fmt: skip
        if published.at_risk:
            sys.exit(EXIT_VIOLATIONS)


def _summary(report: IngestReport, db: Path, lang: str = "en") -> None:
    """What was read, mapped and written, in ``lang`` (the input's own words, sheet names and titles, as they are)."""
    d, french = report.dataset, lang == "fr"

    def say(key: str, **values: object) -> None:
        click.echo(text(lang, "observe_" + key, **values))

    kind = text(lang, "observe_synthetic") if d["synthetic"] else ""
    say("read", rows=number(report.rows, lang), people=number(d["people"], lang), kind=kind, start=d["start"], end=d["end"], db=db)
    for path, (read, skipped) in report.sheets.items():
        if read or skipped:
            left = "".join(text(lang, "observe_left_out", name=name, why=f"« {why} »" if french else why) for name, why in skipped)
            say("sheets", path=path, sheets=", ".join(read), left=left)
    methods = ", ".join(text(lang, "observe_by", count=n, method=named(lang, "observe_method_", m)) for m, n in d["titles_mapped"].items())
    say("mapped", methods=methods or text(lang, "explorer_none"))
    for mapping, uses in report.unmapped:
        hint = text(lang, "observe_closest", names="; ".join(mapping.suggestions)) if mapping.suggestions else ""
        level = mapping.level.removeprefix("level-").upper()
        title = f"« {mapping.title} »" if french else repr(mapping.title)
        say("unmapped", title=title, level=level, uses=number(uses, lang), plural="s" if uses > 1 else "", hint=hint)
    if report.implicit:
        say("implicit", count=number(report.implicit, lang))
    if d["below_gc_threshold"]:
        say("below_threshold", threshold=d["min_cell"])
    for p in report.skipped:
        click.echo(text(lang, "observe_skipped", problem=f"« {p} »" if french else p), err=True)


COMMANDS = (synth, observe)
"""The commands this module adds to ``careers``."""
