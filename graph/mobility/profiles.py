"""The official skill profile of each position: what it requires, at which level, and where each requirement comes from.

One method for every position, so that any two profiles compare:

* **responsibilities**: every position requires the official skills linked to its stream's
  responsibilities and its role's defining sentence (`graph.derive`), at the level the job templates most
  often require technical skills at its classification (``gcd:assumption-skill-level-by-classification``,
  computed by `usual_levels`);
* **official job template**: a position that GC Digital Talent job templates describe also requires the
  skills essential in at least `template_core_share` of its templates (``gcd:assumption-template-core``),
  each at the highest level they ask (or its responsibilities', if higher); of their behavioural skills,
  only those its responsibilities call for (a template's generic Teamwork is in no other profile). The
  templates' other essential skills are *specialisations* (listed with their templates, not counted in
  gaps) and the non-essential ones *assets*.

A profile maps skill id to level (1 beginner, 2 intermediate, 3 advanced, 4 lead, or ``None`` when the
template gives none).

Examples
--------
>>> from graph.mobility.facts import Requirement, Template
>>> template = Template("IT-02-01", "Analyst", "level-it-02", None, (Requirement("a", True, 2), Requirement("b", True, 2)))
>>> usual_levels({"t": template}, {"level-it-02": 2})
{2: 2}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.mobility.facts import Facts, Template

__all__ = ["TEMPLATE_CORE_SHARE", "Profile", "position_profiles", "usual_levels"]

TEMPLATE_CORE_SHARE = 0.5
"""Default of ``gcd:assumption-template-core``: the share of a position's templates a skill must be essential in."""


@dataclass(frozen=True)
class Profile:
    """A position's official skills: essential ``{skill: level}``, specialisations ``{skill: [template refs]}``, assets, and how."""

    essential: dict[str, int | None]
    method: str
    templates: tuple[str, ...] = ()
    specialisations: dict[str, list[str]] = field(default_factory=dict)
    assets: tuple[str, ...] = ()

    def held_level(self, skill: str) -> int | None:
        """The level at which a person in the position holds ``skill`` (``None``: not held or level unknown)."""
        return self.essential.get(skill)

    @property
    def uses(self) -> dict[str, int | None]:
        """Every skill the position puts to use: essential ones at their level, its templates' specialisations and assets too."""
        used: dict[str, int | None] = dict.fromkeys((*self.specialisations, *self.assets))
        return used | self.essential

    def holds(self, skill: str) -> bool:
        """Whether the position requires ``skill`` (so a person in it holds it)."""
        return skill in self.essential


def usual_levels(templates: Mapping[str, Template], ranks: dict[str, int], technical: set[str] | None = None) -> dict[int, int]:
    """``{classification rank: skill level}``: the level the templates most often require essential (technical) skills at.

    Ties go to the higher level. ``technical`` restricts the count to those skills (default: all).
    """
    counts: dict[int, Counter[Any]] = defaultdict(Counter[Any])
    for template in templates.values():
        rank = ranks.get(template.level)
        for r in template.requirements:
            if r.essential and r.level and (technical is None or r.skill in technical) and rank:
                counts[rank][r.level] += 1
    return {rank: max(c, key=lambda lvl: (c[lvl], lvl)) for rank, c in sorted(counts.items())}


def _core_share(facts: Facts) -> float:
    try:
        return float(facts.setting("template_core_share", str(TEMPLATE_CORE_SHARE)))
    except ValueError:
        return TEMPLATE_CORE_SHARE


def position_profiles(facts: Facts) -> dict[str, Profile]:
    """The profile of every position (and of each executive level, from the Executive role's sentences)."""
    ranks = {lvl: d.rank for lvl, d in facts.levels.items() if d.group not in facts.executive_groups}
    technical = {s for s, d in facts.skills.items() if d.category == "Technical"}
    by_rank = usual_levels(facts.templates, ranks, technical)
    top = max(by_rank.values(), default=None)
    share = _core_share(facts)
    templates_of: dict[str, list[Template]] = defaultdict(list)
    for template in facts.templates.values():
        if template.position:
            templates_of[template.position].append(template)
    profiles = {}
    behavioural = {s for s, d in facts.skills.items() if d.category == "Behavioural"}
    for pid, p in sorted(facts.positions.items()):
        templates = sorted(templates_of.get(pid, []), key=lambda t: t.reference)
        items = facts.stream_items.get(p.stream, []) + facts.role_items.get(p.role or "", [])
        level = by_rank.get(p.rank, top)
        responsibilities = {s: level for item in items for s in item.skills}
        if templates:
            profiles[pid] = _with_responsibilities(_from_templates(templates, share), responsibilities, behavioural)
        else:
            profiles[pid] = Profile(responsibilities, "responsibilities")
    executive_roles = [r for r, levels in facts.role_levels.items() if any(lvl in facts.executive_levels for lvl in levels)]
    executive_items = [item for role in executive_roles for item in facts.role_items.get(role, [])]  # the Executive role's sentences
    for lid in facts.executive_levels:
        profiles[lid] = Profile({s: top for item in executive_items for s in item.skills}, "responsibilities")
    return profiles


def _with_responsibilities(profile: Profile, responsibilities: dict[str, int | None], behavioural: set[str]) -> Profile:
    """A template profile made comparable with one from responsibilities: it also holds its stream's and role's skills.

    It keeps only the behavioural skills those call for: the templates' generic ones (Teamwork, Adaptability) are
    left out, since no profile from responsibilities can have them, and every move into a template position
    would otherwise "gain" them.
    """
    essential = {s: lvl for s, lvl in profile.essential.items() if s not in behavioural or s in responsibilities}
    for skill, level in responsibilities.items():
        held = essential.get(skill)
        essential[skill] = level if held is None else held if level is None else max(held, level)
    return Profile(dict(sorted(essential.items())), profile.method, profile.templates, profile.specialisations, profile.assets)


def _from_templates(templates: list[Template], share: float) -> Profile:
    essential_in: dict[str, list[str]] = defaultdict(list)
    levels: dict[str, int | None] = {}
    assets = set()
    for template in templates:
        for r in template.requirements:
            if r.essential:
                if template.reference not in essential_in[r.skill]:
                    essential_in[r.skill].append(template.reference)
                if r.level and ((held := levels.get(r.skill)) is None or r.level > held):
                    levels[r.skill] = r.level
                levels.setdefault(r.skill, None)
            else:
                assets.add(r.skill)
    need = share * len(templates)
    core = {s: levels[s] for s, refs in sorted(essential_in.items()) if len(refs) >= need}
    special = {s: refs for s, refs in sorted(essential_in.items()) if s not in core}
    return Profile(core, "official job template", tuple(t.reference for t in templates), special, tuple(sorted(assets - set(essential_in))))
