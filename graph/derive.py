"""Add what follows from the loaded data: positions, and the competency links of each work item.

* A **position** is generated for each role and each work stream the source says the role is found in
  (``gcdc:foundInStream``), at the role's level: nowhere else. It is derived from the role
  (``prov:wasDerivedFrom``) and repeats the role's quotes.
* Each responsibility, expertise and functional area gets a ``gcdc:CompetencyLink`` per competency,
  made by label match (`graph.competencies`) or by an editor (``gcdc:curatedCompetency``), and a plain
  ``gcdc:requiresCompetency`` shortcut.

Derivation is deterministic and idempotent: the same graph in gives the same triples out.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> g = derive(load().g)
>>> from graph.namespaces import GCD, GCDC
>>> (GCD["position-it-03-team-lead-it-security"], GCDC.hasRole, GCD["role-team-lead"]) in g
True
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph.competencies import matcher_from_graph
from graph.namespaces import GCD, GCD_IRI, GCDC

__all__ = ["derive", "english_label", "local_name", "position_iri"]

WORK_ITEMS = (GCDC.Responsibility, GCDC.Expertise, GCDC.FunctionalArea)


def local_name(iri: URIRef) -> str:
    """The part of an IRI after the project's instance namespace, or after its last ``/`` or ``#``."""
    text = str(iri)
    return text[len(GCD_IRI) :] if text.startswith(GCD_IRI) else re.split(r"[/#]", text)[-1]


def english_label(g: Graph, node, lang: str = "en") -> str | None:
    """The ``rdfs:label`` of ``node`` in ``lang`` (or without a language), else ``None``."""
    for label in sorted(g.objects(node, RDFS.label)):
        if isinstance(label, Literal) and label.language in (lang, None):
            return str(label)
    return None


def position_iri(level: URIRef, role: URIRef, stream: URIRef) -> URIRef:
    """The IRI of the position of ``role`` at ``level`` in ``stream``.

    >>> position_iri(GCD["level-it-03"], GCD["role-team-lead"], GCD["stream-it-security"])
    rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/position-it-03-team-lead-it-security')
    """
    parts = [local_name(level).removeprefix("level-"), local_name(role).removeprefix("role-"), local_name(stream).removeprefix("stream-")]
    return GCD["position-" + "-".join(parts)]


def derive(g: Graph) -> Graph:
    """Add positions and competency links to ``g`` in place and return it."""
    _add_positions(g)
    _add_competency_links(g)
    return g


def _add_positions(g: Graph) -> None:
    for role in sorted(g.subjects(RDF.type, GCDC.Role)):
        levels = sorted(g.objects(role, GCDC.atLevel))
        if len(levels) != 1:
            continue  # a role spanning several levels (Executive) has no stream-specific positions
        level = levels[0]
        for stream in sorted(g.objects(role, GCDC.foundInStream)):
            position = position_iri(level, role, stream)
            g.add((position, RDF.type, GCDC.Position))
            g.add((position, GCDC.hasRole, role))
            g.add((position, GCDC.hasLevel, level))
            g.add((position, GCDC.inStream, stream))
            for path in g.objects(role, GCDC.onPath):
                g.add((position, GCDC.onPath, path))
            for lang in ("en", "fr"):
                names = [english_label(g, node, lang) for node in (level, role, stream)]
                if all(names):
                    g.add((position, RDFS.label, Literal(f"{names[0]} {names[1]}, {names[2]}", lang=lang)))
            g.add((position, PROV.wasDerivedFrom, role))
            for quote in g.objects(role, GCDC.quote):
                g.add((position, GCDC.quote, quote))


def _add_competency_links(g: Graph) -> None:
    matcher = matcher_from_graph(g)
    items = sorted({item for cls in WORK_ITEMS for item in g.subjects(RDF.type, cls)})
    for item in items:
        text = english_label(g, item) or ""
        links: dict[URIRef, tuple[list[URIRef], list[str]]] = {}
        for competency, words in matcher.match(text).items():
            links[URIRef(competency)] = ([GCDC.LabelMatch], words)
        for competency in g.objects(item, GCDC.curatedCompetency):
            methods, words = links.get(competency, ([], []))
            links[competency] = ([*methods, GCDC.CuratedLink], words)
        for competency, (methods, words) in sorted(links.items()):
            link = GCD[f"competency-link-{local_name(item)}--{local_name(competency).removeprefix('competency-')}"]
            g.add((item, GCDC.requiresCompetency, competency))
            g.add((item, GCDC.competencyLink, link))
            g.add((link, RDF.type, GCDC.CompetencyLink))
            g.add((link, GCDC.linkedCompetency, competency))
            for method in methods:
                g.add((link, GCDC.linkMethod, method))
            for word in words:
                g.add((link, GCDC.matchedText, Literal(word)))
