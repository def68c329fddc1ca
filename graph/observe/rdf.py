"""The observed aggregates in the graph: the data set's description and its published flows (no record, no withheld figure).

Two kinds of `gcdc:ObservedFlow`: between positions (and EX levels, and outside) pooled over the years, with no
``gcdc:year``; and between levels in one year, with its ``gcdc:year``. They are the same figures as the report's
and the pages' (`graph.observe.published`), so SPARQL, the report and the pages show the same numbers.

Examples
--------
>>> flow_iri(None, "promotion", "position-a", "position-b")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/observed-all-promotion--position-a--position-b')
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from graph.mobility.rdf import node_iri
from graph.namespaces import GCD, GCDC
from graph.observe.published import Published

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


def flow_iri(year: int | None, action: str, source: str, target: str) -> URIRef:
    """The IRI of the flow of ``action`` from ``source`` to ``target`` (empty: outside) in ``year`` (None: all years)."""
    return GCD[f"observed-{year if year is not None else 'all'}-{action}--{source or 'outside'}--{target or 'outside'}"]


def add_observed(g: Graph, data: Published) -> int:
    """Add the data set's description and every published flow to ``g``; return how many flows."""
    synthetic = " (synthetic)" if data.synthetic else ""
    d = data.dataset
    g.add((DATASET, RDF.type, GCDC.ObservedDataset))
    g.add((DATASET, RDFS.label, Literal(f"Observed personnel actions{synthetic}", lang="en")))
    g.add((DATASET, RDFS.label, Literal(f"Mouvements de personnel observés{' (synthétiques)' if synthetic else ''}", lang="fr")))
    g.add((DATASET, GCDC.synthetic, Literal(data.synthetic)))
    g.add((DATASET, GCDC.checksum, Literal(f"sha256:{d['checksum']}")))
    g.add((DATASET, GCDC.parameterName, Literal("min_cell")))
    g.add((DATASET, GCDC.parameterValue, Literal(str(data.threshold))))
    g.add((DATASET, PROV.wasDerivedFrom, GCD["disclosure-threshold"]))
    g.add((DATASET, SKOS.editorialNote, Literal(
        f"About {d['actions']} personnel actions (to the nearest ten) from {d['start']} to {d['end']} "
        f"in {', '.join(d['files'])}{synthetic}; "
        f"only counts of at least {data.threshold} people are published, and none that the published figures together would give away "
        f"({data.withheld} of {data.figures} figures withheld; {data.at_risk} at risk).", lang="en"
    )))  # fmt: skip
    added = 0
    rows: list[tuple[int | None, str, str, str, int]] = [(None, f.action, f.source, f.target, f.count) for f in data.flows]
    rows += [(f.year, f.action, f.source, f.target, f.count) for f in data.yearly]
    for year, action, source, target, count in rows:
        node = flow_iri(year, action, source, target)
        when = f", {year}" if year is not None else ", all years"
        g.add((node, RDF.type, GCDC.ObservedFlow))
        text = f"{count} {action} {source or 'from outside'} to {target or 'outside'}{when}{synthetic}"
        g.add((node, RDFS.label, Literal(text, lang="en")))
        g.add((node, GCDC.progressionKind, KIND_TERMS[action]))
        if source:
            g.add((node, GCDC.fromState, node_iri(source)))
        if target:
            g.add((node, GCDC.toState, node_iri(target)))
        if year is not None:
            g.add((node, GCDC.year, Literal(str(year), datatype=XSD.gYear)))
        g.add((node, GCDC["count"], Literal(count)))
        g.add((node, PROV.wasDerivedFrom, DATASET))
        added += 1
    return added
