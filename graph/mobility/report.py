"""The mobility report: ``reports/mobility.md`` (findings in words, then tables), CSV and JSON per table, PNG charts.

Everything is computed from the graph, sorted, and free of timestamps, so the same graph gives the same bytes.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> files = report_files(*analyse(derive(load().g)))
>>> sorted(name for name in files if name.endswith(".png"))
['reports/ladders.png', 'reports/similarity-heatmap.png']
"""

from __future__ import annotations

import io
import json

import networkx as nx

from graph.mobility.facts import Facts, stream_order
from graph.mobility.ladders import entry_levels, ladder_matrix, path_tops
from graph.mobility.paths import best_paths
from graph.mobility.reachability import reachable_senior
from graph.mobility.similarity import LATERAL_THRESHOLD, stream_similarity
from graph.mobility.summary import summarise
from graph.tables import render

__all__ = ["chart_files", "prepare_charts", "report_files"]


def _md_table(rows: list[dict]) -> str:
    if not rows:
        return "_(none)_\n"
    columns = list(rows[0])
    text = lambda v: "" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else f"{v:.2f}" if isinstance(v, float) else str(v)  # noqa: E731
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(text(row[c]).replace("|", "\\|") for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _tables(facts: Facts, G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    matrix, entry, tops = ladder_matrix(G), entry_levels(G), path_tops(G)
    tables = {
        "ladders": [{"stream": s, **roles} for s, roles in matrix.items()],
        "entry-levels": [{"stream": s, "entry level": lvl} for s, lvl in entry.items()],
        "path-tops": [
            {"stream": s, "management top": t["management"], "individual-contributor top": t["individual contributor"]}
            for s, t in tops.items()
        ],
    }
    summary = summarise(facts, G, top=1000)
    tables.update({name.replace(" ", "-"): rows for name, rows in summary.items()})
    reach = reachable_senior(G, k=3, min_rank=4)
    tables["reachability"] = [
        {
            "position": G.nodes[p]["label"],
            "senior positions within 3 moves": sum(G.nodes[n]["kind"] == "position" for n in near),
            "executive levels within 3 moves": sum(G.nodes[n]["kind"] == "executive" for n in near),
        }
        for p, near in reach.items()
    ]
    return tables


def _findings(facts: Facts, G: nx.MultiDiGraph, tables: dict[str, list[dict]]) -> list[str]:
    entry = entry_levels(G)
    at_one = [s for s, lvl in entry.items() if lvl == "IT-01"]
    tops = path_tops(G)
    ic_stop = {}
    for s, t in tops.items():
        ic_stop.setdefault(t["individual contributor"], []).append(s)
    mgmt_short = [s for s, t in tops.items() if t["management"] and not t["management"].startswith("IT-05")]
    sims = stream_similarity(facts)
    cross = [(a, b, v) for (a, b), v in sims.items() if facts.streams[a]["community"] != facts.streams[b]["community"]]
    best_cross = max(cross, key=lambda x: (x[2], x[0], x[1])) if cross else None
    lateral_streams = {G.nodes[n].get("stream") for u, v, d in G.edges(data=True) if d["kind"] == "lateral move" for n in (u, v)}
    islands = sorted(facts.streams[s]["label"] for s in facts.streams if s not in lateral_streams)
    path = (
        best_paths(G, "entry-student", "position-it-05-director-it-security", k=1)[0]
        if "position-it-05-director-it-security" in G
        else None
    )
    findings = [
        f"**Entry.** {len(at_one)} of {len(entry)} IT streams ({', '.join(at_one)}) start at IT-01 with Technicians; "
        f"the other {len(entry) - len(at_one)} start at IT-02 with Analysts.",
        "**Individual contributors.** The individual-contributor ladder stops "
        + "; and ".join(
            f"at {top or 'no individual-contributor position'} in {', '.join(ss)}"
            for top, ss in sorted(ic_stop.items(), key=lambda x: (-len(x[1]), x[0] or ""))
        )
        + ". No stream has an IT-05 individual-contributor position: the Senior Strategist pilot names no stream.",
        f"**Management.** The management ladder reaches IT-05 Director in {len(tops) - len(mgmt_short)} streams and stops at "
        f"IT-04 Manager in {', '.join(mgmt_short)}, where the source states no Director; from there the only moves are lateral.",
    ]
    if best_cross:
        a, b, v = best_cross
        shared = next(
            (
                r["shared competencies"]
                for r in tables["stream-similarity"]
                if {r["stream"], r["other stream"]} == {facts.streams[a]["label"], facts.streams[b]["label"]}
            ),
            [],
        )
        findings.append(
            f"**Across communities.** The closest streams of different communities are {facts.streams[a]['label']} and "
            f"{facts.streams[b]['label']} (weighted Jaccard {v:.2f}; shared: {', '.join(shared)}). "
            f"{sum(1 for *_, v in cross if v >= LATERAL_THRESHOLD)} cross-community pairs reach the lateral-move "
            f"threshold of {LATERAL_THRESHOLD}."
        )
    if islands:
        findings.append(
            f"**Islands.** {', '.join(islands)} share too few competencies with any other stream for an inferred lateral move "
            "(reachable only by entry and the stated routes)."
        )
    gateways = tables["gateways"][:3]
    if gateways:
        findings.append(
            "**Gateways.** The nodes most careers pass through are "
            + ", ".join(f"{g['node']} ({g['betweenness']:.2f})" for g in gateways)
            + "."
        )
    cutting = [c for c in tables["skill-clusters"] if c["cuts across official communities"]]
    findings.append(
        f"**Skill clusters.** Clustering the 13 streams by competencies (Louvain, seed 42) gives {len(tables['skill-clusters'])} clusters; "
        f"{len(cutting)} cut across the official communities, e.g. " + "; ".join(", ".join(c["streams"]) for c in cutting[:2]) + "."
    )
    if tables["dead-ends"]:
        findings.append(
            "**Dead ends.** " + ", ".join(d["node"] for d in tables["dead-ends"]) + ": no promotion, path change, executive "
            "transition or move to another community leads out."
        )
    if path:
        findings.append(
            f"**A student's way to IT-05 Director, IT Security:** {' → '.join(G.nodes[n]['label'] for n in path.nodes)} "
            f"({len(path.steps)} moves, all stated by the source)."
        )
    return findings


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


def prepare_charts() -> None:
    """Import matplotlib's drawing code (half a second), so that `chart_files` can start drawing at once."""
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401


def chart_files(facts: Facts, G: nx.MultiDiGraph) -> dict[str, bytes]:
    """The PNG charts of the report: ``{relative path: bytes}`` (the slow part: the build draws them in parallel)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure  # the object API: no pyplot, no GUI backend, no global state

    with rc_context({"font.size": 8}):
        return _draw_charts(facts, G, Figure)


def _draw_charts(facts: Facts, G: nx.MultiDiGraph, Figure) -> dict[str, bytes]:  # noqa: N803 (a class)
    order = stream_order(facts)
    sims = stream_similarity(facts)
    matrix = [[1.0 if a == b else sims.get((a, b), sims.get((b, a), 0.0)) for b in order] for a in order]
    fig = Figure(figsize=(8, 7), dpi=110, layout="constrained")
    ax = fig.subplots()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=0.3)
    labels = [facts.streams[s]["label"] for s in order]
    ax.set_xticks(range(len(order)), labels, rotation=60, ha="right")
    ax.set_yticks(range(len(order)), labels)
    for i, row in enumerate(matrix):  # the matrix is symmetric: the values are written above the diagonal only
        for j, value in enumerate(row):
            if j > i:
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6, color="white" if value > 0.18 else "black")
    ax.set_title(f"Stream similarity\n(weighted Jaccard of competencies; lateral moves inferred from {LATERAL_THRESHOLD})")
    fig.colorbar(image, ax=ax, shrink=0.7)
    heatmap = _png(fig)

    matrix_roles = ladder_matrix(G)
    streams = list(matrix_roles)
    fig = Figure(figsize=(9, 4.5), dpi=110, layout="constrained")
    ax = fig.subplots()
    colours = {"path-management": "#26374a", "path-individual-contributor": "#2b8a3e", None: "#7a7a7a"}
    offsets = {"path-management": -0.18, "path-individual-contributor": 0.18}
    for path, colour in colours.items():  # one scatter per path: one artist each, not one per position
        points = [
            (streams.index(d["stream_label"]) + offsets.get(path, 0), d["rank"])
            for _, d in sorted(G.nodes(data=True))
            if d.get("kind") == "position" and d["path"] == path
        ]
        if points:
            ax.scatter([x for x, _ in points], [y for _, y in points], s=160, color=colour, zorder=3)
    ax.set_xticks(range(len(streams)), [s.removeprefix("IT ") for s in streams], rotation=30, ha="right")
    ax.set_yticks(range(1, 6), [f"IT-0{i}" for i in range(1, 6)])
    ax.set_ylim(0.5, 5.5)
    ax.grid(axis="y", alpha=0.3)
    for label, colour in (
        ("management path", colours["path-management"]),
        ("individual-contributor path", colours["path-individual-contributor"]),
        ("before the paths split", colours[None]),
    ):
        ax.scatter([], [], color=colour, label=label)
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    ax.set_title("Career ladders: positions by IT stream and level")
    ladders = _png(fig)
    return {"reports/similarity-heatmap.png": heatmap, "reports/ladders.png": ladders}


def report_files(facts: Facts, G: nx.MultiDiGraph, *, charts: bool = True) -> dict[str, bytes]:
    """Every file of ``outputs/reports/``: ``{relative path: bytes}`` (without the PNGs when ``charts`` is false)."""
    tables = _tables(facts, G)
    files: dict[str, bytes] = {}
    for name, rows in tables.items():
        files[f"reports/{name}.csv"] = render(rows, "csv").encode("utf-8")
        files[f"reports/{name}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if charts:
        files.update(chart_files(facts, G))
    inferred = sum(1 for *_, d in G.edges(data=True) if d["basis"] == "inferred")
    sections = [
        "# Career mobility in the Government of Canada's digital community\n",
        f"Built from the knowledge graph: {sum(1 for _, d in G.nodes(data=True) if d['kind'] == 'position')} positions, "
        f"{len(facts.streams)} streams, {G.number_of_edges()} possible moves ({G.number_of_edges() - inferred} stated by the source, "
        f"{inferred} inferred from shared competencies). Inferred moves are marked as such, with their score and evidence; "
        "nothing here adds a fact the source does not state.\n",
        "## Key findings\n",
        "\n".join(f"- {f}" for f in _findings(facts, G, tables)) + "\n",
        "## Career ladders\n",
        "![Career ladders](ladders.png)\n",
        _md_table(tables["ladders"]),
        "\n### Entry level and top of each path\n",
        _md_table(
            [
                {**e, **{k: v for k, v in t.items() if k != "stream"}}
                for e, t in zip(tables["entry-levels"], tables["path-tops"], strict=True)
            ]
        ),
        "\n## Stream similarity\n",
        f"Weighted Jaccard index of the streams' competency profiles; lateral moves are inferred from {LATERAL_THRESHOLD}.\n",
        "![Similarity heat map](similarity-heatmap.png)\n",
        _md_table(tables["stream-similarity"][:15]),
        "\n## Gateways\n",
        "Cost-weighted betweenness and PageRank of positions and streams.\n",
        _md_table(tables["gateways"][:15]),
        "\n## Moves between communities\n",
        _md_table(tables["bridges-between-communities"]),
        "\n## Dead ends\n",
        _md_table(tables["dead-ends"]),
        "\n## Skill clusters and the official communities\n",
        _md_table(tables["skill-clusters"]),
        "\n## Reachability\n",
        "Senior positions (IT-04 and up) and executive levels reachable within three moves.\n",
        _md_table(tables["reachability"]),
        "\nEvery table is also in this folder as CSV and JSON.\n",
    ]
    files["reports/mobility.md"] = "\n".join(sections).encode("utf-8")
    return files
