"""The observed data's outputs: its tables (CSV, JSON) with labels, a report in words, and a flow chart (PNG).

Everything here reads `graph.observe.published.Published`, so every number is past the joint disclosure control;
the tables name positions, levels, streams and rules by their labels, never by internal ids. When the data set is
synthetic, every title says so and every row of every table has a ``data`` column that says ``synthetic``; when its
threshold is below the Government of Canada's, every row says that too.

Examples
--------
>>> title("Observed flows", {"synthetic": True})
'Observed flows (synthetic)'
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from graph.observe.hits import HIT_K, hit_rates
from graph.observe.ingest import GC_THRESHOLD
from graph.observe.levels import Classification
from graph.observe.published import Published
from graph.tables import render

if TYPE_CHECKING:
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel

__all__ = ["KIND_COLOURS", "flow_chart", "observed_report", "observed_tables", "title"]

KIND_COLOURS = {
    "promotion": "#1971c2",
    "appointment": "#7b2d8b",
    "deployment": "#2b8a3e",
    "acting-start": "#e8590c",
    "demotion": "#c2255c",
    "hire": "#0b7285",
    "departure": "#868e96",
}
"""One colour per kind of move, for the flow chart and the overlay page."""
ACTION_WORDS = {
    "promotion": "promotion",
    "appointment": "appointment (EX)",
    "deployment": "deployment",
    "acting-start": "acting appointment",
    "demotion": "demotion",
    "hire": "hire",
    "departure": "departure",
}


def title(text: str, dataset: dict[str, Any]) -> str:
    """``text``, marked "(synthetic)" when the data set is."""
    return f"{text} (synthetic)" if dataset.get("synthetic") else text


class _Labels:
    """Labels for the ids of the graph: positions, levels, streams, rules; ``""`` is outside."""

    def __init__(self, facts: Facts) -> None:
        self.names = {
            **{pid: p.label for pid, p in facts.positions.items()},
            **{lvl: v.label for lvl, v in facts.levels.items()},
            **{s: v.label for s, v in facts.streams.items()},
            **{r: v.label for r, v in facts.rules.items()},
            "": "outside",
        }

    def __call__(self, key: str | None) -> str:
        return "" if key is None else self.names.get(key, key)


def observed_tables(data: Published, facts: Facts, model: MobilityModel | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every published table, its rows labelled (``data: synthetic`` on each row of a synthetic data set).

    With the mobility ``model``, also the hit rates of skills first on the published moves (`graph.observe.hits`).
    """
    name = _Labels(facts)
    marks: dict[str, object] = {}
    if data.synthetic:
        marks["data"] = "synthetic"
    if data.threshold < GC_THRESHOLD:
        marks["disclosure threshold"] = f"{data.threshold} (below the Government of Canada's {GC_THRESHOLD})"
    positions_at: dict[str, int] = defaultdict(int)
    for p in facts.positions.values():
        positions_at[p.level] += 1
    last = max((s.year for s in data.pyramid), default=None)
    times = sorted({t for s in data.survival for t in s.still_in_level})  # every row has every column: a table, not ragged rows
    tables: dict[str, list[dict[str, Any]]] = {
        "observed-flows": [
            {"move": ACTION_WORDS[f.action], "from": name(f.source), "to": name(f.target), "people": f.count,
             "allowed by": "" if f.allowed_by is None else name(f.allowed_by) or "no staffing rule"}
            for f in data.flows
        ],
        "observed-flows-by-year": [
            {"year": f.year, "move": ACTION_WORDS[f.action], "from level": name(f.source), "to level": name(f.target), "people": f.count}
            for f in data.yearly
        ],
        "observed-pyramid": [{"year": s.year, "level": name(s.level), "people (nearest ten)": s.people} for s in data.pyramid],
        "observed-bottlenecks": [
            {"level": name(s.level), "people (nearest ten)": s.people, "positions in the graph": positions_at.get(s.level, 0),
             "people per position": round(s.people / positions_at[s.level], 1) if positions_at.get(s.level) else None}
            for s in data.pyramid if s.year == last
        ],
        "observed-rates": [
            {"level": name(r.level), "stream": name(r.stream) if r.stream else "all streams", "move": ACTION_WORDS[r.action],
             "moves": r.moves, "person-years at risk": r.person_years, "rate per person-year": r.rate,
             "95% low": r.low, "95% high": r.high}
            for r in data.rates
        ],
        "observed-time-in-level": [
            {"level": name(s.level), "spells": s.spells, "promotions": s.promotions, "median years before promotion": s.median_years,
             **{f"still in level after {t:g} year{'s' if t != 1 else ''}": s.still_in_level.get(t) for t in times}}
            for s in data.survival
        ],
        "observed-between-streams": [{"from stream": name(s.source), "to stream": name(s.target), "moves": s.count} for s in data.streams],
        "observed-against-structure": [
            {"kind of move": s.kind, "moves": s.moves, "allowed by a staffing rule": s.allowed,
             "share allowed": round(s.allowed / s.moves, 3) if s.moves and s.allowed is not None else None}
            for s in data.structure
        ],
    }  # fmt: skip
    if model is not None:
        tables["observed-reach-hits"] = [
            {"move": ACTION_WORDS.get(h.action, "all moves between positions"), "moves": h.moves,
             f"next position in reach's top {HIT_K}": h.reach_hits, "share (reach)": h.shares()[0],
             "promotion in the same stream": h.baseline_hits, "share (baseline)": h.shares()[1]}
            for h in hit_rates(data.flows, facts, model)
        ]  # fmt: skip
    return {key: [{**marks, **row} for row in rows] for key, rows in tables.items()}


def observed_report(data: Published, facts: Facts, model: MobilityModel) -> dict[str, bytes]:
    """``reports/observed.md`` and every observed table as CSV and JSON."""
    from graph.mobility.report import _md_table  # the report's own Markdown tables

    tables = observed_tables(data, facts, model)
    files: dict[str, bytes] = {}
    for name, rows in tables.items():
        files[f"reports/{name}.csv"] = render(rows, "csv").encode("utf-8")
        files[f"reports/{name}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    d = data.dataset
    label = _Labels(facts)
    stated_never = _stated_never_observed(data, model)
    structure = {s.kind: s for s in data.structure}
    findings = [
        f"**The data.** About {d['actions']:,} personnel actions of about {d['people']:,} people (to the nearest ten), {d['start']} to "
        f"{d['end']}{', synthetic (careers synth): no real person' if data.synthetic else ''}"
        f"{', years from April to March' if d.get('fiscal_year') else ''}; checksum sha256:{d['checksum'][:16]}...",
        f"**Disclosure control.** No count about fewer than {data.threshold} people is published"
        + (f" (a threshold below the Government of Canada's {GC_THRESHOLD}, asked for explicitly)" if data.threshold < GC_THRESHOLD else "")
        + f", nor any that the published figures, taken together, would give away: {data.withheld:,} of {data.figures:,} figures "
        f"are withheld, and the audit (a linear program per withheld figure, over every published table at once) finds "
        f"{data.at_risk} at risk. Withheld figures are left out of the tables, not shown blank.",
        _against_structure(structure),
        f"**Stated moves without a published count.** {len(stated_never)} of the promotions the page states have none: not seen, "
        f"or made by fewer than {data.threshold} people, or withheld so that no other count can be recovered."
        if stated_never
        else "**Stated moves without a published count.** None: every promotion the page states has one.",
    ]
    if d.get("titles_unmapped"):
        moves = f"{data.unmapped:,} moves" if data.unmapped is not None else "fewer than the threshold, or withheld"
        findings.append(
            f"**Titles not mapped.** {len(d['titles_unmapped'])} titles of the records match no position of the graph ({moves}); "
            "they count in every table by level, not in those by position (listed below; `careers observe --crosswalk` maps them)."
        )
    findings.append(_hits_finding(tables["observed-reach-hits"]))
    ladder = Classification.of(facts)
    career = sorted((lv for lv in ladder.order if lv not in ladder.executive), key=ladder.rank)
    for s in data.survival:  # the levels between the first and the top of the career ladder (IT-02 .. IT-04)
        if s.median_years is not None and s.level in career[1:-1]:
            findings.append(
                f"**Time in {label(s.level)}.** Half of those who entered it were promoted out within {s.median_years} years "
                "(Kaplan-Meier, censored at departures and at the end of the data)."
            )
    surprises = sorted((f for f in data.flows if f.allowed_by == ""), key=lambda f: -f.count)[:10]
    sections = [
        f"# {title('Observed careers', d)}\n",
        "\n".join(f"- {f}" for f in findings) + "\n",
        "![Observed moves between levels, coloured by kind](observed-flows.png)\n",
        "## Moves the structure does not predict (published counts)\n",
        _md_table([{"move": ACTION_WORDS[f.action], "from": label(f.source), "to": label(f.target), "people": f.count} for f in surprises]),
        "\n## Stated promotions without a published count\n",
        _md_table([{"from": label(a), "to": label(b)} for a, b in stated_never]),
        "\n## Time in level before a promotion\n",
        _md_table(tables["observed-time-in-level"]),
        "\n## Rates by level (all streams), per person-year at risk\n",
        _md_table([r for r in tables["observed-rates"] if r["stream"] == "all streams"]),
        "\n## The pyramid and its bottlenecks (at the start of the last year)\n",
        _md_table(tables["observed-bottlenecks"]),
        f"\n## Skills first against the moves made (hit rate at {HIT_K}, published counts)\n",
        _md_table(tables["observed-reach-hits"]),
        "\n## Moves between streams (published counts)\n",
        _md_table(sorted(tables["observed-between-streams"], key=lambda r: -r["moves"])[:30]),
        "\n## Titles that match no position\n",
        _md_table([{"title": t["title"], "level": label(t["level"])} for t in d.get("titles_unmapped", [])]),
        "\nEvery table is in this folder as CSV and JSON (observed-*.csv, observed-*.json).\n",
    ]
    files["reports/observed.md"] = "\n".join(sections).encode("utf-8")
    return files


def _hits_finding(rows: list[dict[str, Any]]) -> str:
    lead = "**Skills first against the moves made.** "
    if not rows or not rows[0]["moves"]:
        return lead + "No published move between two positions to compare."
    row = rows[0]
    return lead + (
        f"Of {row['moves']:,} published moves between positions, {row['share (reach)']:.0%} went to one of the {HIT_K} positions "
        f"`careers reach` ranks first for the profile of the position left, at its level; a promotion in the same stream "
        f"foresaw {row['share (baseline)']:.0%}. Sums of published counts only (withheld moves are not counted), by kind of "
        "move in observed-reach-hits.csv."
    )


def _against_structure(structure: dict[str, Any]) -> str:
    known = [s for s in structure.values() if s.moves]
    if not known:
        return "**Against the structure.** No published move to compare."
    parts = [
        f"{s.kind}: {s.allowed:,} of {s.moves:,} allowed" if s.allowed is not None else f"{s.kind}: {s.moves:,} moves (allowed: withheld)"
        for s in known
    ]
    lead = "**Against the structure.** Of the moves whose kind the mobility model knows, by kind (all moves, not only published ones): "
    return lead + "; ".join(parts) + "."


def _stated_never_observed(data: Published, model: MobilityModel) -> list[tuple[str, str]]:
    seen = {(f.source, f.target) for f in data.flows if f.action in ("promotion", "appointment")}
    stated = sorted(
        {(m.source, m.target) for n in model.nodes for m in model.explicit_moves(n) if m.basis == "stated" and m.kind == "promotion"}
    )
    return [pair for pair in stated if pair not in seen and pair[0] in model.nodes and model.nodes[pair[0]].kind == "position"]


def flow_chart(data: Published, facts: Facts) -> bytes:
    """A flow diagram of the published moves between levels, all years, one colour per kind of move, as PNG bytes."""
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MPath

    levels = sorted({lv for f in data.yearly for lv in (f.source, f.target) if lv}, key=Classification.of(facts).rank)
    bands: dict[tuple[str, str, str], int] = defaultdict(int)
    for f in data.yearly:
        if f.source and f.target:
            bands[(f.source, f.target, f.action)] += f.count  # a sum of published counts, not a new figure
    total = sum(bands.values()) or 1
    out_side = {lv: sum(v for (a, _, _), v in bands.items() if a == lv) for lv in levels}
    in_side = {lv: sum(v for (_, b, _), v in bands.items() if b == lv) for lv in levels}
    y0, y = {}, 0.0
    for lv in levels:
        y0[lv] = y
        y += max(out_side[lv], in_side[lv]) / total + 0.03
    fig = Figure(figsize=(8, 6), dpi=110, layout="constrained")
    ax = fig.subplots()
    out_pos = dict.fromkeys(levels, 0.0)
    in_pos = dict.fromkeys(levels, 0.0)
    for lv in levels:
        name = facts.level_label(lv)
        ax.add_patch(Rectangle((0, y0[lv]), 0.05, out_side[lv] / total, color="#26374a"))
        ax.add_patch(Rectangle((0.95, y0[lv]), 0.05, in_side[lv] / total, color="#26374a"))
        ax.text(-0.02, y0[lv] + out_side[lv] / total / 2, name, ha="right", va="center", fontsize=8)
        ax.text(1.02, y0[lv] + in_side[lv] / total / 2, name, ha="left", va="center", fontsize=8)
    curve = [MPath.CURVE4] * 3
    codes = [MPath.MOVETO, *curve, MPath.LINETO, *curve, MPath.CLOSEPOLY]
    for (a, b, action), v in sorted(bands.items(), key=lambda item: (levels.index(item[0][0]), levels.index(item[0][1]), item[0][2])):
        h = v / total
        ya, yb = y0[a] + out_pos[a], y0[b] + in_pos[b]
        out_pos[a] += h
        in_pos[b] += h
        verts = [(0.05, ya), (0.5, ya), (0.5, yb), (0.95, yb), (0.95, yb + h), (0.5, yb + h), (0.5, ya + h), (0.05, ya + h), (0.05, ya)]
        ax.add_patch(PathPatch(MPath(verts, codes), color=KIND_COLOURS[action], alpha=0.45, lw=0))
    shown = sorted({action for (_, _, action) in bands}, key=list(KIND_COLOURS).index)
    handles = [Rectangle((0, 0), 1, 1, color=KIND_COLOURS[a], alpha=0.6) for a in shown]
    ax.legend(handles, [ACTION_WORDS[a] for a in shown], loc="lower center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False)
    ax.set_xlim(-0.25, 1.25)
    ax.set_ylim(y + 0.02, -0.02)
    ax.axis("off")
    ax.set_title(title("Observed moves between levels, all years (published counts)", data.dataset))
    from graph.mobility.report import _png

    return _png(fig)
