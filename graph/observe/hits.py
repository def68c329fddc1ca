"""How well skills first foresees the moves people made: the hit rate at k of `graph.mobility.reach` on observed flows.

For each published move between two different positions, the question is whether the position moved to is among the ``k``
positions `reach` ranks first for the profile of the position left (at its level; the position itself left out),
against a baseline that knows no skills: a promotion in the same stream (the positions of the same stream at the
level above, on either path). Counted on the published flows only, so every count here is a sum of published
counts: nothing the disclosure control withheld can be recovered from it, and withheld flows are not counted.

Examples
--------
>>> HitRate("promotion", moves=40, reach_hits=30, baseline_hits=25).shares()
(0.75, 0.625)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.mobility.reach import profile_of, reach
from graph.observe.published import Flow

__all__ = ["HIT_K", "HitRate", "hit_rates"]

HIT_K = 5
"""How many of `reach`'s first positions count as a hit."""


@dataclass(frozen=True)
class HitRate:
    """Published moves of a kind (``""``: all kinds) between positions, and how many went where each prediction said."""

    action: str
    moves: int
    reach_hits: int
    baseline_hits: int

    def shares(self) -> tuple[float | None, float | None]:
        """The hit rates of `reach` and of the baseline (None when there is no move)."""
        if not self.moves:
            return None, None
        return round(self.reach_hits / self.moves, 3), round(self.baseline_hits / self.moves, 3)


def hit_rates(flows: Iterable[Flow], facts: Facts, model: MobilityModel, k: int = HIT_K) -> list[HitRate]:
    """The hit rates at ``k`` over all published moves between positions, then by kind of move (most moves first)."""
    predicted: dict[str, tuple[set[str], set[str]]] = {}

    def predictions(source: str) -> tuple[set[str], set[str]]:
        if source not in predicted:
            level = model.nodes[source].level_id
            ranked = [r.position for r in reach(facts, model, profile_of(facts, model, source), level=level) if r.position != source]
            above, stream = model.level_above(level), facts.positions[source].stream
            same_stream = {p for p, d in facts.positions.items() if d.stream == stream and model.nodes[p].level_id == above}
            predicted[source] = set(ranked[:k]), same_stream
        return predicted[source]

    totals: dict[str, list[int]] = {}
    for flow in flows:
        if flow.source == flow.target or flow.source not in facts.positions or flow.target not in facts.positions:
            continue  # a move within one position (another department, an acting stint in it) is no change of position
        ours, baseline = predictions(flow.source)
        for action in ("", flow.action):
            row = totals.setdefault(action, [0, 0, 0])
            row[0] += flow.count
            row[1] += flow.count if flow.target in ours else 0
            row[2] += flow.count if flow.target in baseline else 0
    rates = [HitRate(action, *counts) for action, counts in totals.items()]
    return sorted(rates, key=lambda r: (r.action != "", -r.moves, r.action))
