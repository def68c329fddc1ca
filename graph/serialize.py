"""Serialise graphs byte-identically for the same triples: Turtle, N-Triples and JSON-LD.

Blank nodes (which only users' extra files bring) are first relabelled canonically, so their random
parser-assigned ids never reach an output.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("http://e/b"), URIRef("http://e/p"), Literal("x")))
>>> _ = g.add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("y")))
>>> print(serialize(g, "nt"), end="")
<http://e/a> <http://e/p> "y" .
<http://e/b> <http://e/p> "x" .
"""

from __future__ import annotations

import json

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from graph.namespaces import PREFIXES, bind_prefixes

__all__ = ["FORMATS", "serialize"]

FORMATS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}
"""Formats `serialize` writes, with their file suffixes."""


def serialize(g: Graph, fmt: str) -> str:
    """Return ``g`` in ``fmt`` (one of `FORMATS`), deterministically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if any(isinstance(node, BNode) for triple in g for node in triple):
        g = bind_prefixes(_copy(to_canonical_graph(g)))
    if fmt == "nt":
        lines = sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())
        return "\n".join(lines) + "\n"
    if fmt == "json-ld":
        data = json.loads(g.serialize(format="json-ld", context=dict(sorted(PREFIXES.items())), auto_compact=True))
        return json.dumps(_sorted_json(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return g.serialize(format="longturtle")


def _copy(source: Graph) -> Graph:
    g = Graph()
    for triple in source:
        g.add(triple)
    return g


def _sorted_json(value):
    """Sort every JSON array by its members' text, recursively, so that set order never shows."""
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value
