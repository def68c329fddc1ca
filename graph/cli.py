"""The ``careers`` command: a thin layer over the library that turns its errors into messages and exit codes.

Exit codes: 0 success, 1 the data does not conform (SHACL violations), 2 bad input or usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph import __version__
from graph.commands import mobility, observed, project, sparql
from graph.commands.support import EXIT_BAD_INPUT, EXIT_VIOLATIONS, EXTRA, LANG_OPTION, fail, output_language, run
from graph.i18n import number, text

if TYPE_CHECKING:
    from graph.errors import Report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="careers")
def main() -> None:
    """A knowledge graph of the Government of Canada's digital careers, and tools to question it.

    Example: careers build && careers validate
    """


@main.command()
@click.option("--extra", multiple=True, type=EXTRA, help="Your own Turtle (.ttl) or N-Triples (.nt) file to merge; repeatable.")
@click.option(
    "--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write into."
)
@click.option(
    "--observed",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Observed actions from careers observe [default: observed.duckdb, when it exists].",
)
@LANG_OPTION
def build(extra: tuple[Path, ...], out_dir: Path, observed: Path | None, lang: str | None) -> None:
    """Load, validate and write the knowledge graph (Turtle, N-Triples, JSON-LD, VoID), the report and the pages to OUT.

    With observed actions (careers observe), their published flows join the graph, the report and the pages.
    A failed build writes nothing and leaves the previous outputs as they were.

    With --lang fr (or a French LANG) the command's messages are in French (the outputs are in both languages).

    Example: careers build --extra my-moves.ttl
    """
    from graph.build import build as run_build
    from graph.commands.observed import DEFAULT_DB

    lang = output_language(lang)
    if observed is None and DEFAULT_DB.is_file():
        observed = DEFAULT_DB
        click.echo(text(lang, "build_observed", db=DEFAULT_DB), err=True)
    if observed is not None and not observed.is_file():
        fail(text(lang, "build_no_observed", db=observed), EXIT_BAD_INPUT, lang)
    result = run(lambda: run_build(extra, out_dir=out_dir, observed=observed), writes=True, lang=lang)
    click.echo(result.summary(lang))


@main.command()
@click.argument("extra", nargs=-1, type=EXTRA)
@click.option(
    "--engine", type=click.Choice(["auto", "rudof", "pyshacl"]), default="auto", show_default=True,
    help="The SHACL engine (same verdicts): rudof up to 100,000 triples and pySHACL above (auto, as the build), or either.",
)  # fmt: skip
@LANG_OPTION
def validate(extra: tuple[Path, ...], engine: str, lang: str | None) -> None:
    """Check the shipped data, plus any EXTRA files, and the moves a build would write, against the SHACL shapes.

    Prints one line per violation (file, focus node, property, message) and exits 1 if there is any.

    Example: careers validate my-extra.ttl
    """
    from rdflib.namespace import RDF

    from graph.build import with_built_moves
    from graph.derive import derive
    from graph.errors import ValidationFailed
    from graph.load import load
    from graph.namespaces import GCDC
    from graph.validate import validate as run_validate

    def check() -> tuple[Report, int, int | None]:
        kb = load(extra)
        derive(kb.g)
        try:
            with_built_moves(kb)  # the moves a build writes are checked too
        except ValidationFailed as failed:
            return failed.report, len(kb.g), None
        return run_validate(kb, engine=engine), len(kb.g), sum(1 for _ in kb.g.subjects(RDF.type, GCDC.Progression))

    lang = output_language(lang)
    report, triples, progressions = run(check, lang=lang)
    click.echo(report.text(lang))
    moves = text(lang, "validate_moves", count=number(progressions, lang)) if progressions is not None else ""
    click.echo(text(lang, "validate_checked", triples=number(triples, lang), moves=moves), err=True)
    if not report.conforms:
        sys.exit(EXIT_VIOLATIONS)


for command in (*sparql.COMMANDS, *mobility.COMMANDS, *observed.COMMANDS, *project.COMMANDS):
    main.add_command(command)
