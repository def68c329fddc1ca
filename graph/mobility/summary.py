"""The mobility tables that ``careers mobility`` prints and the report writes: plain lists of dicts.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, G = analyse(derive(load().g))
>>> summarise(facts, G, top=3)["stream similarity"][0]["similarity"]
0.25
"""

from __future__ import annotations

import networkx as nx

from graph.mobility.communities import compare_with_official, skill_clusters
from graph.mobility.facts import Facts
from graph.mobility.gateways import betweenness, bridges, dead_ends, pagerank
from graph.mobility.similarity import LATERAL_THRESHOLD, shared_evidence, stream_similarity

__all__ = ["summarise"]


def summarise(facts: Facts, G: nx.MultiDiGraph, *, top: int = 10) -> dict[str, list[dict]]:
    """Tables: stream similarity, gateways, cross-community bridges, dead ends, skill clusters."""
    name = lambda s: facts.streams[s]["label"]  # noqa: E731
    sims = stream_similarity(facts)
    similarity = [
        {
            "stream": name(a),
            "other stream": name(b),
            "similarity": v,
            "lateral move": v >= LATERAL_THRESHOLD,
            "shared competencies": shared_evidence(facts, a, b, top=4)[0],
        }
        for (a, b), v in sorted(sims.items(), key=lambda x: (-x[1], x[0]))[:top]
    ]
    ranks = pagerank(G)
    gateways = [
        {"node": G.nodes[n]["label"], "kind": G.nodes[n]["kind"], "betweenness": v, "pagerank": ranks.get(n, 0.0)}
        for n, v in list(betweenness(G).items())[:top]
    ]
    crossing = [
        {
            "from": G.nodes[u]["label"],
            "to": G.nodes[v]["label"],
            "kind": d["kind"],
            "basis": d["basis"],
            "score": d.get("score"),
            "shared competencies": d["shared"][:4],
        }
        for u, v, d in bridges(G)
    ]
    ends = [{"node": G.nodes[n]["label"], "kind": G.nodes[n]["kind"]} for n in dead_ends(G)]
    official = {s: facts.streams[s]["community_label"] for s in facts.streams}
    clusters = [
        {
            "cluster": row["cluster"],
            "streams": [name(s) for s in row["streams"]],
            "official communities": row["official_communities"],
            "cuts across official communities": row["cuts_across"],
        }
        for row in compare_with_official(skill_clusters(sims), official)
    ]
    return {
        "stream similarity": similarity,
        "gateways": gateways,
        "bridges between communities": crossing[: top * 3],
        "dead ends": ends,
        "skill clusters": clusters,
    }
