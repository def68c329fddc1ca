"""Everything linked to one thing of the graph, for ``careers show``.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, G = analyse(derive(load().g))
>>> describe_node(facts, G, "role-senior-advisor", "role")["found in streams"][:2]
['IT Database Management', 'IT Enterprise Architecture']
"""

from __future__ import annotations

import networkx as nx

from graph.mobility.facts import Facts
from graph.mobility.gap import competencies_of
from graph.mobility.similarity import profile, stream_similarity

__all__ = ["describe_node"]


def _moves(G: nx.MultiDiGraph, node: str, *, out: bool) -> list[str]:
    edges = G.out_edges(node, data=True) if out else G.in_edges(node, data=True)
    lines = []
    for u, v, d in sorted(edges, key=lambda e: (e[2]["cost"], e[0], e[1])):
        other = G.nodes[v if out else u]["label"]
        score = f", score {d['score']:.2f}" if d.get("score") is not None else ""
        lines.append(f"{'to' if out else 'from'} {other}: {d['kind']} ({d['basis']}{score})")
    return lines


def describe_node(facts: Facts, G: nx.MultiDiGraph, node: str, kind: str) -> dict:
    """A dict of the node's attributes and linked things (lists of strings), ready to print."""
    label = lambda c: facts.competencies.get(c, c)  # noqa: E731
    if kind == "position":
        p = facts.positions[node]
        items = facts.stream_items.get(p["stream"], []) + facts.role_items.get(p["role"], [])
        return {
            "position": G.nodes[node]["label"],
            "id": node,
            "role": facts.role_labels[p["role"]],
            "level": p["level_label"],
            "stream": facts.streams[p["stream"]]["label"],
            "community": facts.streams[p["stream"]]["community_label"],
            "path": (p["path"] or "none (below IT-03)").removeprefix("path-"),
            "responsibilities": [i.label for i in items],
            "competencies": sorted(label(c) for c in competencies_of(facts, node)),
            "moves out": _moves(G, node, out=True),
            "moves in": _moves(G, node, out=False),
        }
    if kind == "stream":
        s = facts.streams[node]
        counts = profile(facts.stream_items.get(node, []))
        sims = stream_similarity(facts)
        similar = sorted(((b if a == node else a, v) for (a, b), v in sims.items() if node in (a, b)), key=lambda x: (-x[1], x[0]))[:5]
        info = {
            "stream": s["label"],
            "id": node,
            "community": s["community_label"],
            "responsibilities": [i.label for i in facts.stream_items.get(node, [])],
            "competencies": [f"{label(c)} ({n})" for c, n in sorted(counts.items(), key=lambda x: (-x[1], label(x[0])))],
            "positions": sorted((G.nodes[p]["label"] for p, d in facts.positions.items() if d["stream"] == node), key=lambda text: text),
            "most similar streams": [f"{facts.streams[o]['label']} ({v:.2f})" for o, v in similar],
        }
        if node in G:
            info["moves out"], info["moves in"] = _moves(G, node, out=True), _moves(G, node, out=False)
        return info
    if kind == "role":
        positions = sorted((d for d in facts.positions.values() if d["role"] == node), key=lambda d: facts.streams[d["stream"]]["order"])
        return {
            "role": facts.role_labels[node],
            "id": node,
            "levels": sorted({d["level_label"] for d in positions}) or ["(no stream-specific position)"],
            "found in streams": [facts.streams[d["stream"]]["label"] for d in positions],
            "definition": [i.label for i in facts.role_items.get(node, [])],
            "competencies": sorted({label(c) for i in facts.role_items.get(node, []) for c in i.competencies}),
        }
    if kind == "competency":
        streams = {s: n for s, items in facts.stream_items.items() if (n := sum(node in i.competencies for i in items))}
        return {
            "competency": label(node),
            "id": node,
            "streams": [
                f"{facts.streams[s]['label']} ({n})"
                for s, n in sorted(streams.items(), key=lambda x: (-x[1], facts.streams[x[0]]["label"]))
            ],
            "responsibilities": sorted(
                f"{facts.streams[s]['label']}: {i.label}"
                for s, items in facts.stream_items.items()
                for i in items
                if node in i.competencies
            ),
            "roles": sorted(facts.role_labels[r] for r, items in facts.role_items.items() if any(node in i.competencies for i in items)),
        }
    data = G.nodes[node]
    return {kind: data["label"], "id": node, "moves out": _moves(G, node, out=True), "moves in": _moves(G, node, out=False)}
