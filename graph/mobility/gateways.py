"""Gateways and dead ends: which positions and streams connect IT, information management and data roles.

* **betweenness**: how many cheapest careers pass through a node (cost-weighted, normalised);
* **bridges**: moves whose two ends are in different career communities;
* **PageRank**: where moves lead most often (cost turned into a weight 1/cost);
* **dead ends**: positions and streams with no move out but to the same role elsewhere or back down.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"kind": "position", "community": "x"}), ("b", {"kind": "position", "community": "y"}),
...                   ("c", {"kind": "position", "community": "y"})])
>>> G.add_edge("a", "b", kind="lateral move", cost=2.0)
0
>>> G.add_edge("b", "c", kind="promotion", cost=1.0)
0
>>> [(u, v) for u, v, _ in bridges(G)]
[('a', 'b')]
>>> dead_ends(G)
['c']
"""

from __future__ import annotations

import networkx as nx

__all__ = ["betweenness", "bridges", "dead_ends", "pagerank"]

CAREER_KINDS = ("position", "stream")


def _simple(G: nx.MultiDiGraph) -> nx.DiGraph:
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if not H.has_edge(u, v) or d["cost"] < H[u][v]["cost"]:
            H.add_edge(u, v, cost=d["cost"], weight=1.0 / d["cost"], kind=d["kind"])
    return H


def betweenness(G: nx.MultiDiGraph) -> dict[str, float]:
    """Cost-weighted betweenness centrality of positions and streams, highest first (rounded to 4 places)."""
    scores = nx.betweenness_centrality(_simple(G), weight="cost", normalized=True)
    kept = {n: round(s, 4) for n, s in scores.items() if G.nodes[n].get("kind") in CAREER_KINDS}
    return dict(sorted(kept.items(), key=lambda item: (-item[1], item[0])))


def pagerank(G: nx.MultiDiGraph, *, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> dict[str, float]:
    """PageRank of positions and streams over moves weighted by 1/cost, highest first (rounded to 4 places).

    A plain power iteration (what ``networkx.pagerank`` computes, without importing SciPy: 0.3 s per
    command); nodes without moves out spread their rank evenly over all nodes.
    """
    H = _simple(G)
    nodes = sorted(H)
    if not nodes:
        return {}
    n = len(nodes)
    out_weight = {u: sum(d["weight"] for _, _, d in H.out_edges(u, data=True)) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_weight[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, d in H.edges(data=True):
            new[v] += alpha * rank[u] * d["weight"] / out_weight[u]
        converged = sum(abs(new[u] - rank[u]) for u in nodes) < n * tol
        rank = new
        if converged:
            break
    kept = {u: round(r, 4) for u, r in rank.items() if G.nodes[u].get("kind") in CAREER_KINDS}
    return dict(sorted(kept.items(), key=lambda item: (-item[1], item[0])))


def bridges(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """Moves between two positions or streams of different career communities, cheapest first."""
    found = [
        (u, v, d)
        for u, v, d in G.edges(data=True)
        if G.nodes[u].get("kind") in CAREER_KINDS
        and G.nodes[v].get("kind") in CAREER_KINDS
        and G.nodes[u].get("community") != G.nodes[v].get("community")
    ]
    return sorted(found, key=lambda e: (e[2]["cost"], e[0], e[1]))


def dead_ends(G: nx.MultiDiGraph) -> list[str]:
    """Positions and streams with no move out to a higher level, another path, another community or the executive ranks.

    A lateral move to the same role at the same level in another stream does not count as a way out.
    """
    ends = []
    for node, data in sorted(G.nodes(data=True)):
        if data.get("kind") not in CAREER_KINDS:
            continue
        ways_out = [
            v
            for _, v, d in G.out_edges(node, data=True)
            if d["kind"] in ("promotion", "path change", "executive transition")
            or G.nodes[v].get("community") != data.get("community")
            or G.nodes[v].get("kind") != data.get("kind")
        ]
        if not ways_out:
            ends.append(node)
    return ends
