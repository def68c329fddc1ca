r"""Read a SPARQL 1.1 Protocol request: the query it carries, and the format its answer should take.

Pure functions over what arrived (method, query string, content type, body, ``Accept``), so that they can
run wherever the work is done: in a query worker, off the server's event loop (`graph.sparql.workers`).
A request that cannot be answered as asked raises `Refusal` with its HTTP status.

Examples
--------
>>> request = HttpQuery("POST", b"", "application/sparql-query", b"ASK {}", "text/csv")
>>> query_of(request)
('ASK {}', {})
>>> result_format("ASK", {}, request.accept)
'csv'
>>> query_of(HttpQuery("GET", b"update=DROP+ALL", None, b"", None))
Traceback (most recent call last):
...
graph.sparql.protocol.Refusal: updates are not allowed: the endpoint is read-only
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qs

from graph.sparql.negotiate import best_match
from graph.sparql.results import RDF_FORMATS, RESULT_FORMATS

__all__ = ["RDF_OFFERS", "HttpQuery", "Refusal", "choose_format", "query_of", "result_format"]

RDF_OFFERS = {key: media for key, (media, _) in RDF_FORMATS.items()}
"""The RDF formats a graph answer (CONSTRUCT, DESCRIBE, an entity) can take, by key."""
_READ_ONLY = "updates are not allowed: the endpoint is read-only"


class Refusal(Exception):
    """A request the endpoint will not answer as asked: the status and the reason, in plain text."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@dataclass(frozen=True)
class HttpQuery:
    """What a query request brought: its method, raw query string, ``Content-Type``, body and ``Accept``."""

    method: str
    query_string: bytes
    content_type: str | None
    body: bytes
    accept: str | None

    def params(self) -> dict[str, list[str]]:
        """The URL's query parameters."""
        return parse_qs(self.query_string.decode("latin-1"), keep_blank_values=True)


def query_of(request: HttpQuery) -> tuple[str, dict[str, list[str]]]:
    """The query text of ``request`` and every parameter that came with it (URL and form).

    Raises `Refusal`: 403 for an update, 400 for no query, two queries, a query both in the URL and the
    body, dataset parameters or text that is not UTF-8, 415 for another content type.
    """
    params = request.params()
    if request.method in ("GET", "HEAD"):
        if "update" in params:
            raise Refusal(HTTPStatus.FORBIDDEN, _READ_ONLY)
        if "query" not in params:
            raise Refusal(HTTPStatus.BAD_REQUEST, "no query parameter")
        return _checked(_one(params["query"]), params)
    media = (request.content_type or "").split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        try:
            form = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise Refusal(HTTPStatus.BAD_REQUEST, "the form is not UTF-8") from None
        if "update" in form:
            raise Refusal(HTTPStatus.FORBIDDEN, _READ_ONLY)
        if "query" not in form:
            raise Refusal(HTTPStatus.BAD_REQUEST, "the form has no query parameter")
        return _checked(_one(form["query"]), {**params, **form})
    if media == "application/sparql-query":
        if "query" in params:
            raise Refusal(HTTPStatus.BAD_REQUEST, "give the query in the body or in the URL, not both")
        try:
            return _checked(request.body.decode("utf-8"), params)
        except UnicodeDecodeError:
            raise Refusal(HTTPStatus.BAD_REQUEST, "the query is not UTF-8") from None
    if media == "application/sparql-update":
        raise Refusal(HTTPStatus.FORBIDDEN, _READ_ONLY)
    raise Refusal(
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        f"unsupported Content-Type {media or '(none)'}: use application/x-www-form-urlencoded or application/sparql-query",
    )


def result_format(form: str, params: dict[str, list[str]], accept: str | None) -> str:
    """The format of the answer to a query of ``form``: a result format for SELECT and ASK, an RDF format for graphs."""
    return choose_format(params, accept, RESULT_FORMATS if form in ("SELECT", "ASK") else RDF_OFFERS)


def choose_format(params: dict[str, list[str]], accept: str | None, offers: dict[str, str]) -> str:
    """The format asked for by ``?format=``, or else the best of ``offers`` for ``accept``; 406 when none fits."""
    requested = params.get("format", [None])[0]
    fmt = requested if requested in offers else best_match(accept, offers)
    if fmt is None:
        raise Refusal(HTTPStatus.NOT_ACCEPTABLE, "no acceptable format; offered: " + ", ".join(offers.values()))
    return fmt


def _checked(query: str, params: dict[str, list[str]]) -> tuple[str, dict[str, list[str]]]:
    if any(name in params for name in ("default-graph-uri", "named-graph-uri")):
        raise Refusal(
            HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: queries run on this knowledge graph only"
        )
    return query, params


def _one(values: list[str]) -> str:
    if len(values) != 1:
        raise Refusal(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
    return values[0]
