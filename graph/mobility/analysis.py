"""Get the facts and the mobility model, from an rdflib graph (during the build) or from the built files.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, model = analyse(derive(load().g))
>>> len(model.nodes)
82
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.iris import GCD_IRI
from graph.mobility.facts import Facts, read_facts
from graph.mobility.moves import MobilityModel
from graph.mobility.rdf import MOVE_PREFIX
from graph.store import OxigraphStore

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["analyse", "analyse_built", "without_moves"]


def analyse(g: Graph) -> tuple[Facts, MobilityModel]:
    """Facts and mobility model of an rdflib graph (queried through an Oxigraph copy: 40x faster than rdflib)."""
    facts, model, _ = analyse_built(g.serialize(format="nt").encode("utf-8"))
    return facts, model


def without_moves(nt: bytes) -> bytes:
    """Built N-Triples without the moves the build wrote back (the model recomputes them): often most of the lines."""
    skip = f"<{GCD_IRI}{MOVE_PREFIX}".encode()
    return b"".join(line for line in nt.splitlines(keepends=True) if not line.startswith(skip))


def analyse_built(nt: bytes) -> tuple[Facts, MobilityModel, OxigraphStore]:
    """Facts, model and the source they were read from (for pages that need more of the graph), from built N-Triples.

    The moves the build wrote back are left out of the source (`without_moves`).
    """
    source = OxigraphStore.from_ntriples(without_moves(nt), lenient=True)  # the build wrote and checked it
    facts = read_facts(source)
    return facts, MobilityModel(facts), source
