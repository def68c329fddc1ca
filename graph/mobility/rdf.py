"""Write the inferred moves of the mobility graph back into the RDF graph, as progressions with basis inferred.

Each becomes a ``gcdc:Progression`` with ``gcdc:basis gcdc:Inferred``, its ``gcdc:score``, its
``gcdc:evidence`` in words and its ``gcdc:sharedCompetency`` list, so SPARQL users can query the
inferred moves and always tell them from what the source states (which carries ``gcdc:quote``).

Examples
--------
>>> progression_iri("lateral move", "position-a", "position-b")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/progression-inferred-lateral-move--position-a--position-b')
"""

from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from graph.namespaces import GCD, GCDC

__all__ = ["KIND_TERMS", "add_inferred_progressions", "progression_iri"]

KIND_TERMS = {"path change": GCDC.PathChange, "lateral move": GCDC.LateralMove}


def progression_iri(kind: str, source: str, target: str) -> URIRef:
    """The IRI of the inferred progression of ``kind`` from node ``source`` to node ``target``."""
    return GCD[f"progression-inferred-{kind.replace(' ', '-')}--{source}--{target}"]


def add_inferred_progressions(g: Graph, G: nx.MultiDiGraph, competency_ids: dict[str, str]) -> int:
    """Add every inferred edge of ``G`` to ``g`` (``competency_ids`` maps labels to ids); return how many."""
    count = 0
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
        if data["basis"] != "inferred":
            continue
        node = progression_iri(data["kind"], u, v)
        g.add((node, RDF.type, GCDC.Progression))
        g.add((node, RDFS.label, Literal(f"{G.nodes[u]['label']} to {G.nodes[v]['label']} ({data['kind']}, inferred)", lang="en")))
        g.add((node, GCDC.fromState, GCD[u]))
        g.add((node, GCDC.toState, GCD[v]))
        g.add((node, GCDC.progressionKind, KIND_TERMS[data["kind"]]))
        g.add((node, GCDC.basis, GCDC.Inferred))
        g.add((node, GCDC.score, Literal(f"{data['score']:.4f}", datatype=XSD.decimal)))
        g.add((node, GCDC.evidence, Literal(data["evidence"], lang="en")))
        for label in data["shared"]:
            if label in competency_ids:
                g.add((node, GCDC.sharedCompetency, GCD[competency_ids[label]]))
        for end in (u, v):
            stream = G.nodes[end].get("stream")
            if stream:
                g.add((node, PROV.wasDerivedFrom, GCD[stream]))
        count += 1
    return count
