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

from dataclasses import dataclass
from typing import Any

from graph.i18n import text
from graph.mobility.communities import compare_with_official, skill_clusters
from graph.mobility.facts import Facts
from graph.mobility.gateways import betweenness, bridges, ceilings, pagerank
from graph.mobility.moves import MobilityModel
from graph.mobility.similarity import shared_evidence, stream_similarity

__all__ = ["Measures", "measure", "summarise"]


@dataclass(frozen=True)
class Measures:
    """What the tables are made of, computed once for every language: similarity, gateways, bridges, ceilings, clusters."""

    similarity: dict[tuple[str, str], float]
    betweenness: list[tuple[str, float]]
    pagerank: dict[str, float]
    bridges: list[tuple[str, str, dict[str, Any]]]
    ceilings: list[str]
    clusters: list[dict[str, Any]]
    labels: dict[str, str]


def measure(facts: Facts, model: MobilityModel) -> Measures:
    """The slow part of `summarise` (betweenness, PageRank, Louvain, similarity), for one graph, whatever the language."""
    G = model.graph()
    sims = stream_similarity(facts)
    top_rank = max((d.rank for d in facts.positions.values()), default=0)
    clusters = compare_with_official(skill_clusters(sims), {s: d.community for s, d in facts.streams.items()})  # ids: named per language
    return Measures(
        similarity=sims,
        betweenness=list(betweenness(G).items()),
        pagerank=pagerank(G),
        bridges=[(u, v, d) for u, v, d in bridges(G)],
        ceilings=[n for n in ceilings(G, top_rank=top_rank) if G.nodes[n].get("level_stated", True)],
        clusters=clusters,
        labels={n: d["label"] for n, d in G.nodes(data=True)},
    )


def summarise(
    facts: Facts,
    model: MobilityModel,
    *,
    top: int = 10,
    lang: str = "en",
    names: dict[str, str] | None = None,
    measures: Measures | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Tables: stream similarity, gateways, moves between communities, ceilings, skill clusters.

    With ``lang="fr"`` the values are French: streams, skills and kinds of move by their French names, and the
    positions and communities by ``names`` (the graph's French labels). The keys stay English. ``measures`` (`measure`)
    saves computing them again for another language.
    """
    found = measures or measure(facts, model)
    french, names = lang == "fr", names or {}

    def name(s: str) -> str:
        return (facts.streams[s].fr if french else None) or facts.streams[s].label

    def label(n: str) -> str:
        return (names.get(n) if french else None) or found.labels[n]

    communities = {d.community: d.community_label for d in facts.streams.values()}

    def community(c: str) -> str:
        return (names.get(c) if french else None) or communities[c]

    similarity = [
        {
            "stream": name(a),
            "other stream": name(b),
            "similarity": v,
            "shared official skills": shared_evidence(facts, a, b, top=4, lang=lang)[0],
        }
        for (a, b), v in sorted(found.similarity.items(), key=lambda x: (-x[1], x[0]))[:top]
    ]
    gateways = [{"position": label(n), "betweenness": v, "pagerank": found.pagerank.get(n, 0.0)} for n, v in found.betweenness[:top]]
    crossing = [
        {
            "from": label(u),
            "to": label(v),
            "kind": text(lang, "move_" + d["kind"]) if french else d["kind"],
            "basis": text(lang, d["basis"]) if french else d["basis"],
            "cost": d["cost"],
            "skills to gain": len(d["gap"]),
        }
        for u, v, d in found.bridges
    ]
    stops = [{"position": label(n), "way up": text(lang, "mobility_way_up_answer")} for n in found.ceilings]
    clusters = [
        {
            "cluster": row["cluster"],
            "streams": [name(s) for s in row["streams"]],
            "official communities": sorted({community(s) for s in row["official_communities"]}),
            "cuts across official communities": row["cuts_across"],
        }
        for row in found.clusters
    ]
    return {
        "stream similarity": similarity,
        "gateways": gateways,
        "bridges between communities": crossing[: top * 3],
        "ceilings": stops,
        "skill clusters": clusters,
    }
