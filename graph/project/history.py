"""What the observed actions say about the workforce by level, year by year: stocks, moves between levels, hires.

Read from the DuckDB file `careers observe` wrote (`graph.observe.ingest`). The states are the levels, in the
order of the ladder (IT-01 .. IT-05, then EX-01 .. EX-05, and any other group after), plus *outside*. A year's
stock is the people in a level at its start: the people present at the start of the data, plus every substantive
move before the year (`graph.observe.analyses.SUBSTANTIVE`; an acting appointment leaves a person where they are).
The end of the last year is one more stock, so that a back-test can compare with it.

Examples
--------
>>> import duckdb
>>> con = duckdb.connect()
>>> _ = con.execute("CREATE TABLE actions AS SELECT * FROM (VALUES "
...     "(1, 2020, 'snapshot', NULL, 'level-it-01'), (1, 2021, 'promotion', 'level-it-01', 'level-it-02'), "
...     "(2, 2020, 'snapshot', NULL, 'level-it-01'), (3, 2021, 'hire', NULL, 'level-it-01')"
...     ") AS t(ord, year, action, from_level, to_level)")
>>> h = read_history(con, ["level-it-01", "level-it-02"])
>>> h.years, h.stock.tolist(), h.hires.tolist()
((2020, 2021), [[2, 0], [2, 0], [2, 1]], [[0, 0], [1, 0]])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from graph.observe.analyses import SUBSTANTIVE

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["History", "read_history"]


@dataclass(frozen=True)
class History:
    """Stocks and moves by level and year, as arrays over ``states`` (in ladder order) and ``years``.

    ``stock[i]``: people in each state at the start of ``years[i]`` (one more row: the end of the last year).
    ``moves[i, a, b]``: substantive moves from state ``a`` to state ``b`` in ``years[i]``, the last ``b`` being outside.
    ``hires[i, b]``: hires into state ``b`` in ``years[i]``.
    ``actions[(a, b, action)]``: the moves from ``a`` to ``b`` of each action over all the years (what a published rate
    rests on: `graph.project.projection`).
    """

    states: tuple[str, ...]
    years: tuple[int, ...]
    stock: np.ndarray
    moves: np.ndarray
    hires: np.ndarray
    actions: dict[tuple[int, int, str], int] = field(default_factory=dict)

    def window(self, first: int, last: int) -> History:
        """The years from index ``first`` to ``last`` (inclusive), with the stock at the start of each and after the last."""
        return History(
            self.states,
            self.years[first : last + 1],
            self.stock[first : last + 2],
            self.moves[first : last + 1],
            self.hires[first : last + 1],
        )  # fmt: skip  (the actions are the whole history's: not windowed)


def read_history(con: DuckDBPyConnection, states: list[str]) -> History:
    """The history of the levels ``states`` (ids, in ladder order) in the observed database ``con``.

    Levels the data holds that ``states`` does not name are left out (their moves into named levels count as hires
    from outside, their moves out of them are not seen).
    """
    index = {s: i for i, s in enumerate(states)}
    years = tuple(y for (y,) in con.execute("SELECT DISTINCT year FROM actions ORDER BY year").fetchall())
    n, out = len(states), len(states)
    moves = np.zeros((len(years), n, n + 1), dtype=np.int64)
    hires = np.zeros((len(years), n), dtype=np.int64)
    year_at = {y: i for i, y in enumerate(years)}
    substantive = ", ".join(repr(a) for a in SUBSTANTIVE)
    actions: dict[tuple[int, int, str], int] = {}
    for year, action, source, target, count in con.execute(
        f"SELECT year, action, from_level, to_level, count(*) FROM actions WHERE action IN ({substantive}) GROUP BY ALL"
    ).fetchall():
        a, b = index.get(source), index.get(target, out) if target is not None else out
        if a is None:
            if b != out:
                hires[year_at[year], b] += count  # from outside, or from a level left out
        else:
            moves[year_at[year], a, b] += count
            actions[(a, b, action)] = actions.get((a, b, action), 0) + count
    initial = np.zeros(n, dtype=np.int64)
    first_records = (
        "SELECT CASE WHEN action = 'snapshot' THEN to_level ELSE from_level END, count(*) FROM actions "
        "WHERE ord = 1 AND action <> 'hire' GROUP BY ALL"
    )
    for level, count in con.execute(first_records).fetchall():
        if level in index:
            initial[index[level]] += count
    stock = np.zeros((len(years) + 1, n), dtype=np.int64)
    stock[0] = initial
    for i in range(len(years)):
        inflow = moves[i, :, :n].sum(axis=0) + hires[i]
        outflow = moves[i].sum(axis=1)
        stock[i + 1] = stock[i] + inflow - outflow
    return History(tuple(states), years, stock, moves, hires, actions)
