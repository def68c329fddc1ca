"""Monte Carlo projection of the stocks by level: seeded, vectorised over simulations and levels with NumPy.

Each simulation draws its own rates first (a Dirichlet over each level's moves, on the moves and exposure the
rates come from, and a Gamma for each level's hires: the uncertainty of the estimates), then, year by year, each
level's people move by a multinomial draw and hires arrive by a Poisson draw. The intervals therefore hold both
the chance of who moves and the uncertainty of the rates; they do not hold structural change (a reorganisation, a
new policy, a new occupational group), which no past rate foresees. `Scenario` changes rates and hires by year.

Examples
--------
>>> import numpy as np
>>> from graph.project.rates import Rates
>>> rates = Rates(("a", "b"), np.array([[0, .1, .05], [0, 0, .1]]), np.array([[0, 100, 50], [0, 0, 50]]), np.array([1000, 500]),
...               np.array([10.0, 0.0]), 10, (("a",), ("b",)))
>>> run = simulate(rates, np.array([100, 50]), years=3, sims=200, seed=1)
>>> run.stock.shape, bool((run.stock[:, 0] == [100, 50]).all())
((200, 4, 2), True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from graph.project.rates import Rates

__all__ = ["Change", "Run", "Scenario", "simulate"]

_PRIOR = 0.5
"""Jeffreys' prior on each move's share (a Dirichlet's concentration added to the moves seen)."""


@dataclass(frozen=True)
class Change:
    """One change of a scenario, for projected years ``first`` .. ``last`` (1 is the first projected year).

    ``what``: ``rate`` (multiply ``move``'s probability out of ``levels`` by ``factor``; ``move`` is ``promotion`` for
    every move up, ``demotion`` for every move down, or ``departure``), ``hires`` (multiply the hires into ``levels``
    by ``factor``; 0 is a freeze), or ``wave`` (``extra`` more of each level's people leave, a share).
    """

    what: str
    levels: tuple[int, ...]
    first: int
    last: int
    move: str = ""
    factor: float = 1.0
    extra: float = 0.0


@dataclass(frozen=True)
class Scenario:
    """A named set of changes to the baseline."""

    name: str
    changes: tuple[Change, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Run:
    """A projection's draws, by simulation.

    ``stock[sim, year, level]`` (year 0 the start); per simulation and projected year, the promotions (moves up),
    departures and hires.
    """

    stock: np.ndarray
    promotions: np.ndarray
    departures: np.ndarray
    hires: np.ndarray


def _year_rates(p: np.ndarray, hires: np.ndarray, scenario: Scenario | None, year: int) -> tuple[np.ndarray, np.ndarray]:
    """The probabilities (``[sims, level, destination]``) and hire means (``[sims, level]``) of projected ``year``."""
    if scenario is None:
        return p, hires
    p, hires = p.copy(), hires.copy()
    n = p.shape[1]
    up = np.triu(np.ones((n, n), dtype=bool), 1)
    for change in scenario.changes:
        if not change.first <= year <= change.last:
            continue
        rows = list(change.levels)
        if change.what == "hires":
            hires[:, rows] *= change.factor
        elif change.what == "wave":
            p[:, rows, n] += change.extra
        elif change.move == "departure":
            p[:, rows, n] *= change.factor
        else:
            mask = up if change.move == "promotion" else up.T
            for a in rows:
                p[:, a, :n] = np.where(mask[a], p[:, a, :n] * change.factor, p[:, a, :n])
    moving = p.sum(axis=2)
    too_much = moving > 1  # a change cannot make more than everyone move: scale the row down
    p[too_much] /= moving[too_much][:, None]
    return p, hires


def simulate(rates: Rates, start: np.ndarray, *, years: int, sims: int, seed: int, scenario: Scenario | None = None) -> Run:
    """``sims`` projections of ``years`` years from the stocks ``start`` (by level), seeded by ``seed``."""
    rng = np.random.default_rng(seed)
    n = len(rates.states)
    # each simulation's rates: per level a Dirichlet over its destinations, outside and staying, centred on the estimate
    # with the level's exposure as its weight (for a level of its own, the moves seen), drawn through Gamma variates
    shares = np.concatenate([rates.p, (1 - rates.p.sum(axis=1))[:, None]], axis=1)
    alpha = np.where(shares > 0, shares * rates.exposure[:, None] + _PRIOR, 0.0)
    gamma = rng.gamma(np.broadcast_to(alpha, (sims, n, n + 2)))
    total = gamma.sum(axis=2, keepdims=True)
    drawn = np.divide(gamma, total, out=np.zeros_like(gamma), where=total > 0)
    p = drawn[:, :, : n + 1]
    hire_years = max(rates.hire_years, 1)
    hire_means = rng.gamma(rates.hires * hire_years + _PRIOR, 1 / hire_years, size=(sims, n)) * (rates.hires > 0)
    stock = np.zeros((sims, years + 1, n), dtype=np.int64)
    stock[:, 0] = start
    promotions = np.zeros((sims, years), dtype=np.int64)
    departures = np.zeros((sims, years), dtype=np.int64)
    hired = np.zeros((sims, years), dtype=np.int64)
    up = np.triu(np.ones((n, n), dtype=bool), 1)
    for year in range(years):
        p_year, hires_year = _year_rates(p, hire_means, scenario, year + 1)
        full = np.concatenate([p_year, np.clip(1 - p_year.sum(axis=2, keepdims=True), 0, 1)], axis=2)
        moved = rng.multinomial(stock[:, year], full)  # [sims, from, to (levels, outside, staying)]
        arrivals = rng.poisson(hires_year)
        stock[:, year + 1] = moved[:, :, :n].sum(axis=1) + moved[:, :, n + 1] + arrivals
        promotions[:, year] = (moved[:, :, :n] * up).sum(axis=(1, 2))
        departures[:, year] = moved[:, :, n].sum(axis=1)
        hired[:, year] = arrivals.sum(axis=1)
    return Run(stock, promotions, departures, hired)
