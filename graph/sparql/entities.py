r"""What the endpoint answers at ``/id/NAME``: the entity's triples as RDF, or its HTML page with labels.

The queries run where any query runs (in a query worker, under the same time limit) and are cut at a row limit.

Examples
--------
>>> from graph.sparql.workers import WorkerPool
>>> pool = WorkerPool(b'<https://w3id.org/gc-digital-careers/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n', size=1)
>>> "<h1>A</h1>" in entity_answer(pool.run, "a", "html").body.decode()
True
>>> pool.close()
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any

from graph.iris import GCD_IRI
from graph.sparql.engine import Answer
from graph.sparql.pages import entity_page

__all__ = ["NoSuchEntity", "entity_answer"]

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
_LABEL_OF = 'OPTIONAL { ?o rdfs:label ?ol FILTER (lang(?ol) = "en") }'


class NoSuchEntity(LookupError):
    """No entity of that name has any triple."""


def entity_answer(run: Callable[..., Answer], name: str, fmt: str, *, row_limit: int = 2000) -> Answer:
    """The entity ``GCD_IRI + name`` in ``fmt`` (``html`` or an RDF format); ``run(query, fmt, row_limit=)`` answers a query.

    Raises `NoSuchEntity` when the name is malformed or the entity has no triple.
    """
    if not _NAME.fullmatch(name):
        raise NoSuchEntity(f"no such entity: {name}")
    iri = GCD_IRI + name
    run = functools.partial(run, row_limit=row_limit)
    outgoing = _bindings(run(f"SELECT ?p ?o ?ol WHERE {{ <{iri}> ?p ?o {_LABEL_OF} }} ORDER BY ?p ?o", "json"))
    if not outgoing:
        raise NoSuchEntity(f"no such entity: {iri}")
    if fmt != "html":
        return run(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}", fmt)
    incoming = _bindings(run(f"SELECT ?p ?o ?ol WHERE {{ ?o ?p <{iri}> {_LABEL_OF} }} ORDER BY ?p ?o LIMIT 500", "json"))
    label = next((r["o"]["value"] for r in outgoing if r["p"]["value"].endswith("#label") and r["o"].get("xml:lang") == "en"), name)
    page = entity_page(iri, label, _pairs(outgoing), _pairs(incoming))
    return Answer("DESCRIBE", "text/html; charset=utf-8", page.encode("utf-8"))


def _bindings(answer: Answer) -> list[dict[str, Any]]:
    bindings: list[dict[str, Any]] = json.loads(answer.body)["results"]["bindings"]
    return bindings


def _pairs(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(row["p"], {**row["o"], "label": row.get("ol", {}).get("value")}) for row in rows]
