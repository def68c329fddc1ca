"""The career map: positions by stream and level, entry routes below, executive levels above, and the moves between them.

Each move is drawn by kind (`graph.viz.style.EDGE_STYLES`) and carries its rule, basis, assumptions and skill gap.

Examples
--------
>>> edge_style({"kind": "promotion", "same_track": False}), edge_style({"kind": "deployment"})
('promotion elsewhere', 'deployment')
"""

from __future__ import annotations

from graph.mobility.facts import Facts, stream_order
from graph.mobility.moves import ASSUMPTIONS, MobilityModel, edge_data
from graph.mobility.pay import pay_line
from graph.viz.data import KnowledgeGraph
from graph.viz.i18n import text
from graph.viz.page import View
from graph.viz.style import (
    COMMUNITY_COLOURS,
    EDGE_STYLES,
    OPTIONS,
    community_colour,
    community_names,
    edge_info,
    label_of,
    network,
    stream_communities,
)

__all__ = ["MID_CAREER", "career_map", "edge_style", "map_legend", "map_moves"]

MID_CAREER = "entry-mid-career-professional"
"""The entry route with a move into every position: drawn only on a path, described in its details."""


def _skill_name(facts: Facts, skill: str, lang: str) -> str:
    return facts.skills.get(skill, {}).get("fr" if lang == "fr" else "label", skill)


def edge_style(move: dict) -> str:
    """The `EDGE_STYLES` key of a move (an edge's data in `MobilityModel.graph`)."""
    if move["kind"] == "promotion" and not move.get("same_track"):
        return "promotion elsewhere"
    return move["kind"]


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
    rule = facts.rules.get(move["rule"], {})
    return edge_info(
        label_of(labels, english, move["from"]),
        label_of(labels, english, move["to"]),
        text(lang, edge_style(move)),
        basis=move["basis"],
        evidence=move.get("evidence", ""),
        quotes=move.get("quotes", []),
        rule=label_of(labels, {move["rule"]: rule.get("label", move["rule"])}, move["rule"]),
        rule_quotes=rule.get("quotes", [])[:1],
        assumptions=[label_of(labels, {a: facts.assumptions.get(a, {}).get("label", a)}, a) for a in move["assumptions"]],
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
    nodes = model.nodes
    coords, column = _career_coordinates(facts, nodes)
    english = {n: d["label"] for n, d in nodes.items()}
    communities = community_names(facts, labels)
    on_path = set(highlight.nodes) if highlight else set()
    path_moves = {s.key for s in highlight.steps} if highlight else set()
    net = network()
    details = {}
    for node in sorted(nodes):
        d = nodes[node]
        x, y = coords[node]
        colour = "#dee2e6" if highlight and node not in on_path else community_colour(d.get("community"))
        hollow = d["kind"] == "position" and not d["level_stated"]
        label = label_of(labels, english, node)
        short = label
        if d["kind"] == "position":  # the column header names the stream: the node shows level and role
            role = label_of(labels, {}, d["role"]) if d["role"] in labels else d["role_label"]
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
            "kind": text(lang, "unstated position" if hollow else "entry route" if d["kind"] == "entry" else d["kind"]),
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
            label=label_of(labels, {stream: data["label"]}, stream),
            searchText=data["label"],
            x=column[stream],
            y=75,
            shape="text",
            filterValue=data["community"],
            font={"size": 24 if data["community"] == "community-it" else 18},
        )
        details[header] = {
            "label": label_of(labels, {stream: data["label"]}, stream),
            "kind": text(lang, "stream"),
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
    filters = [(c, communities[c], True) for c in (*stream_communities(facts), "community-digital-executives")]
    filters.append(("entry", text(lang, "entry_routes"), True))
    default_title = text(lang, "career_map_title")
    description = text(lang, "career_map_description")
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
        OPTIONS,
    )


def map_legend(facts: Facts, lang: str, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """The career map's legend (the pages' index shows it too): communities, then how each kind of move is drawn."""
    communities = community_names(facts, labels)
    legend = [("dot", community_colour(c), communities[c]) for c in (*stream_communities(facts), "community-digital-executives")]
    legend += [
        ("dot", COMMUNITY_COLOURS[None], text(lang, "entry route")),
        ("ring", COMMUNITY_COLOURS["community-idg"], text(lang, "unstated position")),
    ]
    legend += [
        ("dashed" if dashes == [8, 6] else "dotted" if dashes else "solid", colour, text(lang, key))
        for key, (colour, dashes) in EDGE_STYLES.items()
    ]
    return legend
