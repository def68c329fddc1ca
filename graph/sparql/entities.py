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


def _label_of(lang: str) -> str:
    """The label ``?ol`` of ``?o`` in ``lang``, else in English, and its language ``?oll``."""
    return (
        f'OPTIONAL {{ ?o rdfs:label ?mine FILTER (lang(?mine) = "{lang}") }} '
        'OPTIONAL { ?o rdfs:label ?english FILTER (lang(?english) = "en") } '
        "BIND (COALESCE(?mine, ?english) AS ?ol) BIND (lang(?ol) AS ?oll)"
    )


class NoSuchEntity(LookupError):
    """No entity of that name has any triple."""


def entity_answer(run: Callable[..., Answer], name: str, fmt: str, *, row_limit: int = 2000, lang: str = "en") -> Answer:
    """The entity ``GCD_IRI + name`` in ``fmt`` (``html`` or an RDF format); ``run(query, fmt, row_limit=)`` answers a query.

    The HTML page is in ``lang`` (``en`` or ``fr``), things named by their labels in it where they have one.
    Raises `NoSuchEntity` when the name is malformed or the entity has no triple.
    """
    lang = lang if lang in ("en", "fr") else "en"
    if not _NAME.fullmatch(name):
        raise NoSuchEntity(f"no such entity: {name}")
    iri = GCD_IRI + name
    run = functools.partial(run, row_limit=row_limit)
    outgoing = _bindings(run(f"SELECT ?p ?o ?ol ?oll WHERE {{ <{iri}> ?p ?o {_label_of(lang)} }} ORDER BY ?p ?o", "json"))
    if not outgoing:
        raise NoSuchEntity(f"no such entity: {iri}")
    if fmt != "html":
        return run(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}", fmt)
    incoming = _bindings(run(f"SELECT ?p ?o ?ol ?oll WHERE {{ ?o ?p <{iri}> {_label_of(lang)} }} ORDER BY ?p ?o LIMIT 500", "json"))
    labels = {r["o"].get("xml:lang"): r["o"]["value"] for r in outgoing if r["p"]["value"].endswith("#label")}
    label_lang = lang if lang in labels else "en" if "en" in labels else None
    page = entity_page(iri, labels.get(label_lang, name), _pairs(outgoing), _pairs(incoming), lang, label_lang)
    return Answer("DESCRIBE", "text/html; charset=utf-8", page.encode("utf-8"))


def _bindings(answer: Answer) -> list[dict[str, Any]]:
    bindings: list[dict[str, Any]] = json.loads(answer.body)["results"]["bindings"]
    return bindings


def _pairs(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [
        (row["p"], {**row["o"], "label": row.get("ol", {}).get("value"), "label_lang": row.get("oll", {}).get("value")}) for row in rows
    ]
