"""Gateways and ceilings: which positions connect IT, information management and data roles, and where a stream stops.

Computed on the bounded mobility graph (`graph.mobility.moves.MobilityModel.graph`):

* **betweenness**: how many cheapest careers pass through a position (cost-weighted, normalised);
* **bridges**: moves whose two ends are in different career communities;
* **PageRank**: where moves lead most often (cost turned into a weight 1/cost);
* **ceilings**: positions below the top level from which no promotion continues in their own stream and
  path: the way up is an appointment into another stream or path (or the executive ranks).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"kind": "position", "community": "x", "stream": "s", "rank": 1, "path": None}),
...                   ("b", {"kind": "position", "community": "y", "stream": "t", "rank": 1, "path": None}),
...                   ("c", {"kind": "position", "community": "y", "stream": "t", "rank": 2, "path": None})])
>>> G.add_edge("a", "b", kind="deployment", cost=2.0)
0
>>> G.add_edge("b", "c", kind="promotion", cost=1.0)
0
>>> [(u, v) for u, v, _ in bridges(G)]
[('a', 'b')]
>>> ceilings(G, top_rank=2)
['a']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["EXACT_UP_TO", "betweenness", "bridges", "ceilings", "pagerank"]

CAREER_KINDS = ("position",)


def _simple(G: nx.MultiDiGraph[str]) -> nx.DiGraph[str]:
    H: nx.DiGraph[str] = nx.DiGraph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if not H.has_edge(u, v) or d["cost"] < H[u][v]["cost"]:
            H.add_edge(u, v, cost=d["cost"], weight=1.0 / d["cost"], kind=d["kind"])
    return H


EXACT_UP_TO = 300
"""Betweenness is exact up to this many states; beyond, estimated from this many sources drawn with seed 42."""


def betweenness(G: nx.MultiDiGraph[str]) -> dict[str, float]:
    """Cost-weighted betweenness centrality of positions, highest first (rounded to 4 places).

    Exact (one shortest-path search from every state) up to `EXACT_UP_TO` states; beyond, estimated from
    `EXACT_UP_TO` sources (Brandes and Pich's sampling, seeded: the same graph gives the same scores).
    """
    H = _simple(G)
    sample = EXACT_UP_TO if H.number_of_nodes() > EXACT_UP_TO else None
    scores = nx.betweenness_centrality(H, k=sample, weight="cost", normalized=True, seed=42 if sample else None)
    kept = {n: round(s, 4) for n, s in scores.items() if G.nodes[n].get("kind") in CAREER_KINDS}
    return dict(sorted(kept.items(), key=lambda item: (-item[1], item[0])))


def pagerank(G: nx.MultiDiGraph[str], *, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> dict[str, float]:
    """PageRank of positions over moves weighted by 1/cost, highest first (rounded to 4 places).

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


def bridges(G: nx.MultiDiGraph[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Moves between two positions of different career communities, cheapest first."""
    found = [
        (u, v, d)
        for u, v, d in G.edges(data=True)
        if G.nodes[u].get("kind") in CAREER_KINDS
        and G.nodes[v].get("kind") in CAREER_KINDS
        and G.nodes[u].get("community") != G.nodes[v].get("community")
    ]
    return sorted(found, key=lambda e: (e[2]["cost"], e[0], e[1]))


def ceilings(G: nx.MultiDiGraph[str], *, top_rank: int = 5) -> list[str]:
    """Positions below ``top_rank`` with no promotion in their own stream and path: their stream stops there."""
    found = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        if data.get("kind") != "position" or (data.get("rank") or 0) >= top_rank:
            continue
        onward = [
            v
            for _, v, d in G.out_edges(node, data=True)
            if d["kind"] == "promotion"
            and G.nodes[v].get("stream") == data.get("stream")
            and (not data.get("path") or G.nodes[v].get("path") == data.get("path"))
        ]
        if not onward:
            found.append(node)
    return found
