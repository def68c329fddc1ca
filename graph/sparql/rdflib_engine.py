r"""rdflib's own SPARQL engine behind the same interface as `graph.sparql.engine.Engine`, for comparison.

The embedded Oxigraph engine is the default (much faster); this one exists so that tests can show
both give the same answers and the benchmark can compare them. Queries pass the same guard, and
always the second layer too (`graph.sparql.guard.check_parsed`), which reads the query with this engine's own parser.

Examples
--------
>>> engine = RdflibEngine.from_ntriples(b'<http://e/a> <http://e/p> "x" .\n')
>>> engine.run("SELECT ?o WHERE { ?s ?p ?o }", "csv").body
b'o\r\nx\r\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.iris import PREFIXES
from graph.sparql.engine import DEFAULT_ROW_LIMIT, Answer
from graph.sparql.guard import QuerySyntaxError, check_parsed, inspect_query
from graph.sparql.results import RDF_FORMATS, RESULT_FORMATS, Term, table, write_ask, write_graph, write_select

if TYPE_CHECKING:
    from rdflib.query import ResultRow
    from rdflib.term import Node

__all__ = ["RdflibEngine"]


def _to_oxigraph(term: Node | None) -> Term | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))


class RdflibEngine:
    """An rdflib graph and `run`, answering like `graph.sparql.engine.Engine.run`."""

    def __init__(self, g: Graph) -> None:
        self.g = g

    @classmethod
    def from_ntriples(cls, data: bytes) -> RdflibEngine:
        """Parse N-Triples bytes into a new rdflib graph."""
        return cls(Graph().parse(data=data, format="nt"))

    def run(self, query: str, fmt: str = "json", *, row_limit: int = DEFAULT_ROW_LIMIT) -> Answer:
        """Guard and run ``query`` with rdflib's engine; see `graph.sparql.engine.Engine.run`."""
        info = inspect_query(query)
        form = info.form
        try:
            check_parsed(info.text)  # rdflib's own reading of what it is about to run: exact for this engine
        except QuerySyntaxError as exc:
            raise exc.relocated(query, info) from None
        result = self.g.query(info.text, initNs=PREFIXES)
        if result.type == "ASK":
            fmt = "json" if fmt not in RESULT_FORMATS and fmt != "table" else fmt
            if fmt == "table":
                return Answer(form, "text/plain; charset=utf-8", f"{str(result.askAnswer).lower()}\n".encode())
            return Answer(form, RESULT_FORMATS[fmt], write_ask(bool(result.askAnswer), fmt))
        if result.type == "SELECT":
            variables = [str(v) for v in result.vars or ()]
            solutions = cast("Iterable[ResultRow]", result)
            rows = [{v: _to_oxigraph(row[v]) for v in variables} for _, row in zip(range(row_limit + 1), solutions, strict=False)]
            truncated = len(rows) > row_limit
            rows = rows[:row_limit]
            if fmt == "table":
                return Answer(form, "text/plain; charset=utf-8", (table(variables, rows) + "\n").encode(), truncated)
            fmt = fmt if fmt in RESULT_FORMATS else "json"
            return Answer(form, RESULT_FORMATS[fmt], write_select(variables, rows, fmt), truncated)
        triples = [
            ox.Triple(*map(_to_oxigraph, triple))  # type: ignore[arg-type]  # a constructed triple's terms are never unbound
            for triple in cast("Iterable[tuple[Node, Node, Node]]", result)
        ]
        fmt = fmt if fmt in RDF_FORMATS else "turtle"
        return Answer(form, RDF_FORMATS[fmt][0], write_graph(triples[:row_limit], fmt), len(triples) > row_limit)
