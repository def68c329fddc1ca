"""How the pages look: colours by community and kind, how each kind of move is drawn, vis-network options, small helpers.

Examples
--------
>>> PALETTE[0], ENTRY_COLOUR
('#26374a', '#6c757d')
>>> extra_colour("https://example.org/community-cloud") == extra_colour("https://example.org/community-cloud")
True
>>> label_of({"a": "A (fr)"}, {"a": "A"}, "a"), label_of({}, {"a": "A"}, "a"), label_of({}, {}, "a")
('A (fr)', 'A', 'a')
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any

from pyvis.network import Network

from graph.mobility.facts import Facts
from graph.mobility.moves import State

__all__ = [
    "ENTRY_COLOUR",
    "EXECUTIVE_COLOUR",
    "PALETTE",
    "EDGE_STYLES",
    "KIND_COLOURS",
    "KIND_SHAPES",
    "OPTIONS",
    "community_colours",
    "extra_colour",
    "community_names",
    "edge_info",
    "label_of",
    "network",
    "position_label",
    "stream_communities",
    "stream_names",
]

PALETTE = ("#26374a", "#2b8a3e", "#b35900")
"""The colours of the career communities that hold streams, in the source's order (IT, IDG, DCOE as shipped)."""
EXECUTIVE_COLOUR = "#7b2d8b"
"""The colour of the executive community (the one the stated executive transitions lead to)."""
ENTRY_COLOUR = "#6c757d"
"""The colour of the entry routes (no community yet)."""
EDGE_STYLES = {  # how a move is drawn: (colour, dashes)
    "promotion": ("#26374a", False),
    "promotion elsewhere": ("#1971c2", [8, 6]),
    "deployment": ("#c2255c", [2, 6]),
    "appointment": ("#a61e4d", [16, 4]),  # every dashed kind its own pattern: none told apart by colour alone (issue 20)
    "acting appointment": ("#f08c00", [12, 4, 2, 4]),
    "entry": ("#adb5bd", False),
    "executive appointment": ("#7b2d8b", False),
}

KIND_COLOURS = {
    "stream": "#26374a",
    "role": "#1971c2",
    "position": "#4dabf7",
    "responsibility": "#868e96",
    "expertise": "#adb5bd",
    "functional area": "#495057",
    "skill": "#2b8a3e",
    "skill family": "#69db7c",
    "job template": "#0b7285",
    "staffing rule": "#e8590c",
    "assumption": "#fd7e14",
    "pay range": "#d9480f",
    "crosswalk": "#5c940d",
    "benefit": "#66a80f",
    "application rule": "#1864ab",
    "program": "#7b2d8b",
    "level": "#f08c00",
    "community": "#c92a2a",
    "group": "#e03131",
    "entry route": "#6c757d",
    "progression": "#e64980",
    "reporting": "#ae3ec9",
    "specialisation": "#0c8599",
    "organisation": "#5f3dc4",
    "team": "#15aabf",
    "path": "#fab005",
    "employment status": "#ced4da",
    "qualification": "#d9480f",
    "pay scale": "#d9480f",
    "retired competency": "#868e96",
}

KIND_SHAPES = {
    "stream": "dot", "role": "square", "position": "dot", "responsibility": "triangle", "expertise": "diamond",
    "functional area": "hexagon", "skill": "dot", "skill family": "star", "job template": "square", "staffing rule": "diamond",
    "assumption": "triangleDown", "pay range": "square", "crosswalk": "triangle", "benefit": "star", "application rule": "hexagon",
    "program": "star", "level": "triangle", "community": "hexagon", "group": "diamond", "entry route": "triangleDown",
    "progression": "dot", "reporting": "triangle", "specialisation": "triangleDown", "organisation": "square", "team": "diamond",
    "path": "star", "employment status": "hexagon", "qualification": "triangle", "pay scale": "diamond", "retired competency": "square",
}  # fmt: skip
"""The shape of each kind of node on the knowledge graph: with its colour, no two kinds look alike, and kinds of one
colour (pay ranges, pay scales, qualifications) differ by shape: none is told apart by colour alone (issue 20)."""


OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 200, "navigationButtons": False, "keyboard": {"enabled": True}, "multiselect": False},
    "layout": {"improvedLayout": False, "randomSeed": 42},
    "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "scaling": {"label": {"drawThreshold": 3}}},
}


def edge_info(
    source: str,
    target: str,
    kind: str,
    *,
    basis: str | None = None,
    score: float | None = None,
    evidence: str | list[Any] = "",
    shared: Iterable[str] = (),
    quotes: Iterable[str] = (),
    **more: object,
) -> dict[str, Any]:
    """What the details panel shows for a link (``more``: ``rule``, ``assumptions``, ``gap`` of a move)."""
    return {
        "from": source,
        "to": target,
        "kind": kind,
        "basis": basis,
        "score": score,
        "evidence": evidence,
        "shared": list(shared),
        "quotes": list(quotes),
        **more,
    }


_EXTRA_COLOURS = ("#0b7285", "#c2255c", "#5c940d", "#e8590c", "#364fc7", "#862e9c", "#a61e4d", "#087f5b")
"""Colours for the career communities beyond `PALETTE` (users' own), chosen by a stable hash of the community's id."""


def extra_colour(community: str) -> str:
    """One of `_EXTRA_COLOURS`, the same for the same community in every build."""
    return _EXTRA_COLOURS[zlib.crc32(community.encode("utf-8")) % len(_EXTRA_COLOURS)]


def community_colours(facts: Facts) -> dict[str, str]:
    """The colour of each career community (``""``: the entry routes): `PALETTE` in the source's order, then `extra_colour`."""
    colours = {c: PALETTE[i] if i < len(PALETTE) else extra_colour(c) for i, c in enumerate(stream_communities(facts))}
    return colours | dict.fromkeys(facts.executive_communities, EXECUTIVE_COLOUR) | {"": ENTRY_COLOUR}


def stream_communities(facts: Facts) -> list[str]:
    """The communities that hold streams, in the source's order (users' own after the shipped ones)."""
    order = {s.community: (s.community_order, s.community) for s in facts.streams.values()}
    return sorted(order, key=order.__getitem__)


class _NodeIds(list[Any]):
    """Node ids that pyvis can look up in constant time.

    pyvis keeps them in a list and looks each new node and each edge's ends up in it: with a set beside the list, a
    page of n nodes and e edges is built in O(n + e), not O(n (n + e)).
    """

    def __init__(self) -> None:
        super().__init__()
        self._known: set[str] = set()

    def append(self, node_id: str) -> None:
        super().append(node_id)
        self._known.add(node_id)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._known


def network() -> Network:
    """An empty directed pyvis network whose scripts are inlined, not fetched (see `graph.viz.page`)."""
    net = Network(directed=True, cdn_resources="local")
    net.node_ids = _NodeIds()
    return net


def mark_english(info: dict[str, Any], lang: str, *fields: str) -> dict[str, Any]:
    """Say, on a page in another language than English, which of ``info``'s fields exist only in English.

    The page marks them ``lang="en"`` (WCAG 3.1.2): the sources' words, names the graph has in English only. An English
    page's details are left as they are.

    >>> mark_english({"label": "IT Security", "definition": ""}, "fr", "label", "definition")
    {'label': 'IT Security', 'definition': '', 'english': ['label']}
    """
    present = [f for f in fields if info.get(f)]
    if lang != "en" and present:
        info["english"] = sorted({*info.get("english", []), *present})
    return info


def label_of(labels: dict[str, str], english: dict[str, str], node: str) -> str:
    """A node's label in the page's language, else in English, else its id."""
    return labels.get(node) or english.get(node) or node


def stream_names(facts: Facts, labels: dict[str, str]) -> dict[str, str]:
    """The streams' names in the page's language, else in English."""
    return {stream: labels.get(stream) or data.label for stream, data in facts.streams.items()}


def position_label(position: State, labels: dict[str, str]) -> str:
    """What a position shows on the career map: its role in the page's language, or its level where there is no role.

    Its lane names the stream and its column the level.
    """
    return labels.get(position.role or "") or position.role_label or position.level


def community_names(facts: Facts, labels: dict[str, str]) -> dict[str, str]:
    """The career communities' names in the page's language (the executives' included)."""
    names = {s.community: labels.get(s.community, s.community_label) for s in facts.streams.values()}
    return names | {c: labels.get(c, c) for c in facts.executive_communities}
