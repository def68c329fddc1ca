"""The mobility graph: a ``networkx.MultiDiGraph`` of positions, streams, entry routes and executive levels.

Built from the RDF facts (`graph.mobility.facts`), never from a second copy of the data.

Nodes (attribute ``kind``): ``position`` (a role at a level in an IT stream), ``stream`` (an
Information and Data Governance or Data Centre of Expertise stream: the source gives them no
levels, so they are single nodes), ``entry`` (an entry route), ``executive`` (EX-01..EX-05).

Edges carry ``kind``, ``basis`` (``stated`` or ``inferred``), ``cost``, ``score`` (inferred only),
``evidence`` (words), ``quotes`` (the source's sentences, stated only), ``shared`` (competencies)
and ``responsibilities`` (the items behind them):

==========================  ========  ==============================================================  =====================
kind                        basis     rule                                                            cost
==========================  ========  ==============================================================  =====================
promotion                   stated    next level in the same stream and path (IT-02 branches into      1
                                      both paths at IT-03)
entry                       stated    student, apprentice, recent graduate: each stream's entry        1
                                      level; mid-career professional: any position or stream
executive transition        stated    IT-05 positions and the other communities' streams to EX-01;     1
                                      private-sector executive to each EX level
path change                 inferred  management <-> individual contributor, same stream and level;    1.5 + (1 - score)
                                      score: Jaccard of the two positions' competencies
lateral move                inferred  same role and level in another IT stream, IT position to an      2 + 2 (1 - score)
                                      IDG/DCoE stream, between IDG/DCoE streams, IDG/DCoE stream to
                                      an IT stream's entry level; score: weighted Jaccard of the
                                      streams (`graph.mobility.similarity`), kept at >= threshold
==========================  ========  ==============================================================  =====================

Inferred moves cost more than stated ones, so the cheapest paths follow what the source says.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.mobility.source import RdflibSource
>>> from graph.mobility.facts import read_facts
>>> G = mobility_graph(read_facts(RdflibSource(derive(load().g))))
>>> G.nodes["position-it-03-team-lead-it-security"]["kind"]
'position'
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from graph.mobility.facts import Facts
from graph.mobility.similarity import LATERAL_THRESHOLD, jaccard, shared_evidence, stream_similarity

__all__ = ["COSTS", "mobility_graph", "position_competencies"]

COSTS = {"promotion": 1.0, "entry": 1.0, "executive transition": 1.0}
_KIND_NAMES = {"Promotion": "promotion", "Entry": "entry", "ExecutiveTransition": "executive transition"}


def position_competencies(facts: Facts, position: str) -> set[str]:
    """The competencies of a position: those of its stream's items and of its role's defining sentence."""
    data = facts.positions[position]
    items = facts.stream_items.get(data["stream"], []) + facts.role_items.get(data["role"], [])
    return {c for item in items for c in item.competencies}


def _stated(facts: Facts) -> dict[tuple[str, str], dict]:
    """Stated progressions by (from, to), with their quotes."""
    return {(p["from"], p["to"]): p for p in facts.progressions}


def mobility_graph(facts: Facts, *, threshold: float = LATERAL_THRESHOLD) -> nx.MultiDiGraph:
    """Build the mobility graph from ``facts``; lateral moves need a stream similarity of at least ``threshold``."""
    G = nx.MultiDiGraph(threshold=threshold)
    stated = _stated(facts)
    _add_nodes(G, facts)
    _add_promotions(G, facts, stated)
    _add_entries_and_exits(G, facts)
    _add_path_changes(G, facts)
    _add_laterals(G, facts, threshold)
    return G


def _add_nodes(G: nx.MultiDiGraph, facts: Facts) -> None:
    for pid, p in sorted(facts.positions.items()):
        G.add_node(
            pid,
            kind="position",
            label=p["label"],
            role=p["role"],
            role_label=facts.role_labels.get(p["role"], p["role"]),
            level=p["level_label"],
            rank=p["rank"],
            stream=p["stream"],
            stream_label=facts.streams[p["stream"]]["label"],
            community=p["community"],
            path=p["path"],
        )
    for sid, s in sorted(facts.streams.items()):
        if s["community"] != "community-it":
            G.add_node(
                sid, kind="stream", label=s["label"], stream=sid, stream_label=s["label"], community=s["community"], rank=None, path=None
            )
    for rid, r in sorted(facts.routes.items()):
        G.add_node(rid, kind="entry", label=r["label"], community=None, rank=None, path=None)
    for lid, lvl in sorted(facts.executive_levels.items()):
        G.add_node(lid, kind="executive", label=lvl["label"], rank=lvl["rank"], community="community-digital-executives", path=None)


def _edge(G, u, v, kind, *, basis="stated", cost=None, score=None, evidence="", quotes=(), shared=(), responsibilities=(), source=None):
    G.add_edge(
        u,
        v,
        key=kind,
        kind=kind,
        basis=basis,
        cost=round(cost if cost is not None else COSTS[kind], 4),
        score=score,
        evidence=evidence,
        quotes=list(quotes),
        shared=list(shared),
        responsibilities=list(responsibilities),
        source=source,
    )


def _by_stream(facts: Facts) -> dict[str, list[str]]:
    grouped = defaultdict(list)
    for pid, p in facts.positions.items():
        grouped[p["stream"]].append(pid)
    return {s: sorted(ps, key=lambda pid: (facts.positions[pid]["rank"], pid)) for s, ps in sorted(grouped.items())}


def _add_promotions(G, facts: Facts, stated) -> None:
    for positions in _by_stream(facts).values():
        for a in positions:
            pa = facts.positions[a]
            for b in positions:
                pb = facts.positions[b]
                if pb["rank"] != pa["rank"] + 1 or (pa["path"] and pa["path"] != pb["path"]):
                    continue
                progression = stated.get((pa["level"], pb["level"]))
                if progression is None:
                    continue
                branch = " It branches into the management or the individual-contributor path." if not pa["path"] and pb["path"] else ""
                _edge(
                    G,
                    a,
                    b,
                    "promotion",
                    quotes=progression["quotes"],
                    source=progression["id"],
                    evidence=f"{pa['level_label']} to {pb['level_label']} in {facts.streams[pa['stream']]['label']}: the source states "
                    f"progression through each level.{branch}",
                )


def _entry_positions(facts: Facts) -> list[str]:
    """The positions at the lowest level of each IT stream, and the other communities' streams."""
    entries = []
    for positions in _by_stream(facts).values():
        low = facts.positions[positions[0]]["rank"]
        entries += [p for p in positions if facts.positions[p]["rank"] == low]
    return sorted(entries) + _stream_nodes(facts)


def _stream_nodes(facts: Facts) -> list[str]:
    """The streams that are nodes of their own: those of the communities whose streams have no levels."""
    return sorted(s for s, d in facts.streams.items() if d["community"] != "community-it")


def _community_of(G, node) -> str | None:
    return G.nodes[node].get("community")


def _add_entries_and_exits(G, facts: Facts) -> None:
    by_route: dict[str, list[dict]] = defaultdict(list)
    for p in facts.progressions:
        by_route[p["from"]].append(p)
    entry_nodes = _entry_positions(facts)
    everywhere = sorted(facts.positions) + _stream_nodes(facts)
    for route in facts.routes:
        progressions = by_route.get(route, [])
        if not progressions:
            continue
        if any(p["kind"] == "ExecutiveTransition" for p in progressions):
            quotes = sorted({q for p in progressions for q in p["quotes"]})
            for level in sorted(facts.executive_levels):
                _edge(
                    G,
                    route,
                    level,
                    "executive transition",
                    quotes=quotes,
                    source=progressions[0]["id"],
                    evidence="The source states that private-sector executives may join the executive ranks; "
                    "the OCIO staffs executives from EX-01 to EX-05.",
                )
            continue
        into = {p["to"]: p for p in progressions if p["to"].startswith("community-")}
        fallback = progressions[0]  # a route stated into the public service as a whole (recent graduates)
        targets = everywhere if route == "entry-mid-career-professional" else entry_nodes
        where = "any position or stream" if route == "entry-mid-career-professional" else "the entry level of each stream"
        for node in targets:
            community = _community_of(G, node)
            if into and community not in into:
                continue
            progression = into.get(community, fallback)
            scope = "the community" if into else "the public service"
            _edge(
                G,
                route,
                node,
                "entry",
                quotes=progression["quotes"],
                source=progression["id"],
                evidence=f"The source states this entry into {scope}; it is mapped to {where}.",
            )
    to_exec = {p["from"]: p for p in facts.progressions if p["kind"] == "ExecutiveTransition" and p["from"].startswith("community-")}
    first = min(facts.executive_levels, key=lambda lvl: facts.executive_levels[lvl]["rank"]) if facts.executive_levels else None
    if first is None:
        return
    top_rank = max((p["rank"] for p in facts.positions.values()), default=0)
    for node, data in sorted(G.nodes(data=True)):
        progression = to_exec.get(data.get("community"))
        if progression is None or data["kind"] not in ("position", "stream"):
            continue
        if data["kind"] == "position" and data["rank"] != top_rank:
            continue
        _edge(
            G,
            node,
            first,
            "executive transition",
            quotes=progression["quotes"],
            source=progression["id"],
            evidence="The source states that a digital career may continue as a digital executive; it is mapped from the "
            "top IT level (IT-05) and from the other communities' streams to EX-01.",
        )


def _add_path_changes(G, facts: Facts) -> None:
    for a, pa in sorted(facts.positions.items()):
        for b, pb in sorted(facts.positions.items()):
            if (
                a == b
                or pa["stream"] != pb["stream"]
                or pa["rank"] != pb["rank"]
                or not pa["path"]
                or not pb["path"]
                or pa["path"] == pb["path"]
            ):
                continue
            ca, cb = position_competencies(facts, a), position_competencies(facts, b)
            score = jaccard(ca, cb)
            shared = sorted(facts.competencies[c] for c in ca & cb)
            _edge(
                G,
                a,
                b,
                "path change",
                basis="inferred",
                cost=1.5 + (1 - score),
                score=score,
                shared=shared,
                evidence=f"Same stream and level, other path; the two positions share {len(ca & cb)} of {len(ca | cb)} competencies "
                f"(Jaccard {score:.2f}).",
            )


def _add_laterals(G, facts: Facts, threshold: float) -> None:
    similarity = stream_similarity(facts)
    pairs = {**similarity, **{(b, a): s for (a, b), s in similarity.items()}}
    it_streams = {s for s, d in facts.streams.items() if d["community"] == "community-it"}
    by_stream = _by_stream(facts)
    for (a, b), score in sorted(pairs.items()):
        if score < threshold:
            continue
        shared, behind = shared_evidence(facts, a, b)
        evidence = (
            f"{facts.streams[a]['label']} and {facts.streams[b]['label']} call on similar competencies "
            f"(weighted Jaccard {score:.2f} >= {threshold}): {', '.join(shared)}."
        )
        common = dict(basis="inferred", cost=2.0 + 2 * (1 - score), score=score, evidence=evidence, shared=shared, responsibilities=behind)
        if a in it_streams and b in it_streams:
            for pa in by_stream[a]:
                for pb in by_stream[b]:
                    if (
                        facts.positions[pa]["role"] == facts.positions[pb]["role"]
                        and facts.positions[pa]["rank"] == facts.positions[pb]["rank"]
                    ):
                        _edge(G, pa, pb, "lateral move", **common)
        elif a in it_streams:
            for pa in by_stream[a]:
                _edge(G, pa, b, "lateral move", **common)
        elif b in it_streams:
            low = facts.positions[by_stream[b][0]]["rank"]
            for pb in by_stream[b]:
                if facts.positions[pb]["rank"] == low:
                    _edge(G, a, pb, "lateral move", **common)
        else:
            _edge(G, a, b, "lateral move", **common)
