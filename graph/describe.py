"""Describe a built knowledge graph as a VoID and DCAT dataset: counts of triples, classes and entities.

Examples
--------
>>> from rdflib import Graph
>>> from graph.describe import statistics
>>> statistics(Graph())["triples"]
0
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from graph.iris import name_of
from graph.namespaces import GCD, GCDC_IRI, ONTOLOGY_IRI, SCHEMA, bind_prefixes

__all__ = ["DATASET", "describe", "statistics"]

DATASET = GCD["dataset"]
SOURCE_URL = URIRef("https://www.canada.ca/en/government/system/digital-government/gcdigital-community/careers-digital.html")
_MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json"}


def statistics(g: Graph) -> dict[str, Any]:
    """Count triples, entities (IRI subjects), classes, properties and instances per class."""
    per_class = Counter(o for o in g.objects(None, RDF.type) if isinstance(o, URIRef))
    return {
        "triples": len(g),
        "entities": len({s for s in g.subjects() if isinstance(s, URIRef)}),
        "classes": len(per_class),
        "properties": len(set(g.predicates())),
        "per_class": dict(sorted(per_class.items())),
    }


def describe(g: Graph, distributions: dict[str, int]) -> Graph:
    """Return a VoID/DCAT graph describing ``g``, with one distribution per ``{file name: byte size}``."""
    stats = statistics(g)
    d = bind_prefixes(Graph())
    d.add((DATASET, RDF.type, VOID.Dataset))
    d.add((DATASET, RDF.type, DCAT.Dataset))
    d.add((DATASET, DCTERMS.title, Literal("Government of Canada digital careers knowledge graph", lang="en")))
    d.add((DATASET, DCTERMS.title, Literal("Graphe de connaissances des carrières numériques du gouvernement du Canada", lang="fr")))
    d.add(
        (
            DATASET,
            DCTERMS.description,
            Literal(
                "Occupational groups, work streams, levels, roles, positions, responsibilities, competencies and progressions "
                "of the Government of Canada's digital community, each fact quoting its source.",
                lang="en",
            ),
        )
    )
    d.add((DATASET, DCTERMS.source, SOURCE_URL))
    d.add((DATASET, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    d.add((DATASET, VOID.uriSpace, Literal(str(GCD))))
    for vocabulary in (
        GCDC_IRI,
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/ns/prov#",
        "http://purl.org/dc/terms/",
        str(SCHEMA),
    ):
        d.add((DATASET, VOID.vocabulary, URIRef(vocabulary)))
    for key, prop in (("triples", VOID.triples), ("entities", VOID.entities), ("classes", VOID.classes), ("properties", VOID.properties)):
        d.add((DATASET, prop, Literal(stats[key], datatype=XSD.integer)))
    for cls, count in stats["per_class"].items():
        partition = GCD[f"dataset-class-{_slug(cls)}"]
        d.add((DATASET, VOID.classPartition, partition))
        d.add((partition, VOID["class"], cls))
        d.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    for name, size in sorted(distributions.items()):
        dist = GCD[f"dataset-distribution-{name.replace('.', '-')}"]
        d.add((DATASET, DCAT.distribution, dist))
        d.add((dist, RDF.type, DCAT.Distribution))
        d.add((dist, DCTERMS.title, Literal(name)))
        d.add((dist, DCAT.mediaType, Literal(_MEDIA_TYPES["." + name.rsplit(".", 1)[-1]])))
        d.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    return d


def _slug(cls: URIRef) -> str:
    text = str(cls)
    prefix = "gcdc" if text.startswith(GCDC_IRI) else text.split("/")[2].split(".")[-2] if "//" in text else "x"
    return f"{prefix}-{name_of(cls)}"
