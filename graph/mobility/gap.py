"""The skill gap of a move: the target's essential official skills, at their required level, that the starting position lacks.

A skill is *to gain* when the starting position does not require it at all, and *to deepen* when it
requires it at a lower level than the target. Skills the start requires and the target does not are
*left behind*; those both require at the target's level or above *carry over*.

Examples
--------
>>> from graph.mobility.profiles import Profile
>>> have, need = Profile({"a": 2, "b": 2}, "responsibilities"), Profile({"b": 3, "c": 3}, "responsibilities")
>>> [(g.skill, g.required, g.held) for g in skill_gap(have, need)]
[('b', 3, 2), ('c', 3, None)]
>>> gap_summary(have, need, str.upper)["to_gain"]
['C (level 3)']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from graph.mobility.profiles import Profile

__all__ = ["GapItem", "along_path", "gap_summary", "skill_gap"]


@dataclass(frozen=True)
class GapItem:
    """One skill of a gap: the level the target requires (``None``: not given) and the level held (``None``: not held)."""

    skill: str
    required: int | None
    held: int | None

    @property
    def missing(self) -> bool:
        """True when the skill is not held at all (to gain), False when held at too low a level (to deepen)."""
        return self.held is None


def skill_gap(have: Profile, need: Profile) -> list[GapItem]:
    """The gap from profile ``have`` to profile ``need``, sorted by skill id."""
    gap = []
    for skill, required in sorted(need.essential.items()):
        if not have.holds(skill):
            gap.append(GapItem(skill, required, None))
        else:
            held = have.held_level(skill)
            if required is not None and held is not None and held < required:
                gap.append(GapItem(skill, required, held))
    return gap


def gap_summary(
    have: Profile, need: Profile, skill_name: Callable[[str], str], levels: dict[int, str] | None = None, lang: str = "en"
) -> dict[str, list[str]]:
    """``to_gain``, ``to_deepen``, ``carry_over`` and ``left_behind``, each a sorted list of skill names with levels.

    ``skill_name`` names a skill by its id (`Facts.skill_label`); ``levels`` names the skill levels (``{3: "advanced"}``);
    without it they read ``level 3`` (``niveau 3`` in French, ``lang="fr"``, where a skill to deepen goes ``de 2 à 3``).
    """
    french = lang == "fr"
    to = " à " if french else " to "

    def level(n: int | None) -> str:
        return (levels.get(n) if levels and n is not None else None) or (f"niveau {n}" if french else f"level {n}")

    def named(s: str, n: int | None) -> str:
        return skill_name(s) + (f" ({level(n)})" if n else "")

    gap = skill_gap(have, need)
    gained = {g.skill for g in gap}
    return {
        "to_gain": sorted(named(g.skill, g.required) for g in gap if g.missing),
        "to_deepen": sorted(f"{named(g.skill, None)} ({level(g.held)}{to}{level(g.required)})" for g in gap if not g.missing),
        "carry_over": sorted(named(s, lvl) for s, lvl in need.essential.items() if s not in gained),
        "left_behind": sorted(named(s, lvl) for s, lvl in have.essential.items() if s not in need.essential),
    }


def along_path(
    profiles: Mapping[str, Profile], nodes: Sequence[str], gaps: Sequence[Sequence[GapItem]]
) -> list[tuple[tuple[GapItem, ...], tuple[str, ...]]]:
    """Each step's gap as a person who walks the path sees it: less what an earlier step already gave them.

    ``gaps[i]`` is the gap of the move from ``nodes[i]`` to ``nodes[i + 1]`` (against ``nodes[i]``'s profile alone).
    The person holds every skill of every position they have held on the path, at the highest level. Returns, per
    step, the items still to gain or deepen (a deepen item with the level the person now holds) and the skills
    an earlier step gave them, in the gap's order.

    >>> profiles = {"a": Profile({"x": 2}, ""), "b": Profile({"y": 3}, ""), "c": Profile({"x": 2, "y": 3, "z": 1}, "")}
    >>> gaps = [skill_gap(profiles["a"], profiles["b"]), skill_gap(profiles["b"], profiles["c"])]
    >>> [(tuple(g.skill for g in rest), earlier) for rest, earlier in along_path(profiles, "abc", gaps)]
    [(('y',), ()), (('z',), ('x',))]
    """
    held: dict[str, int | None] = dict(profiles[nodes[0]].essential) if nodes[0] in profiles else {}
    steps = []
    for target, gap in zip(nodes[1:], gaps, strict=True):
        rest, earlier = [], []
        for item in gap:
            if item.skill in held and (item.required is None or (held[item.skill] or 0) >= item.required):
                earlier.append(item.skill)
            elif item.skill in held:
                rest.append(GapItem(item.skill, item.required, held[item.skill]))
            else:
                rest.append(item)
        steps.append((tuple(rest), tuple(earlier)))
        for skill, level in (profiles[target].essential if target in profiles else {}).items():
            mine = held.get(skill)
            held[skill] = level if skill not in held else mine if level is None else max(mine or 0, level)
    return steps
