"""The career map of a large graph: one box per community and level, with the moves between them counted.

Drawn instead of the position-by-position map when the positions are more than `DETAIL_LIMIT`: the page stays
small and quick to open whatever the data (every page of a build with 3,500 extra positions under 5 MB). The
detail comes on demand: the page draws one chosen stream's positions and their moves below the boxes (a move
that leaves the stream ends at its target's box); the explorer answers paths between positions;
``careers graph --focus STREAM --html`` draws a stream's neighbourhood, ``careers path A B --html`` a path.

Examples
--------
>>> cell_id("community-it", 3)
'cell-community-it-3'
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from graph.i18n import text
from graph.mobility.facts import Facts, stream_order
from graph.mobility.moves import MobilityModel, State
from graph.viz.page import View
from graph.viz.style import (
    EDGE_STYLES,
    OPTIONS,
    community_colours,
    community_names,
    edge_info,
    extra_colour,
    label_of,
    network,
    position_label,
    stream_names,
)

__all__ = ["DETAIL_LIMIT", "aggregate_map", "cell_id"]

DETAIL_LIMIT = 400
"""Above this many positions, the career map shows communities and levels, not positions."""
_FONT, _ROW, _COLUMN = 15, 60, 190


def cell_id(community: str, rank: int) -> str:
    """The id of the box of ``community``'s positions at level ``rank``."""
    return f"cell-{community}-{rank}"


def aggregate_map(
    facts: Facts,
    model: MobilityModel,
    lang: str,
    labels: dict[str, str],
    moves: list[tuple[str, str, str]],
    shown: set[str],
    legend: list[tuple[str, str, str]],
) -> View:
    """The map of ``moves`` (from, to, how the detailed map draws it) by community and level.

    ``shown``: the kinds of move drawn at first; ``legend``: the detailed map's.
    """
    nodes = model.nodes
    english = {n: d.label for n, d in nodes.items()}
    communities, colours = community_names(facts, labels), community_colours(facts)
    names = stream_names(facts, labels)
    streams: dict[str, list[str]] = defaultdict(list)  # each community's streams' names, communities in the source's order
    for s in stream_order(facts):
        streams[facts.streams[s].community].append(names[s])
    order = list(streams)
    members: Counter[Any] = Counter()
    level_names: dict[int, str] = {}
    for p in facts.positions.values():
        members[cell_id(p.community, p.rank)] += 1
        level_names[p.rank] = p.level_label
    ranks = sorted(level_names)
    net, details = network(), dict[str, dict[str, Any]]()
    font = {"size": _FONT, "color": "#1b1b1b"}
    for row, community in enumerate(order):
        y = row * _ROW
        name = communities.get(community, community)
        net.add_node(
            f"lane-{community}", label=name, x=0, y=y, shape="text", font=font, filterValue=community, widthConstraint={"maximum": 260}
        )
        details[f"lane-{community}"] = {"label": name, "kind": text(lang, "community"), "responsibilities": streams[community]}
        for column, rank in enumerate(ranks, start=2):
            cell = cell_id(community, rank)
            if not members[cell]:
                continue
            net.add_node(
                cell,
                label=text(lang, "positions_count", count=members[cell]),
                x=column * _COLUMN,
                y=y,
                shape="box",
                color=colours.get(community) or extra_colour(community),
                font={**font, "color": "#ffffff"},
                filterValue=community,
            )
            details[cell] = {
                "label": f"{name}, {level_names[rank]}",
                "kind": text(lang, "positions_count", count=members[cell]),
                "definition": text(lang, "aggregate_hint"),
                "responsibilities": streams[community],
            }
    height = max(1, len(order) - 1) * _ROW
    for key, column in (("entry", 1), ("executive", len(ranks) + 2)):
        group = sorted((n for n, d in nodes.items() if d.kind == key), key=lambda n: nodes[n].rank or 0, reverse=key == "executive")
        for i, node in enumerate(group):
            y = round(height * (i + 0.5) / len(group))
            colour = colours.get(nodes[node].community) or extra_colour(nodes[node].community)
            label = label_of(labels, english, node)
            group_filter = nodes[node].community or "entry"
            net.add_node(
                node,
                label=label,
                x=column * _COLUMN,
                y=y,
                shape="box",
                color=colour,
                font={**font, "color": "#ffffff"},
                filterValue=group_filter,
            )
            details[node] = {"label": label, "kind": text(lang, "entry route" if key == "entry" else "executive")}
    for column, rank in enumerate(ranks, start=2):
        net.add_node(f"column-{rank}", label=level_names[rank], x=column * _COLUMN, y=-_ROW, shape="text", font=font, filterValue="heading")

    def cell_of(node: str) -> str:
        p = facts.positions.get(node)
        return cell_id(p.community, p.rank) if p else node

    counted: Counter[Any] = Counter()
    for source, target, kind in moves:
        a, b = cell_of(source), cell_of(target)
        if a != b:
            counted[(a, b, kind)] += 1
    edge_details = {}
    for (a, b, kind), count in sorted(counted.items()):
        colour, dashes = EDGE_STYLES[kind]
        edge_id = f"{a}|{b}|{kind}"
        net.add_edge(a, b, id=edge_id, color=colour, dashes=dashes, width=round(1 + math.log2(count), 2), kind=kind)
        evidence = text(lang, "moves_count", count=count)
        edge_details[edge_id] = edge_info(details[a]["label"], details[b]["label"], text(lang, kind), evidence=evidence)
    on_demand = _stream_detail(facts, nodes, labels, names, moves, cell_of)
    filters = [(c, communities.get(c, c), True) for c in order]
    filters.append(("entry", text(lang, "entry_routes"), True))
    edge_filters = [(key, text(lang, key), key in shown) for key in EDGE_STYLES]
    return View(
        "career-map",
        lang,
        text(lang, "career_map_title"),
        text(lang, "aggregate_description", positions=sum(members.values()), limit=DETAIL_LIMIT),
        net,
        details,
        edge_details,
        filters,
        legend,
        {**OPTIONS, "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}}},
        edge_filters=edge_filters,
        on_demand=on_demand,
    )


def _stream_detail(
    facts: Facts,
    nodes: dict[str, State],
    labels: dict[str, str],
    names: dict[str, str],
    moves: list[tuple[str, str, str]],
    cell_of: Callable[[str], str],
) -> dict[str, Any]:
    """What the page needs to draw one stream's positions and their moves when asked (``static/page.js``).

    Positions by index; a move's end outside the positions (an entry route, an EX level) by id, and each
    position's box, where a move leaves the chosen stream.
    """
    streams = stream_order(facts)
    stream_index = {s: i for i, s in enumerate(streams)}
    positions = sorted(n for n, d in nodes.items() if d.kind == "position")
    index = {p: i for i, p in enumerate(positions)}
    return {
        "streams": [names[s] for s in streams],
        "positions": [
            [
                p,
                label_of(labels, {p: d.label}, p),
                position_label(d, labels),
                stream_index[d.stream],
                d.rank,
                d.path,
                cell_of(p),
            ]
            for p, d in ((p, nodes[p]) for p in positions)
        ],
        "moves": [[index.get(a, a), index.get(b, b), kind] for a, b, kind in moves],
        "pathRows": dict(zip(facts.path_order(), (-22, 22), strict=False)),  # two paths: the first above, the second below
        "styles": {kind: {"color": colour, "dashes": dashes} for kind, (colour, dashes) in EDGE_STYLES.items()},
    }
