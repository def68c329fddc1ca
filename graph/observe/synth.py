"""A seeded generator of a SYNTHETIC population of the digital community and its personnel actions over years.

**Synthetic**: no real person is described; every file it writes and every output computed from it says so. The
rates come from the Public Service Commission's 2014-15 annual report (service-wide indeterminate mobility, not by
group): promotions 5.6%, acting appointments 7.7%, lateral and downward movements 8.0%, appointments to the public
service 3.6%; 26.8% of acting appointments led to a promotion within 12 months. The rest is the generator's own
choice, each a named parameter of `SynthParameters` and written into the file's metadata: the pyramid by grade
(IT-01 .. IT-05, EX-01 .. EX-05), who is hired where, deployments that stay in their stream half the time and
otherwise go to alike streams (by official skills), promotions that stay in their stream when it has the next
level, CS codes before the IT group replaced CS.

How the rates hold (`GradeRates`): a grade below EX-05 is promoted (or appointed, IT-05 to EX-01) at the rate that
makes 5.6% of everyone, and acts in the next grade at the rate that makes 7.7%; since 26.8% of acting appointments
end in a promotion within 12 months, the promotions drawn directly are the rest. Everyone is deployed at 8.0%. Each
grade's departures are what keeps its share of the population steady (its hires and promotions in, less its
promotions out), so that the population and its pyramid do not drift. A person makes at most one move a year, and
an acting appointment starts and ends within its year (a promotion after it may fall in the next year, the person's
move of that year), so every history is one `graph.observe.ingest` accepts. `calibration` compares a generated
population with the targets.

Examples
--------
>>> rows = list(actions(SynthParameters(people=50, years=2, seed=1), positions=_TOY, similarity={}))
>>> rows[0]["action"], rows[0]["date"]
('snapshot', '2015-01-01')
>>> from graph.observe.schema import ACTIONS
>>> {r["action"] for r in rows} <= set(ACTIONS) and all("Synthetic department" in r["department"] for r in rows)
True
>>> round(GradeRates.of(SynthParameters()).direct_promotion, 4)
0.0354
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.observe.schema import COLUMNS, metadata

if TYPE_CHECKING:
    from graph.mobility.facts import Facts

Positions = dict[str, dict[str, Any]]
"""What the generator knows of each position: ``stream``, ``rank``, ``group`` and the ``title`` it writes."""
ByRank = dict[int, list[str]]
Alike = dict[str, list[tuple[str, float]]]
State = tuple[str, int]
"""Where a person is: a position (or ``"EX"``) and a grade."""

__all__ = ["GradeRates", "SynthParameters", "actions", "calibration", "generator_positions", "write_synthetic"]

RATES_SOURCE = "http://www.canada.ca/en/public-service-commission/services/publications/2014-2015-annual-report/2014-2015-annual-report-appendix-3.html"
"""Where the yearly rates come from (PSC 2014-15 Annual Report, Appendix 3)."""
TOP = 10
"""The highest grade: EX-05 (grades 1 .. 5 are IT-01 .. IT-05, 6 .. 10 are EX-01 .. EX-05)."""


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
    same_stream_deployment: float = 0.5
    mid_career_share: float = 0.2
    it_group_from_year: int = 2022
    pyramid: dict[int, float] = field(
        default_factory=lambda: {1: 0.05, 2: 0.30, 3: 0.33, 4: 0.22, 5: 0.07, 6: 0.018, 7: 0.0075, 8: 0.003, 9: 0.0012, 10: 0.0003}
    )
    """Share of the population at each grade (1 .. 5: IT-01 .. IT-05; 6 .. 10: EX-01 .. EX-05)."""
    departments: int = 12

    def hires(self) -> dict[int, float]:
        """Share of the hires at each grade: new graduates at IT-01 (30%) or IT-02 (70%); mid-career at IT-02, IT-03 or IT-04."""
        new, mid = 1 - self.mid_career_share, self.mid_career_share
        return {1: new * 0.3, 2: new * 0.7 + mid / 3, 3: mid / 3, 4: mid / 3}


@dataclass(frozen=True)
class GradeRates:
    """The yearly probabilities the generator draws, per person, derived from `SynthParameters` (see the module docstring)."""

    promotion: float
    direct_promotion: float
    acting: float
    departure: dict[int, float]

    @classmethod
    def of(cls, params: SynthParameters) -> GradeRates:
        """The rates that make the PSC's service-wide figures and keep the pyramid steady; raises ValueError if none can."""
        share = params.pyramid
        eligible = 1 - share[TOP]
        promotion, acting = params.promotion / eligible, params.acting / eligible
        direct = promotion - acting * params.acting_to_promotion
        hired = params.hires()
        departure = {}
        for g in sorted(share):
            inflow = params.hire * hired.get(g, 0) + (promotion * share[g - 1] if g > 1 else 0)
            outflow = promotion * share[g] if g < TOP else 0
            departure[g] = (inflow - outflow) / share[g]
            if departure[g] < 0 or direct < 0:
                raise ValueError(f"grade {g}: no departure rate keeps its share of the pyramid with these rates")
        return cls(promotion, direct, acting, departure)


# A toy structure for the doctest: two streams of the five IT levels.
_TOY = {
    f"p-{s}-{r}": {"stream": s, "rank": r, "group": "group-it", "label": f"IT-0{r} {s}", "title": f"IT-0{r} {s}"}
    for s in "ab"
    for r in range(1, 6)
}


def _classification(grade: int, year: int, params: SynthParameters) -> str:
    if grade > 5:
        return f"EX-0{grade - 5}"
    return f"{'IT' if year >= params.it_group_from_year else 'CS'}-0{grade}"


def actions(
    params: SynthParameters, *, positions: dict[str, dict[str, Any]], similarity: dict[tuple[str, str], float]
) -> Iterator[dict[str, str]]:
    """Yield the synthetic rows, in date order within each year: a snapshot of everyone, then each year's actions.

    ``positions`` maps a position id to its ``stream``, ``rank``, ``group`` and ``title``; ``similarity`` the pairs of
    streams to how alike they are (`graph.mobility.similarity.stream_similarity`).
    """
    rates = GradeRates.of(params)
    rng = random.Random(params.seed)
    by_rank: dict[int, list[str]] = {}
    for pid, p in sorted(positions.items()):
        by_rank.setdefault(p["rank"], []).append(pid)
    departments = [f"Synthetic department {chr(65 + i)}" for i in range(params.departments)]
    alike: dict[str, list[tuple[str, float]]] = {}
    for (a, b), v in similarity.items():
        alike.setdefault(a, []).append((b, v + 0.01))
        alike.setdefault(b, []).append((a, v + 0.01))

    def key(n: int) -> str:
        return "S" + hashlib.sha256(f"{params.seed}:{n}".encode()).hexdigest()[:10]

    def place(grade: int) -> str:
        return "EX" if grade > 5 else rng.choice(by_rank[min(grade, max(by_rank))])

    def row(
        person: str, when: date, action: str, before: State | None = None, after: State | None = None, dept: str = ""
    ) -> dict[str, str]:
        def describe(state: State | None, prefix: str) -> dict[str, str]:
            if state is None:
                return {f"{prefix}_classification": "", f"{prefix}_position": ""}
            where, grade = state
            title = "Executive" if where == "EX" else positions[where]["title"]
            return {f"{prefix}_classification": _classification(grade, when.year, params), f"{prefix}_position": title}

        described = {**describe(before, "from"), **describe(after, "to")}
        return {"person": person, "date": when.isoformat(), "action": action, **described, "department": dept}

    def higher(where: str, grade: int) -> tuple[str, int]:
        """Where a move up from ``where`` goes: a position of the next IT level, or the next EX level."""
        if grade >= 5:
            return "EX", grade + 1
        return _promotion_target(rng, positions, by_rank, alike, where, grade), grade + 1

    people: dict[str, list[Any]] = {}  # person -> [state (position or "EX", grade), department]
    start = date(params.start_year, 1, 1)
    grades = sorted(params.pyramid)
    for n in range(params.people):
        grade = rng.choices(grades, [params.pyramid[g] for g in grades])[0]
        people[key(n)] = [(place(grade), grade), rng.choice(departments)]
        yield row(key(n), start, "snapshot", after=people[key(n)][0], dept=people[key(n)][1])
    next_key = params.people
    pending: dict[str, tuple[date, tuple[str, int]]] = {}  # promotions after an acting appointment, due next year
    hired_at = params.hires()
    for year in range(params.start_year, params.start_year + params.years):
        rows: list[dict[str, Any]] = []

        def day(year: int = year, first: int = 0, last: int = 364) -> date:
            return date(year, 1, 1) + timedelta(days=rng.randint(first, last))

        population = len(people)
        due, pending = pending, {}
        for person in sorted(people):
            state, dept = people[person]
            where, grade = state
            if person in due:  # this year's move: the promotion that followed last year's acting appointment
                when, target = due[person]
                people[person][0] = target
                rows.append(row(person, when, "appointment" if grade == 5 else "promotion", state, target, dept))
                continue
            draw = rng.random()
            if draw < rates.departure[grade]:
                rows.append(row(person, day(), "departure", before=state, dept=dept))
                del people[person]
                continue
            draw -= rates.departure[grade]
            if grade < TOP and draw < rates.direct_promotion:
                target = higher(where, grade)
                people[person][0] = target
                rows.append(row(person, day(), "appointment" if grade == 5 else "promotion", state, target, dept))
                continue
            draw -= rates.direct_promotion if grade < TOP else 0
            if grade < TOP and draw < rates.acting:
                target = higher(where, grade)
                started = day(last=364 - 240)
                ended = started + timedelta(days=rng.randint(60, 240))
                rows.append(row(person, started, "acting-start", state, target, dept))
                rows.append(row(person, ended, "acting-end", target, state, dept))
                if rng.random() < params.acting_to_promotion:
                    promoted = ended + timedelta(days=rng.randint(1, 364 - (ended - started).days))
                    if promoted.year == year:
                        people[person][0] = target
                        rows.append(row(person, promoted, "appointment" if grade == 5 else "promotion", state, target, dept))
                    else:
                        pending[person] = (promoted, target)
                continue
            draw -= rates.acting if grade < TOP else 0
            if draw < params.deployment:
                moved_to, new_dept = _deployment_target(rng, positions, by_rank, alike, where, grade, dept, departments, params)
                people[person] = [(moved_to, grade), new_dept]
                rows.append(row(person, day(), "deployment", state, (moved_to, grade), new_dept))
        for _ in range(round(params.hire * population)):
            person = key(next_key)
            next_key += 1
            grade = rng.choices(list(hired_at), list(hired_at.values()))[0]
            people[person] = [(place(grade), grade), rng.choice(departments)]
            rows.append(row(person, day(), "hire", after=people[person][0], dept=people[person][1]))
        yield from sorted(rows, key=lambda r: (r["date"], r["person"], r["action"] != "acting-start"))


def _promotion_target(rng: random.Random, positions: Positions, by_rank: ByRank, alike: Alike, where: str, rank: int) -> str:
    here = positions[where]
    same = [p for p in by_rank.get(rank + 1, []) if positions[p]["stream"] == here["stream"]]
    if same and rng.random() < 0.7:
        return rng.choice(same)
    return _alike_position(rng, positions, by_rank[rank + 1], alike, here["stream"])


def _deployment_target(
    rng: random.Random,
    positions: Positions,
    by_rank: ByRank,
    alike: Alike,
    where: str,
    grade: int,
    dept: str,
    departments: list[str],
    params: SynthParameters,
) -> tuple[str, str]:
    other = rng.choice([d for d in departments if d != dept] or [dept])
    if where == "EX" or rng.random() < params.same_stream_deployment:  # the same position, in another department
        return where, other
    candidates = [p for p in by_rank[grade] if p != where]
    return (_alike_position(rng, positions, candidates, alike, positions[where]["stream"]) if candidates else where), dept


def _alike_position(rng: random.Random, positions: Positions, candidates: list[str], alike: Alike, stream: str) -> str:
    weight = dict(alike.get(stream, []))
    weights = [weight.get(positions[p]["stream"], 0.01) if positions[p]["stream"] != stream else 0.3 for p in candidates]
    return rng.choices(candidates, weights)[0]


def calibration(rows: Iterable[dict[str, str]], params: SynthParameters) -> list[dict[str, Any]]:
    """The generated population against its targets: ``[{measure, target, generated, difference}]``, in percent.

    The yearly rates (moves over the people at the start of the year), the share of acting appointments promoted
    within 12 months, and the pyramid's EX share at the start and at the end.
    """
    grade_of: dict[str, int] = {}  # who is here, at which grade
    counted: Counter[Any] = Counter()
    population: dict[int, int] = {}  # people at the start of each year
    ex_share: dict[int, float] = {}
    acting_since: dict[str, date] = {}
    promoted_within = acting_starts = 0
    for r in rows:
        y, person, action = int(r["date"][:4]), r["person"], r["action"]
        if action != "snapshot" and y not in population:
            population[y] = len(grade_of)
            ex_share[y] = sum(g > 5 for g in grade_of.values()) / max(len(grade_of), 1)
        if action in ("promotion", "appointment"):
            counted[(y, "promotion")] += 1
            started = acting_since.pop(person, None)
            promoted_within += started is not None and (date.fromisoformat(r["date"]) - started).days <= 365
        elif action == "acting-start":
            counted[(y, "acting")] += 1
            acting_starts += 1
            acting_since[person] = date.fromisoformat(r["date"])
        elif action in ("deployment", "hire", "departure"):
            counted[(y, action)] += 1
        if action == "departure":
            grade_of.pop(person, None)
        elif action not in ("acting-start", "acting-end"):
            cls = r["to_classification"]
            grade_of[person] = int(cls[-1]) + (5 if cls.startswith("EX") else 0)
    years = sorted(population)
    last_ex = sum(g > 5 for g in grade_of.values()) / max(len(grade_of), 1)

    def rate(kind: str) -> float:
        return 100 * sum(counted[(y, kind)] for y in years) / sum(population[y] for y in years)

    within = 100 * promoted_within / max(acting_starts, 1)
    ex_target = 100 * sum(v for g, v in params.pyramid.items() if g > 5)
    measures = [
        ("promotions, % a year", 100 * params.promotion, rate("promotion")),
        ("acting appointments, % a year", 100 * params.acting, rate("acting")),
        ("deployments, % a year", 100 * params.deployment, rate("deployment")),
        ("hires, % a year", 100 * params.hire, rate("hire")),
        ("departures, % a year", 100 * params.hire, rate("departure")),
        ("acting appointments promoted within 12 months, %", 100 * params.acting_to_promotion, within),
        ("EX share of the population at the start, %", ex_target, 100 * ex_share[years[0]]),
        ("EX share of the population at the end, %", ex_target, 100 * last_ex),
    ]
    return [{"measure": m, "target": round(t, 2), "generated": round(g, 2), "difference": round(g - t, 2)} for m, t, g in measures]


def generator_positions(facts: Facts) -> Positions:
    """What the generator needs of the graph's positions: stream, rank, group, and the title it writes.

    A position the source places at its level is written by its label, one the project places by assumption by its
    stream's name (as an HR export would name the work, not our label).
    """
    return {
        pid: {
            "stream": p.stream,
            "rank": p.rank,
            "group": p.group,
            "title": p.label if p.level_stated else facts.streams[p.stream].label,
        }
        for pid, p in facts.positions.items()
    }


def write_synthetic(
    path: Path, params: SynthParameters, *, positions: dict[str, dict[str, Any]], similarity: dict[tuple[str, str], float]
) -> int:
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
