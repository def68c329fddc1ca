"""Upload the built graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol, authenticated if the store asks.

One ``PUT`` replaces the named graph with the new content: the store applies it as a single request,
so readers see either the old graph or the new one. Works with Oxigraph (``/store``), Apache Jena
Fuseki (``/DATASET/data``), GraphDB (``/repositories/REPO/rdf-graphs/service``), Virtuoso
(``/sparql-graph-crud-auth``) and others.

Authentication (``auth``): ``auto`` answers the store's challenge, HTTP Digest or Basic, with the
user and password found (`graph.sparql.credentials`), or sends the bearer token found; ``basic``
sends Basic credentials with the upload; ``digest`` answers only a Digest challenge;
``bearer`` needs a token; ``none`` sends nothing. A password or token is never sent in clear over
``http://`` to another machine (Basic and bearer need ``https://`` there; Digest never sends the
password), and never printed.

Examples
--------
>>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/gc-digital-careers/id/dataset")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fgc-digital-careers%2Fid%2Fdataset'
"""

from __future__ import annotations

import base64
import ipaddress
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from graph.errors import CareersError
from graph.iris import GCD_IRI
from graph.sparql.credentials import Credentials

Signer = Callable[[urllib.request.Request], None]
"""Adds the ``Authorization`` header a request needs (if any)."""

__all__ = ["AUTH_SCHEMES", "DEFAULT_GRAPH", "PublishError", "graph_store_url", "publish"]

DEFAULT_GRAPH = GCD_IRI + "dataset"
"""The named graph the knowledge graph is published into, unless told otherwise."""
AUTH_SCHEMES = ("auto", "basic", "digest", "bearer", "none")


class PublishError(CareersError):
    """The store could not be reached, or refused the upload."""


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL for ``graph`` (``None``: the default graph)."""
    separator = "&" if urlsplit(endpoint).query else "?"
    return endpoint + separator + (f"graph={quote(graph, safe='')}" if graph else "default")


def publish(
    endpoint: str,
    ntriples: bytes,
    *,
    graph: str | None = DEFAULT_GRAPH,
    credentials: Credentials | None = None,
    auth: str = "auto",
    timeout: float = 60.0,
) -> int:
    """Replace ``graph`` at the Graph Store ``endpoint`` with ``ntriples``; return the HTTP status."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https"):
        raise PublishError(f"{endpoint}: give an http:// or https:// Graph Store endpoint")
    if parts.username or parts.password:
        raise PublishError("put the store's user and password in the environment or ~/.netrc, not in the URL")
    if auth not in AUTH_SCHEMES:
        raise PublishError(f"unknown authentication {auth!r}: one of {', '.join(AUTH_SCHEMES)}")
    url = graph_store_url(endpoint, graph)
    in_clear = parts.scheme == "http" and not _loopback(parts.hostname or "")
    sign = _signer(url, credentials, auth, in_clear=in_clear, timeout=timeout)
    refusal = _probe(url, sign, timeout)
    if refusal is not None:
        raise _refused(endpoint, refusal, credentials, auth)
    upload = urllib.request.Request(url, data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"})
    sign(upload)
    try:
        with urllib.request.build_opener().open(upload, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        raise _refused(endpoint, exc, credentials, auth) from None
    except (urllib.error.URLError, OSError) as exc:
        raise PublishError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None


def _probe(url: str, sign: Signer, timeout: float) -> urllib.error.HTTPError | None:
    """Send an empty ``POST`` to the graph (a Graph Store merge of nothing: no graph changes), signed; the 401 it gets, if any.

    A store answers a missing or wrong credential with 401, often before reading the body, and may drop the
    connection while a large body is still being sent: asking with no body first gives a clear answer.
    """
    probe = urllib.request.Request(url, data=b"", method="POST", headers={"Content-Type": "application/n-triples"})
    sign(probe)
    try:
        with urllib.request.build_opener().open(probe, timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc if exc.code == 401 else None  # another refusal (a 405, a 400 for the empty body) is the upload's to report
    except (urllib.error.URLError, OSError) as exc:
        raise PublishError(f"cannot reach {url.split('?')[0]}: {getattr(exc, 'reason', exc)}") from None


def _signer(url: str, credentials: Credentials | None, auth: str, *, in_clear: bool, timeout: float) -> Signer:
    """A function that adds the ``Authorization`` header (if any is to be sent) to a request for ``url``."""
    if auth == "none" or (credentials is None and auth == "auto"):
        return _header(None)
    if credentials is None:
        raise PublishError(f"--auth {auth} needs credentials: see `careers publish --help` for where they are read")
    if credentials.is_token:
        if auth not in ("auto", "bearer"):
            raise PublishError(f"--auth {auth} needs a user and password, but {credentials} was found")
        _refuse_in_clear(in_clear, "a bearer token")
        return _header(f"Bearer {credentials.secret}")
    if auth == "bearer":
        raise PublishError(f"--auth bearer needs a token, but {credentials} was found")
    if auth == "basic":
        _refuse_in_clear(in_clear, "Basic authentication")
        return _header(_basic(credentials))
    challenge = _probe(url, _header(None), timeout)
    scheme, _, params = (challenge.headers.get("WWW-Authenticate") or "" if challenge is not None else "").partition(" ")
    if scheme.lower() == "digest":
        return _digest(url, credentials, params)
    if scheme.lower() == "basic" and auth == "auto":
        _refuse_in_clear(in_clear, "Basic authentication")
        return _header(_basic(credentials))
    if scheme:
        raise PublishError(f"the store asks for {scheme} authentication, which --auth {auth} does not answer")
    return _header(None)  # the store asks for nothing


def _header(value: str | None) -> Signer:
    def sign(request: urllib.request.Request) -> None:
        if value is not None:
            request.add_unredirected_header("Authorization", value)

    return sign


def _digest(url: str, credentials: Credentials, params: str) -> Signer:
    """Sign each request with HTTP Digest (RFC 7616) for the store's challenge ``params``, counting the nonce's uses."""
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, credentials.user or "", credentials.secret)
    handler = urllib.request.HTTPDigestAuthHandler(passwords)
    challenge = urllib.request.parse_keqv_list([part for part in urllib.request.parse_http_list(params) if part])

    def sign(request: urllib.request.Request) -> None:
        answer = handler.get_authorization(request, challenge)
        if answer is None:
            raise PublishError(f"the store's Digest challenge cannot be answered (algorithm {challenge.get('algorithm', 'MD5')})")
        request.add_unredirected_header("Authorization", f"Digest {answer}")

    return sign


def _basic(credentials: Credentials) -> str:
    return "Basic " + base64.b64encode(f"{credentials.user}:{credentials.secret}".encode()).decode("ascii")


def _refused(endpoint: str, exc: urllib.error.HTTPError, credentials: Credentials | None, auth: str) -> PublishError:
    detail = exc.read(500).decode("utf-8", "replace").strip()
    message = f"{endpoint} refused the upload: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
    return PublishError(message + _hint(exc, credentials, auth))


def _refuse_in_clear(in_clear: bool, what: str) -> None:
    if in_clear:
        raise PublishError(f"{what} would cross the network in clear: use an https:// endpoint (or Digest authentication)")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hint(exc: urllib.error.HTTPError, credentials: Credentials | None, auth: str) -> str:
    """What to do about a 401: which credentials were tried, or where to put some."""
    if exc.code != 401:
        return ""
    challenge = (exc.headers.get("WWW-Authenticate") or "").split(" ", 1)[0]
    asked = f" (the store asks for {challenge})" if challenge else ""
    if credentials is None or auth == "none":
        return f"{asked}; give credentials in CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD, CAREERS_PUBLISH_TOKEN, or ~/.netrc"
    return f"{asked}; tried {credentials} with --auth {auth}"
