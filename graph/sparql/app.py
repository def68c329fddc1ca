r"""The endpoint's routes, and the HTTP response for each outcome; whatever serves them (`graph.sparql.asgi` does, over HTTP).

Routes: ``/sparql`` (GET ``?query=``, POST form, POST ``application/sparql-query``; a plain GET gives the
service description, or the query page to a browser), ``/`` (query page), ``/id/NAME`` (each entity
IRI ``https://w3id.org/gc-digital-careers/id/NAME``: HTML, Turtle, N-Triples or JSON-LD by ``Accept``),
``/html/...`` (``outputs/html``), ``/static/...``.

`EndpointApp.route` decides, without reading the query, what a request needs: an immediate response
(a page, a refusal), a file to read, or a job for a query worker (`graph.sparql.workers.QueryJob`,
`graph.sparql.workers.EntityJob`), where the request is read, guarded and answered. `EndpointApp.response`
turns the job's outcome (an answer or an exception) into the response. No CORS header is sent unless an
origin is given, never with credentials; every page carries a Content-Security-Policy that forbids framing.

Identical requests get identical answers (the graph does not change while it is served), so answers and
refusals are kept in a byte-bounded cache by the digest of the request (`request_key`).

Examples
--------
>>> app = EndpointApp(Endpoint(triples=1))
>>> job = app.route(Request("GET", "/sparql", b"query=ASK%7B%7D", {}, client="127.0.0.1"))
>>> type(job).__name__, job.request.query_string
('QueryJob', b'query=ASK%7B%7D')
>>> app.route(Request("DELETE", "/sparql", b"", {}, client="127.0.0.1")).status
<HTTPStatus.METHOD_NOT_ALLOWED: 405>
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote_to_bytes

from graph import __version__
from graph.errors import CareersError
from graph.paths import named_queries
from graph.sparql.cache import ByteBoundedCache
from graph.sparql.description import service_description
from graph.sparql.engine import Answer
from graph.sparql.entities import NoSuchEntity
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery
from graph.sparql.negotiate import best_match
from graph.sparql.pages import page_language, query_page
from graph.sparql.protocol import HttpQuery, Refusal
from graph.sparql.query_text import query_question
from graph.sparql.results import RDF_FORMATS
from graph.sparql.workers import EntityJob, OutOfBounds, Overloaded, QueryFailed, QueryJob, QueryTimeout, WorkerDied

__all__ = ["MAX_REQUEST_BYTES", "Endpoint", "EndpointApp", "FileRead", "Request", "Response", "request_key"]

MAX_REQUEST_BYTES = 256 * 1024
"""Largest request body accepted (413 above it): room for the longest query, percent-encoded in a form."""

STATIC = Path(__file__).resolve().parent / "static"
_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
_HOST = re.compile(r"[A-Za-z0-9.-]{1,253}(?::\d{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?")
_PATH = re.compile(r"/[\x21-\x7e]*")  # printable ASCII: no NUL, no control character, no space once decoded
_MEDIA = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}
_DESCRIPTION_OFFERS = {"html": "text/html", **{key: RDF_FORMATS[key][0] for key in ("turtle", "nt", "jsonld")}}
_REMEMBERED = (Refusal, QuerySyntaxError, UnsafeQuery, NoSuchEntity, QueryFailed, OutOfBounds, WorkerDied)
"""Outcomes that the same request would meet again: kept in the cache like answers (a repeated hostile request costs nothing)."""


@dataclass
class Endpoint:
    """What every request shares: the size of the graph, limits, and where the pages come from."""

    triples: int
    row_limit: int = 10_000
    cors_origin: str | None = None
    html_root: Path | None = None
    cache_bytes: int = 64 * 1024 * 1024
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)
    questions_fr: dict[str, str] = field(default_factory=dict)
    """The named queries' questions in French (the query page in French lists them)."""

    def __post_init__(self) -> None:
        if not self.examples:
            self.examples = {name: (query_question(path), path.read_text(encoding="utf-8")) for name, path in named_queries().items()}
            self.questions_fr = {name: query_question(path, "fr") for name, path in named_queries().items()}


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


@dataclass(frozen=True)
class Request:
    """What the routes read of a request: method, decoded path, raw query string, headers (lower-case names), body, client address."""

    method: str
    path: str
    query_string: bytes
    headers: dict[str, str]
    body: bytes = b""
    client: str = ""

    def header(self, name: str) -> str | None:
        """The value of the request header ``name`` (any case), or None."""
        return self.headers.get(name.lower())

    def http_query(self) -> HttpQuery:
        """What a query worker needs of this request."""
        return HttpQuery(self.method, self.query_string, self.header("Content-Type"), self.body, self.header("Accept"))


@dataclass(frozen=True)
class FileRead:
    """A file to send, read off the event loop: ``read`` gives the response (404 when it is not a file under ``root``)."""

    root: Path
    relative: str
    csp: str

    def read(self) -> Response:
        """The file as a response."""
        root = self.root.resolve()
        target = (root / self.relative).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return Response.text(HTTPStatus.NOT_FOUND, f"not found: {self.relative}")
        media = _MEDIA.get(target.suffix, "application/octet-stream")
        return Response(HTTPStatus.OK, target.read_bytes(), media, {"Content-Security-Policy": self.csp})


def request_key(request: Request) -> bytes:
    """The digest of everything a query's answer depends on: path, query string, content type, ``Accept`` and body.

    >>> request_key(Request("HEAD", "/sparql", b"query=ASK%7B%7D", {})) == request_key(Request("GET", "/sparql", b"query=ASK%7B%7D", {}))
    True
    """
    digest = hashlib.blake2b(digest_size=32)
    method = "GET" if request.method == "HEAD" else request.method
    for part in (method, request.path, request.header("Content-Type") or "", request.header("Accept") or ""):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(len(request.query_string).to_bytes(8, "big") + request.query_string)
    digest.update(request.body)
    return digest.digest()


class EndpointApp:
    """The routes of ``endpoint``, the `response` to each outcome, and the `headers` to send with it."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.cache: ByteBoundedCache[Response] = ByteBoundedCache(endpoint.cache_bytes)

    def route(self, request: Request) -> Response | FileRead | QueryJob | EntityJob:
        """What ``request`` needs: a response now, a file to read, or a job for a query worker."""
        if not _PATH.fullmatch(request.path):
            return Response.text(HTTPStatus.BAD_REQUEST, "malformed path: only printable characters may follow the /")
        if request.method in ("GET", "HEAD"):
            return self._get(request)
        if request.method == "POST":
            if request.path != "/sparql":
                return Response.text(HTTPStatus.NOT_FOUND, f"not found: {request.path}")
            return QueryJob(request=request.http_query(), row_limit=self.endpoint.row_limit)
        if request.method == "OPTIONS":
            return Response(HTTPStatus.NO_CONTENT, b"", "text/plain")
        allow = {"Allow": "GET, HEAD, POST, OPTIONS"}
        return Response.text(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: use GET or POST with a query", allow)

    def _get(self, request: Request) -> Response | FileRead | QueryJob | EntityJob:
        path = request.path
        if path == "/sparql":
            if _asks_a_query(request.query_string):  # a query (or an update, refused by the worker): read in the worker
                return QueryJob(request=request.http_query(), row_limit=self.endpoint.row_limit)
            return self._describe_service(request)
        if path in ("/", "/index.html"):
            return _html(self._query_page(page_language(request.http_query().params())))
        if path.startswith("/id/"):
            return EntityJob(path[len("/id/") :], request.http_query().params(), request.header("Accept"))
        if path.startswith("/static/"):
            return FileRead(STATIC, path[len("/static/") :], _CSP)
        html_root = self._html_root()
        if path.startswith("/html/") and html_root is not None:
            return FileRead(html_root, path[len("/html/") :], _pages_csp())
        return Response.text(HTTPStatus.NOT_FOUND, f"not found: {path}")

    def response(self, outcome: Answer | BaseException) -> tuple[Response, bool]:
        """The response for a job's ``outcome``, and whether the same request would always get it (so it may be kept)."""
        if isinstance(outcome, Answer):
            headers = {"X-Results-Truncated": "true"} if outcome.truncated else {}
            if outcome.media_type.startswith("text/html"):
                headers["Content-Security-Policy"] = _CSP
            return Response(HTTPStatus.OK, outcome.body, outcome.media_type, headers), True
        return _refusal(outcome), isinstance(outcome, _REMEMBERED)

    @functools.cache  # noqa: B019 (one app per server; four pages at most: two languages, with or without the graphs)
    def _query_page(self, lang: str = "en") -> str:
        questions = self.endpoint.questions_fr if lang == "fr" else None
        return query_page(self.endpoint.examples, self._html_root() is not None, lang, questions)

    def _describe_service(self, request: Request) -> Response:
        accept = request.header("Accept")
        offers = dict(_DESCRIPTION_OFFERS)
        if not (accept and "text/html" in accept):
            offers.pop("html")
        choice = best_match(accept, offers)
        if choice == "html":
            return _html(self._query_page())
        if choice is None:
            return Response.text(HTTPStatus.NOT_ACCEPTABLE, "the service description is offered as Turtle, N-Triples or JSON-LD")
        host = request.header("Host") or ""
        base = f"http://{host if _HOST.fullmatch(host) else 'localhost'}"  # the Host header is the client's: never trust it in an IRI
        return Response(HTTPStatus.OK, _description(base, self.endpoint.triples, choice), offers[choice])

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


def _asks_a_query(query_string: bytes) -> bool:
    """Whether the query string has a ``query`` or ``update`` parameter (only the keys are decoded: the worker reads the rest).

    >>> _asks_a_query(b"format=json&query=ASK%7B%7D"), _asks_a_query(b"qu%65ry=x"), _asks_a_query(b"queryx=1")
    (True, True, False)
    """
    for pair in query_string.split(b"&"):
        key = pair.split(b"=", 1)[0]
        if b"%" in key or b"+" in key:
            key = unquote_to_bytes(key.replace(b"+", b" "))
        if key in (b"query", b"update"):
            return True
    return False


def _refusal(exc: BaseException) -> Response:
    """The response to a job that ended in ``exc``: its status and a plain-text reason."""
    if isinstance(exc, Refusal):
        return Response.text(exc.status, exc.message, exc.headers)
    if isinstance(exc, QuerySyntaxError):
        return Response.text(HTTPStatus.BAD_REQUEST, f"{exc}\n{exc.caret()}")
    if isinstance(exc, QueryTooComplex | QueryFailed):
        return Response.text(HTTPStatus.BAD_REQUEST, str(exc))
    if isinstance(exc, UnsafeQuery):
        return Response.text(HTTPStatus.FORBIDDEN, str(exc))
    if isinstance(exc, NoSuchEntity):
        return Response.text(HTTPStatus.NOT_FOUND, str(exc))
    if isinstance(exc, Overloaded):
        return Response.text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": str(exc.retry_after)})
    if isinstance(exc, QueryTimeout | OutOfBounds | WorkerDied):
        return Response.text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
    if isinstance(exc, CareersError):
        return Response.text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
    raise exc


@functools.lru_cache(maxsize=32)
def _description(base: str, triples: int, choice: str) -> bytes:
    return service_description(base, triples, choice)


def _html(page: str) -> Response:
    return Response(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": _CSP})


@functools.cache
def _pages_csp() -> str:
    """The policy of the generated pages (inline script and style, no request), sent as a header that also forbids framing."""
    from graph.content_policy import PAGE_CSP

    return PAGE_CSP + "; frame-ancestors 'none'"
