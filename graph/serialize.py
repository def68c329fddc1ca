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
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from graph.namespaces import PREFIXES, bind_prefixes

if TYPE_CHECKING:
    from pyoxigraph import RdfFormat

__all__ = ["FORMATS", "serialize", "serialize_all", "serialized"]

FORMATS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}
"""Formats `serialize` writes, with their file suffixes."""


def serialize(g: Graph, fmt: str) -> str:
    """Return ``g`` in ``fmt`` (one of `FORMATS`), deterministically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return serialize_all(g, (fmt,))[fmt]


def serialize_all(g: Graph, formats: Iterable[str] = tuple(FORMATS)) -> dict[str, str]:
    """Return ``g`` in each of ``formats``, from one sorted N-Triples text (see `serialized`)."""
    return {fmt: data.decode("utf-8") for fmt, data in serialized(g, formats)}


def _oxigraph(nt: bytes, fmt: RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    """Sorted N-Triples ``nt`` in another format, written by Oxigraph."""
    from pyoxigraph import RdfFormat, parse, serialize

    written = serialize(parse(nt, format=RdfFormat.N_TRIPLES), format=fmt, prefixes=prefixes)
    assert written is not None, "no output file given: Oxigraph returns the bytes"
    return written


def serialized(g: Graph, formats: Iterable[str] = tuple(FORMATS)) -> Iterator[tuple[str, bytes]]:
    """Yield ``(format, UTF-8 bytes)`` for each of ``formats``, one at a time (a caller can write each and let it go).

    rdflib writes the sorted N-Triples; Oxigraph (40 to 100 times faster than rdflib's writers) turns them, in that
    order, into Turtle and JSON-LD (expanded, with the project's prefixes as context; one line per document part,
    not indented: the file is for programs, and never parsed back into Python objects here).
    """
    if any(isinstance(node, BNode) for triple in g for node in triple):
        g = bind_prefixes(_copy(to_canonical_graph(g)))
    lines: list[bytes] = [line for line in g.serialize(format="nt", encoding="utf-8").splitlines() if line.strip()]
    lines.sort()
    lines.append(b"")  # the last line's end: joined once, not copied again to add it (a copy of the whole graph's text)
    nt = b"\n".join(lines)
    del lines
    if "nt" in formats:
        yield "nt", nt
    if "turtle" in formats or "json-ld" in formats:
        from pyoxigraph import RdfFormat

        if "turtle" in formats:
            yield "turtle", _oxigraph(nt, RdfFormat.TURTLE, prefixes=PREFIXES)
        if "json-ld" in formats:  # Oxigraph's expanded array, wrapped as the graph of a document with the prefixes as context
            expanded = _oxigraph(nt, RdfFormat.JSON_LD)
            start, end = _inner(expanded)  # joined as a view: the array is copied once, into the document
            context = json.dumps(dict(sorted(PREFIXES.items())), ensure_ascii=False).encode("utf-8")
            yield "json-ld", b"".join((b'{"@context": ', context, b',\n"@graph": ', memoryview(expanded)[start:end], b"}\n"))


def _inner(text: bytes) -> tuple[int, int]:
    """Where ``text`` starts and ends less its surrounding white space (without copying it, as ``strip`` would)."""
    start, end = 0, len(text)
    while start < end and text[start] in b" \t\r\n":
        start += 1
    while end > start and text[end - 1] in b" \t\r\n":
        end -= 1
    return start, end


def _copy(source: Graph) -> Graph:
    g = Graph()
    for triple in source:
        g.add(triple)
    return g
