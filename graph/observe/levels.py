"""How the records' classification codes (``IT-03``, ``CS-03``, ``EX-01``) read as the graph's levels, and their order.

From the graph, not from ids: a code is a level's label; a former group's code (``CS-03``) reads as the level paid at its
rate (``gcdc:paidAtRateOf``: IT-03); the ladder runs up the career groups' levels by rank, then the executive levels.

Examples
--------
>>> from graph.mobility.facts import Facts, Level
>>> facts = Facts(levels={"l-it-1": Level("IT-01", 1, "g-it", "l-cs-1"), "l-it-2": Level("IT-02", 2, "g-it"),
...                       "l-cs-1": Level("CS-01", 1, "g-cs"), "l-ex-1": Level("EX-01", 1, "g-ex")},
...               group_communities={"g-it": "c-it", "g-ex": "c-ex"})
>>> facts.executive_levels = {"l-ex-1": facts.levels["l-ex-1"]}  # as read_facts finds them
>>> ladder = Classification.of(facts)
>>> ladder.levels
{'CS-01': 'l-it-1', 'EX-01': 'l-ex-1', 'IT-01': 'l-it-1', 'IT-02': 'l-it-2'}
>>> ladder.order
{'l-it-1': 1, 'l-it-2': 2, 'l-ex-1': 3}
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.mobility.facts import Facts

__all__ = ["Classification"]


@dataclass(frozen=True)
class Classification:
    """The levels the records' codes name (``{"IT-03": "level-it-03"}``), their places on the ladder, the executive ones."""

    levels: dict[str, str]
    order: dict[str, int]
    executive: frozenset[str]

    @classmethod
    def of(cls, facts: Facts) -> Classification:
        """The classification of ``facts``' levels."""
        career = sorted(
            (lid for lid, d in facts.levels.items() if d.group in facts.group_communities and lid not in facts.executive_levels),
            key=lambda lid: (facts.levels[lid].rank, lid),
        )
        executive = sorted(facts.executive_levels, key=lambda lid: (facts.levels[lid].rank, lid))
        order = {lid: place for place, lid in enumerate([*career, *executive], start=1)}
        levels = {facts.levels[lid].label: lid for lid in order}
        for lid in career:  # a former group's code reads as the level paid at its rate
            paid_at = facts.levels[lid].paid_at
            if paid_at in facts.levels:
                levels.setdefault(facts.levels[paid_at].label, lid)
        return cls(dict(sorted(levels.items())), order, frozenset(executive))

    def sql_level(self, column: str) -> str:
        """A DuckDB expression: the level id that the code in ``column`` names (``NULL`` for none)."""
        cases = " ".join(f"WHEN '{_sql(code)}' THEN '{_sql(level)}'" for code, level in self.levels.items())
        return f"CASE {column} {cases} END"

    def sql_order(self, column: str) -> str:
        """A DuckDB expression: the place on the ladder of the level id in ``column``."""
        cases = " ".join(f"WHEN '{_sql(level)}' THEN {place}" for level, place in self.order.items())
        return f"CASE {column} {cases} END"

    def rank(self, level: str) -> tuple[int, str]:
        """A key that sorts levels up the ladder (unknown ones last)."""
        return self.order.get(level, len(self.order) + 1), level


def _sql(text: str) -> str:
    return text.replace("'", "''")
