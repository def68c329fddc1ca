"""The skill gap between two positions (or streams): competencies to gain and competencies that carry over.

Examples
--------
>>> from graph.mobility.gap import gap_between
>>> gap_between({"a", "b"}, {"b", "c"}, {"a": "A", "b": "B", "c": "C"})
{'to_gain': ['C'], 'carry_over': ['B'], 'left_behind': ['A']}
"""

from __future__ import annotations

from graph.mobility.facts import Facts
from graph.mobility.network import position_competencies

__all__ = ["competencies_of", "gap_between", "skill_gap"]


def competencies_of(facts: Facts, node: str) -> set[str]:
    """The competencies of a position (stream and role) or of a stream node."""
    if node in facts.positions:
        return position_competencies(facts, node)
    if node in facts.streams:
        return {c for item in facts.stream_items.get(node, []) for c in item.competencies}
    raise KeyError(f"{node} is neither a position nor a stream")


def gap_between(have: set[str], need: set[str], labels: dict[str, str]) -> dict[str, list[str]]:
    """Sort ``need - have`` (to gain), ``need & have`` (carry over) and ``have - need`` (left behind) by label."""

    def named(ids):
        return sorted(labels.get(c, c) for c in ids)

    return {"to_gain": named(need - have), "carry_over": named(need & have), "left_behind": named(have - need)}


def skill_gap(facts: Facts, source: str, target: str) -> dict[str, list[str]]:
    """The gap from ``source`` to ``target`` (positions or streams)."""
    return gap_between(competencies_of(facts, source), competencies_of(facts, target), facts.competencies)
