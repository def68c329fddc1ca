"""Where a person's own official skills can take them: every position within one move, ranked by the cost of `careers path`.

A person is a profile of official skills at levels (1 beginner .. 4 lead), read from a CSV or JSON file (`read_person`)
or taken from a position or a job template (`profile_of`). With the person's level (``IT-03``, ``EX-01``, or none for
someone outside the public service), each position gets the one move the staffing rules allow into it
(`graph.mobility.moves`):

==========================================  =========================================================================
target                                      move
==========================================  =========================================================================
the person's level, gap within the cap      deployment
the person's level, gap beyond the cap      appointment (advertised process)
the next level of the same group            promotion
EX-01 from the top level (IT-05)            executive appointment
anything, from outside (no level)           entry (an appointment from outside, on merit)
==========================================  =========================================================================

and its cost is `graph.mobility.costs.move_cost` of that kind, with the person's gap and the share of their skills
the target leaves behind: the same model as `careers path`. An entry from outside costs as an appointment on merit
(the person shows what the position asks), so outsiders are ranked by their skills too. The penalty of a position
whose level the page does not state (``gcd:assumption-assumed-level-penalty``) is left out: it ranks routes (every path
to one target pays it alike), not destinations; the answer says that the level is an assumption.

`opening_skill` finds the one official skill, at one level, whose gain brings the most more positions within a
cost: the "core skill" test of Nesta's Mapping Career Causeways, on the GC's rules.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.mobility.analysis import analyse
>>> facts, model = analyse(derive(load().g))
>>> lead = "position-it-03-team-lead-it-security"
>>> [(r.position, r.kind, r.cost) for r in reach(facts, model, profile_of(facts, model, lead), start=lead)[:2]]
[('position-it-04-manager-it-security', 'promotion', 1.0), ('position-it-03-technical-advisor-it-security', 'deployment', 1.15)]
>>> analyst = {"skill-it-security": 2, "skill-risk-management": 2, "skill-policy-development": 2}  # a person's own skills
>>> [(r.position, r.kind) for r in reach(facts, model, analyst, level="level-it-02")[:1]]
[('position-it-02-analyst-it-security', 'appointment')]
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import CareersError
from graph.mobility.costs import left_behind, move_cost
from graph.mobility.facts import Facts
from graph.mobility.gap import GapItem, skill_gap
from graph.mobility.moves import MobilityModel, same_level_kind
from graph.mobility.profiles import Profile
from graph.mobility.resolve import fold

__all__ = [
    "OPENING_WITHIN",
    "Opening",
    "Reachable",
    "SkillNeed",
    "UnknownSkill",
    "opening_skill",
    "profile_of",
    "reach",
    "read_person",
    "resolve_skill",
]

OPENING_WITHIN = 3.0
"""The cost the skill that opens most doors is counted within by default: a promotion into a new field with much in common."""

MAX_PROFILE_SKILLS = 400
"""The most skills a person's file may list (there are 394 official skills)."""


class UnknownSkill(CareersError):
    """A skill or level in a person's file that is not an official one; the message names the file and line."""


@dataclass(frozen=True)
class SkillNeed:
    """One skill of a gap: the level the person has (``None``: none) and the level the position asks (``None``: not given)."""

    skill: str
    have: int | None
    need: int | None


@dataclass(frozen=True)
class Reachable:
    """A position within one move: the move's kind and rule, its cost, the gap skill by skill, and the position's level."""

    position: str
    kind: str
    rule: str
    cost: float
    gap: tuple[SkillNeed, ...]
    level: str


@dataclass(frozen=True)
class Opening:
    """The skill (at a level) whose gain brings the most more positions within ``within``: the counts, and what it brings.

    A skill that a position does not use adds to what that position leaves unused, so a few positions may also go.
    """

    skill: str
    level: int | None
    within: float
    before: int
    after: int
    positions: tuple[str, ...]


def resolve_skill(facts: Facts, name: str) -> str:
    """The official skill ``name`` means: its id, or its English or French name (case and accents ignored).

    Raises `UnknownSkill` with the closest names.
    """
    text = name.strip()
    if text in facts.skills:
        return text

    def same(a: str) -> str:
        return " ".join(fold(a).split())

    wanted = same(text)
    for skill, data in facts.skills.items():
        if wanted in (same(data.label), same(data.fr)):
            return skill
    names = sorted({d.label for d in facts.skills.values()} | {d.fr for d in facts.skills.values()})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    raise UnknownSkill(f"{name!r} is not an official skill" + (f"; closest: {'; '.join(close)}" if close else ""))


def _level(facts: Facts, value: object) -> int:
    text = str(value).strip().lower()
    if text in {"1", "2", "3", "4"}:
        return int(text)
    if text in facts.skill_level_names:
        return facts.skill_level_names[text]
    names = ", ".join(sorted(facts.skill_level_names))
    raise UnknownSkill(f"{value!r} is not a skill level (1 to 4, or {names})")


def read_person(facts: Facts, path: Path) -> dict[str, int]:
    """A person's skills from a CSV (columns ``skill`` and ``level``) or JSON file (a list of such objects, or ``{skill: level}``).

    Every error names the file and the line (CSV) or item (JSON); a skill listed twice keeps its highest level.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnknownSkill(f"{path}: cannot read it ({exc})") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnknownSkill(f"{path}: line {exc.lineno}: not JSON ({exc.msg})") from None
        if isinstance(data, list) and all(isinstance(d, dict) for d in data):
            items = [(d.get("skill"), d.get("level")) for d in data]
        elif isinstance(data, dict):
            items = list(data.items())
        else:
            raise UnknownSkill(f'{path}: expected a list of {{"skill": ..., "level": ...}} or an object {{skill: level}}')
        rows = [(f"item {i}", skill, level) for i, (skill, level) in enumerate(items, 1)]
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not {"skill", "level"} <= {f.strip().lower() for f in reader.fieldnames}:
            raise UnknownSkill(f"{path}: line 1: the header must have the columns skill and level")
        rows = [(f"line {reader.line_num}", *_pick(row)) for row in reader]
    if len(rows) > MAX_PROFILE_SKILLS:
        raise UnknownSkill(f"{path}: {len(rows)} skills; a profile lists at most {MAX_PROFILE_SKILLS}")
    person: dict[str, int] = {}
    for where, skill, level in rows:
        try:
            found, rank = resolve_skill(facts, str(skill or "")), _level(facts, level)
        except UnknownSkill as exc:
            raise UnknownSkill(f"{path}: {where}: {exc}") from None
        person[found] = max(rank, person.get(found, 0))
    if not person:
        raise UnknownSkill(f"{path}: no skills")
    return person


def _pick(row: dict[str, Any]) -> tuple[str, str]:
    by_name = {(k or "").strip().lower(): v for k, v in row.items()}
    return by_name.get("skill") or "", by_name.get("level") or ""


def profile_of(facts: Facts, model: MobilityModel, start: str) -> dict[str, int | None]:
    """The skills of a position's profile, or of a person in the job a template (by id or reference) describes.

    That person holds the template's essential skills and, being in the position the template describes, the
    position's profile (what its templates share, and its stream's and role's skills), each at the higher of the two
    levels. So their own position is the nearest one at their level, and the template's own skills (its
    specialisations) tell them apart from the position's other jobs.
    """
    if start in model.profiles:
        return dict(model.profiles[start].essential)
    for tid, template in facts.templates.items():
        if start in (tid, template.reference):
            person = {r.skill: r.level for r in template.requirements if r.essential}
            held_in_position = model.profiles[template.position].essential if template.position in model.profiles else {}
            for skill, level in held_in_position.items():
                held = person.get(skill)
                person[skill] = level if held is None else held if level is None else max(held, level)
            return person
    raise UnknownSkill(f"{start!r} is neither a position nor a job template")


def _kind(model: MobilityModel, level: str | None, target: str, gap: Iterable[GapItem]) -> str | None:
    """The move a person at ``level`` makes into ``target`` (see the module's table), or ``None`` when none is one move.

    The levels and ranks are the model's own: `MobilityModel.level_above`, `MobilityModel.executive_entry_rank`.
    """
    data = model.nodes[target]
    if level is None:
        return "entry"
    here = model.facts.levels.get(level)
    if here is None:
        return None
    if data.level_id == model.level_above(level):
        return "promotion"
    if data.kind == "executive":
        first = data.rank == 1 and here.group not in model.facts.executive_groups and here.rank == model.executive_entry_rank
        return "executive appointment" if first else None
    return same_level_kind(gap) if data.level_id == level else None


_COSTED_AS = {"entry": "appointment"}  # an entry of a person with skills costs as an appointment on merit


def _targets(model: MobilityModel, level: str | None) -> dict[tuple[Any, ...], list[str]]:
    """The positions (and, with a level, EX levels) a person might move into, grouped by what decides a move's kind and cost."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    for target in sorted(model.profiles):
        if target in model.facts.executive_levels and level is None:
            continue  # EX levels: from the top level, or as a private-sector executive (careers path says how)
        need, node = model.profiles[target], model.nodes[target]
        key = (frozenset(need.essential.items()), frozenset(need.uses.items()), node.kind, node.group, node.rank)
        groups.setdefault(key, []).append(target)
    return groups


def _costed_each(
    model: MobilityModel, person: Mapping[str, int | None], level: str | None, groups: dict[tuple[Any, ...], list[str]]
) -> Iterator[tuple[float, tuple[GapItem, ...], str] | None]:
    """For each group of targets, in order: ``(cost, gap, kind)`` of the move from ``person`` at ``level``, or None if none is one move."""
    have = Profile(dict(person), "a person's own")
    for targets in groups.values():
        need = model.profiles[targets[0]]
        gap = tuple(skill_gap(have, need))
        kind = _kind(model, level, targets[0], gap)
        if kind is None:
            yield None
            continue
        left = left_behind(have.essential, need.uses)
        yield move_cost(_COSTED_AS.get(kind, kind), gap, size=len(need.essential), left=left), gap, kind


def _costed(
    model: MobilityModel, person: Mapping[str, int | None], level: str | None, groups: dict[tuple[Any, ...], list[str]]
) -> Iterator[tuple[str, float, tuple[GapItem, ...], list[str]]]:
    """``(kind, cost, gap, targets)`` for each group of targets one move away from ``person`` at ``level``."""
    for targets, found in zip(groups.values(), _costed_each(model, person, level, groups), strict=True):
        if found is not None:
            cost, gap, kind = found
            yield kind, cost, gap, targets


def reach(
    facts: Facts, model: MobilityModel, person: Mapping[str, int | None], *, level: str | None = None, start: str | None = None
) -> list[Reachable]:
    """Every position (and EX level) one move away from ``person`` at ``level``, cheapest first (ties by id).

    With ``start`` (a position or EX level the person holds), the moves and costs are the model's own moves out of it
    (`MobilityModel.moves_from`, as `careers path` takes them: a promotion up one's own ladder costs 1).
    """
    if start is not None and start in model.nodes:
        return _from_state(facts, model, start)
    found: list[Reachable] = []
    for kind, cost, gap, targets in _costed(model, person, level, _targets(model, level)):
        needs = tuple(SkillNeed(g.skill, g.held, g.required) for g in gap)
        found.extend(Reachable(t, kind, model.rules[kind], cost, needs, model.nodes[t].level_id) for t in targets)
    return sorted(found, key=lambda r: (r.cost, r.position))


def _from_state(facts: Facts, model: MobilityModel, start: str) -> list[Reachable]:
    best: dict[str, Reachable] = {}
    for move in model.moves_from(start):
        if move.kind == "entry" or move.target in best and best[move.target].cost <= move.cost:
            continue
        needs = tuple(SkillNeed(g.skill, g.held, g.required) for g in move.gap)
        best[move.target] = Reachable(move.target, move.kind, move.rule, move.cost, needs, model.nodes[move.target].level_id)
    return sorted(best.values(), key=lambda r: (r.cost, r.position))


def opening_skill(
    facts: Facts, model: MobilityModel, person: Mapping[str, int | None], *, level: str | None = None, within: float = OPENING_WITHIN
) -> Opening | None:
    """The one official skill, at one level, whose gain brings the most more positions within ``within`` (net; ties by id).

    The candidates are the skills, at the levels they are asked, of the positions not yet within ``within``. Counted on
    the person's skills alone, as a person with no position has them. Positions that share a profile and a level are
    costed together, and for each candidate only those within reach before and those that use the skill (3,439
    positions of distinct profiles: 21 s before, 1.1 s).
    """
    groups = _targets(model, level)

    def within_reach(profile: Mapping[str, int | None], keys: Iterable[tuple[Any, ...]]) -> set[str]:
        chosen = {key: groups[key] for key in keys}
        return {t for _, cost, _, targets in _costed(model, profile, level, chosen) if cost <= within for t in targets}

    costed = dict(zip(groups, _costed_each(model, person, level, groups), strict=True))
    before_keys = {key for key, found in costed.items() if found is not None and found[0] <= within}
    before = {t for key in before_keys for t in groups[key]}
    candidates = {(g.skill, g.required) for found in costed.values() if found is not None and found[0] > within for g in found[1]}
    users: dict[str, list[tuple[Any, ...]]] = {}
    for key in groups:
        for skill in key[1]:  # the skills the group's positions use (`Profile.uses`)
            users.setdefault(skill[0], []).append(key)
    best: Opening | None = None
    for skill, need in sorted(candidates, key=lambda c: (c[0], c[1] or 0)):
        more = dict(person)
        more[skill] = max(need or 0, person.get(skill) or 0) or need
        # A position that does not use the skill keeps its gap and leaves more of the person unused: it costs no less,
        # so only those within reach before and those that use the skill need costing again.
        after = within_reach(more, before_keys.union(users.get(skill, ())))
        if len(after) > len(before) and (best is None or len(after) > best.after):
            best = Opening(skill, need, within, len(before), len(after), tuple(sorted(after - before)))
    return best
