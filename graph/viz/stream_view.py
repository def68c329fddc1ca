"""The stream-mobility view: the 13 streams on a circle, linked by the official skills their responsibilities share."""

from __future__ import annotations

import math
from typing import Any

from graph.i18n import text
from graph.mobility.facts import Facts, stream_order
from graph.mobility.similarity import shared_evidence, stream_similarity
from graph.viz.page import View
from graph.viz.style import OPTIONS, community_colours, community_names, edge_info, label_of, mark_english, network, stream_communities

__all__ = ["ALL_PAIRS_UP_TO", "drawn_pairs", "stream_mobility"]


ALL_PAIRS_UP_TO = 40
"""Up to this many streams, every pair at least `MIN_SIMILARITY` alike is drawn; beyond, each stream's `NEIGHBOURS` most alike."""
MIN_SIMILARITY = 0.05
NEIGHBOURS = 5


def drawn_pairs(similarity: dict[tuple[str, str], float], streams: int) -> list[tuple[tuple[str, str], float]]:
    """The pairs of streams the view links, sorted: all of them, or for many streams each one's nearest (linear in streams).

    >>> drawn_pairs({("a", "b"): 0.5, ("a", "c"): 0.01}, 3)
    [(('a', 'b'), 0.5)]
    """
    pairs = [(pair, v) for pair, v in similarity.items() if v >= MIN_SIMILARITY]
    if streams <= ALL_PAIRS_UP_TO:
        return sorted(pairs)
    nearest: dict[str, list[Any]] = {}
    for pair, v in pairs:
        for end in pair:
            nearest.setdefault(end, []).append((-v, pair))
    kept = {pair for ranked in nearest.values() for _, pair in sorted(ranked)[:NEIGHBOURS]}
    return sorted((pair, similarity[pair]) for pair in kept)


def _evidence(behind: list[tuple[str, str, list[str]]], lang: str) -> str | list[str | list[str]]:
    r"""The responsibilities behind a similarity (``Stream: “words” (skills); ...``), as runs on a French page.

    On a page in another language than English, a list of runs in which the page's English words are marked as such.

    >>> _evidence([("Sécurité", "data", ["Données"])], "fr")
    ['Sécurité\xa0: ', ['“data”', 'en'], ' (Données)']
    """
    if lang == "en":
        return "; ".join(f"{stream}: “{words}” ({', '.join(skills)})" for stream, words, skills in behind)
    runs: list[str | list[str]] = []
    for i, (stream, words, skills) in enumerate(behind):
        runs += [f"{' ; ' if i else ''}{stream}\u00a0: ", [f"“{words}”", "en"], f" ({', '.join(skills)})"]
    return runs


def stream_mobility(facts: Facts, lang: str, labels: dict[str, str], similarity: dict[tuple[str, str], float] | None = None) -> View:
    """The streams on a circle, linked by official-skill similarity; each link lists the shared skills.

    ``similarity`` is `stream_similarity`'s answer when the caller has it already.
    """
    order = stream_order(facts)
    communities, colours = community_names(facts, labels), community_colours(facts)
    english = {s: d.label for s, d in facts.streams.items()}
    net = network()
    details = {}
    for i, stream in enumerate(order):
        angle = 2 * math.pi * i / len(order) - math.pi / 2
        net.add_node(
            stream,
            label=label_of(labels, english, stream),
            x=round(420 * math.cos(angle)),
            y=round(420 * math.sin(angle)),
            color=colours[facts.streams[stream].community],
            shape="dot",
            size=14,
            filterValue=facts.streams[stream].community,
        )
        details[stream] = mark_english(
            {
                "label": label_of(labels, english, stream),
                "kind": text(lang, "stream"),
                "group": communities[facts.streams[stream].community],
                "responsibilities": [i.label for i in facts.stream_items.get(stream, [])],
            },
            lang,
            "responsibilities",
            *(["label"] if stream not in labels else []),
        )
    edge_details = {}
    similarity = similarity if similarity is not None else stream_similarity(facts)
    top = 6 if len(order) <= ALL_PAIRS_UP_TO else 2  # many streams: the page stays small (each link's top two)
    for (a, b), score in drawn_pairs(similarity, len(order)):
        shared, behind = shared_evidence(facts, a, b, top=top, lang=lang)
        edge_id = f"{a}|{b}"
        net.add_edge(a, b, id=edge_id, width=round(1 + 24 * score, 2), color="#1971c2", arrows={"to": {"enabled": False}}, smooth=False)
        edge_details[edge_id] = edge_info(
            label_of(labels, english, a),
            label_of(labels, english, b),
            text(lang, "skill_similarity"),
            basis="inferred",
            score=score,
            evidence=_evidence(behind, lang),
            shared=shared,
        )
    filters = [(c, communities[c], True) for c in stream_communities(facts)]
    legend = [("dot", colours[c], communities[c]) for c in stream_communities(facts)]
    legend.append(
        (
            "solid",
            "#1971c2",
            text(lang, "skill_similarity_legend"),
        )
    )
    title = text(lang, "stream_mobility_title")
    description = text(lang, "stream_mobility_description")
    return View(
        "stream-mobility", lang, title, description, net, details, edge_details, filters, legend, {**OPTIONS, "edges": {"smooth": False}}
    )
