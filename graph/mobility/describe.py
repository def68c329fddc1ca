"""Everything linked to one thing of the graph, for ``careers show``.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, model = analyse(derive(load().g))
>>> describe_node(facts, model, "role-senior-advisor", "role")["found in streams"][:2]
['IT Database Management', 'IT Enterprise Architecture']
>>> describe_node(facts, model, "position-it-03-technical-advisor-it-software-solutions", "position")["skill profile from"]
'official job template: IT-03-06-IC-016, IT-03-06-IC-028, IT-03-06-IC-22'
"""

from __future__ import annotations

from typing import Any

from graph.mobility.costs import format_cost
from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.mobility.pay import pay_line
from graph.mobility.similarity import profile, stream_similarity

__all__ = ["describe_node"]


def _moves(model: MobilityModel, node: str, *, limit: int = 12) -> list[str]:
    lines = []
    for m in sorted(model.moves_from(node), key=lambda m: (m.cost, m.target))[:limit]:
        assumed = f"; assumes {', '.join(m.assumptions)}" if m.assumptions else ""
        lines.append(
            f"to {model.label(m.target)}: {m.kind} ({m.basis}; {m.rule}{assumed}; cost {format_cost(m.cost)}, "
            f"{len(m.gap)} skills to gain or deepen)"
        )
    return lines


def _skill(facts: Facts, skill: str, level: int | None) -> str:
    return f"{facts.skill_label(skill)} ({facts.skill_level_labels.get(level, 'level not given')})" if level else facts.skill_label(skill)


def _crosswalks(facts: Facts, node: str) -> list[str]:
    return [f"{c.relation} {c.code + ' ' if c.code else ''}{c.label} <{c.target}>: {c.why}" for c in facts.crosswalks.get(node, [])]


PRIMARILY = "primarily_found_in"
"""The setting (``gcdc:parameterName``) of the assumption that reads the page's "primarily found in" as "only found in"."""


def _primarily(facts: Facts) -> str:
    found = facts.assumption_named(PRIMARILY)
    return f"gcd:{found}" if found else PRIMARILY


def _streams_of(facts: Facts, role: str) -> list[str]:
    return sorted({d.stream for d in facts.positions.values() if d.role == role}, key=lambda s: facts.streams[s].order)


def _partial_roles(facts: Facts) -> dict[str, list[str]]:
    """The roles the page places in only some IT streams ("primarily found in"), with those streams."""
    it_streams = {d.stream for d in facts.positions.values() if d.role}
    found = {role: _streams_of(facts, role) for role in facts.role_labels}
    return {role: streams for role, streams in found.items() if streams and len(streams) < len(it_streams)}


def absent_position_note(facts: Facts, name: str) -> str:
    """Why a name that asks for a role in a stream where the graph has none finds nothing, or ``""``.

    >>> from graph.mobility.facts import Position, Stream
    >>> stream = lambda label, order: Stream(label, "c", "C", 1, order)
    >>> position = lambda role, stream: Position("P", "level-it-05", "IT-05", 5, "group-it", stream, "c", role)
    >>> f = Facts(role_labels={"role-director": "Director"}, streams={"s-a": stream("A", 1), "s-b": stream("B", 2)},
    ...           positions={"p": position("role-director", "s-a"), "q": position("role-analyst", "s-b")})
    >>> absent_position_note(f, "IT-05 Director, B").split("; ")[0]
    'the page names 1 stream for Directors (A)'
    """
    text = name.lower()
    for role, streams in _partial_roles(facts).items():
        label = facts.role_labels[role]
        if label.lower() not in text:
            continue
        asked = [s for s, d in facts.streams.items() if d.label.lower() in text and s not in streams]
        if asked:
            named = ", ".join(facts.streams[s].label for s in streams)
            count = f"{len(streams)} stream{'s' if len(streams) != 1 else ''}"
            return (
                f"the page names {count} for {label}s ({named}); {facts.streams[asked[0]].label} is not one of them, and this graph "
                f"reads the page’s “primarily found in” as “only found in” ({_primarily(facts)})"
            )
    return ""


def _split(facts: Facts, group: str) -> str:
    """The level of ``group`` from which its positions are on a career path (IT-03 as shipped)."""
    ranks = [p.rank for p in facts.positions.values() if p.path and p.group == group]
    return next((d.label for d in facts.levels.values() if d.group == group and ranks and d.rank == min(ranks)), "the paths")


def describe_node(facts: Facts, model: MobilityModel, node: str, kind: str) -> dict[str, Any]:
    """A dict of the node's attributes and linked things (lists of strings), ready to print."""
    if kind == "position":
        p, prof = facts.positions[node], model.profiles[node]
        items = facts.stream_items.get(p.stream, []) + facts.role_items.get(p.role or "", [])
        info = {
            "position": p.label,
            "id": node,
            "role": facts.role_labels.get(p.role, "none stated") if p.role else "none stated (level not stated by the source)",
            "level": p.level_label,
            "stream": facts.streams[p.stream].label,
            "community": facts.streams[p.stream].community_label,
            "path": facts.path_names().get(p.path, p.path) if p.path else f"none (below {_split(facts, p.group)})",
            "pay": pay_line(facts, p.level),
            "skill profile from": prof.method + (f": {', '.join(prof.templates)}" if prof.templates else ""),
            "essential skills": sorted(_skill(facts, s, lvl) for s, lvl in prof.essential.items()),
            "specialisation skills": [f"{facts.skill_label(s)} ({', '.join(refs)})" for s, refs in prof.specialisations.items()],
            "asset skills": sorted(facts.skill_label(s) for s in prof.assets),
            "responsibilities": [i.label for i in items],
            "crosswalks": _crosswalks(facts, node) + _crosswalks(facts, p.stream) + _crosswalks(facts, p.role or ""),
            "cheapest moves out": _moves(model, node),
        }
        if not p.level_stated:
            info["level note"] = facts.assumption_note(model.assumption["unstated levels"], "level not stated by the source")
        return info
    if kind == "stream":
        s = facts.streams[node]
        counts = profile(facts.stream_items.get(node, []))
        sims = stream_similarity(facts)
        similar = sorted(((b if a == node else a, v) for (a, b), v in sims.items() if node in (a, b)), key=lambda x: (-x[1], x[0]))[:5]
        return {
            "stream": s.label,
            "id": node,
            "community": s.community_label,
            "responsibilities": [i.label for i in facts.stream_items.get(node, [])],
            "official skills": [
                f"{facts.skill_label(k)} ({n})" for k, n in sorted(counts.items(), key=lambda x: (-x[1], facts.skill_label(x[0])))
            ],
            "positions": sorted(d.label for d in facts.positions.values() if d.stream == node),
            "most similar streams": [f"{facts.streams[o].label} ({v:.2f})" for o, v in similar],
            "crosswalks": _crosswalks(facts, node),
        }
    if kind == "role":
        positions = sorted((d for d in facts.positions.values() if d.role == node), key=lambda d: facts.streams[d.stream].order)
        return {
            "role": facts.role_labels[node],
            "id": node,
            "levels": sorted({d.level_label for d in positions}) or ["(no stream-specific position)"],
            "found in streams": [facts.streams[d.stream].label for d in positions],
            **(
                {
                    "where note": "the page says this role is “primarily found in” these streams; this graph reads it as only "
                    f"these ({_primarily(facts)})"
                }
                if node in _partial_roles(facts)
                else {}
            ),
            "definition": [i.label for i in facts.role_items.get(node, [])],
            "official skills": sorted({facts.skill_label(s) for i in facts.role_items.get(node, []) for s in i.skills}),
            "crosswalks": _crosswalks(facts, node),
        }
    if kind == "level":
        level = facts.levels[node]
        return {
            "level": level.label,
            "id": node,
            "group": facts.group_abbreviations.get(level.group, level.group),
            "pay": pay_line(facts, node),
            "positions": sorted(d.label for d in facts.positions.values() if d.level == node),
        }
    if kind == "skill":
        return {
            "skill": facts.skill_label(node),
            "id": node,
            "French name": facts.skills[node].fr,
            "category": facts.skills[node].category.lower(),
            "required by positions": sorted(
                facts.positions[p].label for p, prof in model.profiles.items() if p in facts.positions and prof.holds(node)
            ),
            "job templates": sorted(
                f"{t.reference} {t.label}" for t in facts.templates.values() if any(r.skill == node and r.essential for r in t.requirements)
            ),
            "responsibilities": sorted(
                f"{facts.streams[s].label}: {i.label}" for s, items in facts.stream_items.items() for i in items if node in i.skills
            ),
        }
    data = model.nodes[node]
    info = {kind: data.label, "id": node}
    if kind == "executive":
        info["pay"] = pay_line(facts, node)
    info["cheapest moves out"] = _moves(model, node)
    return info
