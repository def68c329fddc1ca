"""The ``careers`` command: a thin layer over the library that turns its errors into messages and exit codes.

Exit codes: 0 success, 1 the data does not conform (SHACL violations), 2 bad input or usage.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import __version__
from graph.errors import CareersError, InputFileError, ValidationFailed

QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld", "rdfxml")

EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

_EXTRA = click.Path(dir_okay=False, path_type=Path)


def _fail(message: str, code: int) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _run(action, *, writes: bool = False):
    """Call ``action()`` and map the library's exceptions to messages and exit codes."""
    unchanged = "; nothing was written" if writes else ""
    try:
        return action()
    except ValidationFailed as exc:
        click.echo(exc.report.text(), err=True)
        _fail(f"the data does not satisfy the shapes{unchanged}", EXIT_VIOLATIONS)
    except InputFileError as exc:
        _fail(f"{exc}{unchanged}", EXIT_BAD_INPUT)
    except CareersError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="careers")
def main() -> None:
    """A knowledge graph of the Government of Canada's digital careers, and tools to question it.

    Example: careers build && careers validate
    """


@main.command()
@click.option("--extra", multiple=True, type=_EXTRA, help="Your own Turtle (.ttl) or N-Triples (.nt) file to merge; repeatable.")
@click.option(
    "--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write into."
)
def build(extra: tuple[Path, ...], out_dir: Path) -> None:
    """Load, validate and write the knowledge graph (Turtle, N-Triples, JSON-LD, VoID) to OUT.

    A failed build writes nothing and leaves the previous outputs as they were.

    Example: careers build --extra my-moves.ttl
    """
    from graph.build import build as run_build

    result = _run(lambda: run_build(extra, out_dir=out_dir), writes=True)
    click.echo(result.summary())


@main.command()
@click.argument("extra", nargs=-1, type=_EXTRA)
def validate(extra: tuple[Path, ...]) -> None:
    """Check the shipped data, plus any EXTRA files, against the SHACL shapes.

    Prints one line per violation (file, focus node, property, message) and exits 1 if there is any.

    Example: careers validate my-extra.ttl
    """
    from graph.derive import derive
    from graph.load import load
    from graph.validate import validate as run_validate

    def check():
        kb = load(extra)
        derive(kb.g)
        return run_validate(kb)

    report = _run(check)
    click.echo(report.text())
    if not report.conforms:
        sys.exit(EXIT_VIOLATIONS)


@main.command()
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default="table",
    show_default=True,
    help="table, or a SPARQL 1.1 result format (csv, tsv, json, xml) for SELECT/ASK; turtle, nt, jsonld or rdfxml for CONSTRUCT/DESCRIBE.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and the question each answers.")
@click.option("--data", multiple=True, type=_EXTRA, help="Built N-Triples file(s) to query [default: outputs/knowledge-graph.nt].")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds before the query is stopped.")
@click.option("--limit", "row_limit", default=10_000, show_default=True, help="Most rows (or triples) printed.")
def query(query: str | None, fmt: str, list_queries: bool, data: tuple[Path, ...], timeout: float, row_limit: int) -> None:
    """Run a read-only SPARQL QUERY: text, @file.rq, or the name of a named query.

    Common prefixes (gcd:, gcdc:, rdfs:, skos:, prov:, org:, schema: ...) are predeclared.
    Updates, SERVICE, LOAD and FROM are refused.

    Example: careers query "SELECT ?l WHERE { gcd:role-director rdfs:label ?l }"
    """
    from graph.paths import named_queries
    from graph.sparql.source import built_graph, query_question, query_text

    if list_queries:
        for name, path in named_queries().items():
            click.echo(f"{name:42s} {query_question(path)}")
        return
    if not query:
        _fail("give a query (text, @file.rq or a name from `careers query --list`)", EXIT_BAD_INPUT)
    from graph.sparql.guard import QuerySyntaxError
    from graph.sparql.workers import WorkerPool

    text = _run(lambda: query_text(query))
    nt, origin = _run(lambda: built_graph(list(data)))
    if not data and "memory" in origin:
        click.echo(f"note: querying {origin}", err=True)
    pool = WorkerPool(nt, size=1)
    try:
        answer = pool.run(text, fmt, timeout=timeout, row_limit=row_limit)
    except QuerySyntaxError as exc:
        click.echo(exc.caret(), err=True)
        _fail(str(exc), EXIT_BAD_INPUT)
    except CareersError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)
    finally:
        pool.close()
    sys.stdout.buffer.write(answer.body)
    if answer.truncated:
        click.echo(f"note: only the first {row_limit} rows are shown (--limit)", err=True)
