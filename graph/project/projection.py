"""A projection of the digital workforce by level: its bands per year, what it assumed, and how well it foresaw the past.

`project` simulates (`graph.project.simulate`) the baseline and a scenario from rates estimated on the observed history
(`graph.project.rates`, `graph.project.history`), or from the PSC's service-wide rates (`psc_rates`) when there is no
history, and keeps what makes it replicable: the seed, the input's checksum, the rates and pools, every assumption.
`backtest` fits on the years up to each origin and compares the projection with the stocks that followed.

Published figures follow the disclosure control of observed careers (`Shown`): a level's projection is published only
if its stock at the end of the data is (the pyramid's last year, which the joint audit covers), and starts from that
published figure; a rate only if it rests on whole published figures (the moves of each action out of a level, all
going where the rate says); stocks and flows to the nearest ten. The projection itself draws on every count, published
or not: its bands are model outputs, rounded, and no published figure gives a withheld one away.

Examples
--------
>>> band = Band.of(np.array([90, 100, 110, 130]))
>>> band
Band(median=100, low=90, high=130)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graph.observe.disclosure import rounded
from graph.observe.published import Published
from graph.project.history import History
from graph.project.rates import Rates, estimate
from graph.project.simulate import Run, Scenario, simulate

__all__ = ["Assumption", "Backtest", "Band", "Projection", "RateRow", "backtest", "project", "psc_rates"]


@dataclass(frozen=True)
class Assumption:
    """One assumption of a projection: a name for it, its parameter's value, what it says (English, French)."""

    key: str
    value: str
    en: str
    fr: str
    value_fr: str = ""
    """The value in French, when it is words (``""``: the same in both languages)."""


PSC_FITTED = ("the PSC's service-wide rates of 2014-15", "les taux de l'ensemble de la fonction publique publiés par la CFP pour 2014-2015")
"""What a projection without observed data is fitted on, in English and French."""


def assumptions(*, fitted: str, min_exposure: float, pools: tuple[tuple[str, ...], ...]) -> tuple[Assumption, ...]:
    """What a projection fitted on the years ``fitted`` (or on the PSC's rates) with these pools assumes."""
    pooled = "; ".join(" + ".join(p) for p in pools if len(p) > 1)
    fitted_fr = PSC_FITTED[1] if fitted == PSC_FITTED[0] else fitted
    return (
        Assumption("markov", "level only",
                   "Markov: each year, a person's chance of each move depends on their level alone "
                   "(not on their time in it, stream or age).",
                   "Markov : chaque année, la chance de chaque déplacement ne dépend que du niveau "
                   "(ni de l'ancienneté, ni du volet, ni de l'âge)."),
        Assumption("rates", fitted,
                   f"Rates are the moves of the years fitted ({fitted}) over the people in each level at the start of those years; "
                   "they hold over the projection.",
                   f"Les taux sont les déplacements des années ajustées ({fitted_fr}) sur l'effectif de chaque niveau au début de ces "
                   "années ; ils valent pour toute la projection.", fitted_fr),
        Assumption("hires", "Poisson around the yearly mean",
                   "Hires into each level arrive as in the years fitted: a Poisson number a year around their mean.",
                   "Les embauches à chaque niveau arrivent comme dans les années ajustées : "
                   "un nombre de Poisson par an autour de leur moyenne."),
        Assumption("pooling", str(min_exposure),
                   f"Levels under {min_exposure:g} person-years share the rates of their pool, relative to the ladder (up one, down one, "
                   f"out). Pools: {pooled or 'none'}.",
                   f"Les niveaux de moins de {min_exposure:g} années-personnes partagent les taux de leur regroupement, relatifs à "
                   f"l'échelle (un niveau plus haut, plus bas, départ). Regroupements : {pooled or 'aucun'}."),
        Assumption("intervals", "5%-95%",
                   "Intervals hold the chance of who moves and the uncertainty of the rates (a Dirichlet and a Gamma per level), not "
                   "structural change: a reorganisation, a new policy or a new group is in no past rate.",
                   "Les intervalles tiennent compte du hasard des déplacements et de l'incertitude des taux, pas d'un changement de "
                   "structure : une réorganisation, une politique ou un groupe nouveaux ne sont dans aucun taux passé."),
        Assumption("substantive", "acting and deployments keep the level",
                   "Acting appointments leave people where they are; deployments keep their level.",
                   "Les nominations intérimaires laissent chacun à son niveau ; les mutations gardent le niveau."),
    )  # fmt: skip


@dataclass(frozen=True)
class Band:
    """The median and the 5% and 95% quantiles of a projected figure, to the nearest ten (a published figure)."""

    median: int
    low: int
    high: int

    @classmethod
    def of(cls, draws: np.ndarray) -> Band:
        """The band of ``draws`` (one figure's value in each simulation)."""
        low, median, high = np.percentile(draws, [5, 50, 95], method="inverted_cdf")
        return cls(*(rounded(int(v)) for v in (median, low, high)))


@dataclass(frozen=True)
class RateRow:
    """A published rate: from a level to another (or ``outside``), its yearly probability and 95% interval (None: withheld)."""

    source: str
    target: str
    rate: float | None
    low: float | None
    high: float | None
    pool: tuple[str, ...]


@dataclass(frozen=True)
class Backtest:
    """A rolling-origin back-test: the share of observed stocks inside the 90% interval, and the MAPE per horizon (years ahead)."""

    origins: tuple[int, ...]
    coverage: float
    mape: dict[int, float]
    points: int


@dataclass
class Projection:
    """A projection's results and everything needed to replicate it."""

    states: tuple[str, ...]
    ids: tuple[str, ...]
    years: tuple[int, ...]
    baseline: dict[str, list[Band]]
    flows: dict[str, list[Band]]
    rates: list[RateRow]
    pools: tuple[tuple[str, ...], ...]
    basis: str
    seed: int
    sims: int
    checksum: str | None
    synthetic: bool
    threshold: int
    withheld: int
    assumptions: tuple[Assumption, ...]
    scenario: str | None = None
    scenario_stock: dict[str, list[Band]] = field(default_factory=dict)
    scenario_flows: dict[str, list[Band]] = field(default_factory=dict)
    backtest: Backtest | None = None
    withheld_levels: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The projection for scripts, as JSON-ready data.

        ``states``, ``years``, ``baseline`` (per state and year: median, low, high), ``assumptions``, ``scenario`` and
        ``backtest`` when asked for, and what replicates it.
        """

        def bands(table: Mapping[str, Sequence[Band]]) -> dict[str, list[dict[str, Any]]]:
            return {s: [{"year": y, **vars(b)} for y, b in zip(self.years, rows, strict=True)] for s, rows in table.items()}

        def flows(table: Mapping[str, Sequence[Band]]) -> dict[str, list[dict[str, Any]]]:
            return {k: [{"year": y, **vars(b)} for y, b in zip(self.years[1:], rows, strict=True)] for k, rows in table.items()}

        out: dict[str, Any] = {
            "data": "synthetic" if self.synthetic else "observed" if self.basis == "observed" else "PSC service-wide rates",
            "states": list(self.states),
            "years": list(self.years),
            "baseline": bands(self.baseline),
            "flows": flows(self.flows),
            "rates": [vars(r) | {"pool": list(r.pool)} for r in self.rates],
            "pools": [list(p) for p in self.pools],
            "withheld levels": list(self.withheld_levels),
            "assumptions": [{"name": a.key, "value": a.value, "note": a.en} for a in self.assumptions],
            "replicate": {"seed": self.seed, "simulations": self.sims, "input sha256": self.checksum, "basis": self.basis,
                          "disclosure threshold": self.threshold, "rates withheld": self.withheld},
        }  # fmt: skip
        if self.scenario is not None:
            out["scenario"] = {"name": self.scenario, "stock": bands(self.scenario_stock), "flows": flows(self.scenario_flows)}
        if self.backtest is not None:
            b = self.backtest
            out["backtest"] = {"coverage": b.coverage, "mape": {str(h): v for h, v in b.mape.items()}, "origins": list(b.origins),
                               "points": b.points}  # fmt: skip
        return out


def _bands(
    run: Run, levels: tuple[str, ...], labels: tuple[str, ...], shown: Shown | None
) -> tuple[dict[str, list[Band]], dict[str, list[Band]]]:
    years = run.stock.shape[1]
    stock = {}
    for i, (level, label) in enumerate(zip(levels, labels, strict=True)):
        if shown is not None and level not in shown.stocks:
            continue  # its stock at the end of the data is withheld: so is its projection
        first = Band.of(run.stock[:, 0, i]) if shown is None else Band(*[shown.stocks[level]] * 3)  # the published figure itself
        stock[label] = [first] + [Band.of(run.stock[:, y, i]) for y in range(1, years)]
    flows = {
        "promotions": [Band.of(run.promotions[:, y]) for y in range(years - 1)],
        "departures": [Band.of(run.departures[:, y]) for y in range(years - 1)],
        "hires": [Band.of(run.hires[:, y]) for y in range(years - 1)],
    }
    return stock, flows


@dataclass(frozen=True)
class Shown:
    """What the disclosure control of an observed data set published, as a projection needs it.

    ``stocks``: the people in each level at the end of the data (the published pyramid's last year; a level missing is
    withheld); ``rates``: the ``(level, action)`` whose moves out are published (`graph.observe.published.Rate`, all
    streams); ``actions``: the moves of each action between levels (`graph.project.history.History.actions`).
    """

    stocks: dict[str, int]
    rates: frozenset[tuple[str, str]]
    actions: dict[tuple[int, int, str], int]

    @classmethod
    def of(cls, published: Published, history: History) -> Shown:
        """What ``published`` shows of ``history``'s data set."""
        end = history.years[-1] + 1
        stocks = {s.level: s.people for s in published.pyramid if s.year == end}
        rates = frozenset((r.level, r.action) for r in published.rates if r.stream == "")
        return cls(stocks, rates, history.actions)

    def rests_on_published(self, states: tuple[str, ...], moves: list[tuple[int, int]]) -> bool:
        """Whether the moves ``(from, to)`` (to ``len(states)``: outside) sum whole published figures.

        That is: each action among them has its moves out of its level published, and all of them go where these do.
        """
        for a, b in moves:
            for (source, target, action), count in self.actions.items():
                if source != a or target != b or not count:
                    continue
                out_of = sum(n for (s, _, act), n in self.actions.items() if s == a and act == action)
                if (states[a], action) not in self.rates or out_of != count:
                    return False
        return True


def _published_rates(rates: Rates, labels: tuple[str, ...], shown: Shown | None, *, intervals: bool) -> tuple[list[RateRow], int]:
    """The rates to publish: each that rests on published figures only (with ``shown``; all of them without)."""
    n, rows, withheld = len(labels), [], 0
    pools = rates.pool_indices()
    for a in range(n):
        pool = next(p for p in pools if a in p)
        for b in range(n + 1):
            if b == a or rates.p[a, b] <= 0:
                continue
            target = labels[b] if b < n else "outside"
            members = tuple(labels[i] for i in pool)
            moves = [(i, n if b == n else i + b - a) for i in pool if b == n or 0 <= i + b - a < n]
            if shown is not None and not shown.rests_on_published(rates.states, moves):
                rows.append(RateRow(labels[a], target, None, None, None, members))
                withheld += 1
                continue
            low, high = rates.interval(a, b) if intervals else (None, None)
            rows.append(RateRow(labels[a], target, round(float(rates.p[a, b]), 4), low and round(low, 4), high and round(high, 4), members))
    return rows, withheld


def project(
    rates: Rates, start: np.ndarray, labels: tuple[str, ...], first_year: int, *, years: int, sims: int, seed: int,
    basis: str, checksum: str | None, synthetic: bool, threshold: int, fitted: str, min_exposure: float,
    scenario: Scenario | None = None, shown: Shown | None = None,
) -> Projection:  # fmt: skip
    """Project ``years`` years from the stocks ``start`` at the start of ``first_year``, and ``scenario`` beside.

    The baseline's and the scenario's draws are seeded alike (the same ``seed``): a difference is the scenario's, not chance's.
    """
    base = simulate(rates, start, years=years, sims=sims, seed=seed)
    stock, flows = _bands(base, rates.states, labels, shown)
    published, withheld = _published_rates(rates, labels, shown, intervals=basis == "observed")
    pools = tuple(tuple(labels[rates.states.index(s)] for s in pool) for pool in rates.pools)
    result = Projection(
        labels, rates.states, tuple(range(first_year, first_year + years + 1)), stock, flows, published, pools, basis, seed, sims, checksum,
        synthetic, threshold, withheld, assumptions(fitted=fitted, min_exposure=min_exposure, pools=pools),
    )  # fmt: skip
    result.withheld_levels = tuple(label for label in labels if label not in stock)
    if scenario is not None:
        run = simulate(rates, start, years=years, sims=sims, seed=seed, scenario=scenario)
        result.scenario = scenario.name
        result.scenario_stock, result.scenario_flows = _bands(run, rates.states, labels, shown)
    return result


def psc_rates(states: tuple[str, ...]) -> tuple[Rates, np.ndarray]:
    """Rates from the PSC's service-wide figures for the ten levels IT-01 .. EX-05, and a stated starting stock.

    The rates are `graph.observe.synth.GradeRates` (promotions 5.6%, hires 3.6%, departures that keep the generator's
    pyramid steady); the stock is 17,000 in the IT group (2021) spread by that pyramid, EX levels in proportion. Known
    exactly (no estimate): the intervals hold chance only.
    """
    from graph.observe.synth import TOP, GradeRates, SynthParameters

    params = SynthParameters()
    grades = GradeRates.of(params)
    n = len(states)
    if n != TOP:
        raise ValueError(f"the PSC's rates are for the ten levels IT-01 .. EX-05, not {n}")
    p = np.zeros((n, n + 1))
    for g in range(1, TOP + 1):
        if g < TOP:
            p[g - 1, g] = grades.promotion
        p[g - 1, n] = grades.departure[g]
    it_share = sum(params.pyramid[g] for g in range(1, 6))
    start = np.array([round(17_000 * params.pyramid[g] / it_share) for g in range(1, TOP + 1)])
    total = start.sum()
    hires = np.array([params.hire * total * params.hires().get(g, 0) for g in range(1, TOP + 1)])
    exposure = np.full(n, 10**9)  # known, not estimated
    moves = np.rint(p * exposure[:, None]).astype(np.int64)
    return Rates(states, p, moves, exposure, hires, 10**6, tuple((s,) for s in states)), start


def backtest(history: History, *, horizon: int, sims: int, seed: int, min_exposure: float) -> Backtest:
    """A rolling-origin back-test of ``history``: fit, project ``horizon`` years, compare with what followed.

    Each origin fits on the years before it (two at least) and projects from its observed stock; the result is the
    share of later observed stocks inside the 90% interval, and the MAPE per horizon.
    """
    inside = total = 0
    errors: dict[int, list[float]] = {}
    origins = []
    for t in range(2, len(history.years)):
        ahead = min(horizon, len(history.years) - t)
        rates = estimate(history.window(0, t - 1), min_exposure=min_exposure)
        run = simulate(rates, history.stock[t], years=ahead, sims=sims, seed=seed)
        origins.append(history.years[t])
        for j in range(1, ahead + 1):
            observed = history.stock[t + j]
            low, median, high = np.percentile(run.stock[:, j], [5, 50, 95], axis=0, method="inverted_cdf")
            inside += int(((observed >= low) & (observed <= high)).sum())
            total += len(observed)
            errors.setdefault(j, []).extend(float(abs(m - o) / o) for m, o in zip(median, observed, strict=True) if o > 0)
    mape = {j: round(100 * float(np.mean(e)), 2) for j, e in sorted(errors.items()) if e}
    return Backtest(tuple(origins), round(inside / total, 3) if total else 0.0, mape, total)
