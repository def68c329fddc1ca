r"""Run guarded read-only SPARQL queries on an embedded Oxigraph store (pyoxigraph) holding the built graph.

Examples
--------
>>> from graph.sparql.engine import Engine
>>> engine = Engine.from_ntriples(b'<http://e/a> <http://e/p> "x" .\n')
>>> engine.run("SELECT ?o WHERE { ?s ?p ?o }", "csv").body
b'o\r\nx\r\n'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import QueryBoolean, QuerySolutions, RdfFormat, Store, Triple

from graph.iris import PREFIXES
from graph.sparql.guard import QueryInfo, QuerySyntaxError, inspect_query
from graph.sparql.results import RDF_FORMATS, RESULT_FORMATS, table, write_ask, write_graph, write_select

__all__ = ["DEFAULT_ROW_LIMIT", "Answer", "Engine"]

DEFAULT_ROW_LIMIT = 10_000
"""Most rows (or triples) one answer may hold; the rest are cut and ``Answer.truncated`` is set."""


@dataclass(frozen=True)
class Answer:
    """A query's answer, written in the format asked for."""

    form: str
    media_type: str
    body: bytes
    truncated: bool = False


class Engine:
    """An in-memory Oxigraph store with the knowledge graph, and the one way to query it: `run`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def from_ntriples(cls, data: bytes) -> Engine:
        """Load N-Triples bytes into a new store."""
        store = Store()
        store.load(data, format=RdfFormat.N_TRIPLES)
        return cls(store)

    @classmethod
    def from_files(cls, paths: list[Path]) -> Engine:
        """Load built graph files (N-Triples or Turtle, by suffix) into a new store."""
        store = Store()
        for path in paths:
            store.load(path=str(path), format=RdfFormat.N_TRIPLES if path.suffix == ".nt" else RdfFormat.TURTLE)
        return cls(store)

    def run(self, query: str, fmt: str = "json", *, row_limit: int = DEFAULT_ROW_LIMIT) -> Answer:
        """Guard, run and write ``query``; ``fmt`` is a result format for SELECT/ASK or an RDF format for graphs.

        ``fmt`` may also be ``"table"`` for a terminal table. A format that does not suit the query form
        falls back to the form's default (JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE).
        Raises `graph.sparql.guard.UnsafeQuery` or `QuerySyntaxError` before anything runs.
        """
        info = inspect_query(query)
        try:
            result = self.store.query(info.text, prefixes=PREFIXES)  # the guard's reading, not the raw text: see graph.sparql.guard
        except SyntaxError as exc:
            raise _syntax_error(exc, query, info) from None
        if isinstance(result, QueryBoolean):
            answer = bool(result)
            if fmt == "table":
                return Answer(info.form, "text/plain; charset=utf-8", f"{str(answer).lower()}\n".encode())
            fmt = fmt if fmt in RESULT_FORMATS else "json"
            return Answer(info.form, RESULT_FORMATS[fmt], write_ask(answer, fmt))
        if isinstance(result, QuerySolutions):
            variables = [v.value for v in result.variables]
            rows: list[dict[str, Any]] = []
            truncated = False
            for solution in result:
                if len(rows) == row_limit:
                    truncated = True
                    break
                rows.append(dict(zip(variables, solution, strict=True)))  # by position: twice as fast as by name
            if fmt == "table":
                return Answer(info.form, "text/plain; charset=utf-8", (table(variables, rows) + "\n").encode(), truncated)
            fmt = fmt if fmt in RESULT_FORMATS else "json"
            return Answer(info.form, RESULT_FORMATS[fmt], write_select(variables, rows, fmt), truncated)
        triples: list[Triple] = []
        truncated = False
        for triple in result:
            if len(triples) == row_limit:
                truncated = True
                break
            triples.append(triple)
        fmt = fmt if fmt in RDF_FORMATS else "turtle"
        return Answer(info.form, RDF_FORMATS[fmt][0], write_graph(triples, fmt), truncated)


def _syntax_error(exc: SyntaxError, query: str, info: QueryInfo) -> QuerySyntaxError:
    """Turn Oxigraph's ``error at LINE:COLUMN: message`` into a `QuerySyntaxError` at the same place of ``query``."""
    import re

    text = str(exc)
    match = re.match(r"error at (\d+):(\d+):\s*(.*)", text, re.DOTALL)
    if match:
        error = QuerySyntaxError(f"syntax error: {match.group(3)}", info.text, int(match.group(1)), int(match.group(2)))
        return error.relocated(query, info)
    return QuerySyntaxError(f"syntax error: {text}", query)
