"""The knowledge-graph view (whole, or around one node) and the ontology view."""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from typing import Any

from graph.i18n import text
from graph.viz.data import KnowledgeGraph, Ontology
from graph.viz.page import View
from graph.viz.style import KIND_COLOURS, KIND_SHAPES, OPTIONS, edge_info, label_of, mark_english, network

__all__ = ["GRAPH_DETAIL_LIMIT", "KIND_LIMIT", "knowledge_graph_view", "ontology_view"]

GRAPH_DETAIL_LIMIT, KIND_LIMIT = 2_000, 150
"""Above ``GRAPH_DETAIL_LIMIT`` nodes, each kind with more than ``KIND_LIMIT`` members is drawn as one node (its count)."""


def _cluster_coordinates(kg: KnowledgeGraph, nodes: list[str]) -> dict[str, tuple[int, int]]:
    """One cluster per kind on a large circle; inside a cluster, nodes on a sunflower spiral (sorted by id)."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        by_kind[kg.kinds[node]].append(node)
    kinds = sorted(by_kind, key=lambda k: (-len(by_kind[k]), k))
    coords = {}
    for k, kind in enumerate(kinds):
        angle = 2 * math.pi * k / len(kinds)
        cx, cy = 1300 * math.cos(angle), 1300 * math.sin(angle)
        for i, node in enumerate(by_kind[kind]):
            r, theta = 38 * math.sqrt(i), i * 2.39996
            coords[node] = (round(cx + r * math.cos(theta)), round(cy + r * math.sin(theta)))
    return coords


def _ring_coordinates(kg: KnowledgeGraph, focus: str, distance: dict[str, int]) -> dict[str, tuple[int, int]]:
    rings: dict[int, list[str]] = defaultdict(list)
    for node, d in sorted(distance.items()):
        rings[d].append(node)
    coords = {}
    for d, members in rings.items():
        for i, node in enumerate(members):
            angle = 2 * math.pi * i / len(members) + d * 0.3
            coords[node] = (round(280 * d * math.cos(angle)), round(280 * d * math.sin(angle)))
    return coords


def knowledge_graph_view(
    kg: KnowledgeGraph, lang: str, labels: dict[str, str], english: dict[str, str], *, focus: str | None = None, radius: int = 1
) -> View:
    """The whole knowledge graph (node kinds toggleable), or the neighbourhood of ``focus`` within ``radius`` links."""
    if focus is not None:
        adjacency: dict[str, set[str]] = defaultdict(set)
        for s, _, o in kg.edges:
            adjacency[s].add(o)
            adjacency[o].add(s)
        distance, queue = {focus: 0}, deque([focus])
        while queue:
            node = queue.popleft()
            if distance[node] < radius:
                for other in sorted(adjacency[node]):
                    if other not in distance:
                        distance[other] = distance[node] + 1
                        queue.append(other)
        nodes = sorted(distance)
        coords = _ring_coordinates(kg, focus, distance)
    else:
        nodes = sorted(kg.kinds)
        coords = _cluster_coordinates(kg, nodes)
    counts = Counter(kg.kinds[n] for n in nodes)
    pooled = {k for k, c in counts.items() if c > KIND_LIMIT} if focus is None and len(nodes) > GRAPH_DETAIL_LIMIT else set()
    drawn = {n: f"kind-{kg.kinds[n]}" if kg.kinds[n] in pooled else n for n in nodes}

    def said(word: str) -> str:  # kinds and links in the page's language
        return kg.french.get(word, word) if lang == "fr" else word

    net = network()
    details: dict[str, dict[str, Any]] = {}
    for kind in sorted(pooled):
        members = [n for n in nodes if kg.kinds[n] == kind]
        x, y = (round(sum(coords[n][i] for n in members) / len(members)) for i in (0, 1))
        net.add_node(f"kind-{kind}", label=f"{said(kind)} ({counts[kind]:,})", x=x, y=y, color=KIND_COLOURS.get(kind, "#868e96"),
                     shape=KIND_SHAPES.get(kind, "dot"), size=8 + 4 * math.log2(counts[kind]), filterValue=kind, font={"size": 14})  # fmt: skip
        details[f"kind-{kind}"] = {
            "label": f"{said(kind)} ({counts[kind]:,})",
            "kind": said(kind),
            "definition": text(lang, "pooled_hint", count=counts[kind]),
        }
    for node in (n for n in nodes if drawn[n] == n):
        kind = kg.kinds[node]
        x, y = coords[node]
        net.add_node(
            node,
            label=label_of(labels, english, node),
            x=x,
            y=y,
            color=KIND_COLOURS.get(kind, "#868e96"),
            shape=KIND_SHAPES.get(kind, "dot"),
            size=18 if node == focus else 8,
            filterValue=kind,
            font={"size": 10},
        )
        french = kg.french_definitions.get(node) if lang == "fr" else None
        details[node] = mark_english(
            {
                "label": label_of(labels, english, node),
                "kind": said(kind),
                "group": "",
                "definition": french or kg.definitions.get(node, ""),
                "responsibilities": kg.responsibilities.get(node, []),
                "quotes": kg.quotes.get(node, [])[:4],
            },
            lang,
            "responsibilities",
            *([] if french else ["definition"]),
            *([] if node in labels else ["label"]),
        )
    edge_details = {}
    links = Counter((drawn[s], prop, drawn[o]) for s, prop, o in kg.edges if s in drawn and o in drawn and drawn[s] != drawn[o])
    for i, ((s, prop, o), count) in enumerate(sorted(links.items())):
        edge_id = f"e{i}"
        net.add_edge(s, o, id=edge_id, color="#ced4da", width=round(1 + math.log2(count), 2))

        def name(n: str) -> str:
            return str(details[n]["label"]) if n.startswith("kind-") else label_of(labels, english, n)

        edge_details[edge_id] = mark_english(
            edge_info(name(s), name(o), said(prop), evidence=text(lang, "links_count", count=count) if count > 1 else ""),
            lang,
            *[end for end, n in (("from", s), ("to", o)) if not n.startswith("kind-") and n not in labels],
        )
    kinds = sorted({kg.kinds[n] for n in nodes})
    filters = [(k, said(k), True) for k in kinds]
    legend = [("shape:" + KIND_SHAPES.get(k, "dot"), KIND_COLOURS.get(k, "#868e96"), said(k)) for k in kinds]
    if focus is not None:
        title = text(lang, "around_title", name=label_of(labels, english, focus))
        description = text(lang, "around_description", radius=radius, name=label_of(labels, english, focus))
    else:
        title = text(lang, "knowledge_graph_title")
        description = text(lang, "knowledge_graph_description")
    options = {**OPTIONS, "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.3}}}}
    return View("knowledge-graph", lang, title, description, net, details, edge_details, filters, legend, options)


def _said(onto: Ontology, prop: dict[str, Any], part: str) -> str | list[str]:
    """A property's label or comment as a run: marked English when the ontology has it only in English."""
    return [prop[part], "en"] if f"{prop['id']} {part}" in onto.english else str(prop[part])


def ontology_view(onto: Ontology, lang: str, labels: dict[str, str]) -> View:
    """The classes (nodes) of the ontology, their superclasses, and the object properties between them (edges)."""
    ours = sorted(onto.classes)
    external = sorted({parent for _, parent in onto.subclass_of if parent not in onto.classes})
    net = network()
    details = {}
    for i, cls in enumerate(ours):
        angle = 2 * math.pi * i / len(ours)
        label = labels.get(cls.removeprefix("gcdc:"), cls)
        net.add_node(
            cls,
            label=cls,
            x=round(520 * math.cos(angle)),
            y=round(520 * math.sin(angle)),
            color="#26374a",
            shape="dot",
            size=11,
            filterValue="class",
        )
        props = [[f"{p['id']} (", _said(onto, p, "label"), f") → {p['range'] or '?'}"] for p in onto.properties if p["domain"] == cls]
        details[cls] = mark_english(
            {
                "label": cls,
                "kind": text(lang, "class"),
                "group": label,
                "definition": onto.classes[cls],
                "responsibilities": props,
                "quotes": [],
            },
            lang,
            *(["definition"] if cls in onto.english else []),
        )
    for i, cls in enumerate(external):
        angle = 2 * math.pi * i / len(external)
        net.add_node(
            cls,
            label=cls,
            x=round(900 * math.cos(angle)),
            y=round(900 * math.sin(angle)),
            color="#adb5bd",
            shape="box",
            filterValue="external",
        )
        details[cls] = {
            "label": cls,
            "kind": text(lang, "reused_vocabulary"),
            "group": "",
            "responsibilities": [],
        }
    edge_details = {}
    for child, parent in onto.subclass_of:
        edge_id = f"{child}|subClassOf|{parent}"
        net.add_edge(child, parent, id=edge_id, color="#868e96", dashes=[6, 4], width=1)
        edge_details[edge_id] = edge_info(child, parent, "rdfs:subClassOf")
    for p in onto.properties:
        if p["domain"] in onto.classes and p["range"] in onto.classes:
            edge_id = f"{p['domain']}|{p['id']}|{p['range']}"
            net.add_edge(
                p["domain"], p["range"], id=edge_id, color="#1971c2", width=1.5, label=p["id"].removeprefix("gcdc:"), font={"size": 9}
            )
            kind = p["id"] if f"{p['id']} label" in onto.english else f"{p['id']} ({p['label']})"  # an English label: the id alone
            edge_details[edge_id] = mark_english(
                edge_info(p["domain"], p["range"], kind, evidence=p["comment"]),
                lang,
                *(["evidence"] if f"{p['id']} comment" in onto.english else []),
            )
    filters = [
        ("class", text(lang, "ontology_classes"), True),
        ("external", text(lang, "reused_vocabularies"), True),
    ]
    legend = [
        ("dot", "#26374a", filters[0][1]),
        ("dot", "#adb5bd", filters[1][1]),
        ("dashed", "#868e96", "rdfs:subClassOf"),
        ("solid", "#1971c2", text(lang, "object_property")),
    ]
    title = text(lang, "ontology_title")
    description = text(lang, "ontology_description")
    return View("ontology", lang, title, description, net, details, edge_details, filters, legend, {**OPTIONS, "edges": {"smooth": False}})
