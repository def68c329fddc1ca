"""The observed aggregates in the graph: the data set's description and its published flows (no record, no small cell).

Examples
--------
>>> flow_iri("2020", "promotion", "position-a", "position-b")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/observed-2020-promotion--position-a--position-b')
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from graph.mobility.rdf import node_iri
from graph.namespaces import GCD, GCDC

__all__ = ["DATASET", "KIND_TERMS", "add_observed", "flow_iri"]

DATASET = GCD["observed-dataset"]
"""The observed data set's node."""
KIND_TERMS = {
    "promotion": GCDC.Promotion,
    "deployment": GCDC.Deployment,
    "acting-start": GCDC.ActingAppointment,
    "appointment": GCDC.ExecutiveAppointment,
    "hire": GCDC.Entry,
    "demotion": GCDC.Demotion,
    "departure": GCDC.Departure,
}


def flow_iri(year, action: str, source: str, target: str) -> URIRef:
    """The IRI of the flow of ``action`` from ``source`` to ``target`` (empty: outside) in ``year``."""
    return GCD[f"observed-{year}-{action}--{source or 'outside'}--{target or 'outside'}"]


def add_observed(g: Graph, dataset: dict, flows: list[dict], *, threshold: int) -> int:
    """Add the data set's description and every published flow (count not ``None``) to ``g``; return how many flows."""
    synthetic = " (synthetic)" if dataset.get("synthetic") else ""
    g.add((DATASET, RDF.type, GCDC.ObservedDataset))
    g.add((DATASET, RDFS.label, Literal(f"Observed personnel actions{synthetic}", lang="en")))
    g.add((DATASET, RDFS.label, Literal(f"Mouvements de personnel observés{' (synthétiques)' if synthetic else ''}", lang="fr")))
    g.add((DATASET, GCDC.synthetic, Literal(bool(dataset.get("synthetic")))))
    g.add((DATASET, GCDC.checksum, Literal(f"sha256:{dataset['checksum']}")))
    g.add((DATASET, GCDC.parameterName, Literal("min_cell")))
    g.add((DATASET, GCDC.parameterValue, Literal(str(threshold))))
    g.add((DATASET, PROV.wasDerivedFrom, GCD["disclosure-threshold"]))
    g.add((DATASET, SKOS.editorialNote, Literal(
        f"{dataset['actions']} personnel actions from {dataset['start']} to {dataset['end']} in {', '.join(dataset['files'])}{synthetic}; "
        f"only counts of at least {threshold} people are published, and none that a total would give away.", lang="en"
    )))  # fmt: skip
    added = 0
    for f in flows:
        if f["count"] is None:
            continue
        node = flow_iri(f["year"], f["action"], f["from"], f["to"])
        g.add((node, RDF.type, GCDC.ObservedFlow))
        g.add(
            (
                node,
                RDFS.label,
                Literal(
                    f"{f['count']} {f['action']} {f['from'] or 'from outside'} to {f['to'] or 'outside'}, {f['year']}{synthetic}", lang="en"
                ),
            )
        )
        g.add((node, GCDC.progressionKind, KIND_TERMS[f["action"]]))
        if f["from"]:
            g.add((node, GCDC.fromState, node_iri(f["from"])))
        if f["to"]:
            g.add((node, GCDC.toState, node_iri(f["to"])))
        g.add((node, GCDC.year, Literal(str(f["year"]), datatype=XSD.gYear)))
        g.add((node, GCDC["count"], Literal(f["count"])))
        g.add((node, PROV.wasDerivedFrom, DATASET))
        added += 1
    return added
