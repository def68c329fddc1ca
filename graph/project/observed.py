"""The projection of an observed data set, as `careers project` and `careers build --observed` make it.

Examples
--------
>>> from graph.mobility.facts import Facts, Level
>>> facts = Facts()
>>> facts.levels = {"level-ex-01": Level("EX-01", 1, "group-ex"),
...                 "level-it-02": Level("IT-02", 2, "group-it"),
...                 "level-it-01": Level("IT-01", 1, "group-it")}
>>> facts.group_communities = {"group-it": "community-it", "group-ex": "community-executives"}
>>> facts.executive_groups = frozenset({"group-ex"})
>>> ladder(facts)
(('level-it-01', 'level-it-02', 'level-ex-01'), ('IT-01', 'IT-02', 'EX-01'))
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.errors import CareersError
from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.observe.published import Published, read_published
from graph.project.history import History, read_history
from graph.project.projection import Projection, Shown, backtest, project
from graph.project.rates import MIN_EXPOSURE, estimate
from graph.project.simulate import Scenario

__all__ = ["BACKTEST_SIMS", "ladder", "project_observed", "read_observed"]
BACKTEST_SIMS = 2_000
"""Simulations per origin of a back-test (its intervals need fewer than the projection's)."""


def ladder(facts: Facts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The levels projected (ids) and their labels, in ladder order: the groups of a career community (IT), then the executives."""
    groups = [*sorted(set(facts.group_communities) - facts.executive_groups), *sorted(facts.executive_groups)]
    ids = tuple(lid for g in groups for lid, d in sorted(facts.levels.items(), key=lambda kv: kv[1].rank) if d.group == g)
    return ids, tuple(facts.levels[lid].label for lid in ids)


def read_observed(path: Path, states: tuple[str, ...]) -> tuple[History, dict[str, Any]]:
    """The history of ``states`` in the DuckDB file ``path`` of `careers observe`, and its data set's description."""
    import duckdb

    if not path.exists():
        raise CareersError(f"{path}: no such file (run careers observe first)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise CareersError(f"{path}: not a database of careers observe ({exc})") from None
    try:
        dataset = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM dataset").fetchall()}
        return read_history(con, list(states)), dataset
    except duckdb.Error as exc:
        raise CareersError(f"{path}: not a database of careers observe ({exc})") from None
    finally:
        con.close()


def project_observed(
    path: Path, facts: Facts, model: MobilityModel, *, years: int = 10, sims: int = 10_000, seed: int = 1,
    min_exposure: float = MIN_EXPOSURE, scenario: Scenario | None = None, with_backtest: bool = True, horizon: int = 3,
    published: Published | None = None,
) -> Projection:  # fmt: skip
    """Fit the rates of the observed data set ``path``, project from its last stock, and back-test when asked.

    What is published follows the data set's disclosure control (``published``: its published tables, read when not
    given; see `graph.project.projection.Shown`).
    """
    states, labels = ladder(facts)
    history, dataset = read_observed(path, states)
    published = published if published is not None else read_published(path, facts, model)
    rates = estimate(history, min_exposure=min_exposure)
    result = project(
        rates, history.stock[-1], labels, history.years[-1] + 1, years=years, sims=sims, seed=seed, basis="observed",
        checksum=dataset.get("checksum"), synthetic=bool(dataset.get("synthetic")), threshold=int(dataset.get("min_cell", 10)),
        fitted=f"{history.years[0]}-{history.years[-1]}", min_exposure=min_exposure, scenario=scenario,
        shown=Shown.of(published, history),
    )  # fmt: skip
    if with_backtest:
        result.backtest = backtest(history, horizon=horizon, sims=min(sims, BACKTEST_SIMS), seed=seed, min_exposure=min_exposure)
    return result
