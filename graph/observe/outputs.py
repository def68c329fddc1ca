"""The observed data's outputs: its tables (CSV, JSON), a report section in words, a flow chart (PNG) and the overlay page.

Everything here is computed from `graph.observe.analyses.published`, so every count is past the privacy rules; when
the data set is synthetic every title says so.

Examples
--------
>>> title("Observed flows", {"synthetic": True})
'Observed flows (synthetic)'
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from graph.observe.analyses import published
from graph.tables import render

__all__ = ["ObservedData", "flow_chart", "observed_report", "open_observed", "title"]


def title(text: str, dataset: dict) -> str:
    """``text``, marked "(synthetic)" when the data set is."""
    return f"{text} (synthetic)" if dataset.get("synthetic") else text


class ObservedData:
    """The published tables and description of an observed data set (a DuckDB file from ``careers observe``)."""

    def __init__(self, dataset: dict, threshold: int, tables: dict[str, list[dict]]) -> None:
        self.dataset, self.threshold, self.tables = dataset, threshold, tables


def open_observed(path: Path, facts, model) -> ObservedData:
    """Read the DuckDB file at ``path`` (read-only) and compute its published tables."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        dataset = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM dataset").fetchall()}
        threshold = int(dataset.get("min_cell", 10))
        return ObservedData(dataset, threshold, published(con, facts, model, threshold=threshold))
    finally:
        con.close()


def _against_structure(allowed: int, counted: int) -> str:
    if not counted:
        return "**Against the structure.** No published move to compare."
    if allowed == counted:
        return f"**Against the structure.** All {counted:,} published moves of a kind the model knows are moves the staffing rules allow."
    return (
        f"**Against the structure.** Of the {counted:,} published moves whose kind the mobility model knows, {allowed:,} "
        f"({allowed / counted:.0%}) are moves the staffing rules allow; the other {counted - allowed:,} are not predicted (listed below)."
    )


def _share_allowed(rows: list[dict]) -> tuple[int, int]:
    counted = [r for r in rows if r["allowed by"] is not None]
    return sum(r["count"] for r in counted if r["allowed by"]), sum(r["count"] for r in counted)


def observed_report(data: ObservedData, facts, model) -> dict[str, bytes]:
    """``reports/observed.md`` and every observed table as CSV and JSON."""
    from graph.mobility.report import _md_table  # the report's own Markdown tables

    files: dict[str, bytes] = {}
    for name, rows in data.tables.items():
        files[f"reports/{name}.csv"] = render(rows, "csv").encode("utf-8")
        files[f"reports/{name}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    d, t = data.dataset, data.tables
    allowed, counted = _share_allowed(t["observed-against-structure"])
    label = {
        **{pid: p["label"] for pid, p in facts.positions.items()},
        **{lvl: v["label"] for lvl, v in facts.levels.items()},
        "": "outside",
    }
    unpredicted = sorted((r for r in t["observed-against-structure"] if r["allowed by"] == ""), key=lambda r: -r["count"])[:10]
    stated_never = _stated_never_observed(t["observed-flows-all-years"], model)
    survival = {r["level"]: r for r in t["observed-time-in-level"]}
    findings = [
        f"**The data.** {d['actions']:,} personnel actions of {d['people']:,} people, {d['start']} to {d['end']}"
        f"{', synthetic (careers synth): no real person' if d.get('synthetic') else ''}; checksum sha256:{d['checksum'][:16]}...; "
        f"every count below {data.threshold} people is suppressed, and so is any that a published total would give away.",
        _against_structure(allowed, counted),
        f"**Stated moves never observed.** {len(stated_never)} of the promotions the page states were not seen (in published counts)."
        if stated_never
        else "**Stated moves never observed.** None: every promotion the page states was seen.",
    ]
    for level in ("level-it-02", "level-it-03", "level-it-04"):
        r = survival.get(level)
        if r and r["median years before promotion"] is not None:
            years = r["median years before promotion"]
            findings.append(
                f"**Time in {label.get(level, level)}.** Half of those who entered it were promoted out within {years} years "
                "(Kaplan-Meier, censored at departures and at the end of the data)."
            )
    named = lambda r: {**r, "from": label.get(r["from"], r["from"]), "to": label.get(r["to"], r["to"])}  # noqa: E731
    stream_label = lambda s: facts.streams.get(s, {}).get("label", s)  # noqa: E731
    named_rate = lambda r: {**r, "level": label.get(r["level"], r["level"]), "stream": stream_label(r["stream"])}  # noqa: E731
    in_out = t["observed-streams-in-and-out"]
    sections = [
        f"# {title('Observed careers', d)}\n",
        "\n".join(f"- {f}" for f in findings) + "\n",
        "![Observed flows between levels](observed-flows.png)\n",
        "## Moves the structure does not predict (published counts)\n",
        _md_table([{k: v for k, v in named(r).items() if k != "allowed by"} for r in unpredicted]),
        "\n## Stated promotions never observed\n",
        _md_table([{"from": label.get(a, a), "to": label.get(b, b)} for a, b in stated_never]),
        "\n## Time in level before a promotion\n",
        _md_table([{**r, "level": label.get(r["level"], r["level"])} for r in t["observed-time-in-level"]]),
        "\n## Rates by level and stream (pooled over the years)\n",
        _md_table([named_rate(r) for r in t["observed-rates"]][:60]),
        "\n## The pyramid and its bottlenecks (at the start of the last year)\n",
        _md_table([{**r, "level": label.get(r["level"], r["level"])} for r in t["observed-bottlenecks"]]),
        "\n## Where each stream's people come from and go to\n",
        _md_table([{**r, "stream": stream_label(r["stream"]), "other stream": stream_label(r["other stream"])} for r in in_out]),
        "\nEvery table is in this folder as CSV and JSON (observed-*.csv, observed-*.json).\n",
    ]  # fmt: skip
    files["reports/observed.md"] = "\n".join(sections).encode("utf-8")
    return files


def _stated_never_observed(pooled: list[dict], model) -> list[tuple[str, str]]:
    seen = {(r["from"], r["to"]) for r in pooled if r["count"] and r["action"] == "promotion"}
    stated = sorted(
        {(m.source, m.target) for n in model.nodes for m in model.buckets_from(n)[0] if m.basis == "stated" and m.kind == "promotion"}
    )
    return [pair for pair in stated if pair not in seen and pair[0] in model.nodes and model.nodes[pair[0]]["kind"] == "position"]


def flow_chart(data: ObservedData, facts) -> bytes:
    """A flow diagram (Sankey style) of the published moves between levels, pooled over the years, as PNG bytes."""
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MPath

    level_of = {pid: p["level"] for pid, p in facts.positions.items()} | {lvl: lvl for lvl in facts.executive_levels}
    order = sorted({lvl for lvl in level_of.values()}, key=lambda lvl: (lvl.startswith("level-ex"), lvl))
    bands: dict[tuple[str, str], int] = defaultdict(int)
    for r in data.tables["observed-flows-all-years"]:
        a, b = level_of.get(r["from"]), level_of.get(r["to"])
        if r["count"] and a and b:
            bands[(a, b)] += r["count"]
    fig = Figure(figsize=(8, 6), dpi=110, layout="constrained")
    ax = fig.subplots()
    total = sum(bands.values()) or 1
    out_pos = {lvl: 0.0 for lvl in order}
    in_pos = {lvl: 0.0 for lvl in order}
    side = {lvl: sum(v for (a, _), v in bands.items() if a == lvl) for lvl in order}
    side_in = {lvl: sum(v for (_, b), v in bands.items() if b == lvl) for lvl in order}
    y0: dict[str, float] = {}
    y = 0.0
    for lvl in order:
        y0[lvl] = y
        y += max(side[lvl], side_in[lvl]) / total + 0.03
    colours = ["#26374a", "#1971c2", "#2b8a3e", "#b35900", "#7b2d8b", "#c2255c", "#5c940d", "#0b7285", "#e8590c", "#364fc7"]
    for i, lvl in enumerate(order):
        ax.add_patch(Rectangle((0, y0[lvl]), 0.05, side[lvl] / total, color=colours[i % len(colours)]))
        ax.add_patch(Rectangle((0.95, y0[lvl]), 0.05, side_in[lvl] / total, color=colours[i % len(colours)]))
        label = facts.levels.get(lvl, {}).get("label", lvl)
        ax.text(-0.02, y0[lvl] + side[lvl] / total / 2, label, ha="right", va="center", fontsize=8)
        ax.text(1.02, y0[lvl] + side_in[lvl] / total / 2, label, ha="left", va="center", fontsize=8)
    for (a, b), v in sorted(bands.items(), key=lambda item: (order.index(item[0][0]), order.index(item[0][1]))):
        h = v / total
        ya, yb = y0[a] + out_pos[a], y0[b] + in_pos[b]
        out_pos[a] += h
        in_pos[b] += h
        verts = [(0.05, ya), (0.5, ya), (0.5, yb), (0.95, yb), (0.95, yb + h), (0.5, yb + h), (0.5, ya + h), (0.05, ya + h), (0.05, ya)]
        codes = [
            MPath.MOVETO,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.LINETO,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CLOSEPOLY,
        ]
        ax.add_patch(PathPatch(MPath(verts, codes), color=colours[order.index(a) % len(colours)], alpha=0.35, lw=0))
    ax.set_xlim(-0.25, 1.25)
    ax.set_ylim(y + 0.02, -0.02)
    ax.axis("off")
    ax.set_title(title("Observed moves between levels, all years (published counts)", data.dataset))
    from graph.mobility.report import _png

    return _png(fig)
