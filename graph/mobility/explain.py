"""A move in words: its kind, basis, rule, assumptions, skill gap, cost and the pay at its end, for ``careers path``.

In English or French: with ``lang="fr"`` and the graph's French labels (``names``), every value is in French (GC
Digital Talent's skill names and levels, the rules' and assumptions' French labels, the pay in French format); the
page's own words, which exist only in English, stay as they are. The keys stay English: they are what scripts read.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, model = analyse(derive(load().g))
>>> move = next(m for m in model.moves_from("position-it-02-analyst-it-database-management")
...             if m.target == "position-it-02-analyst-it-security")
>>> record = move_record(facts, model, move)
>>> record["kind"], record["basis"], record["rule"]
('appointment', 'rule', 'Appointment through an advertised process (same level)')
>>> record["skills to gain"][:1]
['Application Access Management (intermediate)']
"""

from __future__ import annotations

from typing import Any

from graph.i18n import text
from graph.mobility.facts import Facts
from graph.mobility.gap import GapItem, along_path
from graph.mobility.moves import MobilityModel, Move
from graph.mobility.pay import pay_change, pay_line
from graph.mobility.search import CareerPath

__all__ = ["BASIS_WORDS", "move_record", "path_basis_words", "path_records"]

BASIS_WORDS = {
    "stated": "stated by the page",
    "rule": "allowed by a staffing rule",
    "inferred": "inferred by this tool",
}


def _level(facts: Facts, level: int | None, lang: str = "en") -> str:
    if lang == "fr":
        return facts.skill_level_labels_fr.get(level, f"niveau {level}") if level else "niveau non précisé"
    return facts.skill_level_labels.get(level, f"level {level}") if level else "level not given"


def path_records(
    facts: Facts, model: MobilityModel, path: CareerPath, lang: str = "en", names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Each step of ``path`` as `move_record`, its skills less what an earlier step of the path already gave."""
    along = along_path(model.profiles, path.nodes, [s.gap for s in path.steps])
    return [
        move_record(facts, model, step, gap=rest, earlier=earlier, lang=lang, names=names)
        for step, (rest, earlier) in zip(path.steps, along, strict=True)
    ]


def move_record(
    facts: Facts,
    model: MobilityModel,
    move: Move,
    *,
    gap: tuple[GapItem, ...] | None = None,
    earlier: tuple[str, ...] = (),
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One move as a flat dict of strings and lists: what ``careers path`` prints for a step.

    ``gap`` replaces the move's own (what remains on a path, `path_records`); ``earlier`` names the skills an earlier
    step of the path gave. ``lang="fr"`` words the values in French, naming things by ``names`` (their French labels).
    """
    gap = move.gap if gap is None else gap
    level = model.nodes[move.target].level_id
    french = lang == "fr"
    names = names or {}

    def label(node: str) -> str:
        return names.get(node) or model.label(node) if french else model.label(node)

    def skill(s: str) -> str:
        return facts.skill_label(s, lang)

    to = " à " if french else " to "
    return {
        "from": label(move.source),
        "to": label(move.target),
        "kind": text(lang, "move_" + move.kind) if french else move.kind,
        "basis": text(lang, move.basis) if french else move.basis,
        "rule": (names.get(move.rule) if french else None) or facts.rule_label(move.rule),
        "rule id": f"gcd:{move.rule}",
        "assumptions": [f"{names[a]} (gcd:{a})" if french and a in names else f"gcd:{a}" for a in move.assumptions],
        "cost": move.cost,
        "skills to gain": [f"{skill(g.skill)} ({_level(facts, g.required, lang)})" for g in gap if g.missing],
        "skills to deepen": [
            f"{skill(g.skill)} ({_level(facts, g.held, lang)}{to}{_level(facts, g.required, lang)})" for g in gap if not g.missing
        ],
        "held from earlier steps": [skill(s) for s in earlier],
        "pay": pay_line(facts, level, lang) if level else "",
        "pay change": pay_change(facts, model.nodes[move.source].level_id, level, lang),
        "evidence": move.evidence_fr or move.evidence if french else move.evidence,
        "page says": list(move.quotes) if move.basis == "stated" else [],
    }


def path_basis_words(steps: tuple[Move, ...], lang: str = "en") -> str:
    """How a path's moves are founded, in words: ``3 of 4 moves stated by the page, 1 allowed by a staffing rule``."""
    stated = sum(s.basis == "stated" for s in steps)
    ruled = sum(s.basis == "rule" for s in steps)
    parts = [text(lang, "explorer_stated_count_one" if len(steps) == 1 else "explorer_stated_count", stated=stated, moves=len(steps))]
    if ruled:
        parts.append(text(lang, "explorer_rule_count", count=ruled))
    return ", ".join(parts)
