"""Which senior positions and executive levels each position can reach within k moves, over every move the rules allow.

Examples
--------
>>> nodes = {"a": {"kind": "position", "rank": 2}, "b": {"kind": "position", "rank": 3}, "c": {"kind": "position", "rank": 4}}
>>> successors = {"a": ["b"], "b": ["c"], "c": []}.__getitem__
>>> reachable_senior(nodes, successors, k=1, min_rank=3)
{'a': ['b'], 'b': ['c'], 'c': []}
>>> reachable_senior(nodes, successors, k=2, min_rank=4)["a"]
['c']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

__all__ = ["reachable_senior"]


def reachable_senior(
    nodes: Mapping[str, dict], successors: Callable[[str], Iterable[str]], *, k: int = 3, min_rank: int = 4
) -> dict[str, list[str]]:
    """``{position: [senior states]}``: positions of rank >= ``min_rank`` and executive levels reachable in <= ``k`` moves.

    ``successors(node)`` gives the states one move away (the mobility model's ``moves_from`` targets).
    """
    out = {}
    for node, data in sorted(nodes.items()):
        if data.get("kind") != "position":
            continue
        seen, frontier = {node}, [node]
        for _ in range(k):
            frontier = [n for current in frontier for n in successors(current) if n not in seen and not seen.add(n)]
        out[node] = sorted(
            n
            for n in seen - {node}
            if (nodes[n].get("kind") == "position" and (nodes[n].get("rank") or 0) >= min_rank) or nodes[n].get("kind") == "executive"
        )
    return out
