"""Everything linked to one thing of the graph, for ``careers show``, in English or French.

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
>>> describe_node(facts, model, "role-senior-advisor", "role", "fr", {"stream-it-database-management": "Bases"})["found in streams"][0]
'Bases'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.i18n import text
from graph.mobility.costs import format_cost
from graph.mobility.facts import Facts, Item
from graph.mobility.moves import MobilityModel
from graph.mobility.pay import pay_line
from graph.mobility.similarity import profile, stream_similarity

__all__ = ["absent_position_note", "describe_node"]

PRIMARILY = "primarily_found_in"
"""The setting (``gcdc:parameterName``) of the assumption that reads the page's "primarily found in" as "only found in"."""


@dataclass(frozen=True)
class _Words:
    """How ``careers show`` names things in ``lang``: French labels from ``names``, the sources' English words in « »."""

    facts: Facts
    model: MobilityModel
    lang: str
    names: dict[str, str]

    @property
    def french(self) -> bool:
        return self.lang == "fr"

    def say(self, key: str, **values: object) -> str:
        return text(self.lang, "show_" + key, **values)

    def name(self, node: str, english: str) -> str:
        """``node``'s French label in French (``english`` when it has none), else ``english``."""
        return self.names.get(node, english) if self.french else english

    def id(self, node: str) -> str:
        """The node's id; in French as a CURIE (``gcd:…``), an identifier no reader takes for English words."""
        return f"gcd:{node}" if self.french else node

    def quote(self, words: str) -> str:
        """Words that exist only in English (the source's, a crosswalk's): marked « » in French."""
        return f"« {words} »" if self.french else words

    def number(self, value: float) -> str:
        return f"{value:.2f}".replace(".", ",") if self.french else f"{value:.2f}"

    def stream(self, stream: str) -> str:
        return self.name(stream, self.facts.streams[stream].label)

    def community(self, stream: str) -> str:
        found = self.facts.streams[stream]
        return self.name(found.community, found.community_label)

    def position(self, position: str) -> str:
        return self.name(position, self.facts.positions[position].label)

    def role(self, role: str) -> str:
        return self.name(role, self.facts.role_labels.get(role) or self.say("role_not_stated"))

    def skill(self, skill: str, level: int | None = None) -> str:
        name = self.facts.skill_label(skill, self.lang)
        if not level:
            return name
        levels = self.facts.skill_level_labels_fr if self.french else self.facts.skill_level_labels
        return f"{name} ({levels.get(level) or self.say('level_not_given')})"

    def items(self, items: list[Item]) -> list[str]:
        return [self.quote(i.label) for i in items]

    def crosswalks(self, *nodes: str) -> list[str]:
        separator = "\u00a0: " if self.french else ": "
        return [
            f"{c.relation} {c.code + ' ' if c.code else ''}{self.quote(c.label)} <{c.target}>{separator}{self.quote(c.why)}"
            for node in nodes
            for c in self.facts.crosswalks.get(node, [])
        ]

    def moves(self, node: str, *, limit: int = 12) -> list[str]:
        lines = []
        for m in sorted(self.model.moves_from(node), key=lambda m: (m.cost, m.target))[:limit]:
            if self.french:
                kind, basis, rule = text("fr", "move_" + m.kind), text("fr", m.basis), self.name(m.rule, self.facts.rule_label(m.rule))
                assumed = [f"{self.names[a]} (gcd:{a})" if a in self.names else f"gcd:{a}" for a in m.assumptions]
            else:
                kind, basis, rule, assumed = m.kind, m.basis, m.rule, list(m.assumptions)
            target = self.name(m.target, self.model.label(m.target))
            assumes = self.say("assumes", names=", ".join(assumed)) if assumed else ""
            lines.append(
                self.say(
                    "move",
                    target=target,
                    kind=kind,
                    basis=basis,
                    rule=rule,
                    assumes=assumes,
                    cost=format_cost(m.cost, self.lang),
                    skills=self.count(len(m.gap)),
                )
            )
        return lines

    def count(self, count: int) -> str:
        """``1 skill``, ``2 skills``; in French the singular for 0 too (``0 compétence``)."""
        one = count == 1 or (self.french and count == 0)
        return self.say("skill_count" if one else "skills_count", count=count)

    def assumption(self, assumption: str, english: str) -> str:
        """An assumption: its note in English; in French its French name (the note exists only in English)."""
        return f"{self.names[assumption]} (gcd:{assumption})" if self.french and assumption in self.names else english


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
    return next((d.label for d in facts.levels.values() if d.group == group and ranks and d.rank == min(ranks)), "")


def _position(w: _Words, node: str) -> dict[str, Any]:
    facts, p, prof = w.facts, w.facts.positions[node], w.model.profiles[node]
    items = facts.stream_items.get(p.stream, []) + facts.role_items.get(p.role or "", [])
    if p.path:
        path = w.name(p.path, facts.path_names().get(p.path, p.path))
    else:
        path = w.say("no_path", level=_split(facts, p.group) or w.say("the_paths"))
    info = {
        "position": w.position(node),
        "id": w.id(node),
        "role": w.role(p.role) if p.role else w.say("no_role"),
        "level": p.level_label,
        "stream": w.stream(p.stream),
        "community": w.community(p.stream),
        "path": path,
        "pay": pay_line(facts, p.level, w.lang),
        "skill profile from": w.say("method_" + prof.method.replace(" ", "_"))
        + (f": {', '.join(prof.templates)}" if prof.templates else ""),
        "essential skills": sorted(w.skill(s, lvl) for s, lvl in prof.essential.items()),
        "specialisation skills": [f"{w.skill(s)} ({', '.join(refs)})" for s, refs in prof.specialisations.items()],
        "asset skills": sorted(w.skill(s) for s in prof.assets),
        "responsibilities": w.items(items),
        "crosswalks": w.crosswalks(node, p.stream, p.role or ""),
        "cheapest moves out": w.moves(node),
    }
    if not p.level_stated:
        unstated = w.model.assumption["unstated levels"]
        found = facts.assumptions.get(unstated)
        if w.french and not (found and found.note_fr):  # no French note: the assumption by its French name
            info["level note"] = w.assumption(unstated, found.note if found else w.say("level_not_stated"))
        else:
            info["level note"] = facts.assumption_note(unstated, w.say("level_not_stated"), w.lang)
    return info


def _stream(w: _Words, node: str) -> dict[str, Any]:
    facts = w.facts
    counts = profile(facts.stream_items.get(node, []))
    sims = stream_similarity(facts)
    similar = sorted(((b if a == node else a, v) for (a, b), v in sims.items() if node in (a, b)), key=lambda x: (-x[1], x[0]))[:5]
    return {
        "stream": w.stream(node),
        "id": w.id(node),
        "community": w.community(node),
        "responsibilities": w.items(facts.stream_items.get(node, [])),
        "official skills": [f"{w.skill(k)} ({n})" for k, n in sorted(counts.items(), key=lambda x: (-x[1], w.skill(x[0])))],
        "positions": sorted(w.position(p) for p, d in facts.positions.items() if d.stream == node),
        "most similar streams": [f"{w.stream(o)} ({w.number(v)})" for o, v in similar],
        "crosswalks": w.crosswalks(node),
    }


def _role(w: _Words, node: str) -> dict[str, Any]:
    facts = w.facts
    positions = sorted((d for d in facts.positions.values() if d.role == node), key=lambda d: facts.streams[d.stream].order)
    where = {"where note": w.say("where_note_text", assumption=_primarily(facts))} if node in _partial_roles(facts) else {}
    return {
        "role": w.role(node),
        "id": w.id(node),
        "levels": sorted({d.level_label for d in positions}) or [w.say("no_position")],
        "found in streams": [w.stream(d.stream) for d in positions],
        **where,
        "definition": w.items(facts.role_items.get(node, [])),
        "official skills": sorted({w.skill(s) for i in facts.role_items.get(node, []) for s in i.skills}),
        "crosswalks": w.crosswalks(node),
    }


def _level(w: _Words, node: str) -> dict[str, Any]:
    facts, level = w.facts, w.facts.levels[node]
    return {
        "level": level.label,
        "id": w.id(node),
        "group": facts.group_abbreviations.get(level.group, level.group),
        "pay": pay_line(facts, node, w.lang),
        "positions": sorted(w.position(p) for p, d in facts.positions.items() if d.level == node),
    }


def _skill(w: _Words, node: str) -> dict[str, Any]:
    facts, skill = w.facts, w.facts.skills[node]
    items = facts.stream_items.items()
    return {
        "skill": w.skill(node),
        "id": w.id(node),
        **({"English name": w.quote(skill.label)} if w.french else {"French name": skill.fr}),
        "category": w.say("category_" + skill.category.lower()),
        "required by positions": sorted(w.position(p) for p, prof in w.model.profiles.items() if p in facts.positions and prof.holds(node)),
        "job templates": sorted(
            f"{t.reference} {w.name(tid, t.label)}"
            for tid, t in facts.templates.items()
            if any(r.skill == node and r.essential for r in t.requirements)
        ),
        "responsibilities": sorted(
            f"{w.stream(s)}{chr(0xA0) if w.french else ''}: {w.quote(i.label)}" for s, found in items for i in found if node in i.skills
        ),
    }


_KINDS = {"position": _position, "stream": _stream, "role": _role, "level": _level, "skill": _skill}


def describe_node(
    facts: Facts, model: MobilityModel, node: str, kind: str, lang: str = "en", names: dict[str, str] | None = None
) -> dict[str, Any]:
    """A dict of the node's attributes and linked things (lists of strings), ready to print.

    The keys are English (`graph.i18n.named` with the ``show_`` prefix words them); with ``lang="fr"`` the values are in
    French, things named by ``names`` (their French labels), the sources' English words marked « ».
    """
    w = _Words(facts, model, lang, names or {})
    if kind in _KINDS:
        return _KINDS[kind](w, node)
    info: dict[str, Any] = {kind: w.name(node, model.nodes[node].label), "id": w.id(node)}
    if kind == "executive":
        info["pay"] = pay_line(facts, node, lang)
    info["cheapest moves out"] = w.moves(node)
    return info
