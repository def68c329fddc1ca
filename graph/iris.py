"""The project's IRIs and prefixes as plain strings, defined once (no rdflib import: the query CLI starts fast).

Examples
--------
>>> GCD_IRI
'https://w3id.org/gc-digital-careers/id/'
>>> PREFIXES["gcdc"] == GCDC_IRI
True
"""

from __future__ import annotations

import re

__all__ = ["BASE_IRI", "GCDC_IRI", "GCD_IRI", "ONTOLOGY_IRI", "PREFIXES", "curie", "iri_of", "name_of", "node_id"]

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


def node_id(iri: str) -> str:
    """The id of a node of the graph: its name in the instance namespace, or its whole IRI when it is in another one.

    Two namespaces' ``stream-x`` stay two nodes; `iri_of` turns an id back into its IRI.

    >>> node_id(GCD_IRI + "role-director"), node_id("https://example.org/a/stream-x")
    ('role-director', 'https://example.org/a/stream-x')
    """
    return iri[len(GCD_IRI) :] if iri.startswith(GCD_IRI) else iri


def iri_of(node: str) -> str:
    """The IRI of a node id (`node_id`'s inverse).

    >>> iri_of("role-director"), iri_of("https://example.org/a/stream-x")
    ('https://w3id.org/gc-digital-careers/id/role-director', 'https://example.org/a/stream-x')
    """
    return node if "://" in node else GCD_IRI + node


def name_of(iri: str) -> str:
    """A readable name for an IRI: its id in the instance namespace, else what follows its last ``/`` or ``#``.

    Not unique (``stream-x`` of two namespaces): for labels and the readable part of a new IRI; `node_id` tells nodes apart.

    >>> name_of(GCD_IRI + "role-director"), name_of("https://example.org/a/stream-x"), name_of("http://www.w3.org/2002/07/owl#Class")
    ('role-director', 'stream-x', 'Class')
    """
    return iri[len(GCD_IRI) :] if iri.startswith(GCD_IRI) else re.split(r"[/#]", iri)[-1]
