"""Career ladders: where each role exists, where each stream starts, and where each path stops.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> common = dict(kind="position", stream="s", stream_label="S")
>>> G.add_node("a", **common, role="role-analyst", role_label="Analyst", rank=2, level="IT-02", path=None)
>>> G.add_node("b", **common, role="role-manager", role_label="Manager", rank=4, level="IT-04", path="path-management")
>>> entry_levels(G)
{'S': 'IT-02'}
>>> path_tops(G)["S"]
{'management': 'IT-04 Manager', 'individual contributor': None}
"""

from __future__ import annotations

import networkx as nx

__all__ = ["entry_levels", "ladder_matrix", "path_tops"]

PATHS = {"path-management": "management", "path-individual-contributor": "individual contributor"}


def _positions(G: nx.MultiDiGraph) -> list[dict]:
    return [d for _, d in sorted(G.nodes(data=True)) if d.get("kind") == "position"]


def _streams(G) -> list[str]:
    return list(dict.fromkeys(d["stream_label"] for d in sorted(_positions(G), key=lambda d: d["stream"])))


def ladder_matrix(G: nx.MultiDiGraph) -> dict[str, dict[str, str | None]]:
    """``{stream: {role: level or None}}``: the level at which each role exists in each stream."""
    roles = list(dict.fromkeys(d["role_label"] for d in sorted(_positions(G), key=lambda d: (d["rank"], d["path"] or "", d["role"]))))
    matrix = {stream: dict.fromkeys(roles) for stream in _streams(G)}
    for d in _positions(G):
        matrix[d["stream_label"]][d["role_label"]] = d["level"]
    return matrix


def entry_levels(G: nx.MultiDiGraph) -> dict[str, str]:
    """``{stream: level}``: the lowest level at which the source puts a role in each stream."""
    lowest: dict[str, dict] = {}
    for d in _positions(G):
        if d["stream_label"] not in lowest or d["rank"] < lowest[d["stream_label"]]["rank"]:
            lowest[d["stream_label"]] = d
    return {stream: d["level"] for stream, d in sorted(lowest.items())}


def path_tops(G: nx.MultiDiGraph) -> dict[str, dict[str, str | None]]:
    """``{stream: {path: "LEVEL Role" or None}}``: the highest position of each path in each stream."""
    tops: dict[str, dict[str, dict | None]] = {s: dict.fromkeys(PATHS.values()) for s in _streams(G)}
    for d in _positions(G):
        path = PATHS.get(d["path"])
        if path and (tops[d["stream_label"]][path] is None or d["rank"] > tops[d["stream_label"]][path]["rank"]):
            tops[d["stream_label"]][path] = d
    return {s: {p: (f"{d['level']} {d['role_label']}" if d else None) for p, d in paths.items()} for s, paths in sorted(tops.items())}
