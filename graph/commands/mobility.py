"""``careers path``, ``gap``, ``show``, ``ladders`` and ``mobility``: career mobility on the built graph."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from graph.cli import EXTRA, main, run
from graph.tables import FORMATS, render


def output_options(command):
    """Add ``--format table|csv|json`` and ``--data FILE`` to a command that prints rows."""
    command = click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")(
        command
    )
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output for people or scripts."
    )(command)


def _analysis(data: tuple[Path, ...]):
    from graph.mobility.analysis import analyse_built

    facts, G, origin, source = run(lambda: analyse_built(list(data) or None))
    if not data and "memory" in origin:
        click.echo(f"note: using {origin}", err=True)
    return facts, G, source


def _resolve(nodes, name: str, kinds=None) -> str:
    from graph.mobility.resolve import resolve

    return run(lambda: resolve(nodes, name, kinds))


def _catalogue(facts, G) -> dict[str, dict]:
    """Every nameable thing: mobility nodes, IT streams, roles, competencies."""
    nodes = dict(G.nodes(data=True))
    for sid, s in facts.streams.items():
        nodes.setdefault(sid, {"label": s["label"], "kind": "stream"})
    for rid, label in facts.role_labels.items():
        nodes[rid] = {"label": label, "kind": "role"}
    for cid, label in facts.competencies.items():
        nodes[cid] = {"label": label, "kind": "competency"}
    return nodes


def _echo(text: str) -> None:
    click.echo(text.rstrip("\n"))


def _source(data: tuple[Path, ...]):
    """An Oxigraph source over the built graph, for `careers graph`, which needs no mobility analysis."""
    from graph.mobility.source import OxigraphSource
    from graph.sparql.source import built_graph

    nt, _ = run(lambda: built_graph(list(data) or None))
    return OxigraphSource.from_ntriples(nt)


def _write_page(path: Path, html: str) -> None:
    from graph.build import write_atomically

    write_atomically(path.parent, {path.name: html.encode("utf-8")})
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", default=3, show_default=True, help="How many paths, cheapest first.")
@click.option("--via", multiple=True, help="A position or stream the path must pass through; repeatable.")
@click.option("--avoid", multiple=True, help="A position or stream the path must not use; repeatable.")
@click.option("--path", "career_path", type=click.Choice(["management", "individual"]), help="Stay off the other path's positions.")
@click.option("--max-steps", type=int, help="Most moves in a path.")
@click.option("--stated-only", is_flag=True, help="Use only moves the source states (no inferred lateral or path changes).")
@click.option(
    "--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write the career map with the best path highlighted."
)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True, help="Language of the --html page.")
@output_options
def path(source, target, k, via, avoid, career_path, max_steps, stated_only, html_file, lang, fmt, data) -> None:
    """The best career paths from SOURCE to TARGET (positions, streams, entry routes, EX levels), each step explained.

    Names are forgiving: "student", "it-05 director it security", an id or an IRI.

    Example: careers path student "it-05 director it security" -k 2
    """
    from graph.mobility.paths import best_paths

    facts, G, rdf_source = _analysis(data)
    nodes = dict(G.nodes(data=True))
    a, b = _resolve(nodes, source), _resolve(nodes, target)
    options = dict(
        k=k,
        via=[_resolve(nodes, v) for v in via],
        avoid=[_resolve(nodes, v) for v in avoid],
        path=career_path,
        max_steps=max_steps,
        stated_only=stated_only,
    )
    paths = run(lambda: best_paths(G, a, b, **options))
    if html_file is not None:
        from graph.viz.export import path_page

        _write_page(html_file, path_page(facts, G, rdf_source, paths[0], lang))
    if fmt == "table":
        for number, p in enumerate(paths, 1):
            _echo(f"Path {number}: cost {p.cost:.2f}, {len(p.steps)} moves, {p.basis}")
            _echo("  " + " -> ".join(G.nodes[n]["label"] for n in p.nodes))
            for i, step in enumerate(p.steps, 1):
                _echo(textwrap.fill(step.explain(G), width=110, initial_indent=f"  {i}. ", subsequent_indent="     "))
            if number < len(paths):
                click.echo()
        return
    rows = [
        {
            "path": number,
            "step": i,
            "from": s.source,
            "to": s.target,
            "kind": s.edge["kind"],
            "basis": s.edge["basis"],
            "cost": s.edge["cost"],
            "score": s.edge.get("score"),
            "explanation": s.explain(G),
        }
        for number, p in enumerate(paths, 1)
        for i, s in enumerate(p.steps, 1)
    ]
    _echo(render(rows, fmt))


@main.command()
@click.argument("source")
@click.argument("target")
@output_options
def gap(source, target, fmt, data) -> None:
    """The skill gap from SOURCE to TARGET (positions or streams): competencies to gain, and those that carry over.

    Example: careers gap "it-02 analyst database management" "data systems operations"
    """
    from graph.mobility.gap import skill_gap

    facts, G, _ = _analysis(data)
    nodes = {n: d for n, d in _catalogue(facts, G).items() if d["kind"] in ("position", "stream")}
    a, b = _resolve(nodes, source), _resolve(nodes, target)
    result = skill_gap(facts, a, b)
    if fmt == "json":
        _echo(json.dumps({"from": a, "to": b, **result}, ensure_ascii=False, indent=1))
        return
    rows = [
        {"competency": c, "status": status.replace("_", " ")} for status in ("to_gain", "carry_over", "left_behind") for c in result[status]
    ]
    if fmt == "table":
        _echo(
            f"{nodes[a]['label']} -> {nodes[b]['label']}: {len(result['to_gain'])} to gain, {len(result['carry_over'])} carry over, "
            f"{len(result['left_behind'])} left behind"
        )
    _echo(render(rows, fmt))


@main.command()
@click.argument("thing")
@output_options
def show(thing, fmt, data) -> None:
    """Everything linked to THING: a position, stream, role, competency, entry route or EX level.

    Example: careers show "IT Security"
    """
    from graph.mobility.describe import describe_node

    facts, G, _ = _analysis(data)
    catalogue = _catalogue(facts, G)
    node = _resolve(catalogue, thing)
    info = describe_node(facts, G, node, catalogue[node]["kind"])
    if fmt == "json":
        _echo(json.dumps(info, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        rows = [{"section": k, "value": item} for k, v in info.items() if isinstance(v, list) for item in v]
        _echo(render(rows, "csv"))
        return
    for key, value in info.items():
        if isinstance(value, list):
            _echo(f"{key} ({len(value)}):")
            for item in value:
                _echo(textwrap.fill(str(item), width=110, initial_indent="  - ", subsequent_indent="    "))
        else:
            _echo(f"{key}: {value}")


@main.command()
@output_options
def ladders(fmt, data) -> None:
    """Where each role exists in each IT stream, each stream's entry level, and the top of each path.

    Example: careers ladders
    """
    from graph.mobility.ladders import entry_levels, ladder_matrix, path_tops

    facts, G, _ = _analysis(data)
    matrix, entry, tops = ladder_matrix(G), entry_levels(G), path_tops(G)
    rows = [
        {
            "stream": s,
            **roles,
            "entry level": entry[s],
            "management top": tops[s]["management"],
            "individual-contributor top": tops[s]["individual contributor"],
        }
        for s, roles in matrix.items()
    ]
    _echo(render(rows, fmt))


@main.command()
@click.option("--top", default=10, show_default=True, help="Rows per table.")
@output_options
def mobility(top, fmt, data) -> None:
    """Stream similarity, gateways (betweenness, PageRank, bridges), dead ends and skill clusters.

    Example: careers mobility --top 5
    """
    from graph.mobility.summary import summarise

    facts, G, _ = _analysis(data)
    tables = summarise(facts, G, top=top)
    if fmt == "json":
        _echo(json.dumps(tables, ensure_ascii=False, indent=1))
        return
    for name, rows in tables.items():
        if fmt == "table":
            _echo(f"\n{name}")
        _echo(render(rows, fmt))


@main.command()
@click.option("--focus", required=True, help="The node at the centre: a position, stream, role, competency, program ...")
@click.option("--radius", default=1, show_default=True, type=click.IntRange(1, 4), help="How many links out from the focus.")
@click.option("--html", "html_file", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The page to write.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True, help="Language of the page.")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def graph(focus, radius, html_file, lang, data) -> None:
    """Write an interactive page of the knowledge graph around FOCUS, within --radius links.

    Example: careers graph --focus "IT Security" --radius 2 --html security.html
    """
    from graph.viz.data import knowledge_graph, labels
    from graph.viz.export import focus_page

    source = _source(data)
    kg = knowledge_graph(source)
    english = labels(source, "en")
    nodes = {n: {"label": english.get(n, n), "kind": kind} for n, kind in kg.kinds.items()}
    node = _resolve(nodes, focus)
    _write_page(html_file, focus_page(source, node, radius, lang))
