"""SPARQL 1.1 result formats (JSON, XML, CSV, TSV), RDF formats for CONSTRUCT/DESCRIBE, and a terminal table.

Results are written here rather than by the engine so that a row limit can cut them short.

Examples
--------
>>> from pyoxigraph import Literal, NamedNode, Variable
>>> rows = [{"s": NamedNode("http://e/a"), "n": Literal("Ann", language="en")}]
>>> print(write_select(["s", "n"], rows, "csv").decode(), end="")
s,n
http://e/a,Ann
>>> write_select(["s", "n"], rows, "json").decode()
'{"head":{"vars":["s","n"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://e/a"},"n":{"type":"literal","value":"Ann","xml:lang":"en"}}]}}'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat
from pyoxigraph import serialize as rdf_serialize

from graph.iris import PREFIXES, curie

Term = NamedNode | BlankNode | Literal
"""An RDF term of a solution."""

__all__ = ["RDF_FORMATS", "RESULT_FORMATS", "render_term", "table", "write_ask", "write_graph", "write_select"]

RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
"""SELECT and ASK result formats and their media types."""

RDF_FORMATS = {
    "turtle": ("text/turtle; charset=utf-8", RdfFormat.TURTLE),
    "nt": ("application/n-triples", RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", RdfFormat.RDF_XML),
}
"""CONSTRUCT and DESCRIBE formats: media type and pyoxigraph format."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def escape(text: str) -> str:
    """Escape text for XML character data (xml.sax.saxutils would import urllib: 30 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Quote text as an XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;") + '"'


_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term: Term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv_field(term: Term | None) -> str:
    if term is None:
        return ""
    text = ("_:" + term.value) if isinstance(term, BlankNode) else term.value
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def render_term(term: Term) -> str:
    """A term in SPARQL/Turtle syntax (as TSV writes it): ``<iri>``, ``"text"@en``, ``_:b``."""
    return str(term)


def write_select(variables: Sequence[str], rows: Iterable[dict[str, Any]], fmt: str) -> bytes:
    """Write SELECT results (``rows`` map a variable name to a pyoxigraph term, absent when unbound)."""
    rows = list(rows)
    if fmt == "json":
        terms: dict[str, Any] = {}  # the same terms recur across rows: convert each once
        bindings = [
            {v: terms[t] if t in terms else terms.setdefault(t, _json_term(t)) for v in variables if (t := row.get(v)) is not None}
            for row in rows
        ]
        return orjson.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}})
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        body = "".join(
            "<result>"
            + "".join(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>" for v in variables if row.get(v) is not None)
            + "</result>"
            for row in rows
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>{body}</results></sparql>\n"
        ).encode()
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(_csv_field(row.get(v)) for v in variables) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)] + [
            "\t".join(render_term(row[v]) if row.get(v) is not None else "" for v in variables) for row in rows
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")


def write_ask(answer: bool, fmt: str) -> bytes:
    """Write an ASK answer."""
    word = "true" if answer else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode("utf-8")
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{word}</boolean></sparql>\n"
        ).encode()
    if fmt in ("csv", "tsv"):
        return f"{word}\n".encode()
    raise ValueError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")


def write_graph(triples: Iterable[Any], fmt: str) -> bytes:
    """Write CONSTRUCT/DESCRIBE triples, sorted so that the same answer gives the same bytes."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    ordered = sorted(triples, key=str)
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
    return rdf_serialize(ordered, format=RDF_FORMATS[fmt][1], prefixes=prefixes) or b""


def _short(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return curie(term.value) or f"<{term.value}>"
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    assert isinstance(term, Literal)
    return term.value + (f"@{term.language}" if term.language and term.language != "en" else "")


def table(variables: Sequence[str], rows: Sequence[dict[str, Any]], *, width: int = 60) -> str:
    """A plain-text table for a terminal: prefixed IRIs, bare literals, columns cut at ``width``."""
    cells = [[_short(row.get(v)).replace("\n", " ") for v in variables] for row in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in line] for line in cells]
    widths = [max([len(v)] + [len(line[i]) for line in cells]) for i, v in enumerate(variables)]
    out = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
