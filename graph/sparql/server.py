"""``careers serve``: a read-only SPARQL 1.1 Protocol endpoint, the query page, entity pages and the HTML graphs.

Routes: ``/sparql`` (GET ``?query=``, POST form, POST ``application/sparql-query``; a plain GET gives the
service description, or the query page to a browser), ``/`` (query page), ``/id/NAME`` (each entity
IRI ``https://w3id.org/gc-digital-careers/id/NAME``: HTML, Turtle, N-Triples or JSON-LD by ``Accept``),
``/html/...`` (``outputs/html``), ``/static/...``.

Every query is checked twice before it runs (`graph.sparql.guard`), runs in a worker process killed at
the time limit (`graph.sparql.workers`), and is cut at the row limit. Requests are bounded in size;
the server binds 127.0.0.1 unless told otherwise and sends no CORS header unless given an origin,
never with credentials.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph import __version__
from graph.errors import CareersError
from graph.iris import GCD_IRI
from graph.paths import named_queries
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery, inspect_query
from graph.sparql.negotiate import best_match
from graph.sparql.pages import entity_page, query_page
from graph.sparql.results import RDF_FORMATS, RESULT_FORMATS
from graph.sparql.source import query_question
from graph.sparql.workers import DEFAULT_TIMEOUT, QueryTimeout, WorkerPool

__all__ = ["MAX_REQUEST_BYTES", "Endpoint", "make_server"]

MAX_REQUEST_BYTES = 128 * 1024
"""Largest request body accepted (413 above it)."""

STATIC = Path(__file__).resolve().parent / "static"
_RDF_OFFERS = {key: media for key, (media, _) in RDF_FORMATS.items()}
_SD_FORMATS = [
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
]
_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
_ENTITY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")


def guard(query: str) -> str:
    """Check ``query`` with the guard's first layer (linear time, in this process); return its form (SELECT, ASK, ...).

    The second layer (rdflib's parse) runs in the query worker, under the time limit.
    """
    return inspect_query(query).form


@dataclass
class Endpoint:
    """What the request handlers share: the worker pool, limits, and where the pages come from."""

    pool: WorkerPool
    triples: int
    timeout: float = DEFAULT_TIMEOUT
    row_limit: int = 10_000
    cors_origin: str | None = None
    html_root: Path | None = None
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.examples:
            self.examples = {name: (query_question(path), path.read_text(encoding="utf-8")) for name, path in named_queries().items()}


class _Refusal(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class Handler(BaseHTTPRequestHandler):
    """One request: route, check, run, answer."""

    server_version = f"gc-digital-careers/{__version__}"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: without this, keep-alive clients wait 40 ms

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint  # type: ignore[attr-defined]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Log quietly: one line per request to stderr, without the client's address."""

    # ---------------------------------------------------------------- HTTP verbs
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        """Answer GET."""
        self._dispatch(self._get)

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer HEAD like GET, without the body."""
        self._dispatch(self._get, head=True)

    def do_POST(self) -> None:  # noqa: N802
        """Answer POST: a query in a form or as application/sparql-query."""
        self._dispatch(self._post)

    def do_OPTIONS(self) -> None:  # noqa: N802
        """Answer a CORS preflight (only when an origin was configured)."""
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def do_PUT(self) -> None:  # noqa: N802
        """Refuse: the endpoint is read-only."""
        self._dispatch(self._read_only)

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # ---------------------------------------------------------------- routing
    def _dispatch(self, action, head: bool = False) -> None:
        self._head = head
        try:
            action()
        except _Refusal as refusal:
            self._send(refusal.status, (refusal.message + "\n").encode("utf-8"), "text/plain; charset=utf-8")
        except QueryTooComplex as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n".encode(), "text/plain; charset=utf-8")
        except QuerySyntaxError as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n{exc.caret()}\n".encode(), "text/plain; charset=utf-8")
        except UnsafeQuery as exc:
            self._send(HTTPStatus.FORBIDDEN, f"{exc}\n".encode(), "text/plain; charset=utf-8")
        except QueryTimeout as exc:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, f"{exc}\n".encode(), "text/plain; charset=utf-8")
        except CareersError as exc:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, f"{exc}\n".encode(), "text/plain; charset=utf-8")

    def _read_only(self) -> None:
        raise _Refusal(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: use GET or POST with a query")

    def _get(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            if "update" in params:
                raise _Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
            queries = params.get("query", [])
            if not queries:
                return self._describe_service()
            return self._query(_one(queries), params)
        if url.path in ("/", "/index.html"):
            return self._html(query_page(self.endpoint.examples, self._html_root() is not None))
        if url.path.startswith("/id/"):
            return self._entity(url.path[4:], params)
        if url.path.startswith("/static/"):
            return self._file(STATIC, url.path[len("/static/") :], csp=True)
        if url.path.startswith("/html/") and self._html_root() is not None:
            return self._file(self._html_root(), url.path[len("/html/") :], csp=False)
        raise _Refusal(HTTPStatus.NOT_FOUND, f"not found: {url.path}")

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            raise _Refusal(HTTPStatus.NOT_FOUND, f"not found: {url.path}")
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refusal(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        try:
            size = int(length)
        except ValueError:
            raise _Refusal(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if size > MAX_REQUEST_BYTES:
            self.close_connection = True
            raise _Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request larger than {MAX_REQUEST_BYTES} bytes")
        body = self.rfile.read(size)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "the form is not UTF-8") from None
            if "update" in form:
                raise _Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
            if "query" not in form:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "the form has no query parameter")
            return self._query(_one(form["query"]), {**params, **form})
        if media == "application/sparql-query":
            if "query" in params:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "give the query in the body or in the URL, not both")
            try:
                return self._query(body.decode("utf-8"), params)
            except UnicodeDecodeError:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "the query is not UTF-8") from None
        if media == "application/sparql-update":
            raise _Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
        raise _Refusal(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"unsupported Content-Type {media or '(none)'}: use application/x-www-form-urlencoded or application/sparql-query",
        )

    # ---------------------------------------------------------------- answers
    def _query(self, query: str, params: dict) -> None:
        if any(name in params for name in ("default-graph-uri", "named-graph-uri")):
            raise _Refusal(
                HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: queries run on this knowledge graph only"
            )
        form = guard(query)
        offers = RESULT_FORMATS if form in ("SELECT", "ASK") else _RDF_OFFERS
        requested = params.get("format", [None])[0]
        fmt = requested if requested in offers else best_match(self.headers.get("Accept"), offers)
        if fmt is None:
            raise _Refusal(HTTPStatus.NOT_ACCEPTABLE, "no acceptable format; offered: " + ", ".join(offers.values()))
        answer = self.endpoint.pool.run(query, fmt, timeout=self.endpoint.timeout, row_limit=self.endpoint.row_limit)
        extra = {"X-Results-Truncated": "true"} if answer.truncated else {}
        self._send(HTTPStatus.OK, answer.body, answer.media_type, extra)

    def _describe_service(self) -> None:
        offers = {"html": "text/html", "turtle": RDF_FORMATS["turtle"][0], "nt": RDF_FORMATS["nt"][0], "jsonld": RDF_FORMATS["jsonld"][0]}
        accept = self.headers.get("Accept")
        choice = (
            best_match(accept, offers)
            if accept and "text/html" in accept
            else best_match(accept, {k: v for k, v in offers.items() if k != "html"})
        )
        if choice == "html":
            return self._html(query_page(self.endpoint.examples, self._html_root() is not None))
        if choice is None:
            raise _Refusal(HTTPStatus.NOT_ACCEPTABLE, "the service description is offered as Turtle, N-Triples or JSON-LD")
        host = self.headers.get("Host") or ""
        base = f"http://{host if _HOST.fullmatch(host) else 'localhost'}"  # the Host header is the client's: never trust it in an IRI
        formats = " , ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in _SD_FORMATS)
        turtle = (
            "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            "@prefix void: <http://rdfs.org/ns/void#> .\n"
            "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
            f"<{base}/sparql> a sd:Service ;\n"
            f"    sd:endpoint <{base}/sparql> ;\n"
            "    sd:supportedLanguage sd:SPARQL11Query ;\n"
            f"    sd:resultFormat {formats} ;\n"
            '    dcterms:title "Government of Canada digital careers knowledge graph (read-only)"@en ;\n'
            "    sd:defaultDataset [ a sd:Dataset ;\n"
            f"        sd:defaultGraph [ a sd:Graph , void:Dataset ; void:triples {self.endpoint.triples} ] ] .\n"
        )
        if choice == "turtle":
            return self._send(HTTPStatus.OK, turtle.encode("utf-8"), offers["turtle"])
        from pyoxigraph import RdfFormat, parse, serialize

        triples = list(parse(turtle.encode("utf-8"), format=RdfFormat.TURTLE))
        return self._send(HTTPStatus.OK, serialize(triples, format=RDF_FORMATS[choice][1]), offers[choice])

    def _entity(self, name: str, params: dict) -> None:
        if not _ENTITY_NAME.fullmatch(name):
            raise _Refusal(HTTPStatus.NOT_FOUND, f"no such entity: {name}")
        iri = GCD_IRI + name
        offers = {"html": "text/html", **_RDF_OFFERS}
        requested = params.get("format", [None])[0]
        fmt = requested if requested in offers else best_match(self.headers.get("Accept"), offers)
        if fmt is None:
            raise _Refusal(HTTPStatus.NOT_ACCEPTABLE, "offered: " + ", ".join(offers.values()))
        run = functools.partial(self.endpoint.pool.run, timeout=self.endpoint.timeout, row_limit=2000)
        label_of = 'OPTIONAL { ?o rdfs:label ?ol FILTER (lang(?ol) = "en") }'
        out = json.loads(run(f"SELECT ?p ?o ?ol WHERE {{ <{iri}> ?p ?o {label_of} }} ORDER BY ?p ?o", "json").body)["results"]["bindings"]
        if not out:
            raise _Refusal(HTTPStatus.NOT_FOUND, f"no such entity: {iri}")
        if fmt != "html":
            answer = run(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}", fmt)
            return self._send(HTTPStatus.OK, answer.body, answer.media_type)
        incoming = json.loads(
            run(
                f"SELECT ?p ?o ?ol WHERE {{ ?o ?p <{iri}> {label_of} }} ORDER BY ?p ?o LIMIT 500",
                "json",
            ).body
        )["results"]["bindings"]

        def pairs(rows):
            return [(row["p"], {**row["o"], "label": row.get("ol", {}).get("value")}) for row in rows]

        label = next((row["o"]["value"] for row in out if row["p"]["value"].endswith("#label") and row["o"].get("xml:lang") == "en"), name)
        self._html(entity_page(iri, label, pairs(out), pairs(incoming)))

    def _file(self, root: Path, relative: str, *, csp: bool) -> None:
        root = root.resolve()
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            raise _Refusal(HTTPStatus.NOT_FOUND, f"not found: {relative}")
        media = {
            ".html": "text/html; charset=utf-8",
            ".css": "text/css; charset=utf-8",
            ".js": "text/javascript; charset=utf-8",
            ".png": "image/png",
            ".svg": "image/svg+xml",
            ".json": "application/json",
        }.get(target.suffix, "application/octet-stream")
        self._send(HTTPStatus.OK, target.read_bytes(), media, {"Content-Security-Policy": _CSP} if csp else {})

    def _html(self, page: str) -> None:
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": _CSP})

    def _html_root(self) -> Path | None:
        root = self.endpoint.html_root
        return root if root is not None and root.is_dir() else None

    def _send(self, status: HTTPStatus, body: bytes, media: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept, Origin")
        origin = self.endpoint.cors_origin
        if origin is not None and (origin == "*" or self.headers.get("Origin") == origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not getattr(self, "_head", False):
            self.wfile.write(body)


def _one(values: list[str]) -> str:
    if len(values) != 1:
        raise _Refusal(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
    return values[0]


def make_server(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    """Create (not start) the HTTP server for ``endpoint`` on ``host:port``."""
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    server.endpoint = endpoint  # type: ignore[attr-defined]
    return server
