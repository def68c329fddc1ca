"""The k best paths between two nodes of the mobility graph, ranked by cost, with constraints; each step in words.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"label": "A", "kind": "position", "path": None}), ("b", {"label": "B", "kind": "position", "path": None}),
...                   ("c", {"label": "C", "kind": "position", "path": None})])
>>> G.add_edge("a", "b", kind="promotion", basis="stated", cost=1.0, evidence="", quotes=["q"])
0
>>> G.add_edge("b", "c", kind="promotion", basis="stated", cost=1.0, evidence="", quotes=["q"])
0
>>> G.add_edge("a", "c", kind="lateral move", basis="inferred", cost=3.0, score=0.5, evidence="", quotes=[])
0
>>> [p.nodes for p in best_paths(G, "a", "c", k=2)]
[['a', 'b', 'c'], ['a', 'c']]
>>> [p.nodes for p in best_paths(G, "a", "c", stated_only=True)]
[['a', 'b', 'c']]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from graph.errors import CareersError

__all__ = ["NoPath", "Path", "Step", "best_paths"]

PATH_NAMES = {"management": "path-management", "individual": "path-individual-contributor"}


class NoPath(CareersError):
    """No path satisfies the request."""


@dataclass(frozen=True)
class Step:
    """One move of a path: from, to, and the edge's attributes."""

    source: str
    target: str
    edge: dict

    def explain(self, G: nx.MultiDiGraph) -> str:
        """The move in words, with the source's sentence (stated) or the score and evidence (inferred)."""
        a, b, e = G.nodes[self.source]["label"], G.nodes[self.target]["label"], self.edge
        head = f"{a} -> {b}: {e['kind']} ({e['basis']}"
        if e["basis"] == "stated":
            quotes = " ".join(f"“{q}”" for q in e["quotes"][:2])
            return f"{head}) because the source says: {quotes}" + (f" {e['evidence']}" if e.get("evidence") else "")
        return f"{head}, score {e['score']:.2f}) {e['evidence']}"


@dataclass(frozen=True)
class Path:
    """A path: its nodes, its steps and its total cost."""

    nodes: list[str]
    steps: list[Step] = field(default_factory=list)
    cost: float = 0.0

    @property
    def basis(self) -> str:
        """``stated`` when every step is stated, else ``inferred``."""
        return "stated" if all(s.edge["basis"] == "stated" for s in self.steps) else "inferred"


def _projection(G: nx.MultiDiGraph, *, avoid: set[str], path: str | None, stated_only: bool) -> nx.DiGraph:
    """A DiGraph keeping, between two nodes, the cheapest edge that the constraints allow."""
    other = None if path is None else ({*PATH_NAMES.values()} - {PATH_NAMES[path]}).pop()
    H = nx.DiGraph()
    H.add_nodes_from(n for n, d in G.nodes(data=True) if n not in avoid and (other is None or d.get("path") != other))
    for u, v, data in G.edges(data=True):
        if u not in H or v not in H or (stated_only and data["basis"] != "stated"):
            continue
        if not H.has_edge(u, v) or (data["cost"], data["kind"]) < (H[u][v]["cost"], H[u][v]["kind"]):
            H.add_edge(u, v, **data)
    return H


def best_paths(
    G: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    k: int = 3,
    via: Iterable[str] = (),
    avoid: Iterable[str] = (),
    path: str | None = None,
    max_steps: int | None = None,
    stated_only: bool = False,
    search_limit: int = 2000,
) -> list[Path]:
    """Up to ``k`` cheapest simple paths from ``source`` to ``target``, cheapest first (ties by node ids).

    ``via`` nodes must all be on the path, ``avoid`` nodes never; ``path`` (``management`` or
    ``individual``) keeps off the other path's positions; ``max_steps`` bounds the moves;
    ``stated_only`` uses only moves the source states. At most ``search_limit`` candidate paths are
    examined. Raises `NoPath` when none qualifies.
    """
    if path is not None and path not in PATH_NAMES:
        raise ValueError(f"path must be one of {', '.join(PATH_NAMES)}")
    via, avoid = list(via), set(avoid)
    if source in avoid or target in avoid:
        raise NoPath("the start or the end is among the nodes to avoid")
    H = _projection(G, avoid=avoid, path=path, stated_only=stated_only)
    if source not in H or target not in H:
        raise NoPath("the start or the end is off the chosen career path")
    found: list[Path] = []
    try:
        for nodes in islice(nx.shortest_simple_paths(H, source, target, weight="cost"), search_limit):
            if max_steps is not None and len(nodes) - 1 > max_steps:
                continue
            if any(v not in nodes for v in via):
                continue
            steps = [Step(u, v, dict(H[u][v])) for u, v in zip(nodes, nodes[1:], strict=False)]
            found.append(Path(nodes, steps, round(sum(s.edge["cost"] for s in steps), 4)))
            if len(found) == k:
                break
    except nx.NetworkXNoPath:
        pass
    if not found:
        raise NoPath(f"no path from {G.nodes[source]['label']} to {G.nodes[target]['label']} satisfies the constraints")
    return found
