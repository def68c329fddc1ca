"""Upload the built graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

One ``PUT`` replaces the named graph with the new content: the store applies it as a single request,
so readers see either the old graph or the new one. Works with Oxigraph (``/store``), Apache Jena
Fuseki (``/DATASET/data``), GraphDB (``/repositories/REPO/rdf-graphs/service``), Virtuoso
(``/sparql-graph-crud``) and others.

Examples
--------
>>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/gc-digital-careers/id/dataset")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fgc-digital-careers%2Fid%2Fdataset'
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

from graph.errors import CareersError
from graph.iris import GCD_IRI

__all__ = ["DEFAULT_GRAPH", "PublishError", "graph_store_url", "publish"]

DEFAULT_GRAPH = GCD_IRI + "dataset"
"""The named graph the knowledge graph is published into, unless told otherwise."""


class PublishError(CareersError):
    """The store could not be reached, or refused the upload."""


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL for ``graph`` (``None``: the default graph)."""
    separator = "&" if urlsplit(endpoint).query else "?"
    return endpoint + separator + (f"graph={quote(graph, safe='')}" if graph else "default")


def publish(endpoint: str, ntriples: bytes, *, graph: str | None = DEFAULT_GRAPH, timeout: float = 60.0) -> int:
    """Replace ``graph`` at the Graph Store ``endpoint`` with ``ntriples``; return the HTTP status."""
    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise PublishError(f"{endpoint}: give an http:// or https:// Graph Store endpoint")
    request = urllib.request.Request(
        graph_store_url(endpoint, graph), data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the scheme is checked above)
            return response.status
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise PublishError(f"{endpoint} refused the upload: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PublishError(f"cannot reach {endpoint}: {reason}") from None
