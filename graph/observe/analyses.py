"""What the observed actions say: flows, rates, time in level, observed against the structure, streams in and out, the pyramid.

Each function reads the DuckDB database that `graph.observe.ingest.ingest` wrote and returns plain rows of *raw*
counts; `published` applies `graph.observe.privacy` to all of them at once and is the only way tables leave the tool.

States are the graph's positions and EX levels. A person's state at the start of a year is the one their last
substantive action before it gave them (a snapshot, hire, promotion, deployment, appointment or demotion; acting
appointments leave it as it is), unless that action was a departure.

Examples
--------
>>> KIND_OF_ACTION["acting-start"], KIND_OF_ACTION["appointment"]
('acting appointment', 'executive appointment')
"""

from __future__ import annotations

from collections import defaultdict

from graph.observe.privacy import DEFAULT_MIN_CELL, protect, safe

__all__ = ["KIND_OF_ACTION", "MOVES", "flows", "published", "pyramid", "rates", "stream_flows", "structural", "time_in_level"]

MOVES = ("promotion", "deployment", "acting-start", "appointment", "demotion", "hire", "departure")
"""The actions counted as flows (a snapshot is a census, an acting end a return)."""
KIND_OF_ACTION = {
    "promotion": "promotion",
    "deployment": "deployment",
    "acting-start": "acting appointment",
    "appointment": "executive appointment",
    "hire": "entry",
}
"""The mobility model's kind of move for each action (a demotion and a departure have none: the model has no move down or out)."""
_SUBSTANTIVE = "('snapshot', 'hire', 'promotion', 'deployment', 'appointment', 'demotion', 'departure')"


def flows(con) -> list[dict]:
    """``{year, action, from, to, count}`` for every flow between mapped states (a hire from nowhere, a departure to nowhere)."""
    rows = con.execute(
        f"SELECT year, action, coalesce(from_state, ''), coalesce(to_state, ''), count(*) FROM actions "
        f"WHERE action IN ({', '.join(repr(a) for a in MOVES)}) "
        "AND (from_state IS NOT NULL OR action = 'hire') AND (to_state IS NOT NULL OR action = 'departure') "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    return [{"year": y, "action": a, "from": f, "to": t, "count": n} for y, a, f, t, n in rows]


def _start_of_year_states(con) -> str:
    """SQL of (year, person, state, level): where each person is at the start of each year of the data."""
    return f"""
        WITH years AS (SELECT DISTINCT year FROM actions),
        substantive AS (SELECT person, date, action, to_state, to_level FROM actions WHERE action IN {_SUBSTANTIVE}),
        latest AS (
            SELECT y.year, s.person, arg_max(s.action, s.date) AS action, arg_max(s.to_state, s.date) AS state,
                   arg_max(s.to_level, s.date) AS level
            FROM years y JOIN substantive s
              ON s.date < make_date(y.year, 1, 1) OR (s.action = 'snapshot' AND s.date <= make_date(y.year, 1, 1))
            GROUP BY y.year, s.person)
        SELECT year, person, state, level FROM latest WHERE action <> 'departure'"""


def pyramid(con) -> list[dict]:
    """``{year, level, people}``: the headcount at the start of each year, by level."""
    rows = con.execute(f"SELECT year, level, count(*) FROM ({_start_of_year_states(con)}) GROUP BY ALL ORDER BY ALL").fetchall()
    return [{"year": y, "level": lvl, "people": n} for y, lvl, n in rows]


def rates(con, facts) -> list[dict]:
    """``{level, stream, action, moves, people}`` pooled over the years: moves of each kind out of the people at the start of a year."""
    stream_of = {pid: p["stream"] for pid, p in facts.positions.items()}
    at_start = con.execute(f"SELECT year, level, state, count(*) FROM ({_start_of_year_states(con)}) GROUP BY ALL").fetchall()
    moves = con.execute(
        "SELECT year, from_level, from_state, action, count(*) FROM actions WHERE action IN "
        "('promotion', 'deployment', 'acting-start', 'appointment', 'demotion', 'departure') AND from_level IS NOT NULL GROUP BY ALL"
    ).fetchall()
    people: dict[tuple, int] = defaultdict(int)
    years_of: dict[tuple, set] = defaultdict(set)
    for year, level, state, n in at_start:
        key = (level, stream_of.get(state, ""))
        people[key] += n
        years_of[key].add(year)
    counted: dict[tuple, int] = defaultdict(int)
    for year, level, state, action, n in moves:
        key = (level, stream_of.get(state, ""))
        if year in years_of.get(key, ()):  # only the years whose population at risk is known
            counted[(*key, action)] += n
    return [
        {"level": level, "stream": stream, "action": action, "moves": n, "people": people[(level, stream)]}
        for (level, stream, action), n in sorted(counted.items())
    ]


def time_in_level(con) -> dict[str, dict]:
    """Kaplan-Meier estimates of the time spent in a level before a promotion, by level (lifelines).

    A spell starts when a person is seen entering a level (a hire, promotion, appointment or demotion into it; a
    spell whose start the data does not show is left out: its length is unknown) and ends with a promotion or an
    appointment out of it (the event), or is censored by a departure, a demotion or the end of the data.
    ``{level: {spells, promotions, median_years, survival: {years: share still in the level}}}``.
    """
    from lifelines import KaplanMeierFitter

    spells = con.execute(
        """
        WITH s AS (SELECT person, date, action, from_level, to_level FROM actions
                   WHERE action IN ('hire', 'promotion', 'appointment', 'demotion', 'departure')),  -- a deployment keeps the level
        ordered AS (SELECT *, lead(date) OVER w AS next_date, lead(action) OVER w AS next_action,
                           lead(to_level) OVER w AS next_level FROM s WINDOW w AS (PARTITION BY person ORDER BY date, action))
        SELECT to_level, date, coalesce(next_date, (SELECT max(date) FROM actions)) AS ended,
               next_action IN ('promotion', 'appointment') AND next_level <> to_level AS promoted
        FROM ordered WHERE action IN ('hire', 'promotion', 'appointment', 'demotion') AND to_level IS NOT NULL
        """
    ).fetchall()
    by_level: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for level, start, end, promoted in spells:
        by_level[level][0].append(max((end - start).days, 0) / 365.25)
        by_level[level][1].append(bool(promoted))
    result = {}
    for level, (durations, events) in sorted(by_level.items()):
        fitter = KaplanMeierFitter().fit(durations, events)
        median = fitter.median_survival_time_
        result[level] = {
            "spells": len(durations),
            "promotions": sum(events),
            "median_years": None if median == float("inf") else round(float(median), 2),
            "survival": {y: round(float(fitter.predict(y)), 3) for y in (1, 2, 3, 5)},
        }
    return result


def structural(flow_rows: list[dict], model) -> list[dict]:
    """Each observed flow with the staffing rule that allows it (``""``: none does; ``None``: the model has no such kind).

    The model's states are kinds of position (a role at a level in a stream), so a deployment from one to the same is a
    transfer between two positions of that kind, which the deployment rule allows.
    """
    rows = []
    for f in flow_rows:
        kind = KIND_OF_ACTION.get(f["action"])
        allowed = None
        if kind and f["from"] and f["to"] and f["from"] in model.nodes:
            if kind == "deployment" and f["from"] == f["to"] and model.nodes[f["from"]]["kind"] == "position":
                allowed = "rule-deployment"
            else:
                kinds = {kind, "executive appointment"} if kind == "promotion" else {kind}
                match = next((m for m in model.moves_from(f["from"], acting=True) if m.target == f["to"] and m.kind in kinds), None)
                allowed = match.rule if match else ""
        rows.append({**f, "allowed by": allowed})
    return rows


def stream_flows(flow_rows: list[dict], facts) -> list[dict]:
    """``{stream, other, direction, count}``: the moves into each stream from others (``in``) and out of it (``out``), pooled over years."""
    stream_of = {pid: p["stream"] for pid, p in facts.positions.items()}
    counted: dict[tuple, int] = defaultdict(int)
    for f in flow_rows:
        a, b = stream_of.get(f["from"]), stream_of.get(f["to"])
        if a and b and a != b:
            counted[(b, a, "in")] += f["count"]
            counted[(a, b, "out")] += f["count"]
    return [{"stream": s, "other": o, "direction": d, "count": n} for (s, o, d), n in sorted(counted.items())]


def published(con, facts, model, *, threshold: int = DEFAULT_MIN_CELL) -> dict[str, list[dict]]:
    """Every table that leaves the tool, with small cells suppressed (``None``) and no suppressed cell recoverable."""
    raw_flows = flows(con)
    level_of = {pid: p["level"] for pid, p in facts.positions.items()} | {lvl: lvl for lvl in facts.executive_levels}
    cells = {(f["year"], f["action"], f["from"], f["to"]): f["count"] for f in raw_flows}
    shown = protect(
        cells,
        [
            lambda k: (k[0], k[1], level_of.get(k[2], k[2])),  # the moves of a kind out of a level in a year (the rates)
            lambda k: (k[0], k[1], level_of.get(k[3], k[3])),  # ... into a level in a year
            lambda k: (k[0], k[1], k[2]),  # ... out of a state in a year
        ],
        threshold=threshold,
    )
    flow_rows = [{**f, "count": shown[(f["year"], f["action"], f["from"], f["to"])]} for f in raw_flows]
    visible = [f for f in flow_rows if f["count"] is not None]
    pooled_cells: dict[tuple, int] = defaultdict(int)
    for f in raw_flows:
        pooled_cells[(f["action"], f["from"], f["to"])] += f["count"]
    pooled_shown = protect(
        pooled_cells,
        [lambda k: (k[0], level_of.get(k[1], k[1])), lambda k: (k[0], level_of.get(k[2], k[2])), lambda k: (k[0], k[1])],
        threshold=threshold,
    )
    pooled = [{"action": a, "from": f, "to": t, "count": pooled_shown[(a, f, t)]} for (a, f, t) in sorted(pooled_cells)]
    rate_rows = []
    for r in rates(con, facts):
        moves, people = safe(r["moves"], threshold), safe(r["people"], threshold)
        rate_rows.append({**r, "moves": moves, "people": people, "rate": round(moves / people, 4) if moves and people else None})
    survival = []
    for level, est in time_in_level(con).items():
        enough = est["spells"] >= threshold and est["promotions"] >= threshold
        survival.append(
            {
                "level": level,
                "spells": safe(est["spells"], threshold),
                "promotions": safe(est["promotions"], threshold),
                "median years before promotion": est["median_years"] if enough else None,
                **{f"still in level after {y} years": (s if enough else None) for y, s in est["survival"].items()},
            }
        )
    pyramid_rows = [{**p, "people": safe(p["people"], threshold)} for p in pyramid(con)]
    last = max((p["year"] for p in pyramid_rows), default=None)
    positions_at: dict[str, int] = defaultdict(int)
    for p in facts.positions.values():
        positions_at[p["level"]] += 1
    bottlenecks = [
        {
            "level": p["level"],
            "people": p["people"],
            "positions in the graph": positions_at.get(p["level"], 0),
            "people per position": round(p["people"] / positions_at[p["level"]], 1)
            if p["people"] and positions_at.get(p["level"])
            else None,
        }
        for p in pyramid_rows
        if p["year"] == last
    ]
    stream_cells = {(s["stream"], s["other"], s["direction"]): s["count"] for s in stream_flows(visible, facts)}
    stream_shown = protect(stream_cells, [lambda k: (k[0], k[2])], threshold=threshold)
    in_out = [{"stream": s, "other stream": o, "direction": d, "people": stream_shown[(s, o, d)]} for (s, o, d) in sorted(stream_cells)]
    return {
        "observed-flows": flow_rows,
        "observed-flows-all-years": pooled,
        "observed-rates": rate_rows,
        "observed-time-in-level": survival,
        "observed-against-structure": structural(visible, model),
        "observed-streams-in-and-out": in_out,
        "observed-pyramid": pyramid_rows,
        "observed-bottlenecks": bottlenecks,
    }
