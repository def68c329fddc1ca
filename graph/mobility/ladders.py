"""Career ladders: where each role exists, where each stream starts, where each path stops in its own stream, and the pay.

Only positions at levels the source states count (the streams without stated levels have no ladder of their own).
``nodes`` is the mobility model's states (`graph.mobility.moves.MobilityModel.nodes`).

Examples
--------
>>> from graph.mobility.moves import State
>>> common = dict(kind="position", stream="s", stream_label="S", level_stated=True)
>>> nodes = {"a": State(**common, label="a", role="role-analyst", role_label="Analyst", rank=2, level="IT-02", path=None),
...          "b": State(**common, label="b", role="role-manager", role_label="Manager", rank=4, level="IT-04", path="path-management")}
>>> entry_levels(nodes)
{'S': 'IT-02'}
>>> path_tops(nodes, {"path-management": "management", "path-individual-contributor": "individual-contributor"})["S"]
{'management': 'IT-04 Manager', 'individual-contributor': None}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from graph.mobility.facts import Facts
from graph.mobility.moves import State
from graph.mobility.pay import pay_range

__all__ = ["entry_levels", "ladder_matrix", "ladder_rows", "named_nodes", "path_tops"]


def _positions(nodes: Mapping[str, State]) -> list[State]:
    return [d for _, d in sorted(nodes.items()) if d.kind == "position" and d.level_stated]


def _rank(d: State | None) -> int:
    return d.rank or 0 if d else 0


def _streams(nodes: Mapping[str, State]) -> list[str]:
    return list(dict.fromkeys(d.stream_label for d in sorted(_positions(nodes), key=lambda d: d.stream or "")))


def ladder_matrix(nodes: Mapping[str, State]) -> dict[str, dict[str, str | None]]:
    """``{stream: {role: level or None}}``: the level at which each role exists in each stream."""
    roles = list(dict.fromkeys(d.role_label for d in sorted(_positions(nodes), key=lambda d: (d.rank, d.path or "", d.role))))
    matrix = {stream: dict.fromkeys(roles) for stream in _streams(nodes)}
    for d in _positions(nodes):
        matrix[d.stream_label][d.role_label] = d.level
    return matrix


def _lowest(nodes: Mapping[str, State]) -> dict[str, State]:
    lowest: dict[str, State] = {}
    for d in _positions(nodes):
        if d.stream_label not in lowest or _rank(d) < _rank(lowest[d.stream_label]):
            lowest[d.stream_label] = d
    return dict(sorted(lowest.items()))


def entry_levels(nodes: Mapping[str, State]) -> dict[str, str]:
    """``{stream: level}``: the lowest level at which the source puts a role in each stream."""
    return {stream: d.level for stream, d in _lowest(nodes).items()}


def _tops(nodes: Mapping[str, State], paths: Mapping[str, str]) -> dict[str, dict[str, State | None]]:
    tops: dict[str, dict[str, State | None]] = {s: dict.fromkeys(paths.values()) for s in _streams(nodes)}
    for d in _positions(nodes):
        path, top = paths.get(d.path or ""), tops[d.stream_label]
        if path and (top[path] is None or _rank(d) > _rank(top[path])):
            top[path] = d
    return dict(sorted(tops.items()))


def path_tops(nodes: Mapping[str, State], paths: Mapping[str, str]) -> dict[str, dict[str, str | None]]:
    """``{stream: {path: "LEVEL Role" or None}}``: the highest position of each path in each stream.

    ``paths`` names the career paths (`graph.mobility.facts.Facts.path_names`: ``{"path-management": "management"}``).
    """
    return {s: {p: (f"{d.level} {d.role_label}" if d else None) for p, d in tops.items()} for s, tops in _tops(nodes, paths).items()}


def named_nodes(nodes: Mapping[str, State], names: Mapping[str, str]) -> dict[str, State]:
    """``nodes`` with their streams and roles named by ``names`` (the graph's labels in a language) where it has them.

    >>> d = State("position", "IT-02 Analyst, S", stream="s", stream_label="S", role="r", role_label="Analyst")
    >>> named_nodes({"p": d}, {"s": "Sécurité", "r": "analyste"})["p"].role_label
    'analyste'
    """

    def name(node: str | None, label: str) -> str:
        return names.get(node, label) if node else label

    return {n: replace(d, stream_label=name(d.stream, d.stream_label), role_label=name(d.role, d.role_label)) for n, d in nodes.items()}


def ladder_rows(facts: Facts, nodes: Mapping[str, State], lang: str = "en") -> list[dict[str, str | None]]:
    """One row per stream: the level of each role, the entry level, the top of each path, and the pay range of each.

    The streams and roles as ``nodes`` name them (``stream_label``, ``role_label``); the pay in ``lang``'s format.
    """

    def pay(d: State | None) -> str | None:
        return (pay_range(facts, d.level_id, lang) or None) if d and d.level_id else None

    lowest, tops = _lowest(nodes), _tops(nodes, facts.path_names())
    rows: list[dict[str, str | None]] = []
    for stream, roles in ladder_matrix(nodes).items():
        row: dict[str, str | None] = {"stream": stream, **roles, "entry level": lowest[stream].level, "entry pay": pay(lowest[stream])}
        for name, top in tops[stream].items():  # "management top", "individual-contributor top", and their pay
            row[f"{name} top"] = f"{top.level} {top.role_label}" if top else None
            row[f"{name} top pay"] = pay(top)
        rows.append(row)
    return rows
