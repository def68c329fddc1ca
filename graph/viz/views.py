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

from pyvis.network import Network

from graph.mobility.facts import Facts, stream_order
from graph.mobility.moves import ASSUMPTIONS, MobilityModel, edge_data
from graph.mobility.pay import pay_line
from graph.mobility.similarity import shared_evidence, stream_similarity
from graph.viz.data import KnowledgeGraph, Ontology
from graph.viz.page import View

__all__ = [
    "COMMUNITY_COLOURS",
    "EDGE_STYLES",
    "career_map",
    "edge_style",
    "knowledge_graph_view",
    "map_legend",
    "map_moves",
    "ontology_view",
    "stream_mobility",
]

COMMUNITY_COLOURS = {
    "community-it": "#26374a",
    "community-idg": "#2b8a3e",
    "community-dcoe": "#b35900",
    "community-digital-executives": "#7b2d8b",
    None: "#6c757d",
}
EDGE_STYLES = {  # how a move is drawn: (colour, dashes)
    "promotion": ("#26374a", False),
    "promotion elsewhere": ("#1971c2", [8, 6]),
    "deployment": ("#c2255c", [2, 6]),
    "acting appointment": ("#f08c00", [8, 6]),
    "entry": ("#adb5bd", False),
    "executive appointment": ("#7b2d8b", False),
}
_WORDS = {
    "en": {
        "promotion": "promotion in one's own stream and path",
        "promotion elsewhere": "promotion into another stream or path",
        "deployment": "deployment (same level)",
        "acting appointment": "acting appointment",
        "entry": "entry",
        "executive appointment": "executive appointment",
        "position": "position",
        "unstated position": "position at a level the source does not state (hollow)",
        "entry route": "entry route",
        "executive": "executive level",
        "stream": "work stream",
    },
    "fr": {
        "promotion": "promotion dans son volet et son cheminement",
        "promotion elsewhere": "promotion dans un autre volet ou cheminement",
        "deployment": "mutation (même niveau)",
        "acting appointment": "nomination intérimaire",
        "entry": "entrée",
        "executive appointment": "nomination à la direction",
        "position": "poste",
        "unstated position": "poste à un niveau que la source n'énonce pas (creux)",
        "entry route": "voie d'accès",
        "executive": "niveau de direction",
        "stream": "volet de travail",
    },
}
_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 200, "navigationButtons": False, "keyboard": {"enabled": True}, "multiselect": False},
    "layout": {"improvedLayout": False, "randomSeed": 42},
    "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "scaling": {"label": {"drawThreshold": 3}}},
}
MID_CAREER = "entry-mid-career-professional"
"""The entry route with a move into every position: drawn only on a path, described in its details."""


def _edge_info(source: str, target: str, kind: str, *, basis=None, score=None, evidence="", shared=(), quotes=(), **more) -> dict:
    """What the details panel shows for a link (``more``: ``rule``, ``assumptions``, ``gap`` of a move)."""
    return {
        "from": source,
        "to": target,
        "kind": kind,
        "basis": basis,
        "score": score,
        "evidence": evidence,
        "shared": list(shared),
        "quotes": list(quotes),
        **more,
    }


def _network() -> Network:
    return Network(directed=True, cdn_resources="local")


def _label(labels: dict[str, str], english: dict[str, str], node: str) -> str:
    return labels.get(node) or english.get(node) or node


def _community_names(facts: Facts, labels: dict[str, str]) -> dict[str | None, str]:
    names = {s["community"]: labels.get(s["community"], s["community_label"]) for s in facts.streams.values()}
    names["community-digital-executives"] = labels.get("community-digital-executives", "Digital executives")
    return names


def _skill_name(facts: Facts, skill: str, lang: str) -> str:
    return facts.skills.get(skill, {}).get("fr" if lang == "fr" else "label", skill)


def edge_style(move: dict) -> str:
    """The `EDGE_STYLES` key of a move (an edge's data in `MobilityModel.graph`)."""
    if move["kind"] == "promotion" and not move.get("same_track"):
        return "promotion elsewhere"
    return move["kind"]


# ---------------------------------------------------------------- career map


def _career_coordinates(facts: Facts, nodes: dict[str, dict]) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """x: streams grouped by community (IT, then IDG, then DCoE); y: level (5 at the top); entry below, EX above.

    Returns the coordinates and each stream's column.
    """
    column, x, previous = {}, 0, None
    for stream in stream_order(facts):
        community = facts.streams[stream]["community"]
        x += 330 if previous and community != previous else 250 if previous else 0
        column[stream], previous = x, community
    offsets = {"path-management": -64, "path-individual-contributor": 64}
    coords = {}
    for node, d in nodes.items():
        if d["kind"] == "position":
            coords[node] = (column[d["stream"]] + offsets.get(d["path"], 0), (5 - d["rank"]) * 130 + 150)
    routes = sorted((n for n, d in nodes.items() if d["kind"] == "entry"), key=lambda n: facts.routes[n]["order"])
    executives = sorted((n for n, d in nodes.items() if d["kind"] == "executive"), key=lambda n: nodes[n]["rank"])
    width = max(column.values())
    for i, node in enumerate(routes):
        coords[node] = (round(width * (i + 0.5) / len(routes)), 5 * 130 + 180)
    for i, node in enumerate(executives):
        coords[node] = (round(width * (i + 0.5) / len(executives)), 0)
    return coords, column


def map_moves(model: MobilityModel, highlight=None) -> list[dict]:
    """The moves the career map draws.

    The explicit moves (except the mid-career route's, one into every position), each position's cheapest
    deployment and promotion elsewhere (``graph(k=1)``), and every step of ``highlight``.
    """
    G = model.graph(k=1)
    moves = {(u, v, d["kind"]): {"from": u, "to": v, **d} for u, v, d in G.edges(data=True) if u != MID_CAREER}
    for step in highlight.steps if highlight else ():
        moves[step.key] = {"from": step.source, "to": step.target, **edge_data(step)}
    return [moves[key] for key in sorted(moves)]


def _position_info(facts: Facts, model: MobilityModel, node: str, lang: str) -> dict:
    p, prof = facts.positions[node], model.profiles[node]
    items = facts.stream_items.get(p["stream"], []) + facts.role_items.get(p["role"], [])
    info = {
        "responsibilities": [i.label for i in items],
        "skills": sorted(_skill_name(facts, s, lang) for s in prof.essential),
        "pay": pay_line(facts, p["level"]),
    }
    if not p["level_stated"]:
        info["definition"] = facts.assumptions.get(ASSUMPTIONS["unstated levels"], {}).get("note", "")
    return info


def _move_info(facts: Facts, move: dict, labels: dict[str, str], english: dict[str, str], lang: str) -> dict:
    words = _WORDS[lang]
    rule = facts.rules.get(move["rule"], {})
    return _edge_info(
        _label(labels, english, move["from"]),
        _label(labels, english, move["to"]),
        words[edge_style(move)],
        basis=move["basis"],
        evidence=move.get("evidence", ""),
        quotes=move.get("quotes", []),
        rule=_label(labels, {move["rule"]: rule.get("label", move["rule"])}, move["rule"]),
        rule_quotes=rule.get("quotes", [])[:1],
        assumptions=[_label(labels, {a: facts.assumptions.get(a, {}).get("label", a)}, a) for a in move["assumptions"]],
        gap=[_skill_name(facts, s, lang) for s in move["gap"]],
        cost=move["cost"],
    )


def career_map(
    facts: Facts,
    model: MobilityModel,
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
    nodes = model.nodes
    coords, column = _career_coordinates(facts, nodes)
    english = {n: d["label"] for n, d in nodes.items()}
    communities = _community_names(facts, labels)
    on_path = set(highlight.nodes) if highlight else set()
    path_moves = {s.key for s in highlight.steps} if highlight else set()
    net = _network()
    details = {}
    for node in sorted(nodes):
        d = nodes[node]
        x, y = coords[node]
        colour = "#dee2e6" if highlight and node not in on_path else COMMUNITY_COLOURS.get(d.get("community"))
        hollow = d["kind"] == "position" and not d["level_stated"]
        label = _label(labels, english, node)
        short = label
        if d["kind"] == "position":  # the column header names the stream: the node shows level and role
            role = _label(labels, {}, d["role"]) if d["role"] in labels else d["role_label"]
            short = f"{d['level']} {role}".strip()
        net.add_node(
            node,
            label=short,
            searchText=label,
            x=x,
            y=y,
            color={"background": "#ffffff", "border": colour} if hollow else colour,
            borderWidth=3 if hollow else 1,
            shape={"position": "dot", "entry": "triangleDown", "executive": "star"}[d["kind"]],
            size=16 if node in on_path else 11,
            filterValue=d.get("community") or "entry",
            font={"size": 14, "color": "#1b1b1b" if not highlight or node in on_path else "#adb5bd"},
        )
        definition = kg.definitions.get(node) or (kg.definitions.get(d.get("role") or "", "") if d["kind"] == "position" else "")
        info = {
            "label": label,
            "kind": words["unstated position" if hollow else d["kind"] if d["kind"] != "entry" else "entry route"],
            "group": communities.get(d.get("community"), ""),
            "definition": definition,
            "quotes": kg.quotes.get(node, [])[:4],
        }
        if d["kind"] == "position":
            info.update(_position_info(facts, model, node, lang))
        elif d["kind"] == "executive":
            info["pay"] = pay_line(facts, node)
        details[node] = info
    for stream, data in sorted(facts.streams.items()):  # a header over each stream's column
        header = f"column-{stream}"
        net.add_node(
            header,
            label=_label(labels, {stream: data["label"]}, stream),
            searchText=data["label"],
            x=column[stream],
            y=75,
            shape="text",
            filterValue=data["community"],
            font={"size": 24 if data["community"] == "community-it" else 18},
        )
        details[header] = {
            "label": _label(labels, {stream: data["label"]}, stream),
            "kind": words["stream"],
            "group": communities[data["community"]],
            "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
        }
    edge_details = {}
    for move in map_moves(model, highlight):
        u, v = move["from"], move["to"]
        colour, dashes = EDGE_STYLES[edge_style(move)]
        width = 3 if move["basis"] == "stated" else 0.6 if move["kind"] == "entry" else 1.5
        edge_id = f"{u}|{v}|{move['kind']}"
        if highlight:
            colour, width = ("#e03131", 5) if (u, v, move["kind"]) in path_moves else ("#e9ecef", width)
        net.add_edge(u, v, id=edge_id, color=colour, dashes=dashes, width=width)
        edge_details[edge_id] = _move_info(facts, move, labels, english, lang)
    filters = [(c, communities[c], True) for c in ("community-it", "community-idg", "community-dcoe", "community-digital-executives")]
    filters.append(("entry", {"en": "Entry routes", "fr": "Voies d'accès"}[lang], True))
    default_title = {"en": "Career map", "fr": "Carte des carrières"}[lang]
    description = {
        "en": "Positions by stream (across, grouped by community) and level (up); entry routes below, executive levels above. Each line is "
        "a move as the Government of Canada makes them, named by the staffing rule that allows it; thick lines are moves the source states. "
        "Each position shows its cheapest deployment and promotion into another stream (all the others are allowed too); mid-career "
        "professionals may enter at any position.",
        "fr": "Les postes par volet (en largeur, groupés par communauté) et par niveau (en hauteur) ; les voies d'accès en bas, les niveaux "
        "de direction en haut. Chaque trait est un déplacement tel que le gouvernement du Canada les fait, nommé par la règle de dotation "
        "qui le permet ; les traits épais sont énoncés par la source. Chaque poste montre sa mutation et sa promotion dans un autre volet "
        "les moins coûteuses (les autres sont aussi permises) ; les professionnels en milieu de carrière peuvent entrer à tout poste.",
    }[lang]
    return View(
        "career-map",
        lang,
        title or default_title,
        description,
        net,
        details,
        edge_details,
        filters,
        map_legend(facts, lang, labels),
        _OPTIONS,
    )


def map_legend(facts: Facts, lang: str, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """The career map's legend (the pages' index shows it too): communities, then how each kind of move is drawn."""
    words, communities = _WORDS[lang], _community_names(facts, labels)
    legend = [
        ("dot", COMMUNITY_COLOURS[c], communities[c])
        for c in ("community-it", "community-idg", "community-dcoe", "community-digital-executives")
    ]
    legend += [
        ("dot", COMMUNITY_COLOURS[None], words["entry route"]),
        ("ring", COMMUNITY_COLOURS["community-idg"], words["unstated position"]),
    ]
    legend += [
        ("dashed" if dashes == [8, 6] else "dotted" if dashes else "solid", colour, words[key])
        for key, (colour, dashes) in EDGE_STYLES.items()
    ]
    return legend


# ---------------------------------------------------------------- stream mobility


def stream_mobility(facts: Facts, lang: str, labels: dict[str, str], kg: KnowledgeGraph | None = None) -> View:
    """The 13 streams on a circle; edge width by official-skill similarity; each edge lists the shared skills."""
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
            "kind": _WORDS[lang]["stream"],
            "group": communities[facts.streams[stream]["community"]],
            "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
        }
    edge_details = {}
    for (a, b), score in sorted(stream_similarity(facts).items()):
        if score < 0.05:
            continue
        shared, behind = shared_evidence(facts, a, b, top=6)
        edge_id = f"{a}|{b}"
        net.add_edge(a, b, id=edge_id, width=round(1 + 24 * score, 2), color="#1971c2", arrows={"to": {"enabled": False}}, smooth=False)
        edge_details[edge_id] = _edge_info(
            _label(labels, english, a),
            _label(labels, english, b),
            {"en": "official-skill similarity", "fr": "similarité des compétences officielles"}[lang],
            basis="inferred",
            score=score,
            evidence="; ".join(behind),
            shared=shared,
        )
    filters = [(c, communities[c], True) for c in ("community-it", "community-idg", "community-dcoe")]
    legend = [("dot", COMMUNITY_COLOURS[c], communities[c]) for c in ("community-it", "community-idg", "community-dcoe")]
    legend.append(
        (
            "solid",
            "#1971c2",
            {"en": "shared official skills (width: similarity)", "fr": "compétences officielles communes (largeur : similarité)"}[lang],
        )
    )
    title = {"en": "Stream mobility", "fr": "Mobilité entre volets"}[lang]
    description = {
        "en": "The 13 work streams of IT, Information and Data Governance and the Data Centre of Expertise. The wider the line, the more "
        "official skills (GC Digital Talent) two streams' responsibilities call on in common (weighted Jaccard, inferred by this tool); "
        "select a line to see which. Which moves exist is decided by the staffing rules (see the career map), not by this similarity.",
        "fr": "Les 13 volets de la TI, de la gouvernance de l'information et des données et du Centre d'expertise en données. Plus le trait "
        "est large, plus les responsabilités des deux volets font appel aux mêmes compétences officielles (Talents numériques du GC ; "
        "Jaccard pondéré, inféré par l'outil) ; sélectionnez un trait pour les voir. Les déplacements possibles sont fixés par les règles "
        "de dotation (voir la carte des carrières), pas par cette similarité.",
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
    "skill": "#2b8a3e",
    "skill family": "#69db7c",
    "job template": "#0b7285",
    "staffing rule": "#e8590c",
    "assumption": "#fd7e14",
    "pay range": "#d9480f",
    "crosswalk": "#5c940d",
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
