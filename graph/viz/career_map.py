"""The career map: positions by stream and level, entry routes below, executive levels above, and the moves between them.

Each move is drawn by kind (`graph.viz.style.EDGE_STYLES`) and carries its rule, basis, assumptions and skill gap.

Examples
--------
>>> edge_style({"kind": "promotion", "same_track": False}), edge_style({"kind": "deployment"})
('promotion elsewhere', 'deployment')
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from graph.i18n import text
from graph.mobility.facts import Facts, Position, stream_order
from graph.mobility.moves import MobilityModel, State, edge_data
from graph.mobility.pay import pay_line
from graph.viz.aggregate_map import DETAIL_LIMIT, aggregate_map
from graph.viz.data import KnowledgeGraph
from graph.viz.page import View
from graph.viz.style import (
    EDGE_STYLES,
    ENTRY_COLOUR,
    OPTIONS,
    community_colours,
    community_names,
    edge_info,
    extra_colour,
    label_of,
    mark_english,
    network,
    position_label,
    stream_communities,
    stream_names,
)

if TYPE_CHECKING:
    from graph.mobility.search import CareerPath

__all__ = ["FONT", "SHOWN_MOVES", "career_map", "edge_style", "map_legend", "map_moves"]

SHOWN_MOVES = {"promotion", "executive appointment"}
"""The moves the map shows at first: up one's own ladder, and into the executive group. The others (across lanes) show
for a selected position, or when switched on."""


def edge_style(move: dict[str, Any]) -> str:
    """The `EDGE_STYLES` key of a move (an edge's data in `MobilityModel.graph`)."""
    kind: str = move["kind"]
    return "promotion elsewhere" if kind == "promotion" and not move.get("same_track") else kind


FONT = 15
"""Font size of every label on the map (canvas units): with the page's fit at 1280 x 800, at least 11 CSS pixels."""
_ROW, _LANE_GAP, _HEAD_WIDTH, _ROUTE_WIDTH = 34, 14, 290, 170


def _text_width(text: str, size: int = FONT) -> float:
    """A generous estimate of a label's width in canvas units (DejaVu Sans, Chromium's sans-serif on Debian, is wide)."""
    return len(text) * size * 0.6


def _lines(text: str, width: float) -> int:
    return max(1, -(-int(_text_width(text)) // int(width)))


def _career_coordinates(
    facts: Facts, nodes: dict[str, State], short: dict[str, str], headings: dict[str, str], to_executives: set[str]
) -> dict[str, tuple[int, int]]:
    """Streams as horizontal lanes (grouped by community, headings on the left), levels as columns left to right.

    Entry routes stand in a column before IT-01 and executive levels in one after IT-05 (the private-sector
    route beside them, whose moves go there); a route's long name wraps. Within a lane of two career paths,
    the management path runs above the individual-contributor path. Columns are as wide as their longest
    label. Returns the coordinates of each node, of each lane's heading and of each column's heading.
    """
    ranks = sorted({p.rank for p in facts.positions.values()})
    routes = sorted((n for n, d in nodes.items() if d.kind == "entry" and n not in to_executives), key=lambda n: facts.routes[n].order)
    executives = sorted((n for n, d in nodes.items() if d.kind == "executive"), key=lambda n: -(nodes[n].rank or 0))
    widths: dict[str | int, float] = {"entry": min(_ROUTE_WIDTH, max((_text_width(short[n]) for n in routes), default=0))}
    for r in ranks:
        widths[r] = max(_text_width(short[n]) for n, p in facts.positions.items() if p.rank == r)
    widths["executive"] = min(_ROUTE_WIDTH, max((_text_width(short[n]) for n in (*executives, *to_executives)), default=0))
    x, column = float(_HEAD_WIDTH + 20), {}
    keys: list[str | int] = ["entry", *ranks, "executive"]
    for key in keys:
        column[key] = x + widths[key] / 2
        x += widths[key] + 36
    coords: dict[str, tuple[int, int]] = {}
    order = facts.path_order()
    by_stream: dict[str, dict[str, Position]] = defaultdict(dict)
    for n, p in facts.positions.items():
        by_stream[p.stream][n] = p
    y = 0.0
    for stream in stream_order(facts):
        placed = by_stream[stream]
        two = len(order) >= 2 and {p.path for p in placed.values()} >= set(order[:2])
        height = max(2 if two else 1, _lines(headings[stream], _HEAD_WIDTH)) * _ROW
        middle = y + height / 2
        rows = {order[0]: middle - _ROW / 2, order[1]: middle + _ROW / 2} if two else {}  # the first path above
        for n, p in placed.items():
            coords[n] = (round(column[p.rank]), round(rows.get(p.path or "", middle)))
        coords[f"lane-{stream}"] = (_HEAD_WIDTH // 2, round(middle))
        y += height + _LANE_GAP
    for key, members in (("entry", routes), ("executive", [*executives, *sorted(to_executives)])):
        for i, n in enumerate(members):
            coords[n] = (round(column[key]), round(y * (i + 0.5) / len(members)))
    for key in column:
        coords[f"column-{key}"] = (round(column[key]), -_ROW)
    return coords


def map_moves(model: MobilityModel, highlight: CareerPath | None = None) -> list[dict[str, Any]]:
    """The moves the career map draws.

    The explicit moves (except those of a route that enters at any level, mid-career: one into every position), each position's cheapest
    deployment and promotion elsewhere (``graph(k=1)``), and every step of ``highlight``.
    """
    G = model.graph(k=1)
    everywhere = {r for r, route in model.facts.routes.items() if model.assumption["mid-career"] in route.assumes}
    moves = {(u, v, d["kind"]): {"from": u, "to": v, **d} for u, v, d in G.edges(data=True) if u not in everywhere}
    for step in highlight.steps if highlight else ():
        moves[step.key] = {"from": step.source, "to": step.target, **edge_data(step)}
    return [moves[key] for key in sorted(moves)]


def _position_info(facts: Facts, model: MobilityModel, node: str, lang: str) -> tuple[dict[str, Any], bool]:
    """A position's details, and whether their definition is in ``lang``.

    A position whose level the page does not state is defined by the assumption's note, which may be in French too.
    """
    p, prof = facts.positions[node], model.profiles[node]
    items = facts.stream_items.get(p.stream, []) + facts.role_items.get(p.role or "", [])
    info: dict[str, Any] = {
        "responsibilities": [i.label for i in items],
        "skills": sorted(facts.skill_label(s, lang) for s in prof.essential),
        "pay": pay_line(facts, p.level, lang),
    }
    if not p.level_stated:
        unstated = model.assumption["unstated levels"]
        info["definition"] = facts.assumption_note(unstated, lang=lang)
        return info, lang == "en" or bool(facts.assumptions.get(unstated) and facts.assumptions[unstated].note_fr)
    return info, False


def _move_info(facts: Facts, move: dict[str, Any], labels: dict[str, str], english: dict[str, str], lang: str) -> dict[str, Any]:
    rule = facts.rules.get(move["rule"])
    evidence = move.get("evidence_fr") if lang == "fr" else None
    info = edge_info(
        label_of(labels, english, move["from"]),
        label_of(labels, english, move["to"]),
        text(lang, edge_style(move)),
        basis=move["basis"],
        evidence=evidence or move.get("evidence", ""),
        quotes=move.get("quotes", []),
        rule=label_of(labels, {move["rule"]: facts.rule_label(move["rule"])}, move["rule"]),
        rule_quotes=list(rule.quotes[:1]) if rule else [],
        assumptions=[label_of(labels, {a: facts.assumption_label(a)}, a) for a in move["assumptions"]],
        gap=[facts.skill_label(s, lang) for s in move["gap"]],
        cost=move["cost"],
    )
    untranslated = [f for f, node in (("from", move["from"]), ("to", move["to"]), ("rule", move["rule"])) if node not in labels]
    untranslated += ["assumptions"] if any(a not in labels for a in move["assumptions"]) else []
    return mark_english(info, lang, *untranslated, *([] if evidence else ["evidence"]))


def career_map(
    facts: Facts,
    model: MobilityModel,
    lang: str,
    labels: dict[str, str],
    *,
    highlight: CareerPath | None = None,
    title: str | None = None,
    kg: KnowledgeGraph | None = None,
) -> View:
    """The career map; ``highlight`` (a `graph.mobility.search.CareerPath`) draws one path over a faded map.

    ``kg`` supplies each node's definition and the source's sentences for the details panel. With more than
    `graph.viz.aggregate_map.DETAIL_LIMIT` positions, the map shows communities and levels instead (a path is
    always drawn in full).
    """
    if highlight is None and len(facts.positions) > DETAIL_LIMIT:
        moves = [(m["from"], m["to"], edge_style(m)) for m in map_moves(model)]
        view = aggregate_map(facts, model, lang, labels, moves, SHOWN_MOVES, map_legend(facts, lang, labels))
        view.title = title or view.title
        return view
    kg = kg or KnowledgeGraph()
    nodes = model.nodes
    english = {n: d.label for n, d in nodes.items()}
    short = {n: position_label(d, labels) if d.kind == "position" else label_of(labels, english, n) for n, d in nodes.items()}
    headings = stream_names(facts, labels)
    to_executives = {
        n for n, d in nodes.items() if d.kind == "entry" and all(nodes[m.target].kind == "executive" for m in model.moves_from(n))
    }
    coords = _career_coordinates(facts, nodes, short, headings, to_executives)
    communities, colours = community_names(facts, labels), community_colours(facts)
    on_path = set(highlight.nodes) if highlight else set()
    path_moves = {s.key for s in highlight.steps} if highlight else set()
    net = network()
    details = {}
    font = {"size": FONT, "color": "#1b1b1b"}
    for node in sorted(nodes):
        d = nodes[node]
        x, y = coords[node]
        colour = "#dee2e6" if highlight and node not in on_path else colours.get(d.community) or extra_colour(d.community)
        hollow = d.kind == "position" and not d.level_stated
        label = label_of(labels, english, node)
        net.add_node(
            node,
            label=short[node],
            searchText=label,
            x=x,
            y=y,
            color={"background": "#ffffff", "border": colour} if hollow else {"background": colour, "border": colour},
            borderWidth=3 if hollow else 1,
            shape="box",
            margin=4,
            **({"widthConstraint": {"maximum": _ROUTE_WIDTH}} if d.kind == "entry" else {}),
            filterValue=d.community or "entry",
            font={**font, "color": "#1b1b1b" if hollow else "#ffffff"}
            if not highlight or node in on_path
            else {**font, "color": "#495057"},
        )
        definition = kg.definitions.get(node) or (kg.definitions.get(d.role or "", "") if d.kind == "position" else "")
        info = {
            "label": label,
            "kind": text(lang, "unstated position" if hollow else "entry route" if d.kind == "entry" else d.kind),
            "group": communities.get(d.community, ""),
            "definition": definition,
            "quotes": kg.quotes.get(node, [])[:4],
        }
        translated = False  # whether the definition is in the page's language
        if d.kind == "position":
            position, translated = _position_info(facts, model, node, lang)
            info.update(position)
        elif d.kind == "executive":
            info["pay"] = pay_line(facts, node, lang)
        details[node] = mark_english(
            info, lang, *([] if translated else ["definition"]), "responsibilities", *(["label"] if node not in labels else [])
        )
    for stream, data in sorted(facts.streams.items()):  # each lane's heading, on its left
        lane = f"lane-{stream}"
        x, y = coords[lane]
        net.add_node(
            lane,
            label=headings[stream],
            searchText=headings[stream],  # the page's language: the search, its suggestions and the text version show it
            x=x,
            y=y,
            shape="text",
            filterValue=data.community,
            font={**font, "color": colours[data.community], "align": "left"},
            widthConstraint={"maximum": _HEAD_WIDTH},
        )
        details[lane] = mark_english(
            {
                "label": headings[stream],
                "kind": text(lang, "stream"),
                "group": communities[data.community],
                "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
            },
            lang,
            "responsibilities",
            *(["label"] if stream not in labels else []),
        )
    levels = {d.rank: d.level for d in nodes.values() if d.kind == "position"}
    for column, (x, y) in ((n[len("column-") :], xy) for n, xy in coords.items() if n.startswith("column-")):
        name = (
            text(lang, "entry_routes")
            if column == "entry"
            else text(lang, "executive_levels")
            if column == "executive"
            else levels[int(column)]
        )
        net.add_node(f"column-{column}", label=name, x=x, y=y, shape="text", filterValue="heading", font={**font, "color": "#495057"})
    edge_details = {}
    for move in map_moves(model, highlight):
        u, v = move["from"], move["to"]
        colour, dashes = EDGE_STYLES[edge_style(move)]
        width = 3 if move["basis"] == "stated" else 0.6 if move["kind"] == "entry" else 1.5
        edge_id = f"{u}|{v}|{move['kind']}"
        if highlight:
            colour, width = ("#e03131", 5) if (u, v, move["kind"]) in path_moves else ("#e9ecef", width)
        net.add_edge(
            u, v, id=edge_id, color=colour, dashes=dashes, width=width, kind=edge_style(move), always=(u, v, move["kind"]) in path_moves
        )
        edge_details[edge_id] = _move_info(facts, move, labels, english, lang)
    filters = [(c, communities[c], True) for c in (*stream_communities(facts), *facts.executive_communities)]
    filters.append(("entry", text(lang, "entry_routes"), True))
    shown = set() if highlight else SHOWN_MOVES  # a path page: only the path's moves, the others on demand
    edge_filters = [(key, text(lang, key), key in shown) for key in EDGE_STYLES]
    default_title = text(lang, "career_map_title")
    description = text(lang, "career_map_description")
    return View(
        "career-map",
        lang,
        title or default_title,
        description,
        net,
        details,
        edge_details,
        filters,
        map_legend(facts, lang, labels),
        OPTIONS,
        edge_filters=edge_filters,
    )


def map_legend(facts: Facts, lang: str, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """The career map's legend (the pages' index shows it too): communities, then how each kind of move is drawn."""
    communities, colours = community_names(facts, labels), community_colours(facts)
    legend = [("dot", colours[c], communities[c]) for c in (*stream_communities(facts), *facts.executive_communities)]
    legend.append(("dot", ENTRY_COLOUR, text(lang, "entry route")))
    unstated = sorted({p.community for p in facts.positions.values() if not p.level_stated}, key=list(colours).index)
    if unstated:  # drawn hollow in their community's colour: the legend's ring in the first such community's
        legend.append(("ring", colours[unstated[0]], text(lang, "unstated position")))
    legend += [
        ("dash:" + " ".join(str(d) for d in dashes) if isinstance(dashes, list) else "solid", colour, text(lang, key))
        for key, (colour, dashes) in EDGE_STYLES.items()
    ]
    return legend
