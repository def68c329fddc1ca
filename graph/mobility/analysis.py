"""Get the facts and the mobility graph, from an rdflib graph (during the build) or from the built files.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, G = analyse(derive(load().g))
>>> G.number_of_nodes() > 50
True
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.mobility.facts import Facts, read_facts
from graph.mobility.network import mobility_graph
from graph.mobility.source import OxigraphSource

__all__ = ["analyse", "analyse_built"]


def analyse(g) -> tuple[Facts, nx.MultiDiGraph]:
    """Facts and mobility graph of an rdflib graph (queried through an Oxigraph copy: 40x faster than rdflib)."""
    facts = read_facts(OxigraphSource.from_ntriples(g.serialize(format="nt").encode("utf-8")))
    return facts, mobility_graph(facts)


def analyse_built(data: list[Path] | None = None) -> tuple[Facts, nx.MultiDiGraph, str, OxigraphSource]:
    """Facts, mobility graph, origin and the source they were read from (for pages that need more of the graph).

    From ``outputs/knowledge-graph.nt`` (or ``data``), else a build in memory.
    """
    from graph.sparql.source import built_graph

    nt, origin = built_graph(data)
    source = OxigraphSource.from_ntriples(nt)
    facts = read_facts(source)
    return facts, mobility_graph(facts), origin, source
