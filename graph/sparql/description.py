"""The SPARQL 1.1 Service Description of the endpoint, in Turtle, N-Triples or JSON-LD.

Examples
--------
>>> b"sd:endpoint <http://localhost/sparql>" in service_description("http://localhost", 3, "turtle")
True
"""

from __future__ import annotations

from graph.sparql.results import RDF_FORMATS

__all__ = ["service_description"]

_FORMATS = [
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
]


def service_description(base: str, triples: int, fmt: str) -> bytes:
    """Describe the endpoint at ``base``/sparql serving ``triples`` triples, in ``fmt`` (``turtle``, ``nt`` or ``jsonld``)."""
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in _FORMATS)
    turtle = (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        "@prefix void: <http://rdfs.org/ns/void#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        f"<{base}/sparql> a sd:Service ;\n"
        f"    sd:endpoint <{base}/sparql> ;\n"
        "    sd:supportedLanguage sd:SPARQL11Query ;\n"
        f"    sd:resultFormat {formats} ;\n"
        '    dcterms:title "Government of Canada digital careers knowledge graph (read-only)"@en ;\n'
        "    sd:defaultDataset [ a sd:Dataset ;\n"
        f"        sd:defaultGraph [ a sd:Graph , void:Dataset ; void:triples {triples} ] ] .\n"
    ).encode()
    if fmt == "turtle":
        return turtle
    from pyoxigraph import RdfFormat, parse, serialize

    written = serialize(list(parse(turtle, format=RdfFormat.TURTLE)), format=RDF_FORMATS[fmt][1])
    assert written is not None, "no output file given: Oxigraph returns the bytes"
    return written
