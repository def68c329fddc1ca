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

from graph.iris import BASE_IRI, GCD_IRI, GCDC_IRI, ONTOLOGY_IRI, PREFIXES

__all__ = ["BASE_IRI", "GCD", "GCDC", "GCDC_IRI", "GCD_IRI", "ONTOLOGY_IRI", "PREFIXES", "SCHEMA", "bind_prefixes"]

GCD = Namespace(GCD_IRI)
SCHEMA = Namespace(PREFIXES["schema"])


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project's prefixes on ``g`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True, replace=True)
    return g


from graph.vocab import GCDC  # noqa: E402  (generated from the ontology; needs GCDC_IRI above)
