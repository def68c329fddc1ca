"""The mobility report: ``reports/mobility.md`` (findings in words, then tables), CSV and JSON per table, PNG charts.

All of it in French too (``mobility.fr.md``, ``*.fr.csv``, ``*.fr.json``, ``*.fr.png``).

Everything is computed from the graph, sorted, and free of timestamps, so the same graph gives the same bytes.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> files = report_files(*analyse(derive(load().g)))
>>> sorted(name for name in files if name.endswith(".png"))
['reports/ladders.fr.png', 'reports/ladders.png', 'reports/similarity-heatmap.fr.png', 'reports/similarity-heatmap.png']
"""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from graph.i18n import LANGUAGES, named, text
from graph.iris import GCDC_IRI
from graph.mobility.costs import format_cost
from graph.mobility.facts import Facts, stream_order
from graph.mobility.ladders import entry_levels, ladder_matrix, ladder_rows, named_nodes, path_tops
from graph.mobility.moves import MobilityModel, Move
from graph.mobility.pay import current_range, pay_change, pay_range, pay_table
from graph.mobility.search import cheapest_path
from graph.mobility.similarity import stream_similarity
from graph.mobility.summary import Measures, measure, summarise
from graph.paths import ontology_dir
from graph.tables import cell, render

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["chart_files", "prepare_charts", "report_files"]


def _md_table(rows: list[dict[str, Any]], lang: str = "en", code: tuple[str, ...] = ()) -> str:
    """``rows`` as a Markdown table, cells in ``lang``'s typography; the ``code`` columns' cells as code (identifiers)."""
    if not rows:
        return text(lang, "report_none") + "\n"
    columns = list(rows[0])

    def shown(row: dict[str, Any], column: str) -> str:
        value = cell(row[column], lang).replace("|", "\\|")
        return f"`{value}`" if column in code and value else value

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(shown(row, c) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


_LINK_WORDS = {"NameMatch": "report_link_name", "KeywordMatch": "report_link_keyword", "CuratedLink": "report_link_editor"}


def _coverage(facts: Facts, model: MobilityModel, lang: str = "en") -> list[dict[str, Any]]:
    """How the positions got their official skills, and how the responsibilities were linked to them."""
    methods = Counter(model.profiles[p].method for p in facts.positions)
    positions, items = text(lang, "report_positions"), text(lang, "report_items")

    def row(what: str, how: str, count: int, of: int) -> dict[str, Any]:
        return {"what": what, "how": how, "count": count, "of": of}

    rows = [
        row(positions, text(lang, "show_method_" + how.replace(" ", "_")), n, len(facts.positions)) for how, n in sorted(methods.items())
    ]
    by_method = Counter(m for found in facts.link_methods.values() for m in found)
    rows += [row(items, text(lang, word), by_method[m], facts.item_count) for m, word in sorted(_LINK_WORDS.items()) if m in by_method]
    only_curated = sum(found == {"CuratedLink"} for found in facts.link_methods.values())
    rows.append(row(items, text(lang, "report_link_editor_only"), only_curated, facts.item_count))
    rows.append(row(items, text(lang, "report_link_any"), len(facts.link_methods), facts.item_count))
    return rows


def _tables(
    facts: Facts, model: MobilityModel, lang: str = "en", names: dict[str, str] | None = None, measures: Measures | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The report's tables, their values in ``lang`` (things named by ``names``, the graph's labels in it); English keys.

    ``measures`` (`graph.mobility.summary.measure`) are computed once for both languages.
    """
    G = model.graph()
    french, names = lang == "fr", names or {}

    def kind(word: str) -> str:
        return text(lang, "move_" + word) if french else word

    def name(node: str, english: str) -> str:
        return names.get(node, english) if french else english

    tables = {
        "ladders": ladder_rows(facts, named_nodes(model.nodes, names) if french else model.nodes, lang),
        "pay-by-level": pay_table(facts, lang),
        "skill-coverage": _coverage(facts, model, lang),
        "staffing-rules": [
            {
                "rule": name(rule, r.label),
                "kind of move": name(GCDC_IRI + r.kind, r.kind),  # the ontology's kind of move (gcdc:Deployment)
                "condition": (r.condition_fr if french else "") or r.condition,
                "quotes": len(r.quotes),
            }
            for rule, r in sorted(facts.rules.items())
        ],
        "assumptions": [
            {"assumption": name(a_id, a.label), "parameter": a.parameter, "value": a.value, "note": facts.assumption_note(a_id, lang=lang)}
            for a_id, a in sorted(facts.assumptions.items())
        ],
        "moves": [
            {"kind": kind(k), "basis": text(lang, b) if french else b, "moves": n}
            for (k, b), n in sorted(Counter((d["kind"], d["basis"]) for *_, d in G.edges(data=True)).items())
        ],
    }
    summary = summarise(facts, model, top=1000, lang=lang, names=names if french else None, measures=measures)
    tables.update({title.replace(" ", "-"): rows for title, rows in summary.items()})
    return tables


def _path_words(model: MobilityModel, source: str, target: str, lang: str = "en", names: dict[str, str] | None = None) -> str | None:
    if source not in model.nodes or target not in model.nodes:
        return None
    path = cheapest_path(model, source, target)
    if path is None:
        return None
    french, names = lang == "fr", names or {}

    def label(node: str) -> str:
        return (names.get(node) if french else None) or model.label(node)

    def kind(step: Move) -> str:
        return text(lang, "move_" + step.kind) if french else step.kind

    steps = " → ".join([label(path.nodes[0])] + [f"({kind(s)}) {label(s.target)}" for s in path.steps])
    return text(lang, "report_path_words", steps=steps, moves=len(path.steps), cost=format_cost(path.cost, lang))


def _examples(lang: str = "en") -> list[tuple[str, str, str]]:
    """The example questions of ``ontology/report-examples.toml``: ``(from, to, title)``, the title in ``lang``."""
    import tomllib

    with (ontology_dir() / "report-examples.toml").open("rb") as handle:
        examples = tomllib.load(handle).get("example", [])
    key = "title" if lang == "en" else f"title_{lang}"
    return [(str(e["from"]), str(e["to"]), str(e.get(key) or e["title"])) for e in examples]


def _findings(
    facts: Facts, model: MobilityModel, tables: dict[str, list[dict[str, Any]]], lang: str = "en", names: dict[str, str] | None = None
) -> list[str]:
    french, names = lang == "fr", names or {}
    nodes = named_nodes(model.nodes, names) if french else model.nodes

    def say(key: str, **values: object) -> str:
        return text(lang, "report_" + key, **values)

    def streams(items: list[str]) -> str:
        return ", ".join(items)

    entry = entry_levels(nodes)
    at_one = [s for s, lvl in entry.items() if lvl == "IT-01"]
    paths = facts.path_names()
    path_keys = [*paths.values(), "", ""]  # the management path, then the individual-contributor path
    tops = path_tops(nodes, paths)
    ic_stop: dict[str | None, list[str]] = {}
    for s, t in tops.items():
        ic_stop.setdefault(t.get(path_keys[1]), []).append(s)
    mgmt_short = [s for s, t in tops.items() if (top := t.get(path_keys[0])) and not top.startswith("IT-05")]
    unstated = sorted(
        {
            (facts.streams[p.stream].fr if french else "") or facts.streams[p.stream].label
            for p in facts.positions.values()
            if not p.level_stated
        }
    )
    methods = Counter(model.profiles[p].method for p in facts.positions)
    stops = sorted(ic_stop.items(), key=lambda x: (-len(x[1]), x[0] or ""))
    findings = [
        say("entry", count=len(at_one), total=len(entry), streams=streams(at_one), rest=len(entry) - len(at_one)),
        say("individual", stops=say("and").join(say("stop", top=top or say("no_individual"), streams=streams(ss)) for top, ss in stops)),
        say("management", count=len(tops) - len(mgmt_short), streams=streams(mgmt_short)),
    ]
    if unstated:
        findings.append(say("unstated", streams=streams(unstated), assumption=model.assumption["unstated levels"]))
    for source, target, title in _examples(lang):
        words = _path_words(model, source, target, lang, names)
        if words:
            findings.append(f"**{title}{text(lang, 'colon').rstrip()}** {words}.")
    findings.append(
        say(
            "skills_finding",
            templates=methods.get("official job template", 0),
            total=len(facts.positions),
            rest=methods.get("responsibilities", 0),
        )
    )
    # the level from which the executive ranks are entered, and the first executive level
    below = sorted(
        {p.level for p in facts.positions.values() if p.rank == model.executive_entry_rank and p.group not in facts.executive_groups}
    )
    first = min(facts.executive_levels, key=lambda lvl: facts.levels[lvl].rank, default=None)
    it5, ex1 = (current_range(facts, below[0]), current_range(facts, first)) if below and first else (None, None)
    if it5 and ex1 and below and first:
        top, executive = facts.level_label(below[0]), facts.level_label(first)
        demotion = pay_change(facts, below[0], first, lang)
        findings.append(
            say(
                "pay_finding",
                top=top,
                top_pay=pay_range(facts, below[0], lang),
                executive=executive,
                executive_pay=pay_range(facts, first, lang),
                start=say("above_minimum" if ex1.minimum > it5.minimum else "below_minimum"),
                end=say("above_maximum" if ex1.maximum > it5.maximum else "below_maximum"),
            )
            + (f" {demotion}" if demotion else "")
        )
    cutting = [c for c in tables["skill-clusters"] if c["cuts across official communities"]]
    findings.append(say("clusters", streams=len(facts.streams), clusters=len(tables["skill-clusters"]), cutting=len(cutting)))
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
    """The PNG charts of the report, in English and in French (``*.fr.png``): ``{relative path: bytes}``.

    The slow part of the report: the build draws them in parallel.
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure  # the object API: no pyplot, no GUI backend, no global state

    sims = stream_similarity(facts, stream_order(facts)[:CHART_STREAMS])  # once for both languages
    with rc_context({"font.size": 8}):
        return {name: png for lang in LANGUAGES for name, png in _draw_charts(facts, model, Figure, lang, sims).items()}


CHART_STREAMS = 40
"""The most streams a chart draws (the first in the source's order): beyond, a chart is unreadable and slow to draw."""


def _draw_charts(
    facts: Facts,
    model: MobilityModel,
    Figure: type[Figure],  # noqa: N803 (a class)
    lang: str,
    sims: dict[tuple[str, str], float],
) -> dict[str, bytes]:
    """The two charts in ``lang``; ``sims``: the similarity of the first `CHART_STREAMS` streams."""
    french = lang == "fr"

    def say(key: str, **values: object) -> str:
        return text(lang, "chart_" + key, **values)

    every = stream_order(facts)
    order = every[:CHART_STREAMS]
    shown = "" if len(every) == len(order) else say("first_streams", shown=len(order), total=len(every))
    matrix = [[1.0 if a == b else sims.get((a, b), sims.get((b, a), 0.0)) for b in order] for a in order]
    fig = Figure(figsize=(8, 7), dpi=110, layout="constrained")
    ax = fig.subplots()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=0.3)
    labels = [(facts.streams[s].fr if french else "") or facts.streams[s].label for s in order]
    ax.set_xticks(range(len(order)), labels, rotation=60, ha="right")
    ax.set_yticks(range(len(order)), labels)
    for i, row in enumerate(matrix if len(order) <= 20 else []):  # symmetric: values above the diagonal, while they fit
        for j, value in enumerate(row):
            if j > i:
                number = f"{value:.2f}".replace(".", ",") if french else f"{value:.2f}"
                ax.text(j, i, number, ha="center", va="center", fontsize=6, color="white" if value > 0.18 else "black")
    ax.set_title(say("similarity", shown=shown))
    fig.colorbar(image, ax=ax, shrink=0.7)
    heatmap = _png(fig)

    nodes = named_nodes(model.nodes, {s: d.fr for s, d in facts.streams.items() if d.fr}) if french else model.nodes
    matrix_roles = ladder_matrix(nodes)
    streams = list(matrix_roles)[:CHART_STREAMS]
    fig = Figure(figsize=(9, 4.5), dpi=110, layout="constrained")
    ax = fig.subplots()
    order = facts.path_order()  # the first path (management) left of a stream's tick, the second right
    colours: dict[str | None, str] = {**dict(zip(order, ("#26374a", "#2b8a3e"), strict=False)), None: "#7a7a7a"}
    offsets = dict(zip(order, (-0.18, 0.18), strict=False))
    for path, colour in colours.items():  # one scatter per path: one artist each, not one per position
        points = [
            (streams.index(d.stream_label) + offsets.get(path or "", 0), d.rank)
            for _, d in sorted(nodes.items())
            if d.kind == "position" and d.level_stated and d.path == path and d.stream_label in streams
        ]
        if points:
            ax.scatter([x for x, _ in points], [y for _, y in points], s=160, color=colour, zorder=3)
    ax.set_xticks(range(len(streams)), [s if french else s.removeprefix("IT ") for s in streams], rotation=30, ha="right")
    ax.set_yticks(range(1, 6), [f"IT-0{i}" for i in range(1, 6)])
    ax.set_ylim(0.5, 5.5)
    ax.grid(axis="y", alpha=0.3)
    for label, colour in (
        *(((facts.paths[p].fr if french else "") or facts.paths[p].label, colours[p]) for p in order[:2]),
        (say("before_split"), colours[None]),
    ):
        ax.scatter([], [], color=colour, label=label)
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    more = "" if len(matrix_roles) == len(streams) else say("first_streams", shown=len(streams), total=len(matrix_roles))
    ax.set_title(say("ladders", more=more))
    ladders = _png(fig)
    suffix = "" if lang == "en" else f".{lang}"
    return {f"reports/similarity-heatmap{suffix}.png": heatmap, f"reports/ladders{suffix}.png": ladders}


def _markdown(facts: Facts, model: MobilityModel, tables: dict[str, list[dict[str, Any]]], lang: str, names: dict[str, str]) -> str:
    """``reports/mobility.md`` (or ``mobility.fr.md``): the findings in words, then the tables, in ``lang``."""

    def say(key: str, **values: object) -> str:
        return text(lang, "report_" + key, **values)

    def table(rows: list[dict[str, Any]]) -> str:
        code = tuple(_column(lang, k) for k in ("parameter", "value"))  # an assumption's setting and its value: identifiers
        return _md_table([{_column(lang, k): v for k, v in row.items()} for row in rows] if lang != "en" else rows, lang, code)

    bases = Counter(d["basis"] for *_, d in model.graph().edges(data=True))
    total, stated = sum(bases.values()), bases["stated"]
    sections = [
        say("title") + "\n",
        say(
            "intro",
            positions=len(facts.positions),
            streams=len(facts.streams),
            routes=len(facts.routes),
            executives=len(facts.executive_levels),
            moves=total,
            stated=stated,
            ruled=total - stated,
        )
        + "\n",
        say("findings") + "\n",
        "\n".join(f"- {f}" for f in _findings(facts, model, tables, lang, names)) + "\n",
        say("ladders") + "\n",
        say("ladders_chart") + "\n",
        say("ladders_intro") + "\n",
        table(tables["ladders"]),
        "\n" + say("pay") + "\n",
        say("pay_intro") + "\n",
        table(tables["pay-by-level"]),
        "\n" + say("rules") + "\n",
        table(tables["staffing-rules"]),
        "\n" + say("assumptions") + "\n",
        table(tables["assumptions"]),
        "\n" + say("moves") + "\n",
        table(tables["moves"]),
        "\n" + say("skills") + "\n",
        table(tables["skill-coverage"]),
        "\n" + say("similarity") + "\n",
        say("similarity_intro") + "\n",
        say("similarity_chart") + "\n",
        table(tables["stream-similarity"][:15]),
        "\n" + say("gateways") + "\n",
        say("gateways_intro") + "\n",
        table(tables["gateways"][:15]),
        "\n" + say("bridges") + "\n",
        table(tables["bridges-between-communities"][:30]),
        "\n" + say("ceilings") + "\n",
        say("ceilings_intro") + "\n",
        table(tables["ceilings"]),
        "\n" + say("clusters_heading") + "\n",
        table(tables["skill-clusters"]),
        "\n" + say("files") + "\n",
    ]
    return "\n".join(sections)


def _column(lang: str, key: str) -> str:
    """A report column's name in ``lang`` (a role's column keeps its name)."""
    for prefix in ("report_column_", "ladders_", "mobility_"):
        found = named(lang, prefix, key)
        if found != key:
            return found
    return key


def report_files(facts: Facts, model: MobilityModel, *, charts: bool = True, names: dict[str, str] | None = None) -> dict[str, bytes]:
    """Every file of ``outputs/reports/``: ``{relative path: bytes}`` (without the PNGs when ``charts`` is false).

    Each table and the report in English, and in French (``*.fr.csv``, ``*.fr.json``, ``mobility.fr.md``): its values
    in French, things named by ``names`` (the graph's French labels), French column names in CSV (JSON keeps its keys).
    """
    files: dict[str, bytes] = {}
    measures = measure(facts, model)
    for lang in LANGUAGES:
        french = names or {} if lang == "fr" else {}
        tables = _tables(facts, model, lang, french, measures)
        suffix = "" if lang == "en" else f".{lang}"
        for name, rows in tables.items():
            shown = [{_column(lang, k): v for k, v in row.items()} for row in rows] if lang != "en" else rows
            files[f"reports/{name}{suffix}.csv"] = render(shown, "csv", lang=lang).encode("utf-8")
            files[f"reports/{name}{suffix}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        files[f"reports/mobility{suffix}.md"] = _markdown(facts, model, tables, lang, french).encode("utf-8")
    if charts:
        files.update(chart_files(facts, model))
    return files
