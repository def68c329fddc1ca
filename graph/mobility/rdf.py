"""Write the moves of the bounded mobility graph back into the RDF graph, as progressions with their rule and basis.

Each becomes a ``gcdc:Progression`` from one state to another with its ``gcdc:progressionKind``, its
``gcdc:basis`` (``gcdc:Stated`` with the page's ``gcdc:quote``, or ``gcdc:RuleBased``), the rule that allows
it (``gcdc:allowedBy``), the assumptions it rests on (``gcdc:assumes``), its ``gcdc:cost`` and its skill gap
(``gcdc:missingSkill``), so SPARQL users can ask which moves the page states and which a rule allows.
Only the bounded graph is written (the explicit moves and each position's ``k`` cheapest deployments and
promotions into other streams), so the graph grows linearly with the positions.

Examples
--------
>>> progression_iri("deployment", "position-a", "position-b")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/move-deployment--position-a--position-b')
>>> progression_iri("deployment", "https://example.org/x/position-a", "position-b")
rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/move-deployment--example-org-x-position-a--position-b')
"""

from __future__ import annotations

import re

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from graph.iris import iri_of
from graph.namespaces import GCD, GCDC

__all__ = ["BASES", "KIND_TERMS", "MOVE_PREFIX", "add_moves", "node_iri", "progression_iri"]

KIND_TERMS = {
    "promotion": GCDC.Promotion,
    "deployment": GCDC.Deployment,
    "appointment": GCDC.Appointment,
    "acting appointment": GCDC.ActingAppointment,
    "entry": GCDC.Entry,
    "executive appointment": GCDC.ExecutiveAppointment,
    "demotion": GCDC.Demotion,
}
BASES = {"stated": GCDC.Stated, "rule": GCDC.RuleBased, "inferred": GCDC.Inferred}


def node_iri(node: str) -> URIRef:
    """The IRI of a mobility node: its own IRI when it is in another namespace, else in ``gcd:``."""
    return URIRef(iri_of(node))


def _slug(node: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", node.split("://", 1)[-1]).strip("-") if "://" in node else node


MOVE_PREFIX = "move-"
"""How the IRIs of the written-back moves begin in ``gcd:`` (the commands skip them: the model recomputes the moves)."""


def progression_iri(kind: str, source: str, target: str) -> URIRef:
    """The IRI of the move of ``kind`` from node ``source`` to node ``target`` (always in ``gcd:``, whatever the nodes' namespace)."""
    return GCD[f"{MOVE_PREFIX}{kind.replace(' ', '-')}--{_slug(source)}--{_slug(target)}"]


def _french_labels(g: Graph, nodes: list[URIRef]) -> dict[URIRef, str]:
    """The French label of each of ``nodes`` that has one."""
    found = {}
    for node in nodes:
        for label in g.objects(node, RDFS.label):
            if isinstance(label, Literal) and label.language == "fr":
                found[node] = str(label)
    return found


def add_moves(g: Graph, G: nx.MultiDiGraph[str]) -> int:
    """Add every move of the bounded graph ``G`` to ``g``; return how many."""
    count = 0
    french = _french_labels(g, [node_iri(n) for n in G.nodes] + list(KIND_TERMS.values()))
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
        node = progression_iri(data["kind"], u, v)
        g.add((node, RDF.type, GCDC.Progression))
        g.add((node, RDFS.label, Literal(f"{G.nodes[u]['label']} to {G.nodes[v]['label']} ({data['kind']})", lang="en")))
        names = [french.get(node_iri(u)), french.get(node_iri(v)), french.get(KIND_TERMS[data["kind"]])]
        if all(names):  # composed of its states' and kind's French labels
            g.add((node, RDFS.label, Literal(f"{names[0]} vers {names[1]} ({names[2]})", lang="fr")))
            g.add((node, GCDC.frenchLabelSource, GCDC.ComposedLabel))
        g.add((node, GCDC.fromState, node_iri(u)))
        g.add((node, GCDC.toState, node_iri(v)))
        g.add((node, GCDC.progressionKind, KIND_TERMS[data["kind"]]))
        g.add((node, GCDC.basis, BASES[data["basis"]]))
        g.add((node, GCDC.allowedBy, GCD[data["rule"]]))
        g.add((node, GCDC.cost, Literal(f"{data['cost']:.4f}", datatype=XSD.decimal)))
        if data["evidence"]:
            g.add((node, GCDC.evidence, Literal(data["evidence"], lang="en")))
        if data.get("evidence_fr"):
            g.add((node, GCDC.evidence, Literal(data["evidence_fr"], lang="fr")))
        for assumption in data["assumptions"]:
            g.add((node, GCDC.assumes, GCD[assumption]))
        for skill in data["gap"]:
            g.add((node, GCDC.missingSkill, node_iri(skill)))
        if data["basis"] == "stated":
            for quote in data["quotes"]:
                g.add((node, GCDC.quote, Literal(quote)))
            g.add((node, PROV.wasDerivedFrom, GCD[data["progression"]] if data["progression"] else GCD["careers-in-digital"]))
        else:
            g.add((node, PROV.wasDerivedFrom, GCD[data["rule"]]))
        count += 1
    return count
