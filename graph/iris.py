"""The project's IRIs and prefixes as plain strings, defined once (no rdflib import: the query CLI starts fast).

Examples
--------
>>> GCD_IRI
'https://w3id.org/gc-digital-careers/id/'
>>> PREFIXES["gcdc"] == GCDC_IRI
True
"""

from __future__ import annotations

__all__ = ["BASE_IRI", "GCDC_IRI", "GCD_IRI", "ONTOLOGY_IRI", "PREFIXES", "curie"]

BASE_IRI = "https://w3id.org/gc-digital-careers/"
GCDC_IRI = BASE_IRI + "ontology#"
GCD_IRI = BASE_IRI + "id/"
ONTOLOGY_IRI = BASE_IRI + "ontology"

PREFIXES: dict[str, str] = {
    "gcdc": GCDC_IRI,
    "gcd": GCD_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "sh": "http://www.w3.org/ns/shacl#",
    "schema": "https://schema.org/",
}
"""Prefixes bound in every output and predeclared in every query."""


def curie(iri: str) -> str | None:
    """``prefix:name`` for an IRI under one of `PREFIXES`, else ``None`` (also when the name would hold ``/`` or ``#``).

    >>> curie("https://w3id.org/gc-digital-careers/id/role-director"), curie("https://example.org/x")
    ('gcd:role-director', None)
    """
    for prefix, base in PREFIXES.items():
        name = iri[len(base) :]
        if iri.startswith(base) and name and "/" not in name and "#" not in name:
            return f"{prefix}:{name}"
    return None
