"""``careers query``, ``careers serve`` and ``careers publish``: SPARQL on the built graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.commands.support import EXIT_BAD_INPUT, EXTRA, fail, run
from graph.errors import CareersError

QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld", "rdfxml")


@click.command()
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
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) to query [default: outputs/knowledge-graph.nt].")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds before the query is stopped.")
@click.option("--limit", "row_limit", default=10_000, show_default=True, help="Most rows (or triples) printed.")
@click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="Embedded Oxigraph (fast), or rdflib's own engine (to compare).",
)
def query(query: str | None, fmt: str, list_queries: bool, data: tuple[Path, ...], timeout: float, row_limit: int, engine: str) -> None:
    """Run a read-only SPARQL QUERY: text, @file.rq, or the name of a named query.

    Common prefixes (gcd:, gcdc:, rdfs:, skos:, prov:, org:, schema: ...) are predeclared.
    Updates, SERVICE, LOAD and FROM are refused.

    Example: careers query "SELECT ?l WHERE { gcd:role-director rdfs:label ?l }"
    """
    from graph.build import built_graph
    from graph.paths import named_queries
    from graph.sparql.source import query_question, query_text

    if list_queries:
        for name, path in named_queries().items():
            click.echo(f"{name:42s} {query_question(path)}")
        return
    if not query:
        fail("give a query (text, @file.rq or a name from `careers query --list`)", EXIT_BAD_INPUT)
    from graph.sparql.guard import QuerySyntaxError, inspect_query
    from graph.sparql.workers import WorkerPool

    text = run(lambda: query_text(query))
    try:  # refused before any data is loaded or built
        inspect_query(text)
    except QuerySyntaxError as exc:
        click.echo(exc.caret(), err=True)
        fail(str(exc), EXIT_BAD_INPUT)
    except CareersError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    nt, origin = run(lambda: built_graph(list(data)))
    if not data and "memory" in origin:
        click.echo(f"note: querying {origin}", err=True)
    pool = WorkerPool(nt, size=1, engine=engine)
    try:
        answer = pool.run(text, fmt, timeout=timeout, row_limit=row_limit)
    except QuerySyntaxError as exc:
        click.echo(exc.caret(), err=True)
        fail(str(exc), EXIT_BAD_INPUT)
    except CareersError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    finally:
        pool.close()
    sys.stdout.buffer.write(answer.body)
    if answer.truncated:
        click.echo(f"note: only the first {row_limit} rows are shown (--limit)", err=True)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 127.0.0.1 keeps the endpoint to this machine.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on (0 picks a free one).")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) to serve [default: outputs/knowledge-graph.nt].")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds before a query is stopped (503).")
@click.option("--limit", "row_limit", default=10_000, show_default=True, help="Most rows (or triples) in one answer.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes.")
@click.option("--cors", "cors_origin", default=None, help="Allow this origin (or *) to query from a browser; never with credentials.")
@click.option(
    "--html-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Pages to serve at /html/ [default: outputs/html]."
)
def serve(
    host: str,
    port: int,
    data: tuple[Path, ...],
    timeout: float,
    row_limit: int,
    workers: int,
    cors_origin: str | None,
    html_dir: Path | None,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql, a query page, entity pages and outputs/html.

    Example: careers serve --port 8080   (then open http://127.0.0.1:8080/)
    """
    from graph.build import built_graph
    from graph.paths import DEFAULT_OUTPUTS
    from graph.sparql.server import Endpoint, make_server
    from graph.sparql.workers import WorkerPool

    nt, origin = run(lambda: built_graph(list(data)))
    pool = run(lambda: WorkerPool(nt, size=workers, method="forkserver", second_opinion=True))
    triples = nt.count(b"\n")
    endpoint = Endpoint(
        pool, triples, timeout=timeout, row_limit=row_limit, cors_origin=cors_origin, html_root=html_dir or DEFAULT_OUTPUTS / "html"
    )
    try:
        server = make_server(endpoint, host, port)
    except OSError as exc:
        pool.close()
        fail(f"cannot listen on {host}:{port}: {exc.strerror}", EXIT_BAD_INPUT)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving {origin} ({triples} triples) at http://{bound_host}:{bound_port}/sparql  (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()


@click.command()
@click.option("--endpoint", required=True, help="The store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option(
    "--graph", "graph_iri", default=None, help="Named graph to replace [default: https://w3id.org/gc-digital-careers/id/dataset]."
)
@click.option("--default-graph", is_flag=True, help="Replace the store's default graph instead of a named graph.")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) to upload [default: outputs/knowledge-graph.nt].")
def publish(endpoint: str, graph_iri: str | None, default_graph: bool, data: tuple[Path, ...]) -> None:
    """Upload the built graph to a triple store (SPARQL 1.1 Graph Store Protocol), replacing the graph.

    Example: careers publish --endpoint http://127.0.0.1:7878/store
    """
    from graph.build import built_graph
    from graph.sparql.publish import DEFAULT_GRAPH
    from graph.sparql.publish import publish as upload

    nt, origin = run(lambda: built_graph(list(data)))
    target = None if default_graph else graph_iri or DEFAULT_GRAPH
    status = run(lambda: upload(endpoint, nt, graph=target))
    where = "the default graph" if target is None else target
    count = nt.count(b"\n")
    click.echo(f"published {count} triples from {origin} to {endpoint} ({where}): HTTP {status}")


COMMANDS = (
    query,
    serve,
    publish,
)
"""The commands this module adds to ``careers``."""
