"""A projection in the graph: what it was fitted on, how it was drawn, what it assumes, and the stocks it gives.

So that SPARQL answers "what did this projection assume?" (``ontology/queries/projection-assumptions.rq``) with the
same words as the report, and the projected stocks beside the observed ones.

Examples
--------
>>> stock_iri(2030, "level-it-03")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/projection-2030-level-it-03')
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from graph.mobility.rdf import node_iri
from graph.namespaces import GCD, GCDC
from graph.project.projection import Projection

__all__ = ["PROJECTION", "add_projection", "stock_iri"]

PROJECTION = GCD["projection"]
"""The projection's node (one per build)."""


def stock_iri(year: int, level: str) -> URIRef:
    """The IRI of the projected stock of ``level`` at the start of ``year``."""
    return GCD[f"projection-{year}-{level}"]


def add_projection(g: Graph, projection: Projection, source: URIRef) -> int:
    """Add ``projection`` (fitted on ``source``, a data set's node) to ``g``; return how many projected stocks."""
    synthetic = " (synthetic)" if projection.synthetic else ""
    g.add((PROJECTION, RDF.type, GCDC.Projection))
    first, last = projection.years[0], projection.years[-1]
    g.add((PROJECTION, RDFS.label, Literal(f"Projection of the IT and EX workforce by level, {first} to {last}{synthetic}", lang="en")))
    g.add((PROJECTION, RDFS.label, Literal(
        f"Projection de l'effectif TI et EX par niveau, {first} à {last}{' (synthétique)' if synthetic else ''}", lang="fr")))  # fmt: skip
    g.add((PROJECTION, GCDC.seed, Literal(projection.seed)))
    g.add((PROJECTION, GCDC.simulations, Literal(projection.sims)))
    g.add((PROJECTION, GCDC.synthetic, Literal(projection.synthetic)))
    g.add((PROJECTION, PROV.wasDerivedFrom, source))
    if projection.backtest is not None:
        g.add((PROJECTION, GCDC.intervalCoverage, Literal(str(projection.backtest.coverage), datatype=XSD.decimal)))
    for a in projection.assumptions:
        node = GCD[f"assumption-projection-{a.key}"]
        g.add((PROJECTION, GCDC.assumes, node))
        g.add((node, RDF.type, GCDC.Assumption))
        g.add((node, RDFS.label, Literal(a.en, lang="en")))
        g.add((node, RDFS.label, Literal(a.fr, lang="fr")))
        g.add((node, GCDC.frenchLabelSource, GCDC.OwnTranslation))
        g.add((node, GCDC.parameterName, Literal(f"projection_{a.key}")))
        g.add((node, GCDC.parameterValue, Literal(a.value)))
        g.add((node, SKOS.editorialNote, Literal(a.en, lang="en")))
        g.add((node, SKOS.inScheme, GCD["scheme-assumptions"]))
    added = 0
    for label, level in zip(projection.states, projection.ids, strict=True):
        if label not in projection.baseline:
            continue  # withheld: its stock at the end of the data is not published
        for year, band in zip(projection.years, projection.baseline[label], strict=True):
            node = stock_iri(year, level)
            g.add((node, RDF.type, GCDC.ProjectedStock))
            g.add((node, RDFS.label, Literal(f"{label} at the start of {year}: {band.median} projected{synthetic}", lang="en")))
            g.add((node, GCDC.inProjection, PROJECTION))
            g.add((node, GCDC.hasLevel, node_iri(level)))
            g.add((node, GCDC.year, Literal(str(year), datatype=XSD.gYear)))
            g.add((node, GCDC.median, Literal(band.median)))
            g.add((node, GCDC.lowerBound, Literal(band.low)))
            g.add((node, GCDC.upperBound, Literal(band.high)))
            added += 1
    return added
