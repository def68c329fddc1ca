"""What a move costs in the mobility model: a base per kind of move, what of the target one lacks, what of oneself it leaves.

Lower is easier; the path search finds the cheapest paths. The unit is one promotion along one's own stream
and path, which the page describes as the ordinary progression ("as you progress through each level").

=========================================  ==========================================================================
move                                       cost
=========================================  ==========================================================================
promotion, same stream and path            ``PROMOTION`` (1)
promotion into another stream or path      ``PROMOTION`` + gain + ``LEFT_WEIGHT`` x left
deployment (gap within ``DEPLOYMENT_CAP``)  ``DEPLOYMENT`` (0.5) + gain (with deepen) + ``LEFT_WEIGHT`` x left
appointment (advertised process)           ``PROMOTION`` + gain (with deepen) + ``LEFT_WEIGHT`` x left
demotion (only when asked for)             as an appointment
acting appointment                         as the promotion or executive appointment it would be
entry                                      ``ENTRY`` (1)
executive appointment                      ``PROMOTION`` + gain
any move into a position whose level       + ``ASSUMED_LEVEL_PENALTY`` (1)
the page does not state
=========================================  ==========================================================================

*gain* is the target's skills one lacks, each weighted by its required level over 4 (a lead-level skill 1, a
beginner one 0.25; 0.5 when the level is not given), per skill of the target, times ``GAIN_SCALE`` (3): 0 when one
has every skill the target asks, 1.5 when one lacks them all at the intermediate level, 3 at the lead level. With
deepen, a skill held too low counts the levels missing. Per skill of the target, so that a position with a small
profile is not a cheap stepping stone for everyone (issue 16); by level, so that the same change of field costs more
higher up and crossing early is cheaper than crossing late; at 3, a whole new field costs more than the promotions
it would save (an advisor's rule of thumb: change field first, then climb). *left* is the share of the starting position's skills,
weighted the same way, that the target does not use (its essential skills, and its job templates' specialisations
and assets): 0 when everything carries over, 1 when nothing does. Together they are the asymmetric, level-weighted
relatedness of Dawson, Williams and Rizoiu (PLOS ONE, 2021): how much of the target one covers, and how much of
oneself the target uses.

Why these numbers: a promotion in one's own stream is the path the page states, so it is the unit; a
deployment is a transfer at the same level, half a step, but the manager "ensure[s] that the employee
possesses the necessary competencies" (gcd:rule-deployment): a deployment whose skills to gain and deepen
weigh more than ``DEPLOYMENT_CAP`` (2: four lead-level skills, eight intermediate ones) is not offered as a
deployment but as an appointment through an advertised process, on merit, which costs what a promotion does.
Skills to deepen on a promotion are the promotion itself (the page: "the amount of knowledge required increases
as you progress through each level"), so only skills to gain count there.

Examples
--------
>>> from graph.mobility.gap import GapItem
>>> round(gap_weight([GapItem("a", 4, None), GapItem("b", 2, None), GapItem("c", 3, 2)]), 2)
1.75
>>> move_cost("deployment", [GapItem("a", 4, None)], size=4)  # one lead skill missing of the target's four
1.25
>>> move_cost("deployment", [GapItem("a", 4, None)], size=4, left=0.5)
1.75
>>> left_behind({"a": 4, "b": 2}, {"b": 3, "c": 3})
0.6667
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from graph.mobility.gap import GapItem

__all__ = [
    "ASSUMED_LEVEL_PENALTY",
    "DEPLOYMENT",
    "DEPLOYMENT_CAP",
    "ENTRY",
    "GAIN_SCALE",
    "LEFT_WEIGHT",
    "UNKNOWN_LEVEL",
    "PROMOTION",
    "format_cost",
    "gain",
    "gap_weight",
    "left_behind",
    "move_cost",
]

PROMOTION = 1.0
"""Cost of a promotion along one's own stream and path: the unit."""
DEPLOYMENT = 0.5
"""Base cost of a deployment (a transfer at the same level)."""
ENTRY = 1.0
"""Cost of joining the public service by an entry route."""
GAIN_SCALE = 3.0
"""Cost of lacking every skill of a target at the lead level (1.5 at the intermediate level)."""
LEFT_WEIGHT = 1.0
"""Cost of leaving all of one's skills unused (a move into an unrelated job)."""
DEPLOYMENT_CAP = 2.0
"""The largest weighted gap (gain plus deepen, `gap_weight`) a deployment may have; beyond it the move is an appointment."""
ASSUMED_LEVEL_PENALTY = 1.0
"""Default of ``gcd:assumption-assumed-level-penalty``: the added cost of a move into a position whose level the page does not state."""
UNKNOWN_LEVEL = 2
"""The level a skill counts at when its level is not given (intermediate)."""


def gap_weight(gap: Iterable[GapItem], *, gained_only: bool = False) -> float:
    """The weighted size of a gap (skills to gain by their level, skills to deepen by the levels missing), over 4."""
    total = 0.0
    for item in gap:
        if item.missing:
            total += (item.required or UNKNOWN_LEVEL) / 4
        elif not gained_only:
            total += ((item.required or 0) - (item.held or 0)) / 4
    return total


def gain(gap: Iterable[GapItem], size: int, *, gained_only: bool = False) -> float:
    """The gap per skill of a target of ``size`` skills, times `GAIN_SCALE` (0 for a target without skills)."""
    return GAIN_SCALE * gap_weight(gap, gained_only=gained_only) / size if size else 0.0


def left_behind(have: Mapping[str, int | None], used: Mapping[str, int | None]) -> float:
    """The level-weighted share of ``have``'s skills that ``used`` does not use, rounded to 4 places (0 when ``have`` is empty).

    A skill the target uses at a lower level carries over only that far.
    """

    def weight(level: int | None) -> int:
        return level or UNKNOWN_LEVEL

    total = sum(weight(level) for level in have.values())
    if not total:
        return 0.0
    kept = sum(min(weight(level), weight(used[skill])) for skill, level in have.items() if skill in used)
    return round(1 - kept / total, 4)


def move_cost(
    kind: str, gap: Iterable[GapItem] = (), *, size: int = 0, same_track: bool = False, left: float = 0.0, penalty: float = 0.0
) -> float:
    """The cost of a move of ``kind`` into a target of ``size`` skills, with its ``gap``, the share ``left`` unused and a ``penalty``.

    ``same_track`` marks a promotion along one's own stream and path.
    """
    if kind == "entry":
        return round(ENTRY + penalty, 4)
    if kind == "deployment":
        return round(DEPLOYMENT + gain(gap, size) + LEFT_WEIGHT * left + penalty, 4)
    if kind in ("appointment", "demotion"):
        return round(PROMOTION + gain(gap, size) + LEFT_WEIGHT * left + penalty, 4)
    if same_track:
        return round(PROMOTION + penalty, 4)
    if kind == "executive appointment":
        return round(PROMOTION + gain(gap, size, gained_only=True) + penalty, 4)
    return round(PROMOTION + gain(gap, size, gained_only=True) + LEFT_WEIGHT * left + penalty, 4)


def format_cost(cost: float, lang: str = "en") -> str:
    """A cost with two decimals, halves up on its exact value, as the explorer prints it (JavaScript's ``toFixed``).

    In French (``lang="fr"``) with a decimal comma.

    >>> format_cost(1.125), format_cost(4.375), format_cost(2.0), format_cost(4.375, "fr")
    ('1.13', '4.38', '2.00', '4,38')
    """
    text = str(Decimal(cost).quantize(Decimal("0.01"), ROUND_HALF_UP))
    return text.replace(".", ",") if lang == "fr" else text
