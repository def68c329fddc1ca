"""What a move costs in the mobility model: a base per kind of move, plus its skill gap weighted by the level required.

Lower is easier; the path search finds the cheapest paths. The unit is one promotion along one's own stream
and path, which the page describes as the ordinary progression ("as you progress through each level").

=========================================  =================================================================
move                                       cost
=========================================  =================================================================
promotion, same stream and path            ``PROMOTION`` (1)
promotion into another stream or path      ``PROMOTION`` + ``GAP_WEIGHT`` x (skills to gain, weighted)
deployment                                 ``DEPLOYMENT`` (0.5) + ``GAP_WEIGHT`` x (skills to gain and to deepen, weighted)
acting appointment                         as the promotion it would be
entry                                      ``ENTRY`` (1)
executive appointment                      ``PROMOTION`` + ``GAP_WEIGHT`` x (skills to gain, weighted)
=========================================  =================================================================

A skill to gain weighs its required level over 4 (a lead-level skill 1, a beginner one 0.25; 0.5 when the
level is not given); a skill to deepen weighs the levels missing over 4. So the same skills cost more to
learn higher up, and a deployment early in a career costs less than one near the top. Why these numbers:
a promotion in one's own stream is the path the page states, so it is the unit; a deployment is a transfer
at the same level, half a step, but the manager "ensure[s] that the employee possesses the necessary
competencies" (gcd:rule-deployment), so every missing skill adds to it; at ``GAP_WEIGHT`` 0.25 a move that
needs four new lead-level skills costs as much as a promotion. Skills to deepen on a promotion are the
promotion itself (the page: "the amount of knowledge required increases as you progress through each
level"), so only skills to gain count there.

Examples
--------
>>> from graph.mobility.gap import GapItem
>>> round(gap_weight([GapItem("a", 4, None), GapItem("b", 2, None), GapItem("c", 3, 2)]), 2)
1.75
>>> move_cost("deployment", [GapItem("a", 4, None)])
0.75
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.mobility.gap import GapItem

__all__ = ["DEPLOYMENT", "ENTRY", "GAP_WEIGHT", "PROMOTION", "gap_weight", "move_cost"]

PROMOTION = 1.0
"""Cost of a promotion along one's own stream and path: the unit."""
DEPLOYMENT = 0.5
"""Base cost of a deployment (a transfer at the same level)."""
ENTRY = 1.0
"""Cost of joining the public service by an entry route."""
GAP_WEIGHT = 0.25
"""Cost of one lead-level skill to gain."""
_UNKNOWN_LEVEL = 2


def gap_weight(gap: Iterable[GapItem], *, gained_only: bool = False) -> float:
    """The weighted size of a gap (skills to gain by their level, skills to deepen by the levels missing), over 4."""
    total = 0.0
    for item in gap:
        if item.missing:
            total += (item.required or _UNKNOWN_LEVEL) / 4
        elif not gained_only:
            total += (item.required - item.held) / 4
    return total


def move_cost(kind: str, gap: Iterable[GapItem] = (), *, same_track: bool = False, weight: float = GAP_WEIGHT) -> float:
    """The cost of a move of ``kind`` with its ``gap``; ``same_track`` marks a promotion along one's own stream and path."""
    if kind == "entry":
        return ENTRY
    if kind == "deployment":
        return round(DEPLOYMENT + weight * gap_weight(gap), 4)
    if same_track:
        return PROMOTION
    return round(PROMOTION + weight * gap_weight(gap, gained_only=True), 4)
