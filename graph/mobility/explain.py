"""A move in words: its kind, basis, rule, assumptions, skill gap, cost and the pay at its end, for ``careers path``.

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

from graph.mobility.facts import Facts
from graph.mobility.gap import GapItem, along_path
from graph.mobility.moves import MobilityModel, Move
from graph.mobility.paths import Path
from graph.mobility.pay import pay_change, pay_line

__all__ = ["BASIS_WORDS", "move_record", "path_basis_words", "path_records"]

BASIS_WORDS = {
    "stated": "stated by the page",
    "rule": "allowed by a staffing rule",
    "inferred": "inferred by this tool",
}


def _level(facts: Facts, level: int | None) -> str:
    return facts.skill_level_labels.get(level, f"level {level}") if level else "level not given"


def path_records(facts: Facts, model: MobilityModel, path: Path) -> list[dict]:
    """Each step of ``path`` as `move_record`, its skills less what an earlier step of the path already gave."""
    along = along_path(model.profiles, path.nodes, [s.gap for s in path.steps])
    return [move_record(facts, model, step, gap=rest, earlier=earlier) for step, (rest, earlier) in zip(path.steps, along, strict=True)]


def move_record(
    facts: Facts, model: MobilityModel, move: Move, *, gap: tuple[GapItem, ...] | None = None, earlier: tuple[str, ...] = ()
) -> dict:
    """One move as a flat dict of strings and lists: what ``careers path`` prints for a step.

    ``gap`` replaces the move's own (what remains on a path, `path_records`); ``earlier`` names the skills an earlier
    step of the path gave.
    """
    gap = move.gap if gap is None else gap
    target = model.nodes[move.target]
    level = target.get("level_id")
    return {
        "from": model.label(move.source),
        "to": model.label(move.target),
        "kind": move.kind,
        "basis": move.basis,
        "rule": facts.rules.get(move.rule, {}).get("label", move.rule),
        "rule id": f"gcd:{move.rule}",
        "assumptions": [f"gcd:{a}" for a in move.assumptions],
        "cost": move.cost,
        "skills to gain": [f"{facts.skill_label(g.skill)} ({_level(facts, g.required)})" for g in gap if g.missing],
        "skills to deepen": [
            f"{facts.skill_label(g.skill)} ({_level(facts, g.held)} to {_level(facts, g.required)})" for g in gap if not g.missing
        ],
        "held from earlier steps": [facts.skill_label(s) for s in earlier],
        "pay": pay_line(facts, level) if level else "",
        "pay change": pay_change(facts, model.nodes[move.source].get("level_id"), level),
        "evidence": move.evidence,
        "page says": list(move.quotes) if move.basis == "stated" else [],
    }


def path_basis_words(steps: tuple[Move, ...]) -> str:
    """How a path's moves are founded, in words: ``3 of 4 moves stated by the page, 1 allowed by a staffing rule``."""
    stated = sum(s.basis == "stated" for s in steps)
    ruled = sum(s.basis == "rule" for s in steps)
    parts = [f"{stated} of {len(steps)} moves stated by the page"] if stated else [f"0 of {len(steps)} moves stated by the page"]
    if ruled:
        parts.append(f"{ruled} allowed by a staffing rule")
    return ", ".join(parts)
