"""Yearly transition probabilities between levels, and hires, estimated from a `graph.project.history.History`.

A Markov manpower model (Bartholomew; Vincent and Okazawa 2019 for the Department of National Defence): each year,
each person in a level moves to another level, leaves, or stays, with probabilities that depend on the level alone;
hires arrive at each level. The probability of a move from ``a`` is the moves from ``a`` over the people in ``a`` at
the start of the years fitted (its *exposure*), with a 95% Wilson interval.

**Pooling** (the rule, stated once): a level whose exposure is under ``min_exposure`` person-years is pooled with the
next levels of its group, in ladder order, until the pool reaches it (a short last pool joins the one before). A pool
shares its moves *relative to the ladder*: up one level, up two, down one, out; so EX-04 and EX-05, pooled, share one
departure rate and one rate of moving up (EX-05 has nowhere up: its share stays). Every pool is reported.

Examples
--------
>>> import numpy as np
>>> from graph.project.history import History
>>> h = History(("a", "b"), (2020,), np.array([[100, 50], [95, 52]]), np.array([[[0, 10, 5], [0, 0, 3]]]), np.array([[10, 0]]))
>>> r = estimate(h, min_exposure=10)
>>> r.p.round(3).tolist(), r.hires.tolist()
([[0.0, 0.1, 0.05], [0.0, 0.0, 0.06]], [10.0, 0.0])
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from graph.project.history import History

__all__ = ["MIN_EXPOSURE", "Rates", "estimate", "wilson"]

MIN_EXPOSURE = 200
"""Person-years a level (or pool of levels) needs for rates of its own (``gcd:assumption-projection-pooling``)."""


@dataclass(frozen=True)
class Rates:
    """Yearly transition probabilities, what they rest on, the hires, and the pools.

    ``p[a, b]``: from state ``a`` to ``b`` (the last column: outside; the diagonal is 0, staying is the rest); ``moves``
    and ``exposure``: what they were estimated from; ``hires``: the mean hires a year into each state.
    """

    states: tuple[str, ...]
    p: np.ndarray
    moves: np.ndarray
    exposure: np.ndarray
    hires: np.ndarray
    hire_years: int
    pools: tuple[tuple[str, ...], ...]

    def interval(self, a: int, b: int, z: float = 1.959964) -> tuple[float, float]:
        """The Wilson interval of ``p[a, b]`` (95% by default; on the pool's moves and exposure when ``a`` is pooled)."""
        n = len(self.states)
        pool = next(pool for pool in self.pool_indices() if a in pool)
        if b == n:
            events = self.moves[pool, n].sum()
        else:
            events = sum(self.moves[i, i + b - a] for i in pool if 0 <= i + b - a < n)
        return wilson(int(events), int(self.exposure[pool].sum()), z)

    def pool_indices(self) -> list[list[int]]:
        """The pools, as indices into `states`."""
        index = {s: i for i, s in enumerate(self.states)}
        return [[index[s] for s in pool] for pool in self.pools]


def wilson(events: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default); (0, 1) without trials.

    >>> [round(x, 4) for x in wilson(10, 100)]
    [0.0552, 0.1744]
    """
    if trials <= 0:
        return 0.0, 1.0
    share = events / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def _pools(states: tuple[str, ...], exposure: np.ndarray, min_exposure: float) -> list[list[int]]:
    """Consecutive levels of one group (``states`` in ladder order), pooled until each pool has ``min_exposure``."""

    def group(i: int) -> str:
        return states[i].rsplit("-", 1)[0]

    pools: list[list[int]] = []
    for _, members in itertools.groupby(range(len(states)), key=group):
        own: list[list[int]] = []
        current: list[int] = []
        for i in members:
            current.append(i)
            if exposure[current].sum() >= min_exposure:
                own.append(current)
                current = []
        if current:  # a short last pool joins the one before it
            own[-1:] = [own[-1] + current] if own else [current]
        pools += own
    return pools


def estimate(history: History, *, min_exposure: float = MIN_EXPOSURE) -> Rates:
    """The rates of the years of ``history`` (all of them: `History.window` selects), pooled by the rule above."""
    n = len(history.states)
    moves = history.moves.sum(axis=0)
    np.fill_diagonal(moves[:, :n], 0)  # a deployment keeps the level: it is staying
    exposure = history.stock[: len(history.years)].sum(axis=0)
    p = np.zeros((n, n + 1))
    pools = _pools(history.states, exposure, min_exposure)
    for pool in pools:
        trials = exposure[pool].sum()
        if not trials:
            continue
        for offset in range(-n + 1, n):
            if offset == 0:
                continue
            events = sum(moves[i, i + offset] for i in pool if 0 <= i + offset < n)
            for i in pool:
                if 0 <= i + offset < n:
                    p[i, i + offset] = events / trials
        out = moves[pool, n].sum() / trials
        p[pool, n] = out
    years = len(history.years)
    hires = history.hires.sum(axis=0) / years if years else np.zeros(n)
    return Rates(
        history.states, p, moves, exposure, hires.astype(float), years, tuple(tuple(history.states[i] for i in pool) for pool in pools)
    )
