"""A seeded generator of a synthetic population of the digital community and its personnel actions over years.

**Synthetic**: no real person is described; every file it writes and every output computed from it says so. The
rates come from the Public Service Commission's 2014-15 annual report (service-wide indeterminate mobility, not by
group): promotions 5.6%, acting appointments 7.7%, lateral and downward movements 8.0%, appointments to the public
service 3.6%; 26.8% of acting appointments led to a promotion within 12 months. The rest is the generator's own
choice, each a named parameter of `SynthParameters`: the pyramid by level, departures equal to hires (a steady
population), deployments that stay in their stream half the time and otherwise go to alike streams (by official
skills), promotions that stay in their stream when it has the next level, CS codes before the IT group replaced CS.

Examples
--------
>>> rows = list(actions(SynthParameters(people=50, years=2, seed=1), positions=_TOY, similarity={}))
>>> rows[0]["action"], rows[0]["date"]
('snapshot', '2015-01-01')
>>> from graph.observe.schema import ACTIONS
>>> {r["action"] for r in rows} <= set(ACTIONS) and all("Synthetic department" in r["department"] for r in rows)
True
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from graph.observe.schema import COLUMNS, metadata

__all__ = ["SynthParameters", "actions", "write_synthetic"]

RATES_SOURCE = "http://www.canada.ca/en/public-service-commission/services/publications/2014-2015-annual-report/2014-2015-annual-report-appendix-3.html"
"""Where the yearly rates come from (PSC 2014-15 Annual Report, Appendix 3)."""


@dataclass(frozen=True)
class SynthParameters:
    """What the generator draws from; the rates are the PSC's, the rest the generator's own (see the module docstring)."""

    people: int = 20_000
    years: int = 10
    seed: int = 1
    start_year: int = 2015
    promotion: float = 0.056
    acting: float = 0.077
    acting_to_promotion: float = 0.268
    deployment: float = 0.080
    hire: float = 0.036
    departure: float = 0.036
    same_stream_deployment: float = 0.5
    mid_career_share: float = 0.2
    it_group_from_year: int = 2022
    pyramid: dict[int, float] = field(default_factory=lambda: {1: 0.05, 2: 0.30, 3: 0.33, 4: 0.22, 5: 0.07, 6: 0.03})
    """Share of the population at each rank (6: the executive levels, EX-01 mostly)."""
    departments: int = 12


# A toy structure for the doctest: two streams of three levels.
_TOY = {
    f"p-{s}-{r}": {"stream": s, "rank": r, "group": "group-it", "label": f"IT-0{r} {s}", "title": f"IT-0{r} {s}"}
    for s in "ab"
    for r in (1, 2, 3)
}


def _classification(rank: int, year: int, params: SynthParameters, executive: bool = False) -> str:
    if executive:
        return f"EX-0{rank}"
    return f"{'IT' if year >= params.it_group_from_year else 'CS'}-0{rank}"


def actions(params: SynthParameters, *, positions: dict[str, dict], similarity: dict[tuple[str, str], float]) -> Iterator[dict[str, str]]:
    """Yield the synthetic rows, in date order within each year: a snapshot of everyone, then each year's actions.

    ``positions`` maps a position id to its ``stream``, ``rank``, ``group`` and ``title``; ``similarity`` the pairs of
    streams to how alike they are (`graph.mobility.similarity.stream_similarity`).
    """
    rng = random.Random(params.seed)
    by_rank: dict[int, list[str]] = {}
    for pid, p in sorted(positions.items()):
        by_rank.setdefault(p["rank"], []).append(pid)
    top = max(by_rank)
    departments = [f"Synthetic department {chr(65 + i)}" for i in range(params.departments)]
    alike: dict[str, list[tuple[str, float]]] = {}
    for (a, b), v in similarity.items():
        alike.setdefault(a, []).append((b, v + 0.01))
        alike.setdefault(b, []).append((a, v + 0.01))

    def key(n: int) -> str:
        return "S" + hashlib.sha256(f"{params.seed}:{n}".encode()).hexdigest()[:10]

    def place(rank: int) -> str:
        return rng.choice(by_rank[min(rank, top)])

    def row(person, when, action, before=None, after=None, dept=""):
        def describe(state, prefix):
            if state is None:
                return {f"{prefix}_classification": "", f"{prefix}_position": ""}
            where, rank = state
            if where == "EX":
                return {f"{prefix}_classification": _classification(rank, when.year, params, True), f"{prefix}_position": "Executive"}
            return {f"{prefix}_classification": _classification(rank, when.year, params), f"{prefix}_position": positions[where]["title"]}

        return {
            "person": person,
            "date": when.isoformat(),
            "action": action,
            **describe(before, "from"),
            **describe(after, "to"),
            "department": dept,
        }

    people: dict[str, list] = {}  # person -> [state (position or "EX", rank), department]
    start = date(params.start_year, 1, 1)
    ranks = list(params.pyramid)
    weights = [params.pyramid[r] for r in ranks]
    for n in range(params.people):
        rank = rng.choices(ranks, weights)[0]
        state = ("EX", 1 if rng.random() < 0.7 else rng.randint(2, 3)) if rank == 6 else (place(rank), min(rank, top))
        people[key(n)] = [state, rng.choice(departments)]
        yield row(key(n), start, "snapshot", after=state, dept=people[key(n)][1])
    next_key = params.people
    for year in range(params.start_year, params.start_year + params.years):
        rows: list[dict] = []

        def day(year: int = year) -> date:
            return date(year, 1, 1) + timedelta(days=rng.randrange(365))

        for person in sorted(people):
            state, dept = people[person]
            where, rank = state
            draw = rng.random()
            when = day()
            if draw < params.departure:
                rows.append(row(person, when, "departure", before=state, dept=dept))
                del people[person]
                continue
            draw -= params.departure
            if draw < params.promotion:
                if where == "EX":
                    if rank < 5:
                        people[person][0] = ("EX", rank + 1)
                        rows.append(row(person, when, "promotion", state, people[person][0], dept))
                elif rank >= top:
                    people[person][0] = ("EX", 1)
                    rows.append(row(person, when, "appointment", state, ("EX", 1), dept))
                else:
                    target = _promotion_target(rng, positions, by_rank, alike, where, rank)
                    people[person][0] = (target, rank + 1)
                    rows.append(row(person, when, "promotion", state, people[person][0], dept))
                continue
            draw -= params.promotion
            if draw < params.acting and where != "EX" and rank < top:
                target = _promotion_target(rng, positions, by_rank, alike, where, rank)
                started = date(year, 1, 1) + timedelta(days=rng.randrange(200))
                ended = started + timedelta(days=rng.randrange(60, 240))
                rows.append(row(person, started, "acting-start", state, (target, rank + 1), dept))
                rows.append(row(person, ended, "acting-end", (target, rank + 1), state, dept))
                if rng.random() < params.acting_to_promotion:
                    promoted = ended + timedelta(days=rng.randrange(1, 300))
                    if promoted.year == year:
                        people[person][0] = (target, rank + 1)
                        rows.append(row(person, promoted, "promotion", state, (target, rank + 1), dept))
                continue
            draw -= params.acting
            if draw < params.deployment and where != "EX":
                target, new_dept = _deployment_target(rng, positions, by_rank, alike, where, rank, dept, departments, params)
                people[person] = [(target, rank), new_dept]
                rows.append(row(person, when, "deployment", state, (target, rank), new_dept))
        hires = round(params.hire * len(people)) if people else 0
        for _ in range(hires):
            person = key(next_key)
            next_key += 1
            mid_career = rng.random() < params.mid_career_share
            rank = rng.choice([2, 3, 4]) if mid_career else 1 + (rng.random() < 0.7)
            state = (place(rank), min(rank, top))
            dept = rng.choice(departments)
            people[person] = [state, dept]
            rows.append(row(person, day(), "hire", after=state, dept=dept))
        yield from sorted(rows, key=lambda r: (r["date"], r["person"], r["action"]))


def _promotion_target(rng, positions, by_rank, alike, where, rank) -> str:
    here = positions[where]
    same = [p for p in by_rank.get(rank + 1, []) if positions[p]["stream"] == here["stream"]]
    if same and rng.random() < 0.7:
        return rng.choice(same)
    return _alike_position(rng, positions, by_rank[rank + 1], alike, here["stream"])


def _deployment_target(rng, positions, by_rank, alike, where, rank, dept, departments, params) -> tuple[str, str]:
    if rng.random() < params.same_stream_deployment:  # the same position, in another department
        return where, rng.choice([d for d in departments if d != dept] or [dept])
    candidates = [p for p in by_rank[rank] if p != where]
    return (_alike_position(rng, positions, candidates, alike, positions[where]["stream"]) if candidates else where), dept


def _alike_position(rng, positions, candidates, alike, stream) -> str:
    weight = dict(alike.get(stream, []))
    weights = [weight.get(positions[p]["stream"], 0.01) if positions[p]["stream"] != stream else 0.3 for p in candidates]
    return rng.choices(candidates, weights)[0]


def write_synthetic(path: Path, params: SynthParameters, *, positions: dict[str, dict], similarity: dict) -> int:
    """Write the synthetic rows to ``path`` (CSV) and its CSVW metadata beside it; return how many rows."""
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c.name for c in COLUMNS], lineterminator="\n")
        writer.writeheader()
        for r in actions(params, positions=positions, similarity=similarity):
            writer.writerow(r)
            count += 1
    meta = metadata(
        path.name, title=f"Synthetic personnel actions ({params.people} people, {params.years} years, seed {params.seed})", synthetic=True
    )
    meta["gcdc:generator"] = {"parameters": asdict(params), "rates source": RATES_SOURCE}
    path.with_name(path.name + "-metadata.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return count
