"""``careers query``, ``careers serve`` and ``careers publish``: SPARQL on the built graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.commands.support import EXIT_BAD_INPUT, EXTRA, LANG_OPTION, described, fail, output_language, run
from graph.errors import CareersError
from graph.i18n import number, text

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
@LANG_OPTION
def query(
    query: str | None, fmt: str, list_queries: bool, data: tuple[Path, ...], timeout: float, row_limit: int, engine: str, lang: str | None
) -> None:
    """Run a read-only SPARQL QUERY: text, @file.rq, or the name of a named query.

    Common prefixes (gcd:, gcdc:, rdfs:, skos:, prov:, org:, schema: ...) are predeclared.
    Updates, SERVICE, LOAD and FROM are refused.

    With --lang fr (or a French LANG): the named queries' questions and the command's messages in French (the query
    checker's and the engine's own words stay English, marked « »); the answers are the graph's data, as the query asks.

    Example: careers query "SELECT ?l WHERE { gcd:role-director rdfs:label ?l }"
    """
    from graph.build import built_graph
    from graph.paths import named_queries
    from graph.sparql.query_text import query_question, query_text

    lang = output_language(lang)

    def refused(message: str) -> str:  # the checker's and the engine's words, English: marked as such in French
        return f"« {message} »" if lang == "fr" else message

    if list_queries:
        for name, path in named_queries().items():
            click.echo(f"{name:42s} {query_question(path, lang)}")
        return
    if not query:
        fail(text(lang, "query_missing"), EXIT_BAD_INPUT, lang)
    from graph.sparql.guard import QuerySyntaxError, inspect_query
    from graph.sparql.workers import CPU_GRACE, WorkerPool

    sparql = run(lambda: query_text(query))
    try:  # refused before any data is loaded or built
        inspect_query(sparql)
    except QuerySyntaxError as exc:
        click.echo(exc.caret(), err=True)
        fail(refused(str(exc)), EXIT_BAD_INPUT, lang)
    except CareersError as exc:
        fail(refused(str(exc)), EXIT_BAD_INPUT, lang)
    nt, origin = run(lambda: built_graph(list(data)))
    if not data and "memory" in origin:
        click.echo(text(lang, "note_querying", origin=described(origin, lang)), err=True)
    pool = WorkerPool(nt, size=1, engine=engine, cpu=timeout + CPU_GRACE)
    try:
        answer = pool.run(sparql, fmt, timeout=timeout, row_limit=row_limit)
    except QuerySyntaxError as exc:
        click.echo(exc.caret(), err=True)
        fail(refused(str(exc)), EXIT_BAD_INPUT, lang)
    except CareersError as exc:
        fail(refused(str(exc)), EXIT_BAD_INPUT, lang)
    finally:
        pool.close()
    sys.stdout.buffer.write(answer.body)
    if answer.truncated:
        click.echo(text(lang, "query_truncated", limit=row_limit), err=True)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 127.0.0.1 keeps the endpoint to this machine.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on (0 picks a free one).")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) to serve [default: outputs/knowledge-graph.nt].")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds before a query is stopped (503).")
@click.option("--limit", "row_limit", default=10_000, show_default=True, help="Most rows (or triples) in one answer.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(min=2), help="Query worker processes.")
@click.option(
    "--slow-slots",
    default=None,
    type=click.IntRange(min=1),
    help="Queries that may use more than 0.25 s of CPU at once (fewer than --workers, which keep serving fast queries) [default: half].",
)
@click.option(
    "--request-timeout",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="Seconds a request's headers may take to arrive, and its body as long again.",
)
@click.option("--idle-timeout", default=30, show_default=True, type=click.IntRange(min=1), help="Seconds a silent connection stays open.")
@click.option(
    "--cache-mb", default=64, show_default=True, type=click.IntRange(min=0), help="Memory for answers kept for repeated queries (0: none)."
)
@click.option(
    "--query-memory-mb",
    default=256,
    show_default=True,
    type=click.IntRange(min=16),
    help="Memory one query may use beyond its worker's copy of the graph; a query needing more gets 503.",
)
@click.option(
    "--client-connections",
    default=256,
    show_default=True,
    type=click.IntRange(min=1),
    help="Connections one client address may hold at once.",
)
@click.option(
    "--queue-wait",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0.1, max=600),
    help="Seconds a request may wait for a free worker before it gets 503.",
)
@click.option("--cors", "cors_origin", default=None, help="Allow this origin (or *) to query from a browser; never with credentials.")
@click.option(
    "--html-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Pages to serve at /html/ [default: outputs/html]."
)
@LANG_OPTION
def serve(
    host: str,
    port: int,
    data: tuple[Path, ...],
    timeout: float,
    row_limit: int,
    workers: int,
    slow_slots: int | None,
    request_timeout: int,
    idle_timeout: int,
    cache_mb: int,
    query_memory_mb: int,
    client_connections: int,
    queue_wait: float,
    cors_origin: str | None,
    html_dir: Path | None,
    lang: str | None,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql, a query page, entity pages and outputs/html.

    SIGTERM or Ctrl-C stops it gracefully: the requests in flight are answered first. With --lang fr (or a French LANG)
    its messages are in French; its pages are in both languages (?lang=fr).

    Example: careers serve --port 8080   (then open http://127.0.0.1:8080/)
    """
    from graph.build import built_graph
    from graph.paths import DEFAULT_OUTPUTS
    from graph.sparql.app import Endpoint
    from graph.sparql.server import make_server
    from graph.sparql.service import QueryService
    from graph.sparql.workers import CPU_GRACE, WorkerFactory, WorkerSpec

    lang = output_language(lang)
    slow_slots = slow_slots or max(1, workers // 2)
    if slow_slots >= workers:
        fail(text(lang, "serve_slow_slots", slow=slow_slots, workers=workers), EXIT_BAD_INPUT, lang)
    nt, origin = run(lambda: built_graph(list(data)), lang=lang)
    factory = WorkerFactory(WorkerSpec(nt, memory=query_memory_mb * 1024 * 1024, cpu=timeout + CPU_GRACE), method="forkserver")
    if not factory.confined:
        click.echo(text(lang, "serve_no_seccomp"), err=True)
    service = run(
        lambda: QueryService(
            factory, size=workers, slow_slots=slow_slots, timeout=timeout, max_waiting=client_connections, queue_wait=queue_wait
        ),
        lang=lang,
    )
    triples = nt.count(b"\n")
    html_root = html_dir or DEFAULT_OUTPUTS / "html"
    endpoint = Endpoint(triples, row_limit=row_limit, cors_origin=cors_origin, html_root=html_root, cache_bytes=cache_mb * 1024 * 1024)
    try:
        server = make_server(
            endpoint, service, host, port, request_timeout=request_timeout, idle_timeout=idle_timeout, client_connections=client_connections
        )
    except OSError as exc:
        service.close()
        fail(
            text(lang, "serve_cannot_listen", host=host, port=port, why=f"« {exc.strerror} »" if lang == "fr" else exc.strerror),
            EXIT_BAD_INPUT,
            lang,
        )
    bound_host, bound_port = server.address
    click.echo(
        text(
            lang,
            "serve_serving",
            origin=described(origin, lang),
            triples=number(triples, lang) if lang == "fr" else triples,
            url=f"http://{bound_host}:{bound_port}/sparql",
        ),
        err=True,
    )
    server.run()


@click.command()
@click.option("--endpoint", required=True, help="The store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option(
    "--graph", "graph_iri", default=None, help="Named graph to replace [default: https://w3id.org/gc-digital-careers/id/dataset]."
)
@click.option("--default-graph", is_flag=True, help="Replace the store's default graph instead of a named graph.")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) to upload [default: outputs/knowledge-graph.nt].")
@click.option(
    "--auth",
    type=click.Choice(["auto", "basic", "digest", "bearer", "none"]),
    default="auto",
    show_default=True,
    help="auto: answer the store's Digest or Basic challenge, or send the token found; basic: send Basic at once; none: send nothing.",
)
@LANG_OPTION
def publish(endpoint: str, graph_iri: str | None, default_graph: bool, data: tuple[Path, ...], auth: str, lang: str | None) -> None:
    """Upload the built graph to a triple store (SPARQL 1.1 Graph Store Protocol), replacing the graph.

    Credentials, if the store asks, come from the environment (CAREERS_PUBLISH_TOKEN for a bearer token;
    CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD) or from ~/.netrc (the machine entry of the
    store's host), never from the command line; they are never printed.

    Example: CAREERS_PUBLISH_USER=dba CAREERS_PUBLISH_PASSWORD=... careers publish --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth
    """
    from graph.build import built_graph
    from graph.sparql.credentials import find_credentials
    from graph.sparql.publish import DEFAULT_GRAPH
    from graph.sparql.publish import publish as upload

    lang = output_language(lang)
    credentials = None if auth == "none" else run(lambda: find_credentials(endpoint), lang=lang)
    nt, origin = run(lambda: built_graph(list(data)), lang=lang)
    target = None if default_graph else graph_iri or DEFAULT_GRAPH
    status = run(lambda: upload(endpoint, nt, graph=target, credentials=credentials, auth=auth), lang=lang)
    where = text(lang, "publish_default_graph") if target is None else target
    who = text(lang, "publish_as", credentials=f"« {credentials} »" if lang == "fr" else credentials) if credentials else ""
    click.echo(
        text(
            lang,
            "publish_done",
            count=number(nt.count(b"\n"), lang) if lang == "fr" else nt.count(b"\n"),
            origin=described(origin, lang),
            endpoint=endpoint,
            where=where,
            who=who,
            status=status,
        )
    )


COMMANDS = (
    query,
    serve,
    publish,
)
"""The commands this module adds to ``careers``."""
