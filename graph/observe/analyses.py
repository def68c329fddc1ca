"""What the observed actions measure, before any disclosure control: the finest counts, exposure and survival.

Everything here reads the DuckDB database that `graph.observe.ingest.ingest` wrote and returns raw numbers;
`graph.observe.published.publish` turns them into the published tables, protected together, and is the only way
they leave the tool.

* **Flows by year and level** (`Measurements.yearly`): each move (`MOVES`) in each year, between levels (``""``:
  outside), whatever its titles.
* **Flows between states, pooled over the years** (`Measurements.pooled`): each move between positions or EX levels of
  the graph (or outside); `Measurements.remainder` counts, for each kind of move between two levels, the moves whose
  title maps to no position.
* **Stocks**: the people present at the start of the data, by level (`Measurements.initial`: each person's first record
  when it is no hire: a snapshot, or a move from where they were); a stock at the start of a later year is that plus
  every move in and less every move out of the level before it (`Measurements.stock`). Acting appointments leave it
  as it is.
* **Exposure**: person-years in each state between the start of the data and its last date (partial years count by
  their days), with how many people; rates are moves per person-year (`graph.observe.published`).
* **Time in level**: Kaplan-Meier estimates (lifelines) of the time from entering a level to a promotion out of it.

Examples
--------
>>> KIND_OF_ACTION["acting-start"], KIND_OF_ACTION["appointment"]
('acting appointment', 'executive appointment')
>>> SUBSTANTIVE
('hire', 'promotion', 'deployment', 'appointment', 'demotion', 'departure')
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.observe.read import one_row

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["KIND_OF_ACTION", "MOVES", "OUT", "SUBSTANTIVE", "Measurements", "Spell", "measure"]

MOVES = ("hire", "promotion", "deployment", "acting-start", "appointment", "demotion", "departure")
"""The actions counted as flows (a snapshot is a census, an acting end a return)."""
SUBSTANTIVE = ("hire", "promotion", "deployment", "appointment", "demotion", "departure")
"""The moves that change where a person substantively is (an acting appointment does not)."""
OUT = ("promotion", "deployment", "acting-start", "appointment", "demotion", "departure")
"""The moves out of a state, whose rates are published."""
ENTRIES = ("hire", "promotion", "appointment", "demotion")
"""The moves that start a spell in a level (a deployment keeps the level)."""
KIND_OF_ACTION = {
    "promotion": "promotion",
    "deployment": "deployment",
    "acting-start": "acting appointment",
    "appointment": "executive appointment",
    "hire": "entry",
}
"""The mobility model's kind of move for each action (a demotion and a departure have none: the model has no move down or out)."""


@dataclass(frozen=True)
class Spell:
    """Kaplan-Meier figures of a level: spells observed from their start, how many ended in a promotion, the curve."""

    spells: int
    promotions: int
    median_years: float | None
    survival: dict[float, float]
    """Share still in the level after each number of years (1, 2, 3, 5)."""
    events_by: dict[float, int]
    """Promotions up to each number of years, and (``-t``) people still observed at ``t``: for the publication rules."""


@dataclass
class Measurements:
    """The raw numbers of an observed data set (no disclosure control yet)."""

    years: list[int]
    yearly: dict[tuple[int, str, str, str], int]
    pooled: dict[tuple[str, str, str], int]
    remainder: dict[tuple[str, str, str], int]
    initial: dict[str, int]
    exposure: dict[str, tuple[float, int]]
    """Person-years and people, by state (a position, an EX level, or ``level:<level>`` for people whose title maps to none)."""
    time_in_level: dict[str, Spell]
    actions: int
    people: int
    level_of: dict[str, str] = field(default_factory=dict)
    """The level of each state."""

    def stock(self, year: int, level: str) -> int:
        """People in ``level`` at the start of ``year``: the initial stock and every substantive move before the year."""
        count = self.initial.get(level, 0)
        for (y, action, source, target), n in self.yearly.items():
            if y < year and action in SUBSTANTIVE:
                count += n * ((target == level) - (source == level))
        return count


def measure(con: DuckDBPyConnection, level_of: dict[str, str]) -> Measurements:
    """Read the raw numbers of the database ``con`` (``level_of``: the level of each state of the graph)."""
    start, end = _window(con)
    moves = ", ".join(repr(a) for a in MOVES)
    yearly = {
        (y, a, f, t): n
        for y, a, f, t, n in con.execute(
            f"SELECT year, action, coalesce(from_level, ''), coalesce(to_level, ''), count(*) FROM actions "
            f"WHERE action IN ({moves}) GROUP BY ALL"
        ).fetchall()
    }
    pooled = {
        (a, f, t): n
        for a, f, t, n in con.execute(
            f"SELECT action, coalesce(from_state, ''), coalesce(to_state, ''), count(*) FROM actions WHERE action IN ({moves}) "
            "AND (from_state IS NOT NULL OR action = 'hire') AND (to_state IS NOT NULL OR action = 'departure') GROUP BY ALL"
        ).fetchall()
    }
    level = {**level_of, "": ""}
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    for (_, a, f, t), n in yearly.items():
        totals[(a, f, t)] += n
    for (a, f, t), n in pooled.items():
        totals[(a, level[f], level[t])] -= n
    remainder = {key: n for key, n in totals.items() if n}
    initial = dict(
        con.execute(
            "SELECT CASE WHEN action = 'snapshot' THEN to_level ELSE from_level END AS level, count(*) FROM actions "
            "WHERE ord = 1 AND action <> 'hire' GROUP BY ALL"
        ).fetchall()
    )
    actions, people = one_row(con, "SELECT count(*) FILTER (WHERE NOT implicit), count(DISTINCT person) FROM actions")
    years = [y for (y,) in con.execute("SELECT DISTINCT year FROM actions ORDER BY year").fetchall()]
    return Measurements(
        years=years,
        yearly=yearly,
        pooled=pooled,
        remainder=remainder,
        initial=initial,
        exposure=_exposure(con, start, end),
        time_in_level=_time_in_level(con),
        actions=actions,
        people=people,
        level_of=dict(level_of),
    )


def _window(con: DuckDBPyConnection) -> tuple[dt.date, dt.date]:
    """The data's window: from the start of its first year to its last date."""
    start, end = one_row(con, "SELECT min(year_start), max(date) FROM actions")
    return start, end


def _exposure(con: DuckDBPyConnection, start: dt.date, end: dt.date) -> dict[str, tuple[float, int]]:
    rows = con.execute(
        """
        WITH sub AS (
            SELECT person, ord, action, coalesce(to_state, 'level:' || to_level) AS state,
                   CASE WHEN ord = 1 AND action = 'snapshot' THEN ?::DATE ELSE greatest(date, ?::DATE) END AS since
            FROM actions WHERE action IN ('snapshot', 'hire', 'promotion', 'deployment', 'appointment', 'demotion', 'departure')),
        spans AS (SELECT person, state, action, since, lead(since) OVER (PARTITION BY person ORDER BY ord) AS until FROM sub)
        SELECT state, sum(date_diff('day', since, coalesce(until, ?::DATE))) / 365.25, count(DISTINCT person)
        FROM spans WHERE action <> 'departure' GROUP BY ALL
        """,
        [start, start, end],
    ).fetchall()
    return {state: (float(years), int(people)) for state, years, people in rows}


def _time_in_level(con: DuckDBPyConnection) -> dict[str, Spell]:
    """Kaplan-Meier estimates of the time spent in a level before a promotion, by level (lifelines).

    A spell starts when a person is seen entering a level (a hire, promotion, appointment or demotion into it; a
    spell whose start the data does not show is left out: its length is unknown) and ends with a promotion or an
    appointment to another level (the event), or is censored by a departure, a demotion or the end of the data.
    """
    from lifelines import KaplanMeierFitter

    rows = con.execute(
        """
        WITH s AS (SELECT person, ord, date, action, to_level FROM actions
                   WHERE action IN ('hire', 'promotion', 'appointment', 'demotion', 'departure')),
        ordered AS (SELECT *, lead(date) OVER w AS next_date, lead(action) OVER w AS next_action, lead(to_level) OVER w AS next_level
                    FROM s WINDOW w AS (PARTITION BY person ORDER BY ord))
        SELECT to_level, date, coalesce(next_date, (SELECT max(date) FROM actions)) AS ended,
               coalesce(next_action IN ('promotion', 'appointment') AND next_level <> to_level, false) AS promoted
        FROM ordered WHERE action IN ('hire', 'promotion', 'appointment', 'demotion') AND to_level IS NOT NULL
        """
    ).fetchall()
    by_level: dict[str, tuple[list[float], list[bool]]] = defaultdict(lambda: ([], []))
    for level, start, end, promoted in rows:
        by_level[level][0].append(max((end - start).days, 0) / 365.25)
        by_level[level][1].append(bool(promoted))
    result = {}
    for level, (durations, events) in sorted(by_level.items()):
        fitter = KaplanMeierFitter().fit(durations, events)
        median = fitter.median_survival_time_
        points = (1.0, 2.0, 3.0, 5.0)
        events_by = {t: sum(1 for d, e in zip(durations, events, strict=True) if e and d <= t) for t in points}
        events_by |= {-t: sum(1 for d in durations if d > t) for t in points}
        result[level] = Spell(
            spells=len(durations),
            promotions=sum(events),
            median_years=None if median == float("inf") else round(float(median), 2),
            survival={t: round(float(fitter.predict(t)), 2) for t in points},
            events_by=events_by,
        )
    return result
