"""``careers path``, ``gap``, ``show``, ``ladders`` and ``mobility``: career mobility on the built graph."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graph.commands.support import EXIT_BAD_INPUT, EXTRA, LANG_OPTION, described, fail, output_language, run
from graph.i18n import listing, named, text
from graph.mobility.costs import format_cost
from graph.mobility.resolve import Nameable, Named
from graph.tables import FORMATS, render

if TYPE_CHECKING:
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel, Move
    from graph.store import OxigraphStore, Store

Command = TypeVar("Command", bound=Callable[..., Any])


def output_options(command: Command) -> Command:
    """Add ``--format table|csv|json`` and ``--data FILE`` to a command that prints rows."""
    command = click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")(
        command
    )
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output for people or scripts."
    )(command)


def _built(data: tuple[Path, ...], lang: str = "en") -> bytes:
    """The built graph's N-Triples (``--data``, ``outputs/``, or a build in memory, with a note in ``lang``)."""
    from graph.build import built_graph

    nt, origin = run(lambda: built_graph(list(data) or None), lang=lang)
    if not data and "memory" in origin:
        click.echo(text(lang, "note_using", origin=described(origin, lang)), err=True)
    return nt


def _analysis(data: tuple[Path, ...], lang: str = "en") -> tuple[Facts, MobilityModel, OxigraphStore]:
    from graph.mobility.analysis import analyse_built

    return analyse_built(_built(data, lang))


def _find(
    nodes: Mapping[str, Nameable], name: str, kinds: Iterable[str] | None = None, facts: Facts | None = None, lang: str = "en"
) -> str:
    """The node ``name`` means (`graph.mobility.resolve.resolve`); old CS levels are read as IT ones (with a note).

    An unknown name is explained when it asks for a role in a stream where the page does not place it.
    """
    from graph.mobility.describe import absent_position_note
    from graph.mobility.resolve import UnknownName, as_id, modern_classification, resolve

    given = as_id(nodes, name, kinds)  # an id is what it says: gcd:level-cs-02 is not read as IT-02
    if given is not None:
        return given
    modern = modern_classification(name)
    try:
        found = resolve(nodes, modern, kinds)
    except UnknownName as exc:
        note = absent_position_note(facts, modern) if facts is not None else ""
        raise UnknownName(exc.name, exc.suggestions, note) from None
    if modern != name:
        click.echo(text(lang, "cli_read_as", name=name, modern=modern), err=True)
    return found


def _resolve(
    nodes: Mapping[str, Named], name: str, kinds: Iterable[str] | None = None, facts: Facts | None = None, lang: str = "en"
) -> str:
    """`_find`, its errors as messages (in French, with French names, when ``lang`` is ``fr``) and exit code 2."""
    from graph.mobility.resolve import AmbiguousName, UnknownName

    if lang != "fr":
        return run(lambda: _find(nodes, name, kinds, facts))
    french = {d.label: (d.also or (d.label,))[0] for d in nodes.values()}  # the French name of each label
    try:
        return _find(nodes, name, kinds, facts, lang)
    except UnknownName as exc:
        closest = " ; ".join(french.get(s, s) for s in exc.suggestions)
        fail(
            text(lang, "cli_unknown_name", name=name) + (text(lang, "cli_closest", names=closest) if closest else ""), EXIT_BAD_INPUT, lang
        )
    except AmbiguousName as exc:
        shown = " ; ".join(french.get(m, m) for m in exc.matches[:8]) + (" ; …" if len(exc.matches) > 8 else "")
        fail(text(lang, "cli_ambiguous_name", name=name, count=len(exc.matches), names=shown), EXIT_BAD_INPUT, lang)
    raise AssertionError("unreachable")


def _french_labels(store: Store) -> dict[str, str]:
    """The French label of each node of the built graph that has one."""
    from graph.viz.data import labels

    return labels(store, "fr")


def _catalogue(facts: Facts, model: MobilityModel, french: dict[str, str] | None = None) -> dict[str, Named]:
    """Every nameable thing: career states (positions, entry routes, EX levels), streams, roles, official skills, levels.

    With ``french`` (`_french_labels`), each also answers to its French label.
    """
    nodes = {n: Named(d.label, d.kind) for n, d in model.nodes.items()}
    for sid, s in facts.streams.items():
        nodes[sid] = Named(s.label, "stream")
    for rid, label in facts.role_labels.items():
        nodes[rid] = Named(label, "role")
    for skill, official in facts.skills.items():
        nodes[skill] = Named(official.label, "skill")
    for level, lvl in facts.levels.items():
        if level not in nodes:  # the EX levels are career states already
            nodes[level] = Named(lvl.label, "level")
    for node, label in (french or {}).items():
        if node in nodes and label != nodes[node].label:
            nodes[node] = replace(nodes[node], also=(label,))
    return nodes


def _echo(text: str) -> None:
    click.echo(text.rstrip("\n"))


def _source(data: tuple[Path, ...]) -> OxigraphStore:
    """An Oxigraph source over the built graph, for `careers graph`, which needs no mobility analysis."""
    from graph.store import OxigraphStore

    return OxigraphStore.from_ntriples(_built(data))


def _write_page(path: Path, html: str, lang: str = "en") -> None:
    from graph.build import write_atomically

    write_atomically(path.parent, {path.name: html.encode("utf-8")})
    click.echo(text(lang, "cli_wrote", path=path), err=True)


def _avoided(facts: Facts, catalogue: dict[str, Named], names: Iterable[str]) -> set[str]:
    """The states to avoid: each name a state, or a stream (all its positions)."""
    avoided = set()
    for name in names:
        node = _resolve(catalogue, name, ("position", "entry", "executive", "stream"))
        avoided |= {p for p, d in facts.positions.items() if d.stream == node} if catalogue[node].kind == "stream" else {node}
    return avoided


def _fill(words: str, first: str = "     ") -> str:
    """A line of `careers path`, wrapped at 110 columns (never inside an id such as gcd:rule-acting-appointment)."""
    return textwrap.fill(words, width=110, initial_indent=first, subsequent_indent="       ", break_on_hyphens=False)


def _print_step(number: int, record: dict[str, Any], lang: str) -> None:
    def say(key: str, **values: object) -> None:
        return _echo(_fill(text(lang, key, **values)))

    none = text(lang, "explorer_none")
    cost = format_cost(record["cost"], lang)
    step = text(
        lang,
        "cli_step",
        kind=record["kind"],
        to=record["to"],
        basis=record["basis"],
        rule=record["rule"],
        rule_id=record["rule id"],
        cost=cost,
    )
    _echo(_fill(step, f"  {number}. "))
    if record["assumptions"]:
        say("cli_assumes", items=", ".join(record["assumptions"]))
    gain, deepen = record["skills to gain"], record["skills to deepen"]
    entry = record["kind"] == text(lang, "move_entry")  # "entry", or "entrée" in French
    say("cli_qualifications" if entry else "cli_gain", count=len(gain), items=listing(gain, lang) or none)
    if deepen:
        say("cli_deepen", count=len(deepen), items=listing(deepen, lang))
    if record["held from earlier steps"]:
        say("cli_earlier", items=listing(record["held from earlier steps"], lang))
    if record["pay"]:
        say("cli_pay", pay=record["pay"])
    if record["pay change"]:
        _echo(_fill(record["pay change"]))
    for quote in record["page says"]:
        say("cli_page_says", quote=quote)


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", default=3, show_default=True, help="How many paths, cheapest first.")
@click.option("--via", multiple=True, help="A position, entry route or EX level the path must pass through; repeatable.")
@click.option("--avoid", multiple=True, help="A position, EX level or whole stream the path must not use; repeatable.")
@click.option("--path", "career_path", type=click.Choice(["management", "individual"]), help="Stay off the other path's positions.")
@click.option("--max-steps", type=int, help="Most moves in a path.")
@click.option("--stated-only", is_flag=True, help="Use only moves the page states (no move that only a staffing rule allows).")
@click.option("--acting", is_flag=True, help="Allow an acting appointment (temporary) as the last move.")
@click.option("--demotion", is_flag=True, help="Allow moves one level down (a voluntary demotion; never recommended, only when asked).")
@click.option(
    "--assumed-levels",
    is_flag=True,
    help="Also pass through positions whose level the page does not state (gcd:assumption-assumed-level-penalty).",
)
@click.option(
    "--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write the career map with the best path highlighted."
)
@LANG_OPTION
@output_options
def path(
    source: str,
    target: str,
    k: int,
    via: tuple[str, ...],
    avoid: tuple[str, ...],
    career_path: str | None,
    max_steps: int | None,
    stated_only: bool,
    acting: bool,
    demotion: bool,
    assumed_levels: bool,
    html_file: Path | None,
    lang: str | None,
    fmt: str,
    data: tuple[Path, ...],
) -> None:
    """The cheapest career paths from SOURCE to TARGET (positions, entry routes, EX levels), each move explained.

    Each move names the staffing rule that allows it, its basis (stated by the page, or allowed by a rule), the
    assumptions it rests on, the official skills to gain, and the pay at its end. Names are forgiving:
    "student", "it-05 director it security", an id, an IRI, or a French name ("IT-02 analyste, Sécurité").
    With --lang fr (or a French LANG) the answer and the --html page are in French.

    Example: careers path student "it-05 director it security" -k 2
    """
    from graph.mobility.explain import path_basis_words, path_records
    from graph.mobility.search import best_paths

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    french_labels = _french_labels(store)
    catalogue = _catalogue(facts, model, french_labels)
    states = ("position", "entry", "executive")
    a, b = _resolve(catalogue, source, states, facts, lang), _resolve(catalogue, target, states, facts, lang)
    through, avoided = [_resolve(catalogue, v, states, facts, lang) for v in via], _avoided(facts, catalogue, avoid)
    paths = run(
        lambda: best_paths(
            model,
            a,
            b,
            k=k,
            via=through,
            avoid=avoided,
            path=career_path,
            max_steps=max_steps,
            stated_only=stated_only,
            acting=acting,
            assumed_levels=assumed_levels,
            demotion=demotion,
        )
    )
    names = french_labels if lang == "fr" else {}
    if html_file is not None:
        from graph.viz.export import path_page

        other = "fr" if lang == "en" else "en"
        other_file = html_file.with_name(f"{html_file.stem}.{other}{html_file.suffix}")  # the same path in the other language
        _write_page(html_file, path_page(facts, model, store, paths[0], lang, other_page=other_file.name), lang)
        _write_page(other_file, path_page(facts, model, store, paths[0], other, other_page=html_file.name), lang)
    records = [path_records(facts, model, p, lang, names) for p in paths]
    if fmt == "table":
        for number, (p, steps) in enumerate(zip(paths, records, strict=True), 1):
            heading = text(
                lang,
                "explorer_moves_one" if len(p.steps) == 1 else "explorer_moves",
                number=number,
                moves=len(p.steps),
                cost=format_cost(p.cost, lang),
            )
            _echo(f"{heading} ({path_basis_words(p.steps, lang)})")
            line = " -> ".join(names.get(n) or model.label(n) for n in p.nodes)
            _echo(textwrap.fill(line, width=110, initial_indent="  ", subsequent_indent="    "))
            for i, record in enumerate(steps, 1):
                _print_step(i, record, lang)
            if number < len(paths):
                click.echo()
        return
    rows = [{"path": number, "step": i, **record} for number, steps in enumerate(records, 1) for i, record in enumerate(steps, 1)]
    if fmt == "json":  # the keys stay English: scripts read them
        _echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if lang == "fr":  # columns named in French; the page's English words marked as quotes

        def marked(key: str, value: Any) -> Any:
            return [f"« {q} »" for q in value] if key == "page says" else value

        rows = [{named(lang, "path_column_", key): marked(key, value) for key, value in row.items()} for row in rows]
    _echo(render(rows, fmt))


@click.command()
@click.argument("source")
@click.argument("target")
@LANG_OPTION
@output_options
def gap(source: str, target: str, lang: str | None, fmt: str, data: tuple[Path, ...]) -> None:
    """The official-skill gap from SOURCE to TARGET (positions or EX levels; SOURCE may be an entry route): to gain, to deepen, kept, left.

    The gap is the target's essential skills, at their required level, that the source position's profile lacks.
    With --lang fr (or a French LANG) the answer is in French.

    Example: careers gap "it-02 analyst database management" "it-02 analyst it security"
    """
    from graph.mobility.gap import gap_summary
    from graph.mobility.profiles import Profile

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    french_labels = _french_labels(store)
    positions = {n: d for n, d in _catalogue(facts, model, french_labels).items() if d.kind in ("position", "executive", "entry")}
    a = _resolve(positions, source, None, facts, lang)
    b = _resolve({n: d for n, d in positions.items() if d.kind != "entry"}, target, None, facts, lang)
    french = lang == "fr"
    names = french_labels if french else {}
    nothing = Profile({}, "an entry route: no position yet")  # from outside, every essential skill is a qualification to show
    levels = facts.skill_level_labels_fr if french else facts.skill_level_labels
    result = gap_summary(model.profiles.get(a, nothing), model.profiles[b], lambda s: facts.skill_label(s, lang), levels, lang)
    direct = [m for m in model.moves_from(a) if m.target == b]

    def rule(m: Move) -> str:
        return (names.get(m.rule) if french else None) or facts.rules[m.rule].label

    def words(m: Move) -> tuple[str, str]:
        return (text(lang, "move_" + m.kind), text(lang, m.basis)) if french else (m.kind, m.basis)

    moves = [text(lang, "gap_move", kind=words(m)[0], basis=words(m)[1], rule=rule(m), cost=format_cost(m.cost, lang)) for m in direct]
    if fmt == "json":
        _echo(json.dumps({"from": a, "to": b, "direct moves": moves, **result}, ensure_ascii=False, indent=1))
        return
    statuses = ("to_gain", "to_deepen", "carry_over", "left_behind")
    rows = [{"skill": c, "status": text(lang, "gap_" + status)} for status in statuses for c in result[status]]
    if french:
        rows = [{named(lang, "gap_column_", key): value for key, value in row.items()} for row in rows]
    if fmt == "table":

        def label(node: str) -> str:
            return names.get(node) or positions[node].label

        counts = {status: len(result[status]) for status in statuses}
        _echo(text(lang, "gap_heading", source=label(a), target=label(b), **counts))
        _echo(text(lang, "gap_direct", moves=listing(moves, lang) if moves else text(lang, "gap_no_direct")))
    _echo(render(rows, fmt))


@click.command()
@click.argument("thing")
@LANG_OPTION
@output_options
def show(thing: str, lang: str | None, fmt: str, data: tuple[Path, ...]) -> None:
    """Everything linked to THING: a position, stream, role, entry route, EX level, level or official skill (in that order).

    With --lang fr (or a French LANG) the answer is in French (JSON keeps its English keys); the source's English words
    are marked « ».

    Example: careers show "IT Security"
    """
    from graph.mobility.describe import describe_node
    from graph.mobility.resolve import AmbiguousName, UnknownName

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    french = _french_labels(store)
    catalogue = _catalogue(facts, model, french)

    own = ("position", "entry", "executive", "stream", "role", "level")
    try:  # the graph's own things first: "IT Security" is a stream before it is an official skill
        node = _find(catalogue, thing, own, facts, lang)
    except UnknownName:
        node = _resolve(catalogue, thing, None, facts, lang)
    except AmbiguousName:
        node = _resolve(catalogue, thing, own, facts, lang)
    info = describe_node(facts, model, node, catalogue[node].kind, lang, french)
    if fmt == "json":
        _echo(json.dumps(info, ensure_ascii=False, indent=1))
        return

    def key(name: str) -> str:
        return named(lang, "show_", name)

    if fmt == "csv":
        section, value = ("section", "valeur") if lang == "fr" else ("section", "value")
        rows = [{section: key(k), value: item} for k, v in info.items() if isinstance(v, list) for item in v]
        _echo(render(rows, "csv"))
        return
    colon = "\u00a0: " if lang == "fr" else ": "
    for name, found in info.items():
        if isinstance(found, list):
            _echo(f"{key(name)} ({len(found)}){colon.rstrip()}")
            for item in found:
                _echo(textwrap.fill(str(item), width=110, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False))
        else:
            _echo(textwrap.fill(f"{key(name)}{colon}{found}", width=110, subsequent_indent="    ", break_on_hyphens=False))


@click.command()
@click.argument("profile")
@click.option("--level", help="The person's level now (IT-03, CS-03, EX-01); without it, every position is an entry from outside.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="How many positions to list.")
@click.option(
    "--within", default=3.0, show_default=True, type=click.FloatRange(min=0), help="The cost the opening skill is counted within."
)
@click.option("--opening", is_flag=True, help="Print only the skill that opens most doors (and which).")
@LANG_OPTION
@output_options
def reach(
    profile: str, level: str | None, top: int, within: float, opening: bool, lang: str | None, fmt: str, data: tuple[Path, ...]
) -> None:
    """Where PROFILE's official skills can take them: the positions one move away, cheapest first, with the gap skill by skill.

    PROFILE is a CSV file (columns skill and level) or a JSON file (a list of {"skill", "level"} or {skill: level}), skills by
    id or English or French name, levels 1-4 or by name (beginner .. lead, débutant .. expert); or a position or a job
    template (its reference) whose skills to take. The move and its cost are those of `careers path`.

    Example: careers reach my-skills.csv --level IT-02 --top 5 --lang fr
    """
    from graph.mobility.pay import pay_line
    from graph.mobility.reach import opening_skill, profile_of, read_person
    from graph.mobility.reach import reach as reachable
    from graph.mobility.resolve import modern_classification

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    start = None
    person: Mapping[str, int | None]
    if Path(profile).is_file():
        person = run(lambda: read_person(facts, Path(profile)), lang=lang)
    else:
        references = {t.reference: tid for tid, t in facts.templates.items()}
        if profile in references:
            person = profile_of(facts, model, references[profile])
        else:
            start = _resolve(_catalogue(facts, model, _french_labels(store)), profile, ("position", "executive"), facts, lang)
            person = profile_of(facts, model, start)
    at = model.nodes[start].level_id if start and not level else None
    if level:
        levels = {d.label: lvl for lvl, d in facts.levels.items()}
        at = levels.get(modern_classification(level.strip()).upper())
        if at is None or facts.levels[at].group not in facts.group_communities:  # a former group (CS): read as IT above
            fail(text(lang, "cli_bad_level", level=level), EXIT_BAD_INPUT, lang)
    french = lang == "fr"
    names = _french_labels(store) if french else {}

    def label(node: str) -> str:
        return names.get(node) or model.label(node)

    def name(skill: str) -> str:
        return facts.skill_label(skill, lang)

    not_given = "niveau non précisé" if french else "level not given"

    def words(n: int | None) -> str | None:
        return (facts.skill_level_labels_fr if french else facts.skill_level_labels).get(n, not_given) if n else None

    if opening:
        best = opening_skill(facts, model, person, level=at, within=within)
        answer: dict[str, Any] = (
            {"skill": name(best.skill), "level": words(best.level), "within": within, "before": best.before, "after": best.after,
             "opens": [label(p) for p in best.positions]}
            if best else {"skill": None, "within": within, "before": None, "after": None, "opens": []}
        )  # fmt: skip
        _echo(
            json.dumps(answer, ensure_ascii=False, indent=1)
            if fmt == "json"
            else render([answer | {"opens": "; ".join(answer["opens"])}], fmt)
        )
        return
    found = reachable(facts, model, person, level=at, start=None if level else start)[:top]  # a --level asks from the skills alone
    rows: list[dict[str, Any]] = [
        {
            "position": label(r.position),
            "id": r.position,
            "kind": text(lang, "move_" + r.kind) if french else r.kind,
            "rule": f"gcd:{r.rule}",
            "cost": r.cost,
            "level stated": model.nodes[r.position].level_stated,
            "gap": [{"skill": name(g.skill), "have": words(g.have), "need": words(g.need)} for g in r.gap],
            "pay": pay_line(facts, r.level, lang),
        }
        for r in found
    ]
    if fmt == "json":
        _echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    none = "aucun" if french else "none"
    table = [
        {
            "position": row["position"],
            "move": row["kind"],
            "cost": format_cost(row["cost"], lang),
            "to gain or deepen": "; ".join(f"{g['skill']} ({g['have'] or none} -> {g['need'] or not_given})" for g in row["gap"]),
        }
        for row in rows
    ]
    if french:  # the same table, its columns named in French
        table = [{named(lang, "reach_column_", key): value for key, value in row.items()} for row in table]
    _echo(render(table, fmt))
    if fmt == "table":
        best = opening_skill(facts, model, person, level=at, within=within)
        if best is not None:
            more, of = best.after - best.before, words(best.level) or ("tout niveau" if french else "any level")
            _echo(
                f"\nla compétence qui ouvre le plus de portes : {name(best.skill)} ({of}) : {more} postes de plus à un coût d'au plus "
                f"{within:g} ({best.before} -> {best.after}), comptés sur les seules compétences"
                if french
                else f"\nthe skill that opens most doors: {name(best.skill)} ({of}): {more} "
                f"more positions within cost {within:g} ({best.before} -> {best.after}), counted on the skills alone"
            )


@click.command()
@LANG_OPTION
@output_options
def ladders(lang: str | None, fmt: str, data: tuple[Path, ...]) -> None:
    """Where each role exists in each IT stream, each stream's entry level, the top of each path, and what they pay.

    With --lang fr (or a French LANG): streams, roles, column names and pay in French.

    Example: careers ladders
    """
    from graph.mobility.ladders import ladder_rows, named_nodes

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    nodes = named_nodes(model.nodes, _french_labels(store)) if lang == "fr" else model.nodes  # streams and roles by their French names
    rows = ladder_rows(facts, nodes, lang)
    if lang == "fr" and fmt != "json":  # the keys stay English in JSON, for scripts
        rows = [{named(lang, "ladders_", key): value for key, value in row.items()} for row in rows]  # a role's column keeps its name
    _echo(render(rows, fmt))


@click.command()
@click.option("--top", default=10, show_default=True, help="Rows per table.")
@LANG_OPTION
@output_options
def mobility(top: int, lang: str | None, fmt: str, data: tuple[Path, ...]) -> None:
    """Stream similarity, gateways (betweenness, PageRank), moves between communities, ceilings and skill clusters.

    With --lang fr (or a French LANG) the tables are in French (JSON keeps its English keys).

    Example: careers mobility --top 5
    """
    from graph.mobility.summary import summarise

    lang = output_language(lang)
    facts, model, store = _analysis(data, lang)
    tables = summarise(facts, model, top=top, lang=lang, names=_french_labels(store) if lang == "fr" else None)
    if fmt == "json":
        _echo(json.dumps(tables, ensure_ascii=False, indent=1))
        return

    def word(key: str) -> str:
        return named(lang, "mobility_", key) if lang == "fr" else key

    for name, rows in tables.items():
        if fmt == "table":
            _echo(f"\n{word(name)}")
        _echo(render([{word(k): v for k, v in row.items()} for row in rows], fmt, lang=lang))


@click.command()
@click.option("--focus", required=True, help="The node at the centre: a position, stream, role, skill, program ...")
@click.option("--radius", default=1, show_default=True, type=click.IntRange(1, 4), help="How many links out from the focus.")
@click.option("--html", "html_file", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The page to write.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True, help="Language of the page.")
@click.option("--data", multiple=True, type=EXTRA, help="Built N-Triples file(s) [default: outputs/knowledge-graph.nt].")
def graph(focus: str, radius: int, html_file: Path, lang: str, data: tuple[Path, ...]) -> None:
    """Write an interactive page of the knowledge graph around FOCUS, within --radius links.

    Example: careers graph --focus "IT Security" --radius 2 --html security.html
    """
    from graph.viz.data import knowledge_graph, labels
    from graph.viz.export import focus_page

    source = _source(data)
    kg = knowledge_graph(source)
    english = labels(source, "en")
    nodes = {n: Named(english.get(n, n), kind) for n, kind in kg.kinds.items()}
    node = _resolve(nodes, focus)
    _write_page(html_file, focus_page(source, node, radius, lang), lang)


COMMANDS = (
    path,
    gap,
    reach,
    show,
    ladders,
    mobility,
    graph,
)
"""The commands this module adds to ``careers``."""
