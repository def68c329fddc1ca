"""Every figure that leaves the tool about observed careers, protected together: the only way observed tables get out.

`publish` states each published figure as a linear form over the finest counts of `graph.observe.analyses.Measurements`
(`graph.observe.disclosure.Figure`), with the relations that hold between those counts, and withholds what the
joint audit says must be withheld (`graph.observe.disclosure.protect`). Withheld figures are left out of the tables,
never shown as a blank (a blank would say "1 to 9"). What is published:

* flows between positions (and EX levels, and outside), pooled over the years, with the staffing rule that allows each;
* flows between levels by year;
* the pyramid: people by level at the start of each year and at the end of the data, rounded to the nearest ten;
* rates of each kind of move out of a level (and out of a level in a stream), per person-year at risk, with a 95%
  Wilson interval, where the moves are published and at least ``threshold`` people were at risk;
* time in level before a promotion (Kaplan-Meier), where spells, promotions and the spells without one are each
  at least ``threshold``; each point of the curve only where the promotions since the previous point, and the people
  still observed, are at least ``threshold``;
* moves between streams; moves of each kind the mobility model knows and how many the staffing rules allow; the moves
  whose title maps to no position;
* the data set's size, rounded to the nearest ten.

Examples
--------
>>> wilson(30, 400.0)
(0.053, 0.105)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.observe.analyses import ENTRIES, KIND_OF_ACTION, OUT, SUBSTANTIVE, Measurements
from graph.observe.disclosure import Figure, Relation, Term, protect, rounded
from graph.observe.levels import Classification

if TYPE_CHECKING:
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel, Move

Rank = Callable[[str], tuple[int, str]]
"""A key that sorts levels up the ladder (`graph.observe.levels.Classification.rank`)."""
Shown = Mapping[tuple[Any, ...], int | None]
"""The published value of each figure, by its key (``None``: withheld)."""

__all__ = ["Flow", "Published", "Rate", "Stock", "StreamFlow", "Structure", "Survival", "YearFlow", "publish", "read_published", "wilson"]


@dataclass(frozen=True)
class Flow:
    """People who made a move between two states (``""``: outside), pooled over the years; the rule that allows it (None: no model kind)."""

    action: str
    source: str
    target: str
    count: int
    allowed_by: str | None


@dataclass(frozen=True)
class YearFlow:
    """People who made a move between two levels (``""``: outside) in a year."""

    year: int
    action: str
    source: str
    target: str
    count: int


@dataclass(frozen=True)
class Stock:
    """People in a level at the start of a year, to the nearest ten."""

    year: int
    level: str
    people: int


@dataclass(frozen=True)
class Rate:
    """Moves of a kind out of a level (and stream; ``""``: all), per person-year at risk, with its 95% Wilson interval."""

    level: str
    stream: str
    action: str
    moves: int
    person_years: int
    rate: float
    low: float
    high: float


@dataclass(frozen=True)
class Survival:
    """Time in a level before a promotion: spells, promotions, the median years and the share still in the level after t years."""

    level: str
    spells: int
    promotions: int | None
    """``None`` when withheld (below the threshold, or recoverable from the other tables)."""
    median_years: float | None
    still_in_level: dict[float, float]


@dataclass(frozen=True)
class StreamFlow:
    """Moves from one stream to another, pooled over the years and kinds."""

    source: str
    target: str
    count: int


@dataclass(frozen=True)
class Structure:
    """Moves of a kind the model knows, between states of the model, and how many a staffing rule allows."""

    kind: str
    moves: int | None
    allowed: int | None


@dataclass
class Published:
    """The published tables of an observed data set, and the account of their protection."""

    dataset: dict[str, Any]
    threshold: int
    flows: list[Flow] = field(default_factory=list)
    yearly: list[YearFlow] = field(default_factory=list)
    pyramid: list[Stock] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    survival: list[Survival] = field(default_factory=list)
    streams: list[StreamFlow] = field(default_factory=list)
    structure: list[Structure] = field(default_factory=list)
    unmapped: int | None = None
    figures: int = 0
    withheld: int = 0
    at_risk: int = 0
    rounds: int = 0

    @property
    def synthetic(self) -> bool:
        """Whether the data set is synthetic (every output then says so)."""
        return bool(self.dataset.get("synthetic"))


def wilson(successes: int, trials: float, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``successes`` in ``trials`` (trials may be person-years), rounded to 4 places."""
    if trials <= 0:
        return (0.0, 1.0)
    p = min(successes / trials, 1.0)
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return round(max(centre - half, 0.0), 4), round(centre + half, 4)


def publish(m: Measurements, facts: Facts, model: MobilityModel, dataset: dict[str, Any], *, threshold: int) -> Published:
    """The published tables of ``m``, every figure protected against the others (``facts``, ``model``: the graph's)."""
    stream_of = {pid: p.stream for pid, p in facts.positions.items()}
    rank = Classification.of(facts).rank  # levels up the ladder: IT-01 .. IT-05, then EX-01 .. EX-05
    figures, cells, relations = _figures(m, stream_of, model, rank)
    protection = protect(figures, cells, relations, threshold=threshold)
    shown = protection.published
    out = Published(
        dataset={**dataset, "actions": rounded(m.actions), "people": rounded(m.people)},
        threshold=threshold,
        figures=len(figures),
        withheld=sum(v is None for v in shown.values()),
        at_risk=len(protection.at_risk),
        rounds=protection.rounds,
    )
    allowed = _rules(model)
    for (a, f, t), _ in sorted(m.pooled.items()):
        count = shown.get(("flows", a, f, t))
        if count is not None:
            out.flows.append(Flow(a, f, t, count, allowed((a, f, t))))
    for (y, a, f, t), _ in sorted(m.yearly.items()):
        count = shown.get(("flows-by-year", y, a, f, t))
        if count is not None:
            out.yearly.append(YearFlow(y, a, f, t, count))
    for key, value in sorted(shown.items(), key=lambda item: str(item[0])):
        if value is None:
            continue
        kind = key[0]
        if kind == "pyramid":
            out.pyramid.append(Stock(key[1], key[2], value))
        elif kind == "between-streams":
            out.streams.append(StreamFlow(key[1], key[2], value))
        elif kind == "unmapped":
            out.unmapped = value
    out.pyramid.sort(key=lambda s: (s.year, rank(s.level)))
    out.rates = _rates(m, shown, stream_of, threshold, rank)
    out.survival = _survival(m, shown, threshold, rank)
    kinds = sorted({k[1] for k in shown if k[0] == "structure"})
    out.structure = [Structure(k, shown.get(("structure", k, "moves")), shown.get(("structure", k, "allowed"))) for k in kinds]
    return out


def _figures(
    m: Measurements, stream_of: dict[str, str], model: MobilityModel, rank: Rank
) -> tuple[list[Figure], dict[Hashable, int], list[Relation]]:
    """Every published figure as a linear form over the finest counts, those counts, and the relations between them."""
    cells: dict[Hashable, int] = {}
    figures: list[Figure] = []
    for flow, n in m.yearly.items():
        cells[("Y", *flow)] = n
        figures.append(Figure(("flows-by-year", *flow), n, ((("Y", *flow), 1),)))
    for pooled, n in m.pooled.items():
        cells[("P", *pooled)] = n
        figures.append(Figure(("flows", *pooled), n, ((("P", *pooled), 1),)))
    for unmapped, n in m.remainder.items():
        cells[("U", *unmapped)] = n
    for initial, n in m.initial.items():
        cells[("I", initial)] = n
    if m.remainder:
        figures.append(Figure(("unmapped",), sum(m.remainder.values()), tuple((("U", *k), 1) for k in sorted(m.remainder))))
    level: dict[str, str] = {**m.level_of, "": ""}
    relations: list[Relation] = []
    groups: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    for flow in m.yearly:
        groups[flow[1:]].append((("Y", *flow), 1))
    for a, f, t in m.pooled:
        groups[(a, level[f], level[t])].append((("P", a, f, t), -1))
    for unmapped in m.remainder:
        groups[unmapped].append((("U", *unmapped), -1))
    relations += [Relation(tuple(terms)) for _, terms in sorted(groups.items())]
    levels = sorted({lv for (_, _, f, t) in m.yearly for lv in (f, t) if lv} | set(m.initial), key=rank)
    for year in (*m.years, m.years[-1] + 1) if m.years else ():  # the start of each year, and the end of the data (a projection's start)
        for lv in levels:
            terms: list[Term] = [(("I", lv), 1)] if lv in m.initial else []
            for y, a, f, t in m.yearly:
                if y < year and a in SUBSTANTIVE and (f == lv) != (t == lv):
                    terms.append((("Y", y, a, f, t), 1 if t == lv else -1))
            stock = m.stock(year, lv)
            if stock:
                figures.append(Figure(("pyramid", year, lv), stock, tuple(terms), rounded=True))
    for lv in levels:  # rates out of each level (all its streams), and out of each level in each stream
        for a in OUT:
            out = tuple((("Y", *k), 1) for k in m.yearly if k[1] == a and k[2] == lv)
            if out:
                figures.append(Figure(("rates", lv, "", a), sum(cells[c] for c, _ in out), out))
    by_stream: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    for a, f, t in m.pooled:
        if a in OUT and f in stream_of:
            by_stream[(level[f], stream_of[f], a)].append((("P", a, f, t), 1))
    for key, terms in sorted(by_stream.items()):
        figures.append(Figure(("rates", *key), sum(cells[c] for c, _ in terms), tuple(terms)))
    for lv, spell in m.time_in_level.items():
        entries = tuple((("Y", *k), 1) for k in m.yearly if k[1] in ENTRIES and k[3] == lv)
        promoted_out = tuple((("Y", *k), 1) for k in m.yearly if k[1] in ("promotion", "appointment") and k[2] == lv)
        cells[("K", lv)] = spell.promotions
        figures.append(Figure(("time-in-level", lv, "spells"), spell.spells, entries))
        figures.append(Figure(("time-in-level", lv, "promotions"), spell.promotions, ((("K", lv), 1),)))
        relations.append(Relation((*promoted_out, (("K", lv), -1)), 0.0, math.inf))
        relations.append(Relation((*entries, (("K", lv), -1)), 0.0, math.inf))
    between: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    for a, f, t in m.pooled:
        if a in OUT and a != "departure" and f in stream_of and t in stream_of and stream_of[f] != stream_of[t]:
            between[(stream_of[f], stream_of[t])].append((("P", a, f, t), 1))
    for key, terms in sorted(between.items()):
        figures.append(Figure(("between-streams", *key), sum(cells[c] for c, _ in terms), tuple(terms)))
    rules = _rules(model)
    by_kind: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    for pooled in m.pooled:
        rule = rules(pooled)
        if rule is not None:
            by_kind[(KIND_OF_ACTION[pooled[0]], "moves")].append((("P", *pooled), 1))
            if rule:
                by_kind[(KIND_OF_ACTION[pooled[0]], "allowed")].append((("P", *pooled), 1))
    for (kind, what), terms in sorted(by_kind.items()):
        figures.append(Figure(("structure", kind, what), sum(cells[c] for c, _ in terms), tuple(terms)))
    return figures, cells, relations


def _rules(model: MobilityModel) -> Callable[[tuple[str, str, str]], str | None]:
    """A function from a pooled flow's key to the rule that allows it (``""``: none does; None: the model has no such kind)."""
    moves: dict[str, list[Move]] = {}

    def allowed(key: tuple[str, str, str]) -> str | None:
        action, source, target = key
        kind = KIND_OF_ACTION.get(action)
        if not (kind and source and target and source in model.nodes):
            return None
        if kind == "deployment" and source == target and model.nodes[source].kind == "position":
            return model.rules["deployment"]
        kinds = {kind, "executive appointment"} if kind == "promotion" else {kind}
        if source not in moves:
            moves[source] = list(model.moves_from(source, acting=True))
        match = next((mv for mv in moves[source] if mv.target == target and mv.kind in kinds), None)
        return match.rule if match else ""

    return allowed


def _rates(m: Measurements, shown: Shown, stream_of: dict[str, str], threshold: int, rank: Rank) -> list[Rate]:
    exposure: dict[tuple[str, str], tuple[float, int]] = defaultdict(lambda: (0.0, 0))
    for state, (spent, counted) in m.exposure.items():
        lv = m.level_of.get(state) or state.removeprefix("level:")
        for key in ((lv, ""), (lv, stream_of[state])) if state in stream_of else ((lv, ""),):
            years, people = exposure[key]
            exposure[key] = (years + spent, people + counted)  # people in several states of a level count once per state: an upper bound
    rates = []
    for figure, moves in sorted(shown.items(), key=lambda item: str(item[0])):
        if figure[0] != "rates" or moves is None:
            continue
        _, lv, stream, action = figure
        years, people = exposure.get((lv, stream), (0.0, 0))
        if people < threshold or years <= 0:
            continue
        low, high = wilson(moves, years)
        rates.append(Rate(lv, stream, action, moves, round(years), round(moves / years, 4), low, high))
    return sorted(rates, key=lambda r: (rank(r.level), r.stream, OUT.index(r.action)))


def _survival(m: Measurements, shown: Shown, threshold: int, rank: Rank) -> list[Survival]:
    result = []
    for lv, spell in sorted(m.time_in_level.items(), key=lambda item: rank(item[0])):
        spells, promotions = shown.get(("time-in-level", lv, "spells")), shown.get(("time-in-level", lv, "promotions"))
        if spells is None:
            continue
        curve: dict[float, float] = {}
        enough = promotions is not None and spell.spells - spell.promotions >= threshold
        if enough:
            before = 0
            for t in sorted(spell.survival):
                promoted = spell.events_by[t] - before
                if (0 < promoted < threshold) or spell.events_by[-t] < threshold:
                    break
                curve[t] = spell.survival[t]
                before = spell.events_by[t]
        result.append(Survival(lv, spells, promotions, spell.median_years if enough else None, curve))
    return result


def read_published(path: Path, facts: Facts, model: MobilityModel) -> Published:
    """The published tables of the DuckDB file at ``path`` (from ``careers observe``), read-only."""
    import json

    import duckdb

    from graph.observe.analyses import measure

    con = duckdb.connect(str(path), read_only=True)
    try:
        dataset = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM dataset").fetchall()}
        level_of = {pid: p.level for pid, p in facts.positions.items()} | {lv: lv for lv in facts.executive_levels}
        measured = measure(con, level_of)
    finally:
        con.close()
    return publish(measured, facts, model, dataset, threshold=int(dataset.get("min_cell", 10)))
