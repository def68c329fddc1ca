r"""Read the facts the mobility analysis needs from an RDF graph, through SPARQL, on rdflib or pyoxigraph.

The same queries run on the rdflib graph during ``careers build`` and on an embedded Oxigraph store
loaded from ``outputs/knowledge-graph.nt`` for the fast commands (``careers path`` ...).

Examples
--------
>>> src = OxigraphStore.from_ntriples(b'<http://e/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n')
>>> src.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }")
[{'s': 'http://e/a', 'l': 'A'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib takes a third of a second to import: the fast commands read Oxigraph only
    from rdflib import Graph
    from rdflib.query import ResultRow

from graph.iris import PREFIXES

__all__ = ["OxigraphStore", "RdflibStore", "Row", "Store", "store_for"]

_PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


class Row(dict[str, "str | None"]):
    """One solution of a SELECT query: ``row[var]`` is a bound variable's value, ``row.get(var)`` an OPTIONAL one's.

    >>> row = Row(s="http://e/a", note=None)
    >>> row["s"], row.get("note")
    ('http://e/a', None)
    >>> row["note"]
    Traceback (most recent call last):
    KeyError: "?note is unbound in this solution (read an OPTIONAL variable with row.get('note'))"
    """

    def __getitem__(self, var: str) -> str:
        value = super().__getitem__(var)
        if value is None:
            raise KeyError(f"?{var} is unbound in this solution (read an OPTIONAL variable with row.get({var!r}))")
        return value


class Store(Protocol):
    """Anything that answers a SELECT query with rows of plain strings (``None`` when unbound)."""

    def select(self, query: str) -> list[Row]:
        """Run ``query``; return its rows as ``{variable: value}``."""
        ...


class OxigraphStore:
    """An embedded Oxigraph store."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_ntriples(cls, data: bytes, *, lenient: bool = False) -> OxigraphStore:
        """Load N-Triples bytes; ``lenient`` skips the checks of IRIs and literals (for files the build wrote: a third faster)."""
        from pyoxigraph import RdfFormat

        store = ox.Store()
        store.load(data, format=RdfFormat.N_TRIPLES, lenient=lenient)
        return cls(store)

    def select(self, query: str) -> list[Row]:
        """Run ``query``; return its rows as ``{variable: value}``."""
        result = self.store.query(_PROLOGUE + query)
        assert isinstance(result, ox.QuerySolutions), "a SELECT query"
        names = [v.value for v in result.variables]
        return [Row((n, t.value if t is not None else None) for n, t in zip(names, solution, strict=True)) for solution in result]


class RdflibStore:
    """An rdflib graph."""

    def __init__(self, g: Graph) -> None:
        self.g = g

    def select(self, query: str) -> list[Row]:
        """Run ``query``; return its rows as ``{variable: value}``."""
        result = self.g.query(_PROLOGUE + query)
        names = [str(v) for v in result.vars or ()]
        return [Row((n, str(row[n]) if row[n] is not None else None) for n in names) for row in cast("Iterable[ResultRow]", result)]


def store_for(path: Path) -> OxigraphStore:
    """An `OxigraphStore` over a built N-Triples file."""
    return OxigraphStore.from_ntriples(path.read_bytes())
