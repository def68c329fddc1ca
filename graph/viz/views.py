"""The views: pyvis networks with precomputed coordinates (physics off), so pages are static, instant and identical.

Examples
--------
>>> from graph.viz.views import COMMUNITY_COLOURS
>>> COMMUNITY_COLOURS["community-it"]
'#26374a'
"""

from __future__ import annotations

import math
from collections import defaultdict, deque

import networkx as nx
from pyvis.network import Network

from graph.mobility.facts import Facts, stream_order
from graph.mobility.similarity import LATERAL_THRESHOLD, shared_evidence, stream_similarity
from graph.viz.data import KnowledgeGraph, Ontology
from graph.viz.page import View

__all__ = ["COMMUNITY_COLOURS", "career_map", "knowledge_graph_view", "ontology_view", "stream_mobility"]

COMMUNITY_COLOURS = {
    "community-it": "#26374a",
    "community-idg": "#2b8a3e",
    "community-dcoe": "#b35900",
    "community-digital-executives": "#7b2d8b",
    None: "#6c757d",
}
EDGE_STYLES = {  # kind: (colour, dashes)
    "promotion": ("#26374a", False),
    "path change": ("#1971c2", [8, 6]),
    "lateral move": ("#c2255c", [2, 6]),
    "entry": ("#ced4da", False),
    "executive transition": ("#7b2d8b", False),
}
_WORDS = {
    "en": {
        "promotion": "promotion",
        "path change": "path change",
        "lateral move": "lateral move",
        "entry": "entry",
        "executive transition": "executive transition",
        "position": "position",
        "stream": "stream (no levels in the source)",
        "entry route": "entry route",
        "executive": "executive level",
    },
    "fr": {
        "promotion": "promotion",
        "path change": "changement de cheminement",
        "lateral move": "mutation latérale",
        "entry": "entrée",
        "executive transition": "passage à la direction",
        "position": "poste",
        "stream": "volet (sans niveaux dans la source)",
        "entry route": "voie d'accès",
        "executive": "niveau de direction",
    },
}
_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 200, "navigationButtons": False, "keyboard": {"enabled": True}, "multiselect": False},
    "layout": {"improvedLayout": False, "randomSeed": 42},
    "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "scaling": {"label": {"drawThreshold": 3}}},
}


def _edge_info(source: str, target: str, kind: str, *, basis=None, score=None, evidence="", shared=(), quotes=()) -> dict:
    """What the details panel shows for a link."""
    return {
        "from": source,
        "to": target,
        "kind": kind,
        "basis": basis,
        "score": score,
        "evidence": evidence,
        "shared": list(shared),
        "quotes": list(quotes),
    }


def _network() -> Network:
    return Network(directed=True, cdn_resources="local")


def _label(labels: dict[str, str], english: dict[str, str], node: str) -> str:
    return labels.get(node) or english.get(node) or node


def _community_names(facts: Facts, labels: dict[str, str]) -> dict[str | None, str]:
    names = {s["community"]: labels.get(s["community"], s["community_label"]) for s in facts.streams.values()}
    names["community-digital-executives"] = labels.get("community-digital-executives", "Digital executives")
    return names


# ---------------------------------------------------------------- career map


def _career_coordinates(facts: Facts, G: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """x: streams grouped by community (IT, then IDG, then DCoE); y: level (IT-05 at the top); entry below, EX above."""
    order = stream_order(facts)
    column, x, previous = {}, 0, None
    for stream in order:
        community = facts.streams[stream]["community"]
        x += 330 if previous and community != previous else 250 if previous else 0
        column[stream], previous = x, community
    coords = {f"{stream}#column": (x, 0) for stream, x in column.items()}
    offsets = {"path-management": -64, "path-individual-contributor": 64}
    for node, d in G.nodes(data=True):
        if d["kind"] == "position":
            coords[node] = (column[d["stream"]] + offsets.get(d["path"], 0), (5 - d["rank"]) * 130 + 150)
        elif d["kind"] == "stream":
            coords[node] = (column[node], 2 * 130 + 150)
    routes = sorted((n for n, d in G.nodes(data=True) if d["kind"] == "entry"), key=lambda n: facts.routes[n]["order"])
    executives = sorted((n for n, d in G.nodes(data=True) if d["kind"] == "executive"), key=lambda n: G.nodes[n]["rank"])
    width = max(column.values())
    for i, node in enumerate(routes):
        coords[node] = (round(width * (i + 0.5) / len(routes)), 5 * 130 + 180)
    for i, node in enumerate(executives):
        coords[node] = (round(width * (i + 0.5) / len(executives)), 0)
    return coords


def career_map(
    facts: Facts,
    G: nx.MultiDiGraph,
    lang: str,
    labels: dict[str, str],
    *,
    highlight=None,
    title: str | None = None,
    kg: KnowledgeGraph | None = None,
) -> View:
    """The career map; ``highlight`` (a `graph.mobility.paths.Path`) draws one path over a faded map.

    ``kg`` supplies each node's definition and the source's sentences for the details panel.
    """
    kg = kg or KnowledgeGraph()
    words = _WORDS[lang]
    coords = _career_coordinates(facts, G)
    english = {n: d["label"] for n, d in G.nodes(data=True)}
    communities = _community_names(facts, labels)
    on_path = set(highlight.nodes) if highlight else set()
    path_edges = {(s.source, s.target, s.edge["kind"]) for s in highlight.steps} if highlight else set()
    net = _network()
    details = {}
    for node in sorted(G.nodes):
        d = G.nodes[node]
        x, y = coords[node]
        colour = COMMUNITY_COLOURS.get(d.get("community"))
        if highlight and node not in on_path:
            colour = "#dee2e6"
        shape = {"position": "dot", "stream": "square", "entry": "triangleDown", "executive": "star"}[d["kind"]]
        label = _label(labels, english, node)
        short = label
        if d["kind"] == "position":  # the column header names the stream: the node shows level and role
            short = f"{d['level']} {_label(labels, {}, d['role']) if d['role'] in labels else d['role_label']}"
        filter_value = d.get("community") or "entry"
        net.add_node(
            node,
            label=short,
            searchText=label,
            x=x,
            y=y,
            color=colour,
            shape=shape,
            size=16 if node in on_path else 11,
            filterValue=filter_value,
            font={"size": 14, "color": "#1b1b1b" if not highlight or node in on_path else "#adb5bd"},
        )
        group = communities.get(d.get("community"), "")
        definition = kg.definitions.get(node) or (kg.definitions.get(d["role"], "") if d["kind"] == "position" else "")
        info = {
            "label": label,
            "kind": words.get(d["kind"], d["kind"]),
            "group": group,
            "definition": definition,
            "quotes": kg.quotes.get(node, [])[:4],
        }
        if d["kind"] == "position":
            p = facts.positions[node]
            items = facts.stream_items.get(p["stream"], []) + facts.role_items.get(p["role"], [])
            info["responsibilities"] = [i.label for i in items]
        elif d["kind"] == "stream":
            info["responsibilities"] = [i.label for i in facts.stream_items.get(node, [])]
        details[node] = info
    for stream, data in sorted(facts.streams.items()):
        if data["community"] == "community-it":  # a header over each IT stream's column
            header = f"column-{stream}"
            net.add_node(
                header,
                label=_label(labels, english, stream) if stream in labels else data["label"],
                searchText=data["label"],
                x=coords[stream + "#column"][0],
                y=75,
                shape="text",
                filterValue="community-it",
                font={"size": 24},
            )
            details[header] = {
                "label": labels.get(stream, data["label"]),
                "kind": {"en": "IT work stream", "fr": "volet de la TI"}[lang],
                "group": communities["community-it"],
                "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
            }
    edge_details = {}
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
        colour, dashes = EDGE_STYLES[d["kind"]]
        width = 1 + 4 * d["score"] if d.get("score") is not None else 2 if d["kind"] == "promotion" else 0.6 if d["kind"] == "entry" else 1
        edge_id = f"{u}|{v}|{d['kind']}"
        if highlight:
            if (u, v, d["kind"]) in path_edges:
                colour, width = "#e03131", 5
            else:
                colour = "#e9ecef"
        net.add_edge(u, v, id=edge_id, color=colour, dashes=dashes, width=round(width, 2))
        edge_details[edge_id] = _edge_info(
            _label(labels, english, u),
            _label(labels, english, v),
            words[d["kind"]],
            basis=d["basis"],
            score=d.get("score"),
            evidence=d.get("evidence", ""),
            shared=d.get("shared", []),
            quotes=d.get("quotes", []),
        )
    filters = [(c, communities[c], True) for c in ("community-it", "community-idg", "community-dcoe", "community-digital-executives")]
    filters.append(("entry", {"en": "Entry routes", "fr": "Voies d'accès"}[lang], True))
    legend = [
        ("dot", COMMUNITY_COLOURS[c], communities[c])
        for c in ("community-it", "community-idg", "community-dcoe", "community-digital-executives")
    ]
    legend += [("dot", COMMUNITY_COLOURS[None], words["entry route"])]
    legend += [
        ("dashed" if dashes and kind == "path change" else "dotted" if dashes else "solid", colour, words[kind])
        for kind, (colour, dashes) in EDGE_STYLES.items()
    ]
    default_title = {"en": "Career map", "fr": "Carte des carrières"}[lang]
    description = {
        "en": "Positions by stream (across, grouped by community) and level (up). Solid lines are promotions and entries the source states; "
        "dashed lines are path changes and dotted lines lateral moves that this tool infers from shared competencies (wider: more alike).",
        "fr": "Les postes par volet (en largeur, groupés par communauté) et par niveau (en hauteur). Les traits pleins sont les promotions et "
        "entrées énoncées par la source ; les tirets sont des changements de cheminement et les pointillés des mutations latérales "
        "inférées par l'outil à partir des compétences communes (plus larges : plus semblables).",
    }[lang]
    return View("career-map", lang, title or default_title, description, net, details, edge_details, filters, legend, _OPTIONS)


# ---------------------------------------------------------------- stream mobility


def stream_mobility(facts: Facts, lang: str, labels: dict[str, str], kg: KnowledgeGraph | None = None) -> View:
    """The 13 streams on a circle; edge width by competency similarity; each edge lists the shared competencies."""
    kg = kg or KnowledgeGraph()
    order = stream_order(facts)
    communities = _community_names(facts, labels)
    english = {s: d["label"] for s, d in facts.streams.items()}
    net = _network()
    details = {}
    for i, stream in enumerate(order):
        angle = 2 * math.pi * i / len(order) - math.pi / 2
        net.add_node(
            stream,
            label=_label(labels, english, stream),
            x=round(420 * math.cos(angle)),
            y=round(420 * math.sin(angle)),
            color=COMMUNITY_COLOURS[facts.streams[stream]["community"]],
            shape="dot",
            size=14,
            filterValue=facts.streams[stream]["community"],
        )
        details[stream] = {
            "label": _label(labels, english, stream),
            "kind": {"en": "work stream", "fr": "volet de travail"}[lang],
            "group": communities[facts.streams[stream]["community"]],
            "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
        }
    edge_details = {}
    for (a, b), score in sorted(stream_similarity(facts).items()):
        if score < 0.05:
            continue
        shared, behind = shared_evidence(facts, a, b, top=6)
        edge_id = f"{a}|{b}"
        net.add_edge(
            a,
            b,
            id=edge_id,
            width=round(1 + 24 * score, 2),
            color="#c2255c" if score >= LATERAL_THRESHOLD else "#ced4da",
            arrows={"to": {"enabled": False}},
            smooth=False,
        )
        kind = {"en": "competency similarity", "fr": "similarité des compétences"}[lang]
        edge_details[edge_id] = _edge_info(
            _label(labels, english, a),
            _label(labels, english, b),
            kind,
            basis="inferred",
            score=score,
            evidence="; ".join(behind),
            shared=shared,
        )
    filters = [(c, communities[c], True) for c in ("community-it", "community-idg", "community-dcoe")]
    legend = [("dot", COMMUNITY_COLOURS[c], communities[c]) for c in ("community-it", "community-idg", "community-dcoe")]
    legend += [
        (
            "solid",
            "#c2255c",
            {
                "en": f"similar enough for a lateral move (>= {LATERAL_THRESHOLD})",
                "fr": f"assez semblables pour une mutation latérale (>= {LATERAL_THRESHOLD})",
            }[lang],
        ),
        ("solid", "#ced4da", {"en": "less similar (width: similarity)", "fr": "moins semblables (largeur : similarité)"}[lang]),
    ]
    title = {"en": "Stream mobility", "fr": "Mobilité entre volets"}[lang]
    description = {
        "en": "The 13 work streams of IT, Information and Data Governance and the Data Centre of Expertise. The wider the line, the more "
        "competencies two streams share (weighted Jaccard); select a line to see which.",
        "fr": "Les 13 volets de la TI, de la gouvernance de l'information et des données et du Centre d'expertise en données. Plus le trait "
        "est large, plus les deux volets partagent de compétences (Jaccard pondéré) ; sélectionnez un trait pour les voir.",
    }[lang]
    return View(
        "stream-mobility", lang, title, description, net, details, edge_details, filters, legend, {**_OPTIONS, "edges": {"smooth": False}}
    )


# ---------------------------------------------------------------- knowledge graph


KIND_COLOURS = {
    "stream": "#26374a",
    "role": "#1971c2",
    "position": "#4dabf7",
    "responsibility": "#868e96",
    "expertise": "#adb5bd",
    "functional area": "#495057",
    "competency": "#2b8a3e",
    "program": "#7b2d8b",
    "level": "#f08c00",
    "community": "#c92a2a",
    "group": "#e03131",
    "entry route": "#6c757d",
    "progression": "#e64980",
    "reporting": "#ae3ec9",
    "specialisation": "#0c8599",
    "organisation": "#5f3dc4",
    "team": "#15aabf",
    "path": "#fab005",
    "employment status": "#ced4da",
    "qualification": "#d9480f",
    "pay scale": "#d9480f",
}


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
    shown = set(nodes)
    net = _network()
    details = {}
    for node in nodes:
        kind = kg.kinds[node]
        x, y = coords[node]
        net.add_node(
            node,
            label=_label(labels, english, node),
            x=x,
            y=y,
            color=KIND_COLOURS.get(kind, "#868e96"),
            shape="dot",
            size=18 if node == focus else 8,
            filterValue=kind,
            font={"size": 10},
        )
        details[node] = {
            "label": _label(labels, english, node),
            "kind": kind,
            "group": "",
            "definition": kg.definitions.get(node, ""),
            "responsibilities": kg.responsibilities.get(node, []),
            "quotes": kg.quotes.get(node, [])[:4],
        }
    edge_details = {}
    for i, (s, prop, o) in enumerate(kg.edges):
        if s in shown and o in shown:
            edge_id = f"e{i}"
            net.add_edge(s, o, id=edge_id, color="#ced4da", width=1)
            edge_details[edge_id] = _edge_info(_label(labels, english, s), _label(labels, english, o), prop)
    kinds = sorted({kg.kinds[n] for n in nodes})
    filters = [(k, k, True) for k in kinds]
    legend = [("dot", KIND_COLOURS.get(k, "#868e96"), k) for k in kinds]
    if focus is not None:
        title = {"en": f"Around {_label(labels, english, focus)}", "fr": f"Autour de {_label(labels, english, focus)}"}[lang]
        description = {
            "en": f"Everything within {radius} link(s) of {_label(labels, english, focus)} in the knowledge graph.",
            "fr": f"Tout ce qui est à {radius} lien(s) ou moins de {_label(labels, english, focus)} dans le graphe.",
        }[lang]
    else:
        title = {"en": "Knowledge graph", "fr": "Graphe de connaissances"}[lang]
        description = {
            "en": "Every stream, role, position, responsibility, competency, program, level and progression of the knowledge graph, grouped by "
            "kind. Untick a kind to hide it; select a node to see its definition and the source's words.",
            "fr": "Tous les volets, rôles, postes, responsabilités, compétences, programmes, niveaux et progressions du graphe, groupés par type. "
            "Décochez un type pour le masquer ; sélectionnez un nœud pour voir sa définition et les mots de la source.",
        }[lang]
    options = {**_OPTIONS, "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.3}}}}
    return View("knowledge-graph", lang, title, description, net, details, edge_details, filters, legend, options)


# ---------------------------------------------------------------- ontology


def ontology_view(onto: Ontology, lang: str, labels: dict[str, str]) -> View:
    """The classes (nodes) of the ontology, their superclasses, and the object properties between them (edges)."""
    ours = sorted(onto.classes)
    external = sorted({parent for _, parent in onto.subclass_of if parent not in onto.classes})
    net = _network()
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
        props = [f"{p['id']} ({p['label']}) → {p['range'] or '?'}" for p in onto.properties if p["domain"] == cls]
        details[cls] = {
            "label": cls,
            "kind": {"en": "class", "fr": "classe"}[lang],
            "group": label,
            "definition": onto.classes[cls],
            "responsibilities": props,
            "quotes": [],
        }
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
            "kind": {"en": "reused vocabulary", "fr": "vocabulaire réutilisé"}[lang],
            "group": "",
            "responsibilities": [],
        }
    edge_details = {}
    for child, parent in onto.subclass_of:
        edge_id = f"{child}|subClassOf|{parent}"
        net.add_edge(child, parent, id=edge_id, color="#868e96", dashes=[6, 4], width=1)
        edge_details[edge_id] = _edge_info(child, parent, "rdfs:subClassOf")
    for p in onto.properties:
        if p["domain"] in onto.classes and p["range"] in onto.classes:
            edge_id = f"{p['domain']}|{p['id']}|{p['range']}"
            net.add_edge(
                p["domain"], p["range"], id=edge_id, color="#1971c2", width=1.5, label=p["id"].removeprefix("gcdc:"), font={"size": 9}
            )
            edge_details[edge_id] = _edge_info(p["domain"], p["range"], f"{p['id']} ({p['label']})", evidence=p["comment"])
    filters = [
        ("class", {"en": "classes of the ontology", "fr": "classes de l'ontologie"}[lang], True),
        ("external", {"en": "reused vocabularies", "fr": "vocabulaires réutilisés"}[lang], True),
    ]
    legend = [
        ("dot", "#26374a", filters[0][1]),
        ("dot", "#adb5bd", filters[1][1]),
        ("dashed", "#868e96", "rdfs:subClassOf"),
        ("solid", "#1971c2", {"en": "object property (domain → range)", "fr": "propriété d'objet (domaine → portée)"}[lang]),
    ]
    title = {"en": "Ontology", "fr": "Ontologie"}[lang]
    description = {
        "en": "The classes of the gc-digital-careers ontology, the standard vocabularies they extend (SKOS, W3C ORG, schema.org, PROV-O) and "
        "the object properties between them. Select a class for its definition and properties.",
        "fr": "Les classes de l'ontologie, les vocabulaires normalisés qu'elles étendent (SKOS, ORG du W3C, schema.org, PROV-O) et les "
        "propriétés d'objet qui les relient. Sélectionnez une classe pour sa définition et ses propriétés.",
    }[lang]
    return View("ontology", lang, title, description, net, details, edge_details, filters, legend, {**_OPTIONS, "edges": {"smooth": False}})
