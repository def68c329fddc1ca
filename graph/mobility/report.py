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
from collections import Counter
from typing import TYPE_CHECKING, Any

from graph.mobility.costs import format_cost
from graph.mobility.facts import Facts, stream_order
from graph.mobility.ladders import entry_levels, ladder_matrix, ladder_rows, path_tops
from graph.mobility.moves import MobilityModel
from graph.mobility.pay import current_range, pay_change, pay_table
from graph.mobility.search import cheapest_path
from graph.mobility.similarity import stream_similarity
from graph.mobility.summary import summarise
from graph.paths import ontology_dir
from graph.tables import render

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["chart_files", "prepare_charts", "report_files"]


def _md_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "_(none)_\n"
    columns = list(rows[0])

    def text(v: object) -> str:
        return "" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else f"{v:.2f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(text(row[c]).replace("|", "\\|") for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _coverage(facts: Facts, model: MobilityModel) -> list[dict[str, Any]]:
    """How the positions got their official skills, and how the responsibilities were linked to them."""
    methods = Counter(model.profiles[p].method for p in facts.positions)
    rows = [{"what": "positions", "how": how, "count": n, "of": len(facts.positions)} for how, n in sorted(methods.items())]
    items = "responsibilities, expertise and functional areas"
    words = {
        "NameMatch": "a skill's name in its words",
        "KeywordMatch": "a skill's keyword in its words",
        "CuratedLink": "an editor's link",
    }
    by_method = Counter(m for found in facts.link_methods.values() for m in found)
    rows += [{"what": items, "how": words[m], "count": by_method[m], "of": facts.item_count} for m in sorted(words) if m in by_method]
    only_curated = sum(found == {"CuratedLink"} for found in facts.link_methods.values())
    rows.append({"what": items, "how": "an editor's link only (no term matched)", "count": only_curated, "of": facts.item_count})
    rows.append({"what": items, "how": "any", "count": len(facts.link_methods), "of": facts.item_count})
    return rows


def _tables(facts: Facts, model: MobilityModel) -> dict[str, list[dict[str, Any]]]:
    G = model.graph()
    tables = {
        "ladders": ladder_rows(facts, model.nodes),
        "pay-by-level": pay_table(facts),
        "skill-coverage": _coverage(facts, model),
        "staffing-rules": [
            {"rule": r.label, "kind of move": r.kind, "condition": r.condition, "quotes": len(r.quotes)}
            for _, r in sorted(facts.rules.items())
        ],
        "assumptions": [
            {"assumption": a.label, "parameter": a.parameter, "value": a.value, "note": a.note}
            for _, a in sorted(facts.assumptions.items())
        ],
        "moves": [
            {"kind": k, "basis": b, "moves": n}
            for (k, b), n in sorted(Counter((d["kind"], d["basis"]) for *_, d in G.edges(data=True)).items())
        ],
    }
    summary = summarise(facts, model, top=1000)
    tables.update({name.replace(" ", "-"): rows for name, rows in summary.items()})
    return tables


def _path_words(model: MobilityModel, source: str, target: str) -> str | None:
    if source not in model.nodes or target not in model.nodes:
        return None
    path = cheapest_path(model, source, target)
    if path is None:
        return None
    steps = " → ".join([model.label(path.nodes[0])] + [f"({s.kind}) {model.label(s.target)}" for s in path.steps])
    return f"{steps} ({len(path.steps)} moves, cost {format_cost(path.cost)})"


def _examples() -> list[tuple[str, str, str]]:
    """The example questions of ``ontology/report-examples.toml``: ``(from, to, title)``."""
    import tomllib

    with (ontology_dir() / "report-examples.toml").open("rb") as handle:
        examples = tomllib.load(handle).get("example", [])
    return [(str(e["from"]), str(e["to"]), str(e["title"])) for e in examples]


def _findings(facts: Facts, model: MobilityModel, tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    entry = entry_levels(model.nodes)
    at_one = [s for s, lvl in entry.items() if lvl == "IT-01"]
    paths = facts.path_names()
    names = [*paths.values(), "", ""]  # the management path, then the individual-contributor path
    tops = path_tops(model.nodes, paths)
    ic_stop: dict[str | None, list[str]] = {}
    for s, t in tops.items():
        ic_stop.setdefault(t.get(names[1]), []).append(s)
    mgmt_short = [s for s, t in tops.items() if (top := t.get(names[0])) and not top.startswith("IT-05")]
    unstated = sorted({facts.streams[p.stream].label for p in facts.positions.values() if not p.level_stated})
    methods = Counter(model.profiles[p].method for p in facts.positions)
    findings = [
        f"**Entry.** {len(at_one)} of {len(entry)} IT streams ({', '.join(at_one)}) start at IT-01 with Technicians; "
        f"the other {len(entry) - len(at_one)} start at IT-02 with Analysts.",
        "**Individual contributors.** In its own stream, the individual-contributor ladder stops "
        + "; and ".join(
            f"at {top or 'no individual-contributor position'} in {', '.join(ss)}"
            for top, ss in sorted(ic_stop.items(), key=lambda x: (-len(x[1]), x[0] or ""))
        )
        + ". No stream has an IT-05 individual-contributor position: the Senior Strategist pilot names no stream.",
        f"**Management.** The management ladder reaches IT-05 Director in {len(tops) - len(mgmt_short)} streams "
        "and stops at IT-04 Manager in "
        f"{', '.join(mgmt_short)}: from there the way up is a promotion into another stream (an appointment the rules allow).",
    ]
    if unstated:
        findings.append(
            f"**Streams without stated levels.** The page gives {', '.join(unstated)} no levels; each holds a position at each IT level, "
            f"the level a person brings on a deployment (a named assumption, `gcd:{model.assumption['unstated levels']}`)."
        )
    for source, target, title in _examples():
        words = _path_words(model, source, target) if source in model.nodes and target in model.nodes else ""
        if words:
            findings.append(f"**{title}:** {words}.")
    findings.append(
        f"**Official skills.** {methods.get('official job template', 0)} of {len(facts.positions)} positions take their skill profile from "
        f"GC Digital Talent's job templates; the other {methods.get('responsibilities', 0)} from the official skills "
        "of their responsibilities."
    )
    # the level from which the executive ranks are entered, and the first executive level
    below = sorted(
        {p.level for p in facts.positions.values() if p.rank == model.executive_entry_rank and p.group not in facts.executive_groups}
    )
    first = min(facts.executive_levels, key=lambda lvl: facts.levels[lvl].rank, default=None)
    it5, ex1 = (current_range(facts, below[0]), current_range(facts, first)) if below and first else (None, None)
    if it5 and ex1 and below and first:
        top, executive = facts.level_label(below[0]), facts.level_label(first)
        demotion = pay_change(facts, below[0], first)
        findings.append(
            f"**Pay.** {top} pays ${it5.minimum:,}–${it5.maximum:,} and {executive} ${ex1.minimum:,}–${ex1.maximum:,} "
            "in GC Digital Talent's ranges (no date in the source): the first executive level starts "
            f"{'above' if ex1.minimum > it5.minimum else 'below'} {top}'s minimum "
            f"and tops out {'above' if ex1.maximum > it5.maximum else 'below'} its maximum." + (f" {demotion}" if demotion else "")
        )
    cutting = [c for c in tables["skill-clusters"] if c["cuts across official communities"]]
    findings.append(
        f"**Skill clusters.** Clustering the {len(facts.streams)} streams by their official skills (Louvain, seed 42) gives "
        f"{len(tables['skill-clusters'])} clusters; {len(cutting)} cut across the official communities."
    )
    return findings


def _png(figure: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})  # type: ignore[no-untyped-call]
    return buffer.getvalue()


def prepare_charts() -> None:
    """Import matplotlib's drawing code (half a second), so that `chart_files` can start drawing at once."""
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401


def chart_files(facts: Facts, model: MobilityModel) -> dict[str, bytes]:
    """The PNG charts of the report: ``{relative path: bytes}`` (the slow part: the build draws them in parallel)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure  # the object API: no pyplot, no GUI backend, no global state

    with rc_context({"font.size": 8}):
        return _draw_charts(facts, model, Figure)


CHART_STREAMS = 40
"""The most streams a chart draws (the first in the source's order): beyond, a chart is unreadable and slow to draw."""


def _draw_charts(facts: Facts, model: MobilityModel, Figure: type[Figure]) -> dict[str, bytes]:  # noqa: N803 (a class)
    every = stream_order(facts)
    order = every[:CHART_STREAMS]
    shown = "" if len(every) == len(order) else f" (the first {len(order)} of {len(every)} streams)"
    sims = stream_similarity(facts, order)
    matrix = [[1.0 if a == b else sims.get((a, b), sims.get((b, a), 0.0)) for b in order] for a in order]
    fig = Figure(figsize=(8, 7), dpi=110, layout="constrained")
    ax = fig.subplots()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=0.3)
    labels = [facts.streams[s].label for s in order]
    ax.set_xticks(range(len(order)), labels, rotation=60, ha="right")
    ax.set_yticks(range(len(order)), labels)
    for i, row in enumerate(matrix if len(order) <= 20 else []):  # symmetric: values above the diagonal, while they fit
        for j, value in enumerate(row):
            if j > i:
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6, color="white" if value > 0.18 else "black")
    ax.set_title(f"Stream similarity{shown}\n(weighted Jaccard of the official skills of their responsibilities)")
    fig.colorbar(image, ax=ax, shrink=0.7)
    heatmap = _png(fig)

    matrix_roles = ladder_matrix(model.nodes)
    streams = list(matrix_roles)[:CHART_STREAMS]
    fig = Figure(figsize=(9, 4.5), dpi=110, layout="constrained")
    ax = fig.subplots()
    order = facts.path_order()  # the first path (management) left of a stream's tick, the second right
    colours: dict[str | None, str] = {**dict(zip(order, ("#26374a", "#2b8a3e"), strict=False)), None: "#7a7a7a"}
    offsets = dict(zip(order, (-0.18, 0.18), strict=False))
    for path, colour in colours.items():  # one scatter per path: one artist each, not one per position
        points = [
            (streams.index(d.stream_label) + offsets.get(path or "", 0), d.rank)
            for _, d in sorted(model.nodes.items())
            if d.kind == "position" and d.level_stated and d.path == path and d.stream_label in streams
        ]
        if points:
            ax.scatter([x for x, _ in points], [y for _, y in points], s=160, color=colour, zorder=3)
    ax.set_xticks(range(len(streams)), [s.removeprefix("IT ") for s in streams], rotation=30, ha="right")
    ax.set_yticks(range(1, 6), [f"IT-0{i}" for i in range(1, 6)])
    ax.set_ylim(0.5, 5.5)
    ax.grid(axis="y", alpha=0.3)
    for label, colour in (
        *((facts.paths[p].label, colours[p]) for p in order[:2]),
        ("before the paths split", colours[None]),
    ):
        ax.scatter([], [], color=colour, label=label)
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    more = "" if len(matrix_roles) == len(streams) else f" (the first {len(streams)} of {len(matrix_roles)} streams)"
    ax.set_title(f"Career ladders: positions by IT stream and level{more}")
    ladders = _png(fig)
    return {"reports/similarity-heatmap.png": heatmap, "reports/ladders.png": ladders}


def report_files(facts: Facts, model: MobilityModel, *, charts: bool = True) -> dict[str, bytes]:
    """Every file of ``outputs/reports/``: ``{relative path: bytes}`` (without the PNGs when ``charts`` is false)."""
    tables = _tables(facts, model)
    files: dict[str, bytes] = {}
    for name, rows in tables.items():
        files[f"reports/{name}.csv"] = render(rows, "csv").encode("utf-8")
        files[f"reports/{name}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if charts:
        files.update(chart_files(facts, model))
    moves = {(r["kind"], r["basis"]): r["moves"] for r in tables["moves"]}
    stated = sum(n for (_, basis), n in moves.items() if basis == "stated")
    sections = [
        "# Career mobility in the Government of Canada's digital community\n",
        f"Built from the knowledge graph: {len(facts.positions)} positions in {len(facts.streams)} streams, "
        f"{len(facts.routes)} entry routes and {len(facts.executive_levels)} executive levels. Moves are made as the Government of Canada "
        "makes them (promotion, deployment within a cap on the skills to gain, appointment through an advertised process beyond it, "
        "acting appointment, entry, executive appointment), each under the public rule that allows it. "
        f"Of the {sum(moves.values())} moves drawn here, {stated} are stated by the Careers in digital page (with its sentence) and "
        f"{sum(moves.values()) - stated} are allowed by a cited rule; where the sources are silent, a named assumption says what the "
        "project chose. The graph draws each position's 3 cheapest deployments, appointments at its level and promotions into other "
        "streams; "
        "the path search considers them all.\n",
        "## Key findings\n",
        "\n".join(f"- {f}" for f in _findings(facts, model, tables)) + "\n",
        "## Career ladders\n",
        "![Career ladders](ladders.png)\n",
        "Each IT stream's roles by level, its entry level, the top of each path, and the current pay range of each "
        "(GC Digital Talent's IT rates; see the pay table for the CS rates and dates).\n",
        _md_table(tables["ladders"]),
        "\n## Pay by level\n",
        "The IT group's rates and the CS rates the page says apply to IT levels until a new collective agreement; executive rates "
        "from GC Digital Talent (no date) and from two public pages (dated).\n",
        _md_table(tables["pay-by-level"]),
        "\n## How moves are made: staffing rules\n",
        _md_table(tables["staffing-rules"]),
        "\n### Assumptions where the sources are silent\n",
        _md_table(tables["assumptions"]),
        "\n### Moves by kind and basis\n",
        _md_table(tables["moves"]),
        "\n## Official skills\n",
        _md_table(tables["skill-coverage"]),
        "\n## Stream similarity\n",
        "Weighted Jaccard index of the official skills of the streams' responsibilities.\n",
        "![Similarity heat map](similarity-heatmap.png)\n",
        _md_table(tables["stream-similarity"][:15]),
        "\n## Gateways\n",
        "Cost-weighted betweenness and PageRank of positions.\n",
        _md_table(tables["gateways"][:15]),
        "\n## Moves between communities\n",
        _md_table(tables["bridges-between-communities"][:30]),
        "\n## Ceilings\n",
        "Positions below IT-05 whose own stream and path stop there.\n",
        _md_table(tables["ceilings"]),
        "\n## Skill clusters and the official communities\n",
        _md_table(tables["skill-clusters"]),
        "\nEvery table is also in this folder as CSV and JSON.\n",
    ]
    files["reports/mobility.md"] = "\n".join(sections).encode("utf-8")
    return files
