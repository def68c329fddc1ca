"""The mobility tables that ``careers mobility`` prints and the report writes: plain lists of dicts.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, model = analyse(derive(load().g))
>>> sorted(summarise(facts, model, top=3))
['bridges between communities', 'ceilings', 'gateways', 'skill clusters', 'stream similarity']
"""

from __future__ import annotations

from typing import Any

from graph.i18n import text
from graph.mobility.communities import compare_with_official, skill_clusters
from graph.mobility.facts import Facts
from graph.mobility.gateways import betweenness, bridges, ceilings, pagerank
from graph.mobility.moves import MobilityModel
from graph.mobility.similarity import shared_evidence, stream_similarity

__all__ = ["summarise"]


def summarise(
    facts: Facts, model: MobilityModel, *, top: int = 10, lang: str = "en", names: dict[str, str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Tables: stream similarity, gateways, moves between communities, ceilings, skill clusters.

    With ``lang="fr"`` the values are French: streams, skills and kinds of move by their French names, and the
    positions and communities by ``names`` (the graph's French labels). The keys stay English.
    """
    G = model.graph()
    french, names = lang == "fr", names or {}

    def name(s: str) -> str:
        return (facts.streams[s].fr if french else None) or facts.streams[s].label

    def label(n: str) -> str:
        return (names.get(n) if french else None) or G.nodes[n]["label"]

    sims = stream_similarity(facts)
    similarity = [
        {
            "stream": name(a),
            "other stream": name(b),
            "similarity": v,
            "shared official skills": shared_evidence(facts, a, b, top=4, lang=lang)[0],
        }
        for (a, b), v in sorted(sims.items(), key=lambda x: (-x[1], x[0]))[:top]
    ]
    ranks = pagerank(G)
    gateways = [{"position": label(n), "betweenness": v, "pagerank": ranks.get(n, 0.0)} for n, v in list(betweenness(G).items())[:top]]
    crossing = [
        {
            "from": label(u),
            "to": label(v),
            "kind": text(lang, "move_" + d["kind"]) if french else d["kind"],
            "basis": text(lang, d["basis"]) if french else d["basis"],
            "cost": d["cost"],
            "skills to gain": len(d["gap"]),
        }
        for u, v, d in bridges(G)
    ]
    top_rank = max((d.rank for d in facts.positions.values()), default=0)
    stops = [
        {"position": label(n), "way up": text(lang, "mobility_way_up_answer")}
        for n in ceilings(G, top_rank=top_rank)
        if G.nodes[n].get("level_stated", True)
    ]

    def community(s: str) -> str:
        return (names.get(facts.streams[s].community) if french else None) or facts.streams[s].community_label

    official = {s: community(s) for s in facts.streams}
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
        "ceilings": stops,
        "skill clusters": clusters,
    }
