"""Which senior roles each position can reach within k moves.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"kind": "position", "rank": 2, "label": "A"}), ("b", {"kind": "position", "rank": 3, "label": "B"}),
...                   ("c", {"kind": "position", "rank": 4, "label": "C"})])
>>> _ = G.add_edge("a", "b"), G.add_edge("b", "c")
>>> reachable_senior(G, k=1, min_rank=3)
{'a': ['b'], 'b': ['c'], 'c': []}
>>> reachable_senior(G, k=2, min_rank=4)["a"]
['c']
"""

from __future__ import annotations

import networkx as nx

__all__ = ["reachable_senior"]


def reachable_senior(G: nx.MultiDiGraph, *, k: int = 3, min_rank: int = 4, stated_only: bool = False) -> dict[str, list[str]]:
    """``{position: [senior nodes]}``: positions of rank >= ``min_rank`` and executive levels reachable in <= ``k`` moves."""
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v, d in G.edges(data=True) if not stated_only or d.get("basis") == "stated")
    out = {}
    for node, data in sorted(G.nodes(data=True)):
        if data.get("kind") != "position":
            continue
        near = nx.single_source_shortest_path_length(H, node, cutoff=k)
        out[node] = sorted(
            n
            for n in near
            if n != node
            and (
                (G.nodes[n].get("kind") == "position" and (G.nodes[n].get("rank") or 0) >= min_rank)
                or G.nodes[n].get("kind") == "executive"
            )
        )
    return out
