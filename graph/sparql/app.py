r"""The endpoint's answers: routes, checks, responses, whatever serves them (`graph.sparql.server` does, over HTTP).

Routes: ``/sparql`` (GET ``?query=``, POST form, POST ``application/sparql-query``; a plain GET gives the
service description, or the query page to a browser), ``/`` (query page), ``/id/NAME`` (each entity
IRI ``https://w3id.org/gc-digital-careers/id/NAME``: HTML, Turtle, N-Triples or JSON-LD by ``Accept``),
``/html/...`` (``outputs/html``), ``/static/...``.

Every query is checked before it runs (`graph.sparql.guard`, in linear time), runs in a worker process
killed at the time limit, under fair scheduling (`graph.sparql.workers`), and is cut at the row limit.
No CORS header is sent unless an origin is given, never with credentials; every page carries a
Content-Security-Policy that forbids framing.

Identical questions get identical answers (the graph does not change while it is served), so answers
are kept in a bounded cache (`AnswerCache`): a repeated query is answered without a worker.

Examples
--------
>>> from graph.sparql.workers import WorkerPool
>>> app = EndpointApp(Endpoint(WorkerPool(b'<http://e/a> <http://e/p> "x" .\n', size=1), triples=1))
>>> response = app.respond(Request("GET", "/sparql", {"query": ["ASK {}"]}, {}))
>>> response.status, response.body
(<HTTPStatus.OK: 200>, b'{"head": {}, "boolean": true}')
>>> app.endpoint.pool.close()
"""

from __future__ import annotations

import collections
import functools
import re
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs

from graph import __version__
from graph.errors import CareersError
from graph.paths import named_queries
from graph.sparql.description import service_description
from graph.sparql.engine import Answer
from graph.sparql.entities import NoSuchEntity, entity_answer
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery, inspect_query
from graph.sparql.negotiate import best_match
from graph.sparql.pages import query_page
from graph.sparql.results import RDF_FORMATS, RESULT_FORMATS
from graph.sparql.source import query_question
from graph.sparql.workers import DEFAULT_TIMEOUT, Overloaded, QueryTimeout, WorkerPool

__all__ = ["MAX_REQUEST_BYTES", "AnswerCache", "Endpoint", "EndpointApp", "NeedsWorker", "Refusal", "Request", "Response"]

MAX_REQUEST_BYTES = 256 * 1024
"""Largest request body accepted (413 above it): room for the longest query, percent-encoded in a form."""

STATIC = Path(__file__).resolve().parent / "static"
_RDF_OFFERS = {key: media for key, (media, _) in RDF_FORMATS.items()}
_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")
_MEDIA = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


@dataclass
class Endpoint:
    """What every request shares: the worker pool, limits, and where the pages come from."""

    pool: WorkerPool
    triples: int
    timeout: float = DEFAULT_TIMEOUT
    row_limit: int = 10_000
    cors_origin: str | None = None
    html_root: Path | None = None
    cache_bytes: int = 64 * 1024 * 1024
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.examples:
            self.examples = {name: (query_question(path), path.read_text(encoding="utf-8")) for name, path in named_queries().items()}


@dataclass(frozen=True)
class Response:
    """What to send: status, body, media type and any further headers."""

    status: HTTPStatus
    body: bytes
    media: str
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> Response:
        """``message`` as a line of plain text."""
        return cls(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers or {})


class Refusal(Exception):
    """A request the endpoint will not answer as asked: the status and the reason, in plain text."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@dataclass(frozen=True)
class Request:
    """What the routes read of a request: method, decoded path, query parameters, headers (lower-case names) and body."""

    method: str
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of the request header ``name`` (any case), or None."""
        return self.headers.get(name.lower())


class NeedsWorker(Exception):
    """Raised by `EndpointApp.respond` with ``without_worker``: the answer needs a query worker; ask again where waiting is fine."""


class AnswerCache:
    """The most recently used answers, up to ``max_bytes`` of bodies in all (0 keeps none); safe to share between threads.

    >>> cache = AnswerCache(max_bytes=1000)
    >>> cache.put(("q", "json", 1), Answer("ASK", "application/json", b"true"))
    >>> cache.get(("q", "json", 1)).body
    b'true'
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes, self._bytes = max_bytes, 0
        self._answers: collections.OrderedDict[tuple, Answer] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Answer | None:
        """The answer kept for ``key``, or None."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: tuple, answer: Answer) -> None:
        """Keep ``answer`` for ``key``, forgetting the least recently used beyond ``max_bytes``."""
        size = len(answer.body)
        if size > self.max_bytes // 4:  # one answer never crowds out the rest
            return
        with self._lock:
            if key in self._answers:
                return
            self._answers[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, old = self._answers.popitem(last=False)
                self._bytes -= len(old.body)


class EndpointApp:
    """The answers of ``endpoint``: `respond` to a request, and the `headers` to send with the response."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.cache = AnswerCache(endpoint.cache_bytes)

    def respond(self, request: Request, *, without_worker: bool = False) -> Response:
        """The response to ``request``: every refusal becomes its status with a plain-text reason.

        With ``without_worker``, answer only what needs no query worker (a cached answer, a refusal, a page,
        a file) and raise `NeedsWorker` for the rest, so that a server can answer those on its event loop.
        """
        try:
            return self._route(request, without_worker)
        except NeedsWorker:
            raise
        except Refusal as refusal:
            return Response.text(refusal.status, refusal.message, refusal.headers)
        except QueryTooComplex as exc:
            return Response.text(HTTPStatus.BAD_REQUEST, str(exc))
        except QuerySyntaxError as exc:
            return Response.text(HTTPStatus.BAD_REQUEST, f"{exc}\n{exc.caret()}")
        except UnsafeQuery as exc:
            return Response.text(HTTPStatus.FORBIDDEN, str(exc))
        except QueryTimeout as exc:
            return Response.text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except Overloaded as exc:
            return Response.text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": str(exc.retry_after)})
        except NoSuchEntity as exc:
            return Response.text(HTTPStatus.NOT_FOUND, str(exc))
        except CareersError as exc:
            return Response.text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))

    # ---------------------------------------------------------------- routing
    def _route(self, request: Request, without_worker: bool) -> Response:
        if request.method in ("GET", "HEAD"):
            return self._get(request, without_worker)
        if request.method == "POST":
            return self._post(request, without_worker)
        if request.method == "OPTIONS":
            return Response(HTTPStatus.NO_CONTENT, b"", "text/plain")
        allow = {"Allow": "GET, HEAD, POST, OPTIONS"}
        raise Refusal(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: use GET or POST with a query", allow)

    def _get(self, request: Request, without_worker: bool) -> Response:
        path, params = request.path, request.params
        if path == "/sparql":
            if "update" in params:
                raise Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
            if "query" not in params:
                return self._describe_service(request)
            return self._query(request, _one(params["query"]), params, without_worker)
        if path in ("/", "/index.html"):
            return _html(query_page(self.endpoint.examples, self._html_root() is not None))
        if path.startswith("/id/"):
            if without_worker:
                raise NeedsWorker
            return self._entity(request, path[len("/id/") :])
        if path.startswith("/static/"):
            return _file(STATIC, path[len("/static/") :], _CSP)
        if path.startswith("/html/") and self._html_root() is not None:
            return _file(self._html_root(), path[len("/html/") :], _pages_csp())
        raise Refusal(HTTPStatus.NOT_FOUND, f"not found: {path}")

    def _post(self, request: Request, without_worker: bool) -> Response:
        if request.path != "/sparql":
            raise Refusal(HTTPStatus.NOT_FOUND, f"not found: {request.path}")
        body = request.body
        media = (request.header("Content-Type") or "").split(";")[0].strip().lower()
        params = request.params
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError:
                raise Refusal(HTTPStatus.BAD_REQUEST, "the form is not UTF-8") from None
            if "update" in form:
                raise Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
            if "query" not in form:
                raise Refusal(HTTPStatus.BAD_REQUEST, "the form has no query parameter")
            return self._query(request, _one(form["query"]), {**params, **form}, without_worker)
        if media == "application/sparql-query":
            if "query" in params:
                raise Refusal(HTTPStatus.BAD_REQUEST, "give the query in the body or in the URL, not both")
            try:
                return self._query(request, body.decode("utf-8"), params, without_worker)
            except UnicodeDecodeError:
                raise Refusal(HTTPStatus.BAD_REQUEST, "the query is not UTF-8") from None
        if media == "application/sparql-update":
            raise Refusal(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")
        raise Refusal(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"unsupported Content-Type {media or '(none)'}: use application/x-www-form-urlencoded or application/sparql-query",
        )

    # ---------------------------------------------------------------- answers
    def _query(self, request: Request, query: str, params: dict, without_worker: bool) -> Response:
        if any(name in params for name in ("default-graph-uri", "named-graph-uri")):
            raise Refusal(
                HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: queries run on this knowledge graph only"
            )
        form = inspect_query(query).form  # the guard's first layer, in linear time; the second runs in the worker, under the time limit
        offers = RESULT_FORMATS if form in ("SELECT", "ASK") else _RDF_OFFERS
        fmt = _format(request, params, offers)
        key = (query, fmt, self.endpoint.row_limit)
        answer = self.cache.get(key)
        if answer is None:
            if without_worker:
                raise NeedsWorker
            answer = self.endpoint.pool.run(query, fmt, timeout=self.endpoint.timeout, row_limit=self.endpoint.row_limit)
            self.cache.put(key, answer)
        return Response(HTTPStatus.OK, answer.body, answer.media_type, {"X-Results-Truncated": "true"} if answer.truncated else {})

    def _describe_service(self, request: Request) -> Response:
        offers = {"html": "text/html", "turtle": RDF_FORMATS["turtle"][0], "nt": RDF_FORMATS["nt"][0], "jsonld": RDF_FORMATS["jsonld"][0]}
        accept = request.header("Accept")
        if not (accept and "text/html" in accept):
            offers.pop("html")
        choice = best_match(accept, offers)
        if choice == "html":
            return _html(query_page(self.endpoint.examples, self._html_root() is not None))
        if choice is None:
            raise Refusal(HTTPStatus.NOT_ACCEPTABLE, "the service description is offered as Turtle, N-Triples or JSON-LD")
        host = request.header("Host") or ""
        base = f"http://{host if _HOST.fullmatch(host) else 'localhost'}"  # the Host header is the client's: never trust it in an IRI
        return Response(HTTPStatus.OK, service_description(base, self.endpoint.triples, choice), offers[choice])

    def _entity(self, request: Request, name: str) -> Response:
        fmt = _format(request, request.params, {"html": "text/html", **_RDF_OFFERS})
        answer = entity_answer(self.endpoint.pool.run, name, fmt, timeout=self.endpoint.timeout)
        return Response(HTTPStatus.OK, answer.body, answer.media_type, {"Content-Security-Policy": _CSP} if fmt == "html" else {})

    def _html_root(self) -> Path | None:
        root = self.endpoint.html_root
        return root if root is not None and root.is_dir() else None

    def headers(self, request: Request, response: Response) -> list[tuple[str, str]]:
        """The headers to send with ``response``: its own, and the safety and CORS headers."""
        headers = {
            "Content-Type": response.media,
            "Content-Length": str(len(response.body)),
            "X-Content-Type-Options": "nosniff",
            "Vary": "Accept, Origin",
            "Server": f"gc-digital-careers/{__version__}",
        }
        if response.media.startswith("text/html"):
            headers["X-Frame-Options"] = "DENY"
        origin = self.endpoint.cors_origin
        if origin is not None and (origin == "*" or request.header("Origin") == origin):
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        headers.update(response.headers)
        return list(headers.items())


def _format(request: Request, params: dict, offers: dict[str, str]) -> str:
    """The format asked for by ``?format=``, or else the best for ``Accept``; 406 when none fits."""
    requested = params.get("format", [None])[0]
    fmt = requested if requested in offers else best_match(request.header("Accept"), offers)
    if fmt is None:
        raise Refusal(HTTPStatus.NOT_ACCEPTABLE, "no acceptable format; offered: " + ", ".join(offers.values()))
    return fmt


def _one(values: list[str]) -> str:
    if len(values) != 1:
        raise Refusal(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
    return values[0]


def _html(page: str) -> Response:
    return Response(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": _CSP})


def _file(root: Path, relative: str, csp: str) -> Response:
    root = root.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise Refusal(HTTPStatus.NOT_FOUND, f"not found: {relative}")
    media = _MEDIA.get(target.suffix, "application/octet-stream")
    return Response(HTTPStatus.OK, target.read_bytes(), media, {"Content-Security-Policy": csp})


@functools.cache
def _pages_csp() -> str:
    """The policy of the generated pages (inline script and style, no request), sent as a header that also forbids framing."""
    from graph.viz.page import PAGE_CSP

    return PAGE_CSP + "; frame-ancestors 'none'"
