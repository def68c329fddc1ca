"""Skill clusters found from competencies (Louvain, seeded) set against the official career communities.

Examples
--------
>>> sims = {("a", "b"): 0.9, ("a", "c"): 0.05, ("b", "c"): 0.05, ("c", "d"): 0.8}
>>> skill_clusters(sims, seed=1)
[['a', 'b'], ['c', 'd']]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["SEED", "compare_with_official", "skill_clusters"]

SEED = 42
"""Seed of the Louvain method, so that the clusters are the same on every run."""


def skill_clusters(similarity: dict[tuple[str, str], float], *, seed: int = SEED, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of the stream-similarity graph (edge weight = similarity), each sorted, largest first."""
    H: nx.Graph[str] = nx.Graph()
    for (a, b), score in sorted(similarity.items()):
        H.add_node(a)
        H.add_node(b)
        if score > 0:
            H.add_edge(a, b, weight=score)
    clusters = nx.community.louvain_communities(H, weight="weight", seed=seed, resolution=resolution)
    return sorted((sorted(c) for c in clusters), key=lambda c: (-len(c), c))


def compare_with_official(clusters: list[list[str]], official: dict[str, str]) -> list[dict[str, Any]]:
    """For each cluster: its streams, the official communities they belong to, and whether it cuts across them."""
    rows = []
    for number, cluster in enumerate(clusters, 1):
        communities = sorted({official[s] for s in cluster})
        rows.append({"cluster": number, "streams": cluster, "official_communities": communities, "cuts_across": len(communities) > 1})
    return rows
