"""The project's namespaces, defined once, and a helper that binds every prefix the project uses.

Examples
--------
>>> from graph.namespaces import GCD, GCDC
>>> str(GCD["stream-it-security"])
'https://w3id.org/gc-digital-careers/id/stream-it-security'
>>> str(GCDC.WorkStream)
'https://w3id.org/gc-digital-careers/ontology#WorkStream'
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

__all__ = ["BASE_IRI", "GCD", "GCDC", "GCDC_IRI", "GCD_IRI", "ONTOLOGY_IRI", "PREFIXES", "SCHEMA", "bind_prefixes"]

BASE_IRI = "https://w3id.org/gc-digital-careers/"
GCDC_IRI = BASE_IRI + "ontology#"
GCD_IRI = BASE_IRI + "id/"
ONTOLOGY_IRI = BASE_IRI + "ontology"

GCD = Namespace(GCD_IRI)
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "gcdc": GCDC_IRI,
    "gcd": GCD_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
    "schema": str(SCHEMA),
}


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project's prefixes on ``g`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True, replace=True)
    return g


from graph.vocab import GCDC  # noqa: E402  (generated from the ontology; needs GCDC_IRI above)
